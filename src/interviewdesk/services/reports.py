"""Build the summaries a hiring panel reads from what is stored: one interview, or one candidate's panel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy.engine import Connection

from interviewdesk.domain import privacy
from interviewdesk.domain.report import (
    Amendment,
    CandidateQuestionLine,
    FollowUpLine,
    InterviewReport,
    NoteLine,
    PanelMember,
    PanelReport,
    RubricLine,
    SectionTiming,
    TaskLine,
    interview_flags,
)
from interviewdesk.domain.scoring import ScoreValue, seal_holds
from interviewdesk.domain.timer import TimerEventData, running_seconds, section_durations
from interviewdesk.domain.vocabulary import FollowUpKind, InterviewStatus, QuestionTopic, TimerEventKind
from interviewdesk.errors import NotFoundError
from interviewdesk.services.visibility import refuse_if_sealed, sealed_for_me
from interviewdesk.store.bundle_rows import prior_submissions
from interviewdesk.store.database import Database
from interviewdesk.store.report_rows import (
    InterviewRows,
    candidate_interview_ids,
    interview_rows_for_report,
)
from interviewdesk.templates.model import SectionKind, Template


def interview_report(db: Database, interview_id: int, *, include_private: bool = False) -> InterviewReport:
    """One interview's summary; refused while it stays sealed from this reader (independent scoring)."""
    with db.begin() as connection:
        rows = interview_rows_for_report(connection, interview_id)
        if rows is None:
            raise NotFoundError(
                f"there is no interview {interview_id}; `interviewdesk interviews list` shows them."
            )
        refuse_if_sealed(sealed_for_me(connection, [rows.head.candidate_id]), interview_id)
        seen = _seen_before_seal(connection, rows)
    return replace(build_interview_report(rows, include_private=include_private), seen_before_seal=seen)


def _seen_before_seal(connection: Connection, rows: InterviewRows) -> int | None:
    if rows.head.sealed_at is None:
        return None
    return len(prior_submissions(connection, rows.head.id))


def panel_report(
    db: Database, candidate_id: int, *, progress: Callable[[int, int], None] | None = None
) -> PanelReport:
    """Every interview of the candidate, oldest first; ``progress(done, total)`` after each one."""
    with db.begin() as connection:
        ids = candidate_interview_ids(connection, candidate_id)
        if ids is None:
            raise NotFoundError(
                f"there is no candidate {candidate_id}; `interviewdesk candidates list` shows them."
            )
        sealed = sealed_for_me(connection, [candidate_id])
        loaded: list[tuple[InterviewRows, int | None]] = []
        for done, interview_id in enumerate(ids, start=1):
            rows = None if interview_id in sealed else interview_rows_for_report(connection, interview_id)
            if rows is not None:
                loaded.append((rows, _seen_before_seal(connection, rows)))
            if progress is not None:
                progress(done, len(ids))
        if not loaded:
            notice = sealed.notice(candidate_id)
            raise NotFoundError(
                f"candidate {candidate_id}: {notice}."
                if notice
                else f"candidate {candidate_id} has no interviews to summarise yet."
            )
    members = tuple(
        PanelMember(replace(build_interview_report(rows), seen_before_seal=seen)) for rows, seen in loaded
    )
    # By id and name: one id under two templates' names is two rows, each under its own name.
    competencies = dict.fromkeys((line.competency_id, line.name) for m in members for line in m.report.rubric)
    first = members[0].report
    return PanelReport(
        first.candidate, first.candidate_role, members, tuple(competencies), sealed.notice(candidate_id)
    )


