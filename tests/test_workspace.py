"""A marketer's loaded files merged into DuckDB: overlaps, re-uploads, bad files, years, mappings, brand."""

import codecs
import hashlib
import io
import json
import zipfile
from datetime import date

import pytest

from analytics.workspace import Workspace, mapping_memory_path

TODAY = date(2026, 11, 22)
OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
VIEWERS_HEADER = '"Date","Total Viewers","New Viewers","Returning Viewers"'
# Download moments in TikTok's zip-stem names: 2026-05-04 12:00 and 2026-05-05 12:00 UTC.
MAY_4 = 1777896000
MAY_5 = 1777982400


def studio_csv(header: str, *rows: tuple) -> bytes:
    lines = [header] + [",".join(f'"{value}"' for value in row) for row in rows]
    return codecs.BOM_UTF8 + "\n".join(lines).encode("utf-8")


def overview(*rows: tuple[str, int]) -> bytes:
    """Overview rows of (day, video views); the other counts are zero."""
    return studio_csv(OVERVIEW_HEADER, *[(day, views, 0, 0, 0, 0) for day, views in rows])


OLDER = overview(("May 1", 1), ("May 2", 2), ("May 3", 3))
NEWER = overview(("May 2", 20), ("May 3", 30), ("May 4", 40))


def workspace() -> Workspace:
    return Workspace(today=TODAY, remember_mappings=False)


def daily_views(ws: Workspace) -> list[tuple]:
    return ws.con.execute("select stat_date, video_views from daily_stats order by stat_date").fetchall()


@pytest.mark.parametrize("newest_uploaded_first", [False, True])
def test_overlapping_overviews_count_each_day_once_from_the_newest_download(newest_uploaded_first):
    files = [
        (f"Overview_2026-05-01_{MAY_4}_brand.csv", OLDER),
        (f"Overview_2026-05-02_{MAY_5}_brand.csv", NEWER),
    ]
    ws = workspace()
    ws.add_files(files[::-1] if newest_uploaded_first else files)
    assert daily_views(ws) == [
        (date(2026, 5, 1), 1),
        (date(2026, 5, 2), 20),
        (date(2026, 5, 3), 30),
        (date(2026, 5, 4), 40),
    ]
    assert ws.merge_notes == [
        "2 days appear in more than one TikTok Studio Overview file: each is counted once, from the newest download."
    ]


def test_overlapping_overviews_uploaded_one_at_a_time_merge_the_same_way():
    ws = workspace()
    ws.add_files([(f"Overview_2026-05-02_{MAY_5}_brand.csv", NEWER)])
    ws.add_files([(f"Overview_2026-05-01_{MAY_4}_brand.csv", OLDER)])
    assert daily_views(ws) == [
        (date(2026, 5, 1), 1),
        (date(2026, 5, 2), 20),
        (date(2026, 5, 3), 30),
        (date(2026, 5, 4), 40),
    ]


def test_overview_and_viewers_fill_different_columns_of_the_same_day():
    ws = workspace()
    ws.add_files(
        [
            (f"Overview_{MAY_5}.csv", overview(("May 3", 30), ("May 4", 40))),
            (
                f"Viewers_{MAY_5}.csv",
                studio_csv(VIEWERS_HEADER, ("May 3", 9, 5, 4), ("May 4", "undefined", 1, 1)),
            ),
        ]
    )
    rows = ws.con.execute(
        "select stat_date, video_views, total_viewers, new_viewers, returning_viewers from daily_stats order by 1"
    ).fetchall()
    assert rows == [(date(2026, 5, 3), 30, 9, 5, 4), (date(2026, 5, 4), 40, None, 1, 1)]
    assert ws.merge_notes == []


def test_the_same_bytes_uploaded_twice_are_loaded_once():
    ws = workspace()
    first = ws.add_files([("Overview.csv", OLDER), ("Overview (1).csv", OLDER)])
    again = ws.add_files([("Overview copy.csv", OLDER)])
    assert [result.name for result in first] == ["Overview.csv"]
    assert again == []
    assert [(row["file"], row["rows"]) for row in ws.summary().to_dict("records")] == [("Overview.csv", 3)]
    assert ws.merge_notes == []


