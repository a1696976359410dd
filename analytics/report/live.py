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
from analytics.i18n import _, ngettext
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
    drew = ngettext(
        "{count} LIVE drew {viewers} viewers on average",
        "{count} LIVEs drew {viewers} viewers on average",
        count,
    ).format(count=text.number(count), viewers=text.count(viewers))
    if not text.is_missing(change) and min(count, before) >= MIN_LIVES:
        headline = _("{drew}, {change} on {before}").format(
            drew=drew, change=text.percent(change, signed=True), before=period.previous_name
        )
    elif not text.is_missing(change):
        headline = _("{drew} (too few LIVEs to compare with the {lives} of {before})").format(
            drew=drew, lives=text.lives_count(before), before=period.previous_name
        )
    else:
        headline = drew
    details = [
        f"{_(kpis.at[metric, 'label'])}: {kpis.at[metric, 'display']}"
        for metric in ("lives_per_week", "interactions_per_viewer", "new_followers_per_live", "total_gifts")
        if not text.is_missing(kpis.at[metric, "value"])
    ]
    dates = [text.short_day(when) for when in sessions["started_at"]]
    findings = [
        Finding(
            section="live",
            key="live_viewers",
            headline=headline,
            caption=_("Viewers and peak viewers of each LIVE"),
            note="; ".join(details) + ".",
            figure=charts_formats.live_trend_chart(sessions),
            native=NativeChart(
                kind="column",
                categories=dates,
                series=[
                    (_("Viewers"), _values(sessions["viewers"])),
                    (_("Peak viewers at once"), _values(sessions["peak_viewers"])),
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
        # Translators: "Friday LIVEs at 20:00"
        slot = _("{weekday} LIVEs at {hour}").format(
            weekday=text.weekday(int(best["weekday"])), hour=f"{int(best['hour']):02d}:00"
        )
        percent = round((best["relative_viewers"] - 1) * 100)
        if best["count_lives"] < MIN_LIVES:
            headline = _(
                "Too few LIVEs per start time to name a best one yet: {slot} leads on {lives} (it takes {needed})"
            ).format(slot=slot, lives=text.lives_count(int(best["count_lives"])), needed=MIN_LIVES)
        elif percent >= 10:
            headline = text.sentence(
                _("{slot} drew {more} more viewers than LIVEs held in the same weeks").format(
                    slot=slot, more=text.percent(percent / 100)
                )
            )
        else:
            headline = _(
                "No LIVE time stands out yet: the best, {slot}, draws about the usual audience"
            ).format(slot=slot)
        labels = [
            f"{text.weekday(int(row.weekday), short=True)} {int(row.hour):02d}:00 ({int(row.count_lives)})"
            for row in rated.itertuples()
        ]
        values = [float(value) for value in rated["relative_viewers"]]
        findings.append(
            Finding(
                section="live",
                key="live_slots",
                headline=headline,
                caption=_(
                    "Viewers of a LIVE against LIVEs held within four weeks of it (100% = the usual), by start time"
                ),
                note=lives.best_live_slot(slots, min_lives=MIN_LIVES_PER_SLOT)
                + " "
                + _("Start times with at least {count} LIVEs; LIVEs in brackets.").format(
                    count=MIN_LIVES_PER_SLOT
                ),
                figure=bar_chart(
                    labels,
                    values,
                    title=_("Which start times draw the most viewers"),
                    subtitle=_(
                        "Viewers of each LIVE ÷ the median of the LIVEs within four weeks of it, averaged per start "
                        "time. 100% = the usual audience."
                    ),
                    axis_title=_("Viewers against the usual (100%)"),
                    percent=True,
                    decimals=0,
                    colors=[BRAND if value >= 1 else MUTED for value in values],
                ),
                native=NativeChart(
                    kind="bar",
                    categories=labels,
                    series=[(_("Viewers against the usual"), values)],
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
    history_note = _("of the period ({lives})").format(lives=text.lives_count(len(history)))
    if len(history) < whatif.MIN_VIDEOS:
        history = lives.live_sessions(con, end=period.end)
        if len(history) < whatif.MIN_VIDEOS:
            return []
        first = pd.Timestamp(history["started_at"].min()).date()
        days = max((period.end - first).days + 1, 7)
        history_note = _("since {day} ({lives}: the period alone has too few to project)").format(
            day=text.day(first), lives=text.lives_count(len(history))
        )
    current = len(history) / (days / 7)
    projection = whatif.project_lives(history, current + 1, days=days)
    totals = projection.totals.set_index("metric")
    metric = "new_followers" if "new_followers" in totals.index else "viewers"
    row = totals.loc[metric]
    followers = metric == "new_followers"
    extra = [
        f"+{text.count(totals.at[other, 'change'])} {_(totals.at[other, 'label']).lower()}"
        for other in totals.index
        if other != metric and not pd.isna(totals.at[other, "change"])
    ]
    numbers = {
        "now": text.number(current, 1),
        "plan": text.number(current + 1, 1),
        "change": text.number(row["change"]),
        "low": text.number(row["change_low"]),
        "high": text.number(row["change_high"]),
    }
    per_month = _("New followers per month") if followers else _("Viewers per month")
    return [
        Finding(
            section="live",
            key="live_what_if",
            headline=(
                _("One more LIVE a week would bring about {change} more new followers a month")
                if followers
                else _("One more LIVE a week would bring about {change} more viewers a month")
            ).format(**numbers),
            caption=(
                _("Projected new followers per month: now ({now} LIVEs a week) and with one more a week")
                if followers
                else _("Projected viewers per month: now ({now} LIVEs a week) and with one more a week")
            ).format(**numbers),
            note=(
                _(
                    "From {now} to {plan} LIVEs a week, if each extra LIVE does as well as the average one "
                    "{history}."
                ).format(history=history_note, **numbers)
                + " "
                + (
                    _("Range (10th–90th percentile, bootstrap): {low} to {high} more new followers a month.")
                    if followers
                    else _("Range (10th–90th percentile, bootstrap): {low} to {high} more viewers a month.")
                ).format(**numbers)
                + " "
                + (_("Also about {extra} a month.").format(extra=", ".join(extra)) + " " if extra else "")
                + _("An estimate from your own history, not a promise.")
            ),
            figure=grouped_bar_chart(
                [_("Now"), _("One more LIVE a week")],
                [(per_month, [row["current"], row["planned"]])],
                title=_("New followers per month from LIVEs")
                if followers
                else _("Viewers per month from LIVEs"),
                subtitle=_(
                    "LIVEs per week × 52 ÷ 12 × the average LIVE. Whiskers: 10th–90th percentile (bootstrap)."
                ),
                axis_title=per_month,
                errors=[
                    ([row["current_low"], row["planned_low"]], [row["current_high"], row["planned_high"]])
                ],
            ),
            native=NativeChart(
                kind="column",
                categories=[
                    _("Now ({now} a week)").format(**numbers),
                    _("Plan ({plan} a week)").format(**numbers),
                ],
                series=[(per_month, [row["current"], row["planned"]])],
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
    return [
        (
            _("LIVEs"),
            ngettext(
                "{count} broadcast in the period, from the LIVE template",
                "{count} broadcasts in the period, from the LIVE template",
                summary["count_lives"],
            ).format(count=text.number(summary["count_lives"])),
        )
    ]
