"""The canonical tables every page and query reads.

Each export kind (what a file *is*, recognised from its header) is renamed once, in
`analytics.ingest`, into one of these tables. Queries never see a raw header. The
tables are plain column lists so that a later step can store them on disk per client
(one Parquet file or DuckDB table each) without changing a query.

Why `kind` and `table` differ: several kinds feed one table. TikTok Studio's
Overview, Viewers and FollowerHistory files and the Business Suite daily file all
describe days, so they all land in `daily_stats`, one row per day, each column taken
from the newest file that has it.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.i18n import N_

# DuckDB types of the canonical columns. Ids are VARCHAR: 19-digit TikTok ids do not
# survive a float, and a string compares the same in every file.
TABLES: dict[str, dict[str, str]] = {
    "daily_stats": {
        "stat_date": "DATE",
        "video_views": "BIGINT",
        "profile_views": "BIGINT",
        "likes": "BIGINT",
        "comments": "BIGINT",
        "shares": "BIGINT",
        "reached_audience": "BIGINT",
        "total_viewers": "BIGINT",
        "new_viewers": "BIGINT",
        "returning_viewers": "BIGINT",
        "followers": "BIGINT",
        "new_followers": "BIGINT",
        "lost_followers": "BIGINT",
        "net_followers": "BIGINT",
    },
    "videos": {
        "video_id": "VARCHAR",
        "video_url": "VARCHAR",
        "account_handle": "VARCHAR",
        "caption": "VARCHAR",
        "posted_at": "TIMESTAMP",
        "total_views": "BIGINT",
        "total_likes": "BIGINT",
        "total_comments": "BIGINT",
        "total_shares": "BIGINT",
        "total_saves": "BIGINT",
        "reach": "BIGINT",
        "new_followers": "BIGINT",
        "duration_seconds": "DOUBLE",
        "average_watch_seconds": "DOUBLE",
        "completion_rate": "DOUBLE",
        "format": "VARCHAR",
        "stats_date": "DATE",
    },
    "follower_activity": {
        "activity_date": "DATE",
        "hour": "INTEGER",
        "active_followers": "BIGINT",
    },
    "audience_gender": {
        "gender": "VARCHAR",
        "share": "DOUBLE",
    },
    "audience_territories": {
        "territory_code": "VARCHAR",
        "share": "DOUBLE",
    },
    "comments": {
        "comment_id": "VARCHAR",
        "video_id": "VARCHAR",
        "video_url": "VARCHAR",
        "member_id": "VARCHAR",
        "member_handle": "VARCHAR",
        "member_name": "VARCHAR",
        "member_uid": "VARCHAR",
        "text": "VARCHAR",
        "commented_at": "TIMESTAMP",
        "likes": "BIGINT",
        "parent_comment_id": "VARCHAR",
        "is_brand": "BOOLEAN",
        "replies_known": "BOOLEAN",
    },
    "lives": {
        "started_at": "TIMESTAMP",
        "duration_minutes": "DOUBLE",
        "viewers": "BIGINT",
        "peak_viewers": "BIGINT",
        "comments": "BIGINT",
        "likes": "BIGINT",
        "shares": "BIGINT",
        "gifts": "BIGINT",
        "new_followers": "BIGINT",
        "title": "VARCHAR",
    },
}

# The row identity of each table: two files that share a key describe the same thing,
# and the newest download wins column by column. Audience tables have no date, so the
# newest file replaces the older one whole.
KEYS: dict[str, tuple[str, ...]] = {
    "daily_stats": ("stat_date",),
    "videos": ("video_id",),
    "follower_activity": ("activity_date", "hour"),
    "audience_gender": (),
    "audience_territories": (),
    "comments": ("comment_id",),
    "lives": ("started_at",),
}

# The column that dates a row, for the Data page's date range and the date filter.
DATE_COLUMNS: dict[str, str | None] = {
    "daily_stats": "stat_date",
    "videos": "posted_at",
    "follower_activity": "activity_date",
    "audience_gender": None,
    "audience_territories": None,
    "comments": "commented_at",
    "lives": "started_at",
}


@dataclass(frozen=True)
class Kind:
    """One kind of export file, as the command line and the Data page name it."""

    name: str
    table: str
    label: str


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in [
        Kind("overview", "daily_stats", N_("TikTok Studio Overview (daily views, likes, comments, shares)")),
        Kind("content", "videos", N_("TikTok Studio Content (one row per video)")),
        Kind("viewers", "daily_stats", N_("TikTok Studio Viewers (daily new and returning viewers)")),
        Kind("follower_history", "daily_stats", N_("TikTok Studio Follower history (daily follower count)")),
        Kind(
            "follower_activity",
            "follower_activity",
            N_("TikTok Studio Follower activity (active followers by hour)"),
        ),
        Kind("follower_gender", "audience_gender", N_("TikTok Studio Follower gender")),
        Kind("follower_territories", "audience_territories", N_("TikTok Studio Follower top territories")),
        Kind("business_overview", "daily_stats", N_("Business Suite daily overview")),
        Kind("business_videos", "videos", N_("Business Suite per-video data")),
        Kind("comments", "comments", N_("Comments export")),
        Kind("video_details", "videos", N_("Video detail sheet (format, watch time, completion...)")),
        Kind("lives", "lives", N_("LIVE sessions sheet")),
    ]
}


def empty_frame(table: str):
    """An empty DataFrame with the table's canonical columns, for a header-only file."""
    import pandas as pd

    return pd.DataFrame({column: pd.Series(dtype="object") for column in TABLES[table]})
