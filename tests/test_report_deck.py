"""The PowerPoint deck, re-opened with python-pptx: 16:9, the chosen sections, stated findings, native
charts, pseudonyms unless real handles are switched on, a methodology; and the same from the command line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from analytics.charts import BRAND
from analytics.members import member_stats, member_tiers
from analytics.report import SECTIONS, build_report, default_report_period
from analytics.report.deck import build_deck
from analytics.sample import SAMPLE_DIR, demo_workspace
from analytics.views.members import tiers_as_of

ROOT = Path(__file__).resolve().parents[1]
# A real PNG (1x1, teal): the smallest logo there is.
LOGO = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763"
    "d0f3660000012300b0e0a1e3c20000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def workspace():
    return demo_workspace()


@pytest.fixture(scope="module")
def everything(workspace):
    """Every section over all the demo's data, for a client called "Phin & Co.", with a logo."""
    period = default_report_period(workspace.con, None)
    return build_report(
        workspace.con,
        period=period,
        client="Phin & Co.",
        brand_label=workspace.label,
        salt="test-salt",
        logo=LOGO,
        brand_handle="phinco.coffee",
    )


def reopen(data: bytes):
    return Presentation(io.BytesIO(data))


def shape_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def headlines(prs) -> list[str]:
    return [
        shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.name == "Headline"
    ]


def table_cells(prs) -> list[str]:
    return [
        cell.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]


def test_the_deck_is_16_by_9_with_a_title_slide_a_slide_per_finding_and_a_methodology(everything):
    prs = reopen(build_deck(everything, images=False))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    title = " ".join(shape_texts(prs.slides[0]))
    assert "TikTok community report" in title and "Phin & Co." in title and "26 May 2026" in title
    assert headlines(prs) == [finding.headline for finding in everything.findings]
    methodology = [" ".join(shape_texts(slide)) for slide in prs.slides][len(everything.findings) + 1 :]
    assert methodology and "How these numbers were made" in methodology[0]
    assert "Period:" in methodology[0] and "Videos:" in methodology[0]
    definitions = " ".join(methodology)
    assert (
        "Engagement rate:" in definitions and "Member tiers:" in definitions and "Projection:" in definitions
    )


def test_headlines_state_the_finding_in_numbers(everything):
    said = {finding.key: finding.headline for finding in everything.findings}
    assert re.fullmatch(
        r"Mini game videos earn 2\.\dx the engagement of Product videos", said["formats_rate"]
    )
    assert said["members_tiers"].startswith("126 members keep coming back: 60 Champions and 66 Loyal")
    assert said["live_what_if"].startswith("One more LIVE a week would bring about")
    assert set(SECTIONS) == {finding.section for finding in everything.findings}


def test_charts_are_native_powerpoint_charts_the_client_can_edit(everything):
    prs = reopen(build_deck(everything, images=False))
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    native = [finding for finding in everything.findings if finding.native is not None]
    assert len(charts) == len(native) >= 10
    kinds = {chart.chart_type for chart in charts}
    assert {XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.LINE, XL_CHART_TYPE.DOUGHNUT} <= kinds
    rate_chart = charts[[finding.key for finding in native].index("formats_rate")]
    assert re.fullmatch(r"Mini game \(1\d\)", rate_chart.plots[0].categories[0])
    assert rate_chart.series[0].values[0] == pytest.approx(0.118, abs=2e-3)


def test_only_the_chosen_sections_are_in_the_deck(workspace):
    period = default_report_period(workspace.con, None)
    report = build_report(workspace.con, period=period, sections=["live", "formats"], salt="s")
    prs = reopen(build_deck(report, images=False))
    kickers = {text for slide in list(prs.slides)[1:] for text in shape_texts(slide) if text.isupper()}
    assert kickers == {"INTERACTION FORMATS", "LIVE", "METHODOLOGY"}
    assert "Member tiers:" not in " ".join(" ".join(shape_texts(slide)) for slide in prs.slides)


def test_member_handles_are_pseudonyms_by_default(everything):
    cells = table_cells(reopen(build_deck(everything, images=False)))
    members = cells[5::5]  # the Member column, under its header
    assert len(members) == 10
    assert all(name.startswith("member-") and len(name) == 19 for name in members)
    assert not any("@" in cell for cell in cells)


def test_real_handles_appear_only_when_switched_on(workspace):
    period = default_report_period(workspace.con, None)
    report = build_report(workspace.con, period=period, sections=["members"], real_handles=True, salt="s")
    members = table_cells(reopen(build_deck(report, images=False)))[5::5]
    tiers = member_tiers(member_stats(workspace.con, as_of=tiers_as_of(workspace.con, period)))
    expected = "@" + tiers[tiers["tier"] == "Champion"]["member_handle"].head(10)
    assert members == list(expected)


def test_charts_without_a_native_form_are_crisp_pngs_rendered_by_kaleido(workspace):
    period = default_report_period(workspace.con, None)
    report = build_report(workspace.con, period=period, sections=["formats"], salt="s")
    prs = reopen(build_deck(report, images=True))
    pictures = [shape for slide in prs.slides for shape in slide.shapes if shape.name == "Chart image"]
    assert len(pictures) == sum(finding.needs_image for finding in report.findings) == 2
    image = pictures[0].image
    assert image.content_type == "image/png"
    width, height = image.size
    assert width >= 1200 and height >= 600  # scale 2: twice the layout's pixels


def brand_bars(prs) -> list[str]:
    """The colour of the bars along the top of every slide (title, findings, methodology)."""
    return [
        str(shape.fill.fore_color.rgb)
        for slide in prs.slides
        for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and shape.top == 0
    ]


