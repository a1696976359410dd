"""The Interaction formats page's figures, checked on their data and labels (never pixels)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics.charts import ACCENT, BRAND, MUTED
from analytics.charts_formats import (
    FORMAT_COLORS,
    FORMATS_TABLE_COLUMNS,
    FORMATS_TABLE_HELP,
    follower_activity_heatmap,
    format_colors,
    format_rate_chart,
    formats_by_month_chart,
    formats_table,
    hashtag_chart,
    live_trend_chart,
    posting_time_heatmap,
    video_scatter_chart,
    weekday_hour_heatmap,
)
from analytics.formats import FORMATS, PUBLISHED_CLAIMS


def format_table() -> pd.DataFrame:
    """engagement_by_format()'s shape: two solid formats, best first, then a small one."""
    return pd.DataFrame(
        {
            "format": ["Mini game", "Tutorial", "Collab"],
            "count_videos": [10, 20, 3],
            "total_views": [1000, 3000, 1000],
            "total_engagements": [120, 240, 90],
            "engagement_rate": [0.12, 0.08, 0.09],
            "engagement_rate_low": [0.10, 0.07, 0.05],
            "engagement_rate_high": [0.15, 0.09, 0.12],
            "median_engagement_rate": [0.11, 0.08, 0.09],
            "is_small_sample": [False, False, True],
            "note": ["", "", "not enough videos to say"],
        }
    )


def videos() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "video_id": ["1", "2", "3", "4"],
            "caption": ["Giveaway! #giveaway", "How to brew a phin", None, "No views yet"],
            "posted_at": pd.to_datetime(["2026-06-01", "2026-06-02", "2026-07-01", "2026-07-02"]),
            "total_views": [5000, 20000, 800, 0],
            "engagement_rate": [0.12, 0.08, 0.05, None],
            "format": ["Mini game", "Tutorial", "Tutorial", "Product"],
        }
    )


def test_format_rate_bars_run_best_first_with_their_intervals_and_small_groups_grey():
    fig = format_rate_chart(format_table())
    bars = fig.data[0]
    assert list(bars.y) == [
        "Mini game  ·  10 videos",
        "Tutorial  ·  20 videos",
        "Collab  ·  3 videos<br><span style='font-size:11px;color:#94A3B8'>not enough videos to say</span>",
    ]
    assert list(bars.x) == [0.12, 0.08, 0.09]
    assert [round(v, 4) for v in bars.error_x.array] == [0.03, 0.01, 0.03]
    assert [round(v, 4) for v in bars.error_x.arrayminus] == [0.02, 0.01, 0.04]
    assert list(bars.marker.color) == [BRAND, BRAND, MUTED]
    assert list(bars.text) == ["12.0%", "8.0%", "9.0%"]
    assert fig.layout.yaxis.autorange == "reversed"  # the first row is drawn on top


def test_the_dashed_line_is_all_videos_together_as_a_ratio_of_sums():
    fig = format_rate_chart(format_table())
    (line,) = fig.layout.shapes
    assert line.x0 == pytest.approx(450 / 5000)  # (120 + 240 + 90) / (1000 + 3000 + 1000)
    assert fig.layout.annotations[0].text == "All these videos: 9.0%"
    # Said in words why it is not the Overview's engagement rate (issue 8: 8.3% there, 8.6% here).
    assert "Not the Overview's rate" in fig.layout.title.subtitle.text


def test_published_claims_are_off_unless_asked_and_then_labelled_as_claims():
    assert len(format_rate_chart(format_table()).data) == 1
    fig = format_rate_chart(format_table(), claims=PUBLISHED_CLAIMS)
    claims = fig.data[1:]
    # Only Mini game of the three claimed formats is in the table.
    assert [(list(trace.x), list(trace.y)) for trace in claims] == [
        ([0.25, 0.35], ["Mini game  ·  10 videos", "Mini game  ·  10 videos"])
    ]
    assert claims[0].name == "Published claim (playbook), not your data"
    assert "claimed 25%–35%" in [annotation.text for annotation in fig.layout.annotations]


