"""Records: property data written to a stream (``client.data_modeling.records``).

A record is identified by ``(space, external_id)`` within its stream and holds property values of containers, given
as sources. Read records carry ``properties`` as ``{space: {container_external_id: {property: value}}}``.

Example:
    >>> from cognite.client.data_classes.data_modeling.records import RecordWrite, RecordSource, RecordContainerId
    >>> rec = RecordWrite("s", "r1", [RecordSource(RecordContainerId("s", "Reading"), {"value": 1.5})])
    >>> rec.dump()["sources"][0]
    {'source': {'type': 'container', 'space': 's', 'externalId': 'Reading'}, 'properties': {'value': 1.5}}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, ClassVar, Generic, Literal, TypeVar

import msgspec

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    SequenceNotStr,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.data_modeling.ids import ContainerId, InstanceId, ViewId
from cognite.client.data_classes.data_modeling.instances import TypeInformation, UnitReference, UnitSystemReference

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "ContainerId",
    "IdentifierSequenceCore",
    "Record",
    "RecordContainerId",
    "RecordId",
    "RecordIdSequence",
    "RecordList",
    "RecordSource",
    "RecordSourceSelector",
    "RecordTargetUnit",
    "RecordTargetUnits",
    "RecordViewId",
    "RecordWrite",
    "RecordWriteList",
    "RecordsAggregation",
    "SequenceNotStr",
    "SyncRecord",
    "SyncRecordList",
    "TimeRange",
    "TypeInformation",
    "UnitReference",
    "UnitSystemReference",
    "ViewId",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

T_Identifier = TypeVar("T_Identifier")


class RecordContainerId(ContainerId, frozen=True):
    """A container whose properties a record holds (a ContainerId).

    Args:
        space: The space of the container.
        external_id: The external id of the container.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordContainerId
        >>> RecordContainerId("s", "Reading").dump()
        {'space': 's', 'externalId': 'Reading', 'type': 'container'}
    """


class RecordViewId(ViewId, frozen=True):
    """A view to read record properties through (a ViewId).

    Args:
        space: The space of the view.
        external_id: The external id of the view.
        version: The version of the view.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordViewId
        >>> RecordViewId("s", "Reading", "v1").as_source_identifier()
        'Reading/v1'
    """


class RecordId(InstanceId, frozen=True):
    """Identifies a record within a stream by space and external id.

    Args:
        space: The space of the record.
        external_id: The external id of the record.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordId
        >>> RecordId("s", "r1").as_dict()
        {'space': 's', 'externalId': 'r1'}
    """

    def as_dict(self) -> dict[str, str]:
        """The wire form: ``{"space", "externalId"}``."""
        return {"space": self.space, "externalId": self.external_id}

    def as_primitive(self) -> tuple[str, str]:
        """``(space, external_id)``."""
        return (self.space, self.external_id)


class IdentifierSequenceCore(Generic[T_Identifier]):
    """Identifiers given to a method: one (``is_singleton``) or a sequence of them.

    Args:
        identifiers: The identifiers.
        is_singleton: One identifier was given (not a sequence), so one result is expected.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordIdSequence
        >>> RecordIdSequence.load(("s", "r1")).is_singleton()
        True
    """

    def __init__(self, identifiers: list[T_Identifier], is_singleton: bool) -> None:
        self._identifiers = list(identifiers)
        self._is_singleton = is_singleton

    def __len__(self) -> int:
        return len(self._identifiers)

    def __iter__(self) -> Iterator[T_Identifier]:
        return iter(self._identifiers)

    def is_singleton(self) -> bool:
        """Whether one identifier (not a sequence) was given."""
        return self._is_singleton

    def assert_singleton(self) -> None:
        """Raise ValueError unless one identifier was given."""
        if not self._is_singleton:
            raise ValueError("Exactly one identifier was expected")

    def as_singleton(self) -> IdentifierSequenceCore[T_Identifier]:
        """The sequence, checked to hold one identifier given alone."""
        self.assert_singleton()
        return self

    def are_unique(self) -> bool:
        """Whether no identifier is repeated."""
        return len(set(map(self.unwrap_identifier, self._identifiers))) == len(self._identifiers)

    @staticmethod
    def unwrap_identifier(identifier: Any) -> Any:
        """The primitive form of one identifier."""
        as_primitive = getattr(identifier, "as_primitive", None)
        return as_primitive() if callable(as_primitive) else identifier

    def as_primitives(self) -> list[Any]:
        """The identifiers in primitive form."""
        return [self.unwrap_identifier(i) for i in self._identifiers]

    def as_dicts(self) -> list[dict[str, Any]]:
        """The identifiers in wire form."""
        return [i.as_dict() if hasattr(i, "as_dict") else i for i in self._identifiers]  # type: ignore[misc]

    def chunked(self, chunk_size: int) -> Iterator[IdentifierSequenceCore[T_Identifier]]:
        """The identifiers in chunks of at most ``chunk_size``.

        Args:
            chunk_size: The most identifiers per chunk.

        Yields:
            Sequences of identifiers.
        """
        for start in range(0, len(self._identifiers), chunk_size):
            yield type(self)(self._identifiers[start : start + chunk_size], is_singleton=False)

    @staticmethod
    def extract_identifiers(items: Iterable[Any]) -> list[Any]:
        """The identifiers (``as_id()``) of items that have them, else the items themselves.

        Args:
            items: Objects with an ``as_id()`` method, or identifiers.

        Returns:
            The identifiers.
        """
        return [i.as_id() if hasattr(i, "as_id") else i for i in items]


class RecordIdSequence(IdentifierSequenceCore[RecordId]):
    """Record identifiers given to a method (RecordId, ``(space, external_id)``, a record, or a sequence of them).

    Args:
        identifiers: The identifiers.
        is_singleton: One identifier was given.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordIdSequence
        >>> RecordIdSequence.load([("s", "a"), ("s", "b")]).as_dicts()
        [{'space': 's', 'externalId': 'a'}, {'space': 's', 'externalId': 'b'}]
    """

    @classmethod
    def load(cls, ids: Any, name: str = "items") -> RecordIdSequence:
        """Load identifiers given by a user; a bad one raises TypeError naming the argument.

        Args:
            ids: One identifier or a sequence of them.
            name: The argument name (for error messages).

        Returns:
            The sequence.
        """
        if _is_one_record_id(ids):
            return cls([_record_id(ids, name)], is_singleton=True)
        if isinstance(ids, str | bytes | dict) or not isinstance(ids, Sequence):
            raise TypeError(
                f"{name} must be a RecordId, a (space, external_id) tuple or a sequence of them, got {ids!r}"
            )
        return cls([_record_id(i, name) for i in ids], is_singleton=False)


def _is_one_record_id(value: Any) -> bool:
    if isinstance(value, InstanceId | RecordWrite | Record):
        return True
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value)


def _record_id(value: Any, name: str) -> RecordId:
    if isinstance(value, RecordId):
        return value
    if isinstance(value, InstanceId):
        return RecordId(value.space, value.external_id)
    if isinstance(value, RecordWrite | Record):
        return value.as_id()
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return RecordId(*value)
    if isinstance(value, dict) and isinstance(value.get("space"), str):
        xid = value.get("externalId", value.get("external_id"))
        if isinstance(xid, str):
            return RecordId(value["space"], xid)
    raise TypeError(f"{name} must hold RecordIds or (space, external_id) tuples, got {value!r}")


class RecordSource(CogniteObject):
    """The property values a record holds in one container.

    Args:
        source: The container.
        properties: The values, by property identifier.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordSource, RecordContainerId
        >>> RecordSource(RecordContainerId("s", "Reading"), {"value": 2}).dump()
        {'source': {'type': 'container', 'space': 's', 'externalId': 'Reading'}, 'properties': {'value': 2}}
    """

    source: ContainerId
    properties: dict[str, Any]

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form (property identifiers are kept as they are).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The source as a dictionary.
        """
        return {"source": _source_dump(self.source, camel_case), "properties": dict(self.properties)}


