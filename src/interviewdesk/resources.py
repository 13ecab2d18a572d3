"""Access to the files in ``resources/`` (templates, schema, fonts, icons, licences) and the
documents the app shows (the user guide).

In a wheel they are package data at ``interviewdesk/resources`` and ``interviewdesk/docs``; in a
source checkout they sit at the repository's top level. Both are read through
:mod:`importlib.resources` traversables.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


@cache
def resource_root() -> Traversable:
    packaged = files("interviewdesk").joinpath("resources")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise RuntimeError("InterviewDesk's resources are missing from this installation; reinstall it.")


def resource(*parts: str) -> Traversable:
    """A file or folder below the resources root, e.g. ``resource("templates")``."""
    node = resource_root()
    for part in parts:
        node = node.joinpath(part)
    return node


def document(name: str) -> str:
    """A document from ``docs/`` that the app shows (``guide.md``), as text."""
    packaged = files("interviewdesk").joinpath("docs", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "docs" / name
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise RuntimeError(f"InterviewDesk's {name} is missing from this installation; reinstall it.")
