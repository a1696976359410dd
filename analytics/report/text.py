"""Numbers and dates as a client reads them in a headline: "45.3K", "+12%", "21 Nov 2026"."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def count(value: float | None) -> str:
    """1,234 · 45.3K · 1.25M; "—" when unknown."""
    if is_missing(value):
        return "—"
    size = abs(float(value))
    if size >= 1_000_000:
        return f"{value / 1_000_000:.2f}M"
    if size >= 10_000:
        return f"{value / 1_000:.1f}K"
    return f"{value:,.0f}"


def counts(first: float, second: float) -> tuple[str, str]:
    """Two counts in the same unit, so a headline never says "from 9,758 to 28.4K"."""
    largest = max(abs(first), abs(second))
    if largest >= 1_000_000:
        return f"{first / 1_000_000:.2f}M", f"{second / 1_000_000:.2f}M"
    if largest >= 10_000:
        return f"{first / 1_000:.1f}K", f"{second / 1_000:.1f}K"
    return f"{first:,.0f}", f"{second:,.0f}"


def value(number: float | None, unit: str) -> str:
    """A KPI's value by its unit ("count", "percent", "seconds", "decimal", "minutes")."""
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
    return count(number)


def change(number: float | None, unit: str) -> str | None:
    """A change against the previous period: "+12.0%", or "+0.4 pts" for a rate."""
    if is_missing(number):
        return None
    if unit == "percent":
        return f"{number * 100:+.1f} pts"
    return f"{number:+.1%}"


def day(when: date | pd.Timestamp) -> str:
    return f"{when:%d %b %Y}".lstrip("0")


def short_day(when: date | pd.Timestamp) -> str:
    return f"{when:%d %b}".lstrip("0")


def span(start: date, end: date) -> str:
    if start.year == end.year:
        return f"{short_day(start)} – {day(end)}"
    return f"{day(start)} – {day(end)}"


def hours(number: float | None) -> str:
    """A duration in hours, as a person says it: "40 minutes", "4.5 hours", "3 days"."""
    if is_missing(number):
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
