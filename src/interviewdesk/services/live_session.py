"""A live interview in memory: what the window shows, and the edits still to be written.

The window calls these methods and never touches the database; :meth:`LiveSession.take_batch`
hands the pending edits (plain values, repeated edits of one field coalesced) to the save queue.
Time comes from the injected clock through the domain timer.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy.engine import Connection

from interviewdesk.domain.clock import Clock, utc_now
from interviewdesk.domain.records import CandidateQuestion, InterviewFields, NotesField, Paragraph, TaskFields
from interviewdesk.domain.scoring import ScoreValue, seal_digest
from interviewdesk.domain.timer import InterviewTimer, TimerEventData, running_seconds
from interviewdesk.domain.vocabulary import FollowUpKind, InterviewStatus, QuestionTopic, TimerEventKind
from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.services.identity import current_me
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
from interviewdesk.services.visibility import refuse_if_sealed, sealed_for_me
from interviewdesk.store.bundle_writes import latest_import
from interviewdesk.store.database import Database
from interviewdesk.store.report_rows import InterviewRows, interview_rows_for_report
from interviewdesk.templates.model import SectionKind, Template


@dataclass(slots=True)
class TaskState:
    """One task of a working interview as it runs: offsets on the interview's clock."""

    started_s: float | None = None
    ended_s: float | None = None
    deliverable: str = ""
    outcome: str = ""
    level: int | None = None
    observations: list[tuple[float, str]] = field(default_factory=list)


# TaskFields' names for what TaskState calls started_s / ended_s
_TASK_STATE = {"started_offset_s": "started_s", "ended_offset_s": "ended_s"}


@dataclass
class Recorded:
    """What an interview already holds when a session opens it (empty for a new one)."""

    notes: dict[NotesField, list[Paragraph]] = field(default_factory=dict)
    scores: dict[str, ScoreValue] = field(default_factory=dict)
    amended: dict[str, ScoreValue] = field(default_factory=dict)  # the latest amendment per competency
    asked: set[tuple[int, int]] = field(default_factory=set)
    checklist: set[int] = field(default_factory=set)
    questions: dict[str, CandidateQuestion] = field(default_factory=dict)
    aspirations: str = ""
    summary: str = ""
    recommendation: str | None = None
    sealed_at: datetime | None = None
    started_at: datetime | None = None
    disclosure_confirmed_at: datetime | None = None
    tasks: dict[str, TaskState] = field(default_factory=dict)


