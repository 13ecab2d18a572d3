"""The floors of the code, checked: which package may import which, Qt only in ui/, ReportLab only
in export/, and what the command line and the window load before they need it.

The import rules are read from the source (every import, also inside functions and under
TYPE_CHECKING); what is really loaded is checked in one interpreter per probe.
"""

from __future__ import annotations

import ast
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import interviewdesk

SOURCE = Path(interviewdesk.__file__).parent

# ui -> services -> store / export / templates -> domain; the small shared modules anywhere they fit.
SHARED = {"errors", "config", "resources", "atomic", "logs", "notices"}
ALLOWED: dict[str, set[str]] = {
    "domain": {"errors"},
    "templates": {"domain", "errors", "resources"},
    "store": {"domain", "errors", "config"},
    "export": {"domain", "errors", "resources", "atomic"},
    "exchange": {"domain", "errors", "resources", "atomic", "templates"},
    "services": {"store", "export", "exchange", "templates", "domain"} | SHARED,
    "ui": {"services", "templates", "domain"} | SHARED,
    "cli": {"services", "templates", "domain", "ui"} | SHARED,
    "__main__": {"cli"},
    "__init__": set(),
    "errors": set(),
    "config": {"errors"},
    "resources": set(),
    "atomic": {"errors"},
    "logs": {"config"},
    "notices": {"resources"},
}
THIRD_PARTY_HOMES = {"PySide6": {"ui"}, "shiboken6": {"ui"}, "reportlab": {"export"}}


def layer_of(path: Path) -> str:
    relative = path.relative_to(SOURCE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute names, wherever the import statement stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_packages_import_only_the_floors_below_them() -> None:
    breaches = []
    modules = [p for p in SOURCE.rglob("*.py") if "migrations" not in p.parts]
    assert len(modules) > 60
    for path in modules:
        layer = layer_of(path)
        for name in imports_of(path):
            top, _, rest = name.partition(".")
            if top == "interviewdesk" and rest:
                target = rest.split(".")[0]
                if target != layer and target not in ALLOWED[layer]:
                    breaches.append(f"{path.relative_to(SOURCE)} imports {name}")
            elif top in THIRD_PARTY_HOMES and layer not in THIRD_PARTY_HOMES[top]:
                breaches.append(f"{path.relative_to(SOURCE)} imports {name}")
    assert breaches == []


def test_the_rule_sees_a_breach() -> None:  # the checker itself works
    assert "interviewdesk.store.database" in imports_of(SOURCE / "services" / "workspace.py")
    assert "store" not in ALLOWED["ui"]


PROBE = """
import importlib, json, sys
watched = ("PySide6", "shiboken6", "reportlab")
loaded = {}
for name in sys.argv[1:]:
    before = {m for m in sys.modules if m.split('.')[0] in watched}
    importlib.import_module(name)
    after = {m for m in sys.modules if m.split('.')[0] in watched}
    loaded[name] = sorted(after - before)
print(json.dumps(loaded))
"""


def probe(*modules: str) -> dict[str, list[str]]:
    """Import ``modules`` in order in one fresh interpreter; what each one loaded of Qt and ReportLab."""
    out = subprocess.run([sys.executable, "-c", PROBE, *modules], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_nothing_outside_ui_loads_qt() -> None:
    qt_free = sorted(
        name
        for _, name, _ in pkgutil.walk_packages(interviewdesk.__path__, "interviewdesk.")
        if not name.startswith("interviewdesk.ui")
        and ".migrations" not in name
        and name != "interviewdesk.__main__"
    )
    expected = {"interviewdesk.cli", "interviewdesk.store.database", "interviewdesk.templates.loader"}
    assert expected <= set(qt_free)
    loaded = probe(*qt_free)
    offenders = {m: found for m, found in loaded.items() if any(not x.startswith("reportlab") for x in found)}
    assert offenders == {}


def test_the_command_line_and_the_store_load_no_reportlab() -> None:
    loaded = probe("interviewdesk.cli", "interviewdesk.store.database", "interviewdesk.services.planning")
    assert all(found == [] for found in loaded.values()), loaded


def test_the_probe_sees_qt() -> None:  # the probe itself works
    assert "PySide6.QtWidgets" in probe("interviewdesk.ui.main_window")["interviewdesk.ui.main_window"]


def test_the_main_window_paints_before_sqlalchemy_or_reportlab_load() -> None:
    # Built, not only imported: the Help menu's dialogs once pulled SQLAlchemy in through ui/dialogs.
    script = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        "from interviewdesk.ui.main_window import MainWindow; window = MainWindow('x.sqlite3'); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'reportlab', 'alembic'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
