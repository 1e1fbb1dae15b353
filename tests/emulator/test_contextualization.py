"""The emulator's annotations, entity matching, diagram and vision endpoints, driven with raw httpx through the
in-process transport. The emulator fixture validates every request and response against the CDF OpenAPI spec."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from cognite.client.testing._annotation_data import ANNOTATION_TYPES, check_annotation_data
from cognite.client.testing._errors import CDFError

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}
BOX = {"xMin": 0.1, "xMax": 0.2, "yMin": 0.1, "yMax": 0.2}


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def get(client: httpx.AsyncClient, path: str, status: int = 200) -> Any:
    response = await client.get(path)
    assert response.status_code == status, response.text
    return response.json()


async def upload(client: httpx.AsyncClient, name: str, content: bytes) -> dict[str, Any]:
    created = await post(client, "/files", {"name": name, "externalId": name}, 201)
    assert (await client.put(created["uploadUrl"], content=content)).status_code == 201
    return created  # type: ignore[no-any-return]


def annotation(resource_id: int = 5, **fields: Any) -> dict[str, Any]:
    return {
        "annotatedResourceType": "file",
        "annotatedResourceId": resource_id,
        "annotationType": "images.ObjectDetection",
        "creatingApp": "app",
        "creatingAppVersion": "1.0.0",
        "creatingUser": None,
        "data": {"label": "pump", "boundingBox": BOX},
        "status": "approved",
        **fields,
    }


# ---------------------------------------------------------------------------------------------- annotations


async def test_annotations_lifecycle(client: httpx.AsyncClient) -> None:
    created = (await post(client, "/annotations", {"items": [annotation(), annotation(6, status="rejected")]}, 201))[
        "items"
    ]
    assert [a["annotatedResourceId"] for a in created] == [5, 6] and created[0]["creatingUser"] is None
    suggested = await post(
        client, "/annotations/suggest", {"items": [{k: v for k, v in annotation(7).items() if k != "status"}]}, 201
    )
    assert suggested["items"][0]["status"] == "suggested"
    one = await get(client, f"/annotations/{created[0]['id']}")
    assert one["data"]["label"] == "pump"
    flt = {"annotatedResourceType": "file", "annotatedResourceIds": [{"id": 5}, {"id": 6}]}
    page = await post(client, "/annotations/list", {"filter": flt, "limit": 1})
    assert len(page["items"]) == 1 and "nextCursor" in page
    rest = await post(client, "/annotations/list", {"filter": flt, "limit": 1, "cursor": page["nextCursor"]})
    assert rest["items"][0]["annotatedResourceId"] == 6
    by_data = await post(
        client, "/annotations/list", {"filter": {**flt, "data": {"label": "pump", "boundingBox": {"xMin": 0.1}}}}
    )
    assert len(by_data["items"]) == 2
    assert (await post(client, "/annotations/list", {"filter": {**flt, "status": "rejected"}}))["items"][0][
        "annotatedResourceId"
    ] == 6
    await post(client, "/annotations/list", {"filter": {"annotatedResourceType": "file"}}, 400)
    looked = await post(
        client,
        "/annotations/reverselookup",
        {"filter": {"annotatedResourceType": "file", "status": "approved"}, "limit": 1},
    )
    assert looked == {"items": [{"id": 5}], "annotatedResourceType": "file"}
    everything = await post(
        client, "/annotations/reverselookup", {"filter": {"annotatedResourceType": "file"}, "limit": 2}
    )
    more = await post(
        client,
        "/annotations/reverselookup",
        {"filter": {"annotatedResourceType": "file"}, "cursor": everything["nextCursor"]},
    )
    assert [r["id"] for r in everything["items"] + more["items"]] == [5, 6, 7]
    change = {
        "id": created[0]["id"],
        "update": {"annotationType": {"set": "images.Classification"}, "data": {"set": {"label": "x"}}},
    }
    updated = (await post(client, "/annotations/update", {"items": [change]}))["items"][0]
    assert updated["annotationType"] == "images.Classification"
    bad = {"id": created[0]["id"], "update": {"data": {"set": {"label": "x", "boundingBox": BOX}}}}
    assert "unknown field" in (await post(client, "/annotations/update", {"items": [bad]}, 400))["error"]["message"]
    await post(client, "/annotations/delete", {"items": [{"id": created[0]["id"]}]})
    missing = await post(client, "/annotations/byids", {"items": [{"id": created[0]["id"]}]}, 400)
    assert missing["error"]["missing"] == [{"id": created[0]["id"]}]


@pytest.fixture
async def lenient() -> AsyncIterator[httpx.AsyncClient]:
    """A client of an emulator that does not check requests against the spec (the emulator's own checks answer)."""
    emulator = CDFEmulator(seed=5)
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://cdf.local/api/v1/projects/{PROJECT}", headers=AUTH
    ) as c:
        yield c


