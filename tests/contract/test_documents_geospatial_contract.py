"""Contract tests: every request the Documents and Geospatial APIs send validates against the CDF OpenAPI spec (and
the canned answers they decode do too)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import filters
from cognite.client.data_classes.aggregations import Prefix
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.documents import DocumentProperty, SortableSourceFileProperty, SourceFileProperty
from cognite.client.data_classes.geospatial import (
    CoordinateReferenceSystemWrite,
    FeatureTypePatch,
    FeatureTypeWrite,
    FeatureWrite,
    GeospatialGeometryTransformComputeFunction,
    GeospatialGeometryValueComputeFunction,
    OrderSpec,
    Patches,
)
from cognite.client.data_classes.labels import Label
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

DOC = {"id": 1, "createdTime": 0, "sourceFile": {"name": "a.txt", "metadata": {"k": "v"}}, "externalId": "a"}
FT = {"externalId": "well", "createdTime": 0, "lastUpdatedTime": 0, "properties": {"depth": {"type": "DOUBLE"}}}
FEATURE = {"externalId": "w1", "depth": 1.0, "createdTime": 0, "lastUpdatedTime": 0}
CRS = {"srid": 4326, "wkt": "GEOGCS[]", "projString": "+proj=longlat"}
RASTER = "/geospatial/featuretypes/{featureTypeExternalId}/features/{featureExternalId}/rasters/{rasterPropertyName}"


class DocumentsGeoCDF(SpecCheckedCDF):
    """Answers the documents and geospatial routes with bodies the spec allows."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        answers: dict[str, Any] = {
            "/documents/list": {"items": [DOC]},
            "/documents/search": {"items": [{"item": DOC, "highlight": {"name": [], "content": ["<em>a</em>"]}}]},
            "/documents/content": b"text",
            "/documents/{documentId}/preview/image/pages/{pageNumber}": b"\x89PNG",
            "/documents/{documentId}/preview/pdf": b"%PDF-1.4",
            "/documents/{documentId}/preview/pdf/temporarylink": {"temporaryLink": "https://x", "expirationTime": 1},
            "/geospatial/featuretypes/list": {"items": [FT]},
            "/geospatial/featuretypes/delete": {},
            "/geospatial/featuretypes/{featureTypeExternalId}/features/delete": {},
            "/geospatial/featuretypes/{featureTypeExternalId}/features/search": {"items": [FEATURE]},
            "/geospatial/featuretypes/{featureTypeExternalId}/features/search-streaming": b'{"externalId": "w1"}\n',
            "/geospatial/featuretypes/{featureTypeExternalId}/features/aggregate": {"items": [{"n": 1}]},
            "/geospatial/featuretypes/{featureTypeExternalId}/features/list": {"items": [FEATURE]},
            "/geospatial/crs/delete": {},
            "/geospatial/compute": {"items": [{"out": {"wkt": "POINT(1 2)", "srid": 3857}}]},
            RASTER + "/delete": {},
        }
        if path == "/documents/aggregate":
            kind = body.get("aggregate")
            if kind in ("uniqueValues", "uniqueProperties"):
                return 200, {"items": [{"count": 1, "values": ["v"]}]}
            return 200, {"items": [{"count": 2}]}
        if template == "/geospatial/featuretypes" or template == "/geospatial/featuretypes/update":
            return (201 if template.endswith("types") else 200), {"items": [FT for _ in body["items"]]}
        if template == "/geospatial/featuretypes/byids":
            return 200, {"items": [FT for _ in body["items"]]}
        if template.startswith("/geospatial/featuretypes/{featureTypeExternalId}/features") and template.endswith(
            ("features", "/update", "/byids")
        ):
            status = 201 if template.endswith("features") else 200
            return status, {"items": [FEATURE for _ in body["items"]]}
        if template in ("/geospatial/crs", "/geospatial/crs/byids"):
            if method == "POST" and template == "/geospatial/crs":
                return 201, {"items": [{**it, "createdTime": 0, "lastUpdatedTime": 0} for it in body["items"]]}
            return 200, {"items": [CRS]}
        if template == RASTER:
            if method == "PUT":
                return 200, {"srid": 3857, "width": 2, "height": 2, "numBands": 1, "scaleX": 1.0, "scaleY": -1.0}
            return 200, b"0 0 1\n"
        return 200, answers[template]


@pytest.fixture
def cdf(spec: OpenAPISpec) -> DocumentsGeoCDF:
    return DocumentsGeoCDF(spec)


