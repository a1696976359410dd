"""Comments from any layout into the canonical table: one staging query, whatever the container.

A comment export of a million rows is read by DuckDB itself (a clean UTF-8 CSV), so its rows never
pass through Python; the rows other readers found (a workbook's sheet, a JSON export, a CSV that
Python read because DuckDB refused it) feed the same query through a registered frame. Either way
the rules live in one place, `queries/staging/comments.sql`, fed a relation of text columns named
by canonical field.

Python keeps what it does per distinct value, never per row: the video id and account in each
video link (a million comments sit on a few hundred videos), the rare times and counts written in
a form SQL does not read (`13/06/2026 20:00`, `1.2K`), and the id hash of rows without a comment
id (kept the same as before, so a re-import matches the comments already stored).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date, timedelta

import duckdb
import pandas as pd
import pyarrow as pa

from analytics import db
from analytics.db import read_sql
from analytics.i18n import N_
from analytics.i18n.said import Said
from analytics.ingest import limits
from analytics.ingest.canonical import (
    Canonical,
    Context,
    impossible_numbers,
    named_account,
    no_dates,
    parse_timestamps,
    rows_left_out,
    rows_outside,
    url_account,
    video_ids_and_handles,
)
from analytics.ingest.detect import ALIASES
from analytics.ingest.limits import TooBig
from analytics.ingest.readers import CsvSource
from analytics.ingest.rows import SCHEMA, KeptRows, new_table_name
from analytics.numbers import parse_counts, parse_numbers
from analytics.schema import TABLES

FIELDS = tuple(ALIASES["comments"])
COLUMNS = tuple(TABLES["comments"])
MAX_COUNT = 10**12
GLOB_MARKS = ("*", "?", "[", "]", "{", "}", "://")


class CsvRefused(Exception):
    """DuckDB would not read the CSV as it is (ragged rows, a stray quote, not UTF-8, a very long line):
    the Python reader, which knows what to do with each, reads it instead."""


def connect(database: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor of `database` with the staging macros (its own: they go with it); times read in UTC."""
    con = database.cursor()
    con.execute(f'use "{db.scalar(database, "select current_database()")}"')
    con.execute("set enable_progress_bar = false")
    con.execute("set session TimeZone = 'UTC'")
    con.execute(read_sql("staging/macros"))
    con.execute(f"create schema if not exists {SCHEMA}")
    return con


def comments_from_csv(
    name: str, csv: CsvSource, mapping: dict[str, int], context: Context
) -> tuple[Canonical, int]:
    """The comments of a CSV DuckDB reads itself, and its row count; CsvRefused when DuckDB will not.

    `mapping` gives each canonical field its column's position in the header.
    """
    # DuckDB reads files: the upload where it is, else written aside for the read. A path DuckDB would
    # take for a pattern (`comments[1].csv`) or a URL is never handed to it: it could read other files.
    path = context.path if context.path and not any(mark in context.path for mark in GLOB_MARKS) else None
    if path is None:
        try:
            handle, path = tempfile.mkstemp(prefix="communitylens-", suffix=".csv")
            with os.fdopen(handle, "wb") as file:
                file.write(csv.data)
        except OSError as error:  # no room for it: Python's reader reads it from memory
            _remove(path)
            raise CsvRefused(str(error)) from error
    aside = path if path != context.path else None
    database = _database(context)
    con = connect(database)
    try:
        columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(csv.header)))
        projection = _projection({field: f"c{index}" for field, index in mapping.items()})
        try:
            con.execute(
                f"""
                create temp table comment_fields as
                select {projection} from read_csv(
                    $path, columns = {{{columns}}}, header = true, delim = $separator, quote = '"',
                    escape = '"', auto_detect = false, strict_mode = true, null_padding = false,
                    max_line_size = {limits.MAX_CELL_CHARS}
                )
                """,
                {"path": path, "separator": csv.separator},
            )
        except duckdb.Error as error:  # a CSV error, or any other: Python's reader has its own answers
            raise CsvRefused(str(error).splitlines()[0]) from error
        _remove(aside)
        rows = db.scalar(con, "select count(*) from comment_fields")
        if rows > limits.MAX_ROWS:
            raise TooBig(limits.too_many_rows(name, rows))
        return _stage(con, database, mapping, context, rows), rows
    finally:
        con.close()
        _remove(aside)


