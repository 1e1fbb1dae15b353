"""Runs one call of an emulated Cognite Function in a child process: ``python _function_runner.py <request.json>``.

The emulator (:mod:`cognite.client.testing._families_functions`) unzips the function's code into a temporary folder,
writes the request file and starts this script with the interpreter it runs on, a timeout and a bounded output. The
script imports the handler file, calls ``handle`` with the arguments it names (``data``, ``client``, ``secrets``,
``function_call_info``) and writes the outcome as JSON to the result path of the request:
``{"ok": true, "response": <JSON text>}`` or ``{"ok": false, "message": ..., "trace": ...}``. What the function
prints (stdout and stderr) is its log, captured by the emulator.

``client`` is a ``CogniteClient`` for the emulator that made the call when it is served over loopback HTTP, else None.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any


def _client(settings: dict[str, Any] | None) -> Any:
    if not settings:
        return None
    from cognite.client import ClientConfig, CogniteClient
    from cognite.client.credentials import Token

    config = ClientConfig(
        client_name="cognite-function",
        project=settings["project"],
        credentials=Token(settings["token"]),
        base_url=settings["base_url"],
    )
    return CogniteClient(config)


def _call(request: dict[str, Any]) -> dict[str, Any]:
    code_dir = request["code_dir"]
    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    path = Path(code_dir) / request["function_path"]
    spec = importlib.util.spec_from_file_location("handler", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"Cannot import {request['function_path']}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["handler"] = module
    spec.loader.exec_module(module)
    handle = getattr(module, "handle", None)
    if not callable(handle):
        raise AttributeError(f"{request['function_path']} has no function 'handle'")
    wanted = inspect.signature(handle).parameters
    offered: dict[str, Any] = {
        "data": request.get("data") or {},
        "secrets": request.get("secrets") or {},
        "function_call_info": request["function_call_info"],
    }
    client = _client(request.get("client")) if "client" in wanted else None
    offered["client"] = client
    try:
        result = handle(**{name: value for name, value in offered.items() if name in wanted})
    finally:
        if client is not None:
            client.close()
    return {"ok": True, "response": json.dumps(result)}


def main(argv: list[str]) -> int:
    """Run the call described by the request file ``argv[1]``; the exit code is 0 when the outcome was written."""
    here = str(Path(__file__).resolve().parent)
    sys.path[:] = [p for p in sys.path if p and str(Path(p).resolve()) != here]  # the emulator's own modules
    request = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    result_path = request["result_path"]
    try:
        outcome = _call(request)
    except BaseException as err:  # the function's failure is the call's outcome, whatever it is
        outcome = {"ok": False, "message": f"{type(err).__name__}: {err}", "trace": traceback.format_exc()}
    sys.stdout.flush()
    sys.stderr.flush()
    Path(result_path).write_text(json.dumps(outcome), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
