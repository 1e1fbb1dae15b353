"""The Events API: a table of declarations and a few lines per method on the generic verbs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from cognite.client._api._mixins import WithAggregates
from cognite.client._api_client import (
    IdentifierSequence,
    _dump_filter,
    advanced_list_params,
    external_id_list,
    id_list,
    identifier_dicts,
)
from cognite.client.data_classes.events import (
    EndTimeFilter,
    Event,
    EventFilter,
    EventList,
    EventSort,
    EventUpdate,
    EventWrite,
    SortableEventProperty,
)
from cognite.client.data_classes.shared import TimestampRange

if TYPE_CHECKING:
    from cognite.client.data_classes.filters import Filter

__all__ = ["EventsAPI"]

SortSpec = (
    EventSort
    | str
    | SortableEventProperty
    | tuple[str, Literal["asc", "desc"]]
    | tuple[str, Literal["asc", "desc"], Literal["auto", "first", "last"]]
)
SortSpecs = SortSpec | list[SortSpec]


class EventsAPI(WithAggregates[Event, EventList]):
    """Create, read, update, delete, search and aggregate events.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.events import EventWrite
        >>> with emulated_client() as client:
        ...     _ = client.events.create(EventWrite(external_id="e1", type="alarm", start_time=0))
        ...     client.events.retrieve(external_id="e1").type
        'alarm'
    """

    _RESOURCE_PATH = "/events"
    _RESOURCE_CLS = Event
    _LIST_CLS = EventList
    _UPDATE_CLS = EventUpdate
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000

    @staticmethod
    def _filter(
        start_time: dict[str, Any] | TimestampRange | None = None,
        end_time: dict[str, Any] | EndTimeFilter | None = None,
        active_at_time: dict[str, Any] | TimestampRange | None = None,
        type: str | None = None,
        subtype: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
    ) -> dict[str, Any]:
        return EventFilter(
            start_time=start_time,
            end_time=end_time,
            active_at_time=active_at_time,
            metadata=metadata,
            asset_ids=id_list(asset_ids, "asset_ids"),
            asset_external_ids=external_id_list(asset_external_ids, "asset_external_ids"),
            asset_subtree_ids=identifier_dicts(
                asset_subtree_ids, asset_subtree_external_ids, "asset_subtree_ids", "asset_subtree_external_ids"
            ),
            data_set_ids=identifier_dicts(data_set_ids, data_set_external_ids, "data_set_ids", "data_set_external_ids"),
            source=source,
            type=type,
            subtype=subtype,
            created_time=created_time,
            last_updated_time=last_updated_time,
            external_id_prefix=external_id_prefix,
        ).dump(camel_case=True)

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> Event | None:
        """Retrieve one event by id or external id.

        Args:
            id: The id.
            external_id: The external id.

        Returns:
            The event, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.events.retrieve(external_id="missing") is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=id, external_id=external_id))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: Sequence[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> EventList:
        """Retrieve several events by ids and/or external ids.

        Args:
            ids: The ids.
            external_ids: The external ids.
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The events (duplicates in the input are asked for once).

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.events.retrieve_multiple(external_ids=["a", "b"], ignore_unknown_ids=True))
            0
        """
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(
        self,
        start_time: dict[str, Any] | TimestampRange | None = None,
        end_time: dict[str, Any] | EndTimeFilter | None = None,
        active_at_time: dict[str, Any] | TimestampRange | None = None,
        type: str | None = None,
        subtype: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
        sort: SortSpecs | None = None,
        partitions: int | None = None,
        limit: int | None = 25,
        advanced_filter: Filter | dict[str, Any] | None = None,
    ) -> EventList:
        """List events matching the filters.

        Args:
            start_time: Range of the start time (ms), e.g. ``{"min": 0, "max": 1}``.
            end_time: Range of the end time, or ``EndTimeFilter(is_null=True)`` for ongoing events.
            active_at_time: Events active at some point in this range.
            type: Exact type.
            subtype: Exact subtype.
            metadata: Metadata key-value pairs that must all match.
            asset_ids: Events linked to any of these asset ids.
            asset_external_ids: Events linked to any of these asset external ids.
            asset_subtree_ids: Events linked to assets in the subtrees of these ids.
            asset_subtree_external_ids: Events linked to assets in the subtrees of these external ids.
            data_set_ids: Only events in these data sets (ids).
            data_set_external_ids: Only events in these data sets (external ids).
            source: Exact source.
            created_time: Range of creation time (ms).
            last_updated_time: Range of last update time (ms).
            external_id_prefix: Prefix of the external id.
            sort: Sort specification(s): property name, (property, order[, nulls]), SortableEventProperty or
                EventSort (not with partitions).
            partitions: Fetch this many partitions in parallel (only with an unlimited limit).
            limit: Maximum number of events (default 25; None, -1 or inf: all).
            advanced_filter: An advanced filter (``cognite.client.data_classes.filters``).

        Returns:
            The events.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.events import EndTimeFilter, EventWrite
            >>> with emulated_client() as client:
            ...     _ = client.events.create([EventWrite(start_time=0), EventWrite(start_time=0, end_time=5)])
            ...     len(client.events.list(end_time=EndTimeFilter(is_null=True)))
            1
        """
        flt = self._filter(
            start_time, end_time, active_at_time, type, subtype, metadata, asset_ids, asset_external_ids,
            asset_subtree_ids, asset_subtree_external_ids, data_set_ids, data_set_external_ids, source, created_time,
            last_updated_time, external_id_prefix,
        )  # fmt: skip
        params = advanced_list_params(advanced_filter, sort, EventSort, partitions)
        return await self._list(limit=limit, filter=flt, partitions=partitions, other_params=params)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        start_time: dict[str, Any] | TimestampRange | None = None,
        end_time: dict[str, Any] | EndTimeFilter | None = None,
        active_at_time: dict[str, Any] | TimestampRange | None = None,
        type: str | None = None,
        subtype: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
        sort: SortSpecs | None = None,
        limit: int | None = None,
        advanced_filter: Filter | dict[str, Any] | None = None,
    ) -> AsyncIterator[Event] | AsyncIterator[EventList]:
        """Iterate over events lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many events (None: one event at a time).
            start_time: Range of the start time (ms).
            end_time: Range of the end time, or ``EndTimeFilter(is_null=True)``.
            active_at_time: Events active at some point in this range.
            type: Exact type.
            subtype: Exact subtype.
            metadata: Metadata key-value pairs that must all match.
            asset_ids: Events linked to any of these asset ids.
            asset_external_ids: Events linked to any of these asset external ids.
            asset_subtree_ids: Events linked to assets in these subtrees (ids).
            asset_subtree_external_ids: Events linked to assets in these subtrees (external ids).
            data_set_ids: Only events in these data sets (ids).
            data_set_external_ids: Only events in these data sets (external ids).
            source: Exact source.
            created_time: Range of creation time.
            last_updated_time: Range of last update time.
            external_id_prefix: Prefix of the external id.
            sort: Sort specification(s).
            limit: Maximum number of events (None: all).
            advanced_filter: An advanced filter.

        Returns:
            An async iterator of events or event lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for chunk in client.events(chunk_size=100, type="alarm"):
            ...         pass
        """
        flt = self._filter(
            start_time, end_time, active_at_time, type, subtype, metadata, asset_ids, asset_external_ids,
            asset_subtree_ids, asset_subtree_external_ids, data_set_ids, data_set_external_ids, source, created_time,
            last_updated_time, external_id_prefix,
        )  # fmt: skip
        params = advanced_list_params(advanced_filter, sort, EventSort)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt, other_params=params)

    async def search(
        self,
        description: str | None = None,
        filter: EventFilter | dict[str, Any] | None = None,
        limit: int = 25,
    ) -> EventList:
        """Search events by description (relevance ordered), optionally narrowed by a filter.

        Args:
            description: Fuzzy search on the description.
            filter: An EventFilter (or dict, camelCase or snake_case keys) to narrow the search.
            limit: Maximum number of results (default 25).

        Returns:
            The matching events.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.events import EventWrite
            >>> with emulated_client() as client:
            ...     _ = client.events.create(EventWrite(description="pump trip", type="alarm"))
            ...     client.events.search(description="pump", filter={"type": "alarm"})[0].description
            'pump trip'
        """
        if description is not None and not isinstance(description, str):
            raise TypeError(f"description must be a str, not {type(description).__name__}")
        body: dict[str, Any] = {"search": {} if description is None else {"description": description}}
        if filter is not None:
            body["filter"] = _dump_filter(EventFilter.load(filter) if isinstance(filter, dict) else filter)
        return await self._search(body, limit)  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------------ writing

    @overload
    async def create(self, event: Event | EventWrite) -> Event: ...
    @overload
    async def create(self, event: Sequence[Event] | Sequence[EventWrite]) -> EventList: ...
    async def create(self, event: Event | EventWrite | Sequence[Event] | Sequence[EventWrite]) -> Event | EventList:
        """Create one or more events (chunked by the API limit, chunks sent concurrently).

        Args:
            event: An event or a list of events (write or read objects).

        Returns:
            The created event, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.events import EventWrite
            >>> with emulated_client() as client:
            ...     client.events.create(EventWrite(external_id="e", start_time=0)).start_time
            0
        """
        return await self._create_multiple(event, write_cls=EventWrite, input_name="event")  # type: ignore[no-any-return]

    @overload
    async def update(
        self,
        item: Event | EventWrite | EventUpdate,
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> Event: ...
    @overload
    async def update(
        self,
        item: Sequence[Event | EventWrite | EventUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> EventList: ...
    async def update(
        self,
        item: Event | EventWrite | EventUpdate | Sequence[Event | EventWrite | EventUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> Event | EventList:
        """Update one or more events, from EventUpdate objects or from whole events.

        Args:
            item: Event(s) or EventUpdate(s).
            mode: For whole events: "replace_ignore_null" (set given fields), "patch" (also add to metadata and
                asset ids instead of replacing), or "replace" (clear what is not given).

        Returns:
            The updated event, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.events import EventUpdate, EventWrite
            >>> with emulated_client() as client:
            ...     _ = client.events.create(EventWrite(external_id="e", start_time=0))
            ...     client.events.update(EventUpdate(external_id="e").end_time.set(9)).end_time
            9
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    @overload
    async def upsert(self, item: Event | EventWrite, mode: Literal["patch", "replace"] = "patch") -> Event: ...
    @overload
    async def upsert(
        self, item: Sequence[Event | EventWrite], mode: Literal["patch", "replace"] = "patch"
    ) -> EventList: ...
    async def upsert(
        self, item: Event | EventWrite | Sequence[Event | EventWrite], mode: Literal["patch", "replace"] = "patch"
    ) -> Event | EventList:
        """Update the events that exist and create the others (not atomic).

        Args:
            item: Event(s) to upsert, identified by id or external id.
            mode: "patch" (only given fields) or "replace" (clear what is not given).

        Returns:
            The upserted event(s), in input order.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.events import EventWrite
            >>> with emulated_client() as client:
            ...     [e.type for e in client.events.upsert([EventWrite(external_id="e", type="t")])]
            ['t']
        """
        return await self._upsert_multiple(item, mode, write_cls=EventWrite)  # type: ignore[no-any-return]

    async def delete(
        self,
        id: int | Sequence[int] | None = None,
        external_id: str | Sequence[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> None:
        """Delete one or more events.

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.
            ignore_unknown_ids: Do not fail on identifiers that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.events.delete(external_id=["gone"], ignore_unknown_ids=True)
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)
