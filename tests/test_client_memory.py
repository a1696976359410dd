"""Each client remembers its own choices: one client's fixes, words, answers, tier rules and report
settings never reach another's; a member keeps one pseudonym from one monthly deck to the next; the
demo writes nothing; and a stored value of the wrong shape is dropped, never trusted."""

from __future__ import annotations

import argparse
import base64
import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from analytics import preferences
from analytics.members import TierRules
from analytics.overview import Period
from analytics.preferences import FolderMemory, SessionMemory
from analytics.report import build_report
from analytics.report.deck import build_deck
from analytics.sample import SAMPLE_DIR
from analytics.workspace import Workspace
from tests.apptest import app

ROOT = Path(__file__).resolve().parents[1]
COMMENTS = SAMPLE_DIR / "dataset_tiktok-comments-scraper_2026-11-22_02-15-33-120.csv"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63e02fcb0300018b"
    "00f40238f3860000000049454e44ae426082"
)
DAMAGED_PNG = PNG[:40] + b"\x00" * 20 + PNG[60:]  # a PNG's first bytes, then garbage


def image_bytes(size: tuple[int, int], kind: str, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, kind)
    return buffer.getvalue()


JPEG = image_bytes((2, 2), "JPEG")
HUGE_PNG = image_bytes((5000, 5000), "PNG", mode="1")  # a few kB that unpack into 25 million pixels


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def two_clients(kind: str, tmp_path: Path):
    if kind == "session":
        return SessionMemory(), SessionMemory()
    return FolderMemory(tmp_path / "client_a"), FolderMemory(tmp_path / "client_b")


def everything_remembered(memory) -> dict:
    return {
        "overrides": preferences.load_format_overrides(memory),
        "rules": preferences.load_format_rules(memory),
        "hashtags": preferences.load_brand_hashtags("phinco.coffee", memory),
        "sentiment": preferences.load_sentiment_edits(memory),
        "brand": preferences.load_brand_answer(memory),
        "tiers": preferences.load_tier_rules(memory),
        "report": preferences.load_report_settings(memory),
    }


# ---------------------------------------------------------------- one client's choices stay its own


@pytest.mark.parametrize("kind", ["session", "folder"])
def test_client_a_s_choices_never_change_client_b_s(kind, tmp_path, home):
    client_a, client_b = two_clients(kind, tmp_path)
    nothing = everything_remembered(client_b)
    assert preferences.save_format_overrides({"7001": "Challenge"}, client_a)
    assert preferences.save_format_rules({"Challenge": ["défi"]}, client_a)
    assert preferences.save_brand_hashtags("phinco.coffee", ["#phinco"], client_a)
    assert preferences.save_sentiment_edits({"c1": "negative"}, {"chân ái": 2.0}, client_a)
    assert preferences.save_brand_answer({"6700000000000047514"}, {"68"}, client_a)
    assert preferences.save_tier_rules(TierRules(champion_min_videos=3, new_days=14), client_a)
    assert preferences.save_report_settings(
        {"client": "Phin & Co.", "logo": PNG, "color": "#AA3300", "sections": ["members", "overview"]},
        client_a,
    )

    assert everything_remembered(client_a) == {
        "overrides": {"7001": "Challenge"},
        "rules": {"Challenge": ["défi"]},
        "hashtags": ["#phinco"],
        "sentiment": {"corrections": {"c1": "negative"}, "lexicon": {"chân ái": 2.0}},
        "brand": ({"6700000000000047514"}, {"68"}),
        "tiers": TierRules(champion_min_videos=3, new_days=14),
        "report": {
            "client": "Phin & Co.",
            "logo": PNG,
            "color": "#aa3300",
            "sections": ["members", "overview"],
        },
    }
    assert everything_remembered(client_b) == nothing
    assert nothing["tiers"] is None and nothing["report"] == {}
    assert not home.exists()  # and nothing went to the folder shared by every client


def test_a_pseudonym_salt_is_made_once_per_client_and_kept():
    client_a, client_b = SessionMemory(), SessionMemory()
    salt = preferences.pseudonym_salt(client_a)
    assert len(salt) == 32
    assert preferences.pseudonym_salt(client_a) == salt
    assert preferences.pseudonym_salt(client_b) != salt


