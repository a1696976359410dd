"""One number, one value: what the Overview, Interaction formats and Members pages show and what the deck
of the same period says are the same numbers (issue 11).

Each test renders the demo's pages in AppTest, builds the deck's report for the period the sidebar
shows, and compares every number that appears in both, by its label.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analytics import wording
from analytics.report import build_report
from tests.apptest import app

PERIODS = ["Last 90 days", "Last month", "All data"]


def deck_for(at, sections: tuple[str, ...]):
    """The deck's report of the sidebar's period, built as the Report page builds it on the demo."""
    workspace = at.session_state["workspace"]
    handles = workspace.detected_brand_handles()
    return build_report(
        workspace.con,
        period=at.session_state["period"],
        sections=sections,
        salt="one-truth",
        brand_handle=handles[0] if handles else None,
    )


def finding(report, key: str):
    return next(f for f in report.findings if f.key == key)


@pytest.fixture(scope="module")
def demo():
    return app()


def open_page(at, page: str, preset: str) -> None:
    """The sidebar's period set to `preset` and `page` opened, in one run of the app (the choice is kept
    across pages, so a run to pick it first and another to open the page would show the same)."""
    at.sidebar.selectbox(key="period_preset").select(preset)
    at.switch_page(f"pages/{page}.py").run()
    assert at.session_state["period_preset"] == preset


@pytest.mark.parametrize("preset", PERIODS)
def test_the_overview_tiles_say_what_the_decks_overview_slide_says(demo, preset):
    at = demo
    open_page(at, "overview", preset)
    assert not at.exception
    page = {metric.label: (metric.value, metric.delta or None) for metric in at.metric}
    deck = {
        kpi.label: (kpi.value, wording.tile_delta(kpi.change, kpi.change_basis))
        for kpi in finding(deck_for(at, ("overview",)), "overview_kpis").kpis
    }
    assert len(page.keys() & deck.keys()) >= 5, (page, deck)
    assert {label: page[label] for label in deck} == deck


@pytest.mark.parametrize("preset", PERIODS)
def test_the_members_tiles_count_the_tiers_the_decks_members_slide_counts(demo, preset):
    at = demo
    open_page(at, "members", preset)
    assert not at.exception
    page = {
        metric.label: int(metric.value.replace(",", ""))
        for metric in at.metric
        if metric.label != "Reply rate"
    }
    tiers = finding(deck_for(at, ("members",)), "members_tiers").native
    deck = {
        re.match(r"(.+) · ", category).group(1): int(count)
        for category, count in zip(tiers.categories, tiers.series[0][1], strict=True)
    }
    plural = {"Champion": "Champions"}
    deck = {plural.get(tier, tier): count for tier, count in deck.items()}
    deck["Members"] = sum(deck.values())
    assert len(page.keys() & deck.keys()) >= 5, (page, deck)
    assert {label: page[label] for label in page if label in deck} == {
        label: deck[label] for label in page if label in deck
    }


@pytest.mark.parametrize("preset", PERIODS)
def test_the_members_reply_rate_is_the_decks_reply_rate(demo, preset):
    at = demo
    open_page(at, "members", preset)
    tile = next(metric for metric in at.metric if metric.label == "Reply rate")
    report = deck_for(at, ("members",))
    replies = [f for f in report.findings if f.key == "members_replies"]
    assert replies, report.skipped
    assert tile.value in replies[0].headline + " " + replies[0].note, (tile.value, replies[0].headline)


@pytest.mark.parametrize("preset", PERIODS)
def test_the_segments_page_names_the_communities_and_tones_the_deck_names(demo, preset):
    at = demo
    at.session_state["segments_view"] = "Hashtag communities"
    open_page(at, "segments", preset)
    report = deck_for(at, ("segments",))
    assert not at.exception
    table = next(frame.value for frame in at.dataframe if "Known CommunityTok" in frame.value.columns)
    communities = finding(report, "segments_communities").native
    assert communities.categories == table["Community"].tolist()
    assert communities.series[0][1] == [float(count) for count in table["Members who comment"]]
    at.session_state["segments_view"] = "Member segments"
    at.run()
    assert not at.exception
    assert finding(report, "segments_sentiment").headline in [box.value.strip("*") for box in at.info]


@pytest.mark.parametrize("preset", PERIODS)
def test_the_formats_table_gives_each_format_the_rate_and_videos_the_decks_formats_slide_gives(demo, preset):
    at = demo
    open_page(at, "formats", preset)
    assert not at.exception
    table = next(
        frame.value for frame in at.dataframe if {"Format", "Engagement rate"} <= set(frame.value.columns)
    )
    page = {
        f"{row['Format']} ({row['Videos']})": round(float(row["Engagement rate"]), 6)
        for _, row in table.iterrows()
        if pd.notna(row["Engagement rate"])
    }
    report = deck_for(at, ("formats",))
    if not any(f.key == "formats_rate" for f in report.findings):
        # Too few videos to compare formats: the deck holds the slide back and the page says the same.
        assert any("a comparison needs two formats" in reason for reason in report.skipped)
        assert any("nothing to compare" in box.value for box in at.info)
        return
    chart = finding(report, "formats_rate").native
    deck = dict(zip(chart.categories, [round(value, 6) for value in chart.series[0][1]], strict=True))
    assert len(deck) >= 3 and page == deck
