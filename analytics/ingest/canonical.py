"""Rename and type one raw table into its canonical table, with warnings in plain words.

This is the only place that knows a file's headers (through the mapping found in
`detect.py`), with `staging.py` for comments (one SQL query for every comment layout). Year-less dates are resolved here: see `analytics/dates.py` for how the
year is inferred and `YearAnchor` for where the anchor comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import duckdb
import pandas as pd

from analytics import dates
from analytics.i18n import N_
from analytics.i18n.said import DayMonth, Said
from analytics.numbers import count_missing, parse_counts, parse_numbers, parse_rates
from analytics.schema import DATE_COLUMNS, KINDS, TABLES
from analytics.templates import EXAMPLE_HANDLE, EXAMPLE_MARK

VIDEO_URL = re.compile(r"(?:@(?P<handle>[\w.\-]+)/)?(?:video|photo|v)/(?P<id>\d{6,25})")
SHARE_URL = re.compile(r"share_item_id=(?P<id>\d{6,25})")


@dataclass(frozen=True)
class Context:
    """What we know about a file besides its cells: its names, and the dates that anchor a year."""

    names: tuple[str, ...] = ()
    # The download day of another file of the same account uploaded with this one, and its name.
    batch_download_date: date | None = None
    today: date | None = None
    last_year: int | None = None
    batch_source: str | None = None
    # A video link found beside the table (an exporter's Metadata sheet: "Source URL").
    source_url: str | None = None
    # Where big tables' rows are kept (a DuckDB connection: the importing workspace's database), so
    # its merge reads them in place; None: a database of their own. Not part of what a file says.
    database: duckdb.DuckDBPyConnection | None = field(default=None, compare=False, repr=False)
    # The upload's bytes as a file on disk, when they are one (DuckDB reads a big CSV there).
    path: str | None = field(default=None, compare=False)


# Where the year of a file's dates came from. Files whose year is their own (OWN_YEAR) can lend
# their download day to files of the same account that have nothing better.
FILE_NAME, VIDEO_IDS, YOUR_FIX, SAME_ACCOUNT, ASSUMED = (
    "file_name",
    "video_ids",
    "your_fix",
    "same_account",
    "assumed",
)
OWN_YEAR = {FILE_NAME, VIDEO_IDS, YOUR_FIX}


@dataclass(frozen=True)
class YearSource:
    """Which anchor gave a file's dates their year, in a marketer's words (the Data page shows them)."""

    kind: str
    words: str  # completes "the year comes from ..."
    label: str  # the same, short enough for a table cell
    lender: str | None = None  # the other file, when the year came from it


@dataclass
class Canonical:
    kind: str
    frame: pd.DataFrame
    warnings: list[str]
    download_date: date | None = None
    year_source: YearSource | None = None
    account: str | None = None

    @property
    def table(self) -> str:
        return KINDS[self.kind].table


def canonicalize(kind: str, raw: pd.DataFrame, mapping: dict[str, str], context: Context) -> Canonical:
    """One raw table of text -> its canonical columns, typed, plus the warnings worth telling.

    Comments, whatever file they come from, go through the one staging query (`staging.py`); their
    rows come back as an Arrow table.
    """
    if kind == "comments":
        from analytics.ingest import staging

        return staging.comments_from_frame(raw, mapping, context)
    fields = pd.DataFrame(
        {name: raw[column].astype("string") for name, column in mapping.items()}, index=raw.index
    )
    warnings: list[str] = []
    if raw.empty:
        warnings.append(
            Said(
                N_(
                    "The file has its header but no rows (TikTok writes this for small accounts); loaded as empty."
                )
            )
        )
    builder = _BUILDERS[kind]
    sources: list[YearSource] = []
    frame, download_date = builder(fields, context, warnings, sources)
    frame = plausible_rows(KINDS[kind].table, frame, context, warnings, fields)
    columns = [column for column in TABLES[KINDS[kind].table] if column in frame.columns]
    return Canonical(
        kind,
        frame[columns].reset_index(drop=True),
        warnings,
        download_date,
        sources[0] if sources else None,
        account_of(context, frame),
    )


def account_of(context: Context, frame: pd.DataFrame) -> str | None:
    """The TikTok account a file belongs to: the handle in its name, else its video links' @handle
    (a Content export's, or the videos a comment export's comments are under)."""
    if handle := named_account(context):
        return handle
    if "account_handle" in frame and frame["account_handle"].notna().any():
        return str(frame["account_handle"].mode().iloc[0])
    if "video_url" in frame:
        links = frame["video_url"].astype("string").value_counts(dropna=True)
        return url_account(list(links.items()))
    return None


def named_account(context: Context) -> str | None:
    """The handle in a file's names, the closest name first: a member's, then its ZIP's."""
    for name in reversed(context.names):
        if handle := dates.file_name_dates(name).handle:
            return handle
    return None


