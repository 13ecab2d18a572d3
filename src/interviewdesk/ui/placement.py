"""Where a window sits: inside the screen's available area with its frame, on screens down to
1280x720, and where the user last left it on the same screen.

Size, position and the splitter's layout are remembered per window, per screen (its name and
size) and per layout (the live window's full and compact layouts apart), so a laptop on its own
and the same laptop on a monitor each keep their own arrangement.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QObject, QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QSplitter

FULL_SIZE = QSize(1280, 800)  # what the window asks for when the screen has room
# A window manager's frame before the window is shown (title bar and borders); the real one is
# measured once the window is up and the window is nudged back inside the screen if needed.
ASSUMED_FRAME = QMargins(4, 30, 4, 4)
FRAME_TRIES = 20  # 50 ms apart: how long to wait for the window manager's frame


def screen_key(screen: QScreen | None) -> str:
    if screen is None:
        return "unknown"
    size = screen.size()
    return f"{screen.name() or 'screen'}-{size.width()}x{size.height()}"


def frame_margins(window: QMainWindow) -> QMargins:
    if not window.isVisible():
        return ASSUMED_FRAME
    outer, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )
    return margins if margins.top() > 0 else ASSUMED_FRAME


def fitted(wanted: QSize, area: QRect, frame: QMargins, *, right: bool = False) -> QRect:
    """The client rectangle of a window of at most ``wanted`` whose frame fits ``area``: centred,
    or against the right edge (the compact layout, beside a video call)."""
    room_w = area.width() - frame.left() - frame.right()
    room_h = area.height() - frame.top() - frame.bottom()
    width, height = min(wanted.width(), room_w), min(wanted.height(), room_h)
    x = area.x() + frame.left() + (room_w - width if right else (room_w - width) // 2)
    y = area.y() + frame.top() + (room_h - height) // 2
    return QRect(x, y, width, height)


class Placement(QObject):
    """Restores and remembers one window's geometry and splitter, per screen and layout;
    ``name`` tells the windows apart in the settings ("live", "main")."""

    def __init__(self, window: QMainWindow, splitter: QSplitter, name: str = "live") -> None:
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._name = name
        self._tries = 0
        self._settings = QSettings("InterviewDesk", "InterviewDesk")

    def _key(self, layout: str, what: str) -> str:
        screen = self._window.screen() or QGuiApplication.primaryScreen()
        return f"{self._name}/{screen_key(screen)}/{layout}/{what}"

    def _area(self) -> QRect:
        screen = self._window.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)

    def restore(self, layout: str, default: QSize) -> None:
        """Put the window where it was last on this screen, or centred at ``default`` size."""
        saved = self._settings.value(self._key(layout, "geometry"))
        if isinstance(saved, QByteArray) and self._window.restoreGeometry(saved):
            self.keep_inside()
        else:
            frame = frame_margins(self._window)
            self._window.setGeometry(fitted(default, self._area(), frame, right=layout == "compact"))
        splitter = self._settings.value(self._key(layout, "splitter"))
        if layout == "full" and isinstance(splitter, QByteArray):
            self._splitter.restoreState(splitter)

    def save(self, layout: str) -> None:
        self._settings.setValue(self._key(layout, "geometry"), self._window.saveGeometry())
        if layout == "full":
            self._settings.setValue(self._key(layout, "splitter"), self._splitter.saveState())

    def keep_inside(self) -> None:
        """Shrink and move the window so its frame lies within the screen's available area."""
        area, frame = self._area(), frame_margins(self._window)
        inner = self._window.geometry()
        outer = inner.marginsAdded(frame)
        if area.contains(outer):
            return
        size = inner.size().boundedTo(fitted(inner.size(), area, frame).size())
        x = min(max(inner.x(), area.x() + frame.left()), area.right() - frame.right() - size.width() + 1)
        y = min(max(inner.y(), area.y() + frame.top()), area.bottom() - frame.bottom() - size.height() + 1)
        self._window.setGeometry(QRect(x, y, size.width(), size.height()))

    def check_after_show(self) -> None:
        """Once the window manager has framed the window, make sure the frame fits too. The frame
        is known only when the manager has drawn it, which may take longer than the first check
        (a busy start-up), so the check waits for it, up to a second."""
        self._tries = FRAME_TRIES
        QTimer.singleShot(50, self, self._check_framed)

    def _check_framed(self) -> None:
        self._tries -= 1
        framed = self._window.frameGeometry().top() < self._window.geometry().top()
        if framed or self._tries <= 0:
            self.keep_inside()
        else:
            QTimer.singleShot(50, self, self._check_framed)
