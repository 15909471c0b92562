"""Signatures and the bytes they cover: algorithm-tagged, canonical JSON, verifiable offline.

Every signature, certificate and signed decision names its algorithm, so that SM2/SM3 (国密)
can be added beside Ed25519/SHA-256 as a new entry of ALGORITHMS without changing stored data.
The `cryptography` package is imported only when a key is used.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

ED25519 = "ed25519"
SHA256 = "sha256"
# Signature algorithms this version can check; anything else is named as unknown, never trusted.
ALGORITHMS = frozenset({ED25519})
HASHES = frozenset({SHA256})


class UnknownAlgorithm(ValueError):
    """A signature or key names an algorithm this version cannot check."""


def b64(data: bytes) -> str:
    """Bytes as base64 text."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Base64 text as bytes; ValueError when it is not base64."""
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical(data: Any) -> bytes:
    """The one byte form of a JSON value that is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256_hex(data: bytes) -> str:
    """SHA-256 of bytes in hex."""
    return hashlib.sha256(data).hexdigest()


def fingerprint(public_key: str) -> str:
    """SHA-256 (hex) of a raw public key given as base64: what people compare and pin."""
    try:
        return sha256_hex(unb64(public_key))
    except ValueError:
        return ""


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (spaces, colons, upper case, 'SHA256:' prefix) in canonical form."""
    text = text.strip().lower()
    if text.startswith("sha256:"):
        text = text[7:]
    return "".join(ch for ch in text if ch not in " :-\t")


def grouped(fp: str) -> str:
    """A fingerprint in groups of four for reading aloud and printing on a setup sheet."""
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4)).upper()


def new_key(algorithm: str = ED25519) -> tuple[bytes, str]:
    """(raw private key, public key as base64) of a fresh key pair."""
    _check(algorithm)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    public = private.public_key().public_bytes(serialization.Encoding.Raw,
                                               serialization.PublicFormat.Raw)
    return raw, b64(public)


def public_of(raw_private: bytes, algorithm: str = ED25519) -> str:
    """The public key (base64) that belongs to a raw private key."""
    _check(algorithm)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(raw_private).public_key()
    return b64(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def sign(raw_private: bytes, message: bytes, algorithm: str = ED25519) -> str:
    """The signature of a message, as base64."""
    _check(algorithm)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return b64(Ed25519PrivateKey.from_private_bytes(raw_private).sign(message))


def verify(public_key: str, signature: str, message: bytes, algorithm: str = ED25519) -> bool:
    """Whether the signature is valid; UnknownAlgorithm when the algorithm cannot be checked."""
    _check(algorithm)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_key)).verify(unb64(signature), message)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def _check(algorithm: str) -> None:
    if algorithm not in ALGORITHMS:
        raise UnknownAlgorithm(f"不支持的签名算法“{algorithm}”")
