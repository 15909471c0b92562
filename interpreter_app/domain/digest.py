"""The canonical package digest: SHA-256 over a canonical serialisation of all three parts."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

from .model import InterpretationPlan, Material, Package, PolicyDocument, to_dict

DIGEST_VERSION = 1
# Identity and bookkeeping fields are not content: they never enter the digest.
_MATERIAL_NON_CONTENT = ("id", "row_version")
# Document fields added after DIGEST_VERSION 1 enter the digest only when they hold something,
# so that the digests of packages signed before they existed stay as they were.
LATER_DOCUMENT_FIELDS = ("masthead", "signer", "attachments", "note", "copy_to", "printer",
                         "print_date", "source_file")


def document_content(document: PolicyDocument) -> dict[str, Any]:
    """The document's fields, later ones only when set."""
    data = to_dict(document)
    for key in LATER_DOCUMENT_FIELDS:
        if not data.get(key):
            data.pop(key, None)
    return data


def _norm(value: Any) -> Any:
    """NFC-normalise strings so that the same visible text gives the same digest."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def material_content(material: Material) -> dict[str, Any]:
    """The content of one material, without identity fields. Media entered the model after
    packages were signed: a material without any serialises as it always did, so those
    signatures still bind; files count by their SHA-256."""
    data = to_dict(material)
    for key in _MATERIAL_NON_CONTENT:
        data.pop(key, None)
    if not data.get("media"):
        data.pop("media", None)
    return data


def canonical_content(
    document: PolicyDocument, plan: InterpretationPlan, materials: list[Material]
) -> dict[str, Any]:
    """The three parts as one JSON-ready tree, materials in their order."""
    return _norm({
        "digest_version": DIGEST_VERSION,
        "document": document_content(document),
        "plan": to_dict(plan),
        "materials": [material_content(m) for m in materials],
    })


def canonical_json(package: Package) -> str:
    """Canonical serialisation of a package's content (sorted keys, no spaces, UTF-8)."""
    tree = canonical_content(package.document, package.plan, package.materials)
    return json.dumps(tree, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest_of_json(text: str) -> str:
    """SHA-256 hex of canonical JSON text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def package_digest(package: Package) -> str:
    """The package digest that a sign-off binds."""
    return digest_of_json(canonical_json(package))
