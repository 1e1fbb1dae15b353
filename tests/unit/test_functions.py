"""The Functions API (functions, calls, schedules) and its data classes, against a fake CDF behind
``httpx.MockTransport``."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import (
    ClientCredentials,
    Function,
    FunctionCall,
    FunctionCallList,
    FunctionCallLog,
    FunctionList,
    FunctionSchedule,
    FunctionSchedulesList,
    FunctionScheduleWrite,
    FunctionsLimits,
    FunctionWrite,
)
from cognite.client.data_classes.functions import (
    Backoff,
    FunctionCallsFilter,
    FunctionFilter,
    FunctionSchedulesFilter,
    FunctionsStatus,
)
from cognite.client.exceptions import CogniteMissingClientError, CogniteNotFoundError


def function(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "name": f"f{i}", "fileId": 100 + i, "status": "Ready", "createdTime": 1, **fields}


def call(i: int, status: str = "Completed", function_id: int = 1, **fields: Any) -> dict[str, Any]:
    return {"id": i, "functionId": function_id, "status": status, "startTime": 5, **fields}


def schedule(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "name": f"s{i}", "createdTime": 1, "cronExpression": "0 * * * *", "when": "hourly",
            "sessionId": "9", "functionId": 1, **fields}  # fmt: skip


SESSION = {"items": [{"id": 7, "status": "READY", "nonce": "n-1", "type": "ONESHOT_TOKEN_EXCHANGE"}]}


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


def handle(data, client, secrets, function_call_info):  # type: ignore[no-untyped-def]
    """Adds numbers.

    [requirements]
    numpy>=1.0
    [/requirements]
    """
    return data["a"] + data["b"]


def not_handle(data):  # type: ignore[no-untyped-def]
    return data


def _bad_handle() -> Any:
    def handle(data, context):  # type: ignore[no-untyped-def]
        return data

    return handle


handle_with_bad_args = _bad_handle()


class TestDataClasses:
    def test_function_load_dump_as_write(self) -> None:
        raw = function(3, externalId="x", secrets={"k": "***"}, envVars={"A": "1"}, cpu=0.5, memory=1.0,
                       runtime="py311", runtimeVersion="Python 3.11", error={"message": "m", "trace": None},
                       lastCalled=9, functionPath="src/h.py", unknownField=1)  # fmt: skip
        fn = Function.load(raw)
        assert fn.secrets == {"k": "***"} and fn.env_vars == {"A": "1"} and fn.last_called == 9
        assert fn.as_write() == FunctionWrite(
            "f3", 103, external_id="x", function_path="src/h.py", env_vars={"A": "1"}, cpu=0.5, memory=1.0,
            runtime="py311",
        )  # fmt: skip
        assert fn.as_write().dump()["fileId"] == 103 and "secrets" not in fn.as_write().dump()
        assert FunctionList([fn]).as_write().dump() == [fn.as_write().dump()]
        assert FunctionList([fn]).as_ids() == [3] and FunctionList([fn]).as_external_ids() == ["x"]
        assert Function.load(fn.dump(camel_case=False)) == fn
        with pytest.raises(ValueError, match="name and file_id"):
            Function(id=1).as_write()

    def test_call_schedule_and_project_classes(self) -> None:
        c = FunctionCall.load(call(2, "Failed", error={"message": "boom", "trace": "t"}, scheduleId=4, scheduledTime=3))
        assert (c.id, c.status, c.schedule_id, c.scheduled_time, c.error) == (
            2,
            "Failed",
            4,
            3,
            {"message": "boom", "trace": "t"},
        )
        assert FunctionCallList([c]).as_ids() == [2]
        with pytest.raises(ValueError, match="cannot be written"):
            c.as_write()
        s = FunctionSchedule.load(schedule(5, description="d"))
        assert s.as_write() == FunctionScheduleWrite("s5", "0 * * * *", function_id=1, description="d")
        assert FunctionSchedulesList([s]).as_write().dump() == [s.as_write().dump()]
        write = FunctionScheduleWrite("n", "*/5 * * * *", function_external_id="f", data={"k": [1]}, nonce="x")
        assert write.dump() == {"name": "n", "cronExpression": "*/5 * * * *", "functionExternalId": "f",
                                "data": {"k": [1]}, "nonce": "x"}  # fmt: skip
        limits = FunctionsLimits.load({"timeoutMinutes": 10, "cpuCores": {"min": 0.1, "max": 1, "default": 0.25},
                                       "memoryGb": {"min": 0.1, "max": 2, "default": 1}, "runtimes": ["py312"],
                                       "responseSizeMb": 1})  # fmt: skip
        assert limits.cpu_cores == {"min": 0.1, "max": 1, "default": 0.25} and limits.runtimes == ["py312"]
        assert FunctionsStatus.load({"status": "activated"}).status == "activated"

    def test_filters(self) -> None:
        assert FunctionFilter(name="n", file_id=3, created_time={"min": 1}, metadata={"a": "b"}).dump() == {
            "name": "n", "fileId": 3, "createdTime": {"min": 1}, "metadata": {"a": "b"},
        }  # fmt: skip
        assert FunctionCallsFilter(schedule_id=2, end_time={"max": 5}).dump() == {
            "scheduleId": 2,
            "endTime": {"max": 5},
        }
        assert FunctionSchedulesFilter(function_external_id="x", name="s").dump() == {
            "name": "s", "functionExternalId": "x",
        }  # fmt: skip

    def test_log_to_text(self) -> None:
        log = FunctionCallLog.load([{"message": "a", "timestamp": 1_000}, {"message": "b"}])
        assert log.to_text() == "a\nb"
        assert log.to_text(with_timestamps=True) == "[1970-01-01 00:00:01.000] a\nb"
        assert FunctionCallLog([]).to_text() == ""

    def test_backoff(self) -> None:
        backoff = Backoff(multiplier=1, max_wait=5, base=3, min_wait=2)
        assert not backoff.has_progressed()
        assert [next(backoff) for _ in range(4)] == [2, 3, 5, 5]
        assert backoff.has_progressed()
        backoff.reset()
        assert next(backoff) == 2
        with pytest.raises(ValueError):
            Backoff(multiplier=0)

    def test_helpers_need_a_client(self) -> None:
        with pytest.raises(CogniteMissingClientError):
            Function.load(function(1)).call()
        with pytest.raises(CogniteMissingClientError):
            FunctionCall.load(call(1)).get_response()
        with pytest.raises(CogniteMissingClientError):
            FunctionSchedule.load(schedule(1)).get_input_data()


STORAGE = "https://storage.example/upload/55"


def _upload_routes() -> dict[str, Any]:
    return {
        "POST /files": lambda body: {
            "id": 55,
            "name": body["name"],
            "uploadUrl": STORAGE,
            "uploaded": False,
            "createdTime": 1,
            "lastUpdatedTime": 1,
        },
    }


@pytest.fixture
def uploads() -> list[bytes]:
    """The content PUT to upload URLs (outside CDF) by ``upload_client``."""
    return []


@pytest.fixture
def upload_client(config: Any, fake_cdf: Any, uploads: list[bytes]) -> AsyncCogniteClient:
    """An async client whose uploads of file content land in ``uploads``; CDF requests go to the fake CDF."""

    async def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == STORAGE:
            uploads.append(await request.aread())
            return httpx.Response(200)
        return await fake_cdf.handler(request)  # type: ignore[no-any-return]

    return AsyncCogniteClient(config, transport=httpx.MockTransport(handler))


def _zip_of(uploads: list[bytes]) -> zipfile.ZipFile:
    (content,) = uploads
    return zipfile.ZipFile(io.BytesIO(content))


class TestCreate:
    async def test_from_file_id_sends_every_field(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf(
            {"POST /functions": lambda body: {"items": [function(1, status="Queued", **body["items"][0])]}}
        )
        fn = await async_client.functions.create(
            name="f", file_id=9, function_path="src/main.py", external_id="x", description="d", owner="me",
            secrets={"api-key": "s"}, env_vars={"A": "1"}, cpu=0.25, memory=1.5, runtime="py312",
            metadata={"k": "v"}, index_url="https://pypi.org/simple", extra_index_urls=["https://x"],
        )  # fmt: skip
        assert isinstance(fn, Function) and fn.status == "Queued"
        assert bodies(fake, "POST /functions") == [{"items": [{
            "name": "f", "fileId": 9, "externalId": "x", "description": "d", "owner": "me",
            "functionPath": "src/main.py", "secrets": {"api-key": "s"}, "envVars": {"A": "1"}, "cpu": 0.25,
            "memory": 1.5, "runtime": "py312", "metadata": {"k": "v"}, "indexUrl": "https://pypi.org/simple",
            "extraIndexUrls": ["https://x"],
        }]}]  # fmt: skip
        await async_client.functions.create(FunctionWrite("g", 3))
        assert bodies(fake, "POST /functions")[-1] == {"items": [{"name": "g", "fileId": 3}]}

    async def test_from_a_folder_zips_and_uploads(
        self, routed_cdf: Any, upload_client: AsyncCogniteClient, uploads: list[bytes], tmp_path: Path
    ) -> None:
        (tmp_path / "pkg").mkdir()
        (tmp_path / "pkg" / "main.py").write_text("from pkg.util import go\n\ndef handle(data):\n    return go()\n")
        (tmp_path / "pkg" / "util.py").write_text("def go():\n    return 1\n")
        (tmp_path / "__pycache__").mkdir()
        (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"x")
        fake = routed_cdf(
            {**_upload_routes(), "POST /functions": lambda body: {"items": [function(1, **body["items"][0])]}}
        )
        fn = await upload_client.functions.create("f", folder=str(tmp_path), function_path="pkg/main.py", data_set_id=4)
        assert fn.file_id == 55
        (file_body,) = bodies(fake, "POST /files")
        assert file_body["name"] == "f.zip" and file_body["dataSetId"] == 4
        assert sorted(_zip_of(uploads).namelist()) == ["pkg/main.py", "pkg/util.py"]
        assert bodies(fake, "POST /functions")[0]["items"][0]["functionPath"] == "pkg/main.py"

    async def test_from_a_function_handle(
        self, routed_cdf: Any, upload_client: AsyncCogniteClient, uploads: list[bytes]
    ) -> None:
        fake = routed_cdf(
            {**_upload_routes(), "POST /functions": lambda body: {"items": [function(1, **body["items"][0])]}}
        )
        await upload_client.functions.create("f", function_handle=handle)
        zf = _zip_of(uploads)
        assert sorted(zf.namelist()) == ["handler.py", "requirements.txt"]
        assert zf.read("handler.py").decode().startswith("def handle(data, client, secrets, function_call_info)")
        assert zf.read("requirements.txt") == b"numpy>=1.0\n"
        assert bodies(fake, "POST /functions")[0]["items"][0]["functionPath"] == "handler.py"

    @pytest.mark.parametrize(
        ("kwargs", "error", "match"),
        [
            ({}, ValueError, "exactly one of folder, file_id and function_handle"),
            ({"file_id": 1, "function_handle": handle}, ValueError, "exactly one"),
            ({"function_handle": not_handle}, ValueError, "named 'handle'"),
            ({"function_handle": handle_with_bad_args}, ValueError, "context"),
            ({"function_handle": "code"}, TypeError, "function_handle"),
            ({"function_handle": handle, "function_path": "x.py"}, ValueError, "handler.py"),
            ({"file_id": 1, "function_path": "../x.py"}, ValueError, "function_path"),
            ({"file_id": 1, "function_path": "x.txt"}, ValueError, "function_path"),
            ({"file_id": 1, "secrets": {"Bad_Key": "x"}}, ValueError, "secrets"),
            ({"file_id": 1, "secrets": {"token": "x"}}, ValueError, "secrets"),
            ({"file_id": 1, "secrets": {"k": 1}}, TypeError, "secrets"),
            ({"file_id": 1, "env_vars": {str(i): "v" for i in range(101)}}, ValueError, "env_vars"),
            ({"file_id": 1, "runtime": "py27"}, ValueError, "runtime"),
            ({"file_id": 1, "cpu": "1"}, TypeError, "cpu"),
            ({"file_id": 0}, ValueError, "file_id"),
            ({"file_id": 1, "extra_index_urls": "https://x"}, TypeError, "extra_index_urls"),
        ],
    )
    async def test_bad_arguments_fail_before_any_request(
        self, routed_cdf: Any, async_client: AsyncCogniteClient, kwargs: dict[str, Any], error: type, match: str
    ) -> None:
        fake = routed_cdf({})
        with pytest.raises(error, match=match):
            await async_client.functions.create("f", **kwargs)
        assert fake.calls() == []

    async def test_folder_validation(self, routed_cdf: Any, upload_client: AsyncCogniteClient, tmp_path: Path) -> None:
        async_client = upload_client
        fake = routed_cdf({})
        with pytest.raises(ValueError, match="not a directory"):
            await async_client.functions.create("f", folder=str(tmp_path / "missing"))
        with pytest.raises(ValueError, match=r"has no 'handler\.py'"):
            await async_client.functions.create("f", folder=str(tmp_path))
        (tmp_path / "handler.py").write_text("def other():\n    pass\n")
        with pytest.raises(ValueError, match="named 'handle'"):
            await async_client.functions.create("f", folder=str(tmp_path))
        (tmp_path / "handler.py").write_text("def handle(data, extra):\n    pass\n")
        with pytest.raises(ValueError, match="extra"):
            await async_client.functions.create("f", folder=str(tmp_path))
        (tmp_path / "handler.py").write_text("def handle(:\n")
        with pytest.raises(ValueError, match="not valid Python"):
            await async_client.functions.create("f", folder=str(tmp_path))
        assert fake.calls() == []
        routed_cdf({**_upload_routes(), "POST /functions": lambda body: {"items": [function(1)]}})
        await async_client.functions.create("f", folder=str(tmp_path), skip_folder_validation=True)
        (tmp_path / "handler.py").write_text("from impl import handle\n")
        await async_client.functions.create("f", folder=str(tmp_path))


class TestFunctionsAPI:
    async def test_retrieve_list_delete(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /functions/byids": lambda body: {"items": [function(i["id"]) for i in body["items"] if "id" in i]},
            "POST /functions/list": {"items": [function(1), function(2)]},
            "POST /functions/delete": {},
        })  # fmt: skip
        assert (await async_client.functions.retrieve(id=1)).id == 1  # type: ignore[union-attr]
        assert await async_client.functions.retrieve(external_id="x") is None
        got = await async_client.functions.retrieve_multiple(ids=list(range(1, 26)), ignore_unknown_ids=True)
        assert len(got) == 25 and sorted(len(b["items"]) for b in bodies(fake, "POST /functions/byids")[2:]) == [
            5,
            10,
            10,
        ]
        listed = await async_client.functions.list(
            name="n", owner="o", file_id=3, status="Ready", external_id_prefix="p", created_time={"min": 1},
            metadata={"a": "b"}, limit=None,
        )  # fmt: skip
        assert isinstance(listed, FunctionList) and len(listed) == 2
        assert bodies(fake, "POST /functions/list")[0] == {"limit": 10_000, "filter": {
            "name": "n", "owner": "o", "fileId": 3, "status": "Ready", "externalIdPrefix": "p",
            "createdTime": {"min": 1}, "metadata": {"a": "b"},
        }}  # fmt: skip
        await async_client.functions.list()
        assert bodies(fake, "POST /functions/list")[1] == {"limit": 25}
        chunks = [c async for c in async_client.functions(chunk_size=1)]
        assert [len(c) for c in chunks] == [1, 1]
        await async_client.functions.delete(id=[1, 2], external_id="x")
        assert bodies(fake, "POST /functions/delete") == [{"items": [{"id": 1}, {"id": 2}, {"externalId": "x"}]}]

    async def test_bad_list_arguments(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({})
        with pytest.raises(ValueError, match="status"):
            await async_client.functions.list(status="Running")
        with pytest.raises(TypeError, match="created_time"):
            await async_client.functions.list(created_time=5)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="created_time"):
            await async_client.functions.list(created_time={"since": 1})
        with pytest.raises(ValueError, match="limit"):
            await async_client.functions.list(limit=-5)
        with pytest.raises(ValueError, match="status"):
            async_client.functions(status="nope")
        assert fake.calls() == []

    async def test_call_waits_until_finished(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /sessions": SESSION,
            "POST /functions/byids": {"items": [function(1, externalId="x")]},
            "POST /functions/1/call": httpx.Response(201, json=call(3, "Running")),
            "GET /functions/1/calls/3": [call(3, "Running"), call(3, "Completed", endTime=9)],
            "GET /functions/1/calls/3/response": {"functionId": 1, "callId": 3, "response": {"r": 1}},
            "GET /functions/1/calls/3/logs": {"items": [{"message": "hi", "timestamp": 1}]},
        })  # fmt: skip
        done = await async_client.functions.call(external_id="x", data={"a": 1})
        assert done.status == "Completed" and done.end_time == 9
        assert bodies(fake, "POST /sessions") == [{"items": [{"oneshotTokenExchange": True}]}]
        assert bodies(fake, "POST /functions/1/call") == [{"nonce": "n-1", "data": {"a": 1}}]
        assert len(fake.calls("GET /functions/1/calls/3")) == 2
        assert await done.get_response_async() == {"r": 1}
        assert (await done.get_logs_async()).to_text() == "hi"

    async def test_call_without_waiting_and_with_a_nonce(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({"POST /functions/1/call": httpx.Response(201, json=call(3, "Running"))})
        running = await async_client.functions.call(id=1, wait=False, nonce="mine")
        assert running.status == "Running"
        assert bodies(fake, "POST /functions/1/call") == [{"nonce": "mine"}]
        assert len(fake.calls()) == 1

    async def test_call_arguments(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({"POST /functions/byids": {"items": []}})
        with pytest.raises(ValueError, match="exactly one"):
            await async_client.functions.call()
        with pytest.raises(ValueError, match="exactly one"):
            await async_client.functions.call(id=1, external_id="x")
        with pytest.raises(TypeError, match="data"):
            await async_client.functions.call(id=1, data=[1])  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="wait"):
            await async_client.functions.call(id=1, wait="yes")  # type: ignore[arg-type]
        assert fake.calls() == []
        with pytest.raises(CogniteNotFoundError) as err:
            await async_client.functions.call(external_id="gone")
        assert err.value.not_found == [{"externalId": "gone"}]

    async def test_wait_timeout(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        routed_cdf({"GET /functions/1/calls/3": lambda body: call(3, "Running")})
        running = FunctionCall.load(call(3, "Running"), cognite_client=async_client)
        with pytest.raises(TimeoutError):
            await running.wait_async(backoff=Backoff(multiplier=0.01, max_wait=0.01), timeout=0.05)

    async def test_limits_status_activate(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "GET /functions/limits": {"timeoutMinutes": 10, "cpuCores": {"min": 0.1, "max": 1, "default": 0.2},
                                      "memoryGb": {"min": 0.1, "max": 2, "default": 1}, "runtimes": ["py312"],
                                      "responseSizeMb": 1},
            "GET /functions/status": {"status": "inactive"},
            "POST /functions/status": httpx.Response(202, json={"status": "requested"}),
        })  # fmt: skip
        assert (await async_client.functions.limits()).timeout_minutes == 10
        assert (await async_client.functions.status()).status == "inactive"
        assert (await async_client.functions.activate()).status == "requested"
        (post,) = fake.calls("POST /functions/status")
        assert post.raw == b""

    async def test_function_helpers(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /functions/byids": [{"items": [function(1, status="Deploying")]}, {"items": [function(1)]}],
            "POST /functions/1/calls/list": {"items": [call(3)]},
            "GET /functions/1/calls/3": call(3),
            "POST /functions/schedules/list": {"items": [schedule(4)]},
        })  # fmt: skip
        fn = Function.load(function(1, status="Queued"), cognite_client=async_client)
        await fn.update_async()
        assert fn.status == "Deploying"
        await fn.update_async()
        assert fn.status == "Ready"
        calls = await fn.list_calls_async(status="Completed", schedule_id=4, start_time={"min": 1}, limit=5)
        assert calls.as_ids() == [3]
        assert bodies(fake, "POST /functions/1/calls/list") == [
            {"limit": 5, "filter": {"status": "Completed", "scheduleId": 4, "startTime": {"min": 1}}}
        ]
        assert (await fn.retrieve_call_async(3)).id == 3  # type: ignore[union-attr]
        assert (await fn.list_schedules_async()).as_ids() == [4]
        assert bodies(fake, "POST /functions/schedules/list") == [{"limit": 25, "filter": {"functionId": 1}}]


class TestCallsAPI:
    async def test_every_call_method(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /functions/byids": {"items": [function(1, externalId="x")]},
            "POST /functions/1/calls/list": [{"items": [call(i) for i in range(1, 3)], "nextCursor": "c"},
                                            {"items": [call(3)]}],
            "GET /functions/1/calls/3": call(3),
            "GET /functions/1/calls/4": httpx.Response(400, json={"error": {"code": 400, "message": "m",
                                                                            "missing": [{"id": 4}]}}),
            "GET /functions/1/calls/3/response": {"functionId": 1, "callId": 3},
            "GET /functions/1/calls/3/logs": {"items": []},
        })  # fmt: skip
        calls = await async_client.functions.calls.list(function_external_id="x", end_time={"max": 9}, limit=None)
        assert calls.as_ids() == [1, 2, 3]
        assert bodies(fake, "POST /functions/1/calls/list")[1] == {"limit": 10_000, "filter": {"endTime": {"max": 9}},
                                                                   "cursor": "c"}  # fmt: skip
        assert (await async_client.functions.calls.retrieve(3, function_id=1)).status == "Completed"  # type: ignore[union-attr]
        assert await async_client.functions.calls.retrieve(4, function_id=1) is None
        assert await async_client.functions.calls.get_response(3, function_id=1) is None
        assert len(await async_client.functions.calls.get_logs(3, function_external_id="x")) == 0

    async def test_bad_arguments(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({})
        with pytest.raises(ValueError, match="status"):
            await async_client.functions.calls.list(function_id=1, status="Done")
        with pytest.raises(TypeError, match="call_id"):
            await async_client.functions.calls.retrieve("3", function_id=1)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="exactly one"):
            await async_client.functions.calls.get_logs(3)
        assert fake.calls() == []


class TestSchedulesAPI:
    async def test_create_with_client_credentials(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /sessions": SESSION,
            "POST /functions/byids": {"items": [function(1, externalId="x")]},
            "POST /functions/schedules": lambda body: {"items": [schedule(5, **{k: v for k, v in body["items"][0].items()
                                                                                 if k not in ("data", "nonce")})]},
        })  # fmt: skip
        created = await async_client.functions.schedules.create(
            "s", "0 * * * *", function_external_id="x", client_credentials={"client_id": "a", "client_secret": "b"},
            description="d", data={"k": 1},
        )  # fmt: skip
        assert isinstance(created, FunctionSchedule) and created.function_id == 1
        assert bodies(fake, "POST /sessions") == [{"items": [{"clientId": "a", "clientSecret": "b"}]}]
        assert bodies(fake, "POST /functions/schedules") == [{"items": [{
            "name": "s", "cronExpression": "0 * * * *", "functionId": 1, "description": "d", "data": {"k": 1},
            "nonce": "n-1",
        }]}]  # fmt: skip
        await async_client.functions.schedules.create(
            FunctionScheduleWrite("t", "0 0 * * *", function_id=1), client_credentials=ClientCredentials("c", "d")
        )
        assert bodies(fake, "POST /sessions")[1] == {"items": [{"clientId": "c", "clientSecret": "d"}]}

    async def test_create_with_the_clients_own_credentials(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({"POST /sessions": SESSION, "POST /functions/schedules": {"items": [schedule(5)]}})
        await async_client.functions.schedules.create("s", "0 * * * *", function_id=1)
        assert bodies(fake, "POST /sessions") == [{"items": [{"tokenExchange": True}]}]

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "match"),
        [
            (("s", "0 * * *"), {"function_id": 1}, ValueError, "five fields"),
            (("s",), {"function_id": 1}, ValueError, "cron_expression"),
            (("s", "0 * * * *"), {}, ValueError, "exactly one"),
            (("s", "0 * * * *"), {"function_id": 1, "data": [1]}, TypeError, "data"),
            (("s", "0 * * * *"), {"function_id": 1, "client_credentials": {"client_id": "a"}}, ValueError, "client"),
            (("s", "0 * * * *"), {"function_id": 1, "client_credentials": ("a", "b")}, TypeError, "client"),
            ((FunctionScheduleWrite("s", "0 * * * *", 1),), {"description": "x"}, ValueError, "not both"),
        ],
    )
    async def test_bad_create_arguments(
        self, routed_cdf: Any, async_client: AsyncCogniteClient, args: Any, kwargs: Any, error: type, match: str
    ) -> None:
        fake = routed_cdf({})
        with pytest.raises(error, match=match):
            await async_client.functions.schedules.create(*args, **kwargs)
        assert fake.calls() == []

    async def test_list_retrieve_delete_input(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /functions/schedules/list": {"items": [schedule(1), schedule(2)]},
            "POST /functions/schedules/byids": lambda body: {"items": [schedule(i["id"]) for i in body["items"] if i["id"] < 9]},
            "POST /functions/schedules/delete": {},
            "GET /functions/schedules/1/input_data": [{"id": 1, "data": {"a": 1}}, {"id": 1}],
        })  # fmt: skip
        listed = await async_client.functions.schedules.list(
            name="s", function_id=1, created_time={"max": 5}, cron_expression="0 * * * *", limit=None
        )
        assert isinstance(listed, FunctionSchedulesList) and len(listed) == 2
        assert bodies(fake, "POST /functions/schedules/list")[0] == {"limit": 10_000, "filter": {
            "name": "s", "functionId": 1, "createdTime": {"max": 5}, "cronExpression": "0 * * * *",
        }}  # fmt: skip
        assert [len(c) async for c in async_client.functions.schedules(chunk_size=5)] == [2]
        assert (await async_client.functions.schedules.retrieve(1)).id == 1  # type: ignore[union-attr]
        assert await async_client.functions.schedules.retrieve(9) is None
        several = await async_client.functions.schedules.retrieve([1, 2, 9], ignore_unknown_ids=True)
        assert several.as_ids() == [1, 2]  # type: ignore[union-attr]
        await async_client.functions.schedules.delete([1, 2])
        assert bodies(fake, "POST /functions/schedules/delete") == [{"items": [{"id": 1}, {"id": 2}]}]
        assert await async_client.functions.schedules.get_input_data(1) == {"a": 1}
        assert await async_client.functions.schedules.get_input_data(1) is None
        with pytest.raises(ValueError, match="at most one"):
            await async_client.functions.schedules.list(function_id=1, function_external_id="x")
        with pytest.raises(TypeError, match="id"):
            await async_client.functions.schedules.get_input_data("1")  # type: ignore[arg-type]


def test_sync_client_has_the_same_surface(routed_cdf: Any, sync_client: CogniteClient) -> None:
    routed_cdf({
        "POST /functions/list": {"items": [function(1)]},
        "POST /functions/schedules/list": {"items": []},
        "GET /functions/1/calls/3": call(3),
        "GET /functions/1/calls/3/response": {"functionId": 1, "callId": 3, "response": [1, 2]},
    })  # fmt: skip
    fns = sync_client.functions.list()
    assert isinstance(fns, FunctionList) and [f.id for f in sync_client.functions()] == [1]
    assert list(sync_client.functions.schedules()) == []
    c = sync_client.functions.calls.retrieve(3, function_id=1)
    assert c is not None and c.get_response() == [1, 2]
    c.wait()
    c.update()
    assert c.status == "Completed"
