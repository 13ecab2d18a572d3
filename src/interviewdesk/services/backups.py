"""Backups as the user meets them: one at a clean close at most daily, on demand, listed, restored,
and offered when a database is refused as damaged.

The copies themselves are made and verified by :mod:`interviewdesk.store.backups`; here they are
tied to the workspace, rotated after each new one, and restored only while no other process has
the database open.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.store import backups as store
from interviewdesk.store.backups import Backup, BackupError
from interviewdesk.store.database import Database, database_url
from interviewdesk.store.locks import InstanceLock, InUseLock

log = logging.getLogger(__name__)

__all__ = [
    "Backup",
    "backup_if_due",
    "backup_now",
    "backups_of",
    "close_with_backup",
    "newest_backup_hint",
    "restore",
]


def _file_of(db: Database) -> Path:
    if db.path is None:
        raise UserError("backups are made of a database file; a server's are its administrator's (pg_dump).")
    return db.path


def database_file(target: str) -> Path:
    url = database_url(target)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise UserError("backups are made of a database file; a server's are its administrator's (pg_dump).")
    return Path(url.database)


def backup_now(db: Database, kind: str = "manual", *, now: datetime | None = None) -> Backup:
    """A verified backup now; older ones rotated out."""
    path = _file_of(db)
    moment = now or datetime.now(UTC)
    try:
        made = store.make_backup(path, kind, now=moment)
    except BackupError as exc:
        raise UserError(str(exc)) from None
    for old in store.to_prune(store.list_backups(path), now=moment):
        old.path.unlink(missing_ok=True)
    return made


def backup_if_due(db: Database, *, now: datetime | None = None) -> Backup | None:
    """At a clean close: a backup unless one was made today already (and none of a server)."""
    if db.path is None or db.read_only:
        return None
    moment = now or datetime.now(UTC)
    newest = next(iter(store.list_backups(db.path)), None)
    if newest is not None and newest.made_at.astimezone().date() == moment.astimezone().date():
        return None
    return backup_now(db, "daily", now=moment)


def close_with_backup(db: Database) -> None:
    """Close the database after a clean exit, with today's backup made first if there is none.
    A backup that cannot be made is logged; it never keeps the app from closing."""
    try:
        backup_if_due(db)
    except UserError as exc:
        log.warning("no backup at close: %s", exc.message)
    finally:
        db.close()


def backups_of(target: str) -> list[Backup]:
    return store.list_backups(database_file(target))


def _choose(path: Path, which: str) -> Backup:
    found = store.list_backups(path)
    if not found:
        raise NotFoundError(f"there are no backups of {path.name}.")
    if which == "newest":
        return found[0]
    for backup in found:
        if which in (backup.path.name, str(backup.path)):
            return backup
    raise NotFoundError(f"there is no backup named {which!r}; `backup list` shows them.")


def restore(target: str, which: str = "newest") -> tuple[Backup, list[Path]]:
    """Put a backup in place of the database, which nobody may have open meanwhile. The file it
    replaces is copied aside first; returns the backup and those copies."""
    path = database_file(target)
    chosen = _choose(path, which)
    instance = InstanceLock(path)
    in_use = InUseLock(path)
    try:
        if instance.holder is not None or not in_use.alone:
            who = f" ({instance.holder.describe()})" if instance.holder else ""
            raise UserError(
                f"{path.name} is open in InterviewDesk{who}; close it there, then restore. "
                "Nothing was changed."
            )
        try:
            kept = store.restore_backup(path, chosen.path)
        except BackupError as exc:
            raise UserError(str(exc)) from None
    finally:
        in_use.release()
        instance.release()
    return chosen, kept


def newest_backup_hint(target: str) -> str | None:
    """For a database refused as damaged: the newest verified backup and how to restore it."""
    try:
        found = store.list_backups(database_file(target))
    except UserError:
        return None
    if not found:
        return None
    newest = found[0]
    when = newest.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"The newest backup is {newest.path.name} (made {when}); restore it with "
        f"`interviewdesk backup restore {newest.path.name}` (the damaged file is kept aside)."
    )
