"""What went wrong with a database file, in words that lead to the right action.

A full disk or an I/O error is not damage: the file is intact and restoring a backup over it would
lose what was written since. Only SQLite's own verdict (a malformed image, not a database, a failed
integrity check) is called damage.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

LOW_SPACE = 8 * 1024 * 1024  # under this much free space, an I/O error is taken for a full disk
_FULL = ("database or disk is full", "no space left")
_IO = ("disk i/o error", "unable to open database file", "readonly database", "file too large")
_DAMAGE = ("malformed", "not a database", "corrupt")


def free_bytes(path: Path) -> int | None:
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def is_damage(reason: str) -> bool:
    return any(word in reason.casefold() for word in _DAMAGE)


def _reason(error: BaseException) -> str:
    return " ".join(str(getattr(error, "orig", None) or error).split())[:160]


def disk_full(path: Path | None, error: BaseException) -> bool:
    """Whether ``error`` is the disk holding ``path`` running out of room (said so, or an I/O
    error with almost no space left)."""
    lowered = _reason(error).casefold()
    if any(word in lowered for word in _FULL) or getattr(error, "errno", None) == errno.ENOSPC:
        return True
    if path is not None and any(word in lowered for word in _IO):
        free = free_bytes(path)
        return free is not None and free < LOW_SPACE
    return False


def explain(path: Path | None, error: BaseException) -> str:
    """One line for a failure to read or write the database at ``path``."""
    reason = _reason(error)
    where = str(path) if path is not None else "the database"
    lowered = reason.casefold()
    if disk_full(path, error):
        return (
            f"the disk holding {where} is full: nothing was changed and nothing already saved was "
            "lost. Free some space, then try again."
        )
    if is_damage(reason):
        return f"{where} is damaged ({reason}); it was left unchanged. Restore it from a backup."
    if any(word in lowered for word in _IO):
        return (
            f"{where} could not be read or written ({reason}); it was left unchanged. "
            "Check the disk and its permissions, then try again."
        )
    return f"the database could not be used: {reason}"
