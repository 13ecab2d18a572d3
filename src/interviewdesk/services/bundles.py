"""Interview bundles: a panel across laptops with nothing but files (docs/bundle.md).

Export writes one zip holding interviews, their candidate, interviewer and exact template version;
private notes never leave (their words are withheld wherever they were copied). Import checks the
whole file before it writes anything and writes it in one transaction: all or nothing; the same
bundle twice changes nothing; a newer revision of an imported interview replaces the older one and
both stay in the import history.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from interviewdesk import __version__
from interviewdesk.domain.clock import utc_now
from interviewdesk.domain.digest import canonical_json
from interviewdesk.domain.scoring import ScoreValue, seal_holds
from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.exchange.container import MANIFEST, MAX_FILE, BundleError, write_container
from interviewdesk.exchange.records import FORMAT, FORMAT_VERSION, Bundle, read_bundle
from interviewdesk.services.identity import current_me, device_id
from interviewdesk.services.planning import plan_interview
from interviewdesk.store import bundle_rows
from interviewdesk.store.database import Database
from interviewdesk.store.report_rows import candidate_interview_ids
from interviewdesk.store.tables import candidates, interviews, scores, template_versions

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: Path
    interviews: int
    size: int


@dataclass(slots=True)
class FileOutcome:
    path: Path
    added: list[str] = field(default_factory=list)  # "candidate - template (interviewer)" per interview
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    refused: str | None = None  # why the whole file was refused
    lookalikes: list[tuple[int, int]] = field(default_factory=list)  # (new candidate, existing one)
    notes: list[str] = field(default_factory=list)  # interviews skipped, with why


@dataclass(frozen=True, slots=True)
class Verdict:
    what: str  # the interview, by candidate, template and interviewer
    uid: str
    sealed: bool
    holds: bool | None  # None: not sealed, nothing to check


# -- export ----------------------------------------------------------------------------------------


def export_bundle(
    db: Database, interview_ids: Sequence[int], target: Path, *, kind: str = "submission"
) -> ExportSummary:
    if not interview_ids:
        raise UserError("name at least one interview to put in the bundle.")
    with db.begin() as connection:
        records, sources = [], {}
        for interview_id in dict.fromkeys(interview_ids):
            record = bundle_rows.interview_record(connection, interview_id)
            if record is None:
                raise NotFoundError(
                    f"there is no interview {interview_id}; `interviewdesk interviews list` shows them."
                )
            if record["status"] == "live":
                raise UserError(
                    f"interview {interview_id} is still running; end it (or submit it) before sending it."
                )
            record["prior_submissions"] = bundle_rows.prior_submissions(connection, interview_id)
            records.append(record)
            if record["template"] not in sources:
                sources[record["template"]] = connection.scalar(
                    select(template_versions.c.source_text).where(
                        template_versions.c.content_hash == record["template"]
                    )
                )
        me = current_me(connection)
        device = device_id(connection)
    members: dict[str, bytes] = {}
    for record in records:
        members[f"interviews/{record['uid']}.json"] = canonical_json(record)
    for digest, source in sources.items():
        members[f"templates/{digest}.yaml"] = str(source).encode("utf-8")

    def listed(prefix: str) -> list[dict[str, Any]]:
        return [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items()
            if name.startswith(prefix)
        ]

    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "created_at": utc_now().isoformat(),
        "app_version": __version__,
        "device": device,
        "author": None if me is None else {"uid": me.uid, "name": me.name, "email": me.email},
        "interviews": listed("interviews/"),
        "templates": listed("templates/"),
    }
    members[MANIFEST] = canonical_json(manifest)
    data = write_container(target, members)
    return ExportSummary(target, len(records), len(data))


def export_candidate(db: Database, candidate_id: int, target: Path) -> ExportSummary:
    """Every interview of the candidate that holds something (plans and cancelled ones stay)."""
    with db.begin() as connection:
        ids = candidate_interview_ids(connection, candidate_id)
        if ids is None:
            raise NotFoundError(
                f"there is no candidate {candidate_id}; `interviewdesk candidates list` shows them."
            )
        held = list(
            connection.scalars(
                select(interviews.c.id).where(
                    interviews.c.id.in_(ids), interviews.c.status.in_(("completed", "submitted"))
                )
            )
        )
    if not held:
        raise UserError(f"candidate {candidate_id} has no completed or submitted interview to send yet.")
    return export_bundle(db, sorted(held), target)


def plan_bundle(
    db: Database,
    *,
    candidate_id: int,
    interviewer: str,
    template_ref: str | int,
    scheduled_at: datetime | None,
    target: Path,
) -> tuple[int, ExportSummary]:
    """Plan the interview here (the coordinator's copy) and write the bundle that plans it on the
    interviewer's laptop."""
    if not interviewer.strip():
        raise UserError("a plan bundle is for one interviewer: give their name with --interviewer.")
    interview_id = plan_interview(
        db,
        candidate_id=candidate_id,
        template_ref=template_ref,
        interviewer=interviewer.strip(),
        scheduled_at=scheduled_at,
    )
    try:
        return interview_id, export_bundle(db, [interview_id], target, kind="plan")
    except UserError:
        from interviewdesk.services.plans import delete_planned

        delete_planned(db, interview_id)  # no bundle, no plan: nothing half done
        raise


# -- import ----------------------------------------------------------------------------------------


def import_bundles(
    db: Database, paths: Sequence[Path], progress: Progress | None = None
) -> list[FileOutcome]:
    """Import each file in its own transaction; a refused file changes nothing and the others go on."""
    outcomes = []
    for done, path in enumerate(paths, start=1):
        try:
            outcomes.append(import_bundle(db, path))
        except UserError as exc:
            outcomes.append(FileOutcome(path, refused=getattr(exc, "reason", exc.message)))
        if progress is not None:
            progress(done, len(paths))
    return outcomes


def import_bundle(db: Database, path: Path) -> FileOutcome:
    bundle = read_bundle(_read_file(path), path.name)
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


def _read_file(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise BundleError(path.name, "there is no such file" if not path.exists() else "it is not a file")
        if path.stat().st_size > MAX_FILE:
            raise BundleError(path.name, f"the file is larger than {MAX_FILE >> 20} MB")
        return path.read_bytes()
    except OSError as exc:
        raise BundleError(path.name, f"it cannot be read ({exc.strerror or exc})") from None


def _import_interview(
    connection: Connection, bundle: Bundle, record: dict[str, Any], outcome: FileOutcome
) -> None:
    existing = bundle_rows.id_by_uid(connection, interviews, record["uid"])
    label = _label(record)
    revision = datetime.fromisoformat(record["revision_at"])
    me = current_me(connection)
    if existing is None:
        candidate_id = bundle_rows.id_by_uid(connection, candidates, record["candidate"]["uid"])
        if candidate_id is None:
            candidate_id = bundle_rows.insert_candidate(connection, record["candidate"])
            twin = bundle_rows.lookalike_candidate(connection, record["candidate"], candidate_id)
            if twin is not None:
                outcome.lookalikes.append((candidate_id, twin))
        person = record["interviewer"]
        interviewer_id = None if person is None else bundle_rows.interviewer_for(connection, person)
        template_id = _template_id(connection, bundle, record["template"])
        existing = bundle_rows.insert_interview(
            connection,
            record,
            candidate_id=candidate_id,
            interviewer_id=interviewer_id,
            template_id=template_id,
        )
        outcome.added.append(label)
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
        last = bundle_rows.latest_import(connection, existing)
        known = last.revision_at if last is not None else local.updated_at
        if local.seal_hash is not None and record["seal_hash"] not in (None, local.seal_hash):
            raise BundleError(
                outcome.path.name,
                f"interview {record['uid']} ({label}) carries a different seal from the one here; "
                "sealed scores change only by amendment",
            )
        if revision <= known or (local.seal_hash is not None and record["seal_hash"] is None):
            outcome.unchanged += 1
            return
        if local.status != "planned" and record["status"] == "planned":
            outcome.notes.append(f"{label}: already under way here; a plan does not replace it")
            return
        if me is not None and local.interviewer_id == me.interviewer_id and local.status != "planned":
            outcome.notes.append(
                f"{label}: your own interview here is the original; the copy was not imported"
            )
            return
        bundle_rows.replace_interview(connection, existing, record, sealed_here=local.seal_hash is not None)
        outcome.updated.append(label)
        action = "updated"
    bundle_rows.record_import(
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
    found = bundle_rows.template_id_by_hash(connection, digest)
    if found is not None:
        return found
    from interviewdesk.services.template_library import save_loaded

    return save_loaded(connection, bundle.templates[digest])


def _label(record: dict[str, Any]) -> str:
    who = record["interviewer"]["name"] if record["interviewer"] else "no interviewer"
    return f"{record['candidate']['name']} ({who})"


# -- verify ----------------------------------------------------------------------------------------


def verify_file(path: Path) -> list[Verdict]:
    """Every interview in a bundle with whether its seal holds (a broken one refuses the file)."""
    bundle = read_bundle(_read_file(path), path.name)  # the seals are recomputed in reading
    return [
        Verdict(_label(r), r["uid"], r["seal_hash"] is not None, True if r["seal_hash"] is not None else None)
        for r in bundle.interviews
    ]


def verify_interview(db: Database, interview_id: int) -> Verdict:
    with db.begin() as connection:
        record = bundle_rows.interview_record(connection, interview_id)
        if record is None:
            raise NotFoundError(
                f"there is no interview {interview_id}; `interviewdesk interviews list` shows them."
            )
        rows = list(connection.execute(select(scores).where(scores.c.interview_id == interview_id)))
    seal = record["seal_hash"]
    if seal is None:
        return Verdict(_label(record), record["uid"], False, None)
    holds = seal_holds(record["uid"], record["recommendation"], [ScoreValue.of(r) for r in rows], seal)
    return Verdict(_label(record), record["uid"], True, holds)


__all__ = [
    "ExportSummary",
    "FileOutcome",
    "Verdict",
    "export_bundle",
    "export_candidate",
    "import_bundle",
    "import_bundles",
    "plan_bundle",
    "verify_file",
    "verify_interview",
]
