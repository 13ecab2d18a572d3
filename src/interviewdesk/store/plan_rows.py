"""Changing what was planned: a candidate's details (or two records of one person merged), a
planned interview's time, interviewer and status, and deleting a planned interview that never
started."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.engine import Connection

from interviewdesk.store.tables import candidate_aliases, candidates, interviews, notes, timer_events
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


def merge_candidate(connection: Connection, keep: int, other: int) -> int:
    """Move ``other``'s interviews to ``keep``, keep its global ids as aliases of ``keep``, and
    remove it; returns how many interviews moved."""
    moved = connection.execute(
        update(interviews).where(interviews.c.candidate_id == other).values(candidate_id=keep)
    )
    old = connection.scalar(select(candidates.c.uid).where(candidates.c.id == other))
    connection.execute(
        update(candidate_aliases).where(candidate_aliases.c.candidate_id == other).values(candidate_id=keep)
    )
    connection.execute(insert(candidate_aliases).values(uid=old, candidate_id=keep))
    connection.execute(delete(candidates).where(candidates.c.id == other))
    return int(moved.rowcount or 0)


def interview_ids_of(connection: Connection, candidate_id: int) -> list[int]:
    return [
        int(i)
        for i in connection.scalars(select(interviews.c.id).where(interviews.c.candidate_id == candidate_id))
    ]
