"""Acting on the member lists: links checked before they are built, contacted marks, who came back."""

from __future__ import annotations

import json
from datetime import date, datetime

import pandas as pd
import pytest

from analytics import db
from analytics.outreach import (
    CONTACTED,
    clean_contacted,
    contact_outcomes,
    contact_summary,
    load_contacted,
    member_links,
    profile_link,
    save_contacted,
    video_link,
    with_contacts,
    with_outcomes,
)
from analytics.preferences import FolderMemory, SessionMemory

VIDEO = "7507890376124992786"

# ---------------------------------------------------------------- links


@pytest.mark.parametrize(
    "handle, link",
    [
        ("phin.co_vn", "https://www.tiktok.com/@phin.co_vn"),
        ("@sarah_voyage", "https://www.tiktok.com/@sarah_voyage"),
        ("_x.", "https://www.tiktok.com/@_x."),
        ("Emily.Brews01", "https://www.tiktok.com/@Emily.Brews01"),
    ],
)
def test_a_real_handle_with_dots_and_underscores_links_to_its_profile(handle, link):
    assert profile_link(handle) == link


@pytest.mark.parametrize(
    "handle",
    [
        "Linh Tran",  # a display name
        "Nguyễn Văn A",
        "veroh rinah😍🦋",
        "6812345678901234567",  # TikTok's user id, not a handle
        "javascript:alert(1)",
        'x" onmouseover="alert(1)',
        "x'y",
        "<script>",
        "a/b",
        "a?b=1",
        "a#b",
        "a%2Fb",
        "a\nb",
        " spaced",
        "...",
        "",
        "@",
        "a" * 25,
        None,
        float("nan"),
        123,
    ],
)
def test_a_display_name_an_id_or_an_injection_attempt_gets_no_profile_link(handle):
    assert profile_link(handle) is None


@pytest.mark.parametrize(
    "url, link",
    [
        (  # the Excel exporter: its query (a comment id) is dropped
            f"https://www.tiktok.com/@mcexodus/video/{VIDEO}?commentId=7520277325789266744",
            f"https://www.tiktok.com/@mcexodus/video/{VIDEO}",
        ),
        (  # a share link: kept without the sharer's and the comment author's ids
            f"https://t.tiktok.com/i18n/share/video/{VIDEO}/?comment_author_id=726676254473&u_code=0",
            f"https://t.tiktok.com/i18n/share/video/{VIDEO}/",
        ),
        (f"http://WWW.TikTok.com/@kumparan/video/{VIDEO}", f"https://www.tiktok.com/@kumparan/video/{VIDEO}"),
        (f"https://www.tiktok.com/@phin.co/photo/{VIDEO}", f"https://www.tiktok.com/@phin.co/photo/{VIDEO}"),
    ],
)
def test_a_comments_own_tiktok_video_link_is_used_without_its_query(url, link):
    assert video_link(url, VIDEO, "someone_else") == link


@pytest.mark.parametrize(
    "url",
    [
        f"javascript:alert(1)//www.tiktok.com/@x/video/{VIDEO}",
        f"https://www.tiktok.com.evil.example/@x/video/{VIDEO}",
        f"https://evil.example/@x/video/{VIDEO}",
        f"https://user:pass@www.tiktok.com/@x/video/{VIDEO}",
        f"https://www.tiktok.com:8443/@x/video/{VIDEO}",
        f'https://www.tiktok.com/@x"onmouseover="alert(1)/video/{VIDEO}',
        f"https://www.tiktok.com/@x/video/{VIDEO}/../../logout",
        "https://www.tiktok.com/@phinco.coffee",  # not a video
        f"data:text/html,<a href=https://www.tiktok.com/@x/video/{VIDEO}>",
        "not a link",
    ],
)
def test_a_link_that_is_not_a_tiktok_video_page_is_never_used(url):
    assert video_link(url, None, None) is None
    # With the video id and the account known, the link is built from them instead.
    assert video_link(url, VIDEO, "@phinco.coffee") == f"https://www.tiktok.com/@phinco.coffee/video/{VIDEO}"


@pytest.mark.parametrize(
    "video_id, account",
    [
        (VIDEO, None),
        (VIDEO, "Phin & Co"),
        (VIDEO, "javascript:alert(1)"),
        ("12ab", "phinco"),
        (f"{VIDEO}?x=1", "phinco"),
        (None, "phinco"),
    ],
)
def test_without_a_usable_link_the_video_link_needs_a_numeric_id_and_a_real_account(video_id, account):
    assert video_link(None, video_id, account) is None


