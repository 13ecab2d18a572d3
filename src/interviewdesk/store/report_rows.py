"""Everything stored about one interview, read in a handful of queries for a report.

Returns plain rows (no ORM objects), so a report can be built on any thread and the export code
never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from interviewdesk.store.tables import (
    asked_questions,
    candidate_questions,
    candidates,
    checklist_marks,
    follow_ups,
    interviewers,
    interviews,
    notes,
    score_amendments,
    scores,
    task_observations,
    task_records,
    template_versions,
    timer_events,
)
from interviewdesk.store.types import AnyRow


@dataclass(frozen=True, slots=True)
class InterviewRows:
    head: AnyRow  # interview columns + candidate, interviewer and template fields
    timer_events: list[AnyRow]
    notes: list[AnyRow]  # by section, then in the order written on screen
    scores: list[AnyRow]
    amendments: list[AnyRow]  # with the competency id of the score they amend
    candidate_questions: list[AnyRow]
    asked: set[tuple[int, int]]
    checklist: set[int]
    tasks: list[AnyRow]
    observations: list[AnyRow]  # with the task id of their record
    follow_ups: list[AnyRow]


def interview_rows_for_report(connection: Connection, interview_id: int) -> InterviewRows | None:
    head = connection.execute(
        select(
            interviews,
            candidates.c.name.label("candidate_name"),
            candidates.c.role.label("candidate_role"),
            func.coalesce(interviewers.c.name, "").label("interviewer_name"),
            template_versions.c.name.label("template_name"),
            template_versions.c.version.label("template_version"),
            template_versions.c.body.label("template_body"),
        )
        .join(candidates, candidates.c.id == interviews.c.candidate_id)
        .join(template_versions, template_versions.c.id == interviews.c.template_id)
        .outerjoin(interviewers, interviewers.c.id == interviews.c.interviewer_id)
        .where(interviews.c.id == interview_id)
    ).first()
    if head is None:
        return None

    def rows(table: Any, *order: Any) -> list[AnyRow]:
        query = select(table).where(table.c.interview_id == interview_id).order_by(*order)
        return list(connection.execute(query))

    amendments = connection.execute(
        select(score_amendments, scores.c.competency_id)
        .join(scores, scores.c.id == score_amendments.c.score_id)
        .where(scores.c.interview_id == interview_id)
        .order_by(score_amendments.c.amended_at, score_amendments.c.id)
    )
    observations = connection.execute(
        select(task_observations, task_records.c.task_id)
        .join(task_records, task_records.c.id == task_observations.c.task_record_id)
        .where(task_records.c.interview_id == interview_id)
        .order_by(task_observations.c.offset_s, task_observations.c.id)
    )
    asked = connection.execute(
        select(asked_questions.c.section_index, asked_questions.c.question_index).where(
            asked_questions.c.interview_id == interview_id
        )
    )
    checklist = connection.scalars(
        select(checklist_marks.c.item_index).where(checklist_marks.c.interview_id == interview_id)
    )
    return InterviewRows(
        head=head,
        timer_events=rows(timer_events, timer_events.c.offset_s, timer_events.c.id),
        # Within a field, row ids follow the paragraphs' order on screen (see live_rows.sync_field_notes).
        # Only what a report and a live session read: twenty thousand paragraphs' timestamps were
        # a fifth of opening an interview with a 10 MB note.
        notes=list(
            connection.execute(
                select(
                    notes.c.id,
                    notes.c.section_index,
                    notes.c.question_index,
                    notes.c.offset_s,
                    notes.c.text,
                    notes.c.private,
                )
                .where(notes.c.interview_id == interview_id)
                .order_by(notes.c.section_index, notes.c.id)
            )
        ),
        scores=rows(scores, scores.c.id),
        amendments=list(amendments),
        candidate_questions=rows(candidate_questions, candidate_questions.c.id),
        asked={(int(s), int(q)) for s, q in asked},
        checklist={int(i) for i in checklist},
        tasks=rows(task_records, task_records.c.id),
        observations=list(observations),
        follow_ups=rows(follow_ups, follow_ups.c.due, follow_ups.c.id),
    )


def candidate_interview_ids(connection: Connection, candidate_id: int) -> list[int] | None:
    """The candidate's interviews, oldest first; None when there is no such candidate."""
    if connection.scalar(select(candidates.c.id).where(candidates.c.id == candidate_id)) is None:
        return None
    query = (
        select(interviews.c.id)
        .where(interviews.c.candidate_id == candidate_id)
        .order_by(interviews.c.scheduled_at.nulls_last(), interviews.c.id)
    )
    return list(connection.scalars(query))
