"""Hostile text in an upload never runs: not as a formula in a CSV download or behind a deck chart's
"Edit Data", not as HTML in the HTML report, not as Markdown (a bold word, a phishing link) on a page.

The same table of hostile strings goes through every way text leaves the app. The files are the demo's
exports with hostile format names (a video detail sheet), territories, member handles, comment texts
and captions written in, plus a file whose name is itself hostile.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation

import ui
from analytics.export import csv_bytes
from analytics.overview import Period
from analytics.report import build_report, default_report_period
from analytics.report.deck import build_deck
from analytics.report.figures import literal_labels
from analytics.report.html import build_html
from analytics.report.model import Finding, Kpi, NativeChart, Report
from analytics.sample import DOWNLOAD_DATE, sample_files
from analytics.workspace import Workspace
from tests.apptest import app
from tests.browser import CHROMIUM, launch, running_app, wait_until_idle

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="https://attacker.example">Re-login</a>',
    "**b**",
    '=HYPERLINK("http://attacker.example","Open")',
    "+1+1",
    "-2+3",
    "@SUM(1+1)",
    "\t=1",
    "\r=1",
    "a\r=1",
]
# Markdown a page must never render from uploaded text: what each hostile string would become.
LIVE_MARKDOWN = ["**b**", "](javascript:", "<script>", "<img ", "<a ", "**urgent**", "](https://attacker"]
HOSTILE_NAME = "**urgent** [Re-login here](https://attacker.example) <img src=x onerror=alert(1)>.csv"


def live_formula(cell: str) -> bool:
    """Would a spreadsheet run this cell? `= + - @` first (after blanks), unless a plain number or @handle."""
    if cell[:1] in ("\t", "\r", "\n"):
        return True
    if cell.lstrip(" \t\r\n")[:1] not in ("=", "+", "-", "@"):
        return False
    return not re.fullmatch(r"-\d+(?:[.,]\d+)*|@[\w.]+", cell)


def parsed_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def assert_safe_csv(data: bytes) -> list[list[str]]:
    rows = parsed_rows(data)
    assert rows, "an empty download"
    assert {len(row) for row in rows} == {len(rows[0])}, "a line break inside a cell started a new row"
    assert [cell for row in rows for cell in row if live_formula(cell)] == []
    return rows


# ---------------------------------------------------------------- hostile files


def _rewrite_csv(
    data: bytes, column: str, values: list[str], *, delimiter: str = ",", every: int = 1
) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    position = header.index(column)
    for number, row in enumerate(body):
        if number % every == 0:
            row[position] = values[(number // every) % len(values)]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(
        [header, *body]
    )
    return out.getvalue().encode("utf-8-sig")


def _rezip(data: bytes, member: str, change) -> bytes:
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, change(content) if member in info.filename else content)
    return buffer.getvalue()


def hostile_files(strings: list[str] = HOSTILE) -> list[tuple[str, bytes]]:
    """The demo's exports with hostile strings as format names, territories, handles, comments and captions."""
    files = []
    for name, data in sample_files():
        if name.startswith("video_tracking"):
            data = _rewrite_csv(data, "Format", strings, delimiter=";", every=3)
        elif name.startswith("Followers"):
            data = _rezip(
                data, "Territories", lambda content: _rewrite_csv(content, "Top territories", strings)
            )
        elif name.startswith("dataset_tiktok-comments"):
            data = _rewrite_csv(data, "uniqueId", strings, every=7)
            data = _rewrite_csv(data, "text", strings, every=5)
        elif name.startswith("Content"):
            tagged = [f"{value} #{value.strip()}" for value in strings]
            data = _rezip(
                data,
                "Content",
                lambda content, tagged=tagged: _rewrite_csv(content, "Video title", tagged, every=4),
            )
        files.append((name, data))
    return files


def hostile_workspace(strings: list[str] = HOSTILE) -> Workspace:
    workspace = Workspace(today=DOWNLOAD_DATE, remember_mappings=False, label="Hostile brand")
    workspace.add_files(hostile_files(strings))
    return workspace


