"""What is owed after interviews: feedback, answers, thank-you notes and next steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from interviewdesk.domain.clock import utc_now
from interviewdesk.domain.vocabulary import FollowUpKind
from interviewdesk.errors import NotFoundError
from interviewdesk.store.database import Database
from interviewdesk.store.follow_up_rows import follow_up_rows, mark_follow_up_done


@dataclass(frozen=True, slots=True)
class FollowUpItem:
    id: int
    interview_id: int
    candidate: str
    interviewer: str
    kind: FollowUpKind
    description: str
    due: date
    done: bool
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "interview_id": self.interview_id,
            "candidate": self.candidate,
            "interviewer": self.interviewer,
            "kind": self.kind.value,
            "description": self.description,
            "due": self.due.isoformat(),
            "done": self.done,
            "overdue": self.overdue,
        }


def list_follow_ups(
    db: Database,
    *,
    today: date | None = None,
    overdue_only: bool = False,
    include_done: bool = False,
    candidate_id: int | None = None,
) -> list[FollowUpItem]:
    """Open follow-ups by due date, everyone's or one candidate's; ``today`` is injectable (tests,
    and "as of" views)."""
    today = today or date.today()
    with db.begin() as connection:
        rows = follow_up_rows(
            connection,
            open_only=not include_done or overdue_only,
            due_before=today if overdue_only else None,
            candidate_id=candidate_id,
        )
    return [
        FollowUpItem(
            id=row.id,
            interview_id=row.interview_id,
            candidate=row.candidate,
            interviewer=row.interviewer,
            kind=FollowUpKind(row.kind),
            description=row.description,
            due=row.due,
            done=row.done_at is not None,
            overdue=row.done_at is None and row.due < today,
        )
        for row in rows
    ]


def set_follow_up_done(
    db: Database, follow_up_id: int, done: bool = True, *, now: datetime | None = None
) -> None:
    with db.begin() as connection:
        found = mark_follow_up_done(connection, follow_up_id, (now or utc_now()) if done else None)
    if not found:
        raise NotFoundError(
            f"there is no follow-up {follow_up_id}; `interviewdesk followups list` shows them."
        )
