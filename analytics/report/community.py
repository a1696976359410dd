"""The Members and Community segments sections: who is loyal, how the brand answers, who the audience is.

Built on analytics.members, analytics.segments, analytics.communities and their charts. Tiers count
every comment up to the period's last day (loyalty needs the whole history, as on the Members page);
replies and sentiment count the period's comments. Handles leave the app only as pseudonyms unless the
marketer switches real handles on.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

import duckdb
import pandas as pd

from analytics import charts_members, db, segments, wording
from analytics.definitions import COLUMN_LABELS
from analytics.formats import DEFAULT_RULES, Rules
from analytics.i18n import _, ngettext, term
from analytics.members import (
    NO_REPLIES,
    TIER_ORDER,
    TierRules,
    replies_shown,
    reply_effect,
    reply_stats,
)
from analytics.overview import Period
from analytics.report import text
from analytics.report.figures import doughnut_chart
from analytics.report.model import Finding, NativeChart
from analytics.views.members import MIN_COMMENTS_FOR_RATE, members_view, tiers_as_of
from analytics.views.segments import audience_view, communities_view, sentiment_view

DEFAULT_TIER_RULES = TierRules()


def tiers_definition(rules: TierRules = DEFAULT_TIER_RULES) -> tuple[str, str]:
    """The tier rules in words, with these thresholds (the client's own, or metrics.md's defaults)."""
    return (
        _("Member tiers"),
        _(
            "A member is one commenter (never the brand). First rule met wins: "
            "{champion} ({champion_videos}+ videos, {champion_weeks}+ active weeks, last comment within "
            "{active_days} days), {loyal} ({loyal_videos}+ videos, {loyal_weeks}+ weeks, within {active_days} "
            "days), {at_risk} (met the {loyal} bar, last comment {at_risk_from}–{at_risk_days} days ago), "
            "{lapsed} (over {at_risk_days} days), {new} (first comment within {new_days} days), {regular} "
            "({regular_videos}+ videos), {one_time}. Distinct videos and weeks count, not raw comments."
        ).format(
            champion=term("tier", "Champion"),
            loyal=term("tier", "Loyal"),
            at_risk=term("tier", "At risk"),
            lapsed=term("tier", "Lapsed"),
            new=term("tier", "New"),
            regular=term("tier", "Regular"),
            one_time=term("tier", "One-time"),
            champion_videos=rules.champion_min_videos,
            champion_weeks=rules.champion_min_weeks,
            active_days=rules.active_days,
            loyal_videos=rules.loyal_min_videos,
            loyal_weeks=rules.loyal_min_weeks,
            at_risk_from=rules.active_days + 1,
            at_risk_days=rules.at_risk_days,
            new_days=rules.new_days,
            regular_videos=rules.regular_min_videos,
        ),
    )


def community_definitions() -> dict[str, tuple[str, str]]:
    """The members' and segments' definitions, in this run's language."""
    return {
        "tiers": tiers_definition(),
        "reply_effect": (
            _("Came back"),
            _(
                "A member whose first comment was answered by the brand within 30 days, and who commented on "
                "another video within 30 days. An association, not proof that replying brings members back."
            ),
        ),
        "sentiment_segment": (
            _("Promoters and detractors"),
            _(
                "Promoter: more positive than negative comments; Detractor: more negative than positive; else "
                "Neutral. Labels come from offline word lists (VADER and per-language lists), without any "
                "online service."
            ),
        ),
        "audience": (
            _("Audience"),
            _(
                "Gender, territories and active hours of followers, as TikTok Studio's Followers export gives "
                "them (its latest download; TikTok does not date them)."
            ),
        ),
        "hashtag_community": (
            _("Hashtag community"),
            _(
                "Hashtags that travel together in the brand's captions (a co-occurrence graph, clustered); its "
                "members are the people who commented on its videos."
            ),
        ),
    }


