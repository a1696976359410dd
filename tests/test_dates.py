import calendar
import datetime
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from babel.dates import format_skeleton
from hypothesis import given
from hypothesis import strategies as st

from analytics import dates
from analytics.dates import (
    LOCALES,
    FileNameDates,
    assign_years,
    assign_years_from_first,
    build_month_lookup,
    file_name_dates,
    parse_full_date,
    parse_month_day,
    parse_month_day_series,
    post_time_from_video_id,
)
from analytics.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
REAL_EXPORTS = Path(__file__).resolve().parents[2] / "shared" / "real_exports"
needs_real_exports = pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="../shared/real_exports is absent")
D = datetime.date


def read_export(relative_path: str) -> pd.DataFrame:
    return pd.read_csv(REAL_EXPORTS / relative_path, dtype=str, encoding="utf-8-sig")


def run_python(code: str) -> str:
    """Run code in a fresh interpreter: Babel's locale cache is process-wide."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


LOCALIZED_DATES = [
    ("February 28", (2, 28)),  # en-US
    ("Feb 28", (2, 28)),
    ("September 3", (9, 3)),
    ("10 February", (2, 10)),  # en-GB
    ("8th February", (2, 8)),
    ("February 28th", (2, 28)),
    ("13 Sept", (9, 13)),
    ("8 de marzo", (3, 8)),  # es
    ("14 de marzo", (3, 14)),
    ("1 de maio", (5, 1)),  # pt
    ("30 de abril", (4, 30)),
    ("1º de maio", (5, 1)),
    ("8 juillet", (7, 8)),  # fr
    ("1er mai", (5, 1)),
    ("28 févr.", (2, 28)),
    ("28 fevrier", (2, 28)),
    ("8. Juli", (7, 8)),  # de
    ("3. März", (3, 3)),
    ("3. Maerz", None),  # not a CLDR spelling
    ("8 luglio", (7, 8)),  # it
    ("8 Juli", (7, 8)),  # id
    ("17 Agustus", (8, 17)),
    ("18 tháng Tám", (8, 18)),  # vi, as TikTok writes it
    ("18 tháng 8", (8, 18)),
    ("1 tháng Mười Hai", (12, 1)),
    ("5 tháng Mười Một", (11, 5)),
    ("4 tháng Tư", (4, 4)),
    ("4 tháng Bốn", (4, 4)),
    ("2 tháng Giêng", (1, 2)),
    ("20 tháng Chạp", (12, 20)),
    ("18 thang tam", (8, 18)),
    ("ngày 18 tháng 8", (8, 18)),
    ("25 Φεβρουαρίου", (2, 25)),  # el, genitive as in the real file
    ("25 Φεβρουαριου", (2, 25)),
    ("3 Φεβρουάριος", (2, 3)),
    ("1 Μαΐου", (5, 1)),
    ("18 января", (1, 18)),  # ru
    ("1 май", (5, 1)),
    ("9月13日", (9, 13)),  # ja, zh
    ("9 月 13 日", (9, 13)),
    ("９月１３日", (9, 13)),
    ("9월 13일", (9, 13)),  # ko
    ("13 ก.ย.", (9, 13)),  # th
    ("13 กันยายน", (9, 13)),
    ("13 Eylül", (9, 13)),  # tr
    ("13 eylul", (9, 13)),
    ("3 maart", (3, 3)),  # nl
    ("3 mrt", (3, 3)),
    ("1 stycznia", (1, 1)),  # pl
    ("1 styczeń", (1, 1)),
    ("5 augusti", (8, 5)),  # sv
    ("  FEBRUARY\u00a028 ", (2, 28)),
    ("February 29", (2, 29)),
    ("February 30", None),
    ("31 de abril", None),
]


@pytest.mark.parametrize(("text", "expected"), LOCALIZED_DATES)
def test_localized_year_less_date_parses_to_month_and_day(text, expected):
    assert parse_month_day(text) == expected


@pytest.mark.parametrize("locale", LOCALES)
def test_every_month_babel_writes_for_a_covered_locale_parses_back(locale):
    written = [
        format_skeleton(skeleton, D(2025, month, 13), locale=locale)
        for skeleton in ("MMMMd", "MMMd")
        for month in range(1, 13)
    ]
    assert [parse_month_day(text) for text in written] == [(month, 13) for month in range(1, 13)] * 2


GARBAGE = [
    "",
    " ",
    "garbage",
    "12",
    "tháng 8",
    "February",
    "13 13",
    "2026-05-10",
    "Feb 28, 2026",
    "undefined",
    "0 May",
    "May 0",
    "x" * 1000,
]


@pytest.mark.parametrize("text", GARBAGE)
def test_text_that_is_not_a_year_less_date_gives_none(text):
    assert parse_month_day(text) is None


def test_non_text_values_give_none_instead_of_raising():
    assert [parse_month_day(value) for value in (None, float("nan"), 28)] == [None, None, None]


def test_chosen_locales_have_no_month_name_conflict():
    assert build_month_lookup(LOCALES)[1] == []


def test_conflicting_locales_are_reported_and_the_first_listed_wins():
    # Croatian `listopad` is October, Polish `listopad` November.
    lookup, conflicts = build_month_lookup(("pl", "hr"))
    assert conflicts == [
        "'listopada': 11 in pl, 10 in hr",
        "'lip': 7 in pl, 6 in hr",
        "'lis': 11 in pl, 10 in hr",
    ]
    assert (lookup["listopada"], lookup["lis"]) == (11, 11)


def test_accent_free_spelling_that_would_mean_two_months_is_left_out(monkeypatch):
    monkeypatch.setattr(dates, "_VIETNAMESE_MONTH_WORDS", {3: ("tàm",), 8: ("tám",)})
    lookup, conflicts = build_month_lookup(("vi",))
    assert conflicts == ["'thang tam' without accents: months [3, 8]"]
    assert (lookup["tháng tàm"], lookup["tháng tám"], "tháng tam" in lookup) == (3, 8, False)


@pytest.mark.parametrize("locale", LOCALES)
def test_stand_alone_names_not_requested_from_babel_equal_the_format_names(locale):
    code = f"""
