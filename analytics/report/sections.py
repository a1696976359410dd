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

from analytics import charts, db, timezones, wording
from analytics import charts_formats as format_charts
from analytics.charts import BRAND, MUTED
from analytics.definitions import DEFINITIONS
from analytics.formats import (
    DEFAULT_RULES,
    Rules,
    best_posting_slots,
    compare_rates,
)
from analytics.i18n import _, ngettext, term
from analytics.members import TierRules
from analytics.overview import Period, default_period, preset_period
from analytics.report import text
from analytics.report.model import SECTIONS, Finding, Kpi, NativeChart, Report, section_title
from analytics.settings import SETTINGS
from analytics.views.formats import FormatsView, formats_view
from analytics.views.overview import overview_view
from analytics.whatif import projection_explained

MIN_VIDEOS = SETTINGS.min_videos


def extra_definitions() -> dict[str, tuple[str, str]]:
    """The report's own definitions (beyond analytics.definitions), in this run's language."""
    level = text.percent(SETTINGS.confidence, 1 if SETTINGS.confidence * 100 % 1 else 0)
    return {
        "interval": (
            _("{level} range").format(level=level),
            _(
                "Where a rate would land {level} of the time if the same videos were drawn again (bootstrap "
                "over videos, {redraws} redraws, seeded). A difference whose range excludes no difference is "
                "called unlikely to be luck; below {min_videos} videos a group we say there are not enough "
                "videos to say."
            ).format(level=level, redraws=text.number(SETTINGS.n_boot), min_videos=MIN_VIDEOS),
        ),
        "format": (
            _("Interaction format"),
            _(
                "A video's format comes from a fix made by hand, else the file's format column, else the caption "
                "rules: words and hashtags that name a format, and hints that suggest one (a price, “A x B”, "
                "steps to follow, a prize to win), in six languages. Each video's format is sure, likely or a "
                "guess; a giveaway counts as a Mini game."
            ),
        ),
        "median_views": (
            _("Typical video"),
            _("The median video: half the videos drew more views, half fewer."),
        ),
        "projection": (_("Projection"), projection_explained()),
        "posting_slot": (
            _("Posting slot"),
            _(
                "Weekday and hour a video was posted, in the audience's time zone; a slot needs {min_videos} "
                "videos to count, and is called the best only when its engagement rate beats the other videos' "
                "beyond luck."
            ).format(min_videos=MIN_VIDEOS),
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
    if period.name:
        return _("in {month}").format(month=period.name)
    return ngettext("in {count} day", "in {count} days", period.days).format(count=text.number(period.days))


def _overview_headline(kpis: pd.DataFrame, period: Period) -> str:
    row = kpis.set_index("metric")
    views, views_change = row.at["video_views", "value"], row.at["video_views", "change"]
    rate, rate_change = row.at["engagement_rate", "value"], row.at["engagement_rate", "change"]
    # Over periods the files cover for different numbers of days, the change is of the daily average.
    daily = row.at["video_views", "change_basis"] in (
        wording.DAILY_AVERAGE_BASIS,
        _(wording.DAILY_AVERAGE_BASIS),
    )
    before = period.previous_name
    if not text.is_missing(views_change):
        moved = text.percent(abs(views_change))
        if abs(views_change) < 0.005:
            views_text = (
                _("Daily video views level with {before}") if daily else _("Video views level with {before}")
            ).format(before=before)
        elif views_change > 0:
            views_text = (
                _("Daily video views up {change} on {before}")
                if daily
                else _("Video views up {change} on {before}")
            ).format(change=moved, before=before)
        else:
            views_text = (
                _("Daily video views down {change} on {before}")
                if daily
                else _("Video views down {change} on {before}")
            ).format(change=moved, before=before)
    elif not text.is_missing(views):
        views_text = _("{views} video views {in_period}").format(
            views=text.count(views), in_period=_in_period(period)
        )
    else:
        views_text = ""
    rate_text = ""
    if not text.is_missing(rate):
        if text.is_missing(rate_change):
            rate_text = _("engagement rate {rate}").format(rate=text.percent(rate, 1))
        else:
            rate_text = _("engagement rate {rate} ({change} pts)").format(
                rate=text.percent(rate, 1), change=text.number(rate_change * 100, 1, signed=True)
            )
    if views_text and rate_text:
        # Translators: two parts of a headline: "Video views up 12% on the previous 28 days; engagement rate 4.1%"
        return text.sentence(_("{views}; {rate}").format(views=views_text, rate=rate_text))
    if views_text or rate_text:
        return text.sentence(views_text or rate_text)
    return _("The account's numbers for the period")


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
            ngettext(
                "About {average} video views a day over {count} day: too few days to call a trend (it needs {needed})",
                "About {average} video views a day over {count} days: too few days to call a trend (it needs {needed})",
                len(views),
            ).format(average=average, count=text.number(len(views)), needed=MIN_TREND_DAYS),
            0,
        )
    first, last = views.head(7), views.tail(7)
    before, after = text.counts(first.mean(), last.mean())
    noise = float(np.sqrt(first.var() / len(first) + last.var() / len(last)))
    if abs(last.mean() - first.mean()) <= 2 * noise or abs(last.mean() - first.mean()) <= 0.05 * first.mean():
        return _(
            "Daily views held steady at about {average} a day: the change is within day-to-day swings"
        ).format(average=average), 7
    if last.mean() > first.mean():
        return _("Daily views grew from {before} to {after} a day over the period").format(
            before=before, after=after
        ), 7
    return _("Daily views fell from {before} to {after} a day over the period").format(
        before=before, after=after
    ), 7


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
            change_basis=_(row.change_basis) if row.change_basis else "",
        )
        for row in shown.itertuples()
    ]
    note = view.comparison
    if not view.missing.empty:
        note += " " + _("Not in the files: {metrics}.").format(metrics=", ".join(view.missing["label"]))
    findings = [
        Finding(
            section="overview",
            key="overview_kpis",
            headline=_overview_headline(kpis, period),
            caption=(
                _("The account, {dates}")
                if shown["previous_value"].isna().all()
                else _("The account, {dates}, against {before}")
            ).format(dates=text.span(period.start, period.end), before=period.previous_name),
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
                caption=_("Video views per day, with the 7-day average"),
                note=(
                    (
                        _("Averages of the first and last {days} days of the period.").format(days=window)
                        + " "
                        if window
                        else ""
                    )
                    + _("Best day: {day}, with {views} views. {total} views in all.").format(
                        day=text.day(best["stat_date"]),
                        views=text.count(best["video_views"]),
                        total=text.count(views.sum()),
                    )
                ),
                figure=charts.daily_trend_chart(
                    trend,
                    "video_views",
                    title=_("Video views per day"),
                    definition=_(DEFINITIONS["video_views"][1]),
                ),
                native=NativeChart(
                    kind="line",
                    categories=[pd.Timestamp(day).date() for day in trend["stat_date"]],
                    series=[(_("Views per day"), _values(views)), (_("7-day average"), _values(rolling))],
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
        gained = (
            ngettext(
                "The account gained {count} follower {in_period}",
                "The account gained {count} followers {in_period}",
                abs(growth),
            )
            if growth >= 0
            else ngettext(
                "The account lost {count} follower {in_period}",
                "The account lost {count} followers {in_period}",
                abs(growth),
            )
        ).format(count=text.number(abs(growth)), in_period=_in_period(period))
        total = text.count(followers.dropna().iloc[-1])
        if growth_row["change_text"]:
            headline = _("{gained} ({change} {basis}), to {total}").format(
                gained=gained,
                change=growth_row["change_text"],
                basis=_(growth_row["change_basis"]),
                total=total,
            )
        else:
            headline = _("{gained}, to {total}").format(gained=gained, total=total)
        changes = trend["follower_change"].astype(float)
        best = trend.loc[changes.idxmax()] if changes.notna().any() else None
        note = _("Followers on the last day minus the first day of the period.")
        if best is not None:
            note += " " + _("Biggest day: {day} ({change}).").format(
                day=text.day(best["stat_date"]), change=text.number(best["follower_change"], signed=True)
            )
        findings.append(
            Finding(
                section="overview",
                key="overview_followers",
                headline=headline,
                caption=_("Followers, day by day"),
                note=note,
                figure=charts.followers_chart(
                    trend, title=_("Followers"), definition=_(DEFINITIONS["follower_growth"][1])
                ),
                native=NativeChart(
                    kind="line",
                    categories=[pd.Timestamp(day).date() for day in trend["stat_date"]],
                    series=[(_("Followers"), _values(followers))],
                    data_labels=False,
                ),
                metrics=("follower_growth",),
            )
        )
    return findings


def _values(series: pd.Series) -> list[float | None]:
    return [None if pd.isna(item) else float(item) for item in series]


# ---------------------------------------------------------------- formats


def _format_headline(view: FormatsView) -> tuple[str, str]:
    """(headline, verdict): "Mini games earn 2.6x the engagement of Product videos", and the full sentence."""
    videos, min_videos, found = view.videos, view.min_videos, view.comparison
    if found is None:
        enough = videos["format"].value_counts()
        enough = enough[enough >= min_videos]
        if enough.empty:
            return (
                _("Too few videos per format to compare yet: none has {min_videos}").format(
                    min_videos=min_videos
                ),
                _(
                    "No format has {min_videos} or more videos with views in this period; a longer period "
                    "gives every format more videos."
                ).format(min_videos=min_videos),
            )
        only = term("format", str(enough.index[0]))
        return (
            # Translators: {format} is an interaction format's name ("Mini game")
            _("Only {format} videos have {min_videos} or more: nothing to compare them with yet").format(
                format=only, min_videos=min_videos
            ),
            _(
                "Only {format} videos have {min_videos} or more with views in this period; a longer period "
                "gives every format more videos."
            ).format(format=only, min_videos=min_videos),
        )
    best, reference, result = found
    ratio, verdict = float(result["ratio"]), str(result["verdict"])
    names = {"best": term("format", best), "other": term("format", reference)}
    if not result["is_unlikely_luck"]:
        return (
            _(
                "No format clearly beats the others yet: {best} and {other} videos are within luck of each other"
            ).format(**names),
            verdict,
        )
    if ratio >= 1.1:
        claim = _("{best} videos earn {ratio}x the engagement of {other} videos").format(
            ratio=text.number(ratio, 1), **names
        )
    else:
        claim = _("{best} videos earn {more} more engagement than {other} videos").format(
            more=text.percent(ratio - 1), **names
        )
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
        counts = ", ".join(
            f"{term('format', row.format)} {row.count_videos}" for row in rated.itertuples()
        ) or _("none with views")
        left_out.append(
            _(
                "Engagement by format: a comparison needs two formats with {min_videos} videos or more each, "
                "and this period has {count} (videos per format: {counts})."
            ).format(min_videos=min_videos, count=len(compared), counts=counts)
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
        f"{term('format', row.format)} {text.percent(row.engagement_rate_low, 1)}–"
        f"{text.percent(row.engagement_rate_high, 1)}"
        for row in rated[~rated["is_small_sample"]].head(3).itertuples()
    ]
    note = verdict
    if ranges:
        note += " " + _("{level} ranges: {ranges}.").format(level=view.level, ranges="; ".join(ranges))
    small = [term("format", name) for name in rated.loc[rated["is_small_sample"], "format"]]
    if small:
        note += " " + _("Grey: fewer than {min_videos} videos ({formats}), not enough to say.").format(
            min_videos=min_videos, formats=", ".join(small)
        )
    unsure = int(view.videos["confidence"].isin(["guess", "likely"]).sum()) if len(view.videos) else 0
    if unsure:
        guesses = int((view.videos["confidence"] == "guess").sum())
        note += " " + _(
            "{unsure} of {videos} videos have a format the caption rules only guessed ({guesses}) or found "
            "likely: check them on the Interaction formats page before reading small differences."
        ).format(unsure=unsure, videos=len(view.videos), guesses=guesses)
    return Finding(
        section="formats",
        key="formats_rate",
        headline=headline,
        caption=_(
            "Engagement rate by interaction format (videos in brackets): likes + comments + shares ÷ views"
        ),
        note=note,
        figure=format_charts.format_rate_chart(table, min_videos=min_videos, confidence=view.confidence),
        native=NativeChart(
            kind="bar",
            categories=[f"{term('format', row.format)} ({row.count_videos})" for row in rated.itertuples()],
            series=[(_("Engagement rate"), _values(rated["engagement_rate"]))],
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
            headline = _("Your most-viewed video drew {views} views, {times}x a typical video").format(
                views=text.count(top["total_views"]), times=text.number(times)
            )
        else:
            headline = _(
                "Views were even: the most-viewed video drew {views}, {times}x a typical one"
            ).format(views=text.count(top["total_views"]), times=text.number(times, 1))
        caption = text.shorten(top["caption"], 80)
        posted = text.day(top["posted_at"]) if not pd.isna(top["posted_at"]) else _("date unknown")
        note = (
            (f"“{caption}” " if caption else "")
            + _("({format}, posted {day}, {rate} engagement rate).").format(
                format=term("format", top["format"]), day=posted, rate=text.percent(top["engagement_rate"], 1)
            )
            + " "
            + _("A typical (median) video drew {views} views.").format(views=text.count(typical))
        )
        # Captions are the brand's own text, but they travel into an HTML file: the figure gets them escaped.
        escaped = shown.assign(caption=shown["caption"].map(_escape_caption))
        findings.append(
            Finding(
                section="formats",
                key="formats_videos",
                headline=headline,
                caption=_(
                    "Every video of the period: views across (log scale), engagement rate up, coloured by format"
                ),
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
            _(
                "Best posting time: no weekday and hour holds {min_videos} videos yet (the most in one slot: "
                "{busiest}), so any “best slot” would be luck."
            ).format(min_videos=min_videos, busiest=text.videos(busiest))
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
        label_a=_("videos posted {when}").format(when=when),
        label_b=_("videos posted at other times"),
        min_videos=min_videos,
        confidence=view.confidence,
    )
    if result["is_unlikely_luck"]:
        headline = _("Best posting slot so far: {when} ({numbers})").format(when=when, numbers=numbers)
    else:
        headline = _(
            "No posting time stands out from luck yet: the best, {when} ({numbers}), is within range of the rest"
        ).format(when=when, numbers=numbers)
    zone = timezones.describe_offset(offset)
    return [
        Finding(
            section="formats",
            key="formats_posting_times",
            headline=headline,
            caption=_("Engagement rate of the videos posted in each hour ({zone})").format(zone=zone),
            note=(_("Next best: {slots}.").format(slots="; ".join(slots[1:])) + " " if len(slots) > 1 else "")
            + f"{result['verdict']} {guess.reason}",
            figure=format_charts.weekday_hour_heatmap(
                grid,
                "engagement_rate",
                title=_("When your videos earned the most engagement"),
                subtitle=_(
                    "Engagement rate of the videos posted in each hour; hours without a video left out."
                ),
                hour_title=_("Hour posted ({zone})").format(zone=zone),
                value_title=_("Engagement rate"),
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
    from analytics.report.community import community_definitions, tiers_definition

    # The library's definitions are marked where they are written; shown here in the report's language.
    shared = dict(DEFINITIONS) | {
        key: (label, meaning) for key, (label, _unit, meaning) in LIVE_METRICS.items()
    }
    known = (
        {key: (_(label), _(meaning)) for key, (label, meaning) in shared.items()}
        | extra_definitions()
        | community_definitions()
        | {"tiers": tiers_definition(tier_rules)}
    )
    keys = dict.fromkeys(metric for finding in findings for metric in finding.metrics if metric in known)
    return [known[key] for key in keys]


def _windows(
    con: duckdb.DuckDBPyConnection, period: Period, sections: Sequence[str]
) -> list[tuple[str, str]]:
    windows = [(_("Period"), period.describe())]
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
                    _("Daily account numbers"),
                    ngettext(
                        "{count} day of TikTok Studio exports, {dates}; compared with {before}",
                        "{count} days of TikTok Studio exports, {dates}; compared with {before}",
                        days[2],
                    ).format(
                        count=text.number(days[2]),
                        dates=text.span(days[0], days[1]),
                        before=period.compared_with(),
                    ),
                )
            )
    if "formats" in sections:
        videos = db.scalar(
            con,
            "select count(*) from videos where in_period(posted_at, $start, $end)",
            {"start": period.start, "end": period.end},
        )
        windows.append(
            (
                _("Videos"),
                ngettext(
                    "{count} video posted in the period, with its lifetime numbers",
                    "{count} videos posted in the period, with their lifetime numbers",
                    videos,
                ).format(count=text.number(videos)),
            )
        )
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
        message = f"Unknown section(s): {', '.join(unknown)}. Choose from {', '.join(SECTIONS)}."  # i18n: a caller's error (the CLI and the page check first)
        raise ValueError(message)
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
        "overview": _("no daily account numbers (TikTok Studio Overview export) in this period"),
        "formats": _("no videos posted in this period"),
        "members": _("no comments in this period"),
        "segments": _("no audience files (TikTok Studio Followers export) and no comments in this period"),
        "live": _("no LIVE in this period (fill in the LIVE template on the Data page)"),
    }
    for name in chosen:
        held_back = len(left_out)
        found = builders[name]()
        if found:
            findings += found
        elif len(left_out) == held_back:  # else the held-back findings already say why
            # Translators: "LIVE: no LIVE in this period (…)."
            skipped.append(
                _("{section}: {reason}.").format(section=section_title(name), reason=reasons[name])
            )
    windows = _windows(con, period, chosen)
    windows += community.windows(con, period, chosen, real_handles=real_handles)
    windows += live.windows(con, period, chosen)
    label = brand_label or _("Your brand")
    return Report(
        title=_("TikTok community report"),
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
