"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 releases one reference to None too many each time a Python override returns None
(e.g. ``data()`` for a role it does not serve) and each time a list item is added. On Python 3.11,
where None is not immortal, a long session then aborts with "deallocating None". pyproject.toml
excludes that release; this test fails on any binding with the same fault.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


class _Empty(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 10

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> None:
        return None


@contextmanager
def none_refcount_change() -> Iterator[list[int]]:
    """The change in None's reference count across the block, with the collector held off: the
    fault loses one reference per call (500 here); other threads and the collector move it by a few."""
    gc.collect()
    gc.disable()
    change: list[int] = []
    before = sys.getrefcount(None)
    try:
        yield change
    finally:
        change.append(sys.getrefcount(None) - before)
        gc.enable()


def test_returning_none_keeps_none_alive(qapp) -> None:
    model = _Empty()
    with none_refcount_change() as change:
        for row in range(500):
            model.index(row % 10, 1).data(Qt.ItemDataRole.DecorationRole)
    assert change[0] > -100


def test_adding_list_items_keeps_none_alive(qapp) -> None:
    widget = QListWidget()
    with none_refcount_change() as change:
        for n in range(500):
            item = QListWidgetItem(f"item {n}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            widget.addItem(item)
    assert change[0] > -100
