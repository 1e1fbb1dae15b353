"""The spaces API (``client.data_modeling.spaces``): apply (upsert), retrieve, delete and list spaces."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, overload

from cognite.client._api.data_modeling._schema import SchemaBase, check_bool
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.data_modeling.ids import DataModelingIdentifierSequence
from cognite.client.data_classes.data_modeling.spaces import Space, SpaceApply, SpaceList

__all__ = ["SpacesAPI"]


def _space_ids(spaces: Any) -> DataModelingIdentifierSequence:
    if isinstance(spaces, str):
        return DataModelingIdentifierSequence.load(spaces, id_type="space")
    if not isinstance(spaces, Sequence) or any(not isinstance(s, str) for s in spaces):
        raise TypeError(f"spaces must be a str or a sequence of str, got {spaces!r}")
    return DataModelingIdentifierSequence.load(list(dict.fromkeys(spaces)), id_type="space")


class SpacesAPI(SchemaBase):
    """Apply, retrieve, delete and list spaces.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.spaces.apply([SpaceApply("a"), SpaceApply("b")])
        ...     client.data_modeling.spaces.list().as_ids()
        ['a', 'b']
    """

    _RESOURCE_PATH = "/models/spaces"
    _RESOURCE_CLS = Space
    _LIST_CLS = SpaceList

    @overload
    async def apply(self, spaces: SpaceApply | Space) -> Space: ...
    @overload
    async def apply(self, spaces: Sequence[SpaceApply | Space]) -> SpaceList: ...
    async def apply(self, spaces: SpaceApply | Space | Sequence[SpaceApply | Space]) -> Space | SpaceList:
        """Create or update (upsert) one or more spaces.

        Sent in chunks of 100, chunks concurrently; a space that has not changed keeps its ``last_updated_time``.

        Args:
            spaces: A space (``SpaceApply``; a ``Space`` is applied as its write form) or a sequence of them.

        Returns:
            The applied space, or a list for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     client.data_modeling.spaces.apply(SpaceApply("plant", name="Plant")).name
            'Plant'
        """
        return await self._apply(spaces, (SpaceApply, Space), "spaces")  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, spaces: str) -> Space | None: ...
    @overload
    async def retrieve(self, spaces: SequenceNotStr[str]) -> SpaceList: ...
    async def retrieve(self, spaces: str | SequenceNotStr[str]) -> Space | SpaceList | None:
        """Retrieve one or more spaces by id (spaces that do not exist are left out).

        Args:
            spaces: A space id (gives one space or None) or a sequence of them (gives a list).

        Returns:
            The space (None if it does not exist), or a list for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     client.data_modeling.spaces.retrieve(["plant", "missing"]).as_ids()
            ['plant']
        """
        ids = _space_ids(spaces)
        found = await self._retrieve_items(ids.as_dicts())
        if ids.is_singleton():
            return found[0] if found else None  # type: ignore[no-any-return]
        return found  # type: ignore[no-any-return]

    async def delete(self, spaces: str | SequenceNotStr[str]) -> list[str]:
        """Delete one or more spaces; only empty spaces (no containers, views, data models or instances) can be.

        Args:
            spaces: A space id or a sequence of them.

        Returns:
            The ids of the deleted spaces.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     client.data_modeling.spaces.delete("plant")
            ['plant']
        """
        deleted = await self._delete_items(_space_ids(spaces).as_dicts())
        return [d["space"] for d in deleted]

    async def list(self, limit: int | None = 25, include_global: bool = False) -> SpaceList:
        """List spaces.

        Args:
            limit: Maximum number of spaces (default 25; None, -1 or inf: all).
            include_global: Include the spaces CDF defines (e.g. ``cdf_cdm``).

        Returns:
            The spaces.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     "cdf_cdm" in client.data_modeling.spaces.list(include_global=True).as_ids()
            True
        """
        check_bool(include_global, "include_global")
        return await self._list_schema(limit, {"includeGlobal": include_global})  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Space] | AsyncIterator[SpaceList]:
        """Iterate over spaces lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many spaces (None: one space at a time).
            limit: Maximum number of spaces (None: all).

        Returns:
            An async iterator of spaces or space lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply([SpaceApply(f"s{i}") for i in range(5)])
            ...     [len(chunk) for chunk in client.data_modeling.spaces(chunk_size=2)]
            [2, 2, 1]
        """
        return self._iterate_schema(chunk_size, limit, {})
