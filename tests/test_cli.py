"""`python -m analytics inspect`: what each export file is, and a plain sentence for the ones it cannot read."""

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL_EXPORTS = Path(__file__).resolve().parents[2] / "shared" / "real_exports"
OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
# 1773506459 is 2026-03-14 16:40 UTC: the dates do not depend on the day the test runs.
OVERVIEW_NAME = "TIKTOK Overview_2026-02-10_1773506459_brand.csv"


def run_inspect(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", "inspect", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def exports(tmp_path: Path) -> dict[str, Path]:
    overview = tmp_path / OVERVIEW_NAME
    overview.write_bytes(
        codecs.BOM_UTF8
        + f'{OVERVIEW_HEADER}\n"February 10","5","0","1","0","0"\n"March 13","7","1","2","0","1"'.encode()
    )
    comments = tmp_path / "comments.csv"
    comments.write_text(
        "text,createTimeISO,uniqueId,videoWebUrl,cid\n"
        "hi,2025-05-24T06:17:54.000Z,fan,https://www.tiktok.com/@brand/video/7507890376124992786,7508169969612620562\n"
        "yo,2025-05-25T06:13:40.000Z,brand,https://www.tiktok.com/@brand/video/7507890376124992786,7508169969612620563\n",
        encoding="utf-8",
    )
    garbage = tmp_path / "holiday photo.png"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    unknown = tmp_path / "budget.csv"
    unknown.write_text("Item,Cost\nLights,120\n", encoding="utf-8")
    return {"overview": overview, "comments": comments, "garbage": garbage, "unknown": unknown}


EXPECTED_GOOD = [
    {"kind": "overview", "rows": 2, "start_date": "2026-02-10", "end_date": "2026-03-13"},
    {"kind": "comments", "rows": 2, "start_date": "2025-05-24", "end_date": "2025-05-25"},
]


def test_inspect_json_lists_each_file_with_kind_rows_and_dates(exports):
    done = run_inspect(str(exports["overview"]), str(exports["comments"]), "--json")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == [
        {"file": str(exports["overview"]), **EXPECTED_GOOD[0]},
        {"file": str(exports["comments"]), **EXPECTED_GOOD[1]},
    ]


def test_inspect_without_json_prints_one_line_per_file(exports):
    done = run_inspect(str(exports["overview"]))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [f"{exports['overview']}: overview, 2 rows, 2026-02-10 to 2026-03-13"]


@pytest.mark.parametrize("bad", ["garbage", "missing", "unknown", "damaged zip"])
def test_an_unreadable_file_exits_2_with_one_sentence_naming_it_and_the_good_files_still_reported(
    exports, tmp_path, bad
):
    if bad == "missing":
        path = tmp_path / "Overview (deleted).csv"
    elif bad == "damaged zip":
        path = tmp_path / "Overview_brand.zip"
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    else:
        path = exports[bad]
    done = run_inspect(str(exports["overview"]), str(path), str(exports["comments"]), "--json")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    assert str(path) in line
    assert json.loads(done.stdout) == [
        {"file": str(exports["overview"]), **EXPECTED_GOOD[0]},
        {"file": str(exports["comments"]), **EXPECTED_GOOD[1]},
    ]


def test_every_unreadable_file_gets_its_own_line(exports, tmp_path):
    missing = tmp_path / "gone.csv"
    done = run_inspect(str(exports["garbage"]), str(missing), str(exports["unknown"]), "--json")
    assert done.returncode == 2
    assert json.loads(done.stdout) == []
    lines = done.stderr.splitlines()
    assert len(lines) == 3
    assert [
        name
        for name in (exports["garbage"], missing, exports["unknown"])
        if any(str(name) in line for line in lines)
    ] == [
        exports["garbage"],
        missing,
        exports["unknown"],
    ]


def test_a_missing_file_names_the_reason_in_plain_words(tmp_path):
    missing = tmp_path / "Overview.csv"
    done = run_inspect(str(missing))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"{missing}: cannot open the file (No such file or directory).\n"


@pytest.mark.skipif(not REAL_EXPORTS.is_dir(), reason="../shared/real_exports is absent")
def test_inspect_reports_a_zip_style_folder_of_real_exports():
    followers = REAL_EXPORTS / "tiktok-studio_en-US_htupycollabs" / "Followers_haileytupy2.0"
    paths = [str(followers / name) for name in ("FollowerGender.csv", "FollowerTopTerritories.csv")]
    comments = REAL_EXPORTS / "comments-xlsx_haron416-exporter" / "tiktok_comments_20250802_134414.xlsx"
    done = run_inspect(*paths, str(comments), "--json")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == [
        {"file": paths[0], "kind": "follower_gender", "rows": 3, "start_date": None, "end_date": None},
        {"file": paths[1], "kind": "follower_territories", "rows": 11, "start_date": None, "end_date": None},
        {"file": f"{comments} › Comments", "kind": "comments", "rows": 500, "start_date": "2025-06-26", "end_date": "2025-08-02"},
    ]  # fmt: skip


def run_command(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=180
    )


CONTENT_HEADER = '"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"'


def video_row(video_id: int, caption: str, likes: int, views: int) -> str:
    return f'"March 1","{caption}","https://www.tiktok.com/@brand/video/{video_id}","February 1","{likes}","0","0","{views}"'


def test_formats_writes_one_row_per_format_best_first(tmp_path):
    # Ids encode post times in 2026; two formats: challenges at 10%, tutorials at 5%.
    base = 1769904000 << 32
    rows = [video_row(base + i, "#phinchallenge", 10, 100) for i in range(5)]
    rows += [video_row(base + 100 + i, "tutorial: how to brew", 5, 100) for i in range(5)]
    content = tmp_path / "Content.csv"
    content.write_bytes(codecs.BOM_UTF8 + "\n".join([CONTENT_HEADER, *rows]).encode())
    out = tmp_path / "formats.csv"
    result = run_command("formats", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert table.columns.tolist()[:8] == [
        "format", "count_videos", "total_views", "total_engagements",
        "engagement_rate", "engagement_rate_low", "engagement_rate_high", "median_engagement_rate",
    ]  # fmt: skip
    assert table[["format", "count_videos", "total_views", "total_engagements"]].to_dict("records") == [
        {"format": "Challenge", "count_videos": 5, "total_views": 500, "total_engagements": 50},
        {"format": "Tutorial", "count_videos": 5, "total_views": 500, "total_engagements": 25},
    ]
    assert table["engagement_rate"].round(3).tolist() == [0.1, 0.05]


def test_members_writes_one_row_per_member_without_the_brand(exports, tmp_path):
    out = tmp_path / "members.csv"
    result = run_command("members", str(exports["comments"]), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "brand account: @brand, its handle is the account in the video links" in result.stdout
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert {
        "member",
        "tier",
        "count_comments",
        "count_videos",
        "active_weeks",
        "first_seen",
        "last_seen",
        "days_since_last",
        "reason",
    } <= set(table.columns)
    assert table[["member", "tier", "count_comments", "days_since_last"]].to_dict("records") == [
        {"member": "fan", "tier": "New", "count_comments": 1, "days_since_last": 1}
    ]


def test_members_as_of_a_date_and_a_named_brand(exports, tmp_path):
    out = tmp_path / "members.csv"
    result = run_command(
        "members", str(exports["comments"]), "--as-of", "2025-05-24", "--brand", "fan", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert table["member"].tolist() == []


def test_members_without_comments_is_a_sentence_and_status_2(exports, tmp_path):
    result = run_command("members", str(exports["overview"]), "--out", str(tmp_path / "m.csv"))
    assert result.returncode == 2
    assert "No comments in these files" in result.stderr
    assert "Traceback" not in result.stderr


EXCEL_COMMENTS = REAL_EXPORTS / "comments-xlsx_haron416-exporter" / "tiktok_comments_20250802_134414.xlsx"


@pytest.mark.skipif(not EXCEL_COMMENTS.exists(), reason="real exports folder absent")
@pytest.mark.parametrize("brand", [[], ["--brand", "mcexodus"]])
def test_members_of_the_excel_exporter_by_name_without_the_brand_and_no_reply_rate(brand, tmp_path):
    out = tmp_path / "members.csv"
    result = run_command("members", str(EXCEL_COMMENTS), *brand, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "498 members written" in result.stdout
    assert "brand account: @mcexodus, not among the commenters" in result.stdout
    assert "Reply rate: not measured, this export does not show replies." in result.stdout
    assert "0.0%" not in result.stdout
    table = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert {"sonnie", "queen Lisa"} <= set(table["member"])
    assert not table["member"].str.fullmatch(r"\d{15,}").any()
    assert "mcexodus" not in set(table["member"].str.lower().str.lstrip("@"))


@pytest.mark.parametrize("brand", [[], ["--brand", "brewhaus_dn"]])
def test_the_brand_answering_under_its_display_name_is_no_champion_with_or_without_brand(brand, tmp_path):
    from tests.test_members_page import planted_excel

    comments = tmp_path / "tiktok_comments_20260607_120000.xlsx"
    comments.write_bytes(planted_excel("BrewHaus Đà Nẵng"))
    out = tmp_path / "members.csv"
    result = run_command("members", str(comments), *brand, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "brand account: BrewHaus Đà Nẵng, it commented on 6 of 6 videos" in result.stdout
    table = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert "BrewHaus Đà Nẵng" not in set(table["member"])
    assert len(table) == 8


def test_a_brand_named_like_its_handle_is_found_by_its_display_name(tmp_path):
    from tests.test_members_page import planted_excel

    comments = tmp_path / "tiktok_comments_20260607_120000.xlsx"
    comments.write_bytes(planted_excel("BrewHaus DN"))
    out = tmp_path / "members.csv"
    result = run_command("members", str(comments), "--out", str(out))
    assert "brand account: BrewHaus DN, its name is the account in the video links" in result.stdout
    assert "BrewHaus DN" not in set(pd.read_csv(out, encoding="utf-8-sig", dtype=str)["member"])


def test_formats_videos_csv_is_one_row_per_video_excel_safe_and_read_back_as_the_marketers_formats(tmp_path):
    # Four videos: a Challenge and a Tutorial the rules see, a caption with no format signal (a guess)
    # and a caption that would run as a formula in Excel.
    base = 1769904000 << 32
    captions = ["#phinchallenge", "tutorial: how to brew", "Sunday mood in Hanoi", "=HYPERLINK(1)"]
    rows = [video_row(base + i, caption, 10, 100) for i, caption in enumerate(captions)]
    content = tmp_path / "Content.csv"
    content.write_bytes(codecs.BOM_UTF8 + "\n".join([CONTENT_HEADER, *rows]).encode())
    videos = tmp_path / "videos.csv"
    written = run_command("formats", str(content), "--videos", str(videos))
    assert (written.returncode, written.stderr) == (0, ""), written.stderr
    assert "4 videos written" in written.stdout
    sheet = pd.read_csv(videos, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert sheet.columns.tolist() == [
        "video_id", "posted_at", "caption", "views", "format", "confidence", "reason", "format_source", "video_url",
    ]  # fmt: skip
    assert sheet["video_id"].tolist() == [str(base + i) for i in range(4)]
    assert sheet["posted_at"].tolist() == ["2026-02-01 00:00"] * 4  # from the ids, in UTC
    assert sheet["views"].tolist() == ["100"] * 4
    assert sheet["caption"].iloc[3] == "'=HYPERLINK(1)"  # text in Excel, never a formula
    assert sheet["format"].tolist()[:3] == ["Challenge", "Tutorial", "Other"]
    assert sheet["format_source"].tolist() == ["rules"] * 4
    assert sheet["confidence"].iloc[2] == "guess"
    assert all(sheet["reason"])

    # The marketer corrects the guess in a spreadsheet, which rounds the first 19-digit id (its link keeps it).
    sheet.loc[2, "format"] = "Mini game"
    sheet.loc[0, "video_id"] = f"{base:.5E}"
    edited = tmp_path / "videos checked.csv"
    edited.write_bytes(sheet.to_csv(index=False).encode("utf-8-sig"))

    # Given to the command line next to the export: its format column wins over the rules.
    again, summary = tmp_path / "videos again.csv", tmp_path / "formats.csv"
    read = run_command("formats", str(content), str(edited), "--videos", str(again), "--out", str(summary))
    assert (read.returncode, read.stderr) == (0, ""), read.stderr
    back = pd.read_csv(again, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["video_id"].tolist() == [str(base + i) for i in range(4)]  # no video lost or doubled
    assert back["format"].tolist()[:3] == ["Challenge", "Tutorial", "Mini game"]
    assert back["format_source"].tolist() == ["file"] * 4
    assert back["confidence"].tolist() == ["sure"] * 4
    assert back["reason"].iloc[2] == 'format column in the file ("Mini game")'
    assert "Mini game" in set(pd.read_csv(summary, encoding="utf-8-sig")["format"])

    # Uploaded in the app (the same reading path): recognised as a video detail sheet, same formats.
    from datetime import date

    from analytics.format_stats import video_formats
    from analytics.workspace import Workspace

    workspace = Workspace(today=date(2026, 3, 1), remember_mappings=False)
    workspace.add_files([("Content.csv", content.read_bytes()), (edited.name, edited.read_bytes())])
    assert not workspace.pending and not workspace.problems
    assert "video_details" in set(workspace.summary()["kind"])
    found = video_formats(workspace.con).set_index("video_id")
    assert found.loc[str(base + 2), ["format", "format_source"]].tolist() == ["Mini game", "file"]


def test_formats_without_out_or_videos_is_one_sentence_and_status_2(tmp_path):
    result = run_command("formats", str(tmp_path / "Content.csv"))
    assert result.returncode == 2
    assert result.stderr.startswith("Name the file to write: --out formats.csv")
    assert "Traceback" not in result.stderr
