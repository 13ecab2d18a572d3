"""The timer: derived durations, pause and resume, pacing, restore, and no drift over 90 minutes."""

from __future__ import annotations

import pytest

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.timer import (
    InterviewTimer,
    Pacing,
    TimerEventData,
    TimerStateError,
    running_seconds,
    section_durations,
)
from interviewdesk.domain.vocabulary import TimerEventKind

PLAN = [5, 20, 10, 5]  # minutes


def test_durations_per_section_exclude_pauses() -> None:
    clock = ManualClock()
    timer = InterviewTimer(clock, PLAN)
    timer.start()
    clock.advance(300)
    timer.go_to_section(1)
    clock.advance(600)
    timer.pause()
    clock.advance(120)  # the call dropped
    timer.resume()
    clock.advance(660)
    timer.go_to_section(2)
    clock.advance(30)
    assert timer.section_seconds() == [300, 1260, 30, 0]
    assert timer.elapsed() == 1590
    assert timer.offset() == 1710
    assert timer.section_over() is False
    timer.end()
    assert section_durations(timer.events, 4) == [300, 1260, 30, 0]
    assert [e.kind for e in timer.events] == [
        TimerEventKind.START,
        TimerEventKind.SECTION,
        TimerEventKind.PAUSE,
        TimerEventKind.RESUME,
        TimerEventKind.SECTION,
        TimerEventKind.END,
    ]


def test_overrun_colours_and_pacing() -> None:
    clock = ManualClock()
    timer = InterviewTimer(clock, PLAN)
    timer.start()
    clock.advance(9 * 60)  # opening planned for 5
    assert timer.section_over()
    assert timer.pacing() == Pacing(behind_s=240, sections_left=3)
    assert timer.pacing().describe() == "4 min behind plan, 3 sections left"
    timer.go_to_section(1)
    clock.advance(60)
    assert not timer.section_over()
    assert timer.pacing().describe() == "4 min behind plan, 2 sections left"
    assert timer.remaining() == 40 * 60 - 10 * 60
    assert Pacing(-130, 1).describe() == "2 min ahead of plan, 1 section left"
    assert Pacing(10, 0).describe() == "on plan, 0 sections left"


def test_sections_skipped_quickly_are_not_time_gained() -> None:
    clock = ManualClock()
    timer = InterviewTimer(clock, [5, 20, 10, 5, 12])
    timer.start()
    clock.advance(300)
    for section in (1, 2, 3):  # passed through in a few seconds each
        timer.go_to_section(section)
        clock.advance(4)
    timer.go_to_section(4)
    clock.advance(60)
    pacing = timer.pacing()
    assert pacing == Pacing(behind_s=0, sections_left=0, skipped=3)  # it said "35 min ahead" before
    assert pacing.describe() == "on plan, 0 sections left (3 skipped)"


def test_how_long_the_timer_has_been_paused() -> None:
    clock = ManualClock()
    timer = InterviewTimer(clock, PLAN)
    assert timer.paused_for() is None
    timer.start()
    clock.advance(100)
    assert timer.paused_for() is None
    timer.pause()
    clock.advance(75)
    assert timer.paused_for() == 75
    timer.resume()
    assert timer.paused_for() is None
    timer.end()
    assert timer.paused_for() is None


def test_no_drift_over_ninety_minutes_with_pauses() -> None:
    clock = ManualClock(start=123456.789)
    timer = InterviewTimer(clock, [90])
    timer.start()
    paused = 0.0
    for minute in range(90):
        clock.advance(59.3)
        if minute % 10 == 9:
            timer.pause()
            clock.advance(17.1)
            paused += 17.1
            timer.resume()
        clock.advance(0.7)
    assert timer.elapsed() == pytest.approx(90 * 60, abs=1e-6)
    assert timer.offset() == pytest.approx(90 * 60 + paused, abs=1e-6)


def test_restore_continues_from_the_last_event() -> None:
    clock = ManualClock()
    first = InterviewTimer(clock, PLAN)
    first.start()
    clock.advance(200)
    first.go_to_section(1)
    clock.advance(100)
    events = first.events
    clock.advance(3600)  # the app was killed; an hour later the interview is reopened
    again = InterviewTimer(clock, PLAN, events)
    assert again.running and again.current_section == 1
    # Time after the last recorded event is not known; the live window records events as it goes.
    assert again.section_seconds() == [200, 0, 0, 0]
    clock.advance(50)
    assert again.section_seconds() == [200, 50, 0, 0]


def test_wrong_actions_are_refused() -> None:
    clock = ManualClock()
    timer = InterviewTimer(clock, PLAN)
    with pytest.raises(TimerStateError):
        timer.pause()
    with pytest.raises(TimerStateError):
        timer.go_to_section(1)
    timer.start()
    with pytest.raises(TimerStateError):
        timer.start()
    with pytest.raises(TimerStateError):
        timer.resume()
    with pytest.raises(TimerStateError):
        timer.go_to_section(4)
    timer.end()
    with pytest.raises(TimerStateError):
        timer.end()
    with pytest.raises(ValueError, match="at least one section"):
        InterviewTimer(clock, [])


def test_running_seconds_between_offsets_leave_out_pauses() -> None:

    events = [
        TimerEventData(TimerEventKind.START, 0.0, 0),
        TimerEventData(TimerEventKind.PAUSE, 600.0),
        TimerEventData(TimerEventKind.RESUME, 900.0),
        TimerEventData(TimerEventKind.END, 2000.0),
    ]
    assert running_seconds(events, 300.0, 1200.0) == 300.0 + 300.0  # 300-600 and 900-1200
    assert running_seconds(events, 650.0, 850.0) == 0.0  # all of it paused
    assert running_seconds(events[:3], 1000.0, 1500.0) == 500.0  # still running at the end
