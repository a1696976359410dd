"""The Overview page, the sidebar and their downloads in the marketer's language (issue 13)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import ui
from analytics import charts, i18n, wording
from analytics.definitions import DEFINITIONS, definition
from analytics.export import csv_bytes
from analytics.overview import PRESETS, Period, month_of, month_so_far
from tests.apptest import ROOT

TREND = pd.DataFrame(
    {
        "stat_date": [date(2026, 11, 1), date(2026, 11, 2)],
        "video_views": [12345, 2000],
        "engagement_rate": [0.0345, 0.05],
    }
)
ENGLISH_CHART_TITLES = {
    "Video views per day",
    "Engagement rate per day",
    "Followers",
    "New and returning viewers per day",
}


def csv_lines(frame: pd.DataFrame) -> list[str]:
    return csv_bytes(frame).decode("utf-8-sig").splitlines()


def test_a_french_csv_has_french_headers_and_raw_numbers_and_the_english_option_keeps_english_headers():
    with i18n.use("fr"):
        french = csv_lines(ui.csv_frame(TREND, charts.LABELS))
        english = csv_lines(ui.csv_frame(TREND, charts.LABELS, english=True))
    assert french[0] == "Jour,Vues des vidéos,Taux d'engagement"
    # Values stay machine-readable: ISO dates, no thousands separator, a dot for decimals.
    assert french[1:] == ["2026-11-01,12345,0.0345", "2026-11-02,2000,0.05"]
    assert english[0] == "Day,Video views,Engagement rate"
    assert english[1:] == french[1:]


def test_a_table_with_english_headers_is_downloaded_with_them_translated_and_unknown_headers_kept():
    frame = pd.DataFrame({"Member": ["@fan"], "Comments": [3], "my own column": [1]})
    with i18n.use("es"):
        assert csv_lines(ui.csv_frame(frame))[0] == "Miembro,Comentarios,my own column"


def test_definitions_are_translated_where_they_are_read_and_stay_english_in_the_stored_dictionary():
    with i18n.use("vi"):
        name, text = definition("engagement_rate")
    assert name == "Tỷ lệ tương tác" and "÷" in text and text != DEFINITIONS["engagement_rate"][1]
    assert DEFINITIONS["engagement_rate"][0] == "Engagement rate"
    assert definition("engagement_rate") == DEFINITIONS["engagement_rate"]


def test_periods_name_their_months_and_comparisons_in_the_run_language():
    october = month_of(date(2026, 10, 5))
    with i18n.use("fr"):
        assert october.name == "octobre 2026"
        assert october.compared_with().startswith("septembre 2026 (")
        assert month_so_far(date(2026, 11, 18)).name == "novembre 2026 jusqu'ici"
        assert ui.period_caption(Period(date(2026, 8, 1), date(2026, 8, 28))).endswith(
            "(28 jours), comparé aux 28 jours d'avant."
        )
    with i18n.use("pt_BR"):
        caption = ui.period_caption(month_so_far(date(2026, 11, 18)))
    assert caption.startswith("Novembro de 2026 até agora")
    assert "comparado com os mesmos dias de outubro de 2026" in caption
    assert october.name == "October 2026"  # English outside the block


def test_charts_write_numbers_with_the_language_separators():
    with i18n.use("fr"):
        assert wording.separators() == ",\u202f"
    with i18n.use("pt_BR"):
        assert wording.separators() == ",."
    assert wording.separators() == ".,"


def overview_in(language: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["ui_language"] = language
    at.run()
    return at


@pytest.mark.parametrize("language", ["vi", "fr"])
def test_the_overview_page_reads_in_vietnamese_and_french(language):
    at = overview_in(language)
    assert not at.exception, at.exception
    with i18n.use(language):
        expected_title = i18n._("Overview")
        expected_tiles = {
            definition(metric)[0] for metric in ("video_views", "engagements", "engagement_rate")
        }
        presets = [i18n._(name) for name in PRESETS]
    assert at.title[0].value == expected_title != "Overview"
    tiles = {metric.label for metric in at.metric}
    english_tiles = {DEFINITIONS[metric][0] for metric in DEFINITIONS}
    assert expected_tiles <= tiles and not tiles & english_tiles
    titles = {json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in at.get("plotly_chart")}
    assert len(titles) == 4 and not titles & ENGLISH_CHART_TITLES
    separators = {json.loads(chart.proto.spec)["layout"]["separators"] for chart in at.get("plotly_chart")}
    with i18n.use(language):
        assert separators == {wording.separators()}
    # The period keeps its stored English code, shown in the page's language.
    period = at.sidebar.selectbox(key="period_preset")
    assert period.value == "Last 90 days" and period.options[: len(presets)] == presets
    box = at.checkbox(key="overview_download_english_headers")
    assert box.label != "Keep English column headers (for analysts)" and not box.value
    # Ticked once, the English headers stay chosen for the session (every download's box starts ticked).
    box.check().run()
    assert at.session_state["csv_english_headers"] is True
    assert at.checkbox(key="overview_download_english_headers").value
