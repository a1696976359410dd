"""The Members and Community segments pages' figures: a DataFrame in, a titled and labelled Figure out.

Same house style as analytics.charts (`style()` gives the title, the definition as a subtitle and
the fonts). Each tier keeps one colour in every chart (Champions in the brand's teal, At risk in
orange, Lapsed in red), and so does each sentiment, so a client reads every chart the same way.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_skeleton
from plotly.subplots import make_subplots

from analytics import i18n, stats, wording
from analytics.charts import ACCENT, BRAND, INK, MUTED, PALETTE, count_ticks, percent_ticks, style
from analytics.i18n import N_, _, ngettext, term
from analytics.members import TIER_ORDER
from analytics.settings import SETTINGS
from analytics.wording import count, percent
from analytics.wording import day as day_words

LIGHT = "#99D5CF"
NEGATIVE = "#E11D48"
TIER_COLORS: dict[str, str] = {  # by tier code (the legend shows term("tier", code))
    "Champion": BRAND,  # i18n: tier codes
    "Loyal": "#5EC4B6",  # i18n: tier codes
    "At risk": ACCENT,  # i18n: tier codes
    "Lapsed": NEGATIVE,  # i18n: tier codes
    "New": PALETTE[2],  # i18n: tier codes
    "Regular": "#64748B",  # i18n: tier codes
    "One-time": "#CBD5E1",
}
SENTIMENT_COLORS: dict[str, str] = {"positive": BRAND, "neutral": "#CBD5E1", "negative": NEGATIVE}
SEGMENT_COLORS: dict[str, str] = {
    "Promoter": BRAND,  # i18n: segment codes
    "Neutral": "#CBD5E1",  # i18n: segment codes
    "Detractor": NEGATIVE,  # i18n: segment codes
}
SEGMENT_LEGEND: dict[str, str] = {
    "Promoter": N_("Promoters"),  # i18n: segment codes
    "Neutral": N_("Neutral"),  # i18n: segment codes
    "Detractor": N_("Detractors"),  # i18n: segment codes
}
COMMUNITY_COLORS = [BRAND, ACCENT, PALETTE[2], PALETTE[3], PALETTE[4], PALETTE[5], PALETTE[6], PALETTE[7]]

# Fills too light for white text on them.
LIGHT_FILLS = {"#E2E8F0", "#CBD5E1", "#5EC4B6", LIGHT, MUTED}


def _wrapped(text: str, width: int) -> str:
    """A subtitle cut into lines of `width` characters (Plotly never wraps), whatever the language's length."""
    return "<br>".join(textwrap.wrap(text, width))


def _top(fig: go.Figure, minimum: int) -> None:
    """At least `minimum` pixels above the plot, more when the subtitle wrapped to more lines."""
    fig.update_layout(margin={"t": max(minimum, fig.layout.margin.t or 0)})


def _group_names(names: pd.Series, group: str) -> list[str]:
    """A chart's tier or format categories in this run's language (any other group as it is); "Unknown"
    is the group of comments whose video has no format, or whose member no tier."""
    if group in ("tier", "format"):
        # Translators: a chart's category, comments on videos whose format is not known.
        return [_("Unknown") if name == "Unknown" else term(group, str(name)) for name in names]
    return [str(name) for name in names]


def _month_label(day: pd.Timestamp) -> str:
    """A month as "Jun 2026" in this run's language ("thg 6, 2026", "juin 2026")."""
    if i18n.language() == i18n.DEFAULT:
        return f"{day:%b %Y}"
    return format_skeleton("yMMM", day.date(), locale=i18n.language())


def community_color(community_id: int) -> str:
    return COMMUNITY_COLORS[(int(community_id) - 1) % len(COMMUNITY_COLORS)]


def _interval_bars(table: pd.DataFrame, rate: str, colors: list[str]) -> dict[str, Any]:
    """Bar settings for a rate with its interval as whiskers; small samples greyed, value inside the bar."""
    small = table["is_small_sample"].tolist() if "is_small_sample" in table else [False] * len(table)
    fills = ["#E2E8F0" if is_small else color for is_small, color in zip(small, colors, strict=True)]
    settings: dict[str, Any] = {
        "marker_color": fills,
        "texttemplate": "%{x:.0%}",  # i18n: a number format
        "textposition": "inside",
        "insidetextanchor": "start",
        "textfont": {"color": [INK if fill in LIGHT_FILLS else "white" for fill in fills]},
    }
    if f"{rate}_low" in table:
        settings["error_x"] = {
            "type": "data",
            "symmetric": False,
            "array": (table[f"{rate}_high"] - table[rate]).tolist(),
            "arrayminus": (table[rate] - table[f"{rate}_low"]).tolist(),
            "color": INK,
            "thickness": 1.2,
            "width": 4,
        }
    return settings


