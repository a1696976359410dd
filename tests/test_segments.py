"""Member segments, sentiment aggregates and the audience, on tiny tables whose answers are obvious by hand."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from analytics import db, i18n, segments, sentiment
from analytics.audience import active_hours, audience_gender, top_territories
from analytics.members import TierRules, member_stats, member_tiers
from analytics.segments import (
    ambassador_candidates,
    at_risk_members,
    comment_date_range,
    comment_sentiment,
    complaint_queue,
    frequency_distribution,
    frequency_takeaway,
    interaction_frequency,
    member_feelings,
    member_profiles,
    new_members,
    sentiment_rates,
    sentiment_segments,
    tier_sizes_by_month,
    tier_trend_takeaway,
    with_corrections,
    with_rate_interval,
)
from analytics.views.segments import audience_view


def comment(comment_id, member_id, video_id, at, *, text="nice", parent=None, likes=0):
    return {
        "comment_id": comment_id,
        "video_id": video_id,
        "member_id": member_id,
        "member_handle": member_id,
        "text": text,
        "commented_at": at,
        "likes": likes,
        "parent_comment_id": parent,
        "is_brand": member_id == "brand",
    }


def connect(comments=(), videos=None, **frames):
    tables = {"comments": pd.DataFrame(list(comments))} if comments else {}
    if videos is not None:
        tables["videos"] = pd.DataFrame(videos)
    tables.update({name: pd.DataFrame(frame) for name, frame in frames.items()})
    return db.load_frames(db.connect(), tables)


def labelled_table(rows):
    """A hand-labelled comment table, as comment_sentiment returns it."""
    frame = pd.DataFrame(
        [
            comment(cid, who, video, at, text=text, parent=parent) | {"label": label}
            for cid, who, video, at, text, parent, label in rows
        ]
    )
    frame["commented_at"] = pd.to_datetime(frame["commented_at"])
    return frame.assign(score=0.0, language="en", method="rules")


def D(day, hour=12):
    return datetime(2026, 6, day, hour)


# ---------------------------------------------------------------- sentiment per comment


def test_comment_sentiment_labels_each_comment_once_and_a_lexicon_only_the_comments_with_its_words(
    monkeypatch,
):
    calls = []

    def fake(texts, *, lexicon_additions=None):
        calls.append((sorted(texts), lexicon_additions))
        labels = [
            "positive" if "love" in text else "negative" if "bad" in text else "neutral" for text in texts
        ]
        return pd.DataFrame(
            {"label": labels, "score": 0.0, "language": "en", "method": "rules"}, index=texts.index
        )

    monkeypatch.setattr(sentiment, "label_comments", fake)
    con = connect(
        [comment("c1", "anna", "v1", D(1), text="love it"), comment("c2", "ben", "v1", D(2), text="bad")]
    )
    memo: dict = {}
    first = comment_sentiment(con, memo=memo)
    second = comment_sentiment(con, memo=memo)
    assert first["label"].tolist() == second["label"].tolist() == ["positive", "negative"]
    assert calls == [(["bad", "love it"], None)]
    comment_sentiment(con, lexicon_additions={"bad": 2.0}, memo=memo)
    comment_sentiment(con, lexicon_additions={"bad": 2.0}, memo=memo)
    assert calls == [(["bad", "love it"], None), (["bad"], {"bad": 2.0})]
    # A comment whose text changed (a newer export) is labelled again, and only it.
    con.execute("update comments set text = 'love' where comment_id = 'c2'")
    assert comment_sentiment(con, lexicon_additions={"bad": 2.0}, memo=memo)["label"].tolist() == [
        "positive",
        "positive",
    ]
    assert calls[2:] == [(["love"], None)]


def test_a_hand_correction_wins_over_the_method_and_says_so():
    labelled = labelled_table(
        [
            ("c1", "anna", "v1", D(1), "Grave", None, "negative"),
            ("c2", "ben", "v1", D(1), "ok", None, "neutral"),
        ]
    )
    corrected = with_corrections(labelled, {"c1": "positive"})
    assert corrected[["comment_id", "label", "method"]].to_dict("records") == [
        {"comment_id": "c1", "label": "positive", "method": "correction"},
        {"comment_id": "c2", "label": "neutral", "method": "rules"},
    ]
    with pytest.raises(ValueError, match="positive, neutral, negative"):
        with_corrections(labelled, {"c1": "great"})


def test_comment_sentiment_applies_corrections_on_the_real_method():
    con = connect(
        [comment("c1", "anna", "v1", D(1), text="Grave"), comment("c2", "ben", "v1", D(1), text="😍")]
    )
    result = comment_sentiment(con, corrections={"c1": "positive"})
    assert result[["comment_id", "label", "method"]].to_dict("records")[0] == {
        "comment_id": "c1",
        "label": "positive",
        "method": "correction",
    }
    assert result["label"].iloc[1] == "positive"


# ---------------------------------------------------------------- positive response rate


LABELLED = labelled_table(
    [
        ("c1", "anna", "v1", D(1), "love", None, "positive"),
        ("c2", "anna", "v2", D(2), "love", None, "positive"),
        ("c3", "ben", "v1", D(3), "meh", None, "neutral"),
        ("c4", "ben", "v2", datetime(2026, 7, 1, 9), "bad", None, "negative"),
        ("r1", "brand", "v1", D(3, 15), "thanks!", "c1", "positive"),
        ("r2", "brand", "v2", datetime(2026, 7, 2), "sorry", "c4", "negative"),
        ("c5", "carl", "v2", datetime(2026, 7, 3), "awful", None, "negative"),
    ]
)


def rates(table):
    return table.drop(columns=["positive_response_rate_low", "positive_response_rate_high"]).to_dict(
        "records"
    )


def test_positive_response_rate_counts_members_comments_only():
    assert rates(sentiment_rates(LABELLED)) == [
        {
            "count_labelled_comments": 5,
            "count_positive_comments": 2,
            "count_neutral_comments": 1,
            "count_negative_comments": 2,
            "positive_response_rate": 0.4,
            "is_small_sample": True,
        }
    ]


def test_positive_response_rate_splits_by_format_tier_and_month_and_follows_the_period():
    formats = pd.DataFrame({"video_id": ["v1", "v2"], "format": ["Tutorial", "Product"]})
    assert [
        (row["format"], row["positive_response_rate"])
        for row in rates(sentiment_rates(LABELLED, by="format", formats=formats))
    ] == [
        ("Product", 1 / 3),
        ("Tutorial", 0.5),
    ]
    tiers = pd.DataFrame({"member_id": ["anna", "ben"], "tier": ["Champion", "New"]})
    assert [
        (row["tier"], row["count_labelled_comments"])
        for row in rates(sentiment_rates(LABELLED, by="tier", tiers=tiers))
    ] == [
        ("Champion", 2),
        ("New", 2),
        ("Unknown", 1),
    ]
    assert [
        (row["month"], row["positive_response_rate"]) for row in rates(sentiment_rates(LABELLED, by="month"))
    ] == [
        (date(2026, 6, 1), 2 / 3),
        (date(2026, 7, 1), 0.0),
    ]
    june = sentiment_rates(LABELLED, start=date(2026, 6, 2), end=date(2026, 6, 30))
    assert rates(june)[0]["count_labelled_comments"] == 2


def test_an_empty_period_gives_no_rate_rather_than_an_error():
    result = sentiment_rates(LABELLED, start=date(2027, 1, 1))
    assert result["count_labelled_comments"].tolist() == [0]
    assert np.isnan(result["positive_response_rate"].iloc[0])


def test_rates_get_a_wilson_interval_and_small_groups_are_flagged():
    table = pd.DataFrame({"hits": [5, 300], "total": [10, 600]})
    result = with_rate_interval(table, "hits", "total", "rate", min_count=30)
    assert result["rate_low"].round(4).tolist() == [0.2366, 0.4601]
    assert result["rate_high"].round(4).tolist() == [0.7634, 0.5399]
    assert result["is_small_sample"].tolist() == [True, False]


def test_the_complaint_queue_lists_unanswered_negative_comments_newest_first():
    con = connect(videos=[{"video_id": "v2", "caption": "Product launch", "video_url": "https://x/v2"}])
    queue = complaint_queue(con, LABELLED)
    # c4 is negative but the brand answered it; the brand's own "sorry" is not a member's complaint.
    assert queue[["comment_id", "member_id", "text", "video_caption"]].to_dict("records") == [
        {"comment_id": "c5", "member_id": "carl", "text": "awful", "video_caption": "Product launch"}
    ]
    assert complaint_queue(con, LABELLED, end=date(2026, 6, 30)).empty


# ---------------------------------------------------------------- one row per member

COMMENTS = [
    comment("a1", "anna", "v1", D(1), text="love it", likes=4),
    comment("a2", "anna", "v2", D(8), text="love this", likes=2),
    comment("a3", "anna", "v3", D(15), text="so good", likes=0),
    comment("b1", "ben", "v1", D(20), text="too sweet", likes=1),
    comment("b2", "ben", "v3", D(21), text="ok", likes=1),
    comment("r1", "brand", "v1", D(20, 15), text="thanks", parent="b1"),
]
VIDEOS = [
    {"video_id": "v1", "caption": "#CoffeeTok"},
    {"video_id": "v2", "caption": "#BookTok"},
    {"video_id": "v3", "caption": "#CoffeeTok"},
]
FORMATS = pd.DataFrame({"video_id": ["v1", "v2", "v3"], "format": ["Tutorial", "Product", "Product"]})


def profiles():
    con = connect(COMMENTS, VIDEOS)
    labels = {
        "a1": "positive",
        "a2": "positive",
        "a3": "positive",
        "b1": "negative",
        "b2": "neutral",
        "r1": "positive",
    }
    frame = pd.DataFrame(COMMENTS)
    labelled = frame.assign(label=frame["comment_id"].map(labels), method="rules")
    labelled["commented_at"] = pd.to_datetime(labelled["commented_at"])
    tiers = member_tiers(member_stats(con))
    communities = pd.DataFrame({"member_id": ["anna"], "communities": [["#CoffeeTok", "#BookTok"]]})
    return member_profiles(con, tiers, labelled=labelled, formats=FORMATS, communities=communities)


def test_every_member_gets_their_feelings_usual_format_last_comment_and_communities():
    table = profiles()
    columns = [
        "member_id",
        "tier",
        "positive_response_rate",
        "sentiment_segment",
        "usual_format",
        "count_usual_format_videos",
        "last_comment_text",
        "communities",
    ]
    assert table[columns].to_dict("records") == [
        {
            "member_id": "anna",
            "tier": "Loyal",
            "positive_response_rate": 1.0,
            "sentiment_segment": "Promoter",
            # v2 and v3 are Product, v1 Tutorial: Product, on 2 of her 3 videos.
            "usual_format": "Product",
            "count_usual_format_videos": 2,
            "last_comment_text": "so good",
            "communities": "#CoffeeTok, #BookTok",
        },
        {
            "member_id": "ben",
            "tier": "New",
            "positive_response_rate": 0.0,
            "sentiment_segment": "Detractor",
            # One Tutorial, one Product: the tie goes to the format of his newest comment's video (v3).
            "usual_format": "Product",
            "count_usual_format_videos": 1,
            "last_comment_text": "ok",
            "communities": "",
        },
    ]


def test_the_lists_pick_champions_at_risk_and_new_members():
    table = pd.DataFrame(
        {
            "member_id": ["a", "b", "c", "d", "e"],
            "tier": ["Champion", "Champion", "At risk", "At risk", "New"],
            "score": [10.0, 5.0, 3.0, 8.0, 1.0],
            "positive_response_rate": [0.9, 0.5, 0.5, 0.5, 0.5],
            "total_likes_received": [30, 10, 0, 0, 0],
            "count_comments": [10, 10, 1, 1, 1],
            "days_since_first": [200, 100, 90, 80, 3],
            "first_seen_at": pd.to_datetime(
                ["2026-01-01", "2026-02-01", "2026-03-01", "2026-03-02", "2026-06-27"]
            ),
        }
    )
    champions = ambassador_candidates(table)
    # Among two Champions, "a" is first on score, positivity and likes per comment: percentile 1.0 on all.
    assert champions[["member_id", "likes_per_comment", "ambassador_score"]].to_dict("records") == [
        {"member_id": "a", "likes_per_comment": 3.0, "ambassador_score": 100},
        {"member_id": "b", "likes_per_comment": 1.0, "ambassador_score": 50},
    ]
    assert at_risk_members(table)["member_id"].tolist() == ["d", "c"]
    assert new_members(table)["member_id"].tolist() == ["e"]
    assert new_members(table, TierRules(new_days=95, at_risk_days=95))["member_id"].tolist() == [
        "e",
        "d",
        "c",
    ]


def test_the_list_takeaways_say_how_many_and_what_to_do():
    quiet = pd.DataFrame({"usual_format": ["Mini game", "LIVE Q&A", "Mini game", None]})
    assert segments.at_risk_takeaway(quiet) == (
        "4 members who were loyal have been quiet for 31–90 days. Most usually answer Mini game (2) and "
        "LIVE Q&A (1): invite them to the next one, or reply to their last comment."
    )
    assert segments.at_risk_takeaway(quiet.iloc[:0]) == (
        "Nobody is at risk: every loyal member has commented in the last 30 days."
    )
    newcomers = pd.DataFrame({"count_brand_replies_received": [0, 2, 0]})
    assert segments.new_members_takeaway(newcomers) == (
        "3 people commented for the first time in the last 30 days; 2 of them have had no reply from you yet."
    )


def test_the_new_list_does_not_count_everyone_unanswered_when_the_export_cannot_show_replies():
    # The Excel exporter's file: "Not measured: this export does not show replies" on the same page as
    # "100 of them have had no reply from you yet".
    newcomers = pd.DataFrame({"count_brand_replies_received": [0, 0, 0]})
    assert segments.new_members_takeaway(newcomers, replies_known=False) == (
        "3 people commented for the first time in the last 30 days; this export does not show replies, so which "
        "of them you answered is not known."
    )
    assert segments.new_members_takeaway(newcomers.head(1), replies_known=False).startswith(
        "1 person commented"
    )


# ---------------------------------------------------------------- member segments


def test_tier_sizes_are_counted_at_each_month_end_and_on_the_newest_day():
    con = connect(COMMENTS + [comment("a4", "anna", "v4", datetime(2026, 7, 2, 9))])
    table = tier_sizes_by_month(con)
    counts = table[table["count_members"] > 0][["as_of_date", "tier", "count_members"]]
    assert counts.to_dict("records") == [
        # 30 June: anna has 3 videos over 3 weeks (Loyal), ben commented first 9 days before (New).
        {"as_of_date": date(2026, 6, 30), "tier": "Loyal", "count_members": 1},
        {"as_of_date": date(2026, 6, 30), "tier": "New", "count_members": 1},
        # 2 July, the newest comment: anna has 4 videos (still Loyal: 4 weeks but not 5 videos).
        {"as_of_date": date(2026, 7, 2), "tier": "Loyal", "count_members": 1},
        {"as_of_date": date(2026, 7, 2), "tier": "New", "count_members": 1},
    ]
    assert comment_date_range(con) == (date(2026, 6, 1), date(2026, 7, 2))


def test_the_tier_trend_takeaway_says_how_champions_moved_and_who_is_slipping():
    rows = []
    for as_of, champions, at_risk, lapsed in [
        (date(2026, 5, 31), 0, 0, 0),
        (date(2026, 6, 30), 72, 0, 0),
        (date(2026, 8, 31), 150, 48, 0),
        (date(2026, 11, 22), 60, 88, 58),
    ]:
        rows += [
            {"as_of_date": as_of, "tier": "Champion", "count_members": champions},
            {"as_of_date": as_of, "tier": "At risk", "count_members": at_risk},
            {"as_of_date": as_of, "tier": "Lapsed", "count_members": lapsed},
        ]
    assert tier_trend_takeaway(pd.DataFrame(rows)) == (
        "Champions went from 72 at the end of June 2026 to 150 at the end of August, and are 60 on "
        "22 Nov 2026. 88 once-loyal members are at risk and 58 have lapsed: worth winning back."
    )
    assert tier_trend_takeaway(pd.DataFrame(rows[:3])) == (
        "Not enough months of comments to show how the Champions grew yet."
    )


def tier_months(at_risk_now: int) -> pd.DataFrame:
    rows = []
    for as_of, champions, at_risk, lapsed in [
        (date(2026, 6, 30), 72, 0, 0),
        (date(2026, 8, 31), 150, 48, 0),
        (date(2026, 11, 22), 60, at_risk_now, 58),
    ]:
        rows += [
            {"as_of_date": as_of, "tier": "Champion", "count_members": champions},
            {"as_of_date": as_of, "tier": "At risk", "count_members": at_risk},
            {"as_of_date": as_of, "tier": "Lapsed", "count_members": lapsed},
        ]
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("language", "many", "one"),
    [
        (
            "fr",
            "Les Champions sont passés de 72 fin juin 2026 à 150 fin août, puis à 60 au 22 nov. 2026. "
            "88 membres autrefois fidèles sont à risque et 58 sont devenus inactifs\u00a0: à reconquérir.",
            "1 membre autrefois fidèle est à risque et 58 sont devenus inactifs\u00a0: à reconquérir.",
        ),
        (
            "vi",
            "Fan cứng đi từ 72 vào cuối tháng 6 năm 2026 lên 150 vào cuối tháng 8, và còn 60 vào ngày "
            "22 thg 11, 2026. 88 thành viên từng trung thành đang có nguy cơ rời đi và 58 đã rời đi: đáng để "
            "kéo họ quay lại.",
            "1 thành viên từng trung thành đang có nguy cơ rời đi và 58 đã rời đi: đáng để kéo họ quay lại.",
        ),
    ],
)
def test_the_tier_trend_takeaway_reads_in_the_readers_language_with_its_month_names(language, many, one):
    with i18n.use(language):
        assert tier_trend_takeaway(tier_months(88)) == many
        assert tier_trend_takeaway(tier_months(1)).endswith(". " + one)  # one member: the singular


def test_interaction_frequency_is_comments_per_active_month_rounded_down_into_bands():
    con = connect(COMMENTS + [comment("a4", "anna", "v4", datetime(2026, 7, 2, 9))])
    frequency = interaction_frequency(con)
    assert frequency.to_dict("records") == [
        # anna: 4 comments over June and July = 2.0 a month; ben: 2 comments in June.
        {
            "member_id": "anna",
            "count_comments": 4,
            "count_active_months": 2,
            "comments_per_active_month": 2.0,
            "frequency_band": "2–3",
        },
        {
            "member_id": "ben",
            "count_comments": 2,
            "count_active_months": 1,
            "comments_per_active_month": 2.0,
            "frequency_band": "2–3",
        },
    ]
    assert interaction_frequency(con, as_of=date(2026, 6, 30))["count_comments"].tolist() == [3, 2]
    assert frequency_distribution(frequency).to_dict("records") == [
        {"frequency_band": "1", "count_members": 0, "share_of_members": 0.0},
        {"frequency_band": "2–3", "count_members": 2, "share_of_members": 1.0},
        {"frequency_band": "4–7", "count_members": 0, "share_of_members": 0.0},
        {"frequency_band": "8–15", "count_members": 0, "share_of_members": 0.0},
        {"frequency_band": "16 or more", "count_members": 0, "share_of_members": 0.0},
    ]
    tiers = pd.DataFrame({"member_id": ["anna", "ben"], "tier": ["Champion", "New"]})
    by_tier = frequency_distribution(frequency, tiers)
    assert by_tier[by_tier["count_members"] > 0].to_dict("records") == [
        {"frequency_band": "2–3", "tier": "Champion", "count_members": 1, "share_of_members": 0.5},
        {"frequency_band": "2–3", "tier": "New", "count_members": 1, "share_of_members": 0.5},
    ]
    assert frequency_takeaway(frequency, tiers) == (
        "The typical member writes 2.0 comments in a month they are around, and 50.0% of members have commented "
        "in one month only; the typical Champion writes 2.0."
    )


def test_the_bands_round_down_so_one_and_a_half_comments_a_month_is_band_one():
    con = connect(
        [comment(f"c{i}", "anna", "v1", datetime(2026, month, 1)) for i, month in enumerate([5, 6, 6])]
    )
    assert interaction_frequency(con)[["comments_per_active_month", "frequency_band"]].to_dict("records") == [
        {"comments_per_active_month": 1.5, "frequency_band": "1"}
    ]


def test_sentiment_segments_count_promoters_neutral_members_and_detractors_overall_and_per_tier():
    sentiment = pd.DataFrame(
        {
            "member_id": ["a", "b", "c", "d"],
            "sentiment_segment": ["Promoter", "Promoter", "Neutral", "Detractor"],
        }
    )
    tiers = pd.DataFrame({"member_id": ["a", "b", "c", "d"], "tier": ["Champion", "New", "New", "New"]})
    table = sentiment_segments(sentiment, tiers)
    shown = table[table["group"].isin(["All members", "Champion", "New"])][
        ["group", "segment", "count_members", "share_of_group"]
    ]
    assert shown.to_dict("records") == [
        {"group": "All members", "segment": "Promoter", "count_members": 2, "share_of_group": 0.5},
        {"group": "All members", "segment": "Neutral", "count_members": 1, "share_of_group": 0.25},
        {"group": "All members", "segment": "Detractor", "count_members": 1, "share_of_group": 0.25},
        {"group": "Champion", "segment": "Promoter", "count_members": 1, "share_of_group": 1.0},
        {"group": "Champion", "segment": "Neutral", "count_members": 0, "share_of_group": 0.0},
        {"group": "Champion", "segment": "Detractor", "count_members": 0, "share_of_group": 0.0},
        {"group": "New", "segment": "Promoter", "count_members": 1, "share_of_group": 1 / 3},
        {"group": "New", "segment": "Neutral", "count_members": 1, "share_of_group": 1 / 3},
        {"group": "New", "segment": "Detractor", "count_members": 1, "share_of_group": 1 / 3},
    ]
    assert table[table["group"] == "Loyal"]["share_of_group"].isna().all()


def test_member_feelings_use_only_the_periods_comments():
    con = connect(
        [
            comment(row["comment_id"], row["member_id"], row["video_id"], row["commented_at"])
            for row in LABELLED.to_dict("records")
        ]
    )
    july = member_feelings(con, LABELLED, start=date(2026, 7, 1))
    assert july[["member_id", "count_labelled_comments", "sentiment_segment"]].to_dict("records") == [
        {"member_id": "ben", "count_labelled_comments": 1, "sentiment_segment": "Detractor"},
        {"member_id": "carl", "count_labelled_comments": 1, "sentiment_segment": "Detractor"},
    ]


# ---------------------------------------------------------------- audience


def test_the_audience_gives_genders_territory_names_and_others_last():
    con = connect(
        audience_gender=[{"gender": "Male", "share": 0.36}, {"gender": "Female", "share": 0.62}],
        audience_territories=[
            {"territory_code": "FR", "share": 0.168},
            {"territory_code": "Others", "share": 0.058},
            {"territory_code": "VN", "share": 0.581},
            {"territory_code": "US", "share": 0.061},
        ],
    )
    assert audience_gender(con).to_dict("records") == [
        {"gender": "Female", "share": 0.62},
        {"gender": "Male", "share": 0.36},
    ]
    assert top_territories(con, top=2).to_dict("records") == [
        {"territory_code": "VN", "territory": "Vietnam", "share": 0.581},
        {"territory_code": "FR", "territory": "France", "share": 0.168},
        {"territory_code": "Others", "territory": "Other territories", "share": 0.058},
    ]
    with i18n.use("vi"):  # the names in the reader's language (Babel's territory names); the codes stay
        assert top_territories(con, top=2)["territory"].tolist() == ["Việt Nam", "Pháp", "Khu vực khác"]
    with i18n.use("fr"):
        headline = audience_view(con)
    assert headline.gender_headline.startswith("62") and headline.gender_headline.endswith(
        "de vos abonnés sont des femmes"
    )
    assert headline.territories_headline.startswith("Viêt Nam\u00a0: 58")


def test_active_hours_average_each_hour_over_the_days_and_skip_the_newest_days_future_hours():
    rows = [
        {"activity_date": date(2026, 6, 1), "hour": hour, "active_followers": 100 + hour}
        for hour in range(24)
    ]
    rows += [
        {"activity_date": date(2026, 6, 2), "hour": hour, "active_followers": 300 if hour <= 1 else 0}
        for hour in range(24)
    ]
    hours = active_hours(connect(follower_activity=rows))
    assert hours.head(3).to_dict("records") == [
        {"hour": 0, "average_active_followers": 200.0, "count_days": 2},
        {"hour": 1, "average_active_followers": 200.5, "count_days": 2},
        {"hour": 2, "average_active_followers": 102.0, "count_days": 1},
    ]
    assert len(hours) == 24
