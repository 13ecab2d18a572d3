"""A panel across three laptops and a coordinator's, with nothing but bundle files between them."""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from interviewdesk.domain.clock import ManualClock
from interviewdesk.domain.report import PanelReport
from interviewdesk.errors import UserError
from interviewdesk.services.bundle_import import import_bundle, import_bundles
from interviewdesk.services.bundles import export_bundle, plan_bundle, verify_file
from interviewdesk.services.identity import set_me
from interviewdesk.services.interview_list import list_interviews
from interviewdesk.services.live_session import open_live_session
from interviewdesk.services.planning import add_candidate, plan_interview
from interviewdesk.services.reports import interview_report, panel_report
from interviewdesk.services.save_queue import SaveQueue
from interviewdesk.store.tables import bundle_imports
from tests.integration.bundle_support import SCRIPTS, Laptop, make_laptop, run_interview

PANEL = tuple(SCRIPTS)


@pytest.fixture
def laptops(tmp_path: Path, seeded_database: Path) -> Iterator[dict[str, Laptop]]:
    made = {"coordinator": make_laptop(tmp_path, seeded_database, "Rosa Díaz", coordinator=True)}
    for name in PANEL:
        made[name] = make_laptop(tmp_path, seeded_database, name)
    yield made
    for laptop in made.values():
        laptop.db.close()


def only_interview(laptop: Laptop) -> int:
    (row,) = list_interviews(laptop.db)
    return row.id


def submissions(laptops: dict[str, Laptop], tmp_path: Path) -> dict[str, Path]:
    """The coordinator plans a panel of three, each panelist imports their plan, interviews and
    sends back their submission."""
    coordinator = laptops["coordinator"]
    candidate = add_candidate(coordinator.db, "Amara Okafor", role="Engineer", email="amara@example.org")
    sent = {}
    for name in PANEL:
        plan = tmp_path / f"plan-{name.split()[0]}.idbundle"
        plan_bundle(
            coordinator.db,
            candidate_id=candidate,
            interviewer=name,
            template_ref="general-structured",
            scheduled_at=None,
            target=plan,
        )
        laptop = laptops[name]
        (outcome,) = import_bundles(laptop.db, [plan])
        assert outcome.refused is None and len(outcome.added) == 1
        interview_id = only_interview(laptop)
        run_interview(laptop.db, interview_id, name)
        sent[name] = tmp_path / f"submission-{name.split()[0]}.idbundle"
        export_bundle(laptop.db, [interview_id], sent[name])
    return sent


def comparable(report: PanelReport) -> list[tuple[object, ...]]:
    return sorted(
        (
            m.report.interviewer,
            m.report.status,
            m.report.recommendation,
            m.report.summary,
            tuple((line.competency_id, line.level, line.evidence) for line in m.report.rubric),
            tuple((q.text, q.topic, q.answer) for q in m.report.candidate_questions),
            m.report.checklist,
            tuple(n.text for n in m.report.notes),
            tuple(f.kind for f in m.report.flags),
            m.report.seal_intact,
            m.report.script_coverage,
        )
        for m in report.members
    )