def _horizontal(fig: go.Figure, *, height: int | None = None) -> go.Figure:
    """Bars across: first category on top, no hover line, labels clear of the axis."""
    fig.update_layout(hovermode="closest")
    fig.update_yaxes(autorange="reversed", title_text=None, ticksuffix="  ", showgrid=False)
    if height:
        fig.update_layout(height=height)
    return fig


# ---------------------------------------------------------------- tiers


def tier_chart(
    counts: pd.DataFrame, baseline: pd.DataFrame | None = None, *, baseline_name: str | None = None
) -> go.Figure:
    """Members per tier; with `baseline` (the saved rules' counts), both side by side for the what-if.

    `counts` and `baseline` from `tier_counts` (tier, count_members, share_of_members, meaning). Tiers are
    drawn by their names in this run's language, in tier order, each in its colour.
    """
    baseline_name = baseline_name or _("default rules")
    fig = go.Figure()
    if baseline is not None:
        fig.add_bar(
            x=_group_names(baseline["tier"], "tier"),
            y=baseline["count_members"],
            name=baseline_name[:1].upper() + baseline_name[1:],
            marker={"color": "rgba(0,0,0,0)", "line": {"color": MUTED, "width": 2}},
            texttemplate="%{y:,}",  # i18n: a number format
            textposition="outside",
            textfont={"color": MUTED},
            cliponaxis=False,
            # Translators: a chart's hover text; {rules} is "default rules" or "saved rules".
            hovertemplate=_("{tier}, {rules}: {count} members").format(
                tier="%{x}", rules=baseline_name, count="%{y:,}"
            )
            + "<extra></extra>",
        )
    fig.add_bar(
        x=_group_names(counts["tier"], "tier"),
        y=counts["count_members"],
        name=_("Your rules") if baseline is not None else _("Members"),
        marker_color=[TIER_COLORS.get(tier, MUTED) for tier in counts["tier"]],
        texttemplate="%{y:,}<br>%{customdata[1]:.0%}",  # i18n: number formats
        textposition="outside",
        cliponaxis=False,
        customdata=list(zip(counts["meaning"], counts["share_of_members"], strict=True)),
        hovertemplate=_("{tier}: {count} members").format(tier="%{x}", count="%{y:,}")
        + "<br>%{customdata[0]}<extra></extra>",
    )
    subtitle = _("Each member is in the first tier whose rule they meet (rules in the expander above).")
    if baseline is not None:
        subtitle += " " + _("Outlined: the same members under the default rules.")
    style(fig, title=_("Members by tier"), subtitle=subtitle, height=400)
    fig.update_layout(hovermode="closest", bargap=0.25, showlegend=baseline is not None)
    _top(fig, 110)
    highest = max(
        [counts["count_members"].max()] + ([] if baseline is None else [baseline["count_members"].max()])
    )
    fig.update_yaxes(title_text=_("Members"), **count_ticks(highest))
    fig.update_xaxes(
        title_text=_("Tier"), categoryorder="array", categoryarray=[term("tier", tier) for tier in TIER_ORDER]
    )
    return fig


