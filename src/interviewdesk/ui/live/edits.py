"""What the interviewer records, relayed from the live window's panes to the session: notes, the
asked boxes, scores and evidence, the candidate's questions, role clarity, aspirations, the
recommendation and summary. Keystrokes only mark a field dirty; the value is read when the save
runs (see saving.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from interviewdesk.domain import privacy, stamps
from interviewdesk.domain.records import CandidateQuestion, NotesField
from interviewdesk.services.live_session import LiveSession
from interviewdesk.ui.live.layout import LivePanes
from interviewdesk.ui.live.navigator import Navigator
from interviewdesk.ui.live.saving import Saver


class EditRelay(QObject):
    def __init__(
        self,
        parent: QObject,
        *,
        session: LiveSession,
        saver: Saver,
        panes: LivePanes,
        navigator: Navigator,
        status: Callable[[str, int], None],
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.saver = saver
        self.navigator = navigator
        self.script, self.rubric, self.questions = panes.script, panes.rubric, panes.questions
        self.role, self.close_panel, self.compact = panes.role, panes.close_panel, panes.compact
        self.status = status
        self._connect()

    def _connect(self) -> None:
        self.script.notes_edited.connect(self._notes_edited)
        self.script.asked_changed.connect(self._asked)
        for card in self.rubric.cards.values():
            card.scored.connect(self._scored)
            card.evidence_edited.connect(self._evidence_edited)
        self.questions.logged.connect(self.log_question)
        self.questions.updated.connect(self._question_updated)
        self.questions.deleted.connect(self._question_deleted)
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
        self.compact.captured.connect(self.log_question)
        self.compact.scored.connect(lambda cid, level: self.rubric.cards[cid].score(level))

    def restore(self) -> None:
        """Show what the session holds, without reporting it as edits."""
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

    def _notes_edited(self, key: NotesField) -> None:
        editor = self.script.notes[key]
        self.saver.mark(("notes", key), lambda: self.session.set_notes(*key, editor.paragraphs()))

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

    def log_question(self, question: CandidateQuestion) -> None:
        """A question the candidate asked, from the capture (or a script)."""
        self.session.add_question(question)
        self.questions.show_questions(list(self.session.questions.values()))
        self.status(f"Logged the candidate's question ({question.topic.label}).", 4000)
        self.saver.edited()

    def _question_updated(self, question: CandidateQuestion) -> None:
        self.session.update_question(question)
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

    def link_note(self) -> None:
        editor, cid = self.navigator.last_notes, self.navigator.current_competency
        paragraph = editor.current_paragraph() if editor is not None else None
        if paragraph is None or cid is None or self.session.sealed:
            self.status("Put the cursor in a note and pick a competency first.", 4000)
            return
        offset, text, private = paragraph
        if private:
            # Evidence is shared with the panel; a private note would leak through it.
            self.status("A private note cannot be evidence: share it first (Ctrl+Shift+P).", 6000)
            return
        evidence = self.rubric.cards[cid].evidence
        current = evidence.toPlainText().rstrip()
        evidence.setPlainText(f"{current}\n{stamps.linked(offset, text)}".strip())
        self.status(f"Linked to {self.session.template.competency(cid).name}.", 3000)

    def toggle_private(self) -> None:
        editor = self.navigator.last_notes
        if editor is None:
            return
        paragraph = editor.current_paragraph()
        private = editor.toggle_private()
        if not private or paragraph is None:
            self.status("Paragraph shared again." if not private else "Paragraph marked private.", 3000)
            return
        # Privacy follows the text: take the paragraph out of any evidence it was linked into.
        cleared = []
        for cid, card in self.rubric.cards.items():
            evidence = card.evidence.toPlainText()
            kept = privacy.withhold(evidence, [paragraph.text])
            if kept != evidence and not card.evidence.isReadOnly():
                card.evidence.setPlainText(kept)
                cleared.append(self.session.template.competency(cid).name)
        where = f"; taken out of the evidence of {', '.join(cleared)}" if cleared else ""
        self.status(f"Paragraph marked private{where}.", 6000)
