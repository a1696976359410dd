"""One way to write dates, counts and changes: what every page, deck and report shows."""

from __future__ import annotations

import base64
import json
from datetime import date

import numpy as np
import pytest

from analytics import wording
from analytics.overview import Period
from tests.apptest import app


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [
        (1, "video", "1 video"),
        (0, "video", "0 videos"),
        (2, "video", "2 videos"),
        (1234, "member", "1,234 members"),
    ],
)
def test_one_of_anything_is_singular(number, noun, expected):
    assert wording.plural(number, noun) == expected


def test_dates_read_21_nov_2026_everywhere():
    assert wording.day(date(2026, 11, 1)) == "1 Nov 2026"
    assert Period(date(2026, 5, 26), date(2026, 11, 21)).describe() == "26 May 2026 – 21 Nov 2026 (180 days)"
    assert Period(date(2026, 11, 21), date(2026, 11, 21)).describe() == "21 Nov 2026 – 21 Nov 2026 (1 day)"


@pytest.mark.parametrize("worded", ["+0.0 pts", "+0 (+0%)", "-0.0%", "+0.0%", "no change"])
def test_a_change_that_reads_as_zero_is_no_change_without_colour_or_arrow(worded):
    assert wording.is_no_change(worded)
    assert wording.delta_style(worded) == {"delta_color": "off", "delta_arrow": "off"}


def test_real_changes_keep_their_sign_and_colour():
    assert wording.change(0.0004, "percent") == "no change"
    assert wording.change(0.0, "count") == "no change"
    assert wording.change(0.12, "count") == "+12.0%"
    assert wording.change(-0.004, "percent") == "-0.4 pts"
    assert wording.delta_style("+0.4 pts") == {} and wording.delta_style(None) == {}


def test_follower_growth_has_one_percentage_and_small_ones_do_not_read_as_zero():
    assert wording.follower_share(0.003) == "+0.3% of first-day followers"
    assert wording.follower_share(0.0002) == "+0.02% of first-day followers"
    assert wording.signed_count(15) == "+15" and wording.signed_count(-71) == "-71"


def overview_csv(days: int) -> bytes:
    """The same numbers every day: any period has exactly the numbers of the one before."""
    rows = [f'"March {day}","1000","10","50","5","5"' for day in range(1, days + 1)]
    return ('"Date","Video Views","Profile Views","Likes","Comments","Shares"\n' + "\n".join(rows)).encode()


def test_no_change_on_the_overview_is_neither_green_nor_an_up_arrow():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [("Overview.csv", overview_csv(14), "text/csv")]
    ).run()
    at.sidebar.selectbox(key="period_preset").set_value("Last 7 days").run()
    assert not at.exception
    tiles = {metric.label: metric for metric in at.metric}
    for label in ("Video views", "Engagement rate"):
        assert tiles[label].delta == "no change"
        assert tiles[label].proto.color == tiles[label].proto.MetricColor.GRAY
        assert tiles[label].proto.direction == tiles[label].proto.MetricDirection.NONE


def test_the_members_new_tile_is_the_new_bar_of_the_tier_chart_and_dates_pick_one_way():
    at = app()
    at.switch_page("pages/members.py").run()
    assert not at.exception
    tile = {metric.label: metric.value for metric in at.metric}["New"]
    figures = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    (tiers,) = [fig for fig in figures if fig["layout"]["title"]["text"] == "Members by tier"]
    bar = tiers["data"][-1]
    counts = np.frombuffer(
        base64.b64decode(bar["y"]["bdata"]), dtype=bar["y"]["dtype"]
    )  # plotly's packed array
    bars = dict(zip(bar["x"], counts, strict=True))
    assert tile == f"{bars['New']:,}"
    at.sidebar.selectbox(key="period_preset").set_value("Custom").run()
    formats = {
        at.sidebar.date_input(key="period_custom").proto.format,
        at.date_input(key="members_as_of").proto.format,
    }
    assert formats == {wording.DATE_INPUT_FORMAT}
