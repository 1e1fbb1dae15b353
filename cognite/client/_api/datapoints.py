"""The Datapoints API (``client.time_series.data``) and synthetic time series (``client.time_series.data.synthetic``).

A table of limits plus a few lines per method: the fetcher (:mod:`cognite.client._datapoints._fetch`) plans and runs
reads, :mod:`cognite.client._datapoints._insert` plans inserts, :mod:`cognite.client._datapoints._assemble` builds
the result objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, overload

from cognite.client._api_client import APIClient, check_limit, check_type, chunks
from cognite.client._cognite_client import LazyAPI
from cognite.client._concurrency import execute, raise_if_failed
from cognite.client._datapoints import _insert
from cognite.client._datapoints._assemble import to_array, to_datapoints
from cognite.client._datapoints._fetch import FetchQuery, fetch
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.datapoint_aggregates import to_wire_aggregate
from cognite.client.data_classes.datapoints import (
    Datapoints,
    DatapointsArray,
    DatapointsArrayList,
    DatapointsList,
    DatapointsQuery,
    Identifier,
    LatestDatapoint,
    LatestDatapointList,
    LatestDatapointQuery,
    StateDatapointsInsert,
    SyntheticDatapoints,
    SyntheticDatapointsList,
)
from cognite.client.data_classes.datapoints import NodeId as _NodeId
from cognite.client.utils._time import convert_timezone_to_str, parse_str_timezone

if TYPE_CHECKING:
    import pandas

    from cognite.client.data_classes.data_modeling.ids import NodeId

__all__ = ["DatapointsAPI", "SyntheticDatapointsAPI"]

TimestampLike: TypeAlias = "int | float | str | dt.datetime"
IdInput: TypeAlias = "int | DatapointsQuery | Sequence[int | DatapointsQuery]"
XidInput: TypeAlias = "str | DatapointsQuery | Sequence[str | DatapointsQuery]"
IidInput: TypeAlias = "NodeId | DatapointsQuery | Sequence[NodeId | DatapointsQuery]"
AggInput: TypeAlias = "str | list[str]"


def _numpy_available() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def _require_numpy() -> None:
    if not _numpy_available():
        from cognite.client.exceptions import CogniteImportError

        raise CogniteImportError("numpy")


def _aggregates(value: Any) -> list[str] | None:
    if value is None:
        return None
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list | tuple) or not names or any(not isinstance(a, str) for a in names):
        raise TypeError(f"aggregates must be a str or a non-empty list of str, got {value!r}")
    return list(dict.fromkeys(to_wire_aggregate(a) for a in names))


def _timezone(value: Any) -> tuple[str | None, dt.tzinfo | None]:
    if value is None:
        return None, None
    if isinstance(value, str):
        return value, parse_str_timezone(value)
    if isinstance(value, dt.tzinfo):
        return convert_timezone_to_str(value), value
    raise TypeError(f"timezone must be a str or a tzinfo, not {type(value).__name__}")


class _Settings:
    """The retrieve settings of one series after merging a DatapointsQuery over the call's arguments."""

    start: Any
    end: Any
    aggregates: Any
    granularity: Any
    timezone: Any
    target_unit: Any
    target_unit_system: Any
    limit: Any
    include_outside_points: Any
    ignore_unknown_ids: Any
    include_status: Any
    ignore_bad_datapoints: Any
    treat_uncertain_as_bad: Any

    def __init__(self, **kw: Any) -> None:
        self.__dict__.update(kw)

    def to_fetch(self, identifier: dict[str, Any]) -> tuple[FetchQuery, dt.tzinfo | None]:
        start = _insert.timestamp_or_default(self.start, 0, "start")
        end = _insert.timestamp_or_default(self.end, _now_ms(), "end")
        if end <= start:
            raise ValueError(f"end ({end}) must be after start ({start})")
        aggregates = _aggregates(self.aggregates)
        check_type(self.granularity, str, "granularity")
        if aggregates and self.granularity is None:
            raise ValueError("granularity is required with aggregates")
        if self.granularity is not None and not aggregates:
            raise ValueError("granularity is only used with aggregates")
        if aggregates and self.include_outside_points:
            raise ValueError("include_outside_points is not supported with aggregates")
        if self.target_unit is not None and self.target_unit_system is not None:
            raise ValueError("Give at most one of target_unit and target_unit_system")
        for name in ("include_outside_points", "ignore_unknown_ids", "include_status", "ignore_bad_datapoints",
                     "treat_uncertain_as_bad"):  # fmt: skip
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name} must be a bool, got {getattr(self, name)!r}")
        tz_str, tz = _timezone(self.timezone)
        options: dict[str, Any] = {}
        if tz_str is not None:
            options["timeZone"] = tz_str
        if self.target_unit is not None:
            options["targetUnit"] = check_type(self.target_unit, str, "target_unit")
        if self.target_unit_system is not None:
            options["targetUnitSystem"] = check_type(self.target_unit_system, str, "target_unit_system")
        if self.include_status:
            options["includeStatus"] = True
        if not self.ignore_bad_datapoints:
            options["ignoreBadDataPoints"] = False
        if not self.treat_uncertain_as_bad:
            options["treatUncertainAsBad"] = False
        limit = check_limit(self.limit)
        query = FetchQuery(
            identifier, start, end, limit, aggregates, self.granularity, options,
            bool(self.include_outside_points), bool(self.ignore_unknown_ids),
        )  # fmt: skip
        return query, tz


def _now_ms() -> int:
    import time

    return time.time_ns() // 1_000_000


