"""Bundles: export and import of one bundle of 1,000 interviews, and of 1,000 single-interview bundles.

    python bench/bundles.py [--interviews 1000] [--rounds 3]

A laptop database gets N submitted interviews, each with notes (one private), scores with evidence,
a candidate question and an amendment-free seal, made through the services. Then, per round:
export all N into one bundle; import it into a fresh copy of an empty database; export N bundles
of one; import those N files. Beside each, the floor measured in the same run: the same member
bytes zipped with the standard library alone, and the same bundle unzipped and parsed with json
alone (no checks, no database). Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.records import Paragraph
from interviewdesk.domain.vocabulary import QuestionTopic
from interviewdesk.services.bundle_import import import_bundle, import_bundles
from interviewdesk.services.bundles import export_bundle
from interviewdesk.services.identity import set_me
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.save_queue import SaveQueue
from interviewdesk.services.workspace import open_workspace
from interviewdesk.store.database import Database

NOTE = "Walked through the billing pipeline rebuild: queues, idempotency keys, the cutover weekend. " * 4


def seed(db: Database, count: int) -> list[int]:
    set_me(db, "Priya Raman")
    ids = []
    for n in range(count):
        candidate = add_candidate(db, f"Candidate {n:05d}", role="Engineer", email=f"c{n}@example.org")
        interview = plan_interview(
            db, candidate_id=candidate, template_ref="general-structured", interviewer="Priya Raman"
        )
        clock = ManualClock()
        session = open_live_session(db, interview, clock)
        queue = SaveQueue(db, interview)
        session.start()
        clock.advance(600)
        session.set_notes(1, 0, [Paragraph(10.0 * i, f"{NOTE} ({i})", i == 3) for i in range(8)])
        for competency in ("ownership", "collaboration", "communication", "problem-solving", "learning"):
            session.set_score(competency, 3)
            session.set_evidence(competency, f"{competency}: {NOTE[:120]}")
        session.log_question("How is on-call shared?", QuestionTopic.ROLE, "One week in six.")
        session.end()
        session.set_recommendation("yes")
        session.submit()
        assert queue.submit(session.take_batch()).result(30)
        queue.close()
        ids.append(interview)
    return ids


def floor_zip(source: Path) -> float:
    """The same members zipped by the standard library alone."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    start = time.perf_counter()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out:
        for name, data in members.items():
            out.writestr(name, data)
    (source.parent / "floor.zip").write_bytes(buffer.getvalue())
    return time.perf_counter() - start


def floor_read(source: Path) -> float:
    """The bundle unzipped and every member parsed, nothing checked or stored."""
    start = time.perf_counter()
    with zipfile.ZipFile(source) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith(".json"):
                json.loads(data)
    return time.perf_counter() - start


def timed(action: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    action(*args)
    return time.perf_counter() - start


def export_singles(db: Database, ids: list[int], paths: list[Path]) -> None:
    for interview, path in zip(ids, paths, strict=True):
        export_bundle(db, [interview], path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        empty = root / "empty.sqlite3"
        open_workspace(str(empty)).close()
        source_path = root / "laptop.sqlite3"
        shutil.copyfile(empty, source_path)
        source = open_workspace(str(source_path))
        started = time.perf_counter()
        ids = seed(source, args.interviews)
        print(f"seeded {len(ids)} interviews in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        results: dict[str, list[float]] = {}
        for round_ in range(args.rounds):
            big = root / f"all-{round_}.idbundle"
            results.setdefault("export 1 bundle of N", []).append(timed(export_bundle, source, ids, big))
            results.setdefault("floor: zip the same members", []).append(floor_zip(big))
            target_path = root / f"coordinator-{round_}.sqlite3"
            shutil.copyfile(empty, target_path)
            target = open_workspace(str(target_path))
            results.setdefault("import 1 bundle of N", []).append(timed(import_bundle, target, big))
            results.setdefault("floor: unzip and parse it", []).append(floor_read(big))
            target.close()
            singles = [root / f"one-{round_}-{i}.idbundle" for i in ids]
            results.setdefault("export N bundles of 1", []).append(
                timed(export_singles, source, ids, singles)
            )
            shutil.copyfile(empty, target_path)
            target = open_workspace(str(target_path))
            results.setdefault("import N bundles of 1", []).append(timed(import_bundles, target, singles))
            target.close()
            size = big.stat().st_size
        source.close()
    print(f"N = {args.interviews}, one bundle of N: {size / 1e6:.1f} MB")
    print(f"seconds, min / median / max of {args.rounds} rounds")
    for name, values in results.items():
        print(f"{name:32s} {min(values):7.2f} {statistics.median(values):7.2f} {max(values):7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