def hostile_report(workspace: Workspace) -> Report:
    return build_report(
        workspace.con,
        period=default_report_period(workspace.con, None),
        client="Client",
        brand_label=workspace.label,
        salt="s",
        real_handles=True,
        brand_handle="phinco.coffee",
    )


@pytest.fixture(scope="module")
def report() -> Report:
    return hostile_report(hostile_workspace())


# ---------------------------------------------------------------- CSV downloads


@pytest.mark.parametrize("value", [*HOSTILE, "great video\r=cmd|' /C calc'!A0", "fine\n@SUM(1)", "\n-2+3"])
def test_a_csv_cell_never_runs_as_a_formula_nor_starts_a_row_of_its_own(value):
    frame = pd.DataFrame(
        {"member": [value, "@fan_036"], "text": [f"great video{value}", value], "likes": [-5, 3]}
    )
    rows = assert_safe_csv(csv_bytes(frame))
    assert len(rows) == 3  # the header and two members, whatever the line breaks in their text
    assert [cell.removeprefix("'") for cell in rows[1][:2]] == [value, f"great video{value}"]


def test_handles_and_negative_numbers_are_written_as_they_are_and_formulas_are_marked_as_text():
    frame = pd.DataFrame(
        {
            "member": ["@fan_036", "@phin.co", "@SUM(1+1)", "-2+3", "+1+1", "\t=1", "-5"],
            "change": [-5, -1, 0, 2, 3, 4, 5],
        }
    )
    rows = parsed_rows(csv_bytes(frame))
    assert [row[0] for row in rows[1:]] == [
        "@fan_036",
        "@phin.co",
        "'@SUM(1+1)",
        "'-2+3",
        "'+1+1",
        "'\t=1",
        "-5",
    ]
    assert [row[1] for row in rows[1:]] == ["-5", "-1", "0", "2", "3", "4", "5"]


def test_text_in_a_categorical_column_is_made_safe_too():
    frame = pd.DataFrame({"format": pd.Categorical(['=HYPERLINK("http://x")', "Tutorial", "a\r=1"])})
    rows = assert_safe_csv(csv_bytes(frame))
    assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://x")', "Tutorial", "a\r=1"]


# The tabs of a page after its first (only the open one runs), by the key of its st.tabs.
TABS = {
    "members": ("members_view", ("Lists to act on", "One member", "Replies", "Sentiment"), "Tiers"),
    "segments": ("segments_view", ("Audience", "Member segments"), "Hashtag communities"),
}


def members_views(at, page: str):
    """Each view of a page with tabs after its first (only the open one runs), the Members page with every
    column shown; nothing for another page."""
    if page not in TABS:
        return
    key, labels, first = TABS[page]
    if page == "members":
        at.session_state["members_table_more"] = True
        yield at.run()
    for label in labels:
        at.session_state[key] = label
        yield at.run()
    at.session_state[key] = first


def csv_download_keys() -> set[str]:
    """The keys of the CSV downloads written in the pages and their renderers (ui/)."""
    root = Path(__file__).resolve().parents[1]
    sources = [*(root / "pages").glob("*.py"), *(root / "ui").glob("*.py")]
    return {key for path in sources for key in re.findall(r'key="(\w+_download)"', path.read_text("utf-8"))}


def test_every_csv_download_on_every_page_is_safe_with_hostile_uploads(downloads):
    made = downloads
    at = app()
    at.sidebar.selectbox(key="period_preset").set_value("All data").run()
    files = [(name, data, "application/octet-stream") for name, data in hostile_files()]
    at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    for page in ("overview", "formats", "members", "segments", "whatif", "data"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, at.exception)
        for view in members_views(at, page):
            assert not view.exception, (page, view.exception)
    csvs = {key: data for key, (name, data) in made.items() if str(name).endswith(".csv")}
    # Every CSV download of the pages was drawn (and so checked below), not only some.
    assert csv_download_keys() - set(csvs) == set()
    texts = []
    for key, data in csvs.items():
        rows = assert_safe_csv(data if isinstance(data, bytes) else data.encode("utf-8"))
        texts += [(key, cell) for row in rows for cell in row]
    # The hostile strings did reach the downloads that show uploaded text, as text: the test is not vacuous.
    made_safe = {key for key, cell in texts if cell.startswith("'")}
    assert {
        "formats_download",
        "formats_videos_download",
        "members_download",
        "members_queue_download",
    } <= made_safe
    assert any("\r=1" in cell and not live_formula(cell) for _, cell in texts)


