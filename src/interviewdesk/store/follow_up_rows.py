"""The follow-ups queue: what is owed after interviews, to whom and by when."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from interviewdesk.store.tables import candidates, follow_ups, interviewers, interviews
from interviewdesk.store.types import AnyRow


def follow_up_rows(
    connection: Connection, *, open_only: bool, due_before: date | None, candidate_id: int | None = None
) -> list[AnyRow]:
    query = (
        select(
            follow_ups.c.id,
            follow_ups.c.interview_id,
            follow_ups.c.kind,
            follow_ups.c.description,
            follow_ups.c.due,
            follow_ups.c.done_at,
            candidates.c.name.label("candidate"),
            func.coalesce(interviewers.c.name, "").label("interviewer"),
        )
        .join(interviews, interviews.c.id == follow_ups.c.interview_id)
        .join(candidates, candidates.c.id == interviews.c.candidate_id)
        .outerjoin(interviewers, interviewers.c.id == interviews.c.interviewer_id)
        .order_by(follow_ups.c.due, follow_ups.c.id)
    )
    if open_only:
        query = query.where(follow_ups.c.done_at.is_(None))
    if due_before is not None:
        query = query.where(follow_ups.c.due < due_before)
    if candidate_id is not None:
        query = query.where(interviews.c.candidate_id == candidate_id)
    return list(connection.execute(query))


def mark_follow_up_done(connection: Connection, follow_up_id: int, at: datetime | None) -> bool:
    """Done (``at``) or open again (None); False when there is no such follow-up."""
    result = connection.execute(update(follow_ups).where(follow_ups.c.id == follow_up_id).values(done_at=at))
    return result.rowcount == 1
