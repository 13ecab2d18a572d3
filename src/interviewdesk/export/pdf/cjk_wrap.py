"""Line breaking for text that mixes Chinese or Japanese with words in a spaced script.

ReportLab's CJK wrap treats every character as a place to break and looks back only half a line
for a better one, so a Latin word in a Chinese sentence was cut mid-word ("architectur|e"). Here
a line may break at a space or beside a wide (East Asian) character, never inside a word of a
spaced script unless that word alone is wider than the line; and a closing mark (。、」…) never
starts a line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

FUZZ = 1e-6


def _wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")


def _space(char: str) -> bool:
    return char.isspace()


def may_break_before(glyphs: Sequence[str], index: int) -> bool:
    """Whether a line may start at ``glyphs[index]``."""
    before, after = glyphs[index - 1], glyphs[index]
    if after in ALL_CANNOT_START:
        return False
    return _space(before) or _wide(before) or _wide(after)


def _break_point(glyphs: Sequence[str], start: int, overflow: int) -> int:
    """Where the line that began at ``start`` ends, given that ``glyphs[overflow]`` does not fit:
    the last allowed break, or (a word wider than the line) just before the overflow."""
    for index in range(overflow, start, -1):
        if may_break_before(glyphs, index):
            return index
    return max(overflow, start + 1)


def split_mixed(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    glyphs: list[Any] = []
    for frag in frags:
        text = frag.text or ""
        # An empty fragment is a <br/> (lineBreak) or an inline object; it keeps its place.
        glyphs.extend([cjkU(char, frag, "utf8") for char in text] if text else [cjkU("", frag, "utf8")])
    lines: list[Any] = []
    start = index = 0
    used = 0.0

    def width_of(line_number: int) -> float:
        return max_widths[min(line_number, len(max_widths) - 1)]

    def end_line(stop: int, forced: bool) -> None:
        kept = glyphs[start:stop]
        while kept and _space(kept[-1]):  # a space at the end of a line takes no room
            kept = kept[:-1]
        width = width_of(len(lines))
        filled = sum(glyph.width for glyph in kept)
        lines.append(makeCJKParaLine(kept, width, filled, width - filled, forced, calc_bounds))

    while index < len(glyphs):
        glyph = glyphs[index]
        if hasattr(glyph.frag, "lineBreak"):
            end_line(index + 1, True)
            start = index = index + 1
            used = 0.0
            continue
        # A space may hang past the margin: it is dropped at the end of the line anyway.
        overflows = not _space(glyph) and used + glyph.width > width_of(len(lines)) + FUZZ
        if overflows and index > start:
            cut = _break_point(glyphs, start, index)
            end_line(cut, False)
            while cut < len(glyphs) and _space(glyphs[cut]):
                cut += 1
            start = index = cut
            used = 0.0
            continue
        used += glyph.width
        index += 1
    if start < len(glyphs):
        end_line(len(glyphs), False)
    return ParaLines(kind=1, lines=lines)


class MixedParagraph(Paragraph):
    """A Paragraph whose style has ``wordWrap="CJK"``, broken by :func:`split_mixed`."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 (ReportLab's names)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # the second half of a paragraph split across pages
        widths = maxWidths if isinstance(maxWidths, list | tuple) else [maxWidths]
        self.height = 0
        calc_bounds = getattr(self, "autoLeading", getattr(self.style, "autoLeading", "")) not in ("", "off")
        return split_mixed(self.frags, widths, calc_bounds)
