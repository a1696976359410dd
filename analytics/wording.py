"""Numbers, dates and changes as a client reads them, written one way on every page, deck and report.

"21 Nov 2026" (never 21/11/2026 next to 2026/11/21), "1 video" and "2 videos", "+12.0%" or
"+0.4 pts" against the previous period, and "no change" (neither good nor bad news) when a
change rounds to zero. Pages, the HTML report, the deck and the command line all call these.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

NO_CHANGE = "no change"


def is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# ---------------------------------------------------------------- dates


# Date pickers cannot write "21 Nov 2026": they all use the same day-first digits instead.
DATE_INPUT_FORMAT = "DD/MM/YYYY"


def day(when: date | pd.Timestamp) -> str:
    """21 Nov 2026 · 1 Dec 2026: the app's one date format."""
    return f"{when:%d %b %Y}".lstrip("0")


def short_day(when: date | pd.Timestamp) -> str:
    """21 Nov: for a span whose year is said once."""
    return f"{when:%d %b}".lstrip("0")


def span(start: date, end: date) -> str:
    """26 May – 21 Nov 2026, or 30 Nov 2025 – 27 Feb 2026 across a new year."""
    if start.year == end.year:
        return f"{short_day(start)} – {day(end)}"
    return f"{day(start)} – {day(end)}"


# ---------------------------------------------------------------- counts and words


def plural(number: float, noun: str, nouns: str | None = None) -> str:
    """ "1 video", "2 videos", "1,234 videos": the count with its noun in the right number."""
    word = noun if number == 1 else (nouns or noun + "s")
    return f"{number:,.0f} {word}" if float(number).is_integer() else f"{number:,} {word}"


def count(value: float | None) -> str:
    """1,234 · 45.3K · 1.25M; "—" when unknown."""
    if value is None or is_missing(value):
        return "—"
    size = abs(float(value))
    if size >= 1_000_000:
        return f"{value / 1_000_000:.2f}M"
    if size >= 10_000:
        return f"{value / 1_000:.1f}K"
    return f"{value:,.0f}"


def signed_count(value: float | None) -> str:
    """+15 · −71 · 0: a count that is itself a change (follower growth)."""
    if value is None or is_missing(value):
        return "—"
    if round(value) == 0:
        return "0"
    return ("+" if value > 0 else "-") + count(abs(value))


def percent(share: float, *, signed: bool = False) -> str:
    """12.3% · +0.3% · 0.04% (a second decimal only where one decimal would read as zero)."""
    digits = 2 if share and abs(share) < 0.0005 else 1
    return f"{share:{'+' if signed else ''}.{digits}%}"


def value(number: float | None, unit: str) -> str:
    """A KPI's value by its unit ("count", "signed_count", "percent", "seconds", "decimal", "minutes")."""
    if is_missing(number):
        return "—"
    if unit == "percent":
        return f"{number:.1%}"
    if unit == "seconds":
        return f"{number:.1f} s"
    if unit == "decimal":
        return f"{number:,.1f}"
    if unit == "minutes":
        return f"{number:,.0f} min"
    if unit == "signed_count":
        return signed_count(number)
    return count(number)


def change(number: float | None, unit: str) -> str | None:
    """A change against the previous period: "+12.0%", "+0.4 pts" for a rate, "no change" when it rounds to 0."""
    if number is None or is_missing(number):
        return None
    worded = f"{number * 100:+.1f} pts" if unit == "percent" else f"{number:+.1%}"
    return NO_CHANGE if is_no_change(worded) else worded


def is_no_change(worded: str | None) -> bool:
    """True for a change that reads as zero ("+0.0 pts", "+0 (+0%)", "-0.0%", "no change")."""
    if not isinstance(worded, str):
        return False
    return worded == NO_CHANGE or not re.search(r"[1-9]", worded)


def delta_style(worded: str | None) -> dict[str, str]:
    """Streamlit metric arguments for a change: no colour and no arrow when nothing changed."""
    if is_no_change(worded):
        return {"delta_color": "off", "delta_arrow": "off"}
    return {}


# ---------------------------------------------------------------- follower growth


FOLLOWER_SHARE_BASIS = "of first-day followers"
PREVIOUS_PERIOD_BASIS = "vs previous period"
# A count compared over periods the files cover for different numbers of days (months differ in length).
DAILY_AVERAGE_BASIS = "in daily average"


def tile_delta(change_text: str | None, basis: str | None) -> str | None:
    """A tile's delta with its basis when it is not the page's usual one: "+0.4% of first-day followers".

    Pages say once that changes are against the previous period; another basis travels inside the
    delta, where no tile width cuts it off.
    """
    if not change_text or not basis or basis == PREVIOUS_PERIOD_BASIS:
        return change_text or None
    return f"{change_text} {basis}"


def follower_share(share: float | None) -> str | None:
    """The one percentage of follower growth: "+0.3% of first-day followers" (metrics.md)."""
    if share is None or is_missing(share):
        return None
    return f"{percent(share, signed=True)} {FOLLOWER_SHARE_BASIS}"


# The two functions below are main's (the lead's locale-aware wording), added here so this branch runs:
# at the merge, keep main's analytics/wording.py as it is.
def month(when: date | pd.Timestamp) -> str:
    """November 2026 · tháng 11 năm 2026 · novembre 2026."""
    from babel.dates import format_skeleton

    from analytics import i18n

    if i18n.language() == i18n.DEFAULT:
        return f"{when:%B %Y}"
    return format_skeleton("yMMMM", when, locale=i18n.language())


def separators() -> str:
    """Plotly's `separators` (decimal mark, then thousands mark) for the run's language: ".," · ",." · ", "."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from analytics import i18n

    if i18n.language() == i18n.DEFAULT:
        return ".,"
    return get_decimal_symbol(i18n.language()) + get_group_symbol(i18n.language())
