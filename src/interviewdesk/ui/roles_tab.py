"""The main window's Roles tab: the candidates of one role side by side (submitted interviews only),
sortable by any column, with whether each had the same interview as the others, and the PDF.

The comparison is read on a worker thread (a role of 500 candidates has some 1,500 interviews);
Enter on a candidate shows their interviews.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.errors import UserError
from interviewdesk.ui import theme
from interviewdesk.ui.bridge import Bridge

if TYPE_CHECKING:
    from interviewdesk.domain.role_compare import CandidateLine, RoleComparison
    from interviewdesk.services.workspace import Workspace

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers sort as numbers; "-" (none) sorts last
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 2
NONE_LAST = -1.0
MAX_COLUMN_PX = 220


class RolesTab(QWidget):
    """``show_candidate(candidate_id)`` on Enter; ``export(role)`` asks for the PDF."""

    show_candidate = Signal(int)
    export = Signal(str)

    def __init__(self, db: Callable[[], Workspace | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.bridge = Bridge(self, name="interviewdesk-roles")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        self.role.currentIndexChanged.connect(lambda _index: self.load())
        label = QLabel("&Role:")
        label.setBuddy(self.role)
        self.export_button = QPushButton("Export role &PDF…")
        self.export_button.clicked.connect(lambda: self.export.emit(self.role.currentData() or ""))
        self.status = QLabel("Submitted interviews only; click a column to sort.")
        self.status.setWordWrap(True)
        self.scores, self.score_view = _table("Candidates of the role, by competency")
        self.fairness, self.fairness_view = _table("Whether each candidate had the same interview")
        for view in (self.score_view, self.fairness_view):
            view.activated.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.role, 1)
        top.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.score_view)
        split.addWidget(self.fairness_view)
        split.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def reload(self) -> None:
        """The roles again (after a candidate was added or edited), keeping the chosen one."""
        from interviewdesk.services.role_compare import list_roles

        db = self._db()
        if db is None:
            return
        kept = self.role.currentData()
        self.role.blockSignals(True)
        self.role.clear()
        for summary in list_roles(db):
            text = f"{summary.role} ({summary.candidates} candidates, {summary.interviews} interviews)"
            self.role.addItem(text, summary.role)
        index = self.role.findData(kept)
        self.role.setCurrentIndex(max(index, 0))
        self.role.blockSignals(False)
        self.export_button.setEnabled(self.role.count() > 0)
        if self.role.count() == 0:
            self.status.setText("No candidate has a role yet: give one when adding or editing a candidate.")
        self.load()

    def load(self) -> None:
        from interviewdesk.services.role_compare import compare_role

        db, role = self._db(), self.role.currentData()
        if db is None or not role:
            self.scores.clear()
            self.fairness.clear()
            return
        self.status.setText(f"Reading the candidates of {role}…")
        self.bridge.run(lambda: compare_role(db, role), self._show, self._failed)

    def _show(self, comparison: RoleComparison) -> None:
        if comparison.title.casefold() != str(self.role.currentData() or "").casefold():
            return  # another role was chosen meanwhile; its own result follows
        _fill_scores(self.scores, comparison)
        _fill_fairness(self.fairness, comparison)
        for view in (self.score_view, self.fairness_view):
            view.sortByColumn(1 if view is self.score_view else 0, _order(view is self.score_view))
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for index in range(header.count()):  # a long list of templates wraps; the rest stays in view
                header.resizeSection(index, min(header.sectionSize(index), MAX_COLUMN_PX))
            view.resizeRowsToContents()
        flagged = sum(1 for line in comparison.lines if line.to_discuss)
        self.status.setText(
            f"{len(comparison.lines)} candidates; submitted interviews only (each cell: the mean level and "
            f"how many scored it; * the panel is two levels or more apart). {flagged} with something "
            "to discuss. Click a column to sort; Enter shows a candidate's interviews."
        )

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            raise error
        self.status.setText(error.message)

    def _activated(self, index: QModelIndex) -> None:
        candidate = index.siblingAtColumn(0).data(CANDIDATE_ROLE)
        if candidate is not None:
            self.show_candidate.emit(int(candidate))

    def shut_down(self) -> None:
        self.bridge.close()


def _order(descending: bool) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder


def _table(name: str) -> tuple[QStandardItemModel, QTableView]:
    model = QStandardItemModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(proxy)
    model.setParent(view)
    proxy.setParent(view)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return model, view


def _item(text: str, sort: object, *, flagged: bool = False, tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setData(sort, SORT_ROLE)
    if isinstance(sort, float):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if flagged:
        item.setForeground(theme.color(theme.Role.DANGER))
    if tip:
        item.setToolTip(tip)
    return item


def _name(line: CandidateLine) -> QStandardItem:
    item = _item(line.name, line.name.casefold(), tip="\n".join(line.to_discuss))
    item.setData(line.candidate_id, CANDIDATE_ROLE)
    return item


def _fill_scores(model: QStandardItemModel, comparison: RoleComparison) -> None:
    model.clear()
    names = [name for _, name in comparison.competencies]
    model.setHorizontalHeaderLabels(
        ["Candidate", "Overall", "Recommendations", "Submitted", *names, "To discuss"]
    )
    for line in comparison.lines:
        votes = ", ".join(f"{label}: {count}" for label, count in line.recommendations.items())
        row = [
            _name(line),
            _item(f"{line.overall:.2f}" if line.overall is not None else "-", line.overall or NONE_LAST),
            _item(votes or "-", votes),
            _item(f"{line.submitted} of {line.interviews}", float(line.submitted)),
        ]
        for key in comparison.competencies:
            cell = line.cells[key]
            text = (
                f"{cell.mean:.1f} ({cell.count}){' *' if cell.disagreement else ''}"
                if cell.mean is not None
                else "-"
            )
            row.append(
                _item(text, cell.mean if cell.mean is not None else NONE_LAST, flagged=cell.disagreement)
            )
        row.append(_item("; ".join(line.flags) or "", len(line.flags), flagged=bool(line.flags)))
        model.appendRow(row)


def _fill_fairness(model: QStandardItemModel, comparison: RoleComparison) -> None:
    model.clear()
    model.setHorizontalHeaderLabels(
        [
            "Candidate",
            "Interviews held",
            "Script questions asked",
            "Time (of planned)",
            "Own questions (of planned)",
            "Differences",
        ]
    )
    for line in comparison.lines:
        t = line.treatment
        share = t.asked_share
        row = [
            _name(line),
            _item(", ".join(t.templates) or "none held yet", ", ".join(t.templates)),
            _item(f"{share:.0%}" if share is not None else "-", share if share is not None else NONE_LAST),
            _item(f"{t.spent_s / 60:.0f} of {t.planned_s / 60:.0f} min" if t.planned_s else "-", t.spent_s),
            _item(
                f"{t.own_questions_s / 60:.0f} of {t.own_questions_planned_s / 60:.0f} min"
                if t.own_questions_planned_s
                else "-",
                t.own_questions_s,
            ),
            _item("; ".join(line.unequal), len(line.unequal), flagged=bool(line.unequal)),
        ]
        model.appendRow(row)
