"""Online backup, restore, and the automatic backups kept beside the database."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .. import paths
from ..domain.errors import StorageError
from ..store.address import is_server_address
from ..store.db import Database, DatabaseCorrupt
from ..store.store import Store
from . import trust_files

if TYPE_CHECKING:
    from .workbench import Workbench

AUTO_PREFIX = "auto-"
# Tables a restorable backup must hold (a file with our header but without them is not one).
REQUIRED_TABLES = frozenset({"departments", "users", "packages", "documents", "plans",
                             "materials", "revisions", "signoffs", "decisions", "audit"})
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
        missing = REQUIRED_TABLES - set(db.utils.table_names())
        if missing:
            raise StorageError(f"备份文件 {path} 不完整（缺少数据表：{'、'.join(sorted(missing))}）")
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"备份文件 {path} 已损坏：{exc}") from exc
    finally:
        db.close()


def restore(src: Path, db_path: Path) -> Path | None:
    """Replace the database at `db_path` with the backup `src`; returns a backup of the old one."""
    src, db_path = Path(src), Path(db_path)
    check_backup_file(src)
    safety = _keep_current(db_path)
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
        tmp.unlink(missing_ok=True)
        raise StorageError(f"恢复失败：{exc}；原数据库已另存为 {safety}" if safety else
                           f"恢复失败：{exc}") from exc
    finally:
        source.close()
    Store(db_path).close()  # migrate an older backup to the current schema
    trust_files.forget(str(db_path))  # a deliberate restore: the shorter history is expected
    return safety


def restore_server(src: Path, url: str) -> str:
    """pg_restore a pg_dump backup into the server database; returns the command it ran."""
    from ..store import pg_dump

    ran = pg_dump.restore(src, url)
    store = Store(url)  # migrate an older backup to the current schema
    store.close()
    trust_files.forget(store.path)  # a deliberate restore: the shorter history is expected
    return ran


def _keep_current(db_path: Path) -> Path | None:
    """A copy of the database about to be replaced (None when there is none)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = db_path.with_name(f"{db_path.name}.before-restore-{stamp}.bak")
    try:
        store = Store(db_path, migrate=False)
    except StorageError:
        shutil.copy2(db_path, safety)  # a damaged file is kept as it is
        return safety
    try:
        store.backup_to(safety)  # the online backup takes in what is still in the -wal file
    except StorageError:
        shutil.copy2(db_path, safety)
    finally:
        store.close()
    return safety


def back_up(db_path: Path, dest: Path, actor_id: int | None = None) -> Path:
    """Online copy of the database to `dest` (a folder gets a dated name), recorded in the audit.

    Opens its own connection, so the window can run it in a worker thread.
    """
    server = is_server_address(db_path)
    if not server and not Path(db_path).is_file():
        raise StorageError(f"数据库 {db_path} 不存在；先运行 interpreter-cli init 或 demo")
    dest = Path(dest)
    if dest.is_dir():  # a server's backup is a pg_dump archive, not a database file
        dest = dest / f"workbench-{dt.datetime.now():%Y%m%d-%H%M%S}.{'dump' if server else 'db'}"
    store = Store(db_path)
    try:
        path = store.backup_to(dest)
        with store.transaction():
            store.audit(actor_id, None, "backup", {"path": str(path)})
        return path
    finally:
        store.close()


def server_backup_command(db_path: Path | str, dest: Path) -> str:
    """The pg_dump command line a backup of a server database runs ('' for a file)."""
    if not is_server_address(db_path):
        return ""
    from ..store import pg_dump

    return pg_dump.shown_command(str(db_path), Path(dest))


def auto_back_up(db_path: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """The automatic backup beside the database, on its own connection (None: a recent one exists)."""
    store = Store(db_path)
    try:
        return auto_backup(store, paths.backups_dir(db_path), keep)
    finally:
        store.close()


def auto_backup(store: Store, folder: Path, keep: int = DEFAULT_KEEP, *,
                min_interval_hours: float = 20.0, now: dt.datetime | None = None) -> Path | None:
    """Back up unless a recent automatic backup exists; keep the newest `keep`.

    Called at start-up and then periodically (say hourly) by a long-running GUI: with the
    default interval that makes one backup a day however long the application stays open.
    """
    folder = Path(folder)
    now = now or dt.datetime.now()
    existing = list_backups(folder)
    if existing and _is_recent(existing[0], now, min_interval_hours):
        return None
    stamp = now.strftime("%Y%m%d-%H%M%S")
    path = store.backup_to(folder / f"{AUTO_PREFIX}{stamp}.db")
    for old in [p for p in list_backups(folder) if p != path][max(keep - 1, 0):]:
        old.unlink(missing_ok=True)
    return path


def _is_recent(backup: Path, now: dt.datetime, hours: float) -> bool:
    """Made less than `hours` ago; one dated in the future (clock set back) does not count."""
    age = now - dt.datetime.fromtimestamp(backup.stat().st_mtime)
    return dt.timedelta(0) <= age < dt.timedelta(hours=hours)


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


class Opened(NamedTuple):
    """The outcome of opening the database at start-up."""

    workbench: Workbench | None
    problem: str | None = None
    candidate: Path | None = None  # the newest good backup to offer when the file is lost


def open_or_recover(db_path: Path, backups: Path | None = None, *,
                    expect_existing: bool = False) -> Opened:
    """Open the database, or say why not and which backup could replace it.

    A missing file where backups exist (or that the caller knows was used before:
    `expect_existing`), a damaged header, or pages that fail SQLite's quick check give no
    workbench: the caller shows `problem` and offers `candidate` (restore it with `restore`).
    A new installation simply gets a new database.
    """
    db_path = Path(db_path)
    folder = Path(backups) if backups else paths.backups_dir(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        candidate = newest_good_backup(folder)
        if candidate is not None or expect_existing:
            return Opened(None, _missing_message(db_path, candidate), candidate)
    return _open_checked(db_path, folder)


def _missing_message(db_path: Path, candidate: Path | None) -> str:
    text = f"数据库文件 {db_path} 不存在或是空文件（可能已被删除或移走）"
    if candidate is None:
        return text + "，也没有找到自动备份；请找回原文件，或从其他备份恢复"
    return text + f"；可以从最近的备份 {candidate.name} 恢复"


def _open_checked(db_path: Path, folder: Path) -> Opened:
    """Open with a quick check of every page before anything (a migration) writes."""
    from .workbench import Workbench

    try:
        store = Store(db_path, migrate=False)
    except DatabaseCorrupt as exc:
        return Opened(None, exc.message, newest_good_backup(folder))
    except StorageError as exc:
        return Opened(None, exc.message, None)
    problems = store.quick_check()
    if problems:
        store.close()
        return Opened(None, f"数据库文件 {db_path} 已损坏（完整性检查未通过：{problems[0]}），"
                            "请从备份恢复", newest_good_backup(folder))
    try:
        store.db.migrate()
    except StorageError as exc:
        return Opened(None, exc.message, None)
    return Opened(Workbench(store), None, None)
