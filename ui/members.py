"""The Members page's widgets and tab renderers: they draw `analytics.views.members`' views."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date

import pandas as pd
import streamlit as st

import ui
from analytics import charts_members as charts
from analytics import outreach, preferences, wording
from analytics.definitions import DEFINITIONS
from analytics.i18n import _, ngettext, term
from analytics.members import ABSENT, TIER_ORDER, TierRules, brand_candidates, member_labels
from analytics.sentiment import LABELS, METHOD_DESCRIPTION
from analytics.views import members as model
from analytics.views.members import DEFAULT_RULES, RULE_INPUTS, MembersView, TabWork, no_replies_help
from analytics.workspace import Workspace


def column_config() -> dict[str, object]:
    """The members tables' column settings, keyed by the headers of this run's language."""
    label = model.column_labels()
    return {
        label["member"]: st.column_config.TextColumn(width="medium"),
        label["positive_response_rate"]: st.column_config.ProgressColumn(
            format="%.0f%%", min_value=0, max_value=100, help=_("Share of their comments labelled positive.")
        ),
        label["ambassador_score"]: st.column_config.ProgressColumn(
            format="%d",
            min_value=0,
            max_value=100,
            help=_(
                "Activity, share of positive comments and likes per comment together: the mean of their "
                "percentile ranks among Champions (100 = best on all three)."
            ),
        ),
        label["first_seen_at"]: ui.timestamp_date_column(),
        label["last_seen_at"]: ui.timestamp_date_column(),
        label["likes_per_comment"]: st.column_config.NumberColumn(format="%.1f"),
        label["reason"]: st.column_config.TextColumn(width="large"),
        label["last_comment_text"]: st.column_config.TextColumn(width="large"),
        _("Contacted"): st.column_config.CheckboxColumn(
            width=100,
            help=_(
                "Tick when you reach out to this member (a reply, a message, a gift): the day is remembered, "
                "and the list then says whether they came back."
            ),
        ),
        label["profile_link"]: st.column_config.LinkColumn(
            display_text=_("Open profile"),
            width=110,
            help=_("Their TikTok profile (only when the export gives a handle)."),
        ),
        label["video_link"]: st.column_config.LinkColumn(
            display_text=_("Open video"),
            width=105,
            help=_("The video of their last comment: answer them there."),
        ),
        label["contact_status"]: st.column_config.TextColumn(
            width=320,
            help=_(
                "When you marked them contacted, and whether they commented again on a later day (a comment on "
                "the contact day itself does not count). “Too soon to tell”: no comment in your files is newer "
                "than the contact day yet; upload a newer comments export."
            ),
        ),
    }


ALL_TIERS = "all"  # i18n: the tier filter's code for "All tiers"
NONE_OF_THESE = "(none of these)"  # i18n: a radio option code (no handle has brackets)


# ---------------------------------------------------------------- the brand's own account


def brand_question(ws: Workspace) -> None:
    """Who the brand's own account is among the commenters: said when found, asked when the rule cannot choose."""
    choices = brand_candidates(ws.con)
    brand_now = ws.brand_accounts()
    said_is, said_not = ws.brand_answer
    answered = bool(set(choices["member_id"]) & (said_is | said_not))
    # Translators: "@linh_04 · 12 comments on 9 videos".
    said = _("{member} · {comments} on {videos}")
    labels = {
        member_id: said.format(
            member=label,
            comments=ngettext("{count} comment", "{count} comments", comments).format(
                count=wording.count(comments)
            ),
            videos=ngettext("{count} video", "{count} videos", videos).format(count=wording.count(videos)),
        )
        for member_id, label, comments, videos in zip(
            choices["member_id"],
            member_labels(choices),
            choices["count_comments"],
            choices["count_videos"],
            strict=True,
        )
    }

    def save() -> None:
        """Remember who the brand is among the accounts shown: the one picked, and not the others."""
        picked = st.session_state.members_brand_pick
        shown_ids = set(choices["member_id"])
        accounts = (said_is - shown_ids) | ({picked} if picked != NONE_OF_THESE else set())
        not_accounts = ((said_not - shown_ids) | shown_ids) - accounts
        preferences.save_brand_answer(accounts, not_accounts, memory=ui.memory())
        ws.set_brand_answer(accounts, not_accounts)

    if len(brand_now):
        st.caption(
            _(
                "Your own account, left out of the members (its comments count as your replies): {accounts}."
            ).format(
                accounts="; ".join(
                    f"**{ui.markdown_escape(label)}** ({ui.markdown_escape(reason)})"
                    for label, reason in zip(member_labels(brand_now), brand_now["reason"], strict=True)
                )
            )
        )
    # Asked out loud only when an account could be the brand's (on nearly every video, more than one
    # video) but the rule cannot choose, e.g. a superfan who never misses a video beside the brand.
    ask = not len(brand_now) and not answered and bool(choices["could_be_brand"].any())
    if ask:
        st.warning(
            _(
                "Which commenter is your own account? More than one account commented on nearly every video: "
                "answer below, once, so your replies are not counted as a member."
            ),
            icon="🙋",
        )
    elif not len(brand_now):
        handles = ", ".join("@" + ui.markdown_escape(handle) for handle in ws.detected_brand_handles()[:3])
        st.caption(
            _(
                "None of these comments is from your own account ({handles}: the video links' accounts). "
                "If one is, say so under “Which of these commenters is you?”."
            ).format(handles=handles)
            if handles
            else _(
                "None of these comments is from your own account. If one is, say so under “Which of these "
                "commenters is you?”."
            )
        )
    with st.expander(_("Which of these commenters is you?"), expanded=ask, icon="🙋"):
        options = [*labels, NONE_OF_THESE]
        current = next((member_id for member_id in labels if member_id in set(brand_now["member_id"])), None)
        st.radio(
            _("The accounts that commented on the most videos"),
            options,
            index=options.index(current) if current else len(options) - 1,
            format_func=lambda option: (
                ui.markdown_escape(labels[option]) if option in labels else _("None of these is my account")
            ),
            key="members_brand_pick",
        )
        st.button(_("Save my answer"), key="members_brand_save", on_click=save)
        st.caption(
            # Translators: {where} says where choices are kept ("on this computer").
            _(
                "Remembered {where}. Found automatically when a commenter's handle or name is the account in the "
                "video links, or one account commented on nearly every video (90% or more) with at least twice the "
                "comments of any other."
            ).format(where=ui.remembered_where())
        )


