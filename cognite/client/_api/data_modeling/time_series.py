"""Time series nodes (``client.data_modeling.time_series``): list and retrieve the nodes that have data in the Core
Data Model view ``cdf_cdm:CogniteTimeSeries/v1``. Write them with ``instances.apply`` (e.g. ``CogniteTimeSeriesApply``)
and their datapoints with ``time_series.data`` by ``instance_id``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, overload

from cognite.client._api.data_modeling._core_nodes import CoreNodesAPI
from cognite.client._api_client import check_limit
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.data_modeling.ids import NodeId, ViewId
from cognite.client.data_classes.data_modeling.instances import InstanceSort, Node, NodeList
from cognite.client.data_classes.filters import Filter, In

__all__ = ["DataModelingTimeSeriesAPI"]

TimeSeriesType = Literal["numeric", "string", "state"]
_TYPES = ("numeric", "string", "state")
_VIEW = ViewId("cdf_cdm", "CogniteTimeSeries", "v1")


class DataModelingTimeSeriesAPI(CoreNodesAPI):
    """List and retrieve time series nodes (nodes with data in ``cdf_cdm:CogniteTimeSeries/v1``).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteTimeSeriesApply
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
        ...     _ = client.data_modeling.instances.apply(
        ...         CogniteTimeSeriesApply("s", "temp", is_step=False, time_series_type="numeric"))
        ...     client.data_modeling.time_series.list().as_ids()
        [NodeId(space='s', external_id='temp')]
    """

    _VIEW = _VIEW

    async def list(
        self,
        *,
        source: Any = _VIEW,
        space: str | SequenceNotStr[str] | None = None,
        sort: Sequence[InstanceSort | dict[str, Any]] | InstanceSort | dict[str, Any] | None = None,
        filter: Filter | dict[str, Any] | None = None,
        time_series_type: TimeSeriesType | Sequence[TimeSeriesType] | None = None,
        limit: int | None = 25,
    ) -> NodeList[Node]:
        """List time series nodes; only nodes with data in CogniteTimeSeries are returned, whatever ``source`` is.

        Args:
            source: The view to read properties from (View, ViewId or tuple; default CogniteTimeSeries).
            space: Only nodes in this space (or these spaces).
            sort: How to sort (InstanceSort or dicts).
            filter: An advanced filter the nodes must match too.
            time_series_type: Only time series of this type (or types): ``"numeric"``, ``"string"``, ``"state"``.
            limit: Maximum number of nodes (default 25; None, -1 or inf: all).

        Returns:
            The time series nodes.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteTimeSeriesApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     _ = client.data_modeling.instances.apply([
            ...         CogniteTimeSeriesApply("s", "temp", is_step=False, time_series_type="numeric"),
            ...         CogniteTimeSeriesApply("s", "mode", is_step=True, time_series_type="string")])
            ...     client.data_modeling.time_series.list(time_series_type="string").as_ids()
            [NodeId(space='s', external_id='mode')]
        """
        check_limit(limit)
        extra = None
        if time_series_type is not None:
            types = [time_series_type] if isinstance(time_series_type, str) else time_series_type
            if not isinstance(types, Sequence) or not types or any(t not in _TYPES for t in types):
                raise ValueError(
                    f"time_series_type must be one of {_TYPES} or a list of them, got {time_series_type!r}"
                )
            extra = In(_VIEW.as_property_ref("type"), list(types))
        return await self._list_nodes(source, space, sort, filter, limit, extra)

    @overload
    async def retrieve(self, node_ids: NodeId | tuple[str, str], source: Any = ...) -> Node | None: ...
    @overload
    async def retrieve(self, node_ids: Sequence[NodeId | tuple[str, str]], source: Any = ...) -> NodeList[Node]: ...
    async def retrieve(
        self, node_ids: NodeId | tuple[str, str] | Sequence[NodeId | tuple[str, str]], source: Any = _VIEW
    ) -> Node | NodeList[Node] | None:
        """Retrieve time series nodes by id (ids that do not exist are left out; with the default source, so are
        nodes without data in CogniteTimeSeries).

        Args:
            node_ids: A node id (NodeId or ``(space, external_id)``) or a sequence of them.
            source: The view to read properties from (default CogniteTimeSeries).

        Returns:
            The node (None if there is none) for one id; a NodeList for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply, ViewId
            >>> from cognite.client.data_classes.data_modeling.cdm.v1 import CogniteTimeSeriesApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     _ = client.data_modeling.instances.apply(
            ...         CogniteTimeSeriesApply("s", "temp", is_step=False, time_series_type="numeric", name="T"))
            ...     node = client.data_modeling.time_series.retrieve(("s", "temp"))
            ...     node.properties[ViewId("cdf_cdm", "CogniteTimeSeries", "v1")]["name"]
            'T'
        """
        return await self._retrieve_nodes(node_ids, source)

    async def __call__(self, limit: int | None = None) -> NodeList[Node]:
        """List every time series node (the same as ``list(limit=None)``).

        Args:
            limit: Maximum number of nodes (None: all).

        Returns:
            The time series nodes.

        Example:
            >>> import asyncio
            >>> from cognite.client.testing import async_emulated_client
            >>> async def main():
            ...     async with async_emulated_client() as client:
            ...         return len(await client.data_modeling.time_series())
            >>> asyncio.run(main())
            0
        """
        return await self.list(limit=limit)
