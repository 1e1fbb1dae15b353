"""Errors raised inside the emulator; each becomes a CDF error response or a dropped connection."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

__all__ = ["CDFError", "ConnectionDropped"]


class CDFError(Exception):
    """An error answered with a CDF error body ``{"error": {"code", "message", "missing", "duplicated"}}``.

    Args:
        code: The HTTP status (also the ``code`` of the body).
        message: The error message.
        missing: Identifiers that were not found.
        duplicated: Identifiers that were duplicated.
        extra: More fields for the error object.
        headers: Extra response headers (e.g. ``Retry-After``).
    """

    def __init__(
        self,
        code: int,
        message: str,
        *,
        missing: Sequence[Mapping[str, Any]] | None = None,
        duplicated: Sequence[Mapping[str, Any]] | None = None,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.missing = [dict(m) for m in missing] if missing else None
        self.duplicated = [dict(d) for d in duplicated] if duplicated else None
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        """Return the CDF error body."""
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.missing:
            error["missing"] = self.missing
        if self.duplicated:
            error["duplicated"] = self.duplicated
        error.update(self.extra)
        return {"error": error}


class ConnectionDropped(httpx.RemoteProtocolError):
    """The emulator drops the connection without a response (an injected connection reset).

    Raised out of the ASGI app when the server cannot close the socket itself, and by the in-process transport,
    so that a client sees a transport error like it would over a real network.

    Args:
        message: What happened.
        processed: Whether the request changed state before the connection was dropped.
    """

    def __init__(self, message: str, *, processed: bool) -> None:
        super().__init__(message)
        self.processed = processed
