"""Which language is a sentence kept for later shown in? The language of the screen that shows it.

A file's problems and notes are worded when it is read, but shown on every later run (and a
client's are kept in its store): one read in French must read in Vietnamese once the marketer
switches. `Said` keeps the English message and its values, and words it when it is shown:

    problem = Said(N_("{file} is empty. Export it again."), file=name)
    str(problem)                      # in this run's language
    problem == "x.csv is empty. ..."  # it is also the English string (logs, tests, old code)
    Said.ngettext("{count} row has ...", "{count} rows have ...", n, count=n)

Values are words as they are (file names), other `Said`s (worded in the same language), numbers
(written whole, as the language writes them: 1,234 · 1 234 · 1.234), dates (`wording.day`) and
`DayMonth`s (a day without its year). `to_json`/`from_json` keep one in a store, `keep`/`kept`/`shown`
in a text cell (a table column, a store's text column); plain words kept before read back as they were.

Where a sentence is shown at once (a refusal, a progress bar), `_()` is enough: no `Said` needed.
A pandas column turns a `Said` into a plain English string, so a table keeps `keep(said)` and words it
with `shown` where it is read.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from babel.dates import format_skeleton
from babel.numbers import format_decimal

from analytics.i18n import _, language, ngettext, use


class Said(str):
    """A sentence kept to be shown later, worded in the language of the run that shows it."""

    message: str
    plural: str | None
    n: float | None
    values: dict[str, Any]

    def __new__(cls, message: str, /, **values: Any) -> Said:
        return cls._make(message, None, None, values)

    @classmethod
    def ngettext(cls, singular: str, plural: str, n: float, /, **values: Any) -> Said:
        """A sentence with a count: the plural form is the shown language's."""
        return cls._make(singular, plural, n, values)

    @classmethod
    def _make(cls, message: str, plural: str | None, n: float | None, values: dict[str, Any]) -> Said:
        with use("en"):
            english = _word(message, plural, n, values)
        said = super().__new__(cls, english)
        said.message, said.plural, said.n, said.values = message, plural, n, values
        return said

    def __str__(self) -> str:
        if language() == "en":
            return str.__str__(self)
        return _word(self.message, self.plural, self.n, self.values)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __reduce__(self):
        return (_rebuild, (self.message, self.plural, self.n, self.values))

    def to_json(self) -> dict[str, Any]:
        return {
            "said": self.message,
            "plural": self.plural,
            "n": self.n,
            "values": {key: _value_json(value) for key, value in self.values.items()},
        }


def _rebuild(message: str, plural: str | None, n: float | None, values: dict[str, Any]) -> Said:
    return Said._make(message, plural, n, values)


def _word(message: str, plural: str | None, n: float | None, values: dict[str, Any]) -> str:
    from analytics import wording

    worded = {}
    for key, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int | float | date):
            worded[key] = str(value)
        elif isinstance(value, DayMonth):
            english = language() == "en"
            worded[key] = (
                f"{value.day} {value:%B}" if english else format_skeleton("MMMMd", value, locale=language())
            )
        elif isinstance(value, date):
            worded[key] = wording.day(value)
        else:
            worded[key] = whole(value)
    template = _(message) if plural is None else ngettext(message, plural, n or 0)
    try:
        return template.format(**worded)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: the English
        return (message if plural is None or n == 1 else plural).format(**worded)


def whole(number: float) -> str:
    """A count written out in full, as this run's language writes it (1,234,567 · 1 234 567 · 1.234.567)."""
    return format_decimal(number, locale=language())


class DayMonth(date):
    """A day without its year ("3 March", "3 mars"), worded when shown."""


def _value_json(value: Any) -> Any:
    if isinstance(value, Said):
        return value.to_json()
    if isinstance(value, DayMonth):
        return {"day_month": value.isoformat()}
    if isinstance(value, date):
        return {"day": value.isoformat()}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"number": value}
    return str(value)


def _value_from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if "said" in value:
            return from_json(value)
        if "day_month" in value:
            return DayMonth.fromisoformat(value["day_month"])
        if "day" in value:
            return date.fromisoformat(value["day"])
        if "number" in value:
            return value["number"]
    return value


def to_json(sentence: str) -> Any:
    """What a store keeps of a sentence: its message and values, or a plain string as it is."""
    return sentence.to_json() if isinstance(sentence, Said) else str(sentence)


def from_json(kept: Any) -> str:
    """A kept sentence, worded when shown; a plain string (kept before) as it is."""
    if isinstance(kept, dict) and "said" in kept:
        values = {key: _value_from_json(value) for key, value in (kept.get("values") or {}).items()}
        return Said._make(kept["said"], kept.get("plural"), kept.get("n"), values)
    return str(kept)


def said_of(error: BaseException) -> str:
    """An exception's sentence, still worded when shown (`str(error)` words it in this run's language)."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, Said) else str(error)


def keep(sentence: str) -> str:
    """A sentence as a text cell keeps it (a table column, a store's text column): JSON of its message and
    values, worded when shown with `shown`; plain words as they are."""
    return json.dumps(to_json(sentence), ensure_ascii=False) if isinstance(sentence, Said) else sentence


def kept(text: object) -> Any:
    """A sentence read back from a text cell, still to be worded (plain words, kept before, as they are)."""
    if isinstance(text, str) and text.startswith('{"said"'):
        try:
            return from_json(json.loads(text))
        except ValueError:
            return text
    return text


def shown(text: object) -> str:
    """A kept text cell worded in this run's language (plain English words kept before: their translation)."""
    found = kept(text)
    if isinstance(found, Said):
        return str(found)
    return _(found) if isinstance(found, str) and found else ("" if found is None else str(found))
