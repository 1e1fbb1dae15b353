"""End to end: every Functions method, SDK against the emulator over loopback HTTP; calls run the uploaded code.

The emulator (``conftest.py``) validates every request and response against the CDF spec, so a wrong body fails here too.
"""

from __future__ import annotations

import asyncio
import doctest
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import (
    AssetWrite,
    ClientCredentials,
    Function,
    FunctionCallList,
    FunctionList,
    FunctionSchedulesList,
    FunctionScheduleWrite,
)
from cognite.client.exceptions import CogniteAPIError, CogniteDuplicatedError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def ready(fn: Function) -> Function:
    for _ in range(5):
        if fn.status in ("Ready", "Failed"):
            return fn
        fn.update()
    raise AssertionError(f"function {fn.id} did not deploy: {fn.status}")


def handle(data, client, secrets, function_call_info):  # type: ignore[no-untyped-def]
    import os

    names = [a.name for a in client.assets.list(limit=None)]
    print("assets:", len(names))
    return {"names": sorted(names), "secret": secrets["api-key"], "env": os.environ.get("MODE"),
            "call": function_call_info["call_id"], "input": data}  # fmt: skip


def test_a_function_handle_runs_with_a_client_secrets_and_env(client: CogniteClient) -> None:
    client.assets.create([AssetWrite(name="pump"), AssetWrite(name="valve")])
    fn = client.functions.create("reporter", function_handle=handle, external_id="rep", secrets={"api-key": "s3"},
                                 env_vars={"MODE": "test"}, owner="me", metadata={"team": "a"})  # fmt: skip
    assert fn.status == "Queued" and fn.secrets == {"api-key": "***"}
    assert client.functions.retrieve(id=fn.id).status == "Deploying"  # type: ignore[arg-type, union-attr]
    assert client.functions.list(external_id_prefix="re")[0].status == "Ready"
    call = client.functions.call(external_id="rep", data={"k": [1, 2]})
    assert call.status == "Completed" and call.end_time is not None
    assert call.get_response() == {"names": ["pump", "valve"], "secret": "s3", "env": "test", "call": call.id,
                                   "input": {"k": [1, 2]}}  # fmt: skip
    assert call.get_logs().to_text() == "assets: 2"
    fn.update()
    assert fn.last_called == call.start_time
    assert [c.id for c in fn.list_calls()] == [call.id]
    assert fn.retrieve_call(call.id).status == "Completed"  # type: ignore[arg-type, union-attr]


def test_a_folder_with_modules_and_failures(client: CogniteClient, emulator: CDFEmulator, tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "helpers.py").write_text("def double(x):\n    return 2 * x\n")
    (tmp_path / "src" / "main.py").write_text(
        "import sys, time\nfrom src.helpers import double\n\n"
        "def handle(data):\n"
        "    mode = data.get('mode')\n"
        "    if mode == 'fail':\n        raise ValueError('bad input')\n"
        "    if mode == 'sleep':\n        time.sleep(30)\n"
        "    if mode == 'object':\n        return object()\n"
        "    if mode == 'loud':\n        print('x' * 2000)\n"
        "    if mode == 'exit':\n        sys.exit(3)\n"
        "    print('doubling', data['x'])\n"
        "    print('to stderr', file=sys.stderr)\n"
        "    return double(data['x'])\n"
    )  # fmt: skip
    (tmp_path / "src" / "data.json").write_text("{}")
    fn = ready(client.functions.create("doubler", folder=str(tmp_path), function_path="src/main.py"))
    assert fn.status == "Ready"
    store = emulator.store(client.config.project, "functions")
    store.call_timeout_s = 2  # type: ignore[attr-defined]
    store.max_log_bytes = 1000  # type: ignore[attr-defined]
    done = fn.call({"x": 21})
    assert done.get_response() == 42 and done.get_logs().to_text() == "doubling 21\nto stderr"
    failed = fn.call({"mode": "fail"})
    assert failed.status == "Failed" and failed.error is not None
    assert failed.error["message"] == "ValueError: bad input" and "Traceback" in failed.error["trace"]
    assert failed.get_response() is None
    timed_out = fn.call({"mode": "sleep"})
    assert timed_out.status == "Timeout" and "2 s" in timed_out.error["message"]  # type: ignore[index]
    not_json = fn.call({"mode": "object"})
    assert not_json.status == "Failed" and "JSON serializable" in not_json.error["message"]  # type: ignore[index]
    loud = fn.call({"mode": "loud", "x": 1})
    assert loud.get_logs()[-1].message == "[log cut at 1000 bytes]"
    exited = fn.call({"mode": "exit"})
    assert exited.status == "Failed" and exited.error["message"].startswith("SystemExit")  # type: ignore[index]
    assert [c.status for c in client.functions.calls.list(function_id=fn.id, status="Failed")] == ["Failed"] * 3
    assert len(client.functions.calls.list(function_id=fn.id, limit=None)) == 6
    running = fn.call({"x": 1}, wait=False)
    assert running.status == "Running"
    running.wait()
    assert running.status == "Completed"


