"""What if the brand posted a different mix of formats, or went LIVE more often? And is this group of
videos really different from that one?

The content-mix projection, precisely:

- History: the videos posted in the chosen period (`video_formats` over it), grouped by format, and
  the period's length in weeks (days ÷ 7).
- Current posts per week of a format: its videos in the period ÷ the period's weeks.
- Per-video mean of a metric (views, engagements = likes + comments + shares, new followers) for a
  format: the mean over the format's videos that have the number. New followers are projected only when
  the files give them per video (a video detail sheet); otherwise that column is empty.
- Monthly projection of a format: posts per week × 52 ÷ 12 (weeks in an average month) × per-video
  mean. For the current mix this is exactly the format's monthly total over the period, so "current"
  is what the account did, and "planned" changes only the number of posts.
- Totals: the sum over the formats that can be projected. A format with fewer than `min_videos` (5)
  videos in the history cannot be: its average would be luck. It is left out of both the current and
  the planned totals (so the two stay comparable), and a warning names it. A planned format with no
  video at all in the history is left out the same way.
- Range: percentile bootstrap over the history's videos. For each format, its videos are drawn again
  with replacement 2,000 times (numpy Generator seeded with (seed, the format's name), so the same data
  always gives the same range); each draw gives a per-video mean, and draw i of the total is the sum
  over formats of posts per week × 52 ÷ 12 × mean of draw i. The range is the 10th to 90th percentile
  of those totals. It says how sure we can be of the *average* month given how much the account's own
  videos vary; one viral video can still put a single month outside it.
- Engagement rate of a mix: projected engagements ÷ projected views (a ratio of sums).

LIVEs are projected the same way, with broadcasts instead of videos and viewers, interactions
(comments + likes + shares) and new followers as the metrics.

Comparing two groups of videos (two formats, two date ranges, two hashtags, two campaigns) goes
through `formats.compare_rates` for every rate, so each difference comes with the same seeded
bootstrap interval and the engagement rate with the same plain-words verdict as the Formats page.
"This month vs last month" is two date ranges by the sidebar's calendar rules
(`this_month_vs_last_month`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

import numpy as np
import pandas as pd

from analytics import stats, wording
from analytics.format_stats import RateComparison, plural
from analytics.formats import FORMATS, compare_rates, extract_hashtags
from analytics.i18n import N_, _, ngettext, term
from analytics.overview import Period, month_of, month_so_far, shift
from analytics.preferences import captions_containing
from analytics.settings import SETTINGS

WEEKS_PER_MONTH = 52 / 12
MIN_VIDEOS = SETTINGS.min_videos
RANGE = (0.10, 0.90)

# metric column -> label, for videos and for LIVEs (shown translated: `_(label)`)
VIDEO_METRICS: dict[str, str] = {
    "total_views": N_("Views"),
    "total_engagements": N_("Engagements"),
    "new_followers": N_("New followers"),
}
LIVE_METRICS: dict[str, str] = {
    "viewers": N_("Viewers"),
    "total_interactions": N_("Interactions"),
    "new_followers": N_("New followers"),
}
# metric column -> a tile's label
PER_MONTH: dict[str, str] = {
    "total_views": N_("Views per month"),
    "total_engagements": N_("Engagements per month"),
    "new_followers": N_("New followers per month"),
    "viewers": N_("Viewers per month"),
    "total_interactions": N_("Interactions per month"),
}
# metric column -> what a LIVE sheet can leave empty, in the middle of a sentence
PER_LIVE: dict[str, str] = {
    "viewers": N_("viewers per LIVE"),
    "total_interactions": N_("interactions per LIVE"),
    "new_followers": N_("new followers per LIVE"),
}


def projection_explained() -> str:
    """How the projection is made, in the run's language (the page's expander and each tile's help)."""
    return _(
        "Per month = posts per week × 52 ÷ 12 × the average video of that format in your history (the "
        "chosen period). With your current mix this is what you actually got per month. The range is the "
        "10th to 90th percentile of {draws} bootstrap redraws of your own videos: how sure we can be of the "
        "average month, not a promise for any single month (one viral video can land outside it). Formats "
        "with fewer than {min_videos} videos in the history are left out of both totals."
    ).format(draws=wording.count(SETTINGS.n_boot), min_videos=wording.count(MIN_VIDEOS))


# The English text, for callers that do not translate yet (the report's definitions): use projection_explained().
PROJECTION_EXPLAINED = projection_explained()


