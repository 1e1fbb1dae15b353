"""State time series in the fetcher: decoding their JSON pages and assembling Datapoints / DatapointsArray.

State series (``type: "state"``) come as JSON only (protobuf has no state datapoints; CDF answers JSON even when the
request accepts protobuf), so everything here works on the lists msgspec decodes; numeric and string series never
pass through this module.

- Raw pages are :class:`StateColumns`: timestamps, numeric and string states (None for a bad datapoint without a
  state), status codes and symbols.
- Aggregate pages are ``(timestamps, columns)`` like numeric ones: the common aggregates (``count``,
  ``countGood``, ..., ``durationBad``) as numbers, and ``stateCount``/``stateTransitions``/``stateDuration`` as one
  list per bucket of :class:`~cognite.client.data_classes.datapoints.StateCount` (``StateTransition``,
  ``StateDuration``) objects, one per state listed in the bucket.
- In a :class:`~cognite.client.data_classes.datapoints.DatapointsArray`, ``numeric_states`` is int64 and
  ``string_states`` object; a bad datapoint without a state holds :data:`NO_NUMERIC_STATE` and None, and its timestamp
  is in ``null_timestamps``. :class:`~cognite.client.data_classes.datapoints.Datapoints` hold None there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cognite.client.data_classes.datapoint_aggregates import to_snake_aggregate
from cognite.client.data_classes.datapoints import (
    Datapoints,
    DatapointsArray,
    NodeId,
    StateCount,
    StateDuration,
    StateTransition,
    _state_aggregate_column,
)

if TYPE_CHECKING:
    from cognite.client._datapoints._fetch import Fetched, FetchQuery
    from cognite.client._datapoints._protobuf import ListItem

__all__ = [
    "NO_NUMERIC_STATE", "STATE_WIRE_AGGREGATES", "StateColumns", "is_state", "json_state_page", "to_array",
    "to_datapoints",
]  # fmt: skip

#: The numeric state a DatapointsArray holds for a bad datapoint without a state (the minimum int64).
NO_NUMERIC_STATE = -(2**63)
#: The state aggregates (camelCase) -> the class of their entries.
STATE_WIRE_AGGREGATES: dict[str, type[Any]] = {
    "stateCount": StateCount,
    "stateTransitions": StateTransition,
    "stateDuration": StateDuration,
}
_SYMBOLS = {0: "Good", 0x40000000: "Uncertain", 0x80000000: "Bad"}


def _symbol(code: int) -> str:
    return _SYMBOLS.get(code) or ("Good", "Uncertain", "Bad", "Bad")[code >> 30]


class StateColumns:
    """Decoded raw state datapoints, as lists.

    Attributes:
        timestamp: ms since epoch.
        numeric: Numeric states (None where a bad datapoint has none).
        string: String states (None where a bad datapoint has none, or the state is no longer in the set).
        status_code: Status codes (None when no datapoint had a status).
        status_symbol: Status symbols as sent (None entries where absent), or None.
    """

    __slots__ = ("numeric", "status_code", "status_symbol", "string", "timestamp")

    def __init__(
        self, timestamp: list[int], numeric: list[Any], string: list[Any], status_code: Any, status_symbol: Any
    ) -> None:
        self.timestamp = timestamp
        self.numeric = numeric
        self.string = string
        self.status_code = status_code
        self.status_symbol = status_symbol

    def take(self, rows: slice) -> StateColumns:
        """The rows of a slice (outside points are set aside with it)."""

        def cut(col: Any) -> Any:
            return None if col is None else col[rows]

        return StateColumns(
            self.timestamp[rows], self.numeric[rows], self.string[rows], cut(self.status_code), cut(self.status_symbol)
        )


def json_state_page(points: list[dict[str, Any]], aggregates: list[str] | None) -> Any:
    """One JSON page of a state series: :class:`StateColumns`, or ``(timestamps, columns)`` for aggregates."""
    ts = [p["timestamp"] for p in points]
    if aggregates:
        cols: dict[str, list[Any]] = {}
        for name in aggregates:
            if name in STATE_WIRE_AGGREGATES:
                cols[name] = _state_aggregate_column(points, name)
            else:
                cols[name] = [p.get(name, 0) for p in points]
        return ts, cols
    statuses = [p.get("status") for p in points]
    codes = symbols = None
    if any(s is not None for s in statuses):
        codes = [(s or {}).get("code", 0) for s in statuses]
        symbols = [(s or {}).get("symbol") for s in statuses]
    numeric = [p.get("numericValue") for p in points]
    return StateColumns(
        ts, [None if v is None else int(v) for v in numeric], [p.get("stringValue") for p in points], codes, symbols
    )


def _meta(meta: ListItem, query: FetchQuery) -> dict[str, Any]:
    return {
        "id": meta.id,
        "external_id": meta.external_id,
        "instance_id": None if meta.instance_id is None else NodeId(*meta.instance_id),
        "is_string": meta.is_string,
        "is_step": meta.is_step,
        "type": "state",
        "unit": meta.unit,
        "unit_external_id": meta.unit_external_id,
        "granularity": query.granularity if query.aggregates else None,
    }


def _pages(res: Fetched) -> list[StateColumns]:
    pages = list(res.pages)
    if res.before is not None:
        pages.insert(0, res.before)
    if res.after is not None:
        pages.append(res.after)
    return pages


def _status_columns(pages: list[StateColumns]) -> tuple[list[int], list[str]]:
    codes: list[int] = []
    symbols: list[str] = []
    for p in pages:
        k = len(p.timestamp)
        pc = p.status_code or [0] * k
        codes.extend(pc)
        symbols.extend(s or _symbol(c) for s, c in zip(p.status_symbol or [None] * k, pc, strict=True))
    return codes, symbols


def _columns(res: Fetched, query: FetchQuery, include_status: bool) -> dict[str, Any]:
    """Every column of the series as Python lists (snake_case names)."""
    if query.aggregates:
        cols: dict[str, Any] = {"timestamp": [t for p in res.pages for t in p[0]]}
        for name in query.aggregates:
            cols[to_snake_aggregate(name)] = [v for p in res.pages for v in p[1][name]]
        return cols
    pages = _pages(res)
    cols = {
        "timestamp": [t for p in pages for t in p.timestamp],
        "numeric_states": [v for p in pages for v in p.numeric],
        "string_states": [v for p in pages for v in p.string],
    }
    if include_status:
        cols["status_code"], cols["status_symbol"] = _status_columns(pages)
    return cols


def to_datapoints(
    res: Fetched, query: FetchQuery, include_status: bool, timezone: Any, user_identifier: Any
) -> Datapoints:
    """One state series as Datapoints (Python lists)."""
    assert res.meta is not None
    cols = _columns(res, query, include_status)
    dps = Datapoints(**_meta(res.meta, query), timezone=timezone, **cols)
    dps._query_identifier = user_identifier
    return dps


def to_array(
    res: Fetched, query: FetchQuery, include_status: bool, timezone: Any, user_identifier: Any
) -> DatapointsArray:
    """One state series as a DatapointsArray (int64 numeric states, object string states and aggregate lists)."""
    import numpy as np

    assert res.meta is not None
    cols = _columns(res, query, include_status)
    arrays: dict[str, Any] = {}
    nulls: set[int] | None = None
    ts = np.asarray(cols.pop("timestamp"), dtype=np.int64)
    for name, col in cols.items():
        if name == "numeric_states":
            missing = [i for i, v in enumerate(col) if v is None]
            if missing:
                nulls = {int(ts[i]) for i in missing}
                col = [NO_NUMERIC_STATE if v is None else v for v in col]
            arrays[name] = np.asarray(col, dtype=np.int64)
        elif name == "status_code":
            arrays[name] = np.asarray(col, dtype=np.uint32)
        elif name in ("string_states", "status_symbol") or name in _SNAKE_STATE:
            arrays[name] = _object_array(col)
        else:
            arrays[name] = np.asarray(col, dtype=np.int64)
    arr = DatapointsArray(
        **_meta(res.meta, query),
        timestamp=ts.view("datetime64[ms]"),
        null_timestamps=nulls,
        timezone=timezone,
        **arrays,
    )
    arr._query_identifier = user_identifier
    return arr


_SNAKE_STATE = frozenset(to_snake_aggregate(n) for n in STATE_WIRE_AGGREGATES)


def _object_array(values: list[Any]) -> Any:
    """A 1-D object array of the values (lists stay whole: one list per element)."""
    import numpy as np

    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def is_state(meta: ListItem | None) -> bool:
    """True when the answer was for a state series."""
    return meta is not None and meta.type == "state"
