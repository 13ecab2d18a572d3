"""Interview bundles out, and seals checked: a panel across laptops with nothing but files
(docs/bundle.md; importing is services/bundle_import.py).

Export writes one zip holding interviews, their candidate, interviewer and exact template version;
private notes never leave (their words are withheld wherever they were copied).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from interviewdesk import __version__
from interviewdesk.domain.clock import utc_now
from interviewdesk.domain.digest import canonical_json
from interviewdesk.domain.scoring import ScoreValue, seal_holds
from interviewdesk.errors import NotFoundError, UserError
from interviewdesk.exchange.container import MANIFEST, MAX_FILE, BundleError, write_container
from interviewdesk.exchange.records import FORMAT, FORMAT_VERSION, read_bundle
from interviewdesk.services.identity import current_me, device_id
from interviewdesk.services.planning import plan_interview
from interviewdesk.store import bundle_rows
from interviewdesk.store.database import Database
from interviewdesk.store.report_rows import candidate_interview_ids
from interviewdesk.store.tables import interviews, scores, template_versions

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: Path
    interviews: int
    size: int


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


def read_file(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise BundleError(path.name, "there is no such file" if not path.exists() else "it is not a file")
        if path.stat().st_size > MAX_FILE:
            raise BundleError(path.name, f"the file is larger than {MAX_FILE >> 20} MB")
        return path.read_bytes()
    except OSError as exc:
        raise BundleError(path.name, f"it cannot be read ({exc.strerror or exc})") from None


def label(record: dict[str, Any]) -> str:
    """An interview as a person reads it: the candidate and who interviewed."""
    who = record["interviewer"]["name"] if record["interviewer"] else "no interviewer"
    return f"{record['candidate']['name']} ({who})"


# -- verify ----------------------------------------------------------------------------------------


def verify_file(path: Path) -> list[Verdict]:
    """Every interview in a bundle with whether its seal holds (a broken one refuses the file)."""
    bundle = read_bundle(read_file(path), path.name)  # the seals are recomputed in reading
    return [
        Verdict(label(r), r["uid"], r["seal_hash"] is not None, True if r["seal_hash"] is not None else None)
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
        return Verdict(label(record), record["uid"], False, None)
    holds = seal_holds(record["uid"], record["recommendation"], [ScoreValue.of(r) for r in rows], seal)
    return Verdict(label(record), record["uid"], True, holds)