# ---------------------------------------------------------------- controls


def as_of_and_names(
    ws: Workspace, first_day: date, newest_day: date, default_day: date, period_words: str
) -> tuple[date, bool]:
    """The as-of day of the tiers and whether names are hidden (pseudonyms).

    The day starts at `default_day` (`tiers_as_of`: the newest comment, or an earlier period's last day,
    as in the deck) and
    follows it when the period changes; each client starts again from it and, for your own data, with
    names hidden: the demo's choices (its day, its names shown) do not carry over to the client opened
    after it."""
    if st.session_state.get("members_choices_for") is not ws:
        st.session_state.members_choices_for = ws
        for key in ("members_as_of", "members_pseudonymize"):
            st.session_state.pop(key, None)
    if st.session_state.get("members_as_of_default") != default_day:
        st.session_state.members_as_of_default = default_day
        st.session_state.pop("members_as_of", None)  # a new period: its own default day
    if not first_day <= st.session_state.get("members_as_of", default_day) <= newest_day:
        st.session_state.pop("members_as_of")  # new data: back to the default
    # Set here, not as the widgets' defaults: Streamlit drops an input's value on another page.
    st.session_state.setdefault("members_as_of", default_day)
    st.session_state.setdefault("members_pseudonymize", not ui.is_demo())
    left, middle, right = st.columns([1, 1.3, 1.7])
    as_of = left.date_input(
        _("Tiers as of"),
        min_value=first_day,
        max_value=newest_day,
        key="members_as_of",
        format=wording.DATE_INPUT_FORMAT,
        help=_(
            "Tiers count every comment up to this day (default: the newest comment, or the last day of an "
            "earlier sidebar period, as in the report). Pick another day to see who was a Champion then."
        ),
    )
    hide_handles = middle.toggle(
        _("Hide names"),
        key="members_pseudonymize",
        help=_(
            "For sharing a screen, a screenshot or a file with a client: every name and handle becomes a stable "
            "pseudonym (member-3f9a…), in the tables and the downloads, and comment texts are left out of the "
            "members file. Switch off to see who to contact. On by default for your own data; off for the "
            "fictional demo brand."
        ),
    )
    right.caption(
        _(
            "Tiers use every comment up to the as-of day, from the very first: loyalty needs the whole history. "
            "Replies, sentiment and the complaint queue follow the sidebar period ({period})."
        ).format(period=period_words)
        if period_words
        else _(
            "Tiers use every comment up to the as-of day, from the very first: loyalty needs the whole history. "
            "Replies, sentiment and the complaint queue follow the sidebar period."
        )
    )
    return as_of, hide_handles


