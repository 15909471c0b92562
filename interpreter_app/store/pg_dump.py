"""Backups of a server database with PostgreSQL's own tools (pg_dump / pg_restore)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..domain.errors import StorageError
from .address import display_address

TIMEOUT_S = 3600


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise StorageError(f"找不到 {name}：请安装 PostgreSQL 客户端（Debian/统信UOS/银河麒麟：postgresql-client）")
    return found


def _run(command: list[str], shown: list[str]) -> str:
    """Run a tool; StorageError with its first error line when it fails. Returns what ran."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S,
                              env={**os.environ, "PGCONNECT_TIMEOUT": "10"}, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StorageError(f"{shown[0]} 运行失败：{exc}") from exc
    line = " ".join(shown)
    if done.returncode != 0:
        reason = next((x for x in done.stderr.splitlines() if x.strip()), f"退出码 {done.returncode}")
        raise StorageError(f"{line} 失败：{reason}")
    return line


def shown_command(url: str, dest: Path) -> str:
    """The pg_dump command line of a backup, as it is shown (never with the password)."""
    return " ".join(["pg_dump", "--format=custom", "--no-owner", f"--file={dest}",
                     display_address(url)])


def dump(url: str, dest: Path) -> str:
    """pg_dump the database at `url` into `dest` (custom format); returns the command line."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    command = [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={tmp}", url]
    shown = shown_command(url, dest).split(" ")
    try:
        line = _run(command, shown)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return line


def restore(src: Path, url: str) -> str:
    """pg_restore `src` into the database at `url`, replacing what it holds, in one transaction."""
    if not Path(src).is_file():
        raise StorageError(f"备份文件 {src} 不存在")
    options = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
    command = [_tool("pg_restore"), *options, f"--dbname={url}", str(src)]
    shown = ["pg_restore", *options, f"--dbname={display_address(url)}", str(src)]
    return _run(command, shown)
