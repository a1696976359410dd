"""The command line on the client store: import into a client, list the clients, and build a client's
deck, formats, members and inspect from what the store keeps, while the app holds the same store open."""

import getpass
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from analytics.__main__ import main
from analytics.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "sample_data"
COMMENTS = SAMPLE_DIR / "dataset_tiktok-comments-scraper_2026-11-22_02-15-33-120.csv"
OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
# 1773506459 is 2026-03-14 16:40 UTC: the dates do not depend on the day the test runs.
OVERVIEW_NAME = "TIKTOK Overview_2026-02-10_1773506459_{}.csv"


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """A private store for the test (the default SQLite catalog under COMMUNITYLENS_HOME)."""
    folder = tmp_path / "home"
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(folder))
    for name in ("COMMUNITYLENS_LAKE", "COMMUNITYLENS_LAKE_DATA", "COMMUNITYLENS_ORIGINALS"):
        monkeypatch.delenv(name, raising=False)
    return folder


def overview(folder: Path, account: str, first_day: str = "February 10", name: str = OVERVIEW_NAME) -> Path:
    path = folder / name.format(account)
    path.write_text(
        f'{OVERVIEW_HEADER}\n"{first_day}","5","0","1","0","0"\n"March 13","7","1","2","0","1"\n',
        encoding="utf-8",
    )
    return path


def cli(capsys, *arguments: str) -> tuple[int, str, str]:
    """One in-process run of `python -m analytics ...`: status, stdout, stderr."""
    status = main([str(argument) for argument in arguments])
    out, err = capsys.readouterr()
    return status, out, err


