"""The DataSets API: data sets (being built; see the assets family for the pattern)."""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient

__all__ = ["DataSetsAPI"]


class DataSetsAPI(APIClient[Any, Any]):
    """Work with data sets."""
