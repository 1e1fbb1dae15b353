"""Conversions the generated Core Data Model classes use for their property values (references, times, states)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from cognite.client.data_classes.data_modeling.data_types import StateSetEntry
from cognite.client.data_classes.data_modeling.ids import DirectRelationReference

__all__ = ["as_ref", "as_refs", "as_states", "as_time"]


def as_ref(value: Any, name: str = "value") -> DirectRelationReference | None:
    """A direct relation (DirectRelationReference, NodeId, ``(space, external_id)`` or wire dict), or None."""
    if value is None:
        return None
    try:
        return DirectRelationReference.load(value)
    except (TypeError, KeyError, ValueError):
        raise TypeError(
            f"{name} must be a DirectRelationReference, a NodeId or a (space, external_id) tuple, got {value!r}"
        ) from None


def as_refs(values: Any, name: str = "value") -> list[DirectRelationReference] | None:
    """A list of direct relations, or None."""
    if values is None:
        return None
    if isinstance(values, str | bytes | dict) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a sequence of direct relations, got {values!r}")
    if isinstance(values, tuple) and len(values) == 2 and all(isinstance(v, str) for v in values):
        raise TypeError(f"{name} must be a sequence of direct relations (a list of (space, external_id) tuples)")
    return [r for r in (as_ref(v, name) for v in values) if r is not None]


def as_time(value: Any, name: str = "value") -> datetime | None:
    """A timestamp property: an aware datetime (ISO 8601 strings from CDF are parsed), or None."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    raise TypeError(f"{name} must be a datetime, got {value!r}")


def as_states(values: Any, name: str = "states") -> list[StateSetEntry] | None:
    """The states of a state set (StateSetEntry objects or their wire dicts), or None."""
    if values is None:
        return None
    if isinstance(values, str | bytes | dict) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a sequence of StateSetEntry, got {values!r}")
    return [v if isinstance(v, StateSetEntry) else StateSetEntry._load(v) for v in values]
