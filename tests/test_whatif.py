"""The What-if library: the content-mix projection against a hand calculation, and group comparisons."""

from __future__ import annotations

import zlib
from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics import whatif

MONTH = 52 / 12  # weeks in an average month


def videos_of(name: str, views, engagements, followers=None, **extra) -> pd.DataFrame:
    count = len(views)
    return pd.DataFrame(
        {
            "format": [name] * count,
            "total_views": views,
            "total_engagements": engagements,
            "new_followers": followers if followers is not None else [np.nan] * count,
            **extra,
        }
    )


@pytest.fixture
def history() -> pd.DataFrame:
    """28 days (4 weeks): 5 tutorials of varied views, 5 identical mini games, 2 product videos."""
    return pd.concat(
        [
            videos_of("Tutorial", [100, 200, 300, 400, 500], [10, 20, 30, 40, 50], [1, 2, 3, 4, 5]),
            videos_of("Mini game", [1000] * 5, [100] * 5, [10] * 5),
            videos_of("Product", [50, 50], [5, 5], [0, 0]),
        ],
        ignore_index=True,
    )


def test_the_current_mix_is_each_formats_videos_per_week(history):
    mix = whatif.posting_mix(history, days=28)
    assert mix[["format", "count_videos", "posts_per_week", "mean_views", "is_small_sample"]].to_dict(
        "records"
    ) == [
        {
            "format": "Tutorial",
            "count_videos": 5,
            "posts_per_week": 1.25,
            "mean_views": 300.0,
            "is_small_sample": False,
        },
        {
            "format": "Mini game",
            "count_videos": 5,
            "posts_per_week": 1.25,
            "mean_views": 1000.0,
            "is_small_sample": False,
        },
        {
            "format": "Product",
            "count_videos": 2,
            "posts_per_week": 0.5,
            "mean_views": 50.0,
            "is_small_sample": True,
        },
    ]


def test_a_planned_mix_projects_posts_per_week_times_weeks_per_month_times_the_average_video(history):
    projection = whatif.project_mix(history, {"Tutorial": 2, "Mini game": 1, "Product": 3}, days=28)
    totals = projection.totals.set_index("metric")
    # By hand: Tutorial 2 a week x 52/12 x 300 views; Mini game 1 x 52/12 x 1,000; Product left out (2 videos).
    assert totals.at["total_views", "planned"] == pytest.approx(2 * MONTH * 300 + 1 * MONTH * 1000)
    assert totals.at["total_engagements", "planned"] == pytest.approx(2 * MONTH * 30 + 1 * MONTH * 100)
    assert totals.at["new_followers", "planned"] == pytest.approx(2 * MONTH * 3 + 1 * MONTH * 10)
    # The current mix is what the account did per month: 1,500 + 5,000 views in 4 weeks.
    assert totals.at["total_views", "current"] == pytest.approx((1500 + 5000) / 4 * MONTH)
    assert totals.at["total_views", "change"] == pytest.approx(
        totals.at["total_views", "planned"] - totals.at["total_views", "current"]
    )
    by_group = projection.by_group.set_index("group")
    assert by_group.at["Tutorial", "planned_total_views"] == pytest.approx(2600)
    assert by_group.at["Mini game", "current_total_views"] == pytest.approx(1.25 * MONTH * 1000)


def test_a_format_with_fewer_than_five_videos_is_left_out_of_both_totals_with_a_warning(history):
    projection = whatif.project_mix(history, {"Product": 10}, days=28)
    assert projection.by_group.set_index("group").at["Product", "is_projected"] == np.False_
    assert projection.warnings == [
        "Product: only 2 videos in the history, too few to project (5 needed). It is left out of both totals."
    ]
    # Tutorials and mini games keep their rhythm: planned equals current.
    totals = projection.totals.set_index("metric")
    assert totals.at["total_views", "planned"] == pytest.approx(totals.at["total_views", "current"])


def test_a_planned_format_with_no_history_cannot_be_projected(history):
    projection = whatif.project_mix(history, {"Challenge": 3}, days=28)
    assert "Challenge: no videos in the history, too few to project (5 needed)." in projection.warnings[-1]


def test_the_range_is_the_10th_to_90th_percentile_of_bootstrap_means_and_is_seeded(history):
    projection = whatif.project_mix(history, {"Tutorial": 2, "Mini game": 1}, days=28)
    tutorial = projection.by_group.set_index("group").loc["Tutorial"]
    assert tutorial["planned_total_views_low"] < 2600 < tutorial["planned_total_views_high"]
    # Identical videos: every redraw has the same mean, so the range is the point.
    mini_game = projection.by_group.set_index("group").loc["Mini game"]
    assert mini_game["planned_total_views_low"] == pytest.approx(MONTH * 1000)
    assert mini_game["planned_total_views_high"] == pytest.approx(MONTH * 1000)
    again = whatif.project_mix(history, {"Tutorial": 2, "Mini game": 1}, days=28)
    pd.testing.assert_frame_equal(projection.totals, again.totals)


