"""Two sessions (or the app and the command line) on one client: neither writes over the other."""

from __future__ import annotations

import pytest

from analytics.store import open_store

MARCH = (
    b'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    b'"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"\n'
)
APRIL = (
    b'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    b'"April 1","100","1","5","1","1"\n"April 2","200","2","10","1","1"\n'
)


@pytest.fixture
def store(tmp_path):
    lake = open_store(home=tmp_path)
    yield lake
    lake.close()


def views(workspace) -> int:
    return int(
        workspace.con.execute("select coalesce(sum(video_views), 0)::bigint from daily_stats").fetchone()[0]
    )


def test_a_session_opened_before_anothers_import_keeps_that_import_when_it_imports_itself(store):
    client = store.create_client("Phin & Co.")
    first, second = store.open(client), store.open(client)
    first.add_files([("March.csv", MARCH)])
    second.add_files([("April.csv", APRIL)])  # `second` never saw March: it must not drop it
    again = store.open(client)
    assert sorted(upload.name for upload in again.uploads) == ["April.csv", "March.csv"]
    assert views(again) == 3300


def test_a_session_sees_anothers_import_when_it_refreshes(store):
    client = store.create_client("Phin & Co.")
    watching, importing = store.open(client), store.open(client)
    assert not watching.refresh()
    importing.add_files([("March.csv", MARCH)])
    assert watching.refresh()
    assert views(watching) == 3000


def test_a_session_opened_before_a_removal_does_not_bring_the_removed_file_back(store):
    client = store.create_client("Phin & Co.")
    first = store.open(client)
    first.add_files([("March.csv", MARCH)])
    first.add_files([("April.csv", APRIL)])
    stale = store.open(client)
    first.remove_file(next(upload.digest for upload in first.uploads if upload.name == "March.csv"))
    stale.set_brand_handles({"phinco"})
    assert [upload.name for upload in store.open(client).uploads] == ["April.csv"]


def test_two_sessions_importing_into_two_clients_at_once_each_import_once(store, monkeypatch):
    """One app server, two marketers, one of them making a new client (as an upload on the demo does): the
    later write waits for the earlier instead of overtaking it and having it made again (the SQLite
    catalog refuses an overtaken commit)."""
    import threading

    monkeypatch.setenv("COMMUNITYLENS_TEST_PAUSE", "1")  # each save takes a second to commit
    first = store.open(store.create_client("Phin & Co."))
    sessions = {}
    heard: dict[str, list[str]] = {"first": [], "second": []}

    def upload(number: str) -> None:
        if number == "second":  # made while the first import is being saved
            sessions[number] = store.open(store.create_client("Cà phê Sữa"))
        sessions[number].add_files(
            [("March.csv", MARCH)], progress=lambda words, fraction: heard[number].append(words)
        )

    sessions["first"] = first
    threads = [threading.Thread(target=upload, args=(number,)) for number in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [views(sessions[number]) for number in ("first", "second")] == [3000, 3000]
    again = [words for said in heard.values() for words in said if words.startswith("Another import")]
    assert again == []


def test_an_import_made_again_after_another_writer_committed_reads_its_files_once(store, monkeypatch):
    import duckdb

    from analytics.store import client as client_module

    client = store.create_client("Phin & Co.")
    session = store.open(client)
    reads = []
    real_read, real_save = client_module.Workspace._read, client_module.ClientWorkspace._save

    def counted(self, upload):
        reads.append(upload.name)
        return real_read(self, upload)

    def overtaken_once(self, cur):
        if not getattr(overtaken_once, "done", False):
            overtaken_once.done = True
            raise duckdb.TransactionException("Transaction conflict: another writer committed first")
        return real_save(self, cur)

    monkeypatch.setattr(client_module.Workspace, "_read", counted)
    monkeypatch.setattr(client_module.ClientWorkspace, "_save", overtaken_once)
    session.add_files([("March.csv", MARCH), ("April.csv", APRIL)])
    assert overtaken_once.done
    assert sorted(reads) == ["April.csv", "March.csv"]
    assert views(store.open(client)) == 3300
