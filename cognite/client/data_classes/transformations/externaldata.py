"""External data sources of transformations: named connections to storage outside CDF (Microsoft Fabric OneLake).

A data source loads as the class of its ``format`` (:class:`OneLakeExternalDataSource` for ``one_lake``). The
client secret is write-only: :class:`OneLakeCredentialsWrite` carries it (never shown in reprs), the read form
:class:`OneLakeCredentials` has none.

Example:
    >>> from cognite.client.data_classes.transformations.externaldata import (
    ...     OneLakeCredentialsWrite, OneLakeExternalDataSourceWrite, OneLakeLocationDescription, OneLakeSettingsWrite)
    >>> source = OneLakeExternalDataSourceWrite("lake", OneLakeSettingsWrite(
    ...     OneLakeCredentialsWrite("app", "tenant", "s3cr3t"), OneLakeLocationDescription("ws", "lh")), name="Lake")
    >>> source.dump()["format"], source.settings.credentials
    ('one_lake', OneLakeCredentialsWrite(client_id='app', tenant_id='tenant', client_secret=<hidden>))
"""

from __future__ import annotations

import json
from typing import Any

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    ExternalIDTransformerMixin,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "ExternalDataSource",
    "ExternalDataSourceList",
    "ExternalDataSourceUsability",
    "ExternalDataSourceWrite",
    "ExternalDataSourceWriteList",
    "ExternalIDTransformerMixin",
    "OneLakeCredentials",
    "OneLakeCredentialsWrite",
    "OneLakeExternalDataSource",
    "OneLakeExternalDataSourceWrite",
    "OneLakeLocationDescription",
    "OneLakeSettings",
    "OneLakeSettingsWrite",
    "UnknownCogniteResource",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

ONE_LAKE = "one_lake"


class OneLakeLocationDescription(CogniteObject):
    """Where in OneLake a data source points (GUIDs from the Fabric portal).

    Args:
        workspace_id: The workspace id.
        container_id: The lakehouse (item) id.
    """

    workspace_id: str
    container_id: str


class OneLakeCredentials(CogniteObject):
    """The Entra ID application a OneLake data source reads with, as read (no secret).

    Args:
        client_id: The application (client) id.
        tenant_id: The tenant id.
    """

    client_id: str
    tenant_id: str


