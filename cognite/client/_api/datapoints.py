"""The Datapoints API: datapoints of time series (client.time_series.data) (being built)."""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient

__all__ = ["DatapointsAPI"]


class DatapointsAPI(APIClient[Any, Any]):
    """Work with datapoints of time series (client.time_series.data)."""
