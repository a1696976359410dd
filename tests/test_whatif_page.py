"""The What-if page, driven through AppTest on the demo brand: the mix planner, comparisons, more LIVEs."""

from __future__ import annotations

from datetime import date

import pytest

from tests.apptest import app

PAGE = "pages/whatif.py"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


def whatif_page(preset: str | None = None):
    at = app()
    if preset:
        at.sidebar.selectbox(key="period_preset").select(preset).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def test_the_planner_projects_views_engagements_and_followers_per_month_on_the_demo():
    at = whatif_page("Last 28 days")
    shown = metrics(at)
    assert {"Views per month", "Engagements per month", "New followers per month"} <= set(shown)
    assert at.get("plotly_chart")
    # The last 28 days hold 18 videos: most formats are too few to project, and the page says so plainly.
    assert any("Too few videos to project (5 needed)" in warning.value for warning in at.warning)
    assert at.button(key="whatif_use_all_data")


def test_planning_from_all_the_data_projects_every_format_with_five_videos():
    at = whatif_page("Last 28 days")
    at.button(key="whatif_use_all_data").click().run()
    assert not at.exception
    warnings = " ".join(warning.value for warning in at.warning)
    assert "Collab (4)" in warnings and "Tutorial" not in warnings
    # Unchanged plan: planned equals current, so no change (the first three tiles are the planner's).
    assert [metric.delta for metric in at.metric[:3]] == ["no change"] * 3
    assert {metric.proto.color for metric in at.metric[:3]} == {at.metric[0].proto.MetricColor.GRAY}


def test_comparing_two_formats_gives_the_verdict_and_the_rates_side_by_side():
    at = whatif_page("All data")
    at.selectbox(key="whatif_format_a").select("Mini game").run()
    at.selectbox(key="whatif_format_b").select("Product").run()
    assert not at.exception
    assert any("Mini games earn 2.6x the engagement of Product videos" in info.value for info in at.info)
    table = next(frame.value for frame in at.dataframe if "Rate" in frame.value.columns)
    assert list(table["Rate"])[:3] == [
        "Engagement rate",
        "Shares per 1,000 views",
        "Comments per 1,000 views",
    ]
    assert table.loc[0, "A"] == "11.8%" and table.loc[0, "B"] == "4.5%"
    assert at.get("plotly_chart")


@pytest.mark.parametrize(
    ("kind", "inputs"),
    [
        ("hashtag", {}),
        ("keyword", {"whatif_keyword_a": "giveaway", "whatif_keyword_b": "recipe"}),
        ("dates", {}),
    ],
)
def test_comparing_hashtags_campaigns_and_date_ranges(kind, inputs):
    at = whatif_page("All data")
    at.radio(key="whatif_compare_kind").set_value(kind).run()
    for key, value in inputs.items():
        at.text_input(key=key).input(value).run()
    assert not at.exception
    text = " ".join(item.value for item in [*at.info, *at.caption])
    assert "A: " in text or "Pick two different groups" in text or "No video in" in text


def test_more_lives_projects_from_the_lives_per_week_the_marketer_plans():
    at = whatif_page()
    before = metrics(at)
    at.number_input(key="whatif_lives_per_week").set_value(3.0).run()
    assert not at.exception
    after = metrics(at)
    assert after["Viewers per month"] != before["Viewers per month"]


def test_the_page_links_to_the_tier_thresholds_what_if():
    at = whatif_page()
    links = at.get("page_link")
    captions = " ".join(caption.value for caption in at.caption)
    assert links or "Tier thresholds are a what-if too" in captions


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
