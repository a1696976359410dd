"""The Interaction formats page's figures: a DataFrame in, a titled and labelled Figure out.

Same house style as analytics.charts (its `style()` gives the title, the definition as a subtitle and
the fonts). Each format keeps one colour in every chart, so a client can follow "Mini game" from the
monthly bars to the scatter without reading the legend twice.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date
from pandas.io.formats.style import Styler

from analytics import stats, wording
from analytics.charts import ACCENT, BRAND, INK, MUTED, PALETTE, count_ticks, percent_ticks, style
from analytics.definitions import COLUMN_LABELS
from analytics.format_stats import SMALL_SAMPLE_NOTE, Claim, all_videos_rate
from analytics.i18n import _, language, ngettext, term
from analytics.posting_times import weekday_names
from analytics.settings import SETTINGS
from analytics.wording import day


def _videos(count: float) -> str:
    """ "1 video", "12 videos" in this run's language."""
    return ngettext("{count} video", "{count} videos", count).format(count=wording.count(count))


def _percent(share: float | None) -> str:
    return wording.value(share, "percent")


def _month(month: object) -> str:
    """ "Jun 2026" in this run's language (a monthly axis' label)."""
    return format_date(pd.Timestamp(month), "LLL y", locale=language())  # i18n: a date pattern


EMPTY = "#F1F5F9"  # the background of a heatmap cell without data, unlike a low value's near-white
# White to the brand's teal: a light cell is a quiet hour, a dark one a busy hour.
TEAL_SCALE = [[0.0, "#F0FDFA"], [0.5, "#5EC4B6"], [1.0, BRAND]]
# The house palette's hues, one per format, none two alike (the palette's second teal went to
# Tutorial's neighbour once, and a client could not tell them apart); grey is kept for "too few to say".
FORMAT_COLORS: dict[str, str] = {  # keyed by the stored codes; charts colour term("format", code)
    "Tutorial": BRAND,  # i18n: a stored code
    "Challenge": ACCENT,  # i18n: a stored code
    "LIVE Q&A": PALETTE[3],  # i18n: a stored code
    "Mini game": PALETTE[2],  # i18n: a stored code
    "Storytelling": PALETTE[4],  # i18n: a stored code
    "Behind the scenes": PALETTE[5],  # i18n: a stored code
    "Duet / Stitch / UGC": PALETTE[6],  # i18n: a stored code
    "Collab": "#EAB308",  # i18n: a stored code
    "Product": "#92400E",  # i18n: a stored code
    "Other": PALETTE[9],  # i18n: a stored code
}
EXTRA_COLORS = ["#DB2777", "#0891B2", "#1D4ED8", "#65A30D", "#7C2D12", "#4C1D95"]


def format_colors(names: Sequence[str]) -> dict[str, str]:
    """One colour per format present, in taxonomy order: the same format always gets the same colour,
    and a marketer's own formats take the next free ones, after the taxonomy's."""
    present = set(names)
    extra = sorted(present - set(FORMAT_COLORS))
    colors = {name: color for name, color in FORMAT_COLORS.items() if name in present}
    colors.update({name: EXTRA_COLORS[index % len(EXTRA_COLORS)] for index, name in enumerate(extra)})
    return colors


def _side_legend(fig: go.Figure) -> None:
    """Many entries: a legend down the right side, clear of the subtitle and the axis title."""
    fig.update_layout(
        legend={
            "orientation": "v",
            "yanchor": "top",
            "y": 1,
            "xanchor": "left",
            "x": 1.01,
            "title": {"text": _("Format")},
            "traceorder": "normal",
        },
        margin={"r": 190},
    )


def _log_ticks(values: pd.Series) -> list[float]:
    """1, 2, 5 × powers of ten across the values: a log axis with labels that never collide."""
    low, high = float(values.min()), float(values.max())
    ticks, power = [], 10 ** math.floor(math.log10(max(low, 1)))
    while power <= high * 10:
        ticks += [step * power for step in (1, 2, 5) if low / 2 <= step * power <= high * 2]
        power *= 10
    return ticks


def _caption(text: object, width: int = 60, lines: int = 3) -> str:
    if not isinstance(text, str) or not text.strip():
        return _("(no caption)")
    wrapped = textwrap.wrap(" ".join(text.split()), width)
    shown = wrapped[:lines]
    if len(wrapped) > lines:
        shown[-1] += " …"
    return "<br>".join(shown)


