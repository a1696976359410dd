"""Bytes in, tables of text out: encodings, separators, quoting, ZIP, XLSX, JSON and unreadable files."""

import codecs
import io
import json
import random
import string
import struct
import zipfile
import zlib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analytics.ingest import Context, ingest_file, limits
from analytics.ingest.readers import read_tables
from tests.fuzz.mutations import workbook

REAL_EXPORTS = Path(__file__).resolve().parents[2] / "shared" / "real_exports"
OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
# Vietnamese month words, emoji outside the BMP (surrogate pairs in UTF-16) and no final newline.
MULTILINGUAL = '"Date","Video title","Total views"\n"18 tháng Tám","Chúc mừng năm mới 🎉😀","1"\n"1 tháng Chín","Ăn phở 🍜","2"'
MULTILINGUAL_RECORDS = [
    {"Date": "18 tháng Tám", "Video title": "Chúc mừng năm mới 🎉😀", "Total views": "1"},
    {"Date": "1 tháng Chín", "Video title": "Ăn phở 🍜", "Total views": "2"},
]


def tables_of(name: str, data: bytes) -> list[tuple[str, list[dict]]]:
    tables, problems = read_tables(name, data)
    assert problems == []
    return [(table.source, table.frame.to_dict("records")) for table in tables]


def problems_of(name: str, data: bytes) -> list[tuple[str, str]]:
    tables, problems = read_tables(name, data)
    assert tables == []
    return [(problem.source, problem.message) for problem in problems]


def is_plain_sentence_naming(message: str, name: str) -> bool:
    return (
        name in message
        and "\n" not in message
        and "Traceback" not in message
        and message.rstrip()[-1] in ".?!"
    )


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The same bytes every time (a fixed date in each member): parametrized test ids hold them, and
    every test process must collect the same ids."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for member, data in members.items():
            info = zipfile.ZipInfo(member, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = compression
            if member.endswith("/"):
                info.external_attr = 0o40775 << 16 | 0x10  # a folder, as writestr marks it
            archive.writestr(info, data)
    return buffer.getvalue()


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, frame in sheets.items():
            frame.to_excel(writer, sheet_name=sheet, index=False)
    return buffer.getvalue()


# Encodings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(codecs.BOM_UTF8 + MULTILINGUAL.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(MULTILINGUAL.encode("utf-8"), id="utf-8 without BOM"),
        pytest.param(codecs.BOM_UTF16_LE + MULTILINGUAL.encode("utf-16-le"), id="utf-16 LE with BOM"),
        pytest.param(codecs.BOM_UTF16_BE + MULTILINGUAL.encode("utf-16-be"), id="utf-16 BE with BOM"),
        pytest.param(MULTILINGUAL.encode("utf-16-le"), id="utf-16 LE without BOM"),
    ],
)
def test_vietnamese_text_and_emoji_survive_every_unicode_encoding(data):
    assert tables_of("Content.csv", data) == [("Content.csv", MULTILINGUAL_RECORDS)]


def test_a_windows_1252_file_is_read_with_a_note_about_accents():
    tables, problems = read_tables("export.csv", "Name,City\nJosé,Malmö\n".encode("cp1252"))
    assert problems == []
    assert [table.frame.to_dict("records") for table in tables] == [[{"Name": "José", "City": "Malmö"}]]
    assert tables[0].notes == [
        "The file is not UTF-8; we read it as Windows-1252. If accents look wrong, save it as UTF-8 CSV."
    ]


# Separators and quoting ------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b'Date,Views,Rate\n"May 1",1200,"38,5%"\n', id="comma"),
        pytest.param(b"Date;Views;Rate\nMay 1;1200;38,5%\n", id="semicolon (European Excel)"),
        pytest.param(b"Date\tViews\tRate\nMay 1\t1200\t38,5%\n", id="tab"),
        pytest.param(b'"Date";"Views";"Rate"\r\n"May 1";"1200";"38,5%"\r\n', id="semicolon, quoted, CRLF"),
    ],
)
def test_comma_semicolon_and_tab_separated_files_give_the_same_table(data):
    assert tables_of("sheet.csv", data) == [
        ("sheet.csv", [{"Date": "May 1", "Views": "1200", "Rate": "38,5%"}])
    ]


