"""The command line on a large database, against the floor of the same output from the stdlib.

    python bench/cli.py [--interviews 100000] [--rounds 5]

Each run is a fresh process (`interviewdesk --db FILE interviews list --json`), alternating with a
stdlib script that reads the same rows with sqlite3 and writes the same JSON (same keys, same
order, indented alike): what the bytes cost at the least. Min / median / max in ms, warm page
cache. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_db import make_db

FLOOR = """
import json, sqlite3, sys
from datetime import datetime, timezone
c = sqlite3.connect(sys.argv[1])
rows = c.execute(
    "SELECT i.id, i.candidate_id, c.name, c.role, coalesce(p.name, ''), t.name, t.version,"
    " i.scheduled_at, i.status FROM interviews i JOIN candidates c ON c.id = i.candidate_id"
    " JOIN template_versions t ON t.id = i.template_id LEFT JOIN interviewers p ON p.id = i.interviewer_id"
    " ORDER BY i.scheduled_at DESC NULLS FIRST, i.id DESC"
)
keys = ("id", "candidate_id", "candidate", "role", "interviewer", "template", "template_version",
        "scheduled_at", "status")
out = []
for row in rows:
    item = dict(zip(keys, row))
    if item["scheduled_at"]:
        moment = datetime.fromisoformat(item["scheduled_at"])
        item["scheduled_at"] = moment.replace(tzinfo=timezone.utc).isoformat()
    out.append(item)
sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\\n")
"""


def run(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=True)
    return (time.perf_counter() - started) * 1000, len(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = str(make_db(Path(folder) / "cli.sqlite3", args.interviews))
        commands = {
            "interviews list --json": [
                sys.executable,
                "-m",
                "interviewdesk",
                "--db",
                path,
                "interviews",
                "list",
                "--json",
            ],
            "stdlib floor, same JSON": [sys.executable, "-c", FLOOR, path],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        sizes: dict[str, int] = {}
        for _ in range(args.rounds):
            for name, command in commands.items():
                elapsed, sizes[name] = run(command)
                times[name].append(elapsed)
    for name, values in times.items():
        print(
            f"{name:<26} {min(values):6.0f} / {statistics.median(values):6.0f} / {max(values):6.0f} ms"
            f"  ({sizes[name]:,} bytes)"
        )
    ours, floor = (statistics.median(v) for v in times.values())
    print(f"ratio of medians: {ours / floor:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
