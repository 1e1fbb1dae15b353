"""What the APIs over Core Data Model nodes (``data_modeling.time_series``, ``data_modeling.files``) share: list
and retrieve the nodes that have data in one system view, through the instances API.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cognite.client._api_client import APIClient
from cognite.client.data_classes.data_modeling.ids import NodeId, ViewId
from cognite.client.data_classes.data_modeling.instances import InstanceSort, Node, NodeList
from cognite.client.data_classes.filters import And, Filter, HasData

__all__ = ["CoreNodesAPI", "node_id", "node_ids"]


def node_id(value: Any, name: str) -> NodeId:
    """A NodeId from a NodeId or a ``(space, external_id)`` tuple; TypeError naming the argument otherwise."""
    if isinstance(value, NodeId):
        return value
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return NodeId(*value)
    raise TypeError(f"{name} must be a NodeId or a (space, external_id) tuple, got {value!r}")


def node_ids(values: Any, name: str) -> tuple[list[NodeId], bool]:
    """NodeIds of one id or a sequence of them, and whether one was given."""
    if isinstance(values, NodeId) or (isinstance(values, tuple) and len(values) == 2 and
                                      all(isinstance(v, str) for v in values)):  # fmt: skip
        return [node_id(values, name)], True
    if isinstance(values, str | bytes | dict) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a NodeId, a (space, external_id) tuple or a sequence of them, got {values!r}")
    return [node_id(v, name) for v in values], False


def _view(source: Any) -> ViewId:
    if isinstance(source, ViewId):
        return source
    if isinstance(source, tuple) and len(source) == 3 and all(isinstance(s, str) for s in source):
        return ViewId(*source)
    as_id = getattr(source, "as_id", None)
    if as_id is not None and isinstance(as_id(), ViewId):
        return as_id()  # type: ignore[no-any-return]
    raise TypeError(f"source must be a View, a ViewId or a (space, external_id, version) tuple, got {source!r}")


class CoreNodesAPI(APIClient[Any, Any]):
    """Base: list and retrieve the nodes that have data in the view ``_VIEW``."""

    _CATEGORY = "data_modeling"
    _VIEW: ViewId

    async def _list_nodes(
        self, source: Any, space: Any, sort: Any, filter: Any, limit: int | None, extra: Filter | None = None
    ) -> NodeList[Node]:
        view = _view(source)
        if filter is not None and not isinstance(filter, Filter | dict):
            raise TypeError(f"filter must be a Filter or a dict, got {type(filter).__name__}")
        user = Filter.load(filter) if isinstance(filter, dict) else filter
        parts = [HasData(views=[self._VIEW]), *(f for f in (extra, user) if f is not None)]
        sorts: Any = sort
        if sort is not None and not isinstance(sort, InstanceSort | dict | Sequence):
            raise TypeError(f"sort must be an InstanceSort, a dict or a sequence of them, got {sort!r}")
        nodes: NodeList[Node] = await self._cognite_client.data_modeling.instances.list(
            instance_type="node", sources=view, space=space, sort=sorts, filter=And(*parts), limit=limit
        )
        return nodes

    async def _retrieve_nodes(self, ids: Any, source: Any, name: str = "node_ids") -> Node | NodeList[Node] | None:
        view = _view(source)
        wanted, single = node_ids(ids, name)
        found: NodeList[Node] = await self._cognite_client.data_modeling.instances.retrieve_nodes(wanted, sources=view)
        kept: NodeList[Node] = NodeList([n for n in found if n.properties.get(self._VIEW) is not None or view != self._VIEW],
                        cognite_client=self._cognite_client)  # fmt: skip
        if single:
            return kept[0] if kept else None
        return kept
