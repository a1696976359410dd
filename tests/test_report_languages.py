"""Decks and HTML reports in the client's language: every language's deck is 16:9 and no text runs
past its box (measured with the font, wrapped as PowerPoint wraps it), French and Vietnamese decks
and reports say their headlines in French and Vietnamese, and `--lang` does the same from the command line."""

from __future__ import annotations

import io
import unicodedata
from html import escape
from pathlib import Path

import pytest
from PIL import ImageFont
from pptx import Presentation
from pptx.util import Inches

from analytics import i18n
from analytics.__main__ import main
from analytics.report import build_report, default_report_period
from analytics.report.deck import build_deck
from analytics.report.html import build_html
from analytics.sample import SAMPLE_DIR, demo_workspace

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"
EMU_PER_POINT = 12700
LINE = 1.2  # single spacing, in font sizes
# Findings whose headline the report writes itself (the rest come from the pages' views).
OWN_HEADLINES = {
    "overview_kpis",
    "overview_views",
    "overview_followers",
    "formats_rate",
    "formats_videos",
    "formats_posting_times",
    "members_champions",
    "members_replies",
    "members_reply_effect",
    "segments_active_hours",
    "live_viewers",
    "live_slots",
    "live_what_if",
}


@pytest.fixture(scope="module")
def decks():
    """The demo's report in each language, over the app's default period, and its deck (built once)."""
    workspace = demo_workspace()
    period = default_report_period(workspace.con)
    memo: dict = {}  # comments' tones are read once, whatever the language
    built = {}
    for language in i18n.LANGUAGES:
        with i18n.use(language):
            report = build_report(
                workspace.con,
                period=period,
                client="<b>Phin</b> & Co.",
                brand_label=workspace.label,
                salt="test-salt",
                brand_handle="phinco.coffee",
                sentiment_memo=memo,
            )
        built[language] = (report, Presentation(io.BytesIO(build_deck(report, images=False))))
    return built


def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), round(size * 10))


def _wrapped_lines(words: list[tuple[str, float, bool]], width: float) -> int:
    """Lines a paragraph takes: each line grown word by word and measured whole, as typeset."""
    lines, line = 1, []
    for word in words:
        candidate = [*line, word]
        if line and _measure(candidate) > width:
            lines, candidate = lines + 1, [word]
        if _measure([word]) > width:  # one word wider than the box is cut where it reaches the edge
            lines += int(_measure([word]) // width)
        line = candidate
    return lines


def _measure(words: list[tuple[str, float, bool]]) -> float:
    total = 0.0
    for index, (word, size, bold) in enumerate(words):
        text = word if index == 0 else " " + word
        total += _font(size, bold).getlength(text) / 10
    return total


def overflows(slide) -> list[str]:
    """Every text box on the slide whose wrapped text is taller than the box, with the numbers."""
    found = []
    for shape in slide.shapes:
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            continue
        frame = shape.text_frame
        width = (shape.width - frame.margin_left - frame.margin_right) / EMU_PER_POINT
        room = (shape.height - frame.margin_top - frame.margin_bottom) / EMU_PER_POINT
        needed = 0.0
        for index, paragraph in enumerate(frame.paragraphs):
            if index and paragraph.space_before is not None:
                needed += paragraph.space_before.pt
            size = max(run.font.size.pt for run in paragraph.runs) if paragraph.runs else 0
            words = [
                (word, run.font.size.pt, bool(run.font.bold))
                for run in paragraph.runs
                for word in run.text.split()
            ]
            needed += _wrapped_lines(words, width) * size * LINE
        if needed > room + 0.5:
            found.append(f"{frame.text[:70]!r}: {needed:.0f} pt of text in a {room:.0f} pt box")
    return found


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_no_text_overflows_its_box_on_any_slide_in_any_language(decks, language):
    report, prs = decks[language]
    assert prs.slide_width == Inches(13.333) and prs.slide_height == Inches(7.5)  # 16:9
    assert len(prs.slides) >= 10
    problems = [
        f"slide {number}: {problem}"
        for number, slide in enumerate(prs.slides, 1)
        for problem in overflows(slide)
    ]
    assert not problems, "\n".join(problems)


def test_the_font_measured_has_every_letter_of_every_deck(decks):
    """DejaVu Sans draws every letter, digit and punctuation mark the six decks hold (Vietnamese too):
    no box is measured with the width of a missing glyph. (Emoji in a caption come from the viewer's
    emoji font, in PowerPoint as here.)"""
    font = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 20)
    nothing = bytes(font.getmask("\ue000"))  # a private-use code point: the font's "no glyph" box
    letters = {
        letter
        for _report, prs in decks.values()
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for letter in shape.text_frame.text
        if unicodedata.category(letter)[0] in "LNP"
    }
    assert {"ệ", "ữ", "đ", "é", "ç", "ñ", "ã"} <= letters
    assert not [letter for letter in letters if bytes(font.getmask(letter)) == nothing]


