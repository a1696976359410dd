"""A real browser: Debian's Chromium uploads a real export through the real uploader."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.browser import CHROMIUM, launch, running_app, wait_until_idle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not shutil.which("chromium"), reason="Debian chromium not installed"
    ),
]
playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[1]


def format_value(value: float, unit: str) -> str:
    from ui import format_value as shown

    return shown(value, unit)


REAL = ROOT.parent / "shared" / "real_exports" / "tiktok-studio_en-US_htupycollabs"
OVERVIEW_CSV = (
    '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"1 tháng Ba","1000","10","50","5","5"\n"2 tháng Ba","2000","20","100","10","10"\n'
    '"3 tháng Ba","3000","30","150","15","15"'
)


@pytest.fixture(scope="module")
def browser_page():
    with running_app() as url, playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        wait_until_idle(page, selector=".js-plotly-plot")
        yield page
        browser.close()


def test_the_app_opens_on_the_demo_brand_with_a_chart(browser_page):
    page = browser_page
    assert page.get_by_text("demo brand", exact=False).first.is_visible()
    assert page.locator(".js-plotly-plot").first.is_visible()


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
