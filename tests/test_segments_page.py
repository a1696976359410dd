"""The Community segments page, driven through AppTest on the demo brand and after an upload."""

from __future__ import annotations

import json

import pytest

from analytics import i18n
from analytics.i18n import _, ngettext
from tests.apptest import app

OVERVIEW_CSV = (
    '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"'
).encode()


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


TABS = ["Hashtag communities", "Audience", "Member segments"]


def each_tab(at):
    """Open each tab in turn (only the open tab is drawn), giving the app after each."""
    for label in TABS:
        at.session_state["segments_view"] = label
        at.run()
        assert not at.exception and not at.error
        yield at


def test_the_segments_page_tells_the_demo_brands_story():
    at = app()
    at.switch_page("pages/segments.py").run()
    assert not at.exception and not at.error
    boxes, titles, frames = [], set(), []
    for shown in each_tab(at):
        boxes += [box.value for box in shown.info]
        titles |= {chart.proto.spec for chart in shown.get("plotly_chart")}
        frames += [frame.value for frame in shown.dataframe]
        if shown.session_state["segments_view"] == "Hashtag communities":
            captions = [caption.value for caption in shown.caption]
    boxes = " ".join(boxes)
    assert "3 hashtag communities" in boxes and "#CoffeeTok & #FoodTok" in boxes
    assert "Champions went from" in boxes
    for expected in (
        "How big each hashtag community is",
        "Hashtags that travel together",
        "Followers by gender",
        "Where followers live",
        "When followers are on TikTok",
        "How each tier grew or shrank",
        "How often members comment",
        "Promoters, neutral members and detractors",
    ):
        assert any(expected in spec for spec in titles), expected
    communities = next(frame for frame in frames if "Known CommunityTok" in frame.columns)
    assert set(communities["Known CommunityTok"]) == {"#CoffeeTok, #FoodTok", "#BookTok", "—"}
    assert communities["Known CommunityTok"].iloc[0] == "#CoffeeTok, #FoodTok"
    assert communities["Members who comment"].is_monotonic_decreasing  # most members first
    left_out = next(frame for frame in frames if "Why it is left out" in frame.columns)
    assert {"#fyp", "#xuhuong", "#phinco", "#phincocoffee"} <= set(left_out["Hashtag"])
    # A marketer's words on screen: how communities are found, never the algorithm's name.
    shown = " ".join(captions + list(titles))
    assert "Louvain" not in shown and "clustering" not in shown


def segment_groups(at) -> list[str]:
    spec = next(
        chart.proto.spec for chart in at.get("plotly_chart") if "Promoters, neutral" in chart.proto.spec
    )
    return json.loads(spec)["data"][0]["y"]


def test_the_sentiment_segments_follow_the_sidebar_period():
    at = app()
    at.switch_page("pages/segments.py").run()
    at.session_state["segments_view"] = "Member segments"
    at.sidebar.selectbox(key="period_preset").select("Last 28 days").run()
    recent = segment_groups(at)
    at.sidebar.selectbox(key="period_preset").select("All data").run()
    assert not at.exception
    everything = segment_groups(at)
    # "All data" is the account's days (26 May – 21 Nov): the 3 members who only commented on 22 Nov
    # (UTC, the download morning) or 25 May are outside it.
    assert recent[0] == "All members (665)" and everything[0] == "All members (3,528)"


def test_after_an_upload_of_an_overview_only_the_page_names_the_files_it_needs():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value([("Overview.csv", OVERVIEW_CSV, "text/csv")]).run()
    at.switch_page("pages/segments.py").run()
    assert not at.exception and not at.error
    message = " ".join(box.value for box in at.info)
    assert "Content" in message and "Followers" in message and "comments export" in message


def english_words_left(spec: dict, language: str) -> list[str]:
    """A chart's title, axis, legend and subplot titles still in English (a message whose translation differs)."""
    layout = spec.get("layout", {})
    shown = [
        layout.get("title", {}).get("text", ""),
        layout.get("legend", {}).get("title", {}).get("text", ""),
    ]
    shown += [value.get("title", {}).get("text", "") for key, value in layout.items() if "axis" in key]
    shown += [note.get("text", "") for note in layout.get("annotations", [])]
    shown += [trace.get("name", "") for trace in spec.get("data", [])]
    with i18n.use(language):
        return [text for text in shown if text and _(text) != text]


@pytest.mark.parametrize("language", ["vi", "fr"])
def test_the_segments_page_speaks_the_marketers_language(language):
    at = app()
    at.session_state["ui_language"] = language
    at.switch_page("pages/segments.py").run()
    assert not at.exception and not at.error
    with i18n.use(language):
        tabs = [_(label) for label in TABS]
        titles = [
            _(title)
            for title in (
                "How big each hashtag community is",
                "Hashtags that travel together",
                "Followers by gender",
                "Where followers live",
                "When followers are on TikTok",
                "How each tier grew or shrank",
                "How often members comment",
                "Promoters, neutral members and detractors",
            )
        ]
        page_title, community = _("Community segments"), _("Community")
        biggest = ngettext(
            "Your captions gather {count} hashtag community.",
            "Your captions gather {count} hashtag communities.",
            3,
        ).format(count=3)
    assert page_title != "Community segments" and at.title[0].value == page_title
    assert [tab.label for tab in at.tabs] == tabs
    boxes, specs, frames = [], [], []
    for label in tabs:
        at.session_state["segments_view"] = label
        at.run()
        assert not at.exception and not at.error
        boxes += [box.value for box in at.info]
        specs += [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
        frames += [frame.value for frame in at.dataframe]
    shown_titles = [spec["layout"]["title"]["text"] for spec in specs]
    assert sorted(shown_titles) == sorted(titles)  # every chart drawn, each titled in the language
    assert [words for spec in specs for words in english_words_left(spec, language)] == []
    boxes = " ".join(boxes)
    assert biggest in boxes and "Champions went from" not in boxes and "of your followers" not in boxes
    communities = next(frame for frame in frames if community in frame.columns)
    assert (
        "Known CommunityTok" not in communities.columns and "Members who comment" not in communities.columns
    )
