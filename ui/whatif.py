"""The What-if page's tabs and widgets: each renders part of a `WhatifView`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from babel.lists import format_list

import ui
from analytics import charts_whatif, i18n, stats, whatif, wording
from analytics.i18n import _, ngettext, term
from analytics.settings import SETTINGS
from analytics.views.whatif import WhatifView

# Tier thresholds are a what-if too, on the Members page; link to it only when that page exists.
HAS_MEMBERS_PAGE = (Path(__file__).parents[1] / "pages" / "members.py").exists()
# The plan table's column keys; the editor shows short translated labels (its column_config) instead.
FORMAT, HISTORY = "Format", "Videos in history"  # i18n: column keys
NOW, PLANNED = "Now per week", "Planned per week"  # i18n: column keys
VIEWS, FOLLOWS = "Views per video", "New followers per video"  # i18n: column keys


def rate_columns(level: str) -> dict[str, str]:
    return {
        "label": _("Rate"),
        "a": "A",
        "b": "B",
        "difference": "A − B",
        # Translators: {level} is a confidence level such as 95%.
        "interval": _("{level} interval").format(level=level),
        "sentence": _("Verdict"),
    }


def lower_first(text: str) -> str:
    """A label in the middle of a sentence: "completion rate" (LIVE and TikTok keep their capitals)."""
    return text[:1].lower() + text[1:]


def per_month(value: float) -> str:
    return ui.format_value(value, "count")


def per_video(value: float) -> str:
    """A format's average video in words: a number, or "not known" when the files do not give it."""
    return _("not known") if pd.isna(value) else ui.format_value(value, "count")


def not_known(labels: list[str], why: str) -> None:
    """Say which numbers the files do not give, instead of leaving them out silently or showing 0."""
    if labels:
        names = format_list(labels, locale=i18n.language())
        # Translators: {names} lists numbers ("shares per 1,000 views and completion rate"); {why} is a sentence.
        said = ngettext("{names} is not known: {why}", "{names} are not known: {why}", len(labels))
        st.caption(stats.sentence(said.format(names=names, why=why)))


def projection_tiles(projection: whatif.Projection, what: str) -> None:
    """One tile per metric; `what` is the plan in the middle of a sentence ("your planned mix")."""
    totals = projection.totals.dropna(subset=["current"])
    for column, row in zip(st.columns(max(len(totals), 1)), totals.itertuples(), strict=False):
        relative = row.change / row.current if row.current else None
        delta = wording.signed_count(row.change)
        if relative is not None:
            delta = f"{delta} ({wording.percent(relative, signed=True)})"  # i18n: numbers only
        delta = _(wording.NO_CHANGE) if wording.is_no_change(delta) else delta
        # Translators: {plan} is "your planned mix" or "2.0 LIVEs a week"; the numbers are per month.
        help_text = _(
            "With {plan}. Now: {now} a month. Range (10th–90th percentile): {low} – {high}. {explained}"
        ).format(
            plan=what,
            now=per_month(row.current),
            low=per_month(row.planned_low),
            high=per_month(row.planned_high),
            explained=whatif.projection_explained(),
        )
        ui.tile(
            column, _(whatif.PER_MONTH[row.metric]), per_month(row.planned), delta, help_text, border=True
        )


