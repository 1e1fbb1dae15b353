"""Document data classes: documents (derived by CDF from files with content), their source files, search highlights,
the properties to filter, sort and aggregate on, and temporary preview links.

Example:
    >>> from cognite.client.data_classes.documents import Document, DocumentProperty, SourceFileProperty
    >>> doc = Document.load({"id": 1, "createdTime": 0, "sourceFile": {"name": "a.txt", "metadata": {"k": "v"}}})
    >>> doc.source_file.name, doc.source_file.metadata
    ('a.txt', {'k': 'v'})
    >>> DocumentProperty.mime_type.as_reference(), SourceFileProperty.metadata_key("site")
    (['mimeType'], ['sourceFile', 'metadata', 'site'])
"""

from __future__ import annotations

from typing import Any, Literal

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    CogniteSort,
    IdTransformerMixin,
)
from cognite.client.data_classes.aggregations import UniqueResult
from cognite.client.data_classes.data_modeling.ids import InstanceId
from cognite.client.data_classes.filters import EnumProperty
from cognite.client.data_classes.labels import Label, LabelDefinition

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "CogniteSort",
    "Document",
    "DocumentHighlight",
    "DocumentHighlightList",
    "DocumentList",
    "DocumentProperty",
    "DocumentSort",
    "DocumentUniqueResult",
    "DocumentsGeoJsonGeometry",
    "EnumProperty",
    "Geometry",
    "Highlight",
    "IdTransformerMixin",
    "InstanceId",
    "Label",
    "LabelDefinition",
    "SortableDocumentProperty",
    "SortableSourceFileProperty",
    "SourceFile",
    "SourceFileProperty",
    "TemporaryLink",
    "UniqueResult",
]


class DocumentsGeoJsonGeometry(CogniteObject):
    """A GeoJSON geometry of a document (the geometry of its source file's geo location).

    Args:
        type: Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection.
        coordinates: The coordinates (nested lists of numbers); not used by GeometryCollection.
        geometries: The geometries of a GeometryCollection.

    Example:
        >>> from cognite.client.data_classes.documents import DocumentsGeoJsonGeometry
        >>> DocumentsGeoJsonGeometry("Point", [10.7, 59.9]).dump()
        {'type': 'Point', 'coordinates': [10.7, 59.9]}
    """

    type: str
    coordinates: list[Any] | None = None
    geometries: list[DocumentsGeoJsonGeometry] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.type, str):
            raise TypeError(f"DocumentsGeoJsonGeometry.type must be a str, not {type(self.type).__name__}")
        if self.geometries is not None:
            self.geometries = [g if isinstance(g, DocumentsGeoJsonGeometry) else _geometry(g) for g in self.geometries]


def _geometry(value: Any) -> DocumentsGeoJsonGeometry:
    return DocumentsGeoJsonGeometry.load(value)


#: The name the reference SDK also exposes the geometry of documents under.
Geometry = DocumentsGeoJsonGeometry


class SourceFile(CogniteObject):
    """The file a document was derived from, as it was when the document was indexed.

    Args:
        name: The file name.
        hash: A hash of the content.
        directory: The directory of the file.
        source: The source of the file.
        mime_type: The media type of the file.
        size: The size in bytes.
        asset_ids: The ids of the assets the file relates to.
        labels: The labels of the file.
        geo_location: The geometry of the file's geo location.
        dataset_id: The data set of the file.
        security_categories: The security categories of the file.
        metadata: The metadata of the file.

    Example:
        >>> from cognite.client.data_classes.documents import SourceFile
        >>> SourceFile.load({"name": "a.pdf", "datasetId": 3}).dataset_id
        3
    """

    name: str
    hash: str | None = None
    directory: str | None = None
    source: str | None = None
    mime_type: str | None = None
    size: int | None = None
    asset_ids: list[int] | None = None
    labels: list[Label] | None = None
    geo_location: DocumentsGeoJsonGeometry | None = None
    dataset_id: int | None = None
    security_categories: list[int] | None = None
    metadata: dict[str, str] | None = None


