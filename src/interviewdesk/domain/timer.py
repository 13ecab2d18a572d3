"""The interview timer: state derived from events, time read from an injected clock.

Nothing here counts ticks. Every start, pause, resume, section change and end is an event with its
offset in seconds since the start (monotonic time, pauses included); elapsed time, time per section
and pacing are derived from the events and the clock's current reading, so they cannot drift.
An interview reopened after a crash resumes from its last recorded offset in the state it was in:
the time the app was closed is not counted, so the derived durations and the live view agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interviewdesk.domain.clock import Clock
from interviewdesk.domain.vocabulary import TimerEventKind

# A section with less running time than this was passed through, not held: it is neither ahead
# of plan nor behind it, and the report flags it as skipped.
SKIPPED_BELOW_S = 30.0


@dataclass(frozen=True, slots=True)
class TimerEventData:
    kind: TimerEventKind
    offset_s: float
    section_index: int | None = None


class TimerStateError(ValueError):
    """An action that does not fit the timer's state (e.g. pausing before the start)."""


@dataclass(slots=True)
class _State:
    """Where a replay of the events stands: the one place that knows what each event means."""

    current: int = 0
    running: bool = False
    ended: bool = False

    def apply(self, event: TimerEventData) -> None:
        if event.kind is TimerEventKind.START:
            self.running, self.current = True, event.section_index or 0
        elif event.kind is TimerEventKind.PAUSE:
            self.running = False
        elif event.kind is TimerEventKind.RESUME:
            self.running = True
        elif event.kind is TimerEventKind.SECTION and event.section_index is not None:
            self.current = event.section_index
        elif event.kind is TimerEventKind.END:
            self.running, self.ended = False, True


def section_durations(
    events: Iterable[TimerEventData], sections: int, now_offset: float | None = None
) -> list[float]:
    """Running (unpaused) seconds spent in each section, from the events alone.

    ``now_offset`` extends a running interview's current section up to now.
    """
    spent = [0.0] * sections
    state, since = _State(), 0.0
    for event in events:
        if state.running:
            spent[state.current] += event.offset_s - since
        since = event.offset_s
        state.apply(event)
    if state.running and now_offset is not None:
        spent[state.current] += max(0.0, now_offset - since)
    return spent


def running_seconds(events: Iterable[TimerEventData], start: float, end: float) -> float:
    """Running (unpaused) seconds between two offsets: a task's time without the pauses inside it."""
    total, state, since = 0.0, _State(), 0.0
    for event in events:
        if state.running:
            total += max(0.0, min(event.offset_s, end) - max(since, start))
        since = event.offset_s
        state.apply(event)
    if state.running:
        total += max(0.0, end - max(since, start))
    return total


@dataclass(frozen=True, slots=True)
class Pacing:
    """How the interview stands against its plan, for a glance."""

    behind_s: float  # positive: behind plan; negative: ahead
    sections_left: int
    skipped: int = 0  # earlier sections passed through in under SKIPPED_BELOW_S

    def describe(self) -> str:
        minutes = round(abs(self.behind_s) / 60)
        left = f"{self.sections_left} section{'s' if self.sections_left != 1 else ''} left"
        if self.skipped:
            left += f" ({self.skipped} skipped)"
        if minutes == 0:
            return f"on plan, {left}"
        return f"{minutes} min {'behind' if self.behind_s > 0 else 'ahead of'} plan, {left}"


class InterviewTimer:
    def __init__(
        self, clock: Clock, planned_minutes: Sequence[float], events: Sequence[TimerEventData] = ()
    ) -> None:
        if not planned_minutes:
            raise ValueError("an interview has at least one section")
        self._clock = clock
        self._planned = [m * 60.0 for m in planned_minutes]
        self._events: list[TimerEventData] = list(events)
        # Offsets continue from the last recorded one: after a restart the gap counts as paused.
        last = self._events[-1].offset_s if self._events else 0.0
        self._origin = clock.monotonic() - last
        self._state = _State()
        for event in self._events:
            self._state.apply(event)

    # -- state -------------------------------------------------------------------------------
    @property
    def events(self) -> list[TimerEventData]:
        return list(self._events)

    @property
    def started(self) -> bool:
        return bool(self._events)

    @property
    def running(self) -> bool:
        return self._state.running

    @property
    def ended(self) -> bool:
        return self._state.ended

    @property
    def current_section(self) -> int:
        return self._state.current

    def offset(self) -> float:
        """Seconds since the start on the monotonic clock, pauses included."""
        return self._clock.monotonic() - self._origin

    def elapsed(self) -> float:
        """Seconds the interview has been running, pauses excluded."""
        return sum(self.section_seconds())

    def section_seconds(self) -> list[float]:
        now = self.offset() if self._state.running else None
        return section_durations(self._events, len(self._planned), now)

    def section_elapsed(self) -> float:
        return self.section_seconds()[self._state.current]

    def planned_total(self) -> float:
        return sum(self._planned)

    def section_planned(self, index: int | None = None) -> float:
        return self._planned[self._state.current if index is None else index]

    def remaining(self) -> float:
        return self.planned_total() - self.elapsed()

    def section_over(self) -> bool:
        return self.section_elapsed() > self.section_planned()

    def interview_over(self) -> bool:
        return self.elapsed() > self.planned_total()

    def pacing(self) -> Pacing:
        """Behind or ahead: earlier sections against their plan, plus the current section's overrun.

        A section passed through in a few seconds was skipped, not done fast: its planned time
        is not counted as time gained (else skipping three sections reads "52 min ahead").
        """
        spent = self.section_seconds()
        current = self._state.current
        held = [i for i in range(current) if spent[i] >= SKIPPED_BELOW_S]
        before = sum(spent[i] for i in held)
        planned_before = sum(self._planned[i] for i in held)
        overrun = max(0.0, spent[current] - self._planned[current])
        return Pacing(
            behind_s=before - planned_before + overrun,
            sections_left=len(self._planned) - current - 1,
            skipped=current - len(held),
        )

    def paused_for(self) -> float | None:
        """Seconds since the timer was paused; None unless it is paused now."""
        if not self.started or self._state.running or self._state.ended:
            return None
        paused_at = next(e.offset_s for e in reversed(self._events) if e.kind is TimerEventKind.PAUSE)
        return max(0.0, self.offset() - paused_at)

    # -- actions: each returns the event to store ----------------------------------------------
    def start(self) -> TimerEventData:
        if self.started:
            raise TimerStateError("the interview has already started")
        self._origin = self._clock.monotonic()
        return self._record(TimerEventKind.START, section_index=self._state.current)

    def pause(self) -> TimerEventData:
        if not self._state.running:
            raise TimerStateError("the timer is not running")
        return self._record(TimerEventKind.PAUSE)

    def resume(self) -> TimerEventData:
        if not self.started or self._state.running or self._state.ended:
            raise TimerStateError("the timer is not paused")
        return self._record(TimerEventKind.RESUME)

    def go_to_section(self, index: int) -> TimerEventData:
        if not self.started or self._state.ended:
            raise TimerStateError("start the interview first")
        if not 0 <= index < len(self._planned):
            raise TimerStateError(f"there is no section {index + 1}")
        return self._record(TimerEventKind.SECTION, section_index=index)

    def end(self) -> TimerEventData:
        if not self.started or self._state.ended:
            raise TimerStateError("the interview is not under way")
        return self._record(TimerEventKind.END)

    def _record(self, kind: TimerEventKind, section_index: int | None = None) -> TimerEventData:
        event = TimerEventData(kind, round(self.offset(), 3), section_index)
        self._events.append(event)
        self._state.apply(event)
        return event
