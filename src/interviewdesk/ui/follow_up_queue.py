"""The follow-ups queue: what is owed after interviews, to whom and by when; overdue ones stand out."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.ui import theme
from interviewdesk.ui.column_model import ColumnTableModel

if TYPE_CHECKING:  # the window imports no SQLAlchemy before its first paint
    from interviewdesk.services.follow_ups import FollowUpItem

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Due", "State", "Kind", "What", "Candidate", "Interviewer")


class FollowUpModel(ColumnTableModel):
    columns = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.items: list[FollowUpItem] = []

    def set_items(self, items: list[FollowUpItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QBrush(theme.color(theme.Role.DANGER))
        if role == Qt.ItemDataRole.FontRole and item.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        state = "done" if item.done else ("OVERDUE" if item.overdue else "open")
        values = (
            item.due.strftime("%a %d %b"),
            state,
            item.kind.label,
            item.description,
            item.candidate,
            item.interviewer or "-",
        )
        return values[index.column()]


class FollowUpQueue(QWidget):
    """``done_toggled(id, done)`` asks the window to record a follow-up as done (or open again);
    ``show_everyone()`` asks it to show every candidate's (the list follows the selected one)."""

    done_toggled = Signal(int, bool)
    show_everyone = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FollowUpModel()
        self.view = QTableView()
        self.view.setObjectName("followUpTable")
        self.view.setAccessibleName("Follow-ups")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda _index: self.toggle_current())
        self.show_done = QCheckBox("Show done")
        self.done_button = QPushButton("Mark done / open")
        self.done_button.clicked.connect(self.toggle_current)
        self.summary = QLabel()
        self.everyone = QPushButton("All candidates")
        self.everyone.setToolTip("Show what is owed to every candidate, not only the selected one")
        self.everyone.clicked.connect(self.show_everyone)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.everyone)
        bar.addWidget(self.show_done)
        bar.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def set_items(self, items: list[FollowUpItem], candidate: str | None = None) -> None:
        """``candidate``: whose follow-ups these are (None: everyone's)."""
        self.model.set_items(items)
        overdue = sum(1 for item in items if item.overdue)
        open_items = sum(1 for item in items if not item.done)
        red = theme.color(theme.Role.DANGER).name()
        whose = f"For <b>{escape(candidate)}</b>: " if candidate else "Everyone: "
        self.summary.setText(
            whose
            + (
                f"{open_items} open, <b style='color:{red}'>{overdue} overdue</b>"
                if overdue
                else f"{open_items} open"
            )
        )
        self.everyone.setVisible(candidate is not None)

    def current(self) -> FollowUpItem | None:
        index = self.view.currentIndex()
        return self.model.items[index.row()] if index.isValid() else None

    def toggle_current(self) -> None:
        item = self.current()
        if item is not None:
            self.done_toggled.emit(item.id, not item.done)