MIN_MEMBERS = 5  # per group, as the reply effect's minimum: below it a share is a handful of people


def _comments_in_period(con: duckdb.DuckDBPyConnection, period: Period) -> int:
    return db.scalar(
        con,
        "select count(*) from comments where not coalesce(is_brand, false) and in_period(commented_at, $start, $end)",
        {"start": period.start, "end": period.end},
    )


def members_findings(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    *,
    real_handles: bool = False,
    salt: str,
    left_out: list[str] | None = None,
    tier_rules: TierRules = DEFAULT_TIER_RULES,
) -> list[Finding]:
    left_out = [] if left_out is None else left_out
    if not _comments_in_period(con, period):
        return []
    # The page's own model: the same tier counts, newcomers and reply rate, as of the same day.
    view = members_view(
        con,
        period=period,
        as_of=tiers_as_of(con, period),
        rules=tier_rules,
        real_handles=real_handles,
        salt=salt,
    )
    tiers, counts = view.tiers, view.counts
    total = view.count_members
    shown = counts[counts["count_members"] > 0]
    colors = [charts_members.TIER_COLORS[tier] for tier in shown["tier"]]
    findings = [
        Finding(
            section="members",
            key="members_tiers",
            headline=view.headline,
            caption=_("Members by tier as of {day} (every comment up to that day)").format(
                day=text.day(view.as_of)
            ),
            note=view.note,
            figure=doughnut_chart(
                [
                    f"{term('tier', row.tier)} · {text.number(row.count_members)}"
                    for row in shown.itertuples()
                ],
                list(shown["count_members"]),  # the figure shows shares on the slices itself
                title=_("Members by tier"),
                subtitle=_("Each member is in the first tier whose rule they meet (see the methodology)."),
                colors=colors,
                # Translators: the total in the middle of a doughnut chart; <br> is a line break
                center=ngettext("{count}<br>member", "{count}<br>members", total).format(
                    count=text.number(total)
                ),
            ),
            native=NativeChart(
                kind="doughnut",
                categories=[
                    f"{term('tier', row.tier)} · {text.number(row.count_members)} "
                    f"({text.percent(row.share_of_members)})"
                    for row in shown.itertuples()
                ],
                series=[(_("Members"), [float(value) for value in shown["count_members"]])],
                number_format="0%",
                point_colors=colors,
                legend=True,
            ),
            metrics=("tiers",),
        )
    ]

    champions = tiers[tiers["tier"] == "Champion"].head(10)
    if len(champions):
        counted = ("count_videos", "active_weeks", "count_comments")
        table = pd.DataFrame(
            {
                _(COLUMN_LABELS["member"]): champions["member_id"].map(view.names).to_numpy(),
                **{_(COLUMN_LABELS[name]): champions[name].astype(int).to_numpy() for name in counted},
                _("Last comment"): [text.day(pd.Timestamp(when)) for when in champions["last_seen_at"]],
            }
        )
        every = tiers[tiers["tier"] == "Champion"]
        typical_videos = float(every["count_videos"].median())
        handles_note = (
            _("Real handles, as chosen in the app.")
            if real_handles
            else _(
                "Pseudonyms stand in for handles: each person keeps one pseudonym throughout the report, and "
                "the team can look them up in CommunityLens."
            )
        )
        findings.append(
            Finding(
                section="members",
                key="members_champions",
                headline=ngettext(
                    # Translators: {champions} is "12 Champions" (a tier name), {videos} is "5 videos"
                    "Your {champions} commented on {videos} each (median): an ambassador candidate",
                    "Your {champions} commented on {videos} each (median): ambassador candidates",
                    len(every),
                ).format(
                    champions=ngettext("{count} Champion", "{count} Champions", len(every)).format(
                        count=text.number(len(every))
                    ),
                    videos=text.videos(round(typical_videos)),
                ),
                caption=_("The {count} most active {champions} (decayed activity score)").format(
                    count=len(champions), champions=term("tier", "Champion")
                ),
                note=_("Ranked by activity over the last 12 months, recent months counting more.")
                + " "
                + handles_note,
                table=table,
                metrics=("tiers",),
            )
        )

    replies = view.replies
    if view.shows_replies and replies["count_top_level_comments"] and view.reply_rate is not None:
        by_tier = reply_stats(con, start=period.start, end=period.end, by="tier", tiers=tiers)
        by_tier = by_tier[(by_tier["count_top_level_comments"] > 0) & by_tier["tier"].isin(TIER_ORDER)]
        best = by_tier.sort_values("reply_rate", ascending=False).iloc[0] if len(by_tier) else None
        answered, asked = int(replies["count_replied_comments"]), int(replies["count_top_level_comments"])
        if asked >= MIN_COMMENTS_FOR_RATE:
            answered_text = _("The brand answered {rate} of members' comments").format(
                rate=wording.value(view.reply_rate, "percent")
            )
        else:
            answered_text = ngettext(
                "The brand answered {answered} of {count} member comment",
                "The brand answered {answered} of {count} member comments",
                asked,
            ).format(answered=text.number(answered), count=text.number(asked))
        if not pd.isna(replies["median_hours_to_first_reply"]):
            headline = _("{answered}, in a median {time}").format(
                answered=answered_text, time=text.hours(replies["median_hours_to_first_reply"])
            )
        else:
            headline = answered_text
        note = _("{answered} of {asked} top-level member comments of the period got a reply.").format(
            answered=text.number(answered), asked=text.number(asked)
        )
        if best is not None and best["count_top_level_comments"] >= MIN_COMMENTS_FOR_RATE:
            note += " " + _("Most answered: {tier} members ({rate}).").format(
                tier=term("tier", best["tier"]), rate=text.percent(best["reply_rate"])
            )
        findings.append(
            Finding(
                section="members",
                key="members_replies",
                headline=headline,
                caption=_("Reply rate by tier: comments the brand answered ÷ top-level member comments"),
                note=note,
                figure=charts_members.reply_chart(by_tier, "tier"),
                native=NativeChart(
                    kind="bar",
                    categories=[term("tier", tier) for tier in by_tier["tier"]],
                    series=[(_("Reply rate"), [float(value) for value in by_tier["reply_rate"]])],
                    number_format="0%",
                    point_colors=[charts_members.TIER_COLORS[tier] for tier in by_tier["tier"]],
                ),
                metrics=("reply_rate", "time_to_first_reply"),
            )
        )

    effect = reply_effect(con, min_members=MIN_MEMBERS)
    if effect["difference"] is None:
        left_out.append(_("Reply effect: {sentence}").format(sentence=effect["sentence"]))
    else:
        replied, other = effect["return_rate_replied"], effect["return_rate_not_replied"]
        shares = {"replied": text.percent(replied), "other": text.percent(other)}
        if effect["difference_low"] > 0 or effect["difference_high"] < 0:
            headline = (
                _("Members the brand answered came back more often: {replied} against {other}")
                if replied > other
                else _("Members the brand answered came back less often: {replied} against {other}")
            ).format(**shares)
        else:
            headline = _(
                "No clear sign yet that answering brings members back: {replied} of answered members came back, "
                "{other} of the others, a gap luck could make"
            ).format(**shares)
        findings.append(
            Finding(
                section="members",
                key="members_reply_effect",
                headline=headline,
                caption=_(
                    "Members who commented on another video within {days} days of their first comment"
                ).format(days=effect["window_days"]),
                note=effect["sentence"],
                figure=charts_members.reply_effect_chart(effect),
                native=NativeChart(
                    kind="column",
                    categories=[_("First comment answered"), _("Not answered")],
                    series=[(_("Came back"), [float(replied), float(other)])],
                    number_format="0%",
                    point_colors=[charts_members.BRAND, charts_members.MUTED],
                ),
                metrics=("reply_effect", "interval"),
            )
        )
    return findings


