"""Initial schema: templates, candidates, interviews and everything recorded during them.

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-22 03:13:27.835077
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates")),
    )
    op.create_table(
        "interviewers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviewers")),
        sa.UniqueConstraint("name", name=op.f("uq_interviewers_name")),
    )
    op.create_table(
        "template_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template_versions")),
        sa.UniqueConstraint("slug", "version", name=op.f("uq_template_versions_slug")),
    )
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("interviewer_id", sa.Integer(), nullable=True),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "live",
                "completed",
                "submitted",
                name="interviewstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("current_section", sa.Integer(), nullable=False),
        sa.Column("recommendation", sa.String(length=64), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("aspirations", sa.Text(), nullable=False),
        sa.Column("disclosure_confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("seal_hash", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_interviews_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interviewer_id"],
            ["interviewers.id"],
            name=op.f("fk_interviews_interviewer_id_interviewers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["template_versions.id"],
            name=op.f("fk_interviews_template_id_template_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interviews_candidate_id"), ["candidate_id"], unique=False)
        batch_op.create_index("ix_interviews_scheduled_at_id", ["scheduled_at", "id"], unique=False)

    op.create_table(
        "asked_questions",
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("section_index", sa.Integer(), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=False),
        sa.Column("offset_s", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_asked_questions_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "interview_id", "section_index", "question_index", name=op.f("pk_asked_questions")
        ),
    )
    op.create_table(
        "candidate_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "topic",
            sa.Enum(
                "role",
                "team",
                "culture",
                "growth",
                "compensation",
                "process",
                "other",
                name="questiontopic",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("follow_up_owed", sa.Boolean(), nullable=False),
        sa.Column("offset_s", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_candidate_questions_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_questions")),
    )
    with op.batch_alter_table("candidate_questions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_questions_interview_id"), ["interview_id"], unique=False
        )

    op.create_table(
        "checklist_marks",
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("item_index", sa.Integer(), nullable=False),
        sa.Column("offset_s", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_checklist_marks_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("interview_id", "item_index", name=op.f("pk_checklist_marks")),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("section_index", sa.Integer(), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("offset_s", sa.Float(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_notes_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notes_interview_id"), ["interview_id"], unique=False)

    op.create_table(
        "scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.String(length=64), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_scores_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scores")),
        sa.UniqueConstraint("interview_id", "competency_id", name=op.f("uq_scores_interview_id")),
    )
    op.create_table(
        "task_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.String(length=64), nullable=False),
        sa.Column("started_offset_s", sa.Float(), nullable=True),
        sa.Column("ended_offset_s", sa.Float(), nullable=True),
        sa.Column("deliverable", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_task_records_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_records")),
        sa.UniqueConstraint("interview_id", "task_id", name=op.f("uq_task_records_interview_id")),
    )
    op.create_table(
        "timer_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "start",
                "pause",
                "resume",
                "section",
                "end",
                name="timereventkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("offset_s", sa.Float(), nullable=False),
        sa.Column("section_index", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_timer_events_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timer_events")),
    )
    with op.batch_alter_table("timer_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timer_events_interview_id"), ["interview_id"], unique=False)

    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "feedback",
                "answer",
                "thank_you",
                "next_steps",
                "other",
                name="followupkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("candidate_question_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_question_id"],
            ["candidate_questions.id"],
            name=op.f("fk_follow_ups_candidate_question_id_candidate_questions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_follow_ups_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_ups_interview_id"), ["interview_id"], unique=False)

    op.create_table(
        "score_amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("score_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("amended_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["score_id"], ["scores.id"], name=op.f("fk_score_amendments_score_id_scores"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_amendments")),
    )
    with op.batch_alter_table("score_amendments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_score_amendments_score_id"), ["score_id"], unique=False)

    op.create_table(
        "task_observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_record_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("offset_s", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_record_id"],
            ["task_records.id"],
            name=op.f("fk_task_observations_task_record_id_task_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_observations")),
    )
    with op.batch_alter_table("task_observations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_task_observations_task_record_id"), ["task_record_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("task_observations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_observations_task_record_id"))

    op.drop_table("task_observations")
    with op.batch_alter_table("score_amendments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_score_amendments_score_id"))

    op.drop_table("score_amendments")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_ups_interview_id"))

    op.drop_table("follow_ups")
    with op.batch_alter_table("timer_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timer_events_interview_id"))

    op.drop_table("timer_events")
    op.drop_table("task_records")
    op.drop_table("scores")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_interview_id"))

    op.drop_table("notes")
    op.drop_table("checklist_marks")
    with op.batch_alter_table("candidate_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_questions_interview_id"))

    op.drop_table("candidate_questions")
    op.drop_table("asked_questions")
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index("ix_interviews_scheduled_at_id")
        batch_op.drop_index(batch_op.f("ix_interviews_candidate_id"))

    op.drop_table("interviews")
    op.drop_table("template_versions")
    op.drop_table("interviewers")
    op.drop_table("candidates")
