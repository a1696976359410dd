"""Shared page furniture: the session's workspace, the upload box, the period, KPI tiles.

Lives at the top level, not in pages/, because Streamlit treats every file in pages/
as a page. Nothing here computes a number: that is analytics/'s job.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.export import csv_bytes
from analytics.overview import Period, default_period, shift
from analytics.sample import demo_workspace
from analytics.workspace import Workspace

UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "zip", "json"]
# The first preset is the default: a quarter gives most formats enough videos to compare,
# and a previous quarter to compare the account's numbers with.
PRESETS = {
    "Last 90 days": 90,
    "Last 28 days": 28,
    "Last 7 days": 7,
    "All data": None,
    "Custom": -1,
}


def workspace() -> Workspace:
    """This browser session's data. Starts on the demo brand; never shared between sessions."""
    if "workspace" not in st.session_state:
        with st.spinner("Opening the demo brand…"):
            st.session_state.workspace = demo_workspace()
        st.session_state.is_demo = True
    return st.session_state.workspace


def is_demo() -> bool:
    return bool(st.session_state.get("is_demo"))


def upload_box() -> None:
    """The one uploader, in the sidebar: any mix of TikTok exports, several at once."""
    files = st.sidebar.file_uploader(
        "Add TikTok exports",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key="upload_files",
        help="TikTok Studio CSV/XLSX/ZIP downloads, comment exports, your video tracking sheet, the LIVE template. "
        "Files are recognised by their columns, whatever their name.",
    )
    seen: set[str] = st.session_state.setdefault("seen_uploads", set())
    new = [file for file in files or [] if file.file_id not in seen]
    if not new:
        return
    if is_demo():
        # The first upload replaces the demo: a marketer's numbers never mix with Phin & Co.'s.
        st.session_state.workspace = Workspace()
        st.session_state.is_demo = False
    with st.spinner(f"Reading {len(new)} file{'s' if len(new) > 1 else ''}…"):
        results = workspace().add_files([(file.name, file.getvalue()) for file in new])
    seen.update(file.file_id for file in new)
    st.session_state.last_results = results
    loaded = sum(len(result.tables) for result in results)
    problems = sum(len(result.problems) for result in results)
    pending = sum(len(result.pending) for result in results)
    message = f"Loaded {loaded} table{'s' if loaded != 1 else ''}"
    if problems or pending:
        message += f"; {problems + pending} need a look on the Data page"
    st.toast(message + ".", icon="📥" if not problems else "⚠️")


def data_source_note() -> None:
    ws = workspace()
    if is_demo():
        st.sidebar.info(
            f"You are looking at **{ws.label}**. Upload your own exports above to replace it.", icon="☕"
        )
    else:
        st.sidebar.caption(f"{len(ws.uploads)} file(s) loaded · see the Data page")


def period_control() -> Period | None:
    """The date range every page uses, anchored on the data's last day (exports are often a few days old)."""
    ws = workspace()
    span = default_period(ws.con)
    if span is None:
        return None
    choice = st.sidebar.selectbox("Period", list(PRESETS), key="period_preset", help="Applies to every page.")
    days = PRESETS[choice]
    if days is None:
        period = span
    elif days == -1:
        picked = st.sidebar.date_input(
            "From – to",
            value=(span.start, span.end),
            min_value=shift(span.start, -366),
            max_value=span.end,
            key="period_custom",
        )
        start, end = (
            (picked[0], picked[-1]) if isinstance(picked, tuple | list) and picked else (span.start, span.end)
        )
        period = Period(start, end)
    else:
        period = Period(max(span.start, shift(span.end, 1 - days)), span.end)
    st.sidebar.caption(f"{period.describe()}, compared with the {period.days} days before.")
    return period


def current_period() -> Period | None:
    return st.session_state.get("period")


def format_value(value: float | None, unit: str) -> str:
    if value is None or pd.isna(value):
        return "—"
    if unit == "percent":
        return f"{value:.1%}"
    if unit == "seconds":
        return f"{value:.1f} s"
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.2f}M"
    if abs(value) >= 10_000:
        return f"{value / 1_000:.1f}K"
    return f"{value:,.0f}"


def format_change(change: float | None, unit: str) -> str | None:
    if change is None or pd.isna(change):
        return None
    if unit == "percent":
        return f"{change * 100:+.1f} pts"
    return f"{change:+.1%}"


def kpi_tiles(kpis: pd.DataFrame, columns: int = 4) -> None:
    """One tile per metric: value, change against the previous period, definition on hover."""
    rows = [kpis.iloc[i : i + columns] for i in range(0, len(kpis), columns)]
    for chunk in rows:
        for column, (_, kpi) in zip(st.columns(columns), chunk.iterrows(), strict=False):
            help_text = kpi["definition"]
            if kpi["previous_value"] is not None and not pd.isna(kpi["previous_value"]):
                help_text += f" Previous period: {format_value(kpi['previous_value'], kpi['unit'])}."
            column.metric(
                kpi["label"],
                format_value(kpi["value"], kpi["unit"]),
                delta=format_change(kpi["change"], kpi["unit"]),
                help=help_text,
                border=True,
            )


