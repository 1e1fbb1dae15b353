"""GraphQL for data models (``client.data_modeling.graphql``): the result of applying DML, and of a query.

Example:
    >>> from cognite.client.data_classes.data_modeling.graphql import DMLApplyResult
    >>> DMLApplyResult("s", "Plant", "1", "Plant", None, 1, 2).as_id()
    DataModelId(space='s', external_id='Plant', version='1')
"""

from __future__ import annotations

from typing import Any

from cognite.client.data_classes._base import CogniteResource
from cognite.client.data_classes.data_modeling.ids import DataModelId

__all__ = ["CogniteResource", "DMLApplyResult", "DataModelId", "GraphQlQueryResult"]


class DMLApplyResult(CogniteResource):
    """The data model a DML document was applied to.

    Args:
        space: The space of the data model.
        external_id: The external id of the data model.
        version: The version of the data model.
        name: Its name.
        description: Its description.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).

    Example:
        >>> from cognite.client.data_classes.data_modeling.graphql import DMLApplyResult
        >>> DMLApplyResult.load({"space": "s", "externalId": "Plant", "version": "1", "createdTime": 1,
        ...                      "lastUpdatedTime": 1}).version
        '1'
    """

    space: str
    external_id: str
    version: str
    name: str | None = None
    description: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None

    def as_id(self) -> DataModelId:
        """The id of the data model."""
        return DataModelId(self.space, self.external_id, self.version)


class GraphQlQueryResult(CogniteResource):
    """The ``data`` of a GraphQL answer, keyed by the fields queried.

    Args:
        items: The data.

    Example:
        >>> from cognite.client.data_classes.data_modeling.graphql import GraphQlQueryResult
        >>> GraphQlQueryResult({"listPump": {"items": []}}).items["listPump"]
        {'items': []}
    """

    items: dict[str, Any]
