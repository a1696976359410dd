"""The hostile-files benchmark: thousands of seeded damaged uploads through the path an upload takes.

    python tests/fuzz/run.py --count 10000 --seed 14 --workers 2

Each input goes read -> recognise -> canonicalise -> merge (`Workspace.add_files`), then the
Overview (period control, KPIs against the period before, daily trend), Formats and Members
queries run on whatever loaded. Inputs run in worker processes with a memory cap; a worker
that spends more than `--timeout` seconds of CPU on one input (or six times that in wall time,
if it blocks) is killed: a hang. CPU time, because on a shared machine wall time measures the
neighbours; on an idle one it is at least the wall time. A worker that dies is a kill (an
abort, `std::bad_alloc`, a native panic). Outcomes are counted per kind of damage:

    loaded    at least one table loaded
    sentence  nothing loaded, every problem one plain sentence that names the file
    mapping   nothing loaded, some table sent to column mapping
    unnamed   a problem whose sentence does not name the file or spans lines
    exception an exception escaped (the page would show a traceback)
    hang      over the time limit
    kill      the worker process died

`--code DIR` runs another checkout's `analytics` (the "before" column of a comparison).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import select
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTCOMES = ("loaded", "sentence", "mapping", "unnamed", "exception", "hang", "kill")
TODAY = date(2026, 11, 22)


def _case():
    """`mutations.case`, loaded by path: the analytics under test may come from another checkout."""
    spec = importlib.util.spec_from_file_location("fuzz_mutations", Path(__file__).with_name("mutations.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.case


def run_one(name: str, data: bytes) -> tuple[str, str]:
    """The outcome of one upload, and a detail line for anything that is not fine."""
    from analytics.formats import engagement_by_format
    from analytics.ingest import Context, ingest_file
    from analytics.members import member_stats, member_tiers, reply_stats
    from analytics.overview import Period, account_kpis, daily_trend, default_period
    from analytics.workspace import Workspace

    try:
        from analytics.overview import shift
    except ImportError:  # the code before issue 14: the sidebar's own arithmetic

        def shift(day: date, days: int) -> date:
            return day + timedelta(days=days)

    try:
        result = ingest_file(name, data, context=Context(today=TODAY))
        if result.tables:  # the merge and the pages, only when there is something to merge (they cost 0.2 s)
            ws = Workspace(today=TODAY, remember_mappings=False)
            [result] = ws.add_files([(name, data)])
            ws.summary()
            span = default_period(ws.con)
        else:
            span = None
        if span is not None:
            # ui.period_control: the last 90 days, and the custom picker's earliest day.
            period = Period(max(span.start, shift(span.end, -89)), span.end)
            shift(span.start, -366)
            account_kpis(ws.con, period)
            account_kpis(ws.con, span)
            daily_trend(ws.con, period)
            engagement_by_format(ws.con, start=period.start, end=period.end, n_boot=200)
            stats = member_stats(ws.con, start=period.start, end=period.end)
            member_tiers(stats)
            reply_stats(ws.con, start=period.start, end=period.end)
    except Exception as error:  # noqa: BLE001 - counting them is the point
        return "exception", f"{type(error).__name__}: {str(error)[:200]}"
    if result.tables:
        return "loaded", ""
    for problem in result.problems:
        message = problem.message
        if name not in message or "\n" in message.strip() or "Traceback" in message:
            return "unnamed", message[:200]
    if result.pending:
        return "mapping", ""
    return ("sentence", "") if result.problems else ("unnamed", "no table, no problem, no mapping")


def serve(seed: int, memory_gb: float) -> None:
    """Read case numbers on stdin, answer one JSON line each on stdout."""
    limit = int(memory_gb * (1 << 30))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import warnings

    warnings.simplefilter("ignore")
    case = _case()
    run_one("warm-up.csv", b"a,b\n1,2\n")
    print("ready", flush=True)
    for line in sys.stdin:
        index = int(line)
        kind, name, data = case(seed, index)
        print("go", flush=True)  # the clock starts now, not while the input is built
        started, cpu = time.perf_counter(), time.process_time()
        outcome, detail = run_one(name, data)
        answer = {"index": index, "kind": kind, "name": name, "size": len(data), "outcome": outcome}
        answer |= {"detail": detail, "seconds": round(time.perf_counter() - started, 2)}
        answer |= {"cpu_seconds": round(time.process_time() - cpu, 2)}
        print(json.dumps(answer), flush=True)


class Worker:
    def __init__(self, seed: int, code: Path, memory_gb: float):
        env = os.environ | {"PYTHONPATH": str(code), "COMMUNITYLENS_HOME": "/nonexistent"}
        env["OMP_NUM_THREADS"] = env["OPENBLAS_NUM_THREADS"] = "1"
        command = [sys.executable, __file__, "--worker", "--seed", str(seed), "--memory-gb", str(memory_gb)]
        self.process = subprocess.Popen(
            command, cwd=code, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )  # fmt: skip
        self.buffer = b""
        while b"ready\n" not in self.buffer and (piece := os.read(self.process.stdout.fileno(), 1 << 16)):
            self.buffer += piece  # imports are not part of any input's time
        self.buffer = b""
        self.index: int | None = None
        self.started = self.cpu_started = 0.0
        self.going = False

    def cpu(self) -> float:
        """CPU seconds the worker has used, all its threads included (Linux /proc)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def over(self, timeout: float) -> bool:
        if not self.going:  # still building the input: only a generous wall-time cap
            return time.monotonic() - self.started > 30 * timeout
        return self.cpu() - self.cpu_started > timeout or time.monotonic() - self.started > 6 * timeout

    def lines(self) -> list[str] | None:
        """Complete lines that have arrived; None when the process is gone."""
        piece = os.read(self.process.stdout.fileno(), 1 << 16)
        if not piece:
            return None
        self.buffer += piece
        *complete, self.buffer = self.buffer.split(b"\n")
        return [line.decode() for line in complete]

    def send(self, index: int) -> None:
        self.index, self.started, self.going = index, time.monotonic(), False
        self.process.stdin.write(f"{index}\n".encode())
        self.process.stdin.flush()

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--memory-gb", type=float, default=4.0)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose analytics/ is tested")
    parser.add_argument("--log", type=Path, help="write one JSON line per input here")
    parser.add_argument("--table-of", type=Path, help="print the table of an earlier run's --log file")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.table_of:
        return print_table(table_of(args.table_of))
    if args.worker:
        serve(args.seed, args.memory_gb)
        return 0
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    case = _case()
    todo = list(range(args.start, args.start + args.count))[::-1]
    workers = [Worker(args.seed, args.code.resolve(), args.memory_gb) for _ in range(args.workers)]
    table: dict[str, Counter] = defaultdict(Counter)
    log = args.log.open("w") if args.log else None
    done, began = 0, time.monotonic()

    def record(answer: dict) -> None:
        nonlocal done
        table[answer["kind"]][answer["outcome"]] += 1
        done += 1
        if log:
            log.write(json.dumps(answer) + "\n")
            log.flush()
        if answer["outcome"] in ("exception", "hang", "kill", "unnamed"):
            print(
                f"  #{answer['index']} {answer['kind']}: {answer['outcome']} {answer.get('detail', '')}",
                file=sys.stderr,
            )
        if done % 500 == 0:
            print(f"  {done:,} inputs, {time.monotonic() - began:,.0f} s", file=sys.stderr)

    def replace(worker: Worker, outcome: str) -> Worker:
        kind, name, data = case(args.seed, worker.index)
        record({"index": worker.index, "kind": kind, "name": name, "size": len(data), "outcome": outcome})
        worker.stop()
        return Worker(args.seed, args.code.resolve(), args.memory_gb)

    for worker in workers:
        if todo:
            worker.send(todo.pop())
    try:
        while any(worker.index is not None for worker in workers):
            busy = [worker for worker in workers if worker.index is not None]
            ready, _, _ = select.select([worker.process.stdout for worker in busy], [], [], 0.2)
            for position, worker in enumerate(workers):
                if worker.index is None:
                    continue
                if worker.process.stdout in ready:
                    lines = worker.lines()
                    if lines is None:
                        worker = workers[position] = replace(worker, "kill")
                    for line in lines or []:
                        if line == "go":
                            worker.started, worker.cpu_started, worker.going = (
                                time.monotonic(),
                                worker.cpu(),
                                True,
                            )
                        else:
                            record(json.loads(line))
                            worker.index = None
                elif worker.over(args.timeout):
                    worker = workers[position] = replace(worker, "hang")
                if worker.index is None and todo:
                    worker.send(todo.pop())
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the table of what is done so far
        print("  stopped early", file=sys.stderr)
    for worker in workers:
        worker.stop()
    print(f"\n{done:,} inputs, seed {args.seed}, {time.monotonic() - began:,.0f} s, code: {args.code}\n")
    return print_table(table)


def print_table(table: dict[str, Counter]) -> int:
    """The outcomes per kind of damage as a Markdown table; 1 when anything is not fine."""
    total = Counter()
    print("| kind | " + " | ".join(OUTCOMES) + " |")
    print("|---|" + "---:|" * len(OUTCOMES))
    for kind in sorted(table):
        total.update(table[kind])
        print(f"| {kind} | " + " | ".join(f"{table[kind][outcome]:,}" for outcome in OUTCOMES) + " |")
    print("| **all** | " + " | ".join(f"**{total[outcome]:,}**" for outcome in OUTCOMES) + " |")
    return 1 if sum(total[outcome] for outcome in ("exception", "hang", "kill", "unnamed")) else 0


def table_of(log: Path) -> dict[str, Counter]:
    """The outcome table of a run's --log file, whole or cut short."""
    table: dict[str, Counter] = defaultdict(Counter)
    for line in log.read_text().splitlines():
        if line.strip():
            answer = json.loads(line)
            table[answer["kind"]][answer["outcome"]] += 1
    return table


if __name__ == "__main__":
    sys.exit(main())
