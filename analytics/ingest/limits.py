"""How big a file may be before we refuse it, and the sentence that says so.

Why limits at all: the app runs on one server for every marketer at once. A small file
can ask for a lot of memory (a 1.5 KB spreadsheet that claims a cell in its last column
and row, a 2 MB ZIP that unpacks to 2 GB, a CSV row with a million cells), and one such
upload must not take everyone's session down. So each limit is checked from what a file
says about itself (the ZIP's table of contents, the sheet's size and cell addresses, the
first line of a CSV, a quick scan of a JSON) before the file is read whole.

Every limit is far above what a TikTok export holds (a year of daily rows, a few thousand
videos, a million comments, a few dozen columns), and each comes with the sentence a
marketer reads when a file goes over it.
"""

from __future__ import annotations

MB = 1_000_000

# A single uploaded file, as it arrives (the app's upload box allows 1,000 MB).
MAX_FILE_BYTES = 500 * MB
# Everything a file unpacks to, summed over ZIPs inside ZIPs and the parts of a workbook.
MAX_EXPANDED_BYTES = 500 * MB
# Files inside one ZIP, and how many ZIPs deep (a folder of exports zipped twice is fine).
MAX_ZIP_MEMBERS = 200
MAX_ZIP_DEPTH = 3
# Text compresses about 10 times; a member that claims far more is a ZIP bomb. Small members are exempt.
MAX_ZIP_RATIO = 200
RATIO_EXEMPT_BYTES = 1 * MB
# Rows and columns of one table (a million comments fit; TikTok exports have fewer than 100 columns).
MAX_ROWS = 3_000_000
MAX_COLUMNS = 1_000
# Excel's own limit for the text of one cell.
MAX_CELL_CHARS = 32_767
# Cells of one spreadsheet sheet, and the text they hold once shared strings are filled in.
MAX_SHEET_CELLS = 5_000_000
# JSON: how deep objects and lists nest, and how many fields one object has.
MAX_JSON_DEPTH = 64
MAX_JSON_KEYS = MAX_COLUMNS


class TooBig(Exception):
    """A file over one of the limits; the message is a plain sentence that names the file."""


def _size(count: float) -> str:
    return f"{count / MB:,.0f} MB" if count >= MB else f"{count:,.0f} bytes"


def file_too_big(name: str, size: int) -> str:
    return (
        f"{name} is {_size(size)}, more than the {_size(MAX_FILE_BYTES)} we read in one file. "
        "Export a shorter period, or split it and upload the parts."
    )


def expands_too_much(name: str, size: int) -> str:
    return (
        f"{name} unpacks to {_size(size)}, more than the {_size(MAX_EXPANDED_BYTES)} we open from one upload. "
        "Unzip it and upload the CSV files you need."
    )


def zip_bomb(name: str, member: str) -> str:
    return (
        f"{member} inside {name} claims to unpack to over {MAX_ZIP_RATIO} times its packed size, "
        "which no export does; we did not open it. Download the export again from TikTok."
    )


def workbook_bomb(name: str) -> str:
    return (
        f"{name} claims to unpack to over {MAX_ZIP_RATIO} times its size, which no spreadsheet does; "
        "we did not open it. Save it again from Excel or as CSV and upload it again."
    )


def too_many_members(name: str, count: int) -> str:
    return (
        f"{name} holds {count:,} files, more than the {MAX_ZIP_MEMBERS} we open from one ZIP. "
        "Unzip it and upload the CSV files you need."
    )


def zip_too_deep(name: str) -> str:
    return (
        f"{name} is a ZIP inside a ZIP more than {MAX_ZIP_DEPTH} levels deep; we did not open it. "
        "Unzip it and upload the files inside."
    )


def too_many_columns(name: str, count: int) -> str:
    return (
        f"{name} has a row of {count:,} cells, more than the {MAX_COLUMNS:,} columns we read. "
        "Is it a TikTok export? Open it in a spreadsheet to check its rows."
    )


def too_many_rows(name: str, count: int) -> str:
    return (
        f"{name} has {count:,} rows, more than the {MAX_ROWS:,} we read in one table. "
        "Export a shorter period and upload the parts."
    )


def sheet_too_big(name: str, cells: int) -> str:
    return (
        f"{name} says its sheet reaches {cells:,} cells, more than the {MAX_SHEET_CELLS:,} we open. "
        "Save it as CSV (or delete the empty rows and columns at its end) and upload it again."
    )


def sheet_too_wide(name: str, rows: int, columns: int) -> str:
    return (
        f"{name} has a cell as far out as row {rows:,}, column {columns:,}; we read at most {MAX_COLUMNS:,} "
        f"columns and {MAX_ROWS:,} rows. Delete what is at the sheet's far end (or save it as CSV) "
        "and upload it again."
    )


def cell_too_long(name: str) -> str:
    return (
        f"{name} has a cell longer than {MAX_CELL_CHARS:,} characters (Excel's own limit); we did not open it. "
        "Save it again from Excel or as CSV and upload it again."
    )


def cells_cut(count: int) -> str:
    cells = "1 cell was" if count == 1 else f"{count:,} cells were"
    return f"{cells} longer than {MAX_CELL_CHARS:,} characters (Excel's own limit) and cut to that length."


def json_too_deep(name: str) -> str:
    return (
        f"{name} nests more than {MAX_JSON_DEPTH} levels deep, which no comment export does; "
        "we did not read it. Download the export again."
    )


def json_too_wide(name: str, count: int) -> str:
    return (
        f"{name} has a record with {count:,} fields, more than the {MAX_JSON_KEYS:,} columns we read. "
        "Is it a comment export? Download it again."
    )
