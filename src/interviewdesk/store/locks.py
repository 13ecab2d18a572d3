"""Who has a database file open: lock files beside it, held with ``flock`` for a process's life.

- ``NAME.lock`` is held shared by every process that has the database open (the window, a
  command). A process that can take it exclusively knows nobody else has the file open, so a
  non-empty write-ahead log it finds was left by an unclean exit, not written by a live process.
- ``NAME.instance`` is held exclusively by the one window allowed to write the database, with
  its process id, host and start time in it, so a second window is told who has it and may open
  the database read-only instead.

``flock`` locks belong to an open file, so they are released by the kernel when the process dies
(kill -9 included): a lock is never left stale. They are advisory and POSIX-only; on a platform
without ``fcntl`` the locks are not taken (the editing lease still keeps one writer per interview).
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: see the module's docstring
    fcntl = None  # type: ignore[assignment]


def _lock_path(database: Path, suffix: str) -> Path:
    return database.with_name(database.name + suffix)


def _open_private(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


def _try(fd: int, operation: int) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, operation | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class InUseLock:
    """The shared "in use" lock; :attr:`alone` says whether we were the only opener at start."""

    def __init__(self, database: Path) -> None:
        self.alone = False
        try:
            self._fd: int | None = _open_private(_lock_path(database, ".lock"))
        except OSError:
            self._fd = None  # a read-only folder: the database can still be read
            return
        if fcntl is None:
            return
        self.alone = _try(self._fd, fcntl.LOCK_EX)

    def share(self) -> None:
        """After the start-up checks that needed us alone: let others open it too."""
        if self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_SH)  # waits only for another opener's start-up checks

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases the lock
            self._fd = None


@dataclass(frozen=True, slots=True)
class InstanceHolder:
    pid: int
    host: str
    since: datetime | None

    def describe(self) -> str:
        where = "on this computer" if self.host == socket.gethostname() else f"on {self.host}"
        since = f", since {self.since.astimezone():%Y-%m-%d %H:%M}" if self.since else ""
        return f"process {self.pid} {where}{since}"


class InstanceLock:
    """The one window that writes a database file. ``holder`` is None when we hold it."""

    def __init__(self, database: Path) -> None:
        self.holder: InstanceHolder | None = None
        path = _lock_path(database, ".instance")
        try:
            self._fd: int | None = _open_private(path)
        except OSError:
            self._fd = None  # a read-only folder: nothing can be written there anyway
            return
        if fcntl is not None and not _try(self._fd, fcntl.LOCK_EX):
            self.holder = _read_holder(path)
            os.close(self._fd)
            self._fd = None
            return
        record = {"pid": os.getpid(), "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, json.dumps(record).encode(), 0)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None


def _read_holder(path: Path) -> InstanceHolder:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        since = datetime.fromisoformat(record["since"]) if record.get("since") else None
        return InstanceHolder(int(record["pid"]), str(record["host"]), since)
    except (OSError, ValueError, KeyError, TypeError):
        return InstanceHolder(0, "an unknown computer", None)  # written just now, or damaged
