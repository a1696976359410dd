"""Hints of a format that are no words of one language: a price, a brand pair "A x B", a creator
thanked or invited ("with @...", "merci @..."), a video reply to a comment ("Replying to @...").

Each finder reads the caption as shown (capitals matter for "A x B") and yields (format, weight, words,
why): the caption's words are quoted in the video's reason, shortened with "…" when long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analytics.i18n import N_

Signal = tuple[str, int, str, str]

_HANDLE = r"@[\w.]+"
_AMOUNT = r"\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?"
# A price: a currency before or after an amount ("R$ 59,90", "€12", "Rp 89.000", "45k", "249rb", "120.000đ",
# "$349 MXN", "12 euros"), or a price word before one ("giá 45", "prix : 12").
_PRICE = re.compile(
    rf"(?<![\w])(?:(?:R\$|US\$|\$|€|£|¥|Rp\.?|IDR|VND|BRL|MXN|COP|S/\.?)\s?{_AMOUNT}"
    rf"|{_AMOUNT}\s?(?:€|\$|₫|đ|vnđ|vnd|rb|ribu|jt|juta|reais|euros?|eur|pesos|mxn|cop|brl|idr|usd)(?![\w])"
    rf"|{_AMOUNT}k(?![\w])(?!\s?(?:run|race|runners|views|followers|likes|steps|subs|subscribers|members|"
    rf"people|km|miles|chạy|lari|corrida|carrera|course|vues|abonnés|seguidores|người))"
    rf"|(?:gi[áa]|prix|precio|preço|preco|harga|price)\s?:?\s?{_AMOUNT}"
    rf"(?:\s?(?:k|€|\$|₫|đ|vnđ|rb|ribu|reais|euros?)(?![\w]))?"
    # "only 3" is a count unless a currency follows: "chỉ 25k", "cuma 150rb", "solo 20 soles"
    rf"|(?:only|chỉ|chi|seulement|solo|só|cuma|hanya)\s?{_AMOUNT}\s?(?:k|€|\$|₫|đ|vnđ|rb|ribu|reais|euros?|soles|pesos)(?![\w]))",
    re.IGNORECASE,
)
# "OatCo x BeanThere", "@a x @b": two names joined by x or × (not "3 x 10", not "x2").
_PAIR = re.compile(r"(?<![\w@])(?:@[\w.]+|[A-ZÀ-Ỹ][\w'.&-]+)\s+[x×X]\s+(?:@[\w.]+|[A-ZÀ-Ỹ][\w'.&-]+)")
# The same in lower case, between words ("tiệm sách x quán trà"): weaker, "x" also multiplies.
_PAIR_LOWER = re.compile(r"(?<![\w@])[^\W\d_]{3,}\s+[x×]\s+[^\W\d_]{3,}(?![\w])")
# A creator the brand works with: "with @", "thank you @", "feat. @", "par @", "cùng @", "bareng @" ...
_WITH_CREATOR = re.compile(
    r"(?<![\w])(?:with|w/|feat\.?|ft\.?|featuring|thanks?(?: you)?|thx|ty|by|made by|designed by|"
    r"avec|merci(?: à| a)?|par|con|junto a|junto con|gracias(?: a)?|por|hecho por|com|junto com|junto de|"
    r"obrigad[oa](?: à| a| ao)?|pel[ao]|cùng|cung|với|voi|cảm ơn|cam on|cám ơn|thanks|bởi|boi|"
    r"bareng|sama|dengan|bersama|makasih|terima kasih|oleh)\s+(?:(?:the|la|el|o|a|chị|anh|bạn|kak|mbak|mas|"
    r"coach|chef|creator|criadora?|créatrice|créateur|designer|desainer|diseñadora?|illustrator|ilustrator|"
    r"ilustradora?|illustratrice|artist|artista|artiste|seniman|họa sĩ|hoa si|nhà thiết kế|tiệm|quán|toko|"
    r"kedai)\s+)?" + _HANDLE,
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
# Steps in order: "wall → bench → knees → full", "1. ... 2. ...", "Step 1", or amounts to follow ("15g", "10 min", "3x8").
_ARROWS = re.compile(r"[\w'-]+\s*(?:→|➡️?|->)\s*[\w'-]+(?:\s+[\w'-]+){0,2}\s*(?:→|➡️?|->)\s*[\w'-]+")
_NUMBERED = re.compile(r"(?:^|\s)(?:1[.)]|1️⃣|①)\s*\w.*?(?:\s|^)(?:2[.)]|2️⃣|②)\s*\w+", re.DOTALL)
_AMOUNT_TO_FOLLOW = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:g|gr|ml|min|mins|minutes|minutos|minutes|phút|phut|menit|seg|sec|secs|s|°c?|"
    r"reps|rep|sets|series|séries|hiệp|x(?!\d)|x\d+|colher|colheres|cuillère|cuillères|cucharada|cucharadas|"
    r"sendok|muỗng|muong|thìa|thia|cup|cups|tbsp|tsp|ruas)(?![\w])",
    re.IGNORECASE,
)
# A list after a colon: "Le soir : huile, nettoyant doux, sérum, crème", "Salsa macha: chile, ajo, cacahuate y aceite".
_COLON_LIST = re.compile(r"^[^:\n]{3,60}\s?:\s*[^,:\n]{2,40}(?:,\s*[^,:\n]{2,40}){2,}", re.MULTILINE)
# "How to get there without the queue:", "Barra sem costura:", "tanpa ribet:": a way of doing something, told.
_WITHOUT = re.compile(
    r"(?<![\w])(?:without|sans|sin|sem|tanpa|không cần|khong can|que não|que no|qui ne)\s[^:\n]{2,40}:",
    re.IGNORECASE,
)
# A hashtag to post one's own with: "post your summit selfie with #1200Steps", "đăng hình kèm #5CauHoiAn".
_POST_WITH_HASHTAG = re.compile(
    r"(?<![\w])(?:post|posts|share|upload|show us|tag us|postez|publiez|partagez|poste|posta|postem|compartilhe|"
    r"compartilha|manda|mandem|sube|suban|comparte|compartan|publica|publiquen|đăng|dang|chia sẻ|chia se|unggah|"
    r"upload|bagikan|kirim|posting)\b[^#\n]{0,60}?(?:with|using|avec|con|com|usando|kèm|kem|với|voi|pakai|dengan|"
    r"pake)\s*#\w+",
    re.IGNORECASE,
)
# Then and now: a past ("in 2019", "years ago", "năm ngoái", "dulu", "hace 5 años") and a present ("today", "now",
# "hôm nay", "sekarang", "aujourd'hui") in one caption: how something began and where it stands.
_PAST = re.compile(
    r"(?<![\w])(?:(?:in|en|em|năm|nam|tahun|since|desde|depuis|từ|tu)\s+(?:19[5-9]\d|20[0-2]\d)|years? ago|"
    r"last year|il y a \d+ ans|l'an dernier|l'année dernière|hace \d+ años|el año pasado|há \d+ anos|ano passado|"
    r"\d+ năm trước|\d+ nam truoc|năm ngoái|nam ngoai|ngày xưa|ngay xua|hồi đó|hoi do|hồi xưa|hoi xua|"
    r"\d+ tahun (?:lalu|yang lalu)|tahun lalu|dulu|when (?:we|i) (?:started|opened|began)|"
    r"(?:i|we) (?:started|opened|founded)|empecé|empezamos|abrí|comencé|fundé|fundamos|começou|comecei|começamos|"
    r"fundei|j'ai commencé|j'ai ouvert|j'ai fondé|on a commencé|on a ouvert|mình bắt đầu|minh bat dau|"
    r"aku mulai|saya mulai|kami mulai|confinement|lockdown|cuarentena|pandemia|pandemic|pandemi|quarentena|"
    r"giãn cách|gian cach|"
    r"cuando (?:empezamos|abrimos|empecé|abrí)|quando (?:começamos|abrimos|comecei|abri)|quand (?:on a|j'ai) "
    r"(?:commencé|ouvert))(?![\w])",
    re.IGNORECASE,
)
_PRESENT = re.compile(
    r"(?<![\w])(?:today|now|these days|still|years later|hoy|ahora|hoy en día|todavía|años después|hoje|agora|"
    r"ainda|anos depois|aujourd'hui|maintenant|toujours|ans plus tard|hôm nay|hom nay|bây giờ|bay gio|giờ|gio|"
    r"vẫn|van con|sekarang|kini|masih|hari ini|udah|sudah)(?![\w])",
    re.IGNORECASE,
)


def _short(words: str) -> str:
    """The words as quoted in a reason: long ones cut to their first two words … their last."""
    parts = words.split()
    return words if len(words) <= 40 or len(parts) <= 4 else " ".join(parts[:2]) + " … " + parts[-1]


def find(shown: str) -> Iterator[Signal]:
    """Every signal of this caption, as (format, weight, the caption's words, why)."""
    for name, weight, words, why in _find(shown):
        yield name, weight, _short(words), why


def _find(shown: str) -> Iterator[Signal]:
    if match := _REPLY.search(shown):
        yield "Duet / Stitch / UGC", 3, match.group(), N_("a video reply to a comment")
    if match := _PAIR.search(shown):
        yield "Collab", 3, match.group(), N_("two brands or creators paired")
    elif match := _PAIR_LOWER.search(shown):
        yield "Collab", 2, match.group(), N_("two brands or shops paired")
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
        yield "Collab", 3, creator.group(), N_("a creator or brand the video is made with")
    elif mention:
        yield "Collab", 1, mention.group(), N_("another account tagged")
    if match := _PRICE.search(shown):
        yield "Product", 2, match.group(), N_("a price")
    if match := _ARROWS.search(shown) or _NUMBERED.search(shown):
        yield "Tutorial", 2, match.group().strip(), N_("steps in order")
    amounts = list(_AMOUNT_TO_FOLLOW.finditer(shown))
    if len(amounts) >= 2:
        yield "Tutorial", 1, f"{amounts[0].group()} … {amounts[1].group()}", N_("amounts to follow")
    if match := _COLON_LIST.search(shown):
        yield "Tutorial", 1, match.group(), N_("a list to follow")
    if match := _WITHOUT.search(shown):
        yield "Tutorial", 1, match.group(), N_("a way of doing it")
    if match := _POST_WITH_HASHTAG.search(shown):
        yield "Challenge", 2, match.group(), N_("a hashtag to post your own with")
    if (past := _PAST.search(shown)) and (present := _PRESENT.search(shown, past.end())):
        yield "Storytelling", 2, f"{past.group()} … {present.group()}", N_("then and now")
    for run in _CAPS_RUN.finditer(shown):
        words = [w for w in run.group().split() if not w[0].isdigit()]
        if len(words) >= 2 and len("".join(words)) >= 8 and not set(words) & _NOT_IN_NAMES:
            yield "Product", 1, run.group(), N_("a product name in capitals")
            break
