"""The words of the Phin & Co. demo brand: captions, comments, handles, LIVE titles.

Kept apart from generate.py so the numbers and the words can be read separately. Every
name and handle is invented. Captions carry the multilingual signals of exactly one
interaction format (see shared/spec/metrics.md), so the app's caption rules can recover
the format when the tracking sheet leaves it empty; `FORMAT_SIGNALS` lists them and
generate.py never writes a caption that shows another format's signal.
"""

from __future__ import annotations

import random
import re

# ---------------------------------------------------------------- captions

DRINKS = {
    "vi": ["cà phê trứng", "bạc xỉu", "cà phê muối", "cà phê cốt dừa", "phin sữa đá", "cold brew Cầu Đất"],
    "fr": ["café trứng", "bạc xỉu", "café au sel", "café coco", "phin glacé", "cold brew de Cầu Đất"],
    "en": ["egg coffee", "bạc xỉu", "salted coffee", "coconut coffee", "iced phin", "Cầu Đất cold brew"],
}

CAPTIONS: dict[str, dict[str, list[str]]] = {
    "Tutorial": {
        "vi": [
            "Cách pha phin tại nhà ☕ chỉ với 3 bước #tutorial",
            "Hướng dẫn làm {drink} chuẩn vị Hà Nội, lưu lại nha 📌 #tutorial",
            "Cách đánh trứng cho cà phê trứng bông mịn, không tanh 🥚",
            "Hướng dẫn chọn hạt: Robusta hay Arabica, pha phin loại nào ngon hơn?",
        ],
        "fr": [
            "Tuto : le café trứng en 3 étapes ☕ #tuto",
            "Astuce de barista : réussir son phin à la maison, sans amertume",
            "Tuto {drink}, facile et rapide ✨ #tuto",
        ],
        "en": [
            "How to brew with a phin at home ☕ step by step #tutorial",
            "3 tips for the perfect {drink} 🤎",
            "Tutorial: {drink}, the Huế way 🧂 #tutorial",
        ],
    },
    "Challenge": {
        "vi": [
            "#PhinChallenge: pha phin bằng một tay, bạn dám thử không? 😂",
            "Thử thách 10 giây đoán vị cà phê ☕ #PhinChallenge",
            "Thử thách pha {drink} trong 60 giây ⏱️ #PhinChallenge",
        ],
        "fr": [
            "Défi : reconnaître 5 cafés les yeux bandés 👀 #PhinChallenge",
            "On vous lance le défi du {drink} maison, à vous ! 💪 #PhinChallenge",
        ],
        "en": [
            "Blind taste challenge: Robusta or Arabica? #PhinChallenge",
            "Our baristas vs. the 60-second phin challenge ⏱️ #PhinChallenge",
        ],
    },
    "LIVE Q&A": {
        "vi": [
            "Replay live Q&A: hỏi gì đáp nấy về cà phê phin 🎙️",
            "Trích đoạn buổi trực tiếp hôm qua, cảm ơn mọi người đã vào xem 🤎",
            "Replay livestream: barista trả lời câu hỏi về {drink} ☕",
        ],
        "fr": [
            "Replay du live Q&A : vos questions sur la boutique de Paris 🇫🇷",
            "Extrait du live en direct de samedi, on parle {drink} ☕",
        ],
        "en": [
            "Live Q&A replay: your questions about Vietnamese coffee, answered",
            "Q&A from last night's livestream 🎙️ part 2",
        ],
    },
    "Mini game": {
        "vi": [
            "Minigame tặng quà 🎁 đoán đúng tên món, nhận ngay 1 bộ phin! #minigame",
            "Giveaway 🎉 tag 2 người bạn mê cà phê để tham gia, hạn chót Chủ Nhật #giveaway",
            "Mini game cuối tuần: ly nào là {drink}? 🤔 Trả lời để nhận quà #minigame",
        ],
        "fr": [
            "Concours 🎁 : gagne un kit phin, abonne-toi et tague un(e) ami(e) ! #concours",
            "Quiz café : Robusta ou Arabica ? Réponds en commentaire ⬇️ #quiz",
        ],
        "en": [
            "GIVEAWAY 🎉 win a phin set + 2 bags of beans, tag a friend to enter #giveaway",
            "Coffee quiz: which cup is the {drink}? 🤔 #quiz",
        ],
    },
    "Storytelling": {
        "vi": [
            "Câu chuyện về chiếc phin đầu tiên của bà ngoại 🤎",
            "Câu chuyện Phin & Co.: từ gánh cà phê vỉa hè đến 3 quán ở Hà Nội, Sài Gòn, Đà Nẵng",
            "Câu chuyện một ly {drink}, kể bằng 60 giây ☕",
        ],
        "fr": [
            "Notre histoire : de Hanoï à Paris, un café à la fois ✈️☕",
            "L’histoire du café trứng, né dans une ruelle de Hanoï 🥚",
        ],
        "en": [
            "Story time: why we roast our beans in Đà Lạt 🌄 #storytime",
            "Our story, from a street stall in Hanoi to a shop in Paris 🤎",
        ],
    },
    "Behind the scenes": {
        "vi": [
            "Hậu trường một ngày mở quán lúc 5h sáng ☀️ #bts",
            "Hậu trường rang xay ở xưởng Đà Nẵng 🔥 #bts",
        ],
        "fr": [
            "Dans les coulisses de la torréfaction 🔥 #bts",
            "Coulisses : on prépare la boutique de Paris 🔨 #bts",
        ],
        "en": [
            "Behind the scenes at our Da Nang roastery 🔥 #bts",
            "A morning behind the counter, 6am to noon ☕ #bts",
        ],
    },
    "Duet / Stitch / UGC": {
        "vi": [
            "#duet @mai.pha.che pha {drink} tại nhà, điểm 10! #ugc",
            "Góc cà phê của mọi người xinh quá 🤎 #ugc #stitch",
        ],
        "fr": [
            "#stitch Votre version du {drink} nous a bluffés 😍 #ugc",
            "#duet @lucie.cafe.maison, la plus belle mousse de café trứng 🥚",
        ],
        "en": [
            "#stitch rating your phin setups, 10/10 #ugc",
            "Reposting our community's coffee corners 🤎 #ugc",
        ],
    },
    "Collab": {
        "vi": ["Hợp tác cùng @hanoi.an.gi.hom.nay: tour 3 quán cà phê trứng 🥚 #collab"],
        "fr": ["Collab avec @carnet.de.gourmandise : on fait goûter le phin aux Parisiens #collab"],
        "en": [
            "Coffee & pages with @reads.by.the.window 📚 #collab",
            "Saigon street coffee crawl with @bites.of.saigon #collab",
        ],
    },
    "Product": {
        "vi": [
            "Ra mắt cà phê muối đóng chai 🧂 có mặt tại cả 3 quán từ hôm nay",
            "Ra mắt bộ phin gốm Bát Tràng 🏺 số lượng có hạn",
            "Ra mắt {drink} bản giới hạn, ai uống thử chưa?",
        ],
        "fr": [
            "Nouveauté : le cold brew Arabica de Cầu Đất arrive ☕",
            "Nouveauté à la carte : {drink} 🤎",
        ],
        "en": [
            "New: coconut coffee is back on the menu 🥥",
            "Honest review of our new oat bạc xỉu, worth it?",
        ],
    },
}

