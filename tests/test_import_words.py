"""The import's sentences (which file, what was expected, what to do) in the marketer's language,
including the ones kept for later: shown in the language of the screen that shows them."""

from __future__ import annotations

import json
from datetime import date

from analytics.i18n import use
from analytics.i18n.said import Said, from_json, to_json
from analytics.ingest import Context, ingest_file, limits

OVERVIEW_CSV = (
    b'"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
    b'"March 1","1000","10","50","5","5"\n"March 2","2000","20","100","10","10"\n'
)


def test_an_empty_file_is_said_in_french_with_its_name_and_what_to_do():
    with use("fr"):
        [problem] = ingest_file("vide.csv", b"").problems
        assert str(problem.message) == (
            "vide.csv est vide. Exportez-le de nouveau depuis TikTok et importez le nouveau fichier."
        )


def test_a_problem_read_in_french_reads_in_vietnamese_once_the_screen_is_in_vietnamese():
    with use("fr"):
        [problem] = ingest_file("hỏng.zip", b"PK\x03\x04garbage").problems
    with use("vi"):
        assert str(problem.message) == "hỏng.zip trông giống tệp ZIP nhưng đã bị hỏng. Hãy tải lại từ TikTok."
    assert (
        str(problem.message)
        == "hỏng.zip looks like a ZIP file but it is damaged. Download it again from TikTok."
    )


def test_a_count_in_a_kept_sentence_is_written_as_the_shown_language_writes_numbers():
    sentence = limits.too_many_members("exports.zip", 1234)
    assert str(sentence).startswith("exports.zip holds 1,234 files")
    with use("fr"):
        assert str(sentence).startswith("exports.zip contient 1\u202f234 fichiers")
    with use("id"):
        assert str(sentence).startswith("exports.zip berisi 1.234 file")


def test_a_files_notes_kept_in_a_store_come_back_worded_in_the_language_that_shows_them():
    with use("vi"):
        [table] = ingest_file("Overview.csv", OVERVIEW_CSV, context=Context(today=date(2026, 6, 1))).tables
    kept = json.loads(json.dumps([to_json(warning) for warning in table.warnings]))
    [note] = [from_json(warning) for warning in kept]
    with use("fr"):
        assert str(note).startswith("Les dates n'ont pas d'année")
    with use("es"):
        assert str(note).startswith("Las fechas no tienen año")
    assert str(note).startswith("Dates have no year")


def test_a_sentence_kept_as_plain_words_before_reads_back_as_it_was():
    assert from_json("Comments are negative on 2 days.") == "Comments are negative on 2 days."
    assert not isinstance(from_json("x"), Said)


def test_a_plural_note_takes_the_languages_form_for_its_count():
    one, two = (
        Said.ngettext(
            "{count} comment has no author; it was left out.",
            "{count} comments have no author; they were left out.",
            n,
            count=n,
        )
        for n in (1, 2)
    )
    with use("fr"):
        assert str(one) == "1 commentaire n'a pas d'auteur ; il a été écarté."
        assert str(two) == "2 commentaires n'ont pas d'auteur ; ils ont été écartés."