def url_account(links: list[tuple[str, int]]) -> str | None:
    """The @handle most rows' video links name, from (link, rows) pairs; the first in order on a tie.

    Each distinct link is parsed once: a million comments sit on a few hundred videos.
    """
    handles = pd.Series([link for link, _ in links], dtype="string").str.extract(VIDEO_URL)["handle"]
    counts = (
        pd.Series([count for _, count in links], dtype="int64")
        .groupby(handles.str.lower().to_numpy(), dropna=True)
        .sum()
    )
    if counts.empty:
        return None
    return str(counts[counts == counts.max()].sort_index().index[0])


def rows_left_out(count: int, what: str) -> Said:
    """`1 row has no date we could read; it was left out.`: `what` is one of `LEFT_OUT`'s reasons."""
    return LEFT_OUT[what](count)


def rows_outside(count: int, sample: str) -> Said:
    return Said.ngettext(
        "{count} row has a date before TikTok existed (2016) or after tomorrow (like {sample}); it was left out.",
        "{count} rows have a date before TikTok existed (2016) or after tomorrow (like {sample}); they were left out.",
        count,
        count=count,
        sample=sample,
    )


def impossible_numbers(count: int) -> Said:
    return Said.ngettext(
        "{count} number is above a thousand billion, which no TikTok account reaches (a typo or a damaged file?); "
        "left empty.",
        "{count} numbers are above a thousand billion, which no TikTok account reaches (a typo or a damaged "
        "file?); left empty.",
        count,
        count=count,
    )


def no_dates(sample: str) -> Said:
    return Said(
        N_("every date (like {sample}) is before TikTok existed (2016) or after tomorrow"), sample=sample
    )


# Why rows were left out, each in its two forms (the count is worded with them).
LEFT_OUT = {
    "date": lambda count: Said.ngettext(
        "{count} row has a date we could not read; it was left out.",
        "{count} rows have a date we could not read; they were left out.",
        count,
        count=count,
    ),
    "link": lambda count: Said.ngettext(
        "{count} row has no TikTok video link or id we could read; it was left out.",
        "{count} rows have no TikTok video link or id we could read; they were left out.",
        count,
        count=count,
    ),
    "live_start": lambda count: Said.ngettext(
        "{count} LIVE row has a start time we could not read (expected like 2026-06-03 20:00); it was left out.",
        "{count} LIVE rows have a start time we could not read (expected like 2026-06-03 20:00); they were "
        "left out.",
        count,
        count=count,
    ),
    "author": lambda count: Said.ngettext(
        "{count} comment has no author; it was left out.",
        "{count} comments have no author; they were left out.",
        count,
        count=count,
    ),
    "time": lambda count: Said.ngettext(
        "{count} comment has no time we could read; it was left out.",
        "{count} comments have no time we could read; they were left out.",
        count,
        count=count,
    ),
}


# Year-less dates ------------------------------------------------------------------


