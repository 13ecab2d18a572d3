"""The one way work leaves the GUI thread and its results come back: saves, exports and any future
background job.

A worker is a plain Python thread (the save queue's, or this bridge's small pool). It never makes a
Qt call: it only puts a callable in a thread-safe inbox, and the GUI thread runs what is there
every few milliseconds. Results are plain values; no ORM object or database row crosses over.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from queue import SimpleQueue
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer

T = TypeVar("T")
INBOX_MS = 20  # how often the GUI thread looks at what the workers sent back


class Bridge(QObject):
    def __init__(self, parent: QObject, *, name: str = "interviewdesk-job", workers: int = 1) -> None:
        super().__init__(parent)
        self._inbox: SimpleQueue[Callable[[], None]] = SimpleQueue()
        self._name, self._workers = name, workers
        self._pool: ThreadPoolExecutor | None = None  # started with the first job
        self._timer = QTimer(self, interval=INBOX_MS)
        self._timer.timeout.connect(self.deliver)
        self._timer.start()

    def post(self, call: Callable[[], None]) -> None:
        """From any thread: run ``call`` on the GUI thread soon."""
        self._inbox.put(call)

    def run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
    ) -> Future[T]:
        """Run ``work`` on a worker thread; ``done(result)`` or ``failed(error)`` on the GUI thread."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix=self._name)
        future = self._pool.submit(work)
        future.add_done_callback(lambda f: self.post(partial(_settle, f, done, failed)))
        return future

    def when_done(self, future: Future[T], then: Callable[[Future[T]], None]) -> None:
        """``then(future)`` on the GUI thread once ``future`` (of any worker) is done."""
        future.add_done_callback(lambda f: self.post(partial(then, f)))

    def deliver(self) -> None:
        """Run, on the GUI thread, what the workers sent back since the last look."""
        while not self._inbox.empty():
            self._inbox.get()()

    def close(self) -> None:
        """Finish the jobs under way, deliver their results, and stop."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        self.deliver()
        self._timer.stop()


def _settle(future: Future[T], done: Callable[[T], None], failed: Callable[[BaseException], None]) -> None:
    error = future.exception()
    if error is not None:
        failed(error)
    else:
        done(future.result())
