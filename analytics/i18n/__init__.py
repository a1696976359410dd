"""Which language does the marketer read, and how are words, numbers and dates written in it?

Every user-visible string passes through one of the functions below; stored values and the command
line's machine columns stay stable English codes, translated only at the edge (`term`).

- Catalogs are standard gettext `.po` files, one folder per language:
  `analytics/i18n/<lang>/LC_MESSAGES/messages.po`, kept up to date with
  `python -m analytics.i18n update` (Babel extracts the marked strings and merges them in).
  They are compiled with Babel in memory when first used, so there is no build step; fuzzy
  entries are never used (a test fails while any exist).
- The language is per run (a context variable): a page sets the interface language once per
  run, and the deck is built inside `use(deck_language)`, so an agency in Vietnam can make a
  French deck without touching its own screen.
- Marking, in the code: `_("Members")`; `ngettext("{n} video", "{n} videos", n).format(n=...)`
  (the count as a keyword, never concatenated); `pgettext("tier", "Core")` where one English
  word has two meanings; `N_("...")` for a module-level constant translated later with `_()`;
  `C_("format", "Mini game")` lists a stored code whose display name is `term("format", code)`.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

# Codes are gettext/Babel locale names; the names are written in their own language.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "vi": "Tiếng Việt",
    "fr": "Français",
    "es": "Español",
    "pt_BR": "Português (Brasil)",
    "id": "Bahasa Indonesia",
}
DEFAULT = "en"
# gettext's classic plural rules (CLDR also has a "many" form for millions that nothing here needs):
# Vietnamese and Indonesian have one form; French and Portuguese say "0 vidéo", Spanish "0 videos".
PLURAL_FORMS: dict[str, str] = {
    "vi": "nplurals=1; plural=0;",
    "id": "nplurals=1; plural=0;",
    "fr": "nplurals=2; plural=(n > 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
}
CATALOGS = Path(__file__).parent
DOMAIN = "messages"

_language: ContextVar[str] = ContextVar("communitylens_language", default=DEFAULT)


def supported(code: str | None) -> str | None:
    """The supported language closest to a browser or command-line code ("fr-CA" → "fr", "pt" → "pt_BR")."""
    if not code:
        return None
    wanted = code.replace("-", "_").strip()
    if wanted in LANGUAGES:
        return wanted
    base = wanted.split("_")[0].lower()
    for candidate in LANGUAGES:
        if candidate.split("_")[0].lower() == base:
            return candidate
    return None


def language() -> str:
    """The language of this run's words."""
    return _language.get()


def set_language(code: str | None) -> str:
    """Use this language for the rest of this run (an unsupported one falls back to English)."""
    chosen = supported(code) or DEFAULT
    _language.set(chosen)
    return chosen


@contextmanager
def use(code: str | None) -> Iterator[str]:
    """Words in this language inside the block (a deck or report in the client's language)."""
    token = _language.set(supported(code) or DEFAULT)
    try:
        yield _language.get()
    finally:
        _language.reset(token)


@functools.cache
def translations(code: str) -> gettext.NullTranslations:
    """The compiled catalog of one language (English and a missing catalog: the source strings)."""
    path = CATALOGS / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if code == DEFAULT or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """The message in this run's language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: float) -> str:
    """The message in the plural form this language uses for `n` (Vietnamese and Indonesian have one)."""
    return translations(language()).ngettext(singular, plural, _plural_number(n))


def pgettext(context: str, message: str) -> str:
    """The message where one English word has several meanings (`context` tells which)."""
    return translations(language()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: float) -> str:
    return translations(language()).npgettext(context, singular, plural, _plural_number(n))


def N_(message: str) -> str:
    """Mark a constant for the catalog; translate it where it is shown, with `_(constant)`."""
    return message


def C_(kind: str, code: str) -> str:
    """Mark a stored English code for the catalog; show it with `term(kind, code)`."""
    return code


def term(kind: str, code: object) -> str:
    """A stored code's display name ("format", "Mini game" → "Mini jeu"); unknown codes as they are."""
    if not isinstance(code, str) or not code:
        return "" if code is None else str(code)
    return translations(language()).pgettext(kind, code)


def _plural_number(n: float) -> int:
    try:
        return int(abs(n)) if float(n).is_integer() else 2  # 1.5 videos is plural in every language here
    except (TypeError, ValueError):
        return 2
