"""The one handle the window and the command line hold: an open, migrated database with the
built-in role templates in it.

The window and the command line never import the store: they open a workspace here and pass it to
the services, which alone look inside it. ``Workspace`` is the store's ``Database``, named for
what it is to them.
"""

from __future__ import annotations

from pathlib import Path

from interviewdesk.errors import DatabaseRefusedError
from interviewdesk.services.backups import newest_backup_hint
from interviewdesk.services.template_library import ensure_builtin_templates
from interviewdesk.store.database import Database, database_url
from interviewdesk.store.database import open_database as _open_database
from interviewdesk.store.failures import explain

Workspace = Database


def open_workspace(target: str, *, instance: bool = False, read_only: bool = False) -> Workspace:
    """Open (creating or upgrading if needed) the database named by ``target``, with the built-in
    templates in a new one. Refusals are :class:`~interviewdesk.errors.UserError` with one line;
    a file refused as damaged names the newest backup to restore.

    ``instance``: as the one window that writes the file (a second gets
    :class:`~interviewdesk.errors.DatabaseBusyError`); ``read_only``: nothing is written."""
    try:
        db = _open_database(target, instance=instance, read_only=read_only)
    except DatabaseRefusedError as refused:
        hint = newest_backup_hint(target) if refused.damaged else None
        if hint is None:
            raise
        raise DatabaseRefusedError(f"{refused.message} {hint}", damaged=True) from None
    if read_only:
        return db
    try:
        ensure_builtin_templates(db)
    except BaseException:
        db.close()
        raise
    return db


def explain_failure(target: str, error: BaseException) -> str:
    """One line for a database that failed under a command: a full disk is said to be one."""
    try:
        url = database_url(target)
    except Exception:  # the target was refused already; describe the failure without a path
        return explain(None, error)
    path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    return explain(path, error)