def _own_headlines(report) -> dict[str, str]:
    return {finding.key: finding.headline for finding in report.findings if finding.key in OWN_HEADLINES}


@pytest.mark.parametrize("language", ["fr", "vi"])
def test_french_and_vietnamese_decks_state_their_findings_in_their_language(decks, language):
    english, _deck = decks["en"]
    report, prs = decks[language]
    assert report.language == language
    ours, theirs = _own_headlines(report), _own_headlines(english)
    assert len(ours) >= 8 and ours.keys() == theirs.keys()
    assert all(ours[key] != theirs[key] for key in ours), ours
    texts = [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]
    headlines = [
        shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.name == "Headline"
    ]
    assert set(ours.values()) <= set(headlines)
    with i18n.use(language):
        translated = [
            i18n._("TikTok community report"),
            i18n._("How these numbers were made"),
            i18n._("Methodology").upper(),
        ]
    assert all(line in texts for line in translated)
    assert not {"TikTok community report", "How these numbers were made", "METHODOLOGY"} & set(texts)
    assert prs.core_properties.language == language


@pytest.mark.parametrize("language", ["fr", "vi"])
def test_french_and_vietnamese_html_reports_are_in_their_language_and_still_escape_uploads(decks, language):
    report, _deck = decks[language]
    page = build_html(report)
    assert f'<html lang="{language}">' in page
    for headline in _own_headlines(report).values():
        assert f"<h3>{escape(headline)}</h3>" in page
    for english in (
        "How these numbers were made",
        ">Methodology<",
        "Data used",
        "Prepared on",
        "works offline",
    ):
        assert english not in page
    assert "&lt;b&gt;Phin&lt;/b&gt; &amp; Co." in page and "<b>Phin</b>" not in page


def test_the_command_line_writes_a_french_deck_and_a_brazilian_report(tmp_path, capsys):
    files = sorted(str(path) for path in SAMPLE_DIR.iterdir() if path.suffix in {".csv", ".zip"})
    deck = tmp_path / "phin.pptx"
    assert main(["report", *files, "--out", str(deck), "--sections", "overview", "--lang", "fr"]) == 0
    prs = Presentation(str(deck))
    texts = [shape.text_frame.text for slide in prs.slides for shape in slide.shapes if shape.has_text_frame]
    assert "Rapport de communauté TikTok" in texts and "VUE D'ENSEMBLE" in texts and "MÉTHODOLOGIE" in texts
    assert "OVERVIEW" not in texts
    page = tmp_path / "phin.html"
    assert main(["report", *files, "--out", str(page), "--sections", "overview", "--lang", "pt-BR"]) == 0
    written = page.read_text(encoding="utf-8")
    assert '<html lang="pt-BR">' in written and "Relatório da comunidade no TikTok" in written
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["report", *files, "--out", str(deck), "--lang", "klingon"])
    assert "choose from en, vi, fr, es, pt_BR, id" in capsys.readouterr().err


def test_a_decks_numbers_weekdays_and_durations_are_written_the_readers_way():
    from analytics.report import text

    expected = {
        "en": ("1,234.5", "12.3%", "+4%", "Friday", "4.5 hours"),
        "vi": ("1.234,5", "12,3%", "+4%", "Thứ Sáu", "4,5 giờ"),
        "fr": ("1\u202f234,5", "12,3\u00a0%", "+4\u00a0%", "vendredi", "4,5 heures"),
        "es": ("1.234,5", "12,3\u00a0%", "+4\u00a0%", "viernes", "4,5 horas"),
        "pt_BR": ("1.234,5", "12,3%", "+4%", "sexta-feira", "4,5 horas"),
        "id": ("1.234,5", "12,3%", "+4%", "Jumat", "4,5 jam"),
    }
    for language, words in expected.items():
        with i18n.use(language):
            said = (
                text.number(1234.5, 1),
                text.percent(0.1234, 1),
                text.percent(0.04, signed=True),
                text.weekday(4),
                text.hours(4.5),
            )
        assert said == words, language


def test_two_counts_in_one_headline_share_the_languages_own_word_for_thousands_and_millions():
    from analytics.report import text

    expected = {
        "en": (("9.8K", "28.4K"), ("1.2M", "2.5M")),
        "vi": (("9,8\u00a0N", "28,4\u00a0N"), ("1,2\u00a0Tr", "2,5\u00a0Tr")),
        "fr": (("9,8\u00a0k", "28,4\u00a0k"), ("1,2\u00a0M", "2,5\u00a0M")),
        "pt_BR": (("9,8\u00a0mil", "28,4\u00a0mil"), ("1,2\u00a0mi", "2,5\u00a0mi")),
        "id": (("9,8\u00a0rb", "28,4\u00a0rb"), ("1,2\u00a0jt", "2,5\u00a0jt")),
    }
    for language, pairs in expected.items():
        with i18n.use(language):
            assert (text.counts(9758, 28_400), text.counts(1_200_000, 2_500_000)) == pairs, language