# ---------------------------------------------------------------- formats


def format_rate_chart(
    table: pd.DataFrame,
    *,
    claims: Sequence[Claim] | None = None,
    min_videos: int = SETTINGS.min_videos,
    title: str | None = None,
    subtitle: str | None = None,
    confidence: float = stats.CONFIDENCE,
) -> go.Figure:
    """Each format's engagement rate with its interval (at `confidence`), best first; small groups greyed.

    `table` is engagement_by_format() (already in display order). `claims` (PUBLISHED_CLAIMS) adds
    the playbook's claimed ranges as orange bands, labelled as claims, for the formats present. The
    dashed line is all the table's videos together (ratio of its sums).
    """
    rated = table[table["engagement_rate"].notna()].reset_index(drop=True)
    # The note sits under the name, in grey: inside a short bar it would shrink out of sight.
    note = f"<br><span style='font-size:11px;color:{MUTED}'>{_(SMALL_SAMPLE_NOTE)}</span>"  # i18n: markup
    labels = [
        f"{term('format', row.format)}  ·  {_videos(row.count_videos)}"
        + (note if row.is_small_sample else "")
        for row in rated.itertuples()
    ]
    level = stats.level(confidence)
    hover = [
        _(
            "Engagement rate {rate} ({level} range {low}–{high})<br>Typical video (median) {median}<br>{note}"
        ).format(
            rate=_percent(row.engagement_rate),
            level=level,
            low=_percent(row.engagement_rate_low),
            high=_percent(row.engagement_rate_high),
            median=_percent(row.median_engagement_rate),
            note=_(row.note) if row.note else "",
        )
        for row in rated.itertuples()
    ]
    colors = [MUTED if small else BRAND for small in rated["is_small_sample"]]
    fig = go.Figure()
    fig.add_bar(
        x=rated["engagement_rate"],
        y=labels,
        orientation="h",
        name=_("Your engagement rate"),
        marker={"color": colors},
        error_x={
            "type": "data",
            "symmetric": False,
            "array": (rated["engagement_rate_high"] - rated["engagement_rate"]).clip(lower=0).fillna(0),
            "arrayminus": (rated["engagement_rate"] - rated["engagement_rate_low"]).clip(lower=0).fillna(0),
            "color": INK,
            "thickness": 1.5,
            "width": 5,
        },
        text=[_percent(rate) for rate in rated["engagement_rate"]],
        textposition="inside",
        insidetextanchor="start",
        textfont={"color": "white", "size": 12},
        customdata=hover,
        hovertemplate="<b>%{y}</b><br>%{customdata}<extra></extra>",
        cliponaxis=False,
    )
    overall = all_videos_rate(table)
    if overall is not None:
        fig.add_vline(
            x=overall,
            line={"color": INK, "dash": "dash", "width": 1},
            annotation={
                "text": _("All these videos: {rate}").format(rate=_percent(overall)),
                "font": {"size": 11, "color": INK},
            },
            annotation_position="top",
        )
    shown_claims = [claim for claim in claims or [] if claim["format"] in set(rated["format"])]
    for claim in shown_claims:
        label = labels[list(rated["format"]).index(claim["format"])]
        low, high = float(claim["claimed_rate_low"]), float(claim["claimed_rate_high"])
        claimed = _("{claim}: {low}–{high} (its own undefined 'interaction rate')").format(
            claim=_(claim["label"]), low=f"{low:.0%}", high=f"{high:.0%}"
        )
        fig.add_scatter(
            x=[low, high],
            y=[label, label],
            mode="lines",
            line={"color": ACCENT, "width": 12},
            opacity=0.45,
            name=_("Published claim (playbook), not your data"),
            legendgroup="claims",
            showlegend=claim is shown_claims[0],
            customdata=[claimed, claimed],
            hovertemplate="%{customdata}<extra></extra>",
        )
        fig.add_annotation(
            x=high,
            y=label,
            text=_("claimed {low}–{high}").format(low=f"{low:.0%}", high=f"{high:.0%}"),
            showarrow=False,
            xanchor="left",
            xshift=6,
            font={"size": 11, "color": "#C2410C"},
        )
    style(
        fig,
        title=title or _("Engagement rate by interaction format"),
        subtitle=subtitle
        or _(
            "Engagements (likes + comments + shares) ÷ views over each format's videos, their lifetime numbers. "
            "Whiskers: {level} range (bootstrap).<br>Grey: fewer than {count} videos, not enough to say. "
            "Dashed: all these videos together. Not the Overview's rate, which counts the period's days<br>"
            "on every video, old ones included."
        ).format(level=level, count=wording.count(min_videos)),
        # The margins plus 46 px a format: one format alone still gets a bar, not a sliver under the subtitle.
        height=136 + (110 if shown_claims else 56) + 46 * max(len(rated), 1),
    )
    fig.update_layout(
        hovermode="closest",
        bargap=0.3,
        margin={"t": 136, "r": 110 if shown_claims else 40, "b": 110 if shown_claims else 56},
        # Under the plot: above it, the legend would run into the "All videos" label.
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.12 - 0.5 / max(len(rated), 1),
            "xanchor": "left",
            "x": 0,
        },
        showlegend=bool(shown_claims),
    )
    highest = max(
        [rated["engagement_rate_high"].max(), rated["engagement_rate"].max()]
        + [float(claim["claimed_rate_high"]) for claim in shown_claims]
    )
    fig.update_xaxes(
        title_text=_("Engagement rate (% of views)"),
        tickformat=percent_ticks(highest),
        showgrid=True,
        gridcolor="#E2E8F0",
    )
    fig.update_yaxes(autorange="reversed", title_text=None, gridcolor="rgba(0,0,0,0)", ticksuffix="  ")
    return fig