def test_report_settings_merge_and_a_none_forgets_one_setting():
    client = SessionMemory()
    preferences.save_report_settings({"client": "Phin & Co.", "logo": PNG}, client)
    preferences.save_report_settings({"color": "#112233"}, client)
    assert preferences.load_report_settings(client) == {
        "client": "Phin & Co.",
        "logo": PNG,
        "color": "#112233",
    }
    preferences.save_report_settings({"logo": None}, client)
    assert preferences.load_report_settings(client) == {"client": "Phin & Co.", "color": "#112233"}
    assert client.read(preferences.REPORT_SETTINGS_FILE)["color"] == "#112233"  # JSON, logo as base64 text


def test_going_back_to_the_default_format_rules_forgets_them_in_the_client_s_memory_only(home):
    shared, client = preferences.shared_memory(), SessionMemory()
    preferences.save_format_rules({"Challenge": ["défi"]}, shared)
    preferences.save_format_rules({"Tutorial": ["how to"]}, client)
    assert preferences.save_format_rules(None, client)
    assert preferences.load_format_rules(client) is None
    assert preferences.load_format_rules(shared) == {"Challenge": ["défi"]}


# ---------------------------------------------------------------- malformed stored values


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "champion_min_videos=3",
        [5, 4, 3, 2, 30, 90, 30, 2],
        {**vars(TierRules()), "champion_min_videos": "5"},
        {**vars(TierRules()), "champion_min_videos": 5.5},
        {**vars(TierRules()), "champion_min_videos": True},
        {**vars(TierRules()), "new_days": -1},
        {**vars(TierRules()), "at_risk_days": 10},  # at risk before "active" ends: not a rule set
        {key: value for key, value in vars(TierRules()).items() if key != "new_days"},
        {**vars(TierRules()), "surprise": 1},
    ],
)
def test_stored_tier_rules_of_the_wrong_shape_read_as_the_defaults(stored):
    assert preferences.clean_tier_rules(stored) is None
    memory = SessionMemory({preferences.TIER_RULES_FILE: stored})
    assert preferences.load_tier_rules(memory) is None


def test_well_formed_stored_tier_rules_are_read_back():
    assert preferences.clean_tier_rules({**vars(TierRules()), "active_days": 45}) == TierRules(active_days=45)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@pytest.mark.parametrize(
    ("stored", "kept"),
    [
        ("not an object", {}),
        ({"client": 42, "color": None, "sections": "members"}, {}),
        ({"client": "x" * 81}, {}),
        ({"client": "  Phin   & Co. "}, {"client": "Phin & Co."}),
        ({"logo": b64(b"<svg onload=alert(1)>")}, {}),
        ({"logo": b64(b"GIF89a" + b"\x00" * 10)}, {}),
        ({"logo": b64(DAMAGED_PNG)}, {}),
        ({"logo": b64(HUGE_PNG)}, {}),
        ({"logo": b64(PNG + b"\x00" * preferences.MAX_LOGO_BYTES)}, {}),
        ({"logo": "not base64 at all!"}, {}),
        ({"logo": 12}, {}),
        ({"logo": b64(JPEG)}, {"logo": JPEG}),
        ({"color": "#fff"}, {}),
        ({"color": "red"}, {}),
        ({"color": "#12345g"}, {}),
        ({"color": "#0F766E; background:url(x)"}, {}),
        ({"color": "#0F766E"}, {"color": "#0f766e"}),
        ({"sections": ["members", "nonsense"]}, {}),
        ({"sections": ["members", 3]}, {}),
        ({"sections": []}, {}),
        ({"sections": ["members", "members"]}, {}),
        ({"sections": ["live", "members"]}, {"sections": ["live", "members"]}),
    ],
)
def test_stored_report_settings_keep_only_what_is_well_formed(stored, kept):
    memory = SessionMemory({preferences.REPORT_SETTINGS_FILE: stored})
    assert preferences.load_report_settings(memory, sections=["overview", "members", "live"]) == kept


