"""Turning a live window read-only once another window took its interview over: nothing in it can
change any more, and what is on screen (edits that could not be saved) stays selectable to copy."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

STILL_ALLOWED = ("help", "export", "close", "compact")  # LiveActions that change nothing stored


def freeze(root: QWidget, keep: tuple[QAction, ...]) -> None:
    for edit in root.findChildren(QTextEdit):
        edit.setReadOnly(True)
    for plain in root.findChildren(QPlainTextEdit):
        plain.setReadOnly(True)
    for line in root.findChildren(QLineEdit):
        line.setReadOnly(True)
    for kind in (QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractSlider):
        for control in root.findChildren(kind):
            if not isinstance(control.parent(), QAbstractSlider | QAbstractSpinBox):
                control.setEnabled(False)
    for action in root.findChildren(QAction):
        if action not in keep:
            action.setEnabled(False)
