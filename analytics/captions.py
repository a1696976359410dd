"""Which interaction format is a video, from its caption: the caption rules and their exceptions.

Choices a reader would wonder about:

- Where a video's format comes from: a manual override, else the file's `format` column, else the
  caption rules. A file spelling is normalised loosely ("tutorial", "Live Q&A", "UGC", "mini-game",
  "défi" all land on a taxonomy name); a spelling nothing recognises is kept as given (trimmed), because
  a marketer's own category ("Podcast clip") means something and silently replacing it with a guess would not.
- How rules match: the caption and each pattern are compared case-insensitively, as whole words
  ("live" finds "LIVE!" and "#live", never "delivery" or "olive"). Words of a phrase may be joined
  by spaces, hyphens, underscores or nothing ("how to" finds "how-to" and "#howto"). `#x` is that
  hashtag exactly; `...` stands for any run of letters ("#...challenge" is any hashtag ending in
  "challenge", "with @..." is "with" before any handle). Accents: a missing accent on either side is
  forgiven ("defi" finds "défi", "cách" finds "cach"), a different accent is a different word. That
  last part is for Vietnamese, where the tone mark is the word: "mẹo" (tip) must not find "mèo" (cat).
- Two formats matching one caption: the first format in the rules' order wins, and the reason names
  the others. DEFAULT_RULES lists formats from the most specific interaction (Challenge, Mini game,
  LIVE Q&A, Duet / Stitch / UGC, Collab) to the broadest content signals (Tutorial, Behind the
  scenes, Storytelling, Product): "how to do the #coffeechallenge" is a Challenge, "#giveaway for our
  new launch" a Mini game. Within a format, the leftmost match is quoted.
- Words that only look like a format are not counted: a LIVE word needs a broadcast cue (a time or a
  day, "join", "replay", Q&A, "our live", TikTok), and live music, a live map or tracker, a premiere on
  YouTube, "live your best life" or "mua trực tiếp" (buy directly) never count; "Happy New Year" and
  "de nuevo" are no new product; "it was a challenge to..." is no Challenge. A giveaway is counted as a
  Mini game and its reason says so. The reason of a caption left as Other says which word was not counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import pandas as pd

from analytics.format_hints import Hint, all_hints, signals
from analytics.i18n import N_
from analytics.reasons import Reason, format_name, joined, reason

Rules = Mapping[str, Sequence[str]]  # format -> patterns, in order of precedence
_Frozen = tuple[tuple[str, tuple[str, ...]], ...]  # the same, hashable, for caches

FORMATS: list[str] = [
    "Tutorial",
    "Challenge",
    "LIVE Q&A",
    "Mini game",
    "Storytelling",
    "Behind the scenes",
    "Duet / Stitch / UGC",
    "Collab",
    "Product",
    "Other",
]

# Format -> patterns, in order of precedence (the first format that matches wins). Patterns cover
# en / fr / es / pt / vi / id. Ambiguous bare words are only used inside phrases: Vietnamese "cách"
# alone also means "ago" ("cách đây 2 năm"), Spanish/Portuguese "como" also means "like", Indonesian
# "cara" is "face" in Spanish, Vietnamese "mới" (new) folds to French "moi".
# fmt: off
DEFAULT_RULES: dict[str, list[str]] = {
    "Challenge": ["#...challenge", "challenge", "défi", "#...défi", "reto", "desafío", "thử thách",
                  "#...thửthách", "thách đấu", "tantangan", "#...tantangan"],
    "Mini game": ["giveaway", "#...giveaway", "contest", "quiz", "trivia", "mini game", "minigame",
                  "concours", "jeu concours", "jeu", "sorteo", "sorteio", "concurso", "tặng quà",
                  "đố vui", "trúng thưởng", "kuis", "undian", "tebak"],
    "LIVE Q&A": ["live", "#tiktoklive", "livestream", "livestreaming", "live stream", "live streaming", "q&a",
                 "q & a", "q and a", "qna", "replay", "en direct", "en vivo", "en directo", "ao vivo", "trực tiếp",
                 "hỏi đáp", "tanya jawab", "siaran langsung", "questions réponses", "preguntas y respuestas",
                 "perguntas e respostas"],
    "Duet / Stitch / UGC": ["#duet", "#stitch", "#dueto", "#duetos", "duet with", "stitch with", "duet this", "stitch this",
                            "#duetwith...", "#stitchwith...", "ugc", "user generated", "reposting our community",
                            "repost..."],
    "Collab": ["#ad", "#partner", "#collab", "collab", "colab", "collabs", "collaboration", "paid partnership", "with @...",
               "sponsored", "partenariat", "en collaboration avec", "colaboración", "parceria", "#publi",
               "hợp tác", "kolaborasi"],
    "Tutorial": ["how to", "tutorial", "tutorials", "tuto", "tutoriel", "tip", "tips", "step by step",
                 "recipe", "astuce", "astuces", "comment faire", "recette", "cómo hacer", "cómo preparar",
                 "paso a paso", "trucos", "receta", "como fazer", "como preparar", "passo a passo", "dicas",
                 "receita", "hướng dẫn", "cách làm", "cách pha", "cách dùng", "cách chọn", "cách đánh",
                 "cách nấu", "cách ủ", "cách xay", "cách rang", "cách bảo quản", "mẹo", "công thức",
                 "cara membuat", "cara bikin", "cara buat", "cara pakai", "cara seduh", "resep"],
    "Behind the scenes": ["behind the scenes", "bts", "making of", "a day in the life", "day in the life",
                          "une journée dans la vie", "un día en la vida", "um dia na vida", "một ngày làm",
                          "coulisses", "detrás de cámaras", "detrás de cámara", "detrás de escena",
                          "bastidores", "hậu trường", "di balik layar"],
    "Storytelling": ["our story", "story time", "storytime", "journey", "notre histoire", "histoire",
                     "historia", "câu chuyện", "hành trình", "kisah", "cerita"],
    "Product": ["new", "#newproduct", "#newarrival", "new arrival", "launch", "launching", "review",
                "unboxing", "available now", "nouveau", "nouveauté", "lanzamiento", "nuevo", "novedad",
                "lançamento", "novidade", "ra mắt", "sản phẩm mới", "produk baru", "peluncuran"],
}

# Loose names a marketer may type in a file's format column, beyond the format names and rule words.
_ALIASES: dict[str, str] = {
    "tutorials": "Tutorial", "challenges": "Challenge", "qa": "LIVE Q&A", "lives": "LIVE Q&A",
    "game": "Mini game", "games": "Mini game", "minigames": "Mini game", "giveaways": "Mini game",
    "story": "Storytelling", "stories": "Storytelling", "behindthescene": "Behind the scenes",
    "duet": "Duet / Stitch / UGC", "stitch": "Duet / Stitch / UGC", "duetstitch": "Duet / Stitch / UGC",
    "usergeneratedcontent": "Duet / Stitch / UGC", "collabs": "Collab", "partnership": "Collab",
    "products": "Product", "productlaunch": "Product",
}
# fmt: on


# ---------------------------------------------------------------- text matching


@cache
def _word() -> str:
    """A regex class for one character of a word: letters, digits, _ and combining marks (Thai, Hindi)."""
    marks = [c for c in range(0x10000) if unicodedata.category(chr(c))[0] == "M"]
    ranges, first = [], marks[0]
    for previous, current in zip(marks, [*marks[1:], -1], strict=True):
        if current != previous + 1:
            ranges.append(f"\\u{first:04x}" + (f"-\\u{previous:04x}" if previous > first else ""))
            first = current
    return "[\\w" + "".join(ranges) + "]"


def _bare(char: str) -> str:
    stripped = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return "d" if stripped == "đ" else stripped


@cache
def _accented() -> dict[str, str]:
    """Bare letter -> every accented lower-case letter built on it (é, è, ê, ế, ệ ... for e)."""
    variants: dict[str, str] = {"d": "đ"}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        folded = chr(code).casefold()
        bare = _bare(folded)
        if len(folded) == 1 and len(bare) == 1 and bare != folded and folded not in variants.get(bare, ""):
            variants[bare] = variants.get(bare, "") + folded
    return variants


def _char_regex(char: str) -> str:
    bare = _bare(char)
    if len(bare) != 1 or not bare.isalpha():
        return re.escape(char)
    if bare != char:  # an accented pattern letter: that accent, or none
        return f"[{bare}{char}]"
    return f"[{char}{_accented()[char]}]" if char in _accented() else re.escape(char)


def _pattern_regex(pattern: str) -> str | None:
    text = unicodedata.normalize("NFC", pattern).casefold().strip()
    if not text:
        return None
    word = _word()
    parts: list[str | None] = []
    for token in re.split(r"(\.\.\.|[\s\-_]+)", text):
        if token == "...":
            parts.append(f"(?:{word}|\\.(?={word}))*")
        elif token and not token.strip(" \t\n-_"):
            parts.append(None)  # a space between words
        elif token:
            parts.append("".join(_char_regex(char) for char in token))
    spaced = "".join(r"[\s\-_]+" if part is None else part for part in parts)
    if None not in parts:
        return spaced
    # Glued words only in a hashtag ("#howto"): in running text "tudo" is no "từ đó", "comodo" no "cómo dó".
    glued = "".join(r"[\-_]?" if part is None else part for part in parts)
    return f"(?:{spaced}|(?<=#){glued})"


@cache
def _compiled(frozen: _Frozen) -> list[tuple[str, re.Pattern[str]]]:
    compiled = []
    for name, patterns in frozen:
        # Longest pattern first, so "jeu concours" is quoted rather than "jeu" at the same spot.
        regexes = [r for p in sorted(patterns, key=len, reverse=True) if (r := _pattern_regex(p))]
        if regexes:
            # Whole words: the boundaries sit outside the alternation, checked once per position (13x faster).
            compiled.append((name, re.compile(f"(?<!{_word()})(?:{'|'.join(regexes)})(?!{_word()})")))
    return compiled


def _freeze(rules: Rules) -> _Frozen:
    return tuple((str(name), tuple(str(p) for p in patterns or ())) for name, patterns in rules.items())


def _fold(caption: str) -> tuple[str, str, list[int]]:
    """The caption as shown (NFC), case-folded, and where each folded character came from."""
    shown = unicodedata.normalize("NFC", caption)
    folded, origin = [], []
    for index, char in enumerate(shown):
        for part in char.casefold():
            folded.append(part)
            origin.append(index)
    return shown, "".join(folded), origin


# ---------------------------------------------------------------- words that only look like a format
#
# A rule word is not always its format: "live music" is no broadcast, "Happy New Year" no new product, "it
# was a challenge to..." no challenge for the audience. These checks look at each match of the LIVE Q&A,
# Product, Challenge and Mini game rules in the caption folded to bare lower-case letters ("Trực tiếp" ->
# "truc tiep"), so a caption typed without accents is read the same. A match they turn down lets the next
# match of that format, then the next format, have its turn. Words a marketer adds to these formats are
# taken as they are.


def _set(spec: str) -> frozenset[str]:
    return frozenset(" ".join(word.split()) for word in spec.split(",") if word.strip())


def _phrase_regex(spec: str) -> re.Pattern[str]:
    phrases = sorted(_set(spec), key=len, reverse=True)
    return re.compile(
        r"(?<![\w&])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?![\w&])"
    )


_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_TIME = re.compile(  # 8pm, 20h, 20:00, 19.00 WIB, 8 giờ; "at 8", "a las 8", "lúc 8", "jam 7"
    r"(?<![\w.,])(?:\d{1,2}(?:[:.h]\d{2}|\s?(?:am|pm|h|hs|hrs?|gio|g|wib|wita|wit)(?!\w))"
    r"|(?:at|a las|luc|jam|pukul)\s+\d{1,2}(?![\d%.,]|\s?(?:%|k|ml|kg|g|d)(?!\w)))"
)
# fmt: off
_BROADCAST_CUES = _phrase_regex(  # a day or a moment: the LIVE is announced, or was yesterday's
    "tonight, today, tomorrow, now, right now, yesterday, last night, this morning, this afternoon, this evening, "
    "this weekend, monday, tuesday, wednesday, thursday, friday, saturday, sunday, in 5 minutes, in 10 minutes, "
    "ce soir, aujourd'hui, demain, maintenant, hier, hier soir, lundi, mardi, mercredi, jeudi, vendredi, samedi, "
    "dimanche, ce week-end, esta noche, hoy, manana, ahora, ayer, anoche, lunes, martes, miercoles, jueves, "
    "viernes, sabado, domingo, hoje, amanha, agora, ontem, esta noite, segunda, terca, quarta, quinta, sexta, "
    "toi nay, hom nay, ngay mai, mai, toi mai, bay gio, hom qua, toi qua, chu nhat, thu hai, thu ba, thu tu, thu nam, "
    "thu sau, thu bay, thu 2, thu 3, thu 4, thu 5, thu 6, thu 7, cuoi tuan, malam ini, hari ini, besok, "
    "sekarang, kemarin, tadi malam, semalam, nanti malam, senin, selasa, rabu, kamis, jumat, sabtu, hari minggu, "
    # an invitation to join
    "join, tune in, come, hop on, don't miss, dont miss, see you, set a reminder, rejoignez, rejoins, venez, "
    "ne ratez pas, on vous attend, rendez-vous, rdv, unete, conectate, acompananos, no te pierdas, "
    "no te lo pierdas, te esperamos, vem, venha, entra, nao perca, te espero, bora, tham gia, vao xem, "
    "dung bo lo, hen gap, gabung, ikuti, yuk, mampir, jangan lupa, nonton, "
    # a replay or an excerpt of one
    "replay, rediff, rediffusion, extrait, repeticion, xem lai, trich doan, tonton ulang, if you missed, "
    "last week, tuan truoc, semaine derniere, semana pasada, semana passada, minggu lalu, kemaren, kmrn, "
    "cuplikan, trecho, clip from, cat tu, best moment, meilleur moment, melhor momento, mejor momento, "
    "pinned, epingle, epinglee, fijado, fijada, fixado, fixada, ghim, dipin, di pin, "
    # soon
    "ahorita, agorinha, daqui a pouco, daqui a, en un rato, dans un instant, sebentar lagi, bentar lagi, lat nua, "
    # questions from the audience
    "q&a, qna, q & a, faq, question, questions, ask, ask me, ama, answer, answers, answered, hoi dap, cau hoi, "
    "giai dap, tra loi, pregunta, preguntas, preguntanos, preguntenos, preguntennos, pregunten, pergunta, "
    "perguntas, pergunte, perguntem, posez, demandez, tanya, "
    # a selling LIVE (live shopping): TikTok Shop's yellow basket, clearance, closing orders on air
    "live shopping, shopping, live sale, flash sale, xa kho, chot don, san sale, keranjang kuning, keranjang, "
    "checkout, jualan, ban hang, vendas, ventas, vente, "
    # the platform itself
    "tiktok, tiktoklive"
)
_BROADCAST_WORDS = _set(  # these say "broadcast" by themselves
    "livestream, livestreaming, live stream, live streaming, tiktoklive, q&a, q & a, q and a, qna, hoi dap, "
    "tanya jawab, questions reponses, preguntas y respuestas, perguntas e respostas"
)
_DIRECTLY = _set("truc tiep, en direct")  # also mean "directly": "mua trực tiếp", "en direct du producteur"
_LIVE_NOUN_BEFORE = _set(  # "our live", "buổi trực tiếp": the word is the broadcast itself
    "my, our, mon, ma, notre, nos, du, ce, mi, nuestro, nuestra, meu, minha, nossa, nosso, da, na, buoi, phien, "
    "len, phat, xem, "
    # happening now: "đang live", "lagi live", "estamos en vivo", "we're live"
    "dang, lagi, sedang, we're, estamos, estoy, estou, i'm"
)
_NOT_BROADCAST_NOUNS = _set(  # live music, música en vivo, nhạc live, the live tracker, live score
    "music, musique, musica, musik, nhac, band, banda, concert, concerts, concierto, show, shows, spectacle, "
    "performance, acoustic, acoustique, acustico, acustica, dj, karaoke, album, jazz, gig, map, maps, carte, "
    "mapa, peta, tracker, tracking, suivi, rastreo, rastreador, rastreamento, score, scores, marcador, placar, "
    "skor, feed, cam, webcam, camera, chat, action, photo, photos, wallpaper, "
    # music genres: samba ao vivo, salsa en vivo, dangdut live
    "samba, pagode, forro, sertanejo, mpb, bossa, fado, rock, blues, reggae, salsa, cumbia, mariachi, "
    "tango, chanson, dangdut, keroncong, bolero, hip hop, rap, "
    # sport on a screen: bóng đá trực tiếp, partido en vivo, nobar bola live
    "match, matches, football, soccer, futbol, partido, partidos, jogo, jogos, bola, bong, nobar, sport, sports, "
    "the thao, olahraga, liga, league, cup, copa, coupe, f1, "
    # things that are alive or happen in the room: live plants, live seafood, live cooking station, live painting
    "plant, plants, seafood, lobster, lobsters, crab, crabs, oyster, oysters, fish, culture, cultures, "
    "probiotic, probiotics, edge, demo, painting, cooking, kitchen, counter, station, entertainment, animation, "
    "screening, podcast, "
    # instruments and evenings of them: violão ao vivo, live guitar, open mic
    "guitar, guitars, guitarra, violao, violon, violin, piano, sax, saxophone, drums, bateria, trumpet, cello, "
    "open mic, sarau, poetry, poesia, poesie, choir, orchestra, choro, roda, seresta, akustik, akustikan, tampil, "
    "manggung, perform, performing, toca, tocando, "
    # a final shown on a screen: xem trực tiếp chung kết, la final en vivo
    "chung ket, bong da, final, finals, finale, semifinal, derby, world cup, euro, aff"
)
_IN_PERSON = _phrase_regex(  # "catch us live at the coffee festival": in person, not on TikTok
    "festival, festivals, fair, expo, booth, pop-up, popup, feria, feira, bazar, bazaar, pameran, hoi cho, "
    "atelier, workshop, tour, masterclass, park, parque, taman, cong vien, parc"
)
_PER_PERSON = re.compile(
    r"\d\s?(?:k|rb|€|\$|d|vnd)?\s?(?:/|per |par |por |mỗi |moi )\s?(?:nguoi|pax|orang|person|personne|persona|pessoa|pp|ve)(?!\w)"
)
_ON_AIR = _phrase_regex("fm, radio, tv, television, televisao, truyen hinh, vtv, htv")
_FROM_WORDS = _set("from, desde, depuis, direto, direto de, diretamente, tu, dari")
_OTHER_PLATFORMS = _set(  # a broadcast elsewhere is not a TikTok LIVE
    "youtube, yt, instagram, insta, ig, facebook, fb, twitch, zoom, spotify, shopee, lazada, tokopedia, tv, "
    "television, televisao, radio, fm, premiere, premieres, premiered, estreno, estrena, estreia, cong chieu, tayang"
)
_LIVE_VERB_BEFORE = _set(  # "we live in", "to live well": the verb
    "i, we, you, they, to, who, people, where, can, can't, cant, will, gonna, wanna, let's, lets, long, must, "
    "should, could, would"
)
_LIVE_VERB_AFTER = _set("your, my, our, their, his, her, life, laugh, well, fully, forever, longer, like, happily, it")
_AVAILABLE_THINGS = _set(  # "the menu is now live", "pre-orders go live Monday": available, not broadcast
    "website, site, shop, store, boutique, sale, sales, preorder, preorders, order, orders, menu, collection, "
    "drop, app, page, link, offer, offers, deal, deals, promo, discount, code, campaign, booking, bookings, "
    "reservation, reservations, ticket, tickets, registration, listing, product, products, restock, waitlist, "
    "web, online, soldes, tienda, loja, toko, shopee, lazada, tokopedia, "
    "class, classes, course, courses, schedule, timetable, episode, playlist, season, edition, update, version, "
    "feature, presale, vote, voting, poll, form, survey, signup, signups, application, applications, website's"
)
_ON = _set("on, in, tren, sur, di, en, no, na, em")  # "live on the website", "live trên website", "udah live di web"
_AVAILABLE_VERBS = _set("is, are, goes, go, going, went, now, be, officially, da, udah, sudah, sont, est, esta, ja, ya")
_DIRECT_VERBS = _set(  # "mua trực tiếp", "liên hệ trực tiếp", "livraison en direct": directly
    "mua, ban, giao, lien he, nhan, gui, den, tu, tai, goi, inbox, ib, nhap, achat, achetez, acheter, vente, vendu, "
    "livraison, livre, livres, livree, commandez, commander, importe, producteur"
)
_SCREENS = _phrase_regex(  # a match or a final shown at the venue
    "big screen, big screens, giant screen, on our screens, pantalla, pantallas, pantalla gigante, telao, "
    "ecran geant, grand ecran, layar lebar, layar besar, layar gede, man hinh lon, world cup, copa do mundo, "
    "copa del mundo, coupe du monde, piala dunia, clasico, classico, derby, nobar"
)
_YEARS_AGO = re.compile(  # "our first TikTok live in 2021": a memory ("last night's live" is still a replay)
    r"(?<!\w)(?:(?:in|en|em|nam|tahun|since|desde|depuis|back in)\s+(?:19|20)\d\d|\d+ years? ago|years ago|"
    r"il y a \d+ ans|hace \d+ anos|ha \d+ anos|\d+ nam truoc|\d+ tahun (?:yang )?lalu)(?!\w)"
)
_MEET_VERBS = _set(  # "conhecer ao vivo", "meet us live": in person
    "meet, conhecer, conheca, conhece, conocer, conocerte, conocernos, conozcan, rencontrer, rencontrez, gap, "
    "ketemu, bertemu, ketemuan"
)
_CALENDAR_NOUNS = _set(  # "Happy New Year", "Año Nuevo", "new week": a date, not a product
    "year, years, year's, yr, week, day, month, morning, decade, beginning, beginnings, normal, york, me, "
    "ano, anos, mes, dia, semana, annee, mois, jour, semaine"
)
_NOT_NEW_BEFORE = _set("happy, ano, de, a, bonne")  # "de nuevo", "à nouveau": again
_NEW_WORDS = _set("new, nuevo, nouveau")
_CHALLENGE_WORDS = _set("challenge, defi, reto, desafio, thu thach, thach dau, tantangan")
_LOOSE_CHALLENGE_BEFORE = _set(  # "a real challenge", "todo un reto": a difficulty
    "quite, such, real, big, bigger, biggest, huge, true, tough, major, constant, mayor, maior, peor, pior, vrai, vraie, veritable, grand, "
    "gros, sacre, gran, grande, verdadero, verdadera, verdadeiro, verdadeira, todo, enorme, adalah, jadi, menjadi, "
    "merupakan"
)
_COPULAS = _set("is, was, be, been, it's, its, c'est, est, etait, sera, es, fue, era, e, foi, la, qua")
_ARTICLES = _set("a, an, the, un, une, le, una, el, um, uma, o, mot, sebuah")
_LOOSE_CHALLENGE_AFTER = _set("tersendiri, besar, terbesar, berat, lon, kho")
_GIVEAWAY_WORDS = _set(
    "giveaway, giveaways, give away, sorteo, sorteio, tang qua, undian, trung thuong, concours, jeu concours, "
    "concurso, contest"
)
# fmt: on


def _bare_text(folded: str) -> str:
    """The folded caption without accents, one character for one ("trực tiếp" -> "truc tiep")."""
    return "".join("'" if char == "’" else bare if len(bare := _bare(char)) == 1 else char for char in folded)


def _tokens_before(text: str, start: int, count: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, 0, start))[-count:]


def _tokens_after(text: str, end: int, count: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, end))[:count]


def _words(tokens: list[re.Match[str]]) -> list[str]:
    return [token.group() for token in tokens]


Quote = Callable[[int, int], str]  # span of the folded caption -> the caption's own words
Verdict = tuple[bool, Reason | None]  # (counts, note for the reason)


def _elsewhere(text: str, start: int, end: int, quote: Quote) -> Reason | None:
    """Why a broadcast word is about another platform ("premieres LIVE on YouTube") or a place ("live at the
    coffee festival"), or None."""
    before, after = _tokens_before(text, start, 6), _tokens_after(text, end, 6)
    nearby = {token.group() for token in [*before, *after]}
    if nearby & {"tiktok", "tiktoklive"}:
        return None
    platforms = [t for t in [*before, *after] if t.group() in _OTHER_PLATFORMS]
    if ticket := _PER_PERSON.search(text):  # a price per person is a ticket: TikTok LIVEs are free to watch
        return reason(
            N_('("{words}" is a ticket to come in person, not a TikTok LIVE)'),
            words=quote(ticket.start(), ticket.end()),
        )
    if not platforms and (on_air := _ON_AIR.search(text)):  # a radio or TV spot, anywhere in the caption
        return reason(N_('("{words}" is not a TikTok LIVE)'), words=quote(on_air.start(), on_air.end()))
    if platforms:
        first, last = min(start, platforms[0].start()), max(end, platforms[-1].end())
        return reason(N_('("{words}" is not a TikTok LIVE)'), words=quote(first, last))
    place = _IN_PERSON.search(text, end, after[-1].end()) if after else None
    broadcast_from = _FROM_WORDS & set(_words(after[:2]))  # "en directo desde la feria"
    if place and not broadcast_from:
        return reason(N_('("{words}" is in person, not a TikTok LIVE)'), words=quote(start, place.end()))
    return None


def _not_on_air(text: str, start: int, end: int, quote: Quote) -> Reason | None:
    """Why a LIVE word next to this one is no broadcast: live music, a match shown live, live seafood, meeting
    in person ("conhecer ao vivo"), or None."""
    before, after = _tokens_before(text, start, 2), _tokens_after(text, end, 2)
    for tokens in (before, after):
        for index in range(len(tokens)):
            for size in (2, 1):
                phrase = tokens[index : index + size]
                if len(phrase) == size and " ".join(_words(phrase)) in _NOT_BROADCAST_NOUNS:
                    first, last = min(start, phrase[0].start()), max(end, phrase[-1].end())
                    return reason(N_('("{words}" is not a TikTok LIVE)'), words=quote(first, last))
    if meet := next((t for t in _tokens_before(text, start, 3) if t.group() in _MEET_VERBS), None):
        return reason(N_('("{words}" means in person, not a TikTok LIVE)'), words=quote(meet.start(), end))
    if (screen := _SCREENS.search(text)) and "tiktok" not in text:
        first, last = min(start, screen.start()), max(end, screen.end())
        return reason(N_('("{words}" is shown on a screen, not a TikTok LIVE)'), words=quote(first, last))
    return None


def _live_verdict(text: str, start: int, end: int, quote: Quote) -> Verdict:
    """Does this LIVE word announce, invite to or replay a TikTok LIVE?"""
    word = " ".join(re.sub(r"[-_#]", " ", text[start:end]).split())
    said = quote(start, end)
    before, after = _tokens_before(text, start, 6), _tokens_after(text, end, 6)
    if note := _elsewhere(text, start, end, quote):
        return False, note
    if word in _BROADCAST_WORDS:
        return True, None
    if word not in {"live", "en vivo", "en directo", "ao vivo", "siaran langsung", "replay", *_DIRECTLY}:
        return True, None  # a word the marketer added to the rules
    if note := _not_on_air(text, start, end, quote):
        return False, note
    if when := _YEARS_AGO.search(text, max(0, start - 40), min(len(text), end + 40)):
        first, last = min(start, when.start()), max(end, when.end())
        return False, reason(
            N_('("{words}" is a LIVE told as a memory, not one announced)'), words=quote(first, last)
        )
    previous = before[-1] if before else None
    if word == "live":
        following = _words(after[:2])
        is_verb = (previous and previous.group() in _LIVE_VERB_BEFORE) or (
            following
            and (
                following[0] in _LIVE_VERB_AFTER
                or (following[0] == "for" and not (following[1:] and following[1][0].isdigit()))
            )
        )
        if is_verb:
            first = previous.start() if previous and previous.group() in _LIVE_VERB_BEFORE else start
            last = end if first < start else after[0].end()
            return False, reason(N_('("{words}" is the verb, not a TikTok LIVE)'), words=quote(first, last))
        lead = _words(before[-4:])
        if any(w.removesuffix("'s") in _AVAILABLE_THINGS for w in lead[:-1]) and lead[-1] in _AVAILABLE_VERBS:
            thing = next(t for t in before[-4:] if t.group().removesuffix("'s") in _AVAILABLE_THINGS)
            return False, reason(
                N_('("{words}" means available, not a TikTok LIVE)'), words=quote(thing.start(), end)
            )
        where = after[:3]  # "now live on our app", "live on the website"
        if where and where[0].group() in _ON and any(t.group() in _AVAILABLE_THINGS for t in where[1:]):
            thing = next(t for t in where[1:] if t.group() in _AVAILABLE_THINGS)
            return False, reason(
                N_('("{words}" means available, not a TikTok LIVE)'), words=quote(start, thing.end())
            )
    if word in _DIRECTLY:
        # "mua trực tiếp", "liên hệ trực tiếp", "giao hàng trực tiếp": buying, delivering or contacting directly
        last_two = before[-2:]
        verb = next(
            (
                token
                for index, token in enumerate(last_two)
                if token.group() in _DIRECT_VERBS or " ".join(_words(last_two[index:])) in _DIRECT_VERBS
            ),
            None,
        )
        if verb:
            return False, reason(
                N_('("{words}" means "directly", not a TikTok LIVE)'), words=quote(verb.start(), end)
            )
        window = (
            before[-2:][0].start() if before else start,
            after[2].end() if len(after) > 2 else len(text),
        )
        if not (previous and previous.group() in _LIVE_NOUN_BEFORE):
            near = text[window[0] : start] + " " * (end - start) + text[end : window[1]]
            cue = _TIME.search(near) or _BROADCAST_CUES.search(near)
            if not cue:
                return False, reason(
                    N_('("{words}" can mean "directly": it counts with a time or a day next to it)'),
                    words=said,
                )
            return True, reason(
                N_('with "{words}"'), words=quote(window[0] + cue.start(), window[0] + cue.end())
            )
    if previous and previous.group() in _LIVE_NOUN_BEFORE:
        return True, reason(N_('in "{words}"'), words=quote(previous.start(), end))
    rest = text[:start] + " " * (end - start) + text[end:]  # the word itself is not its own cue
    if cue := _TIME.search(rest) or _BROADCAST_CUES.search(rest):
        return True, reason(N_('with "{words}"'), words=quote(*cue.span()))
    return False, reason(
        N_('("{words}" with no time, day, "join", "replay" or Q&A is not a TikTok LIVE)'), words=said
    )


def _product_verdict(text: str, start: int, end: int, quote: Quote) -> Verdict:
    """Is this "new" a new product, or a date ("Happy New Year") or "again" ("de nuevo")?"""
    if text[start:end] not in _NEW_WORDS:
        return True, None
    before, after = _tokens_before(text, start, 1), _tokens_after(text, end, 1)
    first = before[0].start() if before and before[0].group() in _NOT_NEW_BEFORE else start
    last = after[0].end() if after and after[0].group() in _CALENDAR_NOUNS else end
    if (first, last) == (start, end):
        return True, None
    return False, reason(N_('("{words}" is not a new product)'), words=quote(first, last))


def _challenge_verdict(text: str, start: int, end: int, quote: Quote) -> Verdict:
    """Is this a challenge for the audience, or a difficulty ("it was a challenge to...")?"""
    if (
        text[start] == "#"
        or (start and text[start - 1] == "#")
        or " ".join(text[start:end].split()) not in _CHALLENGE_WORDS
    ):
        return True, None
    before, after = _words(_tokens_before(text, start, 2)), _words(_tokens_after(text, end, 1))
    loose = (
        (before and before[-1] in _LOOSE_CHALLENGE_BEFORE)
        or (len(before) == 2 and before[0] in _LOOSE_CHALLENGE_BEFORE | _COPULAS and before[1] in _ARTICLES)
        or (after and after[0] in _LOOSE_CHALLENGE_AFTER)
    )
    if loose:
        first = _tokens_before(text, start, 2)[0].start() if before else start
        last = _tokens_after(text, end, 1)[0].end() if after and after[0] in _LOOSE_CHALLENGE_AFTER else end
        return False, reason(
            N_('("{words}" is a difficulty, not a challenge to take)'), words=quote(first, last)
        )
    return True, None


_DUET_WORDS = _set("duet, stitch, dueto, duo")


def _tutorial_verdict(text: str, start: int, end: int, quote: Quote) -> Verdict:
    """ "hướng dẫn viên" is a tour guide, not a how-to."""
    after = _tokens_after(text, end, 1)
    if text[start:end] == "huong dan" and after and after[0].group() == "vien":
        return False, reason(N_('("{words}" is a guide, not a how-to)'), words=quote(start, after[0].end()))
    return True, None


def _collab_verdict(text: str, start: int, end: int, quote: Quote) -> Verdict:
    """ "#stitch with @x", "duet with @x": the handle is whom the video duets or stitches, not a partner."""
    if "@" not in text[start:end]:
        return True, None
    before = _tokens_before(text, start, 2)
    if any(token.group() in _DUET_WORDS for token in before):
        return False, reason(
            N_('("{words}" is a duet or stitch, not a collab)'), words=quote(before[0].start(), end)
        )
    return True, None


def _mini_game_verdict(text: str, start: int, end: int, quote: Quote) -> Verdict:
    """A giveaway (a prize draw) is counted as a Mini game, and the reason says so."""
    word = " ".join(re.sub(r"[-_#]", " ", text[start:end]).split())
    return True, Reason(N_("(a giveaway, counted as a Mini game)")) if word in _GIVEAWAY_WORDS else None


_VERDICTS: dict[str, Callable[[str, int, int, Quote], Verdict]] = {
    "LIVE Q&A": _live_verdict,
    "Product": _product_verdict,
    "Challenge": _challenge_verdict,
    "Mini game": _mini_game_verdict,
    "Collab": _collab_verdict,
    "Tutorial": _tutorial_verdict,
}


CONFIDENCES = ("sure", "likely", "guess")
NAME_WEIGHT = 3  # a caption rule word names its format
LIVE = "LIVE Q&A"


@dataclass(frozen=True)
class Classification:
    """A video's format from its caption, how sure the rules are (sure / likely / guess), and why."""

    format: str
    confidence: str  # "Other" is a guess: the caption gives nothing to go on
    why: Reason  # worded in the reader's language with why.text()

    @property
    def reason(self) -> str:
        """The reason in English, as stored and written to the command line's videos.csv."""
        return self.why.english()


def classify_caption(caption: str | None, rules: Rules = DEFAULT_RULES) -> tuple[str, str]:
    """Which format does this caption look like, and why? (format, reason); see `classify`."""
    found = classify(caption, rules)
    return found.format, found.reason


def classify(caption: str | None, rules: Rules = DEFAULT_RULES) -> Classification:
    """Which format does this caption look like, how sure is that, and why?

    Evidence, per format: a caption rule word names the format (weight 3); a hint suggests it (weight
    1 to 3, analytics.format_hints): words ("save this for later"), a price, "A x B", "with @creator".
    Each format adds up its evidence (its rule words count once, each group of hints once) and the
    highest total wins; a tie goes to the format first in the rules' order. Sure: the winner is named
    and no other format comes within 2; likely: it totals 2 or more and leads; guess: anything less.
    "Other" is for a caption with no evidence at all.
    """
    if caption is None or not str(caption).strip():
        return Classification("Other", "guess", NO_CAPTION)
    return _classify(str(caption), _freeze(rules))


Evidence = tuple[str, int, str, Reason | None]  # format, weight, the caption's words, why (may be None)
NO_CAPTION = Reason(N_("no caption"))


def _bracketed(why: str) -> Reason:
    """A hint's why, in brackets after the caption's words: '"save this" (to save and follow later)'."""
    return reason(N_("({why})"), why=Reason(why))


@lru_cache(maxsize=100_000)  # a page reruns on every click; the captions do not change
def _classify(caption: str, frozen: _Frozen) -> Classification:
    shown, folded, origin = _fold(caption)
    text = _bare_text(folded)

    def quote(start: int, end: int) -> str:
        return shown[origin[start] : origin[end - 1] + 1]

    # Hashtags written as several words (#DefiPilates, #TipsTuesday) are read as their words too, after
    # the caption; a word found there quotes the whole hashtag.
    split = _split_hashtags(shown)
    if split:
        more_shown, more_folded, more_origin = _fold(split[0])
        hashtag_of = split[1]
        base = len(folded)
        folded, text = folded + " " + more_folded, text + " " + _bare_text(more_folded)
        origin = [*origin, origin[-1], *(len(shown) + i for i in more_origin)]

        def quote(start: int, end: int) -> str:
            if start > base:
                first, last = hashtag_of[more_origin[start - base - 1]]
                return shown[first:last]
            return shown[origin[start] : origin[min(end, base) - 1] + 1]

    evidence, turned_down = _named(folded, text, quote, frozen)
    evidence += _compounds(shown, frozen, {name for name, *_ in evidence})
    evidence += _typos(text, quote, frozen, {name for name, *_ in evidence})
    evidence += _hinted(folded, text, quote)
    evidence += [(name, weight, words, _bracketed(why)) for name, weight, words, why in signals.find(shown)]
    # Hints only find the formats the rules look for: a format whose words the marketer emptied is left alone.
    wanted = {name for name, patterns in frozen if patterns}
    evidence = _distinct([item for item in evidence if item[0] in wanted])
    if not evidence:
        if turned_down:
            return Classification("Other", "guess", reason(N_("no rule matched {note}"), note=turned_down[0]))
        return Classification("Other", "guess", Reason(N_("no rule matched")))
    order = {name: index for index, name in reversed(list(enumerate([*(n for n, _ in frozen), *FORMATS])))}
    # Hints together count at most as much as a name: a price, a capitalised name and "in stock" make a
    # Product as likely as the word "launch" does, not more likely than "#ad" makes a Collab.
    names: dict[str, int] = {}
    hints: dict[str, int] = {}
    for name, weight, *_ in evidence:
        if weight >= NAME_WEIGHT:
            names[name] = max(names.get(name, 0), weight)
        else:
            hints[name] = hints.get(name, 0) + weight
    totals = {name: names.get(name, 0) + min(hints.get(name, 0), NAME_WEIGHT) for name in {*names, *hints}}
    ranked = sorted(totals, key=lambda name: (-totals[name], order.get(name, len(order))))
    best, runner_up = ranked[0], (totals[ranked[1]] if len(ranked) > 1 else 0)
    named = any(weight == NAME_WEIGHT for name, weight, *_ in evidence if name == best)
    if named and totals[best] - runner_up >= 2:
        confidence = "sure"
    elif totals[best] >= 2 and totals[best] > runner_up:
        confidence = "likely"
    else:
        confidence = "guess"
    return Classification(best, confidence, _reason(best, ranked[1:], evidence))


def _distinct(evidence: list[Evidence]) -> list[Evidence]:
    """The evidence without repeats: the same words found twice for one format ("with @x" as a rule word and
    as a creator) count once, at their first (heaviest) finding."""
    kept: list[Evidence] = []
    for item in evidence:
        if not any(item[0] == other[0] and item[2] in other[2] for other in kept):
            kept.append(item)
    return kept


def _reason(best: str, others: list[str], evidence: list[Evidence]) -> Reason:
    said = [
        reason(N_('"{words}" {why}'), words=words, why=why) if why else reason(N_('"{words}"'), words=words)
        for name, _, words, why in evidence
        if name == best
    ]
    matched = reason(N_("matched {words}"), words=joined(said, N_("{first} and {second}")))
    if not others:
        return matched
    first = {name: words for name, _, words, _ in reversed(evidence)}
    also = joined(
        [reason(N_('{format} ("{words}")'), format=format_name(name), words=first[name]) for name in others],
        N_("{first}, {second}"),
    )
    if len(others) == 1:
        return reason(N_("{matched}; also matched {also}, which ranks lower"), matched=matched, also=also)
    return reason(N_("{matched}; also matched {also}, which rank lower"), matched=matched, also=also)


def _named(folded: str, text: str, quote: Quote, frozen: _Frozen) -> tuple[list[Evidence], list[Reason]]:
    """The rule words in the caption, one per format (its leftmost that counts), and the notes of the
    words turned down ("live music" is not a LIVE)."""
    evidence: list[Evidence] = []
    turned_down: list[Reason] = []
    for name, regex in _compiled(frozen):
        verdict = _VERDICTS.get(name)
        for found in regex.finditer(folded):
            start, end = found.span()
            if start > 0 and folded[start - 1] == "#" and folded[start] != "#":
                start -= 1  # quote "#challenge", not "challenge", when the word was a hashtag
            counts, note = verdict(text, start, end, quote) if verdict else (True, None)
            if counts:
                # "new" alone says less than "launch" or "new arrival": "the new Tree of Life", "our new barista".
                weight = NAME_WEIGHT - 1 if text[start:end] in _NEW_WORDS else NAME_WEIGHT
                evidence.append((name, weight, quote(start, end), note))
                break
            if note:
                turned_down.append(note)
    return evidence, turned_down


def _hinted(folded: str, text: str, quote: Quote) -> list[Evidence]:
    """The hints in the caption: each group of words once, at its leftmost match that counts. A hint of a
    LIVE is turned down, as a LIVE word is, about another platform, a place or a match on a screen."""
    evidence: list[Evidence] = []
    for group, regex in _hint_regexes():
        for found in regex.finditer(folded):
            start, end = found.span()
            weight = group.weight
            if group.format == LIVE:
                if _elsewhere(text, start, end, quote) or _not_on_air(text, start, end, quote):
                    continue
                # A broadcast hint with a time or a day ("lên sóng 8h tối thứ 6") announces one, as "live" does.
                rest = text[:start] + " " * (end - start) + text[end:]
                if _TIME.search(rest) or _BROADCAST_CUES.search(rest):
                    weight = NAME_WEIGHT
            evidence.append((group.format, weight, quote(start, end), _bracketed(group.why)))
            break
    return evidence


@cache
def _hint_regexes() -> list[tuple[Hint, re.Pattern[str]]]:
    word = _word()
    compiled = []
    for group in all_hints():
        regexes = [r for p in sorted(group.words, key=len, reverse=True) if (r := _pattern_regex(p))]
        if regexes:
            compiled.append((group, re.compile(f"(?<!{word})(?:{'|'.join(regexes)})(?!{word})")))
    return compiled


_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"[A-ZÀ-Ỹ]?[a-zà-ỹ]+|[A-ZÀ-Ỹ]+(?![a-zà-ỹ])|\d+")