def test_a_bad_file_never_loses_the_good_ones_already_loaded():
    ws = workspace()
    ws.add_files([(f"Overview_{MAY_4}.csv", OLDER)])
    [result] = ws.add_files([("holiday.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")])
    assert result.tables == []
    assert [problem.source for problem in ws.problems] == ["holiday.png"]
    assert "holiday.png" in ws.problems[0].message
    assert daily_views(ws) == [(date(2026, 5, 1), 1), (date(2026, 5, 2), 2), (date(2026, 5, 3), 3)]


def test_a_bad_file_in_the_same_batch_does_not_stop_the_good_ones():
    ws = workspace()
    results = ws.add_files(
        [("broken.zip", b"PK\x03\x04broken"), (f"Overview_{MAY_4}.csv", OLDER), ("empty.csv", b"")]
    )
    assert [(result.name, len(result.tables), len(result.problems)) for result in results] == [
        ("broken.zip", 0, 1),
        (f"Overview_{MAY_4}.csv", 1, 0),
        ("empty.csv", 0, 1),
    ]
    assert daily_views(ws) == [(date(2026, 5, 1), 1), (date(2026, 5, 2), 2), (date(2026, 5, 3), 3)]


def test_setting_the_year_re_reads_the_file_and_clearing_it_goes_back():
    ws = workspace()
    ws.add_files([("Overview.csv", overview(("December 30", 1), ("January 2", 2)))])
    assert daily_views(ws) == [(date(2025, 12, 30), 1), (date(2026, 1, 2), 2)]
    ws.set_last_year("Overview.csv", 2024)
    assert daily_views(ws) == [(date(2023, 12, 30), 1), (date(2024, 1, 2), 2)]
    assert [(row["start_date"], row["end_date"]) for row in ws.summary().to_dict("records")] == [
        (date(2023, 12, 30), date(2024, 1, 2))
    ]
    ws.set_last_year("Overview.csv", None)
    assert daily_views(ws) == [(date(2025, 12, 30), 1), (date(2026, 1, 2), 2)]


def test_setting_the_year_of_one_file_leaves_the_others_alone():
    ws = workspace()
    ws.add_files([("Overview.csv", overview(("May 1", 1))), ("Overview 2.csv", overview(("June 1", 2)))])
    ws.set_last_year("Overview.csv", 2025)
    assert daily_views(ws) == [(date(2025, 5, 1), 1), (date(2026, 6, 1), 2)]


OWN_SHEET = (
    b"Who,Said,When,Clip\n"
    b"@Alice,love this,2025-06-26 18:28:29,https://www.tiktok.com/@brand/video/7520277611004595512\n"
    b"Brand,thank you!,2025-06-26 19:00:00,https://www.tiktok.com/@brand/video/7520277611004595512\n"
)
OWN_MAPPING = {"member_handle": "Who", "text": "Said", "commented_at": "When", "video_url": "Clip"}


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    return tmp_path


def test_an_unknown_sheet_waits_for_a_mapping_and_then_loads(home):
    ws = workspace()
    ws.add_files([("mine.csv", OWN_SHEET)])
    assert [(pending.source, pending.header) for pending in ws.pending] == [
        ("mine.csv", ["Who", "Said", "When", "Clip"])
    ]
    assert ws.map_columns(ws.pending[0], "comments", OWN_MAPPING) is None
    assert ws.pending == []
    rows = ws.con.execute(
        "select member_id, member_handle, text, commented_at, video_id, is_brand from comments order by commented_at"
    ).fetchall()
    assert [row[:3] + row[4:] for row in rows] == [
        ("alice", "Alice", "love this", "7520277611004595512", False),
        ("brand", "Brand", "thank you!", "7520277611004595512", True),
    ]
    assert not mapping_memory_path().exists()  # remember_mappings=False