def tier_sizes_chart(
    by_month: pd.DataFrame,
    *,
    hidden: tuple[str, ...] = ("New", "Regular", "One-time"),  # i18n: tier codes
) -> go.Figure:
    """Each tier's size at the end of each month, one line per tier.

    `by_month` from `tier_sizes_by_month`. The big, quiet tiers in `hidden` start switched off
    (a click on the legend shows them), so the core's trend is not flattened by the long tail.
    """
    fig = go.Figure()
    dates = sorted(pd.to_datetime(by_month["as_of_date"]).unique())
    labels = {date: _month_end_label(date, date == dates[-1]) for date in dates}
    for tier in TIER_ORDER:
        rows = by_month[by_month["tier"] == tier]
        if rows.empty:
            continue
        fig.add_scatter(
            x=[labels[date] for date in pd.to_datetime(rows["as_of_date"])],
            y=rows["count_members"],
            name=term("tier", tier),
            mode="lines+markers",
            line={"color": TIER_COLORS[tier], "width": 3},
            marker={"size": 7},
            visible="legendonly" if tier in hidden else True,
            # Translators: {tier} is a tier name, {count} its members.
            hovertemplate=_("{tier}: {count}").format(tier=term("tier", tier), count="%{y:,}")
            + "<extra></extra>",
        )
    style(
        fig,
        title=_("How each tier grew or shrank"),
        subtitle=_(
            "Members in each tier on each month's last day (the last point: the newest comment), default "
            "rules.<br>New, Regular and One-time are much bigger and hidden to keep the core readable: click them "
            "in the legend."
        ),
        height=430,
    )
    fig.update_layout(
        margin={"t": 110, "r": 140},
        legend={
            "orientation": "v",
            "yanchor": "top",
            "y": 1,
            "xanchor": "left",
            "x": 1.02,
            "title": {"text": _("Tier")},
        },
    )
    fig.update_yaxes(title_text=_("Members"), **count_ticks(by_month["count_members"].max()))
    fig.update_xaxes(title_text=_("Tier sizes at the end of each month"), type="category")
    return fig


def _month_end_label(day: pd.Timestamp, is_last: bool) -> str:
    """A month-end as "Jun 2026" ("juin 2026"); the newest day of a month not over yet as "22 Nov 2026"."""
    if not is_last or (day + pd.Timedelta(days=1)).day == 1:
        return format_skeleton("yMMM", day, locale=i18n.language())
    return day_words(day)


def frequency_chart(distribution: pd.DataFrame) -> go.Figure:
    """How many members comment how often, split by tier: stacked bars per frequency band.

    `distribution` from `frequency_distribution(frequency, tiers)`.
    """
    fig = go.Figure()
    bands = list(dict.fromkeys(distribution["frequency_band"]))
    for tier in TIER_ORDER:
        rows = distribution[distribution["tier"] == tier]
        if rows.empty or not rows["count_members"].any():
            continue
        fig.add_bar(
            x=[_(band) for band in rows["frequency_band"]],
            y=rows["count_members"],
            name=term("tier", tier),
            marker_color=TIER_COLORS[tier],
            # Translators: {tier} is a tier name, {count} a number of members.
            hovertemplate=_("{tier}: {count} members").format(tier=term("tier", tier), count="%{y:,}")
            + "<extra></extra>",
        )
    totals = distribution.groupby("frequency_band", sort=False)["count_members"].sum().reindex(bands)
    bands = [_(band) for band in bands]  # "16 or more" in the reader's words
    fig.add_scatter(
        x=bands,
        y=totals.to_numpy(),
        mode="text",
        text=[count(total) for total in totals],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
        cliponaxis=False,
    )
    style(
        fig,
        title=_("How often members comment"),
        subtitle=_(
            "Personal interaction frequency: a member's comments ÷ the calendar months in which they "
            "commented,<br>rounded down. Colours: each member's tier today."
        ),
        height=420,
    )
    fig.update_layout(
        barmode="stack", hovermode="x unified", margin={"t": 120}, bargap=0.2, legend={"traceorder": "normal"}
    )
    fig.update_yaxes(title_text=_("Members"), **count_ticks(totals.max()))
    fig.update_xaxes(title_text=_("Comments per active month"), categoryorder="array", categoryarray=bands)
    return fig


# ---------------------------------------------------------------- replies


