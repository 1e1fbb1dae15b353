"""External data sources of transformations (Microsoft Fabric OneLake): create, list, delete, verify usability."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, overload

from cognite.client._api_client import APIClient, IdentifierSequence, object_decoder
from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.transformations.externaldata import (
    ExternalDataSource,
    ExternalDataSourceList,
    ExternalDataSourceUsability,
    ExternalDataSourceWrite,
    OneLakeExternalDataSourceWrite,
)

__all__ = ["TransformationExternalDataSourcesAPI"]


class TransformationExternalDataSourcesAPI(APIClient[Any, ExternalDataSourceList]):
    """External data sources: credentials and a location that transformation SQL refers to by external id.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.transformations.externaldata import (
        ...     OneLakeCredentialsWrite, OneLakeExternalDataSourceWrite, OneLakeLocationDescription, OneLakeSettingsWrite)
        >>> with emulated_client() as client:
        ...     _ = client.transformations.external_data_sources.create(OneLakeExternalDataSourceWrite("lake",
        ...         OneLakeSettingsWrite(OneLakeCredentialsWrite("app", "tenant", "s3cr3t"),
        ...                              OneLakeLocationDescription("ws", "lh"))))
        ...     client.transformations.external_data_sources.verify_usability("lake").is_usable
        True
    """

    _RESOURCE_PATH = "/transformations/externaldata"
    _RESOURCE_CLS = ExternalDataSource
    _LIST_CLS = ExternalDataSourceList
    _CREATE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _LIST_LIMIT = 1000

    async def list(self, limit: int | None = 25) -> ExternalDataSourceList:
        """List external data sources.

        Args:
            limit: Maximum number of data sources (default 25; None, -1 or inf: all).

        Returns:
            The data sources (without secrets).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.transformations.external_data_sources.list(limit=5))
            0
        """
        return await self._list(limit=limit, method="GET")  # type: ignore[no-any-return]

    def __call__(self, chunk_size: int | None = None, limit: int | None = None) -> AsyncIterator[Any]:
        """Iterate over external data sources lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many data sources (None: one at a time).
            limit: Maximum number of data sources (None: all).

        Returns:
            An async iterator of data sources or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for source in client.transformations.external_data_sources():
            ...         pass
        """
        return self._list_generator(chunk_size=chunk_size, limit=limit, method="GET")

    @overload
    async def create(self, data_source: ExternalDataSourceWrite) -> ExternalDataSource: ...
    @overload
    async def create(self, data_source: Sequence[ExternalDataSourceWrite]) -> ExternalDataSourceList: ...
    async def create(
        self, data_source: ExternalDataSourceWrite | Sequence[ExternalDataSourceWrite]
    ) -> ExternalDataSource | ExternalDataSourceList:
        """Create external data sources; one whose external id exists is replaced in full (include the secret).

        Args:
            data_source: A data source or a list of them (write objects, with the client secret).

        Returns:
            The data source(s) as stored (without the secret).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations.externaldata import (
            ...     OneLakeCredentialsWrite, OneLakeExternalDataSourceWrite, OneLakeLocationDescription, OneLakeSettingsWrite)
            >>> with emulated_client() as client:
            ...     created = client.transformations.external_data_sources.create(OneLakeExternalDataSourceWrite("lake",
            ...         OneLakeSettingsWrite(OneLakeCredentialsWrite("app", "tenant", "s3cr3t"),
            ...                              OneLakeLocationDescription("ws", "lh")), name="Lake"))
            ...     created.name, created.settings.credentials
            ('Lake', OneLakeCredentials(client_id='app', tenant_id='tenant'))
        """
        single = isinstance(data_source, ExternalDataSourceWrite)
        given: list[object] = [data_source] if single else list(data_source)  # type: ignore[arg-type]
        writes: list[OneLakeExternalDataSourceWrite] = []
        for item in given:
            if not isinstance(item, OneLakeExternalDataSourceWrite):
                raise TypeError(f"data_source must be an ExternalDataSourceWrite, not {type(item).__name__}")
            writes.append(item)
        return await self._create_multiple(  # type: ignore[no-any-return]
            writes[0] if single else writes, input_name="data_source", retryable=True
        )

    async def delete(self, external_id: str | SequenceNotStr[str]) -> None:
        """Delete external data sources; transformations that use them fail when they next run.

        Args:
            external_id: External id(s) of the data sources.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations.externaldata import (
            ...     OneLakeCredentialsWrite, OneLakeExternalDataSourceWrite, OneLakeLocationDescription, OneLakeSettingsWrite)
            >>> with emulated_client() as client:
            ...     _ = client.transformations.external_data_sources.create(OneLakeExternalDataSourceWrite("lake",
            ...         OneLakeSettingsWrite(OneLakeCredentialsWrite("app", "tenant", "s3cr3t"),
            ...                              OneLakeLocationDescription("ws", "lh"))))
            ...     client.transformations.external_data_sources.delete("lake")
            ...     client.transformations.external_data_sources.verify_usability("lake").is_usable
            False
        """
        identifiers = IdentifierSequence(external_ids=external_id, external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=None)

    async def verify_usability(self, external_id: str) -> ExternalDataSourceUsability:
        """Check whether transformations can use a data source (it exists and its location can be reached).

        Args:
            external_id: The external id of the data source.

        Returns:
            The usability: ``usable_version`` is set (``is_usable``) when it can be used.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.transformations.external_data_sources.verify_usability("missing").is_usable
            False
        """
        if not isinstance(external_id, str) or not external_id:
            raise TypeError(f"external_id must be a non-empty str, got {external_id!r}")
        resp = await self._post(self._RESOURCE_PATH + "/usability", json={"externalId": external_id})
        return object_decoder(ExternalDataSourceUsability).decode(resp.content)
