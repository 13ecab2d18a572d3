"""Questions before something that cannot be undone: the safe answer is the default (Enter) and Esc."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    title: str,
    text: str,
    details: str,
    *,
    act: str,
    keep: str,
    on_act: Callable[[], None],
) -> QMessageBox:
    """Open a window-modal question (no nested event loop); ``on_act`` runs only if ``act`` is
    chosen. Returns the box, already open."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setInformativeText(details)
    do = box.addButton(act, QMessageBox.ButtonRole.AcceptRole)
    safe = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    do.clicked.connect(on_act)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def button(box: QMessageBox, text: str):  # type: ignore[no-untyped-def]  # -> QAbstractButton
    """The button of ``box`` labelled ``text`` (for tests and scripted use)."""
    return next(b for b in box.buttons() if b.text() == text)
