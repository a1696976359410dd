"""French captions that imply a format without naming it get that format from the French hints.

Each caption here has no caption rule word for its format, so without the hints (analytics/format_hints/fr.py)
it is "Other" or a look-alike's format. The last ones are look-alikes: a hint word inside a phrase that means
something else must not make a format.
"""

from __future__ import annotations

import pytest

from analytics.captions import classify

# fmt: off
IMPLIED = [
    ("Comment bien choisir son fond de teint ? On vous explique 💄", "Tutorial"),
    ("3 erreurs à éviter quand on repique ses tomates 🍅", "Tutorial"),
    ("Routine du soir pour peau sèche, pas à pas 🌙", "Tutorial"),
    ("Cap ou pas cap de porter du jaune toute la semaine ? 💛", "Challenge"),
    ("Battez notre record : 47 burpees en 2 minutes 💪", "Challenge"),
    ("3 coffrets à gagner 🎁 abonne-toi et commente ton parfum préféré", "Mini game"),
    ("Trouve l'intrus dans cette vitrine 👀 réponse demain", "Mini game"),
    ("Posez vos questions sur le marathon, notre coach y répond dimanche", "LIVE Q&A"),
    ("Il y a 12 ans, j’ouvrais une toute petite boutique de 20 m² 💛", "Storytelling"),
    ("Pourquoi j'ai quitté Paris pour reprendre la ferme de mes parents 🐄", "Storytelling"),
    ("Préparation des commandes du lundi 📦 petit café d'abord", "Behind the scenes"),
    ("Une journée à l'atelier de reliure 📚", "Behind the scenes"),
    ("On réagit à vos avis Google (même les pires) 😂", "Duet / Stitch / UGC"),
    ("On s'associe avec la brasserie d'à côté pour une bière au café 🍺", "Collab"),
    ("De retour en stock : le pull marin du S au XL ⚓", "Product"),
    # Look-alikes: a trap word next to the real signal, or a hint word in a phrase that means something else
    ("Le trend du moment ? Merci à vous ! Nouveaux coloris en boutique", "Product"),  # no dare: colours to buy
    ("#duo avec vous : montrez-nous votre tresse", "Duet / Stitch / UGC"),  # "#duo" is TikTok's duet
    ("Joyeux Noël de la part de toute l'équipe 🎄", "Other"),  # "la part" is no slice for sale
    ("Ouvert 7 jours sur 7 pendant les vacances", "Other"),  # opening hours, no 7-day challenge
    ("Merci pour vos messages adorables 🥹", "Other"),  # a thank-you, no customer video shown
]
# fmt: on


@pytest.mark.parametrize(("caption", "expected"), IMPLIED, ids=[caption for caption, _ in IMPLIED])
def test_a_french_caption_that_implies_a_format_gets_that_format(caption, expected):
    assert classify(caption).format == expected


def test_the_reason_quotes_the_hint_and_says_what_it_means():
    found = classify("Tirage au sort dimanche parmi les commentaires ✨")
    assert found.format == "Mini game"
    assert '"au sort" (a prize draw)' in found.reason


def test_comment_before_a_french_verb_is_how_to_but_the_english_comment_is_not():
    assert classify("Comment nouer un foulard en soie").format == "Tutorial"
    assert classify("Comment below with your favourite colour").format == "Other"
