"""The compact layout: what fits beside a video call on a 13-inch screen, always on top.

Timer, the question to ask next, quick capture of the candidate's question, and the current
competency with its levels and their anchors.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from interviewdesk.templates.model import Competency, ScaleLevel
from interviewdesk.ui.live.timer_bar import OVER_STYLE

COMPACT_SIZE = (420, 560)


class CompactView(QWidget):
    captured = Signal(str)
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
        self.section = QLabel()
        self.section.setWordWrap(True)
        self.question = QLabel()
        self.question.setObjectName("compactQuestion")
        self.question.setWordWrap(True)
        self.capture = QLineEdit()
        self.capture.setObjectName("compactCapture")
        self.capture.setPlaceholderText("Candidate's question, Enter to log (topic later)")
        self.capture.returnPressed.connect(self._capture)
        self.competency = QLabel()
        self.competency.setWordWrap(True)
        self._competency: Competency | None = None
        levels = QHBoxLayout()
        self.level_buttons: dict[int, QPushButton] = {}
        for level in scale:
            button = QPushButton(str(level.level))
            button.setToolTip(level.label)
            button.setCheckable(True)
            button.clicked.connect(lambda _checked, value=level.level: self._score(value))
            self.level_buttons[level.level] = button
            levels.addWidget(button)
        self.anchors = QLabel()
        self.anchors.setWordWrap(True)
        self.anchors.setObjectName("compactAnchors")
        self.anchors.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._scale = scale
        layout = QVBoxLayout(self)
        layout.addWidget(self.timer)
        layout.addWidget(self.section)
        layout.addWidget(QLabel("<b>Ask next</b>"))
        layout.addWidget(self.question)
        layout.addWidget(self.capture)
        layout.addWidget(self.competency)
        layout.addLayout(levels)
        layout.addWidget(self.anchors, 1)

    def show_timer(self, total: str, section: str, over: bool) -> None:
        self.timer.setText(total)
        self.timer.setStyleSheet(OVER_STYLE if over else "")
        self.section.setText(section)

    def show_question(self, text: str) -> None:
        self.question.setText(text)

    def show_competency(self, competency: Competency | None, level: int | None) -> None:
        self._competency = competency
        if competency is None:
            self.competency.setText("")
            self.anchors.setText("")
            return
        self.competency.setText(f"<b>{escape(competency.name)}</b>")
        for value, button in self.level_buttons.items():
            button.setChecked(value == level)
        rows = []
        for scale_level in self._scale:
            anchor = escape(competency.anchors.get(scale_level.level, ""))
            line = f"{scale_level.level} {escape(scale_level.label)}: {anchor}"
            rows.append(f"<b>{line}</b>" if scale_level.level == level else line)
        self.anchors.setText("<br>".join(rows))

    def _capture(self) -> None:
        text = self.capture.text().strip()
        if text:
            self.captured.emit(text)
            self.capture.clear()

    def _score(self, level: int) -> None:
        if self._competency is not None:
            self.scored.emit(self._competency.id, level)
