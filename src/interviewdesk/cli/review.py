"""The commands for the people who decide: search everything, compare the candidates of a role."""

from __future__ import annotations

import argparse
import sys

from interviewdesk.cli.common import Commands, add_json, command, group, open_db, print_json, row_id
from interviewdesk.errors import UserError

BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def add_review_commands(commands: Commands) -> None:
    find = command(
        commands,
        "search",
        "search notes, evidence, questions, summaries, aspirations and names",
        'search "on call" mentor --candidate 3',
        _search,
    )
    find.add_argument(
        "text",
        nargs="+",
        help='words that must all appear; "quoted words" together; word* for any word it begins',
    )
    find.add_argument("--candidate", type=row_id, metavar="ID", help="only this candidate's")
    find.add_argument("--limit", type=row_id, default=20, metavar="N", help="at most N results (default 20)")
    add_json(find)
    roles = group(commands, "roles", "the roles candidates applied for, and their candidates compared")
    rlist = command(roles, "list", "list the roles named on candidates", "roles list", _roles_list)
    add_json(rlist)
    compare = command(
        roles,
        "compare",
        "the candidates of a role side by side (submitted interviews only)",
        'roles compare "Software Engineer" --sort technical-depth',
        _roles_compare,
    )
    add_role_arguments(compare)
    add_json(compare)


def add_role_arguments(parser: argparse.ArgumentParser) -> None:
    """Which candidates to compare and in what order (shared with `export role`)."""
    parser.add_argument("role", nargs="?", help="the role as written on the candidates (`roles list`)")
    parser.add_argument(
        "--template", metavar="ID", help="instead of a role: everyone interviewed with this template id"
    )
    parser.add_argument(
        "--sort",
        default="overall",
        metavar="KEY",
        help="overall (default), name, submitted, or a competency id",
    )


def chosen(args: argparse.Namespace) -> None:
    if (args.role is None) == (args.template is None):
        raise UserError("name a role (`interviewdesk roles list`) or give --template ID, not both.")


def _roles_list(args: argparse.Namespace, target: str) -> int:
    from dataclasses import asdict

    from interviewdesk.services.role_compare import list_roles

    found = list_roles(open_db(target))
    if args.json:
        print_json([asdict(role) for role in found])
        return 0
    for role in found:
        print(f"{role.role}  {role.candidates} candidate(s), {role.interviews} interview(s)")
    if not found:
        print("No candidate has a role yet: `candidates add NAME --role ROLE`.", file=sys.stderr)
    return 0


def _roles_compare(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.role_compare import compare_role, sorted_lines

    chosen(args)
    comparison = compare_role(open_db(target), args.role, template=args.template)
    lines = sorted_lines(comparison, args.sort)
    if args.json:
        print_json(
            {
                "title": comparison.title,
                "weighted": comparison.weighted,
                "competencies": [{"id": cid, "name": name} for cid, name in comparison.competencies],
                "candidates": [_line_json(line) for line in lines],
            }
        )
        return 0
    names = [name for _, name in comparison.competencies]
    print(f"{comparison.title}: {len(lines)} candidate(s); submitted interviews only")
    for line in lines:
        overall = f"{line.overall:.2f}" if line.overall is not None else "-"
        votes = ", ".join(f"{label} {count}" for label, count in line.recommendations.items()) or "none"
        print(
            f"\n{line.name} (candidate {line.candidate_id}): overall {overall}; {votes}; "
            f"{line.submitted} of {line.interviews} submitted"
        )
        for name, cell in zip(names, line.cells.values(), strict=True):
            if cell.count:
                apart = "  disagreement" if cell.disagreement else ""
                print(f"    {name}: {cell.mean:.1f} ({cell.count}){apart}")
        for flag in line.to_discuss:
            print(f"  ! {flag}")
    return 0


def _line_json(line: object) -> dict[str, object]:
    from interviewdesk.domain.role_compare import CandidateLine

    assert isinstance(line, CandidateLine)
    t = line.treatment
    return {
        "candidate_id": line.candidate_id,
        "name": line.name,
        "overall": line.overall,
        "scores": {
            cid: {"mean": cell.mean, "count": cell.count, "spread": cell.spread}
            for (cid, _name), cell in line.cells.items()
        },
        "recommendations": line.recommendations,
        "interviews": line.interviews,
        "submitted": line.submitted,
        "treatment": {
            "templates": list(t.templates),
            "asked_share": t.asked_share,
            "minutes": round(t.spent_s / 60, 1),
            "planned_minutes": round(t.planned_s / 60, 1),
            "own_questions_minutes": round(t.own_questions_s / 60, 1),
            "own_questions_planned_minutes": round(t.own_questions_planned_s / 60, 1),
        },
        "flags": list(line.flags),
        "unequal": list(line.unequal),
    }


def _search(args: argparse.Namespace, target: str) -> int:
    from interviewdesk.services.search import search

    results = search(open_db(target), " ".join(args.text), candidate_id=args.candidate, limit=args.limit)
    if args.json:
        print_json(
            {
                "query": results.query,
                "total": results.total,
                "capped": results.capped,
                "hits": [hit.as_json() for hit in results.hits],
            }
        )
        return 0
    start, end = (BOLD, PLAIN) if sys.stdout.isatty() else ("[", "]")
    for hit in results.hits:
        place = " · ".join(part for part in (hit.candidate, hit.interview, hit.where) if part)
        owner = f"interview {hit.interview_id}" if hit.interview_id else f"candidate {hit.candidate_id}"
        tail = f"  ({owner})"
        print(f"{place}{'  [private]' if hit.private else ''}{tail}")
        print(f"    {hit.excerpt.marked(start, end)}")
    print(results.describe(), file=sys.stderr)
    return 0
