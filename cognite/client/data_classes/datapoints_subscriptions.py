"""Datapoint subscription data classes: subscriptions (read, write, update, list), their member time series and
the batches of changes that ``client.time_series.subscriptions.iterate_data`` yields.

Example:
    >>> from cognite.client.data_classes.datapoints_subscriptions import DataPointSubscriptionWrite
    >>> DataPointSubscriptionWrite("sub", partition_count=1, time_series_ids=["a", "b"]).dump()
    {'externalId': 'sub', 'partitionCount': 1, 'timeSeriesIds': ['a', 'b']}
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from cognite.client.data_classes._base import (
    CogniteExternalIdUpdate,
    CogniteListUpdate,
    CogniteObject,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    _import_pandas,
    lazy_names,
    update_field,
)
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.filters import EnumProperty, Filter

if TYPE_CHECKING:
    import pandas

__all__ = [
    "CogniteListUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "DataDeletion",
    "DataPointSubscriptionUpdate",
    "DataPointSubscriptionWrite",
    "DatapointSubscription",
    "DatapointSubscriptionBatch",
    "DatapointSubscriptionCore",
    "DatapointSubscriptionFilterProperties",
    "DatapointSubscriptionList",
    "DatapointSubscriptionPartition",
    "DatapointSubscriptionProperty",
    "DatapointSubscriptionWriteList",
    "DatapointsUpdate",
    "EnumProperty",
    "ExternalIDTransformerMixin",
    "Filter",
    "IdTransformerMixin",
    "NodeId",
    "PropertySpec",
    "SubscriptionDatapoints",
    "SubscriptionTimeSeriesUpdate",
    "TimeSeriesID",
    "TimeSeriesIDList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

#: Names re-exported from the datapoints data classes (another family), loaded on first use.
_LAZY_NAMES = {"Datapoint": "cognite.client.data_classes.datapoints"}
__all__ += sorted(name for name, module in _LAZY_NAMES.items() if importlib.util.find_spec(module) is not None)

#: The most time series one create or update request may name (``maxItems`` of ``timeSeriesIds``/``instanceIds``).
MEMBERS_PER_REQUEST = 100


__getattr__ = lazy_names(__name__, _LAZY_NAMES)


def _load_filter(value: Any) -> Filter | None:
    if value is None or isinstance(value, Filter):
        return value
    if isinstance(value, dict):
        return Filter.load(value)
    raise TypeError(f"filter must be a Filter (cognite.client.data_classes.filters) or a dict, not {value!r}")


def _dump_filter(value: Filter | None) -> dict[str, Any] | None:
    return None if value is None else value.dump(camel_case_property=True)


def _node_ids(values: Any, name: str) -> list[NodeId] | None:
    if values is None:
        return None
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a list of NodeId, not {type(values).__name__}")
    return [NodeId.load(v) for v in values]


def _external_ids(values: Any, name: str) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a list of external ids (str), not {type(values).__name__}")
    out = list(values)
    for v in out:
        if not isinstance(v, str):
            raise TypeError(f"{name} must contain only str, got {v!r}")
    return out


class _WithFilter:
    """Behaviour shared by the subscription classes: the filter is a ``Filter`` object, dumped in the CDF filter
    language with camelCase property names."""

    __slots__ = ()
    external_id: str | None
    partition_count: int | None
    filter: Any
    name: str | None
    description: str | None
    data_set_id: int | None

    def __post_init__(self) -> None:
        self.filter = _load_filter(self.filter)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the subscription to a dictionary (the filter in the CDF filter language).

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The subscription as a dictionary.
        """
        out = CogniteObject.dump(self, camel_case)  # type: ignore[arg-type]
        if self.filter is not None:
            out["filter"] = _dump_filter(self.filter)
        return out

    def as_write(self) -> DataPointSubscriptionWrite:
        """Return the write form (a read subscription does not carry its member time series; list them with
        ``client.time_series.subscriptions.list_member_time_series``)."""
        return DataPointSubscriptionWrite(
            self.external_id, self.partition_count, filter=self.filter, name=self.name,
            description=self.description, data_set_id=self.data_set_id,
        )  # fmt: skip


