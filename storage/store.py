"""The Store: the product's only door to the database, composed of one repository per concern."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Self

from storage.admin import AdminRepository
from storage.chats import ChatsRepository
from storage.database import Cursor, Database, T, is_postgres_url, open_database
from storage.digests import DigestsRepository
from storage.exports import ExportsRepository
from storage.jobs import JobsRepository
from storage.models import StoreClosedError, StoreError
from storage.queue import QueueRepository
from storage.search import SearchRepository


class _NotOpen:
    """The database of a Store not open (yet, or any more): every use says so."""

    dialect = "sqlite"

    def __init__(
        self, why: str = "Store is not open; use `async with Store(path)` or `await open()`"
    ) -> None:
        self._why = why

    async def read(self, work: Callable[[Cursor], T]) -> T:
        raise StoreClosedError(self._why)

    async def write(self, work: Callable[[Cursor], T]) -> T:
        raise StoreClosedError(self._why)

    async def close(self) -> None:
        """Nothing to close."""


class Store:
    """Chats, jobs, digests, search, exports and admin over one `Database`; every chat-data
    method is scoped by chat id.

    Use as `async with Store(path_or_url) as store:` (or `await open_store(...)`), then
    `store.jobs.enqueue(...)`, `store.digests.history(...)`, `store.search.words(...)`, ….
    """

    chats: ChatsRepository
    jobs: JobsRepository
    queue: QueueRepository
    digests: DigestsRepository
    search: SearchRepository
    exports: ExportsRepository
    admin: AdminRepository

    def __init__(self, target: str | Path) -> None:
        self._target = target
        self._database: Database | None = None
        self._closed = False
        self._compose(_NotOpen())

    @property
    def path(self) -> Path:
        """Where the SQLite file lives (the URL's text for PostgreSQL)."""
        return Path(self._target)

    async def open(self) -> None:
        """Open the database, bring the schema up to date and compose the repositories."""
        if self._closed:
            raise StoreClosedError("this Store was closed; create a new Store to reopen the file")
        if self._database is not None:
            raise StoreError("Store is already open")
        database = await open_database(self._target)
        self._database = database
        self._compose(database)

    def _compose(self, database: Database) -> None:
        self.chats = ChatsRepository(database)
        self.jobs = JobsRepository(database)
        self.queue = QueueRepository(database)
        self.digests = DigestsRepository(database)
        self.search = SearchRepository(database)
        self.exports = ExportsRepository(database)
        self.admin = AdminRepository(database)

    async def watch_jobs(self, wake: Callable[[], None]) -> None:
        """Call `wake` whenever a process queues a job, until cancelled (PostgreSQL: LISTEN,
        storage/postgres/notify.py); on SQLite it returns at once: workers poll."""
        if not is_postgres_url(self._target):
            return
        from storage.postgres.notify import listen

        await listen(str(self._target), wake)

    async def close(self) -> None:
        """Close the database; closing twice is harmless."""
        self._closed = True
        database, self._database = self._database, None
        if database is not None:
            self._compose(_NotOpen("Store is closed"))
            await database.close()

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


async def open_store(target: str | Path) -> Store:
    """An open Store: SQLite for a path (the default), PostgreSQL for `postgresql://…`."""
    store = Store(target)
    await store.open()
    return store
