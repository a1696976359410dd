"""English captions that imply a format without naming it get that format from the English hints.

Each caption here has no caption rule word for its format, so without the hints (analytics/format_hints/en.py)
it is "Other" or a look-alike's format. The last ones are look-alikes: a hint word inside a phrase that means
something else must not make a format.
"""

from __future__ import annotations

import pytest

from analytics.captions import classify

# fmt: off
IMPLIED = [
    ("Save this before your next trip to Hoi An 🏮 5 spots locals love", "Tutorial"),
    ("3 mistakes everyone makes with retinol and the easy fix", "Tutorial"),
    ("Let me show you the easiest way to fold a fitted sheet", "Tutorial"),
    ("Plank every day for 30 days with us, who's in? 💪", "Challenge"),
    ("Beat our barista: 10 cups in 60 seconds. Think you can?", "Challenge"),
    ("Comment your guess: how many beans in the jar? Closest guess takes the bag ☕", "Mini game"),
    ("Caption this photo 😂 best caption gets a free class", "Mini game"),
    ("Tonight on stream: our roaster answers your coffee questions", "LIVE Q&A"),
    ("Ten years ago I sold my first candle at a flea market", "Storytelling"),
    ("Why I quit my job in finance to open a bakery 🥐", "Storytelling"),
    ("Packing 200 orders before the holidays 📦 send coffee", "Behind the scenes"),
    ("Come to work with me at the flower shop 🌷", "Behind the scenes"),
    ("Reacting to your first time trying our hot sauce 🔥", "Duet / Stitch / UGC"),
    ("Stitching @maya.makes because she used our yarn in the best way 🧶", "Duet / Stitch / UGC"),
    ("Our new candle, designed together with a local ceramic artist 🕯", "Collab"),
    ("Back in stock: the linen pants everyone asked for 👖", "Product"),
    # Look-alikes: a trap word next to the real signal, or a hint word in a phrase that means something else
    ("Customer review time: reading your 5-star reviews 🥹", "Duet / Stitch / UGC"),  # "review" is no product
    ("live your best life in our restocked gym shorts", "Product"),  # "live" is the verb; restocked
    ("Happy Halloween 🎃 trick or treat!", "Other"),  # "trick or treat" is no trick to learn
    ("Matcha or hojicha? no prize, just curious 🍵", "Other"),  # "no prize": nothing to win
    ("Closed for the holidays, see you on the 2nd 🎄", "Other"),
]
# fmt: on


@pytest.mark.parametrize(("caption", "expected"), IMPLIED, ids=[caption for caption, _ in IMPLIED])
def test_an_english_caption_that_implies_a_format_gets_that_format(caption, expected):
    assert classify(caption).format == expected


def test_the_reason_quotes_the_hint_and_says_what_it_means():
    found = classify("Pour-over basics: save this for later ☕")
    assert found.format == "Tutorial"
    assert '"save this for later" (to save and follow later)' in found.reason


def test_a_word_typed_with_a_curly_apostrophe_or_none_is_the_same_hint():
    for spelling in ("here's how", "here’s how", "heres how"):
        assert classify(f"Cleaner windows in one swipe, {spelling}").format == "Tutorial"
