"""The What-if page, its verdicts and its LIVE and posting-slot sentences in the marketer's language.

Numbers inside the expected sentences are written by analytics.wording in the same language, so these
tests check the words and their order, whatever the number style.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import i18n, lives, stats, whatif, wording
from analytics.posting_times import best_posting_slots
from tests.apptest import ROOT

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real_exports"
STUDIO_ONLY = REAL / "tiktok-studio_en-US_htupycollabs"  # every Studio file of one account, no detail sheet


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


# ---------------------------------------------------------------- sentences


def challenges_against_tutorials(code: str, videos_a: int = 6) -> tuple[str, dict[str, str]]:
    """The verdict of Challenges (10% engagement) against Tutorials (5%), in `code`, and its numbers."""
    with i18n.use(code):
        result = stats.compare_ratios(
            (np.full(videos_a, 10.0), np.full(videos_a, 100.0)),
            (np.full(6, 5.0), np.full(6, 100.0)),
            label_a=whatif.group_label("format", "Challenge"),
            label_b=whatif.group_label("format", "Tutorial"),
            n_boot=200,
        )
        numbers = {
            "ratio": wording.value(2.0, "decimal"),
            "a": wording.percent(0.10),
            "b": wording.percent(0.05),
            "count_a": wording.count(videos_a),
        }
    return result["verdict"], numbers


def test_a_clear_verdict_is_one_whole_sentence_in_french_and_vietnamese():
    said, numbers = challenges_against_tutorials("fr")
    assert said == (
        "Les challenges obtiennent {ratio} fois plus d'engagement que les tutoriels ({a} contre {b}), et ce "
        "n'est probablement pas le hasard."
    ).format(**numbers)
    said, numbers = challenges_against_tutorials("vi")
    assert said == (
        "Video thử thách có tương tác gấp {ratio} lần video hướng dẫn ({a} so với {b}), và điều này khó là "
        "do ngẫu nhiên."
    ).format(**numbers)


def test_too_few_videos_to_compare_is_said_in_french_with_both_counts():
    said, numbers = challenges_against_tutorials("fr", videos_a=2)
    assert said == (
        "Pas assez de vidéos pour conclure\xa0: les challenges en ont {count_a} avec des vues et les tutoriels 6, et une "
        "comparaison en demande au moins 5 de chaque côté."
    ).format(**numbers)


def test_a_confidence_level_is_written_as_the_language_writes_a_percentage():
    with i18n.use("fr"):
        assert (stats.level(0.95), stats.level(0.995)) == ("95\xa0%", "99,5\xa0%")
    assert (stats.level(0.95), stats.level(0.995)) == ("95%", "99.5%")


def test_the_best_live_slot_names_the_day_in_french_with_the_plural_of_four_broadcasts():
    slots = pd.DataFrame(
        {
            "weekday": [5],
            "hour": [20],
            "count_lives": [4],
            "average_viewers": [1500.0],
            "relative_viewers": [1.25],
        }
    )
    with i18n.use("fr"):
        viewers = wording.count(1500)
        assert lives.best_live_slot(slots) == (
            "Les LIVE du samedi (début 20:00–21:00) ont attiré 25\xa0% de spectateurs en plus que les LIVE "
            f"des mêmes semaines (4 diffusions, {viewers} spectateurs en moyenne)."
        )


def test_posting_slots_use_the_language_s_day_names_and_hour_style():
    grid = pd.DataFrame(
        {"weekday": [2, 0], "hour": [19, 9], "count_videos": [2, 3], "engagement_rate": [0.065, 0.013]}
    )
    with i18n.use("vi"):
        rates = wording.percent(0.065), wording.percent(0.013)
        assert best_posting_slots(grid) == [
            f"Thứ Tư 19:00–20:00: 2 video, tỷ lệ tương tác {rates[0]}",
            f"Thứ Hai 9:00–10:00: 3 video, tỷ lệ tương tác {rates[1]}",
        ]
    with i18n.use("id"):  # Indonesian writes hours with a dot
        assert (
            best_posting_slots(grid)[0]
            == f"Rabu 19.00–20.00: 2 video, tingkat interaksi {wording.percent(0.065)}"
        )


# ---------------------------------------------------------------- the page


def whatif_in(code: str, files: list[tuple[str, bytes, str]] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.session_state["ui_language"] = code
    at.run()
    assert not at.exception, at.exception
    if files:
        at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    at.switch_page("pages/whatif.py").run()
    assert not at.exception, at.exception
    return at


def chart_titles(at: AppTest) -> list[str]:
    layouts = [json.loads(chart.proto.spec)["layout"] for chart in at.get("plotly_chart")]
    return [
        f"{layout['title']['text']} {layout['title'].get('subtitle', {}).get('text', '')}"
        for layout in layouts
    ]


def words_shown(at: AppTest) -> str:
    texts = [
        element.value
        for kind in ("title", "caption", "markdown", "info", "warning")
        for element in at.get(kind)
    ]
    texts += [f"{metric.label} {metric.proto.help}" for metric in at.metric]
    texts += [tab.label for tab in at.tabs] + [button.label for button in at.button]
    texts += [option for radio in at.radio for option in radio.options]
    return "\n".join([*texts, *chart_titles(at)])


# Sentences of the page in English: none of them may be left on a translated page.
ENGLISH = [
    "per month",
    "Your history",
    "Compare two groups",
    "Two formats",
    "could be luck",
    "unlikely to be luck",
    "Not enough videos",
    "against your plan",
    "a week",
    "not known",
]

PAGES = {
    "fr": {
        "title": "Simulation",
        "tabs": ["Planificateur de mix", "Comparer deux groupes", "Plus de LIVE\xa0?"],
        "tiles": {"Vues par mois", "Interactions par mois", "Spectateurs par mois"},
        "charts": [
            "Par mois : votre mix actuel face à votre plan",
            "Par mois grâce aux LIVE : aujourd'hui face",
        ],
        "verdict": ("contre", "Pas assez de vidéos"),
        "months": "A : les vidéos publiées du 1",
    },
    "vi": {
        "title": "Giả định",
        "tabs": ["Lập kế hoạch nội dung", "So sánh hai nhóm", "LIVE nhiều hơn?"],
        "tiles": {"Lượt xem mỗi tháng", "Tương tác mỗi tháng", "Người xem mỗi tháng"},
        "charts": [
            "Mỗi tháng: tỷ lệ nội dung hiện tại so với kế hoạch",
            "Mỗi tháng từ LIVE: hiện tại so với",
        ],
        "verdict": ("so với", "Chưa đủ video"),
        "months": "A: Video đăng 1",
    },
}


@pytest.mark.parametrize("code", list(PAGES))
def test_the_what_if_page_speaks_the_marketer_s_language_on_the_demo(code):
    at = whatif_in(code)
    expected = PAGES[code]
    assert at.title[0].value == expected["title"]
    assert [tab.label for tab in at.tabs][:3] == expected["tabs"]
    assert expected["tiles"] <= {metric.label for metric in at.metric}
    titles = chart_titles(at)
    assert len(titles) == 3  # the plan, the comparison of the two first formats, the LIVEs
    for title in expected["charts"]:
        assert any(title in shown.replace("\xa0", " ") for shown in titles), titles
    # The comparison of the two most common formats, said in the language.
    assert any(any(word in info.value for word in expected["verdict"]) for info in at.info), at.info
    shown = words_shown(at)
    assert not [english for english in ENGLISH if english in shown], shown
    # A click keeps the language: this month against last month, both named with their dates.
    at.button(key="whatif_this_vs_last_month").click().run()
    assert not at.exception, at.exception
    assert at.radio(key="whatif_compare_kind").value == "dates"
    plain = [" ".join(caption.value.replace("\xa0", " ").split()).casefold() for caption in at.caption]
    assert any(caption.startswith(expected["months"].casefold()) for caption in plain), plain
    shown = words_shown(at)
    assert not [english for english in ENGLISH if english in shown], shown


@pytest.mark.skipif(not STUDIO_ONLY.is_dir(), reason="../shared/real_exports is absent")
def test_a_studio_only_account_without_a_detail_sheet_reads_the_what_if_page_in_vietnamese():
    files = [
        (path.name, path.read_bytes(), "application/octet-stream")
        for path in sorted(STUDIO_ONLY.rglob("*"))
        if path.is_file()
    ]
    at = whatif_in("vi", files)
    if any(button.key == "whatif_use_all_data" for button in at.button):  # the last 90 days hold too few
        at.button(key="whatif_use_all_data").click().run()
        assert not at.exception, at.exception
    tiles = {metric.label for metric in at.metric}
    assert "Lượt xem mỗi tháng" in tiles and "Người theo dõi mới mỗi tháng" not in tiles
    assert any(
        caption.value.startswith("Chưa rõ người theo dõi mới theo từng video") for caption in at.caption
    )
    shown = words_shown(at)
    assert not [english for english in ENGLISH if english in shown], shown
