"""The main window: candidates on the left, their interviews on the right, and the actions to add a
candidate and plan an interview. The live interview view opens from here."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.ui.bridge import Bridge
from interviewdesk.ui.candidate_list import CandidateListModel, candidate_list_view
from interviewdesk.ui.empty_state import EmptyState
from interviewdesk.ui.follow_up_queue import FollowUpQueue
from interviewdesk.ui.icons import retint, set_icon
from interviewdesk.ui.interview_table import InterviewTableModel, interview_table
from interviewdesk.ui.live_windows import LiveWindows
from interviewdesk.ui.placement import Placement
from interviewdesk.ui.running import settle_garbage


def panel_notice(db: Workspace, candidate_id: int) -> str:
    """ "2 sealed interviews waiting for your submission" for this candidate, or ""."""
    from interviewdesk.services.visibility import sealed_interviews

    return sealed_interviews(db, [candidate_id]).notice(candidate_id)


if TYPE_CHECKING:
    from interviewdesk.services.interview_list import InterviewRow
    from interviewdesk.services.search import SearchHit
    from interviewdesk.services.workspace import Workspace
    from interviewdesk.ui.live.window import LiveInterviewWindow


MAIN_SIZE = QSize(1100, 680)  # asked for when the screen has room; never more than it has


class MainWindow(QMainWindow):
    """The window opens its database after the first paint (``target`` is a path or URL), or takes
    an open one. It emits ``ready`` once the lists are loaded and the user can work, or
    ``open_failed`` with the message shown to the user when the database is refused."""

    ready = Signal()
    open_failed = Signal(str)

    def __init__(self, target: str | Workspace) -> None:
        super().__init__()
        self._target = target
        self.db: Workspace = None  # type: ignore[assignment]  # set by _initial_load
        self.open_error: str | None = None
        self.setWindowTitle("InterviewDesk")

        self._build_lists()

        splitter = self._build_panes()
        self.setCentralWidget(splitter)
        self.placement = Placement(self, splitter, "main")
        self.placement.restore("full", MAIN_SIZE)
        self.bridge = Bridge(self)
        self._build_actions()
        self.empty_state.add_candidate.clicked.connect(self.plans.add_candidate)
        self.empty_state.plan.clicked.connect(self.plans.plan_interview)
        self.empty_state.demo.clicked.connect(self.plans.load_demo)
        from interviewdesk.ui.pdf_export import PdfExporter

        self.exporter = PdfExporter(self, lambda: self.db, self.bridge)
        self.live = LiveWindows(self, lambda: self.db)
        self.live.closed.connect(self._live_window_closed)
        self.live.message.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.table.activated.connect(lambda _index: self.open_interview())
        self.table.selectionModel().currentRowChanged.connect(self._update_export_actions)
        self._set_enabled(False)
        self.statusBar().showMessage("Opening the database…")
        self._load_scheduled = False

    def _build_panes(self) -> QSplitter:
        """The candidates on the left; on the right the interviews (or the empty state) and the
        follow-ups, as tabs."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Candidates</b>"))
        left_layout.addWidget(self.candidate_list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("<b>Interviews</b>")
        right_layout.addWidget(self.heading)
        self.right_layout = right_layout
        self.empty_state = EmptyState()
        self.interview_pages = QStackedWidget()
        self.interview_pages.addWidget(self.table)
        self.interview_pages.addWidget(self.empty_state)
        right_layout.addWidget(self.interview_pages)
        self.follow_ups = FollowUpQueue(lambda: self.db, self.selected_candidate)
        self.follow_ups.overdue.connect(self._count_overdue)
        self.follow_ups.message.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.follow_ups.show_everyone.connect(
            lambda: self.candidate_list.setCurrentIndex(self.candidates.index(0))
        )
        self.right_tabs = QTabWidget()
        self.right_tabs.setAccessibleName("Interviews and follow-ups")
        self.right_tabs.addTab(right, "Interviews")
        self.right_tabs.addTab(self.follow_ups, "Follow-ups")
        from interviewdesk.ui.search_tab import SearchTab

        self.search = SearchTab(lambda: self.db, self.selected_candidate)
        self.search.open_hit.connect(self._open_hit)
        self.right_tabs.addTab(self.search, "Search")
        from interviewdesk.ui.roles_tab import RolesTab

        self.roles = RolesTab(lambda: self.db)
        self.roles.show_candidate.connect(self._show_candidate)
        self.roles.export.connect(lambda role: self.exporter.export_role(role) if role else None)
        self.right_tabs.addTab(self.roles, "Roles")
        self.right_tabs.currentChanged.connect(self._tab_shown)
        from interviewdesk.ui.templates_tab import TemplatesTab

        self.templates = TemplatesTab(lambda: self.db)
        self.templates.changed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.right_tabs.addTab(self.templates, "Templates")
        # From anywhere in the window, as in a browser (Ctrl+Tab stays the table's way out).
        for key, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            switch = QAction(self)
            switch.setShortcut(QKeySequence(key))
            switch.triggered.connect(lambda _checked=False, step=step: self._step_tab(step))
            self.addAction(switch)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right_tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 840])
        return splitter

    def _build_lists(self) -> None:
        self.candidates = CandidateListModel()
        self.candidate_list = candidate_list_view(self.candidates)
        self.candidate_list.selectionModel().currentRowChanged.connect(self._candidate_changed)
        self.model = InterviewTableModel(lambda _offset, _limit: [], 0)
        self.table = interview_table(self.model)

    def _step_tab(self, step: int) -> None:
        count = self.right_tabs.count()
        self.right_tabs.setCurrentIndex((self.right_tabs.currentIndex() + step) % count)
        if self.right_tabs.currentWidget() is self.follow_ups:
            self.follow_ups.view.setFocus()
        elif self.right_tabs.currentWidget() is self.search:
            self.search.start()
        elif self.right_tabs.currentWidget() is self.roles:
            self.roles.role.setFocus()
        elif self.table.isVisible():
            self.table.setFocus()
        else:  # no interviews yet: the empty state's first button
            self.empty_state.add_candidate.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.placement.check_after_show()  # the window manager's frame must fit the screen too

    def closeEvent(self, event: QCloseEvent) -> None:
        self.placement.save("full")
        self.bridge.close()  # an export under way finishes first
        self.search.shut_down()
        self.roles.shut_down()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            retint(self)  # light or dark mode switched: our icons follow the text colour

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._load_scheduled:
            # Paint first, then open and load: the window appears before SQLAlchemy is even imported.
            self._load_scheduled = True
            QTimer.singleShot(0, self._initial_load)

    def _set_enabled(self, enabled: bool) -> None:
        for action in (self.add_candidate_action, self.plan_action):
            action.setEnabled(enabled)
        self.data.set_writable(enabled)
        self.plans.set_writable(enabled)
        self.templates.set_writable(enabled)
        self.data.check.setEnabled(self.db is not None)
        self._update_export_actions()

    def selected_candidate(self) -> tuple[int, str] | None:
        candidate_id = self.current_candidate_id()
        if candidate_id is None:
            return None
        return candidate_id, self.candidate_list.currentIndex().data().split("\n")[0]

    def _after_erasure(self) -> None:
        self.reload_candidates()
        self.reload_follow_ups()

    def _plan_changed(self, candidate_id: int, interview_id: int, message: str) -> None:
        """After an edit: the lists again, with that candidate (0: the same one) and interview."""
        self.reload_candidates(select_id=candidate_id or None, interview_id=interview_id or None)
        self.reload_follow_ups()
        if interview_id:
            self.table.setFocus()  # Enter (or Ctrl+O) opens it
        self.statusBar().showMessage(message, 8000)

    def _update_export_actions(self, *_args: object) -> None:
        has_interview = self.db is not None and self.current_interview() is not None
        self.open_action.setEnabled(has_interview and not self.db.read_only)
        self.export_interview_action.setEnabled(has_interview)
        self.export_private_action.setEnabled(has_interview)
        has_candidate = self.db is not None and self.current_candidate_id() is not None
        self.export_panel_action.setEnabled(has_candidate)
        if hasattr(self, "plans"):  # the actions exist once the menus are built
            self.plans.update()
            self.panel_files.update(writable=self.db is not None and not self.db.read_only)
        # A disabled action still shows its tooltip: say what would enable it.
        self.export_panel_action.setToolTip(
            "Export every interview of the selected candidate as one panel PDF (Ctrl+Shift+E)"
            if has_candidate
            else "Select a candidate on the left first: the panel PDF gathers one candidate's interviews"
        )
        self.export_interview_action.setToolTip(
            "Export the selected interview as a PDF (Ctrl+P)"
            if has_interview
            else "Select an interview in the list first"
        )

    def _build_actions(self) -> None:
        style = self.style()
        self.add_candidate_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), "&Add candidate…", self
        )
        self.add_candidate_action.setShortcut(QKeySequence.StandardKey.New)
        self.plan_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "&Plan interview…", self
        )
        self.plan_action.setShortcut(QKeySequence("Ctrl+I"))
        self.open_action = QAction("&Open interview", self)
        set_icon(self.open_action, "play")
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.triggered.connect(self.open_interview)
        self.export_interview_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), "&Export interview PDF…", self
        )
        # Ctrl+P exports a PDF here and in the live window alike; Ctrl+E is bound in neither, so a
        # habit formed in one window can never end or export something in the other.
        self.export_interview_action.setShortcut(QKeySequence("Ctrl+P"))
        self.export_interview_action.triggered.connect(lambda: self.export_interview(include_private=False))
        self.export_private_action = QAction("Export interview PDF with &private notes…", self)
        self.export_private_action.triggered.connect(lambda: self.export_interview(include_private=True))
        self.export_panel_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView), "Export &panel PDF…", self
        )
        self.export_panel_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_panel_action.triggered.connect(self.export_panel)
        self._build_file_menu()
        self._build_other_menus()

    def _build_file_menu(self) -> None:
        """The toolbar and the File menu."""
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.add_candidate_action)
        toolbar.addAction(self.plan_action)
        toolbar.addAction(self.open_action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_interview_action)
        toolbar.addAction(self.export_panel_action)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu("&File")
        # Kept in order for the shortcut sheet (QAction.menu() differs across PySide6 releases).
        self.menus = [menu]
        menu.addAction(self.add_candidate_action)
        menu.addAction(self.plan_action)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for action in (self.export_interview_action, self.export_private_action, self.export_panel_action):
            menu.addAction(action)
        menu.addSeparator()
        from interviewdesk.ui.panel_files import PanelFiles

        self.panel_files = PanelFiles.attach(self, menu, lambda: self.db, self.bridge)
        menu.addSeparator()
        quit_action = menu.addAction("&Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

    def _build_other_menus(self) -> None:
        """Edit (what was planned), Data (keeping it safe), Help."""
        from interviewdesk.ui.data_actions import DataActions
        from interviewdesk.ui.help_menu import HelpMenu
        from interviewdesk.ui.plan_actions import PlanActions

        self.menus.append(self.menuBar().addMenu("&Edit"))
        self.plans = PlanActions(
            self, self.menus[-1], lambda: self.db, self.current_candidate_id, self.current_interview
        )
        self.plans.changed.connect(self._plan_changed)
        self.menus[-1].addSeparator()
        find = self.menus[-1].addAction("&Search everything…")
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.start_search)
        self.add_candidate_action.triggered.connect(self.plans.add_candidate)
        self.plan_action.triggered.connect(self.plans.plan_interview)
        self.menus.append(self.menuBar().addMenu("&Data"))
        self.data = DataActions(self, self.menus[-1], lambda: self.db, self.bridge, self.selected_candidate)
        self.data.changed.connect(self._after_erasure)
        self.data.done.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self.menus[-1].addSeparator()
        self.menus[-1].addAction(self.panel_files.who)
        self.menus.append(self.menuBar().addMenu("&Help"))
        self.help = HelpMenu(
            self,
            self.menus[-1],
            show_shortcuts=self.show_shortcuts,
            database=lambda: self.db.describe() if self.db is not None else None,
        )

    def show_shortcuts(self) -> None:
        """Every key of this window, in the order of its menus."""
        from interviewdesk.ui.help_menu import show_main_shortcuts

        self.shortcut_sheet = show_main_shortcuts(self, self.menus)

    def _initial_load(self) -> None:
        if not isinstance(self._target, str):
            self._opened(self._target)
            return
        from interviewdesk.ui.opening import DatabaseOpener

        self.opener = DatabaseOpener(self, self._target, self.bridge)
        self.opener.opened.connect(self._opened)
        self.opener.failed.connect(self._open_failed)
        self.opener.declined.connect(self.close)
        self.opener.open()

    def _open_failed(self, message: str) -> None:
        self.open_error = message
        self.statusBar().showMessage("No database.")
        self.open_failed.emit(message)
        self.close()

    def _opened(self, db: Workspace) -> None:
        self.db = db
        if db.read_only:
            self.setWindowTitle("Read-only")  # Qt adds " — InterviewDesk"
            self.statusBar().showMessage(
                f"Read-only: {db.describe()} is open in another window, which alone may change it."
            )
        else:
            self.statusBar().showMessage(f"Database: {db.describe()}")
        self._set_enabled(not db.read_only)
        for button in (self.empty_state.add_candidate, self.empty_state.plan, self.empty_state.demo):
            button.setEnabled(not db.read_only)
        self.reload_candidates()
        self.templates.reload()
        self.panel_files.offer_identity(self.right_layout)
        self.ready.emit()
        QTimer.singleShot(0, self.reload_follow_ups)  # after the window is usable
        QTimer.singleShot(0, settle_garbage)

    def close_database(self) -> None:
        """After a clean close: today's backup if there is none yet, then the database closed."""
        if self.db is not None and isinstance(self._target, str):
            from interviewdesk.services.backups import close_with_backup

            close_with_backup(self.db)

    def current_candidate_id(self) -> int | None:
        return self.candidates.candidate_id(self.candidate_list.currentIndex().row())

    def current_interview(self) -> InterviewRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def open_interview(self) -> None:
        """Open the selected interview in the live window (Enter or a double click on the row)."""
        row = self.current_interview()
        if row is not None:
            self.live.open(row.id)

    def start_search(self) -> None:
        self.right_tabs.setCurrentWidget(self.search)
        self.search.start()

    def _tab_shown(self, _index: int) -> None:
        if self.right_tabs.currentWidget() is self.roles and self.db is not None:
            self.roles.reload()  # roles change with every candidate added or edited

    def _show_candidate(self, candidate_id: int) -> None:
        self.select_candidate(candidate_id)
        self.right_tabs.setCurrentIndex(0)
        self.table.setFocus()

    def _open_hit(self, hit: SearchHit) -> None:
        """A search result: its interview at that note, or (a name) the candidate's interviews."""
        if hit.interview_id is None or self.db.read_only:
            self._show_candidate(hit.candidate_id)
            if hit.interview_id is not None:
                self.statusBar().showMessage(
                    "Read-only: open the interview in the window that has the database.", 8000
                )
            return
        words = hit.excerpt.text[slice(*hit.excerpt.marks[0])] if hit.excerpt.marks else ""
        at = (hit.section_index, hit.question_index, words) if hit.section_index is not None else None
        self.live.open(hit.interview_id, at)

    @property
    def live_windows(self) -> list[LiveInterviewWindow]:
        return self.live.windows

    def _live_window_closed(self, interview_id: int) -> None:
        """Show what the interview became, with it still selected."""
        self.reload_interviews(select_id=interview_id)
        self.reload_follow_ups()

    def export_interview(self, *, include_private: bool = False) -> None:
        row = self.current_interview()
        if row is not None:
            self.exporter.export_interview(row.id, row.candidate, include_private=include_private)

    def export_panel(self) -> None:
        candidate_id = self.current_candidate_id()
        if candidate_id is not None:
            name = self.candidate_list.currentIndex().data().split("\n")[0]
            self.exporter.export_panel(candidate_id, name)

    def select_candidate(self, candidate_id: int | None) -> None:
        """Show one candidate's interviews (None: everyone's)."""
        self.candidate_list.setCurrentIndex(self.candidates.index(self.candidates.row_of(candidate_id)))

    def reload_candidates(self, select_id: int | None = None, interview_id: int | None = None) -> None:
        from interviewdesk.services import planning

        keep = select_id if select_id is not None else self.current_candidate_id()
        selection = self.candidate_list.selectionModel()
        selection.blockSignals(True)
        self.candidates.set_candidates(planning.list_candidates(self.db))
        self.candidate_list.setCurrentIndex(self.candidates.index(self.candidates.row_of(keep)))
        selection.blockSignals(False)
        self.reload_interviews(select_id=interview_id)

    def reload_interviews(self, select_id: int | None = None) -> None:
        """Reload the list, keeping the selected interview (or selecting ``select_id``)."""
        from interviewdesk.services import interview_list

        current = self.current_interview()
        keep = select_id if select_id is not None else (current.id if current is not None else None)
        candidate_id = self.current_candidate_id()
        total = interview_list.count_interviews(self.db, candidate_id=candidate_id)
        loader = partial(self._page, candidate_id)
        self.model.reset(loader, total)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
        self._update_export_actions()
        who = self.candidate_list.currentIndex().data().split("\n")[0] if candidate_id else "everyone"
        sealed = self.panel_files.notice(candidate_id) if candidate_id else ""
        self.heading.setText(f"<b>Interviews</b> — {who}: {total}" + (f" · {sealed}" if sealed else ""))
        self._show_empty_state(total, who if candidate_id else None)

    def _show_empty_state(self, total: int, who: str | None) -> None:
        if total:
            self.interview_pages.setCurrentWidget(self.table)
            return
        self.empty_state.show_for(has_candidates=self.candidates.rowCount() > 1, who=who)
        self.interview_pages.setCurrentWidget(self.empty_state)

    def reload_follow_ups(self) -> None:
        self.follow_ups.reload()

    def _count_overdue(self, overdue: int) -> None:
        title = f"Follow-ups ({overdue} overdue)" if overdue else "Follow-ups"
        self.right_tabs.setTabText(self.right_tabs.indexOf(self.follow_ups), title)

    def _page(self, candidate_id: int | None, after: InterviewRow | None, limit: int) -> list[InterviewRow]:
        from interviewdesk.services import interview_list

        return interview_list.list_interviews(self.db, candidate_id=candidate_id, after=after, limit=limit)

    def _candidate_changed(self, *_args: object) -> None:
        if self.db is not None:  # the view may pick a current row before the database is open
            self.reload_interviews()
            self.reload_follow_ups()
