"""Reading a bundle's content: strict JSON, its schema, and the rules the schema cannot state.

Everything is checked before anything is written: the manifest lists exactly the files the archive
holds, each with its digest; every id is unique; each interview's template is in the bundle and its
indexes, competencies, levels and tasks exist in that template; a sealed interview's seal is
recomputed from its scores. A bundle that passes is described by :class:`Bundle`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from interviewdesk.domain.digest import content_hash
from interviewdesk.domain.scoring import ScoreValue, seal_holds
from interviewdesk.errors import TemplateError
from interviewdesk.exchange.container import MANIFEST, BundleError, read_container
from interviewdesk.resources import resource
from interviewdesk.templates.loader import LoadedTemplate, parse_template_text
from interviewdesk.templates.model import Template

FORMAT = "interviewdesk-bundle"
FORMAT_VERSION = 1
MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class Bundle:
    sha256: str  # of the whole file: the same bundle imported twice is recognised
    kind: str  # "submission" or "plan"
    device: str
    created_at: datetime
    author: dict[str, Any] | None
    interviews: list[dict[str, Any]]  # validated records, in the manifest's order
    templates: dict[str, LoadedTemplate]  # by content hash


@cache
def bundle_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(resource("schema", "bundle.schema.json").read_text(encoding="utf-8"))
    return schema


@cache
def _validators() -> tuple[Any, Any]:
    from jsonschema import Draft202012Validator

    schema = bundle_schema()
    # The local references resolved once, ahead: validating a record then costs half as much.
    defs = schema["$defs"]
    manifest = {k: _inline(v, defs) for k, v in schema.items() if k != "$defs"}
    return Draft202012Validator(manifest), Draft202012Validator(_inline(defs["interview"], defs))


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with every ``{"$ref": "#/$defs/NAME"}`` replaced by that definition (none refers
    to itself, so this ends)."""
    if isinstance(node, dict):
        if set(node) == {"$ref"} and str(node["$ref"]).startswith("#/$defs/"):
            return _inline(defs[node["$ref"].removeprefix("#/$defs/")], defs)
        return {key: _inline(value, defs) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def read_bundle(data: bytes, source: str) -> Bundle:
    """The bundle in ``data`` (a file's bytes), fully checked; a BundleError says what is wrong."""
    members = read_container(data, source)
    manifest = _manifest(members[MANIFEST], source)
    listed = {m["path"]: m for m in [*manifest["interviews"], *manifest["templates"]]}
    if len(listed) != len(manifest["interviews"]) + len(manifest["templates"]):
        raise BundleError(source, "its manifest lists a file twice")
    held = set(members) - {MANIFEST}
    if held != set(listed):
        missing, extra = sorted(set(listed) - held), sorted(held - set(listed))
        what = f"{missing[0]} is listed but missing" if missing else f"{extra[0]} is not in its manifest"
        raise BundleError(source, f"its files do not match its manifest ({what})")
    for path, member in listed.items():
        content = members[path]
        if len(content) != member["size"] or hashlib.sha256(content).hexdigest() != member["sha256"]:
            raise BundleError(source, f"{path} is not the file its manifest describes (changed or damaged)")

    templates = {
        m["path"][10:-5]: _template(members[m["path"]], m["path"], source) for m in manifest["templates"]
    }
    interviews = [_interview(members[m["path"]], m["path"], source) for m in manifest["interviews"]]
    _check_ids(interviews, source)
    for record in interviews:
        if record["template"] not in templates:
            raise BundleError(source, f"interview {record['uid']} names a template the bundle does not hold")
        _check_against_template(record, templates[record["template"]].template, source)
        _check_seal(record, source)
        if manifest["kind"] == "plan" and record["status"] != "planned":
            raise BundleError(source, f"a plan bundle holds interview {record['uid']}, which is not a plan")
    return Bundle(
        sha256=hashlib.sha256(data).hexdigest(),
        kind=manifest["kind"],
        device=manifest["device"],
        created_at=parse_time(manifest["created_at"]),
        author=manifest["author"],
        interviews=interviews,
        templates=templates,
    )


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def loads_strict(raw: bytes, path: str, source: str) -> Any:
    """JSON as the format allows it: UTF-8, no duplicate keys, no NaN, not absurdly deep."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleError(source, f"{path} is not valid UTF-8 (byte {exc.start})") from None
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        reason = str(exc).split(":")[0][:80] if not isinstance(exc, RecursionError) else "nested too deeply"
        raise BundleError(source, f"{path} is not valid JSON ({reason})") from None
    if _depth(value) > MAX_DEPTH:
        raise BundleError(source, f"{path} is not valid JSON (nested too deeply)")
    return value


def _manifest(raw: bytes, source: str) -> dict[str, Any]:
    manifest = loads_strict(raw, MANIFEST, source)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(source, "its manifest is not an InterviewDesk bundle's")
    version = manifest.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise BundleError(
            source,
            f"it was made by a newer release of InterviewDesk (bundle format {version}; this release "
            f"reads format {FORMAT_VERSION}). Update InterviewDesk to import it",
        )
    _validate(_validators()[0], manifest, MANIFEST, source)
    return manifest


def _interview(raw: bytes, path: str, source: str) -> dict[str, Any]:
    record = loads_strict(raw, path, source)
    _validate(_validators()[1], record, path, source)
    if path != f"interviews/{record['uid']}.json":
        raise BundleError(source, f"{path} holds interview {record['uid']}")
    return dict(record)


def _template(raw: bytes, path: str, source: str) -> LoadedTemplate:
    """Parsing YAML is most of a small bundle's import; the same bytes parse the same, so a
    template that parsed once in this process is not parsed again (refusals are not kept)."""
    known = _PARSED.get(raw)
    if known is None:
        known = _parse_template(raw, path, source)
        if len(_PARSED) >= 32:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[raw] = known
    if content_hash(known.data) != path[10:-5]:
        raise BundleError(source, f"{path} is not the template version it is named after (changed)")
    return known


_PARSED: dict[bytes, LoadedTemplate] = {}


def _parse_template(raw: bytes, path: str, source: str) -> LoadedTemplate:
    try:
        loaded = parse_template_text(raw.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        raise BundleError(source, f"{path} is not valid UTF-8 (byte {exc.start})") from None
    except TemplateError as exc:
        first = exc.problems[0] if exc.problems else "not a valid template"
        raise BundleError(source, f"its template is not valid ({first})") from None
    return loaded


def _validate(validator: Any, value: Any, path: str, source: str) -> None:
    error = next(iter(validator.iter_errors(value)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the top"
        message = " ".join(str(error.message).split())
        message = message if len(message) <= 100 else message[:97] + "..."
        raise BundleError(source, f"{path} does not follow the bundle format (at {where}: {message})")


def _check_ids(interviews: list[dict[str, Any]], source: str) -> None:
    seen: set[str] = set()
    for record in interviews:
        for uid in _record_ids(record):
            if uid in seen:
                raise BundleError(source, f"the id {uid} is used twice")
            seen.add(uid)


def _record_ids(record: dict[str, Any]) -> Iterator[str]:
    yield record["uid"]
    for key in ("timer_events", "notes", "candidate_questions", "follow_ups"):
        yield from (item["uid"] for item in record[key])
    for score in record["scores"]:
        yield score["uid"]
        yield from (a["uid"] for a in score["amendments"])
    for task in record["tasks"]:
        yield task["uid"]
        yield from (o["uid"] for o in task["observations"])


def _check_against_template(record: dict[str, Any], template: Template, source: str) -> None:
    uid = record["uid"]

    def refuse(what: str) -> BundleError:
        return BundleError(source, f"interview {uid} {what} that its template does not have")

    sections = template.sections
    if record["current_section"] > len(sections):
        raise refuse("is at a section")
    for note in record["notes"]:
        if note["section_index"] >= len(sections) or (
            note["question_index"] is not None
            and note["question_index"] >= len(sections[note["section_index"]].questions)
        ):
            raise refuse("has a note on a question")
    for event in record["timer_events"]:
        if event["section_index"] is not None and event["section_index"] >= len(sections):
            raise refuse("moves to a section")
    for section_index, question_index, _offset in record["asked"]:
        if section_index >= len(sections) or question_index >= len(sections[section_index].questions):
            raise refuse("marks a question asked")
    if len({(s, q) for s, q, _o in record["asked"]}) != len(record["asked"]):
        raise BundleError(source, f"interview {uid} marks a question asked twice")
    if any(index >= len(template.role_clarity) for index, _o in record["checklist"]):
        raise refuse("ticks a checklist item")
    if len({i for i, _o in record["checklist"]}) != len(record["checklist"]):
        raise BundleError(source, f"interview {uid} ticks a checklist item twice")
    _check_scores(record, template, source)


def _check_scores(record: dict[str, Any], template: Template, source: str) -> None:
    uid = record["uid"]

    def refuse(what: str) -> BundleError:
        return BundleError(source, f"interview {uid} {what} that its template does not have")

    sections = template.sections
    levels = {level.level for level in template.scale}
    if record["recommendation"] is not None and record["recommendation"] not in {
        r.id for r in template.recommendations
    }:
        raise refuse("recommends an option")
    competencies = {c.id for c in template.competencies}
    scored = [s["competency_id"] for s in record["scores"]]
    if len(set(scored)) != len(scored):
        raise BundleError(source, f"interview {uid} scores a competency twice")
    for score in record["scores"]:
        if score["competency_id"] not in competencies:
            raise refuse("scores a competency")
        for level in (score["level"], *(a["level"] for a in score["amendments"])):
            if level is not None and level not in levels:
                raise refuse("gives a level")
    tasks = {t.id for s in sections for t in s.tasks}
    recorded = [t["task_id"] for t in record["tasks"]]
    if len(set(recorded)) != len(recorded) or not set(recorded) <= tasks:
        raise refuse("records a task")
    if any(t["level"] is not None and t["level"] not in levels for t in record["tasks"]):
        raise refuse("gives a level")
    questions = {q["uid"] for q in record["candidate_questions"]}
    for follow_up in record["follow_ups"]:
        if follow_up["candidate_question"] is not None and follow_up["candidate_question"] not in questions:
            raise BundleError(source, f"interview {uid} has a follow-up for a question it does not hold")


def _check_seal(record: dict[str, Any], source: str) -> None:
    uid = record["uid"]
    sealed_at, seal = record["sealed_at"], record["seal_hash"]
    if (sealed_at is None) != (seal is None) or (seal is not None and record["status"] != "submitted"):
        raise BundleError(source, f"interview {uid} is half sealed (a seal without its time or status)")
    if record["status"] == "submitted" and seal is None:
        raise BundleError(source, f"interview {uid} is submitted but carries no seal")
    if seal is None:
        return
    scores = [
        ScoreValue(s["competency_id"], s["level"], s["evidence"], s["evidence_sha256"])
        for s in record["scores"]
    ]
    if not seal_holds(uid, record["recommendation"], scores, seal):
        raise BundleError(
            source,
            f"the scores of interview {uid} are not what was sealed (changed after the seal); ask its "
            "interviewer to send it again",
        )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("a key is given twice")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _depth(value: Any) -> int:
    depth, level = 0, [value]
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return depth
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
            if isinstance(child, dict | list)
        ]
    return depth
