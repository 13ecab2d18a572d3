"""Changing what was planned, from the command line: a candidate's details; rescheduling,
reassigning, cancelling and deleting a planned interview; what has begun is never changed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.services.interview_list import list_interviews
from interviewdesk.services.planning import add_candidate, list_candidates, plan_interview
from interviewdesk.store.database import Database
from tests.integration.pdf_support import Spec, store_interview


def planned(db: Database) -> tuple[int, int]:
    candidate = add_candidate(db, "Ada Lovelace", role="Analyst", email="ada@example.org")
    return candidate, plan_interview(
        db, candidate_id=candidate, template_ref="general-structured", interviewer="Kwame Mensah"
    )


def row(db: Database, interview_id: int):  # type: ignore[no-untyped-def]
    return next(r for r in list_interviews(db) if r.id == interview_id)


def test_a_candidate_s_details_are_corrected(cli, db: Database) -> None:
    candidate, _ = planned(db)
    result = cli("candidates", "edit", str(candidate), "--name", "  Ada   King ", "--role", "Staff Analyst")
    assert result.code == 0, result.err
    (found,) = list_candidates(db)
    assert (found.name, found.role) == ("Ada King", "Staff Analyst")
    assert cli("candidates", "edit", str(candidate)).code == 2  # nothing to change is said, not ignored
    empty = cli("candidates", "edit", str(candidate), "--name", "   ")
    assert empty.code == 2 and "name is empty" in empty.err
    unknown = cli("candidates", "edit", "99", "--role", "x")
    assert unknown.code == 2 and "no candidate 99" in unknown.err
    assert list_candidates(db)[0].name == "Ada King"  # the refusals changed nothing


def test_a_planned_interview_is_moved_and_given_to_someone_else(cli, db: Database) -> None:
    _, interview = planned(db)
    result = cli(
        "interviews",
        "reschedule",
        str(interview),
        "--at",
        "2026-11-25T10:00+00:00",
        "--interviewer",
        "Jonas Weber",
    )
    assert result.code == 0, result.err
    moved = row(db, interview)
    assert (
        moved.scheduled_at == datetime(2026, 11, 25, 10, 0, tzinfo=UTC) and moved.interviewer == "Jonas Weber"
    )
    assert cli("interviews", "reschedule", str(interview), "--unscheduled", "--interviewer", "").code == 0
    moved = row(db, interview)
    assert moved.scheduled_at is None and moved.interviewer == ""
    bad = cli("interviews", "reschedule", str(interview), "--at", "next tuesday")
    assert bad.code == 2 and "is not a date and time" in bad.err


def test_cancelled_stays_listed_and_cannot_be_opened(cli, db: Database) -> None:
    _, interview = planned(db)
    assert cli("interviews", "cancel", str(interview)).code == 0
    listed = json.loads(cli("interviews", "list", "--json").out)
    assert [r["status"] for r in listed] == ["cancelled"]
    again = cli("interviews", "cancel", str(interview))
    assert again.code == 2 and "is cancelled; only a planned interview" in again.err
    refused = cli("open", str(interview))
    assert refused.code == 2 and "was cancelled" in refused.err


def test_only_a_planned_interview_never_opened_is_deleted(cli, db: Database) -> None:
    _, interview = planned(db)
    _, started = store_interview(db, Spec(status=InterviewStatus.COMPLETED))  # held, not submitted
    assert cli("interviews", "delete", str(interview)).code == 2  # no terminal to say yes: not deleted
    assert cli("interviews", "delete", str(interview), "--yes").code == 0
    assert [r.id for r in list_interviews(db)] == [started]
    held = cli("interviews", "delete", str(started), "--yes")
    assert held.code == 2 and "only a planned interview can be deleted" in held.err
    for verb in ("reschedule", "cancel"):
        args = ("--at", "2026-12-01T09:00") if verb == "reschedule" else ()
        refused = cli("interviews", verb, str(started), *args)
        assert refused.code == 2 and "only a planned interview can be" in refused.err
    unknown = cli("interviews", "cancel", "999")
    assert unknown.code == 2 and "no interview 999" in unknown.err


def test_an_interview_open_in_a_live_window_is_not_changed_under_it(cli, db: Database) -> None:
    """Its window would write over the change (start it, save into a deleted row)."""
    from interviewdesk.services.leases import acquire_lease, release_lease

    _, interview = planned(db)
    lease = acquire_lease(db, interview)
    for args in (("reschedule", str(interview), "--unscheduled"), ("cancel", str(interview))):
        refused = cli("interviews", *args)
        assert refused.code == 2 and "close it there first" in refused.err, refused.err
    assert cli("interviews", "delete", str(interview), "--yes").code == 2
    assert row(db, interview).status is InterviewStatus.PLANNED and row(db, interview).scheduled_at is None
    release_lease(db, lease)
    assert cli("interviews", "cancel", str(interview)).code == 0  # closed: now it may
