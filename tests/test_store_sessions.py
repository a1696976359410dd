"""Two sessions (or the app and the command line) on one client: neither writes over the other."""

from __future__ import annotations

import pytest

from analytics.store import open_store

MARCH = (
    '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"\n'
).encode()
APRIL = (
    '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"April 1","100","1","5","1","1"\n"April 2","200","2","10","1","1"\n'
).encode()


@pytest.fixture
def store(tmp_path):
    lake = open_store(home=tmp_path)
    yield lake
    lake.close()


def views(workspace) -> int:
    return int(workspace.con.execute("select coalesce(sum(video_views), 0)::bigint from daily_stats").fetchone()[0])


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
