"""An interview as a bundle record, read from the tables (store/bundle_writes.py writes it back).

The record is the one the bundle format describes (resources/schema/bundle.schema.json): plain
JSON values keyed by global ids. Reading leaves out private notes and withholds their words from
every other field, as a shared PDF does; a score whose evidence lost words keeps the digest of what
was sealed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from interviewdesk.domain import privacy
from interviewdesk.domain.scoring import evidence_digest
from interviewdesk.store.tables import (
    asked_questions,
    bundle_imports,
    candidate_questions,
    candidates,
    checklist_marks,
    follow_ups,
    interviewers,
    interviews,
    notes,
    score_amendments,
    scores,
    task_observations,
    task_records,
    template_versions,
    timer_events,
)
from interviewdesk.store.types import AnyRow

INTERVIEW_TIMES = ("scheduled_at", "started_at", "ended_at", "disclosure_confirmed_at", "sealed_at")


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def interview_record(connection: Connection, interview_id: int) -> dict[str, Any] | None:
    """The bundle record of one interview, without anything private; None if there is none."""
    head = connection.execute(
        select(
            interviews,
            candidates.c.uid.label("c_uid"),
            candidates.c.name.label("c_name"),
            candidates.c.role.label("c_role"),
            candidates.c.email.label("c_email"),
            candidates.c.created_at.label("c_created_at"),
            interviewers.c.uid.label("i_uid"),
            interviewers.c.name.label("i_name"),
            interviewers.c.email.label("i_email"),
            template_versions.c.content_hash,
        )
        .join(candidates, candidates.c.id == interviews.c.candidate_id)
        .join(template_versions, template_versions.c.id == interviews.c.template_id)
        .outerjoin(interviewers, interviewers.c.id == interviews.c.interviewer_id)
        .where(interviews.c.id == interview_id)
    ).first()
    if head is None:
        return None

    def rows(table: Any, *order: Any) -> list[AnyRow]:
        return list(
            connection.execute(select(table).where(table.c.interview_id == interview_id).order_by(*order))
        )

    note_rows = rows(notes, notes.c.section_index, notes.c.id)
    secrets = [n.text for n in note_rows if n.private]

    def shared(text: str) -> str:
        return privacy.withhold(text, secrets) if secrets else text

    amendments: dict[int, list[dict[str, Any]]] = {}
    for a in connection.execute(
        select(score_amendments)
        .join(scores, scores.c.id == score_amendments.c.score_id)
        .where(scores.c.interview_id == interview_id)
        .order_by(score_amendments.c.amended_at, score_amendments.c.id)
    ):
        amendments.setdefault(a.score_id, []).append(
            {
                "uid": a.uid,
                "level": a.level,
                "evidence": shared(a.evidence),
                "reason": shared(a.reason),
                "amended_at": iso(a.amended_at),
            }
        )
    score_list = []
    for s in rows(scores, scores.c.id):
        kept = shared(s.evidence)
        withheld = s.evidence_sha256 or (evidence_digest(s.evidence) if kept != s.evidence else None)
        score_list.append(
            {
                "uid": s.uid,
                "competency_id": s.competency_id,
                "level": s.level,
                "evidence": kept,
                "evidence_sha256": withheld,
                "updated_at": iso(s.updated_at),
                "amendments": amendments.get(s.id, []),
            }
        )
    question_rows = rows(candidate_questions, candidate_questions.c.id)
    question_uids = {q.id: q.uid for q in question_rows}
    observations: dict[int, list[dict[str, Any]]] = {}
    for o in connection.execute(
        select(task_observations)
        .join(task_records, task_records.c.id == task_observations.c.task_record_id)
        .where(task_records.c.interview_id == interview_id)
        .order_by(task_observations.c.offset_s, task_observations.c.id)
    ):
        observations.setdefault(o.task_record_id, []).append(
            {"uid": o.uid, "text": shared(o.text), "offset_s": o.offset_s}
        )
    shared_notes = [n for n in note_rows if not n.private]
    revision = max(
        [
            head.updated_at,
            *(n.updated_at for n in shared_notes),
            *(s.updated_at for s in rows(scores, scores.c.id)),
        ]
        + [when(a["amended_at"]) or head.updated_at for group in amendments.values() for a in group]
    )
    return {
        "uid": head.uid,
        "revision_at": iso(revision),
        "candidate": {
            "uid": head.c_uid,
            "name": head.c_name,
            "role": head.c_role,
            "email": head.c_email,
            "created_at": iso(head.c_created_at),
        },
        "interviewer": None
        if head.i_uid is None
        else {"uid": head.i_uid, "name": head.i_name, "email": head.i_email},
        "template": head.content_hash,
        "status": head.status,
        **{name: iso(getattr(head, name)) for name in INTERVIEW_TIMES},
        "current_section": head.current_section,
        "recommendation": head.recommendation,
        "summary": shared(head.summary),
        "aspirations": shared(head.aspirations),
        "seal_hash": head.seal_hash,
        "created_at": iso(head.created_at),
        "prior_submissions": head.prior_submissions if head.prior_submissions is not None else [],
        "timer_events": [
            {
                "uid": e.uid,
                "kind": e.kind,
                "at": iso(e.at),
                "offset_s": e.offset_s,
                "section_index": e.section_index,
            }
            for e in rows(timer_events, timer_events.c.offset_s, timer_events.c.id)
        ],
        "notes": [
            {
                "uid": n.uid,
                "section_index": n.section_index,
                "question_index": n.question_index,
                "text": n.text,
                "offset_s": n.offset_s,
                "created_at": iso(n.created_at),
                "updated_at": iso(n.updated_at),
            }
            for n in shared_notes
        ],
        "scores": score_list,
        "candidate_questions": [
            {
                "uid": q.uid,
                "text": shared(q.text),
                "topic": q.topic,
                "answer": shared(q.answer),
                "follow_up_owed": q.follow_up_owed,
                "offset_s": q.offset_s,
                "created_at": iso(q.created_at),
            }
            for q in question_rows
        ],
        "asked": [
            [r.section_index, r.question_index, r.offset_s]
            for r in rows(asked_questions, asked_questions.c.section_index, asked_questions.c.question_index)
        ],
        "checklist": [
            [r.item_index, r.offset_s] for r in rows(checklist_marks, checklist_marks.c.item_index)
        ],
        "tasks": [
            {
                "uid": t.uid,
                "task_id": t.task_id,
                "started_offset_s": t.started_offset_s,
                "ended_offset_s": t.ended_offset_s,
                "deliverable": shared(t.deliverable),
                "outcome": shared(t.outcome),
                "level": t.level,
                "observations": observations.get(t.id, []),
            }
            for t in rows(task_records, task_records.c.id)
        ],
        "follow_ups": [
            {
                "uid": f.uid,
                "kind": f.kind,
                "description": shared(f.description),
                "due": f.due.isoformat(),
                "done_at": iso(f.done_at),
                "candidate_question": question_uids.get(f.candidate_question_id),
            }
            for f in rows(follow_ups, follow_ups.c.due, follow_ups.c.id)
        ],
    }


def prior_submissions(connection: Connection, interview_id: int) -> list[dict[str, str]]:
    """Others' submissions of the same candidate that were on this laptop before this interview was
    sealed: imported from a bundle, or sealed in this very database. An imported interview carries
    what its author's laptop recorded."""
    head = connection.execute(
        select(interviews.c.candidate_id, interviews.c.sealed_at, interviews.c.prior_submissions).where(
            interviews.c.id == interview_id
        )
    ).one()
    if head.prior_submissions is not None:
        return list(head.prior_submissions)
    if head.sealed_at is None:
        return []
    arrived = (
        select(bundle_imports.c.interview_id, func.min(bundle_imports.c.imported_at).label("at"))
        .where(bundle_imports.c.kind == "submission")
        .group_by(bundle_imports.c.interview_id)
        .subquery()
    )
    # Typed here: visible from its own seal. Imported: from its first import as a submission.
    at = func.coalesce(arrived.c.at, interviews.c.sealed_at)
    query = (
        select(interviews.c.uid, at.label("at"))
        .outerjoin(arrived, arrived.c.interview_id == interviews.c.id)
        .where(
            interviews.c.candidate_id == head.candidate_id,
            interviews.c.id != interview_id,
            interviews.c.sealed_at.is_not(None),
            at < head.sealed_at,
        )
        .order_by(at, interviews.c.id)
    )
    return [{"interview": row.uid, "imported_at": iso(row.at) or ""} for row in connection.execute(query)]