class DatapointSubscriptionCore(_WithFilter, WriteableCogniteResource["DataPointSubscriptionWrite"]):
    """The fields a subscription has in both its read and write form.

    Args:
        external_id: The external id of the subscription.
        partition_count: The number of partitions (the most clients that can read it in parallel), 1-100.
        filter: An advanced filter on time series: the subscription follows every time series it matches.
        name: A name.
        description: A description.
        data_set_id: The data set it belongs to.
    """

    external_id: str | None = None
    partition_count: int | None = None
    filter: Any = None
    name: str | None = None
    description: str | None = None
    data_set_id: int | None = None


class DataPointSubscriptionWrite(_WithFilter, WriteableCogniteResource["DataPointSubscriptionWrite"]):
    """A subscription to create: an explicit list of time series (by external id and/or instance id), or a filter.

    Args:
        external_id: The external id of the subscription.
        partition_count: The number of partitions, 1-100 (cannot be changed later).
        time_series_ids: External ids of the time series to follow (not with ``filter``).
        instance_ids: Instance ids of the time series to follow (not with ``filter``).
        filter: An advanced filter on time series (not with ``time_series_ids``/``instance_ids``).
        name: A name.
        description: A description.
        data_set_id: The data set it belongs to.

    Example:
        >>> from cognite.client.data_classes import filters as flt
        >>> from cognite.client.data_classes.datapoints_subscriptions import (
        ...     DataPointSubscriptionWrite, DatapointSubscriptionProperty)
        >>> DataPointSubscriptionWrite(
        ...     "numeric", 1, filter=flt.Equals(DatapointSubscriptionProperty.is_string, False)).dump()
        {'externalId': 'numeric', 'partitionCount': 1, 'filter': {'equals': {'property': ['isString'], 'value': False}}}
    """

    external_id: str | None = None
    partition_count: int | None = None
    time_series_ids: list[str] | None = None
    instance_ids: list[NodeId] | None = None
    filter: Any = None
    name: str | None = None
    description: str | None = None
    data_set_id: int | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        self.time_series_ids = _external_ids(self.time_series_ids, "time_series_ids")
        self.instance_ids = _node_ids(self.instance_ids, "instance_ids")
        if self.filter is not None and (self.time_series_ids or self.instance_ids):
            raise ValueError("A subscription follows either a filter or explicit time series ids, not both")

    def as_write(self) -> DataPointSubscriptionWrite:
        """Return this object (it is already the write form)."""
        return self


class DatapointSubscription(_WithFilter, WriteableCogniteResource["DataPointSubscriptionWrite"]):
    """A datapoint subscription as CDF returns it.

    Args:
        external_id: The external id.
        partition_count: The number of partitions.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        time_series_count: The number of time series it follows.
        filter: The advanced filter of a filter subscription.
        name: The name.
        description: The description.
        data_set_id: The data set it belongs to.
    """

    _NEEDS_CLIENT = True  # few objects; kept for code that reaches the client through them

    external_id: str | None = None
    partition_count: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    time_series_count: int | None = None
    filter: Any = None
    name: str | None = None
    description: str | None = None
    data_set_id: int | None = None


class DatapointSubscriptionWriteList(CogniteResourceList[DataPointSubscriptionWrite], ExternalIDTransformerMixin):
    """A list of subscriptions to create."""

    _RESOURCE = DataPointSubscriptionWrite


class DatapointSubscriptionList(
    WriteableCogniteResourceList[DataPointSubscriptionWrite, DatapointSubscription], ExternalIDTransformerMixin
):
    """A list of datapoint subscriptions."""

    _RESOURCE = DatapointSubscription
    _WRITE_LIST = DatapointSubscriptionWriteList


class _FilterUpdate(CognitePrimitiveUpdate["DataPointSubscriptionUpdate"]):
    """Update of the filter of a filter subscription: ``set`` only."""

    def set(self, value: Any) -> DataPointSubscriptionUpdate:
        """Replace the filter (a ``Filter`` or a dict in the CDF filter language)."""
        if value is None:
            raise ValueError("The filter of a subscription cannot be cleared; set another filter")
        return self._set(_dump_filter(_load_filter(value)))


