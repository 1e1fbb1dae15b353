"""The emulator's Cognite Functions endpoints, driven with raw httpx through the in-process transport: deployment,
calls that run the uploaded code, schedules. The emulator fixture validates every request and response against the
CDF OpenAPI spec."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from cognite.client.testing._errors import CDFError
from cognite.client.testing._families_functions import check_code, check_cron

PROJECT = "test-project"


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any] | None, status: int = 200) -> Any:
    response = await client.post(path, json=body) if body is not None else await client.post(path)
    assert response.status_code == status, response.text
    return response.json()


async def get(client: httpx.AsyncClient, path: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


def zipped(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return buffer.getvalue()


async def upload(client: httpx.AsyncClient, content: bytes) -> int:
    created = await post(client, "/files", {"name": "code.zip"}, 201)
    response = await client.put(created["uploadUrl"], content=content)
    assert response.status_code in (200, 201), response.text
    return created["id"]  # type: ignore[no-any-return]


HANDLER = """
import sys, time

def handle(data, secrets, function_call_info):
    if data.get("fail"):
        raise RuntimeError("broken")
    if data.get("sleep"):
        time.sleep(data["sleep"])
    if data.get("big"):
        return "x" * data["big"]
    print("info", function_call_info["call_id"] is not None)
    return {"echo": data, "secrets": secrets}
