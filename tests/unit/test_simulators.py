"""The Simulators API and its data classes, against a fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes.simulators import (
    PropertySort,
    SimulationInputOverride,
    SimulationRun,
    SimulationRunDataItem,
    SimulationRunDataList,
    SimulationRunsSort,
    SimulationRunWrite,
    Simulator,
    SimulatorLog,
    SimulatorModel,
    SimulatorModelList,
    SimulatorModelRevision,
    SimulatorModelUpdate,
    SimulatorModelWrite,
    SimulatorRoutine,
    SimulatorRoutineConfiguration,
    SimulatorRoutineInputConstant,
    SimulatorRoutineInputList,
    SimulatorRoutineInputTimeseries,
    SimulatorRoutineRevision,
    SimulatorRoutineStage,
    SimulatorRoutineStep,
    SimulatorRoutineStepArguments,
    SimulatorRoutineWrite,
)
from cognite.client.data_classes.simulators.filters import SimulatorRunsFilter
from cognite.client.exceptions import CogniteMissingClientError

_T = {"createdTime": 0, "lastUpdatedTime": 0, "dataSetId": 1}
_MODEL = {"id": 1, "externalId": "m", "simulatorExternalId": "S", "name": "M", "type": "t", **_T}
_RUN = {"id": 6, "routineExternalId": "r", "status": "ready", "logId": 7, "runTime": 5, **_T}
_CONFIG = {"schedule": {"enabled": True, "cronExpression": "@daily"}, "dataSampling": {"enabled": False},
           "logicalCheck": [], "steadyStateDetection": [],
           "inputs": [{"name": "a", "referenceId": "a", "value": 1.0, "valueType": "DOUBLE"},
                      {"name": "b", "referenceId": "b", "sourceExternalId": "ts", "aggregate": "average"}]}  # fmt: skip


class TestDataClasses:
    def test_model_round_trip_and_write(self) -> None:
        model = SimulatorModel.load({**_MODEL, "futureField": 1})
        assert model.as_write() == SimulatorModelWrite("m", "S", 1, "M", "t")
        assert SimulatorModelList([model]).as_write()[0].external_id == "m"
        assert SimulatorModel.load(model.dump(camel_case=False)) == model

    def test_update_dump(self) -> None:
        assert SimulatorModelUpdate(id=1).name.set("n").description.set("d").dump() == {
            "id": 1, "update": {"name": {"set": "n"}, "description": {"set": "d"}}}  # fmt: skip

    def test_routine_configuration_loads_polymorphic_inputs(self) -> None:
        config = SimulatorRoutineConfiguration.load(_CONFIG)
        assert isinstance(config.inputs[0], SimulatorRoutineInputConstant)  # type: ignore[index]
        assert isinstance(config.inputs[1], SimulatorRoutineInputTimeseries)  # type: ignore[index]
        assert config.schedule is not None and config.schedule.cron_expression == "@daily"
        assert config.data_sampling is None
        assert config.dump() == _CONFIG
        assert config.dump(camel_case=False)["schedule"] == {"cron_expression": "@daily"}
        revision = SimulatorRoutineRevision.load({"id": 1, "externalId": "x", "routineExternalId": "r",
                                                  "configuration": _CONFIG, "script": []})  # fmt: skip
        assert revision.as_write().dump()["script"] == [] and revision.configuration == config

    def test_steps_and_lists(self) -> None:
        step = SimulatorRoutineStep("Set", {"referenceId": "a"}, 1)
        assert isinstance(step.arguments, SimulatorRoutineStepArguments) and step.arguments["referenceId"] == "a"
        stage = SimulatorRoutineStage.load({"order": 1, "steps": [{"stepType": "Get", "arguments": {"x": "y"},
                                                                   "order": 1}]})  # fmt: skip
        assert stage.steps[0].arguments == SimulatorRoutineStepArguments({"x": "y"})
        inputs = SimulatorRoutineInputList([SimulatorRoutineInputConstant("a", "a", 1.0)])
        assert inputs.dump() == [{"name": "a", "referenceId": "a", "value": 1.0}]
        with pytest.raises(TypeError, match="data"):
            SimulatorRoutineStepArguments(["x"])  # type: ignore[arg-type]

    def test_run_write_validation(self) -> None:
        with pytest.raises(ValueError, match="routine_external_id"):
            SimulationRunWrite()
        with pytest.raises(ValueError, match="go together"):
            SimulationRunWrite(routine_revision_external_id="rr")
        assert SimulationRunWrite(routine_external_id="r", run_type="manual").dump() == {"routineExternalId": "r"}

    def test_run_data_to_pandas(self) -> None:
        pytest.importorskip("pandas")
        item = SimulationRunDataItem.load({"runId": 1, "inputs": [{"referenceId": "a", "value": 1.0,
                                                                   "valueType": "DOUBLE", "overridden": True}],
                                           "outputs": [{"referenceId": "o", "value": 2.0, "valueType": "DOUBLE"}]})  # fmt: skip
        frame = SimulationRunDataList([item]).to_pandas()
        assert list(frame["value_group"]) == ["inputs", "outputs"] and list(frame["run_id"]) == [1, 1]

    def test_helpers_need_a_client(self) -> None:
        with pytest.raises(CogniteMissingClientError):
            SimulationRun.load(_RUN).get_data()
        with pytest.raises(CogniteMissingClientError):
            SimulatorModelRevision.load({"id": 1, "externalId": "x"}).get_data()

    def test_simulator_units_and_sorts(self) -> None:
        sim = Simulator.load({"externalId": "S", "unitQuantities": [{"name": "mass", "label": "Mass",
                                                                     "units": [{"label": "kg", "name": "kg"}]}]})  # fmt: skip
        assert sim.get_units("mass") == ["kg"]
        with pytest.raises(ValueError, match="length"):
            sim.get_units("length")
        assert PropertySort.load(("createdTime", "desc")).dump() == {"property": "createdTime", "order": "desc"}
        with pytest.raises(ValueError, match="property"):
            PropertySort("simulation_time")
        assert SimulationRunsSort("simulation_time").dump(camel_case=False)["property"] == "simulation_time"
        assert SimulatorRunsFilter(status="ready", created_time={"min": 1}).dump() == {  # type: ignore[arg-type]
            "status": "ready", "createdTime": {"min": 1}}  # fmt: skip


class TestAPI:
    async def test_models_requests(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /simulators/models": lambda body: {"items": [{**_MODEL, "externalId": body["items"][0]["externalId"]}]},
            "POST /simulators/models/byids": {"items": [_MODEL]},
            "POST /simulators/models/update": {"items": [_MODEL]},
            "POST /simulators/models/list": [{"items": [_MODEL], "nextCursor": "c"}, {"items": [_MODEL]}],
            "POST /simulators/models/delete": {},
        })  # fmt: skip
        created = await async_client.simulators.models.create([SimulatorModelWrite(x, "S", 1, "M", "t") for x in "abc"])
        assert sorted(created.as_external_ids()) == ["a", "b", "c"]
        assert all(len(r.body["items"]) == 1 for r in fake.calls("POST /simulators/models"))
        models = await async_client.simulators.models.list(limit=None, sort=PropertySort(order="desc"))
        assert len(models) == 2
        first, second = fake.calls("POST /simulators/models/list")
        assert first.body == {"limit": 1000, "sort": [{"property": "createdTime", "order": "desc"}]}
        assert second.body["cursor"] == "c"
        update = SimulatorModelUpdate(external_id="m").name.set("x")
        await async_client.simulators.models.update(update)
        assert update.dump() == {"externalId": "m", "update": {"name": {"set": "x"}}}  # the caller's object is kept
        assert fake.calls("POST /simulators/models/update")[0].body == {
            "items": [{"id": 1, "update": {"name": {"set": "x"}}}]}  # fmt: skip
        await async_client.simulators.models.delete(ids=[1, 2])
        assert [r.body for r in fake.calls("POST /simulators/models/delete")] == [
            {"items": [{"id": 1}]}, {"items": [{"id": 2}]}]  # fmt: skip
        assert await async_client.simulators.models.retrieve(ids=1) == SimulatorModel.load(_MODEL)
        assert fake.calls("POST /simulators/models/byids")[-1].body == {"items": [{"id": 1}]}

    async def test_run_waits_until_done(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /simulators/run": {"items": [_RUN]},
            "POST /simulators/runs/byids": [{"items": [{**_RUN, "status": "running"}]},
                                            {"items": [{**_RUN, "status": "success"}]}],
            "POST /simulators/runs/data/list": {"items": [{"runId": 6, "inputs": [], "outputs": []}]},
            "POST /simulators/logs/byids": {"items": [{"id": 7, "data": [], **_T}]},
        })  # fmt: skip
        run = await async_client.simulators.routines.run(
            "r", inputs=[SimulationInputOverride("a", 2.0)], run_time=5, log_severity="Debug", timeout=5
        )
        assert run.status == "success"
        assert fake.calls("POST /simulators/run")[0].body == {"items": [{
            "routineExternalId": "r", "runTime": 5, "logSeverity": "Debug",
            "inputs": [{"referenceId": "a", "value": 2.0}]}]}  # fmt: skip
        assert len(fake.calls("POST /simulators/runs/byids")) == 2
        assert isinstance(await run.get_data_async(), SimulationRunDataItem)
        assert isinstance(await run.get_logs_async(), SimulatorLog)

    def test_sync_routines_and_filters(self, routed_cdf: Any, sync_client: CogniteClient) -> None:
        routine = {"id": 4, "externalId": "r", "simulatorExternalId": "S", "modelExternalId": "m",
                   "simulatorIntegrationExternalId": "i", "name": "R", **_T}  # fmt: skip
        fake = routed_cdf({
            "POST /simulators/routines": {"items": [routine]},
            "POST /simulators/routines/list": {"items": [routine]},
            "POST /simulators/runs/list": {"items": [_RUN]},
        })  # fmt: skip
        client = sync_client
        assert isinstance(
            client.simulators.routines.create(SimulatorRoutineWrite("r", "m", "R", "i")), SimulatorRoutine
        )
        client.simulators.routines.list(model_external_ids=["m"], kind="long")
        assert fake.calls("POST /simulators/routines/list")[0].body["filter"] == {
            "modelExternalIds": ["m"],
            "kind": "long",
        }
        runs = client.simulators.runs.list(status="ready", created_time={"min": 1},
                                           sort=SimulationRunsSort("simulation_time"))  # fmt: skip
        assert runs[0].id == 6
        body = fake.calls("POST /simulators/runs/list")[0].body
        assert body["filter"] == {"status": "ready", "createdTime": {"min": 1}}
        assert body["sort"] == [{"property": "simulationTime", "order": "asc"}]

    async def test_bad_arguments_send_nothing(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({})
        with pytest.raises(TypeError, match="model_revision_external_id"):
            await async_client.simulators.models.revisions.retrieve_data(1)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="timeout"):
            await async_client.simulators.routines.run("r", timeout=-1)
        with pytest.raises(ValueError, match="log_severity"):
            await async_client.simulators.routines.run("r", log_severity="Loud")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="created_time"):
            await async_client.simulators.runs.list(created_time=5)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="delete_oldest"):
            await async_client.simulators.models.revisions.create([], delete_oldest="y")  # type: ignore[call-overload]
        assert fake.calls() == []
