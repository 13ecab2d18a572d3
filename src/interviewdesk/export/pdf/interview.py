"""The summary of one interview, as flowables; also the appendix pages of a panel summary."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from interviewdesk.domain import stamps
from interviewdesk.domain.report import InterviewReport
from interviewdesk.export.pdf.charts import radar
from interviewdesk.export.pdf.layout import cell, flag_mark, grid, local_time, minutes, signed_minutes, table
from interviewdesk.export.pdf.styles import FLAG, FLAG_FILL, GOOD, Styles
from interviewdesk.export.pdf.text import user_paragraphs, user_text


def interview_story(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    if not report.held:
        return [
            Paragraph("Interview summary", styles.small),
            user_text(report.candidate, styles.title),
            *_facts(report, styles, width),
            Paragraph(
                "Not held yet: this interview is planned, so nothing has been scored, timed or noted.",
                styles.body,
            ),
        ]
    story: list[Flowable] = [
        Paragraph("Interview summary", styles.small),
        user_text(report.candidate, styles.title),
        *_facts(report, styles, width),
        *_flags(report, styles, width),
        *_outcome(report, styles),
        *_rubric(report, styles, width),
        *_timing(report, styles, width),
        *_tasks(report, styles, width),
        *_candidate_questions(report, styles, width),
        *_role_clarity(report, styles, width),
        *_notes(report, styles, width),
        *_follow_ups(report, styles, width),
    ]
    return story


def independence(seen: int) -> str:
    """Whether the author could have seen others' scores before sealing their own."""
    if seen == 0:
        return "yes: no other panelist's submission was on the author's laptop before the seal"
    others = "1 other panelist's submission" if seen == 1 else f"{seen} other panelists' submissions"
    return f"not certain: {others} reached the author's laptop before the seal (their scores could be seen)"


def _heading(text: str, styles: Styles) -> list[Flowable]:
    # Never leave a heading alone at the bottom of a page.
    return [CondPageBreak(30 * mm), Paragraph(text, styles.heading)]


