"""The live interview window: the script and its notes in the middle, the timer on top, the rubric,
the candidate's questions, role clarity and the close beside them; or the compact layout.

Every edit goes to the in-memory session at once and is written by the save queue's worker: after
0.4 s without typing, never later than 1 s after the first unsaved keystroke, and at once on a
section change, a focus change, the timer's events, submit and close.
"""

from __future__ import annotations

from collections.abc import Callable
from queue import SimpleQueue

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain.autosave import SaveScheduler
from interviewdesk.domain.clock import Clock, SystemClock
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.errors import UserError
from interviewdesk.services.live_session import LiveSession, open_live_session
from interviewdesk.services.save_queue import SaveQueue, SaveReport
from interviewdesk.store.database import Database
from interviewdesk.ui.icons import retint, set_icon
from interviewdesk.ui.live.closing import ClosingMixin
from interviewdesk.ui.live.compact import COMPACT_SIZE, CompactView
from interviewdesk.ui.live.notes_edit import StampedNotesEdit
from interviewdesk.ui.live.rubric import CompetencyCard, RubricPanel
from interviewdesk.ui.live.saving import SavingMixin
from interviewdesk.ui.live.script_view import ScriptView
from interviewdesk.ui.live.sheets import AmendDialog, FeedbackDialog, ShortcutSheet
from interviewdesk.ui.live.side_panels import ClosePanel, QuestionsPanel, RolePanel
from interviewdesk.ui.live.tasks import TaskController
from interviewdesk.ui.live.timer_bar import TimerBar, clock_text
from interviewdesk.ui.pdf_export import PdfExporter

REDRAW_MS = 250  # the timer is redrawn, never counted: the clock is read on each redraw
REPORTS_MS = 50  # how often the save thread's reports are shown
HEARTBEAT_MS = 5000  # a running timer's offset is saved this often, so a crash loses seconds


