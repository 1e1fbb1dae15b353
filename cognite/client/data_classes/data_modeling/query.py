"""The query language of data modeling: result set expressions (``with``), selections (``select``) and results.

A :class:`Query` names result sets: a :class:`NodeResultSetExpression` starts from a filter or follows direct
relations/edges from another result set (``from_``); an :class:`EdgeResultSetExpression` traverses edges from the
nodes of a result set. ``select`` says which result sets to return and with which properties. :class:`QuerySync`
is the same for ``/sync``, whose cursors return only what changed since the previous call.

Example:
    >>> from cognite.client.data_classes.data_modeling.query import Query, NodeResultSetExpression, Select
    >>> from cognite.client.data_classes.filters import Equals
    >>> q = Query(with_={"pumps": NodeResultSetExpression(filter=Equals(["node", "space"], "s"), limit=10)},
    ...           select={"pumps": Select()})
    >>> q.dump()
    {'with': {'pumps': {'nodes': {'filter': {'equals': {'property': ['node', 'space'], 'value': 's'}}}, 'limit': 10}}, 'select': {'pumps': {}}}
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import UserDict
from collections.abc import Mapping, Sequence
from typing import Any, Literal, cast

from cognite.client.data_classes._base import CogniteResource, SequenceNotStr, UnknownCogniteResource, lazy_names
from cognite.client.data_classes.data_modeling.ids import ContainerId, PropertyId, ViewId
from cognite.client.data_classes.data_modeling.instances import (
    Edge,
    EdgeListWithCursor,
    InstanceSort,
    Node,
    NodeListWithCursor,
    TargetUnit,
    TypeInformation,
)
from cognite.client.data_classes.filters import Filter

__all__ = [
    "CogniteResource",
    "ContainerId",
    "Edge",
    "EdgeListWithCursor",
    "EdgeResultSetExpression",
    "EdgeResultSetExpressionSync",
    "Filter",
    "InstanceSort",
    "Intersection",
    "Node",
    "NodeListWithCursor",
    "NodeOrEdgeResultSetExpression",
    "NodeResultSetExpression",
    "NodeResultSetExpressionSync",
    "PropertyId",
    "Query",
    "QueryBase",
    "QueryResult",
    "QuerySync",
    "ResultSetExpression",
    "ResultSetExpressionBase",
    "ResultSetExpressionSync",
    "Select",
    "SelectBase",
    "SelectSync",
    "SequenceNotStr",
    "SetOperation",
    "SourceSelector",
    "TargetUnit",
    "TypeInformation",
    "Union",
    "UnionAll",
    "UnknownCogniteResource",
    "View",  # noqa: F822 (resolved lazily by __getattr__)
    "ViewId",
]

# View lives with the schema classes (views); re-exported here on first use, not imported eagerly.
__getattr__ = lazy_names(__name__, {"View": "cognite.client.data_classes.data_modeling.views"})

Direction = Literal["outwards", "inwards"]
ChainTo = Literal["source", "destination"]


def _filter(value: Any, name: str) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, Filter):
        return value.dump(camel_case_property=False)
    if isinstance(value, dict):
        return value
    raise TypeError(f"{name} must be a Filter, not {type(value).__name__}")


def _load_filter(value: Any) -> Filter | None:
    return None if value is None else Filter.load(value)


def _sorts(value: Any, name: str) -> list[InstanceSort]:
    if value is None:
        return []
    values = value if isinstance(value, list | tuple) else [value]
    out = []
    for v in values:
        if isinstance(v, dict):
            v = InstanceSort.load(v)
        if not isinstance(v, InstanceSort):
            raise TypeError(f"{name} must be a list of InstanceSort, not {type(v).__name__}")
        out.append(v)
    return out


def _check_choice(value: Any, name: str, choices: tuple[Any, ...]) -> Any:
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, not {value!r}")
    return value


def _check_int(value: Any, name: str, lo: int = 1) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < lo:
        raise ValueError(f"{name} must be an int >= {lo}, not {value!r}")
    return value


def _through(value: Any) -> PropertyId | None:
    if value is None:
        return None
    if isinstance(value, PropertyId):
        return value
    if isinstance(value, Mapping):
        return PropertyId.load(value)
    if isinstance(value, Sequence) and not isinstance(value, str):
        parts = list(value)
        if len(parts) == 2 and isinstance(parts[0], ViewId | ContainerId):
            return PropertyId(parts[0], parts[1])
        if len(parts) == 3 and all(isinstance(p, str) for p in parts):  # (space, "View/v1" | "Container", prop)
            space, ident, prop = parts
            source: ViewId | ContainerId = (
                ViewId(space, *ident.split("/", 1)) if "/" in ident else ContainerId(space, ident)
            )
            return PropertyId(source, prop)
    raise TypeError(f"through must be a PropertyId or (view, property), not {value!r}")


class ResultSetExpressionBase(ABC):
    """Base of every result set expression of a query or a sync."""

    @abstractmethod
    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""

    @classmethod
    def load(cls, data: dict[str, Any]) -> ResultSetExpressionBase:
        """Load a (query) result set expression: nodes, edges or a set operation."""
        if "nodes" in data:
            return NodeResultSetExpression._load_expr(data)
        if "edges" in data:
            return EdgeResultSetExpression._load_expr(data)
        return SetOperation.load(data)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dump()!r})"


class ResultSetExpression(ResultSetExpressionBase, ABC):
    """Base of the result set expressions of a query (nodes, edges, set operations)."""


class NodeOrEdgeResultSetExpression(ResultSetExpression, ABC):
    """Base of node and edge result set expressions of a query.

    Args:
        from_: The result set to start from (None: start from the filter).
        filter: The filter on the instances.
        limit: The most instances in the result set.
        sort: How to sort them.
        direction: Follow relations ``"outwards"`` or ``"inwards"``.
        chain_to: Chain to the ``"source"`` or the ``"destination"`` of the relation.
    """

    def __init__(
        self,
        from_: str | None = None,
        filter: Filter | None = None,
        limit: int | None = None,
        sort: list[InstanceSort] | None = None,
        direction: Direction = "outwards",
        chain_to: ChainTo = "destination",
    ) -> None:
        if from_ is not None and not isinstance(from_, str):
            raise TypeError(f"from_ must be a str, not {type(from_).__name__}")
        _filter(filter, "filter")
        self.from_ = from_
        self.filter = filter
        self.limit = _check_int(limit, "limit")
        self.sort = _sorts(sort, "sort")
        self.direction: Direction = _check_choice(direction, "direction", ("outwards", "inwards"))
        self.chain_to: ChainTo = _check_choice(chain_to, "chain_to", ("source", "destination"))


class NodeResultSetExpression(NodeOrEdgeResultSetExpression):
    """A result set of nodes: matching a filter, or reached from another result set.

    Args:
        from_: The result set to start from: nodes reached through ``through``, or the end nodes of edges.
        filter: The filter on the nodes.
        sort: How to sort them.
        limit: The most nodes in the result set.
        through: The direct relation to follow from the nodes of ``from_`` (a PropertyId or ``(view, property)``).
        direction: Follow the direct relation ``"outwards"`` or ``"inwards"``.
        chain_to: Chain to the ``"source"`` or the ``"destination"`` of edges.

    Example:
        >>> from cognite.client.data_classes.data_modeling.query import NodeResultSetExpression
        >>> NodeResultSetExpression(from_="edges", limit=5).dump()
        {'nodes': {'from': 'edges'}, 'limit': 5}
    """

    def __init__(
        self,
        from_: str | None = None,
        filter: Filter | None = None,
        sort: list[InstanceSort] | None = None,
        limit: int | None = None,
        through: PropertyId | tuple[Any, ...] | None = None,
        direction: Direction = "outwards",
        chain_to: ChainTo = "destination",
    ) -> None:
        super().__init__(from_, filter, limit, sort, direction, chain_to)
        self.through = _through(through)

    def _nodes_body(self) -> dict[str, Any]:
        nodes: dict[str, Any] = {}
        if self.from_ is not None:
            nodes["from"] = self.from_
        if self.filter is not None:
            nodes["filter"] = _filter(self.filter, "filter")
        if self.through is not None:
            nodes["through"] = self.through.dump()
            nodes["direction"] = self.direction
        if self.chain_to != "destination":
            nodes["chainTo"] = self.chain_to
        return nodes

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"nodes": {...}, "sort": [...], "limit": ...}``."""
        out: dict[str, Any] = {"nodes": self._nodes_body()}
        if self.sort:
            out["sort"] = [s.dump() for s in self.sort]
        if self.limit is not None:
            out["limit"] = self.limit
        return out

    @classmethod
    def _load_expr(cls, data: dict[str, Any]) -> NodeResultSetExpression:
        nodes = data["nodes"]
        return cls(
            from_=nodes.get("from"),
            filter=_load_filter(nodes.get("filter")),
            sort=[InstanceSort.load(s) for s in data.get("sort", [])],
            limit=data.get("limit"),
            through=nodes.get("through"),
            direction=nodes.get("direction", "outwards"),
            chain_to=nodes.get("chainTo", "destination"),
        )