def reply_chart(table: pd.DataFrame, group: str, *, confidence: float = SETTINGS.confidence) -> go.Figure:
    """Reply rate and median hours to the first reply, side by side, one row per format or tier.

    `table` from `reply_stats(by=group)`, its intervals at `confidence`.
    """
    table = table[table["count_top_level_comments"] > 0]
    if group != "tier":
        table = table.sort_values(["reply_rate", group], ascending=[False, True])
    codes = table[group].astype(str)
    names = _group_names(codes, group)
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.06,
        subplot_titles=(_("Reply rate"), _("Median time to first reply")),
    )
    colors = [TIER_COLORS.get(code, BRAND) if group == "tier" else BRAND for code in codes]
    fig.add_bar(
        y=names,
        x=table["reply_rate"],
        orientation="h",
        **_interval_bars(table, "reply_rate", colors),
        customdata=table[["count_replied_comments", "count_top_level_comments"]],
        # Translators: a chart's hover text, "Champion: 45.0% answered (9 of 20)".
        hovertemplate=_("{group}: {rate} answered ({answered} of {total})").format(
            group="%{y}", rate="%{x:.1%}", answered="%{customdata[0]:,}", total="%{customdata[1]:,}"
        )
        + "<extra></extra>",
        showlegend=False,
        row=1,
        col=1,
    )
    hours = table["median_hours_to_first_reply"]
    fig.add_bar(
        y=names,
        x=hours,
        orientation="h",
        marker_color=[LIGHT] * len(names),
        text=[
            "—" if pd.isna(value) else _("{hours} h").format(hours=wording.value(value, "decimal"))
            for value in hours
        ],
        textposition="outside",
        cliponaxis=False,
        hovertemplate=_("{group}: {hours} hours (median)").format(group="%{y}", hours="%{x:.1f}")
        + "<extra></extra>",
        showlegend=False,
        row=1,
        col=2,
    )
    titles = {
        "format": _("How often and how fast the brand answers, by format"),
        "tier": _("How often and how fast the brand answers, by tier"),
    }
    style(
        fig,
        title=titles.get(group, _("How often and how fast the brand answers")),
        # Translators: {level} is "95%"; {minimum} a number of comments.
        subtitle=_(
            "Reply rate: top-level member comments the brand replied to ÷ all top-level member comments; "
            "whiskers: {level} interval, grey: under {minimum} comments, too few to say. Time to first reply: "
            "median hours from the comment to the brand's first reply."
        ).format(level=stats.level(confidence), minimum=wording.count(SETTINGS.min_comments)),
        height=max(320, 150 + 42 * len(names)),
    )
    fig.update_layout(margin={"r": 48}, bargap=0.3)
    _top(fig, 140)
    fig.update_annotations(font={"size": 13, "color": INK}, yshift=4)
    _horizontal(fig)
    fig.update_xaxes(
        title_text=_("Comments answered (%)"), tickformat=".0%", row=1, col=1, rangemode="tozero"
    )
    fig.update_xaxes(title_text=_("Hours to first reply (median)"), row=1, col=2, rangemode="tozero")
    fig.update_yaxes(ticksuffix="  ", row=1, col=1)
    return fig


def reply_effect_chart(effect: dict[str, Any]) -> go.Figure:
    """Return rates of members whose first comment was answered, and of those who were not."""
    days = effect["window_days"]
    labels = [_("First comment answered"), _("First comment not answered")]
    rates = [effect["return_rate_replied"], effect["return_rate_not_replied"]]
    counts = [effect["count_replied_members"], effect["count_not_replied_members"]]
    returned = [effect["count_returned_replied_members"], effect["count_returned_not_replied_members"]]
    fig = go.Figure()
    fig.add_bar(
        x=labels,
        y=[rate if rate is not None else 0 for rate in rates],
        marker_color=[BRAND, MUTED],
        customdata=list(zip(returned, counts, strict=True)),
        # Translators: a bar's label, "80%<br>(4 of 5)": keep the <br> (a line break).
        texttemplate=[
            "—"
            if rate is None
            else _("{rate}<br>({back} of {count})").format(
                rate="%{y:.0%}", back="%{customdata[0]:,}", count="%{customdata[1]:,}"
            )
            for rate in rates
        ],
        textposition="outside",
        cliponaxis=False,
        hovertemplate=_("{group}: {rate} came back").format(group="%{x}", rate="%{y:.1%}")
        + "<extra></extra>",
    )
    if effect["difference"] is not None:
        subtitle = _(
            "Members who commented on another video within {days} days of their first comment. "
            "Difference: {difference} points ({level} interval {low} to {high}). "
            "An association, not proof that replying brings members back."
        ).format(
            days=wording.count(days),
            difference=wording.signed_count(effect["difference"] * 100),
            level=stats.level(effect.get("confidence", stats.CONFIDENCE)),
            low=wording.signed_count(effect["difference_low"] * 100),
            high=wording.signed_count(effect["difference_high"] * 100),
        )
    else:
        subtitle = _("Not enough members in each group to compare.")
    style(fig, title=_("Do members the brand answers come back?"), subtitle=subtitle, height=380)
    fig.update_layout(hovermode="closest", bargap=0.45, showlegend=False)
    _top(fig, 120)
    fig.update_yaxes(
        title_text=_("Came back within {days} days (%)").format(days=wording.count(days)),
        tickformat=".0%",
        range=[0, 1],
    )
    fig.update_xaxes(title_text=None)
    return fig


