"""GraphQL for data models (``client.data_modeling.graphql``): apply a DML document to a data model, and query a data
model with GraphQL.

``apply_dml`` sends the ``upsertGraphQlDmlVersion`` mutation to ``/dml/graphql``; ``query`` posts to the data model's
own endpoint, ``/userapis/spaces/{space}/datamodels/{externalId}/versions/{version}/graphql``. Errors that GraphQL
answers (with status 200) raise :class:`~cognite.client.exceptions.CogniteGraphQLError`.
"""

from __future__ import annotations

from typing import Any

import msgspec

from cognite.client._api_client import APIClient, resource_path
from cognite.client.data_classes.data_modeling.graphql import DMLApplyResult
from cognite.client.data_classes.data_modeling.ids import DataModelId
from cognite.client.exceptions import CogniteGraphQLError, GraphQLErrorSpec

__all__ = ["DataModelingGraphQLAPI"]

_UPSERT_DML = """mutation UpsertDml($dmCreate: GraphQlDmlVersionUpsert!) {
  upsertGraphQlDmlVersion(graphQlDmlVersion: $dmCreate) {
    errors { kind message hint location { start { line column } } }
    result { space externalId version name description graphQlDml createdTime lastUpdatedTime }
  }
}"""


def _model_id(id: Any) -> DataModelId:
    if isinstance(id, DataModelId):
        model = id
    elif isinstance(id, tuple) and len(id) in (2, 3) and all(isinstance(p, str) for p in id):
        model = DataModelId(*id)
    else:
        raise TypeError(f"id must be a DataModelId or a (space, external_id, version) tuple, got {id!r}")
    if model.version is None:
        raise ValueError("id must have a version (the GraphQL API works on one version of a data model)")
    return model


def _raise_errors(errors: Any) -> None:
    if errors:
        raise CogniteGraphQLError([
            GraphQLErrorSpec(
                message=e.get("message", str(e)) if isinstance(e, dict) else str(e),
                hint=e.get("hint") if isinstance(e, dict) else None,
                kind=e.get("kind") if isinstance(e, dict) else None,
                location=e.get("location") if isinstance(e, dict) else None,
                locations=e.get("locations") if isinstance(e, dict) else None,
                path=e.get("path") if isinstance(e, dict) else None,
                extensions=e.get("extensions") if isinstance(e, dict) else None,
            )
            for e in errors
        ])  # fmt: skip


def _check_str(value: Any, name: str, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {value!r}")


class DataModelingGraphQLAPI(APIClient[Any, Any]):
    """Apply GraphQL DML to data models and query them with GraphQL.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
        ...     _ = client.data_modeling.graphql.apply_dml(("s", "Plant", "1"), "type Pump { name: String }")
        ...     client.data_modeling.graphql.query(("s", "Plant", "1"), "{ listPump { items { name } } }")
        {'listPump': {'items': []}}
    """

    _CATEGORY = "data_modeling"

    async def _graphql(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        resp = await self._http.request("POST", path, json=body, category=self._CATEGORY, retryable=False)
        data: dict[str, Any] = msgspec.json.decode(resp.content)
        _raise_errors(data.get("errors"))
        return data

    async def apply_dml(
        self,
        id: DataModelId | tuple[str, str, str],
        dml: str,
        name: str | None = None,
        description: str | None = None,
        previous_version: str | None = None,
    ) -> DMLApplyResult:
        """Apply a GraphQL DML document to a data model version: its types become containers and views.

        Args:
            id: The data model (DataModelId or ``(space, external_id, version)``).
            dml: The DML, e.g. ``"type Pump { name: String, flow: Float }"``.
            name: A name of the data model.
            description: A description of the data model.
            previous_version: The version this one replaces (to reuse its views where they did not change).

        Returns:
            The data model that was applied.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     res = client.data_modeling.graphql.apply_dml(("s", "Plant", "1"), "type Pump { name: String }")
            ...     res.as_id(), client.data_modeling.views.retrieve(("s", "Pump", "1")).as_ids()
            (DataModelId(space='s', external_id='Plant', version='1'), [ViewId(space='s', external_id='Pump', version='1')])
        """
        model = _model_id(id)
        _check_str(dml, "dml", optional=False)
        for value, arg in ((name, "name"), (description, "description"), (previous_version, "previous_version")):
            _check_str(value, arg)
        upsert = {"space": model.space, "externalId": model.external_id, "version": model.version, "graphQlDml": dml,
                  "name": name, "description": description, "previousVersion": previous_version}  # fmt: skip
        body = {"query": _UPSERT_DML, "variables": {"dmCreate": {k: v for k, v in upsert.items() if v is not None}}}
        data = await self._graphql("/dml/graphql", body)
        answer = (data.get("data") or {}).get("upsertGraphQlDmlVersion") or {}
        _raise_errors(answer.get("errors"))
        return DMLApplyResult.load(answer["result"])

    async def query(
        self, id: DataModelId | tuple[str, str, str], query: str, variables: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Run a GraphQL query against a data model version.

        Args:
            id: The data model (DataModelId or ``(space, external_id, version)``).
            query: The GraphQL query, e.g. ``"{ listPump { items { name } } }"``.
            variables: Values of the query's variables.

        Returns:
            The ``data`` of the answer.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import NodeApply, NodeOrEdgeData, SpaceApply, ViewId
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
            ...     _ = client.data_modeling.graphql.apply_dml(("s", "Plant", "1"), "type Pump { name: String }")
            ...     _ = client.data_modeling.instances.apply(
            ...         NodeApply("s", "p1", sources=[NodeOrEdgeData(ViewId("s", "Pump", "1"), {"name": "P1"})]))
            ...     client.data_modeling.graphql.query(
            ...         ("s", "Plant", "1"), "{ listPump(first: 10) { items { externalId name } } }")
            {'listPump': {'items': [{'externalId': 'p1', 'name': 'P1'}]}}
        """
        model = _model_id(id)
        _check_str(query, "query", optional=False)
        if variables is not None and not isinstance(variables, dict):
            raise TypeError(f"variables must be a dict, got {variables!r}")
        path = resource_path(
            "/userapis/spaces/{space}/datamodels/{external_id}/versions/{version}/graphql",
            space=model.space, external_id=model.external_id, version=model.version,
        )  # fmt: skip
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        data = await self._graphql(path, body)
        return dict(data.get("data") or {})