class EdgeResultSetExpression(NodeOrEdgeResultSetExpression):
    """A result set of edges: traversed from the nodes of another result set, or matching a filter.

    Args:
        from_: The result set of nodes to traverse from.
        filter: The filter on the edges.
        limit: The most edges in the result set.
        sort: How to sort them.
        direction: Traverse ``"outwards"`` (edges starting at the nodes) or ``"inwards"``.
        chain_to: Chain to the ``"source"`` or the ``"destination"``.
        max_distance: The most hops (None: unbounded).
        node_filter: The filter the nodes reached must match.
        termination_filter: Stop traversing at nodes matching this filter.
        limit_each: The most edges per node of ``from_``.
        post_sort: How to sort the result after the traversal.

    Example:
        >>> from cognite.client.data_classes.data_modeling.query import EdgeResultSetExpression
        >>> EdgeResultSetExpression(from_="pumps", direction="inwards", max_distance=1).dump()
        {'edges': {'from': 'pumps', 'direction': 'inwards', 'maxDistance': 1}}
    """

    def __init__(
        self,
        from_: str | None = None,
        filter: Filter | None = None,
        limit: int | None = None,
        sort: list[InstanceSort] | None = None,
        direction: Direction = "outwards",
        chain_to: ChainTo = "destination",
        max_distance: int | None = None,
        node_filter: Filter | None = None,
        termination_filter: Filter | None = None,
        limit_each: int | None = None,
        post_sort: list[InstanceSort] | None = None,
    ) -> None:
        super().__init__(from_, filter, limit, sort, direction, chain_to)
        _filter(node_filter, "node_filter")
        _filter(termination_filter, "termination_filter")
        self.max_distance = _check_int(max_distance, "max_distance")
        self.node_filter = node_filter
        self.termination_filter = termination_filter
        self.limit_each = _check_int(limit_each, "limit_each")
        self.post_sort = _sorts(post_sort, "post_sort")

    def _edges_body(self) -> dict[str, Any]:
        edges: dict[str, Any] = {}
        if self.from_ is not None:
            edges["from"] = self.from_
        if self.filter is not None:
            edges["filter"] = _filter(self.filter, "filter")
        if self.node_filter is not None:
            edges["nodeFilter"] = _filter(self.node_filter, "node_filter")
        if self.termination_filter is not None:
            edges["terminationFilter"] = _filter(self.termination_filter, "termination_filter")
        edges["direction"] = self.direction
        if self.max_distance is not None:
            edges["maxDistance"] = self.max_distance
        if self.limit_each is not None:
            edges["limitEach"] = self.limit_each
        if self.chain_to != "destination":
            edges["chainTo"] = self.chain_to
        return edges

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"edges": {...}, "sort": [...], "postSort": [...], "limit": ...}``."""
        out: dict[str, Any] = {"edges": self._edges_body()}
        if self.sort:
            out["sort"] = [s.dump() for s in self.sort]
        if self.post_sort:
            out["postSort"] = [s.dump() for s in self.post_sort]
        if self.limit is not None:
            out["limit"] = self.limit
        return out

    @classmethod
    def _load_expr(cls, data: dict[str, Any]) -> EdgeResultSetExpression:
        edges = data["edges"]
        return cls(
            from_=edges.get("from"),
            filter=_load_filter(edges.get("filter")),
            limit=data.get("limit"),
            sort=[InstanceSort.load(s) for s in data.get("sort", [])],
            direction=edges.get("direction", "outwards"),
            chain_to=edges.get("chainTo", "destination"),
            max_distance=edges.get("maxDistance"),
            node_filter=_load_filter(edges.get("nodeFilter")),
            termination_filter=_load_filter(edges.get("terminationFilter")),
            limit_each=edges.get("limitEach"),
            post_sort=[InstanceSort.load(s) for s in data.get("postSort", [])],
        )


class SetOperation(ResultSetExpression, ABC):
    """Base of set operations on result sets of nodes (union, union all, intersection).

    Args:
        except_: Result sets whose nodes are removed from the result.
        limit: The most nodes in the result.
    """

    _name: str = ""

    def __init__(self, except_: SequenceNotStr[str] | None = None, limit: int | None = None) -> None:
        self.except_ = list(except_) if except_ is not None else None
        self.limit = _check_int(limit, "limit")

    def _operands(self) -> list[str | SetOperation]:
        raise NotImplementedError

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"union" | "unionAll" | "intersection": [...], "except": [...], "limit": ...}``."""
        out: dict[str, Any] = {
            self._name: [op if isinstance(op, str) else op.dump(camel_case) for op in self._operands()]
        }
        if self.except_:
            out["except"] = self.except_
        if self.limit is not None:
            out["limit"] = self.limit
        return out

    @classmethod
    def load(cls, data: dict[str, Any]) -> SetOperation:
        """Load a set operation from its wire form."""
        for name, op_cls in (("union", Union), ("unionAll", UnionAll), ("intersection", Intersection)):
            if name in data:
                operands = [op if isinstance(op, str) else SetOperation.load(op) for op in data[name]]
                return op_cls(operands, data.get("except"), data.get("limit"))  # type: ignore[abstract]
        raise ValueError(f"Unknown result set expression {data!r}")


