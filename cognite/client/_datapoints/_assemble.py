"""Turn fetched pages into :class:`Datapoints` (Python lists) or :class:`DatapointsArray` (numpy arrays).

Pages are joined once per series (``numpy.concatenate`` per column, or list concatenation), so a series costs one
copy of its data beyond the decoded pages, which are released as the result is built.
"""

from __future__ import annotations

from typing import Any

from cognite.client._datapoints import _states
from cognite.client._datapoints._fetch import Fetched, FetchQuery
from cognite.client.data_classes.datapoint_aggregates import INT_AGGREGATES, to_snake_aggregate
from cognite.client.data_classes.datapoints import (
    Datapoints,
    DatapointsArray,
    MaxDatapoint,
    MaxDatapointWithStatus,
    MinDatapoint,
    MinDatapointWithStatus,
    NodeId,
)

__all__ = ["to_array", "to_datapoints"]

_SYMBOLS = {0: "Good", 0x40000000: "Uncertain", 0x80000000: "Bad"}


def _symbol(code: int) -> str:
    return _SYMBOLS.get(code) or ("Good", "Uncertain", "Bad", "Bad")[code >> 30]


def _meta(res: Fetched, query: FetchQuery, granularity: str | None, user_identifier: Any) -> dict[str, Any]:
    m = res.meta
    assert m is not None
    return {
        "id": m.id,
        "external_id": m.external_id,
        "instance_id": None if m.instance_id is None else NodeId(*m.instance_id),
        "is_string": m.is_string,
        "is_step": m.is_step,
        "type": "string" if m.is_string else "numeric",
        "unit": m.unit,
        "unit_external_id": m.unit_external_id,
        "granularity": granularity if query.aggregates else None,
    }


def _extreme(name: str, point: Any, with_status: bool) -> Any:
    if point is None:
        return None
    t, v, code, symbol = point
    is_max = name == "maxDatapoint"
    if with_status:
        cls: Any = MaxDatapointWithStatus if is_max else MinDatapointWithStatus
        return cls(t, v, code, symbol or _symbol(code))
    return (MaxDatapoint if is_max else MinDatapoint)(t, v)


def _raw_pages(res: Fetched) -> list[Any]:
    pages = list(res.pages)
    if res.before is not None:
        pages.insert(0, res.before)
    if res.after is not None:
        pages.append(res.after)
    return pages


def to_array(
    res: Fetched, query: FetchQuery, include_status: bool, timezone: Any, user_identifier: Any
) -> DatapointsArray:
    """One series as a DatapointsArray (numpy columns)."""
    if _states.is_state(res.meta):
        return _states.to_array(res, query, include_status, timezone, user_identifier)
    import numpy as np

    meta = _meta(res, query, query.granularity, user_identifier)
    if query.aggregates:
        ts = (
            np.concatenate([np.asarray(p[0], dtype=np.int64) for p in res.pages])
            if res.pages
            else np.empty(0, np.int64)
        )
        columns: dict[str, Any] = {}
        for name in query.aggregates:
            snake = to_snake_aggregate(name)
            parts = [p[1][name] for p in res.pages]
            if name in ("maxDatapoint", "minDatapoint"):
                objs = [_extreme(name, pt, include_status) for part in parts for pt in part]
                col = np.empty(len(objs), dtype=object)
                col[:] = objs
            else:
                col = np.concatenate([np.asarray(x, dtype=np.float64) for x in parts]) if parts else np.empty(0)
                if snake in INT_AGGREGATES:
                    col = col.astype(np.int64)
            columns[snake] = col
        arr = DatapointsArray(**meta, timestamp=ts.view("datetime64[ms]"), timezone=timezone, **columns)
    else:
        pages = _raw_pages(res)
        n = sum(len(p.timestamp) for p in pages)
        ts = (
            np.concatenate([np.asarray(p.timestamp, dtype=np.int64) for p in pages]) if pages else np.empty(0, np.int64)
        )
        dtype: Any = object if meta["is_string"] else np.float64
        if len(pages) == 1 and not meta["is_string"]:
            values = np.asarray(pages[0].value, dtype=np.float64)
        else:
            values = np.empty(n, dtype=dtype)
            pos = 0
            for p in pages:
                values[pos : pos + len(p.timestamp)] = p.value
                pos += len(p.timestamp)
        nulls: set[int] | None = None
        codes: Any = None
        symbols: Any = None
        if include_status:
            codes = np.zeros(n, dtype=np.uint32)
            symbols = np.empty(n, dtype=object)
            symbols[:] = "Good"
        pos = 0
        for p in pages:
            k = len(p.timestamp)
            if include_status and p.status_code is not None:
                codes[pos : pos + k] = p.status_code
                symbols[pos : pos + k] = [
                    s or _symbol(int(c)) for s, c in zip(p.status_symbol or [None] * k, p.status_code, strict=True)
                ]  # type: ignore[index]
            if p.null:
                nulls = (nulls or set()) | {int(ts[pos + i]) for i in p.null}
                if meta["is_string"]:
                    for i in p.null:
                        values[pos + i] = None
            pos += k
        arr = DatapointsArray(
            **meta,
            timestamp=ts.view("datetime64[ms]"),
            value=values,
            status_code=codes,
            status_symbol=symbols,
            null_timestamps=nulls,
            timezone=timezone,
        )
    arr._query_identifier = user_identifier
    return arr


