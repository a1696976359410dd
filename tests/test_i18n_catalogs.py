"""Every language's catalog is complete, in step with the code, and every shown string is marked."""

import re

import pytest
from babel.messages.catalog import Catalog

from analytics import i18n
from analytics.i18n import __main__ as catalogs
from tests import i18n_scan

TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.fixture(scope="module")
def template() -> Catalog:
    return catalogs.extract()


def _ids(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_catalog_has_no_untranslated_or_fuzzy_message(code):
    untranslated, fuzzy = catalogs.missing(code)
    assert not untranslated, f"{code}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_catalog_holds_exactly_the_strings_marked_in_the_code(code, template):
    marked, held = _ids(template), _ids(catalogs.read(code))
    assert not marked - held, (
        f"run `python -m analytics.i18n update`: new in the code {sorted(marked - held)[:5]}"
    )
    assert not held - marked, (
        f"run `python -m analytics.i18n update`: gone from the code {sorted(held - marked)[:5]}"
    )


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_translation_keeps_every_placeholder_of_its_message(code):
    wrong = []
    for message in catalogs.read(code):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = {name for text in ids for name in PLACEHOLDER.findall(text)}
        for string in strings:
            if string and set(PLACEHOLDER.findall(string)) - wanted:
                wrong.append((ids[0], string))
            # Every form must say everything the English says (a plural form may drop only the count).
            if string and len(ids) == 1 and set(PLACEHOLDER.findall(string)) != wanted:
                wrong.append((ids[0], string))
        for string in strings:
            if string:
                string.format(**{name: "x" for name in wanted if name}) if all(wanted) else None
    assert not wrong, f"{code}: {wrong[:5]}"


@pytest.mark.parametrize(("code", "forms"), [("vi", 1), ("id", 1), ("fr", 2), ("es", 2), ("pt_BR", 2)])
def test_plurals_have_the_languages_number_of_forms(code, forms):
    catalog = catalogs.read(code)
    assert catalog.num_plurals == forms
    for message in catalog:
        if message.id and not isinstance(message.id, str):
            assert len(message.string) == forms, message.id


def test_no_user_visible_string_is_left_unmarked():
    found = [str(item) for path in i18n_scan.files() for item in i18n_scan.unmarked(path)]
    assert not found, f"{len(found)} strings not marked for translation:\n" + "\n".join(found[:40])


def test_no_exception_marker_is_inside_a_string_where_a_marketer_would_read_it():
    import ast

    inside = [
        f"{path}:{node.lineno}"
        for path in i18n_scan.files()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "# i18n:" in node.value
    ]
    assert not inside, inside


def test_the_scan_catches_an_unmarked_title_and_lets_a_marked_one_and_a_listed_exception_through(tmp_path):
    page = tmp_path / "page.py"
    page.write_text(
        "import streamlit as st\n"
        "from analytics.i18n import _\n"
        'st.header("Members")\n'
        'st.caption(f"{n} videos posted")\n'
        'st.header(_("Loyal members"))\n'
        'st.session_state["Some key"] = 1\n'
        "st.markdown(\"<div class='tile big'>\", unsafe_allow_html=True)  # i18n: CSS, not words\n"
        'key = "period_choice"\n',
        encoding="utf-8",
    )
    scanner = i18n_scan._Scanner("page.py", page.read_text(encoding="utf-8").splitlines())
    import ast

    scanner.visit(ast.parse(page.read_text(encoding="utf-8")))
    assert [item.line for item in scanner.found] == [3, 4]


def test_a_translated_language_shows_its_own_words_and_english_stays_the_source():
    with i18n.use("fr"):
        assert i18n.term("tier", "Loyal") == "Fidèle"
        assert i18n.term("format", "Mini game") == "Mini-jeu"
    assert i18n.term("tier", "Loyal") == "Loyal"
    with i18n.use("vi"):
        assert i18n.term("sentiment", "negative") == "tiêu cực"
