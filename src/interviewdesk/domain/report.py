"""What an interview summary says, as plain data: built by services, drawn by export.

Everything a reader must see is decided here (durations, the two-way balance, the flags), so the
PDF code only lays it out and the rules are tested without ReportLab.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from interviewdesk.domain import stamps
from interviewdesk.domain.panel import Mark, PanelScores
from interviewdesk.domain.timer import SKIPPED_BELOW_S
from interviewdesk.domain.vocabulary import QuestionTopic

# The candidate's share may fall short of the plan by this much before it is flagged (rounding).
SHARE_TOLERANCE = 0.005


class FlagKind(StrEnum):
    SEAL_BROKEN = "seal_broken"
    NOT_SUBMITTED = "not_submitted"
    NO_EVIDENCE = "no_evidence"
    UNSCORED = "unscored"
    SECTION_SKIPPED = "section_skipped"
    QUESTIONS_NOT_ASKED = "questions_not_asked"
    LOW_CANDIDATE_SHARE = "low_candidate_share"
    AMENDED_AFTER_SEAL = "amended_after_seal"
    TASK_OVER_TIME = "task_over_time"
    NO_DISCLOSURE = "no_disclosure"

    @property
    def label(self) -> str:
        """The flag's name as a reader sees it (not ``title``: that would hide ``str.title``)."""
        return _FLAG_TITLES[self]


_FLAG_TITLES = {
    FlagKind.NOT_SUBMITTED: "Not submitted",
    FlagKind.NO_EVIDENCE: "Score without evidence",
    FlagKind.UNSCORED: "Competency not scored",
    FlagKind.SECTION_SKIPPED: "Section skipped",
    FlagKind.QUESTIONS_NOT_ASKED: "Script questions not asked",
    FlagKind.LOW_CANDIDATE_SHARE: "Less time for the candidate's questions than planned",
    FlagKind.AMENDED_AFTER_SEAL: "Amended after the seal",
    FlagKind.TASK_OVER_TIME: "Task over its stated time",
    FlagKind.NO_DISCLOSURE: "Tasks started without the disclosure confirmed",
    FlagKind.SEAL_BROKEN: "Seal does not match",
}


@dataclass(frozen=True, slots=True)
class Flag:
    kind: FlagKind
    detail: str


@dataclass(frozen=True, slots=True)
class Amendment:
    level: int | None
    level_label: str
    evidence: str
    reason: str
    amended_at: datetime


@dataclass(frozen=True, slots=True)
class RubricLine:
    competency_id: str
    name: str
    level: int | None
    level_label: str
    anchor: str
    evidence: str
    amendments: tuple[Amendment, ...] = ()
    anchors: tuple[tuple[int, str], ...] = ()  # every level's anchor, for feedback
    weight: float = 1.0  # the template's weight for this competency

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence.strip())

    @property
    def current_level(self) -> int | None:
        """The level that holds now: the latest amendment's, else the one sealed or typed."""
        return self.amendments[-1].level if self.amendments else self.level

    @property
    def current_evidence(self) -> str:
        return self.amendments[-1].evidence if self.amendments else self.evidence


@dataclass(frozen=True, slots=True)
class SectionTiming:
    title: str
    planned_s: float
    actual_s: float
    is_candidate_questions: bool
    script_questions: tuple[str, ...]
    not_asked: tuple[str, ...]
    noted: bool = False  # a note was written in it

    @property
    def over_s(self) -> float:
        """Positive when the section ran over its plan, negative when it was shorter."""
        return self.actual_s - self.planned_s

    @property
    def skipped(self) -> bool:
        """Passed through in seconds with nothing in it: a note written or a question asked there
        shows it was held, however briefly."""
        asked = len(self.script_questions) > len(self.not_asked)
        return self.actual_s < SKIPPED_BELOW_S and not self.noted and not asked


@dataclass(frozen=True, slots=True)
class NoteLine:
    section: str
    question: str | None
    offset_s: float
    text: str
    private: bool

    @property
    def minute(self) -> int:
        """The minute of the interview it was written in, counting from 1 as a clock's hand does."""
        return stamps.minute(self.offset_s)