# ---------------------------------------------------------------- segments


def segments_findings(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    *,
    sentiment_memo: MutableMapping[str, Any] | None = None,
    lexicon_additions: dict[str, float] | None = None,
    corrections: dict[str, str] | None = None,
    brand_hashtags: Sequence[str] | None = None,
    brand_handle: str | None = None,
    rules: Rules = DEFAULT_RULES,
    overrides: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
) -> list[Finding]:
    """The Community segments slides: the same views the page shows (analytics/views/segments.py)."""
    findings: list[Finding] = []
    audience = audience_view(con)
    gender, territories = audience.gender, audience.territories
    if audience.gender_headline:
        findings.append(
            Finding(
                section="segments",
                key="segments_gender",
                headline=audience.gender_headline,
                caption=_("Followers by gender, from TikTok Studio's Followers export"),
                note=_("As TikTok reports it for the followers of the account, in its latest download."),
                figure=charts_members.gender_chart(gender),
                native=NativeChart(
                    kind="doughnut",
                    categories=[
                        f"{_(row.gender)} · {text.percent(row.share)}" for row in gender.itertuples()
                    ],
                    series=[(_("Followers"), [float(value) for value in gender["share"]])],
                    number_format="0%",
                    legend=True,
                ),
                metrics=("audience",),
            )
        )

    if audience.territories_headline:
        findings.append(
            Finding(
                section="segments",
                key="segments_territories",
                headline=audience.territories_headline,
                caption=_("Where followers live: share of followers by territory"),
                note=_(
                    "TikTok groups the smallest territories as “Others”. Post times on the Formats slides use "
                    "the time zone of the largest territory."
                ),
                figure=charts_members.territories_chart(territories),
                native=NativeChart(
                    kind="bar",
                    categories=[_(name) if name == "Others" else name for name in territories["territory"]],
                    series=[(_("Followers"), [float(value) for value in territories["share"]])],
                    number_format="0.0%",
                    point_colors=[
                        charts_members.MUTED if code == "Others" else charts_members.BRAND
                        for code in territories["territory_code"]
                    ],
                ),
                metrics=("audience",),
            )
        )

    if audience.hours is not None:
        hours, peaks = audience.hours, audience.peaks
        if peaks and hours["average_active_followers"].notna().any():
            findings.append(
                Finding(
                    section="segments",
                    key="segments_active_hours",
                    # Translators: {when} is a time of day, "on Fridays at 20:00"
                    headline=_("Your followers are most active {when}").format(when=peaks[0]),
                    caption=_("Followers active in each hour of the day, averaged over the file's days"),
                    note=(
                        _("Next: {hours}.").format(hours="; ".join(peaks[1:])) + " " if len(peaks) > 1 else ""
                    )
                    + _("Hours as TikTok wrote them: the file does not say its time zone."),
                    figure=charts_members.active_hours_chart(hours),
                    native=NativeChart(
                        kind="column",
                        categories=[f"{hour:02d}h" for hour in hours["hour"]],
                        series=[
                            (
                                _("Active followers"),
                                [None if pd.isna(v) else float(v) for v in hours["average_active_followers"]],
                            )
                        ],
                        data_labels=False,
                    ),
                    metrics=("audience",),
                )
            )

    found = communities_view(
        con,
        period,
        rules=rules,
        overrides=overrides,
        series=series,
        brand_hashtags=brand_hashtags,
        brand_handle=brand_handle,
    )
    summary = found.summary
    if found.headline:
        findings.append(
            Finding(
                section="segments",
                key="segments_communities",
                headline=found.headline,
                caption=_("Members who commented on each hashtag community's videos"),
                note=found.note,
                figure=charts_members.community_chart(summary),
                native=NativeChart(
                    kind="bar",
                    categories=list(summary["community"]),
                    series=[(_("Members"), [float(value) for value in summary["count_members"]])],
                    point_colors=[charts_members.community_color(i) for i in summary["community_id"]],
                ),
                metrics=("hashtag_community",),
            )
        )

    if _comments_in_period(con, period):
        tone = sentiment_view(
            con, period, lexicon_additions=lexicon_additions, corrections=corrections, memo=sentiment_memo
        )
        overall, promoters, detractors = tone.overall, tone.promoters, tone.detractors
        if tone.headline:
            findings.append(
                Finding(
                    section="segments",
                    key="segments_sentiment",
                    headline=tone.headline,
                    caption=_("Members by the tone of their comments in the period"),
                    note=_(
                        "{promoters} promoters, {neutral} neutral, {detractors} detractors. Sarcasm and irony are "
                        "missed; slang the word lists do not know counts as neutral."
                    ).format(
                        promoters=text.number(promoters),
                        neutral=text.number(overall.at["Neutral", "count_members"]),
                        detractors=text.number(detractors),
                    ),
                    figure=doughnut_chart(
                        [_segment_name(name) for name in overall.index],
                        list(overall["count_members"]),
                        title=_("Promoters, neutral members and detractors"),
                        subtitle=_("Members by the tone of their comments in the period."),
                        colors=[charts_members.SEGMENT_COLORS[name] for name in overall.index],
                    ),
                    native=NativeChart(
                        kind="doughnut",
                        categories=[
                            f"{_segment_name(name)} · {text.number(row.count_members)} "
                            f"({text.percent(row.share_of_group)})"
                            for name, row in overall.iterrows()
                        ],
                        series=[(_("Members"), [float(value) for value in overall["count_members"]])],
                        number_format="0%",
                        point_colors=[charts_members.SEGMENT_COLORS[name] for name in overall.index],
                        legend=True,
                    ),
                    metrics=("sentiment_segment", "positive_response_rate"),
                )
            )
    return findings


