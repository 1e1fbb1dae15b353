"""Shared fixtures of the end-to-end tests: one validating emulator served over loopback per test module, and a
client configuration with a project of its own per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cognite.client import ClientConfig
from cognite.client.credentials import Token
from cognite.client.testing import CDFEmulator, EmulatorServer


@pytest.fixture(scope="module")
def emulator() -> CDFEmulator:
    """An emulator that checks every request and response against the CDF spec (one per test module)."""
    return CDFEmulator(seed=11, validate=True)


@pytest.fixture(scope="module")
def server(emulator: CDFEmulator) -> Iterator[EmulatorServer]:
    """The emulator served with uvicorn on 127.0.0.1."""
    with emulator.serve() as srv:
        yield srv


@pytest.fixture
def config(server: EmulatorServer, request: pytest.FixtureRequest) -> ClientConfig:
    """A configuration for the served emulator, with a project named after the test (tests never share data)."""
    project = "e2e-" + request.node.name.replace("_", "-")[:40].lower()
    return ClientConfig("e2e", project, Token("t"), base_url=server.url)