import json
from babel.dates import get_month_names
print(json.dumps([dict(get_month_names(w, c, {locale!r})) for w in ("wide", "abbreviated") for c in ("format", "stand-alone")]))
"""
    wide_format, wide_alone, abbreviated_format, abbreviated_alone = json.loads(run_python(code))
    skipped = [width for width in ("wide", "abbreviated") if width not in dates._STAND_ALONE.get(locale, ())]
    expected = {"wide": wide_format, "abbreviated": abbreviated_format}
    actual = {"wide": wide_alone, "abbreviated": abbreviated_alone}
    assert {width: actual[width] for width in skipped} == {width: expected[width] for width in skipped}


def test_building_the_lookup_leaves_babel_answers_for_other_callers_intact():
    code = """
from babel.dates import get_month_names
from analytics.dates import build_month_lookup
build_month_lookup()
print([get_month_names("wide", "stand-alone", locale)[10] for locale in ("fr", "tr", "nl", "sv", "zh")])
"""
    # Checking a second locale that shares CLDR's root alias (ja after zh) would itself trip the leak.
    assert run_python(code).strip() == "['octobre', 'Ekim', 'oktober', 'oktober', '十月']"


def test_lookup_is_the_same_after_another_caller_triggered_babels_alias_leak():
    code = """
