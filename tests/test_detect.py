"""Which export a table is, from its header alone, and which column holds which canonical field."""

import pytest

from analytics.ingest.detect import detect, header_signature, squash

BUSINESS_DAILY = (
    "Date, Video views, Reached audience, Profile views, Likes, Shares, Comments, Product link clicks, "
    "Website clicks, Phone number clicks, Leads submission, App download link clicks, Net growth, "
    "New followers, Lost followers"
).split(", ")

HEADERS = [
    # TikTok Studio "Download data"
    ("overview", ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]),
    (
        "content",
        [
            "Time",
            "Video title",
            "Video link",
            "Post time",
            "Total likes",
            "Total comments",
            "Total shares",
            "Total views",
        ],
    ),
    ("viewers", ["Date", "Total Viewers", "New Viewers", "Returning Viewers"]),
    ("follower_history", ["Date", "Followers", "Difference in followers from previous day"]),
    ("follower_activity", ["Date", "Hour", "Active followers"]),
    ("follower_gender", ["Gender", "Distribution"]),
    ("follower_territories", ["Top territories", "Distribution"]),
    # Business Suite
    ("business_overview", BUSINESS_DAILY),
    (
        "business_overview",
        [name if name != "Website clicks" else "Website clicks " for name in BUSINESS_DAILY],
    ),
    (
        "business_overview",
        ["Datum", "Videovisningar", "Gilla-markeringar", "Nettotillväxt", "Nya följare", "Tappade följare"],
    ),
    (
        "business_videos",
        [
            "Video title",
            "Video link",
            "Post time",
            "Video views",
            "Likes",
            "Comments",
            "Shares",
            "Add to Favorites",
        ],
    ),
    # Comment exports
    (
        "comments",
        "avatarThumbnail,cid,createTime,createTimeISO,diggCount,input,likedByAuthor,pinnedByAuthor,repliesToId,"
        "replyCommentTotal,submittedVideoUrl,text,uid,uniqueId,videoWebUrl".split(","),
    ),
    (
        "comments",
        [
            "text",
            "diggCount",
            "replyCommentTotal",
            "createTimeISO",
            "uniqueId",
            "videoWebUrl",
            "uid",
            "cid",
            "avatarThumbnail",
        ],
    ),
    ("comments", ["awemeId", "text", "createdAt", "likeCount", "replyCount", "user.username"]),
    (
        "comments",
        "commentId, text, authorUsername, authorName, authorId, likeCount, replyCount, createdAt, isReply, "
        "parentCommentId, videoId, videoUrl".split(", "),
    ),
    (
        "comments",
        "videoId, videoUrl, commentId, text, likes, replyCount, createdAt, authorUsername, authorNickname, "
        "likedByCreator, language, isReply, parentCommentId".split(", "),
    ),
    (
        "comments",
        [
            "Comment ID",
            "Author Name",
            "Author ID",
            "Comment Text",
            "Created Time",
            "Likes Count",
            "Reply Count",
            "URL",
        ],
    ),
    (
        "comments",
        [
            "caption",
            "video_url",
            "has_more",
            "comment_id",
            "username",
            "nickname",
            "comment",
            "create_time",
            "avatar",
            "total_reply",
            "parent_comment_id",
        ],
    ),
    (
        "comments",
        [
            "aweme_id",
            "cid",
            "create_time",
            "digg_count",
            "reply_comment_total",
            "reply_id",
            "text",
            "user.uid",
            "user.unique_id",
            "user.nickname",
            "label_text",
        ],
    ),
    (
        "comments",
        "comment_id, video_id, user_id, unique_identifier, display_name, text, likes, replies, create_time, "
        "status, owner, liked, pinned, parent_comment_id".split(", "),
    ),
    # Sheets marketers keep themselves
    (
        "video_details",
        "Video link;Format;Duration (s);Avg. watch time (s);Completion rate;Saves;Reach;New followers".split(
            ";"
        ),
    ),
    (
        "video_details",
        "item_id, caption, video_duration, likes, comments, shares, favorites, create_time, reach, video_views, "
        "average_time_watched, full_video_watched_rate, new_followers".split(", "),
    ),
    (
        "lives",
        "start_time,duration_minutes,viewers,peak_viewers,comments,likes,shares,gifts,new_followers,title".split(
            ","
        ),
    ),
]


@pytest.mark.parametrize(
    ("kind", "header"), HEADERS, ids=[f"{kind}: {', '.join(h[:3])}" for kind, h in HEADERS]
)
def test_every_known_export_is_recognised_from_its_exact_header(kind, header):
    detection = detect(header)
    assert detection is not None
    assert detection.kind == kind


@pytest.mark.parametrize(
    "header",
    [
        ["foo", "bar"],
        ["Date", "Views"],  # a date and one number is not a known export
        ["Name", "Email", "Phone"],
        ["text"],
        ["Gender"],
        [],
    ],
)
def test_an_unknown_header_is_not_guessed(header):
    assert detect(header) is None


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(["ID", "Type", "Title", "Price"], id="product catalogue"),
        pytest.param(["Date", "Title", "Content", "Name"], id="content calendar"),
    ],
)
def test_a_generic_business_sheet_is_not_taken_for_a_tiktok_export(header):
    assert detect(header) is None


def test_the_scraper_layout_without_a_text_column_is_still_comments():
    detection = detect(["awemeId", "createdAt", "likeCount", "replyCount", "user.username"])
    assert detection is not None and detection.kind == "comments"


