"""The views API (``client.data_modeling.views``): apply, retrieve, delete and list views."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, overload

from cognite.client._api.data_modeling._schema import SchemaBase, check_bool, check_space, check_used_for, load_ids
from cognite.client._api_client import check_limit
from cognite.client.data_classes.data_modeling.ids import DataModelingIdentifierSequence, ViewId, ViewIdentifier
from cognite.client.data_classes.data_modeling.views import View, ViewApply, ViewList

__all__ = ["ViewsAPI"]

UsedFor = Literal["node", "edge", "record", "all"]


def latest_versions(items: Sequence[Any]) -> list[Any]:
    """The most recently created version of each ``(space, external_id)``, in the order first seen."""
    latest: dict[tuple[str, str], Any] = {}
    for item in items:
        key = (item.space, item.external_id)
        if key not in latest or item.created_time > latest[key].created_time:
            latest[key] = item
    return list(latest.values())


class ViewsAPI(SchemaBase):
    """Apply, retrieve, delete and list views.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     views = client.data_modeling.views.list(space="cdf_cdm", include_global=True, limit=None)
        ...     "CogniteTimeSeries" in [v.external_id for v in views]
        True
    """

    _RESOURCE_PATH = "/models/views"
    _RESOURCE_CLS = View
    _LIST_CLS = ViewList

    @overload
    async def apply(self, view: ViewApply | View) -> View: ...
    @overload
    async def apply(self, view: Sequence[ViewApply | View]) -> ViewList: ...
    async def apply(self, view: ViewApply | View | Sequence[ViewApply | View]) -> View | ViewList:
        """Create or update (upsert) one or more views.

        A view version cannot change its properties, filter or the views it implements (apply a new version);
        its name and description can. Sent in chunks of 100, chunks concurrently.

        Args:
            view: A view (``ViewApply``; a ``View`` is applied as its write form) or a sequence of them.

        Returns:
            The applied view, or a list for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import (
            ...     ContainerApply, ContainerId, ContainerProperty, MappedPropertyApply, SpaceApply, Text, ViewApply,
            ... )
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     _ = client.data_modeling.containers.apply(ContainerApply("plant", "Pump", {"name": ContainerProperty(Text)}))
            ...     view = client.data_modeling.views.apply(ViewApply("plant", "Pump", "v1", properties={
            ...         "title": MappedPropertyApply(ContainerId("plant", "Pump"), "name"),
            ...     }))
            ...     view.properties["title"].type, view.writable
            (Text(), True)
        """
        return await self._apply(view, (ViewApply, View), "view")  # type: ignore[no-any-return]

    async def retrieve(
        self,
        ids: ViewIdentifier | Sequence[ViewIdentifier],
        include_inherited_properties: bool = True,
        all_versions: bool = True,
    ) -> ViewList:
        """Retrieve views by id (views that do not exist are left out).

        Args:
            ids: A view id (``ViewId`` or ``(space, external_id[, version])``; without a version: every version) or
                a sequence of them.
            include_inherited_properties: Include the properties the views inherit from the views they implement.
            all_versions: Every version asked for; otherwise only the most recently created version of each view.

        Returns:
            The views.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     views = client.data_modeling.views.retrieve(("cdf_cdm", "CogniteTimeSeries"))
            ...     views[0].implements[0]
            ViewId(space='cdf_cdm', external_id='CogniteDescribable', version='v1')
        """
        params = {
            "includeInheritedProperties": check_bool(include_inherited_properties, "include_inherited_properties")
        }
        check_bool(all_versions, "all_versions")
        found = await self._retrieve_items(_view_ids(ids).as_dicts(), params=params)
        if all_versions:
            return found  # type: ignore[no-any-return]
        return self._make_list(latest_versions(found))  # type: ignore[no-any-return]

    async def delete(self, ids: ViewIdentifier | Sequence[ViewIdentifier]) -> list[ViewId]:
        """Delete one or more views (the containers they map, and the data, stay).

        Args:
            ids: A view id (``ViewId`` or ``(space, external_id, version)``) or a sequence of them.

        Returns:
            The ids of the deleted views.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply, ViewApply, ViewId
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     _ = client.data_modeling.views.apply(ViewApply("plant", "Empty", "v1"))
            ...     client.data_modeling.views.delete(ViewId("plant", "Empty", "v1"))
            [ViewId(space='plant', external_id='Empty', version='v1')]
        """
        seq = _view_ids(ids)
        missing_version = [i for i in seq if i.version is None]
        if missing_version:
            raise ValueError(f"ids must name a version to delete, got {missing_version[0].as_primitive()!r}")
        deleted = await self._delete_items(seq.as_dicts())
        return [ViewId(d["space"], d["externalId"], d["version"]) for d in deleted]

    async def list(
        self,
        limit: int | None = 25,
        space: str | None = None,
        include_inherited_properties: bool = True,
        all_versions: bool = False,
        include_global: bool = False,
        used_for: UsedFor | Sequence[UsedFor] | None = None,
    ) -> ViewList:
        """List views.

        Args:
            limit: Maximum number of views (default 25; None, -1 or inf: all).
            space: Only views in this space.
            include_inherited_properties: Include the properties the views inherit.
            all_versions: Every version, not only the latest of each view.
            include_global: Include the views CDF defines.
            used_for: Only views for these kinds of instances: ``"node"``, ``"edge"``, ``"record"``, ``"all"``
                (filtered by the SDK: the list endpoint takes no such parameter).

        Returns:
            The views.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     views = client.data_modeling.views.list(space="cdf_cdm", include_global=True, used_for="node")
            ...     all(v.used_for == "node" for v in views)
            True
        """
        params = _params(space, include_inherited_properties, all_versions, include_global)
        kinds = check_used_for(used_for)
        if kinds is None:
            return await self._list_schema(limit, params)  # type: ignore[no-any-return]
        max_items = check_limit(limit)
        out = []
        async for view in self._filtered(params, kinds, max_items):
            out.append(view)
        return self._make_list(out)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        limit: int | None = None,
        space: str | None = None,
        include_inherited_properties: bool = True,
        all_versions: bool = False,
        include_global: bool = False,
        used_for: UsedFor | Sequence[UsedFor] | None = None,
    ) -> AsyncIterator[View] | AsyncIterator[ViewList]:
        """Iterate over views lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many views (None: one view at a time).
            limit: Maximum number of views (None: all).
            space: Only views in this space.
            include_inherited_properties: Include the properties the views inherit.
            all_versions: Every version, not only the latest of each view.
            include_global: Include the views CDF defines.
            used_for: Only views for these kinds of instances (filtered by the SDK).

        Returns:
            An async iterator of views or view lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [v.external_id for v in client.data_modeling.views(space="cdf_cdm", include_global=True, limit=1)]
            ['CogniteDescribable']
        """
        params = _params(space, include_inherited_properties, all_versions, include_global)
        kinds = check_used_for(used_for)
        if kinds is None:
            return self._iterate_schema(chunk_size, limit, params)
        if chunk_size is not None and (
            isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1
        ):
            raise ValueError(f"chunk_size must be a positive int, got {chunk_size!r}")
        return self._chunked(self._filtered(params, kinds, check_limit(limit)), chunk_size)

    async def _filtered(
        self, params: dict[str, Any], kinds: Sequence[str], max_items: int | None
    ) -> AsyncIterator[View]:
        """The views of every page that are used for one of ``kinds``, ``max_items`` in total."""
        if max_items == 0:
            return
        count = 0
        async for view in self._list_generator(chunk_size=None, limit=None, method="GET", other_params=params):
            if view.used_for in kinds:
                yield view
                count += 1
                if max_items is not None and count >= max_items:
                    return

    async def _chunked(self, views: AsyncIterator[View], chunk_size: int | None) -> AsyncIterator[Any]:
        buffer: list[View] = []
        async for view in views:
            if chunk_size is None:
                yield view
                continue
            buffer.append(view)
            if len(buffer) == chunk_size:
                yield self._make_list(buffer)
                buffer = []
        if buffer:
            yield self._make_list(buffer)


def _view_ids(ids: Any) -> DataModelingIdentifierSequence:
    return load_ids(ids, "view")


def _params(space: Any, include_inherited_properties: Any, all_versions: Any, include_global: Any) -> dict[str, Any]:
    params: dict[str, Any] = {
        "includeInheritedProperties": check_bool(include_inherited_properties, "include_inherited_properties"),
        "allVersions": check_bool(all_versions, "all_versions"),
        "includeGlobal": check_bool(include_global, "include_global"),
    }
    if check_space(space) is not None:
        params["space"] = space
    return params
