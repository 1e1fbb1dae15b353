"""Aggregates of data-modeling records (streams): metrics, buckets and pipeline aggregates, and their results.

An aggregate request is a dictionary of named aggregates (``{"avg_temp": {"avg": {"property": [...]}}}``); bucket
aggregates (unique values, histograms, filters) nest further named aggregates. Each class dumps its own body;
results load by the key that names their kind (``avg``, ``uniqueValueBuckets``, ``numberHistogramBuckets``...).

Example:
    >>> from cognite.client.data_classes.data_modeling.aggregates import Average, UniqueValues
    >>> UniqueValues(["s", "Pump", "site"], aggregates={"avg": Average(["s", "Pump", "flow"])}, size=5).dump()
    {'uniqueValues': {'property': ['s', 'Pump', 'site'], 'aggregates': {'avg': {'avg': {'property': ['s', 'Pump', 'flow']}}}, 'size': 5}}
"""

from __future__ import annotations

import enum
import json
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from cognite.client.data_classes._base import CogniteResource
from cognite.client.data_classes.filters import Filter

__all__ = [
    "Aggregate",
    "Average",
    "Bucket",
    "BucketResult",
    "CogniteResource",
    "Count",
    "Filter",
    "Filters",
    "FiltersResult",
    "Max",
    "MetricResult",
    "Min",
    "MovingFunction",
    "MovingFunctionResult",
    "MovingFunctions",
    "NumberHistogram",
    "NumberHistogramResult",
    "Result",
    "Sum",
    "TimeHistogram",
    "TimeHistogramResult",
    "UniqueValues",
    "UniqueValuesResult",
    "UnknownAggregate",
    "UnknownResult",
]


def _property(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence) and value and all(isinstance(v, str) for v in value):
        return list(value)
    raise TypeError(f"property must be a str or a list of str, not {value!r}")


def _dump_aggregates(aggregates: Mapping[str, Aggregate] | None) -> dict[str, Any] | None:
    if aggregates is None:
        return None
    if not isinstance(aggregates, Mapping):
        raise TypeError("aggregates must be a dict of name -> Aggregate")
    return {name: agg.dump() for name, agg in aggregates.items()}


def _load_aggregates(data: Mapping[str, Any] | None) -> dict[str, Aggregate] | None:
    return None if data is None else {name: Aggregate.load(agg) for name, agg in data.items()}


