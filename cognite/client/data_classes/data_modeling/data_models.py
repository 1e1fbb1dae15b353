"""Data models: versioned collections of views.

A data model lists its views by id, or holds them whole: as read with ``inline_views=True``, and as written
when the views are applied together with the model.

Example:
    >>> from cognite.client.data_classes.data_modeling import DataModelApply, ViewId
    >>> model = DataModelApply("plant", "Plant", "1", views=[ViewId("plant", "Pump", "v1")])
    >>> model.dump()
    {'space': 'plant', 'externalId': 'Plant', 'version': '1', 'views': [{'type': 'view', 'space': 'plant', 'externalId': 'Pump', 'version': 'v1'}]}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal

from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteObject,
    CogniteResourceList,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.data_modeling.containers import _get_by_id
from cognite.client.data_classes.data_modeling.core import (
    DataModelingSchemaResource,
    DataModelingSort,
    WritableDataModelingResource,
)
from cognite.client.data_classes.data_modeling.ids import DataModelId, ViewId
from cognite.client.data_classes.data_modeling.views import View, ViewApply

__all__ = [
    "CogniteFilter",
    "CogniteResourceList",
    "DataModel",
    "DataModelApply",
    "DataModelApplyList",
    "DataModelCore",
    "DataModelFilter",
    "DataModelId",
    "DataModelList",
    "DataModelingSchemaResource",
    "DataModelingSort",
    "DataModelsSort",
    "View",
    "ViewApply",
    "ViewId",
    "WriteableCogniteResourceList",
]


class DataModelCore(DataModelingSchemaResource):
    """Mixin of data models (read and write).

    Example:
        >>> from cognite.client.data_classes.data_modeling import DataModelApply
        >>> DataModelApply("s", "Plant", "1").as_id()
        DataModelId(space='s', external_id='Plant', version='1')
    """

    __slots__ = ()
    space: str
    external_id: str
    version: str

    def as_id(self) -> DataModelId:
        """Return the id of the data model."""
        return DataModelId(self.space, self.external_id, self.version)


def _check_model(obj: Any, view_cls: type[Any]) -> None:
    kind = type(obj).__name__
    for name in ("space", "external_id", "version"):
        if not isinstance(getattr(obj, name), str):
            raise TypeError(f"{kind}.{name} must be a str, got {getattr(obj, name)!r}")
    if obj.views is None:
        return
    if isinstance(obj.views, str | bytes | Mapping) or not isinstance(obj.views, Sequence):
        raise TypeError(f"{kind}.views must be a list of view ids or views, got {obj.views!r}")
    views: list[Any] = []
    for v in obj.views:
        if isinstance(v, View) and view_cls is ViewApply:  # a read view in a write model is applied as written
            views.append(v.as_write())
        elif isinstance(v, ViewId | View | ViewApply):
            views.append(v)
        elif isinstance(v, Mapping) and ("properties" in v or "createdTime" in v or "created_time" in v):
            views.append(view_cls.load(dict(v)))
        else:
            views.append(ViewId.load(v))
    obj.views = views


class DataModelApply(CogniteObject, DataModelCore, WritableDataModelingResource):  # type: ignore[misc]
    """A data model as written (``data_models.apply``).

    Args:
        space: The space of the data model.
        external_id: The external id of the data model.
        version: The version of the data model.
        description: A description.
        name: A readable name.
        views: The views: ids (``ViewId``) of views that exist, or views (``ViewApply``) applied with the model.

    Example:
        >>> from cognite.client.data_classes.data_modeling import DataModelApply, ViewApply
        >>> DataModelApply("s", "Plant", "1", views=[ViewApply("s", "Pump", "v1")]).views[0].as_id()
        ViewId(space='s', external_id='Pump', version='v1')
    """

    space: str
    external_id: str
    version: str
    description: str | None = None
    name: str | None = None
    views: list[Any] | None = None

    def __post_init__(self) -> None:
        _check_model(self, ViewApply)

    def as_write(self) -> DataModelApply:
        """Return the data model itself (it is the write form)."""
        return self


class DataModel(WriteableCogniteResource[DataModelApply], DataModelCore):  # type: ignore[misc]
    """A data model as read: its views are ids, or whole views when read with ``inline_views=True``.

    Args:
        space: The space of the data model.
        external_id: The external id of the data model.
        version: The version of the data model.
        is_global: The data model is defined by CDF (a system data model).
        last_updated_time: When the data model last changed (ms since epoch).
        created_time: When the data model was created (ms since epoch).
        description: A description.
        name: A readable name.
        views: The views (``ViewId`` or ``View``).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import DataModelApply, SpaceApply
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
        ...     model = client.data_modeling.data_models.apply(DataModelApply("s", "Plant", "1"))
        ...     model.as_write()
        DataModelApply(space='s', external_id='Plant', version='1', views=[])
    """

    space: str
    external_id: str
    version: str
    is_global: bool
    last_updated_time: int
    created_time: int
    description: str | None = None
    name: str | None = None
    views: list[Any] | None = None

    def __post_init__(self) -> None:
        _check_model(self, View)

    def as_apply(self) -> DataModelApply:
        """Return the write form of the data model (inline views become view ids)."""
        views = None if self.views is None else [v.as_id() if isinstance(v, View) else v for v in self.views]
        return DataModelApply(self.space, self.external_id, self.version, self.description, self.name, views)

    def as_write(self) -> DataModelApply:
        """Return the write form of the data model."""
        return self.as_apply()


class DataModelApplyList(CogniteResourceList[DataModelApply]):
    """A list of data models as written.

    Args:
        resources: The data models.

    Example:
        >>> from cognite.client.data_classes.data_modeling import DataModelApply, DataModelApplyList
        >>> DataModelApplyList([DataModelApply("s", "M", "1")]).as_ids()
        [DataModelId(space='s', external_id='M', version='1')]
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = DataModelApply

    def as_ids(self) -> list[DataModelId]:
        """Return the ids of the data models."""
        return [m.as_id() for m in self.data]