@pytest.mark.parametrize("stored", [None, 42, "", "short", "g" * 32, "A" * 32, "0" * 200, ["0" * 32]])
def test_a_stored_salt_of_the_wrong_shape_is_replaced_by_a_new_one(stored):
    memory = SessionMemory({preferences.SALT_FILE: stored})
    salt = preferences.pseudonym_salt(memory)
    assert salt != stored and preferences.clean_salt(salt) == salt
    assert memory.read(preferences.SALT_FILE) == salt


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (PNG, None),
        (JPEG, None),
        (b"<svg onload=alert(1)>", "not a PNG or JPEG image"),
        (PNG + b"\x00" * preferences.MAX_LOGO_BYTES, "up to 1 MB"),
        (DAMAGED_PNG, "a damaged image file"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "a damaged image file"),
        (HUGE_PNG, "5,000 × 5,000 pixels"),
    ],
)
def test_a_logo_must_be_a_png_or_jpeg_of_at_most_one_megabyte(data, problem):
    found = preferences.logo_problem(data)
    assert (found is None) if problem is None else (problem in found)


# ---------------------------------------------------------------- pseudonyms across monthly decks


def month_workspace(last_day: date) -> Workspace:
    """The demo's comments as a comment tool would have exported them on `last_day`."""
    comments = pd.read_csv(COMMENTS, dtype=str, keep_default_na=False)
    kept = comments[pd.to_datetime(comments["createTimeISO"]).dt.date <= last_day]
    workspace = Workspace(today=last_day, remember_mappings=False)
    workspace.add_files([(COMMENTS.name, kept.to_csv(index=False).encode("utf-8"))])
    return workspace


def deck_champions(workspace: Workspace, end: date, salt: str) -> list[str]:
    """The Champions' names on the deck's Champions slide."""
    report = build_report(
        workspace.con, period=Period(end.replace(day=1), end), sections=["members"], salt=salt
    )
    deck = Presentation(io.BytesIO(build_deck(report)))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table and shape.table.cell(0, 0).text == "Member":
                return [row.cells[0].text for row in list(shape.table.rows)[1:]]
    raise AssertionError("no Champions table in the deck")


def test_a_member_keeps_one_pseudonym_across_monthly_decks_of_a_client_and_another_in_another_client():
    client_a, client_b = SessionMemory(), SessionMemory()
    october, november = month_workspace(date(2026, 10, 31)), month_workspace(date(2026, 11, 21))
    october_deck = deck_champions(october, date(2026, 10, 31), preferences.pseudonym_salt(client_a))
    november_deck = deck_champions(november, date(2026, 11, 21), preferences.pseudonym_salt(client_a))
    other_client = deck_champions(november, date(2026, 11, 21), preferences.pseudonym_salt(client_b))
    assert all(name.startswith("member-") for name in october_deck + november_deck + other_client)
    assert len(set(october_deck) & set(november_deck)) >= 3  # the same Champions, named the same
    assert not set(other_client) & set(november_deck)


def test_a_report_with_the_client_s_tier_rules_tiers_and_defines_them_with_those_rules():
    workspace = month_workspace(date(2026, 11, 21))
    period = Period(date(2026, 11, 1), date(2026, 11, 21))
    default = build_report(workspace.con, period=period, sections=["members"], salt="s" * 32)
    strict = build_report(
        workspace.con,
        period=period,
        sections=["members"],
        salt="s" * 32,
        tier_rules=TierRules(champion_min_videos=40, new_days=7),
    )

    def tiers_note(report) -> str:
        return next(finding.note for finding in report.findings if finding.key == "members_tiers")

    assert (
        "294 commented for the first time in the last 30 days: welcome them (275 in the New tier"
        in tiers_note(default)
    )
    assert "52 commented for the first time in the last 7 days" in tiers_note(strict)
    assert "Champion (40+ videos" in dict(strict.definitions)["Member tiers"]
    assert "New (first comment within 7 days)" in dict(strict.definitions)["Member tiers"]
    assert (
        "Champion (5+ videos, 4+ active weeks, last comment within 30 days)"
        in dict(default.definitions)["Member tiers"]
    )


# ---------------------------------------------------------------- the app


def content_csv() -> bytes:
    with zipfile.ZipFile(ROOT / "sample_data" / "Content_phinco.coffee.zip") as archive:
        return archive.read("Content.csv")


def store_client(name: str):
    """A client in the store: its id and its memory (where the app keeps what is chosen for it)."""
    from analytics.store import open_store

    store = open_store()
    client_id = store.create_client(name)
    memory = store.memory(client_id)
    memory.id = client_id
    return memory


