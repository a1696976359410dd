"""The Interaction formats page, driven through AppTest: the demo brand, fixes, rules, and a bare upload."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from analytics.charts import MUTED
from analytics.formats import format_takeaway, video_formats
from tests.apptest import app

ROOT = Path(__file__).resolve().parents[1]
PAGE = "pages/formats.py"
CHART_KEYS = [
    "formats_rate_chart",
    "formats_month_chart",
    "formats_scatter_chart",
    "formats_hashtag_chart",
    "formats_activity_heatmap",
    "formats_posting_heatmap",
    "formats_live_chart",
]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))
    return tmp_path


def formats_page(preset: str = "Last 28 days"):
    """The page on the demo over a short period, where most formats have too few videos to compare."""
    at = app()
    at.sidebar.selectbox(key="period_preset").select(preset).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def content_only_page():
    """A marketer's first upload: TikTok Studio's Content export alone (no format column, no LIVE sheet)."""
    with zipfile.ZipFile(ROOT / "sample_data" / "Content_phinco.coffee.zip") as archive:
        content = archive.read("Content.csv")
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value([("Content.csv", content, "text/csv")]).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def formats_table(at):
    return at.dataframe[0].value


def table_with(at, column: str):
    """The editable table with this column: "Posted" (every video), "patterns" (the caption rules); the
    "Check these first" queue comes before them when the rules are unsure of some videos."""
    return next(table for table in at.data_editor if column in table.value.columns)


def flagged(at) -> list[str]:
    """The formats greyed as "not enough videos to say", read from the rate chart and the table's caption."""
    bars = chart(at, "formats_rate_chart")["data"][0]
    colors = bars["marker"]["color"]
    greyed = [
        label.split("  ·  ")[0] for label, color in zip(bars["y"], colors, strict=True) if color == MUTED
    ]
    caption = next(caption.value for caption in at.caption if "not enough videos to say" in caption.value)
    assert caption.startswith(f"Grey: {', '.join(greyed)}, with fewer than")
    return greyed


def chart(at, key: str) -> dict:
    return next(json.loads(element.proto.spec) for element in at.get("plotly_chart") if element.key == key)


def edit_state(rows: dict[int, dict]) -> dict:
    return {"edited_rows": rows, "added_rows": [], "deleted_rows": []}


def test_the_page_renders_on_the_demo_with_its_computed_takeaway_and_every_chart():
    at = formats_page()
    assert not at.error
    assert [element.key for element in at.get("plotly_chart")] == CHART_KEYS
    ws, period = at.session_state["workspace"], at.session_state["period"]
    expected = format_takeaway(video_formats(ws.con, start=period.start, end=period.end))
    assert at.info[0].value == f"**{expected}**"
    assert [tab.label for tab in at.tabs] == [
        "By format",
        "Check and fix formats",
        "Hashtags",
        "When to post",
        "LIVE",
    ]


def test_the_demo_over_all_its_data_says_which_format_wins_and_that_it_is_not_luck():
    at = formats_page()
    at.button(key="formats_use_all_data").click().run()
    assert not at.exception
    assert at.sidebar.selectbox(key="period_preset").value == "All data"
    # Some demo videos take their format from the caption rules, so the ratio moves a little with them.
    assert re.fullmatch(
        r"\*\*Mini games earn 2\.\dx the engagement of Product videos \(11\.\d% vs 4\.5%\), "
        r"and that is unlikely to be luck\.\*\*",
        at.info[0].value,
    )


def test_lowering_the_minimum_number_of_videos_changes_which_formats_are_flagged():
    at = formats_page()
    ws, period = at.session_state["workspace"], at.session_state["period"]
    counts = video_formats(ws.con, start=period.start, end=period.end)["format"].value_counts()
    assert set(flagged(at)) == set(counts[counts < 5].index) >= {"Challenge", "Storytelling", "Product"}
    at.number_input(key="formats_min_videos").set_value(2).run()
    assert not at.exception
    assert flagged(at) == ["Challenge", "Storytelling"]  # one video each


def test_fixing_one_videos_format_changes_the_table_and_stays_in_the_session_only_for_the_demo(home):
    at = formats_page()
    before = formats_table(at).set_index("Format")["Videos"].to_dict()
    newest = table_with(at, "Posted").value.iloc[0]
    assert "Collab" not in before
    at.session_state["formats_fix_table_0"] = edit_state({0: {"Format": "Collab"}})
    at.run()
    assert not at.exception
    after = formats_table(at).set_index("Format")["Videos"].to_dict()
    assert after["Collab"] == 1
    assert after.get(newest["Format"], 0) == before[newest["Format"]] - 1
    editor = table_with(at, "Posted").value.iloc[0]
    assert (editor["Format"], editor["Why"]) == ("Collab", "set by hand")
    assert list(at.session_state["formats_preferences"]["overrides"].values()) == ["Collab"]
    assert not (home / "format_overrides.json").exists()


