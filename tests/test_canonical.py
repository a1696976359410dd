"""Raw export tables -> canonical rows: years for year-less dates, ids, brand replies, templates."""

import codecs
import io
import json
import zipfile
from datetime import date

import pandas as pd
import pytest

from analytics.ingest import Context, LoadedTable, ingest_file
from analytics.templates import lives_template_csv, video_details_template_csv
from analytics.wording import day as day_words

TODAY = date(2026, 11, 22)
CONTEXT = Context(today=TODAY)
T = pd.Timestamp
OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
# Real video ids (htupycollabs' Content.csv): the top 32 bits are the Unix time of posting.
JULY_2025_VIDEO = "7527623000473079054"  # posted 2025-07-16 10:21:48 UTC
SEPTEMBER_2025_VIDEO = "7546034661705796877"  # posted 2025-09-04 01:08:27 UTC


def studio_csv(header: str, *rows: tuple) -> bytes:
    """TikTok Studio's bytes: UTF-8 with BOM, every field quoted, no newline after the last row."""
    lines = [header] + [",".join(f'"{value}"' for value in row) for row in rows]
    return codecs.BOM_UTF8 + "\n".join(lines).encode("utf-8")


def overview(*rows: tuple) -> bytes:
    return studio_csv(OVERVIEW_HEADER, *rows)


def load(name: str, data: bytes | str, context: Context = CONTEXT) -> LoadedTable:
    """The one table a file holds; fails the test on any problem or unrecognised table."""
    result = ingest_file(name, data.encode("utf-8") if isinstance(data, str) else data, context=context)
    assert [problem.message for problem in result.problems] == []
    assert [pending.header for pending in result.pending] == []
    [table] = result.tables
    return table


def days(table: LoadedTable) -> list[date]:
    return table.frame["stat_date"].tolist()


def year_notes(table: LoadedTable) -> list[str]:
    """The sentence that says which years we read (the advice after it may be reworded)."""
    return [
        warning.split(" If ")[0] for warning in table.warnings if warning.startswith("Dates have no year")
    ]


# Year-less dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        pytest.param(
            ["30 tháng Mười Hai", "31 tháng Mười Hai", "1 tháng Một", "2 tháng Một"],
            [date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2)],
            id="vietnamese",
        ),
        pytest.param(
            ["30 de diciembre", "31 de diciembre", "1 de enero"],
            [date(2025, 12, 30), date(2025, 12, 31), date(2026, 1, 1)],
            id="spanish",
        ),
        pytest.param(
            ["31 Δεκεμβρίου", "1 Ιανουαρίου", "25 Φεβρουαρίου"],
            [date(2025, 12, 31), date(2026, 1, 1), date(2026, 2, 25)],
            id="greek genitive",
        ),
        pytest.param(
            ["November 20", "November 21"],
            [date(2026, 11, 20), date(2026, 11, 21)],
            id="ends yesterday",
        ),
        pytest.param(
            ["November 22", "November 23"],
            [date(2025, 11, 22), date(2025, 11, 23)],
            id="today or later is last year",
        ),
    ],
)
def test_year_less_dates_end_yesterday_and_step_back_a_year_across_new_year(dates, expected):
    table = load("Overview.csv", overview(*[(day, "1", "0", "0", "0", "0") for day in dates]))
    assert days(table) == expected
    assert table.download_date == expected[-1] + pd.Timedelta(days=1)
    last_day = f"{expected[-1].day} {expected[-1]:%B}"
    assert year_notes(table) == [
        f"Dates have no year, and neither the file nor its name says which: we took its last day, {last_day}, "
        f"to be the most recent {last_day} already past, so we read them as "
        f"{day_words(expected[0])} to {day_words(expected[-1])}."
    ]


def test_an_overview_becomes_one_typed_row_a_day():
    table = load(
        "Overview.csv",
        overview(
            ("February 27", "18237", "15", "30", "-1", "6"),
            ("February 28", "1.2K", "undefined", "3", "-2", "1"),
        ),
    )
    assert table.kind == "overview"
    assert table.frame.to_dict("records") == [
        {"stat_date": date(2026, 2, 27), "video_views": 18237, "profile_views": 15, "likes": 30, "comments": -1, "shares": 6},
        {"stat_date": date(2026, 2, 28), "video_views": 1200, "profile_views": None, "likes": 3, "comments": -2, "shares": 1},
    ]  # fmt: skip
    assert table.warnings[1:] == [
        "Comments are negative on 2 days (TikTok subtracts deleted comments); kept as they are."
    ]


