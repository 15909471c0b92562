"""What this computer knows outside the database: pinned root fingerprints and the history seen.

trust.txt (config folder) lists the root fingerprints this machine trusts, one a line with a
label; administrators distribute it. history-seen.json (data folder) remembers, per database
file, the longest audit chain and the root seen here, so a shortened or rewritten history and a
swapped root show at the next `verify`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..domain.errors import ValidationError
from ..domain.signatures import normalise_fingerprint
from ..store.address import display_address, is_server_address

TRUST_FILE = "trust.txt"
HISTORY_FILE = "history-seen.json"
_HEX64 = re.compile(r"[0-9a-f]{64}")


def trust_file() -> Path:
    """The trust file of this user."""
    return paths.config_dir() / TRUST_FILE


def read_pins(path: Path | None = None) -> dict[str, str]:
    """fingerprint → label from a trust file ({} when there is none)."""
    path = Path(path) if path else trust_file()
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"无法读取信任文件“{path}”（{exc}）") from None
    pins: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, _, label = line.partition(" ")
        fp = normalise_fingerprint(head)
        if not _HEX64.fullmatch(fp):
            raise ValidationError(f"信任文件“{path}”中有无效的指纹：{head[:80]}")
        pins[fp] = label.strip()
    return pins


def add_pin(fp: str, label: str, path: Path | None = None) -> Path:
    """Add a fingerprint to the trust file (kept once); returns the file."""
    path = Path(path) if path else trust_file()
    pins = read_pins(path)
    if fp in pins:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "" if path.exists() else (
        "# 政策解读工作台 信任文件：每行一个根密钥指纹（SHA-256）与说明。\n"
        "# 由管理员分发；verify 与 verify-pack 只承认这里列出的根密钥。\n")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"{header}{fp}  {label}\n")
    return path


def trusted_fingerprints(value: str | None) -> dict[str, str] | None:
    """The fingerprints to trust: from `--trust FILE|FINGERPRINT`, else the trust file (None
    when neither names any). ValidationError for a value that is neither."""
    if value:
        candidate = Path(value)
        if candidate.is_file():
            pins = read_pins(candidate)
            if not pins:
                raise ValidationError(f"信任文件“{value}”中没有任何指纹")
            return pins
        fp = normalise_fingerprint(value)
        if not _HEX64.fullmatch(fp):
            raise ValidationError(f"--trust 应为信任文件或 64 位十六进制的根密钥指纹，而不是“{value[:80]}”")
        return {fp: "--trust"}
    return read_pins() or None


# -- the history seen on this machine --------------------------------------------------------------

@dataclass(frozen=True)
class Seen:
    """The longest history this machine saw of one database."""

    events: int
    head: str
    root: str
    at: str


def _history_file() -> Path:
    return paths.data_dir() / HISTORY_FILE


def _db_key(db_path: str) -> str:
    if is_server_address(db_path):  # a server database: its address, never with a password
        return display_address(db_path)
    return os.path.realpath(db_path)


def _load() -> dict:
    try:
        data = json.loads(_history_file().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def seen(db_path: str) -> Seen | None:
    """What this machine last recorded for the database, if anything."""
    item = _load().get(_db_key(db_path))
    if not isinstance(item, dict):
        return None
    try:
        return Seen(int(item["events"]), str(item["head"]), str(item.get("root", "")),
                    str(item.get("at", "")))
    except (KeyError, TypeError, ValueError):
        return None


def remember(db_path: str, events: int, head: str, root: str) -> None:
    """Record the history now seen (the caller checked it extends what was seen before)."""
    data = _load()
    data[_db_key(db_path)] = {"events": events, "head": head, "root": root,
                              "at": dt.datetime.now().astimezone().isoformat(timespec="seconds")}
    _write(data)


def _write(data: dict) -> None:
    """Replace the history file in one step (each writer with a temporary file of its own)."""
    path = _history_file()
    temp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)  # a read-only home loses this safeguard, not the work


def forget(db_path: str) -> None:
    """Drop the record of a database (deliberately restored from an older backup, rebuilt as
    the demo, or made anew where an old one was)."""
    data = _load()
    if data.pop(_db_key(db_path), None) is not None:
        _write(data)
