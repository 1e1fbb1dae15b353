"""Datapoints data classes: single datapoints, columns of datapoints (Python lists or numpy arrays), latest
datapoints, queries, state datapoints and synthetic datapoints.

- :class:`Datapoints` holds one series as Python lists (numpy not needed); :class:`DatapointsArray` holds numpy
  arrays (``timestamp`` as ``datetime64[ms]``). Both index to a :class:`Datapoint` and slice to their own kind.
- :class:`DatapointsList` / :class:`DatapointsArrayList` keep the order asked for and look series up with
  ``get(id=..)``, ``get(external_id=..)`` or ``get(instance_id=..)``.
- ``to_pandas`` gives a frame indexed by time whose columns are a ``MultiIndex``: the identifier object itself
  (int id, str external id or ``NodeId``), then aggregate, granularity, status and unit levels, each dropped when it
  carries nothing.
- State time series (``type == "state"``, :meth:`Datapoints.is_state`): raw datapoints have ``numeric_states`` and
  ``string_states`` instead of ``value``; aggregates have ``state_count``, ``state_transitions`` and
  ``state_duration``: per bucket, a list of :class:`StateCount` (:class:`StateTransition`, :class:`StateDuration`)
  with one entry per state listed, next to the count and duration aggregates. In a frame, the raw states are the
  columns ``numeric_state`` (nullable ``Int64`` when a bad datapoint has no state) and ``string_state`` of the
  aggregate level (kept whenever a series has both, even without ``include_aggregate_name``). A state aggregate is one
  column of those lists, or with ``expand_state_aggregates`` one integer column per state that occurs in the result,
  named ``<aggregate>_<numeric state>`` (``state_count_1``; 0 where the state is not listed in a bucket).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import msgspec
from typing_extensions import Self

from cognite.client.data_classes._base import (
    CogniteResource,
    CogniteResourceList,
    IdTransformerMixin,
    _import_pandas,
)
from cognite.client.data_classes.data_modeling.ids import InstanceId, NodeId
from cognite.client.data_classes.datapoint_aggregates import (
    ALL_SORTED_DP_AGGS,
    OBJECT_AGGREGATES,
    STATE_AGGREGATES,
    to_snake_aggregate,
)
from cognite.client.utils._time import ms_to_datetime

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "CogniteResourceListWithClientRef",
    "Datapoint",
    "Datapoints",
    "DatapointsArray",
    "DatapointsArrayList",
    "DatapointsList",
    "DatapointsQuery",
    "IdTransformerMixin",
    "Identifier",
    "InstanceId",
    "LatestDatapoint",
    "LatestDatapointList",
    "LatestDatapointQuery",
    "MaxDatapoint",
    "MaxDatapointWithStatus",
    "MaxOrMinDatapoint",
    "MinDatapoint",
    "MinDatapointWithStatus",
    "NodeId",
    "StateCount",
    "StateDatapointWrite",
    "StateDatapointsInsert",
    "StateDuration",
    "StateTransition",
    "StatusCode",
    "SyntheticDatapoints",
    "SyntheticDatapointsList",
]

_META = ("id", "external_id", "instance_id", "is_string", "is_step", "type", "unit", "unit_external_id", "granularity")
_STATE_COLUMNS = ("numeric_states", "string_states", "state_count", "state_transitions", "state_duration")
#: The frame columns of raw state datapoints (values of the aggregate level).
_RAW_STATE_FRAME_COLUMNS = ("numeric_state", "string_state")
#: What a frame shows of state series: ``(include_numeric_states, include_string_states, expand_state_aggregates)``.
_StateFrame = tuple[bool, bool, bool]
_ALL_STATES: _StateFrame = (True, True, True)


class StatusCode(enum.IntEnum):
    """The three status code categories of a datapoint (the top two bits of the 32-bit code)."""

    Good = 0
    Uncertain = 0x40000000
    Bad = 0x80000000


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


# ---------------------------------------------------------------------------------------------- identifiers


class Identifier:
    """One time series identifier: an id (int), an external id (str) or an instance id (``NodeId``).

    Args:
        value: The id, external id or instance id.

    Example:
        >>> from cognite.client.data_classes.datapoints import Identifier
        >>> Identifier("temp").as_dict()
        {'externalId': 'temp'}
    """

    __slots__ = ("_value",)

    def __init__(self, value: int | str | NodeId) -> None:
        if isinstance(value, bool) or not isinstance(value, int | str | InstanceId):
            raise TypeError(f"An identifier must be an int, str or NodeId, not {type(value).__name__}")
        if isinstance(value, InstanceId) and not isinstance(value, NodeId):
            value = NodeId(value.space, value.external_id)
        self._value = value

    def __eq__(self, other: object) -> bool:
        return type(other) is Identifier and self._value == other._value and type(self._value) is type(other._value)

    def __hash__(self) -> int:
        return hash((type(self._value), self._value))

    def __repr__(self) -> str:
        return f"Identifier({self._value!r})"

    @classmethod
    def of_either(cls, id: int | None, external_id: str | None, instance_id: NodeId | None = None) -> Identifier:
        """The identifier given by exactly one of the arguments."""
        given = [v for v in (id, external_id, instance_id) if v is not None]
        if len(given) != 1:
            raise ValueError("Exactly one of id, external_id and instance_id must be given")
        return cls(given[0])

    @classmethod
    def load(
        cls, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> Identifier:
        """The identifier given by exactly one of the arguments (same as :meth:`of_either`)."""
        return cls.of_either(id, external_id, instance_id)

    def name(self, camel_case: bool = False) -> str:
        """``"id"``, ``"external_id"`` or ``"instance_id"`` (camelCase when asked)."""
        if self.is_id:
            return "id"
        name = "external_id" if self.is_external_id else "instance_id"
        return _camel(name) if camel_case else name

    @property
    def is_id(self) -> bool:
        """The identifier is an id."""
        return isinstance(self._value, int)

    @property
    def is_external_id(self) -> bool:
        """The identifier is an external id."""
        return isinstance(self._value, str)

    @property
    def is_instance_id(self) -> bool:
        """The identifier is an instance id."""
        return isinstance(self._value, InstanceId)

    def as_primitive(self) -> int | str | NodeId:
        """The value itself."""
        return self._value

    def as_dict(self, camel_case: bool = True) -> dict[str, Any]:
        """The wire form, e.g. ``{"externalId": "x"}`` or ``{"instanceId": {"space": .., "externalId": ..}}``."""
        value = self._value
        if isinstance(value, InstanceId):
            return {self.name(camel_case): {"space": value.space, "externalId": value.external_id}}
        return {self.name(camel_case): value}

    def as_tuple(self, camel_case: bool = True) -> tuple[str, Any]:
        """``(name, value)``."""
        return self.name(camel_case), self._value


# ---------------------------------------------------------------------------------------------- single datapoints


class MaxOrMinDatapoint(CogniteResource):
    """Base of the datapoints that ``max_datapoint`` and ``min_datapoint`` aggregates give."""

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> Any:  # type: ignore[override]
        """Load a max/min datapoint (with status when the data has one)."""
        data = msgspec.json.decode(resource) if isinstance(resource, str) else resource
        status = data.get("status") or {}
        is_max = cls in (MaxDatapoint, MaxDatapointWithStatus) or cls is MaxOrMinDatapoint
        if status:
            target: type[Any] = MaxDatapointWithStatus if is_max else MinDatapointWithStatus
            return target(data["timestamp"], data["value"], status.get("code"), status.get("symbol"))
        return (MaxDatapoint if is_max else MinDatapoint)(data["timestamp"], data["value"])


class MaxDatapoint(MaxOrMinDatapoint):
    """The (first) datapoint with the largest value in an aggregate interval.

    Args:
        timestamp: ms since epoch.
        value: The value.
    """

    timestamp: int | None = None
    value: float | None = None

    @property
    def status_code(self) -> int | None:
        """Always None (this datapoint was fetched without status)."""
        return None

    @property
    def status_symbol(self) -> str | None:
        """Always None (this datapoint was fetched without status)."""
        return None


class MinDatapoint(MaxDatapoint):
    """The (first) datapoint with the smallest value in an aggregate interval.

    Args:
        timestamp: ms since epoch.
        value: The value.
    """


class MaxDatapointWithStatus(MaxOrMinDatapoint):
    """A max datapoint with its status.

    Args:
        timestamp: ms since epoch.
        value: The value.
        status_code: The status code.
        status_symbol: The status symbol.
    """

    timestamp: int | None = None
    value: float | None = None
    status_code: int | None = None
    status_symbol: str | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire shape (status as ``{"code", "symbol"}``)."""
        out: dict[str, Any] = {"timestamp": self.timestamp, "value": self.value}
        if self.status_code or self.status_symbol:
            out["status"] = {"code": self.status_code, "symbol": self.status_symbol}
        return out


