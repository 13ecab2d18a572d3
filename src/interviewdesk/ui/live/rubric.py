"""The rubric: every competency with its scale, each level's behavioural anchor on screen, an
evidence field, and a flag when a score has no evidence. A focused card takes number keys.

The current competency (the one Ctrl+digit scores) has a thick frame and a "▶" before its name;
the chosen level has a tick and bold text, so neither depends on colour alone. Cards of the
competencies the current question gives evidence for say so.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.templates.model import Competency, ScaleLevel
from interviewdesk.ui import theme

NO_EVIDENCE = "Score without evidence: add what the candidate said or did."
FOCUS_WIDTH = 3  # the current card's frame, in pixels


class CompetencyCard(QFrame):
    """``scored(id, level)``, ``evidence_edited(id)`` and ``focused(id)`` report to the window."""

    scored = Signal(str, object)
    evidence_edited = Signal(str)
    focused = Signal(str)
    amend_requested = Signal(str)
    step = Signal(str, int)  # to the previous (-1) or next (+1) competency

    def __init__(
        self, competency: Competency, scale: tuple[ScaleLevel, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.competency = competency
        self.setObjectName(f"competency-{competency.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"Competency: {competency.name}")
        self.setAccessibleDescription(competency.description)
        layout = QVBoxLayout(self)
        # The marks change with every question: fixed-size labels, so changing them never lays
        # out the rubric again (a size change would re-wrap every anchor of every card).
        self.marker = QLabel()
        self.marker.setObjectName("currentMarker")
        self.marker.setFixedSize(self.fontMetrics().horizontalAdvance("▶ ") + 2, self.fontMetrics().height())
        self.title = QLabel(f"<b>{escape(competency.name)}</b> — {escape(competency.description)}")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.for_question = QLabel()
        self.for_question.setObjectName("forCurrentQuestion")
        tag = "for this question"
        self.for_question.setFixedSize(
            self.fontMetrics().horizontalAdvance(tag) + 12, self.fontMetrics().height()
        )
        header = QHBoxLayout()
        header.addWidget(self.marker, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.title, 1)
        header.addWidget(self.for_question, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self._scale = scale
        self._current = False
        self.levels = QButtonGroup(self)
        self.levels.setExclusive(False)  # clicking the chosen level again clears it
        self.anchors: dict[int, QLabel] = {}
        layout.addLayout(self._level_grid(competency, scale))
        self.levels.idClicked.connect(self._clicked)
        self._add_evidence(competency, layout)
        self._level: int | None = None
        self._update_flag()
        self.restyle()

    def _level_grid(self, competency: Competency, scale: tuple[ScaleLevel, ...]) -> QGridLayout:
        grid = QGridLayout()
        for row, level in enumerate(scale):
            button = QPushButton(f"{level.level} {level.label}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"{competency.name}: level {level.level}, {level.label}")
            self.levels.addButton(button, level.level)
            anchor = QLabel(competency.anchors.get(level.level, ""))
            anchor.setTextFormat(Qt.TextFormat.PlainText)  # an apostrophe stays an apostrophe
            anchor.setWordWrap(True)
            self.anchors[level.level] = anchor
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(anchor, row, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _add_evidence(self, competency: Competency, layout: QVBoxLayout) -> None:
        self.evidence = QPlainTextEdit()
        self.evidence.setObjectName(f"evidence-{competency.id}")
        self.evidence.setAccessibleName(f"Evidence for {competency.name}")
        self.evidence.setPlaceholderText(
            "Evidence: what the candidate said or did (Ctrl+L links the current note)"
        )
        self.evidence.setMaximumHeight(80)
        self.evidence.setTabChangesFocus(True)
        self.evidence.textChanged.connect(lambda: self.evidence_edited.emit(competency.id))
        self.evidence.textChanged.connect(self._update_flag)
        layout.addWidget(self.evidence)
        self.flag = QLabel(NO_EVIDENCE)
        self.flag.setObjectName("noEvidenceFlag")
        layout.addWidget(self.flag)
        self.amend_button = QPushButton("Amend…")
        self.amend_button.setAccessibleName(f"Amend the sealed score of {competency.name}")
        self.amend_button.clicked.connect(lambda: self.amend_requested.emit(competency.id))
        self.amend_button.hide()
        layout.addWidget(self.amend_button)

    def restyle(self) -> None:
        """Colours and marks for the current palette and state (also after a palette change)."""
        self.marker.setText("▶" if self._current else "")
        theme.restyle(self.flag, theme.style(theme.Role.DANGER))
        theme.restyle(self.for_question, "font-style: italic;")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._current:
            # Painted rather than styled: a style sheet would re-polish the whole card on each change.
            painter = QPainter(self)
            pen = QPen(theme.color(theme.Role.FOCUS), FOCUS_WIDTH)
            painter.setPen(pen)
            half = FOCUS_WIDTH // 2
            painter.drawRoundedRect(self.rect().adjusted(half, half, -half - 1, -half - 1), 4, 4)
            painter.end()

    def set_current(self, current: bool) -> None:
        if current != self._current:
            self._current = current
            self.restyle()

    @property
    def is_current(self) -> bool:
        return self._current

    @property
    def marked_for_question(self) -> bool:
        return bool(self.for_question.text())

    def set_for_question(self, marked: bool) -> None:
        if marked != self.marked_for_question:
            self.for_question.setText("for this question" if marked else "")
            description = "Evidence for the current question" if marked else ""
            self.setAccessibleDescription(description)

    @property
    def level(self) -> int | None:
        return self._level

    def show_score(self, level: int | None, evidence: str) -> None:
        """Show a stored score without reporting it as an edit."""
        self.blockSignals(True)
        self.evidence.blockSignals(True)
        self._set_level(level)
        if self.evidence.toPlainText() != evidence:
            self.evidence.setPlainText(evidence)
        self.evidence.blockSignals(False)
        self.blockSignals(False)
        self._update_flag()

    def set_sealed(self, sealed: bool) -> None:
        for button in self.levels.buttons():
            button.setEnabled(not sealed)
        self.evidence.setReadOnly(sealed)
        self.amend_button.setVisible(sealed)

    def score(self, level: int | None) -> None:
        if self.evidence.isReadOnly():
            return
        self._set_level(level)
        self._update_flag()
        self.scored.emit(self.competency.id, level)

    def _clicked(self, level: int) -> None:
        self.score(None if level == self._level else level)

    def _set_level(self, level: int | None) -> None:
        self._level = level
        for level_info in self._scale:
            button = self.levels.button(level_info.level)
            chosen = level_info.level == level
            button.setChecked(chosen)
            button.setText(f"{'✓ ' if chosen else ''}{level_info.level} {level_info.label}")
            font = button.font()
            font.setBold(chosen)
            button.setFont(font)
        for value, anchor in self.anchors.items():
            # The chosen level's anchor stands out; the others stay readable for comparison.
            theme.restyle(anchor, "font-weight: bold;" if value == level else "")

    def _update_flag(self) -> None:
        self.flag.setVisible(self._level is not None and not self.evidence.toPlainText().strip())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and int(text) in self.anchors:
            self.score(int(text))
        elif text == "0" or event.key() == Qt.Key.Key_Backspace:
            self.score(None)
        elif event.key() == Qt.Key.Key_Return:
            self.evidence.setFocus()
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step.emit(self.competency.id, -1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.competency.id)


class RubricPanel(QScrollArea):
    def __init__(
        self,
        competencies: tuple[Competency, ...],
        scale: tuple[ScaleLevel, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Rubric")
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.cards: dict[str, CompetencyCard] = {}
        for competency in competencies:
            card = CompetencyCard(competency, scale)
            self.cards[competency.id] = card
            card.step.connect(self._move)
            layout.addWidget(card)
        layout.addStretch(1)
        self.setWidget(body)

    def _move(self, competency_id: str, step: int) -> None:
        target = self.neighbour(competency_id, step)
        self.ensureWidgetVisible(self.cards[target])
        self.cards[target].setFocus()

    def neighbour(self, competency_id: str, step: int) -> str:
        ids = list(self.cards)
        return ids[(ids.index(competency_id) + step) % len(ids)]

    def set_current(
        self, competency_id: str | None, for_question: tuple[str, ...], *, reveal: bool = False
    ) -> None:
        """Mark the competency Ctrl+digit scores, and those the current question gives evidence for;
        scroll to it when asked (a question change only marks: scrolling repaints the whole rubric)."""
        for cid, each in self.cards.items():
            each.set_current(cid == competency_id)
            each.set_for_question(cid in for_question)
        card = self.cards.get(competency_id or "")
        if reveal and card is not None and self.isVisible():  # another tab: nothing to scroll
            self.ensureWidgetVisible(card)

    def restyle(self) -> None:
        for card in self.cards.values():
            card.restyle()


def card_of(widget: QWidget | None) -> CompetencyCard | None:
    """The rubric card that holds ``widget`` (its evidence field, say), if any."""
    current = widget
    while current is not None:
        if isinstance(current, CompetencyCard):
            return current
        current = current.parentWidget()
    return None
