"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 releases one reference to None too many each time a Python override returns None
(e.g. ``data()`` for a role it does not serve) and each time a list item is added. On Python 3.11,
where None is not immortal, a long session then aborts with "deallocating None". pyproject.toml
excludes that release; this test fails on any binding with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


class _Empty(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 10

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> None:
        return None


def test_returning_none_keeps_none_alive(qapp) -> None:
    model = _Empty()
    before = sys.getrefcount(None)
    for row in range(500):
        model.index(row % 10, 1).data(Qt.ItemDataRole.DecorationRole)
    assert sys.getrefcount(None) - before > -10


def test_adding_list_items_keeps_none_alive(qapp) -> None:
    widget = QListWidget()
    before = sys.getrefcount(None)
    for n in range(500):
        item = QListWidgetItem(f"item {n}")
        item.setData(Qt.ItemDataRole.UserRole, n)
        widget.addItem(item)
    assert sys.getrefcount(None) - before > -10
