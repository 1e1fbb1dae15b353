"""The default network transport: aiohttp under an httpx transport interface.

The HTTP layer talks to an ``httpx.AsyncBaseTransport``; this one sends requests with aiohttp, which costs
far less CPU per request than httpx's own transport (see the note in the foundation issue and
``benchmarks/``). Tests plug in ``httpx.MockTransport`` and the emulator ``httpx.ASGITransport`` or its own
in-process transport through the same seam.

Errors are mapped to httpx exceptions by what they mean for retries: ``httpx.ConnectError`` and
``httpx.ConnectTimeout`` mean the request never reached the server; ``httpx.ReadError``,
``httpx.RemoteProtocolError`` and ``httpx.ReadTimeout`` mean it may have.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx

from cognite.client._http import STREAM_RESPONSE_EXTENSION

__all__ = ["AiohttpTransport"]


def _env_proxies() -> dict[str, str]:
    import urllib.request

    return {k: v for k, v in urllib.request.getproxies().items() if k in ("http", "https", "all", "ws", "wss")}


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An httpx transport that sends requests with one pooled ``aiohttp.ClientSession``.

    Args:
        max_connections: Size of the connection pool.
        verify: Verify TLS certificates.
        proxy: Proxy URL, or None.
        trust_env: Read proxy settings from the environment.
    """

    def __init__(
        self, max_connections: int = 20, verify: bool = True, proxy: str | None = None, trust_env: bool = True
    ) -> None:
        self._max_connections = max_connections
        self._verify = verify
        self._proxy = proxy
        # aiohttp reads proxy settings (and .netrc) from the environment in a thread on every request when asked
        # to trust it; do that only when the environment does name a proxy (looked up once, here).
        self._trust_env = trust_env and proxy is None and bool(_env_proxies())
        self._session: aiohttp.ClientSession | None = None

    def _get_session(self) -> aiohttp.ClientSession:
        session = self._session
        if session is None or session.closed:
            ssl_arg: ssl.SSLContext | bool = bool(self._verify)
            connector = aiohttp.TCPConnector(limit=self._max_connections, ssl=ssl_arg, ttl_dns_cache=300)
            session = aiohttp.ClientSession(
                connector=connector,
                trust_env=self._trust_env,
                auto_decompress=True,
                skip_auto_headers=("User-Agent",),
            )
            self._session = session
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send one request and read its whole response.

        A request whose body is a stream (an async iterator of bytes) is sent as it is produced; a request
        with the ``STREAM_RESPONSE_EXTENSION`` extension set gets a response whose body is read as it is
        consumed (``aiter_bytes``), so neither is ever held in memory whole.
        """
        session = self._get_session()
        timeout = request.extensions.get("timeout") or {}
        client_timeout = aiohttp.ClientTimeout(
            total=None,
            connect=timeout.get("pool"),
            sock_connect=timeout.get("connect"),
            sock_read=timeout.get("read"),
        )
        body: Any
        try:
            body = request.content or None
            streaming = False
        except httpx.RequestNotRead:  # a streamed body: sent as produced, with the Content-Length it was given
            body = _request_chunks(request)
            streaming = True
        dropped = ("transfer-encoding",) if streaming else ("content-length",)
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in dropped]
        sent = False
        try:
            resp = await session.request(
                request.method,
                str(request.url),
                headers=headers,
                data=body,
                allow_redirects=False,
                timeout=client_timeout,
                proxy=self._proxy,
            )
            sent = True
            resp_headers = [(k, v) for k, v in resp.raw_headers if k.lower() not in (b"content-encoding",)]
            if request.extensions.get(STREAM_RESPONSE_EXTENSION):
                return httpx.Response(
                    status_code=resp.status,
                    headers=resp_headers,
                    stream=_ResponseStream(resp, request),
                    request=request,
                    extensions={"http_version": b"HTTP/1.1"},
                )
            try:
                content = await resp.read()
            finally:
                resp.release()
            return httpx.Response(
                status_code=resp.status,
                headers=resp_headers,
                content=content,
                request=request,
                extensions={"http_version": b"HTTP/1.1"},
            )
        except Exception as exc:
            mapped = _httpx_error(exc, request, sent)
            if mapped is None:
                raise
            raise mapped from exc

    async def aclose(self) -> None:
        """Close the pooled connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None


#: Bytes asked for per read of a streamed response body (a read returns what has arrived, up to this).
STREAM_READ_SIZE = 1024 * 1024


async def _request_chunks(request: httpx.Request) -> AsyncIterator[bytes]:
    async for chunk in request.stream:  # type: ignore[union-attr]
        yield chunk


class _ResponseStream(httpx.AsyncByteStream):
    """The body of an aiohttp response, read as it is consumed; errors are mapped like the request's."""

    def __init__(self, resp: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._resp = resp
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._resp.content.iter_chunked(STREAM_READ_SIZE):
                yield chunk
        except Exception as exc:
            mapped = _httpx_error(exc, self._request, sent=True)
            if mapped is None:
                raise
            raise mapped from exc

    async def aclose(self) -> None:
        if self._resp.content.at_eof():
            self._resp.release()
        else:
            self._resp.close()  # unread body: the connection cannot be reused


def _httpx_error(exc: BaseException, request: httpx.Request, sent: bool) -> Exception | None:
    """The httpx error an aiohttp error means for retries (None: not a transport error)."""
    if isinstance(exc, aiohttp.ClientConnectorError):
        return httpx.ConnectError(str(exc), request=request)
    if isinstance(exc, aiohttp.ServerTimeoutError):
        if sent or "read" in str(exc).lower():
            return httpx.ReadTimeout(str(exc), request=request)
        return httpx.ConnectTimeout(str(exc), request=request)
    if isinstance(exc, asyncio.TimeoutError):
        if sent:
            return httpx.ReadTimeout("Timed out reading the response", request=request)
        return httpx.ConnectTimeout("Timed out connecting", request=request)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return httpx.RemoteProtocolError(str(exc) or "Server disconnected", request=request)
    if isinstance(exc, aiohttp.ClientPayloadError | aiohttp.ClientResponseError | aiohttp.ClientOSError):
        return httpx.ReadError(str(exc), request=request)
    if isinstance(exc, aiohttp.InvalidURL):
        return httpx.UnsupportedProtocol(str(exc), request=request)
    if isinstance(exc, aiohttp.ClientError):
        return httpx.ReadError(str(exc), request=request)
    return None
