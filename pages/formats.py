"""Interaction formats: which kinds of video build the community, when to post them, and how the LIVEs go."""

from datetime import date

import pandas as pd
import streamlit as st

import ui
from analytics import charts_formats as charts
from analytics import lives, preferences, timezones, wording
from analytics.formats import (
    DEFAULT_RULES,
    FORMATS,
    PUBLISHED_CLAIMS,
    best_posting_slots,
    engagement_by_format,
    format_takeaway,
    formats_by_month,
    hashtag_performance,
    posting_time_performance,
    video_formats,
)
from analytics.overview import Period
from analytics.templates import lives_template_csv

AUTOMATIC = "↺ Automatic (file or rules)"


st.title("Interaction formats")
st.caption(
    "Which kinds of video (tutorials, challenges, LIVE Q&As, giveaways…) earn your community's engagement, "
    "when to post them, and how your LIVEs go."
)

ws = ui.workspace()
if not ws.has("videos") and not ws.has("lives"):
    ui.no_data(
        "No videos yet. Upload your TikTok Studio Content export (one row per video) to compare formats."
    )
    st.stop()
period = ui.current_period()
start, end = (period.start, period.end) if period else (None, None)


def session_preferences() -> dict:
    """This session's rules and hand-set formats: read from disk once per workspace, never for the demo."""
    state = st.session_state.get("formats_preferences")
    if state is None or state["workspace"] is not ws:
        remembered = not ui.is_demo()
        state = {
            "workspace": ws,
            "rules": (preferences.load_format_rules() if remembered else None) or DEFAULT_RULES,
            "overrides": preferences.load_format_overrides() if remembered else {},
            "version": 0,  # bumped after each saved edit, so the editors start clean on the new data
            "saved": True,
        }
        st.session_state.formats_preferences = state
        # The next brand's hashtags and time zone are guessed afresh, not carried over from the last one.
        st.session_state.pop("formats_brand_hashtags", None)
        st.session_state.pop("formats_utc_offset", None)
    return state


def remember(*, rules: dict | None = None, overrides: dict | None = None, reset_rules: bool = False) -> None:
    state = session_preferences()
    state["rules"] = DEFAULT_RULES if reset_rules else rules or state["rules"]
    state["overrides"] = state["overrides"] if overrides is None else overrides
    state["version"] += 1
    if not ui.is_demo():
        rules_saved = preferences.save_format_rules(None if reset_rules else state["rules"])
        state["saved"] = rules_saved and preferences.save_format_overrides(state["overrides"])
    st.rerun()


prefs = session_preferences()
rules, overrides = prefs["rules"], prefs["overrides"]

left, right = st.columns([1, 2])
min_videos = left.number_input(
    "Fewest videos to compare a format",
    min_value=2,
    max_value=50,
    value=5,
    key="formats_min_videos",
    help="A format with fewer videos is greyed and marked “not enough videos to say”.",
)
show_claims = right.toggle(
    "Show the playbook's published claims",
    value=False,
    key="formats_show_claims",
    help="Video challenge 35–45%, LIVE Q&A 30–40%, mini game 25–35% “average interaction”, as published. Not your data.",
)

videos = video_formats(ws.con, rules=rules, overrides=overrides, start=start, end=end)
table = engagement_by_format(
    ws.con, rules=rules, overrides=overrides, min_videos=min_videos, start=start, end=end
)
if not videos.empty:
    st.info(f"**{ui.markdown_escape(format_takeaway(videos, min_videos=min_videos))}**", icon="💡")
    if (~table["is_small_sample"]).sum() < 2 and st.session_state.get("period_preset") != "All data":
        st.caption(
            f"Only {wording.plural(len(videos), 'video')} {'was' if len(videos) == 1 else 'were'} posted in this period, "
            "too few to compare most formats. "
            "A longer period gives every format more videos."
        )
        st.button("Compare over all my data", key="formats_use_all_data", on_click=ui.use_all_data)

by_format, fixing, hashtags_tab, timing, live_tab = st.tabs(
    ["By format", "Check and fix formats", "Hashtags", "When to post", "LIVE"]
)

