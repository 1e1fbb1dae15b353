"""Aggregations: what to aggregate, aggregate results, and the filters applied to aggregate buckets.

- Metric aggregations for data-modeling instances (``Avg``, ``Count``, ``Max``, ``Min``, ``Sum``,
  ``Histogram``) dump to ``{"avg": {"property": "weight"}}``; results (``AvgValue``, ``HistogramValue``...)
  load from ``{"aggregate": "avg", "property": "weight", "value": 42.0}``.
- ``UniqueResult``/``UniqueResultList``: unique-values buckets of the classic resources (``{"count", "values"}``).
- Aggregate filters (``Prefix``, ``In``, ``Range``, ``And``, ``Or``, ``Not``) restrict which buckets of a
  unique-values aggregate are returned (``aggregate_unique_values(..., aggregate_filter=...)``).

Example:
    >>> from cognite.client.data_classes.aggregations import AggregatedValue, Avg, Prefix, Not
    >>> Avg("weight").dump()
    {'avg': {'property': 'weight'}}
    >>> AggregatedValue.load({"aggregate": "avg", "property": "weight", "value": 4.5})
    AvgValue(property='weight', value=4.5)
    >>> (Prefix("pump") & ~Prefix("pump_old")).dump()
    {'and': [{'prefix': {'value': 'pump'}}, {'not': {'prefix': {'value': 'pump_old'}}}]}
"""

from __future__ import annotations

import json
from abc import ABC
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, cast

import msgspec

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    UnknownCogniteResource,
)
from cognite.client.data_classes.labels import Label

__all__ = [
    "AggregatedNumberedValue",
    "AggregatedValue",
    "Aggregation",
    "AggregationFilter",
    "And",
    "Average",
    "AverageValue",
    "Avg",
    "AvgValue",
    "Bucket",
    "Buckets",
    "CogniteResource",
    "CogniteResourceList",
    "CompoundFilter",
    "Count",
    "CountValue",
    "FilterWithValue",
    "FilterWithValueList",
    "Histogram",
    "HistogramValue",
    "In",
    "Label",
    "Max",
    "MaxValue",
    "MetricAggregation",
    "Min",
    "MinValue",
    "Not",
    "Or",
    "Prefix",
    "Range",
    "Sum",
    "SumValue",
    "UniqueResult",
    "UniqueResultList",
    "UnknownCogniteResource",
]


# ---------------------------------------------------------------------------------------------- aggregations