BOOK_LINES = {
    "vi": "Một ly phin, một cuốn sách, một chiều mưa 📚",
    "fr": "Un café, un bon livre 📚",
    "en": "Coffee + a good book 📚",
}

HASHTAGS = {
    "coffee": ["#CoffeeTok", "#FoodTok", "#caphe", "#vietnamesecoffee", "#eggcoffee", "#specialtycoffee"],
    "book": ["#BookTok", "#cozyvibes", "#readingtime", "#booksandcoffee", "#cozycorner"],
    "city": ["#HanoiTok", "#ParisTok", "#saigon", "#danang", "#vietnamtravel"],
}

# The format signals of shared/spec/metrics.md, as the app's default caption rules match them.
FORMAT_SIGNALS = {
    "Tutorial": ["how to", "tutorial", "tips", "step by step", "tuto", "astuce", "hướng dẫn", "cách"],
    "Challenge": ["challenge", "défi", "thử thách"],
    "LIVE Q&A": ["live", "q&a", "replay", "en direct", "trực tiếp", "livestream"],
    "Mini game": ["giveaway", "contest", "quiz", "mini game", "minigame", "concours", "jeu", "tặng quà"],
    "Storytelling": ["our story", "story time", "storytime", "journey", "histoire", "câu chuyện"],
    "Behind the scenes": ["behind the scenes", "bts", "making of", "coulisses", "hậu trường"],
    "Duet / Stitch / UGC": [
        "#duet",
        "#stitch",
        "duet with",
        "stitch with",
        "#ugc",
        "reposting our community",
    ],
    "Collab": ["#ad", "#partner", "#collab", "paid partnership", "with @"],
    "Product": ["new", "launch", "review", "unboxing", "nouveauté", "ra mắt"],
}


