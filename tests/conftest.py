"""Every test keeps the app's folder (clients, remembered choices) out of the real home.

Tests that need a folder of their own set COMMUNITYLENS_HOME themselves (monkeypatch); the rest
share one throwaway folder per test process: the suite runs in several processes at once
(pytest-xdist), and two processes must never open one client store.
"""

import os
import tempfile

import duckdb
import pytest

_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
os.environ["COMMUNITYLENS_HOME"] = tempfile.mkdtemp(prefix=f"communitylens-tests-{_worker}-")

# One DuckDB thread per connection in the test processes. The suite runs one process per core already, and
# a test's tables are a few thousand rows at most (one thread reads them whole): DuckDB's extra threads only
# woke up and waited around each of the thousands of small queries, doubling the CPU a page test used
# (a members-page test with three uploads: 24 s of CPU with the default, 13 s with one thread). Results
# are the same; the app itself keeps DuckDB's default (one thread per core).
_duckdb_connect = duckdb.connect


def _connect_with_one_thread(database=":memory:", *args, config=None, **kwargs):
    return _duckdb_connect(database, *args, config={"threads": 1, **(config or {})}, **kwargs)


duckdb.connect = _connect_with_one_thread

# The slowest files, slowest first (each timed alone with -n0, 30 Nov 2026). pytest-xdist hands
# out whole files (--dist loadfile) in collection order (--no-loadscope-reorder in pyproject.toml), so these
# start first and the quick files fill in at the end: a slow file handed out last kept one process busy
# for minutes while the other sat idle. A file not listed keeps its place after them.
SLOWEST_FIRST = (
    "test_real_pages.py",
    "test_real_pages_mixed.py",
    "test_members_page.py",
    "test_browser.py",
    "test_report_page.py",
    "test_team_store.py",
    "test_cli_store.py",
    "test_clients.py",
    "test_pages.py",
    "test_fuzz_ingest.py",
    "test_ui.py",
    "test_one_truth.py",
    "test_whatif_page.py",
    "test_report_deck.py",
    "test_team_lake.py",
    "test_formats_page.py",
    "test_segments_page.py",
    "test_report_html.py",
)


def pytest_collection_modifyitems(items):
    """Tests of the slowest files first (see SLOWEST_FIRST); the order within a file is kept."""
    rank = {name: place for place, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A client store of its own in `tmp_path`, with the default SQLite catalog (no team settings)."""
    from analytics.store.store import open_store

    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    for name in ("COMMUNITYLENS_LAKE", "COMMUNITYLENS_LAKE_DATA", "COMMUNITYLENS_ORIGINALS"):
        monkeypatch.delenv(name, raising=False)
    opened = open_store()
    yield opened
    opened.close()


class Downloads(dict):
    """Download buttons by key: (file name, bytes). A button's bytes are made when first read, as a click would."""

    def __getitem__(self, key):
        name, data = super().__getitem__(key)
        if callable(data):
            data = data()
            super().__setitem__(key, (name, data))
        return name, data

    def items(self):
        return [(key, self[key]) for key in self]


@pytest.fixture
def downloads(monkeypatch) -> Downloads:
    """Every download button an AppTest page draws, by key: its file name and the bytes a click would give.

    Recorded where Streamlit takes them (`st.download_button` and a column's), so a download that skips
    `ui.download_csv` (or a `ui.download_csv` that skips the formula protection) is seen as it is.
    """
    import streamlit as st
    from streamlit.delta_generator import DeltaGenerator

    made = Downloads()
    original = DeltaGenerator.download_button

    def recording(self, label, data, file_name=None, *args, **kwargs):
        dict.__setitem__(made, kwargs.get("key") or label, (file_name, data))
        return original(self, label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setattr(st, "download_button", lambda *args, **kwargs: recording(st._main, *args, **kwargs))
    return made
