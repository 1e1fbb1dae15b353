"""The Files API: file metadata on the generic verbs, plus uploads and downloads of any size, streamed.

Transfers go to the absolute URLs CDF hands out (no CDF auth header), in the ``files`` concurrency category and
with ``file_transfer_timeout``. Bodies are streamed from and to disk in chunks (``_file_transfer``), so memory is
bounded by chunk size times transfers in flight. Files above ``_MULTIPART_THRESHOLD`` go up as parallel parts.
"""

from __future__ import annotations

import asyncio
import math
import warnings
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Literal, overload

import msgspec

from cognite.client._api._file_transfer import (
    Progress,
    ProgressArg,
    ResponseToFile,
    ResponseToMemory,
    check_progress,
    content_chunks,
    file_chunks,
)
from cognite.client._api_client import (
    APIClient,
    IdentifierSequence,
    _dump_filter,
    check_type,
    chunks,
    external_id_list,
    id_list,
    identifier_dicts,
    split_filter,
)
from cognite.client._concurrency import execute, raise_if_failed
from cognite.client.data_classes._base import set_client
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.files import (
    FileMetadata,
    FileMetadataFilter,
    FileMetadataList,
    FileMetadataUpdate,
    FileMetadataWrite,
    FileMultipartUploadSession,
)
from cognite.client.data_classes.labels import Label, LabelFilter
from cognite.client.data_classes.shared import GeoLocation, GeoLocationFilter, TimestampRange
from cognite.client.exceptions import CogniteAPIError, CogniteFileUploadError

__all__ = ["FilesAPI"]

UpdateMode = Literal["replace_ignore_null", "patch", "replace"]
# Names for list types inside FilesAPI, where ``list`` is the method.
_Paths = list[Path]
_Writes = list[FileMetadataWrite]
_Identifiers = list[dict[str, Any]]
_MiB = 1024 * 1024


class _UploadTarget(FileMetadata):
    """What the upload endpoints answer: the file's metadata plus where its content (or its parts) go."""

    upload_url: str | None = None
    upload_id: str | None = None
    upload_urls: list[str] | None = None


class _Link(msgspec.Struct, rename="camel"):
    download_url: str
    id: int | None = None
    external_id: str | None = None
    instance_id: NodeId | None = None


_LinkList = list[_Link]


class _Links(msgspec.Struct):
    items: _LinkList


