"""Community segments: the hashtag communities the videos reach, who the followers are, how members split."""

import streamlit as st

import ui
from analytics import segments
from analytics.i18n import _
from analytics.members import member_stats, member_tiers
from analytics.views.segments import audience_view, communities_view, sentiment_view
from ui import segments as tabs

st.title(_("Community segments"))
st.caption(
    _(
        "The groups your community is made of: the hashtag communities your videos reach, who your followers "
        "are, and how your members split by loyalty, habits and mood."
    )
)

ws = ui.workspace()
has_videos, has_comments = ws.has("videos"), ws.has("comments")
has_audience = ws.has("audience_gender") or ws.has("audience_territories") or ws.has("follower_activity")
if not (has_videos or has_comments or has_audience):
    ui.no_data(
        _(
            "This page needs your TikTok Studio **Content** export (videos and captions) for hashtag "
            "communities, the **Followers** export for the audience, and a **comments export** for member "
            "segments."
        )
    )
    st.stop()

period = ui.current_period()
st.caption(
    _(
        "Hashtag communities and sentiment follow the sidebar period ({period}), as in the report; tier trends "
        "use all your comments (a trend needs the months before). Audience numbers come from TikTok Studio's "
        "latest Followers export."
    ).format(period=period.describe())
    if period
    else _(
        "Hashtag communities and sentiment follow the sidebar period, as in the report; tier trends use all your "
        "comments (a trend needs the months before). Audience numbers come from TikTok Studio's latest "
        "Followers export."
    )
)


def remembered(name: str, key: object, compute):
    """A result kept for this browser session until its inputs (`key`) change."""
    memo = st.session_state.setdefault("segments_memo", {})
    if name not in memo or memo[name][0] != key:
        memo[name] = (key, compute())
    return memo[name][1]


# Only the open tab runs (a tab switch reruns the page).
communities_tab, audience_tab, members_tab = st.tabs(
    [_("Hashtag communities"), _("Audience"), _("Member segments")], key="segments_view", on_change="rerun"
)

with communities_tab:
    if communities_tab.open:
        if not has_videos:
            st.info(
                _(
                    "Upload TikTok Studio's **Content** export (one row per video, with its caption) to find the "
                    "hashtag communities your videos reach."
                ),
                icon="#️⃣",
            )
        else:
            rules, overrides = ui.format_choices()
            tags, handle = ui.chosen_brand_hashtags()
            view = communities_view(
                ws.con,
                period,
                rules=rules,
                overrides=overrides,
                series=ui.format_series(),
                brand_hashtags=tags,
                brand_handle=handle,
            )
            tabs.communities_tab(view)

with audience_tab:
    if audience_tab.open:
        if not has_audience:
            st.info(
                _(
                    "Upload TikTok Studio's **Followers** export (its ZIP holds FollowerGender, FollowerTopTerritories "
                    "and FollowerActivity) to see who your followers are and when they are online."
                ),
                icon="👥",
            )
        else:
            tabs.audience_tab(audience_view(ws.con))

with members_tab:
    if members_tab.open:
        if not has_comments:
            st.info(
                _(
                    "Member segments need a **comments export**. TikTok Studio does not export comments: use a "
                    "comment export tool (Apify's TikTok comments scraper, an Excel comment exporter or the Business "
                    "API) and upload its CSV, XLSX or JSON file in the sidebar."
                ),
                icon="💬",
            )
        else:
            tier_rules = ui.tier_rules()  # this client's own thresholds, as on the Members page
            fingerprint = (segments.comments_fingerprint(ws.con), tier_rules)
            by_month = remembered(
                "tiers", fingerprint, lambda: segments.tier_sizes_by_month(ws.con, tier_rules)
            )
            tiers = member_tiers(member_stats(ws.con), tier_rules)
            tabs.tier_trend(by_month, segments.interaction_frequency(ws.con), tiers)
            edits = ui.sentiment_edits()
            view = sentiment_view(
                ws.con,
                period,
                tier_rules=tier_rules,
                lexicon_additions=edits.get("lexicon"),
                corrections=edits.get("corrections"),
                memo=st.session_state.setdefault("sentiment_memo", {}),
            )
            tabs.sentiment(view, period.describe() if period else None)
