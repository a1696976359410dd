"""Community segments: which hashtag communities the videos reach, who the followers are, and how the
members split by loyalty, habits and mood.

One view per tab of the page, each computed when its tab is drawn; the deck's Community segments
slides render the same views, so the page and the deck name the same communities and count the same
promoters. Hashtag communities and sentiment use the period (the sidebar's, the deck's); the tier
trend uses every comment (a trend needs the months before); the audience is TikTok's latest
Followers export, which is undated.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from analytics import audience, communities, db, segments, timezones
from analytics.communities import HashtagCommunities
from analytics.formats import DEFAULT_RULES, Rules, video_formats
from analytics.members import TierRules, member_stats, member_tiers
from analytics.overview import Period
from analytics.report import text

# A tone is called only when promoters and detractors together are at least twice this many members.
MIN_MEMBERS = 5
GENDER_WORDS = {"female": "women", "male": "men"}


@dataclass(frozen=True)
class CommunitiesView:
    """The hashtag communities of the period's videos, biggest (most members) first."""

    found: HashtagCommunities
    summary: pd.DataFrame  # community_summary's columns, most members first
    takeaway: str  # the page's one sentence
    headline: str | None  # the deck's: the biggest community in numbers (None without members)
    note: str


def communities_view(
    con: duckdb.DuckDBPyConnection,
    period: Period | None,
    *,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
    brand_hashtags: Sequence[str] | None = None,
    brand_handle: str | None = None,
) -> CommunitiesView:
    """`brand_hashtags`: the brand's own (left out of every community); guessed from `brand_handle` if None."""
    start, end = (period.start, period.end) if period else (None, None)
    videos = video_formats(con, rules=rules, overrides=overrides, series=series, start=start, end=end)
    tags = (
        list(brand_hashtags)
        if brand_hashtags is not None
        else communities.likely_brand_hashtags(videos, brand_handle)
    )
    found = communities.hashtag_communities(videos, brand_hashtags=tags)
    summary = communities.community_summary(con, videos, found)
    if len(summary):
        summary = summary.sort_values(["count_members", "community_id"], ascending=[False, True]).reset_index(
            drop=True
        )
    headline = None
    if len(summary) and summary["count_members"].fillna(0).any():
        biggest = summary.iloc[0]
        headline = (
            f"{biggest['community']} is your biggest hashtag community: "
            f"{text.plural(int(biggest['count_members']), 'member')} commented on its "
            f"{text.plural(int(biggest['count_videos']), 'video')}"
        )
    note = (
        "; ".join(
            f"{row.community}: {text.plural(row.count_videos, 'video')}, {text.count(row.total_views)} views, "
            f"{row.engagement_rate:.1%} engagement"
            for row in summary.head(4).itertuples()
            if not pd.isna(row.engagement_rate)
        )
        + ". A video counts for every community its hashtags belong to."
    )
    return CommunitiesView(found, summary, communities.community_takeaway(summary), headline, note)


@dataclass(frozen=True)
class AudienceView:
    """Who the followers are, from TikTok Studio's latest Followers export (empty tables when absent)."""

    gender: pd.DataFrame
    territories: pd.DataFrame  # the top 8 and "Others"
    hours: pd.DataFrame | None  # None without FollowerActivity
    gender_headline: str | None
    territories_headline: str | None
    peaks: list[str]  # the busiest hours in words, busiest first


def audience_view(con: duckdb.DuckDBPyConnection) -> AudienceView:
    gender = audience.audience_gender(con)
    gender_headline = None
    if len(gender):
        top = gender.iloc[0]
        who = GENDER_WORDS.get(str(top["gender"]).strip().casefold())
        gender_headline = (
            f"{top['share']:.0%} of your followers are {who}"
            if who
            else f"{top['share']:.0%} of your followers: {top['gender']}"
        )
    territories = audience.top_territories(con, top=8)
    territories_headline = None
    if len(territories):
        named = territories[territories["territory_code"] != "Others"]
        first = named.iloc[0] if len(named) else territories.iloc[0]
        territories_headline = f"{first['share']:.0%} of your followers are in {first['territory']}"
        if len(named) > 1:
            territories_headline += f", {named.iloc[1]['share']:.0%} in {named.iloc[1]['territory']}"
    hours, peaks = None, []
    if db.scalar(con, "select count(*) from follower_activity"):
        hours = audience.active_hours(con)
        peaks = timezones.peak_activity_hours(timezones.follower_activity_grid(con))
    return AudienceView(gender, territories, hours, gender_headline, territories_headline, peaks)


@dataclass(frozen=True)
class SentimentView:
    """Members by the tone of their comments in the period: promoters, neutral members, detractors."""

    table: pd.DataFrame  # sentiment_segments: all members first, then each tier
    overall: pd.DataFrame  # the all-members rows, indexed by segment
    promoters: int
    neutral: int
    detractors: int
    headline: str | None  # None when no member commented in the period


def sentiment_view(
    con: duckdb.DuckDBPyConnection,
    period: Period | None,
    *,
    tier_rules: TierRules | None = None,
    lexicon_additions: dict[str, float] | None = None,
    corrections: dict[str, str] | None = None,
    memo: MutableMapping[str, Any] | None = None,
) -> SentimentView:
    """`tier_rules`: also split by tier (the page's chart); the deck shows all members."""
    start, end = (period.start, period.end) if period else (None, None)
    labelled = segments.comment_sentiment(
        con, lexicon_additions=lexicon_additions, corrections=corrections, memo=memo
    )
    feelings = segments.member_feelings(con, labelled, start=start, end=end)
    tiers = member_tiers(member_stats(con), tier_rules) if tier_rules is not None else None
    table = segments.sentiment_segments(feelings, tiers)
    overall = table[table["group"] == segments.ALL_MEMBERS].set_index("segment")
    promoters, neutral, detractors = (
        int(overall.at[name, "count_members"]) for name in ("Promoter", "Neutral", "Detractor")
    )
    return SentimentView(
        table,
        overall,
        promoters,
        neutral,
        detractors,
        _tone_headline(promoters, neutral, detractors, overall),
    )


def _tone_headline(promoters: int, neutral: int, detractors: int, overall: pd.DataFrame) -> str | None:
    if not promoters + neutral + detractors:
        return None
    share = overall.at["Promoter", "share_of_group"]
    toned = f"{text.plural(promoters, 'promoter')} and {text.plural(detractors, 'detractor')}"
    if promoters + detractors < 2 * MIN_MEMBERS:
        return f"Too few members with a clear tone to call it yet: {toned}"
    if promoters == detractors:
        return f"As many promoters as detractors: {toned}"
    if detractors and promoters > detractors:
        times = promoters / detractors
        return (
            f"Promoters outnumber detractors {times:.{0 if times >= 2 else 1}f} to 1: {share:.0%} of "
            "members write more praise than complaints"
        )
    if detractors > promoters:
        return f"Detractors outnumber promoters: {detractors:,} against {promoters:,} members"
    return f"{share:.0%} of members write more praise than complaints, and none more complaints"
