"""Shared page furniture: the session's workspace, the upload box, the period, KPI tiles.

Lives at the top level, not in pages/, because Streamlit treats every file in pages/
as a page. Nothing here computes a number: that is analytics/'s job.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import wording
from analytics.export import csv_bytes
from analytics.members import TierRules
from analytics.overview import Period, default_period, shift
from analytics.preferences import Memory
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


def memory() -> Memory:
    """Where this session's remembered choices go: the open client's own memory.

    The demo brand's choices last for the session only (a `SessionMemory`: it writes nothing);
    a client opened from the store brings its memory (`client_memory`); else the folder of
    `COMMUNITYLENS_HOME`, shared by every upload that is not a client's.
    """
    from analytics.preferences import SessionMemory, shared_memory

    workspace()
    if is_demo():
        return st.session_state.setdefault("demo_memory", SessionMemory())
    client = st.session_state.get("client_memory")
    return client if client is not None else shared_memory()


# Said on the Data page: what stays shared when every other choice is the client's own.
REMEMBERED_SPLIT = (
    "Column mappings you teach us are shared by every client, since they describe a tool's file layout; "
    "everything else you choose (format fixes, brand hashtags, sentiment corrections, which commenter is you, "
    "tier rules, report settings) is remembered for each client on its own."
)


def remembered_where() -> str:
    """Where the choices made on a page are kept, said in a few words."""
    from analytics.preferences import preferences_folder

    if is_demo():
        return "for this session only (the demo brand)"
    if st.session_state.get("client_memory") is not None:
        return "for this client"
    return f"on this computer, in {preferences_folder()}"


def tier_rules() -> TierRules:
    """The tier thresholds kept for this client on the Members page (metrics.md's defaults when none)."""
    from analytics.preferences import load_tier_rules

    return load_tier_rules(memory=memory()) or TierRules()


def pseudonym_salt() -> str:
    """This client's pseudonym secret, so a member has one pseudonym on every page and in every deck."""
    from analytics.preferences import pseudonym_salt as remembered_salt

    held = st.session_state.get("pseudonym_salt")
    if held is None or held[0] is not workspace():
        held = (workspace(), remembered_salt(memory()))
        st.session_state.pseudonym_salt = held
    return held[1]


def upload_box() -> None:
    """The one uploader, in the sidebar: any mix of TikTok exports, several at once.

    The workspace follows the box: a new file is read, and a file taken out with its ✕ is taken out
    of every page. Files are told apart by their bytes, not their names: two different
    `Overview.csv` downloads are two files.
    """
    files = (
        st.sidebar.file_uploader(
            "Add TikTok exports",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key=uploader_key(),
            help="TikTok Studio CSV/XLSX/ZIP downloads, comment exports, your video tracking sheet, the LIVE template. "
            "Files are recognised by their columns, whatever their name. The ✕ on a file removes its data too.",
        )
        or []
    )
    # uploader file id -> digest of its bytes, for the files this box handed to the workspace
    held: dict[str, str] = st.session_state.setdefault("upload_digests", {})
    new = {file.file_id: file for file in files if file.file_id not in held}
    arriving = {file_id: hashlib.sha256(file.getvalue()).hexdigest() for file_id, file in new.items()}
    current = {file.file_id for file in files}
    gone = {held.pop(file_id) for file_id in list(held) if file_id not in current}
    removed = gone - set(held.values()) - set(arriving.values())  # the same bytes may be in the box twice
    if removed and not is_demo():
        names = [upload.name for upload in workspace().uploads if upload.digest in removed]
        for digest in removed:
            workspace().remove_file(digest)
        if names:
            st.toast(f"Removed {', '.join(markdown_escape(name) for name in names)}.", icon="🗑️")
    if not new:
        return
    if is_demo():
        # The first upload replaces the demo: a marketer's numbers never mix with Phin & Co.'s.
        from analytics import preferences

        st.session_state.is_demo = False
        # The marketer's answer to "which of these is you?" (Members page), remembered.
        st.session_state.workspace = Workspace(brand_answer=preferences.load_brand_answer(memory=memory()))
    with st.spinner(f"Reading {len(new)} file{'s' if len(new) > 1 else ''}…"):
        results = workspace().add_files([(file.name, file.getvalue()) for file in new.values()])
    held.update(arriving)
    if not results:
        return  # the same bytes as a file already loaded
    st.session_state.last_results = results
    loaded = sum(len(result.tables) for result in results)
    problems = sum(len(result.problems) for result in results)
    pending = sum(len(result.pending) for result in results)
    message = f"Loaded {loaded} table{'s' if loaded != 1 else ''}"
    if problems or pending:
        message += f"; {problems + pending} need a look on the Data page"
    st.toast(message + ".", icon="📥" if not problems else "⚠️")


def uploader_key() -> str:
    """The upload box's widget key; a new one empties the box (Streamlit cannot take one file out of it)."""
    generation = st.session_state.get("upload_generation", 0)
    return "upload_files" if not generation else f"upload_files_{generation}"


def remove_upload(digest: str) -> None:
    """Take one file out of the workspace (the Data page's "Remove"), and empty the upload box.

    Emptied, because the box cannot drop a single file and must never show a file whose data is
    gone; the other files stay loaded, listed on the Data page.
    """
    workspace().remove_file(digest)
    st.session_state.upload_generation = st.session_state.get("upload_generation", 0) + 1
    st.session_state.upload_digests = {}


def upload_choices(uploads: list) -> dict[str, str]:
    """digest -> how the Data page names an upload; files sharing a name get their dates to tell them apart."""
    names = [upload.name for upload in uploads]
    choices = {}
    for upload in uploads:
        label = upload.name
        if names.count(upload.name) > 1:
            ranges = [table.date_range() for table in (upload.result.tables if upload.result else [])]
            starts = [start for start, _ in ranges if start]
            ends = [end for _, end in ranges if end]
            label += (
                f" ({min(starts):%d %b %Y} – {max(ends):%d %b %Y})"
                if starts and ends
                else f" (file {upload.order + 1})"
            )
        choices[upload.digest] = label
    return choices


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
            min_value=shift(span.start, -366),
            max_value=span.end,
            key="period_custom",
            format=wording.DATE_INPUT_FORMAT,
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


# Table columns wide enough for their whole value in the tables' 14 px font, so a date is never cut
# to "21 Nov 202(" when the other columns take the room (Streamlit's "small" is 75 px).
DATE_WIDTH = 110  # "21 Nov 2026"
DATE_TIME_WIDTH = 150  # "21 Nov 2026, 20:00"
COUNT_WIDTH = 100  # "12,345,678"


def date_column(label: str | None = None, *, with_time: bool = False, **options):
    """A table column of dates ("21 Nov 2026") or moments ("21 Nov 2026, 20:00"), never cut."""
    if with_time:
        return st.column_config.DatetimeColumn(
            label, format="D MMM YYYY, HH:mm", width=DATE_TIME_WIDTH, **options
        )
    return st.column_config.DateColumn(label, format="D MMM YYYY", width=DATE_WIDTH, **options)


def timestamp_date_column(label: str | None = None, **options):
    """A table column of moments shown as their day only ("21 Nov 2026"), never cut."""
    return st.column_config.DatetimeColumn(label, format="D MMM YYYY", width=DATE_WIDTH, **options)


def count_column(label: str | None = None, **options):
    """A table column of counts with thousands separators ("12,345,678"), never cut."""
    return st.column_config.NumberColumn(label, format="localized", width=COUNT_WIDTH, **options)


def download_csv(frame: pd.DataFrame, label: str, file_name: str, key: str) -> None:
    st.download_button(label, csv_bytes(frame), file_name=file_name, mime="text/csv", key=key)


def no_data(message: str) -> None:
    st.info(message, icon="📂")
    st.page_link("pages/data.py", label="Go to the Data page", icon=":material/upload_file:")


def today() -> date:
    return date.today()


# Static CSS only: no uploaded text ever goes into this HTML.
# KPI tiles: a row of tiles becomes two per row (three for rows of five or more) when its width
# runs short, and the number is sized to its tile (container query units), so no number is ever
# cut to "2...." at any width. Below 640 px Streamlit stacks the tiles one per row itself.
PAGE_CSS = """
<style>
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
  container-type: inline-size; flex-wrap: wrap;
}
@container (max-width: 40rem) {
  [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:has([data-testid="stMetric"]) {
    flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important;
  }
}
@container (min-width: 40rem) and (max-width: 64rem) {
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]:nth-child(5))
    > [data-testid="stColumn"]:has([data-testid="stMetric"]) {
    flex: 1 1 calc(33% - 1rem) !important; min-width: calc(33% - 1rem) !important;
  }
}
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"] { font-size: clamp(1.25rem, 20cqi, 2.25rem); }
[data-testid="stMetricValue"] > div, [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] {
  overflow: visible; text-overflow: clip;
}
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p { white-space: normal; }
</style>
"""

PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stToolbarActions"], [data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 4.5rem 3rem 3rem !important; }
[data-testid="stHeader"] [data-testid="stTopNavLink"] p { font-size: 1.1rem !important; }
[data-testid="stMain"] h1 { font-size: 3.2rem !important; }
[data-testid="stMain"] h2, [data-testid="stMain"] h3 { font-size: 2.1rem !important; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { font-size: 1.3rem !important; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.1rem !important; }
[data-testid="stMain"] [data-baseweb="tab"] p { font-size: 1.2rem !important; }
[data-testid="stMain"] [data-testid="stMetricValue"] { font-size: clamp(1.5rem, 22cqi, 3.4rem) !important; line-height: 1.15; }
[data-testid="stMain"] [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: inherit !important; }
[data-testid="stMain"] [data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p { font-size: 1.15rem !important; }
[data-testid="stMain"] .st-key-ui_presentation_period [data-testid="stMarkdownContainer"] p {
  font-size: 2.4rem !important; font-weight: 600; line-height: 1.25;
}
[data-testid="stMain"] .st-key-ui_presentation_period [data-testid="stCaptionContainer"] p { font-size: 1.25rem !important; }
[data-testid="stMain"] .st-key-ui_presentation_exit [data-testid="stMarkdownContainer"] p { font-size: 1rem !important; }
[data-testid="stDownloadButton"], [data-testid="stFileUploader"], [data-testid="stSelectbox"],
[data-testid="stMultiSelect"], [data-testid="stTextInput"], [data-testid="stDateInput"],
[data-testid="stNumberInput"], [data-testid="stColorPicker"], [data-testid="stCheckbox"],
[data-testid="stRadio"], [data-testid="stSlider"], [data-testid="stButton"], [data-testid="stPageLink"],
[data-testid="stExpander"] { display: none !important; }
.st-key-ui_presentation_exit [data-testid="stButton"] { display: block !important; text-align: right; }
</style>
"""


def page_style() -> None:
    """The app's own CSS, on every page (KPI tiles that never cut their numbers)."""
    st.html(PAGE_CSS)


def presenting() -> bool:
    """Whether presentation mode is on (read before the navigation is built: it moves to the top)."""
    return bool(st.session_state.get("ui_presentation"))


def presentation_mode(period: Period | None) -> None:
    """A sidebar switch for screen shares: the sidebar and controls hide, the page's text grows.

    The page navigation moves to the top bar (app.py), so the marketer changes page without leaving
    the mode, and the period every number covers stays on screen in large type. The page's own
    content (charts, tables, the what-if planner's table) stays; an "Exit" button next to the
    period turns the mode off again, since the switch itself is hidden with the sidebar.
    """
    st.sidebar.toggle(
        "Presentation mode",
        key="ui_presentation",
        help="For a screen share: hides the sidebar and the controls, moves the pages to the top "
        "and enlarges text, numbers and the period. An “Exit presentation mode” button brings them back.",
    )
    if not presenting():
        return
    st.html(PRESENTATION_CSS)
    left, right = st.columns([3, 1], vertical_alignment="center")
    with left.container(key="ui_presentation_period"):
        if period is None:
            st.markdown("No data loaded yet")
        else:
            st.markdown(f"{period.start:%d %b %Y} – {period.end:%d %b %Y}")
            st.caption(f"{period.days} days; changes are against the {period.days} days before")
    right.button(
        "Exit presentation mode",
        key="ui_presentation_exit",
        icon=":material/close_fullscreen:",
        type="tertiary",
        on_click=lambda: st.session_state.update(ui_presentation=False),
    )


_LOCKS_GUARD = threading.Lock()


def run_lock(state: MutableMapping) -> threading.RLock:
    """The lock that lets one run of the script at a time use this browser session's workspace.

    Why: when the marketer clicks another page during a long computation, Streamlit starts the new
    run at once and only asks the old one to stop at its next Streamlit call; meanwhile the old one
    may still be inside a DuckDB query, and DuckDB refuses a second call on the same connection
    ("connection is busy"). With the lock the new run waits for the old one to stop.
    """
    with _LOCKS_GUARD:
        return state.setdefault("ui_run_lock", threading.RLock())


@contextmanager
def one_run_at_a_time() -> Iterator[None]:
    """Hold the session's lock for this run, saying so while an earlier run still holds it."""
    lock = run_lock(st.session_state)
    waiting = None
    if not lock.acquire(blocking=False):
        waiting = st.empty()
        waiting.caption("Finishing the previous step first…")
        lock.acquire()
    try:
        if waiting is not None:
            waiting.empty()
        yield
    finally:
        lock.release()


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
    else what is remembered for this client (`memory()`; the demo brand starts from the defaults).
    """
    from analytics import preferences
    from analytics.formats import DEFAULT_RULES

    state = st.session_state.get("formats_preferences")
    if state is not None and state["workspace"] is workspace():
        return state["rules"], state["overrides"]
    remembered = memory()
    return (
        preferences.load_format_rules(memory=remembered) or DEFAULT_RULES,
        preferences.load_format_overrides(memory=remembered),
    )


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
    saved = preferences.load_brand_hashtags(handle, memory=memory())
    return saved or communities.likely_brand_hashtags(videos, handle)


def sentiment_edits() -> dict:
    """This workspace's label corrections and brand lexicon, shared by every page.

    Loaded from this client's memory once per workspace; `save_sentiment_edits()` writes them back
    after a change.
    """
    from analytics import preferences

    edits = st.session_state.get("sentiment_edits")
    if edits is None or edits["workspace"] is not workspace():
        stored = preferences.load_sentiment_edits(memory=memory())
        edits = {"workspace": workspace(), **stored, "version": 0}
        st.session_state.sentiment_edits = edits
    return edits


def save_sentiment_edits() -> None:
    from analytics import preferences

    edits = sentiment_edits()
    edits["version"] += 1
    preferences.save_sentiment_edits(edits["corrections"], edits["lexicon"], memory=memory())