def _saved_rules(ws: Workspace) -> TierRules:
    """The thresholds remembered for this client (metrics.md's defaults when none); the inputs start from them."""
    held = st.session_state.get("members_saved_rules")
    if held is None or held[0] is not ws:
        held = (ws, ui.tier_rules())
        st.session_state.members_saved_rules = held
        for name in RULE_INPUTS:
            st.session_state.pop(f"members_rule_{name}", None)
    for name, value in asdict(held[1]).items():  # Streamlit drops an input's value on another page
        st.session_state.setdefault(f"members_rule_{name}", value)
    return held[1]


def _remember_rules(ws: Workspace, back_to_defaults: bool) -> None:
    """Keep the thresholds typed (read when clicked: a value typed just before counts) as this client's
    tier rules, or go back to metrics.md's defaults."""
    try:
        rules = (
            DEFAULT_RULES
            if back_to_defaults
            else TierRules(**{name: int(st.session_state[f"members_rule_{name}"]) for name in RULE_INPUTS})
        )
    except ValueError:
        return  # the page already says what is wrong with them
    preferences.save_tier_rules(None if rules == DEFAULT_RULES else rules, memory=ui.memory())
    st.session_state.members_saved_rules = (ws, rules)
    for name, value in asdict(rules).items():
        st.session_state[f"members_rule_{name}"] = value


def tier_rules(ws: Workspace) -> tuple[TierRules, TierRules]:
    """The rules typed (a what-if) and the rules saved for this client, from the "Tier rules" expander."""
    saved = _saved_rules(ws)
    where = ui.remembered_where()
    with st.expander(
        _("Tier rules: change any threshold to see who would move, keep the ones that fit"), icon="🎚️"
    ):
        st.caption(
            # Translators: {tiers} is the tier names in order, "Champion, Loyal, At risk, …".
            _(
                "First matching rule wins, in this order: {tiers}. Loyalty counts distinct videos and weeks, not "
                "raw comments: 30 comments under one video are a conversation, not loyalty."
            ).format(tiers=", ".join(term("tier", tier) for tier in TIER_ORDER))
            + " "
            + (
                _("These are the default rules.")
                if saved == DEFAULT_RULES
                else _(
                    "This client's own rules differ from the defaults; they are remembered {where}."
                ).format(where=where)
            )
        )
        rule_columns = st.columns(4)
        for index, (name, (label, help_text)) in enumerate(RULE_INPUTS.items()):
            rule_columns[index % 4].number_input(
                _(label),
                min_value=0,
                max_value=3650,
                step=1,
                key=f"members_rule_{name}",
                help=_("{help} Default: {default}.").format(
                    help=_(help_text), default=wording.count(getattr(DEFAULT_RULES, name))
                ),
            )
        values = {
            name: int(st.session_state.get(f"members_rule_{name}", getattr(saved, name)))
            for name in RULE_INPUTS
        }
        try:
            rules = TierRules(**values)
        except ValueError as problem:
            st.error(
                _("{problem} The saved rules are used until this is fixed.").format(problem=problem), icon="⚠️"
            )
            rules = saved
        buttons = st.container(horizontal=True)
        buttons.button(
            _("Keep these rules for this client"),
            key="members_save_rules",
            on_click=_remember_rules,
            args=(ws, False),
            disabled=rules == saved,
            help=_("Every tier, list and report of this client then uses them (remembered {where}).").format(
                where=where
            ),
        )
        buttons.button(
            _("Back to the default rules"),
            key="members_reset_rules",
            on_click=_remember_rules,
            args=(ws, True),
            disabled=rules == DEFAULT_RULES and saved == DEFAULT_RULES,
        )
    return rules, saved


def tab_work(ws: Workspace, view: MembersView) -> TabWork:
    """What the tabs need, worked out once when a tab asks, with a progress bar while comments are read."""
    edits = ui.sentiment_edits()
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        words = _(
            "Reading the mood of {total} comment texts, once (the labels are kept): {done} done"
        ).format(total=wording.count(total), done=wording.count(done))
        bar = bar or st.progress(0.0)
        bar.progress(done / total, text=words)

    @contextlib.contextmanager
    def waiting() -> Iterator[None]:
        nonlocal bar
        with st.spinner(_("Reading the mood of the comments…")):
            yield
        if bar is not None:
            bar.empty()
            bar = None

    format_rules, format_overrides = ui.format_choices()
    return TabWork(
        ws.con,
        view,
        format_rules=format_rules,
        format_overrides=format_overrides,
        format_series=ui.format_series(),
        brand_hashtags=ui.brand_hashtags,
        lexicon=edits["lexicon"],
        corrections=edits["corrections"],
        memo=st.session_state.setdefault("sentiment_memo", {}),
        waiting=waiting,
        progress=progress,
    )


