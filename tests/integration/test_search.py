"""Search: found by a word, a prefix, a phrase, in any script; private notes marked; the index in
step with every edit, amendment, deletion, erasure and migration; the command line."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.errors import NotFoundError
from interviewdesk.services.erasure import erase_candidate
from interviewdesk.services.live_session import LiveSession, open_live_session
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.save_queue import SaveQueue
from interviewdesk.services.search import search
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.database import Database
from interviewdesk.store.search_index import FOLD_KEY, register_fold
from tests.integration.conftest import server_copy

NOTES = [
    (60.0, "Rebuilt the invoice pipeline with idempotency keys.", False),
    (120.0, "Talked about the café where the team meets; naïve estimates.", False),
    (180.0, "Говорит по-русски свободно.", False),
    (240.0, "Μιλάει ελληνικά από παιδί.", False),
    (300.0, "قال إنّ المُدير يدعم التعلّم.", False),
    (360.0, "אמר שלום לצוות ששָׁלַח.", False),
    (420.0, "我是面试官，她的回答很清楚。", False),
    (480.0, "Salary expectations: 95k, please keep private.", True),
]


def save(session: LiveSession, queue: SaveQueue) -> None:
    assert queue.submit(session.take_batch()).result(10)


def interview_with_notes(db: Database, name: str = "Amara Okafor") -> tuple[int, LiveSession, SaveQueue]:
    """A candidate's interview with the notes above, and its open session and save queue (as the
    live window holds them; closed when the test ends)."""
    candidate = add_candidate(db, name, role="Engineer")
    interview_id = plan_interview(db, candidate_id=candidate, template_ref="general-structured")
    session = open_live_session(db, interview_id, ManualClock())
    queue = SaveQueue(db, interview_id)
    OPEN_QUEUES.append(queue)
    session.start()
    session.set_notes(1, 0, NOTES)
    save(session, queue)
    return candidate, session, queue


OPEN_QUEUES: list[SaveQueue] = []


@pytest.fixture(autouse=True)
def _close_queues() -> Iterator[None]:
    yield
    while OPEN_QUEUES:
        OPEN_QUEUES.pop().close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest, db: Database) -> Iterator[Database]:
    """A fresh database on each backend: the local file (FTS5), or the server (its own text search)."""
    if request.param == "sqlite":
        yield db
        return
    with server_copy(request.getfixturevalue("seeded_postgres"), "search") as workspace:
        try:
            yield workspace
        finally:
            while OPEN_QUEUES:
                OPEN_QUEUES.pop().close()


def texts(db: Database, query: str, **options: object) -> list[str]:
    return [hit.excerpt.text for hit in search(db, query, **options).hits]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("idempotency", "idempotency"),
        ("idempot", None),  # a prefix is found only while typing (below) or with *
        ("idempot*", "idempotency"),
        ('"invoice pipeline"', "invoice pipeline"),
        ('"pipeline invoice"', None),
        ("cafe naive", "café"),
        ("РУССКИ*", "по-русски"),
        ("ελληνικα", "ελληνικά"),
        ("المدير", "المُدير"),
        ("שלום", "שלום"),
        ("ששלח", "ששָׁלַח"),  # points folded away
        ("שׁלח", None),  # a prefix letter is part of the word (no stemming)
        ("面试", "面试官"),
        ("回答", "回答很清楚"),
        ("面官", None),  # characters that do not stand together
    ],
)
def test_a_note_is_found_by_word_prefix_phrase_and_in_any_script(
    any_db: Database, query: str, expected: str | None
) -> None:
    interview_with_notes(any_db)
    found = texts(any_db, query)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and expected in found[0], found


def test_while_typing_the_last_word_is_a_prefix(any_db: Database) -> None:
    interview_with_notes(any_db)
    assert texts(any_db, "idempot") == []
    assert len(texts(any_db, "idempot", typing=True)) == 1


def test_a_hit_says_where_it_is_and_marks_the_words(any_db: Database) -> None:
    candidate, session, _ = interview_with_notes(any_db)
    interview_id = session.interview_id
    (hit,) = search(any_db, "invoice").hits
    assert (hit.kind, hit.candidate_id, hit.candidate, hit.interview_id) == (
        "note",
        candidate,
        "Amara Okafor",
        interview_id,
    )
    assert hit.where.startswith("Section 2: ") and hit.where.endswith("minute 2")
    assert hit.excerpt.marked("[", "]") == "Rebuilt the [invoice] pipeline with idempotency keys."
    assert not hit.private


def test_a_private_note_is_found_and_marked(any_db: Database) -> None:
    interview_with_notes(any_db)
    (hit,) = search(any_db, "salary").hits
    assert hit.private and hit.kind == "note"


def test_the_index_follows_edits_amendments_and_deletions(any_db: Database) -> None:
    _candidate, session, queue = interview_with_notes(any_db)
    session.set_notes(1, 0, [(60.0, "Rewrote the billing service.", False)])
    session.set_score("ownership", 3)
    session.set_evidence("ownership", "Owned the migration end to end.")
    key = session.log_question("What is the release cadence?", QuestionTopic.ROLE)
    session.update_question(replace(session.questions[key], answer="Weekly trains."))
    session.set_summary("Strong on reliability.")
    session.set_aspirations("Wants to lead a platform team.")
    save(session, queue)
    assert texts(any_db, "idempotency") == [] and texts(any_db, "面试") == []  # the old words are gone
    assert len(texts(any_db, "billing")) == 1
    assert [h.kind for h in search(any_db, "migration").hits] == ["evidence"]
    assert [h.kind for h in search(any_db, "weekly").hits] == ["candidate question"]
    assert [h.kind for h in search(any_db, "reliability").hits] == ["summary"]
    assert [h.kind for h in search(any_db, "platform").hits] == ["aspirations"]

    session.delete_question(next(iter(session.questions)))
    save(session, queue)
    assert texts(any_db, "weekly") == []

    session.submit()
    save(session, queue)
    session.amend("ownership", 4, "Also ran the cutover weekend.", "Second look at the notes")
    save(session, queue)
    assert [h.kind for h in search(any_db, "cutover").hits] == ["amendment"]
    assert [h.kind for h in search(any_db, '"second look"').hits] == ["amendment"]
    if not any_db.is_sqlite:
        return
    with any_db.begin() as connection:  # the index is whole (FTS5's own check)
        connection.execute(text("INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 0)"))


def test_a_candidate_is_found_by_name_and_results_narrow_to_one(any_db: Database) -> None:
    amara, _, _ = interview_with_notes(any_db)
    bo, _, _ = interview_with_notes(any_db, "Bo Lindqvist")
    assert [(h.kind, h.candidate) for h in search(any_db, "lindq", typing=True).hits] == [
        ("candidate", "Bo Lindqvist")
    ]
    assert len(search(any_db, "invoice").hits) == 2
    assert {h.candidate_id for h in search(any_db, "invoice", candidate_id=bo).hits} == {bo}
    assert {h.candidate_id for h in search(any_db, "invoice", candidate_id=amara).hits} == {amara}
    with pytest.raises(NotFoundError, match="no candidate 99"):
        search(any_db, "invoice", candidate_id=99)


def test_an_erased_candidate_is_never_found(any_db: Database) -> None:
    amara, _, _ = interview_with_notes(any_db)
    interview_with_notes(any_db, "Bo Lindqvist")
    while OPEN_QUEUES:  # the windows are closed before an erasure
        OPEN_QUEUES.pop().close()
    erase_candidate(any_db, amara)
    assert {h.candidate for h in search(any_db, "invoice").hits} == {"Bo Lindqvist"}
    assert search(any_db, "amara").hits == () and search(any_db, "面试").hits[0].candidate == "Bo Lindqvist"


def test_erased_words_are_never_found_and_leave_no_trace_in_the_file(db: Database, db_path: Path) -> None:
    amara, _, _ = interview_with_notes(db)
    interview_with_notes(db, "Bo Lindqvist")
    erase_candidate(db, amara)
    assert {h.candidate for h in search(db, "invoice").hits} == {"Bo Lindqvist"}
    assert search(db, "amara").hits == ()
    db.close()
    # The index holds folded words: "okafor" lower-cased must not be left in an old segment.
    assert b"okafor" not in db_path.read_bytes().lower()


def test_an_existing_database_is_indexed_by_its_migration(any_db: Database) -> None:
    from alembic import command

    from interviewdesk.services.demo import create_demo
    from interviewdesk.store.migrate import _config as alembic_config
    from interviewdesk.store.search_index import has_index

    target = any_db.url.render_as_string(hide_password=False)
    create_demo(any_db)
    before = [(h.kind, h.excerpt.text) for h in search(any_db, "mentor*").hits]
    with any_db.begin() as connection:
        command.downgrade(alembic_config(connection), "0004_leases_erasure")  # the previous release
        assert not has_index(connection)
    any_db.close()
    database = open_workspace(target.removeprefix("sqlite:///"))
    assert len(before) >= 3
    assert sorted((h.kind, h.excerpt.text) for h in search(database, "mentor*").hits) == sorted(before)
    database.close()


def test_an_index_built_with_another_folding_is_rebuilt(db: Database, db_path: Path) -> None:
    interview_with_notes(db)
    with db.begin() as connection:
        connection.execute(
            text("UPDATE settings SET value = 'an older release' WHERE key = :k"), {"k": FOLD_KEY}
        )
        connection.execute(text("INSERT INTO search_index(search_index) VALUES ('delete-all')"))
    db.close()
    reopened = open_workspace(str(db_path))
    assert len(texts(reopened, "invoice")) == 1
    reopened.close()


def test_a_writer_without_the_folding_is_refused_not_left_out_of_the_index(
    db: Database, db_path: Path
) -> None:
    interview_with_notes(db)
    db.close()
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.OperationalError, match="interviewdesk_fold"):
        raw.execute("UPDATE notes SET text = 'changed outside' WHERE id = 1")
    raw.rollback()
    register_fold(raw)
    raw.execute("UPDATE notes SET text = 'changed outside' WHERE id = 1")
    raw.commit()
    raw.close()
    reopened = open_workspace(str(db_path))
    assert len(texts(reopened, "outside")) == 1
    reopened.close()


def test_the_command_line_searches(cli, db: Database) -> None:
    interview_with_notes(db)
    db.close()
    found = cli("search", "invoice", "pipeline")
    assert found.code == 0 and "Amara Okafor" in found.out and "[invoice] [pipeline]" in found.out
    assert "1 match for 'invoice pipeline'" in found.err
    data = json.loads(cli("search", "salary", "--json").out)
    assert data["total"] == 1 and data["hits"][0]["private"] is True
    refused = cli("search", "x", "--candidate", "42")
    assert refused.code == 2 and refused.err.count("\n") == 1 and "no candidate 42" in refused.err
    nothing = cli("search", "--", "...")
    assert nothing.code == 0 and "Nothing found" in nothing.err
