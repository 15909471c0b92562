"""Password hashes (scrypt, standard library) and Ed25519 signing keys sealed by the password."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os

# Cost parameters; tests lower SCRYPT_N to keep the suite fast. Stored hashes carry their own.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # surrogatepass: a mangled password typed at log-in is simply wrong, never an exception.
    return hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p,
                          dklen=32, maxmem=256 * 1024 * 1024)


def hash_password(password: str) -> str:
    """A self-describing scrypt hash: scrypt$n$r$p$salt$hash."""
    salt = os.urandom(16)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def check_password(password: str, stored: str) -> bool:
    """Whether the password matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = _scrypt(password, _unb64(salt), int(n), int(r), int(p))
    return hmac.compare_digest(candidate, _unb64(key))


def new_signing_key(password: str) -> tuple[str, str]:
    """(public key, private key sealed under the password), both as text."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    public = private.public_key().public_bytes(serialization.Encoding.Raw,
                                               serialization.PublicFormat.Raw)
    return _b64(public), seal(raw, password)


def key_fingerprint(public_key: str) -> str:
    """SHA-256 (hex) of the raw public key: recorded in the audit chain when a key is issued."""
    return hashlib.sha256(_unb64(public_key)).hexdigest()


def seal(secret: bytes, password: str) -> str:
    """Encrypt a secret with AES-GCM under a key derived from the password by scrypt."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    box = AESGCM(key).encrypt(nonce, secret, b"interpreter-app signing key")
    return json.dumps({"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                       "salt": _b64(salt), "nonce": _b64(nonce), "box": _b64(box)})


def unseal(sealed: str, password: str) -> bytes | None:
    """The secret, or None when the password does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = json.loads(sealed)
    key = _scrypt(password, _unb64(data["salt"]), data["n"], data["r"], data["p"])
    try:
        return AESGCM(key).decrypt(_unb64(data["nonce"]), _unb64(data["box"]),
                                   b"interpreter-app signing key")
    except InvalidTag:
        return None


def sign(raw_private: bytes, message: bytes) -> str:
    """Ed25519 signature of a message, as text."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return _b64(Ed25519PrivateKey.from_private_bytes(raw_private).sign(message))


def verify_signature(public_key: str, signature: str, message: bytes) -> bool:
    """Whether the signature is valid for the message under the public key."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(_unb64(public_key)).verify(_unb64(signature), message)
        return True
    except (InvalidSignature, ValueError):
        return False