def test_a_panel_gathered_from_bundles_equals_one_typed_into_one_database(
    laptops: dict[str, Laptop], tmp_path: Path, seeded_database: Path
) -> None:
    sent = submissions(laptops, tmp_path)
    coordinator = laptops["coordinator"]
    order = list(sent.values())
    random.Random(7).shuffle(order)
    first = import_bundles(coordinator.db, order)
    assert [o.refused for o in first] == [None, None, None]
    assert sum(len(o.updated) for o in first) == 3  # each replaced the coordinator's planned copy
    before = coordinator.path.read_bytes()
    again = import_bundles(coordinator.db, order[::-1])
    assert [(o.added, o.updated, o.unchanged) for o in again] == [([], [], 1)] * 3
    assert coordinator.path.read_bytes() == before  # the same bundles twice change nothing

    shared = (
        make_laptop(tmp_path / "shared", seeded_database, "Shared Laptop", coordinator=True)
        if (tmp_path / "shared").mkdir() is None
        else None
    )
    assert shared is not None
    candidate = add_candidate(shared.db, "Amara Okafor", role="Engineer", email="amara@example.org")
    for name in PANEL:
        run_interview(
            shared.db,
            plan_interview(
                shared.db, candidate_id=candidate, template_ref="general-structured", interviewer=name
            ),
            name,
        )

    gathered = panel_report(coordinator.db, 1)
    typed = panel_report(shared.db, 1)
    shared.db.close()
    assert comparable(gathered) == comparable(typed)
    assert all(m.report.seal_intact for m in gathered.members)
    assert "ninety-five" not in json.dumps(comparable(gathered))
    for laptop_file in [coordinator.path, *sent.values()]:
        assert b"ninety-five" not in laptop_file.read_bytes()
    for bundle in sent.values():  # nor inflated inside the archive
        with zipfile.ZipFile(bundle) as archive:
            assert all(b"ninety-five" not in archive.read(name) for name in archive.namelist())
    with coordinator.db.begin() as connection:
        assert connection.scalar(select(func.count()).select_from(bundle_imports)) == 3


def test_an_amendment_after_the_seal_replaces_the_older_copy_and_both_stay_in_the_history(
    laptops: dict[str, Laptop], tmp_path: Path
) -> None:
    sent = submissions(laptops, tmp_path)
    coordinator, priya = laptops["coordinator"], laptops["Priya Raman"]
    assert import_bundle(coordinator.db, sent["Priya Raman"]).updated
    interview_id = only_interview(priya)
    session = open_live_session(priya.db, interview_id, ManualClock())
    queue = SaveQueue(priya.db, interview_id)
    session.amend("ownership", 3, "Re-read my notes: the cutover was a team effort.", "Second look")
    assert queue.submit(session.take_batch()).result(10)
    queue.close()
    newer = tmp_path / "amended.idbundle"
    export_bundle(priya.db, [interview_id], newer)

    assert import_bundle(coordinator.db, sent["Priya Raman"]).unchanged == 1  # the older one again
    assert import_bundle(coordinator.db, newer).updated
    report = panel_report(coordinator.db, 1)
    (priyas,) = [m.report for m in report.members if m.report.interviewer == "Priya Raman"]
    (line,) = [line for line in priyas.rubric if line.competency_id == "ownership"]
    assert line.level == 4 and [a.level for a in line.amendments] == [3]  # sealed score kept, amendment added
    assert priyas.seal_intact
    with coordinator.db.begin() as connection:
        history = (
            connection.execute(select(bundle_imports.c.action).order_by(bundle_imports.c.id)).scalars().all()
        )
    assert history == ["updated", "updated"]
    assert import_bundle(coordinator.db, sent["Priya Raman"]).unchanged == 1  # older than what is here


def _rewrite(source: Path, target: Path, change: dict[str, object]) -> None:
    """The bundle with one interview record changed and its manifest's digests made to match (as
    someone editing a bundle by hand would), so only the seal can tell."""
    import hashlib

    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["interviews"]:
        record = json.loads(members[entry["path"]])
        record.update(change)
        data = json.dumps(record).encode()
        members[entry["path"]] = data
        entry.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    members["manifest.json"] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    target.write_bytes(buffer.getvalue())


def test_altered_scores_under_an_old_seal_are_refused_and_nothing_changes(
    laptops: dict[str, Laptop], tmp_path: Path
) -> None:
    sent = submissions(laptops, tmp_path)
    coordinator = laptops["coordinator"]
    with zipfile.ZipFile(sent["Wen Li"]) as archive:
        (path,) = [n for n in archive.namelist() if n.startswith("interviews/")]
        record = json.loads(archive.read(path))
    record["scores"][0]["level"] = 4
    altered = tmp_path / "altered.idbundle"
    _rewrite(sent["Wen Li"], altered, {"scores": record["scores"]})
    before = coordinator.path.read_bytes()
    (outcome,) = import_bundles(coordinator.db, [altered])
    assert outcome.refused is not None and "not what was sealed" in outcome.refused
    assert coordinator.path.read_bytes() == before
    with pytest.raises(Exception, match="not what was sealed"):
        verify_file(altered)
    assert [v.holds for v in verify_file(sent["Wen Li"])] == [True]


