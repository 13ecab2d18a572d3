"""The commands for what the database holds: templates, candidates, interviews, follow-ups, the demo."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from interviewdesk.cli.common import (
    Commands,
    add_json,
    command,
    group,
    open_db,
    print_json,
    row_id,
    wrote,
)
from interviewdesk.domain.wording import count


def add_record_commands(commands: Commands) -> tuple[Commands, Commands]:
    """Adds templates, candidates, interviews, followups and demo; returns the actions of
    candidates and of interviews (cli/plans.py and cli/safekeeping.py add more there)."""
    templates = group(commands, "templates", "role templates: the script, the rubric, the checklist")
    listing = command(
        templates, "list", "list templates (newest versions)", "templates list", _templates_list
    )
    listing.add_argument("--all-versions", action="store_true", help="list every stored version")
    add_json(listing)
    imp = command(
        templates,
        "import",
        "import a template file (a changed file makes a new version)",
        "templates import backend-engineer.yaml",
        _templates_import,
    )
    imp.add_argument("file", type=Path, help="a YAML template (docs/templates.md describes the format)")
    exp = command(
        templates,
        "export",
        "write a stored template as YAML",
        "templates export 3 -o t.yaml",
        _templates_export,
    )
    exp.add_argument("id", help="a version's number, or a template id for its newest version")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="where to write it")

    candidates = group(commands, "candidates", "the people interviewed")
    add = command(
        candidates,
        "add",
        "add a candidate; prints the new id",
        'candidates add "Amara Okafor" --role "Software Engineer"',
        _candidates_add,
    )
    add.add_argument("name", help="their full name, as they write it")
    add.add_argument("--role", default="", help="the role they applied for")
    add.add_argument("--email", default="", help="how to reach them (optional)")
    clist = command(candidates, "list", "list candidates", "candidates list --json", _candidates_list)
    add_json(clist)
    interviews = group(commands, "interviews", "planned, running and submitted interviews")
    new = command(
        interviews,
        "new",
        "plan an interview; prints the new id",
        "interviews new --candidate 1 --template software-engineer --at 2026-11-23T14:30",
        _interviews_new,
    )
    new.add_argument("--candidate", type=row_id, required=True, metavar="ID", help="a candidate's id")
    new.add_argument("--template", required=True, metavar="ID", help="a template id or a version's number")
    new.add_argument("--interviewer", metavar="NAME", help="who interviews")
    new.add_argument(
        "--at", metavar="ISO-TIME", help="when, e.g. 2026-11-23T14:30 (local time unless a zone is given)"
    )
    ilist = command(
        interviews, "list", "list interviews, newest first", "interviews list --candidate 1", _interviews_list
    )
    add_json(ilist)
    ilist.add_argument("--candidate", type=row_id, metavar="ID", help="only this candidate's")
    followups = group(commands, "followups", "what is owed to candidates after their interviews")
    flist = command(
        followups, "list", "open follow-ups by due date", "followups list --overdue", _followups_list
    )
    flist.add_argument("--overdue", action="store_true", help="only those past their due date")
    flist.add_argument("--all", action="store_true", help="done ones too")
    flist.add_argument("--candidate", type=row_id, metavar="ID", help="only what is owed to this candidate")
    add_json(flist)
    fdone = command(
        followups,
        "done",
        "mark a follow-up done (--undo: open again)",
        "followups done 4",
        _followups_done,
    )
    fdone.add_argument("id", type=row_id, metavar="FOLLOWUP_ID", help="from `followups list`")
    fdone.add_argument("--undo", action="store_true", help="open it again")
    command(commands, "demo", "add a realistic demo candidate and panel", "--db demo.sqlite3 demo", _demo)
    return candidates, interviews


def _templates_list(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.template_library import list_templates

    rows = list_templates(open_db(target), latest_only=not args.all_versions)
    if args.json:
        print_json([asdict(t) for t in rows])
        return 0
    print(f"{'ID':>4}  {'TEMPLATE':<32} {'VER':>3}  {'MIN':>4}  NAME")
    for t in rows:
        print(f"{t.id:>4}  {t.slug:<32} {t.version:>3}  {t.planned_minutes:>4.0f}  {t.name} ({t.role})")
    return 0


def _templates_import(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.template_library import store_template
    from interviewdesk.templates.loader import read_template_file

    loaded = read_template_file(args.file)  # validated before the database is touched
    result = store_template(open_db(target), loaded)
    t = result.summary
    verb = "imported" if result.created else "unchanged:"
    print(f"{verb} {t.slug} version {t.version} as template {t.id} ({t.name})")
    return 0


def _templates_export(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.template_library import export_template

    t = export_template(open_db(target), args.id, args.output)
    wrote(f"wrote {t.slug} version {t.version} to", args.output)
    return 0


def _candidates_add(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.planning import add_candidate

    print(add_candidate(open_db(target), args.name, role=args.role, email=args.email))
    return 0


def _candidates_list(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.planning import list_candidates

    rows = list_candidates(open_db(target))
    if args.json:
        print_json([asdict(c) for c in rows])
        return 0
    for c in rows:
        print(f"{c.id:>5}  {c.name}  [{c.role or 'no role'}]  {count(c.interviews, 'interview')}")
    return 0


def _interviews_new(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.planning import parse_when, plan_interview

    when = parse_when(args.at) if args.at else None
    interview_id = plan_interview(
        open_db(target),
        candidate_id=args.candidate,
        template_ref=args.template,
        interviewer=args.interviewer,
        scheduled_at=when,
    )
    print(interview_id)
    return 0


def _interviews_list(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.interview_list import list_interviews

    rows = list_interviews(open_db(target), candidate_id=args.candidate)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    for r in rows:
        when = (
            r.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.scheduled_at else "unscheduled     "
        )
        print(
            f"{r.id:>6}  {when}  {r.status.value:<9}  {r.candidate}  ·  {r.template} v{r.template_version}"
            f"  ·  {r.interviewer or 'no interviewer'}"
        )
    return 0


def _followups_list(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.follow_ups import list_follow_ups

    items = list_follow_ups(
        open_db(target), overdue_only=args.overdue, include_done=args.all, candidate_id=args.candidate
    )
    if args.json:
        print_json([item.as_json() for item in items])
        return 0
    for item in items:
        state = "done" if item.done else ("OVERDUE" if item.overdue else "open")
        print(
            f"{item.id:>5}  {item.due.isoformat()}  {state:<7}  {item.kind.label:<14}  "
            f"{item.candidate}  ·  {item.description}  ·  {item.interviewer or 'no interviewer'}"
        )
    return 0


def _followups_done(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.follow_ups import set_follow_up_done

    set_follow_up_done(open_db(target), args.id, not args.undo)
    print(f"follow-up {args.id} {'open again' if args.undo else 'done'}")
    return 0


def _demo(_args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.demo import create_demo

    result = create_demo(open_db(target))
    print(
        f"added demo candidates {', '.join(map(str, result.candidate_ids))} "
        f"with {len(result.interview_ids)} interviews"
    )
    return 0
