"""One bad file never makes the session unusable: impossible dates and counts, overflowing sums, the CLI."""

import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from analytics import db
from analytics.ingest import Context, ingest_file
from analytics.members import member_stats
from analytics.overview import Period, account_kpis, default_period, period_totals, shift
from analytics.workspace import Workspace
from tests.fuzz.mutations import workbook

TODAY = date(2026, 11, 22)
HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'


def overview(rows: list[tuple[str, str]]) -> bytes:
    return (HEADER + "".join(f'"{day}","{views}","1","2","3","4"\n' for day, views in rows)).encode()


GOOD = overview([(f"2026-03-{day:02d}", "100") for day in range(1, 29)])


@pytest.mark.parametrize("bad_day", ["0001-01-01", "9999-12-31", "2015-12-31", "2026-11-24"])
def test_a_file_whose_every_date_is_impossible_is_a_sentence_and_never_loaded(bad_day):
    result = ingest_file("Overview.csv", overview([(bad_day, "5")]), context=Context(today=TODAY))
    assert result.tables == []
    [problem] = result.problems
    assert problem.message.startswith("Overview.csv looks like TikTok Studio Overview")
    assert f"every date (like {bad_day}) is before TikTok existed (2016) or after tomorrow" in problem.message


def test_rows_with_impossible_dates_are_left_out_with_a_sentence_and_the_rest_loads():
    data = overview([("0001-01-01", "5"), ("2026-03-01", "7"), ("2099-01-01", "9")])
    [table] = ingest_file("Overview.csv", data, context=Context(today=TODAY)).tables
    assert list(table.frame["stat_date"]) == [date(2026, 3, 1)]
    assert (
        "2 rows have a date before TikTok existed (2016) or after tomorrow (like 0001-01-01); they were left out."
        in table.warnings
    )


def test_tomorrow_is_still_a_plausible_day_for_a_time_zone_ahead():
    [table] = ingest_file(
        "Overview.csv", overview([("2026-11-23", "5")]), context=Context(today=TODAY)
    ).tables
    assert table.rows == 1


def test_a_year_1_file_next_to_good_data_leaves_every_page_working():
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files([("Overview.csv", GOOD), ("Overview (1).csv", overview([("0001-01-01", "5")]))])
    span = default_period(ws.con)
    assert span == Period(date(2026, 3, 1), date(2026, 3, 28))
    kpis = account_kpis(ws.con, Period(max(span.start, shift(span.end, -89)), span.end))
    assert kpis.set_index("metric").at["video_views", "value"] == 2_800
    assert [problem.source for problem in ws.problems] == ["Overview (1).csv"]


def test_periods_at_the_ends_of_the_calendar_never_raise_overflow_error():
    first = Period(date(1, 1, 1), date(1, 1, 5))
    assert first.previous() == Period(date.min, date.min)
    assert shift(date(9999, 12, 30), 5) == date.max
    assert shift(date(1, 1, 3), -366) == date.min
    con = db.load_frames(
        db.connect(), {"daily_stats": pd.DataFrame({"stat_date": [date(1, 1, 1)], "video_views": [5]})}
    )
    assert account_kpis(con, first).set_index("metric").at["video_views", "value"] == 5


@pytest.mark.parametrize("views", ["1e308", "9223372036854775", "1000000000001000"])
def test_impossible_counts_are_emptied_with_a_sentence(views):
    data = overview([("2026-03-01", views), ("2026-03-02", "100")])
    [table] = ingest_file("Overview.csv", data, context=Context(today=TODAY)).tables
    assert list(table.frame["video_views"]) == [pd.NA, 100]
    assert (
        "1 number is above a thousand billion, which no TikTok account reaches (a typo or a damaged file?); left empty."
        in table.warnings
    )


def test_large_but_possible_counts_are_kept_and_summed():
    days = [(f"2026-03-{day:02d}", "900000000000") for day in range(1, 29)]  # plausible one by one
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files([("Overview.csv", overview(days))])
    totals = period_totals(ws.con, Period(date(2026, 3, 1), date(2026, 3, 28)))
    assert totals["video_views"] == 28 * 900_000_000_000


def test_sums_that_do_not_fit_a_bigint_are_unknown_not_an_error():
    big = 2**62
    con = db.load_frames(
        db.connect(),
        {
            "daily_stats": pd.DataFrame(
                {
                    "stat_date": [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3)],
                    "video_views": [big] * 3,
                }
            ),
            "comments": pd.DataFrame(
                {
                    "comment_id": ["1", "2", "3"],
                    "member_id": ["fan"] * 3,
                    "text": ["a", "b", "c"],
                    "commented_at": pd.to_datetime(["2026-03-01", "2026-03-02", "2026-03-03"]),
                    "likes": [big] * 3,
                    "is_brand": [False] * 3,
                }
            ),
        },
    )
    assert period_totals(con, Period(date(2026, 3, 1), date(2026, 3, 3)))["video_views"] is None
    assert member_stats(con)["total_likes_received"].isna().all()


FAR_CELL = workbook(
    b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
    b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>',
    b"<sst/>",
)


def test_the_cli_answers_a_far_cell_workbook_with_exit_2_and_a_sentence_instead_of_aborting(tmp_path):
    path = tmp_path / "Overview.xlsx"
    path.write_bytes(FAR_CELL)
    done = subprocess.run(
        [sys.executable, "-m", "analytics", "inspect", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr[-500:]
    assert done.stderr.strip().startswith(f"{path} has a cell as far out as row 1,048,576, column 16,384")
    assert len(done.stderr.strip().splitlines()) == 1