class Document(CogniteResource):
    """A document: a file with content that CDF has indexed (text extracted, type and language detected).

    Args:
        id: The id (the id of the source file).
        created_time: When the document was created (ms since epoch).
        source_file: The file the document was derived from.
        external_id: The external id (of the source file).
        instance_id: The instance id (of the source file, when data modeling owns it).
        title: The title.
        author: The author.
        producer: The software that produced the document.
        modified_time: When the document was last modified (ms since epoch).
        last_indexed_time: When the document was last indexed (ms since epoch).
        mime_type: The detected media type.
        extension: The file name extension, e.g. ``pdf``.
        page_count: The number of pages.
        type: The detected kind of document, e.g. ``PDF`` or ``Plain text``.
        language: The detected language.
        truncated_content: The start of the extracted text.
        asset_ids: The ids of the assets the document relates to.
        labels: The labels.
        geo_location: The geometry of the document's geo location.

    Example:
        >>> from cognite.client.data_classes.documents import Document
        >>> Document.load({"id": 7, "createdTime": 1, "sourceFile": {"name": "a.txt"}, "type": "Plain text"}).type
        'Plain text'
    """

    id: int
    created_time: int
    source_file: SourceFile
    external_id: str | None = None
    instance_id: InstanceId | None = None
    title: str | None = None
    author: str | None = None
    producer: str | None = None
    modified_time: int | None = None
    last_indexed_time: int | None = None
    mime_type: str | None = None
    extension: str | None = None
    page_count: int | None = None
    type: str | None = None
    language: str | None = None
    truncated_content: str | None = None
    asset_ids: list[int] | None = None
    labels: list[Label] | None = None
    geo_location: DocumentsGeoJsonGeometry | None = None

    def __post_init__(self) -> None:
        if isinstance(self.source_file, dict):
            self.source_file = SourceFile.load(self.source_file)


class DocumentList(CogniteResourceList[Document], IdTransformerMixin):
    """A list of documents.

    Example:
        >>> from cognite.client.data_classes.documents import DocumentList
        >>> DocumentList.load([{"id": 1, "createdTime": 0, "sourceFile": {"name": "a"}}]).as_ids()
        [1]
    """

    _RESOURCE = Document


class Highlight(CogniteObject):
    """The parts of a document that matched a search, with the matches marked up (``<em>...</em>``).

    Args:
        name: Matches in the name of the document.
        content: Matches in the content of the document.

    Example:
        >>> from cognite.client.data_classes.documents import Highlight
        >>> Highlight(name=["<em>pump</em>.txt"], content=[]).name
        ['<em>pump</em>.txt']
    """

    name: list[str]
    content: list[str]


class DocumentHighlight(CogniteResource):
    """A document found by a search, with the highlights of what matched.

    Args:
        highlight: What matched.
        document: The document.

    Example:
        >>> from cognite.client.data_classes.documents import DocumentHighlight
        >>> hit = DocumentHighlight.load({
        ...     "highlight": {"name": [], "content": ["a <em>pump</em>"]},
        ...     "document": {"id": 1, "createdTime": 0, "sourceFile": {"name": "a.txt"}},
        ... })
        >>> hit.highlight.content, hit.document.id
        (['a <em>pump</em>'], 1)
    """

    highlight: Highlight
    document: Document

    @classmethod
    def _from_search_item(cls, item: dict[str, Any]) -> DocumentHighlight:
        """Build from a search answer item ``{"item": document, "highlight": {...}}``."""
        highlight = item.get("highlight") or {"name": [], "content": []}
        return cls.load({"highlight": highlight, "document": item["item"]})


class DocumentHighlightList(CogniteResourceList[DocumentHighlight]):
    """A list of documents found by a search, with highlights."""

    _RESOURCE = DocumentHighlight


class DocumentProperty(EnumProperty):
    """The properties of documents to filter and aggregate on (``DocumentProperty.mime_type``)."""

    external_id = "externalId"
    instance_id = "instanceId"
    title = "title"
    author = "author"
    producer = "producer"
    created_time = "createdTime"
    modified_time = "modifiedTime"
    last_indexed_time = "lastIndexedTime"
    mime_type = "mimeType"
    extension = "extension"
    page_count = "pageCount"
    type = "type"
    language = "language"
    asset_ids = "assetIds"
    asset_external_ids = "assetExternalIds"
    labels = "labels"
    content = "content"
    id = "id"


class SortableDocumentProperty(EnumProperty):
    """The properties of documents to sort on."""

    id = "id"
    external_id = "externalId"
    mime_type = "mimeType"
    extension = "extension"
    page_count = "pageCount"
    author = "author"
    title = "title"
    language = "language"
    type = "type"
    producer = "producer"
    created_time = "createdTime"
    modified_time = "modifiedTime"
    last_indexed_time = "lastIndexedTime"


