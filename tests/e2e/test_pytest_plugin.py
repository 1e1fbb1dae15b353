"""The pytest fixtures the package ships for users' own tests (registered through the pytest11 entry point)."""

from __future__ import annotations

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.credentials import Token
from cognite.client.data_classes import AssetWrite
from cognite.client.testing import CDFEmulator, EmulatorServer


def test_sync_client_fixture_talks_to_the_emulator_fixture(
    emulated_cognite_client: CogniteClient, cognite_emulator: CDFEmulator
) -> None:
    emulated_cognite_client.assets.create(AssetWrite(name="pump", external_id="pump"))
    assert cognite_emulator.counters.requests == 1
    assert [a["externalId"] for a in cognite_emulator.store("emulated", "assets").items.values()] == ["pump"]


async def test_async_client_fixture(emulated_async_cognite_client: AsyncCogniteClient) -> None:
    await emulated_async_cognite_client.assets.create(AssetWrite(name="a", external_id="a"))
    found = await emulated_async_cognite_client.assets.retrieve(external_id="a")
    assert found is not None and found.name == "a"


def test_each_test_gets_a_fresh_emulator(emulated_cognite_client: CogniteClient) -> None:
    assert len(emulated_cognite_client.assets.list(limit=None)) == 0


def test_server_fixture_serves_on_loopback(cognite_emulator_server: EmulatorServer) -> None:
    assert cognite_emulator_server.url.startswith("http://127.0.0.1:")
    with CogniteClient(ClientConfig("t", "p", Token("t"), base_url=cognite_emulator_server.url)) as client:
        assert client.assets.list() == []
