"""The Overview's periods and their comparisons (analytics/overview.py): calendar months as a marketer
counts them, and changes that a longer month cannot fake."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from analytics import db
from analytics.overview import (
    MONTH,
    MONTH_SO_FAR,
    PRESETS,
    Period,
    account_kpis,
    last_month,
    month_so_far,
    preset_period,
)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# data's last day -> ("Last month", the month before it), ("This month so far", what it is compared with)
MONTHS = [
    # an ordinary month: October, against September; 1-18 Nov against 1-18 Oct
    (date(2026, 11, 18), (date(2026, 10, 1), date(2026, 10, 31)), (date(2026, 9, 1), date(2026, 9, 30)),
     (date(2026, 11, 1), date(2026, 11, 18)), (date(2026, 10, 1), date(2026, 10, 18))),
    # across the new year: December 2025, against November; 1-10 Jan against 1-10 Dec
    (date(2026, 1, 10), (date(2025, 12, 1), date(2025, 12, 31)), (date(2025, 11, 1), date(2025, 11, 30)),
     (date(2026, 1, 1), date(2026, 1, 10)), (date(2025, 12, 1), date(2025, 12, 10))),
    # January's last day: January is complete, so it is "last month", against December 2025
    (date(2026, 1, 31), (date(2026, 1, 1), date(2026, 1, 31)), (date(2025, 12, 1), date(2025, 12, 31)),
     (date(2026, 1, 1), date(2026, 1, 31)), (date(2025, 12, 1), date(2025, 12, 31))),
    # a leap February: 29 days, against January; 1-30 Mar against the whole (shorter) February
    (date(2024, 3, 30), (date(2024, 2, 1), date(2024, 2, 29)), (date(2024, 1, 1), date(2024, 1, 31)),
     (date(2024, 3, 1), date(2024, 3, 30)), (date(2024, 2, 1), date(2024, 2, 29))),
    (date(2026, 3, 30), (date(2026, 2, 1), date(2026, 2, 28)), (date(2026, 1, 1), date(2026, 1, 31)),
     (date(2026, 3, 1), date(2026, 3, 30)), (date(2026, 2, 1), date(2026, 2, 28))),
    # 29 Feb is a leap February's last day: February itself is the last complete month
    (date(2024, 2, 29), (date(2024, 2, 1), date(2024, 2, 29)), (date(2024, 1, 1), date(2024, 1, 31)),
     (date(2024, 2, 1), date(2024, 2, 29)), (date(2024, 1, 1), date(2024, 1, 31))),
    # 28 Feb of a common year, the same
    (date(2026, 2, 28), (date(2026, 2, 1), date(2026, 2, 28)), (date(2026, 1, 1), date(2026, 1, 31)),
     (date(2026, 2, 1), date(2026, 2, 28)), (date(2026, 1, 1), date(2026, 1, 31))),
    # data ending on the 1st: last month is the one before; this month so far is that one day
    (date(2026, 3, 1), (date(2026, 2, 1), date(2026, 2, 28)), (date(2026, 1, 1), date(2026, 1, 31)),
     (date(2026, 3, 1), date(2026, 3, 1)), (date(2026, 2, 1), date(2026, 2, 1))),
    # data ending on a month's last day: that month IS the last complete month, against the month before
    (date(2026, 11, 30), (date(2026, 11, 1), date(2026, 11, 30)), (date(2026, 10, 1), date(2026, 10, 31)),
     (date(2026, 11, 1), date(2026, 11, 30)), (date(2026, 10, 1), date(2026, 10, 31))),
    (date(2026, 12, 31), (date(2026, 12, 1), date(2026, 12, 31)), (date(2026, 11, 1), date(2026, 11, 30)),
     (date(2026, 12, 1), date(2026, 12, 31)), (date(2026, 11, 1), date(2026, 11, 30))),
]  # fmt: skip


@pytest.mark.parametrize(("last_day", "month", "month_before", "so_far", "so_far_before"), MONTHS)
def test_last_month_is_the_last_complete_calendar_month_and_this_month_runs_from_the_first(
    last_day, month, month_before, so_far, so_far_before
):
    def bounds(period: Period) -> tuple[date, date]:
        return period.start, period.end

    assert bounds(last_month(last_day)) == month
    assert bounds(last_month(last_day).previous()) == month_before
    assert bounds(month_so_far(last_day)) == so_far
    assert bounds(month_so_far(last_day).previous()) == so_far_before


def test_each_period_names_itself_and_what_it_is_compared_with_in_words():
    october = last_month(date(2026, 11, 18))
    assert october.describe() == "October 2026 (1 Oct – 31 Oct 2026, 31 days)"
    assert october.compared_with() == "September 2026 (1 Sep – 30 Sep 2026)"
    assert october.previous_name == "September 2026"
    november = month_so_far(date(2026, 11, 18))
    assert november.describe() == "November 2026 so far (1 Nov – 18 Nov 2026, 18 days)"
    assert november.compared_with() == "the same days of October 2026 (1 Oct – 18 Oct 2026)"
    assert month_so_far(date(2026, 3, 1)).previous_name == "the same day of February 2026"
    # A month so far longer than the month before compares with that whole month, named as such.
    assert month_so_far(date(2026, 3, 30)).compared_with() == "February 2026 (1 Feb – 28 Feb 2026)"
    december = month_so_far(date(2026, 1, 10))
    assert december.compared_with() == "the same days of December 2025 (1 Dec – 10 Dec 2025)"


def test_a_run_of_days_keeps_its_comparison_and_words():
    period = Period(date(2026, 8, 1), date(2026, 8, 28))
    assert period.previous() == Period(date(2026, 7, 4), date(2026, 7, 31))
    assert period.describe() == "1 Aug 2026 – 28 Aug 2026 (28 days)"
    assert period.compared_with() == "the 28 days before (4 Jul – 31 Jul 2026)"
    assert period.previous_name == "the previous 28 days"
    assert period.name is None


def test_the_presets_pick_runs_of_days_and_calendar_months_from_the_data_span():
    span = Period(date(2026, 9, 20), date(2026, 11, 18))
    picked = {name: preset_period(span, value) for name, value in PRESETS.items()}
    assert picked == {
        "Last 90 days": span,  # never before the data's first day
        "Last 28 days": Period(date(2026, 10, 22), date(2026, 11, 18)),
        "Last 7 days": Period(date(2026, 11, 12), date(2026, 11, 18)),
        "Last month": Period(date(2026, 10, 1), date(2026, 10, 31), MONTH),
        "This month so far": Period(date(2026, 11, 1), date(2026, 11, 18), MONTH_SO_FAR),
        "All data": span,
    }


def daily(frames: dict[str, list]) -> object:
    return db.load_frames(db.connect(), {"daily_stats": pd.DataFrame(frames)})


def kpi(con, period: Period, metric: str) -> dict:
    row = account_kpis(con, period).set_index("metric").loc[metric]
    return {
        key: row[key] for key in ("value", "previous_value", "change_text", "change_basis", "previous_text")
    }


def test_october_against_september_compares_daily_averages_so_one_more_day_is_not_growth():
    # 100 views every day: October's 3,100 against September's 3,000 is the same account, not +3.3%.
    every_day = days(date(2026, 9, 1), date(2026, 10, 31))
    con = daily({"stat_date": every_day, "video_views": [100] * len(every_day), "likes": [10] * len(every_day),
                 "comments": [0] * len(every_day), "shares": [0] * len(every_day)})  # fmt: skip
    october = last_month(date(2026, 10, 31))
    assert kpi(con, october, "video_views") == {
        "value": 3_100,
        "previous_value": 3_000,
        "change_text": "no change",
        "change_basis": "in daily average",
        "previous_text": "3,000 over 30 days (100 a day, against 100 a day now)",
    }
    assert kpi(con, october, "engagement_rate")["change_basis"] == "vs previous period"  # a rate needs no fix
    # The same 31 days as a run of days compare with the 31 days before (31 Aug has no data).
    run = Period(october.start, october.end)
    assert kpi(con, run, "video_views")["change_basis"] == "in daily average"
    assert kpi(con, run, "video_views")["previous_value"] == 3_000


def test_a_comparison_month_only_partly_in_the_files_is_compared_per_covered_day():
    # A 60-day TikTok export ending 31 Oct starts on 21 Sep (views) and the Viewers file on 26 Sep.
    views_days = days(date(2026, 9, 21), date(2026, 10, 31))
    con = daily(
        {
            "stat_date": views_days,
            "video_views": [200] * len(views_days),
            "new_viewers": [None if day < date(2026, 9, 26) else 20 for day in views_days],
        }
    )
    october = last_month(date(2026, 10, 31))
    views, new = kpi(con, october, "video_views"), kpi(con, october, "new_viewers")
    assert (views["value"], views["previous_value"], views["change_text"]) == (6_200, 2_000, "no change")
    assert views["previous_text"] == "2,000 over 10 days (200 a day, against 200 a day now)"
    assert (new["value"], new["previous_value"], new["change_text"]) == (620, 100, "no change")
    assert new["previous_text"] == "100 over 5 days (20 a day, against 20 a day now)"


def test_this_month_so_far_against_the_same_days_of_last_month_compares_totals():
    every_day = days(date(2026, 10, 1), date(2026, 11, 18))
    con = daily(
        {
            "stat_date": every_day,
            "video_views": [150 if day.month == 11 else 100 for day in every_day],
        }
    )
    november = month_so_far(date(2026, 11, 18))
    assert kpi(con, november, "video_views") == {
        "value": 2_700,  # 18 days × 150
        "previous_value": 1_800,  # 1-18 Oct: 18 days × 100 (not the whole of October)
        "change_text": "+50.0%",
        "change_basis": "vs previous period",
        "previous_text": "1,800",
    }


def test_engagements_have_one_missing_value_rule_in_the_tile_the_daily_chart_the_formats_and_the_lives():
    """A day or a video whose file leaves shares empty still has its likes and comments counted, the same
    way in every place (queries/macros.sql): the tile is the sum of the chart's days."""
    from analytics.formats import video_formats
    from analytics.lives import live_sessions
    from analytics.overview import daily_trend

    con = db.load_frames(
        db.connect(),
        {
            "daily_stats": pd.DataFrame(
                {
                    "stat_date": [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3)],
                    "video_views": [100, 50, 10],
                    "likes": [10, 5, None],
                    "comments": [2, 1, None],
                    "shares": [None, 3, None],
                }
            ),
            "videos": pd.DataFrame(
                {
                    "video_id": ["1", "2"],
                    "posted_at": pd.to_datetime(["2026-03-01 10:00", "2026-03-02 10:00"]),
                    "total_views": [100, 50],
                    "total_likes": [10, None],
                    "total_comments": [2, None],
                    "total_shares": [None, None],
                }
            ),
            "lives": pd.DataFrame(
                {
                    "started_at": pd.to_datetime(["2026-03-01 20:00"]),
                    "likes": [7],
                    "comments": [None],
                    "shares": [1],
                }
            ),
        },
    )
    period = Period(date(2026, 3, 1), date(2026, 3, 3))
    tile = account_kpis(con, period).set_index("metric").loc["engagements", "value"]
    chart = daily_trend(con, period)["engagements"]
    assert tile == 21 == chart.sum()
    assert chart.isna().tolist() == [False, False, True]  # a day with none of the three is unknown, not 0
    videos = video_formats(con, start=period.start, end=period.end).set_index("video_id")
    assert videos.loc["1", "total_engagements"] == 12 and pd.isna(videos.loc["2", "total_engagements"])
    assert live_sessions(con, start=period.start, end=period.end)["total_interactions"].tolist() == [8]


def test_the_period_takes_its_first_and_last_days_whole_on_every_table():
    """`in the period` is one definition: a video posted late on the last day is in, one at midnight after
    is not; the same for the days of the daily files."""
    from analytics.formats import video_formats

    con = db.load_frames(
        db.connect(),
        {
            "daily_stats": pd.DataFrame(
                {
                    "stat_date": [date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 1)],
                    "video_views": [1, 10, 100, 1000],
                }
            ),
            "videos": pd.DataFrame(
                {
                    "video_id": ["before", "first", "last", "after"],
                    "posted_at": pd.to_datetime(
                        [
                            "2026-02-28 23:59:59",
                            "2026-03-01 00:00:00",
                            "2026-03-31 23:59:59",
                            "2026-04-01 00:00:00",
                        ]
                    ),
                    "total_views": [1, 1, 1, 1],
                }
            ),
        },
    )
    period = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert account_kpis(con, period).set_index("metric").loc["video_views", "value"] == 110
    assert sorted(video_formats(con, start=period.start, end=period.end)["video_id"]) == ["first", "last"]
