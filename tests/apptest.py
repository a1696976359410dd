"""AppTest for this app: start from app.py, as `streamlit run app.py` does.

Why the patch: AppTest builds a fresh PagesManager for every run, and a fresh one
assumes the old `pages/`-directory mode whenever a `pages/` folder exists, until the
script calls `st.navigation`. `streamlit run` keeps one PagesManager, so after the first
run the app is in `st.navigation` mode for good; AppTest's second run instead takes the
pages-directory path and renders nothing. Pinning the flag to False reproduces what
`streamlit run` does.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

ROOT = Path(__file__).resolve().parents[1]


class _NavigationPagesManager(PagesManager):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


app_test_module.PagesManager = _NavigationPagesManager


def app(timeout: float = 120, language: str | None = None) -> AppTest:
    """The app, run once (it opens on the demo brand), in English or the `language` chosen in the sidebar."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    if language is not None:
        at.session_state["ui_language"] = language
    at.run()
    assert not at.exception, at.exception
    return at


def loaded_files(at: AppTest):
    """The Data page's "Loaded files" table (a client's page shows its imports above it)."""
    return next(frame for frame in at.dataframe if "File" in frame.value.columns)
