"""`interviewdesk demo`: a realistic candidate seen by a panel of three, and a second candidate.

Each demo interview is planned and then run through the live session and the real writer on a
manual clock (services/replay.py), so the demo stores exactly what an interviewer's keys would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from interviewdesk.domain.vocabulary import FollowUpKind, QuestionTopic
from interviewdesk.services import demo_data
from interviewdesk.services.follow_ups import list_follow_ups, set_follow_up_done
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.replay import InterviewScript, replay
from interviewdesk.store.database import Database


@dataclass(frozen=True, slots=True)
class DemoResult:
    candidate_ids: list[int]
    interview_ids: list[int]


def create_demo(db: Database, *, now: datetime | None = None) -> DemoResult:
    """Add the demo candidates and their interviews; each run adds a fresh copy."""
    now = now or datetime.now(UTC)
    candidate_ids: list[int] = []
    interview_ids: list[int] = []
    for person, panel in (
        (demo_data.CANDIDATE, demo_data.PANEL),
        (demo_data.SECOND_CANDIDATE, demo_data.SECOND_PANEL),
    ):
        candidate_id = add_candidate(db, person["name"], role=person["role"], email=person["email"])
        candidate_ids.append(candidate_id)
        interview_ids.extend(_run(db, candidate_id, spec, now) for spec in panel)
    # The second candidate's next interview is still to come.
    tomorrow = (now + timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0)
    interview_ids.append(
        plan_interview(
            db,
            candidate_id=candidate_ids[1],
            template_ref="general-structured",
            interviewer="Jonas Weber",
            scheduled_at=tomorrow,
        )
    )
    return DemoResult(candidate_ids, interview_ids)


def _run(db: Database, candidate_id: int, spec: dict[str, Any], now: datetime) -> int:
    start = (now - timedelta(days=spec["days_ago"])).replace(
        hour=spec["hour"], minute=0, second=0, microsecond=0
    )
    interview_id = plan_interview(
        db,
        candidate_id=candidate_id,
        template_ref=spec["template"],
        interviewer=spec["interviewer"],
        scheduled_at=start,
    )
    notes = [
        (section, None, float(seconds), text, bool(private and private[0]))
        for section, paragraphs in spec["notes"].items()
        for seconds, text, *private in paragraphs
    ]
    script = InterviewScript(
        section_minutes=spec["actual_minutes"],
        notes=notes,
        checklist=spec["checklist"],
        scores=spec["scores"],
        questions=[
            (text, QuestionTopic(topic), answer, owed) for text, topic, answer, owed in spec["questions"]
        ],
        recommendation=spec["recommendation"],
        summary=spec["summary"],
        aspirations=spec["aspirations"],
        seal_after_s=20 * 60.0,
    )
    session = replay(db, interview_id, script, start)
    # The thank-you note went out the same afternoon.
    ended = start + timedelta(minutes=sum(spec["actual_minutes"]))
    for item in list_follow_ups(db, include_done=True):
        if item.interview_id == interview_id and item.kind is FollowUpKind.THANK_YOU:
            set_follow_up_done(db, item.id, now=ended + timedelta(hours=3))
    assert session.sealed
    return interview_id
