"""Which calendar day does each row of a TikTok export stand for?

TikTok Studio writes dates without a year, in the UI language (`February 28`, `8 de marzo`,
`25 Φεβρουαρίου`, `9月13日`, `18 tháng Tám`). This module reads the month and day, then gives
them a year from an anchor: the download date or first day found in the file name, or the
upload day. Choices a reader may wonder about:

- Month names come from Babel's CLDR data for a fixed list of locales (`LOCALES`), not from
  hand-typed lists. Tokens are casefolded, lose trailing dots and extra spaces, and also match
  without accents (`fevrier`, `Φεβρουαριου`) wherever that spelling means no other month.
  When two locales give one token different months, the locale listed first wins and
  `build_month_lookup` reports it; the chosen list has no such conflict (a test proves it).
- Vietnamese TikTok spells months as words (`tháng Tám`) that CLDR lacks: a small hand table.
- Babel 2.18 leaks resolved stand-alone month aliases between locales (python-babel/babel#1234):
  asking for `ja` stand-alone names makes later `tr` answers Japanese, for every caller in the
  process. So stand-alone names are only requested where CLDR spells them out (`_STAND_ALONE`);
  everywhere else CLDR defines them as the format names, which are already in the table.
- Years: the last row is anchored and the year steps back whenever the month-day goes up while
  walking backwards, which is exact for daily rows; a Feb 29 moves the whole window to a leap year.
"""

import calendar
import datetime
import functools
import itertools
import numbers
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd
from babel.dates import get_month_names

# Languages of TikTok Studio's UI that marketers are likely to export from. Order is priority.
LOCALES: tuple[str, ...] = tuple("en en_GB es pt fr de it id vi el ru ja zh ko th tr nl pl sv".split())
# Widths whose stand-alone names CLDR spells out for a locale (nominatives such as `Φεβρουάριος`,
# `январь`, `styczeń`); see the module docstring for why this is explicit.
_STAND_ALONE: dict[str, tuple[str, ...]] = {
    "de": ("abbreviated",),
    "el": ("wide", "abbreviated"),
    "ru": ("wide", "abbreviated"),
    "pl": ("wide",),
    "vi": ("wide", "abbreviated"),
}
# CLDR gives Vietnamese `tháng 8`; TikTok also writes the month as a word. Giêng and Chạp are
# the traditional names of the first and last month, rare but unambiguous.
_VIETNAMESE_MONTH_WORDS = {
    1: ("một", "giêng"),
    2: ("hai",),
    3: ("ba",),
    4: ("tư", "bốn"),
    5: ("năm",),
    6: ("sáu",),
    7: ("bảy",),
    8: ("tám",),
    9: ("chín",),
    10: ("mười",),
    11: ("mười một",),
    12: ("mười hai", "chạp"),
}

# A day, then the month: `8 de marzo`, `8. Juli`, `1er mai`, `ngày 18 tháng 8`. NFKC turns `1º` into `1o`.
_DAY_FIRST = re.compile(r"(?:ngày\s+)?(?P<day>\d{1,2})(?:er|o|st|nd|rd|th|\.)?\s*(?:de\s+)?(?P<month>\D.*)")
# The month, then a day: `February 28`, `9月13日`, `9월 13일`.
_MONTH_FIRST = re.compile(r"(?P<month>.+?)\s*(?P<day>\d{1,2})(?:st|nd|rd|th|日|号|號|일)?")
_TIME = r"(?:[t\s]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?\s*(?:[ap]m)?\s*(?:z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
_YEAR_FIRST = re.compile(
    r"(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})" + _TIME
)
_YEAR_LAST = re.compile(
    r"(?P<first>[0-9]{1,2})(?P<sep>[-/.])(?P<second>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})" + _TIME
)
_EARLIEST = datetime.datetime(2016, 1, 1)  # TikTok (and its id scheme) did not exist before
_LATEST = datetime.datetime(2100, 1, 1)
_UNIX_EPOCH = datetime.datetime(1970, 1, 1)
_CJK_UNIT_SPACES = re.compile(r"\s*([月日号號월일])")
_MAX_TEXT = 64  # no real date is longer; spares the regexes pathological input


def _normalise(token: str) -> str:
    """The form month names are compared in: NFKC, casefolded, single spaces, no trailing dots."""
    folded = unicodedata.normalize("NFKC", token).casefold()
    # `9 月 13 日` is still 9月13日: spaces around CJK date units carry no meaning.
    folded = _CJK_UNIT_SPACES.sub(r"\1", folded)
    return " ".join(folded.split()).rstrip(".").strip()


def _without_accents(token: str) -> str:
    # Only the combining diacritics block (U+0300-U+036F): Latin, Greek and Vietnamese accents.
    # Thai vowel signs are letters, not accents, and must stay.
    decomposed = unicodedata.normalize("NFD", token)
    kept = "".join(char for char in decomposed if not "\u0300" <= char <= "\u036f")
    return unicodedata.normalize("NFC", kept)


