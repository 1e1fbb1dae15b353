"""pytest fixtures for testing your own CDF code against the local emulator (loaded automatically by pytest).

Fixtures (each test gets its own emulator, so tests never share data):

- ``cognite_emulator``: a :class:`~cognite.client.testing.CDFEmulator`, for seeding data (e.g. state time series
  with ``seed_state_time_series``), injecting faults and reading counters.
- ``emulated_cognite_client``: a ``CogniteClient`` talking to it in-process.
- ``emulated_async_cognite_client``: an ``AsyncCogniteClient`` talking to it in-process.
- ``cognite_emulator_server``: the emulator served over HTTP on 127.0.0.1 (for code that builds its own client
  from a base URL), as an :class:`~cognite.client.testing.EmulatorServer` (``.url``).

Example (a test module in your project)::

    from cognite.client.data_classes import AssetWrite

    def test_my_pipeline(emulated_cognite_client, cognite_emulator):
        emulated_cognite_client.assets.create(AssetWrite(name="pump", external_id="pump"))
        assert cognite_emulator.counters.requests == 1
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from cognite.client.testing._clients import DEFAULT_PROJECT

if TYPE_CHECKING:
    from cognite.client._cognite_client import AsyncCogniteClient
    from cognite.client._sync_client import CogniteClient
    from cognite.client.testing._app import CDFEmulator
    from cognite.client.testing._server import EmulatorServer

__all__ = [
    "cognite_emulator",
    "cognite_emulator_server",
    "emulated_async_cognite_client",
    "emulated_cognite_client",
]

PROJECT = DEFAULT_PROJECT


def _config(base_url: str) -> Any:
    from cognite.client.config import ClientConfig
    from cognite.client.credentials import Token

    return ClientConfig(client_name="pytest", project=PROJECT, credentials=Token("emulated-token"), base_url=base_url)


@pytest.fixture
def cognite_emulator() -> CDFEmulator:
    """A fresh local CDF emulator (seeded, so ids repeat from run to run)."""
    from cognite.client.testing._app import CDFEmulator

    return CDFEmulator(seed=0)


@pytest.fixture
def emulated_cognite_client(cognite_emulator: CDFEmulator) -> Iterator[CogniteClient]:
    """A CogniteClient for project ``emulated`` on the emulator, in-process (no sockets)."""
    from cognite.client._sync_client import CogniteClient

    client = CogniteClient(_config("http://emulator.local"), transport=cognite_emulator.transport())
    yield client
    client.close()


@pytest.fixture
def emulated_async_cognite_client(cognite_emulator: CDFEmulator) -> AsyncCogniteClient:
    """An AsyncCogniteClient for project ``emulated`` on the emulator, in-process (usable from any event loop)."""
    from cognite.client._cognite_client import AsyncCogniteClient

    return AsyncCogniteClient(_config("http://emulator.local"), transport=cognite_emulator.transport())


@pytest.fixture
def cognite_emulator_server(cognite_emulator: CDFEmulator) -> Iterator[EmulatorServer]:
    """The emulator served with uvicorn on 127.0.0.1 (a free port); ``.url`` is its base URL."""
    with cognite_emulator.serve() as server:
        yield server
