"""Opening the database: pragmas, identity check, migrations with a backup first, transactions."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import StorageError
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from .search import register_functions

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 32 * 1024
BUSY_RETRIES = 3
SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")  # the database and the files SQLite keeps beside it


class DatabaseCorrupt(StorageError):
    """The file is damaged (or not a database at all): a backup is the way back."""


class MigrationError(StorageError, sqlite3.DatabaseError):
    """A schema upgrade failed and was rolled back; the file is as it was before."""


def now_iso() -> str:
    """Local time with offset, to the second: the format of every stored date-time."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class Database:
    """One SQLite connection (one per thread) with our pragmas and schema."""

    def __init__(self, path: str | Path, *, migrate: bool = True, readonly: bool = False) -> None:
        self.path = str(path)
        self._file_id: tuple[int, int] | None = None
        _check_is_sqlite(self.path)
        self.conn = _connect(self.path, readonly)
        self._sqlite_utils_db = None
        self._check_identity()
        if migrate and not readonly:
            self.migrate()
        self._file_id = _file_id(self.path)

    # -- set-up ---------------------------------------------------------------------------
    def _check_identity(self) -> None:
        try:
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if _is_busy(exc):
                raise storage_error(exc, self.path) from exc
            raise DatabaseCorrupt(f"数据库文件 {self.path} 已损坏或不是 SQLite 数据库（{exc}），"
                                  "请从备份恢复（interpreter-cli restore 备份文件）") from exc
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
            self.conn.close()
            raise StorageError(f"{self.path} 不是政策解读工作台的数据库，请检查 --db 参数")
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise StorageError(f"数据库版本（{version}）比本程序支持的版本（{SCHEMA_VERSION}）新，"
                               "请升级政策解读工作台后再打开")

    def schema_version(self) -> int:
        """The schema version stored in the file (0 for a new file)."""
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self, *, keep_copy: bool = True) -> None:
        """Apply pending migrations in order, backing the file up first when it has data
        (unless `keep_copy` is False: a throwaway copy being staged needs none)."""
        current = self.schema_version()
        pending = [m for m in MIGRATIONS if m[0] > current]
        if not pending:
            return
        if keep_copy and current > 0 and self.path != ":memory:":
            self.backup_to(_migration_backup_path(self.path, current))
        for version, _description, script in pending:
            self._apply(version, script)

    def _apply(self, version: int, script: str) -> None:
        # executescript commits first; wrap the whole step so it is all-or-nothing.
        try:
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA application_id = {APPLICATION_ID};\n"
                f"PRAGMA user_version = {version};\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            # A half-run script leaves its transaction open (and the write lock held).
            _rollback(self.conn)
            self.conn.close()
            reason = storage_error(exc, self.path).message
            raise MigrationError(f"数据库升级到第 {version} 版失败，原数据库未改动：{reason}") from exc

    # -- use ------------------------------------------------------------------------------
    @property
    def utils(self):
        """The sqlite-utils view of the same connection (imported when first needed)."""
        if self._sqlite_utils_db is None:
            import sqlite_utils

            self._sqlite_utils_db = sqlite_utils.Database(self.conn)
        return self._sqlite_utils_db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken at once (BEGIN IMMEDIATE), retried while the file is busy."""
        _begin_immediate(self.conn)
        try:
            self.check_file()
        except StorageError:
            _rollback(self.conn)
            raise
        try:
            yield self.conn
        except sqlite3.Error as exc:
            _rollback(self.conn)
            raise storage_error(exc, self.path) from exc
        except BaseException:
            _rollback(self.conn)
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(self.conn)
            raise storage_error(exc, self.path) from exc

    def backup_to(self, dest: str | Path) -> Path:
        """Online backup of the whole database to `dest` (consistent while others write)."""
        dest = Path(dest)
        if self.is_database_file(dest):
            # Replacing the open file (or giving it a stranger's -wal) would lose or mix data.
            raise StorageError(f"不能备份到数据库文件本身或它的日志文件（{dest}），请另选位置")
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".partial")
        target = None
        try:
            target = sqlite3.connect(tmp)
            with target:
                self.conn.backup(target)
            target.close()
            os.replace(tmp, dest)
        except (OSError, sqlite3.Error) as exc:
            if target is not None:
                target.close()
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise StorageError(f"备份到 {dest} 失败：{_os_reason(exc)}") from exc
        return dest

    def is_database_file(self, path: str | Path) -> bool:
        """Whether `path` is this database or one of its -wal/-shm/-journal files.

        Decided by name and by stat() alone: opening one of them outside SQLite to find out
        would drop the locks of this process's connections.
        """
        if self.path == ":memory:":
            return False
        own = [os.path.abspath(self.path + suffix) for suffix in SIDE_SUFFIXES]
        if os.path.abspath(path) in own:
            return True
        target = _file_id(str(path))
        return target is not None and any(_file_id(name) == target for name in own)

    def check_file(self) -> None:
        """StorageError when the file we opened was deleted, moved or replaced since."""
        if self._file_id is None:
            return
        # On POSIX, writes would go on into the unlinked file and vanish when it is closed.
        current = _file_id(self.path)
        if current is None:
            raise StorageError(f"数据库文件 {self.path} 已被删除或移走，本次修改未保存；"
                               "请先把数据另存到其他位置（备份），再检查原文件")
        if current != self._file_id:
            raise StorageError(f"数据库文件 {self.path} 已被替换（可能在另一个窗口中恢复了备份），"
                               "本次修改未保存；请重新打开数据库")

    def integrity_ok(self) -> bool:
        """Whether PRAGMA integrity_check reports ok."""
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def quick_check(self) -> list[str]:
        """Problems found by PRAGMA quick_check ([] when the file is sound)."""
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(20)")]
        except sqlite3.DatabaseError as exc:
            return [str(exc)]
        return [] if rows == ["ok"] else rows

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def overwrite_database(source: str | Path, dest: str | Path) -> None:
    """Replace the content of the database `dest` with `source` through SQLite's backup API.

    Nothing is unlinked or copied as a file: programs that have `dest` open keep their locks
    and see the new content, and their committed work is never cut off from its -wal file.
    `dest` must be one of our databases (the usual clear refusals otherwise).
    """
    src = Database(source, migrate=False, readonly=True)
    try:
        target = Database(dest, migrate=False)
        try:
            src.conn.backup(target.conn)
        except sqlite3.Error as exc:
            raise storage_error(exc, str(dest)) from exc
        finally:
            target.close()
    finally:
        src.close()


def discard_database(path: str | Path) -> None:
    """Delete a database file of our own making and the files SQLite kept beside it.

    Only for files no other program can have open (a staging copy, an interrupted build):
    deleting a database someone uses would cut their commits off from its -wal file.
    """
    for suffix in SIDE_SUFFIXES:
        Path(str(path) + suffix).unlink(missing_ok=True)


def _check_is_sqlite(path: str) -> None:
    # Only stat() here: a descriptor of the file opened and closed outside SQLite would drop
    # every lock SQLite holds on it in this process (see CONTRIBUTING.md, "Database files").
    if path == ":memory:":
        return
    if not os.path.exists(path) and _size(path + "-wal") > 0:
        # SQLite would replay the orphaned log into a new empty file and damage it.
        raise DatabaseCorrupt(f"数据库文件 {path} 不存在，但它的日志文件 {path}-wal 还在：原文件可能被删除"
                              "或移走了。请找回原文件或从备份恢复（不会在此新建数据库）")


def _check_header(conn: sqlite3.Connection, path: str) -> None:
    """DatabaseCorrupt when the file is not SQLite: SQLite reads the header, nothing is written."""
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_NOTADB:
            raise
        conn.close()
        raise DatabaseCorrupt(f"{path} 不是 SQLite 数据库文件（可能已损坏或选错了文件），"
                              "请检查 --db 参数或从备份恢复") from exc


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _file_id(path: str) -> tuple[int, int] | None:
    """(device, inode) of the file, or None when it is missing (or in memory)."""
    if path == ":memory:":
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _read_only_place(path: str) -> bool:
    """Whether the file (or, for a new file, its folder) cannot be written."""
    target = path if os.path.exists(path) else os.path.dirname(os.path.abspath(path))
    return os.path.exists(target) and not os.access(target, os.W_OK)


def _connect(path: str, readonly: bool) -> sqlite3.Connection:
    try:
        if path != ":memory:" and not readonly:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{path}?mode=ro" if readonly else path
        conn = sqlite3.connect(uri, uri=readonly, timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=True)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        _check_header(conn, path)
        if path != ":memory:" and not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        # 32 MB instead of 2 MB: searches walk the newest packages' texts (about 9 KB each),
        # which then stay cached from one keystroke to the next. Filled only as pages are read.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        register_functions(conn)
        return conn
    except (sqlite3.Error, OSError) as exc:
        if path != ":memory:" and not readonly and _read_only_place(path):
            raise StorageError(f"数据库文件只读（{path}），无法打开进行编辑；"
                               "请检查文件权限或所在磁盘，或把它复制到可写的位置") from exc
        raise storage_error(exc, path) from exc


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _begin_immediate(conn: sqlite3.Connection) -> None:
    for attempt in range(BUSY_RETRIES):
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise storage_error(exc) from exc
            time.sleep(0.1 * (attempt + 1))
    raise StorageError("数据库正被另一个窗口或程序长时间占用，请稍后重试；您的修改尚未保存，仍保留在编辑器中")


def storage_error(exc: BaseException, path: str = "") -> StorageError:
    """A user-facing StorageError for a low-level SQLite or OS error."""
    text = str(exc).lower()
    where = f"（{path}）" if path else ""
    if "immutable" in text or "frozen" in text or "append-only" in text:
        return StorageError("已发布或已签署的记录不能修改")
    if "locked" in text or "busy" in text:
        return StorageError("数据库正被另一个窗口或程序占用，请稍后重试；您的修改尚未保存，仍保留在编辑器中")
    if "readonly" in text or "read-only" in text:
        return StorageError(f"数据库文件只读{where}，无法保存；请检查文件权限，或另存到其他位置")
    if "disk" in text and ("full" in text or "space" in text) or "full" in text:
        return StorageError("磁盘空间不足，无法保存；请清理磁盘后重试，或另存到其他位置")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StorageError(f"数据库文件已损坏{where}，请从备份恢复")
    if "unable to open" in text:
        return StorageError(f"无法打开数据库文件{where}；请检查路径和权限")
    return StorageError(f"数据库错误：{exc}")


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno == 28:
        return "磁盘空间不足"
    if isinstance(exc, PermissionError):
        return "没有写入权限"
    return str(exc)


def _migration_backup_path(path: str, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(path).with_name(f"{Path(path).name}.v{version}-{stamp}.bak")
