"""Keys unlocked for this session: each user's signing key, and an administrator's root key.

A key is unsealed with its owner's password at log-in (or when the root is made) and kept in
this process's memory only, under its public key, so that every workbench the process opens
(the window's, a background export's, a copy of the same database) signs with it. A private
key is handed out only for the public key it belongs to. Nothing here is ever written anywhere.
"""

from __future__ import annotations


class KeyRing:
    """Unlocked private keys by their public key."""

    def __init__(self) -> None:
        self._keys: dict[str, bytes] = {}

    def put(self, public_key: str, raw: bytes) -> None:
        """Keep a private key unlocked for this session."""
        self._keys[public_key] = raw

    def get(self, public_key: str) -> bytes | None:
        """The private key of a public key, if it was unlocked in this session."""
        return self._keys.get(public_key)

    def forget(self, public_key: str) -> None:
        """Drop one key (its owner's password was reset)."""
        self._keys.pop(public_key, None)

    def clear(self) -> None:
        """Drop every key (log-out)."""
        self._keys.clear()


SESSION_KEYS = KeyRing()