def _facts(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    sealed = (
        f"{local_time(report.sealed_at)} (SHA-256 {report.seal_hash[:12]}…)"
        if report.sealed_at and report.seal_hash
        else "not sealed"
    )
    rows: list[tuple[str, str]] = [
        ("Role", report.candidate_role or "-"),
        ("Interviewer", report.interviewer or "-"),
        ("Date", local_time(report.when, empty="not scheduled")),
        ("Template", f"{report.template_name}, version {report.template_version}"),
        ("Length", f"{minutes(report.planned_s)} planned, {minutes(report.actual_s)} actual"),
        ("Status", report.status),
        ("Scores sealed", sealed),
    ]
    if report.seen_before_seal is not None:
        rows.append(("Independent", independence(report.seen_before_seal)))
    facts = grid(
        [[Paragraph(f"<b>{k}</b>", styles.cell), cell(v, styles.cell, width - 32 * mm)] for k, v in rows],
        [32 * mm, width - 32 * mm],
        [("BOTTOMPADDING", (0, 0), (-1, -1), 1)],
        text_style=styles.cell,
    )
    return [facts, Spacer(1, 3 * mm)]


def _flags(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    if not report.flags:
        return [Paragraph(f'<font color="{GOOD.hexval()}"><b>No flags.</b></font>', styles.body)]
    lines = [
        [flag_mark(styles, flag.kind.label), user_text(flag.detail, styles.cell)] for flag in report.flags
    ]
    box = grid(
        lines,
        [62 * mm, width - 62 * mm],
        [("BACKGROUND", (0, 0), (-1, -1), FLAG_FILL), ("BOX", (0, 0), (-1, -1), 1, FLAG)],
        text_style=styles.cell,
    )
    return [
        Paragraph(f'<font color="{FLAG.hexval()}"><b>Flags ({len(report.flags)})</b></font>', styles.heading),
        box,
    ]


def _outcome(report: InterviewReport, styles: Styles) -> list[Flowable]:
    story = _heading("Recommendation and summary", styles)
    # The decision stands out: it is what a panel reads first.
    story.append(user_text(report.recommendation or "No recommendation given", styles.heading, bold=True))
    if report.summary.strip():
        story.append(user_text(report.summary, styles.body))
    return story


def _rubric(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    rows: list[list[Flowable | str]] = []
    flagged = []
    for index, line in enumerate(report.rubric):
        evidence: Flowable | str = line.evidence
        if line.level is None:
            evidence = flag_mark(styles, "NOT SCORED")
            flagged.append(index)
        elif not line.has_evidence:
            evidence = flag_mark(styles, "NO EVIDENCE")
            flagged.append(index)
        level: list[Flowable] = [user_text(line.level_label or "-", styles.cell_bold)]
        for amendment in line.amendments:
            level.append(flag_mark(styles, f"amended to {amendment.level_label or 'not scored'}"))
            level.append(user_text(f"{local_time(amendment.amended_at)}: {amendment.reason}", styles.cell))
        rows.append([line.name, level, line.anchor, evidence])
    story = _heading("Rubric", styles)
    story.append(
        table(
            styles,
            ("Competency", "Level", "Anchor for that level", "Evidence"),
            rows,
            [0.2 * width, 0.16 * width, 0.3 * width, 0.34 * width],
            flagged_rows=flagged,
        )
    )
    top = max((level for level, _ in report.scale), default=5)
    # Only what was scored: an unscored competency drawn at 0 would read as the lowest score.
    scored = [line for line in report.rubric if line.current_level is not None]
    chart = radar(
        [line.name for line in scored],
        [(report.interviewer or "levels", [line.current_level for line in scored])],
        top_level=top,
        size=170,
    )
    if chart is not None:
        story.append(KeepTogether([Spacer(1, 2 * mm), chart]))
    return story


def _timing(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    rows = []
    flagged = []
    for index, section in enumerate(report.sections):
        state = "skipped" if section.skipped and report.actual_s > 0 else signed_minutes(section.over_s)
        if section.skipped and report.actual_s > 0:
            flagged.append(index)
        rows.append([section.title, minutes(section.planned_s), minutes(section.actual_s), state])
    story = _heading("Timing", styles)
    timing = table(
        styles,
        ("Section", "Planned", "Actual", "Over or under"),
        rows,
        [0.49 * width, 0.15 * width, 0.15 * width, 0.21 * width],
        flagged_rows=flagged,
        numeric=(1, 2, 3),
    )
    reserved = f"the template reserves {report.intended_share:.0%}"
    balance = (
        f"the candidate's own questions took {report.actual_share:.0%} of the interview; {reserved}."
        if report.actual_share is not None
        else f"the time for the candidate's own questions was not measured; {reserved}."
    )
    # The balance reads off the table above it: never a page apart.
    story.append(
        KeepTogether(
            [timing, Spacer(1, 2 * mm), Paragraph(f"<b>Two-way balance:</b> {balance}", styles.body)]
        )
    )
    return story


def _tasks(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    if not report.tasks:
        return []
    story = _heading("Working interview", styles)
    confirmed = local_time(report.disclosure_confirmed_at, empty="NOT CONFIRMED")
    story.append(
        Paragraph(f"<b>Tasks, duration and pay disclosed to the candidate:</b> {confirmed}", styles.body)
    )
    briefs = [
        [task.title, task.brief or "-", task.expectations or "-", task.works_with or "-"]
        for task in report.tasks
    ]
    story.append(
        table(
            styles,
            ("Task", "The brief", "How the work is judged", "Works with"),
            briefs,
            [0.2 * width, 0.32 * width, 0.28 * width, 0.2 * width],
        )
    )
    story.append(Spacer(1, 2 * mm))
    rows = []
    flagged = []
    for index, task in enumerate(report.tasks):
        actual = "not run" if task.actual_s is None else minutes(task.actual_s)
        if task.over:
            flagged.append(index)
            actual += " (over)"
        pay = task.pay if task.paid else f"unpaid{': ' + task.pay if task.pay else ''}"
        observed = "\n".join(f"min {stamps.minute(at)}: {text}" for at, text in task.observations)
        outcome = "\n".join(part for part in (task.level_label, task.outcome, task.deliverable) if part)
        rows.append(
            [task.title, f"{minutes(task.stated_s)} stated\n{actual}", pay, observed or "-", outcome or "-"]
        )
    story.append(
        table(
            styles,
            ("Task", "Time", "Pay", "Observations", "Outcome"),
            rows,
            [0.18 * width, 0.14 * width, 0.16 * width, 0.30 * width, 0.22 * width],
            flagged_rows=flagged,
        )
    )
    return story


def _candidate_questions(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    story = _heading(f"The candidate's questions ({len(report.candidate_questions)})", styles)
    if not report.candidate_questions:
        story.append(Paragraph("The candidate asked no questions that were logged.", styles.body))
        return story
    rows = [
        [q.text, q.topic.label, q.answer or "-", "FOLLOW-UP OWED" if q.follow_up_owed else ""]
        for q in report.candidate_questions
    ]
    story.append(
        table(
            styles,
            ("Question", "Topic", "Answer given", "Follow-up"),
            rows,
            [0.34 * width, 0.16 * width, 0.34 * width, 0.16 * width],
        )
    )
    return story


def _role_clarity(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    story = _heading("Role clarity and aspirations", styles)
    if report.checklist:
        rows = [
            [item, "covered" if done else flag_mark(styles, "not covered")] for item, done in report.checklist
        ]
        story.append(table(styles, ("What the candidate was told", ""), rows, [0.75 * width, 0.25 * width]))
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph("<b>The candidate's aspirations</b>", styles.body))
    story.append(user_text(report.aspirations or "Not recorded.", styles.body))
    return story


def _notes(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    story = _heading("Notes", styles)
    if not report.notes:
        story.append(Paragraph("No notes.", styles.body))
        return story
    current = None
    for note in report.notes:
        if note.section != current:
            current = note.section
            story.append(user_text(note.section, styles.cell_bold))
        where = f" ({note.question})" if note.question else ""
        if note.private:  # set apart: a tinted box with a red rule, not only a small label
            # One row per paragraph, so a long private note still splits across pages.
            rows = [[flag_mark(styles, f"PRIVATE NOTE · min {note.minute}")]]
            rows += [[piece] for piece in user_paragraphs(note.text + where, styles.body)]
            box = grid(
                rows,
                [width],
                [
                    ("BACKGROUND", (0, 0), (-1, -1), FLAG_FILL),
                    ("LINEBEFORE", (0, 0), (0, -1), 2, FLAG),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ],
                text_style=styles.cell,
            )
            story += [box, Spacer(1, 1.5 * mm)]
            continue
        pieces = user_paragraphs(note.text + where, styles.body)
        # The minute in the page's left margin, level with the note's first line.
        story.append(KeepTogether([MarginStamp(f"min {note.minute}", styles.small), pieces[0]]))
        story += pieces[1:]
    return story


class MarginStamp(Flowable):
    """Takes no room: draws a short stamp in the left margin, level with what follows it."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab API)
        return 0.0, 0.0

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.style.fontName, self.style.fontSize)
        canvas.setFillColor(self.style.textColor)
        # The next paragraph's first baseline sits about one font size below this point.
        canvas.drawRightString(-6, -self.style.fontSize - 2.5, self.text)


def _follow_ups(report: InterviewReport, styles: Styles, width: float) -> list[Flowable]:
    if not report.follow_ups:
        return []
    rows = [
        [f.kind_label, f.description, f.due.isoformat(), "done" if f.done else "open"]
        for f in report.follow_ups
    ]
    story = _heading("Follow-ups", styles)
    story.append(
        table(
            styles,
            ("Kind", "What", "Due", "State"),
            rows,
            [0.18 * width, 0.52 * width, 0.15 * width, 0.15 * width],
        )
    )
    return story
