"""Erasing a candidate (a person's right to have their data deleted) and the retention period.

An erasure takes the candidate with every interview, note, score, question and follow-up out of
the database, then out of every copy the app made: the file is rebuilt and its write-ahead log
emptied, each backup holding the candidate is rewritten without them, and copies that cannot be
rewritten (a write-ahead log kept aside after an unclean exit or before a restore) are deleted.
What remains is an erasure record: when, why, and how many interviews, with no personal data.

The retention period (off unless set) says how long a candidate's data is kept after their last
interview; what is due is listed, and erased only when the user confirms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from interviewdesk.domain.clock import utc_now
from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.leases import holder_in
from interviewdesk.store import erasure_rows, setting_rows
from interviewdesk.store.backups import backup_folder, integrity_problems, list_backups
from interviewdesk.store.database import Database

RETENTION_KEY = "retention_days"


@dataclass(frozen=True, slots=True)
class ErasurePlan:
    """What an erasure of one candidate takes, for the confirmation."""

    candidate_id: int
    name: str
    interviews: int
    notes: int
    questions: int
    follow_ups: int
    backups: int  # backups that will be rewritten without the candidate
    copies: tuple[Path, ...]  # files that will be deleted (they cannot be rewritten)

    def describe(self) -> str:
        parts = [
            f"{self.interviews} interview{'s' if self.interviews != 1 else ''}",
            f"{self.notes} note{'s' if self.notes != 1 else ''}",
            f"{self.questions} question{'s' if self.questions != 1 else ''} they asked",
            f"{self.follow_ups} follow-up{'s' if self.follow_ups != 1 else ''}",
        ]
        text = f"{self.name}: {', '.join(parts)}, with every score and all evidence."
        if self.backups:
            text += f" {self.backups} backup{'s are' if self.backups != 1 else ' is'} rewritten without them."
        if self.copies:
            text += f" {len(self.copies)} recovery cop{'ies' if len(self.copies) != 1 else 'y'} deleted."
        return text


@dataclass(frozen=True, slots=True)
class Erased:
    plan: ErasurePlan
    log_emptied: bool  # False: another process kept the write-ahead log from being emptied yet
    problems: tuple[str, ...] = field(default=())


def erasure_plan(db: Database, candidate_id: int) -> ErasurePlan:
    with db.begin() as connection:
        extent = erasure_rows.candidate_extent(connection, candidate_id)
    if extent is None:
        raise NotFoundError(f"there is no candidate {candidate_id}.")
    backups: list[Path] = []
    copies: list[Path] = []
    if db.path is not None:
        backups = [b.path for b in list_backups(db.path)]
        copies = _unrewritable_copies(db.path)
    return ErasurePlan(
        candidate_id,
        extent.name,
        extent.interviews,
        extent.notes,
        extent.questions,
        extent.follow_ups,
        len(backups),
        tuple(copies),
    )


def erase_candidate(
    db: Database, candidate_id: int, *, reason: str = "request", now: datetime | None = None
) -> Erased:
    """Erase a candidate everywhere the app keeps data. Refused while one of their interviews is
    open in a live window (its saves would bring data back)."""
    if db.read_only:
        raise UserError("this window is read-only; erase from the window that has the database.")
    plan = erasure_plan(db, candidate_id)
    moment = now or utc_now()
    with db.begin() as connection:
        for interview_id in erasure_rows.interview_ids(connection, candidate_id):
            holder = holder_in(connection, interview_id)
            if holder is not None and not holder.stale(moment):
                raise UserError(
                    f"interview {interview_id} of {plan.name} is open in {holder.describe(moment)}; "
                    "close it there, then erase. Nothing was erased."
                )
        erasure_rows.delete_candidate(connection, candidate_id, reason=reason, at=moment)
    if db.path is None:  # a server: the rows are gone; its storage is its administrator's
        return Erased(plan, log_emptied=True)
    emptied = erasure_rows.compact_sqlite(db.engine)
    problems = _erase_from_backups(db.path, candidate_id, plan.name)
    for copy in plan.copies:
        copy.unlink(missing_ok=True)
    return Erased(plan, emptied, tuple(problems))


def _unrewritable_copies(path: Path) -> list[Path]:
    """Copies set aside after an unclean exit, write-ahead logs kept before a restore, and partial
    copies of a backup or restore that was killed: none can be rewritten without the person, so
    these are deleted."""
    found: list[Path] = []
    for folder in (path.parent, backup_folder(path)):
        try:
            names = list(folder.iterdir())
        except OSError:
            continue
        for p in names:
            unclean = p.name.startswith(f"{path.stem}.unclean-exit.")
            restore_log = p.name.startswith(f"{path.stem}.before-restore.") and p.name.endswith("-wal")
            partial = p.name.startswith(".") and p.name.endswith(".tmp")  # a killed backup or restore
            if (
                unclean
                or restore_log
                or (partial and path.name in p.name)
                or (partial and folder != path.parent)
            ):
                found.append(p)
    return sorted(found)


def _erase_from_backups(path: Path, candidate_id: int, name: str) -> list[str]:
    problems: list[str] = []
    for backup in list_backups(path):
        try:
            if erasure_rows.erase_from_copy(backup.path, candidate_id, name):
                left = integrity_problems(backup.path)
                if left:
                    problems.append(f"{backup.path.name} did not verify after the erasure; it was deleted.")
                    backup.path.unlink(missing_ok=True)
        except Exception as exc:  # an unreadable copy must not keep the person in it: delete it
            problems.append(f"{backup.path.name} could not be rewritten ({exc}); it was deleted.")
            backup.path.unlink(missing_ok=True)
    return problems


# -- retention -----------------------------------------------------------------------------
def retention_days(db: Database) -> int | None:
    with db.begin() as connection:
        value = setting_rows.get_setting(connection, RETENTION_KEY)
    return int(value) if value and value.isdigit() else None


def set_retention_days(db: Database, days: int | None) -> None:
    if days is not None and not 1 <= days <= 36500:
        raise UserError("the retention period is a number of days from 1 to 36500, or off.")
    with db.begin() as connection:
        setting_rows.set_setting(connection, RETENTION_KEY, None if days is None else str(days))


@dataclass(frozen=True, slots=True)
class Due:
    candidate_id: int
    name: str
    last: datetime  # their last interview (or when they were added, with none)


def due_for_erasure(db: Database, *, now: datetime | None = None) -> list[Due]:
    """Candidates whose data is older than the retention period (none while it is off)."""
    days = retention_days(db)
    if days is None:
        return []
    limit = (now or datetime.now(UTC)) - timedelta(days=days)
    with db.begin() as connection:
        rows = erasure_rows.last_activity(connection)
    due = []
    for row in rows:
        last = _aware(row.latest) if row.latest is not None else row.created_at
        if last < limit:
            due.append(Due(row.id, row.name, last))
    return due


def _aware(value: datetime | str) -> datetime:
    """``coalesce`` over the timestamp columns comes back untyped from SQLite."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