# ---------------------------------------------------------------- sentiment


def sentiment_by_month_chart(monthly: pd.DataFrame) -> go.Figure:
    """Each month's member comments split into positive, neutral and negative (shares, stacked to 100%).

    `monthly` from `sentiment_rates(by="month")`.
    """
    total = monthly["count_labelled_comments"].where(monthly["count_labelled_comments"] > 0)
    months = [_month_label(month) for month in pd.to_datetime(monthly["month"])]
    fig = go.Figure()
    for label in ("positive", "neutral", "negative"):
        share = monthly[f"count_{label}_comments"] / total
        name = term("sentiment", label)
        shown = share.where(share >= 0.05) if label != "neutral" else share.where(share > 1)
        fig.add_bar(
            x=months,
            y=share,
            name=name[:1].upper() + name[1:],
            marker_color=SENTIMENT_COLORS[label],
            texttemplate=["%{y:.0%}" if pd.notna(value) else "" for value in shown],  # i18n: a number format
            textposition="inside",
            insidetextanchor="middle",
            customdata=monthly[f"count_{label}_comments"],
            hovertemplate=_("{label}: {share} ({count} comments)").format(
                label=name[:1].upper() + name[1:], share="%{y:.1%}", count="%{customdata:,}"
            )
            + "<extra></extra>",
        )
    style(
        fig,
        title=_("Positive response rate, month by month"),
        subtitle=_(
            "Share of members' comments labelled positive, neutral or negative each month; the positive "
            "share is the positive response rate (positive ÷ all labelled comments). The brand's own replies are "
            "left out."
        ),
        height=420,
    )
    fig.update_layout(barmode="stack", bargap=0.25, uniformtext={"minsize": 11, "mode": "hide"})
    _top(fig, 120)
    fig.update_yaxes(title_text=_("Member comments (%)"), tickformat=".0%", range=[0, 1])
    fig.update_xaxes(title_text=_("Month"), type="category")
    return fig


def positive_rate_chart(
    table: pd.DataFrame,
    group: str,
    *,
    overall: pd.DataFrame | None = None,
    confidence: float = SETTINGS.confidence,
) -> go.Figure:
    """Positive response rate per format or tier, with intervals at `confidence`, under a grey bar for all
    comments.

    `table` from `sentiment_rates(by=group)`; `overall` from `sentiment_rates()` (optional).
    """
    table = table[table["count_labelled_comments"] > 0]
    if group != "tier":
        table = table.sort_values(["positive_response_rate", group], ascending=[False, True])
    colors = [TIER_COLORS.get(name, BRAND) if group == "tier" else BRAND for name in table[group].astype(str)]
    names = _group_names(table[group], group)
    if overall is not None and len(overall) and overall["count_labelled_comments"].iloc[0] > 0:
        table = pd.concat([overall.assign(**{group: "all"}), table], ignore_index=True)  # i18n: a row key
        colors = [MUTED, *colors]
        names = [_("All comments"), *names]
    fig = go.Figure()
    fig.add_bar(
        y=names,
        x=table["positive_response_rate"],
        orientation="h",
        **_interval_bars(table, "positive_response_rate", colors),
        customdata=table[["count_positive_comments", "count_labelled_comments"]],
        hovertemplate=_("{group}: {rate} positive ({positive} of {total})").format(
            group="%{y}", rate="%{x:.1%}", positive="%{customdata[0]:,}", total="%{customdata[1]:,}"
        )
        + "<extra></extra>",
        showlegend=False,
    )
    titles = {"format": _("Positive response rate by format"), "tier": _("Positive response rate by tier")}
    subtitle = _(
        "Positive member comments ÷ all labelled member comments (positive + neutral + negative). Whiskers: "
        "{level} interval; light grey: under {minimum} comments, too few to say."
    ).format(level=stats.level(confidence), minimum=wording.count(SETTINGS.min_comments))
    # Drawn in half the page's width: short lines, or the subtitle runs off the chart's edge.
    subtitle = _wrapped(subtitle, 36)
    style(
        fig,
        title=titles.get(group, _("Positive response rate")),
        subtitle=subtitle,
        height=max(340, 180 + 40 * len(names)),
    )
    _horizontal(fig)
    fig.update_layout(margin={"t": max(160, 80 + 16 * (subtitle.count("<br>") + 1)), "r": 48}, bargap=0.3)
    fig.update_xaxes(title_text=_("Positive comments (%)"), tickformat=".0%", range=[0, 1])
    return fig


