"""What every page shows on genuine client files, for tests/test_real_pages*.py (two files, so the suite's
two processes share the work: each test file runs in one process).

The matrix: each folder of ../shared/real_exports alone; all TikTok Studio files of one account without
a video detail sheet (the en-US folder); its Content export with each comment layout (Apify JSON,
the nested-replies JSON, the Excel exporter); the same comments in two layouts (the Apify JSON and the
Apify CSV written from it); two accounts' files together. Each combination is
uploaded once into one app (AppTest) and every page is opened through the sidebar's "All data" and
"Last 28 days", plus the What-if comparisons of dates, hashtags and caption words. Files of several
accounts are added with the marketer's "Add here anyway" (the app holds them back first). What each page
showed is kept (`Seen`), and the tests read it: the numbers are checked against counts made here,
with pandas, from the raw files.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from streamlit import dataframe_util

from tests.apptest import app

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real_exports"
# Each test skips on its own when the folder is absent, so the skip count says how many did not run.
skip_without_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real_exports is absent")

HTUPY = "tiktok-studio_en-US_htupycollabs"
GREEK = "tiktok-studio_el-GR_okn-analytics"
SPANISH = "tiktok-studio_es_francovelardez44"
XLSX_OVERVIEW = "tiktok-studio_xlsx_bosszy27"
APIFY = "apify-tiktok-comments-scraper_json_farrelad"
NESTED = "comments-json_romysaputra-scrapper"
EXCEL_COMMENTS = "comments-xlsx_haron416-exporter"
CONTENT = f"{HTUPY}/Content.csv"
APIFY_AS_CSV = "the Apify JSON as Apify's all-fields CSV"

# Without the folder, the folders the tests name (each of their tests then skips, counted).
FOLDERS = (
    sorted(path.name for path in REAL.iterdir() if path.is_dir())
    if REAL.is_dir()
    else sorted({HTUPY, GREEK, SPANISH, XLSX_OVERVIEW, APIFY, NESTED, EXCEL_COMMENTS})
)
COMBINATIONS: dict[str, list[str]] = {folder: [folder] for folder in FOLDERS}
# The en-US folder is every Studio file of one account (Overview, Content, Viewers, Followers), no detail sheet.
COMBINATIONS |= {
    "content+apify": [CONTENT, APIFY],
    "content+nested": [CONTENT, NESTED],
    "content+excel": [CONTENT, EXCEL_COMMENTS],
    "two accounts": [HTUPY, GREEK],
    # The same comments in two layouts: the Apify JSON and the Apify all-fields CSV written from it.
    "apify json+csv": [APIFY, APIFY_AS_CSV],
}
PRESETS = ["All data", "Last 28 days"]
# Comment exports alone or beside one Content file: "Last 28 days" only shifts the same queries, so
# these are seen on all their data (keeps the suite inside CI's time; the Studio folders see both).
ALL_DATA_ONLY = {APIFY, NESTED, EXCEL_COMMENTS, "content+nested", "content+excel", "apify json+csv"}


def presets_of(combination: str) -> list[str]:
    return PRESETS[:1] if combination in ALL_DATA_ONLY else PRESETS


PAGES = ["overview", "formats", "members", "segments", "whatif", "report", "data"]
# What-if's comparison tab shows one kind of group at a time: each is a view of its own.
WHATIF_KINDS = ["dates", "hashtag", "keyword"]
# The Members page runs only its open view: each other view is a view of its own.
MEMBERS_VIEWS = ["Lists to act on", "One member", "Replies", "Sentiment"]
VIEWS = [
    *PAGES,
    *(f"whatif:{kind}" for kind in WHATIF_KINDS),
    *(f"members:{label}" for label in MEMBERS_VIEWS),
]
# Text a marketer should never read: Python's and pandas' words for "missing".
# ("None of the videos…" is English.) A table's empty text cell is drawn as "None" too.
MISSING_WORDS = re.compile(r"(?<![\w-])(None(?! of)|nan|NaN|<NA>|NaT|inf)(?![\w-])")


@dataclass
class Seen:
    """What one view of a page showed."""

    exceptions: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    metrics: list[tuple[str, str, str | None]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    tables: list[pd.DataFrame] = field(default_factory=list)
    charts: int = 0
    period: tuple[date, date] | None = None

    def metric(self, label: str) -> str:
        [value] = [value for shown, value, _ in self.metrics if shown == label]
        return value


def apify_items() -> list[dict]:
    [path] = (REAL / APIFY).glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def apify_csv() -> bytes:
    """The same comments as Apify's all-fields CSV download: its columns in alphabetical order."""
    frame = pd.DataFrame(apify_items())
    return frame[sorted(frame.columns)].to_csv(index=False).encode()


