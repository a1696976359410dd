"""Will this text fit its box on the slide? Text measured with a real font, wrapped as PowerPoint wraps it.

python-pptx writes text but cannot measure it, and "shrink text on overflow" only takes effect once
PowerPoint re-lays a box out, so a French or Vietnamese headline (often a third longer than the
English) could run past its box. The deck measures every line with DejaVu Sans (shipped in
assets/fonts; it covers Vietnamese): it is wider than Calibri, the deck's theme font, and than Arial,
so text that fits in DejaVu Sans fits in whichever of them the client's PowerPoint, Keynote or Google
Slides shows, and DejaVu Sans is what LibreOffice falls back to where Calibri is missing.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from PIL import ImageFont

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
LINE_HEIGHT = 1.2  # a line of single-spaced text, in font sizes (PowerPoint's is 1.2 for most fonts)
_SCALE = 20  # the font is loaded at 20 pixels a point, so widths keep a twentieth of a point


@functools.cache
def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD if bold else REGULAR), round(size * _SCALE))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of text, in points."""
    return _font(size, bold).getlength(text) / _SCALE


# A run of text in one style: (text, size in points, bold).
Run = tuple[str, float, bool]


def line_count(runs: Sequence[Run], width: float) -> int:
    """The lines one paragraph takes in a box `width` points wide, wrapped between words.

    A word longer than the whole width counts the lines PowerPoint cuts it into."""
    lines, used = 1, 0.0
    for text, size, bold in runs:
        for index, word in enumerate(text.split(" ")):
            space = text_width(" ", size, bold) if index or used else 0.0
            if index == 0 and used and not text.startswith(" ") and word:
                space = 0.0  # a run continuing the previous run's word
            length = text_width(word, size, bold)
            if used and used + space + length > width:
                lines, used, space = lines + 1, 0.0, 0.0
            if length > width:  # a word wider than the box: cut into pieces
                pieces = int(length // width)
                lines += pieces
                used = length - pieces * width
            else:
                used += space + length
    return lines


def height(paragraphs: Sequence[Sequence[Run]], width: float, spacing: Sequence[float] = ()) -> float:
    """The height in points the paragraphs take in a box `width` points wide (`spacing`: points before each)."""
    total = 0.0
    for index, runs in enumerate(paragraphs):
        size = max((run[1] for run in runs), default=0.0)
        for line in _lines(runs):
            total += line_count(line, width) * size * LINE_HEIGHT
        total += spacing[index] if index < len(spacing) and index else 0.0
    return total


def _lines(runs: Sequence[Run]) -> list[list[Run]]:
    """A paragraph's runs split at line breaks (a vertical tab or a newline in a run)."""
    lines: list[list[Run]] = [[]]
    for text, size, bold in runs:
        for index, piece in enumerate(text.replace("\v", "\n").split("\n")):
            if index:
                lines.append([])
            lines[-1].append((piece, size, bold))
    return lines
