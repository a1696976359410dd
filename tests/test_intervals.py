"""Every interval the app draws is at the level it says: a 50% interval lies strictly inside the 95% one
(an interval computed at another level than asked, say 90% for both, fails), and the words beside it
("95% range", "95% interval", "95%:") follow the level it was computed at.

The intervals: each format's bootstrap engagement rate range, the bootstrap ratio and difference of two
groups (Formats, What-if), the Wilson interval of a share (sentiment), the reply effect's difference.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pandas as pd
import pytest

from analytics import charts_formats, charts_members, charts_whatif, whatif
from analytics.formats import compare_rates, engagement_by_format, video_formats
from analytics.members import reply_effect
from analytics.sample import demo_workspace
from analytics.segments import with_rate_interval
from analytics.workspace import Workspace

LEVELS = (0.5, 0.95)


@pytest.fixture(scope="module")
def con():
    return demo_workspace().con


@pytest.fixture(scope="module")
def videos(con) -> pd.DataFrame:
    return video_formats(con)


def strictly_inside(inner: tuple[float, float], outer: tuple[float, float]) -> bool:
    return outer[0] < inner[0] <= inner[1] < outer[1]


def test_each_formats_50_percent_range_lies_strictly_inside_its_95_percent_range(con):
    tables = {level: engagement_by_format(con, confidence=level).set_index("format") for level in LEVELS}
    judged = tables[0.95].index[~tables[0.95]["is_small_sample"]]
    assert len(judged) >= 4
    for name in judged:
        narrow, wide = (
            tuple(tables[level].loc[name, ["engagement_rate_low", "engagement_rate_high"]])
            for level in LEVELS
        )
        assert strictly_inside(narrow, wide), name
        assert wide[0] < tables[0.95].loc[name, "engagement_rate"] < wide[1]


def test_the_ratio_and_difference_of_two_groups_at_50_percent_lie_strictly_inside_those_at_95(videos):
    mini, product = videos[videos["format"] == "Mini game"], videos[videos["format"] == "Product"]
    results = {level: compare_rates(mini, product, confidence=level) for level in LEVELS}
    for name in ("ratio", "difference"):
        narrow, wide = ((results[level][f"{name}_low"], results[level][f"{name}_high"]) for level in LEVELS)
        assert strictly_inside(narrow, wide), name


def test_every_what_if_rates_50_percent_interval_lies_strictly_inside_its_95_percent_one(videos):
    recent = videos["posted_at"] >= videos["posted_at"].median()
    results = {
        level: whatif.compare_groups(videos[recent], videos[~recent], confidence=level) for level in LEVELS
    }
    narrow, wide = (results[level]["rates"].set_index("rate") for level in LEVELS)
    assert len(wide) >= 3
    for rate in wide.index:
        inner = tuple(narrow.loc[rate, ["difference_low", "difference_high"]])
        outer = tuple(wide.loc[rate, ["difference_low", "difference_high"]])
        assert strictly_inside(inner, outer), rate


def test_a_50_percent_wilson_interval_lies_strictly_inside_the_95_percent_one():
    shares = pd.DataFrame({"positive": [3, 40, 290, 1], "labelled": [10, 50, 1000, 2]})
    narrow, wide = (
        with_rate_interval(shares, "positive", "labelled", "rate", confidence=level) for level in LEVELS
    )
    for row in range(len(shares)):
        inner = (narrow.loc[row, "rate_low"], narrow.loc[row, "rate_high"])
        outer = (wide.loc[row, "rate_low"], wide.loc[row, "rate_high"])
        assert strictly_inside(inner, outer), shares.loc[row].to_dict()
    # 95% by default, with its textbook z of 1.96: 3 of 10 is 10.8% to 60.3%.
    assert with_rate_interval(shares, "positive", "labelled", "rate").round(3).loc[
        0, ["rate_low", "rate_high"]
    ].tolist() == [0.108, 0.603]


def apify_comments(rows: list[tuple[str, str, str, datetime, str]]) -> bytes:
    """An Apify comments CSV of (comment id, handle, video id, time, parent comment id) rows."""
    lines = ["cid,createTimeISO,repliesToId,text,uid,uniqueId,videoWebUrl"]
    uids: dict[str, int] = {}  # one user id per handle
    for cid, handle, video, at, parent in rows:
        url = f"https://www.tiktok.com/@phinco.coffee/video/76000000000000000{video}"
        uid = uids.setdefault(handle, 6800000000000000000 + len(uids))
        lines.append(f"{cid},{at:%Y-%m-%dT%H:%M:%S}.000Z,{parent},hi,{uid},{handle},{url}")
    return "\n".join(lines).encode()


@pytest.fixture(scope="module")
def replied_and_not():
    """40 members' first comments: 20 answered by the brand (14 came back), 20 not (6 came back)."""
    start, rows = datetime(2026, 3, 1, 9), []
    for number in range(40):
        member, first = f"fan_{number:03d}", f"{1000 + number}"
        rows.append((first, member, "01", start + timedelta(hours=number), ""))
        if number < 20:
            rows.append(
                (
                    f"{2000 + number}",
                    "phinco.coffee",
                    "01",
                    start + timedelta(hours=number, minutes=30),
                    first,
                )
            )
        if (number < 20 and number < 14) or (number >= 20 and number < 26):
            rows.append((f"{3000 + number}", member, "02", start + timedelta(days=10), ""))
    # The newest comment, from a 41st member who never comes back: every window is over.
    rows.append(("9999", "fan_999", "03", datetime(2026, 5, 1), ""))
    workspace = Workspace(remember_mappings=False)
    workspace.add_files([("comments.csv", apify_comments(rows))])
    return workspace.con


