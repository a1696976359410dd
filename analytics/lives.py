"""How do the brand's TikTok LIVEs go: how often, how many come, how much they interact, who comes back.

Read from the `lives` table (TikTok has no LIVE export: the marketer fills in our template, one row
per broadcast). Choices a reader would wonder about:

- Interactions are comments + likes + shares, as for videos; gifts are counted apart. Likes on a
  LIVE are taps and one viewer can send hundreds, so interactions per viewer is often well above 1.
- Per broadcast numbers are means over broadcasts (what a typical LIVE gets); interactions per viewer
  is a ratio of sums over broadcasts that have both (one big LIVE counts for its size).
- LIVEs per week: broadcasts in the period ÷ the period's weeks; without a period, from the first to
  the last broadcast, never less than one week (one LIVE is "1 a week", not "7 a week").
- Start times are the template's, which asks for the brand's local time: they are not shifted.
- Who keeps coming back: TikTok's comment exports cover videos, not LIVE rooms, so a LIVE regular
  is a member (never the brand) commenting on at least two LIVE replays or LIVE Q&A videos, whose
  ids the caller passes (usually the videos whose format is "LIVE Q&A").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import duckdb
import pandas as pd

from analytics import db, wording
from analytics.db import query, read_sql
from analytics.i18n import N_, _
from analytics.posting_times import weekday_names

WEEKDAYS: list[str] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# metric -> (label, unit, definition), in English (live_kpis words them in the run's language); the units
# are "count", "decimal" and "minutes".
LIVE_METRICS: dict[str, tuple[str, str, str]] = {
    "lives_per_week": (
        N_("LIVEs per week"),
        "decimal",
        N_("Broadcasts in the period ÷ weeks in the period."),
    ),
    "average_viewers": (
        N_("Viewers per LIVE"),
        "count",
        N_("Viewers of a broadcast, averaged over broadcasts."),
    ),
    "average_peak_viewers": (
        N_("Peak viewers per LIVE"),
        "count",
        N_("Most viewers watching at the same moment, averaged over broadcasts."),
    ),
    "interactions_per_live": (
        N_("Interactions per LIVE"),
        "count",
        N_("Comments + likes + shares during a broadcast, averaged over broadcasts (gifts not included)."),
    ),
    "interactions_per_viewer": (
        N_("Interactions per viewer"),
        "decimal",
        N_(
            "Comments + likes + shares ÷ viewers, summed over broadcasts. Likes on a LIVE are taps: one "
            "viewer can send many."
        ),
    ),
    "new_followers_per_live": (
        N_("New followers per LIVE"),
        "decimal",
        N_("Followers gained during a broadcast, averaged over broadcasts."),
    ),
    "average_duration_minutes": (
        N_("Length of a LIVE"),
        "minutes",
        N_("Minutes on air, averaged over broadcasts."),
    ),
    "total_gifts": (N_("Gifts"), "count", N_("Gifts received over all broadcasts in the period.")),
}


def _params(start: date | None, end: date | None) -> dict[str, date | None]:
    return {"start": start, "end": end}


def live_sessions(
    con: duckdb.DuckDBPyConnection, *, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """What happened in each LIVE of the period?

    One row per broadcast, oldest first. Columns: started_at, title, duration_minutes, viewers,
    peak_viewers, comments, likes, shares, gifts, new_followers, total_interactions (comments + likes
    + shares; NULL when all three are missing), interactions_per_viewer (NULL without viewers).
    """
    return query(con, "lives_sessions", _params(start, end)).df()


def live_summary(
    con: duckdb.DuckDBPyConnection, *, start: date | None = None, end: date | None = None
) -> dict[str, float | int | None]:
    """How did the LIVEs of the period go, in a few numbers?

    A dict: count_lives, count_weeks, then every key of LIVE_METRICS (None when no broadcast has
    the number). Weeks: see the module docstring.
    """
    row = query(con, "lives_summary", _params(start, end)).df().iloc[0]
    first, last = start or row["first_live_date"], end or row["last_live_date"]
    days = (pd.Timestamp(last) - pd.Timestamp(first)).days + 1 if not pd.isna(first) else 0
    count_weeks = max(days, 7) / 7 if days else None
    count_lives = int(row["count_lives"])
    summary: dict[str, float | int | None] = {
        "count_lives": count_lives,
        "count_weeks": count_weeks,
        "lives_per_week": count_lives / count_weeks if count_weeks else None,
    }
    for metric in LIVE_METRICS:
        if metric != "lives_per_week":
            value = row[metric]
            summary[metric] = (
                None if pd.isna(value) else (int(value) if metric == "total_gifts" else float(value))
            )
    return summary


def format_live_value(value: float | None, unit: str) -> str:
    """A LIVE number as the page shows it: "0.9", "1,234", "52 min"; "—" when unknown."""
    if value is None or pd.isna(value):
        return "—"
    if unit == "minutes":
        return f"{value:,.0f} min"
    if unit == "decimal":
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def live_kpis(
    con: duckdb.DuckDBPyConnection, *, start: date, end: date, previous: tuple[date, date] | None = None
) -> pd.DataFrame:
    """The LIVE headline numbers of the period, each against the `previous` (first, last day) period:
    by default the period of equal length just before (pass `Period.previous()` for a calendar month).

    One row per LIVE_METRICS key, in its order. Columns: metric, label, unit, value, previous_value,
    change (value ÷ previous - 1; NULL without a previous value), display, definition.
    """
    if previous is None:
        days = (end - start).days + 1
        before_end = start - timedelta(days=1)
        previous = (before_end - timedelta(days=days - 1), before_end)
    current = live_summary(con, start=start, end=end)
    before_summary = live_summary(con, start=previous[0], end=previous[1])
    rows = []
    for metric, (label, unit, definition) in LIVE_METRICS.items():
        value = current[metric]
        # A period without any LIVE is no baseline: "+inf%" or "-100%" says nothing useful.
        before = before_summary[metric] if before_summary["count_lives"] else None
        change = value / before - 1 if value is not None and before else None
        rows.append(
            {
                "metric": metric,
                "label": _(label),
                "unit": unit,
                "value": value,
                "previous_value": before,
                "change": change,
                "display": format_live_value(value, unit),
                "definition": _(definition),
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- when to go LIVE


def live_slots(
    con: duckdb.DuckDBPyConnection, *, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Which day and start hour bring the most viewers to a LIVE?

    One row per weekday (0 = Monday) and start hour with at least one broadcast, best first.
    Columns: weekday, hour, count_lives, average_viewers, relative_viewers, interactions_per_viewer
    (ratio of sums). relative_viewers is the mean, over the slot's broadcasts, of viewers ÷ the median
    viewers of the broadcasts within four weeks either side: an audience that grows would otherwise
    make whichever slot was used last look best.
    """
    return query(con, "lives_slots", _params(start, end)).df()


