"""End to end: every simulators method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec (with the simulator errata
of ``cognite.client.testing._spec_simulators``), so a wrong body fails here too.
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes.simulators import (
    PropertySort,
    SimulationInputOverride,
    SimulationRunsSort,
    SimulationRunWrite,
    SimulationValueUnitInput,
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
    SimulatorRoutineStep,
    SimulatorRoutineWrite,
)
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    emulator.store(config.project, "simulators").seed_connector("DWSIM")
    with CogniteClient(config) as c:
        yield c


def _config() -> SimulatorRoutineConfiguration:
    return SimulatorRoutineConfiguration(
        inputs=[
            SimulatorRoutineInputConstant("Rate", "rate", 2.0, "DOUBLE", unit=SimulationValueUnitInput("kg", "mass")),
            SimulatorRoutineInputTimeseries("Pressure", "p", "ts-p", aggregate="average"),
        ],
        outputs=[
            SimulatorRoutineOutput("Head", "head", "DOUBLE", unit=SimulationValueUnitInput("bar", "pressure")),
            SimulatorRoutineOutput("Eff", "eff", "DOUBLE", save_timeseries_external_id="ts-eff"),
        ],
        logical_check=[SimulatorRoutineLogicalCheck("average", "gt", 1.0, "ts-p")],
        schedule=SimulatorRoutineSchedule("*/5 * * * *"),
        data_sampling=SimulatorRoutineDataSampling(sampling_window=10, granularity=1),
    )


def _setup(client: CogniteClient) -> None:
    sim = client.simulators
    sim.models.create(SimulatorModelWrite("pump", "DWSIM", 1, "Pump", "SteadyState", description="d"))
    dep = SimulatorModelRevisionDependency(SimulatorModelDependencyFileId(7), {"fieldA": "x"})
    sim.models.revisions.create(SimulatorModelRevisionWrite("pump-v1", "pump", 1, external_dependencies=[dep]))
    sim.routines.create(SimulatorRoutineWrite("r1", "pump", "Rate", "DWSIM-connector", kind="long"))
    script = [SimulatorRoutineStage(1, [SimulatorRoutineStep("Set", {"referenceId": "rate", "objectName": "P"}, 1),
                                        SimulatorRoutineStep("Command", {"command": "Solve"}, 2)])]  # fmt: skip
    sim.routines.revisions.create(SimulatorRoutineRevisionWrite("r1-v1", "r1", _config(), script))


def test_simulators_and_integrations(client: CogniteClient) -> None:
    sims = client.simulators.list()
    assert [s.external_id for s in sims] == ["DWSIM"]
    assert sims[0].get_units("mass") == ["kg", "g"] and "pressure" in sims[0].get_quantities()
    assert [s.external_id for chunk in client.simulators(chunk_size=5) for s in chunk] == ["DWSIM"]  # type: ignore[union-attr]
    integ = client.simulators.integrations.list(simulator_external_ids=["DWSIM"], active=True)
    assert integ[0].external_id == "DWSIM-connector" and integ[0].license_status == "AVAILABLE"
    assert len(client.simulators.integrations.list(active=False)) == 0
    assert [i.external_id for i in client.simulators.integrations()] == ["DWSIM-connector"]
    log = client.simulators.logs.retrieve(ids=integ[0].log_id)
    assert log is not None and log.data[0].message == "Connector DWSIM-connector started"  # type: ignore[index]
    client.simulators.integrations.delete(ids=integ[0].id)
    assert len(client.simulators.integrations.list()) == 0


def test_models_and_revisions(client: CogniteClient) -> None:
    _setup(client)
    models = client.simulators.models
    second = models.create([SimulatorModelWrite("valve", "DWSIM", 2, "Valve", "SteadyState")])
    assert second.as_external_ids() == ["valve"]
    assert len(models.list(simulator_external_ids="DWSIM", sort=PropertySort("created_time", "desc"))) == 2
    assert models.retrieve(external_ids="pump").name == "Pump"  # type: ignore[union-attr]
    assert len(models.retrieve(ids=[second[0].id, 1], external_ids=["nope"])) == 1  # type: ignore[list-item]
    assert models.update(SimulatorModelUpdate(external_id="pump").description.set("new")).description == "new"
    pump = models.retrieve(external_ids="pump")
    assert pump is not None
    pump.name = "Pump 2"
    assert models.update([pump])[0].name == "Pump 2"
    with pytest.raises(CogniteNotFoundError):
        models.update(SimulatorModelUpdate(external_id="missing").name.set("x"))
    revisions = models.revisions
    revisions.create(SimulatorModelRevisionWrite("pump-v2", "pump", 2), delete_oldest=True)
    assert [r.external_id for r in revisions.list(model_external_ids=["pump"])] == ["pump-v2"]
    every = revisions.list(model_external_ids=["pump"], all_versions=True, created_time={"min": 0}, sort="created_time")
    assert sorted(r.version_number for r in every) == [1, 2]  # type: ignore[type-var]
    v1 = revisions.retrieve(external_ids="pump-v1")
    assert v1 is not None and v1.external_dependencies[0].arguments == {"fieldA": "x"}  # type: ignore[index]
    assert len(revisions.retrieve(ids=[v1.id])) == 1  # type: ignore[list-item]
    chunks = list(revisions(model_external_ids="pump", all_versions=True, chunk_size=1))
    assert [len(c) for c in chunks] == [1, 1]  # type: ignore[arg-type]
    assert v1.get_data() is None and len(revisions.retrieve_data("pump-v1")) == 0


def test_revision_data_seeded(client: CogniteClient, emulator: CDFEmulator, config: ClientConfig) -> None:
    _setup(client)
    flowsheet = {
        "simulatorObjectNodes": [{"id": "n1", "name": "Pump", "type": "Pump", "graphicalObject": {
            "position": {"x": 1.0, "y": 2.0}, "height": 3.0}, "properties": [
            {"name": "Rate", "referenceObject": {"objectName": "P"}, "valueType": "DOUBLE", "value": 2.0,
             "unit": {"name": "kg", "quantity": "mass"}, "readOnly": False}]}],
        "simulatorObjectEdges": [{"id": "e1", "sourceId": "n1", "targetId": "n1", "connectionType": "Material"}],
        "thermodynamics": {"propertyPackages": ["PR"], "components": ["water"]},
    }  # fmt: skip
    emulator.store(config.project, "simulator_model_revisions").seed_data("pump-v1", [flowsheet], {"k": "v"})
    data = client.simulators.models.revisions.retrieve_data("pump-v1")[0]
    node = data.flowsheets[0].simulator_object_nodes[0]  # type: ignore[index]
    assert node.properties[0].unit.quantity == "mass" and node.graphical_object.position.x == 1.0  # type: ignore[union-attr]
    assert data.info == {"k": "v"}


def test_routines_revisions_runs_logs(client: CogniteClient) -> None:
    _setup(client)
    sim = client.simulators
    assert [r.kind for r in sim.routines.list(model_external_ids=["pump"], kind="long")] == ["long"]
    assert len(sim.routines.list(simulator_integration_external_ids=["other"])) == 0
    assert [r.external_id for r in sim.routines(sort=PropertySort(order="desc"))] == ["r1"]
    listed = sim.routines.revisions.list(routine_external_ids=["r1"])
    assert listed[0].script is None and listed[0].configuration.inputs is None  # type: ignore[union-attr]
    full = sim.routines.revisions.list(include_all_fields=True, kind="long", created_time={"max": 2**50})
    assert full[0].configuration == _config() and full[0].script[0].steps[1].arguments["command"] == "Solve"  # type: ignore[index]
    assert sim.routines.revisions.retrieve(external_ids="r1-v1").version_number == 1  # type: ignore[union-attr]
    assert len(sim.routines.revisions.retrieve(external_ids=["r1-v1", "nope"])) == 1
    assert [r.external_id for r in sim.routines.revisions(model_external_ids=["pump"], all_versions=True)] == ["r1-v1"]
    run = sim.routines.run("r1", inputs=[SimulationInputOverride("rate", 5.0)], log_severity="Debug", timeout=10)
    assert run.status == "success" and run.simulation_time == run.run_time
    data = run.get_data()
    assert data is not None
    assert [(i.reference_id, i.value, i.overridden) for i in data.inputs] == [("rate", 5.0, True), ("p", 0.0, None)]
    assert [(o.reference_id, o.value) for o in data.outputs] == [("head", 5.0), ("eff", 0.0)]
    assert data.outputs[0].unit.name == "bar" and data.outputs[1].timeseries_external_id == "ts-eff"  # type: ignore[union-attr]
    log = run.get_logs()
    assert [e.message for e in log.data] == [  # type: ignore[union-attr]
        "Simulation run created", "Simulation started", "Simulation completed"]  # fmt: skip
    started = sim.routines.run(routine_revision_external_id="r1-v1", model_revision_external_id="pump-v1", wait=False)
    assert started.status == "ready"
    assert sim.runs.retrieve(ids=started.id).status == "ready"  # type: ignore[arg-type, union-attr]
    assert sim.runs.retrieve(ids=[started.id])[0].status == "running"  # type: ignore[list-item]
    started.update()
    assert started.status == "success"
    created = sim.runs.create([SimulationRunWrite(routine_external_id="r1", run_time=1000)])
    assert created[0].run_time == 1000 and created.as_ids() == [created[0].id]
    assert len(sim.runs.list(status="ready", routine_external_ids=["r1"])) == 1
    assert len(sim.runs.list(status="success", sort=SimulationRunsSort("simulation_time", "desc"))) == 2
    assert len(sim.runs.list(run_type="external", simulation_time={"min": 0}, created_time={"min": 0})) == 2
    assert [r.status for r in sim.runs.list(sort=SimulationRunsSort("created_time"))] == [
        "success",
        "success",
        "running",
    ]
    assert len(sim.runs.list(simulation_time={"min": 0})) == 3  # the third run was read while running: now done
    assert [len(c) for c in sim.runs(chunk_size=2, model_external_ids=["pump"])] == [2, 1]  # type: ignore[arg-type]
    assert len(sim.runs.list_run_data(run.id)) == 1  # type: ignore[arg-type]
    with pytest.raises(CogniteAPIError) as err:
        sim.routines.run("r1", inputs=[SimulationInputOverride("unknown", 1.0)])
    assert err.value.code == 400
    sim.routines.delete(external_ids="r1")
    assert len(sim.routines.revisions.list()) == 0
    sim.models.delete(external_ids=["pump"])
    assert len(sim.models.revisions.list(all_versions=True)) == 0


async def test_async_client(config: ClientConfig) -> None:
    async with AsyncCogniteClient(config) as client:
        assert [s.external_id async for s in client.simulators()] == []
        assert len(await client.simulators.runs.list()) == 0


def test_bad_arguments_fail_before_requests(client: CogniteClient) -> None:
    sim = client.simulators
    with pytest.raises(ValueError, match="status"):
        sim.runs.list(status="done")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="active"):
        sim.integrations.list(active="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind"):
        sim.routines.list(kind="short")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="property"):
        sim.models.list(sort=PropertySort("name"))
    with pytest.raises(TypeError, match="items"):
        sim.models.create("pump")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="ids or external_ids"):
        sim.models.delete()
    with pytest.raises(ValueError, match="routine_external_id"):
        sim.routines.run()
    with pytest.raises(TypeError, match="run_id"):
        sim.runs.list_run_data("1")  # type: ignore[arg-type]


def test_docstring_examples_run() -> None:
    import cognite.client._api.simulators as api
    import cognite.client.data_classes.simulators as classes
    from cognite.client.data_classes.simulators import filters, logs, models, routine_revisions, routines, runs
    from cognite.client.data_classes.simulators import simulators as sim_classes

    for module in (api, classes, filters, logs, models, routine_revisions, routines, runs, sim_classes):
        finder = doctest.DocTestFinder(exclude_empty=True)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module, module.__name__) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
