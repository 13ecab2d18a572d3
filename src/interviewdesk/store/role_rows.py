"""What comparing the candidates of a role reads, for all of them at once: a few set-wise queries,
never one per interview (a role of 500 candidates has some 1,500 interviews)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from interviewdesk.domain.timer import TimerEventData
from interviewdesk.domain.vocabulary import InterviewStatus, TimerEventKind
from interviewdesk.store.id_lists import among
from interviewdesk.store.tables import (
    asked_questions,
    candidates,
    interviewers,
    interviews,
    score_amendments,
    scores,
    template_versions,
    timer_events,
)
from interviewdesk.store.types import AnyRow


@dataclass(frozen=True, slots=True)
class RoleRows:
    interviews: list[AnyRow]  # with the candidate's name, the interviewer and the template version
    levels: dict[int, dict[str, int]]  # per interview: each competency's level (amended if it was)
    asked: dict[int, int]  # per interview: script questions marked asked
    events: dict[int, list[TimerEventData]]  # per interview, in order


def roles(connection: Connection) -> list[AnyRow]:
    """Each role named on a candidate (in any case): ``role``, ``candidates``, ``interviews`` (not
    cancelled)."""
    live = interviews.c.status != InterviewStatus.CANCELLED
    return list(
        connection.execute(
            select(
                func.min(candidates.c.role).label("role"),  # one spelling of it: "Software Engineer"
                func.count(func.distinct(candidates.c.id)).label("candidates"),
                func.count(interviews.c.id).filter(live).label("interviews"),
            )
            .outerjoin(interviews, interviews.c.candidate_id == candidates.c.id)
            .where(candidates.c.role != "")
            .group_by(func.lower(candidates.c.role))  # as compared: in any case
            .order_by(func.lower(candidates.c.role))
        )
    )


def role_candidates(connection: Connection, role: str) -> list[AnyRow]:
    """Every candidate whose role is ``role`` (any case), interviewed or not: ``id``, ``name``."""
    return list(
        connection.execute(
            select(candidates.c.id, candidates.c.name)
            .where(func.lower(candidates.c.role) == role.lower())
            .order_by(candidates.c.name, candidates.c.id)
        )
    )


def role_rows(
    connection: Connection, *, role: str | None = None, template_slug: str | None = None
) -> RoleRows:
    """Every interview (but the cancelled) of the candidates whose role is ``role`` (any case), or
    of those interviewed with the template ``template_slug``."""
    query = (
        select(
            interviews.c.id,
            interviews.c.candidate_id,
            candidates.c.name.label("candidate"),
            candidates.c.role.label("role_name"),
            interviews.c.status,
            interviews.c.recommendation,
            interviews.c.template_id,
            template_versions.c.content_hash,
            template_versions.c.slug,
            template_versions.c.version.label("template_version"),
            func.coalesce(interviewers.c.name, "").label("interviewer"),
        )
        .join_from(interviews, candidates)
        .join(template_versions, template_versions.c.id == interviews.c.template_id)
        .outerjoin(interviewers, interviewers.c.id == interviews.c.interviewer_id)
        .where(interviews.c.status != InterviewStatus.CANCELLED)
        .order_by(candidates.c.name, candidates.c.id, interviews.c.id)
    )
    if role is not None:
        query = query.where(func.lower(candidates.c.role) == role.lower())
    if template_slug is not None:
        query = query.where(template_versions.c.slug == template_slug)
    found = list(connection.execute(query))
    ids = [row.id for row in found]
    return RoleRows(found, _levels(connection, ids), _asked(connection, ids), _events(connection, ids))


def _tuples(connection: Connection, query: Any) -> list[Any]:
    """The driver's plain tuples: thousands of rows of a few numbers, without Row objects (which
    took a third of a role's comparison)."""
    result = connection.execute(query)
    try:
        return list(result.cursor.fetchall()) if result.cursor is not None else []
    finally:
        result.close()


def _levels(connection: Connection, ids: list[int]) -> dict[int, dict[str, int]]:
    levels: dict[int, dict[str, int]] = defaultdict(dict)
    query = select(scores.c.interview_id, scores.c.competency_id, scores.c.level).where(
        among(connection, scores.c.interview_id, ids)
    )
    for interview_id, competency_id, level in _tuples(connection, query):
        if level is not None:
            levels[interview_id][competency_id] = level
    # An amendment made after the seal counts at its value; the latest of several.
    amended = (
        select(scores.c.interview_id, scores.c.competency_id, score_amendments.c.level)
        .join_from(score_amendments, scores)
        .where(among(connection, scores.c.interview_id, ids))
        .order_by(score_amendments.c.amended_at, score_amendments.c.id)
    )
    for interview_id, competency_id, level in _tuples(connection, amended):
        if level is None:
            levels[interview_id].pop(competency_id, None)
        else:
            levels[interview_id][competency_id] = level
    return dict(levels)


def _asked(connection: Connection, ids: list[int]) -> dict[int, int]:
    rows = connection.execute(
        select(asked_questions.c.interview_id, func.count())
        .where(among(connection, asked_questions.c.interview_id, ids))
        .group_by(asked_questions.c.interview_id)
    )
    return {int(interview_id): int(count) for interview_id, count in rows}


def _events(connection: Connection, ids: list[int]) -> dict[int, list[TimerEventData]]:
    events: dict[int, list[TimerEventData]] = defaultdict(list)
    kinds = {kind.value: kind for kind in TimerEventKind}
    rows = connection.execute(
        select(
            timer_events.c.interview_id,
            timer_events.c.kind,
            timer_events.c.offset_s,
            timer_events.c.section_index,
        )
        .where(among(connection, timer_events.c.interview_id, ids))
        .order_by(timer_events.c.interview_id, timer_events.c.offset_s, timer_events.c.id)
    )
    for interview_id, kind, offset, section in rows:
        events[interview_id].append(TimerEventData(kinds[kind], offset, section))
    return dict(events)
