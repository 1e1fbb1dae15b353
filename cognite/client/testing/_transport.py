"""The in-process ``httpx`` transport to an emulator: calls its core directly, no sockets and no ASGI layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from cognite.client.testing._errors import ConnectionDropped

if TYPE_CHECKING:
    from cognite.client.testing._app import CDFEmulator

__all__ = ["EmulatorTransport"]


class EmulatorTransport(httpx.AsyncBaseTransport):
    """An ``httpx.AsyncBaseTransport`` that hands requests to a :class:`CDFEmulator` in the same event loop.

    Injected connection resets surface as ``httpx.RemoteProtocolError`` (like a server closing the connection
    without a response); injected latency is awaited.

    Args:
        emulator: The emulator to call.
    """

    def __init__(self, emulator: CDFEmulator) -> None:
        self.emulator = emulator

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Serve one request.

        Args:
            request: The request.

        Returns:
            The response.
        """
        body = await request.aread()
        headers = {k.lower(): v for k, v in request.headers.items()}
        try:
            status, out_headers, content = await self.emulator.handle(
                request.method,
                request.url.path,
                request.url.query,
                headers,
                body,
                raw_path=request.url.raw_path.split(b"?", 1)[0].decode("ascii"),
            )
        except ConnectionDropped as err:
            err.request = request
            raise
        return httpx.Response(status, headers=out_headers, content=content, request=request)