def tiles(view: MembersView) -> None:
    # One row of six, which the page's CSS (ui.PAGE_CSS) wraps to three and three on a laptop, two by two
    # on a tablet: two rows of three would leave a tile alone on a line when they wrap.
    for column, tile in zip(st.columns(len(view.tiles)), view.tiles, strict=True):
        style = (
            {"delta_color": "off", "delta_arrow": "off"} if tile.muted else wording.delta_style(tile.change)
        )
        column.metric(tile.label, tile.value, delta=tile.change, help=tile.help, border=True, **style)


# ---------------------------------------------------------------- tiers


def tiers_tab(view: MembersView, work: TabWork) -> None:
    ui.chart(
        charts.tier_chart(
            view.counts,
            model.tier_counts(view.saved_tiers) if view.is_what_if else None,
            baseline_name=view.saved_rules_name,
        ),
        "members_tier_chart",
    )
    if view.moves is not None:
        st.subheader(_("Who moves with your rules"))
        if view.moves.empty:
            st.caption(_("Nobody changes tier with these thresholds."))
        else:

            def who(ids: list[str]) -> str:
                listed = ", ".join(view.names.get(member_id, member_id) for member_id in ids[:6])
                if len(ids) <= 6:
                    return listed
                return _("{listed} and {count} more").format(listed=listed, count=wording.count(len(ids) - 6))

            def tier_name(code: str) -> str:
                return "—" if code == ABSENT else term("tier", code)

            st.dataframe(
                pd.DataFrame(
                    {
                        _("From ({rules})").format(rules=view.saved_rules_name): view.moves["from_tier"].map(
                            tier_name
                        ),
                        _("To (your rules)"): view.moves["to_tier"].map(tier_name),
                        _("Members"): view.moves["count_members"],
                        _("Who (most active first)"): view.moves["member_ids"].map(who),
                    }
                ),
                hide_index=True,
                key="members_moves",
            )
    else:
        st.caption(
            _(
                "Change a threshold under “Tier rules” above: the counts update and the people who move are "
                "listed here."
            )
        )

    st.subheader(_("Every member, and why they are in their tier"))
    pick_column, more_column = st.columns([1, 2], vertical_alignment="bottom")
    pick = pick_column.selectbox(
        _("Show"),
        [ALL_TIERS, *TIER_ORDER],
        format_func=lambda tier: _("All tiers") if tier == ALL_TIERS else term("tier", tier),
        key="members_table_tier",
    )
    more = more_column.toggle(
        _("Add their mood, hashtag communities and usual format"),
        key="members_table_more",
        help=_(
            "Reads every comment's sentiment and every video's format: a few seconds the first time on a "
            "big comments export (the labels are then kept), instant after."
        ),
    )
    table = view.tiers if pick == ALL_TIERS else view.tiers[view.tiers["tier"] == pick]
    extra = model.PROFILE_COLUMNS if more else ()
    if more:
        table = work.profiles() if pick == ALL_TIERS else work.profiles(table)
    st.dataframe(
        view.tier_table(table, extra),
        hide_index=True,
        column_config=column_config(),
        height=420,
        key="members_table",
    )
    st.caption(
        ngettext(
            "{count} member, highest activity first within each tier (activity: days with a comment, each month "
            "back counting 10% less). Hashtag communities: those of the videos they comment on (Community "
            "segments page).",
            "{count} members, highest activity first within each tier (activity: days with a comment, each month "
            "back counting 10% less). Hashtag communities: those of the videos they comment on (Community "
            "segments page).",
            len(table),
        ).format(count=wording.count(len(table)))
    )
    ui.download_csv(
        model.for_download(
            view, table, [*view.table_columns, *extra, *(["last_comment_text"] if more else [])]
        ),
        _("Download these members (CSV, opens safely in Excel)"),
        "communitylens_members.csv",
        key="members_download",
    )


# ---------------------------------------------------------------- lists


