"""ORM classes over the Core tables of tables.py (declarative with imperative tables).

Used where the program edits an interview; the lists of the first screen read the tables directly.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from interviewdesk.domain.vocabulary import FollowUpKind, InterviewStatus, QuestionTopic, TimerEventKind
from interviewdesk.store import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


def _owned(order_by: str | None = None) -> Any:
    """A collection that belongs to its parent: deleted with it, in the database too."""
    return relationship(order_by=order_by, cascade="all, delete-orphan", passive_deletes=True)


class TemplateVersion(Base):
    __table__ = tables.template_versions

    id: Mapped[int]
    slug: Mapped[str]
    version: Mapped[int]
    name: Mapped[str]
    role: Mapped[str]
    kind: Mapped[str]
    body: Mapped[dict[str, Any]]
    source_text: Mapped[str]
    content_hash: Mapped[str]
    created_at: Mapped[datetime]


class Candidate(Base):
    __table__ = tables.candidates

    id: Mapped[int]
    name: Mapped[str]
    role: Mapped[str]
    email: Mapped[str]
    created_at: Mapped[datetime]


class Interviewer(Base):
    __table__ = tables.interviewers

    id: Mapped[int]
    name: Mapped[str]


class Interview(Base):
    __table__ = tables.interviews

    id: Mapped[int]
    candidate_id: Mapped[int]
    interviewer_id: Mapped[int | None]
    template_id: Mapped[int]
    status: Mapped[InterviewStatus]
    scheduled_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    current_section: Mapped[int]
    running_offset_s: Mapped[float | None]
    recommendation: Mapped[str | None]
    summary: Mapped[str]
    aspirations: Mapped[str]
    disclosure_confirmed_at: Mapped[datetime | None]
    sealed_at: Mapped[datetime | None]
    seal_hash: Mapped[str | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    candidate: Mapped[Candidate] = relationship()
    interviewer: Mapped[Interviewer | None] = relationship()
    template: Mapped[TemplateVersion] = relationship()
    timer_events: Mapped[list[TimerEvent]] = _owned("TimerEvent.id")
    notes: Mapped[list[Note]] = _owned("Note.id")
    scores: Mapped[list[Score]] = _owned("Score.id")
    candidate_questions: Mapped[list[CandidateQuestion]] = _owned("CandidateQuestion.id")
    asked_questions: Mapped[list[AskedQuestion]] = _owned()
    checklist_marks: Mapped[list[ChecklistMark]] = _owned()
    tasks: Mapped[list[TaskRecord]] = _owned("TaskRecord.id")
    follow_ups: Mapped[list[FollowUp]] = _owned("FollowUp.due")


class TimerEvent(Base):
    """A start, pause, resume, section change or end: wall time and offset on the monotonic clock."""

    __table__ = tables.timer_events

    id: Mapped[int]
    interview_id: Mapped[int]
    kind: Mapped[TimerEventKind]
    at: Mapped[datetime]
    offset_s: Mapped[float]
    section_index: Mapped[int | None]


class Note(Base):
    """One paragraph of notes, stamped with the second of the interview it was started in."""

    __table__ = tables.notes

    id: Mapped[int]
    interview_id: Mapped[int]
    section_index: Mapped[int]
    question_index: Mapped[int | None]
    text: Mapped[str]
    offset_s: Mapped[float]
    private: Mapped[bool]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Score(Base):
    __table__ = tables.scores

    id: Mapped[int]
    interview_id: Mapped[int]
    competency_id: Mapped[str]
    level: Mapped[int | None]
    evidence: Mapped[str]
    updated_at: Mapped[datetime]

    amendments: Mapped[list[ScoreAmendment]] = _owned("ScoreAmendment.id")


class ScoreAmendment(Base):
    """A change made to a score after the interview was sealed; the sealed value stays as it was."""

    __table__ = tables.score_amendments

    id: Mapped[int]
    score_id: Mapped[int]
    level: Mapped[int | None]
    evidence: Mapped[str]
    reason: Mapped[str]
    amended_at: Mapped[datetime]


class CandidateQuestion(Base):
    __table__ = tables.candidate_questions

    id: Mapped[int]
    interview_id: Mapped[int]
    text: Mapped[str]
    topic: Mapped[QuestionTopic]
    answer: Mapped[str]
    follow_up_owed: Mapped[bool]
    offset_s: Mapped[float | None]
    created_at: Mapped[datetime]


class AskedQuestion(Base):
    """A question of the script that was asked, by its position in the frozen template."""

    __table__ = tables.asked_questions

    interview_id: Mapped[int]
    section_index: Mapped[int]
    question_index: Mapped[int]
    offset_s: Mapped[float]


class ChecklistMark(Base):
    """An item of the template's role-clarity checklist that was covered."""

    __table__ = tables.checklist_marks

    interview_id: Mapped[int]
    item_index: Mapped[int]
    offset_s: Mapped[float]


class TaskRecord(Base):
    """What happened in one task of a working interview."""

    __table__ = tables.task_records

    id: Mapped[int]
    interview_id: Mapped[int]
    task_id: Mapped[str]
    started_offset_s: Mapped[float | None]
    ended_offset_s: Mapped[float | None]
    deliverable: Mapped[str]
    outcome: Mapped[str]
    level: Mapped[int | None]

    observations: Mapped[list[TaskObservation]] = _owned("TaskObservation.id")


class TaskObservation(Base):
    __table__ = tables.task_observations

    id: Mapped[int]
    task_record_id: Mapped[int]
    text: Mapped[str]
    offset_s: Mapped[float]


class FollowUp(Base):
    """Something owed after the interview: feedback, an answer, a thank-you, next steps."""

    __table__ = tables.follow_ups

    id: Mapped[int]
    interview_id: Mapped[int]
    kind: Mapped[FollowUpKind]
    description: Mapped[str]
    due: Mapped[date]
    done_at: Mapped[datetime | None]
    candidate_question_id: Mapped[int | None]
