"""Contract tests: every request the integrations, limits and metering APIs send validates against the CDF OpenAPI
spec (limits and metering: the alpha operations added by ``_spec_alpha``), each method called with every parameter."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.filters import Prefix
from cognite.client.data_classes.integrations import Extractor, Integration, IntegrationUpdate, IntegrationWrite
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

_INTEGRATION = {"externalId": "i", "extractor": {"externalId": "x", "version": "1"}, "createdTime": 0,
                "lastUpdatedTime": 0, "tasks": [{"type": "batch", "name": "t"}], "activeConfigRevision": 1}  # fmt: skip
_METER = {"meterId": "a.b", "datapoints": [{"timestamp": "2026-01-01T00:00:00Z", "average": 1.5}]}


class IntegrationsCDF(SpecCheckedCDF):
    """Answers integrations, limits and metering requests with valid canned bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        n = len(body["items"]) if isinstance(body, dict) and "items" in body else 2
        if template.endswith("/delete"):
            return 200, {}
        if template == "/integrations/errors":
            return 200, {"items": [{"level": "error", "description": "d", "details": "", "startTime": 0}]}
        if template.startswith("/integrations"):
            return 200, {"items": [_INTEGRATION for _ in range(n)]}
        if template == "/limits/values/{limitId}":
            return 200, {"limitId": "a.b", "value": 1}
        if template.startswith("/limits"):
            return 200, {"items": [{"limitId": "a.b", "value": 1}]}
        if template == "/metering/meters/{meterId}":
            return 200, _METER
        return 200, {"items": [_METER]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> IntegrationsCDF:
    return IntegrationsCDF(spec)


async def test_every_integrations_request_matches_the_spec(client: AsyncCogniteClient, cdf: IntegrationsCDF) -> None:
    api = client.integrations
    writes = [
        IntegrationWrite("a", Extractor("x", "1"), "n", "d", "doc", {"k": "v"}, 10),
        IntegrationWrite("b", Extractor("x")),
        Integration.load(_INTEGRATION),
    ]
    await api.create(writes)
    await api.create(writes[0])
    await api.retrieve("a")
    await api.retrieve(["a", "b"], ignore_unknown_ids=True)
    await api.list(limit=None)
    async for _ in api(chunk_size=1, limit=2):
        pass
    await api.update([
        IntegrationUpdate("a").name.set("n").description.set(None),
        IntegrationUpdate("b").name.set(None).description.set("d"),
    ])  # fmt: skip
    await api.update(writes[1])
    await api.delete(["a", "b"], ignore_unknown_ids=True)
    await api.errors.list(external_id="a", task="t", min_start_time=0, max_end_time="now", limit=None)
    await api.errors.list()
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {f"/integrations{s}" for s in ("", "/byids", "/update", "/delete", "/errors")}


async def test_every_limits_and_metering_request_matches_the_alpha_spec(
    client: AsyncCogniteClient, cdf: IntegrationsCDF
) -> None:
    await client.limits.list()
    await client.limits.list(filter=Prefix("limitId", "atlas."), limit=None)
    await client.limits.retrieve("atlas.monthly_ai_tokens")
    await client.metering.list()
    await client.metering.list(filter=Prefix("meterId", "a."), limit=5, start=0, end="now", number_of_datapoints=3)
    await client.metering.list(start="2d-ago", number_of_datapoints=600)
    await client.metering.retrieve("a.b", start=0, end=1000, number_of_datapoints=1)
    await client.metering.retrieve(["a.b", "c.d"], start=0, end=1000, number_of_datapoints=1)
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {
        "/limits/values", "/limits/values/list", "/limits/values/{limitId}", "/metering/meters",
        "/metering/meters/list", "/metering/meters/{meterId}", "/metering/meters/byids",
    }  # fmt: skip
