"""Every page, on genuine client files uploaded together: a Content export with each comment layout
(Apify JSON, the nested-replies JSON, the Excel exporter), the same comments in two layouts, two
accounts' files. No traceback, no error box, and the key numbers right. Each folder alone is in
tests/test_real_pages.py; what both upload and check is in tests/real_pages.py.
"""

from __future__ import annotations

import pytest

from tests.real_pages import (
    COMBINATIONS,
    FOLDERS,
    GREEK,
    HTUPY,
    PRESETS,
    VIEWS,
    assert_formats_lists_every_video,
    assert_no_none_nan_or_na,
    assert_no_traceback_or_error_box,
    cases,
    commenters,
    skip_without_real,
    visit,
)

pytestmark = skip_without_real
CASES = cases([combination for combination in COMBINATIONS if combination not in FOLDERS])


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
@pytest.mark.parametrize(
    ("combination", "folders"), [("content+apify", [HTUPY]), ("two accounts", [HTUPY, GREEK])]
)
def test_formats_lists_every_video_of_the_content_exports_and_compares_those_of_the_period(
    combination, folders, preset
):
    assert_formats_lists_every_video(combination, folders, preset)


@pytest.mark.parametrize(
    "combination", ["content+apify", "content+nested", "content+excel", "apify json+csv"]
)
def test_members_are_the_distinct_commenters_without_the_brand(combination):
    shown = visit(combination)["All data", "members"]
    assert shown.metric("Members") == f"{len(commenters(combination)):,}"
