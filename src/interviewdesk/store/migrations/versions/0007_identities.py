"""Global identities: a UUID for every candidate, interviewer, interview and record it holds, this
installation's device id, the import history of bundles, and seals over the interview's UUID.

Local integer ids stay the keys inside one database; the UUIDs are what travels in a bundle, so the
same interview imported twice, or planned on one laptop and submitted on another, is recognised.
The seal was a digest over the local id, which means nothing on another laptop: a seal that still
holds is re-made over the UUID (the sealed triggers are lifted for that one statement and put back);
one that no longer holds is left as it was, so the damage stays visible.

Revision ID: 0007_identities
Revises: 0006_search_postgres
Create Date: 2026-11-23 12:30:00
"""

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007_identities"
down_revision: str | None = "0006_search_postgres"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "candidates",
    "interviewers",
    "interviews",
    "timer_events",
    "notes",
    "scores",
    "score_amendments",
    "candidate_questions",
    "task_records",
    "task_observations",
    "follow_ups",
)
# A version 4 UUID made by SQLite itself: one statement per table, no row read into Python.
SQLITE_UUID = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
)
# Built from this file's constants only.
UID_TRIGGER = (
    "CREATE TRIGGER {table}_uid AFTER INSERT ON {table} FOR EACH ROW WHEN NEW.uid = '' "  # noqa: S608
    "BEGIN UPDATE {table} SET uid = " + SQLITE_UUID + " WHERE id = NEW.id; END"
)
SEALED_TRIGGERS = {"scores": ("scores_sealed_update",), "interviews": ("interviews_sealed_update",)}
POSTGRES_TRIGGERS = {"scores": "scores_sealed", "interviews": "interviews_sealed"}


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for table in TABLES:
        # NOT NULL with a default of '' is the one way SQLite adds a required column in place.
        op.add_column(table, sa.Column("uid", sa.String(length=36), nullable=False, server_default=""))
        with _sealed_triggers_lifted(table):
            # Built from this file's constants only (ruff's S608 cannot tell).
            op.execute(f"UPDATE {table} SET uid = {SQLITE_UUID if sqlite else 'gen_random_uuid()::text'}")  # noqa: S608
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)
        # A row written without one (a script, the sqlite3 shell) still gets a global id; the app
        # always gives one, so the trigger's condition is all it costs.
        if sqlite:
            op.execute(UID_TRIGGER.format(table=table))
        else:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN uid SET DEFAULT gen_random_uuid()::text")
    op.add_column(
        "interviewers", sa.Column("email", sa.String(length=320), nullable=False, server_default="")
    )
    op.add_column("scores", sa.Column("evidence_sha256", sa.String(length=64), nullable=True))
    op.add_column("interviews", sa.Column("prior_submissions", sa.JSON(), nullable=True))
    op.create_table(
        "bundle_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("bundle_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_device", sa.String(length=36), nullable=False),
        sa.Column("revision_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seal_hash", sa.String(length=64), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_bundle_imports_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundle_imports")),
    )
    op.create_index("ix_bundle_imports_interview_id", "bundle_imports", ["interview_id"])
    bind.execute(
        sa.text("INSERT INTO settings (key, value) VALUES ('identity.device', :device)"),
        {"device": str(uuid.uuid4())},
    )
    _reseal(bind, lambda row: _digest_v2(row.uid, row.recommendation, row.scores), _holds_v1)


def downgrade() -> None:
    bind = op.get_bind()
    _reseal(bind, lambda row: _digest_v1(row.id, row.recommendation, row.scores, blanks=False), _holds_v2)
    op.execute("DELETE FROM settings WHERE key LIKE 'identity.%'")
    op.drop_index("ix_bundle_imports_interview_id", table_name="bundle_imports")
    op.drop_table("bundle_imports")
    op.drop_column("interviews", "prior_submissions")
    op.drop_column("scores", "evidence_sha256")
    op.drop_column("interviewers", "email")
    for table in reversed(TABLES):
        if bind.dialect.name == "sqlite":
            op.execute(f"DROP TRIGGER {table}_uid")
        op.drop_index(f"ix_{table}_uid", table_name=table)
        op.drop_column(table, "uid")


# -- seals (frozen copies of the digests of the releases on either side) -------------------------


class _Sealed:
    def __init__(self, row: Any, scores: list[tuple[str, int | None, str]]) -> None:
        self.id: int = row.id
        self.uid: str = row.uid
        self.recommendation: str | None = row.recommendation
        self.seal_hash: str = row.seal_hash
        self.scores = scores


def _reseal(bind: sa.Connection, remake: Callable[[_Sealed], str], holds: Callable[[_Sealed], bool]) -> None:
    heads = bind.execute(
        sa.text("SELECT id, uid, recommendation, seal_hash FROM interviews WHERE seal_hash IS NOT NULL")
    ).all()
    if not heads:
        return
    scores: dict[int, list[tuple[str, int | None, str]]] = {}
    for interview_id, competency, level, evidence in bind.execute(
        sa.text("SELECT interview_id, competency_id, level, evidence FROM scores ORDER BY id")
    ):
        scores.setdefault(interview_id, []).append((competency, level, evidence))
    remade = []
    for head in heads:
        sealed = _Sealed(head, scores.get(head.id, []))
        if holds(sealed):
            remade.append({"id": sealed.id, "seal": remake(sealed)})
    if not remade:
        return
    with _sealed_triggers_lifted("interviews"):
        bind.execute(sa.text("UPDATE interviews SET seal_hash = :seal WHERE id = :id"), remade)


def _holds_v1(sealed: _Sealed) -> bool:
    return sealed.seal_hash in (
        _digest_v1(sealed.id, sealed.recommendation, sealed.scores, blanks=False),
        _digest_v1(sealed.id, sealed.recommendation, sealed.scores, blanks=True),
    )


def _holds_v2(sealed: _Sealed) -> bool:
    return sealed.seal_hash == _digest_v2(sealed.uid, sealed.recommendation, sealed.scores)


def _canonical(payload: object) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest_v1(
    interview_id: int, recommendation: str | None, scores: list[tuple[str, int | None, str]], *, blanks: bool
) -> str:
    kept = [[c, lv, ev] for c, lv, ev in scores if blanks or not (lv is None and not ev)]
    payload = {
        "interview": interview_id,
        "recommendation": recommendation,
        "scores": sorted(kept, key=lambda i: str(i[0])),
    }
    return _canonical(payload)


def _digest_v2(
    interview_uid: str, recommendation: str | None, scores: list[tuple[str, int | None, str]]
) -> str:
    kept = [
        [c, lv, hashlib.sha256(ev.encode("utf-8")).hexdigest()]
        for c, lv, ev in scores
        if not (lv is None and not ev)
    ]
    payload = {
        "seal": 2,
        "interview": interview_uid,
        "recommendation": recommendation,
        "scores": sorted(kept),
    }
    return _canonical(payload)


class _sealed_triggers_lifted:  # noqa: N801 - used as a statement: with _sealed_triggers_lifted(table)
    """Lift the sealed-is-final triggers of one table for a statement that changes no sealed content."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.saved: list[str] = []

    def __enter__(self) -> None:
        bind = op.get_bind()
        if bind.dialect.name == "postgresql":
            if self.table in POSTGRES_TRIGGERS:
                op.execute(f"ALTER TABLE {self.table} DISABLE TRIGGER {POSTGRES_TRIGGERS[self.table]}")
            return
        for name in SEALED_TRIGGERS.get(self.table, ()):
            sql = bind.execute(
                sa.text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"), {"n": name}
            ).scalar()
            if sql is not None:
                self.saved.append(sql)
                op.execute(f"DROP TRIGGER {name}")

    def __exit__(self, *_exc: object) -> None:
        if op.get_bind().dialect.name == "postgresql":
            if self.table in POSTGRES_TRIGGERS:
                op.execute(f"ALTER TABLE {self.table} ENABLE TRIGGER {POSTGRES_TRIGGERS[self.table]}")
            return
        for sql in self.saved:
            op.execute(sql)
