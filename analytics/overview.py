"""How is the account doing? The Overview page's numbers, each against the period before.

The previous period has the same length and ends the day before the chosen one starts,
so "last 28 days" compares with the 28 days before. A number the files do not provide
(completion rate without a video detail sheet, say) is None, never zero, and the page
says which file would provide it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from analytics import wording
from analytics.db import read_sql
from analytics.definitions import DEFINITIONS


def shift(day: date, days: int) -> date:
    """`day` moved by `days`, stopping at the calendar's first or last day instead of raising OverflowError."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of equal length that ends the day before this one starts."""
        return Period(shift(self.start, -self.days), shift(self.start, -1))

    def describe(self) -> str:
        return f"{wording.day(self.start)} – {wording.day(self.end)} ({wording.plural(self.days, 'day')})"


# metric -> (unit, where it comes from when missing)
METRICS: dict[str, tuple[str, str]] = {
    "video_views": ("count", "a TikTok Studio Overview export"),
    "engagements": ("count", "a TikTok Studio Overview export"),
    "engagement_rate": ("percent", "a TikTok Studio Overview export"),
    "follower_growth": ("signed_count", "a TikTok Studio Followers export (FollowerHistory)"),
    "profile_views": ("count", "a TikTok Studio Overview export"),
    "new_viewers": ("count", "a TikTok Studio Viewers export"),
    "returning_viewers": ("count", "a TikTok Studio Viewers export"),
    "new_viewer_share": ("percent", "a TikTok Studio Viewers export"),
    "completion_rate": ("percent", "a video detail sheet with a completion rate column"),
    "average_watch_seconds": ("seconds", "a video detail sheet with an average watch time column"),
}


# Per-video numbers: compared between periods only when each has enough videos.
PER_VIDEO = {"completion_rate", "average_watch_seconds"}
MIN_VIDEOS = 5


def period_totals(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, float | None]:
    """The account's headline numbers for one period; None where the files have no data for it."""
    row = con.execute(read_sql("account_totals"), {"start": period.start, "end": period.end}).df().iloc[0]
    value = {key: (None if pd.isna(item) else item) for key, item in row.items()}
    has_days = bool(value["count_days"])
    engagements = None
    if has_days and None not in (value["total_likes"], value["total_comments"], value["total_shares"]):
        engagements = int(value["total_likes"] + value["total_comments"] + value["total_shares"])
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
    }


def account_kpis(con: duckdb.DuckDBPyConnection, period: Period) -> pd.DataFrame:
    """Each headline number for the period, the same for the period before, and the change.

    One row per metric. Columns: metric, label, value, previous_value, change (relative,
    e.g. 0.12 for +12%; for rates, the difference in percentage points), unit,
    definition, missing_source (the file that would provide a missing number), and the
    words every page, deck and report shows: value_text, change_text, change_basis
    ("vs previous period"), previous_text.

    Follower growth is itself a change, so its one percentage is not a change of a change:
    `change` holds the growth as a share of the first day's followers (metrics.md), worded
    "+0.3%" "of first-day followers"; the previous period's growth is in previous_value.
    """
    current = period_totals(con, period)
    previous = period_totals(con, period.previous())
    rows = []
    for metric, (unit, source) in METRICS.items():
        value, before = current[metric], previous[metric]
        if metric in PER_VIDEO and previous["count_videos"] < MIN_VIDEOS:
            before = None  # a change measured on one or two videos is luck, not a trend
        basis = wording.PREVIOUS_PERIOD_BASIS
        if metric == "follower_growth":
            change = current["follower_growth_share"]
            basis = wording.FOLLOWER_SHARE_BASIS
            change_text = None if change is None else wording.percent(change, signed=True)
        else:
            if value is None or before is None:
                change = None
            elif unit == "percent":
                change = value - before
            else:
                change = (value - before) / abs(before) if before else None
            change_text = wording.change(change, unit)
        rows.append(
            {
                "metric": metric,
                "label": DEFINITIONS[metric][0],
                "value": value,
                "previous_value": before,
                "change": change,
                "unit": unit,
                "definition": DEFINITIONS[metric][1],
                "missing_source": source if value is None else None,
                "value_text": wording.value(value, unit),
                "change_text": change_text,
                "change_basis": basis if change_text else None,
                "previous_text": None if before is None else wording.value(before, unit),
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
    return con.execute(read_sql("daily_trend"), {"start": period.start, "end": period.end}).df()


def default_period(con: duckdb.DuckDBPyConnection) -> Period | None:
    """The whole span the daily files cover, or the videos' and comments' span when there are no daily files."""
    low, high = con.execute(
        """
        select min(day), max(day) from (
            select stat_date as day from daily_stats where video_views is not null
            union all select posted_at::date from videos
            union all select commented_at::date from comments
        )
        """
    ).fetchone()
    if low is None:
        return None
    low_daily = con.execute(
        "select min(stat_date), max(stat_date) from daily_stats where video_views is not null"
    ).fetchone()
    if low_daily[0] is not None:
        return Period(low_daily[0], low_daily[1])
    return Period(low, high)
