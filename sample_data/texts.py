"""The words of the Phin & Co. demo brand: captions, comments, handles, LIVE titles.

Kept apart from generate.py so the numbers and the words can be read separately. Every
name and handle is invented. Captions read the way a small brand writes them: product names in
capitals with a price, @creators, video replies ("Replying to @..."), the brand's series hashtags
(#PhinTips, #PhinChallenge), formats only implied (a prize without the word "giveaway", "pack an
order with me"), Vietnamese, French and English mixed, and some with no format signal at all. Each
video keeps its true format (story.py plants its numbers by it, and the tracking sheet's Format
column says it), so the demo shows what the caption rules recover, and what they can only guess.
"""

from __future__ import annotations

import random

# ---------------------------------------------------------------- captions

DRINKS = {
    "vi": ["cà phê trứng", "bạc xỉu", "cà phê muối", "cà phê cốt dừa", "phin sữa đá", "cold brew Cầu Đất"],
    "fr": ["café trứng", "bạc xỉu", "café au sel", "café coco", "phin glacé", "cold brew de Cầu Đất"],
    "en": ["egg coffee", "bạc xỉu", "salted coffee", "coconut coffee", "iced phin", "Cầu Đất cold brew"],
}

# Per format and language, the lines the brand writes. The number of lines per format and language
# is part of the demo's random stream (story.py draws one by index): change a line, not their count.
# {drink} is the video's drink, {fan} a member's handle, {creator} a creator's, {price} a price.
CAPTIONS: dict[str, dict[str, list[str]]] = {
    "Tutorial": {
        "vi": [
            "Pha phin bị đắng? Làm vầy nè 👇 nước 92 độ, ủ 30 giây rồi mới rót tiếp #PhinTips",
            "Mẹo đánh trứng cho {drink} bông mịn, không tanh 🥚 lưu lại kẻo trôi nha 📌",
            "3 bước pha {drink} tại nhà, ai cũng làm được ☕ #PhinTips",
            "Robusta hay Arabica, chọn hạt sao cho đúng gu? Xem hết video nha 👀",
        ],
        "fr": [
            "Le {drink} maison en 3 étapes ☕ enregistre pour ce week-end 📌 #PhinTips",
            "Ton phin ne coule pas ? Tasse moins fort le café, 20 g pour 100 ml 😉",
            "On vous montre comment on prépare le {drink} au comptoir, sans amertume",
        ],
        "en": [
            "Stop making your phin bitter 🙅‍♀️ 92°C water, 30s bloom, then pour #PhinTips",
            "{drink} at home: 3 ingredients, 5 minutes ☕ save this for the weekend",
            "POV: you finally nail the egg foam on the first try 🥚 recipe in the comments",
        ],
    },
    "Challenge": {
        "vi": [
            "Pha phin bằng một tay, bạn dám thử không? 😂 #PhinChallenge",
            "Đoán vị cà phê trong 10 giây, team mình thua sml 🤣 tới lượt bạn! #PhinChallenge",
            "Ai pha {drink} nhanh hơn barista nhà mình? Quay clip rồi tag tụi mình nha ⏱️",
        ],
        "fr": [
            "5 cafés, les yeux bandés 👀 qui fait mieux que Minh ? #PhinChallenge",
            "Défi du week-end : ton plus beau {drink} maison, montre-nous ! 💪",
        ],
        "en": [
            "Blind taste test: Robusta or Arabica? Our barista got 2/5 😭 your turn #PhinChallenge",
            "60 seconds, one phin, zero spills ⏱️ think you can beat Linh?",
        ],
    },
    "LIVE Q&A": {
        "vi": [
            "Trích đoạn live tối thứ 7: barista trả lời về {drink} 🎙️ tối nay 20h live tiếp nha",
            "Mọi người hỏi nhiều quá nên tụi mình gom lại đây, hỏi gì đáp nấy phần 2 ☕",
            "Replay livestream tối qua, cảm ơn 300 bạn đã vào chơi 🤎",
        ],
        "fr": [
            "Extrait du live de samedi : vos questions sur la boutique de Paris 🇫🇷 prochain live mercredi 20h",
            "Vous nous avez demandé pourquoi la mousse du {drink} ne retombe pas, on a répondu en direct ☕",
        ],
        "en": [
            "From last night's LIVE: your questions about Vietnamese coffee, answered 🎙️ next one Wed 8pm",
            "You asked, our head roaster answered 🎙️ part 2 of Saturday's Q&A",
        ],
    },
    "Mini game": {
        "vi": [
            "Minigame cuối tuần 🎁 đoán đúng ly nào là {drink}, 3 bạn may mắn nhận bộ phin gốm!",
            "Comment món bạn mê nhất + tag 2 đứa bạn, Chủ Nhật chốt 3 người nhận voucher 100K 🎉",
            "Ly nào là {drink}? 1, 2 hay 3? 🤔 Trả lời đúng được freeship cả tuần",
        ],
        "fr": [
            "À gagner 🎁 un kit phin + 250 g de Robusta ! Abonne-toi, tague un(e) ami(e), tirage dimanche",
            "Robusta ou Arabica ? Réponds en commentaire ⬇️ les 3 premières bonnes réponses gagnent un café",
        ],
        "en": [
            "WIN A PHIN STARTER KIT 🎉 follow us + tag a coffee friend, 3 winners Friday!",
            "Which cup is the {drink}? 🤔 first 5 right answers get a free drink",
        ],
    },
    "Storytelling": {
        "vi": [
            "Chiếc phin đầu tiên của bà ngoại, 40 năm rồi vẫn pha mỗi sáng 🤎",
            "Năm 2019 tụi mình bắt đầu bằng một gánh cà phê vỉa hè ở phố cổ. Giờ là 3 quán 🥹",
            "Câu chuyện một ly {drink}, kể trong 60 giây ☕",
        ],
        "fr": [
            "Notre histoire : de Hanoï à Paris, un café à la fois ✈️☕",
            "Il y a 5 ans, Lan servait son premier {drink} dans une ruelle de Hanoï. Lundi, elle ouvre Paris 🥹",
        ],
        "en": [
            "Story time: why we roast our beans in Đà Lạt 🌄 #storytime",
            "My grandma's phin, 40 years old and still brewing every morning 🤎",
        ],
    },
    "Behind the scenes": {
        "vi": [
            "5h sáng ở quán trước giờ mở cửa ☀️ ai dậy sớm như tụi mình không",
            "Hậu trường rang mẻ Arabica mới ở xưởng Đà Nẵng 🔥 #bts",
        ],
        "fr": [
            "On prépare vos commandes 📦 direction Lyon, Lille et Bruxelles",
            "Coulisses : les travaux de la boutique de Paris avancent 🔨",
        ],
        "en": [
            "Pack an order with me 📦 3 bags of beans and a phin heading to Berlin",
            "A morning behind the counter, 6am to noon ☕ #bts",
        ],
    },
    "Duet / Stitch / UGC": {
        "vi": [
            "Trả lời @{fan} pha {drink} ở nhà mà đẹp hơn quán luôn 😍",
            "Góc cà phê của mọi người xinh xỉu 🤎 gửi thêm cho tụi mình nha",
        ],
        "fr": [
            "#stitch Votre version du {drink} nous a bluffés 😍",
            "Vos phins du dimanche matin, on adore 🤎 merci @{fan}",
        ],
        "en": [
            "#duet with @{fan}, the best egg foam we've seen all year 🥚",
            "Replying to @{fan} rating your phin setup: 10/10 🤎 keep them coming",
        ],
    },
    "Collab": {
        "vi": ["3 quán cà phê trứng cùng @{creator} 🥚 quán nào ngon nhất?"],
        "fr": ["Phin & Co. x @{creator} : on fait goûter le phin aux Parisiens ☕"],
        "en": [
            "Coffee & pages with @{creator} 📚",
            "Saigon street coffee crawl ft. @{creator} 🛵",
        ],
    },
    "Product": {
        "vi": [
            "CÀ PHÊ MUỐI ĐÓNG CHAI 🧂 {price} một chai, có ở cả 3 quán từ hôm nay",
            "BỘ PHIN GỐM BÁT TRÀNG 🏺 chỉ 120 bộ, {price}, đặt qua link bio",
            "{drink} bản giới hạn đã về 🤎 ai thử chưa?",
        ],
        "fr": [
            "COLD BREW ARABICA DE CẦU ĐẤT ☕ {price} la bouteille, en précommande",
            "Nouveau à la carte : {drink} 🤎",
        ],
        "en": [
            "COCONUT COFFEE IS BACK 🥥🚨 {price} at all 3 shops",
            "Honest review of our oat bạc xỉu, worth it?",
        ],
    },
}

