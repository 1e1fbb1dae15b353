"""The generic verbs, exercised through ``client.assets`` against the in-memory fake CDF."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.data_classes import Asset, AssetList, AssetUpdate, AssetWrite
from cognite.client.data_classes.aggregations import UniqueResultList
from cognite.client.data_classes.assets import AssetFilter, AssetProperty
from cognite.client.data_classes.filters import Equals
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError


@pytest.fixture
def paged(make_fake_cdf: Any, config: ClientConfig) -> tuple[Any, AsyncCogniteClient]:
    """A fake whose server pages hold at most 10 items, with 120 assets stored."""
    fake = make_fake_cdf(max_page_size=10)
    fake.add(120)
    return fake, AsyncCogniteClient(config, transport=fake.transport)


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


# ---------------------------------------------------------------------------------------------- list


class TestList:
    async def test_follows_cursors_to_the_limit(self, paged: tuple[Any, AsyncCogniteClient]) -> None:
        fake, client = paged
        result = await client.assets.list(limit=35)
        assert isinstance(result, AssetList)
        assert [a.id for a in result] == list(range(1, 36))
        sent = bodies(fake, "POST /assets/list")
        assert [b["limit"] for b in sent] == [35, 25, 15, 5]
        assert "cursor" not in sent[0]
        assert all(b.get("cursor") for b in sent[1:])
        assert len({b["cursor"] for b in sent[1:]}) == 3

    async def test_default_limit_is_25(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(100)
        result = await async_client.assets.list()
        assert len(result) == 25
        assert bodies(fake_cdf, "POST /assets/list") == [{"limit": 25}]

    @pytest.mark.parametrize("limit", [None, -1, math.inf])
    async def test_unlimited(self, paged: tuple[Any, AsyncCogniteClient], limit: Any) -> None:
        fake, client = paged
        result = await client.assets.list(limit=limit)
        assert [a.id for a in result] == list(range(1, 121))
        assert len(fake.calls("POST /assets/list")) == 12

    async def test_unlimited_with_large_store_asks_for_full_pages(
        self, fake_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake_cdf.add(2500)
        result = await async_client.assets.list(limit=None)
        assert len(result) == 2500
        assert [b["limit"] for b in bodies(fake_cdf, "POST /assets/list")] == [1000, 1000, 1000]

    async def test_limit_zero_sends_nothing(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(3)
        assert len(await async_client.assets.list(limit=0)) == 0
        assert fake_cdf.requests == []

    async def test_filter_in_body(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        await async_client.assets.list(name="pump", parent_ids=[1, 2], root=False, external_id_prefix="p", limit=5)
        assert bodies(fake_cdf, "POST /assets/list") == [
            {"limit": 5, "filter": {"name": "pump", "parentIds": [1, 2], "root": False, "externalIdPrefix": "p"}}
        ]

    async def test_items_know_their_client(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(2)
        parent = (await async_client.assets.list())[0]
        fake_cdf.add(1, parentId=parent.id)
        children = await parent.children_async()
        assert [c.parent_id for c in children] == [parent.id]

    async def test_partitions_fetched_concurrently_and_unioned(self, make_fake_cdf: Any, config: ClientConfig) -> None:
        fake = make_fake_cdf(max_page_size=10, delay=0.005)
        fake.add(100)
        client = AsyncCogniteClient(config, transport=fake.transport)
        result = await client.assets.list(partitions=4, limit=None)
        ids = [a.id for a in result]
        assert sorted(ids) == list(range(1, 101))
        assert len(ids) == len(set(ids))
        sent = bodies(fake, "POST /assets/list")
        assert {b["partition"] for b in sent} == {"1/4", "2/4", "3/4", "4/4"}
        assert len(sent) == 12  # 25 per partition: 3 pages each
        assert fake.max_in_flight > 1
        # Each partition follows its own cursors.
        for part in ("1/4", "2/4", "3/4", "4/4"):
            pages = [b for b in sent if b["partition"] == part]
            assert "cursor" not in pages[0]
            assert all("cursor" in b for b in pages[1:])

    @pytest.mark.parametrize("limit", [25, 10, 1000])
    async def test_partitions_with_finite_limit_raise_before_any_request(
        self, fake_cdf: Any, async_client: AsyncCogniteClient, limit: int
    ) -> None:
        with pytest.raises(ValueError, match="partitions"):
            await async_client.assets.list(partitions=4, limit=limit)
        with pytest.raises(ValueError, match="partitions"):
            await async_client.assets.list(partitions=4)  # the default limit is 25
        assert fake_cdf.requests == []

    async def test_iterate_in_chunks(self, paged: tuple[Any, AsyncCogniteClient]) -> None:
        fake, client = paged
        chunks = [c async for c in client.assets(chunk_size=25, limit=60)]
        assert [len(c) for c in chunks] == [25, 25, 10]
        assert all(isinstance(c, AssetList) for c in chunks)
        assert [a.id for c in chunks for a in c] == list(range(1, 61))
        assert [b["limit"] for b in bodies(fake, "POST /assets/list")] == [25, 25, 25, 25, 20, 10]

    async def test_iterate_one_by_one(self, paged: tuple[Any, AsyncCogniteClient]) -> None:
        _, client = paged
        seen = [a async for a in client.assets(limit=13)]
        assert [a.id for a in seen] == list(range(1, 14))
        assert all(isinstance(a, Asset) for a in seen)


# ---------------------------------------------------------------------------------------------- create


class TestCreate:
    async def test_chunks_sent_concurrently_results_in_input_order(
        self, make_fake_cdf: Any, config: ClientConfig
    ) -> None:
        fake = make_fake_cdf(delay=0.01)
        client = AsyncCogniteClient(config, transport=fake.transport)
        items = [AssetWrite(name=f"n{i}", external_id=f"x{i}") for i in range(2500)]
        created = await client.assets.create(items)
        sent = bodies(fake, "POST /assets")
        assert sorted(len(b["items"]) for b in sent) == [500, 1000, 1000]
        assert fake.max_in_flight > 1
        assert isinstance(created, AssetList)
        assert [a.external_id for a in created] == [f"x{i}" for i in range(2500)]
        assert all(a.id is not None for a in created)
        assert len(fake.assets) == 2500

    async def test_single_in_single_out(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        created = await async_client.assets.create(AssetWrite(name="a", external_id="a", metadata={"k": "v"}))
        assert isinstance(created, Asset)
        assert created.external_id == "a"
        assert bodies(fake_cdf, "POST /assets") == [
            {"items": [{"name": "a", "externalId": "a", "metadata": {"k": "v"}}]}
        ]

    async def test_list_of_one_gives_a_list(self, async_client: AsyncCogniteClient) -> None:
        created = await async_client.assets.create([AssetWrite(name="a")])
        assert isinstance(created, AssetList)
        assert len(created) == 1

    async def test_read_objects_are_sent_as_write(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        asset = Asset(id=99, name="a", external_id="a", created_time=5, root_id=99, description="d")
        await async_client.assets.create(asset)
        assert bodies(fake_cdf, "POST /assets") == [{"items": [{"name": "a", "externalId": "a", "description": "d"}]}]

    async def test_empty_list_sends_nothing(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        created = await async_client.assets.create([])
        assert isinstance(created, AssetList)
        assert len(created) == 0
        assert fake_cdf.requests == []

    @pytest.mark.parametrize(
        "code, bucket",
        [(400, "failed"), (409, "failed"), (500, "unknown"), (503, "unknown")],
    )
    async def test_partial_failure_reports_every_item(
        self, make_fake_cdf: Any, config: ClientConfig, code: int, bucket: str
    ) -> None:
        def intercept(rec: Any) -> httpx.Response | None:
            if rec.endpoint == "POST /assets" and rec.body["items"][0]["externalId"] == "x1000":
                return httpx.Response(code, json={"error": {"code": code, "message": "chunk refused"}})
            return None

        fake = make_fake_cdf(intercept=intercept)
        client = AsyncCogniteClient(config, transport=fake.transport)
        items = [AssetWrite(name=f"n{i}", external_id=f"x{i}") for i in range(2500)]
        with pytest.raises(CogniteAPIError) as exc:
            await client.assets.create(items)
        err = exc.value
        assert err.code == code
        assert err.message == "chunk refused"
        assert err.successful == items[:1000] + items[2000:]
        assert getattr(err, bucket) == items[1000:2000]
        other = "unknown" if bucket == "failed" else "failed"
        assert getattr(err, other) == []
        assert len(fake.calls("POST /assets")) == 3  # a 5xx on a create is never resent
        assert len(fake.assets) == 1500


# ---------------------------------------------------------------------------------------------- retrieve


class TestRetrieve:
    async def test_retrieve_one(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(3)
        asset = await async_client.assets.retrieve(id=2)
        assert isinstance(asset, Asset)
        assert asset.id == 2
        by_xid = await async_client.assets.retrieve(external_id="a-3")
        assert by_xid is not None
        assert by_xid.id == 3
        assert bodies(fake_cdf, "POST /assets/byids") == [
            {"items": [{"id": 2}], "ignoreUnknownIds": True},
            {"items": [{"externalId": "a-3"}], "ignoreUnknownIds": True},
        ]

    async def test_retrieve_missing_gives_none(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        assert await async_client.assets.retrieve(id=12345) is None
        assert await async_client.assets.retrieve(external_id="nope") is None

    async def test_retrieve_multiple_raises_listing_missing(
        self, fake_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake_cdf.add(3)
        with pytest.raises(CogniteNotFoundError) as exc:
            await async_client.assets.retrieve_multiple(ids=[1, 99], external_ids=["a-2", "zz"])
        assert exc.value.not_found == [{"id": 99}, {"externalId": "zz"}]
        assert bodies(fake_cdf, "POST /assets/byids")[0]["ignoreUnknownIds"] is False

    async def test_retrieve_multiple_ignore_unknown_ids(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(3)
        result = await async_client.assets.retrieve_multiple(ids=[1, 99, 3], ignore_unknown_ids=True)
        assert isinstance(result, AssetList)
        assert [a.id for a in result] == [1, 3]
        assert bodies(fake_cdf, "POST /assets/byids")[0]["ignoreUnknownIds"] is True

    async def test_retrieve_multiple_single_id_still_a_list(
        self, fake_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake_cdf.add(1)
        result = await async_client.assets.retrieve_multiple(ids=[1])
        assert isinstance(result, AssetList)
        assert [a.id for a in result] == [1]

    async def test_identifiers_deduplicated_in_order(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(3)
        result = await async_client.assets.retrieve_multiple(ids=[2, 1, 2, 1], external_ids=["a-3", "a-3"])
        assert bodies(fake_cdf, "POST /assets/byids")[0]["items"] == [{"id": 2}, {"id": 1}, {"externalId": "a-3"}]
        assert [a.id for a in result] == [2, 1, 3]

    async def test_many_ids_chunked(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(2100)
        result = await async_client.assets.retrieve_multiple(ids=list(range(1, 2101)))
        assert [len(b["items"]) for b in bodies(fake_cdf, "POST /assets/byids")] == [1000, 1000, 100]
        assert [a.id for a in result] == list(range(1, 2101))

    async def test_missing_merged_across_chunks(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1500)
        with pytest.raises(CogniteNotFoundError) as exc:
            await async_client.assets.retrieve_multiple(ids=[*range(1, 1001), 5000, 6000])
        assert exc.value.not_found == [{"id": 5000}, {"id": 6000}]


# ---------------------------------------------------------------------------------------------- update, upsert


class TestUpdate:
    WRITE = AssetWrite(name="new", external_id="a-1", metadata={"k": "v"}, description="d")

    async def test_replace_ignore_null(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1)
        updated = await async_client.assets.update(self.WRITE)
        assert isinstance(updated, Asset)
        assert updated.name == "new"
        assert bodies(fake_cdf, "POST /assets/update") == [
            {
                "items": [
                    {
                        "externalId": "a-1",
                        "update": {
                            "externalId": {"set": "a-1"},
                            "name": {"set": "new"},
                            "description": {"set": "d"},
                            "metadata": {"set": {"k": "v"}},
                        },
                    }
                ]
            }
        ]

    async def test_patch(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1, metadata={"old": "1"})
        updated = await async_client.assets.update(self.WRITE, mode="patch")
        assert updated.metadata == {"old": "1", "k": "v"}
        (item,) = bodies(fake_cdf, "POST /assets/update")[0]["items"]
        assert item["update"] == {
            "externalId": {"set": "a-1"},
            "name": {"set": "new"},
            "description": {"set": "d"},
            "metadata": {"add": {"k": "v"}},
        }

    async def test_replace(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1, source="s", labels=[{"externalId": "l"}])
        updated = await async_client.assets.update(self.WRITE, mode="replace")
        assert updated.source is None
        assert updated.labels == []
        (item,) = bodies(fake_cdf, "POST /assets/update")[0]["items"]
        assert item == {
            "externalId": "a-1",
            "update": {
                "externalId": {"set": "a-1"},
                "name": {"set": "new"},
                "description": {"set": "d"},
                "dataSetId": {"setNull": True},
                "metadata": {"set": {"k": "v"}},
                "source": {"setNull": True},
                "labels": {"set": []},
                "geoLocation": {"setNull": True},
            },
        }

    async def test_replace_clears_missing_metadata(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1, metadata={"old": "1"})
        await async_client.assets.update(AssetWrite(name="n", external_id="a-1"), mode="replace")
        (item,) = bodies(fake_cdf, "POST /assets/update")[0]["items"]
        assert item["update"]["metadata"] == {"set": {}}

    async def test_read_object_identified_by_id(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1)
        await async_client.assets.update(Asset(id=1, name="renamed"))
        (item,) = bodies(fake_cdf, "POST /assets/update")[0]["items"]
        assert item == {"id": 1, "update": {"name": {"set": "renamed"}}}

    async def test_update_objects_dumped(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(2, labels=[{"externalId": "l"}])
        upd1 = AssetUpdate(id=1).name.set("x").metadata.add({"k": "v"}).labels.remove(["l"])
        upd2 = AssetUpdate(external_id="a-2").description.set(None).metadata.remove(["gone"])
        result = await async_client.assets.update([upd1, upd2])
        assert isinstance(result, AssetList)
        assert [a.id for a in result] == [1, 2]
        assert bodies(fake_cdf, "POST /assets/update") == [
            {
                "items": [
                    {
                        "id": 1,
                        "update": {
                            "name": {"set": "x"},
                            "metadata": {"add": {"k": "v"}},
                            "labels": {"remove": [{"externalId": "l"}]},
                        },
                    },
                    {
                        "externalId": "a-2",
                        "update": {"description": {"setNull": True}, "metadata": {"remove": ["gone"]}},
                    },
                ]
            }
        ]

    async def test_update_missing_raises_not_found(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        with pytest.raises(CogniteNotFoundError) as exc:
            await async_client.assets.update(AssetUpdate(id=42).name.set("x"))
        assert exc.value.not_found == [{"id": 42}]


class TestUpsert:
    async def test_updates_existing_and_creates_missing(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1)  # external id a-1
        items = [
            AssetWrite(name="new-b", external_id="b"),
            AssetWrite(name="renamed", external_id="a-1"),
            AssetWrite(name="new-c", external_id="c"),
        ]
        result = await async_client.assets.upsert(items)
        assert isinstance(result, AssetList)
        assert [a.external_id for a in result] == ["b", "a-1", "c"]
        assert [a.name for a in result] == ["new-b", "renamed", "new-c"]
        assert result[1].id == 1
        assert [r.endpoint for r in fake_cdf.requests] == ["POST /assets/update", "POST /assets/update", "POST /assets"]
        assert [i["externalId"] for i in fake_cdf.requests[1].body["items"]] == ["a-1"]
        assert fake_cdf.requests[1].body["items"][0]["update"]["name"] == {"set": "renamed"}
        assert [i["externalId"] for i in fake_cdf.requests[2].body["items"]] == ["b", "c"]
        assert sorted(a["externalId"] for a in fake_cdf.assets.values()) == ["a-1", "b", "c"]

    async def test_single_upsert(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        result = await async_client.assets.upsert(AssetWrite(name="n", external_id="solo"))
        assert isinstance(result, Asset)
        assert result.external_id == "solo"

    async def test_replace_mode(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1, metadata={"k": "v"})
        await async_client.assets.upsert(AssetWrite(name="n", external_id="a-1"), mode="replace")
        (item,) = bodies(fake_cdf, "POST /assets/update")[0]["items"]
        assert item["update"]["metadata"] == {"set": {}}


# ---------------------------------------------------------------------------------------------- delete, search, aggregate


class TestDeleteSearchAggregate:
    async def test_delete_body(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(2)
        await async_client.assets.delete(id=[1, 2, 1], external_id="gone", recursive=True, ignore_unknown_ids=True)
        assert bodies(fake_cdf, "POST /assets/delete") == [
            {"items": [{"id": 1}, {"id": 2}, {"externalId": "gone"}], "recursive": True, "ignoreUnknownIds": True}
        ]
        assert fake_cdf.assets == {}

    async def test_delete_defaults(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(1)
        await async_client.assets.delete(id=1)
        assert bodies(fake_cdf, "POST /assets/delete") == [
            {"items": [{"id": 1}], "recursive": False, "ignoreUnknownIds": False}
        ]

    async def test_delete_unknown_raises(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        with pytest.raises(CogniteNotFoundError) as exc:
            await async_client.assets.delete(external_id=["x", "y"])
        assert exc.value.not_found == [{"externalId": "x"}, {"externalId": "y"}]
        assert exc.value.failed == ["x", "y"]

    async def test_search_body(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(3)
        result = await async_client.assets.search(
            name="asset", description="desc", filter=AssetFilter(source="sap", parent_ids=[1]), limit=2
        )
        assert isinstance(result, AssetList)
        assert len(result) == 2
        assert bodies(fake_cdf, "POST /assets/search") == [
            {
                "search": {"name": "asset", "description": "desc"},
                "filter": {"parentIds": [1], "source": "sap"},
                "limit": 2,
            }
        ]

    async def test_search_defaults(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        await async_client.assets.search(query="pump")
        assert bodies(fake_cdf, "POST /assets/search") == [{"search": {"query": "pump"}, "limit": 25}]

    async def test_aggregate_count(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(7)
        assert await async_client.assets.aggregate_count() == 7
        await async_client.assets.aggregate_count(
            advanced_filter=Equals(AssetProperty.source, "sap"), filter=AssetFilter(name="n")
        )
        assert bodies(fake_cdf, "POST /assets/aggregate") == [
            {"aggregate": "count"},
            {
                "aggregate": "count",
                "filter": {"name": "n"},
                "advancedFilter": {"equals": {"property": ["source"], "value": "sap"}},
            },
        ]

    async def test_aggregate_unique_values(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake_cdf.add(3, source="sap")
        fake_cdf.add(1, source="pi")
        result = await async_client.assets.aggregate_unique_values(AssetProperty.source)
        assert isinstance(result, UniqueResultList)
        assert result.unique == ["sap", "pi"]
        assert [r.count for r in result] == [3, 1]
        assert bodies(fake_cdf, "POST /assets/aggregate") == [
            {"aggregate": "uniqueValues", "properties": [{"property": ["source"]}]}
        ]

    async def test_aggregate_unique_values_by_name(self, fake_cdf: Any, async_client: AsyncCogniteClient) -> None:
        await async_client.assets.aggregate_unique_values("data_set_id")
        assert bodies(fake_cdf, "POST /assets/aggregate")[0]["properties"] == [{"property": ["dataSetId"]}]


# ---------------------------------------------------------------------------------------------- bad input


BAD_CALLS: list[tuple[str, str, dict[str, Any], type[Exception], str]] = [
    ("retrieve", "id as str", {"id": "1"}, TypeError, "id"),
    ("retrieve", "external_id as int", {"external_id": 1}, TypeError, "external_id"),
    ("retrieve", "nothing", {}, ValueError, "id"),
    ("retrieve", "both", {"id": 1, "external_id": "a"}, ValueError, "id"),
    ("retrieve_multiple", "ids as str", {"ids": "abc"}, TypeError, "ids"),
    ("retrieve_multiple", "ids with str", {"ids": [1, "2"]}, TypeError, "ids"),
    ("retrieve_multiple", "ids with bool", {"ids": [True]}, TypeError, "ids"),
    ("retrieve_multiple", "external_ids with int", {"external_ids": ["a", 2]}, TypeError, "external_ids"),
    ("list", "negative limit", {"limit": -5}, ValueError, "limit"),
    ("list", "str limit", {"limit": "10"}, ValueError, "limit"),
    ("list", "fractional limit", {"limit": 2.5}, ValueError, "limit"),
    ("list", "zero partitions", {"partitions": 0, "limit": None}, ValueError, "partitions"),
    ("list", "parent_ids with str", {"parent_ids": ["x"]}, TypeError, "parent_ids"),
    ("list", "bad aggregated property", {"aggregated_properties": ["nope"]}, ValueError, "aggregated_properties"),
    ("list", "labels of wrong type", {"labels": ["l"]}, TypeError, "labels"),
    ("create", "int", {"asset": 123}, TypeError, "asset"),
    ("create", "str", {"asset": "abc"}, TypeError, "asset"),
    ("create", "list with int", {"asset": [AssetWrite(name="a"), 5]}, TypeError, "asset"),
    ("update", "bad mode", {"item": AssetUpdate(id=1).name.set("x"), "mode": "merge"}, ValueError, "mode"),
    ("update", "int", {"item": 123}, TypeError, "item"),
    ("update", "update without identifier", {"item": AssetUpdate().name.set("x")}, ValueError, "id"),
    ("upsert", "bad mode", {"item": AssetWrite(name="a", external_id="a"), "mode": "merge"}, ValueError, "mode"),
    ("delete", "id with str", {"id": [1, "a"]}, TypeError, "id"),
    ("delete", "external_id with int", {"external_id": [1]}, TypeError, "external_id"),
    ("search", "zero limit", {"name": "x", "limit": 0}, ValueError, "limit"),
]


@pytest.mark.parametrize(
    "method, kwargs, error, name", [pytest.param(m, k, e, n, id=f"{m}-{d}") for m, d, k, e, n in BAD_CALLS]
)
async def test_bad_input_raises_before_any_request(
    fake_cdf: Any, async_client: AsyncCogniteClient, method: str, kwargs: dict[str, Any], error: type, name: str
) -> None:
    with pytest.raises(error) as exc:
        await getattr(async_client.assets, method)(**kwargs)
    assert name in str(exc.value)
    assert fake_cdf.requests == []


@pytest.mark.parametrize("kwargs", [{"chunk_size": 0}, {"chunk_size": "5"}, {"limit": -3}])
async def test_bad_iterate_arguments_raise_before_any_request(
    fake_cdf: Any, async_client: AsyncCogniteClient, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        async for _ in async_client.assets(**kwargs):
            pass
    assert fake_cdf.requests == []


def test_a_write_class_with_its_own_dump_is_sent_as_its_dump() -> None:
    from cognite.client._api_client import _dump_for_write
    from cognite.client.data_classes._base import CogniteObject

    class Plain(CogniteObject):
        external_id: str | None = None

    class Custom(CogniteObject):
        external_id: str | None = None

        def dump(self, camel_case: bool = True) -> dict[str, Any]:
            return {"externalId": self.external_id, "kind": "custom"}

    plain = Plain(external_id="a")
    assert _dump_for_write(plain, Plain, "items") is plain  # encoded field by field, no dict made
    assert _dump_for_write(Custom(external_id="b"), Custom, "items") == {"externalId": "b", "kind": "custom"}
    assert _dump_for_write(Custom(external_id="c"), None, "items") == {"externalId": "c", "kind": "custom"}