def _operands(value: Any, name: str) -> list[str | SetOperation]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a list of result set names or set operations")
    for v in value:
        if not isinstance(v, str | SetOperation):
            raise TypeError(f"{name} must contain result set names or set operations, not {v!r}")
    return list(value)


class Union(SetOperation):
    """The nodes in any of the result sets (each node once).

    Args:
        union: Result set names or set operations.
        except_: Result sets whose nodes are removed.
        limit: The most nodes.

    Example:
        >>> from cognite.client.data_classes.data_modeling.query import Union
        >>> Union(["a", "b"], except_=["c"]).dump()
        {'union': ['a', 'b'], 'except': ['c']}
    """

    _name = "union"

    def __init__(
        self,
        union: SequenceNotStr[str | SetOperation],
        except_: SequenceNotStr[str] | None = None,
        limit: int | None = None,
    ) -> None:
        super().__init__(except_, limit)
        self.union = _operands(union, "union")

    def _operands(self) -> list[str | SetOperation]:
        return self.union


class UnionAll(SetOperation):
    """The nodes of all the result sets, duplicates kept.

    Args:
        union_all: Result set names or set operations.
        except_: Result sets whose nodes are removed.
        limit: The most nodes.
    """

    _name = "unionAll"

    def __init__(
        self,
        union_all: SequenceNotStr[str | SetOperation],
        except_: SequenceNotStr[str] | None = None,
        limit: int | None = None,
    ) -> None:
        super().__init__(except_, limit)
        self.union_all = _operands(union_all, "union_all")

    def _operands(self) -> list[str | SetOperation]:
        return self.union_all


