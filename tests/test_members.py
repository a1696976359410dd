"""Members, tiers and the brand's replies, on tiny comment tables whose answers are obvious by hand."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics import db, wording
from analytics.members import (
    TIER_ORDER,
    TierRules,
    excel_safe,
    member_hashtags,
    member_history,
    member_sentiment,
    member_stats,
    member_tiers,
    pseudonymize,
    reply_effect,
    reply_stats,
    tier_counts,
    tier_moves,
)

AS_OF = date(2026, 6, 30)
NOON = timedelta(hours=12)


def comment(
    comment_id: str,
    member_id: str,
    video_id: str,
    at: datetime | date,
    *,
    parent: str | None = None,
    likes: int = 0,
    text: str = "nice",
) -> dict:
    if type(at) is date:
        at = datetime.combine(at, datetime.min.time()) + NOON
    is_brand = member_id == "brand"
    return {
        "comment_id": comment_id,
        "video_id": video_id,
        "member_id": member_id,
        "member_handle": member_id.capitalize(),
        "member_name": f"{member_id.capitalize()} Name",
        "text": text,
        "commented_at": at,
        "likes": likes,
        "parent_comment_id": parent,
        "is_brand": is_brand,
    }


def connect(rows: list[dict], videos: list[dict] | None = None):
    con = db.connect()
    frames = {"comments": pd.DataFrame(rows)}
    if videos is not None:
        frames["videos"] = pd.DataFrame(videos)
    return db.load_frames(con, frames)


def member_comments(member_id: str, videos: int, weeks: int, last_days: int, first_days: int | None = None):
    """Comments on `videos` distinct videos over `weeks` distinct weeks, the last `last_days` before AS_OF."""
    last = AS_OF - timedelta(days=last_days)
    dates = [last - timedelta(days=7 * week) for week in range(weeks)]
    dates += [last] * max(0, videos - weeks)
    rows = [
        comment(f"{member_id}-{i}", member_id, f"v{i}", day)
        for i, day in enumerate(dates[: max(videos, weeks)])
    ]
    for i in range(videos, weeks):  # more weeks than videos: come back to the first video
        rows[i]["video_id"] = "v0"
    if first_days is not None:
        rows.append(comment(f"{member_id}-first", member_id, "v0", AS_OF - timedelta(days=first_days)))
    return rows


def tier_of(rows: list[dict], member_id: str) -> str:
    tiers = member_tiers(member_stats(connect(rows), as_of=AS_OF))
    return tiers.set_index("member_id").loc[member_id, "tier"]


@pytest.mark.parametrize(
    ("videos", "weeks", "last_days", "first_days", "expected"),
    [
        (5, 4, 30, None, "Champion"),
        (4, 4, 0, None, "Loyal"),
        (5, 3, 0, None, "Loyal"),
        (5, 4, 31, None, "At risk"),
        (3, 2, 30, None, "Loyal"),
        (2, 2, 0, 60, "Regular"),  # the comment 60 days ago adds a third week, no video
        (3, 1, 40, None, "Regular"),
        (3, 2, 31, None, "At risk"),
        (3, 2, 90, None, "At risk"),
        (3, 2, 91, None, "Lapsed"),
        (1, 1, 30, None, "New"),
        (1, 1, 31, None, "One-time"),
        (3, 1, 3, None, "New"),
        (2, 1, 40, None, "Regular"),
        (1, 3, 0, 60, "One-time"),
    ],
)
def test_each_tier_boundary_falls_on_the_side_metrics_md_says(videos, weeks, last_days, first_days, expected):
    rows = member_comments("anna", videos, weeks, last_days, first_days)
    assert tier_of(rows, "anna") == expected


def test_a_member_counts_once_per_distinct_video_week_and_day_with_every_column():
    rows = [
        comment("c1", "anna", "v1", datetime(2026, 6, 1, 9), likes=3),
        comment("c2", "anna", "v1", datetime(2026, 6, 1, 10), likes=1),
        comment("c3", "anna", "v2", datetime(2026, 6, 10, 9), likes=0),
        comment("b1", "brand", "v1", datetime(2026, 6, 1, 11), parent="c1"),
    ]
    stats = member_stats(connect(rows), as_of=AS_OF)
    assert stats.to_dict("records") == [
        {
            "member_id": "anna",
            "member_handle": "Anna",
            "member_name": "Anna Name",
            "count_comments": 3,
            "count_top_level_comments": 3,
            "count_videos": 2,
            "active_days": 2,
            "active_weeks": 2,
            "first_seen_at": pd.Timestamp("2026-06-01 09:00"),
            "last_seen_at": pd.Timestamp("2026-06-10 09:00"),
            "days_since_first": 29,
            "days_since_last": 20,
            "total_likes_received": 4,
            "count_brand_replies_received": 1,
            "score": 2.0,
            "as_of_date": pd.Timestamp("2026-06-30"),
        }
    ]


def test_the_brand_is_never_a_member_and_its_replies_count_for_whoever_it_answered():
    rows = [
        comment("c1", "anna", "v1", datetime(2026, 6, 1, 9)),
        comment("b1", "brand", "v1", datetime(2026, 6, 1, 10), parent="c1"),
        comment("c2", "anna", "v1", datetime(2026, 6, 1, 11), parent="b1"),  # Anna answers the brand
        comment("b2", "brand", "v1", datetime(2026, 6, 1, 12), parent="c2"),  # a reply to a reply to a reply
        comment("c3", "bob", "v1", datetime(2026, 6, 2, 9), parent="c1"),  # Bob joins Anna's thread
        comment("b3", "brand", "v1", datetime(2026, 6, 2, 10), parent="c3"),
        comment("b4", "brand", "v2", datetime(2026, 6, 3, 10)),  # the brand's own top-level comment
    ]
    stats = member_stats(connect(rows), as_of=AS_OF)
    assert stats[["member_id", "count_comments", "count_brand_replies_received"]].to_dict("records") == [
        {"member_id": "anna", "count_comments": 2, "count_brand_replies_received": 2},
        {"member_id": "bob", "count_comments": 1, "count_brand_replies_received": 1},
    ]


def test_thirty_one_comments_on_one_video_in_one_day_is_a_conversation_not_loyalty():
    day = AS_OF - timedelta(days=45)
    rows = [
        comment(f"c{i}", "chatty", "v1", datetime.combine(day, datetime.min.time()) + timedelta(minutes=i))
        for i in range(31)
    ]
    tiers = member_tiers(member_stats(connect(rows), as_of=AS_OF))
    assert tiers[["member_id", "count_comments", "count_videos", "tier", "reason"]].to_dict("records") == [
        {
            "member_id": "chatty",
            "count_comments": 31,
            "count_videos": 1,
            "tier": "One-time",
            "reason": "31 comments, all on 1 video: a conversation, not loyalty",
        }
    ]


def test_weeks_across_new_year_follow_iso_weeks_and_never_merge_week_one_of_two_years():
    rows = [
        # 31 Dec 2025 (Wed) and 2 Jan 2026 (Fri) are both in ISO week 2026-W01: one week.
        comment("a1", "anna", "v1", date(2025, 12, 31)),
        comment("a2", "anna", "v2", date(2026, 1, 2)),
        # 1 Jan 2025 and 1 Jan 2026 are both "week 1", a year apart: two weeks.
        comment("b1", "bob", "v1", date(2025, 1, 1)),
        comment("b2", "bob", "v2", date(2026, 1, 1)),
        # Sunday 28 Dec 2025 (2025-W52) and Monday 29 Dec 2025 (2026-W01): two weeks.
        comment("c1", "cleo", "v1", date(2025, 12, 28)),
        comment("c2", "cleo", "v2", date(2025, 12, 29)),
    ]
    stats = member_stats(connect(rows), as_of=date(2026, 1, 10))
    assert dict(zip(stats["member_id"], stats["active_weeks"], strict=True)) == {
        "anna": 1,
        "bob": 2,
        "cleo": 2,
    }


def test_comments_after_the_as_of_date_are_ignored_and_days_count_from_it():
    rows = [
        comment("c1", "anna", "v1", date(2026, 6, 1)),
        comment("c2", "anna", "v2", date(2026, 6, 10)),
        comment("c3", "anna", "v3", date(2026, 6, 20)),
        comment("b1", "brand", "v1", date(2026, 6, 12), parent="c1"),
        comment("c4", "bob", "v1", date(2026, 6, 25)),
    ]
    stats = member_stats(connect(rows), as_of=date(2026, 6, 10))
    assert stats[["member_id", "count_comments", "days_since_last", "count_brand_replies_received"]].to_dict(
        "records"
    ) == [{"member_id": "anna", "count_comments": 2, "days_since_last": 0, "count_brand_replies_received": 0}]


def test_as_of_defaults_to_the_newest_comment_and_a_period_start_limits_what_counts():
    rows = [
        comment("c1", "anna", "v1", date(2026, 5, 1)),
        comment("c2", "anna", "v2", date(2026, 6, 1)),
        comment("c3", "bob", "v1", date(2026, 6, 20)),
    ]
    con = connect(rows)
    everything = member_stats(con)
    assert everything[["member_id", "count_comments", "days_since_last"]].to_dict("records") == [
        {"member_id": "anna", "count_comments": 2, "days_since_last": 19},
        {"member_id": "bob", "count_comments": 1, "days_since_last": 0},
    ]
    june = member_stats(con, start=date(2026, 6, 1), end=date(2026, 6, 1))
    assert june[["member_id", "count_comments", "days_since_first", "as_of_date"]].to_dict("records") == [
        {
            "member_id": "anna",
            "count_comments": 1,
            "days_since_first": 0,
            "as_of_date": pd.Timestamp("2026-06-01"),
        }
    ]


def test_every_reason_says_the_numbers_behind_the_tier():
    rows = (
        member_comments("champ", 7, 5, 4)
        + member_comments("quiet", 3, 2, 45)
        + member_comments("gone", 3, 2, 120)
        + member_comments("newbie", 2, 1, 1)
        + member_comments("reg", 2, 1, 40)
        + member_comments("once", 1, 1, 200)
    )
    tiers = member_tiers(member_stats(connect(rows), as_of=AS_OF))
    assert tiers[["member_id", "tier", "reason"]].to_dict("records") == [
        {
            "member_id": "champ",
            "tier": "Champion",
            "reason": "commented on 7 videos over 5 weeks, last 4 days ago",
        },
        {
            "member_id": "quiet",
            "tier": "At risk",
            "reason": "commented on 3 videos over 2 weeks, but last 45 days ago: going quiet",
        },
        {
            "member_id": "gone",
            "tier": "Lapsed",
            "reason": "commented on 3 videos over 2 weeks, but last 120 days ago",
        },
        {"member_id": "newbie", "tier": "New", "reason": "first comment yesterday; 2 comments on 2 videos"},
        {
            "member_id": "reg",
            "tier": "Regular",
            "reason": "commented on 2 videos over 1 week, last 40 days ago",
        },
        {"member_id": "once", "tier": "One-time", "reason": "1 comment, 200 days ago"},
    ]


def test_the_score_decays_by_a_tenth_per_month_and_sorts_members_within_a_tier():
    rows = [
        comment("a1", "anna", "v1", AS_OF),
        comment("a2", "anna", "v2", AS_OF - timedelta(days=30)),
        comment("a3", "anna", "v3", AS_OF - timedelta(days=65)),
        comment("a4", "anna", "v4", AS_OF - timedelta(days=400)),  # older than 12 months: no weight
        comment("b1", "bob", "v1", AS_OF),
        comment("b2", "bob", "v2", AS_OF - timedelta(days=8)),
        comment("b3", "bob", "v3", AS_OF - timedelta(days=9)),
    ]
    tiers = member_tiers(member_stats(connect(rows), as_of=AS_OF))
    assert tiers[["member_id", "tier"]].to_dict("records") == [
        {"member_id": "bob", "tier": "Loyal"},
        {"member_id": "anna", "tier": "Loyal"},
    ]
    assert tiers["score"].round(6).tolist() == [3.0, round(1 + 0.9 + 0.81, 6)]


def test_every_threshold_can_be_edited_and_moves_are_listed():
    rows = (
        member_comments("anna", 4, 4, 2) + member_comments("bob", 3, 2, 2) + member_comments("cleo", 5, 4, 3)
    )
    stats = member_stats(connect(rows), as_of=AS_OF)
    before = member_tiers(stats)
    after = member_tiers(stats, replace(TierRules(), champion_min_videos=4, loyal_min_weeks=3))
    assert tier_moves(before, after).to_dict("records") == [
        {"from_tier": "Loyal", "to_tier": "Champion", "count_members": 1, "member_ids": ["anna"]},
        {"from_tier": "Loyal", "to_tier": "New", "count_members": 1, "member_ids": ["bob"]},
    ]
    assert tier_moves(before, after, include_unchanged=True)["count_members"].sum() == 3


def test_tier_counts_lists_every_tier_in_order_even_empty_ones():
    tiers = pd.DataFrame({"member_id": ["a", "b", "c", "d"], "tier": ["Loyal", "One-time", "Loyal", "New"]})
    counts = tier_counts(tiers)
    assert counts[["tier", "count_members", "share_of_members"]].to_dict("records") == [
        {"tier": "Champion", "count_members": 0, "share_of_members": 0.0},
        {"tier": "Loyal", "count_members": 2, "share_of_members": 0.5},
        {"tier": "At risk", "count_members": 0, "share_of_members": 0.0},
        {"tier": "Lapsed", "count_members": 0, "share_of_members": 0.0},
        {"tier": "New", "count_members": 1, "share_of_members": 0.25},
        {"tier": "Regular", "count_members": 0, "share_of_members": 0.0},
        {"tier": "One-time", "count_members": 1, "share_of_members": 0.25},
    ]


def test_an_empty_comments_table_gives_empty_members_and_zero_counts():
    con = db.connect()
    tiers = member_tiers(member_stats(con))
    assert tiers.empty
    assert tier_counts(tiers)["count_members"].tolist() == [0] * len(TIER_ORDER)
    assert reply_stats(con).to_dict("records")[0]["count_top_level_comments"] == 0


def test_thresholds_that_make_no_sense_are_refused_in_words():
    with pytest.raises(ValueError, match="at risk"):
        TierRules(active_days=60, at_risk_days=30)
    with pytest.raises(ValueError, match="at least 0"):
        TierRules(champion_min_videos=-1)


def reply_rows() -> list[dict]:
    start = datetime(2026, 6, 1, 8)
    return [
        comment("c1", "anna", "v1", start),
        comment("b1", "brand", "v1", start + timedelta(hours=1), parent="c1"),
        comment(
            "b1b", "brand", "v1", start + timedelta(hours=5), parent="c1"
        ),  # second reply: first one counts
        comment("c2", "bob", "v1", start),
        comment("b2", "brand", "v1", start + timedelta(hours=3), parent="c2"),
        comment("c3", "cleo", "v2", start),
        comment("c3r", "dan", "v2", start + timedelta(hours=1), parent="c3"),
        comment("b3", "brand", "v2", start + timedelta(hours=2), parent="c3r"),  # answers Dan, not Cleo
        comment("c4", "dan", "v2", start),
        comment("b4", "brand", "v2", start + timedelta(hours=10), parent="c4"),
    ]


def test_reply_rate_and_median_hours_to_first_reply_match_a_count_by_hand():
    stats = reply_stats(connect(reply_rows()))
    assert stats.to_dict("records") == [
        {
            "count_top_level_comments": 4,
            "count_replied_comments": 3,
            "reply_rate": 0.75,
            "median_hours_to_first_reply": 3.0,
            "replies_shown": True,
        }
    ]


def test_reply_rate_splits_by_format_from_videos_or_from_a_given_table():
    videos = [{"video_id": "v1", "format": "Tutorial"}, {"video_id": "v2", "format": "Challenge"}]
    expected = [
        {
            "format": "Challenge",
            "count_top_level_comments": 2,
            "count_replied_comments": 1,
            "reply_rate": 0.5,
            "median_hours_to_first_reply": 10.0,
        },
        {
            "format": "Tutorial",
            "count_top_level_comments": 2,
            "count_replied_comments": 2,
            "reply_rate": 1.0,
            "median_hours_to_first_reply": 2.0,
        },
    ]
    assert reply_stats(connect(reply_rows(), videos), by="format").to_dict("records") == expected
    given = pd.DataFrame(videos)
    assert reply_stats(connect(reply_rows()), by="format", formats=given).to_dict("records") == expected


def test_reply_rate_splits_by_tier_in_tier_order():
    tiers = pd.DataFrame({"member_id": ["anna", "bob", "cleo"], "tier": ["One-time", "Champion", "One-time"]})
    stats = reply_stats(connect(reply_rows()), by="tier", tiers=tiers)
    assert stats[["tier", "count_top_level_comments", "count_replied_comments"]].to_dict("records") == [
        {"tier": "Champion", "count_top_level_comments": 1, "count_replied_comments": 1},
        {"tier": "One-time", "count_top_level_comments": 2, "count_replied_comments": 1},
        {"tier": "Unknown", "count_top_level_comments": 1, "count_replied_comments": 1},
    ]


def test_reply_stats_refuses_an_unknown_split():
    with pytest.raises(ValueError, match="format"):
        reply_stats(connect(reply_rows()), by="hashtag")


def effect_rows() -> list[dict]:
    """Five answered newcomers (four come back), five ignored ones (one comes back)."""
    start = datetime(2026, 1, 1, 12)
    rows = []
    for i in range(5):
        rows.append(comment(f"r{i}", f"replied{i}", "v1", start))
        rows.append(comment(f"rb{i}", "brand", "v1", start + timedelta(hours=2), parent=f"r{i}"))
        rows.append(
            comment(f"rt{i}", f"replied{i}", "v1", start + timedelta(hours=3), parent=f"rb{i}")
        )  # "thanks!"
        if i < 4:
            rows.append(comment(f"rr{i}", f"replied{i}", "v2", start + timedelta(days=10)))
        rows.append(comment(f"n{i}", f"ignored{i}", "v1", start))
        if i < 1:
            rows.append(comment(f"nr{i}", f"ignored{i}", "v3", start + timedelta(days=29)))
        if i == 4:  # comes back, but after the 30-day window
            rows.append(comment(f"nl{i}", f"ignored{i}", "v3", start + timedelta(days=31)))
    rows.append(comment("late", "latecomer", "v4", datetime(2026, 3, 1)))  # window not over yet
    rows.append(comment("end", "ignored1", "v4", datetime(2026, 3, 20)))  # newest comment in the data
    return rows


def test_reply_effect_compares_return_rates_of_answered_and_ignored_first_comments():
    effect = reply_effect(connect(effect_rows()), seed=0, n_boot=2000)
    low, high = effect.pop("difference_low"), effect.pop("difference_high")
    sentence = effect.pop("sentence")
    assert effect == {
        "window_days": 30,
        "count_replied_members": 5,
        "count_not_replied_members": 5,
        "count_returned_replied_members": 4,
        "count_returned_not_replied_members": 1,
        "count_too_recent_members": 1,
        "return_rate_replied": 0.8,
        "return_rate_not_replied": 0.2,
        "difference": pytest.approx(0.6),
        "confidence": 0.95,
        "replies_shown": True,
    }
    assert -1 <= low < 0.6 < high <= 1
    interval = f"95% interval {wording.signed_count(low * 100)} to {wording.signed_count(high * 100)})"
    assert sentence.startswith(
        "Of 5 members whose first comment got a reply from the brand within 30 days, 80.0% commented on "
        "another video within 30 days; of 5 members who got no reply, 20.0% did (a difference of +60 points, "
        + interval
    )
    assert "an association, not proof" in sentence


def test_reply_effect_is_repeatable_with_a_seed_and_says_when_groups_are_too_small():
    con = connect(effect_rows())
    assert reply_effect(con, seed=3) == reply_effect(con, seed=3)
    small = reply_effect(con, min_members=6)
    assert (small["difference"], small["difference_low"], small["difference_high"]) == (None, None, None)
    assert small["sentence"] == (
        "Not enough members to say: 5 got a reply to their first comment and 5 did not "
        "(at least 6 in each group are needed)."
    )


def test_member_history_lists_their_comments_newest_first_with_caption_and_brand_reply():
    videos = [
        {"video_id": "v1", "caption": "How to brew #coffeetok"},
        {"video_id": "v2", "caption": "Our story"},
    ]
    history = member_history(
        connect(reply_rows() + [comment("c9", "anna", "v2", datetime(2026, 6, 5))], videos), "anna"
    )
    assert history[
        ["comment_id", "video_caption", "is_reply", "is_brand_replied", "count_brand_replies"]
    ].to_dict("records") == [
        {
            "comment_id": "c9",
            "video_caption": "Our story",
            "is_reply": False,
            "is_brand_replied": False,
            "count_brand_replies": 0,
        },
        {
            "comment_id": "c1",
            "video_caption": "How to brew #coffeetok",
            "is_reply": False,
            "is_brand_replied": True,
            "count_brand_replies": 2,
        },
    ]
    assert history.loc[1, "first_brand_reply_at"] == pd.Timestamp("2026-06-01 09:00")


def test_pseudonyms_are_stable_ignore_case_and_at_sign_and_change_with_the_salt():
    handles = pd.Series(["Anna", "@anna ", "bob", None], name="member_handle")
    first = pseudonymize(handles, salt="s3cret")
    again = pseudonymize(pd.Series(["bob", "anna"]), salt="s3cret")
    other = pseudonymize(handles, salt="another")
    assert first.tolist()[0] == first.tolist()[1] == again.tolist()[1]
    assert first.tolist()[2] == again.tolist()[0] != first.tolist()[0]
    assert first.tolist()[3] is None
    assert all(re.fullmatch(r"member-[0-9a-f]{12}", value) for value in first.dropna())
    assert other.tolist()[0] != first.tolist()[0]
    assert first.name == "member_handle"
    with pytest.raises(ValueError, match="salt"):
        pseudonymize(handles, salt="")


def test_excel_safe_quotes_cells_that_would_run_as_formulas_and_leaves_numbers_and_handles_alone():
    frame = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x")', "+1", "-2", "@sum(1)", "\tTab", "\rCR", "fine", None],
            "likes": [1, -2, 3, 4, 5, 6, 7, 8],
            "mixed": pd.Series(["=1", 2, None, "@fan_036", -5, "-x", 1.5, "@"], dtype=object),
        }
    )
    safe = excel_safe(frame)
    assert safe.to_dict("list") == {
        "text": ['\'=HYPERLINK("http://x")', "'+1", "-2", "'@sum(1)", "'\tTab", "'\rCR", "fine", np.nan],
        "likes": [1, -2, 3, 4, 5, 6, 7, 8],
        "mixed": ["'=1", 2, None, "@fan_036", -5, "'-x", 1.5, "'@"],
    }
    assert frame.loc[0, "text"] == '=HYPERLINK("http://x")'  # the original is left untouched


def test_member_hashtags_lists_the_communities_of_the_videos_they_comment_on_most_first():
    videos = [
        {"video_id": "v1", "caption": "Latte art #CoffeeTok #barista"},
        {"video_id": "v2", "caption": "Morning brew #coffeetok #café"},
        {"video_id": "v3", "caption": "No tags here"},
    ]
    rows = [
        comment("a1", "anna", "v1", date(2026, 6, 1)),
        comment("a2", "anna", "v1", date(2026, 6, 2)),  # the same video twice counts once
        comment("a3", "anna", "v2", date(2026, 6, 3)),
        comment("b1", "bob", "v3", date(2026, 6, 3)),
        comment("x1", "brand", "v2", date(2026, 6, 4)),
    ]
    hashtags = member_hashtags(connect(rows, videos), top=2)
    assert hashtags.to_dict("records") == [
        {"member_id": "anna", "top_hashtags": ["#coffeetok", "#barista"], "top_hashtag_count_videos": [2, 1]}
    ]


def test_member_sentiment_calls_members_with_more_positive_than_negative_comments_promoters():
    rows = [
        comment("a1", "anna", "v1", date(2026, 6, 1)),
        comment("a2", "anna", "v2", date(2026, 6, 2)),
        comment("b1", "bob", "v1", date(2026, 6, 3)),
        comment("c1", "cleo", "v1", date(2026, 6, 3)),
        comment("x1", "brand", "v1", date(2026, 6, 4)),
    ]
    labels = pd.DataFrame(
        {"label": ["positive", "neutral", "negative", "neutral", "positive"]},
        index=["a1", "a2", "b1", "c1", "x1"],
    )
    assert member_sentiment(connect(rows), labels).to_dict("records") == [
        {
            "member_id": "anna",
            "count_labelled_comments": 2,
            "count_positive_comments": 1,
            "count_negative_comments": 0,
            "positive_response_rate": 0.5,
            "sentiment_segment": "Promoter",
        },
        {
            "member_id": "bob",
            "count_labelled_comments": 1,
            "count_positive_comments": 0,
            "count_negative_comments": 1,
            "positive_response_rate": 0.0,
            "sentiment_segment": "Detractor",
        },
        {
            "member_id": "cleo",
            "count_labelled_comments": 1,
            "count_positive_comments": 0,
            "count_negative_comments": 0,
            "positive_response_rate": 0.0,
            "sentiment_segment": "Neutral",
        },
    ]


def test_the_members_module_never_imports_streamlit():
    script = "import sys, analytics.members; print('streamlit' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    finished = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert finished.stdout.strip() == "False"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_member_stats_agrees_with_a_plain_pandas_count_on_random_tables(seed):
    rng = random.Random(seed)
    start = datetime(2025, 11, 1)
    rows = []
    for i in range(300):
        at = start + timedelta(minutes=rng.randrange(0, 120 * 24 * 60))
        member = "brand" if rng.random() < 0.1 else f"m{rng.randrange(25)}"
        parent = f"c{rng.randrange(i)}" if i and (member == "brand" or rng.random() < 0.2) else None
        rows.append(
            comment(f"c{i}", member, f"v{rng.randrange(12)}", at, parent=parent, likes=rng.randrange(5))
        )
    as_of = date(2026, 1, 15)
    frame = pd.DataFrame(rows)
    visible = frame[frame["commented_at"] < pd.Timestamp(as_of) + pd.Timedelta(days=1)]
    brand_replies = visible[visible["is_brand"]].groupby("parent_comment_id").size()
    own = visible[~visible["is_brand"]].assign(
        day=lambda f: f["commented_at"].dt.normalize(),
        week=lambda f: (
            f["commented_at"].dt.normalize() - pd.to_timedelta(f["commented_at"].dt.day_of_week, unit="D")
        ),
        replies=lambda f: f["comment_id"].map(brand_replies).fillna(0),
    )
    expected = (
        own.groupby("member_id")
        .agg(
            count_comments=("comment_id", "size"),
            count_videos=("video_id", "nunique"),
            active_days=("day", "nunique"),
            active_weeks=("week", "nunique"),
            total_likes_received=("likes", "sum"),
            count_brand_replies_received=("replies", "sum"),
            last_seen_at=("commented_at", "max"),
        )
        .reset_index()
    )
    expected["days_since_last"] = (pd.Timestamp(as_of) - expected.pop("last_seen_at").dt.normalize()).dt.days
    counts = {column: "int64" for column in expected.columns if column != "member_id"}
    actual = member_stats(connect(rows), as_of=as_of)[expected.columns]
    assert actual.astype(counts).to_dict("records") == expected.astype(counts).to_dict("records")
