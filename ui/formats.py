"""The Interaction formats page's tabs and widgets: each renders part of a `FormatsView`."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from analytics import charts_formats as charts
from analytics import preferences, timezones, wording
from analytics.captions import DEFAULT_RULES, FORMATS
from analytics.format_stats import PUBLISHED_CLAIMS
from analytics.i18n import N_, _, ngettext, term
from analytics.reasons import worded
from analytics.templates import lives_template_csv
from analytics.views.formats import FormatsView

# The "Format" cells' value for "no fix": kept as this English text, shown translated (format_choice).
AUTOMATIC = N_("↺ Automatic (file, series or rules)")
HASHTAG_COLUMNS = {
    "hashtag": N_("Hashtag"),
    "is_brand_hashtag": N_("Brand hashtag"),
    "count_videos": N_("Videos"),
    "total_views": N_("Views"),
    "total_engagements": N_("Engagements"),
    "engagement_rate": N_("Engagement rate"),
}
# The video tables' column keys (code and tests use them); their labels are set in column_config.
POSTED = "Posted"  # i18n: a column key
FORMAT = "Format"  # i18n: a column key
CONFIDENCE = "Confidence"  # i18n: a column key
CAPTION = "Caption"  # i18n: a column key
VIEWS = "Views"  # i18n: a column key
WHY = "Why"  # i18n: a column key
RIGHT = "Right"  # i18n: a column key
REGULAR_COLUMNS = {
    "member_handle": N_("Member"),
    "count_live_videos": N_("LIVE videos commented on"),
    "count_comments": N_("Comments"),
    "last_commented_at": N_("Last comment"),
}


def format_choice(code: str) -> str:
    """A format code as a table's or a box's choice shows it, in the screen's language."""
    return _(AUTOMATIC) if code == AUTOMATIC else term("format", code)


def confidence_label(code: str) -> str:
    """ "Sure", "Likely", "Guess" in the screen's language (a table cell)."""
    label = term("confidence", code)
    return label[:1].upper() + label[1:]


def session_preferences(ws) -> dict:
    """This session's rules and hand-set formats: read from this client's memory once per workspace."""
    state = st.session_state.get("formats_preferences")
    if state is None or state["workspace"] is not ws:
        state = {
            "workspace": ws,
            "rules": preferences.load_format_rules(memory=ui.memory()) or DEFAULT_RULES,
            "overrides": preferences.load_format_overrides(memory=ui.memory()),
            "series": preferences.load_series_rules(memory=ui.memory()),
            "version": 0,  # bumped after each saved edit, so the editors start clean on the new data
            "saved": True,
        }
        st.session_state.formats_preferences = state
        # The next brand's hashtags and time zone are guessed afresh, not carried over from the last one.
        st.session_state.pop("formats_brand_hashtags", None)
        st.session_state.pop("formats_utc_offset", None)
    return state


def remember(
    ws,
    *,
    rules: dict | None = None,
    overrides: dict | None = None,
    series: dict | None = None,
    reset_rules: bool = False,
) -> None:
    state = session_preferences(ws)
    state["rules"] = DEFAULT_RULES if reset_rules else rules or state["rules"]
    state["overrides"] = state["overrides"] if overrides is None else overrides
    state["series"] = state["series"] if series is None else series
    state["version"] += 1
    memory = ui.memory()
    saved = [
        preferences.save_format_rules(None if reset_rules else state["rules"], memory=memory),
        preferences.save_format_overrides(state["overrides"], memory=memory),
        preferences.save_series_rules(state["series"], memory=memory),
    ]
    state["saved"] = all(saved)
    st.rerun()


def brand_hashtags_choice(handle: str | None) -> list[str] | None:
    """The brand hashtags typed on the page, else remembered for this account; None: let the view guess."""
    if "formats_brand_hashtags" in st.session_state:
        return preferences.parse_hashtags(st.session_state.formats_brand_hashtags)
    return preferences.load_brand_hashtags(handle, memory=ui.memory())


