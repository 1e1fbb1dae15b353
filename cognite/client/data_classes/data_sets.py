"""Data set data classes: read, write, update, filter and list classes.

Example:
    >>> from cognite.client.data_classes.data_sets import DataSetFilter, DataSetUpdate, DataSetWrite
    >>> DataSetWrite(external_id="ds", name="Sensors", write_protected=True).dump()
    {'externalId': 'ds', 'name': 'Sensors', 'writeProtected': True}
    >>> DataSetUpdate(external_id="ds").description.set(None).dump()
    {'externalId': 'ds', 'update': {'description': {'setNull': True}}}
"""

from __future__ import annotations

from typing import Any

from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteLabelUpdate,
    CogniteListUpdate,
    CogniteObjectUpdate,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)
from cognite.client.data_classes.shared import TimestampRange

__all__ = [
    "CogniteFilter",
    "CogniteLabelUpdate",
    "CogniteListUpdate",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "DataSet",
    "DataSetCore",
    "DataSetFilter",
    "DataSetList",
    "DataSetUpdate",
    "DataSetWrite",
    "DataSetWriteList",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "PropertySpec",
    "TimestampRange",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class DataSetCore(WriteableCogniteResource["DataSetWrite"]):
    """Base of the read and write forms of a data set (holds no fields of its own)."""


class DataSet(DataSetCore):
    """A data set as read from CDF: a group of data with common governance.

    Args:
        id: The internal id.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        write_protected: Only members of groups with ``datasets:owner`` may write to it.
        external_id: The external id.
        name: The name.
        description: A description.
        metadata: Custom string key-value pairs.

    Example:
        >>> from cognite.client.data_classes.data_sets import DataSet
        >>> DataSet.load({"id": 1, "externalId": "ds", "writeProtected": False, "createdTime": 0}).as_write()
        DataSetWrite(external_id='ds', write_protected=False)
    """

    id: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    write_protected: bool | None = None
    external_id: str | None = None
    name: str | None = None
    description: str | None = None
    metadata: dict[str, str] | None = None

    def as_write(self) -> DataSetWrite:
        """Return the write form of this data set (what ``create`` accepts)."""
        return DataSetWrite(
            external_id=self.external_id,
            name=self.name,
            description=self.description,
            metadata=self.metadata,
            write_protected=self.write_protected,
        )


class DataSetWrite(DataSetCore):
    """A data set to create.

    Args:
        external_id: A unique external id.
        name: The name.
        description: A description.
        metadata: Custom string key-value pairs.
        write_protected: Only members of groups with ``datasets:owner`` may write to it (default False).

    Example:
        >>> from cognite.client.data_classes.data_sets import DataSetWrite
        >>> DataSetWrite("ds", "Sensors").dump(camel_case=False)
        {'external_id': 'ds', 'name': 'Sensors'}
    """

    external_id: str | None = None
    name: str | None = None
    description: str | None = None
    metadata: dict[str, str] | None = None
    write_protected: bool | None = None

    def as_write(self) -> DataSetWrite:
        """Return this object (it is already the write form)."""
        return self


class DataSetWriteList(CogniteResourceList[DataSetWrite], ExternalIDTransformerMixin):
    """A list of data sets to create."""

    _RESOURCE = DataSetWrite


class DataSetList(WriteableCogniteResourceList[DataSetWrite, DataSet], IdTransformerMixin, ExternalIDTransformerMixin):
    """A list of data sets.

    Example:
        >>> from cognite.client.data_classes.data_sets import DataSetList
        >>> DataSetList.load([{"id": 1, "externalId": "a"}]).as_external_ids()
        ['a']
    """

    _RESOURCE = DataSet
    _WRITE_LIST = DataSetWriteList

    def as_write(self) -> DataSetWriteList:
        """Return the write form of every data set."""
        return DataSetWriteList._from_items([d.as_write() for d in self.data], self._cognite_client)


class DataSetUpdate(CogniteUpdate):
    """Changes to a data set, by id or external id.

    Args:
        id: The id of the data set.
        external_id: The external id of the data set.

    Example:
        >>> from cognite.client.data_classes.data_sets import DataSetUpdate
        >>> DataSetUpdate(id=1).write_protected.set(True).metadata.add({"k": "v"}).dump()
        {'id': 1, 'update': {'writeProtected': {'set': True}, 'metadata': {'add': {'k': 'v'}}}}
    """

    _PROPERTIES = (
        PropertySpec("external_id"),
        PropertySpec("name"),
        PropertySpec("description"),
        PropertySpec("metadata", is_object=True),
        PropertySpec("write_protected", is_nullable=False),
    )

    external_id: CognitePrimitiveUpdate[DataSetUpdate] = update_field(CognitePrimitiveUpdate)
    name: CognitePrimitiveUpdate[DataSetUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[DataSetUpdate] = update_field(CognitePrimitiveUpdate)
    metadata: CogniteObjectUpdate[DataSetUpdate] = update_field(CogniteObjectUpdate)
    write_protected: CognitePrimitiveUpdate[DataSetUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        super().__init__(id=id, external_id=external_id)


class DataSetFilter(CogniteFilter):
    """Filter on data sets with exact matching.

    Args:
        metadata: Metadata key-value pairs that must all match.
        created_time: Range of creation time (``{"min": ms, "max": ms}`` or TimestampRange).
        last_updated_time: Range of last update time.
        external_id_prefix: Prefix of the external id.
        write_protected: Only write-protected (True) or only unprotected (False) data sets.

    Example:
        >>> from cognite.client.data_classes.data_sets import DataSetFilter
        >>> DataSetFilter.load({"write_protected": True}).dump()
        {'writeProtected': True}
    """

    metadata: dict[str, str] | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    last_updated_time: dict[str, Any] | TimestampRange | None = None
    external_id_prefix: str | None = None
    write_protected: bool | None = None
