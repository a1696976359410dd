"""Team setup, through the app's own store: several people (processes) on one lake at the same moment.

App processes (separate Python processes, each with its own COMMUNITYLENS_HOME like separate machines)
share one lake: a PostgreSQL catalog (a throwaway server, tests/postgres.py) and one data folder. While
they work every commit into the catalog is held (`collide`), so their changes are made from the same
state and commit at the same moment, every run: two imports into one client, the same export twice,
two creations of the same client (and, started together, the first start of a new lake). Then nothing
is lost or doubled. One
test runs on the default SQLite catalog: the command line imports while the app keeps reading.
"""

import json
import os
import subprocess
import sys
import textwrap
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics.schema import TABLES
from analytics.store import open_store

pytest_plugins = ("tests.postgres",)

ROOT = Path(__file__).resolve().parents[1]
CLIENT = "Phin & Co."

# One app process: open the store named by the environment, import the files given into the client.
IMPORT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from analytics.store import open_store

    store = open_store()
    ws = store.open(store.find_client(sys.argv[1]))
    results = ws.add_files([(Path(p).name, Path(p).read_bytes()) for p in sys.argv[2:]], who="a teammate")
    print(json.dumps({"files": [r.name for r in results], "held": len(ws.held), "skipped": len(ws.skipped)}))
    """
)


def overview(first: date, last: date) -> tuple[str, bytes]:
    """TikTok Studio's Overview from `first` to `last`, downloaded the day after; a day's figures are the
    same in every download, so the newest download winning an overlap changes nothing."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    epoch = int(datetime(last.year, last.month, last.day, 23, tzinfo=UTC).timestamp()) + 3600
    lines = ['"Date","Video Views","Profile Views","Likes","Comments","Shares"'] + [
        f'"{day:%B} {day.day}","{day.toordinal() % 997}","{day.day}","{day.month}","1","0"' for day in days
    ]
    return f"Overview_{first}_{epoch}_phinco.csv", ("\ufeff" + "\n".join(lines)).encode()