class Intersection(SetOperation):
    """The nodes in every one of the result sets.

    Args:
        intersection: Result set names or set operations.
        except_: Result sets whose nodes are removed.
        limit: The most nodes.
    """

    _name = "intersection"

    def __init__(
        self,
        intersection: SequenceNotStr[str | SetOperation],
        except_: SequenceNotStr[str] | None = None,
        limit: int | None = None,
    ) -> None:
        super().__init__(except_, limit)
        self.intersection = _operands(intersection, "intersection")

    def _operands(self) -> list[str | SetOperation]:
        return self.intersection


# ------------------------------------------------------------------------------------------------ sync expressions


class ResultSetExpressionSync(ResultSetExpressionBase, ABC):
    """Base of the result set expressions of a sync.

    Args:
        from_: The result set to start from.
        filter: The filter on the instances.
        limit: The most instances per sync call.
        direction: Follow relations ``"outwards"`` or ``"inwards"``.
        chain_to: Chain to the ``"source"`` or the ``"destination"``.
        skip_already_deleted: Leave out instances deleted before the first sync.
        sync_mode: ``"onePhase"``, ``"twoPhase"`` or ``"noBackfill"`` (None: CDF's default).
        backfill_sort: How to sort the backfill phase of a two-phase sync.
    """

    def __init__(
        self,
        from_: str | None = None,
        filter: Filter | None = None,
        limit: int | None = None,
        direction: Direction = "outwards",
        chain_to: ChainTo = "destination",
        skip_already_deleted: bool = True,
        sync_mode: Literal["onePhase", "twoPhase", "noBackfill"] | None = None,
        backfill_sort: list[InstanceSort] | None = None,
    ) -> None:
        if from_ is not None and not isinstance(from_, str):
            raise TypeError(f"from_ must be a str, not {type(from_).__name__}")
        _filter(filter, "filter")
        if not isinstance(skip_already_deleted, bool):
            raise TypeError("skip_already_deleted must be a bool")
        if sync_mode is not None:
            _check_choice(sync_mode, "sync_mode", ("onePhase", "twoPhase", "noBackfill"))
        self.from_ = from_
        self.filter = filter
        self.limit = _check_int(limit, "limit")
        self.direction: Direction = _check_choice(direction, "direction", ("outwards", "inwards"))
        self.chain_to: ChainTo = _check_choice(chain_to, "chain_to", ("source", "destination"))
        self.skip_already_deleted = skip_already_deleted
        self.sync_mode = sync_mode
        self.backfill_sort = _sorts(backfill_sort, "backfill_sort")

    def _common(self, out: dict[str, Any]) -> dict[str, Any]:
        if self.limit is not None:
            out["limit"] = self.limit
        if not self.skip_already_deleted:
            out["skipAlreadyDeleted"] = False
        if self.sync_mode is not None:
            out["mode"] = self.sync_mode
        if self.backfill_sort:
            out["backfillSort"] = [s.dump() for s in self.backfill_sort]
        return out

    @classmethod
    def load(cls, data: dict[str, Any]) -> ResultSetExpressionSync:
        """Load a sync result set expression (nodes or edges)."""
        kind = "nodes" if "nodes" in data else "edges"
        body = data[kind]
        common: dict[str, Any] = {
            "from_": body.get("from"),
            "filter": _load_filter(body.get("filter")),
            "limit": data.get("limit"),
            "direction": body.get("direction", "outwards"),
            "chain_to": body.get("chainTo", "destination"),
            "skip_already_deleted": data.get("skipAlreadyDeleted", True),
            "sync_mode": data.get("mode"),
            "backfill_sort": [InstanceSort.load(s) for s in data.get("backfillSort", [])],
        }
        if kind == "nodes":
            return NodeResultSetExpressionSync(through=body.get("through"), **common)
        return EdgeResultSetExpressionSync(
            max_distance=body.get("maxDistance"),
            node_filter=_load_filter(body.get("nodeFilter")),
            termination_filter=_load_filter(body.get("terminationFilter")),
            **common,
        )