def test_the_bootstrap_range_matches_an_independent_computation():
    views = np.array([100.0, 200, 300, 400, 500])
    history = videos_of("Tutorial", views, views / 10)
    projection = whatif.project_mix(history, {"Tutorial": 1}, days=7, n_boot=500, seed=3)
    rng = np.random.default_rng([3, zlib.crc32(b"Tutorial")])
    means = views[rng.integers(0, 5, size=(500, 5))].mean(axis=1)
    low, high = np.quantile(means * MONTH, [0.1, 0.9])
    total = projection.totals.set_index("metric").loc["total_views"]
    assert (total["planned_low"], total["planned_high"]) == (pytest.approx(low), pytest.approx(high))


def test_new_followers_are_projected_only_when_the_files_have_them():
    history = videos_of("Tutorial", [100] * 5, [10] * 5)
    projection = whatif.project_mix(history, {"Tutorial": 2}, days=28)
    assert list(projection.totals["metric"]) == ["total_views", "total_engagements"]


def test_one_more_live_a_week_projects_from_the_average_live():
    sessions = pd.DataFrame(
        {"viewers": [1000] * 6, "total_interactions": [5000] * 6, "new_followers": [60, 80] * 3}
    )
    projection = whatif.project_lives(sessions, 2.5, days=42)  # 6 LIVEs in 6 weeks: 1 a week now
    totals = projection.totals.set_index("metric")
    assert totals.at["new_followers", "current"] == pytest.approx(1 * MONTH * 70)
    assert totals.at["new_followers", "planned"] == pytest.approx(2.5 * MONTH * 70)
    assert totals.at["viewers", "change"] == pytest.approx(1.5 * MONTH * 1000)


# ---------------------------------------------------------------- comparing two groups


def group(engagements: int, shares: int, comments: int, count: int = 5, completion=np.nan) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "total_views": [1000] * count,
            "total_engagements": [engagements] * count,
            "total_shares": [shares] * count,
            "total_comments": [comments] * count,
            "completion_rate": [completion] * count,
            "new_followers": [np.nan] * count,
        }
    )


def test_two_groups_are_compared_on_every_rate_both_have_with_the_difference_and_its_interval():
    result = whatif.compare_groups(
        group(100, 10, 20, completion=0.5), group(50, 5, 10), label_a="Challenges", label_b="Tutorials"
    )
    assert result["verdict"] == (
        "Challenges earn 2.0x the engagement of Tutorials (10.0% vs 5.0%), and that is unlikely to be luck."
    )
    rates = result["rates"]
    # Completion is unknown for the tutorials and follows for both: those rates are left out, not zero.
    assert list(rates["rate"]) == ["engagement_rate", "shares_per_1000_views", "comments_per_1000_views"]
    assert rates[["value_a", "value_b", "difference", "difference_low", "difference_high"]].round(6).to_dict(
        "records"
    ) == [
        {
            "value_a": 0.1,
            "value_b": 0.05,
            "difference": 0.05,
            "difference_low": 0.05,
            "difference_high": 0.05,
        },
        {"value_a": 10.0, "value_b": 5.0, "difference": 5.0, "difference_low": 5.0, "difference_high": 5.0},
        {
            "value_a": 20.0,
            "value_b": 10.0,
            "difference": 10.0,
            "difference_low": 10.0,
            "difference_high": 10.0,
        },
    ]
    assert set(rates["sentence"]) == {"higher for challenges: unlikely to be luck"}


def test_completion_is_compared_view_weighted_when_both_groups_have_it():
    a = group(100, 10, 20, completion=0.4).assign(total_views=[1000, 1000, 1000, 1000, 4000])
    a.loc[4, "completion_rate"] = 0.8
    result = whatif.compare_groups(
        a, group(50, 5, 10, completion=0.3), label_a="A videos", label_b="B videos"
    )
    completion = result["rates"].set_index("rate").loc["completion_rate"]
    assert completion["value_a"] == pytest.approx((4 * 1000 * 0.4 + 4000 * 0.8) / 8000)
    assert completion["value_b"] == pytest.approx(0.3)


def test_a_group_of_three_videos_is_not_enough_to_say():
    result = whatif.compare_groups(
        group(100, 10, 20), group(50, 5, 10, count=3), label_a="Lives", label_b="Duets"
    )
    assert result["is_small_sample"]
    assert result["verdict"].startswith("Not enough videos to say")
    assert set(result["rates"]["sentence"]) == {"not enough videos to say"}


