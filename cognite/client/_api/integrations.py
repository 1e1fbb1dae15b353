"""The Integrations API: on-premises extractors registered in CDF (``/integrations``), keyed by external id, and
the errors their extractors report (``/integrations/errors``).

A table on the generic verbs: GET lists with a cursor (100 per page), ``/byids`` retrieval and deletes of 100 per
request, creates and updates of 20 per request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_limit, check_type
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.integrations import (
    Integration,
    IntegrationError,
    IntegrationErrorList,
    IntegrationList,
    IntegrationUpdate,
    IntegrationWrite,
)
from cognite.client.utils._time import timestamp_to_ms

__all__ = ["IntegrationErrorsAPI", "IntegrationsAPI"]


def _time(value: int | str | datetime | None, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str | datetime):
        raise TypeError(f"{name} must be ms since epoch, a datetime or a time string, not {type(value).__name__}")
    return timestamp_to_ms(value)


class IntegrationErrorsAPI(APIClient[IntegrationError, IntegrationErrorList]):
    """The errors extractors of integrations reported.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     len(client.integrations.errors.list(external_id="plant-1"))
        0
    """

    _RESOURCE_PATH = "/integrations/errors"
    _RESOURCE_CLS = IntegrationError
    _LIST_CLS = IntegrationErrorList
    _LIST_LIMIT = 100

    async def list(
        self,
        external_id: str | None = None,
        task: str | None = None,
        min_start_time: int | str | datetime | None = None,
        max_end_time: int | str | datetime | None = None,
        limit: int | None = 25,
    ) -> IntegrationErrorList:
        """List the errors reported by extractors, newest filters first applied by CDF.

        Args:
            external_id: Only the errors of this integration.
            task: Only the errors of this task (needs ``external_id``).
            min_start_time: Only errors that started at or after this time (ms, datetime or e.g. ``"2d-ago"``).
            max_end_time: Only errors that ended at or before this time (ms, datetime or e.g. ``"now"``).
            limit: Maximum number of errors (default 25; None, -1 or inf: all).

        Returns:
            The errors.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.integrations import Extractor, IntegrationWrite
            >>> with emulated_client() as client:
            ...     _ = client.integrations.create(IntegrationWrite("plant-1", Extractor("my-extractor")))
            ...     _ = client.post("/integrations/checkin", json={"externalId": "plant-1", "errors": [
            ...         {"level": "error", "description": "lost connection", "startTime": 1000}]})
            ...     [e.description for e in client.integrations.errors.list(external_id="plant-1", min_start_time=0)]
            ['lost connection']
        """
        check_type(external_id, str, "external_id")
        check_type(task, str, "task")
        if task is not None and external_id is None:
            raise ValueError("task: listing the errors of a task needs external_id (the integration)")
        params = {
            "externalId": external_id,
            "task": task,
            "minStartTime": _time(min_start_time, "min_start_time"),
            "maxEndTime": _time(max_end_time, "max_end_time"),
        }
        check_limit(limit)
        filter_ = {k: v for k, v in params.items() if v is not None}
        return await self._list(limit=limit, method="GET", filter=filter_)  # type: ignore[no-any-return]


class IntegrationsAPI(APIClient[Integration, IntegrationList]):
    """Create, read, update and delete integrations (on-premises extractors registered in CDF).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.integrations import Extractor, IntegrationWrite
        >>> with emulated_client() as client:
        ...     _ = client.integrations.create(IntegrationWrite("plant-1", Extractor("my-extractor", "1.0.0")))
        ...     client.integrations.retrieve("plant-1").extractor.version
        '1.0.0'
    """

    _RESOURCE_PATH = "/integrations"
    _RESOURCE_CLS = Integration
    _LIST_CLS = IntegrationList
    _UPDATE_CLS = IntegrationUpdate
    _CREATE_LIMIT = 20
    _UPDATE_LIMIT = 20
    _RETRIEVE_LIMIT = 100
    _DELETE_LIMIT = 100
    _LIST_LIMIT = 100

    errors: LazyAPI[IntegrationErrorsAPI] = LazyAPI("cognite.client._api.integrations:IntegrationErrorsAPI")

    @overload
    async def create(self, integration: IntegrationWrite | Integration) -> Integration: ...
    @overload
    async def create(self, integration: Sequence[IntegrationWrite | Integration]) -> IntegrationList: ...
    async def create(
        self, integration: IntegrationWrite | Integration | Sequence[IntegrationWrite | Integration]
    ) -> Integration | IntegrationList:
        """Create one or more integrations (20 per request, requests sent concurrently).

        Args:
            integration: An integration or a list of them (write or read objects).

        Returns:
            The created integration, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.integrations import Extractor, IntegrationWrite
            >>> with emulated_client() as client:
            ...     created = client.integrations.create(IntegrationWrite("plant-1", Extractor("x"), name="Plant 1"))
            ...     created.name, created.created_time > 0
            ('Plant 1', True)
        """
        single = not isinstance(integration, Sequence)
        for item in [integration] if single else integration:  # type: ignore[union-attr]
            if not isinstance(item, IntegrationWrite | Integration):
                raise TypeError(
                    f"integration must be an IntegrationWrite (or a list of them), not {type(item).__name__}"
                )
        wire: Any = (
            integration.as_write().dump()  # type: ignore[union-attr]
            if single
            else [i.as_write().dump() for i in integration]  # type: ignore[union-attr]
        )
        return await self._create_multiple(wire, input_name="integration")  # type: ignore[no-any-return]

    @overload
    async def retrieve(self, external_id: str, ignore_unknown_ids: bool = False) -> Integration | None: ...
    @overload
    async def retrieve(self, external_id: SequenceNotStr[str], ignore_unknown_ids: bool = False) -> IntegrationList: ...
    async def retrieve(
        self, external_id: str | SequenceNotStr[str], ignore_unknown_ids: bool = False
    ) -> Integration | IntegrationList | None:
        """Retrieve one or more integrations by external id.

        Args:
            external_id: One external id (gives the integration or None) or a list of them (gives a list).
            ignore_unknown_ids: Leave out external ids that do not exist instead of raising.

        Returns:
            The integration (None if it does not exist), or a list for a list.

        Raises:
            CogniteNotFoundError: Some external ids do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.integrations.retrieve("missing") is None
            True
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(external_ids=external_id)
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def delete(self, external_id: str | SequenceNotStr[str], ignore_unknown_ids: bool = False) -> None:
        """Delete one or more integrations.

        Args:
            external_id: The external id(s).
            ignore_unknown_ids: Do not raise for external ids that do not exist.

        Raises:
            CogniteNotFoundError: Some external ids do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.integrations.delete("missing", ignore_unknown_ids=True)
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(external_ids=external_id)
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)

    @overload
    async def update(self, item: IntegrationUpdate | IntegrationWrite | Integration) -> Integration: ...
    @overload
    async def update(self, item: Sequence[IntegrationUpdate | IntegrationWrite | Integration]) -> IntegrationList: ...
    async def update(
        self,
        item: IntegrationUpdate
        | IntegrationWrite
        | Integration
        | Sequence[IntegrationUpdate | IntegrationWrite | Integration],
    ) -> Integration | IntegrationList:
        """Update one or more integrations: name, description, documentation, metadata, allowed_not_seen_minutes.

        Args:
            item: IntegrationUpdate(s), or whole integrations (what they hold is set; None fields are left as they
                are).

        Returns:
            The updated integration, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.integrations import Extractor, IntegrationUpdate, IntegrationWrite
            >>> with emulated_client() as client:
            ...     _ = client.integrations.create(IntegrationWrite("plant-1", Extractor("x")))
            ...     client.integrations.update(IntegrationUpdate("plant-1").name.set("Plant one")).name
            'Plant one'
        """
        for entry in item if isinstance(item, Sequence) else [item]:
            if not isinstance(entry, IntegrationUpdate | IntegrationWrite | Integration):
                raise TypeError(f"item must be an IntegrationUpdate (or a list of them), not {type(entry).__name__}")
        return await self._update_multiple(item)  # type: ignore[no-any-return]

    async def list(self, limit: int | None = 25) -> IntegrationList:
        """List integrations.

        Args:
            limit: Maximum number of integrations (default 25; None, -1 or inf: all).

        Returns:
            The integrations.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.integrations.list(limit=None))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, limit: int | None = None
    ) -> AsyncIterator[Integration] | AsyncIterator[IntegrationList]:
        """Iterate over integrations lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many integrations (None: one at a time).
            limit: Maximum number of integrations (None: all).

        Returns:
            An async iterator of integrations or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [i.external_id for i in client.integrations()]
            []
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")
