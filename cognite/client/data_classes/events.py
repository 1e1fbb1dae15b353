"""Event data classes: read, write, update, filter, list and sort classes, and the property enums.

Example:
    >>> from cognite.client.data_classes.events import EndTimeFilter, EventFilter, EventWrite
    >>> EventWrite(external_id="e1", start_time=0, end_time=10, type="alarm").dump()
    {'externalId': 'e1', 'startTime': 0, 'endTime': 10, 'type': 'alarm'}
    >>> EventFilter(end_time=EndTimeFilter(is_null=True), type="alarm").dump()
    {'endTime': {'isNull': True}, 'type': 'alarm'}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteLabelUpdate,
    CogniteListUpdate,
    CogniteObject,
    CogniteObjectUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteSort,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    SequenceNotStr,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    WriteableCogniteResourceWithClientRef,
    update_field,
)
from cognite.client.data_classes.filters import EnumProperty
from cognite.client.data_classes.shared import TimestampRange

__all__ = [
    "CogniteFilter",
    "CogniteLabelUpdate",
    "CogniteListUpdate",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteSort",
    "CogniteUpdate",
    "EndTimeFilter",
    "EnumProperty",
    "Event",
    "EventFilter",
    "EventList",
    "EventProperty",
    "EventSort",
    "EventUpdate",
    "EventWrite",
    "EventWriteList",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "PropertySpec",
    "SequenceNotStr",
    "SortableEventProperty",
    "TimestampRange",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "WriteableCogniteResourceWithClientRef",
]


class EndTimeFilter(CogniteObject):
    """A filter on the end time of events: a range (both ends inclusive, ms since epoch) or ``is_null``.

    Args:
        max: The latest end time.
        min: The earliest end time.
        is_null: True: only events without an end time (ongoing); False: only events with one.

    Example:
        >>> from cognite.client.data_classes.events import EndTimeFilter
        >>> EndTimeFilter(min=0, max=100).dump()
        {'max': 100, 'min': 0}
        >>> EndTimeFilter(is_null=True).dump()
        {'isNull': True}
    """

    max: int | None = None
    min: int | None = None
    is_null: bool | None = None

    def __post_init__(self) -> None:
        for name in ("max", "min"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise TypeError(f"EndTimeFilter.{name} must be an int (ms since epoch), not {type(value).__name__}")
        if self.is_null is not None and not isinstance(self.is_null, bool):
            raise TypeError(f"EndTimeFilter.is_null must be a bool, not {type(self.is_null).__name__}")
        if self.is_null is not None and (self.min is not None or self.max is not None):
            raise ValueError("EndTimeFilter takes either is_null or a min/max range, not both")


class EventWrite(CogniteObject):
    """An event to create: something that happened over a time period, linked to assets.

    Args:
        external_id: A unique external id.
        data_set_id: The data set it belongs to.
        start_time: The start, in ms since epoch.
        end_time: The end, in ms since epoch (None: ongoing).
        type: The type.
        subtype: The subtype.
        description: A description.
        metadata: Custom string key-value pairs.
        asset_ids: The ids of the assets it relates to.
        source: The source of the event.

    Example:
        >>> from cognite.client.data_classes.events import EventWrite
        >>> EventWrite(external_id="e1", asset_ids=[1, 2]).dump(camel_case=False)
        {'external_id': 'e1', 'asset_ids': [1, 2]}
    """

    external_id: str | None = None
    data_set_id: int | None = None
    start_time: int | None = None
    end_time: int | None = None
    type: str | None = None
    subtype: str | None = None
    description: str | None = None
    metadata: dict[str, str] | None = None
    asset_ids: list[int] | None = None
    source: str | None = None

    def as_write(self) -> EventWrite:
        """Return this object (it is already the write form)."""
        return self


class Event(WriteableCogniteResource["EventWrite"]):
    """An event as read from CDF.

    Args:
        id: The internal id.
        last_updated_time: When it was last updated (ms since epoch).
        created_time: When it was created (ms since epoch).
        external_id: The external id.
        data_set_id: The data set it belongs to.
        start_time: The start, in ms since epoch.
        end_time: The end, in ms since epoch (None: ongoing).
        type: The type.
        subtype: The subtype.
        description: A description.
        metadata: Custom string key-value pairs.
        asset_ids: The ids of the assets it relates to.
        source: The source of the event.

    Example:
        >>> from cognite.client.data_classes.events import Event
        >>> Event.load({"id": 1, "externalId": "e1", "startTime": 5, "createdTime": 0}).as_write()
        EventWrite(external_id='e1', start_time=5)
    """

    id: int | None = None
    last_updated_time: int | None = None
    created_time: int | None = None
    external_id: str | None = None
    data_set_id: int | None = None
    start_time: int | None = None
    end_time: int | None = None
    type: str | None = None
    subtype: str | None = None
    description: str | None = None
    metadata: dict[str, str] | None = None
    asset_ids: list[int] | None = None
    source: str | None = None

    def as_write(self) -> EventWrite:
        """Return the write form of this event (what ``create`` accepts)."""
        return EventWrite(
            external_id=self.external_id,
            data_set_id=self.data_set_id,
            start_time=self.start_time,
            end_time=self.end_time,
            type=self.type,
            subtype=self.subtype,
            description=self.description,
            metadata=self.metadata,
            asset_ids=self.asset_ids,
            source=self.source,
        )


class EventWriteList(CogniteResourceList[EventWrite], ExternalIDTransformerMixin):
    """A list of events to create."""

    _RESOURCE = EventWrite


class EventList(WriteableCogniteResourceList[EventWrite, Event], IdTransformerMixin, ExternalIDTransformerMixin):
    """A list of events.

    Example:
        >>> from cognite.client.data_classes.events import EventList
        >>> EventList.load([{"id": 1, "externalId": "a"}, {"id": 2}]).as_ids()
        [1, 2]
    """

    _RESOURCE = Event
    _WRITE_LIST = EventWriteList

    def as_write(self) -> EventWriteList:
        """Return the write form of every event."""
        return EventWriteList._from_items([e.as_write() for e in self.data], self._cognite_client)


class EventUpdate(CogniteUpdate):
    """Changes to an event, by id or external id.

    Args:
        id: The id of the event.
        external_id: The external id of the event.

    Example:
        >>> from cognite.client.data_classes.events import EventUpdate
        >>> EventUpdate(id=1).end_time.set(None).asset_ids.add([7]).dump()
        {'id': 1, 'update': {'endTime': {'setNull': True}, 'assetIds': {'add': [7]}}}
    """

    _PROPERTIES = (
        PropertySpec("external_id"),
        PropertySpec("data_set_id"),
        PropertySpec("start_time"),
        PropertySpec("end_time"),
        PropertySpec("description"),
        PropertySpec("metadata", is_object=True),
        PropertySpec("asset_ids", is_list=True),
        PropertySpec("source"),
        PropertySpec("type"),
        PropertySpec("subtype"),
    )

    external_id: CognitePrimitiveUpdate[EventUpdate] = update_field(CognitePrimitiveUpdate)
    data_set_id: CognitePrimitiveUpdate[EventUpdate] = update_field(CognitePrimitiveUpdate)
    start_time: CognitePrimitiveUpdate[EventUpdate] = update_field(CognitePrimitiveUpdate)
    end_time: CognitePrimitiveUpdate[EventUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[EventUpdate] = update_field(CognitePrimitiveUpdate)
    metadata: CogniteObjectUpdate[EventUpdate] = update_field(CogniteObjectUpdate)
    asset_ids: CogniteListUpdate[EventUpdate] = update_field(CogniteListUpdate)
    source: CognitePrimitiveUpdate[EventUpdate] = update_field(CognitePrimitiveUpdate)
    type: CognitePrimitiveUpdate[EventUpdate] = update_field(CognitePrimitiveUpdate)
    subtype: CognitePrimitiveUpdate[EventUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        super().__init__(id=id, external_id=external_id)


class EventFilter(CogniteFilter):
    """Filter on events with exact matching (every field given must match).

    Args:
        start_time: Range of the start time (``{"min": ms, "max": ms}`` or TimestampRange).
        end_time: Range of the end time, or ``EndTimeFilter(is_null=True)`` for ongoing events.
        active_at_time: Events active at some point in this range (started before its max, not ended
            before its min).
        metadata: Metadata key-value pairs that must all match.
        asset_ids: Events linked to any of these asset ids.
        asset_external_ids: Events linked to any of these asset external ids.
        asset_subtree_ids: Events linked to assets in these subtrees (``{"id": ..}`` or ``{"externalId": ..}``).
        data_set_ids: Data sets (``{"id": ..}`` or ``{"externalId": ..}``).
        source: Exact source.
        type: Exact type.
        subtype: Exact subtype.
        created_time: Range of creation time.
        last_updated_time: Range of last update time.
        external_id_prefix: Prefix of the external id.

    Example:
        >>> from cognite.client.data_classes.events import EventFilter
        >>> EventFilter(active_at_time={"min": 0}, asset_ids=[1]).dump()
        {'activeAtTime': {'min': 0}, 'assetIds': [1]}
    """

    start_time: dict[str, Any] | TimestampRange | None = None
    end_time: dict[str, Any] | EndTimeFilter | None = None
    active_at_time: dict[str, Any] | TimestampRange | None = None
    metadata: dict[str, str] | None = None
    asset_ids: Sequence[int] | None = None
    asset_external_ids: Sequence[str] | None = None
    asset_subtree_ids: Sequence[dict[str, Any]] | None = None
    data_set_ids: Sequence[dict[str, Any]] | None = None
    source: str | None = None
    type: str | None = None
    subtype: str | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    last_updated_time: dict[str, Any] | TimestampRange | None = None
    external_id_prefix: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.end_time, dict):  # accepts {"is_null": True} as well as {"isNull": True}
            self.end_time = EndTimeFilter.load(self.end_time)


class EventProperty(EnumProperty):
    """Event properties for advanced filters and aggregates."""

    asset_ids = "assetIds"
    created_time = "createdTime"
    data_set_id = "dataSetId"
    description = "description"
    end_time = "endTime"
    external_id = "externalId"
    id = "id"
    last_updated_time = "lastUpdatedTime"
    metadata = "metadata"
    source = "source"
    start_time = "startTime"
    subtype = "subtype"
    type = "type"


class SortableEventProperty(EnumProperty):
    """Event properties that can be sorted on."""

    created_time = "createdTime"
    data_set_id = "dataSetId"
    description = "description"
    end_time = "endTime"
    external_id = "externalId"
    last_updated_time = "lastUpdatedTime"
    source = "source"
    start_time = "startTime"
    subtype = "subtype"
    type = "type"
    score = "_score_"


class EventSort(CogniteSort):
    """A sort on events.

    Args:
        property: A sortable property (name, SortableEventProperty member or metadata path).
        order: "asc" or "desc".
        nulls: "first", "last" or "auto".

    Example:
        >>> from cognite.client.data_classes.events import EventSort, SortableEventProperty
        >>> EventSort(SortableEventProperty.start_time, "desc").dump()
        {'property': ['startTime'], 'order': 'desc'}
    """
