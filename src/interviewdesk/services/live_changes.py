"""Edits of a live interview as plain values, and how a batch of them is written.

The window never hands ORM objects to the saving thread: it hands these frozen values, and the
writer applies a whole batch in one short transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from interviewdesk.domain.records import (
    CandidateQuestion,
    InterviewFields,
    NotesField,
    Paragraph,
    TaskFields,
)
from interviewdesk.domain.scoring import ScoreValue
from interviewdesk.domain.vocabulary import FollowUpKind, TimerEventKind
from interviewdesk.store import live_rows


@dataclass(frozen=True, slots=True)
class TimerEventChange:
    kind: TimerEventKind
    offset_s: float
    section_index: int | None
    at: datetime


@dataclass(frozen=True, slots=True)
class InterviewChange:
    """Fields of the interview's row (status, times, current section, texts, the seal)."""

    fields: InterviewFields


@dataclass(frozen=True, slots=True)
class NotesChange:
    field: NotesField
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class ScoreChange:
    score: ScoreValue


@dataclass(frozen=True, slots=True)
class AmendmentChange:
    score: ScoreValue
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class AskedChange:
    section_index: int
    question_index: int
    asked: bool
    offset_s: float


@dataclass(frozen=True, slots=True)
class ChecklistChange:
    item_index: int
    covered: bool
    offset_s: float


@dataclass(frozen=True, slots=True)
class QuestionChange:
    """A candidate's question logged, edited or (``deleted``) removed."""

    question: CandidateQuestion
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class FollowUpChange:
    """Something owed after the interview; ``question_key`` links an answer owed to its question."""

    kind: FollowUpKind
    description: str
    due: date
    question_key: str | None = None


@dataclass(frozen=True, slots=True)
class TaskChange:
    """Fields of a working-interview task's record: times, deliverable, outcome, level."""

    task_id: str
    fields: TaskFields


@dataclass(frozen=True, slots=True)
class ObservationChange:
    task_id: str
    text: str
    offset_s: float


Change = (
    TimerEventChange
    | InterviewChange
    | NotesChange
    | ScoreChange
    | AmendmentChange
    | AskedChange
    | ChecklistChange
    | QuestionChange
    | FollowUpChange
    | TaskChange
    | ObservationChange
)


def in_write_order(batch: Sequence[Change]) -> list[Change]:
    """The batch with the interview's own row next to last and follow-ups last, whatever order the
    edits were made in: the scores of a submit are written before the seal that closes them (the
    database refuses a score change after it), and an "answer owed" follow-up links to its
    question's row, which must exist first."""

    def rank(change: Change) -> int:
        return 2 if isinstance(change, FollowUpChange) else 1 if isinstance(change, InterviewChange) else 0

    return sorted(batch, key=rank)


def is_transient(exc: BaseException) -> bool:
    """A failure that retrying can cure: a locked database, a full disk, a dropped connection.

    Anything else (a broken constraint, a wrong column, a bad value) fails the same way every
    time, so the change at fault is set aside rather than retried in front of every later edit.
    """
    transient = (OperationalError, DisconnectionError, InterfaceError, PoolTimeoutError, OSError)
    return isinstance(exc, transient)


def describe_change(change: Change, *, words: bool = True) -> str:  # noqa: PLR0911 - one per kind
    """What an edit was, in the interviewer's words, for a message about it; ``words=False`` for a
    log line, which says how much was typed but never what (logs are outside the database, where
    neither privacy nor erasure reaches)."""

    def quote(text: str) -> str:
        text = " ".join(text.split())
        if not words:
            return f"({len(text)} characters)"
        return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"

    match change:
        case NotesChange(field, paragraphs):
            where = "section notes" if field.question is None else f"notes of question {field.question + 1}"
            texts = " / ".join(str(p.text) for p in paragraphs)
            return f"{where} in section {field.section + 1}: {quote(texts)}"
        case ScoreChange(score):
            return (
                f"the score for {score.competency_id} (level {score.level}, evidence {quote(score.evidence)})"
            )
        case AmendmentChange(score, reason, _at):
            return f"an amendment of {score.competency_id} to level {score.level} ({quote(reason)})"
        case QuestionChange(question):
            return f"the candidate's question {quote(question.text)}"
        case ObservationChange(task, text, _offset):
            return f"an observation on task {task}: {quote(text)}"
        case FollowUpChange(kind=kind, description=description):
            return f"a follow-up ({kind}): {quote(description)}"
        case TimerEventChange(kind=kind, offset_s=offset):
            return f"the timer's {kind} event at {offset} s"
        case AskedChange(section, question, asked, _offset):
            state = "asked" if asked else "not asked"
            return f"question {question + 1} of section {section + 1} marked {state}"
        case ChecklistChange(item, covered, _offset):
            return f"role-clarity point {item + 1} {'covered' if covered else 'not covered'}"
        case InterviewChange(changed):
            return "the interview's " + ", ".join(name.replace("_", " ") for name in changed.changed())
        case TaskChange(task, changed):
            return f"task {task}'s " + ", ".join(name.replace("_", " ") for name in changed.changed())
    return type(change).__name__