def test_setting_a_format_for_every_video_whose_caption_contains_a_word():
    at = formats_page()
    at.text_input(key="formats_fix_search").input("#PhinTips").run()  # the demo's tips series
    shown = table_with(at, "Posted").value
    assert len(shown) > 1 and shown["Caption"].str.lower().str.contains("#phintips").all()
    at.selectbox(key="formats_bulk_format").select("Tutorial").run()
    at.button(key="formats_bulk_apply").click().run()
    assert not at.exception
    assert table_with(at, "Posted").value[["Format", "Why"]].drop_duplicates().to_dict("records") == [
        {"Format": "Tutorial", "Why": "set by hand"}
    ]
    assert len(at.session_state["formats_preferences"]["overrides"]) == len(shown)


def test_one_video_is_said_in_the_singular_when_fixing_formats():
    at = formats_page()
    at.text_input(key="formats_fix_search").input("voucher").run()
    assert len(table_with(at, "Posted").value) == 1
    assert at.selectbox(key="formats_bulk_format").label == (
        "Set the format of the 1 video whose caption contains “voucher”"
    )
    at.selectbox(key="formats_bulk_format").select("Mini game").run()
    assert at.button(key="formats_bulk_apply").label == "Set 1 video to Mini game"
    at.button(key="formats_bulk_apply").click().run()
    assert not at.exception
    assert at.button(key="formats_forget_fixes").label == "Forget the 1 format set by hand"
    sources = next(
        text.value for text in at.markdown if text.value.startswith("Each video's format comes from")
    )
    assert "**your fix** (1 video)," in sources


def test_the_playbooks_claims_appear_only_when_asked_and_are_labelled_as_claims():
    at = formats_page()
    names = [trace.get("name") for trace in chart(at, "formats_rate_chart")["data"]]
    assert names == ["Your engagement rate"]
    at.toggle(key="formats_show_claims").set_value(True).run()
    traces = chart(at, "formats_rate_chart")["data"]
    assert [trace["y"][0].split("<br>")[0] for trace in traces[1:]] == [
        "Challenge  ·  1 video",
        "LIVE Q&A  ·  2 videos",
    ]
    assert {trace["name"] for trace in traces[1:]} == {"Published claim (playbook), not your data"}
    assert any("published claims" in caption.value for caption in at.caption)


def test_the_live_tab_shows_the_lives_and_who_keeps_coming_back():
    at = formats_page()
    assert [metric.label for metric in at.metric][:2] == ["LIVEs per week", "Viewers per LIVE"]
    texts = " ".join(markdown.value for markdown in at.markdown)
    assert "**Best time to go LIVE.**" in texts and "**Who keeps coming back.**" in texts


def test_after_only_a_content_export_the_page_still_works_and_explains_how_to_get_live_data():
    at = content_only_page()
    assert not at.error
    assert "formats_rate_chart" in [element.key for element in at.get("plotly_chart")]
    assert "formats_live_chart" not in [element.key for element in at.get("plotly_chart")]
    live = next(info.value for info in at.info if "No LIVE data yet" in info.value)
    assert "Download our LIVE template" in live
    assert [button.key for button in at.get("download_button")].count("formats_live_template") == 1
    assert any("No follower territories loaded" in caption.value for caption in at.caption)
    assert any("Followers export" in info.value for info in at.info)
    assert not at.metric  # no LIVE tiles full of zeros


def test_an_uploaded_brands_fixes_and_rules_are_remembered_for_its_client(home):
    from analytics import preferences
    from analytics.store import open_store

    at = content_only_page()
    memory = open_store().memory(at.session_state["client_choice"])
    video_id = (
        at.session_state["workspace"]
        .con.execute("select video_id from videos order by posted_at desc limit 1")
        .fetchone()[0]
    )
    at.session_state["formats_fix_table_0"] = edit_state({0: {"Format": "Collab"}})
    at.run()
    assert not at.exception
    assert preferences.load_format_overrides(memory) == {video_id: "Collab"}

    assert "Challenge" in formats_table(at)["Format"].tolist()
    rules = table_with(at, "patterns").value
    challenge = int(rules.index[rules["format"] == "Challenge"][0])
    at.session_state["formats_rules_table_1"] = edit_state({challenge: {"patterns": ""}})
    at.run()
    assert not at.exception
    assert preferences.load_format_rules(memory)["Challenge"] == []
    assert not list(home.glob("*.json"))  # the client's, not the shared folder's
    assert "Challenge" not in formats_table(at)["Format"].tolist()

    again = content_only_page()  # a new session, the same account's file: its client, its choices
    assert again.session_state["formats_preferences"]["overrides"] == {video_id: "Collab"}
    assert "Challenge" not in formats_table(again)["Format"].tolist()


def test_with_only_the_live_sheet_the_live_tab_still_gives_its_numbers():
    at = app()
    lives_csv = (ROOT / "sample_data" / "lives.csv").read_bytes()
    at.sidebar.file_uploader(key="upload_files").set_value([("lives.csv", lives_csv, "text/csv")]).run()
    at.switch_page(PAGE).run()
    assert not at.exception and not at.error
    assert any("No videos loaded yet" in info.value for info in at.info)
    assert {metric.label: metric.value for metric in at.metric}["Viewers per LIVE"] == "2,168"
    assert [element.key for element in at.get("plotly_chart")] == ["formats_live_chart"]
