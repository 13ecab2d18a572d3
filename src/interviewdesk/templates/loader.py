"""Reading and validating template files.

The structure is checked against the published JSON Schema (``resources/schema``), the meaning
(anchors for every level, references between competencies and questions, unique ids) in code.
Every problem is reported at once, each with its file, line and field, and nothing is imported
from a file that has any.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from interviewdesk.errors import TemplateError, UserError
from interviewdesk.resources import resource
from interviewdesk.templates.model import Template

MAX_TEMPLATE_BYTES = 1_000_000

PathPart = str | int


@dataclass(frozen=True, slots=True)
class LoadedTemplate:
    """A template that passed validation, with the text it came from (kept for export)."""

    template: Template
    data: dict[str, Any]
    source_text: str


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    field: str
    message: str

    def render(self, source: str) -> str:
        where = f"{source}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@cache
def template_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        resource("schema", "template.schema.json").read_text(encoding="utf-8")
    )
    return schema


def read_template_file(path: Path) -> LoadedTemplate:
    """Read, parse and validate a template file; raise :class:`UserError` naming every problem."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UserError(f"{path} is a folder, not a template file.")
        if size > MAX_TEMPLATE_BYTES:
            raise UserError(f"{path} is {size:,} bytes; a template file is at most {MAX_TEMPLATE_BYTES:,}.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file.") from None
    except PermissionError:
        raise UserError(f"{path}: permission denied.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start} cannot be read).") from None
    return parse_template_text(text, str(path))


def parse_template_text(text: str, source: str) -> LoadedTemplate:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")  # round-trip mode keeps the line of every key and item
    try:
        document = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = (exc.problem or exc.context or "not valid YAML").strip()
        raise TemplateError(source, [Problem(line, "", f"not valid YAML: {reason}").render(source)]) from None
    except YAMLError as exc:
        raise TemplateError(source, [f"{source}:1: not valid YAML: {exc}"]) from None
    if not isinstance(document, dict):
        raise TemplateError(
            source, [f"{source}:1: a template is a mapping of fields (format, id, name, ...)"]
        )

    data = _plain(document)
    problems = [*_schema_problems(data, document), *_meaning_problems(data, document)]
    if problems:
        ordered = sorted(set(problems), key=lambda p: (p.line, p.field, p.message))
        raise TemplateError(source, [p.render(source) for p in ordered])
    return LoadedTemplate(Template.from_dict(data), data, text)