with by_format:
    if videos.empty:
        st.info(
            "No videos posted in this period. Pick a longer period in the sidebar."
            if ws.has("videos")
            else "No videos loaded yet: upload TikTok Studio's Content export to compare formats.",
            icon="📅",
        )
    else:
        ui.chart(
            charts.format_rate_chart(
                table, claims=PUBLISHED_CLAIMS if show_claims else None, min_videos=min_videos
            ),
            "formats_rate_chart",
        )
        if show_claims:
            st.caption(
                "Orange bands: the community-building playbook's **published claims** of “average interaction” "
                "per format. They are not your data, and the playbook does not say how it computes them, so "
                "they may not compare with engagements ÷ views."
            )
        st.dataframe(
            charts.formats_table(table),
            hide_index=True,
            width="stretch",
            column_config={
                label: st.column_config.Column(help=text) for label, text in charts.FORMATS_TABLE_HELP.items()
            },
        )
        small = table.loc[table["is_small_sample"], "format"].tolist()
        st.caption(
            (
                f"Grey: {ui.markdown_escape(', '.join(small))}, with fewer than {min_videos} videos: not enough videos to say. "
                if small
                else ""
            )
            + "Hover a column's name for its definition. Completion, watch time and follows appear when your "
            "files have them."
        )
        ui.download_csv(
            table, "Download the formats table (CSV)", "communitylens_formats.csv", key="formats_download"
        )
        ui.chart(
            charts.formats_by_month_chart(
                formats_by_month(ws.con, rules=rules, overrides=overrides, start=start, end=end)
            ),
            "formats_month_chart",
        )
        ui.chart(charts.video_scatter_chart(videos), "formats_scatter_chart")

with fixing:
    every_video = video_formats(ws.con, rules=rules, overrides=overrides)
    sources = every_video["format_source"].value_counts()
    st.markdown(
        f"Each video's format comes from, in this order: **your fix** ({wording.plural(sources.get('override', 0), 'video')}), "
        f"the **format column** of your file ({sources.get('file', 0):,}), the **caption rules** "
        f"({sources.get('rules', 0):,}). {'The video is' if len(every_video) == 1 else f'All {len(every_video):,} videos are'} listed, "
        "whatever the period."
    )
    search = st.text_input(
        "Show videos whose caption contains",
        key="formats_fix_search",
        placeholder="e.g. giveaway, #phinchallenge",
    )
    newest_first = every_video.iloc[::-1]
    if search:
        matching = newest_first[preferences.captions_containing(newest_first["caption"], search)]
    else:
        matching = newest_first
    editable = pd.DataFrame(
        {
            "Posted": matching["posted_at"].dt.date,
            "Caption": matching["caption"],
            "Views": matching["total_views"],
            "Format": matching["format"],
            "Why": matching["reason"],
        }
    ).reset_index(drop=True)
    st.caption("Newest first. Click a video's format to fix it; pick “↺ Automatic” to undo a fix.")
    options = [AUTOMATIC, *dict.fromkeys([*FORMATS, *rules, *every_video["format"]])]
    edited = st.data_editor(
        editable,
        key=f"formats_fix_table_{prefs['version']}",
        hide_index=True,
        width="stretch",
        height=320,
        disabled=["Posted", "Caption", "Views", "Why"],
        column_config={
            "Posted": ui.date_column(),
            "Caption": st.column_config.TextColumn(width="large"),
            "Views": ui.count_column(),
            "Format": st.column_config.SelectboxColumn(
                options=options, required=True, width="medium", help="Pick the right format to fix a video."
            ),
            "Why": st.column_config.TextColumn(width="medium", help="Where the format came from."),
        },
    )
    changed = (edited["Format"] != editable["Format"]).to_numpy()
    if changed.any():
        updated = dict(overrides)
        for video_id, name in zip(matching["video_id"][changed], edited["Format"][changed], strict=True):
            updated = preferences.with_overrides(updated, [video_id], None if name == AUTOMATIC else name)
        remember(overrides=updated)

    if search and not matching.empty:
        bulk_left, bulk_right = st.columns([2, 1], vertical_alignment="bottom")
        bulk_format = bulk_left.selectbox(
            f"Set the format of the {wording.plural(len(matching), 'video')} whose caption contains “{ui.markdown_escape(search)}”",
            options[1:],
            key="formats_bulk_format",
        )
        if bulk_right.button(
            f"Set {wording.plural(len(matching), 'video')} to {ui.markdown_escape(bulk_format)}",
            key="formats_bulk_apply",
        ):
            remember(overrides=preferences.with_overrides(overrides, matching["video_id"], bulk_format))
    if overrides and st.button(
        f"Forget the {wording.plural(len(overrides), 'format')} set by hand", key="formats_forget_fixes"
    ):
        remember(overrides={})

    with st.expander("Edit the caption rules"):
        st.caption(
            "A video without a format in your file gets the first format below whose words or hashtags appear in "
            "its caption. Words match whole words in any case, and a missing accent is forgiven; `#word` is that "
            "hashtag exactly; `...` stands for any letters (`#...challenge` is any hashtag ending in “challenge”). "
            "Separate words with commas; add a row for a format of your own. LIVE words (live, en vivo, trực tiếp…) "
            "count only when the caption announces, invites to or replays a LIVE (a time, a day, “join”, “replay”, "
            "Q&A): live music, a live map or a YouTube premiere never do. A giveaway counts as a Mini game."
        )
        rules_table = preferences.rules_table(rules)
        edited_rules = st.data_editor(
            rules_table,
            key=f"formats_rules_table_{prefs['version']}",
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={
                "format": st.column_config.TextColumn("Format", width="medium", required=True),
                "patterns": st.column_config.TextColumn(
                    "Words and hashtags (comma-separated)", width="large"
                ),
            },
        )
        new_rules = preferences.rules_from_table(edited_rules)
        if new_rules != preferences.rules_from_table(rules_table):
            remember(rules=new_rules)
        if rules != DEFAULT_RULES and st.button("Back to the default rules", key="formats_rules_reset"):
            remember(reset_rules=True)
    if ui.is_demo():
        st.caption("On the demo brand your fixes and rules last for this session only.")
    elif prefs["saved"]:
        st.caption(
            f"Your fixes and rules are remembered on this computer, in {preferences.preferences_folder()}."
        )
    else:
        st.warning("We could not save your fixes to disk, so they last for this session only.", icon="💾")
    ui.download_csv(
        every_video.drop(columns=["video_url"]),
        "Download every video with its format (CSV)",
        "communitylens_video_formats.csv",
        key="formats_videos_download",
    )

