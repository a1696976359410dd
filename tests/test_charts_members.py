"""The Members and Community segments charts, checked on their figure data (not pixels)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics import charts_members as charts
from analytics.members import TIER_MEANINGS, TIER_ORDER


def counts(values):
    total = sum(values)
    return pd.DataFrame(
        {
            "tier": list(TIER_ORDER),
            "count_members": values,
            "share_of_members": [value / total for value in values],
            "meaning": [TIER_MEANINGS[tier] for tier in TIER_ORDER],
        }
    )


def titles(fig):
    return fig.layout.title.text, fig.layout.title.subtitle.text


def test_every_chart_has_a_title_a_definition_and_axis_titles_with_units():
    figures = [
        charts.tier_chart(counts([1, 2, 3, 4, 5, 6, 7])),
        charts.reply_effect_chart(EFFECT),
        charts.sentiment_by_month_chart(MONTHLY),
        charts.gender_chart(pd.DataFrame({"gender": ["Female"], "share": [1.0]})),
    ]
    for fig in figures:
        title, subtitle = titles(fig)
        assert title and subtitle
        assert fig.layout.xaxis.title.text or fig.layout.yaxis.title.text


def test_the_tier_chart_shows_each_tier_in_its_colour_and_the_default_rules_beside_a_what_if():
    fig = charts.tier_chart(counts([1, 2, 3, 4, 5, 6, 7]))
    assert len(fig.data) == 1
    assert list(fig.data[0].x) == list(TIER_ORDER)
    assert list(fig.data[0].y) == [1, 2, 3, 4, 5, 6, 7]
    assert fig.data[0].marker.color[0] == charts.TIER_COLORS["Champion"]
    assert fig.layout.yaxis.title.text == "Members"
    what_if = charts.tier_chart(counts([2, 1, 3, 4, 5, 6, 7]), counts([1, 2, 3, 4, 5, 6, 7]))
    assert [trace.name for trace in what_if.data] == ["Default rules", "Your rules"]
    assert list(what_if.data[0].y) == [1, 2, 3, 4, 5, 6, 7]
    assert "default rules" in titles(what_if)[1]


REPLIES = pd.DataFrame(
    {
        "format": ["Tutorial", "Product"],
        "count_top_level_comments": [100, 10],
        "count_replied_comments": [30, 6],
        "reply_rate": [0.3, 0.6],
        "median_hours_to_first_reply": [4.5, None],
        "reply_rate_low": [0.22, 0.31],
        "reply_rate_high": [0.4, 0.83],
        "is_small_sample": [False, True],
    }
)


def test_the_reply_chart_puts_rate_and_hours_side_by_side_best_rate_first_small_groups_grey():
    fig = charts.reply_chart(REPLIES, "format")
    rate, hours = fig.data
    assert list(rate.y) == ["Product", "Tutorial"]
    assert list(rate.x) == [0.6, 0.3]
    assert rate.texttemplate == "%{x:.0%}"  # whole percents, in the language's own digits
    assert rate.marker.color[0] == "#E2E8F0" and rate.marker.color[1] == charts.BRAND
    assert list(rate.error_x.array) == pytest.approx([0.23, 0.1])
    assert list(hours.text) == ["—", "4.5 h"]
    assert fig.layout.xaxis.title.text == "Comments answered (%)"
    assert fig.layout.xaxis2.title.text == "Hours to first reply (median)"
    assert "by format" in titles(fig)[0]


EFFECT = {
    "window_days": 30,
    "count_replied_members": 739,
    "count_not_replied_members": 2383,
    "count_returned_replied_members": 309,
    "count_returned_not_replied_members": 688,
    "return_rate_replied": 309 / 739,
    "return_rate_not_replied": 688 / 2383,
    "difference": 0.13,
    "difference_low": 0.09,
    "difference_high": 0.17,
}


def test_the_reply_effect_chart_shows_both_return_rates_the_interval_and_the_careful_wording():
    fig = charts.reply_effect_chart(EFFECT)
    assert list(fig.data[0].x) == ["First comment answered", "First comment not answered"]
    label = "%{y:.0%}<br>(%{customdata[0]:,} of %{customdata[1]:,})"
    assert list(fig.data[0].texttemplate) == [label, label]  # 42% (309 of 739), 29% (688 of 2,383)
    assert [list(point) for point in fig.data[0].customdata] == [[309, 739], [688, 2383]]
    subtitle = titles(fig)[1]
    assert "+13 points" in subtitle and "+9 to +17" in subtitle and "association, not proof" in subtitle
    assert fig.layout.yaxis.title.text == "Came back within 30 days (%)"
    too_few = charts.reply_effect_chart(EFFECT | {"difference": None, "return_rate_replied": None})
    assert titles(too_few)[1] == "Not enough members in each group to compare."


MONTHLY = pd.DataFrame(
    {
        "month": [date(2026, 6, 1), date(2026, 7, 1)],
        "count_labelled_comments": [10, 20],
        "count_positive_comments": [6, 10],
        "count_neutral_comments": [3, 9],
        "count_negative_comments": [1, 1],
        "positive_response_rate": [0.6, 0.5],
    }
)


def test_the_monthly_sentiment_chart_stacks_the_three_shares_to_one_hundred_percent():
    fig = charts.sentiment_by_month_chart(MONTHLY)
    assert [trace.name for trace in fig.data] == ["Positive", "Neutral", "Negative"]
    assert list(fig.data[0].y) == [0.6, 0.5]
    assert list(fig.data[2].y) == [0.1, 0.05]
    # Labels only where a band is wide enough to read: 5% of July is labelled, neutral never.
    assert list(fig.data[0].texttemplate) == ["%{y:.0%}", "%{y:.0%}"] and list(fig.data[1].texttemplate) == [
        "",
        "",
    ]
    assert fig.layout.barmode == "stack"
    assert fig.layout.yaxis.title.text == "Member comments (%)"


def test_the_positive_rate_chart_puts_all_comments_first_in_grey():
    table = pd.DataFrame(
        {
            "tier": ["Champion", "New"],
            "count_labelled_comments": [50, 10],
            "count_positive_comments": [40, 5],
            "positive_response_rate": [0.8, 0.5],
            "is_small_sample": [False, True],
        }
    )
    overall = pd.DataFrame(
        {
            "count_labelled_comments": [60],
            "count_positive_comments": [45],
            "positive_response_rate": [0.75],
            "is_small_sample": [False],
        }
    )
    fig = charts.positive_rate_chart(table, "tier", overall=overall)
    assert list(fig.data[0].y) == ["All comments", "Champion", "New"]
    assert list(fig.data[0].x) == [0.75, 0.8, 0.5]
    assert list(fig.data[0].marker.color) == [charts.MUTED, charts.TIER_COLORS["Champion"], "#E2E8F0"]
    assert fig.layout.xaxis.title.text == "Positive comments (%)"
    # Half the page wide (by format | by tier): its subtitle was cut at "(positive + n" at 1400 px
    # and at "all labelled m" at 1024 px.
    lines = fig.layout.title.subtitle.text.split("<br>")
    assert max(len(line) for line in lines) <= 40
    assert fig.layout.margin.t >= 80 + 16 * len(lines)


def test_the_tier_trend_chart_draws_one_line_per_tier_with_the_long_tail_switched_off():
    rows = [
        {"as_of_date": day, "tier": tier, "count_members": index}
        for day in (date(2026, 6, 30), date(2026, 7, 22))
        for index, tier in enumerate(TIER_ORDER)
    ]
    fig = charts.tier_sizes_chart(pd.DataFrame(rows))
    assert [trace.name for trace in fig.data] == list(TIER_ORDER)
    assert list(fig.data[0].x) == ["Jun 2026", "22 Jul 2026"]
    assert [trace.visible for trace in fig.data] == [True, True, True, True] + ["legendonly"] * 3
    assert fig.layout.yaxis.title.text == "Members"


def test_the_frequency_chart_stacks_tiers_per_band_and_prints_each_bands_total():
    distribution = pd.DataFrame(
        {
            "frequency_band": ["1", "1", "2–3", "2–3"],
            "tier": ["Champion", "One-time", "Champion", "One-time"],
            "count_members": [0, 5, 2, 1],
            "share_of_members": [0, 0.625, 0.25, 0.125],
        }
    )
    fig = charts.frequency_chart(distribution)
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert [trace.name for trace in bars] == ["Champion", "One-time"]
    assert list(fig.data[-1].text) == ["5", "3"]
    assert fig.layout.xaxis.title.text == "Comments per active month"


def test_the_segments_chart_shows_each_groups_share_with_its_size():
    table = pd.DataFrame(
        {
            "group": ["All members"] * 3 + ["Loyal"] * 3,
            "segment": ["Promoter", "Neutral", "Detractor"] * 2,
            "count_members": [3, 1, 0, 0, 0, 0],
            "share_of_group": [0.75, 0.25, 0.0, None, None, None],
        }
    )
    fig = charts.sentiment_segments_chart(table)
    assert [trace.name for trace in fig.data] == ["Promoters", "Neutral", "Detractors"]
    assert list(fig.data[0].y) == ["All members (4)"]  # an empty group is left out
    assert list(fig.data[0].x) == [0.75]


HASHTAGS = pd.DataFrame(
    {
        "hashtag": ["#coffeetok", "#latte", "#caphe", "#booktok"],
        "display": ["#CoffeeTok", "#latte", "#caphe", "#BookTok"],
        "community_id": [1, 1, 1, 2],
        "community": ["#CoffeeTok", "#CoffeeTok", "#CoffeeTok", "#BookTok"],
        "count_videos": [9, 4, 1, 3],
        "is_known_communitytok": [True, False, False, True],
    }
)
EDGES = pd.DataFrame(
    {"source": ["#coffeetok", "#booktok"], "target": ["#latte", "#coffeetok"], "count_videos": [4, 1]}
)


def test_the_network_chart_gives_each_community_a_colour_and_the_top_hashtag_the_centre():
    fig = charts.community_network_chart(HASHTAGS, EDGES)
    lines = [trace for trace in fig.data if trace.mode == "lines"]
    dots = [trace for trace in fig.data if trace.mode == "markers+text"]
    assert len(lines) == 2
    assert [trace.name for trace in dots] == ["#CoffeeTok", "#BookTok"]
    assert list(dots[0].text) == ["#CoffeeTok", "#latte", "#caphe"]
    assert dots[0].marker.color == charts.community_color(1) and dots[
        1
    ].marker.color == charts.community_color(2)
    # The most used hashtag of each community sits at its centre, the others around it.
    assert (dots[0].x[0], dots[0].y[0]) == (0.0, 0.0)
    assert dots[0].marker.size[0] > dots[0].marker.size[1] > dots[0].marker.size[2]
    assert lines[0].line.width > lines[1].line.width


def test_the_community_chart_compares_members_views_and_engagement_rate():
    summary = pd.DataFrame(
        {
            "community_id": [1, 2],
            "community": ["#CoffeeTok", "#BookTok"],
            "count_videos": [3, 2],
            "total_views": [3_000_000, 2000],
            "engagement_rate": [0.1, None],
            "count_members": [20, 5],
        }
    )
    fig = charts.community_chart(summary)
    assert [list(trace.x) for trace in fig.data][0] == [20, 5]
    assert list(fig.data[0].y) == ["#CoffeeTok (3 videos)", "#BookTok (2 videos)"]
    assert list(fig.data[1].text) == ["3.00M", "2,000"]
    assert list(fig.data[2].text) == ["10.0%", "—"]
    assert [annotation.text for annotation in fig.layout.annotations] == [
        "Members who comment",
        "Views",
        "Engagement rate",
    ]


def test_the_audience_charts_name_territories_and_mark_the_busiest_hours():
    territories = pd.DataFrame(
        {
            "territory_code": ["VN", "Others"],
            "territory": ["Vietnam", "Other territories"],
            "share": [0.6, 0.1],
        }
    )
    fig = charts.territories_chart(territories)
    assert list(fig.data[0].y) == ["Vietnam", "Other territories"]
    assert list(fig.data[0].marker.color) == [charts.BRAND, charts.MUTED]
    hours = pd.DataFrame(
        {"hour": range(24), "average_active_followers": [float(h) for h in range(24)], "count_days": 7}
    )
    fig = charts.active_hours_chart(hours)
    assert [color == charts.BRAND for color in fig.data[0].marker.color].count(True) == 3
    assert fig.data[0].marker.color[23] == charts.BRAND and fig.data[0].marker.color[0] == charts.LIGHT
    assert fig.layout.xaxis.title.text == "Hour of the day (as in TikTok's file)"


def test_the_community_chart_rate_axis_tells_ticks_apart_below_one_percent():
    summary = pd.DataFrame(
        {
            "community_id": [1, 2],
            "community": ["#a", "#b"],
            "count_videos": [3, 2],
            "total_views": [3000, 2000],
            "engagement_rate": [0.004, 0.002],
            "count_members": [2, 5],
        }
    )
    assert charts.community_chart(summary).layout.xaxis3.tickformat == ".2~%"
