"""One client's workspace: the same Workspace the pages know, kept in the lake between visits.

Opening a client copies nothing: pages read its merged tables in the lake, through a connection of
the session's own whose unqualified table names are the client's, so every page runs the queries it
always ran, and a client with a million comments opens as fast as an empty one. Every change (an import, a removal, a year or mapping fix,
the brand's accounts) is one lake transaction: the files' rows, their descriptions and the merged
tables commit together or not at all, so a server killed mid-import leaves the previous state whole.

Merging is the Workspace's own: the rows each file gave are kept (`parts_<table>`), and a change
merges again only the keys of the parts it adds or removes, from every part holding them (stored
parts read from the lake, those of the files being added from memory); in the lake, those keys'
rows are deleted and inserted again, never the whole table rewritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
import tempfile
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

import duckdb
import pandas as pd

from analytics import db, labels, preferences
from analytics.i18n import N_, _
from analytics.i18n.said import Said, from_json, keep, kept, to_json
from analytics.ingest import FileResult, LoadedTable, ingest_file
from analytics.ingest.canonical import YearSource, url_account
from analytics.ingest.readers import ReadProblem
from analytics.ingest.rows import KeptRows, column_names, scan
from analytics.progress import Progress
from analytics.schema import KEYS, TABLES
from analytics.store import lake
from analytics.store.store import Store, _rollback, restorable_tables, schema_of
from analytics.workspace import FileInput, Upload, Workspace, digest_of


@dataclass(frozen=True)
class AccountMismatch:
    """A file that looks like another TikTok account's than the client's."""

    name: str
    account: str  # the handle the file names
    client_account: str
    other_client: str | None  # the client already holding that account, if any
    data: bytes = field(repr=False, default=b"")

    def words(self) -> str:
        return Said(
            N_("{file} looks like @{account}'s, not @{client_account}'s (this client's account)."),
            file=self.name,
            account=self.account,
            client_account=self.client_account,
        )


class ClientWorkspace(Workspace):
    """A client's data, stored: what `Store.open` gives."""

    def __init__(self, store: Store, client_id: str, today: date) -> None:
        super().__init__(today=today)
        self.store = store
        self.client_id = client_id
        self.schema = f"{lake.LAKE}.{schema_of(client_id)}"
        self.label = store.name_of(client_id)
        self.account: str | None = None
        self.skipped: list[str] = []  # files already imported: nothing to do, and we say so
        self.held: list[AccountMismatch] = []  # files of another account, waiting for the marketer
        self.last_change: str | None = None  # the change undo would take back, in words
        self._parts: dict[LoadedTable, int] = {}
        self._dirty: set[str] = set()  # digests re-read during a change
        self._cur: duckdb.DuckDBPyConnection | None = None
        self._full = False  # whether the change merged every table whole (in the scratch database)
        self._import: tuple[int, str] | None = None
        self._read_cache: dict[tuple, FileResult] = {}  # files read during the change under way
        self._incoming: dict[str, str] = {}  # digest -> the file written when read, until stored
        # Pages read the client's tables where they are: a connection of this session's own onto the
        # lake, its unqualified table names the client's. Opening copies nothing, however big the client.
        # Files' big tables are kept, and changes merged, in a scratch database of this workspace's own,
        # beside the lake: a change stores them from there with no copy between two DuckDBs.
        self.con.close()
        self._scratch, self._scratch_name = store.scratch()
        weakref.finalize(self, store.drop_scratch, self._scratch_name)
        self.con = self._reader = store.cursor()
        self.con.execute(f"use {self.schema}")
        self._load()

    @property
    def memory(self) -> preferences.Memory:
        return self.store.memory(self.client_id)

    # Reading the stored client ----------------------------------------------------------

    def _load(self) -> None:
        """Read the client from the lake: its files and tables, the merged tables, the notes."""
        cur = self.store.cursor()
        try:
            state = dict(cur.execute(f"select name, value from {self.schema}.meta_state").fetchall())
            self._load_meta(cur, json.loads(state.get("waiting") or "{}"))
        finally:
            cur.close()
        self._restore_state(state)

    def _load_meta(self, cur, waiting: dict[str, dict]) -> None:
        files = cur.execute(f"select * from {self.schema}.meta_files order by file_order").df()
        tables = cur.execute(f"select * from {self.schema}.meta_tables order by part").df()
        self.uploads, self._parts = [], {}
        for file in files.itertuples():
            upload = Upload(
                name=file.name,
                data=b"",
                order=int(file.file_order),
                last_year=None if pd.isna(file.last_year) else int(file.last_year),
                lender=None
                if pd.isna(file.lender_day)
                else (pd.Timestamp(file.lender_day).date(), file.lender),
                digest=file.digest,
                result=FileResult(file.name),
                batch=int(file.batch),
            )
            for row in tables[tables["digest"] == file.digest].itertuples():
                loaded = _stored_table(row)
                upload.result.tables.append(loaded)
                self._parts[loaded] = int(row.part)
            if file.digest in waiting:
                self._restore_waiting(upload, waiting[file.digest])
            self.uploads.append(upload)
        self._merged_parts = list(self.tables)  # the lake's merged tables are these parts'
        memory = self.memory
        handles = memory.read("brand_handles")
        self.brand_handles = (
            {h for h in handles if isinstance(h, str)} if isinstance(handles, list) else set()
        )
        self.brand_answer = preferences.load_brand_answer(memory)

    def _restore_waiting(self, upload: Upload, waiting: dict) -> None:
        """What a stored file still asks of the marketer: its problems, and tables waiting for their columns.

        The problems are kept as sentences; a waiting table needs the file's rows, so its original is
        read again (without remembered mappings: a table mapped since is stored, not waiting).
        """
        upload.result.problems = [
            ReadProblem(source, from_json(message)) for source, message in waiting.get("problems", [])
        ]
        if not waiting.get("pending"):
            return
        try:
            upload.data = (self.store.originals(self.client_id) / upload.digest).read_bytes()
        except OSError:
            upload.result.problems.append(
                ReadProblem(
                    upload.name,
                    Said(
                        N_("{file}'s original is missing: upload it again to map its columns."),
                        file=upload.name,
                    ),
                )
            )
            return
        fresh = ingest_file(upload.name, upload.data, context=self._context(upload), remembered={})
        loaded = {table.source for table in upload.result.tables}
        upload.result.pending = [pending for pending in fresh.pending if pending.source not in loaded]

    def _restore_state(self, state: dict[str, str]) -> None:
        self.account = state.get("account") or None
        self._version = state.get("version")
        self.merge_notes = [from_json(note) for note in json.loads(state.get("merge_notes") or "[]")]
        # A client stored before the counts were kept: its next change merges every table.
        overlaps = state.get("overlaps")
        self._overlaps = json.loads(overlaps) if overlaps else (None if self.uploads else {})
        self._detected_handles = json.loads(state.get("detected_handles") or "[]")
        brand = state.get("brand_accounts")
        self._brand_accounts = (
            pd.read_json(_io(brand), orient="split", dtype=False)
            if brand
            else pd.DataFrame(columns=["member_id", "member_handle", "member_name", "count_videos", "reason"])
        )
        cur = self.store.cursor()
        try:
            row = cur.execute(
                f"select words from {self.schema}.meta_changes where not undone order by change_id desc limit 1"
            ).fetchone()
        finally:
            cur.close()
        self.last_change = _kept(row[0]) if row else None

    def refresh(self) -> bool:
        """Read the client again if another session or the command line changed it; whether it did."""
        if self._stored_version() == self._version:
            return False
        self._load()
        return True

    def imports(self) -> pd.DataFrame:
        """One row per import, newest first: import_id, imported_at, who, files, kinds, rows, start_date, end_date."""
        cur = self.store.cursor()
        try:
            return cur.execute(
                f"""
                select i.import_id, i.imported_at, i.who,
                    string_agg(distinct f.name, ', ' order by f.name) as files,
                    count(distinct f.digest)::bigint as count_files,
                    string_agg(distinct t.kind, ', ' order by t.kind) as kinds,
                    coalesce(sum(t.rows), 0)::bigint as rows,
                    min(t.start_date) as start_date, max(t.end_date) as end_date
                from {self.schema}.meta_imports i
                join {self.schema}.meta_files f using (import_id)
                left join {self.schema}.meta_tables t on t.digest = f.digest
                group by all order by i.import_id desc
                """
            ).df()
        finally:
            cur.close()

    # Changes ------------------------------------------------------------------------------

    def add_files(
        self,
        files: Sequence[FileInput],
        who: str = "app",
        *,
        any_account: bool = False,
        progress: Progress | None = None,
    ) -> list[FileResult]:
        """One import: the new files read, checked against the client's account, stored, merged.

        Files already imported are skipped (`skipped` says so); files of another account are held
        back (`held`) unless `any_account`, for the marketer to decide. `progress(words, fraction)`,
        when given, hears each stage (see analytics.progress).
        """
        added: list[Upload] = []

        def change() -> str | Literal[False]:
            nonlocal added
            # Worked out again on a retry, from the client as it is now.
            self.skipped, self.held = self._repeats(files), []
            added = self._read_batch(files)
            if not any_account:
                for upload in self._other_accounts(added):
                    self.uploads.remove(upload)
                    added.remove(upload)
            if not added:
                return False
            names = [upload.name for upload in added]
            self._import = (self._next_id("meta_imports", "import_id"), who)
            self._dirty |= {upload.digest for upload in added}
            self.rebuild()
            return Said(N_("the import of {files}"), files=_names(names))

        with self._reporting(progress):
            try:
                self._read_first(files)
            except BaseException:
                self._drop_incoming()
                raise
            self._change("import", change)
        return [upload.result for upload in added]

    def _repeats(self, files: Sequence[FileInput]) -> list[str]:
        """The files of an import that are already stored, or repeat an earlier file of it, in words."""
        stored = {upload.digest: upload.name for upload in self.already_loaded(files)}
        first: dict[str, str] = {}  # digest -> the name it first came under in this import
        words: list[str] = []
        for name, data, *_rest in files:
            digest = digest_of(data)
            if digest in stored:
                if stored[digest] == name:
                    words.append(Said(N_("{file} was already imported: nothing new in it."), file=name))
                else:
                    words.append(
                        Said(
                            N_("{file} was already imported (as {earlier}): nothing new in it."),
                            file=name,
                            earlier=stored[digest],
                        )
                    )
            elif digest in first:
                words.append(
                    Said(N_("{file} is {earlier} again: it was read once."), file=name, earlier=first[digest])
                )
            else:
                first[digest] = name
        return words

    def set_last_year(self, source: str, year: int | None) -> None:
        self._change(None, lambda: super(ClientWorkspace, self).set_last_year(source, year) or "")

    def remove_file(self, digest: str) -> None:
        names = [upload.name for upload in self.uploads if upload.digest == digest]

        def change() -> str:
            super(ClientWorkspace, self).remove_file(digest)
            return Said(N_("the removal of {files}"), files=_names(names)) if names else ""

        self._change("removal", change)

    def remove_import(self, import_id: int) -> None:
        """Remove every file of one import (the Data page's "Remove this import")."""
        cur = self.store.cursor()
        try:
            digests = [
                row[0]
                for row in cur.execute(
                    f"select digest from {self.schema}.meta_files where import_id = ?", [int(import_id)]
                ).fetchall()
            ]
        finally:
            cur.close()
        if not digests:
            raise ValueError(
                _("This client has no import {number} (removed already?): nothing was changed.").format(
                    number=import_id
                )
            )
        names = [upload.name for upload in self.uploads if upload.digest in digests]

        def change() -> str:
            self.uploads = [upload for upload in self.uploads if upload.digest not in digests]
            self.rebuild()
            return Said(
                N_("the removal of import {number} ({files})"), number=str(import_id), files=_names(names)
            )

        self._change("removal", change)

    def map_columns(self, pending, kind, mapping):
        problem = None

        def change() -> str:
            nonlocal problem
            # After another writer's change the client is read again: the same table, by its source.
            current = next(p for p in self.pending if (p.file, p.source) == (pending.file, pending.source))
            problem = super(ClientWorkspace, self).map_columns(current, kind, mapping)
            return ""

        self._change(None, change)
        return problem

    def set_brand_handles(self, handles: set[str]) -> None:
        """The brand's handles typed on the Data page, remembered for this client."""
        cleaned = {handle.strip().lstrip("@").lower() for handle in handles if handle.strip()}
        self.memory.write("brand_handles", sorted(cleaned))
        self._change(None, lambda: super(ClientWorkspace, self).set_brand_handles(cleaned) or "")

    def set_brand_answer(self, accounts: set[str], not_accounts: set[str]) -> None:
        """The answer to "which of these commenters is you?", remembered for this client."""
        preferences.save_brand_answer(accounts, not_accounts, memory=self.memory)
        self._change(
            None, lambda: super(ClientWorkspace, self).set_brand_answer(accounts, not_accounts) or ""
        )

    def undo(self) -> str | None:
        """Put the client back as it was before its last import or removal; what was undone, in words."""
        cur = self.store.cursor()
        try:
            row = cur.execute(
                f"select change_id, words, snapshot_before from {self.schema}.meta_changes "
                "where not undone order by change_id desc limit 1"
            ).fetchone()
            known = {r[0] for r in cur.execute(f"select snapshot_id from {lake.LAKE}.snapshots()").fetchall()}
        finally:
            cur.close()
        if not row:
            return None
        change_id, words, before = row
        if before not in known:
            raise ValueError(
                _(
                    "The history before that change was cleared (a client was deleted since), so it cannot be undone: "
                    "remove the import instead."
                )
            )

        def attempt() -> None:
            # Read the old state first: a scan back in time inside the transaction would see its deletes.
            cur = self.store.cursor()
            try:
                old = {
                    table: cur.execute(
                        f"select * from {self.schema}.{table} at (version => {int(before)})"
                    ).to_arrow_table()
                    for table in restorable_tables()
                }
            finally:
                cur.close()
            with self.store.transaction() as cur:
                _claim(cur, self.schema)
                for table, rows in old.items():
                    _copy(rows, cur, f"{self.schema}.{table}", replace=True)
                cur.execute(
                    f"update {self.schema}.meta_changes set undone = true where change_id = ?", [change_id]
                )

        lake.retrying(attempt)
        self._load()
        return _kept(words)

    # The transaction around a change ----------------------------------------------------------

    def _change(self, kind: str | None, change: Callable[[], str | Literal[False]]) -> None:
        """Run `change` (which edits this workspace and merges) and store its result in one transaction.

        `change` returns the change in words for the undo log (False: nothing to store). When another
        writer committed first, the client is read again and the change made again on top of theirs.
        """

        def attempt() -> None:
            cur = self.store.cursor()
            self._cur, self._dirty, self._full = cur, set(), False
            # The merge stages its rows in a private scratch database; the merged rows of the keys it
            # touched replace theirs in the lake (a first merge, or the old way: every table, whole).
            self.con = self._scratch_cursor()
            try:
                cur.execute("begin")
                _claim(cur, self.schema)
                before = db.scalar(cur, f"select max(snapshot_id) from {lake.LAKE}.snapshots()")
                if self._stored_version(cur) != self._version:
                    self._load()  # another session or process changed the client since: start from theirs
                words = change()
                if words is False:
                    cur.execute("rollback")
                    return
                self._save(cur)
                if kind and words:
                    cur.execute(
                        f"insert into {self.schema}.meta_changes values (?, ?, ?, ?, ?, false)",
                        [self._next_id("meta_changes", "change_id"), _now(), kind, words, before],
                    )
                    self.last_change = words
                _pause_for_tests()
                cur.execute("commit")
                self._forget_stored_rows()
            except BaseException:
                _rollback(cur)
                self._load()
                raise
            finally:
                scratch, self.con = self.con, self._reader
                self._cur, self._import = None, None
                cur.close()
                with contextlib.suppress(duckdb.Error):
                    _clear_scratch(scratch)

        try:
            lake.retrying(attempt, on_conflict=self._progress.again)
        finally:
            self._read_cache.clear()
            self._drop_incoming()

    def _save(self, cur) -> None:
        """Write what changed: files re-read or added (originals, descriptions, parts), removals, merged tables."""
        self._progress.saving(self.label)
        kept = {upload.digest for upload in self.uploads}
        imports = dict(cur.execute(f"select digest, import_id from {self.schema}.meta_files").fetchall())
        stored = set(imports)
        gone = (stored - kept) | (self._dirty & stored)
        for digest in gone:
            for table in TABLES:
                cur.execute(
                    f"delete from {self.schema}.parts_{table} where _part in "
                    f"(select part from {self.schema}.meta_tables where digest = ?)",
                    [digest],
                )
            cur.execute(f"delete from {self.schema}.meta_tables where digest = ?", [digest])
            cur.execute(f"delete from {self.schema}.meta_files where digest = ?", [digest])
        if self._import and any(upload.digest in self._dirty - stored for upload in self.uploads):
            cur.execute(
                f"insert into {self.schema}.meta_imports values (?, ?, ?)",
                [self._import[0], _now(), self._import[1]],
            )
        part = self._next_id("meta_tables", "part")
        for upload in self.uploads:
            if upload.digest in self._dirty:
                self._keep_original(upload)
                import_id = imports.get(upload.digest) or (self._import[0] if self._import else 0)
                lender_day, lender = upload.lender or (None, None)
                cur.execute(
                    f"insert into {self.schema}.meta_files values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [upload.digest, upload.name, import_id, upload.order, upload.batch, upload.last_year,
                     lender_day, lender, len(upload.data)],
                )  # fmt: skip
            # Tables not stored yet: a file's tables when it was read, or one the marketer just mapped.
            for loaded in upload.result.tables:
                if loaded not in self._parts:
                    self._store_table(cur, loaded, upload.digest, part)
                    part += 1
        cur.execute(
            f"delete from {self.schema}.meta_imports where import_id not in "
            f"(select import_id from {self.schema}.meta_files)"
        )
        # A change merged key by key wrote its rows in the lake itself; one merged whole, here.
        # Read where they are, in the scratch database beside the lake. `cur` must not read the scratch
        # before `_save`: its transaction sees the scratch as it was at its first read of it (DuckDB starts
        # an attached database's snapshot then), and by now every write to the scratch is done.
        for table in TABLES if self._full else []:
            cur.execute(f"delete from {self.schema}.{table}")
            cur.execute(
                f'insert into {self.schema}.{table} select * from "{self._scratch_name}".main."{table}"'
            )
        labels.forget_removed(cur, self.schema)  # the sentiment of comments no longer there goes with them
        current = set(self.tables)
        self._parts = {table: part for table, part in self._parts.items() if table in current}
        self._version = secrets.token_hex(8)  # other sessions holding the client see it changed
        if not self.account:
            accounts = {t.account for t in self.tables if t.account}
            self.account = next(iter(accounts)) if len(accounts) == 1 else None
        state = {
            "account": self.account or "",
            "version": self._version,
            "merge_notes": json.dumps([to_json(note) for note in self.merge_notes], ensure_ascii=False),
            "overlaps": json.dumps(self._overlaps),
            "detected_handles": json.dumps(self._detected_handles, ensure_ascii=False),
            "brand_accounts": self._brand_accounts.to_json(orient="split", index=False),
            "waiting": json.dumps(
                {
                    upload.digest: {
                        "problems": [
                            [problem.source, to_json(problem.message)] for problem in upload.result.problems
                        ],
                        "pending": bool(upload.result.pending),
                    }
                    for upload in self.uploads
                    if upload.result.problems or upload.result.pending
                },
                ensure_ascii=False,
            ),
        }
        cur.execute(f"delete from {self.schema}.meta_state")
        cur.executemany(f"insert into {self.schema}.meta_state values (?, ?)", list(state.items()))

    def _store_table(self, cur, loaded: LoadedTable, digest: str, part: int) -> None:
        start, end = loaded.date_range()
        year = loaded.year_source
        cur.execute(
            f"insert into {self.schema}.meta_tables values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [part, digest, loaded.file, loaded.source, loaded.kind, loaded.rows, start, end,
             json.dumps([to_json(warning) for warning in loaded.warnings], ensure_ascii=False), loaded.download_date,
             json.dumps(loaded.mapping, ensure_ascii=False), loaded.mapped_by_hand,
             year.kind if year else None, _keep(year.words) if year else None, _keep(year.label) if year else None,
             year.lender if year else None, loaded.account],
        )  # fmt: skip
        columns = TABLES[loaded.table]
        rows = loaded.duckdb_rows  # comments: kept rows, streamed from where they are
        present = set(column_names(rows))
        select = ", ".join(
            f'try_cast("{c}" as {t})' if c in present else f"null::{t}" for c, t in columns.items()
        )
        # Kept rows are read where they are: the scratch database is beside the lake.
        with scan(cur, rows, self._scratch) as name:
            cur.execute(
                f"insert into {self.schema}.parts_{loaded.table} select {select}, ? from {name}", [part]
            )
        self._parts[loaded] = part
        loaded.known_rows, loaded.known_range = loaded.rows, (start, end)

    def _stage(
        self, table_name: str, staging: str, parts: list[tuple[int, LoadedTable]], only: str | None = None
    ) -> None:
        """Stored parts come from the lake in one read; parts of files read in this change from memory."""
        fresh = [(rank, table) for rank, table in parts if table not in self._parts]
        stored = [(self._parts[table], rank, table.kind) for rank, table in parts if table in self._parts]
        super()._stage(table_name, staging, fresh, only)
        if not stored:
            return
        cur = self._cur or self.store.cursor()
        shared = [only] if only else []
        try:
            ranks = pd.DataFrame(stored, columns=["_part", "_rank", "_kind"])
            cur.register("part_ranks", ranks)
            for name in shared:
                cur.register(name, self.con.execute(f"select * from {name}").to_arrow_table())
            keys = ", ".join(f'"{k}"' for k in KEYS[table_name])
            rows = cur.execute(
                f"select * exclude (_part, _rank, _kind), _rank::integer as _rank, _kind "
                f"from {self.schema}.parts_{table_name} join part_ranks using (_part)"
                + (f" semi join {only} using ({keys})" if only else "")
            ).to_arrow_table()
            cur.unregister("part_ranks")
            for name in shared:
                cur.unregister(name)
        finally:
            if cur is not self._cur:
                cur.close()
        _copy(rows, self.con, f'"{staging}"')

    def _from_lake(self, sql: str, params: dict, shared: tuple[str, ...] = ()):
        """Rows of the client's stored parts, read in the change's transaction (or a cursor of its own
        outside one), with the named tables of `self.con` visible; as an Arrow table."""
        cur = self._cur or self.store.cursor()
        try:
            for name in shared:
                cur.register(name, self.con.execute(f"select * from {name}").to_arrow_table())
            return cur.execute(sql, params).to_arrow_table()
        finally:
            for name in shared:
                cur.unregister(name)
            if cur is not self._cur:
                cur.close()

    def _collect_keys(self, table_name: str, tables: list[LoadedTable], into: str) -> None:
        """The keys of stored parts are read from the lake."""
        stored = [self._parts[table] for table in tables if table in self._parts]
        if stored:
            keys = ", ".join(f'"{k}"' for k in KEYS[table_name])
            present = " and ".join(f'"{k}" is not null' for k in KEYS[table_name])
            rows = self._from_lake(
                f"select distinct {keys} from {self.schema}.parts_{table_name} "
                f"where _part in (select unnest($parts::integer[])) and {present}",
                {"parts": stored},
            )
            _copy(rows, self.con, into)
        super()._collect_keys(table_name, [table for table in tables if table not in self._parts], into)

    def _collect_flagged(self, into: str, tables: list[LoadedTable] | None = None) -> None:
        """Stored comment parts' flags are read from the lake."""
        tables = self.tables if tables is None else tables
        stored = [
            self._parts[table] for table in tables if table in self._parts and table.table == "comments"
        ]
        if stored:
            rows = self._from_lake(
                f"select distinct comment_id from {self.schema}.parts_comments "
                "where is_brand and comment_id is not null and _part in (select unnest($parts::integer[]))",
                {"parts": stored},
            )
            _copy(rows, self.con, into)
        super()._collect_flagged(into, [table for table in tables if table not in self._parts])

    def _collect_uidless(self, tables: list[LoadedTable], into: str) -> None:
        """Stored parts' rows are read from the lake."""
        stored = [self._parts[t] for t in tables if t in self._parts and t.table == "comments"]
        if stored:
            rows = self._from_lake(
                f"select distinct lower(member_handle) as handle from {self.schema}.parts_comments "
                "where member_uid is null and lower(member_handle) in (select handle from links) "
                "and _part in (select unnest($parts::integer[]))",
                {"parts": stored},
                ("links",),
            )
            _copy(rows, self.con, into)
        super()._collect_uidless([t for t in tables if t not in self._parts], into)

    def _rows_here(self, table: LoadedTable) -> bool:
        return table not in self._parts

    def _kept_database(self):
        return self._scratch

    def _kept_home(self):
        """During a change, `self.con` reads the scratch database the files' big tables are kept in."""
        return self._scratch if self._cur is not None else None

    def _scratch_cursor(self):
        """A change's scratch: the canonical tables, empty, in this workspace's scratch database."""
        con = self._scratch.cursor()
        con.execute(f'use "{self._scratch_name}"')
        for table in TABLES:
            con.execute(db.create_table_sql(table))
        return con

    def _forget_stored_rows(self) -> None:
        """Files and rows now stored are read from there (the lake, the kept original): their copy in
        memory goes."""
        for table in self._parts:
            if isinstance(table.data, KeptRows):
                table.data = pd.DataFrame(columns=table.data.column_names)
                table._frame = None
        for upload in self.uploads:
            upload.data = b""

    def _home(self):
        """During a change merged key by key, the lake (in the change's transaction); else this connection."""
        if self._cur is not None and not self._full:
            return self._cur, f"{self.schema}."
        return self.con, ""

    def _at_home(self, sql: str, shared: tuple[str, ...] = (), params=None, fetch: bool = False):
        home, prefix = self._home()
        if home is self.con:
            return super()._at_home(sql, shared, params, fetch)
        for name in shared:
            home.register(name, self.con.execute(f"select * from {name}").to_arrow_table())
        try:
            result = home.execute(sql.replace("{t}", prefix), params)
            return result.to_arrow_table() if fetch else None
        finally:
            for name in shared:
                home.unregister(name)

    def _publish(self, table_name: str) -> None:
        home, prefix = self._home()
        if home is not self.con:
            rows = self.con.execute(f'select * from "{table_name}"').to_arrow_table()
            _copy(rows, home, f"{prefix}{table_name}", replace=True)

    def _read(self, upload: Upload) -> None:
        """Re-reading a stored file reads its original (kept beside the lake); an empty file has no bytes to read."""
        if not upload.data and upload.digest != EMPTY_DIGEST:
            kept = self.store.originals(self.client_id) / upload.digest
            try:
                upload.data = kept.read_bytes()
            except OSError:
                raise ValueError(
                    _(
                        "{file} cannot be read again: its original is no longer in {folder}. "
                        "Remove it and upload it again to change it."
                    ).format(file=upload.name, folder=kept.parent)
                ) from None
        self._dirty.add(upload.digest)
        upload.path = self._on_disk(upload)
        # A change made again (another writer committed first) finds the files it already read.
        key = (upload.digest, upload.name, self._context(upload), json.dumps(self._memory(), sort_keys=True))
        if key in self._read_cache:
            upload.result = self._read_cache[key]
            return
        super()._read(upload)
        for table in upload.result.tables:
            table.account = table.account or _commented_account(table)
        self._read_cache[key] = upload.result

    def _read_first(self, files: Sequence[FileInput]) -> None:
        """Read an import's new files before its lake transaction begins, so that reading (most of an
        import's time) neither holds other sessions' imports back nor is done again when one commits first."""
        known = {upload.digest for upload in self.uploads}
        new: dict[str, Upload] = {}
        for name, data, *_rest in files:
            digest = digest_of(data)
            if digest not in known and digest not in new:
                new[digest] = Upload(name, data, 0, digest=digest)
        self._progress.files(list(new.values()))
        for upload in new.values():
            self._read(upload)

    def _keep_original(self, upload: Upload) -> None:
        """Keep the file as uploaded, named by its digest; written aside first, so two programs keeping
        the same file at once (or a kill mid-write) never leave half of it. A file written when it was
        read (`_on_disk`) is moved into place."""
        folder = self.store.originals(self.client_id)
        path = folder / upload.digest
        if path.exists():
            return
        incoming = self._incoming.pop(upload.digest, None)
        if incoming is not None:
            with contextlib.suppress(OSError):
                os.replace(incoming, path)
                return
        folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=folder, prefix=f".{upload.digest[:12]}.", suffix=".partial")
        with os.fdopen(handle, "wb") as file:
            file.write(upload.data)
        os.replace(partial, path)

    def _on_disk(self, upload: Upload) -> str | None:
        """The file as a file, for DuckDB to read a big CSV where it is: its kept original, else written
        beside the originals now, kept (moved into place) only if the change stores it (`_drop_incoming`
        deletes it otherwise: a file held back or not imported leaves nothing behind)."""
        folder = self.store.originals(self.client_id)
        kept = folder / upload.digest
        if kept.exists():
            return str(kept)
        if upload.digest not in self._incoming:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                handle, partial = tempfile.mkstemp(
                    dir=folder, prefix=f".{upload.digest[:12]}.", suffix=".incoming"
                )
                with os.fdopen(handle, "wb") as file:
                    file.write(upload.data)
            except OSError:
                return None  # no room: read from memory (written aside by the reader, or by Python)
            self._incoming[upload.digest] = partial
        return self._incoming[upload.digest]

    def _drop_incoming(self) -> None:
        """Delete the files written when read that no change stored."""
        for partial in self._incoming.values():
            with contextlib.suppress(OSError):
                os.unlink(partial)
        self._incoming.clear()

    def _other_accounts(self, uploads: list[Upload]) -> list[Upload]:
        """The uploads whose tables name a TikTok account other than the client's; recorded in `held`."""
        account = self.account or self._batch_account(uploads)
        if not account:
            return []
        clients = self.store.clients()
        others = []
        for upload in uploads:
            named = {t.account for t in upload.result.tables if t.account}
            foreign = sorted(named - {account})
            if foreign and account not in named:
                owner = clients[(clients["account"] == foreign[0]) & (clients["client_id"] != self.client_id)]
                self.held.append(
                    AccountMismatch(
                        upload.name,
                        foreign[0],
                        account,
                        owner["client_id"].iloc[0] if len(owner) else None,
                        upload.data,
                    )
                )
                others.append(upload)
        return others

    def _batch_account(self, uploads: list[Upload]) -> str | None:
        """For a client's first import: the account most of its tables name (None when they do not say).

        TikTok Studio's files name the account they were downloaded from; comments only name whose
        videos they are on (a competitor's, sometimes), so they count only when no Studio file names one.
        """
        tables = [t for u in uploads for t in u.result.tables if t.account]
        studio = [t.account for t in tables if t.table != "comments"]
        named = pd.Series(studio or [t.account for t in tables])
        return named.value_counts().index[0] if len(named) else None

    def _stored_version(self, cur=None) -> str | None:
        """The stamp every change leaves on the client (a new one each time), read cheaply."""
        own = cur is None
        cur = cur or self.store.cursor()
        try:
            row = cur.execute(f"select value from {self.schema}.meta_state where name = 'version'").fetchone()
        finally:
            if own:
                cur.close()
        return row[0] if row else None

    def _next_id(self, table: str, column: str) -> int:
        cur = self._cur or self.store.cursor()
        value = db.scalar(cur, f"select coalesce(max({column}), 0) + 1 from {self.schema}.{table}")
        return int(value)


