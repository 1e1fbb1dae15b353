"""The Assets API: a table of declarations and a few lines per method on the generic verbs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from cognite.client._api._mixins import WithAggregates
from cognite.client._api_client import (
    HierarchyCreator,
    IdentifierSequence,
    advanced_list_params,
    external_id_list,
    id_list,
    identifier_dicts,
)
from cognite.client.data_classes.assets import (
    Asset,
    AssetFilter,
    AssetHierarchy,
    AssetList,
    AssetSort,
    AssetUpdate,
    AssetWrite,
)
from cognite.client.data_classes.labels import LabelFilter
from cognite.client.data_classes.shared import GeoLocationFilter, TimestampRange

if TYPE_CHECKING:
    from cognite.client.data_classes.filters import Filter

__all__ = ["AssetsAPI"]

AggregateAssetProperty = Literal["child_count", "path", "depth"]
SortSpec = (
    AssetSort
    | str
    | tuple[str, Literal["asc", "desc"]]
    | tuple[str, Literal["asc", "desc"], Literal["auto", "first", "last"]]
)
SortSpecs = SortSpec | list[SortSpec]


class AssetsAPI(WithAggregates[Asset, AssetList]):
    """Create, read, update and delete assets, and work with asset hierarchies.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     _ = client.assets.create(AssetWrite(name="plant", external_id="plant"))
        ...     client.assets.retrieve(external_id="plant").name
        'plant'
    """

    _RESOURCE_PATH = "/assets"
    _RESOURCE_CLS = Asset
    _LIST_CLS = AssetList
    _UPDATE_CLS = AssetUpdate
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000
    _SUBTREE_PARENTS_LIMIT = 100

    # ------------------------------------------------------------------------------------------ filters

    @staticmethod
    def _filter(
        name: str | None = None,
        parent_ids: Sequence[int] | None = None,
        parent_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        labels: LabelFilter | None = None,
        geo_location: GeoLocationFilter | None = None,
        metadata: dict[str, str] | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        root: bool | None = None,
        external_id_prefix: str | None = None,
    ) -> dict[str, Any]:
        if labels is not None and not isinstance(labels, LabelFilter):
            raise TypeError(f"labels must be a LabelFilter, not {type(labels).__name__}")
        return AssetFilter(
            name=name,
            parent_ids=id_list(parent_ids, "parent_ids"),
            parent_external_ids=external_id_list(parent_external_ids, "parent_external_ids"),
            asset_subtree_ids=identifier_dicts(
                asset_subtree_ids, asset_subtree_external_ids, "asset_subtree_ids", "asset_subtree_external_ids"
            ),
            data_set_ids=identifier_dicts(data_set_ids, data_set_external_ids, "data_set_ids", "data_set_external_ids"),
            metadata=metadata,
            source=source,
            created_time=created_time,
            last_updated_time=last_updated_time,
            root=root,
            external_id_prefix=external_id_prefix,
            labels=labels,
            geo_location=geo_location,
        ).dump(camel_case=True)

    @staticmethod
    def _list_params(
        aggregated_properties: Sequence[AggregateAssetProperty] | None,
        advanced_filter: Filter | dict[str, Any] | None,
        sort: SortSpecs | None,
        partitions: int | None = None,
    ) -> dict[str, Any]:
        params = advanced_list_params(advanced_filter, sort, AssetSort, partitions)
        if aggregated_properties:
            allowed = {"child_count": "childCount", "path": "path", "depth": "depth"}
            for p in aggregated_properties:
                if p not in allowed and p not in allowed.values():
                    raise ValueError(f"aggregated_properties must be among {sorted(allowed)}, got {p!r}")
            params["aggregatedProperties"] = [allowed.get(p, p) for p in aggregated_properties]
        return params

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> Asset | None:
        """Retrieve one asset by id or external id.

        Args:
            id: The id.
            external_id: The external id.

        Returns:
            The asset, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.assets.retrieve(id=1) is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=id, external_id=external_id))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: Sequence[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> AssetList:
        """Retrieve several assets by ids and/or external ids.

        Args:
            ids: The ids.
            external_ids: The external ids.
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The assets (duplicates in the input are asked for once).

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).
        """
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def retrieve_subtree(
        self, id: int | None = None, external_id: str | None = None, depth: int | None = None
    ) -> AssetList:
        """Retrieve an asset and its descendants, down to ``depth`` levels below it.

        Args:
            id: The id of the subtree root.
            external_id: The external id of the subtree root.
            depth: Levels below the root to include (None: all).

        Returns:
            The subtree, root first, level by level (empty if the root does not exist).
        """
        if depth is not None and (isinstance(depth, bool) or not isinstance(depth, int) or depth < 0):
            raise ValueError(f"depth must be a non-negative int or None, got {depth!r}")
        root = await self.retrieve(id=id, external_id=external_id)
        if root is None:
            return AssetList._from_items([], self._cognite_client)
        subtree: list[Asset] = [root]
        level: list[Asset] = [root]
        current = 0
        while level and (depth is None or current < depth):
            parent_ids = [a.id for a in level if a.id is not None]
            level = await self._children_of(parent_ids)
            subtree.extend(level)
            current += 1
        return AssetList._from_items(subtree, self._cognite_client)

    async def _children_of(self, parent_ids: list[int]) -> list[Asset]:
        from cognite.client._api_client import chunks
        from cognite.client._concurrency import execute, raise_if_failed

        id_chunks = chunks(parent_ids, self._SUBTREE_PARENTS_LIMIT)

        def task(chunk: Sequence[int]) -> Any:
            return lambda: self._list(limit=None, filter={"parentIds": list(chunk)})

        outcome = await execute([task(c) for c in id_chunks], self._max_workers("read"))
        raise_if_failed(outcome, id_chunks)
        return [a for lst in outcome.values() for a in lst]

    async def list(
        self,
        name: str | None = None,
        parent_ids: Sequence[int] | None = None,
        parent_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        labels: LabelFilter | None = None,
        geo_location: GeoLocationFilter | None = None,
        metadata: dict[str, str] | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        root: bool | None = None,
        external_id_prefix: str | None = None,
        aggregated_properties: Sequence[AggregateAssetProperty] | None = None,
        partitions: int | None = None,
        limit: int | None = 25,
        advanced_filter: Filter | dict[str, Any] | None = None,
        sort: SortSpecs | None = None,
    ) -> AssetList:
        """List assets matching the filters.

        Args:
            name: Exact name.
            parent_ids: Direct children of these ids.
            parent_external_ids: Direct children of these external ids.
            asset_subtree_ids: Only assets in the subtrees of these ids (roots included).
            asset_subtree_external_ids: Only assets in the subtrees of these external ids.
            data_set_ids: Only assets in these data sets (ids).
            data_set_external_ids: Only assets in these data sets (external ids).
            labels: Label filter.
            geo_location: Geo-location filter.
            metadata: Metadata key-value pairs that must all match.
            source: Exact source.
            created_time: Range of creation time (ms), e.g. ``{"min": 0, "max": 1}``.
            last_updated_time: Range of last update time (ms).
            root: Only roots (True) or only non-roots (False).
            external_id_prefix: Prefix of the external id.
            aggregated_properties: Aggregates to include: child_count, path, depth.
            partitions: Fetch this many partitions in parallel (only with an unlimited limit).
            limit: Maximum number of assets (default 25; None, -1 or inf: all).
            advanced_filter: An advanced filter (``cognite.client.data_classes.filters``).
            sort: Sort specification(s): property name, (property, order[, nulls]) or AssetSort.

        Returns:
            The assets.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.assets.list(limit=5))
            0
        """
        flt = self._filter(
            name, parent_ids, parent_external_ids, asset_subtree_ids, asset_subtree_external_ids, data_set_ids,
            data_set_external_ids, labels, geo_location, metadata, source, created_time, last_updated_time, root,
            external_id_prefix,
        )  # fmt: skip
        params = self._list_params(aggregated_properties, advanced_filter, sort, partitions)
        return await self._list(limit=limit, filter=flt, partitions=partitions, other_params=params)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        name: str | None = None,
        parent_ids: Sequence[int] | None = None,
        parent_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        metadata: dict[str, str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        labels: LabelFilter | None = None,
        geo_location: GeoLocationFilter | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        root: bool | None = None,
        external_id_prefix: str | None = None,
        aggregated_properties: Sequence[AggregateAssetProperty] | None = None,
        limit: int | None = None,
        advanced_filter: Filter | dict[str, Any] | None = None,
        sort: SortSpecs | None = None,
    ) -> AsyncIterator[Asset] | AsyncIterator[AssetList]:
        """Iterate over assets lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many assets (None: one asset at a time).
            name: Exact name.
            parent_ids: Direct children of these ids.
            parent_external_ids: Direct children of these external ids.
            asset_subtree_ids: Only assets in these subtrees (ids).
            asset_subtree_external_ids: Only assets in these subtrees (external ids).
            metadata: Metadata key-value pairs that must all match.
            data_set_ids: Only assets in these data sets (ids).
            data_set_external_ids: Only assets in these data sets (external ids).
            labels: Label filter.
            geo_location: Geo-location filter.
            source: Exact source.
            created_time: Range of creation time.
            last_updated_time: Range of last update time.
            root: Only roots (True) or only non-roots (False).
            external_id_prefix: Prefix of the external id.
            aggregated_properties: Aggregates to include.
            limit: Maximum number of assets (None: all).
            advanced_filter: An advanced filter.
            sort: Sort specification(s).

        Returns:
            An async iterator of assets or asset lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for asset in client.assets(limit=10):
            ...         pass
        """
        flt = self._filter(
            name, parent_ids, parent_external_ids, asset_subtree_ids, asset_subtree_external_ids, data_set_ids,
            data_set_external_ids, labels, geo_location, metadata, source, created_time, last_updated_time, root,
            external_id_prefix,
        )  # fmt: skip
        params = self._list_params(aggregated_properties, advanced_filter, sort)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt, other_params=params)

    async def search(
        self,
        name: str | None = None,
        description: str | None = None,
        query: str | None = None,
        filter: AssetFilter | dict[str, Any] | None = None,
        limit: int = 25,
    ) -> AssetList:
        """Search assets by name, description or a free-text query (relevance ordered).

        Args:
            name: Fuzzy search on name.
            description: Fuzzy search on description.
            query: Free-text search on name and description.
            filter: An AssetFilter (or dict) to narrow the search.
            limit: Maximum number of results (default 25).

        Returns:
            The matching assets.
        """
        search = {k: v for k, v in (("name", name), ("description", description), ("query", query)) if v is not None}
        body: dict[str, Any] = {"search": search}
        if filter is not None:
            body["filter"] = filter if isinstance(filter, dict) else filter.dump(camel_case=True)
        return await self._search(body, limit)  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------------ writing

    @overload
    async def create(self, asset: Asset | AssetWrite) -> Asset: ...
    @overload
    async def create(self, asset: Sequence[Asset] | Sequence[AssetWrite]) -> AssetList: ...
    async def create(self, asset: Asset | AssetWrite | Sequence[Asset] | Sequence[AssetWrite]) -> Asset | AssetList:
        """Create one or more assets (chunked by the API limit, chunks sent concurrently).

        Args:
            asset: An asset or a list of assets (write or read objects).

        Returns:
            The created asset, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import AssetWrite
            >>> with emulated_client() as client:
            ...     client.assets.create(AssetWrite(name="a", external_id="a")).external_id
            'a'
        """
        return await self._create_multiple(asset, write_cls=AssetWrite, input_name="asset")  # type: ignore[no-any-return]

    async def create_hierarchy(
        self,
        assets: Sequence[Asset | AssetWrite] | AssetHierarchy,
        *,
        upsert: bool = False,
        upsert_mode: Literal["patch", "replace"] = "patch",
    ) -> AssetList:
        """Create a hierarchy of any size: parents before children, each level in concurrent chunks.

        Every asset needs an external id; parents are referenced by ``parent_external_id`` (or
        ``parent_id`` for parents that already exist). The hierarchy is validated before anything is sent.
        Requests whose outcome is unknown (timeouts, dropped connections, 5xx) are resent safely: an
        asset that turns out to exist from an earlier attempt is fetched, never created twice.

        Args:
            assets: The assets, or an AssetHierarchy.
            upsert: Update assets that already exist instead of failing.
            upsert_mode: With upsert: "patch" (only given fields) or "replace".

        Returns:
            The created (and, with upsert, updated) assets.

        Raises:
            CogniteAssetHierarchyError: The hierarchy is invalid (nothing is sent).
            CogniteAPIError: A request failed; ``successful``, ``failed``, ``unknown`` and ``skipped`` say
                what happened to each asset.
        """
        hierarchy = assets if isinstance(assets, AssetHierarchy) else AssetHierarchy(assets, ignore_orphans=True)
        hierarchy.is_valid(on_error="raise")
        creator = HierarchyCreator(self, upsert, upsert_mode)
        created = await creator.create_levels(hierarchy.levels())
        return AssetList._from_items(created, self._cognite_client)

    @overload
    async def update(
        self,
        item: Asset | AssetWrite | AssetUpdate,
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> Asset: ...
    @overload
    async def update(
        self,
        item: Sequence[Asset | AssetWrite | AssetUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> AssetList: ...
    async def update(
        self,
        item: Asset | AssetWrite | AssetUpdate | Sequence[Asset | AssetWrite | AssetUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> Asset | AssetList:
        """Update one or more assets, from AssetUpdate objects or from whole assets.

        Args:
            item: Asset(s) or AssetUpdate(s).
            mode: For whole assets: "replace_ignore_null" (set given fields), "patch" (also add to
                metadata and labels instead of replacing), or "replace" (clear what is not given).

        Returns:
            The updated asset, or a list for a list.
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    @overload
    async def upsert(self, item: Asset | AssetWrite, mode: Literal["patch", "replace"] = "patch") -> Asset: ...
    @overload
    async def upsert(
        self, item: Sequence[Asset | AssetWrite], mode: Literal["patch", "replace"] = "patch"
    ) -> AssetList: ...
    async def upsert(
        self, item: Asset | AssetWrite | Sequence[Asset | AssetWrite], mode: Literal["patch", "replace"] = "patch"
    ) -> Asset | AssetList:
        """Update the assets that exist and create the others (not atomic).

        Args:
            item: Asset(s) to upsert, identified by id or external id.
            mode: "patch" (only given fields) or "replace" (clear what is not given).

        Returns:
            The upserted asset(s), in input order.
        """
        return await self._upsert_multiple(item, mode, write_cls=AssetWrite)  # type: ignore[no-any-return]

    async def delete(
        self,
        id: int | Sequence[int] | None = None,
        external_id: str | Sequence[str] | None = None,
        recursive: bool = False,
        ignore_unknown_ids: bool = False,
    ) -> None:
        """Delete one or more assets.

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.
            recursive: Also delete every descendant (otherwise deleting a parent fails).
            ignore_unknown_ids: Do not fail on identifiers that do not exist.
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(
            identifiers, ignore_unknown_ids=ignore_unknown_ids, extra_body={"recursive": recursive}
        )
