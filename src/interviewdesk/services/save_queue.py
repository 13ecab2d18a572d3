"""One worker thread that writes a live interview's edits, batch by batch, in order.

The GUI thread never waits on the disk: it hands a batch of plain values to :meth:`SaveQueue.submit`
and goes on. Each batch is one short transaction on the worker's own connection. A batch that
fails for a reason that can pass (a full disk, a locked database, a dropped connection) is kept
and written first with the next one, so nothing typed is dropped; ``on_failed`` says why, once per
failure. A change that can never be written (a broken constraint, a wrong column) is found by
writing the batch again change by change, set aside, and reported through ``on_set_aside``: it
never blocks the edits that come after it. Hooks run on the worker thread; the window only queues
what they report and shows it from the GUI thread.

With an editing lease (services/leases.py) every transaction renews it first: once another window
has taken the interview over, nothing more is written, what was not saved is set aside, and
``on_lease_lost`` says so.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from interviewdesk.services.leases import RENEW_S, Lease, LeaseLostError, release_lease
from interviewdesk.services.live_changes import (
    Change,
    ChangeWriter,
    WriterState,
    describe_change,
    is_transient,
)
from interviewdesk.store.database import Database
from interviewdesk.store.failures import disk_full

log = logging.getLogger(__name__)


def _not_saved_yet(db: Database, error: BaseException) -> str:
    """For the window: what went wrong, and that nothing typed is lost."""
    if disk_full(db.path, error):
        return (
            "The disk is full: what you type is kept here and saved as soon as there is room. "
            "Free some space."
        )
    reason = getattr(error, "orig", None) or error
    return f"Your notes could not be saved yet ({reason}); they are kept and retried."


@dataclass(frozen=True, slots=True)
class SaveReport:
    changes: int
    commit_s: float  # the transaction alone
    waited_s: float  # from submit to the start of the transaction


@dataclass(frozen=True, slots=True)
class SetAside:
    """An edit that can never be written, kept out of the database so later edits are saved."""

    change: Change
    what: str  # the edit, in the interviewer's words
    reason: str

    def message(self) -> str:
        return f"Could not save {self.what}: {self.reason}. It was set aside; copy it if you need it."


class SaveQueue:
    def __init__(
        self,
        db: Database,
        interview_id: int,
        *,
        on_saved: Callable[[SaveReport], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_set_aside: Callable[[SetAside], None] | None = None,
        on_lease_lost: Callable[[str], None] | None = None,
        lease: Lease | None = None,
    ) -> None:
        self._db = db
        self._lease = lease
        self._on_lease_lost = on_lease_lost
        self._renewed = time.monotonic()  # written on the worker thread, read on the GUI thread
        self.lease_lost = False
        self._writer = ChangeWriter(interview_id)
        self._on_saved = on_saved
        self._on_failed = on_failed
        self._on_set_aside = on_set_aside
        self.set_aside: list[SetAside] = []  # appended on the worker thread only
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="interviewdesk-save")
        self._lock = threading.Lock()
        self._retry: list[Change] = []  # touched only on the worker thread
        self._last: Future[bool] | None = None
        self.failing = False

    def submit(self, batch: Sequence[Change]) -> Future[bool]:
        """Queue ``batch``; the future says whether it (and anything failed before it) was written."""
        queued = time.perf_counter()
        with self._lock:
            self._last = self._executor.submit(self._write, list(batch), queued)
            return self._last

    @property
    def last(self) -> Future[bool] | None:
        """The future of the latest batch handed over (None before the first)."""
        with self._lock:
            return self._last

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything submitted so far is written (on close and submit). True when it was."""
        with self._lock:
            last = self._last
        if last is None:
            return not self._retry
        try:
            return last.result(timeout=timeout)
        except TimeoutError:
            return False

    def keep_lease(self) -> None:
        """While nothing is typed, renew the lease often enough that no one may take it over."""
        if self._lease is not None and not self.lease_lost and time.monotonic() - self._renewed >= RENEW_S:
            self.submit([])

    def close(self) -> bool:
        written = self.flush()
        self._executor.shutdown(wait=True)
        if self._lease is not None and self.lease_lost:
            self._lease.forget()
        elif written and self._lease is not None:
            try:
                release_lease(self._db, self._lease)
            except Exception as exc:  # a stale lease is taken back by the next window anyway
                log.warning("could not release the editing lease: %s", exc)
        return written

    def abandon(self) -> None:
        """Stop the worker as a killed process would: batches not yet started are dropped and
        nothing more is written (crash tests and benchmarks; the app itself always closes)."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        if self._lease is not None:
            self._lease.forget()

    def _write(self, batch: list[Change], queued: float) -> bool:
        batch = self._retry + batch
        if self.lease_lost:
            for change in batch:
                self._report_set_aside(change, LeaseLostError("another window took this interview over"))
            return False
        if not batch and self._lease is None:
            return True
        known = self._writer.snapshot()
        started = time.perf_counter()
        try:
            rejected = self._transaction(batch, known)
        except LeaseLostError as exc:
            self._lost(batch, known, exc)
            return False
        except Exception as exc:
            if not is_transient(exc):
                raise  # apply_each lets only transient failures through
            self._writer.restore(known)
            self._retry = batch
            self.failing = True
            reason = getattr(exc, "orig", None) or exc
            log.warning("save failed, will retry: %s", reason)
            if self._on_failed is not None:
                self._on_failed(_not_saved_yet(self._db, exc))
            return False
        self._retry = []
        self.failing = False
        if not batch:
            return True  # the lease renewed, nothing else: no "Saved" to show
        for change, error in rejected:
            self._report_set_aside(change, error)
        if self._on_saved is not None:
            self._on_saved(SaveReport(len(batch), time.perf_counter() - started, started - queued))
        return True

    def _transaction(self, batch: list[Change], known: WriterState) -> list[tuple[Change, Exception]]:
        """Write the batch in one transaction; if some change in it can never be written, write the
        rest change by change and return those left out."""
        try:
            with self._db.begin() as connection:
                self._fence(connection)
                self._writer.apply(connection, batch)
            return []
        except LeaseLostError:
            raise
        except Exception as exc:
            self._writer.restore(known)  # the transaction was rolled back
            if is_transient(exc):
                raise
        with self._db.begin() as connection:
            self._fence(connection)
            return self._writer.apply_each(connection, batch)

    def _lost(self, batch: list[Change], known: WriterState, exc: LeaseLostError) -> None:
        self._writer.restore(known)
        self._retry = []
        self.lease_lost = True
        for change in batch:
            self._report_set_aside(change, exc)
        if self._on_lease_lost is not None:
            self._on_lease_lost(
                "Another window took this interview over, so this one can no longer save: "
                "its edits since the last save are kept on screen to copy."
            )

    def _fence(self, connection: Connection) -> None:
        if self._lease is not None:
            self._lease.renew(connection)
            self._renewed = time.monotonic()

    def _report_set_aside(self, change: Change, exc: Exception) -> None:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:160]
        entry = SetAside(change, describe_change(change), reason)
        # What it was, never what it said: a log file is not the place for a candidate's notes.
        log.error(
            "set aside an edit that cannot be written: %s (%s)", describe_change(change, words=False), reason
        )
        self.set_aside.append(entry)
        if self._on_set_aside is not None:
            self._on_set_aside(entry)