def test_a_download_epoch_in_the_file_name_anchors_the_year_across_new_year():
    # 1735905600 is 2025-01-03 12:00 UTC: the last row is 2 January 2025, whatever today is.
    table = load(
        "Overview_2024-12-30_1735905600_marca.csv",
        overview(
            *[
                (day, "1", "0", "0", "0", "0")
                for day in ["30 Δεκεμβρίου", "31 Δεκεμβρίου", "1 Ιανουαρίου", "2 Ιανουαρίου"]
            ]
        ),
    )
    assert days(table) == [date(2024, 12, 30), date(2024, 12, 31), date(2025, 1, 1), date(2025, 1, 2)]
    assert table.download_date == date(2025, 1, 3)


RENAMED_DOWNLOAD = overview(("February 10", "1", "0", "0", "0", "0"), ("March 13", "2", "0", "0", "0", "0"))


@pytest.mark.parametrize(
    ("name", "expected_year", "how"),
    [
        (
            "TIKTOK Overview_2026-02-10_1773506459_handle.csv",
            2026,
            "the first day in the file name (10 Feb 2026)",
        ),
        ("Overview_2026-02-10_handle.csv", 2026, "the first day in the file name (10 Feb 2026)"),
        (
            "Overview_2026-01-01_1773506459_handle.csv",
            2026,
            "the download time in the file name (14 Mar 2026)",
        ),
        ("Overview_April-Des2025.csv", 2025, "the year in the file name (2025)"),
    ],
)
def test_a_date_in_the_file_name_beats_the_upload_day(name, expected_year, how):
    # Uploaded on 1 June 2027: without a date in the name, March 13 is read as 2027.
    table = load(name, RENAMED_DOWNLOAD, Context(today=date(2027, 6, 1)))
    assert days(table) == [date(expected_year, 2, 10), date(expected_year, 3, 13)]
    assert year_notes(table) == [
        f"Dates have no year: we read them as 10 Feb {expected_year} to 13 Mar {expected_year} "
        f"(the year comes from {how})."
    ]


def test_another_files_download_time_anchors_a_file_with_no_date_in_its_name():
    table = load(
        "Overview.csv",
        RENAMED_DOWNLOAD,
        Context(
            today=date(2027, 6, 1),
            batch_download_date=date(2026, 3, 14),
            batch_source="Overview_2026-02-10_1773506459_brand.zip › Overview.csv",
        ),
    )
    assert days(table) == [date(2026, 2, 10), date(2026, 3, 13)]
    assert year_notes(table) == [
        "Dates have no year: we read them as 10 Feb 2026 to 13 Mar 2026 (the year comes from another "
        "file of the same account: Overview_2026-02-10_1773506459_brand.zip › Overview.csv)."
    ]


def test_a_files_own_first_date_beats_the_download_time_of_other_files_in_the_batch():
    table = load(
        "Overview_2025-02-10_brand.csv",
        RENAMED_DOWNLOAD,
        Context(today=TODAY, batch_download_date=date(2026, 3, 14)),
    )
    assert days(table) == [date(2025, 2, 10), date(2025, 3, 13)]


def test_the_epoch_in_a_zip_name_anchors_the_csv_inside_it():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Overview.csv", RENAMED_DOWNLOAD)
    table = load(
        "Overview_2026-02-10_1773506459_handle.zip", buffer.getvalue(), Context(today=date(2027, 6, 1))
    )
    assert (table.source, days(table), table.download_date) == (
        "Overview_2026-02-10_1773506459_handle.zip › Overview.csv",
        [date(2026, 2, 10), date(2026, 3, 13)],
        date(2026, 3, 14),
    )


def test_the_year_the_marketer_sets_puts_the_last_row_in_that_year():
    table = load(
        "Overview.csv",
        overview(("December 31", "1", "0", "0", "0", "0"), ("January 1", "2", "0", "0", "0", "0")),
        Context(today=TODAY, last_year=2024),
    )
    assert days(table) == [date(2023, 12, 31), date(2024, 1, 1)]
    assert year_notes(table) == [
        "Dates have no year: we read them as 31 Dec 2023 to 1 Jan 2024 (the year comes from the year you set (2024))."
    ]


def test_full_dates_in_a_business_suite_file_need_no_year_inference():
    header = "Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,Website clicks ,New followers,Lost followers"
    data = f'{header}\n2026/05/10,"1,234",900,12,80,3,4,1,7,2\n2026/05/11,1.2K,1000,10,70,2,1,0,1,2\n'
    table = load("business.csv", data)
    assert table.kind == "business_overview"
    assert table.frame.to_dict("records") == [
        {"stat_date": date(2026, 5, 10), "video_views": 1234, "profile_views": 12, "likes": 80, "comments": 4,
         "shares": 3, "reached_audience": 900, "new_followers": 7, "lost_followers": 2, "net_followers": 5},
        {"stat_date": date(2026, 5, 11), "video_views": 1200, "profile_views": 10, "likes": 70, "comments": 1,
         "shares": 2, "reached_audience": 1000, "new_followers": 1, "lost_followers": 2, "net_followers": -1},
    ]  # fmt: skip
    assert table.warnings == []


