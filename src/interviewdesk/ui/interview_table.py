"""The interview list as a Qt model, filled page by page so the first screen appears at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from interviewdesk.ui.column_model import ColumnTableModel

if TYPE_CHECKING:
    from interviewdesk.services.interview_list import InterviewRow

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex
# (the last row loaded, or None for the first page; how many) -> the next rows
PageLoader = Callable[["InterviewRow | None", int], "list[InterviewRow]"]

COLUMNS = ("When", "Candidate", "Role", "Interviewer", "Template", "Status")


class InterviewTableModel(ColumnTableModel):
    columns = COLUMNS

    def __init__(self, load_page: PageLoader, total: int) -> None:
        super().__init__()
        self._load_page = load_page
        self._total = total
        self._rows: list[InterviewRow] = []

    def reset(self, load_page: PageLoader, total: int) -> None:
        self.beginResetModel()
        self._load_page, self._total, self._rows = load_page, total, []
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def row_at(self, row: int) -> InterviewRow:
        return self._rows[row]

    def row_of(self, interview_id: int) -> int | None:
        """The row showing ``interview_id``, loading further pages until it is found (or none are left)."""
        while True:
            for row, item in enumerate(self._rows):
                if item.id == interview_id:
                    return row
            if not self.canFetchMore(QModelIndex()):
                return None
            self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        page = self._load_page(self._rows[-1] if self._rows else None, PAGE_SIZE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return (
                r.scheduled_at.astimezone().strftime("%a %d %b %Y  %H:%M")
                if r.scheduled_at
                else "not scheduled"
            )
        values = (
            r.candidate,
            r.role,
            r.interviewer or "-",
            f"{r.template} (v{r.template_version})",
            r.status.value.capitalize(),
        )
        return values[column - 1]


def interview_table(model: InterviewTableModel) -> QTableView:
    """The main window's list of interviews: whole rows, one at a time, read-only."""
    table = QTableView()
    table.setObjectName("interviewTable")
    table.setAccessibleName("Interviews")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    # Fixed starting widths: measuring 10,000 rows' contents would delay the first screen.
    em = table.fontMetrics().horizontalAdvance("M")
    for column, width in enumerate((12, 12, 10, 10, 18, 7)):
        header.resizeSection(column, width * em)
    table.setAlternatingRowColors(True)
    return table
