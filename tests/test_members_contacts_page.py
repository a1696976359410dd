"""The Members page's lists to act on: links, the "Contacted" tick kept per client, who came back.

Driven through AppTest on an uploaded comments export (generated, and a real one when the
real_exports folder is there), and on the demo brand, which must write nothing to disk.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import ui
from analytics.export import csv_bytes
from analytics.outreach import CONTACTED
from tests.apptest import app

VIDEO_URL = "https://www.tiktok.com/@shopdemo/video/7507890376124992786"
HOSTILE_HANDLE = 'x" onmouseover="alert(1)'
# Who comments when (May 2025): linh comes back after being contacted on 1 May, bao does not.
COMMENTS = [
    ("linh.nguyen_99", "6796934464549471201", "2025-05-01T10:00:00.000Z"),
    ("bao_tran", "6796934464549471202", "2025-05-01T11:00:00.000Z"),
    (HOSTILE_HANDLE, "6796934464549471203", "2025-05-02T09:00:00.000Z"),
    ("linh.nguyen_99", "6796934464549471201", "2025-05-03T10:00:00.000Z"),
    ("Trang Pham", "6796934464549471204", "2025-05-04T10:00:00.000Z"),
    ("linh.nguyen_99", "6796934464549471201", "2025-05-05T10:00:00.000Z"),
]
REAL_APIFY = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "real_exports"
    / "apify-tiktok-comments-scraper_json_farrelad"
    / "dataset_tiktok-comments-scraper_2025-05-25_06-21-26-775.json"
)


def apify_export() -> bytes:
    """An Apify TikTok comments scraper download: a handle with a dot and an underscore, one with a
    quote and an event handler, and a display name given as the handle."""
    rows = [
        {
            "videoWebUrl": VIDEO_URL,
            "cid": f"75081699696126205{number:02d}",
            "createTimeISO": at,
            "text": "love it",
            "diggCount": 1,
            "repliesToId": None,
            "replyCommentTotal": 0,
            "uid": uid,
            "uniqueId": handle,
        }
        for number, (handle, uid, at) in enumerate(COMMENTS)
    ]
    return json.dumps(rows).encode()


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A private app folder (its client store), shared by every AppTest session of the test."""
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def downloads(monkeypatch):
    made: dict[str, pd.DataFrame] = {}
    monkeypatch.setattr(ui, "download_csv", lambda frame, label, file_name, key: made.update({key: frame}))
    return made


def members_page(files: list[tuple[str, bytes]], *, names: bool = True):
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [(name, data, "application/json") for name, data in files]
    ).run()
    at.switch_page("pages/members.py").run()
    if names:
        at.toggle(key="members_pseudonymize").set_value(False).run()
    open_lists(at)
    assert not at.exception, at.exception
    return at


def open_lists(at):
    """Click the "Lists to act on" tab (only the open tab runs)."""
    at.session_state["members_view"] = "Lists to act on"
    return at.run()


def client_memory(at):
    """The memory of the client the upload was kept in."""
    from analytics.store import open_store

    return open_store().memory(at.session_state["client_choice"])


def new_list(at) -> pd.DataFrame:
    version = at.session_state["members_contacts_version"]
    return next(editor.value for editor in at.data_editor if editor.key == f"members_new_{version}")


