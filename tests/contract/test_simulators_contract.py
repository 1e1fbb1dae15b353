"""Contract tests: every request the simulators APIs send validates against the CDF OpenAPI spec (with the errata of
``cognite.client.testing._spec_simulators``).

Each method is called with every parameter it has, so each field of each request body and filter is checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.data_classes.simulators import (
    PropertySort,
    SimulationInputOverride,
    SimulationRunsSort,
    SimulationRunWrite,
    SimulationValueUnitInput,
    SimulationValueUnitName,
    SimulatorModel,
    SimulatorModelDependencyFileId,
    SimulatorModelRevisionDependency,
    SimulatorModelRevisionWrite,
    SimulatorModelUpdate,
    SimulatorModelWrite,
    SimulatorRoutineConfiguration,
    SimulatorRoutineDataSampling,
    SimulatorRoutineInputConstant,
    SimulatorRoutineInputTimeseries,
    SimulatorRoutineLogicalCheck,
    SimulatorRoutineOutput,
    SimulatorRoutineRevisionWrite,
    SimulatorRoutineSchedule,
    SimulatorRoutineStage,
    SimulatorRoutineSteadyStateDetection,
    SimulatorRoutineStep,
    SimulatorRoutineWrite,
)
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

_T = {"createdTime": 0, "lastUpdatedTime": 0, "dataSetId": 1}
_MODEL = {"id": 1, "externalId": "m", "simulatorExternalId": "S", "name": "M", "type": "t", **_T}
_MODEL_REV = {"id": 2, "externalId": "mr", "simulatorExternalId": "S", "modelExternalId": "m", "fileId": 1,
              "createdByUserId": "u", "versionNumber": 1, "logId": 3, "status": "success", **_T}  # fmt: skip
_ROUTINE = {"id": 4, "externalId": "r", "simulatorExternalId": "S", "modelExternalId": "m",
            "simulatorIntegrationExternalId": "i", "name": "R", **_T}  # fmt: skip
_CONFIG = {"schedule": {"enabled": False}, "dataSampling": {"enabled": False}, "logicalCheck": [],
           "steadyStateDetection": []}  # fmt: skip
_ROUTINE_REV = {"id": 5, "externalId": "rr", "simulatorExternalId": "S", "routineExternalId": "r",
                "simulatorIntegrationExternalId": "i", "modelExternalId": "m", "createdByUserId": "u",
                "versionNumber": 1, "createdTime": 0, "dataSetId": 1, "configuration": _CONFIG, "script": []}  # fmt: skip
_RUN = {"id": 6, "simulatorExternalId": "S", "simulatorIntegrationExternalId": "i", "modelExternalId": "m",
        "modelRevisionExternalId": "mr", "routineExternalId": "r", "routineRevisionExternalId": "rr",
        "status": "success", "runType": "external", "userId": "u", "logId": 7, **_T}  # fmt: skip
_ANSWERS: dict[str, Any] = {
    "/simulators/list": {
        "items": [
            {
                "id": 1,
                "externalId": "S",
                "name": "S",
                "fileExtensionTypes": ["x"],
                "createdTime": 0,
                "lastUpdatedTime": 0,
            }
        ]
    },
    "/simulators/integrations/list": {
        "items": [
            {
                "id": 1,
                "externalId": "i",
                "simulatorExternalId": "S",
                "heartbeat": 0,
                "connectorVersion": "1",
                "active": True,
                "logId": 2,
                **_T,
            }
        ]
    },
    "/simulators/models": {"items": [_MODEL]},
    "/simulators/models/list": {"items": [_MODEL]},
    "/simulators/models/byids": {"items": [_MODEL]},
    "/simulators/models/update": {"items": [_MODEL]},
    "/simulators/models/revisions": {"items": [_MODEL_REV]},
    "/simulators/models/revisions/list": {"items": [_MODEL_REV]},
    "/simulators/models/revisions/byids": {"items": [_MODEL_REV]},
    "/simulators/models/revisions/data/list": {"items": [{"modelRevisionExternalId": "mr", **_T, "flowsheets": []}]},
    "/simulators/routines": {"items": [_ROUTINE]},
    "/simulators/routines/list": {"items": [_ROUTINE]},
    "/simulators/routines/revisions": {"items": [_ROUTINE_REV]},
    "/simulators/routines/revisions/list": {"items": [_ROUTINE_REV]},
    "/simulators/routines/revisions/byids": {"items": [_ROUTINE_REV]},
    "/simulators/run": {"items": [_RUN]},
    "/simulators/runs/list": {"items": [_RUN]},
    "/simulators/runs/byids": {"items": [_RUN]},
    "/simulators/runs/data/list": {"items": [{"runId": 6, "inputs": [], "outputs": []}]},
    "/simulators/logs/byids": {"items": [{"id": 7, "data": [], **_T}]},
}


class SimulatorsCDF(SpecCheckedCDF):
    """Answers simulator requests with valid canned bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if template.endswith("/delete"):
            return 200, {}
        status = 201 if template in ("/simulators/models", "/simulators/models/revisions", "/simulators/routines",
                                     "/simulators/routines/revisions", "/simulators/run") else 200  # fmt: skip
        return status, _ANSWERS[template]


@pytest.fixture
def cdf(spec: OpenAPISpec) -> SimulatorsCDF:
    return SimulatorsCDF(spec)


_RANGE = TimestampRange(min=0, max=10)


