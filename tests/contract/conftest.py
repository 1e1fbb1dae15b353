"""Shared fixtures of the contract tests: the CDF spec and clients whose requests go to a spec-checking fake."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token
from cognite.client.testing._openapi import OpenAPISpec

#: The project of contract clients: request paths start with this prefix.
PREFIX = "/api/v1/projects/contract"


@pytest.fixture(scope="session")
def spec() -> OpenAPISpec:
    """The CDF OpenAPI spec (loaded once)."""
    return OpenAPISpec.load()


@pytest.fixture
def contract_client() -> Callable[[Callable[[httpx.Request], httpx.Response]], AsyncCogniteClient]:
    """Build an async client (project ``contract``) whose every request is answered by ``handler``."""

    def build(handler: Callable[[httpx.Request], httpx.Response]) -> AsyncCogniteClient:
        cfg = ClientConfig("contract", "contract", Token("t"), base_url="https://contract.cognitedata.com")
        return AsyncCogniteClient(cfg, transport=httpx.MockTransport(handler))

    return build
