"""What-if: plan next month's mix of formats and LIVEs, and check whether one group of videos really beats another."""

import streamlit as st

import ui
from analytics.i18n import _
from analytics.views.whatif import whatif_view
from ui import whatif as tabs

st.title(_("What-if"))
st.caption(
    _(
        "“What if we did more LIVEs?” Plan next month's mix of formats and LIVEs with numbers from your own "
        "history, and check whether one group of videos really beats another or it could be luck."
    )
)

ws = ui.workspace()
period = ui.current_period()
if not ws.has("videos") or period is None:
    ui.no_data(
        _("No videos yet. Upload your TikTok Studio Content export (one row per video) to plan a mix.")
    )
    st.stop()

rules, overrides = ui.format_choices()
view = whatif_view(ws.con, period, rules=rules, overrides=overrides, series=ui.format_series())
planner, compare, live = st.tabs([_("Content-mix planner"), _("Compare two groups"), _("More LIVEs?")])
with planner:
    tabs.planner_tab(view)
with compare:
    tabs.compare_tab(view)
with live:
    tabs.lives_tab(view)

st.divider()
tabs.members_link()
st.caption(
    _(
        "Every chart can be downloaded as a PNG: hover it and click the camera icon at its top right (twice "
        "screen resolution)."
    )
)
