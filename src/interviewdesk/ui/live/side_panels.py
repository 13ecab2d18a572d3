"""The panels beside the script: the candidate's questions, role clarity and aspirations, and the close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain.records import CandidateQuestion
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.templates.model import Template
from interviewdesk.ui.live.capture import CaptureLine, topic_box


class QuestionsPanel(QWidget):
    """Quick capture of a question the candidate asks, and the log of them.

    ``logged(text, topic, answer, follow_up_owed)`` fires when one is added; ``capture_done``
    after Enter or Esc in the capture, so the window can give the caret back.
    """

    logged = Signal(object)  # a CandidateQuestion, new
    updated = Signal(object)  # a CandidateQuestion, edited (its key says which)
    deleted = Signal(str)
    capture_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic_box("captureTopic")
        self.question = CaptureLine(self.topic)
        self.question.setObjectName("captureQuestion")
        self.question.setPlaceholderText("The candidate's question: Enter logs, ↑/↓ topic, Esc goes back")
        self.answer = CaptureLine(self.topic)
        self.answer.setObjectName("captureAnswer")
        self.answer.setPlaceholderText("The answer you gave (optional)")
        for line in (self.question, self.answer):
            line.cancelled.connect(self.cancel)
        self.owed = QCheckBox("Follow-up owed")
        self.add_button = QPushButton("Log question")
        self.add_button.clicked.connect(self.submit)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self._delete)
        self.delete_button.hide()
        self._editing: str | None = None  # the key of the question being edited, if any
        self._keys: list[str] = []
        self.question.returnPressed.connect(self.submit)
        self.answer.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow("Question", self.question)
        form.addRow("Topic", self.topic)
        form.addRow("Answer", self.answer)
        row = QHBoxLayout()
        row.addWidget(self.owed)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.add_button)
        form.addRow(row)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("candidateQuestions")
        self.table.setAccessibleName("Questions the candidate asked")
        self.table.setHorizontalHeaderLabels(["Question", "Topic", "Answer", "Owed"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setToolTip("Double-click (or Enter) a question to edit its answer, topic or follow-up")
        self.table.activated.connect(lambda index: self.edit(self._keys[index.row()]))
        self._questions: dict[str, CandidateQuestion] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)

    def submit(self) -> None:
        text = self.question.text().strip()
        if not text:
            self.cancel()
            return
        question = CandidateQuestion(
            text,
            QuestionTopic(self.topic.currentData()),  # Qt hands the enum back as its str value
            self.answer.text().strip(),
            self.owed.isChecked(),
            key=self._editing or "",
        )
        (self.logged if self._editing is None else self.updated).emit(question)
        self._reset()
        self.capture_done.emit()

    def cancel(self) -> None:
        """Esc: leave the capture as it was before, and give the keyboard back."""
        self._reset()
        self.capture_done.emit()

    def edit(self, key: str) -> None:
        """Load a logged question into the form; Enter saves the change."""
        question = self._questions[key]
        self._editing = key
        self.question.setText(question.text)
        self.topic.setCurrentIndex(self.topic.findData(question.topic))
        self.answer.setText(question.answer)
        self.owed.setChecked(question.follow_up_owed)
        self.add_button.setText("Save changes")
        self.delete_button.show()
        self.answer.setFocus()

    def _delete(self) -> None:
        if self._editing is not None:
            self.deleted.emit(self._editing)
        self._reset()
        self.capture_done.emit()

    def _reset(self) -> None:
        self._editing = None
        self.add_button.setText("Log question")
        self.delete_button.hide()
        self.question.clear()
        self.answer.clear()
        self.owed.setChecked(False)
        self.topic.setCurrentIndex(0)

    def show_questions(self, questions: list[CandidateQuestion]) -> None:
        self._questions = {q.key: q for q in questions}
        self._keys = [q.key for q in questions]
        self.table.setRowCount(len(questions))
        for row, q in enumerate(questions):
            for column, value in enumerate(
                (q.text, q.topic.label, q.answer, "yes" if q.follow_up_owed else "")
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))


class RolePanel(QWidget):
    """The role-clarity checklist, ticked as each is covered, and the candidate's aspirations."""

    checked = Signal(int, bool)
    aspirations_edited = Signal()

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = QListWidget()
        self.checklist.setObjectName("roleChecklist")
        self.checklist.setAccessibleName("Role-clarity checklist")
        for item in template.role_clarity:
            entry = QListWidgetItem(item)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.checklist.addItem(entry)
        self.checklist.itemChanged.connect(
            lambda entry: self.checked.emit(
                self.checklist.row(entry), entry.checkState() == Qt.CheckState.Checked
            )
        )
        self.aspirations = QPlainTextEdit()
        self.aspirations.setObjectName("aspirations")
        self.aspirations.setAccessibleName("The candidate's aspirations")
        self.aspirations.setPlaceholderText(
            "What the candidate wants from their next role, and where they want to grow"
        )
        self.aspirations.setTabChangesFocus(True)
        self.aspirations.textChanged.connect(self.aspirations_edited)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Role clarity</b>: tick each point as you cover it (Space ticks)"))
        layout.addWidget(self.checklist, 1)
        layout.addWidget(QLabel("<b>The candidate's aspirations</b>"))
        layout.addWidget(self.aspirations, 1)

    def set_checked(self, items: set[int]) -> None:
        self.checklist.blockSignals(True)
        for row in range(self.checklist.count()):
            state = Qt.CheckState.Checked if row in items else Qt.CheckState.Unchecked
            self.checklist.item(row).setCheckState(state)
        self.checklist.blockSignals(False)


class ClosePanel(QWidget):
    """The overall recommendation, the summary, and Submit (which seals the scores)."""

    recommendation_changed = Signal(object)
    summary_edited = Signal()
    submit_requested = Signal()

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recommendation = QComboBox()
        self.recommendation.setObjectName("recommendation")
        self.recommendation.addItem("Choose a recommendation…", None)
        for option in template.recommendations:
            self.recommendation.addItem(option.label, option.id)
        self.recommendation.currentIndexChanged.connect(
            lambda _i: self.recommendation_changed.emit(self.recommendation.currentData())
        )
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setAccessibleName("Summary of the interview")
        self.summary.setPlaceholderText("Summary for the panel: the evidence that matters most")
        self.summary.setTabChangesFocus(True)
        self.summary.textChanged.connect(self.summary_edited)
        self.submit_button = QPushButton("Submit and seal the scores… (Ctrl+Shift+S)")
        self.submit_button.setObjectName("submit")
        self.submit_button.clicked.connect(self.submit_requested)
        self.seal = QLabel()
        self.seal.setObjectName("sealInfo")
        self.seal.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Overall recommendation</b>"))
        layout.addWidget(self.recommendation)
        layout.addWidget(QLabel("<b>Summary</b>"))
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.submit_button)
        layout.addWidget(self.seal)

    def show_values(self, recommendation: str | None, summary: str) -> None:
        self.recommendation.blockSignals(True)
        self.recommendation.setCurrentIndex(max(0, self.recommendation.findData(recommendation)))
        self.recommendation.blockSignals(False)
        self.summary.blockSignals(True)
        self.summary.setPlainText(summary)
        self.summary.blockSignals(False)

    def set_sealed(self, text: str | None) -> None:
        sealed = text is not None
        self.recommendation.setEnabled(not sealed)
        self.summary.setReadOnly(sealed)
        self.submit_button.setEnabled(not sealed)
        self.seal.setText(text or "")