def test_quoted_captions_keep_their_newlines_commas_and_quotes():
    data = (
        '"Video title","Total views"\n'
        '"Line one,\nline two, with ""quotes"" and “curly” ones","10"\n'
        '"#fyp #coffee, again","20"'
    ).encode("utf-8-sig")
    assert tables_of("Content.csv", data) == [
        (
            "Content.csv",
            [
                {"Video title": 'Line one,\nline two, with "quotes" and “curly” ones', "Total views": "10"},
                {"Video title": "#fyp #coffee, again", "Total views": "20"},
            ],
        )
    ]


def test_a_header_only_file_without_final_newline_is_a_valid_table_with_no_rows():
    tables, problems = read_tables("FollowerGender.csv", codecs.BOM_UTF8 + b'"Gender","Distribution"')
    assert problems == []
    assert [(table.source, table.header, len(table.frame)) for table in tables] == [
        ("FollowerGender.csv", ["Gender", "Distribution"], 0)
    ]


def test_header_names_lose_surrounding_spaces_like_the_business_suite_website_clicks_column():
    tables, _ = read_tables("business.csv", b"Date,Website clicks ,Likes\n2026/05/10,3,4\n")
    assert tables[0].header == ["Date", "Website clicks", "Likes"]


# ZIP -------------------------------------------------------------------------------------


def test_every_csv_in_a_zip_is_read_and_mac_junk_is_skipped():
    data = zip_bytes(
        {
            "Followers_brand/FollowerGender.csv": codecs.BOM_UTF8
            + b'"Gender","Distribution"\n"Female","0.59"',
            "__MACOSX/Followers_brand/._FollowerGender.csv": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
            "Followers_brand/.DS_Store": b"\x00\x00\x00\x01Bud1\x00\x00",
            "Followers_brand/FollowerTopTerritories.csv": b'"Top territories","Distribution"\n"US","0.5"',
            "Followers_brand/": b"",
        }
    )
    assert tables_of("Followers_brand.zip", data) == [
        ("Followers_brand.zip › FollowerGender.csv", [{"Gender": "Female", "Distribution": "0.59"}]),
        (
            "Followers_brand.zip › FollowerTopTerritories.csv",
            [{"Top territories": "US", "Distribution": "0.5"}],
        ),
    ]


def test_a_zip_member_is_named_after_the_zip_so_its_dates_can_anchor_the_year():
    data = zip_bytes({"Overview.csv": b"Date,Video Views\nMay 1,3\n"})
    tables, _ = read_tables("Overview_2026-02-10_1773506459_brand.zip", data)
    assert [table.names for table in tables] == [
        (
            "Overview_2026-02-10_1773506459_brand.zip",
            "Overview_2026-02-10_1773506459_brand.zip › Overview.csv",
        )
    ]