def test_the_rate_chart_says_how_its_number_is_defined_and_which_groups_are_too_small():
    fig = format_rate_chart(format_table(), min_videos=4)
    assert fig.layout.title.text == "Engagement rate by interaction format"
    assert "Engagements (likes + comments + shares) ÷ views" in fig.layout.title.subtitle.text
    assert "fewer than 4 videos" in fig.layout.title.subtitle.text
    assert fig.layout.xaxis.title.text == "Engagement rate (% of views)"
    assert fig.layout.xaxis.tickformat == ".0%"


def test_the_formats_table_speaks_a_marketers_words_and_greys_the_small_groups():
    table = format_table().assign(
        shares_per_1000_views=[8.0, 20.0, 7.5],
        comments_per_1000_views=float("nan"),
        completion_rate=float("nan"),
        average_watch_seconds=float("nan"),
        follows_per_1000_views=float("nan"),
    )
    styled = formats_table(table)
    # No comments, completion, watch time or follows in these files: those columns are left out.
    assert styled.data.to_dict("records") == [
        {
            "Format": "Mini game",
            "Videos": 10,
            "Views": 1000,
            "Engagement rate": 0.12,
            "95% range": "10.0% – 15.0%",
            "Typical video": 0.11,
            "Shares /1k": 8.0,
        },
        {
            "Format": "Tutorial",
            "Videos": 20,
            "Views": 3000,
            "Engagement rate": 0.08,
            "95% range": "7.0% – 9.0%",
            "Typical video": 0.08,
            "Shares /1k": 20.0,
        },
        {
            "Format": "Collab",
            "Videos": 3,
            "Views": 1000,
            "Engagement rate": 0.09,
            "95% range": "5.0% – 12.0%",
            "Typical video": 0.09,
            "Shares /1k": 7.5,
        },
    ]
    html = styled.to_html()
    assert html.count(f"color: {MUTED}") == 1  # one CSS rule, for the Collab row's cells
    assert "12.0%" in html and "1,000" in html and "20.0" in html
    assert set(FORMATS_TABLE_HELP) <= set(FORMATS_TABLE_COLUMNS.values())


def test_formats_by_month_stacks_one_trace_per_format_in_taxonomy_order():
    monthly = pd.DataFrame(
        {
            "month": pd.to_datetime(["2026-06-01", "2026-06-01", "2026-07-01"]),
            "format": ["Product", "Tutorial", "Tutorial"],
            "count_videos": [1, 2, 3],
            "total_views": [100, 200, 300],
            "engagement_rate": [0.05, 0.08, 0.09],
        }
    )
    fig = formats_by_month_chart(monthly)
    assert [(trace.name, list(trace.y)) for trace in fig.data] == [("Tutorial", [2, 3]), ("Product", [1])]
    assert [trace.marker.color for trace in fig.data] == [FORMAT_COLORS["Tutorial"], FORMAT_COLORS["Product"]]
    assert fig.layout.barmode == "stack"
    assert (fig.layout.xaxis.title.text, fig.layout.yaxis.title.text) == ("Month posted", "Videos posted")


def test_the_scatter_puts_views_on_a_log_axis_and_the_caption_in_the_hover():
    fig = video_scatter_chart(videos())
    # The video without views cannot sit on a log axis: it is left out.
    assert [(trace.name, list(trace.x), list(trace.y)) for trace in fig.data] == [
        ("Tutorial", [20000, 800], [0.08, 0.05]),
        ("Mini game", [5000], [0.12]),
    ]
    assert fig.data[0].customdata[1][0] == "(no caption)"
    assert fig.data[1].customdata[0][0] == "Giveaway! #giveaway"
    assert fig.layout.xaxis.type == "log"
    assert list(fig.layout.xaxis.tickvals) == [500, 1000, 2000, 5000, 10000, 20000]
    assert fig.layout.xaxis.title.text == "Views (log scale)"


