"""Asset data classes: read, write, update, filter, list, sort and the hierarchy validator."""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TextIO

from cognite.client._concurrency import AsyncSDKTask
from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteLabelUpdate,
    CogniteListUpdate,
    CogniteObject,
    CogniteObjectUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteSort,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    SequenceNotStr,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    WriteableCogniteResourceListWithClientRef,
    WriteableCogniteResourceWithClientRef,
    update_field,
)
from cognite.client.data_classes.filters import EnumProperty
from cognite.client.data_classes.labels import Label, LabelDefinitionWrite, LabelFilter
from cognite.client.data_classes.shared import GeoLocation, GeoLocationFilter, TimestampRange
from cognite.client.exceptions import CogniteAssetHierarchyError

__all__ = [
    "AggregateResultItem",
    "Asset",
    "AssetFilter",
    "AssetHierarchy",
    "AssetList",
    "AssetProperty",
    "AssetSort",
    "AssetUpdate",
    "AssetWrite",
    "AssetWriteList",
    "AsyncSDKTask",
    "CogniteAssetHierarchyError",
    "CogniteFilter",
    "CogniteLabelUpdate",
    "CogniteListUpdate",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteSort",
    "CogniteUpdate",
    "DrawTables",
    "EnumProperty",
    "ExternalIDTransformerMixin",
    "GeoLocation",
    "GeoLocationFilter",
    "IdTransformerMixin",
    "Label",
    "LabelDefinitionWrite",
    "LabelFilter",
    "PropertySpec",
    "SequenceNotStr",
    "SortableAssetProperty",
    "TimestampRange",
    "UnknownCogniteResource",
    "WriteableCogniteResource",
    "WriteableCogniteResourceListWithClientRef",
    "WriteableCogniteResourceWithClientRef",
]


class AggregateResultItem(CogniteObject):
    """Aggregated metrics of an asset.

    Args:
        child_count: Number of direct children.
        depth: Depth below the root (the root has 0).
        path: Ids on the path from the root to the asset.
    """

    child_count: int | None = None
    depth: int | None = None
    path: list[dict[str, Any]] | None = None


class AssetWrite(CogniteObject):
    """An asset to create.

    Args:
        name: The name of the asset.
        external_id: A unique external id.
        parent_id: The parent's internal id.
        parent_external_id: The parent's external id.
        description: A description.
        data_set_id: The data set it belongs to.
        metadata: Custom string key-value pairs.
        source: The source of the asset.
        labels: Labels (external ids).
        geo_location: A GeoJSON feature.

    Example:
        >>> from cognite.client.data_classes import AssetWrite
        >>> AssetWrite(name="pump", external_id="pump-1").dump()
        {'name': 'pump', 'externalId': 'pump-1'}
    """

    name: str
    external_id: str | None = None
    parent_id: int | None = None
    parent_external_id: str | None = None
    description: str | None = None
    data_set_id: int | None = None
    metadata: dict[str, str] | None = None
    source: str | None = None
    labels: list[Label] | None = None
    geo_location: GeoLocation | None = None

    def __post_init__(self) -> None:
        if self.labels is not None:
            self.labels = _labels(self.labels)

    def as_write(self) -> AssetWrite:
        """Return this object (it is already the write form)."""
        return self


