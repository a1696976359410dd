"""Bytes in, tables of text out: ZIP, XLSX, JSON and CSV, whatever the file is called.

The container is recognised from the bytes (a ZIP starts with `PK`, JSON with `[` or
`{`), never from the name, because marketers rename and re-save files. Every cell stays
text here; types are decided later, per kind, in `canonical.py` (comments: `staging.py`).

A clean UTF-8 CSV can be left unread (`lazy`): its header comes from the first bytes, and
DuckDB reads the whole file when it holds comments (a million rows in a second). DuckDB
refuses what it does not read exactly as Python would (ragged rows, stray quotes, other
encodings, very long lines), and `read_rows` then reads it here, with the same sentences.

Before anything is read whole, the limits in `limits.py` are checked from what the file
says about itself: a ZIP's table of contents, a workbook's sheet sizes and cell addresses,
the longest line of a CSV, the nesting of a JSON. The XLSX reader is native code that can
abort the whole server on a hostile workbook, so it only ever sees a workbook that passed.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import csv as pa_csv
from python_calamine import CalamineWorkbook

from analytics.i18n import N_
from analytics.i18n.said import Said, said_of
from analytics.ingest import limits
from analytics.ingest.limits import TooBig

# A ZIP starts with a file entry, or with the end-of-archive record when it is empty.
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class IngestError(Exception):
    """A file we cannot read. The message is a plain sentence for a marketer."""


@dataclass(frozen=True)
class CsvSource:
    """A clean UTF-8 CSV that DuckDB reads itself: its bytes, separator and header."""

    data: bytes = field(repr=False)
    separator: str
    header: tuple[str, ...]


@dataclass
class RawTable:
    """One table of text found in an upload (a CSV, one sheet, one ZIP member...).

    `reader` says what read its rows: `duckdb` (a clean CSV, read whole by DuckDB: `frame` is
    None and `csv` holds the file until then), `csv` (Python's CSV reader), `excel` or `json`.
    """

    source: str
    frame: pd.DataFrame | None
    names: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)
    reader: str = "csv"
    csv: CsvSource | None = None
    known_rows: int | None = None

    @property
    def header(self) -> list[str]:
        if self.frame is None:
            return list(self.csv.header) if self.csv is not None else []
        return [str(column) for column in self.frame.columns]

    @property
    def rows(self) -> int | None:
        """Its rows, or None for a CSV DuckDB has not read yet."""
        return len(self.frame) if self.frame is not None else self.known_rows


@dataclass
class ReadProblem:
    source: str
    message: str


@dataclass
class Budget:
    """What is left of the bytes one upload may unpack to, shared by every ZIP inside it."""

    remaining: int = field(default_factory=lambda: limits.MAX_EXPANDED_BYTES)

    def spend(self, name: str, size: int) -> None:
        if size > self.remaining:
            raise TooBig(limits.expands_too_much(name, limits.MAX_EXPANDED_BYTES - self.remaining + size))
        self.remaining -= size


def read_tables(
    name: str,
    data: bytes,
    names: tuple[str, ...] = (),
    budget: Budget | None = None,
    depth: int = 0,
    *,
    lazy: bool = False,
) -> tuple[list[RawTable], list[ReadProblem]]:
    """Every table in one uploaded file, and a plain sentence for each part we could not read.

    `lazy`: a clean UTF-8 CSV (not inside a ZIP) comes back unread, its header found from the
    first bytes, for DuckDB to read whole (`RawTable.csv`); `read_rows` reads it the Python way.
    """
    try:
        if budget is None:
            if len(data) > limits.MAX_FILE_BYTES:
                raise TooBig(limits.file_too_big(name, len(data)))
            budget = Budget()
        if lazy and depth == 0 and (found := clean_csv(name, data, (*names, name))):
            return [found], []
        return _read_any(name, data, (*names, name), budget, depth)
    except TooBig as error:
        return [], [ReadProblem(name, said_of(error))]


def read_rows(raw: RawTable) -> tuple[list[RawTable], list[ReadProblem]]:
    """The rows of a CSV DuckDB was to read, read by Python instead (DuckDB refused it, or its kind is
    one pandas reads as fast): the same tables and sentences as a CSV that was never offered to DuckDB."""
    if raw.frame is not None or raw.csv is None:
        return [raw], []
    try:
        return _read_text(raw.source, raw.csv.data, raw.names)
    except TooBig as error:
        return [], [ReadProblem(raw.source, said_of(error))]


# The first bytes of a CSV that say how to read the rest: its header and separator.
_HEAD = 1 << 16


def clean_csv(name: str, data: bytes, names: tuple[str, ...]) -> RawTable | None:
    """A CSV DuckDB can read as it is, unread: UTF-8 (BOM or not), no zero byte, a header line of
    distinct, non-empty names. Anything else (None) is read by Python, which knows its quirks."""
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    if not body or body[:1] in b" \t\r\n[{\xef" or b"\x00" in data:
        return None
    try:
        head = codecs.getincrementaldecoder("utf-8")().decode(body[:_HEAD], final=len(body) <= _HEAD)
    except UnicodeDecodeError:
        return None
    first_line, newline, _ = head.partition("\n")
    if not newline and len(body) > _HEAD:
        return None
    separator = sniff_separator(head)
    csv.field_size_limit(1 << 30)
    try:
        header = next(csv.reader([first_line.rstrip("\r")], delimiter=separator))
    except (csv.Error, StopIteration):
        return None
    cleaned = [cell.strip().strip('"').strip() for cell in header]
    if (
        not 1 < len(cleaned) <= limits.MAX_COLUMNS
        or not all(cleaned)
        or len(set(cleaned)) != len(cleaned)
        or unique_headers(cleaned) != cleaned
    ):
        return None
    return RawTable(name, None, names, reader="duckdb", csv=CsvSource(data, separator, tuple(cleaned)))


def _read_any(
    name: str, data: bytes, names: tuple[str, ...], budget: Budget, depth: int
) -> tuple[list[RawTable], list[ReadProblem]]:
    if data[:4] in ZIP_SIGNATURES:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            return [], [
                ReadProblem(
                    name,
                    Said(
                        N_("{file} looks like a ZIP file but it is damaged. Download it again from TikTok."),
                        file=name,
                    ),
                )
            ]
        with archive:
            if "xl/workbook.xml" in archive.namelist():
                return _read_workbook(name, data, archive, names, budget)
            return _read_zip(name, archive, names, budget, depth)
    if data[:4] == b"\xd0\xcf\x11\xe0":
        return [], [
            ReadProblem(
                name,
                Said(
                    N_("{file} is an old Excel .xls file. Save it as .xlsx or CSV and upload it again."),
                    file=name,
                ),
            )
        ]
    return _read_text(name, data, names)


def _read_text(name: str, data: bytes, names: tuple[str, ...]) -> tuple[list[RawTable], list[ReadProblem]]:
    """A file of text: JSON, or a CSV read by Python (Arrow's reader, pandas' when Arrow refuses)."""
    try:
        text, note = decode_text(data)
    except IngestError as error:
        return [], [ReadProblem(name, Said(N_("{file}: {problem}"), file=name, problem=said_of(error)))]
    stripped = text.lstrip().lstrip("\ufeff").lstrip()  # a second BOM, left by re-saving, is not content
    if not stripped:
        return [], [
            ReadProblem(
                name,
                Said(N_("{file} is empty. Export it again from TikTok and upload the new file."), file=name),
            )
        ]
    if stripped[0] in "[{":
        return _read_json(name, stripped, names)
    try:
        frame, notes = read_csv_text(text, name)
    except IngestError as error:
        return [], [ReadProblem(name, Said(N_("{file}: {problem}"), file=name, problem=said_of(error)))]
    return [RawTable(name, frame, names, [note] * bool(note) + notes)], []


# A text file has few control characters; a picture or a binary file is full of them.
_CONTROL = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_BINARY_SHARE = 0.05


def decode_text(data: bytes) -> tuple[str, str]:
    """Text from UTF-8 (with or without BOM), UTF-16 LE/BE or, failing that, Windows-1252.

    A few stray zero bytes (a file cut and re-saved by a broken tool) are removed with a note;
    a file full of control bytes is not text at all.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), ""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(encoding, errors="replace"), ""
    head = data[:2000]
    if len(head) >= 4 and head.count(0) > len(head) // 4:
        # UTF-16 without a BOM: the zero bytes sit on one side of each pair.
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return data.decode(encoding, errors="replace"), ""
    note = ""
    if b"\x00" in data:
        if len(head.translate(None, _CONTROL)) < len(head) * (1 - _BINARY_SHARE):
            raise IngestError(
                Said(N_("it is not a text, spreadsheet, ZIP or JSON file. Is it a TikTok export?"))
            )
        zeros = data.count(0)
        data = data.replace(b"\x00", b"")
        note = Said.ngettext(
            "The file held {count} zero byte (a sign of damage); we removed it.",
            "The file held {count} zero bytes (a sign of damage); we removed them.",
            zeros,
            count=zeros,
        )
    try:
        return data.decode("utf-8"), note
    except UnicodeDecodeError:
        cp1252 = Said(
            N_(
                "The file is not UTF-8; we read it as Windows-1252. If accents look wrong, save it as UTF-8 CSV."
            )
        )
        return data.decode("cp1252", errors="replace"), Said(
            "{first} {second}", first=note, second=cp1252
        ) if note else cp1252


