"""The Time Series API and its data classes, against a small fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

import gzip
import itertools
import json
import warnings
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.data_classes.time_series import (
    SortableTimeSeriesProperty,
    TimeSeries,
    TimeSeriesFilter,
    TimeSeriesList,
    TimeSeriesProperty,
    TimeSeriesSort,
    TimeSeriesUpdate,
    TimeSeriesWrite,
    TimeSeriesWriteList,
)
from cognite.client.exceptions import CogniteMissingClientError, CogniteNotFoundError


class FakeTimeSeriesCDF:
    """Time series endpoints with a store, cursors of ``page`` items and every request recorded."""

    def __init__(self, page: int = 1000) -> None:
        self.page = page
        self.items: dict[int, dict[str, Any]] = {}
        self.requests: list[tuple[str, Any]] = []
        self._ids = itertools.count(1)

    def add(self, n: int, **fields: Any) -> list[dict[str, Any]]:
        out = []
        for _ in range(n):
            i = next(self._ids)
            item = {"id": i, "externalId": f"ts-{i}", "isString": False, "isStep": False, "type": "numeric"}
            item.update(createdTime=1, lastUpdatedTime=1, **fields)
            self.items[i] = item
            out.append(item)
        return out

    def bodies(self, endpoint: str) -> list[Any]:
        return [body for ep, body in self.requests if ep == endpoint]

    def _find(self, ref: dict[str, Any]) -> dict[str, Any] | None:
        for item in self.items.values():
            if all(item.get(k) == v for k, v in ref.items()):
                return item
        return None

    def handler(self, request: httpx.Request) -> httpx.Response:
        raw = request.content
        if request.headers.get("content-encoding") == "gzip":
            raw = gzip.decompress(raw)
        body: Any = json.loads(raw) if raw else None
        endpoint = f"{request.method} {request.url.path.split('/projects/unit/', 1)[1]}"
        self.requests.append((endpoint, body))
        if endpoint == "POST timeseries":
            created = []
            for entry in body["items"]:
                created += self.add(1, **entry)
            return httpx.Response(201, json={"items": created})
        if endpoint == "POST timeseries/list":
            matching = [it for it in self.items.values() if _matches(it, body.get("filter") or {})]
            start = int(body.get("cursor") or 0)
            size = min(body["limit"], self.page)
            nxt = {"nextCursor": str(start + size)} if start + size < len(matching) else {}
            return httpx.Response(200, json={"items": matching[start : start + size], **nxt})
        if endpoint in ("POST timeseries/byids", "POST timeseries/update", "POST timeseries/delete"):
            refs = [{k: v for k, v in e.items() if k != "update"} for e in body["items"]]
            found = [self._find(r) for r in refs]
            missing = [r for r, f in zip(refs, found, strict=True) if f is None]
            if missing and not body.get("ignoreUnknownIds"):
                return httpx.Response(400, json={"error": {"code": 400, "message": "not found", "missing": missing}})
            hits = [f for f in found if f is not None]
            if endpoint.endswith("update"):
                for item, entry in zip(hits, body["items"], strict=True):
                    for key, op in entry["update"].items():
                        item.pop(key, None) if op.get("setNull") else item.update({key: op.get("set", item.get(key))})
            if endpoint.endswith("delete"):
                for item in hits:
                    del self.items[item["id"]]
            return httpx.Response(200, json={"items": hits})
        if endpoint == "POST timeseries/search":
            return httpx.Response(200, json={"items": list(self.items.values())[: body["limit"]]})
        if endpoint == "POST timeseries/aggregate":
            if body["aggregate"] in ("uniqueValues", "uniqueProperties"):
                return httpx.Response(200, json={"items": [{"count": 2, "values": ["degC"]}]})
            return httpx.Response(200, json={"items": [{"count": len(self.items)}]})
        if endpoint == "POST assets/byids":
            return httpx.Response(200, json={"items": [{"id": 7, "name": "pump", "rootId": 7}]})
        return httpx.Response(404, json={"error": {"code": 404, "message": endpoint}})


def _matches(item: dict[str, Any], filter: dict[str, Any]) -> bool:
    if "assetIds" in filter and item.get("assetId") not in filter["assetIds"]:
        return False
    return all(item.get(k) == v for k, v in filter.items() if k in ("name", "unit", "isStep", "isString"))


@pytest.fixture
def fake() -> FakeTimeSeriesCDF:
    return FakeTimeSeriesCDF()


def _config() -> ClientConfig:
    from cognite.client.credentials import Token

    return ClientConfig("unit", "unit", Token("t"), base_url="https://unit.cognitedata.com")


@pytest.fixture
def client(fake: FakeTimeSeriesCDF) -> AsyncCogniteClient:
    return AsyncCogniteClient(_config(), transport=httpx.MockTransport(fake.handler))


# ---------------------------------------------------------------------------------------------- list


class TestList:
    async def test_every_filter_reaches_the_body(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        await client.time_series.list(
            name="n",
            unit="degC",
            unit_external_id="temperature:deg_c",
            unit_quantity="Temperature",
            is_string=False,
            is_step=True,
            asset_ids=[1, 2, 1],
            asset_external_ids=["a"],
            asset_subtree_ids=3,
            asset_subtree_external_ids=["root"],
            data_set_ids=[4],
            data_set_external_ids="ds",
            metadata={"k": "v"},
            external_id_prefix="p",
            created_time={"min": 1},
            last_updated_time=TimestampRange(max=5),
            limit=10,
            advanced_filter=flt.Equals(TimeSeriesProperty.unit, "degC"),
            sort=[("name", "desc"), SortableTimeSeriesProperty.created_time],
        )
        assert fake.bodies("POST timeseries/list") == [
            {
                "limit": 10,
                "filter": {
                    "name": "n",
                    "unit": "degC",
                    "unitExternalId": "temperature:deg_c",
                    "unitQuantity": "Temperature",
                    "isString": False,
                    "isStep": True,
                    "metadata": {"k": "v"},
                    "assetIds": [1, 2],
                    "assetExternalIds": ["a"],
                    "assetSubtreeIds": [{"id": 3}, {"externalId": "root"}],
                    "dataSetIds": [{"id": 4}, {"externalId": "ds"}],
                    "externalIdPrefix": "p",
                    "createdTime": {"min": 1},
                    "lastUpdatedTime": {"max": 5},
                },
                "advancedFilter": {"equals": {"property": ["unit"], "value": "degC"}},
                "sort": [
                    {"property": ["name"], "order": "desc"},
                    {"property": ["createdTime"], "order": "asc"},
                ],
            }
        ]

    async def test_default_limit_and_result_type(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(30)
        result = await client.time_series.list()
        assert isinstance(result, TimeSeriesList) and len(result) == 25
        assert all(isinstance(ts, TimeSeries) for ts in result)
        assert fake.bodies("POST timeseries/list") == [{"limit": 25}]

    async def test_unlimited_follows_cursors(self, client: AsyncCogniteClient) -> None:
        fake = FakeTimeSeriesCDF(page=7)
        fake.add(20)
        api = AsyncCogniteClient(_config(), transport=httpx.MockTransport(fake.handler)).time_series
        assert [ts.id for ts in await api.list(limit=None)] == list(range(1, 21))
        assert [b.get("cursor") for b in fake.bodies("POST timeseries/list")] == [None, "7", "14"]

    async def test_partitions(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(3)
        await client.time_series.list(limit=None, partitions=3)
        assert sorted(b["partition"] for b in fake.bodies("POST timeseries/list")) == ["1/3", "2/3", "3/3"]

    async def test_more_than_100_asset_ids_are_split(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(1, assetId=5)
        fake.add(1, assetId=150)
        fake.add(1, assetId=999)
        result = await client.time_series.list(asset_ids=list(range(1, 251)), limit=None)
        sent = fake.bodies("POST timeseries/list")
        assert sorted(len(b["filter"]["assetIds"]) for b in sent) == [50, 100, 100]
        assert sorted(ts.asset_id for ts in result) == [5, 150]  # type: ignore[type-var]

    @pytest.mark.parametrize(
        "kwargs, error",
        [
            ({"name": 1}, TypeError),
            ({"is_string": "yes"}, TypeError),
            ({"is_step": 1}, TypeError),
            ({"asset_ids": ["a"]}, TypeError),
            ({"asset_external_ids": [1]}, TypeError),
            ({"metadata": [("k", "v")]}, TypeError),
            ({"created_time": 5}, TypeError),
            ({"limit": -5}, ValueError),
            ({"partitions": 2, "limit": 10}, ValueError),
            ({"sort": 5}, TypeError),
        ],
    )
    async def test_bad_arguments_fail_before_any_request(
        self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient, kwargs: dict[str, Any], error: type[Exception]
    ) -> None:
        with pytest.raises(error):
            await client.time_series.list(**kwargs)
        assert fake.requests == []

    async def test_iterate_one_at_a_time_and_in_chunks(
        self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient
    ) -> None:
        fake.add(5, isStep=True)
        single = [ts async for ts in client.time_series(is_step=True)]
        assert [ts.id for ts in single] == [1, 2, 3, 4, 5]  # type: ignore[union-attr]
        chunks = [c async for c in client.time_series(chunk_size=2, limit=5)]
        assert [len(c) for c in chunks] == [2, 2, 1]  # type: ignore[arg-type]
        assert all(isinstance(c, TimeSeriesList) for c in chunks)

    def test_sync_client(self, fake: FakeTimeSeriesCDF) -> None:
        fake.add(3)
        client = CogniteClient(_config(), transport=httpx.MockTransport(fake.handler))
        assert len(client.time_series.list(limit=2)) == 2
        assert sum(len(c) for c in client.time_series(chunk_size=2)) == 3  # type: ignore[arg-type,misc]


# ---------------------------------------------------------------------------------------------- retrieve


class TestRetrieve:
    async def test_by_each_identifier(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(1, instanceId={"space": "sp", "externalId": "x"})
        by_id = await client.time_series.retrieve(id=1)
        by_xid = await client.time_series.retrieve(external_id="ts-1")
        by_iid = await client.time_series.retrieve(instance_id=NodeId("sp", "x"))
        assert by_id == by_xid == by_iid
        assert by_iid is not None and by_iid.instance_id == NodeId("sp", "x")
        assert [b["items"] for b in fake.bodies("POST timeseries/byids")] == [
            [{"id": 1}],
            [{"externalId": "ts-1"}],
            [{"instanceId": {"space": "sp", "externalId": "x"}}],
        ]
        assert await client.time_series.retrieve(id=99) is None

    async def test_exactly_one_identifier(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        with pytest.raises(ValueError):
            await client.time_series.retrieve(id=1, external_id="a")
        with pytest.raises(ValueError):
            await client.time_series.retrieve()
        with pytest.raises(TypeError):
            await client.time_series.retrieve(instance_id="sp:x")  # type: ignore[arg-type]
        assert fake.requests == []

    async def test_multiple(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(2)
        fake.add(1, instanceId={"space": "sp", "externalId": "x"})
        res = await client.time_series.retrieve_multiple(
            ids=[1], external_ids=["ts-2"], instance_ids=[NodeId("sp", "x")]
        )
        assert isinstance(res, TimeSeriesList) and res.as_ids() == [1, 2, 3]
        assert res.get(instance_id=NodeId("sp", "x")) is res[2]
        with pytest.raises(CogniteNotFoundError) as err:
            await client.time_series.retrieve_multiple(instance_ids=[NodeId("sp", "nope")])
        assert err.value.not_found == [{"instanceId": {"space": "sp", "externalId": "nope"}}]
        assert len(await client.time_series.retrieve_multiple(ids=[1, 42], ignore_unknown_ids=True)) == 1
        with pytest.raises(TypeError):
            await client.time_series.retrieve_multiple(instance_ids=NodeId("sp", "x"))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- write


class TestWrite:
    async def test_create_one_and_many(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        one = await client.time_series.create(TimeSeriesWrite(external_id="a", unit="degC", is_string=False))
        assert isinstance(one, TimeSeries) and one.unit == "degC"
        many = await client.time_series.create([TimeSeriesWrite(external_id=f"x{i}") for i in range(1500)])
        assert isinstance(many, TimeSeriesList) and len(many) == 1500
        sizes = [len(b["items"]) for b in fake.bodies("POST timeseries")]
        assert sizes[0] == 1 and sorted(sizes[1:]) == [500, 1000]
        assert fake.bodies("POST timeseries")[0] == {"items": [{"externalId": "a", "isString": False, "unit": "degC"}]}

    async def test_create_accepts_read_objects(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        read = TimeSeries(id=5, external_id="r", name="n", created_time=1, instance_id=NodeId("s", "r"))
        await client.time_series.create(read)
        assert fake.bodies("POST timeseries") == [{"items": [{"externalId": "r", "name": "n"}]}]
        with pytest.raises(TypeError):
            await client.time_series.create([1])  # type: ignore[arg-type]

    async def test_update_objects(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(1)
        fake.add(1, instanceId={"space": "sp", "externalId": "x"})
        upd = TimeSeriesUpdate(id=1).name.set("n").unit.set(None).is_step.set(True).security_categories.add([3])
        res = await client.time_series.update(upd)
        assert isinstance(res, TimeSeries) and res.name == "n" and res.is_step is True
        by_iid = TimeSeriesUpdate(instance_id=NodeId("sp", "x")).metadata.add({"k": "v"}).asset_id.set(4)
        assert isinstance(await client.time_series.update([by_iid]), TimeSeriesList)
        assert [b["items"][0] for b in fake.bodies("POST timeseries/update")] == [
            {
                "id": 1,
                "update": {
                    "name": {"set": "n"},
                    "unit": {"setNull": True},
                    "isStep": {"set": True},
                    "securityCategories": {"add": [3]},
                },
            },
            {
                "instanceId": {"space": "sp", "externalId": "x"},
                "update": {"metadata": {"add": {"k": "v"}}, "assetId": {"set": 4}},
            },
        ]

    async def test_update_whole_objects_follows_the_mode(
        self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient
    ) -> None:
        fake.add(1)
        await client.time_series.update(
            TimeSeriesWrite(external_id="ts-1", name="n", metadata={"a": "b"}), mode="patch"
        )
        await client.time_series.update(TimeSeriesWrite(external_id="ts-1", name="n"), mode="replace")
        patch, replace = (b["items"][0]["update"] for b in fake.bodies("POST timeseries/update"))
        assert patch == {"externalId": {"set": "ts-1"}, "name": {"set": "n"}, "metadata": {"add": {"a": "b"}}}
        assert replace["name"] == {"set": "n"} and replace["unit"] == {"setNull": True}
        assert replace["metadata"] == {"set": {}} and replace["securityCategories"] == {"set": []}
        assert "isStep" not in replace  # not nullable

    async def test_update_of_a_data_modeling_time_series_sends_only_what_it_takes(
        self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient
    ) -> None:
        fake.add(1, instanceId={"space": "sp", "externalId": "x"})
        ts = TimeSeries(id=1, name="ignored", unit="degC", metadata={"k": "v"}, instance_id=NodeId("sp", "x"))
        await client.time_series.update(ts, mode="replace")
        (body,) = fake.bodies("POST timeseries/update")
        assert body["items"][0]["update"] == {
            "externalId": {"setNull": True},
            "metadata": {"set": {"k": "v"}},
            "assetId": {"setNull": True},
            "dataSetId": {"setNull": True},
        }

    async def test_upsert(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(1)
        res = await client.time_series.upsert(
            [TimeSeriesWrite(external_id="ts-1", name="u"), TimeSeriesWrite(external_id="new")]
        )
        assert isinstance(res, TimeSeriesList) and res.as_external_ids() == ["ts-1", "new"]
        one = await client.time_series.upsert(TimeSeriesWrite(external_id="new", unit="m"), mode="replace")
        assert isinstance(one, TimeSeries) and one.unit == "m"
        with pytest.raises(ValueError):
            await client.time_series.upsert(TimeSeriesWrite(external_id="x"), mode="add")  # type: ignore[call-overload]

    async def test_delete(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(2)
        await client.time_series.delete(id=1, external_id=["ts-2", "nope"], ignore_unknown_ids=True)
        assert fake.bodies("POST timeseries/delete") == [
            {"items": [{"id": 1}, {"externalId": "ts-2"}, {"externalId": "nope"}], "ignoreUnknownIds": True}
        ]
        assert fake.items == {}
        with pytest.raises(TypeError):
            await client.time_series.delete(id="1")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- search, aggregate


class TestSearchAndAggregate:
    async def test_search_body(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(3)
        res = await client.time_series.search(name="pump", query="q", filter=TimeSeriesFilter(unit="degC"), limit=2)
        assert isinstance(res, TimeSeriesList) and len(res) == 2
        await client.time_series.search(description="d", filter={"isString": True})
        assert fake.bodies("POST timeseries/search") == [
            {"search": {"name": "pump", "query": "q"}, "filter": {"unit": "degC"}, "limit": 2},
            {"search": {"description": "d"}, "filter": {"isString": True}, "limit": 25},
        ]
        with pytest.raises(TypeError):
            await client.time_series.search(name=5)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            await client.time_series.search(limit=0)

    async def test_aggregates(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(4)
        assert await client.time_series.aggregate_count(filter=TimeSeriesFilter(is_step=True)) == 4
        values = await client.time_series.aggregate_unique_values(
            TimeSeriesProperty.unit, advanced_filter=flt.Prefix(TimeSeriesProperty.external_id, "ts")
        )
        assert values[0].count == 2 and values[0].values == ["degC"]
        assert await client.time_series.aggregate_cardinality_values(TimeSeriesProperty.metadata_key("site")) == 4
        await client.time_series.aggregate_unique_properties(["metadata"])
        assert fake.bodies("POST timeseries/aggregate")[:3] == [
            {"aggregate": "count", "filter": {"isStep": True}},
            {
                "aggregate": "uniqueValues",
                "properties": [{"property": ["unit"]}],
                "advancedFilter": {"prefix": {"property": ["externalId"], "value": "ts"}},
            },
            {"aggregate": "cardinalityValues", "properties": [{"property": ["metadata", "site"]}]},
        ]


# ---------------------------------------------------------------------------------------------- data classes


class TestDataClasses:
    def test_load_dump_round_trip(self) -> None:
        raw = {
            "id": 1,
            "externalId": "x",
            "instanceId": {"space": "sp", "externalId": "x"},
            "isString": False,
            "isStep": True,
            "type": "numeric",
            "securityCategories": [1],
            "createdTime": 2,
            "lastUpdatedTime": 3,
        }
        ts = TimeSeries.load(raw)
        assert ts.instance_id == NodeId("sp", "x") and ts.security_categories == [1]
        assert ts.dump() == {k: v for k, v in raw.items() if k != "type"}
        assert ts.dump(camel_case=False)["instance_id"] == {"space": "sp", "external_id": "x"}
        assert TimeSeries.load({"instance_id": {"space": "s", "external_id": "e"}}).instance_id == NodeId("s", "e")
        assert TimeSeries(instance_id=("s", "e")).instance_id == NodeId("s", "e")  # type: ignore[arg-type]

    def test_as_write(self) -> None:
        ts = TimeSeries(id=1, created_time=5, external_id="x", name="n", is_string=True, unit="m", asset_id=3)
        write = ts.as_write()
        assert write == TimeSeriesWrite(external_id="x", name="n", is_string=True, unit="m", asset_id=3)
        assert write.as_write() is write
        lst = TimeSeriesList([ts, TimeSeries(id=2, external_id="y")])
        assert isinstance(lst.as_write(), TimeSeriesWriteList) and lst.as_write().as_external_ids() == ["x", "y"]

    def test_filter_and_sort(self) -> None:
        assert TimeSeriesFilter(asset_ids=[1], is_string=False, created_time=TimestampRange(min=1)).dump() == {
            "isString": False,
            "assetIds": [1],
            "createdTime": {"min": 1},
        }
        assert TimeSeriesFilter.load({"unit_external_id": "u"}).unit_external_id == "u"
        assert TimeSeriesSort(SortableTimeSeriesProperty.score, "desc").dump() == {
            "property": ["_score_"],
            "order": "desc",
        }
        assert TimeSeriesSort(SortableTimeSeriesProperty.metadata_key("k")).dump()["property"] == ["metadata", "k"]
        assert TimeSeriesProperty.asset_root_id.as_reference() == ["assetRootId"]

    def test_update_by_instance_id_warns_about_what_data_modeling_owns(self) -> None:
        ok = TimeSeriesUpdate(instance_id=NodeId("s", "x")).metadata.set({"a": "b"})
        assert ok.warn_on_instance_id_update() == []
        bad = TimeSeriesUpdate(instance_id=NodeId("s", "x")).name.set("n").unit.set("m")
        with pytest.warns(UserWarning, match=r"data modeling owns \['name', 'unit'\]"):
            assert bad.dump() == {
                "instanceId": {"space": "s", "externalId": "x"},
                "update": {"name": {"set": "n"}, "unit": {"set": "m"}},
            }
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            TimeSeriesUpdate(id=1).name.set("n").dump()
        with pytest.raises(TypeError):
            TimeSeriesUpdate(instance_id=("s", "x"))  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            TimeSeriesUpdate().name.set("n").dump()

    def test_helpers_need_a_client(self) -> None:
        with pytest.raises(CogniteMissingClientError):
            TimeSeries(id=1, asset_id=1).asset()


# ---------------------------------------------------------------------------------------------- helpers


class _DatapointsStandIn:
    """Records what the helpers ask the datapoints API (a family of its own, not part of this one)."""

    def __init__(self, result: Any) -> None:
        self.result = result
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def retrieve(self, **kwargs: Any) -> Any:
        self.calls.append(("retrieve", kwargs))
        return self.result

    async def retrieve_latest(self, **kwargs: Any) -> Any:
        self.calls.append(("retrieve_latest", kwargs))
        return self.result


class _Dps(list[Any]):
    count = [3, 4]  # type: ignore[assignment]  # the count aggregate of a Datapoints object


class TestHelpers:
    async def test_asset(self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient) -> None:
        fake.add(1, assetId=7)
        fake.add(1)
        with_asset, without = await client.time_series.list()
        assert (await with_asset.asset_async()).name == "pump"
        assert fake.bodies("POST assets/byids") == [{"items": [{"id": 7}], "ignoreUnknownIds": True}]
        with pytest.raises(ValueError, match="asset_id"):
            await without.asset_async()

    async def test_datapoint_helpers_call_the_datapoints_api(
        self, fake: FakeTimeSeriesCDF, client: AsyncCogniteClient, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from cognite.client.utils import MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS

        fake.add(1)
        (ts,) = await client.time_series.list()
        stand_in = _DatapointsStandIn(_Dps(["first"]))
        monkeypatch.setattr(client.time_series, "data", stand_in, raising=False)
        assert await ts.count_async() == 7
        assert await ts.first_async() == "first"
        assert await ts.latest_async(before="1d-ago") == _Dps(["first"])
        stand_in.result = _Dps()
        assert await ts.first_async() is None and await ts.latest_async() is None
        assert stand_in.calls[:3] == [
            (
                "retrieve",
                {
                    "id": 1,
                    "start": MIN_TIMESTAMP_MS,
                    "end": MAX_TIMESTAMP_MS + 1,
                    "aggregates": "count",
                    "granularity": "1000d",
                },
            ),
            ("retrieve", {"id": 1, "start": MIN_TIMESTAMP_MS, "end": MAX_TIMESTAMP_MS + 1, "limit": 1}),
            ("retrieve_latest", {"id": 1, "before": "1d-ago"}),
        ]

    async def test_count_of_a_string_time_series_is_refused(self, fake: FakeTimeSeriesCDF) -> None:
        with pytest.raises(RuntimeError, match="String"):
            await TimeSeries(id=1, is_string=True).count_async()
        assert TimeSeries(external_id="x")._identifier_kwargs() == {"external_id": "x"}
        assert TimeSeries(instance_id=NodeId("s", "x"))._identifier_kwargs() == {"instance_id": NodeId("s", "x")}
        with pytest.raises(ValueError):
            TimeSeries()._identifier_kwargs()
