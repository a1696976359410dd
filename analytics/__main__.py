"""The command line, on the same library as the app.

    python -m analytics inspect FILE... [--json]

A file that cannot be read gives exit status 2 and one plain sentence on stderr; the
other files are still reported.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from analytics.workspace import Workspace


def _read_files(paths: list[str]) -> tuple[list[tuple[str, bytes]], list[str]]:
    files, problems = [], []
    for path in paths:
        try:
            files.append((path, Path(path).read_bytes()))
        except OSError as error:
            problems.append(f"{path}: cannot open the file ({error.strerror or error}).")
    return files, problems


def _load(paths: list[str], today: date | None = None) -> tuple[Workspace, list[str]]:
    files, problems = _read_files(paths)
    workspace = Workspace(today=today or date.today(), remember_mappings=False)
    workspace.add_files(files)
    problems += [problem.message for problem in workspace.problems]
    problems += [
        f"{pending.source}: its columns ({', '.join(pending.header[:6])}) match no TikTok export we know; "
        "expected a TikTok Studio, Business Suite or comment export. Map it in the app's Data page."
        for pending in workspace.pending
    ]
    return workspace, problems


def inspect(args: argparse.Namespace) -> int:
    workspace, problems = _load(args.files)
    summary = workspace.summary()
    records = [
        {
            "file": row.file,
            "kind": row.kind,
            "rows": int(row.rows),
            "start_date": row.start_date.isoformat() if row.start_date else None,
            "end_date": row.end_date.isoformat() if row.end_date else None,
        }
        for row in summary.itertuples()
    ]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for record in records:
            span = f"{record['start_date']} to {record['end_date']}" if record["start_date"] else "no dates"
            print(f"{record['file']}: {record['kind']}, {record['rows']} rows, {span}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analytics", description="CommunityLens on the command line."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    inspect_parser = commands.add_parser("inspect", help="what each export file is: kind, rows, dates")
    inspect_parser.add_argument("files", nargs="+", metavar="FILE")
    inspect_parser.add_argument(
        "--json", action="store_true", help="print a JSON list, one object per recognised table"
    )
    inspect_parser.set_defaults(run=inspect)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
