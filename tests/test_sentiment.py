"""Sentiment labels in each of the community's languages, with negations and emoji."""

from __future__ import annotations

import math
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.sentiment import (
    LANGUAGE_SAMPLE_BYTES,
    LANGUAGES,
    METHOD_DESCRIPTION,
    SCORED_CHARACTERS,
    _default_scorer,
    _language_probabilities,
    label_comments,
    positive_response_rate,
)


def labelled(text: str) -> tuple[str, str]:
    row = label_comments(pd.Series([text])).iloc[0]
    return row["label"], row["language"]


@pytest.mark.parametrize(
    ("text", "label", "language"),
    [
        ("I love this so much!", "positive", "en"),
        ("This is terrible, never buying again", "negative", "en"),
        ("This is not good at all", "negative", "en"),
        ("where can I buy this", "neutral", "en"),
        ("C'est trop bien !", "positive", "fr"),
        ("c'est pas bon du tout", "negative", "fr"),
        ("J’aime pas du tout", "negative", "fr"),
        ("c'est pas terrible", "negative", "fr"),
        ("me encanta este color", "positive", "es"),
        ("no me gusta nada", "negative", "es"),
        ("qué asco", "negative", "es"),
        ("muy caro pero muy rico", "positive", "es"),
        ("adorei esse produto", "positive", "pt"),
        ("não gostei", "negative", "pt"),
        ("péssimo atendimento", "negative", "pt"),
        ("món này ngon quá", "positive", "vi"),
        ("không ngon", "negative", "vi"),
        ("ship chậm quá, đắt nữa", "negative", "vi"),
        ("dở tệ", "negative", "vi"),
        ("không tệ", "positive", "vi"),
        ("mon nay ngon qua", "positive", "vi"),
        ("ngonnnn", "positive", "vi"),
        ("enak banget kak", "positive", "id"),
        ("gak enak", "negative", "id"),
        ("kurang bagus", "negative", "id"),
        ("mahal banget", "negative", "id"),
        ("mantul", "positive", "id"),
    ],
)
def test_each_language_gets_the_label_a_native_reader_would_give(text, label, language):
    assert labelled(text) == (label, language)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("😍😍", "positive"),
        ("🔥🔥🔥", "positive"),
        ("❤️", "positive"),
        ("😡", "negative"),
        ("👎", "negative"),
        ("🤮🤮", "negative"),
        ("💀💀💀", "neutral"),
        ("😭", "neutral"),
        ("🦄", "neutral"),
    ],
)
def test_emoji_only_comments_are_labelled_by_what_the_emoji_mean_on_tiktok(text, label):
    row = label_comments(pd.Series([text])).iloc[0]
    assert (row["label"], row["language"], row["method"]) == (label, "und", "emoji")


def test_emoji_add_to_the_words_on_the_same_scale():
    labels = label_comments(
        pd.Series(["where is this from", "where is this from 😍", "where is this from 🤮"])
    )
    assert labels["label"].tolist() == ["neutral", "positive", "negative"]
    assert labels["method"].tolist() == [
        "VADER (English)",
        "VADER (English) + emoji",
        "VADER (English) + emoji",
    ]


def test_a_comment_in_a_language_not_covered_is_said_so_and_scored_by_its_emoji_only():
    labels = label_comments(pd.Series(["das ist wirklich sehr gut", "とても良い 😍"]))
    assert labels.to_dict("records") == [
        {"label": "neutral", "score": 0.0, "language": "de", "method": "not scored (language not covered)"},
        {
            "label": "positive",
            "score": 0.6124,
            "language": "ja",
            "method": "emoji only (language not covered)",
        },
    ]


def test_empty_and_missing_texts_are_neutral_and_every_row_keeps_its_index():
    texts = pd.Series(["love it", None, "", "...", "love it"], index=["c1", "c2", "c3", "c4", "c5"])
    labels = label_comments(texts)
    assert labels.index.tolist() == ["c1", "c2", "c3", "c4", "c5"]
    assert labels[["label", "language", "method"]].to_dict("records") == [
        {"label": "positive", "language": "en", "method": "VADER (English)"},
        {"label": "neutral", "language": "und", "method": "no words or emoji"},
        {"label": "neutral", "language": "und", "method": "no words or emoji"},
        {"label": "neutral", "language": "und", "method": "no words or emoji"},
        {"label": "positive", "language": "en", "method": "VADER (English)"},
    ]


def test_an_empty_series_gives_an_empty_table_with_the_four_columns():
    labels = label_comments(pd.Series([], dtype=object))
    assert labels.columns.tolist() == ["label", "score", "language", "method"]
    assert labels.empty


