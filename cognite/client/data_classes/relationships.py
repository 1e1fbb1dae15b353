"""Relationship data classes: read, write, update, filter and list classes.

A relationship links two resources (assets, time series, files, events, sequences) by their external ids. It is
identified by its own external id only (there is no internal id).

Example:
    >>> from cognite.client.data_classes.relationships import RelationshipWrite
    >>> RelationshipWrite("pump-feeds-tank", "pump", "asset", "tank", "asset", confidence=0.9).dump()
    {'externalId': 'pump-feeds-tank', 'sourceExternalId': 'pump', 'sourceType': 'asset', 'targetExternalId': 'tank', 'targetType': 'asset', 'confidence': 0.9}
"""

from __future__ import annotations

import importlib
import importlib.util
from collections import abc
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from cognite.client.data_classes._base import (
    CogniteExternalIdUpdate,
    CogniteFilter,
    CogniteLabelUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    PropertySpec,
    SequenceNotStr,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    lazy_names,
    update_field,
)
from cognite.client.data_classes.assets import Asset
from cognite.client.data_classes.labels import (
    ExternalIDTransformerMixin,
    Label,
    LabelDefinition,
    LabelDefinitionWrite,
    LabelFilter,
)
from cognite.client.data_classes.shared import TimestampRange

__all__ = [
    "Asset",
    "CogniteFilter",
    "CogniteLabelUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "ExternalIDTransformerMixin",
    "Label",
    "LabelDefinition",
    "LabelDefinitionWrite",
    "LabelFilter",
    "PropertySpec",
    "Relationship",
    "RelationshipCore",
    "RelationshipFilter",
    "RelationshipList",
    "RelationshipType",
    "RelationshipUpdate",
    "RelationshipWrite",
    "RelationshipWriteList",
    "SequenceNotStr",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

RelationshipType: TypeAlias = Literal["asset", "timeSeries", "file", "event", "sequence"]
"""The kinds of resource a relationship can link."""

#: Resource type -> (module, class) its resources load into when a relationship carries them (fetch_resources).
_RESOURCE_CLASSES: dict[str, tuple[str, str]] = {
    "asset": ("cognite.client.data_classes.assets", "Asset"),
    "timeSeries": ("cognite.client.data_classes.time_series", "TimeSeries"),
    "file": ("cognite.client.data_classes.files", "FileMetadata"),
    "event": ("cognite.client.data_classes.events", "Event"),
    "sequence": ("cognite.client.data_classes.sequences", "Sequence"),
}
#: Names this module re-exports from the data-class modules of the other resource types (loaded on first use).
_LAZY_NAMES = {cls: module for module, cls in _RESOURCE_CLASSES.values() if cls != "Asset"}
_TYPE_BY_LOWER = {t.lower(): t for t in _RESOURCE_CLASSES}
__all__ += sorted(_LAZY_NAMES)
__getattr__ = lazy_names(__name__, _LAZY_NAMES)

if TYPE_CHECKING:
    RelatedResource: TypeAlias = CogniteResource | dict[str, Any]
    LabelsArg: TypeAlias = abc.Sequence[Label | str | LabelDefinition | LabelDefinitionWrite | dict[str, Any]]
else:
    RelatedResource = Any  # decoded as JSON, then loaded by type in __post_init__
    LabelsArg = list[Label]  # what is decoded; anything label-like is accepted and turned into Labels


def _resource_class(resource_type: str | None) -> type[CogniteResource] | None:
    entry = _RESOURCE_CLASSES.get(resource_type or "")
    if entry is None:
        return None
    try:
        cls: type[CogniteResource] = getattr(importlib.import_module(entry[0]), entry[1])
    except (ImportError, AttributeError):
        return None
    return cls


def _load_related(value: Any, resource_type: str | None) -> Any:
    """Load a fetched source/target into its resource class (kept as a dict if that class is unknown)."""
    if not isinstance(value, dict):
        return value
    cls = _resource_class(resource_type)
    return value if cls is None else cls.load(value)


def _resource_type(value: Any, name: str) -> str:
    """Validate a resource type and return its wire form (``"Asset"`` and ``"timeseries"`` are accepted too).

    Args:
        value: The type given.
        name: The argument name (for the error).

    Returns:
        One of ``asset``, ``timeSeries``, ``file``, ``event``, ``sequence``.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    canonical = _TYPE_BY_LOWER.get(value.lower())
    if canonical is None:
        raise ValueError(f"{name} must be one of {sorted(_RESOURCE_CLASSES)}, got {value!r}")
    return canonical


def _labels(values: Any) -> list[Label] | None:
    if values is None:
        return None
    if isinstance(values, str | dict | Label) or not isinstance(values, abc.Sequence):
        values = [values]
    return [Label._load(v) for v in values]


class RelationshipCore(WriteableCogniteResource["RelationshipWrite"]):
    """The fields a relationship is written with, all optional here (see :class:`RelationshipWrite`)."""

    external_id: str | None = None
    source_external_id: str | None = None
    source_type: str | None = None
    target_external_id: str | None = None
    target_type: str | None = None
    start_time: int | None = None
    end_time: int | None = None
    confidence: float | None = None
    data_set_id: int | None = None
    labels: LabelsArg | None = None

    def __post_init__(self) -> None:
        self.labels = _labels(self.labels)
        if self.source_type is not None:
            self.source_type = _resource_type(self.source_type, "source_type")
        if self.target_type is not None:
            self.target_type = _resource_type(self.target_type, "target_type")
        if self.confidence is not None and not (
            isinstance(self.confidence, int | float) and not isinstance(self.confidence, bool)
        ):
            raise TypeError(f"confidence must be a number, not {type(self.confidence).__name__}")
        if self.confidence is not None and not 0 <= self.confidence <= 1:
            raise ValueError(f"confidence must be between 0 and 1, got {self.confidence!r}")

    def as_write(self) -> RelationshipWrite:
        """Return the write form of the relationship (what ``create`` accepts)."""
        return _write_form(self)


def _write_form(rel: RelationshipCore | Relationship) -> RelationshipWrite:
    """The write form of a relationship; the identifying fields must be set."""
    required = {
        "external_id": rel.external_id,
        "source_external_id": rel.source_external_id,
        "source_type": rel.source_type,
        "target_external_id": rel.target_external_id,
        "target_type": rel.target_type,
    }
    missing = [name for name, value in required.items() if value is None]
    if missing:
        raise ValueError(f"{', '.join(missing)} required to turn a {type(rel).__name__} into a RelationshipWrite")
    return RelationshipWrite(
        **required,  # type: ignore[arg-type]
        start_time=rel.start_time,
        end_time=rel.end_time,
        confidence=rel.confidence,
        data_set_id=rel.data_set_id,
        labels=rel.labels,
    )


class RelationshipWrite(RelationshipCore):
    """A relationship to create.

    Args:
        external_id: The external id of the relationship.
        source_external_id: The external id of the source resource.
        source_type: The type of the source: asset, timeSeries, file, event or sequence.
        target_external_id: The external id of the target resource.
        target_type: The type of the target.
        start_time: When the relationship starts being valid (ms since epoch).
        end_time: When it stops being valid (ms since epoch).
        confidence: How sure it is, between 0 and 1.
        data_set_id: The data set it belongs to.
        labels: Labels (external ids, dicts or Label objects).

    Example:
        >>> from cognite.client.data_classes.relationships import RelationshipWrite
        >>> RelationshipWrite("r1", "pump", "Asset", "ts-1", "timeseries", labels=["FLOW"]).dump()
        {'externalId': 'r1', 'sourceExternalId': 'pump', 'sourceType': 'asset', 'targetExternalId': 'ts-1', 'targetType': 'timeSeries', 'labels': [{'externalId': 'FLOW'}]}
    """

    external_id: str
    source_external_id: str
    source_type: str
    target_external_id: str
    target_type: str

    def as_write(self) -> RelationshipWrite:
        """Return this object (it is already the write form)."""
        return self


class Relationship(WriteableCogniteResource["RelationshipWrite"]):
    """A relationship as read from CDF; with ``fetch_resources``, ``source`` and ``target`` hold the resources.

    Args:
        external_id: The external id of the relationship.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        source_external_id: The external id of the source resource.
        source_type: The type of the source: asset, timeSeries, file, event or sequence.
        target_external_id: The external id of the target resource.
        target_type: The type of the target.
        source: The source resource (Asset, TimeSeries, FileMetadata, Event or Sequence), when fetched.
        target: The target resource, when fetched.
        start_time: When the relationship starts being valid (ms since epoch).
        end_time: When it stops being valid (ms since epoch).
        confidence: How sure it is, between 0 and 1.
        data_set_id: The data set it belongs to.
        labels: Labels.
    """

    external_id: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    source_external_id: str | None = None
    source_type: str | None = None
    target_external_id: str | None = None
    target_type: str | None = None
    source: RelatedResource | None = None
    target: RelatedResource | None = None
    start_time: int | None = None
    end_time: int | None = None
    confidence: float | None = None
    data_set_id: int | None = None
    labels: list[Label] | None = None

    def __post_init__(self) -> None:
        if self.labels is not None and any(not isinstance(x, Label) for x in self.labels):
            self.labels = _labels(self.labels)
        if self.source is not None:
            self.source = _load_related(self.source, self.source_type)
        if self.target is not None:
            self.target = _load_related(self.target, self.target_type)

    def as_write(self) -> RelationshipWrite:
        """Return the write form of the relationship (what ``create`` accepts)."""
        return _write_form(self)


class RelationshipWriteList(CogniteResourceList[RelationshipWrite], ExternalIDTransformerMixin):
    """A list of relationships to create."""

    _RESOURCE = RelationshipWrite


class RelationshipList(WriteableCogniteResourceList[RelationshipWrite, Relationship], ExternalIDTransformerMixin):
    """A list of relationships."""

    _RESOURCE = Relationship
    _WRITE_LIST = RelationshipWriteList


class RelationshipUpdate(CogniteExternalIdUpdate):
    """Changes to a relationship, by external id.

    Args:
        external_id: The external id of the relationship.

    Example:
        >>> from cognite.client.data_classes.relationships import RelationshipUpdate
        >>> RelationshipUpdate("r1").confidence.set(0.5).labels.add(["FLOW"]).end_time.set(None).dump()
        {'externalId': 'r1', 'update': {'confidence': {'set': 0.5}, 'labels': {'add': [{'externalId': 'FLOW'}]}, 'endTime': {'setNull': True}}}
    """

    _PROPERTIES = (
        PropertySpec("source_external_id", is_nullable=False),
        PropertySpec("source_type", is_nullable=False),
        PropertySpec("target_external_id", is_nullable=False),
        PropertySpec("target_type", is_nullable=False),
        PropertySpec("start_time"),
        PropertySpec("end_time"),
        PropertySpec("data_set_id"),
        PropertySpec("confidence"),
        PropertySpec("labels", is_list=True),
    )

    source_external_id: CognitePrimitiveUpdate[RelationshipUpdate] = update_field(CognitePrimitiveUpdate)
    source_type: CognitePrimitiveUpdate[RelationshipUpdate] = update_field(CognitePrimitiveUpdate)
    target_external_id: CognitePrimitiveUpdate[RelationshipUpdate] = update_field(CognitePrimitiveUpdate)
    target_type: CognitePrimitiveUpdate[RelationshipUpdate] = update_field(CognitePrimitiveUpdate)
    start_time: CognitePrimitiveUpdate[RelationshipUpdate] = update_field(CognitePrimitiveUpdate)
    end_time: CognitePrimitiveUpdate[RelationshipUpdate] = update_field(CognitePrimitiveUpdate)
    data_set_id: CognitePrimitiveUpdate[RelationshipUpdate] = update_field(CognitePrimitiveUpdate)
    confidence: CognitePrimitiveUpdate[RelationshipUpdate] = update_field(CognitePrimitiveUpdate)
    labels: CogniteLabelUpdate[RelationshipUpdate] = update_field(CogniteLabelUpdate)

    def dump(self, camel_case: Literal[True] = True) -> dict[str, Any]:
        """Dump the update to the wire format ``{"externalId": ..., "update": {...}}``."""
        out = super().dump(camel_case)
        for key in ("sourceType", "targetType"):
            op = out["update"].get(key)
            if op is not None and "set" in op:
                op["set"] = _resource_type(op["set"], _SNAKE[key])
        return out


_SNAKE = {"sourceType": "source_type", "targetType": "target_type"}


class RelationshipFilter(CogniteFilter):
    """Filter on relationships with exact matching (values within one field: any of them).

    Args:
        source_external_ids: Sources with these external ids.
        source_types: Sources of these types.
        target_external_ids: Targets with these external ids.
        target_types: Targets of these types.
        data_set_ids: Data sets (``{"id": ..}`` or ``{"externalId": ..}``).
        start_time: Range of start time (ms), e.g. ``{"min": 0, "max": 1}``.
        end_time: Range of end time (ms).
        confidence: Range of confidence, e.g. ``{"min": 0.5}``.
        last_updated_time: Range of last update time (ms).
        created_time: Range of creation time (ms).
        active_at_time: Relationships active at some time in this range (ms): those whose [start_time, end_time]
            overlaps it (a missing start or end means open-ended).
        labels: Label filter.

    Example:
        >>> from cognite.client.data_classes.relationships import RelationshipFilter
        >>> RelationshipFilter(source_types=["asset"], confidence={"min": 0.5}).dump()
        {'sourceTypes': ['asset'], 'confidence': {'min': 0.5}}
    """

    source_external_ids: list[str] | None = None
    source_types: list[str] | None = None
    target_external_ids: list[str] | None = None
    target_types: list[str] | None = None
    data_set_ids: list[dict[str, Any]] | None = None
    start_time: dict[str, Any] | TimestampRange | None = None
    end_time: dict[str, Any] | TimestampRange | None = None
    confidence: dict[str, Any] | None = None
    last_updated_time: dict[str, Any] | TimestampRange | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    active_at_time: dict[str, Any] | TimestampRange | None = None
    labels: LabelFilter | None = None

    def __post_init__(self) -> None:
        for name in ("source_types", "target_types"):
            values = getattr(self, name)
            if values is not None:
                if isinstance(values, str):
                    raise TypeError(f"{name} must be a list of str, not a str")
                setattr(self, name, [_resource_type(v, name) for v in values])
        for name in ("source_external_ids", "target_external_ids"):
            values = getattr(self, name)
            if values is not None:
                if isinstance(values, str) or any(not isinstance(v, str) for v in values):
                    raise TypeError(f"{name} must be a list of str, got {values!r}")
                setattr(self, name, list(values))
        if self.labels is not None and not isinstance(self.labels, LabelFilter):
            raise TypeError(f"labels must be a LabelFilter, not {type(self.labels).__name__}")
