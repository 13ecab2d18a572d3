"""Ways to damage a database file on purpose, shared by the tests and bench/damage_sweep.py."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

PAGE = 4096


def damage_a_page(path: Path, page: int = 3) -> None:
    """Overwrite one whole page with random bytes."""
    with path.open("r+b") as handle:
        handle.seek(PAGE * (page - 1))
        handle.write(os.urandom(PAGE))


def damage_an_index(path: Path) -> None:
    """Point an index at another column: every page is well-formed, the index's entries wrong."""
    _sql(
        path,
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = "
        "'CREATE INDEX ix_interviews_candidate_id ON interviews (template_id)' "
        "WHERE name = 'ix_interviews_candidate_id'",
    )


def break_a_seal(path: Path, interview_id: int = 1) -> None:
    """Change a sealed interview's scores as a hand edit outside the app would (trigger dropped)."""
    _sql(
        path,
        "DROP TRIGGER scores_sealed_update",
        f"UPDATE scores SET level = 1 WHERE interview_id = {int(interview_id)}",
    )


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()
