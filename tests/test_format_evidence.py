"""The caption rules add up evidence per format and say how sure they are.

Signals that are no words of one language (a price, "A x B", "with @creator", a video reply), hashtags
written as several words, rule words typed with one letter wrong, and the confidence that follows.
"""

from __future__ import annotations

import pytest

from analytics.captions import CONFIDENCES, classify


@pytest.mark.parametrize(
    ("caption", "expected_format", "quoted"),
    [
        ("BODY BUTTER VANILLA 200ML 🚨 R$ 49,90", "Product", "R$ 49,90"),
        ("Bánh mì bơ tỏi chỉ 25k hôm nay", "Product", "chỉ 25k"),
        ("Gamis motif terbaru mulai 189rb", "Product", "189rb"),
        ("Coffret hiver 34,90 € ❄️", "Product", "34,90 €"),
        ("KaffeeLab x LunaBakery ☕🥐", "Collab", "KaffeeLab x LunaBakery"),
        ("thanks @mira.makes for this look 💛", "Collab", "thanks @mira.makes"),
        ("Replying to @tom_h yes it is vegan 🌱", "Duet / Stitch / UGC", "Replying to @tom_h"),
        ("Trả lời @thu.ng bạn ơi size M vừa nha", "Duet / Stitch / UGC", "Trả lời @thu.ng"),
    ],
)
def test_signals_that_are_no_words_of_one_language_name_their_format(caption, expected_format, quoted):
    found = classify(caption)
    assert found.format == expected_format
    assert f'"{quoted}"' in found.reason


@pytest.mark.parametrize(
    "caption",
    ["Our 10k run club meets Sunday 🏃", "100k views, thank you all 🥹", "3 x 10 squats every morning"],
)
def test_distances_counts_and_sets_are_not_prices_or_pairs(caption):
    assert classify(caption).format == "Other"


def test_a_camel_case_hashtag_is_read_as_its_words_and_quoted_whole():
    found = classify("C'est parti pour le #DefiPilates 💪")
    assert (found.format, found.confidence) == ("Challenge", "sure")
    assert '"#DefiPilates"' in found.reason


def test_a_rule_word_glued_to_another_in_a_hashtag_counts_but_never_a_live_word():
    assert classify("#giveawaytime 🎁 rules below").format == "Mini game"
    assert classify("#desafiolectura de enero 📚").format == "Challenge"
    assert classify("#livemusic tonight at the café").format == "Other"


@pytest.mark.parametrize(
    ("caption", "expected_format", "meant"),
    [
        ("givaway time!! rules below", "Mini game", "giveaway"),
        ("tutoral: 5 min routine", "Tutorial", "tutorial"),
        ("chalenge accepted 💪 #fitness", "Challenge", "challenge"),
    ],
)
def test_a_rule_word_with_one_letter_wrong_is_read_as_the_word_and_only_likely(
    caption, expected_format, meant
):
    found = classify(caption)
    assert (found.format, found.confidence) == (expected_format, "likely")
    assert f'(read as "{meant}")' in found.reason


def test_confidence_is_sure_for_a_named_format_and_a_guess_for_a_tie_or_nothing():
    assert classify("How to brew the perfect phin").confidence == "sure"
    # Two formats named once each: the rules' order decides, and that is only a guess.
    tie = classify("Tutorial: how to nail the #PhinChallenge")
    assert (tie.format, tie.confidence) == ("Challenge", "guess")
    assert "also matched Tutorial" in tie.reason
    nothing = classify("Good morning ☀️")
    assert (nothing.format, nothing.confidence) == ("Other", "guess")
    assert {classify(c).confidence for c in ["#tuto", "Hi", "R$ 10", "tutoral"]} <= set(CONFIDENCES)


def test_a_product_name_in_capitals_is_a_hint_but_shouting_is_not():
    found = classify("BUXOM PLUMPING LIP GLOSS")
    assert (found.format, found.confidence) == ("Product", "guess")
    assert "(a product name in capitals)" in found.reason
    assert classify("HAPPY HOLIDAYS TO ALL OUR FRIENDS").format == "Other"
    assert classify("WE ARE SO PROUD OF THIS TEAM").format == "Other"


def test_new_alone_suggests_a_product_without_being_sure():
    assert classify("the new “Tree of Life” in our window").confidence == "likely"
    assert classify("Launch day: the oat cortado").confidence == "sure"


@pytest.mark.parametrize(
    ("caption", "expected_format", "why"),
    [
        ("Start here: wall push-up → incline → knees → full 💪", "Tutorial", "steps in order"),
        ("Cold brew: 1. grind coarse 2. steep 12 hours 3. filter", "Tutorial", "steps in order"),
        ("Bột 200g, sữa 150ml, nướng 25 phút 🍞", "Tutorial", "amounts to follow"),
        (
            "Climb the 300 stairs and post your selfie with #TopOfHoiAn 📸",
            "Challenge",
            "a hashtag to post your own with",
        ),
        (
            "Đọc xong cuốn sách thì đăng hình kèm #DocCungTiem nha",
            "Challenge",
            "a hashtag to post your own with",
        ),
        ("Abrimos en 2018 con dos mesas. Hoy somos 14 en la cocina", "Storytelling", "then and now"),
        ("Comecei vendendo brigadeiro na faculdade. Hoje temos duas lojas", "Storytelling", "then and now"),
        ("Routine du matin : eau micellaire, sérum, crème, écran solaire ☀️", "Tutorial", "a list to follow"),
        ("Cà phê muối không cần máy: đánh kem với muối rồi rót lên phin", "Tutorial", "a way of doing it"),
        ("Dulu cuma jualan dari rumah, sekarang punya 3 toko 🥹", "Storytelling", "then and now"),
    ],
)
def test_signals_of_structure_suggest_a_format_in_any_language(caption, expected_format, why):
    found = classify(caption)
    assert found.format == expected_format
    assert f"({why})" in found.reason


def test_a_name_beats_hints_added_up_and_a_creator_counts_as_a_name():
    # Price, capitals and a stock word together are at most as good as a name: "A x B" names a Collab.
    assert classify("KOPIKITA x BATIK SARI 🧵 kemeja edisi terbatas Rp 250rb").format == "Collab"
    assert classify("Cocinamos con @chef.lu su receta de mole").format == "Collab"
    # A word of another language with an ending is no typo of a rule word.
    assert classify("La barista contestó todas sus dudas").format != "Mini game"


def test_a_format_whose_rule_words_the_marketer_emptied_gets_no_hints_either():
    caption = "Đến lượt bạn! Quay clip rồi tag quán nha #PhinChallenge"
    assert classify(caption).format == "Challenge"
    from analytics.captions import DEFAULT_RULES

    rules = {**DEFAULT_RULES, "Challenge": []}
    assert classify(caption, rules).format != "Challenge"
