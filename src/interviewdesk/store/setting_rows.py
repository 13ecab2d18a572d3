"""The data's own settings: one text value per key, shared by the window and the command line."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from interviewdesk.store.tables import settings


def get_setting(connection: Connection, key: str) -> str | None:
    value = connection.scalar(select(settings.c.value).where(settings.c.key == key))
    return None if value is None else str(value)


def set_setting(connection: Connection, key: str, value: str | None) -> None:
    """Set ``key`` to ``value``; None removes it (back to the default)."""
    connection.execute(delete(settings).where(settings.c.key == key))
    if value is not None:
        connection.execute(insert(settings).values(key=key, value=value))
