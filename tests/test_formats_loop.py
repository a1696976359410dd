"""The marketer in the loop on the Interaction formats page (issue 12): series rules, look-alikes of the
videos tagged by hand, the "Check these first" queue, tagging in bulk, each client's own rules, and the
deck showing the same formats. Pure functions first; one AppTest flow at the end."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics import db, lookalikes, preferences
from analytics.captions import classify
from analytics.format_stats import video_formats
from analytics.preferences import FolderMemory, SessionMemory
from analytics.report import build_report
from analytics.report.sections import default_report_period
from analytics.sample import demo_workspace
from analytics.views.formats import check_queue, formats_view, series_table, tag_groups
from tests.apptest import ROOT  # and its patch, which keeps the page and the upload box across AppTest runs


def video(video_id: str, caption: str, views: int = 1000, **extra) -> dict:
    row = {"video_id": video_id, "caption": caption, "total_views": views, "total_likes": 10}
    return {"total_comments": 0, "total_shares": 0, "posted_at": "2024-03-06 12:00:00", **row, **extra}


def load(*videos: dict):
    return db.load_frames(db.connect(), {"videos": pd.DataFrame(list(videos))})


def unsure(caption: str) -> str:
    """The caption, after checking the caption rules are not sure of it (the premise of a look-alike)."""
    assert classify(caption).confidence != "sure", classify(caption)
    return caption


def formats_of(frame: pd.DataFrame) -> dict[str, tuple[str, str, str, str]]:
    return {
        row.video_id: (row.format, row.format_source, row.confidence, row.reason)
        for row in frame.itertuples()
    }


# ---------------------------------------------------------------- series rules


def test_a_series_rule_comes_after_a_fix_and_the_file_column_and_before_the_caption_rules():
    con = load(
        video("fixed", "#PhinSang #challenge"),
        video("filed", "#PhinSang", format="product"),
        video("series", "Défi du jour #PhinSang #phinco"),  # the rules alone say Challenge, sure
        video("longer", "#phinsangvn défi du jour"),  # another hashtag that only starts the same
        video("other", "#challenge du jour"),
    )
    result = formats_of(video_formats(con, overrides={"fixed": "Collab"}, series={"phinsang": "tutorial"}))
    assert result["fixed"] == ("Collab", "override", "sure", "set by hand")
    assert result["filed"][:2] == ("Product", "file")
    assert result["series"] == ("Tutorial", "series", "sure", 'series rule: "#PhinSang" is always Tutorial')
    assert result["longer"][:2] == ("Challenge", "rules")
    assert result["other"][:2] == ("Challenge", "rules")


def test_the_first_hashtag_of_the_caption_with_a_series_rule_decides():
    con = load(video("1", "#bts then #phinsang"), video("2", "#PhinSang then #BTS"))
    result = formats_of(video_formats(con, series={"#phinsang": "Tutorial", "#bts": "Behind the scenes"}))
    assert result["1"][0] == "Behind the scenes" and result["2"][0] == "Tutorial"


# ---------------------------------------------------------------- look-alikes


TAGGED = "Phin glacé maison en 3 étapes 🧊 #phinco"
ALIKE = "Phin glacé coco en 3 étapes 🥥 #phinco"


def test_a_caption_the_rules_are_unsure_of_takes_the_format_of_the_most_alike_tagged_video():
    con = load(
        video("tagged", unsure(TAGGED)),
        video("pack", unsure("Pack an order with us: 40 boxes before noon #phinco")),
        video("alike", unsure(ALIKE)),
        video("unrelated", unsure("Morning mood ☕ #phinco")),
    )
    result = formats_of(video_formats(con, overrides={"tagged": "Tutorial", "pack": "Behind the scenes"}))
    assert result["alike"] == ("Tutorial", "lookalike", "likely", f'like "{TAGGED}" that you tagged Tutorial')
    assert result["unrelated"][1] == "rules"  # alike to nothing tagged: the caption rules keep it
    assert lookalikes.nearest([TAGGED, ALIKE], [1], [0])["similarity"].iloc[0] >= lookalikes.THRESHOLD


def test_a_series_rule_tags_look_alikes_too_and_a_long_caption_is_quoted_short():
    long = "Phin glacé maison en 3 étapes, sans machine, juste un phin et des glaçons 🧊 #PhinSang"
    con = load(video("series", long), video("alike", unsure("Phin glacé coco en 3 étapes, sans machine 🥥")))
    result = formats_of(video_formats(con, series={"#phinsang": "Tutorial"}))
    assert result["alike"] == (
        "Tutorial",
        "lookalike",
        "likely",
        'like "Phin glacé maison en 3 étapes, sans mac…" that you tagged Tutorial',
    )


def test_a_look_alike_never_replaces_a_sure_caption_a_fix_or_the_file_column():
    sure = "Phin glacé maison en 3 étapes, à gagner : 3 kits #giveaway #phinco"
    assert classify(sure).confidence == "sure"
    con = load(
        video("tagged", TAGGED),
        video("sure", sure),
        video("fixed", ALIKE),
        video("filed", ALIKE + " ", format="Storytelling"),
    )
    result = formats_of(video_formats(con, overrides={"tagged": "Tutorial", "fixed": "Collab"}))
    assert result["sure"][:3] == ("Mini game", "rules", "sure")
    assert result["fixed"][:2] == ("Collab", "override")
    assert result["filed"][:2] == ("Storytelling", "file")


def test_a_video_s_look_alike_does_not_depend_on_the_period_shown():
    con = load(
        video("tagged", TAGGED, posted_at="2024-01-10 12:00:00"),
        video("alike", ALIKE, posted_at="2024-03-06 12:00:00"),
    )
    march = video_formats(con, overrides={"tagged": "Tutorial"}, start=pd.Timestamp("2024-03-01").date())
    assert list(march["video_id"]) == ["alike"]
    assert march["format_source"].iloc[0] == "lookalike"


def test_alike_captions_share_words_hashtags_and_word_pieces_with_case_accents_and_typos_forgiven():
    captions = ["Tutorial: cà phê trứng #EggCoffee", "tutoral ca phe trung #eggcoffee", "Rainy day in Paris"]
    table = lookalikes.similarities(lookalikes.weights(captions), [0], [1, 2])
    assert list(table["against"]) == [1]  # nothing shared with the third
    assert table["similarity"].iloc[0] >= lookalikes.THRESHOLD
    same = lookalikes.similarities(lookalikes.weights([captions[0], captions[0]]), [0], [1])
    assert same["similarity"].iloc[0] == pytest.approx(1.0)


def test_common_pieces_multiplied_densely_give_the_same_similarities_as_joined_piece_by_piece(monkeypatch):
    captions = pd.read_csv(ROOT / "tests" / "data" / "format_captions.csv")["caption"].head(120).tolist()
    vectors = lookalikes.weights(captions)
    monkeypatch.setattr(lookalikes, "COMMON", 0)
    dense = lookalikes.similarity_matrix(vectors, range(60), range(60, 120))
    monkeypatch.setattr(lookalikes, "COMMON", 10**9)
    joined = lookalikes.similarity_matrix(vectors, range(60), range(60, 120))
    assert dense == pytest.approx(joined, abs=1e-6)
    assert dense.max() > 0.2


# ---------------------------------------------------------------- the queue and the groups


def test_the_queue_lists_the_guesses_and_likely_ones_most_viewed_first():
    con = load(
        video("sure", "#challenge accepted", views=9000),
        video("small", unsure("Morning mood ☕"), views=100),
        video("big", unsure("Rainy day in Paris"), views=5000),
        video("none", unsure("Cozy corner"), views=None),
        video("fixed", "Cozy corner with a book", views=7000),
    )
    queue = check_queue(video_formats(con, overrides={"fixed": "Storytelling"}))
    assert list(queue["video_id"]) == ["big", "small", "none"]
    assert list(queue.columns) == [
        "video_id",
        "caption",
        "total_views",
        "format",
        "confidence",
        "reason",
        "why",
    ]
    assert set(queue["confidence"]) <= {"guess", "likely"}


def test_groups_to_tag_at_once_are_recurring_series_hashtags_then_captions_that_read_alike():
    con = load(
        video("1", unsure("Morning mood #PhinSang #phinco #fyp"), views=50),
        video("2", unsure("Rainy day #phinsang #phinco #fyp"), views=900),
        video("3", "#challenge accepted #CoffeeTok #phinco"),  # a topic tag on videos of two sure formats:
        video("4", "#giveaway time #CoffeeTok"),  # not a series
        video("5", unsure("Cozy corner #CoffeeTok")),
        video("6", unsure("SALTAIR BODY SERUM 2 PACK 🚨BACK IN STOCK🚨"), views=300),
        video("7", unsure("SALTAIR BODY SERUM 2 PACK 🚨DOUBLE DISCOUNT🚨"), views=200),
        video("8", unsure("Once #only")),
    )
    videos = video_formats(con, overrides={"1": "Tutorial"})
    groups = tag_groups(videos, brand_hashtags=["#phinco"])
    assert [(group.label, group.hashtag, group.video_ids) for group in groups] == [
        ("#phinsang", "#phinsang", ("1", "2")),
        ('captions like "SALTAIR BODY SERUM 2 PACK 🚨BACK IN STOC…"', None, ("6", "7")),
    ]
    assert (groups[0].count_unsure, groups[0].suggested) == (1, "Tutorial")  # what the sure one is
    assert groups[1].suggested == "Product"  # what the rules guess: a product name in capitals
    # A hashtag with a series rule is no longer offered.
    assert [group.hashtag for group in tag_groups(videos, ["#phinco"], {"#PhinSang": "Tutorial"})] == [None]


def test_the_series_rules_are_listed_with_the_videos_carrying_their_hashtag():
    con = load(video("1", "a #PhinSang"), video("2", "b #phinsang"), video("3", "c"))
    videos = video_formats(con)
    table = series_table(videos, {"PhinSang": "Tutorial", "#bts": "Behind the scenes"})
    assert table.to_dict("records") == [
        {"hashtag": "#phinsang", "format": "Tutorial", "count_videos": 2},
        {"hashtag": "#bts", "format": "Behind the scenes", "count_videos": 0},
    ]


# ---------------------------------------------------------------- remembered per client


@pytest.mark.parametrize("kind", ["session", "folder"])
def test_a_series_rule_is_remembered_for_its_client_only(kind, tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path / "home"))
    a, b = (
        (SessionMemory(), SessionMemory())
        if kind == "session"
        else (FolderMemory(tmp_path / "a"), FolderMemory(tmp_path / "b"))
    )
    series = preferences.with_series({}, "PhinSang", "Tutorial")
    series = preferences.with_series(series, "#BTS", "Behind the scenes")
    assert preferences.save_series_rules(series, a)
    assert preferences.load_series_rules(a) == {"#phinsang": "Tutorial", "#bts": "Behind the scenes"}
    assert preferences.load_series_rules(b) == {}
    assert preferences.with_series(series, "#phinsang", None) == {"#bts": "Behind the scenes"}
    assert not (tmp_path / "home").exists()


@pytest.mark.parametrize("stored", [None, [], "x", {"": "Tutorial"}, {"#a": ""}, {"#a b": "Tutorial"}])
def test_a_stored_series_rule_of_the_wrong_shape_reads_as_none(stored):
    memory = SessionMemory({preferences.SERIES_FILE: stored})
    assert preferences.load_series_rules(memory) == {}


# ---------------------------------------------------------------- the deck


def test_the_deck_counts_the_formats_the_page_shows_with_the_series_rules_and_fixes():
    demo = demo_workspace()
    period = default_report_period(demo.con)
    series = {"#booktok": "Storytelling"}  # the demo's book-and-coffee videos, made Storytelling
    view = formats_view(demo.con, period, series=series)
    plain = formats_view(demo.con, period)
    assert view.table["count_videos"].tolist() != plain.table["count_videos"].tolist()
    report = build_report(demo.con, period=period, sections=["formats"], salt="s", series=series)
    slide = next(finding for finding in report.findings if finding.key == "formats_rate")
    rated = view.table[view.table["engagement_rate"].notna()]
    assert slide.native.categories == [f"{row.format} ({row.count_videos})" for row in rated.itertuples()]


# ---------------------------------------------------------------- the page, for two clients


SERIES_CAPTIONS = [
    ("Phin glacé du matin 🧊 #PhinSang #phinco", 9000),
    ("Phin sữa đá buổi sáng #PhinSang #phinco #fyp", 7000),
    ("Morning mood ☕ #phinco", 5000),
    ("Rainy day, hot phin #cozy #phinco", 3000),
    ("Cozy corner with a book #cozy #phinco", 2000),
    ("#challenge accepted: one-hand phin #phinco", 1000),
]


def series_content_csv() -> bytes:
    """A TikTok Studio Content export of six videos: a #PhinSang series and captions the rules are unsure of."""
    head = '"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"'
    rows = [
        f'"November 22","{caption}","https://www.tiktok.com/@phinco.coffee/video/7700000000000000{i:02d}",'
        f'"November {10 + i}","{views // 20}","{views // 100}","{views // 200}","{views}"'
        for i, (caption, views) in enumerate(SERIES_CAPTIONS)
    ]
    return "\n".join([head, *rows, ""]).encode("utf-8")