# The formats table's columns as a marketer reads them, and the definition shown on each header.
def table_columns(confidence: float = stats.CONFIDENCE) -> dict[str, str]:
    """engagement_by_format() column -> the formats table's header (COLUMN_LABELS); the range is labelled
    with its level."""
    columns = [
        "format",
        "count_videos",
        "total_views",
        "engagement_rate",
        "engagement_range",
        "median_engagement_rate",
        "shares_per_1000_views",
        "comments_per_1000_views",
        "completion_rate",
        "average_watch_seconds",
        "follows_per_1000_views",
    ]
    # Translators: {level} is a confidence level, "95%"
    ranged = {"engagement_range": _("{level} range").format(level=stats.level(confidence))}
    return {column: ranged.get(column) or _(COLUMN_LABELS[column]) for column in columns}


def table_help(confidence: float = stats.CONFIDENCE, n_boot: int = SETTINGS.n_boot) -> dict[str, str]:
    """The formats table's header -> its definition, shown when the header is hovered."""
    shown = stats.level(confidence)
    columns = table_columns(confidence)
    helps = {
        "engagement_rate": _(
            "Likes + comments + shares ÷ views, over all the format's videos (a ratio of sums)."
        ),
        "engagement_range": _(
            "Where the engagement rate would land {level} of the time if the same videos were drawn again "
            "(bootstrap, {resamples} resamples)."
        ).format(level=shown, resamples=wording.count(n_boot)),
        "median_engagement_rate": _("The median of the videos' own engagement rates."),
        "shares_per_1000_views": _("Shares per 1,000 views."),
        "comments_per_1000_views": _("Comments per 1,000 views."),
        "completion_rate": _("Share of views that watched the whole video, weighted by views."),
        "average_watch_seconds": _("Average seconds watched per view, weighted by views."),
        "follows_per_1000_views": _("New followers per 1,000 views."),
    }
    return {columns[column]: text for column, text in helps.items()}


FORMATS_TABLE_COLUMNS: dict[str, str] = table_columns()
FORMATS_TABLE_HELP: dict[str, str] = table_help()
# The formats table's numbers, by column, written by analytics.wording in the reader's language.
_NUMBER_UNITS = {
    "count_videos": "count",
    "total_views": "count",
    "engagement_rate": "percent",
    "median_engagement_rate": "percent",
    "completion_rate": "percent",
    "shares_per_1000_views": "decimal",
    "comments_per_1000_views": "decimal",
    "average_watch_seconds": "decimal",
    "follows_per_1000_views": "decimal",
}


