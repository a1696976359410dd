"""LIVE sessions: how often, how many come, how they interact, when to go LIVE, who comes back.

Three hand-made LIVEs; every expected number is worked out in the comments.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from analytics import db, templates
from analytics.export import csv_bytes
from analytics.lives import (
    LIVE_METRICS,
    best_live_slot,
    format_live_value,
    live_commenters_summary,
    live_kpis,
    live_sessions,
    live_slots,
    live_summary,
    returning_live_members,
)
from analytics.overview import last_month
from analytics.workspace import Workspace

# Wednesday 3 June, Wednesday 10 June, Saturday 13 June 2026. The Saturday row was filled in
# without its interactions, gifts or followers.
THREE_LIVES = [
    ("2026-06-03 20:00", 60, 100, 40, 10, 80, 10, 5, 4, "Q&A with our barista"),
    ("2026-06-10 20:15", 30, 300, 90, 30, 250, 20, 15, 8, "Cupping night"),
    ("2026-06-13 21:00", 45, 200, 70, None, None, None, None, None, "Behind the bar"),
]


def lives_sheet(*rows: tuple) -> bytes:
    """Our LIVE template filled in with these rows (an empty cell where a value is None)."""
    return csv_bytes(pd.DataFrame(list(rows), columns=templates.LIVE_COLUMNS, dtype=object))


def load_sheets(*sheets: list[tuple], one_at_a_time: bool = False) -> object:
    """The LIVEs as the app loads them: the sheets uploaded together (or one after the other, in this
    order) and merged by the workspace."""
    workspace = Workspace(today=date(2026, 11, 22), remember_mappings=False)
    files = [(f"lives_{number}.csv", lives_sheet(*rows)) for number, rows in enumerate(sheets)]
    for batch in [[file] for file in files] if one_at_a_time else [files]:
        workspace.add_files(batch)
    assert [problem.message for problem in workspace.problems] == []
    return workspace.con


def load_lives(*rows: tuple) -> object:
    """One LIVE sheet of these rows, loaded as the app loads it."""
    return load_sheets(list(rows))


def clean(records: list[dict], digits: int = 4) -> list[dict]:
    def value(item):
        if item is None or item is pd.NA or (isinstance(item, float) and math.isnan(item)):
            return None
        return round(item, digits) if isinstance(item, float) else item

    return [{key: value(item) for key, item in record.items()} for record in records]


def test_each_live_gets_its_interactions_and_interactions_per_viewer():
    sessions = live_sessions(load_lives(*THREE_LIVES))
    assert clean(sessions[["title", "total_interactions", "interactions_per_viewer"]].to_dict("records")) == [
        {
            "title": "Q&A with our barista",
            "total_interactions": 100,
            "interactions_per_viewer": 1.0,
        },  # 10+80+10
        {"title": "Cupping night", "total_interactions": 300, "interactions_per_viewer": 1.0},  # 30+250+20
        {"title": "Behind the bar", "total_interactions": None, "interactions_per_viewer": None},
    ]


@pytest.mark.parametrize("one_at_a_time", [False, True], ids=["together", "one after the other"])
def test_two_live_sheets_of_the_same_sessions_count_each_live_once(one_at_a_time):
    # June's sheet, then July's, which repeats June's three LIVEs (the Cupping night's viewers corrected
    # from 300 to 360) and adds one: four LIVEs, each once, with the newer sheet's numbers.
    corrected = ("2026-06-10 20:15", 30, 360, 90, 30, 250, 20, 15, 8, "Cupping night")
    july = [
        THREE_LIVES[0],
        corrected,
        THREE_LIVES[2],
        ("2026-07-01 20:00", 60, 500, 80, 20, 100, 0, 1, 2, "July"),
    ]
    con = load_sheets(list(THREE_LIVES), july, one_at_a_time=one_at_a_time)
    sessions = live_sessions(con)
    assert sessions["title"].tolist() == ["Q&A with our barista", "Cupping night", "Behind the bar", "July"]
    assert sessions["viewers"].tolist() == [100, 360, 200, 500]
    summary = live_summary(con, start=date(2026, 6, 1), end=date(2026, 6, 14))
    assert summary["count_lives"] == 3 and summary["average_viewers"] == 220.0  # (100 + 360 + 200) / 3
    assert summary["total_gifts"] == 20


def test_the_period_keeps_lives_started_on_its_first_and_last_day():
    sessions = live_sessions(load_lives(*THREE_LIVES), start=date(2026, 6, 3), end=date(2026, 6, 10))
    assert sessions["title"].tolist() == ["Q&A with our barista", "Cupping night"]


def test_two_weeks_with_three_lives_summed_up_by_hand():
    summary = live_summary(load_lives(*THREE_LIVES), start=date(2026, 6, 1), end=date(2026, 6, 14))
    assert clean([summary]) == [
        {
            "count_lives": 3,
            "count_weeks": 2.0,  # 14 days
            "lives_per_week": 1.5,
            "average_viewers": 200.0,  # (100 + 300 + 200) / 3
            "average_peak_viewers": 66.6667,  # (40 + 90 + 70) / 3
            "interactions_per_live": 200.0,  # (100 + 300) / 2: the Saturday has no interactions
            "interactions_per_viewer": 1.0,  # 400 / (100 + 300): the Saturday's viewers are left out too
            "new_followers_per_live": 6.0,  # (4 + 8) / 2
            "average_duration_minutes": 45.0,  # (60 + 30 + 45) / 3
            "total_gifts": 20,
        }
    ]


def test_without_a_period_the_weeks_run_from_the_first_to_the_last_live():
    summary = live_summary(load_lives(*THREE_LIVES))
    # 3 to 13 June is 11 days: 11/7 weeks, so 3 / (11/7) = 21/11 LIVEs a week.
    assert (summary["count_weeks"], round(summary["lives_per_week"], 4)) == (11 / 7, round(21 / 11, 4))


def test_a_single_live_is_one_a_week_not_seven():
    summary = live_summary(load_lives(THREE_LIVES[0]))
    assert (summary["count_weeks"], summary["lives_per_week"]) == (1.0, 1.0)


def test_no_lives_at_all_gives_no_numbers_rather_than_zeros():
    summary = live_summary(load_lives())
    assert summary == {"count_lives": 0, "count_weeks": None, "lives_per_week": None} | {
        metric: None for metric in LIVE_METRICS if metric != "lives_per_week"
    }


def test_kpis_compare_with_the_period_of_equal_length_just_before():
    con = load_lives(*THREE_LIVES)
    # 10-16 June holds the 10 and 13 June LIVEs; 3-9 June, the period before, holds the 3 June one.
    kpis = live_kpis(con, start=date(2026, 6, 10), end=date(2026, 6, 16)).set_index("metric")
    assert list(kpis.index) == list(LIVE_METRICS)
    assert clean(
        [kpis.loc["lives_per_week", ["value", "previous_value", "change", "display"]].to_dict()]
    ) == [{"value": 2.0, "previous_value": 1.0, "change": 1.0, "display": "2.0"}]
    assert clean(
        [kpis.loc["average_viewers", ["value", "previous_value", "change", "display"]].to_dict()]
    ) == [{"value": 250.0, "previous_value": 100.0, "change": 1.5, "display": "250"}]
    assert (
        kpis.loc["average_duration_minutes", "display"] == "38 min"
    )  # (30 + 45) / 2 = 37.5, rounded half to even


def test_kpis_of_a_calendar_month_compare_with_the_month_before_it():
    # July 2026 against June (the sidebar's "Last month"), not against the 31 days before 1 July,
    # which would take in the 31 May LIVE.
    july = last_month(date(2026, 7, 31))
    june = july.previous()
    con = load_lives(
        ("2026-05-31 20:00", 40, 1000, 60, 10, 80, 10, 5, 4, "Opening"),
        *THREE_LIVES,
        ("2026-07-08 20:00", 40, 400, 60, 10, 80, 10, 5, 4, "Summer menu"),
    )
    kpis = live_kpis(con, start=july.start, end=july.end, previous=(june.start, june.end)).set_index("metric")
    assert clean([kpis.loc["average_viewers", ["value", "previous_value", "change"]].to_dict()]) == [
        {"value": 400.0, "previous_value": 200.0, "change": 1.0}  # June's three LIVEs: (100 + 300 + 200) / 3
    ]


def test_a_period_before_without_any_live_is_no_baseline():
    kpis = live_kpis(load_lives(*THREE_LIVES), start=date(2026, 6, 1), end=date(2026, 6, 14))
    assert kpis["previous_value"].isna().all() and kpis["change"].isna().all()


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (0.9710, "decimal", "1.0"),
        (2167.5, "count", "2,168"),
        (53.75, "minutes", "54 min"),
        (None, "count", "—"),
    ],
)
def test_live_numbers_are_written_for_a_marketer(value, unit, text):
    assert format_live_value(value, unit) == text


# ---------------------------------------------------------------- when to go LIVE


def test_slots_compare_each_live_with_the_lives_of_the_same_weeks():
    slots = live_slots(load_lives(*THREE_LIVES))
    # All three LIVEs are within four weeks of each other: the median of 100, 300 and 200 viewers is
    # 200, so they drew 0.5, 1.5 and 1.0 of it. Wednesday 20h: (0.5 + 1.5) / 2 = 1.0.
    assert clean(slots.to_dict("records")) == [
        {
            "weekday": 2,
            "hour": 20,
            "count_lives": 2,
            "average_viewers": 200.0,
            "relative_viewers": 1.0,
            "interactions_per_viewer": 1.0,
        },
        {
            "weekday": 5,
            "hour": 21,
            "count_lives": 1,
            "average_viewers": 200.0,
            "relative_viewers": 1.0,
            "interactions_per_viewer": None,
        },
    ]


def test_a_slot_no_better_than_its_weeks_is_not_called_a_winner():
    slots = live_slots(load_lives(*THREE_LIVES))
    assert best_live_slot(slots) == (
        "No day and time stands out yet: the best, Wednesday LIVEs starting 20:00–21:00, drew about as many "
        "viewers as LIVEs held in the same weeks (2 broadcasts, 200 viewers on average)."
    )


def test_a_slot_well_above_its_weeks_is_named_with_its_lead():
    slots = pd.DataFrame(
        {
            "weekday": [5, 2, 6],
            "hour": [20, 20, 19],
            "count_lives": [4, 6, 1],
            "average_viewers": [1500.0, 1000.0, 3000.0],
            "relative_viewers": [1.25, 0.9, 2.0],  # Sunday is higher but a single LIVE
        }
    )
    assert best_live_slot(slots) == (
        "Saturday LIVEs starting 20:00–21:00 drew 25% more viewers than LIVEs held in the same weeks "
        "(4 broadcasts, 1,500 viewers on average)."
    )


def test_too_few_lives_per_slot_to_name_a_best_one():
    slots = live_slots(load_lives(*THREE_LIVES))
    assert best_live_slot(slots, min_lives=3) == (
        "Not enough LIVEs at the same day and time to name a best slot yet: a slot needs 3 broadcasts to count."
    )


# ---------------------------------------------------------------- who comes back


def comments_con():
    rows = [
        # (comment_id, video_id, member_id, member_handle, commented_at, is_brand)
        ("c1", "live1", "m1", "mai.old", "2026-06-03 21:00", False),
        ("c2", "live1", "m1", "mai.new", "2026-06-04 09:00", False),
        ("c3", "live2", "m1", "mai.new", "2026-06-11 08:00", False),
        ("c4", "live1", "m2", "tom", "2026-06-03 21:05", False),
        ("c5", "video9", "m2", "tom", "2026-06-05 10:00", False),  # not a LIVE video
        ("c6", "live1", "phinco.coffee", "phinco.coffee", "2026-06-03 22:00", True),  # the brand
        ("c7", "live2", "phinco.coffee", "phinco.coffee", "2026-06-11 09:00", True),
        ("c8", "live2", "m3", "an", "2026-06-11 10:00", False),
    ]
    columns = ["comment_id", "video_id", "member_id", "member_handle", "commented_at", "is_brand"]
    return db.load_frames(db.connect(), {"comments": pd.DataFrame(rows, columns=columns)})


def test_a_member_commenting_on_two_live_videos_keeps_coming_back_and_the_brand_never_counts():
    regulars = returning_live_members(comments_con(), video_ids=["live1", "live2", "live3"])
    assert regulars.assign(
        first_commented_at=regulars["first_commented_at"].astype(str),
        last_commented_at=regulars["last_commented_at"].astype(str),
    ).to_dict("records") == [
        {
            "member_id": "m1",
            "member_handle": "mai.new",  # the handle of their latest comment
            "count_live_videos": 2,
            "count_comments": 3,
            "first_commented_at": "2026-06-03 21:00:00",
            "last_commented_at": "2026-06-11 08:00:00",
        }
    ]


def test_the_live_audience_in_numbers():
    summary = live_commenters_summary(comments_con(), video_ids=["live1", "live2", "live3"])
    # m1 (both), m2 (live1), m3 (live2) commented; live3 got no comment; only m1 came back.
    assert summary == {
        "count_live_videos": 3,
        "count_live_videos_with_comments": 2,
        "count_members": 3,
        "count_returning_members": 1,
    }


def test_no_live_videos_means_no_live_audience():
    assert returning_live_members(comments_con(), video_ids=[]).empty
    assert live_commenters_summary(comments_con(), video_ids=[]) == {
        "count_live_videos": 0,
        "count_live_videos_with_comments": 0,
        "count_members": 0,
        "count_returning_members": 0,
    }