def resolve_dates(
    values: pd.Series, context: Context, warnings: list[str], sources: list[YearSource]
) -> tuple[pd.Series, date | None]:
    """Dates from a column of date text: full dates when they carry a year, else year inference.

    Returns the dates and the download date we assumed (the day after the last row); the
    anchor that gave the year goes to `sources`.
    """
    if values.empty:
        return pd.Series([], dtype="datetime64[s]"), None
    full = values.map(lambda text: dates.parse_full_date(str(text)) if pd.notna(text) else None)
    if full.notna().mean() >= 0.9:
        bad = int(full.isna().sum())
        if bad:
            warnings.append(rows_left_out(bad, "date"))
        return pd.to_datetime(full), None
    month_days = dates.parse_month_day_series(values)
    unreadable = int(month_days.isna().sum())
    if unreadable == len(values):
        sample = " ".join(str(values.iloc[0]).split())[:40]
        raise ValueError(Said(N_('the dates (like "{sample}") are in a form we do not know'), sample=sample))
    if unreadable:
        warnings.append(rows_left_out(unreadable, "date"))
    known = month_days.dropna()
    end, anchor, source = year_anchor(context, first=known.iloc[0])
    if context.last_year is not None:
        month, day = known.iloc[-1]
        end, anchor = "last", _last_valid(context.last_year, month, day)
        source = _your_fix(context.last_year)
    if end == "first":
        resolved = dates.assign_years_from_first(list(known), first_on=anchor)
        if resolved[-1] > _latest_possible(context):
            # A date in the name that is the first row's day by chance (a year-long file named
            # after its download day) would put the data in the future: not the first day then.
            end, anchor, source = year_anchor(context)
    if end != "first":
        resolved = dates.assign_years(list(known), last_on_or_before=anchor)
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[s]")
    result.loc[known.index] = pd.to_datetime(resolved)
    sources.append(source)
    warnings.append(year_note(resolved[0], resolved[-1], source))
    return result, resolved[-1] + timedelta(days=1)


def year_note(first: date, last: date, source: YearSource) -> Said:
    """The sentence that tells the marketer which years we gave a file's dates, and why."""
    if source.kind == ASSUMED:
        # Not "the data ends yesterday": a file that ends in February is not assumed to end today.
        return Said(
            N_(
                "Dates have no year, and neither the file nor its name says which: we took its last day, {day}, "
                "to be the most recent {day} already past, so we read them as {first} to {last}. "
                "If the data is older, set the year of its last day under \u201cFix the year of a file\u201d "
                "on the Data page."
            ),
            day=DayMonth(last.year, last.month, last.day),
            first=first,
            last=last,
        )
    return Said(
        N_(
            "Dates have no year: we read them as {first} to {last} (the year comes from {source}). "
            "If the year is wrong, change it under \u201cFix the year of a file\u201d on the Data page."
        ),
        first=first,
        last=last,
        source=source.words,
    )


def _last_valid(year: int, month: int, day: int) -> date:
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return date(year, 3, 1)
    return date(year, month, day)