NoteRows = dict[NotesField, list[tuple[int, Paragraph]]]
WriterState = tuple[dict[str, int], NoteRows]


@dataclass
class ChangeWriter:
    """Applies batches for one interview; remembers the row ids of questions it inserted and of
    the notes it wrote."""

    interview_id: int
    question_ids: dict[str, int] = field(default_factory=dict)
    # What each notes field holds in the database, so a save writes only the paragraphs that changed.
    note_rows: NoteRows = field(default_factory=dict)

    def snapshot(self) -> WriterState:
        return dict(self.question_ids), {key: list(rows) for key, rows in self.note_rows.items()}

    def restore(self, state: WriterState) -> None:
        """After a rolled-back transaction: forget what it seemed to write."""
        self.question_ids, self.note_rows = state

    def apply(self, connection: Connection, batch: Sequence[Change]) -> None:
        """Write a whole batch; any failure propagates (the caller's transaction rolls back)."""
        for change in in_write_order(batch):
            self.apply_one(connection, change)

    def apply_each(self, connection: Connection, batch: Sequence[Change]) -> list[tuple[Change, Exception]]:
        """Write each change in its own savepoint; those that fail are left out and returned.

        Used after a batch failed for a reason that retrying cannot cure, to find the change at
        fault and write everything else. Transient failures still propagate.
        """
        rejected: list[tuple[Change, Exception]] = []
        for change in in_write_order(batch):
            known = self.snapshot()
            try:
                with connection.begin_nested():
                    self.apply_one(connection, change)
            except Exception as exc:
                if is_transient(exc):
                    raise
                self.restore(known)
                rejected.append((change, exc))
        return rejected

    def apply_one(self, connection: Connection, change: Change) -> None:
        iid = self.interview_id
        match change:
            case TimerEventChange(kind, offset, section, at):
                live_rows.add_timer_event(
                    connection, iid, kind=kind, offset_s=offset, section_index=section, at=at
                )
            case InterviewChange(interview_fields):
                live_rows.update_interview(connection, iid, interview_fields)
            case NotesChange():
                self._notes(connection, change)
            case ScoreChange(score):
                live_rows.upsert_score(connection, iid, score.competency_id, score.level, score.evidence)
            case AmendmentChange(score, reason, at):
                live_rows.add_amendment(
                    connection,
                    iid,
                    competency_id=score.competency_id,
                    level=score.level,
                    evidence=score.evidence,
                    reason=reason,
                    at=at,
                )
            case AskedChange(section, question, asked, offset):
                live_rows.set_asked(
                    connection,
                    iid,
                    section_index=section,
                    question_index=question,
                    asked=asked,
                    offset_s=offset,
                )
            case ChecklistChange(item, covered, offset):
                live_rows.set_checklist_mark(connection, iid, item, covered, offset)
            case QuestionChange():
                self._question(connection, change)
            case TaskChange(task_id, task_fields):
                live_rows.update_task(connection, iid, task_id, task_fields)
            case ObservationChange(task_id, text, offset):
                live_rows.add_observation(connection, iid, task_id, text, offset)
            case FollowUpChange(kind, description, due, question_key):
                live_rows.add_follow_up(
                    connection,
                    iid,
                    kind=kind,
                    description=description,
                    due=due,
                    candidate_question_id=self._question_id(question_key),
                )

    def _notes(self, connection: Connection, change: NotesChange) -> None:
        key = change.field
        if key not in self.note_rows:
            self.note_rows[key] = live_rows.field_notes(connection, self.interview_id, key)
        self.note_rows[key] = live_rows.sync_field_notes(
            connection, self.interview_id, key, self.note_rows[key], change.paragraphs
        )

    def _question_id(self, key: str | None) -> int | None:
        if key is None:
            return None
        row_id = self.question_ids.get(key)
        if row_id is None and key.startswith("db:"):
            row_id = int(key[3:])
        return row_id

    def _question(self, connection: Connection, change: QuestionChange) -> None:
        question = change.question
        row_id = self._question_id(question.key)
        if change.deleted:
            if row_id is not None:
                live_rows.delete_candidate_question(connection, self.interview_id, row_id)
            return
        self.question_ids[question.key] = live_rows.save_candidate_question(
            connection, self.interview_id, row_id, question
        )