def _source_dump(source: ContainerId | ViewId, camel_case: bool) -> dict[str, Any]:
    """A container or view reference, its ``type`` first."""
    dumped = source.dump(camel_case, include_type=True)
    return {"type": dumped.pop("type"), **dumped}


class RecordWrite(CogniteObject):
    """A record to ingest or upsert.

    Args:
        space: The space of the record.
        external_id: The external id of the record (unique in its space and stream).
        sources: Its property values, one RecordSource per container.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordWrite
        >>> RecordWrite.load({"space": "s", "externalId": "r1", "sources": []}).as_id()
        RecordId(space='s', external_id='r1')
    """

    space: str
    external_id: str
    sources: list[RecordSource]

    def as_id(self) -> RecordId:
        """The id of the record."""
        return RecordId(self.space, self.external_id)

    def as_write(self) -> RecordWrite:
        """Return the record itself (it is the write form)."""
        return self

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The record as a dictionary.
        """
        return {"space": self.space, ("externalId" if camel_case else "external_id"): self.external_id,
                "sources": [s.dump(camel_case) for s in self.sources]}  # fmt: skip


class Record(WriteableCogniteResource[RecordWrite]):
    """A record as read from a stream.

    Args:
        space: The space of the record.
        external_id: The external id of the record.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last written (ms since epoch).
        properties: The property values: ``{space: {container_external_id: {property: value}}}``.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import Record
        >>> rec = Record("s", "r1", 1, 2, {"s": {"Reading": {"value": 1.5}}})
        >>> rec.as_write().sources[0].source
        ContainerId(space='s', external_id='Reading')
    """

    space: str
    external_id: str
    created_time: int
    last_updated_time: int
    properties: dict[str, dict[str, dict[str, Any]]] = msgspec.field(default_factory=dict)

    def as_id(self) -> RecordId:
        """The id of the record."""
        return RecordId(self.space, self.external_id)

    def as_write(self) -> RecordWrite:
        """The write form: one RecordSource per container the record holds values of."""
        sources = [
            RecordSource(ContainerId(space, container), dict(values))
            for space, containers in self.properties.items()
            for container, values in containers.items()
        ]
        return RecordWrite(self.space, self.external_id, sources)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to a dictionary (property identifiers are kept as they are).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The record as a dictionary.
        """
        keys = ("externalId", "createdTime", "lastUpdatedTime") if camel_case else (
            "external_id", "created_time", "last_updated_time")  # fmt: skip
        return {"space": self.space, keys[0]: self.external_id, keys[1]: self.created_time,
                keys[2]: self.last_updated_time, "properties": msgspec.to_builtins(self.properties)}  # fmt: skip