def damage_member(data: bytes, member: str, *, where: str) -> bytes:
    """Flip bytes of one member: its CRC (a checksum error) or its compressed bytes (a zlib error)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    damaged = bytearray(data)
    if where == "crc":
        damaged[info.header_offset + 14] ^= 0xFF  # local header CRC-32
        central = data.find(member.encode(), data.find(b"PK\x01\x02")) - 46
        damaged[central + 16] ^= 0xFF  # central directory CRC-32
    else:
        start = info.header_offset + 30 + len(member.encode())
        for index in range(start + 2, start + 8):
            damaged[index] ^= 0xFF
    return bytes(damaged)


GOOD_AND_DAMAGED = {
    "Overview_x/Overview.csv": (OVERVIEW_HEADER + '\n"May 1","1","0","0","0","0"').encode("utf-8-sig"),
    "Overview_x/Damaged.csv": ("a,b\n" + "1,2\n" * 200).encode(),
    "Overview_x/Viewers.csv": '"Date","Total Viewers","New Viewers","Returning Viewers"\n"May 1","9","5","4"'.encode(
        "utf-8-sig"
    ),
}


@pytest.mark.parametrize(
    "where",
    [
        "crc",
        "deflate",
    ],
)
def test_a_damaged_zip_member_is_a_problem_and_the_other_members_still_load(where):
    data = damage_member(zip_bytes(GOOD_AND_DAMAGED), "Overview_x/Damaged.csv", where=where)
    result = ingest_file("Overview_brand.zip", data, context=Context(today=date(2026, 11, 22)))
    assert [(table.source, table.kind, table.rows) for table in result.tables] == [
        ("Overview_brand.zip › Overview.csv", "overview", 1),
        ("Overview_brand.zip › Viewers.csv", "viewers", 1),
    ]
    assert [(problem.source, problem.message) for problem in result.problems] == [
        ("Overview_brand.zip › Damaged.csv", "Damaged.csv inside Overview_brand.zip is damaged or encrypted.")
    ]


# XLSX ------------------------------------------------------------------------------------


def test_an_xlsx_where_every_cell_is_text_reads_as_text():
    frame = pd.DataFrame(
        {
            "Date": ["April 12", "April 13"],
            "Video Views": ["1591", "1154"],
            "Profile Views": ["7", "1"],
            "Likes": ["10", "5"],
            "Comments": ["1", "0"],
            "Shares": ["0", "0"],
        }
    )
    assert tables_of("Overview.xlsx", xlsx_bytes({"Overview": frame})) == [
        ("Overview.xlsx", frame.to_dict("records"))
    ]


def test_each_sheet_of_a_workbook_with_several_sheets_is_its_own_table():
    comments = pd.DataFrame({"Comment ID": ["7520280299164779271"], "Comment Text": ["hi"]})
    metadata = pd.DataFrame({"Source URL": ["Extraction Date"], "https://x": ["2025-08-02 13:44:14"]})
    assert tables_of("comments.xlsx", xlsx_bytes({"Comments": comments, "Metadata": metadata})) == [
        ("comments.xlsx › Comments", [{"Comment ID": "7520280299164779271", "Comment Text": "hi"}]),
        ("comments.xlsx › Metadata", [{"Source URL": "Extraction Date", "https://x": "2025-08-02 13:44:14"}]),
    ]


@pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="../shared/real_exports is absent")
def test_the_real_sheetjs_overview_xlsx_reads_as_text_cells():
    data = (REAL_EXPORTS / "tiktok-studio_xlsx_bosszy27" / "Overview.xlsx").read_bytes()
    [(source, records)] = tables_of("Overview.xlsx", data)
    assert source == "Overview.xlsx"
    assert records[0] == {
        "Date": "April 12",
        "Video Views": "1591",
        "Profile Views": "7",
        "Likes": "10",
        "Comments": "1",
        "Shares": "0",
    }
    assert [record["Date"] for record in records] == [f"April {day}" for day in range(12, 19)]


# JSON ------------------------------------------------------------------------------------


def test_a_json_list_of_items_is_one_row_per_item_with_nested_fields_dotted():
    items = [
        {
            "cid": "1",
            "text": "hi",
            "diggCount": 3,
            "likedByAuthor": False,
            "repliesToId": None,
            "user": {"uid": "9"},
        },
        {
            "cid": "2",
            "text": "yo",
            "diggCount": 0,
            "likedByAuthor": True,
            "repliesToId": "1",
            "user": {"uid": "8"},
        },
    ]
    assert tables_of("dataset.json", json.dumps(items).encode()) == [
        (
            "dataset.json",
            [
                {
                    "cid": "1",
                    "text": "hi",
                    "diggCount": "3",
                    "likedByAuthor": "False",
                    "repliesToId": "",
                    "user.uid": "9",
                },
                {
                    "cid": "2",
                    "text": "yo",
                    "diggCount": "0",
                    "likedByAuthor": "True",
                    "repliesToId": "1",
                    "user.uid": "8",
                },
            ],
        )
    ]


def test_nested_scraper_json_flattens_replies_and_keeps_their_parent():
    document = {
        "caption": "nemu video lama",
        "video_url": "https://www.tiktok.com/@romy/video/7418294751977327878",
        "comments": [
            {
                "comment_id": "100",
                "username": "fan",
                "comment": "lucu!",
                "create_time": "2024-09-25T02:56:56",
                "replies": [
                    {
                        "comment_id": "101",
                        "username": "romy",
                        "comment": "makasih",
                        "create_time": "2024-09-25T03:00:00",
                    }
                ],
            },
            {
                "comment_id": "102",
                "username": "other",
                "comment": "p",
                "create_time": "2024-09-26T10:00:00",
                "replies": [],
            },
        ],
        "has_more": 0,
    }
    shared = {
        "caption": "nemu video lama",
        "video_url": "https://www.tiktok.com/@romy/video/7418294751977327878",
    }
    assert tables_of("7418294751977327878.json", json.dumps(document).encode()) == [
        (
            "7418294751977327878.json",
            [
                {**shared, "has_more": "0", "comment_id": "100", "username": "fan", "comment": "lucu!",
                 "create_time": "2024-09-25T02:56:56", "parent_comment_id": ""},
                {**shared, "has_more": "0", "comment_id": "101", "username": "romy", "comment": "makasih",
                 "create_time": "2024-09-25T03:00:00", "parent_comment_id": "100"},
                {**shared, "has_more": "0", "comment_id": "102", "username": "other", "comment": "p",
                 "create_time": "2024-09-26T10:00:00", "parent_comment_id": ""},
            ],
        )
    ]  # fmt: skip


def test_json_lines_are_one_row_per_line():
    data = b'{"text": "a", "uniqueId": "x"}\n\n{"text": "b", "uniqueId": "y"}\n'
    assert tables_of("comments.jsonl", data) == [
        ("comments.jsonl", [{"text": "a", "uniqueId": "x"}, {"text": "b", "uniqueId": "y"}])
    ]


def test_an_api_response_with_data_comments_is_read_from_inside_with_its_scalar_fields():
    document = {"data": {"comments": [{"comment_id": "1", "text": "hi"}], "cursor": 20}}
    assert tables_of("response.json", json.dumps(document).encode()) == [
        ("response.json", [{"cursor": "20", "comment_id": "1", "text": "hi"}])
    ]


def test_numeric_json_ids_and_times_stay_exact_when_some_rows_lack_them():
    items = [
        {"cid": 7508169969612620562, "createTime": 1748132065, "repliesToId": None},
        {"cid": 7508169969612620563, "createTime": None, "repliesToId": 7508169969612620562},
    ]
    assert tables_of("dataset.json", json.dumps(items).encode()) == [
        (
            "dataset.json",
            [
                {"cid": "7508169969612620562", "createTime": "1748132065", "repliesToId": ""},
                {"cid": "7508169969612620563", "createTime": "", "repliesToId": "7508169969612620562"},
            ],
        )
    ]


# Files we cannot read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("Overview.csv", b"", "Overview.csv is empty. Export it again from TikTok and upload the new file."),
        (
            "Overview.csv",
            b"  \r\n\n",
            "Overview.csv is empty. Export it again from TikTok and upload the new file.",
        ),
        (
            "Overview.csv",
            codecs.BOM_UTF8,
            "Overview.csv is empty. Export it again from TikTok and upload the new file.",
        ),
        (
            "Overview.zip",
            b"PK\x03\x04" + b"\x00" * 40,
            "Overview.zip looks like a ZIP file but it is damaged. Download it again from TikTok.",
        ),
        (
            "Overview.zip",
            zip_bytes({"__MACOSX/._Overview.csv": b"\x00\x05\x16\x07", "folder/": b""}),
            "Overview.zip is a ZIP file with no files inside.",
        ),
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            "old.xls is an old Excel .xls file. Save it as .xlsx or CSV and upload it again.",
        ),
        (
            "comments.json",
            b'{"comments": [',
            "comments.json is not valid JSON (line 1). Download the export again.",
        ),
        (
            "numbers.json",
            b"[1, 2, 3]",
            "numbers.json is JSON but holds no list of records (comments or rows) we recognise.",
        ),
    ],
)
def test_an_unreadable_file_is_one_plain_sentence_that_names_it(name, data, expected):
    assert problems_of(name, data) == [(name, expected)]
    assert is_plain_sentence_naming(expected, name)


def test_an_empty_zip_is_a_problem_not_a_table_of_garbled_text():
    assert problems_of("Overview.zip", zip_bytes({})) == [
        ("Overview.zip", "Overview.zip is a ZIP file with no files inside.")
    ]


BINARY_GARBAGE = bytes(range(256)) * 4


def test_binary_garbage_is_a_problem_that_names_the_file():
    [(source, message)] = problems_of("photo.png", BINARY_GARBAGE)
    assert source == "photo.png"
    assert message.startswith("photo.png")


def test_binary_garbage_is_a_plain_sentence_ending_with_a_full_stop():
    [(_, message)] = problems_of("photo.png", BINARY_GARBAGE)
    assert is_plain_sentence_naming(message, "photo.png")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param((OVERVIEW_HEADER + ',"Likes "\n"May 1","1","0","2","0","0","5"').encode(), id="csv"),
        pytest.param(
            xlsx_bytes(
                {
                    "Overview": pd.DataFrame(
                        [["May 1", "1", "0", "2", "0", "0", "5"]],
                        columns=[
                            "Date",
                            "Video Views",
                            "Profile Views",
                            "Likes",
                            "Comments",
                            "Shares",
                            "Likes",
                        ],
                    )
                }
            ),
            id="xlsx",
        ),
    ],
)
def test_a_repeated_column_name_does_not_lose_the_whole_file(data):
    result = ingest_file("Overview.csv", data, context=Context(today=date(2026, 11, 22)))
    assert [(table.kind, table.rows) for table in result.tables] == [("overview", 1)]


# Hostile files: limits checked before reading whole (issue 14) ------------------------------------------------


def raw_zip(members: list[tuple[str, bytes, int]]) -> bytes:
    """A ZIP of deflated members whose table of contents claims `size` bytes for each, true or not."""
    body, directory = b"", b""
    for member, data, size in members:
        packed, encoded = zlib.compress(data, 9)[2:-4], member.encode()
        crc = zlib.crc32(data)
        body_offset = len(body)
        body += struct.pack(
            "<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(packed), size, len(encoded), 0
        )
        body += encoded + packed
        directory += struct.pack(
            "<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(packed), size, len(encoded), 0, 0, 0, 0, 0,
            body_offset,
        ) + encoded  # fmt: skip
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(body), 0
    )
    return body + directory + end


def only_problem(name: str, data: bytes) -> str:
    [(source, message)] = problems_of(name, data)
    assert source == name
    assert is_plain_sentence_naming(message, name), message
    return message


def test_a_zip_whose_table_of_contents_claims_a_1_9_gb_member_is_refused_before_unpacking():
    data = raw_zip([("Overview.csv", OVERVIEW_HEADER.encode(), 1_900_000_000)])
    assert len(data) < 500
    assert problems_of("Overview.zip", data) == [
        ("Overview.zip › Overview.csv", limits.zip_bomb("Overview.zip", "Overview.csv"))
    ]


def test_zip_members_that_unpack_to_more_than_the_limit_in_all_are_refused_before_unpacking():
    # 600 MB claimed by members of a believable ratio: 3 MB packed each.
    noise = random.Random(14).randbytes(3_000_000)
    data = raw_zip([(f"part{i}.csv", noise, 100_000_000) for i in range(6)])
    assert only_problem("Overview.zip", data) == limits.expands_too_much("Overview.zip", 600_000_000)


def test_zips_inside_zips_are_limited_by_their_sizes_summed_over_every_level(monkeypatch):
    inner = zip_bytes({f"part{i}.csv": b"a,b\n" + b"1,2\n" * 200 for i in range(3)})  # 2,412 bytes inside
    outer = zip_bytes({"a.zip": inner, "b.zip": inner})
    # Room for the outer ZIP's members and one inner ZIP's: each level alone is under the limit.
    monkeypatch.setattr(limits, "MAX_EXPANDED_BYTES", 2 * len(inner) + 2_412 + 100)
    tables, problems = read_tables("exports.zip", outer)
    assert len(tables) == 3
    assert [problem.source for problem in problems] == ["exports.zip › b.zip"]
    assert "we open from one upload" in problems[0].message


def test_a_zip_member_that_unpacks_to_a_thousand_times_its_size_is_a_bomb_and_left_closed():
    data = zip_bytes({"Overview.csv": b"\x00" * 3_000_000, "Viewers.csv": b"Date,Total Viewers\nMay 1,3\n"})
    tables, problems = read_tables("Overview.zip", data)
    assert [table.source for table in tables] == ["Overview.zip › Viewers.csv"]
    assert [(problem.source, problem.message) for problem in problems] == [
        ("Overview.zip › Overview.csv", limits.zip_bomb("Overview.zip", "Overview.csv"))
    ]


def test_zips_nested_deeper_than_the_limit_are_refused_in_a_sentence():
    data = b"Date,Total Viewers\nMay 1,3\n"
    for level in range(limits.MAX_ZIP_DEPTH + 1):
        data = zip_bytes({f"level{level}.zip" if level else "Viewers.csv": data})
    _, problems = read_tables("deep.zip", data)
    assert [problem.message for problem in problems] == [
        limits.zip_too_deep("deep.zip › level3.zip › level2.zip › level1.zip")
    ]


def xlsx_parts(sheet: str, shared: list[str] | None = None) -> bytes:
    """A workbook written by hand, its sheet XML as given: openpyxl would refuse to write a hostile one."""
    strings = "".join(f"<si><t>{text}</t></si>" for text in shared or [])
    return workbook(
        f"<worksheet><sheetData>{sheet}</sheetData></worksheet>".encode(), f"<sst>{strings}</sst>".encode()
    )


def incompressible(size: int) -> str:
    """Text that deflates badly, so that a test's workbook is not mistaken for a ZIP bomb."""
    return "".join(random.Random(size).choices(string.ascii_letters, k=size))