def sniff_separator(text: str) -> str:
    """`,`, `;` or tab: the one that splits the header into the most columns outside quotes."""
    first_line = next(iter(csv.reader(io.StringIO(text[:20000]))), [""])
    header = ",".join(first_line) if len(first_line) > 1 else text[:20000].split("\n", 1)[0]
    counts = {sep: _count_outside_quotes(header, sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, sep: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            count += 1
    return count


def _line_shape(text: str, separator: str) -> tuple[int, int]:
    """(most separators on one line, longest line) of a CSV, counted fast without parsing it.

    Separators inside quotes count too, so the first number is an upper bound of the cells
    of a row; `_check_width` gives the exact count when the bound is over the limit. Read in
    blocks, so a 500 MB file needs a few arrays of one block, not of the whole file.
    """
    data = text.encode("utf-8", errors="replace")
    most = longest = carry_separators = carry_length = 0
    for start in range(0, len(data), _CHUNK):
        block = np.frombuffer(data, dtype=np.uint8, count=min(_CHUNK, len(data) - start), offset=start)
        ends = np.flatnonzero(block == 10)
        separators = np.flatnonzero(block == ord(separator))
        if not len(ends):
            carry_separators, carry_length = carry_separators + len(separators), carry_length + len(block)
            continue
        per_line = np.diff(np.searchsorted(separators, ends), prepend=0)
        lengths = np.diff(ends, prepend=-1) - 1
        per_line[0] += carry_separators
        lengths[0] += carry_length
        most, longest = max(most, int(per_line.max())), max(longest, int(lengths.max()))
        carry_separators = len(separators) - int(np.searchsorted(separators, ends[-1]))
        carry_length = len(block) - int(ends[-1]) - 1
    return max(most, carry_separators), max(longest, carry_length)


def _check_width(name: str, text: str, separator: str) -> int:
    """The most cells in any record of a CSV, quotes respected; refused past the limit."""
    csv.field_size_limit(1 << 30)
    widest = 1
    try:
        for row in csv.reader(io.StringIO(text), delimiter=separator):
            widest = max(widest, len(row))
            if widest > limits.MAX_COLUMNS:
                raise TooBig(limits.too_many_columns(name, widest))
    except csv.Error as error:
        raise IngestError(
            Said(N_("we could not read it as a table ({problem}). Is it a CSV export?"), problem=str(error))
        ) from error
    return widest


def read_csv_text(text: str, name: str = "The file") -> tuple[pd.DataFrame, list[str]]:
    """A CSV as a DataFrame of text, the header row as columns, and notes about what we changed.

    Arrow's multi-threaded reader first (5x faster on a million-comment export, quoted
    newlines allowed); pandas' reader when Arrow refuses (rows shorter or longer than the
    header). Checked before reading: cells per row, and rows; cut: cells longer than Excel allows.
    """
    text = text.lstrip("\ufeff")
    separator = sniff_separator(text)
    most_separators, longest_line = _line_shape(text, separator)
    if most_separators + 1 > limits.MAX_COLUMNS:
        _check_width(name, text, separator)
    notes: list[str] = []
    try:
        frame = _read_csv_arrow(name, text, separator)
    except (pa.ArrowException, ValueError, StopIteration, csv.Error):
        frame, notes = _read_csv_pandas(text, separator, _check_width(name, text, separator))
    if len(frame) > limits.MAX_ROWS:
        raise TooBig(limits.too_many_rows(name, len(frame)))
    frame.columns = unique_headers([str(column).strip().strip('"').strip() for column in frame.columns])
    if longest_line > limits.MAX_CELL_CHARS:
        frame, cut = _cut_long_cells(frame)
        notes += [limits.cells_cut(cut)] * bool(cut)
    return frame, notes


def _read_csv_pandas(text: str, separator: str, width: int) -> tuple[pd.DataFrame, list[str]]:
    """Rows shorter than the header are padded; longer rows are left out unless the extra cells are empty.

    Every row is read into `width` columns first, so a first row longer than its header can
    never turn the first column into an index and shift the others.
    """
    try:
        grid = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            header=None,
            names=range(width),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
            index_col=False,
            engine="c",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        raise IngestError(
            Said(
                N_("we could not read it as a table ({problem}). Is it a CSV export?"),
                problem=_csv_error(error),
            )
        ) from error
    if grid.empty:
        raise IngestError(
            Said(N_("we could not read it as a table (it has no header row). Is it a CSV export?"))
        )
    header = list(grid.iloc[0])
    while len(header) > 1 and header[-1] == "":
        header.pop()
    header = [cell or f"column {i + 1}" for i, cell in enumerate(header)]
    extra = grid.iloc[1:, len(header) :]
    filled = extra.ne("").any(axis=1).to_numpy()
    frame = grid.iloc[1:, : len(header)][~filled].reset_index(drop=True)
    frame.columns = header
    if not filled.any():
        return frame, []
    first = int(np.argmax(filled))
    cells = int(extra.iloc[first].ne("").to_numpy().nonzero()[0].max()) + len(header) + 1
    count = int(filled.sum())
    return frame, [
        Said.ngettext(
            "{count} row has more cells than the header (the first, data row {row}, has {cells} for {columns} columns); "
            "it was left out, the other rows line up.",
            "{count} rows have more cells than the header (the first, data row {row}, has {cells} for {columns} "
            "columns); they were left out, the other rows line up.",
            count,
            count=count,
            row=first + 1,
            cells=cells,
            columns=len(header),
        )
    ]


def _cut_long_cells(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    cut = 0
    for column in frame.columns:
        lengths = frame[column].str.len()
        long = lengths > limits.MAX_CELL_CHARS
        if long.any():
            cut += int(long.sum())
            frame[column] = frame[column].where(~long, frame[column].str.slice(0, limits.MAX_CELL_CHARS))
    return frame, cut


def _read_csv_arrow(name: str, text: str, separator: str) -> pd.DataFrame:
    csv.field_size_limit(1 << 30)
    header = next(csv.reader(io.StringIO(text[:1_000_000]), delimiter=separator))
    if len(header) > limits.MAX_COLUMNS:
        raise TooBig(limits.too_many_columns(name, len(header)))
    if len(set(header)) != len(header) or not header:
        raise ValueError("repeated headers: let pandas name them")
    table = pa_csv.read_csv(
        io.BytesIO(text.encode("utf-8")),
        parse_options=pa_csv.ParseOptions(delimiter=separator, newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(
            column_types={name: pa.string() for name in header},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
        read_options=pa_csv.ReadOptions(block_size=1 << 24),
    )
    frame = table.to_pandas()
    return frame.dropna(how="all") if len(frame.columns) == 1 else frame


def unique_headers(headers: list[str]) -> list[str]:
    """`Likes`, `Likes` -> `Likes`, `Likes (2)`: a repeated header must not hide the other columns.

    pandas has already renamed a repeat in a CSV to `Likes.1`; that becomes `Likes (2)` too.
    """
    seen: dict[str, int] = {}
    result = []
    for header in headers:
        base = header
        unmangled = re.sub(r"\.\d+$", "", header)
        if header not in seen and unmangled != header and unmangled in seen:
            base = unmangled
        count = seen.get(base, 0) + 1
        seen[base] = count
        result.append(base if count == 1 else f"{base} ({count})")
    return result


def _csv_error(error: Exception) -> str:
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(error))
    if found:
        expected, line, saw = found.groups()
        return Said(
            N_("line {line} has {cells} cells where the header has {columns}"),
            line=int(line),
            cells=int(saw),
            columns=int(expected),
        )
    return Said(N_("its rows do not line up with its header"))


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:160] if str(error) else type(error).__name__


def _read_zip(
    name: str, archive: zipfile.ZipFile, names: tuple[str, ...], budget: Budget, depth: int
) -> tuple[list[RawTable], list[ReadProblem]]:
    """Each file inside a ZIP, after its table of contents passed the limits (sizes summed over every level)."""
    tables: list[RawTable] = []
    problems: list[ReadProblem] = []
    members = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and not info.filename.startswith("__MACOSX/")
        and not info.filename.rsplit("/", 1)[-1].startswith(".")
    ]
    if not members:
        return [], [ReadProblem(name, Said(N_("{file} is a ZIP file with no files inside."), file=name))]
    if depth >= limits.MAX_ZIP_DEPTH:
        raise TooBig(limits.zip_too_deep(name))
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise TooBig(limits.too_many_members(name, len(members)))
    bombs = [info for info in members if _is_bomb(info)]
    members = [info for info in members if info not in bombs]
    budget.spend(name, sum(info.file_size for info in members))
    for info in bombs:
        member_name = info.filename.rsplit("/", 1)[-1]
        problems.append(ReadProblem(f"{name} › {member_name}", limits.zip_bomb(name, member_name)))
    for info in members:
        member_name = info.filename.rsplit("/", 1)[-1]
        try:
            data = archive.read(info)
        except Exception:  # zlib.error, CRC errors, encryption: one damaged member must not lose the others
            problems.append(
                ReadProblem(
                    f"{name} › {member_name}",
                    Said(
                        N_("{member} inside {file} is damaged or encrypted."), member=member_name, file=name
                    ),
                )
            )
            continue
        found, failed = read_tables(f"{name} › {member_name}", data, names, budget, depth + 1)
        tables += found
        problems += failed
    return tables, problems


def _is_bomb(info: zipfile.ZipInfo) -> bool:
    return info.file_size > limits.RATIO_EXEMPT_BYTES and info.file_size > limits.MAX_ZIP_RATIO * max(
        info.compress_size, 1
    )


def _read_workbook(
    name: str, data: bytes, archive: zipfile.ZipFile, names: tuple[str, ...], budget: Budget
) -> tuple[list[RawTable], list[ReadProblem]]:
    try:
        _check_workbook(name, archive, budget)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        return [], [
            ReadProblem(
                name,
                Said(
                    N_("{file} is an Excel file we could not open ({problem}). Save it again and retry."),
                    file=name,
                    problem=_short(error),
                ),
            )
        ]
    try:
        sheets = _excel_sheets(data)
    except Exception as error:  # calamine raises its own error types for damaged workbooks
        return [], [
            ReadProblem(
                name,
                Said(
                    N_("{file} is an Excel file we could not open ({problem}). Save it again and retry."),
                    file=name,
                    problem=_short(error),
                ),
            )
        ]
    tables = []
    for sheet, grid in sheets.items():
        grid = grid.dropna(how="all").dropna(axis=1, how="all")
        if grid.empty:
            continue
        header = [
            str(value).strip() if pd.notna(value) else f"column {i + 1}"
            for i, value in enumerate(grid.iloc[0])
        ]
        frame = grid.iloc[1:].fillna("").astype(str)
        frame.columns = unique_headers(header)
        frame = frame.reset_index(drop=True)
        label = f"{name} › {sheet}" if len(sheets) > 1 else name
        tables.append(RawTable(label, frame, (*names, str(sheet)), reader="excel"))
    if not tables:
        return [], [
            ReadProblem(name, Said(N_("{file} is an Excel file with no data in any sheet."), file=name))
        ]
    return tables, []


def _excel_sheets(data: bytes) -> dict[str, pd.DataFrame]:
    """Every sheet as a grid of text (None where empty), numbers written as Excel shows them (1591, not 1591.0).

    python-calamine directly: pandas' wrapper converts each cell in Python, 25 s for a sheet of 3 million.
    """
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets = {}
    for sheet in book.sheet_names:
        rows = book.get_sheet_by_name(sheet).to_python()
        width = max(map(len, rows), default=0)
        grid = np.empty((len(rows), width), dtype=object)
        for index, row in enumerate(rows):
            grid[index, : len(row)] = row
        # Text cells stay as they are; only the few others (numbers, dates) are converted one by one.
        # numpy's stubs take no Python type as an operand, though an object array compares with one cell by cell.
        other = np.not_equal(_cell_type(grid), str)  # type: ignore[call-overload]
        grid[other] = [_excel_text(value) for value in grid[other]]
        grid[grid == ""] = None
        sheets[sheet] = pd.DataFrame(grid)
    return sheets


_cell_type = np.frompyfunc(type, 1, 1)


def _excel_text(value: object) -> str | None:
    if isinstance(value, str):
        return value or None
    if isinstance(value, bool) or value is None:
        return None if value is None else str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, datetime.date):  # datetime too
        return str(pd.Timestamp(value))
    if isinstance(value, datetime.timedelta):
        return str(pd.Timedelta(value))
    return str(value)


# Workbook checks: the parts of an .xlsx are XML files in a ZIP, scanned in chunks, never parsed whole.
_CHUNK = 1 << 22
_DIMENSION = re.compile(rb'<dimension\s+ref="\$?([A-Z]{1,4})\$?(\d{1,9})(?::\$?([A-Z]{1,4})\$?(\d{1,9}))?"')
_CELL_REF = re.compile(rb'<c\s[^>]*?\br="([A-Z]{1,4})(\d{1,9})"')
_ROW_REF = re.compile(rb'<row\s[^>]*?\br="(\d{1,9})"')
_SHARED_REF = re.compile(rb'<c\s[^>]*?\bt="s"[^>]*>\s*<v>\s*(\d{1,12})\s*</v>')
_CELL_START = re.compile(rb"<c[\s>/]")
_STRING_START = re.compile(rb"<si[\s>/]")
_ROW_START = re.compile(rb"<row[\s>/]")
# XML bytes per character of text, at most: UTF-8 and entities such as `&amp;` take more than one.
_XML_BYTES_PER_CHAR = 6


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The member's bytes in pieces that end after a complete tag, and the offset of each piece."""
    carry, offset = b"", 0
    with archive.open(info) as stream:
        while piece := stream.read(_CHUNK):
            piece = carry + piece
            cut = piece.rfind(b">") + 1
            if len(piece) - cut > 8 * _CHUNK:  # no tag ends in 32 MB: one endless text
                cut = len(piece)
            yield offset, piece[:cut]
            offset += cut
            carry = piece[cut:]
    if carry:
        yield offset, carry


def _longest_text(piece: bytes, offset: int, last_tag: int) -> tuple[int, int]:
    """Longest run of bytes between two `<` in this piece (text of one cell), and where the last `<` is."""
    marks = np.flatnonzero(np.frombuffer(piece, dtype=np.uint8) == 60) + offset
    if not len(marks):
        return offset + len(piece) - last_tag, last_tag
    runs = np.diff(np.concatenate(([last_tag], marks)))
    return max(int(runs.max()), offset + len(piece) - int(marks[-1])), int(marks[-1])


def _check_workbook(name: str, archive: zipfile.ZipFile, budget: Budget) -> None:
    """Refuse a workbook whose sheets, cells or shared strings are beyond the limits, before Excel is read.

    The XLSX reader lays a sheet out as one block from A1 to its farthest cell and copies a
    shared string into every cell that uses it, so both are measured: the sheet's size from
    its `<dimension>` and every cell address, and the text the cells will hold in total.
    """
    parts = [info for info in archive.infolist() if not info.is_dir()]
    if len(parts) > 10 * limits.MAX_ZIP_MEMBERS:
        raise TooBig(limits.too_many_members(name, len(parts)))
    for info in parts:
        if _is_bomb(info):
            raise TooBig(limits.workbook_bomb(name))
    budget.spend(name, sum(info.file_size for info in parts))
    longest_cell = limits.MAX_CELL_CHARS * _XML_BYTES_PER_CHAR + 1024
    lengths = np.zeros(0, dtype=np.int64)
    for info in parts:
        if info.filename.lower().endswith("sharedstrings.xml"):
            starts, last_tag, longest = [], 0, 0
            for offset, piece in _chunks(archive, info):
                starts += [offset + match.start() for match in _STRING_START.finditer(piece)]
                run, last_tag = _longest_text(piece, offset, last_tag)
                longest = max(longest, run)
                if longest > longest_cell:
                    raise TooBig(limits.cell_too_long(name))
            ends = np.array([*starts[1:], info.file_size], dtype=np.int64)
            lengths = ends - np.array(starts, dtype=np.int64)
            if len(lengths) and int(lengths.max()) > longest_cell:
                raise TooBig(limits.cell_too_long(name))
    expanded = 0
    for info in parts:
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        rows = columns = cells = addressed = widest = in_row = row_count = 0
        last_tag = longest = 0
        for offset, piece in _chunks(archive, info):
            if offset == 0 and (dimension := _DIMENSION.search(piece[:4096])):
                first_col, first_row, last_col, last_row = dimension.groups()
                rows = max(rows, int(last_row or first_row))
                columns = max(columns, _column_number(last_col or first_col))
            starts = [match.start() for match in _CELL_START.finditer(piece)]
            cells += len(starts)
            if starts:
                # Cells per row, for cells without an address: they sit one after another in their row.
                row_starts = [match.start() for match in _ROW_START.finditer(piece)]
                row_count += len(row_starts)
                per_row = np.bincount(np.searchsorted(row_starts, starts), minlength=len(row_starts) + 1)
                widest = max(widest, in_row + int(per_row[0]), int(per_row[1:].max(initial=0)))
                in_row = int(per_row[-1]) if row_starts else in_row + int(per_row[0])
            refs = _CELL_REF.findall(piece)
            addressed += len(refs)
            if refs:
                rows = max(rows, max(int(row) for _, row in refs))
                columns = max(columns, max(_column_number(col) for col in {col for col, _ in refs}))
            rows = max(rows, max((int(row) for row in _ROW_REF.findall(piece)), default=0))
            used = np.array([int(index) for index in _SHARED_REF.findall(piece)], dtype=np.int64)
            used = used[used < len(lengths)]
            expanded += int(lengths[used].sum()) if len(used) else 0
            run, last_tag = _longest_text(piece, offset, last_tag)
            longest = max(longest, run)
            if longest > longest_cell:
                raise TooBig(limits.cell_too_long(name))
            if expanded > budget.remaining:
                raise TooBig(
                    limits.expands_too_much(name, limits.MAX_EXPANDED_BYTES - budget.remaining + expanded)
                )
        if cells > addressed:
            columns, rows = max(columns, widest), max(rows, row_count)
        if rows > limits.MAX_ROWS + 1 or columns > limits.MAX_COLUMNS:
            raise TooBig(limits.sheet_too_wide(name, rows, columns))
        if rows * columns > limits.MAX_SHEET_CELLS or cells > limits.MAX_SHEET_CELLS:
            raise TooBig(limits.sheet_too_big(name, max(rows * columns, cells)))
    budget.spend(name, expanded)


def _read_json(name: str, text: str, names: tuple[str, ...]) -> tuple[list[RawTable], list[ReadProblem]]:
    if _json_depth(text) > limits.MAX_JSON_DEPTH:
        raise TooBig(limits.json_too_deep(name))

    def checked(pairs: list[tuple[str, object]]) -> dict:
        if len(pairs) > limits.MAX_JSON_KEYS:
            raise TooBig(limits.json_too_wide(name, len(pairs)))
        return dict(pairs)

    try:
        document = json.loads(text, object_pairs_hook=checked)
    except ValueError:
        try:
            document = [
                json.loads(line, object_pairs_hook=checked) for line in text.splitlines() if line.strip()
            ]
        except json.JSONDecodeError as error:
            message = Said(
                N_("{file} is not valid JSON (line {line}). Download the export again."),
                file=name,
                line=error.lineno,
            )
            return [], [ReadProblem(name, message)]
        except ValueError:  # a number of thousands of digits
            return [], [
                ReadProblem(name, Said(N_("{file} is not valid JSON. Download the export again."), file=name))
            ]
    records = json_records(document)
    if records is None:
        return [], [
            ReadProblem(
                name,
                Said(
                    N_("{file} is JSON but holds no list of records (comments or rows) we recognise."),
                    file=name,
                ),
            )
        ]
    if len(records) > limits.MAX_ROWS:
        raise TooBig(limits.too_many_rows(name, len(records)))
    # Leaves become text before flattening: a 19-digit id next to a null must not turn into a float.
    records = [_record_to_text(record) for record in records]
    columns: set[str] = set()
    for record in records:
        columns |= _flat_keys(record)
        if len(columns) > limits.MAX_COLUMNS:
            raise TooBig(limits.json_too_wide(name, len(columns)))
    frame = pd.json_normalize(records, sep=".") if records else pd.DataFrame()
    frame = frame.fillna("").map(_cell_text) if not frame.empty else frame
    return [RawTable(name, frame, names, reader="json")], []


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def _json_depth(text: str) -> int:
    """How deep lists and objects nest, from the brackets outside strings: no parsing, no recursion."""
    structure = _JSON_STRING.sub("", text)
    depth = deepest = 0
    for start in range(0, len(structure), _CHUNK):
        codes = np.frombuffer(
            structure[start : start + _CHUNK].encode("utf-8", errors="replace"), dtype=np.uint8
        )
        steps = np.isin(codes, (91, 123)).astype(np.int32) - np.isin(codes, (93, 125))
        if len(steps):
            levels = depth + np.cumsum(steps)
            deepest = max(deepest, int(levels.max()))
            depth = int(levels[-1])
    return deepest


def _flat_keys(record: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in record.items():
        if isinstance(value, dict) and value:
            keys |= _flat_keys(value, f"{prefix}{key}.")
        else:
            keys.add(f"{prefix}{key}")
    return keys


def _leaves_to_text(value: object) -> object:
    if isinstance(value, dict):
        return _record_to_text(value)
    return _cell_text(value)


def _record_to_text(record: dict) -> dict[str, object]:
    return {str(key): _leaves_to_text(item) for key, item in record.items()}


def json_records(document: object) -> list[dict] | None:
    """The list of row objects in a JSON export; nested replies are flattened with their parent kept.

    Shapes: a list of items (Apify); `{"caption", "video_url", "comments": [{..., "replies": [...]}]}`
    (an open-source scraper); `{"data": {"comments": [...]}}` (API responses).
    """
    if isinstance(document, list):
        if all(isinstance(item, dict) for item in document):
            if any("comments" in item and isinstance(item["comments"], list) for item in document):
                return [row for item in document for row in json_records(item) or []]
            return document
        return None
    if isinstance(document, dict):
        for key in ("comments", "data", "items", "list", "results", "videos"):
            value = document.get(key)
            if isinstance(value, list) and all(isinstance(item, dict) for item in value):
                context = {k: v for k, v in document.items() if not isinstance(v, list | dict)}
                return [{**context, **row} for row in _flatten_replies(value)]
            if isinstance(value, dict):
                found = json_records(value)
                if found is not None:
                    return found
    return None


def _flatten_replies(rows: list[dict], parent_id: object = None) -> list[dict]:
    flat = []
    for row in rows:
        replies = row.get("replies")
        item = {key: value for key, value in row.items() if key != "replies"}
        if parent_id is not None or "replies" in row:
            # A nested layout shows replies even when none was written: top-level rows get an empty parent.
            item.setdefault("parent_comment_id", parent_id)
        flat.append(item)
        if isinstance(replies, list) and replies:
            own_id = row.get("comment_id") or row.get("cid") or row.get("id")
            flat += _flatten_replies([reply for reply in replies if isinstance(reply, dict)], own_id)
    return flat


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
