"""The data-modeling Instances API (``client.data_modeling.instances``): nodes and edges.

A table like every family: the path ``/models/instances``, the limits of the spec (1000 items per apply, byids and
delete request; 1000 per list page), and methods that build request bodies and send them through the generic
verbs (``_post_concurrently`` for chunks, cursor pages for lists). Instances are decoded from the response into
:class:`Node` and :class:`Edge` (or the user's typed classes); the properties of a result stay keyed by the
view or container that holds them.
"""

from __future__ import annotations

import asyncio
import builtins
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Literal, cast, overload

import msgspec

from cognite.client._api_client import APIClient, check_limit, check_type, chunks
from cognite.client.data_classes.aggregations import (
    AggregatedNumberedValue,
    AggregatedValue,
    Aggregation,
    Histogram,
    HistogramValue,
    MetricAggregation,
)
from cognite.client.data_classes.data_modeling.ids import (
    DataModelingIdentifierSequence,
    EdgeId,
    NodeId,
    ViewId,
)
from cognite.client.data_classes.data_modeling.instances import (
    Edge,
    EdgeApply,
    EdgeApplyResult,
    EdgeApplyResultList,
    EdgeList,
    InstanceAggregationResult,
    InstanceAggregationResultList,
    InstanceInspectResult,
    InstanceInspectResultList,
    InstanceInspectResults,
    InstancesApplyResult,
    InstancesDeleteResult,
    InstanceSort,
    InstancesResult,
    InvolvedContainers,
    InvolvedViews,
    Node,
    NodeApply,
    NodeApplyResult,
    NodeApplyResultList,
    NodeList,
    T_Edge,
    T_Node,
    TargetUnit,
    TypedEdge,
    TypedNode,
    TypeInformation,
)
from cognite.client.data_classes.filters import And, Filter, SpaceFilter

if TYPE_CHECKING:
    from cognite.client.data_classes.data_modeling.debug import DebugInfo, DebugParameters
    from cognite.client.data_classes.data_modeling.query import Query, QueryResult, QuerySync
    from cognite.client.data_classes.data_modeling.sync import SyncSessionWithCache

__all__ = ["InstancesAPI"]

InstanceType = Literal["node", "edge"]
Source = Any  # SourceSelector | View | ViewId | tuple[str, str] | tuple[str, str, str]
_PATH = "/models/instances"


# ------------------------------------------------------------------------------------------------ request pieces


def _kind_and_class(instance_type: Any) -> tuple[InstanceType, type[Node] | type[Edge]]:
    """``"node"``/``"edge"``, or a Node/Edge subclass (e.g. a TypedNode) to load the results as."""
    if isinstance(instance_type, type):
        if issubclass(instance_type, Node):
            return "node", instance_type
        if issubclass(instance_type, Edge):
            return "edge", instance_type
        raise TypeError(f"instance_type must be 'node', 'edge' or a Node/Edge subclass, not {instance_type!r}")
    kind = _check_instance_type(instance_type)
    return kind, (Node if kind == "node" else Edge)


def _typed_sources(sources: Any, cls: type[Node] | type[Edge]) -> Any:
    if sources is None and issubclass(cls, TypedNode | TypedEdge):
        return cls.get_source()
    return sources


def _check_instance_type(instance_type: Any) -> InstanceType:
    if instance_type not in ("node", "edge"):
        raise ValueError(f"instance_type must be 'node' or 'edge', not {instance_type!r}")
    return cast(InstanceType, instance_type)


def _view_ref(view: Any, name: str = "view") -> dict[str, Any]:
    """A view (ViewId, View, or a ``(space, external_id, version)`` tuple) as a wire view reference."""
    if isinstance(view, ViewId):
        ident = view
    elif (isinstance(view, tuple) and len(view) in (2, 3) and all(isinstance(v, str) for v in view)) or isinstance(
        view, dict
    ):
        ident = ViewId.load(view)
    elif hasattr(view, "as_id") and isinstance(view.as_id(), ViewId):
        ident = view.as_id()
    else:
        raise TypeError(f"{name} must be a ViewId, a View or a (space, external_id, version) tuple, not {view!r}")
    if ident.version is None:
        raise ValueError(f"{name} needs a version: {ident!r}")
    return ident.dump(camel_case=True, include_type=True)


def _sources(sources: Any) -> list[dict[str, Any]] | None:
    """Source selectors of byids/list: ``[{"source": view reference[, "targetUnits": [...]]}]``."""
    if sources is None:
        return None
    single = (
        isinstance(sources, ViewId | dict)
        or (isinstance(sources, tuple) and all(isinstance(s, str) for s in sources))
        or not isinstance(sources, Sequence)
    )
    items = [sources] if single else list(sources)
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict) and "source" in item:
            out.append(item)
        elif hasattr(item, "source") and hasattr(item, "dump") and not isinstance(item, ViewId):
            dumped = item.dump(camel_case=True)
            dumped.pop("properties", None)
            out.append(dumped)
        else:
            out.append({"source": _view_ref(item, "sources")})
    return out


def _dump_filter(filter: Filter | dict[str, Any] | None, name: str = "filter") -> dict[str, Any] | None:
    if filter is None:
        return None
    if isinstance(filter, dict):
        return filter
    if isinstance(filter, Filter):
        return filter.dump(camel_case_property=False)
    raise TypeError(f"{name} must be a Filter or a dict, not {type(filter).__name__}")


def _with_space(
    filter: Filter | dict[str, Any] | None, space: str | Sequence[str] | None, instance_type: InstanceType
) -> dict[str, Any] | None:
    dumped = _dump_filter(filter)
    if space is None:
        return dumped
    space_filter = SpaceFilter(space, instance_type).dump()
    return space_filter if dumped is None else And(Filter.load(space_filter), Filter.load(dumped)).dump()


def _dump_sort(sort: Any, name: str = "sort") -> list[dict[str, Any]] | None:
    if sort is None:
        return None
    specs = sort if isinstance(sort, list) else [sort]
    out = []
    for spec in specs:
        if isinstance(spec, dict):
            out.append(spec)
        elif isinstance(spec, InstanceSort) or hasattr(spec, "direction"):
            out.append(spec.dump(camel_case=True))
        else:
            raise TypeError(f"{name} must be InstanceSort(s) or dict(s), not {type(spec).__name__}")
    return out


