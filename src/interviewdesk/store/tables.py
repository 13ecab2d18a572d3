"""The database schema as SQLAlchemy Core tables: the one description of it, beside its Alembic
migrations (a test checks that the two agree).

All reads and writes are Core statements in the row modules (catalog, live_rows, report_rows,
interview_rows, follow_up_rows). Durations are never stored; they are derived from the timer
events. Template rows are immutable versions.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from interviewdesk.domain.clock import utc_now
from interviewdesk.domain.vocabulary import FollowUpKind, InterviewStatus, QuestionTopic, TimerEventKind
from interviewdesk.store.types import UTCDateTime, new_uid

# Named constraints keep Alembic migrations reproducible on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


def _enum(kind: type[StrEnum]) -> Enum:
    return Enum(
        kind,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _uid() -> Column[str]:
    """The global id a row is known by on every laptop and in every bundle (a UUID, as text)."""
    return Column("uid", String(36), nullable=False, default=new_uid, unique=True, index=True)


def _interview_fk(*, primary_key: bool = False) -> Column[int]:
    return Column(
        "interview_id",
        ForeignKey("interviews.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
        index=not primary_key,
    )


template_versions = Table(
    "template_versions",
    metadata,
    _id(),
    Column("slug", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("role", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("body", JSON, nullable=False),
    Column("source_text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False, default=utc_now),
    UniqueConstraint("slug", "version"),
)

candidates = Table(
    "candidates",
    metadata,
    _id(),
    _uid(),
    Column("name", String(200), nullable=False),
    Column("role", String(200), nullable=False, default=""),
    Column("email", String(320), nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False, default=utc_now),
)

interviewers = Table(
    "interviewers",
    metadata,
    _id(),
    _uid(),
    Column("name", String(200), nullable=False, unique=True),
    Column("email", String(320), nullable=False, default=""),
)

interviews = Table(
    "interviews",
    metadata,
    _id(),
    _uid(),
    Column("candidate_id", ForeignKey("candidates.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("interviewer_id", ForeignKey("interviewers.id", ondelete="RESTRICT")),
    Column("template_id", ForeignKey("template_versions.id", ondelete="RESTRICT"), nullable=False),
    Column("status", _enum(InterviewStatus), nullable=False, default=InterviewStatus.PLANNED),
    Column("scheduled_at", UTCDateTime),
    Column("started_at", UTCDateTime),
    Column("ended_at", UTCDateTime),
    Column("current_section", Integer, nullable=False, default=0),
    # The timer's offset at the last save while it ran: after a crash, the interview resumes from
    # here (the time the app was down is not counted).
    Column("running_offset_s", Float),
    Column("recommendation", String(64)),
    Column("summary", Text, nullable=False, default=""),
    Column("aspirations", Text, nullable=False, default=""),
    Column("disclosure_confirmed_at", UTCDateTime),
    Column("sealed_at", UTCDateTime),
    Column("seal_hash", String(64)),
    # An imported interview: the others' submissions its author's laptop held before the seal
    # ([{"interview": uid, "imported_at": iso time}]), as its bundle carried them.
    Column("prior_submissions", JSON),
    Column("created_at", UTCDateTime, nullable=False, default=utc_now),
    Column("updated_at", UTCDateTime, nullable=False, default=utc_now, onupdate=utc_now),
    Index("ix_interviews_scheduled_at_id", "scheduled_at", "id"),
)

timer_events = Table(
    "timer_events",
    metadata,
    _id(),
    _uid(),
    _interview_fk(),
    Column("kind", _enum(TimerEventKind), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("offset_s", Float, nullable=False),
    Column("section_index", Integer),
)

notes = Table(
    "notes",
    metadata,
    _id(),
    _uid(),
    _interview_fk(),
    Column("section_index", Integer, nullable=False),
    Column("question_index", Integer),
    Column("text", Text, nullable=False, default=""),
    Column("offset_s", Float, nullable=False, default=0.0),
    Column("private", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False, default=utc_now),
    Column("updated_at", UTCDateTime, nullable=False, default=utc_now, onupdate=utc_now),
)

scores = Table(
    "scores",
    metadata,
    _id(),
    _uid(),
    Column("interview_id", ForeignKey("interviews.id", ondelete="CASCADE"), nullable=False),
    Column("competency_id", String(64), nullable=False),
    Column("level", Integer),
    Column("evidence", Text, nullable=False, default=""),
    # Set on a score imported with its evidence withheld (a private note's words on the laptop it
    # came from): the digest of the evidence as sealed, so the seal can still be checked here.
    Column("evidence_sha256", String(64)),
    Column("updated_at", UTCDateTime, nullable=False, default=utc_now, onupdate=utc_now),
    UniqueConstraint("interview_id", "competency_id"),
)

score_amendments = Table(
    "score_amendments",
    metadata,
    _id(),
    _uid(),
    Column("score_id", ForeignKey("scores.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("level", Integer),
    Column("evidence", Text, nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("amended_at", UTCDateTime, nullable=False, default=utc_now),
)

candidate_questions = Table(
    "candidate_questions",
    metadata,
    _id(),
    _uid(),
    _interview_fk(),
    Column("text", Text, nullable=False),
    Column("topic", _enum(QuestionTopic), nullable=False, default=QuestionTopic.OTHER),
    Column("answer", Text, nullable=False, default=""),
    Column("follow_up_owed", Boolean, nullable=False, default=False),
    Column("offset_s", Float),
    Column("created_at", UTCDateTime, nullable=False, default=utc_now),
)

asked_questions = Table(
    "asked_questions",
    metadata,
    _interview_fk(primary_key=True),
    Column("section_index", Integer, primary_key=True),
    Column("question_index", Integer, primary_key=True),
    Column("offset_s", Float, nullable=False, default=0.0),
)

checklist_marks = Table(
    "checklist_marks",
    metadata,
    _interview_fk(primary_key=True),
    Column("item_index", Integer, primary_key=True),
    Column("offset_s", Float, nullable=False, default=0.0),
)

task_records = Table(
    "task_records",
    metadata,
    _id(),
    _uid(),
    Column("interview_id", ForeignKey("interviews.id", ondelete="CASCADE"), nullable=False),
    Column("task_id", String(64), nullable=False),
    Column("started_offset_s", Float),
    Column("ended_offset_s", Float),
    Column("deliverable", Text, nullable=False, default=""),
    Column("outcome", Text, nullable=False, default=""),
    Column("level", Integer),
    UniqueConstraint("interview_id", "task_id"),
)

task_observations = Table(
    "task_observations",
    metadata,
    _id(),
    _uid(),
    Column("task_record_id", ForeignKey("task_records.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("offset_s", Float, nullable=False, default=0.0),
)

follow_ups = Table(
    "follow_ups",
    metadata,
    _id(),
    _uid(),
    _interview_fk(),
    Column("kind", _enum(FollowUpKind), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("due", Date, nullable=False),
    Column("done_at", UTCDateTime),
    Column("candidate_question_id", ForeignKey("candidate_questions.id", ondelete="SET NULL")),
)

# One live editor per interview: the window that holds the lease writes, every write renews it,
# and a write whose lease was taken over fails (a fencing token: two writers cannot interleave).
editing_leases = Table(
    "editing_leases",
    metadata,
    _interview_fk(primary_key=True),
    Column("holder", String(64), nullable=False),  # a random token per window
    Column("host", String(255), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("acquired_at", UTCDateTime, nullable=False),
    Column("renewed_at", UTCDateTime, nullable=False),
)

# What remains of an erased candidate: that an erasure happened and how much went, no personal data.
erasures = Table(
    "erasures",
    metadata,
    _id(),
    Column("erased_at", UTCDateTime, nullable=False),
    Column("reason", String(20), nullable=False),  # "request" or "retention"
    Column("interviews", Integer, nullable=False),
)

# Settings that belong to the data, shared by the window and the command line (the retention period).
settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Every bundle that added or changed an interview here: its history across laptops, and the import
# times that say whether an interviewer could have seen others' scores before sealing their own.
bundle_imports = Table(
    "bundle_imports",
    metadata,
    _id(),
    _interview_fk(),
    Column("kind", String(20), nullable=False),  # "submission" or "plan"
    Column("action", String(20), nullable=False),  # "added" or "updated"
    Column("bundle_sha256", String(64), nullable=False),
    Column("source_device", String(36), nullable=False),
    Column("revision_at", UTCDateTime, nullable=False),
    Column("seal_hash", String(64)),
    Column("imported_at", UTCDateTime, nullable=False),
)

# A candidate merged into another keeps its global id here, so bundles that name it still find them.
candidate_aliases = Table(
    "candidate_aliases",
    metadata,
    Column("uid", String(36), primary_key=True),
    Column("candidate_id", ForeignKey("candidates.id", ondelete="CASCADE"), nullable=False, index=True),
)
