"""Principals (``client.iam.principals``): the users and service accounts of the project's organization.

These routes are served by the organization API, not the cluster: ``https://auth.cognite.com/api/v1/principals/me``
and ``.../api/v1/orgs/{org}/principals``. The organization is the one the project belongs to (asked once, from
``GET /api/v1/projects/{project}`` on the cluster). A client whose base URL is on the loopback interface (a local CDF
such as the emulator) sends these requests to its base URL instead, so nothing leaves the machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast
from urllib.parse import urlsplit

import msgspec

from cognite.client._api_client import APIClient, IdentifierSequence, check_limit, chunks
from cognite.client._concurrency import execute, raise_if_failed
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.principals import Principal, PrincipalList

__all__ = ["PrincipalsAPI"]

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_PRINCIPAL_TYPES = ("USER", "SERVICE_ACCOUNT")


class PrincipalsAPI(APIClient[Principal, PrincipalList]):
    """Read the principals (users and service accounts) of the organization.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.iam.principals.me().name
        'Emulated User'
    """

    #: Where the organization API is served.
    _AUTH_URL = "https://auth.cognite.com"
    _RETRIEVE_LIMIT = 100
    _LIST_LIMIT = 100

    def __init__(self, cognite_client: Any, http: Any) -> None:
        super().__init__(cognite_client, http)
        self._org: str | None = None

    @property
    def _auth_url(self) -> str:
        base_url = self._cognite_client.config.base_url
        if urlsplit(base_url).hostname in _LOOPBACK:
            return str(base_url)
        return self._AUTH_URL

    async def _org_url(self) -> str:
        if self._org is None:
            config = self._cognite_client.config
            resp = await self._get(f"{config.base_url}/api/v1/projects/{config.project}")
            org = msgspec.json.decode(resp.content).get("organization")
            if not isinstance(org, str) or not org:
                from cognite.client.exceptions import CogniteAPIError

                raise CogniteAPIError(f"Project {config.project!r} does not say which organization it belongs to", 0)
            self._org = org
        return f"{self._auth_url}/api/v1/orgs/{self._org}"

    async def me(self) -> Principal:
        """Retrieve the principal of the caller (the identity the client runs as).

        Returns:
            The principal.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     type(client.iam.principals.me()).__name__
            'UserPrincipal'
        """
        resp = await self._get(f"{self._auth_url}/api/v1/principals/me")
        principal: Principal = Principal.load(msgspec.json.decode(resp.content), self._cognite_client)
        return principal

    async def list(self, types: str | Sequence[str] | None = None, limit: int | None = 25) -> PrincipalList:
        """List the principals of the organization.

        Args:
            types: Only principals of these types: "USER", "SERVICE_ACCOUNT" (default: all).
            limit: Maximum number of principals (default 25; None, -1 or inf: all).

        Returns:
            The principals.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.iam.principals.list(types="USER").as_ids()
            ['emulated-user-00000000']
        """
        type_list = [types] if isinstance(types, str) else list(types or [])
        for t in type_list:
            if t not in _PRINCIPAL_TYPES:
                raise ValueError(f"types must be among {list(_PRINCIPAL_TYPES)}, got {t!r}")
        max_items = check_limit(limit)
        url = await self._org_url() + "/principals"
        out: list[Principal] = []
        cursor: str | None = None
        while max_items is None or len(out) < max_items:
            page_limit = self._LIST_LIMIT if max_items is None else min(self._LIST_LIMIT, max_items - len(out))
            params: dict[str, Any] = {"limit": page_limit, "types": type_list or None, "cursor": cursor}
            page = msgspec.json.decode((await self._get(url, params=params)).content)
            items = [Principal.load(p) for p in page.get("items", [])]
            out.extend(items)
            cursor = (page.get("nextCursor") or {}).get("cursor")
            if not cursor or not items:
                break
        return PrincipalList._from_items(out[:max_items] if max_items is not None else out, self._cognite_client)

    async def retrieve(
        self,
        id: str | SequenceNotStr[str] | None = None,
        external_id: str | SequenceNotStr[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> Principal | PrincipalList | None:
        """Retrieve principals by id (users and service accounts) or external id (service accounts).

        Args:
            id: One id or a list.
            external_id: One external id or a list.
            ignore_unknown_ids: With lists: leave out principals that do not exist instead of raising.

        Returns:
            One principal (None if it does not exist) for one identifier, otherwise a list.

        Raises:
            CogniteAPIError: Some principals of a list do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.iam.principals.retrieve(id="emulated-user-00000000").name
            'Emulated User'
        """
        if id is None and external_id is None:
            raise ValueError("Give id and/or external_id")
        seq = IdentifierSequence()
        if id is not None:
            ids = IdentifierSequence.load_keys(cast("str | Sequence[str]", id), "id", "id")
            seq._items += ids.as_dicts()
            seq.is_singleton = ids.is_singleton
        if external_id is not None:
            xids = IdentifierSequence.load_keys(cast("str | Sequence[str]", external_id), "externalId", "external_id")
            seq._items += xids.as_dicts()
            seq.is_singleton = xids.is_singleton and id is None
        single = seq.is_singleton
        url = await self._org_url() + "/principals/byids"
        id_chunks = chunks(seq.as_dicts(), self._RETRIEVE_LIMIT)

        def task(chunk: Sequence[dict[str, Any]]) -> Any:
            async def run() -> list[Principal]:
                body = {"items": list(chunk), "ignoreUnknownIds": True if single else ignore_unknown_ids}
                page = msgspec.json.decode((await self._post(url, json=body)).content)
                return [Principal.load(p) for p in page.get("items", [])]

            return run

        outcome = await execute([task(c) for c in id_chunks], self._max_workers("read"))
        raise_if_failed(outcome, [list(c) for c in id_chunks])
        found = [p for page in outcome.values() for p in page]
        if single:
            return found[0] if found else None
        return PrincipalList._from_items(found, self._cognite_client)
