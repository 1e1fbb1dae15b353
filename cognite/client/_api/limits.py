"""The Limits API (alpha): the limit values of a project (``/limits/values``), by ids such as
``atlas.monthly_ai_tokens``."""

from __future__ import annotations

from cognite.client._api._alpha import AlphaAPI
from cognite.client._api_client import check_type
from cognite.client.data_classes.filters import Filter
from cognite.client.data_classes.limits import Limit, LimitList

__all__ = ["LimitsAPI"]


class LimitsAPI(AlphaAPI):
    """Read the limit values of the project.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.limits.retrieve("assets.create_items_per_request").value
        1000
    """

    _RESOURCE_PATH = "/limits/values"
    _RESOURCE_CLS = Limit
    _LIST_CLS = LimitList
    _ID_PROPERTY = "limitId"

    async def retrieve(self, id: str) -> Limit | None:
        """Retrieve a limit value by its id.

        Args:
            id: The limit id: the service name and a service-scoped limit name, e.g. ``atlas.monthly_ai_tokens``.

        Returns:
            The limit, or None if there is no such limit.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.limits.retrieve("no_such.limit") is None
            True
        """
        check_type(id, str, "id")
        if not id:
            raise ValueError("id must be a non-empty str")
        body = await self._alpha_get_one(self._RESOURCE_PATH + "/{id}", id)
        return None if body is None else Limit._load(body, self._cognite_client)

    async def list(self, filter: Filter | None = None, limit: int | None = 25) -> LimitList:
        """List the limit values of the project, optionally those whose id starts with a prefix.

        Args:
            filter: A ``Prefix`` filter on ``limitId`` (the only filter supported), e.g. ``Prefix("limitId", "atlas.")``.
            limit: Maximum number of limits (default 25; None, -1 or inf: all).

        Returns:
            The limits.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.filters import Prefix
            >>> with emulated_client() as client:
            ...     limits = client.limits.list(filter=Prefix("limitId", "datapoints."), limit=None)
            ...     limits.as_ids()[:2]
            ['datapoints.delete_items_per_request', 'datapoints.insert_datapoints_per_request']
        """
        wire_filter = self._prefix_filter(filter)
        items = [item async for page in self._alpha_pages(limit, wire_filter, {}) for item in page]
        return LimitList._load(items, self._cognite_client)  # type: ignore[no-any-return]
