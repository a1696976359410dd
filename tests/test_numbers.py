"""Number-like export text -> numbers: what a marketer's pasted, re-saved or genuine cells become."""

import pandas as pd
import pytest

from analytics.numbers import count_missing, parse_counts, parse_numbers, parse_rates, to_bool

NA = pd.NA


def text(*values: str) -> pd.Series:
    return pd.Series(list(values), dtype="string")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1234", 1234.0),
        ("1,234", 1234.0),  # US thousands
        ("1.234", 1234.0),  # European thousands
        ("1 234", 1234.0),
        ("1\u00a0234", 1234.0),  # non-breaking space, as Excel in French writes it
        ("12,345,678", 12345678.0),
        ("1.000.000", 1000000.0),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("0,5", 0.5),
        ("1.5", 1.5),
        ("1.2K", 1200.0),
        ("2.5k", 2500.0),
        ("3M", 3000000.0),
        ("2B", 2000000000.0),
        ("12.5%", 12.5),  # the percent sign is dropped, not scaled
        ("38,5%", 38.5),
        ("-5", -5.0),  # Overview comments go negative when comments are deleted
        ("-1,234", -1234.0),
        ("+7", 7.0),
        (" 42 ", 42.0),
        ("undefined", NA),
        ("Undefined", NA),
        ("null", NA),
        ("n/a", NA),
        ("-", NA),
        ("\u2014", NA),
        ("", NA),
        ("   ", NA),
        ("abc", NA),
        ("1.2.3", NA),
    ],
)
def test_number_like_text_becomes_a_float_or_missing(cell, expected):
    assert parse_numbers(text(cell)).tolist() == [expected]


def test_numbers_come_back_as_nullable_floats_in_file_order():
    parsed = parse_numbers(text("3", "undefined", "1,234", "3"))
    assert str(parsed.dtype) == "Float64"
    assert parsed.tolist() == [3.0, NA, 1234.0, 3.0]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("0.462", 0.462),  # FollowerTopTerritories writes fractions with 3 decimals
        ("0.001", 0.001),
        ("0.125", 0.125),  # the Business API's full_video_watched_rate
    ],
)
def test_a_zero_with_three_decimals_is_a_fraction_not_thousands(cell, expected):
    assert parse_numbers(text(cell)).tolist() == [expected]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["1234", "1,234", "1.2K", "3M"], [1234, 1234, 1200, 3000000]),
        (["-3", "0", "undefined", ""], [-3, 0, NA, NA]),
        (["1.234", "12,345"], [1234, 12345]),
    ],
)
def test_counts_are_whole_numbers_with_missing_kept_missing(cells, expected):
    counts = parse_counts(text(*cells))
    assert str(counts.dtype) == "Int64"
    assert counts.tolist() == expected


@pytest.mark.parametrize("cell", ["99999999999999999999999", "1e400", "inf", "-inf", "1e19"])
def test_a_count_too_big_for_a_64_bit_integer_is_missing_not_a_huge_negative(cell):
    assert parse_counts(text(cell)).tolist() == [NA]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["38,5%"], [0.385]),
        (["38.5%", "50%", "12.5%"], [0.385, 0.5, 0.125]),
        (["0.38", "0.5", "1"], [0.38, 0.5, 1.0]),  # fractions stay fractions
        (["0.59", "0.41", "0"], [0.59, 0.41, 0.0]),  # FollowerGender
        (["38.5", "50", "0.5"], [0.385, 0.5, 0.005]),  # a column above 1 is in percent
        (["undefined", "50%"], [NA, 0.5]),
        (["", "0.25"], [NA, 0.25]),
    ],
)
def test_rates_are_fractions_between_zero_and_one(cells, expected):
    rates = parse_rates(text(*cells))
    assert str(rates.dtype) == "Float64"
    assert rates.tolist() == expected


def test_follower_territory_shares_with_three_decimals_stay_fractions():
    assert parse_rates(text("0.462", "0.219", "0.211", "0.001")).tolist() == [0.462, 0.219, 0.211, 0.001]


def test_missing_cells_are_counted_blank_or_undefined():
    assert count_missing(text("undefined", "", "1", "null", "  ", "0")) == 4


def test_true_false_yes_no_one_zero_become_booleans():
    flags = to_bool(text("True", "false", "1", "0", "yes", "No", "maybe", ""))
    assert flags.tolist() == [True, False, True, False, True, False, NA, NA]