class Aggregation(ABC):
    """Base of the aggregations to compute over a property.

    Args:
        property: The property to aggregate.
    """

    _aggregation_name: ClassVar[str]

    def __init__(self, property: str) -> None:
        if not isinstance(property, str):
            raise TypeError(f"property must be a str, not {type(property).__name__}")
        self.property = property

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{name: {"property": ...}}``.

        Args:
            camel_case: Accepted for uniformity; keys are always camelCase.

        Returns:
            The aggregation as a dictionary.
        """
        return {self._aggregation_name: {"property": self.property}}

    @classmethod
    def load(cls, aggregation: dict[str, Any] | str) -> Aggregation:
        """Load an aggregation from ``{"avg": {"property": ...}}`` (or its JSON).

        Args:
            aggregation: The aggregation as a dictionary.

        Returns:
            The aggregation.
        """
        if isinstance(aggregation, str):
            aggregation = json.loads(aggregation)
        if not isinstance(aggregation, Mapping) or len(aggregation) != 1:
            raise ValueError(f"An aggregation is a dict with one key, the aggregate name; got {aggregation!r}")
        ((name, body),) = aggregation.items()
        agg_cls = _AGGREGATIONS.get(name)
        if agg_cls is None:
            raise ValueError(f"Unknown aggregation {name!r}; known: {sorted(_AGGREGATIONS)}")
        if agg_cls is Histogram:
            return Histogram(body["property"], body["interval"])
        return agg_cls(body["property"])

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()

    def __hash__(self) -> int:
        return hash(json.dumps(self.dump(), sort_keys=True))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({args})"


class MetricAggregation(Aggregation, ABC):
    """Base of the aggregations that compute one number (avg, count, max, min, sum)."""


class Avg(MetricAggregation):
    """The average of a numeric property.

    Args:
        property: The property.

    Example:
        >>> from cognite.client.data_classes.aggregations import Avg
        >>> Avg("weight").dump()
        {'avg': {'property': 'weight'}}
    """

    _aggregation_name = "avg"


Average = Avg


class Count(MetricAggregation):
    """The number of items with a value in the property.

    Args:
        property: The property.

    Example:
        >>> from cognite.client.data_classes.aggregations import Count
        >>> Count("externalId").dump()
        {'count': {'property': 'externalId'}}
    """

    _aggregation_name = "count"


class Max(MetricAggregation):
    """The largest value of a numeric property.

    Args:
        property: The property.

    Example:
        >>> from cognite.client.data_classes.aggregations import Max
        >>> Max("weight").dump()
        {'max': {'property': 'weight'}}
    """

    _aggregation_name = "max"


class Min(MetricAggregation):
    """The smallest value of a numeric property.

    Args:
        property: The property.

    Example:
        >>> from cognite.client.data_classes.aggregations import Min
        >>> Min("weight").dump()
        {'min': {'property': 'weight'}}
    """

    _aggregation_name = "min"


class Sum(MetricAggregation):
    """The sum of a numeric property.

    Args:
        property: The property.

    Example:
        >>> from cognite.client.data_classes.aggregations import Sum
        >>> Sum("weight").dump()
        {'sum': {'property': 'weight'}}
    """

    _aggregation_name = "sum"


class Histogram(Aggregation):
    """A histogram of a numeric property, with buckets of width ``interval``.

    Args:
        property: The property.
        interval: The width of each bucket.

    Example:
        >>> from cognite.client.data_classes.aggregations import Histogram
        >>> Histogram("weight", 10).dump()
        {'histogram': {'property': 'weight', 'interval': 10}}
    """

    _aggregation_name = "histogram"

    def __init__(self, property: str, interval: float) -> None:
        super().__init__(property)
        if isinstance(interval, bool) or not isinstance(interval, int | float) or interval <= 0:
            raise ValueError(f"interval must be a positive number, not {interval!r}")
        self.interval = interval

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"histogram": {"property": ..., "interval": ...}}``.

        Args:
            camel_case: Accepted for uniformity; keys are always camelCase.

        Returns:
            The aggregation as a dictionary.
        """
        return {"histogram": {"property": self.property, "interval": self.interval}}


_AGGREGATIONS: dict[str, type[Aggregation]] = {c._aggregation_name: c for c in (Avg, Count, Max, Min, Sum, Histogram)}


# ---------------------------------------------------------------------------------------------- results


