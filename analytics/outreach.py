"""Acting on the member lists: where to find each member on TikTok, who was contacted, who came back.

Choices a reader would wonder about:

- Links are built here from parts that were checked, never copied from uploaded text. A profile
  link only for a real handle (TikTok's characters: A–Z, a–z, 0–9, "." and "_", at most 24),
  never for a display name or a numeric user id. A video link from the comment's own link when it
  is a web link on tiktok.com to a video (rebuilt from its host and path, in https; its query is
  dropped: share links carry other people's ids), else from the video's id and its account's handle.
- A "contacted" mark is a day (the marketer ticks a box), kept in the client's memory as
  member_id -> ISO date. The member id is the key, so no name or handle is written for it, and
  what is read back is checked: anything that is not an id and a real day is ignored.
- A contacted member "came back" when they commented on a later day than the contact. A comment
  on the contact day itself does not count: the mark has no time, and that comment is often the
  one the marketer answered (it came first, then the contact).
- Whether they came back is judged on every comment loaded, whatever the tiers' as-of day: the
  question is "did reaching out work", asked now. When no comment loaded is newer than the
  contact day, the files cannot tell yet, and the status says so instead of "not back yet".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from urllib.parse import quote, urlsplit

import duckdb
import pandas as pd

from analytics import wording
from analytics.db import read_sql
from analytics.i18n import _, ngettext
from analytics.preferences import Memory

CONTACTED = "contacted.json"  # the name of the marks in a client's memory

HANDLE = re.compile(r"[A-Za-z0-9._]{1,24}")
# TikTok's user ids are 19 digits: a "handle" of 15 digits or more is an id given in the wrong column.
USER_ID = re.compile(r"\d{15,}")
VIDEO_ID = re.compile(r"\d{6,25}")
TIKTOK_HOSTS = frozenset(
    {"tiktok.com", "www.tiktok.com", "m.tiktok.com", "t.tiktok.com", "vm.tiktok.com", "vt.tiktok.com"}
)
# A video's page: an optional /@handle, plain path words (/i18n/share), then /video/<id> (or photo, v).
VIDEO_PATH = re.compile(
    r"(?:/@[A-Za-z0-9._]{1,24})?(?:/[A-Za-z0-9_-]{1,40}){0,3}/(?:video|photo|v)/\d{6,25}/?"
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
EARLIEST_CONTACT, LATEST_CONTACT = date(2016, 1, 1), date(2100, 1, 1)

CAME_BACK, NOT_YET, TOO_SOON = "yes", "not yet", "too soon to tell"


# ---------------------------------------------------------------- links


def tiktok_handle(value: object) -> str | None:
    """The handle, if `value` is one TikTok could have given (a leading "@" allowed), else None."""
    if not isinstance(value, str):
        return None
    handle = value.removeprefix("@")
    if not HANDLE.fullmatch(handle) or USER_ID.fullmatch(handle) or not re.search(r"[A-Za-z0-9]", handle):
        return None
    return handle


def profile_link(handle: object) -> str | None:
    """Where to open this member on TikTok (https://www.tiktok.com/@handle), only for a real handle."""
    checked = tiktok_handle(handle)
    return None if checked is None else "https://www.tiktok.com/@" + quote(checked, safe="")


def video_link(video_url: object, video_id: object, account: object) -> str | None:
    """Where to open the video a comment is on: its own link when that is a TikTok video page,
    else https://www.tiktok.com/@account/video/id when both are known; None otherwise."""
    if isinstance(video_url, str):
        try:
            parts = urlsplit(video_url.strip())
            host = parts.hostname
        except ValueError:
            parts, host = None, None
        if (
            parts is not None
            and parts.scheme.lower() in ("https", "http")
            and host in TIKTOK_HOSTS
            and parts.netloc.lower() == host  # no user, password or port
            and VIDEO_PATH.fullmatch(parts.path)
        ):
            return f"https://{host}{quote(parts.path, safe='/@')}"
    handle = tiktok_handle(account)
    if handle is None or not isinstance(video_id, str) or not VIDEO_ID.fullmatch(video_id):
        return None
    return f"https://www.tiktok.com/@{quote(handle, safe='')}/video/{video_id}"


def member_links(
    con: duckdb.DuckDBPyConnection,
    members: pd.DataFrame,
    *,
    as_of: date | None = None,
    account: str | None = None,
) -> pd.DataFrame:
    """Where to find each listed member on TikTok: their profile, and the video of their last comment.

    `members`: rows with member_id and member_handle (e.g. from `member_tiers`); `account`: the
    handle to build a video link with when neither the comment's link nor the Content export names
    the video's account. The last comment is the newest up to `as_of`, the brand's own excluded.
    Returns `members` with profile_link and video_link (None where not known), in the same order.
    """
    listed = pd.DataFrame({"member_id": members["member_id"].astype(str).unique()})
    con.register("listed_members", listed)
    try:
        last = con.execute(
            read_sql("outreach_last_comments"),
            {"as_of": as_of},
        ).df()
    finally:
        con.unregister("listed_members")
    videos = {
        row.member_id: video_link(
            row.video_url,
            row.video_id,
            row.account_handle if isinstance(row.account_handle, str) else account,
        )
        for row in last.itertuples()
    }
    handles = members["member_handle"] if "member_handle" in members else pd.Series(None, index=members.index)
    return members.assign(
        profile_link=pd.Series(
            [profile_link(handle) for handle in handles], index=members.index, dtype=object
        ),
        video_link=pd.Series(
            [videos.get(str(key)) for key in members["member_id"]], index=members.index, dtype=object
        ),
    )


# ---------------------------------------------------------------- contacted marks


def clean_contacted(value: object) -> dict[str, date]:
    """The well-formed marks of a stored value: member id (text) -> a real day; the rest is ignored."""
    if not isinstance(value, Mapping):
        return {}
    marks = {}
    for member_id, day in value.items():
        if not isinstance(member_id, str) or not member_id.strip() or len(member_id) > 200:
            continue
        if not isinstance(day, str) or not ISO_DAY.fullmatch(day):
            continue
        try:
            parsed = date.fromisoformat(day)
        except ValueError:
            continue
        if EARLIEST_CONTACT <= parsed <= LATEST_CONTACT:
            marks[member_id] = parsed
    return marks


def load_contacted(memory: Memory) -> dict[str, date]:
    """Who the marketer marked as contacted, and when: member id -> day; {} when nobody."""
    return clean_contacted(memory.read(CONTACTED))


def save_contacted(marks: Mapping[str, date], memory: Memory) -> bool:
    """Remember these marks (replacing the stored ones). False if they could not be kept."""
    return memory.write(CONTACTED, {member_id: day.isoformat() for member_id, day in sorted(marks.items())})


def with_contacts(marks: Mapping[str, date], ticked: Mapping[str, bool], day: date) -> dict[str, date]:
    """The marks after ticking members (contacted on `day`; an earlier mark is kept) or unticking them."""
    updated = dict(marks)
    for member_id, is_contacted in ticked.items():
        if is_contacted:
            updated.setdefault(str(member_id), day)
        else:
            updated.pop(str(member_id), None)
    return updated


# ---------------------------------------------------------------- did they come back?


def contact_outcomes(con: duckdb.DuckDBPyConnection, contacted: Mapping[str, date]) -> pd.DataFrame:
    """Did the members we contacted come back? One row per contacted member, newest contact first.

    Counts their comments (the brand's own excluded) on the days after the contact day; the
    contact day itself does not count (see the module's note). Columns: member_id,
    contacted_date, count_comments_since_contact, came_back ("yes", "not yet", or "too soon to tell"
    when no comment loaded is newer than the contact day), contact_status (the sentence
    the lists show: "Contacted 3 Oct · came back (2 comments since)", with the year when it is not
    the newest comment's).
    """
    marks = pd.DataFrame(
        {"member_id": list(contacted), "contacted_date": pd.to_datetime(list(contacted.values()))},
        columns=["member_id", "contacted_date"],
    )
    marks["member_id"] = marks["member_id"].astype(str)
    con.register("contact_marks", marks)
    try:
        counted = con.execute(read_sql("outreach_since_contact")).df()
    finally:
        con.unregister("contact_marks")
    count = counted["count_comments_since_contact"].astype("int64")
    days = pd.to_datetime(counted["contacted_date"]).dt.date
    newest = pd.to_datetime(counted["newest_date"]).dt.date
    too_soon = newest.isna() | (newest.fillna(date.min) <= days)
    came_back = (
        pd.Series(NOT_YET, index=counted.index)
        .mask(count > 0, CAME_BACK)
        .mask((count == 0) & too_soon, TOO_SOON)
    )
    said = {
        # Translators: {day} is "3 Oct" (the year only when it is not the newest comment's).
        CAME_BACK: lambda n: ngettext(
            "Contacted {day} · came back ({count} comment since)",
            "Contacted {day} · came back ({count} comments since)",
            n,
        ),
        NOT_YET: lambda n: _("Contacted {day} · not back yet"),
        TOO_SOON: lambda n: _("Contacted {day} · too soon to tell"),
    }
    # "3 Oct" in the year of the newest comment loaded, "3 Oct 2025" before it.
    year = max((value.year for value in newest.dropna()), default=None)
    status = [
        said[outcome](n).format(
            day=wording.short_day(day) if day.year == year else wording.day(day), count=wording.count(n)
        )
        for day, outcome, n in zip(days, came_back, count, strict=True)
    ]
    return pd.DataFrame(
        {
            "member_id": counted["member_id"].astype(str),
            "contacted_date": days,
            "count_comments_since_contact": count,
            "came_back": came_back.astype(str),
            "contact_status": pd.Series(status, index=counted.index, dtype=object),
        }
    )


def with_outcomes(members: pd.DataFrame, outcomes: pd.DataFrame) -> pd.DataFrame:
    """The listed members with is_contacted and their `contact_outcomes` columns (empty when not contacted)."""
    extra = outcomes.set_index("member_id")
    result = members.assign(is_contacted=members["member_id"].isin(extra.index))
    for column in ("contacted_date", "count_comments_since_contact", "came_back", "contact_status"):
        values = extra[column].to_dict()
        result[column] = pd.Series(
            [values.get(key) for key in members["member_id"]], index=members.index, dtype=object
        )
    return result


def contact_summary(outcomes: pd.DataFrame, *, today: date, days: int = 60) -> str | None:
    """One line above the lists: "7 contacted in the last 60 days; 3 came back." None when nobody was."""
    when = outcomes["contacted_date"]
    recent = outcomes[(when > today - timedelta(days=days)) & (when <= today)]
    if recent.empty:
        return None
    came = int((recent["came_back"] == CAME_BACK).sum())
    too_soon = int((recent["came_back"] == TOO_SOON).sum())
    numbers = {
        "contacted": wording.count(len(recent)),
        "days": wording.count(days),
        "came": wording.count(came),
        "too_soon": wording.count(too_soon),
    }
    if too_soon:
        return _(
            "{contacted} contacted in the last {days} days; {came} came back ({too_soon} too recent for the "
            "comments loaded)."
        ).format(**numbers)
    return _("{contacted} contacted in the last {days} days; {came} came back.").format(**numbers)
