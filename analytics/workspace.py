"""A marketer's loaded data: the uploaded files, what each held, and the merged DuckDB tables.

One Workspace per browser session (the app keeps it in `st.session_state`), so two
people using the app at once never see each other's data. The uploaded bytes are
kept, which is what lets the Data page re-read a file when the marketer corrects a
year, without asking for the upload again.

Merging: files of overlapping periods describe the same days or videos. Where two files
have the same key (a day, a video, a comment), the newest download wins, column by column,
so an older Overview never overwrites a newer one, and Viewers and Overview files still
fill different columns of the same day. A change merges again only the keys the files it
adds or removes hold: ten new comments on a client of a million re-merge ten comments (and
whatever of their authors' other comments can have changed), with the same result as
merging every file again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import ClassVar

import duckdb
import pandas as pd

from analytics import db
from analytics.i18n import N_
from analytics.i18n.said import Said, keep, shown
from analytics.ingest import Context, FileResult, LoadedTable, PendingTable, apply_mapping, ingest_file
from analytics.ingest.canonical import ASSUMED, OWN_YEAR, SAME_ACCOUNT, VIDEO_IDS
from analytics.ingest.readers import ReadProblem
from analytics.ingest.rows import KeptRows, column_names, scan
from analytics.progress import Progress, UploadProgress
from analytics.schema import DATE_COLUMNS, KEYS, KINDS, TABLES

# Tables whose rows are whole records from one file (a LIVE): the newest file's row wins
# whole. The others merge column by column. Comments merge column by column too: the same
# comment (same id) in an Apify CSV and an Excel exporter's file gives the handle of one and
# the display name of the other, and a flag stays true if any file set it.
WHOLE_ROW = {"lives"}
ANY_FILE_FLAGS = {"is_brand", "replies_known"}

# When no comment is known to be the brand's, an account that commented on at least this share
# of the videos (of at least BRAND_MIN_VIDEOS) is the brand's own, if it also wrote
# BRAND_COMMENT_LEAD times the comments of any other such account: a superfan may never miss a
# video, but answers under each one are the brand's. Otherwise the Members page asks.
BRAND_VIDEO_SHARE = 0.9
BRAND_MIN_VIDEOS = 5
BRAND_COMMENT_LEAD = 2

# Per loaded comments table: the comment ids its file flags as the brand's (read once, not per change).
_FLAGGED: weakref.WeakKeyDictionary[LoadedTable, list[str]] = weakref.WeakKeyDictionary()


# The digests of the files being imported: an import asks at several steps (already loaded? read it).
# Emptied when an import ends (`forget_digests`), so it never keeps a file's bytes alive after it.
_DIGESTS: dict[int, tuple[bytes, str]] = {}
_DIGESTS_LOCK = threading.Lock()


def digest_of(data: bytes) -> str:
    """The SHA-256 of a file's bytes, which names it: computed once per bytes object (312 MB: 0.17 s)."""
    with _DIGESTS_LOCK:
        held = _DIGESTS.get(id(data))
    if held is not None and held[0] is data:
        return held[1]
    digest = hashlib.sha256(data).hexdigest()
    with _DIGESTS_LOCK:
        _DIGESTS[id(data)] = (data, digest)
    return digest


def forget_digests() -> None:
    """An import is over: let its files' bytes go (another session's import only hashes again)."""
    with _DIGESTS_LOCK:
        _DIGESTS.clear()


def mapping_memory_path() -> Path:
    """Where chosen column mappings are remembered, on the marketer's own machine."""
    home = os.environ.get("COMMUNITYLENS_HOME") or Path.home() / ".communitylens"
    return Path(home) / "mappings.json"


# An upload: (name, bytes), or (name, bytes, path) when its bytes are on disk at `path` too.
FileInput = tuple[str, bytes] | tuple[str, bytes, str]


@dataclass
class Upload:
    name: str
    data: bytes
    order: int
    last_year: int | None = None
    # The download day and name of the file of the same account this one took its year from.
    lender: tuple[date, str] | None = None
    digest: str = ""
    # What reading it found: nothing until it is read (adding it reads it at once).
    result: FileResult = field(default_factory=lambda: FileResult(""))
    batch: int = 0  # files uploaded together share a batch
    path: str | None = None  # where its bytes are on disk, when they are (a big CSV is read there)