def test_the_swedish_business_suite_file_keeps_its_own_net_growth():
    data = "Datum;Videovisningar;Gilla-markeringar;Nettotillväxt;Nya följare;Tappade följare\n2026-05-10;100;5;4;3;1\n"
    assert load("svenska.csv", data).frame.to_dict("records") == [
        {"stat_date": date(2026, 5, 10), "video_views": 100, "likes": 5, "new_followers": 3, "lost_followers": 1, "net_followers": 4}
    ]  # fmt: skip


def test_a_date_column_we_cannot_read_is_a_problem_that_names_the_file():
    result = ingest_file("Overview.csv", overview(("Someday", "1", "0", "0", "0", "0")), context=CONTEXT)
    assert result.tables == []
    assert [(problem.source, problem.message) for problem in result.problems] == [
        (
            "Overview.csv",
            "Overview.csv looks like TikTok Studio Overview (daily views, likes, comments, shares), but the dates "
            '(like "Someday") are in a form we do not know. Check the file or map its columns by hand.',
        )
    ]


# Viewers and followers -------------------------------------------------------------------------


def test_undefined_viewers_are_missing_not_zero_with_a_warning():
    table = load(
        "Viewers.csv",
        studio_csv(
            '"Date","Total Viewers","New Viewers","Returning Viewers"',
            ("May 1", "undefined", "0", "0"),
            ("May 2", "undefined", "1", "0"),
            ("May 3", "5", "3", "2"),
        ),
    )
    assert table.frame.to_dict("records") == [
        {"stat_date": date(2026, 5, 1), "total_viewers": None, "new_viewers": 0, "returning_viewers": 0},
        {"stat_date": date(2026, 5, 2), "total_viewers": None, "new_viewers": 1, "returning_viewers": 0},
        {"stat_date": date(2026, 5, 3), "total_viewers": 5, "new_viewers": 3, "returning_viewers": 2},
    ]
    assert table.warnings[1:] == [
        "2 days have no viewer count (\u201cundefined\u201d in the file); left empty, not zero."
    ]


def test_follower_growth_is_recomputed_from_totals_not_from_the_shifted_difference_column():
    table = load(
        "FollowerHistory.csv",
        studio_csv(
            '"Date","Followers","Difference in followers from previous day"',
            ("May 1", "100", "0"),
            ("May 2", "103", "0"),  # the file's difference is a day late: +3 shows on May 3
            ("May 3", "101", "3"),
            ("May 4", "101", "-2"),
        ),
    )
    assert table.frame.to_dict("records") == [
        {"stat_date": date(2026, 5, 1), "followers": 100, "net_followers": None},
        {"stat_date": date(2026, 5, 2), "followers": 103, "net_followers": 3},
        {"stat_date": date(2026, 5, 3), "followers": 101, "net_followers": -2},
        {"stat_date": date(2026, 5, 4), "followers": 101, "net_followers": 0},
    ]


def test_follower_activity_keeps_twenty_four_hours_on_one_date():
    rows = [("February 27", str(hour), str(hour * 10)) for hour in range(24)]
    table = load("FollowerActivity.csv", studio_csv('"Date","Hour","Active followers"', *rows))
    assert table.frame.to_dict("records") == [
        {"activity_date": date(2026, 2, 27), "hour": hour, "active_followers": hour * 10}
        for hour in range(24)
    ]


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (
            '"Gender","Distribution"',
            [("Female", "0.59"), ("Male", "0.41"), ("Other", "0")],
            [
                {"gender": "Female", "share": 0.59},
                {"gender": "Male", "share": 0.41},
                {"gender": "Other", "share": 0.0},
            ],
        ),
        (
            '"Top territories","Distribution"',
            [("US", "0.46"), ("EG", "0.22"), ("Others", "0.32")],
            [
                {"territory_code": "US", "share": 0.46},
                {"territory_code": "EG", "share": 0.22},
                {"territory_code": "Others", "share": 0.32},
            ],
        ),
    ],
)
def test_audience_distributions_are_fractions(header, rows, expected):
    assert load("Followers.csv", studio_csv(header, *rows)).frame.to_dict("records") == expected


