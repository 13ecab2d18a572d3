"""Erasing a candidate leaves no byte of them in the data folder: not in the database, its
write-ahead log, a backup, or a copy kept after an unclean exit; an erasure record stays."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.backups import backup_now
from interviewdesk.services.demo import create_demo
from interviewdesk.services.erasure import (
    due_for_erasure,
    erase_candidate,
    erasure_plan,
    set_retention_days,
)
from interviewdesk.services.interview_list import list_interviews
from interviewdesk.services.leases import acquire_lease, release_lease
from interviewdesk.services.planning import list_candidates
from interviewdesk.services.reports import interview_report
from interviewdesk.store.backups import backup_folder, integrity_problems, list_backups
from interviewdesk.store.database import Database
from interviewdesk.store.tables import erasures

AMARA = (
    b"Amara Okafor",
    b"amara.okafor@example.org",
    b"idempotency keys and a replay tool",  # a note
    b"Rebuilt the invoice pipeline",
    b"okafor",  # as the search index holds the name: folded, one word at a time
    b"idempotency",
)


def files_holding(folder: Path, needles: tuple[bytes, ...]) -> dict[str, list[bytes]]:
    found = {}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits = [needle for needle in needles if needle in data]
            if hits:
                found[str(path.relative_to(folder))] = hits
    return found


def test_an_erased_candidate_leaves_no_byte_in_the_data_folder(db: Database, db_path: Path) -> None:
    create_demo(db)
    amara = next(c.id for c in list_candidates(db) if c.name == "Amara Okafor")
    backup_now(db)  # a backup holding her
    copy = db_path.with_name(f"{db_path.stem}.unclean-exit.20261101T000000Z{db_path.suffix}")
    shutil.copyfile(db_path, copy)  # as kept after an unclean exit whose log was damaged
    partial = backup_folder(db_path) / f".{db_path.stem}.daily.20261101T000000000000Z.sqlite3.tmp"
    shutil.copyfile(db_path, partial)  # as left by a backup that was killed before its rename
    assert files_holding(db_path.parent, AMARA)  # she is everywhere before

    plan = erasure_plan(db, amara)
    assert (plan.interviews, plan.backups, set(plan.copies)) == (3, 1, {copy, partial})
    assert "3 interviews" in plan.describe() and "1 backup is rewritten" in plan.describe()
    erased = erase_candidate(db, amara)
    assert erased.log_emptied and erased.problems == ()

    assert files_holding(db_path.parent, AMARA) == {}  # the database, its log, the backup, the copy
    assert not copy.exists() and not partial.exists()
    (backup,) = list_backups(db_path)
    assert integrity_problems(backup.path) == []  # rewritten, still a sound backup
    mateo = [c.name for c in list_candidates(db)]
    assert mateo == ["Mateo Rossi"] and list_interviews(db)  # nobody else was touched
    assert all(interview_report(db, row.id).seal_intact is not False for row in list_interviews(db))
    with db.begin() as connection:
        (record,) = connection.execute(select(erasures)).all()
    assert (record.reason, record.interviews) == ("request", 3)
    db.close()
    assert files_holding(db_path.parent, AMARA) == {}


def test_erasure_is_refused_while_an_interview_of_the_candidate_is_open(db: Database) -> None:
    result = create_demo(db)
    lease = acquire_lease(db, result.interview_ids[0])
    with pytest.raises(UserError, match="close it there, then erase"):
        erase_candidate(db, result.candidate_ids[0])
    assert len(list_candidates(db)) == 2  # nothing erased
    release_lease(db, lease)
    erase_candidate(db, result.candidate_ids[0])
    with pytest.raises(NotFoundError):
        erasure_plan(db, result.candidate_ids[0])


def test_the_command_line_asks_before_erasing(cli, db: Database) -> None:
    create_demo(db)
    refused = cli("candidates", "erase", "1")  # no terminal to answer, no --yes
    assert refused.code == 2 and "nothing was erased" in refused.err and "Amara Okafor" in refused.out
    assert len(list_candidates(db)) == 2
    done = cli("candidates", "erase", "1", "--yes")
    assert done.code == 0 and "erased candidate 1 (3 interviews)" in done.out
    assert cli("candidates", "erase", "1", "--yes").err.strip().endswith("there is no candidate 1.")


def test_retention_lists_what_is_due_and_erases_it_only_when_applied(cli, db: Database) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=400)
    create_demo(db, now=long_ago)
    assert due_for_erasure(db) == []  # off by default
    assert "retention: off" in cli("candidates", "retention").out
    set_retention_days(db, 365)
    due = due_for_erasure(db)
    assert [d.name for d in due] == ["Amara Okafor", "Mateo Rossi"]
    assert due_for_erasure(db, now=long_ago + timedelta(days=30)) == []
    listed = cli("candidates", "retention")
    assert "2 candidate(s) due" in listed.out and len(list_candidates(db)) == 2
    applied = cli("candidates", "retention", "--apply")
    assert applied.code == 0 and list_candidates(db) == []
    with db.begin() as connection:
        assert {r.reason for r in connection.execute(select(erasures))} == {"retention"}
    assert cli("candidates", "retention", "--set", "off").out.startswith("retention: off")
    assert cli("candidates", "retention", "--set", "soon").code == 2
