"""A sealed interview changes only by amendment, enforced by the database itself.

Triggers refuse, once an interview is sealed, any change to its scores (an empty placeholder row for
amending a competency left unscored is the one insert allowed) and to its seal, status,
recommendation and summary. Two windows or processes on one interview, a bug, or a hand-written
UPDATE cannot overwrite what was submitted: the statement fails and the transaction rolls back.

Revision ID: 0003_sealed_is_final
Revises: 0002_running_offset
Create Date: 2026-11-23 03:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_sealed_is_final"
down_revision: str | None = "0002_running_offset"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "interview is sealed: record an amendment instead"
SEALED = "(SELECT sealed_at FROM interviews WHERE id = {row}.interview_id) IS NOT NULL"
INTERVIEW_CHANGED = (
    "OLD.sealed_at IS NOT NULL AND (NEW.sealed_at IS NOT OLD.sealed_at OR NEW.seal_hash IS NOT OLD.seal_hash "
    "OR NEW.status IS NOT OLD.status OR NEW.recommendation IS NOT OLD.recommendation "
    "OR NEW.summary IS NOT OLD.summary)"
)
PLACEHOLDER = "NEW.level IS NULL AND NEW.evidence = ''"

SQLITE = [
    ("scores_sealed_update", "BEFORE UPDATE ON scores", f"WHEN {SEALED.format(row='OLD')}"),
    ("scores_sealed_delete", "BEFORE DELETE ON scores", f"WHEN {SEALED.format(row='OLD')}"),
    (
        "scores_sealed_insert",
        "BEFORE INSERT ON scores",
        f"WHEN {SEALED.format(row='NEW')} AND NOT ({PLACEHOLDER})",
    ),
    ("interviews_sealed_update", "BEFORE UPDATE ON interviews", f"WHEN {INTERVIEW_CHANGED}"),
]

# Built from this file's constants only (ruff's S608 cannot tell).
POSTGRES_FUNCTIONS = f"""
CREATE FUNCTION interviewdesk_scores_sealed() RETURNS trigger AS $$
DECLARE row_interview integer;
BEGIN
  row_interview := CASE WHEN TG_OP = 'DELETE' THEN OLD.interview_id ELSE NEW.interview_id END;
  IF (SELECT sealed_at FROM interviews WHERE id = row_interview) IS NOT NULL THEN
    IF TG_OP = 'INSERT' AND NEW.level IS NULL AND NEW.evidence = '' THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION interviewdesk_interviews_sealed() RETURNS trigger AS $$
BEGIN
  IF OLD.sealed_at IS NOT NULL AND (NEW.sealed_at IS DISTINCT FROM OLD.sealed_at
      OR NEW.seal_hash IS DISTINCT FROM OLD.seal_hash OR NEW.status IS DISTINCT FROM OLD.status
      OR NEW.recommendation IS DISTINCT FROM OLD.recommendation
      OR NEW.summary IS DISTINCT FROM OLD.summary) THEN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER scores_sealed BEFORE INSERT OR UPDATE OR DELETE ON scores
  FOR EACH ROW EXECUTE FUNCTION interviewdesk_scores_sealed();
CREATE TRIGGER interviews_sealed BEFORE UPDATE ON interviews
  FOR EACH ROW EXECUTE FUNCTION interviewdesk_interviews_sealed();
"""  # noqa: S608


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTIONS)
        return
    for name, when, condition in SQLITE:
        body = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        op.execute(f"CREATE TRIGGER {name} {when} FOR EACH ROW {condition} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER scores_sealed ON scores")
        op.execute("DROP TRIGGER interviews_sealed ON interviews")
        op.execute("DROP FUNCTION interviewdesk_scores_sealed()")
        op.execute("DROP FUNCTION interviewdesk_interviews_sealed()")
        return
    for name, _when, _condition in SQLITE:
        op.execute(f"DROP TRIGGER {name}")