class AggregatedValue(CogniteObject, tag_field="aggregate"):
    """Base of aggregate results; ``AggregatedValue.load`` picks the class from the ``aggregate`` key.

    Args:
        property: The property that was aggregated.
    """

    property: str

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load an aggregate result from ``{"aggregate": "avg", "property": ..., "value": ...}``.

        Args:
            resource: The result as a dictionary or JSON string.
            cognite_client: Not used.

        Returns:
            The result, as the class matching its ``aggregate`` (AvgValue, HistogramValue...).
        """
        if isinstance(resource, str | bytes):
            resource = json.loads(resource)
        if not isinstance(resource, Mapping):
            raise TypeError(f"resource must be a dict or a JSON string, not {type(resource).__name__}")
        name = resource.get("aggregate")
        target = _VALUES.get(cast(str, name))
        if target is None:
            raise ValueError(f"Unknown aggregate {name!r}; known: {sorted(_VALUES)}")
        if not issubclass(target, cls):
            raise ValueError(f"Aggregate {name!r} is not a {cls.__name__}")
        return msgspec.convert(resource, type=target, strict=False)


class AggregatedNumberedValue(AggregatedValue):
    """Base of the results that are one number.

    Args:
        property: The property that was aggregated.
        value: The result (None when there was nothing to aggregate).
    """

    value: float | int | None = None


class AvgValue(AggregatedNumberedValue, tag="avg"):
    """The result of an ``avg`` aggregate.

    Args:
        property: The property.
        value: The average.

    Example:
        >>> from cognite.client.data_classes.aggregations import AvgValue
        >>> AvgValue("weight", 4.5).dump()
        {'aggregate': 'avg', 'property': 'weight', 'value': 4.5}
    """


AverageValue = AvgValue


class CountValue(AggregatedNumberedValue, tag="count"):
    """The result of a ``count`` aggregate.

    Args:
        property: The property.
        value: The count.

    Example:
        >>> from cognite.client.data_classes.aggregations import CountValue
        >>> CountValue.load({"aggregate": "count", "property": "x", "value": 3}).value
        3
    """


class MaxValue(AggregatedNumberedValue, tag="max"):
    """The result of a ``max`` aggregate.

    Args:
        property: The property.
        value: The largest value.

    Example:
        >>> from cognite.client.data_classes.aggregations import MaxValue
        >>> MaxValue("weight", 9).value
        9
    """


class MinValue(AggregatedNumberedValue, tag="min"):
    """The result of a ``min`` aggregate.

    Args:
        property: The property.
        value: The smallest value.

    Example:
        >>> from cognite.client.data_classes.aggregations import MinValue
        >>> MinValue("weight", 1).value
        1
    """


class SumValue(AggregatedNumberedValue, tag="sum"):
    """The result of a ``sum`` aggregate.

    Args:
        property: The property.
        value: The sum.

    Example:
        >>> from cognite.client.data_classes.aggregations import SumValue
        >>> SumValue("weight", 10).value
        10
    """


class Bucket(CogniteResource):
    """One bucket of a histogram: where it starts and how many items fall in it.

    Args:
        start: The start of the bucket.
        count: The number of items in it.

    Example:
        >>> from cognite.client.data_classes.aggregations import Bucket
        >>> Bucket(0.0, 3).dump()
        {'start': 0.0, 'count': 3}
    """

    start: float
    count: int


class Buckets(CogniteResourceList[Bucket]):
    """The buckets of a histogram.

    Args:
        items: The buckets.

    Example:
        >>> from cognite.client.data_classes.aggregations import Bucket, Buckets
        >>> b = Buckets([Bucket(0, 1), Bucket(10, 4)])
        >>> b.starts, b.counts
        ([0, 10], [1, 4])
    """

    _RESOURCE = Bucket

    def __init__(self, items: Sequence[Bucket | dict[str, Any]] = (), cognite_client: Any = None) -> None:
        super().__init__(items, cognite_client)

    @property
    def starts(self) -> list[float]:
        """The start of every bucket."""
        return [b.start for b in self.data]

    @property
    def counts(self) -> list[int]:
        """The count of every bucket."""
        return [b.count for b in self.data]

    def pop(self, i: int = -1) -> Bucket:
        """Remove and return the bucket at index i."""
        return self.data.pop(i)

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every bucket to ``{"start", "count"}``."""
        return [b.dump(camel_case) for b in self.data]


