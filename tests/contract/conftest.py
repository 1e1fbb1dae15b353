"""Shared fixtures of the contract tests: the CDF spec, and a client wired to the module's spec-checking fake.

Each test module defines a ``cdf`` fixture: a :class:`~cognite.client.testing.SpecCheckedCDF` subclass with the
canned answers of its API.
"""

from __future__ import annotations

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec


@pytest.fixture(scope="session")
def spec() -> OpenAPISpec:
    """The CDF OpenAPI spec (loaded once)."""
    return OpenAPISpec.load()


@pytest.fixture
def client(cdf: SpecCheckedCDF) -> AsyncCogniteClient:
    """An async client (project ``contract``) whose every request is answered by the module's ``cdf``."""
    return cdf.client()