def _target_units(target_units: Any) -> list[dict[str, Any]] | None:
    if target_units is None:
        return None
    units = [target_units] if isinstance(target_units, TargetUnit | dict) else list(target_units)
    return [u if isinstance(u, dict) else u.dump(camel_case=True) for u in units]


def _debug(debug: Any) -> dict[str, Any] | None:
    if debug is None:
        return None
    if isinstance(debug, dict):
        return debug
    return cast("dict[str, Any]", debug.dump(camel_case=True))


def _id_sequence(ids: Any, kind: InstanceType, name: str) -> DataModelingIdentifierSequence:
    try:
        return DataModelingIdentifierSequence.load(ids, id_type=kind)
    except (TypeError, ValueError, KeyError) as err:
        what = "NodeId" if kind == "node" else "EdgeId"
        raise TypeError(f"{name} must be a {what}, a (space, external_id) tuple or a list of them: {err}") from None


def _ids(ids: Any, kind: InstanceType, name: str) -> list[dict[str, str]]:
    if ids is None:
        return []
    return _id_sequence(ids, kind, name).as_dicts()


def _debug_info(body: dict[str, Any]) -> DebugInfo | None:
    debug = body.get("debug")
    if not debug:
        return None
    from cognite.client.data_classes.data_modeling.debug import DebugInfo

    return DebugInfo.load(debug)


def _typing(body: dict[str, Any]) -> TypeInformation | None:
    typing = body.get("typing")
    return TypeInformation._load(typing) if typing else None


def _load_node(cls: type[Node], item: dict[str, Any]) -> Node:
    return cls._load(item)


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def _check_positive_limit(limit: Any, name: str = "limit", maximum: int | None = None) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"{name} must be a positive int, not {limit!r}")
    if maximum is not None and limit > maximum:
        raise ValueError(f"{name} must be at most {maximum}, not {limit}")
    return limit


def _instance_cls(cls: Any, base: type, name: str) -> Any:
    if not isinstance(cls, type) or not issubclass(cls, base):
        raise TypeError(f"{name} must be {base.__name__} or a subclass of it, not {cls!r}")
    return cls


