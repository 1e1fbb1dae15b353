"""Data-modeling data classes: ids now; containers, views, data models and instances as they are added.

The identifiers are imported eagerly (they are small and have no dependencies). Every other name is
resolved lazily on first access, through ``_LAZY`` (name → module), so that ``import
cognite.client.data_classes.data_modeling`` stays cheap and so that modules such as ``filters``, which
import ``data_modeling.ids``, never run into an import cycle with data-modeling modules that import
``filters``. To add a class, add its name to ``_LAZY`` and to ``__all__``.

Example:
    >>> from cognite.client.data_classes.data_modeling import NodeId, ViewId
    >>> NodeId("my_space", "pump1").as_tuple()
    ('my_space', 'pump1')
"""

from __future__ import annotations

import importlib
from typing import Any

from cognite.client.data_classes.data_modeling.ids import (
    ContainerId,
    DataModelId,
    DataModelingId,
    DirectRelationReference,
    EdgeId,
    InstanceId,
    NodeId,
    PropertyId,
    VersionedDataModelingId,
    ViewId,
)

_FILTERS = "cognite.client.data_classes.filters"

# Names defined in other modules, imported on first access (name -> module path).
_LAZY: dict[str, str] = {
    "Filter": _FILTERS,
}

__all__ = [
    "ContainerId",
    "DataModelId",
    "DataModelingId",
    "DirectRelationReference",
    "EdgeId",
    "Filter",
    "InstanceId",
    "NodeId",
    "PropertyId",
    "VersionedDataModelingId",
    "ViewId",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
