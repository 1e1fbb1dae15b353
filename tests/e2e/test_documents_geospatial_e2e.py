"""End to end: the Documents and Geospatial APIs against the validating emulator over real loopback HTTP (documents
derived from uploaded files, previews and expiring links; feature types, features with property validation,
filters, streaming, aggregates, compute, rasters), a fault drill, and the docstring examples."""

from __future__ import annotations

import doctest
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.data_classes import filters
from cognite.client.data_classes.aggregations import Prefix
from cognite.client.data_classes.assets import AssetWrite
from cognite.client.data_classes.documents import (
    DocumentHighlightList,
    DocumentProperty,
    SortableSourceFileProperty,
    SourceFileProperty,
)
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
from cognite.client.data_classes.labels import Label, LabelDefinitionWrite
from cognite.client.data_classes.shared import GeoLocation, Geometry
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig) -> Iterator[CogniteClient]:
    global_config.max_retry_backoff = 0
    with CogniteClient(config) as c:
        yield c


@pytest.fixture(autouse=True)
def _no_faults(emulator: CDFEmulator) -> Iterator[None]:
    yield
    emulator.faults.clear()


def seed_documents(client: CogniteClient) -> dict[str, int]:
    client.labels.create(LabelDefinitionWrite("manual", "Manual"))
    root = client.assets.create(AssetWrite(name="plant", external_id="plant"))
    pump = client.assets.create(AssetWrite(name="pump", external_id="pump", parent_external_id="plant"))
    ids = {}
    ids["pump"] = client.files.upload_bytes(
        b"Pump P-101 manual\nInspect the pump seals monthly\n", name="pump-manual.txt", external_id="pump",
        metadata={"site": "oslo", "unit": "a"}, labels=[Label("manual")], asset_ids=[pump.id],
        geo_location=GeoLocation("Feature", Geometry("Point", [10.7, 59.9])),
    ).id  # fmt: skip
    ids["valve"] = client.files.upload_bytes(
        b"tag,value\nvalve,open\n", name="valves.csv", external_id="valve", mime_type="text/csv",
        metadata={"site": "bergen"}, asset_ids=[root.id],
    ).id  # fmt: skip
    ids["image"] = client.files.upload_bytes(b"\x89PNG....", name="photo.png", external_id="photo").id
    client.files.create(__import__("cognite.client.data_classes.files", fromlist=["x"]).FileMetadataWrite("empty.txt"))
    return ids


def test_documents_are_derived_from_files_with_content(client: CogniteClient) -> None:
    ids = seed_documents(client)
    docs = client.documents.list(limit=None)
    assert sorted(docs.as_ids()) == sorted(ids.values())  # the file without content is no document
    pump = docs.get(id=ids["pump"])
    assert pump is not None and pump.external_id == "pump" and pump.type == "Plain text" and pump.extension == "txt"
    assert pump.source_file.metadata == {"site": "oslo", "unit": "a"} and pump.labels == [Label("manual")]
    assert pump.source_file.geo_location is not None and pump.source_file.geo_location.coordinates == [10.7, 59.9]
    assert pump.truncated_content is not None and pump.truncated_content.startswith("Pump P-101")
    assert docs.get(id=ids["image"]).type == "Image"  # type: ignore[union-attr]
    by_name = client.documents.list(sort=(SortableSourceFileProperty.name, "desc"), limit=2)
    assert [d.source_file.name for d in by_name] == ["valves.csv", "pump-manual.txt"]
    assert [len(c) for c in client.documents(chunk_size=2)] == [2, 1]


