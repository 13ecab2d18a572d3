"""Editing leases as rows: read, claimed by compare-and-swap, renewed inside a write, released.

Each statement is one conditional INSERT, UPDATE or DELETE, so two processes racing for a lease
(on SQLite or on a server) cannot both win: the loser's statement changes no row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from interviewdesk.store.tables import editing_leases as leases
from interviewdesk.store.types import AnyRow


def lease_of(connection: Connection, interview_id: int) -> AnyRow | None:
    return connection.execute(select(leases).where(leases.c.interview_id == interview_id)).first()


def claim(
    connection: Connection,
    interview_id: int,
    *,
    holder: str,
    host: str,
    pid: int,
    now: datetime,
    replacing: str | None,
) -> bool:
    """Take the lease: a new row when ``replacing`` is None, else the row still held by ``replacing``.
    False when someone else got there first."""
    values = {"holder": holder, "host": host, "pid": pid, "acquired_at": now, "renewed_at": now}
    if replacing is None:
        try:
            with connection.begin_nested():
                connection.execute(insert(leases).values(interview_id=interview_id, **values))
        except IntegrityError:
            return False
        return True
    result = connection.execute(
        update(leases)
        .where(leases.c.interview_id == interview_id, leases.c.holder == replacing)
        .values(values)
    )
    return result.rowcount == 1


def renew(connection: Connection, interview_id: int, holder: str, now: datetime) -> bool:
    """Renew the lease if ``holder`` still has it; False when it was taken over."""
    result = connection.execute(
        update(leases)
        .where(leases.c.interview_id == interview_id, leases.c.holder == holder)
        .values(renewed_at=now)
    )
    return result.rowcount == 1


def release(connection: Connection, interview_id: int, holder: str) -> None:
    connection.execute(delete(leases).where(leases.c.interview_id == interview_id, leases.c.holder == holder))
