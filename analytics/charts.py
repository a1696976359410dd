"""Plotly figures: a DataFrame in, a Figure out, titled and labelled for a client deck.

Every figure carries a title that says what it shows, axis titles with units, and the
definition of its number as a subtitle, so a chart screen-clipped into a deck still
explains itself.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics import i18n, wording
from analytics.i18n import N_, _

# The one palette: charts, the pages' CSS and the deck take their colours from here.
BRAND = "#0F766E"
ACCENT = "#F97316"
MUTED = "#94A3B8"
INK = "#334155"  # text drawn on a chart
PALETTE = [
    BRAND,
    ACCENT,
    "#6366F1",
    "#E11D48",
    "#0EA5E9",
    "#84CC16",
    "#A855F7",
    "#F59E0B",
    "#14B8A6",
    "#64748B",
]
FONT = "Inter, 'Noto Sans', 'Segoe UI', Arial, sans-serif"  # i18n: font names

# The daily trend's columns by their stored names, in English: shown with `label(column)`.
LABELS: dict[str, str] = {
    "stat_date": N_("Day"),
    "video_views": N_("Video views"),
    "profile_views": N_("Profile views"),
    "engagements": N_("Engagements"),
    "engagement_rate": N_("Engagement rate"),
    "followers": N_("Followers"),
    "follower_change": N_("Follower change"),
    "new_viewers": N_("New viewers"),
    "returning_viewers": N_("Returning viewers"),
}


def label(column: str) -> str:
    """A trend column's name in this run's language (a column without one keeps its stored name)."""
    return _(LABELS[column]) if column in LABELS else column


# Characters of a subtitle line: one line fits a full-width chart in a 1024 px window (sidebar open).
SUBTITLE_WIDTH = 72


def style(fig: go.Figure, *, title: str, subtitle: str = "", height: int = 420) -> go.Figure:
    """The house style: title and subtitle top left, light grid, readable fonts.

    The template is named, not left to the process's default: Streamlit sets that default to its own
    theme, which has no automatic margins, so a report built inside the app cut every long axis label
    ("ed States", "dnesday"). Margins grow to fit the labels on every axis, whatever the default.
    """
    lines = 1
    if subtitle and "<br>" not in subtitle:
        # Plotly never wraps a subtitle: a long definition ran off the chart's right edge, cut mid-sentence.
        wrapped = textwrap.wrap(subtitle, SUBTITLE_WIDTH)
        subtitle, lines = "<br>".join(wrapped), len(wrapped)
    fig.update_layout(
        template="plotly",
        title={
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": 12, "color": "#475569"}},
            "x": 0.01,
            "xanchor": "left",
            # Pinned to the top: centred in the top margin, a long subtitle slid down onto the legend.
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 16},
        },
        font={"family": FONT, "size": 13, "color": "#0F172A"},
        colorway=PALETTE,
        height=height,
        # Under a wrapped subtitle, room for the legend that sits just above the plot.
        margin={"l": 64, "r": 24, "t": (96 if lines == 1 else 96 + 16 * lines) if subtitle else 64, "b": 56},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hovermode="x unified",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
    )
    fig.update_xaxes(showgrid=False, linecolor="#CBD5E1", ticks="outside", automargin=True)
    fig.update_yaxes(gridcolor="#E2E8F0", zerolinecolor="#CBD5E1", rangemode="tozero", automargin=True)
    return fig


# Plotly names months in English only (its locales are not loaded): outside English, dates on axes
# and in hover labels are written in digits, day first, as every other language here writes them.
_DATE_TICKS = [
    {"dtickrange": [None, 86_400_000 * 27], "value": "%-d/%-m"},
    {"dtickrange": [86_400_000 * 27, 86_400_000 * 360], "value": "%-m/%Y"},
    {"dtickrange": [86_400_000 * 360, None], "value": "%Y"},
]
_MONTH_FORMATS = {
    "%b %Y": "%-m/%Y",
    "%B %Y": "%-m/%Y",
    "%d %b": "%-d/%-m",
    "%-d %b": "%-d/%-m",
    "%d %b %Y": "%-d/%-m/%Y",
}


def _holds_dates(values) -> bool:
    if values is None or len(values) == 0:
        return False
    first = values[0]
    return isinstance(first, (date, np.datetime64)) or (
        isinstance(first, str) and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T][\d:.]+)?", first))
    )


def localize(fig: go.Figure) -> go.Figure:
    """The figure's numbers and dates as the run's language writes them (1 234,5 · 29/11/2026), in place."""
    fig.update_layout(separators=wording.separators())
    if i18n.language() == i18n.DEFAULT:
        return fig
    date_axes = {
        ("xaxis" + (trace.xaxis or "x")[1:]) for trace in fig.data if _holds_dates(getattr(trace, "x", None))
    }
    for axis in (*fig.select_xaxes(), *fig.select_yaxes()):
        if axis.tickformat == "~s":  # Plotly's k/M are English: whole numbers with the language's marks
            axis.tickformat = ",d"
    for axis in fig.select_xaxes():
        name = axis.plotly_name
        if axis.tickformat in _MONTH_FORMATS:
            axis.tickformat = _MONTH_FORMATS[axis.tickformat]
        elif name in date_axes and not axis.tickformat:
            axis.tickformatstops = _DATE_TICKS
        if name in date_axes or axis.type == "date":
            axis.hoverformat = "%-d/%-m/%Y"
    return fig


def count_ticks(high: float | None, low: float | None = 0) -> dict:
    """Axis settings for counts: whole numbers only, with enough digits to tell ticks apart.

    Never "0 1 1 2 2 3 3" (half ticks rounded: steps of 1 or 2 below 10), never "5K 5K 5K" (a
    narrow range far from zero written in full: 4,995 · 5,000 · 5,005); "~s" (5k, 10k) only when
    the ticks differ in their first digits.
    """
    if high is None or pd.isna(high):
        return {"tickformat": ",d"}
    low = 0 if low is None or pd.isna(low) else min(float(low), float(high))
    span = float(high) - low
    if span <= 10:
        return {"tickformat": ",d", "tickmode": "linear", "tick0": 0, "dtick": 1 if span <= 5 else 2}
    if max(abs(float(high)), abs(low)) >= 10_000 and span >= 0.2 * max(abs(float(high)), abs(low)):
        return {"tickformat": "~s", "tickmode": "auto"}
    return {"tickformat": ",d", "tickmode": "auto"}


def percent_ticks(high: float | None) -> str:
    """The tick format of a rate axis: enough decimals to tell its ticks apart.

    Never "0% 0% 0% 1%" on an account whose engagement rate is below a few percent: whole percents
    from 6% up, one decimal from 0.6%, two below (trailing zeros dropped: 0.5%, 1%, 1.5%).
    """
    if high is None or pd.isna(high) or float(high) >= 0.06:
        return ".0%"
    return ".1~%" if float(high) >= 0.006 else ".2~%"


def every_day(trend: pd.DataFrame) -> pd.DataFrame:
    """The trend with a row for every day of its span, empty where no file covers it.

    A week without data is then a gap in a line (and in its 7-day average), never a straight
    line drawn across it as if it had been measured.
    """
    if trend.empty:
        return trend
    days = pd.to_datetime(trend["stat_date"])
    full = pd.date_range(days.min(), days.max(), freq="D")
    return (
        trend.assign(stat_date=days)
        .set_index("stat_date")
        .reindex(full)
        .rename_axis("stat_date")
        .reset_index()
    )


def daily_trend_chart(
    trend: pd.DataFrame, metric: str, *, title: str, definition: str, percent: bool = False
) -> go.Figure:
    """One metric day by day, with its 7-day average so a client sees the direction, not the noise."""
    trend = every_day(trend)
    values = trend[metric].astype(float)
    rolling = values.rolling(7, min_periods=4).mean()
    name = label(metric)
    number = ".1%" if percent else ",.0f"
    fig = go.Figure()
    fig.add_bar(
        x=trend["stat_date"],
        y=values,
        # Translators: {metric} is a number's name ("Video views")
        name=_("{metric} per day").format(metric=name),
        marker_color="#99D5CF",
        hovertemplate=f"%{{y:{number}}}",
    )
    fig.add_scatter(
        x=trend["stat_date"],
        y=rolling,
        name=_("7-day average"),
        mode="lines",
        line={"color": BRAND, "width": 3},
        hovertemplate=f"%{{y:{number}}}",
    )
    style(fig, title=title, subtitle=definition)
    fig.update_yaxes(
        title_text=_("{metric} (%)").format(metric=name) if percent else name,
        **(
            {"tickformat": percent_ticks(values.max())}
            if percent
            else count_ticks(values.max(), min(values.min(), 0))
        ),
    )
    fig.update_xaxes(title_text=_("Day"))
    return fig


def followers_chart(trend: pd.DataFrame, *, title: str, definition: str) -> go.Figure:
    """The follower total as a line, with the daily change as bars underneath."""
    trend = every_day(trend)
    followers, change = trend["followers"].astype(float), trend["follower_change"].astype(float)
    fig = go.Figure()
    fig.add_scatter(
        x=trend["stat_date"],
        y=trend["followers"],
        name=_("Followers"),
        mode="lines",
        line={"color": BRAND, "width": 3},
        hovertemplate="%{y:,.0f}",
    )
    fig.add_bar(
        x=trend["stat_date"],
        y=trend["follower_change"],
        name=_("Change that day"),
        marker_color=ACCENT,
        yaxis="y2",
        opacity=0.6,
        hovertemplate="%{y:+,.0f}",
    )
    style(fig, title=title, subtitle=definition)
    fig.update_layout(
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "title": {"text": _("Change per day")},
            "automargin": True,
            **count_ticks(change.max(), min(change.min(), 0)),
        }
    )
    # The left axis by name: a selector on its anchor matched nothing, and the title never showed.
    fig.update_layout(
        yaxis={
            "title": {"text": _("Followers")},
            "rangemode": "normal",
            **count_ticks(followers.max(), followers.min()),
        }
    )
    fig.update_xaxes(title_text=_("Day"))
    return fig


def viewers_chart(trend: pd.DataFrame, *, title: str, definition: str) -> go.Figure:
    """New and returning viewers per day, stacked."""
    trend = every_day(trend)
    fig = go.Figure()
    for column, color in (("returning_viewers", BRAND), ("new_viewers", "#99D5CF")):
        fig.add_bar(
            x=trend["stat_date"],
            y=trend[column],
            name=label(column),
            marker_color=color,
            hovertemplate="%{y:,.0f}",
        )
    style(fig, title=title, subtitle=definition)
    fig.update_layout(barmode="stack")
    total = trend["new_viewers"].astype(float).fillna(0) + trend["returning_viewers"].astype(float).fillna(0)
    fig.update_yaxes(title_text=_("Viewers per day"), **count_ticks(total.max()))
    fig.update_xaxes(title_text=_("Day"))
    return fig
