"""The What-if page's tabs and widgets: each renders part of a `WhatifView`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

import ui
from analytics import charts_whatif, whatif, wording
from analytics.views.whatif import WhatifView

# Tier thresholds are a what-if too, on the Members page; link to it only when that page exists.
HAS_MEMBERS_PAGE = (Path(__file__).parents[1] / "pages" / "members.py").exists()
NOT_KNOWN = "not known"


def rate_columns(level: str) -> dict[str, str]:
    return {
        "label": "Rate",
        "a": "A",
        "b": "B",
        "difference": "A − B",
        "interval": f"{level} interval",
        "sentence": "Verdict",
    }


def per_month(value: float) -> str:
    return ui.format_value(value, "count")


def per_video(value: float) -> str:
    """A format's average video in words: a number, or "not known" when the files do not give it."""
    return NOT_KNOWN if pd.isna(value) else ui.format_value(value, "count")


def not_known(labels: list[str], why: str) -> None:
    """Say which numbers the files do not give, instead of leaving them out silently or showing 0."""
    if labels:
        names = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        st.caption(f"{names[:1].upper() + names[1:]} {'is' if len(labels) == 1 else 'are'} not known: {why}")


def projection_tiles(projection: whatif.Projection, what: str) -> None:
    totals = projection.totals.dropna(subset=["current"])
    for column, row in zip(st.columns(max(len(totals), 1)), totals.itertuples(), strict=False):
        relative = row.change / row.current if row.current else None
        delta = f"{row.change:+,.0f}" + (f" ({relative:+.0%})" if relative is not None else "")
        delta = wording.NO_CHANGE if wording.is_no_change(delta) else delta
        ui.tile(
            column,
            f"{row.label} per month",
            per_month(row.planned),
            delta,
            f"With {what}. Now: {per_month(row.current)} a month. Range (10th–90th percentile): "
            f"{per_month(row.planned_low)} – {per_month(row.planned_high)}. {whatif.PROJECTION_EXPLAINED}",
            border=True,
        )


def planner_tab(view: WhatifView) -> None:
    period, videos, mix = view.period, view.videos, view.mix
    if view.history is None:
        st.info(f"No video was posted {period.describe()}: plan from a longer history.", icon="📅")
    else:
        st.markdown(view.history)
    if view.few_history and st.session_state.get("period_preset") != "All data":
        st.caption(
            "Most formats have fewer than 5 videos in this period: a longer history projects more of them."
        )
        st.button("Plan from all my data", key="whatif_use_all_data", on_click=ui.use_all_data)
    table = pd.DataFrame(
        {
            "Format": mix["format"],
            "Videos in history": mix["count_videos"],
            "Now per week": mix["posts_per_week"].round(1),
            "Planned per week": mix["posts_per_week"].round(1),
            "Views per video": mix["mean_views"].map(per_video),
            "New followers per video": mix["mean_new_followers"].map(per_video),
        }
    )
    if mix["mean_new_followers"].isna().all():  # said once below the tiles, not in a column of "not known"
        table = table.drop(columns="New followers per video")
    edited = st.data_editor(
        table,
        key=f"whatif_mix_{period.start}_{period.end}_{len(videos)}",
        hide_index=True,
        width="stretch",
        disabled=[
            "Format",
            "Videos in history",
            "Now per week",
            "Views per video",
            "New followers per video",
        ],
        # Short labels, so the six columns fit a 1024 px screen; the help says each in full.
        column_config={
            "Videos in history": st.column_config.NumberColumn(
                "Videos", help="Videos of this format posted in the chosen period (your history)."
            ),
            "Now per week": st.column_config.NumberColumn(
                "Now/week", format="%.1f", help="Videos of this format you post a week now."
            ),
            "Planned per week": st.column_config.NumberColumn(
                "Plan/week",
                min_value=0.0,
                max_value=50.0,
                step=0.1,
                format="%.1f",
                help="Posts of this format a week you plan: click to change.",
            ),
            "Views per video": st.column_config.TextColumn(
                "Views/video", help="Views of the average video of this format in your history."
            ),
            "New followers per video": st.column_config.TextColumn(
                "Follows/video",
                help="New followers of the average video of this format in your history; known when your files "
                "give new followers per video (a video detail sheet).",
            ),
        },
    )
    # A row left as shown keeps its exact rhythm, so an untouched plan changes nothing (not +1% from rounding).
    exact = dict(zip(mix["format"], mix["posts_per_week"], strict=True))
    # As the table rounds it: numpy rounds 0.35 to 0.4 where round() gives 0.3.
    shown = dict(zip(mix["format"], table["Planned per week"], strict=True))
    planned = {
        name: exact[name] if value == shown[name] else value
        for name, value in zip(
            edited["Format"], edited["Planned per week"].fillna(0).astype(float), strict=True
        )
    }
    projection = view.project(planned)
    projection_tiles(projection, "your planned mix")
    too_few = projection.by_group[~projection.by_group["is_projected"]]
    if len(too_few):
        st.warning(
            f"Too few videos to project ({whatif.MIN_VIDEOS} needed), so left out of both totals: "
            + ", ".join(
                f"{ui.markdown_escape(row.group)} ({row.count_items})" for row in too_few.itertuples()
            )
            + ".",
            icon="⚠️",
        )
    if not videos.empty and "new_followers" not in set(projection.totals["metric"]):
        st.caption(
            "New followers per video are not known: TikTok Studio's Content export does not give them, so they "
            "are not projected. Upload a video detail sheet with a new-followers column to project them."
        )
    ui.chart(charts_whatif.projection_chart(projection), "whatif_projection_chart")
    with st.expander("How the projection works"):
        st.markdown(whatif.PROJECTION_EXPLAINED)
    ui.download_csv(
        projection.by_group, "Download the plan (CSV)", "communitylens_mix_plan.csv", key="whatif_download"
    )


