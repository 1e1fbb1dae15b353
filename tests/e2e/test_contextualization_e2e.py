"""End to end: annotations and contextualization (entity matching, diagrams, vision) against the validating
emulator over real loopback HTTP, and the docstring examples of these families."""

from __future__ import annotations

import doctest

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import AnnotationFilter, AnnotationUpdate, AnnotationWrite, AssetWrite
from cognite.client.data_classes.annotation_types.images import ObjectDetection
from cognite.client.data_classes.annotation_types.primitives import BoundingBox
from cognite.client.data_classes.annotations import AnnotationReverseLookupFilter
from cognite.client.data_classes.contextualization import (
    DiagramDetectConfig,
    EntityMatchingModelUpdate,
    FileReference,
    VisionFeature,
)
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


def test_annotations_over_loopback(config: ClientConfig, emulator: CDFEmulator) -> None:
    with CogniteClient(config) as client:
        f = client.files.upload_bytes(b"x", name="img.png")
        detection = ObjectDetection(label="pump", bounding_box=BoundingBox(0.1, 0.2, 0.1, 0.2))
        created = client.annotations.create(
            [
                AnnotationWrite("images.ObjectDetection", detection, "approved", "app", "1.0.0", "me", "file", f.id)
                for _ in range(3)
            ]
        )
        assert len(created) == 3 and created[0].data == detection.dump()
        suggested = client.annotations.suggest(
            AnnotationWrite("images.Classification", {"label": "tank"}, "suggested", "app", "1.0.0", None, "file", f.id)
        )
        assert suggested.status == "suggested" and suggested.creating_user is None
        listed = client.annotations.list(AnnotationFilter("file", [{"id": f.id}]), limit=None)
        assert len(listed) == 4
        only = client.annotations.list(
            AnnotationFilter("file", [{"id": f.id}], annotation_type="images.Classification")
        )
        assert only.as_ids() == [suggested.id]
        approved = client.annotations.update(AnnotationUpdate(id=suggested.id).status.set("approved"))
        assert approved.status == "approved"
        assert client.annotations.reverse_lookup(AnnotationReverseLookupFilter("file", status="approved")).as_ids() == [
            f.id
        ]
        assert len(client.annotations.retrieve_multiple(created.as_ids())) == 3
        with pytest.raises(CogniteAPIError):
            client.annotations.create(
                AnnotationWrite("images.ObjectDetection", {"label": "x"}, "approved", "a", "1", None, "file", 1)
            )
        client.annotations.delete(created.as_ids())
        assert client.annotations.retrieve(created[0].id) is None  # type: ignore[arg-type]
        with pytest.raises(CogniteNotFoundError):
            client.annotations.retrieve_multiple(created.as_ids()[:1])
        assert emulator.spec_violations == []


def test_entity_matching_over_loopback(config: ClientConfig) -> None:
    with CogniteClient(config) as client:
        assets = client.assets.create(
            [AssetWrite(name=n, external_id=n) for n in ("21-PT-1019", "21-PT-1020", "tank-4")]
        )
        sources = [{"externalId": "ts1", "name": "21PT1019 pressure"}, {"externalId": "ts2", "name": "Tank 4 level"}]
        model = client.entity_matching.fit(
            sources=sources, targets=assets, match_fields=[("name", "name")], name="ts-to-assets", external_id="ts2a"
        )
        model.wait_for_completion(interval=0)
        assert model.status == "Completed"
        job = model.predict(num_matches=1)
        matches = [item["matches"][0]["target"]["externalId"] for item in job.result["items"]]
        assert matches == ["21-PT-1019", "tank-4"]
        refit = model.refit(true_matches=[("ts1", "21-PT-1020")])
        refit.wait_for_completion(interval=0)
        again = client.entity_matching.predict(external_id=None, id=refit.id, num_matches=1)
        assert again.result["items"][0]["matches"][0]["target"]["externalId"] == "21-PT-1020"
        assert {j.job_id for j in client.entity_matching.list_jobs()} == {job.job_id, again.job_id}
        assert [m.id for m in client.entity_matching.list(original_id=model.id)] == [refit.id]
        client.entity_matching.update(EntityMatchingModelUpdate(external_id="ts2a").description.set("d"))
        assert client.entity_matching.retrieve(external_id="ts2a").description == "d"  # type: ignore[union-attr]
        client.entity_matching.delete(id=[model.id, refit.id])  # type: ignore[list-item]
        assert client.entity_matching.list(limit=None) == []


async def test_diagrams_and_vision_async_over_loopback(config: ClientConfig) -> None:
    async with AsyncCogniteClient(config) as client:
        pid = await client.files.upload_bytes(b"21-PT-1019 -> V-7\n\fV-7 again", name="pid.txt", external_id="pid")
        job = await client.diagrams.detect(
            [{"name": "21-PT-1019"}, {"name": "V-7"}],
            file_references=[FileReference(file_external_id="pid", first_page=1, last_page=2)],
            configuration=DiagramDetectConfig(case_sensitive=True),
        )
        await job.wait_for_completion_async(interval=0)
        assert job.items is not None
        found = [(a["text"], a["region"]["page"]) for a in job.items[0].annotations or []]
        assert found == [("21-PT-1019", 1), ("V-7", 1), ("V-7", 2)]
        converted = await job.convert_async()
        await converted.wait_for_completion_async(interval=0)
        assert converted.items is not None and len(converted.items[0].pages) == 2
        bundle, unposted = await client.diagrams.detect([{"name": "V-7"}], file_ids=[pid.id] * 60, multiple_jobs=True)
        assert unposted == [] and bundle is not None and len(bundle.job_ids) == 2
        succeeded, failed = await bundle.get_result_async()
        assert len(succeeded) == 2 and failed == []

        await client.assets.create(AssetWrite(name="V-7"))
        extract = await client.vision.extract([VisionFeature.ASSET_TAG_DETECTION], file_ids=[pid.id])
        await extract.wait_for_completion_async(interval=0)
        saved = await extract.save_predictions_async(creating_app="test")
        assert [a.annotation_type for a in saved] == ["images.AssetLink"]  # type: ignore[union-attr]
        assert (await client.vision.get_extract_job(extract.job_id)).status == "Completed"  # type: ignore[arg-type]


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.annotations as annotations_api
    import cognite.client._api.diagrams as diagrams_api
    import cognite.client._api.entity_matching as entity_matching_api
    import cognite.client._api.vision as vision_api
    import cognite.client.data_classes.annotation_types.images as images
    import cognite.client.data_classes.annotation_types.primitives as primitives
    import cognite.client.data_classes.annotations as annotations_classes
    import cognite.client.data_classes.contextualization as contextualization_classes

    modules = (
        annotations_api, diagrams_api, entity_matching_api, vision_api,
        annotations_classes, contextualization_classes, images, primitives,
    )  # fmt: skip
    for module in modules:
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