def comment_row(comment_id, member_id, at, *, video=VIDEO, url=None, handle=None, is_brand=False):
    return {
        "comment_id": comment_id,
        "video_id": video,
        "video_url": url,
        "member_id": member_id,
        "member_handle": handle,
        "text": "nice",
        "commented_at": at,
        "is_brand": is_brand,
    }


def test_each_member_links_to_the_video_of_their_last_comment_up_to_the_as_of_day():
    older, newer, unknown = "7500000000000000001", "7500000000000000002", "7500000000000000003"
    con = db.load_frames(
        db.connect(),
        {
            "comments": pd.DataFrame(
                [
                    comment_row("c1", "u1", datetime(2026, 5, 1, 9), video=older),
                    comment_row("c2", "u1", datetime(2026, 5, 9, 9), video=newer),
                    comment_row("c3", "u1", datetime(2026, 5, 9, 10), video=older, is_brand=True),
                    comment_row("c4", "u2", datetime(2026, 5, 2), video=unknown),
                    comment_row(
                        "c5", "u3", datetime(2026, 5, 3), url=f"https://www.tiktok.com/@shop/video/{VIDEO}"
                    ),
                ]
            ),
            "videos": pd.DataFrame(
                [
                    {"video_id": older, "account_handle": "phinco.coffee"},
                    {"video_id": newer, "account_handle": "phinco.coffee"},
                ]
            ),
        },
    )
    members = pd.DataFrame(
        {"member_id": ["u3", "u1", "u2"], "member_handle": ["shop_fan", "Linh Tran", None]}
    )
    links = member_links(con, members, account="fallback.account")
    assert links[["member_id", "profile_link", "video_link"]].to_dict("records") == [
        {
            "member_id": "u3",
            "profile_link": "https://www.tiktok.com/@shop_fan",
            "video_link": f"https://www.tiktok.com/@shop/video/{VIDEO}",
        },
        {  # the brand's later comment is not theirs; a display name gets no profile link
            "member_id": "u1",
            "profile_link": None,
            "video_link": f"https://www.tiktok.com/@phinco.coffee/video/{newer}",
        },
        {  # no Content export names this video's account: the workspace's account is used
            "member_id": "u2",
            "profile_link": None,
            "video_link": f"https://www.tiktok.com/@fallback.account/video/{unknown}",
        },
    ]
    earlier = member_links(con, members.iloc[[1]], as_of=date(2026, 5, 8))
    assert earlier["video_link"].tolist() == [f"https://www.tiktok.com/@phinco.coffee/video/{older}"]
    assert member_links(con, members.iloc[[2]])["video_link"].tolist() == [None]  # no account known


# ---------------------------------------------------------------- contacted marks


def test_only_well_formed_marks_are_read_back():
    stored = {
        "6812345678901234567": "2026-10-03",
        "linh.tran": "2026-09-30",
        "yesterday": "yesterday",
        "month 13": "2026-13-01",
        "with time": "2026-10-03T10:00:00",
        "a number": 20261003,
        "": "2026-10-03",
        "   ": "2026-10-03",
        "too old": "1999-01-01",
        "x" * 201: "2026-10-03",
    }
    assert clean_contacted(stored) == {
        "6812345678901234567": date(2026, 10, 3),
        "linh.tran": date(2026, 9, 30),
    }
    assert clean_contacted(["linh.tran", "2026-10-03"]) == {}
    assert clean_contacted(None) == {}


def test_marks_are_kept_as_member_ids_and_days_only_in_the_memory_given(tmp_path):
    folder = FolderMemory(tmp_path)
    marks = with_contacts({}, {"6812345678901234567": True, "linh.tran": True}, date(2026, 10, 3))
    assert save_contacted(marks, folder)
    assert json.loads((tmp_path / CONTACTED).read_text(encoding="utf-8")) == {
        "6812345678901234567": "2026-10-03",
        "linh.tran": "2026-10-03",
    }
    assert load_contacted(FolderMemory(tmp_path)) == marks
    # Ticked again later: the first contact's day stays; unticked: forgotten.
    later = with_contacts(marks, {"linh.tran": True, "6812345678901234567": False}, date(2026, 11, 2))
    assert later == {"linh.tran": date(2026, 10, 3)}
    session = SessionMemory()
    assert save_contacted(later, session) and load_contacted(session) == later
    (tmp_path / CONTACTED).write_text("{not json", encoding="utf-8")
    assert load_contacted(folder) == {}


