"""The role comparison PDF: the candidates of one role side by side, for the people who decide.

First the scores (per competency the mean of the submitted interviews, with how many scored it),
then the recommendations, then whether each candidate had the same interview as the others, and
last what to discuss.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from interviewdesk.domain.role_compare import CandidateLine, Cell, RoleComparison
from interviewdesk.export.pdf.layout import fitted_label, minutes, table
from interviewdesk.export.pdf.page import OutlineEntry
from interviewdesk.export.pdf.styles import Styles
from interviewdesk.export.pdf.text import user_text

NAME_WIDTH = 34 * mm
OVERALL_WIDTH = 14 * mm


def role_story(
    comparison: RoleComparison, lines: Sequence[CandidateLine], styles: Styles, width: float
) -> list[Flowable]:
    pending = sum(1 for line in lines if line.submitted < line.interviews)
    story: list[Flowable] = [
        OutlineEntry(f"Role comparison: {comparison.title}"),
        Paragraph("Role comparison", styles.small),
        user_text(comparison.title, styles.title),
        user_text(
            f"{len(lines)} candidate{'s' if len(lines) != 1 else ''}. Only submitted interviews count; "
            + (
                f"{pending} candidate{'s have' if pending != 1 else ' has'} interviews not yet submitted."
                if pending
                else "every interview is submitted."
            ),
            styles.body,
        ),
        OutlineEntry("Scores by competency", level=1),
        Paragraph("Scores by competency", styles.heading),
        *_scores(comparison, lines, styles, width),
        OutlineEntry("Recommendations", level=1),
        Paragraph("Recommendations", styles.heading),
        _recommendations(lines, styles, width),
        OutlineEntry("Equal treatment", level=1),
        Paragraph("Equal treatment", styles.heading),
        user_text(
            "Whether each candidate had the interview the others had: the script's questions asked, "
            "the time the interviews took and the time for the candidate's own questions, against "
            "the plan.",
            styles.body,
        ),
        _treatment(lines, styles, width),
    ]
    flagged = [line for line in lines if line.to_discuss]
    if flagged:
        story += [OutlineEntry("To discuss", level=1), Paragraph("To discuss", styles.heading)]
        for line in flagged:
            story.append(user_text(line.name, styles.cell_bold))
            story += [user_text(f"• {flag}", styles.body) for flag in line.to_discuss]
    return story


def _cell(cell: Cell) -> str:
    if cell.mean is None:
        return "-"
    return f"{cell.mean:.1f} ({cell.count}){' *' if cell.disagreement else ''}"


MAX_COMPETENCIES = 5  # side by side, their names still whole; more go into further tables


def _scores(
    comparison: RoleComparison, lines: Sequence[CandidateLine], styles: Styles, width: float
) -> list[Flowable]:
    keys = list(comparison.competencies)
    story: list[Flowable] = []
    # As many tables as needed, their competencies shared out evenly, in columns of one width.
    per_table = math.ceil(len(keys) / max(math.ceil(len(keys) / MAX_COMPETENCIES), 1)) or 1
    column = (width - NAME_WIDTH - OVERALL_WIDTH) / per_table
    for start in range(0, max(len(keys), 1), per_table):
        part = keys[start : start + per_table]
        first = start == 0
        header: list[Flowable | str] = ["Candidate"]
        header += [fitted_label("Overall", styles.cell, OVERALL_WIDTH)] if first else []
        header += [fitted_label(name, styles.cell, column) for _, name in part]
        rows = [
            [line.name]
            + ([f"{line.overall:.2f}" if line.overall is not None else "-"] if first else [])
            + [_cell(line.cells[key]) for key in part]
            for line in lines
        ]
        widths = [NAME_WIDTH] + ([OVERALL_WIDTH] if first else []) + [column] * len(part)
        numeric = list(range(1, len(widths)))
        story += [table(styles, header, rows, widths, numeric=numeric), Spacer(1, 3 * mm)]
    key = "Each cell: the mean level of the submitted interviews that scored it, and how many (in brackets)"
    key += "; * the panel is two levels or more apart."
    if comparison.weighted:
        key += " The overall weighs each competency as its template does."
    story.append(user_text(key, styles.small))
    return story


def _recommendations(lines: Sequence[CandidateLine], styles: Styles, width: float) -> Flowable:
    rows = [
        [
            line.name,
            ", ".join(f"{label}: {count}" for label, count in line.recommendations.items()) or "-",
            f"{line.submitted} of {line.interviews}",
        ]
        for line in lines
    ]
    widths = [NAME_WIDTH, width - NAME_WIDTH - 30 * mm, 30 * mm]
    return table(styles, ["Candidate", "Recommendations", "Submitted"], rows, widths, numeric=[2])


def _treatment(lines: Sequence[CandidateLine], styles: Styles, width: float) -> Flowable:
    rows = []
    for line in lines:
        t = line.treatment
        rows.append(
            [
                line.name,
                ", ".join(t.templates) or "none held yet",
                f"{t.asked_share:.0%}" if t.asked_share is not None else "-",
                f"{minutes(t.spent_s)} of {minutes(t.planned_s)}" if t.planned_s else "-",
                f"{minutes(t.own_questions_s)} of {minutes(t.own_questions_planned_s)}"
                if t.own_questions_planned_s
                else "-",
            ]
        )
    rest = width - NAME_WIDTH - 20 * mm - 2 * 28 * mm
    widths = [NAME_WIDTH, rest, 20 * mm, 28 * mm, 28 * mm]
    header = ["Candidate", "Interviews held", "Asked", "Time", "Own questions"]
    flagged = [index for index, line in enumerate(lines) if line.unequal]
    return table(styles, header, rows, widths, numeric=[2, 3, 4], flagged_rows=flagged)
