"""Which interaction formats earn the brand the most engagement, and how sure can we be?

Each video's format comes from, in this order: a fix by hand, the file's format column, a series rule
("#PhinTips is always a Tutorial"), a look-alike of a video the marketer tagged (when the caption rules
are unsure: `analytics.lookalikes`), the caption rules (`analytics.captions`); the intervals and
verdicts from `analytics.stats`.

- Engagements are likes + comments + shares. Saves are left out on purpose: only some exports have
  them, so counting them would make rates from different files (and the playbook's claims) disagree.
- Engagement rate is a ratio of sums over the videos of a group (videos without views are counted as
  videos but left out of every rate); the per-video median is shown next to it, never averaged silently.
- Intervals: percentile bootstrap over videos (resample a group's videos with replacement, take the
  ratio of sums, 2,000 times), from a numpy Generator seeded with (seed, the group's name), so the
  same data always gives the same interval whatever other groups are present.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import TypedDict

import duckdb
import numpy as np
import pandas as pd

from analytics import lookalikes, stats, wording
from analytics.captions import (
    DEFAULT_RULES,
    FORMATS,
    NO_CAPTION,
    Rules,
    _classify,
    _freeze,
    _Frozen,
    _normalize,
    _word,
)
from analytics.db import query
from analytics.i18n import C_, N_, _, term
from analytics.reasons import Reason, format_name, reason
from analytics.settings import SETTINGS


class Claim(TypedDict):
    """A published claim about a format's engagement rate (a range), shown beside the marketer's own."""

    format: str
    claimed_rate_low: float
    claimed_rate_high: float
    label: str


# fmt: off
# The playbook's numbers, kept apart from the user's data and labelled as what they are. Its
# "interaction rate" is not defined, so it may not be our engagement rate (likes+comments+shares / views).
PUBLISHED_CLAIMS: list[Claim] = [
    {"format": name, "claimed_rate_low": low, "claimed_rate_high": high,
     "label": N_("Published claim (community-building playbook), not your data")}
    for name, low, high in [("Challenge", 0.35, 0.45), ("LIVE Q&A", 0.30, 0.40), ("Mini game", 0.25, 0.35)]
]

# The command line's formats.csv: the first columns of engagement_by_format(), in this order.
SUMMARY_COLUMNS: list[str] = [
    "format", "count_videos", "total_views", "total_engagements", "engagement_rate",
    "engagement_rate_low", "engagement_rate_high", "median_engagement_rate",
]
FORMAT_COLUMNS: list[str] = [
    *SUMMARY_COLUMNS, "shares_per_1000_views", "comments_per_1000_views", "completion_rate",
    "average_watch_seconds", "follows_per_1000_views", "is_small_sample", "note",
]
SMALL_SAMPLE_NOTE = N_("not enough videos to say")  # stored in the "note" column; shown with _()

# Format names as the subject of a sentence ("Challenges earn 2.1x ..."), in English; plural() words them
# in the reader's language (term("formats", ...)).
_PLURALS: dict[str, str] = {
    "Tutorial": C_("formats", "Tutorials"),
    "Challenge": C_("formats", "Challenges"),
    "LIVE Q&A": C_("formats", "LIVE Q&As"),
    "Mini game": C_("formats", "Mini games"),
    "Storytelling": C_("formats", "Storytelling videos"),
    "Behind the scenes": C_("formats", "Behind-the-scenes videos"),
    "Duet / Stitch / UGC": C_("formats", "Duets, stitches and UGC"),
    "Collab": C_("formats", "Collabs"),
    "Product": C_("formats", "Product videos"),
    "Other": C_("formats", "other videos"),
}
# fmt: on


# ---------------------------------------------------------------- per video


def _videos(con: duckdb.DuckDBPyConnection, start: date | None, end: date | None) -> pd.DataFrame:
    return query(con, "formats_videos", {"start": start, "end": end}).df()


def video_formats(
    con: duckdb.DuckDBPyConnection,
    *,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """What format is each video, and why?

    One row per video posted between `start` and `end` (inclusive dates, UTC), oldest first. Columns:
    video_id, video_url, caption, posted_at, total_views, total_likes, total_comments, total_shares,
    total_engagements, engagement_rate (NULL without views), completion_rate, average_watch_seconds,
    new_followers, format, format_source, confidence ("sure" | "likely" | "guess"), reason (in English, as
    stored and written for machines), why (the same `analytics.reasons.Reason`, worded in the reader's
    language with `reasons.worded`).

    format_source, in order of precedence: "override" (`overrides`, video id -> format: a fix by hand),
    "file" (the file's format column), "series" (`series`, hashtag -> format: the caption's first
    hashtag with a series rule), "lookalike", "rules". These three first are sure. A video the caption
    rules are unsure of (a guess or likely) takes the format of the most alike video tagged by hand or
    by a series rule, at `lookalikes.THRESHOLD` or more, as likely. Look-alikes are found among all
    the videos whatever the period, so a video's format does not depend on the period shown.
    """
    frame = _videos(con, None, None)
    frozen = _freeze(rules)
    chosen = {str(video_id): _normalize(name, frozen) for video_id, name in (overrides or {}).items()}
    chosen = {video_id: name for video_id, name in chosen.items() if name}
    rules_of = {
        _tag(tag): found for tag, name in (series or {}).items() if (found := _normalize(name, frozen))
    }
    choices = [
        _choose(
            chosen.get(str(video_id)),
            _normalize(file_format, frozen),
            file_format,
            _series(caption, rules_of),
            caption,
            frozen,
        )
        for video_id, caption, file_format in zip(
            frame["video_id"], frame["caption"], frame["file_format"], strict=True
        )
    ]
    frame = frame.drop(columns="file_format")
    columns = ["format", "format_source", "confidence"]
    frame[columns] = pd.DataFrame(
        [choice[:3] for choice in choices], columns=columns, index=frame.index, dtype="str"
    )
    whys = pd.Series([choice[3] for choice in choices], index=frame.index, dtype=object)
    frame["reason"] = whys.map(Reason.english).astype("str")
    frame["why"] = whys
    frame = _with_lookalikes(frame)
    return in_period(frame, start, end).reset_index(drop=True)


def in_period(videos: pd.DataFrame, start: date | None, end: date | None) -> pd.DataFrame:
    """The rows of video_formats() posted between `start` and `end` (inclusive days, UTC), as its query
    selects them: the same videos as video_formats(start=start, end=end), without reading them again."""
    keep = pd.Series(True, index=videos.index)
    if start is not None:
        keep &= videos["posted_at"] >= pd.Timestamp(start)
    if end is not None:
        keep &= videos["posted_at"] < pd.Timestamp(end) + pd.Timedelta(days=1)
    return videos[keep.fillna(False).to_numpy(dtype=bool)]


def _tag(text: str) -> str:
    return "#" + unicodedata.normalize("NFC", str(text)).strip().lstrip("#").lower()


def _series(caption: object, rules_of: Mapping[str, str]) -> tuple[str, str] | None:
    """(the caption's hashtag as written, its format) for its first hashtag with a series rule; None without."""
    if not rules_of or not isinstance(caption, str):
        return None
    for tag in lookalikes.hashtags_of(caption):
        if tag in rules_of:
            written = re.search(f"{re.escape(tag)}(?!{_word()})", unicodedata.normalize("NFC", caption), re.I)
            return (written.group(0) if written else tag), rules_of[tag]
    return None


def _choose(
    override: str | None,
    from_file: str | None,
    file_format: object,
    series: tuple[str, str] | None,
    caption: object,
    frozen: _Frozen,
) -> tuple[str, str, str, Reason]:
    """(format, format_source, confidence, why): an override beats the file's column, which beats a
    series rule, which beats the caption rules."""
    if override:
        return override, "override", "sure", Reason(N_("set by hand"))
    if from_file:
        why = reason(N_('format column in the file ("{value}")'), value=str(file_format).strip())
        return from_file, "file", "sure", why
    if series:
        why = reason(
            N_('series rule: "{hashtag}" is always {format}'),
            hashtag=series[0],
            format=format_name(series[1]),
        )
        return series[1], "series", "sure", why
    if not isinstance(caption, str) or not caption.strip():
        return "Other", "rules", "guess", NO_CAPTION
    found = _classify(caption, frozen)
    return found.format, "rules", found.confidence, found.why


def _with_lookalikes(frame: pd.DataFrame) -> pd.DataFrame:
    """The videos the caption rules are unsure of, given the format of the most alike tagged video when
    it is alike enough (`lookalikes.THRESHOLD`)."""
    source, confidence = frame["format_source"].to_numpy(), frame["confidence"].to_numpy()
    tagged = np.flatnonzero((source == "override") | (source == "series"))
    asked = np.flatnonzero((source == "rules") & (confidence != "sure"))
    if not len(tagged) or not len(asked):
        return frame
    captions = frame["caption"].tolist()
    found = lookalikes.nearest(captions, asked.tolist(), tagged.tolist())
    found = found[found["similarity"] >= lookalikes.THRESHOLD]
    if found.empty:
        return frame
    frame = frame.copy()
    rows, like = frame.index[found["asked"].to_numpy(int)], found["against"].to_numpy(int)
    names = frame["format"].iloc[like].to_numpy()
    frame.loc[rows, "format"] = names
    frame.loc[rows, "format_source"] = "lookalike"
    frame.loc[rows, "confidence"] = "likely"
    whys = [
        reason(
            N_('like "{caption}" that you tagged {format}'),
            caption=lookalikes.short(captions[other]),
            format=format_name(name),
        )
        for other, name in zip(like, names, strict=True)
    ]
    frame.loc[rows, "reason"] = [why.english() for why in whys]
    frame.loc[rows, "why"] = pd.Series(whys, index=rows, dtype=object)
    return frame


# ---------------------------------------------------------------- per format


def _is_rated(videos: pd.DataFrame) -> pd.Series:
    """Videos that enter a rate: some views and a known engagement count."""
    return (videos["total_views"] > 0).fillna(False) & videos["total_engagements"].notna()


def _rated(videos: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    rated = videos[_is_rated(videos)]
    return rated["total_engagements"].to_numpy(float), rated["total_views"].to_numpy(float)


def _with_rated_sums(videos: pd.DataFrame) -> pd.DataFrame:
    """Add rated_views and rated_engagements (0 for unrated videos), so any group's rate is a ratio of their sums."""
    rated = _is_rated(videos)
    return videos.assign(
        rated_views=videos["total_views"].where(rated, 0).astype(float),
        rated_engagements=videos["total_engagements"].where(rated, 0).astype(float),
    )


def _rate(engagements: pd.Series, views: pd.Series) -> pd.Series:
    return engagements / views.where(views > 0)


def _weighted(values: pd.Series, views: pd.Series) -> float:
    """View-weighted mean over the videos that have both a value and views (a 1-view video counts little)."""
    known = values.notna() & (views > 0).fillna(False)
    total = views[known].sum()
    return float((values[known] * views[known]).sum() / total) if total else np.nan


def _per_1000(counts: pd.Series, views: pd.Series) -> float:
    known = counts.notna() & (views > 0).fillna(False)
    total = views[known].sum()
    return float(1000 * counts[known].sum() / total) if total else np.nan


def _group_row(
    name: str, group: pd.DataFrame, *, min_videos: int, confidence: float, n_boot: int, seed: int
) -> dict[str, object]:
    engagements, views = _rated(group)
    draws = stats.ratio_draws(engagements, views, n_boot=n_boot, rng=stats.group_rng(seed, name))
    low, high = stats.percentile_interval(draws, confidence)
    small = len(group) < min_videos
    return {
        "format": name,
        "count_videos": len(group),
        "total_views": int(group["total_views"].sum()),
        "total_engagements": int(group["total_engagements"].sum()),
        "engagement_rate": float(engagements.sum() / views.sum()) if len(views) else np.nan,
        "engagement_rate_low": low,
        "engagement_rate_high": high,
        "median_engagement_rate": float(group["engagement_rate"].median()),
        "shares_per_1000_views": _per_1000(group["total_shares"], group["total_views"]),
        "comments_per_1000_views": _per_1000(group["total_comments"], group["total_views"]),
        "completion_rate": _weighted(group["completion_rate"], group["total_views"]),
        "average_watch_seconds": _weighted(group["average_watch_seconds"], group["total_views"]),
        "follows_per_1000_views": _per_1000(group["new_followers"], group["total_views"]),
        "is_small_sample": small,
        "note": SMALL_SAMPLE_NOTE if small else "",
    }


def engagement_by_format(
    con: duckdb.DuckDBPyConnection,
    *,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
    min_videos: int = SETTINGS.min_videos,
    start: date | None = None,
    end: date | None = None,
    confidence: float = SETTINGS.confidence,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
) -> pd.DataFrame:
    """How much engagement does each interaction format get, and how sure can we be?

    One row per format present, best engagement rate first, formats with fewer than `min_videos`
    videos after the others. Columns: SUMMARY_COLUMNS (format, count_videos, total_views,
    total_engagements, engagement_rate with its bootstrap interval engagement_rate_low/_high,
    median_engagement_rate), then shares_per_1000_views, comments_per_1000_views, completion_rate and
    average_watch_seconds (view-weighted), follows_per_1000_views (NULL when the files lack them),
    is_small_sample, note ("not enough videos to say" or ""). Totals count every video; rates only
    those with views and known engagements.
    """
    videos = video_formats(con, rules=rules, overrides=overrides, series=series, start=start, end=end)
    return format_table(videos, min_videos=min_videos, confidence=confidence, n_boot=n_boot, seed=seed)


def format_table(
    videos: pd.DataFrame,
    *,
    min_videos: int = SETTINGS.min_videos,
    confidence: float = SETTINGS.confidence,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
) -> pd.DataFrame:
    """engagement_by_format() of these videos (rows of video_formats()), already read."""
    rows = [
        _group_row(str(name), group, min_videos=min_videos, confidence=confidence, n_boot=n_boot, seed=seed)
        for name, group in videos.groupby("format", sort=True)
    ]
    table = pd.DataFrame(rows, columns=FORMAT_COLUMNS)
    table = table.sort_values(
        ["is_small_sample", "engagement_rate", "count_videos", "format"],
        ascending=[True, False, False, True],
        na_position="last",
    )
    return table.reset_index(drop=True)


def all_videos_rate(table: pd.DataFrame) -> float | None:
    """Engagements ÷ views over every video of a format_table() that has both: all its formats together.

    Not the Overview's engagement rate: that one counts every view and engagement on the period's days
    (old videos included), this one the lifetime numbers of the videos posted in the period.
    """
    views = table["total_views"].where(table["total_engagements"].notna()).sum()
    return float(table["total_engagements"].sum() / views) if views else None


# ---------------------------------------------------------------- comparing two groups


_sentence = stats.sentence


class RateComparison(TypedDict):
    """compare_rates(): stats.Comparison, its counts named as videos with views."""

    count_videos_a: int
    count_videos_b: int
    rate_a: float
    rate_b: float
    ratio: float
    ratio_low: float
    ratio_high: float
    difference: float
    difference_low: float
    difference_high: float
    is_small_sample: bool
    is_unlikely_luck: bool
    verdict: str


def compare_rates(
    videos_a: pd.DataFrame,
    videos_b: pd.DataFrame,
    *,
    label_a: str = "group A",
    label_b: str = "group B",
    min_videos: int = SETTINGS.min_videos,
    confidence: float = SETTINGS.confidence,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
) -> RateComparison:
    """Do these videos really earn more engagement than those, or could it be luck?

    Each group is a per-video frame with total_engagements and total_views (rows of video_formats(),
    or any other selection); labels are plural nouns for the sentence ("Challenges"). Returns a dict:
    count_videos_a/_b (videos with views), rate_a/_b (ratio of sums), ratio (a / b) with ratio_low/_high,
    difference (a - b) with difference_low/_high (percentile bootstrap of each group's videos, seeded),
    is_small_sample, is_unlikely_luck (the interval of the ratio excludes 1) and verdict, a sentence.
    """
    result = stats.compare_ratios(
        _rated(videos_a),
        _rated(videos_b),
        label_a=label_a,
        label_b=label_b,
        min_count=min_videos,
        confidence=confidence,
        n_boot=n_boot,
        seed=seed,
    )
    return {
        "count_videos_a": result["count_a"],
        "count_videos_b": result["count_b"],
        "rate_a": result["rate_a"],
        "rate_b": result["rate_b"],
        "ratio": result["ratio"],
        "ratio_low": result["ratio_low"],
        "ratio_high": result["ratio_high"],
        "difference": result["difference"],
        "difference_low": result["difference_low"],
        "difference_high": result["difference_high"],
        "is_small_sample": result["is_small_sample"],
        "is_unlikely_luck": result["is_unlikely_luck"],
        "verdict": result["verdict"],
    }


def _comparable(videos: pd.DataFrame, min_videos: int) -> pd.DataFrame:
    """Formats with at least `min_videos` videos with views: format, count, views, engagements, rate."""
    rated = videos[_is_rated(videos)]
    counts = rated.groupby("format").agg(
        count=("total_views", "size"), views=("total_views", "sum"), engagements=("total_engagements", "sum")
    )
    counts = counts[counts["count"] >= max(min_videos, 1)].assign(
        rate=lambda t: t["engagements"] / t["views"]
    )
    return counts.reset_index()


def best_against_most_common(
    videos: pd.DataFrame,
    *,
    min_videos: int = SETTINGS.min_videos,
    confidence: float = SETTINGS.confidence,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
) -> tuple[str, str, RateComparison] | None:
    """(best format, reference format, compare_rates() of the two), or None with fewer than two formats to compare.

    The best engagement rate against the most common other format, both with at least `min_videos`
    videos with views: the comparison the Formats page's takeaway and the deck's formats slide state.
    "Other" (videos the rules could not place) is no format: it is neither the best nor the reference.
    """
    counts = _comparable(videos, min_videos)
    counts = counts[counts["format"] != "Other"]
    if len(counts) < 2:
        return None
    rated = videos[_is_rated(videos)]
    best = counts.sort_values(["rate", "count", "format"], ascending=[False, False, True])["format"].iloc[0]
    others = counts[counts["format"] != best].sort_values(["count", "format"], ascending=[False, True])
    reference = others["format"].iloc[0]
    result = compare_rates(
        rated[rated["format"] == best],
        rated[rated["format"] == reference],
        label_a=plural(best),
        label_b=plural(reference),
        min_videos=min_videos,
        confidence=confidence,
        n_boot=n_boot,
        seed=seed,
    )
    return best, reference, result


def plural(name: str) -> str:
    """A format as the subject of a sentence, in this run's language: "Challenges", "Podcast clip videos"."""
    if name in _PLURALS:
        return term("formats", _PLURALS[name])
    # Translators: {format} is a marketer's own format name, as typed ("Podcast clip")
    return _("{format} videos").format(format=name)


def format_takeaway(
    videos: pd.DataFrame,
    *,
    min_videos: int = SETTINGS.min_videos,
    confidence: float = SETTINGS.confidence,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
    comparison: tuple[str, str, RateComparison] | None = None,
) -> str:
    """Which format works best, in one sentence, and is it more than luck?

    `videos` is video_formats(). Compares the format with the best engagement rate with the most common
    other format (both with at least `min_videos` videos with views) through compare_rates();
    `comparison`: best_against_most_common() when already computed.
    """
    comparison = comparison or best_against_most_common(
        videos, min_videos=min_videos, confidence=confidence, n_boot=n_boot, seed=seed
    )
    if comparison is not None:
        return str(comparison[2]["verdict"])
    counts = _comparable(videos, min_videos)
    if counts.empty:
        return _(
            "Not enough videos to say which format works best yet: no format has {count} or more "
            "videos with views."
        ).format(count=wording.count(min_videos))
    named = counts[counts["format"] != "Other"]
    only = named["format"].iloc[0] if len(named) else "Other"
    if only == "Other":
        return _(
            'Only "{other}" has {count} or more videos with views, so formats cannot be compared yet: '
            'tag your videos with their format (in "Check and fix formats") to compare them.'
        ).format(other=term("format", "Other"), count=wording.count(min_videos))
    # Translators: {formats} is a format in the plural, as the subject ("Tutorials")
    return _sentence(
        _(
            "only {formats} have {count} or more videos with views, so there is nothing to compare them with yet."
        ).format(formats=plural(only), count=wording.count(min_videos))
    )


# ---------------------------------------------------------------- months


def formats_by_month(
    con: duckdb.DuckDBPyConnection,
    *,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """How has the mix of formats, and their engagement, changed month by month?

    One row per month (first day, UTC) and format present, oldest month first, formats in taxonomy
    order. Columns: month, format, count_videos, total_views, engagement_rate. Undated videos are left out.
    """
    return month_table(
        video_formats(con, rules=rules, overrides=overrides, series=series, start=start, end=end)
    )


def month_table(videos: pd.DataFrame) -> pd.DataFrame:
    """formats_by_month() of these videos (rows of video_formats()), already read."""
    videos = _with_rated_sums(videos)
    videos = videos[videos["posted_at"].notna()]
    videos = videos.assign(month=videos["posted_at"].dt.to_period("M").dt.to_timestamp())
    table = (
        videos.groupby(["month", "format"], as_index=False)
        .agg(
            count_videos=("video_id", "size"),
            total_views=("total_views", "sum"),
            rated_engagements=("rated_engagements", "sum"),
            rated_views=("rated_views", "sum"),
        )
        .assign(
            total_views=lambda t: t["total_views"].astype("int64"),
            engagement_rate=lambda t: _rate(t["rated_engagements"], t["rated_views"]),
            rank=lambda t: t["format"].map({name: i for i, name in enumerate(FORMATS)}).fillna(len(FORMATS)),
        )
        .sort_values(["month", "rank", "format"])
    )
    return table[["month", "format", "count_videos", "total_views", "engagement_rate"]].reset_index(drop=True)
