"""The same comments in two layouts (Apify's CSV and an Excel exporter's workbooks) give the same members.

A seeded generator writes one community (fans, their comments over four months, the brand's replies
under nearly every video) in both layouts, as the tools write them: Apify's all-fields CSV (handle,
user id, parent id, no display name) and one Excel exporter workbook per video (display name,
numeric author id, no handle, no parent id, a `Metadata` sheet with the video's link).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.members import NO_REPLIES, member_labels, member_stats, member_tiers, reply_effect, reply_stats
from analytics.workspace import Workspace

BRAND_HANDLE = "brewhaus_dn"
BRAND_NAME = "BrewHaus Đà Nẵng"
BRAND_UID = "6700000000000047514"
FIRST_DAY = datetime(2026, 7, 1, 8, 0)
APIFY_HEADER = (
    "avatarThumbnail,cid,createTime,createTimeISO,diggCount,input,likedByAuthor,pinnedByAuthor,repliesToId,"
    "replyCommentTotal,submittedVideoUrl,text,uid,uniqueId,videoWebUrl"
).split(",")
EXCEL_HEADER = [
    "Comment ID",
    "Author Name",
    "Author ID",
    "Comment Text",
    "Created Time",
    "Likes Count",
    "Reply Count",
    "URL",
]
MEMBER_COLUMNS = ["member_id", "tier", "count_comments", "count_videos", "active_weeks", "reason"]


def community(seed: int = 7, count_videos: int = 12, count_fans: int = 60) -> pd.DataFrame:
    """Comments of one brand's videos: fans with a loyalty of their own, and the brand answering."""
    rng = np.random.default_rng(seed)
    videos = [
        (str(7600000000000000000 + 1000 * index), FIRST_DAY + timedelta(days=10 * index))
        for index in range(count_videos)
    ]
    fans = [
        (str(6800000000000000000 + 7919 * index), f"fan_{index:03d}", f"Fan {index} ☕")
        for index in range(count_fans)
    ]
    loyalty = rng.uniform(0.02, 0.8, count_fans)  # each fan's chance to comment on a video
    rows, next_id = [], 7610000000000000000
    for video_id, posted in videos:
        for (uid, handle, name), chance in zip(fans, loyalty, strict=True):
            if rng.random() >= chance:
                continue
            next_id += int(rng.integers(1, 50))
            at = posted + timedelta(minutes=int(rng.integers(5, 60 * 48)))
            rows.append([str(next_id), video_id, uid, handle, name, f"Ngon quá {next_id % 97}", at, None])
            if rng.random() < 0.45:  # the brand answers almost half the comments, a few hours later
                next_id += 1
                reply_at = at + timedelta(minutes=int(rng.integers(10, 60 * 20)))
                rows.append(
                    [
                        str(next_id),
                        video_id,
                        BRAND_UID,
                        BRAND_HANDLE,
                        BRAND_NAME,
                        "Cảm ơn bạn!",
                        reply_at,
                        rows[-1][0],
                    ]
                )
    frame = pd.DataFrame(
        rows, columns=["cid", "video_id", "uid", "handle", "name", "text", "at", "parent"]
    ).sort_values("cid", ignore_index=True)
    frame["likes"] = rng.integers(0, 40, len(frame))
    return frame


def link(video_id: str) -> str:
    return f"https://www.tiktok.com/@{BRAND_HANDLE}/video/{video_id}"


