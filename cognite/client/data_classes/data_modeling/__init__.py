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
from typing import TYPE_CHECKING, Any

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

# The schema: spaces, containers (and property types), views, data models; statistics.
_DM = "cognite.client.data_classes.data_modeling."
_SCHEMA_NAMES: dict[str, tuple[str, ...]] = {
    "spaces": ("Space", "SpaceApply", "SpaceApplyList", "SpaceList"),
    "containers": (
        "BTreeIndex", "BTreeIndexApply", "Constraint", "ConstraintApply", "Container", "ContainerApply",
        "ContainerApplyList", "ContainerList", "ContainerProperty", "ContainerPropertyApply", "Index", "IndexApply",
        "InvertedIndex", "InvertedIndexApply", "RequiresConstraint", "RequiresConstraintApply", "UniquenessConstraint",
        "UniquenessConstraintApply",
    ),
    "data_types": (
        "Boolean", "CDFExternalIdReference", "Date", "DirectRelation", "FileReference", "Float32", "Float64", "Int32",
        "Int64", "Json", "PropertyType", "SequenceReference", "StateSetEntry", "Text", "TimeSeriesReference",
        "Timestamp",
    ),
    "views": (
        "ConnectionDefinition", "EdgeConnection", "EdgeConnectionApply", "MappedProperty", "MappedPropertyApply",
        "MultiEdgeConnection", "MultiEdgeConnectionApply", "MultiReverseDirectRelation",
        "MultiReverseDirectRelationApply", "RecordViewApply", "SingleEdgeConnection", "SingleEdgeConnectionApply",
        "SingleHopConnectionDefinition", "SingleReverseDirectRelation", "SingleReverseDirectRelationApply", "View",
        "ViewApply", "ViewApplyList", "ViewFilter", "ViewList",
    ),
    "data_models": (
        "DataModel", "DataModelApply", "DataModelApplyList", "DataModelFilter", "DataModelList", "DataModelsSort",
    ),
}  # fmt: skip
for _module, _names in _SCHEMA_NAMES.items():
    _LAZY.update(dict.fromkeys(_names, _DM + _module))
    __all__ += _names

# Instances (nodes and edges), their write forms and results.
_INSTANCES = "cognite.client.data_classes.data_modeling.instances"
_INSTANCE_NAMES = (
    "Edge", "EdgeApply", "EdgeApplyList", "EdgeApplyResult", "EdgeApplyResultList", "EdgeList", "EdgeListWithCursor",
    "InstanceApply", "InstanceSort", "InstancesApply", "InstancesApplyResult", "InstancesDeleteResult",
    "InstancesResult", "InvolvedContainers", "InvolvedViews", "Node", "NodeApply", "NodeApplyList", "NodeApplyResult",
    "NodeApplyResultList", "NodeList", "NodeListWithCursor", "NodeOrEdgeData", "PropertyOptions", "TargetUnit",
    "TypedEdge", "TypedEdgeApply", "TypedNode", "TypedNodeApply",
)  # fmt: skip
_LAZY.update(dict.fromkeys(_INSTANCE_NAMES, _INSTANCES))
__all__ += _INSTANCE_NAMES
# The query language (query and sync), debug settings and subscriptions.
_QUERY_NAMES = (
    "EdgeResultSetExpression", "EdgeResultSetExpressionSync", "Intersection", "NodeOrEdgeResultSetExpression",
    "NodeResultSetExpression", "NodeResultSetExpressionSync", "Query", "QueryResult", "QuerySync",
    "ResultSetExpression", "ResultSetExpressionSync", "Select", "SelectSync", "SetOperation", "SourceSelector",
    "Union", "UnionAll",
)  # fmt: skip
_DEBUG_NAMES = ("DebugNotice", "DebugNoticeList", "DebugParameters", "ExecutionPlan", "TranslatedQuery")
_LAZY.update(dict.fromkeys(_QUERY_NAMES, "cognite.client.data_classes.data_modeling.query"))
_LAZY.update(dict.fromkeys(_DEBUG_NAMES, "cognite.client.data_classes.data_modeling.debug"))
_LAZY["SubscriptionContext"] = "cognite.client.data_classes.data_modeling.sync"
_LAZY.update(dict.fromkeys(("AggregatedValue", "Aggregation"), "cognite.client.data_classes.aggregations"))
__all__ += (*_QUERY_NAMES, *_DEBUG_NAMES, "SubscriptionContext", "AggregatedValue", "Aggregation")

