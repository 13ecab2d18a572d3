"""Saving as the interviewer types: mark a field dirty, save 0.4 s after a pause and never later
than 0.6 s after the first unsaved keystroke, or at once; the save queue writes on its own thread.

The save thread is a plain Python thread: its reports come back through the window's bridge
(ui/bridge.py) and are emitted as signals on the GUI thread (no Qt call is ever made from it).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from interviewdesk.domain.autosave import SaveScheduler
from interviewdesk.domain.clock import Clock
from interviewdesk.services.leases import Lease
from interviewdesk.services.live_session import LiveSession
from interviewdesk.services.save_queue import SaveQueue, SaveReport, SetAside
from interviewdesk.services.workspace import Workspace
from interviewdesk.ui import theme
from interviewdesk.ui.bridge import Bridge

HEARTBEAT_MS = 5000  # a running timer's offset is saved this often, so a crash loses seconds


class Saver(QObject):
    """``saved(SaveReport)`` after each write; ``save_failed(message)`` when one could not be made
    yet; ``set_aside(SetAside)`` for an edit that can never be written; ``lease_lost(message)``
    once another window took the interview over (nothing more is written)."""

    saved = Signal(object)
    save_failed = Signal(str)
    set_aside = Signal(object)
    lease_lost = Signal(str)

    def __init__(
        self,
        parent: QObject,
        workspace: Workspace,
        session: LiveSession,
        clock: Clock,
        bridge: Bridge,
        *,
        lease: Lease | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.bridge = bridge
        self.queue = SaveQueue(
            workspace,
            session.interview_id,
            on_saved=lambda report: bridge.post(partial(self.saved.emit, report)),
            on_failed=lambda message: bridge.post(partial(self.save_failed.emit, message)),
            on_set_aside=lambda entry: bridge.post(partial(self.set_aside.emit, entry)),
            on_lease_lost=lambda message: bridge.post(partial(self.lease_lost.emit, message)),
            lease=lease,
        )
        self.scheduler = SaveScheduler(clock)
        self.loading = True  # edits made while the window fills itself in are not edits
        self._dirty: dict[object, Callable[[], None]] = {}
        self._save_timer = QTimer(self, singleShot=True)
        self._save_timer.timeout.connect(self._tick)
        self._heartbeat = QTimer(self, interval=HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self.heartbeat)
        self._heartbeat.start()
        self._stopped = False

    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def mark(self, key: object, collect: Callable[[], None]) -> None:
        """Note that a field changed; its value is read when the save runs (keystrokes stay cheap)."""
        if self.loading:
            return
        self._dirty[key] = collect
        self.edited()

    def edited(self) -> None:
        self.scheduler.edited()
        if self.scheduler.due():
            self.save_now()
        elif not self._save_timer.isActive():
            self._arm()

    def _arm(self) -> None:
        wait = self.scheduler.seconds_until_due()
        if wait is not None:
            self._save_timer.start(max(1, round(wait * 1000)))

    def _tick(self) -> None:
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

    def heartbeat(self) -> None:
        """While the timer runs, save how far it got: a crash then loses seconds, not minutes."""
        self.session.heartbeat()
        self.save_now()
        self.queue.keep_lease()

    def when_written(self, then: Callable[[bool], None]) -> None:
        """Hand over what is pending, and call ``then(written)`` on the GUI thread once it (and
        everything before it) is committed, or has failed. The GUI thread never waits."""
        self.save_now()
        last = self.queue.last
        if last is None:
            then(not self.queue.failing)
            return
        self.bridge.when_done(last, lambda done: then(_written(done)))

    def close(self) -> bool:
        """Write everything and stop; False (and still running) if the last edits could not be written."""
        if self._stopped:
            return True
        self.save_now()
        if not self.queue.flush() and not self.queue.lease_lost:  # taken over: set aside, on screen
            return False
        self._stop_timers()
        self.queue.close()
        self.bridge.deliver()
        self._stopped = True
        return True

    def abandon(self) -> None:
        """Stop as a killed app would: no final save, the unwritten edits dropped (crash tests)."""
        self._stop_timers()
        self.queue.abandon()
        self._stopped = True

    def _stop_timers(self) -> None:
        for timer in (self._save_timer, self._heartbeat):
            timer.stop()


def _written(done: Future[bool]) -> bool:
    return done.exception() is None and done.result()


class SaveStatus(QObject):
    """What the window says about saving: "Saved" for a moment, a failure in red until the next
    save, and edits set aside on a line of their own that stays."""

    def __init__(self, parent: QObject, bar: QStatusBar, problem: QLabel, saver: Saver) -> None:
        super().__init__(parent)
        self.bar, self.problem, self.saver = bar, problem, saver
        saver.saved.connect(self._saved)
        saver.save_failed.connect(self._failed)
        saver.set_aside.connect(self._set_aside)

    def _saved(self, report: SaveReport) -> None:
        theme.restyle(self.bar, "")
        self.bar.showMessage(f"Saved ({report.changes} change{'s' if report.changes != 1 else ''}).", 2000)

    def _failed(self, message: str) -> None:
        theme.restyle(self.bar, theme.style(theme.Role.DANGER))
        self.bar.showMessage(message)

    def _set_aside(self, entry: SetAside) -> None:
        count = len(self.saver.queue.set_aside)
        self.problem.setText(
            f"{count} edit{'s' if count != 1 else ''} could not be saved and "
            f"{'were' if count != 1 else 'was'} set aside. Latest: {entry.message()}"
        )
        self.problem.setToolTip("\n".join(e.message() for e in self.saver.queue.set_aside))
        theme.restyle(self.problem, theme.style(theme.Role.DANGER))
        self.problem.show()