class FilesAPI(APIClient[FileMetadata, FileMetadataList]):
    """File metadata, and uploads and downloads of file content of any size.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     _ = client.files.upload_bytes(b"hello", name="hello.txt", external_id="hello")
        ...     client.files.download_bytes(external_id="hello")
        b'hello'
    """

    _RESOURCE_PATH = "/files"
    _RESOURCE_CLS = FileMetadata
    _LIST_CLS = FileMetadataList
    _UPDATE_CLS = FileMetadataUpdate
    _CATEGORY = "files"
    _RETRIEVE_LIMIT = 1000
    _DELETE_LIMIT = 1000
    _UPDATE_LIMIT = 1000
    _LIST_LIMIT = 1000
    _DOWNLOAD_LINK_LIMIT = 100
    #: The most values each list filter takes in one request (``maxItems``); longer lists are split.
    _FILTER_LIMITS = {
        "assetIds": 100, "assetExternalIds": 100, "assetSubtreeIds": 100, "dataSetIds": 100, "rootAssetIds": 100,
    }  # fmt: skip
    #: Files larger than this go up in parallel parts (a multipart upload).
    _MULTIPART_THRESHOLD = 256 * _MiB
    #: Multipart limits of CDF: parts per upload, smallest part (except the last), largest part.
    _MAX_PARTS = 250
    _MIN_PART_SIZE = 5 * _MiB
    _MAX_PART_SIZE = 4000 * _MiB
    #: The part size aimed for in uploads split into parts (grows when a file needs more than _MAX_PARTS parts).
    _TARGET_PART_SIZE = 64 * _MiB

    # ------------------------------------------------------------------------------------------ filters

    @staticmethod
    def _filter(
        name: str | None = None,
        mime_type: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        labels: LabelFilter | None = None,
        geo_location: GeoLocationFilter | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        source_created_time: dict[str, Any] | TimestampRange | None = None,
        source_modified_time: dict[str, Any] | TimestampRange | None = None,
        uploaded_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
        directory_prefix: str | None = None,
        uploaded: bool | None = None,
    ) -> dict[str, Any]:
        for arg, value in (("name", name), ("mime_type", mime_type), ("source", source),
                           ("external_id_prefix", external_id_prefix), ("directory_prefix", directory_prefix)):  # fmt: skip
            check_type(value, str, arg)
        check_type(metadata, dict, "metadata")
        check_type(uploaded, bool, "uploaded")
        check_type(labels, LabelFilter, "labels")
        check_type(geo_location, GeoLocationFilter, "geo_location")
        for arg, rng in (("created_time", created_time), ("last_updated_time", last_updated_time),
                         ("source_created_time", source_created_time),
                         ("source_modified_time", source_modified_time), ("uploaded_time", uploaded_time)):  # fmt: skip
            check_type(rng, (dict, TimestampRange), arg)
        return FileMetadataFilter(
            name=name,
            mime_type=mime_type,
            metadata=metadata,
            asset_ids=id_list(asset_ids, "asset_ids"),
            asset_external_ids=external_id_list(asset_external_ids, "asset_external_ids"),
            asset_subtree_ids=identifier_dicts(
                asset_subtree_ids, asset_subtree_external_ids, "asset_subtree_ids", "asset_subtree_external_ids"
            ),
            data_set_ids=identifier_dicts(data_set_ids, data_set_external_ids, "data_set_ids", "data_set_external_ids"),
            labels=labels,
            geo_location=geo_location,
            source=source,
            created_time=created_time,
            last_updated_time=last_updated_time,
            uploaded_time=uploaded_time,
            source_created_time=source_created_time,
            source_modified_time=source_modified_time,
            external_id_prefix=external_id_prefix,
            directory_prefix=directory_prefix,
            uploaded=uploaded,
        ).dump(camel_case=True)

    @staticmethod
    def _write(name: Any, **fields: Any) -> FileMetadataWrite:
        """File metadata to create, its arguments checked (so that bad input fails before any request)."""
        check_type(name, str, "name")
        for arg in ("external_id", "source", "mime_type", "directory"):
            check_type(fields[arg], str, arg)
        for arg in ("data_set_id", "source_created_time", "source_modified_time"):
            check_type(fields[arg], int, arg)
        check_type(fields["metadata"], dict, "metadata")
        check_type(fields["geo_location"], GeoLocation, "geo_location")
        for arg in ("asset_ids", "security_categories"):
            if fields[arg] is not None:
                fields[arg] = id_list(fields[arg], arg)
        if fields["labels"] is not None:
            fields["labels"] = [Label._load(x) for x in fields["labels"]]
        return FileMetadataWrite(name=name, **fields)

    def _transfer_timeout(self) -> float:
        return float(self._cognite_client.config.file_transfer_timeout)

    # ------------------------------------------------------------------------------------------ reading

    async def retrieve(
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> FileMetadata | None:
        """Retrieve the metadata of one file by id, external id or instance id.

        Args:
            id: The id.
            external_id: The external id.
            instance_id: The instance id (the NodeId of its CogniteFile node).

        Returns:
            The file metadata, or None if it does not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.files.retrieve(external_id="missing") is None
            True
        """
        identifier = IdentifierSequence.load_one(id=id, external_id=external_id, instance_id=instance_id)
        return await self._retrieve_multiple(identifier)  # type: ignore[no-any-return]

    async def retrieve_multiple(
        self,
        ids: Sequence[int] | None = None,
        external_ids: Sequence[str] | None = None,
        instance_ids: Sequence[NodeId] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> FileMetadataList:
        """Retrieve the metadata of several files by ids, external ids and/or instance ids.

        Args:
            ids: The ids.
            external_ids: The external ids.
            instance_ids: The instance ids (NodeIds).
            ignore_unknown_ids: Leave out identifiers that do not exist instead of raising.

        Returns:
            The file metadata (duplicates in the input are asked for once).

        Raises:
            CogniteNotFoundError: Some identifiers do not exist (unless ``ignore_unknown_ids``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     len(client.files.retrieve_multiple(external_ids=["a", "b"], ignore_unknown_ids=True))
            0
        """
        identifiers = self._identifiers(ids, external_ids, instance_ids, "ids", "external_ids", "instance_ids")
        return await self._retrieve_multiple(identifiers, ignore_unknown_ids)  # type: ignore[no-any-return]

    @staticmethod
    def _identifiers(
        ids: Any, external_ids: Any, instance_ids: Any, id_name: str, xid_name: str, iid_name: str
    ) -> IdentifierSequence:
        """Identifiers of files by id, external id and instance id (each one value or a sequence)."""
        if instance_ids is not None and not isinstance(instance_ids, NodeId | Sequence):
            raise TypeError(f"{iid_name} must be a NodeId or a sequence of NodeId, not {type(instance_ids).__name__}")
        one = isinstance(instance_ids, NodeId) or (
            isinstance(instance_ids, tuple) and len(instance_ids) == 2 and all(isinstance(x, str) for x in instance_ids)
        )
        given: Any = instance_ids
        identifiers = IdentifierSequence(
            ids=ids,
            external_ids=external_ids,
            instance_ids=None if given is None else [given] if one else [*given],
            id_name=id_name,
            external_id_name=xid_name,
        )
        identifiers.is_singleton = False
        return identifiers

    async def list(
        self,
        name: str | None = None,
        mime_type: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        labels: LabelFilter | None = None,
        geo_location: GeoLocationFilter | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        source_created_time: dict[str, Any] | TimestampRange | None = None,
        source_modified_time: dict[str, Any] | TimestampRange | None = None,
        uploaded_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
        directory_prefix: str | None = None,
        uploaded: bool | None = None,
        limit: int | None = 25,
        partitions: int | None = None,
    ) -> FileMetadataList:
        """List file metadata matching the filters.

        Args:
            name: Exact name.
            mime_type: Exact media type.
            metadata: Metadata key-value pairs that must all match.
            asset_ids: Linked to one of these asset ids (more than 100 are split over several requests).
            asset_external_ids: Linked to one of these asset external ids.
            asset_subtree_ids: Linked to an asset in the subtrees of these asset ids.
            asset_subtree_external_ids: Linked to an asset in the subtrees of these asset external ids.
            data_set_ids: In these data sets (ids).
            data_set_external_ids: In these data sets (external ids).
            labels: Label filter.
            geo_location: Geo-location filter.
            source: Exact source.
            created_time: Range of creation time (ms), e.g. ``{"min": 0, "max": 1}``.
            last_updated_time: Range of last update time.
            source_created_time: Range of the source's creation time.
            source_modified_time: Range of the source's modification time.
            uploaded_time: Range of upload time.
            external_id_prefix: Prefix of the external id.
            directory_prefix: Prefix of the directory, e.g. ``"/reports"``.
            uploaded: Only files whose content is (True) or is not (False) uploaded.
            limit: Maximum number of files (default 25; None, -1 or inf: all).
            partitions: Fetch this many partitions in parallel (only with an unlimited limit).

        Returns:
            The file metadata.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"x", name="x.txt", directory="/docs")
            ...     len(client.files.list(directory_prefix="/docs", uploaded=True))
            1
        """
        flt = self._filter(
            name, mime_type, metadata, asset_ids, asset_external_ids, asset_subtree_ids, asset_subtree_external_ids,
            data_set_ids, data_set_external_ids, labels, geo_location, source, created_time, last_updated_time,
            source_created_time, source_modified_time, uploaded_time, external_id_prefix, directory_prefix, uploaded,
        )  # fmt: skip
        filters = split_filter(flt, self._FILTER_LIMITS)
        return await self._list_many(filters=filters, limit=limit, partitions=partitions)  # type: ignore[no-any-return]

    def __call__(
        self,
        chunk_size: int | None = None,
        name: str | None = None,
        mime_type: str | None = None,
        metadata: dict[str, str] | None = None,
        asset_ids: Sequence[int] | None = None,
        asset_external_ids: Sequence[str] | None = None,
        asset_subtree_ids: int | Sequence[int] | None = None,
        asset_subtree_external_ids: str | Sequence[str] | None = None,
        data_set_ids: int | Sequence[int] | None = None,
        data_set_external_ids: str | Sequence[str] | None = None,
        labels: LabelFilter | None = None,
        geo_location: GeoLocationFilter | None = None,
        source: str | None = None,
        created_time: dict[str, Any] | TimestampRange | None = None,
        last_updated_time: dict[str, Any] | TimestampRange | None = None,
        source_created_time: dict[str, Any] | TimestampRange | None = None,
        source_modified_time: dict[str, Any] | TimestampRange | None = None,
        uploaded_time: dict[str, Any] | TimestampRange | None = None,
        external_id_prefix: str | None = None,
        directory_prefix: str | None = None,
        uploaded: bool | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[FileMetadata] | AsyncIterator[FileMetadataList]:
        """Iterate over file metadata lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many files (None: one at a time).
            name: Exact name.
            mime_type: Exact media type.
            metadata: Metadata key-value pairs that must all match.
            asset_ids: Linked to one of these asset ids.
            asset_external_ids: Linked to one of these asset external ids.
            asset_subtree_ids: Linked to an asset in these subtrees (ids).
            asset_subtree_external_ids: Linked to an asset in these subtrees (external ids).
            data_set_ids: In these data sets (ids).
            data_set_external_ids: In these data sets (external ids).
            labels: Label filter.
            geo_location: Geo-location filter.
            source: Exact source.
            created_time: Range of creation time.
            last_updated_time: Range of last update time.
            source_created_time: Range of the source's creation time.
            source_modified_time: Range of the source's modification time.
            uploaded_time: Range of upload time.
            external_id_prefix: Prefix of the external id.
            directory_prefix: Prefix of the directory.
            uploaded: Only uploaded (True) or not uploaded (False) files.
            limit: Maximum number of files (None: all).

        Returns:
            An async iterator of file metadata or lists of it.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     for f in client.files(chunk_size=100, uploaded=True):
            ...         pass
        """
        flt = self._filter(
            name, mime_type, metadata, asset_ids, asset_external_ids, asset_subtree_ids, asset_subtree_external_ids,
            data_set_ids, data_set_external_ids, labels, geo_location, source, created_time, last_updated_time,
            source_created_time, source_modified_time, uploaded_time, external_id_prefix, directory_prefix, uploaded,
        )  # fmt: skip
        filters = split_filter(flt, self._FILTER_LIMITS)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filters=filters)

    async def search(
        self, name: str | None = None, filter: FileMetadataFilter | dict[str, Any] | None = None, limit: int = 25
    ) -> FileMetadataList:
        """Search files by name (relevance ordered), narrowed by a filter.

        Args:
            name: Fuzzy search on name.
            filter: A FileMetadataFilter (or dict) to narrow the search.
            limit: Maximum number of results (default 25).

        Returns:
            The matching file metadata.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.files.create(FileMetadataWrite(name="pump manual.pdf"))
            ...     client.files.search(name="manual")[0].name
            'pump manual.pdf'
        """
        return await self._search_text({"name": name}, filter, limit)  # type: ignore[no-any-return]

    async def aggregate_count(self, filter: FileMetadataFilter | dict[str, Any] | None = None) -> int:
        """Count the files matching a filter.

        Args:
            filter: A FileMetadataFilter or dict (None: all files).

        Returns:
            The count.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.files import FileMetadataFilter
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"x", name="x.txt")
            ...     client.files.aggregate_count(FileMetadataFilter(uploaded=True))
            1
        """
        check_type(filter, (FileMetadataFilter, dict), "filter")
        items = await self._aggregate_raw({} if filter is None else {"filter": _dump_filter(filter)})
        return int(items[0]["count"]) if items else 0

    # ------------------------------------------------------------------------------------------ metadata writes

    async def create(
        self, file_metadata: FileMetadata | FileMetadataWrite, overwrite: bool = False
    ) -> tuple[FileMetadata, str]:
        """Create a file's metadata without content, and get the URL to upload its content to.

        Args:
            file_metadata: The metadata.
            overwrite: Replace the metadata (and drop the content) of a file with the same external id.

        Returns:
            The created metadata and the upload URL.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.files import FileMetadataWrite
            >>> with emulated_client() as client:
            ...     meta, url = client.files.create(FileMetadataWrite(name="a.txt", external_id="a"))
            ...     meta.uploaded
            False
        """
        target = await self._create_target(file_metadata, overwrite)
        assert target.upload_url is not None
        return _metadata(target, self._cognite_client), target.upload_url

    async def _create_target(
        self, file_metadata: FileMetadata | FileMetadataWrite, overwrite: bool, parts: int | None = None
    ) -> _UploadTarget:
        """POST the metadata to ``/files`` (or ``/files/initmultipartupload`` for ``parts``)."""
        if not isinstance(file_metadata, FileMetadata | FileMetadataWrite):
            raise TypeError(f"file_metadata must be FileMetadataWrite or FileMetadata, not {type(file_metadata)}")
        check_type(overwrite, bool, "overwrite")
        path = "/files" if parts is None else "/files/initmultipartupload"
        params = {"overwrite": overwrite, "parts": parts}
        resp = await self._http.request(
            "POST", path, json=file_metadata.as_write(), params=params, category=self._CATEGORY
        )
        return _decode_target(resp.content)

    @overload
    async def update(
        self, item: FileMetadata | FileMetadataWrite | FileMetadataUpdate, mode: UpdateMode = ...
    ) -> FileMetadata: ...
    @overload
    async def update(
        self, item: Sequence[FileMetadata | FileMetadataWrite | FileMetadataUpdate], mode: UpdateMode = ...
    ) -> FileMetadataList: ...
    async def update(
        self,
        item: FileMetadata
        | FileMetadataWrite
        | FileMetadataUpdate
        | Sequence[FileMetadata | FileMetadataWrite | FileMetadataUpdate],
        mode: UpdateMode = "replace_ignore_null",
    ) -> FileMetadata | FileMetadataList:
        """Update the metadata of one or more files, from FileMetadataUpdate objects or whole metadata objects.

        Args:
            item: File metadata or FileMetadataUpdate(s) (by id, external id or instance id).
            mode: For whole objects: "replace_ignore_null" (set given fields), "patch" (also add to metadata,
                asset ids and labels instead of replacing), or "replace" (clear what is not given).

        Returns:
            The updated metadata, or a list for a list.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.files import FileMetadataUpdate
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"x", name="x.txt", external_id="x")
            ...     client.files.update(FileMetadataUpdate(external_id="x").source.set("scanner")).source
            'scanner'
        """
        return await self._update_multiple(item, mode)  # type: ignore[no-any-return]

    async def delete(
        self,
        id: int | Sequence[int] | None = None,
        external_id: str | Sequence[str] | None = None,
        ignore_unknown_ids: bool = False,
    ) -> None:
        """Delete one or more files (metadata and content).

        Args:
            id: Id(s) to delete.
            external_id: External id(s) to delete.
            ignore_unknown_ids: Do not fail on identifiers that do not exist.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.files.delete(external_id=["gone"], ignore_unknown_ids=True)
        """
        identifiers = IdentifierSequence(ids=id, external_ids=external_id, id_name="id", external_id_name="external_id")
        await self._delete_multiple(identifiers, ignore_unknown_ids=ignore_unknown_ids)

    # ------------------------------------------------------------------------------------------ uploads

    async def upload(
        self,
        path: Path | str,
        external_id: str | None = None,
        name: str | None = None,
        source: str | None = None,
        mime_type: str | None = None,
        metadata: dict[str, str] | None = None,
        directory: str | None = None,
        asset_ids: Sequence[int] | None = None,
        source_created_time: int | None = None,
        source_modified_time: int | None = None,
        data_set_id: int | None = None,
        labels: Sequence[Label] | None = None,
        geo_location: GeoLocation | None = None,
        security_categories: Sequence[int] | None = None,
        recursive: bool = False,
        overwrite: bool = False,
        *,
        progress: ProgressArg = None,
    ) -> FileMetadata | FileMetadataList:
        """Upload a file, or every file in a directory (streamed from disk; large files in parallel parts).

        A directory uploads its files concurrently (``recursive`` includes subdirectories), each named after
        itself and with the other metadata given here. If some fail, the error says which went up and which not
        (``successful``, ``failed`` and ``unknown`` list their paths).

        Args:
            path: A file or a directory.
            external_id: The external id (of a single file only).
            name: The name (default: the file's name; of a single file only).
            source: The source.
            mime_type: The media type, e.g. ``application/pdf``.
            metadata: Custom string key-value pairs.
            directory: The directory in CDF (an absolute, unix-style path).
            asset_ids: Ids of related assets.
            source_created_time: When it was created in the source system (ms).
            source_modified_time: When it was last modified in the source system (ms).
            data_set_id: The data set.
            labels: Labels.
            geo_location: A GeoJSON feature.
            security_categories: Security categories needed to access the files.
            recursive: With a directory: include its subdirectories.
            overwrite: Replace files with the same external id.
            progress: Report progress: True for a tqdm bar (needs tqdm), or ``callback(bytes_done, bytes_total)``.

        Returns:
            The file's metadata, or a list of it for a directory.

        Raises:
            CogniteFileUploadError: The content could not be stored.

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = pathlib.Path(tmp, "a.txt").write_bytes(b"a")
            ...     client.files.upload(pathlib.Path(tmp, "a.txt"), external_id="a").name
            'a.txt'
        """
        check_progress(progress)
        check_type(path, (str, Path), "path")
        check_type(recursive, bool, "recursive")
        root = Path(path).expanduser()
        fields = dict(
            external_id=external_id, source=source, mime_type=mime_type, metadata=metadata, directory=directory,
            asset_ids=asset_ids, data_set_id=data_set_id, labels=labels, geo_location=geo_location,
            source_created_time=source_created_time, source_modified_time=source_modified_time,
            security_categories=security_categories,
        )  # fmt: skip
        if root.is_file():
            meta = self._write(root.name if name is None else name, **fields)
            tracker = Progress(progress, root.stat().st_size, root.name)
            try:
                return await self._upload_file(root, meta, overwrite, tracker)
            finally:
                tracker.close()
        if not root.is_dir():
            raise ValueError(f"path {str(path)!r} is neither a file nor a directory")
        if external_id is not None or name is not None:
            raise ValueError(
                "external_id and name are for a single file; a directory's files are named after themselves"
            )
        paths: _Paths = sorted(p for p in (root.rglob("*") if recursive else root.iterdir()) if p.is_file())
        metas: _Writes = [self._write(p.name, **fields) for p in paths]
        return await self._upload_many(paths, metas, overwrite, progress)

    async def _upload_many(
        self, paths: _Paths, metas: _Writes, overwrite: bool, progress: ProgressArg
    ) -> FileMetadataList:
        """Upload files concurrently (bounded by the files write limit); the error lists each file's outcome."""
        tracker = Progress(progress, sum(p.stat().st_size for p in paths), f"{len(paths)} files")

        def task(i: int) -> Callable[[], Any]:
            return lambda: self._upload_file(paths[i], metas[i], overwrite, tracker)

        try:
            outcome = await execute([task(i) for i in range(len(paths))], self._max_workers("write"))
        finally:
            tracker.close()
        raise_if_failed(outcome, [[str(p)] for p in paths])
        return FileMetadataList._from_items(outcome.values(), self._cognite_client)

    async def _upload_file(
        self, path: Path, meta: FileMetadataWrite, overwrite: bool, progress: Progress, target: Any = None
    ) -> FileMetadata:
        """Upload one file from disk: in one request, or in parallel parts when it is large.

        ``target``: an existing file's identifier (``{"externalId"}``/``{"instanceId"}``) to upload content to,
        instead of creating the metadata from ``meta``.
        """
        size = path.stat().st_size
        if size <= self._MULTIPART_THRESHOLD:
            created = await (self._create_target(meta, overwrite) if target is None else self._upload_link(target))
            assert created.upload_url is not None
            await self._put(created.upload_url, size, file_chunks(path, 0, size, progress), meta.mime_type)
            return _metadata(created, self._cognite_client)
        part_size, parts = self.calculate_part_size_and_count(size)
        if target is None:
            created = await self._create_target(meta, overwrite, parts)
        else:
            created = await self._multi_upload_link(target, parts)
        assert created.upload_urls is not None and created.upload_id is not None

        def part(n: int) -> Callable[[], Any]:
            start = n * part_size
            length = min(part_size, size - start)
            urls = created.upload_urls or []
            return lambda: self._put(urls[n], length, file_chunks(path, start, length, progress), meta.mime_type)

        outcome = await execute([part(n) for n in range(parts)], self._max_workers("write"))
        raise_if_failed(outcome, [[n] for n in range(parts)])
        file_metadata = _metadata(created, self._cognite_client)
        await self._complete_multipart(file_metadata, created.upload_id)
        return file_metadata

    async def _put(
        self, url: str, size: int, body: Callable[[], AsyncIterator[bytes]], mime_type: str | None = None
    ) -> None:
        """PUT content to an upload URL (streamed; resent from its start on a retry)."""
        headers = {"content-length": str(size)}
        if mime_type:
            headers["content-type"] = mime_type
        try:
            await self._http.request(
                "PUT", url, headers=headers, stream_content=body, category=self._CATEGORY,
                timeout=self._transfer_timeout(), authenticate=False,
            )  # fmt: skip
        except CogniteAPIError as err:
            raise CogniteFileUploadError(f"Uploading the file content failed: {err.message}", err.code) from err

    async def _upload_part(self, url: str, content: str | bytes | BinaryIO) -> None:
        """Upload one part of a multipart session (see FileMultipartUploadSession)."""
        size, body = content_chunks(content)
        await self._put(url, size, body)

    async def _complete_multipart(self, file_metadata: FileMetadata, upload_id: str) -> None:
        """Complete a multipart upload (safe to resend: completing twice is completing once)."""
        ident = {"id": file_metadata.id} if file_metadata.id is not None else _identifier_of(file_metadata)
        await self._http.request(
            "POST", "/files/completemultipartupload", json={**ident, "uploadId": upload_id},
            category=self._CATEGORY, retryable=True,
        )  # fmt: skip

    async def _upload_link(self, target: dict[str, Any]) -> _UploadTarget:
        resp = await self._http.request("POST", "/files/uploadlink", json={"items": [target]}, category=self._CATEGORY)
        return _decode_target(resp.content)

    async def _multi_upload_link(self, target: dict[str, Any], parts: int) -> _UploadTarget:
        resp = await self._http.request(
            "POST", "/files/multiuploadlink", json={"items": [target]}, params={"parts": parts},
            category=self._CATEGORY,
        )  # fmt: skip
        return _decode_target(resp.content)

    async def upload_bytes(
        self,
        content: str | bytes | BinaryIO,
        name: str,
        external_id: str | None = None,
        source: str | None = None,
        mime_type: str | None = None,
        metadata: dict[str, str] | None = None,
        directory: str | None = None,
        asset_ids: Sequence[int] | None = None,
        data_set_id: int | None = None,
        labels: Sequence[Label] | None = None,
        geo_location: GeoLocation | None = None,
        source_created_time: int | None = None,
        source_modified_time: int | None = None,
        security_categories: Sequence[int] | None = None,
        overwrite: bool = False,
        *,
        progress: ProgressArg = None,
    ) -> FileMetadata:
        """Upload bytes, a string or a binary file object as a new file (up to 5 GiB; use multipart_upload_session
        for more).

        Args:
            content: The content: bytes, a string (UTF-8) or a file opened in binary mode (streamed).
            name: The name.
            external_id: The external id.
            source: The source.
            mime_type: The media type.
            metadata: Custom string key-value pairs.
            directory: The directory in CDF.
            asset_ids: Ids of related assets.
            data_set_id: The data set.
            labels: Labels.
            geo_location: A GeoJSON feature.
            source_created_time: When it was created in the source system (ms).
            source_modified_time: When it was last modified in the source system (ms).
            security_categories: Security categories needed to access it.
            overwrite: Replace a file with the same external id.
            progress: Report progress: True for a tqdm bar, or ``callback(bytes_done, bytes_total)``.

        Returns:
            The file's metadata.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.files.upload_bytes("hello", name="hello.txt").name
            'hello.txt'
        """
        check_progress(progress)
        meta = self._write(
            name, external_id=external_id, source=source, mime_type=mime_type, metadata=metadata, directory=directory,
            asset_ids=asset_ids, data_set_id=data_set_id, labels=labels, geo_location=geo_location,
            source_created_time=source_created_time, source_modified_time=source_modified_time,
            security_categories=security_categories,
        )  # fmt: skip
        return await self._upload_content(content, meta, overwrite, progress, None)

    async def _upload_content(
        self, content: Any, meta: FileMetadataWrite | None, overwrite: bool, progress: ProgressArg, target: Any
    ) -> FileMetadata:
        """Upload in-memory content (or a file object) to a new file (``meta``) or an existing one (``target``)."""
        tracker = Progress(progress, 0, meta.name if meta is not None else "upload")
        try:
            size, body = content_chunks(content, tracker)
            tracker.add_total(size)
            if target is not None:
                created = await self._upload_link(target)
            else:
                assert meta is not None
                created = await self._create_target(meta, overwrite)
            assert created.upload_url is not None
            await self._put(created.upload_url, size, body, created.mime_type)
            return _metadata(created, self._cognite_client)
        finally:
            tracker.close()

    async def upload_content(
        self,
        path: Path | str,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
        *,
        progress: ProgressArg = None,
    ) -> FileMetadata:
        """Upload the content of an existing file (its metadata created before) from a file on disk.

        Args:
            path: The file on disk.
            external_id: The external id of the file in CDF.
            instance_id: The instance id of the file in CDF.
            progress: Report progress: True for a tqdm bar, or ``callback(bytes_done, bytes_total)``.

        Returns:
            The file's metadata.

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.files import FileMetadataWrite
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = pathlib.Path(tmp, "a.txt").write_bytes(b"a")
            ...     _ = client.files.create(FileMetadataWrite(name="a.txt", external_id="a"))
            ...     client.files.upload_content(pathlib.Path(tmp, "a.txt"), external_id="a").external_id
            'a'
        """
        check_progress(progress)
        check_type(path, (str, Path), "path")
        target = _content_target(external_id, instance_id)
        file = Path(path).expanduser()
        if not file.is_file():
            raise ValueError(f"path {str(path)!r} is not a file")
        tracker = Progress(progress, file.stat().st_size, file.name)
        try:
            return await self._upload_file(file, FileMetadataWrite(name=file.name), False, tracker, target)
        finally:
            tracker.close()

    async def upload_content_bytes(
        self, content: str | bytes | BinaryIO, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> FileMetadata:
        """Upload the content of an existing file (its metadata created before) from bytes, a string or a binary
        file object.

        Args:
            content: The content.
            external_id: The external id of the file in CDF.
            instance_id: The instance id of the file in CDF.

        Returns:
            The file's metadata.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.files import FileMetadataWrite
            >>> with emulated_client() as client:
            ...     _ = client.files.create(FileMetadataWrite(name="a.txt", external_id="a"))
            ...     _ = client.files.upload_content_bytes(b"content", external_id="a")
            ...     client.files.download_bytes(external_id="a")
            b'content'
        """
        return await self._upload_content(content, None, False, None, _content_target(external_id, instance_id))

    async def multipart_upload_session(
        self,
        name: str,
        parts: int,
        external_id: str | None = None,
        source: str | None = None,
        mime_type: str | None = None,
        metadata: dict[str, str] | None = None,
        directory: str | None = None,
        asset_ids: Sequence[int] | None = None,
        data_set_id: int | None = None,
        labels: Sequence[Label] | None = None,
        geo_location: GeoLocation | None = None,
        source_created_time: int | None = None,
        source_modified_time: int | None = None,
        security_categories: Sequence[int] | None = None,
        overwrite: bool = False,
    ) -> FileMultipartUploadSession:
        """Create a file and begin uploading its content in parts (for files of more than 5 GiB, or content that
        arrives in pieces). Upload each part with the session, then leave its ``with`` block to complete.

        Every part except the last must be at least 5 MiB (at most 4000 MiB); parts may go up concurrently.

        Args:
            name: The name.
            parts: The number of parts, from 1 to 250.
            external_id: The external id.
            source: The source.
            mime_type: The media type.
            metadata: Custom string key-value pairs.
            directory: The directory in CDF.
            asset_ids: Ids of related assets.
            data_set_id: The data set.
            labels: Labels.
            geo_location: A GeoJSON feature.
            source_created_time: When it was created in the source system (ms).
            source_modified_time: When it was last modified in the source system (ms).
            security_categories: Security categories needed to access it.
            overwrite: Replace a file with the same external id.

        Returns:
            The session (use it with ``with``, or ``async with`` and ``upload_part_async``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     with client.files.multipart_upload_session("a.bin", parts=2) as session:
            ...         session.upload_part(0, b"x" * 5 * 1024 * 1024)
            ...         session.upload_part(1, b"tail")
            ...     session.file_metadata.uploaded
            True
        """
        meta = self._write(
            name, external_id=external_id, source=source, mime_type=mime_type, metadata=metadata, directory=directory,
            asset_ids=asset_ids, data_set_id=data_set_id, labels=labels, geo_location=geo_location,
            source_created_time=source_created_time, source_modified_time=source_modified_time,
            security_categories=security_categories,
        )  # fmt: skip
        created = await self._create_target(meta, overwrite, _check_parts(parts))
        return _session(created, self._cognite_client)

    async def multipart_upload_content_session(
        self, parts: int, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> FileMultipartUploadSession:
        """Begin uploading the content of an existing file (its metadata created before) in parts.

        Args:
            parts: The number of parts, from 1 to 250.
            external_id: The external id of the file in CDF.
            instance_id: The instance id of the file in CDF.

        Returns:
            The session (use it with ``with``, or ``async with`` and ``upload_part_async``).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.files import FileMetadataWrite
            >>> with emulated_client() as client:
            ...     _ = client.files.create(FileMetadataWrite(name="a.bin", external_id="a"))
            ...     with client.files.multipart_upload_content_session(parts=1, external_id="a") as session:
            ...         session.upload_part(0, b"everything")
            ...     client.files.retrieve(external_id="a").uploaded
            True
        """
        target = _content_target(external_id, instance_id)
        created = await self._multi_upload_link(target, _check_parts(parts))
        return _session(created, self._cognite_client)

    def calculate_part_size_and_count(self, file_size: int) -> tuple[int, int]:
        """The part size and number of parts a multipart upload of ``file_size`` bytes uses.

        Parts are about 64 MiB (whole MiB), larger when a file needs more than 250 of them; all parts but the last
        have the part size.

        Args:
            file_size: The size of the file in bytes.

        Returns:
            (part size in bytes, number of parts).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     client.files.calculate_part_size_and_count(1000 * 1024 * 1024)
            (67108864, 16)
        """
        if isinstance(file_size, bool) or not isinstance(file_size, int) or file_size < 0:
            raise ValueError(f"file_size must be a non-negative int, got {file_size!r}")
        part_size = self._TARGET_PART_SIZE
        if file_size > part_size * self._MAX_PARTS:
            part_size = math.ceil(file_size / self._MAX_PARTS / _MiB) * _MiB
        if part_size > self._MAX_PART_SIZE:
            raise ValueError(f"file_size {file_size} is above what a multipart upload takes ({self._MAX_PARTS} parts)")
        return part_size, max(1, math.ceil(file_size / part_size))

    # ------------------------------------------------------------------------------------------ downloads

    async def retrieve_download_urls(
        self,
        id: int | Sequence[int] | None = None,
        external_id: str | Sequence[str] | None = None,
        instance_id: NodeId | Sequence[NodeId] | None = None,
        extended_expiration: bool = False,
    ) -> dict[int | str | NodeId, str]:
        """Get download URLs of files (they expire after 30 seconds, or an hour with ``extended_expiration``).

        Args:
            id: Id(s).
            external_id: External id(s).
            instance_id: Instance id(s).
            extended_expiration: Ask for URLs that last an hour.

        Returns:
            The URL of each file, keyed by the identifier given (id, external id or NodeId).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"x", name="x.txt", external_id="x")
            ...     list(client.files.retrieve_download_urls(external_id="x"))
            ['x']
        """
        check_type(extended_expiration, bool, "extended_expiration")
        identifiers = self._identifiers(id, external_id, instance_id, "id", "external_id", "instance_id")
        links = await self._download_links(identifiers.as_dicts(), extended_expiration)
        return {_link_key(link): link.download_url for link in links}

    async def _download_links(self, identifiers: _Identifiers, extended: bool = False) -> _LinkList:
        """Download links of files, asked for in concurrent chunks of 100 (in identifier order)."""
        id_chunks = chunks(identifiers, self._DOWNLOAD_LINK_LIMIT)

        def task(chunk: Sequence[dict[str, Any]]) -> Callable[[], Any]:
            async def run() -> _LinkList:
                resp = await self._http.request(
                    "POST", "/files/downloadlink", json={"items": list(chunk)},
                    params={"extendedExpiration": extended or None}, category=self._CATEGORY,
                )  # fmt: skip
                return msgspec.json.decode(resp.content, type=_Links, strict=False).items

            return run

        outcome = await execute([task(c) for c in id_chunks], self._max_workers("read"))
        raise_if_failed(outcome, id_chunks, unwrap=lambda d: next(iter(d.values())))
        return [link for part in outcome.values() for link in part]

    async def _fetch(
        self, identifier: dict[str, Any], sink: ResponseToFile | ResponseToMemory, url: str | None
    ) -> None:
        """Stream one file's content into ``sink`` (a fresh link is asked for when ``url`` is None or expired)."""
        for attempt in range(2):
            if url is None:
                url = (await self._download_links([identifier]))[0].download_url
            try:
                await self._http.request(
                    "GET", url, category=self._CATEGORY, timeout=self._transfer_timeout(), authenticate=False,
                    stream_response=sink.write,
                )  # fmt: skip
                return
            except CogniteAPIError as err:
                if err.code != 403 or attempt:  # 403: the link expired before its turn came
                    raise
                url = None

    async def download_bytes(
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> bytes:
        """Download the content of one file into memory.

        Args:
            id: The id.
            external_id: The external id.
            instance_id: The instance id.

        Returns:
            The content.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"abc", name="abc.txt", external_id="abc")
            ...     client.files.download_bytes(external_id="abc")
            b'abc'
        """
        identifier = IdentifierSequence.load_one(id=id, external_id=external_id, instance_id=instance_id).as_dicts()[0]
        sink = ResponseToMemory()
        await self._fetch(identifier, sink, None)
        return sink.value()

    async def download_to_path(
        self,
        path: Path | str,
        id: int | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
        *,
        progress: ProgressArg = None,
    ) -> None:
        """Download the content of one file to a path (streamed; the file appears there only when complete).

        Args:
            path: Where to write it (missing parent directories are created; an existing file is replaced).
            id: The id.
            external_id: The external id.
            instance_id: The instance id.
            progress: Report progress: True for a tqdm bar, or ``callback(bytes_done, bytes_total)``.

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"abc", name="abc.txt", external_id="abc")
            ...     client.files.download_to_path(pathlib.Path(tmp, "out.txt"), external_id="abc")
            ...     pathlib.Path(tmp, "out.txt").read_bytes()
            b'abc'
        """
        check_progress(progress)
        check_type(path, (str, Path), "path")
        identifier = IdentifierSequence.load_one(id=id, external_id=external_id, instance_id=instance_id).as_dicts()[0]
        target = Path(path).expanduser()
        if target.is_dir():
            raise ValueError(f"path {str(path)!r} is a directory; give the path of the file to write")
        target.parent.mkdir(parents=True, exist_ok=True)
        tracker = Progress(progress, 0, target.name)
        sink = ResponseToFile(target, tracker)
        try:
            await self._fetch(identifier, sink, None)
            sink.commit()
        finally:
            sink.discard()
            tracker.close()

    async def download(
        self,
        directory: str | Path,
        id: int | Sequence[int] | None = None,
        external_id: str | Sequence[str] | None = None,
        instance_id: NodeId | Sequence[NodeId] | None = None,
        keep_directory_structure: bool = False,
        resolve_duplicate_file_names: bool = False,
        *,
        progress: ProgressArg = None,
    ) -> None:
        """Download files to a directory, named as in CDF, concurrently and streamed.

        Each file appears under its name only when complete. Several files with the same name (in the same
        directory) are reported with a UserWarning and only the first is downloaded, unless
        ``resolve_duplicate_file_names`` gives the others names with a number (``report (1).pdf``). If some
        downloads fail, the error lists the identifiers that were downloaded (``successful``) and those that were
        not (``failed``/``unknown``).

        Args:
            directory: The directory to download to (must exist).
            id: Id(s).
            external_id: External id(s).
            instance_id: Instance id(s).
            keep_directory_structure: Put each file in subdirectories following its directory in CDF.
            resolve_duplicate_file_names: Give files with a name already taken a numbered name.
            progress: Report progress: True for a tqdm bar, or ``callback(bytes_done, bytes_total)``.

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"abc", name="abc.txt", external_id="abc")
            ...     client.files.download(tmp, external_id=["abc"])
            ...     sorted(p.name for p in pathlib.Path(tmp).iterdir())
            ['abc.txt']
        """
        check_progress(progress)
        check_type(directory, (str, Path), "directory")
        root = Path(directory).expanduser()
        if not root.is_dir():
            raise ValueError(f"directory {str(directory)!r} is not an existing directory")
        identifiers = self._identifiers(id, external_id, instance_id, "id", "external_id", "instance_id")
        files: FileMetadataList = await self._retrieve_multiple(identifiers)
        targets = _targets(files, root, keep_directory_structure, resolve_duplicate_file_names)
        wanted = [(f, t) for f, t in zip(files, targets, strict=True) if t is not None]
        refs = [{"id": f.id} for f, _ in wanted]
        tracker = Progress(progress, 0, f"{len(wanted)} files")
        links: dict[int, str] = {}
        locks: dict[int, asyncio.Lock] = {}
        fetched: set[int] = set()

        async def one(i: int) -> None:
            start = i - i % self._DOWNLOAD_LINK_LIMIT  # links are asked for a chunk at a time, when its turn comes
            async with locks.setdefault(start, asyncio.Lock()):
                if start not in fetched:
                    got = await self._download_links(refs[start : start + self._DOWNLOAD_LINK_LIMIT])
                    links.update((start + k, link.download_url) for k, link in enumerate(got))
                    fetched.add(start)
            target = wanted[i][1]
            assert target is not None
            target.parent.mkdir(parents=True, exist_ok=True)
            sink = ResponseToFile(target, tracker)
            try:
                await self._fetch(refs[i], sink, links.pop(i, None))
                sink.commit()
            finally:
                sink.discard()

        def task(i: int) -> Callable[[], Any]:
            return lambda: one(i)

        try:
            outcome = await execute([task(i) for i in range(len(wanted))], self._max_workers("read"))
        finally:
            tracker.close()
        raise_if_failed(outcome, [[r] for r in refs], unwrap=lambda d: next(iter(d.values())))


# ---------------------------------------------------------------------------------------------- helpers


def _decode_target(content: bytes) -> _UploadTarget:
    """The file and upload URL(s) of an upload endpoint's answer (one object, or ``{"items": [one]}``)."""
    data = msgspec.json.decode(content)
    if isinstance(data, dict) and isinstance(data.get("items"), list) and data["items"]:
        data = data["items"][0]
    return msgspec.convert(data, type=_UploadTarget, strict=False)


def _metadata(target: _UploadTarget, client: Any) -> FileMetadata:
    """The plain FileMetadata of an upload endpoint's answer (without the upload fields)."""
    fields = {name: getattr(target, name) for name in FileMetadata.__struct_fields__}
    meta = FileMetadata(**fields)
    set_client(meta, client)
    return meta


def _session(target: _UploadTarget, client: Any) -> FileMultipartUploadSession:
    assert target.upload_urls is not None and target.upload_id is not None
    return FileMultipartUploadSession(_metadata(target, client), target.upload_urls, target.upload_id, client)


def _identifier_of(meta: FileMetadata) -> dict[str, Any]:
    if meta.external_id is not None:
        return {"externalId": meta.external_id}
    if meta.instance_id is not None:
        return {"instanceId": {"space": meta.instance_id.space, "externalId": meta.instance_id.external_id}}
    raise ValueError("The file has no id, external_id or instance_id")


def _content_target(external_id: str | None, instance_id: NodeId | None) -> dict[str, Any]:
    """The identifier of an existing file to upload content to (upload links take external id or instance id)."""
    if (external_id is None) == (instance_id is None):
        raise ValueError("Exactly one of external_id and instance_id must be given")
    if external_id is not None:
        check_type(external_id, str, "external_id")
        return {"externalId": external_id}
    if not isinstance(instance_id, NodeId):
        raise TypeError(f"instance_id must be a NodeId, not {type(instance_id).__name__}")
    return {"instanceId": {"space": instance_id.space, "externalId": instance_id.external_id}}


def _check_parts(parts: Any) -> int:
    if isinstance(parts, bool) or not isinstance(parts, int) or not 1 <= parts <= FilesAPI._MAX_PARTS:
        raise ValueError(f"parts must be an int from 1 to {FilesAPI._MAX_PARTS}, got {parts!r}")
    return parts


def _link_key(link: _Link) -> int | str | NodeId:
    if link.id is not None:
        return link.id
    if link.external_id is not None:
        return link.external_id
    assert link.instance_id is not None
    return link.instance_id


def _targets(files: FileMetadataList, root: Path, keep_structure: bool, resolve_duplicates: bool) -> list[Path | None]:
    """Where each file goes under ``root`` (None: skipped as a name collision, with a warning listing them)."""
    taken: set[Path] = set()
    skipped: list[str] = []
    out: list[Path | None] = []
    resolved_root = root.resolve()
    for f in files:
        name = f.name or str(f.id)
        folder = root
        if keep_structure and f.directory:
            folder = root.joinpath(*[p for p in f.directory.split("/") if p])
        target = folder / name
        if resolved_root not in target.resolve().parents:
            raise ValueError(f"The file {f.id} ({name!r} in {f.directory!r}) would be written outside {str(root)!r}")
        if target in taken:
            if not resolve_duplicates:
                skipped.append(f"{name!r} (id={f.id}, external_id={f.external_id!r})")
                out.append(None)
                continue
            stem, suffix, n = Path(name).stem, Path(name).suffix, 1
            while target in taken:
                target = folder / f"{stem} ({n}){suffix}"
                n += 1
        taken.add(target)
        out.append(target)
    if skipped:
        warnings.warn(
            f"Files with names already taken in the download were not downloaded: {', '.join(skipped)} "
            "(pass resolve_duplicate_file_names=True to download them under numbered names)",
            UserWarning,
            stacklevel=3,
        )
    return out
