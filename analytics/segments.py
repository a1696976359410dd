"""Who is in the community, grouped the ways a community manager acts on: tiers, feelings, habits, audience.

Builds on `analytics.members` (one row per member, tiers) and `analytics.sentiment` (a label per
comment) to answer the Members and Community segments pages' questions.

Choices a reader would wonder about:

- Sentiment is computed once per comment: `comment_sentiment` labels the comments that have no
  label yet and stores their labels beside the comments (`analytics.labels`: the client's schema,
  or the session's own database), so a page, the deck and the next session read them. A brand
  lexicon re-labels only the comments containing its words, in the session's `memo`; hand
  corrections are applied on top, cheaply, on every call.
- Positive response rate counts members' comments only (the brand's replies are not the
  community's mood), over positive + neutral + negative.
- "The format they usually answer" is the format of the videos a member commented on most
  (distinct videos; a tie goes to the format of their newest comment's video).
- Ambassador candidates are Champions ranked on activity (score), positivity (share of positive
  comments) and likes per comment together: the mean of their three percentile ranks.
- Personal interaction frequency is comments per active month (calendar months with a
  comment), rounded down into bands, as metrics.md defines it.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from datetime import date, timedelta
from typing import Any

import duckdb
import numpy as np
import pandas as pd
from babel.dates import format_date

from analytics import db, i18n, labels, stats, wording
from analytics.db import read_sql
from analytics.i18n import N_, _, ngettext, term
from analytics.members import (
    TIER_ORDER,
    TierRules,
    member_history,
    member_sentiment,
    member_stats,
    member_tiers,
    tier_counts,
)
from analytics.sentiment import LABELS
from analytics.settings import SETTINGS

SEGMENT_ORDER: tuple[str, ...] = ("Promoter", "Neutral", "Detractor")
SEGMENT_MEANINGS: dict[str, str] = {
    "Promoter": N_("more positive than negative comments"),
    "Neutral": N_("as many positive as negative comments (often none of either)"),
    "Detractor": N_("more negative than positive comments"),
}
# The segments and the "All members" group are stored codes; shown with `_(code)`.
SEGMENT_NAMES = (N_("Promoter"), N_("Neutral"), N_("Detractor"))
FREQUENCY_BANDS: tuple[tuple[int, float, str], ...] = (
    (1, 2, "1"),
    (2, 4, "2–3"),
    (4, 8, "4–7"),
    (8, 16, "8–15"),
    (16, np.inf, N_("16 or more")),  # a stored band: shown with `_(band)`
)
ALL_MEMBERS = N_("All members")
DEFAULT_TIER_RULES = TierRules()
COMMENT_COLUMNS = [
    "comment_id",
    "video_id",
    "member_id",
    "member_handle",
    "text",
    "commented_at",
    "likes",
    "parent_comment_id",
    "is_brand",
]


# ---------------------------------------------------------------- sentiment per comment


def comments_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """A short digest of every comment's id, text, time and brand flag: it changes when the comments do."""
    row = db.one(
        con,
        """
        select count(*), bit_xor(hash(comment_id, text, commented_at, is_brand, parent_comment_id))
        from comments
        """,
    )
    return f"{row[0]}-{row[1]}"


