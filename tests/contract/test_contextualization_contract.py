"""Contract tests: every request of annotations, entity matching, diagrams and vision validates against the spec."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import AnnotationFilter, AnnotationUpdate, AnnotationWrite, Asset
from cognite.client.data_classes.annotation_types.images import ObjectDetection
from cognite.client.data_classes.annotation_types.primitives import BoundingBox
from cognite.client.data_classes.annotations import AnnotationReverseLookupFilter
from cognite.client.data_classes.contextualization import (
    AssetTagDetectionParameters,
    ConnectionFlags,
    DiagramDetectConfig,
    EntityMatchingModelUpdate,
    FeatureParameters,
    FileReference,
)
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

TIMES = {"createdTime": 1, "startTime": 1, "statusTime": 1}
BOX = {"xMin": 0.1, "xMax": 0.2, "yMin": 0.1, "yMax": 0.2}
REGION = {"shape": "rectangle", "page": 1, "vertices": [{"x": 0.1, "y": 0.1}] * 4}


def _ann(i: int) -> dict[str, Any]:
    return {
        "id": i,
        "createdTime": 1,
        "lastUpdatedTime": 1,
        "annotatedResourceType": "file",
        "annotatedResourceId": 5,
        "annotationType": "images.ObjectDetection",
        "creatingApp": "app",
        "creatingAppVersion": "1.0.0",
        "creatingUser": None,
        "data": {"label": "pump", "boundingBox": BOX},
        "status": "approved",
    }


def _model(i: int, **fields: Any) -> dict[str, Any]:
    base = {"id": i, "externalId": None, "name": "m", "description": None, "status": "Completed", **TIMES}
    return {**base, "featureType": "simple", "classifier": "randomforest", **fields}


class ContextCDF(SpecCheckedCDF):
    """Answers contextualization requests with canned valid bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if path in ("/annotations", "/annotations/suggest"):
            return 201, {"items": [_ann(i + 1) for i in range(len(body["items"]))]}
        if path == "/annotations/reverselookup":
            return 200, {"items": [{"id": 5}], "annotatedResourceType": "file"}
        if path == "/annotations/delete" or path == "/context/entitymatching/delete":
            return 200, {}
        if path.startswith("/annotations"):
            return 200, _ann(1) if method == "GET" else {"items": [_ann(1)]}
        if path == "/context/entitymatching/predict":
            return 200, {"jobId": 7, "status": "Queued", **TIMES}
        if path == "/context/entitymatching/jobs/7":
            return 200, {"jobId": 7, "status": "Completed", **TIMES, "items": [{"source": {}, "matches": []}]}
        if path == "/context/entitymatching/jobs":
            return 200, {"items": [{"jobId": 7, "status": "Completed", **TIMES}]}
        if path == "/context/entitymatching/refit":
            return 200, _model(2, originalId=1)
        if path.startswith("/context/entitymatching") and (
            (method == "GET" and template.endswith("{id}")) or path == "/context/entitymatching"
        ):
            return 200, _model(1)
        if path.startswith("/context/entitymatching"):
            return 200, {"items": [_model(1)]}
        if path == "/context/diagram/detect":
            return 200, {"jobId": 3, "status": "Queued", **TIMES, "items": [{"fileId": 9}]}
        if path == "/context/diagram/detect/3":
            annotation = {"text": "P-1", "confidence": 1.0, "region": REGION, "entities": [{"name": "P-1"}]}
            return 200, {
                "jobId": 3,
                "status": "Completed",
                **TIMES,
                "items": [{"fileId": 9, "annotations": [annotation]}],
            }
        if path == "/context/diagram/convert":
            return 200, {"jobId": 4, "status": "Queued", **TIMES, "items": [{"fileId": 9}]}
        if path == "/context/diagram/convert/4":
            page = {"page": 1, "svgUrl": "s", "pngUrl": "p"}
            return 200, {"jobId": 4, "status": "Completed", **TIMES, "items": [{"fileId": 9, "results": [page]}]}
        if path == "/context/vision/extract":
            return 200, {
                "jobId": 6,
                "status": "Queued",
                **TIMES,
                "items": [{"fileId": 9}],
                "features": body["features"],
            }
        if path == "/context/vision/extract/6":
            predictions = {"textPredictions": [{"text": "P-1", "textRegion": BOX, "confidence": 1.0}]}
            return 200, {
                "jobId": 6,
                "status": "Completed",
                **TIMES,
                "items": [{"fileId": 9, "predictions": predictions}],
            }
        return 404, {"error": {"code": 404, "message": f"no canned answer for {method} {path}"}}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> ContextCDF:
    return ContextCDF(spec)


