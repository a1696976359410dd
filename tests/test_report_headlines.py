"""Report headlines claim only what the data shows.

Every headline generator of the deck and HTML report (analytics/report/) is fed a handful of
videos, members or LIVEs, or groups that differ by no more than luck: the headline must say so
("too few", "could be luck", "no clear sign") or the finding is left out with its reason on the
methodology slide, never a "best slot" from two videos or "came back more often: 33% against 33%".
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pandas as pd

from analytics import db
from analytics.overview import Period
from analytics.report import build_report
from analytics.report.sections import _views_trend_headline

PERIOD = Period(date(2026, 3, 1), date(2026, 3, 28))
SMALL_NUMBER_PLURALS = re.compile(
    r"\b1 (videos|members|commenters|comments|LIVEs|followers|days|Champions)\b"
)


def load(**frames: list[dict]):
    return db.load_frames(db.connect(), {name: pd.DataFrame(rows) for name, rows in frames.items()})


def video(video_id: str, caption: str, posted_at: str, views: int, likes: int) -> dict:
    return {
        "video_id": video_id,
        "caption": caption,
        "posted_at": posted_at,
        "total_views": views,
        "total_likes": likes,
        "total_comments": 0,
        "total_shares": 0,
    }


def report(con, *sections: str):
    return build_report(con, period=PERIOD, sections=sections, salt="test", today=date(2026, 4, 1))


def headlines(found) -> dict[str, str]:
    return {finding.key: finding.headline for finding in found.findings}


def test_a_formats_chart_with_one_bar_is_left_out_and_the_methodology_says_why():
    con = load(videos=[video("1", "good morning", "2026-03-05 12:00", 1000, 80)])
    found = report(con, "formats")
    assert "formats_rate" not in headlines(found)
    assert any("Engagement by format" in line and "Other 1" in line for line in found.skipped)


def test_two_formats_within_luck_of_each_other_are_not_called_a_winner():
    videos = [
        video(f"t{i}", "how to brew: tutorial", f"2026-03-{i + 2:02d} 12:00", 1000, likes)
        for i, likes in enumerate([60, 100, 80, 70, 95, 85])
    ] + [
        video(f"c{i}", "the #latte challenge", f"2026-03-{i + 10:02d} 12:00", 1000, likes)
        for i, likes in enumerate([90, 70, 75, 85, 65, 80])
    ]
    found = report(load(videos=videos), "formats")
    headline = headlines(found)["formats_rate"]
    assert headline.startswith("No format clearly beats the others yet")
    assert " earn " not in headline


def test_a_posting_slot_of_two_videos_is_never_the_best_posting_slot():
    videos = [
        video("1", "tutorial one", "2026-03-04 13:00", 1000, 300),
        video("2", "tutorial two", "2026-03-11 13:00", 1000, 280),
        video("3", "tutorial three", "2026-03-06 08:00", 1000, 20),
    ]
    found = report(load(videos=videos), "formats")
    assert not any("posting slot" in headline.lower() for headline in headlines(found).values())
    assert any(line.startswith("Best posting time:") and "2 videos" in line for line in found.skipped)


def comment(comment_id: str, member: str, video_id: str, day: int, parent: str | None = None) -> dict:
    return {
        "comment_id": comment_id,
        "video_id": video_id,
        "member_id": member,
        "member_handle": member,
        "text": "love it" if member != "brand" else "thank you!",
        "commented_at": datetime(2026, 2, 1) + timedelta(days=day),
        "parent_comment_id": parent,
        "is_brand": member == "brand",
    }


def test_members_who_came_back_as_often_with_or_without_a_reply_get_no_came_back_more_claim():
    rows = []
    for index in range(12):
        member = f"fan{index:02d}"
        rows.append(comment(f"first-{member}", member, "v1", 1))
        if index < 6:  # the brand answers the first six
            rows.append(comment(f"reply-{member}", "brand", "v1", 2, parent=f"first-{member}"))
        if index in (0, 1, 6, 7):  # two of each group come back to another video
            rows.append(comment(f"back-{member}", member, "v2", 8))
    rows.append(comment("late", "fan11", "v3", 40))  # every first comment's 30 days are over
    found = report(load(comments=rows), "members")
    headline = headlines(found)["members_reply_effect"]
    assert "came back more often" not in headline and "came back less often" not in headline
    assert headline.startswith("No clear sign yet that answering brings members back: 33%")


def test_a_reply_rate_of_a_handful_of_comments_is_said_as_counts():
    rows = [
        comment("a", "fan1", "v1", 30),
        comment("b", "fan2", "v1", 31),
        comment("r", "brand", "v1", 31, parent="a"),
    ]
    found = report(load(comments=rows), "members")
    assert headlines(found)["members_replies"].startswith("The brand answered 1 of 2 member comments")


def test_one_promoter_and_one_detractor_are_too_few_to_call_a_tone():
    rows = [
        {**comment("a", "fan1", "v1", 30), "text": "I love this, amazing, best coffee ever"},
        {**comment("b", "fan2", "v1", 31), "text": "terrible, awful, worst coffee, disgusting"},
    ]
    found = report(load(comments=rows), "segments")
    headline = headlines(found)["segments_sentiment"]
    assert headline == "Too few members with a clear tone to call it yet: 1 promoter and 1 detractor"


def test_a_few_days_or_day_to_day_swings_are_not_called_a_trend():
    few, _ = _views_trend_headline(pd.Series([100.0, 900.0, 150.0, 1200.0, 1300.0]))
    assert "grew" not in few and "too few days to call a trend" in few
    swings = pd.Series([400, 1600] * 3 + [1000] + [1000] * 14 + [500, 1700] * 3 + [1100], dtype=float)
    steady, _ = _views_trend_headline(swings)
    assert steady.startswith("Daily views held steady") and "day-to-day swings" in steady
    rising = pd.Series([1000 + 100 * day for day in range(28)], dtype=float)
    assert _views_trend_headline(rising)[0] == "Daily views grew from 1,300 to 3,400 a day over the period"


def live(day: int, hour: int, viewers: int) -> dict:
    return {
        "started_at": datetime(2026, 2, 1, hour) + timedelta(days=day),
        "viewers": viewers,
        "peak_viewers": viewers,
    }


def test_two_lives_per_start_time_name_no_best_time_and_one_live_before_is_no_comparison():
    lives = [
        live(1, 20, 100),  # the previous period: one LIVE
        live(31, 20, 300),  # 4 Mar, a Wednesday
        live(38, 20, 320),
        live(34, 10, 100),  # Saturdays
        live(41, 10, 110),
    ]
    found = report(load(lives=lives), "live")
    found_headlines = headlines(found)
    assert "on the previous 28 days" not in found_headlines["live_viewers"]
    assert "too few LIVEs to compare" in found_headlines["live_viewers"]
    assert found_headlines["live_slots"].startswith("Too few LIVEs per start time to name a best one yet")


def test_small_reports_write_one_of_anything_in_the_singular():
    videos = [video("1", "good morning", "2026-03-05 12:00", 1000, 80)]
    rows = [comment("a", "fan1", "v1", 30), comment("r", "brand", "v1", 31, parent="a")]
    found = report(load(videos=videos, comments=rows), "formats", "members", "segments")
    words = " ".join([finding.headline + " " + finding.note for finding in found.findings] + found.skipped)
    assert not SMALL_NUMBER_PLURALS.search(words), SMALL_NUMBER_PLURALS.search(words)


def test_comments_outside_the_period_are_said_to_be_outside_it_not_missing():
    # A Content export of 2026 with a comments file of 2025: the methodology said "and no comments".
    con = load(
        videos=[video("1", "good morning", "2026-03-05 12:00", 1000, 80)],
        comments=[
            {
                "comment_id": "c1",
                "video_id": "9",
                "author_handle": "fan",
                "text": "love it",
                "created_at": "2025-05-01 10:00",
            }
        ],
    )
    found = report(con, "segments")
    assert (
        "Community segments: no audience files (TikTok Studio Followers export) and no comments in this period."
        in found.skipped
    )
