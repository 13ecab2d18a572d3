"""The notes field reads only what changed since its last read, and always reads the same as a
full read would: checked over a thousand random edits (typing, new paragraphs, pastes, deletions
across paragraphs, private marks, undo and redo, a reload)."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextCursor

from interviewdesk.domain.records import Paragraph
from interviewdesk.ui.live.notes_edit import StampedNotesEdit


def full_read(editor: StampedNotesEdit) -> list[Paragraph]:
    return editor._read_all_from(editor.document().firstBlock())


def test_reading_after_any_edit_equals_a_full_read(qtbot) -> None:
    clock = [0.0]
    editor = StampedNotesEdit(lambda: clock[0])
    qtbot.addWidget(editor)
    editor.set_paragraphs([Paragraph(60.0 * i, f"paragraph {i} " * 5, i % 4 == 0) for i in range(40)])
    rng = random.Random(11)
    for step in range(1000):
        clock[0] += 7.0
        cursor = editor.textCursor()
        length = editor.document().characterCount() - 1
        cursor.setPosition(rng.randint(0, length))
        kind = rng.randrange(8)
        if kind == 0:
            cursor.insertText("typed ")
        elif kind == 1:
            cursor.insertText("\n")
        elif kind == 2:
            cursor.insertText("pasted one\npasted two\n\npasted three")
        elif kind == 3:
            cursor.setPosition(rng.randint(0, length), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        elif kind == 4:
            editor.setTextCursor(cursor)
            editor.toggle_private()
        elif kind == 5:
            editor.undo()
        elif kind == 6:
            editor.redo()
        elif step % 97 == 0:
            editor.set_paragraphs(full_read(editor))
        if rng.random() < 0.5:  # a save reads the field only now and then, as the timer does
            assert editor.paragraphs() == full_read(editor), step
    assert editor.paragraphs() == full_read(editor)


def test_typing_at_the_end_of_a_long_note_reads_one_block() -> None:
    """Not a timing: the number of blocks read is what makes a save of a long note cheap."""
    editor = StampedNotesEdit(lambda: 5.0)
    editor.set_paragraphs([Paragraph(float(i), f"note {i}", False) for i in range(2000)])
    assert len(editor.paragraphs()) == 2000
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.textCursor().insertText(" and more")
    assert len(editor._read) == 1999  # everything above the changed block is still known
    assert editor.paragraphs()[-1] == Paragraph(1999.0, "note 1999 and more", False)
    editor.deleteLater()


def _shaded(editor: StampedNotesEdit) -> list[bool]:
    """Per paragraph: drawn as private (italic, by the highlighter's layout formats)."""
    result = []
    block = editor.document().firstBlock()
    while block.isValid():
        formats = block.layout().formats()
        result.append(bool(formats) and all(f.format.fontItalic() for f in formats))
        block = block.next()
    return result


def test_private_paragraphs_are_shaded_after_loading_and_after_a_reload(qtbot) -> None:
    editor = StampedNotesEdit(lambda: 0.0)
    qtbot.addWidget(editor)
    editor.set_paragraphs([Paragraph(0.0, "shared", False), Paragraph(60.0, "private", True)])
    assert _shaded(editor) == [False, True]
    editor.set_paragraphs([Paragraph(0.0, "now private", True), Paragraph(60.0, "now shared", False)])
    assert _shaded(editor) == [True, False]
