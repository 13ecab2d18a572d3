"""The live windows opened from the main window: one per interview, brought to the front rather
than opened twice, and opened at a note when search asks for one."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from interviewdesk.services.workspace import Workspace
    from interviewdesk.ui.live.window import LiveInterviewWindow

# Where to put the caret on opening: (section, question or None, words to find in its notes).
NoteAt = tuple[int, int | None, str]


class LiveWindows(QObject):
    """``closed(interview_id)`` once a window closed; ``message(text)`` for the status line."""

    closed = Signal(int)
    message = Signal(str)

    def __init__(self, parent: QWidget, database: Callable[[], Workspace]) -> None:
        super().__init__(parent)
        self._parent, self._database = parent, database
        self.windows: list[LiveInterviewWindow] = []

    def open(self, interview_id: int, at: NoteAt | None = None) -> None:
        from interviewdesk.ui.live.window import open_interview_window

        for window in self.windows:
            if window.session.interview_id == interview_id:
                window.showNormal()
                window.raise_()
                window.activateWindow()
                if at is not None:
                    window.show_note(*at)
                return
        open_interview_window(self._database(), interview_id, self._parent, partial(self._adopt, at=at))

    def _adopt(self, window: LiveInterviewWindow, *, at: NoteAt | None) -> None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed_midway.connect(self.message.emit)
        window.closed.connect(self.closed.emit)
        self.windows.append(window)
        window.destroyed.connect(lambda: self.windows.remove(window) if window in self.windows else None)
        window.show()
        if at is not None:
            window.show_note(*at)