def year_anchor(context: Context, first: tuple[int, int] | None = None) -> tuple[str, date, YearSource]:
    """How to give year-less rows their year: ("first", the first row's date) when it is known
    exactly, else ("last", the latest date the last row can be); and where that came from.

    The file's own names come first (the file, then the ZIP or folder it was in): a first day
    that is the first row's day, the download time, a first day, a month and year. Only then
    the download day of another file of the same account (`batch_download_date`); then the
    most recent year that has the last row in the past.
    """
    named = [dates.file_name_dates(name) for name in reversed(context.names)]
    for item in named:
        if item.first_date and first == (item.first_date.month, item.first_date.day):
            return "first", item.first_date, _in_name(FIRST_DAY_IN_NAME, item.first_date)
    for item in named:
        if item.download_date:
            # The last row is the day before the download, or the download day itself when the
            # creator's clock is ahead of UTC: a day of slack keeps a Mar 14 row in the right year.
            return (
                "last",
                item.download_date + timedelta(days=1),
                _in_name(DOWNLOAD_IN_NAME, item.download_date),
            )
    for item in named:
        if item.first_date:
            # A file named after its first day covers at most a year from that day, and not the future.
            latest = min(item.first_date + timedelta(days=364), context.today or date.today())
            return "last", latest, _in_name(FIRST_DAY_IN_NAME, item.first_date)
    for item in named:
        if item.through_date:
            return (
                "last",
                item.through_date,
                YearSource(
                    FILE_NAME,
                    Said(N_("the year in the file name ({year})"), year=str(item.through_date.year)),
                    Said(N_("file name: {year}"), year=str(item.through_date.year)),
                ),
            )
    if context.batch_download_date:
        lender = context.batch_source or Said(N_("another file uploaded with it"))
        return (
            "last",
            context.batch_download_date + timedelta(days=1),
            YearSource(
                SAME_ACCOUNT,
                Said(N_("another file of the same account: {file}"), file=lender),
                Said(N_("same account: {file}"), file=lender),
                context.batch_source,
            ),
        )
    today = context.today or date.today()
    return (
        "last",
        today - timedelta(days=1),
        YearSource(
            ASSUMED,
            Said(N_("assumed: the most recent year that fits")),
            Said(N_("assumed: most recent year")),
        ),
    )


def _latest_possible(context: Context) -> date:
    """No row is later than the download day (a day of slack for time zones), nor than today."""
    downloads = [dates.file_name_dates(name).download_date for name in context.names]
    known = [day + timedelta(days=1) for day in downloads if day]
    return min([*known, context.today or date.today()])


FIRST_DAY_IN_NAME, DOWNLOAD_IN_NAME = "first day", "download time"


def _in_name(what: str, day: date) -> YearSource:
    if what == DOWNLOAD_IN_NAME:
        words = Said(N_("the download time in the file name ({day})"), day=day)
        label = Said(N_("file name: downloaded {day}"), day=day)
    else:
        words = Said(N_("the first day in the file name ({day})"), day=day)
        label = Said(N_("file name: first day {day}"), day=day)
    return YearSource(FILE_NAME, words, label)


def _your_fix(year: int) -> YearSource:
    return YearSource(
        YOUR_FIX,
        Said(N_("the year you set ({year})"), year=str(year)),
        Said(N_("your fix: {year}"), year=str(year)),
    )


# Builders: one per kind -----------------------------------------------------------


def _daily(
    fields: pd.DataFrame,
    context: Context,
    warnings: list[str],
    sources: list[YearSource],
    date_field: str = "stat_date",
):
    parsed, download = resolve_dates(fields[date_field], context, warnings, sources)
    frame = pd.DataFrame({date_field: parsed.dt.date})
    for name in fields.columns:
        if name != date_field:
            frame[name] = parse_counts(fields[name])
    return frame[frame[date_field].notna()], download


def _overview(fields, context, warnings, sources):
    frame, download = _daily(fields, context, warnings, sources)
    negative = int((frame.get("comments", pd.Series(dtype="Int64")) < 0).sum())
    if negative:
        warnings.append(
            Said.ngettext(
                "Comments are negative on {count} day (TikTok subtracts deleted comments); kept as they are.",
                "Comments are negative on {count} days (TikTok subtracts deleted comments); kept as they are.",
                negative,
                count=negative,
            )
        )
    return frame, download


def _viewers(fields, context, warnings, sources):
    frame, download = _daily(fields, context, warnings, sources)
    missing = count_missing(fields["total_viewers"])
    if missing:
        warnings.append(
            Said.ngettext(
                "{count} day has no viewer count (\u201cundefined\u201d in the file); left empty, not zero.",
                "{count} days have no viewer count (\u201cundefined\u201d in the file); left empty, not zero.",
                missing,
                count=missing,
            )
        )
    return frame, download


