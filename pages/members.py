"""Members: who the community is, who is loyal or slipping away and why, and how the brand answers them."""

from dataclasses import asdict

import pandas as pd
import streamlit as st

import ui
from analytics import charts_members as charts
from analytics import communities, outreach, preferences, segments, wording
from analytics.definitions import DEFINITIONS
from analytics.formats import video_formats
from analytics.members import (
    ABSENT,
    NO_REPLIES,
    TIER_MEANINGS,
    TIER_ORDER,
    TierRules,
    brand_candidates,
    member_labels,
    member_stats,
    member_tiers,
    pseudonymize,
    replies_shown,
    reply_effect,
    reply_stats,
    tier_counts,
    tier_moves,
)
from analytics.sentiment import LABELS, METHOD_DESCRIPTION

DEFAULTS = TierRules()
RULE_INPUTS = {
    "champion_min_videos": ("Champion: at least … videos", "Distinct videos commented on."),
    "champion_min_weeks": ("Champion: at least … active weeks", "Calendar weeks with at least one comment."),
    "loyal_min_videos": ("Loyal: at least … videos", "Also the bar for At risk and Lapsed."),
    "loyal_min_weeks": ("Loyal: at least … active weeks", "Also the bar for At risk and Lapsed."),
    "active_days": ("Champion / Loyal: last comment ≤ … days ago", "Past this, a loyal member is At risk."),
    "at_risk_days": ("At risk: last comment ≤ … days ago", "Past this, a loyal member is Lapsed."),
    "new_days": ("New: first comment ≤ … days ago", "Also the window of the “New this month” list."),
    "regular_min_videos": ("Regular: at least … videos", "Everyone else is One-time."),
}
COLUMNS = {
    "member": "Member",
    "tier": "Tier",
    "reason": "Why this tier",
    "count_comments": "Comments",
    "count_videos": "Videos",
    "active_weeks": "Active weeks",
    "active_days": "Active days",
    "first_seen_at": "First seen",
    "last_seen_at": "Last seen",
    "days_since_last": "Days since last comment",
    "total_likes_received": "Likes received",
    "count_brand_replies_received": "Brand replies received",
    "positive_rate": "Positive comments",
    "communities": "Hashtag communities",
    "usual_format": "Format they usually answer",
    "last_comment_text": "Last comment",
    "ambassador_score": "Ambassador score",
    "likes_per_comment": "Likes per comment",
    "profile_link": "Profile",
    "video_link": "Last video",
    "contact_status": "Follow-up",
}
COLUMN_CONFIG = {
    "Member": st.column_config.TextColumn(width="medium"),
    "Positive comments": st.column_config.ProgressColumn(
        format="%.0f%%", min_value=0, max_value=100, help="Share of their comments labelled positive."
    ),
    "Ambassador score": st.column_config.ProgressColumn(
        format="%d",
        min_value=0,
        max_value=100,
        help="Activity, share of positive comments and likes per comment together: the mean of their "
        "percentile ranks among Champions (100 = best on all three).",
    ),
    "First seen": ui.timestamp_date_column(),
    "Last seen": ui.timestamp_date_column(),
    "Likes per comment": st.column_config.NumberColumn(format="%.1f"),
    "Why this tier": st.column_config.TextColumn(width="large"),
    "Last comment": st.column_config.TextColumn(width="large"),
    "Contacted": st.column_config.CheckboxColumn(
        width=100,
        help="Tick when you reach out to this member (a reply, a message, a gift): the day is remembered, "
        "and the list then says whether they came back.",
    ),
    "Profile": st.column_config.LinkColumn(
        display_text="Open profile",
        width=110,
        help="Their TikTok profile (only when the export gives a handle).",
    ),
    "Last video": st.column_config.LinkColumn(
        display_text="Open video", width=105, help="The video of their last comment: answer them there."
    ),
    "Follow-up": st.column_config.TextColumn(
        width=320,
        help="When you marked them contacted, and whether they commented again on a later day (a comment on "
        "the contact day itself does not count). “Too soon to tell”: no comment in your files is newer than the "
        "contact day yet; upload a newer comments export.",
    ),
}
LEXICON_VALUES = {"Positive": 2.0, "Negative": -2.0, "Neutral": 0.0}

st.title("Members")
st.caption(
    "Who comments on your videos, how loyal each person is and why, who to thank, welcome or win back, "
    "and how the brand answers them."
)

ws = ui.workspace()
if not ws.has("comments"):
    ui.no_data(
        "This page needs a **comments export**. TikTok Studio does not export comments: use a comment export "
        "tool (Apify's TikTok comments scraper, an Excel comment exporter or the Business API) and upload its "
        "CSV, XLSX or JSON file in the sidebar."
    )
    st.stop()

period = ui.current_period()
start, end = (period.start, period.end) if period else (None, None)
first_day, newest_day = segments.comment_date_range(ws.con)

# ---------------------------------------------------------------- the brand's own account

