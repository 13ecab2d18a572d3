"""A panel across laptops, in the main window: send interviews as bundle files, import the ones
that came back (from the File menu or dropped on the window), and say who uses this installation.

Exports and imports run on the window's bridge, so the window never waits on them; many files get a
progress dialog that can stop between two files (each file is all or nothing), and every import
ends with a summary of what was added, updated, refused and why.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain.wording import count
from interviewdesk.errors import UserError
from interviewdesk.ui.bridge import Bridge
from interviewdesk.ui.confirm import ask, tell
from interviewdesk.ui.pdf_export import file_stem

if TYPE_CHECKING:
    from interviewdesk.services.bundle_import import FileOutcome
    from interviewdesk.services.identity import Me
    from interviewdesk.services.interview_list import InterviewRow
    from interviewdesk.services.workspace import Workspace
    from interviewdesk.ui.main_window import MainWindow

SUFFIX = "idbundle"
FILTER = f"Interview bundles (*.{SUFFIX} *.zip)"


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files in a drop (folders and web links are not bundles)."""
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and Path(url.toLocalFile()).is_file()
    ]


class PanelFiles(QObject):
    """``changed()`` after an import wrote something (the lists are reloaded); ``done(message)``
    after each job, for the status line."""

    changed = Signal()
    done = Signal(str)

    def __init__(
        self,
        window: QWidget,
        file_menu: QMenu,
        db: Callable[[], Workspace],
        bridge: Bridge,
        *,
        candidate: Callable[[], tuple[int, str] | None],
        interview: Callable[[], InterviewRow | None],
    ) -> None:
        super().__init__(window)
        self._window, self._db, self._bridge = window, db, bridge
        self._candidate, self._interview = candidate, interview
        self.file_dialog: QFileDialog | None = None
        self.progress: QProgressDialog | None = None
        self.box: QMessageBox | None = None
        self.me_dialog: MeDialog | None = None
        self.prompt: IdentityPrompt | None = None
        self._stop = threading.Event()
        self._busy = False
        self.export_interview = self._add(file_menu, "Send interview as &bundle…", self.ask_export_interview)
        self.export_candidate = self._add(
            file_menu, "Send candidate's interviews as b&undle…", self.ask_export_candidate
        )
        self.import_action = self._add(file_menu, "&Import bundles…", self.ask_import)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.who = QAction("&Who I am…", self)
        self.who.triggered.connect(self.edit_me)

    @classmethod
    def attach(
        cls, window: MainWindow, menu: QMenu, db: Callable[[], Workspace], bridge: Bridge
    ) -> PanelFiles:
        """The main window's: actions in its File menu, files dropped on it, news in its status line."""
        made = cls(
            window, menu, db, bridge, candidate=window.selected_candidate, interview=window.current_interview
        )
        made.changed.connect(window.reload_candidates)
        made.done.connect(lambda message: window.statusBar().showMessage(message, 10000))
        made.accept_drops()
        return made

    def notice(self, candidate_id: int) -> str:
        """ "2 sealed interviews waiting for your submission" for this candidate, or ""."""
        from interviewdesk.services.visibility import sealed_interviews

        return sealed_interviews(self._db(), [candidate_id]).notice(candidate_id)

    def accept_drops(self) -> None:
        """Bundle files dropped anywhere on the window are imported."""
        self._window.setAcceptDrops(True)
        self._window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if dropped_files(event.mimeData()) and not self._db_read_only():
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = dropped_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self.import_files(files)
                return True
        return super().eventFilter(watched, event)

    def _db_read_only(self) -> bool:
        db = self._db()
        return db is None or db.read_only

    def offer_identity(self, layout: QBoxLayout) -> None:
        """Ask once who uses this installation, in a bar above the interviews (never modal)."""
        from interviewdesk.services.identity import should_ask

        if self._db_read_only() or not should_ask(self._db()):
            return
        prompt = IdentityPrompt()
        prompt.answer.connect(self.edit_me)
        prompt.aside.connect(partial(self._put_aside, prompt))
        self.prompt = prompt
        layout.insertWidget(0, prompt)

    def _put_aside(self, prompt: QWidget) -> None:
        from interviewdesk.services.identity import put_question_aside

        put_question_aside(self._db())
        prompt.hide()
        self.done.emit("Not asked again: Data → Who I am… says it whenever you like.")

    def _add(self, menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def update(self, *, writable: bool) -> None:
        self.export_interview.setEnabled(self._interview() is not None)
        self.export_candidate.setEnabled(self._candidate() is not None)
        self.import_action.setEnabled(writable)
        self.who.setEnabled(writable)

    # -- sending -------------------------------------------------------------------------------
    def ask_export_interview(self) -> None:
        row = self._interview()
        if row is None:
            return
        name = f"{row.candidate} - {row.interviewer or 'interview'} - {row.id}"
        self._ask_target(name, "Send interview as bundle", partial(self.export_to, [row.id], None))

    def ask_export_candidate(self) -> None:
        chosen = self._candidate()
        if chosen is None:
            return
        self._ask_target(chosen[1], "Send candidate's interviews", partial(self.export_to, [], chosen[0]))

    def _ask_target(self, name: str, title: str, then: Callable[[Path], None]) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self._window, title, folder, FILTER)
        dialog.selectFile(f"{file_stem(name)}.{SUFFIX}")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(SUFFIX)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, interview_ids: list[int], candidate_id: int | None, target: Path) -> None:
        from interviewdesk.services.bundles import export_bundle, export_candidate

        db = self._db()
        self.file_dialog = None

        def work() -> str:
            summary = (
                export_candidate(db, candidate_id, target)
                if candidate_id is not None
                else export_bundle(db, interview_ids, target)
            )
            return f"Wrote {summary.path.name}: {summary.interviews} interview(s), no private notes."

        self._bridge.run(work, self.done.emit, partial(self._failed, "Bundle not written"))

    # -- receiving -----------------------------------------------------------------------------
    def ask_import(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self._window, "Import bundles", folder, FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda chosen: self.import_files([Path(c) for c in chosen]))
        self.file_dialog = dialog
        dialog.open()

    def import_files(self, paths: list[Path]) -> None:
        """Import ``paths`` on a worker; a progress dialog when there are several."""
        from interviewdesk.services.bundle_import import import_bundles

        if self._busy or not paths:
            return
        db = self._db()
        if db.read_only:
            self.box = tell(self._window, "Import bundles", "This window opened the database read-only.")
            return
        self.file_dialog = None
        self._busy = True
        self._stop.clear()
        if len(paths) > 1:
            progress = QProgressDialog(f"Importing {len(paths)} files…", "Stop", 0, len(paths), self._window)
            progress.setWindowTitle("Import bundles")
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(300)
            progress.setAutoClose(False)
            progress.setAutoReset(False)
            progress.canceled.connect(self._stop.set)
            self.progress = progress

        def report(done: int, total: int) -> None:  # on the worker: only posts
            self._bridge.post(partial(self._progressed, done, total))

        self._bridge.run(
            lambda: import_bundles(db, paths, report, self._stop),
            partial(self._imported, len(paths)),
            partial(self._failed, "Import bundles"),
        )

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setLabelText(f"Imported {done} of {total} files…")
            self.progress.setValue(done)

    def _end(self) -> None:
        self._busy = False
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _imported(self, asked: int, outcomes: list[FileOutcome]) -> None:
        from interviewdesk.services.bundle_import import summarise

        self._end()
        summary = summarise(outcomes, asked)
        if summary.changed:
            self.changed.emit()
        refused = any(o.refused for o in outcomes)
        box = QMessageBox(
            QMessageBox.Icon.Warning if refused else QMessageBox.Icon.Information,
            "Import bundles",
            summary.headline,
            parent=self._window,
        )
        # Room for a file name and its reason on one line, not a narrow column of broken words.
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 34em; }")
        lines = summary.details.splitlines()
        box.setInformativeText("\n".join(lines[:12]) + ("\n…" if len(lines) > 12 else ""))
        if len(lines) > 12:
            box.setDetailedText(summary.details)
        pairs = [(new, old, name) for o in outcomes for new, old, name in o.lookalikes]
        if pairs:  # offered, never done silently
            merge = box.addButton("Merge look-alikes…", QMessageBox.ButtonRole.ActionRole)
            merge.clicked.connect(partial(self.offer_merge, pairs))
            box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.open()
        self.done.emit(summary.headline)

    def offer_merge(self, pairs: list[tuple[int, int, str]]) -> None:
        names = "; ".join(f"{name}: candidate {new} into candidate {old}" for new, old, name in pairs)
        self.box = ask(
            self._window,
            "Merge look-alikes",
            f"Merge {count(len(pairs), 'imported candidate')} into the record you already had?",
            f"{names}. Their interviews move; the details you had stay. It cannot be undone.",
            act="Merge",
            keep="Keep both",
            on_act=partial(self._merge, pairs),
        )

    def _merge(self, pairs: list[tuple[int, int, str]]) -> None:
        from interviewdesk.services.plans import merge_candidates

        try:
            for new, old, _name in pairs:
                merge_candidates(self._db(), old, new)
        except UserError as exc:
            self.box = tell(self._window, "Merge look-alikes", exc.message)
            return
        self.changed.emit()
        self.done.emit(f"Merged {count(len(pairs), 'candidate')}.")

    def _failed(self, title: str, error: BaseException) -> None:
        self._end()
        text = error.message if isinstance(error, UserError) else f"{type(error).__name__}: {error}"
        self.box = tell(self._window, title, text)
        self.done.emit(text)

    # -- who I am ------------------------------------------------------------------------------
    def edit_me(self) -> None:
        from interviewdesk.services.identity import me

        dialog = MeDialog(me(self._db()), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_me(dialog.values()))
        self.me_dialog = dialog
        dialog.open()

    def _save_me(self, values: tuple[str, str, bool]) -> None:
        from interviewdesk.services.identity import set_me

        name, email, coordinator = values
        try:
            found = set_me(self._db(), name, email, coordinator=coordinator)
        except UserError as exc:
            self.box = tell(self._window, "Who I am", exc.message)
            return
        if self.prompt is not None:
            self.prompt.hide()
        self.changed.emit()  # what stays sealed may have changed
        self.done.emit(f"You are {found.name}{', coordinator' if found.coordinator else ''}.")


