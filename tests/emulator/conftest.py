"""Fixtures for the emulator tests: an emulator that validates every request/response against the CDF spec,
raw httpx clients in-process and over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator, EmulatorServer
from cognite.client.testing._openapi import OpenAPISpec

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}


@pytest.fixture(scope="session")
def spec() -> OpenAPISpec:
    return OpenAPISpec.load()


@pytest.fixture
def emulator(spec: OpenAPISpec) -> CDFEmulator:
    return CDFEmulator(seed=1234, validate=True, spec=spec)


@pytest.fixture
async def client(emulator: CDFEmulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://cdf.local/api/v1/projects/{PROJECT}", headers=AUTH
    ) as c:
        yield c


@pytest.fixture(scope="module")
def server(spec: OpenAPISpec) -> Iterator[EmulatorServer]:
    emulator = CDFEmulator(seed=99, validate=True, spec=spec)
    with EmulatorServer(emulator) as srv:
        yield srv


@pytest.fixture
def loopback_emulator(server: EmulatorServer) -> CDFEmulator:
    server.emulator.reset()
    return server.emulator


@pytest.fixture
def spec_hooks(spec: OpenAPISpec) -> dict[str, Any]:
    """httpx event hooks that validate every response against the spec."""
    return spec_checked(spec)


def spec_checked(spec: OpenAPISpec) -> dict[str, Any]:
    """Event hooks that validate every response a raw httpx client receives against the spec."""

    async def check(response: httpx.Response) -> None:
        await response.aread()
        req = response.request
        if spec.find_operation(req.method, req.url.path) is not None and response.content:
            spec.validate_response(req.method, req.url.path, response.status_code, response.json())

    return {"response": [check]}