def lists_tab(ws: Workspace, view: MembersView, work: TabWork) -> None:
    memory = ui.memory()
    contacted = outreach.load_contacted(memory)
    outcomes = outreach.contact_outcomes(ws.con, contacted)
    version = st.session_state.setdefault("members_contacts_version", 0)
    brand_handles = ws.detected_brand_handles()
    account = brand_handles[0] if len(brand_handles) == 1 else None
    hide_handles = not view.real_handles

    def contact_list(frame: pd.DataFrame, columns: list[str], key: str, label: str, file_name: str) -> None:
        """One list to act on: a "Contacted" box, the links, the follow-up, then `columns`; and its file."""
        listed = model.contact_rows(ws.con, view, frame, outcomes, account)
        links = ["video_link"] if hide_handles else ["profile_link", "video_link"]  # a profile names them
        follow_up = (
            ["contact_status"] if listed["is_contacted"].any() else []
        )  # no empty column before a tick
        table = model.shown(
            view,
            listed.assign(contact_status=listed["contact_status"].fillna("")),
            [*follow_up, *links, *columns],
        )
        contacted_column = _("Contacted")
        table.insert(0, contacted_column, listed["is_contacted"].to_numpy())
        edited = st.data_editor(
            table,
            hide_index=True,
            column_config=column_config(),
            disabled=[column for column in table.columns if column != contacted_column],
            key=f"{key}_{version}",
        )
        changed = (edited[contacted_column] != table[contacted_column]).to_numpy()
        if changed.any():  # keep who was ticked (contacted today) or unticked, and show it
            ticked = dict(
                zip(listed["member_id"][changed], edited[contacted_column][changed].astype(bool), strict=True)
            )
            marks = outreach.with_contacts(contacted, ticked, ui.today())
            st.session_state.members_contacts_saved = outreach.save_contacted(marks, memory)
            st.session_state.members_contacts_version = version + 1  # a fresh table, read from memory
            st.rerun()
        follow = ["contacted_date", "came_back", "count_comments_since_contact"]
        ui.download_csv(
            model.for_download(view, listed, [*columns, *follow, "profile_link", "video_link"]),
            label,
            file_name,
            key=f"{key}_download",
        )

    summary = outreach.contact_summary(outcomes, today=ui.today())
    how = (
        _(
            "Tick “Contacted” next to a member when you reach out (for this session only: the demo forgets them); "
            "the list then says whether they came back: a comment on a later day than the contact."
        )
        if ui.is_demo()
        else _(
            "Tick “Contacted” next to a member when you reach out (remembered for this client); the list then "
            "says whether they came back: a comment on a later day than the contact."
        )
    )
    st.caption(f"**{summary}** {how}" if summary else how)
    if st.session_state.get("members_contacts_saved") is False:
        st.warning(
            _(
                "Your last “Contacted” tick could not be saved: the app's folder cannot be written. "
                "Check the disk and the folder's permissions (COMMUNITYLENS_HOME)."
            ),
            icon="⚠️",
        )
    lists = model.lists_view(ws.con, view, work)
    champions_tab, at_risk_tab, new_tab = st.tabs(list(lists.tab_labels))
    with champions_tab:
        st.caption(
            _(
                "Your core, best ambassador candidates first: they comment often, kindly, and the community likes "
                "what they say (ranked on activity, share of positive comments and likes per comment together)."
            )
        )
        columns = [
            "ambassador_score",
            "count_videos",
            "active_weeks",
            "positive_response_rate",
            "likes_per_comment",
            "communities",
            "usual_format",
        ]
        contact_list(
            lists.candidates,
            columns,
            "members_champions",
            _("Download the Champions (CSV)"),
            "communitylens_champions.csv",
        )
    with at_risk_tab:
        st.info(f"**{ui.markdown_escape(lists.at_risk_takeaway)}**", icon="💡")
        st.caption(_("They met the Loyal bar, then went quiet; most active history first."))
        columns = [
            "days_since_last",
            "last_comment_text",
            "usual_format",
            "count_videos",
            "active_weeks",
            "communities",
        ]
        contact_list(
            lists.at_risk,
            columns,
            "members_at_risk",
            _("Download the At risk members (CSV)"),
            "communitylens_at_risk.csv",
        )
    with new_tab:
        st.info(f"**{ui.markdown_escape(lists.newcomers_takeaway)}**", icon="💡")
        st.caption(_("Newest first: a reply or a like now makes them feel seen."))
        columns = [
            "first_seen_at",
            "count_comments",
            "count_videos",
            "count_brand_replies_received",
            "last_comment_text",
            "tier",
            "communities",
        ]
        contact_list(
            lists.newcomers,
            columns,
            "members_new",
            _("Download the new members (CSV)"),
            "communitylens_new_members.csv",
        )


