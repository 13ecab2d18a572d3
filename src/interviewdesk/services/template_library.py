"""The library of role templates: import (a new version on every change), list, export."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Row

from interviewdesk.atomic import write_text_atomic
from interviewdesk.errors import NotFoundError
from interviewdesk.store import catalog
from interviewdesk.store.database import Database
from interviewdesk.templates.loader import LoadedTemplate, read_template_file
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


def content_hash(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _summary(row: Row[Any]) -> TemplateSummary:
    minutes = sum(float(s["minutes"]) for s in row.body["sections"])
    return TemplateSummary(row.id, row.slug, row.version, row.name, row.role, row.kind, minutes)


def store_template(db: Database, loaded: LoadedTemplate) -> ImportResult:
    """Store a validated template; a changed template with a known id becomes its next version."""
    digest = content_hash(loaded.data)
    with db.begin() as connection:
        latest = catalog.latest_template_version(connection, loaded.template.id)
        if latest is not None and latest.content_hash == digest:
            return ImportResult(_summary(latest), created=False)
        row = catalog.insert_template_version(
            connection,
            slug=loaded.template.id,
            version=(latest.version + 1) if latest else 1,
            name=loaded.template.name,
            role=loaded.template.role,
            kind=loaded.template.kind,
            body=loaded.data,
            source_text=loaded.source_text,
            content_hash=digest,
        )
        return ImportResult(_summary(row), created=True)


def import_template_file(db: Database, path: Path) -> ImportResult:
    return store_template(db, read_template_file(path))


def seed_builtin_templates(db: Database) -> None:
    from interviewdesk.templates.builtin import builtin_templates

    for loaded in builtin_templates():
        store_template(db, loaded)


def list_templates(db: Database, *, latest_only: bool = True) -> list[TemplateSummary]:
    with db.begin() as connection:
        return [_summary(row) for row in catalog.template_versions(connection, latest_only=latest_only)]


def resolve_template_id(db: Database, ref: str | int) -> int:
    """A template version's id from a numeric id, or from a template's id (its newest version)."""
    with db.begin() as connection:
        found = catalog.template_version_id(connection, ref)
    if found is None:
        raise NotFoundError(f"no template {ref!r}; `interviewdesk templates list` shows them.")
    return found


def load_template(db: Database, template_version_id: int) -> Template:
    with db.begin() as connection:
        body = catalog.template_body(connection, template_version_id)
    if body is None:
        raise NotFoundError(f"no template {template_version_id}.")
    return Template.from_dict(body)


def export_template(db: Database, ref: str | int, target: Path) -> TemplateSummary:
    """Write a stored template version back as the YAML text it was imported from."""
    version_id = resolve_template_id(db, ref)
    with db.begin() as connection:
        row = catalog.template_with_source(connection, version_id)
    write_text_atomic(target, row.source_text)
    return _summary(row)
