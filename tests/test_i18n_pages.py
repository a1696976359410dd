"""Every page of the demo in every language: no exception, and no English left in titles, tiles and charts.

English left over is found with the catalogs themselves: a word of the English messages that the
language's translations never use ("Members" on a French page) is a string someone forgot to mark.
"""

from __future__ import annotations

import json
import re

import pytest

from analytics import i18n
from analytics.i18n import __main__ as catalogs
from tests.apptest import app

PAGES = ["overview", "formats", "members", "segments", "whatif", "report", "data"]
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT]
WORD = re.compile(r"[^\W\d_]{3,}")
# Names that stay as they are in every language (the brief's glossary).
KEPT = {
    "tiktok",
    "studio",
    "live",
    "hashtag",
    "hashtags",
    "csv",
    "excel",
    "ugc",
    "communitylens",
    "duet",
    "stitch",
}


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _words(texts) -> set[str]:
    """The words of `texts`, without the placeholders of messages ({members} is no word on screen)."""
    return {word.casefold() for text in texts if text for word in WORD.findall(PLACEHOLDER.sub(" ", text))}


def english_left(texts: list[str], code: str) -> set[str]:
    """Words of `texts` that are English messages' words which the language's translations never use."""
    english, translated = [], []
    for message in catalogs.read(code):
        if not message.id:
            continue
        english += [message.id] if isinstance(message.id, str) else list(message.id)
        translated += [message.string] if isinstance(message.string, str) else list(message.string)
    foreign = _words(english) - _words(translated) - KEPT
    return _words(texts) & foreign


def shown_texts(at) -> list[str]:
    """Titles, headers, tiles' labels, tab names and the titles of every chart (its axes and legend too)."""
    texts = [element.value for kind in ("title", "header", "subheader") for element in getattr(at, kind)]
    texts += [metric.label for metric in at.metric]
    texts += [tab.label for tab in at.tabs]
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec).get("layout", {})
        for part in (layout, layout.get("xaxis", {}), layout.get("yaxis", {}), layout.get("legend", {})):
            title = part.get("title")
            texts.append(title.get("text") if isinstance(title, dict) else title)
    return [text for text in texts if isinstance(text, str)]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_page_of_the_demo_speaks_the_chosen_language(code):
    left = {}
    # AppTest words the widgets' options in the test's own thread on a rerun: in the language too.
    with i18n.use(code):
        at = app(timeout=240, language=code)
        for page in PAGES:
            at.switch_page(f"pages/{page}.py").run()
            assert not at.exception, (page, at.exception)
            texts = shown_texts(at)
            assert texts, page
            found = english_left(texts, code)
            if found:
                left[page] = sorted(found)
    assert not left, f"{code}: English left on screen: {left}"


def test_the_check_finds_english_on_a_french_screen():
    assert english_left(["Membres fidèles", "Loyal members"], "fr") >= {"members"}
