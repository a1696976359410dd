"""The What-if page, driven through AppTest on the demo brand: the mix planner, comparisons, more LIVEs."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.apptest import app

PAGE = "pages/whatif.py"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


def whatif_page(preset: str | None = None):
    at = app()
    if preset:  # picked in the sidebar, and the page opened, in one run
        at.sidebar.selectbox(key="period_preset").select(preset)
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert at.session_state["period_preset"] == (preset or "Last 90 days")
    return at


@pytest.fixture(scope="module")
def all_data():
    """The page on all the demo's data, shared by the comparisons: each sets the kind and both groups it reads."""
    return whatif_page("All data")


def compare(at, kind: str):
    """The comparison tab switched to `kind` (groups of formats, hashtags, caption words or dates)."""
    if at.radio(key="whatif_compare_kind").value != kind:
        at.radio(key="whatif_compare_kind").set_value(kind).run()
    assert at.radio(key="whatif_compare_kind").value == kind
    return at


def formats_of_all_videos(at) -> dict[str, int]:
    from analytics.format_stats import video_formats

    return video_formats(at.session_state["workspace"].con)["format"].value_counts().to_dict()


def metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def test_the_planner_projects_views_engagements_and_followers_per_month_on_the_demo():
    at = whatif_page("Last 90 days")
    shown = metrics(at)
    assert {"Views per month", "Engagements per month", "New followers per month"} <= set(shown)
    assert at.get("plotly_chart")
    # The last 90 days hold 56 videos: some formats are too few to project, and the page says so plainly.
    assert any("Too few videos to project (5 needed)" in warning.value for warning in at.warning)


def test_planning_from_all_the_data_projects_every_format_with_five_videos():
    at = whatif_page("Last 28 days")
    at.button(key="whatif_use_all_data").click().run()
    assert not at.exception
    warnings = " ".join(warning.value for warning in at.warning)
    assert "Tutorial" not in warnings
    small = {name: n for name, n in formats_of_all_videos(at).items() if n < 5}
    assert all(f"{name} ({n})" in warnings for name, n in small.items())
    # Unchanged plan: planned equals current, so no change (the first three tiles are the planner's).
    assert [metric.delta for metric in at.metric[:3]] == ["no change"] * 3
    assert {metric.proto.color for metric in at.metric[:3]} == {at.metric[0].proto.MetricColor.GRAY}


def test_comparing_two_formats_gives_the_verdict_and_the_rates_side_by_side(all_data):
    at = compare(all_data, "format")
    at.selectbox(key="whatif_format_a").select("Mini game").run()
    at.selectbox(key="whatif_format_b").select("Product").run()
    assert not at.exception
    # The demo's rates for all its data, as the formats table computes them (they move with the caption rules).
    from analytics.format_stats import engagement_by_format
    from analytics.sample import demo_workspace

    rates = engagement_by_format(demo_workspace().con).set_index("format")["engagement_rate"]
    ratio = rates["Mini game"] / rates["Product"]
    assert any(
        f"Mini games earn {ratio:.1f}x the engagement of Product videos" in info.value for info in at.info
    )
    table = next(frame.value for frame in at.dataframe if "Rate" in frame.value.columns)
    assert list(table["Rate"])[:3] == [
        "Engagement rate",
        "Shares per 1,000 views",
        "Comments per 1,000 views",
    ]
    assert (table.loc[0, "A"], table.loc[0, "B"]) == (f"{rates['Mini game']:.1%}", f"{rates['Product']:.1%}")
    assert at.get("plotly_chart")


def comparison_shown(at) -> tuple[str, int, str, int]:
    """The comparison the page made: both groups named with their videos, a verdict naming them, the rates
    of A and B side by side and the chart. Returns each group's label and number of videos."""
    assert not at.exception, at.exception
    said = [
        match.groups()
        for caption in at.caption
        if (match := re.match(r"A: (.+) \((\d+) videos?\) · B: (.+) \((\d+) videos?\), from ", caption.value))
    ]
    assert len(said) == 1, [caption.value for caption in at.caption]
    label_a, count_a, label_b, count_b = said[0]
    verdicts = [info.value for info in at.info if label_a in info.value and label_b in info.value]
    assert len(verdicts) == 1, [info.value for info in at.info]
    table = next(frame.value for frame in at.dataframe if "Rate" in frame.value.columns)
    rate = table.set_index("Rate").loc["Engagement rate"]
    assert re.fullmatch(r"\d+\.\d%", rate["A"]) and re.fullmatch(r"\d+\.\d%", rate["B"])
    assert f"({rate['A']} vs {rate['B']})" in verdicts[0] or "Not enough videos to say" in verdicts[0]
    assert at.get("plotly_chart")
    return label_a, int(count_a), label_b, int(count_b)


# "All data" on the demo: its videos posted 26 May – 21 Nov 2026 (one older video is before it).
ALL_DATA = "posted_at::date between '2026-05-26' and '2026-11-21'"


