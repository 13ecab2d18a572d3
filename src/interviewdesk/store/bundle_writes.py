"""Writing a bundle's interview records into the tables: a new interview inserted whole, or a
newer revision of an imported one replacing the older copy (a sealed score is never rewritten: it is
the same by its seal; new amendments are added). Every import that changed something is recorded.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from interviewdesk.store.bundle_rows import INTERVIEW_TIMES, when
from interviewdesk.store.tables import (
    asked_questions,
    bundle_imports,
    candidate_aliases,
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


def id_by_uid(connection: Connection, table: Any, uid: str) -> int | None:
    found = connection.scalar(select(table.c.id).where(table.c.uid == uid))
    return None if found is None else int(found)


def candidate_by_uid(connection: Connection, uid: str) -> int | None:
    """The candidate known by ``uid``, also when it was merged into another one."""
    found = id_by_uid(connection, candidates, uid)
    if found is None:
        found = connection.scalar(
            select(candidate_aliases.c.candidate_id).where(candidate_aliases.c.uid == uid)
        )
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
