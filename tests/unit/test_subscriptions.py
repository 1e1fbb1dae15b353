"""The Datapoint Subscriptions API and its data classes, against a small fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

import gzip
import json
import math
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.credentials import Token
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.datapoints_subscriptions import (
    DataDeletion,
    DatapointSubscription,
    DatapointSubscriptionBatch,
    DatapointSubscriptionList,
    DatapointSubscriptionPartition,
    DatapointSubscriptionProperty,
    DataPointSubscriptionUpdate,
    DataPointSubscriptionWrite,
    DatapointSubscriptionWriteList,
    NodeId,
    SubscriptionDatapoints,
    TimeSeriesID,
    TimeSeriesIDList,
    decode_batch,
    split_member_update,
)
from cognite.client.exceptions import CogniteAPIError, CogniteMissingClientError

SUB = {"externalId": "s", "partitionCount": 1, "createdTime": 1, "lastUpdatedTime": 2, "timeSeriesCount": 0}
TS = {"id": 7, "externalId": "t", "isString": False, "type": "numeric"}


class FakeSubscriptionsCDF:
    """The subscription endpoints with canned answers; every request is recorded as ``(endpoint, body, params)``."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, Any, dict[str, str]]] = []
        self.subs: list[dict[str, Any]] = [{**SUB, "externalId": f"s{i}"} for i in range(5)]
        self.page = 2
        self.batches: list[dict[str, Any]] = []

    def bodies(self, endpoint: str) -> list[Any]:
        return [body for ep, body, _ in self.requests if ep == endpoint]

    def params(self, endpoint: str) -> list[dict[str, str]]:
        return [params for ep, _, params in self.requests if ep == endpoint]

    def handler(self, request: httpx.Request) -> httpx.Response:
        raw = request.content
        if request.headers.get("content-encoding") == "gzip":
            raw = gzip.decompress(raw)
        body: Any = json.loads(raw) if raw else None
        endpoint = f"{request.method} {request.url.path.split('/projects/unit/', 1)[1]}"
        params = dict(request.url.params)
        self.requests.append((endpoint, body, params))
        if endpoint == "POST timeseries/subscriptions":
            item = body["items"][0]
            count = len(item.get("timeSeriesIds", [])) + len(item.get("instanceIds", []))
            return httpx.Response(
                201, json={"items": [{**SUB, "externalId": item["externalId"], "timeSeriesCount": count}]}
            )
        if endpoint == "POST timeseries/subscriptions/byids":
            xid = body["items"][0]["externalId"]
            return httpx.Response(200, json={"items": [s for s in self.subs if s["externalId"] == xid]})
        if endpoint == "POST timeseries/subscriptions/update":
            xid = body["items"][0]["externalId"]
            return httpx.Response(
                200, json={"items": [{**SUB, "externalId": xid, "timeSeriesCount": len(self.requests)}]}
            )
        if endpoint == "POST timeseries/subscriptions/delete":
            if body["items"][0]["externalId"] == "missing" and not body.get("ignoreUnknownIds"):
                error = {"code": 400, "message": "not found", "missing": body["items"]}
                return httpx.Response(400, json={"error": error})
            return httpx.Response(200, json={})
        if endpoint in ("GET timeseries/subscriptions", "GET timeseries/subscriptions/members"):
            start = int(params.get("cursor", 0))
            size = min(int(params["limit"]), self.page)
            rows = (
                self.subs
                if endpoint.endswith("subscriptions")
                else [{"externalId": f"t{i}", "id": i + 1} for i in range(5)]
            )
            nxt = {"nextCursor": str(start + size)} if start + size < len(rows) else {}
            return httpx.Response(200, json={"items": rows[start : start + size], **nxt})
        if endpoint == "POST timeseries/subscriptions/data/list":
            index = body["partitions"][0]["index"]
            batch = self.batches.pop(0) if self.batches else {"updates": [], "hasNext": False}
            return httpx.Response(
                200, json={**batch, "partitions": [{"index": index, "nextCursor": f"c{len(self.requests)}"}]}
            )
        return httpx.Response(404, json={"error": {"code": 404, "message": endpoint}})