def takeaway(view: FormatsView) -> None:
    if view.videos.empty:
        return
    st.info(f"**{ui.markdown_escape(view.takeaway)}**", icon="💡")
    if view.few_videos and st.session_state.get("period_preset") != "All data":  # i18n: a preset's key
        st.caption(view.few_videos)
        st.button(_("Compare over all my data"), key="formats_use_all_data", on_click=ui.use_all_data)


def by_format_tab(view: FormatsView, *, show_claims: bool, has_videos: bool) -> None:
    if view.videos.empty:
        st.info(
            _("No videos posted in this period. Pick a longer period in the sidebar.")
            if has_videos
            else _("No videos loaded yet: upload TikTok Studio's Content export to compare formats."),
            icon="📅",
        )
        return
    if view.unsure_note:
        st.info(ui.markdown_escape(view.unsure_note), icon="🔎")
    table = view.table
    chart = charts.format_rate_chart(
        table,
        claims=PUBLISHED_CLAIMS if show_claims else None,
        min_videos=view.min_videos,
        confidence=view.confidence,
    )
    ui.chart(chart, "formats_rate_chart")
    if show_claims:
        st.caption(
            _(
                "Orange bands: the community-building playbook's **published claims** of “average interaction” "
                "per format. They are not your data, and the playbook does not say how it computes them, so "
                "they may not compare with engagements ÷ views."
            )
        )
    st.dataframe(
        charts.formats_table(table, confidence=view.confidence),
        hide_index=True,
        width="stretch",
        column_config={
            label: st.column_config.Column(help=text)
            for label, text in charts.table_help(view.confidence).items()
        },
    )
    small = ", ".join(term("format", name) for name in view.small_formats)
    hover = _(
        "Hover a column's name for its definition. Completion, watch time and follows appear when your "
        "files have them."
    )
    if small:
        grey = _("Grey: {formats}, with fewer than {count} videos: not enough videos to say.").format(
            formats=ui.markdown_escape(small), count=wording.count(view.min_videos)
        )
        hover = f"{grey} {hover}"
    st.caption(hover)
    ui.download_csv(
        table, _("Download the formats table (CSV)"), "communitylens_formats.csv", key="formats_download"
    )
    ui.chart(charts.formats_by_month_chart(view.monthly), "formats_month_chart")
    ui.chart(charts.video_scatter_chart(view.videos), "formats_scatter_chart")