NONE_OF_THESE = "None of these is my account"
brand_choices = brand_candidates(ws.con)
brand_now = ws.brand_accounts()
said_is, said_not = ws.brand_answer
answered = bool(set(brand_choices["member_id"]) & (said_is | said_not))
brand_choice_labels = dict(
    zip(
        brand_choices["member_id"],
        member_labels(brand_choices)
        + " · "
        + brand_choices["count_comments"].map(lambda n: f"{n:,} comment" + ("" if n == 1 else "s"))
        + " on "
        + brand_choices["count_videos"].map(lambda n: f"{n:,} video" + ("" if n == 1 else "s")),
        strict=True,
    )
)


def save_brand_answer() -> None:
    """Remember who the brand is among the accounts shown: the one picked, and not the others."""
    picked = st.session_state.members_brand_pick
    shown_ids = set(brand_choices["member_id"])
    accounts = (said_is - shown_ids) | ({picked} if picked != NONE_OF_THESE else set())
    not_accounts = ((said_not - shown_ids) | shown_ids) - accounts
    preferences.save_brand_answer(accounts, not_accounts, memory=ui.memory())
    ws.set_brand_answer(accounts, not_accounts)


if len(brand_now):
    st.caption(
        "Your own account, left out of the members (its comments count as your replies): "
        + "; ".join(
            f"**{ui.markdown_escape(label)}** ({ui.markdown_escape(reason)})"
            for label, reason in zip(member_labels(brand_now), brand_now["reason"], strict=True)
        )
        + "."
    )
# Asked out loud only when an account could be the brand's (on nearly every video, more than one
# video) but the rule cannot choose, e.g. a superfan who never misses a video beside the brand.
ask = not len(brand_now) and not answered and bool(brand_choices["could_be_brand"].any())
if ask:
    st.warning(
        "Which commenter is your own account? More than one account commented on nearly every video: "
        "answer below, once, so your replies are not counted as a member.",
        icon="🙋",
    )
elif not len(brand_now):
    handles = ", ".join("@" + ui.markdown_escape(handle) for handle in ws.detected_brand_handles()[:3])
    st.caption(
        "None of these comments is from your own account"
        + (f" ({handles}: the video links' accounts)" if handles else "")
        + ". If one is, say so under “Which of these commenters is you?”."
    )
with st.expander("Which of these commenters is you?", expanded=ask, icon="🙋"):
    options = [*brand_choice_labels, NONE_OF_THESE]
    current = next(
        (member_id for member_id in brand_choice_labels if member_id in set(brand_now["member_id"])), None
    )
    st.radio(
        "The accounts that commented on the most videos",
        options,
        index=options.index(current) if current else len(options) - 1,
        format_func=lambda option: ui.markdown_escape(brand_choice_labels.get(option, option)),
        key="members_brand_pick",
    )
    st.button("Save my answer", key="members_brand_save", on_click=save_brand_answer)
    st.caption(
        f"Remembered {ui.remembered_where()}. Found automatically when a commenter's handle or "
        "name is the account in the video links, or one account commented on nearly every video (90% or "
        "more) with at least twice the comments of any other."
    )


def saved_rules() -> TierRules:
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


def rules_from_inputs() -> TierRules:
    values = {
        name: int(st.session_state.get(f"members_rule_{name}", getattr(baseline, name)))
        for name in RULE_INPUTS
    }
    try:
        return TierRules(**values)
    except ValueError as problem:
        st.error(f"{problem} The saved rules are used until this is fixed.", icon="⚠️")
        return baseline


def remember_rules(back_to_defaults: bool) -> None:
    """Keep the thresholds typed (read when clicked: a value typed just before counts) as this client's
    tier rules, or go back to metrics.md's defaults."""
    try:
        rules = (
            DEFAULTS
            if back_to_defaults
            else TierRules(**{name: int(st.session_state[f"members_rule_{name}"]) for name in RULE_INPUTS})
        )
    except ValueError:
        return  # the page already says what is wrong with them
    preferences.save_tier_rules(None if rules == DEFAULTS else rules, memory=ui.memory())
    st.session_state.members_saved_rules = (ws, rules)
    for name, value in asdict(rules).items():
        st.session_state[f"members_rule_{name}"] = value


def save_label_edits(editor_key: str, comment_ids: list[str]) -> None:
    edits = ui.sentiment_edits()
    for position, change in st.session_state[editor_key]["edited_rows"].items():
        if "Label" in change and change["Label"] in LABELS:
            edits["corrections"][comment_ids[int(position)]] = change["Label"]
    ui.save_sentiment_edits()


def add_to_lexicon() -> None:
    word = " ".join(st.session_state.get("members_lexicon_word", "").split()).lower()
    if word:
        ui.sentiment_edits()["lexicon"][word] = LEXICON_VALUES[st.session_state.members_lexicon_feeling]
        ui.save_sentiment_edits()
    st.session_state.members_lexicon_word = ""


