"""The split the project is built on: analytics/ is a library that never imports streamlit."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import analytics

ROOT = Path(__file__).resolve().parents[1]


def test_no_analytics_module_imports_streamlit():
    modules = sorted(
        module.name
        for module in pkgutil.walk_packages(analytics.__path__, "analytics.")
        if not module.name.endswith("__main__")
    )
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({name!r})\n" for name in modules)
    code += "print('streamlit' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_ruff_finds_nothing_to_fix():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_names_every_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    titles = re.findall(
        r'st\.Page\("pages/\w+\.py", title=_\("([^"]+)"\)', (ROOT / "app.py").read_text(encoding="utf-8")
    )
    assert titles
    for title in titles:
        assert f"**{title}**" in readme, f"README does not describe the {title} page"


def test_ci_runs_the_test_command_the_readme_gives():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = re.search(r"## Tests\s+```bash\n(.+?)\n```", readme).group(1).strip()
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip()]
    assert ci_lines[-1] == test_command


def test_every_page_file_is_in_the_navigation():
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    for page in (ROOT / "pages").glob("*.py"):
        assert f'"pages/{page.name}"' in app


def test_code_is_formatted_with_ruff():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_display_names_list_every_stored_format_tier_sentiment_and_confidence_code():
    from analytics import captions, members, sentiment
    from analytics.i18n import terms

    assert terms.FORMATS == list(captions.FORMATS)
    assert terms.TIERS == list(members.TIER_ORDER)
    assert terms.SENTIMENTS == list(sentiment.LABELS)
    assert terms.CONFIDENCES == list(captions.CONFIDENCES)
