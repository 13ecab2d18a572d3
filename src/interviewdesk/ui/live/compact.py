"""The compact layout: a whole interview in a narrow window beside a video call, always on top.

The timer with its state (a paused timer shows an amber banner), the question being asked with its
notes field (the very field of the full layout, moved here, so nothing is typed twice or kept in
two places), the next question, quick capture of the candidate's question with its topic, and the
current competency with its anchors and the keys that score it, written on screen.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain.records import CandidateQuestion
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.templates.model import Competency, ScaleLevel
from interviewdesk.ui import theme
from interviewdesk.ui.live.capture import CaptureLine, topic_box
from interviewdesk.ui.live.notes_edit import StampedNotesEdit
from interviewdesk.ui.live.timer_bar import TimerState, state_style

COMPACT_SIZE = QSize(460, 700)


def _wrapped(object_name: str, *, rich: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


class CompactView(QWidget):
    """``captured(CandidateQuestion)`` when a question is logged; ``capture_done`` after Enter or Esc;
    ``scored(competency, level)`` when a level button is clicked."""

    captured = Signal(object)
    capture_done = Signal()
    scored = Signal(str, object)

    def __init__(self, scale: tuple[ScaleLevel, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compactView")
        self.timer = QLabel()
        self.timer.setObjectName("compactTimer")
        font = self.timer.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.timer.setFont(font)
        self.state = QLabel()
        self.state.setObjectName("compactState")
        self.section = _wrapped("compactSection")
        self.now = _wrapped("compactNow", rich=True)
        self.notes_box = QVBoxLayout()
        self.notes_box.setContentsMargins(0, 0, 0, 0)
        self.next = _wrapped("compactNext", rich=True)
        capture_row = self._capture_row()
        self.competency = _wrapped("compactCompetency", rich=True)
        self._competency: Competency | None = None
        self._scale = scale
        levels = self._level_buttons(scale)
        self.anchors = _wrapped("compactAnchors", rich=True)
        self.anchors.setAlignment(Qt.AlignmentFlag.AlignTop)
        keys = _wrapped("compactKeys")
        last = scale[-1].level if scale else 4
        keys.setText(
            f"Ctrl+1…{last} scores, Ctrl+0 clears · Alt+↑/↓ another competency · "
            "Ctrl+↑/↓ another question · F8 next section · F5 pause"
        )
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.timer)
        top.addWidget(self.state, 1)
        layout.addLayout(top)
        layout.addWidget(self.section)
        layout.addWidget(self.now)
        layout.addLayout(self.notes_box, 3)
        layout.addWidget(self.next)
        layout.addLayout(capture_row)
        layout.addWidget(self.competency)
        layout.addLayout(levels)
        layout.addWidget(self.anchors, 2)
        layout.addWidget(keys)
        self._guest: StampedNotesEdit | None = None
        self._home: tuple[QBoxLayout, int] | None = None

    def _capture_row(self) -> QHBoxLayout:
        """Quick capture: the candidate's question and its topic (Up/Down inside the field)."""
        self.topic = topic_box("compactTopic")
        self.topic.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.capture = CaptureLine(self.topic)
        self.capture.setObjectName("compactCapture")
        self.capture.setAccessibleName("Log a candidate's question")
        self.capture.setPlaceholderText("Candidate's question (Ctrl+K), Enter logs")
        self.capture.returnPressed.connect(self._capture)
        self.capture.cancelled.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.capture, 1)
        row.addWidget(self.topic)
        return row

    def _level_buttons(self, scale: tuple[ScaleLevel, ...]) -> QGridLayout:
        levels = QGridLayout()  # two a row: four labelled levels do not fit a narrow window in one
        self.level_buttons: dict[int, QPushButton] = {}
        for index, level in enumerate(scale):
            button = QPushButton(f"{level.level}  {level.label}")
            button.setToolTip(f"Ctrl+{level.level}: {level.label}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked, value=level.level: self._score(value))
            self.level_buttons[level.level] = button
            levels.addWidget(button, index // 2, index % 2)
        return levels

    # -- the notes field, borrowed from the full layout ----------------------------------------
    @property
    def hosted(self) -> StampedNotesEdit | None:
        return self._guest

    def host(self, editor: StampedNotesEdit) -> None:
        """Show ``editor`` here; it goes back to its place in the script on :meth:`release`."""
        if editor is self._guest:
            return
        self.release()
        parent = editor.parentWidget()
        home = parent.layout() if parent is not None else None
        if isinstance(home, QBoxLayout):
            self._home = (home, home.indexOf(editor))
        self.notes_box.addWidget(editor)
        editor.show()
        self._guest = editor

    def release(self) -> None:
        editor, home = self._guest, self._home
        self._guest, self._home = None, None
        if editor is not None and home is not None:
            layout, index = home
            layout.insertWidget(index, editor)
            editor.show()

    # -- what the window shows -----------------------------------------------------------------
    def show_timer(self, total: str, section: str, over: bool, state: TimerState) -> None:
        self.timer.setText(total)
        theme.restyle(self.timer, theme.style(theme.Role.DANGER) if over else "")
        self.state.setText(state.banner)
        self.state.setVisible(bool(state.banner))
        theme.restyle(self.state, state_style(state))
        self.section.setText(section)

    def show_questions(self, now: str, following: str) -> None:
        self.now.setText(f"<b>Now:</b> {escape(now)}")
        self.next.setText(f"<b>Then:</b> {escape(following)}" if following else "")
        self.next.setVisible(bool(following))

    def show_competency(self, competency: Competency | None, level: int | None) -> None:
        self._competency = competency
        if competency is None:
            self.competency.setText("")
            self.anchors.setText("")
            return
        self.competency.setText(f"<b>{escape(competency.name)}</b>")
        for value, button in self.level_buttons.items():
            button.setChecked(value == level)
            label = next(s.label for s in self._scale if s.level == value)
            button.setText(f"✓ {value}  {label}" if value == level else f"{value}  {label}")
        rows = []
        for scale_level in self._scale:
            anchor = escape(competency.anchors.get(scale_level.level, ""))
            line = f"Ctrl+{scale_level.level} {escape(scale_level.label)}: {anchor}"
            rows.append(f"<b>✓ {line}</b>" if scale_level.level == level else line)
        self.anchors.setText("<br>".join(rows))

    def _capture(self) -> None:
        text = self.capture.text().strip()
        if text:
            self.captured.emit(CandidateQuestion(text, QuestionTopic(self.topic.currentData())))
        self._cancel()

    def _cancel(self) -> None:
        self.capture.clear()
        self.topic.setCurrentIndex(0)
        self.capture_done.emit()

    def _score(self, level: int) -> None:
        if self._competency is not None:
            self.scored.emit(self._competency.id, level)
