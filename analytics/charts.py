"""Plotly figures: a DataFrame in, a Figure out, titled and labelled for a client deck.

Every figure carries a title that says what it shows, axis titles with units, and the
definition of its number as a subtitle, so a chart screen-clipped into a deck still
explains itself.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

BRAND = "#0F766E"
ACCENT = "#F97316"
MUTED = "#94A3B8"
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
FONT = "Inter, 'Noto Sans', 'Segoe UI', Arial, sans-serif"

LABELS: dict[str, str] = {
    "stat_date": "Day",
    "video_views": "Video views",
    "profile_views": "Profile views",
    "engagements": "Engagements",
    "engagement_rate": "Engagement rate",
    "followers": "Followers",
    "follower_change": "Follower change",
    "new_viewers": "New viewers",
    "returning_viewers": "Returning viewers",
}


def style(fig: go.Figure, *, title: str, subtitle: str = "", height: int = 420) -> go.Figure:
    """The house style: title and subtitle top left, light grid, readable fonts.

    The template is named, not left to the process's default: Streamlit sets that default to its own
    theme, which has no automatic margins, so a report built inside the app cut every long axis label
    ("ed States", "dnesday"). Margins grow to fit the labels on every axis, whatever the default.
    """
    fig.update_layout(
        template="plotly",
        title={
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": 12, "color": "#475569"}},
            "x": 0.01,
            "xanchor": "left",
        },
        font={"family": FONT, "size": 13, "color": "#0F172A"},
        colorway=PALETTE,
        height=height,
        margin={"l": 64, "r": 24, "t": 96 if subtitle else 64, "b": 56},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hovermode="x unified",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
    )
    fig.update_xaxes(showgrid=False, linecolor="#CBD5E1", ticks="outside", automargin=True)
    fig.update_yaxes(gridcolor="#E2E8F0", zerolinecolor="#CBD5E1", rangemode="tozero", automargin=True)
    return fig


def daily_trend_chart(
    trend: pd.DataFrame, metric: str, *, title: str, definition: str, percent: bool = False
) -> go.Figure:
    """One metric day by day, with its 7-day average so a client sees the direction, not the noise."""
    values = trend[metric].astype(float)
    rolling = values.rolling(7, min_periods=4).mean()
    label = LABELS.get(metric, metric)
    number = ".1%" if percent else ",.0f"
    fig = go.Figure()
    fig.add_bar(
        x=trend["stat_date"],
        y=values,
        name=f"{label} per day",
        marker_color="#99D5CF",
        hovertemplate=f"%{{y:{number}}}",
    )
    fig.add_scatter(
        x=trend["stat_date"],
        y=rolling,
        name="7-day average",
        mode="lines",
        line={"color": BRAND, "width": 3},
        hovertemplate=f"%{{y:{number}}}",
    )
    style(fig, title=title, subtitle=definition)
    fig.update_yaxes(title_text=label + (" (%)" if percent else ""), tickformat=".0%" if percent else "~s")
    fig.update_xaxes(title_text="Day")
    return fig


def followers_chart(trend: pd.DataFrame, *, title: str, definition: str) -> go.Figure:
    """The follower total as a line, with the daily change as bars underneath."""
    fig = go.Figure()
    fig.add_scatter(
        x=trend["stat_date"],
        y=trend["followers"],
        name="Followers",
        mode="lines",
        line={"color": BRAND, "width": 3},
        hovertemplate="%{y:,.0f}",
    )
    fig.add_bar(
        x=trend["stat_date"],
        y=trend["follower_change"],
        name="Change that day",
        marker_color=ACCENT,
        yaxis="y2",
        opacity=0.6,
        hovertemplate="%{y:+,.0f}",
    )
    style(fig, title=title, subtitle=definition)
    fig.update_layout(
        yaxis2={"overlaying": "y", "side": "right", "showgrid": False, "title": {"text": "Change per day"}}
    )
    fig.update_yaxes(title_text="Followers", tickformat="~s", rangemode="normal", selector={"anchor": "x"})
    fig.update_xaxes(title_text="Day")
    return fig


def viewers_chart(trend: pd.DataFrame, *, title: str, definition: str) -> go.Figure:
    """New and returning viewers per day, stacked."""
    fig = go.Figure()
    for column, color in (("returning_viewers", BRAND), ("new_viewers", "#99D5CF")):
        fig.add_bar(
            x=trend["stat_date"],
            y=trend[column],
            name=LABELS[column],
            marker_color=color,
            hovertemplate="%{y:,.0f}",
        )
    style(fig, title=title, subtitle=definition)
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Viewers per day", tickformat="~s")
    fig.update_xaxes(title_text="Day")
    return fig
