"""Every test runs with its own data, config and database folders, and Qt renders offscreen."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from interviewdesk.cli import main
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.database import Database


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs and QSettings follow the XDG folders: point them at a fresh temporary home."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("INTERVIEWDESK_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "interviews.sqlite3"


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated and holding the built-in templates, made once for the whole run:
    parsing the four YAML templates was most of what each test's fresh database cost."""
    path = tmp_path_factory.mktemp("seed") / "seeded.sqlite3"
    open_workspace(str(path)).close()  # the last connection closed: the WAL is checkpointed away
    return path


@pytest.fixture
def db(db_path: Path, seeded_database: Path) -> Iterator[Database]:
    """A fresh database per test: a private copy of the seeded one."""
    shutil.copyfile(seeded_database, db_path)
    db_path.chmod(0o600)
    database = open_workspace(str(db_path))
    yield database
    database.close()


@pytest.fixture(autouse=True)
def nothing_left_running() -> Iterator[None]:
    """After each test (and after pytest-qt closed its windows): no save thread and no background
    job of the app is still alive, as novelWriter's tests check that no window is left behind."""
    before = set(threading.enumerate())
    yield
    left = [t.name for t in threading.enumerate() if t not in before and t.name.startswith("interviewdesk-")]
    assert left == [], f"threads of the app left running: {left}"
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        pool = QThreadPool.globalInstance()
        assert pool.waitForDone(10_000), "a background job is still running"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]):
    """Run the command line in process against the test's database."""

    def run(*args: str, db: Path | str | None = None) -> CliResult:
        capsys.readouterr()
        try:
            code = main(["--db", str(db or db_path), *args])
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
