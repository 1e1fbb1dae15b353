"""The streams API (``client.data_modeling.streams``): create, retrieve, list and delete the streams records live in.

The endpoints take one stream per request (the spec's ``maxItems`` is 1); several streams are sent as concurrent
requests. Deleting is soft: CDF keeps a deleted stream's capacity for a while.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from cognite.client._api.data_modeling._schema import check_bool, write_items
from cognite.client._api_client import APIClient, resource_path
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.data_modeling.streams import Stream, StreamList, StreamWrite

__all__ = ["StreamsAPI"]


def _stream_ids(external_id: Any) -> list[str]:
    ids = [external_id] if isinstance(external_id, str) else external_id
    if isinstance(ids, bytes | dict) or not isinstance(ids, Sequence) or any(not isinstance(i, str) for i in ids):
        raise TypeError(f"external_id must be a str or a sequence of str, got {external_id!r}")
    if any(not i for i in ids):
        raise ValueError("external_id must not hold empty strings")
    return list(dict.fromkeys(ids))


class StreamsAPI(APIClient[Stream, StreamList]):
    """Create, retrieve, list and delete streams.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.streams.create(StreamWrite.load(
        ...         {"externalId": "logs", "settings": {"template": {"name": "ImmutableTestStream"}}}))
        ...     client.data_modeling.streams.list().as_external_ids()
        ['logs']
    """

    _RESOURCE_PATH = "/streams"
    _RESOURCE_CLS = Stream
    _LIST_CLS = StreamList
    _CATEGORY = "data_modeling"
    _CREATE_LIMIT = 1
    _DELETE_LIMIT = 1

    @overload
    async def create(self, items: StreamWrite) -> Stream: ...
    @overload
    async def create(self, items: Sequence[StreamWrite]) -> StreamList: ...
    async def create(self, items: StreamWrite | Sequence[StreamWrite]) -> Stream | StreamList:
        """Create one or more streams (one request per stream, sent concurrently).

        Args:
            items: A stream to create (StreamWrite; a Stream is created as its write form) or a sequence of them.

        Returns:
            The created stream, or a list for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.streams import (
            ...     StreamTemplate, StreamWrite, StreamWriteSettings)
            >>> with emulated_client() as client:
            ...     client.data_modeling.streams.create(
            ...         StreamWrite("logs", StreamWriteSettings(StreamTemplate("ImmutableTestStream")))).type
            'Immutable'
        """
        values, single = write_items(items, (StreamWrite, Stream), "items")
        if not values:
            return StreamList([], cognite_client=self._cognite_client)
        return await self._create_multiple(values[0] if single else values, input_name="items")  # type: ignore[no-any-return]

    async def retrieve(self, external_id: str, include_statistics: bool = False) -> Stream | None:
        """Retrieve a stream by id.

        Args:
            external_id: The id of the stream.
            include_statistics: Also return how much of its limits the stream uses (``consumed``).

        Returns:
            The stream, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.streams.create(StreamWrite.load(
            ...         {"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}))
            ...     stream = client.data_modeling.streams.retrieve("logs", include_statistics=True)
            ...     stream.settings.limits.max_records_total.consumed, client.data_modeling.streams.retrieve("x")
            (0.0, None)
        """
        check_bool(include_statistics, "include_statistics")
        path = resource_path("/streams/{external_id}", external_id=external_id)
        params = {"includeStatistics": True} if include_statistics else None
        return await self._retrieve(path, params=params)  # type: ignore[no-any-return]

    async def list(self) -> StreamList:
        """List the streams of the project.

        Returns:
            The streams.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.data_modeling.streams.list())
            0
        """
        resp = await self._get(self._RESOURCE_PATH)
        return self._make_list(self._decode_items(resp.content).items)  # type: ignore[no-any-return]

    async def delete(self, external_id: str | SequenceNotStr[str]) -> None:
        """Delete one or more streams (a soft delete; one request per stream, sent concurrently).

        Args:
            external_id: The id of a stream, or a sequence of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.streams.create(StreamWrite.load(
            ...         {"externalId": "logs", "settings": {"template": {"name": "ImmutableTestStream"}}}))
            ...     client.data_modeling.streams.delete("logs")
            ...     client.data_modeling.streams.list().as_external_ids()
            []
        """
        ids = _stream_ids(external_id)
        if ids:
            await self._delete_items([{"externalId": i} for i in ids])
