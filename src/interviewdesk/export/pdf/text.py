"""User text as flowables: every script in a font that has it, right-to-left lines in visual order.

Left-to-right text becomes a Paragraph whose markup switches font per run. ReportLab's own bidi
needs a package that is not on PyPI, so text holding Hebrew or Arabic goes through BidiText
instead: lines are broken in logical order, each line is reordered with python-bidi (the Unicode
bidi algorithm), right-aligned when its first strong character is right-to-left, and Arabic runs
are shaped by HarfBuzz (handed back in logical order: it lays right-to-left text out itself).
Hebrew extracts back as typed; Arabic as the contextual presentation forms drawn, whose NFKC
normalisation is the text typed.
"""

from __future__ import annotations

import unicodedata
from typing import Any
from xml.sax.saxutils import escape

from bidi.algorithm import get_display  # the implementation that mirrors brackets in right-to-left runs
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from interviewdesk.export.pdf.cjk_wrap import MixedParagraph
from interviewdesk.export.pdf.fonts import (
    SANS,
    SHAPED,
    font_runs,
    has_cjk,
    has_rtl,
    shape,
    shaped_parts,
    shaped_width,
    text_width,
)


def markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for plain user text: escaped, one <font> per run, line breaks kept."""
    parts = []
    for run in font_runs(text):
        chunk = escape(run.text).replace("\n", "<br/>")
        # Our styles are all set in the Sans family: only other families need a tag.
        parts.append(chunk if run.family == SANS else f'<font face="{run.family}">{chunk}</font>')
    joined = "".join(parts)
    return f"<b>{joined}</b>" if bold else joined


def user_text(text: str, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
    """A flowable for text a user typed, in any script."""
    # Each run names its family, so a bold style must ask for the bold face explicitly.
    bold = bold or style.fontName.endswith("-Bold")
    if has_rtl(text):
        return BidiText(text, style, bold=bold)
    if has_cjk(text):
        # Chinese and Japanese have no spaces to break at; words of other scripts keep theirs.
        style = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
        return MixedParagraph(markup(text, bold=bold), style)
    return Paragraph(markup(text, bold=bold), style)


LONG_LINE = 3000  # characters of one paragraph laid out as one flowable at most


def user_paragraphs(text: str, style: ParagraphStyle, *, bold: bool = False) -> list[Flowable]:
    """Long user text (a note) as one flowable per paragraph, and an endless paragraph in pieces.

    ReportLab lays a Paragraph out again each time it splits it across a page, so one flowable
    for a whole note made export time grow with the square of its length (a 400 KB note: 2 min).
    """
    pieces: list[Flowable] = []
    for line in text.split("\n"):
        for chunk in _chunks(line):
            pieces.append(user_text(chunk, style, bold=bold))
    return pieces


def _chunks(line: str) -> list[str]:
    if len(line) <= LONG_LINE:
        return [line]
    chunks = []
    while len(line) > LONG_LINE:
        cut = line.rfind(" ", 0, LONG_LINE)
        cut = cut if cut > LONG_LINE // 2 else LONG_LINE
        chunks.append(line[:cut])
        line = line[cut:].lstrip(" ")
    return [*chunks, line] if line else chunks


def _base_direction(line: str) -> str:
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "L"


def draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    line: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    direction: str | None = None,
) -> None:
    """One line of user text at a baseline: reordered for display, each run in its own font.
    ``direction`` is the paragraph's ("L" or "R"; by default the line's own first strong letter)."""
    visual = get_display(line, base_dir=direction or _base_direction(line)) if has_rtl(line) else line
    width = text_width(visual, size, bold=bold)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for run in font_runs(visual):
        face = run.face(bold=bold)
        canvas.setFont(face, size)
        if run.family in SHAPED:
            # The bidi algorithm put this run in visual order; HarfBuzz shapes text in logical
            # order and lays an Arabic run out right to left itself. Handing it the visual order
            # reversed it twice: words came out backwards in isolated letters. The neutral edges
            # (a space, a full stop) stay where the bidi algorithm put them.
            lead, core, tail = shaped_parts(run.text)
            for part, shaped in ((lead, False), (core, True), (tail, False)):
                if not part:
                    continue
                if shaped:
                    canvas.drawString(x, y, shape(part, face, size))
                    x += shaped_width(part, face, size)
                else:
                    canvas.drawString(x, y, part)
                    x += canvas.stringWidth(part, face, size)
        else:
            canvas.drawString(x, y, run.text)
            x += text_width(run.text, size, bold=bold)


def fit_width(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """``text`` as it fits in ``width`` points, cut with an ellipsis when it does not."""
    if text_width(text, size, bold=bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if text_width(text[:mid] + "…", size, bold=bold) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


class BidiText(Flowable):
    """A block of text with right-to-left parts; splits across pages by whole lines. Each line
    keeps its paragraph's direction (a line that begins with a Latin word in a Hebrew paragraph
    is still right to left), also in the part carried to the next page."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        bold: bool = False,
        lines: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bold = bold or style.fontName.endswith("-Bold")
        self._given = lines  # the lines of a split, already broken, with their directions
        self._lines: list[tuple[str, str]] = []
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab API)
        self._width = availWidth
        self._lines = self._break_lines(availWidth)
        return availWidth, len(self._lines) * self.style.leading

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self._break_lines(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return []
        return [
            BidiText(_joined(lines[:fit]), self.style, bold=self.bold, lines=lines[:fit]),
            BidiText(_joined(lines[fit:]), self.style, bold=self.bold, lines=lines[fit:]),
        ]

    def draw(self) -> None:
        size, leading = self.style.fontSize, self.style.leading
        canvas: Any = self.canv
        canvas.setFillColor(self.style.textColor)
        y = len(self._lines) * leading - size
        for line, direction in self._lines:
            right = direction == "R"
            draw_line(
                canvas,
                self._width if right else 0.0,
                y,
                line,
                size,
                bold=self.bold,
                align="right" if right else "left",
                direction=direction,
            )
            y -= leading

    def _break_lines(self, width: float) -> list[tuple[str, str]]:
        if self._given is not None:
            return self._given
        size = self.style.fontSize
        lines: list[tuple[str, str]] = []
        for paragraph in self.text.split("\n"):
            direction = _base_direction(paragraph)
            current = ""
            for word in paragraph.split(" "):
                candidate = f"{current} {word}" if current else word
                if current and text_width(candidate, size, bold=self.bold) > width:
                    lines.append((current, direction))
                    current = word
                else:
                    current = candidate
                while text_width(current, size, bold=self.bold) > width and len(current) > 1:
                    cut = _longest_prefix(current, width, size, bold=self.bold)
                    lines.append((current[:cut], direction))
                    current = current[cut:]
            lines.append((current, direction))
        return lines


def _joined(lines: list[tuple[str, str]]) -> str:
    return "\n".join(line for line, _ in lines)


def _longest_prefix(text: str, width: float, size: float, *, bold: bool) -> int:
    """How many characters of an overlong word fit on one line (at least one)."""
    low, high = 1, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid], size, bold=bold) <= width:
            low = mid
        else:
            high = mid - 1
    return low
