"""The self-contained HTML report: no network reference, uploaded text escaped, and its charts render in
headless Chromium with the network switched off; and the same file from the command line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.report import build_report, default_report_period
from analytics.report.html import build_html
from analytics.sample import SAMPLE_DIR, demo_workspace
from tests.browser import CHROMIUM, launch

ROOT = Path(__file__).resolve().parents[1]
LOGO = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763"
    "d0f3660000012300b0e0a1e3c20000000049454e44ae426082"
)
HOSTILE = "Phin <script>alert('client')</script> & Co."
has_chromium = Path(CHROMIUM).exists() or shutil.which("chromium")


@pytest.fixture(scope="module")
def report():
    workspace = demo_workspace()
    period = default_report_period(workspace.con, None)
    return build_report(
        workspace.con, period=period, client=HOSTILE, brand_label=workspace.label, salt="s", logo=LOGO
    )


@pytest.fixture(scope="module")
def page_html(report) -> str:
    return build_html(report)


def test_the_report_loads_nothing_from_the_network(page_html):
    sources = re.findall(
        r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?([^\"' >]+)", page_html
    )
    assert [source for source in sources if re.match(r"(?i)(https?:)?//", source)] == []
    assert not re.search(r"(?i)<link\b", page_html)
    assert page_html.count("window.PlotlyConfig") == 1  # plotly.js embedded exactly once
    assert "Content-Security-Policy" in page_html and "default-src 'none'" in page_html


def test_uploaded_text_is_escaped(page_html):
    assert "<script>alert('client')</script>" not in page_html
    assert "Phin &lt;script&gt;alert(&#x27;client&#x27;)&lt;/script&gt; &amp; Co." in page_html


def test_the_logo_is_embedded_and_anything_but_png_or_jpeg_is_refused(report, page_html):
    assert 'src="data:image/png;base64,' in page_html
    report.logo = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    try:
        assert "<img" not in build_html(report)
    finally:
        report.logo = LOGO


def test_every_finding_and_the_methodology_are_in_the_report(report, page_html):
    for finding in report.findings:
        assert f'<article id="{finding.key}">' in page_html
    assert '<section id="methodology">' in page_html and "<dt>Engagement rate</dt>" in page_html
    assert page_html.count('class="js-plotly-plot"') == 0  # plotly adds the class in the browser


@pytest.mark.browser
@pytest.mark.skipif(not has_chromium, reason="Debian chromium not installed")
def test_the_report_opens_offline_in_chromium_and_its_charts_render(report, page_html, tmp_path):
    playwright_api = pytest.importorskip("playwright.sync_api")
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")
    requested, errors = [], []
    with playwright_api.sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(offline=True)
        context.route(
            "**/*",
            lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_(),
        )
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.as_uri())
        figures = sum(
            finding.figure is not None and not finding.kpis and finding.table is None
            for finding in report.findings
        )
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {2 * figures}", timeout=30_000
        )
        assert page.locator(".js-plotly-plot").count() == figures
        drawn = page.evaluate(
            "[...document.querySelectorAll('.js-plotly-plot')].filter(plot => "
            "plot.querySelector('.point, .pielayer .slice, .heatmaplayer image')).length"
        )
        assert drawn == figures
        assert page.locator(".tile").count() >= 8  # the overview's numbers
        browser.close()
    assert errors == []
    assert [url for url in requested if not url.startswith("file:")] == []


def test_the_command_line_builds_the_html_report_from_files(tmp_path):
    files = sorted(str(path) for path in SAMPLE_DIR.iterdir() if path.suffix in {".csv", ".zip"})
    out = tmp_path / "phin.html"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analytics",
            "report",
            *files,
            "--out",
            str(out),
            "--sections",
            "overview,live",
            "--start",
            "2026-06-01",
            "--end",
            "2026-11-21",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "HTML report with" in done.stdout and "1 Jun 2026 – 21 Nov 2026 (174 days)" in done.stdout
    written = out.read_text(encoding="utf-8")
    assert '<section id="overview">' in written and '<section id="live">' in written
    assert '<section id="members">' not in written