class NodeResultSetExpressionSync(ResultSetExpressionSync):
    """A result set of nodes in a sync.

    Args:
        from_: The result set to start from.
        filter: The filter on the nodes.
        limit: The most nodes per sync call.
        through: The direct relation to follow from the nodes of ``from_``.
        direction: Follow the direct relation ``"outwards"`` or ``"inwards"``.
        chain_to: Chain to the ``"source"`` or the ``"destination"``.
        skip_already_deleted: Leave out nodes deleted before the first sync.
        sync_mode: ``"onePhase"``, ``"twoPhase"`` or ``"noBackfill"``.
        backfill_sort: How to sort the backfill phase.

    Example:
        >>> from cognite.client.data_classes.data_modeling.query import NodeResultSetExpressionSync
        >>> NodeResultSetExpressionSync(limit=100).dump()
        {'nodes': {}, 'limit': 100}
    """

    def __init__(
        self,
        from_: str | None = None,
        filter: Filter | None = None,
        limit: int | None = None,
        through: PropertyId | tuple[Any, ...] | None = None,
        direction: Direction = "outwards",
        chain_to: ChainTo = "destination",
        skip_already_deleted: bool = True,
        sync_mode: Literal["onePhase", "twoPhase", "noBackfill"] | None = None,
        backfill_sort: list[InstanceSort] | None = None,
    ) -> None:
        super().__init__(from_, filter, limit, direction, chain_to, skip_already_deleted, sync_mode, backfill_sort)
        self.through = _through(through)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"nodes": {...}, "limit": ...}``."""
        nodes: dict[str, Any] = {}
        if self.from_ is not None:
            nodes["from"] = self.from_
        if self.filter is not None:
            nodes["filter"] = _filter(self.filter, "filter")
        if self.through is not None:
            nodes["through"] = self.through.dump()
            nodes["direction"] = self.direction
        if self.chain_to != "destination":
            nodes["chainTo"] = self.chain_to
        return self._common({"nodes": nodes})


class EdgeResultSetExpressionSync(ResultSetExpressionSync):
    """A result set of edges in a sync.

    Args:
        from_: The result set of nodes to traverse from.
        filter: The filter on the edges.
        limit: The most edges per sync call.
        direction: Traverse ``"outwards"`` or ``"inwards"``.
        chain_to: Chain to the ``"source"`` or the ``"destination"``.
        skip_already_deleted: Leave out edges deleted before the first sync.
        sync_mode: ``"onePhase"``, ``"twoPhase"`` or ``"noBackfill"``.
        backfill_sort: How to sort the backfill phase.
        max_distance: The most hops.
        node_filter: The filter the nodes reached must match.
        termination_filter: Stop traversing at nodes matching this filter.
    """

    def __init__(
        self,
        from_: str | None = None,
        filter: Filter | None = None,
        limit: int | None = None,
        direction: Direction = "outwards",
        chain_to: ChainTo = "destination",
        skip_already_deleted: bool = True,
        sync_mode: Literal["onePhase", "twoPhase", "noBackfill"] | None = None,
        backfill_sort: list[InstanceSort] | None = None,
        max_distance: int | None = None,
        node_filter: Filter | None = None,
        termination_filter: Filter | None = None,
    ) -> None:
        super().__init__(from_, filter, limit, direction, chain_to, skip_already_deleted, sync_mode, backfill_sort)
        _filter(node_filter, "node_filter")
        _filter(termination_filter, "termination_filter")
        self.max_distance = _check_int(max_distance, "max_distance")
        self.node_filter = node_filter
        self.termination_filter = termination_filter

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"edges": {...}, "limit": ...}``."""
        edges: dict[str, Any] = {}
        if self.from_ is not None:
            edges["from"] = self.from_
        if self.filter is not None:
            edges["filter"] = _filter(self.filter, "filter")
        if self.node_filter is not None:
            edges["nodeFilter"] = _filter(self.node_filter, "node_filter")
        if self.termination_filter is not None:
            edges["terminationFilter"] = _filter(self.termination_filter, "termination_filter")
        edges["direction"] = self.direction
        if self.max_distance is not None:
            edges["maxDistance"] = self.max_distance
        if self.chain_to != "destination":
            edges["chainTo"] = self.chain_to
        return self._common({"edges": edges})


