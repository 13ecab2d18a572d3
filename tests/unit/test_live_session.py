"""The live session and its save queue, without Qt: edits, the seal, amendments, crash recovery."""

from __future__ import annotations

from dataclasses import replace

import pytest

from interviewdesk.domain.autosave import SaveScheduler
from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.scoring import ScoreValue
from interviewdesk.domain.vocabulary import InterviewStatus, QuestionTopic
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.reports import interview_report
from interviewdesk.services.save_queue import SaveQueue
from interviewdesk.store.database import Database


def planned(db: Database) -> int:
    candidate = add_candidate(db, "Ada Lovelace", role="Engineer")
    return plan_interview(
        db, candidate_id=candidate, template_ref="general-structured", interviewer="Kwame Mensah"
    )


def test_edits_are_written_and_read_back(db: Database) -> None:
    clock = ManualClock()
    interview_id = planned(db)
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    session.start()
    clock.advance(120)
    session.go_to_section(1)
    clock.advance(30)
    session.set_notes(1, 0, [(150.0, "Led the billing rewrite.", False), (160.0, "Salary talk.", True)])
    session.set_asked(1, 0, True)
    session.set_score("ownership", 3)
    session.set_evidence("ownership", "Led the billing rewrite.")
    key = session.log_question("What is on-call like?", QuestionTopic.ROLE)
    session.update_question(replace(session.questions[key], answer="One week in six.", follow_up_owed=True))
    session.set_checklist(0, True)
    assert queue.submit(session.take_batch()).result(5)
    assert not session.has_pending

    reopened = open_live_session(db, interview_id, clock)
    assert reopened.current_section() == 1 and reopened.timer.running
    assert reopened.notes[(1, 0)] == [
        (150.0, "Led the billing rewrite.", False),
        (160.0, "Salary talk.", True),
    ]
    assert reopened.scores["ownership"] == ScoreValue("ownership", 3, "Led the billing rewrite.")
    (question,) = reopened.questions.values()
    assert (question.text, question.answer, question.follow_up_owed) == (
        "What is on-call like?",
        "One week in six.",
        True,
    )
    assert reopened.asked == {(1, 0)} and reopened.checklist == {0}
    queue.close()


def test_a_question_edited_before_its_insert_is_written_once(db: Database) -> None:
    clock = ManualClock()
    interview_id = planned(db)
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    key = session.log_question("Who would I work with?", QuestionTopic.TEAM)
    queue.submit(session.take_batch())
    session.update_question(replace(session.questions[key], answer="Four engineers and a designer."))
    assert queue.submit(session.take_batch()).result(5)
    (question,) = open_live_session(db, interview_id, clock).questions.values()
    assert question.answer == "Four engineers and a designer."
    queue.close()


def test_an_amendment_after_submit_keeps_the_sealed_value(db: Database) -> None:
    clock = ManualClock()
    interview_id = planned(db)
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    session.start()
    session.set_score("collaboration", 2)
    session.set_evidence("collaboration", "Gave in without saying why.")
    session.set_recommendation("no")
    digest = session.submit()
    session.amend("collaboration", 3, "Re-read: she did explain her view.", "Re-read my notes")
    assert queue.submit(session.take_batch()).result(5)
    report = interview_report(db, interview_id)
    line = next(line for line in report.rubric if line.competency_id == "collaboration")
    assert (line.level, line.evidence) == (2, "Gave in without saying why.")
    assert [(a.level, a.reason) for a in line.amendments] == [(3, "Re-read my notes")]
    assert report.seal_hash == digest and report.status == InterviewStatus.SUBMITTED.value
    queue.close()


def test_after_a_crash_the_timer_resumes_from_the_last_save(db: Database) -> None:
    clock = ManualClock()
    interview_id = planned(db)
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    session.start()
    clock.advance(600)
    session.heartbeat()
    queue.submit(session.take_batch()).result(5)
    queue.close()  # the app dies here; an hour passes
    clock.advance(3600)
    reopened = open_live_session(db, interview_id, clock)
    assert reopened.recovered and reopened.timer.running
    assert round(reopened.timer.elapsed()) == 600
    clock.advance(60)
    assert round(reopened.timer.elapsed()) == 660


def test_save_scheduler_debounces_and_caps() -> None:
    clock = ManualClock(0.0)
    scheduler = SaveScheduler(clock)
    assert scheduler.seconds_until_due() is None
    scheduler.edited()
    assert scheduler.seconds_until_due() == pytest.approx(0.4)
    for _ in range(4):  # a keystroke every 0.125 s: the debounce alone would never fire
        clock.advance(0.125)
        scheduler.edited()
        assert not scheduler.due()
    clock.advance(0.125)
    assert scheduler.due()  # 0.625 s after the first unsaved keystroke: the cap (0.6 s) has passed
    scheduler.saved()
    assert not scheduler.dirty


def test_notes_edits_rewrite_only_what_changed_and_read_back_exactly(db: Database) -> None:
    clock = ManualClock()
    interview_id = planned(db)
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    versions = [
        [(60.0, "one", False), (120.0, "two", False), (180.0, "three", True)],
        [(60.0, "one", False), (120.0, "two, longer now", False), (180.0, "three", True)],
        [(60.0, "one", False), (180.0, "three", True)],  # a paragraph deleted in the middle
        [(60.0, "one", False), (180.0, "three", False), (240.0, "four", False)],
    ]
    for paragraphs in versions:
        session.set_notes(2, None, paragraphs)
        assert queue.submit(session.take_batch()).result(5)
        assert open_live_session(db, interview_id, clock).notes[(2, None)] == paragraphs
    queue.close()


def test_a_paragraph_added_above_keeps_its_place_on_reopening(db: Database) -> None:
    clock = ManualClock()
    interview_id = planned(db)
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    session.set_notes(1, 0, [(60.0, "first", False), (120.0, "second", False)])
    queue.submit(session.take_batch())
    later_above = [(60.0, "first", False), (600.0, "added later, above", False), (120.0, "second", False)]
    session.set_notes(1, 0, later_above)
    assert queue.submit(session.take_batch()).result(5)
    assert open_live_session(db, interview_id, clock).notes[(1, 0)] == later_above
    queue.close()


def test_the_cap_leaves_time_for_the_commit_within_one_second() -> None:
    clock = ManualClock(0.0)
    scheduler = SaveScheduler(clock)
    scheduler.edited()
    for _ in range(6):  # typing on, every 0.1 s
        clock.advance(0.1)
        scheduler.edited()
    # 0.6 s after the first unsaved keystroke the save is due, leaving 0.4 s for a late timer and
    # the commit (up to 0.09 s and 0.09 s measured on a busy machine).
    assert scheduler.seconds_until_due() == pytest.approx(0.0, abs=1e-9)
