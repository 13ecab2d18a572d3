"""Erasing a candidate from the database and from the SQLite files that hold copies of it.

The rows go by the foreign keys' cascades (interviews, notes, scores and their amendments,
questions, timer events, checklist, tasks, follow-ups, leases). The sealed-interview triggers
guard a sealed interview's rows while the interview exists; deleting the interview itself (only
erasure does) removes them with it. ``secure_delete`` overwrites what was deleted; then VACUUM
rebuilds the file and a truncating checkpoint empties the write-ahead log, so no byte of the
candidate remains in either.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import ScalarSelect, Table, delete, func, insert, select
from sqlalchemy.engine import Connection, Engine

from interviewdesk.store.search_index import merge_away_deleted, register_fold
from interviewdesk.store.tables import (
    candidate_questions,
    candidates,
    erasures,
    follow_ups,
    interviews,
    notes,
)
from interviewdesk.store.types import AnyRow

CHECKPOINT_TRIES = 20


def candidate_extent(connection: Connection, candidate_id: int) -> AnyRow | None:
    """The candidate's name with how many interviews, notes, questions and follow-ups they have."""
    mine = select(interviews.c.id).where(interviews.c.candidate_id == candidate_id)

    def count(table: Table) -> ScalarSelect[int]:
        return select(func.count()).select_from(table).where(table.c.interview_id.in_(mine)).scalar_subquery()

    return connection.execute(
        select(
            candidates.c.name,
            select(func.count())
            .select_from(interviews)
            .where(interviews.c.candidate_id == candidate_id)
            .scalar_subquery()
            .label("interviews"),
            count(notes).label("notes"),
            count(candidate_questions).label("questions"),
            count(follow_ups).label("follow_ups"),
        ).where(candidates.c.id == candidate_id)
    ).first()


def interview_ids(connection: Connection, candidate_id: int) -> list[int]:
    return list(connection.scalars(select(interviews.c.id).where(interviews.c.candidate_id == candidate_id)))


def delete_candidate(connection: Connection, candidate_id: int, *, reason: str, at: datetime) -> int:
    """Delete the candidate and all that hangs on them; record the erasure. Returns the interviews."""
    count = len(interview_ids(connection, candidate_id))
    connection.execute(delete(interviews).where(interviews.c.candidate_id == candidate_id))
    connection.execute(delete(candidates).where(candidates.c.id == candidate_id))
    merge_away_deleted(connection)  # the search index's old segments still hold their words
    connection.execute(insert(erasures).values(erased_at=at, reason=reason, interviews=count))
    return count


def compact_sqlite(engine: Engine) -> bool:
    """Rebuild the file (VACUUM) and empty the write-ahead log; False when another process's read
    kept the log from being emptied (it is emptied when that process closes)."""
    engine.dispose()  # our idle connections hold no snapshot, but let nothing of ours stand in the way
    raw = engine.raw_connection()
    try:
        handle = raw.driver_connection
        assert handle is not None
        handle.execute("VACUUM")
        for _ in range(CHECKPOINT_TRIES):
            busy, _log, _done = handle.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return True
        return False
    finally:
        raw.close()


def erase_from_copy(path: Path, candidate_id: int, name: str) -> bool:
    """Erase the candidate from a backup copy (an SQLite file of ours), rebuilt so no byte remains.
    False when the copy does not hold that candidate (by id and name)."""
    connection = sqlite3.connect(path, isolation_level=None)
    register_fold(connection)  # the search index's triggers fold what they remove
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA secure_delete = ON")
        found = connection.execute("SELECT name FROM candidates WHERE id = ?", (candidate_id,)).fetchone()
        if found is None or found[0] != name:
            return False
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("DELETE FROM interviews WHERE candidate_id = ?", (candidate_id,))
        connection.execute("DELETE FROM candidates WHERE id = ?", (candidate_id,))
        if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone():
            connection.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        connection.execute("COMMIT")
        connection.execute("VACUUM")
        return True
    finally:
        connection.close()


def last_activity(connection: Connection) -> list[AnyRow]:
    """Per candidate: id, name, and the latest moment of their record (an interview's end, start,
    schedule or creation, or the candidate's own creation)."""
    latest = func.max(
        func.coalesce(
            interviews.c.ended_at, interviews.c.started_at, interviews.c.scheduled_at, interviews.c.created_at
        )
    )
    per_candidate = (
        select(interviews.c.candidate_id, latest.label("latest"))
        .group_by(interviews.c.candidate_id)
        .subquery()
    )
    return list(
        connection.execute(
            select(candidates.c.id, candidates.c.name, candidates.c.created_at, per_candidate.c.latest)
            .outerjoin(per_candidate, per_candidate.c.candidate_id == candidates.c.id)
            .order_by(candidates.c.id)
        )
    )