def test_a_bundle_made_by_a_newer_release_is_refused_with_what_to_do(
    laptops: dict[str, Laptop], tmp_path: Path
) -> None:
    sent = submissions(laptops, tmp_path)
    with zipfile.ZipFile(sent["Wen Li"]) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = 2
    members["manifest.json"] = json.dumps(manifest).encode()
    newer = tmp_path / "newer.idbundle"
    with zipfile.ZipFile(newer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    (outcome,) = import_bundles(laptops["coordinator"].db, [newer])
    assert (
        outcome.refused is not None
        and "newer release" in outcome.refused
        and "Update InterviewDesk" in outcome.refused
    )


def test_others_scores_stay_sealed_until_my_own_is_submitted(
    laptops: dict[str, Laptop], tmp_path: Path
) -> None:
    from interviewdesk.services.role_compare import compare_role
    from interviewdesk.services.search import search

    coordinator = laptops["coordinator"]
    candidate = add_candidate(coordinator.db, "Amara Okafor", role="Engineer")
    plans = {}
    for name in PANEL:
        plans[name] = tmp_path / f"plan-{name.split()[0]}.idbundle"
        plan_bundle(
            coordinator.db,
            candidate_id=candidate,
            interviewer=name,
            template_ref="general-structured",
            scheduled_at=None,
            target=plans[name],
        )
    sent = {}
    for name in ("Tomás Ortega", "Wen Li"):
        laptop = laptops[name]
        import_bundles(laptop.db, [plans[name]])
        run_interview(laptop.db, only_interview(laptop), name)
        sent[name] = tmp_path / f"submission-{name.split()[0]}.idbundle"
        export_bundle(laptop.db, [only_interview(laptop)], sent[name])

    priya = laptops["Priya Raman"]
    import_bundles(priya.db, [plans["Priya Raman"], *sent.values()])
    rows = list_interviews(priya.db)
    mine = next(r.id for r in rows if r.interviewer == "Priya Raman")
    theirs = [r.id for r in rows if r.id != mine]
    report = panel_report(priya.db, rows[0].candidate_id)
    assert report.sealed_notice == "2 sealed interviews waiting for your submission"
    assert [m.report.interviewer for m in report.members] == ["Priya Raman"]
    for other in theirs:
        with pytest.raises(UserError, match="stays sealed until you submit"):
            interview_report(priya.db, other)
        with pytest.raises(UserError, match="stays sealed"):
            open_live_session(priya.db, other, ManualClock())
    assert search(priya.db, "trade-off").hits == ()  # Tomás's evidence
    line = compare_role(priya.db, "engineer").lines[0]
    assert line.submitted == 0

    run_interview(priya.db, mine, "Priya Raman")
    report = panel_report(priya.db, rows[0].candidate_id)
    assert report.sealed_notice == "" and len(report.members) == 3
    (own,) = [m.report for m in report.members if m.report.interviewer == "Priya Raman"]
    assert own.seen_before_seal == 2  # the others' submissions were on her laptop (sealed from her)
    assert {h.kind for h in search(priya.db, "trade-off").hits} == {"evidence", "note"}
    with pytest.raises(UserError, match="came in a bundle"):
        open_live_session(priya.db, theirs[0], ManualClock())

    # Someone not on the panel sees nothing; a coordinator sees everything.
    outsider = laptops["coordinator"]
    import_bundles(outsider.db, list(sent.values()))
    assert len(panel_report(outsider.db, candidate).members) == 3
    set_me(outsider.db, "Rosa Díaz", coordinator=False)
    hidden = panel_report(outsider.db, candidate)
    assert hidden.sealed_notice.startswith("2 sealed interviews by the candidate's panel (you are not on it")
    assert [m.report.status for m in hidden.members] == ["planned"]  # Priya's, not sent back yet


def test_the_pdfs_say_who_could_have_seen_others_scores() -> None:
    from interviewdesk.export.pdf.interview import independence

    assert independence(0).startswith("yes: no other panelist's submission")
    assert independence(1).startswith("not certain: 1 other panelist's submission reached")
    assert independence(2).startswith("not certain: 2 other panelists' submissions reached")


def test_a_look_alike_candidate_is_reported_and_merged_only_when_asked(
    laptops: dict[str, Laptop], tmp_path: Path
) -> None:
    from interviewdesk.services.planning import list_candidates
    from interviewdesk.services.plans import merge_candidates

    coordinator, wen = laptops["coordinator"], laptops["Wen Li"]
    # Both laptops added the same person on their own: two global ids, one email.
    mine = add_candidate(coordinator.db, "Amara Okafor", role="Engineer", email="Amara@Example.org")
    theirs = add_candidate(wen.db, "Amara Okafor", role="Engineer", email="amara@example.org")
    interview = plan_interview(
        wen.db, candidate_id=theirs, template_ref="general-structured", interviewer="Wen Li"
    )
    run_interview(wen.db, interview, "Wen Li")
    sent = tmp_path / "wen.idbundle"
    export_bundle(wen.db, [interview], sent)

    outcome = import_bundle(coordinator.db, sent)
    (new, old, name) = outcome.lookalikes[0]
    assert (old, name) == (mine, "Amara Okafor") and len(list_candidates(coordinator.db)) == 2  # not merged
    assert merge_candidates(coordinator.db, mine, new) == 1
    assert [(c.id, c.interviews) for c in list_candidates(coordinator.db)] == [(mine, 1)]
    # Wen's next bundle still names the merged-away id: it finds the merged candidate.
    second = plan_interview(
        wen.db, candidate_id=theirs, template_ref="general-structured", interviewer="Wen Li"
    )
    again = tmp_path / "wen-2.idbundle"
    export_bundle(wen.db, [second], again)
    assert import_bundle(coordinator.db, again).lookalikes == []
    assert [(c.id, c.interviews) for c in list_candidates(coordinator.db)] == [(mine, 2)]
    with pytest.raises(UserError, match="cannot be merged into themselves"):
        merge_candidates(coordinator.db, mine, mine)


@pytest.mark.postgres
def test_a_coordinator_on_a_panel_server_gathers_the_same_panel(
    laptops: dict[str, Laptop], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The server keeps the same rules: all or nothing, twice changes nothing, seals checked."""
    from interviewdesk.services.identity import set_me as name_me
    from tests.integration.conftest import server_copy

    sent = submissions(laptops, tmp_path)
    with server_copy(request.getfixturevalue("seeded_postgres"), "bundles") as server:
        name_me(server, "Rosa Díaz", coordinator=True)
        first = import_bundles(server, list(sent.values()))
        assert [len(o.added) for o in first] == [1, 1, 1]
        again = import_bundles(server, list(sent.values()))
        assert [o.unchanged for o in again] == [1, 1, 1]
        with server.begin() as connection:
            assert connection.scalar(select(func.count()).select_from(bundle_imports)) == 3
        gathered = panel_report(server, 1)
        import_bundles(laptops["coordinator"].db, list(sent.values()))  # the same, on a laptop's file
        assert comparable(gathered) == comparable(panel_report(laptops["coordinator"].db, 1))
        assert len(gathered.members) == 3 and all(m.report.seal_intact for m in gathered.members)
        assert "ninety-five" not in json.dumps(comparable(gathered))


def test_a_long_import_stops_between_two_files_and_keeps_what_is_done(
    laptops: dict[str, Laptop], tmp_path: Path
) -> None:
    import threading

    from interviewdesk.services.bundle_import import summarise

    sent = list(submissions(laptops, tmp_path).values())
    stop = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        stop.set()  # as the window's Stop button does, from another thread

    outcomes = import_bundles(laptops["coordinator"].db, sent, progress, stop)
    assert seen == [(1, 3)] and len(outcomes) == 1 and outcomes[0].refused is None
    summary = summarise(outcomes, asked=3)
    assert summary.headline == "0 interviews added, 1 updated; stopped after 1 file of 3."
    assert summary.changed
