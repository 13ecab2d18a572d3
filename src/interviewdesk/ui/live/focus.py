"""Where the keyboard goes in the live window: an interviewer types without looking.

The rule: a printable key is never lost and never presses a button. When it reaches a widget that
does not take text (a button, a list, a label, the window itself, a read-only field), it goes into
the current notes field instead, and the caret moves there. Widgets that use printable keys keep
them: text fields, drop-downs, digits on a rubric card, Space on the role checklist, and Space on
a button the interviewer reached with Tab on purpose. When the window is activated again (after a
dialog, or coming back from the video call) with the focus nowhere useful, the caret goes back to
the notes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from interviewdesk.ui.live.notes_edit import StampedNotesEdit
from interviewdesk.ui.live.rubric import CompetencyCard

CHECKLISTS = ("roleChecklist",)  # lists whose items Space ticks
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def is_printable(event: QKeyEvent) -> bool:
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & COMMAND_MODIFIERS


def takes_text(widget: QWidget | None) -> bool:
    """An editable text field: it keeps every key typed into it."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    return False


class FocusKeeper(QObject):
    """Watches one window's widgets; ``notes()`` names the field stray keys go to.

    The filter sits on the window's own widgets rather than on the application, so the events of
    every other window (and the paint and timer events of this one) never pass through Python.
    """

    def __init__(
        self,
        window: QWidget,
        notes: Callable[[], StampedNotesEdit | None],
        reveal: Callable[[StampedNotesEdit], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._notes = notes
        self._reveal = reveal
        self._tabbed_to: QWidget | None = None
        self.redirected = 0  # keys moved into the notes (for tests and the curious)
        self.watch(window)

    def watch(self, root: QWidget) -> None:
        """Look after ``root`` and every widget below it that can take the focus (a key goes to the
        focus widget first; labels and frames never have it). Call again for widgets added later."""
        for widget in (root, *root.findChildren(QWidget)):
            if widget is root or widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.removeEventFilter(self)  # never twice
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self._key(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            reason = event.reason()  # type: ignore[attr-defined]
            tabbed = reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            self._tabbed_to = watched if tabbed else None
        elif kind == QEvent.Type.WindowActivate and watched is self._window:
            # Qt gives the focus back to the window's last focus widget right after this event,
            # or, with none, to the next one in the tab chain: possibly a button.
            focused = self._window.focusWidget()
            if focused is None or not self._useful(focused):
                self.focus_notes()
        return False

    def focus_notes(self) -> None:
        """Put the caret in the current notes field, visibly."""
        notes = self._notes()
        if notes is not None:
            self._reveal(notes)
            notes.setFocus(Qt.FocusReason.OtherFocusReason)
            notes.ensureCursorVisible()

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if not is_printable(event) or self._keeps(watched, event):
            return False
        notes = self._notes()
        if notes is None or notes.isReadOnly():
            return False
        self._reveal(notes)
        notes.setFocus(Qt.FocusReason.ShortcutFocusReason)
        copy = QKeyEvent(
            QEvent.Type.KeyPress,
            event.key(),
            event.modifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )
        QApplication.sendEvent(notes, copy)
        self.redirected += 1
        return True

    def _keeps(self, widget: QWidget, event: QKeyEvent) -> bool:
        """Whether ``widget`` uses this printable key itself."""
        text = event.text()
        if takes_text(widget) or isinstance(widget, QComboBox):
            return True
        if isinstance(widget, CompetencyCard):
            return text.isdigit()
        if text == " ":
            if isinstance(widget, QListWidget) and widget.objectName() in CHECKLISTS:
                return True
            return isinstance(widget, QAbstractButton) and widget is self._tabbed_to
        return False

    def _useful(self, widget: QWidget) -> bool:
        """A place the interviewer chose: a text field, a drop-down, a rubric card, a list."""
        return (
            takes_text(widget)
            or isinstance(widget, QComboBox | CompetencyCard)
            or widget.objectName() in (*CHECKLISTS, "candidateQuestions")
        )
