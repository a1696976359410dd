"""How is the account doing? The Overview page's numbers, each against the period before.

A run of days ("last 28 days") compares with as many days just before; a calendar month ("last
month") with the whole month before; a month so far ("this month so far", 1–18 Nov) with the same
days of the month before (1–18 Oct). `Period.previous()` is that comparison for every page, deck and
report. Counts (views, engagements...) are compared as daily averages when the files cover a
different number of days in the two periods (October has 31 days, September 30), so a longer month
is not "growth". A number the files do not provide (completion rate without a video detail sheet,
say) is None, never zero, and the page says which file would provide it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from analytics import db, wording
from analytics.db import query
from analytics.definitions import definition
from analytics.i18n import N_, _, ngettext
from analytics.settings import SETTINGS


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, stopping at the calendar's first or last day instead of raising OverflowError."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def days_count(days: int) -> str:
    """ "28 days", "28 jours": a number of days in this run's language."""
    return ngettext("{count} day", "{count} days", days).format(count=wording.count(days))


# How a period was chosen, which decides what it is compared with.
DAYS, MONTH, MONTH_SO_FAR = "days", "month", "month_so_far"


@dataclass(frozen=True)
class Period:
    """A span of whole days (both ends included) and how it was chosen: `kind` is DAYS (a run of
    days, compared with as many days just before), MONTH (a whole calendar month, compared with the
    month before) or MONTH_SO_FAR (a month's first day to a day in it, compared with the same days of
    the month before)."""

    start: date
    end: date
    kind: str = DAYS

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """What this period's numbers are compared with: the days, the month or the same days before."""
        if self.kind == DAYS or self.start == date.min:
            return Period(shift(self.start, -self.days), shift(self.start, -1))
        before = month_of(self.start - timedelta(days=1))
        if self.kind == MONTH or self.end == month_of(self.start).end:
            return before  # a month so far that reached its last day is the whole month
        end = before.start.replace(day=min(self.end.day, before.end.day))
        return before if end == before.end else Period(before.start, end, MONTH_SO_FAR)

    @property
    def name(self) -> str | None:
        """ "October 2026", "November 2026 so far"; None for a run of days."""
        if self.kind == DAYS:
            return None
        month = wording.month(self.start)
        # Translators: {month} is a month and its year ("November 2026"), from its 1st to the data's last day
        return month if self.end == month_of(self.start).end else _("{month} so far").format(month=month)

    @property
    def previous_name(self) -> str:
        """The comparison in words, for a sentence: "the previous 28 days", "September 2026",
        "the same days of October 2026"."""
        before = self.previous()
        if self.kind == DAYS:
            return ngettext("the previous {count} day", "the previous {count} days", self.days).format(
                count=wording.count(self.days)
            )
        if before.kind == MONTH:
            return str(before.name)
        # Translators: {month} is a month and its year ("October 2026"); the days are its first ones
        return ngettext("the same day of {month}", "the same days of {month}", before.days).format(
            month=wording.month(before.start)
        )

    def describe(self) -> str:
        """1 Aug 2026 – 28 Aug 2026 (28 days) · October 2026 (1 Oct – 31 Oct 2026, 31 days)."""
        if self.name is None:
            return _("{start} – {end} ({days})").format(
                start=wording.day(self.start), end=wording.day(self.end), days=days_count(self.days)
            )
        # Translators: {name} is "October 2026", {span} "1 Oct – 31 Oct 2026", {days} "31 days"
        return _("{name} ({span}, {days})").format(
            name=self.name, span=wording.span(self.start, self.end), days=days_count(self.days)
        )

    def compared_with(self) -> str:
        """The comparison in words with its dates: "the 28 days before (4 Jul – 31 Jul 2026)",
        "September 2026 (1 Sep – 30 Sep 2026)", "the same days of October 2026 (1 Oct – 18 Oct 2026)"."""
        before = self.previous()
        dates = wording.span(before.start, before.end)
        if self.kind == DAYS:
            # Translators: {dates} is a span of days ("4 Jul – 31 Jul 2026")
            return ngettext(
                "the {count} day before ({dates})", "the {count} days before ({dates})", self.days
            ).format(count=wording.count(self.days), dates=dates)
        # Translators: {words} is "September 2026" or "the same days of October 2026", {dates} their span of days
        return _("{words} ({dates})").format(words=self.previous_name, dates=dates)


def month_of(day: date) -> Period:
    """The whole calendar month `day` is in."""
    last = calendar.monthrange(day.year, day.month)[1]
    return Period(day.replace(day=1), day.replace(day=last), MONTH)


