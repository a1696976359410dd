"""Team setup, at the DuckLake level: can two people (two processes) write into one lake with a PostgreSQL
catalog at the same moment without losing or doubling a row?

Each test starts two separate Python processes (multiprocessing, spawn) on a fresh database of a throwaway
PostgreSQL server (tests/postgres.py). A barrier makes both transactions start from the same snapshot and
commit together, so the collision happens every run instead of by luck of timing.
"""

import glob
import multiprocessing
import site
import traceback
from pathlib import Path

import duckdb
import pytest

pytest_plugins = ("tests.postgres",)

ROWS = (
    200  # per transaction: more than DuckLake inlines into the catalog, so each commit writes a Parquet file
)


def lake(catalog: str, data: Path, **settings) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the lake attached as `lake`, extensions loaded from their pip packages."""
    con = duckdb.connect()
    for name in ("ducklake", catalog.split(":")[0]):
        found = [
            path
            for folder in site.getsitepackages()
            for path in glob.glob(f"{folder}/duckdb_extension_{name}/extensions/*/{name}.duckdb_extension")
        ]
        con.execute(f"INSTALL '{found[0]}'")
        con.execute(f"LOAD {name}")
    for setting, value in settings.items():
        con.execute(f"SET {setting} = {int(value)}")
    con.execute(f"ATTACH 'ducklake:{catalog}' AS lake (DATA_PATH '{data}/')")
    return con


def writer(catalog, data, worker, job, barrier, results, settings, attempts) -> None:
    """One process: run `job` as one transaction, retried as a whole (after a rollback) on a commit conflict."""
    try:
        con = lake(catalog, data, **settings)
        errors = []
        for attempt in range(attempts):
            con.execute("BEGIN")
            JOBS[job](con, worker)
            if attempt == 0:
                barrier.wait(timeout=30)  # both transactions hold changes made from the same snapshot
            try:
                con.execute("COMMIT")
                break
            except duckdb.TransactionException as conflict:  # a failed COMMIT has already rolled back
                errors.append(str(conflict))
        results.put((worker, len(errors) < attempts, errors))
    except Exception:
        barrier.abort()  # the other process stops waiting
        results.put((worker, False, [traceback.format_exc()]))


def insert_rows(con, worker) -> None:
    con.execute("INSERT INTO lake.comments SELECT ?, range FROM range(?)", [worker, ROWS])


def replace_rows(con, worker) -> None:
    """Like an import that keeps the richer record: delete what the new file replaces, insert the new rows."""
    con.execute("DELETE FROM lake.comments WHERE n % 2 = ?", [worker % 2])
    insert_rows(con, worker)


def create_client(con, worker) -> None:
    """Two people create the same new client (one schema) at the same moment."""
    con.execute("CREATE SCHEMA IF NOT EXISTS lake.phin")
    con.execute("CREATE TABLE IF NOT EXISTS lake.phin.comments (worker INTEGER, n INTEGER)")
    con.execute("INSERT INTO lake.phin.comments SELECT ?, range FROM range(?)", [worker, ROWS])


JOBS = {"insert": insert_rows, "replace": replace_rows, "create": create_client}


def run_two(catalog: str, data: Path, job: str, settings: dict | None = None, attempts: int = 5) -> dict:
    """Both writers at once; returns {worker: (committed, the commit errors each one met)}."""
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2), spawn.Queue()
    processes = [
        spawn.Process(target=writer, args=(catalog, data, w, job, barrier, results, settings or {}, attempts))
        for w in (1, 2)
    ]
    for process in processes:
        process.start()
    try:
        outcome = {
            worker: (ok, errors) for worker, ok, errors in (results.get(timeout=120) for _ in processes)
        }
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
    return outcome


@pytest.fixture
def shared_lake(postgres_conninfo: str, tmp_path: Path) -> tuple[str, Path]:
    catalog = f"postgres:{postgres_conninfo}"
    con = lake(catalog, tmp_path)
    con.execute("CREATE TABLE lake.comments (worker INTEGER, n INTEGER)")
    con.close()
    return catalog, tmp_path


def rows_per_worker(catalog: str, data: Path, table: str = "lake.comments") -> dict[int, tuple[int, int]]:
    """Read back in a third process-like fresh connection: {worker: (rows, distinct rows)}."""
    con = lake(catalog, data)
    counted = con.execute(
        f"SELECT worker, count(*), count(DISTINCT n) FROM {table} GROUP BY worker"
    ).fetchall()
    con.close()
    return {worker: (int(rows), int(distinct)) for worker, rows, distinct in counted}


def test_two_processes_inserting_into_one_table_at_once_both_land_each_row_once(shared_lake):
    catalog, data = shared_lake
    outcome = run_two(catalog, data, "insert")
    assert {worker: ok for worker, (ok, _) in outcome.items()} == {1: True, 2: True}, outcome
    # Inserts never conflict logically: DuckLake's own retry settles the race, the application sees nothing.
    assert [errors for _, errors in outcome.values()] == [[], []]
    assert rows_per_worker(catalog, data) == {1: (ROWS, ROWS), 2: (ROWS, ROWS)}


def test_without_ducklakes_retries_the_later_of_two_inserts_fails_with_a_transaction_exception(shared_lake):
    """Proves the two commits really collide (so the test above is not passing by luck of timing), and
    records the exception a store must catch when DuckLake's retries are used up."""
    catalog, data = shared_lake
    outcome = run_two(catalog, data, "insert", {"ducklake_max_retry_count": 0}, attempts=1)
    failed = [errors for ok, errors in outcome.values() if not ok]
    assert len(failed) == 1, outcome
    assert "Failed to commit DuckLake transaction" in failed[0][0]
    assert "ducklake_max_retry_count" in failed[0][0]
    assert sorted(rows_per_worker(catalog, data).values()) == [(ROWS, ROWS)]  # the loser left nothing behind


