"""Alembic environment: always run from code, on a connection InterviewDesk opened itself."""

from alembic import context

from interviewdesk.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("InterviewDesk runs its migrations itself: use `interviewdesk` to open the database.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that safely
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