class MinDatapointWithStatus(MaxDatapointWithStatus):
    """A min datapoint with its status (arguments as :class:`MaxDatapointWithStatus`)."""


class StateCount(CogniteResource):
    """How many datapoints had one state in an aggregate interval (state time series).

    Args:
        numeric_value: The numeric value of the state.
        string_value: The string value of the state.
        state_count: The count.
    """

    numeric_value: int | None = None
    string_value: str | None = None
    state_count: int | None = None


class StateTransition(CogniteResource):
    """How many times a state was entered in an aggregate interval (state time series).

    Args:
        numeric_value: The numeric value of the state.
        string_value: The string value of the state.
        state_transitions: The number of transitions into the state.
    """

    numeric_value: int | None = None
    string_value: str | None = None
    state_transitions: int | None = None


class StateDuration(CogniteResource):
    """How long a state lasted in an aggregate interval, in ms (state time series).

    Args:
        numeric_value: The numeric value of the state.
        string_value: The string value of the state.
        state_duration: The duration in ms.
    """

    numeric_value: int | None = None
    string_value: str | None = None
    state_duration: int | None = None


#: The state aggregates on the wire -> the class of their entries.
_STATE_ENTRY_CLASSES: dict[str, Any] = {
    "stateCount": StateCount,
    "stateTransitions": StateTransition,
    "stateDuration": StateDuration,
}


class Datapoint(CogniteResource):
    """One datapoint: a timestamp with a value, or with aggregate values.

    Args:
        timestamp: ms since epoch.
        value: The value (raw datapoints).
        numeric_state: The numeric state (state time series).
        string_state: The string state (state time series).
        average: Time-weighted average.
        max: Largest value.
        max_datapoint: The datapoint with the largest value.
        min: Smallest value.
        min_datapoint: The datapoint with the smallest value.
        count: Number of datapoints.
        sum: Sum of the values.
        interpolation: Interpolated value at the start of the interval.
        step_interpolation: Step-interpolated value at the start of the interval.
        continuous_variance: Variance of the interpolated function.
        discrete_variance: Variance of the values.
        total_variation: Sum of absolute differences between neighbouring values.
        count_bad: Number of bad datapoints.
        count_good: Number of good datapoints.
        count_uncertain: Number of uncertain datapoints.
        duration_bad: Time with a bad status, ms.
        duration_good: Time with a good status, ms.
        duration_uncertain: Time with an uncertain status, ms.
        state_count: Per state counts.
        state_transitions: Per state transitions.
        state_duration: Per state durations.
        status_code: The status code (raw datapoints, when asked for).
        status_symbol: The status symbol.
        timezone: The time zone of the query (for display).

    Example:
        >>> from cognite.client.data_classes.datapoints import Datapoint
        >>> Datapoint(timestamp=0, value=1.5).dump()
        {'timestamp': 0, 'value': 1.5}
    """

    timestamp: int | None = None
    value: str | float | None = None
    numeric_state: int | None = None
    string_state: str | None = None
    average: float | None = None
    max: float | None = None
    max_datapoint: Any = None
    min: float | None = None
    min_datapoint: Any = None
    count: int | None = None
    sum: float | None = None
    interpolation: float | None = None
    step_interpolation: float | None = None
    continuous_variance: float | None = None
    discrete_variance: float | None = None
    total_variation: float | None = None
    count_bad: int | None = None
    count_good: int | None = None
    count_uncertain: int | None = None
    duration_bad: int | None = None
    duration_good: int | None = None
    duration_uncertain: int | None = None
    state_count: list[StateCount] | None = None
    state_transitions: list[StateTransition] | None = None
    state_duration: list[StateDuration] | None = None
    status_code: int | None = None
    status_symbol: str | None = None
    timezone: Any = None

    def dump(self, camel_case: bool = True, include_timezone: bool = True) -> dict[str, Any]:
        """Dump the datapoint (fields without a value left out).

        Args:
            camel_case: camelCase keys.
            include_timezone: Include the time zone (as a string) when there is one.

        Returns:
            The datapoint as a dictionary.
        """
        out: dict[str, Any] = {}
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if value is None or name in ("timezone", "status_code", "status_symbol"):
                continue
            if hasattr(value, "dump"):
                value = value.dump(camel_case)
            elif isinstance(value, list):
                value = [v.dump(camel_case) for v in value]
            out[_camel(name) if camel_case else name] = value
        if self.status_code or self.status_symbol not in (None, "Good"):
            out["status"] = {"code": self.status_code, "symbol": self.status_symbol}
        if include_timezone and self.timezone is not None:
            out["timezone"] = str(self.timezone)
        return out

    def to_pandas(self, camel_case: bool = False) -> pandas.DataFrame:  # type: ignore[override]
        """One row indexed by the timestamp, one column per field."""
        pd = _import_pandas()
        data = self.dump(camel_case=camel_case, include_timezone=False)
        ts = data.pop("timestamp")
        return pd.DataFrame(data, index=[pd.Timestamp(ts, unit="ms")])


