"""The emulator's simulators endpoints (simulators, integrations, models and revisions, routines and revisions, runs,
run data, logs), driven with raw httpx through the in-process transport. The emulator fixture validates every request
and response against the CDF OpenAPI spec (with the simulator errata)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator

PROJECT = "test-project"
_CONFIG = {"schedule": {"enabled": False}, "dataSampling": {"enabled": False}, "logicalCheck": [],
           "steadyStateDetection": [],
           "inputs": [{"name": "Rate", "referenceId": "rate", "value": 2.0, "unit": {"name": "kg", "quantity": "mass"}},
                      {"name": "Tag", "referenceId": "tag", "value": "A"}],
           "outputs": [{"name": "Head", "referenceId": "head", "valueType": "DOUBLE"},
                       {"name": "Label", "referenceId": "label", "valueType": "STRING"},
                       {"name": "Again", "referenceId": "again"}]}  # fmt: skip


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


@pytest.fixture
async def seeded(emulator: CDFEmulator, client: httpx.AsyncClient) -> httpx.AsyncClient:
    emulator.store(PROJECT, "simulators").seed_connector("DWSIM")
    model = {"externalId": "pump", "simulatorExternalId": "DWSIM", "name": "Pump", "dataSetId": 1, "type": "SS"}
    await post(client, "/simulators/models", {"items": [model]}, 201)
    await post(client, "/simulators/models/revisions", {"items": [{"externalId": "v1", "modelExternalId": "pump",
                                                                   "fileId": 1}]}, 201)  # fmt: skip
    routine = {"externalId": "r1", "modelExternalId": "pump", "simulatorIntegrationExternalId": "DWSIM-connector",
               "name": "R"}  # fmt: skip
    await post(client, "/simulators/routines", {"items": [routine]}, 201)
    revision = {"externalId": "r1-v1", "routineExternalId": "r1", "configuration": _CONFIG, "script": []}
    await post(client, "/simulators/routines/revisions", {"items": [revision]}, 201)
    return client


async def test_references_are_checked(emulator: CDFEmulator, client: httpx.AsyncClient) -> None:
    model = {"externalId": "pump", "simulatorExternalId": "NOPE", "name": "Pump", "dataSetId": 1, "type": "SS"}
    err = await post(client, "/simulators/models", {"items": [model]}, 400)
    assert "NOPE" in err["error"]["message"]
    emulator.store(PROJECT, "simulators").seed_connector("DWSIM")
    await post(client, "/simulators/models", {"items": [{**model, "simulatorExternalId": "DWSIM"}]}, 201)
    routine = {"externalId": "r", "modelExternalId": "pump", "simulatorIntegrationExternalId": "x", "name": "R"}
    await post(client, "/simulators/routines", {"items": [routine]}, 400)
    await post(client, "/simulators/routines/revisions", {"items": [{"externalId": "rr", "routineExternalId": "r",
                                                                     "configuration": _CONFIG, "script": []}]}, 400)  # fmt: skip


async def test_versions_and_views(seeded: httpx.AsyncClient) -> None:
    client = seeded
    v2 = await post(client, "/simulators/models/revisions", {"items": [{"externalId": "v2", "modelExternalId": "pump",
                                                                        "fileId": 2}]}, 201)  # fmt: skip
    assert v2["items"][0]["versionNumber"] == 2 and v2["items"][0]["simulatorExternalId"] == "DWSIM"
    latest = await post(client, "/simulators/models/revisions/list", {"filter": {"modelExternalIds": ["pump"]}})
    assert [r["externalId"] for r in latest["items"]] == ["v2"]
    every = await post(client, "/simulators/models/revisions/list", {"filter": {"allVersions": True}, "limit": 1})
    assert len(every["items"]) == 1 and "nextCursor" in every
    view = await post(client, "/simulators/routines/revisions/list", {})
    assert "script" not in view["items"][0] and "inputs" not in view["items"][0]["configuration"]
    full = await post(client, "/simulators/routines/revisions/list", {"includeAllFields": True})
    assert full["items"][0]["script"] == [] and len(full["items"][0]["configuration"]["inputs"]) == 2
    found = await post(client, "/simulators/routines/revisions/byids", {"items": [{"externalId": "r1-v1"},
                                                                                   {"externalId": "nope"}]})  # fmt: skip
    assert [r["externalId"] for r in found["items"]] == ["r1-v1"]


async def test_run_moves_on_each_read_and_echoes_inputs(seeded: httpx.AsyncClient) -> None:
    client = seeded
    command = {"routineExternalId": "r1", "runTime": 100, "inputs": [{"referenceId": "rate", "value": 7.0,
                                                                      "unit": {"name": "g"}}]}  # fmt: skip
    run = (await post(client, "/simulators/run", {"items": [command]}, 201))["items"][0]
    assert run["status"] == "ready" and run["modelRevisionExternalId"] == "v1"
    statuses = []
    for _ in range(4):
        statuses.append(
            (await post(client, "/simulators/runs/byids", {"items": [{"id": run["id"]}]}))["items"][0]["status"]
        )
    assert statuses == ["ready", "running", "success", "success"]
    data = (await post(client, "/simulators/runs/data/list", {"items": [{"runId": run["id"]}]}))["items"][0]
    assert data["inputs"] == [
        {"referenceId": "rate", "value": 7.0, "valueType": "DOUBLE", "overridden": True, "unit": {"name": "g"}},
        {"referenceId": "tag", "value": "A", "valueType": "STRING"},
    ]
    assert [(o["referenceId"], o["value"]) for o in data["outputs"]] == [("head", 7.0), ("label", "A"), ("again", 7.0)]
    done = (await post(client, "/simulators/runs/list", {"filter": {"status": "success"}}))["items"][0]
    assert done["simulationTime"] == 100
    log = (await post(client, "/simulators/logs/byids", {"items": [{"id": run["logId"]}]}))["items"][0]
    assert [e["message"] for e in log["data"]] == [
        "Simulation run created",
        "Simulation started",
        "Simulation completed",
    ]
    bad = {"routineExternalId": "r1", "inputs": [{"referenceId": "nope", "value": 1.0}]}
    await post(client, "/simulators/run", {"items": [bad]}, 400)
    await post(client, "/simulators/runs/data/list", {"items": [{"runId": 1}]}, 400)


async def test_cascading_deletes_and_seeded_data(emulator: CDFEmulator, seeded: httpx.AsyncClient) -> None:
    client = seeded
    emulator.store(PROJECT, "simulator_model_revisions").seed_data("v1", info={"a": 1})
    data = await post(client, "/simulators/models/revisions/data/list", {"items": [{"modelRevisionExternalId": "v1"}]})
    assert data["items"][0]["info"] == {"a": 1} and data["items"][0]["flowsheets"] == []
    await post(client, "/simulators/models/delete", {"items": [{"externalId": "pump"}]})
    for path in ("/simulators/models", "/simulators/models/revisions", "/simulators/routines",
                 "/simulators/routines/revisions"):  # fmt: skip
        assert (await post(client, f"{path}/list", {}))["items"] == []
    integrations = await post(client, "/simulators/integrations/list", {"filter": {"simulatorExternalIds": ["DWSIM"]}})
    assert "nextCursor" not in integrations and integrations["items"][0]["active"] is True
