"""Everything the Interaction formats page shows, computed once: `formats_view(con, period, ...)`.

The page renders this object, and the deck's formats slides (`analytics.report.sections`) read their
numbers from it, so the page and the deck cannot disagree. The videos and their formats are read
once (`video_formats` over all the data: the "Check and fix formats" tab lists every video); the
period's videos, the per-format table, the months, the hashtags and the posting times are all
computed from that one frame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from analytics import db, lives, lookalikes, preferences, stats, timezones, wording
from analytics.captions import DEFAULT_RULES, Rules
from analytics.communities import GENERIC_HASHTAGS
from analytics.format_stats import (
    RateComparison,
    all_videos_rate,
    best_against_most_common,
    format_table,
    format_takeaway,
    in_period,
    month_table,
    video_formats,
)
from analytics.hashtags import hashtag_table
from analytics.i18n import _, ngettext
from analytics.overview import Period
from analytics.posting_times import best_posting_slots, posting_time_table
from analytics.settings import SETTINGS

MIN_VIDEOS = SETTINGS.min_videos
SLOT_MIN_VIDEOS = 2  # a posting slot is named among the best with this many videos (the page's list)
MAX_GROUPS = 8  # groups offered for tagging in bulk, those with the most viewed unsure videos first
QUEUE_COLUMNS = ["video_id", "caption", "total_views", "format", "confidence", "reason", "why"]


@dataclass(frozen=True)
class TagGroup:
    """Videos that look like one series, to tag at once: a recurring hashtag, or captions that read alike."""

    key: str  # stable for the page's widgets: the hashtag, or "like:" and the first video's id
    label: str  # "#phintips" or 'captions like "Tuto phin glacé…"'
    hashtag: str | None  # a hashtag group's hashtag (it can become a series rule)
    video_ids: tuple[str, ...]
    count_unsure: int  # of them, guesses and likely ones
    suggested: str | None  # the format to offer first: the one its sure videos have, else its most common
    # guess but Other; None when nothing hints at one


@dataclass(frozen=True)
class LiveTab:
    """The LIVE tab: the period's LIVEs, their tiles, the best slot and who keeps coming back."""

    sessions: pd.DataFrame
    kpis: pd.DataFrame
    note: str
    best_slot: str
    audience: Mapping[str, Any]
    regulars: pd.DataFrame | None


@dataclass(frozen=True)
class FormatsView:
    """Every number, table and sentence of the Interaction formats page for one period and its choices."""

    period: Period | None
    min_videos: int
    confidence: float
    every_video: pd.DataFrame  # all the data, with format, format_source, reason
    videos: pd.DataFrame  # the period's
    table: pd.DataFrame  # engagement by format (format_table)
    comparison: tuple[str, str, RateComparison] | None  # best_against_most_common
    takeaway: str
    few_videos: str | None  # when fewer than two formats can be compared
    small_formats: tuple[str, ...]
    all_videos_rate: float | None  # the dashed line: all the period's videos together
    monthly: pd.DataFrame
    sources: str  # where the formats came from, a sentence
    unsure_note: str | None  # "12 of 40 videos are guesses…": how many of the period's formats to check
    queue: pd.DataFrame  # "Check these first": every guess and likely one, most views first (QUEUE_COLUMNS)
    groups: tuple[TagGroup, ...]  # look-alike videos to tag in bulk
    series: pd.DataFrame  # the series rules in force: hashtag, format, count_videos (that it decides)
    brand_hashtags: tuple[str, ...]
    hashtags: pd.DataFrame
    zone: timezones.ZoneGuess
    utc_offset: float
    zone_note: str
    activity: pd.DataFrame | None  # followers online per weekday and hour, when the files have it
    activity_peaks: tuple[str, ...]
    posting_grid: pd.DataFrame
    best_slots: tuple[str, ...]
    has_lives: bool
    live: LiveTab | None  # None without LIVE data or without a LIVE in the period

    @property
    def level(self) -> str:
        return stats.level(self.confidence)


