"""Checking a database as a whole: every page, every seal, and the files beside it.

Used by ``interviewdesk check``, the window's Check database, and after an unclean exit (the full
``integrity_check`` finds index damage the start-up's quick look cannot). Each finding says what
was found and what to do about it; a check changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from interviewdesk.atomic import stale_temporaries
from interviewdesk.domain.scoring import ScoreValue, seal_holds
from interviewdesk.store.backups import backup_folder, integrity_problems, list_backups
from interviewdesk.store.database import Database
from interviewdesk.store.health_rows import foreign_key_problems, sealed_interviews

RESTORE = "Restore the newest backup (`interviewdesk backup restore newest`); the damaged file is kept aside."
BACKUP_OVERDUE = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Finding:
    problem: bool  # False: worth knowing, nothing is wrong
    what: str
    advice: str

    def line(self) -> str:
        return f"{'problem' if self.problem else 'note'}: {self.what} {self.advice}".rstrip()


def integrity_findings(db: Database) -> list[str]:
    """SQLite's full integrity check of the database file: its problems, one line each."""
    if db.path is None:
        return []
    return [" ".join(problem.split())[:200] for problem in integrity_problems(db.path)]


def check_database(db: Database, *, now: datetime | None = None) -> list[Finding]:
    moment = now or datetime.now(UTC)
    findings: list[Finding] = []
    problems = integrity_findings(db)
    if problems:
        shown = "; ".join(problems[:3])
        findings.append(
            Finding(
                True,
                f"The database file is damaged ({shown}).",
                RESTORE,
            )
        )
    try:
        with db.begin() as connection:
            sealed = sealed_interviews(connection)
            orphans = foreign_key_problems(connection) if db.is_sqlite else 0
    except SQLAlchemyError as exc:  # a damaged record or schema text SQLite cannot even decode
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:160]
        findings.append(
            Finding(
                True,
                f"Part of the database cannot be read ({reason}).",
                RESTORE,
            )
        )
        if db.path is not None:
            findings.extend(_files_beside(db.path, moment))
        return findings
    broken = [
        head.id
        for head, rows in sealed
        if not seal_holds(head.uid, head.recommendation, [ScoreValue.of(r) for r in rows], head.seal_hash)
    ]
    if broken:
        ids = ", ".join(map(str, broken[:20]))
        findings.append(
            Finding(
                True,
                f"The sealed scores of {'interview' if len(broken) == 1 else 'interviews'} {ids} no longer "
                "match their seal: they were changed "
                "outside InterviewDesk.",
                "Their PDFs say so on the first page; compare with a backup or with the panel's copies.",
            )
        )
    if orphans:
        findings.append(
            Finding(
                True,
                f"{orphans} row(s) point at records that are not there.",
                "Restore the newest backup, or ask for help with this file.",
            )
        )
    if db.path is not None:
        findings.extend(_files_beside(db.path, moment))
    return findings


def sealed_count(db: Database) -> int:
    with db.begin() as connection:
        return len(sealed_interviews(connection))


def _files_beside(path: Path, now: datetime) -> list[Finding]:
    findings: list[Finding] = []
    folder = path.parent
    try:
        names = list(folder.iterdir())
    except OSError:
        return findings
    # Partial copies of a backup or restore that was killed: they may hold candidates' data.
    stale = stale_temporaries(folder, f".{path.name}.*.tmp") + stale_temporaries(
        backup_folder(path), ".*.tmp"
    )
    if stale:
        findings.append(
            Finding(
                False,
                f"{len(stale)} unfinished cop{'ies' if len(stale) != 1 else 'y'} of an interrupted backup or "
                "restore beside the database.",
                "Nothing in them is needed; delete them (an erasure does).",
            )
        )
    unclean = sorted(p.name for p in names if p.name.startswith(f"{path.stem}.unclean-exit."))
    if unclean:
        findings.append(
            Finding(
                False,
                f"Copies kept after an unclean exit whose log was damaged: {', '.join(unclean[:4])}.",
                "Once you have checked that your latest notes are there, delete them (they hold "
                "candidates' data).",
            )
        )
    backups = list_backups(path)
    if not backups:
        findings.append(Finding(False, "There is no backup yet.", "Make one: `interviewdesk backup create`."))
    elif now - backups[0].made_at > BACKUP_OVERDUE:
        findings.append(
            Finding(
                False,
                f"The newest backup is from {backups[0].made_at.astimezone():%Y-%m-%d}.",
                "Backups are made when the window closes; make one now with `interviewdesk backup create`.",
            )
        )
    return findings
