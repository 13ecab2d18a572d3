"""Queries and inserts for the catalogue: template versions, candidates, interviewers, interviews.

Plain Core statements over the tables, each taking an open connection, so a service decides what
one transaction holds. Rows come back as SQLAlchemy ``Row`` tuples; the services turn them into
their own dataclasses.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from interviewdesk.domain.digest import content_hash
from interviewdesk.store.tables import candidates, interviewers, interviews
from interviewdesk.store.tables import template_versions as tv
from interviewdesk.store.types import AnyRow, inserted_id

TEMPLATE_SUMMARY = (tv.c.id, tv.c.slug, tv.c.version, tv.c.name, tv.c.role, tv.c.kind, tv.c.body)


def save_template(
    connection: Connection,
    *,
    slug: str,
    name: str,
    role: str,
    kind: str,
    body: dict[str, Any],
    source_text: str,
) -> tuple[AnyRow, bool]:
    """Store a validated template as the next version of its id, unless its content is unchanged.

    Returns the stored version's summary row and whether a new version was made.
    """
    digest = content_hash(body)
    latest = connection.execute(
        select(*TEMPLATE_SUMMARY, tv.c.content_hash).where(tv.c.slug == slug).order_by(tv.c.version.desc())
    ).first()
    if latest is not None and latest.content_hash == digest:
        return latest, False
    values = {
        "slug": slug,
        "version": (latest.version + 1) if latest else 1,
        "name": name,
        "role": role,
        "kind": kind,
        "body": body,
        "source_text": source_text,
        "content_hash": digest,
    }
    new_id = inserted_id(connection.execute(insert(tv).values(values)))
    return connection.execute(select(*TEMPLATE_SUMMARY).where(tv.c.id == new_id)).one(), True


def has_templates(connection: Connection) -> bool:
    return connection.execute(select(tv.c.id).limit(1)).first() is not None


def template_versions(connection: Connection, *, latest_only: bool) -> list[AnyRow]:
    query = select(*TEMPLATE_SUMMARY).order_by(tv.c.name, tv.c.version)
    if latest_only:
        newest = select(tv.c.slug, func.max(tv.c.version).label("version")).group_by(tv.c.slug).subquery()
        query = query.join(newest, (tv.c.slug == newest.c.slug) & (tv.c.version == newest.c.version))
    return list(connection.execute(query))


def template_version_id(connection: Connection, ref: str | int) -> int | None:
    """A version by its numeric id, or a template's newest version by its slug."""
    if isinstance(ref, int) or str(ref).isdigit():
        query = select(tv.c.id).where(tv.c.id == int(ref))
    else:
        query = select(tv.c.id).where(tv.c.slug == ref).order_by(tv.c.version.desc()).limit(1)
    found = connection.scalar(query)
    return None if found is None else int(found)


def interviews_per_template(connection: Connection) -> dict[int, int]:
    """How many interviews (of any status) use each template version."""
    query = select(interviews.c.template_id, func.count()).group_by(interviews.c.template_id)
    return {int(template_id): int(count) for template_id, count in connection.execute(query)}


def template_body(connection: Connection, version_id: int) -> dict[str, Any] | None:
    found = connection.scalar(select(tv.c.body).where(tv.c.id == version_id))
    return None if found is None else dict(found)


def template_with_source(connection: Connection, version_id: int) -> AnyRow:
    return connection.execute(select(*TEMPLATE_SUMMARY, tv.c.source_text).where(tv.c.id == version_id)).one()


def insert_candidate(connection: Connection, name: str, role: str, email: str) -> int:
    values = {"name": name, "role": role, "email": email}
    return inserted_id(connection.execute(insert(candidates).values(values)))


def candidate_exists(connection: Connection, candidate_id: int) -> bool:
    return connection.scalar(select(candidates.c.id).where(candidates.c.id == candidate_id)) is not None


def interview_exists(connection: Connection, interview_id: int) -> bool:
    return connection.scalar(select(interviews.c.id).where(interviews.c.id == interview_id)) is not None


def candidates_with_counts(connection: Connection) -> list[AnyRow]:
    """(id, name, role, number of interviews) for every candidate, by name."""
    counts = (
        select(interviews.c.candidate_id, func.count().label("n"))
        .group_by(interviews.c.candidate_id)
        .subquery()
    )
    query = (
        select(
            candidates.c.id,
            candidates.c.name,
            candidates.c.role,
            func.coalesce(counts.c.n, 0).label("interviews"),
        )
        .outerjoin(counts, counts.c.candidate_id == candidates.c.id)
        .order_by(candidates.c.name, candidates.c.id)
    )
    return list(connection.execute(query))


def interviewer_id(connection: Connection, name: str) -> int:
    """The id of the interviewer with this exact name, added if new."""
    found = connection.scalar(select(interviewers.c.id).where(interviewers.c.name == name))
    if found is not None:
        return int(found)
    return inserted_id(connection.execute(insert(interviewers).values(name=name)))


def insert_interview(
    connection: Connection,
    *,
    candidate_id: int,
    template_id: int,
    interviewer_id: int | None,
    scheduled_at: datetime | None,
) -> int:
    values = {
        "candidate_id": candidate_id,
        "template_id": template_id,
        "interviewer_id": interviewer_id,
        "scheduled_at": scheduled_at,
    }
    return inserted_id(connection.execute(insert(interviews).values(values)))
