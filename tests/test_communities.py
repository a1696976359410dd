"""Hashtag communities, on five hand-made captions whose communities are obvious by eye."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from analytics import db
from analytics.communities import (
    DROP_REASONS,
    community_summary,
    community_takeaway,
    hashtag_communities,
    likely_brand_hashtags,
    member_communities,
    video_communities,
)

VIDEOS = pd.DataFrame(
    {
        "video_id": ["v1", "v2", "v3", "v4", "v5"],
        "caption": [
            "Cozy reading #BookTok #cozyvibes #fyp #brandx",
            "Another chapter #booktok #cozyvibes #brandx",
            "Morning brew #CoffeeTok #latte #brandx",
            "Latte art #coffeetok #latte #fyp",
            "New beans #CoffeeTok #rare",
        ],
        "total_views": [1000, 1000, 2000, 0, 1000],
        "total_engagements": [100, 50, 200, 10, 100],
    }
)


def found():
    return hashtag_communities(VIDEOS, brand_hashtags=["brandx"])


def test_hashtags_that_share_captions_form_one_community_each_biggest_first():
    result = found()
    assert result.hashtags.to_dict("records") == [
        {
            "hashtag": "#coffeetok",
            "display": "#CoffeeTok",
            "community_id": 1,
            "community": "#CoffeeTok",
            "count_videos": 3,
            "is_known_communitytok": True,
        },
        {
            "hashtag": "#latte",
            "display": "#latte",
            "community_id": 1,
            "community": "#CoffeeTok",
            "count_videos": 2,
            "is_known_communitytok": False,
        },
        {
            "hashtag": "#booktok",
            "display": "#BookTok",
            "community_id": 2,
            "community": "#BookTok",
            "count_videos": 2,
            "is_known_communitytok": True,
        },
        {
            "hashtag": "#cozyvibes",
            "display": "#cozyvibes",
            "community_id": 2,
            "community": "#BookTok",
            "count_videos": 2,
            "is_known_communitytok": False,
        },
    ]
    assert result.communities.to_dict("records") == [
        {
            "community_id": 1,
            "community": "#CoffeeTok",
            "known_communitytoks": ["#CoffeeTok"],
            "hashtags": ["#CoffeeTok", "#latte"],
        },
        {
            "community_id": 2,
            "community": "#BookTok",
            "known_communitytoks": ["#BookTok"],
            "hashtags": ["#BookTok", "#cozyvibes"],
        },
    ]


def test_the_edges_count_the_videos_that_carry_both_hashtags():
    assert found().edges.to_dict("records") == [
        {"source": "#booktok", "target": "#cozyvibes", "count_videos": 2},
        {"source": "#coffeetok", "target": "#latte", "count_videos": 2},
    ]


def test_generic_brand_and_one_video_hashtags_are_left_out_and_the_reason_is_given():
    assert found().dropped.to_dict("records") == [
        {"hashtag": "#brandx", "display": "#brandx", "count_videos": 3, "reason": DROP_REASONS["brand"]},
        {"hashtag": "#fyp", "display": "#fyp", "count_videos": 2, "reason": DROP_REASONS["generic"]},
        {
            "hashtag": "#rare",
            "display": "#rare",
            "count_videos": 1,
            "reason": "on fewer than 2 videos: too rare to say which community it belongs to",
        },
    ]


def test_a_community_without_a_known_communitytok_is_named_after_its_two_most_used_hashtags():
    videos = pd.DataFrame(
        {
            "video_id": ["a", "b", "c"],
            "caption": ["#HanoiTok #ParisTok #saigon", "#HanoiTok #ParisTok", "#hanoitok #saigon"],
        }
    )
    result = hashtag_communities(videos)
    assert result.communities["community"].tolist() == ["#HanoiTok & #ParisTok"]
    # The spelling most captions use wins: #HanoiTok twice, #hanoitok once.
    assert result.hashtags["display"].tolist() == ["#HanoiTok", "#ParisTok", "#saigon"]


def test_known_communitytoks_match_whatever_their_case_and_are_spelled_as_tiktok_does():
    videos = pd.DataFrame({"video_id": ["a", "b"], "caption": ["#BOOKTOK #FOODTOK", "#booktok #foodtok"]})
    result = hashtag_communities(videos)
    assert result.communities.to_dict("records") == [
        {
            "community_id": 1,
            "community": "#BookTok & #FoodTok",
            "known_communitytoks": ["#BookTok", "#FoodTok"],
            "hashtags": ["#BookTok", "#FoodTok"],
        }
    ]


def test_captions_without_hashtags_give_no_community_and_no_error():
    videos = pd.DataFrame({"video_id": ["a", "b"], "caption": ["no tags here", None]})
    result = hashtag_communities(videos)
    assert result.hashtags.empty and result.edges.empty and result.communities.empty
    assert community_takeaway(pd.DataFrame(columns=["community_id"])) == (
        "No hashtag is shared by enough videos to form a community yet."
    )


def test_the_same_captions_always_give_the_same_communities():
    first, second = found(), found()
    assert first.hashtags.equals(second.hashtags) and first.edges.equals(second.edges)


def test_each_video_belongs_to_every_community_one_of_its_hashtags_is_in():
    assert video_communities(VIDEOS, found()).to_dict("records") == [
        {"video_id": "v3", "community_id": 1, "community": "#CoffeeTok"},
        {"video_id": "v4", "community_id": 1, "community": "#CoffeeTok"},
        {"video_id": "v5", "community_id": 1, "community": "#CoffeeTok"},
        {"video_id": "v1", "community_id": 2, "community": "#BookTok"},
        {"video_id": "v2", "community_id": 2, "community": "#BookTok"},
    ]


def comments_connection():
    at = datetime(2026, 6, 1, 12)
    rows = [
        ("c1", "v1", "anna", False),
        ("c2", "v3", "anna", False),
        ("c3", "v3", "ben", False),
        ("c4", "v3", "ben", False),
        ("c5", "v3", "brand", True),
        ("c6", "v9", "carl", False),
    ]
    frame = pd.DataFrame(
        [
            {"comment_id": cid, "video_id": vid, "member_id": who, "commented_at": at, "is_brand": brand}
            for cid, vid, who, brand in rows
        ]
    )
    return db.load_frames(db.connect(), {"comments": frame})


def test_each_community_counts_its_videos_views_engagement_rate_and_commenters():
    summary = community_summary(comments_connection(), VIDEOS, found())
    assert summary.to_dict("records") == [
        {
            "community_id": 1,
            "community": "#CoffeeTok",
            "known_communitytoks": "#CoffeeTok",
            "hashtags": "#CoffeeTok #latte",
            "count_videos": 3,
            "total_views": 3000,
            # v4 has no views, so its engagements stay out: (200 + 100) / (2000 + 1000).
            "engagement_rate": 0.1,
            "count_members": 2,
        },
        {
            "community_id": 2,
            "community": "#BookTok",
            "known_communitytoks": "#BookTok",
            "hashtags": "#BookTok #cozyvibes",
            "count_videos": 2,
            "total_views": 2000,
            "engagement_rate": 0.075,
            "count_members": 1,
        },
    ]


def test_each_member_lists_the_communities_they_comment_in_most_videos_first_the_brand_never():
    table = member_communities(comments_connection(), VIDEOS, found())
    assert table.to_dict("records") == [
        {"member_id": "anna", "communities": ["#CoffeeTok", "#BookTok"], "count_community_videos": [1, 1]},
        {"member_id": "ben", "communities": ["#CoffeeTok"], "count_community_videos": [1]},
    ]


def test_the_takeaway_names_the_biggest_community_and_the_most_engaging_one():
    summary = community_summary(comments_connection(), VIDEOS, found())
    assert community_takeaway(summary) == (
        "Your captions gather 2 hashtag communities. #CoffeeTok brings the most members (2 who comment, "
        "on 3 videos) and the highest engagement rate (10.0%)."
    )
    flipped = summary.assign(engagement_rate=[0.05, 0.075])
    assert community_takeaway(flipped) == (
        "Your captions gather 2 hashtag communities. #CoffeeTok brings the most members (2 who comment, "
        "on 3 videos); #BookTok earns the highest engagement rate (7.5% against 5.0%)."
    )
    close = summary.assign(engagement_rate=[0.087, 0.09])
    assert community_takeaway(close) == (
        "Your captions gather 2 hashtag communities. #CoffeeTok brings the most members (2 who comment, "
        "on 3 videos); engagement rates are close across communities (8.7% to 9.0%)."
    )


def test_the_brand_hashtags_are_guessed_from_the_account_handle():
    videos = pd.DataFrame({"caption": ["#phinco #PhincoCoffee #coffee", "#phinchallenge #CoffeeTok"]})
    assert likely_brand_hashtags(videos, "phinco.coffee") == ["#phinco", "#phincocoffee"]
    assert likely_brand_hashtags(videos, None) == []


def test_without_comments_the_takeaway_ranks_communities_by_views_not_by_zero_members():
    # A Content export alone (the el-GR account): "brings the most members (0 who comment, on 10 videos)".
    summary = community_summary(comments_connection(), VIDEOS, found()).assign(
        count_members=[0, 0], total_views=[3000, 12000], engagement_rate=[0.05, 0.075]
    )
    assert community_takeaway(summary) == (
        "Your captions gather 2 hashtag communities. #BookTok draws the most views (12.0K on 2 videos) and the "
        "highest engagement rate (7.5%). Upload a comments export to see who comments in each."
    )
    one = summary.head(1)
    assert community_takeaway(one) == (
        "Your captions form one hashtag community, #CoffeeTok: 3 videos. Upload a comments export to see who "
        "comments on them."
    )
