"""A marketer's loaded data: the uploaded files, what each held, and the merged DuckDB tables.

One Workspace per browser session (the app keeps it in `st.session_state`), so two
people using the app at once never see each other's data. The uploaded bytes are
kept, which is what lets the Data page re-read a file when the marketer corrects a
year, without asking for the upload again.

Merging: files of overlapping periods describe the same days or videos. Each
canonical table is rebuilt from every loaded file; where two files have the same key
(a day, a video, a comment), the newest download wins, column by column, so an older
Overview never overwrites a newer one, and Viewers and Overview files still fill
different columns of the same day.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd

from analytics import db
from analytics.ingest import Context, FileResult, LoadedTable, PendingTable, apply_mapping, ingest_file
from analytics.ingest.readers import ReadProblem
from analytics.schema import DATE_COLUMNS, KEYS, KINDS, TABLES

# Tables whose rows are whole records from one file (a comment, a LIVE): the newest
# file's row wins whole. The others merge column by column.
WHOLE_ROW = {"comments", "lives"}


def mapping_memory_path() -> Path:
    """Where chosen column mappings are remembered, on the marketer's own machine."""
    home = os.environ.get("COMMUNITYLENS_HOME") or Path.home() / ".communitylens"
    return Path(home) / "mappings.json"


@dataclass
class Upload:
    name: str
    data: bytes
    order: int
    last_year: int | None = None
    batch_download_date: date | None = None
    digest: str = ""
    result: FileResult | None = None