def signal_pattern(word: str) -> str:
    """A regex for one signal: whole words, and `challenge` also inside a hashtag (#PhinChallenge)."""
    if word == "challenge":
        return r"(?<!\w)challenge(?!\w)|#\w*challenge(?!\w)"
    before = r"(?<!\w)" if word[0].isalnum() else ""
    after = r"(?!\w)" if word[-1].isalnum() else ""
    return before + re.escape(word) + after


def signals_in(text: str) -> set[str]:
    """The formats whose signals appear in `text` (case-insensitive)."""
    lowered = text.lower()
    return {
        fmt
        for fmt, words in FORMAT_SIGNALS.items()
        if any(re.search(signal_pattern(w), lowered) for w in words)
    }


def hashtags(rng: random.Random, cluster: str, language: str) -> str:
    """Clustered hashtags: the community's anchor tag, 1-3 more, the brand's, and reach tags."""
    pool = HASHTAGS[cluster]
    anchor = "#ParisTok" if cluster == "city" and language == "fr" else pool[0]
    tags = [anchor, *rng.sample([t for t in pool if t != anchor], rng.randint(1, 3))]
    if rng.random() < 0.25:
        other = rng.choice([c for c in HASHTAGS if c != cluster])
        tags.append(HASHTAGS[other][0])
    tags.append("#phinco")
    if rng.random() < 0.7:
        tags.append("#phincocoffee")
    if rng.random() < 0.5:
        tags.append("#fyp")
    if language == "vi" and rng.random() < 0.6:
        tags.append("#xuhuong")
    return " ".join(tags)


def caption(rng: random.Random, fmt: str, language: str, cluster: str) -> str:
    """A full caption: the format's template in the video's language, then hashtags."""
    template = rng.choice(CAPTIONS[fmt][language])
    text = template.format(drink=rng.choice(DRINKS[language]))
    if cluster == "book":
        text = f"{text} {BOOK_LINES[language]}"
    if rng.random() < 0.12:
        text = f"{text} “Phin & Co.”, since 2019"
    full = f"{text} {hashtags(rng, cluster, language)}"
    assert signals_in(full) == {fmt}, (fmt, full, signals_in(full))
    return full


# ---------------------------------------------------------------- handles

VI_GIVEN = "linh minh an trang huy khanh ngoc thao duc vy nhi phuong tuan hoa mai quang hieu yen long thu ha nam son giang chau dung hang lan tam thanh".split()
VI_FAMILY = "nguyen tran le pham hoang vu dang bui do ngo duong ly phan vo trinh".split()
VI_WORDS = "cafe coffee mecaphe docsach hanoi saigon danang chill sua.da uong.gi".split()
FR_GIVEN = "camille lea manon chloe ines julie sarah lucas hugo louis theo nathan jules emma clara lucie marie anais pauline margaux thomas antoine maxime alice zoe".split()
FR_WORDS = "parisienne cafe lit.beaucoup lyon paris11 bzh voyage gourmande nantes lille".split()
EN_GIVEN = "sam jess alex mia ryan emily kate ben olivia josh amy leo nina chris hannah tom".split()
EN_WORDS = "eats travels bookish brews wanders sips reads".split()


