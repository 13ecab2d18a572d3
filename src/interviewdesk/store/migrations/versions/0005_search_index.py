"""Full-text search: an FTS5 index on SQLite, kept in step by triggers and built for what exists.

One contentless FTS5 table holds the folded words of every searchable text (candidates' names,
notes, evidence, amendments, the candidate's questions and their answers, summaries, aspirations,
task observations); it stores no copy of the text, so it costs far less disk than a content table.
Each row's rowid is the source row's id times 16 plus a number for its kind. Triggers on the source
tables add, replace and remove index rows on every write by anyone (cascading deletes included),
folding the text with ``interviewdesk_fold``, a function every connection of ours registers
(:mod:`interviewdesk.store.search_index`). A contentless index forgets a row only when given the row's
old words, which the UPDATE and DELETE triggers fold again from the old text.

A later migration that rebuilds one of these tables in batch mode must create its triggers again.
PostgreSQL's own text search is not set up here.

Revision ID: 0005_search_index
Revises: 0004_leases_erasure
Create Date: 2026-11-23 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from interviewdesk.domain.search_text import FOLD_VERSION

revision: str = "0005_search_index"
down_revision: str | None = "0004_leases_erasure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (trigger name, table, kind, the document over a row alias, the columns it is made of).
SOURCES = (
    ("candidates", "candidates", 1, "{r}.name", ("name",)),
    ("notes", "notes", 2, "{r}.text", ("text",)),
    ("scores", "scores", 3, "{r}.evidence", ("evidence",)),
    ("amendments", "score_amendments", 4, "{r}.evidence || ' ' || {r}.reason", ("evidence", "reason")),
    ("questions", "candidate_questions", 5, "{r}.text || ' ' || {r}.answer", ("text", "answer")),
    ("summaries", "interviews", 6, "{r}.summary", ("summary",)),
    ("aspirations", "interviews", 7, "{r}.aspirations", ("aspirations",)),
    ("observations", "task_observations", 8, "{r}.text", ("text",)),
)
STRIDE = 16


def _add(kind: int, document: str) -> str:
    return (
        f"INSERT INTO search_index(rowid, body) SELECT NEW.id * {STRIDE} + {kind}, "
        f"interviewdesk_fold({document.format(r='NEW')}) WHERE {document.format(r='NEW')} <> '';"
    )


def _remove(kind: int, document: str) -> str:
    return (
        f"INSERT INTO search_index(search_index, rowid, body) SELECT 'delete', OLD.id * {STRIDE} + {kind}, "
        f"interviewdesk_fold({document.format(r='OLD')}) WHERE {document.format(r='OLD')} <> '';"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # No prefix indexes: they tripled the index (1.47x the text it indexes against 0.58x without)
    # while a prefix search was as fast without them (bench/search.py, docs/performance.md).
    op.execute("CREATE VIRTUAL TABLE search_index USING fts5(body, content='', tokenize='unicode61')")
    for name, table, kind, document, columns in SOURCES:
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        op.execute(
            f"CREATE TRIGGER search_{name}_insert AFTER INSERT ON {table} BEGIN {_add(kind, document)} END"
        )
        op.execute(
            f"CREATE TRIGGER search_{name}_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
            f"WHEN {changed} BEGIN {_remove(kind, document)} {_add(kind, document)} END"
        )
        op.execute(
            f"CREATE TRIGGER search_{name}_delete AFTER DELETE ON {table} BEGIN {_remove(kind, document)} END"
        )
        rows = document.format(r=table)
        # Built from this file's constants only (ruff's S608 cannot tell).
        op.execute(
            f"INSERT INTO search_index(rowid, body) SELECT id * {STRIDE} + {kind}, "  # noqa: S608
            f"interviewdesk_fold({rows}) FROM {table} WHERE {rows} <> ''"
        )
    # The folding the index was built with: a release that folds differently rebuilds it.
    op.get_bind().execute(
        sa.text("INSERT INTO settings(key, value) VALUES ('search.fold', :fold)"), {"fold": FOLD_VERSION}
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, *_rest in SOURCES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER search_{name}_{event}")
    op.execute("DROP TABLE search_index")
    op.execute("DELETE FROM settings WHERE key = 'search.fold'")