@pytest.mark.parametrize(
    ("color", "expected"),
    [("#7C3AED", "7C3AED"), ("#7c3aed", "7C3AED"), ("red; background: url(x)", BRAND[1:]), ("", BRAND[1:])],
    ids=["brand colour", "lower case", "not a colour", "none"],
)
def test_the_brand_colour_tops_every_slide_and_anything_but_a_colour_falls_back_to_the_house_teal(
    everything, color, expected
):
    prs = reopen(build_deck(replace(everything, brand_color=color), images=False))
    bars = brand_bars(prs)
    assert len(bars) == len(prs.slides) and set(bars) == {expected}


def test_the_logo_is_on_the_title_slide(everything):
    prs = reopen(build_deck(everything, images=False))
    [picture] = [shape for shape in prs.slides[0].shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert picture.image.blob == LOGO


def test_an_unknown_section_is_a_clear_error(workspace):
    period = default_report_period(workspace.con)
    with pytest.raises(ValueError, match="Unknown section"):
        build_report(workspace.con, period=period, sections=["overview", "budget"])


def test_the_command_line_builds_the_deck_from_files(tmp_path):
    files = sorted(str(path) for path in SAMPLE_DIR.iterdir() if path.suffix in {".csv", ".zip"})
    out = tmp_path / "phin.pptx"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analytics",
            "report",
            *files,
            "--out",
            str(out),
            "--client-name",
            "Phin & Co.",
            "--sections",
            "formats,members",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "PowerPoint deck with" in done.stdout and "24 Aug 2026 – 21 Nov 2026 (90 days)" in done.stdout
    prs = Presentation(str(out))
    assert prs.slide_width == Inches(13.333)
    assert "Phin & Co." in " ".join(shape_texts(prs.slides[0]))
    kickers = {text for slide in list(prs.slides)[1:] for text in shape_texts(slide) if text.isupper()}
    assert kickers == {"INTERACTION FORMATS", "MEMBERS", "METHODOLOGY"}
    assert any(cell.startswith("member-") for cell in table_cells(prs))


def test_the_command_line_refuses_an_unknown_section_or_file_type(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analytics",
            "report",
            "x.csv",
            "--out",
            str(tmp_path / "r.pdf"),
            "--sections",
            "vibes",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert ".pptx (PowerPoint) or an .html file" in done.stderr and "Unknown section(s) vibes" in done.stderr


def test_a_calendar_month_deck_names_the_month_and_the_one_it_is_compared_with(workspace):
    october = default_report_period(workspace.con, "month")  # the demo's data ends on 21 Nov 2026
    report = build_report(workspace.con, period=october, sections=["overview"], salt="x")
    prs = reopen(build_deck(report, images=False))
    assert "October 2026 (1 Oct – 31 Oct 2026, 31 days)" in shape_texts(prs.slides[0])
    assert dict(report.windows)["Period"] == "October 2026 (1 Oct – 31 Oct 2026, 31 days)"
    assert dict(report.windows)["Daily account numbers"] == (
        "31 days of TikTok Studio exports, 1 Oct – 31 Oct 2026; compared with September 2026 (1 Sep – 30 Sep 2026)"
    )
    [kpis] = [finding for finding in report.findings if finding.key == "overview_kpis"]
    # 31 days against 30: the views headline and tiles are of the daily average, and say so.
    assert kpis.headline.startswith("Daily video views ") and " on September 2026; " in kpis.headline
    assert kpis.caption == "The account, 1 Oct – 31 Oct 2026, against September 2026"
    assert {kpi.change_basis for kpi in kpis.kpis if kpi.label == "Video views"} == {"in daily average"}
    assert "counts are compared as daily averages" in kpis.note
    followers = next(finding for finding in report.findings if finding.key == "overview_followers")
    assert " in October 2026 " in followers.headline


def test_a_month_so_far_deck_says_it_is_compared_with_the_same_days_of_the_month_before(workspace):
    november = default_report_period(workspace.con, "month_so_far")
    report = build_report(workspace.con, period=november, sections=["overview"], salt="x")
    assert dict(report.windows)["Period"] == "November 2026 so far (1 Nov – 21 Nov 2026, 21 days)"
    assert dict(report.windows)["Daily account numbers"].endswith(
        "compared with the same days of October 2026 (1 Oct – 21 Oct 2026)"
    )
    [kpis] = [finding for finding in report.findings if finding.key == "overview_kpis"]
    assert kpis.headline.startswith("Video views ") and " on the same days of October 2026; " in kpis.headline
    assert {kpi.change_basis for kpi in kpis.kpis if kpi.label == "Video views"} == {"vs previous period"}


def test_the_command_line_builds_last_months_deck_and_says_which_months(tmp_path):
    files = sorted(str(path) for path in SAMPLE_DIR.iterdir() if path.suffix in {".csv", ".zip"})
    out = tmp_path / "october.html"
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "report", *files, "--out", str(out), "--sections", "overview"]
        + ["--period", "last-month"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert (
        "October 2026 (1 Oct – 31 Oct 2026, 31 days) against September 2026 (1 Sep – 30 Sep 2026)"
        in done.stdout
    )
    written = out.read_text(encoding="utf-8")
    assert "October 2026 (1 Oct – 31 Oct 2026, 31 days)" in written
    assert "compared with September 2026 (1 Sep – 30 Sep 2026)" in written
    both = subprocess.run(
        [sys.executable, "-m", "analytics", "report", *files, "--out", str(out), "--period", "last-month"]
        + ["--start", "2026-10-01"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert both.returncode == 2 and "Give either --period or --start/--end, not both." in both.stderr
