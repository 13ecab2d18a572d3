"""An interview as it was run, replayed through the live session and the real writer.

The demo, the tests and the benchmarks make their interviews this way, on a manual clock, so what
they store is exactly what an interviewer's keys would have stored: the same timer events, the same
seal, the same follow-ups. Nothing here writes rows by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.records import NotesField, Paragraph
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.services.live_changes import ChangeWriter
from interviewdesk.services.live_session import LiveSession, open_live_session
from interviewdesk.store.database import Database
from interviewdesk.templates.model import SectionKind

NoteLine = tuple[
    int, int | None, float, str, bool
]  # section, question (None: the section's), offset, text, private


@dataclass(frozen=True)
class InterviewScript:
    """What happened in one interview. Offsets are seconds since the start."""

    section_minutes: Sequence[float] | None = None  # None: each section as planned
    notes: Sequence[NoteLine] = ()
    asked: set[tuple[int, int]] | None = None  # None: every question of the script
    checklist: Sequence[int] = ()
    scores: Mapping[str, tuple[int | None, str]] = field(default_factory=dict)
    questions: Sequence[tuple[str, QuestionTopic, str, bool]] = ()  # text, topic, answer, follow-up owed
    recommendation: str | None = None
    summary: str = ""
    aspirations: str = ""
    submit: bool = True
    seal_after_s: float = 600.0  # after the end
    amendments: Sequence[tuple[str, int | None, str]] = ()  # competency, level, reason
    amend_at_s: float = 86_400.0  # a day after the start


def replay(db: Database, interview_id: int, script: InterviewScript, start: datetime) -> LiveSession:
    """Run ``script`` on a planned interview that started at ``start``, and write it all."""
    clock = ManualClock(0.0)
    session = open_live_session(db, interview_id, clock, now=lambda: start + timedelta(seconds=clock.now))
    template = session.template
    minutes = list(script.section_minutes or [s.minutes for s in template.sections])
    session.start()
    for index, spent in enumerate(minutes):
        if index:
            session.go_to_section(index)
        if template.sections[index].kind is SectionKind.CANDIDATE_QUESTIONS:
            for text, topic, answer, owed in script.questions:
                session.log_question(text, topic, answer, owed)
        clock.advance(spent * 60.0)
    session.end()
    _record(session, script)
    if script.submit:
        clock.advance(script.seal_after_s)
        session.submit()
        if script.amendments:
            clock.now = max(clock.now, script.amend_at_s)
            for competency, level, reason in script.amendments:
                session.amend(competency, level, session.evidence(competency), reason)
    writer = ChangeWriter(interview_id)
    with db.begin() as connection:
        writer.apply(connection, session.take_batch())
    return session


def _record(session: LiveSession, script: InterviewScript) -> None:
    """What the interviewer typed, ticked and scored while it ran."""
    fields: dict[NotesField, list[Paragraph]] = {}
    for section, question, offset, text, private in script.notes:
        fields.setdefault(NotesField(section, question), []).append(Paragraph(offset, text, private))
    for (section, question), paragraphs in fields.items():
        session.set_notes(section, question, paragraphs)
    asked = script.asked
    if asked is None:
        sections = session.template.sections
        asked = {(s, q) for s, section in enumerate(sections) for q in range(len(section.questions))}
    for section, question in sorted(asked):
        session.set_asked(section, question, True)
    for item in script.checklist:
        session.set_checklist(item, True)
    for competency, (level, evidence) in script.scores.items():
        session.set_score(competency, level)
        session.set_evidence(competency, evidence)
    session.set_aspirations(script.aspirations)
    session.set_summary(script.summary)
    session.set_recommendation(script.recommendation)
