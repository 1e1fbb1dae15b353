"""The generic verbs every API family is built from.

A family module declares a table (resource path, data classes, limits, concurrency category) and writes
each public method as a few lines on these verbs: retrieve, retrieve_multiple, list, iterate, create,
update, upsert, delete, search and the aggregate family. Chunking, concurrency, pagination, partitions,
decoding and error reporting live here, once.
"""

from __future__ import annotations

import asyncio
import itertools
import math
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar, cast

import msgspec

from cognite.client._concurrency import execute, raise_if_failed
from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    SequenceNotStr,
    dec_hook,
    set_client,
)
from cognite.client.exceptions import CogniteNotFoundError

if TYPE_CHECKING:
    from cognite.client._cognite_client import AsyncCogniteClient
    from cognite.client._http import HTTPClient

__all__ = ["APIClient", "IdentifierSequence", "is_unlimited"]

T = TypeVar("T")
T_Resource = TypeVar("T_Resource", bound=CogniteResource)
T_List = TypeVar("T_List", bound=CogniteResourceList[Any])

UpdateMode = Literal["replace_ignore_null", "patch", "replace"]


def is_unlimited(limit: float | int | None) -> bool:
    """True for the ways of saying "all": None, -1 and infinity."""
    return limit is None or limit == -1 or (isinstance(limit, float) and math.isinf(limit))


def check_limit(limit: Any, name: str = "limit") -> int | None:
    """Validate a limit argument; return it as an int, or None for unlimited."""
    if is_unlimited(limit):
        return None
    if isinstance(limit, bool) or not isinstance(limit, int | float) or limit < 0 or int(limit) != limit:
        raise ValueError(f"{name} must be a non-negative int, -1, None or float('inf'), got {limit!r}")
    return int(limit)


def check_partitions(partitions: Any, max_items: int | None) -> None:
    """Validate a partitions argument (a positive int, only with an unlimited limit)."""
    if partitions is None:
        return
    if isinstance(partitions, bool) or not isinstance(partitions, int) or partitions < 1:
        raise ValueError(f"partitions must be a positive int, got {partitions!r}")
    if max_items is not None:
        raise ValueError("partitions can only be used with an unlimited limit (limit=None, -1 or inf)")


def split_filter(filter: dict[str, Any] | None, limits: Mapping[str, int]) -> list[dict[str, Any] | None]:
    """Split a filter whose lists are longer than the API takes into filters within the limits.

    Every combination of the chunks is one filter, so listing with each of them and merging the results gives
    what the original filter asks for (a filter within the limits is returned as it is).

    Args:
        filter: The filter in wire form.
        limits: Filter key -> the most values the API takes in one request (``maxItems``).

    Returns:
        The filters.
    """
    if not filter:
        return [filter]
    options: list[list[tuple[str, Any]]] = []
    for key, value in filter.items():
        size = limits.get(key)
        if size is not None and isinstance(value, list) and len(value) > size:
            options.append([(key, chunk) for chunk in chunks(value, size)])
        else:
            options.append([(key, value)])
    return [dict(combination) for combination in itertools.product(*options)]


class _ItemsResponse(msgspec.Struct, Generic[T], rename="camel"):
    items: list[T]
    next_cursor: str | None = None


_DECODERS: dict[type, msgspec.json.Decoder[Any]] = {}


def items_decoder(cls: type[T]) -> msgspec.json.Decoder[_ItemsResponse[T]]:
    """A cached msgspec decoder of ``{"items": [...], "nextCursor": ...}`` into ``cls`` objects."""
    dec = _DECODERS.get(cls)
    if dec is None:
        dec = _DECODERS[cls] = msgspec.json.Decoder(_ItemsResponse[cls], strict=False, dec_hook=dec_hook)  # type: ignore[valid-type]
    return dec


_OBJECT_DECODERS: dict[type, msgspec.json.Decoder[Any]] = {}


def object_decoder(cls: type[T]) -> msgspec.json.Decoder[T]:
    """A cached msgspec decoder of one JSON object (not an ``items`` list) into a ``cls`` object."""
    dec = _OBJECT_DECODERS.get(cls)
    if dec is None:
        dec = _OBJECT_DECODERS[cls] = msgspec.json.Decoder(cls, strict=False, dec_hook=dec_hook)
    return dec