@dataclass
class Workspace:
    """Loaded files plus the DuckDB connection that holds the merged canonical tables."""

    today: date = field(default_factory=date.today)
    remember_mappings: bool = True
    con: duckdb.DuckDBPyConnection = field(default_factory=db.connect)
    uploads: list[Upload] = field(default_factory=list)
    brand_handles: set[str] = field(default_factory=set)
    merge_notes: list[str] = field(default_factory=list)
    _detected_handles: list[str] = field(default_factory=list)
    label: str = "Your data"

    # Loading -----------------------------------------------------------------------

    def add_files(self, files: list[tuple[str, bytes]]) -> list[FileResult]:
        """Read a batch of uploads; files already loaded (same bytes) are skipped."""
        known = {upload.digest for upload in self.uploads}
        new = []
        for name, data in files:
            digest = hashlib.sha256(data).hexdigest()
            if digest in known:
                continue
            known.add(digest)
            new.append(Upload(name, data, self._next_order(), digest=digest))
        batch_download = self._batch_download_date([upload.name for upload in new])
        for upload in new:
            upload.batch_download_date = batch_download
            upload.result = ingest_file(
                upload.name,
                upload.data,
                context=self._context(upload),
                remembered=self._memory(),
            )
            self.uploads.append(upload)
        self.rebuild()
        return [upload.result for upload in new if upload.result]

    def set_last_year(self, source: str, year: int | None) -> None:
        """Re-read one file with the year of its last date set by the marketer."""
        for upload in self.uploads:
            if upload.result and any(table.source == source for table in upload.result.tables):
                upload.last_year = year
                upload.result = ingest_file(
                    upload.name, upload.data, context=self._context(upload), remembered=self._memory()
                )
        self.rebuild()

    def remove_file(self, digest: str) -> None:
        """Forget one upload, named by the digest of its bytes: two different downloads can share a name."""
        self.uploads = [upload for upload in self.uploads if upload.digest != digest]
        self.rebuild()

    def map_columns(self, pending: PendingTable, kind: str, mapping: dict[str, str]) -> ReadProblem | None:
        """Load a table the marketer mapped by hand, and remember the mapping for the same header."""
        upload = next(upload for upload in self.uploads if upload.result and pending in upload.result.pending)
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

    # What is loaded ----------------------------------------------------------------

    @property
    def tables(self) -> list[LoadedTable]:
        return [table for upload in self.uploads if upload.result for table in upload.result.tables]

    @property
    def pending(self) -> list[PendingTable]:
        return [pending for upload in self.uploads if upload.result for pending in upload.result.pending]

    @property
    def problems(self) -> list[ReadProblem]:
        return [problem for upload in self.uploads if upload.result for problem in upload.result.problems]

    def has(self, table: str) -> bool:
        return bool(self.con.execute(f'select count(*) from "{table}"').fetchone()[0])

    def summary(self) -> pd.DataFrame:
        """One row per recognised table: file, kind, rows, dates, warnings. The Data page shows it."""
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
                    "has_yearless_dates": any("Dates have no year" in warning for warning in table.warnings),
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
            ],
        )

    def data_range(self) -> tuple[date, date] | None:
        """The first and last date any loaded table covers (daily stats, videos, comments, LIVEs)."""
        parts = [
            f'select min("{column}")::date as low, max("{column}")::date as high from "{table}"'
            for table, column in DATE_COLUMNS.items()
            if column
        ]
        low, high = self.con.execute(
            f"select min(low), max(high) from ({' union all '.join(parts)})"
        ).fetchone()
        return (low, high) if low and high else None

    def detected_brand_handles(self) -> list[str]:
        """The account handles in the loaded video links (videos, then comments), most videos first.

        Found once per rebuild: pages ask on every rerun, and the scan of a million comments' links
        takes most of a second.
        """
        return list(self._detected_handles)

    def _find_brand_handles(self) -> list[str]:
        rows = self.con.execute(
            r"""
            with handles as (
                select account_handle as handle, video_id from videos
                union all
                select lower(regexp_extract(video_url, '@([\w.\-]+)/', 1)), video_id from comments
            )
            select handle from handles where handle is not null and handle <> ''
            group by handle order by count(distinct video_id) desc, handle
            """
        ).fetchall()
        return [row[0] for row in rows]

    # Merging ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Rebuild every canonical table from the loaded files; the newest download wins."""
        ranked = sorted(self.tables, key=self._recency)
        self.merge_notes = []
        for table_name in TABLES:
            parts = [
                (rank, table)
                for rank, table in enumerate(ranked)
                if table.table == table_name and not table.frame.empty
            ]
            self._merge(table_name, parts)
        self._detected_handles = self._find_brand_handles()
        self._mark_brand_comments()

    def _merge(self, table_name: str, parts: list[tuple[int, LoadedTable]]) -> None:
        staging = f"staging_{table_name}"
        columns = TABLES[table_name]
        self.con.execute(db.create_table_sql(table_name, staging))
        self.con.execute(f'alter table "{staging}" add column _rank integer')
        self.con.execute(f'alter table "{staging}" add column _kind varchar')
        for rank, table in parts:
            frame = table.frame.assign(_rank=rank, _kind=table.kind)
            select = ", ".join(
                f'try_cast("{c}" as {t})' if c in frame.columns else f"null::{t}" for c, t in columns.items()
            )
            self.con.register("incoming_frame", frame)
            self.con.execute(f'insert into "{staging}" select {select}, _rank, _kind from incoming_frame')
            self.con.unregister("incoming_frame")
        keys = KEYS[table_name]
        column_list = ", ".join(f'"{c}"' for c in columns)
        if not keys:
            sql = f'select {column_list} from "{staging}" where _rank = (select max(_rank) from "{staging}")'
        elif table_name in WHOLE_ROW:
            key_list = ", ".join(f'"{k}"' for k in keys)
            sql = f'select {column_list} from "{staging}" qualify row_number() over (partition by {key_list} order by _rank desc) = 1'
        else:
            key_list = ", ".join(f'"{k}"' for k in keys)
            values = ", ".join(
                f'arg_max("{c}", _rank) filter (where "{c}" is not null) as "{c}"'
                for c in columns
                if c not in keys
            )
            sql = f'select {key_list}, {values} from "{staging}" where {" and ".join(f"{k} is not null" for k in keys)} group by {key_list}'
        self.con.execute(
            f'create or replace table "{table_name}" as select {column_list} from ({sql}) order by all'
        )
        if keys:
            self._note_overlaps(table_name, staging, keys)
        self.con.execute(f'drop table "{staging}"')

    def _note_overlaps(self, table_name: str, staging: str, keys: tuple[str, ...]) -> None:
        key_list = ", ".join(f'"{k}"' for k in keys)
        rows = self.con.execute(
            f"""
            with per_key as (
                select _kind, {key_list}, count(distinct _rank) as count_files
                from "{staging}" group by _kind, {key_list}
            )
            select _kind, count(*) from per_key where count_files > 1 group by _kind order by _kind
            """
        ).fetchall()
        nouns = {
            "daily_stats": "days",
            "videos": "videos",
            "comments": "comments",
            "lives": "LIVEs",
            "follower_activity": "hours",
        }
        for kind, count in rows:
            self.merge_notes.append(
                f"{count:,} {nouns.get(table_name, 'rows')} appear in more than one {KINDS[kind].label.split(' (')[0]} file: "
                "each is counted once, from the newest download."
            )

    def _mark_brand_comments(self) -> None:
        handles = sorted(self.brand_handles | set(self.detected_brand_handles()))
        if handles:
            self.con.execute(
                "update comments set is_brand = true where member_id in (select unnest($handles))",
                {"handles": handles},
            )

    def _recency(self, table: LoadedTable) -> tuple[date, int]:
        order = next(
            upload.order for upload in self.uploads if upload.result and table in upload.result.tables
        )
        end = table.date_range()[1]
        known = table.download_date or (end + timedelta(days=1) if end else date.min)
        return known, order

    # Context -----------------------------------------------------------------------

    def _context(self, upload: Upload) -> Context:
        return Context(
            batch_download_date=upload.batch_download_date, today=self.today, last_year=upload.last_year
        )

    def _batch_download_date(self, names: list[str]) -> date | None:
        from analytics.dates import file_name_dates

        found = [file_name_dates(name).download_date for name in names]
        known = [day for day in found if day]
        return max(known) if known else None

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
