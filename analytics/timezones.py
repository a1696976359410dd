"""When is the brand's audience around: which time zone it lives in, and when its followers are active.

Choices a reader would wonder about:

- The guess: the top audience territory (TikTok Studio's follower territories, "Others" aside), then
  CLDR's list of that territory's time zones (Babel's `territory_zones`), then the zone's offset from
  UTC on a given day (zoneinfo, so daylight saving time is right for that day). A fixed offset is what
  the posting-time table uses: for a zone with summer time, the page says which offset it picked.
- A territory spanning several zones: CLDR lists them unordered, so the most populous zone is taken
  from a short table of the big ones (the United States -> New York, Brazil -> São Paulo); any other
  gets the CLDR metazone shared by most of its zones, and within it the alphabetically first zone.
- Follower activity hours are shown as TikTok wrote them: the export does not say which time zone
  its hours are in, so shifting them would be a guess on a guess. The page says so under the chart.
  On the newest day, the hours after the last non-zero hour are zeros only because they had not
  happened yet when the file was downloaded: they are left out, not averaged in as zeros.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import duckdb
import pandas as pd
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from analytics import wording
from analytics.db import read_sql
from analytics.i18n import N_, _, language
from analytics.wording import day

# Shown translated: `_(WEEKDAYS[n])`.
WEEKDAYS: list[str] = [
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
]

# Where most people of a multi-zone territory live (each zone is in CLDR's list for the territory).
MOST_POPULOUS_ZONE: dict[str, str] = {
    "US": "America/New_York",
    "CA": "America/Toronto",
    "MX": "America/Mexico_City",
    "BR": "America/Sao_Paulo",
    "AR": "America/Argentina/Buenos_Aires",
    "CL": "America/Santiago",
    "EC": "America/Guayaquil",
    "AU": "Australia/Sydney",
    "NZ": "Pacific/Auckland",
    "ID": "Asia/Jakarta",
    "RU": "Europe/Moscow",
    "KZ": "Asia/Almaty",
    "ES": "Europe/Madrid",
    "PT": "Europe/Lisbon",
    "UA": "Europe/Kyiv",
    "CD": "Africa/Kinshasa",
    "MN": "Asia/Ulaanbaatar",
    "MY": "Asia/Kuala_Lumpur",
    "UZ": "Asia/Tashkent",
    "PS": "Asia/Hebron",
    "GL": "America/Nuuk",
    "PF": "Pacific/Tahiti",
    "FM": "Pacific/Chuuk",
}


@dataclass(frozen=True)
class ZoneGuess:
    """The time zone the page uses, and where it came from."""

    zone: str  # IANA name; "UTC" when there is nothing to go on
    utc_offset_hours: float  # on the day the guess was made for
    territory_code: str | None
    territory_name: str | None
    territory_share: float | None  # of followers, 0-1
    has_daylight_saving: bool
    reason: str  # a sentence for the page


# ---------------------------------------------------------------- zones and offsets


def territory_name(code: str) -> str:
    """The name of a territory code in this run's language ("VN" -> "Vietnam", "Việt Nam"); the code when unknown."""
    return Locale.parse(language()).territories.get(code.upper(), code)


@cache
def _codes_by_name() -> dict[str, str]:
    return {name.casefold(): code for code, name in Locale("en").territories.items() if code.isalpha()}


def territory_code(value: str | None) -> str | None:
    """An ISO territory code from a code or an English name ("vn", "Vietnam" -> "VN"); None if unknown."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.upper() in get_global("territory_zones"):
        return text.upper()
    return _codes_by_name().get(text.casefold())


def _exists(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_for_territory(code: str | None) -> str | None:
    """The time zone most of a territory's people live in ("FR" -> "Europe/Paris"); None if unknown."""
    code = territory_code(code)
    zones = [zone for zone in get_global("territory_zones").get(code or "", []) if _exists(zone)]
    if not zones or code == "ZZ":
        return None
    if len(zones) == 1:
        return zones[0]
    populous = MOST_POPULOUS_ZONE.get(code or "")
    if populous in zones:
        return populous
    meta_zones = get_global("meta_zones")
    counts = Counter(meta_zones.get(zone) for zone in zones if meta_zones.get(zone))
    if not counts:
        return sorted(zones)[0]
    top = min(counts, key=lambda name: (-counts[name], name))
    return sorted(zone for zone in zones if meta_zones.get(zone) == top)[0]


def utc_offset_hours(zone: str, on: date) -> float:
    """Hours ahead of UTC in this zone at noon on `on` ("Europe/Paris", 1 July -> 2.0)."""
    offset = datetime.combine(on, time(12), tzinfo=ZoneInfo(zone)).utcoffset()
    return offset.total_seconds() / 3600 if offset else 0.0


def zone_label(zone: str, locale: str = "en") -> str:
    """A zone as people say it, with its IANA name: "Vietnam Time (Asia/Ho_Chi_Minh)"."""
    if zone == "UTC":
        return "UTC"
    return f"{get_timezone_location(ZoneInfo(zone), locale=locale)} ({zone})"


def _place(code: str) -> str:
    """A territory's name in this run's language ("VN" -> "Việt Nam"), for a sentence."""
    return Locale.parse(language()).territories.get(code.upper(), code)