class DataPointSubscriptionUpdate(CogniteExternalIdUpdate):
    """Changes to a subscription (identified by external id); the partition count cannot change.

    Args:
        external_id: The external id of the subscription.

    Example:
        >>> from cognite.client.data_classes.datapoints_subscriptions import DataPointSubscriptionUpdate
        >>> DataPointSubscriptionUpdate("sub").name.set("Pumps").time_series_ids.add(["p3"]).dump()
        {'externalId': 'sub', 'update': {'name': {'set': 'Pumps'}, 'timeSeriesIds': {'add': ['p3']}}}
    """

    _PROPERTIES = (
        PropertySpec("name"),
        PropertySpec("description"),
        PropertySpec("data_set_id"),
        PropertySpec("filter", is_nullable=False),
        PropertySpec("time_series_ids", is_list=True),
        PropertySpec("instance_ids", is_list=True),
    )

    name: CognitePrimitiveUpdate[DataPointSubscriptionUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[DataPointSubscriptionUpdate] = update_field(CognitePrimitiveUpdate)
    data_set_id: CognitePrimitiveUpdate[DataPointSubscriptionUpdate] = update_field(CognitePrimitiveUpdate)
    filter: _FilterUpdate = update_field(_FilterUpdate)
    time_series_ids: CogniteListUpdate[DataPointSubscriptionUpdate] = update_field(CogniteListUpdate)
    instance_ids: CogniteListUpdate[DataPointSubscriptionUpdate] = update_field(CogniteListUpdate)

    @classmethod
    def _get_update_properties(cls, item: Any = None) -> list[PropertySpec]:
        """The updatable properties of a subscription like ``item``: a filter subscription has no member ids and
        an explicit one no filter (a replace never clears the side the subscription does not use)."""
        if item is None:
            return list(cls._PROPERTIES)
        uses_filter = getattr(item, "filter", None) is not None
        skip = {"time_series_ids", "instance_ids"} if uses_filter else {"filter"}
        if not uses_filter:
            skip |= {n for n in ("time_series_ids", "instance_ids") if getattr(item, n, None) is None}
        return [p for p in cls._PROPERTIES if p.name not in skip]

    @classmethod
    def _from_resource(
        cls, resource: CogniteObject, mode: Literal["replace_ignore_null", "patch", "replace"]
    ) -> dict[str, Any]:
        """The wire form of an update made from a whole subscription (see ``update``'s ``mode``)."""
        out = super()._from_resource(resource, mode)
        flt = getattr(resource, "filter", None)
        if isinstance(flt, Filter):
            out["update"]["filter"] = {"set": _dump_filter(flt)}
        return out


class TimeSeriesID(CogniteResource):
    """A time series a subscription follows (or followed): its id and the identifier it was added by.

    Args:
        id: The internal id (None when the time series does not exist, e.g. was deleted).
        external_id: The external id.
        instance_id: The instance id.
    """

    id: int | None = None
    external_id: str | None = None
    instance_id: NodeId | None = None

    def __post_init__(self) -> None:
        if self.instance_id is not None and not isinstance(self.instance_id, NodeId):
            self.instance_id = NodeId.load(self.instance_id)

    @property
    def is_resolved(self) -> bool:
        """Whether the time series exists (has an id)."""
        return self.id is not None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to a dictionary.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The identifiers that are set.
        """
        return super().dump(camel_case)


class TimeSeriesIDList(CogniteResourceList[TimeSeriesID], IdTransformerMixin, ExternalIDTransformerMixin):
    """A list of time series identifiers (e.g. the members of a subscription)."""

    _RESOURCE = TimeSeriesID


class DataDeletion(CogniteObject):
    """A time range in which every datapoint was deleted.

    Args:
        inclusive_begin: The start (ms since epoch, inclusive).
        exclusive_end: The end (ms since epoch, exclusive); None: only the datapoint at ``inclusive_begin``.
    """

    inclusive_begin: int
    exclusive_end: int | None = None


class DatapointSubscriptionPartition(CogniteObject):
    """A partition of a subscription and a position (cursor) in its stream of changes.

    Args:
        index: The partition index (0 to ``partition_count - 1``).
        cursor: The position to read from (None: the start, or where ``start`` says).
    """

    index: int
    cursor: str | None = None


class SubscriptionDatapoints(CogniteObject):
    """Datapoints upserted into one time series, as columns (timestamps, values, status codes).

    Args:
        id: The id of the time series.
        is_string: Whether the time series holds strings.
        type: The type of the time series (``"numeric"``, ``"string"`` or ``"state"``).
        timestamp: The timestamps (ms since epoch).
        value: The values (None where a bad datapoint has no value).
        external_id: The external id of the time series.
        instance_id: The instance id of the time series.
        status_code: The status codes (only when asked for with ``include_status``; 0 is Good).
        status_symbol: The status symbols (only with ``include_status``).
        numeric_states: The numeric states (state time series).
        string_states: The string states (state time series).
    """

    id: int | None = None
    is_string: bool | None = None
    type: str | None = None
    timestamp: list[int] = msgspec.field(default_factory=list)
    value: list[Any] = msgspec.field(default_factory=list)
    external_id: str | None = None
    instance_id: NodeId | None = None
    status_code: list[int] | None = None
    status_symbol: list[str] | None = None
    numeric_states: list[int] | None = None
    string_states: list[str] | None = None

    def __len__(self) -> int:
        return len(self.timestamp)

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        return iter(zip(self.timestamp, self.value, strict=False))

    @property
    def is_state(self) -> bool:
        """Whether the time series is a state time series."""
        return self.type == "state"

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False) -> pandas.DataFrame:
        """The datapoints as a DataFrame indexed by time, one column of values named by the time series identifier
        (plus status columns when present).

        Args:
            camel_case: Kept for compatibility.
            expand_metadata: Kept for compatibility.

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        name: Any = self.external_id if self.external_id is not None else self.id
        if name is None and self.instance_id is not None:
            name = self.instance_id
        columns: dict[Any, Any] = {name: self.value}
        if self.status_code is not None:
            columns["status_code"] = self.status_code
        if self.status_symbol is not None:
            columns["status_symbol"] = self.status_symbol
        index = pd.to_datetime(self.timestamp, unit="ms")
        return pd.DataFrame(columns, index=index)


class DatapointsUpdate(CogniteObject):
    """The changes to one time series in one ingestion: upserted datapoints and deleted ranges.

    Args:
        time_series: The time series.
        upserts: The datapoints inserted (possibly overwriting existing ones).
        deletes: The time ranges deleted.
    """

    time_series: TimeSeriesID
    upserts: SubscriptionDatapoints
    deletes: list[DataDeletion] = msgspec.field(default_factory=list)


class SubscriptionTimeSeriesUpdate(CogniteObject):
    """Time series a subscription started or stopped following.

    Args:
        added: The time series added.
        removed: The time series removed.
    """

    added: list[TimeSeriesID] = msgspec.field(default_factory=list)
    removed: list[TimeSeriesID] = msgspec.field(default_factory=list)


class DatapointSubscriptionBatch(CogniteObject):
    """One batch of changes read from a subscription partition.

    Args:
        updates: Datapoint changes, one per time series and ingestion, in the order they were applied.
        subscription_changes: Time series added to or removed from the subscription.
        has_next: Whether more changes are available right now (read again with ``cursor``).
        cursor: Where to continue reading.
    """

    updates: list[DatapointsUpdate]
    subscription_changes: SubscriptionTimeSeriesUpdate
    has_next: bool
    cursor: str


class DatapointSubscriptionFilterProperties(EnumProperty):
    """Time series properties a subscription filter can use.

    Example:
        >>> from cognite.client.data_classes import filters as flt
        >>> from cognite.client.data_classes.datapoints_subscriptions import DatapointSubscriptionProperty as P
        >>> flt.And(flt.Equals(P.is_string, False), flt.Prefix(P.metadata_key("site"), "osl")).dump()
        {'and': [{'equals': {'property': ['isString'], 'value': False}}, {'prefix': {'property': ['metadata', 'site'], 'value': 'osl'}}]}
    """

    description = "description"
    external_id = "externalId"
    name = "name"
    unit = "unit"
    unit_external_id = "unitExternalId"
    unit_quantity = "unitQuantity"
    asset_id = "assetId"
    asset_root_id = "assetRootId"
    created_time = "createdTime"
    data_set_id = "dataSetId"
    id = "id"
    last_updated_time = "lastUpdatedTime"
    is_step = "isStep"
    is_string = "isString"
    type = "type"
    instance_id_space = ("instanceId", "space")
    instance_id_external_id = ("instanceId", "externalId")

    @staticmethod
    def metadata(key: str) -> list[str]:
        """The property path of one metadata key (same as ``metadata_key``)."""
        return ["metadata", key]


#: The name the reference SDK documents for the subscription filter properties.
DatapointSubscriptionProperty = DatapointSubscriptionFilterProperties


class _PartitionCursor(msgspec.Struct, rename="camel"):
    index: int
    next_cursor: str


class _WireTimeSeries(msgspec.Struct, rename="camel"):
    id: int | None = None
    external_id: str | None = None
    instance_id: NodeId | None = None
    is_string: bool | None = None
    type: str | None = None


class _WireStatus(msgspec.Struct):
    code: int | None = None
    symbol: str | None = None


class _WirePoint(msgspec.Struct):
    timestamp: int
    value: Any = None
    status: _WireStatus | None = None


class _WireUpdate(msgspec.Struct, rename="camel"):
    time_series: _WireTimeSeries
    upserts: list[_WirePoint] = msgspec.field(default_factory=list)
    deletes: list[DataDeletion] = msgspec.field(default_factory=list)


class _WireChanges(msgspec.Struct):
    added: list[_WireTimeSeries] = msgspec.field(default_factory=list)
    removed: list[_WireTimeSeries] = msgspec.field(default_factory=list)


class _WireBatch(msgspec.Struct, rename="camel"):
    """The response of ``/timeseries/subscriptions/data/list``."""

    partitions: list[_PartitionCursor]
    has_next: bool
    updates: list[_WireUpdate] = msgspec.field(default_factory=list)
    subscription_changes: _WireChanges | None = None


_BATCH_DECODER = msgspec.json.Decoder(_WireBatch, strict=False)


def _time_series_id(ts: _WireTimeSeries) -> TimeSeriesID:
    return TimeSeriesID(id=ts.id, external_id=ts.external_id, instance_id=ts.instance_id)


_SPECIAL_NUMBERS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _number(value: Any) -> Any:
    """A numeric value from the wire (bad datapoints may carry ``"NaN"``, ``"Infinity"`` or ``"-Infinity"``)."""
    return _SPECIAL_NUMBERS.get(value, value) if isinstance(value, str) else value


def _upserts(ts: _WireTimeSeries, points: list[_WirePoint]) -> SubscriptionDatapoints:
    with_status = any(p.status is not None for p in points)
    return SubscriptionDatapoints(
        id=ts.id,
        is_string=ts.is_string,
        type=ts.type,
        timestamp=[p.timestamp for p in points],
        value=[p.value for p in points] if ts.is_string else [_number(p.value) for p in points],
        external_id=ts.external_id,
        instance_id=ts.instance_id,
        status_code=[(p.status.code or 0) if p.status else 0 for p in points] if with_status else None,
        status_symbol=[(p.status.symbol or "") if p.status else "Good" for p in points] if with_status else None,
    )


def decode_batch(content: bytes, partition: int) -> DatapointSubscriptionBatch:
    """Decode a ``/timeseries/subscriptions/data/list`` response into a batch (the cursor of ``partition``).

    Args:
        content: The response body.
        partition: The partition that was read.

    Returns:
        The batch.
    """
    wire = _BATCH_DECODER.decode(content)
    cursor = next((p.next_cursor for p in wire.partitions if p.index == partition), "")
    changes = wire.subscription_changes or _WireChanges()
    return DatapointSubscriptionBatch(
        updates=[
            DatapointsUpdate(_time_series_id(u.time_series), _upserts(u.time_series, u.upserts), u.deletes)
            for u in wire.updates
        ],
        subscription_changes=SubscriptionTimeSeriesUpdate(
            added=[_time_series_id(t) for t in changes.added], removed=[_time_series_id(t) for t in changes.removed]
        ),
        has_next=wire.has_next,
        cursor=cursor,
    )


def split_member_update(dumped: dict[str, Any], size: int = MEMBERS_PER_REQUEST) -> list[dict[str, Any]]:
    """Split a dumped subscription update whose member lists are longer than one request takes.

    The first update carries every other field and the first ``size`` ids of each operation; the rest follow as
    ``add``/``remove`` updates (a ``set`` of more than ``size`` ids is a ``set`` of the first ones, then adds).

    Args:
        dumped: ``{"externalId": ..., "update": {...}}``.
        size: The most ids per operation and request.

    Returns:
        The updates, in the order they must be sent.
    """
    first = {**dumped, "update": dict(dumped["update"])}
    rest: list[dict[str, Any]] = []
    for key in ("timeSeriesIds", "instanceIds"):
        ops = first["update"].get(key)
        if not ops:
            continue
        first_ops: dict[str, Any] = {}
        for op, values in ops.items():
            first_ops[op] = values[:size]
            later_op = "add" if op == "set" else op
            for n, i in enumerate(range(size, len(values), size)):
                if n >= len(rest):
                    rest.append({"externalId": dumped["externalId"], "update": {}})
                rest[n]["update"].setdefault(key, {})[later_op] = values[i : i + size]
        first["update"][key] = first_ops
    return [first, *rest]
