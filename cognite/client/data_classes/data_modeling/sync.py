"""Subscriptions to sync queries (``client.data_modeling.instances.subscribe``).

Example:
    >>> from cognite.client.data_classes.data_modeling.sync import SubscriptionContext
    >>> SubscriptionContext().is_alive()
    False
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from datetime import timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any

from cognite.client.data_classes.data_modeling.instances import Edge, EdgeList, Node, NodeList, load_instance
from cognite.client.data_classes.data_modeling.query import QueryResult, QuerySync
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError

if TYPE_CHECKING:
    from cognite.client._api.data_modeling.instances import InstancesAPI

__all__ = [
    "CogniteAPIError",
    "CogniteNotFoundError",
    "EdgeList",
    "NodeList",
    "QueryResult",
    "QuerySync",
    "SubscriptionContext",
    "SyncSessionWithCache",
]


class SubscriptionContext:
    """A running subscription: when it last synced and called back, and how to stop it.

    Args:
        last_successful_sync: When the last sync succeeded (seconds since epoch).
        last_successful_callback: When the callback last returned (seconds since epoch).
        _task: The background task polling the sync endpoint.
    """

    def __init__(
        self,
        last_successful_sync: float | None = None,
        last_successful_callback: float | None = None,
        _task: asyncio.Task[Any] | None = None,
    ) -> None:
        self.last_successful_sync = last_successful_sync
        self.last_successful_callback = last_successful_callback
        self._task = _task
        #: The exception that stopped the subscription (None while it runs or after ``cancel()``).
        self.error: BaseException | None = None

    def cancel(self) -> None:
        """Stop the subscription (safe from any thread)."""
        task = self._task
        if task is None or task.done():
            return
        loop = task.get_loop()
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            task.cancel()
        else:
            loop.call_soon_threadsafe(task.cancel)

    def is_alive(self) -> bool:
        """True while the subscription polls."""
        return self._task is not None and not self._task.done()

    def is_running(self) -> bool:
        """Same as :meth:`is_alive`."""
        return self.is_alive()

    def __repr__(self) -> str:
        return (
            f"SubscriptionContext(last_successful_sync={self.last_successful_sync!r}, "
            f"last_successful_callback={self.last_successful_callback!r}, alive={self.is_alive()})"
        )


class SyncSessionWithCache:
    """A sync session that keeps every instance of its query in memory and backs it up to a CDF file.

    Use it as an async context manager: on entry it downloads the backup file (if there is one made for the same
    query) and continues from its cursors; on exit it uploads a backup when ``backup_on_exit``. Each
    :meth:`sync` applies the changes since the last one to the cache (deleted instances leave it) and backs up
    every ``backup_every``.

    Args:
        api: The instances API (``client.data_modeling.instances``).
        query: The sync query.
        file_external_id: The external id of the backup file.
        security_category: The security category of the backup file (readers of the file need it).
        backup_every: Back up after a sync when this long has passed since the last backup (None: never).
        backup_on_exit: Back up when the context manager exits.

    Example:
        >>> import asyncio
        >>> from cognite.client.testing import async_emulated_client
        >>> from cognite.client.data_classes.data_modeling import NodeApply, SpaceApply
        >>> from cognite.client.data_classes.data_modeling.query import (
        ...     QuerySync, NodeResultSetExpressionSync, SelectSync)
        >>> async def main():
        ...     async with async_emulated_client() as client:
        ...         await client.data_modeling.spaces.apply(SpaceApply("s"))
        ...         await client.data_modeling.instances.apply([NodeApply("s", "a"), NodeApply("s", "b")])
        ...         q = QuerySync(with_={"n": NodeResultSetExpressionSync()}, select={"n": SelectSync()})
        ...         session = await client.data_modeling.instances.sync_with_file_cache(
        ...             q, file_external_id="cache", security_category=1, backup_on_exit=True)
        ...         async with session:
        ...             await session.sync_until_live()
        ...         return [n.external_id for n in session.get_nodes("n")]
        >>> asyncio.run(main())
        ['a', 'b']
    """

    _FORMAT = 1

    def __init__(
        self,
        api: InstancesAPI,
        query: QuerySync,
        file_external_id: str,
        security_category: int,
        backup_every: timedelta | None = timedelta(minutes=15),
        backup_on_exit: bool = False,
    ) -> None:
        if not isinstance(query, QuerySync):
            raise TypeError(f"query must be a QuerySync, not {type(query).__name__}")
        if not isinstance(file_external_id, str) or not file_external_id:
            raise ValueError("file_external_id must be a non-empty str")
        if isinstance(security_category, bool) or not isinstance(security_category, int):
            raise TypeError(f"security_category must be an int, not {type(security_category).__name__}")
        if backup_every is not None and not isinstance(backup_every, timedelta):
            raise TypeError(f"backup_every must be a timedelta or None, not {type(backup_every).__name__}")
        self.api = api
        self.query = query
        self.file_external_id = file_external_id
        self.security_category = security_category
        self.backup_every = backup_every
        self.backup_on_exit = backup_on_exit
        self._cache: dict[str, dict[tuple[str, str], Node | Edge]] = {name: {} for name in query.select}
        self._last_backup = time.monotonic()

    @property
    def query_hash(self) -> str:
        """A hash of the query (its cursors left out): a backup is only restored for the same query."""
        dumped = {k: v for k, v in self.query.dump().items() if k != "cursors"}
        return hashlib.sha256(json.dumps(dumped, sort_keys=True).encode()).hexdigest()

    async def __aenter__(self) -> SyncSessionWithCache:
        await self._restore()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.backup_on_exit and exc_type is None:
            await self.backup()

    async def _restore(self) -> None:
        files = self.api._cognite_client.files
        try:
            raw = await files.download_bytes(external_id=self.file_external_id)
        except (CogniteNotFoundError, CogniteAPIError):
            return
        try:
            data = json.loads(raw)
        except ValueError:
            return
        if not isinstance(data, dict) or data.get("format") != self._FORMAT or data.get("queryHash") != self.query_hash:
            return
        self.query.cursors = dict(data.get("cursors") or {})
        for name, items in (data.get("instances") or {}).items():
            if name in self._cache:
                self._cache[name] = {(i["space"], i["externalId"]): load_instance(i) for i in items}

    async def backup(self) -> None:
        """Upload the cache and the cursors to the backup file (replacing it)."""
        content = json.dumps(
            {
                "format": self._FORMAT,
                "queryHash": self.query_hash,
                "cursors": self.query.cursors,
                "instances": {name: [i.dump() for i in items.values()] for name, items in self._cache.items()},
            }
        )
        await self.api._cognite_client.files.upload_bytes(
            content,
            name=self.file_external_id,
            external_id=self.file_external_id,
            mime_type="application/json",
            security_categories=[self.security_category],
            overwrite=True,
        )
        self._last_backup = time.monotonic()

    async def sync(self) -> QueryResult:
        """Sync once: apply the changes since the previous sync to the cache and advance the cursors.

        Returns:
            The changes (as answered by the sync endpoint).
        """
        result = await self.api.sync(self.query)
        for name, instances in result.items():
            cache = self._cache.setdefault(name, {})
            for inst in instances:
                key = (inst.space, inst.external_id)
                if inst.deleted_time is not None:
                    cache.pop(key, None)
                else:
                    cache[key] = inst
        self.query.cursors = result.cursors
        if self.backup_every is not None and time.monotonic() - self._last_backup >= self.backup_every.total_seconds():
            await self.backup()
        return result

    async def sync_until_live(self) -> None:
        """Sync until a sync brings no changes (the cache then holds the current state)."""
        while True:
            result = await self.sync()
            if not any(len(v) for v in result.values()):
                return

    async def invalidate(self) -> None:
        """Forget the cache and the cursors (the next sync starts over with a full backfill)."""
        self.query.cursors = {}
        self._cache = {name: {} for name in self.query.select}

    def get_nodes(self, result_expression: str) -> NodeList[Node]:
        """The cached nodes of a result set."""
        return NodeList([i for i in self._cache.get(result_expression, {}).values() if isinstance(i, Node)])

    def get_edges(self, result_expression: str) -> EdgeList[Edge]:
        """The cached edges of a result set."""
        return EdgeList([i for i in self._cache.get(result_expression, {}).values() if isinstance(i, Edge)])
