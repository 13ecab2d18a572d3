"""A live interview in memory: what the window shows, and the edits still to be written.

The window calls these methods and never touches the database; :meth:`LiveSession.take_batch`
hands the pending edits (plain values, repeated edits of one field coalesced) to the save queue.
Time comes from the injected clock through the domain timer.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from interviewdesk.domain.clock import Clock, utc_now
from interviewdesk.domain.scoring import ScoreValue, seal_digest
from interviewdesk.domain.timer import InterviewTimer, TimerEventData, running_seconds
from interviewdesk.domain.vocabulary import FollowUpKind, InterviewStatus, QuestionTopic, TimerEventKind
from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.live_changes import (
    AmendmentChange,
    AskedChange,
    Change,
    ChecklistChange,
    FollowUpChange,
    InterviewChange,
    NotesChange,
    ObservationChange,
    QuestionChange,
    ScoreChange,
    TaskChange,
    TimerEventChange,
)
from interviewdesk.store.database import Database
from interviewdesk.store.report_rows import InterviewRows, interview_rows_for_report
from interviewdesk.templates.model import SectionKind, Template

Paragraph = tuple[float, str, bool]  # (offset in seconds, text, private)
FieldKey = tuple[int, int | None]  # (section, question or None for the section's own notes)


@dataclass(slots=True)
class TaskState:
    """One task of a working interview as it runs: offsets on the interview's clock."""

    started_s: float | None = None
    ended_s: float | None = None
    deliverable: str = ""
    outcome: str = ""
    level: int | None = None
    observations: list[tuple[float, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    key: str
    text: str
    topic: QuestionTopic
    answer: str
    follow_up_owed: bool
    offset_s: float | None


class LiveSession:
    def __init__(
        self,
        interview_id: int,
        template: Template,
        timer: InterviewTimer,
        *,
        candidate: str,
        interviewer: str,
        status: InterviewStatus,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.interview_id = interview_id
        self.template = template
        self.timer = timer
        self.candidate = candidate
        self.interviewer = interviewer
        self.status = status
        self._now = now
        self.notes: dict[FieldKey, list[Paragraph]] = {}
        self.scores: dict[str, tuple[int | None, str]] = {}
        self.amended: dict[str, tuple[int | None, str]] = {}  # latest amendment per competency
        self.asked: set[tuple[int, int]] = set()
        self.checklist: set[int] = set()
        self.questions: dict[str, LoggedQuestion] = {}
        self.aspirations = ""
        self.summary = ""
        self.recommendation: str | None = None
        self.sealed_at: datetime | None = None
        self.started_at: datetime | None = None
        self.disclosure_confirmed_at: datetime | None = None
        self.tasks: dict[str, TaskState] = {t.id: TaskState() for s in template.sections for t in s.tasks}
        self.recovered = False  # reopened after the app stopped while the timer ran
        self._keyed: dict[tuple[object, ...], Change] = {}
        self._ordered: list[Change] = []

    # -- state -------------------------------------------------------------------------------
    @property
    def sealed(self) -> bool:
        return self.sealed_at is not None

    @property
    def has_pending(self) -> bool:
        return bool(self._keyed or self._ordered)

    def offset(self) -> float:
        return self.timer.offset() if self.timer.started else 0.0

    def current_section(self) -> int:
        return self.timer.current_section

    def level(self, competency_id: str) -> int | None:
        """The level shown: the latest amendment's after the seal, else the score's."""
        if competency_id in self.amended:
            return self.amended[competency_id][0]
        return self.scores.get(competency_id, (None, ""))[0]

    def evidence(self, competency_id: str) -> str:
        if competency_id in self.amended:
            return self.amended[competency_id][1]
        return self.scores.get(competency_id, (None, ""))[1]

    def two_way_share(self) -> float | None:
        """The share of the running time spent in the candidate's-questions sections so far."""
        spent = self.timer.section_seconds()
        total = sum(spent)
        if total <= 0:
            return None
        theirs = sum(
            s
            for s, sec in zip(spent, self.template.sections, strict=True)
            if sec.kind is SectionKind.CANDIDATE_QUESTIONS
        )
        return theirs / total

    # -- the timer: each change is stored at once --------------------------------------------
    def start(self) -> None:
        self._timer_event(self.timer.start())
        self.status = InterviewStatus.LIVE
        self._set(
            status=InterviewStatus.LIVE, started_at=self._now(), current_section=self.timer.current_section
        )

    def pause(self) -> None:
        self._timer_event(self.timer.pause())

    def resume(self) -> None:
        self._timer_event(self.timer.resume())

    def go_to_section(self, index: int) -> None:
        if index == self.timer.current_section:
            return
        self._timer_event(self.timer.go_to_section(index))
        self._set(current_section=index)

    def end(self) -> None:
        self._timer_event(self.timer.end())
        self.status = InterviewStatus.COMPLETED
        self._set(status=InterviewStatus.COMPLETED, ended_at=self._now(), running_offset_s=None)

    def heartbeat(self) -> None:
        """While the timer runs, remember how far it got: a crash then loses seconds, not minutes."""
        if self.timer.running:
            self._keyed[("heartbeat",)] = InterviewChange({"running_offset_s": round(self.timer.offset(), 3)})

    def _timer_event(self, event: TimerEventData) -> None:
        self._ordered.append(TimerEventChange(event.kind, event.offset_s, event.section_index, self._now()))

    # -- what the interviewer records --------------------------------------------------------
    def set_notes(self, section: int, question: int | None, paragraphs: list[Paragraph]) -> None:
        key = (section, question)
        if self.notes.get(key, []) == paragraphs:
            return
        self.notes[key] = list(paragraphs)
        self._keyed[("notes", section, question)] = NotesChange(section, question, tuple(paragraphs))

    def set_asked(self, section: int, question: int, asked: bool) -> None:
        if ((section, question) in self.asked) == asked:
            return
        (self.asked.add if asked else self.asked.discard)((section, question))
        self._keyed[("asked", section, question)] = AskedChange(section, question, asked, self.offset())

    def set_score(self, competency_id: str, level: int | None) -> None:
        self._require_unsealed()
        evidence = self.scores.get(competency_id, (None, ""))[1]
        self._score(competency_id, level, evidence)

    def set_evidence(self, competency_id: str, evidence: str) -> None:
        self._require_unsealed()
        level = self.scores.get(competency_id, (None, ""))[0]
        self._score(competency_id, level, evidence)

    def _score(self, competency_id: str, level: int | None, evidence: str) -> None:
        if self.scores.get(competency_id) == (level, evidence):
            return
        self.scores[competency_id] = (level, evidence)
        self._keyed[("score", competency_id)] = ScoreChange(competency_id, level, evidence)

    def amend(self, competency_id: str, level: int | None, evidence: str, reason: str) -> None:
        """After the seal: a recorded amendment beside the sealed score, never an overwrite."""
        if not self.sealed:
            raise UserError("only a submitted interview is amended; change the score itself instead.")
        self.amended[competency_id] = (level, evidence)
        self._ordered.append(AmendmentChange(competency_id, level, evidence, reason.strip(), self._now()))

    def log_question(
        self, text: str, topic: QuestionTopic, answer: str = "", follow_up_owed: bool = False
    ) -> str:
        key = f"new:{uuid.uuid4().hex}"
        self._question(
            LoggedQuestion(key, text.strip(), topic, answer.strip(), follow_up_owed, self.offset())
        )
        return key

    def update_question(self, key: str, **changes: object) -> None:
        self._question(replace(self.questions[key], **changes))  # type: ignore[arg-type]

    def delete_question(self, key: str) -> None:
        question = self.questions.pop(key)
        self._keyed[("question", key)] = QuestionChange(
            key,
            question.text,
            question.topic,
            question.answer,
            question.follow_up_owed,
            question.offset_s,
            deleted=True,
        )

    def _question(self, question: LoggedQuestion) -> None:
        self.questions[question.key] = question
        self._keyed[("question", question.key)] = QuestionChange(
            question.key,
            question.text,
            question.topic,
            question.answer,
            question.follow_up_owed,
            question.offset_s,
        )

    # -- a working interview's tasks ---------------------------------------------------------
    def confirm_disclosure(self) -> None:
        """The candidate was told the tasks, duration, pay, who they work with, how work is judged
        and what happens to it; stored with the time."""
        self.disclosure_confirmed_at = self._now()
        self._set(disclosure_confirmed_at=self.disclosure_confirmed_at)

    def start_task(self, task_id: str) -> None:
        task = self.tasks[task_id]
        if task.started_s is not None and task.ended_s is None:
            return
        task.started_s, task.ended_s = round(self.offset(), 3), None
        self._task(task_id, started_offset_s=task.started_s, ended_offset_s=None)

    def end_task(self, task_id: str) -> None:
        task = self.tasks[task_id]
        if task.started_s is None or task.ended_s is not None:
            return
        task.ended_s = round(self.offset(), 3)
        self._task(task_id, ended_offset_s=task.ended_s)

    def task_seconds(self, task_id: str) -> float | None:
        """Actual time on the task so far (None before it starts)."""
        task = self.tasks[task_id]
        if task.started_s is None:
            return None
        end = task.ended_s if task.ended_s is not None else self.offset()
        return running_seconds(self.timer.events, task.started_s, end)

    def observe(self, task_id: str, text: str) -> None:
        entry = (round(self.offset(), 3), text.strip())
        self.tasks[task_id].observations.append(entry)
        self._ordered.append(ObservationChange(task_id, entry[1], entry[0]))

    def set_task(self, task_id: str, **values: object) -> None:
        """deliverable=, outcome= or level= of a task."""
        task = self.tasks[task_id]
        for name, value in values.items():
            setattr(task, name, value)
        self._task(task_id, **values)

    def _task(self, task_id: str, **values: object) -> None:
        previous = self._keyed.get(("task", task_id))
        merged = dict(previous.values) if isinstance(previous, TaskChange) else {}
        merged.update(values)
        self._keyed[("task", task_id)] = TaskChange(task_id, merged)

    def set_checklist(self, item: int, covered: bool) -> None:
        if (item in self.checklist) == covered:
            return
        (self.checklist.add if covered else self.checklist.discard)(item)
        self._keyed[("checklist", item)] = ChecklistChange(item, covered, self.offset())

    def set_aspirations(self, text: str) -> None:
        self.aspirations = text
        self._set(aspirations=text)

    def set_summary(self, text: str) -> None:
        self._require_unsealed()
        self.summary = text
        self._set(summary=text)

    def set_recommendation(self, recommendation_id: str | None) -> None:
        self._require_unsealed()
        self.recommendation = recommendation_id
        self._set(recommendation=recommendation_id)

    def submit(self) -> str:
        """End the interview if it is running and seal the scores; returns the seal's hash."""
        self._require_unsealed()
        if self.timer.started and not self.timer.ended:
            self.end()
        values = [ScoreValue(cid, level, evidence) for cid, (level, evidence) in self.scores.items()]
        digest = seal_digest(self.interview_id, self.recommendation, values)
        self.sealed_at = self._now()
        self.status = InterviewStatus.SUBMITTED
        self._set(status=InterviewStatus.SUBMITTED, sealed_at=self.sealed_at, seal_hash=digest)
        self._ordered.extend(self._follow_ups())
        return digest

    def _follow_ups(self) -> list[FollowUpChange]:
        """What the interview leaves owed, due by the template's promise from the interview's date."""
        days = self.template.follow_up_days
        base = (self.started_at or self._now()).astimezone().date()

        def due(key: str, default: int) -> date:
            return base + timedelta(days=days.get(key, default))

        owed = [
            FollowUpChange(FollowUpKind.ANSWER, q.text, due("answers", 3), q.key)
            for q in self.questions.values()
            if q.follow_up_owed
        ]
        return [
            *owed,
            FollowUpChange(FollowUpKind.FEEDBACK, f"Feedback to {self.candidate}", due("feedback", 5)),
            FollowUpChange(
                FollowUpKind.NEXT_STEPS, "Next steps promised in the closing", due("next_steps", 3)
            ),
            FollowUpChange(
                FollowUpKind.THANK_YOU, f"Thank-you note to {self.candidate}", base + timedelta(days=1)
            ),
        ]

    def _require_unsealed(self) -> None:
        if self.sealed:
            raise UserError("this interview is submitted and sealed; record an amendment instead.")

    def _set(self, **values: object) -> None:
        """Columns of the interview row; later values of a column replace earlier pending ones."""
        previous = self._keyed.get(("interview",))
        merged = dict(previous.values) if isinstance(previous, InterviewChange) else {}
        merged.update(values)
        self._keyed[("interview",)] = InterviewChange(merged)

    # -- handing edits to the writer ---------------------------------------------------------
    def take_batch(self) -> list[Change]:
        """The pending edits, in the order they must be written; the session forgets them."""
        batch = [*self._ordered, *self._keyed.values()]
        self._ordered, self._keyed = [], {}
        return batch


def open_live_session(
    db: Database, interview_id: int, clock: Clock, *, now: Callable[[], datetime] = utc_now
) -> LiveSession:
    """``clock`` times the interview (monotonic); ``now`` stamps wall-clock times (both injectable)."""
    with db.begin() as connection:
        rows = interview_rows_for_report(connection, interview_id)
    if rows is None:
        raise NotFoundError(f"there is no interview {interview_id}.")
    return _session_from_rows(rows, clock, now)


def _session_from_rows(rows: InterviewRows, clock: Clock, now: Callable[[], datetime]) -> LiveSession:
    head = rows.head
    template = Template.from_dict(head.template_body)
    events = [TimerEventData(TimerEventKind(e.kind), e.offset_s, e.section_index) for e in rows.timer_events]
    recovered: list[TimerEventData] = []
    probe = InterviewTimer(clock, [s.minutes for s in template.sections], events)
    last = events[-1].offset_s if events else 0.0
    if probe.running and head.running_offset_s is not None and head.running_offset_s > last:
        # The app stopped while the timer ran: count the time up to the last save, not the gap.
        at = head.running_offset_s
        recovered = [TimerEventData(TimerEventKind.PAUSE, at), TimerEventData(TimerEventKind.RESUME, at)]
    timer = InterviewTimer(clock, [s.minutes for s in template.sections], events + recovered)
    session = LiveSession(
        head.id,
        template,
        timer,
        candidate=head.candidate_name,
        interviewer=head.interviewer_name,
        status=InterviewStatus(head.status),
        now=now,
    )
    for event in recovered:
        session._timer_event(event)
    session.recovered = bool(recovered)
    for note in rows.notes:
        session.notes.setdefault((note.section_index, note.question_index), []).append(
            (note.offset_s, note.text, note.private)
        )
    session.scores = {s.competency_id: (s.level, s.evidence) for s in rows.scores}
    session.amended = {a.competency_id: (a.level, a.evidence) for a in rows.amendments}
    session.asked = set(rows.asked)
    session.checklist = set(rows.checklist)
    session.questions = {
        f"db:{q.id}": LoggedQuestion(
            f"db:{q.id}", q.text, QuestionTopic(q.topic), q.answer, q.follow_up_owed, q.offset_s
        )
        for q in rows.candidate_questions
    }
    session.aspirations = head.aspirations
    session.summary = head.summary
    session.recommendation = head.recommendation
    session.sealed_at = head.sealed_at
    session.started_at = head.started_at
    session.disclosure_confirmed_at = head.disclosure_confirmed_at
    for record in rows.tasks:
        if record.task_id in session.tasks:
            session.tasks[record.task_id] = TaskState(
                record.started_offset_s,
                record.ended_offset_s,
                record.deliverable,
                record.outcome,
                record.level,
            )
    for observation in rows.observations:
        if observation.task_id in session.tasks:
            session.tasks[observation.task_id].observations.append((observation.offset_s, observation.text))
    return session