def handle(rng: random.Random, language: str) -> str:
    """A fictional TikTok handle in the style of the member's language."""
    year = rng.choice(["98", "99", "01", "02", "2000", "2003", "95", "04"])
    if language == "vi":
        given, family = rng.choice(VI_GIVEN), rng.choice(VI_FAMILY)
        return rng.choice(
            [
                f"{given}.{family}.{year}",
                f"{given}{family}_{year}",
                f"{family}.{given}",
                f"{given}_{rng.choice(VI_WORDS)}",
            ]
        )
    if language == "fr":
        given = rng.choice(FR_GIVEN)
        return rng.choice(
            [f"{given}_{rng.choice(FR_WORDS)}", f"{given}.{rng.choice(FR_WORDS)}", f"{given}_{year}"]
        )
    given = rng.choice(EN_GIVEN)
    return rng.choice(
        [f"coffee.with.{given}", f"{given}_{rng.choice(EN_WORDS)}", f"{given}.{rng.choice(EN_WORDS)}{year}"]
    )


# ---------------------------------------------------------------- member comments

POSITIVE = {
    "vi": [
        "Nhìn ngon quá trời", "Cà phê trứng ở đây là đỉnh nhất Hà Nội", "Mê cái vibe của quán ghê",
        "Tuần nào mình cũng ghé, bạc xỉu là chân ái", "Video xinh xỉu", "Nghe tiếng phin nhỏ giọt mà chill ghê",
        "Ủng hộ quán dài dài nha", "Barista dễ thương quá trời", "Cà phê muối ngon xỉu, uống là ghiền",
        "Mai rủ đứa bạn đi liền", "Quán ở Đà Nẵng view đẹp lắm mọi người ơi", "Đọc sách với ly phin sữa đá là hết bài",
        "Thơm nức mũi luôn", "Lần nào ghé cũng được phục vụ nhiệt tình", "Quán xinh, nước ngon, nhạc hay",
        "Đi Hà Nội nhất định phải ghé", "Nhớ mùi cà phê Hà Nội quá", "Sao giờ mới biết quán này", "10 điểm không có nhưng",
    ],
    "fr": [
        "Trop beau ce café", "J'ai trop hâte que la boutique de Paris ouvre", "Le café trứng, une tuerie",
        "Ça donne tellement envie", "Meilleur café vietnamien que j'ai goûté", "Vos vidéos me font voyager",
        "Je l'ai refait à la maison, trop bon", "Ambiance parfaite pour bouquiner", "Ça me rappelle Hanoï",
        "Je valide à 100 %", "Franchement incroyable", "On veut la même chose à Lyon", "Trop mignon ce petit phin",
        "Vivement Paris !",
    ],
    "en": [
        "This looks so good", "Best egg coffee I've ever had", "Need this in my life", "Adding Hanoi to my list",
        "The vibes are immaculate", "Perfect with a good book", "Obsessed with this place", "Tried it at home, amazing",
        "Saving this for my Vietnam trip", "So cozy", "Your baristas are so talented", "I miss Saigon so much",
        "Please open in London",
    ],
}  # fmt: skip

