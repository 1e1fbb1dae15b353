"""Destination schemas: the columns a transformation's query must produce for a destination."""

from __future__ import annotations

from typing import Any

from cognite.client._api_client import APIClient
from cognite.client.data_classes.transformations import CONFLICT_MODES
from cognite.client.data_classes.transformations.common import (
    Edges,
    Instances,
    Nodes,
    SequenceRowsDestination,
    TransformationDestination,
    load_destination,
)
from cognite.client.data_classes.transformations.schema import (
    TransformationSchemaColumn,
    TransformationSchemaColumnList,
)

__all__ = ["TransformationSchemaAPI"]


class TransformationSchemaAPI(APIClient[TransformationSchemaColumn, TransformationSchemaColumnList]):
    """The schema of destinations of transformations.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.transformations import TransformationDestination
        >>> with emulated_client() as client:
        ...     columns = client.transformations.schema.retrieve(TransformationDestination.assets())
        ...     [c.name for c in columns][:3]
        ['id', 'externalId', 'name']
    """

    _RESOURCE_PATH = "/transformations/schema"
    _RESOURCE_CLS = TransformationSchemaColumn
    _LIST_CLS = TransformationSchemaColumnList

    @staticmethod
    def _request(destination: TransformationDestination, conflict_mode: str | None) -> tuple[str, dict[str, Any]]:
        params: dict[str, Any] = {}
        if conflict_mode is not None:
            params["conflictMode"] = conflict_mode
        if isinstance(destination, SequenceRowsDestination):
            return "/sequence_rows", {"externalId": destination.external_id}  # the API takes no conflictMode here
        if isinstance(destination, Nodes | Edges):
            params["instanceType"] = destination.type
            params["withInstanceSpace"] = destination.instance_space is None
            if destination.view is not None:
                params.update(
                    viewSpace=destination.view.space,
                    viewExternalId=destination.view.external_id,
                    viewVersion=destination.view.version,
                )
            params["isConnectionDefinition"] = isinstance(destination, Edges) and destination.view is None
            return "/instances", params
        if isinstance(destination, Instances):
            params["withInstanceSpace"] = destination.instance_space is None
            model = destination.data_model
            if model is not None:
                params.update(
                    dataModelSpace=model.space,
                    dataModelExternalId=model.external_id,
                    dataModelVersion=model.version,
                    type=model.destination_type,
                )
                if model.destination_relationship_from_type is not None:
                    params["relationshipFromType"] = model.destination_relationship_from_type
            return "/instances", params
        return f"/{destination.type}", params

    async def retrieve(
        self, destination: TransformationDestination, conflict_mode: str | None = None
    ) -> TransformationSchemaColumnList:
        """Retrieve the columns a query must produce to write to a destination.

        Args:
            destination: The destination, e.g. ``TransformationDestination.assets()``.
            conflict_mode: abort, upsert, update or delete (a delete needs only the identifiers).

        Returns:
            The columns.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.transformations import TransformationDestination
            >>> with emulated_client() as client:
            ...     [c.name for c in client.transformations.schema.retrieve(
            ...         TransformationDestination.events(), conflict_mode="delete")]
            ['id', 'externalId']
        """
        if isinstance(destination, dict):
            destination = load_destination(destination)
        if not isinstance(destination, TransformationDestination):
            raise TypeError(f"destination must be a TransformationDestination, not {type(destination).__name__}")
        if conflict_mode is not None and conflict_mode not in CONFLICT_MODES:
            raise ValueError(f"conflict_mode must be one of {sorted(CONFLICT_MODES)}, got {conflict_mode!r}")
        suffix, params = self._request(destination, conflict_mode)
        resp = await self._get(self._RESOURCE_PATH + suffix, params=params)
        return self._make_list(self._decode_items(resp.content).items)  # type: ignore[no-any-return]
