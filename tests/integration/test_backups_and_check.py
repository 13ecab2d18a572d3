"""Verified rotating backups, the backup offered for a damaged database, restore, and the check.

Before: backups were made only before a migration and kept forever, a damaged database was
answered with "restore it from a backup" and no backup to restore, and the start-up's
quick_check(1) let index damage through that only integrity_check finds.
"""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from interviewdesk.services.backups import backup_if_due, close_with_backup
from interviewdesk.services.demo import create_demo
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.backups import Backup, backup_folder, list_backups, to_prune
from interviewdesk.store.database import Database
from tests.integration.damage import break_a_seal, damage_a_page, damage_an_index
from tests.integration.test_leftover_wal import unclean


def test_rotation_keeps_the_newest_of_each_recent_day_and_week() -> None:
    now = datetime(2026, 11, 23, 18, tzinfo=UTC)
    made = [
        Backup(Path(f"b{hours}"), "daily" if hours % 24 else "before-x", now - timedelta(hours=hours), 1)
        for hours in range(0, 24 * 60, 8)  # three a day for 60 days
    ]
    pruned = {b.path for b in to_prune(made, now=now)}
    kept = [b for b in made if b.path not in pruned]
    days = {b.made_at.date() for b in kept if (now - b.made_at).days < 7}
    assert len(days) == 7 and len(kept) <= 7 + 5
    assert made[0] in kept  # the newest always
    assert all(now - b.made_at < timedelta(weeks=5) for b in kept)
    assert to_prune([], now=now) == []


def test_a_clean_close_makes_one_verified_owner_only_backup_a_day(db: Database, db_path: Path) -> None:
    create_demo(db)
    first = backup_if_due(db)
    assert first is not None and first.kind == "daily"
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_folder(db_path).stat().st_mode) == 0o700
    assert backup_if_due(db) is None  # one a day
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert backup_if_due(db, now=tomorrow) is not None
    close_with_backup(db)
    assert len(list_backups(db_path)) == 2


def test_a_damaged_database_is_answered_with_its_newest_backup_and_restored(
    cli, db: Database, db_path: Path
) -> None:
    create_demo(db)
    assert cli("backup", "create").code == 0
    db.close()
    damage_a_page(db_path)
    damaged = db_path.read_bytes()
    refused = cli("candidates", "list")
    assert refused.code == 2 and "is damaged" in refused.err
    assert "interviewdesk backup restore" in refused.err and "Traceback" not in refused.err
    assert db_path.read_bytes() == damaged  # left as it was

    restored = cli("backup", "restore")
    assert restored.code == 0, restored.err
    assert "Amara Okafor" in cli("candidates", "list").out
    (aside,) = backup_folder(db_path).glob("*.before-restore.*")
    assert aside.read_bytes() == damaged  # the damaged file is kept, not overwritten
    assert "before-restore" in cli("backup", "list").out


def test_restore_is_refused_while_a_window_has_the_database(cli, db_path: Path) -> None:
    assert cli("backup", "create").code == 0
    window = open_workspace(str(db_path), instance=True)
    try:
        refused = cli("backup", "restore")
        assert refused.code == 2 and "close it there, then restore" in refused.err
    finally:
        window.close()
    assert cli("backup", "restore").code == 0


def test_check_finds_index_damage_and_a_broken_seal(cli, db: Database, db_path: Path) -> None:
    create_demo(db)
    clean = cli("check")
    assert clean.code == 0 and "0 problems" in clean.out and "4 seals" in clean.out
    db.close()
    break_a_seal(db_path)
    damage_an_index(db_path)
    assert cli("candidates", "list").code == 0  # the start-up's quick look lets it through
    found = cli("check")
    assert found.code == 1 and "2 problems" in found.out
    assert "missing from index" in found.out or "wrong # of entries" in found.out
    assert "interview 1 no longer match their seal" in found.out


def test_after_an_unclean_exit_the_whole_file_is_checked(cli, db_path: Path, tmp_path: Path) -> None:
    assert cli("candidates", "add", "Before").code == 0
    assert cli("interviews", "new", "--candidate", "1", "--template", "general-structured").code == 0
    damage_an_index(db_path)  # in the main file; the WAL left by the "crash" holds later rows
    crashed = unclean(db_path, cli, tmp_path)
    result = cli("candidates", "list", db=crashed)
    assert result.code == 0 and "after the unclean exit the database check found" in result.err
    assert "Candidate 39" in result.out


def test_check_reports_schema_text_sqlite_cannot_decode(cli, db: Database, db_path: Path) -> None:
    """Found by the damage sweep: one flipped byte in a table's SQL made `check` fail with "the
    database could not be used" instead of saying what it found."""
    create_demo(db)  # follow-ups linked to questions: foreign_key_check reads the broken text
    db.close()
    connection = sqlite3.connect(db_path)
    (sql,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'follow_ups'").fetchone()
    broken = sql.encode().replace(b"candidate_questions", b"candidate_ques\xffions")
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute("UPDATE sqlite_master SET sql = CAST(? AS TEXT) WHERE name = 'follow_ups'", (broken,))
    connection.commit()
    connection.close()
    found = cli("check")
    assert found.code == 1 and "Part of the database cannot be read" in found.out, found.err