def _follower_history(fields, context, warnings, sources):
    # The export's difference column is shifted by a day in some files: recompute it from the totals.
    frame, download = _daily(fields.drop(columns=["net_followers"]), context, warnings, sources)
    frame = frame.sort_values("stat_date")
    frame["net_followers"] = frame["followers"].diff().astype("Int64")
    missing = count_missing(fields["followers"])
    if missing:
        warnings.append(
            Said.ngettext(
                "{count} day has no follower total (\u201cundefined\u201d in the file); left empty.",
                "{count} days have no follower total (\u201cundefined\u201d in the file); left empty.",
                missing,
                count=missing,
            )
        )
    return frame, download


def _follower_activity(fields, context, warnings, sources):
    frame, download = _daily(fields, context, warnings, sources, date_field="activity_date")
    frame["hour"] = frame["hour"].astype("Int64")
    return frame, download


def _distribution(key: str):
    def build(fields, context, warnings, sources):
        frame = pd.DataFrame({key: fields[key].str.strip(), "share": parse_rates(fields["share"])})
        return frame[frame[key].notna() & (frame[key] != "")], None

    return build


def _business_overview(fields, context, warnings, sources):
    frame, download = _daily(fields, context, warnings, sources)
    if "net_followers" not in frame and {"new_followers", "lost_followers"} <= set(frame.columns):
        frame["net_followers"] = frame["new_followers"] - frame["lost_followers"]
    return frame, download