def test_an_xlsx_with_one_cell_at_xfd1048576_is_refused_before_the_excel_reader_sees_it():
    data = xlsx_parts('<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c></row>'
                      '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')  # fmt: skip
    assert len(data) < 5_000
    message = only_problem("Overview.xlsx", data)
    assert "row 1,048,576, column 16,384" in message


def test_an_xlsx_whose_dimension_claims_the_whole_sheet_is_refused():
    book = xlsx_parts('<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(io.BytesIO(book)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>'
    )
    assert "column 16,384" in only_problem("Overview.xlsx", zip_bytes(parts))


def test_cells_without_addresses_count_towards_the_width_of_their_row():
    cells = "<c><v>1</v></c>" * (limits.MAX_COLUMNS + 1)
    assert "column 1,001" in only_problem("Overview.xlsx", xlsx_parts(f"<row>{cells}</row>"))


def test_a_shared_string_longer_than_excel_allows_is_refused_before_reading():
    data = xlsx_parts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [incompressible(2_000_000)])
    assert "longer than 32,767 characters" in only_problem("strings.xlsx", data)


def test_a_huge_inline_string_is_refused_before_reading():
    data = xlsx_parts(
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>{incompressible(2_000_000)}</t></is></c></row>'
    )
    assert "longer than 32,767 characters" in only_problem("inline.xlsx", data)


