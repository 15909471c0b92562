"""Moving a department onto the server: copy a SQLite database, then verify both sides."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import StorageError, ValidationError
from ..store.address import display_address, is_server_address
from ..store.db import storage_error
from ..store.store import Store
from ..store.transfer import copy_to_server
from .verify import VerifyReport, verify_store

__all__ = ["ServerMigration", "display_address", "migrate_to_server", "require_empty"]

_COMPARED = {"packages": "解读包", "revisions": "快照", "signoffs": "签发记录", "events": "审计事件",
             "keys": "签名密钥"}


@dataclass
class ServerMigration:
    """What was copied and what verify found on both sides."""

    rows: dict[str, int]
    source: VerifyReport
    target: VerifyReport
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the target verifies and matches the source."""
        return not self.problems


def migrate_to_server(source_path: str | Path, url: str, progress=None) -> ServerMigration:
    """Copy the SQLite database at `source_path` into the empty server database at `url`."""
    if not is_server_address(url):
        raise ValidationError("目标应是数据库服务器地址，如 postgresql://用户名@服务器:5432/数据库名")
    if is_server_address(source_path) or not Path(source_path).is_file():
        raise ValidationError(f"源数据库文件 {source_path} 不存在")
    source = Store(source_path)
    try:
        target = Store(url)
        try:
            rows = copy_to_server(source.db, target.db, progress)
            result = ServerMigration(rows, verify_store(source), verify_store(target))
        except sqlite3.Error as exc:
            raise storage_error(exc, target.path) from exc
        finally:
            target.close()
    finally:
        source.close()
    result.problems = _compare(result.source, result.target)
    return result


def _compare(source: VerifyReport, target: VerifyReport) -> list[str]:
    problems = [f"服务器上：{p}" for p in target.problems]
    for name, label in _COMPARED.items():
        if getattr(source, name) != getattr(target, name):
            problems.append(f"{label}数量不一致：文件中 {getattr(source, name)}，服务器上 "
                            f"{getattr(target, name)}")
    if source.chain_head != target.chain_head:
        problems.append("审计链末端的哈希不一致")
    return problems


def require_empty(store: Store) -> None:
    """StorageError unless the server database holds no users yet (demo, migration targets)."""
    if store.users.count():
        raise StorageError(f"数据库 {store.path} 已有数据；演示数据只能写入新建的空数据库")
