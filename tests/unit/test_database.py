"""Opening databases: pragmas, permissions, migrations, and refusing what must not be touched."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from interviewdesk.errors import DatabaseRefusedError, UserError
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.backups import backup_folder, make_backup
from interviewdesk.store.database import Database, database_url, open_database
from interviewdesk.store.migrate import script_revisions
from interviewdesk.store.schema import SCHEMA_HEAD, SCHEMA_REVISIONS
from interviewdesk.store.search_index import is_index_table
from interviewdesk.store.tables import metadata


def test_new_database_pragmas(db: Database) -> None:
    with db.engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") == 5000
        assert pragma("secure_delete") == 1


def test_new_database_is_private(tmp_path: Path) -> None:
    db_path = tmp_path / "new.sqlite3"  # created here, not copied from the seeded one
    db = open_workspace(str(db_path))
    with db.begin() as connection:  # make SQLite create its WAL and SHM files
        connection.execute(text("SELECT 1"))
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    for sidecar in db_path.parent.glob(db_path.name + "-*"):
        assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600, sidecar
    db.close()


def test_default_location_is_the_user_data_folder(isolated_home: Path, cli) -> None:
    from interviewdesk.cli import main

    assert main(["candidates", "list"]) == 0
    expected = isolated_home / "xdg_data_home" / "InterviewDesk" / "interviewdesk.sqlite3"
    assert expected.exists()


def test_environment_variable_selects_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interviewdesk.cli import main

    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("INTERVIEWDESK_DB", str(target))
    assert main(["candidates", "add", "Ada"]) == 0
    assert target.exists()


def test_migrations_from_empty_match_the_tables(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as connection:
        # The search index's FTS5 tables are SQLite's own, made by its migration, not described as Tables.
        context = MigrationContext.configure(
            connection, opts={"include_name": lambda name, *_: not is_index_table(name)}
        )
        assert context.get_current_revision() == SCHEMA_HEAD
        assert compare_metadata(context, metadata) == []


def test_known_revisions_match_the_migration_scripts() -> None:
    assert list(SCHEMA_REVISIONS) == script_revisions()


def test_new_database_holds_the_builtin_templates(db: Database) -> None:
    with db.begin() as connection:
        count = connection.execute(text("SELECT count(*) FROM template_versions")).scalar()
    assert count == 4


def test_reopening_keeps_the_data(db_path: Path, cli) -> None:
    assert cli("candidates", "add", "Ada Lovelace").out.strip() == "1"
    assert "Ada Lovelace" in cli("candidates", "list").out


def _snapshot(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


def _assert_refused(cli, path: Path, needle: str) -> None:
    before = _snapshot(path)
    result = cli("candidates", "add", "Ada", db=path)
    assert result.code == 2
    assert needle in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert _snapshot(path) == before


def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path, cli) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 50)
    _assert_refused(cli, path, "not an SQLite file")


def test_refuses_a_newer_database(db_path: Path, cli) -> None:
    open_database(str(db_path)).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    _assert_refused(cli, db_path, "newer version of InterviewDesk")


def test_refuses_another_programs_database(tmp_path: Path, cli) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE bookmarks (url TEXT)")
    connection.close()
    _assert_refused(cli, path, "another program")


def test_refuses_a_damaged_database(db_path: Path, cli) -> None:
    database = open_database(str(db_path))
    with database.begin() as connection:
        for n in range(300):
            connection.execute(
                text(
                    "INSERT INTO candidates (name, role, email, created_at) "
                    "VALUES (:n, 'r', '', '2026-01-01')"
                ),
                {"n": f"Candidate {n}" * 20},
            )
    database.close()
    with sqlite3.connect(db_path) as connection:  # fold the WAL into the file, then damage the file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    raw = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(raw), 8 * page)):
        raw[offset] = (raw[offset] * 7 + 13) % 256
    db_path.write_bytes(bytes(raw))
    _assert_refused(cli, db_path, "damaged")


def test_bad_database_urls(cli) -> None:
    result = cli("candidates", "list", db="mysql://nobody@localhost/x")
    assert result.code == 2 and "SQLite or PostgreSQL" in result.err
    result = cli("candidates", "list", db="postgresql://nobody@127.0.0.1:1/none")
    assert result.code == 2 and "cannot connect" in result.err


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefusedError, match="folder"):
        open_database(str(tmp_path))


def test_database_url_forms(tmp_path: Path) -> None:
    assert database_url(str(tmp_path / "x.db")).database == str(tmp_path / "x.db")
    assert database_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(UserError):
        database_url("oracle://u@h/db")


def test_backup_is_a_consistent_private_copy(db: Database, db_path: Path) -> None:
    copy = make_backup(db_path, "manual").path
    assert copy.exists() and copy.parent == backup_folder(db_path)
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    connection.close()
    assert not list(copy.parent.glob("*.tmp"))


def test_upgrade_from_0001_keeps_the_data_and_adds_the_timer_heartbeat(db_path: Path) -> None:
    from alembic import command

    from interviewdesk.store.migrate import _config as alembic_config

    database = open_database(str(db_path))
    with database.begin() as connection:
        command.downgrade(alembic_config(connection), "0001_initial")
    database.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO candidates (name, role, email, created_at) VALUES ('Ada', '', '', '2026-01-01')"
        )
    connection.close()

    database = open_database(str(db_path))  # upgrades, with a backup first
    with database.begin() as connection:
        assert connection.execute(text("SELECT name FROM candidates")).scalar() == "Ada"
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(interviews)"))]
    database.close()
    assert "running_offset_s" in columns
    (backup,) = backup_folder(db_path).glob(f"{db_path.stem}.before-{SCHEMA_HEAD}.*")
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_initial",)
    connection.close()


def test_upgrade_from_0002_keeps_sealed_interviews_and_then_guards_them(db_path: Path) -> None:
    from alembic import command

    from interviewdesk.services.demo import create_demo
    from interviewdesk.services.reports import interview_report
    from interviewdesk.store.migrate import _config as alembic_config

    database = open_workspace(str(db_path))
    create_demo(database)
    before = interview_report(database, 1)
    with database.begin() as connection:
        command.downgrade(alembic_config(connection), "0002_running_offset")  # the previous release
    database.close()

    database = open_database(str(db_path))  # upgrades, with a backup first
    after = interview_report(database, 1)
    assert [(r.level, r.evidence) for r in after.rubric] == [(r.level, r.evidence) for r in before.rubric]
    assert after.sealed_at == before.sealed_at and after.seal_intact  # re-made over the new global id
    with pytest.raises(Exception, match="sealed"), database.begin() as connection:
        connection.execute(text("UPDATE scores SET level = 1 WHERE interview_id = 1"))
    database.close()
    assert list(backup_folder(db_path).glob(f"{db_path.stem}.before-{SCHEMA_HEAD}.*"))


def test_a_fifo_as_the_database_is_refused_not_waited_on(tmp_path: Path) -> None:
    """Before, opening a FIFO as the database blocked forever (the damage sweep's one hang)."""
    import os
    import subprocess
    import sys

    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "interviewdesk", "--db", str(fifo), "candidates", "list"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2 and "is not a regular file" in result.stderr


def test_tables_without_a_schema_revision_are_refused_unchanged(cli, db: Database, db_path: Path) -> None:
    db.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("DELETE FROM alembic_version")
    connection.close()
    before = db_path.read_bytes()
    result = cli("candidates", "list")  # was "table candidates already exists", exit 1
    assert result.code == 2 and "no schema revision" in result.err
    assert db_path.read_bytes() == before


def test_a_mistyped_folder_is_refused_and_the_default_one_is_made(cli, tmp_path: Path) -> None:
    from interviewdesk.config import default_db_path

    typo = tmp_path / "no-such-folder" / "x.sqlite3"
    result = cli("candidates", "list", db=typo)
    assert result.code == 2 and "does not exist" in result.err
    assert not typo.parent.exists()
    assert cli("candidates", "list", db=default_db_path()).code == 0  # first use: the folder is made
    assert default_db_path().is_file()


def test_upgrade_from_the_previous_release_keeps_everything(db_path: Path) -> None:
    """A database made by the release before this one (schema 0003) opens with all its interviews,
    gains the lease, erasure and settings tables, and was backed up first."""
    from alembic import command

    from interviewdesk.services.demo import create_demo
    from interviewdesk.services.interview_list import list_interviews
    from interviewdesk.services.reports import interview_report
    from interviewdesk.store.migrate import _config as alembic_config

    database = open_workspace(str(db_path))
    create_demo(database)
    before = [(row.id, row.candidate, row.status) for row in list_interviews(database)]
    with database.begin() as connection:
        command.downgrade(alembic_config(connection), "0003_sealed_is_final")
    database.close()

    database = open_database(str(db_path))
    assert [(row.id, row.candidate, row.status) for row in list_interviews(database)] == before
    assert interview_report(database, 1).seal_intact
    with database.begin() as connection:
        tables = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
    database.close()
    assert {"editing_leases", "erasures", "settings"} <= tables
    assert list(backup_folder(db_path).glob(f"{db_path.stem}.before-{SCHEMA_HEAD}.*"))


def test_an_error_message_never_carries_the_text_that_was_written(db: Database) -> None:
    """A failed statement's message reaches the log file; the note it was writing must not."""
    from sqlalchemy.exc import SQLAlchemyError

    words = "She said the merger with Initech is not public yet"
    with pytest.raises(SQLAlchemyError) as failure, db.begin() as connection:
        connection.execute(text("INSERT INTO notes (no_such_column) VALUES (:words)"), {"words": words})
    assert words not in str(failure.value)
    assert "no_such_column" in str(failure.value)  # what went wrong is still said