class SourceFileProperty(EnumProperty):
    """The properties of documents' source files to filter and aggregate on (``SourceFileProperty.name``)."""

    name = "name"
    mime_type = "mimeType"
    size = "size"
    asset_ids = "assetIds"
    asset_external_ids = "assetExternalIds"
    source = "source"
    data_set_id = "datasetId"
    dataset_id = "datasetId"
    metadata = "metadata"
    security_categories = "securityCategories"
    labels = "labels"
    directory = "directory"
    hash = "hash"
    geo_location = "geoLocation"

    def as_reference(self) -> list[str]:
        """The property path on the wire, e.g. ``["sourceFile", "name"]``."""
        return ["sourceFile", self.value]

    @staticmethod
    def metadata_key(key: str) -> list[str]:
        """The property path of one metadata key of the source file, e.g. ``["sourceFile", "metadata", "site"]``."""
        return ["sourceFile", "metadata", key]


class SortableSourceFileProperty(EnumProperty):
    """The properties of documents' source files to sort on."""

    name = "name"
    mime_type = "mimeType"
    source = "source"
    data_set_id = "datasetId"
    metadata = "metadata"

    def as_reference(self) -> list[str]:
        """The property path on the wire, e.g. ``["sourceFile", "name"]``."""
        return ["sourceFile", self.value]


SortableProperty = SortableDocumentProperty | SortableSourceFileProperty | str | list[str]


class DocumentSort(CogniteSort):
    """A sort of documents: one property and an order (documents sort on one property only).

    Args:
        property: A sortable property: an enum member, a name (camelCase or snake_case) or a path.
        order: "asc" or "desc".

    Example:
        >>> from cognite.client.data_classes.documents import DocumentSort, SortableSourceFileProperty
        >>> DocumentSort(SortableSourceFileProperty.name, "desc").dump()
        {'property': ['sourceFile', 'name'], 'order': 'desc'}
    """

    def __init__(self, property: SortableProperty, order: Literal["asc", "desc"] = "asc") -> None:
        if not isinstance(property, EnumProperty | str | list | tuple):
            raise TypeError(f"property must be a sortable property, a name or a path, not {type(property).__name__}")
        super().__init__(property, order)

    @classmethod
    def load(cls, data: dict[str, Any] | str | tuple[Any, ...] | list[Any]) -> DocumentSort:
        """Load a sort from a dict, a property name or path, or a ``(property, order)`` tuple."""
        if isinstance(data, dict):
            return cls(data["property"], data.get("order", "asc"))
        if isinstance(data, tuple):
            if not 1 <= len(data) <= 2:
                raise ValueError(f"A document sort is (property, order), got {data!r}")
            return cls(*data)
        if isinstance(data, str | list):
            return cls(data)
        raise TypeError(f"Cannot load a DocumentSort from {type(data).__name__}")


class DocumentUniqueResult(UniqueResult):
    """One bucket of a unique-values aggregate of documents: the value(s) and how many documents have them.

    Args:
        count: The number of documents.
        values: The value(s) of the bucket.
    """


class TemporaryLink(CogniteObject):
    """A link that is valid for a limited time (e.g. to the PDF preview of a document).

    Args:
        url: The link.
        expires_at: When it expires (ms since epoch).

    Example:
        >>> from cognite.client.data_classes.documents import TemporaryLink
        >>> TemporaryLink.load({"temporaryLink": "https://x", "expirationTime": 5}).expires_at
        5
    """

    url: str
    expires_at: int

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> TemporaryLink:
        """Load a link from the API's ``{"temporaryLink", "expirationTime"}`` (or from ``{"url", "expiresAt"}``).

        Args:
            resource: The dictionary or its JSON.
            cognite_client: Unused.

        Returns:
            The link.
        """
        import json

        data = json.loads(resource) if isinstance(resource, str) else dict(resource)
        url = data.get("temporaryLink", data.get("url"))
        expires = data.get("expirationTime", data.get("expiresAt", data.get("expires_at")))
        if not isinstance(url, str) or not isinstance(expires, int):
            raise ValueError(f"A temporary link needs a url and an expiry time, got {data!r}")
        return cls(url=url, expires_at=expires)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the link.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            ``{"url", "expiresAt"}`` (snake_case: ``expires_at``).
        """
        return {"url": self.url, "expiresAt" if camel_case else "expires_at": self.expires_at}
