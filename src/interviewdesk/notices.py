"""The licences of InterviewDesk and of everything it ships with, for About and `interviewdesk about`.

Read from what is installed rather than typed out by hand, so the list stays true when a
dependency is added or upgraded: the Python packages InterviewDesk depends on (its requirements,
followed to the leaves), each with its version, its licence as its metadata states it and the
licence files it ships; and the fonts and icons in ``resources/``, which carry their own licence
files. PySide6's wheels carry no licence file, so the LGPL v3 (with the GPL v3 it extends), under
which Qt and PySide6 are used, is shipped in ``resources/licences``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from interviewdesk import __version__
from interviewdesk.resources import resource

ROOT = "interviewdesk"
LICENCE_FILE = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)
# The files of resources/ that are not ours, and the licence file beside them.
BUNDLED = (
    (
        "Noto Sans, Noto Sans Hebrew, Noto Sans Arabic (fonts)",
        "SIL Open Font License 1.1",
        "fonts",
        "LICENSE-OFL-1.1.txt",
    ),
    ("Droid Sans Fallback (font)", "Apache License 2.0", "fonts", "LICENSE-Apache-2.0.txt"),
    ("Lucide (icons)", "ISC License", "icons", "LICENSE-lucide.txt"),
    ("Qt 6 and Qt for Python (PySide6, shiboken6)", "GNU LGPL v3", "licences", "LGPL-3.0.txt"),
    ("The GNU GPL v3, which the LGPL v3 above extends", "GNU GPL v3", "licences", "GPL-3.0.txt"),
)


@dataclass(frozen=True, slots=True)
class Notice:
    name: str
    version: str
    licence: str
    text: str  # the licence files' text ("" when the package ships none)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
EXTRA_MARKER = re.compile(r"extra\s*==\s*['\"]([^'\"]+)['\"]")


def _required(requirement: str, extras: frozenset[str]) -> tuple[str, frozenset[str]] | None:
    """The package a requirement names with the extras it asks of it; None when the requirement
    belongs to an extra nobody asked for."""
    match = REQUIREMENT.match(requirement)
    if match is None:
        return None
    marker = requirement.split(";", 1)[1] if ";" in requirement else ""
    needs_extra = EXTRA_MARKER.search(marker)
    if needs_extra and _canonical(needs_extra.group(1)) not in extras:
        return None
    asked = frozenset(_canonical(e) for e in (match.group(2) or "").split(",") if e.strip())
    return match.group(1), asked


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")  # type: ignore[attr-defined]  # an email Message
    if expression:
        return str(expression)
    classifiers = [
        c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    licence = str(meta.get("License") or "").strip()  # type: ignore[attr-defined]
    return licence.splitlines()[0][:80] if licence else "not stated in its metadata"


def _licence_text(dist: metadata.Distribution) -> str:
    """The licence files in the package's metadata folder (or, without any, elsewhere in it)."""
    found = [f for f in dist.files or () if LICENCE_FILE.search(str(f)) and f.suffix not in (".py", ".pyc")]
    in_metadata = [f for f in found if ".dist-info/" in str(f)]
    texts = []
    for file in in_metadata or found:
        try:
            texts.append(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):  # a missing or binary file: the name still says it
            continue
    return "\n\n".join(texts)


def _dependencies() -> list[metadata.Distribution]:
    """Every installed distribution InterviewDesk needs to run, in name order, itself excluded."""
    seen: dict[str, metadata.Distribution] = {}
    asked: dict[str, frozenset[str]] = {}
    pending: list[tuple[str, frozenset[str]]] = [(ROOT, frozenset())]
    while pending:
        raw, extras = pending.pop()
        name = _canonical(raw)
        if name in seen and extras <= asked[name]:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        seen[name] = dist
        asked[name] = asked.get(name, frozenset()) | extras
        pending += [found for r in dist.requires or () if (found := _required(r, asked[name]))]
    seen.pop(ROOT, None)
    return sorted(seen.values(), key=lambda d: _canonical(d.metadata["Name"]))


@cache
def notices() -> tuple[Notice, ...]:
    """InterviewDesk first, then the Python packages, then the fonts and icons."""
    found = [Notice("InterviewDesk", __version__, "MIT", _own_licence())]
    for dist in _dependencies():
        found.append(Notice(dist.metadata["Name"], dist.version, _licence_of(dist), _licence_text(dist)))
    for name, licence, folder, file in BUNDLED:
        found.append(Notice(name, "", licence, resource(folder, file).read_text(encoding="utf-8")))
    return tuple(found)


def _own_licence() -> str:
    try:
        dist = metadata.distribution(ROOT)
    except metadata.PackageNotFoundError:
        return ""
    return _licence_text(dist)


def summary() -> str:
    """One line per component: name, version, licence."""
    return "\n".join(f"{n.name} {n.version}".strip() + f": {n.licence}" for n in notices())


def full_text() -> str:
    """Every component with its licence text, for the Licences dialog and `about --licences`."""
    parts = []
    for notice in notices():
        heading = f"{notice.name} {notice.version}".strip()
        body = notice.text.strip() or f"(licence: {notice.licence}; no licence file shipped)"
        parts.append(f"{heading} — {notice.licence}\n{'=' * len(heading)}\n\n{body}")
    return "\n\n\n".join(parts)
