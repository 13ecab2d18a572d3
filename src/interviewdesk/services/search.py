"""Searching everything written about candidates: one service for the window and the command line.

What is searched: candidates' names, notes (private ones marked), evidence and its amendments, the
candidate's questions with their answers, summaries, aspirations and task observations. Every word
is required; "quoted words" must stand together; ``word*`` (and, while typing, the last word) is a
prefix; accents and case are folded (:mod:`interviewdesk.domain.search_text`). Results come best
first with their context and the matching words marked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from interviewdesk.domain.search_text import Excerpt, Term, excerpt, parse_query, relevance
from interviewdesk.domain.stamps import minute
from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.template_cache import parsed_template
from interviewdesk.services.visibility import sealed_for_me
from interviewdesk.store import catalog, search_rows
from interviewdesk.store.database import Database
from interviewdesk.store.search_index import STRIDE, Source, has_index
from interviewdesk.templates.model import Template

CAP = 500  # matches ranked at most; past it, the newest CAP (see store.search_rows)
PAGE = 50
EXCERPT = 160  # characters around the first match: two lines of the result list

_KIND_NAMES = {
    Source.CANDIDATE: "candidate",
    Source.NOTE: "note",
    Source.EVIDENCE: "evidence",
    Source.AMENDMENT: "amendment",
    Source.QUESTION: "candidate question",
    Source.SUMMARY: "summary",
    Source.ASPIRATIONS: "aspirations",
    Source.OBSERVATION: "observation",
}


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    candidate_id: int
    candidate: str
    interview_id: int | None
    interview: str  # "Backend engineer, 12 Nov 2026 (Sam Reviewer)"; empty for a candidate's name
    where: str  # "Technical depth, minute 14"
    section_index: int | None
    question_index: int | None
    private: bool
    excerpt: Excerpt

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "candidate_id": self.candidate_id,
            "candidate": self.candidate,
            "interview_id": self.interview_id,
            "interview": self.interview,
            "where": self.where,
            "section_index": self.section_index,
            "question_index": self.question_index,
            "private": self.private,
            "excerpt": self.excerpt.text,
            "matches": [list(mark) for mark in self.excerpt.marks],
        }


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...]
    total: int  # matches found (at most CAP)
    capped: bool  # more matched than CAP: the best of the newest CAP are shown

    def describe(self) -> str:
        if not self.hits:
            return f"Nothing found for {self.query!r}."
        shown = f"{len(self.hits)} of " if len(self.hits) < self.total else ""
        more = f"more than {CAP:,}; the best of the newest {CAP:,}" if self.capped else f"{self.total:,}"
        return f"{shown}{more} match{'es' if self.total != 1 else ''} for {self.query!r}."


def search(
    db: Database,
    query: str,
    *,
    candidate_id: int | None = None,
    typing: bool = False,
    limit: int = PAGE,
) -> SearchResults:
    """The best ``limit`` matches of ``query``; ``typing``: the last word is still being typed."""
    terms = parse_query(query, prefix_last=typing)
    if not terms:
        return SearchResults(query, (), 0, capped=False)
    with db.begin() as connection:
        if not has_index(connection):
            raise UserError("this database has no search index; open it with this release to build it.")
        if candidate_id is not None and not catalog.candidate_exists(connection, candidate_id):
            raise NotFoundError(f"no candidate {candidate_id}; `interviewdesk candidates list` shows them.")
        rowids = _matches(connection, terms, candidate_id)
        found = _documents(connection, rowids)
        # Independent scoring: nothing of an interview that stays sealed from me is shown.
        sealed = sealed_for_me(connection, {row.candidate_id for _, row, _ in found})
        shown = [item for item in found if item[1].interview_id not in sealed]
        hits = _hits(connection, _best(shown, terms, limit), terms)
    total = len(rowids) - (len(found) - len(shown))
    return SearchResults(query, tuple(hits), total, capped=len(rowids) >= CAP)


def _matches(connection: Connection, terms: list[Term], candidate_id: int | None) -> list[int]:
    if candidate_id is None:
        return search_rows.matching(connection, terms, cap=CAP)
    rowids = search_rows.candidate_rowids(connection, candidate_id)
    return search_rows.matching_within(connection, terms, rowids)[:CAP]


def _documents(connection: Connection, rowids: list[int]) -> list[tuple[int, Any, str]]:
    """(rowid, row, the document's text) for each match still there, newest first."""
    by_kind: dict[Source, list[int]] = defaultdict(list)
    for rowid in rowids:
        by_kind[Source(rowid % STRIDE)].append(rowid // STRIDE)
    rows = {
        int(row.id) * STRIDE + kind: row
        for kind, ids in by_kind.items()
        for row in search_rows.documents(connection, kind, ids)
    }
    found = [(rowid, rows[rowid]) for rowid in rowids if rowid in rows]  # gone since: skipped
    return [(rowid, row, f"{row.text} — {row.extra}" if row.extra else row.text) for rowid, row in found]


def _best(found: list[tuple[int, Any, str]], terms: list[Term], limit: int) -> list[tuple[int, Any, str]]:
    """The ``limit`` most relevant, the newer first among equals (``found`` is newest first)."""
    if not found:
        return []
    mean = sum(len(document) for _, _, document in found) / len(found)
    scored = [(-relevance(document, terms, mean), order) for order, (_, _, document) in enumerate(found)]
    return [found[order] for _, order in sorted(scored)[:limit]]


def _hits(connection: Connection, found: list[tuple[int, Any, str]], terms: list[Term]) -> list[SearchHit]:
    interview_ids = {row.interview_id for _, row, _ in found if row.interview_id}
    interviews = {row.id: row for row in search_rows.interview_context(connection, interview_ids)}
    names = search_rows.candidate_names(connection, {row.candidate_id for _, row, _ in found})
    hits = []
    for rowid, row, document in found:
        kind = Source(rowid % STRIDE)
        context = interviews.get(row.interview_id)
        template = parsed_template(connection, context.template_id, context.content_hash) if context else None
        hits.append(
            SearchHit(
                kind=_KIND_NAMES[kind],
                candidate_id=row.candidate_id,
                candidate=names.get(row.candidate_id, ""),
                interview_id=row.interview_id,
                interview=_interview_label(context) if context else "",
                where=_where(kind, row, template),
                section_index=row.section_index,
                question_index=row.question_index,
                private=bool(row.private),
                excerpt=excerpt(document, terms, width=EXCERPT),
            )
        )
    return hits


def _interview_label(context: Any) -> str:
    moment: datetime | None = context.started_at or context.scheduled_at
    when = f", {moment:%d %b %Y}" if moment else ""
    who = f" ({context.interviewer})" if context.interviewer else ""
    return f"{context.template}{when}{who}"


def _where(kind: Source, row: Any, template: Template | None) -> str:
    at = f", minute {minute(row.offset_s)}" if row.offset_s is not None else ""
    if kind is Source.NOTE:
        return _section_title(template, row.section_index) + at
    if kind in (Source.EVIDENCE, Source.AMENDMENT):
        name = _competency_name(template, row.part)
        return f"{'Amended evidence' if kind is Source.AMENDMENT else 'Evidence'}: {name}"
    if kind is Source.OBSERVATION:
        title = (
            next((t.title for s in template.sections for t in s.tasks if t.id == row.part), row.part)
            if template
            else row.part
        )
        return f"Task: {title}{at}"
    return {
        Source.CANDIDATE: "Name",
        Source.QUESTION: f"The candidate's question{at}",
        Source.SUMMARY: "Summary",
        Source.ASPIRATIONS: "Aspirations",
    }[kind]


def _section_title(template: Template | None, index: int | None) -> str:
    if template is None or index is None or not 0 <= index < len(template.sections):
        return "Notes"
    return f"Section {index + 1}: {template.sections[index].title}"


def _competency_name(template: Template | None, competency_id: str) -> str:
    if template is not None:
        for competency in template.competencies:
            if competency.id == competency_id:
                return competency.name
    return competency_id