def files_of(parts: list[str]) -> list[tuple[str, bytes, str]]:
    files = []
    for part in parts:
        if part == APIFY_AS_CSV:
            files.append(("dataset_tiktok-comments-scraper_2025-05-25.csv", apify_csv(), "text/csv"))
            continue
        path = REAL / part
        paths = sorted(item for item in path.rglob("*") if item.is_file()) if path.is_dir() else [path]
        files += [(item.name, item.read_bytes(), "application/octet-stream") for item in paths]
    return files


def shown_table(frame) -> pd.DataFrame:
    """A table as the marketer reads it: a styled table's formatted text, else its values."""
    arrow = frame.proto.arrow_data
    if arrow.HasField("styler") and arrow.styler.display_values:
        return dataframe_util.convert_arrow_bytes_to_pandas_df(arrow.styler.display_values)
    return frame.value


def seen(at) -> Seen:
    period = at.session_state["period"] if "period" in at.session_state else None
    return Seen(
        exceptions=[exception.message for exception in at.exception],
        errors=[error.value for error in at.error],
        metrics=[(metric.label, metric.value, metric.delta) for metric in at.metric],
        texts=[
            element.value
            for element in [
                *at.title,
                *at.header,
                *at.subheader,
                *at.markdown,
                *at.caption,
                *at.info,
                *at.warning,
                *at.success,
            ]
        ],
        tables=[shown_table(frame) for frame in at.dataframe],
        charts=len(at.get("plotly_chart")),
        period=(period.start, period.end) if period else None,
    )


@cache
def visit(combination: str) -> dict[tuple[str, str], Seen]:
    """Upload the combination once, then open every page (and What-if comparison) for each preset.

    Each combination in a store of its own: an upload of an account that already has a client goes
    to that client, and these combinations share accounts.
    """
    os.environ["COMMUNITYLENS_HOME"] = tempfile.mkdtemp(prefix="real-pages-")
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(files_of(COMBINATIONS[combination])).run()
    if any(button.key == "held_add_anyway" for button in at.button):
        # Files of several accounts wait for the marketer's word; these combinations mean them together.
        at.button(key="held_add_anyway").click().run()
    views: dict[tuple[str, str], Seen] = {}
    for preset in presets_of(combination):
        if at.sidebar.get("selectbox") and any(box.key == "period_preset" for box in at.sidebar.selectbox):
            at.sidebar.selectbox(key="period_preset").select(preset).run()
        for page in PAGES:
            at.switch_page(f"pages/{page}.py").run()
            views[preset, page] = seen(at)
            if page == "members" and not at.exception:
                for label in MEMBERS_VIEWS:
                    at.session_state["members_view"] = label
                    views[preset, f"members:{label}"] = seen(at.run())
                at.session_state["members_view"] = "Tiers"
                at.run()
            if page != "whatif" or not any(radio.key == "whatif_compare_kind" for radio in at.radio):
                continue
            for kind in WHATIF_KINDS:
                at.radio(key="whatif_compare_kind").set_value(kind).run()
                if kind == "keyword" and not at.exception:
                    at.text_input(key="whatif_keyword_a").input("the").run()
                    at.text_input(key="whatif_keyword_b").input("a").run()
                views[preset, f"whatif:{kind}"] = seen(at)
            at.radio(key="whatif_compare_kind").set_value("format").run()
    return views