def apify_csv(comments: pd.DataFrame, *, with_uid: bool = True) -> bytes:
    """Apify's all-fields CSV: alphabetical columns, booleans as False/True, ISO times in UTC."""
    header = APIFY_HEADER if with_uid else [column for column in APIFY_HEADER if column != "uid"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    replies = comments["parent"].value_counts()
    for row in comments.itertuples():
        record = {
            "avatarThumbnail": f"https://example.com/avatars/{row.uid[-6:]}.jpeg",
            "cid": row.cid,
            "createTime": int(row.at.timestamp()),
            "createTimeISO": row.at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "diggCount": row.likes,
            "input": link(row.video_id),
            "likedByAuthor": "False",
            "pinnedByAuthor": "False",
            "repliesToId": row.parent or "",
            "replyCommentTotal": int(replies.get(row.cid, 0)),
            "submittedVideoUrl": link(row.video_id),
            "text": row.text,
            "uid": row.uid,
            "uniqueId": row.handle,
            "videoWebUrl": link(row.video_id),
        }
        writer.writerow([record[column] for column in header])
    return buffer.getvalue().encode("utf-8")


def excel_workbooks(comments: pd.DataFrame) -> list[tuple[str, bytes]]:
    """One Excel exporter workbook per video: `Comments` with display names and ids, `Metadata` with the link."""
    files = []
    replies = comments["parent"].value_counts()
    for number, (video_id, rows) in enumerate(comments.groupby("video_id", sort=True)):
        sheet = pd.DataFrame(
            {
                "Comment ID": rows["cid"],
                "Author Name": rows["name"],
                "Author ID": rows["uid"],
                "Comment Text": rows["text"],
                "Created Time": rows["at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
                "Likes Count": rows["likes"],
                "Reply Count": rows["cid"].map(replies).fillna(0).astype(int),
                "URL": link(video_id) + "?commentId=" + rows["cid"],
            }
        )[EXCEL_HEADER]
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            sheet.to_excel(writer, sheet_name="Comments", index=False)
            pd.DataFrame(
                [["Extraction Date", "2026-11-21 10:00:00"], ["Total Comments", str(len(rows))]],
                columns=["Source URL", link(video_id)],
            ).to_excel(writer, sheet_name="Metadata", index=False)
        files.append((f"tiktok_comments_20261121_1000{number:02d}.xlsx", buffer.getvalue()))
    return files


def loaded(*batches: list[tuple[str, bytes]]) -> Workspace:
    workspace = Workspace(today=date(2026, 11, 22), remember_mappings=False)
    for files in batches:
        workspace.add_files(files)
    return workspace


def members(workspace: Workspace) -> pd.DataFrame:
    tiers = member_tiers(member_stats(workspace.con))
    return tiers.sort_values("member_id", ignore_index=True)


@pytest.fixture(scope="module")
def comments() -> pd.DataFrame:
    return community()


def test_the_generated_community_has_loyal_fans_and_brand_replies_on_every_video(comments):
    brand = comments[comments["uid"] == BRAND_UID]
    assert brand["video_id"].nunique() == comments["video_id"].nunique() == 12
    assert 80 < len(brand) < len(comments) / 2
    tiers = members(loaded([("apify.csv", apify_csv(comments))]))["tier"]
    assert {"Champion", "One-time"} <= set(tiers)


def test_the_same_comments_in_two_layouts_give_the_same_members_alone_or_together(comments):
    apify = [("dataset_tiktok-comments-scraper_2026-11-21_10-00-00-000.csv", apify_csv(comments))]
    excel = excel_workbooks(comments)
    by_apify, by_excel = loaded(apify), loaded(excel)
    apify_first, excel_first = loaded(apify, excel), loaded(excel, apify)

    fans = comments[comments["uid"] != BRAND_UID]
    expected = members(by_apify)
    assert sorted(expected["member_id"]) == sorted(fans["uid"].unique())  # the brand is no member
    for workspace in (by_excel, apify_first, excel_first):
        assert members(workspace)[MEMBER_COLUMNS].equals(expected[MEMBER_COLUMNS])

    # The best of both records: the handle from Apify, the display name from the exporter.
    together = members(apify_first)
    assert together["member_handle"].notna().all() and together["member_name"].notna().all()
    first = together.iloc[0]
    assert member_labels(together).iloc[0] == f"{first['member_name']} (@{first['member_handle']})"
    assert member_labels(members(by_excel)).iloc[0] == first["member_name"]

    # Replies: measured where a file shows them, and the same with or without the exporter's files.
    replies = reply_stats(by_apify.con)
    top_level = fans["parent"].isna()
    answered = fans.loc[top_level, "cid"].isin(comments["parent"])
    assert replies[["count_top_level_comments", "count_replied_comments"]].iloc[0].tolist() == [
        int(top_level.sum()),
        int(answered.sum()),
    ]
    for workspace in (apify_first, excel_first):
        assert reply_stats(workspace.con).equals(replies)
        assert reply_effect(workspace.con) == reply_effect(by_apify.con)
    alone = reply_stats(by_excel.con).iloc[0]
    assert not alone["replies_shown"] and pd.isna(alone["reply_rate"])
    assert NO_REPLIES in reply_effect(by_excel.con)["sentence"]


def test_the_exporter_alone_finds_the_brand_as_the_account_on_nearly_every_video(comments):
    workspace = loaded(excel_workbooks(comments))
    accounts = workspace.brand_accounts()
    assert accounts["member_id"].tolist() == [BRAND_UID]
    assert accounts["member_name"].tolist() == [BRAND_NAME]
    assert accounts["reason"].iloc[0].startswith("it commented on 12 of 12 videos")
    assert workspace.con.execute("select count(*) from comments where is_brand").fetchone()[0] == int(
        (comments["uid"] == BRAND_UID).sum()
    )


def test_a_handle_only_file_and_the_exporter_link_each_person_through_their_shared_comments(comments):
    # Apify without its uid column keys people by handle; the exporter covers only the first 6 videos
    # and keys them by id. Comments in both carry both, and tie the person's other comments to the id.
    first_videos = sorted(comments["video_id"].unique())[:6]
    handles_only = loaded([("apify.csv", apify_csv(comments, with_uid=False))])
    both = loaded(
        [("apify.csv", apify_csv(comments, with_uid=False))],
        excel_workbooks(comments[comments["video_id"].isin(first_videos)]),
    )
    alone, together = members(handles_only), members(both)
    assert len(together) == len(alone)
    by_handle = together.set_index("member_handle")
    expected = alone.set_index("member_handle")[MEMBER_COLUMNS[1:]]
    assert by_handle.loc[expected.index, MEMBER_COLUMNS[1:]].equals(expected)
    seen_early = comments.loc[comments["video_id"].isin(first_videos) & (comments["uid"] != BRAND_UID)]
    assert set(by_handle.loc[list(seen_early["handle"].unique()), "member_id"]) == set(seen_early["uid"])


def test_a_member_of_the_exporter_gets_no_at_sign_and_a_numeric_id_is_shown_as_it_is():
    frame = pd.DataFrame(
        {
            "member_id": ["6800000000000000001", "6800000000000000002", "fan_3"],
            "member_handle": [None, None, "fan_3"],
            "member_name": ["Lan Anh", None, None],
        }
    )
    assert member_labels(frame).tolist() == ["Lan Anh", "6800000000000000002", "@fan_3"]


def test_a_comment_file_mapped_by_hand_can_key_people_by_their_user_id_and_show_their_name():
    data = "Mã người dùng;Tên hiển thị;Nội dung;Lúc\n111;Lan Anh;ngon;2026-06-01 10:00\n111;Lan Anh 🌸;lại ngon;2026-06-09 10:00\n"
    workspace = loaded([("binh_luan.csv", data.encode("utf-8"))])
    [pending] = workspace.pending
    mapping = {
        "member_uid": "Mã người dùng",
        "member_name": "Tên hiển thị",
        "text": "Nội dung",
        "commented_at": "Lúc",
    }
    assert workspace.map_columns(pending, "comments", mapping) is None
    table = members(workspace)
    assert table[["member_id", "count_comments"]].to_dict("records") == [
        {"member_id": "111", "count_comments": 2}
    ]
    assert member_labels(table).tolist() == ["Lan Anh 🌸"]


REAL_EXCEL = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "real_exports"
    / "comments-xlsx_haron416-exporter"
    / "tiktok_comments_20250802_134414.xlsx"
)


@pytest.mark.skipif(not REAL_EXCEL.exists(), reason="real exports folder absent")
def test_the_genuine_exporter_file_knows_its_account_keeps_it_out_of_every_tier_and_names_members():
    workspace = loaded([(REAL_EXCEL.name, REAL_EXCEL.read_bytes())])
    assert workspace.detected_brand_handles() == ["mcexodus"]
    assert workspace.brand_accounts().empty  # @mcexodus wrote none of these 500 comments
    table = members(workspace)
    assert len(table) == 498
    assert not table["member_handle"].str.lower().eq("mcexodus").any()
    assert not member_labels(table).str.fullmatch(r"\d{15,}").any()
    assert not reply_stats(workspace.con)["replies_shown"].iloc[0]