# ---------------------------------------------------------------------------------------------- columns of datapoints


class _DatapointsBase:
    """Identifier fields and columns shared by :class:`Datapoints` and :class:`DatapointsArray`."""

    _COLUMN_NAMES: tuple[str, ...] = (
        "timestamp",
        "value",
        *ALL_SORTED_DP_AGGS,
        *_STATE_COLUMNS,
        "status_code",
        "status_symbol",
    )

    id: int | None
    external_id: str | None
    instance_id: NodeId | None
    is_string: bool | None
    is_step: bool | None
    type: str | None
    unit: str | None
    unit_external_id: str | None
    granularity: str | None
    timestamp: Any
    value: Any
    numeric_states: Any
    string_states: Any
    status_code: Any
    status_symbol: Any
    timezone: Any

    def _init(self, local: dict[str, Any]) -> None:
        for name in _META:
            setattr(self, name, local[name])
        for name in self._COLUMN_NAMES:
            setattr(self, name, local.get(name))
        self.timezone = local.get("timezone")
        self._query_identifier: Any = None

    @property
    def identifier(self) -> int | str | NodeId | None:
        """The identifier the series was asked for by (or the best one it has)."""
        if self._query_identifier is not None:
            return self._query_identifier  # type: ignore[no-any-return]
        for value in (self.external_id, self.id, self.instance_id):
            if value is not None:
                return value
        return None

    def _present_columns(self) -> list[str]:
        return [n for n in self._COLUMN_NAMES if n != "timestamp" and getattr(self, n) is not None]

    def _aggregates(self) -> list[str]:
        return [n for n in ALL_SORTED_DP_AGGS if getattr(self, n) is not None]

    def is_state(self) -> bool:
        """True for a state time series."""
        return self.type == "state"

    def __len__(self) -> int:
        return 0 if self.timestamp is None else len(self.timestamp)

    def __bool__(self) -> bool:
        return True

    def _meta_dump(self, camel_case: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("id", "external_id", "is_string", "is_step", "type", "unit", "unit_external_id"):
            value = getattr(self, name)
            if value is not None:
                out[_camel(name) if camel_case else name] = value
        if self.instance_id is not None:
            out["instanceId" if camel_case else "instance_id"] = self.instance_id.dump(camel_case, False)
        return out

    def _columns_for_frame(self, states: _StateFrame = _ALL_STATES) -> list[tuple[str | None, bool, Any]]:
        """``(aggregate or None, is status column, values)`` per frame column."""
        out: list[tuple[str | None, bool, Any]] = []
        aggregates = self._aggregates()
        if aggregates:
            for agg in aggregates:
                col = getattr(self, agg)
                if agg in OBJECT_AGGREGATES:
                    col = [None if p is None else p.value for p in col]
                out.append((agg, False, col))
        elif self.value is not None:
            out.append((None, False, self.value))
        if self.is_state() or any(getattr(self, n) is not None for n in _STATE_COLUMNS):
            out += self._state_columns_for_frame(*states)
        if self.status_code is not None:
            out.append((None, True, self.status_code))
        return out

    def _state_columns_for_frame(
        self, include_numeric: bool, include_string: bool, expand: bool
    ) -> list[tuple[str | None, bool, Any]]:
        """The frame columns of a state series (see the module docstring)."""
        out: list[tuple[str | None, bool, Any]] = []
        if include_numeric and self.numeric_states is not None:
            out.append(("numeric_state", False, self._numeric_states_for_frame()))
        if include_string and self.string_states is not None:
            out.append(("string_state", False, self.string_states))
        for agg in STATE_AGGREGATES:
            col = getattr(self, agg)
            if col is None:
                continue
            if not expand:
                out.append((agg, False, col))
                continue
            per_state: dict[Any, list[int]] = {}
            for row, entries in enumerate(col):
                for entry in entries:
                    per_state.setdefault(entry.numeric_value, [0] * len(col))[row] = getattr(entry, agg) or 0
            out += [(f"{agg}_{num}", False, per_state[num]) for num in sorted(per_state)]
        return out

    def _numeric_states_for_frame(self) -> Any:
        """The numeric states; a nullable ``Int64`` array where bad datapoints have none."""
        values = self.numeric_states
        if isinstance(values, list):
            if any(v is None for v in values):
                return _import_pandas().array(values, dtype="Int64")
            return values
        null = getattr(self, "null_timestamps", None)
        if not null:
            return values
        import numpy as np

        mask = np.isin(self._timestamps_ms(), np.fromiter(null, np.int64, len(null)))
        return _import_pandas().arrays.IntegerArray(np.asarray(values, dtype=np.int64), mask)

    def _frame_index(self) -> Any:
        pd = _import_pandas()
        return pd.to_datetime(self._timestamps_ms(), unit="ms")

    def _timestamps_ms(self) -> Any:
        return self.timestamp

    def to_pandas(
        self,
        include_aggregate_name: bool = True,
        include_granularity_name: bool = False,
        include_status: bool = True,
        include_unit: bool = True,
        *,
        include_numeric_states: bool = True,
        include_string_states: bool = True,
        expand_state_aggregates: bool = True,
    ) -> pandas.DataFrame:
        """The series as a DataFrame indexed by time (see the module docstring for the column levels).

        Args:
            include_aggregate_name: Keep the aggregate level.
            include_granularity_name: Add a granularity level.
            include_status: Add the status code columns (when the series has them).
            include_unit: Add a unit level (when the series has a unit).
            include_numeric_states: Add the numeric states column (state series).
            include_string_states: Add the string states column (state series).
            expand_state_aggregates: One column per state and state aggregate (state series), instead of one
                column of lists per state aggregate.

        Returns:
            The DataFrame.
        """
        states = (include_numeric_states, include_string_states, expand_state_aggregates)
        return _to_frame([self], include_aggregate_name, include_granularity_name, include_status, include_unit, states)


def _to_frame(
    series: Sequence[_DatapointsBase],
    include_aggregate_name: bool,
    include_granularity_name: bool,
    include_status: bool,
    include_unit: bool,
    states: _StateFrame = _ALL_STATES,
) -> pandas.DataFrame:
    pd = _import_pandas()
    keys: list[tuple[Any, ...]] = []
    frames = []
    two_state_columns = False  # a series with both raw state columns needs the aggregate level to tell them apart
    for s in series:
        index = s._frame_index()
        data = {}
        columns = s._columns_for_frame(states)
        two_state_columns |= sum(agg in _RAW_STATE_FRAME_COLUMNS for agg, _, _ in columns) > 1
        for agg, is_status, values in columns:
            if is_status and not include_status:
                continue
            key = (s.identifier, agg, s.granularity, "status_code" if is_status else "value", s.unit)
            keys.append(key)
            data[len(keys) - 1] = values
        frames.append(pd.DataFrame(data, index=index, copy=False))
    levels = [
        ("identifier", True),
        ("aggregate", (include_aggregate_name or two_state_columns) and any(k[1] is not None for k in keys)),
        ("granularity", include_granularity_name and any(k[2] is not None for k in keys)),
        ("status", include_status and any(k[3] == "status_code" for k in keys)),
        ("unit", include_unit and any(k[4] is not None for k in keys)),
    ]
    kept = [i for i, (_, keep) in enumerate(levels) if keep]
    if not frames:
        return pd.DataFrame()
    df = frames[0] if len(frames) == 1 else pd.concat(frames, axis=1, sort=True)
    tuples = [tuple(k[i] for i in kept) for k in keys]
    df.columns = pd.MultiIndex.from_tuples(tuples, names=[levels[i][0] for i in kept])
    df.index.name = None
    return df


class Datapoints(_DatapointsBase):
    """The datapoints of one time series as Python lists (works without numpy).

    Args:
        id: The id of the time series.
        is_string: Whether it holds strings.
        is_step: Whether it is a step series.
        type: ``"numeric"``, ``"string"`` or ``"state"``.
        external_id: The external id.
        instance_id: The instance id.
        unit: The unit.
        unit_external_id: The unit external id.
        granularity: The granularity of aggregates.
        timestamp: ms since epoch.
        value: Raw values.
        numeric_states: Numeric states (state time series).
        string_states: String states (state time series).
        average: Aggregate column.
        max: Aggregate column.
        max_datapoint: Aggregate column of MaxDatapoint.
        min: Aggregate column.
        min_datapoint: Aggregate column of MinDatapoint.
        count: Aggregate column.
        sum: Aggregate column.
        interpolation: Aggregate column.
        step_interpolation: Aggregate column.
        continuous_variance: Aggregate column.
        discrete_variance: Aggregate column.
        total_variation: Aggregate column.
        count_bad: Aggregate column.
        count_good: Aggregate column.
        count_uncertain: Aggregate column.
        duration_bad: Aggregate column.
        duration_good: Aggregate column.
        duration_uncertain: Aggregate column.
        state_count: State aggregate column.
        state_transitions: State aggregate column.
        state_duration: State aggregate column.
        status_code: Status codes (when asked for).
        status_symbol: Status symbols (when asked for).
        timezone: The time zone of the query.

    Example:
        >>> from cognite.client.data_classes.datapoints import Datapoints
        >>> dps = Datapoints(external_id="x", timestamp=[0, 1000], value=[1.0, 2.0])
        >>> len(dps), dps[1].value
        (2, 2.0)
    """

    def __init__(
        self,
        id: int | None = None,
        is_string: bool | None = None,
        is_step: bool | None = None,
        type: str | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
        unit: str | None = None,
        unit_external_id: str | None = None,
        granularity: str | None = None,
        timestamp: list[int] | None = None,
        value: list[str] | list[float] | None = None,
        numeric_states: list[int] | None = None,
        string_states: list[str] | None = None,
        average: list[float] | None = None,
        max: list[float] | None = None,
        max_datapoint: list[MaxDatapoint | MaxDatapointWithStatus] | None = None,
        min: list[float] | None = None,
        min_datapoint: list[MinDatapoint | MinDatapointWithStatus] | None = None,
        count: list[int] | None = None,
        sum: list[float] | None = None,
        interpolation: list[float] | None = None,
        step_interpolation: list[float] | None = None,
        continuous_variance: list[float] | None = None,
        discrete_variance: list[float] | None = None,
        total_variation: list[float] | None = None,
        count_bad: list[int] | None = None,
        count_good: list[int] | None = None,
        count_uncertain: list[int] | None = None,
        duration_bad: list[int] | None = None,
        duration_good: list[int] | None = None,
        duration_uncertain: list[int] | None = None,
        state_count: list[list[StateCount]] | None = None,
        state_transitions: list[list[StateTransition]] | None = None,
        state_duration: list[list[StateDuration]] | None = None,
        status_code: list[int] | None = None,
        status_symbol: list[str] | None = None,
        timezone: _dt.tzinfo | None = None,
    ) -> None:
        local = dict(locals())
        if local["timestamp"] is None:
            local["timestamp"] = []
        self._init(local)

    @overload
    def __getitem__(self, item: int) -> Datapoint: ...
    @overload
    def __getitem__(self, item: slice) -> Datapoints: ...
    def __getitem__(self, item: int | slice) -> Datapoint | Datapoints:
        if isinstance(item, slice):
            out = Datapoints.__new__(Datapoints)
            out.__dict__.update(self.__dict__)
            for name in self._present_columns():
                setattr(out, name, getattr(self, name)[item])
            out.timestamp = self.timestamp[item]
            return out
        fields = {name: getattr(self, name)[item] for name in self._present_columns()}
        fields = {_singular(k): v for k, v in fields.items()}
        return Datapoint(timestamp=self.timestamp[item], timezone=self.timezone, **fields)

    def __iter__(self) -> Iterator[Datapoint]:
        for i in range(len(self)):
            yield self[i]

    def __repr__(self) -> str:
        return f"Datapoints(identifier={self.identifier!r}, n={len(self)})"

    def __eq__(self, other: object) -> bool:
        return type(other) is Datapoints and self.dump() == other.dump()

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the series with its datapoints (``{"id", ..., "datapoints": [{"timestamp", "value"}, ...]}``)."""
        out = self._meta_dump(camel_case)
        out["datapoints"] = [dp.dump(camel_case, include_timezone=False) for dp in self]
        return out

    @classmethod
    def load(cls, data: dict[str, Any]) -> Datapoints:
        """Load from the JSON wire shape of one item of a datapoints response."""
        points = data.get("datapoints") or []
        columns: dict[str, list[Any]] = {"timestamp": [p["timestamp"] for p in points]}
        keys = {k for p in points for k in p} - {"timestamp"}
        if data.get("type") == "state" and not keys - {"status"}:
            keys |= {"numericValue", "stringValue"}  # raw state datapoints, all without a state (or none at all)
        for key in sorted(keys):
            if key == "status":
                columns["status_code"] = [(p.get("status") or {}).get("code", 0) for p in points]
                columns["status_symbol"] = [(p.get("status") or {}).get("symbol", "Good") for p in points]
            elif key == "value":
                columns["value"] = [p.get("value") for p in points]
            elif key in ("numericValue", "stringValue"):
                columns["numeric_states" if key == "numericValue" else "string_states"] = [p.get(key) for p in points]
            elif key == "stateAggregates":
                columns.update(_load_state_aggregates(points))
            else:
                name = to_snake_aggregate(key)
                col = [p.get(key) for p in points]
                if name in OBJECT_AGGREGATES:
                    col = [None if v is None else MaxOrMinDatapoint.load(v) for v in col]
                columns[name] = col
        iid = data.get("instanceId")
        return cls(
            id=data.get("id"),
            external_id=data.get("externalId"),
            instance_id=None if iid is None else NodeId(iid["space"], iid["externalId"]),
            is_string=data.get("isString"),
            is_step=data.get("isStep"),
            type=data.get("type"),
            unit=data.get("unit"),
            unit_external_id=data.get("unitExternalId"),
            **columns,  # type: ignore[arg-type]
        )


def _state_aggregate_column(points: Sequence[dict[str, Any]], wire_name: str) -> list[list[Any]]:
    """One state aggregate of JSON aggregate datapoints: per datapoint, its ``stateAggregates`` entries as
    :class:`StateCount` (``stateCount``), :class:`StateTransition` or :class:`StateDuration` objects."""
    cls = _STATE_ENTRY_CLASSES[wire_name]
    return [
        [cls(e.get("numericValue"), e.get("stringValue"), e.get(wire_name, 0)) for e in p.get("stateAggregates") or ()]
        for p in points
    ]


def _load_state_aggregates(points: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The state aggregate columns of JSON aggregate datapoints (only the aggregates present)."""
    present = {k for p in points for entry in p.get("stateAggregates") or () for k in entry} & set(_STATE_ENTRY_CLASSES)
    return {to_snake_aggregate(wire): _state_aggregate_column(points, wire) for wire in sorted(present)}


def _singular(name: str) -> str:
    return {"numeric_states": "numeric_state", "string_states": "string_state"}.get(name, name)


class DatapointsArray(_DatapointsBase):
    """The datapoints of one time series as numpy arrays (``timestamp`` is ``datetime64[ms]``).

    Args:
        id: The id of the time series.
        is_string: Whether it holds strings.
        is_step: Whether it is a step series.
        type: ``"numeric"``, ``"string"`` or ``"state"``.
        external_id: The external id.
        instance_id: The instance id.
        unit: The unit.
        unit_external_id: The unit external id.
        granularity: The granularity of aggregates.
        timestamp: ``datetime64[ms]`` array.
        value: Raw values (float64, or object for strings).
        numeric_states: Numeric states.
        string_states: String states.
        average: Aggregate array.
        max: Aggregate array.
        max_datapoint: Aggregate array of MaxDatapoint objects.
        min: Aggregate array.
        min_datapoint: Aggregate array of MinDatapoint objects.
        count: Aggregate array.
        sum: Aggregate array.
        interpolation: Aggregate array.
        step_interpolation: Aggregate array.
        continuous_variance: Aggregate array.
        discrete_variance: Aggregate array.
        total_variation: Aggregate array.
        count_bad: Aggregate array.
        count_good: Aggregate array.
        count_uncertain: Aggregate array.
        duration_bad: Aggregate array.
        duration_good: Aggregate array.
        duration_uncertain: Aggregate array.
        state_count: State aggregate array.
        state_transitions: State aggregate array.
        state_duration: State aggregate array.
        status_code: uint32 status codes (when asked for).
        status_symbol: Status symbols (when asked for).
        null_timestamps: Timestamps (ms) of bad datapoints that have no value (their value is NaN).
        timezone: The time zone of the query.

    Example:
        >>> import numpy as np
        >>> from cognite.client.data_classes.datapoints import DatapointsArray
        >>> arr = DatapointsArray(id=1, timestamp=np.array([0, 1000], dtype="datetime64[ms]"), value=np.array([1.0, 2.0]))
        >>> float(arr.value.sum()), arr[0].timestamp
        (3.0, 0)
    """

    def __init__(
        self,
        id: int | None = None,
        is_string: bool | None = None,
        is_step: bool | None = None,
        type: str | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
        unit: str | None = None,
        unit_external_id: str | None = None,
        granularity: str | None = None,
        timestamp: npt.NDArray[np.datetime64] | None = None,
        value: npt.NDArray[Any] | None = None,
        numeric_states: npt.NDArray[np.int64] | None = None,
        string_states: npt.NDArray[np.object_] | None = None,
        average: npt.NDArray[np.float64] | None = None,
        max: npt.NDArray[np.float64] | None = None,
        max_datapoint: npt.NDArray[np.object_] | None = None,
        min: npt.NDArray[np.float64] | None = None,
        min_datapoint: npt.NDArray[np.object_] | None = None,
        count: npt.NDArray[np.int64] | None = None,
        sum: npt.NDArray[np.float64] | None = None,
        interpolation: npt.NDArray[np.float64] | None = None,
        step_interpolation: npt.NDArray[np.float64] | None = None,
        continuous_variance: npt.NDArray[np.float64] | None = None,
        discrete_variance: npt.NDArray[np.float64] | None = None,
        total_variation: npt.NDArray[np.float64] | None = None,
        count_bad: npt.NDArray[np.int64] | None = None,
        count_good: npt.NDArray[np.int64] | None = None,
        count_uncertain: npt.NDArray[np.int64] | None = None,
        duration_bad: npt.NDArray[np.int64] | None = None,
        duration_good: npt.NDArray[np.int64] | None = None,
        duration_uncertain: npt.NDArray[np.int64] | None = None,
        state_count: npt.NDArray[np.object_] | None = None,
        state_transitions: npt.NDArray[np.object_] | None = None,
        state_duration: npt.NDArray[np.object_] | None = None,
        status_code: npt.NDArray[np.uint32] | None = None,
        status_symbol: npt.NDArray[np.object_] | None = None,
        null_timestamps: set[int] | None = None,
        timezone: _dt.tzinfo | None = None,
    ) -> None:
        import numpy as np

        local = dict(locals())
        if local["timestamp"] is None:
            local["timestamp"] = np.array([], dtype="datetime64[ms]")
        self._init(local)
        self.timestamp = np.asarray(self.timestamp).astype("datetime64[ms]", copy=False)
        self.null_timestamps = null_timestamps

    def _timestamps_ms(self) -> Any:
        return self.timestamp.view("int64")

    def _frame_index(self) -> Any:
        pd = _import_pandas()
        return pd.DatetimeIndex(self.timestamp)

    @overload
    def __getitem__(self, item: int) -> Datapoint: ...
    @overload
    def __getitem__(self, item: slice) -> DatapointsArray: ...
    def __getitem__(self, item: int | slice) -> Datapoint | DatapointsArray:
        if isinstance(item, slice):
            out = DatapointsArray.__new__(DatapointsArray)
            out.__dict__.update(self.__dict__)
            for name in self._present_columns():
                setattr(out, name, getattr(self, name)[item])
            out.timestamp = self.timestamp[item]
            return out
        fields: dict[str, Any] = {}
        for name in self._present_columns():
            v = getattr(self, name)[item]
            if hasattr(v, "item"):
                v = v.item()
            fields[_singular(name)] = v
        ts = int(self.timestamp[item].astype("int64"))
        if self.null_timestamps and ts in self.null_timestamps:
            fields["value" if "numeric_state" not in fields else "numeric_state"] = None
        return Datapoint(timestamp=ts, timezone=self.timezone, **fields)

    def __iter__(self) -> Iterator[Datapoint]:
        for i in range(len(self)):
            yield self[i]

    def __repr__(self) -> str:
        return f"DatapointsArray(identifier={self.identifier!r}, n={len(self)})"

    def dump(self, camel_case: bool = True, convert_timestamps: bool = False) -> dict[str, Any]:
        """Dump the series with its datapoints.

        Args:
            camel_case: camelCase keys.
            convert_timestamps: Give timestamps as ISO 8601 strings instead of ms.

        Returns:
            ``{"id", ..., "datapoints": [...]}``.
        """
        out = self._meta_dump(camel_case)
        points = [dp.dump(camel_case, include_timezone=False) for dp in self]
        if convert_timestamps:
            for p in points:
                p["timestamp"] = ms_to_datetime(p["timestamp"]).isoformat()
        out["datapoints"] = points
        return out


# ---------------------------------------------------------------------------------------------- lists


class _SeriesList(CogniteResourceList[Any], IdTransformerMixin):
    """Series in the order asked for, with look-up by identifier and one DataFrame for all."""

    def get(  # type: ignore[override]
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> Any:
        """The series with this id, external id or instance id (the first, if asked for more than once)."""
        if sum(v is not None for v in (id, external_id, instance_id)) != 1:
            raise ValueError("Exactly one of id, external_id and instance_id must be given")
        for item in self.data:
            if (
                (id is not None and item.id == id)
                or (external_id is not None and item.external_id == external_id)
                or (instance_id is not None and item.instance_id == instance_id)
            ):
                return item
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.data!r})"