class Aggregate(ABC):
    """Base of the aggregates of records; ``Aggregate.load`` picks the class by its key."""

    _name: ClassVar[str] = ""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{kind: {...}}``."""
        return {self._name: self._body()}

    @abstractmethod
    def _body(self) -> dict[str, Any]: ...

    @classmethod
    def load(cls, data: dict[str, Any] | str) -> Aggregate:
        """Load from ``{kind: {...}}`` (an unknown kind gives an UnknownAggregate)."""
        if isinstance(data, str):
            data = json.loads(data)
        if not isinstance(data, Mapping) or len(data) != 1:
            raise ValueError(f"An aggregate is a dict with one key, its kind; got {data!r}")
        ((name, body),) = data.items()
        target = _AGGREGATES.get(name)
        if target is None:
            return UnknownAggregate(dict(data))
        return target._load_body(body)

    @classmethod
    def _load_body(cls, body: dict[str, Any]) -> Aggregate:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dump()!r})"


class _Metric(Aggregate):
    def __init__(self, property: str | Sequence[str]) -> None:
        self.property = _property(property)

    def _body(self) -> dict[str, Any]:
        return {"property": self.property}

    @classmethod
    def _load_body(cls, body: dict[str, Any]) -> Aggregate:
        return cls(body["property"])


class Average(_Metric):
    """The average of a numeric property.

    Args:
        property: The property reference, e.g. ``["space", "Container", "prop"]``.
    """

    _name = "avg"


class Count(_Metric):
    """The number of records with a value in the property.

    Args:
        property: The property reference.
    """

    _name = "count"


class Max(_Metric):
    """The largest value of a property.

    Args:
        property: The property reference.
    """

    _name = "max"


class Min(_Metric):
    """The smallest value of a property.

    Args:
        property: The property reference.
    """

    _name = "min"


class Sum(_Metric):
    """The sum of a numeric property.

    Args:
        property: The property reference.
    """

    _name = "sum"


class UniqueValues(Aggregate):
    """One bucket per distinct value of a property, with nested aggregates per bucket.

    Args:
        property: The property reference.
        aggregates: Nested aggregates by name.
        size: The most buckets.
    """

    _name = "uniqueValues"

    def __init__(
        self, property: str | Sequence[str], aggregates: Mapping[str, Aggregate] | None = None, size: int | None = None
    ) -> None:
        self.property = _property(property)
        self.aggregates = dict(aggregates) if aggregates is not None else None
        self.size = size

    def _body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"property": self.property}
        if self.aggregates is not None:
            out["aggregates"] = _dump_aggregates(self.aggregates)
        if self.size is not None:
            out["size"] = self.size
        return out

    @classmethod
    def _load_body(cls, body: dict[str, Any]) -> Aggregate:
        return cls(body["property"], _load_aggregates(body.get("aggregates")), body.get("size"))


class NumberHistogram(Aggregate):
    """Buckets of a numeric property of width ``interval``.

    Args:
        property: The property reference.
        interval: The bucket width.
        aggregates: Nested aggregates by name.
        hard_bounds: ``{"min": ..., "max": ...}`` limits of the buckets.
    """

    _name = "numberHistogram"

    def __init__(
        self,
        property: str | Sequence[str],
        interval: float,
        aggregates: Mapping[str, Aggregate] | None = None,
        hard_bounds: Mapping[str, float] | None = None,
    ) -> None:
        if isinstance(interval, bool) or not isinstance(interval, int | float) or interval <= 0:
            raise ValueError(f"interval must be a positive number, not {interval!r}")
        self.property = _property(property)
        self.interval = interval
        self.aggregates = dict(aggregates) if aggregates is not None else None
        self.hard_bounds = dict(hard_bounds) if hard_bounds is not None else None

    def _body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"property": self.property, "interval": self.interval}
        if self.aggregates is not None:
            out["aggregates"] = _dump_aggregates(self.aggregates)
        if self.hard_bounds is not None:
            out["hardBounds"] = self.hard_bounds
        return out

    @classmethod
    def _load_body(cls, body: dict[str, Any]) -> Aggregate:
        return cls(body["property"], body["interval"], _load_aggregates(body.get("aggregates")), body.get("hardBounds"))


class TimeHistogram(Aggregate):
    """Buckets of a timestamp property, by calendar or fixed interval.

    Args:
        property: The property reference.
        calendar_interval: ``"1s"``, ``"1m"``, ``"1h"``, ``"1d"``, ``"1w"``, ``"1M"``, ``"1q"`` or ``"1y"``.
        fixed_interval: A fixed interval, e.g. ``"3h"``.
        aggregates: Nested aggregates by name.
        hard_bounds: ``{"min": ..., "max": ...}`` limits of the buckets (ISO 8601).
    """

    _name = "timeHistogram"

    def __init__(
        self,
        property: str | Sequence[str],
        calendar_interval: str | None = None,
        fixed_interval: str | None = None,
        aggregates: Mapping[str, Aggregate] | None = None,
        hard_bounds: Mapping[str, str] | None = None,
    ) -> None:
        if (calendar_interval is None) == (fixed_interval is None):
            raise ValueError("Give exactly one of calendar_interval and fixed_interval")
        self.property = _property(property)
        self.calendar_interval = calendar_interval
        self.fixed_interval = fixed_interval
        self.aggregates = dict(aggregates) if aggregates is not None else None
        self.hard_bounds = dict(hard_bounds) if hard_bounds is not None else None

    def _body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"property": self.property}
        if self.calendar_interval is not None:
            out["calendarInterval"] = self.calendar_interval
        if self.fixed_interval is not None:
            out["fixedInterval"] = self.fixed_interval
        if self.aggregates is not None:
            out["aggregates"] = _dump_aggregates(self.aggregates)
        if self.hard_bounds is not None:
            out["hardBounds"] = self.hard_bounds
        return out

    @classmethod
    def _load_body(cls, body: dict[str, Any]) -> Aggregate:
        return cls(
            body["property"], body.get("calendarInterval"), body.get("fixedInterval"),
            _load_aggregates(body.get("aggregates")), body.get("hardBounds"),
        )  # fmt: skip


class Filters(Aggregate):
    """One bucket per filter, with nested aggregates per bucket.

    Args:
        filters: The filters (one bucket each).
        aggregates: Nested aggregates by name.
    """

    _name = "filters"

    def __init__(self, filters: Sequence[Filter], aggregates: Mapping[str, Aggregate] | None = None) -> None:
        if isinstance(filters, Filter) or not all(isinstance(f, Filter) for f in filters):
            raise TypeError("filters must be a list of Filter")
        self.filters = list(filters)
        self.aggregates = dict(aggregates) if aggregates is not None else None

    def _body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"filters": [f.dump() for f in self.filters]}
        if self.aggregates is not None:
            out["aggregates"] = _dump_aggregates(self.aggregates)
        return out

    @classmethod
    def _load_body(cls, body: dict[str, Any]) -> Aggregate:
        return cls([Filter.load(f) for f in body["filters"]], _load_aggregates(body.get("aggregates")))


class MovingFunctions(str, enum.Enum):
    """The functions of a moving-window aggregate."""

    max = "MovingFunctions.max"
    min = "MovingFunctions.min"
    sum = "MovingFunctions.sum"
    unweighted_avg = "MovingFunctions.unweightedAvg"
    linear_weighted_avg = "MovingFunctions.linearWeightedAvg"


class MovingFunction(Aggregate):
    """A function over a moving window of the buckets of a sibling histogram.

    Args:
        buckets_path: The path to the buckets (e.g. ``"hist>avg"``).
        window: The window size in buckets.
        function: A MovingFunctions member (or its string).
    """

    _name = "movingFunction"

    def __init__(self, buckets_path: str, window: int, function: str | MovingFunctions) -> None:
        if isinstance(window, bool) or not isinstance(window, int) or window < 1:
            raise ValueError(f"window must be a positive int, not {window!r}")
        self.buckets_path = buckets_path
        self.window = window
        self.function = function.value if isinstance(function, MovingFunctions) else MovingFunctions(function).value

    def _body(self) -> dict[str, Any]:
        return {"bucketsPath": self.buckets_path, "window": self.window, "function": self.function}

    @classmethod
    def _load_body(cls, body: dict[str, Any]) -> Aggregate:
        return cls(body["bucketsPath"], body["window"], body["function"])


class UnknownAggregate(Aggregate):
    """An aggregate of a kind this SDK version does not know; keeps its data.

    Args:
        raw: The aggregate as a dictionary.
    """

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the raw data."""
        return dict(self.raw)

    def _body(self) -> dict[str, Any]:
        return dict(self.raw)


