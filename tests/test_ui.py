"""The furniture every page shares (ui/): the upload box, presentation mode, one run at a time."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from datetime import date

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

import ui
from analytics import wording
from analytics.overview import MONTH_SO_FAR, Period
from tests.apptest import ROOT, app, loaded_files

HEADER = '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
MARCH = (HEADER + '"1 tháng Ba","1000","10","50","5","5"\n"2 tháng Ba","2000","20","100","10","10"').encode()
APRIL = (HEADER + '"1 tháng Tư","7","1","1","0","0"').encode()


def loaded_days(at) -> int:
    return at.session_state["workspace"].con.execute("select count(*) from daily_stats").fetchone()[0]


def test_the_cross_on_an_uploaded_file_in_the_sidebar_removes_its_data_from_every_page():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [("March.csv", MARCH, "text/csv"), ("April.csv", APRIL, "text/csv")]
    ).run()
    assert loaded_days(at) == 3
    # The ✕ on April.csv: the box now holds March.csv only.
    at.sidebar.file_uploader(key="upload_files").set_value([("March.csv", MARCH, "text/csv")]).run()
    assert not at.exception
    assert loaded_days(at) == 2
    assert "1 file loaded" in at.sidebar.caption[0].value
    at.switch_page("pages/data.py").run()
    assert loaded_files(at).value["File"].tolist() == ["March.csv"]


def test_the_same_bytes_twice_in_the_box_stay_loaded_until_both_are_removed():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [("March.csv", MARCH, "text/csv"), ("March copy.csv", MARCH, "text/csv")]
    ).run()
    at.sidebar.file_uploader(key="upload_files").set_value([("March copy.csv", MARCH, "text/csv")]).run()
    assert loaded_days(at) == 2
    at.sidebar.file_uploader(key="upload_files").set_value([]).run()
    assert not at.exception
    assert loaded_days(at) == 0


def test_removing_one_of_two_files_named_overview_on_the_data_page_keeps_the_other():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [("Overview.csv", MARCH, "text/csv"), ("Overview.csv", APRIL, "text/csv")]
    ).run()
    at.switch_page("pages/data.py").run()
    remove = at.selectbox(key="data_remove_file")
    # The two files are told apart by their dates (written as every date of the app).
    assert sorted(remove.options) == [
        "Overview.csv (1 Apr 2026 – 1 Apr 2026)",
        "Overview.csv (1 Mar 2026 – 2 Mar 2026)",
    ]
    remove.select(hashlib.sha256(APRIL).hexdigest()).run()
    at.button(key="data_remove_apply").click().run()
    assert not at.exception
    assert loaded_days(at) == 2
    assert loaded_files(at).value["File"].tolist() == ["Overview.csv"]
    # The box is emptied (it cannot drop one file), and emptying it does not remove the rest.
    assert at.sidebar.file_uploader(key="upload_files_1").value in (None, [])
    assert "1 file loaded" in at.sidebar.caption[0].value


def test_presentation_mode_shows_the_period_in_large_type_and_a_way_out():
    at = app()
    period = at.session_state["period"]
    at.sidebar.toggle(key="ui_presentation").set_value(True).run()
    assert not at.exception
    shown = [markdown.value for markdown in at.markdown]
    assert f"{period.start:%d %b %Y} – {period.end:%d %b %Y}" in shown
    styles = " ".join(element.proto.body for element in at.get("html"))
    assert ".st-key-ui_presentation_period" in styles and "stTopNavLink" in styles
    assert at.button(key="ui_presentation_exit")
    assert at.metric  # the page itself still renders


def views(at, first: str, last: str) -> tuple[int, int]:
    """(total video views, days with views) of the demo between two days, straight from daily_stats."""
    return (
        at.session_state["workspace"]
        .con.execute(
            "select sum(video_views)::bigint, count(video_views) from daily_stats where stat_date between $1 and $2",
            [first, last],
        )
        .fetchone()
    )


def test_last_month_on_the_demo_is_october_against_september_with_counts_per_day():
    at = app()  # the demo's data ends on 21 Nov 2026
    at.sidebar.selectbox(key="period_preset").select("Last month").run()
    assert not at.exception
    assert at.sidebar.caption[-1].value == (
        "October 2026 (1 Oct – 31 Oct 2026, 31 days), compared with September 2026 (1 Sep – 30 Sep 2026). "
        "Months differ in length, so counts are compared as daily averages."
    )
    (october, october_days), (september, september_days) = (
        views(at, "2026-10-01", "2026-10-31"),
        views(at, "2026-09-01", "2026-09-30"),
    )
    assert (october_days, september_days) == (31, 30)
    tile = next(metric for metric in at.metric if metric.label == "Video views")
    assert tile.value == wording.count(october)
    assert tile.delta == f"{wording.change((october / 31) / (september / 30) - 1, 'count')} in daily average"
    assert any(
        c.value.startswith("Changes are against September 2026 (1 Sep – 30 Sep 2026).") for c in at.caption
    )


def test_this_month_so_far_on_the_demo_is_1_to_21_november_against_1_to_21_october():
    at = app()
    at.sidebar.selectbox(key="period_preset").select("This month so far").run()
    assert not at.exception
    assert at.sidebar.caption[-1].value == (
        "November 2026 so far (1 Nov – 21 Nov 2026, 21 days), compared with the same days of October 2026 "
        "(1 Oct – 21 Oct 2026)."
    )
    november, _ = views(at, "2026-11-01", "2026-11-21")
    october, _ = views(at, "2026-10-01", "2026-10-21")
    tile = next(metric for metric in at.metric if metric.label == "Video views")
    assert (tile.value, tile.delta) == (
        wording.count(november),
        wording.change(november / october - 1, "count"),
    )
    # Every page uses the same comparison: the Members page's reply rate is against 1-21 October too.
    at.switch_page("pages/members.py").run()
    assert not at.exception
    assert at.session_state["period"].previous() == Period(
        date(2026, 10, 1), date(2026, 10, 21), MONTH_SO_FAR
    )


def test_two_overlapping_runs_of_one_session_wait_for_each_other_instead_of_failing():
    # Streamlit starts a new run while the old one may still be in a DuckDB query; DuckDB refuses
    # a second call on a busy connection ("connection is busy"). Each run holds the session's lock.
    con = duckdb.connect()
    state: dict = {}
    started = threading.Event()
    errors: list[str] = []

    def run(first: bool) -> None:
        if not first:
            started.wait(10)
            time.sleep(0.2)  # the first run is now inside its query
        try:
            with ui.run_lock(state):
                started.set()
                con.execute("select count(*) from range(200000000) t(i) where i % 7 = 3").fetchall()
        except duckdb.Error as error:
            errors.append(str(error))

    threads = [threading.Thread(target=run, args=(first,)) for first in (True, False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert ui.run_lock(state) is ui.run_lock(state)


def test_a_second_run_of_the_app_waits_until_the_session_is_free():
    at = app()
    lock = at.session_state["ui_run_lock"]
    held = threading.Event()

    def older_run() -> None:
        with lock:
            held.set()
            time.sleep(5)

    older = threading.Thread(target=older_run)
    older.start()
    held.wait(10)
    began = time.monotonic()
    at.run()  # a rerun of the Overview on the demo takes about a second when it does not wait
    waited = time.monotonic() - began
    older.join()
    assert not at.exception
    assert waited >= 4.5


NAMED_WIDTHS = {"small": 75, "medium": 200, "large": 400}
# The pixels a whole value needs in the tables' 14 px font, per column format.
NEEDED_WIDTH = {"D MMM YYYY": 100, "D MMM YYYY, HH:mm": 140, "localized": 90}
PAGES = ["overview", "formats", "members", "segments", "whatif", "report", "data"]


def test_no_table_column_on_any_page_is_too_narrow_for_its_dates_or_counts():
    # "Posted" was cut to "21 Nov 202(" at 1400 px: a "small" column is 75 px.
    at = app()
    too_narrow = []
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, page
        for table in at.dataframe:
            for name, config in json.loads(table.proto.columns or "{}").items():
                needed = NEEDED_WIDTH.get(config.get("type_config", {}).get("format"))
                width = NAMED_WIDTHS.get(config.get("width"), config.get("width"))
                if needed and width is not None and width < needed:
                    too_narrow.append(f"{page}: {name} ({width} px)")
    assert too_narrow == []


@pytest.mark.parametrize(
    ("failure", "what"),
    [
        (
            duckdb.ConversionException("Could not convert string 'x' to INT32"),
            "the data store refused one of its questions",
        ),
        (KeyError("total_views"), "a step of its analysis failed on this data"),
    ],
)
def test_a_page_that_fails_says_so_in_a_sentence_and_keeps_the_sidebar_and_the_other_pages(
    monkeypatch, failure, what
):
    import analytics.views.overview

    def broken(*args, **kwargs):
        raise failure

    monkeypatch.setattr(analytics.views.overview, "overview_view", broken)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert [error.value for error in at.error] == [ui.PAGE_FAILED.format(what=what)]
    assert len(at.exception) == 1  # the details, in the expander, for a bug report
    assert at.expander[-1].label == "Details, for a bug report"
    assert at.sidebar.file_uploader  # the upload box is still there
    at.switch_page("pages/members.py").run()
    assert not at.error and not at.exception


def test_a_pages_view_is_computed_once_until_the_data_or_a_choice_changes(monkeypatch):
    import analytics.views.formats

    calls = []
    real = analytics.views.formats.formats_view

    def counted(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(analytics.views.formats, "formats_view", counted)
    at = app()
    at.switch_page("pages/formats.py").run()
    at.run()  # the page's own widgets (brand hashtags, time zone) have their values from here on
    settled = len(calls)
    at.toggle(key="formats_show_claims").set_value(True).run()  # a choice the view does not depend on
    at.run()
    assert not at.exception and len(calls) == settled
    at.sidebar.selectbox(key="period_preset").select("Last month").run()  # an input of the view
    assert len(calls) == settled + 1
    at.session_state["workspace"].set_brand_handles({"phinco.coffee"})  # the merged tables change
    at.run()
    assert not at.exception and len(calls) == settled + 2
