"""Every page, driven through AppTest: on the demo brand, and after an upload."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apptest import app, loaded_files

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real_exports"
PAGES = ["pages/overview.py", "pages/data.py"]

OVERVIEW_CSV = (
    '\ufeff"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    '"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"\n'
    '"March 3","3000","30","150","15","15"'
).encode()


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_demo_brand(page):
    at = app()
    at.switch_page(page).run()
    assert not at.exception
    assert not at.error


def test_overview_opens_on_the_demo_with_numbers_and_a_trend_chart():
    at = app()
    labels = [metric.label for metric in at.metric]
    assert "Video views" in labels and "Engagement rate" in labels and "Completion rate" in labels
    assert all(metric.value != "—" for metric in at.metric)
    assert at.get("plotly_chart")


def test_an_upload_replaces_the_demo_and_is_listed_on_the_data_page():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [("Overview 2.csv", OVERVIEW_CSV, "text/csv")]
    ).run()
    assert not at.exception
    assert [metric.value for metric in at.metric if metric.label == "Video views"] == ["6,000"]
    at.switch_page("pages/data.py").run()
    assert not at.exception
    table = loaded_files(at).value
    assert table["File"].tolist() == ["Overview 2.csv"]
    assert table["Rows"].tolist() == [3]


def test_a_bad_file_gets_a_sentence_and_keeps_the_good_one():
    at = app()
    files = [
        ("Overview.csv", OVERVIEW_CSV, "text/csv"),
        ("broken.zip", b"PK\x03\x04garbage", "application/zip"),
    ]
    at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert any("broken.zip" in error.value and "damaged" in error.value for error in at.error)
    assert loaded_files(at).value["File"].tolist() == ["Overview.csv"]


def test_the_overview_compares_the_last_90_days_with_the_90_before_and_the_period_control_changes_it():
    at = app()
    recent = {metric.label: metric for metric in at.metric}
    assert recent["Video views"].delta and recent["Engagement rate"].delta.endswith("pts")
    at.sidebar.selectbox(key="period_preset").select("All data").run()
    assert not at.exception
    everything = {metric.label: metric.value for metric in at.metric}
    assert everything["Video views"] != recent["Video views"].value


@pytest.mark.skipif(not REAL.exists(), reason="real exports folder absent")
def test_a_real_studio_export_uploads_and_shows_on_the_overview():
    folder = REAL / "tiktok-studio_en-US_htupycollabs"
    files = [(path.name, path.read_bytes(), "text/csv") for path in sorted(folder.glob("*.csv"))]
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    assert not at.exception
    assert {metric.label for metric in at.metric} >= {"Video views", "New viewers"}
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert sorted(loaded_files(at).value["File"]) == ["Content.csv", "Overview.csv", "Viewers.csv"]


def test_an_unknown_sheet_gets_a_column_mapping_step_that_loads_it():
    sheet = "Who,Said,When,Clip\nlinh,ngon quá,2026-05-03 10:00,https://www.tiktok.com/@brand/video/7500000000000000000\n"
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [("my sheet.csv", sheet.encode(), "text/csv")]
    ).run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert any("did not recognise" in markdown.value for markdown in at.markdown)
    at.selectbox(key="data_map_kind_0").select("Comments export").run()
    for field, column in {
        "member_handle": "Who",
        "text": "Said",
        "commented_at": "When",
        "video_url": "Clip",
    }.items():
        at.selectbox(key=f"data_map_0_comments_{field}").select(column).run()
    at.button(key="data_map_apply_0").click().run()
    assert not at.exception
    table = loaded_files(at).value
    assert table[["File", "Rows"]].to_dict("records") == [{"File": "my sheet.csv", "Rows": 1}]


def test_the_year_of_a_year_less_file_can_be_changed_on_the_data_page():
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value([("Overview.csv", OVERVIEW_CSV, "text/csv")]).run()
    at.switch_page("pages/data.py").run()
    at.number_input(key="data_year_value").set_value(2024).run()
    at.button(key="data_year_apply").click().run()
    assert not at.exception
    table = loaded_files(at).value
    assert [table["From"].iloc[0], table["To"].iloc[0]] == ["1 Mar 2024", "3 Mar 2024"]


def test_the_data_page_says_where_each_files_year_came_from_and_a_fix_carries_to_the_files_that_took_it():
    tiktok_name = "TIKTOK Overview_2026-02-10_1773506459_haileytupy2.0.csv"
    viewers = '\ufeff"Date","Total Viewers","New Viewers","Returning Viewers"\n"March 3","5","1","4"'
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [(tiktok_name, OVERVIEW_CSV, "text/csv"), ("Viewers.csv", viewers.encode(), "text/csv")]
    ).run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    table = loaded_files(at).value.set_index("File")
    assert table["Year from"].to_dict() == {
        tiktok_name: "file name: downloaded 14 Mar 2026",
        "Viewers.csv": f"same account: {tiktok_name}",
    }
    assert table.loc["Viewers.csv", "To"] == "3 Mar 2026"
    at.selectbox(key="data_year_file").select(tiktok_name).run()
    at.number_input(key="data_year_value").set_value(2025).run()
    at.button(key="data_year_apply").click().run()
    assert not at.exception
    table = loaded_files(at).value.set_index("File")
    assert [table.loc[name, "To"] for name in (tiktok_name, "Viewers.csv")] == ["3 Mar 2025", "3 Mar 2025"]
    assert table.loc[tiktok_name, "Year from"] == "your fix: 2025"
    captions = [caption.value.replace("\\", "") for caption in at.caption]
    assert "Its year now comes from the year you set (2025). Re-read with it: Viewers.csv." in captions


@pytest.mark.skipif(
    not (REAL / "tiktok-studio_en-US_htupycollabs").exists(), reason="real exports not available"
)
def test_the_data_page_shows_a_snapshot_without_dates_and_the_merged_totals_in_words():
    # A Followers folder: gender and territories are snapshots; their dates read "None" in the table.
    folder = REAL / "tiktok-studio_en-US_htupycollabs"
    files = [folder / "Content.csv", *sorted((folder / "Followers_haileytupy2.0").glob("*.csv"))]
    at = app()
    at.sidebar.file_uploader(key="upload_files").set_value(
        [(path.name, path.read_bytes(), "text/csv") for path in files]
    ).run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    table = loaded_files(at).value.set_index("File")
    assert table.loc["FollowerGender.csv", ["From", "To"]].tolist() == ["—", "—"]
    assert table.loc["FollowerActivity.csv", ["From", "To"]].tolist() == ["21 Feb 2026", "27 Feb 2026"]
    assert all("None" not in str(value) and "NaT" not in str(value) for value in table.to_numpy().ravel())
    captions = [caption.value for caption in at.caption]
    assert (
        "In all, once your files are merged: 365 days of daily numbers, 13 videos, 0 comments, 0 LIVE sessions."
        in captions
    )
    assert not any("daily_stats" in caption for caption in captions)


def test_the_loaded_files_table_fits_the_page_at_1400_px_with_room_for_its_longest_cells():
    # 'medium' columns cut "Year from" ("video ids: newest posted 1 Feb 202") and the file kinds at 1400 px.
    import json

    at = app()
    at.switch_page("pages/data.py").run()
    widths = {name: config.get("width") for name, config in json.loads(loaded_files(at).proto.columns).items()}
    shown = [widths[name] for name in ("File", "What it is", "Rows", "From", "To", "Year from")]
    assert all(isinstance(width, int) for width in shown)
    assert sum(shown) <= 945  # the main column's width in a 1400 px window, sidebar open
    assert (
        widths["Year from"] >= 230 and widths["What it is"] >= 260
    )  # "video ids: newest posted 12 Feb 2026"