def planner_tab(view: WhatifView) -> None:
    period, videos, mix = view.period, view.videos, view.mix
    if view.history is None:
        # Translators: {period} is a period with its dates ("October 2026 (1 Oct – 31 Oct 2026, 31 days)").
        st.info(
            _("No video was posted {period}: plan from a longer history.").format(period=period.describe()),
            icon="📅",
        )
    else:
        st.markdown(view.history)
    if view.few_history and st.session_state.get("period_preset") != "All data":
        st.caption(
            _(
                "Most formats have fewer than {count} videos in this period: a longer history projects more of them."
            ).format(count=wording.count(whatif.MIN_VIDEOS))
        )
        st.button(_("Plan from all my data"), key="whatif_use_all_data", on_click=ui.use_all_data)
    table = pd.DataFrame(
        {
            FORMAT: mix["format"].map(lambda code: term("format", code)),
            HISTORY: mix["count_videos"],
            NOW: mix["posts_per_week"].round(1),
            PLANNED: mix["posts_per_week"].round(1),
            VIEWS: mix["mean_views"].map(per_video),
            FOLLOWS: mix["mean_new_followers"].map(per_video),
        }
    )
    if mix["mean_new_followers"].isna().all():  # said once below the tiles, not in a column of "not known"
        table = table.drop(columns=FOLLOWS)
    edited = st.data_editor(
        table,
        key=f"whatif_mix_{period.start}_{period.end}_{len(videos)}",
        hide_index=True,
        width="stretch",
        disabled=[
            FORMAT,
            HISTORY,
            NOW,
            VIEWS,
            FOLLOWS,
        ],
        # Short labels, so the six columns fit a 1024 px screen; the help says each in full.
        column_config={
            FORMAT: st.column_config.TextColumn(_(FORMAT)),
            HISTORY: st.column_config.NumberColumn(
                _("Videos"), help=_("Videos of this format posted in the chosen period (your history).")
            ),
            NOW: st.column_config.NumberColumn(
                _("Now/week"), format="%.1f", help=_("Videos of this format you post a week now.")
            ),
            PLANNED: st.column_config.NumberColumn(
                _("Plan/week"),
                min_value=0.0,
                max_value=50.0,
                step=0.1,
                format="%.1f",
                help=_("Posts of this format a week you plan: click to change."),
            ),
            VIEWS: st.column_config.TextColumn(
                _("Views/video"), help=_("Views of the average video of this format in your history.")
            ),
            FOLLOWS: st.column_config.TextColumn(
                _("Follows/video"),
                help=_(
                    "New followers of the average video of this format in your history; known when your files "
                    "give new followers per video (a video detail sheet)."
                ),
            ),
        },
    )
    # A row left as shown keeps its exact rhythm, so an untouched plan changes nothing (not +1% from rounding).
    exact = dict(zip(mix["format"], mix["posts_per_week"], strict=True))
    # As the table rounds it: numpy rounds 0.35 to 0.4 where round() gives 0.3.
    shown = dict(zip(mix["format"], table[PLANNED], strict=True))
    planned = {
        name: exact[name] if value == shown[name] else value
        for name, value in zip(
            mix["format"], edited[PLANNED].fillna(0).astype(float), strict=True
        )  # the editor's rows are the mix's, in its order: the codes, not the names shown
    }
    projection = view.project(planned)
    projection_tiles(projection, _("your planned mix"))
    too_few = projection.by_group[~projection.by_group["is_projected"]]
    if len(too_few):
        groups = format_list(
            [
                f"{ui.markdown_escape(term('format', row.group))} ({wording.count(row.count_items)})"
                for row in too_few.itertuples()
            ],
            locale=i18n.language(),
        )
        # Translators: {groups} lists formats with their videos: "Collab (3) and Duet / Stitch / UGC (1)".
        st.warning(
            _("Too few videos to project ({needed} needed), so left out of both totals: {groups}.").format(
                needed=wording.count(whatif.MIN_VIDEOS), groups=groups
            ),
            icon="⚠️",
        )
    if not videos.empty and "new_followers" not in set(projection.totals["metric"]):
        st.caption(
            _(
                "New followers per video are not known: TikTok Studio's Content export does not give them, so "
                "they are not projected. Upload a video detail sheet with a new-followers column to project them."
            )
        )
    ui.chart(charts_whatif.projection_chart(projection), "whatif_projection_chart")
    with st.expander(_("How the projection works")):
        st.markdown(whatif.projection_explained())
    ui.download_csv(
        projection.by_group,
        _("Download the plan (CSV)"),
        "communitylens_mix_plan.csv",  # i18n: a file name
        key="whatif_download",
    )


