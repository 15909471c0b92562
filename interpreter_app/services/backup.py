"""Online backup, restore, and the automatic backups kept beside the database."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from ..domain.errors import StorageError
from ..store.db import Database
from ..store.store import Store

AUTO_PREFIX = "auto-"
DEFAULT_KEEP = 10


def check_backup_file(path: Path) -> None:
    """StorageError unless `path` is an intact database of ours."""
    if not Path(path).is_file():
        raise StorageError(f"备份文件 {path} 不存在")
    try:
        db = Database(path, migrate=False, readonly=True)
    except StorageError as exc:
        raise StorageError(f"{path} 不是有效的备份：{exc.message}") from exc
    try:
        if not db.integrity_ok():
            raise StorageError(f"备份文件 {path} 已损坏（完整性检查未通过）")
        if db.schema_version() == 0:
            raise StorageError(f"{path} 是空数据库，不是备份")
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"备份文件 {path} 已损坏：{exc}") from exc
    finally:
        db.close()


def restore(src: Path, db_path: Path) -> Path | None:
    """Replace the database at `db_path` with the backup `src`; returns a backup of the old one."""
    src, db_path = Path(src), Path(db_path)
    check_backup_file(src)
    safety = None
    if db_path.exists() and db_path.stat().st_size > 0:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        safety = db_path.with_name(f"{db_path.name}.before-restore-{stamp}.bak")
        try:
            Store(db_path, migrate=False).backup_to(safety)
        except StorageError:
            shutil.copy2(db_path, safety)  # a corrupt file is kept as it is
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    tmp = db_path.with_name(db_path.name + ".restoring")
    try:
        target = sqlite3.connect(tmp)
        source.backup(target)
        target.close()
        for suffix in ("-wal", "-shm"):
            with_suffix = Path(str(db_path) + suffix)
            if with_suffix.exists():
                with_suffix.unlink()
        os.replace(tmp, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"恢复失败：{exc}；原数据库未改动") from exc
    finally:
        source.close()
    Store(db_path).close()  # migrate an older backup to the current schema
    return safety


def auto_backup(store: Store, folder: Path, keep: int = DEFAULT_KEEP, *,
                min_interval_hours: float = 20.0) -> Path | None:
    """Back up unless a recent automatic backup exists; keep the newest `keep`."""
    folder = Path(folder)
    existing = list_backups(folder)
    if existing:
        age = dt.datetime.now() - dt.datetime.fromtimestamp(existing[0].stat().st_mtime)
        if age < dt.timedelta(hours=min_interval_hours):
            return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = store.backup_to(folder / f"{AUTO_PREFIX}{stamp}.db")
    for old in list_backups(folder)[keep:]:
        old.unlink(missing_ok=True)
    return path


def list_backups(folder: Path) -> list[Path]:
    """Automatic backups, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{AUTO_PREFIX}*.db"), key=lambda p: p.name, reverse=True)


def newest_good_backup(folder: Path) -> Path | None:
    """The newest automatic backup that passes the integrity check."""
    for path in list_backups(folder):
        try:
            check_backup_file(path)
            return path
        except StorageError:
            continue
    return None