# ---------------------------------------------------------------- did they come back?


def outcomes_for(rows: list[dict], contacted: dict[str, date]) -> list[dict]:
    con = db.load_frames(db.connect(), {"comments": pd.DataFrame(rows)})
    return contact_outcomes(con, contacted).to_dict("records")


def test_a_comment_on_a_later_day_is_coming_back_but_one_on_the_contact_day_is_not():
    rows = [
        comment_row("a1", "linh", datetime(2026, 10, 3, 8)),  # the comment the marketer answered
        comment_row("a2", "linh", datetime(2026, 10, 3, 23, 59)),  # same day, after: still not back
        comment_row("a3", "linh", datetime(2026, 10, 4, 0, 1)),
        comment_row("a4", "linh", datetime(2026, 10, 20)),
        comment_row("b1", "bao", datetime(2026, 10, 3, 9)),
        comment_row("b2", "bao", datetime(2026, 10, 3, 18)),
        comment_row("r1", "brand", datetime(2026, 10, 21), is_brand=True),
        comment_row("z1", "someone", datetime(2026, 10, 25)),  # the comments loaded go past the contacts
    ]
    contacted = {"linh": date(2026, 10, 3), "bao": date(2026, 10, 3), "brand": date(2026, 10, 3)}
    assert outcomes_for(rows, contacted) == [
        {
            "member_id": "bao",
            "contacted_date": date(2026, 10, 3),
            "count_comments_since_contact": 0,
            "came_back": "not yet",
            "contact_status": "Contacted 3 Oct · not back yet",
        },
        {  # the brand's own comments never count as coming back
            "member_id": "brand",
            "contacted_date": date(2026, 10, 3),
            "count_comments_since_contact": 0,
            "came_back": "not yet",
            "contact_status": "Contacted 3 Oct · not back yet",
        },
        {
            "member_id": "linh",
            "contacted_date": date(2026, 10, 3),
            "count_comments_since_contact": 2,
            "came_back": "yes",
            "contact_status": "Contacted 3 Oct · came back (2 comments since)",
        },
    ]


def test_when_no_comment_loaded_is_newer_than_the_contact_it_is_too_soon_to_tell_and_old_years_are_said():
    rows = [
        comment_row("a1", "linh", datetime(2026, 10, 3, 8)),
        comment_row("b1", "bao", datetime(2026, 9, 1)),
    ]
    result = outcomes_for(
        rows, {"linh": date(2026, 10, 3), "bao": date(2025, 12, 30), "gone": date(2026, 10, 5)}
    )
    assert [(row["member_id"], row["came_back"], row["contact_status"]) for row in result] == [
        ("gone", "too soon to tell", "Contacted 5 Oct · too soon to tell"),
        ("linh", "too soon to tell", "Contacted 3 Oct · too soon to tell"),
        ("bao", "yes", "Contacted 30 Dec 2025 · came back (1 comment since)"),
    ]
    assert outcomes_for(rows, {}) == []


def test_the_summary_counts_the_contacts_of_the_last_60_days_and_who_came_back():
    rows = [
        comment_row(f"c{day}", member, datetime(2026, 10, day))
        for day, member in [(5, "a"), (6, "b"), (28, "x")]
    ]
    contacted = {
        "a": date(2026, 10, 1),  # back
        "b": date(2026, 10, 2),  # back
        "c": date(2026, 10, 3),  # not yet
        "d": date(2026, 10, 28),  # too soon: nothing loaded after the 28th
        "old": date(2026, 8, 1),  # more than 60 days ago: not counted
    }
    con = db.load_frames(db.connect(), {"comments": pd.DataFrame(rows)})
    outcomes = contact_outcomes(con, contacted)
    assert contact_summary(outcomes, today=date(2026, 10, 30)) == (
        "4 contacted in the last 60 days; 2 came back (1 too recent for the comments loaded)."
    )
    assert contact_summary(outcomes, today=date(2026, 12, 31)) is None
    listed = with_outcomes(pd.DataFrame({"member_id": ["b", "z"]}), outcomes)
    assert listed[["member_id", "is_contacted", "came_back", "contact_status"]].to_dict("records") == [
        {
            "member_id": "b",
            "is_contacted": True,
            "came_back": "yes",
            "contact_status": "Contacted 2 Oct · came back (1 comment since)",
        },
        {"member_id": "z", "is_contacted": False, "came_back": None, "contact_status": None},
    ]
