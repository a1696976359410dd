"""The clients of an agency, each with its own history, kept in the lake.

One schema per client (`c_<id>`) holds everything about that client and nothing else:

- the canonical tables (`videos`, `daily_stats`, `comments`, ...), merged from every import, which
  is what a page reads when the client is opened;
- `parts_<table>`: the rows each stored file gave, so a removal or a year fix merges again
  without re-reading a year of uploads;
- `meta_files`, `meta_tables`, `meta_imports`, `meta_state`: which files came in which import,
  what each held, and the merge's notes;
- `meta_changes`: each import and removal with the snapshot before it, for undo;
- `meta_memory`: the client's remembered choices (format fixes, brand words, thresholds, ...).

The original uploads are kept as they came under `<originals>/<client id>/<sha256>`, so a year or
mapping fix re-reads the file itself, and deleting a client deletes its files too.

Who may open which client is decided in one place, `Store.may_open`: today everyone using this
app's server may open every client.
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from analytics import db, labels
from analytics.i18n import _
from analytics.schema import TABLES
from analytics.store import lake

CLIENT_ID = re.compile(r"^[0-9a-f]{8}$")
NAME_LIMIT = 80

# Tables an undo restores (the memory and the change log itself are not undone).
META_TABLES = {
    "meta_imports": "import_id integer, imported_at timestamp, who varchar",
    "meta_files": (
        "digest varchar, name varchar, import_id integer, file_order integer, batch integer, "
        "last_year integer, lender_day date, lender varchar, size_bytes bigint"
    ),
    "meta_tables": (
        "part integer, digest varchar, file varchar, source varchar, kind varchar, rows bigint, "
        "start_date date, end_date date, warnings varchar, download_date date, mapping varchar, "
        "mapped_by_hand boolean, year_kind varchar, year_words varchar, year_label varchar, "
        "year_lender varchar, account varchar"
    ),
    "meta_state": "name varchar, value varchar",
}
LOG_TABLES = {
    "meta_changes": (
        "change_id integer, changed_at timestamp, kind varchar, words varchar, snapshot_before bigint, undone boolean"
    ),
    "meta_memory": "name varchar, value varchar",
    # One row, rewritten by every change of the client: two changes made at once always conflict (client.py).
    "meta_version": "version bigint",
    # Each comment's sentiment, labelled once (analytics/labels.py); not undone: a comment an undo brings back
    # without a label is labelled again when a page needs it.
    labels.TABLE: labels.COLUMNS,
}


def schema_of(client_id: str) -> str:
    """The client's schema name, from an id checked against its pattern (identifiers never come from input)."""
    if not CLIENT_ID.match(client_id or ""):
        raise UnknownClient(_("'{client}' is not a client id.").format(client=client_id))
    return f"c_{client_id}"


def restorable_tables() -> list[str]:
    return list(TABLES) + [f"parts_{table}" for table in TABLES] + list(META_TABLES)


class UnknownClient(LookupError):
    """No client by that name or id."""


@dataclass
class ClientMemory:
    """One client's remembered choices, in its schema: name -> JSON value."""

    store: Store
    client_id: str

    def read(self, name: str) -> object:
        cur = self.store.cursor()
        try:
            row = cur.execute(
                f"select value from {lake.LAKE}.{schema_of(self.client_id)}.meta_memory where name = ?",
                [name],
            ).fetchone()
        except duckdb.Error:
            return None
        finally:
            cur.close()
        try:
            return json.loads(row[0]) if row else None
        except ValueError:
            return None

    def write(self, name: str, value: object) -> bool:
        table = f"{lake.LAKE}.{schema_of(self.client_id)}.meta_memory"
        text = json.dumps(value, ensure_ascii=False)

        def attempt() -> None:
            with self.store.transaction() as cur:
                cur.execute(f"delete from {table} where name = ?", [name])
                cur.execute(f"insert into {table} values (?, ?)", [name, text])

        try:
            lake.retrying(attempt)
        except duckdb.Error:
            return False
        return True