QUESTIONS = {
    "vi": [
        "Mấy giờ mở cửa vậy quán?", "Quán ở Sài Gòn địa chỉ ở đâu ạ?", "Có ship không shop ơi?",
        "Hạt này mua ở đâu vậy ạ?", "Có bán phin online không ạ?", "Ly này giá bao nhiêu vậy?",
        "Quán có chỗ ngồi làm việc không ạ?", "Cuối tuần quán đông không mọi người?", "Có món nào ít đường không ạ?",
        "Bao giờ mở chi nhánh ở Cần Thơ vậy?", "Cà phê này là Robusta hay Arabica vậy?",
    ],
    "fr": [
        "C'est où à Paris ?", "Vous ouvrez quand à Paris ?", "On peut acheter le phin en ligne ?",
        "Vous livrez en Belgique ?", "C'est quoi la différence avec un espresso ?", "Il y a une version sans lait ?",
        "Quel grain vous utilisez ?", "Les horaires d'ouverture ?", "C'est combien le café trứng ?",
    ],
    "en": [
        "Where is this?", "Do you ship to the US?", "What beans do you use?", "Is there a dairy-free option?",
        "What time do you open?", "How long does the phin take?", "Is it very strong?",
    ],
}  # fmt: skip

COMPLAINTS = {
    "vi": [
        "Ship chậm quá, đợi gần 2 tiếng", "Hôm qua uống thấy ngọt quá", "Giá hơi cao so với mặt bằng chung",
        "Đặt online mà giao thiếu món", "Quán đông quá, đợi lâu ghê", "Ly lần này hơi nhạt",
        "Chi nhánh Quận 1 phục vụ hơi chậm", "Đá tan hết rồi mới giao tới", "Ship chậm quá shop ơi",
        "Tăng giá rồi hả quán?",
    ],
    "fr": [
        "Trop cher pour un café", "Livraison en retard de 3 jours", "Un peu trop sucré pour moi",
        "Colis arrivé abîmé", "Toujours pas de date pour Paris ?", "Déçue par ma dernière commande",
        "Trop cher, sérieux",
    ],
    "en": [
        "Way too sweet for me", "My order arrived late", "Pricey for the size", "Shipping took forever",
        "Still waiting for my refund", "Too expensive, sorry",
    ],
}  # fmt: skip

FORMAT_REACTIONS = {
    "Mini game": {
        "vi": [
            "Tham gia nè, mong trúng 🍀",
            "Mình tham gia với ạ",
            "Đáp án là cà phê muối!",
            "Chọn ly số 2 nha",
        ],
        "fr": ["Je participe ! 🤞", "Réponse B !", "Je tente ma chance"],
        "en": ["Joining! fingers crossed 🤞", "Answer: the second one!", "Count me in"],
    },
    "Challenge": {
        "vi": ["Thử liền tối nay", "Đã làm theo, coi video mình nha", "Khó dữ vậy trời 😂"],
        "fr": ["Je relève le défi 💪", "Trop dur 😂"],
        "en": ["Doing this tonight", "I failed so hard 😂"],
    },
    "Tutorial": {
        "vi": ["Lưu lại làm thử", "Làm theo thành công rồi nè", "Pha bị đắng là do sao ạ?"],
        "fr": ["Merci pour le tuto", "Enregistré !"],
        "en": ["Saving this!", "Made it this morning, perfect"],
    },
    "LIVE Q&A": {
        "vi": ["Hôm qua xem live vui ghê", "Lần sau live sớm hơn được không ạ", "Tiếc quá bỏ lỡ buổi live"],
        "fr": ["J'ai raté le live 😭", "Super live, merci"],
        "en": ["Great Q&A", "Missed it, thanks for the replay"],
    },
    "Storytelling": {
        "vi": ["Xúc động quá", "Câu chuyện hay quá", "Nghe mà nhớ bà ngoại"],
        "fr": ["Belle histoire", "Ça m'a ému"],
        "en": ["Love the story behind the brand", "This made me tear up"],
    },
    "Product": {
        "vi": ["Bao giờ có ở Đà Nẵng?", "Phải thử liền", "Món này ngon không mọi người?"],
        "fr": ["Nouveauté validée", "J'ai goûté, c'est top"],
        "en": ["Need to try this", "Is it available in Paris?"],
    },
    "Behind the scenes": {
        "vi": ["Thì ra là vậy", "Dậy sớm dữ vậy"],
        "fr": ["J'adore voir les coulisses"],
        "en": ["Love seeing the process"],
    },
    "Duet / Stitch / UGC": {
        "vi": ["Ơ video của mình kìa 😆", "Được quán duet vui quá"],
        "fr": ["Trop fière d'être dans la vidéo"],
        "en": ["Omg that's mine!!"],
    },
    "Collab": {
        "vi": ["Hai người dễ thương quá", "Collab xịn xò"],
        "fr": ["Le duo parfait"],
        "en": ["Best collab ever"],
    },
}