def _config() -> ClientConfig:
    return ClientConfig("unit", "unit", Token("t"), base_url="https://unit.cognitedata.com")


@pytest.fixture
def fake() -> FakeSubscriptionsCDF:
    return FakeSubscriptionsCDF()


@pytest.fixture
def client(fake: FakeSubscriptionsCDF) -> AsyncCogniteClient:
    return AsyncCogniteClient(_config(), transport=httpx.MockTransport(fake.handler))


# ---------------------------------------------------------------------------------------------- create


class TestCreate:
    async def test_body_and_result(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        sub = DataPointSubscriptionWrite(
            "s", 2, time_series_ids=["a"], instance_ids=[NodeId("sp", "x")], name="n", description="d", data_set_id=3
        )
        created = await client.time_series.subscriptions.create(sub)
        assert isinstance(created, DatapointSubscription) and created.time_series_count == 2
        assert fake.bodies("POST timeseries/subscriptions") == [
            {
                "items": [
                    {
                        "externalId": "s",
                        "partitionCount": 2,
                        "timeSeriesIds": ["a"],
                        "instanceIds": [{"space": "sp", "externalId": "x"}],
                        "name": "n",
                        "description": "d",
                        "dataSetId": 3,
                    }
                ]
            }
        ]
        assert created._get_client() is client

    async def test_filter_is_dumped_with_camel_case_properties(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient
    ) -> None:
        flt_ = flt.And(flt.Equals("is_string", False), flt.Prefix(DatapointSubscriptionProperty.metadata("k"), "v"))
        await client.time_series.subscriptions.create(DataPointSubscriptionWrite("f", 1, filter=flt_))
        (body,) = fake.bodies("POST timeseries/subscriptions")
        assert body["items"][0]["filter"] == {
            "and": [
                {"equals": {"property": ["isString"], "value": False}},
                {"prefix": {"property": ["metadata", "k"], "value": "v"}},
            ]
        }

    async def test_more_than_100_members_are_added_by_updates(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient
    ) -> None:
        xids = [f"t{i}" for i in range(250)]
        iids = [NodeId("sp", f"n{i}") for i in range(120)]
        await client.time_series.subscriptions.create(DataPointSubscriptionWrite("s", 1, xids, iids))
        (created,) = fake.bodies("POST timeseries/subscriptions")
        assert created["items"][0]["timeSeriesIds"] == xids[:100]
        assert len(created["items"][0]["instanceIds"]) == 100
        updates = [b["items"][0]["update"] for b in fake.bodies("POST timeseries/subscriptions/update")]
        assert updates[0]["timeSeriesIds"] == {"add": xids[100:200]}
        assert updates[0]["instanceIds"] == {"add": [{"space": "sp", "externalId": f"n{i}"} for i in range(100, 120)]}
        assert updates[1] == {"timeSeriesIds": {"add": xids[200:]}}
        assert [ep for ep, _, _ in fake.requests] == ["POST timeseries/subscriptions"] + 2 * [
            "POST timeseries/subscriptions/update"
        ]

    @pytest.mark.parametrize(
        "bad, error",
        [
            ({"external_id": "s"}, TypeError),
            (DataPointSubscriptionWrite(None, 1, ["a"]), TypeError),
            (DataPointSubscriptionWrite("s", 0, ["a"]), ValueError),
            (DataPointSubscriptionWrite("s", 101, ["a"]), ValueError),
            (DataPointSubscriptionWrite("s", None, ["a"]), ValueError),
        ],
    )
    async def test_bad_input_fails_before_any_request(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient, bad: Any, error: type[Exception]
    ) -> None:
        with pytest.raises(error, match="subscription"):
            await client.time_series.subscriptions.create(bad)
        assert fake.requests == []


# ---------------------------------------------------------------------------------------------- read


class TestRead:
    async def test_retrieve(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        sub = await client.time_series.subscriptions.retrieve("s1")
        assert isinstance(sub, DatapointSubscription) and sub.external_id == "s1"
        assert await client.time_series.subscriptions.retrieve("nope") is None
        assert fake.bodies("POST timeseries/subscriptions/byids") == [
            {"items": [{"externalId": "s1"}], "ignoreUnknownIds": True},
            {"items": [{"externalId": "nope"}], "ignoreUnknownIds": True},
        ]
        with pytest.raises(TypeError, match="external_id"):
            await client.time_series.subscriptions.retrieve(1)  # type: ignore[arg-type]

    async def test_list_follows_cursors_up_to_the_limit(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient
    ) -> None:
        subs = await client.time_series.subscriptions.list(limit=3)
        assert isinstance(subs, DatapointSubscriptionList)
        assert subs.as_external_ids() == ["s0", "s1", "s2"]
        assert fake.params("GET timeseries/subscriptions") == [{"limit": "3"}, {"limit": "1", "cursor": "2"}]
        assert len(await client.time_series.subscriptions.list(limit=None)) == 5
        assert fake.params("GET timeseries/subscriptions")[-1]["limit"] == "100"  # the API's maximum page

    async def test_iterate_one_by_one_and_in_chunks(self, client: AsyncCogniteClient) -> None:
        api = client.time_series.subscriptions
        assert [s.external_id async for s in api()] == [f"s{i}" for i in range(5)]
        chunks = [c async for c in api(chunk_size=2, limit=3)]
        assert [type(c) for c in chunks] == [DatapointSubscriptionList, DatapointSubscriptionList]
        assert [len(c) for c in chunks] == [2, 1]
        with pytest.raises(ValueError, match="limit"):
            api(limit=-5)

    async def test_list_member_time_series(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        members = await client.time_series.subscriptions.list_member_time_series("s", limit=None)
        assert isinstance(members, TimeSeriesIDList) and all(isinstance(m, TimeSeriesID) for m in members)
        assert members.as_external_ids() == [f"t{i}" for i in range(5)]
        assert members.as_ids() == [1, 2, 3, 4, 5]
        assert fake.params("GET timeseries/subscriptions/members")[0] == {"externalId": "s", "limit": "100"}
        with pytest.raises(TypeError, match="external_id"):
            await client.time_series.subscriptions.list_member_time_series(["s"])  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- update, delete


class TestUpdate:
    async def test_update_object(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        upd = (
            DataPointSubscriptionUpdate("s").name.set("n").description.set(None).data_set_id.set(4)
            .time_series_ids.add(["a"]).time_series_ids.remove(["b"]).instance_ids.add([NodeId("sp", "x")])
        )  # fmt: skip
        result = await client.time_series.subscriptions.update(upd)
        assert isinstance(result, DatapointSubscription)
        assert fake.bodies("POST timeseries/subscriptions/update") == [
            {
                "items": [
                    {
                        "externalId": "s",
                        "update": {
                            "name": {"set": "n"},
                            "description": {"setNull": True},
                            "dataSetId": {"set": 4},
                            "timeSeriesIds": {"add": ["a"], "remove": ["b"]},
                            "instanceIds": {"add": [{"space": "sp", "externalId": "x"}]},
                        },
                    }
                ]
            }
        ]

    async def test_filter_update(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        await client.time_series.subscriptions.update(
            DataPointSubscriptionUpdate("f").filter.set(flt.Equals(DatapointSubscriptionProperty.is_step, True))
        )
        (body,) = fake.bodies("POST timeseries/subscriptions/update")
        assert body["items"][0]["update"] == {"filter": {"set": {"equals": {"property": ["isStep"], "value": True}}}}
        with pytest.raises(ValueError, match="filter"):
            DataPointSubscriptionUpdate("f").filter.set(None)

    async def test_long_member_lists_are_sent_in_several_requests(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient
    ) -> None:
        xids = [f"t{i}" for i in range(230)]
        result = await client.time_series.subscriptions.update(
            DataPointSubscriptionUpdate("s").time_series_ids.set(xids)
        )
        updates = [b["items"][0]["update"] for b in fake.bodies("POST timeseries/subscriptions/update")]
        assert updates == [
            {"timeSeriesIds": {"set": xids[:100]}},
            {"timeSeriesIds": {"add": xids[100:200]}},
            {"timeSeriesIds": {"add": xids[200:]}},
        ]
        assert result.time_series_count == 3  # the answer to the last request

    @pytest.mark.parametrize(
        "mode, expected",
        [
            ("replace_ignore_null", {"name": {"set": "n"}, "timeSeriesIds": {"set": ["a"]}}),
            ("patch", {"name": {"set": "n"}, "timeSeriesIds": {"add": ["a"]}}),
            (
                "replace",
                {
                    "name": {"set": "n"},
                    "description": {"setNull": True},
                    "dataSetId": {"setNull": True},
                    "timeSeriesIds": {"set": ["a"]},
                },
            ),
        ],
    )
    async def test_update_from_a_write_object(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient, mode: Any, expected: dict[str, Any]
    ) -> None:
        await client.time_series.subscriptions.update(DataPointSubscriptionWrite("s", 1, ["a"], name="n"), mode=mode)
        (body,) = fake.bodies("POST timeseries/subscriptions/update")
        assert body["items"][0] == {"externalId": "s", "update": expected}

    async def test_update_of_a_filter_subscription_never_touches_member_ids(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient
    ) -> None:
        sub = DataPointSubscriptionWrite("f", 1, filter=flt.Equals("unit", "m"))
        await client.time_series.subscriptions.update(sub, mode="replace")
        (body,) = fake.bodies("POST timeseries/subscriptions/update")
        update = body["items"][0]["update"]
        assert update["filter"] == {"set": {"equals": {"property": ["unit"], "value": "m"}}}
        assert "timeSeriesIds" not in update and "instanceIds" not in update

    async def test_bad_input(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        with pytest.raises(TypeError, match="update"):
            await client.time_series.subscriptions.update({"externalId": "s"})  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="mode"):
            await client.time_series.subscriptions.update(DataPointSubscriptionUpdate("s"), mode="merge")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="external_id"):
            DataPointSubscriptionUpdate(1)  # type: ignore[arg-type]
        assert fake.requests == []


class TestDelete:
    async def test_one_request_per_subscription(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        await client.time_series.subscriptions.delete(["a", "b", "a"], ignore_unknown_ids=True)
        bodies = fake.bodies("POST timeseries/subscriptions/delete")
        assert sorted(b["items"][0]["externalId"] for b in bodies) == ["a", "b"]
        assert all(b["ignoreUnknownIds"] is True and len(b["items"]) == 1 for b in bodies)

    async def test_missing_raises(self, client: AsyncCogniteClient) -> None:
        with pytest.raises(CogniteAPIError) as err:
            await client.time_series.subscriptions.delete("missing")
        assert err.value.code == 400

    async def test_bad_input(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        with pytest.raises(TypeError, match="external_id"):
            await client.time_series.subscriptions.delete(5)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="ignore_unknown_ids"):
            await client.time_series.subscriptions.delete("a", ignore_unknown_ids="yes")  # type: ignore[arg-type]
        assert fake.requests == []


# ---------------------------------------------------------------------------------------------- iterate_data


def _batch(**extra: Any) -> dict[str, Any]:
    return {
        "updates": [
            {
                "timeSeries": TS,
                "upserts": [
                    {"timestamp": 1, "value": 1.5},
                    {"timestamp": 2, "value": "NaN", "status": {"code": 2147483648, "symbol": "Bad"}},
                ],
                "deletes": [{"inclusiveBegin": 0, "exclusiveEnd": 5}, {"inclusiveBegin": 9}],
            }
        ],
        "subscriptionChanges": {"added": [TS], "removed": [{**TS, "id": 8, "externalId": "u"}]},
        "hasNext": True,
        **extra,
    }


class TestIterateData:
    async def test_request_bodies_follow_the_cursors(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient
    ) -> None:
        fake.batches = [_batch(), _batch(hasNext=False)]
        batches = []
        async for batch in client.time_series.subscriptions.iterate_data(
            "s", start="2d-ago", limit=500, partition=3, poll_timeout=0, include_status=True,
            ignore_bad_datapoints=False, treat_uncertain_as_bad=False,
        ):  # fmt: skip
            batches.append(batch)
            if len(batches) == 3:
                break
        common = {
            "externalId": "s", "limit": 500, "pollTimeoutSeconds": 0, "includeStatus": True,
            "ignoreBadDataPoints": False, "treatUncertainAsBad": False,
        }  # fmt: skip
        assert fake.bodies("POST timeseries/subscriptions/data/list") == [
            {**common, "initializeCursors": "2d-ago", "partitions": [{"index": 3}]},
            {**common, "partitions": [{"index": 3, "cursor": "c1"}]},
            {**common, "partitions": [{"index": 3, "cursor": "c2"}]},
        ]
        assert [b.cursor for b in batches] == ["c1", "c2", "c3"]
        assert [b.has_next for b in batches] == [True, False, False]

    async def test_batch_is_decoded(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        fake.batches = [_batch()]
        batch = await anext(client.time_series.subscriptions.iterate_data("s", cursor="start", poll_timeout=0))
        assert isinstance(batch, DatapointSubscriptionBatch)
        (update,) = batch.updates
        assert update.time_series == TimeSeriesID(id=7, external_id="t")
        assert isinstance(update.upserts, SubscriptionDatapoints)
        assert update.upserts.timestamp == [1, 2]
        assert update.upserts.value[0] == 1.5 and math.isnan(update.upserts.value[1])
        assert update.upserts.status_code == [0, 2147483648]
        assert update.upserts.status_symbol == ["Good", "Bad"]
        assert update.deletes == [DataDeletion(0, 5), DataDeletion(9)]
        assert [t.external_id for t in batch.subscription_changes.added] == ["t"]
        assert [t.id for t in batch.subscription_changes.removed] == [8]
        (body,) = fake.bodies("POST timeseries/subscriptions/data/list")
        assert body["partitions"] == [{"index": 0, "cursor": "start"}] and "initializeCursors" not in body

    async def test_defaults(self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient) -> None:
        await anext(client.time_series.subscriptions.iterate_data("s"))
        (body,) = fake.bodies("POST timeseries/subscriptions/data/list")
        assert body == {
            "externalId": "s", "limit": 25, "pollTimeoutSeconds": 5, "includeStatus": False,
            "ignoreBadDataPoints": True, "treatUncertainAsBad": True, "partitions": [{"index": 0}],
        }  # fmt: skip

    @pytest.mark.parametrize(
        "kwargs, error, name",
        [
            ({"external_id": 1}, TypeError, "external_id"),
            ({"start": 5}, TypeError, "start"),
            ({"limit": 0}, ValueError, "limit"),
            ({"limit": 100_001}, ValueError, "limit"),
            ({"partition": -1}, ValueError, "partition"),
            ({"poll_timeout": 6}, ValueError, "poll_timeout"),
            ({"include_status": 1}, TypeError, "include_status"),
            ({"cursor": 3}, TypeError, "cursor"),
        ],
    )
    async def test_bad_input_fails_at_the_call(
        self, fake: FakeSubscriptionsCDF, client: AsyncCogniteClient, kwargs: dict[str, Any], error: type, name: str
    ) -> None:
        with pytest.raises(error, match=name):
            client.time_series.subscriptions.iterate_data(**{"external_id": "s", **kwargs})
        assert fake.requests == []

    def test_sync_client_iterates(self, fake: FakeSubscriptionsCDF) -> None:
        fake.batches = [_batch(), _batch(hasNext=False)]
        sync = CogniteClient(_config(), transport=httpx.MockTransport(fake.handler))
        seen = []
        for batch in sync.time_series.subscriptions.iterate_data("s", poll_timeout=0):
            seen.append(batch)
            if not batch.has_next:
                break
        assert len(seen) == 2
        assert sync.time_series.subscriptions.retrieve("s2").external_id == "s2"  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------- data classes


class TestDataClasses:
    def test_write_round_trip_and_validation(self) -> None:
        sub = DataPointSubscriptionWrite("s", 2, ["a"], [("sp", "x")], name="n")
        assert sub.instance_ids == [NodeId("sp", "x")]
        assert DataPointSubscriptionWrite.load(sub.dump()) == sub
        assert DataPointSubscriptionWrite.load(sub.dump(camel_case=False)) == sub
        assert sub.as_write() is sub
        with pytest.raises(ValueError, match="filter"):
            DataPointSubscriptionWrite("s", 1, ["a"], filter=flt.Equals("unit", "m"))
        with pytest.raises(TypeError, match="time_series_ids"):
            DataPointSubscriptionWrite("s", 1, "a")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="filter"):
            DataPointSubscriptionWrite("s", 1, filter="isString")

    def test_read_loads_filter_and_ignores_unknown_fields(self) -> None:
        raw = {**SUB, "filter": {"equals": {"property": ["isString"], "value": True}}, "future": 1}
        sub = DatapointSubscription.load(raw)
        assert isinstance(sub.filter, flt.Equals)
        assert sub.dump()["filter"] == raw["filter"]
        write = sub.as_write()
        assert isinstance(write, DataPointSubscriptionWrite) and write.filter == sub.filter
        lst = DatapointSubscriptionList.load([raw])
        assert isinstance(lst.as_write(), DatapointSubscriptionWriteList)
        with pytest.raises(CogniteMissingClientError):
            sub._get_client()

    def test_update_properties_follow_the_spec(self) -> None:
        kinds = {p.name: (p.is_list, p.is_nullable) for p in DataPointSubscriptionUpdate._get_update_properties()}
        assert kinds == {
            "name": (False, True),
            "description": (False, True),
            "data_set_id": (False, True),
            "filter": (False, False),
            "time_series_ids": (True, True),
            "instance_ids": (True, True),
        }

    def test_time_series_id_and_partition(self) -> None:
        tid = TimeSeriesID.load({"externalId": "x", "instanceId": {"space": "s", "externalId": "n"}})
        assert tid.instance_id == NodeId("s", "n") and not tid.is_resolved
        assert TimeSeriesID(id=1).is_resolved
        assert tid.dump() == {"externalId": "x", "instanceId": {"space": "s", "externalId": "n"}}
        assert DatapointSubscriptionPartition(2, "c").dump() == {"index": 2, "cursor": "c"}
        assert DatapointSubscriptionPartition.load({"index": 1}).cursor is None

    def test_subscription_datapoints_to_pandas(self) -> None:
        pd = pytest.importorskip("pandas")
        dps = SubscriptionDatapoints(id=1, external_id="x", timestamp=[0, 1000], value=[1.0, 2.0])
        df = dps.to_pandas()
        assert list(df.columns) == ["x"] and list(df["x"]) == [1.0, 2.0]
        assert df.index[1] == pd.Timestamp(1000, unit="ms")
        assert len(dps) == 2 and list(dps) == [(0, 1.0), (1000, 2.0)] and not dps.is_state

    def test_property_enum(self) -> None:
        assert DatapointSubscriptionProperty.instance_id_space.as_reference() == ["instanceId", "space"]
        assert DatapointSubscriptionProperty.metadata_key("k") == ["metadata", "k"]

    def test_split_member_update_keeps_other_fields_in_the_first_request(self) -> None:
        dumped = {"externalId": "s", "update": {"name": {"set": "x"}, "instanceIds": {"add": [1] * 150, "remove": [2]}}}
        assert split_member_update(dumped, 100) == [
            {"externalId": "s", "update": {"name": {"set": "x"}, "instanceIds": {"add": [1] * 100, "remove": [2]}}},
            {"externalId": "s", "update": {"instanceIds": {"add": [1] * 50}}},
        ]

    def test_decode_batch_without_changes(self) -> None:
        raw = json.dumps({"updates": [], "partitions": [{"index": 1, "nextCursor": "n"}], "hasNext": False}).encode()
        batch = decode_batch(raw, 1)
        assert batch.cursor == "n" and batch.updates == [] and batch.subscription_changes.added == []
