"""Acceptance: every genuine export in ../shared/real_exports loads with the right kind, rows, dates and totals.

Expected numbers are computed here independently with pandas from the files themselves; the dates
follow the anchor rule: no date in these file names, so the last row is "yesterday" (21 November
2026) or the latest earlier day with that month and day.
"""

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from analytics.ingest import Context, LoadedTable, ingest_file
from analytics.workspace import Workspace

REAL_EXPORTS = Path(__file__).resolve().parents[2] / "shared" / "real_exports"
# Each test skips on its own when the folder is absent, so the skip count says how many did not run.
pytestmark = pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="../shared/real_exports is absent")

TODAY = date(2026, 11, 22)
HTUPY = "tiktok-studio_en-US_htupycollabs"
GREEK = "tiktok-studio_el-GR_okn-analytics"
APIFY = (
    "apify-tiktok-comments-scraper_json_farrelad/dataset_tiktok-comments-scraper_2025-05-25_06-21-26-775.json"
)
NESTED = "comments-json_romysaputra-scrapper/7418294751977327878.json"
EXCEL_COMMENTS = "comments-xlsx_haron416-exporter/tiktok_comments_20250802_134414.xlsx"


def real_files() -> list[str]:
    return sorted(
        str(path.relative_to(REAL_EXPORTS))
        for path in REAL_EXPORTS.rglob("*")
        if path.is_file() and path.suffix != ".md"
    )


def load(relative: str) -> LoadedTable:
    path = REAL_EXPORTS / relative
    result = ingest_file(path.name, path.read_bytes(), context=Context(today=TODAY))
    assert [problem.message for problem in result.problems] == []
    assert [pending.source for pending in result.pending] == []
    [table] = result.tables
    return table


