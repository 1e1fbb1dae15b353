"""Hosted-extractor destinations: where a job writes in CDF, with the session (credentials) it writes with.

Example:
    >>> from cognite.client.data_classes.hosted_extractors import DestinationWrite, SessionWrite
    >>> DestinationWrite("cdf", SessionWrite("nonce-123"), target_data_set_id=7)
    DestinationWrite(external_id='cdf', credentials=SessionWrite(nonce=<hidden>), target_data_set_id=7)
"""

from __future__ import annotations

from typing import ClassVar

from cognite.client.data_classes._base import (
    CogniteExternalIdUpdate,
    CogniteObject,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)
from cognite.client.data_classes._secrets import masked_repr, masked_update_repr

__all__ = [
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "Destination",
    "DestinationList",
    "DestinationUpdate",
    "DestinationWrite",
    "DestinationWriteList",
    "ExternalIDTransformerMixin",
    "PropertySpec",
    "SessionWrite",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class SessionWrite(CogniteObject):
    """Session credentials: the nonce of a session (``client.iam.sessions.create``), never shown in reprs.

    Args:
        nonce: The nonce.
    """

    nonce: str

    _SECRETS: ClassVar[tuple[str, ...]] = ("nonce",)
    __repr__ = masked_repr


class DestinationWrite(CogniteObject):
    """A destination to create.

    Args:
        external_id: The external id.
        credentials: The session the jobs write to CDF with.
        target_data_set_id: The data set that what the jobs write belongs to.
    """

    external_id: str
    credentials: SessionWrite | None = None
    target_data_set_id: int | None = None

    def as_write(self) -> DestinationWrite:
        """Return the object itself (it is the write form)."""
        return self


class Destination(WriteableCogniteResource[DestinationWrite]):
    """A destination, as read.

    Args:
        external_id: The external id.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        session_id: The id of the session the jobs write with.
        target_data_set_id: The data set that what the jobs write belongs to.
    """

    external_id: str
    created_time: int | None = None
    last_updated_time: int | None = None
    session_id: int | None = None
    target_data_set_id: int | None = None

    def as_write(self) -> DestinationWrite:
        """Return the write form (without credentials: a session nonce is used once)."""
        return DestinationWrite(self.external_id, None, self.target_data_set_id)


class DestinationUpdate(CogniteExternalIdUpdate):
    """Changes to a destination: ``credentials`` (a new session) and ``target_data_set_id``.

    Args:
        external_id: The external id of the destination.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import DestinationUpdate
        >>> DestinationUpdate("cdf").target_data_set_id.set(None).dump()
        {'externalId': 'cdf', 'update': {'targetDataSetId': {'setNull': True}}}
    """

    credentials = update_field(CognitePrimitiveUpdate)
    target_data_set_id = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (PropertySpec("credentials"), PropertySpec("target_data_set_id"))

    __repr__ = masked_update_repr


class DestinationWriteList(CogniteResourceList[DestinationWrite], ExternalIDTransformerMixin):
    """A list of destinations to create.

    Args:
        resources: The destinations.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = DestinationWrite


class DestinationList(WriteableCogniteResourceList[DestinationWrite, Destination], ExternalIDTransformerMixin):
    """A list of destinations.

    Args:
        resources: The destinations.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Destination
    _WRITE_LIST = DestinationWriteList
