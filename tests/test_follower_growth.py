"""Follower growth has one percentage, the share of the first day's followers, on every surface.

The Overview tile, the deck and the HTML report are three drawings of one number: the tile's
words must be found, unchanged, in the deck and the report, for the demo brand and a genuine
TikTok Studio account (where 15 new followers once read "+1400.0%" on one and "+0.3%" on the other).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pptx import Presentation

from analytics.overview import account_kpis
from analytics.report import build_report, default_report_period
from analytics.report.deck import build_deck
from analytics.report.html import build_html
from analytics.sample import demo_workspace
from analytics.workspace import Workspace
from tests.apptest import app

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real_exports"
EN_US = REAL / "tiktok-studio_en-US_htupycollabs"


def real_files() -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted(EN_US.rglob("*.csv"))]


def tile(at) -> tuple[str, str]:
    found = [metric for metric in at.metric if metric.label == "Follower growth"]
    assert len(found) == 1
    return found[0].value, found[0].delta


def deck_text(data: bytes) -> str:
    prs = Presentation(io.BytesIO(data))
    return "\n".join(
        shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame
    )


def percentages_near_followers(text: str) -> set[str]:
    """Every percentage written in a sentence or tile that talks about followers gained or lost."""
    found = set()
    for line in re.split(r"[\n<>]", text):
        if re.search(r"follower", line, re.I) and re.search(r"gained|lost|first-day", line):
            found |= set(re.findall(r"[+-−]?\d[\d,.]*%", line))
    return found


def check_surfaces_agree(at, ws) -> None:
    value, delta = tile(at)
    period = default_report_period(ws.con)
    report = build_report(ws.con, period=period, sections=["overview"], salt="x")
    html = build_html(report)
    deck = deck_text(build_deck(report, images=False))
    share = account_kpis(ws.con, period).set_index("metric").loc["follower_growth"]
    assert value == share["value_text"] and value.startswith(("+", "-", "0"))
    assert delta == f"{share['change_text']} of first-day followers"
    worded = delta
    for surface in (html, deck):
        assert worded in surface
        assert percentages_near_followers(surface) == {share["change_text"]}, percentages_near_followers(
            surface
        )
    assert f"{abs(int(share['value'])):,} followers" in html


def test_the_demo_tile_deck_and_html_report_give_follower_growth_one_percentage():
    at = app()
    check_surfaces_agree(at, demo_workspace())


@pytest.mark.skipif(not EN_US.exists(), reason="real exports folder absent")
def test_a_real_account_tile_deck_and_html_report_give_follower_growth_one_percentage():
    at = app()
    files = [(name, data, "text/csv") for name, data in real_files()]
    at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    assert not at.exception
    ws = Workspace()
    ws.add_files(real_files())
    check_surfaces_agree(at, ws)
    value, delta = tile(at)
    assert (value, delta) == (
        "+18",
        "+0.4% of first-day followers",
    )  # 18 more followers on 5,013 - 18 = 4,995: +0.36%


def test_follower_growth_is_the_share_of_the_first_day_not_a_change_of_growth():
    ws = demo_workspace()
    period = default_report_period(ws.con, 28)
    row = account_kpis(ws.con, period).set_index("metric").loc["follower_growth"]
    first, last = ws.con.execute(
        "select arg_min(followers, stat_date), arg_max(followers, stat_date) from daily_stats "
        "where stat_date between $start and $end and followers is not null",
        {"start": period.start, "end": period.end},
    ).fetchone()
    assert row["value"] == last - first
    assert row["change"] == pytest.approx((last - first) / first)
    assert row["change_basis"] == "of first-day followers"
    assert row["previous_text"].startswith("+")
