"""The data modeling APIs (``client.data_modeling``): spaces, containers, views, data models and instances.

Each sub-API is a family of its own, declared in a module of this package; this class only composes them.
"""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient

__all__ = ["DataModelingAPI"]


class DataModelingAPI(APIClient[Any, Any]):
    """Work with data modeling: spaces, containers, views, data models and instances.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     api = client.data_modeling
    """

    _CATEGORY = "data_modeling"
