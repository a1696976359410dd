"""Every page, on each folder of genuine client files alone: no traceback, no error box, and the key
numbers right. The files together (comment layouts beside a Content export, two accounts) are in
tests/test_real_pages_mixed.py; what both upload and check is in tests/real_pages.py.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.real_pages import (
    FOLDERS,
    GREEK,
    HTUPY,
    PRESETS,
    SPANISH,
    VIEWS,
    XLSX_OVERVIEW,
    assert_formats_lists_every_video,
    assert_no_none_nan_or_na,
    assert_no_traceback_or_error_box,
    cases,
    content_rows,
    overview_rows,
    posted,
    shown_count,
    skip_without_real,
    visit,
)

pytestmark = skip_without_real
CASES = cases(FOLDERS)


@pytest.fixture(scope="module", autouse=True)
def private_home(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMMUNITYLENS_HOME", str(tmp_path_factory.mktemp("home")))
        yield
    visit.cache_clear()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(("combination", "preset"), CASES)
def test_no_page_shows_a_traceback_or_an_error_box(combination, preset, view):
    assert_no_traceback_or_error_box(combination, preset, view)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(("combination", "preset"), CASES)
def test_no_page_writes_none_nan_or_na_where_a_number_or_a_name_should_be(combination, preset, view):
    assert_no_none_nan_or_na(combination, preset, view)


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("folder", [HTUPY, GREEK, SPANISH, XLSX_OVERVIEW])
def test_overview_video_views_are_the_sum_of_the_overview_files_video_views_in_the_period(folder, preset):
    views = pd.to_numeric(overview_rows(folder)["Video Views"])
    shown = visit(folder)[preset, "overview"]
    # One row a day, the last one the data's last day: the last 28 days are the last 28 rows.
    assert shown.period is not None
    in_period = views if preset == "All data" else views.tail((shown.period[1] - shown.period[0]).days + 1)
    assert shown.metric("Video views") == shown_count(int(in_period.sum()))


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize(("combination", "folders"), [(HTUPY, [HTUPY]), (GREEK, [GREEK])])
def test_formats_lists_every_video_of_the_content_exports_and_compares_those_of_the_period(
    combination, folders, preset
):
    assert_formats_lists_every_video(combination, folders, preset)


@pytest.mark.parametrize("preset", PRESETS)
def test_what_if_plans_the_en_us_account_and_says_new_followers_per_video_are_not_known(preset):
    shown = visit(HTUPY)[preset, "whatif"]
    labels = [label for label, _, _ in shown.metrics]
    assert "New followers per month" not in labels
    assert any("New followers per video are not known" in text for text in shown.texts)
    [plan] = [table for table in shown.tables if "Videos in history" in table]
    assert int(plan["Videos in history"].sum()) == sum(
        start <= posted(link) <= end
        for link in content_rows(HTUPY)["Video link"]
        for start, end in [shown.period]
    )
    assert "New followers per video" not in plan  # said once in words, not a column of "not known"
    if len(plan) == 1:  # one format only: the comparison says why it cannot compare two, not "pick two"
        sentence = f"is {plan['Format'].iloc[0]}: there is no second format to compare with"
        assert any(sentence in text for text in shown.texts)
