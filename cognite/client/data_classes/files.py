"""File data classes: metadata (read, write, update, filter, list) and the multipart upload session.

Example:
    >>> from cognite.client.data_classes.files import FileMetadataFilter, FileMetadataWrite
    >>> FileMetadataWrite(name="report.pdf", external_id="r1", mime_type="application/pdf").dump()
    {'name': 'report.pdf', 'externalId': 'r1', 'mimeType': 'application/pdf'}
    >>> FileMetadataFilter(directory_prefix="/reports", uploaded=True).dump()
    {'directoryPrefix': '/reports', 'uploaded': True}
"""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteInstanceIdUpdate,
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
    SequenceNotStr,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    update_field,
)
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.labels import Label, LabelFilter
from cognite.client.data_classes.shared import GeoLocation, GeoLocationFilter, TimestampRange
from cognite.client.exceptions import CogniteFileUploadError

if TYPE_CHECKING:
    from cognite.client._cognite_client import AsyncCogniteClient

__all__ = [
    "CogniteFileUploadError",
    "CogniteFilter",
    "CogniteLabelUpdate",
    "CogniteListUpdate",
    "CogniteObjectUpdate",
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "ExternalIDTransformerMixin",
    "FileMetadata",
    "FileMetadataCore",
    "FileMetadataFilter",
    "FileMetadataList",
    "FileMetadataUpdate",
    "FileMetadataWrite",
    "FileMetadataWriteList",
    "FileMultipartUploadSession",
    "GeoLocation",
    "GeoLocationFilter",
    "IdTransformerMixin",
    "Label",
    "LabelFilter",
    "NodeId",
    "PropertySpec",
    "SequenceNotStr",
    "TimestampRange",
    "UnknownCogniteResource",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


def _load_labels(labels: Sequence[Any] | None) -> list[Label] | None:
    return None if labels is None else [Label._load(x) for x in labels]


class FileMetadataCore(WriteableCogniteResource["FileMetadataWrite"]):
    """Base of the read and write forms of file metadata (holds no fields of its own)."""


class FileMetadataWrite(FileMetadataCore):
    """The metadata of a file to create (its content is uploaded separately).

    Args:
        name: The name of the file.
        external_id: A unique external id.
        source: The source of the file.
        mime_type: The media type, e.g. ``text/plain`` or ``application/pdf``.
        metadata: Custom string key-value pairs.
        directory: The directory it belongs to (an absolute, unix-style path).
        asset_ids: The ids of the assets it relates to.
        data_set_id: The data set it belongs to.
        labels: Labels (external ids, Label objects or dicts).
        geo_location: A GeoJSON feature.
        source_created_time: When it was created in the source system (ms since epoch).
        source_modified_time: When it was last modified in the source system (ms since epoch).
        security_categories: Security categories needed to access it.

    Example:
        >>> from cognite.client.data_classes.files import FileMetadataWrite
        >>> FileMetadataWrite("a.txt", labels=["doc"]).dump(camel_case=False)
        {'name': 'a.txt', 'labels': [{'external_id': 'doc'}]}
    """

    name: str
    external_id: str | None = None
    source: str | None = None
    mime_type: str | None = None
    metadata: dict[str, str] | None = None
    directory: str | None = None
    asset_ids: list[int] | None = None
    data_set_id: int | None = None
    labels: list[Label] | None = None
    geo_location: GeoLocation | None = None
    source_created_time: int | None = None
    source_modified_time: int | None = None
    security_categories: list[int] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise TypeError(f"FileMetadataWrite.name must be a str, not {type(self.name).__name__}")
        self.labels = _load_labels(self.labels)

    def as_write(self) -> FileMetadataWrite:
        """Return this object (it is already the write form)."""
        return self


class FileMetadata(FileMetadataCore):
    """The metadata of a file as read from CDF.

    Args:
        id: The internal id.
        uploaded: Whether the content has been uploaded.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        name: The name.
        uploaded_time: When the content was uploaded (ms since epoch).
        external_id: The external id.
        instance_id: The data-modeling node of the file (CogniteFile), if any.
        source: The source.
        mime_type: The media type.
        metadata: Custom string key-value pairs.
        directory: The directory it belongs to.
        asset_ids: The ids of the assets it relates to.
        data_set_id: The data set it belongs to.
        labels: Labels.
        geo_location: A GeoJSON feature.
        source_created_time: When it was created in the source system.
        source_modified_time: When it was last modified in the source system.
        security_categories: Security categories needed to access it.

    Example:
        >>> from cognite.client.data_classes.files import FileMetadata
        >>> FileMetadata.load({"id": 1, "name": "a.txt", "uploaded": True, "createdTime": 0}).as_write()
        FileMetadataWrite(name='a.txt')
    """

    id: int | None = None
    uploaded: bool | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    name: str | None = None
    uploaded_time: int | None = None
    external_id: str | None = None
    instance_id: NodeId | None = None
    source: str | None = None
    mime_type: str | None = None
    metadata: dict[str, str] | None = None
    directory: str | None = None
    asset_ids: list[int] | None = None
    data_set_id: int | None = None
    labels: list[Label] | None = None
    geo_location: GeoLocation | None = None
    source_created_time: int | None = None
    source_modified_time: int | None = None
    security_categories: list[int] | None = None

    def __post_init__(self) -> None:
        if self.labels is not None and any(not isinstance(x, Label) for x in self.labels):
            self.labels = _load_labels(self.labels)
        if isinstance(self.instance_id, tuple):
            self.instance_id = NodeId(*self.instance_id)
        elif isinstance(self.instance_id, dict):
            self.instance_id = NodeId.load(self.instance_id)

    def as_write(self) -> FileMetadataWrite:
        """Return the write form of this file's metadata (what ``create`` accepts)."""
        if self.name is None:
            raise ValueError("name is required to turn a FileMetadata into a FileMetadataWrite")
        return FileMetadataWrite(
            name=self.name,
            external_id=self.external_id,
            source=self.source,
            mime_type=self.mime_type,
            metadata=self.metadata,
            directory=self.directory,
            asset_ids=self.asset_ids,
            data_set_id=self.data_set_id,
            labels=self.labels,
            geo_location=self.geo_location,
            source_created_time=self.source_created_time,
            source_modified_time=self.source_modified_time,
            security_categories=self.security_categories,
        )


class FileMetadataWriteList(CogniteResourceList[FileMetadataWrite], ExternalIDTransformerMixin):
    """A list of file metadata to create."""

    _RESOURCE = FileMetadataWrite


class FileMetadataList(
    WriteableCogniteResourceList[FileMetadataWrite, FileMetadata], IdTransformerMixin, ExternalIDTransformerMixin
):
    """A list of file metadata.

    Example:
        >>> from cognite.client.data_classes.files import FileMetadataList
        >>> FileMetadataList.load([{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]).as_ids()
        [1, 2]
    """

    _RESOURCE = FileMetadata
    _WRITE_LIST = FileMetadataWriteList

    def as_write(self) -> FileMetadataWriteList:
        """Return the write form of every item."""
        return FileMetadataWriteList._from_items([f.as_write() for f in self.data], self._cognite_client)


class FileMetadataUpdate(CogniteInstanceIdUpdate):
    """Changes to the metadata of a file, by id, external id or instance id.

    Args:
        id: The id of the file.
        external_id: The external id of the file.
        instance_id: The instance id (NodeId) of the file.

    Example:
        >>> from cognite.client.data_classes.files import FileMetadataUpdate
        >>> FileMetadataUpdate(id=1).directory.set("/docs").labels.add("pdf").dump()
        {'id': 1, 'update': {'directory': {'set': '/docs'}, 'labels': {'add': [{'externalId': 'pdf'}]}}}
    """

    _INSTANCE_ID_UPDATABLE = frozenset(
        {"external_id", "metadata", "asset_ids", "data_set_id", "labels", "geo_location"}
    )  # DMSFileChange: what a file data modeling owns takes here
    _PROPERTIES = (
        PropertySpec("external_id"),
        PropertySpec("directory"),
        PropertySpec("source"),
        PropertySpec("mime_type"),
        PropertySpec("metadata", is_object=True),
        PropertySpec("asset_ids", is_list=True),
        PropertySpec("source_created_time"),
        PropertySpec("source_modified_time"),
        PropertySpec("data_set_id"),
        PropertySpec("security_categories", is_list=True),
        PropertySpec("labels", is_list=True),
        PropertySpec("geo_location"),
    )

    external_id: CognitePrimitiveUpdate[FileMetadataUpdate] = update_field(CognitePrimitiveUpdate)
    directory: CognitePrimitiveUpdate[FileMetadataUpdate] = update_field(CognitePrimitiveUpdate)
    source: CognitePrimitiveUpdate[FileMetadataUpdate] = update_field(CognitePrimitiveUpdate)
    mime_type: CognitePrimitiveUpdate[FileMetadataUpdate] = update_field(CognitePrimitiveUpdate)
    metadata: CogniteObjectUpdate[FileMetadataUpdate] = update_field(CogniteObjectUpdate)
    asset_ids: CogniteListUpdate[FileMetadataUpdate] = update_field(CogniteListUpdate)
    source_created_time: CognitePrimitiveUpdate[FileMetadataUpdate] = update_field(CognitePrimitiveUpdate)
    source_modified_time: CognitePrimitiveUpdate[FileMetadataUpdate] = update_field(CognitePrimitiveUpdate)
    data_set_id: CognitePrimitiveUpdate[FileMetadataUpdate] = update_field(CognitePrimitiveUpdate)
    security_categories: CogniteListUpdate[FileMetadataUpdate] = update_field(CogniteListUpdate)
    labels: CogniteLabelUpdate[FileMetadataUpdate] = update_field(CogniteLabelUpdate)
    geo_location: CognitePrimitiveUpdate[FileMetadataUpdate] = update_field(CognitePrimitiveUpdate)


class FileMetadataFilter(CogniteFilter):
    """Filter on files with exact matching.

    Args:
        name: Exact name.
        mime_type: Exact media type.
        metadata: Metadata key-value pairs that must all match.
        asset_ids: Linked to any of these asset ids.
        asset_external_ids: Linked to any of these asset external ids.
        data_set_ids: Data sets (``{"id": ..}`` or ``{"externalId": ..}``).
        labels: Label filter.
        geo_location: Geo-location filter.
        asset_subtree_ids: Linked to assets in these subtrees (``{"id": ..}`` or ``{"externalId": ..}``).
        source: Exact source.
        created_time: Range of creation time.
        last_updated_time: Range of last update time.
        uploaded_time: Range of upload time.
        source_created_time: Range of the source's creation time.
        source_modified_time: Range of the source's modification time.
        external_id_prefix: Prefix of the external id.
        directory_prefix: Prefix of the directory.
        uploaded: Only files whose content is (True) or is not (False) uploaded.

    Example:
        >>> from cognite.client.data_classes.files import FileMetadataFilter
        >>> FileMetadataFilter(asset_ids=[1], uploaded_time={"min": 0}).dump()
        {'assetIds': [1], 'uploadedTime': {'min': 0}}
    """

    name: str | None = None
    mime_type: str | None = None
    metadata: dict[str, str] | None = None
    asset_ids: Sequence[int] | None = None
    asset_external_ids: Sequence[str] | None = None
    data_set_ids: Sequence[dict[str, Any]] | None = None
    labels: LabelFilter | None = None
    geo_location: GeoLocationFilter | None = None
    asset_subtree_ids: Sequence[dict[str, Any]] | None = None
    source: str | None = None
    created_time: dict[str, Any] | TimestampRange | None = None
    last_updated_time: dict[str, Any] | TimestampRange | None = None
    uploaded_time: dict[str, Any] | TimestampRange | None = None
    source_created_time: dict[str, Any] | TimestampRange | None = None
    source_modified_time: dict[str, Any] | TimestampRange | None = None
    external_id_prefix: str | None = None
    directory_prefix: str | None = None
    uploaded: bool | None = None


class FileMultipartUploadSession:
    """An upload of one file in parts: upload every part, then leave the ``with`` (or ``async with``) block.

    Parts may go up in any order and concurrently; leaving the block completes the upload (CDF then joins the
    parts in part order). If the block raises, the upload is left incomplete. Part numbers start at 0.

    Args:
        file_metadata: The metadata of the file.
        upload_urls: The upload URL of each part, in part order.
        upload_id: The id of this upload (used to complete it).
        cognite_client: The client (the AsyncCogniteClient behind the client used).

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     with client.files.multipart_upload_session("big.bin", parts=1, external_id="big") as session:
        ...         session.upload_part(0, b"all of it")
        ...     client.files.download_bytes(external_id="big")
        b'all of it'
    """

    def __init__(
        self, file_metadata: FileMetadata, upload_urls: list[str], upload_id: str, cognite_client: Any
    ) -> None:
        self.file_metadata = file_metadata
        self.upload_urls = upload_urls
        self.upload_id = upload_id
        self._cognite_client = getattr(cognite_client, "_async_client", cognite_client)
        self._uploaded_urls = [False] * len(upload_urls)
        self._in_context = False

    def __repr__(self) -> str:
        done = sum(self._uploaded_urls)
        return f"FileMultipartUploadSession(file={self.file_metadata.name!r}, parts={done}/{len(self.upload_urls)})"

    def _client(self) -> AsyncCogniteClient:
        return self._cognite_client  # type: ignore[no-any-return]

    async def upload_part_async(self, part_no: int, content: str | bytes | BinaryIO) -> None:
        """Upload one part (the parts except the last must be at least 5 MiB).

        Args:
            part_no: The part number, from 0 to ``len(upload_urls) - 1``.
            content: The content: bytes, a string (UTF-8) or a file opened in binary mode (streamed from its
                current position to its end).
        """
        if isinstance(part_no, bool) or not isinstance(part_no, int) or not 0 <= part_no < len(self.upload_urls):
            raise ValueError(f"part_no must be an int from 0 to {len(self.upload_urls) - 1}, got {part_no!r}")
        if not self._in_context:
            raise RuntimeError("Enter the session with 'with' or 'async with' before uploading parts")
        await self._client().files._upload_part(self.upload_urls[part_no], content)
        self._uploaded_urls[part_no] = True

    def upload_part(self, part_no: int, content: str | bytes | BinaryIO) -> None:
        """Upload one part (sync form of ``upload_part_async``).

        Args:
            part_no: The part number, from 0.
            content: The content: bytes, a string or a binary file.
        """
        run_sync(self.upload_part_async(part_no, content))

    async def _finish(self, failed: bool) -> None:
        self._in_context = False
        if failed:
            return
        missing = [i for i, done in enumerate(self._uploaded_urls) if not done]
        if missing:
            raise RuntimeError(f"Parts {missing} were not uploaded; the multipart upload is not completed")
        await self._client().files._complete_multipart(self.file_metadata, self.upload_id)
        self.file_metadata.uploaded = True

    def __enter__(self) -> FileMultipartUploadSession:
        self._in_context = True
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        run_sync(self._finish(exc_type is not None))

    async def __aenter__(self) -> FileMultipartUploadSession:
        self._in_context = True
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._finish(exc_type is not None)
