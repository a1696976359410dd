"""A comments CSV is read whole by DuckDB and cleaned by the one staging query; files DuckDB refuses are
read by Python, with the same rows and the same sentences as ever."""

import codecs
import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analytics.ingest import Context, ingest_file, limits, readers
from analytics.ingest.readers import read_tables
from analytics.ingest.rows import KeptRows
from analytics.workspace import Workspace

TODAY = date(2026, 11, 22)
REAL_EXPORTS = Path(__file__).resolve().parents[1].parent / "shared" / "real_exports"
REAL_COMMENTS = [
    "apify-tiktok-comments-scraper_json_farrelad/dataset_tiktok-comments-scraper_2025-05-25_06-21-26-775.json",
    "comments-json_romysaputra-scrapper/7418294751977327878.json",
    "comments-xlsx_haron416-exporter/tiktok_comments_20250802_134414.xlsx",
]
V = "https://www.tiktok.com/@brand/video/7507890376124992786"
APIFY = (
    "cid,createTimeISO,diggCount,repliesToId,text,uid,uniqueId,videoWebUrl\n"
    f"71,2025-05-25T00:14:25.000Z,3,,hi,111,Fan_1,{V}\n"
    f"72,2025-05-25T00:15:25.000Z,1.2K,71,thanks!,999,brand,{V}\n"
    f'73,25/05/2025 08:00,,,"two\nlines",112,fan_2,{V}\n'
)


def ingest(name: str, data: bytes):
    return ingest_file(name, data, context=Context(today=TODAY))


def by_python(monkeypatch, name: str, data: bytes):
    """The same file read the way every CSV was read before DuckDB read comments."""
    with monkeypatch.context() as patch:
        patch.setattr(readers, "clean_csv", lambda *args: None)
        return ingest(name, data)


def same_result(fast, slow) -> None:
    assert [p.message for p in fast.problems] == [p.message for p in slow.problems]
    assert [(t.kind, t.warnings, t.account) for t in fast.tables] == [
        (t.kind, t.warnings, t.account) for t in slow.tables
    ]
    for quick, python in zip(fast.tables, slow.tables, strict=True):
        pd.testing.assert_frame_equal(quick.frame, python.frame)


def test_a_comments_csv_is_read_by_duckdb_and_gives_the_rows_pythons_reader_gives(monkeypatch):
    data = APIFY.encode("utf-8")
    fast = ingest("comments.csv", data)
    [table] = fast.tables
    assert table.reader == "duckdb"
    assert table.frame[["comment_id", "likes", "commented_at", "text", "is_brand"]].to_dict("records") == [
        {"comment_id": "71", "likes": 3, "commented_at": pd.Timestamp("2025-05-25 00:14:25"), "text": "hi",
         "is_brand": False},
        {"comment_id": "72", "likes": 1200, "commented_at": pd.Timestamp("2025-05-25 00:15:25"),
         "text": "thanks!", "is_brand": True},
        {"comment_id": "73", "likes": None, "commented_at": pd.Timestamp("2025-05-25 08:00:00"),
         "text": "two\nlines", "is_brand": False},
    ]  # fmt: skip
    slow = by_python(monkeypatch, "comments.csv", data)
    assert slow.tables[0].reader == "csv"
    same_result(fast, slow)


@pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="../shared/real_exports is absent")
@pytest.mark.parametrize("relative", REAL_COMMENTS)
@pytest.mark.parametrize("dialect", ["comma", "semicolon with BOM", "tab with CRLF"])
def test_real_comment_layouts_saved_as_csv_load_the_same_through_duckdb_and_python(
    monkeypatch, relative, dialect
):
    path = REAL_EXPORTS / relative
    raw = read_tables(path.name, path.read_bytes())[0][0]  # the workbook's first sheet: its comments
    separator, bom, newline = {
        "comma": (",", b"", "\n"),
        "semicolon with BOM": (";", codecs.BOM_UTF8, "\n"),
        "tab with CRLF": ("\t", b"", "\r\n"),
    }[dialect]
    data = bom + raw.frame.to_csv(index=False, sep=separator, lineterminator=newline).encode("utf-8")
    fast = ingest(f"{path.stem}.csv", data)
    assert [table.reader for table in fast.tables] == ["duckdb"]
    assert fast.tables[0].rows == ingest(path.name, path.read_bytes()).tables[0].rows > 0
    same_result(fast, by_python(monkeypatch, f"{path.stem}.csv", data))


