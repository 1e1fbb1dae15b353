"""The Labels API: label definitions (being built; see the assets family for the pattern)."""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient

__all__ = ["LabelsAPI"]


class LabelsAPI(APIClient[Any, Any]):
    """Work with label definitions."""
