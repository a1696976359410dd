"""Each section's findings, computed from the library: the Overview's and the Formats' here, the
members', segments' and LIVE's in `community.py` and `live.py`; `build_report` puts them together.

A headline states the finding in numbers ("Mini games earn 2.6x the engagement of Product videos"),
never the chart's topic. A section without data in the period is skipped, and `Report.skipped` says
why in a sentence.
"""

from __future__ import annotations

import html
import secrets
from collections.abc import Mapping, MutableMapping, Sequence
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from analytics import charts, db, stats, timezones, wording
from analytics import charts_formats as format_charts
from analytics.charts import BRAND, MUTED
from analytics.definitions import DEFINITIONS
from analytics.formats import (
    _PLURALS,
    DEFAULT_RULES,
    Rules,
    best_posting_slots,
    compare_rates,
)
from analytics.members import TierRules
from analytics.overview import Period, default_period, preset_period
from analytics.report import text
from analytics.report.model import SECTIONS, Finding, Kpi, NativeChart, Report
from analytics.settings import SETTINGS
from analytics.views.formats import FormatsView, formats_view
from analytics.views.overview import overview_view
from analytics.whatif import PROJECTION_EXPLAINED

MIN_VIDEOS = SETTINGS.min_videos
EXTRA_DEFINITIONS: dict[str, tuple[str, str]] = {
    "interval": (
        f"{stats.level(SETTINGS.confidence)} range",
        f"Where a rate would land {stats.level(SETTINGS.confidence)} of the time if the same videos were drawn "
        f"again (bootstrap over videos, {SETTINGS.n_boot:,} redraws, seeded). A difference whose range excludes "
        "no difference is called unlikely to be luck; "
        f"below {MIN_VIDEOS} videos a group we say there are not enough videos to say.",
    ),
    "format": (
        "Interaction format",
        "A video's format comes from a fix made by hand, else the file's format column, else the caption "
        "rules: words and hashtags that name a format, and hints that suggest one (a price, “A x B”, steps to "
        "follow, a prize to win), in six languages. Each video's format is sure, likely or a guess; a giveaway "
        "counts as a Mini game.",
    ),
    "median_views": ("Typical video", "The median video: half the videos drew more views, half fewer."),
    "projection": ("Projection", PROJECTION_EXPLAINED),
    "posting_slot": (
        "Posting slot",
        f"Weekday and hour a video was posted, in the audience's time zone; a slot needs {MIN_VIDEOS} videos to "
        "count, and is called the best only when its engagement rate beats the other videos' beyond luck.",
    ),
}


# The app's default period (the sidebar's first preset): the command line uses it too, so a deck built
# from files says what the app would have said. tests/test_report_page.py checks that they agree.
DEFAULT_DAYS = 90


def default_report_period(
    con: duckdb.DuckDBPyConnection, days: int | str | None = DEFAULT_DAYS
) -> Period | None:
    """The last `days` days of the data, as the app's sidebar picks them (all of it with `days=None`);
    `days` may also be any other value of the sidebar's PRESETS ("month": the last complete month)."""
    span = default_period(con)
    return None if span is None else preset_period(span, days)


# ---------------------------------------------------------------- overview


def _in_period(period: Period) -> str:
    """ "in 28 days", "in October 2026", "in November 2026 so far"."""
    return f"in {period.name or text.plural(period.days, 'day')}"


def _overview_headline(kpis: pd.DataFrame, period: Period) -> str:
    row = kpis.set_index("metric")
    views, views_change = row.at["video_views", "value"], row.at["video_views", "change"]
    rate, rate_change = row.at["engagement_rate", "value"], row.at["engagement_rate", "change"]
    # Over periods the files cover for different numbers of days, the change is of the daily average.
    subject = (
        "Daily video views"
        if row.at["video_views", "change_basis"] == wording.DAILY_AVERAGE_BASIS
        else "Video views"
    )
    if not text.is_missing(views_change):
        if abs(views_change) < 0.005:
            parts = [f"{subject} level with {period.previous_name}"]
        else:
            direction = "up" if views_change > 0 else "down"
            parts = [f"{subject} {direction} {abs(views_change):.0%} on {period.previous_name}"]
    elif not text.is_missing(views):
        parts = [f"{text.count(views)} video views {_in_period(period)}"]
    else:
        parts = []
    if not text.is_missing(rate):
        rate_text = f"engagement rate {rate:.1%}"
        if not text.is_missing(rate_change):
            rate_text += f" ({rate_change * 100:+.1f} pts)"
        parts.append(rate_text)
    return text.sentence("; ".join(parts)) if parts else "The account's numbers for the period"


