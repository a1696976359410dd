"""Where the client store lives, and the one DuckDB connection that holds it open.

The store is a DuckLake lake: a catalog database (which tables exist, which Parquet files hold
their rows, one snapshot per change) plus a folder of Parquet files. Three settings choose it:

- `COMMUNITYLENS_HOME` (default `~/.communitylens`): the app's folder.
- `COMMUNITYLENS_LAKE`: the catalog. Default `sqlite:<home>/lake/catalog.sqlite`, a SQLite file
  that several local processes can use at once (the app and a scheduled command-line deck).
  `postgres:<libpq connection string>` is the catalog of a team sharing one lake from several
  machines; `duckdb:<path>` is a DuckDB file, for one process only.
- `COMMUNITYLENS_LAKE_DATA` (default `<home>/lake/data/`): the folder (or object-store prefix)
  of the Parquet files.

DuckDB cannot download extensions here: DuckLake, SQLite and PostgreSQL come from the pip packages
`duckdb-extension-*` (pinned with duckdb in requirements.txt) and are installed from their files.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import duckdb

T = TypeVar("T")

LAKE = "lake"  # the name the lake is attached as
# Conflicts between two writers committing at once: the loser starts its transaction again.
RETRIES = 8
# PostgreSQL words the race as a duplicate key: the next snapshot's id once DuckLake's own retries are
# used up ("Failed to commit DuckLake transaction"), or a catalog table two first starts both create
# (or as that table already existing, when the other start committed it first).
_CONFLICT = re.compile(
    r"conflict|database is locked|busy|could not serialize|deadlock"
    r"|duplicate key value violates unique constraint|Failed to commit DuckLake transaction"
    r'|relation "ducklake_\w+" already exists',  # the catalog's first start, made by another at once
    re.IGNORECASE,
)


def home() -> Path:
    return Path(os.environ.get("COMMUNITYLENS_HOME") or Path.home() / ".communitylens")


@dataclass(frozen=True)
class LakeSettings:
    catalog: str  # "sqlite:<path>", "postgres:<conninfo>" or "duckdb:<path>"
    data_path: str
    originals: Path  # the uploaded files as they came, one folder per client

    @property
    def kind(self) -> str:
        return self.catalog.split(":", 1)[0]

    @property
    def is_local(self) -> bool:
        return "://" not in self.data_path

    def describe(self) -> str:
        """The catalog in words, without a password."""
        if self.kind == "postgres":
            return "a PostgreSQL catalog (" + re.sub(r"password=\S+", "password=…", self.catalog[9:]) + ")"
        return f"{self.catalog.split(':', 1)[1]}"


def settings(
    lake: str | None = None, data_path: str | None = None, folder: Path | None = None
) -> LakeSettings:
    """The store's settings: arguments first, then the environment, then the defaults under home."""
    base = folder or home()
    catalog = lake or os.environ.get("COMMUNITYLENS_LAKE") or f"sqlite:{base / 'lake' / 'catalog.sqlite'}"
    if catalog.split(":", 1)[0] not in ("sqlite", "postgres", "duckdb"):
        raise ValueError(
            f"COMMUNITYLENS_LAKE={catalog!r} is not a catalog we know: "
            "expected sqlite:<file>, postgres:<connection string> or duckdb:<file>."
        )
    data = data_path or os.environ.get("COMMUNITYLENS_LAKE_DATA") or str(base / "lake" / "data")
    originals = Path(os.environ.get("COMMUNITYLENS_ORIGINALS") or base / "originals")
    return LakeSettings(catalog, data.rstrip("/") + "/", originals)


def _extension(name: str) -> str:
    """The extension file the pip package `duckdb-extension-<name>` carries for this duckdb."""
    import importlib.util

    spec = importlib.util.find_spec(f"duckdb_extension_{name}")
    found = []
    for location in (spec.submodule_search_locations or []) if spec else []:
        found += glob.glob(f"{location}/extensions/v{duckdb.__version__}/{name}.duckdb_extension")
    if not found:
        raise RuntimeError(
            f"The DuckDB extension '{name}' for duckdb {duckdb.__version__} is missing: "
            f"run `pip install -r requirements.txt` (it installs duckdb-extension-{name})."
        )
    return found[0]


def connect(lake_settings: LakeSettings) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the lake attached as `lake` (created on first use)."""
    con = duckdb.connect(":memory:")
    con.execute("set enable_progress_bar = false")
    needed = ["ducklake"] + ([lake_settings.kind] if lake_settings.kind in ("sqlite", "postgres") else [])
    for name in needed:
        con.execute(f"install '{_extension(name)}'")
        con.execute(f"load {name}")
    kind, target = lake_settings.catalog.split(":", 1)
    if kind in ("sqlite", "duckdb"):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite" and not Path(target).exists():
        _write_ahead_log(Path(target))
    if lake_settings.is_local:
        Path(lake_settings.data_path).mkdir(parents=True, exist_ok=True)
    location = f"ducklake:{kind}:{target}" if kind != "duckdb" else f"ducklake:{target}"
    # ATTACH takes no parameters: the two settings are quoted as SQL literals.
    attach = f"attach {_literal(location)} as {LAKE} (data_path {_literal(lake_settings.data_path)})"
    retrying(lambda: con.execute(attach))
    return con


def _write_ahead_log(path: Path) -> None:
    """Create a SQLite catalog in WAL mode (kept in the file), so a session reading never blocks a commit.

    In SQLite's default mode a reader holds a lock until its statement is done with, and a writer
    waits for every reader: a page that has read a client would stop any import ("database is
    locked"). With a write-ahead log readers and one writer go on at once. Only a new file is touched:
    Python's own SQLite closing a file that DuckDB's SQLite has open in this process would drop its locks.
    """
    import sqlite3

    with contextlib.closing(sqlite3.connect(path, timeout=30)) as catalog:
        catalog.execute("pragma journal_mode = wal")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def is_conflict(error: Exception) -> bool:
    return isinstance(error, duckdb.Error) and bool(_CONFLICT.search(str(error)))


# One write to the lake at a time per program (an app server's sessions): with the SQLite catalog, a
# transaction that another commit overtook must be made again from the start, so two sessions saving
# at once would each redo their work. An import reads its files before it writes
# (`ClientWorkspace._read_first`), so sessions still read at the same time.
WRITING = threading.RLock()


def retrying(action: Callable[[], T], on_conflict: Callable[[], None] | None = None) -> T:
    """Run `action` (a write), one at a time in this program; when another program won a race for the
    catalog, roll back and run it again."""
    with WRITING:
        return _retrying(action, on_conflict)


def _retrying(action: Callable[[], T], on_conflict: Callable[[], None] | None) -> T:
    for attempt in range(RETRIES):
        try:
            return action()
        except duckdb.Error as error:
            if not is_conflict(error) or attempt == RETRIES - 1:
                raise
            if on_conflict:
                on_conflict()
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")
