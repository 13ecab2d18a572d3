"""Stored template versions parsed once: a version's content never changes, so a parsed one is
kept, by its content hash, for every later search or comparison in this process."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from interviewdesk.store import catalog
from interviewdesk.templates.model import Template

KEEP = 64
_parsed: dict[str, Template | None] = {}


def parsed_template(connection: Connection, version_id: int, content_hash: str) -> Template | None:
    """The template version ``version_id`` (whose content hash is ``content_hash``); None if gone."""
    if content_hash not in _parsed:
        body = catalog.template_body(connection, version_id)
        if len(_parsed) >= KEEP:
            _parsed.clear()
        _parsed[content_hash] = Template.from_dict(body) if body is not None else None
    return _parsed[content_hash]