def compare_tab(view: WhatifView) -> None:
    period, months = view.period, view.months

    def compare_months() -> None:
        """A button callback: compare the videos of this month so far with last month's."""
        st.session_state.whatif_compare_kind = "dates"
        st.session_state.whatif_dates_a = (months[0].start, months[0].end)
        st.session_state.whatif_dates_b = (months[1].start, months[1].end)

    kind = st.radio(
        _("Compare"),
        list(whatif.GROUP_KINDS),
        # Names looked up, not translated in the callback: it can run outside this run's language.
        format_func={kind: _(name) for kind, name in whatif.GROUP_KINDS.items()}.__getitem__,
        horizontal=True,
        key="whatif_compare_kind",
    )
    st.button(
        _("This month vs last month"),
        key="whatif_this_vs_last_month",
        icon=":material/calendar_month:",
        on_click=compare_months,
        help=_("Videos posted {this_month} against {last_month}, by the data's last day.").format(
            this_month=months[0].describe(), last_month=months[1].describe()
        ),
    )
    left, right = st.columns(2)
    choice_a, choice_b, too_few = None, None, None
    if kind in ("format", "hashtag"):
        options = list(view.format_options if kind == "format" else view.hashtag_options)
        if kind == "format" and len(options) == 1:
            # Translators: {period} is a period with its dates; {format} a format name.
            too_few = _(
                "Every video posted {period} is {format}: there is no second format to compare with. Compare "
                "two date ranges, hashtags or campaigns instead, or fix formats on the Interaction formats page."
            ).format(period=period.describe(), format=ui.markdown_escape(term("format", options[0])))
        if kind == "hashtag" and len(options) == 1:
            too_few = _(
                "The videos posted {period} use only one hashtag ({hashtag}): compare two campaigns (a caption "
                "word) or two date ranges instead."
            ).format(period=period.describe(), hashtag=ui.markdown_escape(options[0]))
        if kind == "hashtag" and not options:
            too_few = _(
                "The videos posted {period} use no hashtag: compare two campaigns (a caption word) or two date "
                "ranges instead."
            ).format(period=period.describe())
        if options:
            shown = {
                option: term("format", option) if kind == "format" else option for option in options
            }.__getitem__
            choice_a = left.selectbox(_("Group A"), options, format_func=shown, key=f"whatif_{kind}_a")
            choice_b = right.selectbox(
                _("Group B"),
                options,
                format_func=shown,
                index=min(1, len(options) - 1),
                key=f"whatif_{kind}_b",
            )
    elif kind == "dates":
        before = period.previous()
        picked_a = left.date_input(
            _("Group A: videos posted"),
            value=(period.start, period.end),
            format=wording.DATE_INPUT_FORMAT,
            key="whatif_dates_a",
        )
        picked_b = right.date_input(
            _("Group B: videos posted"),
            value=(before.start, before.end),
            format=wording.DATE_INPUT_FORMAT,
            key="whatif_dates_b",
        )
        if len(picked_a) == 2 and len(picked_b) == 2:
            choice_a, choice_b = tuple(picked_a), tuple(picked_b)
        if (choice_a, choice_b) == tuple((month.start, month.end) for month in months):
            # Translators: {this_month} is "November 2026 so far", {last_month} "October 2026".
            st.caption(
                _(
                    "{this_month} against the whole of {last_month}: rates are ratios over each month's videos, "
                    "so months of different lengths compare fairly."
                ).format(this_month=months[0].name, last_month=months[1].name)
            )
    else:
        choice_a = left.text_input(
            _("Group A: captions containing"), key="whatif_keyword_a", placeholder=_("e.g. giveaway")
        )
        choice_b = right.text_input(
            _("Group B: captions containing"), key="whatif_keyword_b", placeholder=_("e.g. tet")
        )
    if too_few:
        st.info(too_few, icon="⚖️")
    elif not choice_a or not choice_b:
        st.info(_("Pick or type both groups to compare them."), icon="⚖️")
    elif choice_a == choice_b:
        st.info(_("Pick two different groups."), icon="⚖️")
    else:
        comparison(view, kind, choice_a, choice_b)


