"""Ctrl-C during a synchronous call cancels the request in flight (the coroutine on the bridge's loop)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import asyncio, os, signal, threading, time
    import httpx
    from cognite.client import ClientConfig, CogniteClient
    from cognite.client.credentials import Token

    state = {"started": threading.Event(), "cancelled": threading.Event()}

    async def handler(request):
        state["started"].set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            state["cancelled"].set()
            raise
        return httpx.Response(200, json={"items": []})

    cfg = ClientConfig("t", "p", Token("t"), base_url="https://x.cognitedata.com")
    client = CogniteClient(cfg, transport=httpx.MockTransport(handler))

    def interrupt():
        state["started"].wait(10)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=interrupt, daemon=True).start()
    t0 = time.monotonic()
    try:
        client.assets.list(limit=5)
        print("NOT INTERRUPTED")
    except KeyboardInterrupt:
        ok = state["cancelled"].wait(5)
        print(f"interrupted after {time.monotonic() - t0:.1f}s, request cancelled: {ok}")
        # the bridge is still usable afterwards
        from cognite.client._sync import run_sync
        print("bridge alive:", run_sync(asyncio.sleep(0, result=42)) == 42)
    """
)


def test_ctrl_c_cancels_the_sync_call_in_flight_and_leaves_the_bridge_usable() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[0].startswith("interrupted after"), proc.stdout
    assert lines[0].endswith("request cancelled: True")
    assert float(lines[0].split()[2].rstrip("s,")) < 10
    assert lines[1] == "bridge alive: True"
