"""Paragraph styles and colours of the summaries, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from interviewdesk.export.pdf.fonts import SANS, bold_face, register_fonts

INK = colors.HexColor("#1F2328")
MUTED = colors.HexColor("#59636E")
RULE = colors.HexColor("#D0D7DE")
HEADER_FILL = colors.HexColor("#EEF1F4")
FLAG = colors.HexColor("#B00020")
FLAG_FILL = colors.HexColor("#FDECEE")
GOOD = colors.HexColor("#1A7F37")
# One colour per interviewer in the panel's charts and matrix (colour-blind safe, Okabe-Ito).
SERIES = tuple(
    colors.HexColor(code)
    for code in ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")
)


@dataclass(frozen=True, slots=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    flag: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()  # a style may only name a registered font
    body = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5, textColor=INK, spaceAfter=3)
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=bold_face(SANS), fontSize=17, leading=21, spaceAfter=4
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=bold_face(SANS),
            fontSize=12,
            leading=15,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,  # a heading never ends a page without what it heads
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cell-bold", parent=body, fontName=bold_face(SANS), fontSize=8.5, leading=11, spaceAfter=0
        ),
        flag=ParagraphStyle("flag", parent=body, fontSize=9, leading=12, textColor=FLAG, spaceAfter=1),
    )