_AGGREGATES: dict[str, type[Aggregate]] = {
    c._name: c
    for c in (Average, Count, Max, Min, Sum, UniqueValues, NumberHistogram, TimeHistogram, Filters, MovingFunction)
}


# ------------------------------------------------------------------------------------------------ results


class Result(ABC):
    """Base of aggregate results; ``Result.load`` picks the class by the key of the result."""

    @abstractmethod
    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""

    @classmethod
    def load(cls, data: dict[str, Any] | str) -> Result:
        """Load a result (an unknown shape gives an UnknownResult)."""
        if isinstance(data, str):
            data = json.loads(data)
        assert isinstance(data, dict)
        for metric in ("avg", "count", "min", "max", "sum"):
            if metric in data:
                return MetricResult(metric, data[metric])
        for key, result_cls in _BUCKET_RESULTS.items():
            if key in data:
                return result_cls([Bucket.load(b) for b in data[key]])
        if "fnValue" in data:
            return MovingFunctionResult(data["fnValue"])
        return UnknownResult(data)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dump()!r})"


class MetricResult(Result):
    """The value of a metric aggregate.

    Args:
        aggregate: ``"avg"``, ``"count"``, ``"min"``, ``"max"`` or ``"sum"``.
        value: The value.
    """

    def __init__(self, aggregate: str, value: float | int | None) -> None:
        self.aggregate = aggregate
        self.value = value

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{aggregate: value}``."""
        return {self.aggregate: self.value}


class Bucket:
    """One bucket of a bucket aggregate.

    Args:
        count: The records in the bucket.
        value: The bucket's value (unique values).
        interval_start: Where the bucket starts (histograms).
        aggregates: The nested results by name.
    """

    def __init__(
        self,
        count: int,
        value: Any = None,
        interval_start: Any = None,
        aggregates: dict[str, Result] | None = None,
    ) -> None:
        self.count = count
        self.value = value
        self.interval_start = interval_start
        self.aggregates = aggregates

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""
        out: dict[str, Any] = {"count": self.count}
        if self.value is not None:
            out["value"] = self.value
        if self.interval_start is not None:
            out["intervalStart" if camel_case else "interval_start"] = self.interval_start
        if self.aggregates is not None:
            out["aggregates"] = {k: v.dump(camel_case) for k, v in self.aggregates.items()}
        return out

    @classmethod
    def load(cls, data: dict[str, Any]) -> Bucket:
        """Load from the wire form."""
        aggregates = data.get("aggregates")
        return cls(
            data["count"],
            data.get("value"),
            data.get("intervalStart"),
            {k: Result.load(v) for k, v in aggregates.items()} if aggregates is not None else None,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Bucket) and self.dump() == other.dump()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Bucket({self.dump()!r})"


class BucketResult(Result):
    """The buckets of a bucket aggregate.

    Args:
        buckets: The buckets.
    """

    _key: ClassVar[str] = "buckets"

    def __init__(self, buckets: list[Bucket]) -> None:
        self.buckets = buckets

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{key: [buckets]}``."""
        return {self._key: [b.dump(camel_case) for b in self.buckets]}


