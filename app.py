"""CommunityLens: TikTok exports in, answers about your community out.

Entry point: page config, navigation, and the sidebar every page shares (the upload
box and the period). Run with `streamlit run app.py`; it opens on the demo brand.
"""

import streamlit as st

import ui

st.set_page_config(page_title="CommunityLens", page_icon="🔎", layout="wide")

pages = st.navigation(
    [
        st.Page("pages/overview.py", title="Overview", icon=":material/insights:", default=True),
        st.Page("pages/data.py", title="Data", icon=":material/upload_file:"),
    ]
)

st.sidebar.markdown("### 🔎 CommunityLens")
ui.workspace()
ui.upload_box()
ui.data_source_note()
st.session_state.period = ui.period_control()

pages.run()