def client_page(memory, page: str, name: str, data: bytes, mime: str = "text/csv"):
    """A new browser session opening this client (by its address), uploading a file into it."""
    from streamlit.testing.v1 import AppTest

    from tests.apptest import ROOT as APP_ROOT

    at = AppTest.from_file(str(APP_ROOT / "app.py"), default_timeout=120)
    at.query_params["client"] = memory.id
    at.run()
    at.sidebar.file_uploader(key="upload_files").set_value([(name, data, mime)]).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def edit_state(rows: dict[int, dict]) -> dict:
    return {"edited_rows": rows, "added_rows": [], "deleted_rows": []}


def test_in_the_app_a_format_fix_and_brand_hashtags_go_to_the_open_client_only(tmp_path, home):
    client_a, client_b = store_client("A"), store_client("B")
    at = client_page(client_a, "pages/formats.py", "Content.csv", content_csv())
    at.session_state["formats_fix_table_0"] = edit_state({0: {"Format": "Collab"}})
    at.run()
    at.text_input(key="formats_brand_hashtags").input("#phinco #cafe").run()
    assert not at.exception
    assert list(preferences.load_format_overrides(client_a).values()) == ["Collab"]
    assert preferences.load_brand_hashtags("phinco.coffee", client_a) == ["#phinco", "#cafe"]
    assert any("remembered for this client" in caption.value for caption in at.caption)

    other = client_page(client_b, "pages/formats.py", "Content.csv", content_csv())
    assert other.session_state["formats_preferences"]["overrides"] == {}
    assert other.text_input(key="formats_brand_hashtags").value != "#phinco #cafe"
    assert not list(home.glob("*.json"))  # nothing in the shared folder: every choice is the client's


def test_in_the_app_tier_rules_kept_for_a_client_come_back_for_it_and_not_for_another(tmp_path):
    client_a, client_b = store_client("A"), store_client("B")
    at = client_page(client_a, "pages/members.py", COMMENTS.name, COMMENTS.read_bytes())
    assert at.number_input(key="members_rule_champion_min_videos").value == 5
    at.number_input(key="members_rule_champion_min_videos").set_value(3).run()
    at.button(key="members_save_rules").click().run()
    assert not at.exception
    assert preferences.load_tier_rules(client_a) == TierRules(champion_min_videos=3)

    again = client_page(client_a, "pages/members.py", COMMENTS.name, COMMENTS.read_bytes())
    assert again.number_input(key="members_rule_champion_min_videos").value == 3
    assert "Who moves with your rules" not in [header.value for header in again.subheader]
    champions = again.session_state["members_saved_rules"][1]
    assert champions == TierRules(champion_min_videos=3)
    other = client_page(client_b, "pages/members.py", COMMENTS.name, COMMENTS.read_bytes())
    assert other.number_input(key="members_rule_champion_min_videos").value == 5

    again.button(key="members_reset_rules").click().run()
    assert preferences.load_tier_rules(client_a) is None
    assert again.number_input(key="members_rule_champion_min_videos").value == 5


def test_in_the_app_report_settings_are_remembered_for_the_client(tmp_path):
    client_a, client_b = store_client("A"), store_client("B")
    at = client_page(client_a, "pages/report.py", COMMENTS.name, COMMENTS.read_bytes())
    at.text_input(key="report_client").input("Phin & Co.").run()
    at.color_picker(key="report_color").pick("#aa3300").run()
    at.multiselect(key="report_sections").set_value(["members"]).run()
    at.file_uploader(key="report_logo").set_value([("logo.png", DAMAGED_PNG, "image/png")]).run()
    assert not at.exception, at.exception
    assert any("damaged image file" in warning.value for warning in at.warning)
    assert "logo" not in preferences.load_report_settings(client_a)
    at.file_uploader(key="report_logo").set_value([("logo.png", PNG, "image/png")]).run()
    assert not at.exception, at.exception
    assert not at.warning
    assert preferences.load_report_settings(client_a) == {
        "client": "Phin & Co.",
        "color": "#aa3300",
        "sections": ["members"],
        "logo": PNG,
    }
    salt = preferences.pseudonym_salt(client_a)

    again = client_page(client_a, "pages/report.py", COMMENTS.name, COMMENTS.read_bytes())
    assert again.text_input(key="report_client").value == "Phin & Co."
    assert again.color_picker(key="report_color").value == "#aa3300"
    assert again.multiselect(key="report_sections").value == ["members"]
    report = again.session_state["report_cache"][1]
    assert (report.client, report.brand_color, report.logo, report.sections) == (
        "Phin & Co.",
        "#aa3300",
        PNG,
        ["members"],
    )
    assert again.session_state["report_cache"][0]["salt"] == salt

    other = client_page(client_b, "pages/report.py", COMMENTS.name, COMMENTS.read_bytes())
    assert other.text_input(key="report_client").value == ""
    assert other.session_state["report_cache"][1].logo is None


