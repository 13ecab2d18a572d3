"""Search at scale: 100,000 interviews and 1,000,000 note paragraphs in the local file.

    python bench/search.py [--interviews 100000] [--paragraphs 1000000] [--rounds 5]

Measures, in one process and interleaved: the search service's first page (match, rank, context,
excerpts) over a mix of common words, rare words, prefixes as typed and phrases; beside it the
floor, a bare FTS5 query for the same terms returning 50 rowids. Also the disk the index costs
against the notes it indexes (SQLite's dbstat), and the time to index the paragraphs. The notes are
made of a Zipf-distributed vocabulary of 20,000 words (a tenth of the paragraphs carry a Chinese
sentence), so some words are in most paragraphs and others in a handful. Results:
docs/performance.md.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from interviewdesk.domain.search_text import parse_query
from interviewdesk.services.search import search
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.search_index import SOURCES, register_fold
from interviewdesk.store.search_rows import fts5_query
from make_db import make_db

WORDS = 20_000
CHINESE = "候选人详细解释了系统设计的权衡并且提到团队合作经验以及对代码质量的重视"


def vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnoprstuvwy"
    seen: set[str] = set()
    while len(seen) < WORDS:
        seen.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 10))))
    ordered = sorted(seen)  # not the set's order: it changes with each process's hash seed
    rng.shuffle(ordered)
    return ordered


def add_paragraphs(path: Path, count: int, words: list[str], rng: random.Random) -> float:
    """Insert ``count`` note paragraphs through the triggers; returns the seconds it took."""
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    connection = sqlite3.connect(path, isolation_level=None)
    register_fold(connection)
    interviews = connection.execute("SELECT max(id) FROM interviews").fetchone()[0]
    started = time.perf_counter()
    connection.execute("BEGIN")
    batch = []
    for n in range(count):
        text = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(12, 40))).capitalize() + "."
        if n % 10 == 0:
            cut = rng.randint(0, len(CHINESE) - 8)
            text += " " + CHINESE[cut : cut + rng.randint(6, 14)]
        batch.append((1 + n % interviews, 1 + n % 5, n % 4 or None, text, 60.0 * (n % 60), n % 50 == 0))
        if len(batch) == 10_000:
            _insert(connection, batch)
            batch = []
    _insert(connection, batch)
    connection.execute("COMMIT")
    seconds = time.perf_counter() - started
    connection.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    connection.close()
    return seconds


def _insert(connection: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    connection.executemany(
        "INSERT INTO notes (interview_id, section_index, question_index, text, offset_s, private, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
        rows,
    )


def sizes(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT CASE WHEN name LIKE 'search_index%' THEN 'index' ELSE name END, sum(pgsize) "
        "FROM dbstat GROUP BY 1"
    ).fetchall()
    text = sum(
        connection.execute(
            f"SELECT coalesce(sum(length(CAST({document} AS BLOB))), 0) FROM {table}"
        ).fetchone()[0]
        for table, document in SOURCES.values()
    )
    connection.close()
    return {**dict(rows), "indexed text": text}


def queries(words: list[str]) -> dict[str, list[tuple[str, bool]]]:
    """(query, typing) by kind: the vocabulary is in Zipf order, so its head is common."""
    return {
        "common word": [(w, False) for w in words[:5]],
        "rare word": [(w, False) for w in words[-5:]],
        "prefix as typed": [(w[:2], True) for w in words[5:8]] + [(w[:3], True) for w in words[8:10]],
        "two words": [(f"{a} {b}", False) for a, b in zip(words[10:15], words[200:205], strict=True)],
        "phrase": [(f'"{a} {b}"', False) for a, b in itertools.pairwise(words[:6])],
        "Chinese": [("团队合作", False), ("代码质量", False), ("设计", False)],
    }


def floor(path: Path, query: str, typing: bool) -> float:
    connection = sqlite3.connect(path)
    expression = fts5_query(parse_query(query, prefix_last=typing))
    started = time.perf_counter()
    connection.execute(
        "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 50", (expression,)
    ).fetchall()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=100_000)
    parser.add_argument("--paragraphs", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "interviewdesk-bench")
    args = parser.parse_args()
    rng = random.Random(7)
    words = vocabulary(rng)
    path = args.folder / f"search-{args.interviews}-{args.paragraphs}.sqlite3"
    if not path.exists():
        make_db(path, args.interviews)
        seconds = add_paragraphs(path, args.paragraphs, words, rng)
        print(f"indexed {args.paragraphs:,} paragraphs while inserting them: {seconds:.1f} s")
    size = sizes(path)
    index, notes, text = size["index"], size["notes"], size["indexed text"]
    print(f"indexed text {text / 1e6:.1f} MB; notes table {notes / 1e6:.1f} MB; index {index / 1e6:.1f} MB")
    print(f"index / indexed text {index / text:.2f}; index / notes table {index / notes:.2f}")

    db = open_workspace(str(path))
    mix = queries(words)
    ours: dict[str, list[float]] = {kind: [] for kind in mix}
    bare: dict[str, list[float]] = {kind: [] for kind in mix}
    totals: dict[str, int] = {}
    for _ in range(args.rounds):
        for kind, items in mix.items():
            for query, typing in items:
                started = time.perf_counter()
                results = search(db, query, typing=typing)
                ours[kind].append((time.perf_counter() - started) * 1000)
                totals[query] = results.total
                bare[kind].append(floor(path, query, typing))
    db.close()
    every = [t for times in ours.values() for t in times]
    print(f"\n{'kind':<16} {'matches':>9} {'ms min/median/p95/max':>26} {'floor median':>13}")
    for kind, times in ours.items():
        counts = sorted({totals[q] for q, _ in mix[kind]})
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"{kind:<16} {counts[0]:>4}-{counts[-1]:<5} {min(times):6.1f} {statistics.median(times):6.1f} "
            f"{p95:6.1f} {max(times):6.1f} {statistics.median(bare[kind]):10.1f}"
        )
    p95 = statistics.quantiles(every, n=20)[-1]
    print(f"\nall {len(every)} searches: median {statistics.median(every):.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
