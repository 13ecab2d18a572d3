"""Independent scoring, enforced: others' interviews of a candidate stay sealed from me until my
own interview of that candidate is submitted (a coordinator not on the panel sees everything).

Every reader of scores, notes and recommendations asks here first: the interview and panel
summaries and their PDFs, the role comparison, search and the live window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from interviewdesk.errors import UserError
from interviewdesk.services.identity import current_me
from interviewdesk.store import visibility_rows
from interviewdesk.store.database import Database


@dataclass(frozen=True, slots=True)
class Sealed:
    """What stays hidden from me: interview id -> (its candidate, why)."""

    interviews: dict[int, tuple[int, str]]

    def __contains__(self, interview_id: object) -> bool:
        return interview_id in self.interviews

    def notice(self, candidate_id: int) -> str:
        """ "2 sealed interviews waiting for your submission", or "" when nothing is hidden."""
        reasons = [why for cid, why in self.interviews.values() if cid == candidate_id]
        if not reasons:
            return ""
        count = f"{len(reasons)} sealed interview{'s' if len(reasons) != 1 else ''}"
        if visibility_rows.WAITING in reasons:
            return f"{count} waiting for your submission"
        return f"{count} by the candidate's panel (you are not on it; a coordinator sees them)"


NOTHING = Sealed({})


def sealed_for_me(connection: Connection, candidate_ids: Iterable[int] | None = None) -> Sealed:
    me = current_me(connection)
    if me is None:
        return NOTHING
    return Sealed(
        visibility_rows.sealed_from(
            connection, me.interviewer_id, coordinator=me.coordinator, candidate_ids=candidate_ids
        )
    )


def sealed_interviews(db: Database, candidate_ids: Iterable[int] | None = None) -> Sealed:
    with db.begin() as connection:
        return sealed_for_me(connection, candidate_ids)


def refuse_if_sealed(sealed: Sealed, interview_id: int) -> None:
    if interview_id in sealed:
        _candidate, why = sealed.interviews[interview_id]
        if why == visibility_rows.WAITING:
            raise UserError(
                f"interview {interview_id} stays sealed until you submit your own interview of this "
                "candidate: panelists score independently before they see each other's scores."
            )
        raise UserError(
            f"interview {interview_id} is sealed: you are not on this candidate's panel. A coordinator "
            "(`interviewdesk me --coordinator`) sees every interview."
        )
