"""Paging through the interview list to its oldest row: keyset paging against OFFSET paging.

    python bench/list_pages.py [--interviews 100000] [--rounds 3]

The main window loads 200 rows at a time as the list scrolls. OFFSET paging (what the list did)
reads and throws away every row before the page, so a page near the end of 100,000 costs many
times the first; keyset paging (what it does now: "the rows after this one") costs the same on
every page. Both run the list's own query in the same process, interleaved. Results:
docs/performance.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interviewdesk.services.interview_list import InterviewRow, list_interviews
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.interview_rows import _query
from make_db import make_db

PAGE = 200


def keyset_pages(db) -> list[float]:  # type: ignore[no-untyped-def]
    times, after = [], None
    while True:
        started = time.perf_counter()
        page = list_interviews(db, after=after, limit=PAGE)
        times.append((time.perf_counter() - started) * 1000)
        if not page:
            return times
        after = page[-1]


def offset_pages(db, total: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for offset in range(0, total + PAGE, PAGE):
        started = time.perf_counter()
        with db.begin() as connection:
            rows = connection.execute(_query(None).offset(offset).limit(PAGE))
            [InterviewRow(**row._mapping) for row in rows]
        times.append((time.perf_counter() - started) * 1000)
    return times


def describe(name: str, times: list[float]) -> str:
    return (
        f"{name:<7} first {times[0]:6.1f} ms  median {statistics.median(times):6.1f} ms  "
        f"last {times[-2]:6.1f} ms  max {max(times):6.1f} ms  all pages {sum(times) / 1000:5.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_workspace(str(make_db(Path(folder) / "pages.sqlite3", args.interviews)))
        for round_ in range(1, args.rounds + 1):
            print(f"round {round_}, {args.interviews:,} interviews, pages of {PAGE}:")
            print("  " + describe("keyset", keyset_pages(db)))
            print("  " + describe("offset", offset_pages(db, args.interviews)))
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