def formats_table(table: pd.DataFrame, *, confidence: float = stats.CONFIDENCE) -> Styler:
    """engagement_by_format() as the page shows it: a marketer's column names, the range (at
    `confidence`) in one column, the columns the files lack left out, formats with too few videos grey
    and italic."""
    columns = table_columns(confidence)
    shown = table.assign(
        format=table["format"].map(lambda code: term("format", code)),
        engagement_range=[
            f"{_percent(low)} – {_percent(high)}" if pd.notna(low) else "—"
            for low, high in zip(table["engagement_rate_low"], table["engagement_rate_high"], strict=True)
        ],
    )[list(columns)]
    shown = shown.dropna(axis="columns", how="all").rename(columns=columns)
    grey = [f"color: {MUTED}; font-style: italic"] * len(shown.columns)  # i18n: CSS
    numbers = {
        columns[column]: (lambda number, unit=unit: wording.value(number, unit))
        for column, unit in _NUMBER_UNITS.items()
        if columns[column] in shown
    }
    return shown.style.apply(
        lambda row: grey if table.loc[row.name, "is_small_sample"] else [""] * len(row), axis=1
    ).format(numbers, na_rep="—")


def formats_by_month_chart(
    monthly: pd.DataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
) -> go.Figure:
    """Stacked bars: videos posted per month and format; `monthly` is formats_by_month()."""
    fig = go.Figure()
    colors = format_colors(list(monthly["format"]))
    for code, color in colors.items():
        rows = monthly[monthly["format"] == code]
        name = term("format", code)
        fig.add_bar(
            x=rows["month"],
            y=rows["count_videos"],
            name=name,
            marker_color=color,
            customdata=[
                _("{format}: {videos}, {views} views, {rate} engagement rate").format(
                    format=name, videos=_videos(count), views=wording.count(views), rate=_percent(rate)
                )
                for count, views, rate in zip(
                    rows["count_videos"], rows["total_views"], rows["engagement_rate"], strict=True
                )
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
    style(
        fig,
        title=title or _("Which formats you posted, month by month"),
        subtitle=subtitle
        or _(
            "Videos posted each month, by interaction format (month of posting). Hover for views and engagement rate."
        ),
        height=440,
    )
    fig.update_layout(barmode="stack", hovermode="x unified")
    _side_legend(fig)
    months = sorted(monthly["month"].unique()) if len(monthly) else []
    fig.update_xaxes(
        title_text=_("Month posted"),
        tickvals=months,
        ticktext=[_month(month) for month in months],
        dtick="M1",
    )
    per_month = monthly.groupby("month")["count_videos"].sum().max() if len(monthly) else None
    fig.update_yaxes(title_text=_("Videos posted"), **count_ticks(per_month))
    return fig


def video_scatter_chart(
    videos: pd.DataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
) -> go.Figure:
    """Views (log axis) against engagement rate, one trace per format; `videos` is video_formats()."""
    shown = videos[(videos["total_views"] > 0).fillna(False) & videos["engagement_rate"].notna()]
    fig = go.Figure()
    for code, color in format_colors(list(shown["format"])).items():
        rows = shown[shown["format"] == code]
        name = term("format", code)
        fig.add_scatter(
            x=rows["total_views"],
            y=rows["engagement_rate"],
            mode="markers",
            name=name,
            marker={"color": color, "size": 9, "opacity": 0.85, "line": {"color": "white", "width": 1}},
            customdata=list(
                zip(
                    rows["caption"].map(_caption),
                    rows["posted_at"].map(lambda when: _("date unknown") if pd.isna(when) else day(when)),
                    [
                        _("{views} views · {rate} engagement rate").format(
                            views=wording.count(views), rate=_percent(rate)
                        )
                        for views, rate in zip(rows["total_views"], rows["engagement_rate"], strict=True)
                    ],
                    strict=True,
                )
            ),
            hovertemplate=f"<b>{name}</b> · %{{customdata[1]}}<br>%{{customdata[0]}}<br>"
            "%{customdata[2]}<extra></extra>",  # i18n: template
        )
    style(
        fig,
        title=title or _("Every video: how far it travelled and how much it engaged"),
        subtitle=subtitle
        or _(
            "One dot per video: views across (log scale), engagement rate up (likes + comments + shares ÷ views). "
            "Hover for the caption."
        ),
        height=500,
    )
    fig.update_layout(hovermode="closest")
    _side_legend(fig)
    fig.update_xaxes(
        type="log",
        title_text=_("Views (log scale)"),
        tickvals=_log_ticks(shown["total_views"]) if len(shown) else None,
        tickformat="~s",
        showgrid=True,
        gridcolor="#E2E8F0",
    )
    fig.update_yaxes(
        title_text=_("Engagement rate (% of views)"), tickformat=percent_ticks(shown["engagement_rate"].max())
    )
    return fig


# ---------------------------------------------------------------- hashtags


def hashtag_chart(
    hashtags: pd.DataFrame,
    *,
    top: int = 12,
    min_videos: int = SETTINGS.min_videos,
    title: str | None = None,
    subtitle: str | None = None,
) -> go.Figure:
    """Horizontal bars for the brand hashtags and the `top` most viewed others; `hashtags` is hashtag_performance().

    Hashtags on fewer than `min_videos` videos are grey, as small formats are.
    """
    used = hashtags[hashtags["count_videos"] > 0]
    shown = pd.concat([used[used["is_brand_hashtag"]], used[~used["is_brand_hashtag"]].head(top)])
    fig = go.Figure()
    fig.add_bar(
        x=shown["engagement_rate"],
        y=shown["hashtag"],
        orientation="h",
        marker_color=[
            MUTED if count < min_videos else ACCENT if brand else BRAND
            for brand, count in zip(shown["is_brand_hashtag"], shown["count_videos"], strict=True)
        ],
        text=[
            f"{_percent(rate)} · {_videos(count)}"
            for rate, count in zip(shown["engagement_rate"], shown["count_videos"], strict=True)
        ],
        textposition="inside",
        insidetextanchor="start",
        textfont={"color": "white", "size": 12},
        customdata=[
            _("{rate} engagement rate<br>{videos}, {views} views").format(
                rate=_percent(rate), videos=_videos(count), views=wording.count(views)
            )
            for rate, count, views in zip(
                shown["engagement_rate"], shown["count_videos"], shown["total_views"], strict=True
            )
        ],
        hovertemplate="<b>%{y}</b>: %{customdata}<extra></extra>",  # i18n: template
        showlegend=False,
    )
    style(
        fig,
        title=title or _("Engagement rate of your most-viewed hashtags"),
        subtitle=subtitle
        or _(
            "Engagements ÷ views over the videos carrying each hashtag (a video counts for every hashtag it "
            "carries). <br>Your brand hashtags first, in orange; then the most viewed. Grey: too few videos to say."
        ),
        height=150 + 30 * max(len(shown), 1),
    )
    fig.update_layout(hovermode="closest", bargap=0.25, margin={"t": 110})
    fig.update_xaxes(
        title_text=_("Engagement rate (% of views)"),
        tickformat=percent_ticks(shown["engagement_rate"].max()),
        showgrid=True,
        gridcolor="#E2E8F0",
    )
    fig.update_yaxes(autorange="reversed", title_text=None, ticksuffix="  ")
    return fig


# ---------------------------------------------------------------- when to post


def weekday_hour_heatmap(
    grid: pd.DataFrame,
    value: str,
    *,
    title: str,
    subtitle: str,
    hour_title: str,
    value_title: str,
    percent: bool = False,
    count_column: str | None = None,
    hours_with_data_only: bool = False,
    show_values: bool = False,
) -> go.Figure:
    """A weekday (rows, Monday on top) by hour (columns) heatmap of `value`.

    `grid` has weekday (0 = Monday), hour and `value` columns (follower_activity_grid(),
    posting_time_performance()). `count_column` names a column shown on hover ("3 videos");
    `hours_with_data_only` drops the hours where every weekday is empty, so sparse data stays readable;
    `show_values` writes each cell's value in it (for a few cells, not for 168).
    """
    table = grid.pivot(index="weekday", columns="hour", values=value).reindex(range(7))
    if hours_with_data_only:
        table = table.loc[:, table.notna().any()]
    counts = (
        grid.pivot(index="weekday", columns="hour", values=count_column).reindex(range(7))[table.columns]
        if count_column
        else None
    )
    number = ".1%" if percent else ",.0f"
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(dtype=float),
            x=[f"{hour:02d}h" for hour in table.columns],
            y=weekday_names(),
            colorscale=TEAL_SCALE,
            hoverongaps=False,
            xgap=2,
            ygap=2,
            colorbar={
                "title": {"text": value_title, "side": "right"},
                "tickformat": percent_ticks(table.max().max()) if percent else "~s",
            },
            customdata=counts.fillna(0).map(_videos).to_numpy() if counts is not None else None,
            texttemplate=f"%{{z:{'.1%' if percent else ',.0f'}}}" if show_values else None,
            textfont={"size": 11},
            hovertemplate="%{y}, %{x}: %{z:"
            + number
            + "} "
            + value_title.lower()
            + ("<br>%{customdata}" if counts is not None else "")
            + "<extra></extra>",
        )
    )
    style(fig, title=title, subtitle=subtitle, height=400)
    fig.update_layout(hovermode="closest", margin={"t": 110}, plot_bgcolor=EMPTY)
    fig.update_xaxes(title_text=hour_title, type="category", showgrid=False, ticks="")
    fig.update_yaxes(
        autorange="reversed", title_text=None, showgrid=False, rangemode="normal", ticksuffix="  "
    )
    return fig


