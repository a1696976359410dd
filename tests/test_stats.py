"""The one statistics module: intervals that widen with the level they are labelled with, and verdicts."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from analytics import charts_formats, charts_whatif, stats, whatif
from analytics.formats import engagement_by_format, format_takeaway, video_formats
from analytics.members import reply_effect
from analytics.sample import demo_workspace
from analytics.segments import with_rate_interval
from tests.test_members import connect, effect_rows


@pytest.fixture(scope="module")
def demo():
    return demo_workspace()


def spread_videos(count: int = 40, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    views = rng.integers(100, 20_000, count).astype(float)
    return views * rng.uniform(0.01, 0.2, count), views


def test_the_level_is_written_as_a_marketer_reads_it():
    assert [stats.level(c) for c in (0.95, 0.9, 0.5, 0.995, 0.8)] == ["95%", "90%", "50%", "99.5%", "80%"]


def test_a_50_percent_ratio_interval_lies_strictly_inside_the_95_percent_one():
    engagements, views = spread_videos()
    draws = stats.ratio_draws(engagements, views, n_boot=2000, rng=stats.group_rng(0, "Tutorial"))
    inner, outer = stats.percentile_interval(draws, 0.5), stats.percentile_interval(draws, 0.95)
    assert outer[0] < inner[0] < engagements.sum() / views.sum() < inner[1] < outer[1]


def test_a_50_percent_wilson_interval_lies_strictly_inside_the_95_percent_one():
    hits, totals = pd.Series([3, 10, 50, 1]), pd.Series([10, 12, 60, 200])
    low50, high50 = stats.wilson_interval(hits, totals, 0.5)
    low95, high95 = stats.wilson_interval(hits, totals, 0.95)
    assert ((low95 < low50) & (high50 < high95)).all()
    # The textbook 95% Wilson interval of 3 in 10.
    assert (round(low95[0], 4), round(high95[0], 4)) == (0.1078, 0.6032)


def test_the_segments_interval_follows_the_level_it_is_asked_for():
    table = pd.DataFrame({"hits": [30, 5], "total": [60, 40]})
    inner = with_rate_interval(table, "hits", "total", "rate", confidence=0.5)
    outer = with_rate_interval(table, "hits", "total", "rate")
    assert ((outer["rate_low"] < inner["rate_low"]) & (inner["rate_high"] < outer["rate_high"])).all()


def test_the_formats_table_interval_at_50_percent_lies_strictly_inside_the_95_percent_one(demo):
    outer = engagement_by_format(demo.con).set_index("format")
    inner = engagement_by_format(demo.con, confidence=0.5).set_index("format")
    enough = outer.index[outer["count_videos"] >= 5]
    assert len(enough) >= 3
    for name in enough:
        assert outer.at[name, "engagement_rate_low"] < inner.at[name, "engagement_rate_low"]
        assert inner.at[name, "engagement_rate_high"] < outer.at[name, "engagement_rate_high"]


def test_the_binomial_difference_interval_narrows_with_the_level_and_repeats_with_its_seed():
    outer = stats.binomial_difference_interval(40, 100, 25, 100, seed=3)
    inner = stats.binomial_difference_interval(40, 100, 25, 100, confidence=0.5, seed=3)
    assert outer[0] < inner[0] < 0.15 < inner[1] < outer[1]
    assert stats.binomial_difference_interval(40, 100, 25, 100, seed=3) == outer


def test_a_groups_draws_do_not_depend_on_which_other_groups_are_drawn():
    engagements, views = spread_videos()
    alone = stats.ratio_draws(engagements, views, n_boot=500, rng=stats.group_rng(0, "Challenge"))
    stats.ratio_draws(engagements, views, n_boot=500, rng=stats.group_rng(0, "Tutorial"))
    again = stats.ratio_draws(engagements, views, n_boot=500, rng=stats.group_rng(0, "Challenge"))
    assert np.array_equal(alone, again)
    other = stats.ratio_draws(engagements, views, n_boot=500, rng=stats.group_rng(0, "Tutorial"))
    assert not np.array_equal(alone, other)


def test_ratio_draws_in_chunks_equal_one_draw_when_memory_is_short(monkeypatch):
    engagements, views = spread_videos(30)
    whole = stats.ratio_draws(engagements, views, n_boot=100, rng=np.random.default_rng(5))
    monkeypatch.setattr(stats, "MAX_DRAWS", 30 * 7)  # seven resamples at a time
    chunked = stats.ratio_draws(engagements, views, n_boot=100, rng=np.random.default_rng(5))
    assert np.array_equal(whole, chunked)


def test_the_comparison_says_luck_or_not_luck_from_the_interval():
    engagements, views = spread_videos(30)
    clear = stats.compare_ratios(
        (engagements * 2, views), (engagements, views), label_a="Challenges", label_b="Tutorials"
    )
    assert clear["is_unlikely_luck"] and clear["ratio_low"] > 1
    assert clear["verdict"].startswith("Challenges earn 2.0x the engagement of Tutorials (")
    assert clear["verdict"].endswith("and that is unlikely to be luck.")
    same = stats.compare_ratios(
        (engagements, views), (engagements * 1.02, views), label_a="A videos", label_b="B videos"
    )
    assert not same["is_unlikely_luck"] and same["verdict"].endswith("but that could be luck.")
    few = stats.compare_ratios(
        (engagements[:3], views[:3]), (engagements, views), label_a="Collabs", label_b="Tutorials"
    )
    assert few["verdict"] == (
        "Not enough videos to say: Collabs have 3 with views and Tutorials 30, and a comparison needs at least 5 each."
    )


def test_a_wider_level_can_turn_a_verdict_from_luck_into_not_luck_but_never_the_other_way(demo):
    videos = video_formats(demo.con)
    narrow, wide = format_takeaway(videos, confidence=0.5), format_takeaway(videos, confidence=0.999)
    assert "unlikely to be luck" in narrow or "could be luck" in narrow
    if "unlikely to be luck" in wide:
        assert "unlikely to be luck" in narrow


# ---------------------------------------------------------------- labels follow the level


def levels_in(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?%(?= range| interval|:)", text))


def test_the_formats_chart_and_table_label_their_range_with_the_level_computed(demo):
    table = engagement_by_format(demo.con, confidence=0.9)
    fig = charts_formats.format_rate_chart(table, confidence=0.9)
    words = json.dumps(fig.to_plotly_json()["layout"]) + fig.data[0].hovertemplate
    assert "90% range" in words and "95%" not in words
    shown = charts_formats.formats_table(table, confidence=0.9).data
    assert "90% range" in shown.columns and "95% range" not in shown.columns
    assert "90% range" in charts_formats.table_help(0.9)
    assert "90% of the time" in charts_formats.table_help(0.9)["90% range"]


def test_the_whatif_comparison_chart_labels_its_intervals_with_the_level_computed(demo):
    videos = video_formats(demo.con)
    result = whatif.compare_groups(
        videos[videos["format"] == "Mini game"], videos[videos["format"] == "Product"], confidence=0.8
    )
    fig = charts_whatif.comparison_chart(result, label_a="Mini games", label_b="Product videos")
    words = json.dumps(fig.to_plotly_json()["layout"])
    assert "80%" in words and "95%" not in words


def test_the_reply_effect_sentence_names_the_level_of_its_interval():
    con = connect(effect_rows())
    wide, narrow = reply_effect(con), reply_effect(con, confidence=0.5)
    assert "95% interval" in wide["sentence"]
    assert "50% interval" in narrow["sentence"] and "95%" not in narrow["sentence"]
    assert (
        wide["difference_low"]
        < narrow["difference_low"]
        < narrow["difference_high"]
        < wide["difference_high"]
    )
