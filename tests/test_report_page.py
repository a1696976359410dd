"""The Report page through AppTest on the demo brand and presentation mode. What AppTest cannot see (the PNG
download button of every chart, the hidden sidebar) is checked in a real browser in tests/test_browser.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import ui
from analytics.report.sections import DEFAULT_DAYS
from tests.apptest import app

PAGE = "pages/report.py"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63e02fcb0300018b"
    "00f40238f3860000000049454e44ae426082"
)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


def report_page():
    at = app()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def headlines(at) -> list[str]:
    return [item.value for item in at.markdown if item.value.startswith("#### ")]


def test_the_command_line_and_the_app_default_to_the_same_period():
    assert list(ui.PRESETS.values())[0] == DEFAULT_DAYS


def test_the_report_page_lists_every_headline_with_its_chart_and_offers_both_downloads():
    at = report_page()
    said = headlines(at)
    assert len(said) >= 15
    assert any("keep coming back" in line for line in said)
    assert len(at.get("download_button")) == 2
    assert len(at.get("plotly_chart")) >= 10
    captions = " ".join(caption.value for caption in at.caption)
    assert "camera icon" in captions and "pseudonyms" in captions


def test_only_the_chosen_sections_are_previewed():
    at = report_page()
    at.multiselect(key="report_sections").set_value(["live"]).run()
    assert not at.exception
    headings = [item.value for item in at.main.markdown if item.value.startswith("### ")]
    assert headings == ["### LIVE"]


def test_champions_are_pseudonyms_until_real_handles_are_switched_on():
    at = report_page()
    table = next(frame.value for frame in at.dataframe if "Member" in frame.value.columns)
    assert table["Member"].str.startswith("member-").all()
    at.toggle(key="report_real_handles").set_value(True).run()
    assert not at.exception
    table = next(frame.value for frame in at.dataframe if "Member" in frame.value.columns)
    assert table["Member"].str.startswith("@").all()


def test_a_logo_that_is_not_an_image_is_refused_with_a_sentence_and_a_png_is_taken():
    at = report_page()
    at.file_uploader(key="report_logo").set_value([("logo.png", b"<svg onload=alert(1)>", "image/png")]).run()
    assert not at.exception
    assert any("not a PNG or JPEG image" in warning.value for warning in at.warning)
    at.file_uploader(key="report_logo").set_value([("logo.png", PNG, "image/png")]).run()
    assert not at.warning


def test_the_report_can_cover_other_dates_than_the_sidebars(downloads):
    at = report_page()
    sidebar = at.sidebar.selectbox(key="period_preset").value
    at.toggle(key="report_same_period").set_value(False).run()
    at.date_input(key="report_dates").set_value((date(2026, 10, 5), date(2026, 10, 25))).run()
    assert not at.exception, at.exception
    name, page = downloads["report_download_html"]
    assert name == "phin_co_demo_brand_tiktok_report_2026-10-25.html"
    page = page.decode("utf-8")
    assert "<p>5 Oct 2026 – 25 Oct 2026 (21 days)</p>" in page  # the report's header
    assert "<dt>Period</dt><dd>5 Oct 2026 – 25 Oct 2026 (21 days)</dd>" in page  # and its methodology
    assert downloads["report_download_deck"][0] == "phin_co_demo_brand_tiktok_report_2026-10-25.pptx"
    assert at.sidebar.selectbox(key="period_preset").value == sidebar  # the sidebar's period is left alone


def test_presentation_mode_hides_the_controls_and_has_a_way_out():
    at = report_page()
    at.sidebar.toggle(key="ui_presentation").set_value(True).run()
    assert not at.exception
    styles = " ".join(element.proto.body for element in at.get("html"))
    assert '[data-testid="stSidebar"]' in styles and "stMetricValue" in styles
    at.button(key="ui_presentation_exit").click().run()
    assert not at.exception
    assert not at.sidebar.toggle(key="ui_presentation").value
    assert not any('[data-testid="stSidebar"]' in element.proto.body for element in at.get("html"))


REAL_CONTENT = Path(__file__).resolve().parents[1].parent / "shared" / "real_exports"


@pytest.mark.skipif(
    not (REAL_CONTENT / "tiktok-studio_en-US_htupycollabs").exists(), reason="real exports absent"
)
def test_a_report_with_one_finding_says_one_finding():
    # A Content export alone: one finding (the videos' scatter), announced as "1 findings".
    content = REAL_CONTENT / "tiktok-studio_en-US_htupycollabs" / "Content.csv"
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [(content.name, content.read_bytes(), "text/csv")]
    ).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    captions = [caption.value for caption in at.caption]
    assert any(caption.startswith("1 finding, one per slide") for caption in captions), captions


def test_the_deck_has_its_own_language_the_interfaces_by_default():
    # An agency in Vietnam: the screens in Vietnamese, the deck first in Vietnamese, then in French.
    at = app()
    at.session_state["ui_language"] = "vi"
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="report_language").value == "vi"
    assert any("Thương hiệu đã phản hồi" in line for line in headlines(at))
    at.selectbox(key="report_language").set_value("fr")
    at.multiselect(key="report_sections").set_value(["live"]).run()
    assert not at.exception, at.exception
    assert [item.value for item in at.main.markdown if item.value.startswith("### ")] == ["### LIVE"]
    assert any("ont attiré" in line for line in headlines(at)), headlines(at)
    assert [item.value for item in at.subheader] == ["Nội dung bản trình chiếu"]