# ------------------------------------------------------------------------------------------------ select


class SourceSelector:
    """The properties to return from one view.

    Args:
        source: The view.
        properties: The property identifiers (None: all, ``["*"]``).
        target_units: Units to convert properties to.

    Example:
        >>> from cognite.client.data_classes.data_modeling.query import SourceSelector
        >>> from cognite.client.data_classes.data_modeling import ViewId
        >>> SourceSelector(ViewId("s", "Pump", "v1"), ["name"]).dump()
        {'source': {'space': 's', 'externalId': 'Pump', 'version': 'v1', 'type': 'view'}, 'properties': ['name']}
    """

    def __init__(
        self,
        source: ViewId | tuple[str, str, str] | Any,
        properties: list[str] | None = None,
        target_units: list[TargetUnit] | None = None,
    ) -> None:
        if isinstance(source, tuple | dict):
            source = ViewId.load(source)
        elif not isinstance(source, ViewId) and hasattr(source, "as_id"):
            source = source.as_id()
        if not isinstance(source, ViewId):
            raise TypeError(f"source must be a ViewId, not {type(source).__name__}")
        if properties is not None and (isinstance(properties, str) or not all(isinstance(p, str) for p in properties)):
            raise TypeError("properties must be a list of str")
        self.source = source
        self.properties = list(properties) if properties is not None else None
        self.target_units = (
            [u if isinstance(u, TargetUnit) else TargetUnit.load(u) for u in target_units] if target_units else None
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SourceSelector) and self.dump() == other.dump()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SourceSelector(source={self.source!r}, properties={self.properties!r})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"source": view reference, "properties": [...], "targetUnits": [...]}``."""
        out: dict[str, Any] = {
            "source": self.source.dump(camel_case=True, include_type=True),
            "properties": list(self.properties) if self.properties is not None else ["*"],
        }
        if self.target_units:
            out["targetUnits" if camel_case else "target_units"] = [u.dump(camel_case) for u in self.target_units]
        return out

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> SourceSelector:
        """Load from ``{"source": ..., "properties": [...]}``."""
        if isinstance(resource, str):
            import json

            resource = json.loads(resource)
        data = cast("dict[str, Any]", resource)
        units = data.get("targetUnits", data.get("target_units"))
        return cls(
            ViewId.load(data["source"]),
            data.get("properties"),
            [TargetUnit.load(u) for u in units] if units else None,
        )


def _source_selectors(sources: Any) -> list[SourceSelector]:
    if sources is None:
        return []
    values = sources if isinstance(sources, list | tuple) and not isinstance(sources, ViewId) else [sources]
    out = []
    for v in values:
        if isinstance(v, SourceSelector):
            out.append(v)
        elif isinstance(v, dict):
            out.append(SourceSelector.load(v))
        else:
            out.append(SourceSelector(v))
    return out


class SelectBase:
    """Base of selections: the properties to return per view.

    Args:
        sources: Source selectors (or views: all their properties).
    """

    def __init__(self, sources: list[SourceSelector] | None = None) -> None:
        self.sources = _source_selectors(sources)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"sources": [...]}``."""
        out: dict[str, Any] = {}
        if self.sources:
            out["sources"] = [s.dump(camel_case) for s in self.sources]
        return out

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dump()!r})"


