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

from analytics.i18n import N_
from analytics.i18n.said import Said

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


def _size(count: float) -> Said:
    if count >= MB:
        return Said(N_("{size} MB"), size=round(count / MB))
    return Said.ngettext("{size} byte", "{size} bytes", int(count), size=int(count))


def file_too_big(name: str, size: int) -> Said:
    return Said(
        N_(
            "{file} is {size}, more than the {limit} we read in one file. "
            "Export a shorter period, or split it and upload the parts."
        ),
        file=name,
        size=_size(size),
        limit=_size(MAX_FILE_BYTES),
    )


def expands_too_much(name: str, size: int) -> Said:
    return Said(
        N_(
            "{file} unpacks to {size}, more than the {limit} we open from one upload. "
            "Unzip it and upload the CSV files you need."
        ),
        file=name,
        size=_size(size),
        limit=_size(MAX_EXPANDED_BYTES),
    )


def zip_bomb(name: str, member: str) -> Said:
    return Said(
        N_(
            "{member} inside {file} claims to unpack to over {ratio} times its packed size, "
            "which no export does; we did not open it. Download the export again from TikTok."
        ),
        member=member,
        file=name,
        ratio=MAX_ZIP_RATIO,
    )


def workbook_bomb(name: str) -> Said:
    return Said(
        N_(
            "{file} claims to unpack to over {ratio} times its size, which no spreadsheet does; "
            "we did not open it. Save it again from Excel or as CSV and upload it again."
        ),
        file=name,
        ratio=MAX_ZIP_RATIO,
    )


def too_many_members(name: str, count: int) -> Said:
    return Said(
        N_(
            "{file} holds {count} files, more than the {limit} we open from one ZIP. "
            "Unzip it and upload the CSV files you need."
        ),
        file=name,
        count=count,
        limit=MAX_ZIP_MEMBERS,
    )


def zip_too_deep(name: str) -> Said:
    return Said(
        N_(
            "{file} is a ZIP inside a ZIP more than {limit} levels deep; we did not open it. "
            "Unzip it and upload the files inside."
        ),
        file=name,
        limit=MAX_ZIP_DEPTH,
    )


def too_many_columns(name: str, count: int) -> Said:
    return Said(
        N_(
            "{file} has a row of {count} cells, more than the {limit} columns we read. "
            "Is it a TikTok export? Open it in a spreadsheet to check its rows."
        ),
        file=name,
        count=count,
        limit=MAX_COLUMNS,
    )


def too_many_rows(name: str, count: int) -> Said:
    return Said(
        N_(
            "{file} has {count} rows, more than the {limit} we read in one table. "
            "Export a shorter period and upload the parts."
        ),
        file=name,
        count=count,
        limit=MAX_ROWS,
    )


def sheet_too_big(name: str, cells: int) -> Said:
    return Said(
        N_(
            "{file} says its sheet reaches {count} cells, more than the {limit} we open. "
            "Save it as CSV (or delete the empty rows and columns at its end) and upload it again."
        ),
        file=name,
        count=cells,
        limit=MAX_SHEET_CELLS,
    )


def sheet_too_wide(name: str, rows: int, columns: int) -> Said:
    return Said(
        N_(
            "{file} has a cell as far out as row {row}, column {column}; we read at most {columns} "
            "columns and {rows} rows. Delete what is at the sheet's far end (or save it as CSV) "
            "and upload it again."
        ),
        file=name,
        row=rows,
        column=columns,
        columns=MAX_COLUMNS,
        rows=MAX_ROWS,
    )


def cell_too_long(name: str) -> Said:
    return Said(
        N_(
            "{file} has a cell longer than {limit} characters (Excel's own limit); we did not open it. "
            "Save it again from Excel or as CSV and upload it again."
        ),
        file=name,
        limit=MAX_CELL_CHARS,
    )


def cells_cut(count: int) -> Said:
    return Said.ngettext(
        "{count} cell was longer than {limit} characters (Excel's own limit) and cut to that length.",
        "{count} cells were longer than {limit} characters (Excel's own limit) and cut to that length.",
        count,
        count=count,
        limit=MAX_CELL_CHARS,
    )


def json_too_deep(name: str) -> Said:
    return Said(
        N_(
            "{file} nests more than {limit} levels deep, which no comment export does; "
            "we did not read it. Download the export again."
        ),
        file=name,
        limit=MAX_JSON_DEPTH,
    )


def json_too_wide(name: str, count: int) -> Said:
    return Said(
        N_(
            "{file} has a record with {count} fields, more than the {limit} columns we read. "
            "Is it a comment export? Download it again."
        ),
        file=name,
        count=count,
        limit=MAX_JSON_KEYS,
    )
