"""The follow-ups queue: what is owed after interviews, to whom and by when; overdue ones stand out."""

from __future__ import annotations

from collections.abc import Callable
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
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.errors import UserError
from interviewdesk.ui import theme
from interviewdesk.ui.column_model import ColumnTableModel

if TYPE_CHECKING:  # the window imports no SQLAlchemy before its first paint
    from interviewdesk.services.follow_ups import FollowUpItem
    from interviewdesk.services.workspace import Workspace

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
    """The selected candidate's follow-ups (``selected()``; None: everyone's), loaded by ``reload``.
    ``overdue(count)`` after each load counts everyone's overdue ones, so a filter never hides what
    is late; ``show_everyone()`` asks the window to select every candidate; ``message(text)`` for
    the status line."""

    overdue = Signal(int)
    show_everyone = Signal()
    message = Signal(str)

    def __init__(
        self,
        db: Callable[[], Workspace | None],
        selected: Callable[[], tuple[int, str] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._selected = db, selected
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
        self.show_done.toggled.connect(lambda _on: self.reload())
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

    def reload(self) -> None:
        from interviewdesk.services.follow_ups import list_follow_ups

        db = self._db()
        if db is None:
            return
        selected = self._selected()
        items = list_follow_ups(
            db, include_done=self.show_done.isChecked(), candidate_id=selected[0] if selected else None
        )
        self.set_items(items, selected[1] if selected else None)
        late = items if selected is None else list_follow_ups(db, overdue_only=True)
        self.overdue.emit(sum(1 for item in late if item.overdue))

    def toggle_current(self) -> None:
        """Mark the current follow-up done, or open again."""
        from interviewdesk.services.follow_ups import set_follow_up_done

        item, db = self.current(), self._db()
        if item is None or db is None:
            return
        if db.read_only:
            self.message.emit("Read-only: mark it done in the window that has the database.")
            return
        try:
            set_follow_up_done(db, item.id, not item.done)
        except UserError as exc:
            QMessageBox.warning(self, "Follow-up not changed", exc.message)
        self.reload()
