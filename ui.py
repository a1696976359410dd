"""Shared page furniture: the session's workspace, the upload box, the period, KPI tiles.

Lives at the top level, not in pages/, because Streamlit treats every file in pages/
as a page. Nothing here computes a number: that is analytics/'s job.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import wording
from analytics.export import csv_bytes
from analytics.overview import Period, default_period
from analytics.report.figures import literal_labels
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
        from analytics import preferences

        # The marketer's answer to "which of these is you?" (Members page), remembered on disk.
        st.session_state.workspace = Workspace(brand_answer=preferences.load_brand_answer())
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
        st.sidebar.caption(f"{wording.plural(len(ws.uploads), 'file')} loaded · see the Data page")


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
            min_value=span.start - timedelta(days=366),
            max_value=span.end,
            key="period_custom",
            format=wording.DATE_INPUT_FORMAT,
        )
        start, end = (
            (picked[0], picked[-1]) if isinstance(picked, tuple | list) and picked else (span.start, span.end)
        )
        period = Period(start, end)
    else:
        period = Period(max(span.start, span.end - timedelta(days=days - 1)), span.end)
    st.sidebar.caption(f"{period.describe()}, compared with the {period.days} days before.")
    return period


def current_period() -> Period | None:
    return st.session_state.get("period")


def format_value(value: float | None, unit: str) -> str:
    return wording.value(value, unit)


def format_change(change: float | None, unit: str) -> str | None:
    return wording.change(change, unit)


def kpi_tiles(kpis: pd.DataFrame, columns: int = 4) -> None:
    """One tile per metric, worded by `account_kpis`: value, change (or its basis), definition on hover."""
    rows = [kpis.iloc[i : i + columns] for i in range(0, len(kpis), columns)]
    for chunk in rows:
        for column, (_, kpi) in zip(st.columns(columns), chunk.iterrows(), strict=False):
            help_text = kpi["definition"]
            if kpi["previous_text"] is not None:
                help_text += f" Previous period: {kpi['previous_text']}."
            delta = wording.tile_delta(kpi["change_text"], kpi["change_basis"])
            column.metric(
                kpi["label"],
                kpi["value_text"],
                delta=delta,
                help=help_text,
                border=True,
                **wording.delta_style(delta),
            )


def chart(fig: go.Figure, key: str) -> None:
    st.plotly_chart(
        literal_labels(fig),  # uploaded text in a label shows as typed, never as a link
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


# Characters that make Markdown anywhere in a line in Streamlit: emphasis and strikethrough, links and
# images, code, HTML and autolinks, LaTeX, tables. A heading, list or quote needs the start of a line.
MARKDOWN_INLINE = "\\`*_[]<>$~|"


def markdown_escape(text: object) -> str:
    """Uploaded text (file names, handles, captions, comments, format names) shown as text, never as Markdown.

    Line breaks and tabs become spaces, so the text cannot start a line of its own; Markdown characters
    get a backslash (`#`, `-`, `+` and `1.` only at the start, `&` only where it spells an entity);
    an invisible word joiner after a colon and `www` and before an `@` keeps `:fire:`,
    `:material/home:`, `:red[...]`, `https://x.com`, `www.x.com` or `me@x.com` from becoming an emoji,
    an icon, a colour or a link. A plain sentence comes out unchanged.
    """
    flat = " ".join(str(text).split())
    escaped = "".join("\\" + char if char in MARKDOWN_INLINE else char for char in flat)
    escaped = re.sub(r"&(?=#?\w+;)", r"\\&", escaped)  # &lt; &#42;
    escaped = re.sub(r"^([#+-])", r"\\\1", escaped)  # a heading or a list
    escaped = re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)  # a numbered list
    escaped = re.sub(r":(?=\S)", ":\u2060", escaped)  # emoji, icons, colours, https:// links
    escaped = re.sub(r"(?i)(www)(?=\.)", "\\1\u2060", escaped)  # www. links
    return re.sub(r"(?<=[\w.+-])@", "\u2060@", escaped)  # e-mail addresses


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