def comment_sentiment(
    con: duckdb.DuckDBPyConnection,
    *,
    lexicon_additions: dict[str, float] | None = None,
    corrections: dict[str, str] | None = None,
    memo: MutableMapping[str, Any] | None = None,
    member_id: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Is each comment positive, neutral or negative?

    One row per comment (or per comment of `member_id`). Columns: comment_id, video_id, member_id,
    member_handle, text, commented_at, likes, parent_comment_id, is_brand, label, score, language,
    method ("correction" where a person chose the label). `corrections` maps comment_id -> label.
    Each comment is labelled once and its label stored beside the comments (`analytics.labels`);
    `memo`: a dict kept by the caller (one per browser session) for the comments a brand lexicon
    labels again; `progress(done, total)`: told as distinct texts are labelled the first time.
    """
    result = labels.comments_with_labels(
        con,
        COMMENT_COLUMNS,
        member_id=member_id,
        lexicon_additions=lexicon_additions,
        memo=memo,
        progress=progress,
    )
    result["is_brand"] = result["is_brand"].fillna(False).astype(bool)
    return with_corrections(result, corrections or {})


def with_corrections(labelled: pd.DataFrame, corrections: dict[str, str]) -> pd.DataFrame:
    """The labels with a person's choices on top: comment_id -> positive / neutral / negative."""
    wrong = {key: value for key, value in corrections.items() if value not in LABELS}
    if wrong:
        raise ValueError(f"A label must be one of {', '.join(LABELS)}; got {wrong}.")
    if not corrections:
        return labelled
    chosen = labelled["comment_id"].map(corrections)
    corrected = chosen.notna()
    result = labelled.copy()
    result.loc[corrected, "label"] = chosen[corrected]
    result.loc[corrected, "method"] = "correction"
    return result


def _member_comments(
    labelled: pd.DataFrame,
    start: date | None = None,
    end: date | None = None,
    *,
    columns: list[str] | None = None,
) -> pd.DataFrame:
    """Members' comments (the brand's left out) dated between `start` and `end` (inclusive days).

    `columns`: only these (a million comments' texts are not copied for a count). One mask, one copy.
    """
    at = labelled["commented_at"]
    keep = ~labelled["is_brand"].to_numpy(dtype=bool) & labelled["member_id"].notna().to_numpy()
    keep &= at.notna().to_numpy()
    if start is not None:
        keep &= (at >= pd.Timestamp(start)).to_numpy()
    if end is not None:
        keep &= (at < pd.Timestamp(end) + pd.Timedelta(days=1)).to_numpy()
    return labelled[keep] if columns is None else labelled.loc[keep, columns]


def with_rate_interval(
    table: pd.DataFrame,
    successes: str,
    totals: str,
    rate: str,
    *,
    min_count: int = SETTINGS.min_comments,
    confidence: float = stats.CONFIDENCE,
) -> pd.DataFrame:
    """The table plus a Wilson interval at `confidence` on `rate` (`rate`_low, `rate`_high) and is_small_sample.

    `successes` / `totals` name the count columns the rate comes from. A group with fewer than
    `min_count` in `totals` is a small sample: "too few to say". Comments from one member are not
    independent, so read the interval as a lower bound on the uncertainty.
    """
    low, high = stats.wilson_interval(table[successes], table[totals], confidence)
    return table.assign(
        **{f"{rate}_low": low, f"{rate}_high": high},
        is_small_sample=table[totals].astype(float) < min_count,
    )


def _looked_up(values: pd.Series, lookup: pd.Series) -> pd.Series:
    """`values.map(lookup)`, looking each distinct value up once (a million comments, a few hundred videos)."""
    codes, distinct = pd.factorize(values)
    found = lookup.reindex(distinct).to_numpy(dtype=object)
    mapped = np.where(codes >= 0, found[np.maximum(codes, 0)] if len(found) else None, None)
    return pd.Series(mapped, index=values.index, dtype=object).where(codes >= 0)


def sentiment_rates(
    labelled: pd.DataFrame,
    *,
    by: str | None = None,
    formats: pd.DataFrame | None = None,
    tiers: pd.DataFrame | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """How positive are members' comments, overall, per format, per tier or per month?

    Positive response rate = positive / (positive + neutral + negative) member comments dated in
    [`start`, `end`]. `by`: None (one row), "format" (`formats`: video_id, format), "tier"
    (`tiers`: member_id, tier) or "month" (the first day of each month). Columns: [group],
    count_labelled_comments, count_positive_comments, count_neutral_comments,
    count_negative_comments, positive_response_rate, positive_response_rate_low,
    positive_response_rate_high (Wilson interval at the settings' level), is_small_sample (fewer than
    `SETTINGS.min_comments` comments).
    """
    comments = _member_comments(
        labelled, start, end, columns=["label", "video_id", "member_id", "commented_at"]
    )
    comments = comments[comments["label"].isin(LABELS).to_numpy()]
    if by is None:
        groups = pd.Series("All", index=comments.index, name="group")
    elif by == "format":
        if formats is None:
            raise ValueError("Positive response rate by format needs the videos' formats.")
        lookup = formats.drop_duplicates("video_id").set_index("video_id")["format"]
        groups = _looked_up(comments["video_id"], lookup).fillna("Unknown").rename("format")
    elif by == "tier":
        if tiers is None:
            raise ValueError("Positive response rate by tier needs the members' tiers.")
        lookup = tiers.drop_duplicates("member_id").set_index("member_id")["tier"]
        groups = _looked_up(comments["member_id"], lookup).fillna("Unknown").rename("tier")
    elif by == "month":
        months = comments["commented_at"].to_numpy().astype("datetime64[M]")  # vectorised, not per row
        groups = pd.Series(months, index=comments.index, name="month")
    else:
        raise ValueError(f"Sentiment can be split by 'format', 'tier' or 'month', not {by!r}.")
    counts = pd.crosstab(groups, comments["label"]).reindex(columns=list(LABELS), fill_value=0)
    if by == "month":
        counts.index = pd.Index([month.date() for month in counts.index], name="month")
    total = counts.sum(axis=1)
    table = pd.DataFrame(
        {
            "count_labelled_comments": total.astype("int64"),
            "count_positive_comments": counts["positive"].astype("int64"),
            "count_neutral_comments": counts["neutral"].astype("int64"),
            "count_negative_comments": counts["negative"].astype("int64"),
            "positive_response_rate": counts["positive"] / total.where(total > 0),
        }
    )
    table.index.name = groups.name
    table = table.reset_index()
    if by is None and table.empty:
        table = pd.DataFrame(
            [
                {"group": "All"}
                | {column: 0 for column in table.columns[1:-1]}
                | {"positive_response_rate": np.nan}
            ]
        )
    table = with_rate_interval(
        table, "count_positive_comments", "count_labelled_comments", "positive_response_rate"
    )
    if by is None:
        return table.drop(columns="group")
    if by == "tier":
        rank = {name: position for position, name in enumerate(TIER_ORDER)}
        return table.sort_values(
            "tier", key=lambda column: column.map(rank).fillna(len(rank)), ignore_index=True
        )
    if by == "format":
        return table.sort_values(
            ["count_labelled_comments", "format"], ascending=[False, True], ignore_index=True
        )
    return table.sort_values("month", ignore_index=True)


def complaint_queue(
    con: duckdb.DuckDBPyConnection,
    labelled: pd.DataFrame,
    *,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """Which negative comments from members has the brand still not answered? Newest first.

    Member comments dated in [`start`, `end`] labelled negative, with no direct reply from the
    brand. Columns: comment_id, commented_at, member_id, member_handle, text, likes, video_id,
    video_caption, video_url, label, method.
    """
    negative = labelled[(labelled["label"] == "negative").to_numpy(dtype=bool)]
    comments = _member_comments(negative, start, end)
    answered = set(labelled.loc[labelled["is_brand"].to_numpy(dtype=bool), "parent_comment_id"].dropna())
    queue = comments[~comments["comment_id"].isin(answered).to_numpy()]
    videos = con.execute("select video_id, caption as video_caption, video_url from videos").df()
    queue = queue.merge(videos, on="video_id", how="left")
    # A video missing from the Content export (or with none loaded) keeps the link its comments carry.
    links = con.execute(
        "select video_id, min(video_url) as comment_video_url from comments where video_url is not null group by 1"
    ).df()
    queue = queue.merge(links, on="video_id", how="left")
    queue["video_url"] = queue["video_url"].fillna(queue.pop("comment_video_url"))
    queue = queue.sort_values(["commented_at", "comment_id"], ascending=[False, False], ignore_index=True)
    columns = [
        "comment_id",
        "commented_at",
        "member_id",
        "member_handle",
        "text",
        "likes",
        "video_id",
        "video_caption",
        "video_url",
        "label",
        "method",
    ]
    return queue[columns]


# ---------------------------------------------------------------- one row per member


def member_profiles(
    con: duckdb.DuckDBPyConnection,
    tiers: pd.DataFrame,
    *,
    labelled: pd.DataFrame,
    formats: pd.DataFrame | None = None,
    communities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Everything the Members page says about each member, one row each, in `tiers`' order.

    `tiers` from `member_tiers`; `labelled` from `comment_sentiment`; `formats` (video_id,
    format) and `communities` (member_id, communities) optional. Adds: count_labelled_comments,
    positive_response_rate (share of their comments labelled positive), sentiment_segment, usual_format,
    count_usual_format_videos, last_comment_text, last_comment_at, communities (joined with ", ").
    Only comments up to the tiers' as-of date count.
    """
    as_of = tiers["as_of_date"].iloc[0] if len(tiers) else None
    comments = _member_comments(labelled, end=pd.Timestamp(as_of).date() if as_of is not None else None)

    feelings = member_sentiment(con, comments[["comment_id", "label"]])
    profile = tiers.merge(
        feelings[["member_id", "count_labelled_comments", "positive_response_rate", "sentiment_segment"]],
        on="member_id",
        how="left",
    )
    profile["count_labelled_comments"] = profile["count_labelled_comments"].fillna(0).astype("int64")

    # Each member's last comment: only the comments at their latest time are sorted (ties: the highest id).
    latest = comments.groupby("member_id")["commented_at"].transform("max")
    newest = (
        comments[(comments["commented_at"] == latest).to_numpy()]
        .sort_values(["commented_at", "comment_id"])
        .drop_duplicates("member_id", keep="last")
    )
    last = newest.set_index("member_id")[["text", "commented_at", "video_id"]]
    profile["last_comment_text"] = profile["member_id"].map(last["text"])
    profile["last_comment_at"] = profile["member_id"].map(last["commented_at"])

    if formats is not None and len(comments):
        lookup = formats.drop_duplicates("video_id").set_index("video_id")["format"]
        seen = comments.drop_duplicates(["member_id", "video_id"])[["member_id", "video_id"]]
        seen = seen.assign(format=seen["video_id"].map(lookup)).dropna(subset=["format"])
        counts = seen.groupby(["member_id", "format"]).size().rename("count_videos").reset_index()
        counts["is_latest"] = counts["format"] == counts["member_id"].map(last["video_id"].map(lookup))
        counts = counts.sort_values(
            ["member_id", "count_videos", "is_latest", "format"], ascending=[True, False, False, True]
        ).drop_duplicates("member_id")
        usual = counts.set_index("member_id")
        profile["usual_format"] = profile["member_id"].map(usual["format"])
        profile["count_usual_format_videos"] = profile["member_id"].map(usual["count_videos"]).astype("Int64")
    else:
        profile["usual_format"] = None
        profile["count_usual_format_videos"] = pd.array([pd.NA] * len(profile), dtype="Int64")

    if communities is not None and len(communities):
        joined = communities.set_index("member_id")["communities"].map(", ".join)
        profile["communities"] = profile["member_id"].map(joined).fillna("")
    else:
        profile["communities"] = ""
    return profile


def member_timeline(con: duckdb.DuckDBPyConnection, member_id: str, labelled: pd.DataFrame) -> pd.DataFrame:
    """What has this member said, how did it read, and how fast did the brand answer? Newest first.

    `member_history`'s columns plus label (the comment's sentiment) and hours_to_first_reply.
    """
    history = member_history(con, member_id)
    labels = labelled.set_index("comment_id")["label"]
    history["label"] = history["comment_id"].map(labels)
    waited = history["first_brand_reply_at"] - history["commented_at"]
    history["hours_to_first_reply"] = waited.dt.total_seconds() / 3600
    return history


def _percentile(values: pd.Series) -> pd.Series:
    return values.fillna(0).rank(pct=True, method="average")


def ambassador_candidates(profiles: pd.DataFrame) -> pd.DataFrame:
    """Which Champions would make the best ambassadors: frequent, positive and well liked?

    The Champion rows of `member_profiles`, best first, with likes_per_comment and
    ambassador_score (0 to 100: the mean of their percentile ranks on score, positive_response_rate and
    likes per comment among Champions, times 100).
    """
    champions = profiles[profiles["tier"] == "Champion"].copy()
    champions["likes_per_comment"] = champions["total_likes_received"] / champions["count_comments"].where(
        champions["count_comments"] > 0
    )
    mean_rank = (
        _percentile(champions["score"])
        + _percentile(champions["positive_response_rate"])
        + _percentile(champions["likes_per_comment"])
    ) / 3
    champions["ambassador_score"] = (mean_rank * 100).round().astype("int64")
    return champions.sort_values(
        ["ambassador_score", "score", "member_id"], ascending=[False, False, True], ignore_index=True
    )


def at_risk_members(profiles: pd.DataFrame) -> pd.DataFrame:
    """Who was loyal and is going quiet? The At risk rows, most active history first."""
    at_risk = profiles[profiles["tier"] == "At risk"]
    return at_risk.sort_values(["score", "member_id"], ascending=[False, True], ignore_index=True)


def new_members(profiles: pd.DataFrame, rules: TierRules = DEFAULT_TIER_RULES) -> pd.DataFrame:
    """Who commented for the first time in the last `rules.new_days` days? Newest first, whatever their tier."""
    new = profiles[profiles["days_since_first"] <= rules.new_days]
    return new.sort_values(["first_seen_at", "member_id"], ascending=[False, True], ignore_index=True)


def at_risk_takeaway(at_risk: pd.DataFrame, rules: TierRules = DEFAULT_TIER_RULES) -> str:
    """One sentence on the At risk list: how many, and the formats they usually answer (to invite them back)."""
    if at_risk.empty:
        return _("Nobody is at risk: every loyal member has commented in the last {days} days.").format(
            days=wording.count(rules.active_days)
        )
    sentence = ngettext(
        "{count} member who was loyal has been quiet for {low}–{high} days.",
        "{count} members who were loyal have been quiet for {low}–{high} days.",
        len(at_risk),
    ).format(
        count=wording.count(len(at_risk)),
        low=wording.count(rules.active_days + 1),
        high=wording.count(rules.at_risk_days),
    )
    top = [
        (term("format", name), wording.count(count))
        for name, count in at_risk["usual_format"].dropna().value_counts().head(2).items()
    ]
    if len(top) == 1:
        # Translators: {format} is an interaction format ("Mini game"), {count} how many usually answer it.
        sentence += " " + _(
            "Most usually answer {format} ({count}): invite them to the next one, or reply to their last comment."
        ).format(format=top[0][0], count=top[0][1])
    elif top:
        sentence += " " + _(
            "Most usually answer {format} ({count}) and {second_format} ({second_count}): invite them to the next "
            "one, or reply to their last comment."
        ).format(format=top[0][0], count=top[0][1], second_format=top[1][0], second_count=top[1][1])
    return sentence


def new_members_takeaway(
    newcomers: pd.DataFrame, rules: TierRules = DEFAULT_TIER_RULES, *, replies_known: bool = True
) -> str:
    """One sentence on the New list: how many, and how many have had no reply from the brand yet.

    `replies_known` False (exports without a parent-comment column): nothing says who was answered,
    so the sentence says so instead of counting everyone as unanswered.
    """
    days = wording.count(rules.new_days)
    if newcomers.empty:
        return _("Nobody commented for the first time in the last {days} days.").format(days=days)
    count = wording.count(len(newcomers))
    if not replies_known:  # the sentence says NO_REPLIES
        return ngettext(
            "{count} person commented for the first time in the last {days} days; this export does not show "
            "replies, so which of them you answered is not known.",
            "{count} people commented for the first time in the last {days} days; this export does not show "
            "replies, so which of them you answered is not known.",
            len(newcomers),
        ).format(count=count, days=days)
    unanswered = int((newcomers["count_brand_replies_received"] == 0).sum())
    return ngettext(
        "{count} person commented for the first time in the last {days} days; {unanswered} of them have had no "
        "reply from you yet.",
        "{count} people commented for the first time in the last {days} days; {unanswered} of them have had no "
        "reply from you yet.",
        len(newcomers),
    ).format(count=count, days=days, unanswered=wording.count(unanswered))


# ---------------------------------------------------------------- member segments


def _month_ends(first: date, last: date) -> list[date]:
    ends, month = [], date(first.year, first.month, 1)
    while month <= last:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        ends.append(min(following - timedelta(days=1), last))
        month = following
    return ends


def comment_date_range(con: duckdb.DuckDBPyConnection) -> tuple[date, date] | None:
    """The days of the first and newest comments (the brand's included, as `member_stats`' as-of), or None."""
    first, last = db.one(con, "select min(commented_at)::date, max(commented_at)::date from comments")
    return (first, last) if first is not None else None


def tier_trend_takeaway(by_month: pd.DataFrame) -> str:
    """One sentence on how the Champions moved month by month, and how many loyal members are slipping away."""
    table = by_month.pivot_table(index="as_of_date", columns="tier", values="count_members", aggfunc="sum")
    champions = table["Champion"] if "Champion" in table else pd.Series(dtype="int64")
    champions = champions[champions.cumsum() > 0]  # from the first month with a Champion
    if len(champions) < 2:
        return _("Not enough months of comments to show how the Champions grew yet.")
    first, peak, last = champions.index[0], champions.idxmax(), champions.index[-1]
    said = {
        "first_count": wording.count(champions[first]),
        "first_month": wording.month(first),
        "last_count": wording.count(champions[last]),
        "last_day": wording.day(last),
    }
    if peak not in (first, last):
        # Translators: {first_month} is "June 2026", {peak_month} "August", {last_day} a date.
        sentence = _(
            "Champions went from {first_count} at the end of {first_month} to {peak_count} at the end of "
            "{peak_month}, and are {last_count} on {last_day}."
        ).format(peak_count=wording.count(champions[peak]), peak_month=month_name(peak), **said)
    else:
        sentence = _(
            "Champions went from {first_count} at the end of {first_month}, and are {last_count} on {last_day}."
        ).format(**said)
    at_risk, lapsed = (int(table.loc[last, tier]) if tier in table else 0 for tier in ("At risk", "Lapsed"))
    if at_risk or lapsed:
        sentence += " " + ngettext(
            "{at_risk} once-loyal member is at risk and {lapsed} have lapsed: worth winning back.",
            "{at_risk} once-loyal members are at risk and {lapsed} have lapsed: worth winning back.",
            at_risk,
        ).format(at_risk=wording.count(at_risk), lapsed=wording.count(lapsed))
    return sentence


def month_name(when: date) -> str:
    """August · août · tháng 8: a month's name inside a sentence, in the run's language."""
    return format_date(pd.Timestamp(when), "MMMM", locale=i18n.language())


def member_feelings(
    con: duckdb.DuckDBPyConnection,
    labelled: pd.DataFrame,
    *,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """Each member's sentiment segment from their comments dated in [`start`, `end`] (`member_sentiment`'s columns)."""
    comments = _member_comments(labelled, start, end)
    return member_sentiment(con, comments[["comment_id", "label"]])


def tier_sizes_by_month(
    con: duckdb.DuckDBPyConnection, rules: TierRules = DEFAULT_TIER_RULES
) -> pd.DataFrame:
    """How has each tier grown or shrunk, month by month?

    Each member's tier as of each month's last day (the newest comment's day for the last month),
    counting every comment up to that day. Columns: as_of_date, tier, count_members,
    share_of_members. Every tier of every month, in tier order.
    """
    span = comment_date_range(con)
    if span is None:
        return pd.DataFrame(columns=["as_of_date", "tier", "count_members", "share_of_members"])
    first, last = span
    frames = []
    for as_of in _month_ends(first, last):
        counts = tier_counts(member_tiers(member_stats(con, as_of=as_of), rules))
        frames.append(counts.drop(columns="meaning").assign(as_of_date=as_of))
    table = pd.concat(frames, ignore_index=True)
    return table[["as_of_date", "tier", "count_members", "share_of_members"]]


def interaction_frequency(con: duckdb.DuckDBPyConnection, *, as_of: date | None = None) -> pd.DataFrame:
    """How often does each member comment in the months they are around?

    One row per member, comments up to `as_of` (default: all). Columns: member_id,
    count_comments, count_active_months (calendar months with a comment),
    comments_per_active_month, frequency_band (rounded down into FREQUENCY_BANDS' labels).
    """
    table = con.execute(
        read_sql("members_frequency"),
        {"as_of": as_of},
    ).df()
    table = table.astype({"count_comments": "int64", "count_active_months": "int64"})
    table["comments_per_active_month"] = table["count_comments"] / table["count_active_months"]
    table["frequency_band"] = _band(table["comments_per_active_month"])
    return table


def _band(values: pd.Series) -> pd.Series:
    floors = np.floor(values.to_numpy(dtype=float))
    labels = np.full(len(values), FREQUENCY_BANDS[0][2], dtype=object)
    for low, high, label in FREQUENCY_BANDS:
        labels[(floors >= low) & (floors < high)] = label
    return pd.Series(labels, index=values.index, dtype=object)


def frequency_distribution(frequency: pd.DataFrame, tiers: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many members comment how often? One row per band (and tier, when `tiers` is given).

    Columns: frequency_band (in FREQUENCY_BANDS order), [tier], count_members, share_of_members
    (of all members).
    """
    bands = [label for *_bounds, label in FREQUENCY_BANDS]
    total = len(frequency)
    if tiers is None:
        counts = frequency["frequency_band"].value_counts().reindex(bands, fill_value=0)
        return pd.DataFrame(
            {
                "frequency_band": bands,
                "count_members": counts.to_numpy().astype("int64"),
                "share_of_members": counts.to_numpy() / total if total else np.zeros(len(bands)),
            }
        )
    joined = frequency.merge(tiers[["member_id", "tier"]], on="member_id", how="inner")
    grid = pd.crosstab(joined["frequency_band"], joined["tier"]).reindex(
        index=bands, columns=list(TIER_ORDER), fill_value=0
    )
    table = grid.stack().rename("count_members").reset_index()
    table.columns = ["frequency_band", "tier", "count_members"]
    table["count_members"] = table["count_members"].astype("int64")
    table["share_of_members"] = table["count_members"] / total if total else 0.0
    return table


def frequency_takeaway(frequency: pd.DataFrame, tiers: pd.DataFrame) -> str:
    """One sentence on how often the typical member, and the typical Champion, comments."""
    if frequency.empty:
        return _("No member has commented yet.")
    typical = frequency["comments_per_active_month"].median()
    said = {
        "comments": ngettext("{count} comment", "{count} comments", typical).format(
            count=wording.value(typical, "decimal")
        ),
        "share": wording.percent((frequency["count_active_months"] == 1).mean()),
    }
    champions = frequency.merge(tiers.loc[tiers["tier"] == "Champion", ["member_id"]], on="member_id")
    if len(champions):
        # Translators: {comments} is "2.0 comments"; {champion} the typical Champion's comments, a number.
        return _(
            "The typical member writes {comments} in a month they are around, and {share} of members have "
            "commented in one month only; the typical Champion writes {champion}."
        ).format(champion=wording.value(champions["comments_per_active_month"].median(), "decimal"), **said)
    return _(
        "The typical member writes {comments} in a month they are around, and {share} of members have "
        "commented in one month only."
    ).format(**said)


def sentiment_segments(sentiment: pd.DataFrame, tiers: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many members are promoters, neutral or detractors, overall and in each tier?

    `sentiment` from `member_sentiment`. One row per (group, segment): the group "All members"
    first, then each tier of `tiers` in tier order. Columns: group, segment, count_members,
    share_of_group, meaning.
    """
    frame = sentiment[["member_id", "sentiment_segment"]]
    groups = [(ALL_MEMBERS, frame)]
    if tiers is not None:
        joined = frame.merge(tiers[["member_id", "tier"]], on="member_id", how="inner")
        groups += [(name, joined[joined["tier"] == name]) for name in TIER_ORDER]
    rows = []
    for group, members in groups:
        counts = members["sentiment_segment"].value_counts()
        size = len(members)
        for segment in SEGMENT_ORDER:
            count = int(counts.get(segment, 0))
            rows.append(
                {
                    "group": group,
                    "segment": segment,
                    "count_members": count,
                    "share_of_group": count / size if size else np.nan,
                    "meaning": _(SEGMENT_MEANINGS[segment]),
                }
            )
    table = pd.DataFrame(rows, columns=["group", "segment", "count_members", "share_of_group", "meaning"])
    table["count_members"] = table["count_members"].astype("int64")
    return table