def chart(fig: go.Figure, key: str) -> None:
    st.plotly_chart(
        fig,
        key=key,
        config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "filename": key}},
    )


def download_csv(frame: pd.DataFrame, label: str, file_name: str, key: str) -> None:
    st.download_button(label, csv_bytes(frame), file_name=file_name, mime="text/csv", key=key)


def no_data(message: str) -> None:
    st.info(message, icon="📂")
    st.page_link("pages/data.py", label="Go to the Data page", icon=":material/upload_file:")


def today() -> date:
    return date.today()


# Static CSS only: no uploaded text ever goes into this HTML.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 1.5rem 3rem 3rem !important; }
[data-testid="stMain"] h1 { font-size: 3rem !important; }
[data-testid="stMain"] h2, [data-testid="stMain"] h3 { font-size: 2rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 3.4rem !important; line-height: 1.15; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem !important; }
[data-testid="stMetricDelta"] p { font-size: 1.2rem !important; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { font-size: 1.25rem; }
[data-testid="stDownloadButton"], [data-testid="stFileUploader"], [data-testid="stSelectbox"],
[data-testid="stMultiSelect"], [data-testid="stTextInput"], [data-testid="stDateInput"],
[data-testid="stNumberInput"], [data-testid="stColorPicker"], [data-testid="stCheckbox"],
[data-testid="stRadio"], [data-testid="stSlider"], [data-testid="stButton"], [data-testid="stPageLink"],
[data-testid="stExpander"] { display: none !important; }
.st-key-ui_presentation_exit [data-testid="stButton"] { display: block !important; text-align: right; }
</style>
"""


def presentation_mode() -> None:
    """A sidebar switch for screen shares: when on, sidebar and controls hide and numbers grow.

    The page's own content (charts, tables, the what-if planner's table) stays; an "Exit" button at
    the top of the page turns the mode off again, since the switch itself is hidden with the sidebar.
    """
    st.sidebar.toggle(
        "Presentation mode",
        key="ui_presentation",
        help="For a screen share: hides the sidebar and the controls and enlarges numbers and charts. "
        "An “Exit presentation mode” button at the top brings them back.",
    )
    if st.session_state.get("ui_presentation"):
        st.html(PRESENTATION_CSS)
        st.button(
            "Exit presentation mode",
            key="ui_presentation_exit",
            icon=":material/close_fullscreen:",
            type="tertiary",
            on_click=lambda: st.session_state.update(ui_presentation=False),
        )


def markdown_escape(text: object) -> str:
    """Uploaded text (handles, captions, comments) shown in Markdown, its special characters made literal."""
    return "".join("\\" + char if char in "\\`*_{}[]<>()#+-.!|~$" else char for char in str(text))


def format_choices() -> tuple[dict, dict]:
    """The format rules and hand-set formats in force, so every page agrees with the Interaction formats page.

    The session's own edits first (the formats page keeps them in `formats_preferences`),
    else what this marketer saved on disk; the demo brand always starts from the defaults.
    """
    from analytics import preferences
    from analytics.formats import DEFAULT_RULES

    state = st.session_state.get("formats_preferences")
    if state is not None and state["workspace"] is workspace():
        return state["rules"], state["overrides"]
    if is_demo():
        return DEFAULT_RULES, {}
    return preferences.load_format_rules() or DEFAULT_RULES, preferences.load_format_overrides()


def use_all_data() -> None:
    """A button callback: switch the sidebar period to all the data."""
    st.session_state.period_preset = "All data"


def brand_hashtags(videos: pd.DataFrame) -> list[str]:
    """The brand's own hashtags: as typed on the Interaction formats page, else saved, else guessed from the handle."""
    from analytics import communities, preferences

    typed = st.session_state.get("formats_brand_hashtags")
    if typed is not None:
        return preferences.parse_hashtags(typed)
    handles = workspace().detected_brand_handles()
    handle = handles[0] if handles else None
    saved = preferences.load_brand_hashtags(handle) if handle and not is_demo() else None
    return saved or communities.likely_brand_hashtags(videos, handle)


def sentiment_edits() -> dict:
    """This workspace's label corrections and brand lexicon, shared by every page.

    Loaded from the marketer's preferences once per workspace (never for the demo);
    `save_sentiment_edits()` writes them back after a change.
    """
    from analytics import preferences

    edits = st.session_state.get("sentiment_edits")
    if edits is None or edits["workspace"] is not workspace():
        stored = {"lexicon": {}, "corrections": {}} if is_demo() else preferences.load_sentiment_edits()
        edits = {"workspace": workspace(), **stored, "version": 0}
        st.session_state.sentiment_edits = edits
    return edits


def save_sentiment_edits() -> None:
    from analytics import preferences

    edits = sentiment_edits()
    edits["version"] += 1
    if not is_demo():
        preferences.save_sentiment_edits(edits["corrections"], edits["lexicon"])
