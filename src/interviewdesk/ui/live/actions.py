"""The live window's actions and their keys, in one table, and its menus.

Each action keeps a fixed name for the F1 sheet (``helpText``) even when its label follows the
state (the start action reads Start, Pause or Resume). Nothing irreversible sits on one key: ending
the interview (Shift+F5) and submitting (Ctrl+Shift+S) both ask first. No key here means something
else in the main window: Ctrl+P exports a PDF in both, and Ctrl+E, which exports there, does
nothing here but say where ending the interview went.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from interviewdesk.ui.icons import set_icon

if TYPE_CHECKING:
    from interviewdesk.ui.live.timer_bar import TimerBar
    from interviewdesk.ui.live.window import LiveInterviewWindow

END_KEY = "Shift+F5"
HELP_TEXT = "helpText"


def help_text(action: QAction) -> str:
    """The action's name for the shortcut sheet: what it does, not its current state."""
    name = action.property(HELP_TEXT)
    return str(name) if name else action.text().replace("&", "").rstrip("…")


class LiveActions:
    def __init__(self, window: LiveInterviewWindow) -> None:
        self._window = window
        w = window
        self.start = self._add("Start / pause / resume the timer", "F5", w.toggle_timer, "play")
        self.previous = self._add("Previous section", "F7", partial(w.step_section, -1), "skip-back")
        self.next = self._add("Next section", "F8", partial(w.step_section, 1), "skip-forward")
        self.previous_question = self._add(
            "Notes of the previous question", "Ctrl+Up", partial(w.step_question, -1)
        )
        self.next_question = self._add("Notes of the next question", "Ctrl+Down", partial(w.step_question, 1))
        self.capture = self._add(
            "Log a candidate's question", "Ctrl+K", w.focus_capture, "message-circle-question"
        )
        self.rubric = self._add("Go to the rubric (then number keys score)", "Ctrl+R", w.focus_rubric)
        self.previous_competency = self._add("Previous competency", "Alt+Up", partial(w.step_competency, -1))
        self.next_competency = self._add("Next competency", "Alt+Down", partial(w.step_competency, 1))
        self.scores = [
            self._add(
                f"Score the current competency {level}", f"Ctrl+{level}", partial(w.score_current, level)
            )
            for level in (s.level for s in w.session.template.scale if 1 <= s.level <= 9)
        ]
        self.clear_score = self._add("Clear the current competency's score", "Ctrl+0", w.clear_current_score)
        self.link = self._add(
            "Link the current note to the current competency's evidence", "Ctrl+L", w.link_note, "link"
        )
        self.private = self._add(
            "Mark the current note paragraph private / shared", "Ctrl+Shift+P", w.toggle_private, "lock"
        )
        self.end = self._add("End the interview…", END_KEY, w.closer.request_end, "square")
        self.submit = self._add("Submit and seal…", "Ctrl+Shift+S", w.closer.request_submit, "square-check")
        self.compact = self._add(
            "Compact layout, always on top", "Ctrl+Shift+M", w.toggle_compact, "minimize-2"
        )
        self.compact.setCheckable(True)
        self.help = self._add("Keyboard shortcuts", "F1", w.show_shortcuts, "circle-help")
        self.export = self._add("Export PDF…", "Ctrl+P", w.closer.export_pdf, "file-text")
        self.disclosure = self._add(
            "Disclosure checklist for a working interview…", "Ctrl+Shift+D", w.show_disclosure
        )
        self.feedback = self._add("Feedback for the candidate…", "Ctrl+Shift+F", w.closer.draft_feedback)
        self.export_private = self._add(
            "Export PDF with private notes…", None, lambda: w.closer.export_pdf(include_private=True)
        )
        self.close = self._add("Close the window…", QKeySequence.StandardKey.Close, w.closer.request_close)
        # The main window's Ctrl+E exports a PDF; here it once ended the interview. Say where that went.
        old_end = QShortcut(QKeySequence("Ctrl+E"), w)
        old_end.activated.connect(
            lambda: w.statusBar().showMessage(
                f"Ctrl+E does nothing here. To end the interview press {END_KEY} (it asks first).", 8000
            )
        )
        self._menus()

    def attach(self, bar: TimerBar) -> None:
        """The timer strip's buttons show the timer's actions (and never take the keyboard)."""
        bar.start_button.setDefaultAction(self.start)
        bar.previous_button.setDefaultAction(self.previous)
        bar.next_button.setDefaultAction(self.next)
        bar.previous_button.setAccessibleName("Previous section (F7)")
        bar.next_button.setAccessibleName("Next section (F8)")

    def _add(
        self,
        text: str,
        key: str | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        action.setProperty(HELP_TEXT, text.rstrip("…"))
        if key is not None:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon_name:
            set_icon(action, icon_name)
        action.triggered.connect(lambda _checked=False: slot())  # triggered(bool) must not reach the slot
        self._window.addAction(action)
        return action

    def _menus(self) -> None:
        menu = self._window.menuBar()
        interview = menu.addMenu("&Interview")
        for action in (self.start, self.previous, self.next, self.end, self.submit):
            interview.addAction(action)
        interview.addSeparator()
        for action in (self.export, self.export_private, self.feedback, self.disclosure):
            interview.addAction(action)
        interview.addSeparator()
        interview.addAction(self.close)
        notes = menu.addMenu("&Notes")
        for action in (
            self.previous_question,
            self.next_question,
            self.capture,
            self.private,
            self.link,
        ):
            notes.addAction(action)
        rubric = menu.addMenu("&Rubric")
        for action in (self.rubric, self.previous_competency, self.next_competency, *self.scores):
            rubric.addAction(action)
        rubric.addAction(self.clear_score)
        view = menu.addMenu("&View")
        view.addAction(self.compact)
        from interviewdesk.ui.help_menu import HelpMenu

        self.help_menu = HelpMenu(
            self._window,
            menu.addMenu("&Help"),
            shortcuts=self.help,
            database=lambda: self._window.closer.workspace.describe(),  # noqa: PLW0108 (closer comes later)
        )
