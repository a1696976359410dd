"""CommunityLens: TikTok exports in, answers about your community out.

Entry point: page config, navigation, and the sidebar every page shares (the upload
box and the period). Run with `streamlit run app.py`; it opens on the demo brand.
"""

from pathlib import Path

import streamlit as st

import ui
from analytics.i18n import _
from ui import language

ASSETS = Path(__file__).parent / "assets"

st.set_page_config(page_title="CommunityLens", page_icon="🔎", layout="wide")
language.choose()

pages = st.navigation(
    [
        st.Page("pages/overview.py", title=_("Overview"), icon=":material/insights:", default=True),
        st.Page("pages/formats.py", title=_("Interaction formats"), icon=":material/category:"),
        st.Page("pages/members.py", title=_("Members"), icon=":material/groups:"),
        st.Page("pages/segments.py", title=_("Community segments"), icon=":material/diversity_3:"),
        st.Page("pages/whatif.py", title=_("What-if"), icon=":material/tune:"),
        st.Page("pages/report.py", title=_("Report"), icon=":material/slideshow:"),
        st.Page("pages/data.py", title=_("Data"), icon=":material/upload_file:"),
    ],
    # In presentation mode the sidebar hides, so the pages move to the top bar.
    position="top" if ui.presenting() else "sidebar",
)

st.logo(str(ASSETS / "logo.svg"), icon_image=str(ASSETS / "icon.svg"), size="large")
ui.page_style()
with ui.one_run_at_a_time():
    ui.client_picker()
    st.session_state.ui_refreshed = False
    ui.workspace()
    ui.upload_box()
    ui.data_source_note()
    ui.held_files()
    st.session_state.period = ui.period_control()
    ui.presentation_mode(st.session_state.period)
    language.picker()
    with ui.page_errors():
        pages.run()
    ui.show_notes()
