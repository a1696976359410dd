"""With pseudonyms on, no member's handle leaves the app: not in a Members page download, not in the
deck or the HTML report, not from the command line (where pseudonyms are the default).

A handle is looked for anywhere in a file (a cell, a comment quoted in it, a headline, a chart label),
as typed or with its @: the demo's comments mention other members ("Count me in @chloe_cafe").
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from analytics.sample import SAMPLE_DIR, sample_files
from tests.apptest import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


def member_handles(con) -> list[str]:
    """Every member's handle (the brand's own account is not a member)."""
    rows = con.execute(
        "select distinct lower(member_handle) from comments where not is_brand and member_handle is not null"
    ).fetchall()
    return sorted(handle for (handle,) in rows)


def handles_in(text: str, handles: list[str]) -> set[str]:
    """The handles written in `text` (a whole handle: "fan_03" is not in "fan_036")."""
    found = set(re.findall(r"(?<![\w.])@?([\w][\w.]*[\w]|\w)", text.lower()))
    return found & set(handles)


def csv_text(data: bytes | str) -> str:
    data = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    return "\n".join(" ".join(row) for row in csv.reader(io.StringIO(data, newline="")))


def own_data_members_page():
    """The demo's exports uploaded as the marketer's own data: Members then hides names by default."""
    at = app()
    at.sidebar.selectbox(key="period_preset").set_value("All data").run()
    files = [(name, data, "application/octet-stream") for name, data in sample_files()]
    at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    at.switch_page("pages/members.py").run()
    assert not at.exception, at.exception
    return at


def test_with_names_hidden_no_members_download_holds_a_handle(downloads):
    at = own_data_members_page()
    assert at.toggle(key="members_pseudonymize").value  # on by default for one's own data
    at.session_state["members_table_more"] = True  # every column, the last comment's text too
    for view in ("Tiers", "Lists to act on", "One member", "Replies", "Sentiment"):
        at.session_state["members_view"] = view
        at.run()
        assert not at.exception, (view, at.exception)
    handles = member_handles(at.session_state["workspace"].con)
    assert len(handles) > 100
    files = {key: data for key, (name, data) in downloads.items() if key.startswith("members_")}
    assert {"members_download", "members_champions_download", "members_queue_download"} <= set(files)
    leaks = {key: sorted(handles_in(csv_text(data), handles))[:5] for key, data in files.items()}
    assert {key: found for key, found in leaks.items() if found} == {}
    # Names shown: the same downloads do hold handles (the search above can find them).
    at.toggle(key="members_pseudonymize").set_value(False).run()
    assert handles_in(csv_text(downloads["members_queue_download"][1]), handles)
    at.session_state["members_view"] = "Tiers"
    at.run()
    assert handles_in(csv_text(downloads["members_download"][1]), handles)


def deck_texts(deck: bytes) -> str:
    """Every piece of text in a .pptx: slides, notes, charts and their embedded workbooks."""
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        return "\n".join(
            package.read(name).decode("utf-8", "replace")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        ) + "\n".join(
            str(cell.value)
            for name in package.namelist()
            if name.endswith(".xlsx")
            for sheet in openpyxl.load_workbook(io.BytesIO(package.read(name)))
            for row in sheet.iter_rows()
            for cell in row
        )


def test_the_report_pages_deck_and_html_hold_no_handle_by_default(downloads):
    at = app()
    files = [(name, data, "application/octet-stream") for name, data in sample_files()]
    at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    at.switch_page("pages/report.py").run()
    assert not at.exception, at.exception
    assert not at.toggle(key="report_real_handles").value
    handles = member_handles(at.session_state["workspace"].con)
    deck, page = downloads["report_download_deck"][1], downloads["report_download_html"][1]
    page = page.decode("utf-8") if isinstance(page, bytes) else page
    assert sorted(handles_in(deck_texts(deck), handles)) == []
    assert sorted(handles_in(page, handles)) == []
    assert "member-" in page  # the members are there, as pseudonyms


@pytest.mark.parametrize("suffix", [".pptx", ".html"])
def test_the_command_lines_report_holds_no_handle_by_default(tmp_path, suffix):
    from analytics.sample import demo_workspace

    files = sorted(str(path) for path in SAMPLE_DIR.iterdir() if path.suffix in {".csv", ".zip"})
    out = tmp_path / f"report{suffix}"
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "report", *files, "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    handles = member_handles(demo_workspace().con)
    written = deck_texts(out.read_bytes()) if suffix == ".pptx" else out.read_text(encoding="utf-8")
    assert sorted(handles_in(written, handles)) == []
    assert "member-" in written