def sentiment_segments_chart(segments: pd.DataFrame) -> go.Figure:
    """Promoters, neutral members and detractors in each group (all members, then each tier), stacked to 100%.

    `segments` from `sentiment_segments`.
    """
    groups = list(dict.fromkeys(segments["group"]))
    sizes = segments.groupby("group", sort=False)["count_members"].sum()
    groups = [group for group in groups if sizes.get(group, 0) > 0]
    # The groups are "All members" and tier codes; shown in the reader's words.
    labels = [
        f"{_(group) if group not in TIER_ORDER else term('tier', group)} ({count(sizes[group])})"
        for group in groups
    ]
    fig = go.Figure()
    for segment, color in SEGMENT_COLORS.items():
        rows = segments[segments["segment"] == segment].set_index("group").reindex(groups)
        fig.add_bar(
            y=labels,
            x=rows["share_of_group"],
            orientation="h",
            name=_(SEGMENT_LEGEND[segment]),
            marker_color=color,
            text=[percent(share) if share >= 0.06 else "" for share in rows["share_of_group"].fillna(0)],
            textposition="inside",
            insidetextanchor="middle",
            customdata=rows["count_members"],
            # Translators: {segment} is Promoter, Neutral or Detractor; {share} a percentage.
            hovertemplate=_("{segment}: {share} ({count} members)").format(
                segment=_(segment), share="%{x:.1%}", count="%{customdata:,}"
            )
            + "<extra></extra>",
        )
    style(
        fig,
        title=_("Promoters, neutral members and detractors"),
        subtitle=_(
            "Promoter: more positive than negative comments; Detractor: more negative than positive; "
            "else Neutral.<br>In brackets: members in the group."
        ),
        height=max(320, 150 + 36 * len(groups)),
    )
    _horizontal(fig)
    fig.update_layout(barmode="stack", margin={"t": 120}, bargap=0.3, legend={"traceorder": "normal"})
    fig.update_xaxes(title_text=_("Members (%)"), tickformat=".0%", range=[0, 1])
    return fig


# ---------------------------------------------------------------- hashtag communities


def community_network_chart(hashtags: pd.DataFrame, edges: pd.DataFrame) -> go.Figure:
    """The hashtag graph: a dot per hashtag (size: videos), a line per pair used together, coloured by community.

    `hashtags` and `edges` from `hashtag_communities`. The layout is seeded, so the picture is stable.
    """
    positions, sides = _community_layout(hashtags)
    fig = go.Figure()
    heaviest = max(int(edges["count_videos"].max()), 1) if len(edges) else 1
    community_of = dict(zip(hashtags["hashtag"], hashtags["community_id"], strict=True))
    for row in edges.itertuples():
        (x0, y0), (x1, y1) = positions[row.source], positions[row.target]
        inside = community_of[row.source] == community_of[row.target]
        fig.add_scatter(
            x=[x0, x1],
            y=[y0, y1],
            mode="lines",
            line={
                "color": "rgba(100,116,139,0.35)" if inside else "rgba(148,163,184,0.12)",
                "width": 0.5 + 6 * row.count_videos / heaviest,
            },
            hoverinfo="skip",
            showlegend=False,
        )
    largest = max(int(hashtags["count_videos"].max()), 1) if len(hashtags) else 1
    for (community_id, name), rows in hashtags.groupby(["community_id", "community"], sort=True):
        fig.add_scatter(
            x=[positions[tag][0] for tag in rows["hashtag"]],
            y=[positions[tag][1] for tag in rows["hashtag"]],
            mode="markers+text",
            name=name,
            text=rows["display"],
            textposition=[sides[tag] for tag in rows["hashtag"]],
            textfont={"size": 12, "color": INK},
            marker={
                "size": [10 + 30 * (count / largest) ** 0.5 for count in rows["count_videos"]],
                "color": community_color(community_id),
                "line": {"color": "white", "width": 1.5},
            },
            customdata=rows["count_videos"].map(_videos),
            # Translators: {hashtag} is a hashtag, {videos} is "3 videos".
            hovertemplate=_("{hashtag}: on {videos}").format(hashtag="%{text}", videos="%{customdata}")
            + "<extra>"
            + name
            + "</extra>",
        )
    style(
        fig,
        title=_("Hashtags that travel together"),
        subtitle=_(
            "Each dot is a hashtag (bigger: on more videos); a line joins two hashtags used in the same "
            "captions (thicker: more videos).<br>Colours are the communities: hashtags used together more often "
            "than with the others."
        ),
        height=560,
    )
    fig.update_layout(hovermode="closest", margin={"t": 120, "l": 24, "r": 24})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, rangemode="normal", scaleanchor="x", scaleratio=1)
    return fig


