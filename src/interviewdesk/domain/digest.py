"""The one canonical form of JSON data that digests are made over (template versions, seals, bundles)."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(data: Any) -> str:
    """The SHA-256 of ``data`` in canonical form: the same for the same content on every laptop."""
    return hashlib.sha256(canonical_json(data)).hexdigest()
