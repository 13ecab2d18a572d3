"""Hundreds of row ids in one query: one JSON array parameter on SQLite (which binds each
parameter separately and allows only so many), a bound list elsewhere."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.engine import Connection


def among(connection: Connection, column: Any, ids: Sequence[int]) -> Any:
    """``column IN ids`` as the connection's database takes it best."""
    if connection.dialect.name == "sqlite":
        return column.in_(select(literal_column("value")).select_from(func.json_each(json.dumps(list(ids)))))
    return column.in_(list(ids))