async def test_every_annotations_request_matches_the_spec(client: AsyncCogniteClient, cdf: ContextCDF) -> None:
    a = client.annotations
    w = AnnotationWrite(
        "images.ObjectDetection",
        ObjectDetection("p", bounding_box=BoundingBox(0, 1, 0, 1)),
        "approved",
        "app",
        "1.0.0",
        None,
        "file",
        5,
    )
    await a.create([w])
    await a.suggest(
        AnnotationWrite("images.Classification", {"label": "p"}, "suggested", "app", "1.0.0", "me", "file", 5)
    )
    await a.retrieve(1)
    await a.retrieve_multiple([1, 2])
    await a.list(
        AnnotationFilter(
            "file", [{"id": 5}, {"externalId": "f"}], annotation_type="images.ObjectDetection", data={"label": "p"}
        ),
        limit=10,
    )
    await a.reverse_lookup(AnnotationReverseLookupFilter("file", status="approved", creating_app="app"), limit=5)
    await a.update(
        [
            AnnotationUpdate(id=1)
            .status.set("rejected")
            .data.set({"label": "q"})
            .annotation_type.set("images.Classification")
        ]
    )
    await a.delete([1, 2])
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} >= {
        "/annotations",
        "/annotations/suggest",
        "/annotations/reverselookup",
        "/annotations/{annotationId}",
    }


async def test_every_contextualization_request_matches_the_spec(client: AsyncCogniteClient, cdf: ContextCDF) -> None:
    em = client.entity_matching
    model = await em.fit(
        sources=[Asset(id=1, name="a")],
        targets=[{"id": 2, "name": "b"}],
        true_matches=[(1, "x")],
        match_fields=[("name", "name")],
        feature_type="bigram",
        classifier="randomforest",
        ignore_missing_fields=True,
        name="m",
        description="d",
        external_id="x",
    )
    await model.wait_for_completion_async(interval=0)
    job = await em.predict(
        sources=[{"name": "a"}], targets=[{"name": "b"}], num_matches=2, score_threshold=0.5, external_id="x"
    )
    await job.wait_for_completion_async(interval=0)
    await em.refit(true_matches=[{"sourceExternalId": "a", "targetId": 2}], id=1)
    await em.retrieve(id=1)
    await em.retrieve_multiple(ids=[1], external_ids=["x"])
    await em.list(name="m", description="d", original_id=1, feature_type="simple", classifier="randomforest", limit=5)
    await em.list_jobs()
    await em.update(EntityMatchingModelUpdate(external_id="x").name.set("n").description.set("d"))
    await em.delete(id=[1], external_id="x")

    detect = await client.diagrams.detect(
        [{"name": "P-1"}],
        file_ids=[9],
        file_external_ids="x",
        file_instance_ids=NodeId("s", "f"),
        file_references=FileReference(file_id=8, first_page=1, last_page=3),
        partial_match=True,
        min_tokens=1,
        pattern_mode=False,
        configuration=DiagramDetectConfig(
            case_sensitive=True, connection_flags=ConnectionFlags(natural_reading_order=True)
        ),
    )
    await client.diagrams.get_detect_jobs([3])
    converted = await client.diagrams.convert(detect)
    await converted.wait_for_completion_async(interval=0)

    params = FeatureParameters(
        asset_tag_detection_parameters=AssetTagDetectionParameters(threshold=0.5, partial_match=True)
    )
    extract = await client.vision.extract(
        ["TextDetection", "AssetTagDetection"], file_ids=[9], file_external_ids=["x"], parameters=params
    )
    await extract.wait_for_completion_async(interval=0)
    await client.vision.get_extract_job(6)
    assert cdf.errors == []


def test_spec_errata_of_contextualization(spec: OpenAPISpec) -> None:
    assert (
        spec.request_errors("POST", "/context/diagram/detect", {"items": [{"fileId": 1}], "entities": [{"name": "a"}]})
        == []
    )
    assert spec.request_errors(
        "POST", "/context/diagram/detect", {"items": [{"pageRange": {"begin": 1, "end": 1}}], "entities": [{}]}
    )
    assert spec.request_errors("POST", "/annotations/reverselookup", {"filter": {}}), (
        "annotatedResourceType is required"
    )
    errors = spec.response_errors("GET", "/context/entitymatching/1", 200, _model(1, name=None))
    assert errors == []
