"""A real browser: Debian's Chromium uploads real exports through the real uploader and clicks
through every page by its sidebar link, as a marketer does (never by reloading a URL).

Set COMMUNITYLENS_SHOTS to a folder to keep a screenshot of every page visited.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.browser import CHROMIUM, launch, running_app, wait_until_idle

try:
    from playwright import sync_api as playwright_api
except ImportError:
    playwright_api = None

# Each test skips on its own (no module-level skip), so the skip count says how many did not run.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="Debian chromium not installed"
    ),
    pytest.mark.skipif(playwright_api is None, reason="playwright is not installed"),
]

ROOT = Path(__file__).resolve().parents[1]


def format_value(value: float, unit: str) -> str:
    from ui import format_value as shown

    return shown(value, unit)


REAL = ROOT.parent / "shared" / "real_exports" / "tiktok-studio_en-US_htupycollabs"
REAL_COMMENTS = ROOT.parent / "shared" / "real_exports" / "comments-xlsx_haron416-exporter"
SHOTS = os.environ.get("COMMUNITYLENS_SHOTS")
# Every page by its sidebar title, and whether it draws a chart for a Studio account with comments.
PAGES = {
    "Overview": True,
    "Interaction formats": True,
    "Members": True,
    "Community segments": True,
    "What-if": True,
    "Report": True,
    "Data": False,
}
# Pages whose tabs are drawn only when opened: the tabs after the first.
LAZY_TABS = {"Community segments": ("Audience", "Member segments")}
OVERVIEW_CSV = (
    '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"1 tháng Ba","1000","10","50","5","5"\n"2 tháng Ba","2000","20","100","10","10"\n'
    '"3 tháng Ba","3000","30","150","15","15"'
)


@pytest.fixture(scope="module")
def app_in_chromium():
    """One `streamlit run app.py` and one Chromium for the module; each test page is its own session."""
    with running_app() as url, playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        yield url, browser
        browser.close()


@pytest.fixture(scope="module")
def browser_page(app_in_chromium):
    url, browser = app_in_chromium
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    wait_until_idle(page, selector=".js-plotly-plot")
    yield page
    page.close()


def test_the_app_opens_on_the_demo_brand_with_a_chart(browser_page):
    page = browser_page
    assert page.get_by_text("demo brand", exact=False).first.is_visible()
    assert page.locator(".js-plotly-plot").first.is_visible()


def test_in_a_browser_every_chart_offers_a_png_download_and_presentation_mode_hides_the_sidebar(
    app_in_chromium,
):
    url, browser = app_in_chromium
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)  # a session of its own, on the demo brand
    wait_until_idle(page, selector=".js-plotly-plot")
    page.get_by_role("link", name="Report").click()
    wait_until_idle(page, selector=".js-plotly-plot")
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    assert chart.locator(".modebar-btn[data-title='Download plot as a PNG']").count() == 1
    options = page.evaluate("document.querySelector('.js-plotly-plot')._context.toImageButtonOptions")
    assert (options["format"], options["scale"]) == ("png", 2)
    page.locator("[data-testid='stSidebar'] label", has_text="Presentation mode").click()
    page.wait_for_timeout(1000)
    wait_until_idle(page, selector=".js-plotly-plot")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert page.get_by_role("button", name="Exit presentation mode").is_visible()
    page.close()


def test_uploading_an_export_shows_its_numbers_on_the_overview_chart(browser_page, tmp_path):
    page = browser_page
    if REAL.exists():
        files = [str(REAL / "Overview.csv")]
        # The app opens on the last 90 days: the last 90 rows of the file, summed independently.
        views = pd.read_csv(REAL / "Overview.csv", encoding="utf-8-sig", dtype=str)["Video Views"].tail(90)
        expected_views = format_value(views.astype(int).sum(), "count")
    else:
        path = tmp_path / "Overview.csv"
        path.write_text(OVERVIEW_CSV, encoding="utf-8")
        files = [str(path)]
        expected_views = "6,000"
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(files)
    page.wait_for_timeout(1000)
    wait_until_idle(page)
    tile = page.locator("[data-testid='stMetric']", has_text="Video views").first
    assert expected_views in tile.inner_text()
    chart = page.locator(".js-plotly-plot").first
    assert chart.is_visible()
    assert "Video views per day" in chart.inner_text()
    assert page.locator(".js-plotly-plot .bars path, .js-plotly-plot .trace").count() > 0


def real_account_files() -> list[str]:
    """All 7 TikTok Studio CSVs of one real account, plus a real comment export (XLSX)."""
    return [str(path) for path in sorted(REAL.rglob("*.csv"))] + [
        str(path) for path in sorted(REAL_COMMENTS.glob("*.xlsx"))
    ]


def open_page(page, title: str) -> None:
    """Click a page's link in the navigation (sidebar, or top bar in presentation mode) and wait for it."""
    page.locator("[data-testid='stSidebarNavLink'], [data-testid='stTopNavLink']").filter(
        has_text=title
    ).first.click()
    page.locator("[data-testid='stMainBlockContainer'] h1", has_text=title).first.wait_for(timeout=90_000)
    wait_until_idle(page, timeout=90_000)


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        page.screenshot(path=str(Path(SHOTS) / f"{width}_{name.replace(' ', '_')}.png"))