def last_month(last_day: date) -> Period:
    """The last complete calendar month of data ending on `last_day`: data to 18 Nov gives October, and
    data to 30 Nov gives November itself, since its last day is in."""
    month = month_of(last_day)
    return month if last_day == month.end else month.previous()


def month_so_far(last_day: date) -> Period:
    """The 1st of `last_day`'s month to `last_day`: "this month so far" for data ending that day (the
    whole month, compared with the whole month before, when `last_day` is the month's last day)."""
    month = month_of(last_day)
    return month if last_day == month.end else Period(month.start, last_day, MONTH_SO_FAR)


# The sidebar's ready-made periods, anchored on the data's last day (exports are often a few days
# old). The first is the default: a quarter gives most formats enough videos to compare, and a
# previous quarter to compare the account's numbers with. A number is that many days; None is all.
# The names are stored codes (kept in the session and in decks' settings): show them with `_(name)`.
PRESETS: dict[str, int | str | None] = {
    N_("Last 90 days"): 90,
    N_("Last 28 days"): 28,
    N_("Last 7 days"): 7,
    N_("Last month"): MONTH,
    N_("This month so far"): MONTH_SO_FAR,
    N_("All data"): None,
}


def preset_period(span: Period, preset: int | str | None) -> Period:
    """The period a PRESETS value picks from the data's whole `span`; a run of days never starts
    before the data, a calendar month stays whole (its words name it)."""
    if preset is None:
        return span
    if preset == MONTH:
        return last_month(span.end)
    if preset == MONTH_SO_FAR:
        return month_so_far(span.end)
    if isinstance(preset, int) and preset > 0:
        return Period(max(span.start, shift(span.end, 1 - preset)), span.end)
    raise ValueError(f"Unknown period preset {preset!r}.")  # i18n: programmer error


# metric -> (unit, where it comes from when missing: shown with `_(source)`)
METRICS: dict[str, tuple[str, str]] = {
    "video_views": ("count", N_("a TikTok Studio Overview export")),
    "engagements": ("count", N_("a TikTok Studio Overview export")),
    "engagement_rate": ("percent", N_("a TikTok Studio Overview export")),
    "follower_growth": ("signed_count", N_("a TikTok Studio Followers export (FollowerHistory)")),
    "profile_views": ("count", N_("a TikTok Studio Overview export")),
    "new_viewers": ("count", N_("a TikTok Studio Viewers export")),
    "returning_viewers": ("count", N_("a TikTok Studio Viewers export")),
    "new_viewer_share": ("percent", N_("a TikTok Studio Viewers export")),
    "completion_rate": ("percent", N_("a video detail sheet with a completion rate column")),
    "average_watch_seconds": ("seconds", N_("a video detail sheet with an average watch time column")),
}


# Per-video numbers: compared between periods only when each has enough videos.
PER_VIDEO = {"completion_rate", "average_watch_seconds"}
MIN_VIDEOS = SETTINGS.min_videos


def period_totals(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, float | None]:
    """The account's headline numbers for one period; None where the files have no data for it."""
    row = query(con, "account_totals", {"start": period.start, "end": period.end}).df().iloc[0]
    value = {key: (None if pd.isna(item) else item) for key, item in row.items()}
    has_days = bool(value["count_days"])
    engagements = (
        int(value["total_engagements"]) if has_days and value["total_engagements"] is not None else None
    )
    views = value["total_views"] if has_days else None
    growth = None
    if value["first_followers"] is not None and value["last_followers"] is not None:
        growth = int(value["last_followers"] - value["first_followers"])
    elif value["total_net_followers"] is not None:
        growth = int(value["total_net_followers"])
    new, returning = value["total_new_viewers"], value["total_returning_viewers"]
    return {
        "video_views": views,
        "engagements": engagements,
        "engagement_rate": engagements / views if engagements is not None and views else None,
        "follower_growth": growth,
        "follower_growth_share": growth / value["first_followers"]
        if growth is not None and value["first_followers"]
        else None,
        "profile_views": value["total_profile_views"] if has_days else None,
        "new_viewers": new,
        "returning_viewers": returning,
        "new_viewer_share": new / (new + returning)
        if new is not None and returning is not None and new + returning
        else None,
        "completion_rate": value["completion_rate"],
        "average_watch_seconds": value["average_watch_seconds"],
        "count_videos": int(value["count_videos"] or 0),
        "count_days": int(value["count_days"] or 0),
        "count_viewer_days": int(value["count_viewer_days"] or 0),
    }