async def test_every_documents_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: DocumentsGeoCDF, tmp_path: Path
) -> None:
    docs = client.documents
    flt = filters.And(
        filters.Equals(DocumentProperty.mime_type, "text/plain"),
        filters.ContainsAny(DocumentProperty.labels, [Label("l")]),
        filters.Range(DocumentProperty.page_count, gte=1),
        filters.Prefix(SourceFileProperty.name, "a"),
        filters.Exists(SourceFileProperty.metadata_key("k")),
        filters.Search(DocumentProperty.content, "pump"),
        filters.Not(filters.In(DocumentProperty.type, ["PDF", "Image"])),
    )
    await docs.list(filter=flt, sort=(SortableSourceFileProperty.name, "desc"), limit=5)
    [d async for d in docs(chunk_size=2, limit=2)]
    await docs.search("pump", highlight=True, filter=flt, sort=("title", "asc"), limit=3)
    await docs.aggregate_count(query="pump", filter=flt)
    await docs.aggregate_cardinality_values(DocumentProperty.type, query="q", filter=flt, aggregate_filter=Prefix("a"))
    await docs.aggregate_cardinality_properties(SourceFileProperty.metadata, aggregate_filter=Prefix("a"))
    await docs.aggregate_unique_values(SourceFileProperty.metadata_key("k"), aggregate_filter=Prefix("v"), limit=10)
    await docs.aggregate_unique_properties(SourceFileProperty.metadata, query="q", aggregate_filter=Prefix("k"))
    await docs.retrieve_content(id=1)
    await docs.retrieve_content(instance_id=NodeId("s", "x"))
    await docs.retrieve_content_buffer(io.BytesIO(), external_id="a")
    await docs.previews.download_page_as_png_bytes(1, page_number=2)
    await docs.previews.download_page_as_png(tmp_path, 1)
    await docs.previews.download_document_as_pdf_bytes(1)
    await docs.previews.download_document_as_pdf(tmp_path, 1)
    await docs.previews.retrieve_pdf_link(1)
    assert cdf.errors == []
    assert {template for _, template in cdf.seen} == {
        "/documents/list", "/documents/search", "/documents/aggregate", "/documents/content",
        "/documents/{documentId}/preview/image/pages/{pageNumber}", "/documents/{documentId}/preview/pdf",
        "/documents/{documentId}/preview/pdf/temporarylink",
    }  # fmt: skip


async def test_every_geospatial_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: DocumentsGeoCDF, tmp_path: Path
) -> None:
    geo = client.geospatial
    ft = FeatureTypeWrite(
        "well", {"depth": {"type": "DOUBLE"}, "loc": {"type": "POINT", "srid": 4326, "optional": True}},
        data_set_id=1, search_spec={"loc_idx": {"properties": ["loc"]}},
    )  # fmt: skip
    await geo.create_feature_types(ft)
    await geo.retrieve_feature_types(["well"])
    await geo.list_feature_types()
    await geo.patch_feature_types(
        FeatureTypePatch(
            "well", Patches(add={"x": {"type": "LONG", "optional": True}}, remove=["loc"]),
            Patches(add={"x_idx": {"properties": ["x"]}}, remove=["loc_idx"]),
        )
    )  # fmt: skip
    features = [FeatureWrite(f"w{i}", depth=1.0, loc={"wkt": "POINT(1 2)"}) for i in range(3)]
    await geo.create_features("well", features, allow_crs_transformation=True)
    await geo.update_features("well", features[0])
    await geo.retrieve_features("well", ["w1"], properties={"depth": {}})
    spatial = {"stWithin": {"property": "loc", "value": {"wkt": "POLYGON((0 0,5 0,5 5,0 5,0 0))"}}}
    flt = {"and": [{"range": {"property": "depth", "gte": 0}}, spatial, {"not": {"missing": {"property": "loc"}}}]}
    await geo.list_features("well", filter=flt, properties={"depth": {}}, limit=5, allow_crs_transformation=True)
    await geo.search_features(
        "well", filter=flt, properties={"depth": {}}, limit=5, order_by=[OrderSpec("depth", "DESC")],
        allow_crs_transformation=True, allow_dimensionality_mismatch=True,
    )  # fmt: skip
    [f async for f in geo.stream_features("well", filter=flt, properties={"depth": {}})]
    await geo.aggregate_features(
        "well", filter=flt, group_by=["depth"], order_by=[OrderSpec("n", "DESC")],
        output={"n": {"count": {"property": "depth"}}},
    )  # fmt: skip
    await geo.delete_features("well", ["w1", "w2"])
    await geo.delete_feature_types("well", recursive=True)
    await geo.list_coordinate_reference_systems()
    await geo.list_coordinate_reference_systems(only_custom=True)
    await geo.get_coordinate_reference_systems([4326])
    await geo.create_coordinate_reference_systems([CoordinateReferenceSystemWrite(121111, "PROJCS[]", "+proj")])
    await geo.delete_coordinate_reference_systems(121111)
    value = GeospatialGeometryValueComputeFunction("SRID=4326;POINT(1 2)")
    await geo.compute({"out": GeospatialGeometryTransformComputeFunction(value, 3857)})
    (tmp_path / "r.xyz").write_text("0 0 1\n")
    await geo.put_raster(
        "well", "w1", "dem", "XYZ", 3857, tmp_path / "r.xyz", allow_crs_transformation=True, raster_scale_x=1.0,
        raster_scale_y=1.0,
    )  # fmt: skip
    await geo.get_raster("well", "w1", "dem", "XYZ", raster_options={"DECIMAL_PRECISION": 1}, raster_srid=3857)
    await geo.delete_raster("well", "w1", "dem")
    assert cdf.errors == []
    assert len(cdf.seen) == 21  # every (method, path) of geospatial but GET features (list uses POST)