class LiveSession:
    def __init__(
        self,
        interview_id: int,
        template: Template,
        timer: InterviewTimer,
        *,
        uid: str,
        candidate: str,
        interviewer: str,
        status: InterviewStatus,
        recorded: Recorded | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        held = recorded or Recorded()
        self.interview_id = interview_id
        self.uid = uid  # the global id, which the seal is made over
        self.template = template
        self.timer = timer
        self.candidate = candidate
        self.interviewer = interviewer
        self.status = status
        self._now = now
        self.notes = held.notes
        self.scores = held.scores
        self.amended = held.amended
        self.asked = held.asked
        self.checklist = held.checklist
        self.questions = held.questions
        self.aspirations = held.aspirations
        self.summary = held.summary
        self.recommendation = held.recommendation
        self.sealed_at = held.sealed_at
        self.started_at = held.started_at
        self.disclosure_confirmed_at = held.disclosure_confirmed_at
        self.tasks = {t.id: held.tasks.get(t.id, TaskState()) for s in template.sections for t in s.tasks}
        self.recovered = False  # reopened after the app stopped while the timer ran
        self._keyed: dict[tuple[object, ...], Change] = {}
        self._ordered: list[Change] = []

    @classmethod
    def from_rows(cls, rows: InterviewRows, clock: Clock, now: Callable[[], datetime]) -> LiveSession:
        """The session of a stored interview. If the app stopped while its timer ran, the time up
        to the last heartbeat counts and the gap does not (a pause and a resume are recorded)."""
        head = rows.head
        template = Template.from_dict(head.template_body)
        events = [
            TimerEventData(TimerEventKind(e.kind), e.offset_s, e.section_index) for e in rows.timer_events
        ]
        planned = [s.minutes for s in template.sections]
        recovered: list[TimerEventData] = []
        last = events[-1].offset_s if events else 0.0
        if InterviewTimer(clock, planned, events).running and (head.running_offset_s or 0.0) > last:
            at = head.running_offset_s
            recovered = [TimerEventData(TimerEventKind.PAUSE, at), TimerEventData(TimerEventKind.RESUME, at)]
        session = cls(
            head.id,
            template,
            InterviewTimer(clock, planned, events + recovered),
            uid=head.uid,
            candidate=head.candidate_name,
            interviewer=head.interviewer_name,
            status=InterviewStatus(head.status),
            recorded=_recorded(rows),
            now=now,
        )
        for event in recovered:
            session._timer_event(event)
        session.recovered = bool(recovered)
        return session

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

    def score(self, competency_id: str) -> ScoreValue:
        """The score shown: the latest amendment's after the seal, else the score itself."""
        blank = ScoreValue(competency_id, None, "")
        return self.amended.get(competency_id) or self.scores.get(competency_id, blank)

    def level(self, competency_id: str) -> int | None:
        return self.score(competency_id).level

    def evidence(self, competency_id: str) -> str:
        return self.score(competency_id).evidence

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
            InterviewFields(
                status=InterviewStatus.LIVE,
                started_at=self._now(),
                current_section=self.timer.current_section,
            )
        )

    def pause(self) -> None:
        self._timer_event(self.timer.pause())

    def resume(self) -> None:
        self._timer_event(self.timer.resume())

    def go_to_section(self, index: int) -> None:
        if index == self.timer.current_section:
            return
        self._timer_event(self.timer.go_to_section(index))
        self._set(InterviewFields(current_section=index))

    def end(self) -> None:
        self._timer_event(self.timer.end())
        self.status = InterviewStatus.COMPLETED
        self._set(
            InterviewFields(status=InterviewStatus.COMPLETED, ended_at=self._now(), running_offset_s=None)
        )

    def heartbeat(self) -> None:
        """While the timer runs, remember how far it got: a crash then loses seconds, not minutes."""
        if self.timer.running:
            offset = round(self.timer.offset(), 3)
            self._keyed[("heartbeat",)] = InterviewChange(InterviewFields(running_offset_s=offset))

    def _timer_event(self, event: TimerEventData) -> None:
        self._ordered.append(TimerEventChange(event.kind, event.offset_s, event.section_index, self._now()))

    # -- what the interviewer records --------------------------------------------------------
    def set_notes(self, section: int, question: int | None, paragraphs: Sequence[Paragraph]) -> None:
        key = NotesField(section, question)
        # Paragraphs as they come (the window's are already); plain tuples made into Paragraphs.
        # Rebuilding twenty thousand of them was most of a save of a 10 MB note.
        wanted = [p if type(p) is Paragraph else Paragraph(*p) for p in paragraphs]
        if self.notes.get(key, []) == wanted:
            return
        self.notes[key] = wanted
        self._keyed[("notes", section, question)] = NotesChange(key, tuple(wanted))

    def set_asked(self, section: int, question: int, asked: bool) -> None:
        if ((section, question) in self.asked) == asked:
            return
        (self.asked.add if asked else self.asked.discard)((section, question))
        self._keyed[("asked", section, question)] = AskedChange(section, question, asked, self.offset())

    def set_score(self, competency_id: str, level: int | None) -> None:
        self._require_unsealed()
        self._score(replace(self.score(competency_id), level=level))

    def set_evidence(self, competency_id: str, evidence: str) -> None:
        self._require_unsealed()
        self._score(replace(self.score(competency_id), evidence=evidence))

    def _score(self, score: ScoreValue) -> None:
        if self.scores.get(score.competency_id) == score:
            return
        self.scores[score.competency_id] = score
        self._keyed[("score", score.competency_id)] = ScoreChange(score)

    def amend(self, competency_id: str, level: int | None, evidence: str, reason: str) -> None:
        """After the seal: a recorded amendment beside the sealed score, never an overwrite."""
        if not self.sealed:
            raise UserError("only a submitted interview is amended; change the score itself instead.")
        amended = ScoreValue(competency_id, level, evidence)
        self.amended[competency_id] = amended
        self._ordered.append(AmendmentChange(amended, reason.strip(), self._now()))

    def log_question(
        self, text: str, topic: QuestionTopic, answer: str = "", follow_up_owed: bool = False
    ) -> str:
        return self.add_question(CandidateQuestion(text, topic, answer, follow_up_owed))

    def add_question(self, question: CandidateQuestion) -> str:
        """Log a question the candidate asks now; returns the key it is known by."""
        key = f"new:{uuid.uuid4().hex}"
        self._question(
            replace(
                question,
                text=question.text.strip(),
                answer=question.answer.strip(),
                offset_s=self.offset(),
                key=key,
            )
        )
        return key

    def update_question(self, question: CandidateQuestion) -> None:
        """A logged question edited (its key and the moment it was asked stay)."""
        logged = self.questions[question.key]
        self._question(replace(question, offset_s=logged.offset_s))

    def delete_question(self, key: str) -> None:
        question = self.questions.pop(key)
        self._keyed[("question", key)] = QuestionChange(question, deleted=True)

    def _question(self, question: CandidateQuestion) -> None:
        self.questions[question.key] = question
        self._keyed[("question", question.key)] = QuestionChange(question)

    # -- a working interview's tasks ---------------------------------------------------------
    def confirm_disclosure(self) -> None:
        """The candidate was told the tasks, duration, pay, who they work with, how work is judged
        and what happens to it; stored with the time."""
        self.disclosure_confirmed_at = self._now()
        self._set(InterviewFields(disclosure_confirmed_at=self.disclosure_confirmed_at))

    def start_task(self, task_id: str) -> None:
        task = self.tasks[task_id]
        if task.started_s is not None and task.ended_s is None:
            return
        task.started_s, task.ended_s = round(self.offset(), 3), None
        self._task(task_id, TaskFields(started_offset_s=task.started_s, ended_offset_s=None))

    def end_task(self, task_id: str) -> None:
        task = self.tasks[task_id]
        if task.started_s is None or task.ended_s is not None:
            return
        task.ended_s = round(self.offset(), 3)
        self._task(task_id, TaskFields(ended_offset_s=task.ended_s))

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

    def set_task(self, task_id: str, changed: TaskFields) -> None:
        """The deliverable, outcome or level of a task (the fields ``changed`` sets)."""
        task = self.tasks[task_id]
        for name, value in changed.changed().items():
            setattr(task, _TASK_STATE.get(name, name), value)
        self._task(task_id, changed)

    def _task(self, task_id: str, changed: TaskFields) -> None:
        previous = self._keyed.get(("task", task_id))
        merged = previous.fields.merged(changed) if isinstance(previous, TaskChange) else changed
        self._keyed[("task", task_id)] = TaskChange(task_id, merged)

    def set_checklist(self, item: int, covered: bool) -> None:
        if (item in self.checklist) == covered:
            return
        (self.checklist.add if covered else self.checklist.discard)(item)
        self._keyed[("checklist", item)] = ChecklistChange(item, covered, self.offset())

    def set_aspirations(self, text: str) -> None:
        self.aspirations = text
        self._set(InterviewFields(aspirations=text))

    def set_summary(self, text: str) -> None:
        self._require_unsealed()
        self.summary = text
        self._set(InterviewFields(summary=text))

    def set_recommendation(self, recommendation_id: str | None) -> None:
        self._require_unsealed()
        self.recommendation = recommendation_id
        self._set(InterviewFields(recommendation=recommendation_id))

    def submit(self) -> str:
        """End the interview if it is running and seal the scores; returns the seal's hash."""
        self._require_unsealed()
        if self.timer.started and not self.timer.ended:
            self.end()
        digest = seal_digest(self.uid, self.recommendation, self.scores.values())
        self.sealed_at = self._now()
        self.status = InterviewStatus.SUBMITTED
        self._set(
            InterviewFields(status=InterviewStatus.SUBMITTED, sealed_at=self.sealed_at, seal_hash=digest)
        )
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

    def _set(self, changed: InterviewFields) -> None:
        """Fields of the interview row; later values of a field replace earlier pending ones."""
        previous = self._keyed.get(("interview",))
        merged = previous.fields.merged(changed) if isinstance(previous, InterviewChange) else changed
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
        if rows is not None:
            refuse_if_sealed(sealed_for_me(connection, [rows.head.candidate_id]), interview_id)
            _refuse_a_copy(connection, rows)
    if rows is None:
        raise NotFoundError(f"there is no interview {interview_id}.")
    if rows.head.status == InterviewStatus.CANCELLED:
        raise UserError(f"interview {interview_id} was cancelled; plan a new one to interview the candidate.")
    return LiveSession.from_rows(rows, clock, now)


