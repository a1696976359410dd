"""Hints of a format that are no words of one language: a price, a brand pair "A x B", a creator
thanked or invited ("with @...", "merci @..."), a video reply to a comment ("Replying to @...").

Each finder reads the caption as shown (capitals matter for "A x B") and yields (format, weight,
start, end, why): the span is quoted in the video's reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Signal = tuple[str, int, int, int, str]

_HANDLE = r"@[\w.]+"
_AMOUNT = r"\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?"
# A price: a currency before or after an amount ("R$ 59,90", "€12", "Rp 89.000", "45k", "249rb", "120.000đ",
# "$349 MXN", "12 euros"), or a price word before one ("giá 45", "prix : 12").
_PRICE = re.compile(
    rf"(?<![\w])(?:(?:R\$|US\$|\$|€|£|¥|Rp\.?|IDR|VND|BRL|MXN|COP|S/\.?)\s?{_AMOUNT}"
    rf"|{_AMOUNT}\s?(?:€|\$|₫|đ|vnđ|vnd|rb|ribu|jt|juta|reais|euros?|eur|pesos|mxn|cop|brl|idr|usd)(?![\w])"
    rf"|{_AMOUNT}k(?![\w])(?!\s?(?:run|race|runners|views|followers|likes|steps|subs|subscribers|members|"
    rf"people|km|miles|chạy|lari|corrida|carrera|course|vues|abonnés|seguidores|người))"
    rf"|(?:gi[áa]|prix|precio|preço|preco|harga|price|only|chỉ|chi|seulement|solo|só|cuma|hanya)\s?:?\s?{_AMOUNT}"
    rf"(?:\s?(?:k|€|\$|₫|đ|vnđ|rb|ribu|reais|euros?)(?![\w]))?)",
    re.IGNORECASE,
)
# "OatCo x BeanThere", "@a x @b": two names joined by x or × (not "3 x 10", not "x2").
_PAIR = re.compile(r"(?<![\w@])(?:@[\w.]+|[A-ZÀ-Ỹ][\w'.&-]+)\s+[x×X]\s+(?:@[\w.]+|[A-ZÀ-Ỹ][\w'.&-]+)")
# A creator the brand works with: "with @", "thank you @", "feat. @", "par @", "cùng @", "bareng @" ...
_WITH_CREATOR = re.compile(
    r"(?<![\w])(?:with|w/|feat\.?|ft\.?|featuring|thanks?(?: you)?|thx|ty|by|made by|designed by|"
    r"avec|merci(?: à| a)?|par|con|junto a|junto con|gracias(?: a)?|por|hecho por|com|junto com|junto de|"
    r"obrigad[oa](?: à| a| ao)?|pel[ao]|cùng|cung|với|voi|cảm ơn|cam on|cám ơn|thanks|bởi|boi|"
    r"bareng|sama|dengan|bersama|makasih|terima kasih|oleh)\s+(?:(?:the|la|el|o|a|chị|anh|bạn|kak|mbak|mas|"
    r"coach|chef|creator|criadora?|créatrice|créateur|designer|nhà thiết kế|tiệm|quán)\s+)?" + _HANDLE,
    re.IGNORECASE,
)
# TikTok's video reply to a comment: "Replying to @x", "Réponse à @x", "Trả lời @x", "Membalas @x".
_REPLY = re.compile(
    r"(?<![\w])(?:replying to|reply to|répondre à|réponse à|reponse a|respondiendo a|respuesta a|"
    r"respondendo(?: a| à| ao)?|resposta (?:a|à|ao|para)|trả lời|tra loi|rep|membalas|balas(?:an)?|"
    r"menjawab)\s+" + _HANDLE,
    re.IGNORECASE,
)
_DUET = re.compile(
    r"(?<![\w])#?(?:duet|stitch|dueto|duo)(?![\w])", re.IGNORECASE
)  # "#stitch with @x": who is stitched
# A product name in capitals: "SALTAIR HYALURONIC ACID BODY SERUM 2 PACK", "SỮA TẮM DỪA 500ML". Runs with a
# pronoun, article or verb are shouting, not a name ("WE ARE LIVE", "HAPPY NEW YEAR TO ALL").
_CAPS_RUN = re.compile(
    r"(?<![#@\w])[^\W\d_a-zß-ÿ]{2,}(?:[ \t]+(?:[^\W\d_a-zß-ÿ]{2,}|\d+(?:ML|G|KG|GR|OZ|L|PCS|PACK|%)?))+(?![\w])"
)
_NOT_IN_NAMES = frozenset(
    "I WE YOU HE SHE THEY IT US ME MY OUR YOUR THE A AN IS ARE WAS BE TO OF AND OR FOR IN ON AT WITH NOT NO YES "
    "HAPPY MERRY NEW YEAR THANK THANKS LOVE OMG WOW LOL GOOD MORNING NIGHT DAY TODAY TONIGHT NOW LIVE SALE OFF "
    "LE LA LES UN UNE DES ET EST NOUS VOUS JE DE DU EL LOS LAS Y ES SOMOS O OS E EU NÓS VOCÊ TÔI BẠN CHÚNG "
    "MÌNH VÀ LÀ CỦA KAMI KITA AKU KAMU DAN YANG ADA INI ITU DI KE".split()
)
_MENTION = re.compile(r"(?<![\w])" + _HANDLE)


def find(shown: str) -> Iterator[Signal]:
    """Every signal of this caption, as (format, weight, start, end, why)."""
    if match := _REPLY.search(shown):
        yield "Duet / Stitch / UGC", 3, *match.span(), "a video reply to a comment"
    if match := _PAIR.search(shown):
        yield "Collab", 3, *match.span(), "two brands or creators paired"
    # "#stitch with @x": @x is whom the video stitches; "Replying to @x": whom it answers. Neither is a partner.
    taken = [m.span() for m in [_REPLY.search(shown)] if m]
    if duet := _DUET.search(shown):
        if (after := _MENTION.search(shown, duet.end())) and after.start() - duet.end() <= 12:
            taken.append(after.span())

    def free(match: re.Match[str]) -> bool:
        return not any(start <= match.end() - 1 and match.start() < end for start, end in taken)

    creator = next((m for m in _WITH_CREATOR.finditer(shown) if free(m)), None)
    mention = next((m for m in _MENTION.finditer(shown) if free(m)), None)
    if creator:
        yield "Collab", 3, *creator.span(), "a creator or brand the video is made with"
    elif mention:
        yield "Collab", 1, *mention.span(), "another account tagged"
    if match := _PRICE.search(shown):
        yield "Product", 2, *match.span(), "a price"
    for run in _CAPS_RUN.finditer(shown):
        words = [w for w in run.group().split() if not w[0].isdigit()]
        if len(words) >= 2 and len("".join(words)) >= 8 and not set(words) & _NOT_IN_NAMES:
            yield "Product", 1, *run.span(), "a product name in capitals"
            break
