"""Test helpers for code that uses CDF: a local CDF emulator (in-process or over loopback HTTP).

Example::

    from cognite.client.testing import CDFEmulator

    emulator = CDFEmulator(seed=42)
    transport = emulator.transport()  # httpx transport, in-process
    with emulator.serve() as server:  # or real HTTP on 127.0.0.1
        print(server.project_url("my-project"))

For contract tests of your own code, :class:`SpecCheckedCDF` checks every request against the CDF OpenAPI spec.

Seeding data that the SDK cannot create: ``emulator.store(project, family).seed([...])`` stores items as given, and
``emulator.seed_state_time_series(NodeId("plant", "valve"), states=[(0, "closed"), (1, "open")])`` a state time
series with its state set (the project ``emulated`` of ``emulated_client()`` and the pytest fixtures by default).
``emulator.store(project, "3d").seed_nodes(model_id, revision_id, {"name": "root", "children": [...]})`` gives a 3D
revision a node tree of your own, and ``.seed_file(b"...")`` stores a 3D file.
``emulator.store(project, "simulators").seed_connector("DWSIM")`` registers a simulator with its integration (as a
connector does); simulation runs then move ``ready`` -> ``running`` -> ``success`` one step per read.

Needs the ``emulator`` extra (starlette, uvicorn) for the ASGI app and the server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cognite.client.testing._app import CDFEmulator, Counters, EmulatorResponse
    from cognite.client.testing._clients import (
        AsyncCogniteClientMock,
        CogniteClientMock,
        async_emulated_client,
        emulated_client,
        flip_spec_set_on,
        monkeypatch_async_cognite_client,
        monkeypatch_cognite_client,
    )
    from cognite.client.testing._contract import SpecCheckedCDF
    from cognite.client.testing._errors import CDFError, ConnectionDropped
    from cognite.client.testing._faults import FaultRule, Faults
    from cognite.client.testing._server import EmulatorServer
    from cognite.client.testing._store import Family, Hooks, ResourceStore
    from cognite.client.testing._transport import EmulatorTransport

__all__ = [
    "AsyncCogniteClientMock",
    "CDFEmulator",
    "CogniteClientMock",
    "CDFError",
    "ConnectionDropped",
    "Counters",
    "EmulatorResponse",
    "EmulatorServer",
    "EmulatorTransport",
    "Family",
    "FaultRule",
    "Faults",
    "Hooks",
    "ResourceStore",
    "SpecCheckedCDF",
    "async_emulated_client",
    "emulated_client",
    "flip_spec_set_on",
    "monkeypatch_async_cognite_client",
    "monkeypatch_cognite_client",
]

_WHERE = {
    "AsyncCogniteClientMock": "_clients",
    "CogniteClientMock": "_clients",
    "async_emulated_client": "_clients",
    "emulated_client": "_clients",
    "flip_spec_set_on": "_clients",
    "monkeypatch_async_cognite_client": "_clients",
    "monkeypatch_cognite_client": "_clients",
    "CDFEmulator": "_app",
    "Counters": "_app",
    "EmulatorResponse": "_app",
    "SpecCheckedCDF": "_contract",
    "CDFError": "_errors",
    "ConnectionDropped": "_errors",
    "FaultRule": "_faults",
    "Faults": "_faults",
    "EmulatorServer": "_server",
    "Family": "_store",
    "Hooks": "_store",
    "ResourceStore": "_store",
    "EmulatorTransport": "_transport",
}


def __getattr__(name: str) -> Any:
    """Import public names lazily, so that importing this package stays cheap."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
