"""The same code against a real PostgreSQL server: a throw-away cluster started and removed here."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.postgres


def test_migrations_and_cli_on_postgresql(postgres_url: str, cli) -> None:
    assert "software-engineer" in cli("templates", "list", db=postgres_url).out
    result = cli("candidates", "add", "Ελένη Παπαδοπούλου", "--role", "Software Engineer", db=postgres_url)
    assert result.code == 0, result.err
    candidate = result.out.strip()
    result = cli(
        "interviews",
        "new",
        "--candidate",
        candidate,
        "--template",
        "software-engineer",
        "--interviewer",
        "Priya Raman",
        "--at",
        "2026-12-01T10:00+00:00",
        db=postgres_url,
    )
    assert result.code == 0, result.err
    assert cli("demo", db=postgres_url).code == 0
    rows = json.loads(cli("interviews", "list", "--json", db=postgres_url).out)
    assert any(
        r["candidate"] == "Ελένη Παπαδοπούλου" and r["scheduled_at"] == "2026-12-01T10:00:00+00:00"
        for r in rows
    )
    assert sum(r["candidate"] == "Amara Okafor" for r in rows) == 3
    # Opening again finds the schema current and migrates nothing.
    assert cli("candidates", "list", db=postgres_url).code == 0
    bad = cli("interviews", "new", "--candidate", "999", "--template", "1", db=postgres_url)
    assert bad.code == 2 and "no candidate 999" in bad.err
    assert_sealed_scores_are_refused(postgres_url)
    assert_one_editor_per_interview(postgres_url)
    compared = json.loads(cli("roles", "compare", "software engineer", "--json", db=postgres_url).out)
    assert {c["name"] for c in compared["candidates"]} >= {
        "Amara Okafor",
        "Mateo Rossi",
        "Ελένη Παπαδοπούλου",
    }
    found = cli("search", "mentor*", db=postgres_url)  # the server's own text search
    assert found.code == 0 and "[mentoring]" in found.out and "Amara Okafor" in found.out
    assert "Nothing found" in cli("search", "mentor*", "--candidate", candidate, db=postgres_url).err
    assert "Ελένη" in cli("search", "ελενη", db=postgres_url).out  # accents and case folded


def assert_sealed_scores_are_refused(url: str) -> None:
    """The server's own triggers refuse a change to a sealed interview's scores (migration 0003)."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from interviewdesk.services.workspace import open_workspace

    db = open_workspace(url)
    try:
        with pytest.raises(IntegrityError, match="sealed"), db.begin() as connection:
            connection.execute(
                text(
                    "UPDATE scores SET level = 1 "
                    "WHERE interview_id IN (SELECT id FROM interviews WHERE sealed_at IS NOT NULL)"
                )
            )
    finally:
        db.close()


def assert_one_editor_per_interview(url: str) -> None:
    """The editing lease on a server: a second editor (another connection) is refused."""
    from interviewdesk.services.leases import LeaseHeldError, acquire_lease, release_lease
    from interviewdesk.services.workspace import open_workspace

    first, second = open_workspace(url), open_workspace(url)
    try:
        lease = acquire_lease(first, 1)
        with pytest.raises(LeaseHeldError, match="active now"):
            acquire_lease(second, 1)
        release_lease(first, lease)
        release_lease(second, acquire_lease(second, 1))
    finally:
        first.close()
        second.close()
