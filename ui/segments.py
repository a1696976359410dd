"""The Community segments page's tabs: each draws one view of analytics/views/segments.py."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from analytics import charts_members as charts
from analytics import segments, wording
from analytics.definitions import COLUMN_LABELS
from analytics.i18n import _, ngettext
from analytics.views.segments import AudienceView, CommunitiesView, SentimentView


def communities_tab(view: CommunitiesView) -> None:
    summary, found = view.summary, view.found
    st.info(f"**{ui.markdown_escape(view.takeaway)}**", icon="💡")
    if not summary.empty:
        ui.chart(charts.community_chart(summary), "segments_community_chart")
        ui.chart(charts.community_network_chart(found.hashtags, found.edges), "segments_network_chart")
        views, rate, members = (
            _(COLUMN_LABELS["total_views"]),
            _(COLUMN_LABELS["engagement_rate"]),
            _("Members who comment"),
        )
        table = pd.DataFrame(
            {
                _("Community"): summary["community"],
                _("Known CommunityTok"): summary["known_communitytoks"].replace("", "—"),
                _(COLUMN_LABELS["count_videos"]): summary["count_videos"],
                views: summary["total_views"],
                rate: summary["engagement_rate"] * 100,
                members: summary["count_members"],
                _("Hashtags (most used first)"): summary["hashtags"],
            }
        )
        st.dataframe(
            table,
            hide_index=True,
            column_config={
                views: st.column_config.NumberColumn(format="localized"),
                rate: st.column_config.NumberColumn(
                    format="%.1f%%", help=_("Likes + comments + shares ÷ views, over the community's videos.")
                ),
                members: st.column_config.NumberColumn(format="localized"),
            },
            key="segments_communities_table",
        )
        st.caption(
            _(
                "A community is named after the known CommunityToks it holds (#BookTok, #CoffeeTok, #FoodTok…), "
                "else after its two most used hashtags. Found by grouping the hashtags that appear together in "
                "the same captions more often than with the others, over the videos posted in the period."
            )
        )
        ui.download_csv(
            summary.drop(columns="community_id"),
            _("Download the communities (CSV)"),
            "communitylens_hashtag_communities.csv",
            key="segments_communities_download",
        )
    if not found.dropped.empty:
        left_out = ngettext(
            "Left out of the communities: {count} hashtag, and why",
            "Left out of the communities: {count} hashtags, and why",
            len(found.dropped),
        ).format(count=wording.count(len(found.dropped)))
        with st.expander(left_out):
            st.dataframe(
                found.dropped[["display", "count_videos", "reason"]].rename(
                    columns={
                        "display": _("Hashtag"),
                        "count_videos": _(COLUMN_LABELS["count_videos"]),
                        "reason": _("Why it is left out"),
                    }
                ),
                hide_index=True,
                key="segments_dropped",
            )


def audience_tab(view: AudienceView) -> None:
    gender_column, territory_column = st.columns(2)
    with gender_column:
        if len(view.gender):
            ui.chart(charts.gender_chart(view.gender), "segments_gender_chart")
        else:
            st.info(
                _("Not in your files: TikTok Studio's FollowerGender (in the Followers export)."), icon="👥"
            )
    with territory_column:
        if len(view.territories):
            ui.chart(charts.territories_chart(view.territories), "segments_territories_chart")
        else:
            st.info(
                _("Not in your files: TikTok Studio's FollowerTopTerritories (in the Followers export)."),
                icon="🌍",
            )
    if view.hours is not None:
        ui.chart(charts.active_hours_chart(view.hours), "segments_hours_chart")
    else:
        st.info(
            _("Not in your files: TikTok Studio's FollowerActivity (in the Followers export)."), icon="🕗"
        )


def tier_trend(by_month: pd.DataFrame, frequency: pd.DataFrame, tiers: pd.DataFrame) -> None:
    st.info(f"**{ui.markdown_escape(segments.tier_trend_takeaway(by_month))}**", icon="💡")
    ui.chart(charts.tier_sizes_chart(by_month), "segments_tiers_chart")
    ui.chart(
        charts.frequency_chart(segments.frequency_distribution(frequency, tiers)), "segments_frequency_chart"
    )
    st.caption(ui.markdown_escape(segments.frequency_takeaway(frequency, tiers)))


def sentiment(view: SentimentView, period: str | None) -> None:
    """`period`: the sidebar period in words (None: every comment)."""
    if view.headline is None:
        st.info(_("No member commented in this period. Pick a longer period in the sidebar."), icon="📅")
        return
    st.info(f"**{ui.markdown_escape(view.headline)}**", icon="💬")
    ui.chart(charts.sentiment_segments_chart(view.table), "segments_sentiment_chart")
    st.caption(
        _(
            "From members' comments in {period}, labelled on this computer (the method and its limits are on "
            "the Members page, where labels can be corrected)."
        ).format(period=period)
        if period
        else _(
            "From all members' comments, labelled on this computer (the method and its limits are on the "
            "Members page, where labels can be corrected)."
        )
    )
    ui.download_csv(
        view.table,
        _("Download the sentiment segments (CSV)"),
        "communitylens_sentiment_segments.csv",
        key="segments_sentiment_download",
    )
