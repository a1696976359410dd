"""Numbers and dates as a client reads them in a headline: "45.3K", "+12%", "21 Nov 2026".

The shared forms live in `analytics.wording` (pages use them too); headline-only ones here.
"""

from __future__ import annotations

import re

from babel import Locale
from babel.numbers import format_decimal, format_percent

from analytics import i18n
from analytics.i18n import ngettext
from analytics.posting_times import weekday_name
from analytics.wording import change, count, day, is_missing, plural, short_day, span, value

__all__ = [
    "change",
    "count",
    "counts",
    "day",
    "days",
    "hours",
    "is_missing",
    "lives_count",
    "number",
    "percent",
    "plural",
    "sentence",
    "short_day",
    "shorten",
    "span",
    "value",
    "videos",
    "weekday",
]


def counts(first: float, second: float) -> tuple[str, str]:
    """Two counts in the same unit, so a headline never says "from 9,758 to 28.4K" (nor "0.0K")."""
    largest = max(abs(first), abs(second))
    if largest >= 1_000_000:
        return _scaled(first, 1_000_000, "M", 2), _scaled(second, 1_000_000, "M", 2)
    if largest >= 10_000:
        return _scaled(first, 1_000, "K", 1), _scaled(second, 1_000, "K", 1)
    return number(first), number(second)


def _scaled(value: float, size: int, suffix: str, digits: int) -> str:
    """`value` in thousands or millions with the language's own short word ("K", "k", "N", "mil", "rb")."""
    if round(value / size, digits) == 0:
        return "0"
    if _locale() != i18n.DEFAULT:
        pattern = Locale.parse(_locale()).compact_decimal_formats["short"]["other"][str(size)].pattern
        return re.sub(r"0+", lambda _zeros: number(value / size, digits), pattern, count=1)
    return number(value / size, digits) + suffix


def _locale() -> str:
    return i18n.language()


def number(value: float, digits: int = 0, *, signed: bool = False) -> str:
    """1,234 · 2.6 in English; 1 234 · 2,6 in French: a number written the reader's way, to `digits` decimals."""
    # The language's own grouping (Spanish leaves 4-digit numbers ungrouped); a trailing zero dropped ("4 hours").
    written = format_decimal(round(float(value), digits), locale=_locale())
    return ("+" + written) if signed and round(float(value), digits) > 0 else written


def percent(share: float, digits: int = 0, *, signed: bool = False) -> str:
    """12% · 12,5 % · +3%: a share written the reader's way (whole percents unless `digits`)."""
    pattern = Locale.parse(_locale()).percent_formats[None].pattern.split(";")[0]  # "#,##0%", "#,##0 %"
    if digits:
        pattern = re.sub(r"0(?=[^0#]*%)", "0." + "0" * digits, pattern, count=1)
    written = format_percent(round(float(share), digits + 2), format=pattern, locale=_locale())
    return ("+" + written) if signed and round(float(share), digits + 2) > 0 else written


def hours(value: float | None) -> str:
    """A duration in hours, as a person says it: "40 minutes", "4.5 hours", "3 days"."""
    if value is None or is_missing(value):
        return "—"
    if value < 1:
        minutes = round(value * 60)
        return ngettext("{count} minute", "{count} minutes", minutes).format(count=number(minutes))
    if value < 48:
        return ngettext("{count} hour", "{count} hours", round(value, 1)).format(count=number(value, 1))
    days = round(value / 24)
    return ngettext("{count} day", "{count} days", days).format(count=number(days))


def shorten(text: object, limit: int = 90) -> str:
    """One line of at most `limit` characters, cut at a word, with an ellipsis when cut."""
    if not isinstance(text, str) or not text.strip():
        return ""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def videos(n: int) -> str:
    """ "12 videos" in the reader's language."""
    return ngettext("{count} video", "{count} videos", n).format(count=number(n))


def days(n: int) -> str:
    return ngettext("{count} day", "{count} days", n).format(count=number(n))


def lives_count(n: int) -> str:
    return ngettext("{count} LIVE", "{count} LIVEs", n).format(count=number(n))


def weekday(index: int, *, short: bool = False) -> str:
    """Monday (0) … Sunday (6), in the reader's language ("lundi", "Thứ Hai"); `short`: "Mon", "lun."."""
    return weekday_name(index, "abbreviated" if short else "wide")