REPLIES = {
    "vi": [
        "Chuẩn luôn",
        "Đúng rồi đó",
        "Mình cũng vậy nè",
        "Haha thật",
        "+1",
        "Để mình rủ bạn đi chung",
        "Mở 7h sáng đó bạn",
    ],
    "fr": ["Pareil !", "Grave", "Moi aussi", "Carrément", "C'est prévu pour décembre je crois"],
    "en": ["Same here", "Right??", "Agreed", "Lol same", "They open at 7 I think"],
}

OPENERS = {
    "vi": ["Trời ơi, ", "Ôi ", "Thật sự ", "Chời ơi ", "Ủa "],
    "fr": ["Ohlala ", "Franchement, ", "Mais ", "Trop bien, "],
    "en": ["Omg ", "Honestly, ", "Wow, ", "Ok but "],
}
EMOJI = ["☕", "😍", "🥰", "🤎", "✨", "😋", "🔥", "👏", "💯", "🙌", "❤️", "🥹"]


def decorate(rng: random.Random, language: str, body: str) -> str:
    """An opener sometimes, emoji often: how people actually write."""
    if rng.random() < 0.2 and not body.endswith("?"):
        body = rng.choice(OPENERS[language]) + body[0].lower() + body[1:]
    if rng.random() < 0.55:
        body += " " + rng.choice(EMOJI) * rng.choice([1, 1, 2, 3])
    return body


def member_comment(rng: random.Random, language: str, sentiment: str, fmt: str, friend: str) -> str:
    """A short comment in the member's language, with the given sentiment."""
    if sentiment == "reply":
        return decorate(rng, language, rng.choice(REPLIES[language]))
    if sentiment == "question":
        return decorate(rng, language, rng.choice(QUESTIONS[language]))
    if sentiment == "negative":
        return rng.choice(COMPLAINTS[language]) + rng.choice(["", "", " 😕", " 😤", " 🙁"])
    if rng.random() < 0.04:
        return rng.choice(EMOJI) * rng.randint(2, 4)
    reactions = FORMAT_REACTIONS[fmt][language]
    body = rng.choice(reactions) if rng.random() < 0.35 else rng.choice(POSITIVE[language])
    if fmt == "Mini game" and rng.random() < 0.6:
        body += f" @{friend}"
    if rng.random() < 0.015:
        body += "\n" + rng.choice(POSITIVE[language])
    return decorate(rng, language, body)


CONVERSATION = [
    "Ủa ad ơi, tag bạn rồi có cần share không?", "Mình tag rồi nè @{friend}", "Còn bạn này nữa @{friend}",
    "Ad ơi kết quả công bố ở đâu vậy?", "Hihi cảm ơn ad", "Một người được tham gia mấy lần ạ?",
    "Đáp án của mình là cà phê muối nha", "À không, đổi lại là bạc xỉu", "Mọi người chọn gì vậy?",
    "@{friend} vô đây chơi nè", "Bạn ơi mình cũng chọn vậy", "Trúng thì mình lấy phin gốm nha", "Hồi hộp quá",
    "Còn hạn tới Chủ Nhật đúng không ạ?", "Oki mình đợi", "Ship về Huế được không ad?", "Mình follow rồi nha",
    "Thôi chốt bạc xỉu", "Quán ở Đà Nẵng có quà không ad?", "Ai ở Huế điểm danh nào",
    "Haha vui ghê", "Mình nói nhiều quá rồi 😂",
]  # fmt: skip