def _refuse_a_copy(connection: Connection, rows: InterviewRows) -> None:
    """An interview imported from its interviewer's laptop changes there, not here: a newer bundle
    replaces this copy, and an edit here would be lost (or, sealed, refused) then."""
    head = rows.head
    if head.status == InterviewStatus.PLANNED or latest_import(connection, head.id) is None:
        return
    me = current_me(connection)
    if me is not None and head.interviewer_id == me.interviewer_id:
        return
    who = f"{head.interviewer_name}'s" if head.interviewer_name else "another"
    raise UserError(
        f"interview {head.id} came in a bundle from {who} laptop: it changes there, and a newer bundle "
        "replaces this copy. Its PDF shows everything in it."
    )


def _recorded(rows: InterviewRows) -> Recorded:
    head = rows.head
    notes: dict[NotesField, list[Paragraph]] = {}
    for note in rows.notes:
        notes.setdefault(NotesField(note.section_index, note.question_index), []).append(
            Paragraph(note.offset_s, note.text, note.private)
        )
    tasks = {
        r.task_id: TaskState(r.started_offset_s, r.ended_offset_s, r.deliverable, r.outcome, r.level)
        for r in rows.tasks
    }
    for observation in rows.observations:
        tasks.setdefault(observation.task_id, TaskState()).observations.append(
            (observation.offset_s, observation.text)
        )
    return Recorded(
        notes=notes,
        scores={s.competency_id: ScoreValue.of(s) for s in rows.scores},
        amended={a.competency_id: ScoreValue(a.competency_id, a.level, a.evidence) for a in rows.amendments},
        asked=set(rows.asked),
        checklist=set(rows.checklist),
        questions={
            f"db:{q.id}": CandidateQuestion(
                q.text, QuestionTopic(q.topic), q.answer, q.follow_up_owed, q.offset_s, key=f"db:{q.id}"
            )
            for q in rows.candidate_questions
        },
        aspirations=head.aspirations,
        summary=head.summary,
        recommendation=head.recommendation,
        sealed_at=head.sealed_at,
        started_at=head.started_at,
        disclosure_confirmed_at=head.disclosure_confirmed_at,
        tasks=tasks,
    )
