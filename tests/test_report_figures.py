"""The charts of the HTML report and the app keep their labels and read as whole numbers.

Inside the app, Streamlit makes its own plotly theme the process default, and that theme has no
automatic margins: a report built there cut "United States" to "ed States" and "Wednesday" to
"dnesday". These tests build the report under that default and check the figures' data and
layout (not pixels): category names present and distinct, every axis free to grow its margin,
whole-number ticks for counts, and a gap in the data left as a gap.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import plotly.io as pio
import pytest

from analytics import charts
from analytics.charts_formats import formats_by_month_chart
from analytics.charts_members import tier_chart
from analytics.definitions import DEFINITIONS
from analytics.report import build_report, default_report_period
from analytics.sample import demo_workspace


@pytest.fixture(scope="module")
def report_in_the_app():
    import streamlit.elements.plotly_chart  # noqa: F401  (registers the "streamlit" theme)

    before = pio.templates.default
    pio.templates.default = "streamlit"  # what a page of the running app has made it
    try:
        ws = demo_workspace()
        yield build_report(ws.con, period=default_report_period(ws.con), salt="x")
    finally:
        pio.templates.default = before


def axes(fig):
    layout = fig.layout.to_plotly_json()
    return {name: value for name, value in layout.items() if name.startswith(("xaxis", "yaxis"))}


def test_every_axis_of_every_report_chart_grows_its_margin_to_fit_its_labels(report_in_the_app):
    figures = {finding.key: finding.figure for finding in report_in_the_app.findings if finding.figure}
    assert len(figures) >= 10
    for key, fig in figures.items():
        template_grows = fig.layout.template.layout.yaxis.automargin
        for name, axis in axes(fig).items():
            assert axis.get("automargin", template_grows) is True, (key, name)


def test_long_category_names_are_on_the_axes_in_full_and_never_twice(report_in_the_app):
    figures = {finding.key: finding.figure for finding in report_in_the_app.findings if finding.figure}
    formats = [str(label) for trace in figures["formats_rate"].data for label in trace.y if label]
    assert any(label.startswith("Behind the scenes") for label in formats)
    assert any(label.startswith("Mini game") for label in formats)
    territories = list(figures["segments_territories"].data[0].y)
    assert "United States" in territories
    weekdays = list(figures["formats_posting_times"].data[0].y)
    assert "Wednesday" in weekdays
    slots = list(figures["live_slots"].data[0].y)
    assert len(slots) == len(set(slots)) and all(":00" in slot and slot[:3].isalpha() for slot in slots)
    for key, fig in figures.items():
        for trace in fig.data:
            if trace.type == "bar" and trace.orientation == "h":
                assert len(list(trace.y)) == len(set(trace.y)), (key, list(trace.y))


@pytest.mark.parametrize(
    ("high", "low", "expected"),
    [
        (3, 0, {"tickformat": ",d", "tickmode": "linear", "tick0": 0, "dtick": 1}),  # never 0 1 1 2 2 3 3
        (9, 0, {"tickformat": ",d", "tickmode": "linear", "tick0": 0, "dtick": 2}),
        (5013, 4995, {"tickformat": ",d", "tickmode": "auto"}),  # 4,995 · 5,000 · 5,005, never 5K 5K 5K
        (31_000, 23_000, {"tickformat": "~s", "tickmode": "auto"}),  # 24k · 26k · 28k
        (9.96, -4.78, {"tickformat": ",d", "tickmode": "auto"}),  # follower changes: never −4.78 … 9.96
    ],
)
def test_count_axes_tick_in_whole_numbers_that_differ(high, low, expected):
    assert charts.count_ticks(high, low) == expected


def test_a_few_videos_a_month_and_a_few_members_get_whole_number_ticks():
    monthly = pd.DataFrame(
        {
            "month": pd.to_datetime(["2026-01-01", "2026-02-01"]),
            "format": ["Tutorial", "Tutorial"],
            "count_videos": [1, 3],
            "total_views": [100, 300],
            "engagement_rate": [0.1, 0.1],
        }
    )
    axis = formats_by_month_chart(monthly).layout.yaxis
    assert (axis.tickformat, axis.dtick) == (",d", 1)
    counts = pd.DataFrame(
        {
            "tier": ["Champion", "Loyal"],
            "count_members": [1, 2],
            "share_of_members": [0.3, 0.7],
            "meaning": ["", ""],
        }
    )
    assert tier_chart(counts).layout.yaxis.dtick == 1


def test_the_followers_change_axis_has_round_ticks_not_ones_synced_to_the_other_axis():
    trend = pd.DataFrame(
        {
            "stat_date": [date(2026, 1, 1) + timedelta(days=day) for day in range(10)],
            "followers": [4995 + day * 2 for day in range(10)],
            "follower_change": [2, -4, 9, 1, 0, 2, 3, 1, -1, 2],
        }
    )
    fig = charts.followers_chart(trend, title="Followers", definition="")
    assert fig.layout.yaxis2.tickmode in ("auto", "linear") and fig.layout.yaxis2.tickformat == ",d"
    assert fig.layout.yaxis.tickformat == ",d" and fig.layout.yaxis.title.text == "Followers"


def test_a_four_week_gap_in_the_files_breaks_the_seven_day_average_line():
    days = [date(2026, 1, 1) + timedelta(days=day) for day in range(14)]
    days += [date(2026, 2, 12) + timedelta(days=day) for day in range(14)]  # 4 weeks missing between
    trend = pd.DataFrame({"stat_date": days, "video_views": [1000] * len(days)})
    fig = charts.daily_trend_chart(trend, "video_views", title="Views", definition="")
    line = fig.data[1]
    gap = [pd.Timestamp(x) for x, y in zip(line.x, line.y, strict=True) if pd.isna(y)]
    assert pd.Timestamp("2026-01-20") in gap and pd.Timestamp("2026-02-05") in gap
    assert line.connectgaps in (None, False)


def test_the_daily_engagement_rate_of_an_account_below_one_percent_has_distinct_ticks():
    # A genuine account at 0.2% engagement: the axis read "0% 0% 0% 1%".
    days = [date(2026, 1, 1) + timedelta(days=day) for day in range(28)]
    trend = pd.DataFrame(
        {"stat_date": days, "engagement_rate": [0.002 + 0.0002 * (day % 7) for day in range(28)]}
    )
    fig = charts.daily_trend_chart(trend, "engagement_rate", title="Rate", definition="", percent=True)
    assert fig.layout.yaxis.tickformat == ".2~%"
    trend["engagement_rate"] = trend["engagement_rate"] * 10
    assert (
        charts.daily_trend_chart(
            trend, "engagement_rate", title="Rate", definition="", percent=True
        ).layout.yaxis.tickformat
        == ".1~%"
    )
    assert charts.percent_ticks(0.12) == ".0%"


def test_a_long_definition_under_a_chart_wraps_instead_of_running_off_its_edge():
    # The engagement rate's definition (about 300 characters) was one line, cut at "on the" at 1400 px.
    definition = DEFINITIONS["engagement_rate"][1]
    trend = pd.DataFrame({"stat_date": [date(2026, 1, 1)], "engagement_rate": [0.05]})
    fig = charts.daily_trend_chart(
        trend, "engagement_rate", title="Rate", definition=definition, percent=True
    )
    lines = fig.layout.title.subtitle.text.split("<br>")
    assert len(lines) >= 3 and all(len(line) <= charts.SUBTITLE_WIDTH for line in lines)
    assert " ".join(lines) == definition
    assert fig.layout.margin.t >= 96 + 16 * len(lines)  # and the legend's row under them
    # The title block starts at the top, so the extra margin is left free for the legend above the plot.
    assert (fig.layout.title.yref, fig.layout.title.yanchor, fig.layout.title.y) == ("container", "top", 1)
