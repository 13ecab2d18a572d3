"""When to save while the interviewer types: after a short pause, and never later than a cap.

A debounce alone would never save during non-stop typing; a cap alone would save in the middle of
every word. Both read an injected clock, so tests drive them without waiting.
"""

from __future__ import annotations

from interviewdesk.domain.clock import Clock

IDLE_S = 0.4  # save this long after the last keystroke...
# ...and never later than this after the first unsaved one. 1 s is the promise; on a busy machine
# the GUI thread's timer fired up to 87 ms late and a commit took up to 92 ms (bench/live_typing.py
# --real-time), so at 0.9 s the worst keystroke was committed after 1.14 s. At 0.6 s: 0.8 s.
CAP_S = 0.6


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