def new_client(name: str):
    """A client in the store: its memory, with its id (as tests/test_client_memory.py makes one)."""
    from analytics.store import open_store

    store = open_store()
    client_id = store.create_client(name)
    memory = store.memory(client_id)
    memory.id = client_id
    return memory


def client_formats_page(name: str):
    """A new browser session opening a new client of the store, with the export above, on the formats page."""
    from streamlit.testing.v1 import AppTest

    memory = new_client(name)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["client"] = memory.id
    at.run()
    upload = at.sidebar.file_uploader(key="upload_files")
    upload.set_value([("Content.csv", series_content_csv(), "text/csv")]).run()
    at.switch_page("pages/formats.py").run()
    assert not at.exception, at.exception
    return at, memory


def test_in_the_app_the_marketer_checks_the_queue_and_tags_a_series_for_this_client_only(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path / "home"))
    at, memory_a = client_formats_page("A")
    assert any("5 of 6 videos are guesses" in info.value for info in at.info)  # on the By format tab
    queue = at.data_editor[0].value
    assert list(queue["Views"]) == [9000, 7000, 5000, 3000, 2000]
    assert set(queue["Confidence"]) == {"Guess"}

    # Confirm the most viewed video's format in place: it becomes a fix by hand.
    at.session_state["formats_queue_0"] = {
        "edited_rows": {0: {"Right": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception, at.exception
    assert preferences.load_format_overrides(memory_a) == {"770000000000000000": "Other"}

    # Tag the #PhinSang group as Tutorials, always: a series rule kept for this client.
    at.selectbox(key="formats_group_format_#phinsang").select("Tutorial").run()
    at.checkbox(key="formats_group_always_#phinsang").check().run()
    at.button(key="formats_group_apply_#phinsang").click().run()
    assert not at.exception, at.exception
    assert preferences.load_series_rules(memory_a) == {"#phinsang": "Tutorial"}
    assert preferences.load_format_overrides(memory_a) == {}  # the series rule decides its videos now
    every = next(table.value for table in at.data_editor if "Posted" in table.value.columns)
    assert set(every.loc[every["Caption"].str.contains("#PhinSang"), "Why"]) == {
        'series rule: "#PhinSang" is always Tutorial'
    }
    assert any("#phinsang is always **Tutorial** (2 videos now)" in text.value for text in at.markdown)
    assert not list((tmp_path / "home").glob("*.json"))  # nothing in the folder shared by every client

    other, memory_b = client_formats_page("B")
    assert preferences.load_series_rules(memory_b) == {}
    assert other.session_state["formats_preferences"]["series"] == {}
    assert other.button(key="formats_group_apply_#phinsang")  # still offered, untagged, to client B

    at.button(key="formats_series_remove_#phinsang").click().run()
    assert preferences.load_series_rules(memory_a) == {}


def test_the_decks_formats_slide_says_how_many_formats_are_the_rules_guesses():
    demo = demo_workspace()
    period = default_report_period(demo.con)
    view = formats_view(demo.con, period)
    unsure = int(view.videos["confidence"].isin(["guess", "likely"]).sum())
    assert unsure  # the demo has videos to check
    report = build_report(demo.con, period=period, sections=["formats"], salt="s")
    slide = next(finding for finding in report.findings if finding.key == "formats_rate")
    assert f"{unsure} of {len(view.videos)} videos have a format the caption rules only guessed" in slide.note