class OneLakeCredentialsWrite(CogniteObject):
    """The Entra ID application a OneLake data source reads with; the secret is never shown in reprs.

    Args:
        client_id: The application (client) id.
        tenant_id: The tenant id.
        client_secret: The client secret (write-only: CDF stores it encrypted and never returns it).
    """

    client_id: str
    tenant_id: str
    client_secret: str

    def __post_init__(self) -> None:
        for name in ("client_id", "tenant_id", "client_secret"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise TypeError(f"{name} must be a non-empty str")

    def __repr__(self) -> str:
        return f"OneLakeCredentialsWrite(client_id={self.client_id!r}, tenant_id={self.tenant_id!r}, client_secret=<hidden>)"


class OneLakeSettings(CogniteObject):
    """The settings of a OneLake data source, as read.

    Args:
        credentials: The application it reads with.
        location_description: Where it points.
    """

    credentials: OneLakeCredentials
    location_description: OneLakeLocationDescription


class OneLakeSettingsWrite(CogniteObject):
    """The settings of a OneLake data source to write.

    Args:
        credentials: The application it reads with (with the secret).
        location_description: Where it points.
    """

    credentials: OneLakeCredentialsWrite
    location_description: OneLakeLocationDescription


def _load_source(data: Any, by_format: dict[str, type[CogniteObject]]) -> Any:
    if isinstance(data, str | bytes):
        data = json.loads(data)
    if not isinstance(data, dict):
        raise TypeError(f"an external data source must be a dict, not {type(data).__name__}")
    cls = by_format.get(data.get("format", ONE_LAKE))
    if cls is None:
        return UnknownCogniteResource(data=dict(data))
    body = {k: v for k, v in data.items() if k != "format"}
    return CogniteObject.load.__func__(cls, body)  # type: ignore[attr-defined]


class ExternalDataSource:
    """Base of external data sources as read; ``ExternalDataSource.load`` picks the class of the ``format``."""

    __slots__ = ()

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load a data source as the class of its ``format``.

        Args:
            resource: The dictionary or JSON string.
            cognite_client: Unused.

        Returns:
            The data source.
        """
        return _load_source(resource, {ONE_LAKE: OneLakeExternalDataSource})

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        return cls.load(data)


class ExternalDataSourceWrite:
    """Base of external data sources to write; ``ExternalDataSourceWrite.load`` picks the class of the ``format``."""

    __slots__ = ()

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load a data source to write as the class of its ``format``.

        Args:
            resource: The dictionary or JSON string.
            cognite_client: Unused.

        Returns:
            The data source.
        """
        return _load_source(resource, {ONE_LAKE: OneLakeExternalDataSourceWrite})

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        return cls.load(data)


class OneLakeExternalDataSourceWrite(CogniteObject, ExternalDataSourceWrite):
    """A Microsoft Fabric OneLake data source to create (or replace: a create of an existing external id upserts).

    Args:
        external_id: The external id, used in transformation SQL.
        settings: Credentials and location.
        name: A name.
        data_set_id: The data set that scopes access to it.
    """

    external_id: str
    settings: OneLakeSettingsWrite
    name: str | None = None
    data_set_id: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.external_id, str) or not self.external_id:
            raise TypeError(f"external_id must be a non-empty str, got {self.external_id!r}")
        if not isinstance(self.settings, OneLakeSettingsWrite):
            raise TypeError(f"settings must be a OneLakeSettingsWrite, not {type(self.settings).__name__}")

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the data source with its ``format``.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        return {**super().dump(camel_case), "format": ONE_LAKE}

    def as_write(self) -> OneLakeExternalDataSourceWrite:
        """Return this object (it is already the write form)."""
        return self


class OneLakeExternalDataSource(WriteableCogniteResource[OneLakeExternalDataSourceWrite], ExternalDataSource):
    """A Microsoft Fabric OneLake data source, as read (without the client secret).

    Args:
        external_id: The external id.
        settings: Credentials (without the secret) and location.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        name: The name.
        data_set_id: The data set that scopes access to it.
    """

    external_id: str
    settings: OneLakeSettings
    created_time: int | None = None
    last_updated_time: int | None = None
    name: str | None = None
    data_set_id: int | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the data source with its ``format``.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        return {**super().dump(camel_case), "format": ONE_LAKE}

    def as_write(self) -> OneLakeExternalDataSourceWrite:
        """Not possible: CDF never returns the client secret, so build a OneLakeExternalDataSourceWrite instead."""
        raise ValueError(
            "A OneLakeExternalDataSource read from CDF has no client secret; build a OneLakeExternalDataSourceWrite "
            "with OneLakeCredentialsWrite to write it"
        )


class ExternalDataSourceWriteList(CogniteResourceList[Any], ExternalIDTransformerMixin):
    """A list of external data sources to write."""

    _RESOURCE = OneLakeExternalDataSourceWrite


class ExternalDataSourceList(WriteableCogniteResourceList[Any, Any], ExternalIDTransformerMixin):
    """A list of external data sources."""

    _RESOURCE = OneLakeExternalDataSource
    _WRITE_LIST = ExternalDataSourceWriteList

    def as_write(self) -> ExternalDataSourceWriteList:
        """Not possible (no secrets are read); see :meth:`OneLakeExternalDataSource.as_write`."""
        return ExternalDataSourceWriteList._from_items([s.as_write() for s in self.data], self._cognite_client)


class ExternalDataSourceUsability(CogniteResource):
    """Whether a data source can be used: the latest usable version, unset when it is missing or unreachable.

    Args:
        external_id: The external id of the data source.
        usable_version: The usable version (a UUID), or None.
    """

    external_id: str | None = None
    usable_version: str | None = None

    @property
    def is_usable(self) -> bool:
        """True when the data source can be used."""
        return self.usable_version is not None
