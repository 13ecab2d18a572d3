"""Opening a large database: every page checked at open, against the header and schema only.

    python bench/open_large.py [--interviews 100000] [--rounds 5] [--cold]

A database of 100,000 interviews with ten notes each (about 240 MB) is opened in a fresh process
each time, alternating the two ways: with ``PRAGMA quick_check`` before opening (what every open
did) and with the header and schema check alone (what a file over the size limit gets now; its
pages are checked in the background). ``--cold`` drops the page cache before each open (needs
root). Min / median / max in ms. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from live_typing import add_notes
from make_db import make_db

OPEN = """
import sys, time
import interviewdesk.store.inspect as inspect
inspect.CHECK_AT_OPEN_BYTES = int(sys.argv[1])
from interviewdesk.services.workspace import open_workspace
started = time.perf_counter()
db = open_workspace(sys.argv[2])
print((time.perf_counter() - started) * 1000)
db.close()
"""
WAYS = {"every page checked at open": 1 << 50, "header and schema only": 0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each open (root)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = make_db(Path(folder) / "large.sqlite3", args.interviews)
        add_notes(path)
        print(f"{path.stat().st_size / 1e6:.0f} MB, {args.interviews:,} interviews")
        times: dict[str, list[float]] = {way: [] for way in WAYS}
        for _ in range(args.rounds):
            for way, limit in WAYS.items():
                if args.cold:
                    subprocess.run("sync; echo 3 > /proc/sys/vm/drop_caches", shell=True, check=True)
                out = subprocess.run(
                    [sys.executable, "-c", OPEN, str(limit), str(path)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                times[way].append(float(out.strip().splitlines()[-1]))
    for way, values in times.items():
        print(
            f"{way}: {min(values):.0f} / {statistics.median(values):.0f} / {max(values):.0f} ms"
            f" ({'cold' if args.cold else 'warm'})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