def test_document_filters(client: CogniteClient) -> None:
    ids = seed_documents(client)

    def listed(flt: filters.Filter | dict) -> set[int]:  # type: ignore[type-arg]
        return set(client.documents.list(filter=flt, limit=None).as_ids())

    assert listed(filters.Equals(DocumentProperty.mime_type, "text/csv")) == {ids["valve"]}
    assert listed(filters.In(SourceFileProperty.metadata_key("site"), ["oslo", "bergen"])) == {
        ids["pump"],
        ids["valve"],
    }
    assert listed(filters.ContainsAny(DocumentProperty.labels, [Label("manual")])) == {ids["pump"]}
    assert listed(filters.Prefix(SourceFileProperty.name, "pho")) == {ids["image"]}
    assert listed(filters.Not(filters.Exists(DocumentProperty.language))) == {ids["image"]}
    assert listed(filters.Search(DocumentProperty.content, "seals")) == {ids["pump"]}
    assert listed(filters.InAssetSubtree(DocumentProperty.asset_external_ids, ["plant"])) == {ids["pump"], ids["valve"]}
    assert listed(filters.ContainsAny(DocumentProperty.asset_external_ids, ["pump"])) == {ids["pump"]}
    box = {"type": "Polygon", "coordinates": [[[10, 59], [11, 59], [11, 60], [10, 60], [10, 59]]]}
    assert listed({"geojsonWithin": {"property": ["sourceFile", "geoLocation"], "geometry": box}}) == {ids["pump"]}
    assert listed(filters.Range(DocumentProperty.page_count, gt=1)) == set()


def test_search_aggregates_and_content(client: CogniteClient) -> None:
    ids = seed_documents(client)
    hits = client.documents.search("pump seals", highlight=True)
    assert isinstance(hits, DocumentHighlightList) and hits[0].document.id == ids["pump"]
    assert hits[0].highlight.name == ["<em>pump</em>-manual.txt"]
    assert "Inspect the <em>pump</em> <em>seals</em> monthly" in hits[0].highlight.content
    assert client.documents.search("valve", filter=filters.Equals(DocumentProperty.type, "PDF")) == []
    docs = client.documents
    assert docs.aggregate_count() == 3 and docs.aggregate_count(query="valve") == 1
    assert docs.aggregate_cardinality_values(DocumentProperty.mime_type) == 3
    assert docs.aggregate_cardinality_properties(SourceFileProperty.metadata) == 2
    sites = docs.aggregate_unique_values(SourceFileProperty.metadata_key("site"), aggregate_filter=Prefix("o"))
    assert sites.unique == ["oslo"]
    assert docs.aggregate_unique_values(DocumentProperty.labels).unique == [Label("manual")]
    keys = docs.aggregate_unique_properties(SourceFileProperty.metadata, limit=1)
    assert keys.unique == ["site"] and keys[0].count == 2
    assert docs.retrieve_content(external_id="valve") == b"tag,value\nvalve,open\n"
    assert docs.retrieve_content(id=ids["image"]) == b""
    buffer = io.BytesIO()
    docs.retrieve_content_buffer(buffer, id=ids["pump"])
    assert buffer.getvalue().startswith(b"Pump P-101")
    with pytest.raises(CogniteAPIError) as err:
        docs.retrieve_content(external_id="nope")
    assert err.value.code == 400


