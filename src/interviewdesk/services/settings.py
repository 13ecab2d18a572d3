"""Settings that belong to the data rather than to one laptop: the organisation's name.

They live in the database (table ``settings``), so the window, the command line and every
exported letter agree. The retention period is one too, kept with erasure.
"""

from __future__ import annotations

import unicodedata

from interviewdesk.errors import UserError
from interviewdesk.store import setting_rows
from interviewdesk.store.database import Database

ORGANISATION_KEY = "organisation"
MAX_ORGANISATION = 120


def organisation(db: Database) -> str | None:
    """The organisation's name, as it signs feedback letters; None until someone sets it."""
    with db.begin() as connection:
        return setting_rows.get_setting(connection, ORGANISATION_KEY)


def set_organisation(db: Database, name: str | None) -> str | None:
    """Set (or with None or blank, clear) the organisation's name; returns what was stored."""
    cleaned = clean_organisation(name)
    with db.begin() as connection:
        setting_rows.set_setting(connection, ORGANISATION_KEY, cleaned)
    return cleaned


def clean_organisation(name: str | None) -> str | None:
    """One line of at most 120 characters; line breaks and tabs become spaces."""
    if name is None:
        return None
    text = " ".join(name.split())
    if not text:
        return None
    if any(unicodedata.category(char) == "Cc" for char in text):
        raise UserError("the organisation's name may not contain control characters.")
    if len(text) > MAX_ORGANISATION:
        raise UserError(
            f"the organisation's name is {len(text)} characters long; the limit is {MAX_ORGANISATION}."
        )
    return text
