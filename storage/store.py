"""The Store: the product's only door to SQLite, every chat-data method scoped by chat id."""

from __future__ import annotations

from storage.admin import AdminMixin
from storage.links import LinksMixin
from storage.parts import PartsMixin
from storage.people import PeopleMixin
from storage.revise import RevisionMixin


class Store(AdminMixin, LinksMixin, PartsMixin, RevisionMixin, PeopleMixin):
    """Async SQLite storage for chats, jobs, digests, search and export (see storage-api.md).

    Use as `async with Store(path) as store:`. Writes go through one connection behind an
    asyncio lock; reads use a second read-only connection (WAL lets them run side by side).
    """
