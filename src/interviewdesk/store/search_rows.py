"""Reading the full-text index (SQLite's FTS5, or PostgreSQL's text search): the matching rows,
newest first, and what each one is.

A common word can match most of a large file: at most ``cap`` matches are taken, newest rows first
(FTS5 walks its rowids backwards and stops there). FTS5's own BM25 rank is not asked for: its
rarity weights count every document of every term (and, for a phrase, check every position), a
fixed 40-170 ms at a million paragraphs whatever the cap; the service ranks what it took instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, bindparam, func, literal, literal_column, select, text, union_all
from sqlalchemy.engine import Connection

from interviewdesk.domain.search_text import Term
from interviewdesk.store.search_index import STRIDE, Source
from interviewdesk.store.tables import (
    candidate_questions,
    candidates,
    interviewers,
    interviews,
    notes,
    score_amendments,
    scores,
    task_observations,
    task_records,
    template_versions,
)
from interviewdesk.store.types import AnyRow

_MATCH_SQL = "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?"
_MATCH_WITHIN = text(
    "SELECT rowid FROM search_index WHERE search_index MATCH :query "
    "AND rowid IN (SELECT value FROM json_each(:rowids)) ORDER BY rowid DESC"
)
# OFFSET 0 keeps PostgreSQL from walking the primary key backwards and testing every document: the
# GIN index finds the matches first, then the newest are kept.
_PG_MATCH = text(
    "SELECT entry FROM (SELECT entry FROM search_entries WHERE document @@ to_tsquery('simple', :query) "
    "OFFSET 0) AS found ORDER BY entry DESC LIMIT :cap"
)
_PG_MATCH_WITHIN = text(
    "SELECT entry FROM search_entries WHERE document @@ to_tsquery('simple', :query) "
    "AND entry = ANY(:rowids) ORDER BY entry DESC"
)


def fts5_query(terms: Sequence[Term]) -> str:
    """The terms as an FTS5 query: each a quoted string (so no word is read as an operator), a
    string of several words being a phrase, ``*`` after a prefix."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.words).replace('"', '""') + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " ".join(parts)


def ts_query(terms: Sequence[Term]) -> str:
    """The terms as a PostgreSQL tsquery: each word a quoted lexeme, a phrase's words ``<->``
    apart, ``:*`` after a prefix, every term required."""

    def lexeme(word: str, prefix: bool) -> str:
        quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
        return quoted + (":*" if prefix else "")

    parts = []
    for term in terms:
        last = len(term.words) - 1
        words = [lexeme(word, term.prefix and i == last) for i, word in enumerate(term.words)]
        parts.append("(" + " <-> ".join(words) + ")")
    return " & ".join(parts)


def matching(connection: Connection, terms: Sequence[Term], *, cap: int) -> list[int]:
    """The rowids of up to ``cap`` matches of the terms, newest first."""
    if connection.dialect.name != "sqlite":
        return list(connection.scalars(_PG_MATCH, {"query": ts_query(terms), "cap": cap}))
    cursor = connection.exec_driver_sql(_MATCH_SQL, (fts5_query(terms), cap)).cursor  # plain ints
    return [row[0] for row in cursor.fetchall()] if cursor is not None else []


def matching_within(connection: Connection, terms: Sequence[Term], rowids: list[int]) -> list[int]:
    """The rowids of the matches among ``rowids`` (one candidate's rows), newest first."""
    if connection.dialect.name != "sqlite":
        return list(connection.scalars(_PG_MATCH_WITHIN, {"query": ts_query(terms), "rowids": rowids}))
    found = connection.execute(_MATCH_WITHIN, {"query": fts5_query(terms), "rowids": json.dumps(rowids)})
    return [row[0] for row in found]


def candidate_rowids(connection: Connection, candidate_id: int) -> list[int]:
    """The index rowids of everything of one candidate: their name and their interviews' texts."""
    theirs = select(interviews.c.id).where(interviews.c.candidate_id == candidate_id)

    def rows(column: Any, where: Any, kind: Source) -> Select[Any]:
        return select((column * STRIDE + int(kind)).label("rowid")).where(where)

    by_interview = [(notes, Source.NOTE), (scores, Source.EVIDENCE), (candidate_questions, Source.QUESTION)]
    parts = [rows(literal(candidate_id), literal(True), Source.CANDIDATE)]
    parts += [rows(table.c.id, table.c.interview_id.in_(theirs), kind) for table, kind in by_interview]
    parts += [rows(interviews.c.id, interviews.c.candidate_id == candidate_id, k) for k in _INTERVIEW_KINDS]
    parts.append(
        rows(
            score_amendments.c.id,
            score_amendments.c.score_id.in_(select(scores.c.id).where(scores.c.interview_id.in_(theirs))),
            Source.AMENDMENT,
        )
    )
    records = select(task_records.c.id).where(task_records.c.interview_id.in_(theirs))
    parts.append(
        rows(task_observations.c.id, task_observations.c.task_record_id.in_(records), Source.OBSERVATION)
    )
    return list(connection.scalars(union_all(*parts)))


_INTERVIEW_KINDS = (Source.SUMMARY, Source.ASPIRATIONS)