def _remove(path: str | None) -> None:
    """Delete the copy of an upload written aside for DuckDB, if there is one (gone already is fine)."""
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def comments_from_frame(raw: pd.DataFrame, mapping: dict[str, str], context: Context) -> Canonical:
    """The comments of a table another reader found (its cells text), through the same staging query."""
    database = _database(context)
    con = connect(database)
    try:
        fields = pd.DataFrame({field: raw[column].astype("string") for field, column in mapping.items()})
        con.register("raw_fields", fields)
        projection = _projection({field: f'"{field}"' for field in mapping})
        con.execute(f"create temp table comment_fields as select {projection} from raw_fields")
        con.unregister("raw_fields")
        return _stage(con, database, mapping, context, len(raw))
    finally:
        con.close()


def _database(context: Context) -> duckdb.DuckDBPyConnection:
    """Where the rows are kept: the importing workspace's database, else one of their own."""
    return context.database if context.database is not None else duckdb.connect(":memory:")


def _projection(columns: dict[str, str]) -> str:
    """Every canonical field, from its column (an identifier we made) or NULL; and room for what each
    row's video link says (`_links`)."""
    return ", ".join(
        [
            f'{columns[field]}::varchar as "{field}"' if field in columns else f'null::varchar as "{field}"'
            for field in FIELDS
        ]
        + ["null::varchar as link_video_id", "null::varchar as link_handle"]
    )


def _stage(
    con: duckdb.DuckDBPyConnection,
    database: duckdb.DuckDBPyConnection,
    mapping: dict,
    context: Context,
    raw_rows: int,
) -> Canonical:
    """`comment_fields` through the staging query into a table of `database`, Python's lookups, the
    warnings and the plausibility rules: the canonical comments, their sentences and their account."""
    warnings: list[str] = []
    if not raw_rows:
        warnings.append(
            Said(
                N_(
                    "The file has its header but no rows (TikTok writes this for small accounts); loaded as empty."
                )
            )
        )
    source_id = source_handle = None
    if context.source_url:
        ids, handles = video_ids_and_handles(pd.Series([context.source_url], dtype="string"))
        source_id, source_handle = _value(ids.iloc[0]), _value(handles.iloc[0])
    _links(con, context)
    # Straight into the table the rows are kept in: they never leave DuckDB.
    table = new_table_name(db.scalar(con, "select current_database()"))
    con.execute(
        f"create table {table} as " + read_sql("staging/comments"),
        {
            "source_url": context.source_url,
            "source_id": source_id,
            "source_handle": source_handle,
            "replies_known": "parent_comment_id" in mapping,
        },
    )
    con.execute("drop table comment_fields")
    try:
        _read_the_rest(con, table)
        _hash_missing_ids(con, table)
        unknown_member, bad_time, with_video, total = db.one(
            con,
            "select count(*) filter (where member_id is null), count(*) filter (where commented_at is null), "
            f"count(video_id), count(*) from {table}",
        )
        if unknown_member:
            warnings.append(rows_left_out(unknown_member, "author"))
        if bad_time:
            warnings.append(rows_left_out(bad_time, "time"))
        if total and not with_video:
            warnings.append(
                Said(N_("No video link or id in this file: comments cannot be matched to videos."))
            )
        if total and "parent_comment_id" not in mapping:
            warnings.append(
                Said(
                    N_(
                        "This export does not show replies (no parent comment column): the reply rate cannot be "
                        "measured from it."
                    )
                )
            )
        _plausible(con, table, total, context, warnings)
        urls = con.execute(
            f"select video_url, count(*) from {table} where video_url is not null "
            "group by video_url order by min(_row)"
        ).fetchall()
        rows = KeptRows(database, table, list(COLUMNS))
    except BaseException:
        con.execute(f"drop table if exists {table}")
        raise
    account = named_account(context) or url_account(urls)
    return Canonical("comments", rows, warnings, None, None, account)


def _links(con: duckdb.DuckDBPyConnection, context: Context) -> None:
    """Each row's `link_video_id` and `link_handle`: the video id and account in its video link,
    parsed once per distinct link. An update in place keeps the file's order, as a join would not."""
    urls = [row[0] for row in con.execute("select distinct video_url from comment_fields").fetchall()]
    urls = pd.Series([url for url in [*urls, context.source_url] if url], dtype="string").drop_duplicates()
    ids, handles = video_ids_and_handles(urls)
    con.register(
        "links",
        pa.table(
            {
                "video_url": pa.array(urls.tolist(), pa.string()),
                "link_video_id": pa.array([_value(v) for v in ids], pa.string()),
                "link_handle": pa.array([_value(v) for v in handles], pa.string()),
            }
        ),
    )
    con.execute(
        "update comment_fields set link_video_id = links.link_video_id, link_handle = links.link_handle "
        "from links where links.video_url = comment_fields.video_url"
    )
    con.unregister("links")