def test_every_format_keeps_its_own_colour_and_no_two_formats_share_one():
    assert len(set(FORMAT_COLORS.values())) == len(FORMATS) == len(FORMAT_COLORS)
    assert MUTED not in FORMAT_COLORS.values()  # grey means "too few videos to say"
    colors = format_colors(["Podcast clip", "Tutorial", "Recipe"])
    assert list(colors) == ["Tutorial", "Podcast clip", "Recipe"]
    assert colors["Tutorial"] == FORMAT_COLORS["Tutorial"]
    assert len(set(colors.values())) == 3


def test_hashtag_bars_pin_brand_hashtags_first_in_orange_and_grey_the_rarely_used():
    hashtags = pd.DataFrame(
        {
            "hashtag": ["#phinco", "#unused", "#coffeetok", "#rare"],
            "is_brand_hashtag": [True, True, False, False],
            "count_videos": [9, 0, 12, 1],
            "total_views": [900, 0, 1200, 5000],
            "total_engagements": [90, 0, 96, 500],
            "engagement_rate": [0.10, None, 0.08, 0.10],
        }
    )
    fig = hashtag_chart(hashtags, min_videos=5)
    bars = fig.data[0]
    assert list(bars.y) == ["#phinco", "#coffeetok", "#rare"]  # a brand hashtag never used has no bar
    assert list(bars.marker.color) == [ACCENT, BRAND, MUTED]
    assert list(bars.text) == ["10.0% · 9 videos", "8.0% · 12 videos", "10.0% · 1 video"]


def week_grid(values: dict[tuple[int, int], float]) -> pd.DataFrame:
    rows = [
        {
            "weekday": day,
            "hour": hour,
            "value": values.get((day, hour)),
            "count": 1 if (day, hour) in values else 0,
        }
        for day in range(7)
        for hour in range(24)
    ]
    return pd.DataFrame(rows)


def test_the_heatmap_has_monday_on_top_and_every_hour_across():
    fig = weekday_hour_heatmap(
        week_grid({(0, 20): 300.0, (6, 8): 50.0}),
        "value",
        title="When your followers are on TikTok",
        subtitle="Followers active in each hour.",
        hour_title="Hour of the day",
        value_title="Active followers",
    )
    heat = fig.data[0]
    assert list(heat.y) == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert list(heat.x)[:2] == ["00h", "01h"] and len(heat.x) == 24
    assert heat.z[0][20] == 300.0 and heat.z[6][8] == 50.0 and math.isnan(heat.z[3][3])
    assert heat.texttemplate is None
    assert fig.layout.xaxis.title.text == "Hour of the day"


def test_a_sparse_heatmap_keeps_only_the_hours_with_data_and_shows_counts_on_hover():
    fig = weekday_hour_heatmap(
        week_grid({(1, 11): 0.1, (4, 20): 0.05}),
        "value",
        title="When your videos earned the most engagement",
        subtitle="Engagement rate of the videos posted in each hour.",
        hour_title="Hour posted (UTC+07:00)",
        value_title="Engagement rate",
        percent=True,
        count_column="count",
        hours_with_data_only=True,
        show_values=True,
    )
    heat = fig.data[0]
    assert list(heat.x) == ["11h", "20h"]
    assert heat.z[1][0] == 0.1 and heat.z[4][1] == 0.05
    assert heat.customdata[1][0] == "1 video" and heat.customdata[0][0] == "0 videos"
    assert heat.texttemplate == "%{z:.1%}"
    assert heat.colorbar.tickformat == ".0%"