def test_a_mapping_without_the_required_columns_is_a_sentence_naming_what_is_missing(home):
    ws = workspace()
    # The missing field is named as the column-mapping step names it.
    ws.add_files([("mine.csv", OWN_SHEET)])
    problem = ws.map_columns(ws.pending[0], "comments", {"member_handle": "Who", "text": "Said"})
    assert problem.message == "To read mine.csv as Comments export, pick a column for: Comment time."
    assert len(ws.pending) == 1


def test_a_mapping_is_remembered_for_the_next_file_with_the_same_header(home):
    first = Workspace(today=TODAY)
    first.add_files([("mine.csv", OWN_SHEET)])
    first.map_columns(first.pending[0], "comments", OWN_MAPPING)
    assert mapping_memory_path() == home / "mappings.json"
    assert json.loads(mapping_memory_path().read_text(encoding="utf-8")) == {
        "clip|said|when|who": {"kind": "comments", "mapping": OWN_MAPPING}
    }
    later = Workspace(today=TODAY)
    [result] = later.add_files(
        [("mine, next month.csv", b"Clip,Who,When,Said\n,bob,2025-07-01 10:00:00,yo\n")]
    )
    assert [(table.kind, table.mapped_by_hand) for table in result.tables] == [("comments", True)]
    assert later.pending == []
    assert later.con.execute("select member_id, text from comments").fetchall() == [("bob", "yo")]


def test_a_brand_handle_the_marketer_names_marks_its_comments_as_the_brand():
    ws = workspace()
    ws.add_files(
        [("comments.csv", b"text,createTime,uniqueId\nhi,1748132065,Fan\nthanks,1748132100,PhinCo.Coffee\n")]
    )
    assert ws.con.execute("select member_id, is_brand from comments order by 1").fetchall() == [
        ("fan", False),
        ("phinco.coffee", False),
    ]
    ws.set_brand_handles({"@PhinCo.Coffee ", " "})
    assert ws.brand_handles == {"phinco.coffee"}
    assert ws.con.execute("select member_id, is_brand from comments order by 1").fetchall() == [
        ("fan", False),
        ("phinco.coffee", True),
    ]
    ws.set_brand_handles(set())
    assert ws.con.execute("select member_id, is_brand from comments order by 1").fetchall() == [
        ("fan", False),
        ("phinco.coffee", False),
    ]


def test_the_account_in_loaded_video_links_marks_its_comments_on_any_video_as_the_brand():
    content = studio_csv(
        '"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"',
        (
            "February 28",
            "x",
            "https://www.tiktok.com/@phinco.coffee/video/7527623000473079054",
            "July 16",
            1,
            1,
            1,
            1,
        ),
    )
    comments = b"text,createTime,uniqueId\nhi,1748132065,Fan\nthanks,1748132100,PhinCo.Coffee\n"
    ws = workspace()
    ws.add_files([("Content.csv", content), ("comments.csv", comments)])
    assert ws.detected_brand_handles() == ["phinco.coffee"]
    assert ws.con.execute("select member_id, is_brand from comments order by 1").fetchall() == [
        ("fan", False),
        ("phinco.coffee", True),
    ]


def test_the_summary_lists_each_table_with_its_dates():
    ws = workspace()
    ws.add_files(
        [
            (f"Overview_{MAY_4}.csv", OLDER),
            (f"Viewers_{MAY_5}.csv", studio_csv(VIEWERS_HEADER, ("May 4", 9, 5, 4))),
        ]
    )
    assert ws.summary()[["file", "kind", "rows", "start_date", "end_date", "has_yearless_dates"]].to_dict("records") == [
        {"file": f"Overview_{MAY_4}.csv", "kind": "overview", "rows": 3, "start_date": date(2026, 5, 1),
         "end_date": date(2026, 5, 3), "has_yearless_dates": True},
        {"file": f"Viewers_{MAY_5}.csv", "kind": "viewers", "rows": 1, "start_date": date(2026, 5, 4),
         "end_date": date(2026, 5, 4), "has_yearless_dates": True},
    ]  # fmt: skip
    assert ws.data_range() == (date(2026, 5, 1), date(2026, 5, 4))