if TYPE_CHECKING:  # what type checkers see of the lazy names above (users subclass TypedNode, ...)
    from cognite.client.data_classes.aggregations import AggregatedValue as AggregatedValue
    from cognite.client.data_classes.aggregations import Aggregation as Aggregation
    from cognite.client.data_classes.data_modeling.debug import DebugNotice as DebugNotice
    from cognite.client.data_classes.data_modeling.debug import DebugNoticeList as DebugNoticeList
    from cognite.client.data_classes.data_modeling.debug import DebugParameters as DebugParameters
    from cognite.client.data_classes.data_modeling.debug import ExecutionPlan as ExecutionPlan
    from cognite.client.data_classes.data_modeling.debug import TranslatedQuery as TranslatedQuery
    from cognite.client.data_classes.data_modeling.instances import Edge as Edge
    from cognite.client.data_classes.data_modeling.instances import EdgeApply as EdgeApply
    from cognite.client.data_classes.data_modeling.instances import EdgeApplyList as EdgeApplyList
    from cognite.client.data_classes.data_modeling.instances import EdgeApplyResult as EdgeApplyResult
    from cognite.client.data_classes.data_modeling.instances import EdgeApplyResultList as EdgeApplyResultList
    from cognite.client.data_classes.data_modeling.instances import EdgeList as EdgeList
    from cognite.client.data_classes.data_modeling.instances import EdgeListWithCursor as EdgeListWithCursor
    from cognite.client.data_classes.data_modeling.instances import InstanceApply as InstanceApply
    from cognite.client.data_classes.data_modeling.instances import InstancesApply as InstancesApply
    from cognite.client.data_classes.data_modeling.instances import InstancesApplyResult as InstancesApplyResult
    from cognite.client.data_classes.data_modeling.instances import InstancesDeleteResult as InstancesDeleteResult
    from cognite.client.data_classes.data_modeling.instances import InstanceSort as InstanceSort
    from cognite.client.data_classes.data_modeling.instances import InstancesResult as InstancesResult
    from cognite.client.data_classes.data_modeling.instances import InvolvedContainers as InvolvedContainers
    from cognite.client.data_classes.data_modeling.instances import InvolvedViews as InvolvedViews
    from cognite.client.data_classes.data_modeling.instances import Node as Node
    from cognite.client.data_classes.data_modeling.instances import NodeApply as NodeApply
    from cognite.client.data_classes.data_modeling.instances import NodeApplyList as NodeApplyList
    from cognite.client.data_classes.data_modeling.instances import NodeApplyResult as NodeApplyResult
    from cognite.client.data_classes.data_modeling.instances import NodeApplyResultList as NodeApplyResultList
    from cognite.client.data_classes.data_modeling.instances import NodeList as NodeList
    from cognite.client.data_classes.data_modeling.instances import NodeListWithCursor as NodeListWithCursor
    from cognite.client.data_classes.data_modeling.instances import NodeOrEdgeData as NodeOrEdgeData
    from cognite.client.data_classes.data_modeling.instances import PropertyOptions as PropertyOptions
    from cognite.client.data_classes.data_modeling.instances import TargetUnit as TargetUnit
    from cognite.client.data_classes.data_modeling.instances import TypedEdge as TypedEdge
    from cognite.client.data_classes.data_modeling.instances import TypedEdgeApply as TypedEdgeApply
    from cognite.client.data_classes.data_modeling.instances import TypedNode as TypedNode
    from cognite.client.data_classes.data_modeling.instances import TypedNodeApply as TypedNodeApply
    from cognite.client.data_classes.data_modeling.query import EdgeResultSetExpression as EdgeResultSetExpression
    from cognite.client.data_classes.data_modeling.query import (
        EdgeResultSetExpressionSync as EdgeResultSetExpressionSync,
    )
    from cognite.client.data_classes.data_modeling.query import Intersection as Intersection
    from cognite.client.data_classes.data_modeling.query import (
        NodeOrEdgeResultSetExpression as NodeOrEdgeResultSetExpression,
    )
    from cognite.client.data_classes.data_modeling.query import NodeResultSetExpression as NodeResultSetExpression
    from cognite.client.data_classes.data_modeling.query import (
        NodeResultSetExpressionSync as NodeResultSetExpressionSync,
    )
    from cognite.client.data_classes.data_modeling.query import Query as Query
    from cognite.client.data_classes.data_modeling.query import QueryResult as QueryResult
    from cognite.client.data_classes.data_modeling.query import QuerySync as QuerySync
    from cognite.client.data_classes.data_modeling.query import ResultSetExpression as ResultSetExpression
    from cognite.client.data_classes.data_modeling.query import ResultSetExpressionSync as ResultSetExpressionSync
    from cognite.client.data_classes.data_modeling.query import Select as Select
    from cognite.client.data_classes.data_modeling.query import SelectSync as SelectSync
    from cognite.client.data_classes.data_modeling.query import SetOperation as SetOperation
    from cognite.client.data_classes.data_modeling.query import SourceSelector as SourceSelector
    from cognite.client.data_classes.data_modeling.query import Union as Union
    from cognite.client.data_classes.data_modeling.query import UnionAll as UnionAll
    from cognite.client.data_classes.data_modeling.sync import SubscriptionContext as SubscriptionContext


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
