"""The Data page in the marketer's language: on the demo, and with a file that could not be read,
whose sentence follows the screen when the language changes afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import tests.apptest  # noqa: F401  (pins the navigation mode AppTest needs)

ROOT = Path(__file__).resolve().parents[1]
OVERVIEW_CSV = (
    b'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    b'"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"\n'
)
WORDS = {
    "fr": {
        "title": "Données",
        "loaded": "Fichiers chargés",
        "file": "Fichier",
        "empty": "vide.csv est vide. Exportez-le de nouveau depuis TikTok et importez le nouveau fichier.",
        "year": "Les dates n'ont pas d'année",
        "year_from": ("Année tirée de", "supposée : année la plus récente"),
    },
    "vi": {
        "title": "Dữ liệu",
        "loaded": "Tệp đã tải",
        "file": "Tệp",
        "empty": "vide.csv trống. Hãy xuất lại từ TikTok và tải lên tệp mới.",
        "year": "Ngày tháng không có năm",
        "year_from": ("Năm lấy từ", "giả định: năm gần nhất"),
    },
}


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNITYLENS_HOME", str(tmp_path))


def year_from(at: AppTest, language: str) -> list[str]:
    column, _words = WORDS[language]["year_from"]
    frame = next(frame.value for frame in at.dataframe if column in frame.value.columns)
    return frame[column].tolist()


def check(at: AppTest, language: str) -> None:
    words = WORDS[language]
    assert not at.exception, at.exception
    assert [title.value for title in at.title] == [words["title"]]
    assert words["loaded"] in [header.value for header in at.subheader]
    assert any(words["file"] in frame.value.columns for frame in at.dataframe)


@pytest.mark.parametrize(("first", "then"), [("fr", "vi"), ("vi", "fr")])
def test_the_data_page_and_a_bad_files_sentence_are_in_the_screens_language(first, then):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["ui_language"] = first
    at.run()
    at.switch_page("pages/data.py").run()
    check(at, first)  # the demo
    files = [("Overview.csv", OVERVIEW_CSV, "text/csv"), ("vide.csv", b"", "text/csv")]
    at.sidebar.file_uploader(key="upload_files").set_value(files).run()
    at.switch_page("pages/data.py").run()
    check(at, first)
    assert WORDS[first]["empty"] in [error.value for error in at.error]
    assert any(WORDS[first]["year"] in warning.value for warning in at.warning)
    assert year_from(at, first) == [WORDS[first]["year_from"][1]]
    # The sentences were worded when the files were read; they follow the screen's new language.
    at.sidebar.selectbox(key="ui_language").set_value(then).run()
    check(at, then)
    assert WORDS[then]["empty"] in [error.value for error in at.error]
    assert any(WORDS[then]["year"] in warning.value for warning in at.warning)
    assert year_from(at, then) == [WORDS[then]["year_from"][1]]
