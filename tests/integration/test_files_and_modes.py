"""Files the app writes: private exports the owner's alone, the database owner-only whatever file
was there, temporary files of a killed export cleaned up, and targets that are not regular files
(standard output, a device, a symbolic link) written to rather than replaced."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from interviewdesk.services.demo import create_demo
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.database import Database


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(db_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "interviewdesk", "--db", str(db_path), *args]
    return subprocess.run(command, capture_output=True, check=False, env={**os.environ})


def test_an_export_with_private_notes_is_the_owner_s_alone(db: Database, cli, tmp_path: Path) -> None:
    create_demo(db)
    assert cli("export", "pdf", "1", "-o", str(tmp_path / "shared.pdf")).code == 0
    assert cli("export", "pdf", "1", "-o", str(tmp_path / "private.pdf"), "--include-private").code == 0
    assert mode(tmp_path / "private.pdf") == 0o600  # it was 0644, like any export
    assert mode(tmp_path / "shared.pdf") & 0o600 == 0o600


def test_a_database_is_made_owner_only_whatever_file_was_there(tmp_path: Path) -> None:
    path = tmp_path / "made-by-hand.sqlite3"
    path.touch()
    path.chmod(0o644)  # an empty, world-readable file
    open_workspace(str(path)).close()
    assert mode(path) == 0o600


def test_temporary_files_of_a_killed_export_are_cleaned_up(db: Database, cli, tmp_path: Path) -> None:
    create_demo(db)
    stale = tmp_path / ".summary.pdf.k1ll3d.tmp"  # what a kill midway leaves
    stale.write_bytes(b"%PDF-1.4 half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".summary.pdf.wr1t1ng.tmp"  # another export writing right now: left alone
    fresh.write_bytes(b"%PDF-1.4 in progress")
    assert cli("export", "pdf", "1", "-o", str(tmp_path / "summary.pdf")).code == 0
    assert not stale.exists() and fresh.exists()


def test_dash_writes_the_pdf_to_standard_output(db: Database, db_path: Path, tmp_path: Path) -> None:
    create_demo(db)
    os.chdir(tmp_path)
    done = run(db_path, "export", "pdf", "1", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF") and done.stdout.rstrip().endswith(b"%%EOF")
    assert not (tmp_path / "-").exists()  # it wrote a file named "-" before
    assert b"standard output" in done.stderr


def test_a_pipe_is_written_to_not_replaced(db: Database, db_path: Path, tmp_path: Path) -> None:
    create_demo(db)
    pipe = tmp_path / "to-the-printer"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    done = run(db_path, "export", "pdf", "1", "-o", str(pipe))
    reader.join(30)
    assert done.returncode == 0, done.stderr  # a pipe or device was renamed over before
    assert stat.S_ISFIFO(pipe.stat().st_mode) and received[0].startswith(b"%PDF")


@pytest.mark.skipif(not Path("/dev/stdout").is_symlink(), reason="/dev/stdout is not the usual link here")
def test_dev_stdout_is_standard_output(db: Database, db_path: Path) -> None:
    create_demo(db)
    done = run(db_path, "export", "pdf", "1", "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr  # it failed with a misleading message before
    assert done.stdout.startswith(b"%PDF") and Path("/dev/stdout").is_symlink()


def test_a_symbolic_link_keeps_pointing_where_it_did(db: Database, cli, tmp_path: Path) -> None:
    create_demo(db)
    real = tmp_path / "panel" / "summary.pdf"
    real.parent.mkdir()
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)
    assert cli("export", "pdf", "1", "-o", str(link)).code == 0
    assert link.is_symlink() and link.resolve() == real  # the link was replaced by a file before
    assert real.read_bytes().startswith(b"%PDF")
