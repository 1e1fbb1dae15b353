"""The Geospatial API against a fake CDF behind ``httpx.MockTransport``: wire bodies, chunking, paths with embedded
external ids, feature (de)serialization; bad arguments fail before any request."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.geospatial import (
    CoordinateReferenceSystem,
    CoordinateReferenceSystemWrite,
    Feature,
    FeatureAggregate,
    FeatureList,
    FeatureType,
    FeatureTypeList,
    FeatureTypePatch,
    FeatureTypeWrite,
    FeatureWrite,
    GeospatialComputedResponse,
    GeospatialGeometryTransformComputeFunction,
    GeospatialGeometryValueComputeFunction,
    OrderSpec,
    Patches,
)

FT = {"externalId": "well", "createdTime": 1, "lastUpdatedTime": 1, "properties": {"depth": {"type": "DOUBLE"}}}


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


def echo(body: Any) -> dict[str, Any]:
    return {"items": [{**it, "createdTime": 1, "lastUpdatedTime": 1} for it in body["items"]]}


async def test_feature_types_create_retrieve_patch_delete(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({
        "POST /geospatial/featuretypes": lambda body: {"items": [{**FT, **it} for it in body["items"]]},
        "POST /geospatial/featuretypes/byids": lambda body: {"items": [FT for _ in body["items"]]},
        "POST /geospatial/featuretypes/list": {"items": [FT]},
        "POST /geospatial/featuretypes/update": lambda body: {"items": [FT for _ in body["items"]]},
        "POST /geospatial/featuretypes/delete": {},
    })  # fmt: skip
    geo = async_client.geospatial
    one = await geo.create_feature_types(FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}}, data_set_id=4))
    assert isinstance(one, FeatureType) and one.data_set_id == 4
    many = await geo.create_feature_types([FeatureTypeWrite(f"t{i}", {}) for i in range(150)])
    assert isinstance(many, FeatureTypeList) and len(many) == 150
    assert sorted(len(b["items"]) for b in bodies(fake, "POST /geospatial/featuretypes")) == [1, 50, 100]
    assert isinstance(await geo.retrieve_feature_types("well"), FeatureType)
    assert len(await geo.retrieve_feature_types(["well", "b"])) == 2
    assert len(await geo.list_feature_types()) == 1
    patch = FeatureTypePatch("well", Patches(add={"x": {"type": "LONG"}}), Patches(remove=["idx"]))
    await geo.patch_feature_types([patch])
    await geo.delete_feature_types([f"t{i}" for i in range(12)], recursive=True)
    assert bodies(fake, "POST /geospatial/featuretypes/byids")[1] == {
        "items": [{"externalId": "well"}, {"externalId": "b"}]
    }
    assert bodies(fake, "POST /geospatial/featuretypes/update") == [
        {"items": [{"externalId": "well", "update": {"properties": {"add": {"x": {"type": "LONG"}}}, "searchSpec": {"remove": ["idx"]}}}]}
    ]  # fmt: skip
    deletes = bodies(fake, "POST /geospatial/featuretypes/delete")
    assert sorted(len(b["items"]) for b in deletes) == [2, 10] and all(b["recursive"] is True for b in deletes)
    assert fake.calls("POST /geospatial/featuretypes/list")[0].raw == b""


async def test_features_create_update_in_chunks(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({
        "POST /geospatial/featuretypes/well/features": echo,
        "POST /geospatial/featuretypes/well/features/update": echo,
    })  # fmt: skip
    geo = async_client.geospatial
    one = await geo.create_features("well", FeatureWrite("a", depth=1.5, loc={"wkt": "POINT(1 2)"}))
    assert isinstance(one, Feature) and one.depth == 1.5 and one.created_time == 1
    many = await geo.create_features(
        "well", [Feature(external_id=f"f{i}", depth=float(i), created_time=5) for i in range(5)], chunk_size=2,
        allow_crs_transformation=True,
    )  # fmt: skip
    assert isinstance(many, FeatureList) and many.as_external_ids() == [f"f{i}" for i in range(5)]
    sent = bodies(fake, "POST /geospatial/featuretypes/well/features")
    assert sent[0] == {"items": [{"externalId": "a", "depth": 1.5, "loc": {"wkt": "POINT(1 2)"}}]}
    assert sorted(len(b["items"]) for b in sent[1:]) == [1, 2, 2]
    assert all(b["allowCrsTransformation"] is True for b in sent[1:])
    assert all("createdTime" not in it for b in sent for it in b["items"])
    updated = await geo.update_features("well", many)
    assert isinstance(updated, FeatureList) and len(updated) == 5


async def test_retrieve_list_search_delete_features(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    feature = {"externalId": "a", "depth": 1.0, "createdTime": 1, "lastUpdatedTime": 1}
    fake = routed_cdf({
        "POST /geospatial/featuretypes/well/features/byids": lambda body: {"items": [feature for _ in body["items"]]},
        "POST /geospatial/featuretypes/well/features/list": [{"items": [feature], "nextCursor": "c"}, {"items": [feature]}],
        "POST /geospatial/featuretypes/well/features/search": {"items": [feature]},
        "POST /geospatial/featuretypes/well/features/delete": {},
    })  # fmt: skip
    geo = async_client.geospatial
    assert (await geo.retrieve_features("well", "a", properties={"depth": {}})).depth == 1.0
    assert isinstance(await geo.retrieve_features("well", ["a"]), FeatureList)
    listed = await geo.list_features("well", filter={"range": {"property": "depth", "gt": 0}}, limit=None)
    assert len(listed) == 2
    await geo.search_features(
        "well", filter={"equals": {"property": "depth", "value": 1}}, properties={"depth": {}}, limit=10,
        order_by=[OrderSpec("depth", "DESC")], allow_dimensionality_mismatch=True,
    )  # fmt: skip
    await geo.delete_features("well", external_id=["a", "b"])
    assert bodies(fake, "POST /geospatial/featuretypes/well/features/byids") == [
        {"items": [{"externalId": "a"}], "output": {"properties": {"depth": {}}}},
        {"items": [{"externalId": "a"}]},
    ]
    first, second = bodies(fake, "POST /geospatial/featuretypes/well/features/list")
    assert first == {"limit": 1000, "filter": {"range": {"property": "depth", "gt": 0}}} and second["cursor"] == "c"
    assert bodies(fake, "POST /geospatial/featuretypes/well/features/search") == [{
        "filter": {"equals": {"property": "depth", "value": 1}}, "output": {"properties": {"depth": {}}},
        "allowDimensionalityMismatch": True, "limit": 10, "sort": ["depth:DESC"],
    }]  # fmt: skip
    assert bodies(fake, "POST /geospatial/featuretypes/well/features/delete") == [
        {"items": [{"externalId": "a"}, {"externalId": "b"}]}
    ]


async def test_stream_reads_newline_delimited_features(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    lines = b'{"externalId": "a", "depth": 1}\n{"externalId": "b", "depth": 2}\n'
    fake = routed_cdf(
        {"POST /geospatial/featuretypes/well/features/search-streaming": httpx.Response(200, content=lines)}
    )
    got = [f async for f in async_client.geospatial.stream_features("well", properties={"depth": {}})]
    assert [(f.external_id, f.depth) for f in got] == [("a", 1), ("b", 2)]
    (call,) = fake.calls("POST /geospatial/featuretypes/well/features/search-streaming")
    assert call.body == {"output": {"properties": {"depth": {}}, "jsonStreamFormat": "NEW_LINE_DELIMITED"}}
    assert call.headers["accept"] == "application/json-seq"


async def test_aggregate_crs_and_compute(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    crs = {"srid": 4326, "wkt": "GEOGCS[]", "projString": "+proj=longlat"}
    fake = routed_cdf({
        "POST /geospatial/featuretypes/well/features/aggregate": {"items": [{"kind": "a", "n": 2}]},
        "GET /geospatial/crs": {"items": [crs]},
        "POST /geospatial/crs/byids": lambda body: {"items": [crs for _ in body["items"]]},
        "POST /geospatial/crs": lambda body: {"items": [{**it, "createdTime": 1, "lastUpdatedTime": 1} for it in body["items"]]},
        "POST /geospatial/crs/delete": {},
        "POST /geospatial/compute": {"items": [{"out": {"wkt": "POINT(1 2)", "srid": 3857}}]},
    })  # fmt: skip
    geo = async_client.geospatial
    agg = await geo.aggregate_features(
        "well", filter={"missing": {"property": "x"}}, group_by=["kind"], order_by=[OrderSpec("n", "ASC")],
        output={"n": {"count": {"property": "depth"}}},
    )  # fmt: skip
    assert agg[0] == FeatureAggregate(kind="a", n=2)
    assert bodies(fake, "POST /geospatial/featuretypes/well/features/aggregate") == [{
        "filter": {"missing": {"property": "x"}}, "groupBy": ["kind"], "sort": ["n:ASC"],
        "output": {"n": {"count": {"property": "depth"}}},
    }]  # fmt: skip
    assert (await geo.list_coordinate_reference_systems(only_custom=True))[0] == CoordinateReferenceSystem.load(crs)
    assert fake.calls("GET /geospatial/crs")[0].params == [("filterOnlyCustom", "true")]
    assert len(await geo.get_coordinate_reference_systems([4326, 3857])) == 2
    created = await geo.create_coordinate_reference_systems(CoordinateReferenceSystemWrite(9, "W", "P"))
    assert created[0].srid == 9
    await geo.delete_coordinate_reference_systems(9)
    assert bodies(fake, "POST /geospatial/crs/delete") == [{"items": [{"srid": 9}]}]
    value = GeospatialGeometryValueComputeFunction("SRID=4326;POINT(1 2)")
    res = await geo.compute({"out": GeospatialGeometryTransformComputeFunction(value, 3857)})
    assert isinstance(res, GeospatialComputedResponse) and res.items[0].resource["out"]["srid"] == 3857
    assert bodies(fake, "POST /geospatial/compute") == [
        {"output": {"out": {"stTransform": {"geometry": {"ewkt": "SRID=4326;POINT(1 2)"}, "srid": 3857}}}}
    ]


async def test_raster_get_and_delete_paths(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    raster = "POST /geospatial/featuretypes/well/features/w1/rasters/dem"
    fake = routed_cdf({raster: httpx.Response(200, content=b"0 0 1\n"), raster + "/delete": {}})
    got = await async_client.geospatial.get_raster(
        "well", "w1", "dem", "XYZ", raster_options={"DECIMAL_PRECISION": 2}, raster_srid=3857, raster_scale_x=2.0,
        raster_scale_y=2.0, allow_crs_transformation=True,
    )  # fmt: skip
    assert got == b"0 0 1\n"
    assert bodies(fake, raster) == [{
        "format": "XYZ", "options": {"DECIMAL_PRECISION": 2}, "srid": 3857, "scaleX": 2.0, "scaleY": 2.0,
        "allowCrsTransformation": True,
    }]  # fmt: skip
    await async_client.geospatial.delete_raster("well", "w1", "dem")
    assert fake.calls(raster + "/delete")[0].raw == b""


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda g: g.create_feature_types(3), "feature_type"),
        (lambda g: g.delete_feature_types(["a"], recursive="yes"), "recursive"),
        (lambda g: g.retrieve_feature_types([1]), "external_id"),
        (lambda g: g.patch_feature_types(["x"]), "FeatureTypePatch"),
        (lambda g: g.create_features("well", {"externalId": "a"}), "feature"),
        (lambda g: g.create_features("well", FeatureWrite("a"), chunk_size=0), "chunk_size"),
        (lambda g: g.create_features("", FeatureWrite("a")), "feature_type_external_id|ft"),
        (lambda g: g.delete_features("well"), "external_id"),
        (lambda g: g.search_features("well", limit=5000), "limit"),
        (lambda g: g.search_features("well", order_by=OrderSpec("a")), "order_by"),
        (lambda g: g.list_features("well", filter="depth > 1"), "filter"),
        (lambda g: g.aggregate_features("well", group_by="kind"), "group_by"),
        (lambda g: g.get_coordinate_reference_systems("4326"), "srids"),
        (lambda g: g.compute({"a": {"ewkt": "POINT(1 2)"}}), "GeospatialComputeFunction"),
        (lambda g: g.get_raster("well", "f", "r", "XYZ", raster_srid="3857"), "raster_srid"),
        (lambda g: g.put_raster("well", "f", "r", "XYZ", 3857, 12), "file"),
    ],
)
async def test_bad_arguments_fail_before_any_request(
    routed_cdf: Any, async_client: AsyncCogniteClient, call: Any, match: str
) -> None:
    fake = routed_cdf({})
    with pytest.raises((TypeError, ValueError), match=match):
        await call(async_client.geospatial)
    assert fake.requests == []


def test_feature_classes() -> None:
    f = Feature.load({"externalId": "a", "createdTime": 1, "lastUpdatedTime": 2, "dataSetId": 3, "depth": 4.0})
    assert (f.created_time, f.last_updated_time, f.data_set_id, f.depth) == (1, 2, 3, 4.0)
    assert f.dump(camel_case=False) == {
        "external_id": "a", "created_time": 1, "last_updated_time": 2, "data_set_id": 3, "depth": 4.0,
    }  # fmt: skip
    assert f.as_write() == FeatureWrite("a", depth=4.0)
    assert FeatureList([f]).as_write().dump() == [{"externalId": "a", "depth": 4.0}]
    ft = FeatureType.load({**FT, "properties": {**FT["properties"], "externalId": {"type": "STRING"}}})
    assert ft.as_write() == FeatureTypeWrite("well", {"depth": {"type": "DOUBLE"}})
    with pytest.raises(TypeError, match="external_id"):
        FeatureTypePatch(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="direction"):
        OrderSpec("a", "UP")  # type: ignore[arg-type]


def test_features_from_a_dataframe_and_geopandas_is_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import pandas as pd

    from cognite.client.exceptions import CogniteImportError

    ft = FeatureType.load(
        {**FT, "properties": {"depth": {"type": "DOUBLE"}, "note": {"type": "STRING", "optional": True}}}
    )
    df = pd.DataFrame({"externalId": ["a", "b"], "depth_m": [1.0, 2.0], "dataSetId": [7, 7]})
    features = FeatureList.from_geopandas(ft, df, property_column_mapping={"depth": "depth_m"})
    assert [(f.external_id, f.depth, f.data_set_id) for f in features] == [("a", 1.0, 7), ("b", 2.0, 7)]
    with pytest.raises(ValueError, match="depth"):
        FeatureList.from_geopandas(ft, pd.DataFrame({"externalId": ["a"]}))
    assert list(features.to_pandas()["depth"]) == [1.0, 2.0]
    monkeypatch.setitem(sys.modules, "geopandas", None)  # as if it were not installed
    with pytest.raises(CogniteImportError, match="geopandas"):
        features.to_geopandas("loc")
