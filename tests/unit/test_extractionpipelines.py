"""The Extraction Pipelines API (pipelines, runs, configs) and its data classes, against a fake CDF behind
``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import (
    ExtractionPipeline,
    ExtractionPipelineConfig,
    ExtractionPipelineConfigWrite,
    ExtractionPipelineContact,
    ExtractionPipelineList,
    ExtractionPipelineRun,
    ExtractionPipelineRunList,
    ExtractionPipelineRunWrite,
    ExtractionPipelineUpdate,
    ExtractionPipelineWrite,
    ExtractionPipelineWriteList,
)
from cognite.client.data_classes.extractionpipelines import (
    ExtractionPipelineConfigRevisionList,
    ExtractionPipelineNotificationConfiguration,
    ExtractionPipelineRunFilter,
    StringFilter,
)
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError


def pipeline(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "externalId": f"p{i}", "name": f"P{i}", "dataSetId": 9, "createdTime": 1, "lastUpdatedTime": 2,
            **fields}  # fmt: skip


def echo_created(body: dict[str, Any]) -> dict[str, Any]:
    return {"items": [{**pipeline(i + 1), **item} for i, item in enumerate(body["items"])]}


def params(fake: Any, endpoint: str) -> list[dict[str, str]]:
    return [dict(r.params) for r in fake.calls(endpoint)]


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


class TestDataClasses:
    def test_pipeline_load_dump_as_write(self) -> None:
        raw = pipeline(
            3, contacts=[{"name": "Ola", "email": "o@x.no", "sendNotification": True}],
            notificationConfig={"allowedNotSeenRangeInMinutes": 30}, rawTables=[{"dbName": "d", "tableName": "t"}],
            lastSeen=5, lastFailure=4, lastMessage="boom", unknownField=1,
        )  # fmt: skip
        p = ExtractionPipeline.load(raw)
        assert p.contacts == [ExtractionPipelineContact(name="Ola", email="o@x.no", send_notification=True)]
        assert p.notification_config == ExtractionPipelineNotificationConfiguration(30)
        assert p.last_seen == 5 and p.last_message == "boom"
        write = p.as_write()
        assert write.dump() == {
            "externalId": "p3", "name": "P3", "dataSetId": 9, "rawTables": [{"dbName": "d", "tableName": "t"}],
            "contacts": [{"name": "Ola", "email": "o@x.no", "sendNotification": True}],
            "notificationConfig": {"allowedNotSeenRangeInMinutes": 30},
        }  # fmt: skip
        listed = ExtractionPipelineList.load([pipeline(1), pipeline(2)])
        assert isinstance(listed.as_write(), ExtractionPipelineWriteList) and listed.as_ids() == [1, 2]
        assert listed.as_external_ids() == ["p1", "p2"]
        assert ExtractionPipeline.load(p.dump(camel_case=False)) == p

    def test_write_validates_and_loads_nested_dicts(self) -> None:
        w = ExtractionPipelineWrite(
            "x", "X", 1, contacts=[{"name": "a"}], notification_config={"allowedNotSeenRangeInMinutes": 5}
        )  # type: ignore[list-item,arg-type]
        assert w.contacts == [ExtractionPipelineContact(name="a")]
        assert w.notification_config == ExtractionPipelineNotificationConfiguration(5)
        with pytest.raises(TypeError, match="data_set_id"):
            ExtractionPipelineWrite("x", "X", "1")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="external_id"):
            ExtractionPipelineWrite("", "X", 1)
        with pytest.raises(ValueError, match="data_set_id"):
            ExtractionPipeline(external_id="x", name="X").as_write()

    def test_update(self) -> None:
        upd = (
            ExtractionPipelineUpdate(external_id="p")
            .contacts.add([ExtractionPipelineContact(name="n", role="r")])
            .raw_tables.remove([{"dbName": "d", "tableName": "t"}])
            .notification_config.set(ExtractionPipelineNotificationConfiguration(10))
            .description.set(None)
        )
        assert upd.dump() == {
            "externalId": "p",
            "update": {
                "contacts": {"add": [{"name": "n", "role": "r"}]},
                "rawTables": {"remove": [{"dbName": "d", "tableName": "t"}]},
                "notificationConfig": {"set": {"allowedNotSeenRangeInMinutes": 10}},
                "description": {"setNull": True},
            },
        }

    def test_runs_map_the_pipeline_external_id(self) -> None:
        run = ExtractionPipelineRun.load({"id": 1, "status": "failure", "externalId": "p", "message": "m"})
        assert run.extpipe_external_id == "p"
        assert run.dump() == {"id": 1, "status": "failure", "externalId": "p", "message": "m"}
        assert run.dump(camel_case=False) == {"id": 1, "status": "failure", "extpipe_external_id": "p", "message": "m"}
        assert ExtractionPipelineRun.load(run.dump(camel_case=False)) == run
        assert run.as_write() == ExtractionPipelineRunWrite("p", "failure", "m")
        assert ExtractionPipelineRunList([run]).as_write().dump() == [
            {"externalId": "p", "status": "failure", "message": "m"}
        ]
        with pytest.raises(ValueError, match="status"):
            ExtractionPipelineRunWrite("p", "broken")  # type: ignore[arg-type]

    def test_filters_and_configs(self) -> None:
        flt = ExtractionPipelineRunFilter(external_id="p", statuses=["seen"], message=StringFilter("x"))
        assert flt.dump() == {"externalId": "p", "statuses": ["seen"], "message": {"substring": "x"}}
        cfg = ExtractionPipelineConfig.load({"externalId": "p", "revision": 2, "config": "a", "createdTime": 3})
        assert cfg.as_write() == ExtractionPipelineConfigWrite("p", "a")
        revisions = ExtractionPipelineConfigRevisionList.load([{"externalId": "p", "revision": 1}])
        assert revisions[0].revision == 1


class TestPipelinesAPI:
    async def test_create_retrieve_list_delete(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /extpipes": echo_created,
            "POST /extpipes/byids": lambda body: {"items": [pipeline(1)] if body["items"][0].get("id") == 1 else []},
            "GET /extpipes": [{"items": [pipeline(1)], "nextCursor": "c"}, {"items": [pipeline(2)]}],
            "POST /extpipes/delete": {},
        })  # fmt: skip
        created = await async_client.extraction_pipelines.create(
            [ExtractionPipelineWrite(f"p{i}", "P", 9) for i in range(1500)]
        )
        assert isinstance(created, ExtractionPipelineList) and len(created) == 1500
        assert sorted(len(b["items"]) for b in bodies(fake, "POST /extpipes")) == [500, 1000]
        one = await async_client.extraction_pipelines.create(ExtractionPipeline.load(pipeline(7)))
        assert isinstance(one, ExtractionPipeline)
        assert bodies(fake, "POST /extpipes")[-1] == {"items": [{"externalId": "p7", "name": "P7", "dataSetId": 9}]}
        assert (await async_client.extraction_pipelines.retrieve(id=1)).external_id == "p1"  # type: ignore[union-attr]
        assert await async_client.extraction_pipelines.retrieve(external_id="nope") is None
        assert bodies(fake, "POST /extpipes/byids")[-1] == {"items": [{"externalId": "nope"}], "ignoreUnknownIds": True}
        await async_client.extraction_pipelines.retrieve_multiple(ids=[1], external_ids=["x"], ignore_unknown_ids=True)
        assert bodies(fake, "POST /extpipes/byids")[-1]["ignoreUnknownIds"] is True
        listed = await async_client.extraction_pipelines.list(limit=None)
        assert listed.as_ids() == [1, 2]
        assert params(fake, "GET /extpipes") == [{"limit": "1000"}, {"limit": "1000", "cursor": "c"}]
        await async_client.extraction_pipelines.delete(id=[1, 2], external_id="x")
        assert bodies(fake, "POST /extpipes/delete") == [{"items": [{"id": 1}, {"id": 2}, {"externalId": "x"}]}]

    async def test_iterate(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf(
            {"GET /extpipes": [{"items": [pipeline(1), pipeline(2)], "nextCursor": "c"}, {"items": [pipeline(3)]}]}
        )
        chunks = [c async for c in async_client.extraction_pipelines(chunk_size=2)]
        assert [c.as_ids() for c in chunks] == [[1, 2], [3]]
        assert params(fake, "GET /extpipes")[0] == {"limit": "2"}  # pages of the chunk size

    async def test_update_modes(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /extpipes/update": lambda body: {"items": [pipeline(1) for _ in body["items"]]}})
        write = ExtractionPipelineWrite(
            "p", "P", 9, metadata={"k": "v"}, raw_tables=[{"dbName": "d", "tableName": "t"}]
        )
        await async_client.extraction_pipelines.update(write, mode="patch")
        await async_client.extraction_pipelines.update(write, mode="replace")
        await async_client.extraction_pipelines.update([write], mode="replace_ignore_null")
        patch, replace, ignore_null = (b["items"][0]["update"] for b in bodies(fake, "POST /extpipes/update"))
        assert patch["metadata"] == {"add": {"k": "v"}} and patch["rawTables"] == {
            "add": [{"dbName": "d", "tableName": "t"}]
        }
        assert replace["metadata"] == {"set": {"k": "v"}} and replace["contacts"] == {"set": []}
        assert replace["description"] == {"setNull": True} and "notificationConfig" not in replace
        assert ignore_null == {
            "externalId": {"set": "p"}, "name": {"set": "P"}, "dataSetId": {"set": 9},
            "rawTables": {"set": [{"dbName": "d", "tableName": "t"}]}, "metadata": {"set": {"k": "v"}},
        }  # fmt: skip
        with pytest.raises(ValueError, match="mode"):
            await async_client.extraction_pipelines.update(write, mode="merge")  # type: ignore[call-overload]

    async def test_bad_arguments_fail_before_any_request(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({})
        api = async_client.extraction_pipelines
        with pytest.raises(ValueError, match="Exactly one"):
            await api.retrieve()
        with pytest.raises(TypeError, match="ignore_unknown_ids"):
            await api.retrieve_multiple(ids=[1], ignore_unknown_ids="yes")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            await api.list(limit=-5)
        with pytest.raises(TypeError, match="external_id"):
            await api.runs.list(1)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="statuses"):
            await api.runs.list("p", statuses=["ok"])
        with pytest.raises(TypeError, match="message_substring"):
            await api.runs.list("p", message_substring=3)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="created_time"):
            await api.runs.list("p", created_time=5)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="revision"):
            await api.config.retrieve("p", revision=-1)
        with pytest.raises(TypeError, match="active_at_time"):
            await api.config.retrieve("p", active_at_time=1.5)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="revision"):
            await api.config.revert("p", revision="1")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="config"):
            await api.config.create({"externalId": "p"})  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="run"):
            await api.runs.create(5)  # type: ignore[call-overload]
        assert fake.requests == []

    async def test_not_found_errors(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        missing = httpx.Response(400, json={"error": {"code": 400, "message": "Ids not found", "missing": [{"id": 5}]}})
        routed_cdf({"POST /extpipes/byids": missing})
        with pytest.raises(CogniteNotFoundError) as err:
            await async_client.extraction_pipelines.retrieve_multiple(ids=[5])
        assert err.value.not_found == [5] or err.value.not_found == [{"id": 5}]


class TestRunsAPI:
    async def test_list_without_filters_uses_get(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"GET /extpipes/runs": {"items": [{"id": 1, "status": "seen", "createdTime": 3}]}})
        runs = await async_client.extraction_pipelines.runs.list("p", limit=10)
        assert isinstance(runs, ExtractionPipelineRunList) and runs[0].extpipe_external_id == "p"
        assert params(fake, "GET /extpipes/runs") == [{"externalId": "p", "limit": "10"}]

    async def test_list_with_filters_posts_them(
        self, routed_cdf: Any, async_client: AsyncCogniteClient, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        fake = routed_cdf({"POST /extpipes/runs/list": [{"items": [{"id": 2, "status": "failure"}], "nextCursor": "n"},
                                                         {"items": [{"id": 1, "status": "failure"}]}, {"items": []}]})  # fmt: skip
        runs = await async_client.extraction_pipelines.runs.list(
            "p", statuses="failure", message_substring="time", created_time={"min": 1, "max": 9}, limit=None
        )
        assert [r.id for r in runs] == [2, 1] and {r.extpipe_external_id for r in runs} == {"p"}
        first, second = bodies(fake, "POST /extpipes/runs/list")
        assert first == {
            "limit": 1000,
            "filter": {"externalId": "p", "statuses": ["failure"], "message": {"substring": "time"},
                       "createdTime": {"min": 1, "max": 9}},
        }  # fmt: skip
        assert second["cursor"] == "n"
        import cognite.client.utils._time as time_utils

        monkeypatch.setattr(time_utils, "_now_ms", lambda: 100 * 3_600_000)
        await async_client.extraction_pipelines.runs.list("p", created_time="24h-ago", statuses=["seen", "success"])
        assert bodies(fake, "POST /extpipes/runs/list")[-1]["filter"] == {
            "externalId": "p", "statuses": ["seen", "success"], "createdTime": {"min": 76 * 3_600_000},
        }  # fmt: skip

    async def test_create(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        def echo(body: dict[str, Any]) -> dict[str, Any]:
            return {"items": [{"id": i + 1, "createdTime": 5, **r} for i, r in enumerate(body["items"])]}

        fake = routed_cdf({"POST /extpipes/runs": echo})
        one = await async_client.extraction_pipelines.runs.create(ExtractionPipelineRunWrite("p", "seen"))
        assert isinstance(one, ExtractionPipelineRun) and one.extpipe_external_id == "p" and one.created_time == 5
        many = await async_client.extraction_pipelines.runs.create(
            [ExtractionPipelineRun(status="failure", extpipe_external_id="p", message="m", created_time=1)] * 1001
        )
        assert len(many) == 1001
        sizes = sorted(len(b["items"]) for b in bodies(fake, "POST /extpipes/runs"))
        assert sizes == [1, 1, 1000]
        assert bodies(fake, "POST /extpipes/runs")[0] == {"items": [{"externalId": "p", "status": "seen"}]}


class TestConfigsAPI:
    async def test_every_config_call(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        answer = {"externalId": "p", "revision": 3, "config": "a: 1", "createdTime": 7}
        fake = routed_cdf({
            "GET /extpipes/config": answer,
            "POST /extpipes/config": answer,
            "POST /extpipes/config/revert": answer,
            "GET /extpipes/config/revisions": [{"items": [{"externalId": "p", "revision": 3}], "nextCursor": "c"},
                                               {"items": [{"externalId": "p", "revision": 2}]}],
        })  # fmt: skip
        api = async_client.extraction_pipelines.config
        got = await api.retrieve("p", revision=3)
        assert isinstance(got, ExtractionPipelineConfig) and got.config == "a: 1"
        await api.retrieve("p", active_at_time=1000)
        await api.retrieve("p")
        assert params(fake, "GET /extpipes/config") == [
            {"externalId": "p", "revision": "3"}, {"externalId": "p", "activeAtTime": "1000"}, {"externalId": "p"},
        ]  # fmt: skip
        revisions = await api.list("p")
        assert isinstance(revisions, ExtractionPipelineConfigRevisionList) and [r.revision for r in revisions] == [3, 2]
        assert params(fake, "GET /extpipes/config/revisions")[1] == {"externalId": "p", "limit": "1000", "cursor": "c"}
        created = await api.create(ExtractionPipelineConfig(external_id="p", config="a: 1", revision=1, created_time=1))
        assert created.revision == 3
        assert bodies(fake, "POST /extpipes/config") == [{"externalId": "p", "config": "a: 1"}]
        await api.revert("p", 1)
        assert bodies(fake, "POST /extpipes/config/revert") == [{"externalId": "p", "revision": 1}]

    async def test_errors_propagate(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        routed_cdf({"GET /extpipes/config": httpx.Response(400, json={"error": {"code": 400, "message": "no config"}})})
        with pytest.raises(CogniteAPIError, match="no config"):
            await async_client.extraction_pipelines.config.retrieve("p")


def test_sync_client_has_the_same_surface(routed_cdf: Any, sync_client: CogniteClient) -> None:
    routed_cdf({"GET /extpipes": {"items": [pipeline(1)]}, "GET /extpipes/runs": {"items": []}})
    assert sync_client.extraction_pipelines.list().as_ids() == [1]
    assert [p.id for p in sync_client.extraction_pipelines()] == [1]  # type: ignore[union-attr]
    assert len(sync_client.extraction_pipelines.runs.list("p")) == 0