@dataclass(frozen=True, slots=True)
class CandidateQuestionLine:
    text: str
    topic: QuestionTopic
    answer: str
    follow_up_owed: bool


@dataclass(frozen=True, slots=True)
class FollowUpLine:
    kind_label: str
    description: str
    due: date
    done: bool


@dataclass(frozen=True, slots=True)
class TaskLine:
    title: str
    stated_s: float
    actual_s: float | None
    paid: bool
    pay: str
    deliverable: str
    outcome: str
    level_label: str
    observations: tuple[tuple[float, str], ...]
    started: bool = False
    brief: str = ""  # what the candidate was asked to do
    expectations: str = ""  # how the work is judged
    works_with: str = ""  # who the candidate works with

    @property
    def over(self) -> bool:
        return self.actual_s is not None and self.actual_s > self.stated_s


@dataclass(frozen=True, slots=True)
class InterviewReport:
    interview_id: int
    candidate: str
    candidate_role: str
    interviewer: str
    status: str
    submitted: bool
    when: datetime | None
    template_name: str
    template_version: int
    planned_s: float
    actual_s: float
    sealed_at: datetime | None
    seal_hash: str | None
    recommendation: str
    summary: str
    aspirations: str
    rubric: tuple[RubricLine, ...]
    scale: tuple[tuple[int, str], ...]
    sections: tuple[SectionTiming, ...]
    intended_share: float
    actual_share: float | None
    candidate_questions: tuple[CandidateQuestionLine, ...]
    checklist: tuple[tuple[str, bool], ...]
    notes: tuple[NoteLine, ...]
    follow_ups: tuple[FollowUpLine, ...]
    tasks: tuple[TaskLine, ...] = ()
    disclosure_confirmed_at: datetime | None = None
    include_private: bool = False
    seal_intact: bool | None = None  # None: not sealed; False: the sealed scores were changed
    flags: tuple[Flag, ...] = field(default=())
    # Sealed: how many others' submissions of the candidate were on its author's laptop before the
    # seal (they could have seen those scores); None: not sealed.
    seen_before_seal: int | None = None

    @property
    def script_coverage(self) -> tuple[int, int]:
        """(script questions asked, script questions in all)."""
        total = sum(len(s.script_questions) for s in self.sections)
        return total - sum(len(s.not_asked) for s in self.sections), total

    @property
    def held(self) -> bool:
        """Whether the interview has taken place, or begun: a planned (or cancelled) one has
        nothing to report."""
        return self.actual_s > 0 or self.status not in ("planned", "cancelled")


def interview_flags(report: InterviewReport) -> tuple[Flag, ...]:
    """What a reader of the summary must not miss, in the order a panel would ask about it."""
    flags: list[Flag] = []
    if report.seal_intact is False:
        flags.append(
            Flag(
                FlagKind.SEAL_BROKEN,
                "The scores or recommendation differ from what was sealed, and not by an amendment.",
            )
        )
    if not report.held:  # nothing was scored, timed or asked yet: that is not a finding
        if report.status == "cancelled":
            return (Flag(FlagKind.NOT_SUBMITTED, "This interview was cancelled."),)
        return (Flag(FlagKind.NOT_SUBMITTED, "This interview has not taken place yet."),)
    if not report.submitted:
        flags.append(Flag(FlagKind.NOT_SUBMITTED, f"This interview is {report.status}: scores may change."))
    for line in report.rubric:
        if line.level is None:
            flags.append(Flag(FlagKind.UNSCORED, line.name))
        elif not line.has_evidence:
            flags.append(
                Flag(FlagKind.NO_EVIDENCE, _about(line.name, f"level {line.level} with no evidence"))
            )
    flags += _timing_flags(report)
    for line in report.rubric:
        for amendment in line.amendments:
            reason = f" ({amendment.reason})" if amendment.reason else ""
            when = f"{amendment.amended_at:%Y-%m-%d %H:%M}"
            detail = (
                f"{line.name}: {line.level_label or 'not scored'} sealed, "
                f"{amendment.level_label or 'not scored'} on {when}{reason}"
            )
            flags.append(Flag(FlagKind.AMENDED_AFTER_SEAL, detail))
    flags += _task_flags(report)
    return tuple(flags)


