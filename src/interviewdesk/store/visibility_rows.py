"""Which interviews stay sealed from this installation's interviewer: one query, by candidate.

Another interviewer's interview of a candidate stays sealed (its scores, notes and recommendation)
while I have an interview of that candidate not yet submitted, or, unless I coordinate, while I am
not on that candidate's panel at all. With nobody named as "me" nothing is hidden (a database
shared by one team, as before identities existed).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, exists, not_, or_, select
from sqlalchemy.engine import Connection

from interviewdesk.store.id_lists import among
from interviewdesk.store.tables import interviews

WAITING = "waiting"  # for my own submission
NOT_ON_PANEL = "not on the panel"


def sealed_from(
    connection: Connection, me: int, *, coordinator: bool, candidate_ids: Iterable[int] | None = None
) -> dict[int, tuple[int, str]]:
    """interview id -> (its candidate, why it stays sealed), for the interviewer ``me``."""
    mine = interviews.alias("mine")
    my_interview = and_(
        mine.c.candidate_id == interviews.c.candidate_id,
        mine.c.interviewer_id == me,
        mine.c.status != "cancelled",
    )
    waiting = exists().where(my_interview, mine.c.sealed_at.is_(None))
    on_panel = exists().where(my_interview)
    condition = waiting if coordinator else or_(waiting, not_(on_panel))
    query = select(interviews.c.id, interviews.c.candidate_id, waiting.label("waiting")).where(
        or_(interviews.c.interviewer_id.is_(None), interviews.c.interviewer_id != me),
        interviews.c.status.in_(("live", "completed", "submitted")),
        condition,
    )
    if candidate_ids is not None:
        query = query.where(among(connection, interviews.c.candidate_id, list(candidate_ids)))
    return {
        row.id: (row.candidate_id, WAITING if row.waiting else NOT_ON_PANEL)
        for row in connection.execute(query)
    }
