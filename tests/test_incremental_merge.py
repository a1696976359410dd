"""A change merges again only the keys it touches, and gives exactly what merging every file again gives.

Each step of a marketer's month (imports of comments in two layouts sharing comment ids, TikTok Studio
files, removals, a year fix, the brand's answer) is made on a session's workspace and on a stored
client; after each, every merged table, the merge's notes, the brand's accounts and the handles found
are compared with a full merge of the same files. A key dropped or counted twice fails the comparison.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analytics.schema import TABLES
from analytics.store import open_store
from analytics.workspace import Workspace
from tests.test_comment_layouts import BRAND_UID, apify_csv, community, excel_workbooks

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real_exports"
TODAY = date(2026, 11, 22)
STUDIO = "tiktok-studio_en-US_htupycollabs"
OTHER_COMMENTS = ("apify-tiktok-comments-scraper_json_farrelad", "comments-xlsx_haron416-exporter")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    for name in ("COMMUNITYLENS_LAKE", "COMMUNITYLENS_LAKE_DATA", "COMMUNITYLENS_ORIGINALS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def real_files(folder: str) -> list[tuple[str, bytes]]:
    return [
        (path.name, path.read_bytes())
        for path in sorted((REAL / folder).rglob("*"))
        if path.is_file() and path.name != "SOURCES.md"
    ]


def merged(ws) -> dict:
    """What a full merge decides: every table (sorted), the notes, the brand's accounts, the handles."""
    brand = ws.brand_accounts()
    return {
        "tables": {t: ws.con.execute(f'select * from "{t}" order by all').df() for t in TABLES},
        "notes": list(ws.merge_notes),
        "brand": brand.astype(object).where(brand.notna(), None).to_dict("records"),
        "handles": ws.detected_brand_handles(),
    }


def assert_same(got: dict, expected: dict, step: str) -> None:
    for table in TABLES:
        pd.testing.assert_frame_equal(got["tables"][table], expected["tables"][table], obj=f"{step}: {table}")
    for name in ("notes", "brand", "handles"):
        assert got[name] == expected[name], f"{step}: {name}"


def full_merge(files_in_order: list[list[tuple[str, bytes]]], year_fix=None, answer=None) -> dict:
    """A new session loading the same imports, each merge of every file (the reference)."""
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.incremental = False
    for files in files_in_order:
        ws.add_files(files)
    if year_fix:
        ws.set_last_year(*year_fix)
    if answer:
        ws.set_brand_answer(*answer)
    return merged(ws)


@pytest.mark.skipif(not REAL.exists(), reason="real exports folder absent")
def test_each_change_merged_key_by_key_equals_merging_every_file_again_in_a_session_and_a_client(home):
    fans = community(seed=11, count_videos=12, count_fans=40)
    videos = sorted(fans["video_id"].unique())
    early, late = fans[fans["video_id"].isin(videos[:8])], fans[fans["video_id"].isin(videos[4:])]
    imports = {
        # Handles only: a person is their handle until a file with user ids names them.
        "handles": [("apify_early.csv", apify_csv(early, with_uid=False))],
        # The exporter's workbooks: the same comment ids with user ids and display names, no handles.
        "exporter": excel_workbooks(fans[fans["video_id"].isin(videos[2:6])]),
        "studio": real_files(STUDIO),
        # Apify with user ids, overlapping the first file on four videos.
        "late": [("apify_late.csv", apify_csv(late))],
        "others": [file for folder in OTHER_COMMENTS for file in real_files(folder)],
    }
    session = Workspace(today=TODAY, remember_mappings=False)
    store = open_store()
    client = store.open(store.create_client("BrewHaus"), today=TODAY)
    loaded: list[str] = []
    done: dict = {"year_fix": None, "answer": None}  # the fixes made so far, made again by the reference

    def check(step: str) -> None:
        expected = full_merge([imports[name] for name in loaded], **done)
        assert_same(merged(session), expected, f"session, {step}")
        assert_same(merged(client), expected, f"client, {step}")
        assert_same(merged(store.open(client.client_id, today=TODAY)), expected, f"client reopened, {step}")

    def add(name: str) -> None:
        session.add_files(imports[name])
        client.add_files(imports[name], any_account=True)
        loaded.append(name)
        check(f"import of {name}")

    def remove(name: str) -> None:
        digests = {upload.digest for upload in session.already_loaded(imports[name])}
        for digest in digests:
            session.remove_file(digest)
        names = set(dict(imports[name]))
        [import_id] = {
            int(row.import_id) for row in client.imports().itertuples() if set(row.files.split(", ")) <= names
        }
        client.remove_import(import_id)
        loaded.remove(name)
        check(f"removal of {name}")

    add("handles")
    add("exporter")  # links the handles of the shared comments to user ids, on every video
    assert "comments appear in more than one" in " ".join(session.merge_notes)
    linked = "select count(*) from comments where member_uid is not null"
    assert session.con.execute(linked).fetchone()[0] > len(fans[fans["video_id"].isin(videos[2:6])])
    add("studio")
    remove("exporter")  # the handles that took their id from it lose it again, on every video
    assert session.con.execute(linked).fetchone()[0] == 0
    add("late")
    add("others")
    session.set_last_year("Overview.csv", 2024)
    client.set_last_year("Overview.csv", 2024)
    done["year_fix"] = ("Overview.csv", 2024)
    check("year fix")
    add("exporter")
    remove("handles")
    done["answer"] = ({BRAND_UID}, {"fan_001"})
    session.set_brand_answer(*done["answer"])
    client.set_brand_answer(*done["answer"])
    check("brand answer")
    assert client.undo() == "the removal of import 1 (apify_early.csv)"
    # Undo restores the client as it was before that removal: the answer came after it.
    loaded.insert(0, "handles")
    before = full_merge([imports[name] for name in loaded], year_fix=done["year_fix"])
    assert_same(merged(client), before, "client, undo")
    store.close()