def _split_hashtags(shown: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The words of the caption's CamelCase hashtags ("#DefiPilates" -> "Defi Pilates"), one hashtag a line,
    and for each character of that text the span of its hashtag in the caption."""
    lines, spans = [], []
    for tag in _HASHTAG.finditer(shown):
        parts = _CAMEL.findall(tag.group(1))
        if len(parts) > 1:
            line = " ".join(parts)
            lines.append(line)
            spans += [tag.span()] * (len(line) + 1)
    return ("\n".join(lines), spans) if lines else None


# Rule words not looked for inside a longer hashtag: "#livemusic" and "#liverpool" are no LIVEs.
_NOT_IN_COMPOUNDS = frozenset(
    {"live", "replay", "en direct", "en vivo", "ao vivo", "trực tiếp", "new", "nuevo"}
)


@cache
def _compound_words(frozen: _Frozen) -> list[tuple[str, str]]:
    """(format, bare word) for each one-word rule of 5 letters or more: found at either end of a hashtag."""
    words = []
    for name, patterns in frozen:
        for pattern in patterns:
            word = _bare_text(unicodedata.normalize("NFC", pattern).casefold().strip().lstrip("#"))
            if word.isalpha() and len(word) >= 5 and word not in _NOT_IN_COMPOUNDS:
                words.append((name, word))
    return words


def _compounds(shown: str, frozen: _Frozen, found: set[str]) -> list[Evidence]:
    """Rule words glued to another word in a hashtag: "#giveawaytime", "#tipsandtricks", "#retolectura"."""
    evidence: list[Evidence] = []
    for tag in _HASHTAG.finditer(shown):
        body = _bare_text(tag.group(1).casefold())
        for name, word in _compound_words(frozen):
            if name not in found and body != word and (body.startswith(word) or body.endswith(word)):
                evidence.append((name, NAME_WEIGHT, tag.group(), None))
                found.add(name)
                break
    return evidence


@cache
def _typo_index(frozen: _Frozen) -> dict[str, tuple[str, str]]:
    """Each one-word rule of 7 letters or more, and each way of dropping one of its letters -> (format, word)."""
    index: dict[str, tuple[str, str]] = {}
    for name, word in _compound_words(frozen):
        if len(word) >= 7:
            for variant in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
                index.setdefault(variant, (name, word))
    return index


def _one_slip(typed: str, meant: str) -> bool:
    """One letter missing, one extra, or two neighbours swapped ("givaway", "tutorrial", "chalelnge"); not one
    letter changed, which is how words of another language differ ("journée" is no "journey")."""
    if len(typed) == len(meant) + 1:
        return not typed.startswith(meant)  # "contestó", "reviews": an ending of another word, not a slip
    if len(typed) == len(meant) - 1:
        return True
    slips = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
    return len(slips) == 2 and slips[1] == slips[0] + 1 and typed[slips[0]] == meant[slips[1]]


def _typos(text: str, quote: Quote, frozen: _Frozen, found: set[str]) -> list[Evidence]:
    """A rule word typed with one letter wrong, missing, extra or swapped ("givaway", "tutoral"): a strong hint."""
    index = _typo_index(frozen)
    evidence: list[Evidence] = []
    for token in re.finditer(r"[a-z]{6,}", text):
        word = token.group()
        if word in index and index[word][1] == word:
            continue  # the word itself, already counted as a rule word
        for variant in (word, *(word[:i] + word[i + 1 :] for i in range(len(word)))):
            if variant in index and index[variant][0] not in found and _one_slip(word, index[variant][1]):
                name, meant = index[variant]
                evidence.append(
                    (name, 2, quote(*token.span()), reason(N_('(read as "{words}")'), words=meant))
                )
                found.add(name)
                break
    return evidence


def _key(text: str) -> str:
    """A name reduced to bare letters and digits: "Mini-Game" and "minigame" share "minigame"."""
    return "".join(_bare(c) for c in unicodedata.normalize("NFC", text).casefold() if c.isalnum())


def normalize_format_name(value: object, rules: Rules = DEFAULT_RULES) -> str | None:
    """Which taxonomy format does this loosely spelled name mean ("mini-game" -> "Mini game")?

    None for an empty value; a name nothing recognises comes back as given (trimmed).
    """
    return _normalize(value, _freeze(rules))


def _normalize(value: object, frozen: _Frozen) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = " ".join(str(value).split())
    return _name_keys(frozen).get(_key(text), text) if text else None


@cache
def _name_keys(frozen: _Frozen) -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, patterns in frozen:
        for pattern in patterns:
            if "..." not in pattern:
                keys.setdefault(_key(pattern), name)
    keys.update(_ALIASES)
    keys.update({_key(name): name for name in [*FORMATS, *(name for name, _ in frozen)]})
    return keys
