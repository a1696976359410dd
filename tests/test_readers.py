"""Bytes in, tables of text out: encodings, separators, quoting, ZIP, XLSX, JSON and unreadable files."""

import codecs
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analytics.ingest import Context, ingest_file
from analytics.ingest.readers import read_tables

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
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
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
