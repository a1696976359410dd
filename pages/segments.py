"""Community segments: the hashtag communities the videos reach, who the followers are, how members split."""

import pandas as pd
import streamlit as st

import ui
from analytics import charts_members as charts
from analytics import communities, segments
from analytics.formats import video_formats
from analytics.members import member_stats, member_tiers

st.title("Community segments")
st.caption(
    "The groups your community is made of: the hashtag communities your videos reach, who your followers "
    "are, and how your members split by loyalty, habits and mood."
)

ws = ui.workspace()
has_videos, has_comments = ws.has("videos"), ws.has("comments")
has_audience = ws.has("audience_gender") or ws.has("audience_territories") or ws.has("follower_activity")
if not (has_videos or has_comments or has_audience):
    ui.no_data(
        "This page needs your TikTok Studio **Content** export (videos and captions) for hashtag communities, "
        "the **Followers** export for the audience, and a **comments export** for member segments."
    )
    st.stop()

period = ui.current_period()
start, end = (period.start, period.end) if period else (None, None)
st.caption(
    "Hashtag communities and tier trends describe the whole community, so they use all your data; the "
    f"sidebar period{f' ({period.describe()})' if period else ''} applies to the sentiment segments. "
    "Audience numbers come from TikTok Studio's latest Followers export."
)


def remembered(name: str, key: object, compute):
    """A result kept for this browser session until its inputs (`key`) change."""
    memo = st.session_state.setdefault("segments_memo", {})
    if name not in memo or memo[name][0] != key:
        memo[name] = (key, compute())
    return memo[name][1]


communities_tab, audience_tab, members_tab = st.tabs(["Hashtag communities", "Audience", "Member segments"])

# ---------------------------------------------------------------- hashtag communities

with communities_tab:
    if not has_videos:
        st.info(
            "Upload TikTok Studio's **Content** export (one row per video, with its caption) to find the hashtag "
            "communities your videos reach.",
            icon="#️⃣",
        )
    else:
        rules_in_force, overrides_in_force = ui.format_choices()
        formats = video_formats(ws.con, rules=rules_in_force, overrides=overrides_in_force)
        brand_tags = ui.brand_hashtags(formats)
        found = communities.hashtag_communities(formats, brand_hashtags=brand_tags)
        summary = communities.community_summary(ws.con, formats, found)
        st.info(f"**{ui.markdown_escape(communities.community_takeaway(summary))}**", icon="💡")
        if not summary.empty:
            ui.chart(charts.community_chart(summary), "segments_community_chart")
            ui.chart(charts.community_network_chart(found.hashtags, found.edges), "segments_network_chart")
            table = pd.DataFrame(
                {
                    "Community": summary["community"],
                    "Known CommunityTok": summary["known_communitytoks"].replace("", "—"),
                    "Videos": summary["count_videos"],
                    "Views": summary["total_views"],
                    "Engagement rate": summary["engagement_rate"] * 100,
                    "Members who comment": summary["count_members"],
                    "Hashtags (most used first)": summary["hashtags"],
                }
            )
            st.dataframe(
                table,
                hide_index=True,
                column_config={
                    "Views": st.column_config.NumberColumn(format="localized"),
                    "Engagement rate": st.column_config.NumberColumn(
                        format="%.1f%%",
                        help="Likes + comments + shares ÷ views, over the community's videos.",
                    ),
                    "Members who comment": st.column_config.NumberColumn(format="localized"),
                },
                key="segments_communities_table",
            )
            st.caption(
                "A community is named after the known CommunityToks it holds (#BookTok, #CoffeeTok, #FoodTok…), "
                "else after its two most used hashtags. Found by grouping the hashtags that appear together in "
                "the same captions more often than with the others, over all your videos."
            )
            ui.download_csv(
                summary.drop(columns="community_id"),
                "Download the communities (CSV)",
                "communitylens_hashtag_communities.csv",
                key="segments_communities_download",
            )
        if not found.dropped.empty:
            with st.expander(f"Left out of the communities: {len(found.dropped)} hashtags, and why"):
                st.dataframe(
                    found.dropped[["display", "count_videos", "reason"]].rename(
                        columns={
                            "display": "Hashtag",
                            "count_videos": "Videos",
                            "reason": "Why it is left out",
                        }
                    ),
                    hide_index=True,
                    key="segments_dropped",
                )