def test_corrections_by_comment_id_win_over_corrections_by_text_which_win_over_the_method():
    texts = pd.Series(["Great, another delay", "Great, another delay", "nice"], index=["c1", "c2", "c3"])
    labels = label_comments(texts, corrections={"Great, another delay": "negative", "c2": "neutral"})
    assert labels[["label", "method"]].to_dict("records") == [
        {"label": "negative", "method": "correction"},
        {"label": "neutral", "method": "correction"},
        {"label": "positive", "method": "VADER (English)"},
    ]
    with pytest.raises(ValueError, match="positive, neutral, negative"):
        label_comments(texts, corrections={"c1": "sarcastic"})


def test_lexicon_additions_teach_slang_and_emoji_without_changing_the_default():
    texts = pd.Series(["this is lowkey bussin", "💀💀"])
    taught = label_comments(texts, lexicon_additions={"bussin": 3.0, "💀": 2.0})
    assert taught["label"].tolist() == ["positive", "positive"]
    assert label_comments(texts)["label"].tolist() == ["neutral", "neutral"]


def test_positive_response_rate_is_positive_over_every_labelled_comment():
    labels = pd.DataFrame({"label": ["positive", "neutral", "negative", "positive", None]})
    assert positive_response_rate(labels) == 0.5
    assert positive_response_rate(labels["label"]) == 0.5
    assert math.isnan(positive_response_rate(pd.Series([], dtype=object)))


def test_the_batch_language_identifier_gives_py3langid_s_own_numbers():
    scorer = _default_scorer()
    rng = random.Random(42)
    pieces = [
        "I love it",
        "món này ngon",
        "c'est pas bon",
        "enak banget",
        "não gostei",
        "¿dónde está?",
        "ÉNORME",
        "",
    ]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(300)]
    batch = _language_probabilities(scorer.restricted, texts)
    one_by_one = np.array([scorer.restricted._decide(text) for text in texts])
    np.testing.assert_allclose(batch, one_by_one, atol=1e-4)


def test_the_method_description_names_every_language_and_its_limits():
    for name in LANGUAGES.values():
        assert name in METHOD_DESCRIPTION
    for word in ("sarcasm", "emoji", "negation", "Correct"):
        assert word in METHOD_DESCRIPTION