MIN_TREND_DAYS = 14  # a week at each end: shorter stretches are mostly weekday swings


def _views_trend_headline(views: pd.Series) -> tuple[str, int]:
    """(headline, days averaged at each end; 0 when no trend is claimed) for the views-per-day chart.

    Views "grew" or "fell" only when the last week's daily average differs from the first week's by
    more than twice its standard error (day-to-day swings); with fewer than MIN_TREND_DAYS days of
    data, or a change within the swings, the headline gives the daily average and says so.
    """
    average = text.count(views.mean())
    if len(views) < MIN_TREND_DAYS:
        return (
            f"About {average} video views a day over {text.plural(len(views), 'day')}: too few days "
            f"to call a trend (it needs {MIN_TREND_DAYS})",
            0,
        )
    first, last = views.head(7), views.tail(7)
    before, after = text.counts(first.mean(), last.mean())
    noise = float(np.sqrt(first.var() / len(first) + last.var() / len(last)))
    if abs(last.mean() - first.mean()) <= 2 * noise or abs(last.mean() - first.mean()) <= 0.05 * first.mean():
        return f"Daily views held steady at about {average} a day: the change is within day-to-day swings", 7
    verb = "grew" if last.mean() > first.mean() else "fell"
    return f"Daily views {verb} from {before} to {after} a day over the period", 7


def overview_findings(con: duckdb.DuckDBPyConnection, period: Period) -> list[Finding]:
    """The Overview slides: the page's view (analytics/views/overview.py), its tiles and its trend."""
    view = overview_view(con, period)
    kpis, shown = view.kpis, view.shown
    if shown.empty:
        return []
    tiles = [
        Kpi(
            label=row.label,
            value=row.value_text,
            change=row.change_text,
            is_good=None
            if wording.is_no_change(row.change_text) or row.change_text is None
            else row.change > 0,
            definition=row.definition,
            change_basis=row.change_basis or "",
        )
        for row in shown.itertuples()
    ]
    note = view.comparison
    if not view.missing.empty:
        note += " Not in the files: " + ", ".join(view.missing["label"]) + "."
    findings = [
        Finding(
            section="overview",
            key="overview_kpis",
            headline=_overview_headline(kpis, period),
            caption=f"The account, {text.span(period.start, period.end)}"
            + ("" if shown["previous_value"].isna().all() else f", against {period.previous_name}"),
            note=note,
            kpis=tiles,
            metrics=tuple(shown["metric"]) + ("change",),
        )
    ]

    trend = charts.every_day(view.trend)  # a gap in the files stays a gap on the chart
    views = trend["video_views"].astype(float)
    if views.notna().sum() >= 4:
        headline, window = _views_trend_headline(views.dropna())
        best = trend.loc[views.idxmax()]
        rolling = views.rolling(7, min_periods=4).mean()
        findings.append(
            Finding(
                section="overview",
                key="overview_views",
                headline=headline,
                caption="Video views per day, with the 7-day average",
                note=(
                    (f"Averages of the first and last {window} days of the period. " if window else "")
                    + "Best day: "
                    f"{text.day(best['stat_date'])}, with {text.count(best['video_views'])} views. "
                    f"{text.count(views.sum())} views in all."
                ),
                figure=charts.daily_trend_chart(
                    trend,
                    "video_views",
                    title="Video views per day",
                    definition=DEFINITIONS["video_views"][1],
                ),
                native=NativeChart(
                    kind="line",
                    categories=[pd.Timestamp(day).date() for day in trend["stat_date"]],
                    series=[("Views per day", _values(views)), ("7-day average", _values(rolling))],
                    data_labels=False,
                    legend=True,
                ),
                metrics=("video_views",),
            )
        )

    followers = trend["followers"].astype(float)
    growth_row = kpis.set_index("metric").loc["follower_growth"]
    growth = growth_row["value"]
    if followers.notna().sum() >= 2 and not text.is_missing(growth):
        verb = "gained" if growth >= 0 else "lost"
        headline = f"The account {verb} {text.plural(abs(growth), 'follower')} {_in_period(period)}"
        if growth_row["change_text"]:
            headline += f" ({growth_row['change_text']} {growth_row['change_basis']})"
        headline += f", to {text.count(followers.dropna().iloc[-1])}"
        changes = trend["follower_change"].astype(float)
        best = trend.loc[changes.idxmax()] if changes.notna().any() else None
        note = "Followers on the last day minus the first day of the period."
        if best is not None:
            note += f" Biggest day: {text.day(best['stat_date'])} ({best['follower_change']:+,.0f})."
        findings.append(
            Finding(
                section="overview",
                key="overview_followers",
                headline=headline,
                caption="Followers, day by day",
                note=note,
                figure=charts.followers_chart(
                    trend, title="Followers", definition=DEFINITIONS["follower_growth"][1]
                ),
                native=NativeChart(
                    kind="line",
                    categories=[pd.Timestamp(day).date() for day in trend["stat_date"]],
                    series=[("Followers", _values(followers))],
                    data_labels=False,
                ),
                metrics=("follower_growth",),
            )
        )
    return findings


