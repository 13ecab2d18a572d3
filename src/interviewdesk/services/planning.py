"""Candidates, interviewers and planned interviews (Core statements: no ORM needed to plan)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.template_library import resolve_template_id
from interviewdesk.store.database import Database
from interviewdesk.store.tables import candidates, interviewers, interviews

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
    values = {"name": _clean_name(name, "candidate"), "role": " ".join(role.split()), "email": email.strip()}
    with db.begin() as connection:
        return int(connection.execute(insert(candidates).values(values)).inserted_primary_key[0])


def list_candidates(db: Database) -> list[CandidateSummary]:
    counts = (
        select(interviews.c.candidate_id, func.count().label("n"))
        .group_by(interviews.c.candidate_id)
        .subquery()
    )
    query = (
        select(candidates.c.id, candidates.c.name, candidates.c.role, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.candidate_id == candidates.c.id)
        .order_by(candidates.c.name, candidates.c.id)
    )
    with db.begin() as connection:
        return [CandidateSummary(*row) for row in connection.execute(query)]


def interviewer_id(connection: Connection, name: str) -> int:
    """The id of the interviewer with this name, added if new."""
    cleaned = _clean_name(name, "interviewer")
    found = connection.scalar(select(interviewers.c.id).where(interviewers.c.name == cleaned))
    if found is not None:
        return int(found)
    return int(connection.execute(insert(interviewers).values(name=cleaned)).inserted_primary_key[0])


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
    with db.begin() as connection:
        if connection.scalar(select(candidates.c.id).where(candidates.c.id == candidate_id)) is None:
            raise NotFoundError(f"no candidate {candidate_id}; `interviewdesk candidates add NAME` adds one.")
        values = {
            "candidate_id": candidate_id,
            "template_id": template_version_id,
            "interviewer_id": interviewer_id(connection, interviewer) if interviewer else None,
            "scheduled_at": scheduled_at,
        }
        return int(connection.execute(insert(interviews).values(values)).inserted_primary_key[0])