def fixing_tab(ws, view: FormatsView, prefs: dict) -> None:
    rules, overrides, every_video = prefs["rules"], prefs["overrides"], view.every_video
    st.markdown(view.sources)
    st.caption(
        _(
            "A giveaway counts as a **Mini game** here: the audience plays (comments, tags a friend, answers) "
            "to win something."
        )
    )
    options = [AUTOMATIC, *dict.fromkeys([*FORMATS, *rules, *every_video["format"]])]
    check_first(ws, view, prefs, options[1:])
    tag_in_bulk(ws, view, prefs, options[1:])
    st.subheader(_("Every video"))
    search = st.text_input(
        _("Show videos whose caption contains"),
        key="formats_fix_search",
        placeholder=_("e.g. giveaway, #phinchallenge"),
    )
    newest_first = every_video.iloc[::-1]
    matching = (
        newest_first[preferences.captions_containing(newest_first["caption"], search)]
        if search
        else newest_first
    )
    editable = pd.DataFrame(
        {
            POSTED: matching["posted_at"].dt.date,
            FORMAT: matching["format"],
            CONFIDENCE: matching["confidence"].map(confidence_label),
            CAPTION: matching["caption"],
            VIEWS: matching["total_views"],
            WHY: matching["why"].map(worded),
        }
    ).reset_index(drop=True)
    st.caption(_("Newest first. Click a video's format to fix it; pick “↺ Automatic” to undo a fix."))
    edited = st.data_editor(
        editable,
        key=f"formats_fix_table_{prefs['version']}",
        hide_index=True,
        width="stretch",
        height=320,
        disabled=[
            POSTED,
            CAPTION,
            VIEWS,
            CONFIDENCE,
            WHY,
        ],
        column_config={
            POSTED: ui.date_column(_("Posted")),
            FORMAT: _format_column(options),
            **_video_columns(),
        },
    )
    changed = (edited[FORMAT] != editable[FORMAT]).to_numpy()
    if changed.any():
        updated = dict(overrides)
        for video_id, name in zip(matching["video_id"][changed], edited[FORMAT][changed], strict=True):
            updated = preferences.with_overrides(updated, [video_id], None if name == AUTOMATIC else name)
        remember(ws, overrides=updated)

    if search and not matching.empty:
        bulk_left, bulk_right = st.columns([2, 1], vertical_alignment="bottom")
        count = len(matching)
        bulk_format = bulk_left.selectbox(
            ngettext(
                "Set the format of the {count} video whose caption contains “{words}”",
                "Set the format of the {count} videos whose caption contains “{words}”",
                count,
            ).format(count=wording.count(count), words=ui.markdown_escape(search)),
            options[1:],
            format_func=format_choice,
            key="formats_bulk_format",
        )
        set_label = ngettext("Set {count} video to {format}", "Set {count} videos to {format}", count).format(
            count=wording.count(count), format=ui.markdown_escape(format_choice(bulk_format))
        )
        if bulk_right.button(set_label, key="formats_bulk_apply"):
            remember(ws, overrides=preferences.with_overrides(overrides, matching["video_id"], bulk_format))
    forget = ngettext(
        "Forget the {count} format set by hand", "Forget the {count} formats set by hand", len(overrides)
    ).format(count=wording.count(len(overrides)))
    if overrides and st.button(forget, key="formats_forget_fixes"):
        remember(ws, overrides={})
    rules_editor(ws, prefs)
    if prefs["saved"]:
        # Translators: {where} says where the app keeps its memory ("in this browser's folder …")
        st.caption(_("Your fixes and rules are remembered {where}.").format(where=ui.remembered_where()))
    else:
        st.warning(_("We could not save your fixes to disk, so they last for this session only."), icon="💾")
    ui.download_csv(
        every_video.drop(columns=["video_url", "why"]),
        _("Download every video with its format (CSV)"),
        "communitylens_video_formats.csv",
        key="formats_videos_download",
    )


def check_first(ws, view: FormatsView, prefs: dict, formats: list[str]) -> None:
    """ "Check these first": the guesses and likely ones, most views first, confirmed or changed in place."""
    st.subheader(_("Check these first"))
    queue = view.queue
    if queue.empty:
        st.success(
            _("Every video's format is sure: from your fixes, your file, a series rule or a clear caption.")
        )
        return
    table = pd.DataFrame(
        {
            RIGHT: False,
            FORMAT: queue["format"],
            CONFIDENCE: queue["confidence"].map(confidence_label),
            CAPTION: queue["caption"],
            VIEWS: queue["total_views"],
            WHY: queue["why"].map(worded),
        }
    )
    st.caption(
        ngettext(
            "{count} video whose format is a guess or only likely, most views first. "
            "Tick **Right** when the format is right, or pick the right one: either way it becomes your fix, "
            "and videos that read like it follow.",
            "{count} videos whose format is a guess or only likely, most views first. "
            "Tick **Right** when the format is right, or pick the right one: either way it becomes your fix, "
            "and videos that read like it follow.",
            len(queue),
        ).format(count=wording.count(len(queue)))
    )
    edited = st.data_editor(
        table,
        key=f"formats_queue_{prefs['version']}",
        hide_index=True,
        width="stretch",
        height=min(36 + 35 * len(table), 320),
        disabled=[
            CAPTION,
            VIEWS,
            CONFIDENCE,
            WHY,
        ],
        column_config={
            RIGHT: st.column_config.CheckboxColumn(
                _("Right"), width="small", help=_("Tick to confirm this format: it becomes your fix.")
            ),
            FORMAT: _format_column(formats),
            **_video_columns(),
        },
    )
    confirmed = (edited[RIGHT] | (edited[FORMAT] != table[FORMAT])).to_numpy()
    if confirmed.any():
        updated = dict(prefs["overrides"])
        for video_id, name in zip(queue["video_id"][confirmed], edited[FORMAT][confirmed], strict=True):
            updated = preferences.with_overrides(updated, [video_id], name)
        remember(ws, overrides=updated)


