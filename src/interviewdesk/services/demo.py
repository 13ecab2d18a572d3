"""`interviewdesk demo`: a realistic candidate seen by a panel of three, and a second candidate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from interviewdesk.domain.scoring import ScoreValue, seal_digest
from interviewdesk.domain.vocabulary import FollowUpKind, InterviewStatus, QuestionTopic, TimerEventKind
from interviewdesk.services import demo_data
from interviewdesk.services.planning import interviewer_id
from interviewdesk.services.template_library import resolve_template_id
from interviewdesk.store.database import Database
from interviewdesk.store.models import (
    AskedQuestion,
    Candidate,
    CandidateQuestion,
    ChecklistMark,
    FollowUp,
    Interview,
    Note,
    Score,
    TemplateVersion,
    TimerEvent,
)
from interviewdesk.templates.model import Template


@dataclass(frozen=True, slots=True)
class DemoResult:
    candidate_ids: list[int]
    interview_ids: list[int]


def create_demo(db: Database, *, now: datetime | None = None) -> DemoResult:
    """Add the demo candidates and their interviews; each run adds a fresh copy."""
    now = now or datetime.now(UTC)
    template_ids = {slug: resolve_template_id(db, slug) for slug in _slugs()}
    candidate_ids: list[int] = []
    interview_ids: list[int] = []
    with db.session() as session:
        for person, panel in (
            (demo_data.CANDIDATE, demo_data.PANEL),
            (demo_data.SECOND_CANDIDATE, demo_data.SECOND_PANEL),
        ):
            candidate = Candidate(**person)
            session.add(candidate)
            session.flush()
            candidate_ids.append(candidate.id)
            for spec in panel:
                interview_ids.append(
                    _add_interview(session, candidate.id, template_ids[spec["template"]], spec, now)
                )
        # The second candidate's next interview is still to come.
        upcoming = Interview(
            candidate_id=candidate_ids[1],
            template_id=template_ids["general-structured"],
            interviewer_id=interviewer_id(session.connection(), "Jonas Weber"),
            scheduled_at=(now + timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0),
        )
        session.add(upcoming)
        session.flush()
        interview_ids.append(upcoming.id)
    return DemoResult(candidate_ids, interview_ids)


def _slugs() -> set[str]:
    return {spec["template"] for spec in (*demo_data.PANEL, *demo_data.SECOND_PANEL)} | {"general-structured"}


def _add_interview(
    session: Session, candidate_id: int, template_id: int, spec: dict[str, Any], now: datetime
) -> int:
    template_row = session.get(TemplateVersion, template_id)
    assert template_row is not None
    template = Template.from_dict(template_row.body)
    start = (now - timedelta(days=spec["days_ago"])).replace(
        hour=spec["hour"], minute=0, second=0, microsecond=0
    )
    total_s = sum(spec["actual_minutes"]) * 60.0
    end = start + timedelta(seconds=total_s)
    interview = Interview(
        candidate_id=candidate_id,
        template_id=template_id,
        interviewer_id=interviewer_id(session.connection(), spec["interviewer"]),
        scheduled_at=start,
        started_at=start,
        ended_at=end,
        status=InterviewStatus.SUBMITTED,
        current_section=len(template.sections) - 1,
        recommendation=spec["recommendation"],
        summary=spec["summary"],
        aspirations=spec["aspirations"],
    )
    session.add(interview)
    session.flush()
    iid = interview.id

    offset = 0.0
    session.add(
        TimerEvent(interview_id=iid, kind=TimerEventKind.START, at=start, offset_s=0.0, section_index=0)
    )
    for index, minutes in enumerate(spec["actual_minutes"][:-1]):
        offset += minutes * 60.0
        at = start + timedelta(seconds=offset)
        session.add(
            TimerEvent(
                interview_id=iid, kind=TimerEventKind.SECTION, at=at, offset_s=offset, section_index=index + 1
            )
        )
    session.add(TimerEvent(interview_id=iid, kind=TimerEventKind.END, at=end, offset_s=total_s))

    for section_index, paragraphs in spec["notes"].items():
        for paragraph in paragraphs:
            seconds, text, *private = paragraph
            session.add(
                Note(
                    interview_id=iid,
                    section_index=section_index,
                    text=text,
                    offset_s=float(seconds),
                    private=bool(private and private[0]),
                )
            )
    for section_index, section in enumerate(template.sections):
        for question_index in range(len(section.questions)):
            session.add(
                AskedQuestion(interview_id=iid, section_index=section_index, question_index=question_index)
            )
    for item in spec["checklist"]:
        session.add(ChecklistMark(interview_id=iid, item_index=item, offset_s=0.0))

    values = [ScoreValue(cid, level, evidence) for cid, (level, evidence) in spec["scores"].items()]
    for value in values:
        session.add(
            Score(
                interview_id=iid,
                competency_id=value.competency_id,
                level=value.level,
                evidence=value.evidence,
            )
        )

    days = template.follow_up_days
    for text, topic, answer, owed in spec["questions"]:
        question = CandidateQuestion(
            interview_id=iid,
            text=text,
            topic=QuestionTopic(topic),
            answer=answer,
            follow_up_owed=owed,
            offset_s=total_s - 600.0,
        )
        session.add(question)
        session.flush()
        if owed:
            session.add(
                FollowUp(
                    interview_id=iid,
                    kind=FollowUpKind.ANSWER,
                    description=text,
                    due=(end + timedelta(days=days.get("answers", 3))).date(),
                    candidate_question_id=question.id,
                )
            )
    candidate = session.get(Candidate, candidate_id)
    name = candidate.name if candidate is not None else "the candidate"
    for kind, description, due_in in (
        (FollowUpKind.THANK_YOU, f"Thank-you note to {name}", 1),
        (FollowUpKind.NEXT_STEPS, "Next steps promised in the closing", days.get("next_steps", 3)),
        (FollowUpKind.FEEDBACK, f"Feedback to {name}", days.get("feedback", 5)),
    ):
        session.add(
            FollowUp(
                interview_id=iid,
                kind=kind,
                description=description,
                due=(end + timedelta(days=due_in)).date(),
                # The demo's oldest interview has already sent its thank-you note.
                done_at=end + timedelta(hours=3) if kind is FollowUpKind.THANK_YOU else None,
            )
        )
    interview.sealed_at = end + timedelta(minutes=20)
    interview.seal_hash = seal_digest(iid, interview.recommendation, values)
    return iid
