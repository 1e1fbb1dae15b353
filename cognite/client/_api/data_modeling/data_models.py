"""The data models API (``client.data_modeling.data_models``): apply, retrieve, delete and list data models."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, overload

from cognite.client._api.data_modeling._schema import SchemaBase, check_bool, check_space, load_ids
from cognite.client.data_classes.data_modeling.data_models import DataModel, DataModelApply, DataModelList
from cognite.client.data_classes.data_modeling.ids import (
    DataModelId,
    DataModelIdentifier,
)

__all__ = ["DataModelsAPI"]


class DataModelsAPI(SchemaBase):
    """Apply, retrieve, delete and list data models.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     client.data_modeling.data_models.list(include_global=True).as_ids()
        [DataModelId(space='cdf_cdm', external_id='CogniteCore', version='v1')]
    """

    _RESOURCE_PATH = "/models/datamodels"
    _RESOURCE_CLS = DataModel
    _LIST_CLS = DataModelList

    @overload
    async def apply(self, data_model: DataModelApply | DataModel) -> DataModel: ...
    @overload
    async def apply(self, data_model: Sequence[DataModelApply | DataModel]) -> DataModelList: ...
    async def apply(
        self, data_model: DataModelApply | DataModel | Sequence[DataModelApply | DataModel]
    ) -> DataModel | DataModelList:
        """Create or update (upsert) one or more data models (views given whole are applied with them).

        Args:
            data_model: A data model (``DataModelApply``; a ``DataModel`` is applied as its write form) or a
                sequence of them.

        Returns:
            The applied data model (its views as ids), or a list for a sequence.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import DataModelApply, SpaceApply, ViewApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     model = client.data_modeling.data_models.apply(
            ...         DataModelApply("plant", "Plant", "1", views=[ViewApply("plant", "Site", "v1")])
            ...     )
            ...     model.views
            [ViewId(space='plant', external_id='Site', version='v1')]
        """
        return await self._apply(data_model, (DataModelApply, DataModel), "data_model")  # type: ignore[no-any-return]

    async def retrieve(
        self, ids: DataModelIdentifier | Sequence[DataModelIdentifier], inline_views: bool = False
    ) -> DataModelList:
        """Retrieve data models by id (data models that do not exist are left out).

        Args:
            ids: A data model id (``DataModelId`` or ``(space, external_id[, version])``; without a version: every
                version) or a sequence of them.
            inline_views: Return the views whole instead of their ids.

        Returns:
            The data models.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     model = client.data_modeling.data_models.retrieve(("cdf_cdm", "CogniteCore", "v1"), inline_views=True)[0]
            ...     [v.external_id for v in model.views][:2]
            ['CogniteDescribable', 'CogniteTimeSeries']
        """
        params = {"inlineViews": check_bool(inline_views, "inline_views")}
        seq = load_ids(ids, "data_model")
        return await self._retrieve_items(seq.as_dicts(), params=params)  # type: ignore[no-any-return]

    async def delete(self, ids: DataModelIdentifier | Sequence[DataModelIdentifier]) -> list[DataModelId]:
        """Delete one or more data models (their views and containers stay).

        Args:
            ids: A data model id (``DataModelId`` or ``(space, external_id, version)``) or a sequence of them.

        Returns:
            The ids of the deleted data models.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.data_modeling import DataModelApply, DataModelId, SpaceApply
            >>> with emulated_client() as client:
            ...     _ = client.data_modeling.spaces.apply(SpaceApply("plant"))
            ...     _ = client.data_modeling.data_models.apply(DataModelApply("plant", "Plant", "1"))
            ...     client.data_modeling.data_models.delete(DataModelId("plant", "Plant", "1"))
            [DataModelId(space='plant', external_id='Plant', version='1')]
        """
        seq = load_ids(ids, "data_model")
        missing_version = [i for i in seq if i.version is None]
        if missing_version:
            raise ValueError(f"ids must name a version to delete, got {missing_version[0].as_primitive()!r}")
        deleted = await self._delete_items(seq.as_dicts())
        return [DataModelId(d["space"], d["externalId"], d["version"]) for d in deleted]

    async def list(
        self,
        inline_views: bool = False,
        limit: int | None = 25,
        space: str | None = None,
        all_versions: bool = False,
        include_global: bool = False,
    ) -> DataModelList:
        """List data models.

        Args:
            inline_views: Return the views whole instead of their ids.
            limit: Maximum number of data models (default 25; None, -1 or inf: all).
            space: Only data models in this space.
            all_versions: Every version, not only the latest of each data model.
            include_global: Include the data models CDF defines.

        Returns:
            The data models.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.data_modeling.data_models.list())
            0
        """
        return await self._list_schema(limit, _params(inline_views, space, all_versions, include_global))  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        limit: int | None = None,
        space: str | None = None,
        inline_views: bool = False,
        all_versions: bool = False,
        include_global: bool = False,
    ) -> AsyncIterator[DataModel] | AsyncIterator[DataModelList]:
        """Iterate over data models lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many data models (None: one at a time).
            limit: Maximum number of data models (None: all).
            space: Only data models in this space.
            inline_views: Return the views whole instead of their ids.
            all_versions: Every version, not only the latest of each data model.
            include_global: Include the data models CDF defines.

        Returns:
            An async iterator of data models or data model lists.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     [m.external_id for m in client.data_modeling.data_models(include_global=True)]
            ['CogniteCore']
        """
        return self._iterate_schema(chunk_size, limit, _params(inline_views, space, all_versions, include_global))


def _params(inline_views: Any, space: Any, all_versions: Any, include_global: Any) -> dict[str, Any]:
    params: dict[str, Any] = {
        "inlineViews": check_bool(inline_views, "inline_views"),
        "allVersions": check_bool(all_versions, "all_versions"),
        "includeGlobal": check_bool(include_global, "include_global"),
    }
    if check_space(space) is not None:
        params["space"] = space
    return params
