"""Comparing the candidates of a role: 500 candidates, three interviews each, in a file of 100,000.

    python bench/role_compare.py [--candidates 500] [--rounds 9]

Times the role view's comparison (``compare_role``: the set-wise queries, the timer replay, the
means and flags), and beside it the floor: a bare sqlite3 script reading the same interviews,
scores and timer events, interleaved in one process. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interviewdesk.services.role_compare import compare_role
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.search_index import register_fold
from make_db import make_db

ROLE = "Site Reliability Engineer"
COMPETENCIES = (
    "technical-depth",
    "system-design",
    "code-quality",
    "collaboration",
    "communication",
    "ownership",
)


def add_role(path: Path, candidates: int, rng: random.Random) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    register_fold(connection)
    template = connection.execute(
        "SELECT id FROM template_versions WHERE slug = 'software-engineer' ORDER BY version DESC"
    ).fetchone()[0]
    connection.execute("BEGIN")
    for n in range(candidates):
        candidate = connection.execute(
            "INSERT INTO candidates (name, role, email, created_at) VALUES (?, ?, '', '2026-01-01')",
            (f"Role candidate {n:04d}", ROLE),
        ).lastrowid
        for panelist in range(3):
            interview = connection.execute(
                "INSERT INTO interviews (candidate_id, interviewer_id, template_id, status, current_section, "
                "recommendation, summary, aspirations, created_at, updated_at, started_at, ended_at) "
                "VALUES (?, ?, ?, 'submitted', 4, 'yes', '', '', '2026-01-01', '2026-01-01', "
                "'2026-01-02 10:00:00', '2026-01-02 11:00:00')",
                (candidate, 1 + panelist, template),
            ).lastrowid
            offsets = [0.0]
            for section in range(1, 6):
                offsets.append(offsets[-1] + rng.uniform(300, 900))
                connection.execute(
                    "INSERT INTO timer_events (interview_id, kind, at, offset_s, section_index) "
                    "VALUES (?, ?, '2026-01-02', ?, ?)",
                    (interview, "start" if section == 1 else "section", offsets[-2], section - 1),
                )
            connection.execute(
                "INSERT INTO timer_events (interview_id, kind, at, offset_s) "
                "VALUES (?, 'end', '2026-01-02', ?)",
                (interview, offsets[-1]),
            )
            for competency in COMPETENCIES:
                connection.execute(
                    "INSERT INTO scores (interview_id, competency_id, level, evidence, updated_at) "
                    "VALUES (?, ?, ?, 'Evidence.', '2026-01-02')",
                    (interview, competency, rng.randint(1, 4)),
                )
            for question in range(rng.randint(4, 8)):
                connection.execute(
                    "INSERT INTO asked_questions (interview_id, section_index, question_index, offset_s) "
                    "VALUES (?, 1, ?, 0)",
                    (interview, question),
                )
    connection.execute("COMMIT")
    connection.close()


def floor(path: Path) -> None:
    """The same rows read by a bare script: interviews, scores, timer events, asked counts."""
    connection = sqlite3.connect(path)
    ids = [
        row[0]
        for row in connection.execute(
            "SELECT i.id FROM interviews i JOIN candidates c ON c.id = i.candidate_id "
            "WHERE lower(c.role) = ?",
            (ROLE.lower(),),
        )
    ]
    marks = ",".join("?" * len(ids))
    for query in (
        f"SELECT interview_id, competency_id, level FROM scores WHERE interview_id IN ({marks})",
        f"SELECT interview_id, kind, offset_s, section_index FROM timer_events "
        f"WHERE interview_id IN ({marks})",
        f"SELECT interview_id, count(*) FROM asked_questions WHERE interview_id IN ({marks}) GROUP BY 1",
    ):
        connection.execute(query, ids).fetchall()
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=500)
    parser.add_argument("--interviews", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "interviewdesk-bench")
    args = parser.parse_args()
    path = args.folder / f"role-{args.interviews}-{args.candidates}.sqlite3"
    if not path.exists():
        make_db(path, args.interviews)
        add_role(path, args.candidates, random.Random(3))
    db = open_workspace(str(path))
    ours, bare = [], []
    for _ in range(args.rounds):
        started = time.perf_counter()
        comparison = compare_role(db, ROLE)
        ours.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        floor(path)
        bare.append((time.perf_counter() - started) * 1000)
    db.close()
    assert len(comparison.lines) == args.candidates
    print(f"{args.candidates} candidates, {3 * args.candidates} interviews, in a file of {args.interviews:,}")
    for name, times in (("compare_role", ours), ("bare sqlite3 floor", bare)):
        low, middle, high = min(times), statistics.median(times), max(times)
        print(f"{name:<20} min {low:6.1f}  median {middle:6.1f}  max {high:6.1f} ms")
    print(f"ratio of medians {statistics.median(ours) / statistics.median(bare):.2f}")


if __name__ == "__main__":
    main()