def test_previews_and_expiring_links(client: CogniteClient, emulator: CDFEmulator, tmp_path: Path) -> None:
    ids = seed_documents(client)
    previews = client.documents.previews
    assert previews.download_page_as_png_bytes(ids["pump"]).startswith(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(CogniteAPIError):
        previews.download_page_as_png_bytes(ids["pump"], page_number=2)
    pdf = previews.download_document_as_pdf_bytes(ids["pump"])
    assert pdf.startswith(b"%PDF-") and b"(Pump P-101 manual) Tj" in pdf
    previews.download_document_as_pdf(tmp_path, ids["pump"])
    assert (tmp_path / f"{ids['pump']}.pdf").read_bytes() == pdf
    link = previews.retrieve_pdf_link(ids["pump"])
    assert httpx.get(link.url).content == pdf
    emulator.clock = lambda: link.expires_at + 1  # type: ignore[method-assign]
    try:
        for project in emulator.projects.values():
            project.clock = emulator.clock
        assert httpx.get(link.url).status_code == 403
    finally:
        import time

        emulator.clock = lambda: time.time_ns() // 1_000_000  # type: ignore[method-assign]
        for project in emulator.projects.values():
            project.clock = emulator.clock


def well_type(client: CogniteClient) -> None:
    client.geospatial.create_feature_types(
        FeatureTypeWrite(
            "well",
            {
                "depth": {"type": "DOUBLE"},
                "kind": {"type": "STRING", "size": 8, "optional": True},
                "loc": {"type": "POINT", "srid": 4326},
                "dem": {"type": "RASTER", "srid": 3857, "optional": True},
            },
            search_spec={"loc_idx": {"properties": ["loc"]}},
        )
    )


def test_feature_types_and_property_validation(client: CogniteClient) -> None:
    geo = client.geospatial
    well_type(client)
    ft = geo.retrieve_feature_types("well")
    assert {"externalId", "createdTime", "lastUpdatedTime"} <= set(ft.properties or {})
    with pytest.raises(CogniteAPIError) as err:
        geo.create_feature_types(FeatureTypeWrite("well", {"d": {"type": "DOUBLE"}}))
    assert err.value.code == 409
    with pytest.raises(CogniteNotFoundError):
        geo.retrieve_feature_types(["nope"])
    bad = [
        FeatureWrite("a", loc={"wkt": "POINT(1 2)"}),  # depth is required
        FeatureWrite("a", depth="deep", loc={"wkt": "POINT(1 2)"}),
        FeatureWrite("a", depth=1.0, loc={"wkt": "LINESTRING(1 2,3 4)"}),
        FeatureWrite("a", depth=1.0, loc={"wkt": "POINT(1 2)"}, kind="too long a kind"),
        FeatureWrite("a", depth=1.0, loc={"wkt": "POINT(1 2)"}, colour="red"),
        FeatureWrite("a", depth=1.0, loc={"wkt": "SRID=3857;POINT(1 2)"}),
    ]
    for feature in bad:
        with pytest.raises(CogniteAPIError) as err:
            geo.create_features("well", feature)
        assert err.value.code == 400, feature
    moved = geo.create_features(
        "well", FeatureWrite("m", depth=1.0, loc={"wkt": "SRID=3857;POINT(1113194.9 8399737.9)"}),
        allow_crs_transformation=True,
    )  # fmt: skip
    assert moved.loc["wkt"].startswith("POINT(9.99999")
    patched = geo.patch_feature_types(
        FeatureTypePatch("well", Patches(add={"note": {"type": "STRING", "optional": True}}, remove=["kind"]))
    )
    assert "note" in (patched[0].properties or {}) and "kind" not in (patched[0].properties or {})
    with pytest.raises(CogniteAPIError):
        geo.delete_feature_types("well")  # it has features
    geo.delete_feature_types("well", recursive=True)
    assert geo.list_feature_types() == []


def test_features_filters_streaming_and_aggregates(client: CogniteClient) -> None:
    geo = client.geospatial
    well_type(client)
    features = [
        FeatureWrite(f"w{i}", depth=float(i), kind="oil" if i % 2 else "gas", loc={"type": "Point", "coordinates": [i, i]})
        for i in range(6)
    ]  # fmt: skip
    created = geo.create_features("well", features, chunk_size=4)
    assert created.as_external_ids() == [f"w{i}" for i in range(6)] and created[2].loc == {"wkt": "POINT(2 2)"}
    assert (
        geo.update_features("well", FeatureWrite("w0", depth=10.0, kind="gas", loc={"wkt": "POINT(0 0)"})).depth == 10.0
    )
    assert len(geo.list_features("well", limit=None)) == 6 and len(geo.list_features("well", limit=2)) == 2
    inside = {"stWithin": {"property": "loc", "value": {"wkt": "POLYGON((0.5 0.5,3.5 0.5,3.5 3.5,0.5 3.5,0.5 0.5))"}}}
    found = geo.search_features("well", filter=inside, order_by=[OrderSpec("depth", "DESC")])
    assert found.as_external_ids() == ["w3", "w2", "w1"]
    oil = geo.list_features("well", filter={"and": [{"equals": {"property": "kind", "value": "oil"}}, inside]})
    assert oil.as_external_ids() == ["w1", "w3"]
    assert geo.search_features("well", filter={"like": {"property": "kind", "pattern": "g%"}}).as_external_ids() == [
        "w0", "w2", "w4",
    ]  # fmt: skip
    assert geo.retrieve_features("well", "w1", properties={"depth": {}}).dump() == {
        "externalId": "w1", "depth": 1.0,
    }  # fmt: skip
    streamed = {f.external_id for f in geo.stream_features("well", filter={"range": {"property": "depth", "gte": 4}})}
    assert streamed == {"w0", "w4", "w5"}
    rows = geo.aggregate_features(
        "well", group_by=["kind"], order_by=[OrderSpec("kind", "ASC")],
        output={"n": {"count": {"property": "depth"}}, "top": {"max": {"property": "depth"}}},
    )  # fmt: skip
    assert [(r.kind, r.n, r.top) for r in rows] == [("gas", 3, 10.0), ("oil", 3, 5.0)]
    geo.delete_features("well", ["w0", "w1"])
    with pytest.raises(CogniteNotFoundError):
        geo.retrieve_features("well", ["w0"])


def test_crs_compute_and_rasters(client: CogniteClient, tmp_path: Path) -> None:
    geo = client.geospatial
    assert {c.srid for c in geo.get_coordinate_reference_systems([4326, 3857])} == {4326, 3857}
    geo.create_coordinate_reference_systems(CoordinateReferenceSystemWrite(121111, "PROJCS[]", "+proj=tmerc"))
    assert [c.srid for c in geo.list_coordinate_reference_systems(only_custom=True)] == [121111]
    assert len(geo.list_coordinate_reference_systems()) > 1
    geo.delete_coordinate_reference_systems(121111)
    with pytest.raises(CogniteAPIError):
        geo.delete_coordinate_reference_systems(4326)  # a standard one
    point = GeospatialGeometryValueComputeFunction("SRID=4326;POINT(10 60)")
    res = geo.compute({"merc": GeospatialGeometryTransformComputeFunction(point, 3857)})
    assert res.items[0].resource["merc"]["srid"] == 3857
    well_type(client)
    geo.create_features("well", FeatureWrite("w", depth=1.0, loc={"wkt": "POINT(1 1)"}))
    path = tmp_path / "dem.xyz"
    path.write_text("0 0 1\n10 0 2\n0 10 3\n10 10 4\n")
    meta = geo.put_raster("well", "w", "dem", "XYZ", 3857, path)
    assert (meta.width, meta.height, meta.scale_x) == (2, 2, 10.0)
    assert geo.get_raster("well", "w", "dem", "XYZ") == path.read_bytes()
    geo.delete_raster("well", "w", "dem")
    with pytest.raises(CogniteAPIError):
        geo.get_raster("well", "w", "dem", "XYZ")
    with pytest.raises(CogniteAPIError):
        geo.put_raster("well", "w", "depth", "XYZ", 3857, path)  # not a raster property


async def test_async_client_and_a_fault_drill(config: ClientConfig, emulator: CDFEmulator) -> None:
    global_config.max_retry_backoff = 0
    async with AsyncCogniteClient(config) as client:
        for i in range(5):
            await client.files.upload_bytes(f"doc {i}".encode(), name=f"d{i}.txt")
        await client.geospatial.create_feature_types(FeatureTypeWrite("pt", {"v": {"type": "LONG"}}))
        await client.geospatial.create_features("pt", [FeatureWrite(f"p{i}", v=i) for i in range(50)], chunk_size=5)
        emulator.faults.add(path="/documents/*", statuses={503: 1.0}, max_faults=2)
        emulator.faults.add(path="/geospatial/*", statuses={503: 1.0}, max_faults=2)
        docs = await client.documents.list(limit=None)
        listed = await client.geospatial.list_features("pt", limit=None)
        found = await client.documents.search("doc", limit=None)
    assert len(docs) == 5 and len(listed) == 50 and len(found) == 5
    assert emulator.counters.faults["503"] == 4


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.documents as documents_api
    import cognite.client._api.geospatial as geospatial_api
    import cognite.client.data_classes.documents as documents_classes
    import cognite.client.data_classes.geospatial as geospatial_classes

    for module in (documents_api, geospatial_api, documents_classes, geospatial_classes):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
