"""Members: who the community is, who is loyal or slipping away and why, and how the brand answers them."""

import streamlit as st

import ui
from analytics import segments
from analytics.i18n import _
from analytics.views.members import members_view, tiers_as_of
from ui import members as widgets

st.title(_("Members"))
st.caption(
    _(
        "Who comments on your videos, how loyal each person is and why, who to thank, welcome or win back, "
        "and how the brand answers them."
    )
)

ws = ui.workspace()
if not ws.has("comments"):
    ui.no_data(
        _(
            "This page needs a **comments export**. TikTok Studio does not export comments: use a comment export "
            "tool (Apify's TikTok comments scraper, an Excel comment exporter or the Business API) and upload its "
            "CSV, XLSX or JSON file in the sidebar."
        )
    )
    st.stop()

period = ui.current_period()
first_day, newest_day = segments.comment_date_range(ws.con)

widgets.brand_question(ws)
as_of, hide_handles = widgets.as_of_and_names(
    ws, first_day, newest_day, tiers_as_of(ws.con, period), period.describe() if period else ""
)
rules, saved_rules = widgets.tier_rules(ws)

# Cheap first: the tiers come from one query and are all the tiles and the Tiers tab need. Sentiment,
# formats and hashtag communities are worked out when a tab (or the table's switch) shows them, and
# each comment's label is kept once computed (analytics/labels.py): a million comments drew in 38 s.
salt = ui.pseudonym_salt()
view = ui.kept(
    "members_view",
    lambda: members_view(
        ws.con,
        period=period,
        as_of=as_of,
        rules=rules,
        saved_rules=saved_rules,
        real_handles=not hide_handles,
        salt=salt,
    ),
    period,
    as_of,
    rules,
    saved_rules,
    hide_handles,
    salt,
)
work = widgets.tab_work(ws, view)
widgets.tiles(view)

# Only the open tab runs (a tab switch reruns the page): the Sentiment tab's work is not the Tiers tab's wait.
tiers_tab, lists_tab, member_tab, replies_tab, sentiment_tab = st.tabs(
    [_("Tiers"), _("Lists to act on"), _("One member"), _("Replies"), _("Sentiment")],
    key="members_view",
    on_change="rerun",
)
with tiers_tab:
    if tiers_tab.open:
        widgets.tiers_tab(view, work)
with lists_tab:
    if lists_tab.open:
        widgets.lists_tab(ws, view, work)
with member_tab:
    if member_tab.open:
        widgets.member_tab(ws, view, work)
with replies_tab:
    if replies_tab.open:
        widgets.replies_tab(ws, view, work)
with sentiment_tab:
    if sentiment_tab.open:
        widgets.sentiment_tab(view, work)
