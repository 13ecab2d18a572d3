"""One live editor per interview: the editing lease, across windows and processes.

Before the lease, two windows on one interview each overwrote the other's note rows after "Saved".
Now the second is refused and told who has it; a lease of a process that is gone is taken back at
once; a stale one is taken over only when asked; and the window that lost it writes nothing more.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest
from sqlalchemy import update

from interviewdesk.domain.clock import ManualClock, utc_now
from interviewdesk.services.leases import (
    RENEW_S,
    STALE_S,
    LeaseHeldError,
    acquire_lease,
    lease_holder,
    release_lease,
)
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.reports import interview_report
from interviewdesk.services.save_queue import SaveQueue, SetAside
from interviewdesk.store.database import Database
from interviewdesk.store.tables import editing_leases


@pytest.fixture
def interview_id(db: Database) -> int:
    candidate = add_candidate(db, "Ada Lovelace", role="Analyst")
    return plan_interview(db, candidate_id=candidate, template_ref="general-structured")


def _age(db: Database, interview_id: int, seconds: float, host: str | None = None) -> None:
    """Make the lease look as if its window stopped renewing it ``seconds`` ago (elsewhere)."""
    values: dict[str, object] = {"renewed_at": utc_now() - timedelta(seconds=seconds)}
    if host is not None:
        values["host"] = host
    with db.begin() as connection:
        connection.execute(
            update(editing_leases).where(editing_leases.c.interview_id == interview_id).values(values)
        )


def test_a_second_editor_is_refused_and_told_who_has_it(db: Database, interview_id: int) -> None:
    first = acquire_lease(db, interview_id)
    with pytest.raises(LeaseHeldError) as refused:
        acquire_lease(db, interview_id)
    assert not refused.value.stale and "another window of this InterviewDesk" in refused.value.message
    with pytest.raises(LeaseHeldError):  # a fresh lease is never taken over, even when asked
        acquire_lease(db, interview_id, take_over=True)
    release_lease(db, first)
    release_lease(db, acquire_lease(db, interview_id))
    assert lease_holder(db, interview_id) is None


def test_a_lease_held_by_another_process_names_it_and_is_taken_back_when_it_ends(
    db: Database, interview_id: int
) -> None:
    script = textwrap.dedent(f"""
        import sys
        from interviewdesk.services.workspace import open_workspace
        from interviewdesk.services.leases import acquire_lease
        db = open_workspace({str(db.path)!r})
        acquire_lease(db, {interview_id})
        print("held", flush=True)
        sys.stdin.read()  # until the test closes our input; then exit without releasing (a crash)
    """)
    other = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        with pytest.raises(LeaseHeldError) as refused:
            acquire_lease(db, interview_id)
        assert f"(process {other.pid}) on this computer" in refused.value.message
    finally:
        assert other.stdin is not None
        other.stdin.close()
        other.wait(10)
    # Its process has ended: resuming needs no question.
    release_lease(db, acquire_lease(db, interview_id))


def test_a_stale_lease_from_another_computer_is_taken_over_only_when_asked(
    db: Database, interview_id: int
) -> None:
    acquire_lease(db, interview_id)
    _age(db, interview_id, STALE_S - 10, host="panel-laptop-7")
    with pytest.raises(LeaseHeldError) as fresh:
        acquire_lease(db, interview_id, take_over=True)
    assert not fresh.value.stale and "on panel-laptop-7" in fresh.value.message
    _age(db, interview_id, STALE_S + 10)
    with pytest.raises(LeaseHeldError) as stale:
        acquire_lease(db, interview_id)
    assert stale.value.stale and "may have closed" in stale.value.message
    release_lease(db, acquire_lease(db, interview_id, take_over=True))


def test_the_window_that_lost_its_lease_writes_nothing_more(db: Database, interview_id: int) -> None:
    """The issue's two writers: A types, B takes over (A looked stale), A keeps typing."""
    a_lease = acquire_lease(db, interview_id)
    a_session = open_live_session(db, interview_id, ManualClock())
    set_aside: list[SetAside] = []
    lost: list[str] = []
    a = SaveQueue(db, interview_id, lease=a_lease, on_set_aside=set_aside.append, on_lease_lost=lost.append)
    a_session.set_notes(1, 0, [(60.0, "A's first note.", False)])
    assert a.submit(a_session.take_batch()).result(10)

    _age(db, interview_id, STALE_S + 10, host="other-laptop")
    b_lease = acquire_lease(db, interview_id, take_over=True)
    b_session = open_live_session(db, interview_id, ManualClock())
    b = SaveQueue(db, interview_id, lease=b_lease)
    b_session.set_notes(1, 0, [(60.0, "A's first note.", False), (90.0, "B's note.", False)])
    assert b.submit(b_session.take_batch()).result(10)

    a_session.set_notes(1, 0, [(60.0, "A's first note, edited.", False)])
    assert not a.submit(a_session.take_batch()).result(10)
    assert a.lease_lost and len(lost) == 1 and "took this interview over" in lost[0]
    assert [entry.what for entry in set_aside] and all("taken over" in e.reason for e in set_aside)
    a_session.set_score("ownership", 4)
    assert not a.submit(a_session.take_batch()).result(10)  # still nothing written
    a.close()
    b.close()

    report = interview_report(db, interview_id)
    assert [note.text for note in report.notes] == ["A's first note.", "B's note."]
    assert all(line.level is None for line in report.rubric)
    assert lease_holder(db, interview_id) is None  # B released it; A, having lost it, left it alone


def test_an_idle_window_renews_its_lease(db: Database, interview_id: int) -> None:
    lease = acquire_lease(db, interview_id)
    queue = SaveQueue(db, interview_id, lease=lease)
    _age(db, interview_id, STALE_S + 10)
    queue.keep_lease()  # renewed a moment ago (at acquisition): nothing to do yet
    assert queue.flush()
    holder = lease_holder(db, interview_id)
    assert holder is not None and holder.stale(utc_now())
    queue._renewed -= RENEW_S  # as if RENEW_S seconds went by without typing
    queue.keep_lease()
    assert queue.flush()
    holder = lease_holder(db, interview_id)
    assert holder is not None and not holder.stale(utc_now())
    queue.close()