# Counts from the Viewers export cover that file's days, the others the Overview export's days.
VIEWER_COUNTS = {"new_viewers", "returning_viewers"}


def covered_days(totals: dict[str, float | None], metric: str) -> int:
    """How many days of the period the files give `metric` for (period_totals' count_days)."""
    return int(totals["count_viewer_days" if metric in VIEWER_COUNTS else "count_days"] or 0)


def account_kpis(con: duckdb.DuckDBPyConnection, period: Period) -> pd.DataFrame:
    """Each headline number for the period, the same for the period before, and the change.

    The period before is `period.previous()`. One row per metric. Columns: metric, label, value,
    previous_value, change (relative, e.g. 0.12 for +12%; for rates, the difference in percentage
    points), unit, definition, missing_source (the file that would provide a missing number), and
    the words every page, deck and report shows: value_text, change_text, change_basis ("vs
    previous period", or "in daily average"), previous_text.

    A count (views, engagements...) is a total over the days the files cover, so when they cover a
    different number of days in the two periods (October's 31 against September's 30, or a
    comparison month only partly in the files), its change is the change of its daily average,
    worded "in daily average", and previous_text says over how many days; with the same number of
    days the two are the same, and the change stays "vs previous period".

    Follower growth is itself a change, so its one percentage is not a change of a change:
    `change` holds the growth as a share of the first day's followers (metrics.md), worded
    "+0.3%" "of first-day followers"; the previous period's growth is in previous_value.
    """
    current = period_totals(con, period)
    previous = period_totals(con, period.previous())
    rows = []
    for metric, (unit, source) in METRICS.items():
        value, before = current[metric], previous[metric]
        if metric in PER_VIDEO and int(previous["count_videos"] or 0) < MIN_VIDEOS:
            before = None  # a change measured on one or two videos is luck, not a trend
        basis = wording.PREVIOUS_PERIOD_BASIS
        previous_text = None if before is None else wording.value(before, unit)
        days_now, days_before = covered_days(current, metric), covered_days(previous, metric)
        if metric == "follower_growth":
            change = current["follower_growth_share"]
            basis = wording.FOLLOWER_SHARE_BASIS
            change_text = None if change is None else wording.percent(change, signed=True)
        else:
            if value is None or before is None:
                change = None
            elif unit == "percent":
                change = value - before
            elif unit == "count" and days_now != days_before and days_now and days_before:
                change = (value / days_now) / (before / days_before) - 1 if before else None
                basis = wording.DAILY_AVERAGE_BASIS
                # Translators: "12,345 over 30 days (412 a day, against 398 a day now)"
                previous_text = _("{total} over {days} ({before} a day, against {now} a day now)").format(
                    total=previous_text,
                    days=days_count(days_before),
                    before=wording.value(before / days_before, unit),
                    now=wording.value(value / days_now, unit),
                )
            else:
                change = (value - before) / abs(before) if before else None
            change_text = wording.change(change, unit)
        name, text = definition(metric)
        rows.append(
            {
                "metric": metric,
                "label": name,
                "value": value,
                "previous_value": before,
                "change": change,
                "unit": unit,
                "definition": text,
                "missing_source": _(source) if value is None else None,
                "value_text": wording.value(value, unit),
                "change_text": change_text,
                "change_basis": basis if change_text else None,
                "previous_text": previous_text,
            }
        )
    frame = pd.DataFrame(rows)
    words = ["change_text", "change_basis", "previous_text", "missing_source"]
    frame[words] = frame[words].astype(object).where(frame[words].notna(), None)
    return frame


def daily_trend(con: duckdb.DuckDBPyConnection, period: Period) -> pd.DataFrame:
    """Day by day in the period: views, engagements, engagement rate, followers and their change.

    One row per day that any daily file covers. Columns: stat_date, video_views,
    profile_views, engagements, engagement_rate, followers, follower_change,
    new_viewers, returning_viewers.
    """
    return query(con, "daily_trend", {"start": period.start, "end": period.end}).df()


def default_period(con: duckdb.DuckDBPyConnection) -> Period | None:
    """The whole span the daily files cover, or the videos' and comments' span when there are no daily files."""
    low, high = db.one(
        con,
        """
        select min(day), max(day) from (
            select stat_date as day from daily_stats where video_views is not null
            union all select posted_at::date from videos
            union all select commented_at::date from comments
        )
        """,
    )
    if low is None:
        return None
    low_daily = db.one(
        con, "select min(stat_date), max(stat_date) from daily_stats where video_views is not null"
    )
    if low_daily[0] is not None:
        return Period(low_daily[0], low_daily[1])
    return Period(low, high)
