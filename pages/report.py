"""Report: the client deck and the offline HTML report, built from the sections the marketer picks."""

import re

import streamlit as st

import ui
from analytics import preferences, wording
from analytics.charts import BRAND
from analytics.overview import Period
from analytics.report import SECTIONS
from analytics.report.deck import build_deck
from analytics.report.html import build_html
from ui import report as parts

st.title("Report")
st.caption(
    "Straight into the meeting: pick the sections and the dates, add your client's name, logo and colour, and "
    "download a PowerPoint deck (one finding per slide, charts your client can edit) or a report that opens "
    "offline in any browser."
)

ws = ui.workspace()
period = ui.current_period()
if period is None:
    ui.no_data("No data yet. Upload your TikTok exports to build a report.")
    st.stop()

# The client's remembered settings fill the controls: when another client (workspace) is opened,
# and whenever Streamlit dropped a control's value on another page.
saved = preferences.load_report_settings(memory=ui.memory(), sections=SECTIONS)
fresh = st.session_state.get("report_settings_for") is not ws
st.session_state.report_settings_for = ws
for key, setting, default in (
    ("report_sections", "sections", list(SECTIONS)),
    ("report_client", "client", ""),
    ("report_color", "color", BRAND),
):
    if fresh or key not in st.session_state:
        st.session_state[key] = saved.get(setting, default)


left, right = st.columns(2)
sections = left.multiselect(
    "Sections",
    list(SECTIONS),
    format_func=SECTIONS.get,
    key="report_sections",
    on_change=parts.remember,
    args=("sections", "report_sections"),
)
client = left.text_input(
    "Client's name",
    key="report_client",
    placeholder=ws.label,
    max_chars=preferences.MAX_CLIENT_NAME,
    on_change=parts.remember,
    args=("client", "report_client"),
)
generation = st.session_state.get("report_logo_generation", 0)
logo_key = f"report_logo_{generation}" if generation else "report_logo"
logo_file = left.file_uploader(
    "Client's logo (PNG or JPEG, up to 1 MB)",
    type=["png", "jpg", "jpeg"],
    key=logo_key,
    on_change=parts.remember_logo,
    args=(logo_key,),
)
if right.toggle("Same dates as the sidebar", value=True, key="report_same_period"):
    dates = period
    right.caption(period.describe())
else:
    picked = right.date_input("Dates", value=(period.start, period.end), key="report_dates")
    dates = Period(picked[0], picked[-1]) if len(picked) else period
color = right.color_picker(
    "Brand colour", key="report_color", on_change=parts.remember, args=("color", "report_color")
)
real_handles = right.toggle(
    "Show members' real handles",
    value=False,
    key="report_real_handles",
    help="Off (the default): every member handle in the deck and the report is a pseudonym (member-3f9a…), "
    "the same one the Members page shows, month after month. On: real @handles, for your own team only.",
)

logo = logo_file.getvalue() if logo_file is not None else None
if logo is not None and (problem := preferences.logo_problem(logo)):
    st.warning(problem, icon="🖼️")
    logo = None
logo = logo or saved.get("logo")
if logo is not None:
    in_use = left.container(horizontal=True, vertical_alignment="center")
    in_use.image(logo, caption=f"Logo in use ({len(logo) / 1000:,.0f} KB)", width=120)
    in_use.button("Remove the logo", key="report_logo_forget", on_click=parts.forget_logo, type="tertiary")
right.caption(f"Sections, name, logo and colour are remembered {ui.remembered_where()}.")
if not sections:
    st.info("Pick at least one section.", icon="📋")
    st.stop()

report = parts.report_for(
    ws, sections=sections, dates=dates, client=client, real_handles=real_handles, color=color, logo=logo
)

if not report.findings:
    st.info(
        "Nothing to report for these sections and dates: " + ui.markdown_escape(" ".join(report.skipped)),
        icon="📭",
    )
    st.stop()

name = re.sub(r"[^A-Za-z0-9]+", "_", client or ws.label).strip("_").lower() or "brand"
stem = f"{name}_tiktok_report_{dates.end:%Y-%m-%d}"
download_left, download_right = st.columns(2)
# The files are built when a button is clicked (kaleido renders the deck's heatmaps and scatters then).
download_left.download_button(
    "Download the PowerPoint deck",
    data=lambda: build_deck(report),
    file_name=f"{stem}.pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    key="report_download_deck",
    icon=":material/slideshow:",
    type="primary",
    width="stretch",
)
download_right.download_button(
    "Download the HTML report (works offline)",
    data=lambda: build_html(report).encode("utf-8"),
    file_name=f"{stem}.html",
    mime="text/html",
    key="report_download_html",
    icon=":material/language:",
    width="stretch",
)
st.caption(
    f"{wording.plural(len(report.findings), 'finding')}, one per slide, between a title slide and the methodology (every definition "
    "and the data windows used). Only the sections you picked leave the app; member handles are pseudonyms unless "
    "you switch real handles on; no comment text goes in. Every chart on every page can also be downloaded as a "
    "PNG: hover it and click the camera icon at its top right."
)
if report.skipped:
    st.caption("Left out: " + ui.markdown_escape(" ".join(report.skipped)))

parts.preview(report)
