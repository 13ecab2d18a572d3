"""Access to the files in ``resources/`` (templates, schema, fonts, icons).

In a wheel they are package data at ``interviewdesk/resources``; in a source checkout they sit at
the repository's top level. Both are read through :mod:`importlib.resources` traversables.
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