def shown(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A table's chosen columns, each member's name (or pseudonym) first, in a marketer's words."""
    columns = [column for column in columns if shows_replies or column != "count_brand_replies_received"]
    table = frame.assign(member=frame["member_id"].map(names))[["member", *columns]]
    if "positive_rate" in table:
        table["positive_rate"] = table["positive_rate"] * 100  # shown as "71%" by its ProgressColumn
    return table.rename(columns=COLUMNS)


def video_names(frame: pd.DataFrame) -> pd.Series:
    """Each comment's video as a marketer can find it: its caption, else its link, else its id (no Content
    export for it)."""

    def text(column: str) -> pd.Series:
        values = frame[column].astype("object") if column in frame else pd.Series(None, index=frame.index)
        return values.where(values.map(lambda value: isinstance(value, str) and bool(value.strip())))

    ids = text("video_id").map(lambda video_id: f"video {video_id}", na_action="ignore")
    return text("video_caption").fillna(text("video_url")).fillna(ids).fillna("not known")


def for_download(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """What leaves the app: with pseudonyms on, no handle, name or comment text goes with it."""
    kept = [
        column
        for column in columns
        if not (hide_handles and column == "last_comment_text")
        and (shows_replies or column != "count_brand_replies_received")
    ]
    return frame.assign(member=frame["member_id"].map(names))[["member", *kept]]


# ---------------------------------------------------------------- controls

left, middle, right = st.columns([1, 1.3, 1.7])
if not first_day <= st.session_state.get("members_as_of", newest_day) <= newest_day:
    st.session_state.pop("members_as_of", None)  # new data: back to its newest day
as_of = left.date_input(
    "Tiers as of",
    value=newest_day,
    min_value=first_day,
    max_value=newest_day,
    key="members_as_of",
    format=wording.DATE_INPUT_FORMAT,
    help="Tiers count every comment up to this day (default: the newest comment). "
    "Pick an earlier day to see who was a Champion then.",
)
hide_handles = middle.toggle(
    "Hide names",
    value=not ui.is_demo(),
    key="members_pseudonymize",
    help="For sharing a screen, a screenshot or a file with a client: every name and handle becomes a stable pseudonym "
    "(member-3f9a…), in the tables and the downloads, and comment texts are left out of the members file. "
    "Switch off to see who to contact. On by default for your own data; off for the fictional demo brand.",
)
right.caption(
    f"Tiers use every comment up to the as-of day, whatever the sidebar period: loyalty needs the whole "
    f"history. Replies, sentiment and the complaint queue follow the sidebar period"
    f"{f' ({period.describe()})' if period else ''}."
)

baseline = saved_rules()
with st.expander("Tier rules: change any threshold to see who would move, keep the ones that fit", icon="🎚️"):
    st.caption(
        "First matching rule wins, in this order: Champion, Loyal, At risk, Lapsed, New, Regular, One-time. "
        "Loyalty counts distinct videos and weeks, not raw comments: 30 comments under one video are a "
        "conversation, not loyalty. "
        + (
            "These are the default rules."
            if baseline == DEFAULTS
            else f"This client's own rules differ from the defaults; they are remembered {ui.remembered_where()}."
        )
    )
    rule_columns = st.columns(4)
    for index, (name, (label, help_text)) in enumerate(RULE_INPUTS.items()):
        rule_columns[index % 4].number_input(
            label,
            min_value=0,
            max_value=3650,
            step=1,
            key=f"members_rule_{name}",
            help=f"{help_text} Default: {getattr(DEFAULTS, name)}.",
        )
    rules = rules_from_inputs()
    buttons = st.container(horizontal=True)
    buttons.button(
        "Keep these rules for this client",
        key="members_save_rules",
        on_click=remember_rules,
        args=(False,),
        disabled=rules == baseline,
        help=f"Every tier, list and report of this client then uses them (remembered {ui.remembered_where()}).",
    )
    buttons.button(
        "Back to the default rules",
        key="members_reset_rules",
        on_click=remember_rules,
        args=(True,),
        disabled=rules == DEFAULTS and baseline == DEFAULTS,
    )
is_what_if = rules != baseline
baseline_name = "default rules" if baseline == DEFAULTS else "saved rules"

# ---------------------------------------------------------------- analytics

# Cheap first: the tiers come from one query and are all the tiles and the Tiers tab need. Sentiment,
# formats and hashtag communities are worked out when a tab (or the table's switch) shows them, and
# each comment's label is kept once computed (analytics/labels.py): a million comments drew in 38 s.
edits = ui.sentiment_edits()
stats = member_stats(ws.con, as_of=as_of)
default_tiers = member_tiers(stats, baseline)
tiers = member_tiers(stats, rules) if is_what_if else default_tiers
salt = ui.pseudonym_salt()
names = pd.Series(
    pseudonymize(tiers["member_id"], salt=salt).to_numpy()
    if hide_handles
    else member_labels(tiers).to_numpy(),
    index=tiers["member_id"],
)
counts = tier_counts(tiers)
count = dict(zip(counts["tier"], counts["count_members"], strict=True))
newcomers = segments.new_members(tiers, rules)
replies = reply_stats(ws.con, start=start, end=end)
shows_replies = bool(replies["replies_shown"].iloc[0])
NO_REPLIES_HELP = (
    f"Not measured: {NO_REPLIES}. Its comments have no parent-comment column, so nothing says which ones "
    "the brand answered. Apify's TikTok comments scraper (all fields) and the Business API show replies."
)
previous = period.previous() if period else None
replies_before = reply_stats(ws.con, start=previous.start, end=previous.end) if previous else None
computed: dict[str, object] = {}  # what this run has worked out, each at most once


def sentiment_labels(member_id: str | None = None) -> pd.DataFrame:
    """Every comment's sentiment (or one member's), with the marketer's words and corrections on top."""
    key = f"labelled_{member_id}" if member_id is not None else "labelled"
    if key not in computed and "labelled" in computed:
        everyone = computed["labelled"]
        computed[key] = everyone[everyone["member_id"] == member_id]
    if key not in computed:
        bar = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            words = f"Reading the mood of {total:,} comment texts, once (the labels are kept): {done:,} done"
            bar = bar or st.progress(0.0)
            bar.progress(done / total, text=words)

        with st.spinner("Reading the mood of the comments…"):
            computed[key] = segments.comment_sentiment(
                ws.con,
                lexicon_additions=edits["lexicon"],
                corrections=edits["corrections"],
                memo=st.session_state.setdefault("sentiment_memo", {}),
                member_id=member_id,
                progress=progress,
            )
        if bar is not None:
            bar.empty()
    return computed[key]


def video_formats_now() -> pd.DataFrame:
    if "formats" not in computed:
        rules_in_force, overrides_in_force = ui.format_choices()
        computed["formats"] = video_formats(ws.con, rules=rules_in_force, overrides=overrides_in_force)
    return computed["formats"]


def member_communities() -> pd.DataFrame:
    if "communities" not in computed:
        formats = video_formats_now()
        found = communities.hashtag_communities(formats, brand_hashtags=ui.brand_hashtags(formats))
        computed["communities"] = communities.member_communities(ws.con, formats, found, as_of=as_of)
    return computed["communities"]


def profiles_of(frame: pd.DataFrame, member_id: str | None = None) -> pd.DataFrame:
    """`frame`'s tier rows with their mood, usual format, hashtag communities and last comment."""
    return segments.member_profiles(
        ws.con,
        frame,
        labelled=sentiment_labels(member_id),
        formats=video_formats_now(),
        communities=member_communities(),
    )


def all_profiles() -> pd.DataFrame:
    if "profiles" not in computed:
        computed["profiles"] = profiles_of(tiers)
    return computed["profiles"]


def change(now: pd.DataFrame, before: pd.DataFrame | None, column: str) -> str | None:
    if before is None or pd.isna(now[column].iloc[0]) or pd.isna(before[column].iloc[0]):
        return None
    return wording.change(now[column].iloc[0] - before[column].iloc[0], "percent")


reply_change = change(replies, replies_before, "reply_rate")

# One row of six, which the page's CSS (ui.PAGE_CSS) wraps to three and three on a laptop, two by two
# on a tablet: two rows of three would leave a tile alone on a line when they wrap.
tiles = st.columns(6)
tiles[0].metric(
    "Members",
    f"{len(tiers):,}",
    help=f"People who commented up to {wording.day(as_of)}, the brand excluded.",
    border=True,
)
tiles[1].metric(
    "Champions", f"{count['Champion']:,}", help=TIER_MEANINGS["Champion"].capitalize() + ".", border=True
)
tiles[2].metric(
    "At risk", f"{count['At risk']:,}", help=TIER_MEANINGS["At risk"].capitalize() + ".", border=True
)
# One definition with the tier chart: the New tier. Newcomers who already meet a higher tier's rule
# (first rule met wins) are counted there, and the help says how many.
tiles[3].metric(
    "New",
    f"{count['New']:,}",
    help=f"The New tier, as in the chart: first comment in the {rules.new_days} days up to {wording.day(as_of)}, "
    f"not yet Loyal or Champion. With the {len(newcomers) - count['New']:,} newcomers already in a higher tier, "
    f"{len(newcomers):,} people commented for the first time (the “New this month” list).",
    border=True,
)
tiles[4].metric(
    "Reply rate",
    ui.format_value(replies["reply_rate"].iloc[0], "percent") if shows_replies else "—",
    delta=reply_change if shows_replies else "not in this export",
    help=DEFINITIONS["reply_rate"][1] + " Comments made in the sidebar period, against the period before."
    if shows_replies
    else NO_REPLIES_HELP,
    border=True,
    **(wording.delta_style(reply_change) if shows_replies else {"delta_color": "off", "delta_arrow": "off"}),
)
tiles[5].metric("Loyal", f"{count['Loyal']:,}", help=TIER_MEANINGS["Loyal"].capitalize() + ".", border=True)

# Only the open tab runs (a tab switch reruns the page): the Sentiment tab's work is not the Tiers tab's wait.
tiers_tab, lists_tab, member_tab, replies_tab, sentiment_tab = st.tabs(
    ["Tiers", "Lists to act on", "One member", "Replies", "Sentiment"], key="members_view", on_change="rerun"
)

# ---------------------------------------------------------------- tiers

with tiers_tab:
    if tiers_tab.open:
        ui.chart(
            charts.tier_chart(
                counts, tier_counts(default_tiers) if is_what_if else None, baseline_name=baseline_name
            ),
            "members_tier_chart",
        )
        if is_what_if:
            moves = tier_moves(default_tiers, tiers)
            st.subheader("Who moves with your rules")
            if moves.empty:
                st.caption("Nobody changes tier with these thresholds.")
            else:

                def who(ids: list[str]) -> str:
                    listed = ", ".join(names.get(member_id, member_id) for member_id in ids[:6])
                    return listed + (f" and {len(ids) - 6:,} more" if len(ids) > 6 else "")

                st.dataframe(
                    pd.DataFrame(
                        {
                            f"From ({baseline_name})": moves["from_tier"].replace(ABSENT, "—"),
                            "To (your rules)": moves["to_tier"].replace(ABSENT, "—"),
                            "Members": moves["count_members"],
                            "Who (most active first)": moves["member_ids"].map(who),
                        }
                    ),
                    hide_index=True,
                    key="members_moves",
                )
        else:
            st.caption(
                "Change a threshold under “Tier rules” above: the counts update and the people who move are listed here."
            )

        st.subheader("Every member, and why they are in their tier")
        pick_column, more_column = st.columns([1, 2], vertical_alignment="bottom")
        pick = pick_column.selectbox("Show", ["All tiers", *TIER_ORDER], key="members_table_tier")
        more = more_column.toggle(
            "Add their mood, hashtag communities and usual format",
            key="members_table_more",
            help="Reads every comment's sentiment and every video's format: a few seconds the first time on a "
            "big comments export (the labels are then kept), instant after.",
        )
        table = tiers if pick == "All tiers" else tiers[tiers["tier"] == pick]
        if more:
            table = all_profiles() if pick == "All tiers" else profiles_of(table)
        columns = [
            "tier",
            "reason",
            "count_comments",
            "count_videos",
            "active_weeks",
            "active_days",
            "first_seen_at",
            "last_seen_at",
            "days_since_last",
            "total_likes_received",
            "count_brand_replies_received",
            *(["positive_rate", "communities", "usual_format"] if more else []),
        ]
        st.dataframe(
            shown(table, columns),
            hide_index=True,
            column_config=COLUMN_CONFIG,
            height=420,
            key="members_table",
        )
        st.caption(
            f"{len(table):,} members, highest activity first within each tier (activity: days with a comment, each month "
            "back counting 10% less). Hashtag communities: those of the videos they comment on (Community segments page)."
        )
        ui.download_csv(
            for_download(table, [*columns, *(["last_comment_text"] if more else [])]),
            "Download these members (CSV, opens safely in Excel)",
            "communitylens_members.csv",
            key="members_download",
        )

# ---------------------------------------------------------------- lists

memory = ui.memory()
contacted = outreach.load_contacted(memory)
outcomes = outreach.contact_outcomes(ws.con, contacted)
contacts_version = st.session_state.setdefault("members_contacts_version", 0)
brand_handles = ws.detected_brand_handles()
account = brand_handles[0] if len(brand_handles) == 1 else None


def remember_contacts(ticked: dict[str, bool]) -> None:
    """Keep who was ticked (contacted today) or unticked in this client's memory, and show it."""
    marks = outreach.with_contacts(contacted, ticked, ui.today())
    st.session_state.members_contacts_saved = outreach.save_contacted(marks, memory)
    st.session_state.members_contacts_version = contacts_version + 1  # a fresh table, read from memory
    st.rerun()


def contact_list(frame: pd.DataFrame, columns: list[str], key: str) -> pd.DataFrame:
    """One list to act on: a "Contacted" box, the links, the follow-up, then `columns`. Returns its rows."""
    listed = outreach.with_outcomes(
        outreach.member_links(ws.con, frame, as_of=as_of, account=account), outcomes
    )
    links = ["video_link"] if hide_handles else ["profile_link", "video_link"]  # a profile names them
    follow_up = ["contact_status"] if listed["is_contacted"].any() else []  # no empty column before a tick
    table = shown(
        listed.assign(contact_status=listed["contact_status"].fillna("")), [*follow_up, *links, *columns]
    )
    table.insert(0, "Contacted", listed["is_contacted"].to_numpy())
    edited = st.data_editor(
        table,
        hide_index=True,
        column_config=COLUMN_CONFIG,
        disabled=[column for column in table.columns if column != "Contacted"],
        key=f"{key}_{contacts_version}",
    )
    changed = (edited["Contacted"] != table["Contacted"]).to_numpy()
    if changed.any():
        remember_contacts(
            dict(zip(listed["member_id"][changed], edited["Contacted"][changed].astype(bool), strict=True))
        )
    return listed


def list_download(listed: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A list as a file: with its contacted day and whether they came back; links only with names shown."""
    follow_up = ["contacted_date", "came_back", "count_comments_since_contact"]
    return for_download(
        listed, [*columns, *follow_up, *([] if hide_handles else ["profile_link", "video_link"])]
    )


with lists_tab:
    if lists_tab.open:
        summary = outreach.contact_summary(outcomes, today=ui.today())
        kept = (
            "for this session only: the demo forgets them" if ui.is_demo() else "remembered for this client"
        )
        st.caption(
            (f"**{summary}** " if summary else "")
            + f"Tick “Contacted” next to a member when you reach out ({kept}); the list then says whether they "
            "came back: a comment on a later day than the contact."
        )
        if st.session_state.get("members_contacts_saved") is False:
            st.warning(
                "Your last “Contacted” tick could not be saved: the app's folder cannot be written. "
                "Check the disk and the folder's permissions (COMMUNITYLENS_HOME).",
                icon="⚠️",
            )
        champions_tab, at_risk_tab, new_tab = st.tabs(
            [
                f"Champions: ambassador candidates ({count['Champion']:,})",
                f"At risk: win them back ({count['At risk']:,})",
                f"New this month: welcome them ({len(newcomers):,})",
            ]
        )
        with champions_tab:
            st.caption(
                "Your core, best ambassador candidates first: they comment often, kindly, and the community likes "
                "what they say (ranked on activity, share of positive comments and likes per comment together)."
            )
            candidates = segments.ambassador_candidates(all_profiles())
            champion_columns = [
                "ambassador_score",
                "count_videos",
                "active_weeks",
                "positive_rate",
                "likes_per_comment",
                "communities",
                "usual_format",
            ]
            listed = contact_list(candidates, champion_columns, "members_champions")
            ui.download_csv(
                list_download(listed, champion_columns),
                "Download the Champions (CSV)",
                "communitylens_champions.csv",
                key="members_champions_download",
            )
        with at_risk_tab:
            quiet = segments.at_risk_members(all_profiles())
            st.info(f"**{ui.markdown_escape(segments.at_risk_takeaway(quiet, rules))}**", icon="💡")
            st.caption("They met the Loyal bar, then went quiet; most active history first.")
            quiet_columns = [
                "days_since_last",
                "last_comment_text",
                "usual_format",
                "count_videos",
                "active_weeks",
                "communities",
            ]
            listed = contact_list(quiet, quiet_columns, "members_at_risk")
            ui.download_csv(
                list_download(listed, quiet_columns),
                "Download the At risk members (CSV)",
                "communitylens_at_risk.csv",
                key="members_at_risk_download",
            )
        with new_tab:
            # The New list spans the files' whole history up to the as-of day: can those files show replies?
            newcomers_replies_known = replies_shown(ws.con, end=as_of)
            st.info(
                f"**{ui.markdown_escape(segments.new_members_takeaway(newcomers, rules, replies_known=newcomers_replies_known))}**",
                icon="💡",
            )
            st.caption("Newest first: a reply or a like now makes them feel seen.")
            new_columns = [
                "first_seen_at",
                "count_comments",
                "count_videos",
                "count_brand_replies_received",
                "last_comment_text",
                "tier",
                "communities",
            ]
            listed = contact_list(segments.new_members(all_profiles(), rules), new_columns, "members_new")
            ui.download_csv(
                list_download(listed, new_columns),
                "Download the new members (CSV)",
                "communitylens_new_members.csv",
                key="members_new_download",
            )

# ---------------------------------------------------------------- one member

with member_tab:
    if member_tab.open:
        choices = dict(
            zip(tiers["member_id"], names.to_numpy() + " · " + tiers["tier"].to_numpy(), strict=True)
        )
        member_id = st.selectbox(
            "Member",
            list(choices),
            format_func=choices.get,
            key="members_member",
            help="Members in tier order, most active first. Type to search.",
        )
        if member_id is not None:
            # Their comments only: one member's page does not wait for a million comments' mood.
            row = profiles_of(tiers[tiers["member_id"] == member_id], member_id).iloc[0]
            st.markdown(
                f"**{ui.markdown_escape(names[member_id])}** is **{row['tier']}**: {ui.markdown_escape(row['reason'])}."
            )
            facts = st.columns(5)
            facts[0].metric("Comments", f"{row['count_comments']:,}", border=True)
            facts[1].metric("Videos", f"{row['count_videos']:,}", border=True)
            facts[2].metric("Active weeks", f"{row['active_weeks']:,}", border=True)
            facts[3].metric(
                "Positive comments", ui.format_value(row["positive_rate"], "percent"), border=True
            )
            facts[4].metric(
                "Brand replies received",
                f"{row['count_brand_replies_received']:,}" if shows_replies else "Not shown",
                help=None if shows_replies else NO_REPLIES_HELP,
                border=True,
            )
            if row["communities"] or isinstance(row["usual_format"], str):
                st.caption(
                    f"Hashtag communities: {ui.markdown_escape(row['communities'] or 'none')}. "
                    f"Format they usually answer: {ui.markdown_escape(row['usual_format'] if isinstance(row['usual_format'], str) else '—')}."
                )
            history = segments.member_timeline(ws.con, member_id, sentiment_labels(member_id))
            st.dataframe(
                history.assign(
                    video_caption=video_names(history),
                    first_brand_reply_text=history["first_brand_reply_text"]
                    .astype("object")
                    .fillna("no reply"),
                )[
                    [
                        "commented_at",
                        "text",
                        "label",
                        "likes",
                        "video_caption",
                        "first_brand_reply_text",
                        "hours_to_first_reply",
                    ]
                ].rename(
                    columns={
                        "commented_at": "When",
                        "text": "Comment",
                        "label": "Sentiment",
                        "likes": "Likes",
                        "video_caption": "Video",
                        "first_brand_reply_text": "The brand's reply",
                        "hours_to_first_reply": "Hours to reply",
                    }
                ),
                hide_index=True,
                column_config={
                    "When": ui.date_column(with_time=True),
                    "Hours to reply": st.column_config.NumberColumn(format="%.1f"),
                    "Comment": st.column_config.TextColumn(width="large"),
                },
                key="members_history",
            )

# ---------------------------------------------------------------- replies

with replies_tab:
    if replies_tab.open:
        st.caption(
            f"Top-level comments members made {period.describe() if period else 'at any time'}; a reply counts "
            "whenever it came. Your own account is chosen at the top of the page."
        )
        if not shows_replies:
            st.info(NO_REPLIES_HELP, icon="💬")
        else:
            numbers = st.columns(3)
            ui.tile(
                numbers[0],
                "Reply rate",
                ui.format_value(replies["reply_rate"].iloc[0], "percent"),
                reply_change,
                DEFINITIONS["reply_rate"][1],
            )
            hours = replies["median_hours_to_first_reply"].iloc[0]
            numbers[1].metric(
                "Time to first reply",
                "—" if pd.isna(hours) else f"{hours:.1f} h",
                help=DEFINITIONS["time_to_first_reply"][1],
                border=True,
            )
            numbers[2].metric(
                "Comments answered",
                f"{replies['count_replied_comments'].iloc[0]:,} of {replies['count_top_level_comments'].iloc[0]:,}",
                border=True,
            )

            def with_interval(table: pd.DataFrame) -> pd.DataFrame:
                return segments.with_rate_interval(
                    table, "count_replied_comments", "count_top_level_comments", "reply_rate"
                )

            if replies["count_top_level_comments"].iloc[0]:
                formats = video_formats_now()
                if formats.empty:
                    st.info("Upload TikTok Studio's **Content** export to see replies by format.", icon="🎬")
                else:
                    by_format = reply_stats(ws.con, start=start, end=end, by="format", formats=formats)
                    ui.chart(
                        charts.reply_chart(with_interval(by_format), "format"), "members_reply_format_chart"
                    )
                by_tier = reply_stats(ws.con, start=start, end=end, by="tier", tiers=tiers)
                ui.chart(charts.reply_chart(with_interval(by_tier), "tier"), "members_reply_tier_chart")
            else:
                st.info("No member comments in this period. Pick a longer period in the sidebar.", icon="📅")

            st.subheader("Does answering bring members back?")
            window = st.columns(4)[0].number_input(
                "Came back within (days)",
                min_value=7,
                max_value=120,
                value=30,
                step=1,
                key="members_effect_window",
            )
            effect = reply_effect(ws.con, window_days=int(window))
            chart_column, text_column = st.columns([3, 2])
            with chart_column:
                ui.chart(charts.reply_effect_chart(effect), "members_reply_effect_chart")
            text_column.info(ui.markdown_escape(effect["sentence"]), icon="🔍")
            text_column.caption(
                f"Uses every member's first comment in all your data (not only the sidebar period). "
                f"{effect['count_too_recent_members']:,} members commented for the first time less than {int(window)} days "
                "before the newest comment: too recent to tell, left out."
            )

# ---------------------------------------------------------------- sentiment

with sentiment_tab:
    if sentiment_tab.open:
        labelled = sentiment_labels()
        formats = video_formats_now()
        mood = segments.sentiment_rates(labelled, start=start, end=end)
        mood_before = (
            segments.sentiment_rates(labelled, start=previous.start, end=previous.end) if previous else None
        )
        mood_change = change(mood, mood_before, "positive_response_rate")
        st.caption(
            "Every comment is labelled positive, neutral or negative on this computer, by word lists and rules "
            "(VADER for English, VADER-FR for French, our own lists for Spanish, Portuguese, Vietnamese and "
            "Indonesian, and emoji). It misses sarcasm and slang it does not know: correct it below."
        )
        with st.expander("How comments are labelled, and the limits", icon="ℹ️"):
            st.markdown(METHOD_DESCRIPTION)
        numbers = st.columns(4)
        ui.tile(
            numbers[0],
            "Positive comments",
            ui.format_value(mood["positive_response_rate"].iloc[0], "percent"),
            mood_change,
            DEFINITIONS["positive_response_rate"][1],
        )
        numbers[1].metric(
            "Member comments labelled", f"{mood['count_labelled_comments'].iloc[0]:,}", border=True
        )
        numbers[2].metric("Negative comments", f"{mood['count_negative_comments'].iloc[0]:,}", border=True)
        queue = segments.complaint_queue(ws.con, labelled, start=start, end=end)
        numbers[3].metric(
            "Complaints not answered",
            f"{len(queue):,}",
            help="Negative member comments with no reply from the brand.",
            border=True,
        )
        st.caption(
            f"Numbers for members' comments {period.describe() if period else 'at any time'}; the monthly chart shows all your data."
        )

        ui.chart(
            charts.sentiment_by_month_chart(segments.sentiment_rates(labelled, by="month")),
            "members_sentiment_month_chart",
        )
        if not mood["count_labelled_comments"].iloc[0]:
            # Two empty charts with a "0 1 2 3 4" axis said nothing: say why instead.
            st.info(
                "No member comments in this period, so no mood by format or by tier: pick a longer period in the sidebar.",
                icon="📅",
            )
        else:
            format_column, tier_column = st.columns(2)
            with format_column:
                if formats.empty:
                    st.info("Upload TikTok Studio's **Content** export to see the mood by format.", icon="🎬")
                else:
                    ui.chart(
                        charts.positive_rate_chart(
                            segments.sentiment_rates(
                                labelled, by="format", formats=formats, start=start, end=end
                            ),
                            "format",
                            overall=mood,
                        ),
                        "members_sentiment_format_chart",
                    )
            with tier_column:
                ui.chart(
                    charts.positive_rate_chart(
                        segments.sentiment_rates(labelled, by="tier", tiers=tiers, start=start, end=end),
                        "tier",
                        overall=mood,
                    ),
                    "members_sentiment_tier_chart",
                )

        st.subheader("Complaint queue")
        st.caption(
            "Negative comments the brand has not answered yet, newest first. Not a complaint? Change its label: "
            f"your correction wins over the method and is remembered {ui.remembered_where()}."
        )
        if queue.empty:
            st.success("No unanswered negative comment in this period.", icon="✅")
        else:
            first = queue.head(200)  # the newest 200 are shown; the file has them all
            queue_ids = first["comment_id"].tolist()
            queue_key = f"members_queue_{edits['version']}"
            st.data_editor(
                pd.DataFrame(
                    {
                        "When": first["commented_at"],
                        "Member": first["member_id"].map(names),
                        "Comment": first["text"],
                        "Label": first["label"],
                        "Likes": first["likes"],
                        "Video": video_names(first),
                    }
                ),
                hide_index=True,
                disabled=["When", "Member", "Comment", "Likes", "Video"],
                column_config={
                    "Label": st.column_config.SelectboxColumn(
                        options=list(LABELS), required=True, help="Change it if the method got it wrong."
                    ),
                    "When": ui.date_column(with_time=True),
                    "Comment": st.column_config.TextColumn(width="large"),
                },
                key=queue_key,
                on_change=save_label_edits,
                args=(queue_key, queue_ids),
            )
            ui.download_csv(
                # Names hidden: no comment text leaves the app either (it can name members: "@linh_04").
                queue.assign(member=queue["member_id"].map(names))[
                    [
                        "commented_at",
                        "member",
                        *([] if hide_handles else ["text"]),
                        "likes",
                        "video_caption",
                        "video_url",
                    ]
                ],
                "Download the complaint queue (CSV)",
                "communitylens_complaints.csv",
                key="members_queue_download",
            )

        st.subheader("Teach it your brand's words")
        st.caption(
            "Words the method does not know count as neutral. Add your products and your community's slang "
            "(“bạc xỉu”, “chân ái”, “pas ouf”…): every comment is labelled again with them, in every language."
        )
        word_column, feeling_column, button_column = st.columns([3, 2, 2], vertical_alignment="bottom")
        word_column.text_input(
            "Word, phrase or emoji", key="members_lexicon_word", placeholder="e.g. chân ái"
        )
        feeling_column.selectbox("Counts as", list(LEXICON_VALUES), key="members_lexicon_feeling")
        button_column.button("Add to the brand lexicon", key="members_lexicon_add", on_click=add_to_lexicon)
        if edits["lexicon"]:
            st.caption(
                "Your brand lexicon: "
                + ", ".join(
                    f"“{ui.markdown_escape(word)}” ({'positive' if value > 0 else 'negative' if value < 0 else 'neutral'})"
                    for word, value in edits["lexicon"].items()
                )
                + "."
            )
        if edits["corrections"]:
            st.caption(
                f"{len(edits['corrections']):,} labels corrected by hand (remembered {ui.remembered_where()})."
            )
        if edits["lexicon"] or edits["corrections"]:

            def forget() -> None:
                ui.sentiment_edits().update(lexicon={}, corrections={})
                ui.save_sentiment_edits()

            st.button("Forget my words and corrections", key="members_sentiment_forget", on_click=forget)

        with st.expander("Check and correct any comment's label"):
            search = st.text_input(
                "Comments containing", key="members_label_search", placeholder="e.g. chậm, cher, sweet"
            )
            which = st.selectbox("Labelled", ["any", *LABELS], key="members_label_filter")
            # One mask, then the 100 newest rows only: a million comments are not copied to show 100.
            matching = ~labelled["is_brand"].to_numpy(dtype=bool)
            if search.strip():
                matching &= (
                    labelled["text"]
                    .fillna("")
                    .str.contains(search.strip(), case=False, regex=False)
                    .to_numpy()
                )
            if which != "any":
                matching &= (labelled["label"] == which).to_numpy(dtype=bool)
            newest = labelled["commented_at"][matching].sort_values(ascending=False, kind="stable")
            found_comments = labelled.loc[newest.index[:100]]
            check_key = f"members_check_{edits['version']}"
            st.data_editor(
                pd.DataFrame(
                    {
                        "When": found_comments["commented_at"],
                        "Member": found_comments["member_id"].map(names).fillna(found_comments["member_id"]),
                        "Comment": found_comments["text"],
                        "Label": found_comments["label"],
                        "How": found_comments["method"].map(
                            lambda method: "your correction" if method == "correction" else "the method"
                        ),
                    }
                ),
                hide_index=True,
                disabled=["When", "Member", "Comment", "How"],
                column_config={
                    "Label": st.column_config.SelectboxColumn(options=list(LABELS), required=True),
                    "When": ui.date_column(with_time=True),
                    "Comment": st.column_config.TextColumn(width="large"),
                },
                key=check_key,
                on_change=save_label_edits,
                args=(check_key, found_comments["comment_id"].tolist()),
            )
            st.caption("The 100 newest matching comments.")
