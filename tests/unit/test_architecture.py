"""The layering rule: only interviewdesk.ui imports Qt; the command line and store import no ReportLab."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import interviewdesk

QT_FREE = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(interviewdesk.__path__, "interviewdesk.")
    if not name.startswith("interviewdesk.ui")
    and ".migrations" not in name
    and name != "interviewdesk.__main__"
)
PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab'))))
"""


def loaded_by(module: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, module], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


def test_there_are_modules_to_check() -> None:
    assert {"interviewdesk.cli", "interviewdesk.store.database", "interviewdesk.templates.loader"} <= set(
        QT_FREE
    )


def test_no_qt_outside_ui() -> None:
    offenders = {
        m: sorted(loaded) for m in QT_FREE if (loaded := {x for x in loaded_by(m) if "reportlab" not in x})
    }
    assert offenders == {}


def test_cli_and_store_import_no_reportlab() -> None:
    for module in ("interviewdesk.cli", "interviewdesk.store.database", "interviewdesk.services.planning"):
        assert not {m for m in loaded_by(module) if m.startswith("reportlab")}, module


def test_the_ui_does_import_qt() -> None:  # the probe itself works
    assert "PySide6.QtWidgets" in loaded_by("interviewdesk.ui.main_window")


def test_the_main_window_paints_before_sqlalchemy_or_reportlab_load() -> None:
    probe = (
        "import sys, interviewdesk.ui.main_window; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'reportlab', 'alembic'}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
