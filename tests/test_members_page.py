"""The Members page, driven through AppTest on the demo brand and after an upload without comments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.apptest import app
from ui.members import NONE_OF_THESE

OVERVIEW_CSV = (
    '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"'
).encode()


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


@pytest.fixture(scope="module")
def members():
    at = app()
    at.switch_page("pages/members.py").run()
    return at


def open_tab(at, label):
    """Click a tab of the page: only the open tab runs."""
    at.session_state["members_view"] = label
    return at.run()


def metric(at, label):
    return next(item.value for item in at.metric if item.label == label)


def table_with(at, column):
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def test_the_members_page_renders_on_the_demo_with_tiers_lists_replies_and_sentiment(members):
    at = members
    assert not at.exception and not at.error
    assert metric(at, "Members") == "3,531"
    assert metric(at, "Champions") == "60"
    assert metric(at, "At risk") == "88"
    labels = [tab.label for tab in at.tabs]
    assert {"Tiers", "Lists to act on", "One member", "Replies", "Sentiment"} <= set(labels)
    everyone = table_with(at, "Why this tier")
    assert len(everyone) == 3531
    assert everyone["Why this tier"].str.len().gt(10).all()
    assert everyone["Member"].str.startswith("@").all()
    charts = {chart.proto.id for chart in at.get("plotly_chart")}
    for tab in ("Lists to act on", "One member", "Replies", "Sentiment"):
        open_tab(at, tab)
        assert not at.exception and not at.error, tab
        charts |= {chart.proto.id for chart in at.get("plotly_chart")}
        if tab == "Lists to act on":
            labels = [tab.label for tab in at.tabs]
            assert (
                "Champions: ambassador candidates (60)" in labels and "At risk: win them back (88)" in labels
            )
        if tab == "One member":
            # The history of the first member (a Champion) is shown with each comment's sentiment.
            assert "Sentiment" in table_with(at, "The brand's reply").columns
        if tab == "Replies":
            assert any("association, not proof" in box.value for box in at.info)
    assert len(charts) >= 7
    open_tab(at, "Tiers")


def test_changing_a_threshold_changes_the_tier_counts_and_lists_who_moved():
    at = app()
    at.switch_page("pages/members.py").run()
    before = table_with(at, "Why this tier")["Tier"].value_counts()
    assert not [frame for frame in at.dataframe if "From (default rules)" in frame.value.columns]
    at.number_input(key="members_rule_champion_min_videos").set_value(70).run()
    assert not at.exception and not at.error
    after = table_with(at, "Why this tier")["Tier"].value_counts()
    assert after["Champion"] < before["Champion"] == 60
    assert metric(at, "Champions") == f"{after['Champion']:,}"
    moves = table_with(at, "From (default rules)")
    assert moves["From (default rules)"].tolist() == ["Champion"]
    assert moves["To (your rules)"].tolist() == ["Loyal"]
    assert moves["Members"].tolist() == [60 - after["Champion"]]
    assert moves["Who (most active first)"].iloc[0].startswith("@")
    at.button(key="members_reset_rules").click().run()
    assert metric(at, "Champions") == "60"


def test_rules_that_make_no_sense_get_a_sentence_not_a_traceback():
    at = app()
    at.switch_page("pages/members.py").run()
    at.number_input(key="members_rule_at_risk_days").set_value(10).run()
    assert not at.exception
    assert "at least the 'active' limit" in at.error[0].value


def test_the_pseudonym_switch_replaces_every_handle_in_the_tables():
    at = app()
    at.switch_page("pages/members.py").run()
    handles = table_with(at, "Why this tier")["Member"]
    at.toggle(key="members_pseudonymize").set_value(True).run()
    assert not at.exception
    pseudonyms = table_with(at, "Why this tier")["Member"]
    assert pseudonyms.str.fullmatch(r"member-[0-9a-f]{12}").all()
    assert not set(handles) & set(pseudonyms)
    assert pseudonyms.is_unique


def test_the_as_of_date_moves_the_tiers_back_in_time():
    at = app()
    at.switch_page("pages/members.py").run()

    at.date_input(key="members_as_of").set_value(date(2026, 8, 31)).run()
    assert not at.exception and not at.error
    assert metric(at, "Champions") == "150"


def test_a_word_added_to_the_brand_lexicon_is_listed_and_labels_are_recomputed():
    at = app()
    at.switch_page("pages/members.py").run()
    open_tab(at, "Sentiment")
    at.text_input(key="members_lexicon_word").input("Grave")
    at.selectbox(key="members_lexicon_feeling").select("positive")
    at.button(key="members_lexicon_add").click().run()
    assert not at.exception
    assert any("“grave” (positive)" in caption.value for caption in at.caption)


def test_after_an_upload_without_comments_the_page_says_which_file_it_needs():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value([("Overview.csv", OVERVIEW_CSV, "text/csv")]).run()
    at.switch_page("pages/members.py").run()
    assert not at.exception and not at.error
    assert any("comments export" in box.value for box in at.info)


REAL_EXCEL = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "real_exports"
    / "comments-xlsx_haron416-exporter"
    / "tiktok_comments_20250802_134414.xlsx"
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def uploaded(*files: tuple[str, bytes]):
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value([(name, data, XLSX) for name, data in files]).run()
    at.switch_page("pages/members.py").run()
    at.toggle(key="members_pseudonymize").set_value(False).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.skipif(not REAL_EXCEL.exists(), reason="real exports folder absent")
def test_the_excel_exporter_shows_members_by_name_and_says_it_does_not_show_replies():
    at = uploaded((REAL_EXCEL.name, REAL_EXCEL.read_bytes()))
    assert not at.error
    everyone = table_with(at, "Why this tier")
    assert len(everyone) == 498
    # Display names exactly as the exporter gives them (no "@" added, no 19-digit ids).
    import pandas as pd

    raw = pd.read_excel(REAL_EXCEL, sheet_name="Comments", dtype=str, engine="calamine")
    names = raw.drop_duplicates("Author ID")["Author Name"].str.strip()
    assert sorted(everyone["Member"]) == sorted(names)
    assert not everyone["Member"].str.fullmatch(r"\d{15,}").any()
    assert {"sonnie", "queen Lisa"} <= set(everyone["Member"])
    assert "Brand replies received" not in everyone.columns
    assert metric(at, "Reply rate") == "—"
    assert next(item for item in at.metric if item.label == "Reply rate").delta == "not in this export"
    open_tab(at, "Replies")
    assert any("this export does not show replies" in box.value for box in at.info)
    assert not any(item.label in ("Comments answered", "Time to first reply") for item in at.metric)
    # Nor does the New list count its 100 newcomers as unanswered.
    open_tab(at, "Lists to act on")
    assert not any("had no reply from you" in box.value for box in at.info)
    assert any("100 people commented for the first time" in box.value for box in at.info)
    open_tab(at, "Tiers")
    # @mcexodus, the account in the links, never comments here: nobody is taken for the brand, and
    # with one video nobody could be, so the question stays folded.
    assert not at.warning
    assert any("(@mcexodus: the video links' accounts)" in caption.value for caption in at.caption)


def planted_excel(brand_name: str, superfan_comments: int = 0) -> bytes:
    """An Excel exporter workbook where the brand answers under each of 6 videos with its display name
    (3 times each), and a superfan may comment under every video too."""
    import io

    import pandas as pd

    rows = []
    for video in range(6):
        url = f"https://www.tiktok.com/@brewhaus_dn/video/{7600000000000000000 + video}"
        for fan in range(3):
            cid = str(7610000000000000000 + 100 * video + fan)
            rows.append(
                [
                    cid,
                    f"Fan {video + fan}",
                    str(6800000000000000000 + video + fan),
                    "ngon",
                    f"2026-06-{video + 1:02d} 10:0{fan}:00",
                    "1",
                    "1",
                    f"{url}?commentId={cid}",
                ]
            )
            cid = str(int(cid) + 50)
            rows.append(
                [
                    cid,
                    brand_name,
                    "6700000000000047514",
                    "Cảm ơn bạn!",
                    f"2026-06-{video + 1:02d} 12:0{fan}:00",
                    "0",
                    "0",
                    f"{url}?commentId={cid}",
                ]
            )
    for number in range(superfan_comments):
        cid, url = (
            str(7620000000000000000 + number),
            f"https://www.tiktok.com/@brewhaus_dn/video/{7600000000000000000 + number % 6}",
        )
        rows.append([cid, "Superfan", "6900000000000000001", "yêu quá", f"2026-06-{number % 6 + 1:02d} 11:00:{number:02d}", "2", "0", f"{url}?commentId={cid}"])  # fmt: skip
    buffer = io.BytesIO()
    pd.DataFrame(rows, columns=["Comment ID", "Author Name", "Author ID", "Comment Text", "Created Time", "Likes Count", "Reply Count", "URL"]).to_excel(buffer, sheet_name="Comments", index=False)  # fmt: skip
    return buffer.getvalue()


def test_the_brand_answering_everywhere_is_no_champion_and_the_answer_to_which_is_you_is_remembered():
    at = uploaded(("tiktok_comments_20260607_120000.xlsx", planted_excel("BrewHaus Đà Nẵng")))
    everyone = table_with(at, "Why this tier")
    assert "BrewHaus Đà Nẵng" not in set(everyone["Member"])
    assert any(
        "BrewHaus Đà Nẵng" in caption.value and "6 of 6 videos" in caption.value for caption in at.caption
    )
    # The marketer says it is not them: the account becomes a member, and the answer is kept on disk.
    at.radio(key="members_brand_pick").set_value(NONE_OF_THESE).run()
    at.button(key="members_brand_save").click().run()
    assert "BrewHaus Đà Nẵng" in set(table_with(at, "Why this tier")["Member"])
    again = uploaded(("tiktok_comments_20260607_120000.xlsx", planted_excel("BrewHaus Đà Nẵng")))
    assert "BrewHaus Đà Nẵng" in set(table_with(again, "Why this tier")["Member"])
    # And back: picking it makes it the brand again, in this session and the next.
    again.radio(key="members_brand_pick").set_value("6700000000000047514").run()
    again.button(key="members_brand_save").click().run()
    assert "BrewHaus Đà Nẵng" not in set(table_with(again, "Why this tier")["Member"])
    third = uploaded(("tiktok_comments_20260607_120000.xlsx", planted_excel("BrewHaus Đà Nẵng")))
    assert "BrewHaus Đà Nẵng" not in set(table_with(third, "Why this tier")["Member"])
    assert any("you said it is your account" in caption.value for caption in third.caption)


def test_when_a_superfan_is_on_every_video_too_the_page_asks_which_account_is_yours():
    at = uploaded(
        ("tiktok_comments_20260607_120000.xlsx", planted_excel("BrewHaus Đà Nẵng", superfan_comments=12))
    )
    assert any("Which commenter is your own account?" in box.value for box in at.warning)
    assert {"BrewHaus Đà Nẵng", "Superfan"} <= set(table_with(at, "Why this tier")["Member"])
    at.radio(key="members_brand_pick").set_value("6700000000000047514").run()
    at.button(key="members_brand_save").click().run()
    assert not at.warning
    members = set(table_with(at, "Why this tier")["Member"])
    assert "Superfan" in members and "BrewHaus Đà Nẵng" not in members


def test_the_complaint_queue_names_the_video_by_its_link_when_no_content_export_is_loaded():
    # A comments file alone: the queue's Video column read "None".
    import json

    url = "https://www.tiktok.com/@shopdemo/video/7507890376124992786"
    rows = [
        {
            "videoWebUrl": url,
            "cid": f"75081699696126205{i:02d}",
            "createTimeISO": f"2025-05-{i + 1:02d}T10:00:00.000Z",
            "text": "terrible, the bottle arrived broken and support never answered" if i == 0 else "love it",
            "diggCount": 0,
            "repliesToId": None,
            "replyCommentTotal": 0,
            "uid": f"67969344645494712{i:02d}",
            "uniqueId": f"fan_{i}",
        }
        for i in range(6)
    ]
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [("dataset_tiktok-comments-scraper.json", json.dumps(rows).encode(), "application/json")]
    ).run()
    at.switch_page("pages/members.py").run()
    open_tab(at, "Sentiment")
    assert not at.exception
    queue = next(editor.value for editor in at.data_editor if "Video" in editor.value.columns)
    assert queue["Video"].tolist() == [url]


def test_the_reply_effect_sentence_writes_thousands_with_a_separator(members):
    open_tab(members, "Replies")
    # "Of 739 members … of 2383 members who got no reply": every other count on the page has its comma.
    sentence = next(box.value for box in members.info if "members who got no reply" in box.value)
    assert "of 2,383 members who got no reply" in sentence


REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real_exports"


@pytest.mark.skipif(not REAL.exists(), reason="real exports folder absent")
def test_a_period_without_member_comments_says_so_instead_of_two_empty_mood_charts():
    # A 2026 Content export with 2025 comments: "Positive response rate by format / by tier" were empty
    # charts with a "0 1 2 3 4" axis.
    content = REAL / "tiktok-studio_en-US_htupycollabs" / "Content.csv"
    comments = next((REAL / "apify-tiktok-comments-scraper_json_farrelad").glob("*.json"))
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [
            (content.name, content.read_bytes(), "text/csv"),
            (comments.name, comments.read_bytes(), "application/json"),
        ]
    ).run()
    at.button(key="held_add_anyway").click().run()  # the comments are on another account's videos
    at.switch_page("pages/members.py").run()
    open_tab(at, "Sentiment")
    assert not at.exception
    specs = " ".join(chart.proto.spec for chart in at.get("plotly_chart"))
    assert "Positive response rate by tier" not in specs and "Positive response rate, month by month" in specs
    assert any("No member comments in this period, so no mood" in box.value for box in at.info)


def test_the_tiers_draw_without_labelling_any_comment_and_the_sentiment_tab_labels_them_once():
    # A million comments took 38 s to draw: every comment's mood was read before the first tile.
    from analytics import labels

    at = app()
    before = labels.texts_labelled
    at.switch_page("pages/members.py").run()
    assert not at.exception and metric(at, "Champions") == "60"
    assert labels.texts_labelled == before  # no comment's mood read for the tiers
    con = at.session_state["workspace"].con
    assert not labels._has_table(con)
    open_tab(at, "Sentiment")
    assert not at.exception and metric(at, "Member comments labelled") != "0"
    stored = con.execute("select count(*) from comment_labels").fetchone()[0]
    assert stored == con.execute("select count(*) from comments").fetchone()[0]
    labelled_once = labels.texts_labelled
    assert labelled_once > before
    # Another tab, and the Sentiment tab again: the kept labels are read, nothing is labelled again.
    open_tab(at, "Lists to act on")
    open_tab(at, "Sentiment")
    assert not at.exception and labels.texts_labelled == labelled_once


def test_the_pages_csv_downloads_are_written_when_clicked_not_on_every_run(monkeypatch):
    import ui

    written = []
    csv_bytes = ui.csv_bytes
    monkeypatch.setattr(ui, "csv_bytes", lambda frame: written.append(len(frame)) or csv_bytes(frame))
    at = app()
    at.switch_page("pages/members.py").run()
    assert not at.exception, at.exception
    buttons = [button for button in at.get("download_button") if button.key.startswith("members")]
    assert buttons and written == []


def test_the_pages_tiles_are_the_members_view_of_the_same_period(members):
    # The deck's member slides render members_view too: the page must show that object, not its own sums.
    from analytics.views.members import members_view, tiers_as_of

    at = members
    con, period = at.session_state["workspace"].con, at.session_state["period"]
    view = members_view(con, period=period, as_of=tiers_as_of(con, period), real_handles=True)
    assert [tile.label for tile in view.tiles] == [item.label for item in at.metric][: len(view.tiles)]
    for tile in view.tiles:
        shown = next(item for item in at.metric if item.label == tile.label)
        assert (shown.value, shown.delta or None) == (tile.value, tile.change), tile.label


@pytest.mark.skipif(not REAL_EXCEL.exists(), reason="real exports folder absent")
def test_after_the_demo_your_own_comments_hide_names_and_start_at_their_newest_day():
    # The demo shows names and its own newest day; in the same session, a client's own comments kept
    # both: real names on screen, and a "Tiers as of" day after the file's last comment.
    at = app()
    at.switch_page("pages/members.py").run()
    assert at.toggle(key="members_pseudonymize").value is False
    assert at.date_input(key="members_as_of").value == date(2026, 11, 22)
    at.sidebar.file_uploader(key="upload_files").set_value(
        [(REAL_EXCEL.name, REAL_EXCEL.read_bytes(), XLSX)]
    ).run()
    at.run()
    assert not at.exception, at.exception
    assert at.toggle(key="members_pseudonymize").value is True
    assert at.date_input(key="members_as_of").value == date(2025, 8, 2)
    assert table_with(at, "Why this tier")["Member"].str.fullmatch(r"member-[0-9a-f]{12}").all()
