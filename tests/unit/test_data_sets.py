"""The Data Sets API and its data classes, against a fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes.data_sets import (
    DataSet,
    DataSetFilter,
    DataSetList,
    DataSetUpdate,
    DataSetWrite,
    DataSetWriteList,
)
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError


def data_set(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "externalId": f"ds{i}", "writeProtected": False, "createdTime": 1, "lastUpdatedTime": 2, **fields}


def echo_created(body: dict[str, Any]) -> dict[str, Any]:
    return {"items": [data_set(i + 1, **item) for i, item in enumerate(body["items"])]}


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


class TestDataClasses:
    def test_load_dump_as_write(self) -> None:
        ds = DataSet.load(data_set(3, name="n", description="d", metadata={"k": "v"}, unknown=1))
        assert ds.write_protected is False and ds.name == "n"
        assert ds.as_write() == DataSetWrite("ds3", "n", "d", {"k": "v"}, False)
        assert ds.as_write().dump() == {
            "externalId": "ds3",
            "name": "n",
            "description": "d",
            "metadata": {"k": "v"},
            "writeProtected": False,
        }
        listed = DataSetList.load([data_set(1), data_set(2)])
        assert isinstance(listed.as_write(), DataSetWriteList) and listed.as_ids() == [1, 2]

    def test_update_kinds(self) -> None:
        upd = DataSetUpdate(id=1).name.set(None).metadata.remove(["k"]).write_protected.set(True)
        assert upd.dump() == {
            "id": 1,
            "update": {"name": {"setNull": True}, "metadata": {"remove": ["k"]}, "writeProtected": {"set": True}},
        }

    def test_filter(self) -> None:
        assert DataSetFilter(created_time=TimestampRange(min=1), write_protected=False).dump() == {
            "createdTime": {"min": 1},
            "writeProtected": False,
        }
        assert DataSetFilter.load({"external_id_prefix": "a", "lastUpdatedTime": {"max": 3}}).dump() == {
            "lastUpdatedTime": {"max": 3},
            "externalIdPrefix": "a",
        }


class TestDataSetsAPI:
    async def test_create_chunks_by_ten(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /datasets": echo_created})
        created = await async_client.data_sets.create([DataSetWrite(external_id=f"d{i}") for i in range(25)])
        assert isinstance(created, DataSetList) and len(created) == 25
        assert sorted(len(b["items"]) for b in bodies(fake, "POST /datasets")) == [5, 10, 10]
        one = await async_client.data_sets.create(DataSet.load(data_set(9, name="x")))
        assert isinstance(one, DataSet)
        assert bodies(fake, "POST /datasets")[-1] == {
            "items": [{"externalId": "ds9", "name": "x", "writeProtected": False}]
        }

    async def test_retrieve(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        missing = httpx.Response(400, json={"error": {"code": 400, "message": "m", "missing": [{"externalId": "x"}]}})
        fake = routed_cdf({"POST /datasets/byids": [{"items": [data_set(1)]}, {"items": []}, missing]})
        got = await async_client.data_sets.retrieve(id=1)
        assert isinstance(got, DataSet) and got.id == 1
        assert await async_client.data_sets.retrieve(external_id="x") is None
        with pytest.raises(CogniteNotFoundError):
            await async_client.data_sets.retrieve_multiple(ids=[1], external_ids=["x"])
        assert bodies(fake, "POST /datasets/byids")[2] == {
            "items": [{"id": 1}, {"externalId": "x"}],
            "ignoreUnknownIds": False,
        }

    async def test_list_and_iterate(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /datasets/list": lambda body: {"items": [data_set(1), data_set(2)]}})
        listed = await async_client.data_sets.list(
            metadata={"k": "v"},
            created_time={"min": 0},
            last_updated_time=TimestampRange(max=5),
            external_id_prefix="d",
            write_protected=True,
            limit=None,
        )
        assert isinstance(listed, DataSetList) and len(listed) == 2
        chunks = [c async for c in async_client.data_sets(chunk_size=1, write_protected=False)]
        assert [type(c) for c in chunks] == [DataSetList, DataSetList]
        assert bodies(fake, "POST /datasets/list") == [
            {
                "limit": 1000,
                "filter": {
                    "metadata": {"k": "v"},
                    "createdTime": {"min": 0},
                    "lastUpdatedTime": {"max": 5},
                    "externalIdPrefix": "d",
                    "writeProtected": True,
                },
            },
            {"limit": 1, "filter": {"writeProtected": False}},
        ]

    async def test_bad_filters_fail_before_any_request(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({})
        with pytest.raises(TypeError, match="write_protected"):
            await async_client.data_sets.list(write_protected="yes")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="filter"):
            await async_client.data_sets.aggregate_count(filter=["x"])  # type: ignore[arg-type]
        assert fake.requests == []

    async def test_aggregate_count(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /datasets/aggregate": {"items": [{"count": 4}]}})
        assert await async_client.data_sets.aggregate_count() == 4
        assert await async_client.data_sets.aggregate_count(filter={"write_protected": True}) == 4
        assert await async_client.data_sets.aggregate_count(filter=DataSetFilter(external_id_prefix="a")) == 4
        assert bodies(fake, "POST /datasets/aggregate") == [
            {"filter": {}},
            {"filter": {"writeProtected": True}},
            {"filter": {"externalIdPrefix": "a"}},
        ]

    async def test_update(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /datasets/update": lambda body: {"items": [data_set(1)] * len(body["items"])}})
        got = await async_client.data_sets.update(DataSetUpdate(external_id="ds1").write_protected.set(True))
        assert isinstance(got, DataSet)
        many = await async_client.data_sets.update([DataSetWrite(external_id="ds1", name="n")], mode="replace")
        assert isinstance(many, DataSetList)
        first, second = bodies(fake, "POST /datasets/update")
        assert first == {"items": [{"externalId": "ds1", "update": {"writeProtected": {"set": True}}}]}
        assert second["items"][0]["update"] == {
            "externalId": {"set": "ds1"},
            "name": {"set": "n"},
            "description": {"setNull": True},
            "metadata": {"set": {}},
        }

    async def test_errors_carry_the_request_id(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        routed_cdf({"POST /datasets/list": httpx.Response(403, json={"error": {"code": 403, "message": "no"}})})
        with pytest.raises(CogniteAPIError) as err:
            await async_client.data_sets.list()
        assert err.value.code == 403 and err.value.x_request_id


def test_sync_client(routed_cdf: Any, sync_client: CogniteClient) -> None:
    routed_cdf({"POST /datasets/list": {"items": [data_set(1)]}, "POST /datasets/aggregate": {"items": [{"count": 1}]}})
    assert isinstance(sync_client.data_sets.list(), DataSetList)
    assert [d.id for d in sync_client.data_sets()] == [1]
    assert sync_client.data_sets.aggregate_count() == 1