class Select(SelectBase):
    """What to return from a result set of a query: properties per view, sort and limit.

    Args:
        sources: Source selectors (or views).
        sort: How to sort the returned instances.
        limit: The most instances to return.
    """

    def __init__(
        self,
        sources: list[SourceSelector] | None = None,
        sort: list[InstanceSort] | None = None,
        limit: int | None = None,
    ) -> None:
        super().__init__(sources)
        self.sort = _sorts(sort, "sort")
        self.limit = _check_int(limit, "limit")

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"sources": [...], "sort": [...], "limit": ...}``."""
        out = super().dump(camel_case)
        if self.sort:
            out["sort"] = [s.dump() for s in self.sort]
        if self.limit is not None:
            out["limit"] = self.limit
        return out

    @classmethod
    def load(cls, data: dict[str, Any]) -> Select:
        """Load from the wire form."""
        return cls(
            [SourceSelector.load(s) for s in data.get("sources", [])],
            [InstanceSort.load(s) for s in data.get("sort", [])],
            data.get("limit"),
        )


class SelectSync(SelectBase):
    """What to return from a result set of a sync: properties per view.

    Args:
        sources: Source selectors (or views).
    """

    @classmethod
    def load(cls, data: dict[str, Any]) -> SelectSync:
        """Load from the wire form."""
        return cls([SourceSelector.load(s) for s in data.get("sources", [])])


# ------------------------------------------------------------------------------------------------ queries


class QueryBase:
    """Base of queries and syncs: named result set expressions, selections, parameters and cursors.

    Args:
        with_: Result set expressions by name.
        select: Selections by result set name.
        parameters: Values of the parameters the filters refer to.
        cursors: Cursors by result set name (to continue where a previous call stopped).
    """

    _EXPR_CLS: type[Any] = ResultSetExpressionBase

    def __init__(
        self,
        with_: Mapping[str, Any],
        select: Mapping[str, Any],
        parameters: Mapping[str, Any] | None = None,
        cursors: Mapping[str, str | None] | None = None,
    ) -> None:
        if not isinstance(with_, Mapping) or not with_:
            raise ValueError("with_ must be a non-empty dict of result set expressions")
        for name, expr in with_.items():
            if not isinstance(expr, self._EXPR_CLS):
                raise TypeError(f"with_[{name!r}] must be a {self._EXPR_CLS.__name__}, not {type(expr).__name__}")
        if not isinstance(select, Mapping):
            raise TypeError("select must be a dict of selections")
        unknown = sorted(set(select) - set(with_))
        if unknown:
            raise ValueError(f"select names result sets that are not in with_: {unknown}")
        self.with_ = dict(with_)
        self.select = dict(select)
        self.parameters = dict(parameters) if parameters else None
        self.cursors: dict[str, str | None] = dict(cursors) if cursors else {}

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"with": {...}, "select": {...}, "parameters": {...}, "cursors": {...}}``."""
        out: dict[str, Any] = {
            "with": {name: expr.dump(camel_case) for name, expr in self.with_.items()},
            "select": {name: sel.dump(camel_case) for name, sel in self.select.items()},
        }
        if self.parameters:
            out["parameters"] = self.parameters
        cursors = {k: v for k, v in self.cursors.items() if v is not None}
        if cursors:
            out["cursors"] = cursors
        return out

    def instance_type_by_result_expression(
        self,
    ) -> dict[str, type[NodeListWithCursor[Any]] | type[EdgeListWithCursor[Any]]]:
        """The list class of each result set: nodes (node expressions and set operations) or edges."""
        return {
            name: EdgeListWithCursor if "edges" in expr.dump() else NodeListWithCursor
            for name, expr in self.with_.items()
        }

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dump()!r})"


class Query(QueryBase):
    """A query (``/models/instances/query``).

    Args:
        with_: Result set expressions by name (nodes, edges, set operations).
        select: Selections by result set name (only selected result sets are returned).
        parameters: Values of the parameters the filters refer to.
        cursors: Cursors by result set name.
    """

    _EXPR_CLS = ResultSetExpression

    @classmethod
    def load(cls, data: dict[str, Any]) -> Query:
        """Load from the wire form."""
        return cls(
            {k: ResultSetExpression.load(v) for k, v in data["with"].items()},
            {k: Select.load(v) for k, v in data["select"].items()},
            data.get("parameters"),
            data.get("cursors"),
        )