def to_datapoints(
    res: Fetched, query: FetchQuery, include_status: bool, timezone: Any, user_identifier: Any, from_numpy: bool
) -> Datapoints:
    """One series as Datapoints (Python lists)."""
    if _states.is_state(res.meta):
        return _states.to_datapoints(res, query, include_status, timezone, user_identifier)
    if from_numpy:
        arr = to_array(res, query, include_status, timezone, user_identifier)
        columns: dict[str, Any] = {}
        for name in arr._present_columns():
            col = getattr(arr, name)
            columns[name] = list(col) if col.dtype == object else col.tolist()
        if arr.null_timestamps and not arr.is_string and "value" in columns:
            ts_list = arr.timestamp.view("int64").tolist()
            columns["value"] = [
                None if t in arr.null_timestamps else v for t, v in zip(ts_list, columns["value"], strict=True)
            ]
        meta = {
            k: getattr(arr, k)
            for k in (
                "id",
                "external_id",
                "instance_id",
                "is_string",
                "is_step",
                "type",
                "unit",
                "unit_external_id",
                "granularity",
            )
        }
        dps = Datapoints(**meta, timestamp=arr.timestamp.view("int64").tolist(), timezone=timezone, **columns)
        dps._query_identifier = user_identifier
        return dps
    meta = _meta(res, query, query.granularity, user_identifier)
    if query.aggregates:
        ts = [t for p in res.pages for t in p[0]]
        cols: dict[str, Any] = {}
        for name in query.aggregates:
            snake = to_snake_aggregate(name)
            values = [v for p in res.pages for v in p[1][name]]
            if name in ("maxDatapoint", "minDatapoint"):
                values = [_extreme(name, pt, include_status) for pt in values]
            elif snake in INT_AGGREGATES:
                values = [int(v) for v in values]
            cols[snake] = values
        dps = Datapoints(**meta, timestamp=ts, timezone=timezone, **cols)
    else:
        pages = _raw_pages(res)
        ts = [t for p in pages for t in p.timestamp]
        values = []
        codes: list[int] | None = [] if include_status else None
        symbols: list[str] | None = [] if include_status else None
        for p in pages:
            vals = list(p.value)
            for i in p.null or ():
                vals[i] = None
            values.extend(vals)
            if codes is not None and symbols is not None:
                k = len(p.timestamp)
                pc = p.status_code or [0] * k
                codes.extend(pc)
                symbols.extend(s or _symbol(c) for s, c in zip(p.status_symbol or [None] * k, pc, strict=True))
        dps = Datapoints(
            **meta, timestamp=ts, value=values, status_code=codes, status_symbol=symbols, timezone=timezone
        )
    dps._query_identifier = user_identifier
    return dps
