"""An interview as a bundle record, read from the tables and written back into them.

The record is the one the bundle format describes (resources/schema/bundle.schema.json): plain
JSON values keyed by global ids. Reading leaves out private notes and withholds their words from
every other field, as a shared PDF does; a score whose evidence lost words keeps the digest of what
was sealed. Writing inserts an interview the database has never seen, or replaces what a newer
revision of an imported one changed (a sealed score is never rewritten: it is the same by its seal).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
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


# -- writing --------------------------------------------------------------------------------------


def id_by_uid(connection: Connection, table: Any, uid: str) -> int | None:
    found = connection.scalar(select(table.c.id).where(table.c.uid == uid))
    return None if found is None else int(found)


def template_id_by_hash(connection: Connection, digest: str) -> int | None:
    found = connection.scalar(
        select(template_versions.c.id)
        .where(template_versions.c.content_hash == digest)
        .order_by(template_versions.c.id)
    )
    return None if found is None else int(found)


def insert_candidate(connection: Connection, candidate: dict[str, Any]) -> int:
    values = {**candidate, "created_at": when(candidate["created_at"])}
    return int(connection.execute(insert(candidates).values(values)).inserted_primary_key[0])  # type: ignore[index]


def lookalike_candidate(connection: Connection, candidate: dict[str, Any], exclude: int) -> int | None:
    """Another candidate who may be the same person: the same email, or the same name and role."""
    email = candidate["email"].strip().casefold()
    same_email = func.lower(candidates.c.email) == email if email else None
    same_name = (func.lower(candidates.c.name) == candidate["name"].casefold()) & (
        func.lower(candidates.c.role) == candidate["role"].casefold()
    )
    condition = same_name if same_email is None else (same_email | same_name)
    found = connection.scalar(
        select(candidates.c.id)
        .where(condition, candidates.c.id != exclude)
        .order_by(candidates.c.id)
        .limit(1)
    )
    return None if found is None else int(found)


def interviewer_for(connection: Connection, person: dict[str, Any]) -> int:
    """The interviewer by global id, else by name (a name is unique here), else a new one."""
    found = id_by_uid(connection, interviewers, person["uid"])
    if found is None:
        found = connection.scalar(select(interviewers.c.id).where(interviewers.c.name == person["name"]))
    if found is not None:
        return int(found)
    result = connection.execute(
        insert(interviewers).values(uid=person["uid"], name=person["name"], email=person["email"])
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def insert_interview(
    connection: Connection,
    record: dict[str, Any],
    *,
    candidate_id: int,
    interviewer_id: int | None,
    template_id: int,
) -> int:
    values = _interview_values(record)
    values.update(
        uid=record["uid"],
        candidate_id=candidate_id,
        interviewer_id=interviewer_id,
        template_id=template_id,
        created_at=when(record["created_at"]),
    )
    interview_id = int(connection.execute(insert(interviews).values(values)).inserted_primary_key[0])  # type: ignore[index]
    write_content(connection, interview_id, record, scores_too=True)
    _seal(connection, interview_id, record)
    return interview_id


def replace_interview(
    connection: Connection, interview_id: int, record: dict[str, Any], *, sealed_here: bool
) -> None:
    """A newer revision of an imported interview: everything it holds is replaced, except a sealed
    score (the same by its seal), to which the new amendments are added."""
    for table in (
        timer_events,
        notes,
        candidate_questions,
        asked_questions,
        checklist_marks,
        task_records,
        follow_ups,
    ):
        connection.execute(delete(table).where(table.c.interview_id == interview_id))
    if not sealed_here:
        connection.execute(delete(scores).where(scores.c.interview_id == interview_id))
    changed = _interview_values(record)
    if sealed_here:  # the seal, status, recommendation and summary are final, and equal by the seal
        for name in ("status", "recommendation", "summary"):
            changed.pop(name)
    connection.execute(update(interviews).where(interviews.c.id == interview_id).values(changed))
    write_content(connection, interview_id, record, scores_too=not sealed_here)
    if not sealed_here:
        _seal(connection, interview_id, record)


def record_import(connection: Connection, interview_id: int, **values: Any) -> None:
    connection.execute(insert(bundle_imports).values(interview_id=interview_id, **values))


def latest_import(connection: Connection, interview_id: int) -> AnyRow | None:
    return connection.execute(
        select(bundle_imports)
        .where(bundle_imports.c.interview_id == interview_id)
        .order_by(bundle_imports.c.revision_at.desc(), bundle_imports.c.id.desc())
        .limit(1)
    ).first()


def _interview_values(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "status": record["status"],
        **{name: when(record[name]) for name in INTERVIEW_TIMES if name != "sealed_at"},
        "current_section": record["current_section"],
        "recommendation": record["recommendation"],
        "summary": record["summary"],
        "aspirations": record["aspirations"],
        # What its author's laptop held before the seal; unsealed, it is worked out where it is sealed.
        "prior_submissions": record["prior_submissions"] if record["seal_hash"] is not None else None,
        "updated_at": when(record["revision_at"]),
    }


def _seal(connection: Connection, interview_id: int, record: dict[str, Any]) -> None:
    """The seal last, once the scores are in: the sealed-is-final triggers guard it from then on."""
    if record["seal_hash"] is None:
        return
    connection.execute(
        update(interviews)
        .where(interviews.c.id == interview_id)
        .values(sealed_at=when(record["sealed_at"]), seal_hash=record["seal_hash"], status=record["status"])
    )


def write_content(
    connection: Connection, interview_id: int, record: dict[str, Any], *, scores_too: bool
) -> None:
    def put(table: Any, items: list[dict[str, Any]]) -> None:
        if items:
            connection.execute(insert(table), [{"interview_id": interview_id, **item} for item in items])

    put(
        timer_events,
        [{**e, "at": when(e["at"])} for e in record["timer_events"]],
    )
    put(
        notes,
        [
            {**n, "created_at": when(n["created_at"]), "updated_at": when(n["updated_at"])}
            for n in record["notes"]
        ],
    )
    put(
        candidate_questions,
        [{**q, "created_at": when(q["created_at"])} for q in record["candidate_questions"]],
    )
    put(
        asked_questions,
        [{"section_index": s, "question_index": q, "offset_s": o} for s, q, o in record["asked"]],
    )
    put(checklist_marks, [{"item_index": i, "offset_s": o} for i, o in record["checklist"]])
    question_ids = {
        uid: qid
        for qid, uid in connection.execute(
            select(candidate_questions.c.id, candidate_questions.c.uid).where(
                candidate_questions.c.interview_id == interview_id
            )
        )
    }
    put(
        follow_ups,
        [
            {
                "uid": f["uid"],
                "kind": f["kind"],
                "description": f["description"],
                "due": date.fromisoformat(f["due"]),
                "done_at": when(f["done_at"]),
                "candidate_question_id": question_ids.get(f["candidate_question"]),
            }
            for f in record["follow_ups"]
        ],
    )
    for task in record["tasks"]:
        values = {k: v for k, v in task.items() if k != "observations"}
        task_id = connection.execute(
            insert(task_records).values(interview_id=interview_id, **values)
        ).inserted_primary_key[0]  # type: ignore[index]
        if task["observations"]:
            connection.execute(
                insert(task_observations), [{"task_record_id": task_id, **o} for o in task["observations"]]
            )
    known = dict(
        connection.execute(
            select(scores.c.uid, scores.c.id).where(scores.c.interview_id == interview_id)
        ).all()
    )
    for score in record["scores"]:
        score_id = known.get(score["uid"])
        placeholder = score["level"] is None and score["evidence"] == "" and score["evidence_sha256"] is None
        if score_id is None and (scores_too or placeholder):  # a placeholder: amended after the seal
            values = {k: v for k, v in score.items() if k != "amendments"}
            values["updated_at"] = when(values["updated_at"])
            score_id = connection.execute(
                insert(scores).values(interview_id=interview_id, **values)
            ).inserted_primary_key[0]  # type: ignore[index]
        if score_id is None:
            continue
        have = set(
            connection.scalars(select(score_amendments.c.uid).where(score_amendments.c.score_id == score_id))
        )
        new = [
            {**a, "amended_at": when(a["amended_at"])} for a in score["amendments"] if a["uid"] not in have
        ]
        if new:
            connection.execute(insert(score_amendments), [{"score_id": score_id, **a} for a in new])
