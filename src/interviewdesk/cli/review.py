"""The commands for the people who decide: search everything, compare the candidates of a role."""

from __future__ import annotations

import argparse
import sys

from interviewdesk.cli.common import Commands, add_json, command, open_db, print_json, row_id

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
