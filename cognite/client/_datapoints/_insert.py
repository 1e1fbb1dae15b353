"""Inserts: user input (tuples, dicts, Datapoints, DatapointsArray, DataFrame columns) into columns, columns into
requests within the API's limits (10,000 items and 100,000 datapoints per request), requests into bytes.

Numeric series without status codes go as protobuf when numpy is installed (encoded column-wise, see
:mod:`._protobuf`); anything else as JSON. State datapoints (:class:`StateInsertItem`, from ``insert_states``) take
the same path, always as JSON (protobuf has no states). A series longer than one request is split across requests; small series
share one. Inserting is idempotent by timestamp, so the requests are marked retryable: a request whose outcome is
unknown (timeout, dropped connection, 5xx) is sent again by the HTTP layer.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from cognite.client._datapoints import _protobuf as pb
from cognite.client.utils._time import MAX_TIMESTAMP_MS, timestamp_to_ms

__all__ = ["INSERT_ITEMS", "INSERT_POINTS", "InsertItem", "StateInsertItem", "columns_of", "plan_requests"]

INSERT_ITEMS = 10_000
INSERT_POINTS = 100_000
_STATUS = {"Good": 0, "Uncertain": 0x40000000, "Bad": 0x80000000}


class InsertItem:
    """The datapoints of one series to insert, as columns.

    Args:
        identifier: Wire identifier.
        timestamps: ms (list or int64 array).
        values: Values (list or array).
        codes: Status codes (0 good), or None.
        symbols: Status symbols, or None.
        is_string: Values are strings.
    """

    def __init__(
        self, identifier: dict[str, Any], timestamps: Any, values: Any, codes: Any, symbols: Any, is_string: bool
    ) -> None:
        self.identifier = identifier
        self.timestamps = timestamps
        self.values = values
        self.codes = codes
        self.symbols = symbols
        self.is_string = is_string

    def __len__(self) -> int:
        return len(self.timestamps)

    def slice(self, i: int, j: int) -> InsertItem:
        """The datapoints ``[i, j)``."""

        def cut(col: Any) -> Any:
            return None if col is None else col[i:j]

        return InsertItem(
            self.identifier, self.timestamps[i:j], self.values[i:j], cut(self.codes), cut(self.symbols), self.is_string
        )

    def protobuf_ok(self) -> bool:
        """Whether the item can go as protobuf: numeric values, no status codes, no missing values."""
        return not self.is_string and self.codes is None and not _has_none(self.values)

    def describe(self) -> dict[str, Any]:
        """What the item carries, for error reports: identifier, count, first and last timestamp."""
        n = len(self)
        first = int(self.timestamps[0]) if n else None
        last = int(self.timestamps[-1]) if n else None
        return {**self.identifier, "count": n, "first_timestamp": first, "last_timestamp": last}

    def json(self) -> dict[str, Any]:
        """The JSON wire form."""
        ts = self.timestamps.tolist() if hasattr(self.timestamps, "tolist") else self.timestamps
        values = self.values.tolist() if hasattr(self.values, "tolist") else self.values
        points = []
        for k, (t, v) in enumerate(zip(ts, values, strict=True)):
            p: dict[str, Any] = {"timestamp": t}
            if v is not None and not (
                isinstance(v, float) and math.isnan(v) and self.codes is not None and self.codes[k]
            ):
                p["value"] = (
                    v if not (isinstance(v, float) and math.isinf(v)) else ("Infinity" if v > 0 else "-Infinity")
                )
            elif isinstance(v, float):
                p["value"] = "NaN"
            if self.codes is not None and self.codes[k]:
                p["status"] = {"code": int(self.codes[k])}
            elif self.symbols is not None and self.symbols[k] not in (None, "Good"):
                p["status"] = {"symbol": self.symbols[k]}
            points.append(p)
        return {**self.identifier, "datapoints": points}


class StateInsertItem(InsertItem):
    """The datapoints of one state time series to insert, in wire form (``timestamp``, ``numericValue``,
    ``stringValue``, ``status``); always sent as JSON.

    Args:
        identifier: Wire identifier.
        points: The datapoints.
    """

    def __init__(self, identifier: dict[str, Any], points: list[dict[str, Any]]) -> None:
        super().__init__(identifier, [p["timestamp"] for p in points], points, None, None, False)

    @classmethod
    def of(cls, insert: Any) -> StateInsertItem:
        """Check and dump a :class:`~cognite.client.data_classes.datapoints.StateDatapointsInsert`.

        Raises:
            ValueError: A datapoint has neither a numeric nor a string state and no bad status, or no instance id.
        """
        dumped = insert.dump()
        for point in dumped["datapoints"]:
            status = point.get("status") or {}
            bad = (status.get("code") or 0) >> 31 or str(status.get("symbol") or "").startswith("Bad")
            if "numericValue" not in point and "stringValue" not in point and not bad:
                raise ValueError(
                    f"A state datapoint needs numeric_value or string_value, or a bad status, got {point!r} "
                    f"(instance id {insert.instance_id!r})"
                )
        return cls({"instanceId": dumped["instanceId"]}, dumped["datapoints"])

    def slice(self, i: int, j: int) -> StateInsertItem:
        """The datapoints ``[i, j)``."""
        return StateInsertItem(self.identifier, self.values[i:j])

    def protobuf_ok(self) -> bool:
        """Never: protobuf has no state datapoints."""
        return False

    def json(self) -> dict[str, Any]:
        """The JSON wire form."""
        return {**self.identifier, "datapoints": self.values}


def _ms(t: Any) -> int:
    if isinstance(t, int) and not isinstance(t, bool):
        return t
    return timestamp_to_ms(t)


def _status(code: Any, symbol: Any) -> int:
    if code is not None:
        return int(code)
    if symbol is None:
        return 0
    if symbol not in _STATUS:
        raise ValueError(f"Unknown status symbol {symbol!r}; give the status code instead")
    return _STATUS[symbol]


def columns_of(datapoints: Any, identifier: dict[str, Any], name: str = "datapoints") -> InsertItem:
    """Columns of datapoints given in any supported form.

    Args:
        datapoints: A list of ``(timestamp, value[, status code])`` tuples, a list of dicts
            (``timestamp``, ``value``, optional ``status_code``/``status_symbol`` or ``status``), a Datapoints or a
            DatapointsArray.
        identifier: The wire identifier of the series.
        name: The argument name (for errors).

    Returns:
        The columns.
    """
    from cognite.client.data_classes.datapoints import Datapoints, DatapointsArray

    if isinstance(datapoints, DatapointsArray):
        if datapoints.value is None:
            raise ValueError(f"{name}: only raw datapoints (with values) can be inserted, not aggregates")
        ts = datapoints.timestamp.astype("datetime64[ms]").view("int64")
        values = datapoints.value
        codes = datapoints.status_code
        is_string = values.dtype == object
        if datapoints.null_timestamps:
            import numpy as np

            values = values.astype(object) if not is_string else values.copy()
            mask = np.isin(ts, np.fromiter(datapoints.null_timestamps, np.int64))
            values[mask] = None
        return InsertItem(identifier, ts, values, codes, None, bool(is_string))
    if isinstance(datapoints, Datapoints):
        if datapoints.value is None:
            raise ValueError(f"{name}: only raw datapoints (with values) can be inserted, not aggregates")
        values = list(datapoints.value)
        return InsertItem(
            identifier,
            [_ms(t) for t in datapoints.timestamp],
            values,
            datapoints.status_code,
            datapoints.status_symbol,
            any(isinstance(v, str) for v in values),
        )
    if isinstance(datapoints, str | bytes | dict) or not isinstance(datapoints, Sequence):
        raise TypeError(
            f"{name} must be a list of tuples or dicts, a Datapoints or a DatapointsArray, got {type(datapoints).__name__}"
        )
    stamps: list[int] = []
    vals: list[Any] = []
    codes_list: list[int] = []
    for dp in datapoints:
        if isinstance(dp, tuple | list):
            if len(dp) not in (2, 3):
                raise ValueError(
                    f"{name}: tuples must be (timestamp, value) or (timestamp, value, status code), got {dp!r}"
                )
            t, v = dp[0], dp[1]
            code = _status(dp[2], None) if len(dp) == 3 else 0
        elif isinstance(dp, dict):
            if "timestamp" not in dp:
                raise ValueError(f"{name}: each dict needs a 'timestamp', got {dp!r}")
            t, v = dp["timestamp"], dp.get("value")
            status = dp.get("status") or {}
            code = _status(dp.get("status_code", status.get("code")), dp.get("status_symbol", status.get("symbol")))
        else:
            raise TypeError(f"{name}: each datapoint must be a tuple or a dict, got {type(dp).__name__}")
        if isinstance(v, bool) or not (v is None or isinstance(v, int | float | str)):
            raise TypeError(f"{name}: values must be numbers or strings, got {v!r}")
        if v is None and not code >> 31:
            raise ValueError(f"{name}: a datapoint without a value must have a bad status code, got {dp!r}")
        stamps.append(_ms(t))
        vals.append(v)
        codes_list.append(code)
    is_string = any(isinstance(v, str) for v in vals)
    if not is_string:
        vals = [float(v) if v is not None else None for v in vals]
    return InsertItem(identifier, stamps, vals, codes_list if any(codes_list) else None, None, is_string)


def plan_requests(items: Sequence[InsertItem]) -> list[list[InsertItem]]:
    """Split and pack items into requests of at most 10,000 items and 100,000 datapoints, in input order."""
    requests: list[list[InsertItem]] = []
    current: list[InsertItem] = []
    points = 0
    for item in items:
        pos = 0
        while pos < len(item):
            room = INSERT_POINTS - points
            take = min(room, len(item) - pos)
            current.append(item.slice(pos, pos + take))
            pos += take
            points += take
            if points >= INSERT_POINTS or len(current) >= INSERT_ITEMS:
                requests.append(current)
                current, points = [], 0
    if current:
        requests.append(current)
    return requests


def encode_request(items: Sequence[InsertItem], use_protobuf: bool) -> tuple[bytes | None, Any]:
    """``(protobuf body, None)`` when every item is numeric without status codes and protobuf is wanted, else
    ``(None, JSON body)``."""
    if use_protobuf and all(it.protobuf_ok() for it in items):
        body = b"".join(
            pb.encode_insert_item(it.identifier, pb.encode_numeric(it.timestamps, it.values), False) for it in items
        )
        return body, None
    return None, {"items": [it.json() for it in items]}


def _has_none(values: Any) -> bool:
    if isinstance(values, list):
        return any(v is None for v in values)
    return getattr(values, "dtype", None) is not None and values.dtype == object and any(v is None for v in values)


def timestamp_or_default(value: Any, default: int, name: str) -> int:
    """A start/end/before argument in ms (None: the default)."""
    if value is None:
        return default
    if not isinstance(value, bool | int) and hasattr(value, "__index__"):
        value = value.__index__()  # numpy integers
    if isinstance(value, bool) or not isinstance(value, int | float | str | dt.datetime):
        raise TypeError(f"{name} must be ms (int), a datetime or a string such as '2d-ago', not {type(value).__name__}")
    if name == "end" and value == MAX_TIMESTAMP_MS + 1:
        return MAX_TIMESTAMP_MS + 1  # an exclusive end just after the last timestamp CDF supports
    return timestamp_to_ms(value)
