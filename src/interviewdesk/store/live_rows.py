"""The writes of a live interview: each a small statement, applied in one short transaction per save.

Every function takes a connection inside a transaction and plain values; nothing here holds state
between saves except the caller's map of new candidate questions to their row ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from interviewdesk.domain.clock import utc_now
from interviewdesk.domain.records import CandidateQuestion, InterviewFields, NotesField, Paragraph, TaskFields
from interviewdesk.domain.vocabulary import FollowUpKind, TimerEventKind
from interviewdesk.store.tables import (
    asked_questions,
    candidate_questions,
    checklist_marks,
    follow_ups,
    interviews,
    notes,
    score_amendments,
    scores,
    task_observations,
    task_records,
    timer_events,
)
from interviewdesk.store.types import inserted_id


def add_timer_event(
    connection: Connection,
    interview_id: int,
    *,
    kind: TimerEventKind,
    offset_s: float,
    section_index: int | None,
    at: datetime,
) -> None:
    connection.execute(
        insert(timer_events).values(
            interview_id=interview_id, kind=kind, offset_s=offset_s, section_index=section_index, at=at
        )
    )


def update_interview(connection: Connection, interview_id: int, changed: InterviewFields) -> None:
    """The fields a session changed, each to the column of the same name."""
    values: dict[Any, Any] = {interviews.c[name]: value for name, value in changed.changed().items()}
    values[interviews.c.updated_at] = utc_now()
    connection.execute(update(interviews).where(interviews.c.id == interview_id).values(values))


def _field(interview_id: int, section_index: int, question_index: int | None) -> Any:
    where = (notes.c.interview_id == interview_id) & (notes.c.section_index == section_index)
    question = notes.c.question_index
    return where & (question.is_(None) if question_index is None else question == question_index)


def field_notes(connection: Connection, interview_id: int, field: NotesField) -> list[tuple[int, Paragraph]]:
    """The stored paragraphs of one field with their row ids, in order."""
    query = (
        select(notes.c.id, notes.c.offset_s, notes.c.text, notes.c.private)
        .where(_field(interview_id, field.section, field.question))
        .order_by(notes.c.id)  # ids follow the on-screen order: updates keep them, inserts append
    )
    return [(row.id, Paragraph(row.offset_s, row.text, row.private)) for row in connection.execute(query)]


def sync_field_notes(
    connection: Connection,
    interview_id: int,
    field: NotesField,
    stored: list[tuple[int, Paragraph]],
    paragraphs: Iterable[Paragraph],
) -> list[tuple[int, Paragraph]]:
    """Make the field's rows equal ``paragraphs``, writing only what differs from ``stored``.

    While typing only the last paragraph changes, so a save is one UPDATE however long the field.
    Returns the rows as they now are.
    """
    section_index, question_index = field
    wanted = [Paragraph(*p) for p in paragraphs]
    result: list[tuple[int, Paragraph]] = []
    for index, paragraph in enumerate(wanted):
        if index < len(stored):
            row_id, old = stored[index]
            if old != paragraph:
                offset, text, private = paragraph
                connection.execute(
                    update(notes)
                    .where(notes.c.id == row_id)
                    .values(offset_s=offset, text=text, private=private, updated_at=utc_now())
                )
            result.append((row_id, paragraph))
            continue
        offset, text, private = paragraph
        inserted = connection.execute(
            insert(notes).values(
                interview_id=interview_id,
                section_index=section_index,
                question_index=question_index,
                offset_s=offset,
                text=text,
                private=private,
            )
        )
        result.append((inserted_id(inserted), paragraph))
    removed = [row_id for row_id, _ in stored[len(wanted) :]]
    if removed:
        connection.execute(delete(notes).where(notes.c.id.in_(removed)))
    return result


def upsert_score(
    connection: Connection, interview_id: int, competency_id: str, level: int | None, evidence: str
) -> None:
    key = (scores.c.interview_id == interview_id) & (scores.c.competency_id == competency_id)
    changed = connection.execute(
        update(scores).where(key).values(level=level, evidence=evidence, updated_at=utc_now())
    )
    if changed.rowcount == 0:
        connection.execute(
            insert(scores).values(
                interview_id=interview_id, competency_id=competency_id, level=level, evidence=evidence
            )
        )


def add_amendment(
    connection: Connection,
    interview_id: int,
    *,
    competency_id: str,
    level: int | None,
    evidence: str,
    reason: str,
    at: datetime,
) -> None:
    """Recorded beside the sealed score, which is never overwritten."""
    key = (scores.c.interview_id == interview_id) & (scores.c.competency_id == competency_id)
    score_id = connection.scalar(select(scores.c.id).where(key))
    if score_id is None:  # amending a competency left unscored at the seal
        score_id = inserted_id(
            connection.execute(
                insert(scores).values(
                    interview_id=interview_id, competency_id=competency_id, level=None, evidence=""
                )
            )
        )
    connection.execute(
        insert(score_amendments).values(
            score_id=score_id, level=level, evidence=evidence, reason=reason, amended_at=at
        )
    )


def set_asked(
    connection: Connection,
    interview_id: int,
    *,
    section_index: int,
    question_index: int,
    asked: bool,
    offset_s: float,
) -> None:
    key = (
        (asked_questions.c.interview_id == interview_id)
        & (asked_questions.c.section_index == section_index)
        & (asked_questions.c.question_index == question_index)
    )
    connection.execute(delete(asked_questions).where(key))
    if asked:
        connection.execute(
            insert(asked_questions).values(
                interview_id=interview_id,
                section_index=section_index,
                question_index=question_index,
                offset_s=offset_s,
            )
        )


def set_checklist_mark(
    connection: Connection, interview_id: int, item_index: int, covered: bool, offset_s: float
) -> None:
    key = (checklist_marks.c.interview_id == interview_id) & (checklist_marks.c.item_index == item_index)
    connection.execute(delete(checklist_marks).where(key))
    if covered:
        connection.execute(
            insert(checklist_marks).values(
                interview_id=interview_id, item_index=item_index, offset_s=offset_s
            )
        )


def save_candidate_question(
    connection: Connection, interview_id: int, row_id: int | None, question: CandidateQuestion
) -> int:
    """Insert (``row_id`` None) or update a question the candidate asked; returns its row id."""
    values = {
        "text": question.text,
        "topic": question.topic,
        "answer": question.answer,
        "follow_up_owed": question.follow_up_owed,
    }
    if row_id is not None:
        connection.execute(
            update(candidate_questions)
            .where(
                (candidate_questions.c.id == row_id) & (candidate_questions.c.interview_id == interview_id)
            )
            .values(**values)
        )
        return row_id
    result = connection.execute(
        insert(candidate_questions).values(interview_id=interview_id, offset_s=question.offset_s, **values)
    )
    return inserted_id(result)


def delete_candidate_question(connection: Connection, interview_id: int, row_id: int) -> None:
    connection.execute(
        delete(candidate_questions).where(
            (candidate_questions.c.id == row_id) & (candidate_questions.c.interview_id == interview_id)
        )
    )


def add_follow_up(
    connection: Connection,
    interview_id: int,
    *,
    kind: FollowUpKind,
    description: str,
    due: date,
    candidate_question_id: int | None,
) -> None:
    connection.execute(
        insert(follow_ups).values(
            interview_id=interview_id,
            kind=kind,
            description=description,
            due=due,
            candidate_question_id=candidate_question_id,
        )
    )


def _task_record_id(connection: Connection, interview_id: int, task_id: str) -> int:
    key = (task_records.c.interview_id == interview_id) & (task_records.c.task_id == task_id)
    row_id = connection.scalar(select(task_records.c.id).where(key))
    if row_id is None:
        row_id = inserted_id(
            connection.execute(insert(task_records).values(interview_id=interview_id, task_id=task_id))
        )
    return int(row_id)


def update_task(connection: Connection, interview_id: int, task_id: str, changed: TaskFields) -> None:
    """One task's record (times, deliverable, outcome, level); the record is made on first use."""
    row_id = _task_record_id(connection, interview_id, task_id)
    values = {task_records.c[name]: value for name, value in changed.changed().items()}
    connection.execute(update(task_records).where(task_records.c.id == row_id).values(values))


def add_observation(
    connection: Connection, interview_id: int, task_id: str, text: str, offset_s: float
) -> None:
    row_id = _task_record_id(connection, interview_id, task_id)
    connection.execute(insert(task_observations).values(task_record_id=row_id, text=text, offset_s=offset_s))
