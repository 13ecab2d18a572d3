"""The Help menu of both windows: the keyboard shortcuts, the user guide, and About.

About says which version runs, where the data and the log are (with a button that opens the data
folder), and every licence InterviewDesk ships with, read from what is installed
(:mod:`interviewdesk.notices`).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from interviewdesk import __version__
from interviewdesk.config import data_dir
from interviewdesk.logs import log_path
from interviewdesk.resources import document
from interviewdesk.ui.dialogs import close_only
from interviewdesk.ui.pdf_export import open_file


def show_main_shortcuts(window: QWidget, menus: list[QMenu]) -> QDialog:
    """The main window's keys, in the order of its menus, and the ones no menu holds."""
    from interviewdesk.ui.live.sheets import ShortcutSheet

    keys = [a for menu in menus for a in menu.actions() if not a.shortcut().isEmpty()]
    extra = [
        ("Ctrl+PgDown / Ctrl+PgUp", "Switch between Interviews, Follow-ups, Search, Roles and Templates"),
        ("Down / Up", "In Search: from the field into the results and back"),
        ("Enter", "Open the selected interview (or, on a follow-up, mark it done)"),
    ]
    sheet = ShortcutSheet(keys, extra, window)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.open()
    return sheet


class HelpMenu(QObject):
    """Adds the Help menu to ``menu``; ``shortcuts`` is the window's own F1 action (or None to
    add one that calls ``show_shortcuts``); ``database`` says which database the window uses."""

    def __init__(
        self,
        window: QWidget,
        menu: QMenu,
        *,
        shortcuts: QAction | None = None,
        show_shortcuts: Callable[[], None] | None = None,
        database: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self._window, self._database = window, database
        self.dialog: QDialog | None = None
        if shortcuts is None and show_shortcuts is not None:
            shortcuts = QAction("&Keyboard shortcuts", window)
            shortcuts.setShortcut(QKeySequence(Qt.Key.Key_F1))
            shortcuts.triggered.connect(lambda _checked=False: show_shortcuts())
            window.addAction(shortcuts)
        if shortcuts is not None:
            menu.addAction(shortcuts)
        self.guide = menu.addAction("User &guide")
        self.guide.triggered.connect(self.show_guide)
        menu.addSeparator()
        self.about = menu.addAction("&About InterviewDesk")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about.triggered.connect(self.show_about)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def show_guide(self) -> None:
        self._open(GuideDialog(self._window))

    def show_about(self) -> None:
        self._open(AboutDialog(self._database(), self._window))


class GuideDialog(QDialog):
    """The user guide (docs/guide.md), rendered from its Markdown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("User guide")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(document("guide.md"))
        self.browser.setAccessibleName("User guide")
        close_only(self, self.browser)
        self.resize(720, 560)


class AboutDialog(QDialog):
    def __init__(self, database: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About InterviewDesk")
        folder, log = data_dir(), log_path()
        lines = [
            f"<h2>InterviewDesk {escape(__version__)}</h2>",
            "<p>Structured interview notes: a live script and timer, rubric scoring with evidence, "
            "the candidate's questions, and PDF summaries for the hiring panel.</p>",
            f"<p>Data folder: {escape(str(folder))}<br/>"
            + (f"Database: {escape(database)}<br/>" if database else "")
            + f"Log file: {escape(str(log))}</p>",
            "<p>MIT licence. InterviewDesk uses Qt and PySide6 under the GNU LGPL v3, and the "
            "fonts, icons and libraries listed under Licences, each under its own licence.</p>",
        ]
        self.text = QLabel("".join(lines))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton("Open &data folder")
        self.open_folder.setEnabled(folder.is_dir())
        self.open_folder.clicked.connect(lambda: open_file(folder))
        self.licences = QPushButton("&Licences…")
        self.licences.clicked.connect(self.show_licences)
        for button in (self.open_folder, self.licences):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.licence_dialog: LicencesDialog | None = None
        self.setMinimumWidth(520)

    def show_licences(self) -> None:
        dialog = LicencesDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.licence_dialog = dialog
        dialog.open()


class LicencesDialog(QDialog):
    """Every component's name, version and licence, then each licence's full text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from interviewdesk.notices import full_text, summary

        self.setWindowTitle("Licences")
        self.text = QPlainTextEdit(f"{summary()}\n\n\n{full_text()}")
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Licences and third-party notices")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        close_only(self, self.text)
        self.resize(760, 560)