def comparison(view: WhatifView, kind: str, choice_a: object, choice_b: object) -> None:
    shown = view.compare(kind, choice_a, choice_b)
    videos_a = ngettext("{count} video", "{count} videos", shown.count_a).format(
        count=wording.count(shown.count_a)
    )
    videos_b = ngettext("{count} video", "{count} videos", shown.count_b).format(
        count=wording.count(shown.count_b)
    )
    # Translators: {group_a} and {group_b} are groups of videos with their counts; {where} "all your data".
    st.caption(
        _("A: {group_a} ({videos_a}) · B: {group_b} ({videos_b}), from {where}.").format(
            group_a=ui.markdown_escape(shown.label_a),
            videos_a=videos_a,
            group_b=ui.markdown_escape(shown.label_b),
            videos_b=videos_b,
            where=shown.where,
        )
    )
    if shown.result is None:
        st.info(
            _("No video in {group} in {where}.").format(
                group=ui.markdown_escape(shown.empty_group), where=shown.where
            ),
            icon="🔎",
        )
        return
    st.info(f"**{ui.markdown_escape(shown.result['verdict'])}**", icon="⚖️")
    st.dataframe(shown.rates.rename(columns=rate_columns(view.level)), hide_index=True, width="stretch")
    ui.chart(
        charts_whatif.comparison_chart(shown.result, label_a=shown.label_a, label_b=shown.label_b),
        "whatif_compare_chart",
    )
    st.caption(
        _(
            "Rates are ratios of sums over each group's videos; the interval is where A − B would land {level} "
            "of the time if the same videos were drawn again (bootstrap, {draws} redraws)."
        ).format(level=view.level, draws=wording.count(SETTINGS.n_boot))
    )
    known = set(shown.result["rates"]["rate"])
    not_known(
        [lower_first(_(label)) for rate, (label, *rest) in whatif.RATES.items() if rate not in known],
        _("your files do not give them for the videos of both groups (they come with a video detail sheet)."),
    )


def lives_tab(view: WhatifView) -> None:
    if view.live_history is None:
        st.info(
            _(
                "No LIVE data yet. TikTok does not export LIVE sessions: fill in the LIVE template from the Data "
                "page (one row per broadcast) and upload it in the sidebar."
            ),
            icon="🔴",
        )
        return
    history = view.live_history
    if len(history.sessions) < whatif.MIN_VIDEOS:
        count = len(history.sessions)
        st.info(
            ngettext(
                "Only {count} LIVE so far: at least {needed} are needed to project.",
                "Only {count} LIVEs so far: at least {needed} are needed to project.",
                count,
            ).format(count=wording.count(count), needed=wording.count(whatif.MIN_VIDEOS)),
            icon="🔴",
        )
        return
    current = history.per_week
    now = wording.value(current, "decimal")
    # Translators: {source} is "the 6 LIVEs of October 2026 (…)"; {per_week} a number such as 1.5.
    st.markdown(
        _("**Your history:** {source}, about {per_week} a week.").format(source=history.source, per_week=now)
    )
    planned = st.columns([1, 2])[0].number_input(
        _("LIVEs a week you plan"),
        min_value=0.0,
        max_value=21.0,
        value=float(round(current + 1, 1)),
        step=0.5,
        format="%.1f",
        key="whatif_lives_per_week",
    )
    projection = view.project_lives(planned)
    plan = wording.value(planned, "decimal")
    projection_tiles(projection, _("{per_week} LIVEs a week").format(per_week=plan))
    ui.chart(
        charts_whatif.projection_chart(
            projection,
            title=_("Per month from LIVEs: now against your plan"),
            current_label=_("Now ({per_week} a week)").format(per_week=now),
            planned_label=_("Plan ({per_week} a week)").format(per_week=plan),
            subtitle=_(
                "Per month = LIVEs per week × 52 ÷ 12 × your average LIVE. <br>Whiskers: 10th–90th percentile of "
                "{draws} bootstrap redraws of your own LIVEs."
            ).format(draws=wording.count(SETTINGS.n_boot)),
        ),
        "whatif_lives_chart",
    )
    st.caption(
        _(
            "If each extra LIVE does as well as your average one. An estimate from your own history, not a promise."
        )
    )
    projected = set(projection.totals["metric"])
    not_known(
        [_(whatif.PER_LIVE[metric]) for metric in whatif.LIVE_METRICS if metric not in projected],
        _("your LIVE sheet leaves them empty, so they are not projected."),
    )


def members_link() -> None:
    if HAS_MEMBERS_PAGE:
        try:
            st.page_link(
                "pages/members.py",
                label=_("What if the tier thresholds were different? Try it on the Members page"),
                icon=":material/groups:",
            )
            return
        except st.errors.StreamlitAPIException:  # the page exists but is not in the navigation yet
            pass
    st.caption(_("Tier thresholds are a what-if too: change them on the Members page."))
