"""The commands for a panel across laptops: who I am, bundles out and in, and checking a seal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interviewdesk.cli.common import Commands, add_json, command, group, open_db, print_json, row_id, wrote
from interviewdesk.errors import UserError


def add_panel_file_commands(commands: Commands) -> None:
    me = command(
        commands,
        "me",
        "who uses this installation: your name on every interview you send (no options: show it)",
        'me --name "Priya Raman" --email priya@example.org',
        _me,
    )
    me.add_argument("--name", help="your name as the panel knows it")
    me.add_argument("--email", help="your email (optional; empty to remove)")
    me.add_argument(
        "--coordinator",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="you gather the panel's interviews: you see every interview of a candidate you do not interview",
    )
    add_json(me)

    bundles = group(commands, "bundle", "interview bundles: send and receive interviews as files")
    out = command(
        bundles,
        "export",
        "write interviews (without private notes) into one bundle file",
        "bundle export 12 14 -o amara.idbundle",
        _export,
    )
    out.add_argument(
        "interviews", nargs="*", type=row_id, metavar="INTERVIEW_ID", help="from `interviews list`"
    )
    out.add_argument(
        "--candidate", type=row_id, metavar="ID", help="instead: every held interview of this candidate"
    )
    out.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the bundle to write")
    plan = command(
        bundles,
        "plan",
        "plan an interview here and write the bundle that plans it on the interviewer's laptop",
        'bundle plan --candidate 3 --interviewer "Wen Li" --template software-engineer -o wen.idbundle',
        _plan,
    )
    plan.add_argument("--candidate", type=row_id, required=True, metavar="ID", help="from `candidates list`")
    plan.add_argument(
        "--interviewer", required=True, metavar="NAME", help="who interviews (as they call themselves)"
    )
    plan.add_argument(
        "--template", required=True, metavar="ID", help="template id or version (`templates list`)"
    )
    plan.add_argument("--at", metavar="ISO-TIME", help="when (local time unless a zone is given)")
    plan.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the bundle to write")
    into = command(
        bundles,
        "import",
        "import bundle files: each all or nothing; the same file twice changes nothing",
        "bundle import priya.idbundle wen.idbundle",
        _import,
    )
    into.add_argument("files", nargs="+", type=Path, metavar="FILE", help="bundle files")
    add_json(into)

    check = command(
        commands,
        "verify",
        "recompute a seal: is the content what was sealed? (a bundle file or an interview id)",
        "verify priya.idbundle",
        _verify,
    )
    check.add_argument("target", metavar="FILE_OR_INTERVIEW", help="a bundle file, or an interview id")
    add_json(check)


def _me(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.identity import me, set_me

    db = open_db(target)
    found = me(db)
    if args.name is not None or args.email is not None or args.coordinator is not None:
        name = args.name if args.name is not None else (found.name if found else None)
        if name is None:
            raise UserError('say who you are first: `interviewdesk me --name "Your Name"`.')
        found = set_me(db, name, args.email, coordinator=args.coordinator)
        print(f"You are {found.name}{' (coordinator)' if found.coordinator else ''}.", file=sys.stderr)
    if args.json:
        print_json(
            None
            if found is None
            else {"name": found.name, "email": found.email, "coordinator": found.coordinator}
        )
    elif found is None:
        print('Nobody yet: `interviewdesk me --name "Your Name"` says who uses this installation.')
    else:
        email = f" <{found.email}>" if found.email else ""
        print(f"{found.name}{email}{', coordinator' if found.coordinator else ''}")
    return 0


def _export(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.bundles import export_bundle, export_candidate

    db = open_db(target)
    if (args.candidate is None) == (not args.interviews):
        raise UserError(
            "give interview ids, or --candidate ID for every interview of a candidate (not both)."
        )
    if args.candidate is not None:
        summary = export_candidate(db, args.candidate, args.output)
    else:
        summary = export_bundle(db, args.interviews, args.output)
    wrote(f"a bundle of {summary.interviews} interview(s), {summary.size // 1024 + 1} KB,", summary.path)
    return 0


def _plan(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.bundles import plan_bundle
    from interviewdesk.services.planning import parse_when

    when = parse_when(args.at) if args.at else None
    interview_id, summary = plan_bundle(
        open_db(target),
        candidate_id=args.candidate,
        interviewer=args.interviewer,
        template_ref=args.template,
        scheduled_at=when,
        target=args.output,
    )
    wrote(f"planned interview {interview_id}; the bundle for {args.interviewer}", summary.path)
    return 0


def _import(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.bundle_import import import_bundles

    outcomes = import_bundles(open_db(target), args.files)
    if args.json:
        print_json(
            [
                {
                    "file": str(o.path),
                    "added": o.added,
                    "updated": o.updated,
                    "unchanged": o.unchanged,
                    "refused": o.refused,
                    "skipped": o.notes,
                    "maybe_same_candidate": [[new, old] for new, old, _name in o.lookalikes],
                }
                for o in outcomes
            ]
        )
    for o in outcomes:
        if o.refused is not None:
            print(f"{o.path.name}: refused: {o.refused}; nothing was imported.", file=sys.stderr)
            continue
        if not args.json:
            parts = [f"{len(o.added)} added", f"{len(o.updated)} updated", f"{o.unchanged} already here"]
            print(f"{o.path.name}: {', '.join(parts)}")
            for label in o.added + o.updated:
                print(f"  {label}")
        for note in o.notes:
            print(f"{o.path.name}: {note}", file=sys.stderr)
        for new, old, name in o.lookalikes:
            print(
                f"{o.path.name}: {name} (candidate {new}) may be the same person as candidate {old} "
                "(same email, or same name and role); nothing was merged.",
                file=sys.stderr,
            )
    return 1 if any(o.refused for o in outcomes) else 0


def _verify(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.bundles import verify_file, verify_interview

    text = args.target
    verdicts = (
        [verify_interview(open_db(target), int(text))]
        if text.isdigit() and not Path(text).exists()
        else verify_file(Path(text))
    )
    if args.json:
        print_json(
            [{"interview": v.uid, "what": v.what, "sealed": v.sealed, "holds": v.holds} for v in verdicts]
        )
    else:
        for v in verdicts:
            state = (
                "not sealed"
                if v.holds is None
                else ("seal holds" if v.holds else "SEAL BROKEN: changed after the seal")
            )
            print(f"{v.uid}  {v.what}: {state}")
    return 0 if all(v.holds is not False for v in verdicts) else 1
