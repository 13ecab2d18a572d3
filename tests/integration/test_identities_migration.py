"""A database made by the previous release (schema 0006, the demo plus an amendment after a seal)
gains global ids, a device id and seals over the global id, with nothing lost."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from interviewdesk.services.health import check_database
from interviewdesk.services.reports import interview_report
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.backups import backup_folder
from interviewdesk.store.schema import SCHEMA_HEAD
from interviewdesk.store.search_index import register_fold

FIXTURE = Path(__file__).parents[1] / "data" / "release-0006-demo.sqlite3.gz"
WITH_UID = (
    "candidates",
    "interviewers",
    "interviews",
    "timer_events",
    "notes",
    "scores",
    "score_amendments",
    "candidate_questions",
    "task_records",
    "task_observations",
    "follow_ups",
)


def _tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        tables = {name: [dict(r) for r in connection.execute(f"SELECT * FROM {name}")] for name in names}
    connection.close()
    return tables


@pytest.fixture
def old_database(tmp_path: Path) -> Path:
    target = tmp_path / "old.sqlite3"
    with gzip.open(FIXTURE) as source, target.open("wb") as out:
        shutil.copyfileobj(source, out)
    target.chmod(0o600)
    return target


def test_every_row_is_kept_and_gains_a_global_id(old_database: Path) -> None:
    before = _tables(old_database)
    assert len(before["interviews"]) == 5 and len(before["score_amendments"]) == 1

    database = open_workspace(str(old_database))
    sealed = [r["id"] for r in before["interviews"] if r["sealed_at"] is not None]
    reports = [interview_report(database, interview_id) for interview_id in sealed]
    findings = check_database(database)
    database.close()

    after = _tables(old_database)
    for table, rows in before.items():
        columns = [c for c in (rows[0] if rows else {}) if (table, c) != ("interviews", "seal_hash")]
        kept = [{c: row[c] for c in columns} for row in after[table] if row.get("key") != "identity.device"]
        assert kept == [{c: row[c] for c in columns} for row in rows], table  # every row and value
    for table in WITH_UID:
        uids = [row["uid"] for row in after[table]]
        assert len(set(uids)) == len(uids) == len(before[table]), table
        assert all(uuid.UUID(value).version == 4 for value in uids), table
    assert {row["key"] for row in after["settings"]} >= {"identity.device"}
    assert after["bundle_imports"] == []
    # The seals still hold: re-made over the global id, not the local one.
    assert len(reports) == 4 and all(report.seal_intact for report in reports)
    assert not [f for f in findings if f.problem], findings
    assert [len(line.amendments) for line in reports[0].rubric if line.amendments] == [1]
    assert list(backup_folder(old_database).glob(f"old.before-{SCHEMA_HEAD}.*"))


def test_a_seal_broken_before_the_upgrade_stays_broken(old_database: Path) -> None:
    with sqlite3.connect(old_database) as connection:
        connection.execute("DROP TRIGGER scores_sealed_update")
        connection.execute("UPDATE scores SET level = 1 WHERE interview_id = 1 AND level IS NOT NULL")
    connection.close()
    database = open_workspace(str(old_database))
    assert interview_report(database, 1).seal_intact is False
    assert interview_report(database, 2).seal_intact is True
    database.close()


def test_a_row_written_without_a_global_id_gets_one(old_database: Path) -> None:
    """A script or the sqlite3 shell adding a candidate does not break the next insert."""
    open_workspace(str(old_database)).close()
    with sqlite3.connect(old_database) as connection:
        register_fold(connection)  # as any writer must, for the search index
        connection.execute(
            "INSERT INTO candidates (name, role, email, created_at) VALUES ('A', '', '', '2026-01-01')"
        )
        connection.execute(
            "INSERT INTO candidates (name, role, email, created_at) VALUES ('B', '', '', '2026-01-01')"
        )
        uids = [row[0] for row in connection.execute("SELECT uid FROM candidates WHERE name IN ('A', 'B')")]
    connection.close()
    assert len(set(uids)) == 2 and all(uuid.UUID(value) for value in uids)