def test_the_overview_header_maps_each_column_to_its_canonical_field():
    assert detect(["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]).mapping == {
        "stat_date": "Date",
        "video_views": "Video Views",
        "profile_views": "Profile Views",
        "likes": "Likes",
        "comments": "Comments",
        "shares": "Shares",
    }


def test_the_swedish_business_suite_header_maps_to_the_english_fields():
    header = [
        "Datum",
        "Videovisningar",
        "Gilla-markeringar",
        "Nettotillväxt",
        "Nya följare",
        "Tappade följare",
    ]
    assert detect(header).mapping == {
        "stat_date": "Datum",
        "video_views": "Videovisningar",
        "likes": "Gilla-markeringar",
        "net_followers": "Nettotillväxt",
        "new_followers": "Nya följare",
        "lost_followers": "Tappade följare",
    }


def test_the_trailing_space_website_clicks_variant_maps_like_the_plain_one():
    plain = detect(BUSINESS_DAILY)
    spaced = detect([name if name != "Website clicks" else "Website clicks " for name in BUSINESS_DAILY])
    assert spaced == plain


def test_apify_prefers_the_iso_time_and_the_handle_and_keeps_the_parent():
    header = (
        "avatarThumbnail,cid,createTime,createTimeISO,diggCount,input,likedByAuthor,pinnedByAuthor,repliesToId,"
        "replyCommentTotal,submittedVideoUrl,text,uid,uniqueId,videoWebUrl"
    ).split(",")
    assert detect(header).mapping == {
        "comment_id": "cid",
        "video_url": "videoWebUrl",
        "member_handle": "uniqueId",
        "member_uid": "uid",
        "text": "text",
        "commented_at": "createTimeISO",
        "likes": "diggCount",
        "parent_comment_id": "repliesToId",
    }


def test_raw_web_fields_map_the_nested_user_and_the_creator_label():
    header = [
        "aweme_id", "cid", "create_time", "digg_count", "reply_comment_total", "reply_id", "text",
        "user.uid", "user.unique_id", "user.nickname", "label_text",
    ]  # fmt: skip
    assert detect(header).mapping == {
        "comment_id": "cid",
        "video_id": "aweme_id",
        "member_handle": "user.unique_id",
        "member_uid": "user.uid",
        "member_name": "user.nickname",
        "text": "text",
        "commented_at": "create_time",
        "likes": "digg_count",
        "parent_comment_id": "reply_id",
        "label_text": "label_text",
    }


def test_the_business_api_comment_layout_maps_the_owner_flag():
    header = (
        "comment_id, video_id, user_id, unique_identifier, display_name, text, likes, replies, create_time, "
        "status, owner, liked, pinned, parent_comment_id"
    ).split(", ")
    assert detect(header).mapping == {
        "comment_id": "comment_id",
        "video_id": "video_id",
        "member_handle": "unique_identifier",
        "member_uid": "user_id",
        "member_name": "display_name",
        "text": "text",
        "commented_at": "create_time",
        "likes": "likes",
        "parent_comment_id": "parent_comment_id",
        "owner_flag": "owner",
    }


def test_the_excel_exporter_has_a_numeric_author_id_but_no_handle():
    header = [
        "Comment ID",
        "Author Name",
        "Author ID",
        "Comment Text",
        "Created Time",
        "Likes Count",
        "Reply Count",
        "URL",
    ]
    assert detect(header).mapping == {
        "comment_id": "Comment ID",
        "video_url": "URL",
        "member_uid": "Author ID",
        "member_name": "Author Name",
        "text": "Comment Text",
        "commented_at": "Created Time",
        "likes": "Likes Count",
    }


def test_the_video_detail_sheet_maps_watch_time_and_completion():
    header = (
        "Video link;Format;Duration (s);Avg. watch time (s);Completion rate;Saves;Reach;New followers".split(
            ";"
        )
    )
    assert detect(header).mapping == {
        "video_url": "Video link",
        "format": "Format",
        "duration_seconds": "Duration (s)",
        "average_watch_seconds": "Avg. watch time (s)",
        "completion_rate": "Completion rate",
        "total_saves": "Saves",
        "reach": "Reach",
        "new_followers": "New followers",
    }


def test_the_business_api_video_list_maps_item_id_and_the_watched_rate():
    header = (
        "item_id, caption, video_duration, likes, comments, shares, favorites, create_time, reach, video_views, "
        "average_time_watched, full_video_watched_rate, new_followers"
    ).split(", ")
    assert detect(header).mapping == {
        "video_id": "item_id",
        "caption": "caption",
        "posted_text": "create_time",
        "duration_seconds": "video_duration",
        "average_watch_seconds": "average_time_watched",
        "completion_rate": "full_video_watched_rate",
        "total_saves": "favorites",
        "reach": "reach",
        "new_followers": "new_followers",
        "total_views": "video_views",
        "total_likes": "likes",
        "total_comments": "comments",
        "total_shares": "shares",
    }


@pytest.mark.parametrize(
    ("spelling", "squashed"),
    [
        ("Comment ID", "commentid"),
        ("comment_id", "commentid"),
        ("commentId", "commentid"),
        ("Nettotillväxt", "nettotillvaxt"),
        ("Avg. watch time (s)", "avgwatchtimes"),
        ("Website clicks ", "websiteclicks"),
        ("Ngày", "ngay"),
        ("Đã xem", "daxem"),
    ],
)
def test_headers_are_compared_without_case_accents_or_punctuation(spelling, squashed):
    assert squash(spelling) == squashed


def test_the_same_columns_in_another_order_or_spelling_share_one_signature():
    assert header_signature(["Who", "Said", "When"]) == header_signature(["when", "SAID", "who"])
    assert header_signature(["Who", "Said", "When"]) != header_signature(["Who", "Said", "Where"])