def test_a_header_only_follower_file_loads_as_empty_with_a_note():
    table = load("FollowerGender.csv", codecs.BOM_UTF8 + b'"Gender","Distribution"')
    assert (table.kind, table.rows, table.warnings) == (
        "follower_gender",
        0,
        ["The file has its header but no rows (TikTok writes this for small accounts); loaded as empty."],
    )


# Videos ---------------------------------------------------------------------------------------------

CONTENT_HEADER = '"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"'


def test_content_downloaded_in_2026_listing_2025_videos_gets_2025_post_times_from_the_ids():
    table = load(
        "Content.csv",
        studio_csv(
            CONTENT_HEADER,
            ("February 28", "Lip gloss, “plumping” #fyp ", f"https://www.tiktok.com/@Hailey.Tupy/video/{SEPTEMBER_2025_VIDEO}", "September 3", "109", "7", "2", "154414"),
            ("February 28", "", f"https://www.tiktok.com/@hailey.tupy/video/{JULY_2025_VIDEO}", "July 16", "533", "32", "16", "191265"),
        ),
    )  # fmt: skip
    assert table.frame.to_dict("records") == [
        {
            "video_id": SEPTEMBER_2025_VIDEO,
            "video_url": f"https://www.tiktok.com/@Hailey.Tupy/video/{SEPTEMBER_2025_VIDEO}",
            "account_handle": "hailey.tupy",
            "caption": "Lip gloss, “plumping” #fyp",
            "posted_at": T("2025-09-04 01:08:27"),  # UTC: the creator's local "September 3"
            "total_views": 154414,
            "total_likes": 109,
            "total_comments": 7,
            "total_shares": 2,
            "stats_date": date(2026, 2, 28),
        },
        {
            "video_id": JULY_2025_VIDEO,
            "video_url": f"https://www.tiktok.com/@hailey.tupy/video/{JULY_2025_VIDEO}",
            "account_handle": "hailey.tupy",
            "caption": "",
            "posted_at": T("2025-07-16 10:21:48"),
            "total_views": 191265,
            "total_likes": 533,
            "total_comments": 32,
            "total_shares": 16,
            "stats_date": date(2026, 2, 28),
        },
    ]
    assert table.download_date == date(2026, 2, 28)


def test_the_content_download_day_is_the_first_such_day_after_the_newest_video():
    table = load(
        "Content.csv",
        studio_csv(CONTENT_HEADER, ("January 5", "x", f"https://www.tiktok.com/@a/video/{SEPTEMBER_2025_VIDEO}", "September 3", "1", "1", "1", "1")),
    )  # fmt: skip
    assert table.frame["stats_date"].tolist() == [date(2026, 1, 5)]


def test_business_suite_videos_read_ids_from_links_and_leave_out_rows_without_one():
    data = (
        "Video title,Video link,Post time,Video views,Likes,Comments,Shares,Add to Favorites\n"
        f'"Hi, all",https://www.tiktok.com/@brand/video/{JULY_2025_VIDEO},2025-07-16 12:21,100,5,1,0,2\n'
        "No link,,2025/07/20 10:00,5,1,0,0,0\n"
        "Not a TikTok link,https://example.com/watch,2025/07/21 10:00,5,1,0,0,0\n"
    )
    table = load("videos.csv", data)
    assert table.frame.to_dict("records") == [
        {
            "video_id": JULY_2025_VIDEO,
            "video_url": f"https://www.tiktok.com/@brand/video/{JULY_2025_VIDEO}",
            "account_handle": "brand",
            "caption": "Hi, all",
            "posted_at": T("2025-07-16 10:21:48"),
            "total_views": 100,
            "total_likes": 5,
            "total_comments": 1,
            "total_shares": 0,
            "total_saves": 2,
        }
    ]
    assert table.warnings == ["2 rows have no TikTok video link or id we could read; they were left out."]


def test_the_video_detail_sheet_reads_european_decimals_and_drops_the_template_example():
    data = (
        video_details_template_csv()
        + (
            f'https://www.tiktok.com/@shop/video/{JULY_2025_VIDEO},Tutorial,34,"12,5","38,5%",120,15000,25\n'
        ).encode()
    )
    table = load("video_tracking.csv", data)
    assert table.kind == "video_details"
    assert table.frame.to_dict("records") == [
        {
            "video_id": JULY_2025_VIDEO,
            "video_url": f"https://www.tiktok.com/@shop/video/{JULY_2025_VIDEO}",
            "account_handle": "shop",
            "posted_at": T("2025-07-16 10:21:48"),
            "total_saves": 120,
            "reach": 15000,
            "new_followers": 25,
            "duration_seconds": 34.0,
            "average_watch_seconds": 12.5,
            "completion_rate": 0.385,
            "format": "Tutorial",
        }
    ]


