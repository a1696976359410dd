"""The Interaction formats page in the marketer's language: reasons, verdicts, names, tabs and charts.

Stored values stay English codes (the format, the confidence, the reason the command line writes);
only what is shown is worded in the screen's language.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analytics import db, i18n
from analytics.captions import classify
from analytics.format_stats import format_takeaway, video_formats
from analytics.reasons import worded
from tests.apptest import ROOT, AppTest


def load(*captions: str):
    rows = [
        {
            "video_id": str(index),
            "caption": caption,
            "total_views": 1000,
            "total_likes": 10 * (index + 1),
            "total_comments": 0,
            "total_shares": 0,
            "posted_at": "2024-03-06 12:00:00",
        }
        for index, caption in enumerate(captions)
    ]
    return db.load_frames(db.connect(), {"videos": pd.DataFrame(rows)})


def test_a_reason_is_worded_in_french_and_vietnamese_while_the_stored_format_and_reason_stay_english():
    con = load("LIVE tonight 8pm: Q&A with our barista", "live music at the cafe", "#phintips")
    frame = video_formats(con, series={"#phintips": "Tutorial"})
    assert list(frame["format"]) == ["LIVE Q&A", "Other", "Tutorial"]  # the stored codes
    assert list(frame["reason"]) == [
        'matched "LIVE" with "8pm"',
        'no rule matched ("live music" is not a TikTok LIVE)',
        'series rule: "#phintips" is always Tutorial',
    ]
    with i18n.use("fr"):
        shown = [worded(why) for why in frame["why"]]
    assert shown == [
        "correspond à «\xa0LIVE\xa0» avec «\xa08pm\xa0»",
        "aucune règle ne correspond («\xa0live music\xa0» n'est pas un LIVE TikTok)",
        "règle de série\xa0: «\xa0#phintips\xa0» est toujours Tutoriel",
    ]
    with i18n.use("vi"):
        found = classify("Giveaway time! Win a phin set #giveaway")
        assert (
            found.why.text()
            == 'khớp "Giveaway" (giveaway, được tính là Mini game) và "Win a" (giải thưởng để giành)'
        )
    assert (found.format, found.confidence) == ("Mini game", "sure")
    assert (
        found.reason == 'matched "Giveaway" (a giveaway, counted as a Mini game) and "Win a" (a prize to win)'
    )
    # The reason's English is the same in any language of the run (the command line's videos.csv).
    with i18n.use("vi"):
        assert video_formats(con)["reason"].iloc[0] == 'matched "LIVE" with "8pm"'


def test_the_formats_verdict_names_the_formats_and_the_luck_in_the_readers_language():
    con = load(*(["#challenge"] * 6), *(["how to brew #tutorial"] * 6))
    videos = video_formats(con)
    with i18n.use("fr"):
        said = format_takeaway(videos, min_videos=3, n_boot=200)
    assert said.startswith("Les challenges obtiennent") or said.startswith("Les tutoriels obtiennent"), said
    assert "hasard" in said and "Challenge" not in said.replace("challenges", "")
    assert format_takeaway(videos, min_videos=3, n_boot=200).split(" ")[0] in {"Challenges", "Tutorials"}


def formats_page_in(language: str) -> AppTest:
    """The demo's Interaction formats page, the screen in this language from the first run."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.session_state["ui_language"] = language
    at.run()
    at.switch_page("pages/formats.py").run()
    assert not at.exception, at.exception
    return at


def chart(at: AppTest, key: str) -> dict:
    return next(json.loads(element.proto.spec) for element in at.get("plotly_chart") if element.key == key)


@pytest.mark.parametrize(
    ("language", "title", "tabs", "chart_title", "formats", "english_left", "live_tile"),
    [
        (
            "fr",
            "Formats d'interaction",
            ["Par format", "Vérifier et corriger les formats", "Hashtags", "Quand publier", "LIVE"],
            "Taux d'engagement par format d'interaction",
            {"Mini-jeu", "Tutoriel", "Coulisses", "Produit"},
            {"Mini game", "Behind the scenes", "Product"},
            "Spectateurs par LIVE",
        ),
        (
            "vi",
            "Định dạng tương tác",
            ["Theo định dạng", "Kiểm tra và sửa định dạng", "Hashtag", "Khi nào nên đăng", "LIVE"],
            "Tỷ lệ tương tác theo định dạng tương tác",
            {"Hướng dẫn", "Hậu trường", "Sản phẩm"},
            {"Tutorial", "Behind the scenes", "Product"},
            "Người xem mỗi LIVE",
        ),
    ],
)
def test_the_formats_page_speaks_the_screens_language(
    language, title, tabs, chart_title, formats, english_left, live_tile
):
    at = formats_page_in(language)
    assert at.title[0].value == title
    assert [tab.label for tab in at.tabs][:5] == tabs
    rate = chart(at, "formats_rate_chart")
    assert rate["layout"]["title"]["text"] == chart_title
    bars = [label.split("  ·  ")[0] for label in rate["data"][0]["y"]]
    assert formats & set(bars), bars
    assert not english_left & set(bars), bars
    month = chart(at, "formats_month_chart")
    legend = {trace["name"] for trace in month["data"]}
    assert formats & legend and not english_left & legend, legend
    # The tables' confidences and reasons are worded too; the codes they stand for are not shown.
    every = next(table.value for table in at.data_editor if "Posted" in table.value.columns)
    assert not set(every["Confidence"]) & {"Sure", "Likely", "Guess"}, set(every["Confidence"])
    english = ("matched", "format column", "no rule", "no caption", "set by hand", "series rule", "like ")
    assert not every["Why"].str.startswith(english).any(), every["Why"].head()
    assert live_tile in [metric.label for metric in at.metric]
    assert chart(at, "formats_live_chart")["layout"]["xaxis"]["title"]["text"] != "Day of the LIVE"
