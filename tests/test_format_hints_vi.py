"""Vietnamese captions that imply a format without naming it, typed with or without accents."""

import pytest

from analytics.captions import classify


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("3 cách thắt khăn lụa cho ngày lạnh 🧣", "Tutorial"),
        ("lam sao de ca phe phin khong bi chua? xem het nha ☕", "Tutorial"),
        ("đến lượt bạn! mặc 1 áo 5 kiểu rồi tag tụi mình nha", "Challenge"),
        ("ai ăn hết tô phở 2kg trong 20 phút thì quán bao 🍜", "Challenge"),
        ("Vòng quay may mắn tháng này: mua 2 ly được quay 1 lần 🎡", "Mini game"),
        ("doan xem tiem co bao nhieu cuon sach? ai gan dung nhat nhan tui vai", "Mini game"),
        ("Tối thứ 5 shop phát sóng, gửi câu hỏi về size trước nha", "LIVE Q&A"),
        ("hoi do ba minh ban ca phe bang xe dap, gio tiem da 20 tuoi", "Storytelling"),
        ("Vì sao tụi mình bỏ việc ngân hàng để mở tiệm bánh? 🥐", "Storytelling"),
        ("đóng 80 đơn trước giờ ship chiều nay 📦", "Behind the scenes"),
        ("Một buổi sáng của thợ làm bánh: 4h sáng đã nhồi bột 🥖", "Behind the scenes"),
        ("Ảnh các bạn mặc áo len của shop đi Đà Lạt 🧶 cảm ơn cả nhà", "Duet / Stitch / UGC"),
        ("bat tay cung tiem hoa Lan lam set hoa + ca phe 💐", "Collab"),
        ("áo khoác dạ có sẵn 3 màu, inbox shop để chọn size 🧥", "Product"),
        # a tour guide ("hướng dẫn viên") is no how-to: the ticket sold wins
        ("Vé tham quan làng gốm 40k/người, có hướng dẫn viên đi cùng 🏺", "Product"),
    ],
)
def test_a_vietnamese_caption_that_implies_a_format_is_given_that_format(caption, expected):
    assert classify(caption).format == expected


@pytest.mark.parametrize(
    "caption",
    [
        "Quán cách đây 200m thôi, ghé chơi nha",  # "cách đây" is a distance, not a story's "years ago"
        "Đoàn khách từ Huế ghé tiệm sáng nay 🥰",  # "đoàn" (a group) is no "đoán" (guess)
        "Tiệm không giàu nhưng vui 😄",  # "giàu" (rich) is no "giấu" (hide): another tone mark, another word
        "chúc cả nhà cuối tuần may mắn 🍀",  # wishing luck is no lucky draw
        "Thứ 2 rồi, cà phê thôi ☕",
    ],
)
def test_a_vietnamese_greeting_or_look_alike_stays_other(caption):
    assert classify(caption).format == "Other"


def test_a_vietnamese_hint_is_quoted_with_its_reason_in_plain_words():
    found = classify("mẹo nhỏ: lưu lại để pha cà phê sữa đá ngon hơn")
    assert found.format == "Tutorial"
    assert '"lưu lại" (tips to save for later)' in found.reason