@dataclass
class Projection:
    """A projection of a plan against the current rhythm.

    `by_group`: one row per group (format, or "LIVE"). Columns: group, count_items, current_per_week,
    planned_per_week, is_projected, note, and per metric m: current_m, planned_m, planned_m_low,
    planned_m_high (per month).
    `totals`: one row per metric. Columns: metric, label, current, current_low, current_high, planned,
    planned_low, planned_high, change, change_low, change_high (per month; NaN when no group has it).
    `warnings`: plain sentences, one per group that could not be projected.
    """

    by_group: pd.DataFrame
    totals: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    weeks: float = 0.0

    def total(self, metric: str) -> pd.Series:
        return self.totals.set_index("metric").loc[metric]


def _format_order(names: Sequence[str]) -> list[str]:
    rank = {name: position for position, name in enumerate(FORMATS)}
    return sorted(dict.fromkeys(names), key=lambda name: (rank.get(name, len(rank)), name))


def _project(
    groups: Mapping[str, pd.DataFrame],
    planned: Mapping[str, float],
    *,
    weeks: float,
    metrics: Mapping[str, str],
    unit: str,
    min_items: int,
    n_boot: int,
    seed: int,
) -> Projection:
    """The engine behind project_mix and project_lives: see the module docstring."""
    if weeks <= 0:
        raise ValueError("The history must cover at least one day.")  # i18n: a programming error, never shown
    names = list(dict.fromkeys([*groups, *(name for name, count in planned.items() if count)]))
    rows, warnings = [], []
    draws = {metric: {"current": np.zeros(n_boot), "planned": np.zeros(n_boot)} for metric in metrics}
    has_metric = dict.fromkeys(metrics, False)
    for name in names:
        items = groups.get(name, pd.DataFrame())
        count = len(items)
        now = count / weeks
        plan = float(planned.get(name, now) or 0)
        row: dict[str, object] = {
            "group": name,
            "count_items": count,
            "current_per_week": now,
            "planned_per_week": plan,
            "is_projected": count >= min_items,
            "note": "",
        }
        if count < min_items:
            row["note"], warning = _too_few(unit, name, count, min_items)
            warnings.append(warning)
        rng = stats.group_rng(seed, name)
        for metric in metrics:
            values = items[metric].dropna().to_numpy(float) if count and metric in items else np.array([])
            boot = stats.mean_draws(values, n_boot=n_boot, rng=rng)
            mean = float(values.mean()) if len(values) else np.nan
            row[f"current_{metric}"] = now * WEEKS_PER_MONTH * mean
            row[f"planned_{metric}"] = plan * WEEKS_PER_MONTH * mean
            low, high = np.quantile(boot * plan * WEEKS_PER_MONTH, RANGE) if len(values) else (np.nan, np.nan)
            row[f"planned_{metric}_low"], row[f"planned_{metric}_high"] = float(low), float(high)
            if count >= min_items and len(values):
                has_metric[metric] = True
                draws[metric]["current"] += boot * now * WEEKS_PER_MONTH
                draws[metric]["planned"] += boot * plan * WEEKS_PER_MONTH
        rows.append(row)

    columns = ["group", "count_items", "current_per_week", "planned_per_week", "is_projected", "note"]
    columns += [f"{kind}_{metric}{end}" for metric in metrics for kind, end in _GROUP_METRIC_COLUMNS]
    by_group = pd.DataFrame(
        rows, columns=columns
    )  # the columns even without a group (no video in the period)
    projected = by_group[by_group["is_projected"].astype(bool)]
    total_rows = []
    for metric, label in metrics.items():
        if not has_metric[metric]:
            total_rows.append({"metric": metric, "label": _(label)} | dict.fromkeys(_TOTAL_COLUMNS, np.nan))
            continue
        current = float(projected[f"current_{metric}"].fillna(0).sum())
        planned_total = float(projected[f"planned_{metric}"].fillna(0).sum())
        current_draws, planned_draws = draws[metric]["current"], draws[metric]["planned"]
        current_low, current_high = np.quantile(current_draws, RANGE)
        planned_low, planned_high = np.quantile(planned_draws, RANGE)
        change_low, change_high = np.quantile(planned_draws - current_draws, RANGE)
        total_rows.append(
            {
                "metric": metric,
                "label": _(label),
                "current": current,
                "current_low": float(current_low),
                "current_high": float(current_high),
                "planned": planned_total,
                "planned_low": float(planned_low),
                "planned_high": float(planned_high),
                "change": planned_total - current,
                "change_low": float(change_low),
                "change_high": float(change_high),
            }
        )
    return Projection(by_group, pd.DataFrame(total_rows), warnings, weeks)


