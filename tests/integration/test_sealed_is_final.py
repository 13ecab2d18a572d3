"""A sealed interview changes only by amendment: the database refuses anything else, a second
writer's late scores are set aside (5 of 5 sealed scores were overwritten before), and a seal that
no longer matches is shown wherever the interview is read for a PDF."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.report import FlagKind
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.pdf_export import export_interview_pdf
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.reports import interview_report
from interviewdesk.services.save_queue import SaveQueue, SetAside
from interviewdesk.store.database import Database
from tests.integration.pdf_support import read_pdf

COMPETENCIES = ["ownership", "collaboration", "communication", "problem-solving", "learning"]


def sealed_interview(db: Database) -> int:
    candidate = add_candidate(db, "Ada Lovelace", role="Analyst")
    interview_id = plan_interview(db, candidate_id=candidate, template_ref="general-structured")
    session = open_live_session(db, interview_id, ManualClock())
    queue = SaveQueue(db, interview_id)
    session.start()
    for competency in COMPETENCIES:
        session.set_score(competency, 3)
        session.set_evidence(competency, f"Evidence for {competency}.")
    session.set_recommendation("yes")
    session.submit()
    assert queue.submit(session.take_batch()).result(10)
    queue.close()
    return interview_id


def test_the_database_refuses_to_change_a_sealed_score(db: Database) -> None:
    interview_id = sealed_interview(db)
    for statement in (
        "UPDATE scores SET level = 1 WHERE interview_id = :id",
        "DELETE FROM scores WHERE interview_id = :id",
        "UPDATE interviews SET recommendation = 'no' WHERE id = :id",
        "UPDATE interviews SET sealed_at = NULL WHERE id = :id",
        "INSERT INTO scores (interview_id, competency_id, level, evidence, updated_at) "
        "VALUES (:id, 'extra', 4, 'late', '2026-11-23')",
    ):
        with pytest.raises(IntegrityError, match="sealed"), db.begin() as connection:
            connection.execute(text(statement), {"id": interview_id})
    report = interview_report(db, interview_id)
    assert [line.level for line in report.rubric] == [3] * 5 and report.seal_intact


def test_a_second_writer_s_late_scores_are_set_aside_and_the_seal_holds(db: Database) -> None:
    interview_id = sealed_interview(db)
    stale = open_live_session(db, interview_id, ManualClock())  # opened before the other's submit...
    stale.sealed_at = None  # ...so it still believes the interview open
    set_aside: list[SetAside] = []
    queue = SaveQueue(db, interview_id, on_set_aside=set_aside.append)
    for competency in COMPETENCIES:
        stale.set_score(competency, 1)
    stale.set_notes(2, None, [(600.0, "A note still goes in.", False)])
    assert queue.submit(stale.take_batch()).result(10)
    queue.close()
    assert len(set_aside) == 5 and all("sealed" in entry.reason for entry in set_aside)
    report = interview_report(db, interview_id)
    assert [line.level for line in report.rubric] == [3] * 5 and report.seal_intact
    assert "A note still goes in." in {note.text for note in report.notes}


def test_an_amendment_is_still_recorded_after_the_seal(db: Database) -> None:
    interview_id = sealed_interview(db)
    session = open_live_session(db, interview_id, ManualClock())
    queue = SaveQueue(db, interview_id)
    session.amend("ownership", 4, "Re-read the notes.", "Second look")
    assert queue.submit(session.take_batch()).result(10)
    queue.close()
    line = next(
        line for line in interview_report(db, interview_id).rubric if line.competency_id == "ownership"
    )
    assert line.level == 3 and [a.level for a in line.amendments] == [4]


def test_a_seal_that_no_longer_matches_is_shown_in_the_pdf(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    interview_id = sealed_interview(db)
    db.close()
    with sqlite3.connect(db_path) as raw:  # a writer that does not go through the app (or predates it)
        raw.execute("DROP TRIGGER scores_sealed_update")
        raw.execute("UPDATE scores SET level = 1 WHERE competency_id = 'ownership'")
    raw.close()
    from interviewdesk.services.workspace import open_workspace

    reopened = open_workspace(str(db_path))
    report = interview_report(reopened, interview_id)
    assert report.seal_intact is False and report.flags[0].kind is FlagKind.SEAL_BROKEN
    export_interview_pdf(reopened, interview_id, tmp_path / "summary.pdf")
    assert read_pdf(tmp_path / "summary.pdf").has("Seal does not match")
    reopened.close()
