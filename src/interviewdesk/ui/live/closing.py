"""The end of the interview in the live window: ending the timer, closing the window midway, submit
and seal, amendments after the seal, the PDF of the interview, and feedback for the candidate.

Each step that cannot be undone asks first, with the safe answer as the default."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from interviewdesk.services.live_session import LiveSession
from interviewdesk.services.workspace import Workspace
from interviewdesk.ui.bridge import Bridge
from interviewdesk.ui.confirm import ask
from interviewdesk.ui.live.rubric import RubricPanel
from interviewdesk.ui.live.saving import Saver
from interviewdesk.ui.live.sheets import AmendDialog, FeedbackDialog
from interviewdesk.ui.live.side_panels import ClosePanel
from interviewdesk.ui.pdf_export import PdfExporter


class Closer(QObject):
    """The end of the interview for one live window, with its collaborators named."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        workspace: Workspace,
        session: LiveSession,
        saver: Saver,
        rubric: RubricPanel,
        close_panel: ClosePanel,
        exporter: PdfExporter,
        bridge: Bridge,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.session = session
        self.saver = saver
        self.rubric = rubric
        self.close_panel = close_panel
        self.exporter = exporter
        self.bridge = bridge
        self.refresh = refresh
        self.confirm_box: QMessageBox | None = None
        self.amend_dialog: AmendDialog | None = None
        self.feedback_dialog: FeedbackDialog | None = None
        self.close_confirmed = False

    def status(self, message: str, timeout_ms: int = 0) -> None:
        self.window.statusBar().showMessage(message, timeout_ms)

    def request_end(self) -> None:
        """End the interview, after a question whose default answer is to keep going."""
        timer = self.session.timer
        if not timer.started or timer.ended:
            self.status("The interview is not under way.", 5000)
            return
        self.confirm_box = ask(
            self.window,
            "End the interview",
            "End the interview now? The timer stops for good.",
            "If the call dropped, pause instead (F5): you can resume after a pause.",
            act="End the interview",
            keep="Keep going",
            on_act=self.end_interview,
        )

    def end_interview(self) -> None:
        timer = self.session.timer
        if timer.started and not timer.ended:
            self.session.end()
            self.saver.save_now()
            self.refresh()
            self.status("Interview ended. Decide and submit when you are ready.", 8000)

    def request_close(self) -> None:
        """Ctrl+W and the window's close button: asks first while the interview is under way."""
        if not self.midway() or self.close_confirmed:
            self.window.close()
            return
        self.confirm_box = ask(
            self.window,
            "Close the interview window",
            "Close this window while the interview is under way?",
            "Everything you typed is saved. The interview is kept: open it again from the main window "
            "to resume where you were. The time the window is closed is not counted.",
            act="Close, resume later",
            keep="Keep interviewing",
            on_act=self.confirm_close,
        )

    def confirm_close(self) -> None:
        self.close_confirmed = True
        self.window.close()

    def midway(self) -> bool:
        timer = self.session.timer
        return timer.started and not timer.ended

    def request_submit(self) -> None:
        if self.session.sealed:
            return
        self.saver.save_now()
        lines = self.rubric.cards.values()
        unscored = sum(1 for card in lines if card.level is None)
        bare = sum(1 for card in lines if card.level is not None and not card.evidence.toPlainText().strip())
        warnings = []
        if unscored:
            warnings.append(f"{unscored} competenc{'y is' if unscored == 1 else 'ies are'} not scored.")
        if bare:
            warnings.append(f"{bare} score{'s have' if bare != 1 else ' has'} no evidence.")
        if self.session.recommendation is None:
            warnings.append("There is no overall recommendation.")
        self.confirm_box = ask(
            self.window,
            "Submit and seal",
            "Submit this interview and seal its scores?",
            " ".join(warnings) + " Later changes are kept as amendments beside the sealed scores.",
            act="Submit and seal",
            keep="Not yet",
            on_act=self.submit,
        )

    def submit(self) -> None:
        self.saver.save_now()
        self.session.submit()
        self.saver.save_now()
        self.show_sealed()
        self.refresh()
        self.status("Submitted; the scores are sealed.", 8000)

    def show_sealed(self) -> None:
        sealed_at = self.session.sealed_at
        text = None
        if sealed_at is not None:
            text = (
                f"Submitted and sealed at {sealed_at.astimezone():%Y-%m-%d %H:%M}. "
                "Use Amend… on a competency to change it."
            )
        self.close_panel.set_sealed(text)
        for card in self.rubric.cards.values():
            card.set_sealed(sealed_at is not None)

    def amend(self, cid: str) -> None:
        competency = self.session.template.competency(cid)
        dialog = AmendDialog(
            competency.name,
            self.session.template.scale,
            self.session.level(cid),
            self.session.evidence(cid),
            self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._amended, cid, dialog))
        self.amend_dialog = dialog
        dialog.open()

    def _amended(self, cid: str, dialog: AmendDialog) -> None:
        level = dialog.level.currentData()
        evidence = dialog.evidence.toPlainText()
        self.session.amend(cid, level, evidence, dialog.reason.text())
        self.rubric.cards[cid].show_score(level, evidence)
        self.saver.save_now()

    def export_pdf(self, *, include_private: bool = False) -> None:
        """The summary of this interview as it stands, once everything typed is written (the
        window goes on meanwhile)."""

        def written(ok: bool) -> None:
            if not ok:
                self.status("Not exported: the last edits are not saved yet.", 8000)
                return
            s = self.session
            self.exporter.export_interview(s.interview_id, s.candidate, include_private=include_private)

        self.saver.when_written(written)

    def draft_feedback(self) -> None:
        """After submitting: a draft letter to edit, then export as PDF or copy."""
        from interviewdesk.services.feedback import feedback_draft

        if not self.session.sealed:
            self.status("Submit the interview first: feedback is drawn from sealed scores.", 6000)
            return
        interview_id = self.session.interview_id

        def written(_ok: bool) -> None:  # the draft reads the database: off the GUI thread
            self.bridge.run(
                lambda: feedback_draft(self.workspace, interview_id).text,
                self._show_feedback,
                lambda error: self.status(f"The feedback draft could not be made: {error}", 8000),
            )

        self.saver.when_written(written)

    def _show_feedback(self, draft: str) -> None:
        dialog = FeedbackDialog(self.session.candidate, draft, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.export_requested.connect(
            lambda text: self.exporter.export_feedback(
                self.session.interview_id, self.session.candidate, text
            )
        )
        self.feedback_dialog = dialog
        dialog.open()
