"""Export PDFs from the window: pick a file, build it on a worker thread, then offer to show it.

The build runs on the window's bridge (ui/bridge.py), so the window never waits on ReportLab or the
disk; the worker uses its own database connection and hands back only a path or an error. The panel
export reports progress per interview read.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QProgressDialog, QWidget

from interviewdesk.errors import ExportCancelledError, UserError
from interviewdesk.ui.bridge import Bridge
from interviewdesk.ui.confirm import tell

if TYPE_CHECKING:
    from interviewdesk.services.workspace import Workspace

log = logging.getLogger(__name__)


class PdfExporter(QObject):
    """Runs the window's exports: ``progressed(done, total)`` as it goes, then ``finished(path)``,
    ``failed(message)`` or, when the user pressed Cancel, ``cancelled()`` (nothing written)."""

    progressed = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, db: Callable[[], Workspace], bridge: Bridge) -> None:
        super().__init__(parent)
        self._window = parent
        self._db = db
        self._bridge = bridge
        self.file_dialog: QFileDialog | None = None
        self.progress: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.open_button: QAbstractButton | None = None
        self._busy = False
        self._cancel = threading.Event()  # set on the GUI thread, read by the worker between steps

    @property
    def busy(self) -> bool:
        return self._busy

    def export_interview(self, interview_id: int, name: str, *, include_private: bool = False) -> None:
        from interviewdesk.services.pdf_export import export_interview_pdf

        suffix = "-private" if include_private else ""

        def work(_progress: Callable[[int, int], None], path: Path) -> Path:
            return export_interview_pdf(
                self._db(), interview_id, path, include_private=include_private, cancelled=self._cancel.is_set
            )

        self._ask_file(
            f"{file_stem(name)}-interview-{interview_id}{suffix}.pdf", "Export interview PDF", work
        )

    def export_feedback(self, interview_id: int, name: str, text: str) -> None:
        """The feedback letter as the interviewer edited it."""
        from interviewdesk.services.pdf_export import export_feedback_pdf

        def work(_progress: Callable[[int, int], None], path: Path) -> Path:
            return export_feedback_pdf(self._db(), interview_id, path, text=text)

        self._ask_file(f"{file_stem(name)}-feedback.pdf", "Export feedback letter", work)

    def export_panel(self, candidate_id: int, name: str) -> None:
        from interviewdesk.services.pdf_export import export_panel_pdf

        def work(progress: Callable[[int, int], None], path: Path) -> Path:
            return export_panel_pdf(
                self._db(), candidate_id, path, progress=progress, cancelled=self._cancel.is_set
            )

        self._ask_file(f"{file_stem(name)}-panel.pdf", "Export panel PDF", work)

    def export_role(self, role: str) -> None:
        from interviewdesk.services.pdf_export import export_role_pdf

        def work(_progress: Callable[[int, int], None], path: Path) -> Path:
            return export_role_pdf(self._db(), path, role)

        self._ask_file(f"{file_stem(role)}-candidates.pdf", "Export role PDF", work)

    def _ask_file(
        self, suggested: str, title: str, work: Callable[[Callable[[int, int], None], Path], Path]
    ) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self._window, title, folder, "PDF files (*.pdf)")
        # The suggested name is selected, not passed with the folder: a name given to the constructor
        # is applied again when the folder finishes loading, over a file chosen in the meantime.
        dialog.selectFile(suggested)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: self.start(Path(chosen), work, title))
        self.file_dialog = dialog
        dialog.open()

    def start(self, path: Path, work: Callable[[Callable[[int, int], None], Path], Path], title: str) -> None:
        """Build the PDF at ``path`` on a worker thread, with a progress dialog."""
        if self._busy:
            return
        self.file_dialog = None
        progress = QProgressDialog(f"Writing {path.name}…", "Cancel", 0, 0, self._window)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        self._cancel.clear()
        progress.canceled.connect(self.cancel)
        self.progress = progress
        self._busy = True

        def report(done: int, total: int) -> None:  # on the worker thread: only posts
            self._bridge.post(partial(self._progressed, done, total))

        self._bridge.run(lambda: work(report, path), self._finished_path, self._failed_error)

    def cancel(self) -> None:
        """Stop the export under way at its next step; nothing is written."""
        self._cancel.set()
        if self.progress is not None:
            self.progress.setLabelText("Cancelling…")

    def _progressed(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        dialog = self.progress
        if dialog is not None:
            # Label first: a window-modal setValue() processes events, and may end the job.
            dialog.setLabelText(f"Read {done} of {total - 1} interviews…" if done < total else "Writing…")
            dialog.setMaximum(total)
            dialog.setValue(min(done, total - 1))  # the last step is the write, not yet done

    def _end_job(self) -> None:
        self._busy = False
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _finished_path(self, path: Path) -> None:
        self._finished(str(path))

    def _failed_error(self, error: BaseException) -> None:
        if isinstance(error, ExportCancelledError):
            self._end_job()
            self.cancelled.emit()
            return
        if isinstance(error, UserError):
            self._failed(error.message)
            return
        log.error("PDF export failed", exc_info=error)  # a fault of ours or of the machine
        self._failed(f"The PDF could not be made: {error}")

    def _finished(self, path: str) -> None:
        self._end_job()
        box = QMessageBox(
            QMessageBox.Icon.Information, "PDF exported", f"Saved {Path(path).name}", parent=self._window
        )
        box.setInformativeText(str(Path(path).parent))
        self.open_button = box.addButton("Open PDF", QMessageBox.ButtonRole.ActionRole)
        show = box.addButton("Show in folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(self.open_button)
        self.open_button.clicked.connect(lambda: open_file(Path(path)))
        show.clicked.connect(lambda: reveal(Path(path)))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_box = box
        box.open()
        self.finished.emit(path)

    def _failed(self, message: str) -> None:
        self._end_job()
        self.result_box = tell(self._window, "PDF not exported", message)
        self.failed.emit(message)


def open_file(path: Path) -> bool:
    """Open a file in the desktop's viewer for it (a PDF), or a folder in its file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def reveal(path: Path) -> bool:
    """Open the file manager on the folder that holds ``path``."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def file_stem(name: str) -> str:
    """A file name from a person's name: letters of any script kept, separators made dashes."""
    stem = re.sub(r"[^\w]+", "-", name.strip(), flags=re.UNICODE).strip("-")
    return stem or "candidate"
