"""Small layout helpers shared by the interview and panel summaries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from interviewdesk.export.pdf.fonts import SANS
from interviewdesk.export.pdf.styles import FLAG, FLAG_FILL, HEADER_FILL, RULE, Styles
from interviewdesk.export.pdf.text import markup, user_text

Cell = Flowable | str


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
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    flagged_rows: Sequence[int] = (),
) -> Table:
    """A ruled table whose header repeats on every page it spans; str cells are user text."""
    body: list[list[Flowable]] = [[Paragraph(markup(h, bold=True), styles.cell) for h in header]]
    body += [[user_text(c, styles.cell) if isinstance(c, str) else c for c in row] for row in rows]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for index in flagged_rows:
        commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), FLAG_FILL))
    return grid(body, widths, commands, repeat_rows=1)


def grid(
    cells: Sequence[Sequence[Flowable | list[Flowable]]],
    widths: Sequence[float],
    commands: Sequence[tuple[object, ...]] = (),
    *,
    repeat_rows: int = 0,
) -> Table:
    """A Table of flowables; its own font is ours too, so no built-in font enters the file."""
    result = Table([list(row) for row in cells], colWidths=list(widths), repeatRows=repeat_rows, hAlign="LEFT")
    result.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"), *commands]))
    return result


def flag_mark(styles: Styles, text: str) -> Paragraph:
    return Paragraph(f'<font color="{FLAG.hexval()}"><b>{text}</b></font>', styles.cell)