def test_labelling_works_with_the_network_cut_off_and_without_streamlit():
    script = (
        "import socket, sys\n"
        "def refuse(*args, **kwargs):\n"
        "    raise OSError('network used')\n"
        "socket.socket = refuse\n"
        "socket.create_connection = refuse\n"
        "import pandas as pd\n"
        "from analytics.sentiment import label_comments\n"
        "labels = label_comments(pd.Series(['love it', 'ngon quá', 'no me gusta', '😍']))\n"
        "print(','.join(labels['label']), 'streamlit' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[1]
    finished = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert finished.stdout.strip() == "positive,positive,negative,positive False"


def test_a_pasted_essay_is_read_by_its_opening_so_one_huge_comment_cannot_stall_the_page(monkeypatch):
    import analytics.sentiment as sentiment

    seen: list[int] = []
    parse = sentiment._parse
    monkeypatch.setattr(sentiment, "_parse", lambda raw: seen.append(len(raw)) or parse(raw))
    essay = "I love this coffee " * 50_000  # ~1M characters, where VADER's time grows with words squared
    labels = _default_scorer().label_many([essay, "ok"])
    assert max(seen) <= SCORED_CHARACTERS
    assert labels[0][0] == "positive"


def test_language_detection_reads_only_the_opening_bytes_of_a_long_text():
    scorer = _default_scorer()
    long_text = "c'est vraiment trop bon " * 5_000
    opening = long_text.encode()[:LANGUAGE_SAMPLE_BYTES].decode(errors="ignore")
    np.testing.assert_allclose(
        _language_probabilities(scorer.restricted, [long_text]),
        _language_probabilities(scorer.restricted, [opening]),
        atol=1e-6,
    )


# ---------------------------------------------------------------- questions about a problem

# A customer asking why something went wrong is reporting a problem, however politely (🙌 🙏 ❤️).
# (language, comment, the problem the method names)
PROBLEM_QUESTIONS = [
    ("vi", "Pha bị đắng là do sao ạ? 🙌", "bị đắng"),
    ("vi", "pha bi dang la do sao a? 🙌", "bi dang"),
    ("vi", "Sao hàng bị hỏng vậy shop? 🙏", "bị hỏng"),
    ("vi", "Cái này bị rò rỉ nước là sao ạ ❤️", "rò rỉ"),
    ("vi", "sao giao hang tre vay shop", "giao hang tre"),
    ("en", "Why is mine bitter? 🙌", "bitter"),
    ("en", "Why did it arrive broken? ❤️", "broken"),
    ("en", "Why is the delivery so late?? 🙏", "so late"),
    ("en", "Got the wrong size, what do I do? 😊", "wrong size"),
    ("fr", "Pourquoi le mien est cassé ? 😍", "cassé"),
    ("fr", "Pourquoi c'est si amer ? 🙏", "amer"),
    ("es", "¿Por qué llegó roto? 🙏", "roto"),
    ("es", "¿Por qué mi pedido no llegó todavía? 🙏", "no llegó"),
    ("pt", "Por que chegou quebrado? 🙏", "quebrado"),
    ("pt", "Por que o meu veio com defeito? ❤️", "com defeito"),
    ("id", "Kenapa pesanannya rusak ya kak? 🙏", "rusak"),
    ("id", "Kok pahit ya kak? 🙏", "pahit"),
    ("id", "Kak kenapa botolnya bocor? 😊", "bocor"),
]


@pytest.mark.parametrize(
    ("language", "text", "problem"), PROBLEM_QUESTIONS, ids=[row[1] for row in PROBLEM_QUESTIONS]
)
def test_a_question_about_a_problem_is_a_complaint_whatever_the_emoji(language, text, problem):
    row = label_comments(pd.Series([text])).iloc[0]
    assert row["label"] == "negative"
    assert row["method"].endswith(f'; asks about a problem ("{problem}")')


def test_the_problem_questions_cover_the_six_languages_and_vietnamese_without_accents():
    assert {language for language, _, _ in PROBLEM_QUESTIONS} == set(LANGUAGES)
    typed_bare = [
        text
        for language, text, _ in PROBLEM_QUESTIONS
        if language == "vi" and text.replace("🙌", "").isascii()
    ]
    assert typed_bare


@pytest.mark.parametrize(
    "text",
    [
        "Hàng bị hỏng rồi shop ơi 🙏🙏",
        "Chegou quebrado 🙏❤️",
        "Pesanan saya rusak kak 🙏🙏",
        "Llegó roto 🙏😊",
    ],
)
def test_grateful_emoji_do_not_turn_a_reported_problem_into_praise(text):
    row = label_comments(pd.Series([text])).iloc[0]
    assert row["label"] == "negative"
    assert "reports a problem" in row["method"]


@pytest.mark.parametrize(
    "text",
    [
        "Why is it so good?? 😍",  # a question, no problem
        "Ngon quá, mua ở đâu vậy?",
        "Vị đắng nhẹ, hậu ngọt, thơm lắm 😍",  # bitterness as a taste, said as praise
        "I love bitter coffee 😍",
        "Không bị đắng chút nào, ngon 😍",  # the problem is denied
        "Not broken at all, works great 😍",
        "Tidak rusak sama sekali, mantap 👍",
        "Pas cassé du tout, trop bien 😍",
    ],
)
def test_praise_that_mentions_or_denies_a_problem_stays_praise(text):
    row = label_comments(pd.Series([text])).iloc[0]
    assert row["label"] == "positive"
    assert "problem" not in row["method"]


def test_a_problem_word_of_one_language_is_not_read_into_an_everyday_word_of_another():
    # Seen in a genuine Excel export: Swahili "basi" ("then") is Indonesian "basi" (stale) letter for letter.
    texts = [
        "Afisa umetoka wapi? si urudi uko basi, got me rolling down with laughter 🤣🤣🤣",
        "Nova rota do café ☕😍",
    ]
    labels = label_comments(pd.Series(texts))
    assert labels["label"].tolist() == ["positive", "positive"]
    assert not labels["method"].str.contains("problem").any()


def test_the_complaint_queue_catches_a_polite_question_about_a_problem():
    from analytics import db
    from analytics.segments import comment_sentiment, complaint_queue

    comments = pd.DataFrame(
        [
            {
                "comment_id": "c1",
                "video_id": "v1",
                "member_id": "lan",
                "member_handle": "lan",
                "text": "Pha bị đắng là do sao ạ? 🙌",
                "commented_at": pd.Timestamp("2026-06-01 10:00"),
                "likes": 0,
            },
            {
                "comment_id": "c2",
                "video_id": "v1",
                "member_id": "minh",
                "member_handle": "minh",
                "text": "Ngon quá 😍",
                "commented_at": pd.Timestamp("2026-06-01 11:00"),
                "likes": 0,
            },
        ]
    )
    videos = pd.DataFrame([{"video_id": "v1", "caption": "Cà phê muối", "video_url": "https://x/v1"}])
    con = db.load_frames(db.connect(), {"comments": comments, "videos": videos})
    assert complaint_queue(con, comment_sentiment(con))["text"].tolist() == ["Pha bị đắng là do sao ạ? 🙌"]
