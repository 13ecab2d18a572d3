"""The fixtures for tests that need a real PostgreSQL server: a throw-away cluster started in a
temporary folder (as an unprivileged user where we are root, since the server refuses root) and
removed after each module's tests; a migrated database in it; a fresh copy of that per test."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from interviewdesk.services.workspace import Workspace, open_workspace
from interviewdesk.store.database import database_url


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


@pytest.fixture(scope="module")
def seeded_postgres(postgres_url: str) -> str:
    """The module's server database, migrated and holding the built-in templates: each test's
    database is a copy of it."""
    open_workspace(postgres_url).close()
    return postgres_url


@contextmanager
def server_copy(base: str, prefix: str) -> Iterator[Workspace]:
    """A fresh database on the server, copied from ``base`` (a template database), dropped after."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    # The server's maintenance database, through the driver the app uses (database_url picks it).
    admin = create_engine(
        database_url(base.replace("/interviewdesk?", "/postgres?")), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE interviewdesk")
    workspace = open_workspace(base.replace("/interviewdesk?", f"/{name}?"))
    try:
        yield workspace
    finally:
        workspace.close()
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE {name}")
        admin.dispose()
