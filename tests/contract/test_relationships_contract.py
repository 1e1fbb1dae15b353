"""Contract tests: every request the Relationships API sends validates against the CDF OpenAPI spec."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import LabelFilter
from cognite.client.data_classes.relationships import Relationship, RelationshipUpdate, RelationshipWrite
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec


def _rel(xid: str) -> dict[str, Any]:
    return {
        "externalId": xid,
        "sourceExternalId": "s",
        "sourceType": "asset",
        "targetExternalId": "t",
        "targetType": "timeSeries",
        "createdTime": 0,
        "lastUpdatedTime": 0,
    }


class RelationshipsCDF(SpecCheckedCDF):
    """Answers Relationships requests with canned, valid bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if path == "/relationships/delete":
            return 202, {}
        if path == "/relationships" and method == "POST":
            return 201, {"items": [_rel(it["externalId"]) for it in body["items"]]}
        if path in ("/relationships/update", "/relationships/byids"):
            return 200, {"items": [_rel(it["externalId"]) for it in body["items"]]}
        return 200, {"items": [_rel("a"), _rel("b")]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> RelationshipsCDF:
    return RelationshipsCDF(spec)


async def test_every_relationships_request_matches_the_spec(client: AsyncCogniteClient, cdf: RelationshipsCDF) -> None:
    r = client.relationships
    await r.retrieve(external_id="a")
    await r.retrieve(external_id="a", fetch_resources=True)
    await r.retrieve_multiple(external_ids=["a", "b"], fetch_resources=True, ignore_unknown_ids=True)
    await r.list(
        source_external_ids=["s"],
        source_types=["asset", "timeSeries"],
        target_external_ids=["t"],
        target_types=["event", "file", "sequence"],
        data_set_ids=[1],
        data_set_external_ids=["ds"],
        start_time={"min": 0, "max": 10},
        end_time=TimestampRange(min=5),
        confidence={"min": 0.5, "max": 1.0},
        last_updated_time={"max": 99},
        created_time={"min": 1},
        active_at_time={"min": 3, "max": 4},
        labels=LabelFilter(contains_all=["L"]),
        limit=10,
        fetch_resources=True,
    )
    await r.list(labels=LabelFilter(contains_any=["L", "M"]), limit=None, partitions=2)
    await r.list(source_external_ids=[f"s{i}" for i in range(2100)], target_external_ids=["t"], limit=None)
    async for _ in r(chunk_size=2, limit=4, target_external_ids=[f"t{i}" for i in range(1500)], fetch_resources=True):
        pass
    await r.create([RelationshipWrite("a", "s", "asset", "t", "timeSeries", 0, 10, 0.5, 3, ["L"])])
    await r.create(Relationship.load(_rel("b")))
    await r.update(
        RelationshipUpdate("a")
        .source_external_id.set("s2")
        .source_type.set("event")
        .target_external_id.set("t2")
        .target_type.set("file")
        .start_time.set(1)
        .end_time.set(None)
        .confidence.set(0.2)
        .data_set_id.set(None)
        .labels.add(["A"])
        .labels.remove(["B"])
    )
    await r.update(RelationshipUpdate("a").labels.add(["A"]).confidence.set(None))
    for mode in ("replace_ignore_null", "patch", "replace"):
        await r.update(RelationshipWrite("a", "s", "asset", "t", "event", labels=["L"], confidence=1.0), mode=mode)  # type: ignore[call-overload]
    await r.upsert([RelationshipWrite("a", "s", "asset", "t", "event")], mode="replace")
    await r.delete(external_id=["a", "b"], ignore_unknown_ids=True)
    await r.delete(external_id="a")

    assert cdf.errors == []
    routes = cdf.seen
    for route in (
        ("POST", "/relationships"),
        ("POST", "/relationships/byids"),
        ("POST", "/relationships/list"),
        ("POST", "/relationships/update"),
        ("POST", "/relationships/delete"),
    ):
        assert route in routes
    for body in (r.body for r in cdf.requests):
        for key in ("sourceExternalIds", "targetExternalIds"):
            assert len(((body or {}).get("filter") or {}).get(key, ())) <= 1000


@pytest.mark.parametrize(
    "update",
    [
        RelationshipUpdate("a").source_type.set(None),
        RelationshipUpdate("a").target_external_id.set(None),
    ],
)
def test_the_spec_refuses_clearing_required_fields(spec: OpenAPISpec, update: RelationshipUpdate) -> None:
    """Source and target can only be set (the SDK's update kinds follow the patch schema)."""
    assert spec.request_errors("POST", "/relationships/update", {"items": [update.dump()]})