# ---------------------------------------------------------------- one member


def member_tab(ws: Workspace, view: MembersView, work: TabWork) -> None:
    choices = dict(
        zip(
            view.tiers["member_id"],
            view.names.to_numpy()
            + " · "
            + view.tiers["tier"].map(lambda tier: term("tier", tier)).to_numpy(),
            strict=True,
        )
    )
    member_id = st.selectbox(
        _("Member"),
        list(choices),
        format_func=choices.get,
        key="members_member",
        help=_("Members in tier order, most active first. Type to search."),
    )
    if member_id is None:
        return
    profile = model.profile_view(ws.con, view, work, member_id)
    row = profile.row
    st.markdown(
        # Translators: "**@linh_04** is **Champion**: commented on 14 videos over 9 weeks, last yesterday."
        _("**{member}** is **{tier}**: {reason}.").format(
            member=ui.markdown_escape(view.names[member_id]),
            tier=term("tier", row["tier"]),
            reason=ui.markdown_escape(row["reason"]),
        )
    )
    label = model.column_labels()
    facts = st.columns(5)
    facts[0].metric(label["count_comments"], wording.count(row["count_comments"]), border=True)
    facts[1].metric(label["count_videos"], wording.count(row["count_videos"]), border=True)
    facts[2].metric(label["active_weeks"], wording.count(row["active_weeks"]), border=True)
    facts[3].metric(
        label["positive_response_rate"],
        ui.format_value(row["positive_response_rate"], "percent"),
        border=True,
    )
    facts[4].metric(
        label["count_brand_replies_received"],
        wording.count(row["count_brand_replies_received"]) if view.shows_replies else _("Not shown"),
        help=None if view.shows_replies else no_replies_help(),
        border=True,
    )
    if profile.communities_sentence:
        st.caption(ui.markdown_escape(profile.communities_sentence))
    history = model.history_labels()
    st.dataframe(
        profile.history,
        hide_index=True,
        column_config={
            history["commented_at"]: ui.date_column(with_time=True),
            history["hours_to_first_reply"]: st.column_config.NumberColumn(format="%.1f"),
            history["text"]: st.column_config.TextColumn(width="large"),
        },
        key="members_history",
    )


# ---------------------------------------------------------------- replies


def replies_tab(ws: Workspace, view: MembersView, work: TabWork) -> None:
    period = view.period
    st.caption(
        # Translators: {period} is the sidebar period ("in the last 90 days") or "at any time".
        _(
            "Top-level comments members made {period}; a reply counts whenever it came. Your own account is "
            "chosen at the top of the page."
        ).format(period=period.describe() if period else _("at any time"))
    )
    if not view.shows_replies:
        st.info(no_replies_help(), icon="💬")
        return
    window = st.session_state.get("members_effect_window", 30)
    replies = model.replies_view(ws.con, view, work, window_days=int(window))
    numbers = st.columns(3)
    rate = view.tiles[4]
    ui.tile(numbers[0], rate.label, rate.value, rate.change, _(DEFINITIONS["reply_rate"][1]))
    numbers[1].metric(
        _("Time to first reply"),
        replies.time_to_reply,
        help=_(DEFINITIONS["time_to_first_reply"][1]),
        border=True,
    )
    numbers[2].metric(_("Comments answered"), replies.answered, border=True)
    if replies.by_tier is None:
        st.info(_("No member comments in this period. Pick a longer period in the sidebar."), icon="📅")
    else:
        if replies.by_format is None:
            st.info(_("Upload TikTok Studio's **Content** export to see replies by format."), icon="🎬")
        else:
            ui.chart(charts.reply_chart(replies.by_format, "format"), "members_reply_format_chart")
        ui.chart(charts.reply_chart(replies.by_tier, "tier"), "members_reply_tier_chart")

    st.subheader(_("Does answering bring members back?"))
    st.columns(4)[0].number_input(
        _("Came back within (days)"),
        min_value=7,
        max_value=120,
        value=30,
        step=1,
        key="members_effect_window",
    )
    chart_column, text_column = st.columns([3, 2])
    with chart_column:
        ui.chart(charts.reply_effect_chart(replies.effect), "members_reply_effect_chart")
    text_column.info(ui.markdown_escape(replies.effect["sentence"]), icon="🔍")
    text_column.caption(replies.effect_note)


# ---------------------------------------------------------------- sentiment


