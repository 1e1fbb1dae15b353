"""End to end: every integrations, limits and metering method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec (limits and metering
against the alpha operations of ``_spec_alpha``), so a wrong body fails here too.
"""

from __future__ import annotations

import asyncio
import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes.assets import AssetWrite
from cognite.client.data_classes.filters import Prefix
from cognite.client.data_classes.integrations import (
    Extractor,
    IntegrationList,
    IntegrationUpdate,
    IntegrationWrite,
    Task,
)
from cognite.client.exceptions import CogniteDuplicatedError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_every_integrations_method_over_loopback(client: CogniteClient) -> None:
    api = client.integrations
    created = api.create(
        [IntegrationWrite("plant-1", Extractor("cognite-opcua", "1.2.3"), "Plant 1", "d", "# doc", {"site": "a"}, 30)]
        + [IntegrationWrite(f"x{i}", Extractor("custom")) for i in range(24)]
    )
    assert isinstance(created, IntegrationList) and len(created) == 25  # in chunks of 20
    first = api.retrieve("plant-1")
    assert first is not None and first.metadata == {"site": "a"} and first.allowed_not_seen_minutes == 30
    with pytest.raises(CogniteDuplicatedError):
        api.create(IntegrationWrite("x0", Extractor("custom")))
    assert api.retrieve("missing") is None
    assert api.retrieve(["x1", "missing"], ignore_unknown_ids=True).as_external_ids() == ["x1"]
    with pytest.raises(CogniteNotFoundError):
        api.retrieve(["x1", "missing"])
    updated = api.update([
        IntegrationUpdate("plant-1").name.set("Plant one").description.set(None).metadata.add({"line": "2"}),
        IntegrationWrite("x0", Extractor("custom"), name="zero"),
    ])  # fmt: skip
    assert (updated[0].name, updated[0].description, updated[0].metadata) == (
        "Plant one",
        None,
        {"site": "a", "line": "2"},
    )
    assert updated[1].name == "zero"
    assert len(api.list(limit=None)) == 25 and len(api.list()) == 25 and len(api.list(limit=3)) == 3
    assert [len(c) for c in api(chunk_size=10)] == [10, 10, 5]

    client.post("/integrations/startup", json={"externalId": "plant-1", "extractor": {"externalId": "cognite-opcua",
                "version": "1.3.0"}, "tasks": [{"type": "continuous", "name": "stream"}], "activeConfigRevision": 2})  # fmt: skip
    client.post("/integrations/checkin", json={"externalId": "plant-1", "errors": [
        {"level": "error", "description": "timeout", "task": "stream", "startTime": 1000, "endTime": 2000},
        {"level": "warning", "description": "slow", "startTime": 3000},
    ]})  # fmt: skip
    reported = api.retrieve("plant-1")
    assert reported is not None and reported.tasks == [Task("continuous", "stream", False)]
    assert reported.extractor.version == "1.3.0" and reported.active_config_revision == 2 and reported.last_seen
    errors = api.errors.list(external_id="plant-1", limit=None)
    assert [e.description for e in errors] == ["slow", "timeout"]  # newest first
    assert [e.description for e in api.errors.list(external_id="plant-1", task="stream")] == ["timeout"]
    assert [e.description for e in api.errors.list(min_start_time=2500)] == ["slow"]
    assert [e.description for e in api.errors.list(max_end_time=2000)] == ["timeout"]

    api.delete(["plant-1", "x0"])
    with pytest.raises(CogniteNotFoundError):
        api.delete("plant-1")
    api.delete("plant-1", ignore_unknown_ids=True)
    assert len(api.list(limit=None)) == 23 and len(api.errors.list()) == 0  # errors go with their integration


def test_limits_and_metering_over_loopback(client: CogniteClient) -> None:
    assert client.limits.retrieve("integrations.create_items_per_request").value == 20  # type: ignore[union-attr]
    assert client.limits.retrieve("datapoints.insert_datapoints_per_request").value == 100_000  # type: ignore[union-attr]
    assert client.limits.retrieve("no.such_limit") is None
    every = client.limits.list(limit=None)
    assert len(every) > 25 and len(client.limits.list()) == 25
    assert every.as_ids() == sorted(every.as_ids())
    assets = client.limits.list(filter=Prefix("limitId", "assets."), limit=None)
    assert {lim.limit_id: lim.value for lim in assets}["assets.list_max_limit"] == 1000

    client.assets.create([AssetWrite(external_id=f"a{i}", name="a") for i in range(3)])
    meters = client.metering.list(filter=Prefix("meterId", "assets."))
    assert meters.as_ids() == ["assets.resources"] and meters[0].datapoints == []
    series = client.metering.retrieve("assets.resources", start="1h-ago", end="now", number_of_datapoints=4)
    assert series is not None and [dp.average for dp in series.datapoints or []] == [0, 0, 0, 3]
    assert client.metering.retrieve("no.such_meter") is None
    both = client.metering.retrieve(
        ["assets.resources", "events.resources", "no.such_meter"], start=0, number_of_datapoints=1
    )
    assert both.as_ids() == ["assets.resources", "events.resources"]  # unknown meters are left out
    assert [m.datapoints[0].average for m in both] == [3, 0]  # type: ignore[index]
    every_meter = client.metering.list(limit=None, start="1d-ago", number_of_datapoints=600)
    assert len(every_meter) > 5 and {len(m.datapoints or []) for m in every_meter} == {600}


def test_async_client_over_loopback(config: ClientConfig) -> None:
    async def main() -> tuple[int, int, int]:
        async with AsyncCogniteClient(config) as client:
            await client.integrations.create(IntegrationWrite("a", Extractor("x")))
            seen = [i async for i in client.integrations(limit=5)]
            limits = await client.limits.list(limit=3)
            meters = await client.metering.retrieve(["integrations.resources"])
            return len(seen), len(limits), len(meters)

    assert asyncio.run(main()) == (1, 3, 1)


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.integrations as integrations_api
    import cognite.client._api.limits as limits_api
    import cognite.client._api.metering as metering_api
    import cognite.client.data_classes.integrations.errors as errors_classes
    import cognite.client.data_classes.integrations.integrations as integrations_classes
    import cognite.client.data_classes.limits as limits_classes
    import cognite.client.data_classes.metering as metering_classes

    modules = (integrations_api, limits_api, metering_api, errors_classes, integrations_classes, limits_classes,
               metering_classes)  # fmt: skip
    for module in modules:
        finder = doctest.DocTestFinder(exclude_empty=True)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module, module.__name__) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
