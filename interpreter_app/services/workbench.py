"""The services the GUI and the CLI share, wired over one store."""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..domain.errors import StorageError
from ..store.address import is_server_address
from ..store.db import now_iso
from ..store.store import Store
from .accounts import AccountService
from .authoring import AuthoringService
from .comments import CommentService
from .exporting import ExportService
from .listing import ListingService
from .media import MediaService
from .outreach import OutreachService
from .review import ReviewService
from .stats import StatisticsService
from .trust import TrustService
from .trust_files import trusted_fingerprints
from .trust_verify import chain_of, remember_history
from .verify import VerifyReport, verify_store


def schema_versions(address: str | Path) -> tuple[int, int]:
    """(version before, version after) of migrating the database at `address`."""
    store = Store(address, migrate=False)
    try:
        before = store.db.schema_version()
        store.db.migrate()
        return before, store.db.schema_version()
    finally:
        store.close()


class Workbench:
    """Every use case over one database connection (create one per thread)."""

    def __init__(self, store: Store, clock=now_iso) -> None:
        self.store = store
        self.clock = clock
        self.trust = TrustService(store, clock)
        self.accounts = AccountService(store, clock, self.trust)
        self.authoring = AuthoringService(store, clock)
        self.review = ReviewService(store, clock, self.accounts)
        self.comments = CommentService(store, clock)
        self.listing = ListingService(store, clock)
        self.exports = ExportService(store, clock)
        self.statistics = StatisticsService(store, clock)
        self.outreach = OutreachService(store, clock)
        self.media = MediaService(store, clock)

    @classmethod
    def open(cls, path: str | Path, clock=now_iso) -> Workbench:
        """Open (and migrate) the existing database at `path`.

        A missing file is an error, never a new empty database: a worker whose database was
        moved or deleted meanwhile must not quietly start another one. `create` makes one.
        A server address opens the database the administrator made on the server (an empty
        one gets the schema, where the account may create it).
        """
        if is_server_address(path):
            return cls(Store(path), clock)
        if not Path(path).is_file() and not Path(f"{path}-wal").exists():  # Store explains a lone -wal
            raise StorageError(f"数据库文件 {path} 不存在（可能已被移走或删除）")
        return cls(Store(path), clock)

    @classmethod
    def create(cls, path: str | Path, clock=now_iso) -> Workbench:
        """Open the database at `path`, creating an empty one when there is none."""
        return cls(Store(path), clock)

    @property
    def address(self) -> str:
        """What opens this database again (a worker's own connection): path or server address."""
        return self.store.address

    @property
    def is_server(self) -> bool:
        """Whether the database is on a PostgreSQL server shared by other desks."""
        return self.store.is_server

    @property
    def session(self) -> int:
        """The server process of this desk's connection (0 on a local file)."""
        return self.store.session

    def verify(self, trust: str | None = None, against: str | Path | None = None) -> VerifyReport:
        """Check the audit chain, digests, signatures and certificates of the whole database.

        `trust` is a fingerprint or trust file (default: the user's trust.txt); `against` a
        backup or exported pack whose audit chain this database must still extend."""
        pins = trusted_fingerprints(trust)
        head = chain_of(Path(against), self.store) if against else None
        return verify_store(self.store, pins, head)

    def close(self) -> None:
        """Close the database connection, remembering the audit chain seen here."""
        # a closing connection must close whatever happened to the record of the history
        with contextlib.suppress(Exception):
            remember_history(self.store, self.trust.fingerprint())
        self.store.close()
