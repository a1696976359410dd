"""Numbers and dates as a client reads them in a headline: "45.3K", "+12%", "21 Nov 2026".

The shared forms live in `analytics.wording` (pages use them too); headline-only ones here.
"""

from __future__ import annotations

from analytics.wording import change, count, day, is_missing, plural, short_day, span, value

__all__ = [
    "change",
    "count",
    "counts",
    "day",
    "hours",
    "is_missing",
    "plural",
    "sentence",
    "short_day",
    "shorten",
    "span",
    "value",
]


def counts(first: float, second: float) -> tuple[str, str]:
    """Two counts in the same unit, so a headline never says "from 9,758 to 28.4K" (nor "0.0K")."""
    largest = max(abs(first), abs(second))
    if largest >= 1_000_000:
        return _scaled(first, 1_000_000, "M", 2), _scaled(second, 1_000_000, "M", 2)
    if largest >= 10_000:
        return _scaled(first, 1_000, "K", 1), _scaled(second, 1_000, "K", 1)
    return f"{first:,.0f}", f"{second:,.0f}"


def _scaled(number: float, size: int, suffix: str, digits: int) -> str:
    return "0" if round(number / size, digits) == 0 else f"{number / size:.{digits}f}{suffix}"


def hours(number: float | None) -> str:
    """A duration in hours, as a person says it: "40 minutes", "4.5 hours", "3 days"."""
    if number is None or is_missing(number):
        return "—"
    if number < 1:
        return f"{number * 60:.0f} minutes"
    if number < 48:
        return f"{number:.1f} hours"
    return f"{number / 24:.0f} days"


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
