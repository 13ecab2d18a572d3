"""The live interview window: the script and its notes in the middle, the timer on top, the rubric,
the candidate's questions, role clarity and the decision beside them; or the compact layout.

Every edit goes to the in-memory session at once and is written by the save queue's worker: after
0.4 s without typing, never later than 0.6 s after the first unsaved keystroke, and at once on a
section change, a focus change, the timer's events, submit and close.

The keyboard is the interviewer's: the caret is in the notes of the current question after
opening, resuming, a section change, a capture or a dialog (:mod:`.focus` keeps it there), and
nothing that cannot be undone sits on one key (:mod:`.actions`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QWidget,
)

from interviewdesk.domain.clock import Clock, SystemClock
from interviewdesk.domain.records import NotesField
from interviewdesk.errors import UserError
from interviewdesk.services.leases import Lease, LeaseHeldError, acquire_lease
from interviewdesk.services.live_session import LiveSession, open_live_session
from interviewdesk.services.save_queue import SaveQueue
from interviewdesk.services.workspace import Workspace
from interviewdesk.ui import theme
from interviewdesk.ui.bridge import Bridge
from interviewdesk.ui.confirm import ask
from interviewdesk.ui.icons import retint, set_icon
from interviewdesk.ui.live.actions import LiveActions
from interviewdesk.ui.live.capture import CaptureRouter
from interviewdesk.ui.live.closing import Closer
from interviewdesk.ui.live.compact import COMPACT_SIZE
from interviewdesk.ui.live.edits import EditRelay
from interviewdesk.ui.live.focus import FocusKeeper
from interviewdesk.ui.live.layout import build_panes
from interviewdesk.ui.live.navigator import Navigator
from interviewdesk.ui.live.notes_edit import StampedNotesEdit
from interviewdesk.ui.live.read_only import STILL_ALLOWED, freeze
from interviewdesk.ui.live.rubric import card_of
from interviewdesk.ui.live.saving import Saver, SaveStatus
from interviewdesk.ui.live.sheets import ShortcutSheet
from interviewdesk.ui.live.tasks import TaskController
from interviewdesk.ui.live.timer_bar import TimerState, clock_text
from interviewdesk.ui.pdf_export import PdfExporter
from interviewdesk.ui.placement import FULL_SIZE, Placement
from interviewdesk.ui.running import application, settle_garbage

REDRAW_MS = 250  # the timer is redrawn, never counted: the clock is read on each redraw


class LiveInterviewWindow(QMainWindow):
    """``saved(SaveReport)`` after each write; ``save_failed(message)`` when one could not be made
    yet; ``set_aside(SetAside)`` for an edit that can never be written; ``closed_midway(message)``
    when the window closes with the interview still under way; ``closed(interview_id)`` after it
    closed with everything written."""

    saved = Signal(object)
    save_failed = Signal(str)
    set_aside = Signal(object)
    closed_midway = Signal(str)
    closed = Signal(int)  # the interview's id, once everything typed is written

    def __init__(
        self, db: Workspace, interview_id: int, *, clock: Clock | None = None, lease: Lease | None = None
    ) -> None:
        """Raises :class:`NotFoundError` for an unknown id and :class:`LeaseHeldError` when the
        interview is open for editing elsewhere (unless ``lease`` was taken already)."""
        super().__init__()
        self.clock = clock or SystemClock()
        self.session: LiveSession = open_live_session(db, interview_id, self.clock)
        self.lease = lease or acquire_lease(db, interview_id)
        self.taken_over = False
        self.bridge = Bridge(self)  # saves, exports and the feedback draft come back through it
        self.saver = Saver(self, db, self.session, self.clock, self.bridge, lease=self.lease)
        self.exporter = PdfExporter(self, lambda: db, self.bridge)
        self.shortcut_sheet: ShortcutSheet | None = None
        self._reminded = False
        self._shown = False
        self._title = f"{self.session.candidate} — {self.session.template.name}"
        self.setWindowTitle(self._title)

        self._build_layout()
        self.navigator = Navigator(self, self.session, self.script, self.rubric, self.compact)
        self.closer = Closer(
            self,
            workspace=db,
            session=self.session,
            saver=self.saver,
            rubric=self.rubric,
            close_panel=self.close_panel,
            exporter=self.exporter,
            bridge=self.bridge,
            refresh=self.refresh,
        )
        self.commands = LiveActions(self)
        self.commands.attach(self.timer_bar)
        self.edits = EditRelay(
            self,
            session=self.session,
            saver=self.saver,
            panes=self.panes,
            navigator=self.navigator,
            status=self.statusBar().showMessage,
        )
        self._connect()
        self.edits.restore()
        self.closer.show_sealed()
        self._show_section(self.session.current_section())
        self.navigator.field_changed()
        self.tasks = TaskController(
            self, self.session, self.script, edited=self.saver.edited, mark=self.saver.mark
        )
        self.saver.loading = False
        self.placement = Placement(self, self.splitter)
        self.placement.restore("full", FULL_SIZE)
        self.focus_keeper = FocusKeeper(self, self.current_notes, self.script.reveal)
        self._start_timers()
        application().focusChanged.connect(self._focus_changed)
        QTimer.singleShot(0, self, self.script.prepare_pages)  # once the window is up, not before
        self.refresh()
        if self.session.recovered:
            self.statusBar().showMessage(
                "Resumed after an interruption: the time the app was closed is not counted.", 15000
            )
            self.save_now()

    # -- building ------------------------------------------------------------------------------
    def _start_timers(self) -> None:
        self._redraw = QTimer(self, interval=REDRAW_MS)
        self._redraw.timeout.connect(self.refresh)
        self._redraw.start()

    def _build_layout(self) -> None:
        self.panes = panes = build_panes(self.session)
        self.timer_bar, self.sections, self.script = panes.timer_bar, panes.sections, panes.script
        self.rubric, self.questions, self.role = panes.rubric, panes.questions, panes.role
        self.close_panel, self.tabs, self.splitter = panes.close_panel, panes.tabs, panes.splitter
        self.compact, self.layouts, self.problem = panes.compact, panes.layouts, panes.problem
        self.sections.currentRowChanged.connect(self._section_clicked)
        self.setCentralWidget(self.layouts)
        self.statusBar().addPermanentWidget(self.problem, 1)

    def _connect(self) -> None:
        for mine, theirs in (
            (self.saved, self.saver.saved),
            (self.save_failed, self.saver.save_failed),
            (self.set_aside, self.saver.set_aside),
        ):
            theirs.connect(mine)
        self.saver.lease_lost.connect(self._taken_over)
        self.save_status = SaveStatus(self, self.statusBar(), self.problem, self.saver)
        for card in self.rubric.cards.values():
            card.focused.connect(self.navigator.competency_focused)
            card.amend_requested.connect(self.closer.amend)
        self.capture = CaptureRouter(
            self,
            self.panes,
            in_compact=lambda: self.layouts.currentWidget() is self.compact,
            focus_notes=self.focus_notes,
        )
        self.close_panel.submit_requested.connect(self.closer.request_submit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.placement.check_after_show()
            QTimer.singleShot(0, self, self.focus_notes)
            QTimer.singleShot(0, settle_garbage)  # after the first paint: the window is built

    # -- where the interviewer is (see navigator.py) ------------------------------------------
    def current_notes(self) -> StampedNotesEdit:
        return self.navigator.current_notes()

    def focus_notes(self) -> None:
        """The caret into the current notes field, visibly."""
        self.navigator.settle(compact=self.layouts.currentWidget() is self.compact)
        self.focus_keeper.focus_notes()

    def step_question(self, step: int) -> None:
        self.navigator.step_question(step)
        self.focus_notes()

    def step_competency(self, step: int) -> None:
        self.navigator.step_competency(step)

    def score_current(self, level: int | None) -> None:
        card = self.rubric.cards.get(self.navigator.current_competency or "")
        if card is None:
            return
        if self.session.sealed:
            self.statusBar().showMessage("The scores are sealed: use Amend… on the competency.", 6000)
            return
        card.score(level)

    def clear_current_score(self) -> None:
        self.score_current(None)

    # -- the timer and sections --------------------------------------------------------------
    def toggle_timer(self) -> None:
        timer = self.session.timer
        if timer.ended:
            self.statusBar().showMessage("The interview has ended; the timer stays stopped.", 5000)
            return
        resumed = not timer.running
        if not timer.started:
            self.session.start()
        elif timer.running:
            self.session.pause()
        else:
            self.session.resume()
        self.save_now()
        self.refresh()
        if resumed and not isinstance(QApplication.focusWidget(), StampedNotesEdit):
            self.focus_notes()

    def step_section(self, step: int) -> None:
        self.go_to_section(self.session.current_section() + step)

    def go_to_section(self, index: int) -> None:
        if not 0 <= index < len(self.session.template.sections):
            return
        timer = self.session.timer
        if timer.started and not timer.ended:
            self.session.go_to_section(index)
            self.save_now()
        self._show_section(index)
        self.tasks.entering_section(index)
        self.refresh()
        self.focus_notes()

    def show_note(self, section: int, question: int | None, words: str) -> None:
        """Where a search result points: that section's notes with the caret at ``words``. A running
        interview stays where it is (moving it would record a section change)."""
        timer = self.session.timer
        editor = self.script.notes.get(NotesField(section, question))
        if editor is None or (timer.started and not timer.ended):
            return
        self.go_to_section(section)
        found = editor.document().find(words) if words else None
        if found is not None and not found.isNull():
            editor.setTextCursor(found)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.script.reveal(editor)

    def _section_clicked(self, row: int) -> None:
        if not self.saver.loading and row >= 0 and row != self.script.currentIndex():
            self.go_to_section(row)

    def _show_section(self, index: int) -> None:
        self.script.setCurrentIndex(index)
        self.sections.blockSignals(True)
        self.sections.setCurrentRow(index)
        self.sections.blockSignals(False)

    def refresh(self) -> None:
        """Redraw what depends on the clock."""
        s = self.session
        state = self.timer_bar.refresh(s)
        timer = s.timer
        label = {"new": "Start", "running": "Pause", "paused": "Resume", "ended": "Ended"}[state.kind]
        start = self.commands.start
        if start.text() != label:
            start.setText(label)
            start.setToolTip(f"{label} (F5)" if state.kind != "ended" else "The interview has ended")
            set_icon(start, "pause" if timer.running else "play")
            self.timer_bar.start_button.setAccessibleName(start.toolTip())
            start.setEnabled(state.kind != "ended")
            self.commands.end.setEnabled(state.kind in ("running", "paused"))
        self._show_pause(state)
        section = s.template.sections[timer.current_section]
        progress = f"{clock_text(timer.section_elapsed())} of {clock_text(timer.section_planned())}"
        self.compact.show_timer(
            f"{clock_text(timer.elapsed())} / {clock_text(timer.planned_total())}",
            f"{timer.current_section + 1}. {section.title}: {progress}",
            timer.section_over() or timer.interview_over(),
            state,
        )
        self.tasks.refresh()

    def _show_pause(self, state: TimerState) -> None:
        # A window taken over stays marked read-only in its title at every redraw.
        base = f"{self._title} — read-only" if self.taken_over else self._title
        title = f"PAUSED — {base}" if state.kind == "paused" else base
        if self.windowTitle() != title:
            self.setWindowTitle(title)
        if state.reminder and not self._reminded:
            self._reminded = True  # once per pause: the banner keeps saying it
            QApplication.alert(self)
            self.statusBar().showMessage("The timer is still paused: press F5 to resume.", 15000)
        elif state.kind != "paused":
            self._reminded = False

    # -- edits -------------------------------------------------------------------------------

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, StampedNotesEdit) and self.isAncestorOf(new):
            self.navigator.notes_focused(new)
        card = card_of(new)
        if card is not None and self.isAncestorOf(card):
            self.navigator.competency_focused(card.competency.id)
        if self.saver.pending and old is not None and self.isAncestorOf(old):
            self.save_now()

    # -- commands ------------------------------------------------------------------------------
    def focus_capture(self) -> None:
        self.capture.open()

    def focus_rubric(self) -> None:
        self.tabs.setCurrentWidget(self.rubric)
        card = self.rubric.cards.get(self.navigator.current_competency or "")
        if card is not None:
            self.rubric.ensureWidgetVisible(card)
            card.setFocus()

    def link_note(self) -> None:
        self.edits.link_note()

    def toggle_private(self) -> None:
        self.edits.toggle_private()

    def toggle_compact(self) -> None:
        compact = self.layouts.currentWidget() is not self.compact
        self.placement.save("compact" if not compact else "full")
        full = self.panes.full
        # The stack is as large as its largest page unless the hidden one stops asking for room.
        ignored, preferred = QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        full.setSizePolicy(ignored if compact else preferred, ignored if compact else preferred)
        if not compact:
            self.compact.release()
        self.layouts.setCurrentWidget(self.compact if compact else full)
        self.menuBar().setVisible(not compact)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, compact)
        self.placement.restore("compact" if compact else "full", COMPACT_SIZE if compact else FULL_SIZE)
        self.commands.compact.setChecked(compact)
        self.show()  # changing the window flags hides the window
        self.activateWindow()  # and may leave it without the keyboard
        self.placement.check_after_show()
        self.refresh()
        self.focus_notes()

    def show_disclosure(self) -> None:
        self.tasks.show_disclosure()

    def show_shortcuts(self) -> None:
        extra = [
            ("1-9", "On a focused rubric card: score it (0 or Backspace clears)"),
            ("Up / Down", "Move between competencies in the rubric"),
            ("Up / Down in a capture field", "Choose the question's topic"),
            ("Esc in a capture field", "Go back to where you were typing"),
        ]
        sheet = ShortcutSheet(self.actions(), extra, self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcut_sheet = sheet
        sheet.open()

    # -- saving feedback and closing ---------------------------------------------------------
    def _taken_over(self, message: str) -> None:
        """Another window has this interview now: this one turns read-only and says why."""
        self.taken_over = True
        keep = tuple(getattr(self.commands, name) for name in STILL_ALLOWED)
        freeze(self, keep)
        self.setWindowTitle(f"{self._title} — read-only")  # and so at every redraw (_show_pause)
        self.problem.setText(message)
        theme.restyle(self.problem, theme.style(theme.Role.DANGER))
        self.problem.show()
        QMessageBox.warning(self, "Taken over by another window", message)

    @property
    def queue(self) -> SaveQueue:
        return self.saver.queue

    def save_now(self) -> None:
        """Hand every pending edit to the save thread now (a section change, a focus change, submit)."""
        self.saver.save_now()

    def heartbeat(self) -> None:
        self.saver.heartbeat()

    def abandon(self) -> None:
        """Stop as a killed app would: no final save, nothing more written (crash tests)."""
        self._stop()
        self.saver.abandon()
        self.bridge.close()

    def _stop(self) -> None:
        if self._redraw.isActive():
            self._redraw.stop()
            application().focusChanged.disconnect(self._focus_changed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            retint(self)  # light or dark mode switched: icons follow the text colour
            if hasattr(self, "rubric"):
                self.rubric.restyle()
                self.script.restyle()

    def closeEvent(self, event: QCloseEvent) -> None:
        closer = self.closer
        if event.spontaneous() and closer.midway() and not closer.close_confirmed:
            event.ignore()  # the window manager's close button: ask, as Ctrl+W does
            closer.request_close()
            return
        if not self.saver.close():
            event.ignore()
            QMessageBox.warning(
                self,
                "Not saved yet",
                "The last edits could not be written; they are kept. Free some disk space or check the "
                "database, then close again.",
            )
            return
        self.placement.save("compact" if self.layouts.currentWidget() is self.compact else "full")
        self._stop()
        self.bridge.close()
        if closer.midway():
            self.closed_midway.emit(
                f"The interview with {self.session.candidate} is kept; open it again to resume."
            )
        super().closeEvent(event)
        self.closed.emit(self.session.interview_id)
        QTimer.singleShot(0, settle_garbage)  # the closed window's objects go now, not mid-typing


def open_interview_window(
    db: Workspace,
    interview_id: int,
    parent: QWidget,
    on_open: Callable[[LiveInterviewWindow], None],
) -> None:
    """Open the live window and hand it to ``on_open``, or say in one message why it cannot be
    opened. A lease left by a window that stopped answering is taken over only when the user says so."""
    try:
        on_open(LiveInterviewWindow(db, interview_id))
    except LeaseHeldError as held:
        if not held.stale:
            QMessageBox.warning(parent, "Interview open elsewhere", held.message)
            return
        ask(
            parent,
            "Take this interview over?",
            held.message,
            "The other window can then no longer save; what it typed since its last save stays on its "
            "screen.",
            act="Take over",
            keep="Leave it",
            on_act=partial(_take_over, db, interview_id, parent, on_open),
        )
    except UserError as exc:
        QMessageBox.warning(parent, "Interview not opened", exc.message)


def _take_over(
    db: Workspace, interview_id: int, parent: QWidget, on_open: Callable[[LiveInterviewWindow], None]
) -> None:
    try:
        on_open(LiveInterviewWindow(db, interview_id, lease=acquire_lease(db, interview_id, take_over=True)))
    except UserError as exc:
        QMessageBox.warning(parent, "Interview not opened", exc.message)
