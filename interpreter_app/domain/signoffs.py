"""Which sign-off binds a package, and what a sign-off signs: decided here and nowhere else.

The review service (release), the export (signed or draft, the manifest), the verifier and the
sign-off tab all ask these functions. A sign-off binds a package when it is for the package's
current revision, has not been voided by a revocation, and its digest is the digest of the
content now; the newest such one is shown as *the* sign-off (several when countersigned).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .model import SignOff
from .signatures import verify


def signoff_message(package_id: int, revision: int, digest: str, signer_id: int,
                    signed_at: str, opinion: str, on_behalf_of: str) -> bytes:
    """The exact bytes a sign-off signs."""
    return json.dumps([package_id, revision, digest, signer_id, signed_at, opinion, on_behalf_of],
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def message_of(s: SignOff) -> bytes:
    """The bytes the stored sign-off `s` claims to have signed."""
    return signoff_message(s.package_id, s.revision, s.digest, s.signer_id, s.signed_at,
                           s.opinion, s.on_behalf_of)


def signature_holds(s: SignOff, key: tuple[int, str] | None) -> bool:
    """Whether `s` is signed by `key` ((owner id, public key), as the store gives it) and the
    key belongs to the signer."""
    if key is None or key[0] != s.signer_id or not s.signature:
        return False
    return verify(key[1], s.signature, message_of(s))


def in_force(signoffs: Iterable[SignOff], revision: int) -> list[SignOff]:
    """The sign-offs of this revision that no revocation voided, oldest first."""
    return [s for s in signoffs if s.revision == revision and not s.void]


def latest_in_force(signoffs: Iterable[SignOff], revision: int) -> SignOff | None:
    """The newest sign-off in force for this revision (its digest still to be compared)."""
    current = in_force(signoffs, revision)
    return current[-1] if current else None


def binding(signoffs: Iterable[SignOff], revision: int, digest: str) -> tuple[SignOff, ...]:
    """The sign-offs that bind exactly this content of this revision, oldest first."""
    return tuple(s for s in in_force(signoffs, revision) if s.digest == digest)
