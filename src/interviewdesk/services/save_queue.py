"""One worker thread that writes a live interview's edits, batch by batch, in order.

The GUI thread never waits on the disk: it hands a batch of plain values to :meth:`SaveQueue.submit`
and goes on. Each batch is one short transaction on the worker's own connection. A batch that
fails (a full disk, a locked database) is kept and written first with the next one, so nothing
typed is dropped; ``on_failed`` says why, once per failure. Hooks run on the worker thread: a GUI
re-emits them as signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from interviewdesk.services.live_changes import Change, ChangeWriter
from interviewdesk.store.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SaveReport:
    changes: int
    commit_s: float  # the transaction alone
    waited_s: float  # from submit to the start of the transaction


class SaveQueue:
    def __init__(
        self,
        db: Database,
        interview_id: int,
        *,
        on_saved: Callable[[SaveReport], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
    ) -> None:
        self._db = db
        self._writer = ChangeWriter(interview_id)
        self._on_saved = on_saved
        self._on_failed = on_failed
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

    def close(self) -> bool:
        written = self.flush()
        self._executor.shutdown(wait=True)
        return written

    def _write(self, batch: list[Change], queued: float) -> bool:
        batch = self._retry + batch
        if not batch:
            return True
        known = self._writer.snapshot()
        started = time.perf_counter()
        try:
            with self._db.begin() as connection:
                self._writer.apply(connection, batch)
        except (SQLAlchemyError, OSError) as exc:
            self._writer.restore(known)  # the transaction was rolled back
            self._retry = batch
            self.failing = True
            reason = getattr(exc, "orig", None) or exc
            log.warning("save failed, will retry: %s", reason)
            if self._on_failed is not None:
                self._on_failed(f"Your notes could not be saved yet ({reason}); they are kept and retried.")
            return False
        self._retry = []
        self.failing = False
        if self._on_saved is not None:
            self._on_saved(SaveReport(len(batch), time.perf_counter() - started, started - queued))
        return True