def test_an_import_of_new_comments_leaves_the_stored_comments_files_as_they_are(home):
    # A merge of the whole table would write every comment again in a new file; key by key, the
    # comments already stored stay in the files that hold them, and only the new ones are written.
    fans = community(seed=5, count_videos=12, count_fans=40)
    videos = sorted(fans["video_id"].unique())
    first, second = fans[fans["video_id"].isin(videos[:8])], fans[fans["video_id"].isin(videos[8:])]
    store = open_store()
    ws = store.open(store.create_client("BrewHaus"), today=TODAY)
    ws.add_files([("first.csv", apify_csv(first))])

    def comment_files() -> dict[str, int]:
        """The Parquet files holding the client's merged comments, and how many rows each has."""
        cur = store.cursor()
        files = cur.execute(
            "select data_file from ducklake_list_files('lake', 'comments', schema => ?)",
            [f"c_{ws.client_id}"],
        ).fetchall()
        return {
            file: cur.execute("select count(*) from read_parquet(?)", [file]).fetchone()[0]
            for (file,) in files
        }

    before = comment_files()
    assert sum(before.values()) == len(first)
    ws.add_files([("second.csv", apify_csv(second))])
    after = comment_files()
    assert set(before) <= set(after)  # the first import's comments were not written again
    assert sum(after.values()) - sum(before.values()) == len(second)
    assert ws.con.execute("select count(*) from comments").fetchone()[0] == len(fans)
    store.close()


@pytest.mark.skipif(not REAL.exists(), reason="needs the genuine exports")
@pytest.mark.parametrize("folder", [STUDIO, *OTHER_COMMENTS])
def test_a_table_whose_keys_are_each_held_once_is_merged_to_what_the_field_by_field_merge_gives(home, folder):
    """The shortcut for a first big file (no key twice: its rows as they are) equals the merge rule."""
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files(real_files(folder))
    for table in TABLES:
        parts = [(rank, t) for rank, t in enumerate(sorted(ws.tables, key=ws._recency)) if t.table == table]
        staging = ws._new_staging(table, f"check_{table}")
        ws._stage(table, staging, parts)
        columns = ", ".join(f'"{c}"' for c in TABLES[table])
        by_rule = ws.con.execute(
            f"select {columns} from ({ws._merged_sql(table, staging)}) order by all"
        ).df()
        got = ws.con.execute(f'select {columns} from "{table}" order by all').df()
        pd.testing.assert_frame_equal(got, by_rule, obj=f"{folder}: {table}")


def test_comments_repeated_within_one_file_are_merged_once_with_the_details_of_each_row(home):
    rows = apify_csv(community()).decode()
    header, *lines = rows.splitlines()
    twice = "\n".join([header, *lines, *lines]).encode()  # every comment twice in one file
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files([("comments.csv", twice)])
    count, distinct = ws.con.execute("select count(*), count(distinct comment_id) from comments").fetchone()
    assert count == distinct == len(lines)