def _format_column(options: list[str]):
    """The editable "Format" column: stored codes as choices, each shown in the screen's language."""
    return st.column_config.SelectboxColumn(
        _("Format"),
        options=options,
        format_func=format_choice,
        required=True,
        width=150,
        help=_("Pick the right format to fix a video."),
    )


def _video_columns() -> dict:
    """The read-only columns of the two video tables, labelled in the screen's language."""
    return {
        CONFIDENCE: st.column_config.TextColumn(_("Confidence"), width="small"),
        CAPTION: st.column_config.TextColumn(_("Caption"), width=320),
        VIEWS: ui.count_column(_("Views")),
        WHY: st.column_config.TextColumn(_("Why"), width="medium", help=_("Where the format came from.")),
    }


def tag_in_bulk(ws, view: FormatsView, prefs: dict, formats: list[str]) -> None:
    """Groups of look-alike videos tagged at once, a hashtag's for future videos too; the series rules."""
    st.subheader(_("Tag in bulk"))
    if view.groups:
        st.caption(
            _(
                "Videos that look like one series: a hashtag on 2 or more of them (not your brand's, not #fyp and "
                "the like), or captions that read alike. Pick their format and tag them all at once."
            )
        )
    else:
        st.caption(
            _(
                "No group of look-alike videos left to tag: no recurring hashtag or alike captions among the "
                "videos to check."
            )
        )
    for group in view.groups:
        label, picker, button = st.columns([3, 2, 1.3], vertical_alignment="center")
        count = len(group.video_ids)
        label.markdown(
            f"**{ui.markdown_escape(group.label)}**  \n"
            + ngettext("{count} video, {unsure} to check", "{count} videos, {unsure} to check", count).format(
                count=wording.count(count), unsure=wording.count(group.count_unsure)
            )
        )
        name = picker.selectbox(
            _("Format"),
            formats,
            index=formats.index(group.suggested) if group.suggested in formats else None,
            format_func=format_choice,
            placeholder=_("Pick a format"),
            key=f"formats_group_format_{group.key}",
            label_visibility="collapsed",
        )
        keep = group.hashtag is not None and label.checkbox(
            _("Always, for future videos too"),
            key=f"formats_group_always_{group.key}",
            help=_("Saves a series rule: every video with {hashtag}, now and later, is this format.").format(
                hashtag=group.hashtag
            ),
        )
        if button.button(
            # Translators: a button that tags {count} videos with the format picked next to it
            _("Tag {count}").format(count=wording.count(count)),
            key=f"formats_group_apply_{group.key}",
            disabled=name is None,
            width="stretch",
        ):
            if keep and group.hashtag:
                # The series rule decides these videos: their own fixes give way to the format just picked.
                remember(
                    ws,
                    overrides=preferences.with_overrides(prefs["overrides"], group.video_ids, None),
                    series=preferences.with_series(prefs["series"], group.hashtag, name),
                )
            remember(ws, overrides=preferences.with_overrides(prefs["overrides"], group.video_ids, name))
    series_rules(ws, view, prefs)


