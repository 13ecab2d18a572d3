"""Questions before something that cannot be undone (the safe answer is the default: Enter and
Esc), and the one-button messages that say what happened."""

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
    on_keep: Callable[[], None] | None = None,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    act_is_safe: bool = False,
) -> QMessageBox:
    """Open a window-modal question (no nested event loop); ``on_act`` runs only if ``act`` is
    chosen, ``on_keep`` otherwise (Esc, the close button). ``keep`` is the default unless
    ``act_is_safe`` (opening read-only, say). Returns the box, already open."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setInformativeText(details)
    do = box.addButton(act, QMessageBox.ButtonRole.AcceptRole)
    safe = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(do if act_is_safe else safe)
    box.setEscapeButton(safe)
    box.finished.connect(lambda _code: (on_act if box.clickedButton() is do else on_keep or _nothing)())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def tell(
    parent: QWidget, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning
) -> QMessageBox:
    """Open a window-modal message (no nested event loop); returns the box, already open."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _nothing() -> None:
    return None


def button(box: QMessageBox, text: str):  # type: ignore[no-untyped-def]  # -> QAbstractButton
    """The button of ``box`` labelled ``text`` (for tests and scripted use)."""
    return next(b for b in box.buttons() if b.text() == text)
