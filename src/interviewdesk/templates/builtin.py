"""The templates that ship with InterviewDesk (resources/templates/*.yaml)."""

from __future__ import annotations

from interviewdesk.resources import resource
from interviewdesk.templates.loader import LoadedTemplate, parse_template_text


def builtin_templates() -> list[LoadedTemplate]:
    folder = resource("templates")
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)
    return [parse_template_text(e.read_text(encoding="utf-8"), f"built-in {e.name}") for e in entries]