def build_interview_report(rows: InterviewRows, *, include_private: bool = False) -> InterviewReport:
    head = rows.head
    template = Template.from_dict(head.template_body)
    scale = {level.level: level.label for level in template.scale}
    status = InterviewStatus(head.status)

    events = [TimerEventData(TimerEventKind(e.kind), e.offset_s, e.section_index) for e in rows.timer_events]
    last_offset = events[-1].offset_s if events else None
    spent = section_durations(events, len(template.sections), last_offset)
    actual = sum(spent)
    noted_sections = {n.section_index for n in rows.notes if n.text.strip()}
    sections = tuple(
        SectionTiming(
            title=section.title,
            planned_s=section.minutes * 60.0,
            actual_s=spent[index],
            is_candidate_questions=section.kind is SectionKind.CANDIDATE_QUESTIONS,
            script_questions=tuple(q.text for q in section.questions),
            not_asked=tuple(
                q.text for qi, q in enumerate(section.questions) if (index, qi) not in rows.asked
            ),
            noted=index in noted_sections,
        )
        for index, section in enumerate(template.sections)
    )
    candidate_time = sum(s.actual_s for s in sections if s.is_candidate_questions)

    # Privacy follows the text: in what is shared, no line that carries a private note's words,
    # wherever they were copied (linked evidence, an amendment, the summary, the aspirations).
    secrets = [] if include_private else [n.text for n in rows.notes if n.private]

    def shared(text: str) -> str:
        return privacy.withhold(text, secrets)

    amendments: dict[str, list[Amendment]] = {}
    for row in rows.amendments:
        amendments.setdefault(row.competency_id, []).append(
            Amendment(
                row.level, _level_label(scale, row.level), shared(row.evidence), row.reason, row.amended_at
            )
        )
    stored = {row.competency_id: row for row in rows.scores}
    rubric = tuple(
        RubricLine(
            competency_id=c.id,
            name=c.name,
            level=(level := stored[c.id].level if c.id in stored else None),
            level_label=_level_label(scale, level),
            anchor=c.anchors.get(level, "") if level is not None else "",
            evidence=shared(stored[c.id].evidence) if c.id in stored else "",
            amendments=tuple(sorted(amendments.get(c.id, ()), key=lambda a: a.amended_at)),
            anchors=tuple(sorted(c.anchors.items())),
            weight=c.weight,
        )
        for c in template.competencies
    )

    titles = [s.title for s in template.sections]
    notes = tuple(
        NoteLine(
            section=titles[n.section_index] if 0 <= n.section_index < len(titles) else "",
            question=_question_text(template, n.section_index, n.question_index),
            offset_s=n.offset_s,
            text=n.text,
            private=n.private,
        )
        # The summary reads each section's notes in the order they were written.
        for n in sorted(rows.notes, key=lambda n: (n.section_index, n.offset_s, n.id))
        if n.text.strip() and (include_private or not n.private)
    )
    recommendations = {r.id: r.label for r in template.recommendations}
    report = InterviewReport(
        interview_id=head.id,
        candidate=head.candidate_name,
        candidate_role=head.candidate_role,
        interviewer=head.interviewer_name,
        status=status.value,
        submitted=status is InterviewStatus.SUBMITTED,
        when=head.started_at or head.scheduled_at,
        template_name=head.template_name,
        template_version=head.template_version,
        planned_s=template.planned_minutes * 60.0,
        actual_s=actual,
        sealed_at=head.sealed_at,
        seal_hash=head.seal_hash,
        recommendation=recommendations.get(head.recommendation or "", head.recommendation or ""),
        summary=shared(head.summary),
        aspirations=shared(head.aspirations),
        rubric=rubric,
        scale=tuple(scale.items()),
        sections=sections,
        intended_share=template.candidate_questions_share,
        actual_share=candidate_time / actual if actual > 0 else None,
        candidate_questions=tuple(
            CandidateQuestionLine(q.text, QuestionTopic(q.topic), q.answer, q.follow_up_owed)
            for q in rows.candidate_questions
        ),
        checklist=tuple((item, index in rows.checklist) for index, item in enumerate(template.role_clarity)),
        notes=notes,
        follow_ups=tuple(
            FollowUpLine(FollowUpKind(f.kind).label, f.description, f.due, f.done_at is not None)
            for f in rows.follow_ups
        ),
        tasks=_tasks(template, rows, scale, events),
        disclosure_confirmed_at=head.disclosure_confirmed_at,
        include_private=include_private,
        seal_intact=_seal_intact(rows),
    )
    return replace(report, flags=interview_flags(report))


def _seal_intact(rows: InterviewRows) -> bool | None:
    """Read for a PDF, a sealed interview's scores are checked against its seal."""
    head = rows.head
    if head.seal_hash is None:
        return None
    scores = [ScoreValue.of(s) for s in rows.scores]
    return seal_holds(head.uid, head.recommendation, scores, head.seal_hash)


def _level_label(scale: dict[int, str], level: int | None) -> str:
    if level is None:
        return ""
    return f"{level} {scale[level]}" if level in scale else str(level)


def _question_text(template: Template, section_index: int, question_index: int | None) -> str | None:
    if question_index is None or not 0 <= section_index < len(template.sections):
        return None
    questions = template.sections[section_index].questions
    return questions[question_index].text if 0 <= question_index < len(questions) else None


def _tasks(
    template: Template, rows: InterviewRows, scale: dict[int, str], events: list[TimerEventData]
) -> tuple[TaskLine, ...]:
    records = {row.task_id: row for row in rows.tasks}
    observations: dict[str, list[tuple[float, str]]] = {}
    for row in rows.observations:
        observations.setdefault(row.task_id, []).append((row.offset_s, row.text))
    lines = []
    for section in template.sections:
        for task in section.tasks:
            record = records.get(task.id)
            actual = None
            if (
                record is not None
                and record.started_offset_s is not None
                and record.ended_offset_s is not None
            ):
                actual = running_seconds(events, record.started_offset_s, record.ended_offset_s)
            lines.append(
                TaskLine(
                    title=task.title,
                    stated_s=task.minutes * 60.0,
                    actual_s=actual,
                    paid=task.paid,
                    pay=task.pay,
                    deliverable=record.deliverable if record is not None else "",
                    outcome=record.outcome if record is not None else "",
                    level_label=_level_label(scale, record.level) if record is not None else "",
                    observations=tuple(observations.get(task.id, ())),
                    started=record is not None and record.started_offset_s is not None,
                    brief=task.brief,
                    expectations=task.expectations,
                    works_with=task.works_with,
                )
            )
    return tuple(lines)
