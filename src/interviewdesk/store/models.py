"""The database schema as SQLAlchemy 2.0 typed mappings.

Template rows are immutable versions: an edit imports a new version, and an interview points at
the version it ran with (``ON DELETE RESTRICT``), which is its frozen copy of the script.
Durations are never stored: they are derived from the timer events.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from interviewdesk.domain.vocabulary import FollowUpKind, InterviewStatus, QuestionTopic, TimerEventKind
from interviewdesk.store.types import UTCDateTime, utc_now

# Named constraints keep Alembic migrations reproducible on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(kind: type[StrEnum]) -> Enum:
    return Enum(
        kind,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class TemplateVersion(Base):
    __tablename__ = "template_versions"
    __table_args__ = (UniqueConstraint("slug", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    source_text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Candidate(Base):
    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    interviews: Mapped[list[Interview]] = relationship(back_populates="candidate")


class Interviewer(Base):
    __tablename__ = "interviewers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Interview(Base):
    __tablename__ = "interviews"
    __table_args__ = (Index("ix_interviews_scheduled_at_id", "scheduled_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    interviewer_id: Mapped[int | None] = mapped_column(ForeignKey("interviewers.id", ondelete="RESTRICT"))
    template_id: Mapped[int] = mapped_column(ForeignKey("template_versions.id", ondelete="RESTRICT"))
    status: Mapped[InterviewStatus] = mapped_column(_enum(InterviewStatus), default=InterviewStatus.PLANNED)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    current_section: Mapped[int] = mapped_column(Integer, default=0)
    recommendation: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text, default="")
    aspirations: Mapped[str] = mapped_column(Text, default="")
    disclosure_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seal_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)

    candidate: Mapped[Candidate] = relationship(back_populates="interviews")
    interviewer: Mapped[Interviewer | None] = relationship()
    template: Mapped[TemplateVersion] = relationship()
    timer_events: Mapped[list[TimerEvent]] = relationship(
        order_by="TimerEvent.id", cascade="all, delete-orphan", passive_deletes=True
    )
    notes: Mapped[list[Note]] = relationship(
        order_by="Note.id", cascade="all, delete-orphan", passive_deletes=True
    )
    scores: Mapped[list[Score]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    candidate_questions: Mapped[list[CandidateQuestion]] = relationship(
        order_by="CandidateQuestion.id", cascade="all, delete-orphan", passive_deletes=True
    )
    asked_questions: Mapped[list[AskedQuestion]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    checklist_marks: Mapped[list[ChecklistMark]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    tasks: Mapped[list[TaskRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    follow_ups: Mapped[list[FollowUp]] = relationship(
        order_by="FollowUp.due", cascade="all, delete-orphan", passive_deletes=True
    )


class TimerEvent(Base):
    """A start, pause, resume, section change or end: wall time and offset on the monotonic clock."""

    __tablename__ = "timer_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[TimerEventKind] = mapped_column(_enum(TimerEventKind))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    offset_s: Mapped[float] = mapped_column(Float)
    section_index: Mapped[int | None] = mapped_column(Integer)


class Note(Base):
    """One paragraph of notes, stamped with the second of the interview it was started in."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    section_index: Mapped[int] = mapped_column(Integer)
    question_index: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    offset_s: Mapped[float] = mapped_column(Float, default=0.0)
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)


class Score(Base):
    __tablename__ = "scores"
    __table_args__ = (UniqueConstraint("interview_id", "competency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    competency_id: Mapped[str] = mapped_column(String(64))
    level: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)

    amendments: Mapped[list[ScoreAmendment]] = relationship(
        order_by="ScoreAmendment.id", cascade="all, delete-orphan", passive_deletes=True
    )


class ScoreAmendment(Base):
    """A change made to a score after the interview was sealed; the sealed value stays as it was."""

    __tablename__ = "score_amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    score_id: Mapped[int] = mapped_column(ForeignKey("scores.id", ondelete="CASCADE"), index=True)
    level: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    amended_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class CandidateQuestion(Base):
    __tablename__ = "candidate_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[QuestionTopic] = mapped_column(_enum(QuestionTopic), default=QuestionTopic.OTHER)
    answer: Mapped[str] = mapped_column(Text, default="")
    follow_up_owed: Mapped[bool] = mapped_column(Boolean, default=False)
    offset_s: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class AskedQuestion(Base):
    """A question of the script that was asked, by its position in the frozen template."""

    __tablename__ = "asked_questions"

    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True
    )
    section_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    offset_s: Mapped[float] = mapped_column(Float, default=0.0)


class ChecklistMark(Base):
    """An item of the template's role-clarity checklist that was covered."""

    __tablename__ = "checklist_marks"

    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True
    )
    item_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    offset_s: Mapped[float] = mapped_column(Float, default=0.0)


class TaskRecord(Base):
    """What happened in one task of a working interview."""

    __tablename__ = "task_records"
    __table_args__ = (UniqueConstraint("interview_id", "task_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    task_id: Mapped[str] = mapped_column(String(64))
    started_offset_s: Mapped[float | None] = mapped_column(Float)
    ended_offset_s: Mapped[float | None] = mapped_column(Float)
    deliverable: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[int | None] = mapped_column(Integer)

    observations: Mapped[list[TaskObservation]] = relationship(
        order_by="TaskObservation.id", cascade="all, delete-orphan", passive_deletes=True
    )


class TaskObservation(Base):
    __tablename__ = "task_observations"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_record_id: Mapped[int] = mapped_column(ForeignKey("task_records.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    offset_s: Mapped[float] = mapped_column(Float, default=0.0)


class FollowUp(Base):
    """Something owed after the interview: feedback, an answer, a thank-you, next steps."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[FollowUpKind] = mapped_column(_enum(FollowUpKind))
    description: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[date] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    candidate_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidate_questions.id", ondelete="SET NULL")
    )