def run(*arguments: str) -> subprocess.CompletedProcess:
    """One run in its own process, as a scheduled job runs it (the environment is the test's)."""
    return subprocess.run(
        [sys.executable, "-m", "analytics", *map(str, arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def deck_cells(path: Path) -> list[str]:
    prs = Presentation(str(path))
    texts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def test_import_into_a_new_client_then_clients_lists_its_account_imports_dates_and_size(home, tmp_path):
    first = overview(tmp_path, "phinco.coffee")
    done = run("import", "--client", "Phin & Co.", "--create", first)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        f"{first.name}: overview, 2 rows, 2026-02-10 to 2026-03-13",
        "Imported 1 file into 'Phin & Co.' (now 1 file, 2026-02-10 to 2026-03-13).",
    ]
    listed = run("clients", "--json")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert json.loads(listed.stdout) == [
        {
            "name": "Phin & Co.",
            "account": "phinco.coffee",
            "imports": 1,
            "first_date": "2026-02-10",
            "last_date": "2026-03-13",
            "size_bytes": first.stat().st_size,
        }
    ]
    table = run("clients").stdout.splitlines()
    assert table[0].split() == ["Client", "Account", "Imports", "First", "day", "Last", "day", "Size"]
    assert table[1].split() == [
        "Phin",
        "&",
        "Co.",
        "@phinco.coffee",
        "1",
        "2026-02-10",
        "2026-03-13",
        str(first.stat().st_size),
        "bytes",
    ]
    # The import is recorded with who ran it.
    store = open_store()
    try:
        imports = store.open(store.find_client("Phin & Co.")).imports()
    finally:
        store.close()
    assert imports["who"].tolist() == [f"command line ({getpass.getuser()})"]


def test_the_same_file_twice_is_already_imported_and_changes_nothing(home, tmp_path, capsys):
    first = overview(tmp_path, "phinco.coffee")
    assert cli(capsys, "import", "--client", "Phin & Co.", "--create", first)[0] == 0
    status, out, err = cli(capsys, "import", "--client", "phin & co.", first)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"{first.name} was already imported: nothing new in it.",
        "Nothing new imported into 'Phin & Co.'.",
    ]
    status, out, _ = cli(capsys, "clients", "--json")
    assert [client["imports"] for client in json.loads(out)] == [1]


def test_an_unknown_client_exits_2_with_one_sentence_naming_the_known_clients(home, tmp_path, capsys):
    file = overview(tmp_path, "phinco.coffee")
    assert cli(capsys, "import", "--client", "Phin & Co.", "--create", file)[0] == 0
    assert (
        cli(capsys, "import", "--client", "Bún Bò", "--create", overview(tmp_path, "bunbo", "February 11"))[0]
        == 0
    )
    expected = (
        "There is no client 'Phin and Co'. Known clients: 'Bún Bò', 'Phin & Co.'. Create one with: "
        "python -m analytics import --client 'Phin and Co' --create FILE...\n"
    )
    for command in (
        ["import", "--client", "Phin and Co", file],
        ["report", "--client", "Phin and Co", "--out", tmp_path / "deck.pptx"],
        ["members", "--client", "Phin and Co", "--out", tmp_path / "members.csv"],
        ["formats", "--client", "Phin and Co", "--out", tmp_path / "formats.csv"],
        ["inspect", "--client", "Phin and Co"],
    ):
        assert cli(capsys, *command) == (2, "", expected), command
    assert not (tmp_path / "deck.pptx").exists()
    # A typo'd name in a scheduled job never creates a client.
    status, out, _ = cli(capsys, "clients", "--json")
    assert [client["name"] for client in json.loads(out)] == ["Bún Bò", "Phin & Co."]


def test_files_and_client_together_or_neither_is_one_sentence(home, tmp_path, capsys):
    file = overview(tmp_path, "phinco.coffee")
    both = cli(capsys, "formats", file, "--client", "Phin & Co.", "--out", tmp_path / "f.csv")
    assert both[0] == 2 and both[2].count("\n") == 1
    assert both[2].startswith("Give either export files or --client, not both")
    neither = cli(capsys, "members", "--out", tmp_path / "m.csv")
    assert neither == (
        2,
        "",
        "Give the export files to read, or --client NAME for a client kept in the store.\n",
    )
    deck = cli(capsys, "report", file, "--client", "Phin & Co.", "--out", tmp_path / "d.pptx")
    assert deck[0] == 2 and "use --client-name" in deck[2]


def test_files_of_another_account_are_held_back_with_status_2_unless_any_account(home, tmp_path, capsys):
    ours = overview(tmp_path, "phinco.coffee")
    theirs = overview(tmp_path, "otherbrand.vn", "February 11")
    status, out, err = cli(capsys, "import", "--client", "Phin & Co.", "--create", ours, theirs)
    assert status == 2
    assert out.splitlines() == [
        f"{ours.name}: overview, 2 rows, 2026-02-10 to 2026-03-13",
        "Imported 1 file into 'Phin & Co.' (now 1 file, 2026-02-10 to 2026-03-13).",
    ]
    assert err == (
        f"{theirs.name} looks like @otherbrand.vn's, not @phinco.coffee's (this client's account): not imported. "
        "Import it into its own client (--client NAME --create), or add --any-account to import it here anyway.\n"
    )
    # Once another client holds that account, the sentence names it.
    assert cli(capsys, "import", "--client", "Other", "--create", theirs)[0] == 0
    status, _, err = cli(capsys, "import", "--client", "Phin & Co.", theirs)
    assert status == 2 and "Client 'Other' has that account: import it there" in err
    status, out, err = cli(capsys, "import", "--client", "Phin & Co.", "--any-account", theirs)
    assert (status, err) == (0, "")
    assert "Imported 1 file into 'Phin & Co.' (now 2 files, 2026-02-10 to 2026-03-13)." in out


def test_members_of_a_client_equal_members_of_the_same_files(home, tmp_path, capsys):
    content = SAMPLE_DIR / "Content_phinco.coffee.zip"
    assert cli(capsys, "import", "--client", "Phin & Co.", "--create", COMMENTS, content)[0] == 0
    from_files = cli(capsys, "members", COMMENTS, content, "--out", tmp_path / "files.csv")
    from_client = cli(capsys, "members", "--client", "Phin & Co.", "--out", tmp_path / "client.csv")
    assert from_files[0] == from_client[0] == 0
    assert from_files[1].replace("files.csv", "X") == from_client[1].replace("client.csv", "X")
    assert len(pd.read_csv(tmp_path / "client.csv")) > 1000
    assert (tmp_path / "files.csv").read_bytes() == (tmp_path / "client.csv").read_bytes()
    # inspect reads the same tables.
    files_json = json.loads(cli(capsys, "inspect", COMMENTS, content, "--json")[1])
    client_json = json.loads(cli(capsys, "inspect", "--client", "Phin & Co.", "--json")[1])
    strip = [{key: value for key, value in record.items() if key != "file"} for record in files_json]
    assert strip == [{key: value for key, value in record.items() if key != "file"} for record in client_json]


def test_a_report_from_a_stored_client_is_a_valid_deck_titled_with_the_clients_name(home, tmp_path):
    files = sorted(path for path in SAMPLE_DIR.iterdir() if path.suffix in {".csv", ".zip"})
    assert run("import", "--client", "Phin & Co.", "--create", *files).returncode == 0
    out = tmp_path / "phin.pptx"
    done = run("report", "--client", "phin & co.", "--out", out, "--sections", "formats,members")
    assert done.returncode == 0, done.stderr
    assert "PowerPoint deck with" in done.stdout and "24 Aug 2026 – 21 Nov 2026 (90 days)" in done.stdout
    prs = Presentation(str(out))
    title = " ".join(shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame)
    assert "Phin & Co." in title and len(prs.slides) > 3
    assert any(text.startswith("member-") for text in deck_cells(out))


def test_a_members_pseudonym_is_the_same_in_two_monthly_decks_of_one_client(home, tmp_path, capsys):
    comments = pd.read_csv(COMMENTS, dtype=str, keep_default_na=False)
    october = comments[comments["createTimeISO"] < "2026-11-01"]
    november = comments[comments["createTimeISO"] >= "2026-11-01"]
    october.to_csv(tmp_path / "comments_october.csv", index=False)
    november.to_csv(tmp_path / "comments_november.csv", index=False)
    decks = {}
    for month, start, end in (
        ("october", "2026-10-01", "2026-10-31"),
        ("november", "2026-11-01", "2026-11-22"),
    ):
        create = ["--create"] if month == "october" else []
        assert (
            cli(capsys, "import", "--client", "Phin & Co.", *create, tmp_path / f"comments_{month}.csv")[0]
            == 0
        )
        deck = tmp_path / f"{month}.pptx"
        status, _, err = cli(
            capsys, "report", "--client", "Phin & Co.", "--out", deck, "--sections", "members",
            "--start", start, "--end", end,
        )  # fmt: skip
        assert (status, err) == (0, "")
        decks[month] = deck_cells(deck)
    handles = set(comments["uniqueId"]) - {"phinco.coffee"}  # the brand's own handle is on the title
    for texts in decks.values():
        assert not handles & {word.lstrip("@") for text in texts for word in text.split()}  # names hidden
    names = {month: {t for t in texts if t.startswith("member-")} for month, texts in decks.items()}
    assert names["october"] and names["november"]
    assert names["october"] & names["november"]  # the regulars of both months keep their pseudonym


def test_an_unopenable_store_is_one_sentence_never_a_traceback(tmp_path, monkeypatch, capsys):
    not_a_folder = tmp_path / "home"
    not_a_folder.write_text("a file where the store's folder should be")
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(not_a_folder))
    monkeypatch.delenv("COMMUNITYLENS_LAKE", raising=False)
    monkeypatch.delenv("COMMUNITYLENS_LAKE_DATA", raising=False)
    status, out, err = cli(capsys, "clients")
    assert (status, out) == (2, "")
    assert err.startswith(f"The client store in {not_a_folder}/lake/catalog.sqlite cannot be opened: ")
    assert err.count("\n") == 1 and "Traceback" not in err

    # A DuckDB-file catalog held by another program (a DuckDB catalog opens in one process at a time).
    catalog = tmp_path / "catalog.ducklake"
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path / "other"))
    monkeypatch.setenv("COMMUNITYLENS_LAKE", f"duckdb:{catalog}")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from analytics.store import open_store; store = open_store(); print('open', flush=True); input()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        status, out, err = cli(capsys, "import", "--client", "X", "--create", overview(tmp_path, "x"))
    finally:
        holder.communicate("\n", timeout=60)
    assert (status, out) == (2, "")
    assert err.startswith(f"The client store in {catalog} is in use by another program")
    assert err.count("\n") == 1