def _has(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    if table not in {"videos", "lives", "follower_activity"}:
        raise ValueError(f"Unknown table {table!r}.")  # i18n: a programming error, never shown
    return bool(db.scalar(con, f'select count(*) from "{table}"'))


def _sources(every_video: pd.DataFrame) -> str:
    counts = every_video["format_source"].value_counts()
    fixes = int(counts.get("override", 0))
    listed = ngettext(
        "The video is listed, whatever the period.",
        "All {count} videos are listed, whatever the period.",
        len(every_video),
    ).format(count=wording.count(len(every_video)))
    # Translators: each {…} is a count of videos; {listed} is the sentence "All 40 videos are listed, …"
    return _(
        "Each video's format comes from, in this order: **your fix** ({fixes}), the **format column** of your "
        "file ({file}), your **series rules** ({series}), a **look-alike** of a video you tagged ({lookalike}), "
        "the **caption rules** ({rules}). {listed}"
    ).format(
        fixes=ngettext("{count} video", "{count} videos", fixes).format(count=wording.count(fixes)),
        file=wording.count(int(counts.get("file", 0))),
        series=wording.count(int(counts.get("series", 0))),
        lookalike=wording.count(int(counts.get("lookalike", 0))),
        rules=wording.count(int(counts.get("rules", 0))),
        listed=listed,
    )


def _unsure_note(videos: pd.DataFrame) -> str | None:
    """How many of the period's videos have a format that is a guess or only likely, in a sentence."""
    guesses = int((videos["confidence"] == "guess").sum())
    likely = int((videos["confidence"] == "likely").sum())
    if not guesses and not likely:
        return None
    numbers = {
        "guesses": wording.count(guesses),
        "likely": wording.count(likely),
        "count": wording.count(len(videos)),
    }
    if guesses and likely:
        said = _(
            "{guesses} of {count} videos are guesses and {likely} more are only likely: check them first in "
            "“Check and fix formats”, your fixes count on every page and in the report."
        )
    elif guesses:
        said = _(
            "{guesses} of {count} videos are guesses: check them first in “Check and fix formats”, your fixes "
            "count on every page and in the report."
        )
    else:
        said = _(
            "{likely} of {count} videos are only likely: check them first in “Check and fix formats”, your "
            "fixes count on every page and in the report."
        )
    return said.format(**numbers)


def check_queue(every_video: pd.DataFrame) -> pd.DataFrame:
    """Which videos' formats should the marketer check first? The guesses and likely ones, most views first."""
    unsure = every_video[every_video["confidence"] != "sure"]
    unsure = unsure.sort_values("total_views", ascending=False, na_position="last", kind="stable")
    return unsure[QUEUE_COLUMNS].reset_index(drop=True)


def series_table(every_video: pd.DataFrame, series: Mapping[str, str] | None) -> pd.DataFrame:
    """The series rules as the page lists them: hashtag, format, count_videos (the videos carrying the hashtag)."""
    tags = every_video["caption"].map(lookalikes.hashtags_of).explode()
    counts = tags.value_counts()
    rows = [
        (preferences.series_hashtag(tag), name, int(counts.get(preferences.series_hashtag(tag), 0)))
        for tag, name in (series or {}).items()
    ]
    return pd.DataFrame(rows, columns=["hashtag", "format", "count_videos"])


def _suggested(group: pd.DataFrame) -> str | None:
    sure = group.loc[group["confidence"] == "sure", "format"]
    guessed = group.loc[group["format"] != "Other", "format"]
    for names in (sure, guessed):
        if not names.empty:
            return str(names.value_counts(sort=True).index[0])
    return None


def tag_groups(
    every_video: pd.DataFrame, brand_hashtags: Sequence[str] = (), series: Mapping[str, str] | None = None
) -> tuple[TagGroup, ...]:
    """Which videos could the marketer tag at once? Up to MAX_GROUPS groups with an unsure video, most
    viewed unsure videos first.

    A hashtag group: a hashtag on 2 or more videos whose sure formats do not disagree (a series, not a
    topic tag like #CoffeeTok on videos of every format), leaving out the brand's own hashtags, generic
    reach tags (#fyp…), hashtags on more than half of 6 or more videos (the brand's or its topic's),
    hashtags that already have a series rule, and a hashtag on the very videos of one listed before. Then captions that read alike
    (`lookalikes.groups`) among the unsure videos in no hashtag group.
    """
    skip = {preferences.series_hashtag(tag) for tag in [*brand_hashtags, *GENERIC_HASHTAGS, *(series or {})]}
    videos = every_video.assign(
        hashtag=every_video["caption"].map(lookalikes.hashtags_of),
        unsure=every_video["confidence"] != "sure",
        unsure_views=every_video["total_views"].where(every_video["confidence"] != "sure", 0).fillna(0),
    )
    by_tag = videos.explode("hashtag").dropna(subset=["hashtag"])
    by_tag = by_tag[~by_tag["hashtag"].isin(skip)]
    found: list[tuple[float, TagGroup]] = []
    for tag, group in by_tag.groupby("hashtag", sort=True):
        sure = group.loc[~group["unsure"], "format"].nunique()
        most = len(videos) >= 6 and len(group) > len(videos) / 2
        if len(group) >= 2 and group["unsure"].any() and sure <= 1 and not most:
            ids = tuple(str(video_id) for video_id in group["video_id"])
            found.append(
                (
                    group["unsure_views"].sum(),
                    TagGroup(
                        str(tag), str(tag), str(tag), ids, int(group["unsure"].sum()), _suggested(group)
                    ),
                )
            )
    found.sort(key=lambda item: -item[0])
    # Two hashtags always used together (#korea and #κορεα) are one group: the first is kept.
    same = {group.video_ids: group for _views, group in reversed(found)}
    chosen = [group for _views, group in found if same[group.video_ids] is group][:MAX_GROUPS]
    grouped = {video_id for group in chosen for video_id in group.video_ids}
    left = videos[videos["unsure"] & ~videos["video_id"].astype(str).isin(grouped)]
    left = left.sort_values("total_views", ascending=False, na_position="last", kind="stable")
    captions = videos["caption"].tolist()
    at = [videos.index.get_loc(index) for index in left.index]
    for members in lookalikes.groups(captions, at)[: MAX_GROUPS - len(chosen)]:
        group = videos.iloc[members]
        first = str(group["video_id"].iloc[0])
        chosen.append(
            TagGroup(
                f"like:{first}",
                _('captions like "{caption}"').format(caption=lookalikes.short(group["caption"].iloc[0])),
                None,
                tuple(str(video_id) for video_id in group["video_id"]),
                len(group),
                _suggested(group),
            )
        )
    return tuple(chosen)


def _live_tab(con: duckdb.DuckDBPyConnection, period: Period | None, videos: pd.DataFrame) -> LiveTab | None:
    start, end = (period.start, period.end) if period else (None, None)
    sessions = lives.live_sessions(con, start=start, end=end)
    if sessions.empty:
        return None
    # Without a sidebar period (only the LIVE sheet loaded), the LIVEs' own span is the period.
    first, last = sessions["started_at"].min().date(), sessions["started_at"].max().date()
    live_period = period or Period(first, last)
    before = live_period.previous()
    kpis = lives.live_kpis(
        con, start=live_period.start, end=live_period.end, previous=(before.start, before.end)
    )
    count, days = len(sessions), {"start": wording.day(first), "end": wording.day(last)}
    if kpis["previous_value"].isna().all():
        note = ngettext(
            "{count} LIVE from {start} to {end}; none in {before} to compare with. Hover a number for its definition.",
            "{count} LIVEs from {start} to {end}; none in {before} to compare with. Hover a number for its definition.",
            count,
        ).format(count=wording.count(count), before=live_period.compared_with(), **days)
    else:
        note = ngettext(
            "{count} LIVE from {start} to {end}. Hover a number for its definition.",
            "{count} LIVEs from {start} to {end}. Hover a number for its definition.",
            count,
        ).format(count=wording.count(count), **days)
    live_ids = videos.loc[videos["format"] == "LIVE Q&A", "video_id"].tolist()
    audience = lives.live_commenters_summary(con, video_ids=live_ids)
    regulars = lives.returning_live_members(con, video_ids=live_ids) if audience["count_members"] else None
    return LiveTab(
        sessions=sessions,
        kpis=kpis,
        note=note,
        best_slot=lives.best_live_slot(lives.live_slots(con, start=start, end=end)),
        audience=audience,
        regulars=regulars,
    )


def formats_view(
    con: duckdb.DuckDBPyConnection,
    period: Period | None,
    *,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
    min_videos: int = MIN_VIDEOS,
    brand_hashtags: Sequence[str] | None = None,
    brand_handle: str | None = None,
    utc_offset: float | None = None,
    confidence: float = stats.CONFIDENCE,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
    with_lives: bool = True,
) -> FormatsView:
    """What does the Interaction formats page show for this period and these choices?

    `period` None: all the data. `brand_hashtags` None: guessed from `brand_handle` (the page passes
    the ones the marketer typed or saved). `utc_offset` None: the audience's time zone as guessed
    from the files. `with_lives` False skips the LIVE tab (the deck has its own LIVE section).
    """
    start, end = (period.start, period.end) if period else (None, None)
    every_video = video_formats(con, rules=rules, overrides=overrides, series=series)
    videos = in_period(every_video, start, end)
    table = format_table(videos, min_videos=min_videos, confidence=confidence, n_boot=n_boot, seed=seed)
    comparison = best_against_most_common(
        videos, min_videos=min_videos, confidence=confidence, n_boot=n_boot, seed=seed
    )
    takeaway = format_takeaway(videos, min_videos=min_videos, comparison=comparison)
    few_videos = None
    if not videos.empty and (~table["is_small_sample"]).sum() < 2:
        few_videos = ngettext(
            "Only {count} video was posted in this period, too few to compare most formats. A longer period "
            "gives every format more videos.",
            "Only {count} videos were posted in this period, too few to compare most formats. A longer period "
            "gives every format more videos.",
            len(videos),
        ).format(count=wording.count(len(videos)))

    every_tag = hashtag_table(videos)
    if brand_hashtags is None:
        brand_hashtags = preferences.guess_brand_hashtags(every_tag["hashtag"], brand_handle)
    brand = tuple(brand_hashtags)
    hashtags = hashtag_table(videos, brand_hashtags=brand) if brand else every_tag

    middle = start + (end - start) / 2 if start and end else date.today()
    zone = timezones.guess_time_zone(con, on=middle)
    if utc_offset is None:  # the guess, when the time-zone list offers it (as the page's picker does)
        utc_offset = zone.utc_offset_hours if zone.utc_offset_hours in timezones.offset_choices() else 0
    offset = utc_offset
    zone_note = (
        zone.reason
        if offset == zone.utc_offset_hours
        else _("Times are in {zone}, as you chose.").format(zone=timezones.describe_offset(offset))
    )
    activity = timezones.follower_activity_grid(con) if _has(con, "follower_activity") else None
    grid = posting_time_table(videos, utc_offset_hours=offset)
    has_lives = with_lives and _has(con, "lives")
    return FormatsView(
        period=period,
        min_videos=min_videos,
        confidence=confidence,
        every_video=every_video,
        videos=videos,
        table=table,
        comparison=comparison,
        takeaway=takeaway,
        few_videos=few_videos,
        small_formats=tuple(table.loc[table["is_small_sample"], "format"]),
        all_videos_rate=all_videos_rate(table),
        monthly=month_table(videos),
        sources=_sources(every_video),
        unsure_note=_unsure_note(videos),
        queue=check_queue(every_video),
        groups=tag_groups(every_video, brand, series),
        series=series_table(every_video, series),
        brand_hashtags=brand,
        hashtags=hashtags,
        zone=zone,
        utc_offset=offset,
        zone_note=zone_note,
        activity=activity,
        activity_peaks=tuple(timezones.peak_activity_hours(activity)) if activity is not None else (),
        posting_grid=grid,
        best_slots=tuple(best_posting_slots(grid, min_videos=SLOT_MIN_VIDEOS)),
        has_lives=has_lives,
        live=_live_tab(con, period, videos) if has_lives else None,
    )
