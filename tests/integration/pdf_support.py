"""Helpers for the PDF tests: an interview stored exactly as described, and a PDF's text read back."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from interviewdesk.domain.vocabulary import InterviewStatus, QuestionTopic
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.replay import InterviewScript, replay
from interviewdesk.services.template_library import resolve_template_id
from interviewdesk.store.database import Database
from interviewdesk.store.tables import template_versions
from interviewdesk.templates.model import Template

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@dataclass
class Spec:
    candidate: str = "Zoë Ångström"
    interviewer: str = "Kwame Mensah"
    template: str = "general-structured"
    section_minutes: list[float] | None = None  # None: exactly as planned
    asked: set[tuple[int, int]] | None = None  # None: every script question
    scores: dict[str, tuple[int | None, str]] = field(default_factory=dict)  # None: every competency, level 3
    notes: list[tuple[int, float, str, bool]] = field(default_factory=list)  # section, offset, text, private
    questions: list[tuple[str, QuestionTopic, str, bool]] = field(default_factory=list)
    amendments: list[tuple[str, int, str]] = field(default_factory=list)  # competency, level, reason
    status: InterviewStatus = InterviewStatus.SUBMITTED


def store_interview(db: Database, spec: Spec, *, candidate_id: int | None = None) -> tuple[int, int]:
    """Run an interview as ``spec`` says, through the live session and the real writer; returns
    (candidate id, interview id). A new candidate unless ``candidate_id`` names one (a panel)."""
    if candidate_id is None:
        candidate_id = add_candidate(db, spec.candidate, role="Analyst")
    interview_id = plan_interview(
        db,
        candidate_id=candidate_id,
        template_ref=spec.template,
        interviewer=spec.interviewer,
        scheduled_at=START,
    )
    template = Template.from_dict(template_body(db, spec.template))
    scores = spec.scores or {c.id: (3, f"Evidence for {c.name}.") for c in template.competencies}
    script = InterviewScript(
        section_minutes=spec.section_minutes,
        notes=[(section, None, at, text, private) for section, at, text, private in spec.notes],
        asked=spec.asked,
        scores=scores,
        questions=spec.questions,
        recommendation="yes",
        summary="Solid answers with specific examples.",
        aspirations="Wants to lead a small team within two years.",
        submit=spec.status is InterviewStatus.SUBMITTED,
        amendments=spec.amendments,
    )
    replay(db, interview_id, script, START)
    return candidate_id, interview_id


def template_body(db: Database, ref: str) -> dict:  # type: ignore[type-arg]
    version_id = resolve_template_id(db, ref)
    with db.begin() as connection:
        query = select(template_versions.c.body).where(template_versions.c.id == version_id)
        return connection.execute(query).scalar_one()


@dataclass
class PdfText:
    pages: list[str]

    @property
    def flat(self) -> str:
        """All text with every run of whitespace made one space: table cells wrap anywhere."""
        return " ".join(" ".join(self.pages).split())

    def has(self, text: str) -> bool:
        return " ".join(text.split()) in self.flat


def read_pdf(path: Path) -> PdfText:
    """Every page's text, with Arabic's contextual glyphs (drawn as presentation forms) read back as
    the letters they are (NFKC); test_pdf_arabic.py checks the forms themselves."""
    reader = PdfReader(path)
    return PdfText([_letters(page.extract_text() or "") for page in reader.pages])


def _letters(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in text)


def font_names(path: Path) -> set[str]:
    """The base names of every font the PDF's pages use (subset prefixes removed)."""
    names: set[str] = set()
    for page in PdfReader(path).pages:
        # Resolved one level at a time: older pypdf hands back indirect references here.
        resources = page.get("/Resources", {}).get_object()
        fonts = resources.get("/Font", {}).get_object()
        for ref in fonts.values():
            base = str(ref.get_object().get("/BaseFont", ""))
            names.add(re.sub(r"^/?([A-Z]{6}\+)?", "", base))
    return names


def placed_text(path: Path, page: int = 0) -> list[tuple[float, float, str]]:
    """Each piece of text drawn on a page with where it was drawn: (baseline y, x, text)."""
    placed: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            placed.append((round(tm[5] + cm[5], 1), round(tm[4] + cm[4], 1), _letters(text.strip())))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return placed


def drawn_text(path: Path, page: int = 0) -> list[str]:
    """The text pieces of a page exactly as drawn (Arabic in its presentation forms)."""
    pieces: list[str] = []

    def visit(text: str, *_args: object) -> None:
        if text.strip():
            pieces.append(text.strip())

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return pieces