def test_a_semicolon_video_detail_sheet_reads_the_same():
    data = (
        "Video link;Format;Duration (s);Avg. watch time (s);Completion rate;Saves;Reach;New followers\n"
        f"https://www.tiktok.com/@shop/video/{JULY_2025_VIDEO};Duet;20;8,5;38,5%;1;2;3\n"
    )
    assert load("details.csv", data).frame[
        ["video_id", "format", "average_watch_seconds", "completion_rate"]
    ].to_dict("records") == [
        {
            "video_id": JULY_2025_VIDEO,
            "format": "Duet",
            "average_watch_seconds": 8.5,
            "completion_rate": 0.385,
        }
    ]


BUSINESS_API_VIDEOS = (
    "item_id,caption,video_duration,likes,comments,shares,favorites,create_time,reach,video_views,"
    "average_time_watched,full_video_watched_rate,new_followers\n"
)


def test_the_business_api_video_list_keeps_its_19_digit_ids_exact():
    table = load(
        "videos.csv",
        BUSINESS_API_VIDEOS + f"{JULY_2025_VIDEO},hello,34.2,10,2,1,3,1752661308,900,1000,8.5,0.25,4\n",
    )
    assert table.frame.to_dict("records") == [
        {
            "video_id": JULY_2025_VIDEO,
            "caption": "hello",
            "posted_at": T("2025-07-16 10:21:48"),
            "total_views": 1000,
            "total_likes": 10,
            "total_comments": 2,
            "total_shares": 1,
            "total_saves": 3,
            "reach": 900,
            "new_followers": 4,
            "duration_seconds": 34.2,
            "average_watch_seconds": 8.5,
            "completion_rate": 0.25,
        }
    ]


def test_a_business_api_watched_rate_with_three_decimals_stays_a_fraction():
    table = load(
        "videos.csv",
        BUSINESS_API_VIDEOS + f"{JULY_2025_VIDEO},hello,34.2,10,2,1,3,1752661308,900,1000,8.5,0.125,4\n",
    )
    assert table.frame["completion_rate"].tolist() == [0.125]


# LIVE template ------------------------------------------------------------------------------------------


def test_the_live_template_example_row_is_dropped_and_real_sessions_kept():
    data = lives_template_csv() + b"2026-07-01 19:30,30,500,100,50,900,5,2,10,Summer launch\n"
    table = load("lives.csv", data)
    assert table.kind == "lives"
    assert table.frame.to_dict("records") == [
        {
            "started_at": T("2026-07-01 19:30:00"),
            "duration_minutes": 30.0,
            "viewers": 500,
            "peak_viewers": 100,
            "comments": 50,
            "likes": 900,
            "shares": 5,
            "gifts": 2,
            "new_followers": 10,
            "title": "Summer launch",
        }
    ]


def test_live_start_times_with_slashes_are_read_day_first_like_every_other_date():
    data = "start_time,duration_minutes,viewers,title\n03/06/2026 20:00,45,100,Q&A\n13/06/2026 20:00,30,80,Launch\n"
    assert load("lives.csv", data).frame["started_at"].tolist() == [
        T("2026-06-03 20:00"),
        T("2026-06-13 20:00"),
    ]


# Comments ----------------------------------------------------------------------------------------------------

KUMPARAN_VIDEO = "https://www.tiktok.com/@kumparan/video/7507890376124992786"


def test_apify_csv_marks_the_brand_reply_from_the_handle_in_the_video_link():
    data = (
        "avatarThumbnail,cid,createTime,createTimeISO,diggCount,input,likedByAuthor,pinnedByAuthor,repliesToId,"
        "replyCommentTotal,submittedVideoUrl,text,uid,uniqueId,videoWebUrl\n"
        f'x,7508169969612620562,1748132065,2025-05-25T00:14:25.000Z,3,{KUMPARAN_VIDEO},False,False,,1,{KUMPARAN_VIDEO},"Token, listrik\nmurah?",111,Nana_Arshero,{KUMPARAN_VIDEO}\n'
        f"x,7508169969612620999,1748135000,2025-05-25T01:03:20.000Z,0,{KUMPARAN_VIDEO},False,False,7508169969612620562,,{KUMPARAN_VIDEO},Iya kak,222,Kumparan,{KUMPARAN_VIDEO}\n"
    )  # fmt: skip
    table = load("dataset_tiktok-comments-scraper_2025-05-25_06-21-26-775.csv", data)
    assert table.frame.to_dict("records") == [
        {
            "comment_id": "7508169969612620562",
            "video_id": "7507890376124992786",
            "video_url": KUMPARAN_VIDEO,
            "member_id": "111",
            "member_handle": "Nana_Arshero",
            "member_name": None,
            "member_uid": "111",
            "text": "Token, listrik\nmurah?",
            "commented_at": T("2025-05-25 00:14:25"),
            "likes": 3,
            "parent_comment_id": None,
            "is_brand": False,
            "replies_known": True,
        },
        {
            "comment_id": "7508169969612620999",
            "video_id": "7507890376124992786",
            "video_url": KUMPARAN_VIDEO,
            "member_id": "222",
            "member_handle": "Kumparan",
            "member_name": None,
            "member_uid": "222",
            "text": "Iya kak",
            "commented_at": T("2025-05-25 01:03:20"),
            "likes": 0,
            "parent_comment_id": "7508169969612620562",
            "is_brand": True,
            "replies_known": True,
        },
    ]


