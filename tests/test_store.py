"""The client store keeps each client's history whole: across restarts, kills, undos and fixes.

Every test has its own COMMUNITYLENS_HOME (a fresh lake). Files are the genuine exports in
/work/shared/real_exports (skipped when absent) and comments generated in the layouts of
tests/test_comment_layouts.py.
"""

from __future__ import annotations

import io
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.schema import TABLES
from analytics.store import AccountMismatch, UnknownClient, open_store
from tests.test_comment_layouts import APIFY_HEADER, BRAND_UID, apify_csv, community, excel_workbooks

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real_exports"
TODAY = date(2026, 11, 22)
FOLDERS = sorted(p.name for p in REAL.iterdir() if p.is_dir()) if REAL.exists() else []
needs_real = pytest.mark.skipif(not REAL.exists(), reason="real exports folder absent")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    for name in (
        "COMMUNITYLENS_LAKE",
        "COMMUNITYLENS_LAKE_DATA",
        "COMMUNITYLENS_ORIGINALS",
        "COMMUNITYLENS_TEST_PAUSE",
    ):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def store(home):
    opened = open_store()
    yield opened
    opened.close()


def real_files(*folders: str) -> list[tuple[str, bytes]]:
    return [
        (path.name, path.read_bytes())
        for folder in folders
        for path in sorted((REAL / folder).rglob("*"))
        if path.is_file() and path.name != "SOURCES.md"
    ]


def state(ws) -> dict:
    """Everything a page reads from a client, in comparable form."""
    return {
        "tables": {t: ws.con.execute(f'select * from "{t}" order by all').df() for t in TABLES},
        "summary": ws.summary(),
        "imports": ws.imports(),
        "merge_notes": list(ws.merge_notes),
        "brand_accounts": ws.brand_accounts(),
        "account": ws.account,
        "detected": ws.detected_brand_handles(),
    }


def assert_same(got: dict, expected: dict) -> None:
    assert got.keys() == expected.keys()
    for table in TABLES:
        pd.testing.assert_frame_equal(got["tables"][table], expected["tables"][table], obj=table)
    for name in ("summary", "imports"):
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)
    # Kept as JSON: strings may come back as `object` and a gap as None rather than NaN, same values.
    pd.testing.assert_frame_equal(plain(got["brand_accounts"]), plain(expected["brand_accounts"]))
    for name in ("merge_notes", "account", "detected"):
        assert got[name] == expected[name], name


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).where(frame.notna(), None)


def counts(ws) -> dict[str, int]:
    return {t: ws.con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in TABLES}


