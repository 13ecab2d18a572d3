"""A write-ahead log left by an unclean exit is checked and copied aside before SQLite replays it
(one flipped byte in the WAL made a read-only `interviews list` checkpoint and delete it, losing
up to 40 of 40 committed rows, exit 0, nothing said)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from interviewdesk.store.search_index import register_fold
from interviewdesk.store.wal import check_wal

ROWS = 40


def unclean(db_path: Path, cli, where: Path) -> Path:
    """A copy of the database with 40 committed candidates still only in its WAL, as after a kill."""
    assert cli("candidates", "add", "First").code == 0
    writer = sqlite3.connect(db_path)
    register_fold(writer)  # as every connection of the app's does
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(ROWS):
        writer.execute(
            "INSERT INTO candidates (name, role, email, created_at) VALUES (?, '', '', '2026-11-23')",
            (f"Candidate {n:02d}",),
        )
        writer.commit()
    copy = where / "crashed.sqlite3"
    shutil.copyfile(db_path, copy)
    shutil.copyfile(f"{db_path}-wal", f"{copy}-wal")
    writer.close()
    return copy


def test_a_clean_wal_is_replayed_whole_and_its_copy_removed(db_path: Path, cli, tmp_path: Path) -> None:
    crashed = unclean(db_path, cli, tmp_path)
    check = check_wal(Path(f"{crashed}-wal").read_bytes())
    assert check.complete and check.frames >= ROWS
    result = cli("candidates", "list", db=crashed)
    assert result.code == 0 and result.out.count("Candidate") == ROWS and result.err == ""
    assert not list(tmp_path.glob("crashed.unclean-exit.*"))


@pytest.mark.parametrize("frame", [0, 5, -1])
def test_a_damaged_wal_is_copied_aside_and_said(db_path: Path, cli, tmp_path: Path, frame: int) -> None:
    crashed = unclean(db_path, cli, tmp_path)
    wal = Path(f"{crashed}-wal")
    data = bytearray(wal.read_bytes())
    page = int.from_bytes(data[8:12], "big")
    frames = (len(data) - 32) // (24 + page)
    index = frame % frames
    data[32 + index * (24 + page) + 24 + 100] ^= 0xFF  # one flipped byte in that frame's page
    wal.write_bytes(bytes(data))
    original = (crashed.read_bytes(), bytes(data))

    result = cli("candidates", "list", db=crashed)
    assert result.code == 0
    assert "not closed cleanly" in result.err and "damaged" in result.err and "copy" in result.err
    (db_copy,) = tmp_path.glob("crashed.unclean-exit.*.sqlite3")
    (wal_copy,) = tmp_path.glob("crashed.unclean-exit.*.sqlite3-wal")
    assert (db_copy.read_bytes(), wal_copy.read_bytes()) == original  # everything, as it was
    assert db_copy.stat().st_mode & 0o077 == 0 and wal_copy.stat().st_mode & 0o077 == 0


def test_a_wal_with_a_damaged_header_is_counted_with_the_database_s_page_size(
    db_path: Path, cli, tmp_path: Path
) -> None:
    """Before, a flipped magic number was reported as "2 of the 2 pages" of a 40-page log."""
    crashed = unclean(db_path, cli, tmp_path)
    wal = Path(f"{crashed}-wal")
    data = bytearray(wal.read_bytes())
    data[0] ^= 0xFF
    wal.write_bytes(bytes(data))
    result = cli("candidates", "list", db=crashed)
    frames = check_wal(bytes(data), 4096).frames
    assert frames >= ROWS and f"{frames} of the {frames} pages" in result.err