def test_the_business_api_owner_flag_marks_the_brand_and_replies_keep_their_parent():
    items = [
        {"comment_id": "c0", "video_id": "7507890376124992786", "user_id": "u2", "unique_identifier": "fan",
         "display_name": "Fan", "text": "love it", "likes": 2, "replies": 1, "create_time": 1748132000,
         "status": "PUBLIC", "owner": False, "liked": False, "pinned": False, "parent_comment_id": None},
        {"comment_id": "c1", "video_id": "7507890376124992786", "user_id": "u1", "unique_identifier": "shop_official",
         "display_name": "Shop", "text": "thank you!", "likes": 1, "replies": 0, "create_time": 1748132065,
         "status": "PUBLIC", "owner": True, "liked": False, "pinned": False, "parent_comment_id": "c0"},
    ]  # fmt: skip
    table = load("business_api_comments.json", json.dumps(items))
    assert table.frame[["comment_id", "member_id", "member_name", "commented_at", "parent_comment_id", "is_brand"]].to_dict(
        "records"
    ) == [
        {"comment_id": "c0", "member_id": "u2", "member_name": "Fan", "commented_at": T("2025-05-25 00:13:20"),
         "parent_comment_id": None, "is_brand": False},
        {"comment_id": "c1", "member_id": "u1", "member_name": "Shop",
         "commented_at": T("2025-05-25 00:14:25"), "parent_comment_id": "c0", "is_brand": True},
    ]  # fmt: skip


def test_raw_web_fields_mark_the_creator_label_and_reply_id_zero_is_top_level():
    document = {
        "comments": [
            {"aweme_id": "7507890376124992786", "cid": "7508169969612620562", "create_time": 1748132065,
             "digg_count": 5, "reply_comment_total": 1, "reply_id": "0", "text": "mantap",
             "user": {"uid": "9", "unique_id": "Fan1", "nickname": "F"}, "label_text": ""},
            {"aweme_id": "7507890376124992786", "cid": "7508169969612620999", "create_time": 1748132100,
             "digg_count": 0, "reply_comment_total": 0, "reply_id": "7508169969612620562", "text": "makasih",
             "user": {"uid": "8", "unique_id": "someone_else", "nickname": "Creator name"}, "label_text": "Creator"},
        ]
    }  # fmt: skip
    table = load("raw.json", json.dumps(document))
    assert table.frame[["comment_id", "video_id", "member_id", "likes", "parent_comment_id", "is_brand"]].to_dict(
        "records"
    ) == [
        {"comment_id": "7508169969612620562", "video_id": "7507890376124992786", "member_id": "9", "likes": 5,
         "parent_comment_id": None, "is_brand": False},
        {"comment_id": "7508169969612620999", "video_id": "7507890376124992786", "member_id": "8",
         "likes": 0, "parent_comment_id": "7508169969612620562", "is_brand": True},
    ]  # fmt: skip


