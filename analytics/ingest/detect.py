"""Which kind of export a table is, from its header alone, and which column is which.

Every kind lists its canonical fields with the header spellings seen in real files
(TikTok Studio, Business Suite in several UI languages, the comment scrapers, the
Business API, our own templates). Headers are compared squashed: lower case, accents
and punctuation removed, so `Comment ID`, `comment_id` and `commentId` are one spelling.
When TikTok renames a header, one alias list here changes and nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from analytics.i18n import N_
from analytics.templates import LIVE_COLUMNS

# kind -> field -> accepted header spellings (squashed form is computed). The first
# spelling found wins, so list the most precise first (createTimeISO before createTime).
ALIASES: dict[str, dict[str, list[str]]] = {
    "business_overview": {
        "stat_date": ["date", "datum", "fecha", "data", "ngay", "tanggal", "日期", "날짜"],
        "video_views": [
            "video views",
            "videovisningar",
            "visualizaciones de videos",
            "visualizacoes de video",
            "vues de videos",
        ],
        "reached_audience": ["reached audience", "natad publik", "publico alcanzado", "audience atteinte"],
        "profile_views": ["profile views", "profilvisningar", "visitas al perfil", "vues du profil"],
        "likes": ["likes", "gilla markeringar", "me gusta", "curtidas", "j aime"],
        "comments": ["comments", "kommentarer", "comentarios", "commentaires"],
        "shares": ["shares", "delningar", "veces compartido", "compartilhamentos", "partages"],
        "net_followers": ["net growth", "nettotillvaxt", "crecimiento neto", "croissance nette"],
        "new_followers": [
            "new followers",
            "nya foljare",
            "nuevos seguidores",
            "novos seguidores",
            "nouveaux abonnes",
        ],
        "lost_followers": ["lost followers", "tappade foljare", "seguidores perdidos", "abonnes perdus"],
    },
    "overview": {
        "stat_date": ["date"],
        "video_views": ["video views"],
        "profile_views": ["profile views"],
        "likes": ["likes"],
        "comments": ["comments"],
        "shares": ["shares"],
    },
    "viewers": {
        "stat_date": ["date"],
        "total_viewers": ["total viewers"],
        "new_viewers": ["new viewers"],
        "returning_viewers": ["returning viewers"],
    },
    "follower_history": {
        "stat_date": ["date"],
        "followers": ["followers"],
        "net_followers": ["difference in followers from previous day"],
    },
    "follower_activity": {
        "activity_date": ["date"],
        "hour": ["hour"],
        "active_followers": ["active followers"],
    },
    "follower_gender": {"gender": ["gender"], "share": ["distribution"]},
    "follower_territories": {"territory_code": ["top territories"], "share": ["distribution"]},
    "content": {
        "stats_date": ["time"],
        "caption": ["video title"],
        "video_url": ["video link"],
        "posted_text": ["post time"],
        "total_likes": ["total likes"],
        "total_comments": ["total comments"],
        "total_shares": ["total shares"],
        "total_views": ["total views"],
    },
    "business_videos": {
        "caption": ["video title"],
        "video_url": ["video link"],
        "posted_text": ["post time"],
        "total_views": ["video views"],
        "total_likes": ["likes"],
        "total_comments": ["comments"],
        "total_shares": ["shares"],
        "total_saves": ["add to favorites", "favorites"],
    },
    "comments": {
        "comment_id": ["cid", "comment id", "comment_id", "commentid", "id"],
        "video_id": ["aweme_id", "video id", "item id", "itemid"],
        "video_url": ["videoweburl", "video url", "submittedvideourl", "url", "input", "video link"],
        "member_handle": [
            "uniqueid",
            "user unique_id",
            "user uniqueid",
            "unique_identifier",
            "authorusername",
            "author username",
            "user username",
            "username",
            "handle",
        ],
        "member_uid": ["uid", "user uid", "author id", "authorid", "user id", "userid", "user_id"],
        "member_name": [
            "nickname",
            "user nickname",
            "author name",
            "authornickname",
            "display_name",
            "authorname",
            "name",
        ],
        "text": ["text", "comment text", "comment", "content", "message"],
        "commented_at": [
            "createtimeiso",
            "created time",
            "createdat",
            "create_time",
            "createtime",
            "created_at",
            "time",
            "date",
        ],
        "likes": ["diggcount", "digg_count", "likes count", "likecount", "likes", "like_count"],
        "parent_comment_id": [
            "repliestoid",
            "parentcommentid",
            "parent comment id",
            "reply_id",
            "replytoid",
            "reply to id",
        ],
        "is_reply": ["isreply", "is reply"],
        "owner_flag": ["owner", "is_owner", "isauthor", "is author", "is brand", "is_brand"],
        "label_text": ["label_text", "label text"],
    },
    "lives": {
        "started_at": ["start_time", "start time", "started at", "live start", "date"],
        "duration_minutes": ["duration_minutes", "duration (min)", "duration minutes", "duration"],
        "viewers": ["viewers", "total viewers", "unique viewers"],
        "peak_viewers": ["peak_viewers", "peak viewers", "top viewers"],
        "comments": ["comments"],
        "likes": ["likes"],
        "shares": ["shares"],
        "gifts": ["gifts", "gifters", "diamonds"],
        "new_followers": ["new_followers", "new followers"],
        "title": ["title", "live title"],
    },
    "video_details": {
        "video_id": ["item_id", "video id", "video_id", "itemid", "aweme_id"],
        "video_url": ["video link", "video url", "link", "url", "video_link"],
        "caption": ["caption", "video title", "title", "description"],
        "posted_text": ["create_time", "post time", "posted at", "publish time", "date"],
        "format": ["format", "content format", "type", "interaction format"],
        "duration_seconds": [
            "duration (s)",
            "video_duration",
            "duration",
            "video duration",
            "duration seconds",
        ],
        "average_watch_seconds": [
            "avg. watch time (s)",
            "average_time_watched",
            "average watch time",
            "average watch time (s)",
            "avg watch time",
        ],
        "completion_rate": ["completion rate", "full_video_watched_rate", "watched full video", "completion"],
        "total_saves": ["saves", "favorites", "add to favorites"],
        "reach": ["reach", "reached audience"],
        "new_followers": ["new followers", "new_followers", "follows"],
        "total_views": ["video_views", "views", "video views"],
        "total_likes": ["likes"],
        "total_comments": ["comments"],
        "total_shares": ["shares"],
    },
}

# What a table must have to be that kind. Checked in this order: the first kind whose
# required fields are all present wins (Business overview before Overview, because it
# is Overview plus more columns).
REQUIRED: dict[str, tuple[str, ...]] = {
    "follower_activity": ("activity_date", "hour", "active_followers"),
    "follower_gender": ("gender", "share"),
    "follower_territories": ("territory_code", "share"),
    "follower_history": ("stat_date", "followers", "net_followers"),
    "viewers": ("stat_date", "total_viewers", "new_viewers", "returning_viewers"),
    "content": ("stats_date", "caption", "video_url", "posted_text", "total_views"),
    "business_videos": ("caption", "video_url", "posted_text", "total_views", "total_likes"),
    "business_overview": ("stat_date", "video_views"),
    "overview": ("stat_date", "video_views", "profile_views", "likes", "comments", "shares"),
    "comments": ("commented_at",),
    "lives": ("started_at", "duration_minutes", "viewers"),
    "video_details": (),
}

BUSINESS_ONLY = ("reached_audience", "net_followers", "new_followers", "lost_followers")
VIDEO_DETAIL_FIELDS = (
    "format",
    "duration_seconds",
    "average_watch_seconds",
    "completion_rate",
    "total_saves",
    "reach",
    "new_followers",
)

# Fields a marketer can map by hand in the column-mapping step, per target kind.
MAPPABLE: dict[str, tuple[str, ...]] = {
    "comments": (
        "member_handle",
        "member_name",
        "member_uid",
        "text",
        "commented_at",
        "video_url",
        "video_id",
        "comment_id",
        "parent_comment_id",
        "likes",
    ),
    "video_details": (
        "video_url",
        "video_id",
        "caption",
        "posted_text",
        "format",
        "total_views",
        "total_likes",
        "total_comments",
        "total_shares",
        "total_saves",
        "duration_seconds",
        "average_watch_seconds",
        "completion_rate",
        "reach",
        "new_followers",
    ),
    # The template's columns are the canonical names, except its first: start_time -> started_at.
    "lives": ("started_at", *LIVE_COLUMNS[1:]),
    "business_overview": (
        "stat_date",
        "video_views",
        "profile_views",
        "likes",
        "comments",
        "shares",
        "reached_audience",
        "new_followers",
        "lost_followers",
        "net_followers",
    ),
}
MAPPING_REQUIRED: dict[str, tuple[str, ...]] = {
    "comments": ("commented_at",),
    "video_details": (),
    "lives": ("started_at",),
    "business_overview": ("stat_date",),
}


# How the column-mapping step names each field (translated where shown: `_(field_label(name))`).
FIELD_LABELS: dict[str, str] = {
    "member_handle": N_("Commenter's handle"),
    "member_name": N_("Commenter's name"),
    "member_uid": N_("Commenter's user id"),
    "text": N_("Comment text"),
    "commented_at": N_("Comment time"),
    "video_url": N_("Video link"),
    "video_id": N_("Video id"),
    "comment_id": N_("Comment id"),
    "parent_comment_id": N_("Replied-to comment id"),
    "likes": N_("Likes"),
    "caption": N_("Caption"),
    "posted_text": N_("Posting date"),
    "format": N_("Format"),
    "total_views": N_("Views"),
    "total_likes": N_("Likes (total)"),
    "total_comments": N_("Comments (total)"),
    "total_shares": N_("Shares (total)"),
    "total_saves": N_("Saves"),
    "duration_seconds": N_("Length (seconds)"),
    "average_watch_seconds": N_("Average watch time (seconds)"),
    "completion_rate": N_("Completion rate"),
    "reach": N_("Reach"),
    "new_followers": N_("New followers"),
    "started_at": N_("Start time"),
    "duration_minutes": N_("Length (minutes)"),
    "viewers": N_("Viewers"),
    "peak_viewers": N_("Peak viewers"),
    "comments": N_("Comments"),
    "shares": N_("Shares"),
    "gifts": N_("Gifts"),
    "title": N_("Title"),
    "stat_date": N_("Date"),
    "video_views": N_("Video views"),
    "profile_views": N_("Profile views"),
    "reached_audience": N_("Reached audience"),
    "lost_followers": N_("Lost followers"),
    "net_followers": N_("Net followers"),
}


def field_label(name: str) -> str:
    """A field's English name in the column-mapping step (unknown fields: their name in words)."""
    return FIELD_LABELS.get(name) or name.replace("_", " ").capitalize()


