"""How fast, and in how much memory, are member stats and tiers for 1 and 10 million comments?

Two parts (`--only queries` or `--only processes` runs one).

Whole processes, as a marketer's analyst would compare them: on an Apify all-fields comment CSV
of each of `--whole-sizes` (bench_ingest.py's seeded generator), each run as its own fresh process,
timed from its start to its exit and with its own peak memory (VmHWM, read by the process at exit):

- cli: `python -m analytics members comments.csv --out members.csv`, the app's library end to end
  (read, recognise, merge, brand detection, member stats, tiers, the CSV);
- analyst: `python bench/analyst_members.py comments.csv members.csv`, the plain pandas script an
  analyst would write for the same tiers (read 3 columns, group by member, apply the rules).

Both must find the same members in the same tiers; the table gives cli ÷ analyst (the goal of
issue 10: at most 0.5×).

The queries alone: generates seeded synthetic comments (one member per 10 comments, skewed so a few members comment
a lot, 3% brand replies, 15% member replies), writes them to Parquet once per size, then runs
each implementation in a fresh subprocess so its peak memory (VmHWM: DuckDB allocates outside
Python, where tracemalloc cannot see) is its own:

- duckdb: `member_stats` (one SQL query) + `member_tiers`, as the app runs them;
- pandas: the same numbers with plain pandas groupby, + the same `member_tiers`.

Each child loads the data once and computes `--repeat` times (default 3); the table shows the
fastest run, since other work on a shared 2-core machine slows runs unevenly. It checks that
both give the same members, counts, scores and tiers, and prints a table.

    python bench/bench_members.py --sizes 1000000,10000000 --whole-sizes 100000,1000000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ingest import generate as generate_csv  # noqa: E402

from analytics import db  # noqa: E402
from analytics.members import member_stats, member_tiers  # noqa: E402

RESULTS = ROOT / "bench" / "results"
ANALYST = ROOT / "bench" / "analyst_members.py"
# Runs a script or module as __main__ in this fresh process, then writes its peak memory (VmHWM, in
# KiB: this process's own, unlike ru_maxrss, which Linux carries over from the parent) to a file.
WHOLE_PROCESS = """
import atexit, runpy, sys
def peak():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            open({peak!r}, 'w').write(line.split()[1])
atexit.register(peak)
sys.argv = {argv!r}
runpy.{run}({target!r}, run_name='__main__'{alter})
"""
COMPARED = [
    "member_id",
    "member_handle",
    "count_comments",
    "count_top_level_comments",
    "count_videos",
    "active_days",
    "active_weeks",
    "first_seen_at",
    "last_seen_at",
    "days_since_first",
    "days_since_last",
    "total_likes_received",
    "count_brand_replies_received",
    "score",
    "tier",
]


def generate(size: int, path: Path, seed: int) -> None:
    """`size` seeded comments over two years, written to `path` in the canonical comment columns."""
    rng = np.random.default_rng(seed)
    members = max(10, size // 10)
    videos = max(100, size // 1000)
    index = np.arange(size, dtype=np.int64)
    is_brand = rng.random(size) < 0.03
    is_reply = is_brand | (rng.random(size) < 0.15)
    parent = np.where(is_reply, index - rng.integers(1, 2000, size), -1)
    frame = pd.DataFrame(
        {
            "i": index,
            "member_index": (members * rng.random(size) ** 2).astype(np.int64),  # a few very active members
            "video_index": rng.integers(0, videos, size),
            "seconds": np.sort(rng.random(size)) * 730 * 86400,  # comment i is older than comment i + 1
            "is_brand": is_brand,
            "parent_index": np.where(parent >= 0, parent, -1),
            "likes": rng.poisson(2.0, size),
        }
    )
    con = db.connect()
    con.register("generated", frame)
    con.execute(
        f"""
        copy (
            select
                'c' || i as comment_id,
                'v' || video_index as video_id,
                null::varchar as video_url,
                case when is_brand then 'brand' else 'user' || member_index end as member_id,
                case when is_brand then 'Brand' else 'user' || member_index end as member_handle,
                case when is_brand then 'The Brand' else 'Member ' || member_index end as member_name,
                ['love it', 'so good', 'where to buy?', '😍', 'first'][i % 5 + 1] as text,
                timestamp '2024-07-01' + to_microseconds((seconds * 1e6)::bigint) as commented_at,
                likes::bigint as likes,
                case when parent_index >= 0 then 'c' || parent_index end as parent_comment_id,
                is_brand
            from generated
        ) to '{path}' (format parquet)
        """
    )
    con.close()


def pandas_member_stats(comments: pd.DataFrame, as_of: date | None = None) -> pd.DataFrame:
    """`member_stats` in plain pandas: the same definitions, with groupby."""
    comments = comments[comments["commented_at"].notna()]
    as_of_date = pd.Timestamp(as_of) if as_of else comments["commented_at"].max().normalize()
    comments = comments[comments["commented_at"] < as_of_date + pd.Timedelta(days=1)]
    is_brand = comments["is_brand"].fillna(False).astype(bool)
    brand = comments[is_brand & comments["parent_comment_id"].notna()]
    replies_by_parent = brand.groupby("parent_comment_id").size()

    own = comments[~is_brand & comments["member_id"].notna()].copy()
    own["active_date"] = own["commented_at"].dt.normalize()
    own["week"] = own["active_date"] - pd.to_timedelta(own["active_date"].dt.day_of_week, unit="D")
    own["replies"] = own["comment_id"].map(replies_by_parent).fillna(0).astype("int64")
    own["is_top_level"] = own["parent_comment_id"].isna()
    stats = own.groupby("member_id", sort=True).agg(
        count_comments=("comment_id", "size"),
        count_top_level_comments=("is_top_level", "sum"),
        count_videos=("video_id", "nunique"),
        active_days=("active_date", "nunique"),
        active_weeks=("week", "nunique"),
        first_seen_at=("commented_at", "min"),
        last_seen_at=("commented_at", "max"),
        total_likes_received=("likes", "sum"),
        count_brand_replies_received=("replies", "sum"),
    )
    latest = own.sort_values("commented_at").groupby("member_id")
    stats["member_handle"] = latest["member_handle"].last()
    stats["member_name"] = latest["member_name"].last()
    stats["days_since_first"] = (as_of_date - stats["first_seen_at"].dt.normalize()).dt.days
    stats["days_since_last"] = (as_of_date - stats["last_seen_at"].dt.normalize()).dt.days

    active = own[["member_id", "active_date"]].drop_duplicates()
    age = (as_of_date - active["active_date"]).dt.days
    recent = age < 360
    weights = 0.9 ** (age[recent] // 30)
    stats["score"] = weights.groupby(active.loc[recent, "member_id"]).sum().round(6)
    stats["score"] = stats["score"].fillna(0.0)
    stats["as_of_date"] = as_of_date
    return stats.reset_index()


def max_rss_mb() -> float:
    """This process's peak memory: VmHWM, since Linux carries ru_maxrss over from the parent at exec
    (the parent that generated ten million comments would set every child's floor)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(implementation: str, data: Path, out: Path, repeat: int) -> dict:
    """One measured run, in its own process: the data loaded once, the computation `repeat` times."""
    started = time.perf_counter()
    if implementation == "duckdb":
        con = db.connect()
        con.execute(f"insert into comments by name select * from read_parquet('{data}')")

        def compute() -> pd.DataFrame:
            return member_stats(con)
    else:
        comments = pd.read_parquet(data)

        def compute() -> pd.DataFrame:
            return pandas_member_stats(comments)

    loaded = time.perf_counter()
    rss_loaded = current_rss_mb()
    stats_seconds, tiers_seconds = [], []
    for _ in range(repeat):
        begun = time.perf_counter()
        stats = compute()
        counted = time.perf_counter()
        tiers = member_tiers(stats)
        stats_seconds.append(counted - begun)
        tiers_seconds.append(time.perf_counter() - counted)
    tiers[COMPARED].sort_values("member_id").to_parquet(out, index=False)
    return {
        "implementation": implementation,
        "members": len(tiers),
        "load_seconds": loaded - started,
        "stats_seconds": min(stats_seconds),  # the least disturbed run: the machine may be shared
        "tiers_seconds": min(tiers_seconds),
        "rss_after_load_mb": rss_loaded,
        "peak_rss_mb": max_rss_mb(),
    }


def measure(implementation: str, data: Path, out: Path, repeat: int) -> dict:
    command = [sys.executable, __file__, "--child", implementation, "--data", str(data), "--out", str(out)]
    command += ["--repeat", str(repeat)]
    finished = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(finished.stdout.strip().splitlines()[-1])


def compare(first: Path, second: Path) -> None:
    """Both implementations must give the same members, numbers and tiers."""
    left, right = pd.read_parquet(first), pd.read_parquet(second)
    for frame in (left, right):
        for column in ("first_seen_at", "last_seen_at"):
            frame[column] = frame[column].astype("datetime64[us]")
        for column in frame.columns:
            if column.startswith(("count_", "total_", "days_", "active_")):
                frame[column] = frame[column].astype("int64")
        frame["member_handle"] = frame["member_handle"].astype(str)
    # Scores are rounded to 6 decimals after summing floats in a different order: allow the last digit.
    pd.testing.assert_series_equal(
        left.pop("score"), right.pop("score"), check_exact=False, atol=2e-6, rtol=0
    )
    pd.testing.assert_frame_equal(left, right, check_dtype=False)


# Whole processes: the command line against the analyst's pandas script -------------------------


def whole_process(argv: list[str], *, module: bool) -> dict:
    """`python -m argv[0] argv[1:]` (module) or `python argv...` as a fresh process: seconds from its
    start to its exit, and its peak memory."""
    with tempfile.TemporaryDirectory(prefix="bench-members-") as folder:
        peak = Path(folder) / "peak"
        code = WHOLE_PROCESS.format(
            peak=str(peak),
            argv=argv,
            run="run_module" if module else "run_path",
            target=argv[0],
            alter=", alter_sys=True" if module else "",
        )
        env = {**os.environ, "COMMUNITYLENS_HOME": folder}  # no client, no remembered choices
        started = time.perf_counter()
        finished = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        if finished.returncode:
            raise RuntimeError(f"{' '.join(argv)} failed:\n{finished.stdout}{finished.stderr}")
        return {"seconds": seconds, "peak_mb": int(peak.read_text()) / 1024}


def run_cli(data: Path, out: Path) -> dict:
    return whole_process(["analytics", "members", str(data), "--out", str(out)], module=True)


def run_analyst(data: Path, out: Path) -> dict:
    return whole_process([str(ANALYST), str(data), str(out)], module=False)


def same_tiers(cli: Path, analyst: Path) -> str:
    """Every member the CLI lists is the analyst's, in the same tier; the analyst's one other is the
    account the CLI took for the brand's own (bench_ingest's most active commenter is on nearly
    every video: the app's brand rule), which the analyst's script does not look for. In words."""
    ours = pd.read_csv(cli, usecols=["member", "tier"], dtype=str)
    theirs = pd.read_csv(analyst, usecols=["uid", "tier"], dtype=str)
    # bench_ingest's member N is @member.N with the user id 6700000000000000000 + N.
    ours["n"] = ours["member"].str.removeprefix("member.").astype("int64")
    theirs["n"] = (theirs["uid"].astype("uint64") - 6_700_000_000_000_000_000).astype("int64")
    both = ours.merge(theirs, on="n", how="outer", suffixes=("_cli", "_analyst"), indicator=True)
    if (both["_merge"] == "left_only").any():
        raise AssertionError(
            f"the CLI lists members the analyst does not: {both[both['_merge'] == 'left_only']}"
        )
    matched = both[both["_merge"] == "both"]
    differ = matched[matched["tier_cli"] != matched["tier_analyst"]]
    if len(differ):
        raise AssertionError(f"{len(differ):,} members are in another tier:\n{differ.head()}")
    brand = both.loc[both["_merge"] == "right_only", "n"].tolist()
    if len(brand) > 1:
        raise AssertionError(f"the CLI left out {len(brand)} members: {brand[:10]}")
    left_out = f" (the CLI leaves out member.{brand[0]}, taken for the brand)" if brand else ""
    return f"both find {len(matched):,} members in the same tiers{left_out}"


def compare_processes(sizes: list[int], repeat: int) -> list[dict]:
    """Each size: the CLI and the analyst script as whole processes, the fastest of `repeat` runs each."""
    header = f"{'comments':>10} {'MB file':>8} {'impl':>8} {'seconds':>8} {'peak MB':>8} {'× analyst':>10}"
    print(header, flush=True)
    rows = []
    for size in sizes:
        data = RESULTS / f"comments_{size}.csv"  # bench_ingest.py's file of that size
        if not data.exists():
            started = time.perf_counter()
            generate_csv(size, data)
            print(f"generated {size:,} comments in {time.perf_counter() - started:.1f} s", flush=True)
        results, outputs = {}, {}
        for implementation, run in (("analyst", run_analyst), ("cli", run_cli)):
            outputs[implementation] = RESULTS / f"members_{size}_{implementation}.csv"
            runs = [run(data, outputs[implementation]) for _ in range(repeat)]
            results[implementation] = {
                "seconds": min(run["seconds"] for run in runs),
                "peak_mb": max(run["peak_mb"] for run in runs),
            }
        agreement = same_tiers(outputs["cli"], outputs["analyst"])
        for implementation, result in results.items():
            ratio = result["seconds"] / results["analyst"]["seconds"]
            rows.append({"comments": size, "implementation": implementation, "ratio": ratio, **result})
            print(
                f"{size:>10,} {data.stat().st_size / 1e6:>8.0f} {implementation:>8} {result['seconds']:>8.2f} "
                f"{result['peak_mb']:>8,.0f} {ratio:>9.2f}×",
                flush=True,
            )
        print(f"{size:,}: {agreement}", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["queries", "processes"], help="run one of the two parts")
    parser.add_argument(
        "--whole-sizes", default="100000,1000000", help="comment CSV sizes for whole processes"
    )
    parser.add_argument(
        "--whole-repeat", type=int, default=1, help="runs per whole process; the fastest is shown"
    )
    parser.add_argument("--sizes", default="1000000", help="comma-separated numbers of comments")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--implementations", default="duckdb,pandas")
    parser.add_argument("--repeat", type=int, default=3, help="runs per implementation; the fastest is shown")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(child(options.child, options.data, options.out, options.repeat)))
        return

    RESULTS.mkdir(parents=True, exist_ok=True)
    if options.only != "queries":
        sizes = [int(value) for value in options.whole_sizes.split(",")]
        whole = compare_processes(sizes, options.whole_repeat)
        (RESULTS / "members_processes.json").write_text(json.dumps(whole, indent=1))
        print()
    if options.only == "processes":
        return
    implementations = options.implementations.split(",")
    header = (
        f"{'comments':>12} {'members':>9} {'impl':>7} {'load s':>7} {'stats s':>8} {'tiers s':>8} "
        f"{'RSS after load MB':>18} {'peak RSS MB':>12}"
    )
    print(header, flush=True)
    rows = []
    for size in (int(value) for value in options.sizes.split(",")):
        data = RESULTS / f"comments_{size}_{options.seed}.parquet"
        if not data.exists():
            started = time.perf_counter()
            generate(size, data, options.seed)
            print(f"generated {size:,} comments in {time.perf_counter() - started:.1f} s", flush=True)
        outputs = {}
        for implementation in implementations:
            outputs[implementation] = RESULTS / f"tiers_{size}_{implementation}.parquet"
            result = measure(implementation, data, outputs[implementation], options.repeat)
            rows.append(
                f"{size:>12,} {result['members']:>9,} {implementation:>7} {result['load_seconds']:>7.2f} "
                f"{result['stats_seconds']:>8.2f} {result['tiers_seconds']:>8.2f} "
                f"{result['rss_after_load_mb']:>18,.0f} {result['peak_rss_mb']:>12,.0f}"
            )
            print(rows[-1], flush=True)
        if len(outputs) == 2:
            compare(*outputs.values())
            print(f"{size:,}: duckdb and pandas agree on every member", flush=True)
    print()
    print(header)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