def _timing_flags(report: InterviewReport) -> list[Flag]:
    flags: list[Flag] = []
    for section in report.sections if report.actual_s > 0 else ():
        if section.skipped:
            flags.append(Flag(FlagKind.SECTION_SKIPPED, section.title))
        if section.not_asked:
            flags.append(
                Flag(FlagKind.QUESTIONS_NOT_ASKED, _about(section.title, "; ".join(section.not_asked)))
            )
    share, intended = report.actual_share, report.intended_share
    if share is not None and share < intended - SHARE_TOLERANCE:
        flags.append(
            Flag(FlagKind.LOW_CANDIDATE_SHARE, f"{share:.0%} of the interview against {intended:.0%} planned")
        )
    return flags


def _about(title: str, detail: str) -> str:
    """A title and what is said of it: "Design: level 3 ...", but "What next? — ..." where the
    title ends in its own punctuation ("What next?: 75 min" read as a typo)."""
    title = title.strip()
    return f"{title} — {detail}" if title[-1:] in "?!.:;" and title else f"{title}: {detail}"


def _task_flags(report: InterviewReport) -> list[Flag]:
    flags: list[Flag] = []
    if any(task.started for task in report.tasks) and report.disclosure_confirmed_at is None:
        detail = "tasks, duration and pay were not confirmed with the candidate first"
        flags.append(Flag(FlagKind.NO_DISCLOSURE, detail))
    for task in report.tasks:
        if task.over and task.actual_s is not None:
            detail = _about(
                task.title, f"{task.actual_s / 60:.0f} min against {task.stated_s / 60:.0f} stated"
            )
            flags.append(Flag(FlagKind.TASK_OVER_TIME, detail))
    return flags


@dataclass(frozen=True, slots=True)
class PanelMember:
    """One interview's part in a panel summary."""

    report: InterviewReport

    @property
    def label(self) -> str:
        return self.report.interviewer or f"Interview {self.report.interview_id}"

    def scores(self) -> PanelScores:
        """This interview's marks for the panel matrix: amended values with the sealed ones kept,
        counted only once submitted."""
        report = self.report
        marks = {
            (line.competency_id, line.name): Mark(
                line.current_level,
                counted=report.submitted,
                sealed_level=line.level,
                amended=bool(line.amendments) and line.current_level != line.level,
                evidence=line.current_evidence,
            )
            for line in report.rubric
        }
        weights = {(line.competency_id, line.name): line.weight for line in report.rubric}
        return PanelScores(self.label, marks, submitted=report.submitted, weights=weights)


def recommendation_tally(reports: Sequence[InterviewReport]) -> str:
    """ "2 Yes, 1 Strong yes" over the submitted interviews (most given first); "" with none."""
    counts = Counter(r.recommendation or "none given" for r in reports if r.submitted)
    return ", ".join(f"{n} {label}" for label, n in counts.most_common())


@dataclass(frozen=True, slots=True)
class PanelReport:
    candidate: str
    candidate_role: str
    members: tuple[PanelMember, ...]
    competencies: tuple[tuple[str, str], ...]  # (id, name) in first-seen order
    sealed_notice: str = ""  # "2 sealed interviews waiting for your submission": hidden from this reader

    def checklist(self) -> list[tuple[str, list[str]]]:
        """Each role-clarity item of any interview with who covered it (empty: nobody did), in
        first-seen order: the candidate heard it if anyone told them."""
        covered: dict[str, list[str]] = {}
        for member in self.members:
            if not member.report.held:
                continue
            for item, done in member.report.checklist:
                who = covered.setdefault(item, [])
                if done:
                    who.append(member.label)
        return list(covered.items())

    def open_promises(self) -> list[tuple[str, FollowUpLine]]:
        """What is still owed to the candidate (answers, feedback, next steps), soonest first."""
        owed = [(m.label, f) for m in self.members for f in m.report.follow_ups if not f.done]
        return sorted(owed, key=lambda pair: pair[1].due)

    def aspirations(self) -> list[tuple[str, str]]:
        return [(m.label, m.report.aspirations.strip()) for m in self.members if m.report.aspirations.strip()]
