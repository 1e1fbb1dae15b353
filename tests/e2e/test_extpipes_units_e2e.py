"""End to end: every Extraction Pipelines and Units method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec, so a wrong body fails here too.
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import (
    DataSetWrite,
    ExtractionPipelineConfigWrite,
    ExtractionPipelineContact,
    ExtractionPipelineList,
    ExtractionPipelineRunList,
    ExtractionPipelineRunWrite,
    ExtractionPipelineUpdate,
    ExtractionPipelineWrite,
)
from cognite.client.data_classes.extractionpipelines import ExtractionPipelineNotificationConfiguration
from cognite.client.data_classes.units import UnitList
from cognite.client.exceptions import CogniteAPIError, CogniteDuplicatedError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_every_extraction_pipelines_method_over_loopback(client: CogniteClient) -> None:
    ds = client.data_sets.create(DataSetWrite(external_id="ds"))
    assert ds.id is not None
    ep = client.extraction_pipelines
    contact = ExtractionPipelineContact("Kari", "kari@example.com", "Owner", True)
    created = ep.create([
        ExtractionPipelineWrite(f"p{i}", f"P{i}", ds.id, schedule="Continuous", contacts=[contact],
                                raw_tables=[{"dbName": "db", "tableName": f"t{i}"}], metadata={"n": str(i)},
                                notification_config=ExtractionPipelineNotificationConfiguration(60))
        for i in range(30)
    ])  # fmt: skip
    assert isinstance(created, ExtractionPipelineList) and len(created) == 30
    assert created[0].contacts == [contact] and created[0].notification_config is not None
    with pytest.raises(CogniteDuplicatedError):
        ep.create(ExtractionPipelineWrite("p0", "again", ds.id))
    with pytest.raises(CogniteAPIError):
        ep.create(ExtractionPipelineWrite("px", "no data set", 123456789))
    assert ep.retrieve(external_id="p3").name == "P3"  # type: ignore[union-attr]
    assert ep.retrieve(id=created[4].id).external_id == "p4"  # type: ignore[union-attr]
    assert ep.retrieve(external_id="missing") is None
    got = ep.retrieve_multiple(ids=[created[0].id], external_ids=["p1", "missing"], ignore_unknown_ids=True)  # type: ignore[list-item]
    assert got.as_external_ids() == ["p0", "p1"]
    with pytest.raises(CogniteNotFoundError):
        ep.retrieve_multiple(external_ids=["missing"])
    assert len(ep.list()) == 25 and len(ep.list(limit=None)) == 30
    assert sum(len(chunk) for chunk in ep(chunk_size=7)) == 30  # type: ignore[arg-type]
    assert len(list(ep(limit=3))) == 3

    updated = ep.update(
        ExtractionPipelineUpdate(external_id="p0").description.set("d").source.set("ERP")
        .raw_tables.add([{"dbName": "db", "tableName": "extra"}]).contacts.set([]).metadata.add({"k": "v"})
    )  # fmt: skip
    assert updated.description == "d" and updated.source == "ERP" and updated.contacts is None
    assert updated.raw_tables == [{"dbName": "db", "tableName": "t0"}, {"dbName": "db", "tableName": "extra"}]
    assert updated.metadata == {"n": "0", "k": "v"}
    write = ExtractionPipelineWrite("p1", "Renamed", ds.id, metadata={"x": "y"})
    patched = ep.update(write, mode="patch")
    assert patched.name == "Renamed" and patched.metadata == {"n": "1", "x": "y"} and patched.schedule == "Continuous"
    replaced = ep.update(write, mode="replace")
    assert replaced.metadata == {"x": "y"} and replaced.schedule is None and replaced.raw_tables is None
    assert replaced.notification_config is not None  # replace cannot clear it: the API only sets it
    ignored = ep.update([ExtractionPipelineWrite("p2", "Two", ds.id)], mode="replace_ignore_null")
    assert ignored[0].name == "Two" and ignored[0].metadata == {"n": "2"}
    ep.delete(id=created[5].id, external_id=["p6", "p7"])
    assert len(ep.list(limit=None)) == 27
    with pytest.raises(CogniteNotFoundError):
        ep.delete(external_id="p6")


def test_runs_and_configs_over_loopback(client: CogniteClient) -> None:
    ds = client.data_sets.create(DataSetWrite(external_id="ds"))
    assert ds.id is not None
    ep = client.extraction_pipelines
    ep.create(ExtractionPipelineWrite("sap", "SAP", ds.id))
    runs = ep.runs.create([
        ExtractionPipelineRunWrite("sap", "success", created_time=1_000),
        ExtractionPipelineRunWrite("sap", "failure", "Connection timeout", created_time=2_000),
        ExtractionPipelineRunWrite("sap", "seen", created_time=3_000),
    ])  # fmt: skip
    assert isinstance(runs, ExtractionPipelineRunList) and {r.extpipe_external_id for r in runs} == {"sap"}
    pipe = ep.retrieve(external_id="sap")
    assert pipe is not None
    assert (pipe.last_success, pipe.last_failure, pipe.last_seen, pipe.last_message) == (
        1_000, 2_000, 3_000, "Connection timeout",
    )  # fmt: skip
    now_run = ep.runs.create(ExtractionPipelineRunWrite("sap", "seen"))
    assert now_run.created_time is not None and now_run.created_time > 3_000
    listed = ep.runs.list("sap", limit=None)
    assert [r.status for r in listed] == ["seen", "seen", "failure", "success"]
    assert {r.extpipe_external_id for r in listed} == {"sap"}
    assert [r.status for r in ep.runs.list("sap", statuses="failure")] == ["failure"]
    assert [r.created_time for r in ep.runs.list("sap", statuses=["success", "seen"], created_time={"max": 3_000})] == [
        3_000, 1_000,
    ]  # fmt: skip
    assert [r.message for r in ep.runs.list("sap", message_substring="TIMEOUT")] == ["Connection timeout"]
    assert [r.status for r in ep.runs.list("sap", created_time="1h-ago")] == ["seen"]
    assert len(ep.runs.list("sap", limit=2)) == 2
    with pytest.raises(CogniteAPIError):
        ep.runs.create(ExtractionPipelineRunWrite("nope", "seen"))

    first = ep.config.create(ExtractionPipelineConfigWrite("sap", "batch: 1", "first"))
    second = ep.config.create(ep.config.retrieve("sap").as_write())
    assert (first.revision, second.revision, second.config) == (1, 2, "batch: 1")
    ep.config.create(ExtractionPipelineConfigWrite("sap", "batch: 3"))
    assert ep.config.retrieve("sap").config == "batch: 3"
    assert ep.config.retrieve("sap", revision=1).description == "first"
    assert ep.config.retrieve("sap", active_at_time="now").revision == 3
    reverted = ep.config.revert("sap", 1)
    assert (reverted.revision, reverted.config) == (4, "batch: 1")
    assert [r.revision for r in ep.config.list("sap")] == [4, 3, 2, 1]
    with pytest.raises(CogniteAPIError):
        ep.config.retrieve("sap", revision=99)
    ep.delete(external_id="sap")
    with pytest.raises(CogniteAPIError):
        ep.config.list("sap")


def test_units_over_loopback(client: CogniteClient) -> None:
    units = client.units.list()
    assert isinstance(units, UnitList) and "temperature:deg_c" in units.as_external_ids()
    celsius = client.units.retrieve("temperature:deg_c")
    assert celsius is not None and celsius.conversion.offset == 273.15
    assert client.units.retrieve("nope:x") is None
    assert client.units.retrieve(["length:km", "nope:x"], ignore_unknown_ids=True).as_external_ids() == ["length:km"]
    with pytest.raises(CogniteNotFoundError):
        client.units.retrieve(["nope:x"])
    assert client.units.from_alias("cmol / L").quantity == "Amount of Substance Concentration"
    assert client.units.from_alias("F", "Temperature").external_id == "temperature:deg_f"
    with pytest.raises(ValueError, match="ambiguous"):
        client.units.from_alias("F")
    with pytest.raises(ValueError, match="kilowatt"):
        client.units.from_alias("kilo watt")
    assert client.units.from_alias("meter per sec", return_closest_matches=True)[0].external_id == "velocity:m-per-sec"  # type: ignore[index]
    systems = client.units.systems.list()
    si = next(s for s in systems if s.name == "SI")
    defaults = {q.name: q.unit_external_id for q in si.quantities}
    assert defaults["Temperature"] == "temperature:k"
    assert set(defaults.values()) <= set(units.as_external_ids())


async def test_async_extraction_pipelines_and_units(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        ds = await client.data_sets.create(DataSetWrite(external_id="ds"))
        assert ds.id is not None
        await client.extraction_pipelines.create([ExtractionPipelineWrite(f"a{i}", "A", ds.id) for i in range(5)])
        seen = [p.external_id async for p in client.extraction_pipelines()]  # type: ignore[union-attr]
        assert sorted(seen) == [f"a{i}" for i in range(5)]
        await client.extraction_pipelines.runs.create(ExtractionPipelineRunWrite("a0", "failure", "boom"))
        assert (await client.extraction_pipelines.retrieve(external_id="a0")).last_message == "boom"  # type: ignore[union-attr]
        assert (await client.units.from_alias("psi")).external_id == "pressure:psi"
        assert len(await client.units.systems.list()) == 3
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.extractionpipelines as extpipes_api
    import cognite.client._api.units as units_api
    import cognite.client.data_classes.extractionpipelines as extpipes_classes
    import cognite.client.data_classes.units as units_classes

    for module in (extpipes_api, units_api, extpipes_classes, units_classes):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