def test_the_demo_writes_nothing_to_the_home_folder_after_a_format_fix_and_a_visit_to_every_page(home):
    at = app()
    at.switch_page("pages/formats.py").run()
    at.session_state["formats_fix_table_0"] = edit_state({0: {"Format": "Collab"}})
    at.run()
    assert list(at.session_state["formats_preferences"]["overrides"].values()) == ["Collab"]
    for page in ("pages/members.py", "pages/report.py", "pages/formats.py"):
        at.switch_page(page).run()
        assert not at.exception, at.exception
    assert at.session_state["formats_preferences"]["overrides"] != {}
    # Only the store's empty catalog: no client, no remembered choice.
    assert (sorted(path.name for path in home.iterdir()) if home.exists() else []) in ([], ["lake"])
    assert not list(home.rglob("*.json"))
    from analytics.store import open_store

    assert open_store().clients().empty
    assert json.dumps(at.session_state["demo_memory"].values["format_overrides.json"]) != "{}"


# ---------------------------------------------------------------- the command line, given a client's memory


def report_args(out: Path, **options) -> argparse.Namespace:
    defaults = {
        "files": [str(COMMENTS)],
        "out": str(out),
        "client": None,
        "client_name": None,
        "period": None,
        "sections": "members",
        "real_handles": False,
        "start": None,
        "end": None,
        "logo": None,
        "color": None,
    }
    return argparse.Namespace(**(defaults | options))


def pseudonyms(path: Path) -> list[str]:
    return re.findall(r"member-[0-9a-f]{12}", path.read_text(encoding="utf-8"))


def test_the_command_line_report_of_a_client_uses_its_salt_and_settings_and_a_bare_run_a_fresh_salt(tmp_path):
    from analytics.__main__ import report

    client = SessionMemory()
    preferences.save_report_settings({"client": "Phin & Co.", "color": "#aa3300", "logo": PNG}, client)
    first, second, bare = tmp_path / "march.html", tmp_path / "april.html", tmp_path / "bare.html"
    assert report(report_args(first, end=date(2026, 10, 31)), memory=client) == 0
    assert report(report_args(second), memory=client) == 0
    assert report(report_args(bare)) == 0
    assert len(set(pseudonyms(first)) & set(pseudonyms(second))) >= 3
    assert not set(pseudonyms(bare)) & set(pseudonyms(second))
    html = second.read_text(encoding="utf-8")
    assert "Phin &amp; Co." in html and "#aa3300" in html and "data:image/png;base64," in html
    assert "Phin &amp; Co." not in bare.read_text(encoding="utf-8")


def test_the_command_line_members_of_a_client_are_tiered_by_its_rules(tmp_path):
    from analytics.__main__ import members

    client = SessionMemory()
    preferences.save_tier_rules(
        TierRules(champion_min_videos=1, champion_min_weeks=1, active_days=365, at_risk_days=365), client
    )
    args = argparse.Namespace(
        files=[str(COMMENTS)],
        client=None,
        command="members",
        out=str(tmp_path / "client.csv"),
        as_of=None,
        brand=None,
    )
    assert members(args, memory=client) == 0
    assert members(argparse.Namespace(**(vars(args) | {"out": str(tmp_path / "bare.csv")}))) == 0
    client_tiers = pd.read_csv(tmp_path / "client.csv")["tier"].value_counts()
    bare_tiers = pd.read_csv(tmp_path / "bare.csv")["tier"].value_counts()
    assert client_tiers["Champion"] > bare_tiers["Champion"]