def _too_few(unit: str, name: str, count: int, needed: int) -> tuple[str, str]:
    """A group's note and warning when it has too few videos (or LIVEs) in the history to project."""
    values = {"group": term("format", name), "count": wording.count(count), "needed": wording.count(needed)}
    if unit == "LIVE" and not count:
        note = _("too few LIVEs to project (none in the history, {needed} needed)")
        warning = _(
            "{group}: no LIVEs in the history, too few to project ({needed} needed). It is left out of both totals."
        )
    elif unit == "LIVE":
        note = _("too few LIVEs to project (only {count} in the history, {needed} needed)")
        warning = ngettext(
            "{group}: only {count} LIVE in the history, too few to project ({needed} needed). It is left out "
            "of both totals.",
            "{group}: only {count} LIVEs in the history, too few to project ({needed} needed). It is left out "
            "of both totals.",
            count,
        )
    elif not count:
        note = _("too few videos to project (none in the history, {needed} needed)")
        warning = _(
            "{group}: no videos in the history, too few to project ({needed} needed). It is left out of both totals."
        )
    else:
        note = _("too few videos to project (only {count} in the history, {needed} needed)")
        warning = ngettext(
            "{group}: only {count} video in the history, too few to project ({needed} needed). It is left out "
            "of both totals.",
            "{group}: only {count} videos in the history, too few to project ({needed} needed). It is left out "
            "of both totals.",
            count,
        )
    return note.format(**values), warning.format(**values)


_GROUP_METRIC_COLUMNS = [("current", ""), ("planned", ""), ("planned", "_low"), ("planned", "_high")]
_TOTAL_COLUMNS = [
    "current",
    "current_low",
    "current_high",
    "planned",
    "planned_low",
    "planned_high",
    "change",
    "change_low",
    "change_high",
]


def _known_mean(values: pd.Series) -> float:
    """The mean of the values the files give; NaN ("not known") when they give none.

    Columns read from DuckDB are nullable (Int64 with pd.NA for a count no file has, such as new followers
    per video without a detail sheet), and pd.NA is neither a float nor 0: it becomes NaN here, once.
    """
    known = pd.to_numeric(values, errors="coerce").astype("float64").dropna()
    return float(known.mean()) if len(known) else np.nan


def posting_mix(videos: pd.DataFrame, *, days: int, min_videos: int = MIN_VIDEOS) -> pd.DataFrame:
    """How many videos of each format does the account post a week, and what does a typical one bring?

    `videos` is video_formats() over a period of `days` days. One row per format present, in taxonomy
    order. Columns: format, count_videos, posts_per_week, mean_views, mean_engagements,
    mean_new_followers (NaN without the number), is_small_sample (fewer than `min_videos`).
    """
    weeks = days / 7
    rows = []
    for name in _format_order(list(videos["format"])):
        group = videos[videos["format"] == name]
        rows.append(
            {
                "format": name,
                "count_videos": len(group),
                "posts_per_week": len(group) / weeks,
                "mean_views": _known_mean(group["total_views"]),
                "mean_engagements": _known_mean(group["total_engagements"]),
                "mean_new_followers": _known_mean(group["new_followers"]),
                "is_small_sample": len(group) < min_videos,
            }
        )
    columns = [
        "format",
        "count_videos",
        "posts_per_week",
        "mean_views",
        "mean_engagements",
        "mean_new_followers",
        "is_small_sample",
    ]
    return pd.DataFrame(rows, columns=columns)


def project_mix(
    videos: pd.DataFrame,
    planned: Mapping[str, float],
    *,
    days: int,
    min_videos: int = MIN_VIDEOS,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
) -> Projection:
    """What would a planned mix of formats bring per month, against the current mix?

    `videos` is video_formats() over the history (a period of `days` days); `planned` maps a format to
    planned posts per week (a format left out keeps its current rhythm). Views, engagements and new
    followers per month, with a 10th–90th percentile bootstrap range: see the module docstring.
    """
    groups = {name: group for name, group in videos.groupby("format", sort=False)}
    groups = {name: groups[name] for name in _format_order(list(groups))}
    metrics = dict(VIDEO_METRICS)
    if "new_followers" not in videos or videos["new_followers"].isna().all():
        metrics.pop("new_followers")
    return _project(
        groups,
        planned,
        weeks=days / 7,
        metrics=metrics,
        unit="video",
        min_items=min_videos,
        n_boot=n_boot,
        seed=seed,
    )


