"""Importing bundles (docs/bundle.md): the whole file is checked before anything is written, and
written in one transaction: all or nothing. The same bundle twice changes nothing; a newer revision
of an imported interview replaces the older one and both stay in the import history; look-alike
candidates are reported, never merged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from interviewdesk.domain.clock import utc_now
from interviewdesk.domain.wording import count
from interviewdesk.errors import UserError
from interviewdesk.exchange.container import BundleError
from interviewdesk.exchange.records import Bundle, read_bundle
from interviewdesk.services.bundles import label, read_file
from interviewdesk.services.identity import current_me
from interviewdesk.store import bundle_writes
from interviewdesk.store.database import Database
from interviewdesk.store.tables import interviews

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class FileOutcome:
    path: Path
    added: list[str] = field(default_factory=list)  # "candidate - template (interviewer)" per interview
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    refused: str | None = None  # why the whole file was refused
    # (new candidate, existing one, the name): maybe one person; never merged silently
    lookalikes: list[tuple[int, int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # interviews skipped, with why


def import_bundles(
    db: Database,
    paths: Sequence[Path],
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> list[FileOutcome]:
    """Import each file in its own transaction; a refused file changes nothing and the others go on.
    ``stop`` (set from another thread) ends the run between two files: those done stay done."""
    outcomes = []
    for done, path in enumerate(paths, start=1):
        if stop is not None and stop.is_set():
            break
        try:
            outcomes.append(import_bundle(db, path))
        except UserError as exc:
            outcomes.append(FileOutcome(path, refused=getattr(exc, "reason", exc.message)))
        if progress is not None:
            progress(done, len(paths))
    return outcomes


def import_bundle(db: Database, path: Path) -> FileOutcome:
    bundle = read_bundle(read_file(path), path.name)
    outcome = FileOutcome(path)
    if db.read_only:
        raise BundleError(path.name, "this window opened the database read-only")
    try:
        with db.begin() as connection:
            for record in bundle.interviews:
                _import_interview(connection, bundle, record, outcome)
    except IntegrityError:
        raise BundleError(
            path.name, "an id in it already belongs to a different record here (a copied or altered bundle)"
        ) from None
    return outcome


def _import_interview(
    connection: Connection, bundle: Bundle, record: dict[str, Any], outcome: FileOutcome
) -> None:
    existing = bundle_writes.id_by_uid(connection, interviews, record["uid"])
    shown = label(record)
    revision = datetime.fromisoformat(record["revision_at"])
    me = current_me(connection)
    if existing is None:
        candidate_id = bundle_writes.candidate_by_uid(connection, record["candidate"]["uid"])
        if candidate_id is None:
            candidate_id = bundle_writes.insert_candidate(connection, record["candidate"])
            twin = bundle_writes.lookalike_candidate(connection, record["candidate"], candidate_id)
            if twin is not None:
                outcome.lookalikes.append((candidate_id, twin, record["candidate"]["name"]))
        person = record["interviewer"]
        interviewer_id = None if person is None else bundle_writes.interviewer_for(connection, person)
        template_id = _template_id(connection, bundle, record["template"])
        existing = bundle_writes.insert_interview(
            connection,
            record,
            candidate_id=candidate_id,
            interviewer_id=interviewer_id,
            template_id=template_id,
        )
        outcome.added.append(shown)
        action = "added"
    else:
        local = connection.execute(
            select(
                interviews.c.status,
                interviews.c.seal_hash,
                interviews.c.interviewer_id,
                interviews.c.updated_at,
            ).where(interviews.c.id == existing)
        ).one()
        last = bundle_writes.latest_import(connection, existing)
        known = last.revision_at if last is not None else local.updated_at
        if local.seal_hash is not None and record["seal_hash"] not in (None, local.seal_hash):
            raise BundleError(
                outcome.path.name,
                f"interview {record['uid']} ({shown}) carries a different seal from the one here; "
                "sealed scores change only by amendment",
            )
        if revision <= known or (local.seal_hash is not None and record["seal_hash"] is None):
            outcome.unchanged += 1
            return
        if local.status != "planned" and record["status"] == "planned":
            outcome.notes.append(f"{shown}: already under way here; a plan does not replace it")
            return
        if me is not None and local.interviewer_id == me.interviewer_id and local.status != "planned":
            outcome.notes.append(
                f"{shown}: your own interview here is the original; the copy was not imported"
            )
            return
        bundle_writes.replace_interview(connection, existing, record, sealed_here=local.seal_hash is not None)
        outcome.updated.append(shown)
        action = "updated"
    bundle_writes.record_import(
        connection,
        existing,
        kind=bundle.kind,
        action=action,
        bundle_sha256=bundle.sha256,
        source_device=bundle.device,
        revision_at=revision,
        seal_hash=record["seal_hash"],
        imported_at=utc_now(),
    )


def _template_id(connection: Connection, bundle: Bundle, digest: str) -> int:
    found = bundle_writes.template_id_by_hash(connection, digest)
    if found is not None:
        return found
    from interviewdesk.services.template_library import save_loaded

    return save_loaded(connection, bundle.templates[digest])


@dataclass(frozen=True, slots=True)
class ImportSummary:
    headline: str  # "3 interviews added, 1 updated; 1 file refused"
    details: str  # per file: what came in, what was skipped or refused and why
    changed: bool  # anything written (the lists need a reload)


def summarise(outcomes: Sequence[FileOutcome], asked: int | None = None) -> ImportSummary:
    """What an import did, for a person: counts first, then each file's story."""
    added = sum(len(o.added) for o in outcomes)
    updated = sum(len(o.updated) for o in outcomes)
    unchanged = sum(o.unchanged for o in outcomes)
    refused = [o for o in outcomes if o.refused is not None]
    parts = [f"{count(added, 'interview')} added", f"{updated} updated"]
    if unchanged:
        parts.append(f"{unchanged} already here")
    headline = ", ".join(parts)
    if refused:
        headline += f"; {count(len(refused), 'file')} refused"
    if asked is not None and len(outcomes) < asked:
        headline += f"; stopped after {count(len(outcomes), 'file')} of {asked}"
    lines = []
    for o in outcomes:
        if o.refused is not None:
            lines.append(f"{o.path.name}: refused, nothing imported: {o.refused}.")
            continue
        lines += [f"{o.path.name}: added {name}" for name in o.added]
        lines += [f"{o.path.name}: updated {name}" for name in o.updated]
        lines += [f"{o.path.name}: {note}." for note in o.notes]
        lines += [
            f"{o.path.name}: {name} (candidate {new}) may be the same person as candidate {old} "
            "(same email, or same name and role); nothing was merged."
            for new, old, name in o.lookalikes
        ]
    return ImportSummary(headline + ".", "\n".join(lines), bool(added or updated))