def _values(series: pd.Series) -> list[float | None]:
    return [None if pd.isna(item) else float(item) for item in series]


# ---------------------------------------------------------------- formats


def _plural(name: str) -> str:
    return _PLURALS.get(name, f"{name} videos")


def _format_headline(view: FormatsView) -> tuple[str, str]:
    """(headline, verdict): "Mini games earn 2.6x the engagement of Product videos", and the full sentence."""
    videos, min_videos, found = view.videos, view.min_videos, view.comparison
    if found is None:
        enough = videos["format"].value_counts()
        enough = enough[enough >= min_videos]
        if enough.empty:
            return (
                f"Too few videos per format to compare yet: none has {min_videos}",
                f"No format has {min_videos} or more videos with views in this period; a longer period "
                "gives every format more videos.",
            )
        only = _plural(str(enough.index[0]))
        return (
            f"Only {only} have {min_videos} videos or more: nothing to compare them with yet",
            f"Only {only} have {min_videos} or more videos with views in this period; a longer period "
            "gives every format more videos.",
        )
    best, reference, result = found
    ratio, verdict = float(result["ratio"]), str(result["verdict"])
    if not result["is_unlikely_luck"]:
        return (
            f"No format clearly beats the others yet: {_plural(best)} and {_plural(reference)} are within luck "
            "of each other",
            verdict,
        )
    if ratio >= 1.1:
        claim = f"{_plural(best)} earn {ratio:.1f}x the engagement of {_plural(reference)}"
    else:
        claim = f"{_plural(best)} earn {round((ratio - 1) * 100)}% more engagement than {_plural(reference)}"
    return text.sentence(claim), verdict


def formats_findings(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    *,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
    min_videos: int = MIN_VIDEOS,
    left_out: list[str] | None = None,
    view: FormatsView | None = None,
) -> list[Finding]:
    """The formats slides, read from the Formats page's own view (`view`, or formats_view() of the period)."""
    left_out = [] if left_out is None else left_out
    view = view or formats_view(
        con, period, rules=rules, overrides=overrides, series=series, min_videos=min_videos, with_lives=False
    )
    videos, table, min_videos = view.videos, view.table, view.min_videos
    if videos.empty:
        return []
    rated = table[table["engagement_rate"].notna()]
    findings = []
    compared = rated[~rated["is_small_sample"]]
    if len(compared) < 2:
        # One bar, or bars of two videos each, compares nothing: the slide would headline luck.
        counts = (
            ", ".join(f"{row.format} {row.count_videos}" for row in rated.itertuples()) or "none with views"
        )
        left_out.append(
            f"Engagement by format: a comparison needs two formats with {min_videos} videos or more each, "
            f"and this period has {len(compared)} (videos per format: {counts})."
        )
    else:
        findings.append(_formats_rate_finding(view))
    findings += _top_video_findings(videos, min_videos)
    findings += _posting_time_findings(view, left_out)
    return findings