def best_live_slot(slots: pd.DataFrame, *, min_lives: int = 2) -> str:
    """The day and start hour that draw the most viewers to a LIVE, in one sentence; `slots` is live_slots().

    Only slots with at least `min_lives` broadcasts compete: one lucky evening is not a pattern.
    """
    rated = slots[(slots["count_lives"] >= min_lives) & slots["relative_viewers"].notna()]
    if rated.empty:
        return _(
            "Not enough LIVEs at the same day and time to name a best slot yet: a slot needs {count} "
            "broadcasts to count."
        ).format(count=wording.count(min_lives))
    best = rated.sort_values(
        ["relative_viewers", "count_lives", "weekday", "hour"], ascending=[False, False, True, True]
    ).iloc[0]
    # Translators: "Saturday LIVEs starting 20:00–21:00"
    slot = _("{day} LIVEs starting {start}–{end}").format(
        day=weekday_names(capitalised=False)[int(best["weekday"])],
        start=f"{int(best['hour']):02d}:00",
        end=f"{int(best['hour']) + 1:02d}:00",
    )
    count = _("{count} broadcasts, {viewers} viewers on average").format(
        count=wording.count(int(best["count_lives"])), viewers=wording.count(round(best["average_viewers"]))
    )
    percent = round((best["relative_viewers"] - 1) * 100)
    # Below 10% a slot's lead is within the night-to-night swing of a LIVE audience.
    if percent < 10:
        return _(
            "No day and time stands out yet: the best, {slot}, drew about as many viewers as LIVEs held in the "
            "same weeks ({count})."
        ).format(slot=slot, count=count)
    said = _("{slot} drew {percent}% more viewers than LIVEs held in the same weeks ({count}).").format(
        slot=slot, percent=wording.count(percent), count=count
    )
    return said[:1].upper() + said[1:]  # the slot opens the sentence ("les LIVE du samedi" in French)


# ---------------------------------------------------------------- who comes back


def returning_live_members(
    con: duckdb.DuckDBPyConnection, *, video_ids: Sequence[str], min_videos: int = 2
) -> pd.DataFrame:
    """Who keeps coming back to the brand's LIVEs?

    Members (never the brand) who commented on at least `min_videos` of these LIVE videos (replays
    or LIVE Q&A videos), most LIVE videos first. Columns: member_id, member_handle,
    count_live_videos, count_comments, first_commented_at, last_commented_at.
    """
    return con.execute(
        read_sql("lives_returning_members"),
        {"video_ids": [str(video_id) for video_id in video_ids], "min_videos": min_videos},
    ).df()


def live_commenters_summary(
    con: duckdb.DuckDBPyConnection, *, video_ids: Sequence[str], min_videos: int = 2
) -> dict[str, int]:
    """How many members comment on the LIVE videos, and how many come back?

    A dict: count_live_videos (ids given), count_live_videos_with_comments, count_members (members
    who commented on any), count_returning_members (on at least `min_videos`).
    """
    row = db.one(
        con,
        read_sql("lives_commenters"),
        {"video_ids": [str(video_id) for video_id in video_ids], "min_videos": min_videos},
    )
    return {
        "count_live_videos": len(set(map(str, video_ids))),
        "count_live_videos_with_comments": int(row[0]),
        "count_members": int(row[1]),
        "count_returning_members": int(row[2]),
    }
