"""An upload's progress bar: each stage (reading each file, recognising it, storing, computing,
saving to the client) is reported in the marketer's words, in order, and the bar never moves back."""

from __future__ import annotations

from datetime import date

import pytest

from analytics import progress as stages
from analytics.workspace import Workspace
from tests.apptest import ROOT, app
from ui import markdown_escape

TODAY = date(2026, 11, 22)
OVERVIEW_NAME = "Overview_2026-05-26_1795312800_phinco.coffee.zip"
OVERVIEW = (ROOT / "sample_data" / OVERVIEW_NAME).read_bytes()  # 180 days
APIFY_HEADER = (
    "avatarThumbnail,cid,createTime,createTimeISO,diggCount,input,likedByAuthor,pinnedByAuthor,"
    "repliesToId,replyCommentTotal,submittedVideoUrl,text,uid,uniqueId,videoWebUrl"
)
LINK = "https://www.tiktok.com/@phinco.coffee/video/7570000000000000001"


def comments_csv(count: int) -> bytes:
    """`count` comments by three fans under one video, in Apify's all-fields CSV layout."""
    rows = [
        f",76000000000000{index:05d},1763000000,2025-11-13T02:13:20.000Z,1,{LINK},False,False,,0,{LINK},"
        f"ngon quá,680000000000000000{index % 3},fan_{index % 3},{LINK}"
        for index in range(count)
    ]
    return "\n".join([APIFY_HEADER, *rows]).encode()


def listening() -> tuple[list[tuple[str, float]], stages.Progress]:
    heard: list[tuple[str, float]] = []
    return heard, lambda words, fraction: heard.append((words, fraction))


def assert_moves_forward(heard: list[tuple[str, float]]) -> None:
    fractions = [fraction for _, fraction in heard]
    assert fractions == sorted(fractions)
    assert all(0.0 <= fraction <= 1.0 for fraction in fractions)


def test_an_upload_says_which_file_it_reads_and_recognises_then_what_it_stores_and_computes_in_order():
    heard, progress = listening()
    comments = comments_csv(40)
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files([(OVERVIEW_NAME, OVERVIEW), ("comments.csv", comments)], progress=progress)
    assert [words for words, _ in heard] == [
        f"Reading {OVERVIEW_NAME} (1 of 2)…",
        f"Recognising {OVERVIEW_NAME}…",
        "Reading comments.csv (2 of 2)…",
        "Recognising comments.csv…",
        "Storing 180 days of stats…",
        "Storing 40 comments…",
        "Finding your members and your own replies…",
    ]
    assert_moves_forward(heard)
    # Each file's share of reading follows its size: the second file starts where the first one's bytes end.
    start, end = stages.READING
    assert heard[0][1] == start
    assert heard[2][1] == pytest.approx(
        start + (end - start) * len(OVERVIEW) / (len(OVERVIEW) + len(comments))
    )
    assert heard[-1][1] == stages.COMPUTING[0]


def test_one_file_is_read_without_counting_and_files_already_loaded_are_not_read_again():
    heard, progress = listening()
    ws = Workspace(today=TODAY, remember_mappings=False)
    ws.add_files([("comments.csv", comments_csv(5))], progress=progress)
    assert heard[0] == ("Reading comments.csv…", 0.0)
    heard.clear()
    ws.add_files([("comments.csv", comments_csv(5)), ("more.csv", comments_csv(7))], progress=progress)
    assert [words for words, _ in heard][:2] == ["Reading more.csv…", "Recognising more.csv…"]
    assert "Storing 7 comments…" not in [words for words, _ in heard]  # the merge stores every file's rows
    assert "Storing 12 comments…" in [words for words, _ in heard]


