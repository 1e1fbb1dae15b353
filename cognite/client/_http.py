"""The one HTTP layer: headers, auth, gzip, retries with backoff, error mapping, debug logging.

It knows nothing about assets or any other resource: it sends a request to a path under
``/api/v1/projects/{project}`` (or to an absolute URL), retries what is safe to retry, and turns CDF
error bodies into the exception hierarchy.

Retry rules (COMPATIBILITY.md):
- Connection errors before the request reached the server: retried up to ``max_retries_connect`` times.
- Statuses in ``status_forcelist``, read timeouts and connections dropped after sending: retried only when
  the request is idempotent (GET/PUT/DELETE, POSTs to read-only endpoints) or the response said
  ``cdf-is-auto-retryable: true``. A 429 means the request was not processed, so it is always retried.
- Exponential backoff with full jitter, capped at ``max_retry_backoff``; ``Retry-After`` is honoured (capped).
- ``max_retries`` retries in total.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import gzip
import logging
import os
import random
import re
import time
from collections.abc import AsyncIterable, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import httpx
import msgspec

from cognite.client.exceptions import (
    CogniteAPIError,
    CogniteAuthorizationError,
    CogniteConnectionError,
    CogniteConnectionRefused,
    CogniteDuplicatedError,
    CogniteNotFoundError,
    CogniteReadTimeout,
)

if TYPE_CHECKING:
    from cognite.client.config import ClientConfig

__all__ = ["STREAM_RESPONSE_EXTENSION", "HTTPClient", "enable_debug_logging", "is_idempotent"]

logger = logging.getLogger("cognite.client")

Operation = Literal["read", "write", "delete"]

_READ_ONLY_POST = re.compile(
    r"/(list|byids|search|aggregate|query|sync|inspect|latest|downloadlink|cursors|byExternalIds|byids/?)$"
)
#: Request extension asking the transport for a response whose body is read as it is consumed (not up front).
STREAM_RESPONSE_EXTENSION = "cognite.stream_response"
_SECRET_PARAM = re.compile(r"(?i)(token|secret|password|key|signature|sig)=([^&\s]+)")


def is_idempotent(method: str, path: str) -> bool:
    """True when resending the request cannot change the outcome (safe to retry after it was sent)."""
    method = method.upper()
    if method in ("GET", "PUT", "DELETE", "HEAD", "OPTIONS"):
        return True
    return method == "POST" and _READ_ONLY_POST.search(path.split("?", 1)[0]) is not None


def operation_of(method: str, path: str, idempotent: bool) -> Operation:
    """Classify a request as read, write or delete (for the concurrency limits)."""
    if idempotent and method.upper() in ("GET", "POST", "HEAD"):
        return "read"
    if method.upper() == "DELETE" or path.rstrip("/").endswith("/delete"):
        return "delete"
    return "write"


def _redact(text: str) -> str:
    return _SECRET_PARAM.sub(r"\1=***", text)


def enable_debug_logging() -> None:
    """Log every request of the SDK at DEBUG level to stderr (secrets are never logged)."""
    logger.setLevel(logging.DEBUG)
    if not any(getattr(h, "_cognite_debug", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._cognite_debug = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


class _LoopState:
    """What must be created per event loop: semaphores and the token client."""

    def __init__(self, loop: asyncio.AbstractEventLoop, limits: dict[tuple[str, str], int]) -> None:
        self.loop = loop
        self.pid = os.getpid()
        self.semaphores = {key: asyncio.Semaphore(n) for key, n in limits.items()}
        self.token_client: httpx.AsyncClient | None = None


class HTTPClient:
    """One async HTTP client per AsyncCogniteClient.

    Args:
        config: The client configuration.
        transport: The transport to send requests with (default: the pooled aiohttp transport).
    """

    def __init__(self, config: ClientConfig, transport: httpx.AsyncBaseTransport | None = None) -> None:
        from cognite.client.config import global_config

        self.config = config
        self._global = global_config
        self._custom_transport = transport
        self._transport: httpx.AsyncBaseTransport | None = transport
        self._transport_pid = os.getpid()
        self._transport_loop: asyncio.AbstractEventLoop | None = None
        self._state: _LoopState | None = None
        self.api_root = f"{config.base_url}/api/v1/projects/{config.project}"
        self._base_headers = {
            "x-cdp-sdk": f"CognitePythonSDK:{_version()}",
            "x-cdp-app": config.client_name,
            "accept": "application/json",
        }
        if config.api_subversion:
            self._base_headers["cdf-version"] = config.api_subversion
        self._base_headers.update(config.headers)
        self.requests_sent = 0
        self._url_cache: dict[str, httpx.URL] = {}

    # ------------------------------------------------------------------------------------------ plumbing

    def _loop_state(self) -> _LoopState:
        loop = asyncio.get_running_loop()
        state = self._state
        if state is None or state.loop is not loop or state.pid != os.getpid():
            cs = self._global.concurrency_settings
            cs._freeze()
            limits = {
                (cat, op): cs.get(cat, op)
                for cat in ("general", "raw", "datapoints", "data_modeling", "files")
                for op in ("read", "write", "delete")
            }
            state = self._state = _LoopState(loop, limits)
        return state

    def _get_transport(self) -> httpx.AsyncBaseTransport:
        loop = asyncio.get_running_loop()
        if self._custom_transport is not None:
            return self._custom_transport
        if self._transport is None or self._transport_pid != os.getpid() or self._transport_loop is not loop:
            from cognite.client._transport import AiohttpTransport

            self._transport = AiohttpTransport(
                max_connections=self._global.max_connection_pool_size,
                verify=not self._global.disable_ssl,
                proxy=self._global.proxy,
            )
            self._transport_pid = os.getpid()
            self._transport_loop = loop
        return self._transport

    def token_http_client(self) -> httpx.AsyncClient:
        """An httpx client on the same transport, for credential providers to fetch tokens with."""
        state = self._loop_state()
        if state.token_client is None:
            state.token_client = httpx.AsyncClient(
                transport=_NonClosingTransport(self._get_transport()), timeout=self.config.timeout
            )
        return state.token_client

    async def aclose(self) -> None:
        """Close pooled connections."""
        state = self._state
        if state is not None and state.token_client is not None:
            with contextlib.suppress(RuntimeError):
                await state.token_client.aclose()
            state.token_client = None
        if self._transport is not None and self._custom_transport is None:
            with contextlib.suppress(RuntimeError):  # the loop it belonged to may be gone
                await self._transport.aclose()
            self._transport = None

    def url(self, path: str) -> str:
        """The absolute URL of a path under the project (absolute URLs are returned as they are)."""
        if path.startswith(("http://", "https://")):
            return path
        if not path.startswith("/"):
            path = "/" + path
        return self.api_root + path

    def _parsed_url(self, url: str) -> httpx.URL:
        """The parsed URL (cached: the same few endpoints are called over and over, and parsing costs)."""
        parsed = self._url_cache.get(url)
        if parsed is None:
            if len(self._url_cache) >= 1024:
                self._url_cache.clear()
            parsed = self._url_cache[url] = httpx.URL(url)
        return parsed

    # ------------------------------------------------------------------------------------------ the request

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
        category: str = "general",
        timeout: float | None = None,
        retryable: bool | None = None,
        authenticate: bool = True,
        stream_content: Callable[[], AsyncIterable[bytes]] | None = None,
        stream_response: Callable[[httpx.Response], Awaitable[None]] | None = None,
    ) -> httpx.Response:
        """Send one request with retries and return the (successful) response.

        Args:
            method: HTTP method.
            path: Path under ``/api/v1/projects/{project}``, or an absolute URL.
            json: JSON body (encoded with msgspec, gzip-compressed unless disabled).
            params: Query parameters (None values dropped; lists repeated; bools lowercase).
            headers: Extra headers.
            content: Raw body (instead of json).
            category: Concurrency category (general, raw, datapoints, data_modeling, files).
            timeout: Timeout in seconds (default: the config's).
            retryable: Force the request to count as idempotent (True) or not (False).
            authenticate: Send the Authorization header.
            stream_content: A streamed body instead of ``content``: called once per attempt for a fresh async
                iterator of bytes, so that a retry sends the body again from its start (give the size in a
                ``content-length`` header where the server needs one).
            stream_response: Consumes the body of a successful response as a stream (``aiter_bytes``) instead of
                reading it into memory; called once per attempt, inside the concurrency limit. A connection error
                while it reads is retried like any other when the request is idempotent, so it must start over
                cleanly on each call. The returned response's body is then already consumed.

        Returns:
            The httpx response (status < 400).
        """
        method = method.upper()
        url = self.url(path)
        url_obj = self._parsed_url(url)
        natural = is_idempotent(method, path)
        idempotent = natural if retryable is None else retryable
        req_headers = dict(self._base_headers)
        body = content
        if json is not None:
            body = msgspec.json.encode(json, enc_hook=_enc_hook)
            req_headers["content-type"] = "application/json"
            if not self._global.disable_gzip:
                body = gzip.compress(body, compresslevel=1)
                req_headers["content-encoding"] = "gzip"
        if headers:
            req_headers.update(headers)
        query = _clean_params(params) if params else None
        t = timeout if timeout is not None else self.config.timeout
        extensions: dict[str, Any] = {"timeout": {"connect": t, "read": t, "write": t, "pool": t}}
        if stream_response is not None:
            extensions[STREAM_RESPONSE_EXTENSION] = True

        state = self._loop_state()
        operation = operation_of(method, path, natural)
        sem = state.semaphores.get((category, operation)) or state.semaphores[("general", operation)]

        transport = self._get_transport()
        attempt = 0
        connect_retries = 0
        while True:
            if authenticate:
                name, value = await self.config.credentials.auth_header_async(self.token_http_client())
                req_headers[name] = value
            sent_body = stream_content() if stream_content is not None else body
            request = httpx.Request(
                method, url_obj, params=query, headers=req_headers, content=sent_body, extensions=extensions
            )
            start = time.perf_counter()
            error: BaseException | None = None
            response: httpx.Response | None = None
            async with sem:
                self.requests_sent += 1
                try:
                    response = await transport.handle_async_request(request)
                    if stream_response is not None and response.status_code < 400:
                        try:
                            await stream_response(response)
                        finally:
                            await response.aclose()
                    else:
                        await response.aread()
                except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                    error = exc
                except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.ReadError, httpx.WriteError) as exc:
                    error = exc
                except httpx.RemoteProtocolError as exc:
                    error = exc
            elapsed = time.perf_counter() - start

            retry_after: float | None = None
            if error is not None:
                never_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
                can_retry = (never_sent and connect_retries < self._global.max_retries_connect) or (
                    not never_sent and idempotent
                )
                self._log(method, url, None, elapsed, attempt, error)
                if not can_retry or attempt >= self._global.max_retries:
                    raise _connection_error(error, method, url) from error
                if never_sent:
                    connect_retries += 1
            else:
                assert response is not None
                status = response.status_code
                self._log(method, url, status, elapsed, attempt, None)
                if status < 400:
                    return response
                auto_retryable = response.headers.get("cdf-is-auto-retryable", "").lower() == "true"
                retry_status = status in self._global.status_forcelist
                can_retry = retry_status and (idempotent or auto_retryable or status == 429)
                if not can_retry or attempt >= self._global.max_retries:
                    raise _api_error(response, self.config)
                retry_after = _parse_retry_after(response.headers.get("retry-after"))
            attempt += 1
            await asyncio.sleep(self._backoff(attempt, retry_after))

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        cap = float(self._global.max_retry_backoff)
        if retry_after is not None:
            return min(cap, retry_after)
        return random.uniform(0, min(cap, 0.25 * 2 ** (attempt - 1)))

    def _log(
        self, method: str, url: str, status: int | None, elapsed: float, attempt: int, error: BaseException | None
    ) -> None:
        if not logger.isEnabledFor(logging.DEBUG):
            return
        outcome = f"status={status}" if error is None else f"error={type(error).__name__}"
        logger.debug("HTTP %s %s %s duration_ms=%.1f retry=%d", method, _redact(url), outcome, elapsed * 1000, attempt)


class _NonClosingTransport(httpx.AsyncBaseTransport):
    """Shares the HTTP layer's transport with the token client without letting it close it."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        return None


def _enc_hook(value: Any) -> Any:
    dump = getattr(value, "dump", None)
    if dump is not None:
        return dump(camel_case=True)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _clean_params(params: Mapping[str, Any]) -> list[tuple[str, str | int | float | bool | None]]:
    out: list[tuple[str, str | int | float | bool | None]] = []
    for key, value in params.items():
        if value is None:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        for v in values:
            out.append((key, ("true" if v else "false") if isinstance(v, bool) else str(v)))
    return out


def _parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number of seconds or an HTTP date (RFC 9110)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _connection_error(error: BaseException, method: str, url: str) -> Exception:
    where = f"{method} {_redact(url)}"
    if isinstance(error, httpx.ReadTimeout | httpx.WriteTimeout):
        return CogniteReadTimeout(f"Timed out waiting for {where}")
    if isinstance(error, httpx.ConnectError) and "refused" in str(error).lower():
        return CogniteConnectionRefused(f"Connection refused: {where}")
    return CogniteConnectionError(f"Connection failed ({type(error).__name__}): {where}")


def _api_error(response: httpx.Response, config: ClientConfig) -> CogniteAPIError:
    status = response.status_code
    x_request_id = response.headers.get("x-request-id")
    message = response.text or f"HTTP {status}"
    missing = duplicated = None
    extra: dict[str, Any] | None = None
    try:
        body = msgspec.json.decode(response.content)
        err = body.get("error", body) if isinstance(body, dict) else {}
        if isinstance(err, dict):
            message = str(err.get("message", message))
            missing = err.get("missing")
            duplicated = err.get("duplicated")
            extra = {k: v for k, v in err.items() if k not in ("code", "message", "missing", "duplicated")} or None
    except (msgspec.DecodeError, ValueError, AttributeError):
        pass
    kwargs: dict[str, Any] = {
        "x_request_id": x_request_id,
        "cluster": config.cdf_cluster,
        "project": config.project,
        "extra": extra,
    }
    if missing:
        return CogniteNotFoundError(message, status, missing=missing, duplicated=duplicated, **kwargs)
    if duplicated:
        return CogniteDuplicatedError(message, status, duplicated=duplicated, **kwargs)
    if status in (401, 403):
        return CogniteAuthorizationError(message, status, **kwargs)
    return CogniteAPIError(message, status, **kwargs)


def _version() -> str:
    from cognite.client._version import __version__

    return __version__
