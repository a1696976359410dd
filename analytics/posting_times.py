"""When do the brand's own videos do best: which weekday and hour of posting?"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import duckdb
import pandas as pd
from babel.dates import format_skeleton, get_day_names

from analytics import i18n, stats, wording
from analytics.format_stats import _rate, _videos, _with_rated_sums
from analytics.i18n import ngettext

# English names, for code that reads them; what a marketer reads comes from weekday_name().
WEEKDAYS: list[str] = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def weekday_name(weekday: int, width: Literal["abbreviated", "narrow", "short", "wide"] = "wide") -> str:
    """A weekday (0 = Monday) in the run's language: "Wednesday", "mercredi", "Thứ Tư" ("abbreviated": "Wed")."""
    return get_day_names(width, locale=i18n.language())[weekday]


def weekday_names() -> list[str]:
    """Monday to Sunday in the run's language, capitalised as labels ("Samedi", "Thứ Bảy")."""
    return [name[:1].upper() + name[1:] for name in (weekday_name(index) for index in range(7))]


def hour_span(hour: int) -> str:
    """A posting or LIVE hour as its locale writes it: "19:00–20:00" ("19.00–20.00" in Indonesian)."""
    start = datetime(2000, 1, 1, hour)  # any day: only the hour is written
    end = datetime(2000, 1, 1, hour + 1) if hour < 23 else datetime(2000, 1, 2, 0)
    locale = i18n.language()
    return f"{format_skeleton('HHmm', start, locale=locale)}–{format_skeleton('HHmm', end, locale=locale)}"


def posting_time_performance(
    con: duckdb.DuckDBPyConnection,
    *,
    utc_offset_hours: float = 0,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """When do the brand's own videos do best: which weekday and hour of posting?

    One row per weekday (0 = Monday) and hour (0-23) of posting, in the brand's time zone
    (posted_at + `utc_offset_hours`), all 168 slots. Columns: weekday, hour, count_videos, total_views,
    median_views (NULL without videos), engagement_rate (ratio of sums).
    """
    return posting_time_table(_videos(con, start, end), utc_offset_hours=utc_offset_hours)


def posting_time_table(videos: pd.DataFrame, *, utc_offset_hours: float = 0) -> pd.DataFrame:
    """posting_time_performance() of these videos (rows of video_formats()), already read."""
    videos = _with_rated_sums(videos)
    videos = videos[videos["posted_at"].notna()]
    local = videos["posted_at"] + pd.to_timedelta(utc_offset_hours, unit="h")
    videos = videos.assign(weekday=local.dt.day_of_week, hour=local.dt.hour)
    slots = pd.MultiIndex.from_product([range(7), range(24)], names=["weekday", "hour"])
    grid = (
        videos.groupby(["weekday", "hour"])
        .agg(
            count_videos=("video_id", "size"),
            total_views=("total_views", "sum"),
            median_views=("total_views", "median"),
            rated_engagements=("rated_engagements", "sum"),
            rated_views=("rated_views", "sum"),
        )
        .reindex(slots)
        .reset_index()
    )
    grid = grid.assign(
        count_videos=grid["count_videos"].fillna(0).astype("int64"),
        total_views=grid["total_views"].fillna(0).astype("int64"),
        median_views=grid["median_views"].astype(float),
        engagement_rate=_rate(grid["rated_engagements"], grid["rated_views"]),
    )
    return grid[["weekday", "hour", "count_videos", "total_views", "median_views", "engagement_rate"]]


def best_posting_slots(grid: pd.DataFrame, *, top: int = 3, min_videos: int = 2) -> list[str]:
    """Which posting slots should the brand use? The `top` best by engagement rate, in plain words.

    `grid` is posting_time_performance(); slots with fewer than `min_videos` videos are skipped.
    E.g. "Wednesday 19:00–20:00: 5 videos, 9.8% engagement".
    """
    slots = grid[(grid["count_videos"] >= min_videos) & grid["engagement_rate"].notna()]
    slots = slots.sort_values(
        ["engagement_rate", "count_videos", "weekday", "hour"], ascending=[False, False, True, True]
    ).head(top)
    # Translators: {weekday} is a day name ("Wednesday"), {hours} "19:00–20:00", {rate} an engagement rate.
    return [
        stats.sentence(
            ngettext(
                "{weekday} {hours}: {count} video, {rate} engagement",
                "{weekday} {hours}: {count} videos, {rate} engagement",
                int(row.count_videos),
            ).format(
                weekday=weekday_name(int(row.weekday)),
                hours=hour_span(int(row.hour)),
                count=wording.count(int(row.count_videos)),
                rate=wording.percent(row.engagement_rate),
            )
        )
        for row in slots.itertuples()
    ]
