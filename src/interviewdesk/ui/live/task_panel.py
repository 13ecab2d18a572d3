"""A working-interview task as it runs: the brief and what was promised, a task timer (stated
against actual), timestamped observations, the deliverable, the outcome and a level by the task's anchors."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain import stamps
from interviewdesk.templates.model import ScaleLevel, Task, Template
from interviewdesk.ui import theme
from interviewdesk.ui.live.timer_bar import clock_text


def pay_text(task: Task) -> str:
    return task.pay if task.paid else f"unpaid{': ' + task.pay if task.pay else ''}"


class TaskPanel(QFrame):
    start_requested = Signal(str)
    end_requested = Signal(str)
    observed = Signal(str, str)
    field_edited = Signal(str)  # deliverable or outcome changed
    levelled = Signal(str, object)

    def __init__(self, task: Task, scale: tuple[ScaleLevel, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.setObjectName(f"task-{task.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        details = [
            f"<b>{escape(task.title)}</b>",
            escape(task.brief),
            f"<i>Expected:</i> {escape(task.expectations)}" if task.expectations else "",
            f"<i>Needs:</i> {escape(task.needs)}" if task.needs else "",
            f"<i>Works with:</i> {escape(task.works_with)}" if task.works_with else "",
            f"<i>Stated:</i> {task.minutes:g} min · <i>Pay:</i> {escape(pay_text(task))}",
        ]
        info = QLabel("<br>".join(part for part in details if part))
        info.setWordWrap(True)
        self.timer = QLabel()
        self.timer.setObjectName("taskTimer")
        self.start_button = QPushButton("Start task")
        self.start_button.setAccessibleName(f"Start task: {task.title}")
        self.start_button.clicked.connect(self._start_or_end)
        self.observation = QLineEdit()
        self.observation.setObjectName("observation")
        self.observation.setAccessibleName(f"Observation on {task.title}")
        self.observation.setPlaceholderText(
            "Observation: how they approach it, what they ask, how they work with others (Enter)"
        )
        self.observation.returnPressed.connect(self._observe)
        self.observations = QListWidget()
        self.observations.setAccessibleName(f"Observations on {task.title}")
        self.observations.setMaximumHeight(110)
        self.deliverable = QLineEdit()
        self.deliverable.setAccessibleName(f"Deliverable of {task.title}")
        self.deliverable.setPlaceholderText("Deliverable: what they produced, or where it is")
        self.deliverable.textEdited.connect(lambda _t: self.field_edited.emit(task.id))
        self.outcome = QPlainTextEdit()
        self.outcome.setAccessibleName(f"Outcome of {task.title}")
        self.outcome.setPlaceholderText("Outcome")
        self.outcome.setMaximumHeight(70)
        self.outcome.setTabChangesFocus(True)
        self.outcome.textChanged.connect(lambda: self.field_edited.emit(task.id))
        grid = self._level_grid(task, scale)
        self.levels.idClicked.connect(lambda level: self.levelled.emit(task.id, level))
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.timer)
        layout.addWidget(self.start_button)
        layout.addWidget(self.observation)
        layout.addWidget(self.observations)
        layout.addWidget(self.deliverable)
        layout.addWidget(self.outcome)
        layout.addLayout(grid)
        self._running = False

    def _level_grid(self, task: Task, scale: tuple[ScaleLevel, ...]) -> QGridLayout:
        """The task's level buttons, each beside its anchor."""
        self.levels = QButtonGroup(self)
        grid = QGridLayout()
        for row, level in enumerate(scale):
            button = QPushButton(f"{level.level} {level.label}")
            button.setCheckable(True)
            button.setAccessibleName(f"{task.title}: level {level.level}, {level.label}")
            self.levels.addButton(button, level.level)
            anchor = QLabel(task.anchors.get(level.level, ""))
            anchor.setTextFormat(Qt.TextFormat.PlainText)  # an apostrophe stays an apostrophe
            anchor.setWordWrap(True)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(anchor, row, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def show_state(self, seconds: float | None, running: bool) -> None:
        stated = self.task.minutes * 60
        self._running = running
        label = "End task" if running else ("Restart task" if seconds is not None else "Start task")
        self.start_button.setText(label)
        self.start_button.setAccessibleName(f"{label}: {self.task.title}")
        if seconds is None:
            self.timer.setText(f"Not started · stated {clock_text(stated)}")
            self.timer.setStyleSheet("")
            return
        over = seconds > stated
        self.timer.setText(
            f"{clock_text(seconds)} of {clock_text(stated)} stated"
            + (" · OVER THE STATED TIME" if over else "")
        )
        theme.restyle(self.timer, theme.style(theme.Role.DANGER) if over else "")

    def show_values(
        self, deliverable: str, outcome: str, level: int | None, observations: list[tuple[float, str]]
    ) -> None:
        self.deliverable.setText(deliverable)
        self.outcome.blockSignals(True)
        self.outcome.setPlainText(outcome)
        self.outcome.blockSignals(False)
        for button in self.levels.buttons():
            button.setChecked(self.levels.id(button) == level)
        self.observations.clear()
        for offset, text in observations:
            self.add_observation(offset, text)

    def add_observation(self, offset: float, text: str) -> None:
        self.observations.addItem(f"{stamps.minute_label(offset)}  {text}")

    def _start_or_end(self) -> None:
        (self.end_requested if self._running else self.start_requested).emit(self.task.id)

    def _observe(self) -> None:
        text = self.observation.text().strip()
        if text:
            self.observed.emit(self.task.id, text)
            self.observation.clear()


class DisclosureDialog(QDialog):
    """What the candidate must hear before the first task; confirmed only when every point is ticked."""

    def __init__(
        self, template: Template, parent: QWidget | None = None, *, asking_again: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Before the first task: tell the candidate")
        tasks = [t for s in template.sections for t in s.tasks]
        total = sum(t.minutes for t in tasks)
        points = [
            "The tasks: " + "; ".join(t.title for t in tasks),
            f"How long: {total:g} min in all (" + ", ".join(f"{t.minutes:g} min" for t in tasks) + ")",
            "The pay: " + "; ".join(pay_text(t) for t in tasks),
            "Who they will work with: " + "; ".join(t.works_with for t in tasks if t.works_with),
            "How the work will be judged: what a good outcome looks like for each task",
            "What happens to what they produce: who sees it, and that it is not used as real work",
        ]
        self.boxes = []
        layout = QVBoxLayout(self)
        if asking_again:
            warning = QLabel(
                "<b>The disclosure has not been confirmed.</b> Go through it before the task starts."
            )
            warning.setWordWrap(True)
            layout.addWidget(warning)
        for point in points:
            box = QCheckBox(point)
            box.setObjectName("disclosurePoint")
            self.boxes.append(box)
            layout.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            "Confirmed with the candidate", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setEnabled(False)
        self.skip_button = None
        if asking_again:
            self.skip_button = self.buttons.addButton(
                "Start without it", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.skip_button.clicked.connect(lambda: self.done(2))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for box in self.boxes:
            box.toggled.connect(
                lambda _on: self.confirm_button.setEnabled(all(b.isChecked() for b in self.boxes))
            )
        layout.addWidget(self.buttons)
