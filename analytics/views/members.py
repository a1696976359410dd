"""The Members page's model: who the members are, how loyal, and how the brand answers them.

`members_view` is everything the page's tiles and Tiers tab show, worked out from one tiering (a
single query, ~0.1 s): the deck's and the HTML report's member slides and `python -m analytics
members` render the same object, so the tier counts, the newcomers and the reply rate cannot
disagree between them. Work only one tab needs (every comment's sentiment, each video's format,
hashtag communities, one member's history, the reply effect) is in the functions below it and in
`TabWork`, run when that tab is drawn: the first tile never waits for a million comments' mood.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from analytics import communities, outreach, segments, wording
from analytics.definitions import COLUMN_LABELS, DEFINITIONS
from analytics.formats import video_formats
from analytics.i18n import N_, _, ngettext, term
from analytics.members import (
    NO_REPLIES,
    TierRules,
    member_names,
    member_stats,
    member_tiers,
    replies_shown,
    reply_effect,
    reply_stats,
    tier_counts,
    tier_meaning,
    tier_moves,
)
from analytics.overview import Period, default_period

DEFAULT_RULES = TierRules()

# The marketer's words for each member column, in the page's tables and its CSV downloads.

# Each tier threshold as the page asks for it: its label and what it also decides.
# (Marked with N_, translated where shown: the language is the run's.)
RULE_INPUTS = {
    "champion_min_videos": (N_("Champion: at least … videos"), N_("Distinct videos commented on.")),
    "champion_min_weeks": (
        N_("Champion: at least … active weeks"),
        N_("Calendar weeks with at least one comment."),
    ),
    "loyal_min_videos": (N_("Loyal: at least … videos"), N_("Also the bar for At risk and Lapsed.")),
    "loyal_min_weeks": (N_("Loyal: at least … active weeks"), N_("Also the bar for At risk and Lapsed.")),
    "active_days": (
        N_("Champion / Loyal: last comment ≤ … days ago"),
        N_("Past this, a loyal member is At risk."),
    ),
    "at_risk_days": (N_("At risk: last comment ≤ … days ago"), N_("Past this, a loyal member is Lapsed.")),
    "new_days": (
        N_("New: first comment ≤ … days ago"),
        N_("Also the window of the “New in the last … days” list."),
    ),
    "regular_min_videos": (N_("Regular: at least … videos"), N_("Everyone else is One-time.")),
}

# What a word added to the brand lexicon counts as, by sentiment code (shown as term("sentiment", code)).
LEXICON_VALUES = {"positive": 2.0, "negative": -2.0, "neutral": 0.0}

# Columns that quote or point at a member: never in a file that leaves the app with pseudonyms on.
# With pseudonyms on these never leave the app: a comment text can name members ("@linh_04").
PRIVATE_COLUMNS = ("last_comment_text", "text", "profile_link", "video_link")

TIER_TABLE_COLUMNS = (
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
)
PROFILE_COLUMNS = ("positive_response_rate", "communities", "usual_format")


def no_replies_help() -> str:
    """Why the reply rate is not measured, and which exports show replies."""
    return _(
        "Not measured: {no_replies}. Its comments have no parent-comment column, so nothing says which ones "
        "the brand answered. Apify's TikTok comments scraper (all fields) and the Business API show replies."
    ).format(no_replies=_(NO_REPLIES))


MIN_COMMENTS_FOR_RATE = 20  # below it, a reply rate is said as "3 of 7", not as a percentage


@dataclass(frozen=True)
class Tile:
    """One number as a tile shows it: its value, its worded change, and its definition on hover.

    `muted`: the change is a note ("not in this export"), drawn without colour or arrow."""

    label: str
    value: str
    change: str | None
    help: str
    muted: bool = False


@dataclass(frozen=True)
class MembersView:
    """Every number, table and sentence of the Members page's tiles and Tiers tab (and the deck's tiers)."""

    period: Period | None
    as_of: date
    rules: TierRules
    saved_rules: TierRules
    tiers: pd.DataFrame  # member_tiers with `rules`, one row per member
    saved_tiers: pd.DataFrame  # the same members with `saved_rules` (the same frame when no what-if)
    counts: pd.DataFrame  # tier_counts(tiers)
    moves: pd.DataFrame | None  # who changes tier from the saved rules to `rules`; None without a what-if
    newcomers: pd.DataFrame  # first comment in the last `rules.new_days` days, whatever their tier
    names: pd.Series  # what each member is called (pseudonym or label), indexed by member_id
    real_handles: bool
    replies: pd.Series  # reply_stats' overall row for the period
    shows_replies: bool
    reply_change: str | None  # the reply rate against the period before, worded
    tiles: tuple[Tile, ...]
    table_columns: tuple[str, ...]  # the Tiers table's columns (no brand replies where none are shown)
    headline: str  # the tiers in one sentence, as the deck says it
    note: str

    @property
    def count(self) -> dict[str, int]:
        """Members per tier, by tier name."""
        return dict(zip(self.counts["tier"], self.counts["count_members"].astype(int), strict=True))

    @property
    def count_members(self) -> int:
        return len(self.tiers)

    @property
    def is_what_if(self) -> bool:
        return self.rules != self.saved_rules

    @property
    def saved_rules_name(self) -> str:
        return _("default rules") if self.saved_rules == DEFAULT_RULES else _("saved rules")

    @property
    def reply_rate(self) -> float | None:
        rate = self.replies["reply_rate"]
        return None if not self.shows_replies or pd.isna(rate) else float(rate)

    def tier_table(self, frame: pd.DataFrame | None = None, extra: tuple[str, ...] = ()) -> pd.DataFrame:
        """A table's chosen columns (the Tiers table's by default), each member's name first, in a marketer's words."""
        return shown(self, self.tiers if frame is None else frame, [*self.table_columns, *extra])


def members_view(
    con: duckdb.DuckDBPyConnection,
    *,
    period: Period | None,
    as_of: date | None = None,
    rules: TierRules = DEFAULT_RULES,
    saved_rules: TierRules | None = None,
    real_handles: bool = False,
    salt: str | None = None,
) -> MembersView:
    """Who are the members and how loyal are they, as of `as_of`, and how did the brand answer them in `period`?

    Tiers count every comment up to `as_of` (default: the newest comment's day), whatever the period:
    loyalty needs the whole history. `rules` tier them; `saved_rules` (default: `rules`) are the ones in
    force, and when they differ the view says who moves. Replies count the period's comments (all of
    them without a period), against the period before. Names are pseudonyms (`salt`) unless `real_handles`.
    """
    saved_rules = rules if saved_rules is None else saved_rules
    stats = member_stats(con, as_of=as_of)
    as_of = as_of or _newest_day(con, stats)
    saved_tiers = member_tiers(stats, saved_rules)
    tiers = member_tiers(stats, rules) if rules != saved_rules else saved_tiers
    counts = tier_counts(tiers)
    count = dict(zip(counts["tier"], counts["count_members"].astype(int), strict=True))
    newcomers = segments.new_members(tiers, rules)
    names = pd.Series(
        member_names(tiers, real_handles=real_handles, salt=salt).to_numpy(), index=tiers["member_id"]
    )

    start, end = (period.start, period.end) if period else (None, None)
    replies = reply_stats(con, start=start, end=end).iloc[0]
    shows = bool(replies["replies_shown"])
    before = (
        reply_stats(con, start=period.previous().start, end=period.previous().end).iloc[0] if period else None
    )
    change = (
        None
        if before is None or pd.isna(replies["reply_rate"]) or pd.isna(before["reply_rate"])
        else wording.change(replies["reply_rate"] - before["reply_rate"], "percent")
    )

    def tier_tile(label: str, tier: str) -> Tile:
        meaning = tier_meaning(tier)
        return Tile(
            label,
            wording.count(count[tier]),
            None,
            _("{meaning}.").format(meaning=meaning[:1].upper() + meaning[1:]),
        )

    newcomers_higher = len(newcomers) - count["New"]

    # One definition with the tier chart: the New tier. Newcomers who already meet a higher tier's rule
    # (first rule met wins) are counted there, and the help says how many.
    tiles = (
        Tile(
            _("Members"),
            wording.count(len(tiers)),
            None,
            _("People who commented up to {day}, the brand excluded.").format(day=wording.day(as_of)),
        ),
        # Translators: a tile's title, the Champion tier in the plural.
        tier_tile(_("Champions"), "Champion"),  # i18n: a tier code
        tier_tile(term("tier", "At risk"), "At risk"),  # i18n: a tier code
        Tile(
            term("tier", "New"),
            wording.count(count["New"]),
            None,
            _(
                "The New tier, as in the chart: first comment in the {days} days up to {day}, not yet Loyal or "
                "Champion. With the {higher} newcomers already in a higher tier, {newcomers} people commented "
                "for the first time (the “New in the last {days} days” list)."
            ).format(
                days=wording.count(rules.new_days),
                day=wording.day(as_of),
                higher=wording.count(newcomers_higher),
                newcomers=wording.count(len(newcomers)),
            ),
        ),
        Tile(
            _("Reply rate"),
            wording.value(replies["reply_rate"], "percent"),
            change,
            _("{definition} Comments made in the sidebar period, against the period before.").format(
                definition=_(DEFINITIONS["reply_rate"][1])
            ),
        )
        if shows
        else Tile(_("Reply rate"), "—", _("not in this export"), no_replies_help(), muted=True),
        tier_tile(term("tier", "Loyal"), "Loyal"),  # i18n: a tier code
    )

    core = count["Champion"] + count["Loyal"]
    total = len(tiers)
    # Translators: "5 members keep coming back: 2 Champions and 3 Loyal, of 40 commenters".
    headline = ngettext(
        "{members} member keeps coming back: {champions} and {loyal} Loyal, of {commenters}",
        "{members} members keep coming back: {champions} and {loyal} Loyal, of {commenters}",
        core,
    ).format(
        members=wording.count(core),
        champions=ngettext("{count} Champion", "{count} Champions", count["Champion"]).format(
            count=wording.count(count["Champion"])
        ),
        loyal=wording.count(count["Loyal"]),
        commenters=ngettext("{count} commenter", "{count} commenters", total).format(
            count=wording.count(total)
        ),
    )
    numbers = {
        "at_risk": wording.count(count["At risk"]),
        "newcomers": wording.count(len(newcomers)),
        "days": wording.count(rules.new_days),
        "new": wording.count(count["New"]),
        "higher": wording.count(newcomers_higher),
        "one_time": wording.count(count["One-time"]),
    }
    sentences = [
        ngettext(
            "{at_risk} was loyal and is going quiet (At risk): re-engage them now.",
            "{at_risk} were loyal and are going quiet (At risk): re-engage them now.",
            count["At risk"],
        ),
        _(
            "{newcomers} commented for the first time in the last {days} days: welcome them "
            "({new} in the New tier, {higher} already in a higher one)."
        )
        if len(newcomers) != count["New"]
        else _("{newcomers} commented for the first time in the last {days} days: welcome them."),
        ngettext(
            "{one_time} commented on one video only.",
            "{one_time} commented on one video only.",
            count["One-time"],
        ),
    ]
    if not shows:
        sentences.append(_("Reply rate not measured: {no_replies}.").format(no_replies=_(NO_REPLIES)))
    note = " ".join(sentence.format(**numbers) for sentence in sentences)
    return MembersView(
        period=period,
        as_of=as_of,
        rules=rules,
        saved_rules=saved_rules,
        tiers=tiers,
        saved_tiers=saved_tiers,
        counts=counts,
        moves=tier_moves(saved_tiers, tiers) if rules != saved_rules else None,
        newcomers=newcomers,
        names=names,
        real_handles=real_handles,
        replies=replies,
        shows_replies=shows,
        reply_change=change,
        tiles=tiles,
        table_columns=tuple(
            column for column in TIER_TABLE_COLUMNS if shows or column != "count_brand_replies_received"
        ),
        headline=headline,
        note=note,
    )


def tiers_as_of(con: duckdb.DuckDBPyConnection, period: Period | None) -> date | None:
    """The day tiers are counted up to, unless the marketer picks another. The page's default and the
    deck's day: one rule, so they count the same tiers. None without comments.

    A period that runs to the end of the files (the latest 90 days, all data): the newest comment's
    day (metrics.md's default; a comment export is often a day newer than the daily files). An earlier
    period (last month): its last day, so October's report counts October's tiers; never before the
    first comment nor after the newest.
    """
    span = segments.comment_date_range(con)
    if span is None:
        return None
    first, newest = span
    files = default_period(con)
    if period is None or files is None or period.end >= files.end:
        return newest
    return min(max(period.end, first), newest)


def _newest_day(con: duckdb.DuckDBPyConnection, stats: pd.DataFrame) -> date:
    if len(stats):
        return pd.Timestamp(stats["as_of_date"].iloc[0]).date()
    span = segments.comment_date_range(con)
    return span[1] if span else date.today()


# ---------------------------------------------------------------- tables and files


def shown(view: MembersView, frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A table's chosen columns, each member's name (or pseudonym) first, in a marketer's words."""
    columns = [column for column in columns if view.shows_replies or column != "count_brand_replies_received"]
    table = frame.assign(member=frame["member_id"].map(view.names))[["member", *columns]]
    if "positive_response_rate" in table:
        table["positive_response_rate"] = (
            table["positive_response_rate"] * 100
        )  # shown as "71%" by a progress bar
    for column, kind in (("tier", "tier"), ("usual_format", "format")):
        if column in table:
            table[column] = table[column].map(lambda code, kind=kind: term(kind, code), na_action="ignore")
    return table.rename(columns=column_labels())


def column_labels() -> dict[str, str]:
    """Every member column's header in this run's language (definitions.COLUMN_LABELS, translated)."""
    return {column: _(label) for column, label in COLUMN_LABELS.items()}


_MENTION = r"@[\w.]+"  # a TikTok handle in a caption: letters, digits, "_" and "."


def for_download(view: MembersView, frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """What leaves the app: with pseudonyms on, no handle, name, comment text or link to a member goes with it."""
    kept = [
        column
        for column in columns
        if (view.real_handles or column not in PRIVATE_COLUMNS)
        and (view.shows_replies or column != "count_brand_replies_received")
        and column in frame
    ]
    out = frame.assign(member=frame["member_id"].map(view.names))[["member", *kept]]
    if not view.real_handles and "video_caption" in kept:  # "Replying to @member": no handle either
        out["video_caption"] = out["video_caption"].str.replace(_MENTION, "@…", regex=True)
    return out


def video_names(frame: pd.DataFrame) -> pd.Series:
    """Each comment's video as a marketer can find it: its caption, else its link, else its id (no Content
    export for it)."""

    def text(column: str) -> pd.Series:
        values = frame[column].astype("object") if column in frame else pd.Series(None, index=frame.index)
        return values.where(values.map(lambda value: isinstance(value, str) and bool(value.strip())))

    ids = text("video_id").map(lambda video_id: _("video {id}").format(id=video_id), na_action="ignore")
    return text("video_caption").fillna(text("video_url")).fillna(ids).fillna(_("not known"))


# ---------------------------------------------------------------- what only a tab needs


class TabWork:
    """Sentiment, formats, hashtag communities and profiles, each worked out the first time a tab asks.

    One per page run: `labels()` reads every comment's mood once (kept in `memo` and in DuckDB after
    that); a member's own page asks `labels(member_id)` and reads only their comments. `waiting` is a
    context manager the page shows while the mood is read, `progress(done, total)` its progress.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        view: MembersView,
        *,
        format_rules: Any = None,
        format_overrides: Mapping[str, str] | None = None,
        format_series: Mapping[str, str] | None = None,
        brand_hashtags: Callable[[pd.DataFrame], list[str]] | None = None,
        lexicon: dict[str, float] | None = None,
        corrections: dict[str, str] | None = None,
        memo: MutableMapping[str, Any] | None = None,
        waiting: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.con, self.view = con, view
        self._format_choices = (format_rules, format_overrides, format_series)
        self._brand_hashtags = brand_hashtags
        self._lexicon, self._corrections, self._memo = lexicon, corrections, memo
        self._waiting, self._progress = waiting, progress
        self._kept: dict[str, pd.DataFrame] = {}

    def labels(self, member_id: str | None = None) -> pd.DataFrame:
        """Every comment's sentiment (or one member's), with the marketer's words and corrections on top."""
        key = f"labelled_{member_id}" if member_id is not None else "labelled"
        if key not in self._kept and "labelled" in self._kept:
            everyone = self._kept["labelled"]
            self._kept[key] = everyone[everyone["member_id"] == member_id]
        if key not in self._kept:
            with self._waiting():
                self._kept[key] = segments.comment_sentiment(
                    self.con,
                    member_id=member_id,
                    progress=self._progress,
                    lexicon_additions=self._lexicon,
                    corrections=self._corrections,
                    memo=self._memo,
                )
        return self._kept[key]

    def formats(self) -> pd.DataFrame:
        if "formats" not in self._kept:
            rules, overrides, series = self._format_choices
            options = {"rules": rules} if rules is not None else {}
            self._kept["formats"] = video_formats(self.con, overrides=overrides, series=series, **options)
        return self._kept["formats"]

    def communities(self) -> pd.DataFrame:
        if "communities" not in self._kept:
            formats = self.formats()
            tags = (
                self._brand_hashtags(formats)
                if self._brand_hashtags
                else communities.likely_brand_hashtags(formats, None)
            )
            found = communities.hashtag_communities(formats, brand_hashtags=tags)
            self._kept["communities"] = communities.member_communities(
                self.con, formats, found, as_of=self.view.as_of
            )
        return self._kept["communities"]

    def profiles(self, frame: pd.DataFrame | None = None, member_id: str | None = None) -> pd.DataFrame:
        """`frame`'s tier rows (every member's by default) with their mood, usual format, hashtag
        communities and last comment."""
        if frame is None and "profiles" in self._kept:
            return self._kept["profiles"]
        profiles = segments.member_profiles(
            self.con,
            self.view.tiers if frame is None else frame,
            labelled=self.labels(member_id),
            formats=self.formats(),
            communities=self.communities(),
        )
        if frame is None:
            self._kept["profiles"] = profiles
        return profiles


@dataclass(frozen=True)
class ListsView:
    """The Lists tab: Champions to thank, At risk members to win back, newcomers to welcome."""

    candidates: pd.DataFrame
    at_risk: pd.DataFrame
    at_risk_takeaway: str
    newcomers: pd.DataFrame
    newcomers_takeaway: str
    tab_labels: tuple[str, str, str]


def lists_view(con: duckdb.DuckDBPyConnection, view: MembersView, work: TabWork) -> ListsView:
    """Who to thank, win back and welcome, each with their mood, usual format and hashtag communities."""
    profiles = work.profiles()
    quiet = segments.at_risk_members(profiles)
    # The New list spans the files' whole history up to the as-of day: can those files show replies?
    known = replies_shown(con, end=view.as_of)
    newcomers = segments.new_members(profiles, view.rules)
    count = view.count
    return ListsView(
        candidates=segments.ambassador_candidates(profiles),
        at_risk=quiet,
        at_risk_takeaway=segments.at_risk_takeaway(quiet, view.rules),
        newcomers=newcomers,
        newcomers_takeaway=segments.new_members_takeaway(newcomers, view.rules, replies_known=known),
        tab_labels=(
            _("Champions: ambassador candidates ({count})").format(count=wording.count(count["Champion"])),
            _("At risk: win them back ({count})").format(count=wording.count(count["At risk"])),
            _("New in the last {days} days: welcome them ({count})").format(
                days=wording.count(view.rules.new_days), count=wording.count(len(view.newcomers))
            ),
        ),
    )


def contact_rows(
    con: duckdb.DuckDBPyConnection,
    view: MembersView,
    frame: pd.DataFrame,
    outcomes: pd.DataFrame,
    account: str | None,
) -> pd.DataFrame:
    """A list's members with their profile and last-video links, and whether they came back after a contact."""
    return outreach.with_outcomes(
        outreach.member_links(con, frame, as_of=view.as_of, account=account), outcomes
    )


@dataclass(frozen=True)
class ProfileView:
    """One member: their tier and why, their numbers, and every comment with the brand's answer."""

    row: pd.Series
    history: pd.DataFrame
    communities_sentence: str | None


HISTORY_LABELS = {
    "commented_at": N_("When"),
    "text": N_("Comment"),
    "label": N_("Sentiment"),
    "likes": N_("Likes"),
    "video_caption": N_("Video"),
    "first_brand_reply_text": N_("The brand's reply"),
    "hours_to_first_reply": N_("Hours to reply"),
}


def history_labels() -> dict[str, str]:
    """A member's history columns in this run's language."""
    return {column: _(label) for column, label in HISTORY_LABELS.items()}


def profile_view(
    con: duckdb.DuckDBPyConnection, view: MembersView, work: TabWork, member_id: str
) -> ProfileView:
    """One member's page. Their comments only: it does not wait for a million comments' mood."""
    row = work.profiles(view.tiers[view.tiers["member_id"] == member_id], member_id).iloc[0]
    history = segments.member_timeline(con, member_id, work.labels(member_id))
    history = history.assign(
        video_caption=video_names(history),
        first_brand_reply_text=history["first_brand_reply_text"].astype("object").fillna(_("no reply")),
        label=history["label"].map(lambda label: term("sentiment", label)),
    )[list(HISTORY_LABELS)].rename(columns=history_labels())
    usual = row["usual_format"] if isinstance(row["usual_format"], str) else None
    return ProfileView(
        row=row,
        history=history,
        communities_sentence=(
            _("Hashtag communities: {communities}. Format they usually answer: {format}.").format(
                communities=row["communities"] or _("none"), format=term("format", usual) if usual else "—"
            )
            if row["communities"] or usual
            else None
        ),
    )


@dataclass(frozen=True)
class RepliesView:
    """The Replies tab: how often and how fast the brand answers, by format and tier, and whether it matters."""

    time_to_reply: str
    answered: str
    by_format: pd.DataFrame | None  # None without a Content export
    by_tier: pd.DataFrame | None  # None (and by_format) without a member comment in the period
    effect: dict[str, Any]
    effect_note: str


def replies_view(
    con: duckdb.DuckDBPyConnection, view: MembersView, work: TabWork, *, window_days: int = 30
) -> RepliesView:
    """How the brand answers: the rate with its Wilson interval per format and tier, and the reply effect."""

    def with_interval(table: pd.DataFrame) -> pd.DataFrame:
        return segments.with_rate_interval(
            table, "count_replied_comments", "count_top_level_comments", "reply_rate"
        )

    start, end = (view.period.start, view.period.end) if view.period else (None, None)
    by_format = by_tier = None
    if view.replies["count_top_level_comments"]:
        formats = work.formats()
        if not formats.empty:
            by_format = with_interval(reply_stats(con, start=start, end=end, by="format", formats=formats))
        by_tier = with_interval(reply_stats(con, start=start, end=end, by="tier", tiers=view.tiers))
    effect = reply_effect(con, window_days=int(window_days))
    hours = view.replies["median_hours_to_first_reply"]
    return RepliesView(
        # Translators: {hours} is a number of hours ("1.5").
        time_to_reply="—" if pd.isna(hours) else _("{hours} h").format(hours=wording.value(hours, "decimal")),
        answered=_("{answered} of {total}").format(
            answered=wording.plain(view.replies["count_replied_comments"]),
            total=wording.plain(view.replies["count_top_level_comments"]),
        ),
        by_format=by_format,
        by_tier=by_tier,
        effect=effect,
        effect_note=_(
            "Uses every member's first comment in all your data (not only the sidebar period). "
            "{members} members commented for the first time less than {days} days before the newest comment: "
            "too recent to tell, left out."
        ).format(
            members=wording.count(effect["count_too_recent_members"]), days=wording.count(int(window_days))
        ),
    )


@dataclass(frozen=True)
class SentimentView:
    """The Sentiment tab: the share of positive comments, by month, format and tier, and the complaint queue."""

    labelled: pd.DataFrame
    mood: pd.DataFrame
    mood_change: str | None
    by_month: pd.DataFrame
    by_format: pd.DataFrame | None  # None without a Content export or without a comment in the period
    by_tier: pd.DataFrame | None  # None without a comment in the period
    queue: pd.DataFrame
    has_comments: bool
    formats_missing: bool


def sentiment_view(view: MembersView, work: TabWork) -> SentimentView:
    """How members feel: every comment labelled, the period against the one before, and the complaints left."""
    labelled = work.labels()
    period = view.period
    start, end = (period.start, period.end) if period else (None, None)
    mood = segments.sentiment_rates(labelled, start=start, end=end)
    before = (
        segments.sentiment_rates(labelled, start=period.previous().start, end=period.previous().end)
        if period
        else None
    )
    rate = "positive_response_rate"
    mood_change = (
        None
        if before is None or pd.isna(mood[rate].iloc[0]) or pd.isna(before[rate].iloc[0])
        else wording.change(mood[rate].iloc[0] - before[rate].iloc[0], "percent")
    )
    has_comments = bool(mood["count_labelled_comments"].iloc[0])
    formats = work.formats() if has_comments else pd.DataFrame()
    return SentimentView(
        labelled=labelled,
        mood=mood,
        mood_change=mood_change,
        by_month=segments.sentiment_rates(labelled, by="month"),
        by_format=segments.sentiment_rates(labelled, by="format", formats=formats, start=start, end=end)
        if has_comments and not formats.empty
        else None,
        by_tier=segments.sentiment_rates(labelled, by="tier", tiers=view.tiers, start=start, end=end)
        if has_comments
        else None,
        queue=segments.complaint_queue(work.con, labelled, start=start, end=end),
        has_comments=has_comments,
        formats_missing=has_comments and formats.empty,
    )
