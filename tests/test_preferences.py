"""Remembered choices: hand-set formats, edited rules and brand hashtags, on disk and never a crash."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analytics import preferences
from analytics.preferences import (
    captions_containing,
    clean_rules,
    guess_brand_hashtags,
    load_brand_hashtags,
    load_format_overrides,
    load_format_rules,
    parse_hashtags,
    rules_from_table,
    rules_table,
    save_brand_hashtags,
    save_format_overrides,
    save_format_rules,
    with_overrides,
)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    return tmp_path


# ---------------------------------------------------------------- format overrides


def test_hand_set_formats_come_back_after_a_restart(home):
    assert save_format_overrides({"7001": "Challenge", "7002": "Mini game"}) is True
    assert load_format_overrides() == {"7001": "Challenge", "7002": "Mini game"}
    assert json.loads((home / "format_overrides.json").read_text(encoding="utf-8")) == {
        "7001": "Challenge",
        "7002": "Mini game",
    }


def test_nothing_remembered_yet_reads_as_no_overrides_and_default_rules():
    assert load_format_overrides() == {}
    assert load_format_rules() is None
    assert load_brand_hashtags("phinco.coffee") is None


@pytest.mark.parametrize("content", ["{not json", "", "[1, 2, 3]", '"a string"', "null"])
def test_a_damaged_preferences_file_reads_as_nothing_remembered(home, content):
    for name in ("format_overrides.json", "format_rules.json", "brand_hashtags.json"):
        (home / name).write_text(content, encoding="utf-8")
    assert load_format_overrides() == {}
    assert load_format_rules() is None
    assert load_brand_hashtags("phinco.coffee") is None


def test_malformed_override_entries_are_dropped_and_the_good_ones_kept(home):
    stored = {"7001": "Challenge", "": "Tutorial", "7003": "", "7004": 5, "7005": "  Mini   game "}
    (home / "format_overrides.json").write_text(json.dumps(stored), encoding="utf-8")
    assert load_format_overrides() == {"7001": "Challenge", "7005": "Mini game"}


def test_a_home_that_cannot_be_written_keeps_choices_for_the_session_only(tmp_path, monkeypatch):
    blocked = tmp_path / "a_file_not_a_folder"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(blocked))
    assert save_format_overrides({"7001": "Challenge"}) is False
    assert save_format_rules({"Challenge": ["défi"]}) is False
    assert save_brand_hashtags("phinco.coffee", ["#phinco"]) is False
    assert load_format_overrides() == {}


def test_a_save_leaves_no_temporary_file_behind(home):
    save_format_overrides({"7001": "Challenge"})
    save_format_overrides({"7001": "Tutorial"})
    assert sorted(path.name for path in home.iterdir()) == ["format_overrides.json"]
    assert load_format_overrides() == {"7001": "Tutorial"}


def test_preferences_live_beside_the_remembered_column_mappings(home):
    assert preferences.preferences_folder() == home


def test_setting_a_format_for_several_videos_and_giving_one_back_to_the_rules():
    overrides = {"1": "Tutorial", "2": "Product"}
    assert with_overrides(overrides, ["2", 3], "Mini game") == {
        "1": "Tutorial",
        "2": "Mini game",
        "3": "Mini game",
    }
    assert with_overrides(overrides, ["1", "9"], None) == {"2": "Product"}
    assert overrides == {"1": "Tutorial", "2": "Product"}  # the session's dict is not changed in place


def test_caption_search_ignores_case_and_skips_missing_captions():
    captions = pd.Series(["Giveaway time! #GIVEAWAY", "How to brew", None, "Mini game: đố vui"])
    assert captions_containing(captions, "giveaway").tolist() == [True, False, False, False]
    assert captions_containing(captions, " ĐỐ VUI ").tolist() == [False, False, False, True]
    assert captions_containing(captions, "  ").tolist() == [False, False, False, False]


# ---------------------------------------------------------------- rules


def test_edited_rules_come_back_in_their_order_of_precedence():
    rules = {"Challenge": ["#...challenge", "défi"], "Podcast clip": ["podcast"], "Tutorial": ["how to"]}
    assert save_format_rules(rules) is True
    assert list(load_format_rules().items()) == list(rules.items())


def test_going_back_to_the_default_rules_forgets_the_edited_ones(home):
    save_format_rules({"Challenge": ["défi"]})
    assert save_format_rules(None) is True
    assert load_format_rules() is None
    assert not (home / "format_rules.json").exists()


def test_stored_rules_lose_blank_and_repeated_patterns_but_keep_an_emptied_format():
    stored = {"Challenge": ["défi", " ", "défi", 3, "reto"], "Product": []}
    assert clean_rules(stored) == {"Challenge": ["défi", "reto"], "Product": []}


@pytest.mark.parametrize("stored", [{}, {"Challenge": "défi"}, {"": ["défi"]}, ["Challenge"], None])
def test_stored_rules_of_the_wrong_shape_fall_back_to_the_defaults(stored):
    assert clean_rules(stored) is None


def test_the_rules_editor_table_round_trips_and_splits_patterns_on_commas():
    rules = {"Challenge": ["#...challenge", "défi"], "LIVE Q&A": ["q&a", "live"]}
    table = rules_table(rules)
    assert table.to_dict("records") == [
        {"format": "Challenge", "patterns": "#...challenge, défi"},
        {"format": "LIVE Q&A", "patterns": "q&a, live"},
    ]
    assert rules_from_table(table) == rules


def test_an_edited_rules_table_drops_unnamed_rows_and_merges_a_repeated_format():
    edited = pd.DataFrame(
        {
            "format": ["Challenge", None, "  ", "Podcast clip", "Challenge"],
            "patterns": ["défi,, reto ", "orphan", "orphan", None, "reto, thử thách"],
        }
    )
    assert rules_from_table(edited) == {"Challenge": ["défi", "reto", "thử thách"], "Podcast clip": []}


# ---------------------------------------------------------------- brand hashtags


@pytest.mark.parametrize(
    ("hashtags", "handle", "expected"),
    [
        (
            ["#phinco", "#coffeetok", "#phincocoffee", "#coffee", "#phin", "#phinchallenge", "#phincovn"],
            "phinco.coffee",
            ["#phinco", "#phincocoffee", "#phincovn"],
        ),
        (["#nikerunning", "#running", "#nike"], "@nike", ["#nikerunning", "#nike"]),
        (
            ["#thecoffeehouse", "#coffee", "#thecoffee", "#house"],
            "the.coffee.house",
            ["#thecoffeehouse", "#thecoffee"],
        ),
        (["#phinco"], None, []),
        (["#phinco", "#phinco"], "phinco", ["#phinco"]),
    ],
)
def test_brand_hashtags_are_guessed_from_the_handle_letters(hashtags, handle, expected):
    assert guess_brand_hashtags(hashtags, handle) == expected


def test_typed_brand_hashtags_are_read_whatever_the_separators():
    assert parse_hashtags("#PhinCo, phincocoffee;#phinco  #PhinChallenge") == [
        "#phinco",
        "#phincocoffee",
        "#phinchallenge",
    ]
    assert parse_hashtags("  ") == []


def test_brand_hashtags_are_remembered_per_account():
    assert save_brand_hashtags("@PhinCo.Coffee", ["#PhinCo", "phincocoffee"]) is True
    assert save_brand_hashtags("other.brand", ["#other"]) is True
    assert load_brand_hashtags("phinco.coffee") == ["#phinco", "#phincocoffee"]
    assert load_brand_hashtags("other.brand") == ["#other"]
    assert load_brand_hashtags("never.named") is None


def test_sentiment_corrections_and_words_are_remembered_and_bad_entries_dropped(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    from analytics import preferences

    assert preferences.load_sentiment_edits() == {"corrections": {}, "lexicon": {}}
    assert preferences.save_sentiment_edits({"c1": "negative", "c2": "angry"}, {"grave": 2, "nope": 9})
    assert preferences.load_sentiment_edits() == {
        "corrections": {"c1": "negative"},
        "lexicon": {"grave": 2.0},
    }
    (tmp_path / "sentiment_edits.json").write_text("{not json", encoding="utf-8")
    assert preferences.load_sentiment_edits() == {"corrections": {}, "lexicon": {}}


def test_the_answer_to_which_commenter_is_the_brand_comes_back_after_a_restart(home):
    assert preferences.load_brand_answer() == (set(), set())
    assert preferences.save_brand_answer(
        {"6700000000000047514"}, {"6800000000000000001", "6700000000000047514"}
    )
    assert preferences.load_brand_answer() == ({"6700000000000047514"}, {"6800000000000000001"})


@pytest.mark.parametrize("content", ["{", "[1, 2]", '{"is": "6700", "is_not": [null, 5, " "]}'])
def test_a_damaged_brand_answer_reads_as_no_answer(home, content):
    (home / preferences.BRAND_ACCOUNTS_FILE).write_text(content, encoding="utf-8")
    assert preferences.load_brand_answer() == (set(), set())
