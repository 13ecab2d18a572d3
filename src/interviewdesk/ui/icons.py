"""Icons: Lucide SVGs shipped in resources/icons (ISC licence), drawn in the palette's text colour
so they read in light and dark mode alike."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QAction, QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from interviewdesk.resources import resource
from interviewdesk.services.desktop_entry import APP_ID, ICON_SIZES

__all__ = ["APP_ID", "app_icon", "icon", "retint", "set_icon"]


@cache
def _svg(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon ``name`` (a file in resources/icons without .svg), sharp at any device pixel ratio."""
    if color is None:
        color = QApplication.palette().color(QPalette.ColorRole.WindowText)
    return _icon(name, color.name())


@cache
def _icon(name: str, color: str) -> QIcon:
    data = QByteArray(_svg(name).replace("currentColor", color).encode("utf-8"))
    result = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(QSize(size, size))
        pixmap.loadFromData(data, "SVG")
        result.addPixmap(pixmap)
    return result


def set_icon(action: QAction, name: str) -> None:
    """Give ``action`` the icon ``name`` and remember it, so :func:`retint` can redraw it."""
    action.setProperty("iconName", name)
    action.setIcon(icon(name))


def retint(owner: QWidget) -> None:
    """Redraw every remembered icon in the current palette (after a switch to or from dark mode)."""
    for action in owner.findChildren(QAction):
        name = action.property("iconName")
        if name:
            action.setIcon(icon(str(name)))


@cache
def app_icon() -> QIcon:
    """The application's icon: its PNG sizes, and the SVG for every size between them."""
    result = QIcon()
    folder = resource("app")
    for size in ICON_SIZES:
        result.addFile(str(folder.joinpath(f"png/interviewdesk-{size}.png")), QSize(size, size))
    result.addFile(str(folder.joinpath("interviewdesk.svg")))
    return result