class SyncRecord(CogniteResource):
    """A change of a record, as answered by a sync: created, updated or deleted.

    Args:
        space: The space of the record.
        external_id: The external id of the record.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last written (ms since epoch).
        status: ``"created"``, ``"updated"`` or ``"deleted"``.
        properties: The property values (none for a deleted record).

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import SyncRecord
        >>> SyncRecord("s", "r1", 1, 1, "deleted").dump()["status"]
        'deleted'
    """

    space: str
    external_id: str
    created_time: int
    last_updated_time: int
    status: Literal["created", "updated", "deleted"]
    properties: dict[str, dict[str, dict[str, Any]]] | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to a dictionary (property identifiers are kept as they are).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The change as a dictionary.
        """
        out = Record(self.space, self.external_id, self.created_time, self.last_updated_time,
                     self.properties or {}).dump(camel_case)  # fmt: skip
        if self.properties is None:
            del out["properties"]
        out["status"] = self.status
        return out


class RecordWriteList(CogniteResourceList[RecordWrite]):
    """A list of records to write.

    Args:
        resources: The records.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordWrite, RecordWriteList
        >>> RecordWriteList([RecordWrite("s", "a", [])]).as_ids()
        [RecordId(space='s', external_id='a')]
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = RecordWrite

    def as_ids(self) -> list[RecordId]:
        """The ids of the records."""
        return [r.as_id() for r in self.data]