def _formats_rate_finding(view: FormatsView) -> Finding:
    table, min_videos = view.table, view.min_videos
    rated = table[table["engagement_rate"].notna()]
    headline, verdict = _format_headline(view)
    ranges = [
        f"{row.format} {row.engagement_rate_low:.1%}–{row.engagement_rate_high:.1%}"
        for row in rated[~rated["is_small_sample"]].head(3).itertuples()
    ]
    note = verdict
    if ranges:
        note += f" {view.level} ranges: " + "; ".join(ranges) + "."
    small = rated.loc[rated["is_small_sample"], "format"].tolist()
    if small:
        note += f" Grey: fewer than {min_videos} videos ({', '.join(small)}), not enough to say."
    unsure = int(view.videos["confidence"].isin(["guess", "likely"]).sum()) if len(view.videos) else 0
    if unsure:
        guesses = int((view.videos["confidence"] == "guess").sum())
        note += (
            f" {unsure} of {len(view.videos)} videos have a format the caption rules only guessed ({guesses}) "
            "or found likely: check them on the Interaction formats page before reading small differences."
        )
    return Finding(
        section="formats",
        key="formats_rate",
        headline=headline,
        caption="Engagement rate by interaction format (videos in brackets): likes + comments + shares ÷ views",
        note=note,
        figure=format_charts.format_rate_chart(table, min_videos=min_videos, confidence=view.confidence),
        native=NativeChart(
            kind="bar",
            categories=[f"{row.format} ({row.count_videos})" for row in rated.itertuples()],
            series=[("Engagement rate", _values(rated["engagement_rate"]))],
            number_format="0.0%",
            point_colors=[MUTED if small else BRAND for small in rated["is_small_sample"]],
        ),
        metrics=("engagement_rate", "format", "interval"),
    )


def _top_video_findings(videos: pd.DataFrame, min_videos: int) -> list[Finding]:
    findings = []
    shown = videos[(videos["total_views"] > 0).fillna(False) & videos["engagement_rate"].notna()]
    if len(shown) >= min_videos:  # "a typical video" needs a few videos to be typical of
        top = shown.loc[shown["total_views"].idxmax()]
        typical = float(shown["total_views"].median())
        times = float(top["total_views"]) / typical if typical else np.nan
        if times >= 2:
            headline = f"Your most-viewed video drew {text.count(top['total_views'])} views, {times:.0f}x a typical video"
        else:
            headline = (
                f"Views were even: the most-viewed video drew {text.count(top['total_views'])}, "
                f"{times:.1f}x a typical one"
            )
        caption = text.shorten(top["caption"], 80)
        posted = text.day(top["posted_at"]) if not pd.isna(top["posted_at"]) else "date unknown"
        note = (
            (f"“{caption}” " if caption else "")
            + f"({top['format']}, posted {posted}, {top['engagement_rate']:.1%} engagement rate). "
            f"A typical (median) video drew {text.count(typical)} views."
        )
        # Captions are the brand's own text, but they travel into an HTML file: the figure gets them escaped.
        escaped = shown.assign(caption=shown["caption"].map(_escape_caption))
        findings.append(
            Finding(
                section="formats",
                key="formats_videos",
                headline=headline,
                caption="Every video of the period: views across (log scale), engagement rate up, coloured by format",
                note=note,
                figure=format_charts.video_scatter_chart(escaped),
                metrics=("engagement_rate", "median_views"),
            )
        )

    return findings


