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

from analytics import audience, communities, db, segments, timezones, wording
from analytics.communities import HashtagCommunities
from analytics.formats import DEFAULT_RULES, Rules, video_formats
from analytics.i18n import _, ngettext
from analytics.members import TierRules, member_stats, member_tiers
from analytics.overview import Period

# A tone is called only when promoters and detractors together are at least twice this many members.
MIN_MEMBERS = 5


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
        # Translators: {members} is "12 members", {videos} is "5 videos".
        headline = _(
            "{community} is your biggest hashtag community: {members} commented on its {videos}"
        ).format(
            community=biggest["community"],
            members=_members(int(biggest["count_members"])),
            videos=_videos(int(biggest["count_videos"])),
        )
    shown = [
        # Translators: "#BookTok: 5 videos, 12.3K views, 4.5% engagement" ({videos} and {views} carry their noun).
        _("{community}: {videos}, {views}, {rate} engagement").format(
            community=row.community,
            videos=_videos(row.count_videos),
            views=ngettext("{count} view", "{count} views", row.total_views).format(
                count=wording.count(row.total_views)
            ),
            rate=wording.percent(row.engagement_rate),
        )
        for row in summary.head(4).itertuples()
        if not pd.isna(row.engagement_rate)
    ]
    note = (
        "; ".join(shown)
        + (". " if shown else "")
        + _("A video counts for every community its hashtags belong to.")
    )
    return CommunitiesView(found, summary, communities.community_takeaway(summary), headline, note)


def _members(count: int) -> str:
    return ngettext("{count} member", "{count} members", count).format(count=wording.count(count))


def _videos(count: int) -> str:
    return ngettext("{count} video", "{count} videos", count).format(count=wording.count(count))


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
        gender_headline = _gender_headline(str(top["gender"]), wording.percent(top["share"]))
    territories = audience.top_territories(con, top=8)
    territories_headline = None
    if len(territories):
        named = territories[territories["territory_code"] != "Others"]
        first = named.iloc[0] if len(named) else territories.iloc[0]
        territories_headline = _("{share} of your followers are in {territory}").format(
            share=wording.percent(first["share"]), territory=first["territory"]
        )
        if len(named) > 1:
            territories_headline = _(
                "{share} of your followers are in {territory}, {second_share} in {second_territory}"
            ).format(
                share=wording.percent(first["share"]),
                territory=first["territory"],
                second_share=wording.percent(named.iloc[1]["share"]),
                second_territory=named.iloc[1]["territory"],
            )
    hours, peaks = None, []
    if db.scalar(con, "select count(*) from follower_activity"):
        hours = audience.active_hours(con)
        peaks = timezones.peak_activity_hours(timezones.follower_activity_grid(con))
    return AudienceView(gender, territories, hours, gender_headline, territories_headline, peaks)


def _gender_headline(gender: str, share: str) -> str:
    """TikTok's gender words ("Female", "Male") in a sentence; any other as TikTok wrote it."""
    known = gender.strip().casefold()
    if known == "female":
        return _("{share} of your followers are women").format(share=share)
    if known == "male":
        return _("{share} of your followers are men").format(share=share)
    # Translators: {gender} is the gender as TikTok's file writes it ("Other", "Unknown").
    return _("{share} of your followers: {gender}").format(share=share, gender=gender)


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
        int(overall.at[name, "count_members"]) for name in segments.SEGMENT_ORDER
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
    share = wording.percent(overall.at["Promoter", "share_of_group"])
    counted = {
        "promoters": ngettext("{count} promoter", "{count} promoters", promoters).format(
            count=wording.count(promoters)
        ),
        "detractors": ngettext("{count} detractor", "{count} detractors", detractors).format(
            count=wording.count(detractors)
        ),
    }
    if promoters + detractors < 2 * MIN_MEMBERS:
        return _("Too few members with a clear tone to call it yet: {promoters} and {detractors}").format(
            **counted
        )
    if promoters == detractors:
        return _("As many promoters as detractors: {promoters} and {detractors}").format(**counted)
    if detractors and promoters > detractors:
        times = promoters / detractors
        ratio = wording.count(round(times)) if times >= 2 else wording.value(times, "decimal")
        return _(
            "Promoters outnumber detractors {ratio} to 1: {share} of members write more praise than complaints"
        ).format(ratio=ratio, share=share)
    if detractors > promoters:
        return ngettext(
            "Detractors outnumber promoters: {detractors} against {promoters} member",
            "Detractors outnumber promoters: {detractors} against {promoters} members",
            promoters,
        ).format(detractors=wording.count(detractors), promoters=wording.count(promoters))
    return _("{share} of members write more praise than complaints, and none more complaints").format(
        share=share
    )