def follower_activity_heatmap(grid: pd.DataFrame) -> go.Figure:
    """When the followers are on TikTok; `grid` is timezones.follower_activity_grid()."""
    return weekday_hour_heatmap(
        grid,
        "average_active_followers",
        title=_("When your followers are on TikTok"),
        subtitle=_(
            "Followers active in each hour, from TikTok Studio's follower activity (its last 7 days). "
            "<br>Hours as TikTok wrote them: the file does not say its time zone."
        ),
        hour_title=_("Hour of the day (as in TikTok's file)"),
        value_title=_("Active followers"),
    )


def posting_time_heatmap(grid: pd.DataFrame, *, zone: str) -> go.Figure:
    """When the brand's videos earned the most engagement; `grid` is posting_time_performance().

    `zone` names the time zone the hours are in ("UTC+07:00").
    """
    return weekday_hour_heatmap(
        grid,
        "engagement_rate",
        title=_("When your videos earned the most engagement"),
        subtitle=_(
            "Engagement rate (likes + comments + shares ÷ views) of the videos posted in each hour. "
            "<br>Hours without a video are left out; hover for the number of videos."
        ),
        # Translators: {zone} is a time zone, "UTC+07:00"
        hour_title=_("Hour posted ({zone})").format(zone=zone),
        value_title=_("Engagement rate"),
        percent=True,
        count_column="count_videos",
        hours_with_data_only=True,
        show_values=True,
    )


