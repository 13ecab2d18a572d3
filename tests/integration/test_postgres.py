"""The same code against a real PostgreSQL server: a throw-away cluster started and removed here."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres


def _server_bin() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    bindir = _server_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server binary (initdb, pg_ctl): install Debian's postgresql package")
    # The server refuses to run as root: run it as an unprivileged user where we are root.
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:
        user = next((u for u in ("postgres", "nobody") if _has_user(u)), None)
        if user is None:
            pytest.skip("running as root with no unprivileged user for the server")
        run_as, owner = ["runuser", "-u", user, "--"], pwd.getpwnam(user)
    root = Path(tempfile.mkdtemp(prefix="interviewdesk-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if owner is not None:
        for path in (root, sockets):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    port = _free_port()

    def server_tool(tool: str, *args: str, check: bool = True) -> None:
        subprocess.run([*run_as, str(bindir / tool), *args], check=check, capture_output=True)

    try:
        server_tool("initdb", "-D", str(data), "-U", "panel", "-A", "trust", "-E", "UTF8", "--locale=C")
        options = f"-p {port} -k {sockets} -c listen_addresses=''"
        server_tool("pg_ctl", "-D", str(data), "-w", "-l", str(root / "log"), "-o", options, "start")
        server_tool("createdb", "-h", str(sockets), "-p", str(port), "-U", "panel", "interviewdesk")
        yield f"postgresql://panel@/interviewdesk?host={sockets}&port={port}"
    finally:
        server_tool("pg_ctl", "-D", str(data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(root, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def test_migrations_and_cli_on_postgresql(postgres_url: str, cli) -> None:
    assert "software-engineer" in cli("templates", "list", db=postgres_url).out
    result = cli("candidates", "add", "Ελένη Παπαδοπούλου", "--role", "Software Engineer", db=postgres_url)
    assert result.code == 0, result.err
    candidate = result.out.strip()
    result = cli(
        "interviews",
        "new",
        "--candidate",
        candidate,
        "--template",
        "software-engineer",
        "--interviewer",
        "Priya Raman",
        "--at",
        "2026-12-01T10:00+00:00",
        db=postgres_url,
    )
    assert result.code == 0, result.err
    assert cli("demo", db=postgres_url).code == 0
    rows = json.loads(cli("interviews", "list", "--json", db=postgres_url).out)
    assert any(
        r["candidate"] == "Ελένη Παπαδοπούλου" and r["scheduled_at"] == "2026-12-01T10:00:00+00:00"
        for r in rows
    )
    assert sum(r["candidate"] == "Amara Okafor" for r in rows) == 3
    # Opening again finds the schema current and migrates nothing.
    assert cli("candidates", "list", db=postgres_url).code == 0
    bad = cli("interviews", "new", "--candidate", "999", "--template", "1", db=postgres_url)
    assert bad.code == 2 and "no candidate 999" in bad.err
    assert_sealed_scores_are_refused(postgres_url)
    assert_one_editor_per_interview(postgres_url)
    compared = json.loads(cli("roles", "compare", "software engineer", "--json", db=postgres_url).out)
    assert {c["name"] for c in compared["candidates"]} >= {
        "Amara Okafor",
        "Mateo Rossi",
        "Ελένη Παπαδοπούλου",
    }
    refused = cli("search", "mentoring", db=postgres_url)
    assert refused.code == 2 and "PostgreSQL" in refused.err and refused.err.count("\n") == 1


def assert_sealed_scores_are_refused(url: str) -> None:
    """The server's own triggers refuse a change to a sealed interview's scores (migration 0003)."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from interviewdesk.services.workspace import open_workspace

    db = open_workspace(url)
    try:
        with pytest.raises(IntegrityError, match="sealed"), db.begin() as connection:
            connection.execute(
                text(
                    "UPDATE scores SET level = 1 "
                    "WHERE interview_id IN (SELECT id FROM interviews WHERE sealed_at IS NOT NULL)"
                )
            )
    finally:
        db.close()


def assert_one_editor_per_interview(url: str) -> None:
    """The editing lease on a server: a second editor (another connection) is refused."""
    from interviewdesk.services.leases import LeaseHeldError, acquire_lease, release_lease
    from interviewdesk.services.workspace import open_workspace

    first, second = open_workspace(url), open_workspace(url)
    try:
        lease = acquire_lease(first, 1)
        with pytest.raises(LeaseHeldError, match="active now"):
            acquire_lease(second, 1)
        release_lease(first, lease)
        release_lease(second, acquire_lease(second, 1))
    finally:
        first.close()
        second.close()