import json
from babel.dates import format_date, get_month_names
import datetime
get_month_names("wide", "stand-alone", "ja")
format_date(datetime.date(2025, 10, 1), "LLLL", locale="he")
from analytics.dates import build_month_lookup
print(json.dumps(build_month_lookup()))
"""
    lookup, conflicts = json.loads(run_python(code))
    assert (lookup, conflicts) == (build_month_lookup()[0], [])


def test_series_parsing_keeps_index_and_gives_none_for_unreadable_values():
    values = pd.Series(["February 28", None, "nonsense", "9月13日"], index=[10, 11, 12, 13], name="Date")
    expected = pd.Series([(2, 28), None, None, (9, 13)], index=[10, 11, 12, 13], name="Date", dtype=object)
    pd.testing.assert_series_equal(parse_month_day_series(values), expected)


def test_series_parsing_reads_each_distinct_value_once(monkeypatch):
    seen: list[str] = []

    def counting_parse(text: str) -> tuple[int, int] | None:
        seen.append(text)
        return (1, 1)

    monkeypatch.setattr(dates, "parse_month_day", counting_parse)
    parse_month_day_series(pd.Series(["February 21"] * 24 + ["February 22"] * 24))
    assert seen == ["February 21", "February 22"]


YEAR_CASES = [
    ([(12, 30), (12, 31), (1, 1)], D(2026, 1, 2), [D(2025, 12, 30), D(2025, 12, 31), D(2026, 1, 1)]),
    ([(12, 30), (12, 31), (1, 1)], D(2026, 1, 1), [D(2025, 12, 30), D(2025, 12, 31), D(2026, 1, 1)]),
    ([(12, 30), (12, 31)], D(2026, 1, 1), [D(2025, 12, 30), D(2025, 12, 31)]),
    ([(3, 1)], D(2026, 2, 27), [D(2025, 3, 1)]),
    ([(2, 21), (2, 21), (2, 22), (2, 22)], D(2026, 2, 27), [D(2026, 2, 21)] * 2 + [D(2026, 2, 22)] * 2),
    ([(2, 28), (2, 29), (3, 1)], D(2024, 3, 2), [D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 1)]),
    ([(2, 29)], D(2026, 3, 1), [D(2024, 2, 29)]),
    ([(2, 28), (2, 29), (3, 1)], D(2025, 3, 2), [D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 1)]),
    ([(5, 1), (1, 1)], D(2026, 6, 1), [D(2025, 5, 1), D(2026, 1, 1)]),
    ([(2, 29), (3, 1), (2, 29)], D(2026, 3, 1), [D(2020, 2, 29), D(2023, 3, 1), D(2024, 2, 29)]),
    ([], D(2026, 1, 1), []),
]


@pytest.mark.parametrize(("month_days", "last_on_or_before", "expected"), YEAR_CASES)
def test_years_are_inferred_backwards_from_the_last_row(month_days, last_on_or_before, expected):
    assert assign_years(month_days, last_on_or_before=last_on_or_before) == expected


def test_a_year_window_from_february_28_to_february_27_crosses_new_year():
    days = [D(2025, 2, 28) + datetime.timedelta(days=offset) for offset in range(365)]
    texts = [f"{calendar.month_name[day.month]} {day.day}" for day in days]
    month_days = [parse_month_day(text) for text in texts]
    assert assign_years(month_days, last_on_or_before=D(2026, 2, 27)) == days


FORWARD_CASES = [
    ([(2, 10), (2, 11)], D(2026, 2, 10), [D(2026, 2, 10), D(2026, 2, 11)]),
    ([(12, 31), (1, 1)], D(2025, 12, 31), [D(2025, 12, 31), D(2026, 1, 1)]),
    ([(3, 1)], D(2026, 2, 10), [D(2026, 3, 1)]),
    ([(1, 5)], D(2026, 2, 10), [D(2027, 1, 5)]),
    ([(2, 21), (2, 21), (2, 22)], D(2026, 2, 21), [D(2026, 2, 21), D(2026, 2, 21), D(2026, 2, 22)]),
    ([(2, 29)], D(2025, 1, 1), [D(2028, 2, 29)]),
    ([(2, 28), (2, 29), (3, 1)], D(2025, 2, 28), [D(2028, 2, 28), D(2028, 2, 29), D(2028, 3, 1)]),
    ([(12, 31), (2, 29)], D(2026, 12, 31), [D(2027, 12, 31), D(2028, 2, 29)]),
    ([], D(2026, 1, 1), []),
]


@pytest.mark.parametrize(("month_days", "first_on", "expected"), FORWARD_CASES)
def test_years_are_inferred_forwards_from_the_first_row(month_days, first_on, expected):
    assert assign_years_from_first(month_days, first_on=first_on) == expected


@pytest.mark.parametrize("assign", [assign_years, assign_years_from_first])
def test_a_month_day_that_no_year_has_is_refused(assign):
    anchor = {"last_on_or_before": D(2026, 1, 1)} if assign is assign_years else {"first_on": D(2026, 1, 1)}
    with pytest.raises(ValueError, match=r"\(2, 30\)"):
        assign([(2, 28), (2, 30)], **anchor)


@given(
    start=st.dates(min_value=D(2016, 1, 1), max_value=D(2098, 1, 1)),
    length=st.integers(min_value=1, max_value=1600),
)
def test_consecutive_days_get_their_years_back_from_either_anchor(start, length):
    days = [start + datetime.timedelta(days=offset) for offset in range(length)]
    month_days = [(day.month, day.day) for day in days]
    assert assign_years(month_days, last_on_or_before=days[-1]) == days
    assert assign_years_from_first(month_days, first_on=days[0]) == days


@needs_real_exports
def test_real_english_overview_spans_february_28_2025_to_february_27_2026():
    month_days = parse_month_day_series(read_export("tiktok-studio_en-US_htupycollabs/Overview.csv")["Date"])
    result = assign_years(list(month_days), last_on_or_before=D(2026, 2, 27))
    assert result == [D(2025, 2, 28) + datetime.timedelta(days=offset) for offset in range(365)]


@needs_real_exports
def test_real_greek_overview_parses_every_row():
    month_days = parse_month_day_series(read_export("tiktok-studio_el-GR_okn-analytics/Overview.csv")["Date"])
    assert list(month_days) == [(2, day) for day in range(25, 29)] + [(3, day) for day in range(1, 25)]


@needs_real_exports
def test_real_spanish_overview_parses_every_row():
    month_days = parse_month_day_series(read_export("tiktok-studio_es_francovelardez44/Overview.csv")["Date"])
    assert list(month_days) == [(3, day) for day in range(8, 15)]


@needs_real_exports
def test_real_follower_activity_keeps_the_year_across_its_24_hourly_rows():
    activity = read_export("tiktok-studio_en-US_htupycollabs/Followers_haileytupy2.0/FollowerActivity.csv")
    result = assign_years(list(parse_month_day_series(activity["Date"])), last_on_or_before=D(2026, 2, 27))
    assert result == [D(2026, 2, day) for day in range(21, 28) for _hour in range(24)]


@needs_real_exports
def test_real_video_ids_give_the_post_day_within_one_day_of_the_creators_local_post_time():
    content = read_export("tiktok-studio_en-US_htupycollabs/Content.csv")
    video_ids = content["Video link"].str.extract(r"/video/(\d+)")[0]
    posted = [post_time_from_video_id(video_id).date() for video_id in video_ids]
    local = [
        D(utc.year, *parse_month_day(text)) for utc, text in zip(posted, content["Post time"], strict=True)
    ]
    assert [(utc - day).days for utc, day in zip(posted, local, strict=True)] == [
        0,
        1,
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        0,
        0,
        0,
    ]


def named(download=None, first=None, handle=None, through=None) -> FileNameDates:
    return FileNameDates(download_date=download, first_date=first, handle=handle, through_date=through)


# Every naming pattern of ../shared/spec/exports.md section 1 and 3, then what users make of them.
# 1773506459 is 2026-03-14 16:40:59 UTC.
FILE_NAMES = [
    # TikTok Studio's own ZIP names.
    (
        "Overview_2026-02-10_1773506459_haileytupy2.0.zip",
        named(D(2026, 3, 14), D(2026, 2, 10), "haileytupy2.0"),
    ),
    ("Content_haileytupy2.0.zip", named(handle="haileytupy2.0")),
    ("Viewers_haileytupy2.0.zip", named(handle="haileytupy2.0")),
    ("Followers_haileytupy2.0.zip", named(handle="haileytupy2.0")),
    ("Followers_sobat.ti.zip", named(handle="sobat.ti")),
    ("Content_Brew_Haus_DN.zip", named(handle="brew_haus_dn")),  # handles are case-insensitive
    # Unzipped and renamed.
    (
        "TIKTOK Overview_2026-02-10_1773506459_haileytupy2.0.csv",
        named(D(2026, 3, 14), D(2026, 2, 10), "haileytupy2.0"),
    ),
    ("Content 2.csv", named()),
    ("Content.csv", named()),
    ("Overview_April-Des2025.csv", named(through=D(2025, 12, 31))),  # Indonesian "Des"
    ("Overview avril-décembre 2025.csv", named(through=D(2025, 12, 31))),
    ("Viewers 2025.csv", named(through=D(2025, 12, 31))),
    ("Content_haileytupy2.0 (1).zip", named(handle="haileytupy2.0")),  # the browser's copy suffix
    ("Overview_2026-02-10_1773506459_brand - Copy.csv", named(D(2026, 3, 14), D(2026, 2, 10), "brand")),
    # Folders and ZIP members: the closest part that has a fact gives it.
    ("Followers_sobat.ti/FollowerGender.csv", named(handle="sobat.ti")),
    ("Followers_haileytupy2.0\\FollowerHistory.csv", named(handle="haileytupy2.0")),
    (
        "Overview_2026-02-10_1773506459_brand.zip › Overview.csv",
        named(D(2026, 3, 14), D(2026, 2, 10), "brand"),
    ),
    (
        "C:\\Downloads\\Overview_2026-02-10_1773506459_h2.zip\\Overview.csv",
        named(D(2026, 3, 14), D(2026, 2, 10), "h2"),
    ),
    (
        "Overview_2026-02-10_1773506459_h.zip › Overview.csv",
        named(D(2026, 3, 14), D(2026, 2, 10)),
    ),  # 1 letter: no handle
    ("Content_old.zip › Content_new1.csv", named(handle="new1")),
    # Generalisations: milliseconds, dots, no separators, day first.
    ("Overview_2026-02-10_1773506459123_brand.zip", named(D(2026, 3, 14), D(2026, 2, 10), "brand")),
    ("Overview_2026.02.10_1773506459_sobat.ti.zip", named(D(2026, 3, 14), D(2026, 2, 10), "sobat.ti")),
    ("Overview_20260210_1773506459_x_y.zip", named(D(2026, 3, 14), D(2026, 2, 10), "x_y")),
    ("Overview 10.02.2026.csv", named(first=D(2026, 2, 10))),
    ("Overview_1773506459_handle.zip", named(D(2026, 3, 14), handle="handle")),
    ("Overview_2026-02-10_1773506459.zip", named(D(2026, 3, 14), D(2026, 2, 10))),  # no handle, not the epoch
    # Comment exports: a date with a time of day is when the file was made.
    ("dataset_tiktok-comments-scraper_2025-05-25_06-21-26-775.json", named(D(2025, 5, 25))),
    ("tiktok_comments_20250802_134414.xlsx", named(D(2025, 8, 2))),
    ("7418294751977327878.json", named()),  # a video id, not an epoch
    ("video_7527623000473079054_2025-07-16.csv", named(first=D(2025, 7, 16))),
    # Nothing plausible.
    ("Overview_1000000000_handle.zip", named(handle="handle")),  # 2001: before TikTok
    ("Overview_9999999999_handle.zip", named(handle="handle")),  # 2286
    ("Overview_2026-02-30_x1.zip", named(handle="x1")),
    ("Content_brand2025.zip", named(handle="brand2025")),  # digits in a handle are no year
    ("", named()),
]


@pytest.mark.parametrize(("name", "expected"), FILE_NAMES)
def test_file_name_gives_download_day_first_day_handle_and_latest_day(name, expected):
    assert file_name_dates(name) == expected


VIDEO_IDS = [
    (7527623000473079054, datetime.datetime(2025, 7, 16, 10, 21, 48)),
    ("7527623000473079054", datetime.datetime(2025, 7, 16, 10, 21, 48)),
    (" 7546034661705796877 ", datetime.datetime(2025, 9, 4, 1, 8, 27)),
    (np.int64(7527623000473079054), datetime.datetime(2025, 7, 16, 10, 21, 48)),
    (7527623000473079054.0, None),  # a float has lost the id's low digits
    ("7527623000473079054x", None),
    ("-7527623000473079054", None),
    ("", None),
    (12, None),  # 1970
    (10**40, None),  # far beyond 2100
    (-1, None),
    (True, None),
]


@pytest.mark.parametrize(("video_id", "expected"), VIDEO_IDS)
def test_video_id_gives_the_utc_post_time(video_id, expected):
    assert post_time_from_video_id(video_id) == expected


FULL_DATES = [
    ("2026-05-10", D(2026, 5, 10)),
    ("2026/05/10", D(2026, 5, 10)),
    ("2026.5.1", D(2026, 5, 1)),
    ("2026-05-10 14:03:00", D(2026, 5, 10)),
    ("2026-05-10 14:03", D(2026, 5, 10)),
    ("2026-05-10T14:03:00Z", D(2026, 5, 10)),
    ("2026-05-10T23:30:00.123+02:00", D(2026, 5, 10)),
    ("2026/05/10 2:03 PM", D(2026, 5, 10)),
    ("10/05/2026", D(2026, 5, 10)),  # day first when both readings are valid
    ("05/25/2026", D(2026, 5, 25)),  # month first: 25 cannot be a month
    ("25.05.2026", D(2026, 5, 25)),
    ("10/05/2026 08:00", D(2026, 5, 10)),
    ("13/13/2026", None),
    ("2026-02-30", None),
    ("2026-05/10", None),
    ("February 28", None),
    ("10/05/26", None),
    ("2026-05-10 banana", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), FULL_DATES)
def test_date_with_its_year_parses(text, expected):
    assert parse_full_date(text) == expected


@given(st.text(max_size=80))
def test_parsers_never_raise_on_arbitrary_text(text):
    month_day, full_date = parse_month_day(text), parse_full_date(text)
    assert month_day is None or _is_month_day(month_day)
    assert full_date is None or isinstance(full_date, D)


def _is_month_day(value: tuple[int, int]) -> bool:
    month, day = value
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]


# End to end: a file named each way lands in the right year -----------------------------------

OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'


def studio_overview(*days: str) -> bytes:
    lines = [OVERVIEW_HEADER] + [f'"{day}","{views}","0","0","0","0"' for views, day in enumerate(days, 1)]
    return "\ufeff".encode() + "\n".join(lines).encode("utf-8")


def zipped(member: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


FEB_TO_MAR = studio_overview("February 10", "March 1", "March 14")  # ends on the download day
IN_2026 = [D(2026, 2, 10), D(2026, 3, 1), D(2026, 3, 14)]


UPLOADS = [
    ("TIKTOK Overview_2026-02-10_1773506459_haileytupy2.0.csv", FEB_TO_MAR, IN_2026),
    ("Overview_2026-02-10_1773506459_haileytupy2.0.zip", zipped("Overview.csv", FEB_TO_MAR), IN_2026),
    ("Overview_2026-01-01_1773506459_haileytupy2.0.zip", zipped("Overview.csv", FEB_TO_MAR), IN_2026),
    ("Overview_2026-02-10_1773506459123_brand.csv", FEB_TO_MAR, IN_2026),
    ("Overview_2026.02.10_1773506459_sobat.ti.csv", FEB_TO_MAR, IN_2026),
    ("Overview_20260210_brand.csv", FEB_TO_MAR, IN_2026),
    ("Overview 10.02.2026.csv", FEB_TO_MAR, IN_2026),
    (
        "Overview_April-Des2025.csv",
        studio_overview("April 1", "December 31"),
        [D(2025, 4, 1), D(2025, 12, 31)],
    ),
    (
        "Overview_2024-12-30_1735905600_marca.csv",
        studio_overview("December 30", "January 2"),
        [D(2024, 12, 30), D(2025, 1, 2)],
    ),
    # Nothing in the name: the most recent year that fits, uploaded on 1 June 2027.
    ("Overview.csv", FEB_TO_MAR, [D(2027, 2, 10), D(2027, 3, 1), D(2027, 3, 14)]),
    ("Content 2.csv", FEB_TO_MAR, [D(2027, 2, 10), D(2027, 3, 1), D(2027, 3, 14)]),
]


@pytest.mark.parametrize(("name", "data", "expected"), UPLOADS, ids=[case[0] for case in UPLOADS])
def test_an_uploaded_files_rows_land_in_the_year_its_name_gives(name, data, expected):
    ws = Workspace(today=D(2027, 6, 1), remember_mappings=False)
    ws.add_files([(name, data)])
    rows = ws.con.execute("select stat_date from daily_stats order by stat_date").fetchall()
    assert [row[0] for row in rows] == expected


def test_a_file_with_no_year_anywhere_says_what_was_assumed_not_that_it_ends_yesterday():
    ws = Workspace(today=D(2026, 11, 30), remember_mappings=False)
    ws.add_files([("Overview.csv", FEB_TO_MAR)])
    [note] = [warning for warning in ws.tables[0].warnings if warning.startswith("Dates have no year")]
    assert note == (
        "Dates have no year, and neither the file nor its name says which: we took its last day, 14 March, "
        "to be the most recent 14 March already past, so we read them as 10 Feb 2026 to 14 Mar 2026. "
        "If the data is older, set the year of its last day under \u201cFix the year of a file\u201d on the Data page."
    )
    assert "yesterday" not in note


@needs_real_exports
def test_the_real_english_overview_renamed_the_tiktok_way_reads_february_2025_to_february_2026():
    folder = REAL_EXPORTS / "tiktok-studio_en-US_htupycollabs"
    ws = Workspace(today=D(2027, 6, 1), remember_mappings=False)
    ws.add_files(
        [
            (
                "TIKTOK Overview_2026-02-10_1773506459_haileytupy2.0.csv",
                (folder / "Overview.csv").read_bytes(),
            ),
            ("Viewers.csv", (folder / "Viewers.csv").read_bytes()),
        ]
    )
    assert ws.con.execute("select min(stat_date), max(stat_date) from daily_stats").fetchone() == (
        D(2025, 2, 28),
        D(2026, 2, 27),
    )
    assert {row["file"]: row["year_source"] for row in ws.summary().to_dict("records")} == {
        "TIKTOK Overview_2026-02-10_1773506459_haileytupy2.0.csv": "the download time in the file name (14 Mar 2026)",
        "Viewers.csv": "another file of the same account: TIKTOK Overview_2026-02-10_1773506459_haileytupy2.0.csv",
    }


def test_a_date_in_the_name_that_is_the_first_rows_day_by_chance_never_puts_the_data_in_the_future():
    # A year of rows, 14 March to 13 March, named after the day it was downloaded.
    days = pd.date_range("2025-03-14", "2026-03-13")
    ws = Workspace(today=D(2026, 6, 1), remember_mappings=False)
    ws.add_files([("Overview 2026-03-14.csv", studio_overview(*[f"{day:%B} {day.day}" for day in days]))])
    assert ws.con.execute("select min(stat_date), max(stat_date) from daily_stats").fetchone() == (
        D(2025, 3, 14),
        D(2026, 3, 13),
    )
