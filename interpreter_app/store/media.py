"""Files of materials, stored once each and found by their SHA-256."""

from __future__ import annotations

import hashlib
import sqlite3

from ..domain.errors import NotFoundError


class MediaRepository:
    """Content-addressed files: what is stored under a hash is exactly the bytes of that hash."""

    def __init__(self, conn: sqlite3.Connection, *, server: bool = False) -> None:
        self.conn = conn
        self.server = server

    def put(self, data: bytes, mime: str, at: str) -> str:
        """Store the bytes (once) and return their SHA-256."""
        digest = hashlib.sha256(data).hexdigest()
        self.conn.execute(
            "INSERT INTO media_files (sha256, mime, size, data, added_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(sha256) DO NOTHING", (digest, mime, len(data), data, at))
        return digest

    def get(self, digest: str) -> bytes:
        """The bytes stored under a hash."""
        row = self.conn.execute("SELECT data FROM media_files WHERE sha256 = ?",
                                (digest,)).fetchone()
        if row is None:
            raise NotFoundError(f"附件文件 {digest[:12]}… 不存在")
        return bytes(row[0])

    def hashes(self) -> list[str]:
        """Every stored hash (for verify)."""
        return [r[0] for r in self.conn.execute("SELECT sha256 FROM media_files ORDER BY sha256")]

    def references(self) -> list[tuple[int, str, str]]:
        """(package id, material title, SHA-256) of every file a working copy refers to."""
        if self.server:
            sql = ("SELECT m.package_id, m.title, j.value ->> 'sha256' FROM materials m,"
                   " jsonb_array_elements(COALESCE(m.data::jsonb -> 'media', '[]'::jsonb)) j"
                   " WHERE j.value ->> 'sha256' <> '' ORDER BY m.package_id")
        else:
            sql = ("SELECT m.package_id, m.title, json_extract(j.value, '$.sha256')"
                   " FROM materials m, json_each(m.data, '$.media') j"
                   " WHERE json_extract(j.value, '$.sha256') != '' ORDER BY m.package_id")
        return [(r[0], r[1], r[2]) for r in self.conn.execute(sql)]