class QuerySync(QueryBase):
    """A sync query (``/models/instances/sync``).

    Args:
        with_: Result set expressions by name (NodeResultSetExpressionSync, EdgeResultSetExpressionSync).
        select: Selections by result set name.
        parameters: Values of the parameters the filters refer to.
        cursors: Cursors by result set name (from the previous sync's ``cursors``).
        allow_expired_cursors_and_accept_missed_deletes: Accept cursors older than CDF keeps deletes for.
    """

    _EXPR_CLS = ResultSetExpressionSync

    def __init__(
        self,
        with_: Mapping[str, Any],
        select: Mapping[str, Any],
        parameters: Mapping[str, Any] | None = None,
        cursors: Mapping[str, str | None] | None = None,
        allow_expired_cursors_and_accept_missed_deletes: bool = False,
    ) -> None:
        super().__init__(with_, select, parameters, cursors)
        if not isinstance(allow_expired_cursors_and_accept_missed_deletes, bool):
            raise TypeError("allow_expired_cursors_and_accept_missed_deletes must be a bool")
        self.allow_expired_cursors_and_accept_missed_deletes = allow_expired_cursors_and_accept_missed_deletes

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form of a sync request."""
        out = super().dump(camel_case)
        if self.allow_expired_cursors_and_accept_missed_deletes:
            out["allowExpiredCursorsAndAcceptMissedDeletes"] = True
        return out

    @classmethod
    def load(cls, data: dict[str, Any]) -> QuerySync:
        """Load from the wire form."""
        return cls(
            {k: ResultSetExpressionSync.load(v) for k, v in data["with"].items()},
            {k: SelectSync.load(v) for k, v in data["select"].items()},
            data.get("parameters"),
            data.get("cursors"),
            data.get("allowExpiredCursorsAndAcceptMissedDeletes", False),
        )


class QueryResult(UserDict[str, Any]):
    """The result sets of a query or a sync, by name; ``cursors`` continue where this result stopped.

    Example:
        >>> from cognite.client.data_classes.data_modeling.query import QueryResult
        >>> res = QueryResult.load({"items": {"a": []}, "nextCursor": {"a": "c1"}})
        >>> res.cursors, len(res["a"])
        ({'a': 'c1'}, 0)
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._debug: Any = None

    @property
    def cursors(self) -> dict[str, str | None]:
        """The cursor of every result set (None when it is exhausted)."""
        return {name: getattr(value, "cursor", None) for name, value in self.data.items()}

    @property
    def debug(self) -> Any:
        """Debug information (when the request asked for it)."""
        return self._debug

    def get_nodes(self, result_expression: str) -> NodeListWithCursor[Any]:
        """The nodes of a result set (raises if it holds edges)."""
        value = self.data[result_expression]
        if not isinstance(value, NodeListWithCursor):
            raise RuntimeError(f"{result_expression!r} holds edges, not nodes")
        return value

    def get_edges(self, result_expression: str) -> EdgeListWithCursor[Any]:
        """The edges of a result set (raises if it holds nodes)."""
        value = self.data[result_expression]
        if not isinstance(value, EdgeListWithCursor):
            raise RuntimeError(f"{result_expression!r} holds nodes, not edges")
        return value

    @classmethod
    def load(
        cls,
        resource: dict[str, Any],
        instance_types: Mapping[str, type[NodeListWithCursor[Any]] | type[EdgeListWithCursor[Any]]] | None = None,
        cursors: Mapping[str, str | None] | None = None,
        typing: Mapping[str, Any] | None = None,
        debug: Any = None,
        cognite_client: Any = None,
    ) -> QueryResult:
        """Load from a query/sync response ``{"items": {name: [...]}, "nextCursor": {name: ...}, "typing": ...}``.

        Args:
            resource: The response body.
            instance_types: The list class of each result set (else by each item's ``instanceType``).
            cursors: Cursors by result set name (else the response's ``nextCursor``).
            typing: Type information by result set name (else the response's ``typing``).
            debug: Debug information (else the response's ``debug``).
            cognite_client: The client to attach.

        Returns:
            The result.
        """
        from cognite.client.data_classes.data_modeling.instances import load_instance

        cursors = cursors if cursors is not None else resource.get("nextCursor", {})
        typing = typing if typing is not None else resource.get("typing", {})
        out = cls()
        for name, items in resource.get("items", {}).items():
            instances = [load_instance(i) for i in items]
            list_cls: type[Any]
            if instance_types and name in instance_types:
                list_cls = instance_types[name]
            else:
                list_cls = EdgeListWithCursor if instances and isinstance(instances[0], Edge) else NodeListWithCursor
            type_info = TypeInformation._load(typing[name]) if typing and typing.get(name) else None
            out[name] = list_cls(instances, cursors.get(name), type_info, None, cognite_client)
        raw_debug = debug if debug is not None else resource.get("debug")
        if isinstance(raw_debug, dict):
            from cognite.client.data_classes.data_modeling.debug import DebugInfo

            raw_debug = DebugInfo.load(raw_debug)
        out._debug = raw_debug
        return out
