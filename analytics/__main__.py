"""The command line, on the same library as the app.

    python -m analytics import --client NAME [--create] [--any-account] FILE...
    python -m analytics clients [--json]
    python -m analytics inspect (FILE... | --client NAME) [--json]
    python -m analytics formats (FILE... | --client NAME) [--out formats.csv] [--videos videos.csv]
    python -m analytics members (FILE... | --client NAME) [--as-of YYYY-MM-DD] [--brand HANDLE] --out members.csv
    python -m analytics report (FILE... | --client NAME) --out deck.pptx|report.html [--period last-month]

`--client` reads a client kept in the store (the app's clients: COMMUNITYLENS_HOME, COMMUNITYLENS_LAKE,
COMMUNITYLENS_LAKE_DATA), so a scheduled job builds this month's deck on everything imported so far.
A file that cannot be read, an unknown client or a store that cannot be opened gives exit status 2
and one plain sentence on stderr; the other files are still reported.
"""

from __future__ import annotations

import argparse
import getpass
import json
import shlex
import sys
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from analytics import i18n, preferences
from analytics.overview import PRESETS, preset_period
from analytics.preferences import Memory
from analytics.wording import plural
from analytics.workspace import Workspace


class Stop(Exception):
    """One sentence that ends the command with exit status 2."""


_stores: list = []  # the stores this run opened, closed when it ends


def _read_files(paths: list[str]) -> tuple[list[tuple[str, bytes, str]], list[str]]:
    """Each file's name, bytes and path (a big CSV is read where it is), and a sentence for each unreadable."""
    files, problems = [], []
    for path in paths:
        try:
            files.append((path, Path(path).read_bytes(), path))
        except OSError as error:
            problems.append(f"{path}: cannot open the file ({error.strerror or error}).")
    return files, problems


def _load(paths: list[str], today: date | None = None) -> tuple[Workspace, list[str]]:
    files, problems = _read_files(paths)
    workspace = Workspace(today=today or date.today(), remember_mappings=False)
    workspace.add_files(files)
    problems += [problem.message for problem in workspace.problems]
    problems += [_pending_words(pending) for pending in workspace.pending]
    return workspace, problems


# The client store ------------------------------------------------------------------------


