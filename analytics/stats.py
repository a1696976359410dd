"""How sure can we be of a rate, and is one group really ahead of another or could it be luck?

The one place the app's intervals and verdicts are computed: the Formats page, What-if, the reply
effect on the Members page and the community segments all call these functions, so a "95% interval"
means the same thing everywhere, and the level it is computed at is the level its label says.

Choices a reader would wonder about:

- Ratio of sums, resampled: a group's rate (engagements ÷ views) is resampled by drawing its items
  (videos) again with replacement and taking the ratio of the draw's sums (`ratio_draws`), so a viral
  video weighs by its views, as it does in the rate itself.
- Percentile interval: the middle `confidence` share of the draws (`percentile_interval`), read with
  numpy's "inverted_cdf" method (an actual draw, never interpolated between two); draws that are not a
  number (0 ÷ 0) are left out.
- Seeds: a group's draws come from a numpy Generator seeded with (seed, the group's name)
  (`group_rng`), so the same data always gives the same interval whatever other groups are present.
- Yes/no outcomes (a member came back or not): resampling n outcomes with replacement is a binomial
  draw, which `binomial_difference_interval` draws directly (the exact bootstrap, no loop).
- Wilson interval for a share of counts (positive comments ÷ labelled comments): it stays inside 0–1
  and behaves with small counts, unlike the textbook ± 1.96 standard errors.
- "Unlikely to be luck": the interval of A ÷ B leaves out 1 (no difference), and both groups have
  the minimum count; below it the verdict says there are not enough to say.
"""

from __future__ import annotations

import zlib
from statistics import NormalDist
from typing import TypedDict

import numpy as np
import pandas as pd

from analytics import wording
from analytics.i18n import _
from analytics.settings import SETTINGS

CONFIDENCE = SETTINGS.confidence  # the default level (analytics/settings.py)
MAX_DRAWS = 2_000_000  # bootstrap indices held in memory at once (16 MB)


def level(confidence: float) -> str:
    """The confidence level as a label reads it: 0.95 -> "95%", 0.9 -> "90%", 0.995 -> "99.5%"."""
    return f"{round(confidence * 100, 1):g}%"