def _posting_time_findings(view: FormatsView, left_out: list[str]) -> list[Finding]:
    """The best posting slot, named only when it has `min_videos` videos and beats the others beyond luck.

    In the audience's time zone as guessed from the files (the view's offset when no one picked one)."""
    videos, min_videos, guess, offset = view.videos, view.min_videos, view.zone, view.utc_offset
    grid = view.posting_grid
    if not (grid["count_videos"] > 0).any():
        return []
    busiest = int(grid["count_videos"].max())
    slots = best_posting_slots(grid, min_videos=min_videos)
    if not slots:
        left_out.append(
            f"Best posting time: no weekday and hour holds {min_videos} videos yet (the most in one slot: "
            f"{text.plural(busiest, 'video')}), so any “best slot” would be luck."
        )
        return []
    when, numbers = slots[0].rsplit(": ", 1)
    local = videos["posted_at"] + pd.to_timedelta(offset, unit="h")
    best = grid[grid["count_videos"] >= min_videos].sort_values(
        ["engagement_rate", "count_videos", "weekday", "hour"], ascending=[False, False, True, True]
    )
    weekday, hour = int(best["weekday"].iloc[0]), int(best["hour"].iloc[0])
    in_slot = (local.dt.day_of_week == weekday) & (local.dt.hour == hour)
    result = compare_rates(
        videos[in_slot],
        videos[~in_slot & videos["posted_at"].notna()],
        label_a=f"videos posted {when}",
        label_b="videos posted at other times",
        min_videos=min_videos,
        confidence=view.confidence,
    )
    if result["is_unlikely_luck"]:
        headline = f"Best posting slot so far: {when} ({numbers})"
    else:
        headline = f"No posting time stands out from luck yet: the best, {when} ({numbers}), is within range of the rest"
    return [
        Finding(
            section="formats",
            key="formats_posting_times",
            headline=headline,
            caption=f"Engagement rate of the videos posted in each hour ({timezones.describe_offset(offset)})",
            note=(("Next best: " + "; ".join(slots[1:]) + ". ") if len(slots) > 1 else "")
            + f"{result['verdict']} {guess.reason}",
            figure=format_charts.weekday_hour_heatmap(
                grid,
                "engagement_rate",
                title="When your videos earned the most engagement",
                subtitle="Engagement rate of the videos posted in each hour; hours without a video left out.",
                hour_title=f"Hour posted ({timezones.describe_offset(offset)})",
                value_title="Engagement rate",
                percent=True,
                count_column="count_videos",
                hours_with_data_only=True,
                show_values=True,
            ),
            metrics=("engagement_rate", "posting_slot", "interval"),
        )
    ]


def _escape_caption(caption: object) -> object:
    return html.escape(caption, quote=False) if isinstance(caption, str) else caption


# ---------------------------------------------------------------- the report


def _definitions(findings: Sequence[Finding], tier_rules: TierRules) -> list[tuple[str, str]]:
    from analytics.lives import LIVE_METRICS
    from analytics.report.community import COMMUNITY_DEFINITIONS, tiers_definition

    known = (
        dict(DEFINITIONS)
        | {key: (label, definition) for key, (label, _unit, definition) in LIVE_METRICS.items()}
        | EXTRA_DEFINITIONS
        | COMMUNITY_DEFINITIONS
        | {"tiers": tiers_definition(tier_rules)}
    )
    keys = dict.fromkeys(metric for finding in findings for metric in finding.metrics if metric in known)
    return [known[key] for key in keys]


def _windows(
    con: duckdb.DuckDBPyConnection, period: Period, sections: Sequence[str]
) -> list[tuple[str, str]]:
    windows = [("Period", period.describe())]
    if "overview" in sections:
        days = db.one(
            con,
            "select min(stat_date), max(stat_date), count(*) from daily_stats "
            "where in_period(stat_date, $start, $end) and video_views is not null",
            {"start": period.start, "end": period.end},
        )
        if days[2]:
            windows.append(
                (
                    "Daily account numbers",
                    f"{days[2]} days of TikTok Studio exports, {text.span(days[0], days[1])}; "
                    f"compared with {period.compared_with()}",
                )
            )
    if "formats" in sections:
        videos = db.scalar(
            con,
            "select count(*) from videos where in_period(posted_at, $start, $end)",
            {"start": period.start, "end": period.end},
        )
        windows.append(("Videos", f"{videos} videos posted in the period, with their lifetime numbers"))
    return windows


