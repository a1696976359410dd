"""Overview: how is the account doing in the chosen period, against the period before?"""

import streamlit as st

import ui
from analytics import charts
from analytics.definitions import DEFINITIONS
from analytics.views.overview import overview_view

st.title("Overview")
st.caption("How the account did in the chosen period, each number against the period before it.")

ws = ui.workspace()
period = ui.current_period()
if period is None:
    ui.no_data(
        "No data yet. Upload your TikTok Studio exports (Overview, Followers, Viewers…) to see the account's numbers."
    )
    st.stop()

view = overview_view(ws.con, period)
shown, missing, trend = view.shown, view.missing, view.trend
ui.kpi_tiles(shown)
st.caption(
    view.comparison + ("" if view.compares else " Pick a shorter period in the sidebar to see changes.")
)
if not missing.empty:
    st.caption(
        "Not in your files yet: "
        + "; ".join(f"**{row.label}** (needs {row.missing_source})" for row in missing.itertuples())
        + ". TikTok Studio does not export these; see the Data page for templates."
    )

if view.has_trend:
    views_tab, engagement_tab, followers_tab, viewers_tab = st.tabs(
        ["Views", "Engagement rate", "Followers", "New vs returning viewers"]
    )
    with views_tab:
        ui.chart(
            charts.daily_trend_chart(
                trend, "video_views", title="Video views per day", definition=DEFINITIONS["video_views"][1]
            ),
            "overview_views",
        )
    with engagement_tab:
        fig = charts.daily_trend_chart(
            trend,
            "engagement_rate",
            title="Engagement rate per day",
            definition=DEFINITIONS["engagement_rate"][1],
            percent=True,
        )
        ui.chart(fig, "overview_engagement_rate")
    with followers_tab:
        if trend["followers"].notna().any():
            ui.chart(
                charts.followers_chart(
                    trend, title="Followers", definition=DEFINITIONS["follower_growth"][1]
                ),
                "overview_followers",
            )
        else:
            st.info("Upload the TikTok Studio Followers export (FollowerHistory) to see follower growth.")
    with viewers_tab:
        if trend["new_viewers"].notna().any():
            ui.chart(
                charts.viewers_chart(
                    trend, title="New and returning viewers per day", definition=DEFINITIONS["new_viewers"][1]
                ),
                "overview_viewers",
            )
        else:
            st.info("Upload the TikTok Studio Viewers export to see new and returning viewers.")
else:
    st.info(
        "No daily numbers in this period. Upload a TikTok Studio Overview export, or pick another period in the sidebar."
    )

with st.expander("Definitions of these numbers"):
    for metric in (
        "video_views",
        "engagements",
        "engagement_rate",
        "follower_growth",
        "new_viewers",
        "completion_rate",
        "average_watch_seconds",
        "change",
    ):
        label, text = DEFINITIONS[metric]
        st.markdown(f"**{label}**: {text}")

ui.download_csv(trend, "Download the daily numbers (CSV)", "communitylens_daily.csv", key="overview_download")
