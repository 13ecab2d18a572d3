"""The interview list's query: one row per interview with its candidate, interviewer and template."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
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


def interview_rows(
    connection: Connection, *, candidate_id: int | None, offset: int, limit: int | None
) -> list[AnyRow]:
    query = _query(candidate_id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(connection.execute(query))


def interview_count(connection: Connection, *, candidate_id: int | None) -> int:
    query = select(func.count()).select_from(interviews)
    if candidate_id is not None:
        query = query.where(interviews.c.candidate_id == candidate_id)
    return int(connection.scalar(query) or 0)
