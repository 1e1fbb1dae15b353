"""Time series data classes: read, write, update, filter, list, sort and the property enums."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteInstanceIdUpdate,
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
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.datapoints import Identifier, LatestDatapoint
from cognite.client.data_classes.filters import EnumProperty
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.utils._time import MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS

if TYPE_CHECKING:
    from cognite.client.data_classes.assets import Asset

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
    "EnumProperty",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "Identifier",
    "LatestDatapoint",
    "NodeId",
    "PropertySpec",
    "SequenceNotStr",
    "SortableTimeSeriesProperty",
    "TimeSeries",
    "TimeSeriesFilter",
    "TimeSeriesList",
    "TimeSeriesProperty",
    "TimeSeriesSort",
    "TimeSeriesUpdate",
    "TimeSeriesWrite",
    "TimeSeriesWriteList",
    "TimestampRange",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "WriteableCogniteResourceWithClientRef",
]

#: Granularity of the count aggregate ``TimeSeries.count`` sums over (few buckets across all time).
_COUNT_GRANULARITY = "1000d"


class TimeSeriesWrite(CogniteObject):
    """A time series to create.

    Args:
        external_id: A unique external id.
        name: The name (display name of the time series).
        is_string: Whether the datapoints are strings (default numeric). Cannot be changed later.
        metadata: Custom string key-value pairs.
        unit: The physical unit, free text (e.g. ``"degC"``).
        unit_external_id: The unit from the unit catalog (e.g. ``"temperature:deg_c"``).
        asset_id: The asset it belongs to.
        is_step: Whether the values are constant between datapoints (step) rather than interpolated.
        description: A description.
        security_categories: Security categories needed to access it.
        data_set_id: The data set it belongs to.

    Example:
        >>> from cognite.client.data_classes.time_series import TimeSeriesWrite
        >>> TimeSeriesWrite(external_id="temp", name="Temperature", unit="degC").dump()
        {'externalId': 'temp', 'name': 'Temperature', 'unit': 'degC'}
    """

    external_id: str | None = None
    name: str | None = None
    is_string: bool | None = None
    metadata: dict[str, str] | None = None
    unit: str | None = None
    unit_external_id: str | None = None
    asset_id: int | None = None
    is_step: bool | None = None
    description: str | None = None
    security_categories: list[int] | None = None
    data_set_id: int | None = None

    def as_write(self) -> TimeSeriesWrite:
        """Return this object (it is already the write form)."""
        return self


class TimeSeries(WriteableCogniteResource["TimeSeriesWrite"]):
    """A time series: the metadata of a series of datapoints in time order.

    Args:
        id: The internal id.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        is_step: Whether the values are constant between datapoints.
        is_string: Whether the datapoints are strings.
        external_id: The external id.
        instance_id: The data-modeling node of the time series (CogniteTimeSeries), if any.
        name: The name.
        metadata: Custom string key-value pairs.
        unit: The physical unit, free text.
        unit_external_id: The unit from the unit catalog.
        asset_id: The asset it belongs to.
        description: A description.
        security_categories: Security categories needed to access it.
        data_set_id: The data set it belongs to.
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    is_step: bool | None = None
    is_string: bool | None = None
    external_id: str | None = None
    instance_id: NodeId | None = None
    name: str | None = None
    metadata: dict[str, str] | None = None
    unit: str | None = None
    unit_external_id: str | None = None
    asset_id: int | None = None
    description: str | None = None
    security_categories: list[int] | None = None
    data_set_id: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.instance_id, tuple):
            self.instance_id = NodeId(*self.instance_id)
        elif isinstance(self.instance_id, dict):
            self.instance_id = NodeId.load(self.instance_id)

    def as_write(self) -> TimeSeriesWrite:
        """Return the write form of this time series (what ``create`` accepts)."""
        return TimeSeriesWrite(
            external_id=self.external_id,
            name=self.name,
            is_string=self.is_string,
            metadata=self.metadata,
            unit=self.unit,
            unit_external_id=self.unit_external_id,
            asset_id=self.asset_id,
            is_step=self.is_step,
            description=self.description,
            security_categories=self.security_categories,
            data_set_id=self.data_set_id,
        )

    def _identifier_kwargs(self) -> dict[str, Any]:
        """The best identifier of this time series as keyword arguments of the datapoints API."""
        if self.id is not None:
            return {"id": self.id}
        if self.external_id is not None:
            return {"external_id": self.external_id}
        if self.instance_id is not None:
            return {"instance_id": self.instance_id}
        raise ValueError("This time series has no id, external_id or instance_id")

    def _datapoints_api(self) -> Any:
        # ``client.time_series.data`` belongs to the datapoints family; looked up by name so that this module
        # does not depend on it (until it exists, this raises AttributeError).
        return getattr(self._get_client().time_series, "data")  # noqa: B009

    async def count_async(self) -> int:
        """Return the number of datapoints in this time series (from count aggregates, which may lag slightly).

        Returns:
            The number of datapoints.

        Raises:
            RuntimeError: The time series holds strings (no count aggregate).
        """
        if self.is_string:
            raise RuntimeError("String time series do not support the count aggregate")
        dps = await self._datapoints_api().retrieve(
            **self._identifier_kwargs(),
            start=MIN_TIMESTAMP_MS,
            end=MAX_TIMESTAMP_MS + 1,
            aggregates="count",
            granularity=_COUNT_GRANULARITY,
        )
        return int(sum(getattr(dps, "count", None) or ()))

    def count(self) -> int:
        """Return the number of datapoints in this time series (sync form of ``count_async``)."""
        return run_sync(self.count_async())

    async def latest_async(self, before: int | str | Any | None = None) -> Any:
        """Return the latest datapoint of this time series (the one with the highest timestamp), or None.

        Args:
            before: Only datapoints before this time (ms, ``datetime`` or a string such as ``"2d-ago"``).

        Returns:
            The latest datapoint (a ``LatestDatapoint``), or None when there is none.
        """
        latest = await self._datapoints_api().retrieve_latest(**self._identifier_kwargs(), before=before)
        return latest if latest else None

    def latest(self, before: int | str | Any | None = None) -> Any:
        """Return the latest datapoint of this time series, or None (sync form of ``latest_async``).

        Args:
            before: Only datapoints before this time.
        """
        return run_sync(self.latest_async(before))

    async def first_async(self) -> Any:
        """Return the first datapoint (the lowest timestamp) of this time series, or None when it is empty.

        Returns:
            The first datapoint, or None.
        """
        dps = await self._datapoints_api().retrieve(
            **self._identifier_kwargs(), start=MIN_TIMESTAMP_MS, end=MAX_TIMESTAMP_MS + 1, limit=1
        )
        if dps is None or len(dps) == 0:
            return None
        return dps[0]

    def first(self) -> Any:
        """Return the first datapoint of this time series, or None (sync form of ``first_async``)."""
        return run_sync(self.first_async())

    async def asset_async(self) -> Asset:
        """Return the asset this time series belongs to.

        Returns:
            The asset.

        Raises:
            ValueError: The time series has no asset, or the asset does not exist.
        """
        if self.asset_id is None:
            raise ValueError("asset_id is None: this time series is not linked to an asset")
        asset = await self._get_client().assets.retrieve(id=self.asset_id)
        if asset is None:
            raise ValueError(f"The asset {self.asset_id} of this time series does not exist")
        return asset

    def asset(self) -> Asset:
        """Return the asset this time series belongs to (sync form of ``asset_async``)."""
        return run_sync(self.asset_async())


