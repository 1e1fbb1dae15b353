"""The emulator's documents and geospatial families with raw httpx (every request and response validated against
the spec): documents follow the files store; feature types and features are validated; filters, cursors,
aggregates, streaming, compute and rasters."""

from __future__ import annotations

from typing import Any

import httpx

from cognite.client.testing import CDFEmulator
from cognite.client.testing._families_documents import make_pdf, make_png
from cognite.client.testing._geometry import bbox, geojson_to_wkt, transform_wkt

from .conftest import PROJECT


async def upload(client: httpx.AsyncClient, content: bytes, **meta: Any) -> dict[str, Any]:
    created = (await client.post("/files", json={"name": "a.txt", **meta})).json()
    put = await client.put(created["uploadUrl"], content=content)
    assert put.status_code == 201
    return created  # type: ignore[no-any-return]


async def post(client: httpx.AsyncClient, path: str, body: Any, status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def test_documents_follow_the_files(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    a = await upload(client, b"alpha pump", name="a.txt", externalId="a", metadata={"k": "v"})
    b = await upload(
        client, b"%PDF-1.4 /Type /Page (beta text) Tj /Type /Page", name="b.pdf", mimeType="application/pdf"
    )
    await post(client, "/files", {"name": "no-content.txt"}, status=201)
    listed = await post(client, "/documents/list", {"limit": 1})
    assert len(listed["items"]) == 1 and "nextCursor" in listed
    rest = await post(client, "/documents/list", {"limit": 10, "cursor": listed["nextCursor"]})
    docs = {d["id"]: d for d in listed["items"] + rest["items"]}
    assert set(docs) == {a["id"], b["id"]}
    assert docs[b["id"]]["type"] == "PDF" and docs[b["id"]]["pageCount"] == 2
    assert docs[a["id"]]["sourceFile"]["metadata"] == {"k": "v"} and docs[a["id"]]["sourceFile"]["size"] == 10
    content = await client.post("/documents/content", json={"id": b["id"]})
    assert content.text == "beta text" and content.headers["content-type"].startswith("text/plain")
    await post(client, "/files/update", {"items": [{"id": a["id"], "update": {"metadata": {"set": {"n": "1"}}}}]})
    got = await post(client, "/documents/list", {"filter": {"equals": {"property": ["externalId"], "value": "a"}}})
    assert got["items"][0]["sourceFile"]["metadata"] == {"n": "1"}
    await post(client, "/files/delete", {"items": [{"id": a["id"]}]})
    assert [d["id"] for d in (await post(client, "/documents/list", {}))["items"]] == [b["id"]]
    assert emulator.spec_violations == []


async def test_document_search_highlight_aggregate_and_errors(client: httpx.AsyncClient) -> None:
    await upload(client, b"The red pump\nA blue valve", name="one.txt", metadata={"site": "x"})
    await upload(client, b"nothing here", name="pump.txt", metadata={"site": "y", "unit": "z"})
    res = await post(client, "/documents/search", {"search": {"query": "pump"}, "highlight": True})
    assert [r["item"]["sourceFile"]["name"] for r in res["items"]] == ["pump.txt", "one.txt"]
    assert res["items"][0]["highlight"] == {"name": ["<em>pump</em>.txt"], "content": []}
    assert res["items"][1]["highlight"]["content"] == ["The red <em>pump</em>"]
    count = await post(client, "/documents/aggregate", {"aggregate": "count", "search": {"query": "valve"}})
    assert count == {"items": [{"count": 1}]}
    keys = await post(client, "/documents/aggregate", {
        "aggregate": "uniqueProperties", "properties": [{"property": ["sourceFile", "metadata"]}],
        "aggregateFilter": {"prefix": {"value": "s"}},
    })  # fmt: skip
    assert keys == {"items": [{"count": 2, "values": ["site"]}]}
    values = await post(client, "/documents/aggregate", {
        "aggregate": "uniqueValues", "properties": [{"property": ["sourceFile", "metadata", "site"]}], "limit": 1,
    })  # fmt: skip
    assert len(values["items"]) == 1
    bad = await client.post("/documents/list", json={"filter": {"equals": {"property": ["nope"], "value": 1}}})
    assert bad.status_code == 400
    unknown = await client.post("/documents/content", json={"id": 1})
    assert unknown.status_code == 400 and unknown.json()["error"]["missing"] == [{"id": 1}]


async def test_previews_and_links(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    doc = await upload(client, b"line one\nline (two)", name="a.txt")
    png = await client.get(f"/documents/{doc['id']}/preview/image/pages/1")
    assert png.headers["content-type"] == "image/png" and png.content == make_png()
    assert (await client.get(f"/documents/{doc['id']}/preview/image/pages/2")).status_code == 400
    pdf = await client.get(f"/documents/{doc['id']}/preview/pdf")
    assert pdf.content == make_pdf("line one\nline (two)") and b"(line \\(two\\)) Tj" in pdf.content
    link = (await client.get(f"/documents/{doc['id']}/preview/pdf/temporarylink")).json()
    assert (await client.get(link["temporaryLink"], headers={"Authorization": ""})).content == pdf.content
    emulator.project(PROJECT).clock = lambda: link["expirationTime"] + 1
    assert (await client.get(link["temporaryLink"])).status_code == 403


def well(**props: Any) -> dict[str, Any]:
    return {
        "externalId": "well",
        "properties": {"depth": {"type": "DOUBLE"}, "loc": {"type": "POINT", "srid": 4326}, **props},
    }


async def test_feature_types_and_feature_validation(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    created = await post(
        client, "/geospatial/featuretypes", {"items": [well(tag={"type": "STRING", "size": 3, "optional": True})]}, 201
    )
    assert set(created["items"][0]["properties"]) == {
        "depth",
        "loc",
        "tag",
        "externalId",
        "createdTime",
        "lastUpdatedTime",
    }
    assert (await client.post("/geospatial/featuretypes", json={"items": [well()]})).status_code == 409
    bad_type = {"items": [{"externalId": "t", "properties": {"p": {"type": "POINT"}}}]}  # no srid
    assert (await client.post("/geospatial/featuretypes", json=bad_type)).status_code == 400
    path = "/geospatial/featuretypes/well/features"
    good = {"externalId": "w", "depth": 1, "loc": {"type": "Point", "coordinates": [1, 2]}}
    assert (await post(client, path, {"items": [good]}, 201))["items"][0]["loc"] == {"wkt": "POINT(1 2)"}
    for feature in (
        {"externalId": "x", "loc": {"wkt": "POINT(1 2)"}},
        {"externalId": "x", "depth": True, "loc": {"wkt": "POINT(1 2)"}},
        {"externalId": "x", "depth": 1, "loc": {"wkt": "POLYGON((0 0,1 0,1 1,0 0))"}},
        {"externalId": "x", "depth": 1, "loc": {"wkt": "POINT(1 2)"}, "tag": "toolong"},
        {"externalId": "x", "depth": 1, "loc": {"wkt": "SRID=3857;POINT(1 2)"}},
        {"externalId": "x", "depth": 1, "loc": {"wkt": "POINT(1 2)"}, "other": 1},
    ):
        assert (await client.post(path, json={"items": [feature]})).status_code == 400, feature
    assert (await client.post(path, json={"items": [good]})).status_code == 409
    missing = await client.post(path + "/byids", json={"items": [{"externalId": "nope"}]})
    assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"externalId": "nope"}]
    patched = await post(client, "/geospatial/featuretypes/update", {"items": [
        {"externalId": "well", "update": {"properties": {"remove": ["tag"]}, "searchSpec": {"add": {"d": {"properties": ["depth"]}}}}}
    ]})  # fmt: skip
    assert "tag" not in patched["items"][0]["properties"] and "d" in patched["items"][0]["searchSpec"]
    required = {"externalId": "well", "update": {"properties": {"add": {"r": {"type": "LONG"}}}}}
    assert (await client.post("/geospatial/featuretypes/update", json={"items": [required]})).status_code == 400
    assert (
        await client.post("/geospatial/featuretypes/delete", json={"items": [{"externalId": "well"}]})
    ).status_code == 400
    await post(client, "/geospatial/featuretypes/delete", {"items": [{"externalId": "well"}], "recursive": True})
    assert (await client.post("/geospatial/featuretypes/list")).json() == {"items": []}
    assert emulator.spec_violations == []


async def test_feature_queries(client: httpx.AsyncClient) -> None:
    await post(client, "/geospatial/featuretypes", {"items": [well(kind={"type": "STRING", "optional": True})]}, 201)
    path = "/geospatial/featuretypes/well/features"
    items = [
        {"externalId": f"f{i}", "depth": i, "kind": "ab"[i % 2], "loc": {"wkt": f"POINT({i} {i})"}} for i in range(6)
    ]
    await post(client, path, {"items": items}, 201)
    page = await post(client, path + "/list", {"limit": 4})
    rest = await post(client, path + "/list", {"limit": 4, "cursor": page["nextCursor"]})
    assert len(page["items"]) == 4 and len(rest["items"]) == 2 and "nextCursor" not in rest
    box = {"stIntersects": {"property": "loc", "value": {"wkt": "POLYGON((1.5 1.5,4 1.5,4 4,1.5 4,1.5 1.5))"}}}
    found = await post(
        client, path + "/search", {"filter": box, "sort": ["depth:DESC"], "output": {"properties": {"depth": {}}}}
    )
    assert found["items"] == [{"externalId": f"f{i}", "depth": i} for i in (4, 3, 2)]
    regex = await post(
        client,
        path + "/search",
        {
            "filter": {
                "or": [{"regex": {"property": "kind", "pattern": "^b"}}, {"in": {"property": "depth", "values": [0]}}]
            }
        },
    )
    assert [f["externalId"] for f in regex["items"]] == ["f0", "f1", "f3", "f5"]
    stream = await client.post(
        path + "/search-streaming",
        json={"filter": {"missing": {"property": "kind"}}},
        headers={"accept": "application/json-seq"},
    )
    assert stream.content == b""
    stream = await client.post(
        path + "/search-streaming", json={"limit": 2}, headers={"accept": "application/json-seq"}
    )
    assert len(stream.content.splitlines()) == 2
    agg = await post(client, path + "/aggregate", {"groupBy": ["kind"], "sort": ["kind:DESC"], "output": {
        "n": {"count": {"property": "depth"}}, "avg": {"avg": {"property": "depth"}}, "var": {"variance": {"property": "depth"}},
    }})  # fmt: skip
    assert agg["items"] == [
        {"kind": "b", "n": 3, "avg": 3.0, "var": 4.0},
        {"kind": "a", "n": 3, "avg": 2.0, "var": 4.0},
    ]
    old = await post(client, path + "/aggregate", {"aggregates": ["min", "max"], "property": "depth"})
    assert old["items"] == [{"min": 0, "max": 5}]
    assert (
        await client.post(
            path + "/search",
            json={"filter": {"stWithinDistance": {"property": "loc", "value": {"wkt": "POINT(0 0)"}, "distance": 1}}},
        )
    ).status_code == 400
    got = await client.get(path, params={"limit": 2})
    assert got.status_code == 200 and len(got.json()["items"]) == 2


async def test_crs_compute_rasters(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    assert 4326 in [c["srid"] for c in (await client.get("/geospatial/crs")).json()["items"]]
    crs = {"srid": 200000, "wkt": "PROJCS[]", "projString": "+proj=tmerc"}
    await post(client, "/geospatial/crs", {"items": [crs]}, 201)
    assert (await client.post("/geospatial/crs", json={"items": [crs]})).status_code == 409
    custom = (await client.get("/geospatial/crs", params={"filterOnlyCustom": "true"})).json()["items"]
    assert [c["srid"] for c in custom] == [200000]
    assert (await client.post("/geospatial/crs/delete", json={"items": [{"srid": 4326}]})).status_code == 400
    computed = await post(
        client,
        "/geospatial/compute",
        {"output": {"p": {"stTransform": {"geometry": {"ewkt": "SRID=3857;POINT(0 0)"}, "srid": 4326}}}},
    )
    assert computed == {"items": [{"p": {"wkt": "POINT(0 0)", "srid": 4326}}]}
    unsupported = {"output": {"p": {"stTransform": {"geometry": {"ewkt": "SRID=4326;POINT(0 0)"}, "srid": 25832}}}}
    assert (await client.post("/geospatial/compute", json=unsupported)).status_code == 400
    await post(
        client, "/geospatial/featuretypes", {"items": [well(r={"type": "RASTER", "srid": 3857, "optional": True})]}, 201
    )
    await post(
        client,
        "/geospatial/featuretypes/well/features",
        {"items": [{"externalId": "w", "depth": 1, "loc": {"wkt": "POINT(0 0)"}}]},
        201,
    )
    raster = "/geospatial/featuretypes/well/features/w/rasters/r"
    put = await client.put(
        raster,
        params={"format": "XYZ", "srid": "3857"},
        content=b"0 0 1\n2 0 2\n4 0 3\n",
        headers={"content-type": "application/octet-stream"},
    )
    assert put.status_code == 200 and put.json()["width"] == 3 and put.json()["height"] == 1
    assert (await client.post(raster, json={"format": "XYZ"})).content == b"0 0 1\n2 0 2\n4 0 3\n"
    assert (await client.post(raster, json={"format": "GTiff"})).status_code == 400
    assert (await client.post(raster + "/delete")).status_code == 200
    assert (await client.post(raster, json={"format": "XYZ"})).status_code == 400
    assert emulator.spec_violations == []


def test_geometry_helpers() -> None:
    assert bbox({"wkt": "SRID=4326;LINESTRING Z(0 1 5,2 3 5)"}) == (0.0, 1.0, 2.0, 3.0)
    assert bbox({"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [5, 6]}]}) == (
        5,
        6,
        5,
        6,
    )
    assert geojson_to_wkt({"type": "MultiPoint", "coordinates": [[1, 2], [3, 4.5]]}) == "MULTIPOINT(1 2,3 4.5)"
    there = transform_wkt("POINT(10 60)", 4326, 3857)
    assert transform_wkt(there, 3857, 4326) == "POINT(10 60)"
