"""The things an interviewer records, each defined once: a note paragraph and the field it is in, a
candidate's question, and the fields of an interview or a task that a live session changes.

The window, the session, the change records and the store all use these shapes; a change record
wraps one rather than copying its fields.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from enum import Enum
from typing import Any, NamedTuple, Self

from interviewdesk.domain.vocabulary import InterviewStatus, QuestionTopic


class Paragraph(NamedTuple):
    """One paragraph of notes: when it was started (seconds since the start), its text, and
    whether it is private (kept out of everything shared)."""

    offset_s: float
    text: str
    private: bool = False


class NotesField(NamedTuple):
    """Where notes are typed: a question of a section, or (``question`` None) the section itself."""

    section: int
    question: int | None


@dataclass(frozen=True, slots=True)
class CandidateQuestion:
    """A question the candidate asked, with the answer given. ``key`` names it in a session
    (``db:ID`` once stored, ``new:…`` before); ``offset_s`` is when it was asked."""

    text: str
    topic: QuestionTopic
    answer: str = ""
    follow_up_owed: bool = False
    offset_s: float | None = None
    key: str = ""


class Keep(Enum):
    """A field of a change that leaves the stored value as it is (None may be a value to store)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True, slots=True)
class _Fields:
    def changed(self) -> dict[str, Any]:
        """The fields this change sets, by name."""
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name)) is not KEEP}

    def merged(self, later: Self) -> Self:
        """This change with ``later``'s fields laid over it (the later value of a field wins)."""
        return type(self)(**{**self.changed(), **later.changed()})


@dataclass(frozen=True, slots=True)
class InterviewFields(_Fields):
    """What a live session changes in the interview's own row."""

    status: InterviewStatus | Keep = KEEP
    started_at: datetime | Keep = KEEP
    ended_at: datetime | Keep = KEEP
    current_section: int | Keep = KEEP
    running_offset_s: float | Keep | None = KEEP
    aspirations: str | Keep = KEEP
    summary: str | Keep = KEEP
    recommendation: str | Keep | None = KEEP
    sealed_at: datetime | Keep = KEEP
    seal_hash: str | Keep = KEEP
    disclosure_confirmed_at: datetime | Keep = KEEP


@dataclass(frozen=True, slots=True)
class TaskFields(_Fields):
    """What a live session changes in a working-interview task's record."""

    started_offset_s: float | Keep | None = KEEP
    ended_offset_s: float | Keep | None = KEEP
    deliverable: str | Keep = KEEP
    outcome: str | Keep = KEEP
    level: int | Keep | None = KEEP