class RecordList(WriteableCogniteResourceList[RecordWrite, Record]):
    """A list of records as read, with the type information of their properties when asked for.

    Args:
        resources: The records.
        typing: The types of the properties (``include_typing=True``).

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import Record, RecordList
        >>> RecordList([Record("s", "a", 1, 1)]).as_ids()
        [RecordId(space='s', external_id='a')]
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = Record
    _WRITE_LIST: ClassVar[type[CogniteResourceList[Any]]] = RecordWriteList

    def __init__(
        self, resources: Iterable[Any] = (), typing: TypeInformation | None = None, cognite_client: Any = None
    ) -> None:
        super().__init__(resources, cognite_client)
        self.typing = typing

    def _attach(self, cognite_client: Any) -> None:
        super()._attach(cognite_client)
        if not hasattr(self, "typing"):
            self.typing = None

    def as_ids(self) -> list[RecordId]:
        """The ids of the records."""
        return [r.as_id() for r in self.data]

    def as_write(self) -> RecordWriteList:
        """The write forms of the records."""
        return RecordWriteList([r.as_write() for r in self.data])


class SyncRecordList(CogniteResourceList[SyncRecord]):
    """One page of changes answered by a sync, with the cursor to continue from.

    Args:
        resources: The changes.
        cursor: The cursor to resume the sync from.
        has_next: More changes are waiting.
        typing: The types of the properties (``include_typing=True``).

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import SyncRecordList
        >>> SyncRecordList([], cursor="c1", has_next=False).cursor
        'c1'
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = SyncRecord

    def __init__(
        self,
        resources: Iterable[Any] = (),
        cursor: str | None = None,
        has_next: bool = False,
        typing: TypeInformation | None = None,
        cognite_client: Any = None,
    ) -> None:
        super().__init__(resources, cognite_client)
        self.cursor = cursor
        self.has_next = has_next
        self.typing = typing


class RecordSourceSelector(CogniteObject):
    """What properties of a container (or view) to return with records.

    Args:
        source: The container or view.
        properties: The property identifiers (``["*"]`` for all).

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordSourceSelector, RecordContainerId
        >>> RecordSourceSelector(RecordContainerId("s", "Reading"), ["*"]).dump()
        {'source': {'type': 'container', 'space': 's', 'externalId': 'Reading'}, 'properties': ['*']}
    """

    source: ContainerId | ViewId
    properties: list[str]

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The selector as a dictionary.
        """
        return {"source": _source_dump(self.source, camel_case), "properties": list(self.properties)}


def _time_value(value: Any, name: str) -> int | str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"TimeRange.{name} must be a timezone-aware datetime")
        return int(value.timestamp() * 1000)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"TimeRange.{name} must be ms since epoch, a datetime or a time string, got {value!r}")
    return value


class TimeRange:
    """A range of the last-updated time of records (at least a lower bound for immutable streams).

    Args:
        gte: At or after (ms since epoch, an aware datetime, or a string such as ``"2d-ago"`` or ISO 8601).
        gt: After.
        lte: At or before.
        lt: Before.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import TimeRange
        >>> TimeRange(gte=0, lt="1d-ahead").dump()
        {'gte': 0, 'lt': '1d-ahead'}
    """

    def __init__(
        self,
        gte: int | str | datetime | None = None,
        gt: int | str | datetime | None = None,
        lte: int | str | datetime | None = None,
        lt: int | str | datetime | None = None,
    ) -> None:
        self.gte, self.gt = _time_value(gte, "gte"), _time_value(gt, "gt")
        self.lte, self.lt = _time_value(lte, "lte"), _time_value(lt, "lt")
        if (self.gte is not None and self.gt is not None) or (self.lte is not None and self.lt is not None):
            raise ValueError("TimeRange takes at most one lower bound (gte or gt) and one upper bound (lte or lt)")

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form (bounds without a value left out).

        Args:
            camel_case: Not used (the keys are the same).

        Returns:
            The range as a dictionary.
        """
        return {k: v for k, v in (("gte", self.gte), ("gt", self.gt), ("lte", self.lte), ("lt", self.lt))
                if v is not None}  # fmt: skip

    def __repr__(self) -> str:
        return f"TimeRange({', '.join(f'{k}={v!r}' for k, v in self.dump().items())})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeRange) and self.dump() == other.dump()


