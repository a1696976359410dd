"""The report's own plotly figures (the library's charts cover the rest): bars, grouped bars, doughnuts.

Same house style as analytics.charts (`style()`): title, the definition as a subtitle, readable fonts.
Each takes plain lists, so a section builds its chart from whatever table it computed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from analytics.charts import BRAND, PALETTE, count_ticks, style

TIER_COLORS: dict[str, str] = {
    "Champion": BRAND,  # i18n: stored codes or plotly markup
    "Loyal": "#5EC4B6",  # i18n: stored codes or plotly markup
    "At risk": "#F97316",  # i18n: stored codes or plotly markup
    "Lapsed": "#E11D48",  # i18n: stored codes or plotly markup
    "New": "#6366F1",  # i18n: stored codes or plotly markup
    "Regular": "#94A3B8",  # i18n: stored codes or plotly markup
    "One-time": "#CBD5E1",
}


# The only markup our charts write into their labels. plotly reads any tag in a label as markup, so
# an uploaded `<a href="https://...">Re-login</a>` (a territory, a format name, a hashtag) would
# be a live link in the chart: every other `<` and `>` is written as an entity, shown as typed.
_OUR_MARKUP = re.compile(r"<br>|</?b>|</span>|<span style='[^'<>]*'>|</?extra>")
_TRACE_TEXT = ("x", "y", "labels", "parents", "text", "hovertext", "hovertemplate", "customdata", "name")


def _literal(value):
    if isinstance(value, str):
        pieces, start = [], 0
        for match in _OUR_MARKUP.finditer(value):
            pieces += [value[start : match.start()].replace("<", "&lt;").replace(">", "&gt;"), match.group()]
            start = match.end()
        return "".join(pieces) + value[start:].replace("<", "&lt;").replace(">", "&gt;")
    if isinstance(value, list | tuple):
        return type(value)(_literal(item) for item in value)
    if isinstance(value, np.ndarray) and value.dtype == object:
        return np.array([_literal(item) for item in value.tolist()], dtype=object).reshape(value.shape)
    if isinstance(value, dict):
        return {key: _literal(item) for key, item in value.items()}
    return value


def literal_labels(fig: go.Figure) -> go.Figure:
    """A copy of the figure whose labels (categories, names, texts, tick labels) show uploaded text as typed."""
    safe = go.Figure(fig)
    for trace in safe.data:
        for key in _TRACE_TEXT:
            if key in trace and trace[key] is not None:
                trace[key] = _literal(trace[key])
    for axis in (*safe.select_xaxes(), *safe.select_yaxes()):
        if axis.ticktext is not None:
            axis.ticktext = _literal(axis.ticktext)
        if axis.title.text is not None:
            axis.title.text = _literal(axis.title.text)
    for annotation in safe.layout.annotations:
        annotation.text = _literal(annotation.text)
    if safe.layout.title.text is not None:
        safe.layout.title.text = _literal(safe.layout.title.text)
    return safe


def _number(percent: bool, decimals: int = 1) -> str:
    return f".{decimals}%" if percent else ",.0f"


def bar_chart(
    categories: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    subtitle: str,
    axis_title: str,
    percent: bool = False,
    colors: Sequence[str] | None = None,
    decimals: int = 1,
) -> go.Figure:
    """Horizontal bars, first category on top, each labelled with its value."""
    number = _number(percent, decimals)
    fig = go.Figure(
        go.Bar(
            x=list(values),
            y=list(categories),
            orientation="h",
            marker_color=list(colors) if colors else BRAND,
            text=[f"{value:{number}}" for value in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate=f"<b>%{{y}}</b>: %{{x:{number}}}<extra></extra>",  # i18n: stored codes or plotly markup
        )
    )
    style(fig, title=title, subtitle=subtitle, height=150 + 40 * max(len(categories), 2))
    fig.update_layout(hovermode="closest", bargap=0.3, margin={"t": 110, "r": 70})
    fig.update_xaxes(
        title_text=axis_title,
        **({"tickformat": ".0%"} if percent else count_ticks(max(values, default=None))),
        showgrid=True,
        gridcolor="#E2E8F0",
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", showgrid=False)
    return fig


def grouped_bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    title: str,
    subtitle: str,
    axis_title: str,
    percent: bool = False,
    errors: Sequence[tuple[Sequence[float], Sequence[float]] | None] | None = None,
) -> go.Figure:
    """Vertical bars, one colour per series; `errors` gives (low, high) whiskers per series."""
    number = _number(percent)
    fig = go.Figure()
    for index, (name, values) in enumerate(series):
        whiskers = errors[index] if errors else None
        error_y = None
        if whiskers:
            low, high = whiskers
            error_y = {
                "type": "data",
                "symmetric": False,
                "array": [max(h - v, 0) for h, v in zip(high, values, strict=True)],
                "arrayminus": [max(v - lo, 0) for lo, v in zip(low, values, strict=True)],
                "color": "#334155",
                "thickness": 1.5,
                "width": 6,
            }
        fig.add_bar(
            x=list(categories),
            y=list(values),
            name=name,
            marker_color=PALETTE[index % len(PALETTE)],
            error_y=error_y,
            text=[f"{value:{number}}" for value in values],
            textposition="inside" if whiskers else "outside",
            cliponaxis=False,
            hovertemplate=f"<b>{name}</b> · %{{x}}: %{{y:{number}}}<extra></extra>",  # i18n: stored codes or plotly markup
        )
    style(fig, title=title, subtitle=subtitle, height=440)
    fig.update_layout(hovermode="closest", barmode="group", bargap=0.3, margin={"t": 110})
    highest = max(
        [value for _, values in series for value in values]
        + [value for whiskers in errors or [] if whiskers for value in whiskers[1]],
        default=None,
    )
    fig.update_yaxes(title_text=axis_title, **({"tickformat": ".0%"} if percent else count_ticks(highest)))
    return fig


def doughnut_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    subtitle: str,
    colors: Sequence[str] | None = None,
    center: str = "",
) -> go.Figure:
    """A doughnut, slices in the given order (clockwise from the top), with the total in the middle."""
    fig = go.Figure(
        go.Pie(
            labels=list(labels),
            values=list(values),
            hole=0.55,
            sort=False,
            direction="clockwise",
            marker={"colors": list(colors) if colors else PALETTE, "line": {"color": "white", "width": 2}},
            textinfo="percent",
            textposition="inside",
            insidetextorientation="horizontal",
            hovertemplate="<b>%{label}</b>: %{value:,.0f} (%{percent})<extra></extra>",  # i18n: stored codes or plotly markup
        )
    )
    style(fig, title=title, subtitle=subtitle, height=440)
    fig.update_layout(
        hovermode="closest",
        legend={"orientation": "v", "x": 1.02, "xanchor": "left", "y": 0.5, "yanchor": "middle"},
        annotations=[{"text": center, "showarrow": False, "font": {"size": 16}}] if center else [],
    )
    return fig