def project_lives(
    sessions: pd.DataFrame,
    planned_per_week: float,
    *,
    days: int,
    min_lives: int = MIN_VIDEOS,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
) -> Projection:
    """What would going LIVE `planned_per_week` times a week bring per month, against the current rhythm?

    `sessions` is lives.live_sessions() over a period of `days` days. Viewers, interactions and new
    followers per month, projected like a format (module docstring), assuming an extra LIVE does as well
    as the average one of the history.
    """
    metrics = {metric: label for metric, label in LIVE_METRICS.items() if sessions[metric].notna().any()}
    return _project(
        {"LIVE": sessions},
        {"LIVE": planned_per_week},
        weeks=days / 7,
        metrics=metrics,
        unit="LIVE",
        min_items=min_lives,
        n_boot=n_boot,
        seed=seed,
    )


# ---------------------------------------------------------------- comparing two groups

# kind -> its name in the comparison's radio (shown translated: `_(name)`)
GROUP_KINDS: dict[str, str] = {
    "format": N_("Two formats"),
    "dates": N_("Two date ranges"),
    "hashtag": N_("Two hashtags"),
    "keyword": N_("Two campaigns (a caption word)"),
}

# rate -> (label, numerator column or None for completion, scale, unit); labels shown translated
RATES: dict[str, tuple[str, str, float, str]] = {
    "engagement_rate": (N_("Engagement rate"), "total_engagements", 1.0, "percent"),
    "shares_per_1000_views": (N_("Shares per 1,000 views"), "total_shares", 1000.0, "per1000"),
    "comments_per_1000_views": (N_("Comments per 1,000 views"), "total_comments", 1000.0, "per1000"),
    "completion_rate": (N_("Completion rate"), "completion_rate", 1.0, "percent"),
    "follows_per_1000_views": (N_("Follows per 1,000 views"), "new_followers", 1000.0, "per1000"),
}


def videos_in_group(videos: pd.DataFrame, kind: str, value: object) -> pd.DataFrame:
    """The videos of one group: a format's, a date range's (inclusive dates), a hashtag's or a campaign's.

    `videos` is video_formats(). kind "format": value is a format name; "dates": a (start, end) pair of
    dates; "hashtag": "#tag" (any case, '#' optional); "keyword": a word or phrase the caption contains,
    ignoring case.
    """
    if kind == "format":
        return videos[videos["format"] == value]
    if kind == "dates":
        start, end = cast("tuple[date, date]", value)
        posted = videos["posted_at"].dt.date
        return videos[(posted >= start) & (posted <= end)]
    if kind == "hashtag":
        tag = "#" + str(value).strip().lstrip("#").lower()
        return videos[videos["caption"].map(lambda caption: tag in extract_hashtags(caption))]
    if kind == "keyword":
        return videos[captions_containing(videos["caption"], str(value))]
    raise ValueError(f"A group is a format, dates, a hashtag or a keyword, not {kind!r}.")  # i18n: a bug


def this_month_vs_last_month(last_day: date) -> tuple[Period, Period]:
    """Which two date ranges does "this month vs last month" compare, for data ending on `last_day`?

    The sidebar's calendar rules: A is "this month so far" (the 1st of `last_day`'s month to
    `last_day`; the whole month when `last_day` is its last day) and B the whole calendar month
    before it. B is whole, not the same days: the comparison is of rates (ratios of sums over each
    group's videos), which a longer month does not inflate, and more videos make it surer.
    """
    this_month = month_so_far(last_day)
    return this_month, month_of(shift(this_month.start, -1))


def group_label(kind: str, value: object) -> str:
    """The group as the subject of a sentence: "Mini games", "Videos posted 1 Jun – 30 Jun 2026"."""
    if kind == "format":
        return plural(str(value))
    if kind == "dates":
        start, end = cast("tuple[date, date]", value)
        return _("Videos posted {start} – {end}").format(start=wording.day(start), end=wording.day(end))
    if kind == "hashtag":
        return _("Videos with {hashtag}").format(hashtag="#" + str(value).strip().lstrip("#").lower())
    return _("Videos mentioning “{word}”").format(word=str(value).strip())


def _rate_frame(videos: pd.DataFrame, numerator: str) -> pd.DataFrame:
    """A frame compare_rates reads: the rate's numerator as total_engagements, views as total_views."""
    views = videos["total_views"].astype(float)
    if numerator == "completion_rate":  # view-weighted: completed views ÷ views, videos that have it
        top = videos["completion_rate"].astype(float) * views
    else:
        top = videos[numerator].astype(float) if numerator in videos else pd.Series(np.nan, videos.index)
    return pd.DataFrame({"total_engagements": top, "total_views": views.where(top.notna())})


