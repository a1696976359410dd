"""Interaction formats: which kinds of video build the community, when to post them, and how the LIVEs go."""

import streamlit as st

import ui
from analytics.i18n import _
from analytics.settings import SETTINGS
from analytics.views.formats import formats_view
from ui import formats as tabs

st.title(_("Interaction formats"))
st.caption(
    _(
        "Which kinds of video (tutorials, challenges, LIVE Q&As, giveaways…) earn your community's engagement, "
        "when to post them, and how your LIVEs go."
    )
)

ws = ui.workspace()
has_videos = ws.has("videos")
if not has_videos and not ws.has("lives"):
    ui.no_data(
        _("No videos yet. Upload your TikTok Studio Content export (one row per video) to compare formats.")
    )
    st.stop()

prefs = tabs.session_preferences(ws)
left, right = st.columns([1, 2])
min_videos = left.number_input(
    _("Fewest videos to compare a format"),
    min_value=2,
    max_value=50,
    value=SETTINGS.min_videos,
    key="formats_min_videos",
    help=_("A format with fewer videos is greyed and marked “not enough videos to say”."),
)
show_claims = right.toggle(
    _("Show the playbook's published claims"),
    value=False,
    key="formats_show_claims",
    help=_(
        "Video challenge 35–45%, LIVE Q&A 30–40%, mini game 25–35% “average interaction”, as published. "
        "Not your data."
    ),
)

handles = ws.detected_brand_handles()
handle = handles[0] if handles else None
period = ui.current_period()
brand_hashtags = tabs.brand_hashtags_choice(handle)
utc_offset = st.session_state.get("formats_utc_offset")
view = ui.kept(
    "formats_view",
    lambda: formats_view(
        ws.con,
        period,
        rules=prefs["rules"],
        overrides=prefs["overrides"],
        series=prefs["series"],
        min_videos=min_videos,
        brand_hashtags=brand_hashtags,
        brand_handle=handle,
        utc_offset=utc_offset,
    ),
    period,
    repr(prefs["rules"]),
    dict(prefs["overrides"]),
    dict(prefs["series"]),
    min_videos,
    brand_hashtags,
    handle,
    utc_offset,
)
tabs.takeaway(view)

by_format, fixing, hashtags, timing, live = st.tabs(
    [_("By format"), _("Check and fix formats"), _("Hashtags"), _("When to post"), _("LIVE")]
)
with by_format:
    tabs.by_format_tab(view, show_claims=show_claims, has_videos=has_videos)
with fixing:
    tabs.fixing_tab(ws, view, prefs)
with hashtags:
    tabs.hashtags_tab(view, handle)
with timing:
    tabs.timing_tab(view)
with live:
    tabs.live_tab(view)
