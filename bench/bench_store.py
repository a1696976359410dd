"""How fast does a stored client with a year of daily stats and a million comments open, import and undo?

Writes, seeded, what an agency keeps for one client over a year: seven overlapping 60-day TikTok
Studio Overview exports covering 365 days and the Content export downloaded with each (the real
layouts: BOM, every field quoted, year-less dates, `Overview_<first day>_<epoch>_<handle>` names),
plus one Apify all-fields comment CSV of each size (bench_ingest.py's generator). Then, each in a
fresh subprocess so its peak memory (VmHWM) is its own, the fastest of --repeat runs:

- import: a new client in an empty store gets the daily files (one import), then the comments
  (`ClientWorkspace.add_files`, one DuckLake transaction: parse, merge, write Parquet, commit);
- read_csv: a bare DuckDB `create table ... as select * from read_csv(...)` of the same CSV, in memory;
- ducklake: the same `read_csv` into a table of a bare DuckLake (SQLite catalog, Parquet files),
  the storage cost alone, without the app's recognition and merge;
- open: the client stored by `import`, opened as a session opens it (`Store.open`, the store
  itself being opened once per app server), then what the Overview page computes first
  (`default_period`, "Last 90 days", `account_kpis`, `daily_trend`) and the Members tiers
  (`comment_date_range`, `member_stats`, `member_tiers`);
- session: today's in-session load of the same files (`Workspace().add_files`), then the same calls;
- second: into a client stored as `import` stores it, a second import of SECOND comments (new ones,
  then ones the client already has, each field from the newer file), then its removal
  (`remove_import`), each merged the old way (every table from every file, rewritten whole) and
  key by key (`Workspace.incremental`), alternately, in one process;
- undo: `ClientWorkspace.undo()` of the comments import, in each store `import` left behind.

Every implementation must end with the same number of comments. Prints a table and writes it,
with the raw figures, to bench/results/store.txt and store.json.

    python bench/bench_store.py --sizes 100000,1000000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ingest import generate as generate_comments  # noqa: E402

RESULTS = ROOT / "bench" / "results"
HANDLE = "brand"  # the account of bench_ingest's comment links (`@brand/video/...`)
LAST_DAY = date(2026, 4, 6)  # the comments' last day: the year of daily stats ends with them
DAYS, WINDOW, FILES = 365, 60, 7  # seven 60-day files, about 51 days apart, cover the 365 days
TODAY = date(2026, 4, 8)
SECOND = 10_000  # the comments of the second import
OVERVIEW_HEADER = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
CONTENT_HEADER = [
    "Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views",
]  # fmt: skip
CAPTIONS = [
    "Cà phê sữa đá ☕ #phin #coffee",
    "Behind the bar, 6am",
    "",
    "Nouveau: cold brew 🇫🇷 #paris",
    "Q&A, part 2",
]


def _csv(rows: list[list[str]]) -> bytes:
    """TikTok Studio's bytes: UTF-8 with BOM, every field quoted, `\\n`, no newline after the last row."""
    lines = [",".join('"' + str(value).replace('"', '""') + '"' for value in row) for row in rows]
    return "\ufeff".encode() + "\n".join(lines).encode()


def _month_day(day: date) -> str:
    return f"{day:%B} {day.day}"  # en-US, no year: "April 8"


