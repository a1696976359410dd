"""Overview: how is the account doing in the chosen period, against the period before?"""

import streamlit as st

import ui
from analytics import charts
from analytics.definitions import definition
from analytics.i18n import _
from analytics.views.overview import overview_view

st.title(_("Overview"))
st.caption(_("How the account did in the chosen period, each number against the period before it."))

ws = ui.workspace()
period = ui.current_period()
if period is None:
    ui.no_data(
        _(
            "No data yet. Upload your TikTok Studio exports (Overview, Followers, Viewers…) to see the account's numbers."
        )
    )
    st.stop()

view = overview_view(ws.con, period)
shown, missing, trend = view.shown, view.missing, view.trend
ui.kpi_tiles(shown)
st.caption(
    view.comparison
    + ("" if view.compares else " " + _("Pick a shorter period in the sidebar to see changes."))
)
if not missing.empty:
    st.caption(
        # Translators: {numbers} is a list like "**Completion rate** (needs a video detail sheet …)"
        _(
            "Not in your files yet: {numbers}. TikTok Studio does not export these; see the Data page for templates."
        ).format(
            numbers="; ".join(
                # Translators: {number} is a number's name, {source} the file that gives it ("a TikTok Studio Viewers export")
                _("**{number}** (needs {source})").format(number=row.label, source=row.missing_source)
                for row in missing.itertuples()
            )
        )
    )

if view.has_trend:
    views_tab, engagement_tab, followers_tab, viewers_tab = st.tabs(
        [_("Views"), _("Engagement rate"), _("Followers"), _("New vs returning viewers")]
    )
    with views_tab:
        ui.chart(
            charts.daily_trend_chart(
                trend, "video_views", title=_("Video views per day"), definition=definition("video_views")[1]
            ),
            "overview_views",
        )
    with engagement_tab:
        fig = charts.daily_trend_chart(
            trend,
            "engagement_rate",
            title=_("Engagement rate per day"),
            definition=definition("engagement_rate")[1],
            percent=True,
        )
        ui.chart(fig, "overview_engagement_rate")
    with followers_tab:
        if trend["followers"].notna().any():
            ui.chart(
                charts.followers_chart(
                    trend, title=_("Followers"), definition=definition("follower_growth")[1]
                ),
                "overview_followers",
            )
        else:
            st.info(_("Upload the TikTok Studio Followers export (FollowerHistory) to see follower growth."))
    with viewers_tab:
        if trend["new_viewers"].notna().any():
            ui.chart(
                charts.viewers_chart(
                    trend,
                    title=_("New and returning viewers per day"),
                    definition=definition("new_viewers")[1],
                ),
                "overview_viewers",
            )
        else:
            st.info(_("Upload the TikTok Studio Viewers export to see new and returning viewers."))
else:
    st.info(
        _(
            "No daily numbers in this period. Upload a TikTok Studio Overview export, or pick another period in the sidebar."
        )
    )

with st.expander(_("Definitions of these numbers")):
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
        name, text = definition(metric)
        st.markdown(_("**{name}**: {text}").format(name=name, text=text))

ui.download_csv(
    trend.rename(columns=charts.LABELS),  # English headers: the download writes them in the reader's language
    _("Download the daily numbers (CSV)"),
    "communitylens_daily.csv",
    key="overview_download",
)
