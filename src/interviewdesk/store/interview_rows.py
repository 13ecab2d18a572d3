"""The interview list's query: one row per interview with its candidate, interviewer and template."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select, tuple_
from sqlalchemy.engine import Connection

from interviewdesk.store.tables import candidates, interviewers, interviews, template_versions
from interviewdesk.store.types import AnyRow


def _query(candidate_id: int | None) -> Select[Any]:
    query = (
        select(
            interviews.c.id,
            interviews.c.candidate_id,
            candidates.c.name.label("candidate"),
            candidates.c.role,
            func.coalesce(interviewers.c.name, "").label("interviewer"),
            template_versions.c.name.label("template"),
            template_versions.c.version.label("template_version"),
            interviews.c.scheduled_at,
            interviews.c.status,
        )
        .join(candidates, candidates.c.id == interviews.c.candidate_id)
        .join(template_versions, template_versions.c.id == interviews.c.template_id)
        .outerjoin(interviewers, interviewers.c.id == interviews.c.interviewer_id)
    )
    if candidate_id is not None:
        query = query.where(interviews.c.candidate_id == candidate_id)
    # Newest first; planned interviews without a time sort with the newest.
    return query.order_by(interviews.c.scheduled_at.desc().nulls_first(), interviews.c.id.desc())


PageKey = tuple[datetime | None, int]  # the last row shown: (scheduled_at, id)


def interview_rows(
    connection: Connection,
    *,
    candidate_id: int | None,
    limit: int | None,
    after: PageKey | None = None,
) -> list[AnyRow]:
    """The rows in list order, from just after ``after`` (keyset paging: each page costs the same
    wherever it is in the list, where OFFSET read and threw away every row before it)."""
    query = _query(candidate_id)
    if after is not None:
        at, last_id = after
        scheduled = interviews.c.scheduled_at
        if at is None:  # still among the unscheduled, which come first
            query = query.where(or_(scheduled.is_not(None), interviews.c.id < last_id))
        else:  # a row-value comparison, which the (scheduled_at, id) index answers with a seek
            query = query.where(tuple_(scheduled, interviews.c.id) < tuple_(at, last_id))
    if limit is not None:
        query = query.limit(limit)
    return list(connection.execute(query))


def interview_count(connection: Connection, *, candidate_id: int | None) -> int:
    query = select(func.count()).select_from(interviews)
    if candidate_id is not None:
        query = query.where(interviews.c.candidate_id == candidate_id)
    return int(connection.scalar(query) or 0)