class TimeSeriesWriteList(CogniteResourceList[TimeSeriesWrite], ExternalIDTransformerMixin):
    """A list of time series to create."""

    _RESOURCE = TimeSeriesWrite


class TimeSeriesList(
    WriteableCogniteResourceList[TimeSeriesWrite, TimeSeries], IdTransformerMixin, ExternalIDTransformerMixin
):
    """A list of time series."""

    _RESOURCE = TimeSeries
    _WRITE_LIST = TimeSeriesWriteList


#: Properties of a time series that data modeling manages when it has an instance id: only these can be updated
#: through the time series API (the rest are updated on the CogniteTimeSeries node).
_INSTANCE_ID_UPDATABLE = frozenset({"external_id", "metadata", "asset_id", "data_set_id"})


class TimeSeriesUpdate(CogniteInstanceIdUpdate):
    """Changes to a time series, by id, external id or instance id.

    Args:
        id: The id of the time series.
        external_id: The external id of the time series.
        instance_id: The instance id (NodeId) of the time series.

    Example:
        >>> from cognite.client.data_classes.time_series import TimeSeriesUpdate
        >>> TimeSeriesUpdate(external_id="temp").unit.set("degC").metadata.add({"site": "oslo"}).dump()
        {'externalId': 'temp', 'update': {'unit': {'set': 'degC'}, 'metadata': {'add': {'site': 'oslo'}}}}
    """

    _INSTANCE_ID_UPDATABLE = _INSTANCE_ID_UPDATABLE
    _PROPERTIES = (
        PropertySpec("external_id"),
        PropertySpec("name"),
        PropertySpec("metadata", is_object=True),
        PropertySpec("unit"),
        PropertySpec("unit_external_id"),
        PropertySpec("asset_id"),
        PropertySpec("is_step", is_nullable=False),
        PropertySpec("description"),
        PropertySpec("security_categories", is_list=True),
        PropertySpec("data_set_id"),
    )

    external_id: CognitePrimitiveUpdate[TimeSeriesUpdate] = update_field(CognitePrimitiveUpdate)
    name: CognitePrimitiveUpdate[TimeSeriesUpdate] = update_field(CognitePrimitiveUpdate)
    metadata: CogniteObjectUpdate[TimeSeriesUpdate] = update_field(CogniteObjectUpdate)
    unit: CognitePrimitiveUpdate[TimeSeriesUpdate] = update_field(CognitePrimitiveUpdate)
    unit_external_id: CognitePrimitiveUpdate[TimeSeriesUpdate] = update_field(CognitePrimitiveUpdate)
    asset_id: CognitePrimitiveUpdate[TimeSeriesUpdate] = update_field(CognitePrimitiveUpdate)
    is_step: CognitePrimitiveUpdate[TimeSeriesUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[TimeSeriesUpdate] = update_field(CognitePrimitiveUpdate)
    security_categories: CogniteListUpdate[TimeSeriesUpdate] = update_field(CogniteListUpdate)
    data_set_id: CognitePrimitiveUpdate[TimeSeriesUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> None:
        super().__init__(id=id, external_id=external_id, instance_id=instance_id)


class TimeSeriesFilter(CogniteFilter):
    """Filter on time series with exact matching.

    Args:
        name: Exact name.
        unit: Exact unit.
        unit_external_id: Exact unit external id.
        unit_quantity: The quantity of the unit (e.g. ``"Temperature"``).
        is_string: Only string (True) or numeric (False) time series.
        is_step: Only step (True) or non-step (False) time series.
        metadata: Metadata key-value pairs that must all match.
        asset_ids: Linked to one of these asset ids.
        asset_external_ids: Linked to one of these asset external ids.
        asset_subtree_ids: Linked to an asset in these subtrees (``{"id": ..}`` or ``{"externalId": ..}``).
        data_set_ids: In these data sets (``{"id": ..}`` or ``{"externalId": ..}``).
        external_id_prefix: Prefix of the external id.
        created_time: Range of creation time.
        last_updated_time: Range of last update time.

    Example:
        >>> from cognite.client.data_classes.time_series import TimeSeriesFilter
        >>> TimeSeriesFilter(is_string=False, asset_ids=[1]).dump()
        {'isString': False, 'assetIds': [1]}
    """

    name: str | None = None
    unit: str | None = None
    unit_external_id: str | None = None
    unit_quantity: str | None = None
    is_string: bool | None = None
    is_step: bool | None = None
    metadata: dict[str, str] | None = None
    asset_ids: Sequence[int] | None = None
    asset_external_ids: Sequence[str] | None = None
    asset_subtree_ids: Sequence[dict[str, Any]] | None = None
    data_set_ids: Sequence[dict[str, Any]] | None = None
    external_id_prefix: str | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    last_updated_time: dict[str, Any] | TimestampRange | None = None


class TimeSeriesProperty(EnumProperty):
    """Time series properties for advanced filters and aggregates."""

    description = "description"
    external_id = "externalId"
    name = "name"
    unit = "unit"
    asset_id = "assetId"
    asset_root_id = "assetRootId"
    created_time = "createdTime"
    data_set_id = "dataSetId"
    id = "id"
    last_updated_time = "lastUpdatedTime"
    is_step = "isStep"
    is_string = "isString"
    metadata = "metadata"
    security_categories = "securityCategories"
    unit_external_id = "unitExternalId"


class SortableTimeSeriesProperty(EnumProperty):
    """Time series properties that can be sorted on."""

    asset_id = "assetId"
    created_time = "createdTime"
    data_set_id = "dataSetId"
    description = "description"
    external_id = "externalId"
    last_updated_time = "lastUpdatedTime"
    name = "name"
    score = "_score_"


class TimeSeriesSort(CogniteSort):
    """A sort on time series.

    Args:
        property: A sortable property (name, enum member or metadata path).
        order: "asc" or "desc".
        nulls: "first", "last" or "auto".
    """
