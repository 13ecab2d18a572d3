"""A full disk or an I/O error is never called damage (9 of 10 commands told people to restore a
backup over an intact database when the disk was full)."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from interviewdesk.store import failures
from interviewdesk.store.search_index import register_fold

ADVICE = "Restore it from a backup"


def test_a_full_disk_says_so_and_that_nothing_was_lost(tmp_path: Path) -> None:
    message = failures.explain(tmp_path / "db.sqlite3", sqlite3.OperationalError("database or disk is full"))
    assert "is full" in message and "nothing already saved was lost" in message and ADVICE not in message
    enospc = OSError(28, "No space left on device")
    assert "is full" in failures.explain(tmp_path / "db.sqlite3", enospc)
    assert failures.disk_full(tmp_path / "db.sqlite3", enospc)
    assert not failures.disk_full(tmp_path / "db.sqlite3", sqlite3.OperationalError("database is locked"))


def test_an_io_error_with_little_space_left_is_a_full_disk(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(failures, "free_bytes", lambda _path: 4096)
    message = failures.explain(tmp_path / "db.sqlite3", sqlite3.OperationalError("disk I/O error"))
    assert "is full" in message and ADVICE not in message


def test_an_io_error_with_room_left_is_not_damage_either(tmp_path: Path) -> None:
    message = failures.explain(tmp_path / "db.sqlite3", sqlite3.OperationalError("disk I/O error"))
    assert "could not be read or written" in message and ADVICE not in message


def test_only_sqlite_s_verdict_is_damage(tmp_path: Path) -> None:
    error = sqlite3.DatabaseError("database disk image is malformed")
    assert ADVICE in failures.explain(tmp_path / "db.sqlite3", error)


@pytest.mark.skipif(sys.platform != "linux", reason="uses RLIMIT_FSIZE")
def test_no_room_for_the_wal_index_is_not_called_damage(db_path: Path, cli, tmp_path: Path) -> None:
    """A WAL left by an unclean exit, and no room to make the -shm file SQLite reads it with: the
    command said "is damaged (disk I/O error) ... Restore it from a backup" before."""
    assert cli("candidates", "add", "Ada Lovelace").code == 0
    writer = sqlite3.connect(db_path)  # a committed row still in the WAL, as after a crash
    register_fold(writer)  # as every connection of the app's does
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(
        "INSERT INTO candidates (name, role, email, created_at) VALUES ('Bo', '', '', '2026-01-01')"
    )
    writer.commit()
    copy = tmp_path / "left.sqlite3"
    shutil.copyfile(db_path, copy)
    shutil.copyfile(f"{db_path}-wal", f"{copy}-wal")  # no -shm beside it
    writer.close()
    kept = [copy, Path(f"{copy}-wal")]  # the database and its WAL (an empty -shm may appear)
    before = [p.read_bytes() for p in kept]

    def no_room() -> None:  # in the child: no file may grow
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    done = subprocess.run(
        [sys.executable, "-m", "interviewdesk", "--db", str(copy), "candidates", "list"],
        capture_output=True,
        text=True,
        preexec_fn=no_room,
        check=False,
        env={**os.environ},
    )
    assert done.returncode != 0 and done.stderr.count("\n") == 1, done.stderr
    assert ADVICE not in done.stderr and "damaged" not in done.stderr, done.stderr
    assert [p.read_bytes() for p in kept] == before  # left byte for byte as it was