class IdentifierSequence:
    """Identifiers given by id, external id or instance id, validated and deduplicated in order.

    Args:
        ids: Internal ids.
        external_ids: External ids.
        instance_ids: Instance ids (``NodeId`` or ``(space, external_id)``).
    """

    def __init__(
        self,
        ids: int | SequenceNotStr[int] | None = None,
        external_ids: str | SequenceNotStr[str] | None = None,
        instance_ids: Any = None,
        *,
        id_name: str = "ids",
        external_id_name: str = "external_ids",
    ) -> None:
        self.is_singleton = False
        self._items: list[dict[str, Any]] = []
        seen: set[Any] = set()
        given = 0
        if ids is not None:
            given += 1
            for v in self._as_list(ids, int, id_name):
                if ("id", v) not in seen:
                    seen.add(("id", v))
                    self._items.append({"id": v})
        if external_ids is not None:
            given += 1
            for v in self._as_list(external_ids, str, external_id_name):
                if ("xid", v) not in seen:
                    seen.add(("xid", v))
                    self._items.append({"externalId": v})
        if instance_ids is not None:
            given += 1
            values = instance_ids if isinstance(instance_ids, list) else [instance_ids]
            self.is_singleton = self.is_singleton or not isinstance(instance_ids, list)
            for v in values:
                dumped = _dump_instance_id(v)
                key = ("iid", dumped["space"], dumped["externalId"])
                if key not in seen:
                    seen.add(key)
                    self._items.append({"instanceId": dumped})
        if given > 1:
            self.is_singleton = False

    def _as_list(self, value: Any, kind: type, name: str) -> list[Any]:
        if isinstance(value, kind) and not isinstance(value, bool):
            self.is_singleton = True
            return [value]
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            raise TypeError(f"{name} must be {kind.__name__} or a sequence of {kind.__name__}, got {value!r}")
        out = list(value)
        for v in out:
            if isinstance(v, bool) or not isinstance(v, kind):
                raise TypeError(f"{name} must contain only {kind.__name__}, got {v!r}")
        return out

    @classmethod
    def load_one(
        cls, id: int | None = None, external_id: str | None = None, instance_id: Any = None
    ) -> IdentifierSequence:
        """Exactly one identifier, given by one of the arguments."""
        given = [x for x in (id, external_id, instance_id) if x is not None]
        if len(given) != 1:
            raise ValueError("Exactly one of id, external_id and instance_id must be given")
        if id is not None and (isinstance(id, bool) or not isinstance(id, int)):
            raise TypeError(f"id must be an int, got {id!r}")
        if external_id is not None and not isinstance(external_id, str):
            raise TypeError(f"external_id must be a str, got {external_id!r}")
        seq = cls(
            ids=id, external_ids=external_id, instance_ids=instance_id, id_name="id", external_id_name="external_id"
        )
        seq.is_singleton = True
        return seq

    @classmethod
    def load_keys(cls, values: str | Sequence[str], key: str, name: str) -> IdentifierSequence:
        """Identifiers that are names or keys (``{key: value}`` on the wire), e.g. RAW databases by ``name``.

        Args:
            values: One name, or a sequence of them.
            key: The wire key, e.g. ``"name"`` or ``"key"``.
            name: The argument name (for error messages).

        Returns:
            The identifiers, deduplicated in order; a singleton for one name.
        """
        seq = cls()
        names = seq._as_list(values, str, name)
        if "" in names:
            raise ValueError(f"{name} must not contain empty strings")
        seq._items = [{key: v} for v in dict.fromkeys(names)]
        return seq

    def as_dicts(self) -> list[dict[str, Any]]:
        """The identifiers in wire form."""
        return self._items

    def as_primitives(self) -> list[Any]:
        """The identifiers as plain values (int, str or instance-id dict)."""
        return [next(iter(d.values())) for d in self._items]

    def chunked(self, size: int) -> list[list[dict[str, Any]]]:
        """The identifiers in chunks of at most ``size``."""
        return [self._items[i : i + size] for i in range(0, len(self._items), size)]

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


def _dump_instance_id(value: Any) -> dict[str, Any]:
    if isinstance(value, tuple) and len(value) == 2:
        return {"space": value[0], "externalId": value[1]}
    if isinstance(value, dict):
        return {"space": value["space"], "externalId": value.get("externalId", value.get("external_id"))}
    if hasattr(value, "space") and hasattr(value, "external_id"):
        return {"space": value.space, "externalId": value.external_id}
    raise TypeError(f"instance_id must be a NodeId or a (space, external_id) tuple, got {value!r}")


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split a sequence in chunks of at most ``size``."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def resource_path(template: str, **names: Any) -> str:
    """A path with names embedded in it, each validated and URL-encoded as one path segment.

    Args:
        template: The path with ``{placeholders}``, e.g. ``"/raw/dbs/{db_name}/tables"``.
        **names: The values, keyed by placeholder (the argument names, used in error messages).

    Returns:
        The path, e.g. ``"/raw/dbs/my%2Fdb/tables"``.
    """
    from urllib.parse import quote

    for arg, value in names.items():
        if not isinstance(value, str):
            raise TypeError(f"{arg} must be a str, got {value!r}")
        if not value:
            raise ValueError(f"{arg} must be a non-empty str")
    return template.format(**{arg: quote(value, safe="") for arg, value in names.items()})


