"""The in-process ``httpx`` transport to an emulator: calls its core directly, no sockets and no ASGI layer."""

from __future__ import annotations

from collections.abc import AsyncIterator
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
        from cognite.client.testing._app import CONTENT_PREFIX

        if request.url.path.startswith(CONTENT_PREFIX):
            return await self._content(request)
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

    async def _content(self, request: httpx.Request) -> httpx.Response:
        """Serve a content route with both bodies streamed (as over a network)."""

        async def body() -> AsyncIterator[bytes]:
            async for chunk in request.stream:  # type: ignore[union-attr]
                yield chunk

        headers = {k.lower(): v for k, v in request.headers.items()}
        try:
            status, out_headers, chunks = await self.emulator.handle_content(
                request.method, request.url.path, request.url.query, headers, body()
            )
        except ConnectionDropped as err:
            err.request = request
            raise
        return httpx.Response(status, headers=out_headers, stream=_Body(chunks, request), request=request)


class _Body(httpx.AsyncByteStream):
    """A response body produced by the emulator as it is read; a dropped connection surfaces as the httpx error."""

    def __init__(self, chunks: AsyncIterator[bytes], request: httpx.Request) -> None:
        self._chunks = chunks
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._chunks:
                yield chunk
        except ConnectionDropped as err:
            err.request = self._request
            raise

    async def aclose(self) -> None:
        aclose = getattr(self._chunks, "aclose", None)
        if aclose is not None:
            await aclose()
