"""Online backup, restore, and the automatic backups kept beside the database."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .. import paths
from ..domain import permissions
from ..domain.errors import NotFoundError, PermissionDenied, StorageError, ValidationError
from ..domain.model import User
from ..store.address import is_server_address
from ..store.db import (
    SIDE_SUFFIXES,
    Database,
    DatabaseCorrupt,
    discard_database,
    now_iso,
    overwrite_database,
)
from ..store.schema_check import schema_differences
from ..store.store import Store
from . import trust_files
from .accounts import AccountService
from .base import guarded

if TYPE_CHECKING:
    from .workbench import Workbench

AUTO_PREFIX = "auto-"
# Tables a restorable backup must hold (a file with our header but without them is not one).
REQUIRED_TABLES = frozenset({"departments", "users", "packages", "documents", "plans",
                             "materials", "revisions", "signoffs", "decisions", "audit"})
DEFAULT_KEEP = 10


def check_backup_file(path: Path) -> None:
    """StorageError unless `path` is an intact database of ours holding our schema only."""
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
        _check_schema(db, path)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"备份文件 {path} 已损坏：{exc}") from exc
    finally:
        db.close()


def _check_schema(db: Database, path: Path | str) -> None:
    """StorageError when the file holds a table, index, trigger or view we did not create, or
    lacks one: a trigger slipped into a backup would run on every save after the restore."""
    problems = schema_differences(db.conn)
    if problems:
        more = f"等{len(problems)}处" if len(problems) > 3 else ""
        raise StorageError(f"拒绝恢复：{path} 的数据库结构与本程序创建的不同"
                           f"（{'、'.join(problems[:3])}{more}）")


def authorize_restore(accounts: AccountService, username: str, password: str) -> User:
    """The administrator who may restore: the password checked as at log-in (lockout
    included), then the backup right; AuthError or PermissionDenied otherwise."""
    user = accounts.login(username, password)
    reason = permissions.why_not(user, permissions.BACKUP)
    if reason:
        raise PermissionDenied(f"恢复备份须由管理员操作（{username}：{reason}）")
    return user


class Restored(NamedTuple):
    """What a restore did: the copy of the replaced database, and who restored."""

    safety: Path | None
    admin: User


@guarded
def restore(src: Path, db_path: Path, username: str, password: str) -> Restored:
    """Replace the content of the database at `db_path` with the backup `src`.

    An administrator's password is required. The backup is checked (integrity, our schema and
    nothing else), copied to a staging file beside the database, migrated and checked again;
    the current database is kept as a safety copy; then the staged content is written into
    the database through SQLite's backup API (the file itself is never deleted or renamed
    while it is sound), with an audit event naming the administrator.

    The password is checked against the current database; only when that cannot be opened
    (missing or damaged) is it checked against the backup's own accounts.
    """
    src, db_path = Path(src), Path(db_path)
    if _is_database_file(src, db_path):
        # Read as a backup, its -wal or the file itself would be opened a second time.
        raise ValidationError(f"{src} 就是当前数据库或它的日志文件，不能用它恢复")
    admin = _authorize_on_current(db_path, username, password)
    check_backup_file(src)
    staging = db_path.with_name(db_path.name + ".restoring")
    discard_database(staging)  # left over from an interrupted restore; nobody has it open
    try:
        staged = _stage(src, staging)
        try:
            if admin is None:  # the current database cannot be read: the backup's admin decides
                admin = authorize_restore(AccountService(staged, now_iso), username, password)
            safety = _keep_current(db_path)
            with staged.transaction():
                restored_admin = _user_id(staged, admin.username)
                staged.audit(restored_admin, None, "restore", {
                    "from": str(src), "by": admin.username, "name": admin.display_name,
                    "safety": str(safety) if safety else ""})
        finally:
            staged.close()
        _replace_content(staging, db_path, safety)
    finally:
        discard_database(staging)
    trust_files.forget(str(db_path))  # a deliberate restore: the shorter history is expected
    return Restored(safety, admin)


def _is_database_file(path: Path, db_path: Path) -> bool:
    """Whether `path` is the database or one of its side files (by name or stat only)."""
    for suffix in SIDE_SUFFIXES:
        own = Path(str(db_path) + suffix)
        if os.path.abspath(path) == os.path.abspath(own):
            return True
        try:
            if os.path.samefile(path, own):
                return True
        except OSError:
            continue
    return False


def _stage(src: Path, staging: Path) -> Store:
    """A copy of the backup migrated to the current schema and checked again; open."""
    source = Database(src, migrate=False, readonly=True)
    try:
        source.backup_to(staging)
    finally:
        source.close()
    staged = Store(staging, migrate=False)
    try:
        staged.db.migrate(keep_copy=False)
        if not staged.db.integrity_ok():
            raise StorageError(f"备份文件 {src} 复制后未通过完整性检查，未恢复")
        _check_schema(staged.db, src)
    except BaseException:
        staged.close()
        raise
    return staged


def _authorize_on_current(db_path: Path, username: str, password: str) -> User | None:
    """The administrator checked against the current database; None when it cannot be read."""
    current = _usable(db_path)
    if current is None:
        return None
    try:
        return authorize_restore(AccountService(current, now_iso), username, password)
    finally:
        current.close()


def _usable(db_path: Path) -> Store | None:
    """The current database open, or None when it is missing or damaged."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        store = Store(db_path, migrate=False)
    except DatabaseCorrupt:
        return None
    if store.quick_check():
        store.close()
        return None
    return store