# ---------------------------------------------------------------- hand counts from the raw files


def overview_rows(folder: str) -> pd.DataFrame:
    """The account's Overview file as pandas reads it on its own: text cells, `undefined` as missing."""
    csv = REAL / folder / "Overview.csv"
    if csv.exists():
        frame = pd.read_csv(csv, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    else:
        frame = pd.read_excel(REAL / folder / "Overview.xlsx", dtype=str, engine="openpyxl")
    return frame.replace("undefined", pd.NA)


def shown_count(value: int) -> str:
    from ui import format_value

    return format_value(value, "count")


def posted(video_link: str) -> date:
    """A video's UTC posting day, from its id (TikTok ids carry their creation time in the top 32 bits)."""
    video_id = int(re.search(r"/video/(\d+)", video_link).group(1))
    return datetime.fromtimestamp(video_id >> 32, tz=UTC).date()


def content_rows(*folders: str) -> pd.DataFrame:
    frames = [
        pd.read_csv(REAL / folder / "Content.csv", dtype=str, encoding="utf-8-sig") for folder in folders
    ]
    return pd.concat(frames, ignore_index=True)


def commenters(combination: str) -> set[str]:
    """Distinct people who commented, by each layout's stable key, the brand (the video's author) left out."""
    if combination in ("content+apify", "apify json+csv"):
        items = apify_items()
        brands = {re.search(r"@([^/]+)/", item["videoWebUrl"]).group(1) for item in items}
        return {item["uniqueId"] for item in items} - brands
    if combination == "content+nested":
        [path] = (REAL / NESTED).glob("*.json")
        people: set[str] = set()

        def walk(comments: list[dict]) -> None:
            for comment in comments:
                people.add(comment["username"])
                walk(comment.get("replies") or [])

        walk(json.loads(path.read_text(encoding="utf-8"))["comments"])
        return people  # a share link: the video's author is not in the file, and does not comment here
    [path] = (REAL / EXCEL_COMMENTS).glob("*.xlsx")
    sheet = pd.read_excel(path, sheet_name="Comments", dtype=str, engine="openpyxl")
    return set(sheet["Author ID"])  # @mcexodus, whose video it is, does not comment in it


def cases(combinations) -> list[tuple[str, str]]:
    """(combination, preset) of each page visit of these combinations."""
    return [(combination, preset) for combination in combinations for preset in presets_of(combination)]


def assert_no_traceback_or_error_box(combination: str, preset: str, view: str) -> None:
    shown = visit(combination).get((preset, view))
    if shown is None:
        pytest.skip("this view does not exist for these files (no period, or no comparison tab)")
    assert shown.exceptions == []
    assert shown.errors == []


def assert_no_none_nan_or_na(combination: str, preset: str, view: str) -> None:
    shown = visit(combination).get((preset, view))
    if shown is None:
        pytest.skip("this view does not exist for these files")
    words = [text for text in shown.texts if MISSING_WORDS.search(text)]
    words += [
        f"{label}: {value} {delta}"
        for label, value, delta in shown.metrics
        if MISSING_WORDS.search(f"{value} {delta or ''}")
    ]
    for table in shown.tables:
        for column in table.columns[[not pd.api.types.is_numeric_dtype(kind) for kind in table.dtypes]]:
            cells = table[column].astype("object").where(table[column].notna(), "None")
            words += [f"{column}: {cell}" for cell in cells if MISSING_WORDS.fullmatch(str(cell))]
    assert words == []


def assert_formats_lists_every_video(combination: str, folders: list[str], preset: str) -> None:
    rows = content_rows(*folders)
    shown = visit(combination)[preset, "formats"]
    assert any(f"All {len(rows)} videos are listed" in text for text in shown.texts)
    start, end = shown.period
    in_period = sum(start <= posted(link) <= end for link in rows["Video link"])
    by_format = [table for table in shown.tables if "Format" in table and "Videos" in table]
    if in_period:
        assert int(pd.to_numeric(by_format[0]["Videos"]).sum()) == in_period
    else:
        assert by_format == []