# ---------------------------------------------------------------- audience

with audience_tab:
    if not has_audience:
        st.info(
            "Upload TikTok Studio's **Followers** export (its ZIP holds FollowerGender, FollowerTopTerritories and "
            "FollowerActivity) to see who your followers are and when they are online.",
            icon="👥",
        )
    else:
        gender_column, territory_column = st.columns(2)
        with gender_column:
            if ws.has("audience_gender"):
                ui.chart(charts.gender_chart(segments.audience_gender(ws.con)), "segments_gender_chart")
            else:
                st.info(
                    "Not in your files: TikTok Studio's FollowerGender (in the Followers export).", icon="👥"
                )
        with territory_column:
            if ws.has("audience_territories"):
                ui.chart(
                    charts.territories_chart(segments.top_territories(ws.con)), "segments_territories_chart"
                )
            else:
                st.info(
                    "Not in your files: TikTok Studio's FollowerTopTerritories (in the Followers export).",
                    icon="🌍",
                )
        if ws.has("follower_activity"):
            ui.chart(charts.active_hours_chart(segments.active_hours(ws.con)), "segments_hours_chart")
        else:
            st.info(
                "Not in your files: TikTok Studio's FollowerActivity (in the Followers export).", icon="🕗"
            )

# ---------------------------------------------------------------- member segments

with members_tab:
    if not has_comments:
        st.info(
            "Member segments need a **comments export**. TikTok Studio does not export comments: use a comment "
            "export tool (Apify's TikTok comments scraper, an Excel comment exporter or the Business API) and "
            "upload its CSV, XLSX or JSON file in the sidebar.",
            icon="💬",
        )
    else:
        tier_rules = ui.tier_rules()  # this client's own thresholds, as on the Members page
        fingerprint = (segments.comments_fingerprint(ws.con), tier_rules)
        by_month = remembered("tiers", fingerprint, lambda: segments.tier_sizes_by_month(ws.con, tier_rules))
        st.info(f"**{ui.markdown_escape(segments.tier_trend_takeaway(by_month))}**", icon="💡")
        ui.chart(charts.tier_sizes_chart(by_month), "segments_tiers_chart")

        tiers = member_tiers(member_stats(ws.con), tier_rules)
        frequency = segments.interaction_frequency(ws.con)
        ui.chart(
            charts.frequency_chart(segments.frequency_distribution(frequency, tiers)),
            "segments_frequency_chart",
        )
        st.caption(ui.markdown_escape(segments.frequency_takeaway(frequency, tiers)))

        edits = ui.sentiment_edits()
        labelled = segments.comment_sentiment(
            ws.con,
            lexicon_additions=edits.get("lexicon"),
            corrections=edits.get("corrections"),
            memo=st.session_state.setdefault("sentiment_memo", {}),
        )
        feelings = segments.member_feelings(ws.con, labelled, start=start, end=end)
        if feelings.empty:
            st.info("No member commented in this period. Pick a longer period in the sidebar.", icon="📅")
        else:
            segment_table = segments.sentiment_segments(feelings, tiers)
            ui.chart(charts.sentiment_segments_chart(segment_table), "segments_sentiment_chart")
            st.caption(
                f"From members' comments {period.describe() if period else 'at any time'}, labelled on this "
                "computer (the method and its limits are on the Members page, where labels can be corrected)."
            )
            ui.download_csv(
                segment_table,
                "Download the sentiment segments (CSV)",
                "communitylens_sentiment_segments.csv",
                key="segments_sentiment_download",
            )