def conversation_line(rng: random.Random, friend: str) -> str:
    """One line of the chatty member's afternoon on a mini game."""
    return rng.choice(CONVERSATION).format(friend=friend)


# ---------------------------------------------------------------- the brand's words

BRAND_THANKS = {
    "vi": [
        "Cảm ơn bạn nhiều nha 🥰",
        "Hẹn gặp bạn ở quán nha ☕",
        "Phin & Co. thương bạn 🤎",
        "Cảm ơn bạn đã ủng hộ tụi mình ạ",
    ],
    "fr": ["Merci beaucoup ! ☕", "Ça nous touche, merci 🤎", "À très vite à Paris !"],
    "en": ["Thank you so much! 🤎", "See you at the shop ☕", "That means a lot, thank you!"],
}
BRAND_ANSWERS = {
    "vi": [
        "Quán mở cửa từ 7h đến 22h mỗi ngày nha bạn ☕", "Bạn đặt qua app giao hàng hoặc inbox tụi mình nha",
        "Tụi mình dùng Robusta Buôn Ma Thuột và Arabica Cầu Đất ạ", "Bạn xem địa chỉ ở link bio nha ☕",
    ],
    "fr": [
        "La boutique de Paris ouvre en décembre, dans le 11e ☕", "On livre en France et en Belgique 📦",
        "On utilise un Robusta de Buôn Ma Thuột 🤎", "Tous les horaires sont dans la bio !",
    ],
    "en": [
        "We open 7am to 10pm every day ☕", "We ship to the EU for now, the US soon!",
        "Robusta from Buôn Ma Thuột and Arabica from Cầu Đất 🤎", "All our addresses are in the bio!",
    ],
}  # fmt: skip
BRAND_APOLOGIES = {
    "vi": [
        "Phin & Co. xin lỗi bạn, bạn inbox mã đơn để tụi mình kiểm tra nhé 🙏",
        "Tụi mình xin lỗi, lần sau bạn dặn ít ngọt giúp tụi mình nha",
        "Cảm ơn góp ý của bạn, tụi mình sẽ cải thiện ạ",
    ],
    "fr": [
        "Désolés ! Écris-nous en DM avec ton numéro de commande 🙏",
        "Merci pour ton retour, on s'améliore 🙏",
    ],
    "en": ["So sorry! Please DM us your order number 🙏", "Thanks for the feedback, we're on it 🙏"],
}
PINNED_RULES = {
    "vi": "📌 Luật chơi: follow Phin & Co., tag 2 người bạn và trả lời câu hỏi. Kết quả công bố tối Chủ Nhật!",
    "fr": "📌 Règles : abonne-toi, tague 2 ami(e)s et réponds à la question. Résultats dimanche soir !",
    "en": "📌 Rules: follow us, tag 2 friends and answer the question. Winners announced Sunday night!",
}


def brand_reply(rng: random.Random, language: str, sentiment: str) -> str:
    """The brand's answer in the member's language: thanks, an answer, or an apology."""
    if sentiment == "question":
        return rng.choice(BRAND_ANSWERS[language])
    if sentiment == "negative":
        return rng.choice(BRAND_APOLOGIES[language])
    return rng.choice(BRAND_THANKS.get(language, BRAND_THANKS["vi"]))


def pinned_rules(language: str) -> str:
    """The brand's pinned rules comment on a mini game."""
    return PINNED_RULES[language]


LIVE_TITLES = [
    "Q&A: pha phin cùng barista",
    "Live dégustation : 3 cafés de Đà Lạt",
    "Hỏi gì đáp nấy cùng barista ☕",
    "Live Q&A: all about egg coffee",
    "Pha chế trực tiếp từ quán Hoàn Kiếm",
    "En direct du chantier de la boutique de Paris",
    "Cupping night: Robusta vs Arabica",
    "BookTok night: đọc sách cùng Phin & Co. 📚",
    "Live dégustation : café trứng et café au sel",
    "Q&A với founder: chuyện mở quán ở Paris",
]
