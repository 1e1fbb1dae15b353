"""Schedules of transformations: a cron interval on which a transformation runs, by the transformation's identifiers.

Example:
    >>> from cognite.client.data_classes.transformations.schedules import (
    ...     TransformationScheduleUpdate, TransformationScheduleWrite)
    >>> TransformationScheduleWrite("0 * * * *", external_id="t1").dump()
    {'interval': '0 * * * *', 'externalId': 't1'}
    >>> TransformationScheduleUpdate(id=1).is_paused.set(True).dump()
    {'id': 1, 'update': {'isPaused': {'set': True}}}
"""

from __future__ import annotations

from cognite.client.data_classes._base import (
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)

__all__ = [
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "IdTransformerMixin",
    "PropertySpec",
    "TransformationSchedule",
    "TransformationScheduleCore",
    "TransformationScheduleList",
    "TransformationScheduleUpdate",
    "TransformationScheduleWrite",
    "TransformationScheduleWriteList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class TransformationScheduleCore(WriteableCogniteResource["TransformationScheduleWrite"]):
    """Base of the read and write forms of a schedule (holds no fields of its own)."""


class TransformationSchedule(TransformationScheduleCore):
    """The schedule of a transformation, as read from CDF (its id and external id are the transformation's).

    Args:
        id: The id of the transformation.
        external_id: The external id of the transformation.
        created_time: When the schedule was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        interval: The cron expression, e.g. ``"0 * * * *"``.
        is_paused: Whether the schedule is paused.
    """

    id: int | None = None
    external_id: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    interval: str | None = None
    is_paused: bool = False

    def as_write(self) -> TransformationScheduleWrite:
        """Return the write form of this schedule."""
        if self.interval is None:
            raise ValueError("A TransformationSchedule needs an interval to be written")
        if self.id is not None:
            return TransformationScheduleWrite(self.interval, id=self.id, is_paused=self.is_paused)
        return TransformationScheduleWrite(self.interval, external_id=self.external_id, is_paused=self.is_paused)


class TransformationScheduleWrite(TransformationScheduleCore):
    """A schedule to create for a transformation, identified by id or external id.

    Args:
        interval: The cron expression, e.g. ``"0 * * * *"``.
        id: The id of the transformation.
        external_id: The external id of the transformation.
        is_paused: Whether the schedule starts paused.
    """

    interval: str
    id: int | None = None
    external_id: str | None = None
    is_paused: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.interval, str) or not self.interval.strip():
            raise TypeError(f"interval must be a non-empty str (a cron expression), got {self.interval!r}")
        if self.id is None and self.external_id is None:
            raise ValueError("One of id and external_id (of the transformation) must be given")
        if not isinstance(self.is_paused, bool):
            raise TypeError(f"is_paused must be a bool, got {self.is_paused!r}")

    def as_write(self) -> TransformationScheduleWrite:
        """Return this object (it is already the write form)."""
        return self


class TransformationScheduleWriteList(CogniteResourceList[TransformationScheduleWrite], ExternalIDTransformerMixin):
    """A list of schedules to create."""

    _RESOURCE = TransformationScheduleWrite


class TransformationScheduleList(
    WriteableCogniteResourceList[TransformationScheduleWrite, TransformationSchedule],
    IdTransformerMixin,
    ExternalIDTransformerMixin,
):
    """A list of transformation schedules."""

    _RESOURCE = TransformationSchedule
    _WRITE_LIST = TransformationScheduleWriteList

    def as_write(self) -> TransformationScheduleWriteList:
        """Return the write form of every schedule."""
        return TransformationScheduleWriteList._from_items([s.as_write() for s in self.data], self._cognite_client)


class TransformationScheduleUpdate(CogniteUpdate):
    """Changes to the schedule of a transformation (by the transformation's id or external id).

    Args:
        id: The id of the transformation.
        external_id: The external id of the transformation.
    """

    _PROPERTIES = (
        PropertySpec("interval", is_nullable=False),
        PropertySpec("is_paused", is_nullable=False),
    )

    interval: CognitePrimitiveUpdate[TransformationScheduleUpdate] = update_field(CognitePrimitiveUpdate)
    is_paused: CognitePrimitiveUpdate[TransformationScheduleUpdate] = update_field(CognitePrimitiveUpdate)
