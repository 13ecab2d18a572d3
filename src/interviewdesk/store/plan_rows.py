"""Changing what was planned: a candidate's details, a planned interview's time, interviewer and
status, and deleting a planned interview that never started."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, exists, select, update
from sqlalchemy.engine import Connection

from interviewdesk.store.tables import candidates, interviews, notes, timer_events
from interviewdesk.store.types import AnyRow


def candidate(connection: Connection, candidate_id: int) -> AnyRow | None:
    query = select(candidates.c.id, candidates.c.name, candidates.c.role, candidates.c.email)
    return connection.execute(query.where(candidates.c.id == candidate_id)).first()


def update_candidate(connection: Connection, candidate_id: int, values: dict[str, Any]) -> None:
    connection.execute(update(candidates).where(candidates.c.id == candidate_id).values(values))


def interview_state(connection: Connection, interview_id: int) -> AnyRow | None:
    """The interview's status and whether anything was ever recorded in it (timer or notes)."""
    touched = exists().where(timer_events.c.interview_id == interview_id) | exists().where(
        notes.c.interview_id == interview_id
    )
    query = select(interviews.c.id, interviews.c.status, touched.label("touched"))
    return connection.execute(query.where(interviews.c.id == interview_id)).first()


def update_interview(connection: Connection, interview_id: int, values: dict[str, Any]) -> None:
    connection.execute(update(interviews).where(interviews.c.id == interview_id).values(values))


def delete_interview(connection: Connection, interview_id: int) -> None:
    connection.execute(delete(interviews).where(interviews.c.id == interview_id))
