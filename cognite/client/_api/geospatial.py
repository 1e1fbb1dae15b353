"""The Geospatial API: coordinate reference systems, feature types, features (create, retrieve, update, delete,
list, search, stream, aggregate), compute, and rasters stored in feature properties.

Features are written and read in wire form with the feature type's property names as they are; feature-type and
feature paths embed the external ids (validated as one path segment each).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any, Literal, overload

import msgspec

from cognite.client._api_client import (
    APIClient,
    IdentifierSequence,
    check_type,
    chunks,
    items_decoder,
    resource_path,
)
from cognite.client.data_classes.geospatial import (
    CoordinateReferenceSystem,
    CoordinateReferenceSystemList,
    CoordinateReferenceSystemWrite,
    Feature,
    FeatureAggregate,
    FeatureAggregateList,
    FeatureList,
    FeatureType,
    FeatureTypeList,
    FeatureTypePatch,
    FeatureTypeWrite,
    FeatureWrite,
    FeatureWriteList,
    GeospatialComputedResponse,
    GeospatialComputeFunction,
    OrderSpec,
    RasterMetadata,
    _features_of,
)

__all__ = ["GeospatialAPI"]

_FEATURE_TYPES = "/geospatial/featuretypes"
_CRS = "/geospatial/crs"
FeatureArg = Feature | FeatureWrite | Sequence[Feature] | Sequence[FeatureWrite] | FeatureList | FeatureWriteList


def _srids(srids: Any, name: str = "srids") -> list[int]:
    values = [srids] if isinstance(srids, int) and not isinstance(srids, bool) else srids
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be an int or a sequence of ints, not {type(srids).__name__}")
    out = list(values)
    if not out or any(isinstance(v, bool) or not isinstance(v, int) for v in out):
        raise TypeError(f"{name} must be an int or a non-empty sequence of ints, got {srids!r}")
    return out


def _order_by(order_by: Any) -> list[str] | None:
    if order_by is None:
        return None
    if isinstance(order_by, OrderSpec) or not isinstance(order_by, Sequence):
        raise TypeError(f"order_by must be a sequence of OrderSpec, not {type(order_by).__name__}")
    for spec in order_by:
        if not isinstance(spec, OrderSpec):
            raise TypeError(f"order_by must contain OrderSpec objects, not {type(spec).__name__}")
    return [spec.dump() for spec in order_by]


def _flag(value: Any, name: str) -> bool:
    check_type(value, bool, name)
    return bool(value)


class GeospatialAPI(APIClient[Any, Any]):
    """Geospatial data: reference systems, feature types and their features, compute, rasters.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
        >>> with emulated_client() as client:
        ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
        ...     _ = client.geospatial.create_features("well", FeatureWrite("w1", depth=12.5))
        ...     client.geospatial.retrieve_features("well", "w1").depth
        12.5
    """

    _RESOURCE_PATH = "/geospatial"
    _FEATURE_TYPE_LIMIT = 100
    _FEATURE_TYPE_DELETE_LIMIT = 10
    _FEATURE_LIMIT = 1000
    _SEARCH_LIMIT = 1000
    _LIST_LIMIT = 1000

    # ------------------------------------------------------------------------------------------ helpers

    @staticmethod
    def _features_path(feature_type_external_id: str, suffix: str = "") -> str:
        return resource_path(_FEATURE_TYPES + "/{ft}/features", ft=feature_type_external_id) + suffix

    async def _post_items(
        self,
        path: str,
        bodies: list[dict[str, Any]],
        resource_cls: type[Any],
        *,
        operation: Literal["read", "write", "delete"] = "write",
        reported: Sequence[Sequence[Any]] | None = None,
    ) -> list[Any]:
        """POST each body concurrently and decode the items of every answer, in body order."""
        responses = await self._post_concurrently(path, bodies, operation=operation, reported=reported)
        decoder = items_decoder(resource_cls)
        return [item for resp in responses for item in decoder.decode(resp.content).items]

    # ------------------------------------------------------------------------------------------ feature types

    @overload
    async def create_feature_types(self, feature_type: FeatureType | FeatureTypeWrite) -> FeatureType: ...
    @overload
    async def create_feature_types(
        self, feature_type: Sequence[FeatureType] | Sequence[FeatureTypeWrite]
    ) -> FeatureTypeList: ...
    async def create_feature_types(
        self, feature_type: FeatureType | FeatureTypeWrite | Sequence[FeatureType] | Sequence[FeatureTypeWrite]
    ) -> FeatureType | FeatureTypeList:
        """Create feature types (CDF adds the properties externalId, createdTime and lastUpdatedTime).

        Args:
            feature_type: One feature type or several.

        Returns:
            The created feature type(s).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite
            >>> with emulated_client() as client:
            ...     ft = client.geospatial.create_feature_types(
            ...         FeatureTypeWrite("well", {"location": {"type": "POINT", "srid": 4326}}))
            ...     sorted(ft.properties)
            ['createdTime', 'externalId', 'lastUpdatedTime', 'location']
        """
        return await self._create_multiple(  # type: ignore[no-any-return]
            feature_type, write_cls=FeatureTypeWrite, path=_FEATURE_TYPES, limit=self._FEATURE_TYPE_LIMIT,
            resource_cls=FeatureType, list_cls=FeatureTypeList, input_name="feature_type",
        )  # fmt: skip

    async def delete_feature_types(self, external_id: str | Sequence[str], recursive: bool = False) -> None:
        """Delete feature types.

        Args:
            external_id: The external id(s).
            recursive: Also delete their features (a feature type with features is not deleted otherwise).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"d": {"type": "DOUBLE"}}))
            ...     client.geospatial.delete_feature_types("well")
            ...     len(client.geospatial.list_feature_types())
            0
        """
        _flag(recursive, "recursive")
        ids = IdentifierSequence(external_ids=external_id, external_id_name="external_id").as_dicts()
        id_chunks = chunks(ids, self._FEATURE_TYPE_DELETE_LIMIT)
        bodies = [{"items": list(c), "recursive": recursive} for c in id_chunks]
        await self._post_concurrently(
            _FEATURE_TYPES + "/delete",
            bodies,
            operation="delete",
            reported=[[x["externalId"] for x in c] for c in id_chunks],
        )

    async def list_feature_types(self) -> FeatureTypeList:
        """List every feature type of the project.

        Returns:
            The feature types.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.geospatial.list_feature_types())
            0
        """
        resp = await self._http.request("POST", _FEATURE_TYPES + "/list", category=self._CATEGORY, retryable=True)
        return self._make_list(items_decoder(FeatureType).decode(resp.content).items, FeatureTypeList)  # type: ignore[no-any-return]

    @overload
    async def retrieve_feature_types(self, external_id: str) -> FeatureType: ...
    @overload
    async def retrieve_feature_types(self, external_id: list[str]) -> FeatureTypeList: ...
    async def retrieve_feature_types(self, external_id: str | list[str]) -> FeatureType | FeatureTypeList:
        """Retrieve feature types by external id.

        Args:
            external_id: One external id (gives a FeatureType) or a list (gives a FeatureTypeList).

        Returns:
            The feature type(s).

        Raises:
            CogniteNotFoundError: Some do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"d": {"type": "DOUBLE"}}))
            ...     client.geospatial.retrieve_feature_types("well").properties["d"]
            {'type': 'DOUBLE'}
        """
        ids = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        found = await self._retrieve_items(
            ids.as_dicts(), path=_FEATURE_TYPES, resource_cls=FeatureType, list_cls=FeatureTypeList,
            limit=self._FEATURE_TYPE_LIMIT,
        )  # fmt: skip
        if isinstance(external_id, str):
            return found[0]  # type: ignore[no-any-return]
        return found  # type: ignore[no-any-return]

    async def patch_feature_types(self, patch: FeatureTypePatch | Sequence[FeatureTypePatch]) -> FeatureTypeList:
        """Add and remove properties and search indexes of feature types.

        Args:
            patch: One patch or several.

        Returns:
            The patched feature types.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypePatch, FeatureTypeWrite, Patches
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"d": {"type": "DOUBLE"}}))
            ...     res = client.geospatial.patch_feature_types(
            ...         FeatureTypePatch("well", property_patches=Patches(add={"name": {"type": "STRING", "optional": True}})))
            ...     "name" in res[0].properties
            True
        """
        patches = [patch] if isinstance(patch, FeatureTypePatch) else list(patch)
        for p in patches:
            if not isinstance(p, FeatureTypePatch):
                raise TypeError(f"patch must contain FeatureTypePatch objects, not {type(p).__name__}")
        patch_chunks = chunks(patches, self._FEATURE_TYPE_LIMIT)
        bodies = [{"items": [p.dump() for p in c]} for c in patch_chunks]
        items = await self._post_items(_FEATURE_TYPES + "/update", bodies, FeatureType, reported=patch_chunks)
        return self._make_list(items, FeatureTypeList)  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------------ features

    async def _write_features(
        self, suffix: str, feature_type_external_id: str, feature: Any, allow_crs_transformation: bool, chunk_size: Any
    ) -> Any:
        _flag(allow_crs_transformation, "allow_crs_transformation")
        if chunk_size is not None and (
            isinstance(chunk_size, bool)
            or not isinstance(chunk_size, int)
            or not 1 <= chunk_size <= self._FEATURE_LIMIT
        ):
            raise ValueError(f"chunk_size must be an int from 1 to {self._FEATURE_LIMIT}, got {chunk_size!r}")
        path = self._features_path(feature_type_external_id, suffix)
        single = not isinstance(feature, Sequence | FeatureList | FeatureWriteList)
        features = _features_of(feature)
        dumped = [(f.as_write() if isinstance(f, Feature) else f).dump() for f in features]
        extra = {"allowCrsTransformation": True} if allow_crs_transformation else None
        created = await self._create_multiple(
            dumped, path=path, extra_body=extra, limit=chunk_size or self._FEATURE_LIMIT, resource_cls=Feature,
            list_cls=FeatureList, input_name="feature",
        )  # fmt: skip
        return created[0] if single else created

    @overload
    async def create_features(
        self, feature_type_external_id: str, feature: Feature | FeatureWrite,
        allow_crs_transformation: bool = False, chunk_size: int | None = None,
    ) -> Feature: ...  # fmt: skip
    @overload
    async def create_features(
        self, feature_type_external_id: str,
        feature: Sequence[Feature] | Sequence[FeatureWrite] | FeatureList | FeatureWriteList,
        allow_crs_transformation: bool = False, chunk_size: int | None = None,
    ) -> FeatureList: ...  # fmt: skip
    async def create_features(
        self,
        feature_type_external_id: str,
        feature: FeatureArg,
        allow_crs_transformation: bool = False,
        chunk_size: int | None = None,
    ) -> Feature | FeatureList:
        """Create features of a feature type (sent in concurrent chunks).

        Args:
            feature_type_external_id: The feature type.
            feature: One feature or several.
            allow_crs_transformation: Transform geometries in other reference systems into the feature type's.
            chunk_size: Features per request (1 to 1000; default 1000).

        Returns:
            The created feature(s).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
            ...     res = client.geospatial.create_features("well", [FeatureWrite("a", depth=1.0), FeatureWrite("b", depth=2.0)])
            ...     res.as_external_ids()
            ['a', 'b']
        """
        return await self._write_features(  # type: ignore[no-any-return]
            "", feature_type_external_id, feature, allow_crs_transformation, chunk_size
        )

    @overload
    async def update_features(
        self, feature_type_external_id: str, feature: Feature | FeatureWrite,
        allow_crs_transformation: bool = False, chunk_size: int | None = None,
    ) -> Feature: ...  # fmt: skip
    @overload
    async def update_features(
        self, feature_type_external_id: str,
        feature: Sequence[Feature] | Sequence[FeatureWrite] | FeatureList | FeatureWriteList,
        allow_crs_transformation: bool = False, chunk_size: int | None = None,
    ) -> FeatureList: ...  # fmt: skip
    async def update_features(
        self,
        feature_type_external_id: str,
        feature: FeatureArg,
        allow_crs_transformation: bool = False,
        chunk_size: int | None = None,
    ) -> Feature | FeatureList:
        """Replace the properties of existing features (every required property must be given).

        Args:
            feature_type_external_id: The feature type.
            feature: One feature or several.
            allow_crs_transformation: Transform geometries in other reference systems into the feature type's.
            chunk_size: Features per request (1 to 1000; default 1000).

        Returns:
            The updated feature(s).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
            ...     _ = client.geospatial.create_features("well", FeatureWrite("a", depth=1.0))
            ...     client.geospatial.update_features("well", FeatureWrite("a", depth=3.0)).depth
            3.0
        """
        return await self._write_features(  # type: ignore[no-any-return]
            "/update", feature_type_external_id, feature, allow_crs_transformation, chunk_size
        )

    async def delete_features(
        self, feature_type_external_id: str, external_id: str | Sequence[str] | None = None
    ) -> None:
        """Delete features of a feature type.

        Args:
            feature_type_external_id: The feature type.
            external_id: The feature(s) to delete.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
            ...     _ = client.geospatial.create_features("well", FeatureWrite("a", depth=1.0))
            ...     client.geospatial.delete_features("well", external_id="a")
            ...     len(client.geospatial.list_features("well"))
            0
        """
        if external_id is None:
            raise ValueError("external_id is required: the features to delete")
        ids = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        await self._delete_multiple(ids, ignore_unknown_ids=None, path=self._features_path(feature_type_external_id))

    @overload
    async def retrieve_features(
        self, feature_type_external_id: str, external_id: str, properties: dict[str, Any] | None = None
    ) -> Feature: ...
    @overload
    async def retrieve_features(
        self, feature_type_external_id: str, external_id: list[str], properties: dict[str, Any] | None = None
    ) -> FeatureList: ...
    async def retrieve_features(
        self, feature_type_external_id: str, external_id: str | list[str], properties: dict[str, Any] | None = None
    ) -> Feature | FeatureList:
        """Retrieve features by external id.

        Args:
            feature_type_external_id: The feature type.
            external_id: One external id (gives a Feature) or a list (gives a FeatureList).
            properties: The properties to return (``{"depth": {}}``; None: all).

        Returns:
            The feature(s).

        Raises:
            CogniteNotFoundError: Some do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
            ...     _ = client.geospatial.create_features("well", FeatureWrite("a", depth=1.0))
            ...     client.geospatial.retrieve_features("well", ["a"]).as_external_ids()
            ['a']
        """
        check_type(properties, dict, "properties")
        ids = IdentifierSequence(external_ids=external_id, external_id_name="external_id").as_dicts()
        output = {"output": {"properties": properties}} if properties is not None else {}
        id_chunks = chunks(ids, self._FEATURE_LIMIT)
        bodies = [{"items": list(c), **output} for c in id_chunks]
        reported = [[x["externalId"] for x in c] for c in id_chunks]
        items = await self._post_items(
            self._features_path(feature_type_external_id, "/byids"), bodies, Feature, operation="read",
            reported=reported,
        )  # fmt: skip
        if isinstance(external_id, str):
            return items[0]  # type: ignore[no-any-return]
        return self._make_list(items, FeatureList)  # type: ignore[no-any-return]

    async def list_features(
        self,
        feature_type_external_id: str,
        filter: dict[str, Any] | None = None,
        properties: dict[str, Any] | None = None,
        limit: int | None = 25,
        allow_crs_transformation: bool = False,
    ) -> FeatureList:
        """List features of a feature type matching a filter (pages followed with cursors).

        Args:
            feature_type_external_id: The feature type.
            filter: A feature filter, e.g. ``{"range": {"property": "depth", "gt": 10}}``.
            properties: The properties to return (None: all).
            limit: Maximum number of features (default 25; None, -1 or inf: all).
            allow_crs_transformation: Transform geometries of the filter into the feature type's reference system.

        Returns:
            The features.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
            ...     _ = client.geospatial.create_features("well", [FeatureWrite("a", depth=1.0), FeatureWrite("b", depth=20.0)])
            ...     client.geospatial.list_features("well", filter={"range": {"property": "depth", "gt": 10}}).as_external_ids()
            ['b']
        """
        check_type(filter, dict, "filter")
        check_type(properties, dict, "properties")
        other: dict[str, Any] = {}
        if properties is not None:
            other["output"] = {"properties": properties}
        if _flag(allow_crs_transformation, "allow_crs_transformation"):
            other["allowCrsTransformation"] = True
        return await self._list(  # type: ignore[no-any-return]
            limit=limit, filter=filter, other_params=other, path=self._features_path(feature_type_external_id),
            resource_cls=Feature, list_cls=FeatureList,
        )  # fmt: skip

    def _search_body(
        self,
        filter: Any,
        properties: Any,
        allow_crs_transformation: Any,
        allow_dimensionality_mismatch: Any,
    ) -> dict[str, Any]:
        check_type(filter, dict, "filter")
        check_type(properties, dict, "properties")
        body: dict[str, Any] = {}
        if filter is not None:
            body["filter"] = filter
        if properties is not None:
            body["output"] = {"properties": properties}
        if _flag(allow_crs_transformation, "allow_crs_transformation"):
            body["allowCrsTransformation"] = True
        if _flag(allow_dimensionality_mismatch, "allow_dimensionality_mismatch"):
            body["allowDimensionalityMismatch"] = True
        return body

    async def search_features(
        self,
        feature_type_external_id: str,
        filter: dict[str, Any] | None = None,
        properties: dict[str, Any] | None = None,
        limit: int = 25,
        order_by: Sequence[OrderSpec] | None = None,
        allow_crs_transformation: bool = False,
        allow_dimensionality_mismatch: bool = False,
    ) -> FeatureList:
        """Search features of a feature type (one request: at most 1000 features), optionally ordered.

        Args:
            feature_type_external_id: The feature type.
            filter: A feature filter, e.g. ``{"stIntersects": {"property": "location", "value": {"wkt": ...}}}``.
            properties: The properties to return (None: all).
            limit: Maximum number of features (1 to 1000).
            order_by: The order, e.g. ``[OrderSpec("depth", "DESC")]``.
            allow_crs_transformation: Transform geometries of the filter into the feature type's reference system.
            allow_dimensionality_mismatch: Let spatial filters compare geometries of different dimensions.

        Returns:
            The features.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite, OrderSpec
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
            ...     _ = client.geospatial.create_features("well", [FeatureWrite("a", depth=1.0), FeatureWrite("b", depth=2.0)])
            ...     client.geospatial.search_features("well", order_by=[OrderSpec("depth", "DESC")]).as_external_ids()
            ['b', 'a']
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= self._SEARCH_LIMIT:
            raise ValueError(f"limit must be an int from 1 to {self._SEARCH_LIMIT}, got {limit!r}")
        body = self._search_body(filter, properties, allow_crs_transformation, allow_dimensionality_mismatch)
        body["limit"] = limit
        sort = _order_by(order_by)
        if sort is not None:
            body["sort"] = sort
        resp = await self._post(self._features_path(feature_type_external_id, "/search"), json=body)
        return self._make_list(items_decoder(Feature).decode(resp.content).items, FeatureList)  # type: ignore[no-any-return]

    def stream_features(
        self,
        feature_type_external_id: str,
        filter: dict[str, Any] | None = None,
        properties: dict[str, Any] | None = None,
        allow_crs_transformation: bool = False,
        allow_dimensionality_mismatch: bool = False,
    ) -> AsyncIterator[Feature]:
        """Stream every feature of a feature type matching a filter (no limit; the order is not defined).

        The answer is newline-delimited JSON; it is read whole, then the features are yielded one at a time.

        Args:
            feature_type_external_id: The feature type.
            filter: A feature filter.
            properties: The properties to return (None: all).
            allow_crs_transformation: Transform geometries of the filter into the feature type's reference system.
            allow_dimensionality_mismatch: Let spatial filters compare geometries of different dimensions.

        Returns:
            An async iterator of the features.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
            ...     _ = client.geospatial.create_features("well", [FeatureWrite("a", depth=1.0), FeatureWrite("b", depth=2.0)])
            ...     sorted(f.external_id for f in client.geospatial.stream_features("well"))
            ['a', 'b']
        """
        body = self._search_body(filter, properties, allow_crs_transformation, allow_dimensionality_mismatch)
        body["output"] = {**body.get("output", {}), "jsonStreamFormat": "NEW_LINE_DELIMITED"}
        return self._stream(self._features_path(feature_type_external_id, "/search-streaming"), body)

    async def _stream(self, path: str, body: dict[str, Any]) -> AsyncIterator[Feature]:
        resp = await self._http.request(
            "POST", path, json=body, headers={"accept": "application/json-seq"}, category=self._CATEGORY,
            retryable=True,
        )  # fmt: skip
        for line in resp.content.splitlines():
            line = line.strip().lstrip(b"\x1e")
            if line:
                yield Feature.load(msgspec.json.decode(line))

    async def aggregate_features(
        self,
        feature_type_external_id: str,
        filter: dict[str, Any] | None = None,
        group_by: Sequence[str] | None = None,
        order_by: Sequence[OrderSpec] | None = None,
        output: dict[str, Any] | None = None,
    ) -> FeatureAggregateList:
        """Aggregate the features of a feature type matching a filter, optionally grouped.

        Args:
            feature_type_external_id: The feature type.
            filter: A feature filter.
            group_by: Properties to group by.
            order_by: The order of the groups, e.g. ``[OrderSpec("count", "DESC")]``.
            output: The aggregates: name -> ``{"count": {"property": "depth"}}``, ``{"avg": {...}}``, ``min``,
                ``max``, ``sum``, ``variance``...

        Returns:
            One row per group.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}))
            ...     _ = client.geospatial.create_features("well", [FeatureWrite("a", depth=1.0), FeatureWrite("b", depth=3.0)])
            ...     res = client.geospatial.aggregate_features("well", output={"n": {"count": {"property": "depth"}},
            ...                                                               "mean": {"avg": {"property": "depth"}}})
            ...     res[0].n, res[0].mean
            (2, 2.0)
        """
        check_type(filter, dict, "filter")
        check_type(output, dict, "output")
        body: dict[str, Any] = {}
        if filter is not None:
            body["filter"] = filter
        if group_by is not None:
            if isinstance(group_by, str) or not all(isinstance(g, str) for g in group_by):
                raise TypeError(f"group_by must be a sequence of property names, got {group_by!r}")
            body["groupBy"] = list(group_by)
        sort = _order_by(order_by)
        if sort is not None:
            body["sort"] = sort
        if output is not None:
            body["output"] = output
        resp = await self._post(self._features_path(feature_type_external_id, "/aggregate"), json=body)
        items = items_decoder(FeatureAggregate).decode(resp.content).items
        return FeatureAggregateList._from_items(items, self._cognite_client)

    # ------------------------------------------------------------------------------------------ reference systems

    async def get_coordinate_reference_systems(self, srids: int | Sequence[int]) -> CoordinateReferenceSystemList:
        """Get coordinate reference systems by spatial reference id.

        Args:
            srids: One id or several.

        Returns:
            The reference systems.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.geospatial.get_coordinate_reference_systems(4326)[0].srid
            4326
        """
        items = [{"srid": s} for s in _srids(srids)]
        id_chunks = chunks(items, 1000)
        found = await self._post_items(
            _CRS + "/byids", [{"items": list(c)} for c in id_chunks], CoordinateReferenceSystem, operation="read",
            reported=[[x["srid"] for x in c] for c in id_chunks],
        )  # fmt: skip
        return self._make_list(found, CoordinateReferenceSystemList)  # type: ignore[no-any-return]

    async def list_coordinate_reference_systems(self, only_custom: bool = False) -> CoordinateReferenceSystemList:
        """List the coordinate reference systems (standard and custom, or custom only).

        Args:
            only_custom: List only the ones the project created.

        Returns:
            The reference systems.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.geospatial.list_coordinate_reference_systems(only_custom=True))
            0
        """
        params = {"filterOnlyCustom": True} if _flag(only_custom, "only_custom") else None
        resp = await self._get(_CRS, params=params)
        items = items_decoder(CoordinateReferenceSystem).decode(resp.content).items
        return self._make_list(items, CoordinateReferenceSystemList)  # type: ignore[no-any-return]

    async def create_coordinate_reference_systems(
        self,
        crs: CoordinateReferenceSystem
        | CoordinateReferenceSystemWrite
        | Sequence[CoordinateReferenceSystem]
        | Sequence[CoordinateReferenceSystemWrite],
    ) -> CoordinateReferenceSystemList:
        """Create custom coordinate reference systems.

        Args:
            crs: One reference system or several.

        Returns:
            The created reference systems.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import CoordinateReferenceSystemWrite
            >>> with emulated_client() as client:
            ...     res = client.geospatial.create_coordinate_reference_systems(
            ...         CoordinateReferenceSystemWrite(121111, "PROJCS[...]", "+proj=tmerc"))
            ...     res[0].srid
            121111
        """
        items = [crs] if not isinstance(crs, Sequence) else list(crs)
        created = await self._create_multiple(
            items, write_cls=CoordinateReferenceSystemWrite, path=_CRS, resource_cls=CoordinateReferenceSystem,
            list_cls=CoordinateReferenceSystemList, input_name="crs",
        )  # fmt: skip
        return created  # type: ignore[no-any-return]

    async def delete_coordinate_reference_systems(self, srids: int | Sequence[int]) -> None:
        """Delete custom coordinate reference systems.

        Args:
            srids: One id or several.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import CoordinateReferenceSystemWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_coordinate_reference_systems(
            ...         CoordinateReferenceSystemWrite(121111, "PROJCS[...]", "+proj=tmerc"))
            ...     client.geospatial.delete_coordinate_reference_systems(121111)
            ...     len(client.geospatial.list_coordinate_reference_systems(only_custom=True))
            0
        """
        items = [{"srid": s} for s in _srids(srids)]
        id_chunks = chunks(items, 1000)
        await self._post_concurrently(
            _CRS + "/delete", [{"items": list(c)} for c in id_chunks], operation="delete",
            reported=[[x["srid"] for x in c] for c in id_chunks],
        )  # fmt: skip

    # ------------------------------------------------------------------------------------------ compute

    async def compute(self, output: dict[str, GeospatialComputeFunction]) -> GeospatialComputedResponse:
        """Compute values from geometries given in the request (e.g. a transform into another reference system).

        Args:
            output: Output name -> the function computing it.

        Returns:
            The computed items.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import (
            ...     GeospatialGeometryTransformComputeFunction, GeospatialGeometryValueComputeFunction)
            >>> with emulated_client() as client:
            ...     point = GeospatialGeometryValueComputeFunction("SRID=4326;POINT(10 60)")
            ...     res = client.geospatial.compute({"p": GeospatialGeometryTransformComputeFunction(point, srid=4326)})
            ...     res.items[0].resource["p"]
            {'wkt': 'POINT(10 60)', 'srid': 4326}
        """
        if not isinstance(output, dict) or not output:
            raise TypeError("output must be a non-empty dict of output name -> GeospatialComputeFunction")
        for name, fn in output.items():
            if not isinstance(name, str) or not isinstance(fn, GeospatialComputeFunction):
                raise TypeError(f"output must map names to GeospatialComputeFunction objects, got {name!r}: {fn!r}")
        body = {"output": {name: fn.to_json_payload() for name, fn in output.items()}}
        resp = await self._http.request(
            "POST", self._RESOURCE_PATH + "/compute", json=body, category=self._CATEGORY, retryable=True
        )
        return GeospatialComputedResponse.load(msgspec.json.decode(resp.content), self._cognite_client)

    # ------------------------------------------------------------------------------------------ rasters

    @staticmethod
    def _raster_path(feature_type_external_id: str, feature_external_id: str, raster_property_name: str) -> str:
        return resource_path(
            _FEATURE_TYPES + "/{ft}/features/{f}/rasters/{p}",
            ft=feature_type_external_id, f=feature_external_id, p=raster_property_name,
        )  # fmt: skip

    async def put_raster(
        self,
        feature_type_external_id: str,
        feature_external_id: str,
        raster_property_name: str,
        raster_format: str,
        raster_srid: int,
        file: str | Path,
        allow_crs_transformation: bool = False,
        raster_scale_x: float | None = None,
        raster_scale_y: float | None = None,
    ) -> RasterMetadata:
        """Store a raster from a file in a raster property of a feature.

        Args:
            feature_type_external_id: The feature type.
            feature_external_id: The feature.
            raster_property_name: The raster property.
            raster_format: The format of the file (``XYZ``).
            raster_srid: The reference system of the raster.
            file: The file to read.
            allow_crs_transformation: Transform the raster into the property's reference system.
            raster_scale_x: The pixel size along x after transformation.
            raster_scale_y: The pixel size along y after transformation.

        Returns:
            What CDF reports about the stored raster.

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(
            ...         FeatureTypeWrite("dem", {"r": {"type": "RASTER", "srid": 3857, "optional": True}}))
            ...     _ = client.geospatial.create_features("dem", FeatureWrite("tile"))
            ...     path = pathlib.Path(tmp, "r.xyz")
            ...     _ = path.write_text("0 0 1\\n1 0 2\\n0 1 3\\n1 1 4\\n")
            ...     meta = client.geospatial.put_raster("dem", "tile", "r", "XYZ", 3857, path)
            ...     meta.width, meta.height
            (2, 2)
        """
        check_type(raster_format, str, "raster_format")
        if isinstance(raster_srid, bool) or not isinstance(raster_srid, int):
            raise TypeError(f"raster_srid must be an int, not {type(raster_srid).__name__}")
        check_type(file, (str, Path), "file")
        check_type(raster_scale_x, (int, float), "raster_scale_x")
        check_type(raster_scale_y, (int, float), "raster_scale_y")
        params: dict[str, Any] = {"format": raster_format, "srid": raster_srid}
        if _flag(allow_crs_transformation, "allow_crs_transformation"):
            params["allowCrsTransformation"] = True
        if raster_scale_x is not None:
            params["scaleX"] = raster_scale_x
        if raster_scale_y is not None:
            params["scaleY"] = raster_scale_y
        content = Path(file).expanduser().read_bytes()
        resp = await self._http.request(
            "PUT", self._raster_path(feature_type_external_id, feature_external_id, raster_property_name),
            params=params, content=content, headers={"content-type": "application/octet-stream"},
            category=self._CATEGORY,
        )  # fmt: skip
        return RasterMetadata.load(msgspec.json.decode(resp.content))

    async def delete_raster(
        self, feature_type_external_id: str, feature_external_id: str, raster_property_name: str
    ) -> None:
        """Delete the raster of a raster property of a feature.

        Args:
            feature_type_external_id: The feature type.
            feature_external_id: The feature.
            raster_property_name: The raster property.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(
            ...         FeatureTypeWrite("dem", {"r": {"type": "RASTER", "srid": 3857, "optional": True}}))
            ...     _ = client.geospatial.create_features("dem", FeatureWrite("tile"))
            ...     client.geospatial.delete_raster("dem", "tile", "r")
        """
        path = self._raster_path(feature_type_external_id, feature_external_id, raster_property_name) + "/delete"
        await self._http.request("POST", path, category=self._CATEGORY)

    async def get_raster(
        self,
        feature_type_external_id: str,
        feature_external_id: str,
        raster_property_name: str,
        raster_format: str,
        raster_options: dict[str, Any] | None = None,
        raster_srid: int | None = None,
        raster_scale_x: float | None = None,
        raster_scale_y: float | None = None,
        allow_crs_transformation: bool = False,
    ) -> bytes:
        """Get the raster of a raster property of a feature, in a format of your choice.

        Args:
            feature_type_external_id: The feature type.
            feature_external_id: The feature.
            raster_property_name: The raster property.
            raster_format: The output format (``XYZ`` or ``GTiff``).
            raster_options: Options of the format (e.g. ``{"DECIMAL_PRECISION": 2}``).
            raster_srid: The reference system to give the raster in.
            raster_scale_x: The pixel size along x in the output.
            raster_scale_y: The pixel size along y in the output.
            allow_crs_transformation: Allow transforming the raster into ``raster_srid``.

        Returns:
            The raster, encoded.

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite, FeatureWrite
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = client.geospatial.create_feature_types(
            ...         FeatureTypeWrite("dem", {"r": {"type": "RASTER", "srid": 3857, "optional": True}}))
            ...     _ = client.geospatial.create_features("dem", FeatureWrite("tile"))
            ...     path = pathlib.Path(tmp, "r.xyz")
            ...     _ = path.write_text("0 0 1\\n1 0 2\\n")
            ...     _ = client.geospatial.put_raster("dem", "tile", "r", "XYZ", 3857, path)
            ...     client.geospatial.get_raster("dem", "tile", "r", "XYZ")
            b'0 0 1\\n1 0 2\\n'
        """
        check_type(raster_format, str, "raster_format")
        check_type(raster_options, dict, "raster_options")
        check_type(raster_srid, int, "raster_srid")
        check_type(raster_scale_x, (int, float), "raster_scale_x")
        check_type(raster_scale_y, (int, float), "raster_scale_y")
        body: dict[str, Any] = {"format": raster_format}
        if raster_options is not None:
            body["options"] = raster_options
        if raster_srid is not None:
            body["srid"] = raster_srid
        if raster_scale_x is not None:
            body["scaleX"] = raster_scale_x
        if raster_scale_y is not None:
            body["scaleY"] = raster_scale_y
        if _flag(allow_crs_transformation, "allow_crs_transformation"):
            body["allowCrsTransformation"] = True
        resp = await self._http.request(
            "POST", self._raster_path(feature_type_external_id, feature_external_id, raster_property_name),
            json=body, headers={"accept": "application/octet-stream"}, category=self._CATEGORY, retryable=True,
        )  # fmt: skip
        return resp.content
