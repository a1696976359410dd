"""Everything the What-if page shows: `whatif_view(con, period, ...)`.

The history (the period's videos and formats, read once; all the data for date-range comparisons;
the LIVEs) and everything that follows from it alone are numbers of the view. What the marketer
types (a planned mix, two groups, LIVEs a week) goes through the view's methods, which compute from
the same history and nothing else, so the page never reads the data again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from analytics import db, lives, stats, whatif, wording
from analytics.captions import DEFAULT_RULES, Rules
from analytics.format_stats import in_period, video_formats
from analytics.hashtags import hashtag_table
from analytics.i18n import _, ngettext
from analytics.overview import Period, default_period

RATE_COLUMNS = ("label", "a", "b", "difference", "interval", "sentence")


@dataclass(frozen=True)
class Comparison:
    """Two groups of videos compared: who they are, how many, and each rate side by side."""

    kind: str
    label_a: str
    label_b: str
    count_a: int
    count_b: int
    where: str  # "all your data" or "videos posted in ..."
    result: dict | None  # whatif.compare_groups(); None when a group has no video
    rates: pd.DataFrame | None  # one row per rate, in words: RATE_COLUMNS

    @property
    def empty_group(self) -> str | None:
        """The label of a group without a video, if any."""
        return self.label_a if not self.count_a else self.label_b if not self.count_b else None


@dataclass(frozen=True)
class LiveHistory:
    """The LIVEs the "More LIVEs?" tab projects from."""

    sessions: pd.DataFrame
    days: int
    source: str  # "the 6 LIVEs of ...", or all of them when the period has too few
    per_week: float


@dataclass(frozen=True)
class WhatifView:
    """The What-if page's history and the numbers that follow from it alone."""

    period: Period
    confidence: float
    videos: pd.DataFrame  # the period's, with formats
    every_video: pd.DataFrame  # all the data (date-range comparisons)
    mix: pd.DataFrame  # whatif.posting_mix
    history: str | None  # "Your history: ..." or None without a video
    few_history: bool  # most formats below the minimum: a longer history projects more of them
    format_options: tuple[str, ...]
    hashtag_options: tuple[str, ...]
    months: tuple[Period, Period]  # this month so far and last month, by the data's last day
    has_lives: bool
    live_history: LiveHistory | None  # None without LIVE data; sessions empty when too few

    @property
    def level(self) -> str:
        return stats.level(self.confidence)

    def project(self, planned: Mapping[str, float]) -> whatif.Projection:
        """What a planned mix (format -> posts a week) would bring per month, against the current mix."""
        return whatif.project_mix(self.videos, planned, days=self.period.days)

    def project_lives(self, per_week: float) -> whatif.Projection:
        assert self.live_history is not None
        return whatif.project_lives(self.live_history.sessions, per_week, days=self.live_history.days)

    def compare(self, kind: str, choice_a: object, choice_b: object) -> Comparison:
        """Group A against group B of one kind (whatif.GROUP_KINDS), every rate both groups have."""
        pool = self.every_video if kind == "dates" else self.videos
        where = (
            _("all your data")
            if kind == "dates"
            # Translators: {period} is a period with its dates ("October 2026 (1 Oct – 31 Oct 2026, 31 days)").
            else _("videos posted {period}").format(period=self.period.describe())
        )
        group_a, group_b = (
            whatif.videos_in_group(pool, kind, choice_a),
            whatif.videos_in_group(pool, kind, choice_b),
        )
        label_a, label_b = whatif.group_label(kind, choice_a), whatif.group_label(kind, choice_b)
        result = rates = None
        if len(group_a) and len(group_b):
            result = whatif.compare_groups(
                group_a, group_b, label_a=label_a, label_b=label_b, confidence=self.confidence
            )
            rates = _rates_in_words(result["rates"])
        return Comparison(kind, label_a, label_b, len(group_a), len(group_b), where, result, rates)


def _rates_in_words(rates: pd.DataFrame) -> pd.DataFrame:
    units = rates["unit"]
    return pd.DataFrame(
        {
            "label": rates["label"],
            "a": [whatif.describe_rate(v, u) for v, u in zip(rates["value_a"], units, strict=True)],
            "b": [whatif.describe_rate(v, u) for v, u in zip(rates["value_b"], units, strict=True)],
            "difference": [
                whatif.describe_rate(v, u, signed=True)
                for v, u in zip(rates["difference"], units, strict=True)
            ],
            "interval": [
                whatif.describe_interval(low, high, u)
                for low, high, u in zip(rates["difference_low"], rates["difference_high"], units, strict=True)
            ],
            "sentence": rates["sentence"],
        },
        columns=list(RATE_COLUMNS),
    )


def _live_history(con: duckdb.DuckDBPyConnection, period: Period) -> LiveHistory:
    history = lives.live_sessions(con, start=period.start, end=period.end)
    # Translators: {period} is a period with its dates ("October 2026 (1 Oct – 31 Oct 2026, 31 days)").
    source = ngettext("the {count} LIVE of {period}", "the {count} LIVEs of {period}", len(history))
    source = source.format(count=wording.count(len(history)), period=period.describe())
    days = period.days
    if len(history) < whatif.MIN_VIDEOS:
        history = lives.live_sessions(con, end=period.end)
        if len(history):
            first = history["started_at"].min().date()
            days = max((period.end - first).days + 1, 7)
            source = ngettext(
                "the {count} LIVE from {period} (the period has too few)",
                "all {count} LIVEs from {period} (the period has too few)",
                len(history),
            ).format(count=wording.count(len(history)), period=Period(first, period.end).describe())
    return LiveHistory(history, days, source, len(history) / (days / 7))


def whatif_view(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    *,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
    confidence: float = stats.CONFIDENCE,
    last_day: date | None = None,
) -> WhatifView:
    """What does the What-if page show for this period, before the marketer types a plan?

    `last_day`: the data's last day ("this month vs last month"); read from the data when None.
    """
    every_video = video_formats(con, rules=rules, overrides=overrides, series=series)
    videos = in_period(every_video, period.start, period.end).reset_index(drop=True)
    mix = whatif.posting_mix(videos, days=period.days)
    history = None
    if not videos.empty:
        # Translators: {period} is a period with its dates; {per_week} a number such as 4.2.
        history = ngettext(
            "**Your history:** {count} video posted {period}, about {per_week} a week. Set how many of each "
            "format you plan to post a week.",
            "**Your history:** {count} videos posted {period}, about {per_week} a week. Set how many of each "
            "format you plan to post a week.",
            len(videos),
        ).format(
            count=wording.count(len(videos)),
            period=period.describe(),
            per_week=wording.value(len(videos) / (period.days / 7), "decimal"),
        )
    tags = hashtag_table(videos)
    has_lives = bool(db.scalar(con, "select count(*) from lives"))
    if last_day is None:
        span = default_period(con)  # None: no dated data yet, and the period's last day stands in
        last_day = span.end if span is not None else period.end
    return WhatifView(
        period=period,
        confidence=confidence,
        videos=videos,
        every_video=every_video,
        mix=mix,
        history=history,
        few_history=bool(videos.empty or mix["is_small_sample"].sum() > len(mix) / 2),
        format_options=tuple(videos["format"].value_counts().index),
        hashtag_options=tuple(tags.sort_values("count_videos", ascending=False)["hashtag"]),
        months=whatif.this_month_vs_last_month(last_day),
        has_lives=has_lives,
        live_history=_live_history(con, period) if has_lives else None,
    )
