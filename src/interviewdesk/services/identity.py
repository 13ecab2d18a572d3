"""Who uses this installation ("me"), whether they coordinate panels, and the device id.

They are kept with the data (table ``settings``): the database is this installation's record, and
its backups restore it whole. "Me" is an interviewer row; interviews whose interviewer is me are
mine, the others came from someone else's laptop (or were typed here for them).
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from interviewdesk.errors import UserError
from interviewdesk.store import setting_rows
from interviewdesk.store.catalog import interviewer_id
from interviewdesk.store.database import Database
from interviewdesk.store.tables import interviewers

DEVICE_KEY = "identity.device"
ME_KEY = "identity.me"
COORDINATOR_KEY = "identity.coordinator"
ASKED_KEY = "identity.asked"  # the window asked once and was told "not now"
MAX_NAME = 200
MAX_EMAIL = 320


@dataclass(frozen=True, slots=True)
class Me:
    interviewer_id: int
    uid: str
    name: str
    email: str
    coordinator: bool


def device_id(connection: Connection) -> str:
    """This installation's id (made by the migration; made here for a database that lost it)."""
    found = setting_rows.get_setting(connection, DEVICE_KEY)
    if found is None:
        found = str(uuid.uuid4())
        setting_rows.set_setting(connection, DEVICE_KEY, found)
    return found


def me(db: Database) -> Me | None:
    """The interviewer who uses this installation; None until they said who they are."""
    with db.begin() as connection:
        return current_me(connection)


def current_me(connection: Connection) -> Me | None:
    uid = setting_rows.get_setting(connection, ME_KEY)
    if uid is None:
        return None
    row = connection.execute(
        select(interviewers.c.id, interviewers.c.uid, interviewers.c.name, interviewers.c.email).where(
            interviewers.c.uid == uid
        )
    ).first()
    if row is None:  # the row went (an erasure cannot take it; a hand edit can): ask again
        return None
    coordinator = setting_rows.get_setting(connection, COORDINATOR_KEY) == "1"
    return Me(row.id, row.uid, row.name, row.email, coordinator)


def set_me(db: Database, name: str, email: str | None = None, *, coordinator: bool | None = None) -> Me:
    """Say who uses this installation. A new name renames my interviewer row (my interviews keep
    their author) unless another interviewer already has it, which is refused; ``None`` keeps the
    email or the coordinator mark as they were."""
    cleaned = _clean(name, "name", MAX_NAME)
    if not cleaned:
        raise UserError("a name is needed: it is how your interviews are signed on other laptops.")
    with db.begin() as connection:
        mine = current_me(connection)
        taken = connection.scalar(select(interviewers.c.id).where(interviewers.c.name == cleaned))
        if mine is None:
            row_id = interviewer_id(connection, cleaned)
        elif taken is not None and taken != mine.interviewer_id:
            raise UserError(
                f"another interviewer is already called {cleaned!r} here; choose a name that tells "
                "you apart (for example with your surname's initial)."
            )
        else:
            row_id = mine.interviewer_id
            connection.execute(update(interviewers).where(interviewers.c.id == row_id).values(name=cleaned))
        if email is not None:
            clean_email = _clean(email, "email", MAX_EMAIL)
            if clean_email and ("@" not in clean_email or " " in clean_email):
                raise UserError(f"{clean_email!r} is not an email address; leave it empty to give none.")
            connection.execute(
                update(interviewers).where(interviewers.c.id == row_id).values(email=clean_email)
            )
        uid = connection.scalar(select(interviewers.c.uid).where(interviewers.c.id == row_id))
        setting_rows.set_setting(connection, ME_KEY, str(uid))
        if coordinator is not None:
            setting_rows.set_setting(connection, COORDINATOR_KEY, "1" if coordinator else None)
        device_id(connection)
        found = current_me(connection)
    assert found is not None  # just written in this transaction
    return found


def _clean(text: str, what: str, limit: int) -> str:
    cleaned = " ".join(text.split())
    if any(unicodedata.category(char) == "Cc" for char in cleaned):
        raise UserError(f"the {what} may not contain control characters.")
    if len(cleaned) > limit:
        raise UserError(f"the {what} is {len(cleaned)} characters long; the limit is {limit}.")
    return cleaned


def should_ask(db: Database) -> bool:
    """Whether the window should ask who uses this installation: nobody said yet, and the question
    was not put aside ("not now" is remembered: it is asked once)."""
    with db.begin() as connection:
        return current_me(connection) is None and setting_rows.get_setting(connection, ASKED_KEY) is None


def put_question_aside(db: Database) -> None:
    with db.begin() as connection:
        setting_rows.set_setting(connection, ASKED_KEY, "1")
