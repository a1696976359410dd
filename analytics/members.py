"""Who the community's members are, how loyal they are, and how the brand answers them.

A member is one commenter (`member_id`), never the brand's own account: the brand's comments
count only as replies a member received. Loyalty counts distinct videos and weeks, not raw
comments, so a long conversation under one video does not make anyone a Champion.

Choices a reader would wonder about:

- The heavy counting is one DuckDB query (`queries/members_stats.sql`): it scales to tens of
  millions of comments; tiers, reasons and what-ifs are vectorised pandas on one row per member.
- A week is identified by its Monday, so week 1 of 2025 and week 1 of 2026 are two weeks, and
  31 December and 2 January of the same ISO week are one.
- "Days ago" are calendar days (UTC) between the comment's date and the as-of date.
- The ranking score is Orbit's decayed activity: active days in each 30-day month before the
  as-of date, times 0.9 per month ago, over 12 months.
- `reply_effect` looks at each member's first top-level comment (not every comment: heavy
  commenters would dominate and their comments are not independent) and calls a "return" a
  comment on another video within the window, so a "thanks!" under the brand's reply is not one.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from analytics import stats, wording
from analytics.db import read_sql
from analytics.export import excel_safe  # noqa: F401  (re-exported: members CSVs leave the app)
from analytics.i18n import N_, _, ngettext
from analytics.settings import SETTINGS

TIER_ORDER: tuple[str, ...] = ("Champion", "Loyal", "At risk", "Lapsed", "New", "Regular", "One-time")

# What each tier means, as a marketer acts on it (translated where shown: `tier_meaning`).
TIER_MEANINGS: dict[str, str] = {
    "Champion": N_("the core: ambassador candidates"),
    "Loyal": N_("keeps coming back"),
    "At risk": N_("was loyal, going quiet: re-engage now"),
    "Lapsed": N_("was loyal, gone quiet for months"),
    "New": N_("welcome them"),
    "Regular": N_("commented on more than one video"),
    "One-time": N_("commented on one video only"),
}

ABSENT = "(not in this list)"

# Said instead of a reply rate when the comments come from an export with no parent-comment
# column (the Excel exporter, Apify's default view): every comment would look unanswered.
NO_REPLIES = N_("this export does not show replies")  # shown as _(NO_REPLIES)

Moment = date | datetime | None


@dataclass(frozen=True)
class TierRules:
    """The thresholds behind each tier; every one can be changed for a what-if."""

    champion_min_videos: int = 5
    champion_min_weeks: int = 4
    loyal_min_videos: int = 3
    loyal_min_weeks: int = 2
    active_days: int = 30
    at_risk_days: int = 90
    new_days: int = 30
    regular_min_videos: int = 2

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int | np.integer) or value < 0:
                raise ValueError(
                    _("{name} must be a whole number of at least 0, not {value}.").format(
                        name=name, value=repr(value)
                    )
                )
        if self.at_risk_days < self.active_days:
            raise ValueError(_("The 'at risk' limit must be at least the 'active' limit (in days)."))


def _period_bounds(start: Moment, end: Moment) -> tuple[datetime | None, datetime | None]:
    """Start as a timestamp, end as an exclusive timestamp: a date `end` includes its whole day."""
    start_at = start if start is None or isinstance(start, datetime) else datetime.combine(start, time())
    if end is None:
        return start_at, None
    if not isinstance(end, datetime):
        return start_at, datetime.combine(end + timedelta(days=1), time())
    return start_at, end + timedelta(microseconds=1)


def member_stats(
    con: duckdb.DuckDBPyConnection,
    *,
    as_of: date | None = None,
    start: Moment = None,
    end: Moment = None,
) -> pd.DataFrame:
    """Who our members are: how often, on how many videos and how recently each one comments.

    One row per member (the brand excluded), counting only comments up to `as_of` (default: the
    newest comment's date) and inside the period [`start`, `end`] when given. With a `start`,
    "first seen" (and so the New tier) means first seen in the period. Columns: member_id,
    member_handle, member_name, count_comments, count_top_level_comments, count_videos,
    active_days, active_weeks, first_seen_at, last_seen_at, days_since_first, days_since_last,
    total_likes_received, count_brand_replies_received, score, as_of_date.
    """
    start_at, end_before = _period_bounds(start, end)
    params = {
        "as_of": as_of,
        "start_at": start_at,
        "end_before": end_before,
        "decay": SETTINGS.decay,
        "score_months": SETTINGS.score_months,
    }
    return con.execute(read_sql("members_stats"), params).df()


def tier_meaning(tier: str) -> str:
    """What a tier means, in this run's language ("keeps coming back"); a tier of its own as it is."""
    return _(TIER_MEANINGS[tier]) if tier in TIER_MEANINGS else tier


def days_ago(days: int) -> str:
    """How long ago a day was, in words: "today", "yesterday", "4 days ago"."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("{count} day ago", "{count} days ago", days).format(count=wording.count(days))


# A count with its noun, in words ("14 videos"), said inside each reason below.
def _videos(n: int) -> str:
    return ngettext("{count} video", "{count} videos", n).format(count=wording.count(n))


def _weeks(n: int) -> str:
    return ngettext("{count} week", "{count} weeks", n).format(count=wording.count(n))


def _comments(n: int) -> str:
    return ngettext("{count} comment", "{count} comments", n).format(count=wording.count(n))


def _last(days: int) -> str:
    # Translators: {when} is "yesterday", "today" or "4 days ago": when the member last commented.
    return _("last one today") if days == 0 else _("last {when}").format(when=days_ago(days))


def _worded(values: pd.Series, say: Callable[[int], str]) -> pd.Series:
    """`say` each distinct value once (a few hundred), not each member (a million comments' members)."""
    distinct = pd.unique(values)
    return values.map(dict(zip(distinct, [say(int(value)) for value in distinct], strict=True)))


# What each placeholder of a reason says, from which column.
_PARTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "videos": ("count_videos", _videos),
    "weeks": ("active_weeks", _weeks),
    "comments": ("count_comments", _comments),
    "last": ("days_since_last", _last),
    "when": ("days_since_last", days_ago),
    "first": ("days_since_first", days_ago),
}


def _sentence(template: str, rows: pd.DataFrame, parts: dict[str, pd.Series]) -> pd.Series:
    """One translated sentence per row: `template`'s {placeholders} filled from `rows`, vectorised
    (each part worded once, kept in `parts` for the tier's other sentences)."""
    text = pd.Series("", index=rows.index, dtype=object)
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        text = text + literal
        if field is not None:
            if field not in parts:
                column, say = _PARTS[field]
                parts[field] = _worded(rows[column], say)
            text = text + parts[field]
    return text


def _reasons(tier: np.ndarray, stats: pd.DataFrame) -> np.ndarray:
    """A sentence per member with the numbers behind its tier, built tier by tier (vectorised).

    Each tier's reason is one whole sentence for the translator; the counts and days inside it are
    worded once per distinct value."""
    reason = np.empty(len(stats), dtype=object)
    for name in TIER_ORDER:
        positions = np.flatnonzero(tier == name)
        if not len(positions):
            continue
        rows = stats.iloc[positions]
        parts: dict[str, pd.Series] = {}
        is_flood = (rows["count_comments"] > 1) & (rows["count_videos"] == 1)
        if name in ("Champion", "Loyal", "Regular"):
            # Translators: "commented on 14 videos over 9 weeks, last yesterday" ({last}: "last yesterday").
            text = _sentence(_("commented on {videos} over {weeks}, {last}"), rows, parts)
        elif name == "At risk":
            text = _sentence(_("commented on {videos} over {weeks}, but {last}: going quiet"), rows, parts)
        elif name == "Lapsed":
            text = _sentence(_("commented on {videos} over {weeks}, but {last}"), rows, parts)
        elif name == "New":
            # Translators: "first comment yesterday; 2 comments on 2 videos".
            text = _sentence(_("first comment {first}; {comments} on {videos}"), rows, parts)
            if is_flood.any():
                flood = _("first comment {first}; {comments}, all on 1 video: a conversation, not loyalty")
                text = text.mask(is_flood, _sentence(flood, rows, parts))
        else:
            # Translators: "1 comment, 200 days ago".
            text = _sentence(_("{comments}, {when}"), rows, parts)
            if is_flood.any():
                # Translators: {comments} is "31 comments".
                flood = _("{comments}, all on 1 video: a conversation, not loyalty")
                text = text.mask(is_flood, _sentence(flood, rows, parts))
        reason[positions] = text.to_numpy(dtype=object)
    return reason


def member_tiers(stats: pd.DataFrame, rules: TierRules = TierRules()) -> pd.DataFrame:
    """Which members are Champions, Loyal, at risk, lapsed, new, regulars or one-timers, and why.

    The `stats` rows (from `member_stats`) plus `tier` (first matching rule wins, in
    `TIER_ORDER`) and `reason`, a sentence with the numbers behind the tier; sorted by tier,
    then by `score` (decayed activity), highest first.
    """
    videos, weeks = stats["count_videos"], stats["active_weeks"]
    since_last, since_first = stats["days_since_last"], stats["days_since_first"]

    met_loyal_bar = (videos >= rules.loyal_min_videos) & (weeks >= rules.loyal_min_weeks)
    conditions = [
        (videos >= rules.champion_min_videos)
        & (weeks >= rules.champion_min_weeks)
        & (since_last <= rules.active_days),
        met_loyal_bar & (since_last <= rules.active_days),
        met_loyal_bar & (since_last > rules.active_days) & (since_last <= rules.at_risk_days),
        met_loyal_bar & (since_last > rules.at_risk_days),
        since_first <= rules.new_days,
        videos >= rules.regular_min_videos,
    ]
    tier = np.select(conditions, list(TIER_ORDER[:-1]), default=TIER_ORDER[-1])

    reason = _reasons(tier, stats)

    result = stats.assign(tier=tier, reason=reason)
    result["tier"] = result["tier"].astype(str)
    result["reason"] = result["reason"].astype(str)
    rank = result["tier"].map({name: position for position, name in enumerate(TIER_ORDER)})
    score = result["score"].to_numpy() if "score" in result else np.zeros(len(result))
    order = np.lexsort((result["member_id"].to_numpy(), -score, rank.to_numpy()))
    return result.iloc[order].reset_index(drop=True)


def tier_counts(tiers: pd.DataFrame) -> pd.DataFrame:
    """How many members each tier holds, in tier order (empty tiers included).

    Columns: tier, count_members, share_of_members (0 to 1), meaning.
    """
    counts = tiers["tier"].value_counts().reindex(list(TIER_ORDER), fill_value=0)
    total = int(counts.sum())
    return pd.DataFrame(
        {
            "tier": list(TIER_ORDER),
            "count_members": counts.to_numpy().astype("int64"),
            "share_of_members": counts.to_numpy() / total if total else np.zeros(len(TIER_ORDER)),
            "meaning": [tier_meaning(name) for name in TIER_ORDER],
        }
    )


def tier_moves(before: pd.DataFrame, after: pd.DataFrame, *, include_unchanged: bool = False) -> pd.DataFrame:
    """Who changed tier between two tierings (another threshold, another date)?

    One row per (from_tier, to_tier) pair, in tier order. Columns: from_tier, to_tier,
    count_members, member_ids (a list, highest `after` score first). A member found in only
    one of the two tables moves from or to "(not in this list)".
    """
    left = before[["member_id", "tier"]].rename(columns={"tier": "from_tier"})
    right_columns = ["member_id", "tier"] + (["score"] if "score" in after else [])
    right = after[right_columns].rename(columns={"tier": "to_tier"})
    moves = left.merge(right, on="member_id", how="outer")
    moves[["from_tier", "to_tier"]] = moves[["from_tier", "to_tier"]].fillna(ABSENT)
    if not include_unchanged:
        moves = moves[moves["from_tier"] != moves["to_tier"]]
    if "score" in moves:
        moves = moves.sort_values(["score", "member_id"], ascending=[False, True])
    rank = {name: position for position, name in enumerate((*TIER_ORDER, ABSENT))}
    grouped = (
        moves.groupby(["from_tier", "to_tier"], sort=False)["member_id"]
        .agg(count_members="size", member_ids=list)
        .reset_index()
    )
    grouped["count_members"] = grouped["count_members"].astype("int64")
    grouped = grouped.sort_values(
        ["from_tier", "to_tier"], key=lambda column: column.map(rank), ignore_index=True
    )
    return grouped[["from_tier", "to_tier", "count_members", "member_ids"]]


def reply_stats(
    con: duckdb.DuckDBPyConnection,
    *,
    start: Moment = None,
    end: Moment = None,
    by: str | None = None,
    formats: pd.DataFrame | None = None,
    tiers: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often and how fast does the brand answer its members' comments?

    Reply rate: top-level member comments in the period that got a direct reply from the brand,
    over all top-level member comments in the period. Time to first reply: median hours from the
    comment to the brand's first direct reply, over answered comments. A reply counts even when
    it came after the period: the question is whether the period's comments were answered.
    One row overall (`by=None`), or one per format (`by="format"`: `formats` with video_id,
    format, else videos.format) or per tier (`by="tier"`: `tiers` with member_id, tier, else
    the tiers of the same period).
    Only comments from exports that show replies count (see `NO_REPLIES`). Columns: [format |
    tier], count_top_level_comments, count_replied_comments, reply_rate,
    median_hours_to_first_reply; overall also replies_shown, False when the period's member comments
    all come from exports that do not show replies (then say `NO_REPLIES`, never 0%).
    """
    if by not in (None, "format", "tier"):
        raise ValueError(f"Replies can be split by 'format' or 'tier', not {by!r}.")
    if by == "format":
        if formats is None:
            formats = con.execute("select video_id, format from videos where format is not null").df()
        groups = formats[["video_id", "format"]].set_axis(["group_key", "group_name"], axis=1)
    elif by == "tier":
        if tiers is None:
            tiers = member_tiers(member_stats(con, start=start, end=end))
        groups = tiers[["member_id", "tier"]].set_axis(["group_key", "group_name"], axis=1)
    else:
        groups = pd.DataFrame({"group_key": pd.Series(dtype=str), "group_name": pd.Series(dtype=str)})
    groups = groups.dropna().drop_duplicates("group_key").astype(str)

    start_at, end_before = _period_bounds(start, end)
    params = {
        "start_at": start_at,
        "end_before": end_before,
        "by": by or "",
        "unknown_group": "Unknown" if by else "All",
    }
    con.register("reply_groups", groups)
    try:
        result = con.execute(read_sql("members_reply_stats"), params).df()
    finally:
        con.unregister("reply_groups")

    result["count_top_level_comments"] = result["count_top_level_comments"].astype("int64")
    result["count_replied_comments"] = result["count_replied_comments"].astype("int64")
    if by is None:
        if result.empty:
            result = pd.DataFrame(
                {
                    "count_top_level_comments": [0],
                    "count_replied_comments": [0],
                    "reply_rate": [np.nan],
                    "median_hours_to_first_reply": [np.nan],
                }
            )
        result["replies_shown"] = replies_shown(con, start=start, end=end)
        return result.drop(columns="group_name", errors="ignore")
    result = result.rename(columns={"group_name": by})
    if by == "tier":
        rank = {name: position for position, name in enumerate(TIER_ORDER)}
        result = result.sort_values("tier", key=lambda column: column.map(rank).fillna(len(rank)))
    return result.reset_index(drop=True)


def replies_shown(con: duckdb.DuckDBPyConnection, *, start: Moment = None, end: Moment = None) -> bool:
    """Can these comments tell whether the brand answered? False when the period's member comments all
    come from exports with no parent-comment column (then say `NO_REPLIES`, never 0%). A period
    without member comments answers for all the files."""
    start_at, end_before = _period_bounds(start, end)
    ((known, hidden),) = con.execute(
        """
        select count(*) filter (where coalesce(replies_known, true) and parent_comment_id is null),
            count(*) filter (where not coalesce(replies_known, true))
        from comments
        where not coalesce(is_brand, false)
            and ($start_at is null or commented_at >= $start_at)
            and ($end_before is null or commented_at < $end_before)
        """,
        {"start_at": start_at, "end_before": end_before},
    ).fetchall()
    if not known and not hidden and (start_at is not None or end_before is not None):
        return replies_shown(con)  # no member comment in the period: what the files can show
    return bool(known) or not hidden


def reply_effect(
    con: duckdb.DuckDBPyConnection,
    *,
    window_days: int = 30,
    seed: int = SETTINGS.seed,
    n_boot: int = SETTINGS.n_boot,
    min_members: int = 5,
    confidence: float = stats.CONFIDENCE,
) -> dict[str, Any]:
    """Do members whose first comment got a brand reply come back more often than the others?

    Per member, their first top-level comment: "replied" when the brand answered it directly
    within `window_days`; "returned" when they commented on another video within `window_days`.
    Members whose window is not over yet (first comment less than `window_days` before the
    newest comment) are left out and counted. The difference in return rates comes with a
    bootstrap interval at `confidence` (`n_boot` resamples, seeded: `stats.binomial_difference_interval`). This is an association, not a cause; the
    `sentence` says so.
    """
    rows = con.execute(read_sql("members_reply_effect"), {"window_days": int(window_days)}).df()
    by_group = {bool(row.is_replied): row for row in rows.itertuples()}

    def counts(is_replied: bool) -> tuple[int, int]:
        row = by_group.get(is_replied)
        return (int(row.count_members), int(row.count_returned_members)) if row is not None else (0, 0)

    replied_n, replied_returned = counts(True)
    other_n, other_returned = counts(False)
    rate_replied = replied_returned / replied_n if replied_n else None
    rate_other = other_returned / other_n if other_n else None
    enough = replied_n >= min_members and other_n >= min_members

    difference = low = high = None
    if enough and rate_replied is not None and rate_other is not None:
        difference = rate_replied - rate_other
        low, high = stats.binomial_difference_interval(
            replied_returned,
            replied_n,
            other_returned,
            other_n,
            confidence=confidence,
            n_boot=n_boot,
            seed=seed,
        )

    result: dict[str, Any] = {
        "window_days": int(window_days),
        "count_replied_members": replied_n,
        "count_not_replied_members": other_n,
        "count_returned_replied_members": replied_returned,
        "count_returned_not_replied_members": other_returned,
        "count_too_recent_members": int(rows["count_too_recent_members"].sum()) if len(rows) else 0,
        "return_rate_replied": rate_replied,
        "return_rate_not_replied": rate_other,
        "difference": difference,
        "difference_low": low,
        "difference_high": high,
        "confidence": confidence,
    }
    result["replies_shown"] = replies_shown(con)
    result["sentence"] = (
        _reply_effect_sentence(result, min_members, confidence)
        if result["replies_shown"]
        else _(
            "Not measured: {no_replies} (it has no parent comment column), so we cannot tell "
            "which members the brand answered."
        ).format(no_replies=_(NO_REPLIES))
    )
    return result


def _reply_effect_sentence(result: dict[str, Any], min_members: int, confidence: float) -> str:
    days = result["window_days"]
    replied_n, other_n = result["count_replied_members"], result["count_not_replied_members"]
    if result["difference"] is None:
        return _(
            "Not enough members to say: {replied} got a reply to their first comment and "
            "{other} did not (at least {minimum} in each group are needed)."
        ).format(
            replied=wording.count(replied_n), other=wording.count(other_n), minimum=wording.count(min_members)
        )
    points = result["difference"] * 100
    low, high = result["difference_low"] * 100, result["difference_high"] * 100

    def signed(value: float) -> str:
        return wording.signed_count(value)

    # Translators: {level} is "95%"; {difference}, {low} and {high} are signed points ("+12").
    sentence = _(
        "Of {replied} members whose first comment got a reply from the brand within {days} days, "
        "{rate_replied} commented on another video within {days} days; of {other} members who got no reply, "
        "{rate_other} did (a difference of {difference} points, {level} interval {low} to {high})."
    ).format(
        replied=wording.count(replied_n),
        days=wording.count(days),
        rate_replied=wording.percent(result["return_rate_replied"]),
        other=wording.count(other_n),
        rate_other=wording.percent(result["return_rate_not_replied"]),
        difference=signed(points),
        level=stats.level(confidence),
        low=signed(low),
        high=signed(high),
    )
    if low <= 0 <= high:
        sentence += " " + _("The interval includes zero, so the difference could be luck.")
    return (
        sentence
        + " "
        + _(
            "This is an association, not proof that replying brings members back: the brand may "
            "answer members who were already more engaged, or comments that invite a conversation."
        )
    )


def member_hashtags(
    con: duckdb.DuckDBPyConnection,
    *,
    as_of: date | None = None,
    start: Moment = None,
    end: Moment = None,
    top: int = 3,
) -> pd.DataFrame:
    """Which hashtag communities (#BookTok, #CoffeeTok...) does each member comment in?

    One row per member who commented on a video with hashtags in its caption, same period and
    as-of rules as `member_stats`. Columns: member_id, top_hashtags (up to `top`, most videos
    first), top_hashtag_count_videos (how many of their videos carry each).
    """
    start_at, end_before = _period_bounds(start, end)
    params = {"as_of": as_of, "start_at": start_at, "end_before": end_before, "top": int(top)}
    hashtags = con.execute(read_sql("members_hashtags"), params).df()
    for column in ("top_hashtags", "top_hashtag_count_videos"):  # numpy arrays -> plain lists
        hashtags[column] = hashtags[column].map(list)
    return hashtags


def member_sentiment(con: duckdb.DuckDBPyConnection, labels: pd.DataFrame) -> pd.DataFrame:
    """Which members are promoters, which are detractors, going by what their comments say?

    `labels`: sentiment labels per comment, with a comment_id column or index (e.g.
    `label_comments(comments.set_index("comment_id")["text"])`). Promoter: more positive than
    negative comments; Detractor: more negative than positive; else Neutral. Columns: member_id,
    count_labelled_comments, count_positive_comments, count_negative_comments, positive_response_rate,
    sentiment_segment.
    """
    frame = labels if "comment_id" in labels.columns else labels.rename_axis("comment_id").reset_index()
    con.register("comment_labels", frame[["comment_id", "label"]].astype(str))
    try:
        return con.execute(read_sql("members_sentiment")).df()
    finally:
        con.unregister("comment_labels")


def member_history(con: duckdb.DuckDBPyConnection, member_id: str) -> pd.DataFrame:
    """What has this member said to us, and did we answer?

    Their comments, newest first. Columns: comment_id, commented_at, video_id, video_caption,
    video_url, text, likes, parent_comment_id, is_reply, is_brand_replied, count_brand_replies,
    first_brand_reply_at, first_brand_reply_text.
    """
    return con.execute(read_sql("members_history"), {"member_id": member_id}).df()


def brand_candidates(con: duckdb.DuckDBPyConnection, *, limit: int = 6) -> pd.DataFrame:
    """Which commenters could be the brand's own account? Those on the most videos, brand first.

    For the Members page's question "which of these is you?". Columns: member_id, member_handle,
    member_name, count_videos, count_comments, is_brand (taken for the brand now), could_be_brand
    (on more than one video and at least `BRAND_VIDEO_SHARE` of them, like the brand's own account).
    """
    from analytics.workspace import BRAND_VIDEO_SHARE

    return con.execute(
        read_sql("members_brand_candidates"),
        {"limit": int(limit), "share": BRAND_VIDEO_SHARE},
    ).df()


def member_labels(members: pd.DataFrame) -> pd.Series:
    """What a member is called on screen: "Display name (@handle)", "@handle", the display name, or the id.

    "@" only before a real handle; a display name or TikTok's numeric user id is shown as it is.
    """
    handle = members["member_handle"] if "member_handle" in members else pd.Series(pd.NA, index=members.index)
    name = members["member_name"] if "member_name" in members else pd.Series(pd.NA, index=members.index)
    handle, name = handle.astype("string").str.strip(), name.astype("string").str.strip()
    handle, name = handle.mask(handle == ""), name.mask(name == "")
    at_handle = "@" + handle
    both = name + " (" + at_handle + ")"
    # A display name that is the handle itself is said once.
    both = both.mask(name.str.casefold() == handle.str.casefold(), at_handle)
    label = both.fillna(at_handle).fillna(name).fillna(members["member_id"].astype("string"))
    return label.astype(object).rename("member")


def member_names(members: pd.DataFrame, *, real_handles: bool, salt: str | None) -> pd.Series:
    """What a member is called wherever they are shown or leave the app: a stable pseudonym (`salt`) by
    default, their name or "@handle" (`member_labels`) when the marketer chooses real handles."""
    if real_handles:
        return member_labels(members)
    return pseudonymize(members["member_id"], salt=salt or "").rename("member")


def pseudonymize(handles: pd.Series, *, salt: str, digits: int = 12) -> pd.Series:
    """Stable stand-ins for handles ("member-3f9a1c0b5d2e"), for files that leave the app.

    The same handle (ignoring case, spaces and a leading @) and salt always give the same
    pseudonym; without the salt it cannot be turned back into the handle by hashing guesses.
    12 hex digits by default: with 6, a community of 100,000 members would see ~300 collisions.
    """
    if not salt:
        raise ValueError("A salt is needed: without one, anyone could hash handles and match them.")
    key = salt.encode("utf-8")

    def pseudonym(handle: str) -> str:
        normalised = handle.strip().lstrip("@").lower().encode("utf-8")
        return "member-" + hashlib.blake2b(normalised, key=key[:64], digest_size=16).hexdigest()[:digits]

    distinct = pd.unique(handles.dropna())
    mapping = {handle: pseudonym(str(handle)) for handle in distinct}
    return handles.map(mapping).astype(object).where(handles.notna(), None).rename(handles.name)
