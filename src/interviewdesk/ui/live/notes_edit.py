"""A notes field whose paragraphs remember the minute they were started in, and whether they are private.

Each paragraph (a text block) keeps its stamp in the block's user state, so typing costs nothing
extra; the stamps are drawn in a margin, and private paragraphs are shaded and marked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from interviewdesk.domain import stamps
from interviewdesk.domain.records import Paragraph
from interviewdesk.ui import theme

UNSTAMPED = -1


def _encode(offset_s: float, private: bool) -> int:
    return int(offset_s) * 2 + int(private)


def _decode(state: int) -> tuple[float, bool]:
    return float(state // 2), bool(state % 2)


class _PrivateShading(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.private = QTextCharFormat()
        self.private.setFontItalic(True)
        self.restyle()

    def restyle(self) -> None:
        """The private colour, readable on the current palette (light or dark)."""
        self.private.setForeground(theme.color(theme.Role.PRIVATE))
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        state = self.currentBlockState()
        if state != UNSTAMPED and state % 2:
            self.setFormat(0, len(text), self.private)


class _StampMargin(QWidget):
    def __init__(self, editor: StampedNotesEdit) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_margin(event)


class StampedNotesEdit(QPlainTextEdit):
    """``edited`` fires on every change the user makes; ``paragraphs()`` reads the stamped text."""

    edited = Signal()

    def __init__(self, offset: Callable[[], float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offset = offset
        self._loading = False
        # What each block read as, from the top down to the first block changed since: a save of a
        # 10 MB note then reads the paragraph being typed, not all twenty thousand (None: empty).
        self._read: list[Paragraph | None] = []
        self.setTabChangesFocus(True)
        self.setPlaceholderText("Notes… (each paragraph is stamped with the minute it was started)")
        self._highlighter = _PrivateShading(self.document())
        self._margin = _StampMargin(self)
        self.document().contentsChange.connect(self._changed)
        self.blockCountChanged.connect(lambda _count: self._update_margin_width())
        self.updateRequest.connect(self._scroll_margin)
        self._update_margin_width()

    # -- reading and writing ------------------------------------------------------------------
    def paragraphs(self) -> list[Paragraph]:
        """The stamped paragraphs, in order; blocks unchanged since the last read are not read again."""
        read = self._read
        block = self.document().findBlockByNumber(len(read))
        while block.isValid():
            text = block.text().strip()
            if not text:
                read.append(None)
            elif block.userState() == UNSTAMPED:  # its stamp is the time it is read: not kept
                del read[block.blockNumber() :]
                return [p for p in read if p is not None] + self._read_all_from(block)
            else:
                offset, private = _decode(block.userState())
                read.append(Paragraph(offset, text, private))
            block = block.next()
        return [p for p in read if p is not None]

    def _read_all_from(self, block: QTextBlock) -> list[Paragraph]:
        result = []
        while block.isValid():
            text = block.text().strip()
            if text:
                state = block.userState()
                offset, private = _decode(state) if state != UNSTAMPED else (self._offset(), False)
                result.append(Paragraph(offset, text, private))
            block = block.next()
        return result

    def _forget_from(self, block_number: int) -> None:
        del self._read[max(0, block_number) :]

    def set_paragraphs(self, paragraphs: list[Paragraph]) -> None:
        self._loading = True
        try:
            self.setPlainText("\n".join(text for _, text, _ in paragraphs))
            block = self.document().firstBlock()
            for offset, _text, private in paragraphs:
                block.setUserState(_encode(offset, private))
                if private:  # shaded now that its state says so; the others were right already
                    self._highlighter.rehighlightBlock(block)
                block = block.next()
            self.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on after what is there
        finally:
            self._loading = False
            self._read = []

    def restyle(self) -> None:
        self._highlighter.restyle()
        self._margin.update()

    def current_paragraph(self) -> Paragraph | None:
        block = self.textCursor().block()
        text = block.text().strip()
        if not text:
            return None
        state = block.userState()
        offset, private = _decode(state) if state != UNSTAMPED else (self._offset(), False)
        return Paragraph(offset, text, private)

    def toggle_private(self) -> bool:
        """Mark the paragraph at the cursor private (or shared again); returns its new state."""
        block = self.textCursor().block()
        state = block.userState()
        offset, private = _decode(state) if state != UNSTAMPED else (self._offset(), False)
        block.setUserState(_encode(offset, not private))
        self._forget_from(block.blockNumber())
        self._highlighter.rehighlightBlock(block)
        self._margin.update()
        self.edited.emit()
        return not private

    # -- stamping -----------------------------------------------------------------------------
    def _changed(self, position: int, _removed: int, added: int) -> None:
        document = self.document()
        block = document.findBlock(position)
        self._forget_from(block.blockNumber())  # this block and every one after may have moved
        if self._loading:
            return
        last = document.findBlock(position + added)
        while block.isValid():
            if block.userState() == UNSTAMPED and block.text().strip():
                block.setUserState(_encode(self._offset(), False))
            if block == last:
                break
            block = block.next()
        self.edited.emit()

    # -- the margin ---------------------------------------------------------------------------
    def margin_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("m888 priv") + 6

    def _update_margin_width(self) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)

    def _scroll_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self._margin.setGeometry(QRect(area.left(), area.top(), self.margin_width(), area.height()))

    def paint_margin(self, event: QPaintEvent) -> None:
        painter = QPainter(self._margin)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        block: QTextBlock = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid() and top <= event.rect().bottom():
            height = round(self.blockBoundingRect(block).height())
            state = block.userState()
            if block.isVisible() and state != UNSTAMPED and block.text().strip():
                offset, private = _decode(state)
                label = stamps.minute_label(offset) + (" priv" if private else "")
                painter.drawText(0, top, self._margin.width() - 4, height, Qt.AlignmentFlag.AlignRight, label)
            block = block.next()
            top += height
        painter.end()
