"""The main window's Templates tab: every stored version with how many interviews use it, the
selected one shown read-only (its script, its rubric with every anchor, its checklist), and
import and export. Editing stays in the recruiter's own editor; an import validates the file and
shows every problem with its line, or stores a new version when the file changed."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from interviewdesk.domain.wording import count
from interviewdesk.errors import UserError
from interviewdesk.ui.confirm import tell

if TYPE_CHECKING:
    from interviewdesk.services.workspace import Workspace
    from interviewdesk.templates.model import Template

ID_ROLE = Qt.ItemDataRole.UserRole
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplatesTab(QWidget):
    """``changed(message)`` after an import, for the window's status line."""

    changed = Signal(str)

    def __init__(self, db: Callable[[], Workspace], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.setAccessibleName("Template versions")
        self.list.setSpacing(3)  # the two lines of one version, set apart from the next
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.view = QTextBrowser()
        self.view.setAccessibleName("The selected template")
        self.import_button = QPushButton("&Import template…")
        self.import_button.setToolTip(
            "A YAML file: a new template, or a new version of one (docs/templates.md)"
        )
        self.import_button.clicked.connect(self.ask_import)
        self.export_button = QPushButton("E&xport as YAML…")
        self.export_button.clicked.connect(self.ask_export)
        self.version_button = QPushButton("New &version from file…")
        self.version_button.setToolTip(
            "The selected template, changed in your editor: stored as its next version (interviews "
            "already planned keep theirs)"
        )
        self.version_button.clicked.connect(self.ask_new_version)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.version_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setStretchFactor(1, 3)
        split.setSizes([340, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(split)
        self.file_dialog: QFileDialog | None = None
        self.box: QMessageBox | None = None

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self.import_button.setEnabled(writable)
        self.version_button.setEnabled(writable and self.list.count() > 0)

    def reload(self, select_id: int | None = None) -> None:
        from interviewdesk.services.template_library import list_templates, template_usage

        keep = select_id if select_id is not None else self.selected_id()
        used = template_usage(self._db())
        self.list.clear()
        for t in list_templates(self._db(), latest_only=False):
            item = QListWidgetItem(
                f"{t.name}  v{t.version}\n{t.role} · {t.planned_minutes:.0f} min · "
                f"used by {count(used.get(t.id, 0), 'interview')}"
            )
            item.setData(ID_ROLE, t.id)
            item.setData(SLUG_ROLE, t.slug)
            self.list.addItem(item)
            if t.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.export_button.setEnabled(self.list.count() > 0)
        self.version_button.setEnabled(getattr(self, "_writable", True) and self.list.count() > 0)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def _show_selected(self) -> None:
        from interviewdesk.services.template_library import template_model

        version_id = self.selected_id()
        self.view.setHtml(describe(template_model(self._db(), version_id)) if version_id else "")

    # -- import and export --------------------------------------------------------------------
    def _dialog(self, title: str, save: bool) -> QFileDialog:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, title, folder, "Templates (*.yaml *.yml)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        if not save:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        return dialog

    def ask_import(self) -> None:
        dialog = self._dialog("Import template", save=False)
        dialog.fileSelected.connect(lambda chosen: self.import_file(Path(chosen)))
        dialog.open()

    def ask_new_version(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        slug = str(item.data(SLUG_ROLE))
        dialog = self._dialog(f"New version of {slug}", save=False)
        dialog.fileSelected.connect(lambda chosen: self.import_file(Path(chosen), of=slug))
        dialog.open()

    def import_file(self, path: Path, *, of: str | None = None) -> None:
        """Validate and store a template file; ``of``: it must be a new version of that template."""
        from interviewdesk.services.template_library import store_template
        from interviewdesk.templates.loader import read_template_file

        try:
            loaded = read_template_file(path)
            if of is not None and loaded.template.id != of:
                raise UserError(
                    f"{path.name} is the template {loaded.template.id!r}, not {of!r}: a new version keeps "
                    "the template's id. To add it as a template of its own, use Import template. "
                    "Nothing was stored."
                )
            result = store_template(self._db(), loaded)
        except UserError as exc:  # every problem with its line, or an unreadable file
            self.box = tell(self, "Template not imported", exc.message)
            return
        t = result.summary
        self.reload(select_id=t.id)
        message = (
            f"Imported {t.name} as version {t.version}."
            if result.created
            else f"{t.name} version {t.version} is already stored, unchanged."
        )
        self.changed.emit(message)

    def ask_export(self) -> None:
        version_id = self.selected_id()
        if version_id is None:
            return
        dialog = self._dialog("Export template", save=True)
        dialog.setDefaultSuffix("yaml")
        dialog.selectFile(f"{self.list.currentItem().data(SLUG_ROLE)}.yaml")
        dialog.fileSelected.connect(lambda chosen: self.export_file(version_id, Path(chosen)))
        dialog.open()

    def export_file(self, version_id: int, path: Path) -> None:
        from interviewdesk.services.template_library import export_template

        try:
            t = export_template(self._db(), version_id, path)
        except UserError as exc:
            self.box = tell(self, "Template not exported", exc.message)
            return
        self.changed.emit(f"Wrote {t.name} version {t.version} to {path}.")


def describe(template: Template) -> str:
    """The template as a page to read: the script, the rubric with its anchors, the checklist."""
    parts = [
        f"<h2>{escape(template.name)}</h2>",
        f"<p>{escape(template.role)} · {template.planned_minutes:g} min planned · "
        f"{template.candidate_questions_share:.0%} for the candidate's questions</p>",
    ]
    if template.description:
        parts.append(f"<p>{escape(template.description)}</p>")
    parts.append("<h3>Script</h3>")
    for number, section in enumerate(template.sections, 1):
        parts.append(f"<h4>{number}. {escape(section.title)} ({section.minutes:g} min)</h4>")
        if section.guidance:
            parts.append(f"<p><i>{escape(section.guidance)}</i></p>")
        for task in section.tasks:
            parts.append(
                f"<p><b>Task: {escape(task.title)}</b> ({task.minutes:g} min). {escape(task.brief)}</p>"
            )
        items = []
        for question in section.questions:
            follow = "".join(f"<li>{escape(f)}</li>" for f in question.follow_ups)
            items.append(f"<li>{escape(question.text)}{f'<ul>{follow}</ul>' if follow else ''}</li>")
        if items:
            parts.append(f"<ol>{''.join(items)}</ol>")
    parts.append("<h3>Rubric</h3>")
    labels = {level.level: level.label for level in template.scale}
    for competency in template.competencies:
        weight = f" (weight {competency.weight:g})" if competency.weight != 1 else ""
        anchors = "".join(
            f"<li><b>{level} {escape(labels.get(level, ''))}</b>: {escape(text)}</li>"
            for level, text in sorted(competency.anchors.items())
        )
        name = f"<b>{escape(competency.name)}</b>{weight}"
        parts.append(f"<p>{name}: {escape(competency.description)}</p><ul>{anchors}</ul>")
    if template.role_clarity:
        checklist = "".join(f"<li>{escape(item)}</li>" for item in template.role_clarity)
        parts.append(f"<h3>Role-clarity checklist</h3><ul>{checklist}</ul>")
    return "".join(parts)