def has_daylight_saving(zone: str, year: int) -> bool:
    """Does this zone change its clocks during `year` (mid-January and mid-July offsets differ)?"""
    return utc_offset_hours(zone, date(year, 1, 15)) != utc_offset_hours(zone, date(year, 7, 15))


def describe_offset(hours: float) -> str:
    """An offset as people write it: 7 -> "UTC+07:00", -3.5 -> "UTC−03:30", 0 -> "UTC"."""
    if hours == 0:
        return "UTC"
    minutes = round(abs(hours) * 60)
    return f"UTC{'+' if hours > 0 else '−'}{minutes // 60:02d}:{minutes % 60:02d}"


def offset_choices() -> list[float]:
    """Every UTC offset in use somewhere, west to east (-12 ... +14, with the half and quarter hours)."""
    halves = [step / 2 for step in range(-24, 29)]
    return sorted({*halves, 5.75, 8.75, 12.75})


# ---------------------------------------------------------------- the guess


def top_territory(con: duckdb.DuckDBPyConnection) -> tuple[str, float] | None:
    """The territory with the largest share of followers (TikTok's "Others" aside): ISO code and share."""
    rows = con.execute(
        """
        select territory_code, share
        from audience_territories
        where territory_code is not null and share is not null
        order by share desc, territory_code
        """
    ).fetchall()
    for value, share in rows:
        if code := territory_code(value):
            return code, float(share)
    return None


def guess_time_zone(con: duckdb.DuckDBPyConnection, *, on: date) -> ZoneGuess:
    """Which time zone does the brand's audience live in, going by its top territory?

    `on` is the day the offset is taken for (the middle of the period shown, say). Without territory
    data, or for a territory CLDR does not know, the guess is UTC and the reason says why.
    """
    top = top_territory(con)
    code, share = top if top else (None, None)
    zone = zone_for_territory(code)
    if code is None or zone is None:
        reason = (
            _(
                "No follower territories loaded (TikTok Studio's Followers export has them), so times are in UTC."
            )
            if code is None
            else _("We could not tell the time zone of {territory}, so times are in UTC.").format(
                territory=_place(code)
            )
        )
        return ZoneGuess("UTC", 0.0, code, territory_name(code) if code else None, share, False, reason)
    offset = utc_offset_hours(zone, on)
    name = territory_name(code)
    several = len(get_global("territory_zones").get(code, [])) > 1
    # A share outside 0-1 would be a misread file: better no number than a wrong one.
    place, label, zone_offset = _place(code), zone_label(zone, language()), describe_offset(offset)
    if share is not None and 0 < share <= 1:
        said = [
            _(
                "Your top audience territory is {territory} ({share}% of your followers), so times are in "
                "{zone}, {offset}"
            ).format(territory=place, share=wording.count(round(share * 100)), zone=label, offset=zone_offset)
        ]
    else:
        said = [
            _("Your top audience territory is {territory}, so times are in {zone}, {offset}").format(
                territory=place, zone=label, offset=zone_offset
            )
        ]
    if several:
        said.append(
            _("{territory} has several time zones and this one has the most people").format(territory=place)
        )
    if has_daylight_saving(zone, on.year):
        winter, summer = sorted(
            {utc_offset_hours(zone, date(on.year, 1, 15)), utc_offset_hours(zone, date(on.year, 7, 15))}
        )
        said.append(
            _(
                "the zone moves between {winter} and {summer} through the year, and we use its offset on {day}"
            ).format(winter=describe_offset(winter), summer=describe_offset(summer), day=day(on))
        )
    # Translators: {clauses} are the sentences above joined by "; "
    reason = _("{clauses}.").format(clauses="; ".join(said))
    return ZoneGuess(zone, offset, code, name, share, has_daylight_saving(zone, on.year), reason)


# ---------------------------------------------------------------- follower activity


def follower_activity_grid(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """When are the brand's followers on TikTok, by weekday and hour?

    All 168 slots, Monday 0h first. Columns: weekday (0 = Monday), hour (0-23), count_days (days of
    the file that cover the slot), average_active_followers (mean over those days; NULL when none).
    Hours as TikTok wrote them; the newest day's not-yet-happened hours are left out.
    """
    return con.execute(read_sql("follower_activity_grid")).df()


def peak_activity_hours(grid: pd.DataFrame, *, top: int = 3) -> list[str]:
    """At which hours are followers most active, averaged over the week? In words, busiest first.

    `grid` is follower_activity_grid(). E.g. "20:00–21:00 (4,120 active followers on average)".
    """
    by_hour = (
        grid.dropna(subset=["average_active_followers"])
        .groupby("hour", as_index=False)["average_active_followers"]
        .mean()
        .sort_values(["average_active_followers", "hour"], ascending=[False, True])
        .head(top)
    )
    return [
        _("{start}–{end} ({count} active followers on average)").format(
            start=f"{int(row.hour):02d}:00",
            end=f"{(int(row.hour) + 1) % 24:02d}:00",
            count=wording.count(round(row.average_active_followers)),
        )
        for row in by_hour.itertuples()
    ]
