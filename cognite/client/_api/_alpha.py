"""What the alpha APIs of limits and metering share: the ``cdf-version: 20230101-alpha`` header, lists that are
GET with query parameters or, with a ``prefix`` filter on the id property, POST ``/list`` with a body, paged with a
cursor up to 1000 items per page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any, ClassVar, Literal

from cognite.client._api_client import APIClient, check_limit, resource_path
from cognite.client.data_classes.filters import Filter, Prefix

__all__ = ["ALPHA_HEADERS", "AlphaAPI"]

#: The API version the alpha endpoints are served under.
ALPHA_HEADERS: Mapping[str, str] = {"cdf-version": "20230101-alpha"}


class AlphaAPI(APIClient[Any, Any]):
    """Base of the alpha families: requests carry the alpha version header."""

    _LIST_LIMIT = 1000
    _HEADERS = ALPHA_HEADERS
    #: The property a prefix filter may name (e.g. ``limitId``).
    _ID_PROPERTY: ClassVar[str] = ""

    async def _alpha(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None) -> Any:
        return await self._http.request(
            method, path, json=json, params=params, headers=self._HEADERS, category=self._CATEGORY
        )

    async def _alpha_get_one(self, template: str, ident: str, params: dict[str, Any] | None = None) -> Any:
        """GET ``template`` with the id filled in; the JSON body, or None when CDF says it does not exist."""
        from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError

        try:
            resp = await self._alpha("GET", resource_path(template, id=ident), params=params)
        except CogniteAPIError as err:
            if err.code == 404 or isinstance(err, CogniteNotFoundError):
                return None
            raise
        return resp.json()

    def _prefix_filter(self, filter: Filter | None) -> dict[str, Any] | None:
        """The wire form of a ``Prefix`` filter on the id property (the only filter these APIs take)."""
        if filter is None:
            return None
        if not isinstance(filter, Prefix):
            raise TypeError(f"filter must be a Prefix filter on {self._ID_PROPERTY!r}, not {type(filter).__name__}")
        dumped: dict[str, Any] = filter.dump()
        if dumped["prefix"]["property"] != [self._ID_PROPERTY]:
            raise ValueError(f"filter: only Prefix filters on {self._ID_PROPERTY!r} are supported")
        return dumped

    def _alpha_pages(
        self, limit: int | None, filter: dict[str, Any] | None, extra: dict[str, Any]
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Pages of raw items up to ``limit`` (None: all): GET, or POST ``/list`` when there is a filter."""
        method: Literal["GET", "POST"] = "GET" if filter is None else "POST"
        return self._pages(check_limit(limit), filter, method, None, extra, None, dict)
