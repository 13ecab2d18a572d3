"""Bad bundles: one clear message, nothing imported, the database byte for byte as it was.

A fuzz test mutates a real bundle 1,200 times (a fixed seed): bytes flipped, cut and spliced in the
archive, values changed inside its JSON and re-packed with matching digests, members dropped,
doubled and renamed. Every one must either import whole or be refused with a BundleError; none may
crash, and a refused one must leave the database file unchanged.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from interviewdesk.errors import UserError
from interviewdesk.exchange.container import BundleError
from interviewdesk.services.bundle_import import import_bundle
from interviewdesk.services.bundles import export_bundle
from interviewdesk.services.interview_list import count_interviews
from interviewdesk.services.planning import add_candidate, plan_interview
from tests.integration.bundle_support import Laptop, make_laptop, run_interview


@pytest.fixture
def source(tmp_path: Path, seeded_database: Path) -> bytes:
    """A real submission bundle of one interview (made on a laptop of its own)."""
    laptop = make_laptop(tmp_path, seeded_database, "Priya Raman")
    candidate = add_candidate(laptop.db, "Amara Okafor", role="Engineer")
    interview = plan_interview(
        laptop.db, candidate_id=candidate, template_ref="general-structured", interviewer="Priya Raman"
    )
    run_interview(laptop.db, interview, "Priya Raman")
    path = tmp_path / "priya.idbundle"
    export_bundle(laptop.db, [interview], path)
    laptop.db.close()
    return path.read_bytes()


@pytest.fixture
def receiver(tmp_path: Path, seeded_database: Path) -> Iterator[Laptop]:
    (tmp_path / "receiver").mkdir()
    laptop = make_laptop(tmp_path / "receiver", seeded_database, "Rosa Díaz", coordinator=True)
    yield laptop
    laptop.db.close()


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(members: dict[str, bytes] | list[tuple[str, bytes]], *, fix_digests: bool = False) -> bytes:
    items = list(members.items()) if isinstance(members, dict) else members
    if fix_digests and "manifest.json" in dict(items):  # as a careful forger would: digests made to match
        content = dict(items)
        try:
            manifest = json.loads(content["manifest.json"])
        except ValueError:  # the manifest itself was damaged: nothing to fix
            return pack(items)
        if not isinstance(manifest, dict):
            return pack(items)
        listed = [manifest.get("interviews"), manifest.get("templates")]
        for entry in [e for group in listed if isinstance(group, list) for e in group]:
            if isinstance(entry, dict) and isinstance(entry.get("path"), str) and entry["path"] in content:
                data = content[entry["path"]]
                entry.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
        items = [(n, json.dumps(manifest).encode() if n == "manifest.json" else d) for n, d in items]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return buffer.getvalue()


def record_path(members: dict[str, bytes]) -> str:
    return next(n for n in members if n.startswith("interviews/"))


def refused_unchanged(receiver: Laptop, tmp_path: Path, data: bytes, match: str) -> None:
    path = tmp_path / "hostile.idbundle"
    path.write_bytes(data)
    before = receiver.path.read_bytes()
    with pytest.raises(BundleError, match=match):
        import_bundle(receiver.db, path)
    assert receiver.path.read_bytes() == before
    assert count_interviews(receiver.db) == 0


def test_the_real_bundle_imports(receiver: Laptop, source: bytes, tmp_path: Path) -> None:
    path = tmp_path / "ok.idbundle"
    path.write_bytes(source)
    assert len(import_bundle(receiver.db, path).added) == 1


def _edited(source: bytes, edit: Callable[[dict[str, Any]], None]) -> bytes:
    members = members_of(source)
    path = record_path(members)
    record = json.loads(members[path])
    edit(record)
    members[path] = json.dumps(record).encode()
    return pack(members, fix_digests=True)


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b" " * (200 << 20))  # 200 MB of spaces: ~200 KB packed
    return buffer.getvalue()


CASES: list[tuple[str, Callable[[bytes], bytes], str]] = [
    ("truncated", lambda s: s[: len(s) // 2], "not a zip archive, or a truncated one"),
    ("empty", lambda s: b"", "not a zip archive"),
    ("sqlite", lambda s: b"SQLite format 3\x00" + bytes(4000), "SQLite database, not a bundle"),
    ("foreign zip", lambda s: pack({"word/document.xml": b"<w/>"}), "holds a file no bundle has"),
    ("traversal", lambda s: pack({**members_of(s), "../../etc/passwd": b"x"}), "outside the bundle"),
    ("absolute", lambda s: pack({**members_of(s), "/etc/passwd": b"x"}), "outside the bundle"),
    ("zip bomb", lambda s: _zip_bomb(), "larger than|inflates to more than"),
    (
        "huge manifest",
        lambda s: pack({**members_of(s), "manifest.json": b"[" * 5 + b"0" * (9 << 20)}),
        "larger than 8 MB|inflates",
    ),
    (
        "invalid utf-8",
        lambda s: pack({**members_of(s), "manifest.json": b'{"format": "\xff"}'}),
        "not valid UTF-8",
    ),
    (
        "duplicate member",
        lambda s: pack([*members_of(s).items(), ("manifest.json", members_of(s)["manifest.json"])]),
        "twice",
    ),
    (
        "duplicate ids",
        lambda s: _edited(s, lambda r: r["notes"].append(copy.deepcopy(r["notes"][0]))),
        "used twice",
    ),
    ("altered score", lambda s: _edited(s, lambda r: r["scores"][0].update(level=1)), "not what was sealed"),
    (
        "altered recommendation",
        lambda s: _edited(s, lambda r: r.update(recommendation="strong-yes")),
        "not what was sealed",
    ),
    (
        "unknown competency",
        lambda s: _edited(s, lambda r: r["scores"][0].update(competency_id="charm")),
        "its template does not have",
    ),
    (
        "changed without new digests",
        lambda s: pack({**members_of(s), record_path(members_of(s)): b"{}"}),
        "not the file its manifest describes",
    ),
    (
        "duplicate json key",
        lambda s: pack({**members_of(s), "manifest.json": b'{"a": 1, "a": 2}'}),
        "given twice",
    ),
    (
        "deep json",
        lambda s: pack({**members_of(s), "manifest.json": b"[" * 100000 + b"]" * 100000}),
        "nested too deeply",
    ),
]


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_bad_bundle_is_refused_and_changes_nothing(
    receiver: Laptop, source: bytes, tmp_path: Path, case: tuple[str, Callable[[bytes], bytes], str]
) -> None:
    _name, make, match = case
    refused_unchanged(receiver, tmp_path, make(source), match)


def _mutate(rng: random.Random, source: bytes) -> bytes:
    members = members_of(source)
    kind = rng.randrange(7)
    if kind == 0:  # bytes flipped anywhere in the archive
        data = bytearray(source)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data)
    if kind == 1:  # cut, or a slice spliced in elsewhere
        cut = rng.randrange(len(source))
        return source[:cut] if rng.random() < 0.5 else source[:cut] + source[rng.randrange(len(source)) :]
    if kind in (2, 3):  # a value inside a JSON member changed, re-packed with matching digests
        name = rng.choice([n for n in members if n.endswith(".json")])
        document = json.loads(members[name])
        _poke(rng, document)
        members[name] = json.dumps(document, ensure_ascii=rng.random() < 0.5).encode()
        return pack(members, fix_digests=kind == 3)
    if kind == 4:  # a member dropped
        members.pop(rng.choice(list(members)))
        return pack(members, fix_digests=True)
    if kind == 5:  # a member renamed
        name = rng.choice(list(members))
        data = members.pop(name)
        members[
            rng.choice(
                [
                    "x.json",
                    "interviews/../a.json",
                    name.upper(),
                    name + ".json",
                    "templates/" + "0" * 64 + ".yaml",
                ]
            )
        ] = data
        return pack(members)
    # a member's bytes damaged inside an otherwise valid archive
    name = rng.choice(list(members))
    data = bytearray(members[name])
    if data:
        data[rng.randrange(len(data))] = rng.randrange(256)
    members[name] = bytes(data)
    return pack(members, fix_digests=rng.random() < 0.5)


POKES: list[Any] = [
    None,
    0,
    -1,
    10**12,
    1.5,
    float("1e308"),
    "",
    "x" * 300,
    [],
    {},
    True,
    "2026-13-45",
    "../../x",
]


def _poke(rng: random.Random, document: Any) -> None:
    """Change one value somewhere in the document to something it should not be."""
    node = document
    for _ in range(rng.randint(1, 6)):
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
            if isinstance(node[key], dict | list) and node[key] and rng.random() < 0.7:
                node = node[key]
                continue
            node[key] = rng.choice(POKES)
            return
        if isinstance(node, list) and node:
            index = rng.randrange(len(node))
            if isinstance(node[index], dict | list) and node[index] and rng.random() < 0.7:
                node = node[index]
                continue
            if rng.random() < 0.3:
                node.append(copy.deepcopy(node[index]))
            else:
                node[index] = rng.choice(POKES)
            return
        return


def test_a_thousand_mutated_bundles_crash_nothing_and_import_all_or_nothing(
    receiver: Laptop, source: bytes, tmp_path: Path
) -> None:
    rng = random.Random(20261123)
    path = tmp_path / "mutant.idbundle"
    refused = imported = 0
    failures: list[str] = []
    for _ in range(1200):
        data = _mutate(rng, source)
        path.write_bytes(data)
        before = receiver.path.read_bytes()
        interviews = count_interviews(receiver.db)
        try:
            outcome = import_bundle(receiver.db, path)
        except UserError as exc:  # a BundleError, or a refusal of the database the bundle would break
            refused += 1
            failures += [f"{p}: {exc.message}" for p in _refusal_problems(exc, receiver, before, interviews)]
            continue
        imported += 1
        assert outcome.refused is None
        assert count_interviews(receiver.db) in (interviews, interviews + 1)  # whole, or already here
    assert failures == []
    assert refused + imported == 1200
    assert refused > 900  # most mutations are damage the checks must see


def _refusal_problems(exc: UserError, receiver: Laptop, before: bytes, interviews: int) -> list[str]:
    problems = []
    if not isinstance(exc, BundleError):
        problems.append("not a bundle refusal")
    if "\n" in exc.message or "Traceback" in exc.message:
        problems.append("not one line")
    if receiver.path.read_bytes() != before or count_interviews(receiver.db) != interviews:
        problems.append("the database changed")  # nothing half done
    return problems


def test_the_schema_is_valid_and_a_template_is_parsed_once_per_process(
    receiver: Laptop, source: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jsonschema import Draft202012Validator

    from interviewdesk.exchange import records

    Draft202012Validator.check_schema(records.bundle_schema())
    parsed: list[str] = []
    real = records.parse_template_text
    monkeypatch.setattr(
        records, "parse_template_text", lambda text, where: parsed.append(where) or real(text, where)
    )
    monkeypatch.setattr(records, "_PARSED", {})
    for n in range(3):
        path = tmp_path / f"copy-{n}.idbundle"
        path.write_bytes(source)
        import_bundle(receiver.db, path)
    assert len(parsed) == 1
    # A template known by its bytes is still checked against the name it comes under.
    members = members_of(source)
    (template,) = [n for n in members if n.startswith("templates/")]
    members["templates/" + "0" * 64 + ".yaml"] = members.pop(template)
    manifest = json.loads(members["manifest.json"])
    manifest["templates"][0]["path"] = "templates/" + "0" * 64 + ".yaml"
    members["manifest.json"] = json.dumps(manifest).encode()
    renamed = tmp_path / "renamed.idbundle"
    renamed.write_bytes(pack(members))
    with pytest.raises(BundleError, match="not the template version it is named after"):
        import_bundle(receiver.db, renamed)
