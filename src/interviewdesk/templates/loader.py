"""Reading and validating template files.

The structure is checked against the published JSON Schema (``resources/schema``), the meaning
(anchors for every level, references between competencies and questions, unique ids) in code.
Every problem is reported at once, each with its file, line and field, and nothing is imported
from a file that has any.

A template may come from anywhere, so a hostile file is refused before it costs memory or time:
only a regular file, its size checked before it is read, no control characters, no YAML anchors or
aliases (an alias bomb of 545 bytes took 1.4 GB), nesting at most MAX_DEPTH deep, no NaN or
infinity, and every message one line with any value in it cut short.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from interviewdesk.errors import TemplateError, UserError
from interviewdesk.resources import resource
from interviewdesk.templates.model import Template

MAX_TEMPLATE_BYTES = 1_000_000
MAX_DEPTH = 32  # a real template nests about 6 deep
MAX_MESSAGE = 200  # characters of one problem's message
MAX_PROBLEMS = 40  # problems listed at once (a broken file can have thousands)
MAX_TEXT = 10_000  # characters of one text value (a guidance paragraph is a few hundred)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

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
        message = " ".join(self.message.split())
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 1] + "…"
        field = _short(self.field, 60)
        return f"{where}: {field}: {message}" if field else f"{where}: {message}"


def _short(value: object, limit: int = 40) -> str:
    """A value for a message: one line, cut to ``limit`` characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cache
def template_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        resource("schema", "template.schema.json").read_text(encoding="utf-8")
    )
    return schema


def read_template_file(path: Path) -> LoadedTemplate:
    """Read, parse and validate a template file; raise :class:`UserError` naming every problem."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UserError(f"{path} is a folder, not a template file.")
        if not stat.S_ISREG(info.st_mode):  # a pipe would block, /dev/zero never ends
            raise UserError(
                f"{path} is not a regular file (a device, a pipe or a socket); give a template file."
            )
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise UserError(
                f"{path} is {info.st_size:,} bytes; a template file is at most {MAX_TEMPLATE_BYTES:,}."
            )
        with open(path, "rb", opener=_no_block) as handle:  # Path.open takes no opener
            raw = handle.read(MAX_TEMPLATE_BYTES + 1)  # it may have grown since the check
        if len(raw) > MAX_TEMPLATE_BYTES:
            raise UserError(
                f"{path} is over {MAX_TEMPLATE_BYTES:,} bytes; a template file is not that large."
            )
    except FileNotFoundError:
        raise UserError(f"{path}: no such file.") from None
    except PermissionError:
        raise UserError(f"{path}: permission denied.") from None
    except (OSError, RuntimeError) as exc:  # a symbolic link loop, a name too long, an I/O error
        reason = getattr(exc, "strerror", None) or exc
        raise UserError(f"{path}: cannot be read ({reason}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start} cannot be read).") from None
    return parse_template_text(text, str(path))


def _no_block(name: str, flags: int) -> int:
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))


def _refuse(source: str, line: int, message: str) -> TemplateError:
    return TemplateError(source, [Problem(line, "", message).render(source)])


def _prescan(text: str, source: str) -> None:
    """What must be refused before the YAML parser builds anything: control characters (at their
    real line), anchors and aliases, and nesting deeper than any template needs."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent

    bad = _CONTROL.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        code = f"U+{ord(bad.group()):04X}"
        raise _refuse(source, line, f"a control character ({code}) cannot be in a template")
    depth = 0
    for event in YAML(typ="safe").parse(text):
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
            raise _refuse(source, line, "YAML anchors and aliases (& and *) are not allowed in a template")
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse(source, line, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def parse_template_text(text: str, source: str) -> LoadedTemplate:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    yaml = YAML(typ="rt")  # round-trip mode keeps the line of every key and item
    try:
        _prescan(text, source)
        document = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = (exc.problem or exc.context or "not valid YAML").strip()
        raise _refuse(source, line, f"not valid YAML: {reason}") from None
    except (TemplateError, UserError):
        raise
    except Exception as exc:  # any other refusal of the parser (a %YAML 1.3 directive, say)
        raise _refuse(source, 1, f"not valid YAML: {_short(exc, 120)}") from None
    if not isinstance(document, dict):
        raise TemplateError(
            source, [f"{source}:1: a template is a mapping of fields (format, id, name, ...)"]
        )

    data = _plain(document)
    problems = [*_schema_problems(data, document), *_number_problems(data, document)]
    try:
        problems += _meaning_problems(data, document)
    except (TypeError, ValueError, AttributeError, KeyError):
        # A shape the schema already refused (an id that is a mapping, say) can confuse the
        # meaning checks; the schema's problems say what to fix.
        if not problems:
            raise
    problems += _text_problems(data, document)
    if problems:
        ordered = sorted(set(problems), key=lambda p: (p.line, p.field, p.message))
        shown = [p.render(source) for p in ordered[:MAX_PROBLEMS]]
        if len(ordered) > MAX_PROBLEMS:
            shown.append(f"{source}: … and {len(ordered) - MAX_PROBLEMS} more; fix these first")
        raise TemplateError(source, shown, total=len(ordered))
    return LoadedTemplate(Template.from_dict(data), data, text)


def _text_problems(data: Any, document: Any, path: tuple[PathPart, ...] = ()) -> list[Problem]:
    """Text that cannot be stored (a lone surrogate from a \\ud800 escape) or is absurdly long."""
    found: list[Problem] = []
    if isinstance(data, str):
        if _CONTROL.search(data):
            found.append(Problem(_line_of(document, path), _field(path), "holds a control character"))
        elif len(data) > MAX_TEXT:
            found.append(Problem(_line_of(document, path), _field(path), f"is over {MAX_TEXT:,} characters"))
    elif isinstance(data, dict):
        for key, value in data.items():
            found += _text_problems(value, document, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _text_problems(value, document, (*path, index))
    return found


def _number_problems(data: Any, document: Any, path: tuple[PathPart, ...] = ()) -> list[Problem]:
    """NaN and infinity are floats to YAML but no template's number: they broke every PDF."""
    found: list[Problem] = []
    if isinstance(data, float) and not math.isfinite(data):
        found.append(Problem(_line_of(document, path), _field(path), "must be a number, not NaN or infinity"))
    elif isinstance(data, dict):
        for key, value in data.items():
            found += _number_problems(value, document, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _number_problems(value, document, (*path, index))
    return found


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
    "type": lambda e: (
        f"must be {_TYPE_NAMES.get(e.validator_value, e.validator_value)}, not {_short(repr(e.instance))}"
    ),
    "enum": lambda e: (
        f"must be one of: {', '.join(map(str, e.validator_value))}; got {_short(repr(e.instance))}"
    ),
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
    return describe(error) if describe else _short(error.message, MAX_MESSAGE)


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