async def test_annotation_data_is_checked_per_type(lenient: httpx.AsyncClient) -> None:
    client = lenient
    cases = [
        ({"annotationType": "images.ObjectDetection", "data": {"label": "p"}}, "exactly one of"),
        ({"annotationType": "images.TextRegion", "data": {"text": "a", "textRegion": {**BOX, "xMin": 2}}}, "between"),
        ({"annotationType": "images.Classification", "data": {"label": ""}}, "characters"),
        (
            {
                "annotationType": "diagrams.AssetLink",
                "data": {"textRegion": BOX, "assetRef": {"id": 1, "externalId": "a"}},
            },
            "exactly one",
        ),
        ({"annotationType": "images.Unknown", "data": {}}, "Unknown annotationType"),
        ({"status": "maybe"}, "Invalid status"),
        ({"creatingApp": None}, "creatingApp"),
    ]
    for fields, message in cases:
        body = await post(client, "/annotations", {"items": [annotation(**fields)]}, 400)
        assert message in body["error"]["message"], (fields, body)
    ok = [
        ("images.KeypointCollection", {"label": "g", "keypoints": {"tip": {"point": {"x": 0.5, "y": 0.5}}}}),
        ("diagrams.FileLink", {"fileRef": {"externalId": "f"}, "textRegion": BOX, "pageNumber": 2}),
        ("documents.ExtractedText", {"extractedText": "hello", "textRegion": BOX}),
        ("images.AssetLink", {"text": "P", "textRegion": BOX, "assetRef": {"id": 3}}),
        ("diagrams.Line", {"label": "l", "polyline": {"vertices": [{"x": 0, "y": 0}, {"x": 1, "y": 1}]}}),
    ]
    items = [annotation(annotationType=t, data=d) for t, d in ok]
    assert len((await post(client, "/annotations", {"items": items}, 201))["items"]) == len(ok)


def test_every_annotation_type_of_the_spec_has_a_check(spec: Any) -> None:
    documented = spec.resolve("#/components/schemas/AnnotationType")["enum"]
    assert sorted(documented) == sorted(ANNOTATION_TYPES)
    with pytest.raises(CDFError, match="minimum above"):
        check_annotation_data("images.TextRegion", {"text": "a", "textRegion": {**BOX, "xMin": 0.5}})


# ---------------------------------------------------------------------------------------------- entity matching


async def test_entity_matching_fit_predict_refit(client: httpx.AsyncClient) -> None:
    sources = [{"id": 1, "name": "21PT1019"}, {"id": 2, "name": "pump 7"}]
    targets = [{"id": 10, "name": "21-PT-1019"}, {"id": 11, "name": "Pump-7"}, {"id": 12, "name": "valve"}]
    model = await post(client, "/context/entitymatching", {"sources": sources, "targets": targets, "externalId": "m"})
    assert model["status"] == "Queued" and model["name"] is None and model["featureType"] == "simple"
    assert (await get(client, f"/context/entitymatching/{model['id']}"))["status"] == "Completed"
    job = await post(
        client, "/context/entitymatching/predict", {"externalId": "m", "numMatches": 2, "scoreThreshold": 0.5}
    )
    assert job["status"] == "Queued"
    result = await get(client, f"/context/entitymatching/jobs/{job['jobId']}")
    assert result["status"] == "Completed"
    best = [[m["target"]["id"] for m in item["matches"]] for item in result["items"]]
    assert best[0][0] == 10 and best[1][0] == 11 and result["items"][0]["matches"][0]["score"] == 1.0
    refit = await post(
        client, "/context/entitymatching/refit", {"id": model["id"], "trueMatches": [{"sourceId": 2, "targetId": 12}]}
    )
    assert refit["originalId"] == model["id"]
    again = await post(client, "/context/entitymatching/predict", {"id": refit["id"], "numMatches": 1})
    matches = (await get(client, f"/context/entitymatching/jobs/{again['jobId']}"))["items"][1]["matches"]
    assert matches == [{"score": 1.0, "target": {"id": 12, "name": "valve"}}]
    jobs = (await get(client, "/context/entitymatching/jobs"))["items"]
    assert {j["jobId"] for j in jobs} == {job["jobId"], again["jobId"]} and all("items" not in j for j in jobs)
    listed = await post(client, "/context/entitymatching/list", {"filter": {"originalId": model["id"]}})
    assert [m["id"] for m in listed["items"]] == [refit["id"]]
    renamed = await post(
        client, "/context/entitymatching/update", {"items": [{"externalId": "m", "update": {"name": {"set": "n"}}}]}
    )
    assert renamed["items"][0]["name"] == "n"
    assert len((await get(client, "/context/entitymatching"))["items"]) == 2
    await post(client, "/context/entitymatching/delete", {"items": [{"externalId": "m"}]})
    await get(client, f"/context/entitymatching/{model['id']}", 400)


