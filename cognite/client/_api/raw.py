"""The Raw API: RAW databases, tables and rows (being built; see the assets family for the pattern)."""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient

__all__ = ["RawAPI"]


class RawAPI(APIClient[Any, Any]):
    """Work with RAW databases, tables and rows."""