def test_removing_a_file_rebuilds_the_tables_without_it():
    ws = workspace()
    ws.add_files(
        [(f"Overview_2026-05-01_{MAY_4}_brand.csv", OLDER), (f"Overview_2026-05-02_{MAY_5}_brand.csv", NEWER)]
    )
    ws.remove_file(hashlib.sha256(NEWER).hexdigest())
    assert daily_views(ws) == [(date(2026, 5, 1), 1), (date(2026, 5, 2), 2), (date(2026, 5, 3), 3)]
    assert ws.merge_notes == []


def test_removing_one_of_two_different_files_with_the_same_name_keeps_the_other():
    # Two Overview.csv downloads of different months: removing one must not empty the account.
    ws = workspace()
    ws.add_files([("Overview.csv", OLDER), ("Overview.csv", overview(("May 10", 7)))])
    ws.remove_file(hashlib.sha256(OLDER).hexdigest())
    assert [upload.name for upload in ws.uploads] == ["Overview.csv"]
    assert daily_views(ws) == [(date(2026, 5, 10), 7)]


def test_clearing_a_year_returns_to_the_dates_the_batch_download_gave():
    # Uploaded with an Overview downloaded on 5 May 2026, "June 1" must be June 2025.
    ws = workspace()
    ws.add_files(
        [
            (f"Overview_2026-05-01_{MAY_5}_brand.csv", overview(("May 4", 1))),
            ("Overview.csv", overview(("June 1", 7))),
        ]
    )
    assert daily_views(ws) == [(date(2025, 6, 1), 7), (date(2026, 5, 4), 1)]
    ws.set_last_year("Overview.csv", 2024)
    ws.set_last_year("Overview.csv", None)
    assert daily_views(ws) == [(date(2025, 6, 1), 7), (date(2026, 5, 4), 1)]


def test_a_nonsense_comment_time_never_crashes_the_workspace():
    ws = workspace()
    ws.add_files([(f"Overview_{MAY_4}.csv", OLDER)])
    ws.add_files([("comments.csv", b"text,createTime,uniqueId\nhello,-3,bob\nok,1748132065,ann\n")])
    assert daily_views(ws) == [(date(2026, 5, 1), 1), (date(2026, 5, 2), 2), (date(2026, 5, 3), 3)]
    assert ws.con.execute("select member_id from comments").fetchall() == [("ann",)]


# Years: the file's own anchor first, then a file of the same account ---------------------------

# 1773506459 is 2026-03-14 16:40:59 UTC. TikTok's last row can be the download day itself.
TIKTOK_OVERVIEW = "TIKTOK Overview_2026-02-10_1773506459_haileytupy2.0.csv"
FEB_10_TO_MAR_14 = [("February 10", 1), ("March 1", 2), ("March 14", 3)]
CONTENT_HEADER = '"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"'
JULY_2025_VIDEO = "7527623000473079054"  # posted 2025-07-16 10:21:48 UTC


def viewers(*days: str) -> bytes:
    return studio_csv(VIEWERS_HEADER, *[(day, 5, 1, 4) for day in days])


def viewer_days(ws: Workspace) -> list[date]:
    rows = ws.con.execute(
        "select stat_date from daily_stats where total_viewers is not null order by stat_date"
    ).fetchall()
    return [row[0] for row in rows]


def year_sources(ws: Workspace) -> dict[str, str]:
    return {row["file"]: row["year_source"] for row in ws.summary().to_dict("records")}


def test_a_renamed_tiktok_overview_ending_on_its_download_day_and_its_viewers_file_read_2026():
    ws = workspace()
    ws.add_files(
        [
            (TIKTOK_OVERVIEW, overview(*FEB_10_TO_MAR_14)),
            ("Viewers.csv", viewers("February 10", "March 1", "March 14")),
        ]
    )
    assert daily_views(ws) == [(date(2026, 2, 10), 1), (date(2026, 3, 1), 2), (date(2026, 3, 14), 3)]
    assert viewer_days(ws) == [date(2026, 2, 10), date(2026, 3, 1), date(2026, 3, 14)]
    assert year_sources(ws) == {
        TIKTOK_OVERVIEW: "the first day in the file name (10 Feb 2026)",
        "Viewers.csv": f"another file of the same account: {TIKTOK_OVERVIEW}",
    }