def test_the_excel_exporter_has_no_handle_so_the_member_is_the_numeric_author_id():
    frame = pd.DataFrame(
        [["7520280299164779271", "sonnie", "7018607705926960134", "Tangu nianze 😂", "2025-06-26 18:28:29", "15975", "442",
          "https://www.tiktok.com/@mcexodus/video/7520277611004595512?commentId=7520280299164779271"]],
        columns=["Comment ID", "Author Name", "Author ID", "Comment Text", "Created Time", "Likes Count", "Reply Count", "URL"],
    )  # fmt: skip
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Comments", index=False)
        pd.DataFrame({"Source URL": ["Total Comments"], "x": ["1"]}).to_excel(
            writer, sheet_name="Metadata", index=False
        )
    table = load("tiktok_comments_20250802_134414.xlsx", buffer.getvalue())
    assert table.source == "tiktok_comments_20250802_134414.xlsx › Comments"
    assert table.frame.to_dict("records") == [
        {
            "comment_id": "7520280299164779271",
            "video_id": "7520277611004595512",
            "video_url": "https://www.tiktok.com/@mcexodus/video/7520277611004595512?commentId=7520280299164779271",
            "member_id": "7018607705926960134",
            "member_handle": None,
            "member_name": "sonnie",
            "member_uid": "7018607705926960134",
            "text": "Tangu nianze 😂",
            "commented_at": T("2025-06-26 18:28:29"),
            "likes": 15975,
            "parent_comment_id": None,
            "is_brand": False,
            "replies_known": False,
        }
    ]


def test_nested_scraper_replies_keep_the_id_of_the_comment_they_answer():
    document = {
        "caption": "nemu video lama",
        "video_url": "https://t.tiktok.com/i18n/share/video/7418294751977327878/?share_item_id=7418294751977327878",
        "comments": [
            {"comment_id": "7418491557803131654", "username": "sudesnusap", "nickname": "Raenand",
             "comment": "@hyungseokk11 katanya mau nonton", "create_time": "2024-09-25T15:16:28", "total_reply": 1,
             "replies": [{"comment_id": "7419153469528113925", "username": "hyungseokk11", "nickname": "Park",
                          "comment": "gasss", "create_time": "2024-09-27T10:04:56", "total_reply": None, "replies": []}]},
        ],
    }  # fmt: skip
    table = load("7418294751977327878.json", json.dumps(document))
    assert table.frame[["comment_id", "video_id", "member_id", "member_name", "commented_at", "parent_comment_id"]].to_dict(
        "records"
    ) == [
        {"comment_id": "7418491557803131654", "video_id": "7418294751977327878", "member_id": "sudesnusap",
         "member_name": "Raenand", "commented_at": T("2024-09-25 15:16:28"), "parent_comment_id": None},
        {"comment_id": "7419153469528113925", "video_id": "7418294751977327878", "member_id": "hyungseokk11",
         "member_name": "Park", "commented_at": T("2024-09-27 10:04:56"), "parent_comment_id": "7418491557803131654"},
    ]  # fmt: skip


@pytest.mark.parametrize(
    "written",
    [
        "2025-05-25T00:14:25.000Z",
        "2025-05-25T00:14:25Z",
        "2025-05-25T07:14:25+07:00",
        "1748132065",
        "1748132065000",
        "2025-05-25 00:14:25",
    ],
)
def test_comment_times_in_every_form_become_one_utc_moment(written):
    table = load("comments.csv", f"text,createTime,uniqueId\nhello,{written},bob\n")
    assert table.frame["commented_at"].tolist() == [T("2025-05-25 00:14:25")]


def test_comments_without_author_or_time_are_left_out_with_warnings():
    data = "text,createTime,uniqueId\nhello,1748132065,\nhey,1748132065, \nhi,not a time,alice\nyo,,carl\nok,1748132065,bob\n"
    table = load("comments.csv", data)
    assert table.frame["member_id"].tolist() == ["bob"]
    assert table.warnings == [
        "2 comments have no author; they were left out.",
        "2 comments have no time we could read; they were left out.",
        "No video link or id in this file: comments cannot be matched to videos.",
        "This export does not show replies (no parent comment column): the reply rate cannot be measured from it.",
    ]


def test_a_comment_file_without_ids_gets_stable_ids_from_who_when_and_what():
    data = "text,createTime,uniqueId\nhello,1748132065,bob\n"
    first = load("a.csv", data).frame["comment_id"].tolist()
    again = load("b.csv", data).frame["comment_id"].tolist()
    assert first == again
    assert first[0].startswith("h")


@pytest.mark.parametrize(
    "written", ["99999999999", "0001-01-01", "9999-12-31T23:59:59Z", "May 1", "3M", "-3"]
)
def test_a_comment_time_outside_tiktoks_lifetime_is_left_out(written):
    table = load("comments.csv", f"text,createTime,uniqueId\nhello,{written},bob\nok,1748132065,ann\n")
    assert table.frame["member_id"].tolist() == ["ann"]


