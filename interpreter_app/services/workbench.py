"""The services the GUI and the CLI share, wired over one store."""

from __future__ import annotations

import contextlib
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import StorageError
from ..store.address import is_server_address
from ..store.db import now_iso
from ..store.store import Store
from .accounts import AccountService
from .authoring import AuthoringService
from .listing import ListingService
from .trust import TrustService

if TYPE_CHECKING:
    from .changes import ChangeService
    from .comments import CommentService
    from .exporting import ExportService
    from .media import MediaService
    from .outreach import OutreachService
    from .review import ReviewService
    from .review_import import ReviewImportService
    from .routes import RouteService
    from .stats import StatisticsService
    from .verify import VerifyReport


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
    """Every use case over one database connection (create one per thread).

    What the list and the log-in need is built at once; the other services, and the modules
    behind them, on first use (a worker thread that only counts a view never loads review,
    statistics or export code, and neither does start-up)."""

    def __init__(self, store: Store, clock=now_iso) -> None:
        self.store = store
        self.clock = clock
        self.trust = TrustService(store, clock)
        self.accounts = AccountService(store, clock, self.trust)
        self.authoring = AuthoringService(store, clock)
        self.listing = ListingService(store, clock)

    @cached_property
    def review(self) -> ReviewService:
        """Submitting, reviewing, signing off and releasing."""
        from .review import ReviewService

        return ReviewService(self.store, self.clock, self.accounts)

    @cached_property
    def changes(self) -> ChangeService:
        """Tracked changes (留痕): proposed at steps that allow edits, settled by writers."""
        from .changes import ChangeService

        return ChangeService(self.store, self.clock)

    @cached_property
    def routes(self) -> RouteService:
        """Approval routes: defined per department, chosen at submit, shown as progress."""
        from .routes import RouteService

        return RouteService(self.store, self.clock)

    @cached_property
    def comments(self) -> CommentService:
        """Comments anchored in the texts."""
        from .comments import CommentService

        return CommentService(self.store, self.clock)

    @cached_property
    def exports(self) -> ExportService:
        """Word, PDF and web packs, and the signed pack."""
        from .exporting import ExportService

        return ExportService(self.store, self.clock)

    @cached_property
    def review_import(self) -> ReviewImportService:
        """A 征求意见稿 edited in Word, WPS or LibreOffice back into its package."""
        from .review_import import ReviewImportService

        # the tracked-change service stores what the file changed, where this build has one
        return ReviewImportService(self.store, self.clock, getattr(self, "changes", None))

    @cached_property
    def statistics(self) -> StatisticsService:
        """The department statistics and plans."""
        from .stats import StatisticsService

        return StatisticsService(self.store, self.clock)

    @cached_property
    def outreach(self) -> OutreachService:
        """Postings, events, the register of issued documents and concerns."""
        from .outreach import OutreachService

        return OutreachService(self.store, self.clock)

    @cached_property
    def media(self) -> MediaService:
        """Pictures and attachments of the materials."""
        from .media import MediaService

        return MediaService(self.store, self.clock)

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
        from .trust_files import trusted_fingerprints
        from .trust_verify import chain_of
        from .verify import verify_store

        pins = trusted_fingerprints(trust)
        head = chain_of(Path(against), self.store) if against else None
        return verify_store(self.store, pins, head)

    def close(self) -> None:
        """Close the database connection, remembering the audit chain seen here."""
        # a closing connection must close whatever happened to the record of the history
        from .trust_verify import remember_history

        with contextlib.suppress(Exception):
            remember_history(self.store, self.trust.fingerprint())
        self.store.close()
