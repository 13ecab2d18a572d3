"""Opening a database: choosing the URL, refusing what we must not touch, migrating, and pragmas.

The default is one SQLite file with WAL, foreign keys on and ``synchronous=FULL`` (every committed
edit survives a crash or power loss), created readable by its owner alone. A PostgreSQL URL uses
the same code.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from interviewdesk.config import default_db_path
from interviewdesk.errors import DatabaseBusyError, DatabaseRefusedError, UserError
from interviewdesk.store.backups import BackupError, make_backup
from interviewdesk.store.inspect import FileState, inspect_sqlite_file
from interviewdesk.store.locks import InstanceLock, InUseLock
from interviewdesk.store.schema import SCHEMA_HEAD, SCHEMA_REVISIONS
from interviewdesk.store.search_index import ensure_current, register_fold
from interviewdesk.store.wal import check_wal, page_size_of, set_aside, wal_path

BUSY_TIMEOUT_MS = 5000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA secure_delete = ON",
)


def database_url(target: str) -> URL:
    """Interpret ``--db``: an SQLAlchemy URL (sqlite, postgresql) or a path to an SQLite file."""
    if "://" not in target:
        try:
            resolved = Path(target).expanduser().resolve()
        except (OSError, RuntimeError) as exc:  # a symbolic link loop, a name too long
            raise UserError(
                f"{target}: not a usable path ({getattr(exc, 'strerror', None) or exc})."
            ) from None
        return URL.create("sqlite", database=str(resolved))
    try:
        url = make_url(target)
    except ArgumentError:
        raise UserError(f"{target!r} is not a database URL or file path.") from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg") if url.drivername == "postgresql" else url
    if backend == "sqlite":
        return url
    raise UserError(
        f"{url.render_as_string(hide_password=True)}: InterviewDesk works with SQLite or PostgreSQL."
    )


@dataclass
class Database:
    """An open, migrated database: an engine, used through short Core transactions (``begin``)."""

    engine: Engine
    url: URL
    created: bool
    notices: tuple[str, ...] = ()  # what the user must be told about opening it (a damaged WAL)
    read_only: bool = False
    unclean: bool = False  # a WAL left by an unclean exit was found: worth a full integrity check
    unchecked: bool = False  # too large to check every page at open: check it in the background
    locks: list[InUseLock | InstanceLock] = field(default_factory=list)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A Core connection in one transaction: committed when the block ends, rolled back if it raises."""
        with self.engine.begin() as connection:
            yield connection

    def describe(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()
        for lock in self.locks:
            lock.release()
        self.locks.clear()


def open_database(target: str, *, instance: bool = False, read_only: bool = False) -> Database:
    """Open (creating or upgrading if needed) the database named by ``target``.

    ``instance``: as the one window that writes this file (the window; a second is refused with
    :class:`DatabaseBusyError` saying who has it). ``read_only``: nothing is created, upgraded or
    written (the database refuses every change).

    Raises :class:`DatabaseRefusedError` before writing anything for a file that is not SQLite, is
    damaged, or was written by a newer release; :class:`UserError` for a server we cannot reach.
    """
    url = database_url(target)
    if url.get_backend_name() == "sqlite":
        return _open_sqlite(url, instance=instance, read_only=read_only)
    return _open_server(url, read_only=read_only)


def _open_sqlite(url: URL, *, instance: bool, read_only: bool) -> Database:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        engine = _sqlite_engine(url, read_only=False)
        _migrate(engine, FileState(is_empty=True, revision=None))
        return Database(engine, url, created=True)
    path = Path(database)
    locks: list[InUseLock | InstanceLock] = []
    try:
        if instance and not read_only:
            locks.append(_instance_lock(path))
        return _open_sqlite_file(url, path, locks, read_only=read_only)
    except BaseException:
        for lock in locks:
            lock.release()
        raise


def _ensure_folder(path: Path) -> None:
    """The default data folder is made on first use; any other folder must exist already (a
    mistyped ``--db`` must not quietly make folders and an empty database)."""
    if path.parent.is_dir():
        return
    if path != default_db_path().resolve():
        raise UserError(
            f"the folder {path.parent} does not exist; check the path, or create the folder first. "
            "Nothing was created."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise UserError(f"cannot create the folder {path.parent}: {exc.strerror}.") from None


def _instance_lock(path: Path) -> InstanceLock:
    _ensure_folder(path)
    lock = InstanceLock(path)
    if lock.holder is not None:
        raise DatabaseBusyError(
            f"{path.name} is open in another InterviewDesk window ({lock.holder.describe()}). Switch to "
            "that window, or open this one read-only.",
            holder=lock.holder.describe(),
        )
    return lock


def _open_sqlite_file(
    url: URL, path: Path, locks: list[InUseLock | InstanceLock], *, read_only: bool
) -> Database:
    created = False
    if path.exists():
        state = inspect_sqlite_file(path)
    elif read_only:
        raise UserError(f"{path} does not exist.")
    else:
        _ensure_folder(path)
        _create_private_file(path)
        state, created = FileState(is_empty=True, revision=None), True
    _refuse_unknown_revision(state.revision, str(path))
    if read_only and state.revision != SCHEMA_HEAD:
        raise _needs_upgrade(path.name)
    in_use = InUseLock(path)
    locks.append(in_use)
    if not read_only:
        _make_private(path)  # whatever file was there (an empty one made by hand, say): the owner's alone
    # Only a process alone with the file may call its write-ahead log a leftover: another's is live.
    notices, copies = _leftover_wal(path) if in_use.alone else ([], [])
    engine = _sqlite_engine(url, read_only=read_only)
    if not read_only:
        if state.revision != SCHEMA_HEAD and not state.is_empty:
            _backup_before_migration(path)
        _migrate(engine, state)
    in_use.share()
    if not notices:
        for copy in copies:  # every change in the log was applied: the copy is not needed
            copy.unlink(missing_ok=True)
    return Database(
        engine,
        url,
        created=created or state.is_empty,
        notices=tuple(notices),
        read_only=read_only,
        unclean=bool(copies),
        unchecked=not state.pages_checked,
        locks=locks,
    )


def _leftover_wal(path: Path) -> tuple[list[str], list[Path]]:
    """A WAL left by an unclean exit: copied aside with the database before SQLite replays it;
    a notice when some of its frames cannot be applied (the copy is then kept)."""
    wal = wal_path(path)
    try:
        if not wal.is_file() or wal.stat().st_size == 0:
            return [], []
        check = check_wal(wal.read_bytes(), page_size_of(path))
        copies = set_aside(path)
    except OSError:
        return [], []  # nothing to compare with or no room for a copy: open as SQLite would
    if check.complete:
        return [], copies
    lost = check.frames - check.applied
    return [
        f"{path.name} was not closed cleanly, and {lost} of the {check.frames} pages in its write-ahead "
        f"log are damaged, so the changes in them cannot be applied. A copy of the database and its "
        f"log as they were is kept beside it ({copies[0].name}); nothing was deleted."
    ], copies


def _open_server(url: URL, *, read_only: bool) -> Database:
    shown = url.render_as_string(hide_password=True)
    try:
        # hide_parameters: an error message (which may reach the log) never carries what was typed.
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
        with engine.connect() as connection:
            revision = _server_revision(connection)
    except NoSuchModuleError:
        raise UserError(
            f"{shown}: no driver installed; install InterviewDesk with its 'postgres' extra."
        ) from None
    except ModuleNotFoundError as exc:
        raise UserError(
            f"{shown}: the driver {exc.name!r} is not installed (the 'postgres' extra)."
        ) from None
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "no answer"
        raise UserError(f"cannot connect to {shown}: {reason}") from None
    _refuse_unknown_revision(revision, shown)
    state = FileState(is_empty=revision is None, revision=revision)
    if read_only:
        if revision != SCHEMA_HEAD:
            raise DatabaseRefusedError(
                f"{shown} must be upgraded before it can be read; it was left unchanged."
            )
        engine = engine.execution_options(postgresql_readonly=True)
    else:
        _migrate(engine, state)
    return Database(engine, url, created=state.is_empty, read_only=read_only)


def _server_revision(connection: Connection) -> str | None:
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        if tables & {"interviews", "candidates", "template_versions"}:
            raise DatabaseRefusedError(
                "that database holds tables of another program; it was left unchanged."
            )
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _needs_upgrade(where: str) -> DatabaseRefusedError:
    return DatabaseRefusedError(
        f"{where} must be upgraded before it can be read read-only; open it normally once. "
        "It was left unchanged."
    )


def _refuse_unknown_revision(revision: str | None, where: str) -> None:
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise DatabaseRefusedError(
            f"{where} was written by a newer version of InterviewDesk (schema {revision}); "
            "update InterviewDesk to open it. It was left unchanged."
        )


def _backup_before_migration(path: Path) -> None:
    try:
        make_backup(path, f"before-{SCHEMA_HEAD}")
    except BackupError as exc:
        raise UserError(f"{path.name} was not upgraded, because {exc}. It was left unchanged.") from None


def _migrate(engine: Engine, state: FileState) -> None:
    if state.revision != SCHEMA_HEAD:
        from interviewdesk.store.migrate import upgrade_to_head

        with engine.begin() as connection:
            upgrade_to_head(connection)
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            ensure_current(connection)  # one SELECT, unless the folding changed


def _sqlite_engine(url: URL, *, read_only: bool) -> Engine:
    engine = create_engine(url, hide_parameters=True)  # no typed text in error messages or logs
    pragmas = SQLITE_PRAGMAS + (("PRAGMA query_only = ON",) if read_only else ())
    event.listen(engine, "connect", partial(_apply_sqlite_pragmas, pragmas))
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _begin_sqlite(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _apply_sqlite_pragmas(pragmas: tuple[str, ...], dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling would defer BEGIN; let SQLAlchemy emit it.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in pragmas:
        cursor.execute(pragma)
    cursor.close()
    register_fold(dbapi_connection)


def _create_private_file(path: Path) -> None:
    """Create an empty database file readable by its owner alone (WAL and SHM files inherit this)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise UserError(f"cannot create the database {path}: {exc.strerror}.") from None
    os.close(fd)


def _make_private(path: Path) -> None:
    """Interview notes are personal data: the database and its WAL and SHM files are the owner's alone."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.is_file() and file.stat().st_mode & 0o077:
                file.chmod(0o600)
        except OSError:
            continue  # not ours to change (read-only media, another owner): it still opens
