"""Make a database with many interviews for the benchmarks (written once, reused)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from interviewdesk.domain.vocabulary import InterviewStatus
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.tables import candidates, interviewers, template_versions
from interviewdesk.store.tables import interviews as interview_table

PER_CANDIDATE = 5


def make_db(path: Path, interviews: int = 10_000) -> Path:
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_workspace(str(path))
    start = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    with db.begin() as session:
        template_ids = list(session.scalars(select(template_versions.c.id)))
        session.execute(insert(interviewers), [{"name": f"Interviewer {n}"} for n in range(1, 41)])
        candidate_count = interviews // PER_CANDIDATE
        session.execute(
            insert(candidates),
            [
                {"name": f"Candidate {n:05d}", "role": "Software Engineer", "email": ""}
                for n in range(candidate_count)
            ],
        )
        statuses = list(InterviewStatus)
        session.execute(
            insert(interview_table),
            [
                {
                    "candidate_id": 1 + n // PER_CANDIDATE,
                    "interviewer_id": 1 + n % 40,
                    "template_id": template_ids[n % len(template_ids)],
                    "status": statuses[n % len(statuses)],
                    "scheduled_at": start + timedelta(hours=3 * n),
                    "summary": "Benchmark interview " * 5,
                }
                for n in range(interviews)
            ],
        )
    db.close()
    return path


if __name__ == "__main__":
    print(make_db(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10_000))
