"""Helpers for the PDF tests: an interview stored exactly as described, and a PDF's text read back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader

from interviewdesk.domain.scoring import ScoreValue, seal_digest
from interviewdesk.domain.vocabulary import InterviewStatus, QuestionTopic, TimerEventKind
from interviewdesk.services.planning import add_candidate, interviewer_id
from interviewdesk.services.template_library import resolve_template_id
from interviewdesk.store.database import Database
from interviewdesk.store.models import (
    AskedQuestion,
    CandidateQuestion,
    Interview,
    Note,
    Score,
    ScoreAmendment,
    TemplateVersion,
    TimerEvent,
)
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


def store_interview(db: Database, spec: Spec) -> tuple[int, int]:
    """Store an interview as ``spec`` says; returns (candidate id, interview id)."""
    candidate_id = add_candidate(db, spec.candidate, role="Analyst")
    template_id = resolve_template_id(db, spec.template)
    with db.session() as session:
        row = session.get(TemplateVersion, template_id)
        assert row is not None
        template = Template.from_dict(row.body)
        minutes = spec.section_minutes or [s.minutes for s in template.sections]
        total = sum(minutes) * 60.0
        interview = Interview(
            candidate_id=candidate_id,
            template_id=template_id,
            interviewer_id=interviewer_id(session.connection(), spec.interviewer),
            scheduled_at=START,
            started_at=START,
            ended_at=START + timedelta(seconds=total),
            status=spec.status,
            recommendation="yes",
            summary="Solid answers with specific examples.",
            aspirations="Wants to lead a small team within two years.",
        )
        session.add(interview)
        session.flush()
        iid = interview.id
        session.add(
            TimerEvent(interview_id=iid, kind=TimerEventKind.START, at=START, offset_s=0.0, section_index=0)
        )
        offset = 0.0
        for index, spent in enumerate(minutes[:-1]):
            offset += spent * 60.0
            session.add(
                TimerEvent(
                    interview_id=iid,
                    kind=TimerEventKind.SECTION,
                    at=START + timedelta(seconds=offset),
                    offset_s=offset,
                    section_index=index + 1,
                )
            )
        session.add(
            TimerEvent(
                interview_id=iid, kind=TimerEventKind.END, at=START + timedelta(seconds=total), offset_s=total
            )
        )
        asked = spec.asked
        if asked is None:
            asked = {
                (s, q) for s, section in enumerate(template.sections) for q in range(len(section.questions))
            }
        for s, q in sorted(asked):
            session.add(AskedQuestion(interview_id=iid, section_index=s, question_index=q))
        scores = spec.scores or {c.id: (3, f"Evidence for {c.name}.") for c in template.competencies}
        stored = {}
        for cid, (level, evidence) in scores.items():
            stored[cid] = Score(interview_id=iid, competency_id=cid, level=level, evidence=evidence)
            session.add(stored[cid])
        for section, at, text, private in spec.notes:
            session.add(
                Note(interview_id=iid, section_index=section, offset_s=at, text=text, private=private)
            )
        for text, topic, answer, owed in spec.questions:
            session.add(
                CandidateQuestion(
                    interview_id=iid, text=text, topic=topic, answer=answer, follow_up_owed=owed
                )
            )
        if spec.status is InterviewStatus.SUBMITTED:
            interview.sealed_at = START + timedelta(seconds=total + 600)
            values = [ScoreValue(cid, level, ev) for cid, (level, ev) in scores.items()]
            interview.seal_hash = seal_digest(iid, "yes", values)
        session.flush()
        for cid, level, reason in spec.amendments:
            session.add(
                ScoreAmendment(
                    score_id=stored[cid].id,
                    level=level,
                    evidence=stored[cid].evidence,
                    reason=reason,
                    amended_at=START + timedelta(days=1),
                )
            )
    return candidate_id, iid


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
    reader = PdfReader(path)
    return PdfText([page.extract_text() or "" for page in reader.pages])


def font_names(path: Path) -> set[str]:
    """The base names of every font the PDF's pages use (subset prefixes removed)."""
    names: set[str] = set()
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            base = str(ref.get_object().get("/BaseFont", ""))
            names.add(re.sub(r"^/?([A-Z]{6}\+)?", "", base))
    return names
