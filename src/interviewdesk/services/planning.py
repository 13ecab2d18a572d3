"""Candidates, interviewers and planned interviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.template_library import resolve_template_id
from interviewdesk.store.database import Database
from interviewdesk.store.models import Candidate, Interview, Interviewer, TemplateVersion

MAX_NAME_LENGTH = 200


@dataclass(frozen=True, slots=True)
class CandidateSummary:
    id: int
    name: str
    role: str
    interviews: int


def _clean_name(name: str, what: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError(f"the {what}'s name is empty.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise UserError(f"the {what}'s name is longer than {MAX_NAME_LENGTH} characters.")
    return cleaned


def add_candidate(db: Database, name: str, role: str = "", email: str = "") -> int:
    candidate = Candidate(
        name=_clean_name(name, "candidate"), role=" ".join(role.split()), email=email.strip()
    )
    with db.session() as session:
        session.add(candidate)
        session.flush()
        return candidate.id


def list_candidates(db: Database) -> list[CandidateSummary]:
    with db.session() as session:
        counts = (
            select(Interview.candidate_id, func.count().label("n"))
            .group_by(Interview.candidate_id)
            .subquery()
        )
        rows = session.execute(
            select(Candidate.id, Candidate.name, Candidate.role, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.candidate_id == Candidate.id)
            .order_by(Candidate.name, Candidate.id)
        )
        return [CandidateSummary(*row) for row in rows]


def interviewer_id(session: Session, name: str) -> int:
    """The id of the interviewer with this name, added if new."""
    cleaned = _clean_name(name, "interviewer")
    found = session.scalar(select(Interviewer.id).where(Interviewer.name == cleaned))
    if found is not None:
        return found
    interviewer = Interviewer(name=cleaned)
    session.add(interviewer)
    session.flush()
    return interviewer.id


def parse_when(value: str) -> datetime:
    """An ISO 8601 time; one without a zone is taken as local time."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UserError(f"{value!r} is not a date and time like 2026-11-23T14:30.") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local time zone
    return moment.astimezone(UTC)


def plan_interview(
    db: Database,
    *,
    candidate_id: int,
    template_ref: str | int,
    interviewer: str | None = None,
    scheduled_at: datetime | None = None,
) -> int:
    template_version_id = resolve_template_id(db, template_ref)
    with db.session() as session:
        if session.get(Candidate, candidate_id) is None:
            raise NotFoundError(f"no candidate {candidate_id}; `interviewdesk candidates add NAME` adds one.")
        assert session.get(TemplateVersion, template_version_id) is not None
        interview = Interview(
            candidate_id=candidate_id,
            template_id=template_version_id,
            interviewer_id=interviewer_id(session, interviewer) if interviewer else None,
            scheduled_at=scheduled_at,
        )
        session.add(interview)
        session.flush()
        return interview.id