def _clear_scratch(con) -> None:
    """Free what a change merged in the scratch (its tables), keeping the files' kept rows; closes `con`."""
    try:
        names = con.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' and database_name = current_database()"
        ).fetchall()
        for (name,) in names:
            con.execute(f'drop table if exists main."{name}"')
    finally:
        con.close()


def _commented_account(table: LoadedTable) -> str | None:
    """Whose videos a comment file is about: the account most of its video links name."""
    if table.table != "comments" or not table.rows:
        return None
    rows = table.duckdb_rows
    if "video_url" not in column_names(rows):
        return None
    if isinstance(rows, KeptRows):  # each distinct link once, in the order the file first has it
        links = rows.query(
            "select video_url, count(*) from {rows} where video_url is not null group by video_url order by min(_row)"
        ).fetchall()
    else:
        counts = rows["video_url"].dropna().value_counts(sort=False)
        links = list(zip(counts.index, counts.tolist(), strict=True))
    return url_account(links)


def _pause_for_tests() -> None:
    """Tests only: wait COMMUNITYLENS_TEST_PAUSE seconds between writing a change and committing it.

    Lets a test kill the process while the change's Parquet files are written but not committed,
    every time. Unset (always, outside tests), this does nothing.
    """
    pause = os.environ.get("COMMUNITYLENS_TEST_PAUSE")
    if pause:
        print("COMMUNITYLENS_TEST_PAUSE: written, not committed", file=sys.stderr, flush=True)
        time.sleep(float(pause))


