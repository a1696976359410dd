"""What-if: plan next month's mix of formats and LIVEs, and check whether one group of videos really beats another."""

from pathlib import Path

import pandas as pd
import streamlit as st

import ui
from analytics import charts_whatif, lives, whatif, wording
from analytics.formats import hashtag_performance, video_formats
from analytics.overview import Period, default_period

# Tier thresholds are a what-if too, on the Members page; link to it only when that page exists.
HAS_MEMBERS_PAGE = (Path(__file__).parent / "members.py").exists()
NOT_KNOWN = "not known"
RATE_COLUMNS = {
    "label": "Rate",
    "a": "A",
    "b": "B",
    "difference": "A − B",
    "interval": "95% interval",
    "sentence": "Verdict",
}

st.title("What-if")
st.caption(
    "“What if we did more LIVEs?” Plan next month's mix of formats and LIVEs with numbers from your own "
    "history, and check whether one group of videos really beats another or it could be luck."
)

ws = ui.workspace()
period = ui.current_period()
if not ws.has("videos") or period is None:
    ui.no_data("No videos yet. Upload your TikTok Studio Content export (one row per video) to plan a mix.")
    st.stop()


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


rules, overrides = ui.format_choices()
videos = video_formats(ws.con, rules=rules, overrides=overrides, start=period.start, end=period.end)
planner, compare, live_tab = st.tabs(["Content-mix planner", "Compare two groups", "More LIVEs?"])

with planner:
    mix = whatif.posting_mix(videos, days=period.days)
    if videos.empty:
        st.info(f"No video was posted {period.describe()}: plan from a longer history.", icon="📅")
    else:
        st.markdown(
            f"**Your history:** {wording.plural(len(videos), 'video')} posted {period.describe()}, "
            f"about {len(videos) / (period.days / 7):.1f} a week. Set how many of each format you plan to post "
            "a week."
        )
    if (videos.empty or mix["is_small_sample"].sum() > len(mix) / 2) and st.session_state.get(
        "period_preset"
    ) != "All data":
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
    planned = {
        name: exact[name] if value == round(exact[name], 1) else value
        for name, value in zip(
            edited["Format"], edited["Planned per week"].fillna(0).astype(float), strict=True
        )
    }
    projection = whatif.project_mix(videos, planned, days=period.days)
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


def compare_months() -> None:
    """A button callback: compare the videos of this month so far with last month's."""
    this_month, last_month = whatif.this_month_vs_last_month(default_period(ws.con).end)
    st.session_state.whatif_compare_kind = "dates"
    st.session_state.whatif_dates_a = (this_month.start, this_month.end)
    st.session_state.whatif_dates_b = (last_month.start, last_month.end)


with compare:
    kind = st.radio(
        "Compare",
        list(whatif.GROUP_KINDS),
        format_func=whatif.GROUP_KINDS.get,
        horizontal=True,
        key="whatif_compare_kind",
    )
    months = whatif.this_month_vs_last_month(default_period(ws.con).end)
    st.button(
        "This month vs last month",
        key="whatif_this_vs_last_month",
        icon=":material/calendar_month:",
        on_click=compare_months,
        help=f"Videos posted {months[0].describe()} against {months[1].describe()}, by the data's last day.",
    )
    left, right = st.columns(2)
    pool, choice_a, choice_b, too_few = videos, None, None, None
    if kind == "format":
        options = list(videos["format"].value_counts().index)
        if len(options) == 1:
            too_few = (
                f"Every video posted {period.describe()} is {ui.markdown_escape(options[0])}: there is no second "
                "format to compare with. Compare two date ranges, hashtags or campaigns instead, or fix formats on "
                "the Interaction formats page."
            )
        if options:
            choice_a = left.selectbox("Group A", options, key="whatif_format_a")
            choice_b = right.selectbox(
                "Group B", options, index=min(1, len(options) - 1), key="whatif_format_b"
            )
    elif kind == "dates":
        pool = video_formats(ws.con, rules=rules, overrides=overrides)
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
    elif kind == "hashtag":
        tags = hashtag_performance(ws.con, start=period.start, end=period.end)
        options = list(tags.sort_values("count_videos", ascending=False)["hashtag"])
        if len(options) < 2:
            too_few = (
                f"The videos posted {period.describe()} use "
                + (f"only one hashtag ({ui.markdown_escape(options[0])})" if options else "no hashtag")
                + ": compare two campaigns (a caption word) or two date ranges instead."
            )
        if options:
            choice_a = left.selectbox("Group A", options, key="whatif_hashtag_a")
            choice_b = right.selectbox(
                "Group B", options, index=min(1, len(options) - 1), key="whatif_hashtag_b"
            )
    else:
        choice_a = left.text_input(
            "Group A: captions containing", key="whatif_keyword_a", placeholder="e.g. giveaway"
        )
        choice_b = right.text_input(
            "Group B: captions containing", key="whatif_keyword_b", placeholder="e.g. tet"
        )
    where = "all your data" if kind == "dates" else f"videos posted {period.describe()}"
    if too_few:
        st.info(too_few, icon="⚖️")
    elif not choice_a or not choice_b:
        st.info("Pick or type both groups to compare them.", icon="⚖️")
    elif choice_a == choice_b:
        st.info("Pick two different groups.", icon="⚖️")
    else:
        group_a, group_b = (
            whatif.videos_in_group(pool, kind, choice_a),
            whatif.videos_in_group(pool, kind, choice_b),
        )
        label_a, label_b = whatif.group_label(kind, choice_a), whatif.group_label(kind, choice_b)
        st.caption(
            f"A: {ui.markdown_escape(label_a)} ({wording.plural(len(group_a), 'video')}) · B: {ui.markdown_escape(label_b)} ({wording.plural(len(group_b), 'video')}), "
            f"from {where}."
        )
        if group_a.empty or group_b.empty:
            st.info(
                f"No video in {ui.markdown_escape(label_a if group_a.empty else label_b)} in {where}.",
                icon="🔎",
            )
        else:
            result = whatif.compare_groups(group_a, group_b, label_a=label_a, label_b=label_b)
            st.info(f"**{ui.markdown_escape(result['verdict'])}**", icon="⚖️")
            rates = result["rates"]
            shown = pd.DataFrame(
                {
                    "label": rates["label"],
                    "a": [
                        whatif.describe_rate(v, u)
                        for v, u in zip(rates["value_a"], rates["unit"], strict=True)
                    ],
                    "b": [
                        whatif.describe_rate(v, u)
                        for v, u in zip(rates["value_b"], rates["unit"], strict=True)
                    ],
                    "difference": [
                        whatif.describe_rate(v, u, signed=True)
                        for v, u in zip(rates["difference"], rates["unit"], strict=True)
                    ],
                    "interval": [
                        whatif.describe_interval(low, high, u)
                        for low, high, u in zip(
                            rates["difference_low"], rates["difference_high"], rates["unit"], strict=True
                        )
                    ],
                    "sentence": rates["sentence"],
                }
            ).rename(columns=RATE_COLUMNS)
            st.dataframe(shown, hide_index=True, width="stretch")
            ui.chart(
                charts_whatif.comparison_chart(result, label_a=label_a, label_b=label_b),
                "whatif_compare_chart",
            )
            st.caption(
                "Rates are ratios of sums over each group's videos; the interval is where A − B would land 95% of "
                "the time if the same videos were drawn again (bootstrap, 2,000 redraws)."
            )
            not_known(
                [
                    label.lower()
                    for rate, (label, *_) in whatif.RATES.items()
                    if rate not in set(rates["rate"])
                ],
                "your files do not give them for the videos of both groups (they come with a video detail sheet).",
            )

