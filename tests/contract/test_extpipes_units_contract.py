"""Contract tests: every request the Extraction Pipelines and Units APIs send validates against the CDF OpenAPI spec.

Each method is called with every parameter it has, so each field of each request body is checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import (
    ExtractionPipeline,
    ExtractionPipelineConfig,
    ExtractionPipelineConfigWrite,
    ExtractionPipelineContact,
    ExtractionPipelineRun,
    ExtractionPipelineRunWrite,
    ExtractionPipelineUpdate,
    ExtractionPipelineWrite,
)
from cognite.client.data_classes.extractionpipelines import ExtractionPipelineNotificationConfiguration
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec
from cognite.client.testing._unit_catalog import UNIT_SYSTEMS, UNITS


def _pipeline(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "externalId": f"p{i}", "name": "n", "dataSetId": 1, "createdTime": 0, "lastUpdatedTime": 0,
            **fields}  # fmt: skip


_CONFIG = {"externalId": "p", "revision": 2, "config": "a: 1", "createdTime": 0}


class ExtPipesUnitsCDF(SpecCheckedCDF):
    """Answers extraction pipeline and unit requests with valid canned bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if template == "/units":
            return 200, {"items": list(UNITS)}
        if template == "/units/systems":
            return 200, {"items": list(UNIT_SYSTEMS)}
        if template == "/units/byids":
            return 200, {"items": [UNITS[0] for _ in body["items"]]}
        if template == "/extpipes/runs" and method == "POST":
            return 200, {"items": [{"id": 1, "createdTime": 0, **r} for r in body["items"]]}
        if template in ("/extpipes/runs", "/extpipes/runs/list"):
            return 200, {"items": [{"id": 1, "status": "failure", "message": "m", "createdTime": 0}]}
        if template in ("/extpipes/config", "/extpipes/config/revert"):
            return 200, _CONFIG
        if template == "/extpipes/config/revisions":
            return 200, {"items": [{"externalId": "p", "revision": 2, "createdTime": 0}]}
        if template == "/extpipes/delete":
            return 200, {}
        if template == "/extpipes" and method == "POST":
            return 200, {"items": [{**_pipeline(i + 1), **p} for i, p in enumerate(body["items"])]}
        n = len(body["items"]) if template in ("/extpipes/update", "/extpipes/byids") else 2
        return 200, {"items": [_pipeline(i + 1, lastSeen=5, lastMessage="m") for i in range(n)]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> ExtPipesUnitsCDF:
    return ExtPipesUnitsCDF(spec)


async def test_every_extraction_pipelines_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: ExtPipesUnitsCDF
) -> None:
    ep = client.extraction_pipelines
    await ep.retrieve(id=1)
    await ep.retrieve(external_id="p1")
    await ep.retrieve_multiple(ids=[1], external_ids=["p2"], ignore_unknown_ids=True)
    await ep.list(limit=None)
    async for _ in ep(chunk_size=1, limit=3):
        pass
    full = ExtractionPipelineWrite(
        "p", "n", 1, description="d", raw_tables=[{"dbName": "db", "tableName": "t"}], schedule="0 * * * *",
        contacts=[ExtractionPipelineContact("a", "a@example.com", "owner", True)], metadata={"k": "v"}, source="s",
        documentation="doc", notification_config=ExtractionPipelineNotificationConfiguration(10), created_by="me",
    )  # fmt: skip
    await ep.create([full])
    await ep.create(ExtractionPipeline.load(_pipeline(3, schedule="Continuous")))
    await ep.update(
        ExtractionPipelineUpdate(id=1).name.set("n").description.set(None).data_set_id.set(2).schedule.set("On trigger")
        .raw_tables.add([{"dbName": "d", "tableName": "t"}]).contacts.remove([ExtractionPipelineContact(name="a")])
        .metadata.add({"a": "b"}).source.set("s").documentation.set("x")
        .notification_config.set(ExtractionPipelineNotificationConfiguration(5)).external_id.set("p9")
    )  # fmt: skip
    await ep.update(ExtractionPipelineUpdate(external_id="p").raw_tables.set([]).contacts.set([]).metadata.set({}))
    for mode in ("replace", "patch", "replace_ignore_null"):
        await ep.update(full, mode=mode)  # type: ignore[call-overload]
    await ep.delete(id=[1], external_id=["p"])
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {f"/extpipes{s}" for s in ("", "/byids", "/update", "/delete")}


async def test_every_runs_and_config_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: ExtPipesUnitsCDF
) -> None:
    ep = client.extraction_pipelines
    await ep.runs.list("p", limit=None)
    await ep.runs.list("p", statuses=["success", "failure", "seen"], message_substring="m",
                       created_time=TimestampRange(min=1, max=2), limit=5)  # fmt: skip
    await ep.runs.list("p", statuses="seen", created_time="2d-ago")
    await ep.runs.create([ExtractionPipelineRunWrite("p", "failure", "m", 5), ExtractionPipelineRunWrite("p", "seen")])
    await ep.runs.create(ExtractionPipelineRun(status="success", extpipe_external_id="p", id=3, created_time=1))
    await ep.config.create(ExtractionPipelineConfigWrite("p", "a: 1", "first"))
    await ep.config.create(ExtractionPipelineConfig.load(_CONFIG))
    await ep.config.retrieve("p")
    await ep.config.retrieve("p", revision=2)
    await ep.config.retrieve("p", active_at_time="1d-ago")
    await ep.config.list("p")
    await ep.config.revert("p", 1)
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {
        "/extpipes/runs", "/extpipes/runs/list", "/extpipes/config", "/extpipes/config/revisions",
        "/extpipes/config/revert",
    }  # fmt: skip


async def test_every_units_request_matches_the_spec(client: AsyncCogniteClient, cdf: ExtPipesUnitsCDF) -> None:
    await client.units.list()
    await client.units.retrieve("temperature:k")
    await client.units.retrieve(["temperature:k", "length:m"], ignore_unknown_ids=True)
    await client.units.from_alias("K")
    await client.units.systems.list()
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {"/units", "/units/byids", "/units/systems"}


def test_the_validator_catches_bad_bodies(spec: OpenAPISpec) -> None:
    assert spec.request_errors("POST", "/extpipes", {"items": [{"externalId": "p", "name": "n"}]})
    assert spec.request_errors("POST", "/extpipes/runs", {"items": [{"externalId": "p", "status": "ok"}]})
    assert spec.request_errors("POST", "/extpipes/runs/list", {"filter": {"statuses": ["seen"]}})
    assert spec.request_errors("POST", "/extpipes/config/revert", {"revision": 1})
