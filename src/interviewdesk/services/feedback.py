"""A draft of constructive feedback for the candidate, from one submitted interview.

Drawn from this interviewer's competencies and evidence only: strengths where the level is in the
upper half of the scale, areas to grow (with the next level's anchor as what would make it
stronger) where it is not. No numbers from the rubric, no private notes, no other interviewer's
words. The interviewer edits the draft before anything is sent; nothing leaves the machine by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewdesk.domain import stamps
from interviewdesk.domain.report import InterviewReport, RubricLine
from interviewdesk.errors import UserError
from interviewdesk.services.reports import interview_report
from interviewdesk.store.database import Database


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    interview_id: int
    candidate: str
    interviewer: str
    text: str


def feedback_draft(db: Database, interview_id: int) -> FeedbackDraft:
    report = interview_report(db, interview_id, include_private=False)
    if not report.submitted:
        raise UserError(
            f"interview {interview_id} is not submitted yet; feedback is drafted from submitted scores."
        )
    from interviewdesk.services.settings import organisation

    return FeedbackDraft(
        interview_id, report.candidate, report.interviewer, compose(report, organisation(db))
    )


def compose(report: InterviewReport, organisation: str | None = None) -> str:
    levels = [level for level, _ in report.scale]
    middle = (min(levels) + max(levels)) / 2 if levels else 0
    # The levels that hold now: an amendment after the seal replaces what was sealed.
    scored = [line for line in report.rubric if line.current_level is not None]
    strengths = [line for line in scored if (line.current_level or 0) > middle]
    growth = [line for line in scored if (line.current_level or 0) <= middle]
    when = f" on {report.when.astimezone():%-d %B %Y}" if report.when else ""
    role = f" for the {report.candidate_role} role" if report.candidate_role else ""
    at = f" at {organisation}" if organisation else ""
    parts = [
        f"Dear {report.candidate.strip()},",
        f"Thank you for the time you spent with us{at}{when}{role}. "
        "As promised, here is feedback from our "
        f"conversation{f' with {report.interviewer}' if report.interviewer else ''}.",
    ]
    if strengths:
        parts.append("What stood out\n" + "\n".join(_strength(line) for line in strengths))
    if growth:
        parts.append("Where you could grow\n" + "\n".join(_growth(line, report) for line in growth))
    parts.append(
        "Thank you also for your questions; they helped us understand what matters to you. "
        "If anything here is unclear, reply and we will gladly talk it through."
    )
    signature = [report.interviewer or "The interview team", organisation or ""]
    parts.append("Kind regards,\n" + "\n".join(line for line in signature if line))
    return "\n\n".join(parts)


def _evidence(line: RubricLine) -> str:
    """The interviewer's own words for this competency; without any, what its level describes
    (never a bare competency name)."""
    text = " ".join(stamps.strip_linked(line.current_evidence).split())
    if not text and line.current_level is not None:
        text = dict(line.anchors).get(line.current_level, "")
    return text.rstrip(".") + "." if text else ""


def _strength(line: RubricLine) -> str:
    evidence = _evidence(line)
    return f"- {line.name}: {evidence}" if evidence else f"- {line.name}."


def _growth(line: RubricLine, report: InterviewReport) -> str:
    """An area to grow, with the next level's anchor as what would make it stronger."""
    evidence = _evidence(line)
    levels = sorted(level for level, _ in report.scale)
    current = line.current_level
    higher = [level for level in levels if current is not None and level > current]
    competency_anchor = dict(line.anchors).get(higher[0], "") if higher else ""
    text = f"- {line.name}: {evidence}" if evidence else f"- {line.name}."
    if competency_anchor:
        text += f" What would make this stronger: {competency_anchor[0].lower()}{competency_anchor[1:]}"
    return text
