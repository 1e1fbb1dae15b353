"""Transformation notifications: email addresses told when jobs of a transformation fail."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, overload

from cognite.client._api_client import APIClient, IdentifierSequence, check_type
from cognite.client.data_classes.transformations.notifications import (
    TransformationNotification,
    TransformationNotificationList,
    TransformationNotificationWrite,
)

__all__ = ["TransformationNotificationsAPI"]


def _filter(transformation_id: Any, transformation_external_id: Any, destination: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if transformation_id is not None:
        if isinstance(transformation_id, bool) or not isinstance(transformation_id, int):
            raise TypeError(f"transformation_id must be an int, got {transformation_id!r}")
        out["transformationId"] = transformation_id
    if transformation_external_id is not None:
        out["transformationExternalId"] = check_type(transformation_external_id, str, "transformation_external_id")
    if destination is not None:
        out["destination"] = check_type(destination, str, "destination")
    return out


class TransformationNotificationsAPI(APIClient[TransformationNotification, TransformationNotificationList]):
    """Notification subscriptions of transformations.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.transformations import (
        ...     TransformationDestination, TransformationNotificationWrite, TransformationWrite)
        >>> with emulated_client() as client:
        ...     t = client.transformations.create(TransformationWrite("t1", "T", destination=TransformationDestination.assets()))
        ...     _ = client.transformations.notifications.create(
        ...         TransformationNotificationWrite("ops@example.com", transformation_external_id="t1"))
        ...     [n.transformation_id == t.id for n in client.transformations.notifications.list()]
        [True]
    """

    _RESOURCE_PATH = "/transformations/notifications"
    _RESOURCE_CLS = TransformationNotification
    _LIST_CLS = TransformationNotificationList
    _CREATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    @overload
    async def create(
        self, notification: TransformationNotification | TransformationNotificationWrite
    ) -> TransformationNotification: ...
    @overload
    async def create(
        self, notification: Sequence[TransformationNotification] | Sequence[TransformationNotificationWrite]
    ) -> TransformationNotificationList: ...
    async def create(
        self,
        notification: TransformationNotification
        | TransformationNotificationWrite
        | Sequence[TransformationNotification]
        | Sequence[TransformationNotificationWrite],
    ) -> TransformationNotification | TransformationNotificationList:
        """Subscribe email addresses to failures of transformations.

        Args:
            notification: A notification or a list of them (write or read objects).

        Returns:
            The created notification, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import (
            ...     TransformationDestination, TransformationNotificationWrite, TransformationWrite)
            >>> with emulated_client() as client:
            ...     t = client.transformations.create(TransformationWrite("t1", "T", destination=TransformationDestination.assets()))
            ...     client.transformations.notifications.create(
            ...         TransformationNotificationWrite("ops@example.com", transformation_id=t.id)).destination
            'ops@example.com'
        """
        return await self._create_multiple(  # type: ignore[no-any-return]
            notification, write_cls=TransformationNotificationWrite, input_name="notification"
        )

    async def list(
        self,
        transformation_id: int | None = None,
        transformation_external_id: str | None = None,
        destination: str | None = None,
        limit: int | None = 25,
    ) -> TransformationNotificationList:
        """List notifications: of a transformation, or to an email address.

        Args:
            transformation_id: Of the transformation with this id.
            transformation_external_id: Of the transformation with this external id.
            destination: To this email address.
            limit: Maximum number of notifications (default 25; None, -1 or inf: all).

        Returns:
            The notifications.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.transformations.notifications.list(destination="ops@example.com"))
            0
        """
        flt = _filter(transformation_id, transformation_external_id, destination)
        return await self._list(limit=limit, method="GET", filter=flt)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        transformation_id: int | None = None,
        transformation_external_id: str | None = None,
        destination: str | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[TransformationNotification] | AsyncIterator[TransformationNotificationList]:
        """Iterate over notifications lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many notifications (None: one at a time).
            transformation_id: Of the transformation with this id.
            transformation_external_id: Of the transformation with this external id.
            destination: To this email address.
            limit: Maximum number of notifications (None: all).

        Returns:
            An async iterator of notifications or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for notification in client.transformations.notifications():
            ...         pass
        """
        flt = _filter(transformation_id, transformation_external_id, destination)
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET", filter=flt)

    async def delete(self, id: int | Sequence[int] | None = None) -> None:
        """Delete one or more notifications.

        Args:
            id: Id(s) of the notifications.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import (
            ...     TransformationDestination, TransformationNotificationWrite, TransformationWrite)
            >>> with emulated_client() as client:
            ...     _ = client.transformations.create(TransformationWrite("t1", "T", destination=TransformationDestination.assets()))
            ...     n = client.transformations.notifications.create(
            ...         TransformationNotificationWrite("ops@example.com", transformation_external_id="t1"))
            ...     client.transformations.notifications.delete(id=n.id)
            ...     len(client.transformations.notifications.list())
            0
        """
        if id is None:
            raise ValueError("id must be given")
        identifiers = IdentifierSequence(ids=id, id_name="id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)