with hashtags_tab:
    handles = ws.detected_brand_handles()
    handle = handles[0] if handles else None
    every_tag = hashtag_performance(ws.con, start=start, end=end)
    if "formats_brand_hashtags" not in st.session_state:
        remembered_tags = None if ui.is_demo() else preferences.load_brand_hashtags(handle)
        guessed = preferences.guess_brand_hashtags(every_tag["hashtag"], handle)
        st.session_state.formats_brand_hashtags = " ".join(remembered_tags or guessed)

    def save_brand_hashtags() -> None:
        if not ui.is_demo():
            tags = preferences.parse_hashtags(st.session_state.formats_brand_hashtags)
            preferences.save_brand_hashtags(handle, tags)

    typed = st.text_input(
        "Your brand hashtags",
        key="formats_brand_hashtags",
        on_change=save_brand_hashtags,
        help="Pinned on top of the table. We guessed them from your account handle; change them freely.",
    )
    tags = hashtag_performance(ws.con, brand_hashtags=preferences.parse_hashtags(typed), start=start, end=end)
    if tags.empty:
        st.info("None of the videos of this period has a hashtag in its caption.", icon="#️⃣")
    else:
        ui.chart(charts.hashtag_chart(tags, min_videos=min_videos), "formats_hashtag_chart")
        st.dataframe(
            tags.rename(
                columns={
                    "hashtag": "Hashtag",
                    "is_brand_hashtag": "Brand hashtag",
                    "count_videos": "Videos",
                    "total_views": "Views",
                    "total_engagements": "Engagements",
                    "engagement_rate": "Engagement rate",
                }
            ).style.format(
                {"Views": "{:,.0f}", "Engagements": "{:,.0f}", "Engagement rate": "{:.1%}"}, na_rep="—"
            ),
            hide_index=True,
            width="stretch",
            height=300,
        )
        ui.download_csv(
            tags, "Download the hashtags (CSV)", "communitylens_hashtags.csv", key="formats_hashtags_download"
        )

