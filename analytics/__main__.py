"""The command line, on the same library as the app.

    python -m analytics inspect FILE... [--json]
    python -m analytics formats FILE... --out formats.csv
    python -m analytics members FILE... [--as-of YYYY-MM-DD] [--brand HANDLE] --out members.csv

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
    return _finish(problems)


def formats(args: argparse.Namespace) -> int:
    from analytics.formats import SUMMARY_COLUMNS, engagement_by_format

    workspace, problems = _load(args.files)
    table = engagement_by_format(workspace.con, min_videos=args.min_videos)[SUMMARY_COLUMNS]
    if table.empty:
        problems.append(
            "No videos in these files: expected a TikTok Studio Content export or a video detail sheet."
        )
    else:
        _write(table, args.out)
        print(f"{len(table)} formats written to {args.out}")
    return _finish(problems)


MEMBER_COLUMNS = {
    "member": "member",
    "tier": "tier",
    "count_comments": "count_comments",
    "count_videos": "count_videos",
    "active_days": "active_days",
    "active_weeks": "active_weeks",
    "first_seen_at": "first_seen",
    "last_seen_at": "last_seen",
    "days_since_last": "days_since_last",
    "total_likes_received": "total_likes_received",
    "count_brand_replies_received": "count_brand_replies_received",
    "reason": "reason",
}


def members(args: argparse.Namespace) -> int:
    from analytics.members import member_stats, member_tiers

    workspace, problems = _load(args.files)
    if args.brand:
        workspace.set_brand_handles({args.brand})
    if not workspace.has("comments"):
        problems.append(
            "No comments in these files: expected a comment export (Apify, an Excel exporter, the Business API)."
        )
        return _finish(problems)
    tiers = member_tiers(member_stats(workspace.con, as_of=args.as_of))
    tiers["member"] = tiers["member_handle"].fillna(tiers["member_name"]).fillna(tiers["member_id"])
    table = tiers[list(MEMBER_COLUMNS)].rename(columns=MEMBER_COLUMNS)
    _write(table, args.out)
    brand = (
        ", ".join(sorted(workspace.brand_handles) or workspace.detected_brand_handles()[:1]) or "none found"
    )
    print(f"{len(table)} members written to {args.out} (brand account: {brand})")
    return _finish(problems)


def _write(table, out: str) -> None:
    from analytics.export import csv_bytes

    Path(out).write_bytes(csv_bytes(table))


def _finish(problems: list[str]) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2 if problems else 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-21") from error


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
    formats_parser = commands.add_parser(
        "formats", help="engagement by interaction format, best first, as CSV"
    )
    formats_parser.add_argument("files", nargs="+", metavar="FILE")
    formats_parser.add_argument("--out", required=True, help="the CSV file to write")
    formats_parser.add_argument(
        "--min-videos", type=int, default=5, help="smaller formats are flagged (default 5)"
    )
    formats_parser.set_defaults(run=formats)
    members_parser = commands.add_parser(
        "members", help="one row per community member with their tier, as CSV"
    )
    members_parser.add_argument("files", nargs="+", metavar="FILE")
    members_parser.add_argument("--out", required=True, help="the CSV file to write")
    members_parser.add_argument(
        "--as-of", type=_date, default=None, help="tiers as of this day (default: the newest comment)"
    )
    members_parser.add_argument(
        "--brand", default=None, help="the brand's own handle (default: detected from the video links)"
    )
    members_parser.set_defaults(run=members)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
