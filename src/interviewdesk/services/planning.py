"""Candidates, interviewers and planned interviews: the rules; store/catalog.py holds the SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.engine import Connection

from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.template_library import resolve_template_id
from interviewdesk.store import catalog
from interviewdesk.store.database import Database

MAX_NAME_LENGTH = 200


@dataclass(frozen=True, slots=True)
class CandidateSummary:
    id: int
    name: str
    role: str
    interviews: int


def clean_name(name: str, what: str) -> str:
    """A person's name with its spaces tidied; refused when empty or longer than the limit."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError(f"the {what}'s name is empty.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise UserError(f"the {what}'s name is longer than {MAX_NAME_LENGTH} characters.")
    return cleaned


def add_candidate(db: Database, name: str, role: str = "", email: str = "") -> int:
    cleaned = clean_name(name, "candidate")
    with db.begin() as connection:
        return catalog.insert_candidate(connection, cleaned, " ".join(role.split()), email.strip())


def list_candidates(db: Database) -> list[CandidateSummary]:
    with db.begin() as connection:
        return [CandidateSummary(**row._mapping) for row in catalog.candidates_with_counts(connection)]


def interviewer_id(connection: Connection, name: str) -> int:
    """The id of the interviewer with this name (spaces tidied), added if new."""
    return catalog.interviewer_id(connection, clean_name(name, "interviewer"))


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
        if not catalog.candidate_exists(connection, candidate_id):
            raise NotFoundError(f"no candidate {candidate_id}; `interviewdesk candidates add NAME` adds one.")
        return catalog.insert_interview(
            connection,
            candidate_id=candidate_id,
            template_id=template_version_id,
            interviewer_id=interviewer_id(connection, interviewer) if interviewer else None,
            scheduled_at=scheduled_at,
        )
