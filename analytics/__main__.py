"""The command line, on the same library as the app.

    python -m analytics inspect FILE... [--json]
    python -m analytics formats FILE... --out formats.csv
    python -m analytics members FILE... [--as-of YYYY-MM-DD] [--brand HANDLE] --out members.csv
    python -m analytics report FILE... --out deck.pptx [--period last-month | --start ... --end ...]

A file that cannot be read gives exit status 2 and one plain sentence on stderr; the
other files are still reported.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from analytics.overview import PRESETS
from analytics.wording import plural
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
    from analytics.members import NO_REPLIES, member_labels, member_stats, member_tiers, reply_stats

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
    accounts = workspace.brand_accounts()
    if len(accounts):
        brand = "; ".join(
            f"{label}, {reason}"
            for label, reason in zip(member_labels(accounts), accounts["reason"], strict=True)
        )
    else:
        named = sorted(workspace.brand_handles) or workspace.detected_brand_handles()[:1]
        brand = f"@{named[0]}, not among the commenters" if named else "none found"
    print(f"{plural(len(table), 'member')} written to {args.out} (brand account: {brand})")
    replies = reply_stats(workspace.con).iloc[0]
    if not replies["replies_shown"]:
        print(f"Reply rate: not measured, {NO_REPLIES}.")
    elif replies["count_top_level_comments"]:
        print(
            f"Reply rate: {replies['reply_rate']:.1%} ({replies['count_replied_comments']:,} of "
            f"{replies['count_top_level_comments']:,} top-level member comments answered)."
        )
    return _finish(problems)


REPORT_SUFFIXES = {".pptx": "PowerPoint deck", ".html": "HTML report", ".htm": "HTML report"}


# The app's sidebar periods by a command-line name: "Last month" is --period last-month.
PERIODS = {name.lower().replace(" ", "-"): name for name in PRESETS}


def report(args: argparse.Namespace) -> int:
    from analytics.overview import Period, default_period
    from analytics.report import SECTIONS, build_report, default_report_period
    from analytics.report.model import image_type
    from analytics.report.sections import DEFAULT_DAYS

    out = Path(args.out)
    kind = REPORT_SUFFIXES.get(out.suffix.lower())
    sections = [name.strip() for name in (args.sections or ",".join(SECTIONS)).split(",") if name.strip()]
    unknown = [name for name in sections if name not in SECTIONS]
    setup = []
    if kind is None:
        setup.append(f"{args.out}: the report is a .pptx (PowerPoint) or an .html file; name it so.")
    if unknown:
        setup.append(f"Unknown section(s) {', '.join(unknown)}: choose from {', '.join(SECTIONS)}.")
    if args.period and (args.start or args.end):
        setup.append("Give either --period or --start/--end, not both.")
    logo = None
    if args.logo:
        try:
            logo = Path(args.logo).read_bytes()
        except OSError as error:
            setup.append(f"{args.logo}: cannot open the logo ({error.strerror or error}).")
        if logo is not None and image_type(logo) is None:
            setup.append(f"{args.logo}: the logo must be a PNG or JPEG image.")
    if setup:
        return _finish(setup)

    workspace, problems = _load(args.files)
    span = default_period(workspace.con)
    if span is None:
        problems.append("No dated data in these files: expected TikTok Studio exports or a comment export.")
        return _finish(problems)
    if args.start or args.end:
        period = Period(args.start or span.start, args.end or span.end)
        if period.end < period.start:
            return _finish(problems + ["--end is before --start."])
    else:  # the app's default period (the last 90 days) unless --period names another
        period = default_report_period(
            workspace.con, PRESETS[PERIODS[args.period]] if args.period else DEFAULT_DAYS
        )
    handles = workspace.detected_brand_handles()
    built = build_report(
        workspace.con,
        period=period,
        sections=sections,
        client=args.client or "",
        brand_label=f"@{handles[0]}" if handles else "Your brand",
        real_handles=args.real_handles,
        brand_color=args.color,
        logo=logo,
        brand_handle=handles[0] if handles else None,
    )
    if not built.findings:
        problems.append("Nothing to report for these sections and dates: " + " ".join(built.skipped))
        return _finish(problems)
    if kind == "PowerPoint deck":
        from analytics.report.deck import build_deck

        out.write_bytes(build_deck(built))
    else:
        from analytics.report.html import build_html

        out.write_text(build_html(built), encoding="utf-8")
    print(
        f"{kind} with {plural(len(built.findings), 'finding')}, {period.describe()} against "
        f"{period.compared_with()}, written to {out}"
    )
    for skipped in built.skipped:
        print(f"Left out: {skipped}")
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
    report_parser = commands.add_parser(
        "report", help="the client deck (.pptx) or offline HTML report (.html), as the Report page builds it"
    )
    report_parser.add_argument("files", nargs="+", metavar="FILE")
    report_parser.add_argument("--out", required=True, help="report.pptx or report.html")
    report_parser.add_argument("--client", default="", help="the client's name, on the title slide")
    report_parser.add_argument(
        "--sections",
        default=None,
        help="comma-separated, in any order (default: overview,formats,members,segments,live)",
    )
    report_parser.add_argument(
        "--real-handles", action="store_true", help="show members' real handles (default: pseudonyms)"
    )
    report_parser.add_argument(
        "--period",
        choices=list(PERIODS),
        default=None,
        help="one of the app's sidebar periods, e.g. last-month (the last complete calendar month, against "
        "the month before) or this-month-so-far (default: last-90-days)",
    )
    report_parser.add_argument(
        "--start", type=_date, default=None, help="first day (default: 90 days before --end, as in the app)"
    )
    report_parser.add_argument(
        "--end", type=_date, default=None, help="last day (default: the data's last day)"
    )
    report_parser.add_argument("--logo", default=None, help="a PNG or JPEG logo for the title slide")
    report_parser.add_argument("--color", default="#0F766E", help="the brand colour, as #RRGGBB")
    report_parser.set_defaults(run=report)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
