"""Numbers, dates and changes as a client reads them, written one way on every page, deck and report.

"21 Nov 2026" (never 21/11/2026 next to 2026/11/21), "1 video" and "2 videos", "+12.0%" or
"+0.4 pts" against the previous period, and "no change" (neither good nor bad news) when a
change rounds to zero. Pages, the HTML report, the deck and the command line all call these.

Each is written the way the run's language writes it (`analytics.i18n`): Babel's CLDR data gives
"29 thg 11, 2026", "29 nov. 2026", "1 234,5", "12,5 %", "45,3 k"; English keeps the app's own
day-first dates ("29 Nov 2026") and "45.3K". Files for machines never go through these.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, get_decimal_symbol, get_group_symbol

from analytics.i18n import DEFAULT, N_, _, language

NO_CHANGE = N_("no change")


def is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# ---------------------------------------------------------------- dates


# Date pickers cannot write "21 Nov 2026": they all use the same day-first digits instead.
DATE_INPUT_FORMAT = "DD/MM/YYYY"


def _locale() -> Locale | None:
    """Babel's locale for the run's language; None for English, which keeps the app's own style."""
    code = language()
    return None if code == DEFAULT else Locale.parse(code)


def _date(when: date | pd.Timestamp) -> date:
    return when.date() if isinstance(when, pd.Timestamp) else when


def day(when: date | pd.Timestamp) -> str:
    """21 Nov 2026 · 1 Dec 2026: the app's one date format (29 thg 11, 2026 · 29 nov. 2026)."""
    locale = _locale()
    if locale is not None:
        return format_date(_date(when), "medium", locale=locale)
    return f"{when:%d %b %Y}".lstrip("0")


def short_day(when: date | pd.Timestamp) -> str:
    """21 Nov: for a span whose year is said once."""
    locale = _locale()
    if locale is not None:
        return format_skeleton("MMMd", _date(when), locale=locale)
    return f"{when:%d %b}".lstrip("0")


def month(when: date | pd.Timestamp) -> str:
    """November 2026 · tháng 11 năm 2026 · novembre 2026."""
    locale = _locale()
    if locale is not None:
        return format_skeleton("yMMMM", _date(when), locale=locale)
    return f"{when:%B %Y}"


def span(start: date, end: date) -> str:
    """26 May – 21 Nov 2026, or 30 Nov 2025 – 27 Feb 2026 across a new year."""
    locale = _locale()
    if locale is not None:
        return format_interval(_date(start), _date(end), "yMMMd", locale=locale)
    if start.year == end.year:
        return f"{short_day(start)} – {day(end)}"
    return f"{day(start)} – {day(end)}"


# ---------------------------------------------------------------- counts and words


def plural(number: float, noun: str, nouns: str | None = None) -> str:
    """ "1 video", "2 videos", "1,234 videos": the count with its noun in the right number."""
    word = noun if number == 1 else (nouns or noun + "s")
    return f"{number:,.0f} {word}" if float(number).is_integer() else f"{number:,} {word}"


def plain(value: float, decimals: int = 0) -> str:
    """1,234 · 1.234 · 1 234 (with `decimals` fixed digits): a plain number in the run's language."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    locale = _locale()
    if locale is not None:
        return format_decimal(value, pattern, locale=locale)
    return f"{value:,.{decimals}f}"


def separators() -> str:
    """Plotly's `separators` (decimal mark, then thousands mark) for the run's language: ".," · ",." · ", "."""
    locale = _locale()
    if locale is None:
        return ".,"
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def count(value: float | None) -> str:
    """1,234 · 45.3K · 1.25M; "—" when unknown (1.234 · 45,3 N · 1,25 Tr in Vietnamese)."""
    if value is None or is_missing(value):
        return "—"
    size = abs(float(value))
    locale = _locale()
    if locale is not None:
        if size >= 10_000:
            digits = 2 if size >= 1_000_000 else 1
            return format_compact_decimal(value, format_type="short", fraction_digits=digits, locale=locale)
        return plain(round(value))
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


def _percent_pattern(locale: Locale, digits: int) -> str:
    """The language's own percent pattern ("#,##0 %" in French) with `digits` decimals."""
    pattern = locale.percent_formats[None].pattern.split(";")[0]
    return pattern.replace("#,##0", "#,##0." + "0" * digits if digits else "#,##0", 1)