def studio_frame(relative: str) -> pd.DataFrame:
    """The file as pandas reads it on its own: text cells, `undefined` as missing."""
    frame = pd.read_csv(REAL_EXPORTS / relative, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    return frame.replace("undefined", pd.NA)


def column_total(relative: str, column: str) -> int:
    return int(pd.to_numeric(studio_frame(relative)[column]).sum())


def video_id_time(video_id: str) -> datetime:
    return datetime(1970, 1, 1) + timedelta(seconds=int(video_id) >> 32)


EXPECTED = [
    # file, kind, rows, first date, last date
    (f"{HTUPY}/Overview.csv", "overview", 365, date(2025, 2, 28), date(2026, 2, 27)),
    (f"{HTUPY}/Viewers.csv", "viewers", 365, date(2025, 2, 28), date(2026, 2, 27)),
    (f"{HTUPY}/Content.csv", "content", 13, date(2025, 4, 8), date(2026, 2, 1)),
    (
        f"{HTUPY}/Followers_haileytupy2.0/FollowerHistory.csv",
        "follower_history",
        365,
        date(2025, 2, 28),
        date(2026, 2, 27),
    ),
    (
        f"{HTUPY}/Followers_haileytupy2.0/FollowerActivity.csv",
        "follower_activity",
        168,
        date(2026, 2, 21),
        date(2026, 2, 27),
    ),
    (f"{HTUPY}/Followers_haileytupy2.0/FollowerGender.csv", "follower_gender", 3, None, None),
    (f"{HTUPY}/Followers_haileytupy2.0/FollowerTopTerritories.csv", "follower_territories", 11, None, None),
    (f"{GREEK}/Overview.csv", "overview", 28, date(2026, 2, 25), date(2026, 3, 24)),
    (f"{GREEK}/Content.csv", "content", 15, date(2026, 1, 12), date(2026, 3, 15)),
    ("tiktok-studio_es_francovelardez44/Overview.csv", "overview", 7, date(2026, 3, 8), date(2026, 3, 14)),
    (
        "tiktok-studio_small-account_sobatti/Followers_sobat.ti/FollowerGender.csv",
        "follower_gender",
        0,
        None,
        None,
    ),
    ("tiktok-studio_xlsx_bosszy27/Overview.xlsx", "overview", 7, date(2026, 4, 12), date(2026, 4, 18)),
    (APIFY, "comments", 500, date(2025, 5, 24), date(2025, 5, 25)),
    (NESTED, "comments", 38, date(2024, 9, 25), date(2024, 9, 29)),
    (EXCEL_COMMENTS, "comments", 500, date(2025, 6, 26), date(2025, 8, 2)),
]


def test_every_real_export_has_an_expectation():
    assert real_files() == sorted(relative for relative, *_ in EXPECTED)


@pytest.mark.parametrize(
    ("relative", "kind", "rows", "first", "last"), EXPECTED, ids=[row[0] for row in EXPECTED]
)
def test_each_real_export_loads_with_its_kind_rows_and_dates(relative, kind, rows, first, last):
    table = load(relative)
    assert (table.kind, table.rows, table.date_range()) == (kind, rows, (first, last))


# TikTok Studio daily files -------------------------------------------------------------------------------

DAILY_TOTALS = [
    (f"{HTUPY}/Overview.csv", {"video_views": "Video Views", "profile_views": "Profile Views", "likes": "Likes",
                               "comments": "Comments", "shares": "Shares"}),
    (f"{HTUPY}/Viewers.csv", {"total_viewers": "Total Viewers", "new_viewers": "New Viewers",
                              "returning_viewers": "Returning Viewers"}),
    (f"{GREEK}/Overview.csv", {"video_views": "Video Views", "likes": "Likes", "shares": "Shares"}),
    ("tiktok-studio_es_francovelardez44/Overview.csv", {"video_views": "Video Views", "likes": "Likes"}),
    (f"{HTUPY}/Followers_haileytupy2.0/FollowerActivity.csv", {"active_followers": "Active followers"}),
]  # fmt: skip


@pytest.mark.parametrize(("relative", "columns"), DAILY_TOTALS, ids=[row[0] for row in DAILY_TOTALS])
def test_daily_totals_match_the_file_summed_by_pandas(relative, columns):
    frame = load(relative).frame
    assert {name: int(frame[name].sum()) for name in columns} == {
        name: column_total(relative, header) for name, header in columns.items()
    }


def test_the_overview_keeps_negative_comment_days_as_they_are():
    frame = load(f"{HTUPY}/Overview.csv").frame
    raw = pd.to_numeric(studio_frame(f"{HTUPY}/Overview.csv")["Comments"])
    assert int((frame["comments"] < 0).sum()) == int((raw < 0).sum()) > 0


def test_the_overview_keeps_the_file_order_day_after_day():
    frame = load(f"{HTUPY}/Overview.csv").frame
    assert frame["stat_date"].tolist() == [
        date(2025, 2, 28) + timedelta(days=offset) for offset in range(365)
    ]
    assert (
        frame["video_views"].tolist()
        == pd.to_numeric(studio_frame(f"{HTUPY}/Overview.csv")["Video Views"]).tolist()
    )


def test_undefined_viewers_and_followers_stay_missing():
    viewers = load(f"{HTUPY}/Viewers.csv")
    history = load(f"{HTUPY}/Followers_haileytupy2.0/FollowerHistory.csv")
    assert int(viewers.frame["total_viewers"].isna().sum()) == 25
    assert int(history.frame["followers"].isna().sum()) == int(studio_frame(f"{HTUPY}/Followers_haileytupy2.0/FollowerHistory.csv")["Followers"].isna().sum())  # fmt: skip
    assert (
        "25 days have no viewer count (\u201cundefined\u201d in the file); left empty, not zero."
        in viewers.warnings
    )


def test_follower_growth_sums_to_the_change_in_the_running_total():
    frame = load(f"{HTUPY}/Followers_haileytupy2.0/FollowerHistory.csv").frame
    known = frame.dropna(subset=["followers"])
    assert int(frame["net_followers"].sum()) == int(known["followers"].iloc[-1] - known["followers"].iloc[0])
    assert known["followers"].iloc[-1] == 5013


def test_the_gender_split_is_the_files_fractions():
    assert load(f"{HTUPY}/Followers_haileytupy2.0/FollowerGender.csv").frame.to_dict("records") == [
        {"gender": "Female", "share": 0.59},
        {"gender": "Male", "share": 0.41},
        {"gender": "Other", "share": 0.0},
    ]


def test_the_top_territories_are_the_files_fractions():
    raw = studio_frame(f"{HTUPY}/Followers_haileytupy2.0/FollowerTopTerritories.csv")
    expected = [{"territory_code": code, "share": float(share)} for code, share in zip(raw["Top territories"], raw["Distribution"], strict=True)]  # fmt: skip
    assert (
        load(f"{HTUPY}/Followers_haileytupy2.0/FollowerTopTerritories.csv").frame.to_dict("records")
        == expected
    )


def test_the_small_accounts_header_only_gender_file_is_empty_not_an_error():
    table = load("tiktok-studio_small-account_sobatti/Followers_sobat.ti/FollowerGender.csv")
    assert (table.rows, list(table.frame.columns)) == (0, ["gender", "share"])


def test_the_sheetjs_xlsx_overview_reads_like_a_csv_would():
    raw = pd.read_excel(
        REAL_EXPORTS / "tiktok-studio_xlsx_bosszy27/Overview.xlsx", dtype=str, engine="calamine"
    )
    frame = load("tiktok-studio_xlsx_bosszy27/Overview.xlsx").frame
    assert frame["stat_date"].tolist() == [date(2026, 4, day) for day in range(12, 19)]
    assert frame["video_views"].tolist() == [int(value) for value in raw["Video Views"]]
    assert int(frame["video_views"].sum()) == 7919


# Content -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", [HTUPY, GREEK])
def test_content_ids_are_exact_and_post_times_come_from_them(folder):
    raw = studio_frame(f"{folder}/Content.csv")
    ids = [re.search(r"/video/(\d{19})", url).group(1) for url in raw["Video link"]]
    frame = load(f"{folder}/Content.csv").frame
    assert frame["video_id"].tolist() == ids
    assert frame["posted_at"].tolist() == [pd.Timestamp(video_id_time(video_id)) for video_id in ids]
    assert frame["total_views"].tolist() == pd.to_numeric(raw["Total views"]).tolist()


@pytest.mark.parametrize(
    ("folder", "download_day"),
    [(HTUPY, date(2026, 2, 28)), (GREEK, date(2026, 3, 25))],
)
def test_content_is_dated_on_its_download_day_after_the_newest_video(folder, download_day):
    table = load(f"{folder}/Content.csv")
    assert table.download_date == download_day
    assert set(table.frame["stats_date"]) == {download_day}


# Comments -----------------------------------------------------------------------------------------------------


def test_apify_comments_keep_every_id_exact_with_the_video_from_the_link():
    items = json.loads((REAL_EXPORTS / APIFY).read_text(encoding="utf-8"))
    frame = load(APIFY).frame
    assert frame["comment_id"].tolist() == [item["cid"] for item in items]
    # Keyed by TikTok's user id (a handle can change), the handle kept to show.
    assert frame["member_id"].tolist() == [item["uid"] for item in items]
    assert frame["member_handle"].tolist() == [item["uniqueId"] for item in items]
    assert set(frame["video_id"]) == {"7507890376124992786"}
    assert int(frame["likes"].sum()) == sum(item["diggCount"] for item in items)
    assert frame["commented_at"].tolist() == [
        pd.Timestamp(item["createTimeISO"]).tz_convert(None) for item in items
    ]
    assert not frame["is_brand"].any()  # @kumparan never replied in this sample


def test_the_nested_scraper_has_36_comments_and_2_replies_linked_to_their_parents():
    document = json.loads((REAL_EXPORTS / NESTED).read_text(encoding="utf-8"))
    expected_replies = {
        reply["comment_id"]: comment["comment_id"]
        for comment in document["comments"]
        for reply in comment["replies"]
    }
    frame = load(NESTED).frame
    replies = frame.dropna(subset=["parent_comment_id"])
    assert (len(frame) - len(replies), len(replies)) == (36, 2)
    assert dict(zip(replies["comment_id"], replies["parent_comment_id"], strict=True)) == expected_replies
    assert set(frame["video_id"]) == {"7418294751977327878"}


def test_the_excel_exporter_members_are_their_numeric_author_ids():
    raw = pd.read_excel(REAL_EXPORTS / EXCEL_COMMENTS, sheet_name="Comments", dtype=str, engine="calamine")
    frame = load(EXCEL_COMMENTS).frame
    assert frame["comment_id"].tolist() == raw["Comment ID"].tolist()
    assert frame["member_id"].tolist() == raw["Author ID"].tolist()
    assert frame["member_handle"].isna().all()
    assert int(frame["likes"].sum()) == int(pd.to_numeric(raw["Likes Count"]).sum()) == 78791
    assert set(frame["video_id"]) == {"7520277611004595512"}
    assert frame["commented_at"].tolist() == pd.to_datetime(raw["Created Time"]).tolist()


# One workspace per account --------------------------------------------------------------------------------------


def account_workspace(folder: str) -> Workspace:
    files = sorted(path for path in (REAL_EXPORTS / folder).rglob("*") if path.is_file())
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files([(path.name, path.read_bytes()) for path in files])
    assert [problem.message for problem in ws.problems] == []
    assert ws.pending == []
    return ws


def table_counts(ws: Workspace) -> dict[str, int]:
    tables = [
        "daily_stats",
        "videos",
        "follower_activity",
        "audience_gender",
        "audience_territories",
        "comments",
        "lives",
    ]
    return {table: ws.con.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables}


def test_the_english_account_merges_into_one_row_a_day_with_every_column():
    ws = account_workspace(HTUPY)
    assert table_counts(ws) == {
        "daily_stats": 365,
        "videos": 13,
        "follower_activity": 168,
        "audience_gender": 3,
        "audience_territories": 11,
        "comments": 0,
        "lives": 0,
    }
    totals = ws.con.execute(
        """
        select min(stat_date), max(stat_date), sum(video_views)::bigint, sum(total_viewers)::bigint,
               max(followers)::bigint, sum(net_followers)::bigint
        from daily_stats
        """
    ).fetchone()
    history = studio_frame(f"{HTUPY}/Followers_haileytupy2.0/FollowerHistory.csv")
    assert totals == (
        date(2025, 2, 28),
        date(2026, 2, 27),
        column_total(f"{HTUPY}/Overview.csv", "Video Views"),
        column_total(f"{HTUPY}/Viewers.csv", "Total Viewers"),
        int(pd.to_numeric(history["Followers"]).max()),
        5013 - int(pd.to_numeric(history["Followers"]).dropna().iloc[0]),
    )
    assert ws.merge_notes == []
    assert ws.detected_brand_handles() == ["haileytupy2.0"]


@pytest.mark.parametrize(
    ("folder", "counts", "views"),
    [
        # The Greek file's own total, read when the test runs (not at collection: the folder may be absent).
        (
            GREEK,
            {"daily_stats": 28, "videos": 15},
            lambda: column_total(f"{GREEK}/Overview.csv", "Video Views"),
        ),
        ("tiktok-studio_es_francovelardez44", {"daily_stats": 7}, 9),
        ("tiktok-studio_xlsx_bosszy27", {"daily_stats": 7}, 7919),
        ("tiktok-studio_small-account_sobatti", {}, None),
    ],
)
def test_each_other_account_loads_on_its_own(folder, counts, views):
    ws = account_workspace(folder)
    assert {table: count for table, count in table_counts(ws).items() if count} == counts
    expected = views() if callable(views) else views
    assert ws.con.execute("select sum(video_views)::bigint from daily_stats").fetchone()[0] == expected


@pytest.mark.parametrize(
    ("folder", "comments", "replies", "members"),
    [
        ("apify-tiktok-comments-scraper_json_farrelad", 500, 0, 493),
        ("comments-json_romysaputra-scrapper", 38, 2, 37),
        ("comments-xlsx_haron416-exporter", 500, 0, 498),
    ],
)
def test_each_comment_export_loads_every_comment_once(folder, comments, replies, members):
    ws = account_workspace(folder)
    counted = ws.con.execute(
        "select count(*), count(distinct comment_id), count(parent_comment_id), count(distinct member_id) from comments"
    ).fetchone()
    assert counted == (comments, comments, replies, members)
