"""Atomic file writes: a temporary file in the target's folder, flushed, then renamed over it.

An export or a template written by the app is either complete or absent; a crash midway never
leaves a truncated file, and an existing file is replaced only by a complete one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from interviewdesk.errors import UserError


def _read_umask() -> int:
    current = os.umask(0)  # the only way to read it is to set it, so it is done once, on import
    os.umask(current)
    return current


# Read when the module is imported (at start, on the main thread), never from a worker thread:
# setting the process-wide umask there, even for a moment, would race with every file created then.
UMASK = _read_umask()


def check_target(target: Path) -> Path:
    """The folder ``target`` will be written in; a UserError when it cannot be (checked before work)."""
    folder = target.parent if str(target.parent) else Path()
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file name to write.")
    if not folder.is_dir():
        raise UserError(f"cannot write {target}: the folder {folder} does not exist.")
    return folder


def write_bytes_atomic(target: Path, data: bytes) -> None:
    folder = check_target(target)
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
        temp.chmod(0o644 & ~UMASK)
        temp.replace(target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(f"cannot write {target}: {exc.strerror or exc}.") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))
