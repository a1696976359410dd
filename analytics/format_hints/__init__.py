"""Hints of an interaction format that a caption gives without naming it, in six languages.

A caption rule word names its format ("tutorial", "giveaway", "#duet"); a hint only suggests it: "save
this for later" suggests steps to follow (Tutorial), "3 winners Friday" a prize (Mini game), "pack an
order with me" the shop's own day (Behind the scenes). Each `Hint` is a group of words that say one
thing, with that thing in words (`why`), so a video's reason reads 'matched "save this" (steps to
save and follow)'. A group counts once per caption however many of its words appear.

Weights: 1 suggests the format, 2 says it nearly outright, 3 is as good as the format's name. The
caption rules (analytics.captions) add up the weights per format and the highest total wins.

Every language's hints are tried on every caption (captions mix languages), so a word that means
something else in another of the six languages is only used inside a phrase ("comment faire" is
French for "how to"; English "comment" is not). Patterns use the caption rules' syntax: whole words,
any case, a missing accent forgiven, `...` for any letters, `#x` a hashtag.

One module per language (`en`, `fr`, `es`, `pt`, `vi`, `id`); `signals` holds the hints that are no
words of one language (a price, "A x B", "@creator" after "with" or "thanks").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hint:
    """Words that suggest `format`, because of `why` (a few plain words for the video's reason)."""

    format: str
    why: str
    words: tuple[str, ...]
    weight: int = 1


def hint(format: str, why: str, words: str, weight: int = 1) -> Hint:
    """A Hint from comma-separated words: hint("Tutorial", "steps to follow", "step 1, first step").

    A word with an apostrophe also counts as typed with a curly one or none ("here's how", "here’s how",
    "heres how"; "j'ai quitté", "jai quitté"): captions are typed on phones, and the three are one word."""
    typed = [w.strip() for w in words.split(",") if w.strip()]
    typed += [v for w in typed if "'" in w for v in (w.replace("'", "’"), w.replace("'", ""))]
    return Hint(format, why, tuple(dict.fromkeys(typed)), weight)


def all_hints() -> tuple[Hint, ...]:
    """Every language's hints, English first."""
    from analytics.format_hints import en, es, fr, id, pt, vi

    return tuple(h for module in (en, fr, es, pt, vi, id) for h in module.HINTS)
