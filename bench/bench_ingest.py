"""How fast, and in how much memory, does a large comment export load?

Writes a seeded Apify-style all-fields CSV (the most common comment export) of each size,
then, each in a fresh subprocess so its peak memory (VmHWM) is its own:

- app: `Workspace.add_files` — read, recognise, canonicalise, merge into DuckDB, as an upload does;
- pandas: the plain-pandas baseline — `read_csv` with string ids, parse the times, drop
  duplicates by comment id (what anyone would write by hand, without recognition or checks);
- duckdb: the floor — a bare DuckDB `read_csv` of the file into a table, every column text
  (what the issue's goal is measured against: the app's import ≤ 1.5× this).

All must end with the same number of comments. Prints a table, with each implementation's time as a
multiple of the bare DuckDB read (`× duckdb`); the fastest of --repeat runs.

    python bench/bench_ingest.py --sizes 100000,1000000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
HEADER = [
    "avatarThumbnail", "cid", "createTime", "createTimeISO", "diggCount", "input", "likedByAuthor", "pinnedByAuthor",
    "repliesToId", "replyCommentTotal", "submittedVideoUrl", "text", "uid", "uniqueId", "videoWebUrl",
]  # fmt: skip


def generate(size: int, path: Path, seed: int = 42) -> None:
    """`size` seeded comments on 500 videos by size/10 members, in Apify's all-fields CSV layout."""
    rng = np.random.default_rng(seed)
    created = 1_760_000_000 + rng.integers(0, 180 * 86_400, size)
    videos = 7_500_000_000_000_000_000 + rng.integers(0, 500, size)
    members = rng.zipf(1.6, size) % max(size // 10, 1)
    url = pd.Series(videos).map(lambda video: f"https://www.tiktok.com/@brand/video/{video}")
    frame = pd.DataFrame(
        {
            "avatarThumbnail": "https://example.com/a.jpg",
            "cid": (7_600_000_000_000_000_000 + np.arange(size)).astype(str),
            "createTime": created,
            "createTimeISO": pd.to_datetime(created, unit="s").strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "diggCount": rng.integers(0, 50, size),
            "input": url,
            "likedByAuthor": rng.random(size) < 0.1,
            "pinnedByAuthor": False,
            "repliesToId": "",
            "replyCommentTotal": 0,
            "submittedVideoUrl": url,
            "text": rng.choice(
                ["ngon quá ☕", "c'est où à Paris ?", "love this!!", "ship chậm quá", "trop cher"], size
            ),
            "uid": (6_700_000_000_000_000_000 + members).astype(str),
            "uniqueId": pd.Series(members).map(lambda member: f"member.{member}"),
            "videoWebUrl": url,
        }
    )[HEADER]
    frame.to_csv(path, index=False)


def run_app(path: Path) -> int:
    from analytics.workspace import Workspace

    workspace = Workspace(remember_mappings=False)
    workspace.add_files([(path.name, path.read_bytes())])
    return workspace.con.execute("select count(*) from comments").fetchone()[0]


def run_pandas(path: Path) -> int:
    frame = pd.read_csv(path, dtype={"cid": str, "uid": str, "repliesToId": str})
    frame["commented_at"] = pd.to_datetime(frame["createTimeISO"], utc=True)
    return len(frame.drop_duplicates("cid"))


def run_duckdb(path: Path) -> int:
    import duckdb

    con = duckdb.connect()
    con.execute("create table t as select * from read_csv(?, all_varchar = true)", [str(path)])
    return con.execute("select count(distinct cid) from t").fetchone()[0]


def peak_rss_mb() -> float:
    """This process's peak memory: VmHWM, since Linux carries ru_maxrss over from the parent at exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(implementation: str, path: Path, repeat: int) -> None:
    run = {"app": run_app, "pandas": run_pandas, "duckdb": run_duckdb}[implementation]
    best, rows = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = run(path)
        best = min(best, time.perf_counter() - started)
    peak_mb = peak_rss_mb()
    print(json.dumps({"seconds": best, "rows": rows, "peak_mb": peak_mb}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("IMPLEMENTATION", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), args.repeat)
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    print(
        f"{'comments':>10} {'impl':>7} {'seconds':>8} {'× duckdb':>8} {'rows':>10} {'peak MB':>8} {'MB file':>8}"
    )
    for size in (int(value) for value in args.sizes.split(",")):
        path = RESULTS / f"comments_{size}.csv"
        if not path.exists():
            generate(size, path)
        counts, results = {}, {}
        for implementation in ("duckdb", "app", "pandas"):
            output = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--repeat",
                    str(args.repeat),
                    "--child",
                    implementation,
                    str(path),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            result = results[implementation] = json.loads(output.strip().splitlines()[-1])
            counts[implementation] = result["rows"]
            file_mb = path.stat().st_size / 1e6
            ratio = result["seconds"] / results["duckdb"]["seconds"]
            print(
                f"{size:>10,} {implementation:>7} {result['seconds']:>8.2f} {ratio:>7.2f}× {result['rows']:>10,} "
                f"{result['peak_mb']:>8.0f} {file_mb:>8.0f}"
            )
        assert counts["app"] == counts["pandas"] == counts["duckdb"], (
            f"the app loaded {counts['app']:,} comments, pandas {counts['pandas']:,}, duckdb {counts['duckdb']:,}"
        )


if __name__ == "__main__":
    main()
