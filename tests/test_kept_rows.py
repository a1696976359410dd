"""A comment file's rows stay where DuckDB read them: no copy in Python, none between two DuckDBs, no
second copy of the file on disk, and nothing kept once it is stored."""

import gc
import hashlib
import tempfile
from datetime import date

from analytics import workspace as workspace_module
from analytics.__main__ import main
from analytics.ingest.rows import KeptRows
from analytics.workspace import Workspace

TODAY = date(2026, 11, 22)
V = "https://www.tiktok.com/@brand/video/75078903761249927"


def comments(count: int, first: int = 0) -> bytes:
    rows = [
        f"{first + i},2026-05-{1 + i % 28:02d}T10:00:00.000Z,{i},,hi {i},{100 + i % 7},fan_{i % 7},{V}{i % 5:02d}"
        for i in range(count)
    ]
    return (
        "cid,createTimeISO,diggCount,repliesToId,text,uid,uniqueId,videoWebUrl\n" + "\n".join(rows)
    ).encode()


def no_copy_aside(monkeypatch) -> None:
    """Writing the upload aside for DuckDB fails: a read that needs it falls back to Python's reader."""

    mkstemp = tempfile.mkstemp

    def refused(*args, **kwargs):
        if kwargs.get("prefix") == "communitylens-":  # staging's copy aside, not the store's own files
            raise OSError(28, "No space left on device")
        return mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refused)


def kept_tables(con) -> int:
    return con.execute("select count(*) from duckdb_tables() where schema_name = 'parts'").fetchone()[0]


def test_a_first_file_is_merged_from_its_kept_rows_without_a_staging_copy(monkeypatch):
    made = []
    new_staging = Workspace._new_staging
    monkeypatch.setattr(Workspace, "_new_staging", lambda self, *a: made.append(a) or new_staging(self, *a))
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files([("comments.csv", comments(40))])
    assert [a for a in made if a[0] == "comments"] == []
    assert ws.con.execute("select count(*), count(distinct comment_id) from comments").fetchone() == (40, 40)
    # A second file holding some of the same comments is merged by the usual rule (staged).
    ws.add_files([("more.csv", comments(10, first=35))])
    assert [a[0] for a in made if a[0] == "comments"] == ["comments"]
    assert ws.con.execute("select count(*) from comments").fetchone() == (45,)


def test_a_removed_files_rows_leave_the_database():
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files([("a.csv", comments(30)), ("b.csv", comments(30, first=100))])
    assert kept_tables(ws.con) == 2
    ws.remove_file(ws.uploads[0].digest)
    gc.collect()
    assert kept_tables(ws.con) == 1
    assert ws.con.execute("select count(*) from comments").fetchone() == (30,)


def test_the_command_line_reads_a_big_csv_where_it_is(tmp_path, monkeypatch):
    source = tmp_path / "comments.csv"
    source.write_bytes(comments(25))
    no_copy_aside(monkeypatch)
    seen = []
    load = workspace_module.Workspace.add_files
    monkeypatch.setattr(
        workspace_module.Workspace,
        "add_files",
        lambda self, files, **k: seen.append(self) or load(self, files, **k),
    )
    assert main(["members", str(source), "--out", str(tmp_path / "members.csv")]) == 0
    assert [table.reader for table in seen[0].tables] == ["duckdb"]  # not Python's fallback


def test_a_client_reads_the_kept_original_stores_from_beside_the_lake_then_forgets(store, monkeypatch):
    no_copy_aside(monkeypatch)
    hashed = []
    sha256 = hashlib.sha256
    monkeypatch.setattr(hashlib, "sha256", lambda data=b"": hashed.append(len(data)) or sha256(data))
    data = comments(60)
    ws = store.open(store.create_client("Phin & Co."))
    ws.add_files([("comments.csv", data)])
    # Read by DuckDB from the original kept beside the lake (no copy aside), hashed once.
    assert [table.reader for table in ws.tables] == ["duckdb"]
    assert hashed.count(len(data)) == 1
    # Stored: the rows and the bytes in memory are let go, the client reads them from the lake.
    assert not isinstance(ws.tables[0].data, KeptRows) and ws.uploads[0].data == b""
    gc.collect()
    assert kept_tables(ws._scratch) == 0
    assert ws.con.execute("select count(*) from comments").fetchone() == (60,)
    # Anything that needs the file again reads its original.
    ws.set_last_year("comments.csv", 2026)
    assert ws.con.execute("select count(*) from comments").fetchone() == (60,)
    again = store.open(ws.client_id)
    assert again.con.execute("select count(*) from comments").fetchone() == (60,)


