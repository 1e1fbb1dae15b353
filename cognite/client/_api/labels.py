"""The Labels API: label definitions, identified by external id only (no internal ids, no update)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, overload

from cognite.client._api_client import APIClient, IdentifierSequence, identifier_dicts
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.labels import (
    LabelDefinition,
    LabelDefinitionFilter,
    LabelDefinitionList,
    LabelDefinitionWrite,
)

__all__ = ["LabelsAPI"]


class LabelsAPI(APIClient[LabelDefinition, LabelDefinitionList]):
    """Create, read and delete label definitions (attach labels to assets, files and relationships).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes import LabelDefinitionWrite
        >>> with emulated_client() as client:
        ...     _ = client.labels.create(LabelDefinitionWrite(external_id="PUMP", name="Pump"))
        ...     client.labels.retrieve(external_id="PUMP").name
        'Pump'
    """

    _RESOURCE_PATH = "/labels"
    _RESOURCE_CLS = LabelDefinition
    _LIST_CLS = LabelDefinitionList
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    @staticmethod
    def _filter(
        name: str | None,
        external_id_prefix: str | None,
        data_set_ids: int | Sequence[int] | None,
        data_set_external_ids: str | Sequence[str] | None,
    ) -> dict[str, Any]:
        data_sets = identifier_dicts(data_set_ids, data_set_external_ids, "data_set_ids", "data_set_external_ids")
        return LabelDefinitionFilter(name=name, external_id_prefix=external_id_prefix, data_set_ids=data_sets).dump()

    @overload
    async def retrieve(self, external_id: str, ignore_unknown_ids: bool = False) -> LabelDefinition | None: ...
    @overload
    async def retrieve(
        self, external_id: SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> LabelDefinitionList: ...
    async def retrieve(
        self, external_id: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> LabelDefinition | LabelDefinitionList | None:
        """Retrieve one or more label definitions by external id.

        Args:
            external_id: One external id (gives one label definition or None) or a list (gives a list).
            ignore_unknown_ids: With a list: leave out external ids that do not exist instead of raising.

        Returns:
            The label definition (None if it does not exist), or a list for a list.

        Raises:
            CogniteNotFoundError: Some external ids of a list do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.labels.retrieve(external_id="missing", ignore_unknown_ids=True) is None
            True
        """
        identifiers = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(
        self,
        name: str | None = None,
        external_id_prefix: str | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        limit: int | None = 25,
    ) -> LabelDefinitionList:
        """List label definitions matching the filters.

        Args:
            name: Exact name.
            external_id_prefix: Prefix of the external id.
            data_set_ids: Only label definitions in these data sets (ids).
            data_set_external_ids: Only label definitions in these data sets (external ids).
            limit: Maximum number of label definitions (default 25; None, -1 or inf: all).

        Returns:
            The label definitions.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.labels.list(external_id_prefix="PU", limit=5))
            0
        """
        flt = self._filter(name, external_id_prefix, data_set_ids, data_set_external_ids)
        return await self._list(limit=limit, filter=flt)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        name: str | None = None,
        external_id_prefix: str | None = None,
        limit: int | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
    ) -> AsyncIterator[LabelDefinition] | AsyncIterator[LabelDefinitionList]:
        """Iterate over label definitions lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many label definitions (None: one at a time).
            name: Exact name.
            external_id_prefix: Prefix of the external id.
            limit: Maximum number of label definitions (None: all).
            data_set_ids: Only label definitions in these data sets (ids).
            data_set_external_ids: Only label definitions in these data sets (external ids).

        Returns:
            An async iterator of label definitions or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for label in client.labels(external_id_prefix="PU"):
            ...         pass
        """
        flt = self._filter(name, external_id_prefix, data_set_ids, data_set_external_ids)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt)

    @overload
    async def create(self, label: LabelDefinition | LabelDefinitionWrite) -> LabelDefinition: ...
    @overload
    async def create(
        self, label: Sequence[LabelDefinition] | Sequence[LabelDefinitionWrite]
    ) -> LabelDefinitionList: ...
    async def create(
        self,
        label: LabelDefinition | LabelDefinitionWrite | Sequence[LabelDefinition] | Sequence[LabelDefinitionWrite],
    ) -> LabelDefinition | LabelDefinitionList:
        """Create one or more label definitions (chunked by the API limit, chunks sent concurrently).

        Args:
            label: A label definition or a list of them (write or read objects).

        Returns:
            The created label definition, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import LabelDefinitionWrite
            >>> with emulated_client() as client:
            ...     client.labels.create([LabelDefinitionWrite("PUMP", "Pump")]).as_external_ids()
            ['PUMP']
        """
        return await self._create_multiple(label, write_cls=LabelDefinitionWrite, input_name="label")  # type: ignore[no-any-return]

    async def delete(self, external_id: str | SequenceNotStr[str] | None = None) -> None:
        """Delete one or more label definitions (resources keep the labels attached to them).

        Args:
            external_id: The external id(s) to delete.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import LabelDefinitionWrite
            >>> with emulated_client() as client:
            ...     _ = client.labels.create(LabelDefinitionWrite("PUMP", "Pump"))
            ...     client.labels.delete(external_id="PUMP")
        """
        identifiers = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)
