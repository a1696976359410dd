"""The audience's time zone, guessed from its top territory, and when followers are active."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from babel.core import get_global

from analytics import db
from analytics.timezones import (
    MOST_POPULOUS_ZONE,
    ZoneGuess,
    describe_offset,
    follower_activity_grid,
    guess_time_zone,
    has_daylight_saving,
    offset_choices,
    peak_activity_hours,
    territory_code,
    top_territory,
    utc_offset_hours,
    zone_for_territory,
    zone_label,
)


def territories(*rows: tuple[str, float]):
    frame = pd.DataFrame(rows, columns=["territory_code", "share"])
    return db.load_frames(db.connect(), {"audience_territories": frame})


@pytest.mark.parametrize(
    ("territory", "zone"),
    [
        ("VN", "Asia/Ho_Chi_Minh"),
        ("fr", "Europe/Paris"),
        ("Vietnam", "Asia/Ho_Chi_Minh"),
        ("US", "America/New_York"),
        ("BR", "America/Sao_Paulo"),
        ("IN", "Asia/Kolkata"),
        ("CN", "Asia/Shanghai"),  # China and Urumqi metazones tie at one zone each: "China" sorts first
        ("Others", None),
        ("ZZ", None),
        ("", None),
        (None, None),
    ],
)
def test_a_territory_gets_the_zone_most_of_its_people_live_in(territory, zone):
    assert zone_for_territory(territory) == zone


def test_every_most_populous_zone_is_one_cldr_lists_for_its_territory():
    zones = get_global("territory_zones")
    assert {code: zone for code, zone in MOST_POPULOUS_ZONE.items() if zone not in zones[code]} == {}


def test_territory_names_and_codes_are_both_understood():
    assert [territory_code(value) for value in ["vn", "France", "united states", "Atlantis", None]] == [
        "VN",
        "FR",
        "US",
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("zone", "day", "hours"),
    [
        ("Europe/Paris", date(2026, 7, 1), 2.0),
        ("Europe/Paris", date(2026, 1, 15), 1.0),
        ("America/New_York", date(2026, 1, 15), -5.0),
        ("Asia/Kathmandu", date(2026, 7, 1), 5.75),
        ("Asia/Ho_Chi_Minh", date(2026, 7, 1), 7.0),
    ],
)
def test_the_offset_is_the_one_in_force_on_the_day(zone, day, hours):
    assert utc_offset_hours(zone, day) == hours


def test_summer_time_is_told_apart_from_a_fixed_offset():
    assert has_daylight_saving("Europe/Paris", 2026) is True
    assert has_daylight_saving("Asia/Ho_Chi_Minh", 2026) is False


@pytest.mark.parametrize(
    ("hours", "text"),
    [(7, "UTC+07:00"), (-3.5, "UTC−03:30"), (5.75, "UTC+05:45"), (0, "UTC"), (-10, "UTC−10:00")],
)
def test_offsets_are_written_as_people_write_them(hours, text):
    assert describe_offset(hours) == text


def test_the_offset_choices_run_west_to_east_and_include_the_odd_ones():
    choices = offset_choices()
    assert (choices[0], choices[-1], len(choices)) == (-12.0, 14.0, 56)
    assert {5.5, 5.75, 8.75, 12.75, 0.0} <= set(choices)
    assert choices == sorted(choices)


def test_zone_labels_name_the_place_and_the_iana_zone():
    assert zone_label("Asia/Ho_Chi_Minh") == "Vietnam Time (Asia/Ho_Chi_Minh)"
    assert zone_label("UTC") == "UTC"


def test_the_top_territory_ignores_tiktoks_others_bucket():
    con = territories(("Others", 0.5), ("VN", 0.2), ("FR", 0.3))
    assert top_territory(con) == ("FR", 0.3)


def test_a_french_audience_in_july_gets_paris_summer_time_and_a_sentence_that_says_so():
    con = territories(("FR", 0.6), ("VN", 0.3), ("Others", 0.1))
    assert guess_time_zone(con, on=date(2026, 7, 1)) == ZoneGuess(
        zone="Europe/Paris",
        utc_offset_hours=2.0,
        territory_code="FR",
        territory_name="France",
        territory_share=0.6,
        has_daylight_saving=True,
        reason="Your top audience territory is France (60% of your followers), so times are in France Time "
        "(Europe/Paris), UTC+02:00; "
        "the zone moves between UTC+01:00 and UTC+02:00 through the year, and we use its offset on 1 Jul 2026.",
    )


def test_a_territory_with_several_zones_says_which_one_was_picked():
    guess = guess_time_zone(territories(("US", 0.9)), on=date(2026, 1, 15))
    assert (guess.zone, guess.utc_offset_hours) == ("America/New_York", -5.0)
    assert "United States has several time zones and this one has the most people" in guess.reason


def test_a_share_that_is_not_a_fraction_is_left_out_of_the_sentence():
    guess = guess_time_zone(territories(("VN", 58.1)), on=date(2026, 7, 1))
    assert (
        guess.reason
        == "Your top audience territory is Vietnam, so times are in Vietnam Time (Asia/Ho_Chi_Minh), UTC+07:00."
    )


def test_without_territories_times_stay_in_utc_and_the_page_is_told_why():
    assert guess_time_zone(db.connect(), on=date(2026, 7, 1)) == ZoneGuess(
        zone="UTC",
        utc_offset_hours=0.0,
        territory_code=None,
        territory_name=None,
        territory_share=None,
        has_daylight_saving=False,
        reason="No follower territories loaded (TikTok Studio's Followers export has them), so times are in UTC.",
    )


# ---------------------------------------------------------------- follower activity


def activity(*rows: tuple[str, int, int]):
    frame = pd.DataFrame(rows, columns=["activity_date", "hour", "active_followers"])
    return db.load_frames(db.connect(), {"follower_activity": frame})


def test_follower_activity_is_averaged_per_weekday_and_hour_and_the_newest_days_future_hours_are_left_out():
    con = activity(
        ("2026-11-09", 20, 100),  # Monday
        ("2026-11-16", 20, 300),  # the next Monday: 20h averages (100 + 300) / 2 = 200
        ("2026-11-17", 0, 50),  # Tuesday, the newest day: downloaded at about 2h
        ("2026-11-17", 1, 0),  # a real quiet hour before the last active one: kept as 0
        ("2026-11-17", 2, 70),
        ("2026-11-17", 3, 0),  # had not happened yet: left out
        ("2026-11-17", 4, 0),
    )
    grid = follower_activity_grid(con)
    assert len(grid) == 168
    assert grid[grid["count_days"] > 0].to_dict("records") == [
        {"weekday": 0, "hour": 20, "count_days": 2, "average_active_followers": 200.0},
        {"weekday": 1, "hour": 0, "count_days": 1, "average_active_followers": 50.0},
        {"weekday": 1, "hour": 1, "count_days": 1, "average_active_followers": 0.0},
        {"weekday": 1, "hour": 2, "count_days": 1, "average_active_followers": 70.0},
    ]
    assert grid.loc[(grid["weekday"] == 1) & (grid["hour"] == 3), "average_active_followers"].isna().all()


def test_no_follower_activity_gives_an_empty_week():
    grid = follower_activity_grid(db.connect())
    assert (len(grid), int(grid["count_days"].sum()), grid["average_active_followers"].notna().sum()) == (
        168,
        0,
        0,
    )


def test_the_busiest_hours_are_named_in_words_busiest_first():
    grid = pd.DataFrame(
        {
            "weekday": [0, 1, 0, 1, 0],
            "hour": [20, 20, 8, 8, 3],
            "average_active_followers": [4000.0, 5000.0, 3000.0, None, 100.0],
        }
    )
    assert peak_activity_hours(grid, top=2) == [
        "20:00–21:00 (4,500 active followers on average)",
        "08:00–09:00 (3,000 active followers on average)",
    ]