class DataModelList(WriteableCogniteResourceList[DataModelApply, DataModel]):
    """A list of data models as read.

    Args:
        resources: The data models.

    Example:
        >>> from cognite.client.data_classes.data_modeling import DataModel, DataModelList
        >>> models = DataModelList([DataModel("s", "M", "1", False, 0, 0), DataModel("s", "M", "2", False, 5, 5)])
        >>> models.latest_version().version
        '2'
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = DataModel

    def as_ids(self) -> list[DataModelId]:
        """Return the ids of the data models."""
        return [m.as_id() for m in self.data]

    def as_apply(self) -> DataModelApplyList:
        """Return the write form of the data models."""
        return DataModelApplyList([m.as_apply() for m in self.data])

    def as_write(self) -> DataModelApplyList:
        """Return the write form of the data models."""
        return self.as_apply()

    def latest_version(self, key: Literal["created_time", "last_updated_time"] = "created_time") -> DataModel:
        """Return the most recent data model of the list.

        Args:
            key: Decide by ``created_time`` or ``last_updated_time``.

        Returns:
            The data model.
        """
        if not self.data:
            raise ValueError("No data models in the list")
        if key not in ("created_time", "last_updated_time"):
            raise ValueError(f"key must be 'created_time' or 'last_updated_time', got {key!r}")
        return max(self.data, key=lambda m: getattr(m, key))

    def get(self, id: Any = None, external_id: str | None = None, instance_id: Any = None) -> DataModel | None:  # type: ignore[override]
        """Return the data model with this id (a ``DataModelId`` or a tuple), or None.

        Args:
            id: The data model id.
            external_id: The external id (the first data model with it).
            instance_id: Not used by data models.

        Returns:
            The data model or None.
        """
        return _get_by_id(self.data, id, external_id, DataModelId)  # type: ignore[no-any-return]


class DataModelFilter(CogniteFilter):
    """What ``data_models.list`` filters on.

    Args:
        space: Only data models in this space.
        inline_views: Return the views whole.
        all_versions: Every version, not only the latest.
        include_global: Include the data models CDF defines.

    Example:
        >>> from cognite.client.data_classes.data_modeling import DataModelFilter
        >>> DataModelFilter(space="s", all_versions=True).dump()
        {'space': 's', 'allVersions': True}
    """

    space: str | None = None
    inline_views: bool = False
    all_versions: bool = False
    include_global: bool = False


class DataModelsSort(DataModelingSort):
    """A sort of data models.

    Args:
        property: The property, e.g. ``"createdTime"``.
        direction: ``"ascending"`` or ``"descending"``.
        nulls_first: Put nulls before other values.

    Example:
        >>> from cognite.client.data_classes.data_modeling import DataModelsSort
        >>> DataModelsSort("createdTime", "descending").dump()["direction"]
        'descending'
    """