class UniqueValuesResult(BucketResult):
    """The buckets of a unique-values aggregate.

    Args:
        buckets: The buckets.
    """

    _key = "uniqueValueBuckets"


class NumberHistogramResult(BucketResult):
    """The buckets of a number histogram.

    Args:
        buckets: The buckets.
    """

    _key = "numberHistogramBuckets"


class TimeHistogramResult(BucketResult):
    """The buckets of a time histogram.

    Args:
        buckets: The buckets.
    """

    _key = "timeHistogramBuckets"


class FiltersResult(BucketResult):
    """The buckets of a filters aggregate (one per filter).

    Args:
        buckets: The buckets.
    """

    _key = "filterBuckets"


_BUCKET_RESULTS: dict[str, type[BucketResult]] = {
    c._key: c for c in (UniqueValuesResult, NumberHistogramResult, TimeHistogramResult, FiltersResult)
}


class MovingFunctionResult(Result):
    """The value of a moving function.

    Args:
        fn_value: The value.
    """

    def __init__(self, fn_value: float | None) -> None:
        self.fn_value = fn_value

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"fnValue": ...}``."""
        return {"fnValue" if camel_case else "fn_value": self.fn_value}


class UnknownResult(Result):
    """A result of a kind this SDK version does not know; keeps its data.

    Args:
        raw_result: The result as a dictionary.
    """

    def __init__(self, raw_result: dict[str, Any]) -> None:
        self.raw_result = raw_result

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the raw data."""
        return dict(self.raw_result)
