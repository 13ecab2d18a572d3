"""Where data lives and which database to open.

The database URL is a parameter all the way down (``--db``, then ``INTERVIEWDESK_DB``); the
platformdirs data folder is only its default, so tests and scripts never touch a user's data.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "InterviewDesk"
DB_ENV = "INTERVIEWDESK_DB"
DEFAULT_DB_NAME = "interviewdesk.sqlite3"


def data_dir() -> Path:
    """The user's data folder, e.g. ``~/.local/share/InterviewDesk`` on Linux."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def resolve_db_target(cli_value: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The database to use: ``--db`` wins over the environment, which wins over the default file.

    The value is a file path or an SQLAlchemy URL; it is returned as given and interpreted by
    :func:`interviewdesk.store.database.database_url`.
    """
    env = os.environ if environ is None else environ
    if cli_value:
        return cli_value
    if env.get(DB_ENV):
        return env[DB_ENV]
    return str(default_db_path())
