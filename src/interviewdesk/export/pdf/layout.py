"""Small layout helpers shared by the interview and panel summaries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeAlias

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from interviewdesk.export.pdf.fonts import SANS, font_runs, text_width
from interviewdesk.export.pdf.styles import FLAG, FLAG_FILL, HEADER_FILL, RULE, Styles
from interviewdesk.export.pdf.text import user_text

# A table cell: a Flowable or a plain string (ReportLab has no type hints, so this is Any).
Cell: TypeAlias = Any


def minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min"


def signed_minutes(seconds: float) -> str:
    value = round(seconds / 60)
    if value == 0:
        return "on plan"
    return f"{value:+d} min {'over' if value > 0 else 'under'}"


def local_time(moment: datetime | None, *, empty: str = "-") -> str:
    """A stored UTC time in the machine's local time, for a reader."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else empty


def table(
    styles: Styles,
    header: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    flagged_rows: Sequence[int] = (),
    numeric: Sequence[int] = (),
) -> Table:
    """A ruled table whose header repeats on every page it spans; str cells are user text. The
    ``numeric`` columns are right-aligned, so their digits line up."""
    right = ParagraphStyle("cell-right", parent=styles.cell, alignment=TA_RIGHT)
    body: list[list[Flowable | str]] = [
        [
            user_text(h, right if index in numeric else styles.cell, bold=True) if isinstance(h, str) else h
            for index, h in enumerate(header)
        ]
    ]
    body += [
        [
            cell(c, styles.cell, width) if isinstance(c, str) else c
            for c, width in zip(row, widths, strict=True)
        ]
        for row in rows
    ]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for index in flagged_rows:
        commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), FLAG_FILL))
    for column in numeric:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    return grid(body, widths, commands, text_style=styles.cell, repeat_rows=1)


def cell(text: str, style: ParagraphStyle, width: float) -> Flowable | str:
    """Short one-line Latin text is drawn by the table itself: a Paragraph costs ten times more."""
    padding = 12  # the table's default left and right padding
    if (
        "\n" not in text
        and len(runs := font_runs(text)) <= 1
        and (not runs or runs[0].family == SANS)
        and stringWidth(drawn := runs[0].text if runs else "", SANS, style.fontSize) <= width - padding
    ):
        return drawn  # as font_runs gives it: a character no font has is named, not dropped
    return user_text(text, style)


def grid(
    cells: Sequence[Sequence[Flowable | list[Flowable] | str]],
    widths: Sequence[float],
    commands: Sequence[tuple[object, ...]] = (),
    *,
    text_style: ParagraphStyle,
    repeat_rows: int = 0,
) -> Table:
    """A Table of flowables and short strings; the strings are set like ``text_style``, in our font,
    so no built-in font enters the file."""
    result = Table(
        [list(row) for row in cells],
        colWidths=list(widths),
        repeatRows=repeat_rows,
        hAlign="LEFT",
        splitInRow=1,  # a cell taller than a page (a pasted essay of evidence) splits across pages
    )
    result.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("FONTSIZE", (0, 0), (-1, -1), text_style.fontSize),
                ("LEADING", (0, 0), (-1, -1), text_style.leading),
                ("TEXTCOLOR", (0, 0), (-1, -1), text_style.textColor),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *commands,
            ]
        )
    )
    return result


def fitted_label(text: str, style: ParagraphStyle, width: float, *, smallest: float = 6.0) -> Flowable:
    """A bold label whose longest word fits ``width`` (a narrow column's header): set smaller
    rather than broken in the middle of a word ("Priy|a Ra|man")."""
    longest = max((text_width(word, style.fontSize, bold=True) for word in text.split()), default=0.0)
    room = width - 12  # the table's cell padding
    if longest <= room:
        return user_text(text, style, bold=True)
    size = max(smallest, style.fontSize * room / longest)
    smaller = ParagraphStyle(f"{style.name}-fit", parent=style, fontSize=size, leading=size * 1.25)
    return user_text(text, smaller, bold=True)


def flag_mark(styles: Styles, text: str) -> Paragraph:
    return Paragraph(f'<font color="{FLAG.hexval()}"><b>{text}</b></font>', styles.cell)