def test_the_reply_effects_50_percent_interval_lies_strictly_inside_its_95_percent_one(replied_and_not):
    narrow, wide = (reply_effect(replied_and_not, confidence=level) for level in LEVELS)
    assert (wide["count_replied_members"], wide["count_not_replied_members"]) == (20, 20)
    assert (wide["return_rate_replied"], wide["return_rate_not_replied"]) == (0.7, 0.3)
    inner = (narrow["difference_low"], narrow["difference_high"])
    assert strictly_inside(inner, (wide["difference_low"], wide["difference_high"]))


# ---------------------------------------------------------------- the words follow the level


def percents(text: str) -> set[str]:
    """The levels a text names: "95% range", "95% interval", "95%:" (a line break counts as a space)."""
    return set(re.findall(r"\d+% (?:range|interval)|\d+%:", text.replace("<br>", " ")))


def shown_text(fig) -> str:
    """A chart's title and subtitle."""
    return f"{fig.layout.title.text} {fig.layout.title.subtitle.text}"


def test_the_formats_chart_names_the_level_its_whiskers_were_drawn_at(con):
    for level, said in ((0.5, "50%"), (0.95, "95%")):
        table = engagement_by_format(con, confidence=level)
        fig = charts_formats.format_rate_chart(table, confidence=level)
        text = shown_text(fig) + fig.data[0].hovertemplate
        assert percents(text) == {f"{said} range"}


def test_the_what_if_comparison_chart_names_the_level_its_intervals_were_computed_at(videos):
    recent = videos["posted_at"] >= videos["posted_at"].median()
    for level, said in ((0.5, "50%"), (0.95, "95%")):
        result = whatif.compare_groups(videos[recent], videos[~recent], confidence=level)
        fig = charts_whatif.comparison_chart(result, label_a="Newer", label_b="Older")
        titles = [annotation.text for annotation in fig.layout.annotations]
        assert len(titles) == len(result["rates"]) and all(f"<br>{said}: " in title for title in titles)
        assert percents(shown_text(fig) + " ".join(titles)) == {f"{said} interval", f"{said}:"}


def test_the_reply_effects_sentence_and_chart_name_the_level_of_their_interval(replied_and_not):
    for level, said in ((0.5, "50%"), (0.95, "95%")):
        effect = reply_effect(replied_and_not, confidence=level)
        assert percents(effect["sentence"]) == {f"{said} interval"}
        assert percents(shown_text(charts_members.reply_effect_chart(effect))) == {f"{said} interval"}
