"""Report: the client deck and the offline HTML report, built from the sections the marketer picks."""

import re

import streamlit as st

import ui
from analytics import i18n, preferences
from analytics.charts import BRAND
from analytics.i18n import _
from analytics.overview import Period
from analytics.report import SECTIONS
from analytics.report.deck import build_deck
from analytics.report.html import build_html
from analytics.report.model import section_title
from analytics.report.text import number
from ui import report as parts

st.title(_("Report"))
st.caption(
    _(
        "Straight into the meeting: pick the sections and the dates, add your client's name, logo and colour, "
        "and download a PowerPoint deck (one finding per slide, charts your client can edit) or a report that "
        "opens offline in any browser."
    )
)

ws = ui.workspace()
period = ui.current_period()
if period is None:
    ui.no_data(_("No data yet. Upload your TikTok exports to build a report."))
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
    _("Sections"),
    list(SECTIONS),
    format_func=section_title,
    key="report_sections",
    on_change=parts.remember,
    args=("sections", "report_sections"),
)
client = left.text_input(
    _("Client's name"),
    key="report_client",
    placeholder=ws.label,
    max_chars=preferences.MAX_CLIENT_NAME,
    on_change=parts.remember,
    args=("client", "report_client"),
)
generation = st.session_state.get("report_logo_generation", 0)
logo_key = f"report_logo_{generation}" if generation else "report_logo"
logo_file = left.file_uploader(
    _("Client's logo (PNG or JPEG, up to 1 MB)"),
    type=["png", "jpg", "jpeg"],
    key=logo_key,
    on_change=parts.remember_logo,
    args=(logo_key,),
)
if right.toggle(_("Same dates as the sidebar"), value=True, key="report_same_period"):
    dates = period
    right.caption(period.describe())
else:
    picked = right.date_input(_("Dates"), value=(period.start, period.end), key="report_dates")
    dates = Period(picked[0], picked[-1]) if len(picked) else period
color = right.color_picker(
    _("Brand colour"), key="report_color", on_change=parts.remember, args=("color", "report_color")
)
real_handles = right.toggle(
    _("Show members' real handles"),
    value=False,
    key="report_real_handles",
    help=_(
        "Off (the default): every member handle in the deck and the report is a pseudonym (member-3f9a…), "
        "the same one the Members page shows, month after month. On: real @handles, for your own team only."
    ),
)
deck_language = parts.language_picker(right)

logo = logo_file.getvalue() if logo_file is not None else None
if logo is not None and (problem := preferences.logo_problem(logo)):
    st.warning(problem, icon="🖼️")
    logo = None
logo = logo or saved.get("logo")
if logo is not None:
    in_use = left.container(horizontal=True, vertical_alignment="center")
    size = _("Logo in use ({size} KB)").format(size=number(len(logo) / 1000))
    in_use.image(logo, caption=size, width=120)
    in_use.button(_("Remove the logo"), key="report_logo_forget", on_click=parts.forget_logo, type="tertiary")
# Translators: {where} says where: "in this browser's folder", "with this client"
right.caption(
    _("Sections, name, logo and colour are remembered {where}.").format(where=ui.remembered_where())
)
if not sections:
    st.info(_("Pick at least one section."), icon="📋")
    st.stop()

with i18n.use(deck_language):  # every sentence, name and number of the deck in its own language
    report = parts.report_for(
        ws, sections=sections, dates=dates, client=client, real_handles=real_handles, color=color, logo=logo
    )

if not report.findings:
    reasons = ui.markdown_escape(" ".join(report.skipped))
    st.info(_("Nothing to report for these sections and dates: {reasons}").format(reasons=reasons), icon="📭")
    st.stop()

name = re.sub(r"[^A-Za-z0-9]+", "_", client or ws.label).strip("_").lower() or "brand"
stem = f"{name}_tiktok_report_{dates.end:%Y-%m-%d}"  # i18n: a file name
download_left, download_right = st.columns(2)
# The files are built when a button is clicked (kaleido renders the deck's heatmaps and scatters then).
download_left.download_button(
    _("Download the PowerPoint deck"),
    data=lambda: build_deck(report),
    file_name=f"{stem}.pptx",
    mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    key="report_download_deck",
    icon=":material/slideshow:",
    type="primary",
    width="stretch",
)
download_right.download_button(
    _("Download the HTML report (works offline)"),
    data=lambda: build_html(report).encode("utf-8"),
    file_name=f"{stem}.html",
    mime="text/html",
    key="report_download_html",
    icon=":material/language:",
    width="stretch",
)
st.caption(parts.what_goes_in(report))
if report.skipped:
    st.caption(_("Left out: {reasons}").format(reasons=ui.markdown_escape(" ".join(report.skipped))))

parts.preview(report)