class RecordTargetUnit:
    """Convert one property to a unit when records are read.

    Args:
        property: The property: ``[space, container, property]``, or a property id of a container.
        unit: The unit (UnitReference) or the unit system (UnitSystemReference) to convert to.

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordTargetUnit, UnitReference
        >>> RecordTargetUnit(["s", "Reading", "temp"], UnitReference("temperature:deg_f")).dump()
        {'property': ['s', 'Reading', 'temp'], 'unit': {'externalId': 'temperature:deg_f'}}
    """

    def __init__(self, property: Sequence[str] | Any, unit: UnitReference | UnitSystemReference) -> None:
        as_ref = getattr(property, "as_property_ref", None)
        self.property = list(property) if as_ref is None else as_ref()
        self.unit = unit

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The conversion as a dictionary.
        """
        return {"property": list(self.property), "unit": self.unit.dump(camel_case)}


class RecordTargetUnits:
    """Unit conversions of record properties: per property, and/or everything to a unit system.

    Args:
        properties: Per-property conversions.
        unit_system_name: Convert every property with a unit to this unit system (e.g. ``"Imperial"``).

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordTargetUnits
        >>> RecordTargetUnits(unit_system_name="Imperial").dump()
        {'unitSystemName': 'Imperial'}
    """

    def __init__(
        self, properties: Sequence[RecordTargetUnit] | None = None, unit_system_name: str | None = None
    ) -> None:
        self.properties = list(properties) if properties is not None else None
        self.unit_system_name = unit_system_name

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The conversions as a dictionary.
        """
        out: dict[str, Any] = {}
        if self.properties is not None:
            out["properties"] = [p.dump(camel_case) for p in self.properties]
        if self.unit_system_name is not None:
            out["unitSystemName" if camel_case else "unit_system_name"] = self.unit_system_name
        return out


class RecordsAggregation:
    """The answer of a records aggregate: results by aggregate id, as CDF gives them.

    Args:
        aggregates: The results by the ids given to the aggregates (e.g. ``{"total": {"count": 3}}``).
        typing: The types of the properties (``include_typing=True``).

    Example:
        >>> from cognite.client.data_classes.data_modeling.records import RecordsAggregation
        >>> RecordsAggregation({"n": {"count": 3}})["n"]
        {'count': 3}
    """

    def __init__(self, aggregates: dict[str, Any], typing: TypeInformation | None = None) -> None:
        self.aggregates = aggregates
        self.typing = typing

    def __getitem__(self, aggregate_id: str) -> Any:
        return self.aggregates[aggregate_id]

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form.

        Args:
            camel_case: Not used (the results are as CDF gave them).

        Returns:
            ``{"aggregates": ...}`` (and ``typing`` when present).
        """
        out: dict[str, Any] = {"aggregates": self.aggregates}
        if self.typing is not None:
            out["typing"] = self.typing.dump(camel_case)
        return out

    def __repr__(self) -> str:
        return f"RecordsAggregation(aggregates={self.aggregates!r})"
