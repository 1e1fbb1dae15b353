"""Filters of the emulator: CDF's advanced filter language, legacy ``filter`` objects, search, sort, aggregates.

Everything compiles once per request into plain predicates (``item -> bool``) that the store applies while
scanning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cognite.client.testing._errors import CDFError

if TYPE_CHECKING:
    from cognite.client.testing._store import ResourceStore

__all__ = [
    "Item",
    "LegacyFilter",
    "Predicate",
    "compile_advanced",
    "compile_bucket_filter",
    "get_property",
    "search_score",
    "sort_key",
]

Item = dict[str, Any]
Predicate = Callable[[Item], bool]
#: A legacy filter factory: (value from the request's ``filter`` object, store) -> predicate.
LegacyFilter = Callable[[Any, "ResourceStore"], Predicate]

_MISSING = object()
_TOKEN = re.compile(r"[\w]+", re.UNICODE)


def get_property(item: Item, path: Sequence[str]) -> Any:
    """Read a property by path; labels read as a list of external ids and ``["metadata"]`` as its keys.

    Args:
        item: The stored item.
        path: The property path, e.g. ``["metadata", "site"]``.

    Returns:
        The value, or a sentinel-free None when absent.
    """
    value: Any = item
    for part in path:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
        if value is None:
            return None
    if isinstance(value, list) and value and isinstance(value[0], dict) and "externalId" in value[0]:
        return [v.get("externalId") for v in value]
    return value


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, dict):
        return list(value)
    if isinstance(value, list):
        return value
    return [value]


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def search_score(text: Any, query: str) -> int:
    """Score how well a text matches a free-text query (0 = no match).

    A token of the query counts when it is a substring of the text (case-insensitive); the whole query as a
    substring scores extra and an exact match most.

    Args:
        text: The field value.
        query: The query.

    Returns:
        The score.
    """
    if not isinstance(text, str) or not query:
        return 0
    low, q = text.lower(), query.lower()
    if low == q:
        return 1000
    score = 100 if q in low else 0
    for token in _tokens(q):
        if token in low:
            score += 1
    return score


def _check_path(path: Any, store: ResourceStore) -> list[str]:
    if not isinstance(path, list) or not path or not all(isinstance(p, str) for p in path):
        raise CDFError(400, f"Invalid property {path!r}: expected a non-empty list of strings")
    allowed = store.family.filter_properties
    if allowed is not None and path[0] not in allowed:
        raise CDFError(400, f"Unsupported property {path!r} for {store.family.name}")
    return path


def _range_pred(getter: Callable[[Item], Any], spec: Mapping[str, Any]) -> Predicate:
    bounds = [(op, spec[op]) for op in ("gt", "gte", "lt", "lte") if spec.get(op) is not None]
    if not bounds:
        raise CDFError(400, "A range filter needs at least one of gt, gte, lt, lte")

    def pred(item: Item) -> bool:
        v = getter(item)
        if v is None or isinstance(v, (list, dict)):
            return False
        try:
            for op, bound in bounds:
                if (
                    (op == "gt" and not v > bound)
                    or (op == "gte" and not v >= bound)
                    or (op == "lt" and not v < bound)
                    or (op == "lte" and not v <= bound)
                ):
                    return False
        except TypeError:
            return False
        return True

    return pred


def compile_advanced(flt: Any, store: ResourceStore) -> Predicate:
    """Compile an advanced filter (``and``/``or``/``not`` and leaf filters) into a predicate.

    Args:
        flt: The filter object from the request.
        store: The store being filtered (for property checks and subtree lookups).

    Returns:
        The predicate.
    """
    if not isinstance(flt, dict) or len(flt) != 1:
        raise CDFError(400, f"Invalid filter: expected an object with exactly one key, got {flt!r}")
    ((kind, arg),) = flt.items()
    if kind in ("and", "or"):
        if not isinstance(arg, list) or not arg:
            raise CDFError(400, f"'{kind}' needs a non-empty list of filters")
        subs = [compile_advanced(f, store) for f in arg]
        if kind == "and":
            return lambda item: all(p(item) for p in subs)
        return lambda item: any(p(item) for p in subs)
    if kind == "not":
        sub = compile_advanced(arg, store)
        return lambda item: not sub(item)
    family_leaf = store.family.hooks.compile_leaf(store, kind, arg)
    if family_leaf is not None:
        return family_leaf
    if not isinstance(arg, dict):
        raise CDFError(400, f"Invalid '{kind}' filter: {arg!r}")
    path = _check_path(arg.get("property"), store)
    custom = store.family.hooks.store_property_getter(store, path)
    getter: Callable[[Item], Any] = custom if custom is not None else (lambda item: get_property(item, path))
    if kind == "equals":
        value = arg.get("value")
        return lambda item: getter(item) == value
    if kind == "in":
        values = arg.get("values")
        if not isinstance(values, list):
            raise CDFError(400, "'in' needs a list of values")
        hashable = {v for v in values if not isinstance(v, (list, dict))}
        return lambda item: (v := getter(item)) is not None and not isinstance(v, (list, dict)) and v in hashable
    if kind == "range":
        return _range_pred(getter, arg)
    if kind == "prefix":
        prefix = arg.get("value")
        if not isinstance(prefix, str):
            raise CDFError(400, "'prefix' needs a string value")
        return lambda item: isinstance(v := getter(item), str) and v.startswith(prefix)
    if kind == "exists":
        return lambda item: getter(item) not in (None, [], {})
    if kind in ("containsAny", "containsAll"):
        wanted = arg.get("values")
        if not isinstance(wanted, list):
            raise CDFError(400, f"'{kind}' needs a list of values")
        wanted_set = set(wanted)
        if kind == "containsAny":
            return lambda item: not wanted_set.isdisjoint(_as_list(getter(item)))
        return lambda item: wanted_set.issubset(_as_list(getter(item)))
    if kind == "search":
        query = arg.get("value")
        if not isinstance(query, str):
            raise CDFError(400, "'search' needs a string value")
        return lambda item: search_score(getter(item), query) > 0
    if kind == "inAssetSubtree":
        root = arg.get("value")
        roots = root if isinstance(root, list) else [root]
        subtree = store.project.subtree_ids(roots)
        return lambda item: not subtree.isdisjoint(_as_list(getter(item)))
    raise CDFError(400, f"Unsupported filter type '{kind}'")


def compile_bucket_filter(flt: Any) -> Callable[[Any], bool]:
    """Compile an ``aggregateFilter`` (applies to the aggregated values, not the items).

    Args:
        flt: The filter: ``and``/``or``/``not`` of ``in``, ``prefix`` and ``range``.

    Returns:
        A predicate on a bucket value.
    """
    if not isinstance(flt, dict) or len(flt) != 1:
        raise CDFError(400, f"Invalid aggregate filter {flt!r}")
    ((kind, arg),) = flt.items()
    if kind in ("and", "or"):
        subs = [compile_bucket_filter(f) for f in arg]
        return (lambda v: all(p(v) for p in subs)) if kind == "and" else (lambda v: any(p(v) for p in subs))
    if kind == "not":
        sub = compile_bucket_filter(arg)
        return lambda v: not sub(v)
    if kind == "in":
        values = set(arg.get("values", []))
        return lambda v: v in values
    if kind == "prefix":
        prefix = str(arg.get("value", ""))
        return lambda v: isinstance(v, str) and v.lower().startswith(prefix.lower())
    if kind == "range":
        return _range_pred(lambda v: v, arg)
    raise CDFError(400, f"Unsupported aggregate filter type '{kind}'")


class _Reversed:
    """Wrap a value so that it sorts in reverse order."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def sort_key(sort: Iterable[Mapping[str, Any]], store: ResourceStore) -> Callable[[Item], tuple[Any, ...]]:
    """Build a sort key from a CDF ``sort`` list (``property``, ``order``, ``nulls``).

    Args:
        sort: The sort specs.
        store: The store (for property checks).

    Returns:
        A key function for :func:`sorted`.
    """
    parts: list[tuple[list[str], bool, bool]] = []
    for spec in sort:
        path = _check_path(spec.get("property"), store)
        desc = spec.get("order", "asc") == "desc"
        nulls = spec.get("nulls", "auto")
        nulls_first = desc if nulls == "auto" else nulls == "first"
        parts.append((path, desc, nulls_first))

    def key(item: Item) -> tuple[Any, ...]:
        out: list[Any] = []
        for path, desc, nulls_first in parts:
            v = get_property(item, path)
            if isinstance(v, (list, dict)):
                v = str(v)
            if v is None:
                out.append((0 if nulls_first else 2, None))
            else:
                typed = (0 if isinstance(v, (int, float)) else 1, v)
                out.append((1, _Reversed(typed) if desc else typed))
        out.append(item.get("id", 0))
        return tuple(out)

    return key