def test_groups_are_picked_by_format_dates_hashtag_or_caption_word():
    videos = pd.DataFrame(
        {
            "format": ["Tutorial", "Challenge", "Tutorial"],
            "caption": ["How to brew #PhinCoffee", "Join the #phinchallenge", "Giveaway: win a phin"],
            "posted_at": pd.to_datetime(["2026-06-01 10:00", "2026-06-15 23:59", "2026-07-01 00:00"]),
        }
    )
    assert len(whatif.videos_in_group(videos, "format", "Tutorial")) == 2
    assert len(whatif.videos_in_group(videos, "dates", (date(2026, 6, 1), date(2026, 6, 15)))) == 2
    assert list(whatif.videos_in_group(videos, "hashtag", "PhinChallenge")["format"]) == ["Challenge"]
    assert list(whatif.videos_in_group(videos, "keyword", "GIVEAWAY")["format"]) == ["Tutorial"]
    assert whatif.group_label("format", "Mini game") == "Mini games"
    assert whatif.group_label("hashtag", "#PhinChallenge") == "Videos with #phinchallenge"
    assert (
        whatif.group_label("dates", (date(2026, 6, 1), date(2026, 6, 30)))
        == "Videos posted 1 Jun 2026 – 30 Jun 2026"
    )


# ---------------------------------------------------------------- files without a number: "not known"

STUDIO_CONTENT = (
    '\ufeff"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"\n'
    + "\n".join(
        f'"June 30","how to brew #{n}","https://www.tiktok.com/@brand/video/{(1_780_000_000 + n * 86_400) << 32}",'
        f'"June {n}","{10 * n}","{n}","{n}","{1000 * n}"'
        for n in range(1, 8)
    )
).encode()


@pytest.fixture
def studio_videos() -> pd.DataFrame:
    """video_formats() of a genuine-layout Content export alone: DuckDB's nullable columns, no new followers."""
    from analytics.formats import video_formats
    from analytics.workspace import Workspace

    workspace = Workspace(today=date(2026, 7, 1), remember_mappings=False)
    workspace.add_files([("Content.csv", STUDIO_CONTENT)])
    return video_formats(workspace.con)


def test_a_content_export_without_new_followers_plans_a_mix_with_them_not_known(studio_videos):
    assert studio_videos["new_followers"].isna().all() and len(studio_videos) == 7
    mix = whatif.posting_mix(studio_videos, days=28)
    assert mix["count_videos"].sum() == 7
    assert mix["mean_views"].map(type).eq(float).all()
    assert mix["mean_new_followers"].isna().all()  # NaN: not known, never 0
    tutorials = studio_videos[studio_videos["format"] == mix.loc[0, "format"]]
    assert mix.loc[0, "mean_views"] == pytest.approx(tutorials["total_views"].astype(float).mean())
    projection = whatif.project_mix(studio_videos, {}, days=28, n_boot=200)
    assert "new_followers" not in set(projection.totals["metric"])
    assert projection.total("total_views")["current"] == pytest.approx(
        studio_videos["total_views"].sum() / 4 * MONTH
    )


def test_a_comparison_of_videos_without_completion_or_follows_leaves_those_rates_out(studio_videos):
    result = whatif.compare_groups(studio_videos.iloc[:4], studio_videos.iloc[4:], n_boot=200)
    assert list(result["rates"]["rate"]) == [
        "engagement_rate",
        "shares_per_1000_views",
        "comments_per_1000_views",
    ]


def test_a_period_without_videos_projects_nothing_and_keeps_the_plan_table_readable():
    empty = videos_of("Tutorial", [], [])
    assert whatif.posting_mix(empty, days=28).empty
    projection = whatif.project_mix(empty, {}, days=28)
    assert projection.by_group.empty and {"group", "is_projected", "count_items"} <= set(projection.by_group)
    assert projection.totals["current"].isna().all()


def test_a_rate_or_an_interval_the_files_do_not_give_is_written_not_known():
    assert whatif.describe_rate(np.nan, "percent") == "not known"
    assert whatif.describe_rate(pd.NA, "per1000", signed=True) == "not known"
    assert whatif.describe_interval(np.nan, 0.02, "percent") == "not known"
    assert whatif.describe_interval(0.003, 0.02, "percent") == "+0.3 pts to +2.0 pts"


@pytest.mark.parametrize(
    ("last_day", "this_month", "last_month"),
    [
        (
            date(2026, 11, 21),
            (date(2026, 11, 1), date(2026, 11, 21)),
            (date(2026, 10, 1), date(2026, 10, 31)),
        ),
        (date(2026, 1, 5), (date(2026, 1, 1), date(2026, 1, 5)), (date(2025, 12, 1), date(2025, 12, 31))),
        (date(2024, 3, 1), (date(2024, 3, 1), date(2024, 3, 1)), (date(2024, 2, 1), date(2024, 2, 29))),
        # The data's last day is the month's last: this month is the whole of it, last month the one before.
        (
            date(2026, 11, 30),
            (date(2026, 11, 1), date(2026, 11, 30)),
            (date(2026, 10, 1), date(2026, 10, 31)),
        ),
    ],
)
def test_this_month_vs_last_month_is_the_month_so_far_against_the_whole_month_before(
    last_day, this_month, last_month
):
    a, b = whatif.this_month_vs_last_month(last_day)
    assert ((a.start, a.end), (b.start, b.end)) == (this_month, last_month)