def _read_the_rest(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Times and counts in a form SQL does not read (`13/06/2026 20:00`, `1.2K`), read by Python's
    rules once per distinct value."""
    times, likes = _distinct(con, table, "unread_time"), _distinct(con, table, "unread_likes")
    if len(times):
        parsed = parse_timestamps(times)
        con.register(
            "parsed_times",
            pa.table(
                {
                    "raw": pa.array(times.tolist(), pa.string()),
                    "parsed": pa.array([_value(v) for v in parsed], pa.timestamp("us")),
                }
            ),
        )
        con.execute(
            f"update {table} as s set commented_at = coalesce(s.commented_at, p.parsed) "
            "from parsed_times as p where p.raw = s.unread_time"
        )
        con.unregister("parsed_times")
    if len(likes):
        counts, numbers = parse_counts(likes), parse_numbers(likes)
        too_big = counts.abs().gt(MAX_COUNT).fillna(False) | numbers.abs().gt(MAX_COUNT).fillna(False)
        con.register(
            "parsed_likes",
            pa.table(
                {
                    "raw": pa.array(likes.tolist(), pa.string()),
                    "likes": pa.array([_value(v) for v in counts.mask(too_big)], pa.int64()),
                    "too_big": pa.array(too_big.astype(bool).tolist(), pa.bool_()),
                }
            ),
        )
        con.execute(
            f"update {table} as s set likes = p.likes, likes_too_big = coalesce(p.too_big, s.likes_too_big) "
            "from parsed_likes as p where p.raw = s.unread_likes"
        )
        con.unregister("parsed_likes")


def _distinct(con: duckdb.DuckDBPyConnection, table: str, column: str) -> pd.Series:
    values = con.execute(f'select distinct "{column}" from {table} where "{column}" is not null').fetchall()
    return pd.Series([row[0] for row in values], dtype="string")


def _hash_missing_ids(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """No id in the file: a hash of who, when and what keeps re-uploads from double counting.

    The same hash as ever (pandas' of `member|time|text`, the time written as pandas writes the
    whole column), so comments stored by an earlier version keep their ids.
    """
    if not db.scalar(con, f"select count(*) from {table} where comment_id is null"):
        return
    frame = con.execute(
        f"select _row, comment_id, member_id, commented_at, text from {table} order by _row"
    ).df()
    missing = frame["comment_id"].isna()
    basis = (
        frame["member_id"].astype("string").fillna("")
        + "|"
        + frame["commented_at"].astype("datetime64[us]").astype("string").fillna("")
        + "|"
        + frame["text"].astype("string")
    )
    hashed = "h" + pd.util.hash_pandas_object(basis[missing], index=False).astype(str)
    con.register(
        "hashed_ids",
        pa.table(
            {"_row": pa.array(frame["_row"][missing].tolist(), pa.int64()), "hash": pa.array(hashed.tolist())}
        ),
    )
    con.execute(f"update {table} as s set comment_id = h.hash from hashed_ids as h where h._row = s._row")
    con.unregister("hashed_ids")


def _plausible(
    con: duckdb.DuckDBPyConnection, table: str, total: int, context: Context, warnings: list[str]
) -> None:
    """Keep the readable comments, as `canonical.plausible_rows` keeps them: dated from 2016 to tomorrow,
    counts no account reaches emptied; each with its sentence."""
    last_day = (context.today or date.today()) + timedelta(days=1)
    outside = "(commented_at::date < date '2016-01-01' or commented_at::date > $last_day)"
    count, dated, sample, impossible = db.one(
        con,
        f"""
        select count(*) filter (where {outside}), count(*),
            arg_min(commented_at::date, _row) filter (where {outside}),
            count(*) filter (where likes_too_big and not {outside})
        from {table} where member_id is not null and commented_at is not null
        """,
        {"last_day": last_day},
    )
    if count:
        if count == dated:
            raise ValueError(no_dates(sample.isoformat()))
        warnings.append(rows_outside(count, sample.isoformat()))
    if impossible:
        warnings.append(impossible_numbers(impossible))
    if dated - count != total:
        con.execute(
            f"delete from {table} where not coalesce(member_id is not null "
            "and commented_at::date between date '2016-01-01' and $last_day, false)",
            {"last_day": last_day},
        )


def _value(value: object) -> object:
    """A cell of a pandas result as Arrow takes it: None for missing."""
    return None if value is None or value is pd.NA or value != value else value
