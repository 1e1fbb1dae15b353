"""The datapoint aggregates: their names (snake_case in Python, camelCase on the wire) and kinds.

Example:
    >>> from cognite.client.data_classes.datapoint_aggregates import to_wire_aggregate
    >>> to_wire_aggregate("step_interpolation")
    'stepInterpolation'
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

__all__ = [
    "ALL_SORTED_DP_AGGS",
    "Aggregate",
    "INT_AGGREGATES",
    "OBJECT_AGGREGATES",
    "STATE_AGGREGATES",
    "to_wire_aggregate",
]

Aggregate: TypeAlias = Literal[
    "average",
    "continuous_variance",
    "count",
    "count_bad",
    "count_good",
    "count_uncertain",
    "discrete_variance",
    "duration_bad",
    "duration_good",
    "duration_uncertain",
    "interpolation",
    "max",
    "max_datapoint",
    "min",
    "min_datapoint",
    "state_count",
    "state_duration",
    "state_transitions",
    "step_interpolation",
    "sum",
    "total_variation",
]

#: Every aggregate, in the order columns and attributes use.
ALL_SORTED_DP_AGGS: Final[tuple[str, ...]] = (
    "average",
    "continuous_variance",
    "count",
    "count_bad",
    "count_good",
    "count_uncertain",
    "discrete_variance",
    "duration_bad",
    "duration_good",
    "duration_uncertain",
    "interpolation",
    "max",
    "max_datapoint",
    "min",
    "min_datapoint",
    "step_interpolation",
    "sum",
    "total_variation",
)

#: The aggregates of state time series: per bucket, one entry per state (``StateCount``, ``StateTransition`` and
#: ``StateDuration`` objects). State series also have the count and duration aggregates, not the value ones.
STATE_AGGREGATES: Final[tuple[str, ...]] = ("state_count", "state_transitions", "state_duration")

#: Aggregates whose values are whole numbers (counts and durations in ms).
INT_AGGREGATES: Final[frozenset[str]] = frozenset(
    {"count", "count_bad", "count_good", "count_uncertain", "duration_bad", "duration_good", "duration_uncertain"}
)

#: Aggregates whose values are datapoints (timestamp, value and status) rather than numbers.
OBJECT_AGGREGATES: Final[frozenset[str]] = frozenset({"max_datapoint", "min_datapoint"})

_SNAKE_TO_CAMEL: Final[dict[str, str]] = {
    name: name.split("_")[0] + "".join(p.capitalize() for p in name.split("_")[1:])
    for name in (*ALL_SORTED_DP_AGGS, *STATE_AGGREGATES)
}
_CAMEL_TO_SNAKE: Final[dict[str, str]] = {v: k for k, v in _SNAKE_TO_CAMEL.items()}


def to_wire_aggregate(name: str) -> str:
    """The camelCase wire name of an aggregate given in snake_case or camelCase.

    Args:
        name: E.g. ``"step_interpolation"`` or ``"stepInterpolation"``.

    Returns:
        The wire name.

    Raises:
        ValueError: Not an aggregate.
    """
    if name in _SNAKE_TO_CAMEL:
        return _SNAKE_TO_CAMEL[name]
    if name in _CAMEL_TO_SNAKE:
        return name
    raise ValueError(f"Unknown aggregate {name!r}; expected one of {[*ALL_SORTED_DP_AGGS, *STATE_AGGREGATES]}")


def to_snake_aggregate(name: str) -> str:
    """The snake_case name of an aggregate given in either form (see :func:`to_wire_aggregate`)."""
    return _CAMEL_TO_SNAKE[to_wire_aggregate(name)]
