"""Client workspaces in the app: an upload is kept as a client, opened again by a new session,
switched, renamed, deleted; files of another account wait for the marketer; imports undo."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analytics.store import open_store
from tests.apptest import ROOT, app

REAL = ROOT.parent / "shared" / "real_exports"
STUDIO = REAL / "tiktok-studio_en-US_htupycollabs"
OTHER_ACCOUNT = REAL / "tiktok-studio_el-GR_okn-analytics" / "Content.csv"

OVERVIEW_CSV = (
    '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"\n'
    '"March 3","3000","30","150","15","15"'
).encode()
LATER_OVERVIEW_CSV = (
    '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"March 3","3000","30","150","15","15"\n"March 4","4000","40","200","20","20"'
).encode()


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


def upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    key = next(widget.key for widget in at.sidebar.get("file_uploader"))
    at.sidebar.file_uploader(key=key).set_value([(name, data, "text/csv") for name, data in files]).run()
    assert not at.exception, at.exception
    return at


def views(at: AppTest) -> list[str]:
    return [metric.value for metric in at.metric if metric.label == "Video views"]


def reopened(client_id: str) -> AppTest:
    """A new browser session on the same server, opening the client's address (a reload)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["client"] = client_id
    at.run()
    assert not at.exception, at.exception
    return at


def test_an_upload_on_the_demo_becomes_a_client_that_a_new_session_opens_with_its_data():
    at = upload(app(), [("Overview.csv", OVERVIEW_CSV)])
    client_id = at.session_state["client_choice"]
    assert client_id != "demo" and at.query_params["client"] == client_id
    assert views(at) == ["6,000"]
    again = reopened(client_id)
    assert again.sidebar.selectbox(key="client_choice").value == client_id
    assert views(again) == ["6,000"]
    assert not again.session_state["is_demo"]


def test_a_new_session_without_a_client_in_its_address_opens_the_demo_not_someone_elses_client():
    upload(app(), [("Overview.csv", OVERVIEW_CSV)])
    other = app()
    assert other.session_state["is_demo"]
    assert other.sidebar.selectbox(key="client_choice").value == "demo"


def test_next_months_export_adds_to_the_history_and_shared_days_count_once():
    at = upload(app(), [("Overview.csv", OVERVIEW_CSV)])
    at.sidebar.selectbox(key="period_preset").set_value("All data").run()
    # A file added to the box beside the one already there (AppTest sets the box's whole content)
    upload(at, [("Overview.csv", OVERVIEW_CSV), ("Overview (1).csv", LATER_OVERVIEW_CSV)])
    # 1,000 + 2,000 + 3,000 (3 March in both files, counted once) + 4,000
    assert views(at) == ["10.0K"]
    again = reopened(at.session_state["client_choice"])
    again.sidebar.selectbox(key="period_preset").set_value("All data").run()
    assert views(again) == ["10.0K"]


def test_the_same_file_again_is_a_no_op_that_says_so():
    at = upload(app(), [("Overview.csv", OVERVIEW_CSV)])
    upload(at, [("Overview.csv", OVERVIEW_CSV), ("Overview copy.csv", OVERVIEW_CSV)])
    notes = [toast.value for toast in at.toast]
    assert any("already imported" in note for note in notes), notes
    assert [u.name for u in at.session_state["workspace"].uploads] == ["Overview.csv"]


def test_switching_clients_shows_each_clients_own_data_and_forgets_what_was_typed_for_the_other():
    store = open_store()
    first, second = store.create_client("Alpha"), store.create_client("Beta")
    store.open(first).add_files([("Overview.csv", OVERVIEW_CSV)])
    store.open(second).add_files([("Overview.csv", LATER_OVERVIEW_CSV)])
    at = app()
    at.sidebar.selectbox(key="client_choice").set_value(first).run()
    at.sidebar.selectbox(key="period_preset").set_value("All data").run()
    assert views(at) == ["6,000"]
    at.sidebar.selectbox(key="client_choice").set_value(second).run()
    assert not at.exception
    assert at.sidebar.selectbox(key="period_preset").value != "All data"  # Alpha's choice is gone
    at.sidebar.selectbox(key="period_preset").set_value("All data").run()
    assert views(at) == ["7,000"]


