"""The DuckDB side: one in-memory database per workspace, with the canonical tables.

Why in-memory: data stays on the marketer's machine and in their browser session; a
second marketer using the same server gets a database of their own. Why one table per
canonical name (not a view over the raw files): pages query it on every rerun, and a
table is read without re-parsing anything.
"""

from __future__ import annotations

import weakref
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analytics.schema import TABLES

QUERIES = Path(__file__).parent / "queries"


def connect() -> duckdb.DuckDBPyConnection:
    """A fresh in-memory database holding every canonical table, empty."""
    con = duckdb.connect(":memory:")
    con.execute("set enable_progress_bar = false")
    for table in TABLES:
        con.execute(create_table_sql(table))
    return con


def create_table_sql(table: str, name: str | None = None) -> str:
    columns = ", ".join(f'"{column}" {kind}' for column, kind in TABLES[table].items())
    return f'create or replace table "{name or table}" ({columns})'


def load_frames(con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> duckdb.DuckDBPyConnection:
    """Replace canonical tables with these DataFrames (missing columns are NULL), for tests and notebooks."""
    for table, frame in frames.items():
        replace_table(con, table, frame)
    return con


def replace_table(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Fill canonical `table` with `frame`, casting each column to its canonical type."""
    columns = TABLES[table]
    select = ", ".join(
        f'try_cast("{column}" as {kind}) as "{column}"'
        if column in frame.columns
        else f'null::{kind} as "{column}"'
        for column, kind in columns.items()
    )
    con.register("incoming_frame", frame)
    try:
        con.execute(create_table_sql(table))
        con.execute(f'insert into "{table}" select {select} from incoming_frame')
    finally:
        con.unregister("incoming_frame")


# The connections (and cursors: each has its own) that have the shared macros of queries/macros.sql.
_WITH_MACROS: weakref.WeakSet = weakref.WeakSet()


def with_macros(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """`con`, with the definitions every query shares (engagements, in the period: queries/macros.sql)."""
    if con not in _WITH_MACROS:
        con.execute(read_sql("macros"))
        _WITH_MACROS.add(con)
    return con


def query(con: duckdb.DuckDBPyConnection, name: str, params=None) -> duckdb.DuckDBPyConnection:
    """Run analytics/queries/<name>.sql on `con`, with the shared definitions."""
    return with_macros(con).execute(read_sql(name), params)


def one(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> tuple[Any, ...]:
    """The one row `sql` returns (an aggregate's, a count's), with the shared definitions: an error naming the
    query if there is none."""
    row = with_macros(con).execute(sql, params).fetchone()
    if row is None:
        raise LookupError(f"No row came back from: {' '.join(sql.split())[:200]}")
    return row


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> Any:
    """The first value of the one row `sql` returns (a count, a min, a max)."""
    return one(con, sql, params)[0]


@cache
def read_sql(name: str) -> str:
    """The text of analytics/queries/<name>.sql."""
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")
