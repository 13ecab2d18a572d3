"""Looking at an SQLite file before we touch it.

Everything here reads only, through the standard library's sqlite3 opened read-only, so a file we
refuse (not SQLite, damaged, or from a newer release) stays byte for byte as it was.
"""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from interviewdesk.errors import DatabaseRefusedError
from interviewdesk.store.failures import explain, is_damage

SQLITE_HEADER = b"SQLite format 3\x00"
# Up to this size every page is checked before the file is opened (about 0.1 s warm); a larger
# file is checked in the background instead, so opening it does not wait on reading all of it
# (0.6 s warm and 7.5 s cold for 100,000 interviews).
CHECK_AT_OPEN_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FileState:
    """What a database file holds: nothing yet, or our schema at some revision."""

    is_empty: bool
    revision: str | None
    pages_checked: bool = True  # False: too large to check at open; check it in the background


def inspect_sqlite_file(path: Path) -> FileState:
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise DatabaseRefusedError(f"{path} is a folder, not a database file.")
        if not stat.S_ISREG(mode):  # a FIFO would block the read forever, a device never end
            raise DatabaseRefusedError(
                f"{path} is not a regular file (a pipe or a device), so it cannot be a database; "
                "it was left unchanged."
            )
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        raise DatabaseRefusedError(f"{path} is a folder, not a database file.") from None
    except PermissionError:
        raise DatabaseRefusedError(f"{path}: permission denied; InterviewDesk cannot read it.") from None
    if not header:
        return FileState(is_empty=True, revision=None)
    if header != SQLITE_HEADER:
        raise DatabaseRefusedError(
            f"{path} is not an InterviewDesk database (it is not an SQLite file); it was left unchanged."
        )
    # With no WAL file beside it the main file is complete: read it as immutable, which creates no
    # -wal or -shm files. With one (a crash, or another copy running) SQLite must read the WAL too.
    wal_present = path.with_name(path.name + "-wal").exists()
    uri = f"{path.as_uri()}?mode=ro" + ("" if wal_present else "&immutable=1")
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise _refused(path, exc) from None
    try:
        return _inspect(connection, path, thorough=path.stat().st_size <= CHECK_AT_OPEN_BYTES)
    except sqlite3.DatabaseError as exc:
        # A full disk or an I/O error (no room for the -shm file, say) is not damage.
        raise _refused(path, exc) from None
    finally:
        connection.close()


def _inspect(connection: sqlite3.Connection, path: Path, *, thorough: bool) -> FileState:
    # Without the page check, reading the schema still reads page 1 and the schema's pages.
    problems = [row[0] for row in connection.execute("PRAGMA quick_check(1)")] if thorough else ["ok"]
    if problems != ["ok"]:
        first = " ".join(problems[0].split())[:120]
        raise DatabaseRefusedError(
            f"{path} is damaged ({first}); it was left unchanged. Restore it from a backup.", damaged=True
        )
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return FileState(is_empty=True, revision=None)
    if "alembic_version" not in tables:
        raise DatabaseRefusedError(
            f"{path} is an SQLite database of another program, not InterviewDesk's; it was left unchanged."
        )
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:  # our tables, no revision: migrating from scratch would fail half-way
        raise DatabaseRefusedError(
            f"{path} has InterviewDesk's tables but no schema revision, so it cannot be upgraded "
            "safely; it was left unchanged. Restore it from a backup.",
            damaged=True,
        )
    return FileState(is_empty=False, revision=row[0], pages_checked=thorough)


def _refused(path: Path, error: sqlite3.Error) -> DatabaseRefusedError:
    return DatabaseRefusedError(explain(path, error), damaged=is_damage(str(error)))