# Every comment layout: who the person is (handle, display name, user id) and whether replies show.
V = "https://www.tiktok.com/@brand/video/7507890376124992786"
COMMENT_LAYOUTS = {
    "apify all fields": (
        "avatarThumbnail,cid,createTime,createTimeISO,diggCount,input,likedByAuthor,pinnedByAuthor,repliesToId,"
        f"replyCommentTotal,submittedVideoUrl,text,uid,uniqueId,videoWebUrl\nx,71,1,2025-05-25T00:14:25.000Z,0,{V},"
        f"False,False,,0,{V},hi,111,Fan_1,{V}\n",
        ("111", "Fan_1", None, "111", True),
    ),
    "apify default view": (
        f'"text","diggCount","replyCommentTotal","createTimeISO","uniqueId","videoWebUrl","uid","cid","avatarThumbnail"\n'
        f"hi,0,0,2025-05-25T00:14:25.000Z,Fan_1,{V},111,71,x\n",
        ("111", "Fan_1", None, "111", False),
    ),
    "scraper with author fields": (
        "commentId,text,authorUsername,authorName,authorId,likeCount,replyCount,createdAt,isReply,parentCommentId,videoId,videoUrl\n"
        f"71,hi,fan_1,Fan One,111,0,0,2025-05-25T00:14:25Z,false,,7507890376124992786,{V}\n",
        ("111", "fan_1", "Fan One", "111", True),
    ),
    "scraper with nicknames": (
        "videoId,videoUrl,commentId,text,likes,replyCount,createdAt,authorUsername,authorNickname,likedByCreator,language,isReply,parentCommentId\n"
        f"7507890376124992786,{V},71,hi,0,0,2025-05-25T00:14:25Z,fan_1,Fan One,false,vi,false,\n",
        ("fan_1", "fan_1", "Fan One", None, True),
    ),
    "scraper with a user object": (
        "awemeId,createdAt,likeCount,replyCount,user.username,text\n7507890376124992786,2025-05-25T00:14:25Z,0,0,fan_1,hi\n",
        ("fan_1", "fan_1", None, None, False),
    ),
    "excel exporter": (
        "Comment ID,Author Name,Author ID,Comment Text,Created Time,Likes Count,Reply Count,URL\n"
        f"71,Fan One,111,hi,2025-05-25 00:14:25,0,0,{V}?commentId=71\n",
        ("111", None, "Fan One", "111", False),
    ),
    "business api": (
        "comment_id,video_id,user_id,unique_identifier,display_name,text,likes,replies,create_time,status,owner,liked,pinned,parent_comment_id\n"
        "71,7507890376124992786,111,fan_1,Fan One,hi,0,0,1748132065,PUBLIC,false,false,false,\n",
        ("111", "fan_1", "Fan One", "111", True),
    ),
}


@pytest.mark.parametrize("layout", list(COMMENT_LAYOUTS))
def test_every_comment_layout_keys_by_user_id_keeps_handle_and_name_apart_and_says_if_replies_show(layout):
    data, (key, handle, name, uid, replies) = COMMENT_LAYOUTS[layout]
    [row] = load("comments.csv", data).frame.to_dict("records")
    assert (row["member_id"], row["member_handle"], row["member_name"], row["member_uid"]) == (
        key,
        handle,
        name,
        uid,
    )
    assert row["replies_known"] is replies


def test_a_nested_scraper_file_shows_replies_even_when_nobody_replied():
    document = {
        "video_url": "https://www.tiktok.com/@brand/video/7418294751977327878",
        "comments": [{"comment_id": "71", "username": "fan_1", "nickname": "Fan One", "comment": "hi",
                      "create_time": "2024-09-25T15:16:28", "total_reply": 0, "replies": []}],
    }  # fmt: skip
    [row] = load("7418294751977327878.json", json.dumps(document)).frame.to_dict("records")
    assert (row["member_id"], row["member_name"], row["parent_comment_id"], row["replies_known"]) == (
        "fan_1",
        "Fan One",
        None,
        True,
    )


def test_the_excel_exporter_metadata_link_gives_the_video_and_account_when_its_rows_lack_them():
    comments = pd.DataFrame(
        [["71", "Fan One", "111", "hi", "2025-05-25 00:14:25", "0", "0", "https://www.tiktok.com/video/?commentId=71"]],
        columns=["Comment ID", "Author Name", "Author ID", "Comment Text", "Created Time", "Likes Count", "Reply Count", "URL"],
    )  # fmt: skip
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        comments.to_excel(writer, sheet_name="Comments", index=False)
        pd.DataFrame([["Total Comments", "1"]], columns=["Source URL", V]).to_excel(
            writer, sheet_name="Metadata", index=False
        )
    [row] = load("tiktok_comments_20250802_134414.xlsx", buffer.getvalue()).frame.to_dict("records")
    assert row["video_id"] == "7507890376124992786"
