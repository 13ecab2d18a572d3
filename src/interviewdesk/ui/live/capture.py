"""Quick capture of a candidate's question, in the full and the compact layout alike: the topic is
chosen with Up/Down without leaving the field, and Esc gives the keyboard back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from interviewdesk.domain.vocabulary import QuestionTopic

if TYPE_CHECKING:
    from interviewdesk.ui.live.layout import LivePanes


class CaptureLine(QLineEdit):
    """A one-line capture field: Up/Down choose the topic in ``topics`` without leaving it, and Esc
    gives the keyboard back (``cancelled``)."""

    cancelled = Signal()

    def __init__(self, topics: QComboBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topics = topics

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            self.topics.setCurrentIndex((self.topics.currentIndex() + step) % self.topics.count())
        elif key == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


def topic_box(object_name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(object_name)
    for topic in QuestionTopic:
        box.addItem(topic.label, topic)
    return box


class CaptureRouter(QObject):
    """Ctrl+K and back: opens the capture field (full or compact layout), and after Enter or Esc
    gives the caret and the tab back to where they were, or to the notes."""

    def __init__(
        self,
        window: QWidget,
        panes: LivePanes,
        *,
        in_compact: Callable[[], bool],
        focus_notes: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tabs, self._questions, self._compact = panes.tabs, panes.questions, panes.compact
        self._in_compact = in_compact
        self._focus_notes = focus_notes
        self._back: tuple[QWidget | None, int] | None = None
        self._questions.capture_done.connect(self.done)
        self._compact.capture_done.connect(self.done)

    def open(self) -> None:
        focused = QApplication.focusWidget()
        if self._back is None or focused not in (self._questions.question, self._compact.capture):
            self._back = (focused, self._tabs.currentIndex())
        if self._in_compact():
            self._compact.capture.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self._tabs.setCurrentWidget(self._questions)
        self._questions.question.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def done(self) -> None:
        back, self._back = self._back, None
        if back is None:
            return
        widget, tab = back
        self._tabs.setCurrentIndex(tab)
        if widget is not None and self._window.isAncestorOf(widget) and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._focus_notes()