def daily_files(seed: int = 42) -> list[tuple[str, bytes]]:
    """Seven Overview exports of 60 days covering the year to LAST_DAY, each with its Content export."""
    rng = np.random.default_rng(seed)
    first_day = LAST_DAY - timedelta(days=DAYS - 1)
    views = (8_000 * np.exp(np.cumsum(rng.normal(0, 0.05, DAYS)))).astype(int)
    files = []
    for index in range(FILES):
        offset = round(index * (DAYS - WINDOW) / (FILES - 1))
        start = first_day + timedelta(days=offset)
        days = [start + timedelta(days=i) for i in range(WINDOW)]
        downloaded = datetime.combine(days[-1] + timedelta(days=1), datetime.min.time(), UTC)
        epoch = int((downloaded + timedelta(hours=9)).timestamp())
        rows = [OVERVIEW_HEADER]
        for i, day in enumerate(days):
            v = int(views[offset + i])
            likes = int(v * rng.uniform(0.02, 0.06))
            rows.append([_month_day(day), v, v // 400, likes, int(likes * 0.08) - 1, likes // 20])
        files.append((f"Overview_{start:%Y-%m-%d}_{epoch}_{HANDLE}.csv", _csv(rows)))
        # The videos posted in the window, their id carrying the post time; lifetime totals on download day.
        rows = [CONTENT_HEADER]
        for video in range(12):
            posted = downloaded - timedelta(days=float(rng.uniform(1, WINDOW)))
            video_id = (int(posted.timestamp()) << 32) | int(rng.integers(0, 2**31))
            total = int(rng.integers(1_000, 200_000))
            rows.append(
                [_month_day(days[-1] + timedelta(days=1)), CAPTIONS[video % len(CAPTIONS)],
                 f"https://www.tiktok.com/@{HANDLE}/video/{video_id}", _month_day(posted.date()),
                 total // 30, total // 400, total // 900, total]
            )  # fmt: skip
        name = f"Content_{HANDLE}.csv" if index == 0 else f"Content_{HANDLE} ({index}).csv"
        files.append((name, _csv(rows)))
    return files


# Children: each measurement in its own process ---------------------------------------------


def peak_mb() -> float:
    """This process's peak resident memory since it started.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent's memory at exec (the parent
    that generated a million comments would set every child's floor); VmHWM starts afresh.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB, where /proc is missing


def first_chart(ws) -> None:
    """What the Overview page computes before its first chart: the period, the tiles, the daily trend."""
    from analytics.overview import Period, account_kpis, daily_trend, default_period, shift

    span = default_period(ws.con)
    period = Period(max(span.start, shift(span.end, -89)), span.end)  # the sidebar's default, "Last 90 days"
    kpis = account_kpis(ws.con, period)
    trend = daily_trend(ws.con, period)
    assert kpis["value"].notna().any() and trend["video_views"].notna().sum() == 90, "no daily numbers"


def member_tiers_now(ws) -> int:
    """What the Members page computes for its tiers: the as-of day, the stats, the tiers."""
    from analytics.members import member_stats, member_tiers
    from analytics.segments import comment_date_range

    _, newest_day = comment_date_range(ws.con)
    return len(member_tiers(member_stats(ws.con, as_of=newest_day)))


def comments_in(con) -> int:
    return con.execute("select count(*) from comments").fetchone()[0]


class Laps:
    """Named laps, each the fastest of its runs: wall seconds, and CPU seconds (all threads) beside them.

    On a shared machine the wall clock includes waiting for a core; the CPU time is the work itself.
    """

    def __init__(self) -> None:
        self.best: dict[str, tuple[float, float]] = {}
        self._starts: dict[str, tuple[float, float]] = {}
        self.lap()

    def lap(self, name: str | None = None, since: str | None = None) -> None:
        """End the lap `name` (None: start one); `since`: measured from the start of that earlier lap."""
        now = (time.perf_counter(), time.process_time())
        if name:
            start = self._starts[since] if since else self._last
            took = (now[0] - start[0], now[1] - start[1])
            self.best[name] = min(self.best.get(name, took), took)
            self._starts[name] = self._last
        self._last = now

    def figures(self) -> dict:
        return {
            f"{name}_{unit}": value[i]
            for name, value in self.best.items()
            for i, unit in ((0, "s"), (1, "cpu"))
        }


def child_import(comments: Path, homes: list[Path]) -> dict:
    """Per store: a new client, the daily files, then the timed comments import."""
    from analytics.store import open_store

    data = (comments.name, comments.read_bytes())
    laps, rows = Laps(), 0
    for home in homes:
        shutil.rmtree(home, ignore_errors=True)
        store = open_store(home=home)
        ws = store.open(store.create_client("Phin & Co."), today=TODAY)
        laps.lap()
        ws.add_files(daily_files(), who="bench")
        laps.lap("daily")
        ws.add_files([data], who="bench")
        laps.lap("import")
        assert not ws.held and not ws.skipped, ws.held or ws.skipped
        rows = comments_in(ws.con)
        store.close()
    return {**laps.figures(), "rows": rows, "peak_mb": peak_mb()}


def child_read_csv(comments: Path, repeat: int) -> dict:
    import duckdb

    laps, rows = Laps(), 0
    for _ in range(repeat):
        con = duckdb.connect()
        laps.lap()
        con.execute("create table comments as select * from read_csv(?)", [str(comments)])
        laps.lap("import")
        rows = comments_in(con)
        con.close()
    return {**laps.figures(), "rows": rows, "peak_mb": peak_mb()}


def child_ducklake(comments: Path, homes: list[Path]) -> dict:
    from analytics.store import lake

    laps, rows = Laps(), 0
    for home in (home.with_name(home.name + "_bare") for home in homes):  # the client's stores stay
        shutil.rmtree(home, ignore_errors=True)
        con = lake.connect(lake.settings(folder=home))
        laps.lap()
        con.execute(f"create table {lake.LAKE}.comments as select * from read_csv(?)", [str(comments)])
        laps.lap("import")
        rows = con.execute(f"select count(*) from {lake.LAKE}.comments").fetchone()[0]
        con.close()
        shutil.rmtree(home, ignore_errors=True)
    return {**laps.figures(), "rows": rows, "peak_mb": peak_mb()}


def child_open(home: Path, repeat: int) -> dict:
    """The store opened once (as an app server does), then `repeat` sessions opening the client."""
    from analytics.store import open_store

    laps = Laps()
    store = open_store(home=home)
    client_id = store.clients()["client_id"].iloc[0]
    laps.lap("store")
    for _ in range(repeat):
        laps.lap()
        ws = store.open(client_id, today=TODAY)
        laps.lap("open")
        first_chart(ws)
        laps.lap("chart", since="open")  # from the click that opens the client to the Overview's numbers
        members = member_tiers_now(ws)
        laps.lap("members")
        rows = comments_in(ws.con)
        ws.con.close()
    return {**laps.figures(), "members": members, "rows": rows, "peak_mb": peak_mb()}


def child_session(comments: Path, repeat: int) -> dict:
    from analytics.workspace import Workspace

    files = daily_files() + [(comments.name, comments.read_bytes())]
    laps = Laps()
    for _ in range(repeat):
        laps.lap()
        ws = Workspace(today=TODAY, remember_mappings=False)
        ws.add_files(files)
        laps.lap("open")
        first_chart(ws)
        laps.lap("chart", since="open")
        members = member_tiers_now(ws)
        laps.lap("members")
        rows = comments_in(ws.con)
        ws.con.close()
    return {**laps.figures(), "members": members, "rows": rows, "peak_mb": peak_mb()}


def child_undo(homes: list[Path]) -> dict:
    from analytics.store import open_store

    laps, words, rows = Laps(), None, None
    for home in homes:
        store = open_store(home=home)
        ws = store.open(store.clients()["client_id"].iloc[0], today=TODAY)
        laps.lap()
        words = ws.undo()
        laps.lap("undo")
        rows = comments_in(ws.con)
        assert rows == 0 and ws.has("daily_stats"), "undo did not leave the daily files alone"
        store.close()
    return {**laps.figures(), "undone": words, "rows": rows, "peak_mb": peak_mb()}


def second_file(scenario: str, folder: Path) -> tuple[str, bytes]:
    """SECOND comments in the same layout, on the same videos, by the same (Zipf-drawn) members: "new"
    ones (ids the client does not have) or "overlapping" ones (the ids of its first comments, newer)."""
    import pandas as pd

    path = folder / f"second_{scenario}.csv"
    generate_comments(SECOND, path, seed=7 if scenario == "new" else 8)
    if scenario == "new":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame["cid"] = (frame["cid"].astype("int64") + 10**12).astype(str)
        frame.to_csv(path, index=False)
    return f"comments_{scenario}.csv", path.read_bytes()


def child_second(comments: Path, homes: list[Path], repeat: int) -> dict:
    """A second import into the stored client, and its removal, merged whole (before) and key by key (after)."""
    from analytics.store import open_store
    from analytics.workspace import Workspace

    home = homes[0].with_name(homes[0].name + "_second")  # the stores `import` left are for `open` and `undo`
    shutil.rmtree(home, ignore_errors=True)
    store = open_store(home=home)
    ws = store.open(store.create_client("Phin & Co."), today=TODAY)
    ws.add_files(daily_files(), who="bench")
    ws.add_files([(comments.name, comments.read_bytes())], who="bench")
    files = {scenario: second_file(scenario, home) for scenario in ("new", "overlapping")}
    rows = comments_in(ws.con)
    laps = Laps()
    for _ in range(repeat):
        for scenario, data in files.items():
            for mode, incremental in (("before", False), ("after", True)):
                Workspace.incremental = incremental
                laps.lap()
                ws.add_files([data], who="bench")
                laps.lap(f"{scenario}_{mode}_import")
                assert comments_in(ws.con) == rows + (SECOND if scenario == "new" else 0), scenario
                import_id = int(ws.imports()["import_id"].max())
                laps.lap()
                ws.remove_import(import_id)
                laps.lap(f"{scenario}_{mode}_removal")
                assert comments_in(ws.con) == rows, f"{scenario}: the removal left {comments_in(ws.con)}"
    Workspace.incremental = True
    store.close()
    shutil.rmtree(home, ignore_errors=True)
    return {**laps.figures(), "rows": rows, "peak_mb": peak_mb()}


def child(kind: str, comments: Path, homes: list[Path], repeat: int) -> dict:
    if kind == "import":
        return child_import(comments, homes)
    if kind == "read_csv":
        return child_read_csv(comments, repeat)
    if kind == "ducklake":
        return child_ducklake(comments, homes)
    if kind == "open":
        return child_open(homes[0], repeat)
    if kind == "session":
        return child_session(comments, repeat)
    if kind == "second":
        return child_second(comments, homes, repeat)
    return child_undo(homes)


def measure(kind: str, comments: Path, homes: list[Path], repeat: int) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        kind,
        "--comments",
        str(comments),
        "--repeat",
        str(repeat),
    ]
    for home in homes:
        command += ["--home", str(home)]
    environment = {**os.environ, "COMMUNITYLENS_HOME": str(homes[0].parent / "prefs")}
    for name in ("COMMUNITYLENS_LAKE", "COMMUNITYLENS_LAKE_DATA", "COMMUNITYLENS_ORIGINALS"):
        environment.pop(name, None)  # each store where --home says, never the marketer's own
    finished = subprocess.run(command, capture_output=True, text=True, env=environment)
    if finished.returncode:
        raise SystemExit(f"{kind} failed:\n{finished.stderr[-3000:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated numbers of comments")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest is shown")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--comments", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, action="append", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(child(options.child, options.comments, options.home, options.repeat)))
        return

    RESULTS.mkdir(parents=True, exist_ok=True)
    work = RESULTS / "store_work"
    lines, raw = [], {}

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    say(
        f"A client with {DAYS} days of Overview ({len(daily_files()) // 2} overlapping {WINDOW}-day files "
        f"+ their Content files) and N comments (Apify CSV); fastest of {options.repeat}, peak RSS per process."
    )
    say(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start: the CPU seconds are the work itself."
    )
    for size in (int(value) for value in options.sizes.split(",")):
        comments = RESULTS / f"comments_{size}.csv"
        if not comments.exists():
            generate_comments(size, comments)
        homes = [work / f"store_{size}_{run}" for run in range(options.repeat)]
        results = {}
        for kind in ("import", "read_csv", "ducklake", "session", "open", "second", "undo"):
            results[kind] = measure(kind, comments, homes, options.repeat)
            print(f"  {size:,} {kind}: {json.dumps(results[kind])}", flush=True)
        counts = {
            kind: results[kind]["rows"]
            for kind in ("import", "read_csv", "ducklake", "session", "open", "second")
        }
        assert len(set(counts.values())) == 1, f"the comment counts differ: {counts}"
        raw[size] = results
        imported, bare, lake_only = results["import"], results["read_csv"], results["ducklake"]
        opened, session = results["open"], results["session"]
        size_mb = comments.stat().st_size / 1e6
        undo = results["undo"]
        say()
        say(f"{size:,} comments ({size_mb:.0f} MB CSV), {opened['members']:,} members")
        say(
            f"  {'open the client':<36} {'stored s':>9} {'session s':>9} {'ratio':>6}  {'CPU s stored / session':>22}"
        )
        for label, key in (
            ("to the Overview's first chart data", "chart"),
            ("then to the Members tiers", "members"),
        ):
            stored, fresh = opened[f"{key}_s"], session[f"{key}_s"]
            cpu = f"{opened[f'{key}_cpu']:.2f} / {session[f'{key}_cpu']:.2f}"
            say(f"  {label:<36} {stored:>9.2f} {fresh:>9.2f} {fresh / stored:>5.1f}x  {cpu:>22}")
        say(f"  {'peak memory (MB)':<36} {opened['peak_mb']:>9.0f} {session['peak_mb']:>9.0f}")
        say(
            f"  stored: the client read from the lake in {opened['open_s']:.2f} s of that "
            f"(the store itself opened once per app server: {opened['store_s']:.2f} s)"
        )
        say(f"  {'import the comments':<36} {'seconds':>9} {'CPU s':>9} {'vs read_csv':>11} {'peak MB':>8}")
        for label, result in (
            ("into the store (ws.add_files)", imported),
            ("bare DuckDB read_csv into a table", bare),
            ("bare read_csv into a DuckLake table", lake_only),
        ):
            ratio = result["import_s"] / bare["import_s"]
            say(
                f"  {label:<36} {result['import_s']:>9.2f} {result['import_cpu']:>9.2f} "
                f"{ratio:>10.1f}x {result['peak_mb']:>8.0f}"
            )
        say(f"  undo of that import (ws.undo): {undo['undo_s']:.2f} s, {undo['undo_cpu']:.2f} CPU s")
        second = results["second"]
        say(
            f"  {f'then {SECOND:,} more comments':<36} {'before s':>9} {'after s':>9} {'ratio':>6}  "
            f"{'CPU s before / after':>22}"
        )
        for scenario, words in (("new", "new"), ("overlapping", "already stored")):
            for change in ("import", "removal"):
                label = f"{change} of {SECOND:,} {words}"
                old, new = second[f"{scenario}_before_{change}_s"], second[f"{scenario}_after_{change}_s"]
                cpu = f"{second[f'{scenario}_before_{change}_cpu']:.2f} / {second[f'{scenario}_after_{change}_cpu']:.2f}"
                say(f"  {label:<36} {old:>9.2f} {new:>9.2f} {old / new:>5.1f}x  {cpu:>22}")
        say("  (before: every table merged from every file and rewritten whole; after: key by key)")
    say(f"load average {os.getloadavg()[0]:.1f} at the end")
    shutil.rmtree(work, ignore_errors=True)
    (RESULTS / "store.txt").write_text("\n".join(lines) + "\n")
    (RESULTS / "store.json").write_text(json.dumps(raw, indent=1, default=str))


if __name__ == "__main__":
    main()
