"""Request and response bodies other than JSON, for family routes that take or give them (e.g. protobuf datapoints).

- :class:`BinaryBody`: what a family route receives instead of a decoded JSON object when the request's
  ``Content-Type`` is a binary media type (``application/protobuf``, ``application/octet-stream``).
- :class:`Negotiated`: what a family route may answer instead of a JSON payload: the JSON form plus alternative
  encodings; the emulator picks by the request's ``Accept`` header (JSON when nothing else matches).
- :class:`RawContent`: what a family route answers for an endpoint that gives bytes (e.g. 3D files): sent as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

__all__ = ["BINARY_MEDIA_TYPES", "BinaryBody", "Negotiated", "RawContent"]

#: Request media types handed to family routes as raw bytes.
BINARY_MEDIA_TYPES = frozenset({"application/protobuf", "application/x-protobuf", "application/octet-stream"})


class BinaryBody(NamedTuple):
    """A request body that is not JSON (already decompressed).

    Args:
        content_type: The media type, e.g. ``"application/protobuf"``.
        content: The bytes.
    """

    content_type: str
    content: bytes


class RawContent(NamedTuple):
    """A response body that is bytes, not JSON (the spec documents no JSON body for it).

    Args:
        content_type: The media type it is sent with.
        content: The bytes.
    """

    content_type: str
    content: bytes


class Negotiated:
    """A response payload with alternative encodings, chosen by the request's ``Accept`` header.

    Args:
        json: Builds the JSON payload (called only when JSON is sent, or to validate against the spec).
        alternatives: Media type -> builds the encoded body, e.g. ``{"application/protobuf": encode}``.
    """

    def __init__(self, json: Callable[[], Any], alternatives: Mapping[str, Callable[[], bytes]]) -> None:
        self._json = json
        self.alternatives = dict(alternatives)

    def json(self) -> Any:
        """The JSON payload."""
        return self._json()

    def choose(self, accept: str) -> tuple[str, bytes] | None:
        """The first alternative the ``Accept`` header names, encoded; None for JSON.

        Args:
            accept: The ``Accept`` header (media types separated by commas; parameters are ignored).

        Returns:
            ``(media type, body)``, or None.
        """
        for part in accept.split(","):
            media = part.split(";", 1)[0].strip().lower()
            build = self.alternatives.get(media)
            if build is not None:
                return media, build()
        return None
