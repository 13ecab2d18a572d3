"""Role templates: the file format, its validation and the built-in set. No Qt, no database."""

from interviewdesk.templates.model import (
    Competency,
    Question,
    Recommendation,
    ScaleLevel,
    Section,
    SectionKind,
    Task,
    Template,
)

__all__ = [
    "Competency",
    "Question",
    "Recommendation",
    "ScaleLevel",
    "Section",
    "SectionKind",
    "Task",
    "Template",
]
