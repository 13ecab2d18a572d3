"""Where the interviewer is: the notes field of the question being asked, and the competency that
Ctrl+digit scores.

The current field is the last notes field typed in within the section on screen; on entering a
section it is where the latest note of that section was written, else the first question not yet
asked. When the question changes, the rubric follows: the question's first competency becomes
the current one, and its competencies are marked. The compact layout shows the same question, its
notes field (moved there) and the same competency.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from interviewdesk.domain.records import NotesField
from interviewdesk.services.live_session import LiveSession
from interviewdesk.ui.live.compact import CompactView
from interviewdesk.ui.live.notes_edit import StampedNotesEdit
from interviewdesk.ui.live.rubric import RubricPanel
from interviewdesk.ui.live.script_view import ScriptView


class Navigator(QObject):
    def __init__(
        self,
        parent: QWidget,
        session: LiveSession,
        script: ScriptView,
        rubric: RubricPanel,
        compact: CompactView,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.script = script
        self.rubric = rubric
        self.compact = compact
        self.last_notes: StampedNotesEdit | None = None
        competencies = session.template.competencies
        self.current_competency: str | None = competencies[0].id if competencies else None
        self._field: NotesField | None = None  # the field the rubric last followed

    # -- the notes field -----------------------------------------------------------------------
    def current_field(self) -> NotesField:
        section = self.script.currentIndex()
        key = self.script.field_of(self.last_notes)
        if key is not None and key[0] == section:
            return key
        return self.script.field_to_type_in(section)

    def current_notes(self) -> StampedNotesEdit:
        return self.script.notes[self.current_field()]

    def settle(self, *, compact: bool) -> StampedNotesEdit:
        """Make the current notes field the one the caret goes to (in the compact layout too)."""
        editor = self.current_notes()
        self.last_notes = editor
        if compact:
            self.compact.host(editor)
        self.field_changed()
        return editor

    def step_question(self, step: int) -> None:
        fields = self.script.fields(self.script.currentIndex())
        index = fields.index(self.current_field()) + step
        self.last_notes = self.script.notes[fields[max(0, min(index, len(fields) - 1))]]

    def notes_focused(self, editor: StampedNotesEdit) -> None:
        if editor is not self.last_notes:
            self.last_notes = editor
            self.field_changed()

    def field_changed(self) -> None:
        """The question in front of the interviewer changed: the rubric and compact view follow."""
        key = self.current_field()
        fields = self.script.fields(key[0])
        following = fields[fields.index(key) + 1 :]
        sections = self.session.template.sections
        if following and following[0][1] is not None:
            next_text = self.script.field_text(following[0])
        elif key[0] + 1 < len(sections):
            next_text = f"{sections[key[0] + 1].title} (next section, F8)"
        else:
            next_text = ""
        self.compact.show_questions(self.script.field_text(key), next_text)
        linked = self.linked(key)
        if linked and key != self._field:  # a new question: its first competency is the current one
            self.current_competency = linked[0]
        self._field = key
        self.rubric.set_current(self.current_competency, linked)
        self.show_competency()

    def linked(self, key: NotesField) -> tuple[str, ...]:
        """The competencies the question of ``key`` gives evidence for."""
        if key[1] is None:
            return ()
        return tuple(self.session.template.sections[key[0]].questions[key[1]].competencies)

    # -- the competency ------------------------------------------------------------------------
    def step_competency(self, step: int) -> None:
        if self.current_competency is not None:
            self.competency_focused(self.rubric.neighbour(self.current_competency, step), reveal=True)

    def competency_focused(self, cid: str, *, reveal: bool = False) -> None:
        if cid != self.current_competency:
            self.current_competency = cid
            self.rubric.set_current(cid, self.linked(self.current_field()), reveal=reveal)
        self.show_competency()

    def show_competency(self) -> None:
        cid = self.current_competency
        competency = self.session.template.competency(cid) if cid else None
        self.compact.show_competency(competency, self.session.level(cid) if cid else None)
