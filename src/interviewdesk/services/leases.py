"""One live editor per interview, on one laptop or across a server: the editing lease.

A live window holds the lease of its interview while it is open. Every save renews it in the same
transaction as the edits, and a save whose lease was taken over writes nothing (the lease is a
fencing token, so two windows can never interleave their writes). A window renews it at least
every ``RENEW_S`` seconds while idle. A lease left by a process that is gone from this machine is
taken back at once (resuming after a crash needs no question); one not renewed for ``STALE_S``
seconds can be taken over, but only when the user says so, because its window may still be open
on a machine we cannot see.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Connection

from interviewdesk.domain.clock import utc_now
from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.store import lease_rows
from interviewdesk.store.catalog import interview_exists
from interviewdesk.store.database import Database

RENEW_S = 20.0
STALE_S = 90.0

# The leases this process holds: one recorded for this process but not here belonged to a window
# that is gone (dropped without closing), which is as certain as a process that has ended.
_held_here: set[str] = set()


def this_host() -> str:
    return socket.gethostname()[:255] or "this computer"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


@dataclass(frozen=True, slots=True)
class LeaseHolder:
    host: str
    pid: int
    renewed_at: datetime
    token: str

    @property
    def here(self) -> bool:
        return self.host == this_host()

    def gone(self) -> bool:
        """Certainly not editing any more: its process has ended on this machine, or it was this
        process's and no window here holds it."""
        if not self.here:
            return False
        if self.pid == os.getpid():
            return self.token not in _held_here
        return not _process_alive(self.pid)

    def stale(self, now: datetime) -> bool:
        return self.gone() or (now - self.renewed_at).total_seconds() > STALE_S

    def describe(self, now: datetime) -> str:
        where = "on this computer" if self.here else f"on {self.host}"
        if self.here and self.pid == os.getpid():
            who = "another window of this InterviewDesk"
        else:
            who = f"InterviewDesk (process {self.pid}) {where}"
        quiet = int((now - self.renewed_at).total_seconds())
        when = self.renewed_at.astimezone().strftime("%H:%M")
        if quiet < 2 * RENEW_S:
            return f"{who}, active now"
        return f"{who}, last active at {when} ({_ago(quiet)} ago)"


def _ago(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"


class LeaseHeldError(UserError):
    """The interview is open for editing elsewhere. ``stale`` when it may be taken over."""

    def __init__(self, interview_id: int, holder: LeaseHolder, now: datetime) -> None:
        self.interview_id, self.holder = interview_id, holder
        self.stale = holder.stale(now)
        who = holder.describe(now)
        if self.stale:
            message = (
                f"Interview {interview_id} is still marked as being edited by {who}; that window may have "
                "closed without saying so. Take it over only if nobody is typing into it: what that "
                "window saves afterwards will be refused."
            )
        else:
            message = (
                f"Interview {interview_id} is open for editing in {who}. Close it there first: only one "
                "window at a time may write an interview, so no note is overwritten."
            )
        super().__init__(message)


class LeaseLostError(Exception):
    """A save found that another window took the lease over: nothing of it was written."""


@dataclass(slots=True)
class Lease:
    """This window's lease of one interview."""

    interview_id: int
    token: str
    now: Callable[[], datetime] = utc_now

    def renew(self, connection: Connection) -> None:
        """Inside a save's transaction: renew, or raise :class:`LeaseLostError` (the caller rolls back)."""
        if not lease_rows.renew(connection, self.interview_id, self.token, self.now()):
            raise LeaseLostError(f"interview {self.interview_id} was taken over by another window")

    def forget(self) -> None:
        """This process no longer holds it (the window closed, or stopped as a killed app would)."""
        _held_here.discard(self.token)


def acquire_lease(
    db: Database,
    interview_id: int,
    *,
    take_over: bool = False,
    now: Callable[[], datetime] = utc_now,
) -> Lease:
    """Take the editing lease of an interview, or raise :class:`LeaseHeldError` saying who has it.

    ``take_over`` replaces a stale lease (the user said so); a fresh one is never taken over.
    """
    token = secrets.token_hex(16)
    with db.begin() as connection:
        if not interview_exists(connection, interview_id):
            raise NotFoundError(f"there is no interview {interview_id}.")
        replacing = None
        holder = holder_in(connection, interview_id)
        if holder is not None:
            moment = now()
            if not (holder.gone() or (take_over and holder.stale(moment))):
                raise LeaseHeldError(interview_id, holder, moment)
            replacing = holder.token
        claimed = lease_rows.claim(
            connection,
            interview_id,
            holder=token,
            host=this_host(),
            pid=os.getpid(),
            now=now(),
            replacing=replacing,
        )
    if not claimed:  # another window won the race between our read and our write: say who
        return acquire_lease(db, interview_id, take_over=False, now=now)
    _held_here.add(token)
    return Lease(interview_id, token, now)


def release_lease(db: Database, lease: Lease) -> None:
    """Give the lease back (the window closed with everything written)."""
    lease.forget()
    with db.begin() as connection:
        lease_rows.release(connection, lease.interview_id, lease.token)


def holder_in(connection: Connection, interview_id: int) -> LeaseHolder | None:
    """Who holds an interview's lease, read inside the caller's transaction (None: nobody)."""
    row = lease_rows.lease_of(connection, interview_id)
    return None if row is None else LeaseHolder(row.host, row.pid, row.renewed_at, row.holder)


def lease_holder(db: Database, interview_id: int) -> LeaseHolder | None:
    """Who is editing an interview now (None: nobody, or a process that is gone)."""
    with db.begin() as connection:
        holder = holder_in(connection, interview_id)
    return None if holder is None or holder.gone() else holder
