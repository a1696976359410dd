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

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd

from analytics import db
from analytics.ingest import Context, FileResult, LoadedTable, PendingTable, apply_mapping, ingest_file
from analytics.ingest.canonical import ASSUMED, OWN_YEAR, SAME_ACCOUNT, VIDEO_IDS
from analytics.ingest.readers import ReadProblem
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
    # The download day and name of the file of the same account this one took its year from.
    lender: tuple[date, str] | None = None
    digest: str = ""
    result: FileResult | None = None
    batch: int = 0  # files uploaded together share a batch


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
    label: str = "Your data"
    _progress: UploadProgress = field(default_factory=UploadProgress, repr=False, compare=False)

    # Loading -----------------------------------------------------------------------

    def add_files(self, files: list[tuple[str, bytes]], progress: Progress | None = None) -> list[FileResult]:
        """Read a batch of uploads; files already loaded (same bytes) are skipped.

        `progress(words, fraction)`, when given, hears each stage (see analytics.progress).
        """
        with self._reporting(progress):
            new = self._read_batch(files)
            self.rebuild()
        return [upload.result for upload in new if upload.result]

    @contextlib.contextmanager
    def _reporting(self, progress: Progress | None) -> Iterator[None]:
        """Stages report to `progress` during this block only (a later fix or removal has no bar)."""
        self._progress = UploadProgress(progress)
        try:
            yield
        finally:
            self._progress = UploadProgress()

    def already_loaded(self, files: list[tuple[str, bytes]]) -> list[Upload]:
        """The uploads these files repeat byte for byte (re-uploading one changes nothing)."""
        digests = {hashlib.sha256(data).hexdigest() for _, data in files}
        return [upload for upload in self.uploads if upload.digest in digests]

    def _read_batch(self, files: list[tuple[str, bytes]]) -> list[Upload]:
        """Read the files not loaded yet, as one batch, and lend years within it."""
        known = {upload.digest for upload in self.uploads}
        batch = max((upload.batch for upload in self.uploads), default=-1) + 1
        new = []
        for name, data in files:
            digest = hashlib.sha256(data).hexdigest()
            if digest in known:
                continue
            known.add(digest)
            # Each its own order (the later file of a batch wins a tie), so a stored client reads back the same.
            new.append(Upload(name, data, self._next_order() + len(new), digest=digest, batch=batch))
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
            if upload.result and any(table.source == source for table in upload.result.tables):
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
        rows = sum(table.rows for table in ranked)
        for table_name in TABLES:
            parts = [
                (rank, table) for rank, table in enumerate(ranked) if table.table == table_name and table.rows
            ]
            self._progress.storing(table_name, sum(table.rows for _, table in parts), rows)
            self._merge(table_name, parts)
        self._progress.computing()
        self._link_members()
        self._detected_handles = self._find_brand_handles()
        self._mark_brand_comments()

    def _merge(self, table_name: str, parts: list[tuple[int, LoadedTable]]) -> None:
        staging = f"staging_{table_name}"
        columns = TABLES[table_name]
        self.con.execute(db.create_table_sql(table_name, staging))
        self.con.execute(f'alter table "{staging}" add column _rank integer')
        self.con.execute(f'alter table "{staging}" add column _kind varchar')
        self._stage(table_name, staging, parts)
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
                f'bool_or("{c}") as "{c}"'
                if c in ANY_FILE_FLAGS
                else f'arg_max("{c}", _rank) filter (where "{c}" is not null) as "{c}"'
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

    def _stage(self, table_name: str, staging: str, parts: list[tuple[int, LoadedTable]]) -> None:
        """Put each part's rows into the staging table, with its rank (newest download highest) and kind."""
        columns = TABLES[table_name]
        for rank, table in parts:
            rows = table.duckdb_rows  # comments: an Arrow table, scanned in place
            present = set(rows.column_names if hasattr(rows, "column_names") else rows.columns)
            select = ", ".join(
                f'try_cast("{c}" as {t})' if c in present else f"null::{t}" for c, t in columns.items()
            )
            self.con.register("incoming_rows", rows)
            try:
                self.con.execute(
                    f'insert into "{staging}" select {select}, $rank, $kind from incoming_rows',
                    {"rank": rank, "kind": table.kind},
                )
            finally:
                self.con.unregister("incoming_rows")

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
                + (
                    "each is counted once, with the details of every file combined."
                    if table_name == "comments"
                    else "each is counted once, from the newest download."
                )
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

        Columns: member_id, member_handle, member_name, count_videos, reason.
        """
        return self._brand_accounts.copy()

    def _mark_brand_comments(self) -> None:
        """Mark the brand's own comments: they are its replies, never a member's.

        The brand is whoever the file flags as the owner or creator; whose handle, user id or display
        name is the account in the video links (or one typed on the Data page); the account the marketer
        named on the Members page; else the account that commented on nearly every video
        (`BRAND_VIDEO_SHARE` of at least `BRAND_MIN_VIDEOS`) with `BRAND_COMMENT_LEAD` times the
        comments of any other such account. An account the marketer said is not theirs never is.
        """
        from analytics.ingest.detect import squash

        authors = self.con.execute(
            """
            select member_id,
                arg_max(member_handle, commented_at) filter (where member_handle is not null) as member_handle,
                arg_max(member_name, commented_at) filter (where member_name is not null) as member_name,
                arg_max(member_uid, commented_at) filter (where member_uid is not null) as member_uid,
                count(distinct video_id) as count_videos,
                count(*) as count_comments,
                bool_or(coalesce(is_brand, false)) as is_flagged
            from comments where member_id is not null group by member_id order by member_id
            """
        ).df()
        count_videos = self.con.execute("select count(distinct video_id) from comments").fetchone()[0]
        handles = self.brand_handles | set(self.detected_brand_handles())
        said_is, said_not = self.brand_answer
        squashed = {squash(handle) for handle in handles} - {""}
        reason = pd.Series(pd.NA, index=authors.index, dtype="object")
        by_handle = authors["member_handle"].str.lower().isin(handles) | authors["member_uid"].isin(handles)
        reason = reason.mask(by_handle.fillna(False), "its handle is the account in the video links")
        by_name = authors["member_name"].map(lambda name: isinstance(name, str) and squash(name) in squashed)
        reason = reason.mask(reason.isna() & by_name, "its name is the account in the video links")
        reason = reason.mask(reason.isna() & authors["is_flagged"], "the file marks it as the video's author")
        reason = reason.mask(authors["member_id"].isin(said_is), "you said it is your account")
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
                    f"it commented on {top['count_videos']:,} of {count_videos:,} videos, "
                    f"{top['count_comments']:,} times (the brand's rule: at least {BRAND_VIDEO_SHARE:.0%} of the "
                    f"videos, and {BRAND_COMMENT_LEAD}× the comments of any other such account)",
                )
        reason = reason.mask(authors["member_id"].isin(said_not))
        brand = authors.assign(reason=reason)[reason.notna()]
        self._brand_accounts = brand[
            ["member_id", "member_handle", "member_name", "count_videos", "reason"]
        ].sort_values(["count_videos", "member_id"], ascending=[False, True], ignore_index=True)
        self.con.execute(
            "update comments set is_brand = member_id in (select unnest($ids::varchar[]))",
            {"ids": list(brand["member_id"])},
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
        lent_day, lender = upload.lender or (None, None)
        return Context(
            batch_download_date=lent_day, batch_source=lender, today=self.today, last_year=upload.last_year
        )

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
        group = [upload for upload in self.uploads if upload.batch == batch and upload.result]
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