class MeDialog(QDialog):
    """Who uses this installation: the name the panel knows, an optional email, the coordinator mark."""

    def __init__(self, current: Me | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Who I am")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Your name signs the interviews you send to the rest of the panel, and tells your "
            "interviews from the ones you receive."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(current.name if current else "")
        self.name.setMaxLength(200)
        self.name.setAccessibleName("Your name")
        self.email = QLineEdit(current.email if current else "")
        self.email.setMaxLength(320)
        self.email.setAccessibleName("Your email (optional)")
        form.addRow("&Name:", self.name)
        form.addRow("&Email (optional):", self.email)
        layout.addLayout(form)
        self.coordinator = QCheckBox(
            "I &coordinate panels: show me every interview of a candidate I do not interview myself"
        )
        self.coordinator.setChecked(bool(current and current.coordinator))
        layout.addWidget(self.coordinator)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setEnabled(bool(self.name.text().strip()))
        self.name.textChanged.connect(lambda text: self.save.setEnabled(bool(text.strip())))
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str, bool]:
        return self.name.text(), self.email.text(), self.coordinator.isChecked()


class IdentityPrompt(QFrame):
    """Asked once, on a database whose user has not said who they are: never a modal question in
    the way of someone opening the app a minute before a call."""

    answer = Signal()
    aside = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Who uses this installation")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        text = QLabel("Who are you? Your name signs the interviews you send to the rest of the panel.")
        text.setWordWrap(True)
        row.addWidget(text, 1)
        self.say = QPushButton("Say who I am…")
        self.later = QPushButton("Not now")
        self.say.clicked.connect(self.answer.emit)
        self.later.clicked.connect(self.aside.emit)
        row.addWidget(self.say)
        row.addWidget(self.later)
