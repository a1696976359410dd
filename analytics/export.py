"""Files that leave the app: CSVs safe to open in Excel.

Excel runs a cell as a formula when it starts with `=`, `+`, `-` or `@` (a tab, a carriage return
or a line break in front does not stop it), so a comment like `=HYPERLINK(...)` could run when a
client opens the file. Such cells get a leading apostrophe, which Excel reads as "this is text".
Cells that only look like formulas stay as they are, since the apostrophe shows in some
spreadsheets: a negative number (`-5`) and a plain handle (`@fan_036`, no brackets or operators).

Every cell is quoted when it holds a line break or a carriage return (CRLF line ends, as Excel
writes them), so text after a line break inside a comment can never start a row of its own.
"""

from __future__ import annotations

import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# What a spreadsheet reads as a value, not a formula, although it starts with `-` or `@`.
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?%?")
_HANDLE = re.compile(r"@[\w.]+")


def runs_as_formula(value: object) -> bool:
    """Would Excel run this cell as a formula? Text starting with `= + - @` (after any blanks)."""
    if not isinstance(value, str):
        return False
    stripped = value.lstrip(" \t\r\n")
    if value[:1] in ("\t", "\r", "\n") or (stripped[:1] in ("=", "+", "-", "@") and stripped != value):
        return True
    if not value.startswith(FORMULA_STARTS):
        return False
    return not (_NEGATIVE_NUMBER.fullmatch(value) or _HANDLE.fullmatch(value))


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells (and column names) can never run as formulas. Numbers stay numbers."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        risky = values.map(runs_as_formula).astype(bool)
        if risky.any():
            safe[column] = values.mask(risky, "'" + values[risky].astype(str))
    safe.columns = ["'" + name if runs_as_formula(name) else name for name in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (so Excel shows accents and emoji), formula-safe cells, line breaks kept inside quotes."""
    return excel_safe(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
