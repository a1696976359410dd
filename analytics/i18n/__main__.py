"""Keep the message catalogs in step with the code.

python -m analytics.i18n update      # extract every marked string, merge it into each catalog
python -m analytics.i18n check       # per language: messages untranslated or fuzzy (0 and 0 to ship)
python -m analytics.i18n init de     # start a new language's catalog (then add it to LANGUAGES)
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from analytics.i18n import CATALOGS, DEFAULT, DOMAIN, LANGUAGES, PLURAL_FORMS

ROOT = CATALOGS.parents[1]
TEMPLATE = CATALOGS / f"{DOMAIN}.pot"
# Where user-visible strings live; tests, benchmarks and sample data are not translated.
SOURCES = [
    ("app.py", "python"),
    ("pages/**.py", "python"),
    ("ui/**.py", "python"),
    ("analytics/**.py", "python"),
]
KEYWORDS = {**DEFAULT_KEYWORDS, "C_": ((1, "c"), 2)}
WIDTH = 100


def catalog_path(code: str) -> Path:
    return CATALOGS / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every marked string of the app, with where it is used and the translators' comments."""
    template = Catalog(project="CommunityLens", charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        str(ROOT), SOURCES, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read(code: str) -> Catalog:
    with catalog_path(code).open("rb") as po:
        return read_po(po, locale=Locale.parse(code))


def new(code: str) -> Catalog:
    return Catalog(locale=Locale.parse(code), project="CommunityLens", fuzzy=False)


def write(catalog: Catalog, path: Path) -> None:
    code = str(catalog.locale) if catalog.locale else None
    if code in PLURAL_FORMS:
        catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[code])]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po:
        write_po(po, catalog, width=WIDTH, ignore_obsolete=True, include_previous=False, sort_by_file=True)


def update() -> None:
    template = extract()
    write(template, TEMPLATE)
    for code in LANGUAGES:
        if code == DEFAULT:
            continue
        catalog = (
            read(code) if catalog_path(code).exists() else Catalog(locale=Locale.parse(code), fuzzy=False)
        )
        catalog.update(template, no_fuzzy_matching=True)
        write(catalog, catalog_path(code))
    print(
        f"{len(template)} messages; "
        + ", ".join(f"{code}: {summary(code)}" for code in LANGUAGES if code != DEFAULT)
    )


def missing(code: str) -> tuple[list[str], list[str]]:
    """(untranslated, fuzzy) message ids of one language."""
    catalog = read(code)
    untranslated, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        if message.fuzzy:
            fuzzy.append(key)
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if not all(strings):
            untranslated.append(key)
    return untranslated, fuzzy


def summary(code: str) -> str:
    untranslated, fuzzy = missing(code)
    return f"{len(untranslated)} untranslated, {len(fuzzy)} fuzzy"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "check":
        print("\n".join(f"{code}: {summary(code)}" for code in LANGUAGES if code != DEFAULT))
    elif command == "init" and len(argv) == 2:
        # Also add the language to LANGUAGES (and its gettext plural rule to PLURAL_FORMS).
        catalog = new(argv[1])
        catalog.update(extract(), no_fuzzy_matching=True)
        write(catalog, catalog_path(argv[1]))
        print(f"Wrote {catalog_path(argv[1])}: translate it, then add the language to LANGUAGES.")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
