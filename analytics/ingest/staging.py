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
from datetime import date, datetime, time, timedelta

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics.db import read_sql
from analytics.ingest import limits
from analytics.ingest.canonical import (
    Canonical,
    Context,
    have,
    named_account,
    parse_timestamps,
    url_account,
    video_ids_and_handles,
    were,
)
from analytics.ingest.detect import ALIASES
from analytics.ingest.limits import TooBig
from analytics.ingest.readers import CsvSource
from analytics.numbers import parse_counts, parse_numbers
from analytics.schema import TABLES

FIELDS = tuple(ALIASES["comments"])
COLUMNS = tuple(TABLES["comments"])
MAX_COUNT = 10**12


class CsvRefused(Exception):
    """DuckDB would not read the CSV as it is (ragged rows, a stray quote, not UTF-8, a very long line):
    the Python reader, which knows what to do with each, reads it instead."""


def connect() -> duckdb.DuckDBPyConnection:
    """A private in-memory database with the staging macros; times read in UTC."""
    con = duckdb.connect(":memory:")
    con.execute("set enable_progress_bar = false")
    con.execute("set TimeZone = 'UTC'")
    con.execute(read_sql("staging/macros"))
    return con


def comments_from_csv(
    name: str, csv: CsvSource, mapping: dict[str, int], context: Context
) -> tuple[Canonical, int]:
    """The comments of a CSV DuckDB reads itself, and its row count; CsvRefused when DuckDB will not.

    `mapping` gives each canonical field its column's position in the header.
    """
    try:
        # DuckDB reads files: the upload, written aside for as long as the read takes.
        handle, path = tempfile.mkstemp(prefix="communitylens-", suffix=".csv")
        with os.fdopen(handle, "wb") as file:
            file.write(csv.data)
    except OSError as error:  # no room for it: Python's reader reads it from memory
        with contextlib.suppress(NameError, OSError):
            os.unlink(path)
        raise CsvRefused(str(error)) from error
    con = connect()
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
        with contextlib.suppress(OSError):
            os.unlink(path)
        rows = con.execute("select count(*) from comment_fields").fetchone()[0]
        if rows > limits.MAX_ROWS:
            raise TooBig(limits.too_many_rows(name, rows))
        return _stage(con, mapping, context, rows), rows
    finally:
        con.close()
        with contextlib.suppress(OSError):
            os.unlink(path)


def comments_from_frame(raw: pd.DataFrame, mapping: dict[str, str], context: Context) -> Canonical:
    """The comments of a table another reader found (its cells text), through the same staging query."""
    con = connect()
    try:
        fields = pd.DataFrame({field: raw[column].astype("string") for field, column in mapping.items()})
        con.register("raw_fields", fields)
        projection = _projection({field: f'"{field}"' for field in mapping})
        con.execute(f"create temp table comment_fields as select {projection} from raw_fields")
        con.unregister("raw_fields")
        return _stage(con, mapping, context, len(raw))
    finally:
        con.close()


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


def _stage(con: duckdb.DuckDBPyConnection, mapping: dict, context: Context, raw_rows: int) -> Canonical:
    """`comment_fields` through the staging query, Python's lookups, the warnings and the plausibility
    rules: the canonical comments, their sentences and their account."""
    warnings: list[str] = []
    if not raw_rows:
        warnings.append(
            "The file has its header but no rows (TikTok writes this for small accounts); loaded as empty."
        )
    source_id = source_handle = None
    if context.source_url:
        ids, handles = video_ids_and_handles(pd.Series([context.source_url], dtype="string"))
        source_id, source_handle = _value(ids.iloc[0]), _value(handles.iloc[0])
    _links(con, context)
    # Straight into Arrow, the form the rows leave in: no table written in between.
    rows = con.execute(
        read_sql("staging/comments"),
        {
            "source_url": context.source_url,
            "source_id": source_id,
            "source_handle": source_handle,
            "replies_known": "parent_comment_id" in mapping,
        },
    ).to_arrow_table()
    con.execute("drop table comment_fields")
    con.register("staged", rows)
    rows = _read_the_rest(con, rows)
    rows = _hash_missing_ids(con, rows)
    unknown_member, bad_time, with_video = con.execute(
        "select count(*) filter (where member_id is null), count(*) filter (where commented_at is null), "
        "count(video_id) from staged"
    ).fetchone()
    if unknown_member:
        warnings.append(f"{have(unknown_member, 'comment')} no author; {were(unknown_member)} left out.")
    if bad_time:
        warnings.append(f"{have(bad_time, 'comment')} no time we could read; {were(bad_time)} left out.")
    if rows.num_rows and not with_video:
        warnings.append("No video link or id in this file: comments cannot be matched to videos.")
    if rows.num_rows and "parent_comment_id" not in mapping:
        warnings.append(
            "This export does not show replies (no parent comment column): the reply rate cannot be "
            "measured from it."
        )
    frame = _plausible(con, rows, context, warnings)
    links = (
        pa.table({"video_url": frame.column("video_url")})
        .group_by("video_url")
        .aggregate([([], "count_all")])
    )
    urls = [(url, count) for url, count in zip(*links.to_pydict().values(), strict=True) if url is not None]
    account = named_account(context) or url_account(urls)
    return Canonical("comments", frame, warnings, None, None, account)


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