def series_rules(ws, view: FormatsView, prefs: dict) -> None:
    """The series rules kept for this client, each with a way to remove it."""
    if view.series.empty:
        st.caption(
            _(
                "**Series rules.** No series rule yet. Tick “Always, for future videos too” on a hashtag above to "
                "say, for example, that every #PhinTips video is a Tutorial."
            )
        )
        return
    st.markdown(_("**Your series rules** (a fix by hand and your file's format column come first)"))
    for rule in view.series.itertuples():
        text, button = st.columns([5, 1.4], vertical_alignment="center")
        text.markdown(
            ngettext(
                "{hashtag} is always **{format}** ({count} video now)",
                "{hashtag} is always **{format}** ({count} videos now)",
                rule.count_videos,
            ).format(
                hashtag=ui.markdown_escape(rule.hashtag),
                format=ui.markdown_escape(term("format", rule.format)),
                count=wording.count(rule.count_videos),
            )
        )
        if button.button(_("Remove"), key=f"formats_series_remove_{rule.hashtag}", width="stretch"):
            remember(ws, series=preferences.with_series(prefs["series"], rule.hashtag, None))


def rules_editor(ws, prefs: dict) -> None:
    rules = prefs["rules"]
    with st.expander(_("Edit the caption rules")):
        st.caption(
            _(
                "A video without a format in your file gets the first format below whose words or hashtags appear "
                "in its caption. Words match whole words in any case, and a missing accent is forgiven; `#word` is "
                "that hashtag exactly; `...` stands for any letters (`#...challenge` is any hashtag ending in "
                "“challenge”). Separate words with commas; add a row for a format of your own. LIVE words (live, "
                "en vivo, trực tiếp…) count only when the caption announces, invites to or replays a LIVE (a time, "
                "a day, “join”, “replay”, Q&A): live music, a live map or a YouTube premiere never do. A giveaway "
                "counts as a Mini game. Format names stay as written here (in English for the built-in ones)."
            )
        )
        rules_table = preferences.rules_table(rules)
        edited_rules = st.data_editor(
            rules_table,
            key=f"formats_rules_table_{prefs['version']}",
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={
                "format": st.column_config.TextColumn(_("Format"), width="medium", required=True),
                "patterns": st.column_config.TextColumn(
                    _("Words and hashtags (comma-separated)"), width="large"
                ),
            },
        )
        new_rules = preferences.rules_from_table(edited_rules)
        if new_rules != preferences.rules_from_table(rules_table):
            remember(ws, rules=new_rules)
        if rules != DEFAULT_RULES and st.button(_("Back to the default rules"), key="formats_rules_reset"):
            remember(ws, reset_rules=True)


def hashtags_tab(view: FormatsView, handle: str | None) -> None:
    if "formats_brand_hashtags" not in st.session_state:
        st.session_state.formats_brand_hashtags = " ".join(view.brand_hashtags)

    def save_brand_hashtags() -> None:
        tags = preferences.parse_hashtags(st.session_state.formats_brand_hashtags)
        preferences.save_brand_hashtags(handle, tags, memory=ui.memory())

    st.text_input(
        _("Your brand hashtags"),
        key="formats_brand_hashtags",
        on_change=save_brand_hashtags,
        help=_("Pinned on top of the table. We guessed them from your account handle; change them freely."),
    )
    tags = view.hashtags
    if tags.empty:
        st.info(_("None of the videos of this period has a hashtag in its caption."), icon="#️⃣")
        return
    ui.chart(charts.hashtag_chart(tags, min_videos=view.min_videos), "formats_hashtag_chart")
    columns = {column: _(label) for column, label in HASHTAG_COLUMNS.items()}
    numbers = {
        "total_views": wording.count,
        "total_engagements": wording.count,
        "engagement_rate": wording.percent,
    }
    st.dataframe(
        tags.rename(columns=columns).style.format(
            {columns[column]: shown for column, shown in numbers.items() if column in tags}, na_rep="—"
        ),
        hide_index=True,
        width="stretch",
        height=300,
    )
    ui.download_csv(
        tags, _("Download the hashtags (CSV)"), "communitylens_hashtags.csv", key="formats_hashtags_download"
    )