def _plain(node: Any) -> Any:
    """Turn ruamel's round-trip nodes into JSON-like data; mapping keys become strings."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _line_of(document: Any, path: tuple[PathPart, ...]) -> int:
    """The 1-based line where ``path`` sits in the YAML source (its nearest known ancestor)."""
    if document is None:
        return 0
    line = 0
    node = document
    for part in path:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, dict):
                key = next((k for k in node if str(k) == str(part)), part)
                if lc is not None:
                    line = lc.key(key)[0]
                node = node[key]
            elif isinstance(node, list) and isinstance(part, int):
                if lc is not None:
                    line = lc.item(part)[0]
                node = node[part]
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
    return line + 1


def _field(path: tuple[PathPart, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_REQUIRED = re.compile(r"^'(.+)' is a required property")
_FRIENDLY_PATTERN = {
    "^[a-z0-9][a-z0-9_-]{0,63}$": "use lower-case letters, digits, '-' and '_' (at most 64)",
    "\\S": "must not be empty",
}


def _schema_problems(data: dict[str, Any], document: Any) -> Iterator[Problem]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(template_schema())
    for error in validator.iter_errors(data):
        path = tuple(error.absolute_path)
        kind = error.validator
        if kind == "required":
            match = _REQUIRED.match(error.message)
            name = match.group(1) if match else "a field"
            yield Problem(_line_of(document, path), _field((*path, name)), "is missing")
        elif kind == "additionalProperties" and isinstance(error.instance, dict):
            allowed = set(error.schema.get("properties", {}))
            patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
            for key in error.instance:
                if key not in allowed and not any(p.search(key) for p in patterns):
                    hint = f"; expected one of: {', '.join(sorted(allowed))}" if allowed else ""
                    message = f"unknown field{hint}" if allowed else "must be a level of the scale"
                    yield Problem(_line_of(document, (*path, key)), _field((*path, key)), message)
        else:
            yield Problem(_line_of(document, path), _field(path) or "template", _describe(error))


_TYPE_NAMES = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
}
_DESCRIBE: dict[str, Any] = {
    "type": lambda e: f"must be {_TYPE_NAMES.get(e.validator_value, e.validator_value)}, not {e.instance!r}",
    "enum": lambda e: f"must be one of: {', '.join(map(str, e.validator_value))}; got {e.instance!r}",
    "const": lambda e: f"must be {e.validator_value!r}",
    "pattern": lambda e: _FRIENDLY_PATTERN.get(e.validator_value, f"must match {e.validator_value}"),
    "minLength": lambda _e: "must not be empty",
    "minItems": lambda e: (
        f"needs at least {e.validator_value} entr{'y' if e.validator_value == 1 else 'ies'}"
    ),
    "maxItems": lambda e: f"has at most {e.validator_value} entries",
    "minimum": lambda e: f"must be at least {e.validator_value}",
    "exclusiveMinimum": lambda e: f"must be more than {e.validator_value}",
    "maximum": lambda e: f"must be at most {e.validator_value}",
    "uniqueItems": lambda _e: "lists an entry twice",
}


def _describe(error: Any) -> str:
    describe = _DESCRIBE.get(error.validator)
    return describe(error) if describe else str(error.message)


def _meaning_problems(data: dict[str, Any], document: Any) -> Iterator[Problem]:
    """What a schema cannot say: scale levels, anchors per level, references and unique ids."""

    def at(*path: PathPart) -> tuple[int, str]:
        return _line_of(document, path), _field(path)

    scale = [s.get("level") for s in _dicts(data.get("scale"))]
    levels = {lv for lv in scale if isinstance(lv, int)}
    if len(levels) != len(scale) or scale != sorted(scale, key=lambda v: v if isinstance(v, int) else 0):
        yield Problem(*at("scale"), "levels must be distinct and listed from lowest to highest")

    yield from _duplicates(data, document, "recommendations", "id")
    yield from _duplicates(data, document, "competencies", "id")

    competency_ids = {c.get("id") for c in _dicts(data.get("competencies"))}
    for ci, competency in enumerate(_dicts(data.get("competencies"))):
        anchors = competency.get("anchors")
        if isinstance(anchors, dict) and levels:
            yield from _anchor_problems(anchors, levels, document, ("competencies", ci, "anchors"))

    yield from _section_problems(list(_dicts(data.get("sections"))), competency_ids, levels, document)


def _section_problems(
    sections: list[dict[str, Any]], competency_ids: set[Any], levels: set[int], document: Any
) -> Iterator[Problem]:
    def at(*path: PathPart) -> tuple[int, str]:
        return _line_of(document, path), _field(path)

    if sections and not any(s.get("kind") == "candidate_questions" for s in sections):
        yield Problem(
            *at("sections"), "reserve a candidate_questions section for the candidate's own questions"
        )
    task_ids: set[str] = set()
    for si, section in enumerate(sections):
        kind = section.get("kind")
        tasks = list(_dicts(section.get("tasks")))
        if kind == "working_task" and not tasks:
            yield Problem(*at("sections", si), "a working_task section lists its tasks under 'tasks'")
        if kind != "working_task" and tasks:
            yield Problem(*at("sections", si, "tasks"), "only a section of kind working_task has tasks")
        if kind == "questions" and not section.get("questions"):
            yield Problem(*at("sections", si), "a questions section lists at least one question")
        for qi, question in enumerate(_dicts(section.get("questions"))):
            yield from _reference_problems(
                question, competency_ids, document, ("sections", si, "questions", qi)
            )
        for ti, task in enumerate(tasks):
            path: tuple[PathPart, ...] = ("sections", si, "tasks", ti)
            task_id = task.get("id")
            if isinstance(task_id, str) and task_id in task_ids:
                yield Problem(*at(*path, "id"), f"the task id {task_id!r} is used twice")
            task_ids.add(str(task_id))
            if not str(task.get("pay", "")).strip():
                yield Problem(*at(*path), "pay: say how much the time is paid, or why it is not")
            yield from _reference_problems(task, competency_ids, document, path)
            if isinstance(task.get("anchors"), dict) and levels:
                yield from _anchor_problems(task["anchors"], levels, document, (*path, "anchors"))


def _reference_problems(
    item: dict[str, Any], competency_ids: set[Any], document: Any, path: tuple[PathPart, ...]
) -> Iterator[Problem]:
    for ri, ref in enumerate(item.get("competencies") or ()):
        if isinstance(ref, str) and ref not in competency_ids:
            where = (*path, "competencies", ri)
            yield Problem(_line_of(document, where), _field(where), f"no competency has the id {ref!r}")


def _anchor_problems(
    anchors: dict[str, Any], levels: set[int], document: Any, path: tuple[PathPart, ...]
) -> Iterator[Problem]:
    given = {int(k) for k in anchors if str(k).isdigit()}
    for missing in sorted(levels - given):
        yield Problem(_line_of(document, path), _field(path), f"no anchor for level {missing}")
    for extra in sorted(given - levels):
        yield Problem(
            _line_of(document, (*path, str(extra))),
            _field((*path, str(extra))),
            "is not a level of the scale",
        )


def _duplicates(data: dict[str, Any], document: Any, list_name: str, key: str) -> Iterator[Problem]:
    seen: set[Any] = set()
    for index, item in enumerate(_dicts(data.get(list_name))):
        value = item.get(key)
        if value in seen:
            path = (list_name, index, key)
            yield Problem(_line_of(document, path), _field(path), f"{value!r} is used twice")
        seen.add(value)


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))