@pytest.mark.parametrize("command", ["members", "formats"])
def test_the_command_lines_csv_is_safe_with_hostile_uploads(command, tmp_path):
    paths = []
    for name, data in hostile_files():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    out = tmp_path / "out.csv"
    done = subprocess.run(
        [sys.executable, "-m", "analytics", command, *paths, "--out", str(out)],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    cells = [cell for row in assert_safe_csv(out.read_bytes()) for cell in row]
    assert any(cell.startswith("'") for cell in cells)  # hostile names and formats reached the file, as text


# ---------------------------------------------------------------- deck


def embedded_cells(deck: bytes) -> list:
    cells = []
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        for name in package.namelist():
            if name.endswith(".xlsx"):
                workbook = openpyxl.load_workbook(io.BytesIO(package.read(name)))
                cells += [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    return cells


def test_no_chart_workbook_in_the_deck_holds_a_formula_or_a_link(report):
    cells = embedded_cells(build_deck(report, images=False))
    assert [(cell.coordinate, cell.value) for cell in cells if cell.data_type == "f"] == []
    assert [cell.value for cell in cells if cell.hyperlink] == []
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    # Territories and format names from the files are there, as text.
    assert '=HYPERLINK("http://attacker.example","Open")' in texts
    assert any(text.startswith("-2+3") for text in texts)


def test_a_control_character_in_any_uploaded_text_does_not_stop_the_deck():
    workspace = hostile_workspace([f"x{chr(code)}y" for code in (1, 2, 8, 11, 27, 31)])
    deck = Presentation(io.BytesIO(build_deck(hostile_report(workspace), images=False)))
    labels = [
        category
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_chart
        for category in shape.chart.plots[0].categories
    ]
    assert "xy" in labels  # a territory, the control character left out


def test_every_text_box_table_and_chart_of_the_deck_drops_xml_illegal_characters():
    bad = "A\x00B\x01C\x0bD\x1fE\ud800F"
    period = Period(DOWNLOAD_DATE, DOWNLOAD_DATE)
    finding = Finding(
        "formats",
        "k",
        headline=bad,
        caption=bad,
        note=bad,
        native=NativeChart("bar", [bad, "=1+1"], [(bad, [1.0, 2.0])]),
    )
    in_table = bad.replace("\ud800", "")  # pandas' text columns cannot hold a lone surrogate anyway
    table = Finding("members", "t", bad, bad, bad, table=pd.DataFrame({in_table: [in_table], "n": [1]}))
    tiles = Finding("overview", "o", bad, bad, bad, kpis=[Kpi(bad, bad, bad, True)])
    report = Report(
        bad, bad, bad, period, DOWNLOAD_DATE, ["overview", "formats", "members"],
        [tiles, finding, table], [(bad, bad)], [(bad, bad)], [bad],
    )  # fmt: skip
    data = build_deck(report, images=False)
    texts = [
        shape.text_frame.text
        for slide in Presentation(io.BytesIO(data)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert "ABCDEF" in texts
    assert [cell.value for cell in embedded_cells(data) if cell.data_type == "f"] == []


# ---------------------------------------------------------------- HTML report


def test_the_html_report_shows_every_hostile_string_as_text(report):
    page = build_html(report)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "\\u003cscript\\u003e" in page
    # Every table cell and heading that holds an upload is escaped, not only the charts' JSON.
    cells = re.findall(r"<(?:td|h[1-6])[^>]*>(.*?)</(?:td|h[1-6])>", page)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in cell for cell in cells)


SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"


def report_with(place: str, text: str) -> Report:
    """A small report with `text` in one place only: a headline, a caption, a note, a table cell or column,
    a tile, a definition (its name or words), a data window, the client's name or a skipped section."""

    def at(name: str, plain: str) -> str:
        return text if place == name else plain

    table = pd.DataFrame(
        {at("column", "Member"): [at("cell", "member-1a2b"), "member-3c4d"], "Comments": [3, 2]}
    )
    findings = [
        Finding("overview", "tiles", "Views rose", "The account", "Daily numbers",
                kpis=[Kpi(at("tile", "Video views"), at("tile value", "1,204"), "+3%", True, at("tile definition", "Views"))]),
        Finding("members", "table", at("headline", "10 Champions"), at("caption", "Who comes back"),
                at("note", "Pseudonyms"), table=table),
    ]  # fmt: skip
    return Report(
        "TikTok community report", at("client", "Phin & Co."), "Phin", Period(DOWNLOAD_DATE, DOWNLOAD_DATE),
        DOWNLOAD_DATE, ["overview", "members"], findings, [("Period", at("window", "1 Nov – 21 Nov 2026"))],
        [(at("definition name", "Champion"), at("definition", "A member who comments often."))],
        [at("skipped", "LIVE: no LIVE sheet.")],
    )  # fmt: skip


HTML_PLACES = ["headline", "caption", "note", "cell", "column", "tile", "tile value", "tile definition",
               "definition name", "definition", "window", "client", "skipped"]  # fmt: skip


@pytest.mark.parametrize("hostile", [SCRIPT, IMAGE], ids=["script", "img onerror"])
@pytest.mark.parametrize("place", HTML_PLACES)
def test_hostile_text_in_any_place_of_the_html_report_is_shown_as_text(place, hostile):
    page = build_html(report_with(place, f"Tom {hostile} & Jerry"))
    assert hostile not in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert f"Tom {html.escape(hostile)} &amp; Jerry" in page  # shown, as text


def test_chart_labels_show_uploaded_tags_as_typed_and_keep_the_charts_own_markup():
    link = '<a href="https://attacker.example">Re-login</a>'
    ours = (
        "Tutorial  ·  3 videos<br><span style='font-size:11px;color:#94A3B8'>not enough videos to say</span>"
    )
    fig = go.Figure(
        go.Bar(
            x=[1, 2],
            y=[link, ours],
            orientation="h",
            name=f"<b>{link}</b>",
            customdata=[[link], ["x"]],
            hovertemplate=f"<b>{link}</b>: %{{x}}<extra></extra>",
        )
    )
    fig.update_layout(title_text=f"A: {link}")
    safe = literal_labels(fig)
    escaped = '&lt;a href="https://attacker.example"&gt;Re-login&lt;/a&gt;'
    assert list(safe.data[0].y) == [escaped, ours]
    assert safe.data[0].name == f"<b>{escaped}</b>"
    assert safe.data[0].customdata[0][0] == escaped
    assert safe.data[0].hovertemplate == f"<b>{escaped}</b>: %{{x}}<extra></extra>"
    assert safe.layout.title.text == f"A: {escaped}"
    assert fig.data[0].y[0] == link  # the figure itself is left as it was


def test_no_chart_of_the_html_report_turns_an_uploaded_link_into_a_link(report):
    page = build_html(report)
    assert '\\u003ca href=\\"https:\\u002f\\u002fattacker' not in page
    assert "\\u003ca href" not in page
    assert '&lt;a href=\\"https:\\u002f\\u002fattacker.example\\"&gt;Re-login' in page


# ---------------------------------------------------------------- pages


def test_markdown_escape_leaves_no_markdown_html_latex_or_emoji_alive():
    cases = {
        "**b**": r"\*\*b\*\*",
        "[x](javascript:alert(1))": "\\[x\\](javascript:\u2060alert(1))",
        "<script>": r"\<script\>",
        "<img src=x onerror=alert(1)>": r"\<img src=x onerror=alert(1)\>",
        "`code`": r"\`code\`",
        "$x^2$": r"\$x^2\$",
        "~~gone~~ a | b": r"\~\~gone\~\~ a \| b",
        "so good :fire:": "so good :\u2060fire:",
        ":red[text]": "\u2060".join([":", "red\\[text\\]"]),
        "# Heading": r"\# Heading",
        "- item": r"\- item",
        "+ item": r"\+ item",
        "1. item": r"1\. item",
        "> quote": r"\> quote",
        "one\ntwo\r\n===": "one two ===",
        "&lt;b&gt; R&D": r"\&lt;b\&gt; R&D",
        "visit www.x.com": "visit www\u2060.x.com",
        "mail me@x.com": "mail me\u2060@x.com",
        "https://attacker.example": "https:\u2060//attacker.example",
        # A plain sentence is left as it is.
        "Mini games earn 2.6x (11.8% vs 4.5%): #CoffeeTok & #FoodTok, @fan.036.": (
            "Mini games earn 2.6x (11.8% vs 4.5%): #CoffeeTok & #FoodTok, @fan.036."
        ),
    }
    assert {text: ui.markdown_escape(text) for text in cases} == cases


def unescaped(body: str) -> str:
    """What Markdown still reads as markup: the text without its backslash-escaped characters."""
    return re.sub(r"\\[\s\S]", "", body)


def page_bodies(at) -> list[str]:
    bodies = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "subheader", "title"):
        bodies += [element.value for element in at.get(kind)]
    bodies += [element.label for element in at.get("metric")]
    bodies += [element.label for element in at.get("expander")]
    bodies += [element.label for element in at.get("tab")]
    bodies += [element.label for element in at.get("button")]
    bodies += [option for radio in at.get("radio") for option in radio.options]
    return bodies


def test_no_page_renders_uploaded_text_as_markdown():
    at = app()
    at.sidebar.selectbox(key="period_preset").set_value("All data").run()
    files = [(name, data, "application/octet-stream") for name, data in hostile_files()]
    files.append((HOSTILE_NAME, b"\x00\x01 not an export", "text/csv"))
    at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    shown: list[str] = []
    for page in ("data", "overview", "formats", "members", "segments", "whatif", "report"):
        at.switch_page(f"pages/{page}.py").run()
        for view in [at, *members_views(at, page)]:
            assert not view.exception, (page, view.exception)
            bodies = page_bodies(view)
            assert [
                body for body in bodies if any(live in unescaped(body) for live in LIVE_MARKDOWN)
            ] == [], page
            shown += bodies
    # The hostile text was shown, escaped: the file name in the Data page's error, format names on Formats.
    assert any(
        ui.markdown_escape("**urgent** [Re-login here](https://attacker.example)") in body for body in shown
    )
    assert any(ui.markdown_escape("**b**") in body for body in shown)


@pytest.mark.browser
@pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="Debian chromium not installed"
)
def test_in_chromium_a_hostile_file_name_shows_as_text_with_no_bold_link_or_emoji():
    playwright_api = pytest.importorskip("playwright.sync_api")
    name = "**urgent** [Re-login here](https:attacker.example) :fire: www.attacker.example <img src=x>.csv"
    with running_app() as url, playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        wait_until_idle(page)
        payload = {"name": name, "mimeType": "text/csv", "buffer": b"\x00\x01 not an export"}
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([payload])
        page.wait_for_timeout(1000)
        wait_until_idle(page)
        page.locator("[data-testid='stSidebarNav'] a", has_text="Data").click()  # the same session
        page.wait_for_timeout(1000)
        wait_until_idle(page)
        alerts = page.locator("[data-testid='stAlert']", has_text="urgent")
        assert alerts.count() == 1
        shown = alerts.first.inner_text().replace("\u2060", "")
        markup = alerts.first.inner_html()
        browser.close()
    assert name in shown
    assert "<strong>urgent" not in markup and "<a " not in markup and "<img" not in markup
    assert "🔥" not in shown
