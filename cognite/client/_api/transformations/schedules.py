"""Transformation schedules: run a transformation on a cron interval (one schedule per transformation)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Literal, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_type
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.transformations.schedules import (
    TransformationSchedule,
    TransformationScheduleList,
    TransformationScheduleUpdate,
    TransformationScheduleWrite,
)

__all__ = ["TransformationSchedulesAPI"]

UpdateMode = Literal["replace_ignore_null", "patch", "replace"]


class TransformationSchedulesAPI(APIClient[TransformationSchedule, TransformationScheduleList]):
    """Schedules of transformations, identified by the transformation's id or external id.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.transformations import (
        ...     TransformationDestination, TransformationScheduleWrite, TransformationWrite)
        >>> with emulated_client() as client:
        ...     _ = client.transformations.create(TransformationWrite("t1", "T", destination=TransformationDestination.assets()))
        ...     _ = client.transformations.schedules.create(TransformationScheduleWrite("0 * * * *", external_id="t1"))
        ...     client.transformations.schedules.retrieve(external_id="t1").interval
        '0 * * * *'
    """

    _RESOURCE_PATH = "/transformations/schedules"
    _RESOURCE_CLS = TransformationSchedule
    _LIST_CLS = TransformationScheduleList
    _UPDATE_CLS = TransformationScheduleUpdate
    _CREATE_LIMIT = 1000
    _RETRIEVE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    @overload
    async def create(
        self, schedule: TransformationSchedule | TransformationScheduleWrite
    ) -> TransformationSchedule: ...
    @overload
    async def create(
        self, schedule: Sequence[TransformationSchedule] | Sequence[TransformationScheduleWrite]
    ) -> TransformationScheduleList: ...
    async def create(
        self,
        schedule: TransformationSchedule
        | TransformationScheduleWrite
        | Sequence[TransformationSchedule]
        | Sequence[TransformationScheduleWrite],
    ) -> TransformationSchedule | TransformationScheduleList:
        """Schedule one or more transformations.

        Args:
            schedule: A schedule or a list of them (write or read objects).

        Returns:
            The created schedule, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import (
            ...     TransformationDestination, TransformationScheduleWrite, TransformationWrite)
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create(TransformationWrite("t1", "T", destination=TransformationDestination.assets()))
            ...     client.transformations.schedules.create(
            ...         TransformationScheduleWrite("0 6 * * *", external_id="t1", is_paused=True)).is_paused
            True
        """
        return await self._create_multiple(  # type: ignore[no-any-return]
            schedule, write_cls=TransformationScheduleWrite, input_name="schedule"
        )

    async def retrieve(self, id: int | None = None, external_id: str | None = None) -> TransformationSchedule | None:
        """Retrieve the schedule of a transformation by its id or external id.

        Args:
            id: The id of the transformation.
            external_id: The external id of the transformation.

        Returns:
            The schedule, or None if there is none.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.transformations.schedules.retrieve(id=1) is None
            True
        """
        return await self._retrieve_multiple(IdentifierSequence.load_one(id=id, external_id=external_id))  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: SequenceNotStr[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> TransformationScheduleList:
        """Retrieve the schedules of several transformations.

        Args:
            ids: Ids of the transformations.
            external_ids: External ids of the transformations.
            ignore_unknown_ids: Leave out identifiers without a schedule instead of raising.

        Returns:
            The schedules.

        Raises:
            CogniteNotFoundError: Some identifiers have no schedule (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.transformations.schedules.retrieve_multiple(ids=[1], ignore_unknown_ids=True))
            0
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(ids=ids, external_ids=external_ids)
        identifiers.is_singleton = False
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    async def list(self, include_public: bool = True, limit: int | None = 25) -> TransformationScheduleList:
        """List schedules.

        Args:
            include_public: Include schedules of public transformations, not only of the caller's own.
            limit: Maximum number of schedules (default 25; None, -1 or inf: all).

        Returns:
            The schedules.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.transformations.schedules.list())
            0
        """
        check_type(include_public, bool, "include_public")
        return await self._list(limit=limit, method="GET", filter={"includePublic": include_public})  # type: ignore[no-any-return]

    def __call__(
        self, chunk_size: int | None = None, include_public: bool = True, limit: int | None = None
    ) -> AsyncIterator[TransformationSchedule] | AsyncIterator[TransformationScheduleList]:
        """Iterate over schedules lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many schedules (None: one at a time).
            include_public: Include schedules of public transformations.
            limit: Maximum number of schedules (None: all).

        Returns:
            An async iterator of schedules or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for schedule in client.transformations.schedules():
            ...         pass
        """
        check_type(include_public, bool, "include_public")
        return self._list_generator(
            chunk_size=chunk_size, limit=limit, method="GET", filter={"includePublic": include_public}
        )

    @overload
    async def update(
        self,
        item: TransformationSchedule | TransformationScheduleWrite | TransformationScheduleUpdate,
        mode: UpdateMode = ...,
    ) -> TransformationSchedule: ...
    @overload
    async def update(
        self,
        item: Sequence[TransformationSchedule | TransformationScheduleWrite | TransformationScheduleUpdate],
        mode: UpdateMode = ...,
    ) -> TransformationScheduleList: ...
    async def update(
        self,
        item: TransformationSchedule
        | TransformationScheduleWrite
        | TransformationScheduleUpdate
        | Sequence[TransformationSchedule | TransformationScheduleWrite | TransformationScheduleUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> TransformationSchedule | TransformationScheduleList:
        """Update one or more schedules (interval, paused).

        Args:
            item: Schedule(s) or TransformationScheduleUpdate(s).
            mode: For whole schedules: "replace_ignore_null", "patch" or "replace".

        Returns:
            The updated schedule, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import (
            ...     TransformationDestination, TransformationScheduleUpdate, TransformationScheduleWrite, TransformationWrite)
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create(TransformationWrite("t1", "T", destination=TransformationDestination.assets()))
            ...     _ = client.transformations.schedules.create(TransformationScheduleWrite("0 * * * *", external_id="t1"))
            ...     client.transformations.schedules.update(
            ...         TransformationScheduleUpdate(external_id="t1").is_paused.set(True)).is_paused
            True
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    async def delete(
        self,
        id: int | Sequence[int] | None = None,
        external_id: str | SequenceNotStr[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> None:
        """Unschedule one or more transformations.

        Args:
            id: Id(s) of the transformations.
            external_id: External id(s) of the transformations.
            ignore_unknown_ids: Ignore identifiers without a schedule instead of raising.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.transformations.schedules.delete(id=[1], ignore_unknown_ids=True)
        """
        check_type(ignore_unknown_ids, bool, "ignore_unknown_ids")
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)
