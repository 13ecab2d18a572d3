"""The interview script: one page per section with its guidance, its questions (follow-ups, the
competencies they give evidence for, an "asked" box) and a notes field per question and section."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain.records import NotesField
from interviewdesk.templates.model import Question, Section, SectionKind, Template
from interviewdesk.ui.live.notes_edit import StampedNotesEdit
from interviewdesk.ui.live.task_panel import TaskPanel

MIN_NOTES_HEIGHT = 96  # about four lines


def _label(html: str, *, object_name: str | None = None) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    if object_name:
        label.setObjectName(object_name)
    return label


class ScriptView(QStackedWidget):
    """``notes_edited(key)`` and ``asked_changed(section, question, asked)`` report the user's edits."""

    notes_edited = Signal(object)
    asked_changed = Signal(int, int, bool)

    def __init__(
        self, template: Template, offset: Callable[[], float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.template = template
        self.notes: dict[NotesField, StampedNotesEdit] = {}
        self._fields: dict[StampedNotesEdit, NotesField] = {}
        self.asked_boxes: dict[tuple[int, int], QCheckBox] = {}
        self.task_panels: dict[str, TaskPanel] = {}
        competencies = {c.id: c.name for c in template.competencies}
        for index, section in enumerate(template.sections):
            self.addWidget(self._page(index, section, competencies, offset))

    def _page(
        self, index: int, section: Section, competencies: dict[str, str], offset: Callable[[], float]
    ) -> QScrollArea:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            _label(f"<h2>{index + 1}. {escape(section.title)}</h2><i>{section.minutes:g} min planned</i>")
        )
        if section.guidance:
            layout.addWidget(_label(escape(section.guidance), object_name="guidance"))
        if section.kind is SectionKind.CANDIDATE_QUESTIONS:
            layout.addWidget(_label("<b>Log each question the candidate asks with Ctrl+K.</b>"))
        if section.kind is SectionKind.OPENING and any(s.tasks for s in self.template.sections):
            layout.addWidget(_label("<b>Go through the disclosure with the candidate (Ctrl+Shift+D).</b>"))
        for task in section.tasks:
            panel = TaskPanel(task, self.template.scale)
            self.task_panels[task.id] = panel
            layout.addWidget(panel)
        for q_index, question in enumerate(section.questions):
            layout.addWidget(self._question(index, q_index, question, competencies, offset), 1)
        layout.addWidget(QLabel("<b>Section notes</b>"))
        section_notes = self._editor(NotesField(index, None), offset, f"Section notes: {section.title}")
        layout.addWidget(section_notes, 1)  # the notes take the spare height
        scroll = QScrollArea()
        scroll.setAccessibleName(f"Section {index + 1} of the script: {section.title}")
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _question(
        self,
        section: int,
        index: int,
        question: Question,
        competencies: dict[str, str],
        offset: Callable[[], float],
    ) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.addWidget(_label(f"<b>{escape(question.text)}</b>", object_name="questionText"))
        if question.follow_ups:
            items = "".join(f"<li>{escape(f)}</li>" for f in question.follow_ups)
            layout.addWidget(_label(f"Follow-ups:<ul style='margin:0'>{items}</ul>"))
        if question.competencies:
            names = ", ".join(escape(competencies.get(c, c)) for c in question.competencies)
            layout.addWidget(_label(f"<i>Evidence for: {names}</i>"))
        asked = QCheckBox("Asked")
        asked.setAccessibleName(f"Asked: {question.text}")  # a screen reader hears which question
        asked.toggled.connect(lambda checked: self.asked_changed.emit(section, index, checked))
        self.asked_boxes[(section, index)] = asked
        layout.addWidget(asked)
        layout.addWidget(self._editor(NotesField(section, index), offset, f"Notes: {question.text}"), 1)
        return frame

    def _editor(self, key: NotesField, offset: Callable[[], float], name: str) -> StampedNotesEdit:
        editor = StampedNotesEdit(offset)
        editor.setAccessibleName(name)
        editor.setObjectName(f"notes-{key[0]}-{'s' if key[1] is None else key[1]}")
        editor.setMinimumHeight(MIN_NOTES_HEIGHT)
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        editor.edited.connect(lambda: self.notes_edited.emit(key))
        # Typing into a question's notes means it was asked.
        if key[1] is not None:
            editor.edited.connect(lambda: self.asked_boxes[(key[0], key[1])].setChecked(True))
        self.notes[key] = editor
        self._fields[editor] = key
        return editor

    # -- where the interviewer is --------------------------------------------------------------
    def field_of(self, editor: StampedNotesEdit | None) -> NotesField | None:
        return self._fields.get(editor) if editor is not None else None

    def fields(self, section: int) -> list[NotesField]:
        """The notes fields of a section in the order on screen: each question's, then the section's."""
        count = len(self.template.sections[section].questions)
        return [*(NotesField(section, q) for q in range(count)), NotesField(section, None)]

    def field_to_type_in(self, section: int) -> NotesField:
        """Where notes go on entering a section: where the latest note of the section was written
        (coming back, or resuming after a crash), else the first question not yet asked, else the
        section's own notes."""
        latest: tuple[float, NotesField] | None = None
        for key in self.fields(section):
            for offset, _text, _private in self.notes[key].paragraphs():
                if latest is None or offset >= latest[0]:
                    latest = (offset, key)
        if latest is not None:
            return latest[1]
        for q_index in range(len(self.template.sections[section].questions)):
            if not self.asked_boxes[(section, q_index)].isChecked():
                return NotesField(section, q_index)
        return NotesField(section, None)

    def field_text(self, key: NotesField) -> str:
        section = self.template.sections[key[0]]
        if key[1] is None:
            return f"Section notes: {section.title}"
        return section.questions[key[1]].text

    def reveal(self, editor: StampedNotesEdit) -> None:
        """Scroll the current page so ``editor`` is in view (it may be in the compact layout)."""
        page = self.currentWidget()
        if isinstance(page, QScrollArea) and page.isAncestorOf(editor):
            page.ensureWidgetVisible(editor, 0, 24)

    def restyle(self) -> None:
        for editor in self.notes.values():
            editor.restyle()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # On a tall screen each notes field gets a third of the page, never less than a few lines.
        height = max(MIN_NOTES_HEIGHT, event.size().height() // 3)
        for editor in self.notes.values():
            editor.setMinimumHeight(height)

    def prepare_pages(self) -> None:
        """Polish and lay out every page ahead of time, so a section change only has to show one."""
        for index in range(self.count()):
            page = self.widget(index)
            inner = page.widget() if isinstance(page, QScrollArea) else None
            if inner is None:
                continue
            inner.ensurePolished()
            for child in inner.findChildren(QWidget):
                child.ensurePolished()
            inner.resize(self.width(), inner.sizeHint().height())
            layout = inner.layout()
            if layout is not None:
                layout.activate()