def test_a_shared_string_copied_into_many_cells_counts_every_copy(monkeypatch):
    monkeypatch.setattr(limits, "MAX_EXPANDED_BYTES", 1_000_000)
    cells = "".join(f'<c r="A{row}" t="s"><v>0</v></c>' for row in range(1, 51))
    data = xlsx_parts(f"<row>{cells}</row>", [incompressible(30_000)])  # 1.5 MB of text from a few KB
    assert "more than the 1 MB we open from one upload" in only_problem("strings.xlsx", data)


def test_a_csv_row_of_a_million_cells_is_refused_from_its_first_bytes():
    data = (OVERVIEW_HEADER + '\n"May 1"' + "," * 1_000_000 + "\n").encode()
    assert "has a row of 1,000,001 cells, more than the 1,000 columns" in only_problem("Overview.csv", data)


def test_a_csv_header_of_twenty_thousand_columns_is_refused():
    data = (",".join(f"c{i}" for i in range(20_000)) + "\n1,2\n").encode()
    assert "has a row of 20,000 cells" in only_problem("wide.csv", data)


def test_a_json_record_with_100000_keys_is_refused_without_building_the_table():
    data = json.dumps([{f"k{i}": i for i in range(100_000)}]).encode()
    assert "has a record with 100,000 fields" in only_problem("wide.json", data)


