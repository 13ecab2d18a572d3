"""The live interview window: the script and its notes in the middle, the timer on top, the rubric,
the candidate's questions, role clarity and the decision beside them; or the compact layout.

Every edit goes to the in-memory session at once and is written by the save queue's worker: after
0.4 s without typing, never later than 0.9 s after the first unsaved keystroke, and at once on a
section change, a focus change, the timer's events, submit and close.

The keyboard is the interviewer's: the caret is in the notes of the current question after
opening, resuming, a section change, a capture or a dialog (:mod:`.focus` keeps it there), and
nothing that cannot be undone sits on one key (:mod:`.actions`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain.clock import Clock, SystemClock
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.errors import UserError
from interviewdesk.services.live_session import LiveSession, open_live_session
from interviewdesk.services.save_queue import SaveQueue, SaveReport, SetAside
from interviewdesk.services.workspace import Workspace
from interviewdesk.ui import theme
from interviewdesk.ui.icons import retint, set_icon
from interviewdesk.ui.live.actions import LiveActions
from interviewdesk.ui.live.closing import ClosingMixin
from interviewdesk.ui.live.compact import COMPACT_SIZE, CompactView
from interviewdesk.ui.live.focus import FocusKeeper
from interviewdesk.ui.live.navigator import Navigator
from interviewdesk.ui.live.notes_edit import StampedNotesEdit
from interviewdesk.ui.live.placement import FULL_SIZE, Placement
from interviewdesk.ui.live.rubric import CompetencyCard, RubricPanel
from interviewdesk.ui.live.saving import Saver
from interviewdesk.ui.live.script_view import ScriptView
from interviewdesk.ui.live.sheets import AmendDialog, FeedbackDialog, ShortcutSheet
from interviewdesk.ui.live.side_panels import ClosePanel, QuestionsPanel, RolePanel
from interviewdesk.ui.live.tasks import TaskController
from interviewdesk.ui.live.timer_bar import TimerBar, TimerState, clock_text
from interviewdesk.ui.pdf_export import PdfExporter

REDRAW_MS = 250  # the timer is redrawn, never counted: the clock is read on each redraw


class LiveInterviewWindow(ClosingMixin, QMainWindow):
    """``saved(SaveReport)`` after each write; ``save_failed(message)`` when one could not be made
    yet; ``set_aside(SetAside)`` for an edit that can never be written; ``closed_midway(message)``
    when the window closes with the interview still under way; ``closed(interview_id)`` after it
    closed with everything written."""

    saved = Signal(object)
    save_failed = Signal(str)
    set_aside = Signal(object)
    closed_midway = Signal(str)
    closed = Signal(int)  # the interview's id, once everything typed is written

    def __init__(self, db: Workspace, interview_id: int, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.clock = clock or SystemClock()
        self.session: LiveSession = open_live_session(db, interview_id, self.clock)
        self.saver = Saver(self, db, self.session, self.clock)
        self.exporter = PdfExporter(self, lambda: db)
        self._db = db
        self.feedback_dialog: FeedbackDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.amend_dialog: AmendDialog | None = None
        self.shortcut_sheet: ShortcutSheet | None = None
        self._capture_return: tuple[QWidget | None, int] | None = None
        self._close_confirmed = False
        self._reminded = False
        self._shown = False
        self._title = f"{self.session.candidate} — {self.session.template.name}"
        self.setWindowTitle(self._title)

        self._build_layout()
        self.navigator = Navigator(self, self.session, self.script, self.rubric, self.compact)
        self.commands = LiveActions(self)
        self.timer_bar.start_button.setDefaultAction(self.commands.start)
        self.timer_bar.previous_button.setDefaultAction(self.commands.previous)
        self.timer_bar.next_button.setDefaultAction(self.commands.next)
        self.timer_bar.previous_button.setAccessibleName("Previous section (F7)")
        self.timer_bar.next_button.setAccessibleName("Next section (F8)")
        self._connect()
        self._restore()
        self.tasks = TaskController(
            self, self.session, self.script, edited=self.saver.edited, mark=self.saver.mark
        )
        self.saver.loading = False
        self.placement = Placement(self, self.splitter)
        self.placement.restore("full", FULL_SIZE)
        self.focus_keeper = FocusKeeper(self, self.current_notes, self.script.reveal)
        self._start_timers()
        QApplication.instance().focusChanged.connect(self._focus_changed)
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
        template = self.session.template
        self.timer_bar = TimerBar()
        self.sections = QListWidget()
        self.sections.setObjectName("sectionList")
        self.sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F7/F8 move; typing never lands here
        self.sections.setWordWrap(True)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sections.setResizeMode(QListWidget.ResizeMode.Adjust)
        for index, section in enumerate(template.sections):
            item = QListWidgetItem(f"{index + 1}. {section.title}\n{section.minutes:g} min planned")
            item.setToolTip(f"{section.title} ({section.minutes:g} min planned)")
            self.sections.addItem(item)
        self.sections.currentRowChanged.connect(self._section_clicked)
        self.script = ScriptView(template, self.session.offset)
        self.rubric = RubricPanel(template.competencies, template.scale)
        self.questions = QuestionsPanel()
        self.role = RolePanel(template)
        self.close_panel = ClosePanel(template)
        self.tabs = QTabWidget()
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.rubric, "Rubric")
        self.tabs.addTab(self.questions, "Candidate's questions")
        self.tabs.addTab(self.role, "Role && aspirations")  # && shows one ampersand
        self.tabs.addTab(self.close_panel, "Decide && submit")
        self.tabs.setTabToolTip(2, "The role-clarity checklist and the candidate's aspirations")
        self.tabs.setTabToolTip(3, "Recommendation, summary for the panel, and Submit (seals the scores)")
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.sections, self.script, self.tabs):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([170, 560, 540])
        self.sections.setMinimumWidth(140)
        full = QWidget()
        full_layout = QVBoxLayout(full)
        full_layout.setContentsMargins(0, 0, 0, 0)
        full_layout.addWidget(self.timer_bar)
        full_layout.addWidget(self.splitter, 1)
        self.compact = CompactView(template.scale)
        self.layouts = QStackedWidget()
        self.layouts.addWidget(full)
        self.layouts.addWidget(self.compact)
        self.setCentralWidget(self.layouts)
        self.problem = QLabel()
        self.problem.setObjectName("saveProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.statusBar().addPermanentWidget(self.problem, 1)

    def _connect(self) -> None:
        for mine, theirs in (
            (self.saved, self.saver.saved),
            (self.save_failed, self.saver.save_failed),
            (self.set_aside, self.saver.set_aside),
        ):
            theirs.connect(mine)
        self.saved.connect(self._saved)
        self.save_failed.connect(self._save_failed)
        self.set_aside.connect(self._set_aside)
        self.script.notes_edited.connect(self._notes_edited)
        self.script.asked_changed.connect(self._asked)
        for card in self.rubric.cards.values():
            card.scored.connect(self._scored)
            card.evidence_edited.connect(self._evidence_edited)
            card.focused.connect(self.navigator.competency_focused)
            card.amend_requested.connect(self.amend)
        self.questions.logged.connect(self._question_logged)
        self.questions.updated.connect(self._question_updated)
        self.questions.deleted.connect(self._question_deleted)
        self.questions.capture_done.connect(self._capture_done)
        self.role.checked.connect(self._checklist)
        self.role.aspirations_edited.connect(
            lambda: self.saver.mark(
                "aspirations", lambda: self.session.set_aspirations(self.role.aspirations.toPlainText())
            )
        )
        self.close_panel.recommendation_changed.connect(self._recommendation)
        self.close_panel.summary_edited.connect(
            lambda: self.saver.mark(
                "summary", lambda: self.session.set_summary(self.close_panel.summary.toPlainText())
            )
        )
        self.close_panel.submit_requested.connect(self.request_submit)
        self.compact.captured.connect(lambda text, topic: self._question_logged(text, topic, "", False))
        self.compact.capture_done.connect(self._capture_done)
        self.compact.scored.connect(lambda cid, level: self.rubric.cards[cid].score(level))

    def _restore(self) -> None:
        s = self.session
        for key, editor in self.script.notes.items():
            editor.set_paragraphs(s.notes.get(key, []))
        for (section, question), box in self.script.asked_boxes.items():
            box.setChecked((section, question) in s.asked)
        for cid, card in self.rubric.cards.items():
            card.show_score(s.level(cid), s.evidence(cid))
        self.questions.show_questions(list(s.questions.values()))
        self.role.set_checked(s.checklist)
        self.role.aspirations.blockSignals(True)
        self.role.aspirations.setPlainText(s.aspirations)
        self.role.aspirations.blockSignals(False)
        self.close_panel.show_values(s.recommendation, s.summary)
        self._show_sealed()
        self._show_section(s.current_section())
        self.navigator.field_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.placement.check_after_show()
            QTimer.singleShot(0, self, self.focus_notes)

    # -- where the interviewer is (see navigator.py) ------------------------------------------
    @property
    def current_competency(self) -> str | None:
        return self.navigator.current_competency

    @property
    def last_notes(self) -> StampedNotesEdit | None:
        return self.navigator.last_notes

    @last_notes.setter
    def last_notes(self, editor: StampedNotesEdit | None) -> None:
        self.navigator.last_notes = editor

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
        card = self.rubric.cards.get(self.current_competency or "")
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
        title = f"PAUSED — {self._title}" if state.kind == "paused" else self._title
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
        card = _card_of(new)
        if card is not None and self.isAncestorOf(card):
            self.navigator.competency_focused(card.competency.id)
        if self.saver.pending and old is not None and self.isAncestorOf(old):
            self.save_now()

    def _notes_edited(self, key: tuple[int, int | None]) -> None:
        editor = self.script.notes[key]
        self.saver.mark(("notes", key), lambda: self.session.set_notes(key[0], key[1], editor.paragraphs()))

    def _asked(self, section: int, question: int, asked: bool) -> None:
        if not self.saver.loading:
            self.session.set_asked(section, question, asked)
            self.saver.edited()

    def _scored(self, cid: str, level: int | None) -> None:
        self.session.set_score(cid, level)
        self.navigator.competency_focused(cid)
        self.saver.edited()

    def _evidence_edited(self, cid: str) -> None:
        evidence = self.rubric.cards[cid].evidence
        self.saver.mark(("evidence", cid), lambda: self.session.set_evidence(cid, evidence.toPlainText()))

    def _question_logged(self, text: str, topic: QuestionTopic, answer: str, owed: bool) -> None:
        self.session.log_question(text, topic, answer, owed)
        self.questions.show_questions(list(self.session.questions.values()))
        self.statusBar().showMessage(f"Logged the candidate's question ({topic.label}).", 4000)
        self.saver.edited()

    def _question_updated(self, key: str, text: str, topic: QuestionTopic, answer: str, owed: bool) -> None:
        self.session.update_question(
            key, text=text, topic=QuestionTopic(topic), answer=answer, follow_up_owed=owed
        )
        self.questions.show_questions(list(self.session.questions.values()))
        self.saver.edited()

    def _question_deleted(self, key: str) -> None:
        self.session.delete_question(key)
        self.questions.show_questions(list(self.session.questions.values()))
        self.saver.edited()

    def _checklist(self, item: int, covered: bool) -> None:
        self.session.set_checklist(item, covered)
        self.saver.edited()

    def _recommendation(self, recommendation: str | None) -> None:
        if not self.saver.loading:
            self.session.set_recommendation(recommendation)
            self.saver.edited()

    # -- commands ------------------------------------------------------------------------------
    def focus_capture(self) -> None:
        """Ctrl+K: the capture field; Enter or Esc gives the caret back to where it was."""
        focused = QApplication.focusWidget()
        if self._capture_return is None or focused not in (self.questions.question, self.compact.capture):
            self._capture_return = (focused, self.tabs.currentIndex())
        if self.layouts.currentWidget() is self.compact:
            self.compact.capture.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.tabs.setCurrentWidget(self.questions)
        self.questions.question.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _capture_done(self) -> None:
        back, self._capture_return = self._capture_return, None
        if back is None:
            return
        widget, tab = back
        self.tabs.setCurrentIndex(tab)
        if widget is not None and self.isAncestorOf(widget) and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_notes()

    def focus_rubric(self) -> None:
        self.tabs.setCurrentWidget(self.rubric)
        card = self.rubric.cards.get(self.current_competency or "")
        if card is not None:
            self.rubric.ensureWidgetVisible(card)
            card.setFocus()

    def link_note(self) -> None:
        editor, cid = self.last_notes, self.current_competency
        paragraph = editor.current_paragraph() if editor is not None else None
        if paragraph is None or cid is None or self.session.sealed:
            self.statusBar().showMessage("Put the cursor in a note and pick a competency first.", 4000)
            return
        offset, text, private = paragraph
        if private:
            # Evidence is shared with the panel; a private note would leak through it.
            self.statusBar().showMessage(
                "A private note cannot be evidence: share it first (Ctrl+Shift+P).", 6000
            )
            return
        evidence = self.rubric.cards[cid].evidence
        current = evidence.toPlainText().rstrip()
        evidence.setPlainText(f"{current}\n[m{int(offset // 60) + 1}] {text}".strip())
        self.statusBar().showMessage(f"Linked to {self.session.template.competency(cid).name}.", 3000)

    def toggle_private(self) -> None:
        if self.last_notes is not None:
            private = self.last_notes.toggle_private()
            self.statusBar().showMessage(
                "Paragraph marked private." if private else "Paragraph shared again.", 3000
            )

    def toggle_compact(self) -> None:
        compact = self.layouts.currentWidget() is not self.compact
        self.placement.save("compact" if not compact else "full")
        full = self.layouts.widget(0)
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

    def _stop(self) -> None:
        if self._redraw.isActive():
            self._redraw.stop()
            QApplication.instance().focusChanged.disconnect(self._focus_changed)

    def _saved(self, report: SaveReport) -> None:
        theme.restyle(self.statusBar(), "")
        self.statusBar().showMessage(
            f"Saved ({report.changes} change{'s' if report.changes != 1 else ''}).", 2000
        )

    def _save_failed(self, message: str) -> None:
        theme.restyle(self.statusBar(), theme.style(theme.Role.DANGER))
        self.statusBar().showMessage(message)

    def _set_aside(self, entry: SetAside) -> None:
        count = len(self.queue.set_aside)
        self.problem.setText(
            f"{count} edit{'s' if count != 1 else ''} could not be saved and "
            f"{'were' if count != 1 else 'was'} set aside. Latest: {entry.message()}"
        )
        self.problem.setToolTip("\n".join(e.message() for e in self.queue.set_aside))
        self.problem.setStyleSheet(theme.style(theme.Role.DANGER))
        self.problem.show()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            retint(self)  # light or dark mode switched: icons follow the text colour
            if hasattr(self, "rubric"):
                self.rubric.restyle()
                self.script.restyle()

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and self._midway() and not self._close_confirmed:
            event.ignore()  # the window manager's close button: ask, as Ctrl+W does
            self.request_close()
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
        if self._midway():
            self.closed_midway.emit(
                f"The interview with {self.session.candidate} is kept; open it again to resume."
            )
        super().closeEvent(event)
        self.closed.emit(self.session.interview_id)


def _card_of(widget: QWidget | None) -> CompetencyCard | None:
    while widget is not None:
        if isinstance(widget, CompetencyCard):
            return widget
        widget = widget.parentWidget()
    return None


def open_interview_window(
    db: Workspace, interview_id: int, parent: QWidget | None = None
) -> LiveInterviewWindow | None:
    """Open the live window, or say in one message why it cannot be opened."""
    try:
        return LiveInterviewWindow(db, interview_id)
    except UserError as exc:
        QMessageBox.warning(parent, "Interview not opened", exc.message)
        return None