def _month_names(locale: str) -> list[tuple[int, str]]:
    names: list[tuple[int, str]] = []
    for width in ("wide", "abbreviated"):
        contexts: list[Literal["format", "stand-alone"]] = (
            ["format", "stand-alone"] if width in _STAND_ALONE.get(locale, ()) else ["format"]
        )
        for context in contexts:
            names.extend(get_month_names(width, context, locale).items())
    return names


def build_month_lookup(locales: Sequence[str] = LOCALES) -> tuple[dict[str, int], list[str]]:
    """Month number of every normalised month name of `locales`, and the conflicts met.

    A conflict is a token two sources read as different months: the source listed first keeps it
    (the Vietnamese hand table comes last); an accent-free variant that would mean another month
    than an existing token is left out, so only its accented spelling is recognised.
    """
    sources: list[tuple[str, list[tuple[int, str]]]] = [(locale, _month_names(locale)) for locale in locales]
    words = [
        (month, f"tháng {word}") for month, spellings in _VIETNAMESE_MONTH_WORDS.items() for word in spellings
    ]
    sources.append(("vi (TikTok month words)", words))
    lookup: dict[str, int] = {}
    owner: dict[str, str] = {}
    conflicts: list[str] = []
    for source, names in sources:
        for month, name in names:
            token = _normalise(name)
            if token in lookup and lookup[token] != month:
                conflicts.append(f"{token!r}: {lookup[token]} in {owner[token]}, {month} in {source}")
                continue
            lookup.setdefault(token, month)
            owner.setdefault(token, source)
    variants: dict[str, set[int]] = {}
    for token, month in lookup.items():
        variants.setdefault(_without_accents(token), set()).add(month)
    for variant, months in variants.items():
        if variant in lookup:
            months.add(lookup[variant])
        if len(months) > 1:
            conflicts.append(f"{variant!r} without accents: months {sorted(months)}")
        else:
            lookup.setdefault(variant, months.pop())
    return lookup, conflicts


@functools.cache
def _month_lookup() -> dict[str, int]:
    return build_month_lookup(LOCALES)[0]


def _is_calendar_day(month: int, day: int) -> bool:
    # A leap year, so that Feb 29 counts: the year is not known yet.
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]