def tick(at, member: str) -> None:
    """Tick "Contacted" for this member in the New list, as a click in the table does."""
    version = at.session_state["members_contacts_version"]
    row = new_list(at)["Member"].tolist().index(member)
    at.session_state[f"members_new_{version}"] = {
        "edited_rows": {row: {"Contacted": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception, at.exception


def test_each_new_member_links_to_their_profile_only_with_a_real_handle_and_to_their_last_video(home):
    at = members_page([("dataset_tiktok-comments-scraper.json", apify_export())])
    listed = new_list(at).set_index("Member")
    assert listed["Profile"].astype(object).where(listed["Profile"].notna(), None).to_dict() == {
        "@Trang Pham": None,  # a display name in the handle's place: no link
        f"@{HOSTILE_HANDLE}": None,
        "@linh.nguyen_99": "https://www.tiktok.com/@linh.nguyen_99",
        "@bao_tran": "https://www.tiktok.com/@bao_tran",
    }
    assert set(listed["Last video"]) == {VIDEO_URL}
    assert listed["Contacted"].tolist() == [False] * 4


def test_a_member_marked_contacted_stays_marked_after_a_rerun_and_in_a_new_session(home, monkeypatch):
    monkeypatch.setattr(ui, "today", lambda: date(2025, 5, 1))
    files = [("dataset_tiktok-comments-scraper.json", apify_export())]
    at = members_page(files)
    tick(at, "@linh.nguyen_99")
    tick(at, "@bao_tran")
    listed = new_list(at).set_index("Member")
    assert listed["Contacted"].to_dict() == {
        "@Trang Pham": False,
        f"@{HOSTILE_HANDLE}": False,
        "@linh.nguyen_99": True,
        "@bao_tran": True,
    }
    # linh's comment on the contact day does not count; those of 3 and 5 May do.
    assert listed.loc["@linh.nguyen_99", "Follow-up"] == "Contacted 1 May · came back (2 comments since)"
    assert listed.loc["@bao_tran", "Follow-up"] == "Contacted 1 May · not back yet"
    assert any("2 contacted in the last 60 days; 1 came back." in caption.value for caption in at.caption)
    at.run()
    assert new_list(at).set_index("Member")["Contacted"].sum() == 2
    # Kept in the client's store by member id and day, nothing else (no handle, no name).
    assert client_memory(at).read(CONTACTED) == {
        "6796934464549471201": "2025-05-01",
        "6796934464549471202": "2025-05-01",
    }
    # Another browser session on the same files sees the marks.
    again = members_page(files)
    follow_up = new_list(again).set_index("Member")["Follow-up"]
    assert follow_up["@linh.nguyen_99"] == "Contacted 1 May · came back (2 comments since)"
    assert follow_up["@bao_tran"] == "Contacted 1 May · not back yet"


def test_the_lists_files_carry_the_contact_and_links_only_when_names_are_shown(home, monkeypatch, downloads):
    monkeypatch.setattr(ui, "today", lambda: date(2025, 5, 1))
    files = [("dataset_tiktok-comments-scraper.json", apify_export())]
    at = members_page(files)
    tick(at, "@linh.nguyen_99")
    named = downloads["members_new_download"].set_index("member")
    assert named.loc[
        "@linh.nguyen_99", ["contacted_date", "came_back", "count_comments_since_contact"]
    ].tolist() == [
        date(2025, 5, 1),
        "yes",
        2,
    ]
    assert named.loc["@linh.nguyen_99", "profile_link"] == "https://www.tiktok.com/@linh.nguyen_99"
    assert named.loc["@bao_tran", "video_link"] == VIDEO_URL

    # Pseudonyms (the default for an upload): no handle, name, comment text or link leaves the app.
    hidden = members_page(files, names=False)
    assert "Profile" not in new_list(hidden).columns
    for key in ("members_champions_download", "members_at_risk_download", "members_new_download"):
        frame = downloads[key]
        assert not {"profile_link", "video_link", "last_comment_text"} & set(frame.columns), key
        assert {"contacted_date", "came_back", "count_comments_since_contact"} <= set(frame.columns), key
    new = downloads["members_new_download"]
    assert new["member"].str.fullmatch(r"member-[0-9a-f]{12}").all()
    assert new["came_back"].tolist().count("yes") == 1
    text = csv_bytes(new).decode("utf-8-sig")
    assert not any(handle in text for handle, _, _ in COMMENTS) and "tiktok.com" not in text


def test_the_demo_keeps_a_contacted_mark_for_the_session_and_writes_nothing_to_disk(home, monkeypatch):
    monkeypatch.setattr(ui, "today", lambda: date(2026, 11, 1))  # the demo's comments end on 22 Nov 2026
    at = app()
    at.switch_page("pages/members.py").run()
    open_lists(at)
    before = sorted(path.relative_to(home) for path in home.rglob("*"))
    version = at.session_state["members_contacts_version"]
    champions = next(editor for editor in at.data_editor if editor.key == f"members_champions_{version}")
    first = champions.value["Member"].iloc[0]
    at.session_state[f"members_champions_{version}"] = {
        "edited_rows": {0: {"Contacted": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception, at.exception
    version = at.session_state["members_contacts_version"]
    champions = next(editor for editor in at.data_editor if editor.key == f"members_champions_{version}")
    row = champions.value.set_index("Member").loc[first]
    assert row["Contacted"] and row["Follow-up"].startswith("Contacted 1 Nov · came back (")
    assert any("1 contacted in the last 60 days" in caption.value for caption in at.caption)
    assert sorted(path.relative_to(home) for path in home.rglob("*")) == before
    assert not (home / CONTACTED).exists()


@pytest.mark.skipif(not REAL_APIFY.exists(), reason="real exports folder absent")
def test_a_real_apify_export_links_every_newcomer_to_their_profile_and_the_kumparan_video(home):
    at = members_page([(REAL_APIFY.name, REAL_APIFY.read_bytes())])
    listed = new_list(at)
    assert len(listed) == 493
    handles = listed["Member"].str.removeprefix("@")
    assert (listed["Profile"] == "https://www.tiktok.com/@" + handles).all()
    assert set(listed["Last video"]) == {"https://www.tiktok.com/@kumparan/video/7507890376124992786"}
    tick(at, listed["Member"].iloc[0])
    assert new_list(at)["Contacted"].sum() == 1
    assert len(client_memory(at).read(CONTACTED)) == 1