def test_json_nested_100000_levels_deep_is_refused_in_a_sentence():
    assert only_problem("deep.json", b"[" * 100_000 + b"]" * 100_000) == limits.json_too_deep("deep.json")


def test_a_file_over_the_byte_limit_is_refused_by_its_size(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    assert "more than the 100 bytes we read in one file" in only_problem("Overview.csv", b"a,b\n" * 50)


def test_a_cell_longer_than_excel_allows_is_cut_with_a_note():
    [table] = read_tables("comments.csv", ("text,uniqueId\n" + "x" * 40_000 + ",fan\n").encode())[0]
    assert [len(text) for text in table.frame["text"]] == [32_767]
    assert table.notes == [limits.cells_cut(1)]


# Damaged text files --------------------------------------------------------------------------------------------


def test_a_nul_byte_early_in_a_csv_is_removed_and_the_file_still_loads():
    data = (OVERVIEW_HEADER + '\n"May 1","1","2","3","4","5"\n').encode().replace(b'"Likes"', b'"Lik\x00es"')
    result = ingest_file("Overview.csv", data, context=Context(today=date(2026, 11, 22)))
    assert [(table.kind, table.rows) for table in result.tables] == [("overview", 1)]
    assert "we removed it" in " ".join(result.tables[0].warnings)


def test_a_first_data_row_longer_than_its_header_does_not_shift_the_columns():
    data = (
        OVERVIEW_HEADER + '\n"May 1","1","2","3","4","5","6"\n"May 2","10","20","30","40","50"\n'
    ).encode()
    [table] = read_tables("Overview.csv", data)[0]
    assert table.frame.to_dict("records") == [
        {
            "Date": "May 2",
            "Video Views": "10",
            "Profile Views": "20",
            "Likes": "30",
            "Comments": "40",
            "Shares": "50",
        }
    ]
    assert table.notes == [
        "1 row has more cells than the header (the first, data row 1, has 7 for 6 columns); "
        "it was left out, the other rows line up."
    ]


def test_empty_cells_past_the_header_are_ignored_and_every_row_loads():
    data = (OVERVIEW_HEADER + '\n"May 1","1","2","3","4","5",,\n"May 2","1","2","3","4","5"\n').encode()
    [table] = read_tables("Overview.csv", data)[0]
    assert list(table.frame["Date"]) == ["May 1", "May 2"]
    assert table.notes == []


def test_an_89_byte_overview_cut_after_its_first_row_loads():
    data = (codecs.BOM_UTF8 + (OVERVIEW_HEADER + '\n"8 de marzo","0","0"').encode())[:89]
    result = ingest_file("Overview.csv", data, context=Context(today=date(2026, 11, 22)))
    assert [(table.kind, table.rows) for table in result.tables] == [("overview", 1)]