def _rate_sentence(result: RateComparison, label_a: str, label_b: str, unit: str, scale: float) -> str:
    if result["is_small_sample"]:
        return _("not enough videos to say")
    difference = float(result["difference"]) * scale
    if difference == 0:
        return _("the same")
    higher = label_a if difference > 0 else label_b
    # Translators: {group} is a group of videos, lower-cased at its start ("challenges", "videos with #tet").
    if result["is_unlikely_luck"]:
        text = _("higher for {group}: unlikely to be luck")
    else:
        text = _("higher for {group}, but it could be luck")
    return text.format(group=higher[:1].lower() + higher[1:])


def compare_groups(
    videos_a: pd.DataFrame,
    videos_b: pd.DataFrame,
    *,
    label_a: str | None = None,
    label_b: str | None = None,
    min_videos: int = MIN_VIDEOS,
    confidence: float = SETTINGS.confidence,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
) -> dict[str, object]:
    """Are these two groups of videos really different on the key rates, or could it be luck?

    Each group is rows of video_formats(). For every rate both groups have (engagement rate, shares
    and comments per 1,000 views, completion rate and follows per 1,000 views when the files have them),
    formats.compare_rates gives the two values (ratios of sums; completion view-weighted), the difference
    and its bootstrap interval (`confidence`, seeded). Returns a dict: count_videos_a/_b, is_small_sample,
    verdict (the engagement-rate sentence of compare_rates), confidence (the intervals' level) and rates, a DataFrame with one row per rate:
    rate, label, unit ("percent" | "per1000"), value_a, value_b, difference, difference_low,
    difference_high, is_unlikely_luck, sentence.
    """
    rows, verdict, counts = [], "", (len(videos_a), len(videos_b))
    label_a, label_b = label_a or _("Group A"), label_b or _("Group B")
    small = True
    for rate, (label, numerator, scale, unit) in RATES.items():
        frame_a, frame_b = _rate_frame(videos_a, numerator), _rate_frame(videos_b, numerator)
        if rate != "engagement_rate" and (
            frame_a["total_engagements"].isna().all() or frame_b["total_engagements"].isna().all()
        ):
            continue  # a rate the files do not give for both groups is left out, not shown as zero
        result = compare_rates(
            frame_a,
            frame_b,
            label_a=label_a,
            label_b=label_b,
            min_videos=min_videos,
            confidence=confidence,
            n_boot=n_boot,
            seed=seed,
        )
        if rate == "engagement_rate":
            verdict, small = str(result["verdict"]), bool(result["is_small_sample"])
            counts = (int(result["count_videos_a"]), int(result["count_videos_b"]))
        rows.append(
            {
                "rate": rate,
                "label": _(label),
                "unit": unit,
                "value_a": float(result["rate_a"]) * scale,
                "value_b": float(result["rate_b"]) * scale,
                "difference": float(result["difference"]) * scale,
                "difference_low": float(result["difference_low"]) * scale,
                "difference_high": float(result["difference_high"]) * scale,
                "is_unlikely_luck": bool(result["is_unlikely_luck"]),
                "sentence": _rate_sentence(result, label_a, label_b, unit, scale),
            }
        )
    return {
        "count_videos_a": counts[0],
        "count_videos_b": counts[1],
        "is_small_sample": small,
        "verdict": verdict,
        "confidence": confidence,
        "rates": pd.DataFrame(rows),
    }


def describe_interval(low: float, high: float, unit: str) -> str:
    """A difference's interval in words: "+0.3 pts to +2.0 pts"; "not known" when either end is."""
    if pd.isna(low) or pd.isna(high):
        return _("not known")
    return _("{low} to {high}").format(
        low=describe_rate(low, unit, signed=True), high=describe_rate(high, unit, signed=True)
    )


def signed_decimal(value: float) -> str:
    """+1.2 · -0.4: a difference with one decimal and its sign."""
    return ("-" if value < 0 and round(value, 1) else "+") + wording.value(abs(value), "decimal")


def describe_rate(value: float, unit: str, *, signed: bool = False) -> str:
    """A rate in words: "7.9%", "+1.2 pts", "3.4 per 1,000"; "not known" when the files do not give it."""
    if value is None or pd.isna(value):
        return _("not known")
    if unit == "percent":
        # Translators: {points} is a signed difference of percentage points ("+1.2").
        return (
            _("{points} pts").format(points=signed_decimal(value * 100)) if signed else wording.percent(value)
        )
    return signed_decimal(value) if signed else wording.value(value, "decimal")
