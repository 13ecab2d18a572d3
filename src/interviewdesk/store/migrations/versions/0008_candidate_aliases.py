"""Merged candidates: the global ids a candidate is also known by.

Two records that turned out to be one person are merged by hand (never silently); the id of the
record merged away stays as an alias, so a bundle that still names it finds the merged candidate
instead of making the duplicate again.

Revision ID: 0008_candidate_aliases
Revises: 0007_identities
Create Date: 2026-11-23 13:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_candidate_aliases"
down_revision: str | None = "0007_identities"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "candidate_aliases",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_candidate_aliases_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_candidate_aliases")),
    )
    op.create_index("ix_candidate_aliases_candidate_id", "candidate_aliases", ["candidate_id"])


def downgrade() -> None:
    op.drop_index("ix_candidate_aliases_candidate_id", table_name="candidate_aliases")
    op.drop_table("candidate_aliases")