class LiveInterviewWindow(SavingMixin, ClosingMixin, QMainWindow):
    """``saved(SaveReport)`` after each write; ``save_failed(message)`` when one could not be made."""

    saved = Signal(object)
    save_failed = Signal(str)

    def __init__(self, db: Database, interview_id: int, *, clock: Clock | None = None) -> None:
        super().__init__()
        self.clock = clock or SystemClock()
        self.session: LiveSession = open_live_session(db, interview_id, self.clock)
        # The save thread is a plain Python thread: it only drops its reports here, and the GUI
        # thread picks them up (no Qt call is ever made from the save thread).
        self._reports: SimpleQueue[SaveReport | str] = SimpleQueue()
        self.queue = SaveQueue(db, interview_id, on_saved=self._reports.put, on_failed=self._reports.put)
        self.exporter = PdfExporter(self, lambda: db)
        self._db = db
        self.feedback_dialog: FeedbackDialog | None = None
        self.scheduler = SaveScheduler(self.clock)
        self._dirty: dict[object, Callable[[], None]] = {}
        self._loading = True
        self.current_competency: str | None = None
        self.last_notes: StampedNotesEdit | None = None
        self.confirm_box: QMessageBox | None = None
        self.amend_dialog: AmendDialog | None = None
        self.shortcut_sheet: ShortcutSheet | None = None
        self._full_geometry: QByteArray | None = None
        template = self.session.template
        self.setWindowTitle(f"{self.session.candidate} — {template.name}")
        self.resize(1280, 800)

        self._build_layout()
        self._build_actions()
        self._connect()
        self._restore()
        self.tasks = TaskController(self, self.session, self.script, edited=self._edited, mark=self._mark)
        self._loading = False
        self._save_timer = QTimer(self, singleShot=True)
        self._save_timer.timeout.connect(self._autosave_tick)
        self._redraw = QTimer(self, interval=REDRAW_MS)
        self._redraw.timeout.connect(self.refresh)
        self._redraw.start()
        self._report_timer = QTimer(self, interval=REPORTS_MS)
        self._report_timer.timeout.connect(self._drain_reports)
        self._report_timer.start()
        self._heartbeat = QTimer(self, interval=HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._beat)
        self._heartbeat.start()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        QTimer.singleShot(0, self.script.prepare_pages)  # once the window is up, not before
        self.refresh()
        if self.session.recovered:
            self.statusBar().showMessage(
                "Resumed after an interruption: the time the app was closed is not counted.", 15000
            )
            self.save_now()

    # -- building ------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        template = self.session.template
        self.timer_bar = TimerBar()
        self.sections = QListWidget()
        self.sections.setObjectName("sectionList")
        for index, section in enumerate(template.sections):
            self.sections.addItem(f"{index + 1}. {section.title} ({section.minutes:g} min)")
        self.sections.currentRowChanged.connect(self._section_clicked)
        self.script = ScriptView(template, self.session.offset)
        self.rubric = RubricPanel(template.competencies, template.scale)
        self.questions = QuestionsPanel()
        self.role = RolePanel(template)
        self.close_panel = ClosePanel(template)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rubric, "Rubric")
        self.tabs.addTab(self.questions, "Candidate's questions")
        self.tabs.addTab(self.role, "Role and aspirations")
        self.tabs.addTab(self.close_panel, "Close")
        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(self.script)
        splitter.addWidget(self.tabs)
        splitter.setSizes([220, 560, 500])
        full = QWidget()
        full_layout = QVBoxLayout(full)
        full_layout.setContentsMargins(0, 0, 0, 0)
        full_layout.addWidget(self.timer_bar)
        full_layout.addWidget(splitter, 1)
        self.compact = CompactView(template.scale)
        self.layouts = QStackedWidget()
        self.layouts.addWidget(full)
        self.layouts.addWidget(self.compact)
        self.setCentralWidget(self.layouts)

    def _action(
        self,
        text: str,
        key: str | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon_name:
            set_icon(action, icon_name)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.start_action = self._action("Start / pause / resume", "F5", self.toggle_timer, "play")
        self.previous_action = self._action(
            "Previous section", "F7", lambda: self.step_section(-1), "skip-back"
        )
        self.next_action = self._action("Next section", "F8", lambda: self.step_section(1), "skip-forward")
        self.capture_action = self._action(
            "Log a candidate's question", "Ctrl+K", self.focus_capture, "message-circle-question"
        )
        self.rubric_action = self._action(
            "Go to the rubric (then number keys score)", "Ctrl+R", self.focus_rubric
        )
        self.link_action = self._action(
            "Link the current note to the current competency's evidence", "Ctrl+L", self.link_note, "link"
        )
        self.private_action = self._action(
            "Mark the current note paragraph private / shared", "Ctrl+Shift+P", self.toggle_private, "lock"
        )
        self.end_action = self._action("End the interview (stop the timer)", "Ctrl+E", self.end_interview)
        self.submit_action = self._action(
            "Submit and seal…", "Ctrl+Shift+S", self.request_submit, "square-check"
        )
        self.compact_action = self._action(
            "Compact layout, always on top", "Ctrl+Shift+M", self.toggle_compact, "minimize-2"
        )
        self.compact_action.setCheckable(True)
        self.help_action = self._action("Keyboard shortcuts", "F1", self.show_shortcuts, "circle-help")
        export = lambda: self.export_pdf()  # noqa: E731, PLW0108 - triggered(bool) must not reach the flag
        self.export_action = self._action("Export PDF…", "Ctrl+P", export, "file-text")
        self.disclosure_action = self._action(
            "Disclosure checklist for a working interview…",
            "Ctrl+Shift+D",
            self._show_disclosure,
        )
        self.feedback_action = self._action(
            "Feedback for the candidate…", "Ctrl+Shift+F", self.draft_feedback
        )
        self.export_private_action = self._action(
            "Export PDF with private notes…", None, lambda: self.export_pdf(include_private=True)
        )
        self.close_action = self._action("Close", QKeySequence.StandardKey.Close, self.close)
        self.timer_bar.start_button.setDefaultAction(self.start_action)
        self.timer_bar.previous_button.setDefaultAction(self.previous_action)
        self.timer_bar.next_button.setDefaultAction(self.next_action)
        menu = self.menuBar()
        interview = menu.addMenu("&Interview")
        for action in (
            self.start_action,
            self.previous_action,
            self.next_action,
            self.end_action,
            self.submit_action,
            self.export_action,
            self.export_private_action,
            self.feedback_action,
            self.close_action,
        ):
            interview.addAction(action)
        interview.addAction(self.disclosure_action)
        notes = menu.addMenu("&Notes")
        for action in (self.capture_action, self.private_action, self.link_action, self.rubric_action):
            notes.addAction(action)
        view = menu.addMenu("&View")
        view.addAction(self.compact_action)
        view.addAction(self.help_action)

    def _connect(self) -> None:
        self.saved.connect(self._saved)
        self.save_failed.connect(self._save_failed)
        self.script.notes_edited.connect(self._notes_edited)
        self.script.asked_changed.connect(self._asked)
        for card in self.rubric.cards.values():
            card.scored.connect(self._scored)
            card.evidence_edited.connect(self._evidence_edited)
            card.focused.connect(self._competency_focused)
            card.amend_requested.connect(self.amend)
        self.questions.logged.connect(self._question_logged)
        self.questions.updated.connect(self._question_updated)
        self.questions.deleted.connect(self._question_deleted)
        self.role.checked.connect(self._checklist)
        self.role.aspirations_edited.connect(
            lambda: self._mark(
                "aspirations", lambda: self.session.set_aspirations(self.role.aspirations.toPlainText())
            )
        )
        self.close_panel.recommendation_changed.connect(self._recommendation)
        self.close_panel.summary_edited.connect(
            lambda: self._mark(
                "summary", lambda: self.session.set_summary(self.close_panel.summary.toPlainText())
            )
        )
        self.close_panel.submit_requested.connect(self.request_submit)
        self.compact.captured.connect(
            lambda text: self._question_logged(text, QuestionTopic.OTHER, "", False)
        )
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
        if s.template.competencies:
            self._competency_focused(s.template.competencies[0].id)

    # -- the timer and sections --------------------------------------------------------------
    def toggle_timer(self) -> None:
        timer = self.session.timer
        if timer.ended:
            return
        if not timer.started:
            self.session.start()
        elif timer.running:
            self.session.pause()
        else:
            self.session.resume()
        self.save_now()
        self.refresh()

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

    def _section_clicked(self, row: int) -> None:
        if not self._loading and row >= 0 and row != self.script.currentIndex():
            self.go_to_section(row)

    def _show_section(self, index: int) -> None:
        self.script.setCurrentIndex(index)
        self.sections.blockSignals(True)
        self.sections.setCurrentRow(index)
        self.sections.blockSignals(False)

    def end_interview(self) -> None:
        timer = self.session.timer
        if timer.started and not timer.ended:
            self.session.end()
            self.save_now()
            self.refresh()

    def refresh(self) -> None:
        """Redraw what depends on the clock."""
        s = self.session
        self.timer_bar.refresh(s)
        timer = s.timer
        label = "Pause" if timer.running else ("Resume" if timer.started else "Start")
        if self.start_action.text() != label:
            self.start_action.setText(label)
            set_icon(self.start_action, "pause" if timer.running else "play")
        section = s.template.sections[timer.current_section]
        progress = f"{clock_text(timer.section_elapsed())} of {clock_text(timer.section_planned())}"
        self.compact.show_timer(
            f"{clock_text(timer.elapsed())} / {clock_text(timer.planned_total())}",
            f"{section.title}: {progress}",
            timer.section_over() or timer.interview_over(),
        )
        self.compact.show_question(self.script.current_question_text())
        if hasattr(self, "tasks"):
            self.tasks.refresh()

    # -- edits -------------------------------------------------------------------------------

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, StampedNotesEdit) and self.isAncestorOf(new):
            self.last_notes = new
        card = _card_of(new)
        if card is not None and self.isAncestorOf(card):
            self._competency_focused(card.competency.id)
        if self._dirty and old is not None and self.isAncestorOf(old):
            self.save_now()

    def _notes_edited(self, key: tuple[int, int | None]) -> None:
        editor = self.script.notes[key]
        self.last_notes = editor
        self._mark(("notes", key), lambda: self.session.set_notes(key[0], key[1], editor.paragraphs()))

    def _asked(self, section: int, question: int, asked: bool) -> None:
        if not self._loading:
            self.session.set_asked(section, question, asked)
            self._edited()

    def _scored(self, cid: str, level: int | None) -> None:
        self.session.set_score(cid, level)
        self._competency_focused(cid)
        self._edited()

    def _evidence_edited(self, cid: str) -> None:
        evidence = self.rubric.cards[cid].evidence
        self._mark(("evidence", cid), lambda: self.session.set_evidence(cid, evidence.toPlainText()))

    def _competency_focused(self, cid: str) -> None:
        self.current_competency = cid
        competency = self.session.template.competency(cid)
        self.compact.show_competency(competency, self.session.level(cid))

    def _question_logged(self, text: str, topic: QuestionTopic, answer: str, owed: bool) -> None:
        self.session.log_question(text, topic, answer, owed)
        self.questions.show_questions(list(self.session.questions.values()))
        self._edited()

    def _question_updated(self, key: str, text: str, topic: QuestionTopic, answer: str, owed: bool) -> None:
        self.session.update_question(
            key, text=text, topic=QuestionTopic(topic), answer=answer, follow_up_owed=owed
        )
        self.questions.show_questions(list(self.session.questions.values()))
        self._edited()

    def _question_deleted(self, key: str) -> None:
        self.session.delete_question(key)
        self.questions.show_questions(list(self.session.questions.values()))
        self._edited()

    def _checklist(self, item: int, covered: bool) -> None:
        self.session.set_checklist(item, covered)
        self._edited()

    def _recommendation(self, recommendation: str | None) -> None:
        if not self._loading:
            self.session.set_recommendation(recommendation)
            self._edited()

    # -- commands ------------------------------------------------------------------------------
    def focus_capture(self) -> None:
        if self.layouts.currentWidget() is self.compact:
            self.compact.capture.setFocus()
            return
        self.tabs.setCurrentWidget(self.questions)
        self.questions.question.setFocus()

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
        if compact:
            self._full_geometry = self.saveGeometry()
        full = self.layouts.widget(0)
        # The stack is as large as its largest page unless the hidden one stops asking for room.
        ignored, preferred = QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        full.setSizePolicy(ignored if compact else preferred, ignored if compact else preferred)
        self.layouts.setCurrentWidget(self.compact if compact else full)
        self.menuBar().setVisible(not compact)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, compact)
        if compact:
            self.resize(*COMPACT_SIZE)
        elif self._full_geometry is not None:
            self.restoreGeometry(self._full_geometry)
        self.compact_action.setChecked(compact)
        self.show()  # changing the window flags hides the window
        self.refresh()

    def _show_disclosure(self) -> None:
        self.tasks.show_disclosure()

    def show_shortcuts(self) -> None:
        extra = [
            ("1-9", "Score the focused competency (0 or Backspace clears)"),
            ("Up / Down", "Move between competencies in the rubric"),
            ("Tab", "Move to the next field"),
        ]
        sheet = ShortcutSheet(self.actions(), extra, self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcut_sheet = sheet
        sheet.open()

    # -- saving feedback and closing ---------------------------------------------------------
    def _drain_reports(self) -> None:
        """Emit, on the GUI thread, what the save thread reported since the last look."""
        while not self._reports.empty():
            report = self._reports.get()
            if isinstance(report, SaveReport):
                self.saved.emit(report)
            else:
                self.save_failed.emit(report)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            retint(self)  # light or dark mode switched: icons follow the text colour

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        if not self.queue.flush():
            event.ignore()
            QMessageBox.warning(
                self,
                "Not saved yet",
                "The last edits could not be written; they are kept. Free some disk space or check the "
                "database, then close again.",
            )
            return
        self._redraw.stop()
        self._heartbeat.stop()
        self._report_timer.stop()
        QApplication.instance().focusChanged.disconnect(self._focus_changed)
        self.queue.close()
        super().closeEvent(event)


def _card_of(widget: QWidget | None) -> CompetencyCard | None:
    while widget is not None:
        if isinstance(widget, CompetencyCard):
            return widget
        widget = widget.parentWidget()
    return None


def open_interview_window(
    db: Database, interview_id: int, parent: QWidget | None = None
) -> LiveInterviewWindow | None:
    """Open the live window, or say in one message why it cannot be opened."""
    try:
        return LiveInterviewWindow(db, interview_id)
    except UserError as exc:
        QMessageBox.warning(parent, "Interview not opened", exc.message)
        return None
