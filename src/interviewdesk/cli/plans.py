"""The commands that change what was planned: a candidate's details, a planned interview's time
and interviewer, cancelling and deleting one."""

from __future__ import annotations

import argparse

from interviewdesk.cli.common import Commands, command, confirmed, open_db, row_id
from interviewdesk.errors import UserError


def add_plan_commands(candidates: Commands, interviews: Commands) -> None:
    cedit = command(
        candidates,
        "edit",
        "correct a candidate's name, role or email",
        'candidates edit 2 --role "Staff Engineer"',
        _candidates_edit,
    )
    cedit.add_argument("id", type=row_id, metavar="CANDIDATE_ID", help="from `candidates list`")
    cedit.add_argument("--name", help="their full name")
    cedit.add_argument("--role", help="the role they applied for")
    cedit.add_argument("--email", help="how to reach them ('' clears it)")

    merge = command(
        candidates,
        "merge",
        "make two records of one person one (after an import said they may be the same)",
        "candidates merge 3 7",
        _candidates_merge,
    )
    merge.add_argument("keep", type=row_id, metavar="KEEP_ID", help="the record that stays, with its details")
    merge.add_argument(
        "other", type=row_id, metavar="OTHER_ID", help="the record whose interviews move to it"
    )
    merge.add_argument("--yes", action="store_true", help="do not ask first")

    moved = command(
        interviews,
        "reschedule",
        "move a planned interview to another time, or give it to another interviewer",
        'interviews reschedule 5 --at 2026-11-25T10:00 --interviewer "Jonas Weber"',
        _interviews_reschedule,
    )
    moved.add_argument("id", type=row_id, metavar="INTERVIEW_ID", help="a planned interview")
    when = moved.add_mutually_exclusive_group()
    when.add_argument("--at", metavar="ISO-TIME", help="the new time (local time unless a zone is given)")
    when.add_argument("--unscheduled", action="store_true", help="no time yet")
    moved.add_argument("--interviewer", metavar="NAME", help="who interviews ('' for nobody yet)")
    cancel = command(
        interviews,
        "cancel",
        "cancel a planned interview (it stays in the list, marked cancelled)",
        "interviews cancel 5",
        _interviews_cancel,
    )
    cancel.add_argument("id", type=row_id, metavar="INTERVIEW_ID", help="a planned interview")
    remove = command(
        interviews,
        "delete",
        "delete a planned interview that was never started (a mistake); asks first",
        "interviews delete 5 --yes",
        _interviews_delete,
    )
    remove.add_argument("id", type=row_id, metavar="INTERVIEW_ID", help="a planned interview never opened")
    remove.add_argument("--yes", action="store_true", help="do not ask (for scripts)")


def _candidates_edit(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.plans import edit_candidate

    if args.name is None and args.role is None and args.email is None:
        raise UserError("say what to change: --name, --role or --email.")
    edit_candidate(open_db(target), args.id, name=args.name, role=args.role, email=args.email)
    print(f"candidate {args.id} changed")
    return 0


def _candidates_merge(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.plans import candidate_details, merge_candidates

    db = open_db(target)
    keep, other = candidate_details(db, args.keep), candidate_details(db, args.other)
    question = f"Merge {other.name} ({other.id}) into {keep.name} ({keep.id})? It cannot be undone."
    if not args.yes and not confirmed(question):
        raise UserError("nothing was merged (answer yes, or add --yes).")
    moved = merge_candidates(db, args.keep, args.other)
    print(f"candidate {args.other} merged into {args.keep}: {moved} interview(s) moved")
    return 0


def _interviews_reschedule(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.planning import parse_when
    from interviewdesk.services.plans import reassign, reschedule

    if args.at is None and not args.unscheduled and args.interviewer is None:
        raise UserError("say what to change: --at TIME, --unscheduled or --interviewer NAME.")
    when = parse_when(args.at) if args.at else None  # refused before anything is written
    db = open_db(target)
    if args.at is not None or args.unscheduled:
        reschedule(db, args.id, when)
    if args.interviewer is not None:
        reassign(db, args.id, args.interviewer)
    print(f"interview {args.id} changed")
    return 0


def _interviews_cancel(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.plans import cancel

    cancel(open_db(target), args.id)
    print(f"interview {args.id} cancelled (it stays in the list, marked cancelled)")
    return 0


def _interviews_delete(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.plans import delete_planned

    db = open_db(target)
    if not args.yes and not confirmed(f"Delete planned interview {args.id}?"):
        raise UserError("nothing was deleted (answer yes, or add --yes).")
    delete_planned(db, args.id)
    print(f"interview {args.id} deleted")
    return 0
