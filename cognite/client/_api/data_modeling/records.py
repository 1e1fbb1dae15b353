"""The records API (``client.data_modeling.records``): write records to a stream and read them back.

Records are written in requests of up to 1000 (ingest, upsert, delete; sent concurrently); filter answers one page
(at most 1000 records), sync follows a cursor, aggregate answers the aggregates asked for by id. The read endpoints
are safe to retry (they change nothing), and so are upsert and delete (writing the same records again gives the same
result); ingest is not, so a failed ingest reports its records as unknown.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal

import msgspec

from cognite.client._api.data_modeling._schema import check_bool
from cognite.client._api_client import APIClient, _dump_filter, resource_path
from cognite.client.data_classes.data_modeling.instances import InstanceSort, TypeInformation
from cognite.client.data_classes.data_modeling.records import (
    Record,
    RecordId,
    RecordIdSequence,
    RecordList,
    RecordsAggregation,
    RecordSourceSelector,
    RecordTargetUnit,
    RecordTargetUnits,
    RecordWrite,
    SyncRecord,
    SyncRecordList,
    TimeRange,
)
from cognite.client.data_classes.filters import Filter

__all__ = ["RecordsAPI"]

_WRITE_LIMIT = 1000
_PAGE_LIMIT = 1000


class _Page(msgspec.Struct, rename="camel"):
    items: list[Record]
    typing: dict[str, Any] | None = None


class _SyncPage(msgspec.Struct, rename="camel"):
    items: list[SyncRecord]
    next_cursor: str
    has_next: bool
    typing: dict[str, Any] | None = None


def _records(items: Any) -> list[dict[str, Any]]:
    values = [items] if isinstance(items, RecordWrite | Record) else items
    if isinstance(values, str | bytes | dict) or not isinstance(values, Sequence):
        raise TypeError(f"items must be a RecordWrite or a sequence of them, got {items!r}")
    out = []
    for item in values:
        if not isinstance(item, RecordWrite | Record):
            raise TypeError(f"items must contain RecordWrite objects, not {type(item).__name__}")
        out.append(item.as_write().dump())
    return out


def _stream_path(stream_id: Any, suffix: str = "") -> str:
    return resource_path("/streams/{stream_id}/records", stream_id=stream_id) + suffix


def _time_range(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, TimeRange):
        return value.dump()
    if isinstance(value, dict):
        return TimeRange(**value).dump()
    raise TypeError(f"last_updated_time must be a TimeRange, got {value!r}")


def _sources(sources: Any) -> list[dict[str, Any]] | None:
    if sources is None:
        return None
    values = [sources] if isinstance(sources, RecordSourceSelector) else sources
    if not isinstance(values, Sequence) or any(not isinstance(s, RecordSourceSelector) for s in values):
        raise TypeError(f"sources must be a RecordSourceSelector or a sequence of them, got {sources!r}")
    return [s.dump() for s in values]


def _sort(sort: Any) -> list[dict[str, Any]] | None:
    if sort is None:
        return None
    values = [sort] if isinstance(sort, InstanceSort | dict) else sort
    if not isinstance(values, Sequence) or any(not isinstance(s, InstanceSort | dict) for s in values):
        raise TypeError(f"sort must be an InstanceSort or a sequence of them, got {sort!r}")
    out = [s if isinstance(s, dict) else s.dump() for s in values]
    for s in out:
        s.pop("nullsFirst", None)  # records sort has no nullsFirst
    return out


def _target_units(units: Any) -> dict[str, Any] | None:
    if units is None:
        return None
    if isinstance(units, RecordTargetUnits):
        return units.dump()
    if isinstance(units, Sequence) and all(isinstance(u, RecordTargetUnit) for u in units):
        return RecordTargetUnits(list(units)).dump()
    raise TypeError(f"target_units must be RecordTargetUnits or a sequence of RecordTargetUnit, got {units!r}")


def _filter(filter: Any) -> Any:
    if filter is not None and not isinstance(filter, Filter | dict):
        raise TypeError(f"filter must be a Filter or a dict, got {type(filter).__name__}")
    return _dump_filter(filter)


def _body(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def _typing(data: dict[str, Any] | None) -> TypeInformation | None:
    return None if data is None else TypeInformation._load(data)


class RecordsAPI(APIClient[Record, RecordList]):
    """Ingest, upsert, delete, filter, aggregate and sync the records of a stream.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling.records import (
        ...     RecordContainerId, RecordSource, RecordWrite)
        >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.streams.create(StreamWrite.load(
        ...         {"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}))
        ...     client.data_modeling.records.ingest(
        ...         [RecordWrite("s", "r1", [RecordSource(RecordContainerId("s", "Log"), {"level": "info"})])],
        ...         stream_id="logs")
        ...     [r.external_id for r in client.data_modeling.records.filter("logs")]
        ['r1']
    """

    _RESOURCE_PATH = "/streams"
    _RESOURCE_CLS = Record
    _LIST_CLS = RecordList
    _CATEGORY = "data_modeling"

    async def _write(self, path: str, records: builtins.list[dict[str, Any]]) -> None:
        chunks = [records[i : i + _WRITE_LIMIT] for i in range(0, len(records), _WRITE_LIMIT)]
        await self._post_concurrently(path, [{"items": c} for c in chunks], reported=chunks)

    async def _read(self, path: str, body: dict[str, Any]) -> bytes:
        resp = await self._http.request("POST", path, json=body, category=self._CATEGORY, retryable=True)
        return resp.content

    async def ingest(self, items: RecordWrite | Sequence[RecordWrite], *, stream_id: str) -> None:
        """Ingest (create) records into a stream; in a mutable stream a record that exists already is a conflict.

        Args:
            items: A record or a sequence of them (sent in requests of 1000, concurrently).
            stream_id: The id of the stream.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.records import (
            ...     RecordContainerId, RecordSource, RecordWrite, TimeRange)
            >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.streams.create(StreamWrite.load(
            ...         {"externalId": "logs", "settings": {"template": {"name": "ImmutableTestStream"}}}))
            ...     client.data_modeling.records.ingest(
            ...         RecordWrite("s", "r1", [RecordSource(RecordContainerId("s", "Log"), {"n": 1})]),
            ...         stream_id="logs")
            ...     client.data_modeling.records.filter("logs", last_updated_time=TimeRange(gte=0))[0].properties
            {'s': {'Log': {'n': 1}}}
        """
        path = _stream_path(stream_id)
        records = _records(items)
        if records:
            await self._write(path, records)

    async def upsert(
        self,
        items: RecordWrite | Sequence[RecordWrite],
        *,
        stream_id: str,
        upsert_mode: Literal["replace"] = "replace",
    ) -> None:
        """Create records, or replace them where they exist (mutable streams only).

        Args:
            items: A record or a sequence of them (sent in requests of 1000, concurrently).
            stream_id: The id of the stream.
            upsert_mode: How an existing record is updated: ``"replace"`` (its properties are replaced; the only
                mode CDF has).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.records import (
            ...     RecordContainerId, RecordSource, RecordWrite)
            >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.streams.create(StreamWrite.load(
            ...         {"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}))
            ...     for n in (1, 2):
            ...         client.data_modeling.records.upsert(
            ...             RecordWrite("s", "r1", [RecordSource(RecordContainerId("s", "Log"), {"n": n})]),
            ...             stream_id="logs")
            ...     client.data_modeling.records.filter("logs")[0].properties
            {'s': {'Log': {'n': 2}}}
        """
        if upsert_mode != "replace":
            raise ValueError(f"upsert_mode must be 'replace', got {upsert_mode!r}")
        path = _stream_path(stream_id, "/upsert")
        records = _records(items)
        if records:
            await self._write(path, records)

    async def delete(
        self,
        items: RecordId | Sequence[RecordId] | tuple[str, str] | Sequence[tuple[str, str]],
        *,
        stream_id: str,
        ignore_unknown_ids: Literal[True] = True,
    ) -> None:
        """Delete records from a stream (mutable streams only); records that do not exist are ignored.

        Args:
            items: A record id (RecordId or ``(space, external_id)``) or a sequence of them.
            stream_id: The id of the stream.
            ignore_unknown_ids: Ignore records that do not exist (True: the only behaviour CDF has).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.records import (
            ...     RecordContainerId, RecordSource, RecordWrite)
            >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.streams.create(StreamWrite.load(
            ...         {"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}))
            ...     client.data_modeling.records.ingest(
            ...         RecordWrite("s", "r1", [RecordSource(RecordContainerId("s", "Log"), {"n": 1})]),
            ...         stream_id="logs")
            ...     client.data_modeling.records.delete([("s", "r1"), ("s", "unknown")], stream_id="logs")
            ...     len(client.data_modeling.records.filter("logs"))
            0
        """
        if ignore_unknown_ids is not True:
            raise ValueError("ignore_unknown_ids must be True (CDF ignores records that do not exist)")
        path = _stream_path(stream_id, "/delete")
        ids = RecordIdSequence.load(items)
        if len(ids):
            await self._write(path, ids.as_dicts())

    async def filter(
        self,
        stream_id: str,
        *,
        last_updated_time: TimeRange | None = None,
        filter: Filter | dict[str, Any] | None = None,
        sources: Sequence[RecordSourceSelector] | None = None,
        sort: Sequence[InstanceSort] | InstanceSort | None = None,
        limit: int = 10,
        include_typing: bool = False,
    ) -> RecordList:
        """Filter the records of a stream (one page: at most ``limit`` records, sorted by last update unless ``sort``).

        Args:
            stream_id: The id of the stream.
            last_updated_time: Only records last written in this range (immutable streams need a lower bound).
            filter: A filter on the records' properties, e.g. ``Equals(["s", "Log", "level"], "error")``.
            sources: The container properties to return (None: all).
            sort: How to sort (at most 5), e.g. ``InstanceSort(["s", "Log", "n"], "descending")``.
            limit: The most records to return (1 to 1000; there is no paging).
            include_typing: Also return the types of the properties (``typing`` of the list).

        Returns:
            The records.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.records import (
            ...     RecordContainerId, RecordSource, RecordWrite)
            >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
            >>> from cognite.client.data_classes.filters import Range
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.streams.create(StreamWrite.load(
            ...         {"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}))
            ...     client.data_modeling.records.ingest(
            ...         [RecordWrite("s", f"r{n}", [RecordSource(RecordContainerId("s", "Log"), {"n": n})])
            ...          for n in range(5)], stream_id="logs")
            ...     found = client.data_modeling.records.filter("logs", filter=Range(["s", "Log", "n"], gte=3))
            ...     sorted(r.external_id for r in found)
            ['r3', 'r4']
        """
        check_bool(include_typing, "include_typing")
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= _PAGE_LIMIT:
            raise ValueError(f"limit must be an int from 1 to {_PAGE_LIMIT} (filter answers one page), got {limit!r}")
        body = _body(
            lastUpdatedTime=_time_range(last_updated_time), filter=_filter(filter), sources=_sources(sources),
            sort=_sort(sort), limit=limit, includeTyping=include_typing or None,
        )  # fmt: skip
        page = msgspec.json.decode(await self._read(_stream_path(stream_id, "/filter"), body), type=_Page)
        return RecordList(page.items, typing=_typing(page.typing), cognite_client=self._cognite_client)

    async def aggregate(
        self,
        aggregates: dict[str, Any],
        *,
        stream_id: str,
        last_updated_time: TimeRange | None = None,
        filter: Filter | dict[str, Any] | None = None,
        target_units: RecordTargetUnits | Sequence[RecordTargetUnit] | None = None,
        include_typing: bool = False,
    ) -> RecordsAggregation:
        """Aggregate the records of a stream: counts, sums, averages, min/max, unique values, histograms.

        Args:
            aggregates: The aggregates by an id of your choice (at most 5), in wire form, e.g.
                ``{"total": {"count": {}}, "top": {"uniqueValues": {"property": ["s", "Log", "level"]}}}``.
            stream_id: The id of the stream.
            last_updated_time: Only records last written in this range.
            filter: Only records matching this filter.
            target_units: Convert properties to these units first.
            include_typing: Also return the types of the properties.

        Returns:
            The results by aggregate id.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.records import (
            ...     RecordContainerId, RecordSource, RecordWrite)
            >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.streams.create(StreamWrite.load(
            ...         {"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}))
            ...     client.data_modeling.records.ingest(
            ...         [RecordWrite("s", f"r{n}", [RecordSource(RecordContainerId("s", "Log"), {"n": n})])
            ...          for n in range(5)], stream_id="logs")
            ...     res = client.data_modeling.records.aggregate(
            ...         {"total": {"count": {}}, "sum": {"sum": {"property": ["s", "Log", "n"]}}}, stream_id="logs")
            ...     res["total"], res["sum"]
            ({'count': 5}, {'sum': 10.0})
        """
        check_bool(include_typing, "include_typing")
        if not isinstance(aggregates, dict) or not aggregates:
            raise TypeError(f"aggregates must be a non-empty dict of aggregate id -> aggregate, got {aggregates!r}")
        specs = {k: (v if isinstance(v, dict) else _dump_filter(v)) for k, v in aggregates.items()}
        body = _body(
            aggregates=specs, lastUpdatedTime=_time_range(last_updated_time), filter=_filter(filter),
            targetUnits=_target_units(target_units), includeTyping=include_typing or None,
        )  # fmt: skip
        data = msgspec.json.decode(await self._read(_stream_path(stream_id, "/aggregate"), body))
        return RecordsAggregation(data["aggregates"], _typing(data.get("typing")))

    def sync(
        self,
        stream_id: str,
        *,
        initialize_cursor: str | None = None,
        cursor: str | None = None,
        filter: Filter | dict[str, Any] | None = None,
        sources: Sequence[RecordSourceSelector] | None = None,
        target_units: RecordTargetUnits | Sequence[RecordTargetUnit] | None = None,
        chunk_size: int | None = None,
        include_typing: bool = False,
    ) -> AsyncIterator[SyncRecordList]:
        """Follow the changes of a stream's records page by page, until no more changes wait.

        Each page (a SyncRecordList) carries the ``cursor`` to resume from later. Start with ``initialize_cursor``
        (how far back to start, e.g. ``"2d-ago"``) or resume with ``cursor``.

        Args:
            stream_id: The id of the stream.
            initialize_cursor: Where a new sync starts, e.g. ``"1d-ago"``.
            cursor: A cursor from an earlier page to resume from.
            filter: Only records matching this filter.
            sources: The container properties to return (None: all).
            target_units: Convert properties to these units.
            chunk_size: The most records per page (1 to 1000; default 1000).
            include_typing: Also return the types of the properties.

        Returns:
            An async iterator of pages of changes.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.records import (
            ...     RecordContainerId, RecordSource, RecordWrite)
            >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.streams.create(StreamWrite.load(
            ...         {"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}))
            ...     client.data_modeling.records.ingest(
            ...         [RecordWrite("s", f"r{n}", [RecordSource(RecordContainerId("s", "Log"), {"n": n})])
            ...          for n in range(5)], stream_id="logs")
            ...     pages = list(client.data_modeling.records.sync("logs", initialize_cursor="1d-ago", chunk_size=2))
            ...     [len(p) for p in pages], pages[-1].has_next
            ([2, 2, 1], False)
        """
        check_bool(include_typing, "include_typing")
        if (initialize_cursor is None) == (cursor is None):
            raise ValueError("give exactly one of initialize_cursor (to start) and cursor (to resume)")
        for name, value in (("initialize_cursor", initialize_cursor), ("cursor", cursor)):
            if value is not None and (not isinstance(value, str) or not value):
                raise TypeError(f"{name} must be a non-empty str, got {value!r}")
        if chunk_size is not None and (
            isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or not 1 <= chunk_size <= _PAGE_LIMIT
        ):
            raise ValueError(f"chunk_size must be an int from 1 to {_PAGE_LIMIT}, got {chunk_size!r}")
        path = _stream_path(stream_id, "/sync")
        body = _body(
            filter=_filter(filter), sources=_sources(sources), targetUnits=_target_units(target_units),
            includeTyping=include_typing or None, limit=chunk_size or _PAGE_LIMIT, initializeCursor=initialize_cursor,
        )  # fmt: skip
        return self._sync_pages(path, body, cursor)

    async def _sync_pages(self, path: str, body: dict[str, Any], cursor: str | None) -> AsyncIterator[SyncRecordList]:
        while True:
            request = body if cursor is None else {**{k: v for k, v in body.items() if k != "initializeCursor"},
                                                   "cursor": cursor}  # fmt: skip
            page = msgspec.json.decode(await self._read(path, request), type=_SyncPage)
            cursor = page.next_cursor
            yield SyncRecordList(page.items, cursor=cursor, has_next=page.has_next, typing=_typing(page.typing),
                                 cognite_client=self._cognite_client)  # fmt: skip
            if not page.has_next:
                return
