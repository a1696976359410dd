"""Files that leave the app: CSVs safe to open in Excel.

A cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) is read by
Excel as a formula, so a comment like `=HYPERLINK(...)` could run when a client opens
the file. Such cells get a leading apostrophe, which Excel shows as plain text.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells can never be taken for formulas. Numbers stay numbers."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_object_dtype(values):
            risky = values.map(lambda value: isinstance(value, str) and value.startswith(FORMULA_STARTS))
        elif pd.api.types.is_string_dtype(values):
            risky = values.str.startswith(FORMULA_STARTS).fillna(False)
        else:
            continue
        risky = risky.astype(bool)
        if risky.any():
            safe[column] = values.mask(risky, "'" + values[risky].astype(str))
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (so Excel shows accents and emoji) and formula-safe cells."""
    return excel_safe(frame).to_csv(index=False).encode("utf-8-sig")