def test_two_imports_that_replace_rows_conflict_and_the_one_rerun_by_the_application_lands(shared_lake):
    """Delete-and-insert transactions on the same table are a real conflict: DuckLake does not retry it,
    the application must roll back and run the whole import again from the new snapshot."""
    catalog, data = shared_lake
    con = lake(catalog, data)
    con.execute("INSERT INTO lake.comments SELECT 0, range FROM range(?)", [ROWS])
    con.close()
    outcome = run_two(catalog, data, "replace")
    assert all(ok for ok, _ in outcome.values()), outcome
    conflicts = [error for _, errors in outcome.values() for error in errors]
    assert len(conflicts) == 1 and "Transaction conflict" in conflicts[0], conflicts
    # Each import ran once, on the rows it saw: the first to commit removed half of the old rows, the rerun
    # one removed the other half and the first one's rows of its parity, and no row is there twice.
    counted = rows_per_worker(catalog, data)
    assert 0 not in counted
    assert sorted(counted.values()) == [(ROWS // 2, ROWS // 2), (ROWS, ROWS)]


def test_two_processes_creating_the_same_client_at_once_end_with_one_client_holding_both_batches(
    postgres_conninfo, tmp_path
):
    catalog = f"postgres:{postgres_conninfo}"
    lake(catalog, tmp_path).close()  # the lake exists (its catalog tables in PostgreSQL), the client not yet
    outcome = run_two(catalog, tmp_path, "create")
    assert all(ok for ok, _ in outcome.values()), outcome
    conflicts = [error for _, errors in outcome.values() for error in errors]
    assert len(conflicts) == 1 and 'create schema with name "phin"' in conflicts[0], conflicts
    assert rows_per_worker(catalog, tmp_path, "lake.phin.comments") == {1: (ROWS, ROWS), 2: (ROWS, ROWS)}
