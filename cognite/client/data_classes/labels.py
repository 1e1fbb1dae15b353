"""Labels: label definitions (the ``/labels`` resource) and the labels attached to assets, files, relationships.

Example:
    >>> from cognite.client.data_classes.labels import Label, LabelDefinitionWrite, LabelFilter
    >>> LabelDefinitionWrite(external_id="PUMP", name="Pump").dump()
    {'externalId': 'PUMP', 'name': 'Pump'}
    >>> LabelFilter(contains_any=["PUMP", "VALVE"]).dump()
    {'containsAny': [{'externalId': 'PUMP'}, {'externalId': 'VALVE'}]}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias, overload

from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    ExternalIDTransformerMixin,
    SequenceNotStr,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)

__all__ = [
    "CogniteFilter",
    "CogniteResource",
    "CogniteResourceList",
    "ExternalIDTransformerMixin",
    "Label",
    "LabelDefinition",
    "LabelDefinitionCore",
    "LabelDefinitionFilter",
    "LabelDefinitionList",
    "LabelDefinitionWrite",
    "LabelDefinitionWriteList",
    "LabelFilter",
    "SequenceNotStr",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class Label(CogniteObject, frozen=True):  # type: ignore[misc]
    """A label attached to a resource, referring to a label definition by external id.

    Args:
        external_id: The external id of the label definition.

    Example:
        >>> from cognite.client.data_classes.labels import Label
        >>> Label._load("PUMP") == Label("PUMP")
        True
    """

    external_id: str

    def __post_init__(self) -> None:
        if not isinstance(self.external_id, str):
            raise TypeError(f"Label.external_id must be a str, not {type(self.external_id).__name__}")

    @classmethod
    def _load(cls, resource: Any, cognite_client: Any = None) -> Label:
        """Load a label from an external id, a dict (camelCase or snake_case), a Label or a LabelDefinition."""
        if isinstance(resource, Label):
            return resource
        if isinstance(resource, str):
            return cls(resource)
        if isinstance(resource, Mapping):
            xid = resource.get("externalId", resource.get("external_id"))
            if xid is None:
                raise ValueError(f"A label dict needs 'externalId', got {dict(resource)!r}")
            return cls(xid)
        xid = getattr(resource, "external_id", None)
        if isinstance(xid, str):
            return cls(xid)
        raise TypeError(f"Cannot make a Label from {type(resource).__name__}: give a str, a dict or a Label")

    @overload
    @staticmethod
    def convert_label(label: None) -> None: ...
    @overload
    @staticmethod
    def convert_label(label: str | Label | LabelDefinition | Mapping[str, Any]) -> Label: ...  # type: ignore[overload-overlap]
    @overload
    @staticmethod
    def convert_label(label: Sequence[str | Label | LabelDefinition | Mapping[str, Any]]) -> list[Label]: ...
    @staticmethod
    def convert_label(label: Any) -> Label | list[Label] | None:
        """Convert labels given as external ids, dicts, Labels or LabelDefinitions to Label objects.

        Args:
            label: One label or a sequence of them; None gives None.

        Returns:
            A Label, a list of Labels, or None.

        Example:
            >>> from cognite.client.data_classes.labels import Label
            >>> Label.convert_label(["PUMP", {"externalId": "VALVE"}])
            [Label(external_id='PUMP'), Label(external_id='VALVE')]
        """
        if label is None:
            return None
        if isinstance(label, Sequence) and not isinstance(label, str):
            return [Label._load(x) for x in label]
        return Label._load(label)


LabelsLike: TypeAlias = "str | Label | LabelDefinition | Mapping[str, Any]"


def _labels(value: Any, name: str) -> list[Label] | None:
    if value is None:
        return None
    if isinstance(value, str | Label | Mapping) or not isinstance(value, Iterable):
        raise TypeError(f"LabelFilter.{name} must be a list of labels, not {type(value).__name__}")
    out = [Label._load(v) for v in value]
    if not out:
        raise ValueError(f"LabelFilter.{name} must hold at least one label")
    return out


class LabelFilter(CogniteFilter):
    """Match resources by their labels: all of them, or at least one of them.

    Give exactly one of ``contains_any`` and ``contains_all``.

    Args:
        contains_any: Match resources with at least one of these labels (external ids, dicts or Labels;
            held as Labels).
        contains_all: Match resources with all of these labels.

    Example:
        >>> from cognite.client.data_classes.labels import LabelFilter
        >>> LabelFilter(contains_all=["PUMP"]).dump(camel_case=False)
        {'contains_all': [{'external_id': 'PUMP'}]}
    """

    contains_any: list[Any] | None = None
    contains_all: list[Any] | None = None

    def __post_init__(self) -> None:
        self.contains_any = _labels(self.contains_any, "contains_any")
        self.contains_all = _labels(self.contains_all, "contains_all")
        if (self.contains_any is None) == (self.contains_all is None):
            raise ValueError("LabelFilter needs exactly one of contains_any and contains_all")

    @classmethod
    def load(cls, resource: dict[str, Any]) -> LabelFilter:
        """Load from ``{"containsAny": [...]}`` or ``{"containsAll": [...]}`` (labels as dicts or strings).

        Args:
            resource: The dictionary.

        Returns:
            The label filter.
        """
        if not isinstance(resource, Mapping):
            raise TypeError(f"resource must be a dict, not {type(resource).__name__}")
        return cls(
            contains_any=resource.get("containsAny", resource.get("contains_any")),
            contains_all=resource.get("containsAll", resource.get("contains_all")),
        )


class LabelDefinitionCore(WriteableCogniteResource["LabelDefinitionWrite"]):
    """Base of the read and write forms of a label definition (holds no fields of its own)."""


class LabelDefinition(LabelDefinitionCore):
    """A label definition as read from CDF.

    Args:
        external_id: The external id of the label definition.
        name: The name of the label.
        created_time: When it was created, in ms since epoch.
        description: A description.
        data_set_id: The data set it belongs to.

    Example:
        >>> from cognite.client.data_classes.labels import LabelDefinition
        >>> LabelDefinition.load({"externalId": "PUMP", "name": "Pump", "createdTime": 0}).as_write()
        LabelDefinitionWrite(external_id='PUMP', name='Pump')
    """

    external_id: str
    name: str
    created_time: int
    description: str | None = None
    data_set_id: int | None = None

    def as_write(self) -> LabelDefinitionWrite:
        """Return the write form (what ``labels.create`` accepts)."""
        return LabelDefinitionWrite(
            external_id=self.external_id, name=self.name, description=self.description, data_set_id=self.data_set_id
        )


class LabelDefinitionWrite(LabelDefinitionCore):
    """A label definition to create.

    Args:
        external_id: The external id of the label definition.
        name: The name of the label.
        description: A description.
        data_set_id: The data set it belongs to.

    Example:
        >>> from cognite.client.data_classes.labels import LabelDefinitionWrite
        >>> LabelDefinitionWrite("PUMP", "Pump", description="Pumps").dump()
        {'externalId': 'PUMP', 'name': 'Pump', 'description': 'Pumps'}
    """

    external_id: str
    name: str
    description: str | None = None
    data_set_id: int | None = None

    def as_write(self) -> LabelDefinitionWrite:
        """Return self (this is already the write form)."""
        return self


class LabelDefinitionFilter(CogniteFilter):
    """Filter label definitions.

    Args:
        name: Match this exact name.
        external_id_prefix: Match external ids starting with this prefix.
        data_set_ids: Match these data sets: ``[{"id": 1}, {"externalId": "ds"}]`` (ints become ``{"id": ...}``).

    Example:
        >>> from cognite.client.data_classes.labels import LabelDefinitionFilter
        >>> LabelDefinitionFilter(external_id_prefix="PU", data_set_ids=[1]).dump()
        {'externalIdPrefix': 'PU', 'dataSetIds': [{'id': 1}]}
    """

    name: str | None = None
    external_id_prefix: str | None = None
    data_set_ids: list[dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        if self.data_set_ids is not None:
            out: list[dict[str, Any]] = []
            for ds in self.data_set_ids:
                if isinstance(ds, int) and not isinstance(ds, bool):
                    out.append({"id": ds})
                elif isinstance(ds, str):
                    out.append({"externalId": ds})
                elif isinstance(ds, Mapping):
                    out.append({("externalId" if k == "external_id" else k): v for k, v in ds.items()})
                else:
                    raise TypeError(f"LabelDefinitionFilter.data_set_ids items must be int, str or dict, not {ds!r}")
            self.data_set_ids = out


class LabelDefinitionWriteList(CogniteResourceList[LabelDefinitionWrite], ExternalIDTransformerMixin):
    """A list of label definitions to create.

    Args:
        resources: The label definitions.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = LabelDefinitionWrite


class LabelDefinitionList(
    WriteableCogniteResourceList[LabelDefinitionWrite, LabelDefinition], ExternalIDTransformerMixin
):
    """A list of label definitions read from CDF.

    Args:
        resources: The label definitions.
        cognite_client: The client to attach (optional).

    Example:
        >>> from cognite.client.data_classes.labels import LabelDefinitionList
        >>> LabelDefinitionList.load([{"externalId": "A", "name": "a", "createdTime": 0}]).as_external_ids()
        ['A']
    """

    _RESOURCE = LabelDefinition
    _WRITE_LIST = LabelDefinitionWriteList

    def as_write(self) -> LabelDefinitionWriteList:
        """Return the write form of every label definition."""
        return LabelDefinitionWriteList._from_items([r.as_write() for r in self.data], self._cognite_client)