def exceptions_shown(page) -> list[str]:
    """The first line of every exception box (or traceback) on the page."""
    boxes = page.locator("[data-testid='stException']").all_inner_texts()
    if "Traceback (most recent call last)" in page.locator("body").inner_text() and not boxes:
        boxes = ["a traceback"]
    return [box.strip().splitlines()[0] if box.strip() else "an empty exception box" for box in boxes]


def assert_no_exception(page, where: str) -> None:
    assert exceptions_shown(page) == [], where


def cut_metric_values(page) -> list[str]:
    """The KPI numbers the browser had to cut (their text is wider than their box)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMetricValue"], [data-testid="stMetricValue"] > div')]
            .filter(element => element.scrollWidth > element.clientWidth)
            .map(element => element.innerText + ' (' + element.scrollWidth + ' > ' + element.clientWidth + ')')"""
    )


@pytest.fixture(scope="module")
def real_account_page(app_in_chromium):
    if not REAL.exists() or not list(REAL_COMMENTS.glob("*.xlsx")):
        pytest.skip("real exports folder absent")
    url, browser = app_in_chromium
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)  # the only load: from here on, every page is reached by its link
    wait_until_idle(page, selector=".js-plotly-plot")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(real_account_files())
    # The comment export is about another account's videos: the app asks first, and the marketer adds it.
    page.get_by_role("button", name="Add here anyway").click(timeout=90_000)
    page.get_by_text(f"{len(real_account_files())} files loaded").wait_for(timeout=90_000)
    wait_until_idle(page, timeout=90_000)
    yield page
    page.close()


def test_a_real_account_clicked_through_every_page_shows_no_exception_and_its_charts(real_account_page):
    page = real_account_page
    problems = []  # every page is visited, so one run names every broken page
    for title, has_chart in [*PAGES.items(), ("Overview", True)]:
        open_page(page, title)
        problems += [f"{title}: {text}" for text in exceptions_shown(page)]
        charts = page.locator(".js-plotly-plot").count()
        for tab in LAZY_TABS.get(title, ()):  # only the open tab is drawn: open each in turn
            page.get_by_role("tab", name=tab).click()
            wait_until_idle(page, timeout=90_000)
            problems += [f"{title}, {tab}: {text}" for text in exceptions_shown(page)]
            charts += page.locator(".js-plotly-plot").count()
        if has_chart and not charts:
            problems.append(f"{title}: no chart")
        shot(page, title)
    assert problems == [], "\n".join(problems)
    assert page.locator("[data-testid='stMetric']", has_text="Video views").count() == 1


@pytest.mark.parametrize("title", ["Overview", "Members"])
def test_kpi_numbers_are_never_cut_from_phone_to_desktop_width(real_account_page, title):
    page = real_account_page
    open_page(page, title)
    assert page.locator("[data-testid='stMetricValue']").count() >= 3
    for width in (360, 820, 1024, 1400):
        page.set_viewport_size({"width": width, "height": 1000})
        page.wait_for_timeout(400)
        assert cut_metric_values(page) == [], f"{title} at {width} px"
        shot(page, f"{title}_tiles")
    page.set_viewport_size({"width": 1400, "height": 1000})


def font_size(page, selector: str) -> float:
    return page.locator(selector).first.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")