class APIClient(Generic[T_Resource, T_List]):
    """Base of every API family: the table of declarations and the generic verbs.

    A family subclass sets the class attributes below and writes its public methods on the verbs.
    """

    _RESOURCE_PATH: ClassVar[str] = ""
    _RESOURCE_CLS: ClassVar[type[Any]]
    _LIST_CLS: ClassVar[type[Any]]
    _UPDATE_CLS: ClassVar[type[CogniteUpdate] | None] = None
    _CATEGORY: ClassVar[str] = "general"
    #: Headers every request of the family carries (e.g. the ``cdf-version`` of an alpha API); None: none.
    _HEADERS: ClassVar[Mapping[str, str] | None] = None
    _CREATE_LIMIT: ClassVar[int] = 1000
    _RETRIEVE_LIMIT: ClassVar[int] = 1000
    _UPDATE_LIMIT: ClassVar[int] = 1000
    _DELETE_LIMIT: ClassVar[int] = 1000
    _LIST_LIMIT: ClassVar[int] = 1000
    #: The path of the retrieve-by-identifiers endpoint below the resource path (``/byIds`` in some APIs).
    _BYIDS_SUFFIX: ClassVar[str] = "/byids"
    #: The path below the resource path of POST list requests (e.g. ``"/filter"`` for transformations).
    _LIST_SUFFIX: ClassVar[str] = "/list"

    def __init__(self, cognite_client: AsyncCogniteClient, http: HTTPClient) -> None:
        self._cognite_client = cognite_client
        self._http = http

    # ------------------------------------------------------------------------------------------ helpers

    def _max_workers(self, operation: str) -> int:
        from cognite.client.config import global_config

        return global_config.concurrency_settings.get(self._CATEGORY, operation)

    async def _post(self, path: str, json: Any = None, params: dict[str, Any] | None = None) -> Any:
        return await self._http.request(
            "POST", path, json=json, params=params, category=self._CATEGORY, headers=self._HEADERS
        )

    async def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return await self._http.request("GET", path, params=params, category=self._CATEGORY, headers=self._HEADERS)

    def _decode_items(self, content: bytes, cls: type[Any] | None = None) -> _ItemsResponse[Any]:
        return items_decoder(cls or self._RESOURCE_CLS).decode(content)

    def _make_list(self, items: list[Any], list_cls: type[Any] | None = None) -> Any:
        return (list_cls or self._LIST_CLS)._from_items(items, self._cognite_client)

    # ------------------------------------------------------------------------------------------ retrieve

    async def _retrieve(
        self, path: str, *, resource_cls: type[Any] | None = None, params: dict[str, Any] | None = None
    ) -> Any:
        """GET one resource by its path (e.g. ``/assets/1``, with query ``params``); None when CDF says it does not
        exist (404 or an error listing it as missing)."""
        from cognite.client.exceptions import CogniteAPIError

        try:
            resp = await self._get(path, params)
        except CogniteAPIError as err:
            if err.code == 404 or isinstance(err, CogniteNotFoundError):
                return None
            raise
        item = msgspec.json.decode(
            resp.content, type=resource_cls or self._RESOURCE_CLS, strict=False, dec_hook=dec_hook
        )
        set_client(item, self._cognite_client)
        return item

    async def _retrieve_multiple(
        self,
        identifiers: IdentifierSequence,
        ignore_unknown_ids: bool = False,
        *,
        path: str | None = None,
        extra_body: dict[str, Any] | None = None,
        resource_cls: type[Any] | None = None,
        list_cls: type[Any] | None = None,
    ) -> Any:
        """Retrieve by identifiers with ``/byids`` in concurrent chunks.

        Returns one object (or None) for a singleton identifier, otherwise a list; raises
        CogniteNotFoundError listing every missing identifier unless ``ignore_unknown_ids``.
        """
        url = (path or self._RESOURCE_PATH) + self._BYIDS_SUFFIX
        single = identifiers.is_singleton
        ignore = True if single else ignore_unknown_ids
        id_chunks = identifiers.chunked(self._RETRIEVE_LIMIT)

        def task(chunk: list[dict[str, Any]]) -> Callable[[], Any]:
            async def run() -> list[Any]:
                body: dict[str, Any] = {"items": chunk, "ignoreUnknownIds": ignore, **(extra_body or {})}
                resp = await self._post(url, json=body)
                return self._decode_items(resp.content, resource_cls).items

            return run

        outcome = await execute([task(c) for c in id_chunks], self._max_workers("read"))
        raise_if_failed(outcome, id_chunks, unwrap=lambda d: next(iter(d.values())))
        items = [item for chunk_items in outcome.values() for item in chunk_items]
        if single:
            if not items:
                return None
            set_client(items[0], self._cognite_client)
            return items[0]
        return self._make_list(items, list_cls)

    # ------------------------------------------------------------------------------------------ list

    async def _list(
        self,
        *,
        limit: int | float | None,
        filter: dict[str, Any] | None = None,
        method: Literal["GET", "POST"] = "POST",
        partitions: int | None = None,
        other_params: dict[str, Any] | None = None,
        path: str | None = None,
        resource_cls: type[Any] | None = None,
        list_cls: type[Any] | None = None,
        partition_cursors: Sequence[str] | None = None,
    ) -> Any:
        """List resources: all pages up to ``limit``; with ``partitions``, partitions in parallel.

        Args:
            limit: Maximum number of items (None, -1 or inf: all).
            filter: The filter in wire form.
            method: POST ``/list`` with a body, or GET with query parameters.
            partitions: Number of partitions to fetch in parallel (only with an unlimited limit).
            other_params: Other body fields (sort, advancedFilter, aggregatedProperties, ...).
            path: Override of the resource path.
            resource_cls: Override of the resource class.
            list_cls: Override of the list class.
            partition_cursors: Start cursors of partitions the API handed out (e.g. RAW's ``/cursors``), fetched
                concurrently instead of ``"m/n"`` partitions; ``limit`` counts them all.

        Returns:
            The list class holding the items.
        """
        max_items = check_limit(limit)
        if partition_cursors is not None:
            collected_parts: list[Any] = []
            args = (partition_cursors, max_items, filter, method, other_params, path, resource_cls)
            async for page in self._partitioned_pages(*args):
                collected_parts.extend(page)
            return self._make_list(collected_parts, list_cls)
        check_partitions(partitions, max_items)
        if partitions:
            parts = [f"{i}/{partitions}" for i in range(1, partitions + 1)]

            def task(part: str) -> Callable[[], Any]:
                async def run() -> list[Any]:
                    out: list[Any] = []
                    async for page in self._pages(None, filter, method, part, other_params, path, resource_cls):
                        out.extend(page)
                    return out

                return run

            outcome = await execute([task(p) for p in parts], self._max_workers("read"))
            raise_if_failed(outcome, [[p] for p in parts])
            items = [x for chunk in outcome.values() for x in chunk]
            return self._make_list(items, list_cls)
        collected: list[Any] = []
        async for page in self._pages(max_items, filter, method, None, other_params, path, resource_cls):
            collected.extend(page)
        return self._make_list(collected, list_cls)

    async def _pages(
        self,
        max_items: int | None,
        filter: dict[str, Any] | None,
        method: Literal["GET", "POST"],
        partition: str | None,
        other_params: dict[str, Any] | None,
        path: str | None,
        resource_cls: type[Any] | None,
        page_size: int | None = None,
        start_cursor: str | None = None,
    ) -> AsyncIterator[list[Any]]:
        """Yield pages of decoded items, following cursors (from ``start_cursor``) until ``max_items`` or the end."""
        base = path or self._RESOURCE_PATH
        cursor: str | None = start_cursor
        fetched = 0
        per_page = min(page_size or self._LIST_LIMIT, self._LIST_LIMIT)
        while max_items is None or fetched < max_items:
            page_limit = per_page if max_items is None else min(per_page, max_items - fetched)
            if method == "POST":
                body: dict[str, Any] = {"limit": page_limit, **(other_params or {})}
                if filter:
                    body["filter"] = filter
                if cursor:
                    body["cursor"] = cursor
                if partition:
                    body["partition"] = partition
                resp = await self._http.request(
                    "POST", base + self._LIST_SUFFIX, json=body, category=self._CATEGORY, headers=self._HEADERS
                )
            else:
                params: dict[str, Any] = {**(filter or {}), **(other_params or {}), "limit": page_limit}
                if cursor:
                    params["cursor"] = cursor
                if partition:
                    params["partition"] = partition
                resp = await self._http.request(
                    "GET", base, params=params, category=self._CATEGORY, headers=self._HEADERS
                )
            decoded = self._decode_items(resp.content, resource_cls)
            items = decoded.items
            if max_items is not None and fetched + len(items) > max_items:
                items = items[: max_items - fetched]
            fetched += len(items)
            if items:
                yield items
            cursor = decoded.next_cursor
            if not cursor or not decoded.items:
                return

    async def _partitioned_pages(
        self,
        cursors: Sequence[str],
        max_items: int | None,
        filter: dict[str, Any] | None,
        method: Literal["GET", "POST"],
        other_params: dict[str, Any] | None,
        path: str | None,
        resource_cls: type[Any] | None,
        page_size: int | None = None,
    ) -> AsyncIterator[list[Any]]:
        """Yield pages of several partitions (one start cursor each) fetched concurrently, ``max_items`` in total.

        At most two pages per partition wait to be consumed (memory stays bounded when the consumer is slow);
        when the consumer stops or a partition fails, every fetch in flight is cancelled and awaited.
        """
        queue: asyncio.Queue[Any] = asyncio.Queue()
        slots = asyncio.Semaphore(2 * max(1, len(cursors)))
        done = object()

        async def produce(cursor: str) -> None:
            try:
                args = (max_items, filter, method, None, other_params, path, resource_cls, page_size, cursor)
                async for page in self._pages(*args):
                    await slots.acquire()
                    queue.put_nowait(page)
            except Exception as exc:
                queue.put_nowait(exc)
            finally:
                queue.put_nowait(done)

        tasks = [asyncio.ensure_future(produce(c)) for c in cursors]
        try:
            running, fetched = len(tasks), 0
            while running:
                got = await queue.get()
                if got is done:
                    running -= 1
                    continue
                if isinstance(got, Exception):
                    raise got
                slots.release()
                if max_items is not None:
                    got = got[: max_items - fetched]
                fetched += len(got)
                if got:
                    yield got
                if max_items is not None and fetched >= max_items:
                    return
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _list_generator(
        self,
        *,
        chunk_size: int | None,
        limit: int | float | None,
        filter: dict[str, Any] | None = None,
        method: Literal["GET", "POST"] = "POST",
        other_params: dict[str, Any] | None = None,
        path: str | None = None,
        resource_cls: type[Any] | None = None,
        list_cls: type[Any] | None = None,
        filters: Sequence[dict[str, Any] | None] | None = None,
        partition_cursors: Sequence[str] | None = None,
    ) -> AsyncIterator[Any]:
        """Iterate lazily: one resource at a time, or lists of ``chunk_size``; one page in memory at a time.

        ``filters`` (instead of ``filter``): list with each filter in turn, e.g. the parts of a filter split by
        :func:`split_filter`; ``limit`` counts them all. ``partition_cursors``: fetch partitions concurrently from
        these start cursors (see :meth:`_partitioned_pages`).
        """
        max_items = check_limit(limit)
        if chunk_size is not None and (
            isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1
        ):
            raise ValueError(f"chunk_size must be a positive int, got {chunk_size!r}")
        buffer: list[Any] = []
        client = self._cognite_client
        flts = [filter] if filters is None else filters
        pages = (
            self._chained_pages(flts, max_items, method, other_params, path, resource_cls, chunk_size)
            if partition_cursors is None
            else self._partitioned_pages(
                partition_cursors, max_items, filter, method, other_params, path, resource_cls, chunk_size
            )
        )
        async for page in pages:
            if chunk_size is None:
                for item in page:
                    set_client(item, client)
                    yield item
                continue
            buffer.extend(page)
            while len(buffer) >= chunk_size:
                yield self._make_list(buffer[:chunk_size], list_cls)
                buffer = buffer[chunk_size:]
        if chunk_size is not None and buffer:
            yield self._make_list(buffer, list_cls)

    async def _chained_pages(
        self,
        filters: Sequence[dict[str, Any] | None],
        max_items: int | None,
        method: Literal["GET", "POST"],
        other_params: dict[str, Any] | None,
        path: str | None,
        resource_cls: type[Any] | None,
        page_size: int | None,
    ) -> AsyncIterator[list[Any]]:
        """The pages of each filter in turn, ``max_items`` in total."""
        fetched = 0
        for flt in filters:
            remaining = None if max_items is None else max_items - fetched
            if remaining == 0:
                return
            async for page in self._pages(remaining, flt, method, None, other_params, path, resource_cls, page_size):
                fetched += len(page)
                yield page

    async def _list_many(
        self,
        *,
        filters: Sequence[dict[str, Any] | None],
        limit: int | float | None,
        partitions: int | None = None,
        other_params: dict[str, Any] | None = None,
        path: str | None = None,
        resource_cls: type[Any] | None = None,
        list_cls: type[Any] | None = None,
    ) -> Any:
        """List with several filters concurrently (e.g. the parts of a filter split by :func:`split_filter`).

        Returns the results of every filter, in filter order, up to ``limit`` in total; with ``partitions``, each
        filter is listed in that many partitions.
        """
        max_items = check_limit(limit)
        check_partitions(partitions, max_items)
        if len(filters) == 1:
            return await self._list(
                limit=limit, filter=filters[0], partitions=partitions, other_params=other_params, path=path,
                resource_cls=resource_cls, list_cls=list_cls,
            )  # fmt: skip

        def task(flt: dict[str, Any] | None) -> Callable[[], Any]:
            return lambda: self._list(
                limit=max_items, filter=flt, partitions=partitions, other_params=other_params, path=path,
                resource_cls=resource_cls, list_cls=list_cls,
            )  # fmt: skip

        outcome = await execute([task(f) for f in filters], self._max_workers("read"))
        raise_if_failed(outcome, [[f] for f in filters])
        items = [x for listed in outcome.values() for x in listed.data]
        return self._make_list(items if max_items is None else items[:max_items], list_cls)

    # ------------------------------------------------------------------------------------------ create

    async def _create_multiple(
        self,
        items: Any,
        *,
        write_cls: type[Any] | None = None,
        path: str | None = None,
        extra_body: dict[str, Any] | None = None,
        limit: int | None = None,
        resource_cls: type[Any] | None = None,
        list_cls: type[Any] | None = None,
        input_name: str = "items",
        params: dict[str, Any] | None = None,
        decode: bool = True,
        retryable: bool | None = None,
    ) -> Any:
        """Create items in concurrent chunks; one object in, one out; a list in, a list out.

        ``params`` go in the query string of every request; ``decode=False`` is for APIs that answer with an empty
        body (None is returned); ``retryable=True`` for creates that are upserts (safe to resend).
        """
        single = not isinstance(items, Sequence) or isinstance(items, str | bytes | dict)
        item_list = [items] if single else list(items)
        dumped = [_dump_for_write(x, write_cls, input_name) for x in item_list]
        chunk_size = limit or self._CREATE_LIMIT
        indexes = list(range(len(dumped)))
        index_chunks = chunks(indexes, chunk_size)
        url = path or self._RESOURCE_PATH

        def task(idx: Sequence[int]) -> Callable[[], Any]:
            async def run() -> list[Any]:
                body = {"items": [dumped[i] for i in idx], **(extra_body or {})}
                resp = await self._http.request(
                    "POST",
                    url,
                    json=body,
                    params=params,
                    category=self._CATEGORY,
                    headers=self._HEADERS,
                    retryable=retryable,
                )
                return self._decode_items(resp.content, resource_cls).items if decode else []

            return run

        outcome = await execute([task(c) for c in index_chunks], self._max_workers("write"))
        raise_if_failed(outcome, [[item_list[i] for i in c] for c in index_chunks])
        if not decode:
            return None
        created = [x for chunk in outcome.values() for x in chunk]
        if single:
            set_client(created[0], self._cognite_client)
            return created[0]
        return self._make_list(created, list_cls)

    # ------------------------------------------------------------------------------------------ update

    async def _update_multiple(
        self,
        items: Any,
        mode: UpdateMode = "replace_ignore_null",
        *,
        update_cls: type[CogniteUpdate] | None = None,
        path: str | None = None,
        resource_cls: type[Any] | None = None,
        list_cls: type[Any] | None = None,
    ) -> Any:
        """Update items (Update objects or resources) in concurrent chunks, following ``mode``."""
        if mode not in ("replace_ignore_null", "patch", "replace"):
            raise ValueError(f"mode must be 'replace_ignore_null', 'patch' or 'replace', got {mode!r}")
        ucls = update_cls or self._UPDATE_CLS
        assert ucls is not None, "this API has no update"
        single = not isinstance(items, Sequence) or isinstance(items, str | bytes)
        item_list = [items] if single else list(items)
        dumped: list[dict[str, Any]] = []
        for item in item_list:
            if isinstance(item, CogniteUpdate):
                dumped.append(item.dump())
            elif isinstance(item, CogniteObject):
                dumped.append(ucls._from_resource(item, mode))
            else:
                raise TypeError(f"item must be a {ucls.__name__} or a resource object, not {type(item).__name__}")
        index_chunks = chunks(list(range(len(dumped))), self._UPDATE_LIMIT)
        url = (path or self._RESOURCE_PATH) + "/update"

        def task(idx: Sequence[int]) -> Callable[[], Any]:
            async def run() -> list[Any]:
                resp = await self._http.request(
                    "POST",
                    url,
                    json={"items": [dumped[i] for i in idx]},
                    category=self._CATEGORY,
                    headers=self._HEADERS,
                )
                return self._decode_items(resp.content, resource_cls).items

            return run

        outcome = await execute([task(c) for c in index_chunks], self._max_workers("write"))
        raise_if_failed(outcome, [[item_list[i] for i in c] for c in index_chunks])
        updated = [x for chunk in outcome.values() for x in chunk]
        if single:
            set_client(updated[0], self._cognite_client)
            return updated[0]
        return self._make_list(updated, list_cls)

    async def _upsert_multiple(
        self,
        items: Any,
        mode: Literal["patch", "replace"] = "patch",
        *,
        write_cls: type[Any] | None = None,
        update_cls: type[CogniteUpdate] | None = None,
    ) -> Any:
        """Update the items that exist and create the rest; results in input order.

        Not atomic: if a step fails, the raised error lists what was done.
        """
        if mode not in ("patch", "replace"):
            raise ValueError(f"mode must be 'patch' or 'replace', got {mode!r}")
        single = not isinstance(items, Sequence)
        item_list = [items] if single else list(items)
        if not item_list:
            return self._make_list([])
        upd_mode: UpdateMode = "replace" if mode == "replace" else "patch"
        with_id = [i for i, x in enumerate(item_list) if _has_identifier(x)]
        without_id = [i for i, x in enumerate(item_list) if not _has_identifier(x)]
        to_create = list(without_id)
        results: dict[int, Any] = {}
        if with_id:
            try:
                updated = await self._update_multiple([item_list[i] for i in with_id], upd_mode, update_cls=update_cls)
                for i, res in zip(with_id, updated, strict=True):
                    results[i] = res
            except CogniteNotFoundError as err:
                missing = {_identifier_key(m) for m in (err.missing or [])}
                exists = [i for i in with_id if _identifier_key(_item_identifier(item_list[i])) not in missing]
                to_create.extend(i for i in with_id if i not in exists)
                if exists:
                    updated = await self._update_multiple(
                        [item_list[i] for i in exists], upd_mode, update_cls=update_cls
                    )
                    for i, res in zip(exists, updated, strict=True):
                        results[i] = res
        if to_create:
            to_create.sort()
            created = await self._create_multiple([item_list[i] for i in to_create], write_cls=write_cls)
            for i, res in zip(to_create, created, strict=True):
                results[i] = res
        ordered = [results[i] for i in range(len(item_list))]
        if single:
            return ordered[0]
        return self._make_list(ordered)

    # ------------------------------------------------------------------------------------------ delete

    async def _delete_multiple(
        self,
        identifiers: IdentifierSequence,
        *,
        ignore_unknown_ids: bool | None = False,
        extra_body: dict[str, Any] | None = None,
        path: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        """Delete by identifiers in concurrent chunks; the error lists what was deleted and what not.

        ``params`` go in the query string of every request (e.g. ``ignoreUnknownIds`` where an API takes it there;
        pass ``ignore_unknown_ids=None`` then).
        """
        id_chunks = identifiers.chunked(self._DELETE_LIMIT)
        url = (path or self._RESOURCE_PATH) + "/delete"

        def task(chunk: list[dict[str, Any]]) -> Callable[[], Any]:
            async def run() -> None:
                body: dict[str, Any] = {"items": chunk, **(extra_body or {})}
                if ignore_unknown_ids is not None:
                    body["ignoreUnknownIds"] = ignore_unknown_ids
                await self._http.request(
                    "POST", url, json=body, params=params, category=self._CATEGORY, headers=self._HEADERS
                )

            return run

        outcome = await execute([task(c) for c in id_chunks], self._max_workers("delete"))
        raise_if_failed(outcome, id_chunks, unwrap=lambda d: next(iter(d.values())))

    async def _retrieve_paths(
        self,
        paths: Sequence[str],
        identifiers: Sequence[Any],
        ignore_unknown_ids: bool,
        *,
        resource_cls: type[Any] | None = None,
        list_cls: type[Any] | None = None,
    ) -> Any:
        """Retrieve several resources one GET each (for APIs without ``/byids``), concurrently, in order.

        Args:
            paths: The path of each resource, e.g. ``/workflows/a``.
            identifiers: What each path identifies (reported in ``missing`` of the error).
            ignore_unknown_ids: Leave out what does not exist instead of raising.
            resource_cls: Override of the resource class.
            list_cls: Override of the list class.

        Returns:
            The list class holding what was found.

        Raises:
            CogniteNotFoundError: Some do not exist (unless ``ignore_unknown_ids``), listed in ``missing``.
        """

        def task(path: str) -> Callable[[], Any]:
            return lambda: self._retrieve(path, resource_cls=resource_cls)

        outcome = await execute([task(p) for p in paths], self._max_workers("read"))
        raise_if_failed(outcome, [[i] for i in identifiers])
        found = outcome.values()
        missing = [ident for ident, item in zip(identifiers, found, strict=True) if item is None]
        if missing and not ignore_unknown_ids:
            raise CogniteNotFoundError("Not found", code=404, missing=missing)
        return self._make_list([item for item in found if item is not None], list_cls)

    # ------------------------------------------------------------------------------------------ composite keys

    async def _retrieve_items(
        self,
        items: Sequence[dict[str, Any]],
        *,
        path: str | None = None,
        params: dict[str, Any] | None = None,
        resource_cls: type[Any] | None = None,
        list_cls: type[Any] | None = None,
        limit: int | None = None,
    ) -> Any:
        """Retrieve by identifiers given in wire form (e.g. ``{"space", "externalId", "version"}``) with ``/byids``
        in concurrent chunks, for APIs whose byids leave unknown identifiers out of the answer (no
        ``ignoreUnknownIds``, as in data modeling).

        Args:
            items: The identifiers in wire form.
            path: Override of the resource path.
            params: Query parameters of every request (e.g. ``{"inlineViews": True}``).
            resource_cls: Override of the resource class.
            list_cls: Override of the list class.
            limit: The most identifiers per request (default: ``_RETRIEVE_LIMIT``).

        Returns:
            The list class holding what was found, in the order of the answers.
        """
        url = (path or self._RESOURCE_PATH) + self._BYIDS_SUFFIX
        id_chunks = chunks(list(items), limit or self._RETRIEVE_LIMIT)

        def task(chunk: Sequence[dict[str, Any]]) -> Callable[[], Any]:
            async def run() -> list[Any]:
                resp = await self._post(url, json={"items": list(chunk)}, params=params)
                return self._decode_items(resp.content, resource_cls).items

            return run

        outcome = await execute([task(c) for c in id_chunks], self._max_workers("read"))
        raise_if_failed(outcome, [list(c) for c in id_chunks])
        return self._make_list([x for found in outcome.values() for x in found], list_cls)

    async def _delete_items(
        self,
        items: Sequence[dict[str, Any]],
        *,
        path: str | None = None,
        suffix: str = "/delete",
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Delete by identifiers given in wire form in concurrent chunks; return the identifiers the API answers with
        (what it deleted), for APIs that answer a delete with ``{"items": [...]}`` (as in data modeling).

        Args:
            items: The identifiers in wire form.
            path: Override of the resource path.
            suffix: The path of the delete endpoint below the resource path (e.g. ``"/indexes/delete"``).
            limit: The most identifiers per request (default: ``_DELETE_LIMIT``).

        Returns:
            The identifiers answered, in wire form.

        Raises:
            CogniteAPIError: A request failed; ``successful``, ``failed`` and ``unknown`` list the identifiers.
        """
        url = (path or self._RESOURCE_PATH) + suffix
        id_chunks = chunks(list(items), limit or self._DELETE_LIMIT)

        def task(chunk: Sequence[dict[str, Any]]) -> Callable[[], Any]:
            async def run() -> list[dict[str, Any]]:
                resp = await self._http.request(
                    "POST", url, json={"items": list(chunk)}, category=self._CATEGORY, headers=self._HEADERS
                )
                return cast("list[dict[str, Any]]", msgspec.json.decode(resp.content).get("items", []))

            return run

        outcome = await execute([task(c) for c in id_chunks], self._max_workers("delete"))
        raise_if_failed(outcome, [list(c) for c in id_chunks])
        return [x for deleted in outcome.values() for x in deleted]

    # ------------------------------------------------------------------------------------------ sub-resources

    async def _post_concurrently(
        self,
        path: str,
        bodies: Sequence[Any],
        *,
        operation: Literal["read", "write", "delete"] = "write",
        reported: Sequence[Sequence[Any]] | None = None,
        params: dict[str, Any] | None = None,
    ) -> list[Any]:
        """POST every body to ``path``, at most the operation's concurrency limit at a time (chunks a family built,
        e.g. rows of a sequence split by the API's limits on rows and values per request).

        Args:
            path: The path, e.g. ``"/sequences/data"``.
            bodies: The request bodies.
            operation: The concurrency limit to use: "read", "write" or "delete".
            reported: What each body carries, for the error (default: the bodies).
            params: Query parameters of every request.

        Returns:
            The responses, in body order.

        Raises:
            CogniteAPIError: A request failed; ``successful``, ``failed`` and ``unknown`` list what the bodies carried.
        """

        def task(body: Any) -> Callable[[], Any]:
            return lambda: self._post(path, json=body, params=params)

        outcome = await execute([task(b) for b in bodies], self._max_workers(operation))
        raise_if_failed(outcome, reported if reported is not None else [[b] for b in bodies])
        return outcome.values()

    async def _cursor_pages(
        self,
        path: str,
        body: dict[str, Any],
        page_cls: type[T],
        *,
        max_items: int | None,
        page_limit: int,
        count: Callable[[T], int],
    ) -> AsyncIterator[T]:
        """POST ``body`` page by page following ``nextCursor``, for endpoints that answer one object with a cursor
        instead of an ``items`` list (e.g. the rows of a sequence).

        Args:
            path: The path, e.g. ``"/sequences/data/list"``.
            body: The request body, without ``limit`` and ``cursor`` (added per page).
            page_cls: The page class; decodes ``nextCursor`` into ``next_cursor``.
            max_items: Stop after this many items in total (None: until the last page).
            page_limit: The most items to ask for per page (the API's maximum ``limit``).
            count: The number of items in a page.

        Returns:
            An async iterator of pages (a page may hold fewer items than asked for; the API decides).
        """
        decoder = object_decoder(page_cls)
        fetched, cursor = 0, None
        while max_items is None or fetched < max_items:
            request = {**body, "limit": page_limit if max_items is None else min(page_limit, max_items - fetched)}
            if cursor:
                request["cursor"] = cursor
            page = decoder.decode((await self._post(path, json=request)).content)
            got = count(page)
            fetched += got
            yield page
            cursor = getattr(page, "next_cursor", None)
            if not cursor or not got:
                return

    # ------------------------------------------------------------------------------------------ search, aggregate

    async def _search(self, body: dict[str, Any], limit: int, *, path: str | None = None) -> Any:
        """POST ``/search`` and return the list class."""
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a positive int, got {limit!r}")
        url = (path or self._RESOURCE_PATH) + "/search"
        resp = await self._post(url, json={**body, "limit": limit})
        return self._make_list(self._decode_items(resp.content).items)

    async def _search_text(self, search: dict[str, str | None], filter: Any, limit: int) -> Any:
        """Search by the text fields given (None values left out), narrowed by a filter object or dict."""
        for name, value in search.items():
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        body: dict[str, Any] = {"search": {k: v for k, v in search.items() if v is not None}}
        if filter is not None:
            body["filter"] = _dump_filter(filter)
        return await self._search(body, limit)

    async def _aggregate_raw(self, body: dict[str, Any], *, path: str | None = None) -> list[dict[str, Any]]:
        """POST ``/aggregate`` and return the raw items."""
        url = (path or self._RESOURCE_PATH) + "/aggregate"
        resp = await self._post(url, json=body)
        return cast("list[dict[str, Any]]", msgspec.json.decode(resp.content)["items"])

    async def _advanced_aggregate(
        self,
        aggregate: str,
        *,
        properties: Any = None,
        path: Any = None,
        query: str | None = None,
        filter: Any = None,
        advanced_filter: Any = None,
        aggregate_filter: Any = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Build and send an aggregate request (count, uniqueValues, cardinality..., uniqueProperties)."""
        body: dict[str, Any] = {"aggregate": aggregate}
        if properties is not None:
            body["properties"] = [{"property": _property_path(properties)}]
        if path is not None:
            body["path"] = _property_path(path)
        if query is not None:
            body["search"] = {"query": query}
        if filter is not None:
            body["filter"] = _dump_filter(filter)
        if advanced_filter is not None:
            body["advancedFilter"] = _dump_filter(advanced_filter)
        if aggregate_filter is not None:
            body["aggregateFilter"] = _dump_filter(aggregate_filter)
        if limit is not None:
            body["limit"] = limit
        return await self._aggregate_raw(body)


def _property_path(prop: Any) -> list[str]:
    if isinstance(prop, str):
        from cognite.client.data_classes._base import _to_camel

        return [_to_camel(prop)]
    if hasattr(prop, "as_reference"):
        return cast("list[str]", prop.as_reference())
    if isinstance(prop, list | tuple):
        return [str(p) for p in prop]
    raise TypeError(f"property must be a str, a list of str or a property enum, got {prop!r}")


def _dump_filter(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        return value
    dump = getattr(value, "dump", None)
    if dump is None:
        raise TypeError(f"filter must be a dict or a filter object, got {type(value).__name__}")
    try:
        return dump(camel_case_property=True)
    except TypeError:
        return dump(camel_case=True)


_OWN_DUMP: dict[type, bool] = {}


def _has_own_dump(cls: type) -> bool:
    """Whether a struct class writes its wire form itself (overrides ``dump``): then it is sent as its dump, not
    encoded field by field."""
    own = _OWN_DUMP.get(cls)
    if own is None:
        own = _OWN_DUMP[cls] = getattr(cls, "dump", None) is not CogniteObject.dump
    return own


def _dump_for_write(item: Any, write_cls: type[Any] | None, name: str) -> Any:
    """The write form of an item, as the HTTP layer encodes it (structs are encoded straight to JSON, unless their
    class writes its own wire form)."""
    if type(item) is write_cls:
        return item.dump() if _has_own_dump(write_cls) else item
    if isinstance(item, dict):
        return item
    as_write = getattr(item, "as_write", None)
    if as_write is not None and (write_cls is None or not isinstance(item, write_cls)):
        item = as_write()
    if isinstance(item, CogniteObject):
        return item.dump() if _has_own_dump(type(item)) else item
    raise TypeError(f"{name} must contain write or read objects (or dicts), not {type(item).__name__}")


def _has_identifier(item: Any) -> bool:
    if isinstance(item, CogniteUpdate):
        return True
    return getattr(item, "id", None) is not None or getattr(item, "external_id", None) is not None


def _item_identifier(item: Any) -> dict[str, Any]:
    if isinstance(item, CogniteUpdate):
        return item._identifier()
    if getattr(item, "id", None) is not None:
        return {"id": item.id}
    return {"externalId": item.external_id}


def _identifier_key(ident: Any) -> Any:
    if isinstance(ident, dict):
        if "id" in ident:
            return ("id", ident["id"])
        if "externalId" in ident:
            return ("xid", ident["externalId"])
    return ("raw", str(ident))


def identifier_dicts(
    ids: int | Sequence[int] | None, external_ids: str | Sequence[str] | None, id_name: str, external_id_name: str
) -> list[dict[str, Any]] | None:
    """Turn ids and external ids given by a user into ``[{"id": ..}, {"externalId": ..}]`` (None if neither)."""
    if ids is None and external_ids is None:
        return None
    return IdentifierSequence(ids, external_ids, id_name=id_name, external_id_name=external_id_name).as_dicts()


def id_list(ids: int | Sequence[int] | None, name: str) -> list[int] | None:
    """Validate ids given by a user as a list of ints, deduplicated in order (None stays None)."""
    return None if ids is None else IdentifierSequence(ids=ids, id_name=name).as_primitives()


def external_id_list(external_ids: str | Sequence[str] | None, name: str) -> list[str] | None:
    """Validate external ids given by a user as a list of strings, deduplicated in order (None stays None)."""
    if external_ids is None:
        return None
    return IdentifierSequence(external_ids=external_ids, external_id_name=name).as_primitives()


def check_type(value: T, kind: type | tuple[type, ...], name: str) -> T:
    """Return ``value`` if it is None or of ``kind`` (a bool is not taken as an int); raise TypeError otherwise."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if value is None or (isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool))):
        return value
    expected = " or ".join(k.__name__ for k in kinds)
    raise TypeError(f"{name} must be {expected}, not {type(value).__name__}")


def dump_sort(sort: Any, sort_cls: type[Any]) -> list[dict[str, Any]]:
    """Dump one or more sort specifications (name, tuple, enum member or sort object) to the wire."""
    specs = sort if isinstance(sort, list) else [sort]
    out = []
    for spec in specs:
        if not isinstance(spec, sort_cls):
            spec = sort_cls.load(spec) if isinstance(spec, str | tuple | dict) else sort_cls(spec)
        out.append(spec.dump(camel_case=True))
    return out


def advanced_list_params(
    advanced_filter: Any, sort: Any, sort_cls: type[Any], partitions: int | None = None
) -> dict[str, Any]:
    """The ``advancedFilter`` and ``sort`` fields of a list request; sort cannot be combined with partitions.

    Args:
        advanced_filter: An advanced filter (``filters.Filter`` or dict), or None.
        sort: Sort specification(s) (see :func:`dump_sort`), or None.
        sort_cls: The family's sort class.
        partitions: The partitions asked for (sort and partitions are mutually exclusive in CDF).

    Returns:
        The fields to add to the list request body.
    """
    params: dict[str, Any] = {}
    if advanced_filter is not None:
        params["advancedFilter"] = _dump_filter(advanced_filter)
    if sort is not None:
        if partitions:
            raise ValueError("sort cannot be combined with partitions")
        params["sort"] = dump_sort(sort, sort_cls)
    return params


class HierarchyCreator:
    """Creates items level by level (parents first), resending chunks whose outcome is unknown.

    Items need external ids: when a resent chunk reports some of them as duplicated, those were created by
    the earlier attempt and are fetched instead of created again (with ``upsert``, they are updated).

    Args:
        api: The API family (its create, retrieve and update verbs are used).
        upsert: Update items that already exist.
        upsert_mode: "patch" or "replace".
    """

    def __init__(self, api: APIClient[Any, Any], upsert: bool, upsert_mode: Literal["patch", "replace"]) -> None:
        self.api = api
        self.upsert = upsert
        self.upsert_mode = upsert_mode

    async def create_levels(self, levels: list[list[Any]]) -> list[Any]:
        """Create every level in order; the error of a failed level lists what happened to every item."""
        created: list[Any] = []
        for n, level in enumerate(levels):
            index_chunks = chunks(list(range(len(level))), self.api._CREATE_LIMIT)
            tasks = [self._chunk_task([level[i] for i in c]) for c in index_chunks]
            outcome = await execute(tasks, self.api._max_workers("write"))
            if outcome.failed:
                try:
                    raise_if_failed(outcome, [[level[i] for i in c] for c in index_chunks])
                except Exception as err:
                    err.successful = created + list(getattr(err, "successful", []))  # type: ignore[attr-defined]
                    err.skipped = [x for later in levels[n + 1 :] for x in later]  # type: ignore[attr-defined]
                    raise
            created.extend(x for chunk_items in outcome.values() for x in chunk_items)
        return created

    def _chunk_task(self, chunk: list[Any]) -> Callable[[], Any]:
        return lambda: self._create_chunk(chunk)

    async def _create_chunk(self, chunk: list[Any]) -> list[Any]:
        from cognite.client.config import global_config
        from cognite.client.exceptions import CogniteAPIError, CogniteDuplicatedError

        api = self.api
        pending = list(chunk)
        results: dict[str, Any] = {}
        unknown_attempt = False
        attempt = 0
        while pending:
            try:
                created = await api._create_multiple(pending)
                for res in created:
                    results[res.external_id] = res
                pending = []
            except CogniteDuplicatedError as err:
                dup = {d.get("externalId") for d in (err.duplicated or []) if isinstance(d, dict)}
                existing = [x for x in pending if x.external_id in dup]
                if not existing or not (self.upsert or unknown_attempt):
                    raise
                if self.upsert:
                    done = await api._update_multiple(existing, "replace" if self.upsert_mode == "replace" else "patch")
                else:
                    xids = IdentifierSequence(external_ids=[x.external_id for x in existing])
                    xids.is_singleton = False
                    done = await api._retrieve_multiple(xids)
                for res in done:
                    results[res.external_id] = res
                pending = [x for x in pending if x.external_id not in dup]
            except Exception as err:
                definitive = isinstance(err, CogniteAPIError) and err.code < 500
                if definitive or attempt >= global_config.max_retries:
                    raise
                unknown_attempt = True
                attempt += 1
                await asyncio.sleep(api._http._backoff(attempt, None))
        return [results[x.external_id] for x in chunk]
