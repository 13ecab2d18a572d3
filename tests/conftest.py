"""Every test runs with its own data, config and database folders, and Qt renders offscreen."""

from __future__ import annotations

import os
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


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_workspace(str(db_path))
    yield database
    database.close()


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