def test_presentation_mode_keeps_the_pages_and_shows_the_period_in_large_type(real_account_page):
    page = real_account_page
    open_page(page, "Overview")
    title_before = font_size(page, "[data-testid='stMainBlockContainer'] h1")
    text_before = font_size(page, "[data-testid='stMain'] [data-testid='stCaptionContainer'] p")
    period = (
        page.locator("[data-testid='stSidebar'] [data-testid='stCaptionContainer']")
        .filter(has_text="compared with")
        .first.inner_text()
    )
    page.locator("[data-testid='stSidebar'] label", has_text="Presentation mode").click()
    banner = page.locator(".st-key-ui_presentation_period")
    banner.wait_for(timeout=60_000)
    wait_until_idle(page)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert page.locator("[data-testid='stTopNavLink']").count() == len(PAGES)
    dates = banner.locator("[data-testid='stMarkdownContainer'] p").first
    assert dates.inner_text() in period  # the sidebar's period, "30 Nov 2025 – 27 Feb 2026 (90 days)"
    assert font_size(page, ".st-key-ui_presentation_period [data-testid='stMarkdownContainer'] p") >= 32
    assert font_size(page, "[data-testid='stMainBlockContainer'] h1") > title_before
    assert font_size(page, "[data-testid='stMain'] [data-testid='stCaptionContainer'] p") > text_before
    assert cut_metric_values(page) == []
    shot(page, "Overview_presenting")
    open_page(page, "Members")  # changing page does not leave the mode
    assert banner.is_visible() and not page.locator("[data-testid='stSidebar']").is_visible()
    assert_no_exception(page, "Members in presentation mode")
    shot(page, "Members_presenting")
    page.get_by_role("button", name="Exit presentation mode").click()
    page.locator("[data-testid='stSidebarNavLink']").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    assert page.locator("[data-testid='stSidebarNavLink']").count() == len(PAGES)
    assert not banner.is_visible()
    assert page.locator("[data-testid='stMainBlockContainer'] h1", has_text="Members").is_visible()


def test_the_cross_on_one_of_two_files_named_overview_removes_only_its_data(app_in_chromium, tmp_path):
    url, browser = app_in_chromium
    march, april = tmp_path / "march" / "Overview.csv", tmp_path / "april" / "Overview.csv"
    april_csv = OVERVIEW_CSV.split("\n")[0] + '\n"1 tháng Tư","7","1","1","0","0"'
    for path, text in ((march, OVERVIEW_CSV), (april, april_csv)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)  # no need to wait for the demo's charts: the upload replaces them
    upload = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    upload.wait_for(state="attached", timeout=60_000)
    upload.set_input_files([str(march), str(april)])
    page.get_by_text("2 files loaded").wait_for(timeout=60_000)
    wait_until_idle(page)
    views = page.locator("[data-testid='stMetric']", has_text="Video views").first
    assert "6,007" in views.inner_text()  # March's 6,000 and April's 7
    page.get_by_role("button", name="Remove Overview.csv").last.click()  # the April download's ✕
    page.get_by_text("1 file loaded").wait_for(timeout=60_000)
    wait_until_idle(page)
    assert_no_exception(page, "Overview")
    assert "6,000" in views.inner_text()
    page.close()


def test_an_upload_becomes_a_client_that_is_still_there_after_a_reload(app_in_chromium, tmp_path):
    url, browser = app_in_chromium
    path = tmp_path / "Overview.csv"
    path.write_text(OVERVIEW_CSV, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    upload = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    upload.wait_for(state="attached", timeout=60_000)
    upload.set_input_files([str(path)])
    page.get_by_text("1 file loaded").wait_for(timeout=60_000)
    wait_until_idle(page)
    assert "client=" in page.url
    picker = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first

    def chosen_client() -> str:
        box = picker.locator("input")
        return box.input_value() or box.get_attribute("aria-label") or picker.inner_text()

    assert "New client" in picker.inner_text() + chosen_client()
    page.reload()  # a new session: only the store remembers
    page.get_by_text("1 file loaded").wait_for(timeout=60_000)
    wait_until_idle(page, selector=".js-plotly-plot")
    assert "New client" in picker.inner_text() + chosen_client()
    assert "6,000" in page.locator("[data-testid='stMetric']", has_text="Video views").first.inner_text()
    assert page.locator(".js-plotly-plot").first.is_visible()
    assert_no_exception(page, "Overview")
    page.close()


def test_a_first_visit_follows_the_browser_language_and_a_reload_keeps_the_chosen_one(app_in_chromium):
    url, browser = app_in_chromium
    context = browser.new_context(locale="vi-VN", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        page.goto(url)
        wait_until_idle(page, selector=".js-plotly-plot")
        sidebar = page.locator("[data-testid='stSidebar']")
        assert sidebar.get_by_text("Ngôn ngữ", exact=True).count() == 1
        page.locator("[data-testid='stSidebarNavLink']").nth(2).click()  # another page, by its link
        wait_until_idle(page)
        assert sidebar.get_by_text("Ngôn ngữ", exact=True).count() == 1
        # The marketer picks French; a reload (a new session) keeps it, although the browser says Vietnamese.
        sidebar.get_by_role("combobox", name=re.compile("Ngôn ngữ")).click()
        page.keyboard.type("Fran")
        page.keyboard.press("Enter")
        wait_until_idle(page)
        assert sidebar.get_by_text("Langue", exact=True).count() == 1
        assert "lang=fr" in page.url
        page.reload()
        wait_until_idle(page)
        assert sidebar.get_by_text("Langue", exact=True).count() == 1
    finally:
        context.close()