with timing:
    middle = start + (end - start) / 2 if start and end else date.today()
    guess = timezones.guess_time_zone(ws.con, on=middle)
    choices = timezones.offset_choices()
    offset = st.columns([1, 2])[0].selectbox(
        "Time zone of your audience",
        choices,
        index=choices.index(guess.utc_offset_hours)
        if guess.utc_offset_hours in choices
        else choices.index(0),
        format_func=timezones.describe_offset,
        key="formats_utc_offset",
    )
    zone_note = (
        guess.reason
        if offset == guess.utc_offset_hours
        else f"Times are in {timezones.describe_offset(offset)}, as you chose."
    )
    st.caption(ui.markdown_escape(zone_note) + " Change it above if your audience lives elsewhere.")
    if ws.has("follower_activity"):
        activity = timezones.follower_activity_grid(ws.con)
        ui.chart(charts.follower_activity_heatmap(activity), "formats_activity_heatmap")
        peaks = timezones.peak_activity_hours(activity)
        st.markdown("**Your followers are most active**\n" + "".join(f"\n- {peak}" for peak in peaks))
    else:
        st.info(
            "Upload TikTok Studio's Followers export (it holds FollowerActivity) to see when your followers are online.",
            icon="🕗",
        )
    grid = posting_time_performance(ws.con, utc_offset_hours=offset, start=start, end=end)
    if grid["count_videos"].sum():
        zone = timezones.describe_offset(offset)
        ui.chart(charts.posting_time_heatmap(grid, zone=zone), "formats_posting_heatmap")
        slots = best_posting_slots(grid, min_videos=2)
        if slots:
            st.markdown(
                "**Your best posting slots so far** (2 videos or more each)\n"
                + "".join(f"\n- {slot}" for slot in slots)
            )
        else:
            st.caption("No hour has 2 videos or more yet, so no slot can be called best.")

with live_tab:
    if not ws.has("lives"):
        st.info(
            "**No LIVE data yet.** TikTok does not export LIVE sessions. Download our LIVE template, fill in one row "
            "per broadcast (start time, viewers, peak viewers, comments, likes, shares, gifts, new followers: copy "
            "them from each LIVE's analytics in TikTok), and upload it in the sidebar.",
            icon="🔴",
        )
        st.download_button(
            "Download the LIVE template (CSV)",
            lives_template_csv(),
            "communitylens_lives_template.csv",
            "text/csv",
            key="formats_live_template",
        )
    else:
        sessions = lives.live_sessions(ws.con, start=start, end=end)
        if sessions.empty:
            st.info("No LIVE in this period. Pick a longer period in the sidebar.", icon="📅")
        else:
            # Without a sidebar period (only the LIVE sheet loaded), the LIVEs' own span is the period.
            first, last = sessions["started_at"].min().date(), sessions["started_at"].max().date()
            live_period = period or Period(first, last)
            before = live_period.previous()
            kpis = lives.live_kpis(
                ws.con, start=live_period.start, end=live_period.end, previous=(before.start, before.end)
            )
            for column, kpi in zip(st.columns(4) + st.columns(4), kpis.itertuples(), strict=False):
                column.metric(
                    kpi.label,
                    kpi.display,
                    delta=ui.format_change(kpi.change, "count"),
                    # Longer or shorter LIVEs are a choice, not good or bad news; no change is neither.
                    **(
                        wording.delta_style(ui.format_change(kpi.change, "count"))
                        or {"delta_color": "off" if kpi.metric == "average_duration_minutes" else "normal"}
                    ),
                    help=kpi.definition,
                    border=True,
                )
            note = f"{wording.plural(len(sessions), 'LIVE')} from {wording.day(first)} to {wording.day(last)}"
            if kpis["previous_value"].isna().all():
                note += f"; none in {live_period.compared_with()} to compare with"
            st.caption(note + ". Hover a number for its definition.")
            ui.chart(charts.live_trend_chart(sessions), "formats_live_chart")
            st.markdown(
                "**Best time to go LIVE.** "
                + lives.best_live_slot(lives.live_slots(ws.con, start=start, end=end))
            )
            live_ids = videos.loc[videos["format"] == "LIVE Q&A", "video_id"].tolist()
            audience = lives.live_commenters_summary(ws.con, video_ids=live_ids)
            if audience["count_members"]:
                st.markdown(
                    f"**Who keeps coming back.** {audience['count_returning_members']:,} of the "
                    f"{audience['count_members']:,} members who commented on your {audience['count_live_videos']} "
                    "LIVE replays and LIVE Q&A videos commented on two or more of them."
                )
                regulars = lives.returning_live_members(ws.con, video_ids=live_ids)
                st.dataframe(
                    regulars[
                        ["member_handle", "count_live_videos", "count_comments", "last_commented_at"]
                    ].rename(
                        columns={
                            "member_handle": "Member",
                            "count_live_videos": "LIVE videos commented on",
                            "count_comments": "Comments",
                            "last_commented_at": "Last comment",
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                    height=240,
                    column_config={"Last comment": ui.timestamp_date_column()},
                )
            else:
                st.caption(
                    "Upload the comments of your LIVE replays or LIVE Q&A videos to see who keeps coming back to your LIVEs."
                )
            ui.download_csv(
                sessions, "Download the LIVEs (CSV)", "communitylens_lives.csv", key="formats_lives_download"
            )