def test_deployment_failures_and_errors(client: CogniteClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("handler.py", "def main():\n    pass\n")
    code = client.files.upload_bytes(buffer.getvalue(), name="bad.zip")
    fn = ready(client.functions.create("bad", file_id=code.id, external_id="bad"))  # type: ignore[arg-type]
    assert fn.status == "Failed" and "handle" in fn.error["trace"]  # type: ignore[index]
    with pytest.raises(CogniteAPIError, match="not ready"):
        fn.call()
    text = client.files.upload_bytes("not a zip", name="text.txt")
    broken = ready(client.functions.create("txt", file_id=text.id))  # type: ignore[arg-type]
    assert broken.status == "Failed" and "not a zip" in broken.error["trace"]  # type: ignore[index]
    with pytest.raises(CogniteDuplicatedError):
        client.functions.create("again", file_id=code.id, external_id="bad")  # type: ignore[arg-type]
    with pytest.raises(CogniteAPIError, match="File not found"):
        client.functions.create("nofile", file_id=123)
    with pytest.raises(CogniteNotFoundError):
        client.functions.call(external_id="missing")
    with pytest.raises(CogniteNotFoundError):
        client.functions.retrieve_multiple(ids=[1, fn.id])  # type: ignore[list-item]
    assert len(client.functions.retrieve_multiple(ids=[1, fn.id], ignore_unknown_ids=True)) == 1  # type: ignore[list-item]
    assert client.functions.calls.retrieve(5, function_id=fn.id) is None  # type: ignore[arg-type]


def test_schedules_list_filter_and_delete(client: CogniteClient, emulator: CDFEmulator) -> None:
    def handle(data, function_call_info):  # type: ignore[no-untyped-def]
        return {"data": data, "schedule": function_call_info["schedule_id"]}

    fn = ready(client.functions.create("sched", function_handle=handle, external_id="sched"))
    other = client.functions.create("other", function_handle=handle)
    s1 = client.functions.schedules.create("hourly", "0 * * * *", function_external_id="sched", data={"n": 1},
                                           client_credentials=ClientCredentials("app", "secret"))  # fmt: skip
    s2 = client.functions.schedules.create(FunctionScheduleWrite("daily", "30 2 * * 1-5", function_id=other.id))
    assert s1.function_id == fn.id and s1.session_id and s1.when
    with pytest.raises(CogniteAPIError, match="cron"):
        client.functions.schedules.create("bad", "61 * * * *", function_id=fn.id)
    assert client.functions.schedules.retrieve(s1.id).get_input_data() == {"n": 1}  # type: ignore[arg-type, union-attr]
    assert client.functions.schedules.get_input_data(s2.id) is None  # type: ignore[arg-type]
    listed = client.functions.schedules.list(limit=None)
    assert isinstance(listed, FunctionSchedulesList) and sorted(s.name for s in listed) == ["daily", "hourly"]  # type: ignore[type-var]
    assert [s.name for s in client.functions.schedules.list(function_id=fn.id)] == ["hourly"]
    assert [s.name for s in fn.list_schedules()] == ["hourly"]
    assert [s.name for s in client.functions.schedules.list(cron_expression="30 2 * * 1-5")] == ["daily"]
    assert len(client.functions.schedules.retrieve([s1.id, s2.id])) == 2  # type: ignore[list-item, arg-type]
    store = emulator.store(client.config.project, "functions")
    scheduled = asyncio.run(store.run_schedule(s1.id, scheduled_time=1000))  # type: ignore[attr-defined]
    assert scheduled["scheduleId"] == s1.id and scheduled["scheduledTime"] == 1000
    assert client.functions.calls.get_response(scheduled["id"], function_id=fn.id) == {
        "data": {"n": 1},
        "schedule": s1.id,
    }  # type: ignore[arg-type]
    assert [c.schedule_id for c in client.functions.calls.list(function_id=fn.id, schedule_id=s1.id)] == [s1.id]
    client.functions.schedules.delete(s1.id)  # type: ignore[arg-type]
    assert client.functions.schedules.retrieve(s1.id) is None  # type: ignore[arg-type]
    client.functions.delete(id=other.id)  # type: ignore[arg-type]
    assert client.functions.schedules.list() == FunctionSchedulesList([])


def test_project_status_limits_list_and_delete(client: CogniteClient) -> None:
    assert client.functions.status().status == "inactive"
    assert client.functions.activate().status == "requested"
    assert client.functions.status().status == "activated"
    limits = client.functions.limits()
    assert limits.timeout_minutes == 10 and "py312" in limits.runtimes  # type: ignore[operator]

    def handle():  # type: ignore[no-untyped-def]
        return 1

    created = [client.functions.create(f"f{i}", function_handle=handle, external_id=f"f{i}", owner="o" if i else None)
               for i in range(3)]  # fmt: skip
    assert isinstance(client.functions.list(), FunctionList)
    assert sorted(f.external_id for f in client.functions.list(owner="o")) == ["f1", "f2"]  # type: ignore[type-var]
    assert [len(c) for c in client.functions(chunk_size=2)] == [2, 1]
    assert len(client.functions.list(limit=2)) == 2
    client.functions.delete(id=created[0].id, external_id=["f1"])  # type: ignore[arg-type]
    assert [f.external_id for f in client.functions.list()] == ["f2"]


async def test_async_client_over_loopback(config: ClientConfig, emulator: CDFEmulator) -> None:
    def handle(data):  # type: ignore[no-untyped-def]
        return sum(data["xs"])

    async with AsyncCogniteClient(config) as client:
        fn = await client.functions.create("summer", function_handle=handle)
        while fn.status != "Ready":
            await fn.update_async()
        calls = await asyncio.gather(*(client.functions.call(id=fn.id, data={"xs": [i, i]}) for i in range(3)))
        assert sorted([await c.get_response_async() for c in calls]) == [0, 2, 4]
        assert isinstance(await client.functions.calls.list(function_id=fn.id), FunctionCallList)
        assert [f.name async for f in client.functions()] == ["summer"]  # type: ignore[union-attr]
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.functions as functions_api
    import cognite.client.data_classes.functions as functions_classes
    import cognite.client.testing._families_functions as functions_emulator

    for module in (functions_api, functions_classes, functions_emulator):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
