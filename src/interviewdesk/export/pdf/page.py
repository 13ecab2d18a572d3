"""Pages: paper size, the running header and footer, and the build of a story into PDF bytes.

Every page carries the candidate's name and "page N of M"; when private notes are included,
every page says so in a band a reader cannot miss.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from interviewdesk.errors import UserError
from interviewdesk.export.pdf.fonts import SANS, bold_face, register_fonts
from interviewdesk.export.pdf.text import draw_line, fit_width

PRIVATE_BANNER = "CONTAINS PRIVATE NOTES - for the interviewer only, not for the panel"
MARGIN = 18 * mm


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def size(self) -> tuple[float, float]:
        width, height = A4 if self is Paper.A4 else LETTER
        return float(width), float(height)


# Territories whose printers are loaded with US Letter.
_LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "DO", "PR", "BZ"}
)


def paper_for_locale(environ: dict[str, str] | None = None) -> Paper:
    """Letter where the locale's territory uses it, A4 everywhere else (as glibc's LC_PAPER does)."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(variable, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            territory = value.split(".")[0].split("@")[0].partition("_")[2].upper()
            return Paper.LETTER if territory in _LETTER_TERRITORIES else Paper.A4
    return Paper.A4


@dataclass(frozen=True, slots=True)
class PageFrame:
    """What the running header and footer say on every page, and the file's metadata."""

    title: str
    candidate: str
    private: bool
    exported_at: datetime | None = None  # None: a reproducible file (fixed dates), for tests
    confidential: bool = True  # False for the letter the candidate receives
    author: str = "InterviewDesk"
    language: str = "en"
    furniture: bool = True  # False: a letter, with a page number only from page 2 on


class _NumberedCanvas(Canvas):
    """Holds each page until the end so the footer can say 'page N of M'."""

    def __init__(self, *args: Any, frame: PageFrame, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._frame = frame
        self._pages: list[dict[str, Any]] = []
        self._outline: dict[int, list[tuple[str, int]]] = {}  # page number -> (title, level)

    def mark_outline(self, title: str, level: int) -> None:
        """A bookmark to the page being drawn (set when the pages are written out, at the end)."""
        self._outline.setdefault(len(self._pages) + 1, []).append((title, level))

    def showPage(self) -> None:  # noqa: N802 (ReportLab API)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        outline = self._outline
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            for index, (title, level) in enumerate(outline.get(number, [])):
                key = f"p{number}-{index}"
                self.bookmarkPage(key)
                self.addOutlineEntry(title, key, level=level)
            _draw_furniture(self, self._frame, number, total)
            super().showPage()
        if outline:
            self.showOutline()
        super().save()


class OutlineEntry(Flowable):
    """Takes no room; puts a bookmark to the page it lands on in the PDF's outline."""

    def __init__(self, title: str, level: int = 0) -> None:
        super().__init__()
        self.title, self.level = title, level

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, _NumberedCanvas):
            canvas.mark_outline(self.title, self.level)


def _draw_furniture(canvas: Canvas, frame: PageFrame, number: int, total: int) -> None:
    width, height = canvas._pagesize
    if not frame.furniture:
        if number > 1:
            canvas.setFont(SANS, 8)
            canvas.drawCentredString(width / 2, MARGIN / 2, str(number))
        return
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#555555"))
    top = height - MARGIN / 2 - 3
    half = (width - 2 * MARGIN) / 2 - 6  # a long name is cut, never drawn over the title or the number
    draw_line(canvas, MARGIN, top, fit_width(frame.title, half, 8), 8)
    draw_line(
        canvas,
        width - MARGIN,
        top,
        fit_width(frame.candidate, half, 8, bold=True),
        8,
        bold=True,
        align="right",
    )
    canvas.setStrokeColor(colors.HexColor("#BBBBBB"))
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, height - MARGIN + 2 * mm, width - MARGIN, height - MARGIN + 2 * mm)
    bottom = MARGIN / 2
    third = (width - 2 * MARGIN) / 3 - 6
    draw_line(canvas, MARGIN, bottom, fit_width(frame.candidate, third, 8), 8)
    canvas.setFont(SANS, 8)
    canvas.drawRightString(width - MARGIN, bottom, f"Page {number} of {total}")
    notice = _notice(frame)
    if notice:
        canvas.setFont(SANS, 7)
        canvas.drawCentredString(width / 2, bottom, notice)
    if frame.private:  # a band at the top and at the bottom of every page
        for band_y in (height - MARGIN - 2 * mm, bottom + 9):
            canvas.setFillColor(colors.HexColor("#B00020"))
            canvas.rect(MARGIN, band_y, width - 2 * MARGIN, 11, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.setFont(bold_face(SANS), 7.5)
            canvas.drawCentredString(width / 2, band_y + 3, PRIVATE_BANNER)
    canvas.restoreState()


def _notice(frame: PageFrame) -> str:
    parts = ["Confidential: candidate personal data"] if frame.confidential else []
    if frame.exported_at is not None:
        parts.append(f"exported {frame.exported_at.astimezone():%Y-%m-%d %H:%M UTC%z}")
    return " · ".join(parts)


def build_pdf(story: Sequence[Flowable], *, frame: PageFrame, paper: Paper, subject: str) -> bytes:
    """Lay out ``story`` on numbered pages and return the PDF's bytes (nothing touches the disk)."""
    register_fonts()
    buffer = io.BytesIO()
    width, height = paper.size
    bottom = MARGIN + (6 * mm if frame.private else 0)
    top = MARGIN + (6 * mm if frame.private else 0)
    doc = BaseDocTemplate(
        buffer,
        pagesize=paper.size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top,
        bottomMargin=bottom,
        title=f"{frame.title}: {frame.candidate}" + (" (includes private notes)" if frame.private else ""),
        author=frame.author or "InterviewDesk",
        subject=subject,
        creator="InterviewDesk",
        lang=frame.language,
        # Real creation dates on an export; fixed ones (the same content, the same bytes) without.
        invariant=frame.exported_at is None,
        initialFontName=SANS,  # not even an unused Helvetica is written into the file
    )
    body = Frame(
        MARGIN, bottom, width - 2 * MARGIN, height - top - bottom, id="body", leftPadding=0, rightPadding=0
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[body])])
    try:
        doc.build(list(story), canvasmaker=lambda *a, **k: _NumberedCanvas(*a, frame=frame, **k))
    except LayoutError:
        # Nothing known still triggers this (long cells split across pages); if something does,
        # the user gets a sentence, not a traceback, and no file is written.
        raise UserError(
            "the PDF could not be laid out: some text is too large for a page. Nothing was written; "
            "shorten the longest note or evidence and export again."
        ) from None
    return buffer.getvalue()
