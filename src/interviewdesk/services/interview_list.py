"""The interview list: one query of plain rows, paged, so the window shows the first screen at once."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select

from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.store.database import Database
from interviewdesk.store.tables import candidates, interviewers, interviews, template_versions


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
        data = asdict(self)
        data["scheduled_at"] = self.scheduled_at.isoformat() if self.scheduled_at else None
        data["status"] = self.status.value
        return data


def _query(candidate_id: int | None) -> Select[Any]:
    query = (
        select(
            interviews.c.id,
            interviews.c.candidate_id,
            candidates.c.name,
            candidates.c.role,
            func.coalesce(interviewers.c.name, ""),
            template_versions.c.name,
            template_versions.c.version,
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


def list_interviews(
    db: Database, *, candidate_id: int | None = None, offset: int = 0, limit: int | None = None
) -> list[InterviewRow]:
    query = _query(candidate_id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.begin() as connection:
        return [InterviewRow(*row) for row in connection.execute(query)]


def count_interviews(db: Database, *, candidate_id: int | None = None) -> int:
    query = select(func.count()).select_from(interviews)
    if candidate_id is not None:
        query = query.where(interviews.c.candidate_id == candidate_id)
    with db.begin() as connection:
        return int(connection.scalar(query) or 0)
