"""The panel summary's first page: what a hiring panel decides from, for one candidate."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from interviewdesk.domain.panel import (
    CompetencyRow,
    Mark,
    PanelScores,
    competency_matrix,
    has_weights,
    questions_by_topic,
)
from interviewdesk.domain.report import PanelMember, PanelReport, recommendation_tally
from interviewdesk.export.pdf.interview import independence, interview_story
from interviewdesk.export.pdf.layout import fitted_label, flag_mark, local_time, table
from interviewdesk.export.pdf.page import OutlineEntry
from interviewdesk.export.pdf.strip import Strand, StripPlot
from interviewdesk.export.pdf.styles import Styles
from interviewdesk.export.pdf.text import user_text


def panel_story(panel: PanelReport, styles: Styles, width: float) -> list[Flowable]:
    # Interviews not held yet are named and have their appendix, but no column of empty marks.
    held = tuple(m for m in panel.members if m.report.held) or panel.members
    scored = replace(panel, members=held)
    scores = [m.scores() for m in held]
    matrix = competency_matrix(panel.competencies, scores)
    story: list[Flowable] = [
        OutlineEntry(f"Panel summary: {panel.candidate}"),
        Paragraph("Panel summary", styles.small),
        user_text(panel.candidate, styles.title),
        user_text(
            f"{panel.candidate_role or 'No role given'} · {len(panel.members)} interview"
            f"{'s' if len(panel.members) != 1 else ''}",
            styles.body,
        ),
        *_unsubmitted(panel, styles),
        *_sealed_from_reader(panel, styles),
        # The decision first, then the scores behind it, what to discuss, and the candidate's side.
        *_recommendations(panel, styles, width),
        Paragraph("Competencies by interviewer", styles.heading),
        *_matrix(scored, scores, matrix, styles, width),
        *_matrix_key(scores, matrix, styles),
        *_disagreements(scored, matrix, styles, width),
        *_candidate_side(panel, styles, width),
    ]
    if matrix:
        top = max((level for m in held for level, _ in m.report.scale), default=5)
        strands = [
            Strand(m.label, [row.levels[i] for row in matrix], counted=m.report.submitted)
            for i, m in enumerate(held)
        ]
        story.append(Paragraph("Scores at a glance", styles.heading))
        story.append(StripPlot([row.name for row in matrix], strands, top_level=top))
    for member in panel.members:
        story.append(PageBreak())
        story.append(OutlineEntry(f"Interview with {member.label}", level=1))
        story.append(user_text(f"Appendix: interview with {member.label}", styles.small))
        story += interview_story(member.report, styles, width)
    return story


def _unsubmitted(panel: PanelReport, styles: Styles) -> list[Flowable]:
    pending = [m for m in panel.members if not m.report.submitted]
    if not pending:
        return []
    names = ", ".join(
        f"{m.label} ({m.report.status}{'' if m.report.held else ', not held yet'})" for m in pending
    )
    return [flag_mark(styles, "Not yet submitted; their scores may change:"), user_text(names, styles.body)]


def _sealed_from_reader(panel: PanelReport, styles: Styles) -> list[Flowable]:
    """Independent scoring: what this laptop holds but keeps sealed, and who scored unseen."""
    story: list[Flowable] = []
    if panel.sealed_notice:
        story += [
            flag_mark(styles, "Not in this summary:"),
            user_text(panel.sealed_notice + ".", styles.body),
        ]
    lines = [
        f"{m.label}: {independence(m.report.seen_before_seal)}"
        for m in panel.members
        if m.report.seen_before_seal is not None
    ]
    if lines:
        story.append(Paragraph("<b>Scored independently?</b>", styles.body))
        story += _bullets(lines, styles)
    return story


MAX_COLUMNS = 5  # interviewers side by side in one table (names still fit); more get tables of their own


def _matrix(
    panel: PanelReport, scores: list[PanelScores], matrix: list[CompetencyRow], styles: Styles, width: float
) -> list[Flowable]:
    """Each interviewer's mark; then how many counted, their mean and spread. Unsubmitted marks are
    shown in brackets and not counted; an amended mark shows the sealed value beside it. A large
    panel is set as several tables of at most MAX_COLUMNS interviewers, the counts in the last."""
    if not matrix:
        return [Paragraph("No competency has been scored yet.", styles.body)]
    members = list(panel.members)
    groups = [range(i, min(i + MAX_COLUMNS, len(members))) for i in range(0, len(members), MAX_COLUMNS)]
    tables: list[Flowable] = []
    for number, group in enumerate(groups, start=1):
        last = number == len(groups)
        tables.append(
            _matrix_part(members, scores, matrix, group=group, styles=styles, width=width, with_stats=last)
        )
        if not last:
            tables.append(Spacer(1, 2 * mm))
    return tables


def _matrix_part(
    members: list[PanelMember],
    scores: list[PanelScores],
    matrix: list[CompetencyRow],
    *,
    group: range,
    styles: Styles,
    width: float,
    with_stats: bool,
) -> Flowable:
    name_width = 0.22 * width
    stat_width = 0.085 * width
    stats = 3 if with_stats else 0
    # The same column width in every part, so a large panel's tables line up.
    each = (width - name_width - 3 * stat_width) / min(MAX_COLUMNS, len(members))
    header: list[Flowable | str] = [
        "Competency",
        *(
            fitted_label(_header_label(members[i].label, members[i].report.submitted), styles.cell, each)
            for i in group
        ),
    ]
    if with_stats:
        header += ["Scored", "Mean", "Spread"]
    rows: list[list[Flowable | str]] = []
    flagged = []
    for index, row in enumerate(matrix):
        cells: list[Flowable | str] = [row.name, *(_mark(row.marks[i], styles) for i in group)]
        if with_stats:
            cells.append(str(row.count))
            cells.append(f"{row.mean:.1f}" if row.mean is not None else "-")
            spread = "-" if row.spread is None else str(row.spread)
            cells.append(flag_mark(styles, f"{spread} apart") if row.disagreement else spread)
        if row.disagreement:
            flagged.append(index)
        rows.append(cells)
    if has_weights(scores):
        overall = [scores[i].weighted_overall() for i in group]
        rows.append(
            ["Weighted overall", *(("-" if v is None else f"{v:.2f}") for v in overall), *([""] * stats)]
        )
    widths = [name_width, *([each] * len(group)), *([stat_width] * stats)]
    numbers = tuple(range(len(group) + 1, len(group) + 1 + stats))
    return table(styles, header, rows, widths, flagged_rows=flagged, numeric=numbers)


def _mark(mark: Mark, styles: Styles) -> Flowable | str:
    if mark.level is None:
        return "-"
    shown = str(mark.level) if mark.counted else f"({mark.level})"
    if mark.amended:
        sealed = "-" if mark.sealed_level is None else str(mark.sealed_level)
        return flag_mark(styles, f"{shown} (was {sealed})")
    return shown


def _matrix_key(scores: list[PanelScores], matrix: list[CompetencyRow], styles: Styles) -> list[Flowable]:
    notes = []
    if any(not p.submitted for p in scores):
        notes.append("* not yet submitted: its marks, in brackets, are not counted in the mean or spread.")
    if any(m.amended for row in matrix for m in row.marks):
        notes.append("(was 4): amended after the seal, counted at the new value; the sealed value beside it.")
    if any(row.count == 1 for row in matrix):
        notes.append("A competency scored by one person has no spread.")
    if has_weights(scores):
        notes.append("Weighted overall: each interviewer's levels weighted as their template weights them.")
    return [Paragraph(note, styles.small) for note in notes]


def _header_label(label: str, submitted: bool) -> str:
    return label + ("" if submitted else " *")


def _bullets(texts: list[str], styles: Styles) -> list[Flowable]:
    return [user_text(f"• {text}", styles.cell) for text in texts]


def _disagreements(
    panel: PanelReport, matrix: list[CompetencyRow], styles: Styles, width: float
) -> list[Flowable]:
    """Each disagreement with every side's level and evidence, one interviewer per table row: a
    name and its score share a row, so no bidi reordering can pin a score to the wrong person."""
    rows = [row for row in matrix if row.disagreement]
    if not rows:
        return [Paragraph("No disagreements of two levels or more.", styles.small)]
    story: list[Flowable] = [Spacer(1, 2 * mm), flag_mark(styles, f"Disagreements to discuss ({len(rows)})")]
    labels = [m.label for m in panel.members]
    for row in rows:
        sides: list[list[Flowable | str]] = [
            [label, str(mark.level), mark.evidence or "no evidence written"]
            for label, mark in zip(labels, row.marks, strict=True)
            if mark.counted and mark.level is not None
        ]
        story.append(Spacer(1, 1 * mm))
        story.append(user_text(row.name, styles.body, bold=True))
        story.append(
            table(
                styles, ("Interviewer", "Level", "Evidence"), sides, [0.24 * width, 0.1 * width, 0.66 * width]
            )
        )
    return story


def _recommendations(panel: PanelReport, styles: Styles, width: float) -> list[Flowable]:
    """The decision at a glance: the tally, then each interviewer on one line with what they
    recommended, when they sealed, how much of the script they asked, the candidate's share of the
    time and how many flags their interview raised."""
    rows = []
    for m in panel.members:
        report = m.report
        asked, total = report.script_coverage
        rows.append(
            [
                m.label,
                report.recommendation or ("not submitted" if not report.submitted else "none given"),
                local_time(report.sealed_at, empty="not sealed"),
                f"{asked} of {total}" if report.held and total else "-",
                f"{report.actual_share:.0%}" if report.held and report.actual_share is not None else "-",
                str(len(report.flags)) if report.held else "-",
            ]
        )
    tally = recommendation_tally([m.report for m in panel.members])
    return [
        Paragraph("Recommendations", styles.heading),
        user_text(f"Submitted: {tally}." if tally else "No interview has been submitted yet.", styles.body),
        table(
            styles,
            ("Interviewer", "Recommendation", "Sealed", "Script asked", "Candidate's time", "Flags"),
            rows,
            [0.25 * width, 0.2 * width, 0.19 * width, 0.13 * width, 0.13 * width, 0.1 * width],
        ),
    ]


def _candidate_side(panel: PanelReport, styles: Styles, width: float) -> list[Flowable]:
    """The two-way street: what the candidate asked and was answered, by whom; what they want;
    what they were told about the role; and what is still owed to them."""
    story: list[Flowable] = [Paragraph("The candidate's side", styles.heading)]
    story += _questions(panel, styles, width)
    aspirations = panel.aspirations()
    if aspirations:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph("<b>What they want</b>", styles.body))
        story.append(
            table(
                styles,
                ("Heard by", "Aspirations"),
                [list(a) for a in aspirations],
                [0.25 * width, 0.75 * width],
            )
        )
    checklist = panel.checklist()
    if checklist:
        missed = [item for item, who in checklist if not who]
        story.append(Spacer(1, 2 * mm))
        story.append(
            flag_mark(styles, f"Not told by anyone: {len(missed)} of {len(checklist)} role-clarity items")
            if missed
            else Paragraph("<b>Role clarity:</b> every item was covered by someone.", styles.body)
        )
        if missed:
            story += _bullets(missed, styles)
    promises = panel.open_promises()
    story.append(Spacer(1, 2 * mm))
    if promises:
        rows = [[f.kind_label, f.description, f.due.isoformat(), who] for who, f in promises]
        story.append(Paragraph(f"<b>Still owed to the candidate ({len(rows)})</b>", styles.body))
        story.append(
            table(
                styles,
                ("Kind", "What", "Due", "Owed by"),
                rows,
                [0.18 * width, 0.5 * width, 0.14 * width, 0.18 * width],
            )
        )
    else:
        story.append(Paragraph("<b>Still owed to the candidate:</b> nothing.", styles.body))
    return story


def _questions(panel: PanelReport, styles: Styles, width: float) -> list[Flowable]:
    asked = [(q, m.label) for m in panel.members for q in m.report.candidate_questions]
    if not asked:
        return [Paragraph("No questions from the candidate were logged.", styles.body)]
    order = list(questions_by_topic((q.topic, q.text) for q, _ in asked))
    asked.sort(key=lambda pair: order.index(pair[0].topic))
    rows: list[list[Flowable | str]] = [
        [
            q.topic.label,
            q.text,
            q.answer or ("answer owed" if q.follow_up_owed else "no answer noted"),
            who,
        ]
        for q, who in asked
    ]
    return [
        Paragraph(f"<b>What they asked ({len(rows)})</b>", styles.body),
        table(
            styles,
            ("Topic", "Question", "Answer", "Asked of"),
            rows,
            [0.16 * width, 0.36 * width, 0.32 * width, 0.16 * width],
        ),
    ]
