"""The main window: candidates on the left, their interviews on the right, and the actions to add a
candidate and plan an interview. The live interview view opens from here."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.errors import UserError
from interviewdesk.services import interview_list, planning, template_library
from interviewdesk.store.database import Database
from interviewdesk.ui.dialogs import AddCandidateDialog, NewCandidate, NewInterview, PlanInterviewDialog
from interviewdesk.ui.interview_table import InterviewTableModel

ALL_CANDIDATES = -1


class MainWindow(QMainWindow):
    """Emits ``ready`` once the candidate and interview lists are loaded and the user can work."""

    ready = Signal()

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.settings = QSettings("InterviewDesk", "InterviewDesk")
        self.setWindowTitle("InterviewDesk")
        self.resize(1100, 680)

        self.candidate_list = QListWidget()
        self.candidate_list.setObjectName("candidateList")
        self.candidate_list.currentItemChanged.connect(self._candidate_changed)
        self.model = InterviewTableModel(lambda _offset, _limit: [], 0)
        self.table = QTableView()
        self.table.setObjectName("interviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Candidates</b>"))
        left_layout.addWidget(self.candidate_list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("<b>Interviews</b>")
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 840])
        self.setCentralWidget(splitter)
        self._build_actions()
        self.statusBar().showMessage(f"Database: {db.describe()}")
        # Paint first, then load: the window appears before any query runs.
        QTimer.singleShot(0, self._initial_load)

    def _build_actions(self) -> None:
        style = self.style()
        self.add_candidate_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), "&Add candidate…", self
        )
        self.add_candidate_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_candidate_action.triggered.connect(self.add_candidate)
        self.plan_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "&Plan interview…", self
        )
        self.plan_action.setShortcut(QKeySequence("Ctrl+I"))
        self.plan_action.triggered.connect(self.plan_interview)
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.add_candidate_action)
        toolbar.addAction(self.plan_action)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu("&File")
        menu.addAction(self.add_candidate_action)
        menu.addAction(self.plan_action)
        menu.addSeparator()
        quit_action = menu.addAction("&Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

    def _initial_load(self) -> None:
        self.reload_candidates()
        self.ready.emit()

    def current_candidate_id(self) -> int | None:
        item = self.candidate_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else ALL_CANDIDATES
        return None if value == ALL_CANDIDATES else int(value)

    def reload_candidates(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_candidate_id()
        candidates = planning.list_candidates(self.db)
        self.candidate_list.blockSignals(True)
        self.candidate_list.clear()
        everyone = QListWidgetItem(f"All candidates ({len(candidates)})")
        everyone.setData(Qt.ItemDataRole.UserRole, ALL_CANDIDATES)
        self.candidate_list.addItem(everyone)
        current = everyone
        for c in candidates:
            item = QListWidgetItem(f"{c.name}\n{c.role or 'no role'} · {c.interviews} interview(s)")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.candidate_list.addItem(item)
            if c.id == keep:
                current = item
        self.candidate_list.setCurrentItem(current)
        self.candidate_list.blockSignals(False)
        self.reload_interviews()

    def reload_interviews(self) -> None:
        candidate_id = self.current_candidate_id()
        total = interview_list.count_interviews(self.db, candidate_id=candidate_id)
        loader = partial(self._page, candidate_id)
        self.model.reset(loader, total)
        self.table.resizeColumnsToContents()
        who = self.candidate_list.currentItem().text().split("\n")[0] if candidate_id else "everyone"
        self.heading.setText(f"<b>Interviews</b> — {who}: {total}")

    def _page(self, candidate_id: int | None, offset: int, limit: int) -> list[interview_list.InterviewRow]:
        return interview_list.list_interviews(self.db, candidate_id=candidate_id, offset=offset, limit=limit)

    def _candidate_changed(self, *_args: object) -> None:
        self.reload_interviews()

    def add_candidate(self) -> None:
        """Open the add-candidate dialog (window-modal, no nested event loop)."""
        dialog = AddCandidateDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_candidate(dialog.value()))
        dialog.open()

    def _add_candidate(self, value: NewCandidate) -> None:
        try:
            new_id = planning.add_candidate(self.db, value.name, role=value.role, email=value.email)
        except UserError as exc:
            QMessageBox.warning(self, "Candidate not added", exc.message)
            return
        self.reload_candidates(select_id=new_id)
        self.statusBar().showMessage(f"Added {value.name.strip()}.", 5000)

    def plan_interview(self) -> None:
        candidates = planning.list_candidates(self.db)
        if not candidates:
            QMessageBox.information(self, "Plan interview", "Add a candidate first.")
            return
        dialog = PlanInterviewDialog(
            candidates,
            template_library.list_templates(self.db),
            self,
            candidate_id=self.current_candidate_id(),
            interviewer=str(self.settings.value("interviewer", "")),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._plan_interview(dialog.value()))
        dialog.open()

    def _plan_interview(self, value: NewInterview) -> None:
        try:
            planning.plan_interview(
                self.db,
                candidate_id=value.candidate_id,
                template_ref=value.template_id,
                interviewer=value.interviewer or None,
                scheduled_at=value.scheduled_at,
            )
        except UserError as exc:
            QMessageBox.warning(self, "Interview not planned", exc.message)
            return
        if value.interviewer:
            self.settings.setValue("interviewer", value.interviewer)
        self.reload_candidates(select_id=value.candidate_id)
        self.statusBar().showMessage("Interview planned.", 5000)