@dataclass
class Workspace:
    """Loaded files plus the DuckDB connection that holds the merged canonical tables."""

    today: date = field(default_factory=date.today)
    remember_mappings: bool = True
    con: duckdb.DuckDBPyConnection = field(default_factory=db.connect)
    uploads: list[Upload] = field(default_factory=list)
    brand_handles: set[str] = field(default_factory=set)
    # The marketer's answer on the Members page: member ids that are the brand, and that are not.
    brand_answer: tuple[set[str], set[str]] = field(default_factory=lambda: (set(), set()))
    merge_notes: list[str] = field(default_factory=list)
    _detected_handles: list[str] = field(default_factory=list)
    _brand_accounts: pd.DataFrame = field(default_factory=pd.DataFrame)
    label: str = Said(N_("Your data"))
    _progress: UploadProgress = field(default_factory=UploadProgress, repr=False, compare=False)
    # The tables the merged tables were last merged from, newest download last.
    _merged_parts: list[LoadedTable] = field(default_factory=list)
    # Per table and kind: how many keys more than one file of that kind holds (the merge's notes).
    # None: not known (a client stored before it was kept), so the next change merges every table.
    _overlaps: dict[str, dict[str, int]] | None = field(default_factory=dict)
    # Changes merged so far: a page's results are kept until it moves (`version`).
    _changes: int = field(default=0, repr=False, compare=False)
    # False: every change merges every table from every file again (the benchmark's "before").
    incremental: ClassVar[bool] = True

    # Loading -----------------------------------------------------------------------

    def add_files(self, files: Sequence[FileInput], *, progress: Progress | None = None) -> list[FileResult]:
        """Read a batch of uploads; files already loaded (same bytes) are skipped.

        A file given as (name, bytes, path) is on disk at `path` too: a big CSV is read there.

        `progress(words, fraction)`, when given, hears each stage (see analytics.progress).
        """
        with self._reporting(progress):
            new = self._read_batch(files)
            self.rebuild()
        return [upload.result for upload in new]

    @contextlib.contextmanager
    def _reporting(self, progress: Progress | None) -> Iterator[None]:
        """Stages report to `progress` during this block only (a later fix or removal has no bar)."""
        self._progress = UploadProgress(progress)
        try:
            yield
        finally:
            self._progress = UploadProgress()
            forget_digests()

    def already_loaded(self, files: Sequence[FileInput]) -> list[Upload]:
        """The uploads these files repeat byte for byte (re-uploading one changes nothing)."""
        digests = {digest_of(data) for _, data, *_ in files}
        return [upload for upload in self.uploads if upload.digest in digests]

    def _read_batch(self, files: Sequence[FileInput]) -> list[Upload]:
        """Read the files not loaded yet, as one batch, and lend years within it."""
        known = {upload.digest for upload in self.uploads}
        batch = max((upload.batch for upload in self.uploads), default=-1) + 1
        new: list[Upload] = []
        for name, data, *path in files:
            digest = digest_of(data)
            if digest in known:
                continue
            known.add(digest)
            # Each its own order (the later file of a batch wins a tie), so a stored client reads back the same.
            order = self._next_order() + len(new)
            new.append(Upload(name, data, order, digest=digest, batch=batch, path=path[0] if path else None))
        self._progress.files(new)
        for upload in new:
            self._read(upload)
            self.uploads.append(upload)
        self._lend_years(batch)
        return new

    def set_last_year(self, source: str, year: int | None) -> None:
        """Re-read one file with the year of its last date set by the marketer (None: back to our
        reading), then every file that took its year from it."""
        for upload in self.uploads:
            if any(table.source == source for table in upload.result.tables):
                upload.last_year = year
                self._read(upload)
                self._lend_years(upload.batch)
        self.rebuild()

    def remove_file(self, digest: str) -> None:
        """Forget one upload, named by the digest of its bytes: two different downloads can share a name."""
        self.uploads = [upload for upload in self.uploads if upload.digest != digest]
        self.rebuild()

    def map_columns(self, pending: PendingTable, kind: str, mapping: dict[str, str]) -> ReadProblem | None:
        """Load a table the marketer mapped by hand, and remember the mapping for the same header."""
        upload = next(upload for upload in self.uploads if pending in upload.result.pending)
        loaded, problem = apply_mapping(pending, kind, mapping, self._context(upload))
        if loaded is None:
            return problem
        upload.result.pending.remove(pending)
        upload.result.tables.append(loaded)
        if self.remember_mappings:
            self._remember(pending.signature, kind, mapping)
        self.rebuild()
        return None

    def set_brand_handles(self, handles: set[str]) -> None:
        self.brand_handles = {handle.strip().lstrip("@").lower() for handle in handles if handle.strip()}
        self.rebuild()

    @property
    def version(self) -> tuple[int, str | None]:
        """Changes with every change of the merged tables (here, or a client's by another session): what
        a page's kept results are keyed by, with their inputs."""
        return self._changes, getattr(self, "_version", None)

    # What is loaded ----------------------------------------------------------------

    @property
    def tables(self) -> list[LoadedTable]:
        return [table for upload in self.uploads for table in upload.result.tables]

    @property
    def pending(self) -> list[PendingTable]:
        return [pending for upload in self.uploads for pending in upload.result.pending]

    @property
    def problems(self) -> list[ReadProblem]:
        return [problem for upload in self.uploads for problem in upload.result.problems]

    def has(self, table: str) -> bool:
        return bool(self.row_counts((table,))[table])

    def row_counts(
        self, tables: tuple[str, ...] = ("daily_stats", "videos", "comments", "lives")
    ) -> dict[str, int]:
        """How many rows each merged table holds (names checked against the schema before they are quoted)."""
        unknown = [table for table in tables if table not in TABLES]
        if unknown:
            raise ValueError(f"Not a table of the schema: {', '.join(unknown)}")
        return {table: db.scalar(self.con, f'select count(*) from "{table}"') for table in tables}

    def summary(self) -> pd.DataFrame:
        """One row per recognised table: file, kind, rows, dates, where their year came from, warnings."""
        rows = []
        for table in self.tables:
            start, end = table.date_range()
            rows.append(
                {
                    "file": table.source,
                    "kind": table.kind,
                    "kind_label": KINDS[table.kind].label,
                    "rows": table.rows,
                    "start_date": start,
                    "end_date": end,
                    "warnings": " ".join(table.warnings),
                    # Content's download day is exact from its video ids: nothing to fix there.
                    "has_yearless_dates": bool(table.year_source and table.year_source.kind != VIDEO_IDS),
                    "year_source": table.year_source.words if table.year_source else "",
                    "year_label": table.year_source.label if table.year_source else "",
                }
            )
        return pd.DataFrame(
            rows,
            columns=[
                "file",
                "kind",
                "kind_label",
                "rows",
                "start_date",
                "end_date",
                "warnings",
                "has_yearless_dates",
                "year_source",
                "year_label",
            ],
        )

    def tables_taking_their_year_from(self, source: str) -> list[str]:
        """The tables whose year came from `source`: fixing its year re-reads them too."""
        return [
            table.source for table in self.tables if table.year_source and table.year_source.lender == source
        ]

    def data_range(self) -> tuple[date, date] | None:
        """The first and last date any loaded table covers (daily stats, videos, comments, LIVEs)."""
        parts = [
            f'select min("{column}")::date as low, max("{column}")::date as high from "{table}"'
            for table, column in DATE_COLUMNS.items()
            if column
        ]
        low, high = db.one(self.con, f"select min(low), max(high) from ({' union all '.join(parts)})")
        return (low, high) if low and high else None

    def detected_brand_handles(self) -> list[str]:
        """The account handles in the loaded video links (videos, then comments), most videos first.

        Found once per rebuild: pages ask on every rerun, and the scan of a million comments' links
        takes most of a second.
        """
        return list(self._detected_handles)

    def _find_brand_handles(self) -> list[str]:
        """From the distinct links of the comments (a few hundred videos, not a million comments)."""
        rows = self._at_home(
            r"""
            with links as (
                -- any_value, not distinct: a filter on the handle below is then not pushed down to
                -- every comment (a regular expression per comment, not per link: 0.25 s at 1M)
                select any_value(video_url) as video_url, video_id from {t}comments group by video_url, video_id
            ),
            handles as (
                select account_handle as handle, video_id from {t}videos
                union all
                select lower(regexp_extract(video_url, '@([\w.\-]+)/', 1)), video_id from links
            )
            select handle from handles where handle is not null and handle <> ''
            group by handle order by count(distinct video_id) desc, handle
            """,
            fetch=True,
        )
        return rows.column("handle").to_pylist()

    # Merging ---------------------------------------------------------------------------

    def rebuild(self, full: bool = False) -> None:
        """Bring the merged tables up to date with the loaded files; the newest download wins.

        Only the keys held by the files added or removed since the last merge are merged again, from
        every file holding them; `full`: every table from every file (what a first merge does).
        """
        ranked = sorted(self.tables, key=self._recency)
        current, merged = set(ranked), set(self._merged_parts)
        # A first merge (nothing merged yet) merges every table whole: it is the same work, in fewer steps.
        full = full or not self.incremental or self._overlaps is None or not self._merged_parts
        self._full = full
        if full:
            self._overlaps = {}
        try:
            self._merge_tables(ranked, current, merged, full)
        except BaseException:
            self._overlaps = None  # half merged: the next change merges every table whole
            raise
        self._merged_parts = ranked
        self.merge_notes = list[str](self._notes())
        self._progress.computing()
        if full:
            self._link_members()
        self._detected_handles = self._find_brand_handles()
        self._mark_brand_comments()
        self._changes += 1

    def _merge_tables(self, ranked: list[LoadedTable], current: set, merged: set, full: bool) -> None:
        rows = sum(table.rows for table in ranked)
        for table_name in TABLES:
            parts = [
                (rank, table) for rank, table in enumerate(ranked) if table.table == table_name and table.rows
            ]
            self._progress.storing(table_name, sum(table.rows for _, table in parts), rows)
            if full:
                self._merge(table_name, parts)
                continue
            new = [rank for rank, table in parts if table not in merged]
            gone = [t for t in self._merged_parts if t.table == table_name and t.rows and t not in current]
            if not new and not gone:
                continue
            # Key by key while the change is the smaller share of the table's rows; else merged whole.
            changed = sum(table.rows for rank, table in parts if rank in new) + sum(t.rows for t in gone)
            kept = sum(table.rows for rank, table in parts if rank not in new)
            if KEYS[table_name] and table_name not in WHOLE_ROW and changed < kept:
                self._merge_keys(table_name, parts, new, gone)
            else:
                self._merge(table_name, parts)
                if table_name == "comments":
                    self._link_members()
                self._publish(table_name)

    def _merge(self, table_name: str, parts: list[tuple[int, LoadedTable]]) -> None:
        """Merge one table from every part (`self.con`), replacing it."""
        if len(parts) == 1 and self._merge_one(table_name, parts[0][1]):
            return
        staging = self._new_staging(table_name)
        self._stage(table_name, staging, parts)
        column_list = ", ".join(f'"{c}"' for c in TABLES[table_name])
        keys = KEYS[table_name]
        present = " and ".join(f'"{k}" is not null' for k in keys)
        # No key held twice (one big first file, the usual import): every row is its key's merge as it is.
        unique = bool(keys) and self._keys_unique(table_name, f'"{staging}"')
        merged = (
            f'select {column_list} from "{staging}" where {present}'
            if unique
            else self._merged_sql(table_name, staging)
        )
        self.con.execute(
            f'create or replace table "{table_name}" as select {column_list} from ({merged}) order by all'
        )
        if keys:
            self._overlap_counts(table_name).clear()
            if not unique:  # else no key is in two files
                self._count_overlaps(table_name, staging, [rank for rank, _ in parts])
        self.con.execute(f'drop table "{staging}"')

    def _merge_one(self, table_name: str, table: LoadedTable) -> bool:
        """The merge of a table one file holds, when no key is in two of its rows: its rows as they are,
        read where they are kept (no staging copy). False: not that case (merged the usual way)."""
        rows = table.duckdb_rows
        if not self._rows_here(table) or (
            isinstance(rows, KeptRows) and rows.database is not self._kept_home()
        ):
            return False
        keys = KEYS[table_name]
        column_list = ", ".join(f'"{c}"' for c in TABLES[table_name])
        present = " and ".join(f'"{k}" is not null' for k in keys) or "true"
        with scan(self.con, rows, self._kept_home()) as name:
            typed = f"(select {self._typed(table_name, rows)} from {name})"
            if keys and not self._keys_unique(table_name, typed):
                return False
            self.con.execute(
                # In the file's order: no sort (an incremental change appends anyway; queries that show
                # rows in an order say which).
                f'create or replace table "{table_name}" as select {column_list} from {typed} where {present}'
            )
        if keys:
            self._overlap_counts(table_name).clear()
        return True

    def _keys_unique(self, table_name: str, rows: str) -> bool:
        """Whether no key is held by two of `rows` (SQL naming a relation with the table's keys)."""
        key_list = ", ".join(f'"{k}"' for k in KEYS[table_name])
        present = " and ".join(f'"{k}" is not null' for k in KEYS[table_name])
        return db.scalar(
            self.con, f"select count(*) = count(distinct ({key_list})) from {rows} where {present}"
        )

    def _rows_here(self, table: LoadedTable) -> bool:
        """Whether the table's rows are in memory (a client's stored parts are in its lake)."""
        return True

    @staticmethod
    def _typed(table_name: str, rows) -> str:
        """The select list giving a part's rows the canonical columns and types (NULL where it has none)."""
        present = set(column_names(rows))
        return ", ".join(
            (f'"{c}"' if isinstance(rows, KeptRows) else f'try_cast("{c}" as {t}) as "{c}"')
            if c in present
            else f'null::{t} as "{c}"'
            for c, t in TABLES[table_name].items()
        )

    def _merge_keys(
        self, table_name: str, parts: list[tuple[int, LoadedTable]], new: list[int], gone: list[LoadedTable]
    ) -> None:
        """Merge again the keys the parts of ranks `new` (added) and the parts `gone` (removed) hold.

        Their rows from every part holding them are staged (the removed parts' with ranks below 0, for
        the notes' counts before the change) and merged by the same rule as a full merge; in the merged
        table those keys are deleted and inserted again. Every other key keeps its row: the parts
        holding it are the same, in the same order.
        """
        keys = KEYS[table_name]
        staging = self._new_staging(table_name)
        key_columns = ", ".join(f'"{k}"' for k in keys)
        self.con.execute(
            f'create or replace temp table changed_keys as select {key_columns} from "{staging}" limit 0'
        )
        self._collect_keys(table_name, [table for rank, table in parts if rank in new] + gone, "changed_keys")
        removed = [(-1 - index, table) for index, table in enumerate(gone)]
        self._stage(table_name, staging, parts + removed, only="changed_keys")
        self._count_overlaps(table_name, staging, new)
        merged = self._merged_sql(table_name, staging)
        self.con.execute(f"create or replace temp table merged_rows as {merged}")
        if table_name == "comments":
            self._link_changed(parts, staging)
        self._apply(table_name)
        if table_name == "comments":  # the other comments whose member changed
            self._at_home(
                """
                update {t}comments as c set member_uid = l.new_link, member_id = l.new_link from new_links as l
                where c.member_uid is null and c.member_handle is not null and lower(c.member_handle) = l.handle
                """,
                ("new_links",),
            )
            self._at_home(
                """
                update {t}comments as c set member_uid = r.new_link,
                    member_id = coalesce(r.new_link, lower(c.member_handle), c.member_name)
                from relinked as r where c.comment_id = r.comment_id
                """,
                ("relinked",),
            )
        self.con.execute(f'drop table "{staging}"')

    def _new_staging(self, table_name: str, name: str | None = None) -> str:
        staging = name or f"staging_{table_name}"
        self.con.execute(db.create_table_sql(table_name, staging))
        self.con.execute(f'alter table "{staging}" add column _rank integer')
        self.con.execute(f'alter table "{staging}" add column _kind varchar')
        return staging

    def _merged_sql(self, table_name: str, staging: str) -> str:
        """The merge of the staged rows of the parts loaded now (ranks from 0, newest highest)."""
        columns = TABLES[table_name]
        keys = KEYS[table_name]
        column_list = ", ".join(f'"{c}"' for c in columns)
        rows = f'(select * from "{staging}" where _rank >= 0)'
        if not keys:
            return f'select {column_list} from {rows} where _rank = (select max(_rank) from "{staging}")'
        key_list = ", ".join(f'"{k}"' for k in keys)
        if table_name in WHOLE_ROW:
            return f"select {column_list} from {rows} qualify row_number() over (partition by {key_list} order by _rank desc) = 1"
        values = ", ".join(
            f'bool_or("{c}") as "{c}"'
            if c in ANY_FILE_FLAGS
            else f'arg_max("{c}", _rank) filter (where "{c}" is not null) as "{c}"'
            for c in columns
            if c not in keys
        )
        merged = f"select {key_list}, {values} from {rows} where {' and '.join(f'{k} is not null' for k in keys)} group by {key_list}"
        return f"select {column_list} from ({merged})"

    def _stage(
        self, table_name: str, staging: str, parts: list[tuple[int, LoadedTable]], only: str | None = None
    ) -> None:
        """Put each part's rows into the staging table, with its rank (newest download highest) and kind;
        `only`: the rows whose key is in that table."""
        keys = ", ".join(f'"{k}"' for k in KEYS[table_name])
        for rank, table in parts:
            incoming = table.duckdb_rows  # comments: kept rows, read where they are
            select = self._typed(table_name, incoming)
            with scan(self.con, incoming, self._kept_home()) as name:
                rows = f"(select {select} from {name})" + (
                    f" semi join {only} using ({keys})" if only else ""
                )
                self.con.execute(f'insert into "{staging}" select *, ?, ? from {rows}', [rank, table.kind])

    def _collect_keys(self, table_name: str, tables: list[LoadedTable], into: str) -> None:
        """Add the keys these parts hold to the table `into` (of `self.con`)."""
        columns = TABLES[table_name]
        keys = KEYS[table_name]
        for table in tables:
            frame = table.duckdb_rows
            if any(k not in column_names(frame) for k in keys):
                continue
            select = ", ".join(f'try_cast("{k}" as {columns[k]}) as "{k}"' for k in keys)
            present = " and ".join(f'"{k}" is not null' for k in keys)
            with scan(self.con, frame, self._kept_home()) as name:
                self.con.execute(
                    f"insert into {into} select distinct * from (select {select} from {name}) where {present}"
                )
        self.con.execute(f"create or replace temp table {into} as select distinct * from {into}")

    # Where the merged tables are: this workspace's own database (a client's: the lake).

    def _home(self) -> tuple[duckdb.DuckDBPyConnection, str]:
        """The connection holding the merged tables, and the prefix of their names."""
        return self.con, ""

    def _at_home(self, sql: str, shared: tuple[str, ...] = (), params=None, fetch: bool = False):
        """Run `sql` where the merged tables are (`{t}`: the prefix of their names), with the named tables
        of `self.con` visible there under the same names; `fetch`: its result, as an Arrow table."""
        result = self.con.execute(sql.replace("{t}", ""), params)
        return result.to_arrow_table() if fetch else None

    def _publish(self, table_name: str) -> None:
        """A table merged whole in `self.con` during a change: put it where the merged tables are."""

    def _apply(self, table_name: str) -> None:
        """Replace, where the merged tables are, the rows of the keys in `changed_keys` by `merged_rows`."""
        match = " and ".join(f'k."{key}" = m."{key}"' for key in KEYS[table_name])
        columns = ", ".join(f'"{c}"' for c in TABLES[table_name])
        self._at_home(
            f'delete from {{t}}"{table_name}" as m where exists (select 1 from changed_keys as k where {match})',
            ("changed_keys",),
        )
        self._at_home(f'insert into {{t}}"{table_name}" select {columns} from merged_rows', ("merged_rows",))

    def _overlap_counts(self, table_name: str) -> dict[str, int]:
        """Per kind, the merge's count of `table_name`'s keys more than one file holds (a merge always
        knows them: with none known it merges every table whole, starting them at zero)."""
        if self._overlaps is None:
            raise RuntimeError("The files' overlaps are counted during a merge, which starts them.")
        return self._overlaps.setdefault(table_name, {})

    def _count_overlaps(self, table_name: str, staging: str, new: list[int]) -> None:
        """How many keys more than one file of a kind holds, now (ranks from 0) and before the change
        (without the ranks `new`, with the removed parts' below 0): the difference is added."""
        key_list = ", ".join(f'"{k}"' for k in KEYS[table_name])
        rows = self.con.execute(
            f"""
            with per_key as (
                select _kind, {key_list},
                    count(distinct _rank) filter (where _rank >= 0) as count_now,
                    count(distinct _rank) filter (where not list_contains($new::integer[], _rank)) as count_before
                from "{staging}" where {" and ".join(f'"{k}" is not null' for k in KEYS[table_name])}
                group by _kind, {key_list}
            )
            select _kind, count(*) filter (where count_now > 1) - count(*) filter (where count_before > 1)
            from per_key group by _kind
            """,
            {"new": new},
        ).fetchall()
        counts = self._overlap_counts(table_name)
        for kind, difference in rows:
            counts[kind] = counts.get(kind, 0) + int(difference)

    def _notes(self) -> list[Said]:
        notes = []
        for table_name in TABLES:
            for kind, count in sorted((self._overlaps or {}).get(table_name, {}).items()):
                if count > 0:
                    notes.append(overlap_note(table_name, count, Said(SHORT_KIND_NAMES.get(kind, kind))))
        return notes

    def _link_changed(self, parts: list[tuple[int, LoadedTable]], staging: str) -> None:
        """`_link_members` for the comments merged again (`merged_rows`), and for those of the other
        comments of their handles whose member can have changed (`new_links`, applied once stored).

        A comment without a user id takes the smallest id a comment by the same handle has. The stored
        comments of a handle show that id (the smallest there) and, when another is smaller, that none of
        them took it; only when the comment that gave it changed or went, and the others show it too, are
        that handle's user ids read again from their files (`_relink_ambiguous`).
        """
        con = self.con
        con.execute(
            "create or replace temp table link_handles as select distinct lower(member_handle) as handle "
            "from merged_rows where member_handle is not null"
        )
        old = self._at_home(
            "select distinct lower(c.member_handle) as handle from {t}comments as c "
            "semi join changed_keys using (comment_id) where c.member_handle is not null",
            ("changed_keys",),
            fetch=True,
        )
        con.register("old_rows", old)
        con.execute("create or replace temp table old_handles as select handle from old_rows")
        con.unregister("old_rows")
        stats = self._at_home(
            """
            select lower(c.member_handle) as handle, min(c.member_uid) as old_link,
                min(c.member_uid) filter (where k.comment_id is null) as rest_min
            from {t}comments as c left join changed_keys as k on k.comment_id = c.comment_id
            where c.member_handle is not null
                and lower(c.member_handle) in (select handle from link_handles union select handle from old_handles)
            group by all
            """,
            ("changed_keys", "link_handles", "old_handles"),
            fetch=True,
        )
        con.register("link_stats", stats)
        con.execute(
            """
            create or replace temp table links as
            with handles as (select handle from link_handles union select handle from old_handles),
            now as (
                select lower(member_handle) as handle, min(member_uid) as k_min from merged_rows
                where member_handle is not null group by all
            )
            select handles.handle, s.old_link, s.rest_min, now.k_min,
                case when s.old_link is null or s.rest_min is null then now.k_min
                    when s.rest_min > s.old_link then least(s.rest_min, now.k_min)
                    else s.old_link end as new_link,
                coalesce(s.rest_min = s.old_link and now.k_min is distinct from s.old_link, false) as ambiguous
            from handles left join link_stats as s using (handle) left join now using (handle)
            """
        )
        con.unregister("link_stats")
        con.execute("create or replace temp table relinked (comment_id varchar, new_link varchar)")
        if db.scalar(con, "select count(*) from links where ambiguous"):
            # A comment without an id in every file is a row without an id, under its handle, in one of
            # them: a handle with none has no comment that took its id, and its smallest id is plain.
            con.execute("create or replace temp table uidless (handle varchar)")
            self._collect_uidless([table for _, table in parts], "uidless")
            con.execute(
                """
                update links set new_link = least(rest_min, k_min), ambiguous = false
                where ambiguous and handle not in (select handle from uidless)
                """
            )
        if db.scalar(con, "select count(*) from links where ambiguous"):
            self._relink_ambiguous(parts)
        con.execute(
            """
            update merged_rows set member_uid = links.new_link from links
            where merged_rows.member_uid is null and lower(merged_rows.member_handle) = links.handle
            """
        )
        con.execute(
            "update merged_rows set member_id = coalesce(member_uid, lower(member_handle), member_name)"
        )
        con.execute(
            "create or replace temp table new_links as select handle, new_link from links "
            "where old_link is null and new_link is not null"
        )

    def _collect_uidless(self, tables: list[LoadedTable], into: str) -> None:
        """Add to `into` the handles in `links` that some row of these parts has without a user id."""
        for table in tables:
            frame = table.duckdb_rows
            if table.table != "comments" or "member_handle" not in column_names(frame):
                continue
            uid = "try_cast(member_uid as varchar)" if "member_uid" in column_names(frame) else "null"
            with scan(self.con, frame, self._kept_home()) as name:
                self.con.execute(
                    f"insert into {into} select distinct lower(try_cast(member_handle as varchar)) as handle "
                    f"from {name} where {uid} is null and handle in (select handle from links)"
                )

    def _relink_ambiguous(self, parts: list[tuple[int, LoadedTable]]) -> None:
        """The handles whose id came from comments this change merged again, and whose other comments
        show the same id: which of those have it from their files, which took it; the new id of each
        handle, and the comments (`relinked`) whose id changes."""
        con = self.con
        more = self._at_home(
            "select c.comment_id, lower(c.member_handle) as handle, c.member_uid as stored_uid "
            "from {t}comments as c anti join changed_keys using (comment_id) "
            "where lower(c.member_handle) in (select handle from links where ambiguous)",
            ("changed_keys", "links"),
            fetch=True,
        )
        con.register("more_rows", more)
        con.execute("create or replace temp table more_keys as select * from more_rows")
        con.unregister("more_rows")
        staging = self._new_staging("comments", "staging_links")
        self._stage("comments", staging, parts, only="more_keys")
        con.execute(
            f"""
            create or replace temp table more_raw as
            select k.comment_id, k.handle, k.stored_uid, r.raw_uid from more_keys as k left join (
                select comment_id, arg_max(member_uid, _rank) filter (where member_uid is not null) as raw_uid
                from "{staging}" group by comment_id
            ) as r using (comment_id)
            """
        )
        con.execute(f'drop table "{staging}"')
        con.execute(
            """
            update links set new_link = least(links.k_min, (
                select min(m.raw_uid) from more_raw as m where m.handle = links.handle
            )) where ambiguous
            """
        )
        con.execute(
            """
            insert into relinked select m.comment_id, l.new_link from more_raw as m join links as l using (handle)
            where l.ambiguous and m.raw_uid is null and m.stored_uid is distinct from l.new_link
            """
        )

    def _link_members(self) -> None:
        """One key per person across files: TikTok's user id, found through the handle when a file lacks it.

        A comment id seen in two layouts carries both the handle (Apify) and the user id (an Excel
        exporter); every other comment by that handle then gets the same id, so the person is one member.
        """
        self.con.execute(
            """
            update comments set member_uid = links.member_uid
            from (
                select lower(member_handle) as handle, min(member_uid) as member_uid from comments
                where member_handle is not null and member_uid is not null group by all
            ) as links
            where comments.member_uid is null and lower(comments.member_handle) = links.handle
            """
        )
        self.con.execute(
            "update comments set member_id = coalesce(member_uid, lower(member_handle), member_name)"
        )

    def set_brand_answer(self, accounts: set[str], not_accounts: set[str]) -> None:
        """The marketer's answer to "which of these is you?": member ids that are, and are not, the brand."""
        self.brand_answer = (set(accounts), set(not_accounts) - set(accounts))
        self.rebuild()

    def brand_accounts(self) -> pd.DataFrame:
        """Which commenters we took for the brand's own account, and why (one row each, most videos first).

        Columns: member_id, member_handle, member_name, count_videos, reason (in this run's language).
        """
        if "reason" not in self._brand_accounts:
            return self._brand_accounts.copy()
        return self._brand_accounts.assign(reason=lambda rows: rows["reason"].map(shown))

    def _mark_brand_comments(self) -> None:
        """Mark the brand's own comments: they are its replies, never a member's.

        The brand is whoever the file flags as the owner or creator; whose handle, user id or display
        name is the account in the video links (or one typed on the Data page); the account the marketer
        named on the Members page; else the account that commented on nearly every video
        (`BRAND_VIDEO_SHARE` of at least `BRAND_MIN_VIDEOS`) with `BRAND_COMMENT_LEAD` times the
        comments of any other such account. An account the marketer said is not theirs never is.
        """
        from analytics.ingest.detect import squash

        # The files' own flags (a comment is flagged when any file flags it): the table's column holds
        # the previous change's answer for the comments this change did not merge again.
        self.con.execute("create or replace temp table flagged_comments (comment_id varchar)")
        self._collect_flagged("flagged_comments")
        authors = self._at_home(
            """
            select member_id,
                arg_max(member_handle, commented_at) filter (where member_handle is not null) as member_handle,
                arg_max(member_name, commented_at) filter (where member_name is not null) as member_name,
                arg_max(member_uid, commented_at) filter (where member_uid is not null) as member_uid,
                count(distinct video_id) as count_videos,
                count(*) as count_comments,
                bool_or(f.comment_id is not null) as is_flagged
            from {t}comments as c left join (select distinct comment_id from flagged_comments) as f using (comment_id)
            where member_id is not null group by member_id order by member_id
            """,
            ("flagged_comments",),
            fetch=True,
        )
        self.con.register("author_rows", authors)
        authors = self.con.execute("select * from author_rows").df()  # the frame DuckDB gives, as before
        self.con.unregister("author_rows")
        count_videos = (
            self._at_home("select count(distinct video_id) as n from {t}comments", fetch=True)
            .column("n")[0]
            .as_py()
        )
        handles = self.brand_handles | set(self.detected_brand_handles())
        said_is, said_not = self.brand_answer
        squashed = {squash(handle) for handle in handles} - {""}
        reason = pd.Series(pd.NA, index=authors.index, dtype="object")
        by_handle = authors["member_handle"].str.lower().isin(handles) | authors["member_uid"].isin(handles)
        reason = reason.mask(
            by_handle.fillna(False), keep(Said(N_("its handle is the account in the video links")))
        )
        by_name = authors["member_name"].map(lambda name: isinstance(name, str) and squash(name) in squashed)
        reason = reason.mask(
            reason.isna() & by_name, keep(Said(N_("its name is the account in the video links")))
        )
        reason = reason.mask(
            reason.isna() & authors["is_flagged"], keep(Said(N_("the file marks it as the video's author")))
        )
        reason = reason.mask(
            authors["member_id"].isin(said_is), keep(Said(N_("you said it is your account")))
        )
        if reason.isna().all() and count_videos >= BRAND_MIN_VIDEOS:
            nearly_all = authors[
                (authors["count_videos"] >= BRAND_VIDEO_SHARE * count_videos)
                & ~authors["member_id"].isin(said_not)
            ].sort_values("count_comments", ascending=False)
            counts = nearly_all["count_comments"].tolist()
            if counts and (len(counts) == 1 or counts[0] >= BRAND_COMMENT_LEAD * counts[1]):
                top = nearly_all.iloc[0]
                reason = reason.mask(
                    authors["member_id"] == top["member_id"],
                    keep(
                        Said(
                            N_(
                                "it commented on {videos} of {all_videos} videos, {comments} times (the brand's rule: "
                                "at least {share}% of the videos, and {lead}× the comments of any other such account)"
                            ),
                            videos=int(top["count_videos"]),
                            all_videos=int(count_videos),
                            comments=int(top["count_comments"]),
                            share=round(BRAND_VIDEO_SHARE * 100),
                            lead=BRAND_COMMENT_LEAD,
                        )
                    ),
                )
        reason = reason.mask(authors["member_id"].isin(said_not))
        brand = authors.assign(reason=reason)[reason.notna()]
        self._brand_accounts = brand[
            ["member_id", "member_handle", "member_name", "count_videos", "reason"]
        ].sort_values(["count_videos", "member_id"], ascending=[False, True], ignore_index=True)
        self._at_home(
            """
            update {t}comments set is_brand = member_id in (select unnest($ids::varchar[]))
            where is_brand is distinct from (member_id in (select unnest($ids::varchar[])))
            """,
            params={"ids": list(brand["member_id"])},
        )

    def _collect_flagged(self, into: str, tables: list[LoadedTable] | None = None) -> None:
        """Add to `into` (of `self.con`) the comments a loaded file flags as the brand's (`is_brand`)."""
        for table in self.tables if tables is None else tables:
            if table.table != "comments":
                continue
            if table not in _FLAGGED:  # a file's rows never change: read once
                frame = table.duckdb_rows
                if not {"comment_id", "is_brand"} <= set(column_names(frame)):
                    _FLAGGED[table] = []
                    continue
                with scan(self.con, frame, self._kept_home()) as name:
                    _FLAGGED[table] = [
                        row[0]
                        for row in self.con.execute(
                            f"select distinct try_cast(comment_id as varchar) from {name} "
                            "where try_cast(is_brand as boolean) and comment_id is not null"
                        ).fetchall()
                    ]
            if _FLAGGED[table]:
                self.con.execute(
                    f"insert into {into} select unnest($ids::varchar[])", {"ids": _FLAGGED[table]}
                )

    def _recency(self, table: LoadedTable) -> tuple[date, int]:
        order = next(upload.order for upload in self.uploads if table in upload.result.tables)
        end = table.date_range()[1]
        known = table.download_date or (end + timedelta(days=1) if end else date.min)
        return known, order

    # Context -----------------------------------------------------------------------

    def _context(self, upload: Upload) -> Context:
        lent_day, lender = upload.lender or (None, None)
        return Context(
            batch_download_date=lent_day,
            batch_source=lender,
            today=self.today,
            last_year=upload.last_year,
            database=self._kept_database(),
            path=upload.path,
        )

    def _kept_database(self) -> duckdb.DuckDBPyConnection | None:
        """The database files' big tables are kept in (their merge reads them there): this workspace's."""
        return self.con

    def _kept_home(self) -> duckdb.DuckDBPyConnection | None:
        """The database `self.con` reads, if files' big tables are kept there (`scan` reads them in place)."""
        return self.con

    def _read(self, upload: Upload) -> None:
        upload.result = ingest_file(
            upload.name,
            upload.data,
            context=self._context(upload),
            remembered=self._memory(),
            progress=self._progress.reading(upload),
        )

    def _lend_years(self, batch: int) -> None:
        """Files of a batch whose dates have no year of their own take it from a file of the same
        account uploaded with them; re-read the ones whose lender changed.

        A file's account is the handle in its name or its video links. A file with none (a
        renamed `Viewers.csv`) belongs to the batch's account when the batch names exactly one.
        Lenders are files whose year is their own (file name, video ids, the marketer's fix);
        when several lend, the latest download day wins, as it bounds them all.
        """
        group = [upload for upload in self.uploads if upload.batch == batch]
        tables = [table for upload in group for table in upload.result.tables]
        accounts = {table.account for table in tables if table.account}
        offers = [
            (table.account, table.download_date, table.source)
            for table in tables
            if table.account
            and table.download_date
            and table.year_source
            and table.year_source.kind in OWN_YEAR
        ]
        for upload in group:
            borrowing = [
                table
                for table in upload.result.tables
                if table.year_source and table.year_source.kind in (SAME_ACCOUNT, ASSUMED)
            ]
            if not borrowing and upload.lender is None:
                continue
            if upload.last_year is not None:
                continue  # the marketer's year stands; clearing it re-runs this
            account = next((table.account for table in upload.result.tables if table.account), None)
            if account is None and len(accounts) == 1:
                account = next(iter(accounts))
            lent = [(day, source) for owner, day, source in offers if owner == account]
            lender = max(lent) if lent else None
            if lender != upload.lender:
                upload.lender = lender
                self._read(upload)

    def _next_order(self) -> int:
        return max((upload.order for upload in self.uploads), default=-1) + 1

    def _memory(self) -> dict[str, tuple[str, dict[str, str]]]:
        if not self.remember_mappings:
            return {}
        try:
            stored = json.loads(mapping_memory_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {
            signature: (item["kind"], item["mapping"])
            for signature, item in stored.items()
            if item.get("kind") in KINDS
        }

    def _remember(self, signature: str, kind: str, mapping: dict[str, str]) -> None:
        path = mapping_memory_path()
        stored = {key: {"kind": value[0], "mapping": value[1]} for key, value in self._memory().items()}
        stored[signature] = {"kind": kind, "mapping": mapping}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(stored, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError:
            pass  # a read-only home only means the mapping is not remembered next time


# The kinds of file whose rows can overlap, by a short name ("in more than one {kind} file").
SHORT_KIND_NAMES = {
    "overview": N_("TikTok Studio Overview"),
    "content": N_("TikTok Studio Content"),
    "viewers": N_("TikTok Studio Viewers"),
    "follower_history": N_("TikTok Studio Follower history"),
    "follower_activity": N_("TikTok Studio Follower activity"),
    "follower_gender": N_("TikTok Studio Follower gender"),
    "follower_territories": N_("TikTok Studio Follower top territories"),
    "business_overview": N_("Business Suite daily overview"),
    "business_videos": N_("Business Suite per-video data"),
    "comments": N_("Comments export"),
    "video_details": N_("Video detail sheet"),
    "lives": N_("LIVE sessions sheet"),
}


def overlap_note(table_name: str, count: int, kind: str) -> Said:
    """What the merge did with rows several files hold: once each, newest download first (comments: combined)."""
    if table_name == "daily_stats":
        return Said.ngettext(
            "{count} day appears in more than one {kind} file: each is counted once, from the newest download.",
            "{count} days appear in more than one {kind} file: each is counted once, from the newest download.",
            count,
            count=count,
            kind=kind,
        )
    if table_name == "videos":
        return Said.ngettext(
            "{count} video appears in more than one {kind} file: each is counted once, from the newest download.",
            "{count} videos appear in more than one {kind} file: each is counted once, from the newest download.",
            count,
            count=count,
            kind=kind,
        )
    if table_name == "comments":
        return Said.ngettext(
            "{count} comment appears in more than one {kind} file: each is counted once, with the details of "
            "every file combined.",
            "{count} comments appear in more than one {kind} file: each is counted once, with the details of "
            "every file combined.",
            count,
            count=count,
            kind=kind,
        )
    if table_name == "lives":
        return Said.ngettext(
            "{count} LIVE appears in more than one {kind} file: each is counted once, from the newest download.",
            "{count} LIVEs appear in more than one {kind} file: each is counted once, from the newest download.",
            count,
            count=count,
            kind=kind,
        )
    if table_name == "follower_activity":
        return Said.ngettext(
            "{count} hour appears in more than one {kind} file: each is counted once, from the newest download.",
            "{count} hours appear in more than one {kind} file: each is counted once, from the newest download.",
            count,
            count=count,
            kind=kind,
        )
    return Said.ngettext(
        "{count} row appears in more than one {kind} file: each is counted once, from the newest download.",
        "{count} rows appear in more than one {kind} file: each is counted once, from the newest download.",
        count,
        count=count,
        kind=kind,
    )
