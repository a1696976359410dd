"""Read any supported upload into canonical tables, with plain-words problems for the rest.

    result = ingest_file("Overview.zip", data, context=Context(today=date.today()))
    result.tables    # recognised tables, canonical columns, each with its warnings
    result.pending   # tables we did not recognise: the column-mapping step
    result.problems  # sentences for whatever could not be read at all

One bad part never loses the good ones: a damaged member of a ZIP is a problem, the
other members still load.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd
import pyarrow as pa

from analytics.i18n import N_
from analytics.i18n.said import Said, said_of
from analytics.ingest import staging
from analytics.ingest.canonical import Canonical, Context, YearSource, canonicalize
from analytics.ingest.detect import MAPPABLE, MAPPING_REQUIRED, detect, field_label, header_signature
from analytics.ingest.limits import TooBig
from analytics.ingest.readers import CsvSource, IngestError, RawTable, ReadProblem, read_rows, read_tables
from analytics.ingest.rows import KeptRows
from analytics.progress import Progress, recognising, silent
from analytics.schema import DATE_COLUMNS, KINDS

# Kinds recognised from a few generic headers (a link, a name, a date): confirmed by their rows.
LOOSE_KINDS = {"video_details", "comments", "lives"}

__all__ = [
    "Context",
    "YearSource",
    "FileResult",
    "IngestError",
    "LoadedTable",
    "PendingTable",
    "ReadProblem",
    "ingest_file",
    "apply_mapping",
    "MAPPABLE",
]


@dataclass(eq=False)
class LoadedTable:
    """One recognised table: where it came from, its kind, and its canonical rows.

    The rows (`data`) of comments stay in a DuckDB table (`KeptRows`: a million of them never leave
    DuckDB), those of the small Studio tables are a pandas frame; `frame` is always pandas (built
    once, on first use, for pages and tests), `duckdb_rows` what an import hands to DuckDB.
    """

    file: str
    source: str
    kind: str
    data: pd.DataFrame | KeptRows
    warnings: list[str]
    download_date: date | None
    mapping: dict[str, str]
    mapped_by_hand: bool = False
    year_source: YearSource | None = None  # where the year of its dates came from
    account: str | None = None  # the TikTok handle it belongs to, when its name or links say
    # A table kept in a client's store has no frame in memory: its rows and dates were counted once.
    known_rows: int | None = None
    known_range: tuple[date | None, date | None] | None = None
    # What read the file's rows: "duckdb" (a clean CSV, read whole by DuckDB), "csv" (Python's reader), "excel", "json".
    reader: str = ""
    _frame: pd.DataFrame | None = field(default=None, init=False, repr=False)

    @property
    def table(self) -> str:
        return KINDS[self.kind].table

    @property
    def frame(self) -> pd.DataFrame:
        if isinstance(self.data, pd.DataFrame):
            return self.data
        if self._frame is None:
            self._frame = arrow_to_pandas(self.data.arrow())
        return self._frame

    @property
    def duckdb_rows(self) -> pd.DataFrame | KeptRows:
        """The rows to hand to DuckDB: kept rows where they are (no conversion, no copy)."""
        return self.data

    @property
    def rows(self) -> int:
        if self.known_rows is not None:
            return self.known_rows
        return self.data.num_rows if isinstance(self.data, KeptRows) else len(self.data)

    def date_range(self) -> tuple[date | None, date | None]:
        if self.known_range is not None:
            return self.known_range
        column = DATE_COLUMNS[self.table]
        if isinstance(self.data, KeptRows):
            if column is None or column not in self.data.column_names:
                return None, None
            low, high = self.data.one(
                f'select min("{column}")::date, max("{column}")::date from {{rows}} '
                f"where \"{column}\" >= timestamp '2000-01-01' and \"{column}\" < timestamp '2100-01-01'"
            )
            return low, high
        if column is None or self.frame.empty or column not in self.frame:
            return None, None
        values = pd.to_datetime(self.frame[column], errors="coerce").dropna()
        values = values[(values >= "2000-01-01") & (values < "2100-01-01")]
        if values.empty:
            return None, None
        return values.min().date(), values.max().date()


def arrow_to_pandas(rows: pa.Table) -> pd.DataFrame:
    """An Arrow table as pandas with the types the pages know: nullable text and whole numbers."""
    types = {pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype()}
    return rows.to_pandas(types_mapper=types.get)


@dataclass(eq=False)
class PendingTable:
    """A table we did not recognise; the marketer maps its columns once and we remember."""

    file: str
    source: str
    raw: RawTable
    signature: str

    @property
    def header(self) -> list[str]:
        return self.raw.header


@dataclass
class FileResult:
    name: str
    tables: list[LoadedTable] = field(default_factory=list)
    pending: list[PendingTable] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)


def ingest_file(
    name: str,
    data: bytes,
    *,
    context: Context | None = None,
    remembered: dict[str, tuple[str, dict[str, str]]] | None = None,
    progress: Progress = silent,
) -> FileResult:
    """Everything one uploaded file holds. Never raises for bad input: problems are sentences.

    `progress` hears when the bytes are read and the columns are being recognised (see analytics.progress).
    """
    context = context or Context()
    result = FileResult(name)
    try:
        raws, result.problems = read_tables(name, data, lazy=True)
    except Exception as error:  # the last line of defence: a marketer sees a sentence, not a traceback
        result.problems.append(
            ReadProblem(
                name,
                Said(
                    N_("{file} could not be read ({problem}). Is it a TikTok export?"),
                    file=name,
                    problem=type(error).__name__,
                ),
            )
        )
        return result
    recognising(progress, name)
    raws = _rows_for_python(raws, result)
    context = _with_source_url(context, raws)
    for raw in raws:
        signature = header_signature(raw.header)
        detection = detect(raw.header)
        by_hand = False
        if detection is None and remembered and signature in remembered:
            kind, mapping = remembered[signature]
            by_hand = True
        elif detection is None:
            result.pending.append(PendingTable(name, raw.source, raw, signature))
            continue
        else:
            kind, mapping = detection.kind, detection.mapping
        if raw.csv is not None:
            loaded, problem, read = _load_csv(name, raw, raw.csv, mapping, context, result)
            if read is None:
                continue
            raw = read
        else:
            loaded, problem = _load(name, raw, kind, mapping, context, by_hand)
        if loaded is not None and loaded.kind in LOOSE_KINDS and not loaded.rows and raw.rows and not by_hand:
            # Headers matched loosely but no row held a TikTok video or comment: not that kind after all.
            found, failed = read_rows(raw)
            result.problems += failed
            result.pending += [PendingTable(name, table.source, table, signature) for table in found]
            continue
        if loaded:
            result.tables.append(loaded)
        if problem:
            result.problems.append(problem)
    _drop_side_sheets(result)
    return result


def _rows_for_python(raws: list[RawTable], result: FileResult) -> list[RawTable]:
    """Only comments are worth DuckDB's reading (a million rows, not a Studio file's dozens): every
    other CSV is read by Python, as it always was."""
    ready = []
    for raw in raws:
        detection = detect(raw.header) if raw.csv is not None else None
        if raw.csv is None or (detection is not None and detection.kind == "comments"):
            ready.append(raw)
        else:
            found, failed = read_rows(raw)
            ready += found
            result.problems += failed
    return ready


def _load_csv(
    name: str, raw: RawTable, csv: CsvSource, mapping: dict[str, str], context: Context, result: FileResult
) -> tuple[LoadedTable | None, ReadProblem | None, RawTable | None]:
    """A comments CSV read whole by DuckDB; when DuckDB refuses it, read by Python (the same rows and
    sentences as ever). The RawTable its rows came from is returned, None when it could not be read."""
    header = list(csv.header)
    file_context = replace(context, names=raw.names)
    try:
        canonical, raw.known_rows = staging.comments_from_csv(
            raw.source,
            csv,
            {field: header.index(column) for field, column in mapping.items()},
            file_context,
        )
    except staging.CsvRefused:
        found, failed = read_rows(raw)
        result.problems += failed
        if not found:
            return None, None, None
        [raw] = found
        loaded, problem = _load(name, raw, "comments", mapping, context, False)
        return loaded, problem, raw
    except TooBig as error:
        return None, ReadProblem(raw.source, said_of(error)), raw
    except (ValueError, KeyError, TypeError, OverflowError) as error:
        return None, _not_that_kind(raw, "comments", error), raw
    return _loaded(name, raw, "comments", mapping, False, canonical), None, raw


def apply_mapping(
    pending: PendingTable, kind: str, mapping: dict[str, str], context: Context
) -> tuple[LoadedTable | None, ReadProblem | None]:
    """Load a pending table with the columns the marketer picked."""
    missing = [name for name in MAPPING_REQUIRED[kind] if name not in mapping]
    if missing:
        return None, ReadProblem(
            pending.source,
            Said(
                N_("To read {file} as {kind}, pick a column for: {fields}."),
                file=pending.source,
                kind=Said(KINDS[kind].label),
                fields=Said(
                    ", ".join("{" + name + "}" for name in missing),
                    **{name: Said(field_label(name)) for name in missing},
                ),
            ),
        )
    return _load(pending.file, pending.raw, kind, mapping, context, True)


def _load(name: str, raw: RawTable, kind: str, mapping: dict[str, str], context: Context, by_hand: bool):
    file_context = replace(context, names=raw.names)
    try:
        canonical: Canonical = canonicalize(kind, raw.frame, mapping, file_context)
    except (ValueError, KeyError, TypeError, OverflowError) as error:
        return None, _not_that_kind(raw, kind, error)
    return _loaded(name, raw, kind, mapping, by_hand, canonical), None


def _not_that_kind(raw: RawTable, kind: str, error: Exception) -> ReadProblem:
    message = Said(
        N_("{file} looks like {kind}, but {problem}. Check the file or map its columns by hand."),
        file=raw.source,
        kind=Said(KINDS[kind].label),
        problem=said_of(error),
    )
    return ReadProblem(raw.source, message)


def _loaded(
    name: str, raw: RawTable, kind: str, mapping: dict[str, str], by_hand: bool, canonical: Canonical
) -> LoadedTable:
    return LoadedTable(
        name,
        raw.source,
        kind,
        canonical.frame,
        raw.notes + canonical.warnings,
        canonical.download_date,
        mapping,
        by_hand,
        canonical.year_source,
        canonical.account,
        reader=raw.reader,
    )


def _with_source_url(context: Context, raws: list[RawTable]) -> Context:
    """The one TikTok video link on a side sheet no table kind fits (an exporter's `Metadata`), if any."""

    from analytics.ingest.canonical import VIDEO_URL

    links = {
        str(value).strip()
        for raw in raws
        if len(raws) > 1 and raw.frame is not None and detect(raw.header) is None
        for value in [*raw.header, *raw.frame.to_numpy().ravel().tolist()]
        if VIDEO_URL.search(str(value)) and str(value).strip().startswith("http")
    }
    return replace(context, source_url=links.pop()) if len(links) == 1 else context


def _drop_side_sheets(result: FileResult) -> None:
    """A workbook's extra sheets (an exporter's `Metadata`) are not tables to map when another sheet loaded."""
    loaded_files = {table.source.split(" › ")[0] for table in result.tables}
    result.pending = [
        pending
        for pending in result.pending
        if not (
            pending.source.split(" › ")[0] in loaded_files
            and pending.source.split(" › ")[0].lower().endswith((".xlsx", ".xlsm"))
        )
    ]