def parse_month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a localized year-less date like 'February 28' or '9月13日'; None if it is not one."""
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        return None
    cleaned = _normalise(text)
    lookup = _month_lookup()
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        month_token = _normalise(match["month"])
        month = lookup.get(month_token) or lookup.get(_without_accents(month_token))
        day = int(match["day"])
        if month is not None and _is_calendar_day(month, day):
            return month, day
    return None


def parse_month_day_series(values: pd.Series) -> pd.Series:
    """(month, day) tuples, or None, for a column of year-less dates; each distinct text is parsed once."""
    parsed = {value: parse_month_day(value) for value in pd.unique(values) if isinstance(value, str)}
    return pd.Series(
        [parsed.get(value) if isinstance(value, str) else None for value in values],
        index=values.index,
        dtype=object,
        name=values.name,
    )


def parse_full_date(text: str) -> datetime.date | None:
    """A date that carries its year, or None.

    Year first: '2026-05-10', '2026/05/10', '2026.05.10', each optionally followed by a time
    ('2026-05-10 14:03:00', '2026-05-10T14:03:00Z'); the date is taken as written, no time zone
    shift. Year last: '10/05/2026' is read day first (10 May), as most of TikTok's markets write
    it; month first only when that is the sole valid reading ('05/25/2026' is 25 May).
    """
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        return None
    cleaned = unicodedata.normalize("NFKC", text).strip().casefold()
    if match := _YEAR_FIRST.fullmatch(cleaned):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    elif match := _YEAR_LAST.fullmatch(cleaned):
        year, day, month = int(match["year"]), int(match["first"]), int(match["second"])
        if month > 12:
            day, month = month, day
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _checked(month_day: tuple[int, int]) -> tuple[int, int]:
    month, day = month_day
    if not _is_calendar_day(month, day):
        raise ValueError(f"({month}, {day}) is not a (month, day) of any year")
    return month, day


def _walk_years(rows: list[tuple[int, int]], year: int, step: int) -> list[datetime.date]:
    """Dates of `rows` in walking order, the first in `year`; `step` is -1 to walk back in time."""
    crossings = [0]  # New Years crossed since the first row
    for previous, current in itertools.pairwise(rows):
        new_year = current > previous if step < 0 else current < previous
        crossings.append(crossings[-1] + int(new_year))
    if (2, 29) in rows:
        # Move the whole window, not one row, so that consecutive days stay consecutive.
        while not calendar.isleap(year + step * crossings[rows.index((2, 29))]):
            year += step
    dates: list[datetime.date] = []
    for month_day, crossed in zip(rows, crossings, strict=True):
        while month_day == (2, 29) and not calendar.isleap(year + step * crossed):
            year += step  # contradictory input only: this row and the rest move on alone
        dates.append(datetime.date(year + step * crossed, *month_day))
    return dates


def assign_years(
    month_days: Sequence[tuple[int, int]], *, last_on_or_before: datetime.date
) -> list[datetime.date]:
    """Dates for year-less rows in file order (oldest first), the last row anchored.

    The last row gets the latest year that puts it on or before `last_on_or_before`. Walking
    backwards, the year steps back by one whenever (month, day) goes up compared with the row
    after it; equal values (FollowerActivity's 24 rows a day) keep the year. A Feb 29 moves the
    whole window back until it lands on a leap year (Feb 28, Feb 29, Mar 1 anchored on
    2025-03-02 is 2024). Raises ValueError for a (month, day) that exists in no year.
    """
    rows = [_checked(month_day) for month_day in month_days]
    if not rows:
        return []
    bound = (last_on_or_before.month, last_on_or_before.day)
    year = last_on_or_before.year - int(rows[-1] > bound)
    return _walk_years(rows[::-1], year, -1)[::-1]


def assign_years_from_first(
    month_days: Sequence[tuple[int, int]], *, first_on: datetime.date
) -> list[datetime.date]:
    """Dates for year-less rows in file order (oldest first), the first row anchored.

    The first row gets the earliest year that puts it on or after `first_on` (so first_on.year
    when the month-day matches, as with `Overview_<first day>_...` names). Walking forward, the
    year steps up by one whenever (month, day) goes down; equal values keep the year. A Feb 29
    moves the whole window forward until it lands on a leap year. Raises ValueError as above.
    """
    rows = [_checked(month_day) for month_day in month_days]
    if not rows:
        return []
    year = first_on.year + int(rows[0] < (first_on.month, first_on.day))
    return _walk_years(rows, year, +1)


@dataclass(frozen=True)
class FileNameDates:
    """What a TikTok export's file name says, when the user has not renamed it away."""

    # The day the file was made: from a Unix epoch (`Overview_..._1773506459_...`, seconds or
    # milliseconds, read as UTC) or a date followed by a time of day (a scraper's run time,
    # `dataset_tiktok-comments-scraper_2025-05-25_06-21-26-775`, `tiktok_comments_20250802_134414`).
    download_date: datetime.date | None = None
    # A date with no time after it: TikTok's `Overview_<first day>_<epoch>_<handle>`.
    first_date: datetime.date | None = None
    # The account: `Content_<handle>`, `Overview_<day>_<epoch>_<handle>`, `Followers_<handle>` folders.
    handle: str | None = None
    # The last day a name like `Overview_April-Des2025` or `Viewers 2025` says the data reaches.
    through_date: datetime.date | None = None


# Extensions an export or its copy carries; a handle may contain dots (`sobat.ti`), so only these go.
_EXTENSION = re.compile(r"(?:\.(?:zip|csv|tsv|txt|xlsx|xlsm|xls|json|jsonl))+$", re.IGNORECASE)
# `Content_brand (1).zip`, `Content_brand - Copy.csv`: what browsers and file managers add to copies.
_COPY_SUFFIX = re.compile(
    r"(?:\s*\(\d{1,3}\)|\s+-\s+(?:copy|kopie|copia|copie|salinan)(?:\s*\(\d{1,3}\))?)$", re.I
)
_SECTION_AND_HANDLE = re.compile(
    r"(?:^|[\s_\-])(?:overview|content|viewers|followers?)"
    # Possessive (`?+`): an epoch present is never handed back to be read as part of the handle.
    r"(?:_[0-9]{4}[-.]?[0-9]{2}[-.]?[0-9]{2}(?![0-9]))?+(?:_[0-9]{10}(?:[0-9]{3})?)?+"
    # TikTok usernames: letters, digits, `_` and `.`, 2-24 characters, not all digits.
    r"_(?P<handle>(?![0-9]+$)[a-z0-9_.]{2,24})$",
    re.IGNORECASE,
)
# `(?<![0-9])`/`(?![0-9])`: ten digits inside a 19-digit video id are not an epoch.
_EPOCH_IN_NAME = re.compile(r"(?<![0-9])(?:[0-9]{13}|[0-9]{10})(?![0-9])")
_DAY = r"(?P<year>20[0-9]{2})(?P<sep>[-.]?)(?P<month>[0-9]{2})(?P=sep)(?P<day>[0-9]{2})"
_DAY_LAST = r"(?P<first>[0-9]{2})(?P<sep2>[-.])(?P<second>[0-9]{2})(?P=sep2)(?P<year2>20[0-9]{2})"
_CLOCK = r"(?P<clock>[_\sT-]+[0-9]{2}[-.:h]?[0-9]{2}(?:[-.:m]?[0-9]{2})?)?"
_DATE_IN_NAME = re.compile(rf"(?<![0-9])(?:{_DAY}|{_DAY_LAST}){_CLOCK}(?![0-9])", re.IGNORECASE)
_MONTH_YEAR = re.compile(
    r"(?:(?P<start>[^\W\d_]{3,})\s*(?:-|–|_|\bto\b|\bsd\b|\ba\b)\s*)?(?P<end>[^\W\d_]{3,})[\s_.\-]*(?P<year>20[0-9]{2})(?![0-9])",
    re.IGNORECASE,
)
_YEAR_ALONE = re.compile(r"(?<![0-9a-z])20[0-9]{2}(?![0-9a-z])", re.IGNORECASE)


def _plausible_utc(seconds: int) -> datetime.datetime | None:
    moment = _UNIX_EPOCH + datetime.timedelta(seconds=seconds) if 0 <= seconds < 10**11 else None
    return moment if moment is not None and _EARLIEST <= moment < _LATEST else None


def _named_day(match: re.Match[str]) -> datetime.date | None:
    if match["year"]:
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    else:
        year, day, month = int(match["year2"]), int(match["first"]), int(match["second"])
        if month > 12:
            day, month = month, day
    try:
        named = datetime.date(year, month, day)
    except ValueError:
        return None
    return named if _EARLIEST.date() <= named < _LATEST.date() else None


def _month(token: str) -> int | None:
    token = _normalise(token)
    return _month_lookup().get(token) or _month_lookup().get(_without_accents(token))


def _part_dates(part: str) -> FileNameDates:
    """What one part of a path (a file, ZIP or folder name) says."""
    stem = _COPY_SUFFIX.sub("", _EXTENSION.sub("", part.strip())).strip()
    download = first = through = None
    for digits in _EPOCH_IN_NAME.findall(stem):
        seconds = int(digits) // 1000 if len(digits) == 13 else int(digits)
        if moment := _plausible_utc(seconds):
            download = moment.date()
            break
    for match in _DATE_IN_NAME.finditer(stem):
        named = _named_day(match)
        if named is None:
            continue
        if match["clock"] and download is None:
            download = named
        elif not match["clock"] and first is None:
            first = named
    # What is left once the numbers above are gone may still name months and a year.
    words = _EPOCH_IN_NAME.sub(" ", _DATE_IN_NAME.sub(" ", stem))
    for match in _MONTH_YEAR.finditer(words):
        end = _month(match["end"])
        if end is not None:
            year = int(match["year"])
            through = datetime.date(year, end, calendar.monthrange(year, end)[1])
            break
    if through is None and (alone := _YEAR_ALONE.search(words)):
        through = datetime.date(int(alone.group()), 12, 31)
    found = _SECTION_AND_HANDLE.search(stem)
    handle = found["handle"].lower() if found else None
    return FileNameDates(download, first, handle, through)


def file_name_dates(name: str) -> FileNameDates:
    """Download day, first day, account handle and latest day named in a file name or path.

    'TIKTOK Overview_2026-02-10_1773506459_handle.csv' -> download 2026-03-14, first 2026-02-10,
    handle 'handle'. Every part of a path counts ('Overview_2026-02-10_1773506459_h.zip/Overview.csv',
    'Followers_sobat.ti/FollowerGender.csv', and ' › ' between a ZIP and its member); each fact is
    taken from the part closest to the file that has it. An epoch must fall in 2016-2099 and
    stand alone: ten digits inside a longer number (a video id) are ignored.
    """
    found = FileNameDates()
    for part in reversed(re.split(r"[\\/]| › ", name)):
        here = _part_dates(part)
        found = FileNameDates(
            found.download_date or here.download_date,
            found.first_date or here.first_date,
            found.handle or here.handle,
            found.through_date or here.through_date,
        )
    return found


def post_time_from_video_id(video_id: str | int) -> datetime.datetime | None:
    """When a video was posted (naive UTC), read from its id: the top bits are Unix seconds.

    None when the id is not a plausible TikTok id: not all digits, or a time before 2016 or
    from 2100 on.
    """
    if isinstance(video_id, bool):
        return None
    if isinstance(video_id, str):
        digits = video_id.strip()
        if not (digits.isascii() and digits.isdigit()) or len(digits) > 25:
            return None
        video_id = int(digits)
    # Integral, not int: ids read by pandas arrive as numpy.int64.
    if not isinstance(video_id, numbers.Integral) or video_id < 0:
        return None
    return _plausible_utc(int(video_id) >> 32)