def _read_the_rest(con: duckdb.DuckDBPyConnection, rows: pa.Table) -> pa.Table:
    """Times and counts in a form SQL does not read (`13/06/2026 20:00`, `1.2K`), read by Python's
    rules once per distinct value."""
    times, likes = _distinct(con, "unread_time"), _distinct(con, "unread_likes")
    if not len(times) and not len(likes):
        return rows
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
    return _restage(
        con,
        """
        select staged.* replace (
            coalesce(staged.commented_at, parsed_times.parsed) as commented_at,
            if(parsed_likes.raw is null, staged.likes, parsed_likes.likes) as likes,
            coalesce(parsed_likes.too_big, staged.likes_too_big) as likes_too_big
        )
        from staged
        left join parsed_times on parsed_times.raw = staged.unread_time
        left join parsed_likes on parsed_likes.raw = staged.unread_likes
        order by _row
        """,
    )


def _restage(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """`staged` replaced by the result of `sql` (a rare path: files with odd values)."""
    rows = con.execute(sql).to_arrow_table()
    con.register("staged", rows)
    return rows


def _distinct(con: duckdb.DuckDBPyConnection, column: str) -> pd.Series:
    values = con.execute(f'select distinct "{column}" from staged where "{column}" is not null').fetchall()
    return pd.Series([row[0] for row in values], dtype="string")


def _hash_missing_ids(con: duckdb.DuckDBPyConnection, rows: pa.Table) -> pa.Table:
    """No id in the file: a hash of who, when and what keeps re-uploads from double counting.

    The same hash as ever (pandas' of `member|time|text`, the time written as pandas writes the
    whole column), so comments stored by an earlier version keep their ids.
    """
    if not rows.column("comment_id").null_count:
        return rows
    frame = con.execute(
        "select _row, comment_id, member_id, commented_at, text from staged order by _row"
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
    return _restage(
        con,
        "select staged.* replace (coalesce(staged.comment_id, hashed_ids.hash) as comment_id) "
        "from staged left join hashed_ids using (_row) order by _row",
    )


def _plausible(
    con: duckdb.DuckDBPyConnection, rows: pa.Table, context: Context, warnings: list[str]
) -> pa.Table:
    """The readable comments, as `canonical.plausible_rows` keeps them: dated from 2016 to tomorrow,
    counts no account reaches emptied; each with its sentence."""
    last_day = (context.today or date.today()) + timedelta(days=1)
    outside = "(commented_at::date < date '2016-01-01' or commented_at::date > $last_day)"
    count, dated, sample, impossible = con.execute(
        f"""
        select count(*) filter (where {outside}), count(*),
            arg_min(commented_at::date, _row) filter (where {outside}),
            count(*) filter (where likes_too_big and not {outside})
        from staged where member_id is not null and commented_at is not null
        """,
        {"last_day": last_day},
    ).fetchone()
    if count:
        if count == dated:
            raise ValueError(
                f"every date (like {sample.isoformat()}) is before TikTok existed (2016) or after tomorrow"
            )
        warnings.append(
            f"{have(count, 'row')} a date before TikTok existed (2016) or after tomorrow "
            f"(like {sample.isoformat()}); {were(count)} left out."
        )
    if impossible:
        warnings.append(
            f"{impossible:,} number{'s are' if impossible > 1 else ' is'} above a thousand billion, "
            "which no TikTok account reaches (a typo or a damaged file?); left empty."
        )
    con.unregister("staged")
    rows = rows.select(list(COLUMNS))
    if dated - count == rows.num_rows:
        return rows  # every row kept: the same columns, no copy
    day = pc.floor_temporal(rows.column("commented_at"), unit="day")
    keep = pc.and_kleene(
        pc.is_valid(rows.column("member_id")),
        pc.and_kleene(
            pc.greater_equal(day, pa.scalar(datetime(2016, 1, 1), pa.timestamp("us"))),
            pc.less_equal(day, pa.scalar(datetime.combine(last_day, time()), pa.timestamp("us"))),
        ),
    )
    return rows.filter(pc.fill_null(keep, False))


def _value(value: object) -> object:
    """A cell of a pandas result as Arrow takes it: None for missing."""
    return None if value is None or value is pd.NA or value != value else value
