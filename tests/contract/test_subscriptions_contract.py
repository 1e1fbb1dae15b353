"""Contract tests: every request the Datapoint Subscriptions API sends validates against the CDF OpenAPI spec, and
the canned responses it decodes do too."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.datapoints_subscriptions import (
    DatapointSubscriptionProperty,
    DataPointSubscriptionUpdate,
    DataPointSubscriptionWrite,
    NodeId,
)
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

SUB = {"externalId": "s", "partitionCount": 1, "createdTime": 0, "lastUpdatedTime": 0, "timeSeriesCount": 1}
TS = {"id": 1, "externalId": "t", "isString": False, "type": "numeric"}


class SubscriptionsCDF(SpecCheckedCDF):
    """Answers Datapoint Subscriptions requests with bodies the spec allows."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if path == "/timeseries/subscriptions" and method == "POST":
            return 201, {"items": [SUB]}
        if path.endswith("/delete"):
            return 200, {}
        if path.endswith("/data/list"):
            index = body["partitions"][0]["index"]
            update = {
                "timeSeries": TS,
                "upserts": [{"timestamp": 1, "value": 2.5}, {"timestamp": 2, "status": {"code": 2147483648}}],
                "deletes": [{"inclusiveBegin": 0, "exclusiveEnd": 1}],
            }
            return 200, {
                "updates": [update],
                "subscriptionChanges": {"added": [TS], "removed": []},
                "partitions": [{"index": index, "nextCursor": f"c{len(self.requests)}"}],
                "hasNext": len(self.requests) % 2 == 1,
            }
        if path.endswith("/members"):
            return 200, {"items": [{"externalId": "t", "id": 1}, {"instanceId": {"space": "s", "externalId": "n"}}]}
        if method == "GET":
            return 200, {"items": [SUB, {**SUB, "externalId": "f", "filter": {"exists": {"property": ["unit"]}}}]}
        return 200, {"items": [SUB]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> SubscriptionsCDF:
    return SubscriptionsCDF(spec)


async def test_every_subscription_request_matches_the_spec(client: AsyncCogniteClient, cdf: SubscriptionsCDF) -> None:
    api = client.time_series.subscriptions
    await api.create(
        DataPointSubscriptionWrite(
            "s", 3, [f"t{i}" for i in range(150)], [NodeId("sp", "n")], name="n", description="d", data_set_id=1
        )
    )
    numeric_step = flt.And(
        flt.Equals(DatapointSubscriptionProperty.is_string, False),
        flt.Or(flt.In(DatapointSubscriptionProperty.unit, ["m", "s"]), flt.Prefix("external_id", "p")),
        flt.Not(flt.Range(DatapointSubscriptionProperty.created_time, gte=0, lt=10)),
        flt.Exists(DatapointSubscriptionProperty.metadata_key("site")),
    )
    await api.create(DataPointSubscriptionWrite("f", 100, filter=numeric_step))
    await api.retrieve("s")
    await api.list(limit=None)
    async for _ in api(chunk_size=1, limit=2):
        pass
    await api.list_member_time_series("s", limit=150)
    await api.update(
        DataPointSubscriptionUpdate("s").name.set("n").description.set(None).data_set_id.set(None)
        .time_series_ids.add([f"a{i}" for i in range(120)]).time_series_ids.remove(["b"])
        .instance_ids.remove([NodeId("sp", "n")])
    )  # fmt: skip
    await api.update(DataPointSubscriptionUpdate("s").instance_ids.set([NodeId("sp", "m")]).name.set("x"))
    await api.update(
        DataPointSubscriptionUpdate("f").filter.set(flt.Equals(DatapointSubscriptionProperty.is_step, True))
    )
    for mode in ("replace_ignore_null", "patch", "replace"):
        await api.update(DataPointSubscriptionWrite("s", 1, ["a"], name="n"), mode=mode)  # type: ignore[arg-type]
        await api.update(DataPointSubscriptionWrite("f", 1, filter=numeric_step, description="d"), mode=mode)  # type: ignore[arg-type]
    await api.delete(["s", "f"], ignore_unknown_ids=True)
    await api.delete("s")
    seen = 0
    async for _ in api.iterate_data("s", start="now", limit=100_000, partition=2, poll_timeout=0, include_status=True):
        seen += 1
        if seen == 3:
            break
    async for _ in api.iterate_data("s", cursor="c", ignore_bad_datapoints=False, treat_uncertain_as_bad=False):
        break
    assert cdf.errors == []
    assert {f"{method} {template}" for method, template in cdf.seen} == {
        "POST /timeseries/subscriptions",
        "POST /timeseries/subscriptions/byids",
        "GET /timeseries/subscriptions",
        "GET /timeseries/subscriptions/members",
        "POST /timeseries/subscriptions/update",
        "POST /timeseries/subscriptions/delete",
        "POST /timeseries/subscriptions/data/list",
    }


async def test_the_spec_rejects_what_the_sdk_never_sends(spec: OpenAPISpec) -> None:
    """The checks above have teeth: bodies the SDK avoids (two subscriptions per request, more than 100 ids, a
    limit above the maximum) are rejected by the spec."""
    two = {"items": [{"externalId": "a", "partitionCount": 1}, {"externalId": "b", "partitionCount": 1}]}
    assert spec.request_errors("POST", "/timeseries/subscriptions", two, None)
    many = {"items": [{"externalId": "a", "partitionCount": 1, "timeSeriesIds": [str(i) for i in range(101)]}]}
    assert spec.request_errors("POST", "/timeseries/subscriptions", many, None)
    body = {"partitions": [{"index": 0}], "limit": 100_001}
    assert spec.request_errors("POST", "/timeseries/subscriptions/data/list", body, None)