def group_rng(seed: int, name: str) -> np.random.Generator:
    """The Generator of one named group's draws: the same for the same (seed, name), whoever else is drawn."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def ratio_draws(
    numerators: np.ndarray, denominators: np.ndarray, *, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Ratio of sums over `n_boot` resamples (with replacement) of the items; NaN draws without items."""
    count = len(denominators)
    if count == 0:
        return np.full(n_boot, np.nan)
    rates = np.empty(n_boot)
    rows = max(1, MAX_DRAWS // count)  # resamples drawn at once; one draw for a typical brand
    for first in range(0, n_boot, rows):
        picks = rng.integers(0, count, size=(min(rows, n_boot - first), count))
        with np.errstate(divide="ignore", invalid="ignore"):
            rates[first : first + len(picks)] = numerators[picks].sum(axis=1) / denominators[picks].sum(
                axis=1
            )
    return rates


def mean_draws(values: np.ndarray, *, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """The mean over `n_boot` resamples (with replacement) of the values; NaN draws without values."""
    if len(values) == 0:
        return np.full(n_boot, np.nan)
    picks = rng.integers(0, len(values), size=(n_boot, len(values)))
    return values[picks].mean(axis=1)


def percentile_interval(draws: np.ndarray, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The middle `confidence` share of the draws (NaN draws left out); (NaN, NaN) when none is a number."""
    if len(draws) == 0 or np.isnan(draws).all():
        return np.nan, np.nan
    tail = (1 - confidence) / 2
    low, high = np.nanquantile(draws, [tail, 1 - tail], method="inverted_cdf")
    return float(low), float(high)


def binomial_difference_interval(
    successes_a: int,
    count_a: int,
    successes_b: int,
    count_b: int,
    *,
    confidence: float = CONFIDENCE,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
) -> tuple[float, float]:
    """The interval of share A − share B for yes/no outcomes (bootstrap as binomial draws, seeded)."""
    rng = np.random.default_rng(seed)
    draws = rng.binomial(count_a, successes_a / count_a, n_boot) / count_a - (
        rng.binomial(count_b, successes_b / count_b, n_boot) / count_b
    )
    return percentile_interval(draws, confidence)


def wilson_interval(
    successes: pd.Series, totals: pd.Series, confidence: float = CONFIDENCE
) -> tuple[pd.Series, pd.Series]:
    """The Wilson interval (low, high) of successes ÷ totals, row by row; NaN where a total is 0."""
    count = totals.astype(float)
    share = successes.astype(float) / count.where(count > 0)
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    centre = (share + z * z / (2 * count)) / (1 + z * z / count)
    half = z * np.sqrt(share * (1 - share) / count + z * z / (4 * count * count)) / (1 + z * z / count)
    return (centre - half).clip(lower=0), (centre + half).clip(upper=1)


# ---------------------------------------------------------------- comparing two groups


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def verdict(
    label_a: str,
    label_b: str,
    rate_a: float,
    rate_b: float,
    ratio: float,
    unlikely: bool,
    *,
    what: str | None = None,
) -> str:
    """The comparison in plain words, in this run's language: "Challenges earn 2.1x the engagement of
    Tutorials (9.8% vs 4.6%), and that is unlikely to be luck." Labels are plural nouns; `what` is the
    thing earned (engagement)."""
    # Translators: the two groups' rates, "(9.8% vs 4.6%)"
    words = {
        "a": label_a,
        "b": label_b,
        "what": what or _("engagement"),
        "rates": _("({rate_a} vs {rate_b})").format(
            rate_a=wording.value(rate_a, "percent"), rate_b=wording.value(rate_b, "percent")
        ),
    }
    if rate_b == 0:
        return sentence(
            _("{b} earned no {what} at all {rates}, so there is no ratio to give.").format(**words)
        )
    percent = round(abs(ratio - 1) * 100)
    if percent == 0:
        if unlikely:
            said = _(
                "{a} and {b} earn about the same {what} {rates}, and the data is precise enough to say so."
            )
        else:
            said = _("{a} and {b} earn about the same {what} {rates}.")
        return sentence(said.format(**words))
    # Translators: {a} and {b} are groups of videos in the plural ("Challenges", "Tutorials"), {what} is "engagement"
    if ratio >= 1.1 and unlikely:
        said = _("{a} earn {ratio}x the {what} of {b} {rates}, and that is unlikely to be luck.")
    elif ratio >= 1.1:
        said = _("{a} earn {ratio}x the {what} of {b} {rates}, but that could be luck.")
    elif ratio > 1 and unlikely:
        said = _("{a} earn {percent}% more {what} than {b} {rates}, and that is unlikely to be luck.")
    elif ratio > 1:
        said = _("{a} earn {percent}% more {what} than {b} {rates}, but that could be luck.")
    elif unlikely:
        said = _("{a} earn {percent}% less {what} than {b} {rates}, and that is unlikely to be luck.")
    else:
        said = _("{a} earn {percent}% less {what} than {b} {rates}, but that could be luck.")
    return sentence(
        said.format(**words, ratio=wording.value(ratio, "decimal"), percent=wording.count(percent))
    )


class Comparison(TypedDict):
    """compare_ratios(): group A against group B (rates are ratios of sums; NaN where a group has none)."""

    count_a: int
    count_b: int
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


def compare_ratios(
    group_a: tuple[np.ndarray, np.ndarray],
    group_b: tuple[np.ndarray, np.ndarray],
    *,
    label_a: str = "group A",
    label_b: str = "group B",
    min_count: int = 5,
    confidence: float = CONFIDENCE,
    n_boot: int = SETTINGS.n_boot,
    seed: int = SETTINGS.seed,
    unit: str = "videos",
) -> Comparison:
    """Is group A's ratio of sums really above or below group B's, or could it be luck?

    Each group is (numerators, denominators), one pair per item (a video's engagements and views).
    Returns a dict: count_a/_b (items), rate_a/_b (ratio of sums), ratio (a / b) with ratio_low/_high,
    difference (a - b) with difference_low/_high (percentile bootstrap of each group's items, one
    Generator seeded with `seed`, A drawn first), is_small_sample (fewer than `min_count` items in a
    group), is_unlikely_luck (the ratio's interval leaves out 1) and verdict, a sentence.
    """
    (top_a, bottom_a), (top_b, bottom_b) = group_a, group_b
    rng = np.random.default_rng(seed)
    draws_a = ratio_draws(top_a, bottom_a, n_boot=n_boot, rng=rng)
    draws_b = ratio_draws(top_b, bottom_b, n_boot=n_boot, rng=rng)
    rate_a = float(top_a.sum() / bottom_a.sum()) if len(bottom_a) else np.nan
    rate_b = float(top_b.sum() / bottom_b.sum()) if len(bottom_b) else np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = rate_a / rate_b if rate_b else np.nan
        # A resample where B earned nothing makes A infinitely better; 0/0 resamples are dropped.
        ratio_low, ratio_high = percentile_interval(draws_a / draws_b, confidence)
    difference_low, difference_high = percentile_interval(draws_a - draws_b, confidence)
    needed = max(min_count, 1)
    small = min(len(bottom_a), len(bottom_b)) < needed
    unlikely = bool(not small and (ratio_low > 1 or ratio_high < 1))
    if small:
        said = sentence(
            _(
                "not enough {unit} to say: {a} have {count_a} with views and {b} {count_b}, and a comparison "
                "needs at least {needed} each."
            ).format(
                unit=_("videos") if unit == "videos" else unit,
                a=label_a,
                b=label_b,
                count_a=wording.count(len(bottom_a)),
                count_b=wording.count(len(bottom_b)),
                needed=wording.count(needed),
            )
        )
    else:
        said = verdict(label_a, label_b, rate_a, rate_b, ratio, unlikely)
    return {
        "count_a": len(bottom_a),
        "count_b": len(bottom_b),
        "rate_a": rate_a,
        "rate_b": rate_b,
        "ratio": ratio,
        "ratio_low": ratio_low,
        "ratio_high": ratio_high,
        "difference": rate_a - rate_b,
        "difference_low": difference_low,
        "difference_high": difference_high,
        "is_small_sample": small,
        "is_unlikely_luck": unlikely,
        "verdict": said,
    }
