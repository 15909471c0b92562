"""PostgreSQL: one server connection that speaks to the repositories like a sqlite3 connection.

The repositories write their SQL once, with `?` and `:name` placeholders; `PgConnection`
translates the placeholders, returns rows readable by position and by name, and raises the
errors of the sqlite3 family (`PgIntegrityError` is a `sqlite3.IntegrityError`), so the
services catch one family whatever the store. Connection, authentication and permission
failures become one-line Chinese `StorageError`s.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..domain.errors import StorageError
from .address import display_address
from .pg_schema import META_TABLE, server_migrations
from .schema import APPLICATION_ID, SCHEMA_VERSION

CONNECT_TIMEOUT_S = 5
# Every write that touches the audit chain holds this lock until it commits (see audit.py).
AUDIT_LOCK = 0x5A4A_0001
MIGRATION_LOCK = 0x5A4A_0002


class PgIntegrityError(sqlite3.IntegrityError):
    """A constraint or trigger of the server refused a write."""


class PgOperationalError(sqlite3.OperationalError):
    """The server could not run a statement (a lock timeout, a cancelled query)."""


class ServerUnavailable(StorageError):
    """The server cannot be reached or refused the connection."""


class Row:
    """A result row readable by position and by column name, like sqlite3.Row."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: tuple) -> None:
        self._names = names
        self._values = values

    def __getitem__(self, key):
        if isinstance(key, str):
            return self._values[self._names[key]]
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other) -> bool:
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(self._values)

    def keys(self) -> list[str]:
        """Column names in order."""
        return list(self._names)


def _row_factory(cursor):
    names = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


@functools.lru_cache(maxsize=512)
def translate_placeholders(sql: str) -> str:
    """`?` → `%s`, `:name` → `%(name)s`, `%` → `%%`; quoted text and `::` casts untouched."""
    out, i, n = [], 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch == "'":
            end = sql.index("'", i + 1)
            while end + 1 < n and sql[end + 1] == "'":
                end = sql.index("'", end + 2)
            out.append(sql[i:end + 1].replace("%", "%%"))
            i = end + 1
            continue
        if ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        elif ch == ":" and i + 1 < n and (sql[i + 1].isalpha() or sql[i + 1] == "_") \
                and (i == 0 or sql[i - 1] != ":"):
            j = i + 1
            while j < n and (sql[j].isalnum() or sql[j] == "_"):
                j += 1
            out.append(f"%({sql[i + 1:j]})s")
            i = j
            continue
        elif ch == ":" and i + 1 < n and sql[i + 1] == ":":
            out.append("::")
            i += 2
            continue
        else:
            out.append(ch)
        i += 1
    return "".join(out)


