"""Quick capture of a candidate's question, in the full and the compact layout alike: the topic is
chosen with Up/Down without leaving the field, and Esc gives the keyboard back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from interviewdesk.domain.vocabulary import QuestionTopic


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
