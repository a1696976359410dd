"""How does each hashtag the brand puts in its captions perform?"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

import duckdb
import pandas as pd

from analytics.captions import _word
from analytics.format_stats import _rate, _videos, _with_rated_sums


def extract_hashtags(caption: str | None) -> list[str]:
    """The distinct hashtags of a caption, lower-case with '#', in order of appearance (#càphê kept whole)."""
    if not isinstance(caption, str):
        return []
    found = re.findall(f"#({_word()}+)", unicodedata.normalize("NFC", str(caption)))
    return list(dict.fromkeys("#" + tag.lower() for tag in found if not tag.isdigit()))


def _hashtag(tag: str) -> str:
    return "#" + unicodedata.normalize("NFC", tag.strip()).lstrip("#").lower()


def hashtag_performance(
    con: duckdb.DuckDBPyConnection,
    *,
    brand_hashtags: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
    min_videos: int = 1,
) -> pd.DataFrame:
    """How does each hashtag the brand puts in its captions perform?

    One row per hashtag used on at least `min_videos` videos; the brand's own hashtags are pinned on
    top (and always listed, even unused, since the marketer named them), then most views first.
    Columns: hashtag (lower-case, with '#'), is_brand_hashtag, count_videos, total_views,
    total_engagements, engagement_rate (ratio of sums over the videos carrying it).
    """
    return hashtag_table(_videos(con, start, end), brand_hashtags=brand_hashtags, min_videos=min_videos)


def hashtag_table(
    videos: pd.DataFrame, *, brand_hashtags: Sequence[str] = (), min_videos: int = 1
) -> pd.DataFrame:
    """hashtag_performance() of these videos (rows of video_formats()), already read."""
    videos = _with_rated_sums(videos)
    videos = videos.assign(hashtag=videos["caption"].map(extract_hashtags)).explode("hashtag")
    videos = videos[videos["hashtag"].notna()]
    tags = [brand_hashtags] if isinstance(brand_hashtags, str) else brand_hashtags  # "#phin" is one tag
    brand = list(dict.fromkeys(_hashtag(tag) for tag in tags if tag.strip().lstrip("#")))
    table = (
        videos.groupby("hashtag")
        .agg(
            count_videos=("video_id", "size"),
            total_views=("total_views", "sum"),
            total_engagements=("total_engagements", "sum"),
            rated_engagements=("rated_engagements", "sum"),
            rated_views=("rated_views", "sum"),
        )
        .reindex(sorted(set(videos["hashtag"]) | set(brand)), fill_value=0)
        .rename_axis("hashtag")
        .reset_index()
    )
    table = table.assign(
        is_brand_hashtag=table["hashtag"].isin(brand),
        count_videos=table["count_videos"].astype("int64"),
        total_views=table["total_views"].astype("int64"),
        total_engagements=table["total_engagements"].astype("int64"),
        engagement_rate=_rate(table["rated_engagements"], table["rated_views"]),
    )
    table = table[table["is_brand_hashtag"] | (table["count_videos"] >= min_videos)]
    table = table.sort_values(["is_brand_hashtag", "total_views", "hashtag"], ascending=[False, False, True])
    columns = [
        "hashtag",
        "is_brand_hashtag",
        "count_videos",
        "total_views",
        "total_engagements",
        "engagement_rate",
    ]
    return table[columns].reset_index(drop=True)