class Store:
    """The lake of clients: one per app process (Streamlit keeps it in `st.cache_resource`)."""

    def __init__(self, settings: lake.LakeSettings) -> None:
        self.settings = settings
        self._con = lake.connect(settings)
        self._lock = threading.Lock()
        self._unused_scratches: list[str] = []  # scratch databases let go, detached when the next is made
        cur = self.cursor()

        def prepare() -> None:  # two processes starting on a new lake at once both create it: one retries
            try:
                cur.execute("begin")
                cur.execute(
                    f"create table if not exists {lake.LAKE}.main.clients "
                    "(client_id varchar, name varchar, created_at timestamp)"
                )
                # One row, rewritten by every change to the list of clients (see `_claim_names`).
                cur.execute(f"create table if not exists {lake.LAKE}.main.clients_version (version bigint)")
                if not db.scalar(cur, f"select count(*) from {lake.LAKE}.main.clients_version"):
                    cur.execute(f"insert into {lake.LAKE}.main.clients_version values (0)")
                cur.execute("commit")
            except BaseException:
                _rollback(cur)
                raise

        try:
            lake.retrying(prepare)
        finally:
            cur.close()

    def scratch(self) -> tuple[duckdb.DuckDBPyConnection, str]:
        """A new private in-memory database beside the lake, for one workspace's files and merges, and
        its name: the lake reads its tables in place (no copy between two DuckDBs). The connection
        returned works in it; `drop_scratch(name)` lets it go."""
        cur = self.cursor()
        while True:  # those let go since the last one was made
            try:
                unused = self._unused_scratches.pop()
            except IndexError:
                break
            with contextlib.suppress(duckdb.Error):
                cur.execute(f"detach database if exists {unused}")
        name = f"scratch_{secrets.token_hex(8)}"
        cur.execute(f"attach ':memory:' as {name}")
        cur.execute(f"use {name}")
        return cur, name

    def drop_scratch(self, name: str) -> None:
        """Let a scratch database go (detached when the next is made). Only noted here: this runs when a
        workspace is garbage, on whatever thread, maybe one inside `cursor()` holding its lock."""
        self._unused_scratches.append(name)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own onto the lake, for one thread's work (sessions never share one)."""
        with self._lock:
            cur = self._con.cursor()
        cur.execute("set enable_progress_bar = false")
        return cur

    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside one lake transaction: committed when the block ends, rolled back on any error."""
        cur = self.cursor()
        try:
            cur.execute("begin")
            yield cur
            cur.execute("commit")
        except BaseException:
            _rollback(cur)
            raise
        finally:
            cur.close()

    def close(self) -> None:
        self._con.close()

    # Clients -----------------------------------------------------------------------------

    def names(self) -> dict[str, str]:
        """Client id -> name, by name: what the sidebar lists on every run (one query)."""
        cur = self.cursor()
        try:
            rows = cur.execute(
                f"select client_id, name from {lake.LAKE}.main.clients order by lower(name), client_id"
            ).fetchall()
        finally:
            cur.close()
        return dict(rows)

    def clients(self, only: str | None = None) -> pd.DataFrame:
        """One row per client (or only that one): client_id, name, account, imports, files, first_date,
        last_date, size_bytes, created_at. A few queries per client: for lists, not for every page run."""
        cur = self.cursor()
        try:
            listed = cur.execute(
                f"select client_id, name, created_at from {lake.LAKE}.main.clients "
                "where ? is null or client_id = ? order by lower(name)",
                [only, only],
            ).df()
            rows = []
            for client in listed.itertuples():
                schema = f"{lake.LAKE}.{schema_of(client.client_id)}"
                imports, files, first, last, size = db.one(
                    cur,
                    f"""
                    select (select count(*) from {schema}.meta_imports),
                        (select count(*) from {schema}.meta_files),
                        (select min(start_date) from {schema}.meta_tables),
                        (select max(end_date) from {schema}.meta_tables),
                        (select coalesce(sum(size_bytes), 0) from {schema}.meta_files)
                    """,
                )
                account = _state(cur, client.client_id, "account")
                rows.append(
                    {
                        "client_id": client.client_id,
                        "name": client.name,
                        "account": account or "",
                        "imports": int(imports),
                        "files": int(files),
                        "first_date": first,
                        "last_date": last,
                        "size_bytes": int(size),
                        "created_at": client.created_at,
                    }
                )
        finally:
            cur.close()
        columns = ["client_id", "name", "account", "imports", "files", "first_date", "last_date"]
        return pd.DataFrame(rows, columns=columns + ["size_bytes", "created_at"])

    def may_open(self, client_id: str) -> bool:
        """Whether this user may open this client: the one place a team's access rule will go."""
        return self.find_client(client_id) == client_id

    def find_client(self, name_or_id: str, within: duckdb.DuckDBPyConnection | None = None) -> str | None:
        """The id of the client with this id or name (case and spacing ignored), else None.

        `within`: the cursor of an open transaction, to look at the clients as that transaction sees them."""
        wanted = " ".join(str(name_or_id).split()).casefold()
        cur = within or self.cursor()
        try:
            rows = cur.execute(f"select client_id, name from {lake.LAKE}.main.clients").fetchall()
        finally:
            if cur is not within:
                cur.close()
        for client_id, name in rows:
            if wanted in (client_id, " ".join(name.split()).casefold()):
                return client_id
        return None

    def name_of(self, client_id: str) -> str:
        cur = self.cursor()
        try:
            row = cur.execute(
                f"select name from {lake.LAKE}.main.clients where client_id = ?", [client_id]
            ).fetchone()
        finally:
            cur.close()
        if not row:
            raise UnknownClient(_("There is no client '{client}'.").format(client=client_id))
        return row[0]

    def _clean_name(self, name: str, client_id: str | None = None, within=None) -> str:
        name = " ".join(str(name).split())
        if not name:
            raise ValueError(_("A client needs a name, such as the brand's."))
        if len(name) > NAME_LIMIT:
            raise ValueError(_("A client's name has at most {count} characters.").format(count=NAME_LIMIT))
        other = self.find_client(name, within)
        if other and other != client_id:
            raise ValueError(
                _("There is already a client called '{name}': choose another name.").format(name=name)
            )
        return name

    def create_client(self, name: str) -> str:
        """A new, empty client; its id."""
        name = self._clean_name(name)
        client_id = secrets.token_hex(4)
        schema = f"{lake.LAKE}.{schema_of(client_id)}"

        def attempt() -> None:
            with self.transaction() as cur:
                _claim_names(cur)
                self._clean_name(name, within=cur)  # again, as this transaction sees the clients
                cur.execute(f"create schema {schema}")
                for table, columns in TABLES.items():
                    typed = ", ".join(f'"{column}" {kind}' for column, kind in columns.items())
                    cur.execute(f"create table {schema}.{table} ({typed})")
                    cur.execute(f"create table {schema}.parts_{table} ({typed}, _part integer)")
                for table, definition in {**META_TABLES, **LOG_TABLES}.items():
                    cur.execute(f"create table {schema}.{table} ({definition})")
                cur.execute(f"insert into {schema}.meta_version values (0)")
                cur.execute(
                    f"insert into {lake.LAKE}.main.clients values (?, ?, ?)",
                    [client_id, name, datetime.now().replace(microsecond=0)],
                )

        lake.retrying(attempt)
        return client_id

    def rename_client(self, client_id: str, name: str) -> None:
        name = self._clean_name(name, client_id)

        def attempt() -> None:
            with self.transaction() as cur:
                _claim_names(cur)
                self._clean_name(name, client_id, within=cur)
                cur.execute(
                    f"update {lake.LAKE}.main.clients set name = ? where client_id = ?", [name, client_id]
                )

        lake.retrying(attempt)

    def delete_client(self, client_id: str) -> None:
        """Delete a client for good: its tables, its remembered choices, and the files it imported."""
        schema = f"{lake.LAKE}.{schema_of(client_id)}"
        if self.find_client(client_id) != client_id:  # nothing to delete, and every client's undo kept
            raise UnknownClient(_("There is no client '{client}'.").format(client=client_id))

        def attempt() -> None:
            with self.transaction() as cur:
                for table in [*restorable_tables(), *LOG_TABLES]:
                    cur.execute(f"drop table if exists {schema}.{table}")
                cur.execute(f"drop schema if exists {schema}")
                cur.execute(f"delete from {lake.LAKE}.main.clients where client_id = ?", [client_id])

        lake.retrying(attempt)
        # Personal data: the client's Parquet files and its originals go now, not at the next cleanup.
        self.forget_history()
        self._vacuum_catalog()
        shutil.rmtree(self.originals(client_id), ignore_errors=True)
        if self.settings.is_local:
            shutil.rmtree(Path(self.settings.data_path) / schema_of(client_id), ignore_errors=True)

    def forget_history(self) -> None:
        """Drop the lake's older snapshots and the files only they used (undo can then not go back past now)."""
        cur = self.cursor()
        try:
            cur.execute(f"call ducklake_expire_snapshots('{lake.LAKE}', older_than => now())")
            cur.execute(f"call ducklake_cleanup_old_files('{lake.LAKE}', cleanup_all => true)")
        except duckdb.Error:
            pass  # a lake another process holds mid-change keeps its history until the next deletion
        finally:
            cur.close()

    def _vacuum_catalog(self) -> None:
        """A SQLite catalog keeps deleted rows in its free pages until vacuumed; DuckLake keeps a
        client's small tables (its remembered choices, a few comments) in the catalog itself."""
        if self.settings.kind != "sqlite":
            return
        try:
            with closing(sqlite3.connect(self.settings.catalog.split(":", 1)[1], timeout=30)) as catalog:
                catalog.execute("vacuum")
        except sqlite3.Error:
            pass  # another process kept it busy for 30 s: the next deletion vacuums it

    def originals(self, client_id: str) -> Path:
        return self.settings.originals / schema_of(client_id)[2:]

    def memory(self, client_id: str) -> ClientMemory:
        schema_of(client_id)
        return ClientMemory(self, client_id)

    def open(self, client_id: str, today: date | None = None):  # -> ClientWorkspace
        """The client's workspace, with its merged tables read from the lake into a private connection."""
        from analytics.store.client import ClientWorkspace

        if not self.may_open(client_id):
            raise UnknownClient(_("There is no client '{client}'.").format(client=client_id))
        return ClientWorkspace(self, client_id, today=today or date.today())


def _state(cur: duckdb.DuckDBPyConnection, client_id: str, name: str) -> str | None:
    row = cur.execute(
        f"select value from {lake.LAKE}.{schema_of(client_id)}.meta_state where name = ?", [name]
    ).fetchone()
    return row[0] if row else None


def _claim_names(cur: duckdb.DuckDBPyConnection) -> None:
    """Make this change to the list of clients collide with any other made since it began.

    DuckLake lets two transactions that only insert commit together, so two people creating a client of
    the same name at once would both succeed. Rewriting the one version row is a delete, so DuckLake
    reports a conflict, `lake.retrying` runs the later change again, and its name check then sees the
    first client.
    """
    cur.execute(f"update {lake.LAKE}.main.clients_version set version = version + 1")


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    try:
        cur.execute("rollback")
    except duckdb.Error:
        pass  # no transaction was open


_settings = lake.settings


def open_store(home: Path | None = None, lake: str | None = None, data_path: str | None = None) -> Store:
    """The store these settings name (see analytics/store/lake.py), created on first use."""
    return Store(_settings(lake, data_path, home))
