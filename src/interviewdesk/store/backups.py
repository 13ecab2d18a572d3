"""Verified, rotating backups of an SQLite database file.

A backup is made with SQLite's online backup API (a consistent copy of a database in use), checked
with ``PRAGMA integrity_check`` before it is given its name, and readable by its owner alone: a
file in the backup folder is a verified copy, or it is not there. They live in ``STEM.backups/``
beside the database, named ``STEM.KIND.YYYYMMDDTHHMMSSZ.sqlite3``; the copies made before a
migration (``before-REV``) are backups like the others and pruned the same way: the newest of each
of the last ``DAILY`` days and of each of the last ``WEEKLY`` weeks are kept, the rest removed.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

DAILY = 7
WEEKLY = 5
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<kind>[a-z0-9_-]+)\.(?P<stamp>\d{8}T\d{6}(?:\d{6})?Z)(?P<suffix>\.[^.]*)$"
)


class BackupError(Exception):
    """A backup that could not be made or does not verify; the message is one line."""


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    kind: str  # daily, manual, before-0004_leases_erasure, before-restore, ...
    made_at: datetime
    size: int


def backup_folder(database: Path) -> Path:
    return database.with_name(f"{database.stem}.backups")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _parse(path: Path, stem: str) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None or match["stem"] != stem:
        return None
    stamp = match["stamp"]
    layout = "%Y%m%dT%H%M%S%fZ" if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
    try:
        made = datetime.strptime(stamp, layout).replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, match["kind"], made, size)


def list_backups(database: Path) -> list[Backup]:
    """Every backup of ``database``, newest first (also the migration copies an older release left
    beside the database itself)."""
    found: list[Backup] = []
    for folder in (backup_folder(database), database.parent):
        try:
            names = list(folder.iterdir())
        except OSError:
            continue
        for path in names:
            if path == database or not path.is_file() or path.name.endswith(("-wal", "-shm", ".tmp")):
                continue
            backup = _parse(path, database.stem)
            if backup is not None and backup.kind != "unclean-exit":
                found.append(backup)
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def integrity_problems(path: Path, *, limit: int = 20) -> list[str]:
    """SQLite's full ``integrity_check`` of a file, read-only: the problems, or [] when it is sound."""
    uri = f"{path.as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [str(row[0]) for row in connection.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows


def make_backup(database: Path, kind: str, *, now: datetime | None = None) -> Backup:
    """Copy ``database`` consistently into its backup folder, verify the copy, and name it."""
    folder = backup_folder(database)
    moment = now or datetime.now(UTC)
    target = folder / f"{database.stem}.{kind}.{_stamp(moment)}{database.suffix}"
    partial = folder / f".{target.name}.tmp"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
        source = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
                destination.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                destination.close()
        finally:
            source.close()
        problems = integrity_problems(partial)
        if problems:
            raise BackupError(f"the copy did not verify ({problems[0][:120]}); no backup was kept")
        _fsync(partial)
        partial.replace(target)
        _fsync_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(
            f"no backup could be made in {folder}: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    return Backup(target, kind, moment, target.stat().st_size)


def to_prune(
    backups: Iterable[Backup], *, now: datetime, daily: int = DAILY, weekly: int = WEEKLY
) -> list[Backup]:
    """The backups a rotation removes: all but the newest of each of the last ``daily`` days and
    of each of the last ``weekly`` ISO weeks (the newest backup of all is always kept)."""
    ordered = sorted(backups, key=lambda b: b.made_at, reverse=True)
    keep: set[Path] = {ordered[0].path} if ordered else set()
    days: set[object] = set()
    weeks: set[object] = set()
    today = now.astimezone(UTC).date()
    for backup in ordered:
        day = backup.made_at.astimezone(UTC).date()
        week = day.isocalendar()[:2]
        if day not in days and (today - day).days < daily:
            days.add(day)
            keep.add(backup.path)
        if week not in weeks and (today - day) < timedelta(weeks=weekly):
            weeks.add(week)
            keep.add(backup.path)
    return [b for b in ordered if b.path not in keep]


def restore_backup(database: Path, backup: Path, *, now: datetime | None = None) -> list[Path]:
    """Put a verified backup in place of ``database``. The file it replaces (and its write-ahead
    log) is first copied aside as it is, damaged or not; the copies are returned."""
    problems = integrity_problems(backup)
    if problems:
        raise BackupError(f"{backup.name} does not verify ({problems[0][:120]}); nothing was changed")
    folder = backup_folder(database)
    stamp = _stamp(now or datetime.now(UTC))
    kept: list[Path] = []
    partial = database.with_name(f".{database.name}.restore.tmp")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        for source, suffix in ((database, ""), (_wal(database), "-wal")):
            if source.is_file():
                aside = folder / f"{database.stem}.before-restore.{stamp}{database.suffix}{suffix}"
                os.close(os.open(aside, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
                shutil.copyfile(source, aside)
                kept.append(aside)
        os.close(os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
        shutil.copyfile(backup, partial)
        _fsync(partial)
        # The old log belongs to the old file: replayed over the restored one it would damage it.
        for leftover in (_wal(database), database.with_name(database.name + "-shm")):
            leftover.unlink(missing_ok=True)
        partial.replace(database)
        _fsync_folder(database.parent)
    except OSError as exc:
        raise BackupError(f"the backup could not be restored: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    return kept


def _wal(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # not every file system syncs folders
    finally:
        os.close(fd)