def timing_tab(view: FormatsView) -> None:
    choices = timezones.offset_choices()
    offset = st.columns([1, 2])[0].selectbox(
        _("Time zone of your audience"),
        choices,
        index=choices.index(view.utc_offset) if view.utc_offset in choices else choices.index(0),
        format_func=timezones.describe_offset,
        key="formats_utc_offset",
    )
    if offset != view.utc_offset:  # picked on this run, after the view was computed: compute it again
        st.rerun()
    st.caption(
        ui.markdown_escape(view.zone_note) + " " + _("Change it above if your audience lives elsewhere.")
    )
    if view.activity is not None:
        ui.chart(charts.follower_activity_heatmap(view.activity), "formats_activity_heatmap")
        st.markdown(
            _("**Your followers are most active**")
            + "\n"
            + "".join(f"\n- {peak}" for peak in view.activity_peaks)
        )
    else:
        st.info(
            _(
                "Upload TikTok Studio's Followers export (it holds FollowerActivity) to see when your followers "
                "are online."
            ),
            icon="🕗",
        )
    grid = view.posting_grid
    if grid["count_videos"].sum():
        zone = timezones.describe_offset(view.utc_offset)
        ui.chart(charts.posting_time_heatmap(grid, zone=zone), "formats_posting_heatmap")
        if view.best_slots:
            st.markdown(
                _("**Your best posting slots so far** (2 videos or more each)")
                + "\n"
                + "".join(f"\n- {slot}" for slot in view.best_slots)
            )
        else:
            st.caption(_("No hour has 2 videos or more yet, so no slot can be called best."))


def live_tab(view: FormatsView) -> None:
    if not view.has_lives:
        st.info(
            _(
                "**No LIVE data yet.** TikTok does not export LIVE sessions. Download our LIVE template, fill in "
                "one row per broadcast (start time, viewers, peak viewers, comments, likes, shares, gifts, new "
                "followers: copy them from each LIVE's analytics in TikTok), and upload it in the sidebar."
            ),
            icon="🔴",
        )
        st.download_button(
            _("Download the LIVE template (CSV)"),
            lives_template_csv(),
            "communitylens_lives_template.csv",
            "text/csv",
            key="formats_live_template",
        )
        return
    live = view.live
    if live is None:
        st.info(_("No LIVE in this period. Pick a longer period in the sidebar."), icon="📅")
        return
    for column, kpi in zip(st.columns(4) + st.columns(4), live.kpis.itertuples(), strict=False):
        change = ui.format_change(kpi.change, "count")
        column.metric(
            kpi.label,
            kpi.display,
            delta=change,
            # Longer or shorter LIVEs are a choice, not good or bad news; no change is neither.
            **(
                wording.delta_style(change)
                or {"delta_color": "off" if kpi.metric == "average_duration_minutes" else "normal"}
            ),
            help=kpi.definition,
            border=True,
        )
    st.caption(live.note)
    ui.chart(charts.live_trend_chart(live.sessions), "formats_live_chart")
    st.markdown(_("**Best time to go LIVE.**") + " " + live.best_slot)
    audience = live.audience
    if live.regulars is not None:
        st.markdown(
            ngettext(
                "**Who keeps coming back.** {returning} of the {members} members who commented on your "
                "{count} LIVE replay or LIVE Q&A video commented on two or more of them.",
                "**Who keeps coming back.** {returning} of the {members} members who commented on your "
                "{count} LIVE replays and LIVE Q&A videos commented on two or more of them.",
                audience["count_live_videos"],
            ).format(
                returning=wording.count(audience["count_returning_members"]),
                members=wording.count(audience["count_members"]),
                count=wording.count(audience["count_live_videos"]),
            )
        )
        columns = {column: _(label) for column, label in REGULAR_COLUMNS.items()}
        st.dataframe(
            live.regulars[list(REGULAR_COLUMNS)].rename(columns=columns),
            hide_index=True,
            width="stretch",
            height=240,
            column_config={columns["last_commented_at"]: ui.timestamp_date_column()},
        )
    else:
        st.caption(
            _(
                "Upload the comments of your LIVE replays or LIVE Q&A videos to see who keeps coming back to "
                "your LIVEs."
            )
        )
    ui.download_csv(
        live.sessions, _("Download the LIVEs (CSV)"), "communitylens_lives.csv", key="formats_lives_download"
    )