def documents(connection: Connection, kind: Source, ids: Iterable[int]) -> list[AnyRow]:
    """The rows behind index rows of one kind: ``id``, ``interview_id`` (None for a candidate),
    ``candidate_id``, the document's parts as ``text`` and ``extra``, and where it sits."""
    wanted = list(ids)
    if not wanted:
        return []
    sqlite = connection.dialect.name == "sqlite"
    return list(
        connection.execute(_DOCUMENTS[sqlite][kind], {"ids": json.dumps(wanted) if sqlite else wanted})
    )


def _shape(
    row_id: Any,
    interview_id: Any,
    candidate_id: Any,
    text_: Any,
    *,
    extra: Any = None,
    section: Any = None,
    question: Any = None,
    offset: Any = None,
    private: Any = None,
    part: Any = None,
) -> list[Any]:
    """The columns every kind's query returns, in one shape (absent ones NULL, or false, or '')."""
    nothing = literal(None)
    return [
        row_id.label("id"),
        interview_id.label("interview_id"),
        candidate_id.label("candidate_id"),
        text_.label("text"),
        (literal("") if extra is None else extra).label("extra"),
        (nothing if section is None else section).label("section_index"),
        (nothing if question is None else question).label("question_index"),
        (nothing if offset is None else offset).label("offset_s"),
        (literal(False) if private is None else private).label("private"),
        (nothing if part is None else part).label("part"),
    ]


def _documents(ids: Any) -> dict[Source, Select[Any]]:
    by_interview = interviews.c.candidate_id
    queries: dict[Source, Select[Any]] = {
        Source.CANDIDATE: select(
            *_shape(candidates.c.id, literal(None), candidates.c.id, candidates.c.name)
        ).where(candidates.c.id.in_(ids)),
        Source.NOTE: select(
            *_shape(
                notes.c.id,
                notes.c.interview_id,
                by_interview,
                notes.c.text,
                section=notes.c.section_index,
                question=notes.c.question_index,
                offset=notes.c.offset_s,
                private=notes.c.private,
            )
        )
        .join_from(notes, interviews)
        .where(notes.c.id.in_(ids)),
        Source.EVIDENCE: select(
            *_shape(
                scores.c.id,
                scores.c.interview_id,
                by_interview,
                scores.c.evidence,
                part=scores.c.competency_id,
            )
        )
        .join_from(scores, interviews)
        .where(scores.c.id.in_(ids)),
        Source.AMENDMENT: select(
            *_shape(
                score_amendments.c.id,
                scores.c.interview_id,
                by_interview,
                score_amendments.c.evidence,
                extra=score_amendments.c.reason,
                part=scores.c.competency_id,
            )
        )
        .join_from(score_amendments, scores)
        .join(interviews, interviews.c.id == scores.c.interview_id)
        .where(score_amendments.c.id.in_(ids)),
        Source.QUESTION: select(
            *_shape(
                candidate_questions.c.id,
                candidate_questions.c.interview_id,
                by_interview,
                candidate_questions.c.text,
                extra=candidate_questions.c.answer,
                offset=candidate_questions.c.offset_s,
            )
        )
        .join_from(candidate_questions, interviews)
        .where(candidate_questions.c.id.in_(ids)),
        Source.OBSERVATION: select(
            *_shape(
                task_observations.c.id,
                task_records.c.interview_id,
                by_interview,
                task_observations.c.text,
                offset=task_observations.c.offset_s,
                part=task_records.c.task_id,
            )
        )
        .join_from(task_observations, task_records)
        .join(interviews, interviews.c.id == task_records.c.interview_id)
        .where(task_observations.c.id.in_(ids)),
    }
    for kind, column in (
        (Source.SUMMARY, interviews.c.summary),
        (Source.ASPIRATIONS, interviews.c.aspirations),
    ):
        queries[kind] = select(*_shape(interviews.c.id, interviews.c.id, by_interview, column)).where(
            interviews.c.id.in_(ids)
        )
    return queries


# The ids as one JSON array on SQLite (hundreds of parameters cost more than the query), a bound
# list on PostgreSQL.
_DOCUMENTS = {
    True: _documents(select(literal_column("value")).select_from(func.json_each(bindparam("ids")))),
    False: _documents(bindparam("ids", expanding=True)),
}


def interview_context(connection: Connection, interview_ids: Iterable[int]) -> list[AnyRow]:
    """Per interview: its candidate, interviewer, template version and when it was."""
    wanted = list(interview_ids)
    if not wanted:
        return []
    return list(
        connection.execute(
            select(
                interviews.c.id,
                interviews.c.template_id,
                template_versions.c.content_hash,
                template_versions.c.name.label("template"),
                interviewers.c.name.label("interviewer"),
                interviews.c.started_at,
                interviews.c.scheduled_at,
            )
            .join_from(interviews, template_versions)
            .outerjoin(interviewers, interviewers.c.id == interviews.c.interviewer_id)
            .where(interviews.c.id.in_(wanted))
        )
    )


def candidate_names(connection: Connection, candidate_ids: Iterable[int]) -> dict[int, str]:
    wanted = list(candidate_ids)
    if not wanted:
        return {}
    rows = connection.execute(select(candidates.c.id, candidates.c.name).where(candidates.c.id.in_(wanted)))
    return {row.id: row.name for row in rows}
