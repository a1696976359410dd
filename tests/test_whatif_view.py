"""The What-if page's model: the same numbers as the library's functions, on the demo and on a Studio account."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analytics import format_stats, whatif
from analytics.formats import video_formats
from analytics.overview import Period
from analytics.sample import demo_workspace
from analytics.views.whatif import whatif_view
from analytics.workspace import Workspace

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real_exports"
PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))


@pytest.fixture(scope="module")
def demo():
    return demo_workspace()


def test_the_view_plans_and_compares_from_the_periods_videos_read_once(demo, monkeypatch):
    reads = []
    original = format_stats._videos
    monkeypatch.setattr(format_stats, "_videos", lambda *args: reads.append(args) or original(*args))
    view = whatif_view(demo.con, PERIOD)
    assert len(reads) == 1
    pd.testing.assert_frame_equal(view.videos, video_formats(demo.con, start=PERIOD.start, end=PERIOD.end))
    pd.testing.assert_frame_equal(view.mix, whatif.posting_mix(view.videos, days=PERIOD.days))
    plan = {"Mini game": 3.0}
    expected = whatif.project_mix(view.videos, plan, days=PERIOD.days)
    pd.testing.assert_frame_equal(view.project(plan).totals, expected.totals)
    assert [(month.start, month.end) for month in view.months] == [
        (date(2026, 11, 1), date(2026, 11, 21)),
        (date(2026, 10, 1), date(2026, 10, 31)),
    ]


def test_a_comparison_of_two_formats_says_the_verdict_and_each_rate_in_words(demo):
    view = whatif_view(demo.con, PERIOD)
    shown = view.compare("format", "Mini game", "Product")
    videos = view.videos
    direct = whatif.compare_groups(
        videos[videos["format"] == "Mini game"],
        videos[videos["format"] == "Product"],
        label_a="Mini games",
        label_b="Product videos",
    )
    assert shown.result["verdict"] == direct["verdict"]
    assert list(shown.rates["label"]) == list(direct["rates"]["label"])
    first = direct["rates"].iloc[0]
    assert shown.rates.loc[0, "a"] == f"{first.value_a:.1%}"
    assert shown.rates.loc[0, "interval"] == whatif.describe_interval(
        first.difference_low, first.difference_high, "percent"
    )


def test_date_ranges_are_compared_over_all_the_data_and_an_empty_group_is_named(demo):
    view = whatif_view(demo.con, PERIOD)
    outside = view.compare(
        "dates", (date(2026, 11, 1), date(2026, 11, 21)), (date(2020, 1, 1), date(2020, 1, 31))
    )
    assert outside.where == "all your data" and outside.count_a > 0 and outside.count_b == 0
    assert outside.result is None and outside.empty_group == "Videos posted 1 Jan 2020 – 31 Jan 2020"


def test_the_interval_column_and_the_comparison_follow_the_level(demo):
    view = whatif_view(demo.con, PERIOD, confidence=0.5)
    assert view.level == "50%"
    narrow = view.compare("format", "Mini game", "Product").result["rates"].iloc[0]
    wide = whatif_view(demo.con, PERIOD).compare("format", "Mini game", "Product").result["rates"].iloc[0]
    assert wide.difference_low < narrow.difference_low < narrow.difference_high < wide.difference_high


@pytest.mark.skipif(not REAL.exists(), reason="real exports folder absent")
def test_a_studio_account_without_a_detail_sheet_plans_without_new_followers_and_without_lives():
    folder = REAL / "tiktok-studio_en-US_htupycollabs"
    workspace = Workspace(today=date(2026, 7, 1), remember_mappings=False)
    workspace.add_files([(path.name, path.read_bytes()) for path in sorted(folder.glob("*.csv"))])
    posted = workspace.con.execute("select min(posted_at)::date, max(posted_at)::date from videos").fetchone()
    view = whatif_view(workspace.con, Period(*posted))
    assert len(view.videos) and view.mix["mean_new_followers"].isna().all()
    assert "new_followers" not in set(view.project({}).totals["metric"])
    assert view.live_history is None and not view.has_lives


def test_a_workspace_with_no_dated_data_compares_the_periods_last_month_instead_of_failing():
    view = whatif_view(Workspace().con, PERIOD)
    assert view.videos.empty
    assert [(month.start, month.end) for month in view.months] == [
        (date(2026, 10, 1), date(2026, 10, 31)),
        (date(2026, 9, 1), date(2026, 9, 30)),
    ]