def _open_store():
    """The store the settings name, or a Stop with a sentence saying why it cannot be opened."""
    from analytics.store import Store
    from analytics.store.lake import settings

    try:
        chosen = settings()
    except ValueError as error:
        raise Stop(str(error)) from None
    where = chosen.describe()
    try:
        store = Store(chosen)
    except OSError as error:
        raise Stop(
            f"The client store in {where} cannot be opened: {error.strerror or error}"
            f"{f' ({error.filename})' if error.filename else ''}. Check that COMMUNITYLENS_HOME names a "
            "folder you may read and write."
        ) from None
    except (duckdb.Error, RuntimeError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        if "lock" in reason.lower():
            raise Stop(
                f"The client store in {where} is in use by another program (a DuckDB catalog opens in "
                "one program at a time): close it and run this again, or keep the default SQLite "
                "catalog (unset COMMUNITYLENS_LAKE), which the app and the command line share."
            ) from None
        raise Stop(f"The client store in {where} cannot be opened: {reason[:300]}") from None
    _stores.append(store)
    return store


def _known(store) -> str:
    names = store.clients()["name"].tolist()
    quoted = ", ".join(f"'{name}'" for name in names)
    return f"Known clients: {quoted}." if names else "There are no clients yet."


def _client_id(store, name: str, create: bool = False) -> str:
    """The id of the client called `name`; created when `create`, else a Stop naming the known ones."""
    found = store.find_client(name)
    if found:
        return found
    if create:
        try:
            return store.create_client(name)
        except ValueError as error:
            raise Stop(str(error)) from None
    raise Stop(
        f"There is no client '{name}'. {_known(store)} Create one with: "
        f"python -m analytics import --client {shlex.quote(name)} --create FILE..."
    )


def _workspace(args: argparse.Namespace) -> tuple[Workspace, list[str]]:
    """The workspace a command reads: the files given, or the stored client named by --client."""
    if args.files and args.client:
        raise Stop(
            f"Give either export files or --client, not both: --client '{args.client}' reads that "
            "client's stored history; import the files into it first with python -m analytics import."
            + (
                " To put a name on a deck built from files, use --client-name."
                if args.command == "report"
                else ""
            )
        )
    if not args.files and not args.client:
        raise Stop("Give the export files to read, or --client NAME for a client kept in the store.")
    if args.files:
        return _load(args.files)
    store = _open_store()
    return store.open(_client_id(store, args.client), today=date.today()), []


def _what(workspace: Workspace) -> str:
    return f"client '{workspace.label}'" if _memory(workspace) else "these files"


def _memory(workspace: Workspace):
    """The client's remembered choices when the workspace is a stored client, else None (files only)."""
    from analytics.store import ClientWorkspace

    return workspace.memory if isinstance(workspace, ClientWorkspace) else None


def _who() -> str:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "unknown user"
    return f"command line ({user})"


def import_files(args: argparse.Namespace) -> int:
    store = _open_store()
    if not args.create:
        _client_id(store, args.client)  # an unknown client stops here, before any file is read
    read, problems = _read_files(args.files)
    if not read:
        return _finish(problems)
    # Stored under their own names: the folder they were downloaded to is not part of the history.
    files = [(Path(path).name, data) for path, data, _ in read]
    client_id = _client_id(store, args.client, create=args.create)
    workspace = store.open(client_id, today=date.today())
    results = workspace.add_files(files, who=_who(), any_account=args.any_account)
    for result in results:
        lines = [f"{table.kind}, {table.rows} rows, {_span(*table.date_range())}" for table in result.tables]
        if lines:
            print(f"{result.name}: {'; '.join(lines)}")
        problems += [problem.message for problem in result.problems]
        problems += [_pending_words(pending) for pending in result.pending]
    for skipped in workspace.skipped:
        print(skipped)
    for held in workspace.held:
        where = (
            f"Client '{store.name_of(held.other_client)}' has that account: import it there"
            if held.other_client
            else "Import it into its own client (--client NAME --create)"
        )
        problems.append(
            f"{held.words()[:-1]}: not imported. {where}, or add --any-account to import it here anyway."
        )
    name = store.name_of(client_id)
    results = [result for result in results if result.tables or result.pending]
    if results:
        span = workspace.data_range()
        held_in = f", {span[0]} to {span[1]}" if span else ""
        print(
            f"Imported {plural(len(results), 'file')} into '{name}' (now {plural(len(workspace.uploads), 'file')}{held_in})."
        )
    else:
        print(f"Nothing new imported into '{name}'.")
    return _finish(problems)


def _span(start: date | None, end: date | None) -> str:
    return f"{start} to {end}" if start and end else "no dates"


def _size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def clients(args: argparse.Namespace) -> int:
    listed = _open_store().clients()
    records = [
        {
            "name": row.name,
            "account": row.account or None,
            "imports": int(row.imports),
            "first_date": _iso(row.first_date),
            "last_date": _iso(row.last_date),
            "size_bytes": int(row.size_bytes),
        }
        for row in listed.itertuples()
    ]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("No clients yet. Create one with: python -m analytics import --client NAME --create FILE...")
        return 0
    header = ["Client", "Account", "Imports", "First day", "Last day", "Size"]
    rows = [
        [
            record["name"],
            f"@{record['account']}" if record["account"] else "",
            str(record["imports"]),
            record["first_date"] or "",
            record["last_date"] or "",
            _size(record["size_bytes"]),
        ]
        for record in records
    ]
    widths = [max(len(line[column]) for line in [header, *rows]) for column in range(len(header))]
    for line in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    return 0


def _iso(value) -> str | None:
    import pandas as pd

    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _pending_words(pending) -> str:
    return (
        f"{pending.source}: its columns ({', '.join(pending.header[:6])}) match no TikTok export we know; "
        "expected a TikTok Studio, Business Suite or comment export. Map it in the app's Data page."
    )


# Commands ------------------------------------------------------------------------------------


def inspect(args: argparse.Namespace) -> int:
    workspace, problems = _workspace(args)
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


# The command line's videos.csv: one row per video, for a marketer to check in a spreadsheet. Read back
# (uploaded in the app or given to the command line) it is a video detail sheet: its `format` column
# wins over the caption rules for every video in it; the link keeps the id when a spreadsheet rounds it.
VIDEO_COLUMNS: list[str] = [
    "video_id", "posted_at", "caption", "views", "format", "confidence", "reason", "format_source", "video_url",
]  # fmt: skip


def formats(args: argparse.Namespace) -> int:
    """formats.csv (one row per format, best first) and videos.csv (one row per video, to check by hand)."""
    from analytics.format_stats import format_table, video_formats
    from analytics.formats import DEFAULT_RULES, SUMMARY_COLUMNS

    if not args.out and not args.videos:
        raise Stop(
            "Name the file to write: --out formats.csv (one row per format), --videos videos.csv (one row per video), or both."
        )
    workspace, problems = _workspace(args)
    memory = _memory(workspace)  # a client's own format rules and hand-set formats, as the app shows them
    videos = video_formats(
        workspace.con,
        rules=(preferences.load_format_rules(memory) if memory else None) or DEFAULT_RULES,
        overrides=preferences.load_format_overrides(memory) if memory else None,
        series=preferences.load_series_rules(memory) if memory else None,
    )
    if videos.empty:
        problems.append(
            f"No videos in {_what(workspace)}: expected a TikTok Studio Content export or a video detail sheet."
        )
        return _finish(problems)
    if args.out:
        table = format_table(videos, min_videos=args.min_videos)[SUMMARY_COLUMNS]
        _write(table, args.out)
        print(f"{len(table)} formats written to {args.out}")
    if args.videos:
        _write(_video_rows(videos), args.videos)
        unsure = int(videos["confidence"].ne("sure").sum())
        print(
            f"{plural(len(videos), 'video')} written to {args.videos} ({unsure} likely or guessed from the "
            "caption): fix the format column and upload the file back, its formats then win over the rules."
        )
    return _finish(problems)


def _video_rows(videos):
    """video_formats() as the videos.csv rows: the posting time in UTC to the minute, views as counts."""
    rows = videos.rename(columns={"total_views": "views"})
    rows["posted_at"] = rows["posted_at"].dt.strftime("%Y-%m-%d %H:%M").astype(object)
    rows["views"] = rows["views"].astype("Int64")
    return rows[VIDEO_COLUMNS]


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


def members(args: argparse.Namespace, memory: Memory | None = None) -> int:
    """The members CSV; with a client's `memory`, tiered by its rules and with its answer on which
    commenter is the brand."""
    from analytics import preferences
    from analytics.members import NO_REPLIES, TierRules, member_labels
    from analytics.views.members import members_view

    workspace, problems = _workspace(args)
    memory = memory if memory is not None else _memory(workspace)
    rules = (preferences.load_tier_rules(memory) if memory is not None else None) or TierRules()
    if memory is not None:  # for this run: the base Workspace's, never a stored change
        Workspace.set_brand_answer(workspace, *preferences.load_brand_answer(memory))
    if args.brand:  # for this run only: a client's remembered handles are changed in the app
        Workspace.set_brand_handles(workspace, {args.brand})
    if not workspace.has("comments"):
        problems.append(
            f"No comments in {_what(workspace)}: expected a comment export (Apify, an Excel exporter, the Business API)."
        )
        return _finish(problems)
    view = members_view(workspace.con, period=None, as_of=args.as_of, rules=rules, real_handles=True)
    tiers = view.tiers.assign(  # the file names each member by the handle TikTok gives, as typed
        member=view.tiers["member_handle"].fillna(view.tiers["member_name"]).fillna(view.tiers["member_id"])
    )
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
    replies = view.replies  # every comment in the files: no period on the command line
    if not view.shows_replies:
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


def report(args: argparse.Namespace, memory: Memory | None = None) -> int:
    """The deck or HTML report of these files, or of a stored client, with that client's choices.

    Its pseudonym salt (a member keeps one pseudonym from month to month), tier rules, format fixes,
    brand hashtags, sentiment corrections and report settings (name, logo, colour, sections: the
    command line's own options win). Without a client, pseudonyms hold for this run only.
    """
    from analytics.charts import BRAND
    from analytics.formats import DEFAULT_RULES
    from analytics.overview import Period, default_period
    from analytics.report import SECTIONS, build_report
    from analytics.report.model import image_type
    from analytics.report.sections import DEFAULT_DAYS

    workspace, problems = _workspace(args)
    memory = memory if memory is not None else _memory(workspace)
    settings = preferences.load_report_settings(memory, SECTIONS) if memory is not None else {}
    out = Path(args.out)
    kind = REPORT_SUFFIXES.get(out.suffix.lower())
    chosen = args.sections or ",".join(settings.get("sections", SECTIONS))
    sections = [name.strip() for name in chosen.split(",") if name.strip()]
    unknown = [name for name in sections if name not in SECTIONS]
    setup = []
    if kind is None:
        setup.append(f"{args.out}: the report is a .pptx (PowerPoint) or an .html file; name it so.")
    if unknown:
        setup.append(f"Unknown section(s) {', '.join(unknown)}: choose from {', '.join(SECTIONS)}.")
    if args.period and (args.start or args.end):
        setup.append("Give either --period or --start/--end, not both.")
    logo = settings.get("logo")
    if args.logo:
        try:
            logo = Path(args.logo).read_bytes()
        except OSError as error:
            setup.append(f"{args.logo}: cannot open the logo ({error.strerror or error}).")
        if logo is not None and image_type(logo) is None:
            setup.append(f"{args.logo}: the logo must be a PNG or JPEG image.")
    if setup:
        return _finish(setup + problems)

    span = default_period(workspace.con)
    if span is None:
        problems.append(
            f"No dated data in {_what(workspace)}: expected TikTok Studio exports or a comment export."
        )
        return _finish(problems)
    if args.start or args.end:
        period = Period(args.start or span.start, args.end or span.end)
        if period.end < period.start:
            return _finish(problems + ["--end is before --start."])
    else:  # the app's default period (the last 90 days) unless --period names another
        period = preset_period(span, PRESETS[PERIODS[args.period]] if args.period else DEFAULT_DAYS)
    handles = workspace.detected_brand_handles()
    handle = handles[0] if handles else None
    remembered: dict[str, Any] = {}  # build_report's keywords, each of its own type
    # A stored client: its own choices, and one pseudonym per member in every month's deck.
    if memory is not None:
        edits = preferences.load_sentiment_edits(memory)
        remembered = {
            "salt": preferences.pseudonym_salt(memory),
            "tier_rules": preferences.load_tier_rules(memory),
            "rules": preferences.load_format_rules(memory) or DEFAULT_RULES,
            "overrides": preferences.load_format_overrides(memory),
            "series": preferences.load_series_rules(memory),
            "brand_hashtags": preferences.load_brand_hashtags(handle, memory) if handle else None,
            "lexicon_additions": edits["lexicon"],
            "corrections": edits["corrections"],
        }
    client = (
        args.client_name
        if args.client_name is not None
        else settings.get("client") or (workspace.label if _memory(workspace) else "")
    )
    # The deck's words and numbers in its own language (the messages printed here stay English).
    with i18n.use(getattr(args, "lang", i18n.DEFAULT)):
        built = build_report(
            workspace.con,
            period=period,
            sections=sections,
            client=client,
            brand_label=f"@{handle}" if handle else (client or "Your brand"),
            real_handles=args.real_handles,
            brand_color=args.color or settings.get("color", BRAND),
            logo=logo,
            brand_handle=handle,
            **remembered,
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


def _language(code: str) -> str:
    """A --lang value: one of the app's languages, written "pt_BR" or "pt-BR"."""
    wanted = code.strip().replace("-", "_")
    match = {name.lower(): name for name in i18n.LANGUAGES}.get(wanted.lower())
    if match is None:
        raise argparse.ArgumentTypeError(f"{code!r}: choose from {', '.join(i18n.LANGUAGES)}")
    return match


def _source(parser: argparse.ArgumentParser) -> None:
    """Export files, or --client: a client kept in the store (one of the two)."""
    parser.add_argument("files", nargs="*", metavar="FILE")
    parser.add_argument(
        "--client", default=None, metavar="NAME", help="read this stored client instead of files"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analytics", description="CommunityLens on the command line."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    import_parser = commands.add_parser(
        "import", help="import export files into a client kept in the store (one import)"
    )
    import_parser.add_argument("files", nargs="+", metavar="FILE")
    import_parser.add_argument("--client", required=True, metavar="NAME", help="the client to import into")
    import_parser.add_argument(
        "--create", action="store_true", help="create the client when there is none by that name"
    )
    import_parser.add_argument(
        "--any-account",
        action="store_true",
        help="import files that look like another TikTok account's too (default: held back, status 2)",
    )
    import_parser.set_defaults(run=import_files)
    clients_parser = commands.add_parser(
        "clients", help="the clients in the store: account, imports, first and last day, size"
    )
    clients_parser.add_argument(
        "--json", action="store_true", help="print a JSON list, one object per client"
    )
    clients_parser.set_defaults(run=clients)
    inspect_parser = commands.add_parser("inspect", help="what each export file is: kind, rows, dates")
    _source(inspect_parser)
    inspect_parser.add_argument(
        "--json", action="store_true", help="print a JSON list, one object per recognised table"
    )
    inspect_parser.set_defaults(run=inspect)
    formats_parser = commands.add_parser(
        "formats", help="engagement by interaction format, best first, as CSV"
    )
    _source(formats_parser)
    formats_parser.add_argument("--out", default=None, help="the CSV file to write, one row per format")
    formats_parser.add_argument(
        "--videos",
        default=None,
        metavar="CSV",
        help="also write one row per video (format, confidence, reason) to check in a spreadsheet; "
        "upload it back and its format column wins over the caption rules",
    )
    formats_parser.add_argument(
        "--min-videos", type=int, default=5, help="smaller formats are flagged (default 5)"
    )
    formats_parser.set_defaults(run=formats)
    members_parser = commands.add_parser(
        "members", help="one row per community member with their tier, as CSV"
    )
    _source(members_parser)
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
    _source(report_parser)
    report_parser.add_argument("--out", required=True, help="report.pptx or report.html")
    report_parser.add_argument(
        "--client-name",
        default=None,
        metavar="NAME",
        help="the client's name on the title slide (default: the stored client's name)",
    )
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
    report_parser.add_argument("--color", default=None, help="the brand colour, as #RRGGBB (default: teal)")
    report_parser.add_argument(
        "--lang",
        type=_language,
        default=i18n.DEFAULT,
        metavar="{" + ",".join(i18n.LANGUAGES) + "}",
        help="the language of the deck or report: its headlines, notes, chart labels and numbers "
        "(default: en; pt-BR is pt_BR)",
    )
    report_parser.set_defaults(run=report)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except Stop as stop:
        return _finish([str(stop)])
    except duckdb.Error as error:  # the store failed under us (a disk full, a catalog gone)
        if not _stores:
            raise
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return _finish([f"The client store could not be read or written: {reason[:300]}"])
    finally:
        while _stores:
            _stores.pop().close()


if __name__ == "__main__":
    sys.exit(main())
