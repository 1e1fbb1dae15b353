"""The response object returned by ``client.get``/``post``/``put``."""

from __future__ import annotations

import json as _json
from typing import Any

import httpx

__all__ = ["CogniteHTTPResponse"]


class CogniteHTTPResponse:
    """An HTTP response from CDF.

    Args:
        response: The underlying httpx response.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     res = client.get("/assets", params={"limit": 1})
        ...     res.status_code
        200
    """

    __slots__ = ("_response",)

    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self._response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self._response.headers

    @property
    def content(self) -> bytes:
        """The body as bytes."""
        return self._response.content

    @property
    def text(self) -> str:
        """The body as text."""
        return self._response.text

    @property
    def url(self) -> str:
        """The URL that was requested."""
        return str(self._response.request.url)

    @property
    def request(self) -> httpx.Request:
        """The request that was sent."""
        return self._response.request

    @property
    def x_request_id(self) -> str | None:
        """The ``x-request-id`` CDF gave the request."""
        value: str | None = self._response.headers.get("x-request-id")
        return value

    def json(self, **kwargs: Any) -> Any:
        """Decode the body as JSON."""
        return _json.loads(self._response.content, **kwargs)

    def raise_for_status(self) -> None:
        """Raise ``httpx.HTTPStatusError`` for an error status."""
        self._response.raise_for_status()

    def __repr__(self) -> str:
        return f"<CogniteHTTPResponse [{self.status_code}]>"