def _save_label_edits(editor_key: str, comment_ids: list[str], label_column: str) -> None:
    """Keep the labels changed in an editor, read back from their display names to the stored codes."""
    edits = ui.sentiment_edits()
    codes = {term("sentiment", code): code for code in LABELS}
    for position, change in st.session_state[editor_key]["edited_rows"].items():
        if change.get(label_column) in codes:
            edits["corrections"][comment_ids[int(position)]] = codes[change[label_column]]
    ui.save_sentiment_edits()


def _add_to_lexicon() -> None:
    word = " ".join(st.session_state.get("members_lexicon_word", "").split()).lower()
    if word:
        ui.sentiment_edits()["lexicon"][word] = model.LEXICON_VALUES[st.session_state.members_lexicon_feeling]
        ui.save_sentiment_edits()
    st.session_state.members_lexicon_word = ""


def _forget_sentiment_edits() -> None:
    ui.sentiment_edits().update(lexicon={}, corrections={})
    ui.save_sentiment_edits()


def _headers() -> dict[str, str]:
    """The comment editors' headers in this run's language, by column code."""
    return {
        "when": _("When"),
        "member": _("Member"),
        "comment": _("Comment"),
        "label": _("Label"),
        "likes": _("Likes"),
        "video": _("Video"),
        "how": _("How"),
    }


def _label_editor(
    frame: pd.DataFrame, key: str, comment_ids: list[str], disabled: list[str], label_help=None
):
    """An editor of comments whose Label column (shown in the run's language) can be corrected.

    `frame`'s and `disabled`'s columns are codes (`_headers`); the label column holds sentiment codes."""
    header = _headers()
    shown = frame.assign(label=frame["label"].map(lambda code: term("sentiment", code))).rename(
        columns=header
    )
    st.data_editor(
        shown,
        hide_index=True,
        disabled=[header[column] for column in disabled],
        column_config={
            header["label"]: st.column_config.SelectboxColumn(
                options=[term("sentiment", code) for code in LABELS], required=True, help=label_help
            ),
            header["when"]: ui.date_column(with_time=True),
            header["comment"]: st.column_config.TextColumn(width="large"),
        },
        key=key,
        on_change=_save_label_edits,
        args=(key, comment_ids, header["label"]),
    )


