"""The LIVE section: how the period's LIVEs went, when to go LIVE, and what one more LIVE a week would bring.

The last finding answers the meeting's "what if we did more LIVEs?" with the What-if page's projection
(analytics.whatif.project_lives): per-LIVE averages of the period times LIVEs per month, with a
bootstrap range, and said to be an estimate.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from analytics import charts_formats, lives, whatif
from analytics.charts import ACCENT, BRAND, MUTED
from analytics.overview import Period
from analytics.report import text
from analytics.report.figures import bar_chart, grouped_bar_chart
from analytics.report.model import Finding, NativeChart

MIN_LIVES_PER_SLOT = 2  # a start time drawn on the chart
MIN_LIVES = 5  # an average compared between periods, or a start time named the best


def live_findings(
    con: duckdb.DuckDBPyConnection, period: Period, left_out: list[str] | None = None
) -> list[Finding]:
    left_out = [] if left_out is None else left_out
    sessions = lives.live_sessions(con, start=period.start, end=period.end)
    if sessions.empty:
        return []
    previous = period.previous()
    kpis = lives.live_kpis(
        con, start=period.start, end=period.end, previous=(previous.start, previous.end)
    ).set_index("metric")
    viewers, change = kpis.at["average_viewers", "value"], kpis.at["average_viewers", "change"]
    count = len(sessions)
    before = int(lives.live_summary(con, start=previous.start, end=previous.end)["count_lives"] or 0)
    headline = f"{text.plural(count, 'LIVE')} drew {text.count(viewers)} viewers on average"
    if not text.is_missing(change) and min(count, before) >= MIN_LIVES:
        headline += f", {change:+.0%} on {period.previous_name}"
    elif not text.is_missing(change):
        headline += (
            f" (too few LIVEs to compare with the {text.plural(before, 'LIVE')} of {period.previous_name})"
        )
    details = [
        f"{kpis.at[metric, 'label']}: {kpis.at[metric, 'display']}"
        for metric in ("lives_per_week", "interactions_per_viewer", "new_followers_per_live", "total_gifts")
        if not text.is_missing(kpis.at[metric, "value"])
    ]
    dates = [text.short_day(when) for when in sessions["started_at"]]
    findings = [
        Finding(
            section="live",
            key="live_viewers",
            headline=headline,
            caption="Viewers and peak viewers of each LIVE",
            note="; ".join(details) + ".",
            figure=charts_formats.live_trend_chart(sessions),
            native=NativeChart(
                kind="column",
                categories=dates,
                series=[
                    ("Viewers", _values(sessions["viewers"])),
                    ("Peak viewers at once", _values(sessions["peak_viewers"])),
                ],
                legend=True,
                data_labels=count <= 12,
            ),
            metrics=("average_viewers", "average_peak_viewers", "interactions_per_viewer", "lives_per_week"),
        )
    ]

    slots = lives.live_slots(con, start=period.start, end=period.end)
    rated = slots[(slots["count_lives"] >= MIN_LIVES_PER_SLOT) & slots["relative_viewers"].notna()]
    if len(rated) >= 2:  # one start time alone is nothing to compare
        best = rated.iloc[0]
        slot = f"{lives.WEEKDAYS[int(best['weekday'])]} LIVEs at {int(best['hour']):02d}:00"
        percent = round((best["relative_viewers"] - 1) * 100)
        if best["count_lives"] < MIN_LIVES:
            headline = (
                f"Too few LIVEs per start time to name a best one yet: {slot} leads on "
                f"{text.plural(int(best['count_lives']), 'LIVE')} (it takes {MIN_LIVES})"
            )
        elif percent >= 10:
            headline = f"{slot} drew {percent}% more viewers than LIVEs held in the same weeks"
        else:
            headline = f"No LIVE time stands out yet: the best, {slot}, draws about the usual audience"
        labels = [
            f"{lives.WEEKDAYS[int(row.weekday)][:3]} {int(row.hour):02d}:00 ({int(row.count_lives)})"
            for row in rated.itertuples()
        ]
        values = [float(value) for value in rated["relative_viewers"]]
        findings.append(
            Finding(
                section="live",
                key="live_slots",
                headline=headline,
                caption="Viewers of a LIVE against LIVEs held within four weeks of it (100% = the usual), by start time",
                note=lives.best_live_slot(slots, min_lives=MIN_LIVES_PER_SLOT)
                + f" Start times with at least {MIN_LIVES_PER_SLOT} LIVEs; LIVEs in brackets.",
                figure=bar_chart(
                    labels,
                    values,
                    title="Which start times draw the most viewers",
                    subtitle="Viewers of each LIVE ÷ the median of the LIVEs within four weeks of it, averaged "
                    "per start time. 100% = the usual audience.",
                    axis_title="Viewers against the usual (100%)",
                    percent=True,
                    decimals=0,
                    colors=[BRAND if value >= 1 else MUTED for value in values],
                ),
                native=NativeChart(
                    kind="bar",
                    categories=labels,
                    series=[("Viewers against the usual", values)],
                    number_format="0%",
                    point_colors=[BRAND if value >= 1 else MUTED for value in values],
                ),
                metrics=("average_viewers",),
            )
        )

    findings += _what_if(con, period, sessions)
    return findings


def _what_if(con: duckdb.DuckDBPyConnection, period: Period, sessions: pd.DataFrame) -> list[Finding]:
    """What one more LIVE a week would bring, from the period's LIVEs, or every LIVE up to its end when
    the period holds too few to project."""
    history, days = sessions, period.days
    history_note = f"of the period ({len(history)} LIVEs)"
    if len(history) < whatif.MIN_VIDEOS:
        history = lives.live_sessions(con, end=period.end)
        if len(history) < whatif.MIN_VIDEOS:
            return []
        first = pd.Timestamp(history["started_at"].min()).date()
        days = max((period.end - first).days + 1, 7)
        history_note = (
            f"since {text.day(first)} ({len(history)} LIVEs: the period alone has too few to project)"
        )
    current = len(history) / (days / 7)
    projection = whatif.project_lives(history, current + 1, days=days)
    totals = projection.totals.set_index("metric")
    metric = "new_followers" if "new_followers" in totals.index else "viewers"
    row = totals.loc[metric]
    label = "new followers" if metric == "new_followers" else "viewers"
    extra = [
        f"{text.count(totals.at[other, 'change'])} {totals.at[other, 'label'].lower()}"
        for other in totals.index
        if other != metric and not pd.isna(totals.at[other, "change"])
    ]
    return [
        Finding(
            section="live",
            key="live_what_if",
            headline=f"One more LIVE a week would bring about {row['change']:,.0f} more {label} a month",
            caption=f"Projected {label} per month: now ({current:.1f} LIVEs a week) and with one more a week",
            note=(
                f"From {current:.1f} to {current + 1:.1f} LIVEs a week, if each extra LIVE does as well as "
                f"the average one {history_note}. Range (10th–90th percentile, bootstrap): "
                f"{row['change_low']:,.0f} to {row['change_high']:,.0f} more {label} a month. "
                + (f"Also about +{', +'.join(extra)} a month. " if extra else "")
                + "An estimate from your own history, not a promise."
            ),
            figure=grouped_bar_chart(
                ["Now", "One more LIVE a week"],
                [(f"{label.capitalize()} per month", [row["current"], row["planned"]])],
                title=f"{label.capitalize()} per month from LIVEs",
                subtitle="LIVEs per week × 52 ÷ 12 × the average LIVE. Whiskers: 10th–90th percentile (bootstrap).",
                axis_title=f"{label.capitalize()} per month",
                errors=[
                    ([row["current_low"], row["planned_low"]], [row["current_high"], row["planned_high"]])
                ],
            ),
            native=NativeChart(
                kind="column",
                categories=[f"Now ({current:.1f} a week)", f"Plan ({current + 1:.1f} a week)"],
                series=[(f"{label.capitalize()} per month", [row["current"], row["planned"]])],
                point_colors=[MUTED, ACCENT],
            ),
            metrics=("projection", "new_followers_per_live"),
        )
    ]


def _values(series: pd.Series) -> list[float | None]:
    return [None if pd.isna(item) else float(item) for item in series]


def windows(con: duckdb.DuckDBPyConnection, period: Period, sections: Sequence[str]) -> list[tuple[str, str]]:
    if "live" not in sections:
        return []
    summary = lives.live_summary(con, start=period.start, end=period.end)
    if not summary["count_lives"]:
        return []
    return [("LIVEs", f"{summary['count_lives']} broadcasts in the period, from the LIVE template")]