class PgConnection:
    """A psycopg connection in autocommit mode, with transactions taken explicitly."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.address = display_address(url)
        self._conn = None
        self._in_transaction = False  # set by begin(), cleared by commit() and rollback()
        self._reconnect()

    def _reconnect(self) -> None:
        import psycopg

        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        try:
            self._conn = psycopg.connect(self.url, autocommit=True, row_factory=_row_factory,
                                         connect_timeout=CONNECT_TIMEOUT_S,
                                         application_name="interpreter-app")
        except psycopg.Error as exc:
            raise connection_error(exc, self.address) from exc

    @property
    def raw(self):
        """The psycopg connection (LISTEN, COPY and the tests)."""
        return self._conn

    @property
    def session(self) -> int:
        """The server process serving this connection (notifications name it)."""
        return self._conn.info.backend_pid

    @property
    def broken(self) -> bool:
        """Whether the connection was lost (closed by the server or the network)."""
        return self._conn is None or self._conn.closed or self._conn.broken

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open (or was, until the connection was lost within it)."""
        return self._in_transaction

    def ensure_connected(self) -> None:
        """Open a new connection when the last one was lost (never inside a transaction)."""
        if self.broken:
            self._reconnect()

    def execute(self, sql: str, params=()):
        """Run one statement with sqlite3-style placeholders; the cursor holds the rows.

        A read outside a transaction that finds the connection lost (server restarted,
        network dropped) reconnects and reads again, once.
        """
        import psycopg

        query = translate_placeholders(sql)
        if self.broken:
            if self._in_transaction:  # the rest of a lost transaction must not run alone
                raise self.translate_error(psycopg.OperationalError("connection lost"))
            self._reconnect()
        try:
            return self._conn.execute(query, params or None, prepare=False)
        except psycopg.Error as exc:
            if self._in_transaction or not self.broken or query.lstrip()[:6].upper() != "SELECT":
                raise self.translate_error(exc) from exc
        self._reconnect()
        try:
            return self._conn.execute(query, params or None, prepare=False)
        except psycopg.Error as exc:
            raise self.translate_error(exc) from exc

    def begin(self) -> None:
        """Open a transaction, on a new connection when the last one was lost."""
        try:
            self.execute("BEGIN")
        except ServerUnavailable:
            self._reconnect()  # dropped while idle: nothing was pending, so start again
            self.execute("BEGIN")
        self._in_transaction = True

    def commit(self) -> None:
        """Commit the open transaction."""
        try:
            self.execute("COMMIT")
        finally:
            self._in_transaction = False

    def rollback(self) -> None:
        """Roll back the open transaction, if the connection still has one."""
        self._in_transaction = False
        if not self.broken:
            with contextlib.suppress(Exception):
                self._conn.execute("ROLLBACK")

    def executemany(self, sql: str, rows) -> None:
        """Run one statement for each parameter row."""
        import psycopg

        try:
            with self._conn.cursor() as cur:
                cur.executemany(translate_placeholders(sql), rows)
        except psycopg.Error as exc:
            raise self.translate_error(exc) from exc

    def run_script(self, script: str) -> None:
        """Run several statements at once (no parameters)."""
        import psycopg

        try:
            self._conn.execute(script.encode("utf-8"), prepare=False)
        except psycopg.Error as exc:
            raise self.translate_error(exc) from exc

    def translate_error(self, exc) -> Exception:
        """The exception the store raises for a psycopg error."""
        from psycopg import errors

        if isinstance(exc, errors.IntegrityError | errors.IntegrityConstraintViolation):
            return PgIntegrityError(_first_line(exc))
        if isinstance(exc, errors.InsufficientPrivilege):
            return StorageError("数据库服务器拒绝了该操作（当前账号没有相应权限）：" + _first_line(exc))
        if isinstance(exc, errors.RaiseException):
            return PgIntegrityError(_first_line(exc))
        if isinstance(exc, errors.SerializationFailure | errors.DeadlockDetected
                      | errors.LockNotAvailable | errors.QueryCanceled):
            return PgOperationalError("database is locked: " + _first_line(exc))
        if self.broken or isinstance(exc, errors.OperationalError | errors.AdminShutdown):
            return ServerUnavailable(f"与数据库服务器 {self.address} 的连接中断，本次操作未完成；"
                                     "请检查网络后重试，您的修改仍保留在编辑器中")
        return sqlite3.DatabaseError(_first_line(exc))

    def close(self) -> None:
        """Close the connection."""
        if self._conn is not None:
            self._conn.close()


def _first_line(exc) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def connection_error(exc, address: str) -> StorageError:
    """A one-line Chinese reason why the server could not be reached or refused us."""
    text = str(exc)
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return ServerUnavailable(f"数据库服务器 {address} 拒绝登录：用户名或密码错误")
    if "no pg_hba.conf entry" in lowered:
        return ServerUnavailable(f"数据库服务器 {address} 不允许本机连接（pg_hba.conf 中没有相应条目），"
                                 "请联系管理员")
    if "does not exist" in lowered and "database" in lowered:
        return ServerUnavailable(f"数据库服务器上没有这个数据库（{address}），请检查地址或请管理员创建")
    if "role" in lowered and "does not exist" in lowered:
        return ServerUnavailable(f"数据库服务器 {address} 上没有这个账号，请检查用户名")
    if "timeout" in lowered or "timed out" in lowered:
        return ServerUnavailable(f"连接数据库服务器 {address} 超时，请检查网络和服务器地址")
    if "connection refused" in lowered or "could not connect" in lowered \
            or "connection failed" in lowered or "translate host name" in lowered:
        return ServerUnavailable(f"无法连接数据库服务器 {address}（服务器未启动或地址有误）")
    if "ssl" in lowered or "certificate" in lowered:
        return ServerUnavailable(f"与数据库服务器 {address} 的加密连接失败（证书或 sslmode 设置有误）")
    return ServerUnavailable(f"无法连接数据库服务器 {address}：{_first_line(exc)}")


