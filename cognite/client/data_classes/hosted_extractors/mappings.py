"""Hosted-extractor mappings: expressions that turn the messages of a source into CDF data, with the format of the
input (JSON, CSV, XML or protobuf).

Example:
    >>> from cognite.client.data_classes.hosted_extractors import CustomMapping, CSVInput, MappingWrite
    >>> MappingWrite("m", CustomMapping("input.value"), published=True, input=CSVInput(";")).dump()
    {'externalId': 'm', 'mapping': {'expression': 'input.value'}, 'published': True, 'input': {'type': 'csv', 'delimiter': ';'}}
"""

from __future__ import annotations

from typing import Any

from cognite.client.data_classes._base import (
    CogniteExternalIdUpdate,
    CogniteObject,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    PropertySpec,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)
from cognite.client.data_classes.data_modeling.core import UnknownWireObject
from cognite.client.data_classes.hosted_extractors._poly import PolymorphicBase

__all__ = [
    "CSVInput",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "CustomMapping",
    "ExternalIDTransformerMixin",
    "InputMapping",
    "JSONInput",
    "Mapping",
    "MappingList",
    "MappingUpdate",
    "MappingWrite",
    "MappingWriteList",
    "PropertySpec",
    "ProtoBufFile",
    "ProtoBufInput",
    "UnknownCogniteResource",
    "UnknownInputMapping",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "XMLInput",
]


class CustomMapping(CogniteObject):
    """A mapping expression (in the hosted-extractor mapping language).

    Args:
        expression: The expression.
    """

    expression: str


class InputMapping(PolymorphicBase):
    """Base of the input formats of a mapping; ``InputMapping.load`` picks the class by ``type``.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import InputMapping
        >>> InputMapping.load({"type": "json"})
        JSONInput()
    """

    __slots__ = ()
    _WHAT = "input type"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the input format (with its ``type``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The dictionary.
        """
        raise NotImplementedError


class UnknownInputMapping(UnknownWireObject, InputMapping):
    """An input format this SDK version does not know (kept and written back as it was).

    Args:
        data: The raw dictionary.
    """

    __slots__ = ()


class ProtoBufFile(CogniteObject):
    """A protobuf schema file.

    Args:
        file_name: The file name (``name.proto``).
        content: The file content (given when creating; CDF returns only the name).
    """

    file_name: str
    content: str | None = None


class ProtoBufInput(CogniteObject, InputMapping, tag_field="type", tag="protobuf"):  # type: ignore[misc]
    """Protobuf messages.

    Args:
        message_name: The message type in the schema.
        files: The schema files.
    """

    message_name: str
    files: list[ProtoBufFile]


class CSVInput(CogniteObject, InputMapping, tag_field="type", tag="csv"):  # type: ignore[misc]
    """CSV messages.

    Args:
        delimiter: The delimiter (one character).
        custom_keys: Column names to use instead of the header row.
    """

    delimiter: str | None = None
    custom_keys: list[str] | None = None


class XMLInput(CogniteObject, InputMapping, tag_field="type", tag="xml"):  # type: ignore[misc]
    """XML messages."""


class JSONInput(CogniteObject, InputMapping, tag_field="type", tag="json"):  # type: ignore[misc]
    """JSON messages."""


InputMapping._OPTIONS = {"protobuf": ProtoBufInput, "csv": CSVInput, "xml": XMLInput, "json": JSONInput}
InputMapping._UNKNOWN = UnknownInputMapping


class MappingWrite(CogniteObject):
    """A mapping to create.

    Args:
        external_id: The external id.
        mapping: The mapping expression.
        published: Whether it can be used by jobs.
        input: The input format (CDF's default: JSON).
    """

    external_id: str
    mapping: CustomMapping
    published: bool
    input: InputMapping | None = None

    def as_write(self) -> MappingWrite:
        """Return the object itself (it is the write form)."""
        return self


class Mapping(WriteableCogniteResource[MappingWrite]):
    """A mapping, as read.

    Args:
        external_id: The external id.
        mapping: The mapping expression.
        published: Whether it can be used by jobs.
        input: The input format.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
    """

    external_id: str
    mapping: CustomMapping
    published: bool
    input: InputMapping | None = None
    created_time: int | None = None
    last_updated_time: int | None = None

    def as_write(self) -> MappingWrite:
        """Return the write form (a protobuf input's file contents are not returned by CDF)."""
        return MappingWrite(self.external_id, CustomMapping(self.mapping.expression), self.published, self.input)


class MappingUpdate(CogniteExternalIdUpdate):
    """Changes to a mapping: ``mapping``, ``input`` and ``published``.

    Args:
        external_id: The external id of the mapping.

    Example:
        >>> from cognite.client.data_classes.hosted_extractors import MappingUpdate
        >>> MappingUpdate("m").published.set(False).dump()
        {'externalId': 'm', 'update': {'published': {'set': False}}}
    """

    mapping = update_field(CognitePrimitiveUpdate)
    input = update_field(CognitePrimitiveUpdate)
    published = update_field(CognitePrimitiveUpdate)

    _PROPERTIES = (
        PropertySpec("mapping", is_nullable=False),
        PropertySpec("input"),
        PropertySpec("published", is_nullable=False),
    )


class MappingWriteList(CogniteResourceList[MappingWrite], ExternalIDTransformerMixin):
    """A list of mappings to create.

    Args:
        resources: The mappings.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = MappingWrite


class MappingList(WriteableCogniteResourceList[MappingWrite, Mapping], ExternalIDTransformerMixin):
    """A list of mappings.

    Args:
        resources: The mappings.
        cognite_client: The client to attach (optional).
    """

    _RESOURCE = Mapping
    _WRITE_LIST = MappingWriteList