def big_apify_csv(count: int, seed: int = 1, handle: str = "brewhaus_dn", first_id: int = 0) -> bytes:
    """`count` comments in Apify's CSV layout, on 300 videos of @handle in the year before TODAY."""
    rng = np.random.default_rng(seed)
    cid = (7_700_000_000_000_000_000 + first_id + np.arange(count)).astype(str)
    video = (7_600_000_000_000_000_000 + 1000 * rng.integers(0, 300, count)).astype(str)
    uid = (6_800_000_000_000_000_000 + 7919 * rng.integers(0, max(count // 8, 1), count)).astype(str)
    at = pd.Timestamp("2025-11-20") + pd.to_timedelta(rng.integers(0, 365 * 86400, count), unit="s")
    links = "https://www.tiktok.com/@" + handle + "/video/" + pd.Series(video)
    frame = pd.DataFrame(
        {
            "avatarThumbnail": "",
            "cid": cid,
            "createTime": (at.astype("int64") // 10**9).astype(str),
            "createTimeISO": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "diggCount": rng.integers(0, 40, count),
            "input": links,
            "likedByAuthor": "False",
            "pinnedByAuthor": "False",
            "repliesToId": "",
            "replyCommentTotal": 0,
            "submittedVideoUrl": links,
            "text": "Ngon quá",
            "uid": uid,
            "uniqueId": "fan_" + pd.Series(uid).str[-7:],
            "videoWebUrl": links,
        }
    )[APIFY_HEADER]
    return frame.to_csv(index=False).encode("utf-8")


def in_new_process(home: Path, code: str, *, env: dict | None = None, timeout: int = 600):
    """Run `code` in a fresh Python (with `store` open on `home`); what it pickles to `out` comes back."""
    out = home / "out.pickle"
    out.unlink(missing_ok=True)
    script = (
        "import pickle, sys\n"
        "from datetime import date\n"
        "from analytics.store import open_store\n"
        f"store = open_store()\nout = {str(out)!r}\n" + code
    )
    run_env = {**os.environ, "COMMUNITYLENS_HOME": str(home), "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=run_env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return pickle.loads(out.read_bytes()) if out.exists() else None


STATE_CODE = """
from tests.test_store import state
ws = store.open({client!r}, today=date(2026, 11, 22))
pickle.dump(state(ws), open(out, "wb"))
"""


# 1. What was imported is there after a restart --------------------------------------------------


@needs_real
@pytest.mark.parametrize(
    # Each kind of file is in the all-together case; one Studio account alone and one comment export alone.
    "folders",
    [[folder] for folder in FOLDERS if folder.startswith(("tiktok-studio_en-US", "comments-xlsx"))]
    + [FOLDERS],
    ids=lambda folders: "all-together" if len(folders) > 1 else folders[0],
)
def test_a_client_comes_back_whole_in_a_new_store_and_a_new_process(home, store, folders):
    client = store.create_client("Phin & Co.")
    ws = store.open(client, today=TODAY)
    ws.add_files(real_files(*folders), who="test", any_account=True)
    ws.set_brand_handles({"@PhinCo"})
    expected = state(ws)
    assert sum(len(frame) for frame in expected["tables"].values()) > 0 or folders == [
        "tiktok-studio_small-account_sobatti"
    ]
    assert len(expected["imports"]) == 1

    again = open_store().open(client, today=TODAY)
    assert_same(state(again), expected)
    assert again.brand_handles == {"phinco"}
    assert again.label == "Phin & Co."

    if len(folders) > 1:  # a new process too (once: it takes a while to start)
        assert_same(in_new_process(home, STATE_CODE.format(client=client)), expected)


# 2. An import killed mid-way ------------------------------------------------------------------------

BIG_IMPORT = """
from tests.test_store import big_apify_csv
ws = store.open({client!r}, today=date(2026, 11, 22))
ws.add_files([("dataset_tiktok-comments-scraper_big.csv", big_apify_csv({count}))], who="killed")
print("COMMITTED", file=sys.stderr, flush=True)
"""


def parquet_files(home: Path) -> set[Path]:
    return set((home / "lake" / "data").rglob("*.parquet"))


def start_import(home: Path, client: str, count: int, env: dict) -> subprocess.Popen:
    script = "import sys\nfrom datetime import date\nfrom analytics.store import open_store\nstore = open_store()\n"
    return subprocess.Popen(
        [sys.executable, "-c", script + BIG_IMPORT.format(client=client, count=count)],
        cwd=ROOT,
        env={**os.environ, "COMMUNITYLENS_HOME": str(home), "PYTHONPATH": str(ROOT), **env},
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_import_killed_between_writing_and_committing_leaves_the_previous_state_whole(home, store):
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files([("dataset_tiktok-comments-scraper_2026-11-01.csv", apify_csv(community()))])
    before, files_before = state(ws), parquet_files(home)

    process = start_import(home, client, 300_000, {"COMMUNITYLENS_TEST_PAUSE": "120"})
    try:
        line = process.stderr.readline()  # blocks until the change is written and waits for its commit
        assert "written, not committed" in line, line + process.stderr.read()
        written = parquet_files(home) - files_before
        assert written  # the rows of the killed import were on disk...
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL

    reopened = open_store()
    assert_same(state(reopened.open(client, today=TODAY)), before)  # ...and are not part of the client
    assert reopened.clients()["imports"].tolist() == [1]

    after = reopened.open(client, today=TODAY)
    after.add_files([("more.csv", big_apify_csv(2_000, seed=2))], who="next")
    assert after.imports()["who"].tolist() == ["next", "app"]
    assert counts(open_store().open(client, today=TODAY))["comments"] == len(community()) + 2_000


# 3. Undo ---------------------------------------------------------------------------------------------


def month(comments: pd.DataFrame, first: str, last: str) -> pd.DataFrame:
    return comments[(comments["at"] >= first) & (comments["at"] < last)]


def test_undo_takes_back_an_import_then_a_removal_then_the_import_before(home, store):
    comments = community()
    july, august = month(comments, "2026-07-01", "2026-08-01"), month(comments, "2026-08-01", "2026-09-01")
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    assert ws.undo() is None  # nothing to undo yet
    empty = state(ws)
    ws.add_files([("july.csv", apify_csv(july))])
    after_july = state(ws)
    ws.add_files([("august.csv", apify_csv(august))])
    after_august = state(ws)
    assert counts(ws)["comments"] == len(july) + len(august)

    # An import undone: the client as it was before it, also after a restart.
    assert ws.undo() == "the import of august.csv"
    assert_same(state(ws), after_july)
    assert_same(state(open_store().open(client, today=TODAY)), after_july)

    # A removal undone, by import and by file.
    ws.add_files([("august.csv", apify_csv(august))])
    with_both = state(ws)
    [august_import] = ws.imports().loc[lambda i: i["files"] == "august.csv", "import_id"]
    ws.remove_import(august_import)
    assert_same(state(ws), after_july)
    with pytest.raises(ValueError, match=f"This client has no import {august_import} "):
        ws.remove_import(august_import)  # twice: nothing to remove, and no change to undo
    assert ws.undo().startswith(f"the removal of import {august_import}")
    assert_same(state(ws), with_both)
    [july_file] = [upload.digest for upload in ws.uploads if upload.name == "july.csv"]
    ws.remove_file(july_file)
    assert counts(ws)["comments"] == len(august)
    reopened = open_store().open(client, today=TODAY)
    assert reopened.last_change == "the removal of july.csv"
    assert reopened.undo() == "the removal of july.csv"
    assert_same(state(reopened), with_both)

    # Undo twice walks back two changes (the re-import of August, then the import of July).
    assert reopened.undo() == "the import of august.csv"
    assert reopened.undo() == "the import of july.csv"
    assert_same(state(reopened), empty)
    assert reopened.undo() is None
    assert_same(state(open_store().open(client, today=TODAY)), empty)
    del after_august


# 4. The same file twice ----------------------------------------------------------------------------


def test_the_same_file_twice_changes_nothing_and_says_so(home, store):
    data = apify_csv(community())
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)

    ws.add_files([("comments.csv", data), ("comments (1).csv", data)])  # twice in one import
    assert len(ws.uploads) == 1 and ws.imports()["files"].tolist() == ["comments.csv"]
    assert ws.skipped == ["comments (1).csv is comments.csv again: it was read once."]
    once = state(ws)

    for name, known in (("comments.csv", ""), ("renamed.csv", " (as comments.csv)")):  # later, any name
        results = ws.add_files([(name, data)])
        assert results == [] and ws.skipped == [f"{name} was already imported{known}: nothing new in it."]
        assert_same(state(ws), once)
        assert ws.last_change == "the import of comments.csv"
    reopened = open_store().open(client, today=TODAY)
    reopened.add_files([("renamed.csv", data)])
    assert reopened.skipped == ["renamed.csv was already imported (as comments.csv): nothing new in it."]
    assert_same(state(reopened), once)


# 5. One account per client --------------------------------------------------------------------------

HAILEY, OKN = "tiktok-studio_en-US_htupycollabs", "tiktok-studio_el-GR_okn-analytics"


@needs_real
def test_a_file_of_another_account_is_held_with_the_client_that_has_it_and_added_only_when_asked(home, store):
    hailey = store.create_client("Hailey")
    store.open(hailey, today=TODAY).add_files(real_files(HAILEY))
    okn = store.create_client("OKN")
    store.open(okn, today=TODAY).add_files(real_files(OKN))
    assert store.clients().set_index("name")["account"].to_dict() == {
        "Hailey": "haileytupy2.0",
        "OKN": "orthodox.korea",
    }

    ws = store.open(hailey, today=TODAY)
    before = state(ws)
    okn_content = [(name, data) for name, data in real_files(OKN) if name == "Content.csv"]
    assert ws.add_files(okn_content) == []
    assert ws.held == [
        AccountMismatch("Content.csv", "orthodox.korea", "haileytupy2.0", okn, okn_content[0][1])
    ]
    assert (
        ws.held[0].words()
        == "Content.csv looks like @orthodox.korea's, not @haileytupy2.0's (this client's account)."
    )
    assert_same(state(ws), before)
    assert_same(state(open_store().open(hailey, today=TODAY)), before)

    # Asked for: added, in an import of its own, and the client keeps its account.
    ws.add_files(okn_content, any_account=True)
    assert ws.held == [] and len(ws.imports()) == 2
    assert counts(ws)["videos"] == counts(store.open(okn, today=TODAY))["videos"] + len(
        before["tables"]["videos"]
    )
    assert open_store().open(hailey, today=TODAY).account == "haileytupy2.0"


def test_comments_on_another_accounts_videos_are_held_too(home, store):
    ours = store.create_client("BrewHaus")
    ws = store.open(ours, today=TODAY)
    ws.add_files([("brewhaus.csv", big_apify_csv(500))])
    assert ws.account == "brewhaus_dn"
    theirs = store.create_client("Other brand")
    store.open(theirs, today=TODAY).add_files(
        [("other.csv", big_apify_csv(300, seed=5, handle="otherbrand"))]
    )
    before = state(ws)

    other = big_apify_csv(200, seed=3, handle="otherbrand", first_id=10**6)
    ws.add_files([("scraped.csv", other)])
    assert [(held.name, held.account, held.client_account, held.other_client) for held in ws.held] == [
        ("scraped.csv", "otherbrand", "brewhaus_dn", theirs)
    ]
    assert_same(state(ws), before)
    ws.add_files([("scraped.csv", other)], any_account=True)
    assert counts(ws)["comments"] == 700


# 6. History grows ------------------------------------------------------------------------------------


def overview_csv(first: str, last: str, views: int) -> bytes:
    """A TikTok Studio Overview with full dates; every day's views are `views`."""
    header = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    rows = "".join(f'"{day:%Y-%m-%d}","{views}","1","2","3","4"\n' for day in pd.date_range(first, last))
    return (header + rows).encode("utf-8")


def test_this_months_exports_on_top_of_last_months_count_each_day_and_comment_once_with_the_best_of_both(
    home, store
):
    comments = community()
    july_august = month(comments, "2026-07-01", "2026-09-01")
    last_month = [
        ("Overview.csv", overview_csv("2026-01-01", "2026-03-31", views=10)),
        (
            "dataset_tiktok-comments-scraper_2026-08-01.csv",
            apify_csv(month(comments, "2026-07-01", "2026-08-01"), with_uid=False),
        ),
    ]
    this_month = [
        ("Overview.csv", overview_csv("2026-03-01", "2026-05-31", views=20)),
        *excel_workbooks(july_august),
    ]
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files(last_month)
    ws.add_files(this_month)

    daily = ws.con.execute("select stat_date, video_views from daily_stats order by stat_date").df()
    assert daily["stat_date"].is_unique and len(daily) == 31 + 28 + 31 + 30 + 31  # January to May: the union
    assert daily.set_index("stat_date")["video_views"].groupby(lambda day: day.month).unique().to_dict() == {
        1: [10],
        2: [10],
        3: [20],
        4: [20],
        5: [20],  # March from the newer download
    }
    assert counts(ws)["comments"] == len(july_august)  # July's comments, seen in both, once
    july = ws.con.execute("select * from comments where commented_at < '2026-08-01' order by comment_id").df()
    fans = july[july["member_uid"] != BRAND_UID]
    assert fans["member_handle"].notna().all()  # from the Apify file (it has no user ids)...
    assert fans["member_uid"].notna().all() and fans["member_name"].notna().all()  # ...from the exporter's
    assert (fans["member_id"] == fans["member_uid"]).all()
    assert any(note.startswith("31 days appear in more than one") for note in ws.merge_notes)

    # The same merge as the in-session workspace's, and the same after a restart.
    from analytics.workspace import Workspace

    session = Workspace(today=TODAY, remember_mappings=False)
    session.add_files(last_month)
    session.add_files(this_month)
    for table in TABLES:
        expected = session.con.execute(f'select * from "{table}" order by all').df()
        pd.testing.assert_frame_equal(state(ws)["tables"][table], expected, obj=table)
    assert ws.merge_notes == session.merge_notes
    assert_same(state(open_store().open(client, today=TODAY)), state(ws))


# 7. Year and mapping fixes -----------------------------------------------------------------------------


@needs_real
def test_a_year_fix_rereads_the_stored_original_and_changes_only_that_file_and_its_borrowers(home, store):
    from analytics.workspace import Workspace

    studio, comments = real_files(HAILEY), [("comments.csv", apify_csv(community()))]
    client = store.create_client("Hailey")
    ws = store.open(client, today=TODAY)
    ws.add_files(studio)
    ws.add_files(comments, any_account=True)
    before = state(ws)
    assert ws.tables_taking_their_year_from("Overview.csv") == []
    ws.set_last_year("Overview.csv", 2024)

    session = Workspace(today=TODAY, remember_mappings=False)
    session.add_files(studio)
    session.add_files(comments)
    session.set_last_year("Overview.csv", 2024)
    after = state(ws)
    for table in TABLES:
        expected = session.con.execute(f'select * from "{table}" order by all').df()
        pd.testing.assert_frame_equal(after["tables"][table], expected, obj=table)
    pd.testing.assert_frame_equal(after["summary"], session.summary())
    assert after["summary"].set_index("file").loc["Overview.csv", "end_date"].year == 2024
    pd.testing.assert_frame_equal(after["tables"]["comments"], before["tables"]["comments"])
    changed = after["summary"].compare(before["summary"]).index
    assert set(after["summary"].loc[changed, "file"]) <= {
        "Overview.csv",
        *ws.tables_taking_their_year_from("Overview.csv"),
    }
    same = ["import_id", "who", "files", "kinds", "rows"]  # a fix is no import (its dates move, though)
    pd.testing.assert_frame_equal(after["imports"][same], before["imports"][same])

    reopened = open_store().open(client, today=TODAY)
    assert_same(state(reopened), after)
    assert [u.last_year for u in reopened.uploads if u.name == "Overview.csv"] == [2024]
    reopened.set_last_year("Overview.csv", None)  # back to our reading
    assert_same(state(open_store().open(client, today=TODAY)), before)


UNKNOWN_LAYOUT = (
    "Mã người dùng;Tên hiển thị;Nội dung;Lúc\n111;Lan Anh;ngon;2026-06-01 10:00\n111;Lan Anh 🌸;lại ngon;2026-06-09 10:00\n"
).encode()
MAPPING = {
    "member_uid": "Mã người dùng",
    "member_name": "Tên hiển thị",
    "text": "Nội dung",
    "commented_at": "Lúc",
}


def test_a_file_waiting_for_its_columns_is_still_waiting_after_a_restart_and_its_mapping_is_kept(home, store):
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files(
        [
            ("binh_luan.csv", UNKNOWN_LAYOUT),
            ("july.csv", apify_csv(month(community(), "2026-07-01", "2026-08-01"))),
        ]
    )
    [pending] = ws.pending
    assert ws.imports()["files"].tolist() == ["binh_luan.csv, july.csv"]

    reopened = open_store().open(client, today=TODAY)
    assert [(p.file, p.header) for p in reopened.pending] == [(pending.file, pending.header)]
    assert_same(state(reopened), state(ws))
    before = counts(reopened)["comments"]
    assert reopened.map_columns(reopened.pending[0], "comments", MAPPING) is None
    mapped = state(reopened)
    assert counts(reopened)["comments"] == before + 2

    again = open_store().open(client, today=TODAY)
    assert again.pending == []
    assert_same(state(again), mapped)
    [table] = [t for t in again.tables if t.file == "binh_luan.csv"]
    assert table.mapped_by_hand and table.mapping == MAPPING


def test_of_two_files_of_the_same_days_in_one_import_the_later_one_wins_before_and_after_a_restart(
    home, store
):
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files(
        [
            ("Overview_a.csv", overview_csv("2026-03-01", "2026-03-31", 1)),
            ("Overview_b.csv", overview_csv("2026-03-01", "2026-03-31", 2)),
        ]
    )
    views = "select distinct video_views from daily_stats"
    assert ws.con.execute(views).fetchall() == [(2,)]
    # A fix re-stores the first file's rows: it must not become the later one.
    ws.set_last_year("Overview_a.csv", 2026)
    reopened = open_store().open(client, today=TODAY)
    assert [upload.name for upload in reopened.uploads] == ["Overview_a.csv", "Overview_b.csv"]
    july = apify_csv(month(community(), "2026-07-01", "2026-08-01"))
    reopened.add_files([("july.csv", july)])  # merges again
    assert reopened.con.execute(views).fetchall() == [(2,)]


def test_mapping_the_waiting_table_of_a_stored_zip_keeps_its_other_table(home, store):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Overview.csv", overview_csv("2026-03-01", "2026-03-31", 5))
        archive.writestr("binh_luan.csv", UNKNOWN_LAYOUT)
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files([("export.zip", buffer.getvalue())])
    assert counts(ws)["daily_stats"] == 31 and len(ws.pending) == 1

    reopened = open_store().open(client, today=TODAY)
    assert reopened.map_columns(reopened.pending[0], "comments", MAPPING) is None
    assert counts(reopened)["daily_stats"] == 31 and counts(reopened)["comments"] == 2
    again = open_store().open(client, today=TODAY)
    again.add_files([("july.csv", apify_csv(month(community(), "2026-07-01", "2026-08-01")))])  # merges again
    assert counts(again)["daily_stats"] == 31  # the Overview sheet's rows were kept
    assert sorted(again.summary()["rows"]) == sorted(
        [31, 2, len(month(community(), "2026-07-01", "2026-08-01"))]
    )


# 8. Each client remembers its own choices ----------------------------------------------------------------


def test_one_clients_remembered_choices_never_show_in_another(home, store):
    first, second = store.create_client("BrewHaus"), store.create_client("Phin & Co.")
    store.memory(first).write("format_overrides", {"7600000000000000000": "Challenge"})
    store.memory(first).write("brand_words", ["brewhaus", "cà phê"])
    assert store.memory(second).read("format_overrides") is None
    assert store.memory(second).read("brand_words") is None
    store.memory(second).write("brand_words", ["phin"])

    a, b = store.open(first, today=TODAY), store.open(second, today=TODAY)
    a.add_files([("july.csv", apify_csv(month(community(), "2026-07-01", "2026-08-01")))])
    a.set_brand_handles({"@BrewHaus_DN", "brewhaus.vn"})
    fan = a.con.execute(
        "select member_id from comments where member_id <> ? limit 1", [BRAND_UID]
    ).fetchone()[0]
    a.set_brand_answer({fan}, set())
    assert b.brand_handles == set() and b.brand_answer == (set(), set())

    again = open_store()
    assert again.memory(first).read("brand_words") == ["brewhaus", "cà phê"]
    assert again.memory(second).read("brand_words") == ["phin"]
    a2, b2 = again.open(first, today=TODAY), again.open(second, today=TODAY)
    assert a2.brand_handles == {"brewhaus_dn", "brewhaus.vn"} and a2.brand_answer[0] == {fan}
    assert b2.brand_handles == set() and b2.brand_answer == (set(), set())
    assert a2.memory.read("format_overrides") == {"7600000000000000000": "Challenge"}
    assert b2.memory.read("format_overrides") is None
    # A memory is read back as written, and an undo leaves it alone (it is no import).
    a2.undo()
    assert open_store().memory(first).read("brand_words") == ["brewhaus", "cà phê"]


# 9. Deleting a client ---------------------------------------------------------------------------------------


def test_deleting_a_client_removes_its_tables_originals_and_parquet_files_and_leaves_the_others(home, store):
    gone, kept = store.create_client("Gone"), store.create_client("Kept")
    store.open(gone, today=TODAY).add_files([("gone.csv", big_apify_csv(500, handle="gone"))])
    ws = store.open(kept, today=TODAY)
    ws.add_files([("july.csv", apify_csv(month(community(), "2026-07-01", "2026-08-01")))])
    ws.add_files([("august.csv", apify_csv(month(community(), "2026-08-01", "2026-09-01")))])
    kept_state = state(ws)
    data = home / "lake" / "data"
    assert (home / "originals" / gone).is_dir() and any(data.rglob(f"c_{gone}/**/*.parquet"))

    store.delete_client(gone)
    assert store.clients()["name"].tolist() == ["Kept"]
    assert store.find_client("Gone") is None and store.find_client(gone) is None
    with pytest.raises(UnknownClient):
        store.open(gone)
    assert not (home / "originals" / gone).exists()
    assert not list(data.rglob(f"*{gone}*"))  # no Parquet file of it is left
    schemas = (
        store.cursor()
        .execute("select schema_name from duckdb_schemas() where database_name = 'lake'")
        .fetchall()
    )
    assert f"c_{gone}" not in {row[0] for row in schemas}
    catalog = sqlite3.connect(home / "lake" / "catalog.sqlite")
    names = catalog.execute("select schema_name from ducklake_schema where end_snapshot is null").fetchall()
    assert f"c_{gone}" not in {row[0] for row in names}

    # The other client is whole, after a restart too; its undo works or says why it cannot.
    assert_same(state(store.open(kept, today=TODAY)), kept_state)
    reopened = open_store().open(kept, today=TODAY)
    assert_same(state(reopened), kept_state)
    try:
        assert reopened.undo() == "the import of august.csv"
        assert counts(reopened)["comments"] == len(month(community(), "2026-07-01", "2026-08-01"))
    except ValueError as refusal:
        assert "cannot be undone" in str(refusal)
        assert_same(state(open_store().open(kept, today=TODAY)), kept_state)
    # A name freed by a deletion can be used again.
    assert store.find_client(store.create_client("Gone")) is not None


def test_no_byte_of_a_deleted_clients_comments_or_choices_is_left_under_the_home_folder(home, store):
    gone, kept = store.create_client("Gone"), store.create_client("Kept")
    for count in (5, 3_000):  # a few rows live in the catalog itself, more in Parquet files
        data = big_apify_csv(count, seed=count, handle="gone").replace("Ngon quá".encode(), b"SECRET-COMMENT")
        store.open(gone, today=TODAY).add_files([(f"gone_{count}.csv", data)])
    store.memory(gone).write("brand_words", ["SECRET-WORD"])
    store.open(kept, today=TODAY).add_files(
        [("july.csv", apify_csv(month(community(), "2026-07-01", "2026-08-01")))]
    )

    def holding(secret: bytes) -> list[Path]:
        return [path for path in home.rglob("*") if path.is_file() and secret in path.read_bytes()]

    assert holding(b"SECRET-COMMENT") and holding(b"SECRET-WORD")
    store.delete_client(gone)
    assert holding(b"SECRET-COMMENT") == [] and holding(b"SECRET-WORD") == []
    assert counts(open_store().open(kept, today=TODAY))["comments"] > 0


# 10. Names are values, never SQL ---------------------------------------------------------------------------

HOSTILE = "x'); drop table lake.main.clients; --"


@pytest.mark.parametrize(
    "name", [HOSTILE, 'Cà phê "Phin" ☕🇻🇳 & Co.', "N" * 80, "Robert'); DROP SCHEMA lake.main CASCADE;--"]
)
def test_any_client_name_is_kept_as_typed_and_never_runs_as_sql(home, store, name):
    other = store.create_client("Kept")
    client = store.create_client(name)
    assert client != name and len(client) == 8 and int(client, 16) >= 0  # ids are made here, never typed
    assert store.find_client(name) == client and store.find_client(name.upper()) == client
    ws = store.open(client, today=TODAY)
    assert ws.label == name
    ws.add_files([(name + ".csv", apify_csv(month(community(), "2026-07-01", "2026-08-01")))], who=name)
    store.memory(client).write(name, {name: name})
    store.rename_client(client, name + " 2" if len(name) < 79 else name[:78] + " 2")

    again = open_store()
    assert sorted(again.clients()["client_id"]) == sorted([client, other])
    assert again.memory(client).read(name) == {name: name}
    reopened = again.open(client, today=TODAY)
    assert reopened.imports()[["files", "who"]].values.tolist() == [[name + ".csv", name]]
    assert reopened.undo() == f"the import of {name}.csv"


@pytest.mark.parametrize("name", ["", "   ", "N" * 81])
def test_a_client_name_that_is_empty_or_too_long_gets_a_sentence(store, name):
    with pytest.raises(ValueError, match=r"^A client"):
        store.create_client(name)
    assert store.clients().empty


@pytest.mark.parametrize("client", [HOSTILE, "../../etc", "c_12345678", "", "12345678"])
def test_a_client_id_that_is_not_one_of_ours_opens_nothing(store, client):
    store.create_client("Kept")
    with pytest.raises(UnknownClient):
        store.open(client)
    assert store.find_client(client) is None
    with pytest.raises(UnknownClient):
        store.delete_client(client)
    assert store.clients()["name"].tolist() == ["Kept"]
    assert (
        store.memory("12345678").read("anything") is None and store.memory("12345678").write("x", 1) is False
    )


def test_deleting_a_client_that_is_not_there_leaves_every_clients_undo(store):
    client = store.create_client("Kept")
    ws = store.open(client, today=TODAY)
    ws.add_files([("july.csv", apify_csv(month(community(), "2026-07-01", "2026-08-01")))])
    with pytest.raises(UnknownClient, match="There is no client"):
        store.delete_client("12345678")
    assert ws.undo() == "the import of july.csv"


def test_a_second_client_cannot_take_a_name_already_used_whatever_its_case_and_spacing(store):
    store.create_client("Phin & Co.")
    with pytest.raises(ValueError, match="There is already a client called"):
        store.create_client("  phin   &  CO. ")
    assert len(store.clients()) == 1


# Two sessions (or the app and the command line) on one client ------------------------------------------------


def test_an_import_from_a_session_opened_before_another_sessions_import_keeps_both(home, store):
    client = store.create_client("BrewHaus")
    comments = community()
    july, august = month(comments, "2026-07-01", "2026-08-01"), month(comments, "2026-08-01", "2026-09-01")
    morning, afternoon = store.open(client, today=TODAY), store.open(client, today=TODAY)
    morning.add_files([("july.csv", apify_csv(july))])
    afternoon.add_files([("august.csv", apify_csv(august))])  # it had not seen July's import
    assert counts(afternoon)["comments"] == len(july) + len(august)
    in_new_process(
        home,
        f"store.open({client!r}).add_files([('overview.csv', {overview_csv('2026-07-01', '2026-08-31', 3)!r})], who='cli')",
    )
    morning.add_files([("july.csv", apify_csv(july))])  # already there: nothing to do, and it says so
    assert morning.skipped == ["july.csv was already imported: nothing new in it."]
    morning.set_brand_handles({"brewhaus_dn"})  # a fix from a stale session keeps the others' imports too
    reopened = open_store().open(client, today=TODAY)
    assert sorted(reopened.imports()["files"]) == ["august.csv", "july.csv", "overview.csv"]
    assert counts(reopened)["comments"] == len(july) + len(august) and counts(reopened)["daily_stats"] == 62
    assert_same(state(morning), state(reopened))


def test_an_import_killed_as_its_first_parquet_file_appears_leaves_one_whole_state(home, store):
    client = store.create_client("BrewHaus")
    ws = store.open(client, today=TODAY)
    ws.add_files([("dataset_tiktok-comments-scraper_2026-11-01.csv", apify_csv(community()))])
    before, files_before = state(ws), parquet_files(home)

    process = start_import(home, client, 100_000, {})
    try:
        deadline = time.monotonic() + 600
        while (
            not (parquet_files(home) - files_before)
            and process.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.005)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()

    after = open_store().open(client, today=TODAY)
    if len(after.imports()) == 1:  # killed before the commit: as before, whole
        assert_same(state(after), before)
    else:  # the commit won the race: the import is there, whole
        assert counts(after)["comments"] == len(community()) + 100_000
        assert after.imports()["who"].tolist() == ["killed", "app"]
    after.add_files([("more.csv", big_apify_csv(1_000, seed=2, first_id=10**7))], who="next")
    assert open_store().open(client, today=TODAY).imports()["who"].iloc[0] == "next"