def compare_tab(view: WhatifView) -> None:
    period, months = view.period, view.months

    def compare_months() -> None:
        """A button callback: compare the videos of this month so far with last month's."""
        st.session_state.whatif_compare_kind = "dates"
        st.session_state.whatif_dates_a = (months[0].start, months[0].end)
        st.session_state.whatif_dates_b = (months[1].start, months[1].end)

    kind = st.radio(
        "Compare",
        list(whatif.GROUP_KINDS),
        format_func=whatif.GROUP_KINDS.get,
        horizontal=True,
        key="whatif_compare_kind",
    )
    st.button(
        "This month vs last month",
        key="whatif_this_vs_last_month",
        icon=":material/calendar_month:",
        on_click=compare_months,
        help=f"Videos posted {months[0].describe()} against {months[1].describe()}, by the data's last day.",
    )
    left, right = st.columns(2)
    choice_a, choice_b, too_few = None, None, None
    if kind in ("format", "hashtag"):
        options = list(view.format_options if kind == "format" else view.hashtag_options)
        if kind == "format" and len(options) == 1:
            too_few = (
                f"Every video posted {period.describe()} is {ui.markdown_escape(options[0])}: there is no second "
                "format to compare with. Compare two date ranges, hashtags or campaigns instead, or fix formats on "
                "the Interaction formats page."
            )
        if kind == "hashtag" and len(options) < 2:
            too_few = (
                f"The videos posted {period.describe()} use "
                + (f"only one hashtag ({ui.markdown_escape(options[0])})" if options else "no hashtag")
                + ": compare two campaigns (a caption word) or two date ranges instead."
            )
        if options:
            choice_a = left.selectbox("Group A", options, key=f"whatif_{kind}_a")
            choice_b = right.selectbox(
                "Group B", options, index=min(1, len(options) - 1), key=f"whatif_{kind}_b"
            )
    elif kind == "dates":
        before = period.previous()
        picked_a = left.date_input(
            "Group A: videos posted", value=(period.start, period.end), key="whatif_dates_a"
        )
        picked_b = right.date_input(
            "Group B: videos posted", value=(before.start, before.end), key="whatif_dates_b"
        )
        if len(picked_a) == 2 and len(picked_b) == 2:
            choice_a, choice_b = tuple(picked_a), tuple(picked_b)
        if (choice_a, choice_b) == tuple((month.start, month.end) for month in months):
            st.caption(
                f"{months[0].name} against the whole of {months[1].name}: rates are ratios over each month's "
                "videos, so months of different lengths compare fairly."
            )
    else:
        choice_a = left.text_input(
            "Group A: captions containing", key="whatif_keyword_a", placeholder="e.g. giveaway"
        )
        choice_b = right.text_input(
            "Group B: captions containing", key="whatif_keyword_b", placeholder="e.g. tet"
        )
    if too_few:
        st.info(too_few, icon="⚖️")
    elif not choice_a or not choice_b:
        st.info("Pick or type both groups to compare them.", icon="⚖️")
    elif choice_a == choice_b:
        st.info("Pick two different groups.", icon="⚖️")
    else:
        comparison(view, kind, choice_a, choice_b)


