"""Streams: the containers of records (``client.data_modeling.streams``).

A stream is created from a template (e.g. ``"ImmutableTestStream"``), which decides its type (``"Immutable"`` or
``"Mutable"``), how long its data are kept and its limits.

Example:
    >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite, StreamWriteSettings, StreamTemplate
    >>> StreamWrite("logs", StreamWriteSettings(StreamTemplate("ImmutableTestStream"))).dump()
    {'externalId': 'logs', 'settings': {'template': {'name': 'ImmutableTestStream'}}}
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    ExternalIDTransformerMixin,
    WriteableCogniteResource,
)

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "ExternalIDTransformerMixin",
    "Stream",
    "StreamLifecycleSettings",
    "StreamLimit",
    "StreamLimitSettings",
    "StreamList",
    "StreamSettings",
    "StreamTemplate",
    "StreamWrite",
    "StreamWriteSettings",
    "WriteableCogniteResource",
]


class StreamTemplate(CogniteObject):
    """The template a stream is created from.

    Args:
        name: The name of the template, e.g. ``"ImmutableTestStream"`` or ``"MutableTestStream"``.

    Example:
        >>> from cognite.client.data_classes.data_modeling.streams import StreamTemplate
        >>> StreamTemplate("ImmutableTestStream").dump()
        {'name': 'ImmutableTestStream'}
    """

    name: str


class StreamWriteSettings(CogniteObject):
    """The settings of a stream to create.

    Args:
        template: The template to create the stream from.

    Example:
        >>> from cognite.client.data_classes.data_modeling.streams import StreamWriteSettings, StreamTemplate
        >>> StreamWriteSettings(StreamTemplate("MutableTestStream")).dump()
        {'template': {'name': 'MutableTestStream'}}
    """

    template: StreamTemplate


class StreamWrite(CogniteObject):
    """A stream to create.

    Args:
        external_id: The id of the stream (lowercase letters, digits, ``_`` and ``-``; at most 100 characters).
        settings: Its settings (the template).

    Example:
        >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
        >>> StreamWrite.load({"externalId": "logs", "settings": {"template": {"name": "ImmutableTestStream"}}})
        StreamWrite(external_id='logs', settings=StreamWriteSettings(template=StreamTemplate(name='ImmutableTestStream')))
    """

    external_id: str
    settings: StreamWriteSettings

    def as_write(self) -> StreamWrite:
        """Return the stream itself (it is the write form)."""
        return self

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the stream to a dictionary (the wire form with camelCase keys).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The stream as a dictionary.
        """
        return super().dump(camel_case)


class StreamLimit(CogniteObject):
    """A limit of a stream: what is provisioned and (with statistics) what is used.

    Args:
        provisioned: The limit.
        consumed: How much of it is used (only when retrieved with statistics).

    Example:
        >>> from cognite.client.data_classes.data_modeling.streams import StreamLimit
        >>> StreamLimit(1000.0, 10.0).dump()
        {'provisioned': 1000.0, 'consumed': 10.0}
    """

    provisioned: float
    consumed: float | None = None


class StreamLimitSettings(CogniteObject):
    """The limits of a stream.

    Args:
        max_records_total: The most records the stream holds.
        max_giga_bytes_total: The most data the stream holds, in GB.
        max_filtering_interval: The longest time range a filter may span (ISO 8601 duration), if limited.

    Example:
        >>> from cognite.client.data_classes.data_modeling.streams import StreamLimit, StreamLimitSettings
        >>> StreamLimitSettings(StreamLimit(10.0), StreamLimit(1.0)).dump()
        {'maxRecordsTotal': {'provisioned': 10.0}, 'maxGigaBytesTotal': {'provisioned': 1.0}}
    """

    max_records_total: StreamLimit
    max_giga_bytes_total: StreamLimit
    max_filtering_interval: str | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the limits to a dictionary.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The limits as a dictionary.
        """
        return super().dump(camel_case)


class StreamLifecycleSettings(CogniteObject):
    """How long the data of a stream are kept.

    Args:
        retained_after_soft_delete: How long a deleted stream is kept before it is gone (ISO 8601 duration).
        data_deleted_after: How long records are kept (ISO 8601 duration), if they expire.

    Example:
        >>> from cognite.client.data_classes.data_modeling.streams import StreamLifecycleSettings
        >>> StreamLifecycleSettings("P1D", "P7D").dump()
        {'retainedAfterSoftDelete': 'P1D', 'dataDeletedAfter': 'P7D'}
    """

    retained_after_soft_delete: str
    data_deleted_after: str | None = None


class StreamSettings(CogniteObject):
    """The settings of a stream as read: its lifecycle and limits.

    Args:
        lifecycle: How long its data are kept.
        limits: Its limits.

    Example:
        >>> from cognite.client.data_classes.data_modeling.streams import StreamSettings
        >>> settings = StreamSettings.load({"lifecycle": {"retainedAfterSoftDelete": "P1D"},
        ...     "limits": {"maxRecordsTotal": {"provisioned": 5}, "maxGigaBytesTotal": {"provisioned": 1}}})
        >>> settings.limits.max_records_total.provisioned
        5.0
    """

    lifecycle: StreamLifecycleSettings
    limits: StreamLimitSettings

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the settings to a dictionary.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The settings as a dictionary.
        """
        return super().dump(camel_case)


class Stream(WriteableCogniteResource[StreamWrite]):
    """A stream as read.

    Args:
        external_id: The id of the stream.
        created_time: When it was created (ms since epoch).
        created_from_template: The name of the template it was created from.
        type: ``"Immutable"`` (records can only be added) or ``"Mutable"`` (records can be upserted and deleted).
        settings: Its lifecycle and limits.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling.streams import StreamWrite
        >>> with emulated_client() as client:
        ...     stream = client.data_modeling.streams.create(StreamWrite.load(
        ...         {"externalId": "logs", "settings": {"template": {"name": "MutableTestStream"}}}))
        ...     stream.type, stream.as_write().settings.template.name
        ('Mutable', 'MutableTestStream')
    """

    external_id: str
    created_time: int
    created_from_template: str
    type: Literal["Immutable", "Mutable"]
    settings: StreamSettings

    def as_write(self) -> StreamWrite:
        """Return the write form of the stream (its id and template)."""
        return StreamWrite(self.external_id, StreamWriteSettings(StreamTemplate(self.created_from_template)))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the stream to a dictionary.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The stream as a dictionary.
        """
        return super().dump(camel_case)


class StreamList(ExternalIDTransformerMixin, CogniteResourceList[Stream]):
    """A list of streams.

    Args:
        resources: The streams.

    Example:
        >>> from cognite.client.data_classes.data_modeling.streams import StreamList
        >>> StreamList([]).as_external_ids()
        []
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = Stream
