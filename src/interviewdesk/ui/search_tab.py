"""The main window's Search tab: a field whose results follow the typing, best first, each with its
context and the matching words in bold; Enter opens the interview at that note.

Searches run on their own worker thread (a common word over a large file takes tens of
milliseconds, too long for the GUI thread while typing); only the newest query's results are
shown, and a query typed while one runs is searched as soon as it ends.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.errors import UserError
from interviewdesk.ui.bridge import Bridge
from interviewdesk.ui.theme import Role, color

if TYPE_CHECKING:
    from interviewdesk.services.search import SearchHit, SearchResults
    from interviewdesk.services.workspace import Workspace

HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
PAUSE_MS = 120  # typing pauses this long before a search starts
FREEZE_MS = 1500
HINT = (
    "Type to search notes, evidence, the candidate's questions and answers, summaries, aspirations, "
    'observations and names. Every word must appear; "quoted words" must stand together; accents '
    "and case do not matter. Down moves to the results, Enter opens one."
)


class SearchTab(QWidget):
    """``open_hit(SearchHit)`` when a result is opened (Enter or a double click)."""

    open_hit = Signal(object)

    def __init__(
        self,
        db: Callable[[], Workspace | None],
        candidate: Callable[[], tuple[int, str] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._candidate = db, candidate
        self.bridge = Bridge(self, name="interviewdesk-search")
        self._running: str | None = None  # the query being searched, if any
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self.search_now)
        # The first searches leave long-lived objects (compiled queries, parsed templates, caches):
        # at the first pause they are frozen (gc.freeze, no collection: instant), so Python's full
        # collections, which a worker's allocations can start while typing, no longer walk them.
        self._frozen = False
        self._freeze = QTimer(self, singleShot=True, interval=FREEZE_MS)
        self._freeze.timeout.connect(self._freeze_once)
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setAccessibleName("Search")
        self.field.setPlaceholderText('Search everything written: words, "a phrase", or the start of a word…')
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _text: self._pause.start())
        self.field.returnPressed.connect(self.open_current)
        self.field.installEventFilter(self)
        self.only_selected = QCheckBox("&Only the selected candidate")
        self.only_selected.toggled.connect(lambda _on: self.search_now())
        self.status = QLabel(HINT)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Search status")
        self.model = QStandardItemModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(_MarkedDelegate(self.results))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # rewrapped when the window is resized
        self.results.setUniformItemSizes(True)
        self.results.activated.connect(self._activated)
        self.results.installEventFilter(self)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.only_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def start(self) -> None:
        """Ctrl+F: the caret in the field, its text selected to be typed over."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def search_now(self) -> None:
        self._pause.stop()
        query, db = self.field.text().strip(), self._db()
        if db is None:
            return
        if not query:
            self.model.clear()
            self.status.setText(HINT)
            return
        if self._running is not None:
            return  # searched again when the running one ends (see _shown)
        candidate = self._candidate() if self.only_selected.isChecked() else None
        from interviewdesk.services.search import search

        self._running = query
        self.bridge.run(
            lambda: search(db, query, candidate_id=candidate[0] if candidate else None, typing=True),
            self._shown,
            self._failed,
        )

    def _shown(self, results: SearchResults) -> None:
        self._running = None
        if results.query != self.field.text().strip():
            self.search_now()  # typed on meanwhile: these results are already old
            return
        self.model.clear()
        for hit in results.hits:
            item = QStandardItem(_plain(hit))
            item.setData(hit, HIT_ROLE)
            item.setData(_html(hit), HTML_ROLE)
            self.model.appendRow(item)
        self.status.setText(results.describe())
        if not self._frozen:
            self._freeze.start()
        if results.hits:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _failed(self, error: BaseException) -> None:
        self._running = None
        self.model.clear()
        if not isinstance(error, UserError):
            raise error
        self.status.setText(error.message)

    def open_current(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.open_hit.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the field into the results; Up from the first result back to the field."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.field and event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0, 0))
                return True
            if (
                watched is self.results
                and event.key() == Qt.Key.Key_Up
                and self.results.currentIndex().row() <= 0
            ):
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _freeze_once(self) -> None:
        if self._running is not None or self._pause.isActive():
            self._freeze.start()  # still typing: later
            return
        self._frozen = True
        gc.freeze()

    def shut_down(self) -> None:
        """The window closes: a search under way finishes, and nothing more is started."""
        self._pause.stop()
        self._freeze.stop()
        self.bridge.close()


def _context(hit: SearchHit) -> list[str]:
    return [part for part in (hit.candidate, hit.interview, hit.where) if part]


def _plain(hit: SearchHit) -> str:
    """What a screen reader says for the result."""
    private = "Private note. " if hit.private else ""
    return f"{private}{', '.join(_context(hit))}: {hit.excerpt.marked('', '')}"


def _html(hit: SearchHit) -> str:
    context = escape(" · ".join(_context(hit)))
    private = f" <i style='color:{color(Role.PRIVATE).name()}'>(private note)</i>" if hit.private else ""
    excerpt = escape(hit.excerpt.marked("\x01", "\x02")).replace("\x01", "<b>").replace("\x02", "</b>")
    return f"<div style='font-size:small'>{context}{private}</div><div>{excerpt}</div>"


class _MarkedDelegate(QStyledItemDelegate):
    """Draws a result as rich text (the matching words in bold) in three lines: its context and two
    of the excerpt. Every row is the same height, so the list never lays out fifty documents to
    show ten, and each document is laid out once and kept while it is on screen."""

    MARGIN = 4
    KEEP = 200

    def __init__(self, parent: QListView) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[str, int], QTextDocument] = {}

    def _document(self, html: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        key = (html, width)
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) >= self.KEEP:
                self._documents.clear()
            document = QTextDocument()
            document.setDefaultFont(option.font)
            document.setDocumentMargin(self.MARGIN)
            document.setHtml(html)
            document.setTextWidth(max(width, 120))
            self._documents[key] = document
        return document

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        widget = options.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)
        document = self._document(str(index.data(HTML_ROLE) or ""), options.rect.width(), options)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(role))
        painter.save()
        painter.setClipRect(options.rect)  # a longer excerpt ends at the row's edge
        painter.translate(options.rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        return QSize(width, 3 * option.fontMetrics.lineSpacing() + 2 * self.MARGIN + 2)
