"""The save queue's failure branches, on a real database: transient failures are retried in order,
a change that can never be written is set aside without blocking later saves, and a follow-up
keeps its link to the question whatever the order of the batch."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import event, select

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.records import CandidateQuestion, NotesField, Paragraph
from interviewdesk.domain.vocabulary import FollowUpKind, QuestionTopic
from interviewdesk.services.live_changes import (
    FollowUpChange,
    NotesChange,
    QuestionChange,
    TimerEventChange,
)
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.save_queue import SaveQueue, SetAside
from interviewdesk.store.database import Database
from interviewdesk.store.tables import candidate_questions, follow_ups
from tests.unit.test_live_session import planned


def notes(text: str) -> NotesChange:
    return NotesChange(NotesField(0, None), (Paragraph(10.0, text),))


def stored_notes(db: Database, interview_id: int) -> list[str]:
    return [
        text for _, text, _ in open_live_session(db, interview_id, ManualClock()).notes.get((0, None), [])
    ]


@contextmanager
def write_locked(db: Database) -> Iterator[None]:
    """Another process holds the write lock: the queue's writes find the database locked."""
    path = db.path
    assert path is not None

    def short_wait(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("PRAGMA busy_timeout = 50")  # not the app's 5 s, to keep the test fast

    event.listen(db.engine, "begin", short_wait)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
        event.remove(db.engine, "begin", short_wait)


def test_a_locked_database_is_retried_and_nothing_is_lost(db: Database) -> None:
    interview_id = planned(db)
    failures: list[str] = []
    queue = SaveQueue(db, interview_id, on_failed=failures.append)
    with write_locked(db):
        assert not queue.submit([notes("Typed while the database was locked.")]).result(10)
        assert queue.failing and len(failures) == 1 and "locked" in failures[0]
        assert not queue.flush()
    # The next save writes what failed first, then the new edit; nothing was set aside.
    assert queue.submit([NotesChange(NotesField(0, 0), (Paragraph(20.0, "And after."),))]).result(10)
    assert not queue.failing and queue.set_aside == []
    assert stored_notes(db, interview_id) == ["Typed while the database was locked."]
    assert open_live_session(db, interview_id, ManualClock()).notes[(0, 0)] == [(20.0, "And after.", False)]
    queue.close()


def test_a_change_that_can_never_be_written_is_set_aside_and_later_saves_go_on(db: Database) -> None:
    interview_id = planned(db)
    set_aside: list[SetAside] = []
    failures: list[str] = []
    queue = SaveQueue(db, interview_id, on_failed=failures.append, on_set_aside=set_aside.append)
    broken = [
        NotesChange(NotesField(0, 1), (Paragraph(5.0, None),)),  # type: ignore[arg-type]  # NOT NULL text
        TimerEventChange(None, 0.0, None, datetime.now(UTC)),  # type: ignore[arg-type]  # NOT NULL broken
    ]
    assert queue.submit([*broken, notes("Kept despite the broken edits.")]).result(10)
    assert [entry.change for entry in set_aside] == broken
    assert "notes of question 2" in set_aside[0].what and "NOT NULL" in set_aside[0].reason
    assert "timer" in set_aside[1].what and "NOT NULL" in set_aside[1].reason
    assert failures == [] and not queue.failing
    assert stored_notes(db, interview_id) == ["Kept despite the broken edits."]
    # Nothing of the set-aside edits is retried in front of later saves.
    assert queue.submit([notes("Later.")]).result(10)
    assert stored_notes(db, interview_id) == ["Later."]
    assert len(set_aside) == 2 and queue.flush()
    queue.close()


def test_a_follow_up_keeps_its_question_whatever_the_order_of_the_batch(db: Database) -> None:
    interview_id = planned(db)
    queue = SaveQueue(db, interview_id)
    owed = FollowUpChange(FollowUpKind.ANSWER, "What is on-call like?", date(2026, 12, 1), "new:q1")
    question = QuestionChange(
        CandidateQuestion("What is on-call like?", QuestionTopic.ROLE, "", True, 60.0, key="new:q1")
    )
    assert queue.submit([owed, question]).result(10)  # the follow-up first, as a submit queues it
    with db.begin() as connection:
        question_id = connection.execute(select(candidate_questions.c.id)).scalar_one()
        linked = connection.execute(select(follow_ups.c.candidate_question_id)).scalar_one()
    assert linked == question_id
    queue.close()


def test_logging_a_question_and_submitting_in_one_batch_links_the_follow_up(db: Database) -> None:
    clock = ManualClock()
    interview_id = planned(db)
    session = open_live_session(db, interview_id, clock)
    queue = SaveQueue(db, interview_id)
    session.start()
    session.log_question("Is there a budget for conferences?", QuestionTopic.GROWTH, "", True)
    session.submit()
    assert queue.submit(session.take_batch()).result(10)
    with db.begin() as connection:
        rows = connection.execute(
            select(follow_ups.c.kind, follow_ups.c.candidate_question_id).where(
                follow_ups.c.kind == FollowUpKind.ANSWER.value
            )
        ).all()
    assert len(rows) == 1 and rows[0].candidate_question_id is not None
    assert session.timer.ended
    queue.close()


def test_a_set_aside_edit_is_logged_by_what_it_was_never_by_its_words(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """Before, the log line held the edit's repr: a candidate's words in a file erasure never touches."""
    interview_id = planned(db)
    queue = SaveQueue(db, interview_id)
    words = "Confided a health condition; keep this out of every file."
    broken = NotesChange(NotesField(0, 1), (Paragraph(5.0, words, None),))  # type: ignore[arg-type]  # NOT NULL
    with caplog.at_level("ERROR"):
        assert queue.submit([broken]).result(10)
    queue.close()
    assert caplog.records and "notes of question 2" in caplog.text
    assert "health" not in caplog.text and "Paragraph(" not in caplog.text
