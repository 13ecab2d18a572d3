"""One window writes a database file: a second is told which process has it and may open it
read-only; a command run meanwhile works and does not take the live log for a leftover one."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from interviewdesk.errors import DatabaseBusyError
from interviewdesk.services.planning import list_candidates
from interviewdesk.services.workspace import open_workspace


@contextmanager
def another_window(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database as its window would, with changes still in its log."""
    script = textwrap.dedent(f"""
        import sys
        from interviewdesk.services.planning import add_candidate
        from interviewdesk.services.workspace import open_workspace
        db = open_workspace({str(db_path)!r}, instance=True)
        with db.engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
        add_candidate(db, "Written by the other window")
        print("open", flush=True)
        sys.stdin.read()
    """)
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "open"
        yield process
    finally:
        if process.poll() is None:
            assert process.stdin is not None
            process.stdin.close()
        process.wait(10)


def test_a_second_window_is_told_who_has_the_database_and_may_read_it(db_path: Path) -> None:
    open_workspace(str(db_path)).close()
    with another_window(db_path) as other:
        with pytest.raises(DatabaseBusyError) as busy:
            open_workspace(str(db_path), instance=True)
        assert f"process {other.pid} on this computer" in busy.value.message
        assert "open this one read-only" in busy.value.message
        reader = open_workspace(str(db_path), read_only=True)
        try:
            assert [c.name for c in list_candidates(reader)] == ["Written by the other window"]
            with pytest.raises(OperationalError, match="readonly"), reader.begin() as connection:
                connection.execute(text("DELETE FROM candidates"))
        finally:
            reader.close()


def test_the_lock_goes_with_a_killed_window(db_path: Path) -> None:
    open_workspace(str(db_path)).close()
    with another_window(db_path) as other:
        other.send_signal(signal.SIGKILL)
        other.wait(10)
        window = open_workspace(str(db_path), instance=True)  # no stale lock to clear by hand
        assert [c.name for c in list_candidates(window)] == ["Written by the other window"]
        window.close()


def test_two_windows_in_one_process_are_refused_too(db_path: Path) -> None:
    first = open_workspace(str(db_path), instance=True)
    with pytest.raises(DatabaseBusyError):
        open_workspace(str(db_path), instance=True)
    first.close()
    open_workspace(str(db_path), instance=True).close()


def test_a_command_beside_a_window_leaves_its_live_log_alone(cli, db_path: Path) -> None:
    """Before, any command found the window's non-empty log, took it for a crash's and copied the
    database and the log aside (slow, and a false alarm when a commit was under way)."""
    open_workspace(str(db_path)).close()
    with another_window(db_path):
        assert Path(f"{db_path}-wal").stat().st_size > 0
        result = cli("candidates", "list")
        assert result.code == 0 and "Written by the other window" in result.out
        beside = open_workspace(str(db_path))
        assert not beside.unclean  # no copy aside, no full check: the log is the window's, live
        beside.close()
    assert not list(db_path.parent.glob("*unclean-exit*"))


def test_opening_an_interview_beside_a_window_says_where_to_open_it(cli, db_path: Path) -> None:
    open_workspace(str(db_path)).close()
    with another_window(db_path) as other:
        result = cli("open", "1")
    assert result.code == 2 and f"process {other.pid}" in result.err
    assert "open interview 1 from there" in result.err
