"""Notifications of transformations: an email address told when a job of a transformation fails.

Example:
    >>> from cognite.client.data_classes.transformations.notifications import TransformationNotificationWrite
    >>> TransformationNotificationWrite("ops@example.com", transformation_external_id="t1").dump()
    {'destination': 'ops@example.com', 'transformationExternalId': 't1'}
"""

from __future__ import annotations

from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteResourceList,
    InternalIdTransformerMixin,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)

__all__ = [
    "CogniteFilter",
    "CogniteResourceList",
    "InternalIdTransformerMixin",
    "TransformationNotification",
    "TransformationNotificationCore",
    "TransformationNotificationFilter",
    "TransformationNotificationList",
    "TransformationNotificationWrite",
    "TransformationNotificationWriteList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class TransformationNotificationCore(WriteableCogniteResource["TransformationNotificationWrite"]):
    """Base of the read and write forms of a notification (holds no fields of its own)."""


class TransformationNotification(TransformationNotificationCore):
    """A notification subscription, as read from CDF.

    Args:
        id: The id of the notification.
        transformation_id: The id of the transformation.
        transformation_external_id: The external id of the transformation (when it was created with it).
        destination: The email address notified.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
    """

    id: int | None = None
    transformation_id: int | None = None
    transformation_external_id: str | None = None
    destination: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None

    def as_write(self) -> TransformationNotificationWrite:
        """Return the write form of this notification."""
        if self.destination is None:
            raise ValueError("A TransformationNotification needs a destination to be written")
        if self.transformation_id is not None:
            return TransformationNotificationWrite(self.destination, transformation_id=self.transformation_id)
        return TransformationNotificationWrite(
            self.destination, transformation_external_id=self.transformation_external_id
        )


class TransformationNotificationWrite(TransformationNotificationCore):
    """A notification to create: the email address to notify about a transformation (by id or external id).

    Args:
        destination: The email address.
        transformation_id: The id of the transformation.
        transformation_external_id: The external id of the transformation.
    """

    destination: str
    transformation_id: int | None = None
    transformation_external_id: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.destination, str) or not self.destination:
            raise TypeError(f"destination must be a non-empty str, got {self.destination!r}")
        if (self.transformation_id is None) == (self.transformation_external_id is None):
            raise ValueError("Exactly one of transformation_id and transformation_external_id must be given")

    def as_write(self) -> TransformationNotificationWrite:
        """Return this object (it is already the write form)."""
        return self


class TransformationNotificationWriteList(CogniteResourceList[TransformationNotificationWrite]):
    """A list of notifications to create."""

    _RESOURCE = TransformationNotificationWrite


class TransformationNotificationList(
    WriteableCogniteResourceList[TransformationNotificationWrite, TransformationNotification],
    InternalIdTransformerMixin,
):
    """A list of notifications."""

    _RESOURCE = TransformationNotification
    _WRITE_LIST = TransformationNotificationWriteList

    def as_write(self) -> TransformationNotificationWriteList:
        """Return the write form of every notification."""
        return TransformationNotificationWriteList._from_items([n.as_write() for n in self.data], self._cognite_client)


class TransformationNotificationFilter(CogniteFilter):
    """Which notifications to list.

    Args:
        transformation_id: Of the transformation with this id.
        transformation_external_id: Of the transformation with this external id.
        destination: To this email address.
    """

    transformation_id: int | None = None
    transformation_external_id: str | None = None
    destination: str | None = None