HOSTILE = {
    "a row longer than its header": (
        APIFY + f"74,2025-05-25T00:16:25.000Z,0,,extra,113,fan_3,{V},surprise\n",
        "1 row has more cells than the header (the first, data row 4, has 9 for 8 columns); "
        "it was left out, the other rows line up.",
    ),
    "a row shorter than its header": (APIFY + "74,2025-05-25T00:16:25.000Z,0\n", None),
    "Windows-1252 text": (APIFY.replace("hi", "café"), None),
    "a cell longer than Excel allows": (
        APIFY + f"74,2025-05-25T00:16:25.000Z,0,,{'x' * (limits.MAX_CELL_CHARS + 10)},113,fan_3,{V}\n",
        limits.cells_cut(1),
    ),
    "text after a closing quote": (APIFY + f'74,2025-05-25T00:16:25.000Z,0,,"say" hi,113,fan_3,{V}\n', None),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_csvs_duckdb_refuses_are_read_by_python_with_the_same_rows_and_sentences(monkeypatch, case):
    text, note = HOSTILE[case]
    data = text.encode("cp1252" if case == "Windows-1252 text" else "utf-8")
    fast = ingest("comments.csv", data)
    slow = by_python(monkeypatch, "comments.csv", data)
    same_result(fast, slow)
    [table] = fast.tables
    assert table.reader == "csv"
    if case == "Windows-1252 text":
        assert table.warnings[0].startswith("The file is not UTF-8; we read it as Windows-1252.")
        assert "café" in set(table.frame["text"])
    elif note:
        assert table.warnings[0] == note


def test_a_comments_csv_over_the_row_limit_is_refused_with_the_same_sentence(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 2)
    data = APIFY.encode("utf-8")
    fast, slow = ingest("comments.csv", data), by_python(monkeypatch, "comments.csv", data)
    expected = [limits.too_many_rows("comments.csv", 3)]
    assert [p.message for p in fast.problems] == [p.message for p in slow.problems] == expected
    assert fast.tables == slow.tables == []


def test_a_studio_csv_is_still_read_by_pandas():
    data = (
        codecs.BOM_UTF8
        + b'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n"March 1","1","2","3","4","5"'
    )
    [table] = ingest("Overview.csv", data).tables
    assert (table.kind, table.reader, isinstance(table.duckdb_rows, pd.DataFrame)) == (
        "overview",
        "csv",
        True,
    )


def test_an_import_keeps_comments_in_the_workspaces_database_without_building_a_pandas_copy():
    workspace = Workspace(today=TODAY, remember_mappings=False)
    workspace.add_files([("comments.csv", APIFY.encode("utf-8"))])
    [table] = workspace.tables
    assert isinstance(table.duckdb_rows, KeptRows)
    assert table.duckdb_rows.database is workspace.con  # the merge reads them in place
    assert workspace.con.execute(f"select count(*) from {table.duckdb_rows.name}").fetchone() == (3,)
    assert table._frame is None  # the pandas view is built only when a page or test asks for it
    assert workspace.con.execute("select comment_id, likes from comments order by comment_id").fetchall() == [
        ("71", 3),
        ("72", 1200),
        ("73", None),
    ]
    assert table.date_range() == (date(2025, 5, 25), date(2025, 5, 25))


def test_the_account_of_a_comment_file_is_the_handle_most_of_its_rows_link_to():
    rows = [f"{i},2025-05-25T00:14:25.000Z,0,,hi,{i},fan_{i},https://www.tiktok.com/@{owner}/video/75078903761249927{i:02d}"
            for i, owner in enumerate(["Zed", "zed", "amy", "amy", "bob"])]  # fmt: skip
    data = (
        "cid,createTimeISO,diggCount,repliesToId,text,uid,uniqueId,videoWebUrl\n" + "\n".join(rows)
    ).encode()
    [table] = ingest("comments.csv", data).tables
    assert table.account == "amy"  # amy and zed tie on 2 rows each: the first in order wins, as before


def test_the_pandas_view_of_comments_keeps_the_types_pages_know():
    """The pandas view keeps the types the pages know: text, nullable whole numbers, times."""
    [table] = ingest("comments.csv", APIFY.encode("utf-8")).tables
    frame = table.frame
    assert {
        column: str(frame[column].dtype) for column in ("comment_id", "likes", "commented_at", "is_brand")
    } == {
        "comment_id": "string",
        "likes": "Int64",
        "commented_at": "datetime64[us]",
        "is_brand": "bool",
    }
    assert io.StringIO(frame.to_csv(index=False)).getvalue().count("\n") == 5  # the quoted newline kept


def test_a_server_without_room_for_the_temporary_copy_reads_comments_the_python_way(monkeypatch):
    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tempfile.mkstemp", no_room)
    result = ingest("comments.csv", APIFY.encode("utf-8"))
    assert [p.message for p in result.problems] == []
    assert [(t.reader, t.rows) for t in result.tables] == [("csv", 3)]
