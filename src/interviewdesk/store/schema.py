"""The schema revisions this release knows, oldest first.

Kept here, not only in Alembic's script folder, so that opening an up-to-date database at start-up
needs one SELECT and no Alembic import. A test checks this list against the migration scripts.
"""

SCHEMA_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_running_offset",
    "0003_sealed_is_final",
    "0004_leases_erasure",
    "0005_search_index",
    "0006_search_postgres",
    "0007_identities",
    "0008_candidate_aliases",
)
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]
