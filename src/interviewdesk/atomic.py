"""Atomic file writes: a temporary file in the target's folder, flushed, then renamed over it.

An export or a template written by the app is either complete or absent; a crash midway never
leaves a truncated file, and an existing file is replaced only by a complete one. Temporary files
left by a write that was killed are removed by the next write to the same target. A target that is
not a regular file is respected: ``-`` is standard output, a device or a pipe is written to (not
replaced), a symbolic link keeps pointing where it did and its target is written. A file with
private notes in it is readable by its owner alone.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import time
from pathlib import Path

from interviewdesk.errors import UserError


def _read_umask() -> int:
    current = os.umask(0)  # the only way to read it is to set it, so it is done once, on import
    os.umask(current)
    return current


# Read when the module is imported (at start, on the main thread), never from a worker thread:
# setting the process-wide umask there, even for a moment, would race with every file created then.
UMASK = _read_umask()


STDOUT = Path("-")
STALE_AFTER_S = 600.0  # a temporary file this old was left by a write that was killed


def _streamed(target: Path) -> bool:
    """Standard output, a device or a pipe: written to as it is, never renamed over."""
    if target == STDOUT:
        return True
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def check_target(target: Path) -> Path:
    """The folder ``target`` will be written in; a UserError when it cannot be (checked before work)."""
    if _streamed(target):
        return Path()
    target = target.resolve() if target.is_symlink() else target
    folder = target.parent if str(target.parent) else Path()
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file name to write.")
    if not folder.is_dir():
        raise UserError(f"cannot write {target}: the folder {folder} does not exist.")
    return folder


def write_bytes_atomic(target: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``target`` whole or not at all; ``private``: readable by the owner alone."""
    if _streamed(target):
        _stream(target, data)
        return
    if target.is_symlink():
        target = target.resolve()  # write where the link points; the link stays
    folder = check_target(target)
    _remove_stale(folder, target.name)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror}.") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(0o600 if private else 0o644 & ~UMASK)
        temp.replace(target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(f"cannot write {target}: {exc.strerror or exc}.") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def _stream(target: Path, data: bytes) -> None:
    try:
        if target == STDOUT:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            with target.open("wb") as handle:
                handle.write(data)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}.") from None


def stale_temporaries(folder: Path, pattern: str) -> list[Path]:
    """Temporary files matching ``pattern`` in ``folder`` old enough to have been left by a write
    that was killed midway."""
    cutoff = time.time() - STALE_AFTER_S
    found = []
    for leftover in folder.glob(pattern):
        try:
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                found.append(leftover)
        except OSError:
            continue
    return found


def _remove_stale(folder: Path, name: str) -> None:
    """Temporary files of an earlier write of ``name`` that was killed midway."""
    for leftover in stale_temporaries(folder, f".{name}.*.tmp"):
        leftover.unlink(missing_ok=True)