class Asset(WriteableCogniteResource["AssetWrite"]):
    """An asset: a physical object or group of objects, in a hierarchy.

    Args:
        id: The internal id.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        root_id: The id of the root of its hierarchy.
        name: The name.
        external_id: The external id.
        parent_id: The parent's id.
        parent_external_id: The parent's external id.
        description: A description.
        data_set_id: The data set it belongs to.
        metadata: Custom string key-value pairs.
        source: The source.
        labels: Labels.
        geo_location: A GeoJSON feature.
        aggregates: Aggregated metrics (child count, depth, path) when asked for.
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    root_id: int | None = None
    name: str | None = None
    external_id: str | None = None
    parent_id: int | None = None
    parent_external_id: str | None = None
    description: str | None = None
    data_set_id: int | None = None
    metadata: dict[str, str] | None = None
    source: str | None = None
    labels: list[Label] | None = None
    geo_location: GeoLocation | None = None
    aggregates: AggregateResultItem | None = None

    def __post_init__(self) -> None:
        if self.labels is not None and any(not isinstance(x, Label) for x in self.labels):
            self.labels = _labels(self.labels)
        if isinstance(self.aggregates, dict):
            self.aggregates = AggregateResultItem.load(self.aggregates)

    def as_write(self) -> AssetWrite:
        """Return the write form of this asset (what ``create`` accepts)."""
        if self.name is None:
            raise ValueError("name is required to turn an Asset into an AssetWrite")
        return AssetWrite(
            name=self.name,
            external_id=self.external_id,
            parent_id=self.parent_id,
            parent_external_id=self.parent_external_id,
            description=self.description,
            data_set_id=self.data_set_id,
            metadata=self.metadata,
            source=self.source,
            labels=self.labels,
            geo_location=self.geo_location,
        )

    def _require_id(self) -> int:
        if self.id is None:
            raise ValueError("This asset has no id")
        return self.id

    async def parent_async(self) -> Asset:
        """Return the parent of this asset.

        Returns:
            The parent asset.
        """
        if self.parent_id is None:
            raise ValueError("parent_id is None, is this a root asset?")
        res = await self._get_client().assets.retrieve(id=self.parent_id)
        if res is None:
            raise ValueError(f"The parent {self.parent_id} does not exist")
        return res

    def parent(self) -> Asset:
        """Return the parent of this asset (sync form of ``parent_async``)."""
        return run_sync(self.parent_async())

    async def children_async(self) -> AssetList:
        """Return the direct children of this asset."""
        return await self._get_client().assets.list(parent_ids=[self._require_id()], limit=None)

    def children(self) -> AssetList:
        """Return the direct children of this asset (sync form of ``children_async``)."""
        return run_sync(self.children_async())

    async def subtree_async(self, depth: int | None = None) -> AssetList:
        """Return this asset and its descendants, down to ``depth`` levels.

        Args:
            depth: Levels below this asset to include (None: all).
        """
        return await self._get_client().assets.retrieve_subtree(id=self._require_id(), depth=depth)

    def subtree(self, depth: int | None = None) -> AssetList:
        """Return this asset and its descendants (sync form of ``subtree_async``)."""
        return run_sync(self.subtree_async(depth))

    async def time_series_async(self, **kwargs: Any) -> Any:
        """Return the time series linked to this asset."""
        return await _family(self, "time_series").list(asset_ids=[self._require_id()], **kwargs)

    def time_series(self, **kwargs: Any) -> Any:
        """Return the time series linked to this asset (sync form)."""
        return run_sync(self.time_series_async(**kwargs))

    async def sequences_async(self, **kwargs: Any) -> Any:
        """Return the sequences linked to this asset."""
        return await _family(self, "sequences").list(asset_ids=[self._require_id()], **kwargs)

    def sequences(self, **kwargs: Any) -> Any:
        """Return the sequences linked to this asset (sync form)."""
        return run_sync(self.sequences_async(**kwargs))

    async def events_async(self, **kwargs: Any) -> Any:
        """Return the events linked to this asset."""
        return await _family(self, "events").list(asset_ids=[self._require_id()], **kwargs)

    def events(self, **kwargs: Any) -> Any:
        """Return the events linked to this asset (sync form)."""
        return run_sync(self.events_async(**kwargs))

    async def files_async(self, **kwargs: Any) -> Any:
        """Return the files linked to this asset."""
        return await _family(self, "files").list(asset_ids=[self._require_id()], **kwargs)

    def files(self, **kwargs: Any) -> Any:
        """Return the files linked to this asset (sync form)."""
        return run_sync(self.files_async(**kwargs))

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False, **kwargs: Any) -> Any:  # type: ignore[override]
        """Convert the asset to a one-column pandas DataFrame.

        Args:
            camel_case: Use camelCase row names.
            expand_metadata: One row per metadata key.
            **kwargs: Ignored (compatibility).
        """
        return super().to_pandas(camel_case=camel_case, expand_metadata=expand_metadata)


class AssetWriteList(CogniteResourceList[AssetWrite], ExternalIDTransformerMixin):
    """A list of assets to create."""

    _RESOURCE = AssetWrite


class AssetList(WriteableCogniteResourceList[AssetWrite, Asset], IdTransformerMixin, ExternalIDTransformerMixin):
    """A list of assets."""

    _RESOURCE = Asset
    _WRITE_LIST = AssetWriteList

    async def _related_async(self, api: str, **kwargs: Any) -> Any:
        ids = [a.id for a in self.data if a.id is not None]
        return await getattr(self._get_client(), api).list(asset_ids=ids, limit=None, **kwargs)

    async def time_series_async(self, **kwargs: Any) -> Any:
        """Return the time series linked to any asset of the list."""
        return await self._related_async("time_series", **kwargs)

    def time_series(self, **kwargs: Any) -> Any:
        """Return the time series linked to any asset of the list (sync form)."""
        return run_sync(self.time_series_async(**kwargs))

    async def sequences_async(self, **kwargs: Any) -> Any:
        """Return the sequences linked to any asset of the list."""
        return await self._related_async("sequences", **kwargs)

    def sequences(self, **kwargs: Any) -> Any:
        """Return the sequences linked to any asset of the list (sync form)."""
        return run_sync(self.sequences_async(**kwargs))

    async def events_async(self, **kwargs: Any) -> Any:
        """Return the events linked to any asset of the list."""
        return await self._related_async("events", **kwargs)

    def events(self, **kwargs: Any) -> Any:
        """Return the events linked to any asset of the list (sync form)."""
        return run_sync(self.events_async(**kwargs))

    async def files_async(self, **kwargs: Any) -> Any:
        """Return the files linked to any asset of the list."""
        return await self._related_async("files", **kwargs)

    def files(self, **kwargs: Any) -> Any:
        """Return the files linked to any asset of the list (sync form)."""
        return run_sync(self.files_async(**kwargs))


class AssetUpdate(CogniteUpdate):
    """Changes to an asset, by id or external id.

    Args:
        id: The id of the asset.
        external_id: The external id of the asset.

    Example:
        >>> from cognite.client.data_classes import AssetUpdate
        >>> AssetUpdate(id=1).name.set("pump").metadata.add({"site": "oslo"}).dump()
        {'id': 1, 'update': {'name': {'set': 'pump'}, 'metadata': {'add': {'site': 'oslo'}}}}
    """

    _PROPERTIES = (
        PropertySpec("external_id"),
        PropertySpec("name", is_nullable=False),
        PropertySpec("description"),
        PropertySpec("data_set_id"),
        PropertySpec("metadata", is_object=True),
        PropertySpec("source"),
        PropertySpec("parent_id", is_nullable=False),
        PropertySpec("parent_external_id", is_nullable=False),
        PropertySpec("labels", is_list=True),
        PropertySpec("geo_location"),
    )

    external_id: CognitePrimitiveUpdate[AssetUpdate] = update_field(CognitePrimitiveUpdate)
    name: CognitePrimitiveUpdate[AssetUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[AssetUpdate] = update_field(CognitePrimitiveUpdate)
    data_set_id: CognitePrimitiveUpdate[AssetUpdate] = update_field(CognitePrimitiveUpdate)
    metadata: CogniteObjectUpdate[AssetUpdate] = update_field(CogniteObjectUpdate)
    source: CognitePrimitiveUpdate[AssetUpdate] = update_field(CognitePrimitiveUpdate)
    parent_id: CognitePrimitiveUpdate[AssetUpdate] = update_field(CognitePrimitiveUpdate)
    parent_external_id: CognitePrimitiveUpdate[AssetUpdate] = update_field(CognitePrimitiveUpdate)
    labels: CogniteLabelUpdate[AssetUpdate] = update_field(CogniteLabelUpdate)
    geo_location: CognitePrimitiveUpdate[AssetUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        super().__init__(id=id, external_id=external_id)


class AssetFilter(CogniteFilter):
    """Filter on assets with exact matching.

    Args:
        name: Exact name.
        parent_ids: Direct children of these ids.
        parent_external_ids: Direct children of these external ids.
        asset_subtree_ids: Subtrees rooted at these (``{"id": ..}`` or ``{"externalId": ..}``).
        data_set_ids: Data sets (``{"id": ..}`` or ``{"externalId": ..}``).
        metadata: Metadata key-value pairs that must all match.
        source: Exact source.
        created_time: Range of creation time.
        last_updated_time: Range of last update time.
        root: Only root assets (True) or only non-roots (False).
        external_id_prefix: Prefix of the external id.
        labels: Label filter.
        geo_location: Geo-location filter.
    """

    name: str | None = None
    parent_ids: Sequence[int] | None = None
    parent_external_ids: Sequence[str] | None = None
    asset_subtree_ids: Sequence[dict[str, Any]] | None = None
    data_set_ids: Sequence[dict[str, Any]] | None = None
    metadata: dict[str, str] | None = None
    source: str | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    last_updated_time: dict[str, Any] | TimestampRange | None = None
    root: bool | None = None
    external_id_prefix: str | None = None
    labels: LabelFilter | None = None
    geo_location: GeoLocationFilter | None = None


class AssetProperty(EnumProperty):
    """Asset properties for advanced filters and aggregates."""

    created_time = "createdTime"
    data_set_id = "dataSetId"
    description = "description"
    external_id = "externalId"
    id = "id"
    labels = "labels"
    last_updated_time = "lastUpdatedTime"
    metadata = "metadata"
    name = "name"
    parent_id = "parentId"
    root_id = "rootId"
    source = "source"


class SortableAssetProperty(EnumProperty):
    """Asset properties that can be sorted on."""

    created_time = "createdTime"
    data_set_id = "dataSetId"
    description = "description"
    external_id = "externalId"
    last_updated_time = "lastUpdatedTime"
    name = "name"
    source = "source"
    score = "_score_"


class AssetSort(CogniteSort):
    """A sort on assets.

    Args:
        property: A sortable property (name, enum member or metadata path).
        order: "asc" or "desc".
        nulls: "first", "last" or "auto".
    """


class DrawTables(enum.Enum):
    """Box-drawing characters used when printing an asset hierarchy."""

    HLINE = "\u2500"
    VLINE = "\u2502"
    XLINE = "\u251c"
    CORNER = "\u2514"


class AssetHierarchy:
    """Validates a set of assets as a hierarchy before ``create_hierarchy`` sends anything.

    Finds invalid assets (no external id or no name, both parent id and parent external id),
    duplicated external ids, orphans (parent external id not in the set), and cycles.

    Args:
        assets: The assets (write or read objects).
        ignore_orphans: Treat orphans as valid (their parents are assumed to exist in CDF).

    Example:
        >>> from cognite.client.data_classes import AssetHierarchy, AssetWrite
        >>> h = AssetHierarchy([AssetWrite(name="a", external_id="a"), AssetWrite(name="b", external_id="b", parent_external_id="a")])
        >>> h.is_valid()
        True
    """

    def __init__(self, assets: Sequence[Asset | AssetWrite], ignore_orphans: bool = False) -> None:
        self._assets: list[AssetWrite] = [a.as_write() if isinstance(a, Asset) else a for a in assets]
        for a in self._assets:
            if not isinstance(a, AssetWrite):
                raise TypeError(f"assets must contain Asset or AssetWrite objects, not {type(a).__name__}")
        self._ignore_orphans = ignore_orphans
        self._validated = False
        self._invalid: list[AssetWrite] = []
        self._duplicates: dict[str, list[AssetWrite]] = {}
        self._orphans: list[AssetWrite] = []
        self._unsure_parents: list[AssetWrite] = []
        self._cycles: list[list[str]] = []
        self._roots: list[AssetWrite] = []

    def __len__(self) -> int:
        return len(self._assets)

    def _validate(self) -> None:
        if self._validated:
            return
        xids = Counter(a.external_id for a in self._assets if a.external_id is not None)
        self._duplicates = {}
        for a in self._assets:
            if a.external_id is not None and xids[a.external_id] > 1:
                self._duplicates.setdefault(a.external_id, []).append(a)
        self._invalid = [
            a
            for a in self._assets
            if a.external_id is None
            or not a.name
            or (a.parent_id is not None and a.parent_external_id is not None)
            or a.parent_external_id == a.external_id
        ]
        known = set(xids)
        self._roots = [a for a in self._assets if a.parent_id is None and a.parent_external_id is None]
        self._unsure_parents = [a for a in self._assets if a.parent_id is not None]
        self._orphans = [
            a for a in self._assets if a.parent_external_id is not None and a.parent_external_id not in known
        ]
        self._cycles = self._find_cycles()
        self._validated = True

    def _find_cycles(self) -> list[list[str]]:
        parent = {a.external_id: a.parent_external_id for a in self._assets if a.external_id is not None}
        state: dict[str, int] = {}
        cycles: list[list[str]] = []
        for start in parent:
            if start in state:
                continue
            path: list[str] = []
            node: str | None = start
            while node is not None and node in parent and node not in state:
                state[node] = 1
                path.append(node)
                node = parent[node]
            if node is not None and state.get(node) == 1 and node in path:
                cycles.append(path[path.index(node) :])
            for p in path:
                state[p] = 2
        return cycles

    def is_valid(self, on_error: Literal["ignore", "warn", "raise"] = "ignore") -> bool:
        """True if the hierarchy has no invalid assets, duplicates, cycles (and orphans, unless ignored).

        Args:
            on_error: What to do when invalid: nothing, warn, or raise CogniteAssetHierarchyError.
        """
        self._validate()
        ok = not (self._invalid or self._duplicates or self._cycles or (self._orphans and not self._ignore_orphans))
        if not ok and on_error != "ignore":
            msg = self._report()
            if on_error == "raise":
                raise CogniteAssetHierarchyError(msg, self)
            import warnings

            warnings.warn(msg, UserWarning, stacklevel=2)
        return ok

    def validate(self, verbose: bool = False, on_error: Literal["ignore", "warn", "raise"] = "raise") -> AssetHierarchy:
        """Validate the hierarchy; raise (by default) if it is not valid.

        Args:
            verbose: Print the report.
            on_error: What to do when invalid.

        Returns:
            The hierarchy itself.
        """
        self._validate()
        if verbose:
            print(self._report())
        self.is_valid(on_error=on_error)
        return self

    def validate_and_report(self, output_file: Any = None) -> AssetHierarchy:
        """Validate and print (or write to ``output_file``) a report of what is wrong."""
        self._validate()
        report = self._report()
        if output_file is not None:
            from pathlib import Path

            Path(output_file).write_text(report)
        else:
            print(report)
        return self

    def _report(self) -> str:
        self._validate()
        lines = ["Asset hierarchy report:"]
        lines.append(f"  invalid: {len(self._invalid)} {[a.external_id for a in self._invalid][:10]}")
        lines.append(f"  duplicated external ids: {sorted(self._duplicates)[:10]}")
        lines.append(f"  orphans: {len(self._orphans)} {[a.external_id for a in self._orphans][:10]}")
        lines.append(f"  cycles: {self._cycles[:5]}")
        return "\n".join(lines)

    @property
    def invalid(self) -> AssetList:
        """Assets that are invalid."""
        self._validate()
        return _as_asset_list(self._invalid)

    @property
    def unsure_parents(self) -> AssetList:
        """Assets whose parent is given by id (cannot be checked before creation)."""
        self._validate()
        return _as_asset_list(self._unsure_parents)

    @property
    def orphans(self) -> AssetList:
        """Assets whose parent external id is not in the hierarchy."""
        self._validate()
        return _as_asset_list(self._orphans)

    @property
    def roots(self) -> AssetList:
        """Assets without a parent."""
        self._validate()
        return _as_asset_list(self._roots)

    @property
    def duplicates(self) -> dict[str, list[Asset]]:
        """Assets sharing an external id, grouped by it."""
        self._validate()
        return {k: list(_as_asset_list(v)) for k, v in self._duplicates.items()}

    @property
    def cycles(self) -> list[list[str]]:
        """Cycles of external ids."""
        self._validate()
        return self._cycles

    def groupby_parent_xid(self) -> dict[str | None, list[AssetWrite]]:
        """Group the assets by parent external id (roots and id-parented assets under None)."""
        groups: dict[str | None, list[AssetWrite]] = defaultdict(list)
        for a in self._assets:
            groups[a.parent_external_id].append(a)
        return dict(groups)

    def count_subtree(self, mapping: dict[str | None, list[AssetWrite]]) -> dict[str, int]:
        """Count the size of each asset's subtree (itself included), by external id.

        Args:
            mapping: The result of ``groupby_parent_xid``.
        """
        counts: dict[str, int] = {}

        order: list[str] = []
        stack = [a.external_id for a in mapping.get(None, []) if a.external_id is not None]
        stack += [
            a.external_id
            for xid, group in mapping.items()
            if xid is not None and xid not in {x.external_id for x in self._assets}
            for a in group
            if a.external_id is not None
        ]
        seen: set[str] = set()
        while stack:
            xid = stack.pop()
            if xid in seen:
                continue
            seen.add(xid)
            order.append(xid)
            stack.extend(c.external_id for c in mapping.get(xid, []) if c.external_id is not None)
        for xid in reversed(order):
            counts[xid] = 1 + sum(counts.get(c.external_id, 0) for c in mapping.get(xid, []) if c.external_id)
        return counts

    def levels(self) -> list[list[AssetWrite]]:
        """The assets by depth: roots, orphans and id-parented assets first, then their children, ..."""
        by_parent = self.groupby_parent_xid()
        xids = {a.external_id for a in self._assets}
        level = [a for a in self._assets if a.parent_external_id is None or a.parent_external_id not in xids]
        out: list[list[AssetWrite]] = []
        seen: set[int] = set()
        while level:
            out.append(level)
            seen.update(id(a) for a in level)
            nxt = [c for a in level for c in by_parent.get(a.external_id, []) if a.external_id is not None]
            level = [c for c in nxt if id(c) not in seen]
        return out

    def print_to(self, output: TextIO | None = None) -> None:
        """Print the hierarchy as a tree.

        Args:
            output: Where to print (default stdout).
        """
        import sys

        out = output or sys.stdout
        by_parent = self.groupby_parent_xid()

        def walk(xid: str | None, prefix: str) -> None:
            children = by_parent.get(xid, []) if xid is not None else []
            for i, child in enumerate(children):
                last = i == len(children) - 1
                branch = DrawTables.CORNER.value if last else DrawTables.XLINE.value
                out.write(f"{prefix}{branch}{DrawTables.HLINE.value} {child.external_id}\n")
                walk(child.external_id, prefix + ("   " if last else DrawTables.VLINE.value + "  "))

        for root in self.levels()[0] if self._assets else []:
            out.write(f"{root.external_id}\n")
            walk(root.external_id, "")


def _as_asset_list(items: Iterable[AssetWrite]) -> AssetList:
    result: AssetList = AssetList._from_items([Asset(**_write_fields(a)) for a in items])
    return result


def _write_fields(a: AssetWrite) -> dict[str, Any]:
    return {name: getattr(a, name) for name in a.__struct_fields__}


def _family(resource: Asset, name: str) -> Any:
    """An API family of the resource's client that this module does not import (events, files, ...)."""
    return getattr(resource._get_client(), name)


def _labels(values: Iterable[Any]) -> list[Label]:
    out: list[Label] = []
    for v in values:
        if isinstance(v, Label):
            out.append(v)
        elif isinstance(v, str):
            out.append(Label(external_id=v))
        elif isinstance(v, dict):
            out.append(Label(external_id=str(v.get("externalId", v.get("external_id")))))
        else:
            raise TypeError(f"labels must be Label objects, external ids or dicts, not {type(v).__name__}")
    return out
