"""The Formats page's model: one read of the videos, and the same numbers on the page and in the deck."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics import format_stats, hashtags, posting_times
from analytics.formats import engagement_by_format, format_takeaway, hashtag_performance, video_formats
from analytics.overview import Period
from analytics.report import build_report
from analytics.report.sections import default_report_period
from analytics.sample import demo_workspace
from analytics.views.formats import formats_view


@pytest.fixture(scope="module")
def demo():
    return demo_workspace()


@pytest.fixture(scope="module")
def period(demo):
    return default_report_period(demo.con)


def test_the_deck_formats_slide_shows_the_rates_the_formats_view_gives(demo, period):
    view = formats_view(demo.con, period)
    report = build_report(
        demo.con, period=period, sections=["formats"], salt="test", today=date(2026, 11, 22)
    )
    slide = next(finding for finding in report.findings if finding.key == "formats_rate")
    rated = view.table[view.table["engagement_rate"].notna()]
    assert slide.native.categories == [f"{row.format} ({row.count_videos})" for row in rated.itertuples()]
    assert slide.native.series[0][1] == pytest.approx(list(rated["engagement_rate"]), abs=0)
    # The headline's comparison is the one the page's takeaway states, word for word.
    assert view.comparison is not None and str(view.comparison[2]["verdict"]) == view.takeaway
    assert slide.note.startswith(view.takeaway)
    for row in rated[~rated["is_small_sample"]].head(3).itertuples():
        assert f"{row.format} {row.engagement_rate_low:.1%}–{row.engagement_rate_high:.1%}" in slide.note


def test_the_view_gives_the_same_table_takeaway_and_hashtags_as_the_per_period_functions(demo):
    for start, end in [(date(2026, 8, 1), date(2026, 10, 31)), (date(2026, 10, 25), date(2026, 11, 21))]:
        view = formats_view(demo.con, Period(start, end), min_videos=3)
        pd.testing.assert_frame_equal(
            view.videos.reset_index(drop=True), video_formats(demo.con, start=start, end=end)
        )
        pd.testing.assert_frame_equal(
            view.table, engagement_by_format(demo.con, start=start, end=end, min_videos=3)
        )
        assert view.takeaway == format_takeaway(video_formats(demo.con, start=start, end=end), min_videos=3)
        brand = hashtag_performance(demo.con, brand_hashtags=view.brand_hashtags, start=start, end=end)
        pd.testing.assert_frame_equal(view.hashtags, brand)


def test_the_period_is_selected_as_the_query_selects_it_on_the_first_and_last_day():
    from analytics import db

    videos = pd.DataFrame(
        {
            "video_id": ["before", "first", "last", "after", "undated"],
            "caption": ["a", "b", "c", "d", "e"],
            "posted_at": pd.to_datetime(
                [
                    "2026-03-31 23:59:59",
                    "2026-04-01 00:00:00",
                    "2026-04-30 23:59:59",
                    "2026-05-01 00:00:00",
                    None,
                ]
            ),
            "total_views": [10, 10, 10, 10, 10],
        }
    )
    con = db.load_frames(db.connect(), {"videos": videos})
    every = video_formats(con)
    for start, end in [
        (date(2026, 4, 1), date(2026, 4, 30)),
        (None, date(2026, 4, 30)),
        (date(2026, 4, 1), None),
    ]:
        chosen = format_stats.in_period(every, start, end)
        assert list(chosen["video_id"]) == list(video_formats(con, start=start, end=end)["video_id"])
    assert list(format_stats.in_period(every, date(2026, 4, 1), date(2026, 4, 30))["video_id"]) == [
        "first",
        "last",
    ]


def test_the_videos_are_read_once_per_formats_render(demo, period, monkeypatch):
    reads = []
    original = format_stats._videos

    def counted(*args, **kwargs):
        reads.append(args[1:])
        return original(*args, **kwargs)

    for module in (format_stats, hashtags, posting_times):
        monkeypatch.setattr(module, "_videos", counted)
    view = formats_view(demo.con, period)
    assert len(reads) == 1  # was six: four video_formats, the hashtags and the posting times
    assert len(view.videos) and len(view.every_video) > len(view.videos)


def test_the_dashed_all_videos_rate_is_the_period_videos_lifetime_engagements_over_their_views(demo, period):
    view = formats_view(demo.con, period)
    rated = view.videos[(view.videos["total_views"] > 0) & view.videos["total_engagements"].notna()]
    assert view.all_videos_rate == pytest.approx(
        rated["total_engagements"].sum() / rated["total_views"].sum()
    )
