"""Bytes in, tables of text out: ZIP, XLSX, JSON and CSV, whatever the file is called.

The container is recognised from the bytes (a ZIP starts with `PK`, JSON with `[` or
`{`), never from the name, because marketers rename and re-save files. Every cell stays
text here; types are decided later, per kind, in `canonical.py`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
from pyarrow import csv as pa_csv

MAX_ZIP_MEMBERS = 200
# A ZIP starts with a file entry, or with the end-of-archive record when it is empty.
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
MAX_UNCOMPRESSED_BYTES = 2_000_000_000


class IngestError(Exception):
    """A file we cannot read. The message is a plain sentence for a marketer."""


@dataclass
class RawTable:
    """One table of text found in an upload (a CSV, one sheet, one ZIP member...)."""

    source: str
    frame: pd.DataFrame
    names: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    @property
    def header(self) -> list[str]:
        return [str(column) for column in self.frame.columns]


@dataclass
class ReadProblem:
    source: str
    message: str


def read_tables(
    name: str, data: bytes, names: tuple[str, ...] = ()
) -> tuple[list[RawTable], list[ReadProblem]]:
    """Every table in one uploaded file, and a plain sentence for each part we could not read."""
    names = (*names, name)
    if data[:4] in ZIP_SIGNATURES:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            return [], [
                ReadProblem(
                    name, f"{name} looks like a ZIP file but it is damaged. Download it again from TikTok."
                )
            ]
        with archive:
            if "xl/workbook.xml" in archive.namelist():
                return _read_workbook(name, data, names)
            return _read_zip(name, archive, names)
    if data[:4] == b"\xd0\xcf\x11\xe0":
        return [], [
            ReadProblem(
                name, f"{name} is an old Excel .xls file. Save it as .xlsx or CSV and upload it again."
            )
        ]
    try:
        text, note = decode_text(data)
    except IngestError as error:
        return [], [ReadProblem(name, f"{name}: {error}")]
    stripped = text.lstrip()
    if not stripped:
        return [], [
            ReadProblem(name, f"{name} is empty. Export it again from TikTok and upload the new file.")
        ]
    if stripped[0] in "[{":
        return _read_json(name, stripped, names)
    try:
        frame = read_csv_text(text)
    except IngestError as error:
        return [], [ReadProblem(name, f"{name}: {error}")]
    return [RawTable(name, frame, names, [note] if note else [])], []


def decode_text(data: bytes) -> tuple[str, str]:
    """Text from UTF-8 (with or without BOM), UTF-16 LE/BE or, failing that, Windows-1252."""
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
    if b"\x00" in head:
        raise IngestError("it is not a text, spreadsheet, ZIP or JSON file. Is it a TikTok export?")
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        note = (
            "The file is not UTF-8; we read it as Windows-1252. If accents look wrong, save it as UTF-8 CSV."
        )
        return data.decode("cp1252", errors="replace"), note


def sniff_separator(text: str) -> str:
    """`,`, `;` or tab: the one that splits the header into the most columns outside quotes."""
    first_line = next(iter(csv.reader(io.StringIO(text[:20000]))), [""])
    header = ",".join(first_line) if len(first_line) > 1 else text.split("\n", 1)[0]
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


def read_csv_text(text: str) -> pd.DataFrame:
    """A CSV as a DataFrame of text; the header row becomes the columns.

    Arrow's multi-threaded reader first (5x faster on a million-comment export, quoted
    newlines allowed); pandas' reader when Arrow refuses, for its plainer error messages.
    """
    text = text.lstrip("\ufeff")
    separator = sniff_separator(text)
    try:
        frame = _read_csv_arrow(text, separator)
    except (pa.ArrowException, ValueError, StopIteration):
        try:
            frame = pd.read_csv(
                io.StringIO(text),
                sep=separator,
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=True,
                engine="c",
            )
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
            raise IngestError(
                f"we could not read it as a table ({_csv_error(error)}). Is it a CSV export?"
            ) from error
    frame.columns = unique_headers([str(column).strip().strip('"').strip() for column in frame.columns])
    return frame


def _read_csv_arrow(text: str, separator: str) -> pd.DataFrame:
    header = next(
        csv.reader(
            io.StringIO(text[: text.find("\n") + 1 if "\n" in text else len(text)]), delimiter=separator
        )
    )
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
        return f"line {line} has {saw} cells where the header has {expected}"
    return "its rows do not line up with its header"


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:160] if str(error) else type(error).__name__


def _read_zip(
    name: str, archive: zipfile.ZipFile, names: tuple[str, ...]
) -> tuple[list[RawTable], list[ReadProblem]]:
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
        return [], [ReadProblem(name, f"{name} is a ZIP file with no files inside.")]
    if len(members) > MAX_ZIP_MEMBERS or sum(info.file_size for info in members) > MAX_UNCOMPRESSED_BYTES:
        return [], [
            ReadProblem(
                name, f"{name} holds more than we can open at once. Unzip it and upload the CSV files."
            )
        ]
    for info in members:
        member_name = info.filename.rsplit("/", 1)[-1]
        try:
            data = archive.read(info)
        except Exception:  # zlib.error, CRC errors, encryption: one damaged member must not lose the others
            problems.append(
                ReadProblem(
                    f"{name} › {member_name}", f"{member_name} inside {name} is damaged or encrypted."
                )
            )
            continue
        found, failed = read_tables(f"{name} › {member_name}", data, names)
        tables += found
        problems += failed
    return tables, problems


def _read_workbook(
    name: str, data: bytes, names: tuple[str, ...]
) -> tuple[list[RawTable], list[ReadProblem]]:
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, engine="calamine", dtype=str, header=None)
    except Exception as error:  # calamine raises its own error types for damaged workbooks
        return [], [
            ReadProblem(
                name, f"{name} is an Excel file we could not open ({_short(error)}). Save it again and retry."
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
        tables.append(RawTable(label, frame, (*names, str(sheet))))
    if not tables:
        return [], [ReadProblem(name, f"{name} is an Excel file with no data in any sheet.")]
    return tables, []


def _read_json(name: str, text: str, names: tuple[str, ...]) -> tuple[list[RawTable], list[ReadProblem]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        try:
            document = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as error:
            message = f"{name} is not valid JSON (line {error.lineno}). Download the export again."
            return [], [ReadProblem(name, message)]
    records = json_records(document)
    if records is None:
        return [], [
            ReadProblem(name, f"{name} is JSON but holds no list of records (comments or rows) we recognise.")
        ]
    # Leaves become text before flattening: a 19-digit id next to a null must not turn into a float.
    records = [_leaves_to_text(record) for record in records]
    frame = pd.json_normalize(records, sep=".") if records else pd.DataFrame()
    frame = frame.fillna("").map(_cell_text) if not frame.empty else frame
    return [RawTable(name, frame, names)], []


def _leaves_to_text(value: object) -> object:
    if isinstance(value, dict):
        return {str(key): _leaves_to_text(item) for key, item in value.items()}
    return _cell_text(value)


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
