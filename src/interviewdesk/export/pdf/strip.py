"""The panel's chart: one row per competency, one mark per interviewer on the rubric's scale.

It replaces the radar on the panel page because it reads at any panel size: a competency nobody
scored has no mark (a radar drew it as 0, collapsing shapes toward the centre); each interviewer
has a shape as well as a colour, so it prints in grayscale; marks that share a level sit side by
side instead of on top of each other; an unsubmitted interview's marks are hollow. Names are drawn
with the same per-script runs and bidi as all user text, so no name is blank in any script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from interviewdesk.export.pdf.styles import INK, MUTED, RULE, SERIES
from interviewdesk.export.pdf.text import draw_line, fit_width

SHAPES = ("circle", "square", "triangle", "diamond", "down", "cross", "plus", "star")
ROW = 13.0  # points per competency
MARK = 3.2  # a mark's half size
LABEL_SIZE = 7.5


@dataclass(frozen=True, slots=True)
class Strand:
    name: str
    levels: Sequence[int | None]  # one per competency
    counted: bool = True  # False: hollow marks (not submitted)


class StripPlot(Flowable):
    def __init__(self, competencies: Sequence[str], strands: Sequence[Strand], *, top_level: int) -> None:
        super().__init__()
        self.competencies, self.strands, self.top = list(competencies), list(strands), max(1, top_level)
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab API)
        self._width = availWidth
        return availWidth, self._height()

    def _legend_rows(self) -> int:
        return (len(self.strands) + 2) // 3

    def _height(self) -> float:
        return ROW * (len(self.competencies) + 1) + 6 + ROW * self._legend_rows()

    def draw(self) -> None:
        canvas: Any = self.canv
        label_width = 0.3 * self._width
        left, right = label_width + 8, self._width - 8
        top_y = self._height() - ROW
        step = (right - left) / max(1, self.top - 1)

        def x_of(level: int) -> float:
            return left + (level - 1) * step

        canvas.setFont("IDSans", LABEL_SIZE)
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        bottom = top_y - ROW * len(self.competencies)
        for level in range(1, self.top + 1):  # the scale's rings, as columns
            canvas.line(x_of(level), top_y - 2, x_of(level), bottom + 2)
            canvas.drawCentredString(x_of(level), top_y + 3, str(level))
        for row, name in enumerate(self.competencies):
            y = top_y - ROW * (row + 1) + 4
            canvas.setFillColor(INK)
            draw_line(canvas, 0, y, fit_width(name, label_width, LABEL_SIZE), LABEL_SIZE)
            at_level: dict[int, list[int]] = {}
            for index, strand in enumerate(self.strands):
                given = strand.levels[row] if row < len(strand.levels) else None
                if given is not None and 1 <= given <= self.top:  # not scored: no mark at all
                    at_level.setdefault(given, []).append(index)
            for shared, indices in at_level.items():
                spread = 2.4 * MARK
                first = x_of(shared) - spread * (len(indices) - 1) / 2
                for offset, index in enumerate(indices):
                    strand = self.strands[index]
                    _mark(canvas, first + offset * spread, y + 2.5, index, hollow=not strand.counted)
        self._legend(canvas, bottom - ROW + 2)

    def _legend(self, canvas: Any, y: float) -> None:
        column = self._width / 3
        for index, strand in enumerate(self.strands):
            row, col = divmod(index, 3)
            x = col * column
            line_y = y - row * ROW
            _mark(canvas, x + MARK + 1, line_y + 2.5, index, hollow=not strand.counted)
            canvas.setFillColor(INK)
            name = strand.name + ("" if strand.counted else " (not submitted)")
            draw_line(
                canvas,
                x + 3 * MARK + 4,
                line_y,
                fit_width(name, column - 3 * MARK - 8, LABEL_SIZE),
                LABEL_SIZE,
            )


def _mark(canvas: Any, x: float, y: float, index: int, *, hollow: bool) -> None:
    colour = SERIES[index % len(SERIES)]
    shape = SHAPES[index % len(SHAPES)]
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colors.white if hollow else colour)
    canvas.setLineWidth(1)
    r = MARK
    if shape == "circle":
        canvas.circle(x, y, r, stroke=1, fill=1)
        return
    if shape == "square":
        canvas.rect(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r, stroke=1, fill=1)
        return
    if shape in ("cross", "plus"):
        canvas.setLineWidth(1.4)
        if shape == "cross":
            canvas.line(x - r, y - r, x + r, y + r)
            canvas.line(x - r, y + r, x + r, y - r)
        else:
            canvas.line(x - r, y, x + r, y)
            canvas.line(x, y - r, x, y + r)
        return
    points = {
        "triangle": [(0, r * 1.1), (r, -r * 0.8), (-r, -r * 0.8)],
        "down": [(0, -r * 1.1), (r, r * 0.8), (-r, r * 0.8)],
        "diamond": [(0, r * 1.2), (r, 0), (0, -r * 1.2), (-r, 0)],
        "star": [
            (0, r * 1.2),
            (r * 0.35, r * 0.35),
            (r * 1.2, 0),
            (r * 0.35, -r * 0.35),
            (0, -r * 1.2),
            (-r * 0.35, -r * 0.35),
            (-r * 1.2, 0),
            (-r * 0.35, r * 0.35),
        ],
    }[shape]
    path = canvas.beginPath()
    path.moveTo(x + points[0][0], y + points[0][1])
    for dx, dy in points[1:]:
        path.lineTo(x + dx, y + dy)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)
