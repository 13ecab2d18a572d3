"""Saving as the interviewer types: mark a field dirty, save 0.4 s after a pause and never later
than 1 s after the first unsaved keystroke, or at once; the save queue writes on its own thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from interviewdesk.domain.autosave import SaveScheduler
from interviewdesk.services.live_session import LiveSession
from interviewdesk.services.save_queue import SaveQueue, SaveReport
from interviewdesk.ui import theme


class SavingMixin(QMainWindow):
    """Part of the live window; the window sets these attributes up before any edit arrives."""

    session: LiveSession
    queue: SaveQueue
    scheduler: SaveScheduler
    _dirty: dict[object, Callable[[], None]]
    _loading: bool
    _save_timer: QTimer

    def _mark(self, key: object, collect: Callable[[], None]) -> None:
        """Note that a field changed; its value is read when the save runs (keystrokes stay cheap)."""
        if self._loading:
            return
        self._dirty[key] = collect
        self._edited()

    def _edited(self) -> None:
        self.scheduler.edited()
        if self.scheduler.due():
            self.save_now()
        elif not self._save_timer.isActive():
            self._arm()

    def _arm(self) -> None:
        wait = self.scheduler.seconds_until_due()
        if wait is not None:
            self._save_timer.start(max(1, round(wait * 1000)))

    def _autosave_tick(self) -> None:
        if self.scheduler.due():
            self.save_now()
        else:
            self._arm()

    def save_now(self) -> None:
        """Hand every pending edit to the save queue (it writes on its own thread)."""
        dirty, self._dirty = self._dirty, {}
        for collect in dirty.values():
            collect()
        self.scheduler.saved()
        self._save_timer.stop()
        if self.session.has_pending or self.queue.failing:
            self.queue.submit(self.session.take_batch())

    def _beat(self) -> None:
        self.session.heartbeat()
        self.save_now()

    def _saved(self, report: SaveReport) -> None:
        theme.restyle(self.statusBar(), "")
        self.statusBar().showMessage(
            f"Saved ({report.changes} change{'s' if report.changes != 1 else ''}).", 2000
        )

    def _save_failed(self, message: str) -> None:
        theme.restyle(self.statusBar(), theme.style(theme.Role.DANGER))
        self.statusBar().showMessage(message)
