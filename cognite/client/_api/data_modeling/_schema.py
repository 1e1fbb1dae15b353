"""What the schema APIs (spaces, containers, views, data models) share: argument checks and the apply verb.

The schema APIs are identified by composite keys (``space``, ``externalId``, ``version``), apply is an
upsert, byids leaves unknown identifiers out and delete answers with what it deleted; the generic verbs
``_create_multiple``, ``_retrieve_items``, ``_delete_items``, ``_list`` and ``_list_generator`` serve them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, cast

from cognite.client._api_client import APIClient, check_limit
from cognite.client.data_classes.data_modeling.ids import DataModelingIdentifierSequence, _IdType

__all__ = ["SchemaBase", "check_bool", "check_space", "list_params", "load_ids", "write_items"]

#: The most items per apply, byids and delete request of the schema endpoints (the spec's ``maxItems``).
SCHEMA_ITEMS_LIMIT = 100


def check_bool(value: Any, name: str) -> bool:
    """Return ``value`` if it is a bool; raise TypeError naming the argument otherwise."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {value!r}")
    return value


def check_space(space: Any, name: str = "space") -> str | None:
    """Return ``space`` if it is None or a non-empty str; raise otherwise."""
    if space is None:
        return None
    if not isinstance(space, str):
        raise TypeError(f"{name} must be a str, got {space!r}")
    if not space:
        raise ValueError(f"{name} must be a non-empty str")
    return space


def check_used_for(used_for: Any) -> list[str] | None:
    """``used_for`` as a list of kinds (``"node"``, ``"edge"``, ``"record"``, ``"all"``), or None."""
    if used_for is None:
        return None
    kinds = [used_for] if isinstance(used_for, str) else used_for
    if not isinstance(kinds, Sequence) or not kinds:
        raise TypeError(f"used_for must be 'node', 'edge', 'record', 'all' or a list of them, got {used_for!r}")
    for kind in kinds:
        if kind not in ("node", "edge", "record", "all"):
            raise ValueError(f"used_for must be 'node', 'edge', 'record', 'all' or a list of them, got {used_for!r}")
    return list(dict.fromkeys(kinds))


def load_ids(ids: Any, id_type: _IdType, name: str = "ids") -> DataModelingIdentifierSequence:
    """Identifiers of one kind given by a user; a bad one raises TypeError/ValueError naming the argument."""
    try:
        return DataModelingIdentifierSequence.load(ids, id_type=id_type)
    except (TypeError, ValueError, KeyError) as err:
        kind = type(err) if isinstance(err, TypeError | ValueError) else ValueError
        raise kind(f"{name}: {err}") from None


def list_params(**params: Any) -> dict[str, Any]:
    """Query parameters of a list: snake_case names to camelCase, None left out (bools stay bools)."""
    out: dict[str, Any] = {}
    for name, value in params.items():
        if value is None:
            continue
        head, *rest = name.split("_")
        out[head + "".join(w.capitalize() for w in rest)] = value
    return out


def write_items(items: Any, classes: tuple[type, ...], name: str) -> tuple[list[Any], bool]:
    """The write forms of one item or a sequence of them (read forms are turned into write forms).

    Args:
        items: One item or a sequence.
        classes: The accepted classes (write and read forms).
        name: The argument name (for error messages).

    Returns:
        The write forms, and whether one item (not a sequence) was given.
    """
    single = isinstance(items, classes)
    values = [items] if single else items
    if not single and (isinstance(values, str | bytes | dict) or not isinstance(values, Sequence)):
        raise TypeError(f"{name} must be a {classes[0].__name__} or a sequence of them, got {items!r}")
    out = []
    for item in values:
        if not isinstance(item, classes):
            expected = " or ".join(c.__name__ for c in classes)
            raise TypeError(f"{name} must contain {expected} objects, not {type(item).__name__}")
        out.append(cast(Any, item).as_write())
    return out, single


class SchemaBase(APIClient[Any, Any]):
    """Base of the schema APIs: the apply verb, and list and iterate with the query parameters of a GET list."""

    _CATEGORY = "data_modeling"
    _CREATE_LIMIT = SCHEMA_ITEMS_LIMIT
    _RETRIEVE_LIMIT = SCHEMA_ITEMS_LIMIT
    _DELETE_LIMIT = SCHEMA_ITEMS_LIMIT
    _LIST_LIMIT = 1000

    async def _apply(self, items: Any, classes: tuple[type, ...], name: str) -> Any:
        """Upsert items in concurrent chunks of 100 (apply is an upsert, so a chunk whose outcome is unknown is
        safely resent); one item in, one out; a sequence in, a list out."""
        values, single = write_items(items, classes, name)
        if not values:
            return self._make_list([])
        return await self._create_multiple(values[0] if single else values, input_name=name, retryable=True)

    async def _list_schema(self, limit: int | None, params: dict[str, Any]) -> Any:
        check_limit(limit)
        return await self._list(limit=limit, method="GET", other_params=params)

    def _iterate_schema(self, chunk_size: int | None, limit: int | None, params: dict[str, Any]) -> AsyncIterator[Any]:
        check_limit(limit)
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET", other_params=params)
