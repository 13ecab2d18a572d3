"""Render the application icon's PNG sizes from its SVG (resources/app/interviewdesk.svg).

    python tools/make_icons.py

Run after changing the SVG; the PNGs are committed (some desktops and the bundle's launchers want
bitmaps). Uses Qt's own SVG renderer, so it needs nothing beyond the app's dependencies.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from interviewdesk.services.desktop_entry import ICON_SIZES as APP_ICON_SIZES

    app = QGuiApplication(sys.argv[:1])
    folder = ROOT / "resources" / "app"
    renderer = QSvgRenderer(str(folder / "interviewdesk.svg"))
    (folder / "png").mkdir(exist_ok=True)
    for size in APP_ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = folder / "png" / f"interviewdesk-{size}.png"
        if not image.save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target.relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
