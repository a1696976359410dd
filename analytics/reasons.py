"""Why does a video have its format? A reason kept as its parts, worded in the reader's language when shown.

The caption rules find the reason once (their answer is cached, whatever the language), so a reason is
not a sentence but its English message and its parts: the caption's own words (quoted as typed, never
translated), formats (stored codes, shown with `term`) and smaller reasons. `text()` words it in this
run's language; `english()` is the stable text the command line's videos.csv and the stored frames keep.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.i18n import _, term


@dataclass(frozen=True)
class Reason:
    """A marked message (English, with {named} placeholders) and its parts: str, Reason or a format code."""

    message: str
    parts: tuple[tuple[str, object], ...] = ()
    kind: str | None = None  # "format": the message is a stored code, shown with term()

    def text(self) -> str:
        """The reason in this run's language."""
        return self._word(translate=True)

    def english(self) -> str:
        """The reason in English, as stored and written for machines."""
        return self._word(translate=False)

    def _word(self, *, translate: bool) -> str:
        if self.kind:
            return term(self.kind, self.message) if translate else self.message
        values = {
            key: value._word(translate=translate) if isinstance(value, Reason) else str(value)
            for key, value in self.parts
        }
        return (_(self.message) if translate else self.message).format(**values)

    def __str__(self) -> str:
        return self.text()


def reason(message: str, **parts: object) -> Reason:
    """reason(N_('matched "{words}"'), words="giveaway"): a reason from a marked message and its parts."""
    return Reason(message, tuple(parts.items()))


def format_name(code: str) -> Reason:
    """A format inside a reason: its code, worded with term("format", code) when shown."""
    return Reason(code, kind="format")


def joined(parts: list[Reason], message: str) -> Reason:
    """Several reasons as one, two at a time with `message` ("{first} and {second}")."""
    whole = parts[0]
    for part in parts[1:]:
        whole = reason(message, first=whole, second=part)
    return whole


def worded(value: object) -> str:
    """A frame's reason cell in this run's language (a plain string stays as it is)."""
    return value.text() if isinstance(value, Reason) else "" if value is None else str(value)