"""


async def make_function(
    client: httpx.AsyncClient, files: dict[str, str] | None = None, **fields: Any
) -> dict[str, Any]:
    file_id = await upload(client, zipped(files or {"handler.py": HANDLER}))
    body = {"items": [{"name": "f", "fileId": file_id, **fields}]}
    return (await post(client, "/functions", body, 201))["items"][0]  # type: ignore[no-any-return]


async def make_ready(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    fn = await make_function(client, **fields)
    for _ in range(2):
        fn = await get(client, f"/functions/{fn['id']}")
    assert fn["status"] == "Ready"
    return fn


async def test_deployment_moves_one_step_per_read(client: httpx.AsyncClient) -> None:
    fn = await make_function(client, externalId="a", secrets={"key": "v"}, envVars={"A": "1"})
    assert fn["status"] == "Queued" and fn["secrets"] == {"key": "***"} and fn["functionPath"] == "handler.py"
    assert fn["runtimeVersion"].startswith("Python 3.")
    byids = await post(client, "/functions/byids", {"items": [{"externalId": "a"}]})
    assert byids["items"][0]["status"] == "Deploying"
    listed = await post(client, "/functions/list", {"filter": {"externalIdPrefix": "a"}})
    assert listed["items"][0]["status"] == "Ready"
    assert (await get(client, "/functions"))["items"][0]["status"] == "Ready"
    assert (await post(client, "/functions/list", {"filter": {"status": "Queued"}}))["items"] == []


@pytest.mark.parametrize(
    ("files", "path", "problem"),
    [
        ({"handler.py": "def main():\n    pass\n"}, None, "defines no function 'handle'"),
        ({"handler.py": "def handle(data, ctx):\n    pass\n"}, None, "ctx"),
        ({"handler.py": "def handle(:\n"}, None, "not valid Python"),
        ({"other.py": "def handle():\n    pass\n"}, None, "has no 'handler.py'"),
        ({"src/h.py": "from impl import handle\n"}, "src/h.py", None),
    ],
)
async def test_deployment_checks_the_code(
    client: httpx.AsyncClient, files: dict[str, str], path: str | None, problem: str | None
) -> None:
    fn = await make_function(client, files, **({"functionPath": path} if path else {}))
    for _ in range(2):
        fn = await get(client, f"/functions/{fn['id']}")
    if problem is None:
        assert fn["status"] == "Ready"
    else:
        assert fn["status"] == "Failed" and problem in fn["error"]["trace"]


async def test_create_rules(client: httpx.AsyncClient) -> None:
    body = await post(client, "/functions", {"items": [{"name": "f", "fileId": 42}]}, 400)
    assert body["error"]["missing"] == [{"id": 42}]
    await make_function(client, externalId="x")
    file_id = await upload(client, zipped({"handler.py": HANDLER}))
    body = await post(client, "/functions", {"items": [{"name": "g", "fileId": file_id, "externalId": "x"}]}, 409)
    assert body["error"]["duplicated"] == [{"externalId": "x"}]
    await post(client, "/functions", {"items": [{"name": "g", "fileId": file_id, "cpu": 5}]}, 400)
    await post(client, "/functions", {"items": [{"name": "g", "fileId": file_id, "runtime": "py27"}]}, 400)
    two = {"items": [{"name": "g", "fileId": file_id}, {"name": "h", "fileId": file_id}]}
    await post(client, "/functions", two, 400)


async def test_a_call_runs_the_code(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    fn = await make_ready(client, secrets={"token-a": "s"})
    accepted = await post(client, f"/functions/{fn['id']}/call", {"data": {"x": 1}, "nonce": "n"}, 201)
    assert accepted["status"] == "Running" and "endTime" not in accepted
    call = await get(client, f"/functions/{fn['id']}/calls/{accepted['id']}")
    assert call["status"] == "Completed" and call["endTime"] >= call["startTime"]
    response = await get(client, f"/functions/{fn['id']}/calls/{call['id']}/response")
    assert response == {
        "functionId": fn["id"],
        "callId": call["id"],
        "response": {"echo": {"x": 1}, "secrets": {"token-a": "s"}},
    }
    logs = await get(client, f"/functions/{fn['id']}/calls/{call['id']}/logs")
    assert [e["message"] for e in logs["items"]] == ["info True"]
    assert (await get(client, f"/functions/{fn['id']}"))["lastCalled"] == call["startTime"]
    # the store keeps the call's outcome; the API answers only the spec's fields
    stored = emulator.store(PROJECT, "functions").calls[fn["id"]][call["id"]]  # type: ignore[attr-defined]
    assert stored["_response"] == response["response"]


async def test_in_process_there_is_no_client_to_pass(client: httpx.AsyncClient) -> None:
    code = {"main.py": "import os\n\ndef handle(client, data):\n    return [client is None, os.environ.get('X')]\n"}
    fn = await make_function(client, code, functionPath="main.py", envVars={"X": "y"})
    for _ in range(2):
        fn = await get(client, f"/functions/{fn['id']}")
    accepted = await post(client, f"/functions/{fn['id']}/call", {"nonce": "n"}, 201)
    response = await get(client, f"/functions/{fn['id']}/calls/{accepted['id']}/response")
    assert response["response"] == [True, "y"]


async def test_call_rules(client: httpx.AsyncClient) -> None:
    fn = await make_function(client)
    body = await post(client, f"/functions/{fn['id']}/call", {"nonce": "n"}, 400)
    assert "not ready" in body["error"]["message"]
    await post(client, f"/functions/{fn['id']}/call", {"data": {}}, 400)  # no nonce
    await post(client, "/functions/123/call", {"nonce": "n"}, 400)
    await get(client, f"/functions/{fn['id']}/calls/77", 400)


async def test_failures_timeouts_and_bounds(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    store = emulator.store(PROJECT, "functions")
    store.call_timeout_s = 1  # type: ignore[attr-defined]
    fn = await make_ready(client)
    calls = {}
    for name, data in {"fail": {"fail": True}, "sleep": {"sleep": 5}, "big": {"big": 2 * 1024 * 1024}}.items():
        accepted = await post(client, f"/functions/{fn['id']}/call", {"data": data, "nonce": "n"}, 201)
        calls[name] = await get(client, f"/functions/{fn['id']}/calls/{accepted['id']}")
    assert calls["fail"]["status"] == "Failed" and calls["fail"]["error"]["message"] == "RuntimeError: broken"
    assert "Traceback" in calls["fail"]["error"]["trace"]
    assert calls["sleep"]["status"] == "Timeout"
    assert calls["big"]["status"] == "Failed" and "larger than 1 MB" in calls["big"]["error"]["message"]
    response = await get(client, f"/functions/{fn['id']}/calls/{calls['fail']['id']}/response")
    assert "response" not in response


async def test_calls_list_filter_page_and_byids(client: httpx.AsyncClient) -> None:
    fn = await make_ready(client)
    ids = [(await post(client, f"/functions/{fn['id']}/call", {"data": d, "nonce": "n"}, 201))["id"]
           for d in ({}, {"fail": True}, {})]  # fmt: skip
    first = await post(client, f"/functions/{fn['id']}/calls/list", {"limit": 2})
    second = await post(client, f"/functions/{fn['id']}/calls/list", {"limit": 2, "cursor": first["nextCursor"]})
    assert sorted(c["id"] for c in first["items"] + second["items"]) == sorted(ids) and "nextCursor" not in second
    failed = await post(client, f"/functions/{fn['id']}/calls/list", {"filter": {"status": "Failed"}})
    assert [c["id"] for c in failed["items"]] == [ids[1]]
    ranged = await post(
        client, f"/functions/{fn['id']}/calls/list", {"filter": {"startTime": {"min": 0}, "endTime": {"max": 1}}}
    )
    assert ranged["items"] == []
    assert len((await get(client, f"/functions/{fn['id']}/calls"))["items"]) == 3
    byids = await post(
        client, f"/functions/{fn['id']}/calls/byids", {"items": [{"id": ids[0]}, {"id": 5}], "ignoreUnknownIds": True}
    )
    assert [c["id"] for c in byids["items"]] == [ids[0]]
    body = await post(client, f"/functions/{fn['id']}/calls/byids", {"items": [{"id": 5}]}, 400)
    assert body["error"]["missing"] == [{"id": 5}]


async def test_schedules(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    fn = await make_ready(client, externalId="fx")
    item = {"name": "s", "cronExpression": "*/15 8-17 * * 1-5", "functionId": fn["id"], "data": {"k": 1}, "nonce": "n"}
    created = (await post(client, "/functions/schedules", {"items": [item]}, 201))["items"][0]
    assert "data" not in created and created["sessionId"] and created["when"]
    by_xid = {**item, "functionExternalId": "fx", "name": "t", "description": "d"}
    del by_xid["functionId"], by_xid["data"]
    second = (await post(client, "/functions/schedules", {"items": [by_xid]}, 201))["items"][0]
    assert second["functionId"] == fn["id"] and second["functionExternalId"] == "fx"
    for bad, message in [
        ({**item, "cronExpression": "* * *"}, "5 fields"),
        ({**item, "cronExpression": "0 25 * * *"}, "hour"),
        ({**item, "cronExpression": "0 * * * */0"}, "step"),
        ({**item, "functionId": 99}, "not found"),
        ({k: v for k, v in item.items() if k != "nonce"}, "nonce"),
    ]:
        body = await post(client, "/functions/schedules", {"items": [bad]}, 400)
        assert message in body["error"]["message"], body
    assert len((await post(client, "/functions/schedules/list", {"filter": {"functionId": fn["id"]}}))["items"]) == 2
    spelled = await post(client, "/functions/schedules/list", {"filter": {"FunctionExternalId": "fx"}})
    assert [s["name"] for s in spelled["items"]] == ["t"]
    assert [s["name"] for s in (await get(client, "/functions/schedules", limit=1))["items"]] == ["s"]
    assert (await get(client, f"/functions/schedules/{created['id']}"))["name"] == "s"
    assert await get(client, f"/functions/schedules/{created['id']}/input_data") == {
        "id": created["id"],
        "data": {"k": 1},
    }
    assert await get(client, f"/functions/schedules/{second['id']}/input_data") == {"id": second["id"]}
    byids = await post(
        client, "/functions/schedules/byids", {"items": [{"id": created["id"]}, {"id": 1}], "ignoreUnknownIds": True}
    )
    assert len(byids["items"]) == 1
    await post(client, "/functions/schedules/byids", {"items": [{"id": 1}]}, 400)
    store = emulator.store(PROJECT, "functions")
    run = await store.run_schedule(created["id"], scheduled_time=5)  # type: ignore[attr-defined]
    assert run["status"] == "Completed" and run["scheduleId"] == created["id"] and run["scheduledTime"] == 5
    listed = await post(client, f"/functions/{fn['id']}/calls/list", {"filter": {"scheduleId": created["id"]}})
    assert [c["id"] for c in listed["items"]] == [run["id"]]
    await post(client, "/functions/schedules/delete", {"items": [{"id": created["id"]}]})
    await get(client, f"/functions/schedules/{created['id']}", 400)
    await post(client, "/functions/delete", {"items": [{"externalId": "fx"}]})
    assert (await post(client, "/functions/schedules/list", {}))["items"] == []
    await get(client, f"/functions/{fn['id']}/calls/{run['id']}", 400)


async def test_delete_limits_and_status(client: httpx.AsyncClient) -> None:
    fn = await make_function(client)
    body = await post(client, "/functions/delete", {"items": [{"id": fn["id"]}, {"id": 1}]}, 400)
    assert body["error"]["missing"] == [{"id": 1}]
    await post(client, "/functions/delete", {"items": [{"id": fn["id"]}, {"id": 1}], "ignoreUnknownIds": True})
    assert (await get(client, "/functions"))["items"] == []
    limits = await get(client, "/functions/limits")
    assert limits["timeoutMinutes"] == 10 and limits["responseSizeMb"] == 1
    assert await get(client, "/functions/status") == {"status": "inactive"}
    assert await post(client, "/functions/status", None, 202) == {"status": "requested"}
    assert await post(client, "/functions/status", None, 202) == {"status": "requested"}
    assert await get(client, "/functions/status") == {"status": "activated"}
    assert await post(client, "/functions/status", None, 202) == {"status": "activated"}


def test_cron_and_code_checks() -> None:
    assert check_cron("0 0 1,15 * 0") == "Cron 0 0 1,15 * 0 (UTC)"
    for bad in ("", "* * * * * *", "60 * * * *", "* * 0 * *", "a * * * *", "1-2-3 * * * *"):
        with pytest.raises(CDFError):
            check_cron(bad)
    assert check_code(zipped({"h.py": "def handle(data, client):\n    return 1\n"}), "h.py") is None
    assert check_code(b"nope", "h.py") == "The code file is not a zip file"
    assert check_code(zipped({"h.py": "handle = print\n"}), "h.py") is None
