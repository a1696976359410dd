"""The Members page in the marketer's language: tier reasons as whole sentences, tier names from the glossary."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import i18n
from analytics.i18n import term
from analytics.members import days_ago, member_tiers, tier_counts
from tests.apptest import ROOT


def stats(**columns) -> pd.DataFrame:
    base = {"member_id": ["m"], "score": [1.0]}
    return pd.DataFrame(base | {name: [value] for name, value in columns.items()})


CHAMPION = stats(count_videos=14, count_comments=20, active_weeks=9, days_since_last=1, days_since_first=300)
AT_RISK = stats(count_videos=3, count_comments=5, active_weeks=2, days_since_last=45, days_since_first=200)
NEWCOMER = stats(count_videos=1, count_comments=1, active_weeks=1, days_since_last=0, days_since_first=0)
ONE_TIME = stats(count_videos=1, count_comments=1, active_weeks=1, days_since_last=200, days_since_first=200)


def reason(frame: pd.DataFrame, language: str) -> str:
    with i18n.use(language):
        return member_tiers(frame)["reason"].iloc[0]


@pytest.mark.parametrize(
    ("frame", "language", "expected"),
    [
        (CHAMPION, "en", "commented on 14 videos over 9 weeks, last yesterday"),
        (CHAMPION, "vi", "bình luận trên 14 video trong 9 tuần, lần cuối hôm qua"),
        (CHAMPION, "fr", "a commenté 14 vidéos sur 9 semaines, dernier commentaire hier"),
        (AT_RISK, "en", "commented on 3 videos over 2 weeks, but last 45 days ago: going quiet"),
        (
            AT_RISK,
            "vi",
            "bình luận trên 3 video trong 2 tuần, nhưng lần cuối 45 ngày trước: đang im lặng dần",
        ),
        (
            AT_RISK,
            "fr",
            "a commenté 3 vidéos sur 2 semaines, mais dernier commentaire il y a 45 jours\xa0: se fait discret",
        ),
        (NEWCOMER, "en", "first comment today; 1 comment on 1 video"),
        (NEWCOMER, "vi", "bình luận đầu tiên hôm nay; 1 bình luận trên 1 video"),
        (NEWCOMER, "fr", "premier commentaire aujourd'hui\xa0; 1 commentaire sur 1 vidéo"),
        (ONE_TIME, "en", "1 comment, 200 days ago"),
        (ONE_TIME, "vi", "1 bình luận, 200 ngày trước"),
        (ONE_TIME, "fr", "1 commentaire, il y a 200 jours"),
    ],
)
def test_a_tier_reason_is_one_sentence_in_the_readers_language_with_its_counts_in_the_right_number(
    frame, language, expected
):
    assert reason(frame, language) == expected


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["today", "yesterday", "2 days ago", "31 days ago"]),
        ("vi", ["hôm nay", "hôm qua", "2 ngày trước", "31 ngày trước"]),
        ("fr", ["aujourd'hui", "hier", "il y a 2 jours", "il y a 31 jours"]),
        ("es", ["hoy", "ayer", "hace 2 días", "hace 31 días"]),
    ],
)
def test_relative_days_are_words_in_each_language(language, words):
    with i18n.use(language):
        assert [days_ago(days) for days in (0, 1, 2, 31)] == words


def test_tier_names_and_meanings_follow_the_glossary_while_stored_tiers_stay_english_codes():
    with i18n.use("vi"):
        assert [term("tier", code) for code in ("Champion", "At risk", "Lapsed", "One-time")] == [
            "Fan cứng",
            "Có nguy cơ rời đi",
            "Đã rời đi",
            "Một lần",
        ]
        counts = tier_counts(member_tiers(CHAMPION))
    assert counts["tier"].iloc[0] == "Champion"  # the code, for filters, files and the command line
    assert counts["meaning"].iloc[0] == "nhóm cốt lõi: ứng viên đại sứ"
    with i18n.use("fr"):
        assert term("tier", "Loyal") == "Fidèle" and term("sentiment", "negative") == "négatif"


def members_page(language: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.session_state["ui_language"] = language
    at.run()
    at.switch_page("pages/members.py").run()
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, label: str, language: str) -> AppTest:
    # AppTest writes the widgets' options back in the test's thread: in the page's language too.
    with i18n.use(language):
        at.session_state["members_view"] = label
        at.run()
    assert not at.exception, at.exception
    return at


def chart_texts(at: AppTest) -> str:
    """Every chart's titles, axis titles, legend names and category labels, as one text."""
    return " ".join(
        json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in at.get("plotly_chart")
    )


@pytest.mark.parametrize(
    ("language", "tiles", "tabs", "chart_words", "tier_cells", "mood_words"),
    [
        (
            "vi",
            {"Thành viên", "Fan cứng", "Có nguy cơ rời đi", "Mới", "Tỷ lệ phản hồi", "Trung thành"},
            {"Hạng thành viên", "Danh sách cần hành động", "Một thành viên", "Phản hồi", "Cảm xúc"},
            ["Thành viên theo hạng", "Fan cứng", "Đã rời đi", "Một lần"],
            {"Fan cứng", "Trung thành", "Có nguy cơ rời đi"},
            ["Tỷ lệ bình luận tích cực theo hạng", "Tích cực", "Tiêu cực"],
        ),
        (
            "fr",
            {"Membres", "Champions", "À risque", "Nouveau", "Taux de réponse", "Fidèle"},
            {"Niveaux", "Listes à traiter", "Un membre", "Réponses", "Sentiment"},
            ["Membres par niveau", "Fidèle", "Inactif", "Ponctuel"],
            {"Champion", "Fidèle", "À risque"},
            ["Taux de réactions positives par niveau", "Positif", "Négatif"],
        ),
    ],
)
def test_the_members_page_speaks_vietnamese_and_french_tiles_tabs_charts_and_tier_names(
    language, tiles, tabs, chart_words, tier_cells, mood_words, tmp_path, monkeypatch
):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    at = members_page(language)
    assert not at.error
    assert tiles <= {metric.label for metric in at.metric}
    assert tabs <= {tab.label for tab in at.tabs}
    assert at.title[0].value == i18n.translations(language).gettext("Members")
    charts = chart_texts(at)
    for word in chart_words:
        assert word in charts, word
    assert "Members by tier" not in charts and '"At risk"' not in charts
    tier_column = i18n.translations(language).gettext("Tier")
    table = next(frame.value for frame in at.dataframe if tier_column in frame.value.columns)
    assert tier_cells <= set(table[tier_column])
    assert not {"Champion", "Loyal", "At risk"} & set(table[tier_column]) - tier_cells
    # The Sentiment tab: its charts' legends and titles, and the labels a marketer corrects, in the language.
    sentiment = [tab.label for tab in at.tabs][4]
    open_tab(at, sentiment, language)
    assert not at.error
    charts = chart_texts(at)
    for word in mood_words:
        assert word in charts, word
