"""Column types shared by the tables."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy import DateTime
from sqlalchemy.engine import CursorResult, Dialect, Row
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend.

    SQLite has no time zones and hands back naive values; this stores UTC and returns aware UTC
    values everywhere, so comparisons never mix naive and aware datetimes.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


if TYPE_CHECKING:  # annotations only: SQLAlchemy 2.1 types a row by its columns, 2.0 differently
    AnyRow: TypeAlias = Row[*tuple[Any, ...]]
    AnyResult: TypeAlias = CursorResult[*tuple[Any, ...]]
else:
    AnyRow, AnyResult = Row, CursorResult


def inserted_id(result: AnyResult) -> int:
    """The primary key a one-row INSERT made."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the insert made no row")
    return int(key[0])


def new_uid() -> str:
    """A fresh global id (a random UUID, as text): the same on every laptop the row travels to."""
    return str(uuid.uuid4())
