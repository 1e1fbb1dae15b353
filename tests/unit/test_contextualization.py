"""Annotations, entity matching, diagrams and vision against a fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import (
    Annotation,
    AnnotationFilter,
    AnnotationList,
    AnnotationUpdate,
    AnnotationWrite,
    Asset,
    EntityMatchingModel,
)
from cognite.client.data_classes.annotation_types.images import AssetLink, ObjectDetection
from cognite.client.data_classes.annotation_types.primitives import BoundingBox, CdfResourceRef, Point
from cognite.client.data_classes.annotations import AnnotationReverseLookupFilter
from cognite.client.data_classes.contextualization import (
    ConnectionFlags,
    ContextualizationJobList,
    CustomizeFuzziness,
    DetectJobBundle,
    DiagramConvertResults,
    DiagramDetectConfig,
    DiagramDetectResults,
    EntityMatchingModelUpdate,
    EntityMatchingPredictionResult,
    FeatureParameters,
    FileReference,
    JobStatus,
    TextDetectionParameters,
    VisionExtractJob,
    VisionFeature,
)
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.exceptions import CogniteModelFailedError, CogniteNotFoundError

TIMES = {"createdTime": 1, "startTime": 1, "statusTime": 1}


def ann(i: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": i,
        "createdTime": 1,
        "lastUpdatedTime": 1,
        "annotatedResourceType": "file",
        "annotatedResourceId": 5,
        "annotationType": "images.Classification",
        "creatingApp": "app",
        "creatingAppVersion": "1.0.0",
        "creatingUser": None,
        "data": {"label": "pump"},
        "status": "approved",
        **fields,
    }


def write(status: str = "approved", **fields: Any) -> AnnotationWrite:
    base: dict[str, Any] = dict(
        annotation_type="images.Classification",
        data={"label": "pump"},
        status=status,
        creating_app="app",
        creating_app_version="1.0.0",
        creating_user=None,
        annotated_resource_type="file",
        annotated_resource_id=5,
    )
    return AnnotationWrite(**{**base, **fields})


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


def echo_created(body: dict[str, Any]) -> httpx.Response:
    items = [ann(i + 1, **{"status": "suggested", **it}) for i, it in enumerate(body["items"])]
    return httpx.Response(201, json={"items": items})


# ---------------------------------------------------------------------------------------------- annotations


async def test_annotations_create_and_suggest(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({"POST /annotations": echo_created, "POST /annotations/suggest": echo_created})
    one = await async_client.annotations.create(
        write(data=ObjectDetection(label="x", bounding_box=BoundingBox(0, 1, 0, 1)))
    )
    assert isinstance(one, Annotation) and one.id == 1
    many = await async_client.annotations.create([write(), Annotation.load(ann(9))])
    assert isinstance(many, AnnotationList) and len(many) == 2
    sent = bodies(fake, "POST /annotations")
    assert sent[0]["items"][0]["data"] == {"label": "x", "boundingBox": {"xMin": 0, "xMax": 1, "yMin": 0, "yMax": 1}}
    assert sent[0]["items"][0]["creatingUser"] is None and sent[0]["items"][0]["status"] == "approved"
    assert "id" not in sent[1]["items"][1]
    suggested = await async_client.annotations.suggest(write(status="suggested"))
    assert suggested.status == "suggested"
    assert "status" not in bodies(fake, "POST /annotations/suggest")[0]["items"][0]
    with pytest.raises(ValueError, match="suggested"):
        await async_client.annotations.suggest(write(status="approved"))
    with pytest.raises(TypeError, match="annotations"):
        await async_client.annotations.create({"annotationType": "x"})  # type: ignore[call-overload]
    assert len(fake.requests) == 3


async def test_annotations_read_update_delete(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    missing = httpx.Response(400, json={"error": {"code": 400, "message": "m", "missing": [{"id": 2}]}})
    fake = routed_cdf(
        {
            "GET /annotations/1": ann(1),
            "GET /annotations/2": missing,
            "POST /annotations/byids": [{"items": [ann(1), ann(3)]}, missing],
            "POST /annotations/update": lambda body: {
                "items": [ann(it["id"], status="rejected") for it in body["items"]]
            },
            "POST /annotations/delete": {},
            "POST /annotations/list": [{"items": [ann(1)], "nextCursor": "c"}, {"items": [ann(2)]}],
        }
    )
    assert (await async_client.annotations.retrieve(1)).id == 1  # type: ignore[union-attr]
    assert await async_client.annotations.retrieve(2) is None
    assert (await async_client.annotations.retrieve_multiple([1, 3])).as_ids() == [1, 3]
    with pytest.raises(CogniteNotFoundError):
        await async_client.annotations.retrieve_multiple([2])
    assert bodies(fake, "POST /annotations/byids")[0] == {"items": [{"id": 1}, {"id": 3}]}
    updated = await async_client.annotations.update(AnnotationUpdate(id=1).status.set("rejected"))
    assert updated.status == "rejected"
    await async_client.annotations.update([Annotation.load(ann(4))], mode="replace")
    upd = bodies(fake, "POST /annotations/update")
    assert upd[0] == {"items": [{"id": 1, "update": {"status": {"set": "rejected"}}}]}
    assert upd[1]["items"][0]["update"]["data"] == {"set": {"label": "pump"}}
    await async_client.annotations.delete([1, 2])
    assert bodies(fake, "POST /annotations/delete") == [{"items": [{"id": 1}, {"id": 2}]}]
    listed = await async_client.annotations.list(AnnotationFilter("file", [5], status="approved"), limit=None)
    assert listed.as_ids() == [1, 2]
    first = bodies(fake, "POST /annotations/list")[0]
    assert first["filter"] == {
        "annotatedResourceType": "file",
        "annotatedResourceIds": [{"id": 5}],
        "status": "approved",
    }


async def test_annotations_reverse_lookup_pages(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    page1 = {"items": [{"id": 1}, {"id": 2}], "nextCursor": "n", "annotatedResourceType": "file"}
    fake = routed_cdf(
        {"POST /annotations/reverselookup": [page1, {"items": [{"id": 3}], "annotatedResourceType": "file"}, page1]}
    )
    refs = await async_client.annotations.reverse_lookup(AnnotationReverseLookupFilter("file", annotation_type="x"))
    assert refs.as_ids() == [1, 2, 3]
    assert (await async_client.annotations.reverse_lookup({"annotatedResourceType": "file"}, limit=1)).as_ids() == [1]
    sent = bodies(fake, "POST /annotations/reverselookup")
    assert sent[0] == {"filter": {"annotatedResourceType": "file", "annotationType": "x"}, "limit": 1000}
    assert sent[1]["cursor"] == "n" and sent[2]["limit"] == 1


async def test_annotations_bad_input_fails_before_requests(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({})
    with pytest.raises(ValueError, match="annotated_resource_type"):
        AnnotationFilter("asset", [{"id": 1}])
    with pytest.raises(ValueError, match="status"):
        write(status="maybe")
    with pytest.raises(TypeError, match="filter"):
        await async_client.annotations.list("file")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="id"):
        await async_client.annotations.retrieve("1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="id"):
        AnnotationUpdate(id="1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limit"):
        await async_client.annotations.reverse_lookup(AnnotationReverseLookupFilter("file"), limit=-5)
    assert fake.requests == []


# ---------------------------------------------------------------------------------------------- entity matching


def model(i: int, status: str = "Queued", **fields: Any) -> dict[str, Any]:
    base = {"id": i, "externalId": None, "name": None, "description": None, "status": status}
    return {**base, **TIMES, "featureType": "simple", "classifier": "randomforest", **fields}


async def test_entity_matching_fit_predict_refit(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    result = {"jobId": 7, "status": "Completed", **TIMES, "items": [{"source": {"id": 1}, "matches": []}]}
    fake = routed_cdf(
        {
            "POST /context/entitymatching": model(1),
            "GET /context/entitymatching/1": [model(1, "Running"), model(1, "Completed")],
            "POST /context/entitymatching/predict": {"jobId": 7, "status": "Queued", **TIMES},
            "GET /context/entitymatching/jobs/7": result,
            "POST /context/entitymatching/refit": model(2, originalId=1),
        }
    )
    asset = Asset.load({"id": 3, "name": "21PT", "metadata": {"k": "v"}, "labels": [{"externalId": "l"}]})
    m = await async_client.entity_matching.fit(
        sources=[asset, {"id": 4, "name": "x"}],
        targets=[{"externalId": "t", "name": "21-PT"}],
        true_matches=[(3, "t"), {"sourceId": 4, "targetExternalId": "t"}],
        match_fields=[("name", "name")],
        feature_type="bigram",
        classifier="RandomForest",
        name="m",
    )
    assert isinstance(m, EntityMatchingModel) and m.status == "Queued"
    sent = bodies(fake, "POST /context/entitymatching")[0]
    assert sent["sources"][0] == {"id": 3, "name": "21PT", "metadata": {"k": "v"}}
    assert sent["trueMatches"][0] == {"sourceId": 3, "targetExternalId": "t"}
    assert sent["matchFields"] == [{"source": "name", "target": "name"}] and sent["classifier"] == "randomforest"
    await m.wait_for_completion_async(interval=0)
    assert m.status == "Completed"
    job = await m.predict_async(num_matches=3, score_threshold=0.5)
    assert isinstance(job, EntityMatchingPredictionResult)
    assert (await job.get_result_async())["items"][0]["source"] == {"id": 1}
    assert bodies(fake, "POST /context/entitymatching/predict") == [{"id": 1, "numMatches": 3, "scoreThreshold": 0.5}]
    new = await m.refit_async([("a", 2)])
    assert new.original_id == 1
    assert bodies(fake, "POST /context/entitymatching/refit") == [
        {"id": 1, "trueMatches": [{"sourceExternalId": "a", "targetId": 2}]}
    ]


async def test_entity_matching_manage(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf(
        {
            "POST /context/entitymatching/list": {"items": [model(1)]},
            "POST /context/entitymatching/byids": {"items": [model(1, externalId="x")]},
            "POST /context/entitymatching/update": lambda body: {"items": [model(1, name="n")]},
            "POST /context/entitymatching/delete": {},
            "GET /context/entitymatching/jobs": {"items": [{"jobId": 5, "status": "Completed", **TIMES}]},
        }
    )
    assert len(await async_client.entity_matching.list(name="m", feature_type="simple", original_id=2, limit=None)) == 1
    assert bodies(fake, "POST /context/entitymatching/list") == [
        {"limit": 1000, "filter": {"name": "m", "originalId": 2, "featureType": "simple"}}
    ]
    assert (await async_client.entity_matching.retrieve(external_id="x")).external_id == "x"  # type: ignore[union-attr]
    assert len(await async_client.entity_matching.retrieve_multiple(ids=[1])) == 1
    assert (await async_client.entity_matching.update(EntityMatchingModelUpdate(id=1).name.set("n"))).name == "n"
    assert bodies(fake, "POST /context/entitymatching/update") == [
        {"items": [{"id": 1, "update": {"name": {"set": "n"}}}]}
    ]
    await async_client.entity_matching.delete(id=1, external_id=["a"])
    assert bodies(fake, "POST /context/entitymatching/delete") == [{"items": [{"id": 1}, {"externalId": "a"}]}]
    jobs = await async_client.entity_matching.list_jobs()
    assert isinstance(jobs, ContextualizationJobList) and jobs[0].job_id == 5


async def test_entity_matching_bad_input(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({})
    em = async_client.entity_matching
    with pytest.raises(ValueError, match="feature_type"):
        await em.fit(sources=[], targets=[{"name": "a"}], feature_type="fuzzy")
    with pytest.raises(ValueError, match="targets"):
        await em.fit(sources=[], targets=[])
    with pytest.raises(TypeError, match="true_matches"):
        await em.fit(sources=[], targets=[{"name": "a"}], true_matches=[(1.5, 2)])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="num_matches"):
        await em.predict(id=1, num_matches=101)
    with pytest.raises(ValueError, match="Exactly one"):
        await em.predict()
    with pytest.raises(TypeError, match="sources"):
        await em.fit(sources="abc", targets=[{"name": "a"}])  # type: ignore[arg-type]
    assert fake.requests == []


async def test_failed_job_raises_and_timeout_returns(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf(
        {
            "GET /context/entitymatching/1": model(1, "Failed", errorMessage="bad data"),
            "GET /context/entitymatching/2": model(2, "Running"),
        }
    )
    with pytest.raises(CogniteModelFailedError, match="bad data"):
        await EntityMatchingModel.load(model(1), cognite_client=async_client).wait_for_completion_async(interval=0)
    running = EntityMatchingModel.load(model(2), cognite_client=async_client)
    await running.wait_for_completion_async(timeout=0, interval=0)
    assert running.status == "Running" and len(fake.calls("GET /context/entitymatching/2")) == 1
    with pytest.raises(ValueError, match="timeout"):
        await running.wait_for_completion_async(timeout=-1)


# ---------------------------------------------------------------------------------------------- diagrams


def detect_result(job_id: int, file_id: int) -> dict[str, Any]:
    region = {"shape": "rectangle", "page": 1, "vertices": [{"x": 0, "y": 0}] * 4}
    annotations = [{"text": "P-1", "confidence": 1.0, "region": region, "entities": [{"name": "P-1"}]}]
    return {"jobId": job_id, "status": "Completed", **TIMES, "items": [{"fileId": file_id, "annotations": annotations}]}


async def test_diagrams_detect_and_convert(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf(
        {
            "POST /context/diagram/detect": {"jobId": 1, "status": "Queued", **TIMES, "items": [{"fileId": 9}]},
            "GET /context/diagram/detect/1": detect_result(1, 9),
            "POST /context/diagram/convert": {"jobId": 2, "status": "Queued", **TIMES, "items": [{"fileId": 9}]},
            "GET /context/diagram/convert/2": {
                "jobId": 2,
                "status": "Completed",
                **TIMES,
                "items": [{"fileId": 9, "results": [{"page": 1, "svgUrl": "s", "pngUrl": "p"}]}],
            },
        }
    )
    job = await async_client.diagrams.detect(
        [{"name": "P-1"}, Asset(id=3, name="P-2")],
        file_ids=9,
        file_external_ids=["x"],
        file_instance_ids=[NodeId("s", "f")],
        file_references=[FileReference(file_id=8, first_page=1, last_page=2)],
        pattern_mode=True,
        configuration=DiagramDetectConfig(
            connection_flags=ConnectionFlags(no_text_inbetween=True),
            customize_fuzziness=CustomizeFuzziness(min_chars=3),
        ),
    )
    assert isinstance(job, DiagramDetectResults) and job.status == "Queued"
    sent = bodies(fake, "POST /context/diagram/detect")[0]
    assert sent["items"] == [
        {"fileId": 9},
        {"fileExternalId": "x"},
        {"fileInstanceId": {"space": "s", "externalId": "f"}},
        {"fileId": 8, "pageRange": {"begin": 1, "end": 2}},
    ]
    assert sent["entities"][1] == {"id": 3, "name": "P-2"}
    assert sent["configuration"] == {"connectionFlags": ["noTextInbetween"], "customizeFuzziness": {"minChars": 3}}
    assert sent["patternMode"] is True and sent["searchField"] == "name" and sent["minTokens"] == 2
    converted = await job.convert_async()
    assert job.items is not None and job.items[0].annotations is not None
    assert await job.get_errors_async() == []
    assert isinstance(converted, DiagramConvertResults)
    assert bodies(fake, "POST /context/diagram/convert")[0]["items"][0]["annotations"][0]["text"] == "P-1"
    await converted.wait_for_completion_async(interval=0)
    assert converted.items is not None and converted.items[0].pages[0].svg_url == "s"


async def test_diagrams_many_files(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    failed = httpx.Response(400, json={"error": {"code": 400, "message": "bad file"}})
    started = {"jobId": 1, "status": "Queued", **TIMES, "items": [{"fileId": 1}]}
    fake = routed_cdf(
        {
            "POST /context/diagram/detect": lambda body: failed if body["items"][0]["fileId"] == 50 else started,
            "GET /context/diagram/detect/1": detect_result(1, 1),
        }
    )
    with pytest.raises(ValueError, match="multiple_jobs"):
        await async_client.diagrams.detect([{"name": "a"}], file_ids=list(range(51)))
    assert fake.requests == []
    bundle, unposted = await async_client.diagrams.detect([{"name": "a"}], file_ids=list(range(51)), multiple_jobs=True)
    assert isinstance(bundle, DetectJobBundle) and bundle.job_ids == [1]
    assert len(unposted) == 1 and unposted[0]["files"] == [{"fileId": 50}] and "bad file" in unposted[0]["error"]
    succeeded, failed_jobs = await bundle.get_result_async()
    assert len(succeeded) == 1 and failed_jobs == []
    jobs = await async_client.diagrams.get_detect_jobs([1])
    assert jobs[0].status == "Completed"


async def test_diagrams_bad_input(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({})
    with pytest.raises(ValueError, match="at least one file"):
        await async_client.diagrams.detect([{"name": "a"}])
    with pytest.raises(TypeError, match="file_ids"):
        await async_client.diagrams.detect([{"name": "a"}], file_ids=["1"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="entities"):
        await async_client.diagrams.detect([], file_ids=[1])
    with pytest.raises(ValueError, match="min_tokens"):
        await async_client.diagrams.detect([{"name": "a"}], file_ids=[1], min_tokens=0)
    with pytest.raises(TypeError, match="detect_job"):
        await async_client.diagrams.convert({"jobId": 1})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="exactly one"):
        FileReference(file_id=1, file_external_id="x")
    assert fake.requests == []


# ---------------------------------------------------------------------------------------------- vision


async def test_vision_extract_and_save(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    region = {"xMin": 0, "xMax": 0.5, "yMin": 0, "yMax": 0.5}
    predictions = {
        "textPredictions": [{"text": "P-1", "textRegion": region, "confidence": 0.9}],
        "assetTagPredictions": [{"text": "P-1", "textRegion": region, "assetRef": {"id": 4}}],
    }
    fake = routed_cdf(
        {
            "POST /context/vision/extract": {
                "jobId": 3,
                "status": "Queued",
                **TIMES,
                "items": [{"fileId": 1}],
                "features": [],
            },
            "GET /context/vision/extract/3": {
                "jobId": 3,
                "status": "Completed",
                **TIMES,
                "items": [{"fileId": 1, "predictions": predictions}],
                "failedItems": [{"errorMessage": "not an image", "items": [{"fileId": 2}]}],
            },
            "POST /annotations/suggest": echo_created,
        }
    )
    job = await async_client.vision.extract(
        [VisionFeature.TEXT_DETECTION, "AssetTagDetection"],
        file_ids=1,
        file_external_ids="x",
        parameters=FeatureParameters(text_detection_parameters=TextDetectionParameters(threshold=0.4)),
    )
    assert isinstance(job, VisionExtractJob)
    assert bodies(fake, "POST /context/vision/extract") == [
        {
            "items": [{"fileId": 1}, {"fileExternalId": "x"}],
            "features": ["TextDetection", "AssetTagDetection"],
            "parameters": {"textDetectionParameters": {"threshold": 0.4}},
        }
    ]
    assert await job.get_errors_async() == ["not an image"]
    assert job.items is not None and job.items[0].predictions is not None
    tags = job.items[0].predictions.asset_tag_predictions
    assert tags == [AssetLink(text="P-1", text_region=BoundingBox(0, 0.5, 0, 0.5), asset_ref=CdfResourceRef(id=4))]
    saved = await job.save_predictions_async(creating_user="me")
    assert isinstance(saved, AnnotationList) and len(saved) == 2
    sent = bodies(fake, "POST /annotations/suggest")[0]["items"]
    assert [a["annotationType"] for a in sent] == ["images.TextRegion", "images.AssetLink"]
    assert sent[0]["creatingUser"] == "me" and sent[0]["creatingApp"] == "cognite-sdk-python"
    again = await async_client.vision.get_extract_job(3)
    assert again.status == "Completed"


async def test_vision_bad_input(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({})
    with pytest.raises(ValueError, match="features"):
        await async_client.vision.extract("Telepathy", file_ids=[1])
    with pytest.raises(ValueError, match="image"):
        await async_client.vision.extract("TextDetection")
    with pytest.raises(ValueError, match="100"):
        await async_client.vision.extract("TextDetection", file_ids=list(range(101)))
    with pytest.raises(TypeError, match="job_id"):
        await async_client.vision.get_extract_job("3")  # type: ignore[arg-type]
    assert fake.requests == []


# ---------------------------------------------------------------------------------------------- data classes


def test_job_status_and_config_classes() -> None:
    assert JobStatus("Completed").is_finished() and JobStatus.QUEUED.is_not_finished()
    assert VisionFeature.VALVE_DETECTION in VisionFeature.beta_features()
    assert ConnectionFlags.load(["naturalReadingOrder"]) == ConnectionFlags(natural_reading_order=True)
    assert DiagramDetectConfig(remove_leading_zeros=True, extra_thing=1).dump() == {
        "removeLeadingZeros": True,
        "extra_thing": 1,
    }
    assert FileReference(file_instance_id=NodeId("s", "x")).to_api_item() == {
        "fileInstanceId": {"space": "s", "externalId": "x"}
    }
    with pytest.raises(ValueError, match="x"):
        Point(x=2, y=0)
    detection = ObjectDetection.load({"label": "p", "polygon": {"vertices": [{"x": 0, "y": 0}] * 3}})
    assert detection.polygon is not None and detection.dump() == {
        "label": "p",
        "polygon": {"vertices": [{"x": 0.0, "y": 0.0}] * 3},
    }
    assert Annotation.load(ann(1)).as_write().dump()["creatingUser"] is None


def test_sync_client_methods_and_helpers(routed_cdf: Any, sync_client: CogniteClient) -> None:
    routed_cdf(
        {
            "POST /context/entitymatching": model(1),
            "GET /context/entitymatching/1": model(1, "Completed"),
            "POST /context/entitymatching/predict": {"jobId": 7, "status": "Queued", **TIMES},
            "GET /context/entitymatching/jobs/7": {"jobId": 7, "status": "Completed", **TIMES, "items": []},
        }
    )
    m = sync_client.entity_matching.fit(sources=[{"name": "a"}], targets=[{"name": "a"}])
    m.wait_for_completion(interval=0)
    assert m.predict().result == {"jobId": 7, "status": "Completed", **TIMES, "items": []}