def sentiment_tab(view: MembersView, work: TabWork) -> None:
    edits = ui.sentiment_edits()
    mood = model.sentiment_view(view, work)
    period = view.period
    st.caption(
        _(
            "Every comment is labelled positive, neutral or negative on this computer, by word lists and rules "
            "(VADER for English, VADER-FR for French, our own lists for Spanish, Portuguese, Vietnamese and "
            "Indonesian, and emoji). It misses sarcasm and slang it does not know: correct it below."
        )
    )
    with st.expander(_("How comments are labelled, and the limits"), icon="ℹ️"):
        st.markdown(_(METHOD_DESCRIPTION))
    numbers = st.columns(4)
    overall = mood.mood.iloc[0]
    ui.tile(
        numbers[0],
        _("Positive comments"),
        ui.format_value(overall["positive_response_rate"], "percent"),
        mood.mood_change,
        _(DEFINITIONS["positive_response_rate"][1]),
    )
    numbers[1].metric(
        _("Member comments labelled"), wording.count(overall["count_labelled_comments"]), border=True
    )
    numbers[2].metric(_("Negative comments"), wording.count(overall["count_negative_comments"]), border=True)
    numbers[3].metric(
        _("Complaints not answered"),
        wording.count(len(mood.queue)),
        help=_("Negative member comments with no reply from the brand."),
        border=True,
    )
    st.caption(
        _("Numbers for members' comments {period}; the monthly chart shows all your data.").format(
            period=period.describe() if period else _("at any time")
        )
    )
    ui.chart(charts.sentiment_by_month_chart(mood.by_month), "members_sentiment_month_chart")
    if not mood.has_comments:
        # Two empty charts with a "0 1 2 3 4" axis said nothing: say why instead.
        st.info(
            _(
                "No member comments in this period, so no mood by format or by tier: pick a longer period in the "
                "sidebar."
            ),
            icon="📅",
        )
    else:
        format_column, tier_column = st.columns(2)
        with format_column:
            if mood.by_format is None:
                st.info(_("Upload TikTok Studio's **Content** export to see the mood by format."), icon="🎬")
            else:
                ui.chart(
                    charts.positive_rate_chart(mood.by_format, "format", overall=mood.mood),
                    "members_sentiment_format_chart",
                )
        with tier_column:
            ui.chart(
                charts.positive_rate_chart(mood.by_tier, "tier", overall=mood.mood),
                "members_sentiment_tier_chart",
            )

    st.subheader(_("Complaint queue"))
    st.caption(
        _(
            "Negative comments the brand has not answered yet, newest first. Not a complaint? Change its label: "
            "your correction wins over the method and is remembered {where}."
        ).format(where=ui.remembered_where())
    )
    queue = mood.queue
    if queue.empty:
        st.success(_("No unanswered negative comment in this period."), icon="✅")
    else:
        first = queue.head(200)  # the newest 200 are shown; the file has them all
        _label_editor(
            pd.DataFrame(
                {
                    "when": first["commented_at"],
                    "member": first["member_id"].map(view.names),
                    "comment": first["text"],
                    "label": first["label"],
                    "likes": first["likes"],
                    "video": model.video_names(first),
                }
            ),
            f"members_queue_{edits['version']}",
            first["comment_id"].tolist(),
            ["when", "member", "comment", "likes", "video"],
            _("Change it if the method got it wrong."),
        )
        ui.download_csv(
            model.for_download(view, queue, ["commented_at", "text", "likes", "video_caption", "video_url"]),
            _("Download the complaint queue (CSV)"),
            "communitylens_complaints.csv",
            key="members_queue_download",
        )

    st.subheader(_("Teach it your brand's words"))
    st.caption(
        _(
            "Words the method does not know count as neutral. Add your products and your community's slang "
            "(“bạc xỉu”, “chân ái”, “pas ouf”…): every comment is labelled again with them, in every language."
        )
    )
    word_column, feeling_column, button_column = st.columns([3, 2, 2], vertical_alignment="bottom")
    word_column.text_input(
        _("Word, phrase or emoji"), key="members_lexicon_word", placeholder=_("e.g. chân ái")
    )
    feeling_column.selectbox(
        _("Counts as"),
        list(model.LEXICON_VALUES),
        format_func=lambda code: term("sentiment", code),
        key="members_lexicon_feeling",
    )
    button_column.button(_("Add to the brand lexicon"), key="members_lexicon_add", on_click=_add_to_lexicon)
    if edits["lexicon"]:
        feeling = {True: "positive", False: "negative"}  # i18n: sentiment codes, shown with term()
        st.caption(
            _("Your brand lexicon: {words}.").format(
                words=", ".join(
                    "“{word}” ({feeling})".format(  # i18n: punctuation around a word
                        word=ui.markdown_escape(word),
                        feeling=term("sentiment", feeling[value > 0] if value else "neutral"),
                    )
                    for word, value in edits["lexicon"].items()
                )
            )
        )
    if edits["corrections"]:
        corrected = len(edits["corrections"])
        st.caption(
            ngettext(
                "{count} label corrected by hand (remembered {where}).",
                "{count} labels corrected by hand (remembered {where}).",
                corrected,
            ).format(count=wording.count(corrected), where=ui.remembered_where())
        )
    if edits["lexicon"] or edits["corrections"]:
        st.button(
            _("Forget my words and corrections"),
            key="members_sentiment_forget",
            on_click=_forget_sentiment_edits,
        )

    with st.expander(_("Check and correct any comment's label")):
        labelled = mood.labelled
        search = st.text_input(
            _("Comments containing"), key="members_label_search", placeholder=_("e.g. chậm, cher, sweet")
        )
        which = st.selectbox(
            _("Labelled"),
            ["any", *LABELS],
            format_func=lambda code: _("any") if code == "any" else term("sentiment", code),
            key="members_label_filter",
        )
        # One mask, then the 100 newest rows only: a million comments are not copied to show 100.
        matching = ~labelled["is_brand"].to_numpy(dtype=bool)
        if search.strip():
            matching &= (
                labelled["text"].fillna("").str.contains(search.strip(), case=False, regex=False).to_numpy()
            )
        if which != "any":
            matching &= (labelled["label"] == which).to_numpy(dtype=bool)
        newest = labelled["commented_at"][matching].sort_values(ascending=False, kind="stable")
        found = labelled.loc[newest.index[:100]]
        _label_editor(
            pd.DataFrame(
                {
                    "when": found["commented_at"],
                    "member": found["member_id"].map(view.names).fillna(found["member_id"]),
                    "comment": found["text"],
                    "label": found["label"],
                    "how": found["method"].map(
                        lambda method: _("your correction") if method == "correction" else _("the method")
                    ),
                }
            ),
            f"members_check_{edits['version']}",
            found["comment_id"].tolist(),
            ["when", "member", "comment", "how"],
        )
        st.caption(_("The 100 newest matching comments."))
