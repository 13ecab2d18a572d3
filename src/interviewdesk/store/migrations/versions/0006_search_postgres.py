"""Full-text search on PostgreSQL: its own text search, kept in step by triggers, built for what
exists.

A table of ``tsvector`` documents (``search_entries``, a GIN index on it) keyed as SQLite's index
is (the source row's id times 16 plus its kind), and one trigger function per source that replaces
or removes the row's document on every write. ``interviewdesk_fold`` is written in SQL here: marks
dropped after a compatibility decomposition, lower case by ICU's Unicode rules where the server has
them, and a space around every character of the scripts written without spaces, so the ``simple``
configuration finds words as SQLite's index does. Nothing is done on SQLite (migration 0005).

Revision ID: 0006_search_postgres
Revises: 0005_search_index
Create Date: 2026-11-23 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006_search_postgres"
down_revision: str | None = "0005_search_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (name, table, kind, the document over a row alias, the columns it is made of): as in 0005.
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
# The nonspacing marks of the Latin, Greek, Cyrillic, Hebrew and Arabic scripts and the general
# combining blocks; the scripts written without spaces, as domain/search_text.py names them.
MARKS = (
    r"[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
    r"\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u1ab0-\u1aff"
    r"\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
UNSPACED = (
    r"([\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])"
)


def _fold_function(unicode_server: bool, icu: bool) -> str:
    value = "t"
    if unicode_server:  # normalize() needs a UTF8 server
        value = f"normalize({value}, NFKD)"
    value = f'lower({value} COLLATE "und-x-icu")' if icu else f"lower({value})"
    value = f"regexp_replace({value}, '{MARKS}', '', 'g')"
    if unicode_server:
        value = f"normalize({value}, NFC)"
    value = f"regexp_replace({value}, '{UNSPACED}', ' \\1 ', 'g')"
    return (
        f"CREATE FUNCTION interviewdesk_fold(t text) RETURNS text AS $$ SELECT {value} $$ "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
    )


def _trigger(name: str, table: str, kind: int, document: str, columns: tuple[str, ...]) -> list[str]:
    new = document.format(r="NEW")
    # Built from this file's constants only (ruff's S608 cannot tell).
    return [
        f"""CREATE FUNCTION interviewdesk_search_{name}() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM search_entries WHERE entry = OLD.id * {STRIDE} + {kind};
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND {new} <> '' THEN
    INSERT INTO search_entries (entry, document)
      VALUES (NEW.id * {STRIDE} + {kind}, to_tsvector('simple', interviewdesk_fold({new})));
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""",  # noqa: S608
        f"CREATE TRIGGER search_{name} AFTER INSERT OR DELETE OR UPDATE OF {', '.join(columns)} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION interviewdesk_search_{name}()",
        f"INSERT INTO search_entries (entry, document) SELECT id * {STRIDE} + {kind}, "  # noqa: S608
        f"to_tsvector('simple', interviewdesk_fold({document.format(r=table)})) FROM {table} "
        f"WHERE {document.format(r=table)} <> ''",
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    unicode_server = bind.exec_driver_sql("SHOW server_encoding").scalar() == "UTF8"
    icu = bind.exec_driver_sql("SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'").first() is not None
    op.execute(_fold_function(unicode_server, icu))
    op.execute("CREATE TABLE search_entries (entry bigint PRIMARY KEY, document tsvector NOT NULL)")
    op.execute("CREATE INDEX ix_search_entries_document ON search_entries USING gin (document)")
    for source in SOURCES:
        for statement in _trigger(*source):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, table, *_rest in SOURCES:
        op.execute(f"DROP TRIGGER search_{name} ON {table}")
        op.execute(f"DROP FUNCTION interviewdesk_search_{name}()")
    op.execute("DROP TABLE search_entries")
    op.execute("DROP FUNCTION interviewdesk_fold(text)")