with live_tab:
    if not ws.has("lives"):
        st.info(
            "No LIVE data yet. TikTok does not export LIVE sessions: fill in the LIVE template from the Data page "
            "(one row per broadcast) and upload it in the sidebar.",
            icon="🔴",
        )
    else:
        history = lives.live_sessions(ws.con, start=period.start, end=period.end)
        days, source = period.days, f"the {len(history)} LIVEs of {period.describe()}"
        if len(history) < whatif.MIN_VIDEOS:
            history = lives.live_sessions(ws.con, end=period.end)
            if len(history):
                first = history["started_at"].min().date()
                days = max((period.end - first).days + 1, 7)
                source = f"all {len(history)} LIVEs from {Period(first, period.end).describe()} (the period has too few)"
        if len(history) < whatif.MIN_VIDEOS:
            st.info(
                f"Only {len(history)} LIVEs so far: at least {whatif.MIN_VIDEOS} are needed to project.",
                icon="🔴",
            )
        else:
            current = len(history) / (days / 7)
            st.markdown(f"**Your history:** {source}, about {current:.1f} a week.")
            planned_lives = st.columns([1, 2])[0].number_input(
                "LIVEs a week you plan",
                min_value=0.0,
                max_value=21.0,
                value=float(round(current + 1, 1)),
                step=0.5,
                format="%.1f",
                key="whatif_lives_per_week",
            )
            live_projection = whatif.project_lives(history, planned_lives, days=days)
            projection_tiles(live_projection, f"{planned_lives:.1f} LIVEs a week")
            ui.chart(
                charts_whatif.projection_chart(
                    live_projection,
                    title="Per month from LIVEs: now against your plan",
                    current_label=f"Now ({current:.1f} a week)",
                    planned_label=f"Plan ({planned_lives:.1f} a week)",
                    subtitle="Per month = LIVEs per week × 52 ÷ 12 × your average LIVE. <br>Whiskers: 10th–90th "
                    "percentile of 2,000 bootstrap redraws of your own LIVEs.",
                ),
                "whatif_lives_chart",
            )
            st.caption(
                "If each extra LIVE does as well as your average one. An estimate from your own history, not a promise."
            )
            projected = set(live_projection.totals["metric"])
            not_known(
                [
                    f"{label.lower()} per LIVE"
                    for metric, label in whatif.LIVE_METRICS.items()
                    if metric not in projected
                ],
                "your LIVE sheet leaves them empty, so they are not projected.",
            )

st.divider()
if HAS_MEMBERS_PAGE:
    try:
        st.page_link(
            "pages/members.py",
            label="What if the tier thresholds were different? Try it on the Members page",
            icon=":material/groups:",
        )
    except st.errors.StreamlitAPIException:  # the page exists but is not in the navigation yet
        st.caption("Tier thresholds are a what-if too: change them on the Members page.")
else:
    st.caption("Tier thresholds are a what-if too: change them on the Members page.")
st.caption(
    "Every chart can be downloaded as a PNG: hover it and click the camera icon at its top right (twice screen "
    "resolution)."
)
