"""The department's trust root, the certificates it gives user keys, and signed decisions.

Pure data and checks: the bytes each statement signs and what makes it valid. Whoever can write
the database can write any of these rows; what they cannot do is sign with the root key or a
user's key, so every check ends in a signature over canonical bytes (domain/signatures.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from . import signatures as sig
from . import workflow

CERT_VERSION = 1
DECISION_VERSION = 1


@dataclass(frozen=True)
class Signed:
    """A statement as stored: its canonical JSON text and the signature over those bytes."""

    body: str
    signature: str

    @property
    def data(self) -> dict[str, Any]:
        """The statement as a dict ({} when the text is not a JSON object)."""
        return parse(self.body)

    @property
    def hash(self) -> str:
        """SHA-256 of the statement's bytes: how a later decision names the one before it."""
        return sig.sha256_hex(self.body.encode("utf-8"))


def parse(text: str) -> dict[str, Any]:
    """A JSON object, or {} for anything else."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def make(data: dict[str, Any], raw_private: bytes) -> Signed:
    """Sign a statement with a private key, under the algorithm it names."""
    body = sig.canonical(data)
    return Signed(body.decode("utf-8"), sig.sign(raw_private, body, data.get("alg", sig.ED25519)))


def signature_ok(statement: Signed, public_key: str) -> bool | None:
    """True/False, or None when the statement's algorithm is unknown to this version."""
    alg = statement.data.get("alg", "")
    try:
        return sig.verify(public_key, statement.signature, statement.body.encode("utf-8"), alg)
    except sig.UnknownAlgorithm:
        return None


# -- the root ----------------------------------------------------------------------------------

def root_statement(public_key: str, created_at: str, created_by: str, *, decisions: int,
                   signoffs: int, keys: int, events: int, head: str) -> dict[str, Any]:
    """What the root says about itself when made: which older records predate certification."""
    return {"type": "root", "v": CERT_VERSION, "alg": sig.ED25519, "public_key": public_key,
            "fingerprint": sig.fingerprint(public_key), "created_at": created_at,
            "created_by": created_by,
            "legacy": {"decisions": decisions, "signoffs": signoffs, "keys": keys},
            "chain": {"events": events, "head": head}}


# -- certificates ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Identity:
    """Who a certificate says a key belongs to."""

    user_id: int
    username: str
    display_name: str
    title: str
    roles: tuple[str, ...]
    department_id: int | None
    department: str
    all_departments: bool


def certificate(serial: int, root_fp: str, who: Identity, public_key: str, key_id: int,
                valid_from: str, issued_at: str, valid_until: str = "") -> dict[str, Any]:
    """A certificate binding a public key to a person, role(s) and department."""
    return {"type": "certificate", "v": CERT_VERSION, "alg": sig.ED25519, "serial": serial,
            "root": root_fp, "user_id": who.user_id, "username": who.username,
            "display_name": who.display_name, "title": who.title, "roles": sorted(who.roles),
            "department_id": who.department_id, "department": who.department,
            "all_departments": who.all_departments, "public_key": public_key,
            "key_alg": sig.ED25519, "key_id": key_id, "valid_from": valid_from,
            "valid_until": valid_until, "issued_at": issued_at}


def revocation(serial: int, root_fp: str, revoked_at: str, reason: str,
               after_decision: int) -> dict[str, Any]:
    """A root-signed statement that a certificate stops being valid at `revoked_at`: no decision
    after `after_decision` (the newest decision then) may use it, even within the same second."""
    return {"type": "revocation", "v": CERT_VERSION, "alg": sig.ED25519, "serial": serial,
            "root": root_fp, "revoked_at": revoked_at, "reason": reason,
            "after_decision": after_decision}


def identity_of(cert: dict[str, Any]) -> Identity:
    """The identity a certificate names."""
    return Identity(int(cert.get("user_id", 0)), str(cert.get("username", "")),
                    str(cert.get("display_name", "")), str(cert.get("title", "")),
                    tuple(cert.get("roles", [])), cert.get("department_id"),
                    str(cert.get("department", "")), bool(cert.get("all_departments", False)))


def certificate_problem(cert: Signed, root_key: str, at: str = "") -> str | None:
    """Why a certificate is not valid under the root (at time `at` when given), or None."""
    data = cert.data
    if data.get("type") != "certificate":
        return "证书格式不对"
    ok = signature_ok(cert, root_key)
    if ok is None:
        return f"证书使用了不支持的签名算法“{data.get('alg', '')}”"
    if not ok:
        return "证书不是由本部门根密钥签发的（签名无效）"
    if data.get("root") != sig.fingerprint(root_key):
        return "证书属于另一个根密钥"
    if at and str(data.get("valid_from", "")) > at:
        return "证书在该时间尚未生效"
    if at and data.get("valid_until") and str(data["valid_until"]) < at:
        return "证书已过期"
    return None


# -- decisions ---------------------------------------------------------------------------------

def decision(package_id: int, revision: int, action: str, digest: str, user_id: int,
             serial: int, role: str, department_id: int, authors: frozenset[int] | set[int],
             reason: str, at: str, prev: str, **extra: Any) -> dict[str, Any]:
    """What an actor signs when taking a workflow action."""
    return {"type": "decision", "v": DECISION_VERSION, "alg": sig.ED25519,
            "package_id": package_id, "revision": revision, "action": action, "digest": digest,
            "user_id": user_id, "cert": serial, "role": role, "department_id": department_id,
            "authors": sorted(authors), "reason": reason, "at": at, "prev": prev,
            "extra": dict(sorted(extra.items()))}


def acting_role(action: str, state: str, roles: frozenset[str] | set[str],
                step_roles: frozenset[str] | None = None) -> str:
    """The role under which a user with `roles` takes the action ('' when none fits); at a
    step of a route that names roles, one of the step's."""
    transition = workflow.transition_for(action, state)
    if transition is None:
        return ""
    allowed = transition.roles & step_roles if step_roles else transition.roles
    fitting = sorted(set(roles) & allowed) or sorted(set(roles) & transition.roles)
    return fitting[0] if fitting else ""
