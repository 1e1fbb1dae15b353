"""The datapoint subscription endpoints of the emulator, driven with raw httpx.

The ``client`` fixture talks in-process to an emulator that validates every request and response against the CDF
OpenAPI spec. Datapoint changes are fed through ``record_datapoint_change``, the interface the datapoints store
calls; one test goes over loopback HTTP.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator, EmulatorServer
from cognite.client.testing._families_subscriptions import SubscriptionStore, record_datapoint_change

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}
SUBS = "/timeseries/subscriptions"
UNCERTAIN, BAD = 1 << 30, 1 << 31


async def call(
    client: httpx.AsyncClient, method: str, path: str, body: Any = None, status: int = 200, **params: Any
) -> Any:
    response = await client.request(method, path, json=body, params=params or None)
    assert response.status_code == status, response.text
    return response.json()


async def create(client: httpx.AsyncClient, status: int = 201, **sub: Any) -> Any:
    return await call(client, "POST", SUBS, {"items": [{"partitionCount": 1, **sub}]}, status)


async def data(client: httpx.AsyncClient, xid: str, partitions: list[dict[str, Any]], **body: Any) -> Any:
    return await call(
        client,
        "POST",
        SUBS + "/data/list",
        {"externalId": xid, "partitions": partitions, "pollTimeoutSeconds": 0, **body},
    )


async def read_all(client: httpx.AsyncClient, xid: str, partitions: int = 1, **body: Any) -> list[dict[str, Any]]:
    """Every update of every partition, reading with cursors until ``hasNext`` is false."""
    cursors: dict[int, str | None] = dict.fromkeys(range(partitions))
    updates: list[dict[str, Any]] = []
    while True:
        parts = [{"index": i, **({"cursor": c} if c else {})} for i, c in cursors.items()]
        page = await data(client, xid, parts, **body)
        updates += page["updates"]
        cursors = {p["index"]: p["nextCursor"] for p in page["partitions"]}
        if not page["hasNext"]:
            return updates


@pytest.fixture
async def series(client: httpx.AsyncClient) -> dict[str, dict[str, Any]]:
    """Four time series: a, b (numeric), s (string, metadata site=osl), step (numeric step)."""
    items = [
        {"externalId": "a", "unit": "m"},
        {"externalId": "b", "unit": "m"},
        {"externalId": "s", "isString": True, "metadata": {"site": "osl"}},
        {"externalId": "step", "isStep": True, "unitExternalId": "temperature:deg_c"},
    ]
    created = await call(client, "POST", "/timeseries", {"items": items}, 201)
    return {it["externalId"]: it for it in created["items"]}


def record(emulator: CDFEmulator, ts: dict[str, Any], *points: tuple[int, Any], **kwargs: Any) -> None:
    record_datapoint_change(
        emulator.project(PROJECT), ts["id"], [t for t, _ in points], [v for _, v in points], **kwargs
    )


class TestCrud:
    async def test_create_retrieve_list_delete(self, client: httpx.AsyncClient, series: Any) -> None:
        created = await create(client, externalId="s1", name="n", description="d", timeSeriesIds=["a", "a", "x"])
        (sub,) = created["items"]
        assert sub["timeSeriesCount"] == 2 and sub["name"] == "n" and "id" not in sub and "timeSeriesIds" not in sub
        await create(client, externalId="s2", instanceIds=[{"space": "sp", "externalId": "n"}], partitionCount=4)
        got = await call(client, "POST", SUBS + "/byids", {"items": [{"externalId": "s2"}]})
        assert got["items"][0]["partitionCount"] == 4
        page = await call(client, "GET", SUBS, limit=1)
        assert [s["externalId"] for s in page["items"]] == ["s1"]
        page = await call(client, "GET", SUBS, limit=1, cursor=page["nextCursor"])
        assert [s["externalId"] for s in page["items"]] == ["s2"] and "nextCursor" not in page
        await call(client, "POST", SUBS + "/delete", {"items": [{"externalId": "s1"}]})
        missing = await call(client, "POST", SUBS + "/byids", {"items": [{"externalId": "s1"}]}, 400)
        assert missing["error"]["missing"] == [{"externalId": "s1"}]
        await call(client, "POST", SUBS + "/delete", {"items": [{"externalId": "s1"}], "ignoreUnknownIds": True})
        assert (
            await call(client, "POST", SUBS + "/byids", {"items": [{"externalId": "s1"}], "ignoreUnknownIds": True})
        )["items"] == []

    @pytest.mark.parametrize(
        "sub, message",
        [
            ({"externalId": "x", "timeSeriesIds": ["a"], "filter": {"exists": {"property": ["unit"]}}}, "not both"),
            ({"externalId": "x"}, "needs"),
            ({"externalId": "x", "filter": {"search": {"property": ["name"], "value": "p"}}}, "search"),
            ({"externalId": "x", "filter": {"equals": {"property": ["nope"], "value": 1}}}, "Unsupported property"),
        ],
    )
    async def test_invalid_subscriptions(self, client: httpx.AsyncClient, sub: dict[str, Any], message: str) -> None:
        body = await create(client, status=400, **sub)
        assert message in body["error"]["message"]

    async def test_duplicate_external_id(self, client: httpx.AsyncClient) -> None:
        await create(client, externalId="x", timeSeriesIds=["a"])
        body = await create(client, status=409, externalId="x", timeSeriesIds=["b"])
        assert body["error"]["duplicated"] == [{"externalId": "x"}]

    async def test_update_members_and_fields(self, client: httpx.AsyncClient, series: Any) -> None:
        await create(client, externalId="x", timeSeriesIds=["a", "b"])
        update = {"timeSeriesIds": {"add": ["s", "a"], "remove": ["b"]}, "name": {"set": "n"}}
        (sub,) = (await call(client, "POST", SUBS + "/update", {"items": [{"externalId": "x", "update": update}]}))[
            "items"
        ]
        assert sub["timeSeriesCount"] == 2 and sub["name"] == "n"
        members = await call(client, "GET", SUBS + "/members", externalId="x")
        assert [m["externalId"] for m in members["items"]] == ["a", "s"]
        update = {"instanceIds": {"set": [{"space": "sp", "externalId": "n"}]}, "name": {"setNull": True}}
        (sub,) = (await call(client, "POST", SUBS + "/update", {"items": [{"externalId": "x", "update": update}]}))[
            "items"
        ]
        assert sub["timeSeriesCount"] == 3 and "name" not in sub

    @pytest.mark.parametrize(
        "explicit, update, message",
        [
            (True, {"filter": {"set": {"exists": {"property": ["unit"]}}}}, "cannot be set"),
            (False, {"timeSeriesIds": {"add": ["a"]}}, "no timeSeriesIds"),
            (True, {"partitionCount": {"set": 3}}, "cannot be updated"),
        ],
    )
    async def test_invalid_updates(self, client: httpx.AsyncClient, explicit: bool, update: Any, message: str) -> None:
        kind = {"timeSeriesIds": ["a"]} if explicit else {"filter": {"exists": {"property": ["unit"]}}}
        await create(client, externalId="x", **kind)
        body = await call(client, "POST", SUBS + "/update", {"items": [{"externalId": "x", "update": update}]}, 400)
        assert message in body["error"]["message"]

    async def test_members_of_explicit_and_filter_subscriptions(self, client: httpx.AsyncClient, series: Any) -> None:
        await create(
            client, externalId="x", timeSeriesIds=["a", "gone"], instanceIds=[{"space": "sp", "externalId": "n"}]
        )
        members = await call(client, "GET", SUBS + "/members", externalId="x", limit=2)
        assert members["items"] == [{"externalId": "a", "id": series["a"]["id"]}, {"externalId": "gone"}]
        rest = await call(client, "GET", SUBS + "/members", externalId="x", cursor=members["nextCursor"])
        assert rest["items"] == [{"instanceId": {"space": "sp", "externalId": "n"}}]
        await create(client, externalId="f", filter={"equals": {"property": ["unit"], "value": "m"}})
        members = await call(client, "GET", SUBS + "/members", externalId="f")
        assert sorted(m["externalId"] for m in members["items"]) == ["a", "b"]


class TestData:
    async def test_upserts_and_deletes_in_order_with_cursors(
        self, client: httpx.AsyncClient, emulator: CDFEmulator, series: Any
    ) -> None:
        await create(client, externalId="x", timeSeriesIds=["a", "b"])
        record(emulator, series["a"], (1, 1.0), (2, 2.0))
        record(emulator, series["b"], (5, 5.0))
        record_datapoint_change(emulator.project(PROJECT), series["a"]["id"], deletes=[(0, 2), (7, None)])
        record(emulator, series["s"], (1, "ignored"))  # not a member
        page = await data(client, "x", [{"index": 0}], limit=2)
        assert [(u["timeSeries"]["externalId"], len(u["upserts"])) for u in page["updates"]] == [("a", 2)]
        assert page["hasNext"] is True
        assert [t["externalId"] for t in page["subscriptionChanges"]["added"]] == ["a", "b"]
        page = await data(client, "x", [{"index": 0, "cursor": page["partitions"][0]["nextCursor"]}], limit=100)
        assert [u["timeSeries"]["externalId"] for u in page["updates"]] == ["b", "a"]
        assert page["updates"][1]["deletes"] == [{"inclusiveBegin": 0, "exclusiveEnd": 2}, {"inclusiveBegin": 7}]
        assert page["hasNext"] is False
        again = await data(client, "x", [{"index": 0, "cursor": page["partitions"][0]["nextCursor"]}])
        assert again["updates"] == [] and "subscriptionChanges" not in again

    async def test_partitions_split_the_series_and_lose_nothing(
        self, client: httpx.AsyncClient, emulator: CDFEmulator, series: Any
    ) -> None:
        await create(client, externalId="x", timeSeriesIds=["a", "b", "s", "step"], partitionCount=3)
        for n in range(10):
            for xid in ("a", "b", "step"):
                record(emulator, series[xid], (n, float(n)))
            record(emulator, series["s"], (n, f"v{n}"))
        per_partition = []
        for index in range(3):
            updates = await read_all_partition(client, "x", index)
            per_partition.append({u["timeSeries"]["externalId"] for u in updates})
            for xid in per_partition[-1]:
                assert [u["upserts"][0]["value"] for u in updates if u["timeSeries"]["externalId"] == xid] == [
                    f"v{n}" if xid == "s" else float(n) for n in range(10)
                ]
        assert sorted(x for p in per_partition for x in p) == ["a", "b", "s", "step"]  # each series in one partition
        together = await read_all(client, "x", partitions=3, limit=7)
        assert len(together) == 40

    async def test_status_codes(self, client: httpx.AsyncClient, emulator: CDFEmulator, series: Any) -> None:
        await create(client, externalId="x", timeSeriesIds=["a"])
        record(emulator, series["a"], (1, 1.0), (2, 2.0), (3, float("nan")), status_codes=[0, UNCERTAIN, BAD])

        async def values(**options: Any) -> list[Any]:
            (update,) = await read_all(client, "x", **options)
            return [(p["timestamp"], p.get("value"), p.get("status", {}).get("code")) for p in update["upserts"]]

        assert await values() == [(1, 1.0, None)]
        assert await values(treatUncertainAsBad=False) == [(1, 1.0, None), (2, 2.0, None)]
        assert await values(ignoreBadDataPoints=False, includeStatus=True) == [
            (1, 1.0, None), (2, 2.0, UNCERTAIN), (3, "NaN", BAD),
        ]  # fmt: skip

    async def test_initialize_cursors(self, spec: Any, series: Any) -> None:
        now = [1_000_000_000]
        emulator = CDFEmulator(seed=1, validate=True, spec=spec, clock=lambda: now[0])
        async with _client(emulator) as client:
            ts = (await call(client, "POST", "/timeseries", {"items": [{"externalId": "a"}]}, 201))["items"][0]
            await create(client, externalId="x", timeSeriesIds=["a"])
            record(emulator, ts, (1, 1.0))
            now[0] += 3 * 3_600_000
            record(emulator, ts, (2, 2.0))
            stamps = {}
            for start in (None, "2h-ago", "now"):
                updates = await read_all(client, "x", **({"initializeCursors": start} if start else {}))
                stamps[start] = [p["timestamp"] for u in updates for p in u["upserts"]]
            assert stamps == {None: [1, 2], "2h-ago": [2], "now": []}
            body = await call(
                client, "POST", SUBS + "/data/list",
                {"externalId": "x", "partitions": [{"index": 0}], "initializeCursors": "yesterday"}, 400,
            )  # fmt: skip
            assert "initializeCursors" in body["error"]["message"]

    async def test_filter_membership_follows_time_series_changes(
        self, client: httpx.AsyncClient, emulator: CDFEmulator, series: Any
    ) -> None:
        await create(client, externalId="f", filter={"equals": {"property": ["metadata", "site"], "value": "osl"}})
        record(emulator, series["s"], (1, "x"))
        record(emulator, series["a"], (1, 1.0))  # does not match
        update = {"metadata": {"set": {"site": "osl"}}}
        await call(client, "POST", "/timeseries/update", {"items": [{"externalId": "a", "update": update}]})
        await call(
            client, "POST", "/timeseries/update", {"items": [{"externalId": "s", "update": {"metadata": {"set": {}}}}]}
        )
        page = await data(client, "f", [{"index": 0}])
        assert [u["timeSeries"]["externalId"] for u in page["updates"]] == ["s"]
        changes = page["subscriptionChanges"]
        assert [t["externalId"] for t in changes["added"]] == ["s", "a"]
        assert [t["externalId"] for t in changes["removed"]] == ["s"]
        assert (await call(client, "POST", SUBS + "/byids", {"items": [{"externalId": "f"}]}))["items"][0][
            "timeSeriesCount"
        ] == 1

    async def test_unit_quantity_and_type_in_filters(self, client: httpx.AsyncClient, series: Any) -> None:
        flt = {"and": [{"equals": {"property": ["unitQuantity"], "value": "temperature"}},
                       {"equals": {"property": ["type"], "value": "numeric"}}]}  # fmt: skip
        await create(client, externalId="f", filter=flt)
        members = await call(client, "GET", SUBS + "/members", externalId="f")
        assert [m["externalId"] for m in members["items"]] == ["step"]

    async def test_invalid_data_requests(self, client: httpx.AsyncClient) -> None:
        await create(client, externalId="x", timeSeriesIds=["a"], partitionCount=2)
        for partitions, message in (
            ([{"index": 2}], "between 0 and 1"),
            ([{"index": 0}, {"index": 0}], "Duplicate"),
            ([{"index": 0, "cursor": "garbage"}], "cursor"),
        ):
            body = await call(client, "POST", SUBS + "/data/list", {"externalId": "x", "partitions": partitions}, 400)
            assert message in body["error"]["message"]
        body = await call(
            client, "POST", SUBS + "/data/list", {"externalId": "nope", "partitions": [{"index": 0}]}, 400
        )
        assert body["error"]["missing"] == [{"externalId": "nope"}]

    async def test_long_poll_returns_when_data_arrives(
        self, client: httpx.AsyncClient, emulator: CDFEmulator, series: Any
    ) -> None:
        await create(client, externalId="x", timeSeriesIds=["a"])
        first = await data(client, "x", [{"index": 0}])
        cursor = first["partitions"][0]["nextCursor"]
        body = {"externalId": "x", "partitions": [{"index": 0, "cursor": cursor}], "pollTimeoutSeconds": 5}
        waiting = asyncio.ensure_future(client.post(SUBS + "/data/list", json=body))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        record(emulator, series["a"], (9, 9.0))
        response = await waiting
        assert [p["timestamp"] for p in response.json()["updates"][0]["upserts"]] == [9]

    async def test_deleted_subscription_forgets_its_streams(
        self, client: httpx.AsyncClient, emulator: CDFEmulator, series: Any
    ) -> None:
        await create(client, externalId="x", timeSeriesIds=["a"])
        record(emulator, series["a"], (1, 1.0))
        await call(client, "POST", SUBS + "/delete", {"items": [{"externalId": "x"}]})
        await create(client, externalId="x", timeSeriesIds=["a"])
        updates = await read_all(client, "x")
        assert updates == []
        store = emulator.store(PROJECT, "subscriptions")
        assert isinstance(store, SubscriptionStore) and len(store.streams) == 1


def test_recording_without_subscriptions_is_a_no_op() -> None:
    emulator = CDFEmulator()
    project = emulator.project("p")
    record_datapoint_change(project, 123, [1], [1.0])  # no subscriptions, no time series: nothing happens
    assert project.store("subscriptions").items == {}


def test_over_loopback(loopback_emulator: CDFEmulator, server: EmulatorServer) -> None:
    with httpx.Client(base_url=f"{server.url}/api/v1/projects/{PROJECT}", headers=AUTH) as http:
        ts = http.post("/timeseries", json={"items": [{"externalId": "a"}]}).json()["items"][0]
        assert (
            http.post(
                SUBS, json={"items": [{"externalId": "x", "partitionCount": 1, "timeSeriesIds": ["a"]}]}
            ).status_code
            == 201
        )
        record(loopback_emulator, ts, (1, 1.0))
        page = http.post(
            SUBS + "/data/list", json={"externalId": "x", "partitions": [{"index": 0}], "pollTimeoutSeconds": 0}
        )
        assert page.status_code == 200
        assert page.json()["updates"][0]["upserts"] == [{"timestamp": 1, "value": 1.0}]
    assert loopback_emulator.spec_violations == []


async def read_all_partition(client: httpx.AsyncClient, xid: str, index: int) -> list[dict[str, Any]]:
    cursor: str | None = None
    updates: list[dict[str, Any]] = []
    while True:
        page = await data(client, xid, [{"index": index, **({"cursor": cursor} if cursor else {})}], limit=3)
        updates += page["updates"]
        cursor = page["partitions"][0]["nextCursor"]
        if not page["hasNext"]:
            return updates


def _client(emulator: CDFEmulator) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://cdf.local/api/v1/projects/{PROJECT}", headers=AUTH
    )
