"""Emulator table entry for Cognite Functions (``/functions``): functions, calls that really run, schedules.

Behaviour, as CDF's where the emulator can:

* A function refers to an uploaded zip file (``fileId``, in the emulator's files). It is created "Queued" and
  deploys deterministically: each later read of it (retrieve, byids, list) moves it one step, Queued -> Deploying ->
  Ready. The step to Ready checks the code: the zip holds ``functionPath`` and that file defines ``handle`` with
  known arguments (parsed, not run); else the function is "Failed" with an ``error``. Requirements are not
  installed: the code runs with the packages of the emulator's interpreter (``runtimeVersion`` says which).
* A call of a Ready function runs the code for real: the zip is unpacked into a temporary folder and
  ``handle(data[, client][, secrets][, function_call_info])`` runs in a child process of the emulator's interpreter
  (:mod:`cognite.client.testing._function_runner`), with the function's ``envVars``, a timeout
  (:attr:`FunctionsStore.call_timeout_s`) and bounded output. Its return value (JSON, at most ``responseSizeMb``) is
  the response, what it prints (stdout and stderr, at most :attr:`FunctionsStore.max_log_bytes`) the log; an
  exception makes the call "Failed" with the error, the timeout "Timeout". The emulator runs the call before it
  answers, but answers with the call as accepted ("Running", as CDF does); the next read shows the outcome.
* ``client`` is a ``CogniteClient`` for this emulator when it is served over loopback HTTP (``emulator.serve()``,
  ``emulated_client(over_http=True)``), authenticated with a placeholder token (so its requests pass unless the
  emulator runs with ``auth="strict"``); in-process (no sockets) there is no server to reach, and ``client`` is None.
* Nonces are taken as given (non-empty strings); a schedule's ``sessionId`` is made up. Schedules do not fire by
  themselves: :meth:`FunctionsStore.run_schedule` makes a scheduled call (tests decide when time passes).
* ``POST /functions/status`` moves the project from "inactive" to "requested"; the next ``GET`` sees "activated".
  Functions work in any state.
"""

from __future__ import annotations

import ast
import asyncio
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cognite.client.testing._errors import CDFError
from cognite.client.testing._families import eq, metadata, prefix, time_range
from cognite.client.testing._filters import Item, LegacyFilter, Predicate
from cognite.client.testing._store import Family, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["FUNCTIONS", "FUNCTIONS_FAMILIES", "FunctionsStore"]

Query = Mapping[str, str]
HANDLE_ARGS = frozenset({"data", "client", "secrets", "function_call_info"})
RUNTIMES = ("py310", "py311", "py312", "py313")
LIMITS: dict[str, Any] = {
    "timeoutMinutes": 10,
    "cpuCores": {"min": 0.1, "max": 0.6, "default": 0.25},
    "memoryGb": {"min": 0.1, "max": 2.5, "default": 1.0},
    "runtimes": list(RUNTIMES),
    "responseSizeMb": 1,
}
_WRITE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "name": str, "externalId": str, "fileId": int, "owner": str, "description": str, "metadata": dict,
    "secrets": dict, "functionPath": str, "envVars": dict, "cpu": (int, float), "memory": (int, float),
    "runtime": str, "indexUrl": str, "extraIndexUrls": list,
}  # fmt: skip
_SCHEDULE_FIELDS = frozenset(
    {"name", "description", "cronExpression", "functionId", "functionExternalId", "data", "nonce"}
)
_CALL_STATUSES = ("Running", "Completed", "Failed", "Timeout")
_LIST = (100, 10_000)  # default and maximum ``limit``
_CRON_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
_CRON_NAMES = ("minute", "hour", "day of month", "month", "day of week")
_MAX_CODE_BYTES = 200 * 1024 * 1024


# ---------------------------------------------------------------------------------------------- helpers


def _limit(value: Any) -> int:
    if value is None:
        return _LIST[0]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _LIST[1]:
        raise CDFError(400, f"limit must be an integer between 1 and {_LIST[1]}, got {value!r}")
    return value