def test_the_command_line_imports_while_the_app_holds_the_same_store_open(home, tmp_path):
    """The app (this process, its store open as the Streamlit server keeps it) and a scheduled import."""
    store = open_store()  # the running app's store
    try:
        client_id = store.create_client("Phin & Co.")
        workspace = store.open(client_id)
        first = overview(tmp_path, "phinco.coffee")
        workspace.add_files([(first.name, first.read_bytes())])
        # While the app holds the lake, another process imports into the same client ...
        later = overview(
            tmp_path, "phinco.coffee", "February 20", name="TIKTOK Overview_2026-02-20_1773506459_{}.csv"
        )
        done = run("import", "--client", "Phin & Co.", later)
        assert (done.returncode, done.stderr) == (0, ""), done.stdout
        assert "Imported 1 file into 'Phin & Co.' (now 2 files" in done.stdout
        # ... and the app sees it on its next open, and can still write itself.
        reopened = store.open(client_id)
        assert reopened.imports()["who"].tolist()[0].startswith("command line (")
        assert len(reopened.uploads) == 2
        reopened.add_files(
            [
                (
                    "TIKTOK Overview_2026-02-21_1773506459_phinco.coffee.csv",
                    later.read_bytes().replace(b'"7"', b'"8"'),
                )
            ]
        )
        assert len(store.open(client_id).uploads) == 3
    finally:
        store.close()
    listed = run("clients", "--json")
    assert json.loads(listed.stdout)[0]["imports"] == 3
