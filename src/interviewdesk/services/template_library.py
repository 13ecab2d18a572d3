"""The library of role templates: import (a new version on every change), list, export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection

from interviewdesk.atomic import write_text_atomic
from interviewdesk.errors import NotFoundError
from interviewdesk.store import catalog
from interviewdesk.store.database import Database
from interviewdesk.store.types import AnyRow
from interviewdesk.templates.loader import LoadedTemplate
from interviewdesk.templates.model import Template


@dataclass(frozen=True, slots=True)
class TemplateSummary:
    id: int
    slug: str
    version: int
    name: str
    role: str
    kind: str
    planned_minutes: float


@dataclass(frozen=True, slots=True)
class ImportResult:
    summary: TemplateSummary
    created: bool  # False: the same content was already stored as this version


def _summary(row: AnyRow) -> TemplateSummary:
    minutes = sum(float(s["minutes"]) for s in row.body["sections"])
    return TemplateSummary(row.id, row.slug, row.version, row.name, row.role, row.kind, minutes)


def _save(connection: Connection, loaded: LoadedTemplate) -> tuple[AnyRow, bool]:
    template = loaded.template
    return catalog.save_template(
        connection,
        slug=template.id,
        name=template.name,
        role=template.role,
        kind=template.kind,
        body=loaded.data,
        source_text=loaded.source_text,
    )


def save_loaded(connection: Connection, loaded: LoadedTemplate) -> int:
    """Store a template version that came in a bundle (checked by its content hash); its id."""
    return int(_save(connection, loaded)[0].id)


def store_template(db: Database, loaded: LoadedTemplate) -> ImportResult:
    """Store a validated template; a changed template with a known id becomes its next version."""
    with db.begin() as connection:
        row, created = _save(connection, loaded)
    return ImportResult(_summary(row), created=created)


def ensure_builtin_templates(db: Database) -> None:
    """A database with no template at all gets the role templates that ship with InterviewDesk
    (a new one, or one whose first start stopped before they were stored)."""
    with db.begin() as connection:
        if catalog.has_templates(connection):
            return
    from interviewdesk.templates.builtin import builtin_templates

    loaded = builtin_templates()  # parsed outside the transaction: it takes a moment
    with db.begin() as connection:
        if not catalog.has_templates(connection):
            for template in loaded:
                _save(connection, template)


def list_templates(db: Database, *, latest_only: bool = True) -> list[TemplateSummary]:
    with db.begin() as connection:
        return [_summary(row) for row in catalog.template_versions(connection, latest_only=latest_only)]


def template_usage(db: Database) -> dict[int, int]:
    """How many interviews use each template version (versions nobody used are absent)."""
    with db.begin() as connection:
        return catalog.interviews_per_template(connection)


def template_model(db: Database, version_id: int) -> Template:
    """A stored template version, to show it as it is."""
    with db.begin() as connection:
        body = catalog.template_body(connection, version_id)
    if body is None:
        raise NotFoundError(f"no template version {version_id}; `interviewdesk templates list` shows them.")
    return Template.from_dict(body)


def resolve_template_id(db: Database, ref: str | int) -> int:
    """A template version's id from a numeric id, or from a template's id (its newest version)."""
    with db.begin() as connection:
        found = catalog.template_version_id(connection, ref)
    if found is None:
        raise NotFoundError(f"no template {ref!r}; `interviewdesk templates list` shows them.")
    return found


def export_template(db: Database, ref: str | int, target: Path) -> TemplateSummary:
    """Write a stored template version back as the YAML text it was imported from."""
    version_id = resolve_template_id(db, ref)
    with db.begin() as connection:
        row = catalog.template_with_source(connection, version_id)
    write_text_atomic(target, row.source_text)
    return _summary(row)
