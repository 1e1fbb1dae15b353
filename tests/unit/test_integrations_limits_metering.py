"""The integrations, limits and metering APIs and their data classes, against a fake CDF behind
``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import (
    Limit,
    LimitList,
    MeteringData,
    MeteringDataPoint,
    RawTable,
    RevisionCameraProperties,
)
from cognite.client.data_classes.filters import Equals, Prefix
from cognite.client.data_classes.integrations import (
    Extractor,
    Integration,
    IntegrationError,
    IntegrationList,
    IntegrationUpdate,
    IntegrationWrite,
    Task,
)
from cognite.client.data_classes.metering import MeteringDataList
from cognite.client.data_classes.three_d import RevisionCameraProperties as ThreeDCamera
from cognite.client.data_classes.transformations.common import RawTable as DestinationRawTable
from cognite.client.exceptions import CogniteNotFoundError

_T = {"createdTime": 1, "lastUpdatedTime": 2}
_ALPHA = "20230101-alpha"


def _integration(xid: str, **extra: Any) -> dict[str, Any]:
    return {"externalId": xid, "extractor": {"externalId": "x"}, **_T, **extra}


def _echo(body: dict[str, Any]) -> dict[str, Any]:
    return {"items": [{**item, **_T} for item in body["items"]]}


class TestClasses:
    def test_integration_round_trip_and_write_form(self) -> None:
        raw = _integration("a", name="n", tasks=[{"type": "batch", "name": "t", "action": True}],
                           activeConfigRevision="local", lastSeen=5, futureField=1)  # fmt: skip
        read = Integration.load(raw)
        assert read.tasks == [Task("batch", "t", True)] and read.active_config_revision == "local"
        assert read.as_write() == IntegrationWrite("a", Extractor("x"), name="n")
        assert IntegrationList([read]).as_write()[0] == read.as_write()
        assert IntegrationList([read]).as_external_ids() == ["a"]
        write = IntegrationWrite("a", {"externalId": "x", "version": "2"})  # type: ignore[arg-type]
        assert write.extractor == Extractor("x", "2") and write.as_write() is write

    def test_bad_integrations_fail_when_built(self) -> None:
        with pytest.raises(TypeError, match="external_id"):
            IntegrationWrite("", Extractor("x"))
        with pytest.raises(TypeError, match="extractor"):
            IntegrationWrite("a", "x")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="external_id"):
            IntegrationUpdate(1)  # type: ignore[arg-type]

    def test_update_dump(self) -> None:
        update = (IntegrationUpdate("a").documentation.set("d").metadata.add({"k": "v"})
                  .allowed_not_seen_minutes.set(None))  # fmt: skip
        assert update.dump() == {"externalId": "a", "update": {
            "documentation": {"set": "d"}, "metadata": {"add": {"k": "v"}}, "allowedNotSeenMinutes": {"setNull": True}}}  # fmt: skip

    def test_limits_metering_and_top_level_names(self) -> None:
        assert LimitList.load([{"limitId": "a.b", "value": 1.5}]).as_ids() == ["a.b"]
        assert Limit("a.b", 3).as_id() == "a.b"
        data = MeteringData.load(
            {"meterId": "m.n", "datapoints": [{"timestamp": "1970-01-01T00:00:02.5Z", "average": 1}]}
        )
        assert data.datapoints == [MeteringDataPoint(2500, 1)]
        assert data.dump(camel_case=False) == {"meter_id": "m.n", "datapoints": [{"timestamp": 2500, "average": 1}]}
        assert MeteringData.load(data.dump()) == data and MeteringDataPoint.load({"timestamp": 7}).timestamp == 7
        assert MeteringDataList([data]).as_ids() == ["m.n"]
        assert RawTable is DestinationRawTable and RevisionCameraProperties is ThreeDCamera
        assert RawTable("db", "t").database == "db"
        assert IntegrationError.load({"level": "fatal", "description": "d", "startTime": 1}).level == "fatal"


class TestIntegrationsAPI:
    async def test_create_retrieve_list_delete(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /integrations": _echo,
            "POST /integrations/byids": lambda body: {"items": [_integration(i["externalId"]) for i in body["items"]]},
            "GET /integrations": [{"items": [_integration("a")], "nextCursor": "c"}, {"items": [_integration("b")]}],
            "POST /integrations/delete": {},
        })  # fmt: skip
        created = await async_client.integrations.create([IntegrationWrite(f"i{n}", Extractor("x")) for n in range(45)])
        assert len(created) == 45 and [len(r.body["items"]) for r in fake.calls("POST /integrations")] == [20, 20, 5]
        one = await async_client.integrations.create(Integration.load(_integration("z", lastSeen=3)))
        assert fake.calls("POST /integrations")[-1].body == {
            "items": [{"externalId": "z", "extractor": {"externalId": "x"}}]
        }
        assert isinstance(one, Integration)
        assert (await async_client.integrations.retrieve("a")).external_id == "a"  # type: ignore[union-attr]
        assert fake.calls("POST /integrations/byids")[0].body == {
            "items": [{"externalId": "a"}],
            "ignoreUnknownIds": True,
        }
        assert len(await async_client.integrations.retrieve(["a", "b"])) == 2
        listed = await async_client.integrations.list(limit=None)
        assert listed.as_external_ids() == ["a", "b"]
        assert [dict(r.params) for r in fake.calls("GET /integrations")] == [
            {"limit": "100"},
            {"limit": "100", "cursor": "c"},
        ]
        await async_client.integrations.delete(["a", "b"], ignore_unknown_ids=True)
        assert fake.calls("POST /integrations/delete")[0].body == {
            "items": [{"externalId": "a"}, {"externalId": "b"}], "ignoreUnknownIds": True}  # fmt: skip

    async def test_missing_ids_raise_not_found(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        from tests.unit.conftest import error_response

        routed_cdf({"POST /integrations/byids": error_response(400, "not found", missing=[{"externalId": "q"}])})
        with pytest.raises(CogniteNotFoundError):
            await async_client.integrations.retrieve(["q"])

    async def test_update_forms(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /integrations/update": lambda body: {
            "items": [_integration(i["externalId"]) for i in body["items"]]}})  # fmt: skip
        await async_client.integrations.update(IntegrationUpdate("a").name.set("n"))
        await async_client.integrations.update(
            [IntegrationWrite("b", Extractor("x"), description="d", metadata={"k": "v"})]
        )
        first, second = (r.body["items"][0] for r in fake.calls("POST /integrations/update"))
        assert first == {"externalId": "a", "update": {"name": {"set": "n"}}}
        assert second == {"externalId": "b", "update": {"description": {"set": "d"}, "metadata": {"set": {"k": "v"}}}}

    async def test_errors_list_params(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"GET /integrations/errors": {"items": [
            {"level": "warning", "description": "d", "details": "x", "startTime": 1, "endTime": 2, "task": "t"}]}})  # fmt: skip
        errors = await async_client.integrations.errors.list(
            external_id="a", task="t", min_start_time=10, max_end_time=20
        )
        assert errors[0].end_time == 2 and errors[0].task == "t"
        assert dict(fake.calls("GET /integrations/errors")[0].params) == {
            "externalId": "a", "task": "t", "minStartTime": "10", "maxEndTime": "20", "limit": "25"}  # fmt: skip

    async def test_bad_arguments_fail_before_any_request(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({})
        api = async_client.integrations
        with pytest.raises(TypeError, match="integration"):
            await api.create({"externalId": "a"})  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="item"):
            await api.update("a")  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="ignore_unknown_ids"):
            await api.retrieve("a", ignore_unknown_ids=1)  # type: ignore[call-overload]
        with pytest.raises(ValueError, match="task"):
            await api.errors.list(task="t")
        with pytest.raises(TypeError, match="min_start_time"):
            await api.errors.list(min_start_time=[1])  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            await api.list(limit=-5)
        assert fake.calls() == []

    def test_sync_client(self, routed_cdf: Any, sync_client: CogniteClient) -> None:
        routed_cdf({"GET /integrations": {"items": [_integration("a"), _integration("b")]}})
        assert [i.external_id for i in sync_client.integrations(chunk_size=None, limit=1)] == ["a"]
        assert len(sync_client.integrations.list()) == 2


class TestLimitsAndMeteringAPI:
    async def test_limits(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "GET /limits/values": {"items": [{"limitId": "a.b", "value": 1}]},
            "POST /limits/values/list": [{"items": [{"limitId": "a.b", "value": 1}], "nextCursor": "n"},
                                         {"items": [{"limitId": "a.c", "value": 2}]}],
            "GET /limits/values/a.b": {"limitId": "a.b", "value": 1},
        })  # fmt: skip
        assert (await async_client.limits.list()).as_ids() == ["a.b"]
        assert dict(fake.calls("GET /limits/values")[0].params) == {"limit": "25"}
        listed = await async_client.limits.list(filter=Prefix("limitId", "a."), limit=None)
        assert listed.as_ids() == ["a.b", "a.c"]
        assert [r.body for r in fake.calls("POST /limits/values/list")] == [
            {"filter": {"prefix": {"property": ["limitId"], "value": "a."}}, "limit": 1000},
            {"filter": {"prefix": {"property": ["limitId"], "value": "a."}}, "limit": 1000, "cursor": "n"},
        ]
        assert await async_client.limits.retrieve("a.b") == Limit("a.b", 1)
        assert await async_client.limits.retrieve("a.unknown") is None  # the fake answers 404
        assert {r.headers["cdf-version"] for r in fake.calls()} == {_ALPHA}

    async def test_metering(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        meter = {"meterId": "a.b", "datapoints": [{"timestamp": "1970-01-01T00:00:01Z", "average": 4}]}
        fake = routed_cdf({
            "GET /metering/meters": {"items": [meter]},
            "POST /metering/meters/list": {"items": [meter]},
            "GET /metering/meters/a.b": meter,
            "POST /metering/meters/byids": lambda body: {"items": [meter for _ in body["items"]]},
        })  # fmt: skip
        listed = await async_client.metering.list(start=0, end=60_000, number_of_datapoints=2)
        assert listed[0].datapoints == [MeteringDataPoint(1000, 4)]
        assert dict(fake.calls("GET /metering/meters")[0].params) == {
            "limit": "25", "start": "1970-01-01T00:00:00.000Z", "end": "1970-01-01T00:01:00.000Z", "numberOfDatapoints": "2"}  # fmt: skip
        await async_client.metering.list(filter=Prefix("meterId", "a."))
        assert fake.calls("POST /metering/meters/list")[0].body["filter"]["prefix"]["property"] == ["meterId"]
        one = await async_client.metering.retrieve("a.b", start=0, number_of_datapoints=1)
        assert isinstance(one, MeteringData) and dict(fake.calls("GET /metering/meters/a.b")[0].params)["start"]
        many = await async_client.metering.retrieve([f"m.{i}" for i in range(150)])
        assert len(many) == 150 and [len(r.body["items"]) for r in fake.calls("POST /metering/meters/byids")] == [
            100,
            50,
        ]
        assert await async_client.metering.retrieve("x.unknown") is None
        assert {r.headers["cdf-version"] for r in fake.calls()} == {_ALPHA}

    async def test_bad_arguments(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({})
        with pytest.raises(TypeError, match="filter"):
            await async_client.limits.list(filter=Equals("limitId", "a"))
        with pytest.raises(ValueError, match="filter"):
            await async_client.metering.list(filter=Prefix("limitId", "a"))
        with pytest.raises(ValueError, match="number_of_datapoints"):
            await async_client.metering.list(number_of_datapoints=601)
        with pytest.raises(TypeError, match="start"):
            await async_client.metering.retrieve("a", start=[0])  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="id"):
            await async_client.limits.retrieve(5)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="id"):
            await async_client.metering.retrieve("")
        assert fake.calls() == []