def comments(first: int, count: int) -> tuple[str, bytes]:
    """A comment scraper's CSV: comments number `first` to `first + count - 1` under the brand's videos;
    comment n is the same in every file that has it (a comment seen in two exports)."""
    rows = ["text,createTimeISO,uniqueId,videoWebUrl,cid"]
    for n in range(first, first + count):
        posted = date(2026, 1, 1) + timedelta(days=n // 4)
        rows.append(
            f"comment {n},{posted}T06:17:54.000Z,fan{n % 40},"
            f"https://www.tiktok.com/@phinco/video/{7507890376124992786 + n % 3},{7508169969612620000 + n}"
        )
    return f"comments_{first}-{first + count - 1}.csv", "\n".join(rows).encode()


# January, imported earlier; then two people at once: February to 7 March, and March, with the first week
# of March and 50 comments in both (the same days and comments in two exports, to be counted once).
JANUARY = [overview(date(2026, 1, 1), date(2026, 1, 31)), comments(0, 100)]
MINE = [overview(date(2026, 2, 1), date(2026, 3, 7)), comments(100, 150)]
THEIRS = [overview(date(2026, 3, 1), date(2026, 3, 31)), comments(200, 150)]


def tables(ws) -> dict[str, pd.DataFrame]:
    """The client's canonical tables, rows in a fixed order (import order must not matter)."""
    return {
        name: ws.con.execute(f'SELECT * FROM "{name}" ORDER BY ALL').df().reset_index(drop=True)
        for name in TABLES
    }


def run_imports(env: dict, tmp_path: Path, batches: list[list[tuple[str, bytes]]]) -> list[subprocess.Popen]:
    processes = []
    for n, files in enumerate(batches):
        paths = []
        for name, data in files:
            path = tmp_path / f"upload{n}" / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            paths.append(str(path))
        home = tmp_path / f"machine{n}"
        processes.append(
            subprocess.Popen(
                [sys.executable, "-c", IMPORT, CLIENT, *paths],
                cwd=ROOT,
                env={**env, "COMMUNITYLENS_HOME": str(home)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    return processes


def finish(processes: list[subprocess.Popen]) -> list[dict]:
    outcomes = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        outcomes.append(json.loads(out.splitlines()[-1]))
    return outcomes


def collide(cluster, team: dict, start) -> list[subprocess.Popen]:
    """Start the writers with every commit held, wait until two of them wait to commit, then let go."""
    conninfo = team["COMMUNITYLENS_LAKE"].split(":", 1)[1]
    with cluster.commits_held(conninfo) as waiting:
        processes = start()
        deadline = time.monotonic() + 240
        while waiting() < 2 and all(p.poll() is None for p in processes) and time.monotonic() < deadline:
            time.sleep(0.1)
        collided = waiting() >= 2
    if not collided:
        for process in processes:
            process.communicate(timeout=300)
        pytest.fail("the two writers did not reach their commits at the same time")
    return processes


@pytest.fixture
def team(postgres_cluster, tmp_path) -> dict:
    """The three settings of a team lake, as every machine of the team has them."""
    return {
        **os.environ,
        "COMMUNITYLENS_LAKE": f"postgres:{postgres_cluster.database()}",
        "COMMUNITYLENS_LAKE_DATA": str(tmp_path / "shared" / "data"),
        "COMMUNITYLENS_ORIGINALS": str(tmp_path / "shared" / "originals"),
    }


@pytest.mark.parametrize("history", [False, True], ids=["new client", "client with a month already"])
def test_two_app_processes_importing_into_one_client_at_once_keep_both_imports_and_double_nothing(
    team, postgres_cluster, tmp_path, history
):
    store = open_store(
        home=tmp_path / "lead", lake=team["COMMUNITYLENS_LAKE"], data_path=team["COMMUNITYLENS_LAKE_DATA"]
    )
    client = store.create_client(CLIENT)
    first = JANUARY if history else []
    if first:
        store.open(client).add_files(first, who="lead")
    mine, theirs = MINE, THEIRS
    outcomes = finish(collide(postgres_cluster, team, lambda: run_imports(team, tmp_path, [mine, theirs])))
    assert [o["files"] for o in outcomes] == [[n for n, _ in mine], [n for n, _ in theirs]]

    # Read back as a third machine would, from nothing.
    again = open_store(
        home=tmp_path / "reader", lake=team["COMMUNITYLENS_LAKE"], data_path=team["COMMUNITYLENS_LAKE_DATA"]
    )
    ws = again.open(again.find_client(CLIENT))
    assert len(ws.imports()) == len(first) // 2 + 2

    reference = again.open(again.create_client("One at a time"))
    for files in ([first] if first else []) + [mine, theirs]:
        reference.add_files(files, who="lead")
    expected, got = tables(reference), tables(ws)
    assert {n: len(t) for n, t in got.items()} == {n: len(t) for n, t in expected.items()}
    # February to March is 59 days and comments 100 to 349 are 250 (January: 31 days, 100 comments more).
    assert (len(got["daily_stats"]), len(got["comments"])) == ((90, 350) if first else (59, 250))
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], expected[name], check_dtype=False, obj=name)


def test_two_people_importing_the_same_export_at_once_store_it_once_and_the_later_is_told_so(
    team, postgres_cluster, tmp_path
):
    store = open_store(
        home=tmp_path / "lead", lake=team["COMMUNITYLENS_LAKE"], data_path=team["COMMUNITYLENS_LAKE_DATA"]
    )
    store.create_client(CLIENT)
    outcomes = finish(
        collide(postgres_cluster, team, lambda: run_imports(team, tmp_path, [JANUARY, JANUARY]))
    )
    names = [name for name, _ in JANUARY]
    assert sorted([o["files"], o["skipped"]] for o in outcomes) == [[[], 2], [names, 0]]
    again = open_store(
        home=tmp_path / "reader", lake=team["COMMUNITYLENS_LAKE"], data_path=team["COMMUNITYLENS_LAKE_DATA"]
    )
    ws = again.open(again.find_client(CLIENT))
    assert len(ws.imports()) == 1
    assert (len(tables(ws)["daily_stats"]), len(tables(ws)["comments"])) == (31, 100)


# The app, on one computer (default SQLite catalog): holds the store open and keeps reading, as a running
# Streamlit server does, while the command line imports into the same client.
READER = textwrap.dedent(
    """
    import json, sys, time
    from analytics.store import open_store

    store = open_store()
    client = store.find_client(sys.argv[1])
    ws = store.open(client)
    print("ready", flush=True)
    reads, errors, slowest, seen_after = 0, [], 0.0, None
    started = time.monotonic()
    while time.monotonic() - started < float(sys.argv[2]):
        began = time.monotonic()
        try:
            count = len(ws.imports())
            store.clients()
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")
            count = 0
        slowest = max(slowest, time.monotonic() - began)
        reads += 1
        if count >= 1 and seen_after is None:
            seen_after = time.monotonic() - started
        if seen_after is not None and reads >= 5:
            break
    print(json.dumps({"reads": reads, "errors": errors[:3], "slowest": slowest, "seen_after": seen_after}))
    """
)


def test_the_command_line_imports_into_a_client_the_running_app_holds_open_and_keeps_reading(tmp_path):
    env = {**os.environ, "COMMUNITYLENS_HOME": str(tmp_path / "home")}
    for setting in ("COMMUNITYLENS_LAKE", "COMMUNITYLENS_LAKE_DATA", "COMMUNITYLENS_ORIGINALS"):
        env.pop(setting, None)  # the defaults: a SQLite catalog and data under the home folder
    store = open_store(home=tmp_path / "home")
    store.create_client(CLIENT)
    store.close()

    app = subprocess.Popen(
        [sys.executable, "-c", READER, CLIENT, "180"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert app.stdout.readline().strip() == "ready", app.stderr.read()
    files = MINE
    paths = []
    for name, data in files:
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    began = time.monotonic()
    cli = subprocess.run(
        [sys.executable, "-c", IMPORT, CLIENT, *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    imported_in = time.monotonic() - began
    out, err = app.communicate(timeout=300)
    assert cli.returncode == 0, cli.stderr
    assert app.returncode == 0, err
    reading = json.loads(out.splitlines()[-1])
    print(f"import {imported_in:.1f} s; app reads {reading}")
    assert reading["errors"] == []
    assert reading["seen_after"] is not None, "the running app never saw the import"

    ws = open_store(home=tmp_path / "home").open(open_store(home=tmp_path / "home").find_client(CLIENT))
    assert len(ws.imports()) == 1
    assert len(tables(ws)["comments"]) == 150


OPEN = textwrap.dedent(
    """
    import sys
    from analytics.store import open_store  # imported before the go: the opens themselves collide

    print("ready", flush=True)
    sys.stdin.readline()
    print(len(open_store().clients()))
    """
)


def test_three_app_processes_starting_at_once_on_a_new_team_lake_all_open_it(team, tmp_path):
    """The first start of a team (or a restart of several app servers) creates the catalog's tables in
    PostgreSQL; two processes creating them at the same moment collide, and the later one must retry."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN],
            cwd=ROOT,
            env={**team, "COMMUNITYLENS_HOME": str(tmp_path / f"machine{n}")},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    for process in processes:
        assert process.stdout.readline().strip() == "ready", process.stderr.read()
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert (process.returncode, out.strip()) == (0, "0"), err[-2000:]


@pytest.mark.parametrize(
    "message",
    [
        # Measured (see tests/test_team_lake.py): the text of each race, as duckdb raises it.
        "TransactionContext Error: Failed to commit: Failed to commit DuckLake transaction.\nExceeded the maximum "
        "retry count of 10 set by the ducklake_max_retry_count setting.\n... ERROR:  duplicate key value violates "
        'unique constraint "ducklake_snapshot_pkey"\nDETAIL:  Key (snapshot_id)=(12) already exists.',
        'Failed to initialize DuckLake: Failed to execute query "CREATE TABLE "public"."ducklake_metadata"(...)": '
        'ERROR:  duplicate key value violates unique constraint "pg_type_typname_nsp_index"',
        "Failed to commit DuckLake transaction.\nTransaction conflict - attempting to insert into table with "
        'index "1" - but another transaction has deleted inlined data from it',
        "Failed to commit: Failed to commit DuckLake transaction. ... Failed to flush changes into DuckLake: "
        "database is locked",
        'Failed to initialize DuckLake: Failed to execute query "CREATE TABLE "public"."ducklake_metadata"(...)": '
        'ERROR:  relation "ducklake_metadata" already exists',
    ],
    ids=[
        "postgres retries used up",
        "postgres first start",
        "logical conflict",
        "sqlite locked",
        "postgres first start committed by the other",
    ],
)
def test_each_race_between_two_writers_is_retried_and_nothing_else(message):
    from analytics.store import lake

    assert lake.is_conflict(duckdb.TransactionException(message))
    assert not lake.is_conflict(duckdb.BinderException('Binder Error: Table "comments" does not exist'))
    assert not lake.is_conflict(
        duckdb.CatalogException('Catalog Error: Table with name "comments" already exists!')
    )


CREATE = textwrap.dedent(
    """
    import sys
    from analytics.store import open_store

    store = open_store()
    try:
        print(store.create_client(sys.argv[1]))
    except ValueError as taken:
        print(f"refused: {taken}")
    """
)


def test_two_people_creating_the_same_client_at_once_end_with_one_client(team, postgres_cluster, tmp_path):
    open_store(
        home=tmp_path / "lead", lake=team["COMMUNITYLENS_LAKE"], data_path=team["COMMUNITYLENS_LAKE_DATA"]
    )
    processes = collide(
        postgres_cluster,
        team,
        lambda: [
            subprocess.Popen(
                [sys.executable, "-c", CREATE, CLIENT],
                cwd=ROOT,
                env={**team, "COMMUNITYLENS_HOME": str(tmp_path / f"machine{n}")},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(2)
        ],
    )
    said = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-2000:]
        said.append(out.strip())
    clients = open_store(
        home=tmp_path / "reader", lake=team["COMMUNITYLENS_LAKE"], data_path=team["COMMUNITYLENS_LAKE_DATA"]
    ).clients()
    assert clients["name"].tolist() == [CLIENT]
    assert sorted(said) == sorted(
        [
            clients["client_id"][0],
            f"refused: There is already a client called '{CLIENT}': choose another name.",
        ]
    )
