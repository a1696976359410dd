"""Canonical rows kept where DuckDB read them: a comment file's million rows never leave DuckDB.

A comment export is read, cleaned and checked by DuckDB (`staging.py`) into a table of a database:
the workspace's own when the import names one (`Context.database`), so its merge reads the table in
place; else a private in-memory database of the rows' own. Anything else (a client's lake, a page
that wants pandas) gets the rows as an Arrow stream or table, read from that table.

    with scan(con, rows, home) as name:   # SQL naming the rows on `con`
        con.execute(f"select count(*) from {name}")
"""

from __future__ import annotations

import contextlib
import itertools
import weakref
from collections.abc import Iterator

import duckdb
import pandas as pd
import pyarrow as pa

from analytics import db

SCHEMA = "parts"
_numbers = itertools.count()


class KeptRows:
    """Rows in the table `name` of the database of `database` (a connection), with the columns
    `columns` (the table may hold more: the staging's own, never shown); dropped with this object."""

    def __init__(self, database: duckdb.DuckDBPyConnection, name: str, columns: list[str]) -> None:
        self.database = database
        self.name = name
        self.column_names = list(columns)
        self._con = database.cursor()  # its own: any thread may read it, or drop it when it goes
        self.num_rows = db.scalar(self._con, f"select count(*) from {name}")
        weakref.finalize(self, _drop, self._con, name)

    @property
    def select(self) -> str:
        """The rows, in the file's order (the order the table was written in, which DuckDB keeps)."""
        columns = ", ".join(f'"{column}"' for column in self.column_names)
        return f"select {columns} from {self.name}"

    def query(self, sql: str, params=None) -> duckdb.DuckDBPyConnection:
        """Run `sql` on the rows' database; `{rows}` in it names them."""
        return self._con.execute(sql.replace("{rows}", self.name), params)

    def one(self, sql: str, params: object = None) -> tuple:
        """The one row `sql` returns (an aggregate of the rows: `{rows}` in it names them)."""
        return db.one(self._con, sql.replace("{rows}", self.name), params)

    def reader(self) -> pa.RecordBatchReader:
        """The rows as an Arrow stream (another database reads them batch by batch, with no copy whole)."""
        return self._con.execute(self.select).to_arrow_reader()

    def arrow(self) -> pa.Table:
        return self._con.execute(self.select).to_arrow_table()


def new_table_name(database: str) -> str:
    """A name for a new table of kept rows in the `parts` schema of `database`, whole: any connection
    of the same DuckDB reads it by that name."""
    return f'"{database}".{SCHEMA}."rows_{next(_numbers)}"'


def _drop(con: duckdb.DuckDBPyConnection, name: str) -> None:
    with contextlib.suppress(duckdb.Error):
        try:
            con.execute(f"drop table if exists {name}")
        finally:
            con.close()


def column_names(rows: pd.DataFrame | pa.Table | KeptRows) -> list[str]:
    """The columns of a table's rows, however they are held."""
    if isinstance(rows, pd.DataFrame):
        return [str(column) for column in rows.columns]
    return list(rows.column_names)


@contextlib.contextmanager
def scan(
    con: duckdb.DuckDBPyConnection,
    rows: pd.DataFrame | pa.Table | KeptRows,
    home: duckdb.DuckDBPyConnection | None = None,
    name: str = "incoming_rows",
) -> Iterator[str]:
    """SQL naming `rows` on `con`: kept rows' own table when `con` reads the database they are in
    (`home`, the connection whose database `con` is a cursor of); else `name`, registered for the
    block (kept rows as an Arrow stream: scan it once)."""
    if isinstance(rows, KeptRows) and home is not None and rows.database is home:
        yield f"(select * from {rows.name})"
        return
    con.register(name, rows.reader() if isinstance(rows, KeptRows) else rows)
    try:
        yield name
    finally:
        con.unregister(name)
