"""Make the screenshots in docs/images from a fresh demo database.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py

Each window is rendered with QWidget.grab(), so no display is needed and the pictures are the
same on every machine that has the fonts.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from interviewdesk.services.demo import create_demo
from interviewdesk.store.database import open_database
from interviewdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        db = open_database(str(Path(folder) / "demo.sqlite3"))
        create_demo(db)
        window = MainWindow(db)
        window.resize(1180, 640)
        window.show()
        settle()
        window.grab().save(str(OUT / "main-window.png"))
        print(OUT / "main-window.png")
        window.close()
        del window
        db.close()
    app.quit()


if __name__ == "__main__":
    main()
