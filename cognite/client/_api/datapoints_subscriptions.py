"""The DatapointsSubscription API: datapoint subscriptions (client.time_series.subscriptions) (being built)."""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient

__all__ = ["DatapointsSubscriptionAPI"]


class DatapointsSubscriptionAPI(APIClient[Any, Any]):
    """Work with datapoint subscriptions (client.time_series.subscriptions)."""