def video_ids_and_handles(urls: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The 19-digit video id and the account handle in each TikTok video link."""
    # A million comments sit on a few hundred videos: parse each distinct link once.
    codes, distinct = pd.factorize(urls.astype("string").fillna(""))
    links = pd.Series(distinct, dtype="string")
    match = links.str.extract(VIDEO_URL)
    ids = match["id"].fillna(links.str.extract(SHARE_URL)["id"]).astype("string")
    handles = match["handle"].str.lower().astype("string")
    return (
        pd.Series(ids.to_numpy()[codes], index=urls.index, dtype="string"),
        pd.Series(handles.to_numpy()[codes], index=urls.index, dtype="string"),
    )


def _post_times(video_ids: pd.Series) -> pd.Series:
    return pd.to_datetime(
        video_ids.map(lambda value: dates.post_time_from_video_id(value) if pd.notna(value) else None)
    )


def _videos_common(fields: pd.DataFrame, context: Context, warnings: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(index=fields.index)
    if "video_url" in fields:
        ids, handles = video_ids_and_handles(fields["video_url"])
        frame["video_url"] = fields["video_url"]
        frame["account_handle"] = handles
    else:
        ids = pd.Series(pd.NA, index=fields.index, dtype="string")
    if "video_id" in fields:
        ids = (
            fields["video_id"]
            .str.strip()
            .where(fields["video_id"].str.strip().str.fullmatch(r"\d+").fillna(False), ids)
        )
    frame["video_id"] = ids
    missing = int(ids.isna().sum())
    if missing:
        warnings.append(rows_left_out(missing, "link"))
    frame["posted_at"] = _post_times(ids)
    if "caption" in fields:
        frame["caption"] = fields["caption"].str.strip()
    for name in (
        "total_views",
        "total_likes",
        "total_comments",
        "total_shares",
        "total_saves",
        "reach",
        "new_followers",
    ):
        if name in fields:
            frame[name] = parse_counts(fields[name])
    for name in ("duration_seconds", "average_watch_seconds"):
        if name in fields:
            frame[name] = parse_numbers(fields[name])
    if "completion_rate" in fields:
        frame["completion_rate"] = parse_rates(fields["completion_rate"])
    if "format" in fields:
        frame["format"] = fields["format"].str.strip().replace("", pd.NA)
    return frame[frame["video_id"].notna()]


def _content(fields, context, warnings, sources):
    frame = _videos_common(fields, context, warnings)
    stats = fields["stats_date"].dropna()
    download = None
    if len(stats):
        posted = frame["posted_at"].dropna()
        month, day = dates.parse_month_day(str(stats.iloc[0])) or (None, None)
        if month and len(posted):
            # The newest video was posted on or before the download day: the first such
            # month/day on or after it is the download date. Exact, thanks to the video ids.
            newest = posted.max().date()
            candidate = _last_valid(newest.year, month, day)
            download = candidate if candidate >= newest else _last_valid(newest.year + 1, month, day)
            sources.append(
                YearSource(
                    VIDEO_IDS,
                    Said(N_("the video ids (the newest was posted on {day})"), day=newest),
                    Said(N_("video ids: newest posted {day}"), day=newest),
                )
            )
        elif month:
            _, bound, source = year_anchor(context)
            if context.last_year is not None:
                bound = _last_valid(context.last_year, month, day)
                source = _your_fix(context.last_year)
            download = dates.assign_years([(month, day)], last_on_or_before=bound)[0]
            sources.append(source)
    frame["stats_date"] = (
        pd.to_datetime(pd.Series(download, index=frame.index)).dt.date if download else pd.NaT
    )
    return frame, download


def _business_videos(fields, context, warnings, sources):
    frame = _videos_common(fields, context, warnings)
    if frame["posted_at"].isna().any() and "posted_text" in fields:
        parsed = fields["posted_text"].map(
            lambda text: dates.parse_full_date(str(text)) if pd.notna(text) else None
        )
        frame["posted_at"] = frame["posted_at"].fillna(pd.to_datetime(parsed.reindex(frame.index)))
    return frame, None


def _video_details(fields, context, warnings, sources):
    frame, download = _business_videos(fields, context, warnings, sources)
    if "account_handle" in frame:
        frame = frame[frame["account_handle"].ne(EXAMPLE_HANDLE).fillna(True)]
    return frame, download


EARLIEST = pd.Timestamp("2016-01-01")
LATEST = pd.Timestamp("2100-01-01")
_SLASH_DATE = re.compile(
    r"^(?P<date>\d{1,2}[/.]\d{1,2}[/.]\d{4})(?:[ T,]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?$"
)


def parse_timestamps(values: pd.Series) -> pd.Series:
    """UTC timestamps (naive) from ISO text, `2025-06-26 18:28:29`, `13/06/2026 20:00`, or Unix seconds / ms.

    Slash and dot dates are read day first (month first only when that is the only
    valid reading), the same rule as `dates.parse_full_date`. Anything outside 2016–2099
    (TikTok's lifetime, give or take) is not a real comment or LIVE time: missing.
    """
    text = values.astype("string").str.strip()
    # Fast path: most exports write ISO times (Apify's createTimeISO); only the rest is looked at closely.
    iso = pd.to_datetime(text, format="ISO8601", utc=True, errors="coerce").dt.tz_convert(None)
    if iso.notna().all():
        parsed = iso.astype("datetime64[us]")
        return parsed.where((parsed >= EARLIEST) & (parsed < LATEST))
    text = text.where(iso.isna())
    numeric = pd.to_numeric(text.where(text.str.fullmatch(r"\d{9,13}").fillna(False)), errors="coerce")
    unit_ms = numeric > 1e11
    from_epoch = pd.to_datetime(numeric.where(~unit_ms), unit="s").fillna(
        pd.to_datetime(numeric.where(unit_ms), unit="ms")
    )
    slashed = text.str.extract(_SLASH_DATE)
    slash_dates = pd.to_datetime(
        slashed["date"].map(lambda value: dates.parse_full_date(value) if isinstance(value, str) else None)
    )
    slash_times = pd.to_timedelta(
        slashed["time"].where(slashed["time"].str.count(":") == 2, slashed["time"] + ":00")
    )
    from_slash = slash_dates + slash_times.fillna(pd.Timedelta(0))
    iso_like = text.where(
        numeric.isna()
        & slashed["date"].isna()
        & text.str.match(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}").fillna(False)
    )
    from_text = pd.to_datetime(iso_like, utc=True, errors="coerce", format="mixed").dt.tz_convert(None)
    parsed = iso.fillna(from_epoch).fillna(from_slash).fillna(from_text).astype("datetime64[us]")
    return parsed.where((parsed >= EARLIEST) & (parsed < LATEST))


def _lives(fields, context, warnings, sources):
    frame = pd.DataFrame(index=fields.index)
    frame["started_at"] = parse_timestamps(fields["started_at"])
    for name in ("viewers", "peak_viewers", "comments", "likes", "shares", "gifts", "new_followers"):
        if name in fields:
            frame[name] = parse_counts(fields[name])
    if "duration_minutes" in fields:
        frame["duration_minutes"] = parse_numbers(fields["duration_minutes"])
    if "title" in fields:
        frame["title"] = fields["title"].str.strip()
        # The template ships with one example row; a marketer who forgot to delete it loses nothing.
        frame = frame[~frame["title"].str.startswith(EXAMPLE_MARK).fillna(False)]
    bad = int(frame["started_at"].isna().sum())
    if bad:
        warnings.append(rows_left_out(bad, "live_start"))
    return frame[frame["started_at"].notna()], None


# Plausibility: what no real export holds ------------------------------------------

FIRST_DAY = date(2016, 1, 1)  # TikTok did not exist before
# A thousand billion views (or likes...) on one day or one video: no account has come near.
MAX_COUNT = 10**12


def plausible_rows(
    table: str, frame: pd.DataFrame, context: Context, warnings: list[str], fields: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Rows dated before TikTok existed or after tomorrow are left out; impossible counts are emptied.

    Both with a sentence. A table whose every date is impossible is not loaded at all (ValueError),
    so one bad file can never push the app's periods to year 1 or 9999.
    """
    column = DATE_COLUMNS[table]
    if column and column in frame and len(frame):
        last_day = (context.today or date.today()) + timedelta(days=1)
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            days = values.dt.floor("D")
            outside = (days < pd.Timestamp(FIRST_DAY)) | (days > pd.Timestamp(last_day))
        else:
            outside = values.map(
                lambda day: isinstance(day, date) and not FIRST_DAY <= _day(day) <= last_day
            ).astype(bool)
        if outside.any():
            sample = _day(values[outside].iloc[0]).isoformat()
            if outside.sum() == values.notna().sum():
                raise ValueError(no_dates(sample))
            count = int(outside.sum())
            warnings.append(rows_outside(count, sample))
            frame = frame[~outside]
    counts = [name for name, kind in TABLES[table].items() if kind in ("BIGINT", "DOUBLE") and name in frame]
    impossible = 0
    for name in counts:
        too_big = frame[name].abs().gt(MAX_COUNT).fillna(False).astype(bool)
        if fields is not None and name in fields:
            # Numbers past 2^63 (1e308) were already emptied when read: count them too.
            written = parse_numbers(fields[name].reindex(frame.index)).abs().gt(MAX_COUNT)
            too_big |= written.fillna(False).astype(bool)
        if too_big.any():
            impossible += int(too_big.sum())
            frame = frame.assign(**{name: frame[name].mask(too_big)})
    if impossible:
        warnings.append(impossible_numbers(impossible))
    return frame


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


_BUILDERS = {
    "overview": _overview,
    "viewers": _viewers,
    "follower_history": _follower_history,
    "follower_activity": _follower_activity,
    "follower_gender": _distribution("gender"),
    "follower_territories": _distribution("territory_code"),
    "business_overview": _business_overview,
    "content": _content,
    "business_videos": _business_videos,
    "video_details": _video_details,
    "lives": _lives,
}


def today() -> date:
    return datetime.now().date()
