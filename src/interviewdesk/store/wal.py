"""A write-ahead log left by an unclean exit, looked at before SQLite replays it.

SQLite applies the frames of a WAL up to the first one whose checksum fails, and drops the rest
when it checkpoints: one flipped byte could silently lose every edit after it. So before a database
with a leftover WAL is opened, the database and its WAL are copied aside (owner-only), and the WAL
is read frame by frame with SQLite's own checksum: when every frame will be applied the copy is
removed after the open; when some will not, the copy is kept and the user is told.

The format is SQLite's documented one (https://www.sqlite.org/fileformat2.html#walformat): a
32-byte header, then frames of a 24-byte header and one page, with cumulative checksums.
"""

from __future__ import annotations

import os
import shutil
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGIC_LITTLE, MAGIC_BIG = 0x377F0682, 0x377F0683


@dataclass(frozen=True, slots=True)
class WalCheck:
    frames: int  # frames in the file
    applied: int  # frames SQLite will apply: the valid ones, up to the last commit among them

    @property
    def complete(self) -> bool:
        return self.applied == self.frames


def _checksum(data: bytes, big: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def check_wal(data: bytes, database_page_size: int = 4096) -> WalCheck:
    """How many of the WAL's frames SQLite will apply. With a damaged header none will; the frames
    are then counted with the database's own page size."""
    if len(data) < HEADER:
        return WalCheck(0, 0)
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:HEADER])
    if magic not in (MAGIC_LITTLE, MAGIC_BIG) or page_size < 512 or page_size & (page_size - 1):
        frames = max(0, (len(data) - HEADER) // (FRAME_HEADER + database_page_size))
        return WalCheck(frames, 0)
    big = magic == MAGIC_BIG
    frame_size = FRAME_HEADER + page_size
    frames = (len(data) - HEADER) // frame_size
    s0, s1 = _checksum(data[:24], big, 0, 0)
    if (s0, s1) != (c1, c2):
        return WalCheck(frames, 0)
    applied = 0
    for index in range(frames):
        start = HEADER + index * frame_size
        header = data[start : start + FRAME_HEADER]
        _page, commit, f_salt1, f_salt2, f1, f2 = struct.unpack(">6I", header)
        if (f_salt1, f_salt2) != (salt1, salt2):
            break
        s0, s1 = _checksum(header[:8], big, s0, s1)
        s0, s1 = _checksum(data[start + FRAME_HEADER : start + frame_size], big, s0, s1)
        if (s0, s1) != (f1, f2):
            break
        if commit:
            applied = index + 1
    return WalCheck(frames, applied)


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def set_aside(path: Path) -> list[Path]:
    """Copy the database and its WAL next to it, readable by the owner alone; the copies."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    copies = []
    for source, suffix in ((path, ""), (wal_path(path), "-wal")):
        target = path.with_name(f"{path.stem}.unclean-exit.{stamp}{path.suffix}{suffix}")
        fd = os.open(target, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        shutil.copyfile(source, target)
        copies.append(target)
    return copies


def page_size_of(database: Path) -> int:
    """The page size in an SQLite file's header (4096 when it cannot be read)."""
    try:
        with database.open("rb") as handle:
            handle.seek(16)
            raw = int.from_bytes(handle.read(2), "big")
    except OSError:
        return 4096
    return 65536 if raw == 1 else raw if raw >= 512 and not raw & (raw - 1) else 4096