def _int_param(raw: str, name: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise CDFError(400, f"Invalid {name} {raw!r}") from None
    if value < 1:
        raise CDFError(400, f"Invalid {name} {raw!r}")
    return value


def _only(query: Query, *allowed: str) -> None:
    unknown = sorted(set(query) - set(allowed))
    if unknown:
        raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")


def _compile(flt: Any, factories: Mapping[str, LegacyFilter], store: ResourceStore) -> Predicate:
    if flt is None:
        return lambda item: True
    if not isinstance(flt, dict):
        raise CDFError(400, "filter must be an object")
    preds: list[Predicate] = []
    for key, value in flt.items():
        factory = factories.get(key)
        if factory is None:
            raise CDFError(400, f"Unrecognized filter key '{key}'")
        if value is not None:
            preds.append(factory(value, store))
    return lambda item: all(p(item) for p in preds)


def check_cron(expression: Any) -> str:
    """Check a five-field cron expression (numbers, ``*``, ranges, lists and steps; names of months and weekdays
    are not taken); return a short description of when it fires."""
    if not isinstance(expression, str) or not expression.strip():
        raise CDFError(400, "cronExpression must be a non-empty string")
    fields = expression.split()
    if len(fields) != 5:
        raise CDFError(400, f"Invalid cron expression {expression!r}: it needs 5 fields, got {len(fields)}")
    for text, (lo, hi), name in zip(fields, _CRON_RANGES, _CRON_NAMES, strict=True):
        for part in text.split(","):
            base, _, step = part.partition("/")
            if step and (not step.isdigit() or int(step) < 1):
                raise CDFError(400, f"Invalid cron expression {expression!r}: bad step in the {name} field")
            if base == "*":
                continue
            bounds = base.split("-")
            if len(bounds) > 2 or not all(b.isdigit() and lo <= int(b) <= hi for b in bounds):
                raise CDFError(400, f"Invalid cron expression {expression!r}: the {name} field must be in {lo}-{hi}")
    return f"Cron {expression} (UTC)"


def check_code(zipped: bytes, function_path: str) -> str | None:
    """Why the code cannot run (None when it can): the zip must hold ``function_path`` defining ``handle``."""
    try:
        with zipfile.ZipFile(io.BytesIO(zipped)) as zf:
            if sum(i.file_size for i in zf.infolist()) > _MAX_CODE_BYTES:
                return "The code is too large when unpacked"
            try:
                source = zf.read(function_path).decode("utf-8")
            except KeyError:
                return f"The code has no {function_path!r}"
    except zipfile.BadZipFile:
        return "The code file is not a zip file"
    try:
        tree = ast.parse(source, filename=function_path)
    except SyntaxError as err:
        return f"{function_path} is not valid Python: {err}"
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == "handle":
            names = [a.arg for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]]
            unknown = [n for n in names if n not in HANDLE_ARGS]
            if unknown:
                return f"handle takes only {sorted(HANDLE_ARGS)} as arguments, not {unknown}"
            return None
        if isinstance(node, ast.Assign | ast.ImportFrom):
            bound = [getattr(t, "id", None) for t in getattr(node, "targets", [])]
            bound += [a.asname or a.name for a in getattr(node, "names", [])]
            if "handle" in bound:
                return None
    return f"{function_path} defines no function 'handle'"


def _loopback_base_url() -> str | None:
    """The base URL of the emulator serving the current request, when it is served over loopback HTTP."""
    from cognite.client.testing._app import request_base_url

    url = request_base_url()
    host = urlsplit(url).hostname or ""
    return url if host in ("127.0.0.1", "localhost", "::1") and urlsplit(url).port else None


def _read_bounded(path: Path, limit: int) -> tuple[bytes, bool]:
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    return data[:limit], len(data) > limit


# ---------------------------------------------------------------------------------------------- the store


