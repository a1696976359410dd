"""Data: what each uploaded file held, what we assumed, and how to fix it."""

import streamlit as st

import ui
from analytics import wording
from analytics.i18n import _, ngettext
from analytics.store import ClientWorkspace
from analytics.templates import lives_template_csv, video_details_template_csv
from ui import data as sections

st.title(_("Data"))
st.caption(
    _(
        "Every file you uploaded, what we recognised in it, and anything we had to assume. Files are recognised by their columns, never by their name."
    )
)

ws = ui.workspace()
st.caption(_(ui.REMEMBERED_SPLIT))
if ui.is_demo():
    st.info(
        _(
            "These are the demo brand's files, in the real TikTok export formats. Upload your own in the sidebar: "
            "they become a client of your own, kept for your next visit."
        ),
        icon="☕",
    )

for problem in ws.problems:
    st.error(ui.markdown_escape(str(problem.message)), icon="🚫")

if isinstance(ws, ClientWorkspace):
    sections.imports(ws)

summary = ws.summary()
if summary.empty and not ws.pending:
    ui.no_data(
        _(
            "Nothing loaded yet. Drop your TikTok exports in the box on the left: several at once, ZIPs included."
        )
    )
else:
    sections.loaded_files(ws, summary)
    sections.year_fix(ws, summary)

for index, pending in enumerate(ws.pending):
    sections.column_mapping(ws, index, pending)

st.subheader(_("Your account"))
detected = ws.detected_brand_handles()
handles = st.text_input(
    _("Your TikTok handle(s), comma-separated"),
    value=", ".join(sorted(ws.brand_handles) or detected[:1]),
    key="data_brand_handles",
    help=_("Comments written by these accounts are your brand's replies, not community members."),
)
chosen = {handle.strip().lstrip("@").lower() for handle in handles.split(",") if handle.strip()}
if chosen and chosen != ws.brand_handles:
    ws.set_brand_handles(chosen)

st.subheader(_("Data TikTok does not export"))
st.markdown(
    _(
        "TikTok Studio has no export for **LIVE sessions**, and none for **completion rate, watch time or saves** per video. "
        "Download a template, fill it in (Excel or Google Sheets), and upload it back in the sidebar."
    )
)
left, right = st.columns(2)
left.download_button(
    _("LIVE sessions template (CSV)"),
    lives_template_csv(),
    "communitylens_lives_template.csv",  # i18n: a file name
    "text/csv",
    key="data_live_template",
)
right.download_button(
    _("Video detail template (CSV)"),
    video_details_template_csv(),
    "communitylens_video_details_template.csv",  # i18n: a file name
    "text/csv",
    key="data_video_template",
)

with st.expander(_("Where to find your TikTok exports")):
    st.markdown(
        _(
            "- **TikTok Studio** (web): Analytics → pick a tab (Overview, Content, Viewers, Followers) → **Download data**; choose CSV or XLSX. Upload the ZIP as it is.\n"
            "- **Comments**: TikTok exports none; use a comment export tool (Apify's TikTok comments scraper, an Excel comment exporter) and upload its CSV, XLSX or JSON.\n"
            "- **Business Suite**: Analytics → Export; daily and per-video files are both recognised."
        )
    )

if ws.uploads and not ui.is_demo():
    with st.expander(_("Remove a file")):
        choices = ui.upload_choices(ws.uploads)
        digest = st.selectbox(_("File"), list(choices), format_func=choices.get, key="data_remove_file")
        if st.button(_("Remove"), key="data_remove_apply"):
            ui.remove_upload(digest)
            st.rerun()

counts = ws.row_counts()
st.caption(
    _("In all, once your files are merged: {days} of daily numbers, {videos}, {comments}, {lives}.").format(
        days=ngettext("{count} day", "{count} days", counts["daily_stats"]).format(
            count=wording.count(counts["daily_stats"])
        ),
        videos=ngettext("{count} video", "{count} videos", counts["videos"]).format(
            count=wording.count(counts["videos"])
        ),
        comments=ngettext("{count} comment", "{count} comments", counts["comments"]).format(
            count=wording.count(counts["comments"])
        ),
        lives=ngettext("{count} LIVE session", "{count} LIVE sessions", counts["lives"]).format(
            count=wording.count(counts["lives"])
        ),
    )
)