async def test_simulators_integrations_models_match_the_spec(client: AsyncCogniteClient, cdf: SimulatorsCDF) -> None:
    sim = client.simulators
    await sim.list(limit=None)
    async for _ in sim(chunk_size=1, limit=1):
        pass
    await sim.integrations.list(limit=5, simulator_external_ids=["S"], active=True)
    async for _ in sim.integrations(simulator_external_ids="S", active=False, limit=1):
        pass
    await sim.integrations.delete(ids=[1, 2], external_ids="i")
    await sim.models.create([SimulatorModelWrite("m", "S", 1, "M", "t", "d"), SimulatorModel.load(_MODEL)])
    await sim.models.list(limit=None, simulator_external_ids=["S"], sort=PropertySort("created_time", "desc"))
    async for _ in sim.models(simulator_external_ids="S", sort=("createdTime", "asc"), limit=1):
        pass
    await sim.models.retrieve(ids=[1, 2], external_ids=["m"])
    await sim.models.update([SimulatorModelUpdate(id=1).name.set("n").description.set("d"),
                             SimulatorModelUpdate(external_id="m").name.set("n"), SimulatorModel.load(_MODEL)])  # fmt: skip
    await sim.models.delete(ids=1, external_ids=["m"])
    rev = SimulatorModelRevisionWrite("mr", "m", 1, "d", [SimulatorModelRevisionDependency(
        SimulatorModelDependencyFileId(2), {"a": "b"})])  # fmt: skip
    await sim.models.revisions.create([rev, rev], delete_oldest=True)
    await sim.models.revisions.create(rev)
    await sim.models.revisions.list(limit=None, sort=PropertySort(), model_external_ids=["m"], all_versions=True,
                                    created_time=_RANGE, last_updated_time={"min": 1})  # fmt: skip
    async for _ in sim.models.revisions(model_external_ids="m", limit=1):
        pass
    await sim.models.revisions.retrieve(ids=[2], external_ids=["mr"])
    await sim.models.revisions.retrieve_data("mr")
    assert cdf.errors == []


async def test_routines_runs_logs_match_the_spec(client: AsyncCogniteClient, cdf: SimulatorsCDF) -> None:
    sim = client.simulators
    await sim.routines.create([SimulatorRoutineWrite("r", "m", "R", "i", "d", "long"),
                               SimulatorRoutineWrite("r2", "m", "R", "i")])  # fmt: skip
    await sim.routines.list(limit=None, model_external_ids=["m"], simulator_integration_external_ids=["i"],
                            kind="long", sort=PropertySort())  # fmt: skip
    async for _ in sim.routines(model_external_ids=["m"], limit=1):
        pass
    await sim.routines.delete(ids=[4], external_ids="r")
    unit = SimulationValueUnitInput("kg", "mass")
    config = SimulatorRoutineConfiguration(
        inputs=[SimulatorRoutineInputConstant("a", "a", 1.0, "DOUBLE", unit, "ts-a"),
                SimulatorRoutineInputConstant("s", "s", ["x", "y"], "STRING_ARRAY"),
                SimulatorRoutineInputTimeseries("b", "b", "ts-b", "interpolation", "ts-b2", unit)],
        outputs=[SimulatorRoutineOutput("o", "o", "DOUBLE", unit, "ts-o")],
        logical_check=[SimulatorRoutineLogicalCheck("average", "ge", 1.0, "ts")],
        steady_state_detection=[SimulatorRoutineSteadyStateDetection("average", 5, 0.1, 0.2, "ts")],
        schedule=SimulatorRoutineSchedule("@daily"),
        data_sampling=SimulatorRoutineDataSampling(10, 1, 20),
    )  # fmt: skip
    script = [SimulatorRoutineStage(1, [SimulatorRoutineStep("Get", {"referenceId": "o"}, 1, "d"),
                                        SimulatorRoutineStep("Command", {"command": "Solve"}, 2)], "stage")]  # fmt: skip
    await sim.routines.revisions.create([SimulatorRoutineRevisionWrite("rr", "r", config, script),
                                         SimulatorRoutineRevisionWrite("rr2", "r", SimulatorRoutineConfiguration())])  # fmt: skip
    await sim.routines.revisions.list(["r"], ["m"], ["i"], ["S"], "long", _RANGE, True, True, None, PropertySort())
    async for _ in sim.routines.revisions(routine_external_ids=["r"], limit=1):
        pass
    await sim.routines.revisions.retrieve(ids=[5], external_ids=["rr"])
    overrides = [SimulationInputOverride("a", 2.0, SimulationValueUnitName("kg")), SimulationInputOverride("s", "x")]
    await sim.routines.run("r", inputs=overrides, run_time=5, queue=True, log_severity="Warning", wait=True)
    await sim.routines.run(routine_revision_external_id="rr", model_revision_external_id="mr", wait=False)
    await sim.runs.create([SimulationRunWrite(routine_external_id="r", run_type="manual")])
    await sim.runs.list(None, "success", "external", ["m"], ["i"], ["S"], ["r"], ["rr"], ["mr"], _RANGE, _RANGE,
                        SimulationRunsSort("simulation_time", "desc"))  # fmt: skip
    async for _ in sim.runs(status="ready", limit=1):
        pass
    await sim.runs.retrieve(ids=[6, 7])
    await sim.runs.list_run_data(6)
    await sim.logs.retrieve(ids=[7, 8])
    assert cdf.errors == []
    paths = {p for _, p in cdf.seen}
    assert {"/simulators/run", "/simulators/runs/data/list", "/simulators/routines/revisions/byids"} <= paths
