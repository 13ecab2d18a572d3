"""Colours with a meaning (over time or a flag, a private note, the current rubric card; the paused
banner), derived from the current palette.

A fixed red or amber that reads on a white window falls to about 2.5:1 on a dark one. Each colour
here starts from its hue and is darkened (light palette) or lightened (dark palette) until it
reaches the WCAG AA contrast of 4.5:1 against both the window and the text-field background.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text


class Role(Enum):
    DANGER = "#c62828"  # over time, a flag, a save that failed
    PRIVATE = "#8a5a00"  # a private note
    FOCUS = "#1565c0"  # the frame of the focused rubric card


def luminance(color: QColor) -> float:
    """WCAG relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _backgrounds(palette: QPalette) -> tuple[QColor, QColor]:
    return palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)


def color(role: Role, palette: QPalette | None = None) -> QColor:
    """``role``'s colour, readable on ``palette`` (the application's by default)."""
    palette = palette or QApplication.palette()
    window, base = _backgrounds(palette)
    return QColor(_readable(role.value, window.name(), base.name()))


@cache
def _readable(hue: str, window: str, base: str) -> str:
    backgrounds = (QColor(window), QColor(base))
    dark = sum(luminance(b) for b in backgrounds) / 2 < 0.2
    candidate = QColor(hue)
    h, s, lightness = candidate.hslHueF(), candidate.hslSaturationF(), candidate.lightnessF()
    step = 0.02 if dark else -0.02
    while min(contrast(candidate, b) for b in backgrounds) < MIN_CONTRAST and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = QColor.fromHslF(h, s, lightness)
    return candidate.name()


def banner(palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(background, text) of the paused banner: amber that stands out in light and dark mode alike,
    with whichever of black or white reads best on it."""
    palette = palette or QApplication.palette()
    window, _base = _backgrounds(palette)
    background = QColor("#ffb300") if luminance(window) > 0.2 else QColor("#ffa000")
    black, white = QColor("#000000"), QColor("#ffffff")
    text = black if contrast(black, background) >= contrast(white, background) else white
    return background, text


def style(role: Role, *, bold: bool = True) -> str:
    """A style sheet fragment that draws text in ``role``'s colour."""
    weight = " font-weight: bold;" if bold else ""
    return f"color: {color(role).name()};{weight}"


def restyle(widget: QWidget, sheet: str) -> None:
    """Set ``widget``'s style sheet only if it changes: each call re-polishes the widget, and the
    timer redraws four times a second."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
