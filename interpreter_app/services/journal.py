"""Recovery journal: unsaved edits kept in small files outside the database until a save commits.

One JSON file per database + user + package, in a folder of the user data directory (never
beside the database, where names like ``-wal`` belong to SQLite). A file is written whole to a
temporary name and moved into place with ``os.replace``, so a reader sees the old entry or the
new one, never half of one. It holds, per part, the edited value and the row version the edit
started from, so that restoring it after a crash goes through the usual stale-save check.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.model import InterpretationPlan, Material, PolicyDocument, from_dict, to_dict
from ..store.address import display_address, is_server_address

FORMAT = 1
SUFFIX = ".json"
MAX_ENTRY_BYTES = 16 * 1024 * 1024  # a package's text is far smaller; refuse anything bigger
DOCUMENT, PLAN, MATERIAL_PREFIX = "document", "plan", "material:"

PartValue = PolicyDocument | InterpretationPlan | Material


@dataclass
class JournalPart:
    """One unsaved part: its key, the row version the edit started from and the edited value."""

    key: str
    version: int
    value: PartValue


@dataclass
class JournalEntry:
    """The unsaved parts of one package, as one user left them in one database."""

    db_path: str
    user_id: int
    package_id: int
    written_at: str
    package_title: str = ""
    parts: list[JournalPart] = field(default_factory=list)

    def part(self, key: str) -> JournalPart | None:
        """The part with this key, or None."""
        return next((p for p in self.parts if p.key == key), None)


def now_iso() -> str:
    """Local time with offset, to the second (the format of every stored time)."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def database_key(db_path: str | Path) -> str:
    """The absolute path (or the server address, without its password) that names a database
    in the journal (no file is opened)."""
    if is_server_address(db_path):
        return display_address(str(db_path))
    return os.path.realpath(os.path.abspath(os.fspath(db_path)))


def entry_path(folder: Path, db_path: str | Path, user_id: int, package_id: int) -> Path:
    """The file of one database + user + package."""
    tag = hashlib.sha256(database_key(db_path).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Path(folder) / f"{tag}-u{int(user_id)}-p{int(package_id)}{SUFFIX}"


# -- format ---------------------------------------------------------------------------------

def _value_class(key: str) -> type:
    if key == DOCUMENT:
        return PolicyDocument
    if key == PLAN:
        return InterpretationPlan
    if key.startswith(MATERIAL_PREFIX) and len(key) > len(MATERIAL_PREFIX):
        return Material
    raise ValueError(f"unknown part key {key!r}")


def encode(entry: JournalEntry) -> str:
    """The entry as JSON text."""
    data = {"format": FORMAT, "db_path": database_key(entry.db_path), "user_id": entry.user_id,
            "package_id": entry.package_id, "package_title": entry.package_title,
            "written_at": entry.written_at,
            "parts": [{"key": p.key, "version": p.version, "value": to_dict(p.value)}
                      for p in entry.parts]}
    return json.dumps(data, ensure_ascii=False, indent=1)


def decode(text: str) -> JournalEntry:
    """An entry from JSON text; ValueError when it is not one of ours."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a recovery journal entry")
    parts = []
    for item in data.get("parts") or []:
        key = str(item["key"])
        value = from_dict(_value_class(key), item["value"])
        if isinstance(value, Material) and f"{MATERIAL_PREFIX}{value.id}" != key:
            raise ValueError(f"material part {key!r} holds material {value.id!r}")
        parts.append(JournalPart(key, int(item["version"]), value))
    return JournalEntry(db_path=str(data["db_path"]), user_id=int(data["user_id"]),
                        package_id=int(data["package_id"]), written_at=str(data["written_at"]),
                        package_title=str(data.get("package_title") or ""), parts=parts)


# -- what an entry holds -------------------------------------------------------------------

@dataclass(frozen=True)
class TextChange:
    """How a kept part's running text differs from the stored one."""

    changed: tuple[str, ...]  # paragraphs new or rewritten in the kept text, in order
    removed: int  # paragraphs of the stored text that the kept text no longer has


def part_text(value: PartValue | None) -> str:
    """The running text of a part, one paragraph a line: body, outline, or body and Q&A."""
    if value is None:
        return ""
    if isinstance(value, PolicyDocument):
        return value.body
    if isinstance(value, InterpretationPlan):
        return value.outline
    pairs = [line for q in value.qa for line in (q.question, q.answer)]
    return "\n".join([value.body, *pairs, value.caption]).strip("\n")


def text_change(stored: PartValue | None, kept: PartValue) -> TextChange:
    """The paragraphs changed and removed between a stored part and its kept version."""
    old, new = part_text(stored).splitlines(), part_text(kept).splitlines()
    changed: list[str] = []
    removed = 0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed += [line for line in new[j1:j2] if line.strip()]
        if tag in ("replace", "delete"):
            removed += max(0, (i2 - i1) - (j2 - j1))
    return TextChange(tuple(changed), removed)


# -- files ----------------------------------------------------------------------------------

def write(folder: Path, entry: JournalEntry) -> Path:
    """Store an entry atomically (OSError when the folder cannot be written)."""
    path = entry_path(folder, entry.db_path, entry.user_id, entry.package_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(encode(entry))
            fh.flush()
            os.fsync(fh.fileno())  # the rename must not reach the disk before the content
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def read(path: Path) -> JournalEntry | None:
    """The entry in a file, or None when it is missing, too big or not readable as one."""
    try:
        if path.stat().st_size > MAX_ENTRY_BYTES:
            return None
        return decode(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def load(folder: Path, db_path: str | Path, user_id: int, package_id: int) -> JournalEntry | None:
    """The unsaved edits of one package, or None."""
    entry = read(entry_path(folder, db_path, user_id, package_id))
    if entry is None or not _belongs(entry, db_path, user_id) or not entry.parts:
        return None
    return entry if entry.package_id == package_id else None


def list_entries(folder: Path, db_path: str | Path, user_id: int) -> list[JournalEntry]:
    """Every package of this database and user with unsaved edits, newest first."""
    prefix = entry_path(folder, db_path, user_id, 0).name.rsplit("-p", 1)[0] + "-p"
    try:
        names = [p for p in Path(folder).iterdir() if p.name.startswith(prefix)
                 and p.name.endswith(SUFFIX)]
    except OSError:
        return []
    entries = [e for e in map(read, names)
               if e is not None and e.parts and _belongs(e, db_path, user_id)]
    return sorted(entries, key=lambda e: e.written_at, reverse=True)


def clear(folder: Path, db_path: str | Path, user_id: int, package_id: int) -> bool:
    """Remove the entry of one package; True when there was one."""
    try:
        entry_path(folder, db_path, user_id, package_id).unlink()
    except FileNotFoundError:
        return False
    return True


def _belongs(entry: JournalEntry, db_path: str | Path, user_id: int) -> bool:
    return entry.db_path == database_key(db_path) and entry.user_id == user_id