# What the brand posts some days instead: a mood, a greeting, no format signal at all.
PLAIN_LINES = {
    "vi": ["Hà Nội vào thu rồi 🍂", "Mưa Hà Nội + {drink} = 🤎", "Ai còn thức không 🌙", "Chill chút rồi làm tiếp nha 🍃"],
    "fr": ["Pause café ☕", "Petit moment {drink} 🤎", "Le soleil est de retour ☀️"],
    "en": ["Coffee first ☕", "This sound + {drink} 🤎", "Slow afternoon at the shop 🍃"],
}  # fmt: skip
PLAIN_SHARE = 0.12
PRICES = {"vi": ["45K", "55.000đ", "89k", "390.000đ", "65k"], "fr": ["6,50 €", "5 €", "7,90€"], "en": ["$4.50", "$5", "$6.90"]}  # fmt: skip
CREATORS = {"vi": ["hanoi.an.gi.hom.nay", "bites.of.saigon"], "fr": ["carnet.de.gourmandise", "lea.mange.paris"], "en": ["reads.by.the.window", "bites.of.saigon"]}  # fmt: skip
FANS = ["mai.pha.che", "lucie.cafe.maison", "khanh.uong.gi", "sam_sips", "thao.docsach", "hugo_paris11"]

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


def caption(rng: random.Random, words: random.Random, fmt: str, language: str, cluster: str) -> str:
    """A full caption: one of the format's lines in the video's language (some days a line with no
    format signal), then hashtags.

    `rng` is the demo's stream and draws what it always drew (a line, a drink, the tagline, the
    hashtags), so the rest of the demo does not move when the words change; `words` draws the rest
    (plain days, prices, handles).
    """
    line = rng.choice(CAPTIONS[fmt][language])
    drink = rng.choice(DRINKS[language])
    if words.random() < PLAIN_SHARE:
        line = words.choice(PLAIN_LINES[language])
    text = line.format(
        drink=drink,
        price=words.choice(PRICES[language]),
        fan=words.choice(FANS),
        creator=words.choice(CREATORS[language]),
    )
    if cluster == "book":
        text = f"{text} {BOOK_LINES[language]}"
    if rng.random() < 0.12:
        text = f"{text} “Phin & Co.”, since 2019"
    return f"{text} {hashtags(rng, cluster, language)}"


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