def test_the_two_when_to_post_heatmaps_name_their_hours_time_zone():
    activity = follower_activity_heatmap(
        week_grid({(0, 20): 300.0}).rename(columns={"value": "average_active_followers"})
    )
    assert activity.layout.title.text == "When your followers are on TikTok"
    assert "does not say its time zone" in activity.layout.title.subtitle.text
    posting = posting_time_heatmap(
        week_grid({(1, 11): 0.1}).rename(columns={"value": "engagement_rate", "count": "count_videos"}),
        zone="UTC+07:00",
    )
    assert posting.layout.xaxis.title.text == "Hour posted (UTC+07:00)"
    assert list(posting.data[0].x) == ["11h"]


def test_the_live_trend_shows_viewers_and_peak_per_broadcast():
    sessions = pd.DataFrame(
        {
            "started_at": pd.to_datetime(["2026-06-03 20:00", "2026-06-10 20:00"]),
            "title": ["Q&A with our barista", None],
            "viewers": [100, 300],
            "peak_viewers": [40, 90],
            "total_interactions": [100, None],
            "new_followers": [4, 8],
        }
    )
    fig = live_trend_chart(sessions)
    assert [(trace.name, list(trace.y)) for trace in fig.data] == [
        ("Viewers", [100, 300]),
        ("Peak viewers at once", [40, 90]),
    ]
    assert fig.data[0].customdata[1][0] == "(no caption)"
    assert (fig.layout.xaxis.title.text, fig.layout.yaxis.title.text) == (
        "Day of the LIVE",
        "Viewers per LIVE",
    )


@pytest.mark.parametrize(
    "fig",
    [
        format_rate_chart(format_table()),
        formats_by_month_chart(
            pd.DataFrame(
                {
                    "month": pd.to_datetime(["2026-06-01"]),
                    "format": ["Tutorial"],
                    "count_videos": [1],
                    "total_views": [10],
                    "engagement_rate": [0.1],
                }
            )
        ),
        video_scatter_chart(videos()),
        live_trend_chart(
            pd.DataFrame(
                {
                    "started_at": pd.to_datetime(["2026-06-03"]),
                    "title": ["x"],
                    "viewers": [1],
                    "peak_viewers": [1],
                    "total_interactions": [1],
                    "new_followers": [1],
                }
            )
        ),
    ],
    ids=["rate", "month", "scatter", "live"],
)
def test_every_chart_has_a_title_a_definition_and_labelled_axes(fig):
    assert fig.layout.title.text and fig.layout.title.subtitle.text
    assert fig.layout.xaxis.title.text
    assert (
        fig.layout.yaxis.title.text or fig.layout.yaxis.autorange == "reversed"
    )  # category bars name themselves


def test_one_format_alone_still_gets_room_for_its_bar_under_the_subtitle():
    # A real account whose videos are all "Other": the plot was 4 px high, the subtitle over it.
    for claims in (None, PUBLISHED_CLAIMS):
        fig = format_rate_chart(format_table().head(1), claims=claims)
        margin = fig.layout.margin
        assert fig.layout.height - margin.t - margin.b >= 40


def test_rate_axes_of_an_account_below_one_percent_tell_their_ticks_apart():
    # A genuine account's 0.1% engagement rate read "0% 0% 0% 0% 0%" on every rate axis.
    low = format_table().assign(
        engagement_rate=[0.0012, 0.0008, 0.0009],
        engagement_rate_low=[0.0010, 0.0007, 0.0005],
        engagement_rate_high=[0.0015, 0.0009, 0.0012],
    )
    assert format_rate_chart(low).layout.xaxis.tickformat == ".2~%"
    assert video_scatter_chart(
        videos().assign(engagement_rate=[0.012, 0.008, 0.005, None])
    ).layout.yaxis.tickformat == (".1~%")
    grid = week_grid({(1, 9): 0.003, (2, 10): 0.001})
    heatmap = weekday_hour_heatmap(
        grid, "value", title="t", subtitle="s", hour_title="h", value_title="v", percent=True
    )
    assert heatmap.data[0].colorbar.tickformat == ".2~%"
    # Rates of several percent keep whole percents.
    assert format_rate_chart(format_table()).layout.xaxis.tickformat == ".0%"
