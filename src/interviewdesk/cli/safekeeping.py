"""The commands that keep candidates' data safe: erasure, retention, backups and the check."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from interviewdesk.cli.common import (
    PROG,
    Commands,
    add_json,
    command,
    confirmed,
    group,
    open_db,
    print_json,
    row_id,
)
from interviewdesk.domain.wording import count
from interviewdesk.errors import UserError

if TYPE_CHECKING:
    from interviewdesk.services.erasure import Erased


def add_safekeeping_commands(commands: Commands, candidates: Commands) -> None:
    erase = command(
        candidates,
        "erase",
        "erase a candidate with all their interviews, from the database and its backups",
        "candidates erase 2",
        _candidates_erase,
    )
    erase.add_argument("id", type=row_id, metavar="CANDIDATE_ID", help="from `candidates list`")
    erase.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    retention = command(
        candidates,
        "retention",
        "list (or --apply: erase) candidates kept longer than the retention period",
        "candidates retention --set 365",
        _candidates_retention,
    )
    retention.add_argument("--set", metavar="DAYS|off", help="set the retention period (off by default)")
    retention.add_argument("--apply", action="store_true", help="erase every candidate that is due")
    add_json(retention)
    backup = group(commands, "backup", "verified backups of the database file")
    add_json(command(backup, "list", "the backups, newest first", "backup list", _backup_list))
    command(backup, "create", "make a verified backup now", "backup create", _backup_create)
    restore = command(
        backup,
        "restore",
        "put a backup in place of the database (the file it replaces is kept aside)",
        "backup restore newest",
        _backup_restore,
    )
    restore.add_argument(
        "name", nargs="?", default="newest", help="a name from `backup list` (default: newest)"
    )
    add_json(
        command(
            commands,
            "check",
            "check the database: every page, every seal, the files beside it",
            "check",
            _check,
        )
    )


def _candidates_erase(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.erasure import erase_candidate, erasure_plan

    db = open_db(target)
    plan = erasure_plan(db, args.id)
    print(f"To be erased, for good: {plan.describe()}")
    if not args.yes and not confirmed("Erase?"):
        raise UserError("nothing was erased (answer yes, or add --yes).")
    _report_erased(erase_candidate(db, args.id))
    return 0


def _report_erased(erased: Erased) -> None:
    print(f"erased candidate {erased.plan.candidate_id} ({count(erased.plan.interviews, 'interview')})")
    if not erased.log_emptied:
        print(
            f"{PROG}: another InterviewDesk has the database open; the erased data leaves its write-ahead "
            "log when that one closes.",
            file=sys.stderr,
        )
    for problem in erased.problems:
        print(f"{PROG}: {problem}", file=sys.stderr)


def _candidates_retention(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.erasure import (
        due_for_erasure,
        erase_candidate,
        retention_days,
        set_retention_days,
    )

    db = open_db(target)
    if args.set is not None:
        value = args.set.strip().casefold()
        if value != "off" and not value.isdigit():
            raise UserError(f"--set takes a number of days or 'off', not {args.set!r}.")
        set_retention_days(db, None if value == "off" else int(value))
    days = retention_days(db)
    due = due_for_erasure(db) if days is not None else []
    if args.json and not args.apply:
        print_json(
            {
                "retention_days": days,
                "due": [{"id": d.candidate_id, "name": d.name, "last": d.last.isoformat()} for d in due],
            }
        )
        return 0
    if days is None:
        print("retention: off (candidates are kept until erased)")
        return 0
    print(f"retention: {days} days after the last interview; {len(due)} candidate(s) due")
    for item in due:
        print(f"{item.candidate_id:>5}  {item.name}  (last {item.last.astimezone():%Y-%m-%d})")
    if args.apply:
        for item in due:
            _report_erased(erase_candidate(db, item.candidate_id, reason="retention"))
    return 0


def _backup_list(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.backups import backups_of

    found = backups_of(target)
    if args.json:
        print_json(
            [
                {"name": b.path.name, "kind": b.kind, "made_at": b.made_at.isoformat(), "size": b.size}
                for b in found
            ]
        )
        return 0
    if not found:
        print("no backups yet (`interviewdesk backup create` makes one)")
    for backup in found:
        when = backup.made_at.astimezone()
        print(f"{when:%Y-%m-%d %H:%M}  {backup.kind:<28} {backup.size:>12,}  {backup.path.name}")
    return 0


def _backup_create(_args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.backups import backup_now

    made = backup_now(open_db(target))
    print(f"made and verified {made.path}")
    return 0


def _backup_restore(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.backups import restore

    chosen, kept = restore(target, args.name)
    print(f"restored {chosen.path.name}")
    for path in kept:
        print(f"the file it replaced is kept as {path}")
    open_db(target).close()  # opens (and upgrades, if the backup is older) as the window will
    return 0


def _check(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.health import check_database, sealed_count

    db = open_db(target)
    findings = check_database(db)
    problems = sum(finding.problem for finding in findings)
    if args.json:
        print_json(
            {
                "database": db.describe(),
                "seals": sealed_count(db),
                "problems": problems,
                "findings": [{"problem": f.problem, "what": f.what, "advice": f.advice} for f in findings],
            }
        )
        return 1 if problems else 0
    for finding in findings:
        print(finding.line())
    seals = sealed_count(db)
    print(f"checked {db.describe()}: every page, {count(seals, 'seal')}; {count(problems, 'problem')}")
    return 1 if problems else 0