def squash(header: str) -> str:
    """`Comment ID`, `comment_id`, `commentId` -> `commentid`; accents and punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", str(header).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "", plain.casefold())


_SQUASHED = {
    kind: {name: [squash(alias) for alias in aliases] for name, aliases in fields.items()}
    for kind, fields in ALIASES.items()
}


@dataclass(frozen=True)
class Detection:
    kind: str
    mapping: dict[str, str]


def field_mapping(kind: str, header: list[str]) -> dict[str, str]:
    """Canonical field -> the header of this table that holds it, for the fields found."""
    by_squashed: dict[str, str] = {}
    for column in header:
        by_squashed.setdefault(squash(column), column)
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for name, aliases in _SQUASHED[kind].items():
        for alias in aliases:
            found = by_squashed.get(alias)
            if found is not None and found not in taken:
                mapping[name] = found
                taken.add(found)
                break
    return mapping


def detect(header: list[str]) -> Detection | None:
    """The kind of a table from its header, with its field mapping; None when nothing fits."""
    for kind, required in REQUIRED.items():
        mapping = field_mapping(kind, header)
        if not all(name in mapping for name in required):
            continue
        if kind == "business_overview" and not any(name in mapping for name in BUSINESS_ONLY):
            continue
        if kind == "comments" and not _is_comments(mapping):
            continue
        if kind == "video_details" and not (
            ({"video_url", "video_id"} & mapping.keys())
            and any(name in mapping for name in VIDEO_DETAIL_FIELDS)
        ):
            continue
        return Detection(kind, mapping)
    return None


def _is_comments(mapping: dict[str, str]) -> bool:
    """A person and a comment: a handle or user id, or a display name next to a comment id."""
    person = (
        bool({"member_handle", "member_uid"} & mapping.keys())
        or {"member_name", "comment_id"} <= mapping.keys()
    )
    comment = "text" in mapping or bool({"comment_id", "video_id", "video_url"} & mapping.keys())
    return person and comment


def header_signature(header: list[str]) -> str:
    """A stable key for a header, so a mapping chosen once is reused for files shaped the same."""
    return "|".join(sorted(squash(column) for column in header))