def _segment_name(code: str) -> str:
    """A tone segment's name on a chart: "Promoters", "Neutral", "Detractors"."""
    names = {
        "Promoter": _("Promoters"),  # i18n: a stored segment code
        "Neutral": _("Neutral"),  # i18n: a stored segment code
        "Detractor": _("Detractors"),  # i18n: a stored segment code
    }
    return names.get(code, code)


def windows(
    con: duckdb.DuckDBPyConnection, period: Period, sections: Sequence[str], *, real_handles: bool
) -> list[tuple[str, str]]:
    """The data behind the members and segments sections, for the methodology slide."""
    result = []
    if {"members", "segments"} & set(sections) and _comments_in_period(con, period):
        span = segments.comment_date_range(con)
        comments = _comments_in_period(con, period)
        worded = ngettext(
            "{count} member comment in the period (replies, sentiment); tiers from every comment up to {day}",
            "{count} member comments in the period (replies, sentiment); tiers from every comment up to {day}",
            comments,
        ).format(count=text.number(comments), day=text.day(period.end))
        if span:
            worded = _("{comments} (the files start {day})").format(comments=worded, day=text.day(span[0]))
        result.append((_("Comments"), worded))
        shown = replies_shown(con, start=period.start, end=period.end)
        result.append(
            (
                _("Reply effect"),
                _("every first comment in the files with 30 days after it (not only the period)")
                if shown
                else _("not measured, nor the reply rate: {reason} (no parent comment column)").format(
                    reason=_(NO_REPLIES)
                ),
            )
        )
        result.append(
            (
                _("Member names"),
                _("real handles, as chosen") if real_handles else _("pseudonyms, not handles"),
            )
        )
    if "segments" in sections and db.scalar(con, "select count(*) from audience_gender"):
        result.append((_("Audience"), _("TikTok Studio Followers export, latest download (undated)")))
    return result
