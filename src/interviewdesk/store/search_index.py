"""Keeping SQLite's full-text index usable: the folding function its triggers call, a rebuild when
this release folds differently from the one that built it, and a merge that drops what was erased.

The index itself and its triggers are made by migration 0005 (see its docstring); this module's
:data:`SOURCES` must describe the same documents, which a test checks by rebuilding.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from interviewdesk.domain.search_text import FOLD_VERSION, fold
from interviewdesk.store.setting_rows import get_setting, set_setting

STRIDE = 16  # an index row's rowid is its source row's id * STRIDE + its kind
FOLD_KEY = "search.fold"


class Source(IntEnum):
    CANDIDATE = 1
    NOTE = 2
    EVIDENCE = 3
    AMENDMENT = 4
    QUESTION = 5
    SUMMARY = 6
    ASPIRATIONS = 7
    OBSERVATION = 8


# What each kind indexes: the table and the document made of its row (as the triggers make it).
SOURCES: dict[Source, tuple[str, str]] = {
    Source.CANDIDATE: ("candidates", "name"),
    Source.NOTE: ("notes", "text"),
    Source.EVIDENCE: ("scores", "evidence"),
    Source.AMENDMENT: ("score_amendments", "evidence || ' ' || reason"),
    Source.QUESTION: ("candidate_questions", "text || ' ' || answer"),
    Source.SUMMARY: ("interviews", "summary"),
    Source.ASPIRATIONS: ("interviews", "aspirations"),
    Source.OBSERVATION: ("task_observations", "text"),
}


def is_index_table(name: str | None) -> bool:
    """The search index's tables (FTS5's and its shadow tables; PostgreSQL's documents and their
    index): made by their migrations, not described by the schema's tables."""
    return bool(name) and str(name).startswith(("search_index", "search_entries", "ix_search_entries"))


def register_fold(dbapi_connection: Any) -> None:
    """Give an SQLite connection the folding the triggers call; every connection that writes
    searchable text needs it (without it, such a write fails rather than leave the index behind)."""
    dbapi_connection.create_function("interviewdesk_fold", 1, _fold_or_empty, deterministic=True)


def _fold_or_empty(value: object) -> str:
    return fold(value) if isinstance(value, str) else ""


def has_index(connection: Connection) -> bool:
    """SQLite's FTS5 index, or PostgreSQL's table of documents (migration 0006)."""
    if connection.dialect.name != "sqlite":
        return connection.exec_driver_sql("SELECT to_regclass('search_entries')").scalar() is not None
    return _has_fts5(connection)


def _has_fts5(connection: Connection) -> bool:
    return bool(
        connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index'"
        ).first()
    )


def ensure_current(connection: Connection) -> bool:
    """Rebuild the index when it was built with another folding (another release, or a Python
    with other Unicode tables): its rows could not otherwise be removed. True if it was rebuilt."""
    if connection.dialect.name != "sqlite" or not _has_fts5(connection):
        return False
    if get_setting(connection, FOLD_KEY) == FOLD_VERSION:
        return False
    rebuild(connection)
    return True


def rebuild(connection: Connection) -> None:
    connection.exec_driver_sql("INSERT INTO search_index(search_index) VALUES ('delete-all')")
    for kind, (table, document) in SOURCES.items():
        # Built from this module's constants only (ruff's S608 cannot tell).
        connection.exec_driver_sql(
            f"INSERT INTO search_index(rowid, body) SELECT id * {STRIDE} + {int(kind)}, "  # noqa: S608
            f"interviewdesk_fold({document}) FROM {table} WHERE {document} <> ''"
        )
    set_setting(connection, FOLD_KEY, FOLD_VERSION)


def merge_away_deleted(connection: Connection) -> None:
    """Merge the index into one segment: the words of deleted rows, kept in older segments until
    a merge, are gone from the file (with secure_delete and VACUUM, from the disk)."""
    if connection.dialect.name == "sqlite" and _has_fts5(connection):
        connection.execute(text("INSERT INTO search_index(search_index) VALUES ('optimize')"))
