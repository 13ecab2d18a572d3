"""The interview list page by page (keyset paging): every row once, in the list's order, whatever
falls on a page's edge: unscheduled interviews (first), several at the same minute, the last page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from interviewdesk.services.interview_list import InterviewRow, list_interviews
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.store.database import Database

SAME = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def planned(db: Database) -> int:
    ada = add_candidate(db, "Ada Lovelace")
    grace = add_candidate(db, "Grace Hopper")
    times = [None, None, SAME, SAME, SAME, SAME, datetime(2026, 11, 21, 9, tzinfo=UTC), None]
    times += [datetime(2026, 10, day, 14, tzinfo=UTC) for day in range(1, 9)]
    for index, when in enumerate(times):
        plan_interview(
            db, candidate_id=ada if index % 3 else grace, template_ref="general-structured", scheduled_at=when
        )
    return len(times)


def pages(db: Database, size: int, candidate_id: int | None = None) -> list[list[InterviewRow]]:
    found: list[list[InterviewRow]] = []
    while True:
        after = found[-1][-1] if found else None
        page = list_interviews(db, candidate_id=candidate_id, after=after, limit=size)
        if not page:
            return found
        found.append(page)


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 100])
def test_pages_together_are_the_whole_list_in_order(db: Database, planned: int, size: int) -> None:
    whole = list_interviews(db)
    assert len(whole) == planned
    assert [row.id for page in pages(db, size) for row in page] == [row.id for row in whole]
    unscheduled = [row for row in whole if row.scheduled_at is None]
    assert whole[: len(unscheduled)] == unscheduled  # the unscheduled come first


def test_one_candidate_s_pages(db: Database, planned: int) -> None:
    whole = list_interviews(db, candidate_id=1)
    assert 0 < len(whole) < planned
    assert [row.id for page in pages(db, 2, candidate_id=1) for row in page] == [row.id for row in whole]


def test_a_row_as_json_has_every_field(db: Database, planned: int) -> None:
    from dataclasses import fields

    row = next(r for r in list_interviews(db) if r.scheduled_at is not None)
    data = row.as_json()
    assert list(data) == [f.name for f in fields(InterviewRow)]  # written out by hand: none forgotten
    assert data["scheduled_at"] == row.scheduled_at.isoformat() and data["status"] == row.status.value
