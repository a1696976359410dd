"""The Members page, driven through AppTest on the demo brand and after an upload without comments."""

from __future__ import annotations

import pytest

from tests.apptest import app

OVERVIEW_CSV = (
    '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"'
).encode()


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


@pytest.fixture(scope="module")
def members():
    at = app()
    at.switch_page("pages/members.py").run()
    return at


def metric(at, label):
    return next(item.value for item in at.metric if item.label == label)


def table_with(at, column):
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def test_the_members_page_renders_on_the_demo_with_tiers_lists_replies_and_sentiment(members):
    at = members
    assert not at.exception and not at.error
    assert metric(at, "Members") == "3,531"
    assert metric(at, "Champions") == "60"
    assert metric(at, "At risk") == "88"
    charts = {chart.proto.id for chart in at.get("plotly_chart")}
    assert len(charts) >= 7
    labels = [tab.label for tab in at.tabs]
    assert {"Tiers", "Lists to act on", "One member", "Replies", "Sentiment"} <= set(labels)
    assert "Champions: ambassador candidates (60)" in labels and "At risk: win them back (88)" in labels
    everyone = table_with(at, "Why this tier")
    assert len(everyone) == 3531
    assert everyone["Why this tier"].str.len().gt(10).all()
    assert everyone["Member"].str.startswith("@").all()
    assert any("association, not proof" in box.value for box in at.info)
    # The history of the first member (a Champion) is shown with each comment's sentiment.
    assert "Sentiment" in table_with(at, "The brand's reply").columns


def test_changing_a_threshold_changes_the_tier_counts_and_lists_who_moved():
    at = app()
    at.switch_page("pages/members.py").run()
    before = table_with(at, "Why this tier")["Tier"].value_counts()
    assert not [frame for frame in at.dataframe if "From (default rules)" in frame.value.columns]
    at.number_input(key="members_rule_champion_min_videos").set_value(70).run()
    assert not at.exception and not at.error
    after = table_with(at, "Why this tier")["Tier"].value_counts()
    assert after["Champion"] < before["Champion"] == 60
    assert metric(at, "Champions") == f"{after['Champion']:,}"
    moves = table_with(at, "From (default rules)")
    assert moves["From (default rules)"].tolist() == ["Champion"]
    assert moves["To (your rules)"].tolist() == ["Loyal"]
    assert moves["Members"].tolist() == [60 - after["Champion"]]
    assert moves["Who (most active first)"].iloc[0].startswith("@")
    at.button(key="members_reset_rules").click().run()
    assert metric(at, "Champions") == "60"


def test_rules_that_make_no_sense_get_a_sentence_not_a_traceback():
    at = app()
    at.switch_page("pages/members.py").run()
    at.number_input(key="members_rule_at_risk_days").set_value(10).run()
    assert not at.exception
    assert "at least the 'active' limit" in at.error[0].value


def test_the_pseudonym_switch_replaces_every_handle_in_the_tables():
    at = app()
    at.switch_page("pages/members.py").run()
    handles = table_with(at, "Why this tier")["Member"]
    at.toggle(key="members_pseudonymize").set_value(True).run()
    assert not at.exception
    pseudonyms = table_with(at, "Why this tier")["Member"]
    assert pseudonyms.str.fullmatch(r"member-[0-9a-f]{12}").all()
    assert not set(handles) & set(pseudonyms)
    assert pseudonyms.is_unique


def test_the_as_of_date_moves_the_tiers_back_in_time():
    at = app()
    at.switch_page("pages/members.py").run()
    from datetime import date

    at.date_input(key="members_as_of").set_value(date(2026, 8, 31)).run()
    assert not at.exception and not at.error
    assert metric(at, "Champions") == "150"


def test_a_word_added_to_the_brand_lexicon_is_listed_and_labels_are_recomputed():
    at = app()
    at.switch_page("pages/members.py").run()
    at.text_input(key="members_lexicon_word").input("Grave")
    at.selectbox(key="members_lexicon_feeling").select("Positive")
    at.button(key="members_lexicon_add").click().run()
    assert not at.exception
    assert any("“grave” (positive)" in caption.value for caption in at.caption)


def test_after_an_upload_without_comments_the_page_says_which_file_it_needs():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value([("Overview.csv", OVERVIEW_CSV, "text/csv")]).run()
    at.switch_page("pages/members.py").run()
    assert not at.exception and not at.error
    assert any("comments export" in box.value for box in at.info)