def _user_id(store: Store, username: str) -> int | None:
    try:
        return store.users.by_username(username).id
    except NotFoundError:
        return None


@guarded
def restore_server(src: Path, url: str, username: str, password: str) -> str:
    """pg_restore a pg_dump backup into the server database once an administrator of that
    database gave their password; the restore is recorded under their name. Returns the
    command it ran."""
    from ..store import pg_dump

    current = Store(url, migrate=False)
    try:
        admin = authorize_restore(AccountService(current, now_iso), username, password)
    finally:
        current.close()
    ran = pg_dump.restore(src, url)
    store = Store(url)  # migrate an older backup to the current schema
    try:
        with store.transaction():
            store.audit(_user_id(store, admin.username), None, "restore", {
                "from": str(src), "by": admin.username, "name": admin.display_name})
    finally:
        store.close()
    trust_files.forget(store.path)  # a deliberate restore: the shorter history is expected
    return ran


def _keep_current(db_path: Path) -> Path | None:
    """A copy of the database about to be replaced (None when there is none).

    A sound database is copied with the online backup (which takes in what is still in its
    -wal file). One SQLite cannot read is moved aside by name with its -wal and -shm, never
    opened as a file; a database of another program is refused.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = db_path.with_name(f"{db_path.name}.before-restore-{stamp}.bak")
    if not db_path.exists() or db_path.stat().st_size == 0:
        return _move_aside(db_path, safety)  # an orphaned -wal must not meet the new file
    try:
        store = Store(db_path, migrate=False)
    except DatabaseCorrupt:
        return _move_aside(db_path, safety)
    try:
        store.backup_to(safety)
        return safety
    except StorageError:
        if not store.quick_check():
            raise  # a sound file we cannot copy (disk full, no right): restore nothing
    finally:
        store.close()
    return _move_aside(db_path, safety)


def _move_aside(db_path: Path, safety: Path) -> Path | None:
    """Rename the database and its side files to `safety` (+ suffix); the name kept, or None."""
    moved = None
    for suffix in SIDE_SUFFIXES:
        here = Path(str(db_path) + suffix)
        if here.exists():
            os.replace(here, str(safety) + suffix)
            moved = moved or Path(str(safety) + suffix)
    return moved


def _replace_content(staging: Path, db_path: Path, safety: Path | None) -> None:
    """Write the staged database into `db_path` through SQLite."""
    try:
        if db_path.exists():
            overwrite_database(staging, db_path)
        else:
            staged = Database(staging, migrate=False)
            try:
                staged.backup_to(db_path)
            finally:
                staged.close()
    except StorageError as exc:
        kept = f"；原数据库已另存为 {safety}" if safety else ""
        raise StorageError(f"恢复失败：{exc.message}{kept}") from exc


@guarded
def back_up(db_path: Path, dest: Path, actor: User) -> Path:
    """Online copy of the database to `dest` (a folder gets a dated name) by an administrator,
    recorded in the audit chain under their name.

    Opens its own connection, so the window can run it in a worker thread.
    """
    reason = permissions.why_not(actor, permissions.BACKUP)
    if reason:
        raise PermissionDenied(f"备份数据库须由管理员操作（{reason}）")
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
            store.audit(actor.id, None, "backup", {"path": str(path)})
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