# ---------------------------------------------------------------- LIVE


def live_trend_chart(
    sessions: pd.DataFrame,
    *,
    title: str | None = None,
    subtitle: str | None = None,
) -> go.Figure:
    """Viewers (bars) and peak concurrent viewers (line) per broadcast over time; `sessions` is live_sessions()."""
    customdata = list(
        zip(
            sessions["title"].map(lambda text: _caption(text, 50, 2)),
            [
                _("{viewers} viewers · {interactions} interactions · {followers} new followers").format(
                    viewers=wording.count(viewers),
                    interactions=wording.count(interactions),
                    followers=wording.count(followers),
                )
                for viewers, interactions, followers in zip(
                    sessions["viewers"],
                    sessions["total_interactions"].fillna(0),
                    sessions["new_followers"].fillna(0),
                    strict=True,
                )
            ],
            strict=True,
        )
    )
    fig = go.Figure()
    fig.add_bar(
        x=sessions["started_at"],
        y=sessions["viewers"],
        name=_("Viewers"),
        marker_color="#99D5CF",
        customdata=customdata,
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
    )
    fig.add_scatter(
        x=sessions["started_at"],
        y=sessions["peak_viewers"],
        name=_("Peak viewers at once"),
        mode="lines+markers",
        line={"color": BRAND, "width": 3},
        customdata=[
            _("{viewers} at the peak").format(viewers=wording.count(peak))
            for peak in sessions["peak_viewers"]
        ],
        hovertemplate="%{customdata}<extra></extra>",
    )
    style(
        fig,
        title=title or _("Viewers of each LIVE"),
        subtitle=subtitle
        or _(
            "Bars: people who watched the broadcast. Line: most viewers watching at the same moment (peak)."
        ),
        height=420,
    )
    fig.update_layout(hovermode="closest", bargap=0.5)
    days = sorted(pd.Timestamp(when).normalize() for when in sessions["started_at"].dropna().unique())
    days = days[:: max(1, math.ceil(len(days) / 12))]  # a dozen labelled days at most, in the reader's words
    fig.update_xaxes(
        title_text=_("Day of the LIVE"), tickvals=days, ticktext=[wording.short_day(when) for when in days]
    )
    fig.update_yaxes(title_text=_("Viewers per LIVE"), **count_ticks(sessions["viewers"].max()))
    return fig