def test_clients_are_created_renamed_and_deleted_from_the_sidebar():
    at = app()
    at.sidebar.text_input(key="client_new_name").set_value("Phin & Co.").run()
    at.sidebar.button(key="client_create").click().run()
    store = open_store()
    client_id = store.find_client("phin & co.")
    assert client_id and at.session_state["client_choice"] == client_id
    at.sidebar.text_input(key=f"client_rename_{client_id}").set_value("Phin and Co").run()
    at.sidebar.button(key="client_rename_apply").click().run()
    assert store.name_of(client_id) == "Phin and Co"
    at.sidebar.text_input(key="client_new_name").set_value("phin and co").run()
    at.sidebar.button(key="client_create").click().run()
    assert any("already a client" in error.value for error in at.sidebar.error)
    assert not at.sidebar.button(key="client_delete").value
    at.sidebar.checkbox(key=f"client_delete_sure_{client_id}").check().run()
    at.sidebar.button(key="client_delete").click().run()
    assert not at.exception
    assert store.find_client(client_id) is None
    assert at.session_state["client_choice"] == "demo" and at.session_state["is_demo"]


@pytest.mark.skipif(not STUDIO.exists(), reason="real exports not present")
def test_a_file_of_another_account_waits_and_can_go_to_a_new_client_or_be_added_anyway():
    first = ("Content.csv", (STUDIO / "Content.csv").read_bytes())
    at = upload(app(), [first])
    client_id = at.session_state["client_choice"]
    assert open_store().name_of(client_id) == "@haileytupy2.0"
    upload(at, [first, ("Content (2).csv", OTHER_ACCOUNT.read_bytes())])
    box = " ".join(warning.value for warning in at.warning)
    assert "@orthodox.korea" in box and "@haileytupy2.0" in box
    assert len(at.session_state["workspace"].uploads) == 1  # nothing merged silently
    at.button(key="held_to_new").click().run()
    assert not at.exception
    store = open_store()
    other = store.find_client("@orthodox.korea")
    assert other and [u.name for u in store.open(other).uploads] == ["Content (2).csv"]
    assert len(at.session_state["workspace"].uploads) == 1
    # The same file again, this time added here anyway
    upload(at, [first, ("Content (3).csv", OTHER_ACCOUNT.read_bytes() + b"\n")])
    at.button(key="held_add_anyway").click().run()
    assert len(at.session_state["workspace"].uploads) == 2


def test_the_data_page_lists_imports_removes_one_and_undoes_the_removal():
    at = upload(app(), [("Overview.csv", OVERVIEW_CSV)])
    upload(at, [("Overview.csv", OVERVIEW_CSV), ("Overview (1).csv", LATER_OVERVIEW_CSV)])
    at.switch_page("pages/data.py").run()
    assert not at.exception
    imports = next(frame.value for frame in at.dataframe if "import_id" in frame.value)
    assert imports["import_id"].tolist() == [2, 1]
    at.selectbox(key="data_remove_import").set_value(2).run()
    at.button(key="data_remove_import_apply").click().run()
    assert [u.name for u in at.session_state["workspace"].uploads] == ["Overview.csv"]
    assert "removal of import 2" in at.button(key="data_undo").label
    at.button(key="data_undo").click().run()
    assert not at.exception
    assert [u.name for u in at.session_state["workspace"].uploads] == ["Overview.csv", "Overview (1).csv"]
    again = reopened(at.session_state["client_choice"])
    assert [u.name for u in again.session_state["workspace"].uploads] == ["Overview.csv", "Overview (1).csv"]


def test_the_demo_writes_no_client():
    at = app()
    at.switch_page("pages/members.py").run()
    assert not at.exception
    assert open_store().clients().empty