def _community_layout(hashtags: pd.DataFrame) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """Where each hashtag sits, and on which side its label goes.

    Communities side by side, biggest first (four to a row): each one's most used hashtag in the middle,
    the others on a ring around it, most used first from the top, labels outside the ring. No randomness,
    and labels that do not pile up.
    """
    groups = [
        rows.sort_values(["count_videos", "hashtag"], ascending=[False, True])["hashtag"].tolist()
        for _, rows in hashtags.groupby("community_id", sort=True)
    ]
    positions: dict[str, tuple[float, float]] = {}
    sides: dict[str, str] = {}
    x, y, previous = 0.0, 0.0, 0.0
    for index, group in enumerate(groups):
        radius = 0.5 + 0.07 * len(group)
        if index % 4 == 0 and index:
            x, y, previous = 0.0, y - 2 * (0.5 + 0.07 * max(len(g) for g in groups)) - 0.9, 0.0
        x += (previous + radius + 0.9) if index % 4 else 0.0
        previous = radius
        positions[group[0]] = (x, y)
        sides[group[0]] = "bottom center"  # i18n: a Plotly text position
        ring = group[1:]
        for position, tag in enumerate(ring):
            turn = math.pi / 2 - 2 * math.pi * position / max(len(ring), 1)
            dx, dy = math.cos(turn), math.sin(turn)
            positions[tag] = (x + radius * dx, y + radius * dy)
            vertical = "top" if dy > 0.5 else "bottom" if dy < -0.5 else "middle"
            horizontal = "right" if dx > 0.3 else "left" if dx < -0.3 else "center"
            sides[tag] = f"{vertical} {horizontal}"
    return positions, sides


def _videos(number: int) -> str:
    return ngettext("{count} video", "{count} videos", number).format(count=count(number))