def videos_posted(at, sql_filter: str, params: list) -> int:
    return (
        at.session_state["workspace"]
        .con.execute(f"select count(*) from videos where {sql_filter}", params)
        .fetchone()[0]
    )


def test_comparing_two_hashtags_names_both_and_gives_the_verdict_and_the_rates(all_data):
    at = compare(all_data, "hashtag")
    at.selectbox(key="whatif_hashtag_a").select("#coffeetok").run()
    at.selectbox(key="whatif_hashtag_b").select("#booktok").run()
    label_a, count_a, label_b, count_b = comparison_shown(at)
    assert (label_a, label_b) == ("Videos with #coffeetok", "Videos with #booktok")
    assert count_a == videos_posted(at, f"{ALL_DATA} and regexp_matches(lower(caption), '#coffeetok\\b')", [])
    assert count_b == videos_posted(at, f"{ALL_DATA} and regexp_matches(lower(caption), '#booktok\\b')", [])
    assert min(count_a, count_b) >= 5


def test_comparing_two_campaigns_counts_the_videos_whose_caption_holds_each_word(all_data):
    at = compare(all_data, "keyword")
    at.text_input(key="whatif_keyword_a").input("PhinTips").run()  # the demo's tips series
    at.text_input(key="whatif_keyword_b").input("live").run()
    label_a, count_a, label_b, count_b = comparison_shown(at)
    assert (label_a, label_b) == ("Videos mentioning “PhinTips”", "Videos mentioning “live”")
    assert count_a == videos_posted(at, f"{ALL_DATA} and caption ilike ?", ["%phintips%"]) >= 5
    assert count_b == videos_posted(at, f"{ALL_DATA} and caption ilike ?", ["%live%"]) >= 5


def test_comparing_two_date_ranges_counts_the_videos_posted_in_each(all_data):
    at = compare(all_data, "dates")
    at.date_input(key="whatif_dates_a").set_value((date(2026, 10, 1), date(2026, 10, 31))).run()
    at.date_input(key="whatif_dates_b").set_value((date(2026, 9, 1), date(2026, 9, 30))).run()
    label_a, count_a, label_b, count_b = comparison_shown(at)
    assert (label_a, label_b) == (
        "Videos posted 1 Oct 2026 – 31 Oct 2026",
        "Videos posted 1 Sep 2026 – 30 Sep 2026",
    )
    posted = "posted_at::date between ? and ?"
    assert count_a == videos_posted(at, posted, [date(2026, 10, 1), date(2026, 10, 31)]) >= 5
    assert count_b == videos_posted(at, posted, [date(2026, 9, 1), date(2026, 9, 30)]) >= 5


def test_more_lives_projects_from_the_lives_per_week_the_marketer_plans():
    at = whatif_page()
    before = metrics(at)
    at.number_input(key="whatif_lives_per_week").set_value(3.0).run()
    assert not at.exception
    after = metrics(at)
    assert after["Viewers per month"] != before["Viewers per month"]


def test_the_page_links_to_the_members_page_where_the_tier_thresholds_can_be_changed():
    at = whatif_page()
    [link] = at.get("page_link")  # a link, not the caption shown when the page cannot be linked
    assert link.proto.label == "What if the tier thresholds were different? Try it on the Members page"
    at.switch_page(f"pages/{link.proto.page}.py").run()  # where the link leads
    assert not at.exception, at.exception
    assert any(expander.label.startswith("Tier rules") for expander in at.expander)
    assert at.number_input(key="members_rule_champion_min_videos").value >= 1


def test_one_click_compares_this_month_so_far_with_last_month_from_any_comparison():
    at = whatif_page()  # the demo's data ends on 21 Nov 2026; the comparison starts on formats
    assert at.radio(key="whatif_compare_kind").value == "format"
    at.button(key="whatif_this_vs_last_month").click().run()
    assert not at.exception
    assert at.radio(key="whatif_compare_kind").value == "dates"
    assert at.date_input(key="whatif_dates_a").value == (date(2026, 11, 1), date(2026, 11, 21))
    assert at.date_input(key="whatif_dates_b").value == (date(2026, 10, 1), date(2026, 10, 31))
    captions = [caption.value for caption in at.caption]
    assert any(
        text.startswith("November 2026 so far against the whole of October 2026: ") for text in captions
    )
    posted = (
        at.session_state["workspace"]
        .con.execute(
            "select count(*) filter (where posted_at::date between '2026-11-01' and '2026-11-21'), "
            "count(*) filter (where posted_at::date between '2026-10-01' and '2026-10-31') from videos"
        )
        .fetchone()
    )
    assert (
        f"A: Videos posted 1 Nov 2026 – 21 Nov 2026 ({posted[0]} videos) · "
        f"B: Videos posted 1 Oct 2026 – 31 Oct 2026 ({posted[1]} videos), from all your data."
    ) in captions
    assert any("Videos posted 1 Nov 2026 – 21 Nov 2026" in info.value for info in at.info)  # the verdict