def percent(share: float, *, signed: bool = False, digits: int | None = None) -> str:
    """12.3% · +0.3% · 0.04% (a second decimal only where one decimal would read as zero); 12,3 % in French."""
    if digits is None:
        digits = 2 if share and abs(share) < 0.0005 else 1
    locale = _locale()
    if locale is None:
        return f"{share:{'+' if signed else ''}.{digits}%}"
    worded = format_decimal(abs(share), _percent_pattern(locale, digits), locale=locale)
    if share < 0 and re.search(r"[1-9]", worded):
        return "-" + worded
    return ("+" if signed else "") + worded


def value(number: float | None, unit: str) -> str:
    """A KPI's value by its unit ("count", "signed_count", "percent", "seconds", "decimal", "minutes")."""
    if number is None or is_missing(number):
        return "—"
    if unit == "percent":
        return percent(number, digits=1)
    if unit == "seconds":
        # Translators: a duration in seconds, e.g. "12.5 s"
        return _("{seconds} s").format(seconds=plain(number, 1))
    if unit == "decimal":
        return plain(number, 1)
    if unit == "minutes":
        # Translators: a duration in minutes, e.g. "45 min"
        return _("{minutes} min").format(minutes=plain(number))
    if unit == "signed_count":
        return signed_count(number)
    return count(number)


def change(number: float | None, unit: str) -> str | None:
    """A change against the previous period: "+12.0%", "+0.4 pts" for a rate, "no change" when it rounds to 0."""
    if number is None or is_missing(number):
        return None
    if unit == "percent":
        points = number * 100
        # Translators: a change of a rate in percentage points, e.g. "+0.4 pts"
        worded = _("{points} pts").format(points=("+" if points >= 0 else "-") + plain(abs(points), 1))
    else:
        worded = percent(number, signed=True, digits=1)
    return _(NO_CHANGE) if is_no_change(worded) else worded


def is_no_change(worded: str | None) -> bool:
    """True for a change that reads as zero ("+0.0 pts", "+0 (+0%)", "-0.0%", "no change")."""
    if not isinstance(worded, str):
        return False
    return worded in (NO_CHANGE, _(NO_CHANGE)) or not re.search(r"[1-9]", worded)


def delta_style(worded: str | None) -> dict[str, str]:
    """Streamlit metric arguments for a change: no colour and no arrow when nothing changed."""
    if is_no_change(worded):
        return {"delta_color": "off", "delta_arrow": "off"}
    return {}


# ---------------------------------------------------------------- follower growth


# Stored as these English codes (a KPI table's change_basis); worded in the run's language when shown.
FOLLOWER_SHARE_BASIS = N_("of first-day followers")
PREVIOUS_PERIOD_BASIS = N_("vs previous period")
# A count compared over periods the files cover for different numbers of days (months differ in length).
DAILY_AVERAGE_BASIS = N_("in daily average")


def tile_delta(change_text: str | None, basis: str | None) -> str | None:
    """A tile's delta with its basis when it is not the page's usual one: "+0.4% of first-day followers".

    Pages say once that changes are against the previous period; another basis travels inside the
    delta, where no tile width cuts it off.
    """
    if not change_text or not basis or basis == PREVIOUS_PERIOD_BASIS:
        return change_text or None
    # Translators: a change and what it is measured against, e.g. "+12.0% in daily average"
    return _("{change} {basis}").format(change=change_text, basis=_(basis))


def follower_share(share: float | None) -> str | None:
    """The one percentage of follower growth: "+0.3% of first-day followers" (metrics.md)."""
    if share is None or is_missing(share):
        return None
    return _("{share} of first-day followers").format(share=percent(share, signed=True))
