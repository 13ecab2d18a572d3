"""What a database check reads: the sealed interviews with their scores, and SQLite's own checks."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from interviewdesk.store.tables import interviews, scores
from interviewdesk.store.types import AnyRow


def sealed_interviews(connection: Connection) -> list[tuple[AnyRow, list[AnyRow]]]:
    """Every sealed interview (id, uid, recommendation, seal_hash) with its score rows."""
    heads = list(
        connection.execute(
            select(interviews.c.id, interviews.c.uid, interviews.c.recommendation, interviews.c.seal_hash)
            .where(interviews.c.seal_hash.is_not(None))
            .order_by(interviews.c.id)
        )
    )
    by_interview: dict[int, list[AnyRow]] = defaultdict(list)
    query = select(
        scores.c.interview_id,
        scores.c.competency_id,
        scores.c.level,
        scores.c.evidence,
        scores.c.evidence_sha256,
    ).where(scores.c.interview_id.in_(select(interviews.c.id).where(interviews.c.seal_hash.is_not(None))))
    for row in connection.execute(query):
        by_interview[row.interview_id].append(row)
    return [(head, by_interview[head.id]) for head in heads]


def foreign_key_problems(connection: Connection) -> int:
    """How many rows point at a row that is not there (SQLite's foreign_key_check)."""
    return len(list(connection.execute(text("PRAGMA foreign_key_check"))))