def test_a_clients_scratch_database_is_beside_the_lake(store):
    ws = store.open(store.create_client("Phin & Co."))
    name = ws._scratch.execute("select current_database()").fetchone()[0]
    cur = store.cursor()
    try:  # any connection onto the lake reads the scratch's tables by name: no copy between two DuckDBs
        assert (name,) in cur.execute("select database_name from duckdb_databases()").fetchall()
    finally:
        cur.close()


def test_a_file_whose_name_duckdb_would_take_for_a_pattern_is_read_itself(tmp_path):
    """`comments[1].csv` as a pattern is `comments1.csv`: DuckDB must never be handed it as one."""
    (tmp_path / "comments[1].csv").write_bytes(comments(40))
    (tmp_path / "comments1.csv").write_bytes(comments(3, first=1000))
    out = tmp_path / "members.csv"
    assert main(["members", str(tmp_path / "comments[1].csv"), "--out", str(out)]) == 0
    ws = Workspace(today=TODAY, remember_mappings=False)
    path = str(tmp_path / "comments[1].csv")
    ws.add_files([(path, (tmp_path / "comments[1].csv").read_bytes(), path)])
    assert ws.con.execute("select count(*), min(comment_id) from comments").fetchone() == (40, "0")
    assert [table.reader for table in ws.tables] == ["duckdb"]


def test_a_file_held_back_or_not_imported_leaves_no_original_behind(store):
    ws = store.open(store.create_client("Phin & Co."))
    ws.add_files([("mine.csv", comments(20))])
    theirs = comments(20, first=500).replace(b"@brand/", b"@rival/")
    ws.add_files([("theirs.csv", theirs)])
    assert [item.name for item in ws.held] == ["theirs.csv"]
    folder = store.originals(ws.client_id)
    assert sorted(path.name for path in folder.iterdir()) == [
        ws.uploads[0].digest
    ]  # nothing else, no partial
    assert workspace_module._DIGESTS == {}  # the import's bytes are let go with it


def test_a_change_whose_scratch_cannot_be_cleared_still_leaves_the_workspace_usable(store, monkeypatch):
    import duckdb

    from analytics.store import client

    def broken(con):
        con.close()
        raise duckdb.IOException("the scratch could not be cleared")

    monkeypatch.setattr(client, "_clear_scratch", broken)
    ws = store.open(store.create_client("Phin & Co."))
    ws.add_files([("mine.csv", comments(20))])
    assert ws.con.execute("select count(*) from comments").fetchone() == (20,)
    assert ws._kept_home() is None and ws._cur is None


def test_a_scratch_let_go_while_the_store_lock_is_held_does_not_wait_for_it(store):
    import threading

    ws = store.open(store.create_client("Phin & Co."))
    name = ws._scratch_name
    done = threading.Event()

    def let_go_inside_the_lock():
        with store._lock:  # as when a workspace is garbage collected inside `cursor()`
            store.drop_scratch(name)
        done.set()

    threading.Thread(target=let_go_inside_the_lock, daemon=True).start()
    assert done.wait(10)
    other = store.open(store.create_client("Other"))  # the next scratch made detaches it
    cur = store.cursor()
    try:
        databases = {row[0] for row in cur.execute("select database_name from duckdb_databases()").fetchall()}
    finally:
        cur.close()
    assert name not in databases and other._scratch_name in databases
