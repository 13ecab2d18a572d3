"""The library of role templates: import (a new version on every change), list, export."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from interviewdesk.atomic import write_text_atomic
from interviewdesk.errors import NotFoundError
from interviewdesk.store.database import Database
from interviewdesk.store.models import TemplateVersion
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


def _summary(row: TemplateVersion) -> TemplateSummary:
    minutes = sum(float(s["minutes"]) for s in row.body["sections"])
    return TemplateSummary(row.id, row.slug, row.version, row.name, row.role, row.kind, minutes)


def store_template(db: Database, loaded: LoadedTemplate) -> ImportResult:
    """Store a validated template; a changed template with a known id becomes its next version."""
    digest = content_hash(loaded.data)
    slug = loaded.template.id
    with db.session() as session:
        latest = session.scalars(
            select(TemplateVersion)
            .where(TemplateVersion.slug == slug)
            .order_by(TemplateVersion.version.desc())
        ).first()
        if latest is not None and latest.content_hash == digest:
            return ImportResult(_summary(latest), created=False)
        row = TemplateVersion(
            slug=slug,
            version=(latest.version + 1) if latest else 1,
            name=loaded.template.name,
            role=loaded.template.role,
            kind=loaded.template.kind,
            body=loaded.data,
            source_text=loaded.source_text,
            content_hash=digest,
        )
        session.add(row)
        session.flush()
        return ImportResult(_summary(row), created=True)


def import_template_file(db: Database, path: Path) -> ImportResult:
    return store_template(db, read_template_file(path))


def seed_builtin_templates(db: Database) -> None:
    from interviewdesk.templates.builtin import builtin_templates

    for loaded in builtin_templates():
        store_template(db, loaded)


def list_templates(db: Database, *, latest_only: bool = True) -> list[TemplateSummary]:
    with db.session() as session:
        query = select(TemplateVersion).order_by(TemplateVersion.name, TemplateVersion.version)
        if latest_only:
            newest = (
                select(TemplateVersion.slug, func.max(TemplateVersion.version).label("version"))
                .group_by(TemplateVersion.slug)
                .subquery()
            )
            query = query.join(
                newest,
                (TemplateVersion.slug == newest.c.slug) & (TemplateVersion.version == newest.c.version),
            )
        return [_summary(row) for row in session.scalars(query)]


def resolve_template_id(db: Database, ref: str | int) -> int:
    """A template version's id from a numeric id, or from a template's id (its newest version)."""
    with db.session() as session:
        if isinstance(ref, int) or str(ref).isdigit():
            row = session.get(TemplateVersion, int(ref))
        else:
            row = session.scalars(
                select(TemplateVersion)
                .where(TemplateVersion.slug == ref)
                .order_by(TemplateVersion.version.desc())
            ).first()
        if row is None:
            raise NotFoundError(f"no template {ref!r}; `interviewdesk templates list` shows them.")
        return row.id


def load_template(db: Database, template_version_id: int) -> Template:
    with db.session() as session:
        row = session.get(TemplateVersion, template_version_id)
        if row is None:
            raise NotFoundError(f"no template {template_version_id}.")
        return Template.from_dict(row.body)


def export_template(db: Database, ref: str | int, target: Path) -> TemplateSummary:
    """Write a stored template version back as the YAML text it was imported from."""
    version_id = resolve_template_id(db, ref)
    with db.session() as session:
        row = session.get(TemplateVersion, version_id)
        assert row is not None
        write_text_atomic(target, row.source_text)
        return _summary(row)