def test_a_client_import_ends_by_saving_to_the_client_and_a_repeat_import_reads_nothing(store):
    heard, progress = listening()
    ws = store.open(store.create_client("Phin & Co."))
    ws.add_files([(OVERVIEW_NAME, OVERVIEW), ("comments.csv", comments_csv(30))], progress=progress)
    words = [words for words, _ in heard]
    assert words == [
        f"Reading {OVERVIEW_NAME} (1 of 2)…",
        f"Recognising {OVERVIEW_NAME}…",
        "Reading comments.csv (2 of 2)…",
        "Recognising comments.csv…",
        "Storing 180 days of stats…",
        "Storing 30 comments…",
        "Finding your members and your own replies…",
        "Saving to Phin & Co.…",
    ]
    assert_moves_forward(heard)
    assert heard[-1][1] == stages.SAVING[0]
    heard.clear()
    ws.add_files([("comments.csv", comments_csv(30))], progress=progress)
    assert heard == [] and ws.skipped


def test_an_import_redone_after_another_programs_save_says_so_and_goes_back_to_storing_without_reading_again(
    store, monkeypatch
):
    import duckdb

    from analytics.store.client import ClientWorkspace

    save = ClientWorkspace._save
    conflicts = []

    def another_session_saved_first(self, cur):
        if not conflicts:
            conflicts.append(1)
            raise duckdb.TransactionException("Transaction conflict: another transaction committed first")
        return save(self, cur)

    monkeypatch.setattr(ClientWorkspace, "_save", another_session_saved_first)
    heard, progress = listening()
    ws = store.open(store.create_client("Phin & Co."))
    ws.add_files([("comments.csv", comments_csv(30))], progress=progress)
    words = [words for words, _ in heard]
    again = words.index("Another import was saved at the same moment: adding yours again on top of it…")
    assert heard[again][1] == stages.STORING[0]
    redone = words[again + 1 :]  # merged and saved once more; the file stays read
    assert redone[0] == "Storing 30 comments…" and redone[-1] == "Saving to Phin & Co.…"
    assert words.count("Reading comments.csv…") == 1
    assert_moves_forward(heard[again:])
    assert ws.has("comments")


def test_changes_after_the_upload_do_not_move_its_bar(store):
    heard, progress = listening()
    ws = store.open(store.create_client("Phin & Co."))
    ws.add_files([(OVERVIEW_NAME, OVERVIEW), ("comments.csv", comments_csv(30))], progress=progress)
    count = len(heard)
    ws.remove_file(ws.uploads[0].digest)
    ws.set_brand_handles({"phinco.coffee"})
    assert len(heard) == count


def test_the_sidebar_shows_the_upload_done_with_a_full_bar_and_the_file_name_as_text(store):
    client_id = store.create_client("Phin & Co.")
    at = app()
    at.sidebar.selectbox(key="client_choice").set_value(client_id).run()
    name = "*launch* [week](x).csv"
    at.sidebar.file_uploader(key="upload_files").set_value([(name, comments_csv(20), "text/csv")]).run()
    assert not at.exception, at.exception
    statuses = at.sidebar.get("status")
    assert len(statuses) == 1
    assert statuses[0].state == "complete"
    assert statuses[0].label == f"Added {markdown_escape(name)}." and "\\*launch\\*" in statuses[0].label
    bar = statuses[0].get("progress")[0]
    assert (bar.value, bar.text) == (100, "Done.")
    assert at.session_state["workspace"].has("comments")


def test_two_sessions_uploading_on_the_demo_at_the_same_moment_each_get_a_client_of_their_own(
    store, monkeypatch
):
    """Both see no "New client" yet; the other one creates it first: this one takes the next name."""
    from analytics.store.store import Store

    create = Store.create_client
    raced: list[str] = []

    def other_session_first(self, name: str) -> str:
        if not raced:
            raced.append(create(self, name))  # the other session, a moment earlier
        return create(self, name)

    monkeypatch.setattr(Store, "create_client", other_session_first)
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [("comments.csv", comments_csv(10), "text/csv")]
    ).run()
    assert not at.exception, at.exception
    names = store.names()
    assert len(names) == 2 and names[raced[0]] == "New client"
    mine = at.session_state["client_choice"]
    assert mine != raced[0] and at.session_state["workspace"].has("comments")
