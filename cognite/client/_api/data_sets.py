"""The Data Sets API: a table of declarations and a few lines per method on the generic verbs.

Data sets cannot be deleted in CDF, so there is no ``delete``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence
from cognite.client.data_classes.data_sets import (
    DataSet,
    DataSetFilter,
    DataSetList,
    DataSetUpdate,
    DataSetWrite,
)
from cognite.client.data_classes.shared import TimestampRange

__all__ = ["DataSetsAPI"]


class DataSetsAPI(APIClient[DataSet, DataSetList]):
    """Create, read and update data sets.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_sets import DataSetWrite
        >>> with emulated_client() as client:
        ...     _ = client.data_sets.create(DataSetWrite(external_id="ds", name="Sensors"))
        ...     client.data_sets.retrieve(external_id="ds").write_protected
        False
    """

    _RESOURCE_PATH = "/datasets"
    _RESOURCE_CLS = DataSet
    _LIST_CLS = DataSetList
    _UPDATE_CLS = DataSetUpdate
    _CREATE_LIMIT = 10
    _RETRIEVE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000

    @staticmethod
    def _filter(
        metadata: dict[str, str] | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
        write_protected: bool | None = None,
    ) -> dict[str, Any]:
        if write_protected is not None and not isinstance(write_protected, bool):
            raise TypeError(f"write_protected must be a bool, not {type(write_protected).__name__}")
        return DataSetFilter(metadata, created_time, last_updated_time, external_id_prefix, write_protected).dump()

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> DataSet | None:
        """Retrieve one data set by id or external id.

        Args:
            id: The id.
            external_id: The external id.

        Returns:
            The data set, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.data_sets.retrieve(id=1) is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=id, external_id=external_id))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: Sequence[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> DataSetList:
        """Retrieve several data sets by ids and/or external ids.

        Args:
            ids: The ids.
            external_ids: The external ids.
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The data sets.

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.data_sets.retrieve_multiple(external_ids=["a"], ignore_unknown_ids=True))
            0
        """
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(
        self,
        metadata: dict[str, str] | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
        write_protected: bool | None = None,
        limit: int | None = 25,
    ) -> DataSetList:
        """List data sets matching the filters.

        Args:
            metadata: Metadata key-value pairs that must all match.
            created_time: Range of creation time (ms), e.g. ``{"min": 0, "max": 1}``.
            last_updated_time: Range of last update time (ms).
            external_id_prefix: Prefix of the external id.
            write_protected: Only write-protected (True) or only unprotected (False) data sets.
            limit: Maximum number of data sets (default 25; None, -1 or inf: all).

        Returns:
            The data sets.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.data_sets.list(write_protected=True, limit=5))
            0
        """
        flt = self._filter(metadata, created_time, last_updated_time, external_id_prefix, write_protected)
        return await self._list(limit=limit, filter=flt)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        metadata: dict[str, str] | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
        write_protected: bool | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[DataSet] | AsyncIterator[DataSetList]:
        """Iterate over data sets lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many data sets (None: one at a time).
            metadata: Metadata key-value pairs that must all match.
            created_time: Range of creation time.
            last_updated_time: Range of last update time.
            external_id_prefix: Prefix of the external id.
            write_protected: Only write-protected (True) or only unprotected (False) data sets.
            limit: Maximum number of data sets (None: all).

        Returns:
            An async iterator of data sets or data set lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for data_set in client.data_sets(external_id_prefix="sensor"):
            ...         pass
        """
        flt = self._filter(metadata, created_time, last_updated_time, external_id_prefix, write_protected)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt)

    async def aggregate_count(self, filter: DataSetFilter | dict[str, Any] | None = None) -> int:
        """Count the data sets matching a filter.

        Args:
            filter: A DataSetFilter, or a dict with camelCase or snake_case keys.

        Returns:
            The count.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.data_sets.aggregate_count(filter={"write_protected": True})
            0
        """
        if filter is not None and not isinstance(filter, DataSetFilter | dict):
            raise TypeError(f"filter must be a DataSetFilter or a dict, not {type(filter).__name__}")
        flt = DataSetFilter.load(filter) if isinstance(filter, dict) else filter
        items = await self._aggregate_raw({"filter": {} if flt is None else flt.dump()})
        return int(items[0]["count"]) if items else 0

    @overload
    async def create(self, data_set: DataSet | DataSetWrite) -> DataSet: ...
    @overload
    async def create(self, data_set: Sequence[DataSet] | Sequence[DataSetWrite]) -> DataSetList: ...
    async def create(
        self, data_set: DataSet | DataSetWrite | Sequence[DataSet] | Sequence[DataSetWrite]
    ) -> DataSet | DataSetList:
        """Create one or more data sets (10 per request, requests sent concurrently).

        Args:
            data_set: A data set or a list of data sets (write or read objects).

        Returns:
            The created data set, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_sets import DataSetWrite
            >>> with emulated_client() as client:
            ...     client.data_sets.create(DataSetWrite(external_id="ds", write_protected=True)).write_protected
            True
        """
        return await self._create_multiple(data_set, write_cls=DataSetWrite, input_name="data_set")  # type: ignore[no-any-return]

    @overload
    async def update(
        self,
        item: DataSet | DataSetWrite | DataSetUpdate,
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> DataSet: ...
    @overload
    async def update(
        self,
        item: Sequence[DataSet | DataSetWrite | DataSetUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> DataSetList: ...
    async def update(
        self,
        item: DataSet | DataSetWrite | DataSetUpdate | Sequence[DataSet | DataSetWrite | DataSetUpdate],
        mode: Literal["replace_ignore_null", "patch", "replace"] = "replace_ignore_null",
    ) -> DataSet | DataSetList:
        """Update one or more data sets, from DataSetUpdate objects or from whole data sets.

        Args:
            item: Data set(s) or DataSetUpdate(s).
            mode: For whole data sets: "replace_ignore_null" (set given fields), "patch" (also add to metadata
                instead of replacing), or "replace" (clear what is not given).

        Returns:
            The updated data set, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_sets import DataSetUpdate, DataSetWrite
            >>> with emulated_client() as client:
            ...     _ = client.data_sets.create(DataSetWrite(external_id="ds"))
            ...     client.data_sets.update(DataSetUpdate(external_id="ds").name.set("Sensors")).name
            'Sensors'
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]
