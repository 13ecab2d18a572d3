"""The panel summary's first page: what a hiring panel decides from, for one candidate."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from interviewdesk.domain.panel import CompetencyRow, PanelScores, competency_matrix, questions_by_topic
from interviewdesk.domain.report import PanelReport
from interviewdesk.export.pdf.charts import radar
from interviewdesk.export.pdf.interview import interview_story
from interviewdesk.export.pdf.layout import flag_mark, local_time, table
from interviewdesk.export.pdf.styles import Styles
from interviewdesk.export.pdf.text import user_text


def panel_story(panel: PanelReport, styles: Styles, width: float) -> list[Flowable]:
    members = panel.members
    scores = [
        PanelScores(m.label, {line.competency_id: line.level for line in m.report.rubric}) for m in members
    ]
    matrix = competency_matrix(panel.competencies, scores)
    story: list[Flowable] = [
        Paragraph("Panel summary", styles.small),
        user_text(panel.candidate, styles.title),
        user_text(
            f"{panel.candidate_role or 'No role given'} · {len(members)} interview"
            f"{'s' if len(members) != 1 else ''}",
            styles.body,
        ),
        *_unsubmitted(panel, styles),
        Paragraph("Competencies by interviewer", styles.heading),
        _matrix(panel, matrix, styles, width),
        *_disagreements(panel, matrix, styles),
    ]
    top = max((level for m in members for level, _ in m.report.scale), default=5)
    chart = radar(
        [row.name for row in matrix],
        [(m.label, [row.levels[i] for row in matrix]) for i, m in enumerate(members)],
        top_level=top,
        size=115,
        legend=True,
    )
    if chart is not None:
        story.append(chart)
    story += _recommendations(panel, styles, width)
    story += _questions(panel, styles, width)
    for member in members:
        story.append(PageBreak())
        story.append(user_text(f"Appendix: interview with {member.label}", styles.small))
        story += interview_story(member.report, styles, width)
    return story


def _unsubmitted(panel: PanelReport, styles: Styles) -> list[Flowable]:
    pending = [m for m in panel.members if not m.report.submitted]
    if not pending:
        return []
    names = ", ".join(f"{m.label} ({m.report.status})" for m in pending)
    return [flag_mark(styles, "Not yet submitted; their scores may change:"), user_text(names, styles.body)]


def _matrix(panel: PanelReport, matrix: list[CompetencyRow], styles: Styles, width: float) -> Flowable:
    members = panel.members
    name_width = 0.28 * width
    stat_width = 0.1 * width
    each = (width - name_width - 2 * stat_width) / max(1, len(members))
    header = ("Competency", *(_header_label(m.label, m.report.submitted) for m in members), "Mean", "Spread")
    rows: list[list[Flowable | str]] = []
    flagged = []
    for index, row in enumerate(matrix):
        cells: list[Flowable | str] = [row.name]
        cells += ["-" if level is None else str(level) for level in row.levels]
        cells.append(f"{row.mean:.1f}" if row.mean is not None else "-")
        spread = "-" if row.spread is None else str(row.spread)
        cells.append(flag_mark(styles, f"{spread} apart") if row.disagreement else spread)
        if row.disagreement:
            flagged.append(index)
        rows.append(cells)
    if not rows:
        return Paragraph("No competency has been scored yet.", styles.body)
    return table(
        styles,
        header,
        rows,
        [name_width, *([each] * len(members)), stat_width, stat_width],
        flagged_rows=flagged,
    )


def _header_label(label: str, submitted: bool) -> str:
    return label + ("" if submitted else " (not submitted)")


def _bullets(texts: list[str], styles: Styles) -> list[Flowable]:
    return [user_text(f"• {text}", styles.cell) for text in texts]


def _disagreements(panel: PanelReport, matrix: list[CompetencyRow], styles: Styles) -> list[Flowable]:
    rows = [row for row in matrix if row.disagreement]
    if not rows:
        return [Paragraph("No disagreements of two levels or more.", styles.small)]
    story: list[Flowable] = [Spacer(1, 2 * mm), flag_mark(styles, f"Disagreements to discuss ({len(rows)})")]
    labels = [m.label for m in panel.members]
    for row in rows:
        levels = ", ".join(
            f"{label} {lv}" for label, lv in zip(labels, row.levels, strict=True) if lv is not None
        )
        story.append(user_text(f"{row.name}: {levels}", styles.body))
    return story


def _recommendations(panel: PanelReport, styles: Styles, width: float) -> list[Flowable]:
    rows = [
        [
            m.label,
            m.report.template_name,
            local_time(m.report.when, empty="not scheduled"),
            m.report.recommendation or ("not submitted" if not m.report.submitted else "none given"),
        ]
        for m in panel.members
    ]
    return [
        Paragraph("Recommendations", styles.heading),
        table(
            styles,
            ("Interviewer", "Interview", "Date", "Recommendation"),
            rows,
            [0.24 * width, 0.34 * width, 0.18 * width, 0.24 * width],
        ),
    ]


def _questions(panel: PanelReport, styles: Styles, width: float) -> list[Flowable]:
    asked = [(q.topic, q.text) for m in panel.members for q in m.report.candidate_questions]
    story: list[Flowable] = [Paragraph("What the candidate asked about", styles.heading)]
    if not asked:
        story.append(Paragraph("No questions from the candidate were logged.", styles.body))
        return story
    rows: list[list[Flowable | str]] = [
        [f"{topic.label} ({len(texts)})", _bullets(texts, styles)]
        for topic, texts in questions_by_topic(asked).items()
    ]
    story.append(table(styles, ("Topic", "Questions"), rows, [0.28 * width, 0.72 * width]))
    return story