class DatapointsAPI(APIClient[Any, Any]):
    """Retrieve, insert and delete datapoints of time series.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import TimeSeriesWrite
        >>> with emulated_client() as client:
        ...     _ = client.time_series.create(TimeSeriesWrite(external_id="temp"))
        ...     client.time_series.data.insert([(0, 1.5), (1000, 2.5)], external_id="temp")
        ...     client.time_series.data.retrieve(external_id="temp", start=0, end=2000).value
        [1.5, 2.5]
    """

    synthetic: LazyAPI[SyntheticDatapointsAPI] = LazyAPI("cognite.client._api.datapoints:SyntheticDatapointsAPI")

    _RESOURCE_PATH = "/timeseries/data"
    _CATEGORY = "datapoints"
    #: Items per retrieve_latest request (``maxItems``).
    _LATEST_LIMIT = 100
    #: Ranges per delete request (``maxItems``).
    _DELETE_LIMIT = 10_000

    # ------------------------------------------------------------------------------------------ reading

    def _queries(
        self, id: Any, external_id: Any, instance_id: Any, settings: dict[str, Any]
    ) -> tuple[list[tuple[FetchQuery, dt.tzinfo | None, Any, bool]], bool]:
        """Expand the identifier arguments into fetch queries (with per-query settings); True for a single one."""
        given = [
            (v, kind)
            for v, kind in ((id, "id"), (external_id, "external_id"), (instance_id, "instance_id"))
            if v is not None
        ]
        if not given:
            raise ValueError("Give at least one of id, external_id and instance_id")
        single = len(given) == 1 and not isinstance(given[0][0], list | tuple)
        out = []
        for value, kind in given:
            for entry in value if isinstance(value, list | tuple) else [value]:
                merged = dict(settings)
                if isinstance(entry, DatapointsQuery):
                    ident = entry._identifier
                    merged.update(entry.settings())
                else:
                    expected = {"id": int, "external_id": str, "instance_id": _NodeId}[kind]
                    if isinstance(entry, bool) or not isinstance(entry, expected):
                        if kind == "instance_id" and isinstance(entry, tuple) and len(entry) == 2:
                            entry = _NodeId(*entry)
                        else:
                            raise TypeError(
                                f"{kind} must contain {expected.__name__} or DatapointsQuery, got {entry!r}"
                            )
                    ident = Identifier(entry)
                query, tz = _Settings(**merged).to_fetch(ident.as_dict())
                out.append((query, tz, ident.as_primitive(), bool(merged["include_status"])))
        return out, single

    async def _retrieve_series(
        self, id: Any, external_id: Any, instance_id: Any, settings: dict[str, Any], arrays: bool
    ) -> Any:
        if arrays:
            _require_numpy()
        queries, single = self._queries(id, external_id, instance_id, settings)
        use_numpy = _numpy_available()
        fetched = await fetch(self._http, [q for q, *_ in queries], self._max_workers("read"), use_numpy)
        results: list[Any] = []
        for res, (query, tz, ident, status) in zip(fetched, queries, strict=True):
            if res.missing or res.meta is None:
                continue
            if arrays:
                results.append(to_array(res, query, status, tz, ident))
            else:
                results.append(to_datapoints(res, query, status, tz, ident, use_numpy))
            res.pages = []  # joined: let the pieces go now, so peak memory stays near the size of the result
        if single:
            return results[0] if results else None
        return (DatapointsArrayList if arrays else DatapointsList)(results, cognite_client=self._cognite_client)

    @staticmethod
    def _settings(
        start: Any, end: Any, aggregates: Any, granularity: Any, timezone: Any, target_unit: Any,
        target_unit_system: Any, limit: Any, include_outside_points: Any, ignore_unknown_ids: Any,
        include_status: Any, ignore_bad_datapoints: Any, treat_uncertain_as_bad: Any,
    ) -> dict[str, Any]:  # fmt: skip
        return dict(
            start=start, end=end, aggregates=aggregates, granularity=granularity, timezone=timezone,
            target_unit=target_unit, target_unit_system=target_unit_system, limit=limit,
            include_outside_points=include_outside_points, ignore_unknown_ids=ignore_unknown_ids,
            include_status=include_status, ignore_bad_datapoints=ignore_bad_datapoints,
            treat_uncertain_as_bad=treat_uncertain_as_bad,
        )  # fmt: skip

    @overload
    async def retrieve(
        self, id: int | DatapointsQuery, external_id: None = None, instance_id: None = None,
        start: TimestampLike | None = None, end: TimestampLike | None = None, aggregates: AggInput | None = None,
        granularity: str | None = None, timezone: str | dt.tzinfo | None = None, target_unit: str | None = None,
        target_unit_system: str | None = None, limit: int | None = None, include_outside_points: bool = False,
        ignore_unknown_ids: bool = False, include_status: bool = False, ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> Datapoints | None: ...  # fmt: skip
    @overload
    async def retrieve(
        self, id: None = None, *, external_id: str | DatapointsQuery, instance_id: None = None,
        start: TimestampLike | None = None, end: TimestampLike | None = None, aggregates: AggInput | None = None,
        granularity: str | None = None, timezone: str | dt.tzinfo | None = None, target_unit: str | None = None,
        target_unit_system: str | None = None, limit: int | None = None, include_outside_points: bool = False,
        ignore_unknown_ids: bool = False, include_status: bool = False, ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> Datapoints | None: ...  # fmt: skip
    @overload
    async def retrieve(
        self, id: IdInput | None = None, external_id: XidInput | None = None, instance_id: IidInput | None = None,
        start: TimestampLike | None = None, end: TimestampLike | None = None, aggregates: AggInput | None = None,
        granularity: str | None = None, timezone: str | dt.tzinfo | None = None, target_unit: str | None = None,
        target_unit_system: str | None = None, limit: int | None = None, include_outside_points: bool = False,
        ignore_unknown_ids: bool = False, include_status: bool = False, ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> Datapoints | DatapointsList | None: ...  # fmt: skip
    async def retrieve(
        self,
        id: IdInput | None = None,
        external_id: XidInput | None = None,
        instance_id: IidInput | None = None,
        start: TimestampLike | None = None,
        end: TimestampLike | None = None,
        aggregates: AggInput | None = None,
        granularity: str | None = None,
        timezone: str | dt.tzinfo | None = None,
        target_unit: str | None = None,
        target_unit_system: str | None = None,
        limit: int | None = None,
        include_outside_points: bool = False,
        ignore_unknown_ids: bool = False,
        include_status: bool = False,
        ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> Datapoints | DatapointsList | None:
        """Retrieve raw datapoints or aggregates of one or more time series, as Python lists.

        Args:
            id: Id(s), or DatapointsQuery objects with their own settings.
            external_id: External id(s), or DatapointsQuery objects.
            instance_id: Instance id(s) (NodeId), or DatapointsQuery objects.
            start: Start, inclusive (ms, datetime or a string such as ``"2w-ago"``; default epoch 0).
            end: End, exclusive (default now).
            aggregates: Aggregate(s), e.g. ``"average"`` or ``["min", "max"]``.
            granularity: Granularity of the aggregates, e.g. ``"1h"``, ``"1mo"``.
            timezone: Time zone the aggregates align to (str or tzinfo).
            target_unit: Unit to convert to.
            target_unit_system: Unit system to convert to.
            limit: Most datapoints per series (None: all).
            include_outside_points: Add the datapoints just before and after the range (raw only).
            ignore_unknown_ids: Leave out series that do not exist instead of raising.
            include_status: Include status codes and symbols.
            ignore_bad_datapoints: Leave out bad datapoints.
            treat_uncertain_as_bad: Treat uncertain datapoints as bad.

        Returns:
            Datapoints for one identifier (None if unknown and ignored), DatapointsList for several, in order.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.insert([(i * 1000, float(i)) for i in range(10)], external_id="a")
            ...     client.time_series.data.retrieve(external_id="a", start=0, end=10_000, aggregates="sum", granularity="5s").sum
            [10.0, 35.0]
        """
        settings = self._settings(
            start, end, aggregates, granularity, timezone, target_unit, target_unit_system, limit,
            include_outside_points, ignore_unknown_ids, include_status, ignore_bad_datapoints, treat_uncertain_as_bad,
        )  # fmt: skip
        return await self._retrieve_series(id, external_id, instance_id, settings, arrays=False)  # type: ignore[no-any-return]

    @overload
    async def retrieve_arrays(
        self, id: int | DatapointsQuery, external_id: None = None, instance_id: None = None,
        start: TimestampLike | None = None, end: TimestampLike | None = None, aggregates: AggInput | None = None,
        granularity: str | None = None, timezone: str | dt.tzinfo | None = None, target_unit: str | None = None,
        target_unit_system: str | None = None, limit: int | None = None, include_outside_points: bool = False,
        ignore_unknown_ids: bool = False, include_status: bool = False, ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> DatapointsArray | None: ...  # fmt: skip
    @overload
    async def retrieve_arrays(
        self, id: None = None, *, external_id: str | DatapointsQuery, instance_id: None = None,
        start: TimestampLike | None = None, end: TimestampLike | None = None, aggregates: AggInput | None = None,
        granularity: str | None = None, timezone: str | dt.tzinfo | None = None, target_unit: str | None = None,
        target_unit_system: str | None = None, limit: int | None = None, include_outside_points: bool = False,
        ignore_unknown_ids: bool = False, include_status: bool = False, ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> DatapointsArray | None: ...  # fmt: skip
    @overload
    async def retrieve_arrays(
        self, id: IdInput | None = None, external_id: XidInput | None = None, instance_id: IidInput | None = None,
        start: TimestampLike | None = None, end: TimestampLike | None = None, aggregates: AggInput | None = None,
        granularity: str | None = None, timezone: str | dt.tzinfo | None = None, target_unit: str | None = None,
        target_unit_system: str | None = None, limit: int | None = None, include_outside_points: bool = False,
        ignore_unknown_ids: bool = False, include_status: bool = False, ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> DatapointsArray | DatapointsArrayList | None: ...  # fmt: skip
    async def retrieve_arrays(
        self,
        id: IdInput | None = None,
        external_id: XidInput | None = None,
        instance_id: IidInput | None = None,
        start: TimestampLike | None = None,
        end: TimestampLike | None = None,
        aggregates: AggInput | None = None,
        granularity: str | None = None,
        timezone: str | dt.tzinfo | None = None,
        target_unit: str | None = None,
        target_unit_system: str | None = None,
        limit: int | None = None,
        include_outside_points: bool = False,
        ignore_unknown_ids: bool = False,
        include_status: bool = False,
        ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
    ) -> DatapointsArray | DatapointsArrayList | None:
        """Retrieve datapoints as numpy arrays (the fastest way; needs numpy). Arguments as for ``retrieve``.

        Args:
            id: Id(s), or DatapointsQuery objects with their own settings.
            external_id: External id(s), or DatapointsQuery objects.
            instance_id: Instance id(s) (NodeId), or DatapointsQuery objects.
            start: Start, inclusive (default epoch 0).
            end: End, exclusive (default now).
            aggregates: Aggregate(s).
            granularity: Granularity of the aggregates.
            timezone: Time zone the aggregates align to.
            target_unit: Unit to convert to.
            target_unit_system: Unit system to convert to.
            limit: Most datapoints per series (None: all).
            include_outside_points: Add the datapoints just before and after the range (raw only).
            ignore_unknown_ids: Leave out series that do not exist instead of raising.
            include_status: Include status codes and symbols.
            ignore_bad_datapoints: Leave out bad datapoints.
            treat_uncertain_as_bad: Treat uncertain datapoints as bad.

        Returns:
            DatapointsArray for one identifier (None if unknown and ignored), DatapointsArrayList for several.

        Raises:
            CogniteImportError: numpy is not installed.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.insert([(0, 1.0), (1000, 3.0)], external_id="a")
            ...     float(client.time_series.data.retrieve_arrays(external_id="a", start=0, end=2000).value.mean())
            2.0
        """
        settings = self._settings(
            start, end, aggregates, granularity, timezone, target_unit, target_unit_system, limit,
            include_outside_points, ignore_unknown_ids, include_status, ignore_bad_datapoints, treat_uncertain_as_bad,
        )  # fmt: skip
        return await self._retrieve_series(id, external_id, instance_id, settings, arrays=True)  # type: ignore[no-any-return]

    async def retrieve_dataframe(
        self,
        id: IdInput | None = None,
        external_id: XidInput | None = None,
        instance_id: IidInput | None = None,
        start: TimestampLike | None = None,
        end: TimestampLike | None = None,
        aggregates: AggInput | None = None,
        granularity: str | None = None,
        timezone: str | dt.tzinfo | None = None,
        target_unit: str | None = None,
        target_unit_system: str | None = None,
        limit: int | None = None,
        include_outside_points: bool = False,
        ignore_unknown_ids: bool = False,
        ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
        uniform_index: bool = False,
        include_status: bool = False,
        include_unit: bool = True,
        include_aggregate_name: bool = True,
        include_granularity_name: bool = False,
        include_numeric_states: bool = True,
        include_string_states: bool = True,
        expand_state_aggregates: bool = True,
    ) -> pandas.DataFrame:
        """Retrieve datapoints as one pandas DataFrame indexed by time (needs pandas).

        The columns are a MultiIndex: the identifier itself (int id, str external id or NodeId), then aggregate,
        granularity, status and unit levels, each dropped when it carries nothing.

        State time series: raw datapoints give the columns ``numeric_state`` (``Int64``, missing where a bad datapoint
        has no state) and ``string_state``, in the aggregate level (kept whenever a series has both). The aggregates
        ``state_count``, ``state_transitions`` and ``state_duration`` give one integer column per state that occurs
        in the result, ``<aggregate>_<numeric state>`` (e.g. ``state_count_1``, 0 where the state is not listed in a
        bucket); without ``expand_state_aggregates``, one column per aggregate holding the per-bucket lists of
        StateCount / StateTransition / StateDuration.

        Args:
            id: Id(s), or DatapointsQuery objects.
            external_id: External id(s), or DatapointsQuery objects.
            instance_id: Instance id(s), or DatapointsQuery objects.
            start: Start, inclusive.
            end: End, exclusive.
            aggregates: Aggregate(s).
            granularity: Granularity of the aggregates.
            timezone: Time zone; the index is converted to it.
            target_unit: Unit to convert to.
            target_unit_system: Unit system to convert to.
            limit: Most datapoints per series.
            include_outside_points: Add the datapoints just before and after the range.
            ignore_unknown_ids: Leave out series that do not exist.
            ignore_bad_datapoints: Leave out bad datapoints.
            treat_uncertain_as_bad: Treat uncertain datapoints as bad.
            uniform_index: Reindex aggregates to every bucket from the first to the last (fixed granularities).
            include_status: Add status code columns.
            include_unit: Add a unit level when a series has a unit.
            include_aggregate_name: Keep the aggregate level.
            include_granularity_name: Add a granularity level.
            include_numeric_states: Add the numeric states column (raw datapoints of state time series).
            include_string_states: Add the string states column (raw datapoints of state time series).
            expand_state_aggregates: One column per state and state aggregate (see above).

        Returns:
            The DataFrame.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.insert([(0, 1.0), (1000, 3.0)], external_id="a")
            ...     client.time_series.data.retrieve_dataframe(external_id="a", start=0, end=2000).shape
            (2, 1)
        """
        from cognite.client.data_classes._base import _import_pandas

        pd = _import_pandas()
        settings = self._settings(
            start, end, aggregates, granularity, timezone, target_unit, target_unit_system, limit,
            include_outside_points, ignore_unknown_ids, include_status, ignore_bad_datapoints, treat_uncertain_as_bad,
        )  # fmt: skip
        result = await self._retrieve_series(id, external_id, instance_id, settings, arrays=True)
        if result is None:
            return pd.DataFrame()
        items = result if isinstance(result, DatapointsArrayList) else DatapointsArrayList([result])
        df = items.to_pandas(
            include_aggregate_name, include_granularity_name, include_status, include_unit,
            include_numeric_states=include_numeric_states, include_string_states=include_string_states,
            expand_state_aggregates=expand_state_aggregates,
        )  # fmt: skip
        if uniform_index and aggregates is not None and granularity is not None and len(df):
            from cognite.client.utils._time import granularity_to_ms

            step = pd.Timedelta(milliseconds=granularity_to_ms(granularity))
            df = df.reindex(pd.date_range(df.index[0], df.index[-1], freq=step))
        _, tz = _timezone(timezone)
        if tz is not None:
            df.index = df.index.tz_localize("UTC").tz_convert(tz)
        return df

    def __call__(
        self,
        queries: DatapointsQuery | Sequence[DatapointsQuery],
        chunk_size_datapoints: int = 100_000,
        chunk_size_time_series: int | None = None,
        return_arrays: bool = True,
    ) -> AsyncIterator[DatapointsArray | DatapointsArrayList | Datapoints | DatapointsList]:
        """Iterate over datapoints in chunks (memory stays bounded: one chunk at a time).

        Args:
            queries: The queries (each a DatapointsQuery; its limit, if any, caps that series).
            chunk_size_datapoints: Most datapoints per series per chunk (at most 100,000).
            chunk_size_time_series: Series per chunk: None yields one series at a time (DatapointsArray or
                Datapoints); a number yields lists of up to that many series.
            return_arrays: Yield numpy-backed objects (True) or Python lists (False).

        Returns:
            An async iterator of chunks.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> from cognite.client.data_classes.datapoints import DatapointsQuery
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.insert([(i, float(i)) for i in range(25)], external_id="a")
            ...     [len(c) for c in client.time_series.data(DatapointsQuery(external_id="a", start=0, end=25), chunk_size_datapoints=10)]
            [10, 10, 5]
        """
        items = [queries] if isinstance(queries, DatapointsQuery) else list(queries)
        if not items or any(not isinstance(q, DatapointsQuery) for q in items):
            raise TypeError("queries must be a DatapointsQuery or a non-empty list of them")
        if (
            isinstance(chunk_size_datapoints, bool)
            or not isinstance(chunk_size_datapoints, int)
            or not 1 <= chunk_size_datapoints <= 100_000
        ):
            raise ValueError(
                f"chunk_size_datapoints must be an int between 1 and 100000, got {chunk_size_datapoints!r}"
            )
        if chunk_size_time_series is not None and (
            isinstance(chunk_size_time_series, bool)
            or not isinstance(chunk_size_time_series, int)
            or chunk_size_time_series < 1
        ):
            raise ValueError(f"chunk_size_time_series must be a positive int or None, got {chunk_size_time_series!r}")
        if return_arrays:
            _require_numpy()
        return self._iterate(items, chunk_size_datapoints, chunk_size_time_series, return_arrays)

    async def _iterate(
        self, items: list[DatapointsQuery], chunk_dps: int, chunk_ts: int | None, arrays: bool
    ) -> AsyncIterator[Any]:
        defaults = self._settings(None, None, None, None, None, None, None, None, False, False, False, True, True)
        group_size = chunk_ts or 1
        for group in chunks(items, group_size):
            state: list[list[Any]] = []
            for q in group:
                merged = {**defaults, **q.settings()}
                fq, tz = _Settings(**merged).to_fetch(q._identifier.as_dict())
                state.append([fq, tz, q.identifier, bool(merged["include_status"]), fq.limit])
            while state:
                round_queries = []
                for fq, _, _, _, remaining in state:
                    size = chunk_dps if remaining is None else min(chunk_dps, remaining)
                    round_queries.append(FetchQuery(
                        fq.identifier, fq.start, fq.end, size, fq.aggregates, fq.granularity, fq.options,
                        False, fq.ignore_unknown_ids,
                    ))  # fmt: skip
                fetched = await self._fetch_pages(round_queries)
                out: list[Any] = []
                still: list[list[Any]] = []
                for res, st, rq in zip(fetched, state, round_queries, strict=True):
                    if res.missing or res.meta is None:
                        continue
                    obj = (to_array if arrays else _to_dps)(res, rq, st[3], st[1], st[2])
                    if len(obj):
                        out.append(obj)
                    step = 1
                    if rq.aggregates and rq.granularity:
                        from cognite.client.utils._time import granularity_to_ms

                        step = granularity_to_ms(rq.granularity, allow_calendar=True)
                    n = len(obj)
                    remaining = None if st[4] is None else st[4] - n
                    if n == rq.limit and remaining != 0:
                        last = int(obj.timestamp[-1].astype("int64")) if arrays else obj.timestamp[-1]
                        st[0] = FetchQuery(
                            rq.identifier, last + step, rq.end, st[0].limit, rq.aggregates, rq.granularity,
                            rq.options, False, rq.ignore_unknown_ids,
                        )  # fmt: skip
                        st[4] = remaining
                        if st[0].start < st[0].end:
                            still.append(st)
                state = still
                if not out:
                    continue
                if chunk_ts is None:
                    for obj in out:
                        yield obj
                else:
                    yield (DatapointsArrayList if arrays else DatapointsList)(out, cognite_client=self._cognite_client)

    async def _fetch_pages(self, queries: list[FetchQuery]) -> list[Any]:
        """One page per query (the fetch plan of ``retrieve`` with every limit a chunk)."""
        return await fetch(self._http, queries, self._max_workers("read"), _numpy_available())

    async def retrieve_latest(
        self,
        id: int | LatestDatapointQuery | Sequence[int | LatestDatapointQuery] | None = None,
        external_id: str | LatestDatapointQuery | Sequence[str | LatestDatapointQuery] | None = None,
        instance_id: NodeId | LatestDatapointQuery | Sequence[NodeId | LatestDatapointQuery] | None = None,
        before: TimestampLike | None = None,
        target_unit: str | None = None,
        target_unit_system: str | None = None,
        include_status: bool = False,
        ignore_bad_datapoints: bool = True,
        treat_uncertain_as_bad: bool = True,
        ignore_unknown_ids: bool = False,
    ) -> LatestDatapoint | LatestDatapointList | None:
        """Retrieve the latest datapoint of one or more time series (before a time, if given).

        Args:
            id: Id(s), or LatestDatapointQuery objects with their own settings.
            external_id: External id(s), or LatestDatapointQuery objects.
            instance_id: Instance id(s), or LatestDatapointQuery objects.
            before: Latest datapoint before this time (ms, datetime or string such as ``"2d-ago"``; default now).
            target_unit: Unit to convert to.
            target_unit_system: Unit system to convert to.
            include_status: Include the status code.
            ignore_bad_datapoints: Skip bad datapoints.
            treat_uncertain_as_bad: Treat uncertain datapoints as bad.
            ignore_unknown_ids: Leave out series that do not exist instead of raising.

        Returns:
            LatestDatapoint for one identifier (falsy when it has no datapoint; None if unknown and ignored), else a
            LatestDatapointList.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.insert([(0, 1.0), (1000, 3.0)], external_id="a")
            ...     client.time_series.data.retrieve_latest(external_id="a").value
            3.0
        """
        given = [
            (v, k) for v, k in ((id, "id"), (external_id, "external_id"), (instance_id, "instance_id")) if v is not None
        ]
        if not given:
            raise ValueError("Give at least one of id, external_id and instance_id")
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        single = len(given) == 1 and not isinstance(given[0][0], list | tuple)
        items: list[dict[str, Any]] = []
        befores: list[Any] = []
        for value, kind in given:
            for entry in value if isinstance(value, list | tuple) else [value]:
                q = entry if isinstance(entry, LatestDatapointQuery) else _latest_query(kind, entry)
                item: dict[str, Any] = dict(q._identifier.as_dict())
                b = q.before if q.before is not None else before
                if b is not None:
                    item["before"] = str(_insert.timestamp_or_default(b, 0, "before"))
                for key, mine, call in (
                    ("targetUnit", q.target_unit, target_unit),
                    ("targetUnitSystem", q.target_unit_system, target_unit_system),
                    ("includeStatus", q.include_status, include_status),
                    ("ignoreBadDataPoints", q.ignore_bad_datapoints, ignore_bad_datapoints),
                    ("treatUncertainAsBad", q.treat_uncertain_as_bad, treat_uncertain_as_bad),
                ):
                    val = mine if mine is not None else call
                    if val is not None:
                        item[key] = val
                items.append(item)
                befores.append(b)
        body_chunks = chunks(items, self._LATEST_LIMIT)
        bodies = [{"items": list(c), "ignoreUnknownIds": ignore_unknown_ids} for c in body_chunks]
        responses = await self._post_concurrently("/timeseries/data/latest", bodies, operation="read")
        import msgspec

        found = [item for r in responses for item in msgspec.json.decode(r.content)["items"]]
        results = _match_latest(items, befores, found)
        if single:
            return results[0] if results else None
        return LatestDatapointList(results, cognite_client=self._cognite_client)

    # ------------------------------------------------------------------------------------------ writing

    async def _insert_items(self, items: list[_insert.InsertItem]) -> None:
        requests = _insert.plan_requests([it for it in items if len(it)])
        if not requests:
            return
        use_protobuf = _numpy_available()

        def task(request: list[_insert.InsertItem]) -> Any:
            async def run() -> None:
                content, body = _insert.encode_request(request, use_protobuf)
                headers = {"content-type": "application/protobuf"} if content is not None else None
                await self._http.request(
                    "POST", "/timeseries/data", json=body, content=content, headers=headers,
                    category=self._CATEGORY, retryable=True,
                )  # fmt: skip

            return run

        outcome = await execute([task(r) for r in requests], self._max_workers("write"))
        raise_if_failed(outcome, requests, unwrap=lambda it: it.describe())

    async def insert(
        self,
        datapoints: Datapoints | DatapointsArray | Sequence[dict[str, Any]] | Sequence[tuple[Any, ...]],
        id: int | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
    ) -> None:
        """Insert datapoints into one time series (chunked by the API's limits, chunks sent concurrently).

        Args:
            datapoints: ``(timestamp, value)`` or ``(timestamp, value, status code)`` tuples, dicts with
                ``timestamp``/``value`` (and ``status_code``/``status_symbol``), a Datapoints or a DatapointsArray.
            id: The id of the time series.
            external_id: The external id.
            instance_id: The instance id.

        Raises:
            CogniteAPIError: Some requests failed; ``successful``, ``failed`` and ``unknown`` describe the chunks
                (identifier, count, first and last timestamp).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.insert([{"timestamp": 0, "value": 1.0}], external_id="a")
        """
        ident = Identifier.of_either(id, external_id, instance_id)
        await self._insert_items([_insert.columns_of(datapoints, ident.as_dict())])

    async def insert_multiple(self, datapoints: list[dict[str, Any]] | list[Datapoints | DatapointsArray]) -> None:
        """Insert datapoints into several time series in as few requests as the limits allow.

        Args:
            datapoints: Dicts with ``id``, ``external_id`` or ``instance_id`` and ``datapoints`` (as for ``insert``),
                or Datapoints/DatapointsArray objects (their own identifiers are used).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create([TimeSeriesWrite(external_id="a"), TimeSeriesWrite(external_id="b")])
            ...     client.time_series.data.insert_multiple([
            ...         {"external_id": "a", "datapoints": [(0, 1.0)]}, {"external_id": "b", "datapoints": [(0, 2.0)]}])
        """
        if not isinstance(datapoints, list):
            raise TypeError(f"datapoints must be a list, not {type(datapoints).__name__}")
        items = []
        for entry in datapoints:
            if isinstance(entry, Datapoints | DatapointsArray):
                ident = Identifier.of_either(
                    entry.id, None if entry.id is not None else entry.external_id,
                    None if entry.id is not None or entry.external_id is not None else entry.instance_id,
                )  # fmt: skip
                items.append(_insert.columns_of(entry, ident.as_dict()))
                continue
            if not isinstance(entry, dict) or "datapoints" not in entry:
                raise ValueError(f"Each entry must be a dict with an identifier and 'datapoints', got {entry!r}")
            iid = entry.get("instance_id", entry.get("instanceId"))
            ident = Identifier.of_either(entry.get("id"), entry.get("external_id", entry.get("externalId")), iid)
            items.append(_insert.columns_of(entry["datapoints"], ident.as_dict()))
        await self._insert_items(items)

    async def insert_dataframe(self, df: pandas.DataFrame, dropna: bool = True) -> None:
        """Insert the columns of a DataFrame indexed by time; column labels are the identifiers (int: id,
        str: external id, NodeId: instance id).

        Args:
            df: The DataFrame (a DatetimeIndex, or an integer index of ms).
            dropna: Leave out missing values (NaN) instead of failing.

        Example:
            >>> import pandas as pd
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     df = pd.DataFrame({"a": [1.0, 2.0]}, index=pd.to_datetime([0, 1000], unit="ms"))
            ...     client.time_series.data.insert_dataframe(df)
        """
        import numpy as np

        from cognite.client.data_classes._base import _import_pandas

        pd = _import_pandas()
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"df must be a pandas DataFrame, not {type(df).__name__}")
        index = df.index
        if isinstance(index, pd.DatetimeIndex):
            if index.tz is not None:
                index = index.tz_convert("UTC").tz_localize(None)
            ts = index.to_numpy().astype("datetime64[ms]").view("int64")
        elif pd.api.types.is_integer_dtype(index):
            ts = index.to_numpy().astype(np.int64)
        else:
            raise ValueError("df must have a DatetimeIndex or an integer index of ms since epoch")
        items = []
        for label in df.columns:
            if isinstance(label, tuple) and len(label) >= 1 and not isinstance(label, _NodeId):
                label = label[0]
            ident = Identifier(label)
            col = df[label]
            values = col.to_numpy()
            mask = pd.notna(values)
            if not mask.all() and not dropna:
                raise ValueError(f"Column {label!r} has missing values; pass dropna=True to leave them out")
            is_string = values.dtype == object and any(isinstance(v, str) for v in values[mask])
            vals = values[mask] if is_string else values[mask].astype(np.float64)
            items.append(_insert.InsertItem(ident.as_dict(), ts[mask], vals, None, None, bool(is_string)))
        await self._insert_items(items)

    async def insert_states(self, items: StateDatapointsInsert | Sequence[StateDatapointsInsert]) -> None:
        """Insert datapoints into state time series (by instance id), chunked and sent like ``insert``.

        A state datapoint names one state of the series' state set by ``numeric_value``, ``string_value`` or both
        (they must be the same state), or has no state and a bad status.

        Args:
            items: One StateDatapointsInsert per state time series.

        Raises:
            ValueError: A datapoint has no state and no bad status (nothing is sent).
            CogniteAPIError: Some requests failed (e.g. a value that is not in the state set); ``successful``,
                ``failed`` and ``unknown`` describe the chunks.

        Example:
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> from cognite.client.data_classes.datapoints import StateDatapointsInsert, StateDatapointWrite
            >>> from cognite.client.data_classes.data_modeling.ids import NodeId
            >>> emulator = CDFEmulator()
            >>> valve = NodeId("plant", "valve")
            >>> _ = emulator.seed_state_time_series(valve, states=[(0, "closed"), (1, "open")])
            >>> with emulated_client(emulator=emulator) as client:
            ...     client.time_series.data.insert_states(StateDatapointsInsert(valve, [
            ...         StateDatapointWrite(0, numeric_value=1), StateDatapointWrite(1000, string_value="closed")]))
            ...     dps = client.time_series.data.retrieve(instance_id=valve, start=0, end=2000)
            ...     dps.numeric_states, dps.string_states
            ([1, 0], ['open', 'closed'])
        """
        entries = [items] if isinstance(items, StateDatapointsInsert) else list(items)
        if any(not isinstance(e, StateDatapointsInsert) for e in entries):
            raise TypeError("items must be StateDatapointsInsert objects")
        await self._insert_items([_insert.StateInsertItem.of(e) for e in entries if e.datapoints])

    async def delete_range(
        self,
        start: TimestampLike,
        end: TimestampLike,
        id: int | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
    ) -> None:
        """Delete the datapoints of one time series in ``[start, end)``.

        Args:
            start: Start, inclusive (ms, datetime or string such as ``"2d-ago"``).
            end: End, exclusive.
            id: The id.
            external_id: The external id.
            instance_id: The instance id.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.insert([(0, 1.0), (1000, 3.0)], external_id="a")
            ...     client.time_series.data.delete_range(0, 1000, external_id="a")
            ...     len(client.time_series.data.retrieve(external_id="a", start=0, end=2000))
            1
        """
        ident = Identifier.of_either(id, external_id, instance_id)
        await self.delete_ranges([{ident.name(): ident.as_primitive(), "start": start, "end": end}])

    async def delete_ranges(self, ranges: list[dict[str, Any]]) -> None:
        """Delete datapoints in several ranges, of one or more time series.

        Args:
            ranges: Dicts with ``id``, ``external_id`` or ``instance_id`` and ``start``/``end``.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.delete_ranges([{"external_id": "a", "start": 0, "end": "now"}])
        """
        if not isinstance(ranges, list):
            raise TypeError(f"ranges must be a list of dicts, not {type(ranges).__name__}")
        items = []
        for r in ranges:
            if not isinstance(r, dict) or "start" not in r or "end" not in r:
                raise ValueError(f"Each range needs an identifier, 'start' and 'end', got {r!r}")
            ident = Identifier.of_either(r.get("id"), r.get("external_id", r.get("externalId")), r.get("instance_id"))
            start = _insert.timestamp_or_default(r["start"], 0, "start")
            end = _insert.timestamp_or_default(r["end"], 0, "end")
            if end <= start:
                raise ValueError(f"end ({end}) must be after start ({start})")
            items.append({**ident.as_dict(), "inclusiveBegin": start, "exclusiveEnd": end})
        bodies = [{"items": list(c)} for c in chunks(items, self._DELETE_LIMIT)]
        await self._post_concurrently(
            "/timeseries/data/delete", bodies, operation="delete", reported=[list(c["items"]) for c in bodies]
        )


def _latest_query(kind: str, value: Any) -> LatestDatapointQuery:
    expected: type = {"id": int, "external_id": str, "instance_id": _NodeId}[kind]
    if isinstance(value, bool) or not isinstance(value, expected):
        raise TypeError(f"{kind} must contain {expected.__name__} or LatestDatapointQuery, got {value!r}")
    checked: Any = value
    if kind == "id":
        return LatestDatapointQuery(id=checked)
    if kind == "external_id":
        return LatestDatapointQuery(external_id=checked)
    return LatestDatapointQuery(instance_id=checked)


def _to_dps(res: Any, query: FetchQuery, status: bool, tz: Any, ident: Any) -> Datapoints:
    return to_datapoints(res, query, status, tz, ident, _numpy_available())


def _match_latest(
    items: list[dict[str, Any]], befores: list[Any], found: list[dict[str, Any]]
) -> list[LatestDatapoint]:
    """Pair the answers with the items asked for (answers are in order; unknown ones are left out)."""
    out = []
    k = 0
    for item, before in zip(items, befores, strict=True):
        if k >= len(found):
            break
        got = found[k]
        if "id" in item:
            ok = got.get("id") == item["id"]
        elif "externalId" in item:
            ok = got.get("externalId") == item["externalId"]
        else:
            ok = got.get("instanceId") == item["instanceId"]
        if ok:
            out.append(LatestDatapoint._load(got, before))
            k += 1
    return out


class SyntheticDatapointsAPI(APIClient[Any, Any]):
    """Query synthetic time series: expressions over time series (``client.time_series.data.synthetic``)."""

    _CATEGORY = "datapoints"
    _QUERY_LIMIT = 10_000  # datapoints per expression per request
    _ITEMS = 10  # expressions per request

    @overload
    async def query(
        self, expressions: str, start: TimestampLike, end: TimestampLike, limit: int | None = None,
        variables: dict[str, Any] | None = None, aggregate: str | None = None, granularity: str | None = None,
        target_unit: str | None = None, target_unit_system: str | None = None, timezone: str | dt.tzinfo | None = None,
    ) -> SyntheticDatapoints: ...  # fmt: skip
    @overload
    async def query(
        self, expressions: SequenceNotStr[str], start: TimestampLike, end: TimestampLike, limit: int | None = None,
        variables: dict[str, Any] | None = None, aggregate: str | None = None, granularity: str | None = None,
        target_unit: str | None = None, target_unit_system: str | None = None, timezone: str | dt.tzinfo | None = None,
    ) -> SyntheticDatapointsList: ...  # fmt: skip
    async def query(
        self,
        expressions: str | SequenceNotStr[str],
        start: TimestampLike,
        end: TimestampLike,
        limit: int | None = None,
        variables: dict[str, Any] | None = None,
        aggregate: str | None = None,
        granularity: str | None = None,
        target_unit: str | None = None,
        target_unit_system: str | None = None,
        timezone: str | dt.tzinfo | None = None,
    ) -> SyntheticDatapoints | SyntheticDatapointsList:
        """Evaluate synthetic time series expressions (pages of 10,000 datapoints are followed up to ``limit``).

        Args:
            expressions: An expression such as ``"ts{externalId='a'} * 2"``, or a list of them.
            start: Start, inclusive.
            end: End, exclusive.
            limit: Most datapoints per expression (None: all).
            variables: Names used in the expressions -> time series (external id str, id int, NodeId or a
                TimeSeries); ``"A + B"`` with ``{"A": "a", "B": 1}`` becomes ``ts{externalId='a'} + ts{id=1}``.
            aggregate: Aggregate of the variables' time series (with ``granularity``).
            granularity: Granularity of that aggregate.
            target_unit: Unit of the variables' time series.
            target_unit_system: Unit system of the variables' time series.
            timezone: Time zone of the query.

        Returns:
            SyntheticDatapoints for one expression, a SyntheticDatapointsList for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import TimeSeriesWrite
            >>> with emulated_client() as client:
            ...     _ = client.time_series.create(TimeSeriesWrite(external_id="a"))
            ...     client.time_series.data.insert([(0, 1.0), (1000, 3.0)], external_id="a")
            ...     client.time_series.data.synthetic.query("A * 2", start=0, end=2000, variables={"A": "a"}).value
            [2.0, 6.0]
        """
        single = isinstance(expressions, str)
        exprs = [expressions] if isinstance(expressions, str) else list(expressions)
        if not exprs or any(not isinstance(e, str) for e in exprs):
            raise TypeError("expressions must be a str or a non-empty list of str")
        if (aggregate is None) != (granularity is None):
            raise ValueError("aggregate and granularity must be given together")
        max_total = check_limit(limit)
        start_ms = _insert.timestamp_or_default(start, 0, "start")
        end_ms = _insert.timestamp_or_default(end, 0, "end")
        tz_str, tz = _timezone(timezone)
        options = {"aggregate": aggregate, "granularity": granularity, "targetUnit": target_unit,
                   "targetUnitSystem": target_unit_system}  # fmt: skip
        exprs = [_substitute(e, variables or {}, options) for e in exprs]
        results = []
        for expr in exprs:
            ts: list[int] = []
            values: list[Any] = []
            errors: list[Any] = []
            cursor = start_ms
            while cursor < end_ms and (max_total is None or len(ts) < max_total):
                want = self._QUERY_LIMIT if max_total is None else min(self._QUERY_LIMIT, max_total - len(ts))
                item: dict[str, Any] = {"expression": expr, "start": cursor, "end": end_ms, "limit": want}
                if tz_str is not None:
                    item["timeZone"] = tz_str
                resp = await self._post("/timeseries/synthetic/query", json={"items": [item]})
                import msgspec

                points = msgspec.json.decode(resp.content)["items"][0]["datapoints"]
                for p in points:
                    ts.append(p["timestamp"])
                    values.append(p.get("value"))
                    errors.append(p.get("error"))
                if len(points) < want:
                    break
                cursor = points[-1]["timestamp"] + 1
            results.append(SyntheticDatapoints(expr, ts, values, errors, False, tz))
        return results[0] if single else SyntheticDatapointsList(results, cognite_client=self._cognite_client)


def _substitute(expression: str, variables: dict[str, Any], options: dict[str, Any]) -> str:
    """Replace variable names in an expression by ``ts{...}`` references."""
    import re

    if not variables:
        return expression
    extra = "".join(f", {k}='{v}'" for k, v in options.items() if v is not None)

    def ref(value: Any) -> str:
        if hasattr(value, "external_id") and not isinstance(value, _NodeId) and getattr(value, "id", None) is not None:
            value = value.id
        if isinstance(value, bool):
            raise TypeError(f"Invalid variable value {value!r}")
        if isinstance(value, int):
            return f"ts{{id={value}{extra}}}"
        if isinstance(value, str):
            return f"ts{{externalId='{value}'{extra}}}"
        if isinstance(value, _NodeId):
            return f"ts{{space='{value.space}', externalId='{value.external_id}'{extra}}}"
        raise TypeError(f"Invalid variable value {value!r}: expected an external id, id, NodeId or TimeSeries")

    names = sorted(variables, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    return pattern.sub(lambda m: ref(variables[m.group(1)]), expression)