def build_report(
    con: duckdb.DuckDBPyConnection,
    *,
    period: Period,
    sections: Sequence[str] = tuple(SECTIONS),
    client: str = "",
    brand_label: str = "",
    real_handles: bool = False,
    salt: str | None = None,
    tier_rules: TierRules | None = None,
    brand_color: str = BRAND,
    logo: bytes | None = None,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
    today: date | None = None,
    sentiment_memo: MutableMapping[str, Any] | None = None,
    lexicon_additions: dict[str, float] | None = None,
    corrections: dict[str, str] | None = None,
    brand_hashtags: Sequence[str] | None = None,
    brand_handle: str | None = None,
) -> Report:
    """Everything a deck or an HTML report says, computed once: findings per chosen section, in order.

    `sections` are SECTIONS keys, kept in SECTIONS' order. Member handles become pseudonyms unless
    `real_handles` (`salt` keeps them stable: pass the client's `preferences.pseudonym_salt` so a member
    keeps one pseudonym across monthly decks; a fresh random one by default). Members are tiered with
    `tier_rules` (the client's thresholds; metrics.md's defaults when None). A section
    without data in the period is left out and named in `Report.skipped`.
    """
    from analytics.report import community, live

    unknown = [name for name in sections if name not in SECTIONS]
    if unknown:
        raise ValueError(f"Unknown section(s): {', '.join(unknown)}. Choose from {', '.join(SECTIONS)}.")
    chosen = [name for name in SECTIONS if name in sections]
    salt = salt or secrets.token_hex(16)
    tier_rules = tier_rules or TierRules()
    findings: list[Finding] = []
    skipped: list[str] = []
    left_out: list[str] = []  # findings held back: below the minimum sample, or not telling from luck
    windows: list[tuple[str, str]] = []
    builders = {
        "overview": lambda: overview_findings(con, period),
        "formats": lambda: formats_findings(
            con, period, rules=rules, overrides=overrides, series=series, left_out=left_out
        ),
        "members": lambda: community.members_findings(
            con, period, real_handles=real_handles, salt=salt, left_out=left_out, tier_rules=tier_rules
        ),
        "segments": lambda: community.segments_findings(
            con,
            period,
            sentiment_memo=sentiment_memo,
            lexicon_additions=lexicon_additions,
            corrections=corrections,
            brand_hashtags=brand_hashtags,
            brand_handle=brand_handle,
            rules=rules,
            overrides=overrides,
            series=series,
        ),
        "live": lambda: live.live_findings(con, period, left_out=left_out),
    }
    reasons = {
        "overview": "no daily account numbers (TikTok Studio Overview export) in this period",
        "formats": "no videos posted in this period",
        "members": "no comments in this period",
        "segments": "no audience files (TikTok Studio Followers export) and no comments in this period",
        "live": "no LIVE in this period (fill in the LIVE template on the Data page)",
    }
    for name in chosen:
        held_back = len(left_out)
        found = builders[name]()
        if found:
            findings += found
        elif len(left_out) == held_back:  # else the held-back findings already say why
            skipped.append(f"{SECTIONS[name]}: {reasons[name]}.")
    windows = _windows(con, period, chosen)
    windows += community.windows(con, period, chosen, real_handles=real_handles)
    windows += live.windows(con, period, chosen)
    label = brand_label or "Your brand"
    return Report(
        title="TikTok community report",
        client=client.strip(),
        brand_label=label,
        period=period,
        generated_on=today or date.today(),
        sections=[name for name in chosen if any(f.section == name for f in findings)],
        findings=findings,
        windows=windows,
        definitions=_definitions(findings, tier_rules),
        skipped=skipped + left_out,
        real_handles=real_handles,
        brand_color=brand_color,
        logo=logo,
    )
