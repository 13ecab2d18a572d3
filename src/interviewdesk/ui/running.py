"""The running application, typed: ``QApplication.instance()`` is declared as an optional
QCoreApplication, which hides the widget application's own signals from the type checker."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the window needs a running QApplication")
    return app