class PgDatabase:
    """A PostgreSQL database with our schema: the server counterpart of `db.Database`."""

    dialect = "postgresql"

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.path = display_address(url)
        self.conn = PgConnection(url)
        self.last_command = ""  # the pg_dump command line of the last backup
        try:
            self._check_identity()
            if migrate:
                self.migrate()
        except BaseException:
            self.conn.close()
            raise

    # -- set-up ---------------------------------------------------------------------------
    def _check_identity(self) -> None:
        row = self.conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_name <> ?", (META_TABLE,)).fetchone()
        has_meta = self._meta_exists()
        if row[0] and not has_meta:
            raise StorageError(f"{self.path} 不是政策解读工作台的数据库（其中已有别的数据表），请检查数据库地址")
        if has_meta:
            app = self.conn.execute(f"SELECT application_id FROM {META_TABLE}").fetchone()
            if app is not None and app[0] != APPLICATION_ID:
                raise StorageError(f"{self.path} 不是政策解读工作台的数据库，请检查数据库地址")
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StorageError(f"数据库版本（{version}）比本程序支持的版本（{SCHEMA_VERSION}）新，"
                               "请升级政策解读工作台后再连接")

    def _meta_exists(self) -> bool:
        return self.conn.execute("SELECT to_regclass(?) IS NOT NULL",
                                 (META_TABLE,)).fetchone()[0]

    def schema_version(self) -> int:
        """The schema version of the database (0 for an empty one)."""
        if not self._meta_exists():
            return 0
        row = self.conn.execute(f"SELECT version FROM {META_TABLE}").fetchone()
        return row[0] if row else 0

    def migrate(self) -> None:
        """Apply pending migrations in order, each in one transaction, under a server lock.

        The server keeps its own history (its backups are pg_dump's business): a failed step
        rolls back and the database stays at the version before it.
        """
        if self.schema_version() >= SCHEMA_VERSION:
            return
        from .db import MigrationError

        for version, _description, script in server_migrations():
            try:
                with self.transaction():
                    self._apply(version, script)
            except (sqlite3.Error, StorageError) as exc:
                reason = getattr(exc, "message", None) or str(exc)
                raise MigrationError(f"数据库升级到第 {version} 版失败，原数据库未改动：{reason}") from exc

    def _apply(self, version: int, script: str) -> None:
        self.serialize(MIGRATION_LOCK)
        if self.schema_version() >= version:
            return  # another desk migrated meanwhile
        if version == 1:
            self.conn.run_script(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (application_id"
                                 " BIGINT NOT NULL, version INTEGER NOT NULL);")
        self.conn.run_script(script)
        self.conn.execute(f"DELETE FROM {META_TABLE}")
        self.conn.execute(f"INSERT INTO {META_TABLE} VALUES (?, ?)", (APPLICATION_ID, version))
        self.conn.execute("SELECT seal_append_only()")

    # -- use ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        """One server transaction (READ COMMITTED; package rows are locked as they are read)."""
        if self.conn.in_transaction:
            raise StorageError("内部错误：事务嵌套")
        self.conn.begin()
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    def serialize(self, what: int) -> None:
        """Hold a server-wide lock on `what` until the current transaction ends."""
        self.conn.execute("SELECT pg_advisory_xact_lock(?)", (what,))

    def backup_to(self, dest) -> Path:
        """A pg_dump of the whole database in `dest` (custom format, for pg_restore)."""
        from .pg_dump import dump

        self.last_command = dump(self.url, Path(dest))
        return Path(dest)

    def is_database_file(self, path) -> bool:
        """A server database has no file on this computer."""
        return False

    def check_file(self) -> None:
        """Nothing to check: the server owns its files."""

    def quick_check(self) -> list[str]:
        """The server checks its own pages; only whether it answers is checked here."""
        try:
            self.conn.ensure_connected()
            self.conn.execute("SELECT 1")
        except StorageError as exc:
            return [exc.message]
        return []

    def integrity_ok(self) -> bool:
        """Whether the server answers."""
        return not self.quick_check()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
