"""The interview list: one query of plain rows, paged, so the window shows the first screen at once."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select

from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.store.database import Database
from interviewdesk.store.models import Candidate, Interview, Interviewer, TemplateVersion


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
            Interview.id,
            Interview.candidate_id,
            Candidate.name,
            Candidate.role,
            func.coalesce(Interviewer.name, ""),
            TemplateVersion.name,
            TemplateVersion.version,
            Interview.scheduled_at,
            Interview.status,
        )
        .join(Candidate, Candidate.id == Interview.candidate_id)
        .join(TemplateVersion, TemplateVersion.id == Interview.template_id)
        .outerjoin(Interviewer, Interviewer.id == Interview.interviewer_id)
    )
    if candidate_id is not None:
        query = query.where(Interview.candidate_id == candidate_id)
    # Newest first; planned interviews without a time sort with the newest.
    return query.order_by(Interview.scheduled_at.desc().nulls_first(), Interview.id.desc())


def list_interviews(
    db: Database, *, candidate_id: int | None = None, offset: int = 0, limit: int | None = None
) -> list[InterviewRow]:
    query = _query(candidate_id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with db.session() as session:
        return [InterviewRow(*row) for row in session.execute(query)]


def count_interviews(db: Database, *, candidate_id: int | None = None) -> int:
    query = select(func.count()).select_from(Interview)
    if candidate_id is not None:
        query = query.where(Interview.candidate_id == candidate_id)
    with db.session() as session:
        return int(session.scalar(query) or 0)
