"""Indonesian captions that imply a format without naming it, in everyday and slang forms."""

import pytest

from analytics.captions import classify


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("4 cara melipat kaos biar muat di koper 🧳", "Tutorial"),
        ("bikin sendiri dalgona di rumah, simpan dulu videonya ☕", "Tutorial"),
        ("giliran kalian gaes! rekam outfit pakai topi kita terus mention kami", "Challenge"),
        ("siapa yang berani makan keripik level 10 tanpa minum? 🌶️", "Challenge"),
        ("3 pemenang dapet hampers, cukup komen jawaban kalian 🎁", "Mini game"),
        ("ada hadiahnya! cari 5 perbedaan di dua foto ini 🔍", "Mini game"),
        ("nanti malam ngelive jam 8, tanya apa aja soal skincare bestie", "LIVE Q&A"),
        ("dulu kami cuma jualan di pasar pagi, sekarang udah punya toko 🥹", "Storytelling"),
        ("awal mula kedai ini: resign dari bank dan modal nekat", "Storytelling"),
        ("packing 200 pesanan bareng tim sebelum harbolnas 📦", "Behind the scenes"),
        ("sehari jadi florist di toko kami, dari subuh sampai tutup 💐", "Behind the scenes"),
        ("foto kalian pakai tote bag kami di kampus 📚 makasih udah tag", "Duet / Stitch / UGC"),
        ("kerja sama dengan petani kopi Kintamani buat edisi ini ☕", "Collab"),
        ("ready stock lagi 🚨 sandal rajut semua warna, cus checkout", "Product"),
        # "hadiah" here is a gift to buy, not a prize to win
        ("Tumbler ini cocok buat hadiah ulang tahun 🎁 cek keranjang kuning", "Product"),
    ],
)
def test_an_indonesian_caption_that_implies_a_format_is_given_that_format(caption, expected):
    assert classify(caption).format == expected


@pytest.mark.parametrize(
    "caption",
    [
        "selamat pagi gaes, udah ngopi belum? ☕",
        "sama-sama kak, ditunggu kedatangannya lagi 🙏",  # "sama" (with) alone is no collab
        "pov: bestie kamu minta foto 100 kali 📸",
        "yuk mampir, hujan-hujan enaknya ngopi ☕",
        "Selamat tahun baru 2027 dari kami sekeluarga 🎆",
    ],
)
def test_an_indonesian_greeting_or_look_alike_stays_other(caption):
    assert classify(caption).format == "Other"


def test_an_indonesian_hint_is_quoted_with_its_reason_in_plain_words():
    found = classify("ceritanya dulu kami cuma punya satu gerobak kopi ☕")
    assert found.format == "Storytelling"
    assert '"ceritanya" (how it began)' in found.reason
