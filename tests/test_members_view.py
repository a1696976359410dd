"""The Members page's model (`members_view`): its numbers are the tiers', and the deck and the page show them."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from datetime import date

import pandas as pd
import pytest

from analytics import segments, wording
from analytics.members import TierRules, member_stats, member_tiers, reply_stats, tier_counts
from analytics.overview import Period
from analytics.report import build_report, default_report_period
from analytics.sample import demo_workspace
from analytics.views.members import PRIVATE_COLUMNS, TabWork, for_download, members_view, tiers_as_of
from tests.test_members import comment, connect


@pytest.fixture(scope="module")
def demo():
    return demo_workspace()


@pytest.fixture(scope="module")
def period(demo):
    return default_report_period(demo.con, None)


def tile(view, label):
    return next(item for item in view.tiles if item.label == label)


def test_its_tier_counts_are_member_tiers_on_the_demo_and_its_tiles_say_them(demo):
    view = members_view(demo.con, period=None, real_handles=True)
    tiers = member_tiers(member_stats(demo.con))
    expected = tier_counts(tiers).set_index("tier")["count_members"]
    assert view.count == {tier: int(count) for tier, count in expected.items()}
    assert view.count_members == len(tiers) == 3531
    assert tile(view, "Members").value == "3,531"
    assert tile(view, "Champions").value == f"{expected['Champion']:,}" == "60"
    assert tile(view, "At risk").value == f"{expected['At risk']:,}" == "88"
    assert tile(view, "Loyal").value == f"{expected['Loyal']:,}"
    assert tile(view, "New").value == f"{expected['New']:,}"
    assert view.as_of == pd.Timestamp(tiers["as_of_date"].iloc[0]).date()
    newcomers = segments.new_members(tiers)
    assert list(view.newcomers["member_id"]) == list(newcomers["member_id"])
    assert f"{len(newcomers):,} people commented for the first time" in tile(view, "New").help


def test_its_reply_rate_is_the_periods_against_the_period_before(demo, period):
    view = members_view(demo.con, period=period, real_handles=True)
    now = reply_stats(demo.con, start=period.start, end=period.end).iloc[0]
    before = reply_stats(demo.con, start=period.previous().start, end=period.previous().end).iloc[0]
    assert view.reply_rate == pytest.approx(now["reply_rate"])
    assert tile(view, "Reply rate").value == f"{now['reply_rate']:.1%}"
    points = (now["reply_rate"] - before["reply_rate"]) * 100
    assert tile(view, "Reply rate").change == f"{points:+.1f} pts"


def test_the_decks_member_slides_say_the_views_numbers(demo, period):
    report = build_report(demo.con, period=period, sections=["members"], salt="s3cret")
    as_of = tiers_as_of(demo.con, period)
    said = {finding.key: finding for finding in report.findings}
    view = members_view(demo.con, period=period, as_of=as_of, salt="s3cret")
    # Counted again from scratch, as of the deck's day: the deck and the view both say it.
    count = tier_counts(member_tiers(member_stats(demo.con, as_of=as_of))).set_index("tier")["count_members"]
    assert said["members_tiers"].headline == view.headline
    assert f"{count['Champion'] + count['Loyal']:,} members keep coming back" in view.headline
    assert f"{count['Champion']:,} Champions and {count['Loyal']:,} Loyal" in view.headline
    assert said["members_tiers"].note.startswith(view.note)
    assert f"{count['At risk']:,} were loyal" in view.note
    # "Commented for the first time in the last 30 days" counts everyone the page's New list shows, not
    # only the New tier (the deck said the tier's 275 where 294 people had).
    tiers = member_tiers(member_stats(demo.con, as_of=as_of))
    newcomers = segments.new_members(tiers)
    assert len(newcomers) > count["New"]
    assert (
        f"{len(newcomers):,} commented for the first time in the last 30 days" in said["members_tiers"].note
    )
    assert f"({count['New']:,} in the New tier" in said["members_tiers"].note
    slices = said["members_tiers"].native.series[0][1]
    assert slices == [float(n) for n in view.counts["count_members"] if n > 0]
    assert said["members_replies"].headline.startswith(
        f"The brand answered {wording.value(view.reply_rate, 'percent')} of members' comments"
    )
    champions = said["members_champions"].table["Member"].tolist()
    assert (
        champions
        == view.tiers.loc[view.tiers["tier"] == "Champion", "member_id"].head(10).map(view.names).tolist()
    )
    assert all(name.startswith("member-") for name in champions)


def test_rules_being_tried_tier_the_view_and_say_who_moves_from_the_saved_ones(demo):
    saved = TierRules()
    tried = replace(saved, champion_min_videos=70)
    view = members_view(demo.con, period=None, rules=tried, saved_rules=saved, real_handles=True)
    assert view.is_what_if and view.saved_rules_name == "default rules"
    assert view.count["Champion"] < 60 == int((view.saved_tiers["tier"] == "Champion").sum())
    assert tile(view, "Champions").value == f"{view.count['Champion']:,}"
    assert view.moves["count_members"].sum() == 60 - view.count["Champion"]
    assert members_view(demo.con, period=None, real_handles=True).moves is None


def test_the_view_cannot_be_changed_after_it_is_made(demo):
    view = members_view(demo.con, period=None, real_handles=True)
    with pytest.raises(FrozenInstanceError):
        view.headline = "something else"


def test_the_tiles_never_wait_for_sentiment_and_the_tab_work_is_done_once(demo):
    from analytics import labels

    before = labels.texts_labelled
    view = members_view(demo.con, period=None, real_handles=True)
    assert labels.texts_labelled == before
    work = TabWork(demo.con, view)
    first = work.profiles()
    assert work.profiles() is first
    assert len(first) == view.count_members and "positive_response_rate" in first


def test_a_pseudonymised_download_carries_no_handle_name_or_comment_text(demo):
    view = members_view(demo.con, period=None, salt="s3cret")
    profiles = (
        TabWork(demo.con, view).profiles().assign(profile_link="https://www.tiktok.com/@x", video_link="v")
    )
    columns = [*view.table_columns, "positive_response_rate", "communities", "usual_format", *PRIVATE_COLUMNS]
    shared = for_download(view, profiles, columns)
    assert not set(PRIVATE_COLUMNS) & set(shared.columns)
    cells = set(shared.astype(str).to_numpy().ravel())
    handles = set(profiles["member_handle"].dropna()) | set(profiles["member_name"].dropna())
    assert handles and not cells & handles
    assert not any(handle in cell for cell in cells for handle in list(handles)[:200] if len(handle) > 3)
    assert shared["member"].str.fullmatch(r"member-[0-9a-f]{12}").all()
    # With real handles chosen, the same columns go, comment text included.
    named = members_view(demo.con, period=None, real_handles=True)
    assert "last_comment_text" in for_download(named, profiles, columns)


def test_an_export_without_replies_says_so_in_the_tile_not_zero_percent():
    rows = [comment(f"c{i}", f"fan{i % 3}", f"v{i % 4}", date(2026, 6, 1 + i)) for i in range(8)]
    con = connect(rows)
    con.execute("update comments set replies_known = false")
    period = Period(date(2026, 6, 1), date(2026, 6, 30))
    view = members_view(con, period=period, real_handles=True)
    rate = tile(view, "Reply rate")
    assert (rate.value, rate.change, rate.muted) == ("—", "not in this export", True)
    assert view.reply_rate is None and "count_brand_replies_received" not in view.table_columns
    assert view.note.endswith("Reply rate not measured: this export does not show replies.")


def test_tiers_are_counted_up_to_the_newest_comment_for_the_latest_period_and_an_earlier_periods_last_day(
    demo,
):
    from analytics.overview import Period

    # The demo's daily files end on 21 Nov; its comment export runs to the next morning, 22 Nov.
    assert tiers_as_of(demo.con, None) == date(2026, 11, 22)
    assert tiers_as_of(demo.con, Period(date(2026, 8, 24), date(2026, 11, 21))) == date(2026, 11, 22)
    assert tiers_as_of(demo.con, Period(date(2026, 10, 1), date(2026, 10, 31))) == date(2026, 10, 31)
    assert tiers_as_of(demo.con, Period(date(2025, 1, 1), date(2025, 1, 31))) == date(
        2026, 5, 25
    )  # the first