class HistogramValue(AggregatedValue, tag="histogram"):
    """The result of a ``histogram`` aggregate.

    Args:
        property: The property.
        interval: The width of each bucket.
        buckets: The buckets (a :class:`Buckets` list).

    Example:
        >>> from cognite.client.data_classes.aggregations import AggregatedValue
        >>> h = AggregatedValue.load({"aggregate": "histogram", "property": "w", "interval": 5, "buckets": [{"start": 0, "count": 2}]})
        >>> h.buckets.counts
        [2]
    """

    interval: float
    buckets: list[Bucket]

    def __post_init__(self) -> None:
        if not isinstance(self.buckets, Buckets):
            self.buckets = Buckets(self.buckets)  # type: ignore[assignment]

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"aggregate": "histogram", "property", "interval", "buckets": [...]}``.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The result as a dictionary.
        """
        return {
            "aggregate": "histogram",
            "property": self.property,
            "interval": self.interval,
            "buckets": [b.dump(camel_case) for b in self.buckets],
        }


_VALUES: dict[str, type[AggregatedValue]] = {
    "avg": AvgValue,
    "count": CountValue,
    "max": MaxValue,
    "min": MinValue,
    "sum": SumValue,
    "histogram": HistogramValue,
}


class UniqueResult(CogniteResource):
    """One bucket of a unique-values aggregate: the value(s) and how many items have them.

    Args:
        count: The number of items.
        values: The value(s) of the bucket (labels come back as :class:`Label`).

    Example:
        >>> from cognite.client.data_classes.aggregations import UniqueResult
        >>> UniqueResult.load({"count": 3, "values": ["pump"]}).value
        'pump'
    """

    count: int
    values: list[Any]

    def __post_init__(self) -> None:
        self.values = [
            Label(v["externalId"]) if isinstance(v, dict) and set(v) == {"externalId"} else v for v in self.values
        ]

    @property
    def value(self) -> Any:
        """The value of the bucket (the first of ``values``; None if there is none)."""
        return self.values[0] if self.values else None


class UniqueResultList(CogniteResourceList[UniqueResult]):
    """The buckets of a unique-values aggregate.

    Args:
        resources: The buckets.
        cognite_client: The client to attach (optional).

    Example:
        >>> from cognite.client.data_classes.aggregations import UniqueResultList
        >>> UniqueResultList.load([{"count": 3, "values": ["a"]}, {"count": 1, "values": ["b"]}]).unique
        ['a', 'b']
    """

    _RESOURCE = UniqueResult

    @property
    def unique(self) -> list[Any]:
        """The value of every bucket, in order."""
        return [r.value for r in self.data]


# ---------------------------------------------------------------------------------------------- aggregate filters


class AggregationFilter(ABC):
    """Base of the filters on aggregate buckets (the ``aggregateFilter`` of a unique-values aggregate).

    Compose with ``&``, ``|`` and ``~``.
    """

    _filter_name: ClassVar[str]

    def dump(self, camel_case_property: bool = False, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{name: body}``.

        Args:
            camel_case_property: Accepted for uniformity with :class:`~cognite.client.data_classes.filters.Filter`.
            camel_case: Accepted for uniformity; keys are always camelCase.

        Returns:
            The filter as a dictionary.
        """
        return {self._filter_name: self._filter_body()}

    def _filter_body(self) -> Any:
        raise NotImplementedError

    @classmethod
    def load(cls, filter_: dict[str, Any]) -> AggregationFilter:
        """Load an aggregate filter from ``{"prefix": {"value": ...}}`` and the like.

        Args:
            filter_: The filter as a dictionary.

        Returns:
            The filter.
        """
        if isinstance(filter_, AggregationFilter):
            return filter_
        if not isinstance(filter_, Mapping) or len(filter_) != 1:
            raise ValueError(f"An aggregate filter is a dict with one key, the filter type; got {filter_!r}")
        ((name, body),) = filter_.items()
        if name in ("and", "or"):
            return (And if name == "and" else Or)(*(AggregationFilter.load(f) for f in body))
        if name == "not":
            return Not(AggregationFilter.load(body))
        if name == "prefix":
            return Prefix(body["value"])
        if name == "in":
            return In(body["values"])
        if name == "range":
            return Range(**{k: body[k] for k in ("gt", "gte", "lt", "lte") if k in body})
        raise ValueError(f"Unknown aggregate filter {name!r}")

    def __and__(self, other: AggregationFilter) -> And:
        if not isinstance(other, AggregationFilter):
            return NotImplemented
        left = list(self.filters) if type(self) is And else [self]
        right = list(other.filters) if type(other) is And else [other]
        return And(*left, *right)

    def __or__(self, other: AggregationFilter) -> Or:
        if not isinstance(other, AggregationFilter):
            return NotImplemented
        left = list(self.filters) if type(self) is Or else [self]
        right = list(other.filters) if type(other) is Or else [other]
        return Or(*left, *right)

    def __invert__(self) -> AggregationFilter:
        return self.filter if isinstance(self, Not) else Not(self)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()

    def __hash__(self) -> int:
        return hash(json.dumps(self.dump(), sort_keys=True, default=str))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({args})"


class CompoundFilter(AggregationFilter, ABC):
    """Base of aggregate filters that combine others (And, Or).

    Args:
        *filters: The filters (at least one).
    """

    def __init__(self, *filters: AggregationFilter) -> None:
        if not filters:
            raise ValueError(f"{type(self).__name__} needs at least one filter")
        for f in filters:
            if not isinstance(f, AggregationFilter):
                raise TypeError(f"filters must be AggregationFilter objects, got {type(f).__name__}: {f!r}")
        self.filters: tuple[AggregationFilter, ...] = tuple(filters)

    def _filter_body(self) -> list[dict[str, Any]]:
        return [f.dump() for f in self.filters]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(repr, self.filters))})"