class InstancesAPI(APIClient[Any, Any]):
    """Apply, retrieve, list, search, aggregate, query, sync and delete nodes and edges.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import NodeApply, NodeOrEdgeData, ViewId
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
        ...     view = ViewId("plant", "Pump", "v1")
        ...     _ = client.data_modeling.instances.apply(
        ...         NodeApply("plant", "pump1", sources=[NodeOrEdgeData(view, {"name": "P1"})])
        ...     )
        ...     client.data_modeling.instances.retrieve_nodes(("plant", "pump1"), sources=view)["name"]
        'P1'
    """

    _RESOURCE_PATH = _PATH
    _CATEGORY = "data_modeling"
    _APPLY_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000
    _SEARCH_LIMIT = 1000
    _AGGREGATE_LIMIT = 1000
    _INSPECT_LIMIT = 1000

    async def _post_json(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        resp = await self._post(path, json=body)
        return cast("dict[str, Any]", msgspec.json.decode(resp.content))

    # ------------------------------------------------------------------------------------------ apply

    async def apply(
        self,
        nodes: NodeApply | Sequence[NodeApply] | None = None,
        edges: EdgeApply | Sequence[EdgeApply] | None = None,
        auto_create_start_nodes: bool = False,
        auto_create_end_nodes: bool = False,
        auto_create_direct_relations: bool = True,
        skip_on_version_conflict: bool = False,
        replace: bool = False,
    ) -> InstancesApplyResult:
        """Add or update (upsert) nodes and edges, in concurrent chunks of 1000.

        Args:
            nodes: The node(s) to write.
            edges: The edge(s) to write.
            auto_create_start_nodes: Create the start nodes of edges that do not exist.
            auto_create_end_nodes: Create the end nodes of edges that do not exist.
            auto_create_direct_relations: Create the nodes that direct relations point to when they do not exist.
            skip_on_version_conflict: Skip instances whose ``existing_version`` does not match (instead of failing).
            replace: Replace the properties of each source given (instead of updating only the properties given).

        Returns:
            The results of the written nodes and edges.

        Raises:
            CogniteAPIError: A chunk failed; ``successful``, ``failed`` and ``unknown`` list the instances by outcome
                (``skipped``: edges not sent because a chunk of nodes failed; with more than one chunk, the nodes are
                written before the edges).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import EdgeApply, NodeApply
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     res = client.data_modeling.instances.apply(
            ...         nodes=[NodeApply("s", "a"), NodeApply("s", "b")],
            ...         edges=EdgeApply("s", "a-b", ("s", "flows"), ("s", "a"), ("s", "b")),
            ...     )
            ...     [n.external_id for n in res.nodes], res.edges[0].version
            (['a', 'b'], 1)
        """
        flags = {
            "autoCreateStartNodes": _check_bool(auto_create_start_nodes, "auto_create_start_nodes"),
            "autoCreateEndNodes": _check_bool(auto_create_end_nodes, "auto_create_end_nodes"),
            "autoCreateDirectRelations": _check_bool(auto_create_direct_relations, "auto_create_direct_relations"),
            "skipOnVersionConflict": _check_bool(skip_on_version_conflict, "skip_on_version_conflict"),
            "replace": _check_bool(replace, "replace"),
        }
        instances: list[NodeApply | EdgeApply] = []
        for value, kind, name in ((nodes, NodeApply, "nodes"), (edges, EdgeApply, "edges")):
            if value is None:
                continue
            values = [value] if isinstance(value, kind) else value
            if isinstance(values, str) or not isinstance(values, Sequence):
                raise TypeError(f"{name} must be a {kind.__name__} or a list of them, not {type(value).__name__}")
            for v in values:
                if not isinstance(v, kind):
                    raise TypeError(f"{name} must contain only {kind.__name__}, not {type(v).__name__}")
                instances.append(v)
        if not instances:
            return InstancesApplyResult(NodeApplyResultList([]), EdgeApplyResultList([]))
        # Chunks go concurrently, so when there is more than one, the nodes go before the edges that may start or
        # end at them (an edge whose node is in a chunk still in flight would fail); a failure skips the edges.
        node_part: list[NodeApply | EdgeApply] = [i for i in instances if isinstance(i, NodeApply)]
        edge_part: list[NodeApply | EdgeApply] = [i for i in instances if isinstance(i, EdgeApply)]
        phases: list[list[NodeApply | EdgeApply]] = (
            [node_part, edge_part] if len(instances) > self._APPLY_LIMIT and node_part and edge_part else [instances]
        )
        responses: list[Any] = []
        done: list[Any] = []
        for n, phase in enumerate(phases):
            item_chunks = chunks(phase, self._APPLY_LIMIT)
            bodies = [{"items": [i.dump(camel_case=True) for i in c], **flags} for c in item_chunks]
            try:
                responses += await self._post_concurrently(_PATH, bodies, operation="write", reported=item_chunks)
            except Exception as err:
                err.successful = done + list(getattr(err, "successful", []))  # type: ignore[attr-defined]
                err.skipped = [x for later in phases[n + 1 :] for x in later]  # type: ignore[attr-defined]
                raise
            done += phase
        node_results: list[Any] = []
        edge_results: list[Any] = []
        for resp in responses:
            for item in msgspec.json.decode(resp.content)["items"]:
                if item.get("instanceType") == "edge":
                    edge_results.append(EdgeApplyResult._load(item))
                else:
                    node_results.append(NodeApplyResult._load(item))
        return InstancesApplyResult(
            NodeApplyResultList._from_items(node_results), EdgeApplyResultList._from_items(edge_results)
        )

    # ------------------------------------------------------------------------------------------ retrieve

    async def _byids(
        self,
        items: list[dict[str, str]],
        sources: Any,
        include_typing: bool,
        node_cls: type[Node] = Node,
        edge_cls: type[Edge] = Edge,
    ) -> tuple[list[Node], list[Edge], TypeInformation | None]:
        _check_bool(include_typing, "include_typing")
        extra: dict[str, Any] = {"includeTyping": include_typing}
        selected = _sources(sources)
        if selected:
            extra["sources"] = selected
        id_chunks = chunks(items, self._RETRIEVE_LIMIT)
        bodies = [{"items": list(c), **extra} for c in id_chunks]
        responses = await self._post_concurrently(_PATH + "/byids", bodies, operation="read", reported=id_chunks)
        nodes: list[Node] = []
        edges: list[Edge] = []
        typing: TypeInformation | None = None
        for resp in responses:
            body = msgspec.json.decode(resp.content)
            for item in body["items"]:
                if item.get("instanceType") == "edge":
                    edges.append(edge_cls._load(item))
                else:
                    nodes.append(node_cls._load(item))
            typing = _typing(body) or typing
        return nodes, edges, typing

    async def retrieve(
        self,
        nodes: NodeId | Sequence[NodeId] | tuple[str, str] | Sequence[tuple[str, str]] | None = None,
        edges: EdgeId | Sequence[EdgeId] | tuple[str, str] | Sequence[tuple[str, str]] | None = None,
        sources: Source | Sequence[Source] | None = None,
        include_typing: bool = False,
    ) -> InstancesResult[Node, Edge]:
        """Retrieve nodes and edges by id; ids that do not exist are left out.

        Args:
            nodes: Node id(s): NodeId or ``(space, external_id)``.
            edges: Edge id(s): EdgeId or ``(space, external_id)``.
            sources: The views to read properties from.
            include_typing: Return the type information of the properties.

        Returns:
            The nodes and edges found.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     _ = client.data_modeling.instances.apply(NodeApply("s", "a"))
            ...     res = client.data_modeling.instances.retrieve(nodes=[("s", "a"), ("s", "missing")])
            ...     res.nodes.as_ids()
            [NodeId(space='s', external_id='a')]
        """
        items = _ids(nodes, "node", "nodes") + _ids(edges, "edge", "edges")
        if not items:
            return InstancesResult(NodeList([]), EdgeList([]))
        found_nodes, found_edges, typing = await self._byids(items, sources, include_typing)
        return InstancesResult(
            NodeList(found_nodes, typing=typing, cognite_client=self._cognite_client),
            EdgeList(found_edges, typing=typing, cognite_client=self._cognite_client),
        )

    @overload
    async def retrieve_nodes(
        self,
        nodes: NodeId | tuple[str, str],
        node_cls: type[T_Node],
        sources: Source | Sequence[Source] | None = ...,
        include_typing: bool = ...,
    ) -> T_Node | None: ...
    @overload
    async def retrieve_nodes(
        self,
        nodes: NodeId | tuple[str, str],
        *,
        sources: Source | Sequence[Source] | None = ...,
        include_typing: bool = ...,
    ) -> Node | None: ...
    @overload
    async def retrieve_nodes(
        self,
        nodes: Sequence[NodeId] | Sequence[tuple[str, str]],
        node_cls: type[T_Node],
        sources: Source | Sequence[Source] | None = ...,
        include_typing: bool = ...,
    ) -> NodeList[T_Node]: ...
    @overload
    async def retrieve_nodes(
        self,
        nodes: Sequence[NodeId] | Sequence[tuple[str, str]],
        *,
        sources: Source | Sequence[Source] | None = ...,
        include_typing: bool = ...,
    ) -> NodeList[Node]: ...
    async def retrieve_nodes(
        self,
        nodes: NodeId | Sequence[NodeId] | tuple[str, str] | Sequence[tuple[str, str]],
        node_cls: type[Any] = Node,
        sources: Source | Sequence[Source] | None = None,
        include_typing: bool = False,
    ) -> Any:
        """Retrieve nodes by id, optionally as a typed node class.

        Args:
            nodes: Node id(s): NodeId or ``(space, external_id)``.
            node_cls: The class to load the nodes as (Node, or a TypedNode subclass, whose view is read by default).
            sources: The views to read properties from.
            include_typing: Return the type information of the properties.

        Returns:
            One node (or None when it does not exist) for one id; a NodeList for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     _ = client.data_modeling.instances.apply(NodeApply("s", "a"))
            ...     client.data_modeling.instances.retrieve_nodes(("s", "a")).external_id
            'a'
        """
        cls = _instance_cls(node_cls, Node, "node_cls")
        seq = _id_sequence(nodes, "node", "nodes")
        if sources is None and issubclass(cls, TypedNode):
            sources = cls.get_source()
        found, _, typing = await self._byids(seq.as_dicts(), sources, include_typing, node_cls=cls)
        if seq.is_singleton():
            return found[0] if found else None
        return NodeList(found, typing=typing, cognite_client=self._cognite_client)

    @overload
    async def retrieve_edges(
        self,
        edges: EdgeId | tuple[str, str],
        edge_cls: type[T_Edge],
        sources: Source | Sequence[Source] | None = ...,
        include_typing: bool = ...,
    ) -> T_Edge | None: ...
    @overload
    async def retrieve_edges(
        self,
        edges: EdgeId | tuple[str, str],
        *,
        sources: Source | Sequence[Source] | None = ...,
        include_typing: bool = ...,
    ) -> Edge | None: ...
    @overload
    async def retrieve_edges(
        self,
        edges: Sequence[EdgeId] | Sequence[tuple[str, str]],
        edge_cls: type[T_Edge],
        sources: Source | Sequence[Source] | None = ...,
        include_typing: bool = ...,
    ) -> EdgeList[T_Edge]: ...
    @overload
    async def retrieve_edges(
        self,
        edges: Sequence[EdgeId] | Sequence[tuple[str, str]],
        *,
        sources: Source | Sequence[Source] | None = ...,
        include_typing: bool = ...,
    ) -> EdgeList[Edge]: ...
    async def retrieve_edges(
        self,
        edges: EdgeId | Sequence[EdgeId] | tuple[str, str] | Sequence[tuple[str, str]],
        edge_cls: type[Any] = Edge,
        sources: Source | Sequence[Source] | None = None,
        include_typing: bool = False,
    ) -> Any:
        """Retrieve edges by id, optionally as a typed edge class.

        Args:
            edges: Edge id(s): EdgeId or ``(space, external_id)``.
            edge_cls: The class to load the edges as (Edge, or a TypedEdge subclass, whose view is read by default).
            sources: The views to read properties from.
            include_typing: Return the type information of the properties.

        Returns:
            One edge (or None when it does not exist) for one id; an EdgeList for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import EdgeApply
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     _ = client.data_modeling.instances.apply(
            ...         edges=EdgeApply("s", "e", ("s", "t"), ("s", "a"), ("s", "b")), auto_create_start_nodes=True,
            ...         auto_create_end_nodes=True)
            ...     client.data_modeling.instances.retrieve_edges(("s", "e")).end_node.external_id
            'b'
        """
        cls = _instance_cls(edge_cls, Edge, "edge_cls")
        seq = _id_sequence(edges, "edge", "edges")
        if sources is None and issubclass(cls, TypedEdge):
            sources = cls.get_source()
        _, found, typing = await self._byids(seq.as_dicts(), sources, include_typing, edge_cls=cls)
        if seq.is_singleton():
            return found[0] if found else None
        return EdgeList(found, typing=typing, cognite_client=self._cognite_client)

    # ------------------------------------------------------------------------------------------ delete

    async def delete(
        self,
        nodes: NodeId | Sequence[NodeId] | tuple[str, str] | Sequence[tuple[str, str]] | None = None,
        edges: EdgeId | Sequence[EdgeId] | tuple[str, str] | Sequence[tuple[str, str]] | None = None,
    ) -> InstancesDeleteResult:
        """Delete nodes and edges (and the edges of deleted nodes); ids that do not exist are ignored.

        Args:
            nodes: Node id(s): NodeId or ``(space, external_id)``.
            edges: Edge id(s): EdgeId or ``(space, external_id)``.

        Returns:
            The ids CDF reports as deleted.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     _ = client.data_modeling.instances.apply(NodeApply("s", "a"))
            ...     client.data_modeling.instances.delete(nodes=("s", "a")).nodes
            [NodeId(space='s', external_id='a')]
        """
        items = _ids(nodes, "node", "nodes") + _ids(edges, "edge", "edges")
        if not items:
            return InstancesDeleteResult([], [])
        id_chunks = chunks(items, self._DELETE_LIMIT)
        bodies = [{"items": list(c)} for c in id_chunks]
        responses = await self._post_concurrently(_PATH + "/delete", bodies, operation="delete", reported=id_chunks)
        deleted_nodes: list[NodeId] = []
        deleted_edges: list[EdgeId] = []
        for resp in responses:
            for item in msgspec.json.decode(resp.content)["items"]:
                if item.get("instanceType") == "edge":
                    deleted_edges.append(EdgeId(item["space"], item["externalId"]))
                else:
                    deleted_nodes.append(NodeId(item["space"], item["externalId"]))
        return InstancesDeleteResult(deleted_nodes, deleted_edges)

    # ------------------------------------------------------------------------------------------ list

    def _list_body(
        self,
        instance_type: Any,
        include_typing: Any,
        sources: Any,
        space: Any,
        sort: Any,
        filter: Any,
        debug: Any,
    ) -> tuple[dict[str, Any], type[Node] | type[Edge]]:
        kind, cls = _kind_and_class(instance_type)
        sources = _typed_sources(sources, cls)
        body: dict[str, Any] = {"instanceType": kind, "includeTyping": _check_bool(include_typing, "include_typing")}
        if space is not None and not isinstance(space, str):
            if isinstance(space, Sequence) and all(isinstance(s, str) for s in space):
                space = list(space)
            else:
                raise TypeError(f"space must be a str or a list of str, not {space!r}")
        for key, value in (
            ("sources", _sources(sources)),
            ("filter", _with_space(filter, space, kind)),
            ("sort", _dump_sort(sort)),
            ("debug", _debug(debug)),
        ):
            if value is not None:
                body[key] = value
        return body, cls

    async def _list_pages(
        self, body: dict[str, Any], max_items: int | None, page_size: int | None = None
    ) -> AsyncIterator[tuple[list[dict[str, Any]], TypeInformation | None, DebugInfo | None]]:
        fetched, cursor = 0, None
        per_page = min(page_size or self._LIST_LIMIT, self._LIST_LIMIT)
        while max_items is None or fetched < max_items:
            request = {**body, "limit": per_page if max_items is None else min(per_page, max_items - fetched)}
            if cursor:
                request["cursor"] = cursor
            page = await self._post_json(_PATH + "/list", request)
            got = page["items"]
            items = got if max_items is None else got[: max_items - fetched]
            fetched += len(items)
            if items or page.get("debug"):
                yield items, _typing(page), _debug_info(page)
            cursor = page.get("nextCursor")
            if not cursor or not got:
                return

    async def list(
        self,
        instance_type: Literal["node", "edge"] | type[Any] = "node",
        include_typing: bool = False,
        sources: Source | Sequence[Source] | None = None,
        space: str | Sequence[str] | None = None,
        limit: int | None = 25,
        sort: Sequence[InstanceSort | dict[str, Any]] | InstanceSort | dict[str, Any] | None = None,
        filter: Filter | dict[str, Any] | None = None,
        debug: DebugParameters | None = None,
    ) -> Any:
        """List nodes or edges, with filters and sorting.

        Args:
            instance_type: ``"node"``, ``"edge"``, or a Node/Edge subclass to load the instances as (a TypedNode or
                TypedEdge class reads its view unless ``sources`` are given).
            include_typing: Return the type information of the properties.
            sources: The views to read properties from.
            space: Only instances in this space (or these spaces).
            limit: Maximum number of instances (default 25; None, -1 or inf: all).
            sort: How to sort (InstanceSort or dicts).
            filter: An advanced filter, e.g. ``Equals(view.as_property_ref("name"), "P1")``.
            debug: Debug settings (the result's ``debug`` then holds CDF's notices).

        Returns:
            A NodeList or an EdgeList.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply, InstanceSort
            >>> from cognite.client.data_classes.filters import Prefix
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     _ = client.data_modeling.instances.apply([NodeApply("s", f"pump{i}") for i in range(3)])
            ...     nodes = client.data_modeling.instances.list(
            ...         space="s", filter=Prefix(["node", "externalId"], "pump"),
            ...         sort=InstanceSort(["node", "externalId"], "descending"), limit=2)
            ...     [n.external_id for n in nodes]
            ['pump2', 'pump1']
        """
        body, cls = self._list_body(instance_type, include_typing, sources, space, sort, filter, debug)
        max_items = check_limit(limit)
        collected: builtins.list[dict[str, Any]] = []
        typing: TypeInformation | None = None
        debug_info: DebugInfo | None = None
        async for items, page_typing, page_debug in self._list_pages(body, max_items):
            collected.extend(items)
            typing = page_typing or typing
            debug_info = page_debug or debug_info
        return self._instance_list(cls, collected, typing, debug_info)

    def _instance_list(
        self,
        cls: type[Node] | type[Edge],
        items: builtins.list[dict[str, Any]],
        typing: TypeInformation | None = None,
        debug: DebugInfo | None = None,
    ) -> Any:
        list_cls: Any = EdgeList if issubclass(cls, Edge) else NodeList
        out = list_cls._from_items([cls._load(i) for i in items], self._cognite_client)
        out.typing = typing
        out.debug = debug
        return out

    def __call__(
        self,
        chunk_size: int | None = None,
        instance_type: Literal["node", "edge"] | type[Any] = "node",
        limit: int | None = None,
        include_typing: bool = False,
        sources: Source | Sequence[Source] | None = None,
        space: str | Sequence[str] | None = None,
        sort: Sequence[InstanceSort | dict[str, Any]] | InstanceSort | dict[str, Any] | None = None,
        filter: Filter | dict[str, Any] | None = None,
        debug: DebugParameters | None = None,
    ) -> AsyncIterator[Any]:
        """Iterate over nodes or edges lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many instances (None: one instance at a time).
            instance_type: ``"node"``, ``"edge"``, or a Node/Edge subclass to load the instances as.
            limit: Maximum number of instances (None: all).
            include_typing: Return the type information of the properties (on the lists).
            sources: The views to read properties from.
            space: Only instances in this space (or these spaces).
            sort: How to sort.
            filter: An advanced filter.
            debug: Debug settings.

        Returns:
            An async iterator of instances, or of NodeList/EdgeList chunks.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     _ = client.data_modeling.instances.apply([NodeApply("s", f"n{i}") for i in range(5)])
            ...     [len(chunk) for chunk in client.data_modeling.instances(chunk_size=2, space="s")]
            [2, 2, 1]
        """
        body, cls = self._list_body(instance_type, include_typing, sources, space, sort, filter, debug)
        max_items = check_limit(limit)
        if chunk_size is not None:
            _check_positive_limit(chunk_size, "chunk_size")
        return self._iterate(body, cls, max_items, chunk_size)

    async def _iterate(
        self, body: dict[str, Any], cls: type[Node] | type[Edge], max_items: int | None, chunk_size: int | None
    ) -> AsyncIterator[Any]:
        buffer: builtins.list[dict[str, Any]] = []
        typing: TypeInformation | None = None
        async for items, page_typing, _ in self._list_pages(body, max_items, chunk_size):
            typing = page_typing or typing
            if chunk_size is None:
                for item in items:
                    yield cls._load(item)
                continue
            buffer.extend(items)
            while len(buffer) >= chunk_size:
                yield self._instance_list(cls, buffer[:chunk_size], typing)
                buffer = buffer[chunk_size:]
        if chunk_size is not None and buffer:
            yield self._instance_list(cls, buffer, typing)

    # ------------------------------------------------------------------------------------------ search

    async def search(
        self,
        view: ViewId,
        query: str | None = None,
        instance_type: Literal["node", "edge"] | type[Any] = "node",
        properties: builtins.list[str] | None = None,
        target_units: builtins.list[TargetUnit] | None = None,
        space: str | Sequence[str] | None = None,
        filter: Filter | dict[str, Any] | None = None,
        include_typing: bool = False,
        limit: int | None = 25,
        sort: Sequence[InstanceSort | dict[str, Any]] | InstanceSort | dict[str, Any] | None = None,
        operator: Literal["AND", "OR"] = "OR",
    ) -> Any:
        """Search nodes or edges of a view by free text in their text properties.

        Args:
            view: The view to search in.
            query: The text to search for (None: every instance, filtered).
            instance_type: ``"node"``, ``"edge"``, or a TypedNode/TypedEdge class to load the results as.
            properties: The text properties to search in (None: all of them).
            target_units: Units to convert properties to.
            space: Only instances in this space (or these spaces).
            filter: An advanced filter.
            include_typing: Return the type information of the properties.
            limit: Maximum number of results (default 25, at most 1000; None: 1000).
            sort: How to sort (else by relevance).
            operator: ``"OR"``: any word of the query matches; ``"AND"``: every word must match.

        Returns:
            A NodeList or an EdgeList.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply, NodeOrEdgeData, ViewId
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     view = ViewId("s", "Pump", "v1")
            ...     _ = client.data_modeling.instances.apply([
            ...         NodeApply("s", "a", sources=[NodeOrEdgeData(view, {"name": "cooling pump"})]),
            ...         NodeApply("s", "b", sources=[NodeOrEdgeData(view, {"name": "valve"})])])
            ...     [n.external_id for n in client.data_modeling.instances.search(view, "pump")]
            ['a']
        """
        kind, cls = _kind_and_class(instance_type)
        if operator not in ("AND", "OR"):
            raise ValueError(f"operator must be 'AND' or 'OR', not {operator!r}")
        check_type(query, str, "query")
        max_items = check_limit(limit)
        body: dict[str, Any] = {
            "view": _view_ref(view),
            "instanceType": kind,
            "includeTyping": _check_bool(include_typing, "include_typing"),
            "limit": self._SEARCH_LIMIT if max_items is None else _check_positive_limit(max_items, "limit", 1000),
            "operator": operator,
        }
        if query is not None:
            body["query"] = query
        if properties is not None:
            if isinstance(properties, str) or not all(isinstance(p, str) for p in properties):
                raise TypeError("properties must be a list of str")
            body["properties"] = list(properties)
        for key, value in (
            ("targetUnits", _target_units(target_units)),
            ("filter", _with_space(filter, space, kind)),
            ("sort", _dump_sort(sort)),
        ):
            if value is not None:
                body[key] = value
        page = await self._post_json(_PATH + "/search", body)
        return self._instance_list(cls, page["items"], _typing(page))

    # ------------------------------------------------------------------------------------------ aggregate

    def _aggregate_body(
        self,
        view: Any,
        instance_type: Any,
        query: Any,
        properties: Any,
        target_units: Any,
        space: Any,
        filter: Any,
        limit: Any,
    ) -> dict[str, Any]:
        kind = _check_instance_type(instance_type)
        check_type(query, str, "query")
        body: dict[str, Any] = {"view": _view_ref(view), "instanceType": kind}
        max_items = check_limit(limit)
        body["limit"] = self._AGGREGATE_LIMIT if max_items is None else _check_positive_limit(max_items, "limit", 1000)
        if query is not None:
            body["query"] = query
        if properties is not None:
            props = [properties] if isinstance(properties, str) else list(properties)
            if not all(isinstance(p, str) for p in props):
                raise TypeError("properties must be a str or a list of str")
            body["properties"] = props
        for key, value in (("targetUnits", _target_units(target_units)), ("filter", _with_space(filter, space, kind))):
            if value is not None:
                body[key] = value
        return body

    async def aggregate(
        self,
        view: ViewId,
        aggregates: MetricAggregation | dict[str, Any] | Sequence[MetricAggregation | dict[str, Any]],
        group_by: str | Sequence[str] | None = None,
        instance_type: Literal["node", "edge"] = "node",
        query: str | None = None,
        properties: str | Sequence[str] | None = None,
        target_units: builtins.list[TargetUnit] | None = None,
        space: str | Sequence[str] | None = None,
        filter: Filter | dict[str, Any] | None = None,
        limit: int | None = 25,
    ) -> Any:
        """Aggregate (avg, count, max, min, sum) properties of the nodes or edges of a view, optionally per group.

        Args:
            view: The view.
            aggregates: The aggregate(s), e.g. ``Avg("flow")``.
            group_by: Properties to group by (then one result per group).
            instance_type: ``"node"`` or ``"edge"``.
            query: Only instances matching this free-text query.
            properties: The properties the query searches.
            target_units: Units to convert properties to.
            space: Only instances in this space (or these spaces).
            filter: An advanced filter.
            limit: Maximum number of groups (default 25, at most 1000).

        Returns:
            One aggregated value for one aggregate, a list for several; with ``group_by``, an
            InstanceAggregationResultList (one result per group).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.aggregations import Avg, Count
            >>> from cognite.client.data_classes.data_modeling import NodeApply, NodeOrEdgeData, ViewId
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     view = ViewId("s", "Pump", "v1")
            ...     _ = client.data_modeling.instances.apply(
            ...         [NodeApply("s", f"p{i}", sources=[NodeOrEdgeData(view, {"flow": i})]) for i in range(4)])
            ...     client.data_modeling.instances.aggregate(view, Avg("flow")).value
            1.5
        """
        single = isinstance(aggregates, MetricAggregation | dict)
        if not single and (isinstance(aggregates, str) or not isinstance(aggregates, Sequence)):
            raise TypeError(
                f"aggregates must be a MetricAggregation or a list of them, not {type(aggregates).__name__}"
            )
        aggs = [aggregates] if single else list(cast("Sequence[Any]", aggregates))
        dumped: builtins.list[dict[str, Any]] = []
        for agg in aggs:
            if isinstance(agg, dict):
                dumped.append(agg)
            elif isinstance(agg, MetricAggregation):
                dumped.append(agg.dump(camel_case=True))
            else:
                raise TypeError(f"aggregates must be MetricAggregation(s) or dict(s), not {type(agg).__name__}")
        body = self._aggregate_body(view, instance_type, query, properties, target_units, space, filter, limit)
        body["aggregates"] = dumped
        if group_by is not None:
            groups = [group_by] if isinstance(group_by, str) else list(group_by)
            if not all(isinstance(g, str) for g in groups):
                raise TypeError("group_by must be a str or a list of str")
            body["groupBy"] = groups
        items = (await self._post_json(_PATH + "/aggregate", body))["items"]
        if group_by is not None:
            return InstanceAggregationResultList._from_items([InstanceAggregationResult._load(i) for i in items])
        values: builtins.list[AggregatedNumberedValue] = [
            AggregatedValue.load(a) for a in (items[0]["aggregates"] if items else [])
        ]
        return values[0] if single and values else values

    async def histogram(
        self,
        view: ViewId,
        histograms: Histogram | Sequence[Histogram],
        instance_type: Literal["node", "edge"] = "node",
        query: str | None = None,
        properties: Sequence[str] | None = None,
        target_units: builtins.list[TargetUnit] | None = None,
        space: str | Sequence[str] | None = None,
        filter: Filter | dict[str, Any] | None = None,
        limit: int = 25,
    ) -> HistogramValue | builtins.list[HistogramValue]:
        """Histograms of numeric properties of the nodes or edges of a view.

        Args:
            view: The view.
            histograms: The histogram(s), e.g. ``Histogram("flow", interval=10)``.
            instance_type: ``"node"`` or ``"edge"``.
            query: Only instances matching this free-text query.
            properties: The properties the query searches.
            target_units: Units to convert properties to.
            space: Only instances in this space (or these spaces).
            filter: An advanced filter.
            limit: Maximum number of buckets.

        Returns:
            One HistogramValue for one histogram, a list for several.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.aggregations import Histogram
            >>> from cognite.client.data_classes.data_modeling import NodeApply, NodeOrEdgeData, ViewId
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     view = ViewId("s", "Pump", "v1")
            ...     _ = client.data_modeling.instances.apply(
            ...         [NodeApply("s", f"p{i}", sources=[NodeOrEdgeData(view, {"flow": i})]) for i in range(25)])
            ...     client.data_modeling.instances.histogram(view, Histogram("flow", 10)).buckets.counts
            [10, 10, 5]
        """
        single = isinstance(histograms, Histogram)
        if not single and (isinstance(histograms, str) or not isinstance(histograms, Sequence)):
            raise TypeError(f"histograms must be a Histogram or a list of them, not {type(histograms).__name__}")
        hists = [histograms] if single else list(cast("Sequence[Any]", histograms))
        for h in hists:
            if not isinstance(h, Histogram):
                raise TypeError(f"histograms must be Histogram(s), not {type(h).__name__}")
        body = self._aggregate_body(view, instance_type, query, properties, target_units, space, filter, limit)
        body["aggregates"] = [cast(Aggregation, h).dump(camel_case=True) for h in hists]
        items = (await self._post_json(_PATH + "/aggregate", body))["items"]
        values = [cast(HistogramValue, AggregatedValue.load(a)) for a in (items[0]["aggregates"] if items else [])]
        return values[0] if single and values else values

    # ------------------------------------------------------------------------------------------ inspect

    async def inspect(
        self,
        nodes: NodeId | Sequence[NodeId] | None = None,
        edges: EdgeId | Sequence[EdgeId] | None = None,
        *,
        involved_views: InvolvedViews | None = None,
        involved_containers: InvolvedContainers | None = None,
    ) -> InstanceInspectResults:
        """Find the views and containers that hold data of nodes and edges (a reverse look-up).

        Args:
            nodes: Node id(s).
            edges: Edge id(s).
            involved_views: Find the views with data in the instances.
            involved_containers: Find the containers holding their data.

        Returns:
            The inspection results of the nodes and of the edges.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import (
            ...     ContainerId, InvolvedContainers, NodeApply, NodeId, NodeOrEdgeData)
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     _ = client.data_modeling.instances.apply(
            ...         NodeApply("s", "a", sources=[NodeOrEdgeData(ContainerId("s", "Pump"), {"flow": 1})]))
            ...     res = client.data_modeling.instances.inspect(nodes=NodeId("s", "a"),
            ...         involved_containers=InvolvedContainers())
            ...     res.nodes[0].inspection_results.involved_containers
            [ContainerId(space='s', external_id='Pump')]
        """
        if involved_views is None and involved_containers is None:
            raise ValueError("Give involved_views and/or involved_containers")
        check_type(involved_views, InvolvedViews, "involved_views")
        check_type(involved_containers, InvolvedContainers, "involved_containers")
        operations: dict[str, Any] = {}
        for op in (involved_views, involved_containers):
            if op is not None:
                operations.update(op.dump())
        items = _ids(nodes, "node", "nodes") + _ids(edges, "edge", "edges")
        if not items:
            return InstanceInspectResults(InstanceInspectResultList([]), InstanceInspectResultList([]))
        id_chunks = chunks(items, self._INSPECT_LIMIT)
        bodies = [{"items": list(c), "inspectionOperations": operations} for c in id_chunks]
        responses = await self._post_concurrently(_PATH + "/inspect", bodies, operation="read", reported=id_chunks)
        results = [
            InstanceInspectResult._load(item) for r in responses for item in msgspec.json.decode(r.content)["items"]
        ]
        return InstanceInspectResults(
            InstanceInspectResultList._from_items([r for r in results if r.instance_type == "node"]),
            InstanceInspectResultList._from_items([r for r in results if r.instance_type == "edge"]),
        )

    # ------------------------------------------------------------------------------------------ query, sync

    async def query(
        self, query: Query, include_typing: bool = False, debug: DebugParameters | None = None
    ) -> QueryResult:
        """Run a query: result set expressions (``with_``) over nodes and edges, and what to return (``select``).

        Args:
            query: The query.
            include_typing: Return the type information of the properties.
            debug: Debug settings.

        Returns:
            The result sets by name, each a NodeListWithCursor or EdgeListWithCursor.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply, EdgeApply
            >>> from cognite.client.data_classes.data_modeling.query import (
            ...     Query, NodeResultSetExpression, EdgeResultSetExpression, Select)
            >>> from cognite.client.data_classes.filters import Equals
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     _ = client.data_modeling.instances.apply(
            ...         nodes=[NodeApply("s", "a"), NodeApply("s", "b")],
            ...         edges=[EdgeApply("s", "a-b", ("s", "flows"), ("s", "a"), ("s", "b"))])
            ...     q = Query(
            ...         with_={
            ...             "start": NodeResultSetExpression(filter=Equals(["node", "externalId"], "a")),
            ...             "flows": EdgeResultSetExpression(from_="start", direction="outwards"),
            ...             "targets": NodeResultSetExpression(from_="flows"),
            ...         },
            ...         select={"start": Select(), "flows": Select(), "targets": Select()},
            ...     )
            ...     res = client.data_modeling.instances.query(q)
            ...     [n.external_id for n in res["targets"]]
            ['b']
        """
        from cognite.client.data_classes.data_modeling.query import Query as QueryCls
        from cognite.client.data_classes.data_modeling.query import QueryResult as ResultCls

        if not isinstance(query, QueryCls):
            raise TypeError(f"query must be a Query, not {type(query).__name__}")
        body = {**query.dump(camel_case=True), "includeTyping": _check_bool(include_typing, "include_typing")}
        if debug is not None:
            body["debug"] = _debug(debug)
        resp = await self._post_json(_PATH + "/query", body)
        return ResultCls.load(
            resp, instance_types=query.instance_type_by_result_expression(), cognite_client=self._cognite_client
        )

    async def sync(
        self, query: QuerySync, include_typing: bool = False, debug: DebugParameters | None = None
    ) -> QueryResult:
        """Sync: the changes (new, updated and deleted instances) since the cursors of the query.

        The first call (no cursors) returns every instance matching; each result carries cursors (``res.cursors``)
        to put in the query for the next call, which returns only what changed since.

        Args:
            query: The sync query.
            include_typing: Return the type information of the properties.
            debug: Debug settings.

        Returns:
            The result sets by name; ``cursors`` holds the cursors for the next sync.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply
            >>> from cognite.client.data_classes.data_modeling.query import (
            ...     QuerySync, NodeResultSetExpressionSync, SelectSync)
            >>> from cognite.client.data_classes.filters import Equals
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply("s"), SpaceApply("plant")])
            ...     api = client.data_modeling.instances
            ...     _ = api.apply(NodeApply("s", "a"))
            ...     q = QuerySync(with_={"nodes": NodeResultSetExpressionSync(filter=Equals(["node", "space"], "s"))},
            ...                   select={"nodes": SelectSync()})
            ...     first = api.sync(q)
            ...     _ = api.apply(NodeApply("s", "b"))
            ...     q.cursors = first.cursors
            ...     [n.external_id for n in api.sync(q)["nodes"]]
            ['b']
        """
        from cognite.client.data_classes.data_modeling.query import QueryResult as ResultCls
        from cognite.client.data_classes.data_modeling.query import QuerySync as SyncCls

        if not isinstance(query, SyncCls):
            raise TypeError(f"query must be a QuerySync, not {type(query).__name__}")
        body = {**query.dump(camel_case=True), "includeTyping": _check_bool(include_typing, "include_typing")}
        if debug is not None:
            body["debug"] = _debug(debug)
        resp = await self._post_json(_PATH + "/sync", body)
        return ResultCls.load(
            resp, instance_types=query.instance_type_by_result_expression(), cognite_client=self._cognite_client
        )

    async def sync_with_file_cache(
        self,
        query: QuerySync,
        *,
        file_external_id: str,
        security_category: int,
        backup_every: timedelta | None = timedelta(minutes=15),
        backup_on_exit: bool = False,
    ) -> SyncSessionWithCache:
        """Create a sync session that keeps the instances of a query in memory, backed up to a CDF file.

        Use the session as an async context manager: on entry it restores the backup made for the same query (so
        syncing continues where the last session stopped), then ``await session.sync()`` or
        ``await session.sync_until_live()`` and read ``session.get_nodes(name)``.

        Args:
            query: The sync query.
            file_external_id: The external id of the backup file.
            security_category: The security category of the backup file (so that only those who may read the
                instances can read the backup).
            backup_every: Back up after a sync when this long has passed since the last backup (None: never).
            backup_on_exit: Back up when the session's context manager exits.

        Returns:
            The session.

        Example:
            >>> import asyncio
            >>> from cognite.client.testing import async_emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply, SpaceApply
            >>> from cognite.client.data_classes.data_modeling.query import (
            ...     QuerySync, NodeResultSetExpressionSync, SelectSync)
            >>> async def main():
            ...     async with async_emulated_client() as client:
            ...         await client.data_modeling.spaces.apply(SpaceApply("s"))
            ...         await client.data_modeling.instances.apply(NodeApply("s", "a"))
            ...         q = QuerySync(with_={"n": NodeResultSetExpressionSync()}, select={"n": SelectSync()})
            ...         async with await client.data_modeling.instances.sync_with_file_cache(
            ...                 q, file_external_id="cache", security_category=1) as session:
            ...             await session.sync_until_live()
            ...             return session.get_nodes("n").as_ids()
            >>> asyncio.run(main())
            [NodeId(space='s', external_id='a')]
        """
        from cognite.client.data_classes.data_modeling.sync import SyncSessionWithCache as Session

        return Session(self, query, file_external_id, security_category, backup_every, backup_on_exit)

    async def subscribe(
        self,
        query: QuerySync,
        callback: Callable[[QueryResult], None],
        poll_delay_seconds: float = 30,
        throttle_seconds: float = 1,
    ) -> Any:
        """Subscribe to the changes of a sync query: ``callback`` gets every batch of changes, polled in the
        background until the returned context is cancelled.

        Args:
            query: The sync query (its cursors are advanced as changes arrive).
            callback: Called with each result that holds changes.
            poll_delay_seconds: Wait this long between polls when everything is synced.
            throttle_seconds: Wait at least this long between two syncs.

        Returns:
            A SubscriptionContext (``cancel()`` stops it; ``is_alive()`` tells whether it runs; when a sync or the
            callback fails, the subscription stops and ``error`` holds the exception).

        Example:
            >>> import asyncio
            >>> from cognite.client.testing import async_emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling import NodeApply
            >>> from cognite.client.data_classes.data_modeling.query import (
            ...     QuerySync, NodeResultSetExpressionSync, SelectSync)
            >>> async def main():
            ...     async with async_emulated_client() as client:
            ...         await client.data_modeling.spaces.apply(SpaceApply("s"))
            ...         seen = []
            ...         q = QuerySync(with_={"n": NodeResultSetExpressionSync()}, select={"n": SelectSync()})
            ...         ctx = await client.data_modeling.instances.subscribe(
            ...             q, lambda res: seen.extend(n.external_id for n in res["n"]), 0.01, 0)
            ...         await client.data_modeling.instances.apply(NodeApply("s", "a"))
            ...         while not seen:
            ...             await asyncio.sleep(0.01)
            ...         ctx.cancel()
            ...         return seen
            >>> asyncio.run(main())
            ['a']
        """
        from cognite.client.data_classes.data_modeling.query import QuerySync as SyncCls
        from cognite.client.data_classes.data_modeling.sync import SubscriptionContext

        if not isinstance(query, SyncCls):
            raise TypeError(f"query must be a QuerySync, not {type(query).__name__}")
        if not callable(callback):
            raise TypeError("callback must be callable")
        for value, name in ((poll_delay_seconds, "poll_delay_seconds"), (throttle_seconds, "throttle_seconds")):
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{name} must be a non-negative number, not {value!r}")
        context = SubscriptionContext()

        async def poll() -> None:
            import time

            try:
                while True:
                    result = await self.sync(query)
                    query.cursors = result.cursors
                    context.last_successful_sync = time.time()
                    if any(len(v) for v in result.data.values()):
                        callback(result)
                        context.last_successful_callback = time.time()
                        await asyncio.sleep(throttle_seconds)
                    else:
                        await asyncio.sleep(poll_delay_seconds)
            except Exception as err:  # the subscription stops; the error is kept for the caller to inspect
                context.error = err

        context._task = asyncio.ensure_future(poll())
        return context
