"""The What-if page's figures: a projection or a comparison in, a titled and labelled Figure out.

Same house style as analytics.charts. Each metric gets its own panel (views and new followers differ
by a thousandfold, one axis would flatten one of them), and whiskers always show the range the
numbers come with.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics import stats, wording
from analytics.charts import ACCENT, INK, MUTED, count_ticks, style
from analytics.i18n import _
from analytics.settings import SETTINGS
from analytics.whatif import Projection, describe_rate, signed_decimal


def _whiskers(values: list[float], lows: list[float], highs: list[float]) -> dict:
    return {
        "type": "data",
        "symmetric": False,
        "array": [max(high - value, 0) for value, high in zip(values, highs, strict=True)],
        "arrayminus": [max(value - low, 0) for value, low in zip(values, lows, strict=True)],
        "color": INK,
        "thickness": 1.5,
        "width": 8,
    }


def projection_chart(
    projection: Projection,
    *,
    title: str | None = None,
    current_label: str | None = None,
    planned_label: str | None = None,
    subtitle: str | None = None,
) -> go.Figure:
    """One panel per metric: the current and planned monthly totals, whiskers at the 10th–90th percentile.

    Without titles and labels, the mix planner's (in the run's language)."""
    title = title or _("Per month: your current mix against your plan")
    current_label = current_label or _("Current mix")
    planned_label = planned_label or _("Planned mix")
    subtitle = subtitle or _(
        "Per month = posts per week × 52 ÷ 12 × the average video of each format in your history. "
        "<br>Whiskers: 10th–90th percentile of {draws} bootstrap redraws of your own videos."
    ).format(draws=wording.count(SETTINGS.n_boot))
    # Translators: the bar's hover; {metric} is "Views", {bar} "Current mix", {value} and the range numbers.
    hover = _("<b>{metric}</b> · {bar}: {value} a month<br>range {low} – {high}")
    totals = projection.totals.dropna(subset=["current"])
    fig = make_subplots(
        rows=1, cols=max(len(totals), 1), subplot_titles=list(totals["label"]), horizontal_spacing=0.08
    )
    for column, row in enumerate(totals.itertuples(), start=1):
        values = [row.current, row.planned]
        fig.add_bar(
            x=[current_label, planned_label],
            y=values,
            marker_color=[MUTED, ACCENT],
            error_y=_whiskers(
                values, [row.current_low, row.planned_low], [row.current_high, row.planned_high]
            ),
            text=[wording.count(value) for value in values],
            textposition="inside",
            insidetextanchor="start",  # at the bar's foot, clear of the whisker
            textfont={"color": "white", "size": 14},
            customdata=[
                hover.format(
                    metric=row.label,
                    bar=bar,
                    value=wording.count(value),
                    low=wording.count(low),
                    high=wording.count(high),
                )
                for bar, value, low, high in [
                    (current_label, row.current, row.current_low, row.current_high),
                    (planned_label, row.planned, row.planned_low, row.planned_high),
                ]
            ],
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
            row=1,
            col=column,
        )
        highest = max(value for value in [*values, row.current_high, row.planned_high] if not pd.isna(value))
        fig.update_yaxes(rangemode="tozero", row=1, col=column, **count_ticks(highest))
    style(fig, title=title, subtitle=subtitle, height=440)
    fig.update_layout(hovermode="closest", bargap=0.35, margin={"t": 150})
    fig.update_annotations(font={"size": 14, "color": INK}, yshift=4)
    return fig


def _bare(value: float, unit: str) -> str:
    """A signed difference without its unit, for a compact interval ("+0.3 to +2.0")."""
    if pd.isna(value):
        return "—"
    return signed_decimal(value * 100 if unit == "percent" else value)


def comparison_chart(comparison: dict, *, label_a: str, label_b: str) -> go.Figure:
    """One panel per rate: group A and group B side by side, the difference and its interval above (at the
    comparison's `confidence`)."""
    rates: pd.DataFrame = comparison["rates"]
    shown = stats.level(comparison.get("confidence", stats.CONFIDENCE))
    titles = [
        f"{row.label}<br><span style='font-size:12px;color:#475569'>A − B: "  # i18n: markup around a label
        f"{describe_rate(row.difference, row.unit, signed=True)}<br>{shown}: "
        + (
            _("not known")
            if pd.isna(row.difference_low) or pd.isna(row.difference_high)
            else _("{low} to {high}").format(
                low=_bare(row.difference_low, row.unit), high=_bare(row.difference_high, row.unit)
            )
        )
        + "</span>"
        for row in rates.itertuples()
    ]
    fig = make_subplots(rows=1, cols=max(len(rates), 1), subplot_titles=titles, horizontal_spacing=0.06)
    for column, row in enumerate(rates.itertuples(), start=1):
        percent = row.unit == "percent"
        values = [row.value_a, row.value_b]
        fig.add_bar(
            x=["A", "B"],
            y=values,
            marker_color=[ACCENT, MUTED],
            text=[describe_rate(value, row.unit) for value in values],
            textposition="outside",
            cliponaxis=False,
            customdata=[
                f"<b>{label}</b>: {describe_rate(value, row.unit)}"
                for label, value in zip([label_a, label_b], values, strict=True)
            ],
            hovertemplate="%{customdata}<extra></extra>",
            showlegend=False,
            row=1,
            col=column,
        )
        fig.update_yaxes(
            tickformat=".0%" if percent else "~s", rangemode="tozero", showticklabels=False, row=1, col=column
        )
    style(
        fig,
        title=f"A: {label_a}  ·  B: {label_b}",
        # Translators: {level} is a confidence level such as 95%.
        subtitle=_(
            "Each rate as a ratio of sums over the group's videos. Above each panel: A − B and its {level} "
            "interval (bootstrap over videos)."
        ).format(level=shown),
        height=470,
    )
    fig.update_layout(hovermode="closest", bargap=0.35, margin={"t": 200})
    fig.update_annotations(font={"size": 13, "color": INK}, yshift=8)
    return fig