def test_fixing_the_year_of_a_file_re_reads_the_files_that_took_their_year_from_it():
    ws = workspace()
    ws.add_files(
        [
            (f"Overview_2026-05-01_{MAY_5}_brand.csv", overview(("May 4", 1))),
            ("Viewers.csv", viewers("May 3", "May 4")),
            (
                "FollowerHistory.csv",
                studio_csv(
                    '"Date","Followers","Difference in followers from previous day"', ("May 4", 10, 0)
                ),
            ),
        ]
    )
    assert viewer_days(ws) == [date(2026, 5, 3), date(2026, 5, 4)]
    ws.set_last_year(f"Overview_2026-05-01_{MAY_5}_brand.csv", 2025)
    assert viewer_days(ws) == [date(2025, 5, 3), date(2025, 5, 4)]
    assert ws.con.execute("select stat_date from daily_stats where followers is not null").fetchall() == [
        (date(2025, 5, 4),)
    ]
    assert (
        year_sources(ws)["Viewers.csv"]
        == f"another file of the same account: Overview_2026-05-01_{MAY_5}_brand.csv"
    )
    ws.set_last_year(f"Overview_2026-05-01_{MAY_5}_brand.csv", None)
    assert viewer_days(ws) == [date(2026, 5, 3), date(2026, 5, 4)]


def test_a_file_of_another_account_never_lends_its_download_day():
    # brand_a downloaded on 5 May 2026; brand_b's "June 1" is not June 2025 because of it.
    ws = workspace()
    ws.add_files(
        [
            (f"Overview_2026-05-01_{MAY_5}_brand_a.csv", overview(("May 4", 1))),
            ("Viewers_brand_b.csv", viewers("June 1")),
        ]
    )
    assert viewer_days(ws) == [date(2026, 6, 1)]
    assert year_sources(ws)["Viewers_brand_b.csv"] == "assumed: the most recent year that fits"


def test_a_file_with_no_account_borrows_nothing_when_the_upload_holds_two_accounts():
    ws = workspace()
    ws.add_files(
        [
            (f"Overview_2026-05-01_{MAY_5}_brand_a.csv", overview(("May 4", 1))),
            ("Overview_brand_b.csv", overview(("May 4", 2))),
            ("Viewers.csv", viewers("June 1")),
        ]
    )
    assert viewer_days(ws) == [date(2026, 6, 1)]
    assert year_sources(ws)["Viewers.csv"] == "assumed: the most recent year that fits"


def test_a_content_files_video_ids_give_the_year_to_the_viewers_file_of_its_account():
    # Downloaded on 20 July 2025 (the newest video was posted on 16 July 2025); uploaded in November 2026.
    content = studio_csv(
        CONTENT_HEADER,
        (
            "July 20",
            "caption",
            f"https://www.tiktok.com/@brand/video/{JULY_2025_VIDEO}",
            "July 16",
            1,
            1,
            1,
            10,
        ),
    )
    ws = workspace()
    ws.add_files([("Content.csv", content), ("Viewers.csv", viewers("July 18", "July 19"))])
    assert viewer_days(ws) == [date(2025, 7, 18), date(2025, 7, 19)]
    assert year_sources(ws) == {
        "Content.csv": "the video ids (the newest was posted on 16 Jul 2025)",
        "Viewers.csv": "another file of the same account: Content.csv",
    }


def test_members_of_a_followers_zip_belong_to_the_account_in_the_zip_name():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "FollowerHistory.csv",
            studio_csv('"Date","Followers","Difference in followers from previous day"', ("May 4", 10, 0)),
        )
    ws = workspace()
    ws.add_files(
        [
            (f"Overview_2026-05-01_{MAY_5}_brand_a.csv", overview(("May 4", 1))),
            ("Followers_brand_b.zip", buffer.getvalue()),
            ("Viewers_brand_a.csv", viewers("May 4")),
        ]
    )
    [followers] = [table for table in ws.tables if table.kind == "follower_history"]
    assert (followers.account, followers.year_source.kind) == ("brand_b", "assumed")
    assert viewer_days(ws) == [date(2026, 5, 4)]
    assert year_sources(ws)["Viewers_brand_a.csv"].startswith("another file of the same account: Overview_")