class And(CompoundFilter):
    """Match buckets that match every filter.

    Args:
        *filters: The filters.

    Example:
        >>> from cognite.client.data_classes.aggregations import And, Prefix, Range
        >>> And(Prefix("a"), Range(gte="a", lt="b")).dump()
        {'and': [{'prefix': {'value': 'a'}}, {'range': {'gte': 'a', 'lt': 'b'}}]}
    """

    _filter_name = "and"


class Or(CompoundFilter):
    """Match buckets that match at least one filter.

    Args:
        *filters: The filters.

    Example:
        >>> from cognite.client.data_classes.aggregations import Or, Prefix
        >>> Or(Prefix("a"), Prefix("b")).dump()
        {'or': [{'prefix': {'value': 'a'}}, {'prefix': {'value': 'b'}}]}
    """

    _filter_name = "or"


class Not(AggregationFilter):
    """Match buckets that do not match the filter.

    Args:
        filter: The filter to negate.

    Example:
        >>> from cognite.client.data_classes.aggregations import Not, Prefix
        >>> Not(Prefix("tmp")).dump()
        {'not': {'prefix': {'value': 'tmp'}}}
    """

    _filter_name = "not"

    def __init__(self, filter: AggregationFilter) -> None:
        if not isinstance(filter, AggregationFilter):
            raise TypeError(f"filter must be an AggregationFilter, not {type(filter).__name__}")
        self.filter = filter

    def _filter_body(self) -> dict[str, Any]:
        return self.filter.dump()


class FilterWithValue(AggregationFilter, ABC):
    """Base of aggregate filters with one value.

    Args:
        value: The value.
    """

    def __init__(self, value: str) -> None:
        self.value = value

    def _filter_body(self) -> dict[str, Any]:
        return {"value": self.value}


class FilterWithValueList(AggregationFilter, ABC):
    """Base of aggregate filters with a list of values.

    Args:
        values: The values.
    """

    def __init__(self, values: Sequence[Any]) -> None:
        if isinstance(values, str | bytes | Mapping) or not isinstance(values, Sequence):
            raise TypeError(f"values must be a list of values, not {values!r}")
        self.values = list(values)

    def _filter_body(self) -> dict[str, Any]:
        return {"values": self.values}


class Prefix(FilterWithValue):
    """Match buckets whose value starts with the prefix.

    Args:
        value: The prefix.

    Example:
        >>> from cognite.client.data_classes.aggregations import Prefix
        >>> Prefix("pump").dump()
        {'prefix': {'value': 'pump'}}
    """

    _filter_name = "prefix"

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"value must be a str, not {type(value).__name__}")
        super().__init__(value)


class In(FilterWithValueList):
    """Match buckets whose value is one of the values.

    Args:
        values: The values.

    Example:
        >>> from cognite.client.data_classes.aggregations import In
        >>> In(["a", "b"]).dump()
        {'in': {'values': ['a', 'b']}}
    """

    _filter_name = "in"


class Range(AggregationFilter):
    """Match buckets whose value is within the range.

    Args:
        gt: Greater than.
        gte: Greater than or equal to.
        lt: Less than.
        lte: Less than or equal to.

    Example:
        >>> from cognite.client.data_classes.aggregations import Range
        >>> Range(gte=10, lt=20).dump()
        {'range': {'gte': 10, 'lt': 20}}
    """

    _filter_name = "range"

    def __init__(
        self,
        gt: str | int | float | None = None,
        gte: str | int | float | None = None,
        lt: str | int | float | None = None,
        lte: str | int | float | None = None,
    ) -> None:
        if gt is not None and gte is not None:
            raise ValueError("Range: give at most one of gt and gte")
        if lt is not None and lte is not None:
            raise ValueError("Range: give at most one of lt and lte")
        if gt is None and gte is None and lt is None and lte is None:
            raise ValueError("Range: give at least one of gt, gte, lt and lte")
        self.gt, self.gte, self.lt, self.lte = gt, gte, lt, lte

    def _filter_body(self) -> dict[str, Any]:
        return {
            k: v for k, v in (("gt", self.gt), ("gte", self.gte), ("lt", self.lt), ("lte", self.lte)) if v is not None
        }
