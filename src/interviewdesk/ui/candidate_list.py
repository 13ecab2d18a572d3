"""The candidate list as a Qt model: rows are drawn on demand, so thousands of candidates cost nothing
until they scroll into view. Row 0 stands for every candidate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QListView

from interviewdesk.domain.wording import count

if TYPE_CHECKING:
    from interviewdesk.services.planning import CandidateSummary

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole


class CandidateListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._candidates: list[CandidateSummary] = []

    def set_candidates(self, candidates: list[CandidateSummary]) -> None:
        self.beginResetModel()
        self._candidates = candidates
        self.endResetModel()

    def row_of(self, candidate_id: int | None) -> int:
        if candidate_id is None:
            return 0
        for row, c in enumerate(self._candidates, start=1):
            if c.id == candidate_id:
                return row
        return 0

    def candidate_id(self, row: int) -> int | None:
        return None if row <= 0 or row > len(self._candidates) else self._candidates[row - 1].id

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._candidates) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == ID_ROLE:
            return self.candidate_id(row)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if row == 0:
            return f"All candidates ({len(self._candidates)})"
        c = self._candidates[row - 1]
        return f"{c.name}\n{c.role or 'no role'} · {count(c.interviews, 'interview')}"


def candidate_list_view(model: CandidateListModel) -> QListView:
    """The main window's list of candidates (all of them first)."""
    view = QListView()
    view.setObjectName("candidateList")
    view.setAccessibleName("Candidates")
    view.setModel(model)
    view.setUniformItemSizes(True)
    view.setSpacing(3)
    return view