class FunctionsStore(ResourceStore):
    """The functions of one project, with their calls and schedules (calls run the uploaded code)."""

    #: The longest a call runs before it is stopped with status "Timeout" (CDF: ``timeoutMinutes``).
    call_timeout_s: float = 60.0
    #: The most bytes of log kept per call (more is cut, with a note).
    max_log_bytes: int = 1024 * 1024

    # ----------------------------------------------------------------- state
    @property
    def calls(self) -> dict[int, dict[int, Item]]:
        """Function id -> call id -> call (with internal ``_response``/``_logs``)."""
        found: dict[int, dict[int, Item]] = self.state.setdefault("calls", {})
        return found

    @property
    def schedules(self) -> dict[int, Item]:
        """Schedule id -> schedule (with its internal ``data``)."""
        found: dict[int, Item] = self.state.setdefault("schedules", {})
        return found

    def _new_key(self, taken: Mapping[int, Any]) -> int:
        while True:
            candidate = self.project.rng.randint(1, 2**53 - 1)
            if candidate not in taken:
                return candidate

    def _function(self, raw_id: str) -> Item:
        fid = _int_param(raw_id, "functionId")
        item = self.items.get(fid)
        if item is None:
            raise CDFError(400, "Function not found", missing=[{"id": fid}])
        return item

    def _answer(self, item: Item) -> Item:
        out = {k: v for k, v in item.items() if not k.startswith("_")}
        if "secrets" in out:
            out["secrets"] = {k: "***" for k in out["secrets"]}
        return out

    def _deploy_step(self, items: list[Item]) -> list[Item]:
        """Move each function read one deployment step (Queued -> Deploying -> Ready/Failed); answer the result."""
        out = []
        for item in items:
            status = item["status"]
            if status in ("Queued", "Deploying"):
                item = dict(item)
                if status == "Queued":
                    item["status"] = "Deploying"
                else:
                    problem = check_code(self._code(item), item["functionPath"])
                    if problem is None:
                        item["status"] = "Ready"
                    else:
                        item["status"] = "Failed"
                        item["error"] = {"message": "Function deployment failed.", "trace": problem}
                self.items[item["id"]] = item
            out.append(self._answer(item))
        return out

    def _code(self, function: Item) -> bytes:
        files = self.project.stores.get("files")
        if files is None or function["fileId"] not in files.items:
            return b""
        content: bytes = files.content_bytes({"id": function["fileId"]})  # type: ignore[attr-defined]
        return content

    # ----------------------------------------------------------------- functions
    def create_function(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions``: one function, "Queued"; its code file must exist."""
        _only(query)
        entries = self._items_of(body, "create")
        if len(entries) != 1 or not isinstance(entries[0], dict):
            raise CDFError(400, "Create exactly one function per request")
        entry = entries[0]
        for key, value in entry.items():
            if key not in _WRITE_FIELDS:
                raise CDFError(400, f"Unrecognized field '{key}' for a function")
            expected = _WRITE_FIELDS[key]
            if isinstance(value, bool) or not isinstance(value, expected):
                raise CDFError(400, f"Invalid value for '{key}': {value!r}")
        for key in ("name", "fileId"):
            if entry.get(key) is None:
                raise CDFError(400, f"Missing required field '{key}'")
        files = self.project.stores.get("files")
        if files is None or entry["fileId"] not in files.items:
            raise CDFError(400, "File not found", missing=[{"id": entry["fileId"]}])
        xid = entry.get("externalId")
        if xid is not None and xid in self.by_xid:
            raise CDFError(409, "Function with this externalId already exists", duplicated=[{"externalId": xid}])
        for key, bounds_name in (("cpu", "cpuCores"), ("memory", "memoryGb")):
            bounds, value = LIMITS[bounds_name], entry.get(key)
            if value is not None and not bounds["min"] <= value <= bounds["max"]:
                raise CDFError(400, f"'{key}' must be between {bounds['min']} and {bounds['max']}")
        if entry.get("runtime") is not None and entry["runtime"] not in RUNTIMES:
            raise CDFError(400, f"runtime must be one of {list(RUNTIMES)}")
        version = f"Python {sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}"
        item: Item = {
            "id": self.new_id(), "createdTime": self.project.clock(), "status": "Queued",
            "functionPath": "handler.py", "runtime": "py313", "cpu": LIMITS["cpuCores"]["default"],
            "memory": LIMITS["memoryGb"]["default"], **entry, "runtimeVersion": version,
        }  # fmt: skip
        self.items[item["id"]] = item
        self.order.append(item["id"])
        if xid is not None:
            self.by_xid[xid] = item["id"]
        return 201, {"items": [self._answer(item)]}

    def _listed(self, flt: Any, limit: int) -> list[Item]:
        pred = _compile(flt, _FUNCTION_FILTERS, self)
        found = [self.items[i] for i in self.order if i in self.items and pred(self.items[i])]
        return self._deploy_step(found[:limit])

    def list_functions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/list``: filtered, up to ``limit`` (functions come in one page)."""
        _only(query)
        return 200, {"items": self._listed(body.get("filter"), _limit(body.get("limit")))}

    def list_functions_get(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions?limit=``."""
        _only(query, "limit")
        limit = _limit(_int_param(query["limit"], "limit")) if "limit" in query else _LIST[0]
        return 200, {"items": self._listed(None, limit)}

    def retrieve_function(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/{functionId}``."""
        _only(query)
        return 200, self._deploy_step([self._function(params["functionId"])])[0]

    def byids_functions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/byids``."""
        _only(query)
        found = self.resolve(self._items_of(body, "byids"), ignore_unknown=bool(body.get("ignoreUnknownIds")))
        return 200, {"items": self._deploy_step(found)}

    def delete_functions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/delete``: with their calls and schedules."""
        _only(query)
        found = self.resolve(self._items_of(body, "delete"), ignore_unknown=bool(body.get("ignoreUnknownIds")))
        for item in found:
            self.items.pop(item["id"], None)
            if item.get("externalId") is not None:
                self.by_xid.pop(item["externalId"], None)
            self.calls.pop(item["id"], None)
            for sid in [s for s, sch in self.schedules.items() if sch["functionId"] == item["id"]]:
                del self.schedules[sid]
        self.order[:] = [i for i in self.order if i in self.items]
        return 200, {}

    def limits_route(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/limits``."""
        _only(query)
        return 200, dict(LIMITS)

    def get_status(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/status``: a requested activation is "activated" when next read."""
        _only(query)
        status = self.state.get("activation", "inactive")
        if status == "requested":
            self.state["activation"] = "activated"
        return 200, {"status": status if status != "requested" else "activated"}

    def request_activation(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/status``: ask for activation."""
        _only(query)
        if self.state.get("activation", "inactive") == "inactive":
            self.state["activation"] = "requested"
        return 202, {"status": self.state["activation"]}

    # ----------------------------------------------------------------- calls
    async def call_function(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/{functionId}/call``: run the code; answer the call as accepted ("Running")."""
        _only(query)
        function = self._function(params["functionId"])
        nonce = body.get("nonce")
        if not isinstance(nonce, str) or not nonce:
            raise CDFError(400, "A nonce (of a session) is required to call a function")
        data = body.get("data")
        if data is not None and not isinstance(data, dict):
            raise CDFError(400, "data must be a JSON object")
        if function["status"] != "Ready":
            raise CDFError(400, f"Function {function['id']} is not ready (status {function['status']})")
        accepted = await self.execute(function, data)
        return 201, accepted

    async def execute(
        self,
        function: Item,
        data: dict[str, Any] | None,
        schedule: Item | None = None,
        scheduled_time: int | None = None,
    ) -> Item:
        """Run one call of a function and store its outcome.

        Args:
            function: The function (stored item).
            data: The input data.
            schedule: The schedule making the call, if any.
            scheduled_time: When the schedule planned the call (ms).

        Returns:
            The call as accepted (status "Running").
        """
        calls = self.calls.setdefault(function["id"], {})
        call_id = self._new_key(calls)
        start = self.project.clock()
        call: Item = {"id": call_id, "functionId": function["id"], "status": "Running", "startTime": start}
        if schedule is not None:
            call["scheduleId"] = schedule["id"]
            call["scheduledTime"] = scheduled_time if scheduled_time is not None else start
        accepted = dict(call)
        calls[call_id] = call
        self.items[function["id"]] = {**self.items[function["id"]], "lastCalled": start}
        info = {
            "function_id": function["id"], "call_id": call_id,
            "schedule_id": call.get("scheduleId"), "scheduled_time": call.get("scheduledTime"),
        }  # fmt: skip
        outcome = await asyncio.to_thread(self._run, function, data, info)
        call.update(outcome)
        call["endTime"] = max(self.project.clock(), start)
        return accepted

    def _run(self, function: Item, data: dict[str, Any] | None, info: dict[str, Any]) -> dict[str, Any]:
        """Run ``handle`` in a child process (blocking; called in a worker thread). Returns the call's outcome."""
        code = self._code(function)
        base_url = _loopback_base_url()
        client = (
            {"base_url": base_url, "project": self.project.name, "token": "emulated-function"} if base_url else None
        )
        with tempfile.TemporaryDirectory(prefix="cdf-emulator-function-") as tmp:
            root = Path(tmp)
            code_dir = root / "code"
            code_dir.mkdir()
            try:
                with zipfile.ZipFile(io.BytesIO(code)) as zf:
                    zf.extractall(code_dir)
            except zipfile.BadZipFile:
                return {"status": "Failed", "error": {"message": "The code file is not a zip file"}}
            request = {
                "code_dir": str(code_dir), "function_path": function["functionPath"], "data": data,
                "secrets": function.get("secrets") or {}, "function_call_info": info, "client": client,
                "result_path": str(root / "result.json"),
            }  # fmt: skip
            (root / "request.json").write_text(json.dumps(request), encoding="utf-8")
            log_path = root / "log.txt"
            env = {
                "PATH": os.environ.get("PATH", ""), "HOME": tmp, "PYTHONDONTWRITEBYTECODE": "1",
                "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(Path(__file__).resolve().parents[3]),
                **(function.get("envVars") or {}),
            }  # fmt: skip
            runner = str(Path(__file__).resolve().with_name("_function_runner.py"))
            timed_out = False
            with log_path.open("wb") as log:
                try:
                    subprocess.run(
                        [sys.executable, runner, str(root / "request.json")],
                        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=code_dir, env=env,
                        timeout=self.call_timeout_s, check=False,
                    )  # fmt: skip
                except subprocess.TimeoutExpired:
                    timed_out = True
            raw_log, cut = _read_bounded(log_path, self.max_log_bytes)
            lines = raw_log.decode("utf-8", "replace").splitlines()
            if cut:
                lines.append(f"[log cut at {self.max_log_bytes} bytes]")
            now = self.project.clock()
            outcome: dict[str, Any] = {"_logs": [{"timestamp": now, "message": line} for line in lines]}
            if timed_out:
                message = f"The call did not finish within {self.call_timeout_s:g} s"
                return {**outcome, "status": "Timeout", "error": {"message": message}}
            result_path = root / "result.json"
            if not result_path.is_file():
                return {**outcome, "status": "Failed", "error": {"message": "The function process ended abnormally"}}
            limit = LIMITS["responseSizeMb"] * 1024 * 1024
            raw, too_big = _read_bounded(result_path, 2 * limit + 1024)
            result = json.loads(raw) if not too_big else {"ok": True, "response": " " * (limit + 1)}
            if not result.get("ok"):
                error = {"message": result.get("message") or "Failed", "trace": result.get("trace") or ""}
                return {**outcome, "status": "Failed", "error": error}
            if len(result["response"].encode("utf-8")) > limit:
                message = f"The response is larger than {LIMITS['responseSizeMb']} MB"
                return {**outcome, "status": "Failed", "error": {"message": message}}
            return {**outcome, "status": "Completed", "_response": json.loads(result["response"])}

    def _call(self, params: Mapping[str, str]) -> tuple[Item, Item]:
        function = self._function(params["functionId"])
        call_id = _int_param(params["callId"], "callId")
        call = self.calls.get(function["id"], {}).get(call_id)
        if call is None:
            raise CDFError(400, "Function call not found", missing=[{"id": call_id}])
        return function, call

    @staticmethod
    def _public_call(call: Item) -> Item:
        return {k: v for k, v in call.items() if not k.startswith("_")}

    def retrieve_call(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/{functionId}/calls/{callId}``."""
        _only(query)
        return 200, self._public_call(self._call(params)[1])

    def _calls_page(self, function: Item, flt: Any, limit: int, cursor: Any) -> dict[str, Any]:
        pred = _compile(flt, _CALL_FILTERS, self)
        found = sorted(
            (self._public_call(c) for c in self.calls.get(function["id"], {}).values() if pred(c)),
            key=lambda c: (-c["startTime"], -c["id"]),
        )
        start = 0 if cursor is None else _decode_cursor(cursor, "fc")
        out: dict[str, Any] = {"items": found[start : start + limit]}
        if start + limit < len(found):
            out["nextCursor"] = _encode_cursor("fc", start + limit)
        return out

    def list_calls(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/{functionId}/calls/list``: newest first, with a cursor."""
        _only(query)
        function = self._function(params["functionId"])
        flt = body.get("filter")
        if isinstance(flt, dict) and flt.get("status") not in (None, *_CALL_STATUSES):
            raise CDFError(400, f"status must be one of {list(_CALL_STATUSES)}")
        return 200, self._calls_page(function, flt, _limit(body.get("limit")), body.get("cursor"))

    def list_calls_get(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/{functionId}/calls``."""
        _only(query)
        return 200, self._calls_page(self._function(params["functionId"]), None, _LIST[0], None)

    def byids_calls(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/{functionId}/calls/byids``."""
        _only(query)
        function = self._function(params["functionId"])
        calls = self.calls.get(function["id"], {})
        refs = body.get("items")
        if not isinstance(refs, list) or not refs:
            raise CDFError(400, "items must be a non-empty array")
        ids = [r.get("id") if isinstance(r, dict) else None for r in refs]
        missing = [{"id": i} for i in ids if i not in calls]
        if missing and not body.get("ignoreUnknownIds"):
            raise CDFError(400, "Function calls not found", missing=missing)
        return 200, {"items": [self._public_call(calls[i]) for i in dict.fromkeys(ids) if i in calls]}

    def call_response(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/{functionId}/calls/{callId}/response``."""
        _only(query)
        function, call = self._call(params)
        out: dict[str, Any] = {"functionId": function["id"], "callId": call["id"]}
        if call.get("_response") is not None:
            out["response"] = call["_response"]
        return 200, out

    def call_logs(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/{functionId}/calls/{callId}/logs``."""
        _only(query)
        return 200, {"items": list(self._call(params)[1].get("_logs", []))}

    # ----------------------------------------------------------------- schedules
    def _public_schedule(self, schedule: Item) -> Item:
        return {k: v for k, v in schedule.items() if k != "data"}

    def create_schedule(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/schedules``: one schedule of an existing function, with a session nonce."""
        _only(query)
        entries = self._items_of(body, "create")
        if len(entries) != 1 or not isinstance(entries[0], dict):
            raise CDFError(400, "Create exactly one schedule per request")
        entry = entries[0]
        unknown = set(entry) - _SCHEDULE_FIELDS
        if unknown:
            raise CDFError(400, f"Unrecognized field(s) {sorted(unknown)} of a schedule")
        if not isinstance(entry.get("name"), str) or not entry["name"]:
            raise CDFError(400, "name is required")
        when = check_cron(entry.get("cronExpression"))
        if not isinstance(entry.get("nonce"), str) or not entry["nonce"]:
            raise CDFError(400, "A nonce (of a session) is required to schedule a function")
        if entry.get("data") is not None and not isinstance(entry["data"], dict):
            raise CDFError(400, "data must be a JSON object")
        ref = {"id": entry["functionId"]} if "functionId" in entry else {"externalId": entry.get("functionExternalId")}
        if ref.get("id") is None and ref.get("externalId") is None:
            raise CDFError(400, "Give functionId or functionExternalId")
        function = self.get(ref)
        if function is None:
            raise CDFError(400, "Function not found", missing=[ref])
        schedule: Item = {
            "id": self._new_key(self.schedules), "name": entry["name"], "createdTime": self.project.clock(),
            "cronExpression": entry["cronExpression"], "when": when, "functionId": function["id"],
            "sessionId": f"emu-session-{self._new_key({})}",
        }  # fmt: skip
        for key in ("description", "functionExternalId", "data"):
            if entry.get(key) is not None:
                schedule[key] = entry[key]
        self.schedules[schedule["id"]] = schedule
        return 201, {"items": [self._public_schedule(schedule)]}

    def _schedules(self, flt: Any, limit: int) -> list[Item]:
        if isinstance(flt, dict):  # the spec spells these "FunctionId"/"FunctionExternalId"; CDF takes camelCase
            flt = {
                {"FunctionId": "functionId", "FunctionExternalId": "functionExternalId"}.get(k, k): v
                for k, v in flt.items()
            }
        pred = _compile(flt, _SCHEDULE_FILTERS, self)
        return [self._public_schedule(s) for s in self.schedules.values() if pred(s)][:limit]

    def list_schedules(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/schedules/list``."""
        _only(query)
        return 200, {"items": self._schedules(body.get("filter"), _limit(body.get("limit")))}

    def list_schedules_get(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/schedules?limit=``."""
        _only(query, "limit")
        limit = _limit(_int_param(query["limit"], "limit")) if "limit" in query else _LIST[0]
        return 200, {"items": self._schedules(None, limit)}

    def _schedule(self, raw_id: Any) -> Item:
        sid = raw_id if isinstance(raw_id, int) and not isinstance(raw_id, bool) else _int_param(str(raw_id), "id")
        schedule = self.schedules.get(sid)
        if schedule is None:
            raise CDFError(400, "Function schedule not found", missing=[{"id": sid}])
        return schedule

    def retrieve_schedule(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/schedules/{scheduleId}``."""
        _only(query)
        return 200, self._public_schedule(self._schedule(params["scheduleId"]))

    def _schedule_refs(self, body: Any, ignore: bool) -> list[Item]:
        refs = body.get("items")
        if not isinstance(refs, list) or not refs:
            raise CDFError(400, "items must be a non-empty array")
        ids = [r.get("id") if isinstance(r, dict) else None for r in refs]
        missing = [{"id": i} for i in ids if i not in self.schedules]
        if missing and not ignore:
            raise CDFError(400, "Function schedules not found", missing=missing)
        return [self.schedules[i] for i in dict.fromkeys(ids) if i in self.schedules]

    def byids_schedules(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/schedules/byids``."""
        _only(query)
        found = self._schedule_refs(body, bool(body.get("ignoreUnknownIds")))
        return 200, {"items": [self._public_schedule(s) for s in found]}

    def delete_schedules(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /functions/schedules/delete``."""
        _only(query)
        for schedule in self._schedule_refs(body, False):
            del self.schedules[schedule["id"]]
        return 200, {}

    def schedule_input(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /functions/schedules/{scheduleId}/input_data``."""
        _only(query)
        schedule = self._schedule(params["scheduleId"])
        out: dict[str, Any] = {"id": schedule["id"]}
        if schedule.get("data") is not None:
            out["data"] = schedule["data"]
        return 200, out

    async def run_schedule(self, schedule_id: int, scheduled_time: int | None = None) -> Item:
        """Make the call a schedule would make now (schedules do not fire by themselves in the emulator).

        Args:
            schedule_id: The schedule.
            scheduled_time: When the call was planned (ms; default now).

        Returns:
            The finished call (wire form).

        Example:
            >>> import asyncio
            >>> from cognite.client.testing import CDFEmulator, emulated_client
            >>> def handle(data, function_call_info):
            ...     return [data["n"], function_call_info["schedule_id"] is not None]
            >>> emulator = CDFEmulator()
            >>> with emulated_client(emulator=emulator) as client:
            ...     fn = client.functions.create(name="f", function_handle=handle)
            ...     while fn.status != "Ready":
            ...         fn.update()
            ...     schedule = client.functions.schedules.create("s", "0 * * * *", function_id=fn.id, data={"n": 7})
            ...     store = emulator.store("emulated", "functions")
            ...     call = asyncio.run(store.run_schedule(schedule.id))
            ...     call["status"], client.functions.calls.get_response(call["id"], function_id=fn.id)
            ('Completed', [7, True])
        """
        schedule = self._schedule(schedule_id)
        function = self.items.get(schedule["functionId"])
        if function is None or function["status"] != "Ready":
            raise CDFError(400, f"The function of schedule {schedule_id} is not ready")
        accepted = await self.execute(function, schedule.get("data"), schedule, scheduled_time)
        return self._public_call(self.calls[function["id"]][accepted["id"]])


def _call_ref(field: str) -> LegacyFilter:
    def make(value: Any, store: ResourceStore) -> Predicate:
        return lambda item: item.get(field) == value

    return make


_FUNCTION_FILTERS: dict[str, LegacyFilter] = {
    "name": eq("name"),
    "owner": eq("owner"),
    "fileId": eq("fileId"),
    "status": eq("status"),
    "externalIdPrefix": prefix("externalId"),
    "createdTime": time_range("createdTime"),
    "metadata": metadata(),
}
_CALL_FILTERS: dict[str, LegacyFilter] = {
    "status": eq("status"),
    "scheduleId": _call_ref("scheduleId"),
    "startTime": time_range("startTime"),
    "endTime": time_range("endTime"),
}
_SCHEDULE_FILTERS: dict[str, LegacyFilter] = {
    "name": eq("name"),
    "functionId": eq("functionId"),
    "functionExternalId": eq("functionExternalId"),
    "createdTime": time_range("createdTime"),
    "cronExpression": eq("cronExpression"),
}

_ROUTES: dict[tuple[str, str], str] = {
    ("POST", ""): "create_function",
    ("GET", ""): "list_functions_get",
    ("POST", "/list"): "list_functions",
    ("POST", "/byids"): "byids_functions",
    ("POST", "/delete"): "delete_functions",
    ("GET", "/limits"): "limits_route",
    ("GET", "/status"): "get_status",
    ("POST", "/status"): "request_activation",
    ("GET", "/{functionId}"): "retrieve_function",
    ("POST", "/{functionId}/call"): "call_function",
    ("GET", "/{functionId}/calls"): "list_calls_get",
    ("POST", "/{functionId}/calls/list"): "list_calls",
    ("POST", "/{functionId}/calls/byids"): "byids_calls",
    ("GET", "/{functionId}/calls/{callId}"): "retrieve_call",
    ("GET", "/{functionId}/calls/{callId}/response"): "call_response",
    ("GET", "/{functionId}/calls/{callId}/logs"): "call_logs",
    ("POST", "/schedules"): "create_schedule",
    ("GET", "/schedules"): "list_schedules_get",
    ("POST", "/schedules/list"): "list_schedules",
    ("POST", "/schedules/byids"): "byids_schedules",
    ("POST", "/schedules/delete"): "delete_schedules",
    ("GET", "/schedules/{scheduleId}"): "retrieve_schedule",
    ("GET", "/schedules/{scheduleId}/input_data"): "schedule_input",
}

FUNCTIONS = Family(
    name="functions",
    path="/functions",
    write_fields=_WRITE_FIELDS,
    required=("name", "fileId"),
    limits={"create": 1, "byids": 10, "delete": 10},
    verbs=frozenset(),
    store_cls=FunctionsStore,
    routes=_ROUTES,
    bodyless=frozenset({"request_activation"}),
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
FUNCTIONS_FAMILIES: tuple[Family, ...] = (FUNCTIONS,)
