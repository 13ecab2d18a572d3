"""Managing what was planned: correct a candidate's details; reschedule, reassign, cancel or
delete a planned interview.

Only an interview that has not started may be moved, given to someone else, cancelled or
deleted; one that has begun is a record of what happened. A cancelled interview stays, marked
cancelled, so the panel sees it was planned; deleting is for a planned interview nobody ever
opened (a mistake), and leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Connection

from interviewdesk.domain.clock import utc_now
from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.leases import holder_in
from interviewdesk.services.planning import clean_name, interviewer_id
from interviewdesk.store import plan_rows
from interviewdesk.store.database import Database
from interviewdesk.store.types import AnyRow

MAX_FIELD = 200


@dataclass(frozen=True, slots=True)
class CandidateDetails:
    id: int
    name: str
    role: str
    email: str


def _no_candidate(candidate_id: int) -> NotFoundError:
    return NotFoundError(f"there is no candidate {candidate_id}; `interviewdesk candidates list` shows them.")


def candidate_details(db: Database, candidate_id: int) -> CandidateDetails:
    with db.begin() as connection:
        row = plan_rows.candidate(connection, candidate_id)
    if row is None:
        raise _no_candidate(candidate_id)
    return CandidateDetails(row.id, row.name, row.role or "", row.email or "")


def edit_candidate(
    db: Database,
    candidate_id: int,
    *,
    name: str | None = None,
    role: str | None = None,
    email: str | None = None,
) -> None:
    """Change the given fields (None leaves one as it is); names and roles are tidied."""
    values: dict[str, str] = {}
    if name is not None:
        values["name"] = clean_name(name, "candidate")
    if role is not None:
        values["role"] = _field(role, "role")
    if email is not None:
        values["email"] = _field(email, "email")
    with db.begin() as connection:
        if plan_rows.candidate(connection, candidate_id) is None:
            raise _no_candidate(candidate_id)
        if values:
            plan_rows.update_candidate(connection, candidate_id, values)


def _field(text: str, what: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_FIELD:
        raise UserError(f"the {what} is longer than {MAX_FIELD} characters.")
    return cleaned


def _planned(connection: Connection, interview_id: int, doing: str) -> AnyRow:
    """The interview's state; refused unless it exists, is still planned, and no live window has
    it open."""
    state = plan_rows.interview_state(connection, interview_id)
    if state is None:
        raise NotFoundError(
            f"there is no interview {interview_id}; `interviewdesk interviews list` shows them."
        )
    status = InterviewStatus(state.status)
    if status is not InterviewStatus.PLANNED:
        raise UserError(
            f"interview {interview_id} is {status.value}; only a planned interview can be {doing}."
        )
    moment = utc_now()
    holder = holder_in(connection, interview_id)
    if holder is not None and not holder.stale(moment):  # its window would write over the change
        raise UserError(
            f"interview {interview_id} is open in {holder.describe(moment)}; close it there first. "
            "Nothing was changed."
        )
    return state


def reschedule(db: Database, interview_id: int, when: datetime | None) -> None:
    """A new time for a planned interview (None: not scheduled yet)."""
    with db.begin() as connection:
        _planned(connection, interview_id, "rescheduled")
        plan_rows.update_interview(connection, interview_id, {"scheduled_at": when})


def reassign(db: Database, interview_id: int, interviewer: str | None) -> None:
    """Another interviewer for a planned interview (None or blank: nobody yet)."""
    name = (interviewer or "").strip()
    with db.begin() as connection:
        _planned(connection, interview_id, "reassigned")
        who = interviewer_id(connection, name) if name else None
        plan_rows.update_interview(connection, interview_id, {"interviewer_id": who})


def cancel(db: Database, interview_id: int) -> None:
    with db.begin() as connection:
        _planned(connection, interview_id, "cancelled")
        plan_rows.update_interview(connection, interview_id, {"status": InterviewStatus.CANCELLED})


def delete_planned(db: Database, interview_id: int) -> None:
    """Delete a planned interview nobody has opened to record anything in."""
    with db.begin() as connection:
        if _planned(connection, interview_id, "deleted").touched:
            raise UserError(
                f"interview {interview_id} has notes or timer events; cancel it instead, so they are kept."
            )
        plan_rows.delete_interview(connection, interview_id)


def merge_candidates(db: Database, keep: int, other: int) -> int:
    """Two records of one person made one, by hand: ``other``'s interviews move to ``keep`` and
    ``other`` goes (its global id stays as an alias). Returns how many interviews moved. ``keep``'s
    name, role and email stay; correct them with `candidates edit` if ``other``'s were right."""
    if keep == other:
        raise UserError("a candidate cannot be merged into themselves; give two different ids.")
    with db.begin() as connection:
        for candidate_id in (keep, other):
            if plan_rows.candidate(connection, candidate_id) is None:
                raise _no_candidate(candidate_id)
        for interview_id in plan_rows.interview_ids_of(connection, other):
            if holder_in(connection, interview_id) is not None:
                raise UserError(
                    f"interview {interview_id} of candidate {other} is open in a live window; close it "
                    "first, then merge."
                )
        return plan_rows.merge_candidate(connection, keep, other)
