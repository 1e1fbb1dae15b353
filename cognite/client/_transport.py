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
from typing import Any

import aiohttp
import httpx

__all__ = ["AiohttpTransport"]


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
        self._trust_env = trust_env
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
        """Send one request and read its whole response."""
        session = self._get_session()
        timeout = request.extensions.get("timeout") or {}
        client_timeout = aiohttp.ClientTimeout(
            total=None,
            connect=timeout.get("pool"),
            sock_connect=timeout.get("connect"),
            sock_read=timeout.get("read"),
        )
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != "content-length"]
        body: Any = request.content or None
        sent = False
        try:
            async with session.request(
                request.method,
                str(request.url),
                headers=headers,
                data=body,
                allow_redirects=False,
                timeout=client_timeout,
                proxy=self._proxy,
            ) as resp:
                sent = True
                content = await resp.read()
                resp_headers = [(k, v) for k, v in resp.raw_headers if k.lower() not in (b"content-encoding",)]
                return httpx.Response(
                    status_code=resp.status,
                    headers=resp_headers,
                    content=content,
                    request=request,
                    extensions={"http_version": b"HTTP/1.1"},
                )
        except aiohttp.ClientConnectorError as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc
        except aiohttp.ServerTimeoutError as exc:
            if sent or "read" in str(exc).lower():
                raise httpx.ReadTimeout(str(exc), request=request) from exc
            raise httpx.ConnectTimeout(str(exc), request=request) from exc
        except asyncio.TimeoutError as exc:
            if sent:
                raise httpx.ReadTimeout("Timed out reading the response", request=request) from exc
            raise httpx.ConnectTimeout("Timed out connecting", request=request) from exc
        except aiohttp.ServerDisconnectedError as exc:
            raise httpx.RemoteProtocolError(str(exc) or "Server disconnected", request=request) from exc
        except (aiohttp.ClientPayloadError, aiohttp.ClientResponseError) as exc:
            raise httpx.ReadError(str(exc), request=request) from exc
        except aiohttp.ClientOSError as exc:
            raise httpx.ReadError(str(exc), request=request) from exc
        except aiohttp.InvalidURL as exc:
            raise httpx.UnsupportedProtocol(str(exc), request=request) from exc
        except aiohttp.ClientError as exc:
            raise httpx.ReadError(str(exc), request=request) from exc

    async def aclose(self) -> None:
        """Close the pooled connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None