class DatapointsList(_SeriesList):
    """A list of :class:`Datapoints`."""

    _RESOURCE = CogniteResource  # items are checked in __init__ below

    def __init__(self, resources: Sequence[Datapoints] = (), cognite_client: Any = None) -> None:
        if any(not isinstance(r, Datapoints) for r in resources):
            raise TypeError("DatapointsList takes Datapoints objects")
        self.data = list(resources)
        self._attach(cognite_client)

    def get(  # type: ignore[override]
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> Datapoints | None:
        """The series with this id, external id or instance id."""
        return super().get(id, external_id, instance_id)  # type: ignore[no-any-return]

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every series."""
        return [d.dump(camel_case) for d in self.data]

    def to_pandas(  # type: ignore[override]
        self,
        include_aggregate_name: bool = True,
        include_granularity_name: bool = False,
        include_status: bool = True,
        include_unit: bool = True,
        *,
        include_numeric_states: bool = True,
        include_string_states: bool = True,
        expand_state_aggregates: bool = True,
    ) -> pandas.DataFrame:
        """All series as one DataFrame (see :meth:`Datapoints.to_pandas`)."""
        states = (include_numeric_states, include_string_states, expand_state_aggregates)
        return _to_frame(
            self.data, include_aggregate_name, include_granularity_name, include_status, include_unit, states
        )


class DatapointsArrayList(_SeriesList):
    """A list of :class:`DatapointsArray`."""

    _RESOURCE = CogniteResource

    def __init__(self, resources: Sequence[DatapointsArray] = (), cognite_client: Any = None) -> None:
        if any(not isinstance(r, DatapointsArray) for r in resources):
            raise TypeError("DatapointsArrayList takes DatapointsArray objects")
        self.data = list(resources)
        self._attach(cognite_client)

    def get(  # type: ignore[override]
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> DatapointsArray | None:
        """The series with this id, external id or instance id."""
        return super().get(id, external_id, instance_id)  # type: ignore[no-any-return]

    def dump(self, camel_case: bool = True, convert_timestamps: bool = False) -> list[dict[str, Any]]:
        """Dump every series."""
        return [d.dump(camel_case, convert_timestamps) for d in self.data]

    def to_pandas(  # type: ignore[override]
        self,
        include_aggregate_name: bool = True,
        include_granularity_name: bool = False,
        include_status: bool = True,
        include_unit: bool = True,
        *,
        include_numeric_states: bool = True,
        include_string_states: bool = True,
        expand_state_aggregates: bool = True,
    ) -> pandas.DataFrame:
        """All series as one DataFrame (see :meth:`DatapointsArray.to_pandas`)."""
        states = (include_numeric_states, include_string_states, expand_state_aggregates)
        return _to_frame(
            self.data, include_aggregate_name, include_granularity_name, include_status, include_unit, states
        )


class CogniteResourceListWithClientRef(CogniteResourceList[Any]):
    """A list that keeps the client that loaded it (kept for compatibility)."""

    _RESOURCE = CogniteResource

    def set_client_ref(self, cognite_client: Any) -> Self:
        """Attach a client to the list and its items."""
        self._attach(cognite_client)
        return self


# ---------------------------------------------------------------------------------------------- queries


class DatapointsQuery:
    """One time series with its own retrieve settings; settings left as None take the call's values.

    Args:
        id: The id.
        external_id: The external id.
        instance_id: The instance id.
        start: Start (inclusive): ms, datetime or a string like ``"2w-ago"``.
        end: End (exclusive).
        aggregates: Aggregate(s) to fetch.
        granularity: Granularity of the aggregates, e.g. ``"1h"``.
        timezone: Time zone of calendar granularities (str or tzinfo).
        target_unit: Unit to convert to.
        target_unit_system: Unit system to convert to.
        limit: Most datapoints (None: all).
        include_outside_points: Add the datapoints just before and after the range (raw only).
        ignore_unknown_ids: Leave the series out if it does not exist.
        include_status: Include status codes.
        ignore_bad_datapoints: Leave bad datapoints out.
        treat_uncertain_as_bad: Treat uncertain datapoints as bad.

    Example:
        >>> from cognite.client.data_classes.datapoints import DatapointsQuery
        >>> DatapointsQuery(external_id="x", limit=10).identifier
        'x'
    """

    _UNSET: Any = object()

    def __init__(
        self,
        id: int | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
        start: int | str | _dt.datetime = _UNSET,
        end: int | str | _dt.datetime = _UNSET,
        aggregates: str | list[str] | None = _UNSET,
        granularity: str | None = _UNSET,
        timezone: str | _dt.tzinfo | None = _UNSET,
        target_unit: str | None = _UNSET,
        target_unit_system: str | None = _UNSET,
        limit: int | None = _UNSET,
        include_outside_points: bool = _UNSET,
        ignore_unknown_ids: bool = _UNSET,
        include_status: bool = _UNSET,
        ignore_bad_datapoints: bool = _UNSET,
        treat_uncertain_as_bad: bool = _UNSET,
    ) -> None:
        self._identifier = Identifier.of_either(id, external_id, instance_id)
        self.id, self.external_id, self.instance_id = id, external_id, instance_id
        self.start = start
        self.end = end
        self.aggregates = aggregates
        self.granularity = granularity
        self.timezone = timezone
        self.target_unit = target_unit
        self.target_unit_system = target_unit_system
        self.limit = limit
        self.include_outside_points = include_outside_points
        self.ignore_unknown_ids = ignore_unknown_ids
        self.include_status = include_status
        self.ignore_bad_datapoints = ignore_bad_datapoints
        self.treat_uncertain_as_bad = treat_uncertain_as_bad

    _SETTINGS = (
        "start",
        "end",
        "aggregates",
        "granularity",
        "timezone",
        "target_unit",
        "target_unit_system",
        "limit",
        "include_outside_points",
        "ignore_unknown_ids",
        "include_status",
        "ignore_bad_datapoints",
        "treat_uncertain_as_bad",
    )

    @property
    def identifier(self) -> int | str | NodeId:
        """The identifier value."""
        return self._identifier.as_primitive()

    def settings(self) -> dict[str, Any]:
        """The settings this query gives (those left out are not included)."""
        return {k: getattr(self, k) for k in self._SETTINGS if getattr(self, k) is not self._UNSET}

    def dump(self) -> dict[str, Any]:
        """The identifier and the settings given."""
        return {**self._identifier.as_dict(camel_case=False), **self.settings()}

    def __repr__(self) -> str:
        return f"DatapointsQuery({self.dump()!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is DatapointsQuery and self.dump() == other.dump()


class LatestDatapointQuery:
    """One time series for ``retrieve_latest`` with its own settings (None: the call's values).

    Args:
        id: The id.
        external_id: The external id.
        instance_id: The instance id.
        before: Latest datapoint before this time (ms, datetime or string such as ``"2d-ago"``).
        target_unit: Unit to convert to.
        target_unit_system: Unit system to convert to.
        include_status: Include the status code.
        ignore_bad_datapoints: Skip bad datapoints.
        treat_uncertain_as_bad: Treat uncertain datapoints as bad.
    """

    def __init__(
        self,
        id: int | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
        before: int | str | _dt.datetime | None = None,
        target_unit: str | None = None,
        target_unit_system: str | None = None,
        include_status: bool | None = None,
        ignore_bad_datapoints: bool | None = None,
        treat_uncertain_as_bad: bool | None = None,
    ) -> None:
        self._identifier = Identifier.of_either(id, external_id, instance_id)
        self.id, self.external_id, self.instance_id = id, external_id, instance_id
        self.before = before
        self.target_unit = target_unit
        self.target_unit_system = target_unit_system
        self.include_status = include_status
        self.ignore_bad_datapoints = ignore_bad_datapoints
        self.treat_uncertain_as_bad = treat_uncertain_as_bad

    @property
    def identifier(self) -> int | str | NodeId:
        """The identifier value."""
        return self._identifier.as_primitive()


# ---------------------------------------------------------------------------------------------- latest


class LatestDatapoint:
    """The latest datapoint of one time series (falsy when the series has none before ``before``).

    Args:
        id: The id of the time series.
        timestamp: When, as an aware UTC datetime (None: no datapoint).
        value: The value.
        is_string: Whether the series holds strings.
        type: ``"numeric"``, ``"string"`` or ``"state"``.
        before: The ``before`` of the query.
        is_step: Whether it is a step series.
        external_id: The external id.
        instance_id: The instance id.
        unit: The unit.
        unit_external_id: The unit external id.
        status_code: The status code (when asked for).
        status_symbol: The status symbol (when asked for).
        numeric_state: The numeric state (state series).
        string_state: The string state (state series).
    """

    def __init__(
        self,
        id: int | None = None,
        timestamp: _dt.datetime | None = None,
        value: float | str | None = None,
        is_string: bool | None = None,
        type: str | None = None,
        before: Any = None,
        is_step: bool | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
        unit: str | None = None,
        unit_external_id: str | None = None,
        status_code: int | None = None,
        status_symbol: str | None = None,
        numeric_state: int | None = None,
        string_state: str | None = None,
    ) -> None:
        self.id = id
        self.timestamp = timestamp
        self.value = value
        self.is_string = is_string
        self.type = type
        self.before = before
        self.is_step = is_step
        self.external_id = external_id
        self.instance_id = instance_id
        self.unit = unit
        self.unit_external_id = unit_external_id
        self.status_code = status_code
        self.status_symbol = status_symbol
        self.numeric_state = numeric_state
        self.string_state = string_state

    @property
    def has_datapoint(self) -> bool:
        """True when there is a datapoint."""
        return self.timestamp is not None

    def __bool__(self) -> bool:
        return self.has_datapoint

    @property
    def timestamp_ms(self) -> int | None:
        """The timestamp in ms since epoch."""
        if self.timestamp is None:
            return None
        return (self.timestamp - _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)) // _dt.timedelta(milliseconds=1)

    def is_state(self) -> bool:
        """True for a state time series."""
        return self.type == "state"

    def __repr__(self) -> str:
        return f"LatestDatapoint(id={self.id!r}, external_id={self.external_id!r}, timestamp={self.timestamp!r}, value={self.value!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is LatestDatapoint and vars(self) == vars(other)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the latest datapoint (timestamp in ms)."""
        out: dict[str, Any] = {}
        for name in ("id", "external_id", "is_string", "is_step", "type", "unit", "unit_external_id"):
            if getattr(self, name) is not None:
                out[_camel(name) if camel_case else name] = getattr(self, name)
        if self.instance_id is not None:
            out["instanceId" if camel_case else "instance_id"] = self.instance_id.dump(camel_case, False)
        if self.has_datapoint:
            point: dict[str, Any] = {"timestamp": self.timestamp_ms}
            if self.is_state():
                for key, value in (("numericValue", self.numeric_state), ("stringValue", self.string_state)):
                    if value is not None:
                        point[key if camel_case else _snake(key)] = value
            else:
                point["value"] = self.value
            if self.status_code:
                point["status"] = {"code": self.status_code, "symbol": self.status_symbol}
            out["datapoints"] = [point]
        else:
            out["datapoints"] = []
        return out

    def to_pandas(self) -> pandas.DataFrame:
        """One row indexed by the timestamp (empty frame when there is no datapoint)."""
        pd = _import_pandas()
        ident = self.external_id if self.external_id is not None else self.id
        if not self.has_datapoint:
            return pd.DataFrame({ident: []})
        value = self.numeric_state if self.is_state() else self.value
        return pd.DataFrame({ident: [value]}, index=pd.to_datetime([self.timestamp_ms], unit="ms"))

    @classmethod
    def _load(cls, item: dict[str, Any], before: Any = None) -> LatestDatapoint:
        points = item.get("datapoints") or []
        iid = item.get("instanceId")
        p = points[0] if points else {}
        status = p.get("status") or {}
        return cls(
            id=item.get("id"),
            timestamp=ms_to_datetime(p["timestamp"]) if points else None,
            value=p.get("value"),
            is_string=item.get("isString"),
            type=item.get("type"),
            before=before,
            is_step=item.get("isStep"),
            external_id=item.get("externalId"),
            instance_id=None if iid is None else NodeId(iid["space"], iid["externalId"]),
            unit=item.get("unit"),
            unit_external_id=item.get("unitExternalId"),
            status_code=status.get("code", 0 if points else None) if status or points else None,
            status_symbol=status.get("symbol", "Good" if points else None),
            numeric_state=p.get("numericValue"),
            string_state=p.get("stringValue"),
        )


class LatestDatapointList(_SeriesList):
    """A list of :class:`LatestDatapoint`."""

    _RESOURCE = CogniteResource

    def __init__(self, resources: Sequence[LatestDatapoint] = (), cognite_client: Any = None) -> None:
        self.data = list(resources)
        self._attach(cognite_client)

    def get(  # type: ignore[override]
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> LatestDatapoint | None:
        """The latest datapoint of the series with this id, external id or instance id."""
        return super().get(id, external_id, instance_id)  # type: ignore[no-any-return]

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every latest datapoint."""
        return [d.dump(camel_case) for d in self.data]

    def to_pandas(self) -> pandas.DataFrame:  # type: ignore[override]
        """One column per series."""
        pd = _import_pandas()
        frames = [d.to_pandas() for d in self.data]
        return pd.concat(frames, axis=1) if frames else pd.DataFrame()


# ---------------------------------------------------------------------------------------------- state inserts


class StateDatapointWrite(CogniteResource):
    """A datapoint to insert into a state time series: a numeric and/or string state, or only a status.

    Args:
        timestamp: ms since epoch (or a datetime).
        numeric_value: The numeric value of the state.
        string_value: The string value of the state.
        status_code: The status code.
        status_symbol: The status symbol.
    """

    timestamp: Any = None
    numeric_value: int | None = None
    string_value: str | None = None
    status_code: int | None = None
    status_symbol: str | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire shape."""
        from cognite.client.utils._time import timestamp_to_ms

        out: dict[str, Any] = {"timestamp": timestamp_to_ms(self.timestamp)}
        if self.numeric_value is not None:
            out["numericValue" if camel_case else "numeric_value"] = self.numeric_value
        if self.string_value is not None:
            out["stringValue" if camel_case else "string_value"] = self.string_value
        status = {k: v for k, v in (("code", self.status_code), ("symbol", self.status_symbol)) if v is not None}
        if status:
            out["status"] = status
        return out


class StateDatapointsInsert(CogniteResource):
    """Datapoints to insert into one state time series.

    Args:
        instance_id: The instance id of the state time series.
        datapoints: The datapoints.
    """

    instance_id: NodeId | None = None
    datapoints: list[StateDatapointWrite] = msgspec.field(default_factory=list)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire shape."""
        if self.instance_id is None:
            raise ValueError("StateDatapointsInsert needs an instance_id")
        iid = {"space": self.instance_id.space, "externalId": self.instance_id.external_id}
        return {
            "instanceId" if camel_case else "instance_id": iid,
            "datapoints": [dp.dump(camel_case) for dp in self.datapoints],
        }


# ---------------------------------------------------------------------------------------------- synthetic


class SyntheticDatapoints:
    """The result of one synthetic time series expression.

    Args:
        expression: The expression.
        timestamp: ms since epoch.
        value: The values (None where the expression gave an error).
        error: The error per timestamp (None where it gave a value).
        is_string: Whether the values are strings.
        timezone: The time zone of the query.
    """

    def __init__(
        self,
        expression: str | None = None,
        timestamp: list[int] | None = None,
        value: list[float | None] | None = None,
        error: list[str | None] | None = None,
        is_string: bool | None = None,
        timezone: _dt.tzinfo | None = None,
    ) -> None:
        self.expression = expression
        self.timestamp = timestamp or []
        self.value = value or []
        self.error = error or []
        self.is_string = is_string
        self.timezone = timezone

    def __len__(self) -> int:
        return len(self.timestamp)

    def __repr__(self) -> str:
        return f"SyntheticDatapoints(expression={self.expression!r}, n={len(self)})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"expression", "isString", "datapoints": [...]}``."""
        points = []
        for t, v, e in zip(self.timestamp, self.value, self.error, strict=False):
            points.append({"timestamp": t, "value": v} if e is None else {"timestamp": t, "error": e})
        return {
            "expression": self.expression,
            "isString" if camel_case else "is_string": self.is_string,
            "datapoints": points,
        }

    def to_pandas(self) -> pandas.DataFrame:
        """One column named by the expression, indexed by time."""
        pd = _import_pandas()
        return pd.DataFrame({self.expression: self.value}, index=pd.to_datetime(self.timestamp, unit="ms"))


class SyntheticDatapointsList(_SeriesList):
    """A list of :class:`SyntheticDatapoints`, one per expression."""

    _RESOURCE = CogniteResource

    def __init__(self, resources: Sequence[SyntheticDatapoints] = (), cognite_client: Any = None) -> None:
        self.data = list(resources)
        self._attach(cognite_client)

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every result."""
        return [d.dump(camel_case) for d in self.data]

    def get(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Not meaningful for synthetic results (they have no identifiers); kept for compatibility."""
        raise AttributeError("SyntheticDatapointsList has no identifiers to look up; index it instead")

    def to_pandas(self) -> pandas.DataFrame:  # type: ignore[override]
        """One column per expression."""
        pd = _import_pandas()
        frames = [d.to_pandas() for d in self.data]
        return pd.concat(frames, axis=1) if frames else pd.DataFrame()
