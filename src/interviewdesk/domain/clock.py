"""Clocks: the monotonic one the timer reads (tests inject a manual one), and the wall clock that
stamps when things happened, always in UTC."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (NTP, time zones and DST do not move it)."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock that moves only when told to: for tests and benchmarks."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def utc_now() -> datetime:
    """The wall-clock time, timezone-aware, in UTC."""
    return datetime.now(UTC)