def comparison(view: WhatifView, kind: str, choice_a: object, choice_b: object) -> None:
    shown = view.compare(kind, choice_a, choice_b)
    st.caption(
        f"A: {ui.markdown_escape(shown.label_a)} ({wording.plural(shown.count_a, 'video')}) · "
        f"B: {ui.markdown_escape(shown.label_b)} ({wording.plural(shown.count_b, 'video')}), from {shown.where}."
    )
    if shown.result is None:
        st.info(f"No video in {ui.markdown_escape(shown.empty_group)} in {shown.where}.", icon="🔎")
        return
    st.info(f"**{ui.markdown_escape(shown.result['verdict'])}**", icon="⚖️")
    st.dataframe(shown.rates.rename(columns=rate_columns(view.level)), hide_index=True, width="stretch")
    ui.chart(
        charts_whatif.comparison_chart(shown.result, label_a=shown.label_a, label_b=shown.label_b),
        "whatif_compare_chart",
    )
    st.caption(
        f"Rates are ratios of sums over each group's videos; the interval is where A − B would land {view.level} "
        "of the time if the same videos were drawn again (bootstrap, 2,000 redraws)."
    )
    known = set(shown.result["rates"]["rate"])
    not_known(
        [label.lower() for rate, (label, *_) in whatif.RATES.items() if rate not in known],
        "your files do not give them for the videos of both groups (they come with a video detail sheet).",
    )


def lives_tab(view: WhatifView) -> None:
    if view.live_history is None:
        st.info(
            "No LIVE data yet. TikTok does not export LIVE sessions: fill in the LIVE template from the Data page "
            "(one row per broadcast) and upload it in the sidebar.",
            icon="🔴",
        )
        return
    history = view.live_history
    if len(history.sessions) < whatif.MIN_VIDEOS:
        st.info(
            f"Only {len(history.sessions)} LIVEs so far: at least {whatif.MIN_VIDEOS} are needed to project.",
            icon="🔴",
        )
        return
    current = history.per_week
    st.markdown(f"**Your history:** {history.source}, about {current:.1f} a week.")
    planned = st.columns([1, 2])[0].number_input(
        "LIVEs a week you plan",
        min_value=0.0,
        max_value=21.0,
        value=float(round(current + 1, 1)),
        step=0.5,
        format="%.1f",
        key="whatif_lives_per_week",
    )
    projection = view.project_lives(planned)
    projection_tiles(projection, f"{planned:.1f} LIVEs a week")
    ui.chart(
        charts_whatif.projection_chart(
            projection,
            title="Per month from LIVEs: now against your plan",
            current_label=f"Now ({current:.1f} a week)",
            planned_label=f"Plan ({planned:.1f} a week)",
            subtitle="Per month = LIVEs per week × 52 ÷ 12 × your average LIVE. <br>Whiskers: 10th–90th "
            "percentile of 2,000 bootstrap redraws of your own LIVEs.",
        ),
        "whatif_lives_chart",
    )
    st.caption(
        "If each extra LIVE does as well as your average one. An estimate from your own history, not a promise."
    )
    projected = set(projection.totals["metric"])
    not_known(
        [
            f"{label.lower()} per LIVE"
            for metric, label in whatif.LIVE_METRICS.items()
            if metric not in projected
        ],
        "your LIVE sheet leaves them empty, so they are not projected.",
    )


def members_link() -> None:
    if HAS_MEMBERS_PAGE:
        try:
            st.page_link(
                "pages/members.py",
                label="What if the tier thresholds were different? Try it on the Members page",
                icon=":material/groups:",
            )
            return
        except st.errors.StreamlitAPIException:  # the page exists but is not in the navigation yet
            pass
    st.caption("Tier thresholds are a what-if too: change them on the Members page.")
