"""When to save while the interviewer types: after a short pause, and never later than a cap.

A debounce alone would never save during non-stop typing; a cap alone would save in the middle of
every word. Both read an injected clock, so tests drive them without waiting.
"""

from __future__ import annotations

from interviewdesk.domain.clock import Clock

IDLE_S = 0.4  # save this long after the last keystroke...
# ...and never later than this after the first unsaved one: 1 s is the promise, and the commit
# itself takes a few milliseconds (bench/kill_typing.py found edits 1.0-1.1 s old lost at 1.0).
CAP_S = 0.9


class SaveScheduler:
    def __init__(self, clock: Clock, *, idle_s: float = IDLE_S, cap_s: float = CAP_S) -> None:
        self._clock = clock
        self.idle_s = idle_s
        self.cap_s = cap_s
        self._first: float | None = None
        self._last: float | None = None

    @property
    def dirty(self) -> bool:
        return self._first is not None

    def edited(self) -> None:
        now = self._clock.monotonic()
        if self._first is None:
            self._first = now
        self._last = now

    def due(self) -> bool:
        return self.seconds_until_due() == 0.0

    def seconds_until_due(self) -> float | None:
        """None when nothing waits to be saved; 0.0 when a save is due now."""
        if self._first is None or self._last is None:
            return None
        now = self._clock.monotonic()
        deadline = min(self._last + self.idle_s, self._first + self.cap_s)
        return max(0.0, deadline - now)

    def saved(self) -> None:
        self._first = self._last = None