def community_chart(summary: pd.DataFrame) -> go.Figure:
    """Each hashtag community's members, views and engagement rate, side by side.

    `summary` from `community_summary`.
    """
    names = [f"{row.community} ({_videos(row.count_videos)})" for row in summary.itertuples()]
    colors = [community_color(community_id) for community_id in summary["community_id"]]
    fig = make_subplots(
        rows=1,
        cols=3,
        shared_yaxes=True,
        horizontal_spacing=0.05,
        subplot_titles=(_("Members who comment"), _("Views"), _("Engagement rate")),
    )
    panels = [
        ("count_members", count, _("{count} members").format(count="%{x:,}")),
        ("total_views", count, _("{count} views").format(count="%{x:,}")),
        ("engagement_rate", lambda value: "—" if pd.isna(value) else percent(value), "%{x:.1%}"),
    ]
    for column, (key, text, hover) in enumerate(panels, start=1):
        fig.add_bar(
            y=names,
            x=summary[key],
            orientation="h",
            marker_color=colors,
            text=[text(value) for value in summary[key]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: " + hover + "<extra></extra>",
            showlegend=False,
            row=1,
            col=column,
        )
    style(
        fig,
        title=_("How big each hashtag community is"),
        subtitle=_(
            "Videos carrying any of the community's hashtags (a video can serve two communities), their views, "
            "engagement rate<br>(likes + comments + shares ÷ views, a ratio of sums) and the members who "
            "commented on them."
        ),
        height=max(300, 150 + 56 * len(names)),
    )
    fig.update_layout(margin={"t": 150, "r": 56}, bargap=0.3)
    fig.update_annotations(font={"size": 13, "color": INK}, yshift=4)
    _horizontal(fig)
    fig.update_xaxes(title_text=_("Members"), row=1, col=1, **count_ticks(summary["count_members"].max()))
    fig.update_xaxes(title_text=_("Views"), tickformat="~s", row=1, col=2)
    fig.update_xaxes(
        title_text=_("Engagement rate (%)"),
        tickformat=percent_ticks(summary["engagement_rate"].max()),
        row=1,
        col=3,
    )
    return fig


# ---------------------------------------------------------------- audience


GENDER_NAMES = {"female": N_("Female"), "male": N_("Male"), "other": N_("Other"), "unknown": N_("Unknown")}


def gender_name(gender: object) -> str:
    """TikTok's gender word in the reader's language ("Female": "Nữ", "Femmes"...); any other as written."""
    known = GENDER_NAMES.get(str(gender).strip().casefold())
    return _(known) if known else str(gender)


def gender_chart(gender: pd.DataFrame) -> go.Figure:
    """Followers by gender, as shares. `gender` from `audience_gender`."""
    fig = go.Figure()
    fig.add_bar(
        y=[gender_name(name) for name in gender["gender"]],
        x=gender["share"],
        orientation="h",
        marker_color=[PALETTE[index % len(PALETTE)] for index in range(len(gender))],
        text=[percent(share) for share in gender["share"]],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{x:.1%}<extra></extra>",  # i18n: numbers only
    )
    style(
        fig,
        title=_("Followers by gender"),
        subtitle=_("Share of followers, from TikTok Studio's Followers export<br>(its latest download)."),
        height=300,
    )
    _horizontal(fig)
    fig.update_layout(margin={"t": 110, "r": 48}, bargap=0.35)
    fig.update_xaxes(title_text=_("Followers (%)"), tickformat=".0%", range=[0, 1])
    return fig


def territories_chart(territories: pd.DataFrame) -> go.Figure:
    """Followers' top territories, by name, as shares. `territories` from `top_territories`."""
    is_other = territories["territory_code"] == "Others"
    fig = go.Figure()
    fig.add_bar(
        y=territories["territory"],
        x=territories["share"],
        orientation="h",
        marker_color=[MUTED if other else BRAND for other in is_other],
        text=[percent(share) for share in territories["share"]],
        textposition="outside",
        cliponaxis=False,
        customdata=territories["territory_code"],
        hovertemplate="%{y} (%{customdata}): %{x:.1%}<extra></extra>",  # i18n: numbers only
    )
    style(
        fig,
        title=_("Where followers live"),
        subtitle=_(
            "Share of followers in each territory, from TikTok Studio's Followers export<br>(its latest "
            "download). TikTok groups the smallest as “Other territories”."
        ),
        height=max(300, 130 + 30 * len(territories)),
    )
    _horizontal(fig)
    fig.update_layout(margin={"t": 110, "r": 56}, bargap=0.3)
    fig.update_xaxes(title_text=_("Followers (%)"), tickformat=".0%")
    return fig


def active_hours_chart(hours: pd.DataFrame, *, top: int = 3) -> go.Figure:
    """Average active followers per hour of the day; the `top` busiest hours in the brand's colour.

    `hours` from `active_hours`.
    """
    values = hours["average_active_followers"]
    busiest = set(values.nlargest(top).index) if values.notna().any() else set()
    fig = go.Figure()
    fig.add_bar(
        x=hours["hour"],
        y=values,
        marker_color=[BRAND if index in busiest else LIGHT for index in hours.index],
        customdata=hours["count_days"],
        # Translators: {hour} is "20:00", {count} a number of followers, {days} a number of days.
        hovertemplate=_("{hour}: {count} active followers on average ({days} days)").format(
            hour="%{x}:00", count="%{y:,.0f}", days="%{customdata}"
        )
        + "<extra></extra>",
    )
    style(
        fig,
        title=_("When followers are on TikTok"),
        subtitle=_(
            "Followers active in each hour, averaged over the days of TikTok Studio's follower activity "
            "(its last 7 days).<br>Hours as TikTok wrote them: the file does not say its time zone. Darker: the "
            "{top} busiest hours."
        ).format(top=top),
        height=380,
    )
    fig.update_layout(hovermode="closest", bargap=0.15, showlegend=False, margin={"t": 120})
    fig.update_yaxes(title_text=_("Active followers (average)"), **count_ticks(values.max()))
    fig.update_xaxes(title_text=_("Hour of the day (as in TikTok's file)"), dtick=2, range=[-0.6, 23.6])
    return fig
