"""Contract tests: every request the Functions API sends validates against the CDF OpenAPI spec.

Each method is called with every parameter it has, so each field of each request body is checked; the canned answers
are checked against the spec's response schemas too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import ClientCredentials, FunctionScheduleWrite, FunctionWrite
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

UPLOAD_URL = "https://upload.example/f/1"


def _function(**fields: Any) -> dict[str, Any]:
    return {"id": 1, "name": "f", "fileId": 2, "status": "Ready", "createdTime": 0, "externalId": "x", **fields}


def _call(**fields: Any) -> dict[str, Any]:
    return {"id": 3, "functionId": 1, "status": "Completed", "startTime": 0, "endTime": 1, **fields}


def _schedule(**fields: Any) -> dict[str, Any]:
    return {"id": 4, "name": "s", "createdTime": 0, "cronExpression": "0 * * * *", "when": "hourly",
            "sessionId": "9", "functionId": 1, **fields}  # fmt: skip


class FunctionsCDF(SpecCheckedCDF):
    """Answers function requests with valid canned bodies (and takes uploads of code)."""

    uploads: list[bytes]

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        answers: dict[tuple[str, str], tuple[int, Any]] = {
            ("POST", "/files"): (
                201,
                {
                    "id": 2,
                    "name": "f.zip",
                    "uploaded": False,
                    "createdTime": 0,
                    "lastUpdatedTime": 0,
                    "uploadUrl": UPLOAD_URL,
                },
            ),
            ("POST", "/sessions"): (200, {"items": [{"id": 7, "status": "READY", "nonce": "n"}]}),
            ("POST", "/functions"): (201, {"items": [_function(status="Queued")]}),
            ("GET", "/functions"): (200, {"items": [_function()]}),
            ("POST", "/functions/list"): (200, {"items": [_function()]}),
            ("POST", "/functions/byids"): (200, {"items": [_function()]}),
            ("POST", "/functions/delete"): (200, {}),
            ("GET", "/functions/limits"): (
                200,
                {
                    "timeoutMinutes": 10,
                    "runtimes": ["py312"],
                    "responseSizeMb": 1,
                    "cpuCores": {"min": 0.1, "max": 1, "default": 0.25},
                    "memoryGb": {"min": 0.1, "max": 2, "default": 1},
                },
            ),
            ("GET", "/functions/status"): (200, {"status": "activated"}),
            ("POST", "/functions/status"): (202, {"status": "requested"}),
            ("POST", "/functions/{functionId}/call"): (201, _call(status="Running")),
            ("GET", "/functions/{functionId}/calls/{callId}"): (200, _call()),
            ("POST", "/functions/{functionId}/calls/list"): (200, {"items": [_call(scheduleId=4, scheduledTime=0)]}),
            ("GET", "/functions/{functionId}/calls/{callId}/response"): (
                200,
                {"functionId": 1, "callId": 3, "response": [1, "two"]},
            ),
            ("GET", "/functions/{functionId}/calls/{callId}/logs"): (
                200,
                {"items": [{"timestamp": 0, "message": "hi"}]},
            ),
            ("POST", "/functions/schedules"): (201, {"items": [_schedule(description="d")]}),
            ("POST", "/functions/schedules/list"): (200, {"items": [_schedule()]}),
            ("POST", "/functions/schedules/byids"): (200, {"items": [_schedule()]}),
            ("POST", "/functions/schedules/delete"): (200, {}),
            ("GET", "/functions/schedules/{scheduleId}/input_data"): (200, {"id": 4, "data": {"k": 1}}),
        }
        return answers[(method, template)]

    def answer_external(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT" and str(request.url) == UPLOAD_URL:
            self.uploads.append(request.content)
            return httpx.Response(200)
        return super().answer_external(request)


@pytest.fixture
def cdf(spec: OpenAPISpec) -> FunctionsCDF:
    fake = FunctionsCDF(spec)
    fake.uploads = []
    return fake


def handle(data, client, secrets, function_call_info):  # type: ignore[no-untyped-def]
    return data


async def test_every_functions_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: FunctionsCDF, tmp_path: Path
) -> None:
    fns = client.functions
    (tmp_path / "handler.py").write_text("def handle(data):\n    return data\n")
    await fns.create(
        "f", folder=str(tmp_path), external_id="x", description="d", owner="me", secrets={"key": "s"},
        env_vars={"A": "1"}, cpu=0.25, memory=1.0, runtime="py312", metadata={"k": "v"},
        index_url="https://pypi.org/simple", extra_index_urls=["https://extra.example/simple"], data_set_id=5,
    )  # fmt: skip
    await fns.create("g", function_handle=handle)
    await fns.create("h", file_id=2, function_path="src/handler.py")
    await fns.create(FunctionWrite("i", 2))
    assert len(cdf.uploads) == 2
    await fns.retrieve(id=1)
    await fns.retrieve(external_id="x")
    await fns.retrieve_multiple(ids=[1], external_ids=["x"], ignore_unknown_ids=True)
    await fns.list(name="f", owner="me", file_id=2, status="Ready", external_id_prefix="x",
                   created_time=TimestampRange(min=0, max=5), metadata={"k": "v"}, limit=None)  # fmt: skip
    async for _ in fns(chunk_size=1):
        pass
    await fns.call(id=1, data={"a": [1, 2]})
    await fns.call(external_id="x", wait=False, nonce="mine")
    await fns.limits()
    await fns.status()
    await fns.activate()
    await fns.delete(id=[1], external_id="x")
    assert cdf.errors == []


async def test_every_calls_request_matches_the_spec(client: AsyncCogniteClient, cdf: FunctionsCDF) -> None:
    calls = client.functions.calls
    await calls.list(function_id=1, status="Completed", schedule_id=4, start_time={"min": 0},
                     end_time=TimestampRange(max=9), limit=None)  # fmt: skip
    await calls.list(function_external_id="x")
    await calls.retrieve(3, function_id=1)
    assert await calls.get_response(3, function_id=1) == [1, "two"]
    await calls.get_logs(3, function_external_id="x")
    assert cdf.errors == []


async def test_every_schedules_request_matches_the_spec(client: AsyncCogniteClient, cdf: FunctionsCDF) -> None:
    schedules = client.functions.schedules
    await schedules.create("s", "0 * * * *", function_id=1, client_credentials=ClientCredentials("a", "b"),
                           description="d", data={"k": 1})  # fmt: skip
    await schedules.create("s", "0 * * * *", function_external_id="x")
    await schedules.create(FunctionScheduleWrite("s", "0 0 * * *", function_id=1, nonce="given"))
    await schedules.list(name="s", function_id=1, created_time={"min": 0}, cron_expression="0 * * * *", limit=None)
    await schedules.list(function_external_id="x")
    async for _ in schedules(chunk_size=1):
        pass
    await schedules.retrieve(4)
    await schedules.retrieve([4], ignore_unknown_ids=True)
    await schedules.get_input_data(4)
    await schedules.delete([4])
    assert cdf.errors == []


def test_the_validator_catches_bad_function_bodies(spec: OpenAPISpec) -> None:
    assert spec.request_errors("POST", "/functions", {"items": [{"name": "f"}]})  # no fileId
    assert spec.request_errors("POST", "/functions/1/call", {"data": {}})  # no nonce
    assert spec.request_errors("POST", "/functions/delete", {"items": [{"id": i} for i in range(1, 12)]})
    assert spec.request_errors("POST", "/functions/schedules/list", {"filter": {"functionId": "1"}})
    assert not spec.request_errors("POST", "/functions", {"items": [{"name": "f", "fileId": 1}]})
    # a function's answer still needs its read-only fields
    assert spec.response_errors("GET", "/functions/1", 200, {"name": "f", "fileId": 1})
