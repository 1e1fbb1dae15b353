"""Contract tests: every request the Assets API sends validates against the CDF OpenAPI spec."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import AssetFilter, AssetUpdate, AssetWrite, LabelFilter
from cognite.client.data_classes import filters as flt
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec


def _asset(i: int, xid: str | None = None) -> dict[str, Any]:
    return {
        "id": i,
        "externalId": xid or f"a{i}",
        "name": f"asset {i}",
        "rootId": 1,
        "createdTime": 0,
        "lastUpdatedTime": 0,
    }


class AssetsCDF(SpecCheckedCDF):
    """Answers Assets requests with canned valid bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if path.endswith("/aggregate"):
            agg = (body or {}).get("aggregate", "count")
            if agg in ("uniqueValues", "uniqueProperties"):
                return 200, {"items": [{"count": 3, "values": ["x"]}]}
            return 200, {"items": [{"count": 7}]}
        if path.endswith("/delete"):
            return 200, {}
        if method == "POST" and path == "/assets":
            items = [dict(_asset(i + 1, it.get("externalId")), **it) for i, it in enumerate(body["items"])]
            return 201, {"items": items}
        if path.endswith("/update"):
            return 200, {"items": [_asset(i + 1) for i in range(len(body["items"]))]}
        if path.endswith("/byids"):
            return 200, {"items": [_asset(1)]}
        return 200, {"items": [_asset(1), _asset(2)]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> AssetsCDF:
    return AssetsCDF(spec)


async def test_every_assets_request_matches_the_spec(client: AsyncCogniteClient, cdf: AssetsCDF) -> None:
    a = client.assets
    await a.retrieve(id=1)
    await a.retrieve(external_id="x")
    await a.retrieve_multiple(ids=[1, 2], external_ids=["x"], ignore_unknown_ids=True)
    await a.list(
        name="n",
        parent_ids=[1],
        asset_subtree_ids=[1],
        asset_subtree_external_ids=["r"],
        data_set_ids=[5],
        labels=LabelFilter(contains_any=["l1"]),
        metadata={"k": "v"},
        source="s",
        created_time={"min": 0, "max": 10},
        root=False,
        external_id_prefix="a",
        aggregated_properties=["child_count", "path", "depth"],
        limit=10,
        advanced_filter=flt.And(flt.Equals("name", "x"), flt.Prefix("external_id", "a")),
        sort=("name", "desc"),
    )
    await a.list(limit=None, partitions=2)
    async for _ in a(chunk_size=2, limit=4, parent_external_ids=["p"]):
        pass
    await a.search(name="pump", description="d", query="q", filter=AssetFilter(source="s"), limit=5)
    await a.create([AssetWrite(name="x", external_id="x", metadata={"a": "b"}, labels=["l"])])
    await a.update(AssetUpdate(id=1).name.set("y").metadata.add({"k": "v"}).labels.add(["l"]).description.set(None))
    await a.update(AssetWrite(name="x", external_id="x", source="s"), mode="replace")
    await a.update(AssetWrite(name="x", external_id="x", metadata={"a": "b"}), mode="patch")
    await a.delete(id=[1], external_id=["x"], recursive=True, ignore_unknown_ids=True)
    await a.aggregate_count()
    await a.aggregate_count(advanced_filter=flt.Exists("source"))
    await a.aggregate_unique_values(property="source")
    await a.aggregate_cardinality_values(property=["metadata", "k"])
    await a.aggregate_unique_properties(path=["metadata"])
    await a.aggregate_cardinality_properties(path=["metadata"])
    await a.retrieve_subtree(id=1, depth=1)
    await a.create_hierarchy(
        [AssetWrite(name="r", external_id="r"), AssetWrite(name="c", external_id="c", parent_external_id="r")]
    )
    await a.upsert([AssetWrite(name="x", external_id="x")])
    assert cdf.errors == []
    endpoints = {p for _, p in cdf.seen}
    assert {
        "/assets",
        "/assets/list",
        "/assets/byids",
        "/assets/search",
        "/assets/update",
        "/assets/delete",
        "/assets/aggregate",
    } <= endpoints


async def test_an_invalid_body_is_caught_by_the_validator(spec: OpenAPISpec) -> None:
    errors = spec.request_errors("POST", "/assets", {"items": [{"externalId": "no-name"}]})
    assert errors, "a create without the required name must not validate"
