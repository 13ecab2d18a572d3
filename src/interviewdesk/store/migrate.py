"""Running the Alembic migrations that live in this package."""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from alembic.config import Config


def _config(connection: Connection | None = None) -> Config:  # Alembic is imported when needed
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("interviewdesk.store").joinpath("migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_to_head(connection: Connection) -> None:
    from alembic import command

    command.upgrade(_config(connection), "head")


def script_revisions() -> list[str]:
    """Every revision in the migration scripts, oldest first (for tests and diagnostics)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
