"""The Events API: events (being built; see the assets family for the pattern)."""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient

__all__ = ["EventsAPI"]


class EventsAPI(APIClient[Any, Any]):
    """Work with events."""