# Two scrapes of the same video ------------------------------------------------------------------
APIFY_COLUMNS = "cid,createTimeISO,diggCount,repliesToId,text,uid,uniqueId,videoWebUrl"
VIDEO_1 = "https://www.tiktok.com/@phinco.coffee/video/7600000000000000001"
VIDEO_2 = "https://www.tiktok.com/@phinco.coffee/video/7600000000000000002"


def scrape(*comments: tuple[str, str, int, str, str]) -> bytes:
    """An Apify comments CSV of (comment id, time, likes, handle, video link) rows."""
    lines = [APIFY_COLUMNS] + [
        f'{cid},{at},{likes},,"Ngon quá {cid}",{6800 + sum(map(ord, handle))},{handle},{video}'
        for cid, at, likes, handle, video in comments
    ]
    return "\n".join(lines).encode("utf-8")


# The first scrape holds both videos; the second scrapes video 1 again two days later: its three
# comments again (more likes on 101 by then) and one new comment, 109.
FIRST_SCRAPE = scrape(
    ("101", "2026-06-01T10:00:00.000Z", 1, "fan_an", VIDEO_1),
    ("102", "2026-06-01T11:00:00.000Z", 0, "fan_binh", VIDEO_1),
    ("103", "2026-06-01T12:00:00.000Z", 2, "fan_an", VIDEO_1),
    ("105", "2026-06-02T10:00:00.000Z", 0, "fan_an", VIDEO_2),
    ("106", "2026-06-02T11:00:00.000Z", 0, "fan_chi", VIDEO_2),
    ("107", "2026-06-02T12:00:00.000Z", 0, "fan_binh", VIDEO_2),
    ("108", "2026-06-02T13:00:00.000Z", 0, "fan_chi", VIDEO_2),
)
SECOND_SCRAPE = scrape(
    ("101", "2026-06-01T10:00:00.000Z", 9, "fan_an", VIDEO_1),
    ("102", "2026-06-01T11:00:00.000Z", 0, "fan_binh", VIDEO_1),
    ("103", "2026-06-01T12:00:00.000Z", 2, "fan_an", VIDEO_1),
    ("109", "2026-06-03T09:00:00.000Z", 0, "fan_binh", VIDEO_1),
)
SCRAPES = [
    ("dataset_tiktok-comments-scraper_2026-06-02_08-00-00-000.csv", FIRST_SCRAPE),
    ("dataset_tiktok-comments-scraper_2026-06-04_08-00-00-000.csv", SECOND_SCRAPE),
]


@pytest.mark.parametrize("one_at_a_time", [False, True], ids=["together", "one after the other"])
def test_two_scrapes_of_the_same_video_count_each_comment_once(one_at_a_time):
    from analytics.members import member_stats

    ws = workspace()
    if one_at_a_time:  # the second upload merges again only the comments it holds
        for file in SCRAPES:
            ws.add_files([file])
    else:
        ws.add_files(SCRAPES)
    count, distinct = ws.con.execute("select count(*), count(distinct comment_id) from comments").fetchone()
    assert (count, distinct) == (8, 8)  # 101-103 and 105-109
    per_video = ws.con.execute("select video_id, count(*) from comments group by all order by all").fetchall()
    assert per_video == [("7600000000000000001", 4), ("7600000000000000002", 4)]
    members = member_stats(ws.con).set_index("member_handle")
    assert members["count_comments"].to_dict() == {"fan_an": 3, "fan_binh": 3, "fan_chi": 2}
    assert members["count_videos"].to_dict() == {"fan_an": 2, "fan_binh": 2, "fan_chi": 1}
    # The newest scrape's likes win.
    assert ws.con.execute("select likes from comments where comment_id = '101'").fetchone()[0] == 9