def _claim(cur, schema: str) -> None:
    """Make this change collide with any other change of the same client committed since it began.

    DuckLake settles two commits at once by itself when neither deleted anything, and a new client's
    tables are empty, so the merged tables' replacement deletes nothing: two imports made at once would
    both land, each merged without the other's files, and a day or comment in both would be counted
    twice. Rewriting the client's one version row is a delete in every change, so DuckLake reports a
    conflict instead, and `lake.retrying` makes the later change again on top of the first.
    """
    cur.execute(f"update {schema}.meta_version set version = version + 1")


def _copy(rows, con, table: str, replace: bool = False) -> None:
    """Append Arrow `rows` to `table` on `con` (emptied first when `replace`): data between connections."""
    con.register("incoming_rows", rows)
    try:
        if replace:
            con.execute(f"delete from {table}")
        con.execute(f"insert into {table} select * from incoming_rows")
    finally:
        con.unregister("incoming_rows")


def _stored_table(row) -> LoadedTable:
    year = (
        YearSource(
            row.year_kind,
            _kept(row.year_words),
            _kept(row.year_label),
            None if pd.isna(row.year_lender) else row.year_lender,
        )
        if isinstance(row.year_kind, str)
        else None
    )
    return LoadedTable(
        file=row.file,
        source=row.source,
        kind=row.kind,
        data=pd.DataFrame(),
        warnings=[from_json(warning) for warning in json.loads(row.warnings or "[]")],
        download_date=_day(row.download_date),
        mapping=json.loads(row.mapping or "{}"),
        mapped_by_hand=bool(row.mapped_by_hand),
        year_source=year,
        account=None if pd.isna(row.account) else row.account,
        known_rows=int(row.rows),
        known_range=(_day(row.start_date), _day(row.end_date)),
    )


def _day(value) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


EMPTY_DIGEST = digest_of(b"")  # an empty upload: nothing to read again, its problem says so


def _names(names: list[str]) -> str:
    if len(names) <= 3:
        return ", ".join(names)
    return Said.ngettext(
        "{files} and {count} other file",
        "{files} and {count} other files",
        len(names) - 3,
        files=", ".join(names[:3]),
        count=len(names) - 3,
    )


def _keep(sentence: str) -> str:
    """A sentence as the store keeps it in a text column: its message and values (JSON), to word when shown."""
    return keep(sentence)


def _kept(text: object) -> Any:
    """A sentence read back from a text column (one kept as plain words, before, as it is)."""
    return kept(text)


def _io(text: str):
    from io import StringIO

    return StringIO(text)
