"""Turn the number-like text of exports into numbers.

Genuine TikTok files hold plain integers, but marketers paste data from other tools and
re-save in Excel, so the parser also accepts `1,234`, `1.234` (European thousands),
`1.2K`, `3M`, `12.5%`, `38,5%` and the literal `undefined` that TikTok writes for
missing days. Whatever cannot be read becomes missing (NA), never zero: a day without
data is not a day with no views.
"""

from __future__ import annotations

import re

import pandas as pd

MISSING = {"", "undefined", "null", "none", "nan", "n/a", "na", "-", "--", "—"}
_SUFFIX = {"k": 1e3, "m": 1e6, "b": 1e9}
# Thousands groups: `1,234`, `1.234.567`, `12 345`. A first group of 0 is a decimal (`0.462`).
_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}([,. \u00a0\u202f']\d{3})+$")
_LARGEST_COUNT = 2**63


def _clean(values: pd.Series) -> pd.Series:
    text = (
        values.astype("string")
        .str.strip()
        .str.replace("\u00a0", " ", regex=False)
        .str.replace("\u2212", "-", regex=False)
    )
    return text.mask(text.str.lower().isin(MISSING))


def _to_float(text: str) -> float:
    """One cleaned token to a float; NaN when unreadable."""
    token = text.strip().lower().replace(" ", "").replace("\u202f", "")
    multiplier = 1.0
    if token and token[-1] in _SUFFIX:
        multiplier = _SUFFIX[token[-1]]
        token = token[:-1]
    if _GROUPED.match(token) and multiplier == 1.0:
        token = re.sub(r"[,. \u00a0\u202f']", "", token)
    elif "," in token and "." in token:
        # The separator that comes last is the decimal one: 1.234,5 or 1,234.5.
        if token.rfind(",") > token.rfind("."):
            token = token.replace(".", "").replace(",", ".")
        else:
            token = token.replace(",", "")
    else:
        token = token.replace(",", ".")
    try:
        return float(token) * multiplier
    except ValueError:
        return float("nan")


def parse_numbers(values: pd.Series) -> pd.Series:
    """Floats from number-like text; NA where missing or unreadable. Percent signs are dropped, not scaled."""
    text = _clean(values).str.replace("%", "", regex=False)
    distinct = text.dropna().unique()
    lookup = {value: _to_float(value) for value in distinct}
    return text.map(lookup).astype("Float64")


def parse_counts(values: pd.Series) -> pd.Series:
    """Whole numbers (views, likes...) as nullable Int64; `1.2K` becomes 1200."""
    numbers = parse_numbers(values)
    # inf, 1e400 or a 23-digit "count" is not a number of views: missing, not a wrapped-around negative.
    numbers = numbers.mask(~numbers.abs().lt(_LARGEST_COUNT).fillna(True))
    return numbers.round().astype("Int64")


def parse_rates(values: pd.Series) -> pd.Series:
    """Fractions 0-1 from `38.5%`, `38,5%`, `0.385` or `38.5`.

    A value with a percent sign, or any value above 1 in a column whose values go above
    1, is a percentage: a completion rate column never mixes the two styles in practice.
    """
    text = _clean(values)
    numbers = parse_numbers(values)
    has_percent = text.str.contains("%", regex=False).fillna(False).astype(bool)
    as_percent = has_percent | bool((numbers > 1).any())
    return numbers.where(~as_percent, numbers / 100).astype("Float64")


def count_missing(values: pd.Series) -> int:
    """How many cells are missing or the literal `undefined`."""
    return int(_clean(values).isna().sum())


def to_bool(values: pd.Series) -> pd.Series:
    """`True`/`False`/`1`/`0`/`yes`/`no` to a nullable boolean."""
    text = values.astype("string").str.strip().str.lower()
    mapped = text.map({"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False})
    return mapped.astype("boolean")