async def test_entity_matching_refuses_missing_fields(client: httpx.AsyncClient) -> None:
    body = {"sources": [{"id": 1}], "targets": [{"id": 2, "name": "a"}]}
    assert "ignoreMissingFields" in (await post(client, "/context/entitymatching", body, 400))["error"]["message"]
    assert (await post(client, "/context/entitymatching", {**body, "ignoreMissingFields": True}))[
        "ignoreMissingFields"
    ] is True
    await post(client, "/context/entitymatching/predict", {"id": 123}, 400)


# ---------------------------------------------------------------------------------------------- diagrams and vision


async def test_diagram_detect_and_convert(client: httpx.AsyncClient) -> None:
    f = await upload(client, "pid.txt", b"P-101 to v-7\nP-1010\fpage two: P-101")
    image = await upload(client, "img.png", b"\x89PNG\r\n\x1a\n\x00\xff")
    entities = [{"name": "P-101", "id": 1}, {"name": ["V-7", "X"], "id": 2}]
    started = await post(
        client,
        "/context/diagram/detect",
        {"items": [{"fileExternalId": "pid.txt"}, {"fileId": image["id"]}], "entities": entities},
    )
    assert started["status"] == "Queued" and started["items"][0] == {"fileId": f["id"], "fileExternalId": "pid.txt"}
    result = await get(client, f"/context/diagram/detect/{started['jobId']}")
    item, failed = result["items"]
    assert [(a["text"], a["region"]["page"]) for a in item["annotations"]] == [("P-101", 1), ("v-7", 1), ("P-101", 2)]
    assert item["pageCount"] == 2 and "not text" in failed["errorMessage"]
    ranged = await post(
        client,
        "/context/diagram/detect",
        {
            "items": [{"fileId": f["id"], "pageRange": {"begin": 2, "end": 2}}],
            "entities": entities,
            "partialMatch": True,
            "configuration": {"caseSensitive": True},
        },
    )
    texts = [
        a["text"] for a in (await get(client, f"/context/diagram/detect/{ranged['jobId']}"))["items"][0]["annotations"]
    ]
    assert texts == ["P-101"]
    await post(client, "/context/diagram/detect", {"items": [{"fileId": 1}], "entities": entities}, 400)
    shaped = await post(
        client,
        "/context/diagram/detect",
        {"items": [{"fileId": f["id"]}], "entities": [{"name": "X-000"}], "patternMode": True},
    )
    texts = [
        a["text"] for a in (await get(client, f"/context/diagram/detect/{shaped['jobId']}"))["items"][0]["annotations"]
    ]
    assert texts == ["P-101", "P-101"]
    converted = await post(
        client, "/context/diagram/convert", {"items": [{"fileId": f["id"], "annotations": item["annotations"]}]}
    )
    pages = (await get(client, f"/context/diagram/convert/{converted['jobId']}"))["items"][0]["results"]
    assert [p["page"] for p in pages] == [1, 2]
    svg = await client.get(pages[0]["svgUrl"])
    assert svg.status_code == 200 and b"<rect" in svg.content and b"P-101" in svg.content
    png = await client.get(pages[0]["pngUrl"])
    assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG")
    await get(client, f"/context/diagram/detect/{converted['jobId']}", 400)


async def test_vision_extract(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    await post(client, "/assets", {"items": [{"name": "21-PI-1"}, {"name": "tank"}]}, 201)
    f = await upload(client, "img.txt", b"GAUGE 21-PI-1")
    started = await post(
        client,
        "/context/vision/extract",
        {"items": [{"fileId": f["id"]}], "features": ["TextDetection", "AssetTagDetection", "ValveDetection"]},
    )
    assert started["features"] == ["TextDetection", "AssetTagDetection", "ValveDetection"]
    done = await get(client, f"/context/vision/extract/{started['jobId']}")
    predictions = done["items"][0]["predictions"]
    assert [t["text"] for t in predictions["textPredictions"]] == ["GAUGE", "21-PI-1"]
    assert [t["text"] for t in predictions["assetTagPredictions"]] == ["21-PI-1"] and predictions[
        "valvePredictions"
    ] == []
    await post(
        client,
        "/context/vision/extract",
        {"items": [{"fileId": f["id"]}], "features": ["TextDetection", "TextDetection"]},
        400,
    )
