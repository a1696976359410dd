"""Brazilian Portuguese hints: captions that imply their interaction format without naming it.

Each caption below gives its format only by a hint (no caption rule word names it), so without the
Portuguese hints it would be "Other" or a wrong format. The look-alikes hold words close to a hint
("de novo", "Ano Novo", "vem") that must not make them that format.
"""

from __future__ import annotations

import re

import pytest

from analytics.captions import _pattern_regex, classify
from analytics.format_hints import es, pt

IMPLIED = [
    ("Vou te ensinar a dobrar camiseta do jeito que cabe tudo na gaveta 👕", "Tutorial"),
    ("rotina de skincare pra pele oleosa no verão 🌞 salva aí", "Tutorial"),
    ("agora é a vez de vocês: recriem esse look com o que tem no armário 👗", "Challenge"),
    ("quem aguenta a pimenta mais forte da casa? quem comer tudo não paga 🌶️", "Challenge"),
    ("adivinha o sabor novo pelo emoji 🍓🍫 quem acertar ganha um pote", "Mini game"),
    ("vamos sortear 2 kits entre os comentários 🎁 os ganhadores saem sexta", "Mini game"),
    ("transmissão no TikTok quinta às 19h, tirando dúvidas sobre cachos 🌀", "LIVE Q&A"),
    ("quando a gente abriu, a loja cabia numa garagem 🚗", "Storytelling"),
    ("há 30 anos meu avô torrava café no quintal de casa ☕", "Storytelling"),
    ("embalando os pedidos da semana com a equipe 📦 obrigada pela paciência!", "Behind the scenes"),
    ("um dia no nosso ateliê antes da loja abrir 🧵", "Behind the scenes"),
    ("fotos de vocês com a nossa canga na praia 🏖️ continuem marcando!", "Duet / Stitch / UGC"),
    ("reagindo aos vídeos de vocês usando o nosso protetor 😂", "Duet / Stitch / UGC"),
    ("nos juntamos com uma sorveteria de Belém pra um sabor de açaí com cupuaçu 🍦", "Collab"),
    ("esgotou! a jaqueta de veludo volta na pré-venda semana que vem 🧥", "Product"),
]

LOOK_ALIKES = [  # a word close to a hint of another format; the true format comes from the Portuguese hints
    ("ganhe massa nas pernas com esse treino de 10 minutos, salva aí 🦵", "Tutorial"),  # "ganhe": no prize
    ("transmitimos o jogo do Brasil no telão 🍺 chopp pela metade do preço", "Product"),  # no LIVE
    ("o hidratante de maracujá voltou ao estoque 🌼", "Product"),
]

STAY_OTHER = [  # greetings, weather, opening hours, "de novo" (again), "vem" (come): no hint may claim them
    ("Feliz Ano Novo pra todos vocês 🎆", "Other"),
    ("feliz aniversário pra nossa confeiteira favorita 🎂", "Other"),
    ("segunda de novo e chovendo em Curitiba 🌧️", "Other"),
    ("vem café, vem sexta 😅", "Other"),
    ("abrimos de segunda a sábado das 8h às 20h ☕", "Other"),
]


@pytest.mark.parametrize(("caption", "expected"), IMPLIED)
def test_a_portuguese_caption_that_only_implies_its_format_gets_that_format(caption, expected):
    found = classify(caption)
    assert found.format == expected, found.reason


@pytest.mark.parametrize(("caption", "expected"), LOOK_ALIKES + STAY_OTHER)
def test_a_portuguese_look_alike_keeps_its_own_format(caption, expected):
    found = classify(caption)
    assert found.format == expected, found.reason


def test_a_word_spelt_the_same_in_spanish_and_portuguese_is_counted_once():
    """ "sorteamos", "dueto" or "promo" are in es.py only: in both files they would count twice."""
    spanish = {
        h.format: re.compile(
            "|".join(f"(?:{_pattern_regex(w)})" for g in es.HINTS if g.format == h.format for w in g.words)
        )
        for h in es.HINTS
    }
    twice = [
        (h.format, word)
        for h in pt.HINTS
        for word in h.words
        if "..." not in word and h.format in spanish and spanish[h.format].fullmatch(word.casefold())
    ]
    assert pt.HINTS and not twice


def test_a_portuguese_recipes_story_is_only_a_guess_between_its_steps_and_its_story():
    # The rule word "receta"/"receita" names a Tutorial; the story hints add up to as much as one name,
    # never more, so the rules do not pick for the marketer: a guess, with both sides in the reason.
    found = classify("essa receita vem da minha bisavó, a gente não muda nada desde 1985 🍲")
    assert found.confidence == "guess"
    assert "Storytelling" in found.reason or found.format == "Storytelling"
