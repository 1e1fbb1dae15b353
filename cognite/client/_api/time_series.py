"""The Time Series API (metadata): a table of declarations and a few lines per method on the generic verbs.

Datapoints (``client.time_series.data``) and subscriptions are families of their own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from cognite.client._api._mixins import WithAggregates
from cognite.client._api_client import (
    IdentifierSequence,
    _dump_filter,
    check_type,
    dump_sort,
    external_id_list,
    id_list,
    identifier_dicts,
    split_filter,
)
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes.time_series import (
    SortableTimeSeriesProperty,
    TimeSeries,
    TimeSeriesFilter,
    TimeSeriesList,
    TimeSeriesSort,
    TimeSeriesUpdate,
    TimeSeriesWrite,
)

if TYPE_CHECKING:
    from cognite.client._api.datapoints import DatapointsAPI
    from cognite.client._api.datapoints_subscriptions import DatapointsSubscriptionAPI
    from cognite.client.data_classes.data_modeling.ids import NodeId
    from cognite.client.data_classes.filters import Filter
    from cognite.client.data_classes.shared import TimestampRange

__all__ = ["TimeSeriesAPI"]

SortSpec = (
    TimeSeriesSort
    | str
    | SortableTimeSeriesProperty
    | tuple[str, Literal["asc", "desc"]]
    | tuple[str, Literal["asc", "desc"], Literal["auto", "first", "last"]]
)
SortSpecs = SortSpec | list[SortSpec]
UpdateMode = Literal["replace_ignore_null", "patch", "replace"]


class TimeSeriesAPI(WithAggregates[TimeSeries, TimeSeriesList]):
    """Create, read, update and delete time series (metadata; datapoints live in ``client.time_series.data``).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.time_series import TimeSeriesWrite
        >>> with emulated_client() as client:
        ...     _ = client.time_series.create(TimeSeriesWrite(external_id="temp", name="Temperature"))
        ...     client.time_series.retrieve(external_id="temp").name
        'Temperature'
    """

    data: LazyAPI[DatapointsAPI] = LazyAPI("cognite.client._api.datapoints:DatapointsAPI")
    subscriptions: LazyAPI[DatapointsSubscriptionAPI] = LazyAPI(
        "cognite.client._api.datapoints_subscriptions:DatapointsSubscriptionAPI"
    )

    _RESOURCE_PATH = "/timeseries"
    _RESOURCE_CLS = TimeSeries
    _LIST_CLS = TimeSeriesList
    _UPDATE_CLS = TimeSeriesUpdate
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000
    #: The most values each list filter takes in one request (``maxItems``); longer lists are split.
    _FILTER_LIMITS = {"assetIds": 100, "assetExternalIds": 100, "assetSubtreeIds": 100, "dataSetIds": 100}

    # ------------------------------------------------------------------------------------------ filters

    @staticmethod
    def _filter(
        name: str | None = None,
        unit: str | None = None,
        unit_external_id: str | None = None,
        unit_quantity: str | None = None,
        is_string: bool | None = None,
        is_step: bool | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        metadata: dict[str, Any] | None = None,
        external_id_prefix: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
    ) -> dict[str, Any]:
        from cognite.client.data_classes.shared import TimestampRange

        for arg, value in (("name", name), ("unit", unit), ("unit_external_id", unit_external_id),
                           ("unit_quantity", unit_quantity), ("external_id_prefix", external_id_prefix)):  # fmt: skip
            check_type(value, str, arg)
        check_type(is_string, bool, "is_string")
        check_type(is_step, bool, "is_step")
        check_type(metadata, dict, "metadata")
        check_type(created_time, (dict, TimestampRange), "created_time")
        check_type(last_updated_time, (dict, TimestampRange), "last_updated_time")
        return TimeSeriesFilter(
            name=name,
            unit=unit,
            unit_external_id=unit_external_id,
            unit_quantity=unit_quantity,
            is_string=is_string,
            is_step=is_step,
            metadata=metadata,
            asset_ids=id_list(asset_ids, "asset_ids"),
            asset_external_ids=external_id_list(asset_external_ids, "asset_external_ids"),
            asset_subtree_ids=identifier_dicts(
                asset_subtree_ids, asset_subtree_external_ids, "asset_subtree_ids", "asset_subtree_external_ids"
            ),
            data_set_ids=identifier_dicts(data_set_ids, data_set_external_ids, "data_set_ids", "data_set_external_ids"),
            external_id_prefix=external_id_prefix,
            created_time=created_time,
            last_updated_time=last_updated_time,
        ).dump(camel_case=True)

    @staticmethod
    def _list_params(advanced_filter: Filter | dict[str, Any] | None, sort: SortSpecs | None) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if advanced_filter is not None:
            params["advancedFilter"] = _dump_filter(advanced_filter)
        if sort is not None:
            params["sort"] = dump_sort(sort, TimeSeriesSort)
        return params

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> TimeSeries | None:
        """Retrieve one time series by id, external id or instance id.

        Args:
            id: The id.
            external_id: The external id.
            instance_id: The instance id (the NodeId of its CogniteTimeSeries node).

        Returns:
            The time series, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.time_series.retrieve(external_id="missing") is None
            True
        """
        identifier = IdentifierSequence.load_one(id=id, external_id=external_id, instance_id=instance_id)
        return await self._retrieve_multiple(identifier)  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: Sequence[str] | None = None,
        instance_ids: Sequence[NodeId] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> TimeSeriesList:
        """Retrieve several time series by ids, external ids and/or instance ids.

        Args:
            ids: The ids.
            external_ids: The external ids.
            instance_ids: The instance ids (NodeIds).
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The time series (duplicates in the input are asked for once).

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.time_series.retrieve_multiple(external_ids=["a", "b"], ignore_unknown_ids=True))
            0
        """
        if instance_ids is not None and not isinstance(instance_ids, Sequence):
            raise TypeError(f"instance_ids must be a sequence of NodeId, not {type(instance_ids).__name__}")
        identifiers = IdentifierSequence(
            ids=ids, external_ids=external_ids, instance_ids=None if instance_ids is None else list(instance_ids)
        )
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(
        self,
        name: str | None = None,
        unit: str | None = None,
        unit_external_id: str | None = None,
        unit_quantity: str | None = None,
        is_string: bool | None = None,
        is_step: bool | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        metadata: dict[str, Any] | None = None,
        external_id_prefix: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        partitions: int | None = None,
        limit: int | None = 25,
        advanced_filter: Filter | dict[str, Any] | None = None,
        sort: SortSpecs | None = None,
    ) -> TimeSeriesList:
        """List time series matching the filters.

        Args:
            name: Exact name.
            unit: Exact unit.
            unit_external_id: Exact unit external id (from the unit catalog).
            unit_quantity: The quantity of the unit, e.g. "Temperature".
            is_string: Only string (True) or numeric (False) time series.
            is_step: Only step (True) or non-step (False) time series.
            asset_ids: Linked to one of these asset ids (more than 100 are split over several requests).
            asset_external_ids: Linked to one of these asset external ids.
            asset_subtree_ids: Linked to an asset in the subtrees of these asset ids.
            asset_subtree_external_ids: Linked to an asset in the subtrees of these asset external ids.
            data_set_ids: In these data sets (ids).
            data_set_external_ids: In these data sets (external ids).
            metadata: Metadata key-value pairs that must all match.
            external_id_prefix: Prefix of the external id.
            created_time: Range of creation time (ms), e.g. ``{"min": 0, "max": 1}``.
            last_updated_time: Range of last update time (ms).
            partitions: Fetch this many partitions in parallel (only with an unlimited limit).
            limit: Maximum number of time series (default 25; None, -1 or inf: all).
            advanced_filter: An advanced filter (``cognite.client.data_classes.filters``).
            sort: Sort specification(s): property name, (property, order[, nulls]), enum member or TimeSeriesSort.

        Returns:
            The time series.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.time_series import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create([TimeSeriesWrite(external_id=f"t{i}", is_step=i % 2 == 0) for i in range(4)])
            ...     len(client.time_series.list(is_step=True, limit=None))
            2
        """
        flt = self._filter(
            name, unit, unit_external_id, unit_quantity, is_string, is_step, asset_ids, asset_external_ids,
            asset_subtree_ids, asset_subtree_external_ids, data_set_ids, data_set_external_ids, metadata,
            external_id_prefix, created_time, last_updated_time,
        )  # fmt: skip
        params = self._list_params(advanced_filter, sort)
        filters = split_filter(flt, self._FILTER_LIMITS)
        return await self._list_many(filters=filters, limit=limit, partitions=partitions, other_params=params)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        name: str | None = None,
        unit: str | None = None,
        unit_external_id: str | None = None,
        unit_quantity: str | None = None,
        is_string: bool | None = None,
        is_step: bool | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        metadata: dict[str, Any] | None = None,
        external_id_prefix: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        limit: int | None = None,
        advanced_filter: Filter | dict[str, Any] | None = None,
        sort: SortSpecs | None = None,
    ) -> AsyncIterator[TimeSeries] | AsyncIterator[TimeSeriesList]:
        """Iterate over time series lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many time series (None: one at a time).
            name: Exact name.
            unit: Exact unit.
            unit_external_id: Exact unit external id.
            unit_quantity: The quantity of the unit.
            is_string: Only string (True) or numeric (False) time series.
            is_step: Only step (True) or non-step (False) time series.
            asset_ids: Linked to one of these asset ids.
            asset_external_ids: Linked to one of these asset external ids.
            asset_subtree_ids: Linked to an asset in these subtrees (ids).
            asset_subtree_external_ids: Linked to an asset in these subtrees (external ids).
            data_set_ids: In these data sets (ids).
            data_set_external_ids: In these data sets (external ids).
            metadata: Metadata key-value pairs that must all match.
            external_id_prefix: Prefix of the external id.
            created_time: Range of creation time.
            last_updated_time: Range of last update time.
            limit: Maximum number of time series (None: all).
            advanced_filter: An advanced filter.
            sort: Sort specification(s).

        Returns:
            An async iterator of time series or time series lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for ts in client.time_series(chunk_size=100, limit=1000):
            ...         pass
        """
        flt = self._filter(
            name, unit, unit_external_id, unit_quantity, is_string, is_step, asset_ids, asset_external_ids,
            asset_subtree_ids, asset_subtree_external_ids, data_set_ids, data_set_external_ids, metadata,
            external_id_prefix, created_time, last_updated_time,
        )  # fmt: skip
        params = self._list_params(advanced_filter, sort)
        filters = split_filter(flt, self._FILTER_LIMITS)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filters=filters, other_params=params)

    async def search(
        self,
        name: str | None = None,
        description: str | None = None,
        query: str | None = None,
        filter: TimeSeriesFilter | dict[str, Any] | None = None,
        limit: int = 25,
    ) -> TimeSeriesList:
        """Search time series by name, description or a free-text query (relevance ordered).

        Args:
            name: Prefix and fuzzy search on name.
            description: Prefix and fuzzy search on description.
            query: Free-text search on name and description.
            filter: A TimeSeriesFilter (or dict) to narrow the search.
            limit: Maximum number of results (default 25).

        Returns:
            The matching time series.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.time_series import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="t", name="pump pressure"))
            ...     client.time_series.search(query="pressure")[0].external_id
            't'
        """
        return await self._search_text(  # type: ignore[no-any-return]
            {"name": name, "description": description, "query": query}, filter, limit
        )

    # ------------------------------------------------------------------------------------------ writing

    @overload
    async def create(self, time_series: TimeSeries | TimeSeriesWrite) -> TimeSeries: ...
    @overload
    async def create(self, time_series: Sequence[TimeSeries] | Sequence[TimeSeriesWrite]) -> TimeSeriesList: ...
    async def create(
        self, time_series: TimeSeries | TimeSeriesWrite | Sequence[TimeSeries] | Sequence[TimeSeriesWrite]
    ) -> TimeSeries | TimeSeriesList:
        """Create one or more time series (chunked by the API limit, chunks sent concurrently).

        Args:
            time_series: A time series or a list of time series (write or read objects).

        Returns:
            The created time series, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.time_series import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     client.time_series.create(TimeSeriesWrite(external_id="flow", unit="m3/h")).unit
            'm3/h'
        """
        return await self._create_multiple(time_series, write_cls=TimeSeriesWrite, input_name="time_series")  # type: ignore[no-any-return]

    @overload
    async def update(
        self, item: TimeSeries | TimeSeriesWrite | TimeSeriesUpdate, mode: UpdateMode = "replace_ignore_null"
    ) -> TimeSeries: ...
    @overload
    async def update(
        self, item: Sequence[TimeSeries | TimeSeriesWrite | TimeSeriesUpdate], mode: UpdateMode = "replace_ignore_null"
    ) -> TimeSeriesList: ...
    async def update(
        self,
        item: TimeSeries
        | TimeSeriesWrite
        | TimeSeriesUpdate
        | Sequence[TimeSeries | TimeSeriesWrite | TimeSeriesUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> TimeSeries | TimeSeriesList:
        """Update one or more time series, from TimeSeriesUpdate objects or from whole time series.

        A time series that data modeling owns (it has an instance id) takes only external_id, metadata, asset_id
        and data_set_id changes here; whole objects with an instance id are updated in those fields only.

        Args:
            item: Time series or TimeSeriesUpdate(s) (by id, external id or instance id).
            mode: For whole objects: "replace_ignore_null" (set given fields), "patch" (also add to metadata
                instead of replacing), or "replace" (clear what is not given).

        Returns:
            The updated time series, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.time_series import TimeSeriesUpdate, TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="t"))
            ...     client.time_series.update(TimeSeriesUpdate(external_id="t").unit.set("bar")).unit
            'bar'
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    @overload
    async def upsert(
        self, item: TimeSeries | TimeSeriesWrite, mode: Literal["patch", "replace"] = "patch"
    ) -> TimeSeries: ...
    @overload
    async def upsert(
        self, item: Sequence[TimeSeries | TimeSeriesWrite], mode: Literal["patch", "replace"] = "patch"
    ) -> TimeSeriesList: ...
    async def upsert(
        self,
        item: TimeSeries | TimeSeriesWrite | Sequence[TimeSeries | TimeSeriesWrite],
        mode: Literal["patch", "replace"] = "patch",
    ) -> TimeSeries | TimeSeriesList:
        """Update the time series that exist and create the others (not atomic).

        Args:
            item: Time series to upsert, identified by id or external id.
            mode: "patch" (only given fields) or "replace" (clear what is not given).

        Returns:
            The upserted time series, in input order.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.time_series import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     res = client.time_series.upsert([TimeSeriesWrite(external_id="a"), TimeSeriesWrite(external_id="b")])
            ...     res.as_external_ids()
            ['a', 'b']
        """
        return await self._upsert_multiple(item, mode, write_cls=TimeSeriesWrite)  # type: ignore[no-any-return]

    async def delete(
        self,
        id: int | Sequence[int] | None = None,
        external_id: str | Sequence[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> None:
        """Delete one or more time series (and their datapoints).

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.
            ignore_unknown_ids: Do not fail on identifiers that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.time_series.delete(external_id=["gone"], ignore_unknown_ids=True)
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)
