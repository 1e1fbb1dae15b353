"""The Labels API (label definitions), against a fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes.labels import LabelDefinition, LabelDefinitionList, LabelDefinitionWrite
from cognite.client.exceptions import CogniteNotFoundError


def label(xid: str, **fields: Any) -> dict[str, Any]:
    return {"externalId": xid, "name": xid.lower(), "createdTime": 1, **fields}


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


async def test_create_one_and_many(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({"POST /labels": lambda body: {"items": [dict(it, createdTime=1) for it in body["items"]]}})
    one = await async_client.labels.create(LabelDefinitionWrite("PUMP", "Pump", description="p", data_set_id=3))
    assert isinstance(one, LabelDefinition) and one.data_set_id == 3
    many = await async_client.labels.create([LabelDefinition.load(label(f"L{i}")) for i in range(1500)])
    assert isinstance(many, LabelDefinitionList) and len(many) == 1500
    sent = bodies(fake, "POST /labels")
    assert sent[0] == {"items": [{"externalId": "PUMP", "name": "Pump", "description": "p", "dataSetId": 3}]}
    assert sorted(len(b["items"]) for b in sent[1:]) == [500, 1000]
    assert sent[1]["items"][0] in ({"externalId": "L0", "name": "l0"}, {"externalId": "L1000", "name": "l1000"})


async def test_retrieve_single_and_list(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    missing = httpx.Response(400, json={"error": {"code": 400, "message": "m", "missing": [{"externalId": "B"}]}})
    fake = routed_cdf({"POST /labels/byids": [{"items": [label("A")]}, {"items": []}, missing, {"items": []}]})
    got = await async_client.labels.retrieve("A")
    assert isinstance(got, LabelDefinition) and got.name == "a"
    assert await async_client.labels.retrieve(external_id="nope") is None
    with pytest.raises(CogniteNotFoundError) as err:
        await async_client.labels.retrieve(["A", "B"])
    assert err.value.not_found == [{"externalId": "B"}]
    empty = await async_client.labels.retrieve(["B"], ignore_unknown_ids=True)
    assert isinstance(empty, LabelDefinitionList) and len(empty) == 0
    assert bodies(fake, "POST /labels/byids") == [
        {"items": [{"externalId": "A"}], "ignoreUnknownIds": True},
        {"items": [{"externalId": "nope"}], "ignoreUnknownIds": True},
        {"items": [{"externalId": "A"}, {"externalId": "B"}], "ignoreUnknownIds": False},
        {"items": [{"externalId": "B"}], "ignoreUnknownIds": True},
    ]


async def test_retrieve_rejects_ids(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({})
    with pytest.raises(TypeError, match="external_id"):
        await async_client.labels.retrieve([1])  # type: ignore[list-item]
    assert fake.requests == []


async def test_list_and_iterate(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf(
        {
            "POST /labels/list": [
                {"items": [label("A"), label("B")], "nextCursor": "c"},
                {"items": [label("C")]},
                {"items": [label("A")]},
            ]
        }
    )
    listed = await async_client.labels.list(
        name="a", external_id_prefix="A", data_set_ids=[1], data_set_external_ids="ds", limit=None
    )
    assert isinstance(listed, LabelDefinitionList) and listed.as_external_ids() == ["A", "B", "C"]
    assert [lab.external_id async for lab in async_client.labels(limit=1)] == ["A"]
    assert bodies(fake, "POST /labels/list") == [
        {
            "limit": 1000,
            "filter": {"name": "a", "externalIdPrefix": "A", "dataSetIds": [{"id": 1}, {"externalId": "ds"}]},
        },
        {
            "limit": 1000,
            "filter": {"name": "a", "externalIdPrefix": "A", "dataSetIds": [{"id": 1}, {"externalId": "ds"}]},
            "cursor": "c",
        },
        {"limit": 1},
    ]


async def test_delete(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({"POST /labels/delete": {}})
    await async_client.labels.delete("A")
    await async_client.labels.delete(external_id=["B", "C"])
    assert bodies(fake, "POST /labels/delete") == [
        {"items": [{"externalId": "A"}]},
        {"items": [{"externalId": "B"}, {"externalId": "C"}]},
    ]


def test_sync_client(routed_cdf: Any, sync_client: CogniteClient) -> None:
    routed_cdf({"POST /labels/list": {"items": [label("A")]}, "POST /labels/byids": {"items": [label("A")]}})
    assert isinstance(sync_client.labels.list(), LabelDefinitionList)
    assert [c.as_external_ids() for c in sync_client.labels(chunk_size=5)] == [["A"]]
    assert isinstance(sync_client.labels.retrieve(["A"]), LabelDefinitionList)
