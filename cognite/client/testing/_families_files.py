"""Emulator table entry for files: metadata through the generic store, content served by the emulator itself.

The metadata verbs (list, byids, retrieve, update, delete, search, aggregate) are the generic ones. Creating a
file (``POST /files``, one object, ``overwrite``) and the upload flows hand out upload URLs on the emulator's own
host (``/_content/{project}/files/upload/<token>``); a ``PUT`` of the content there (streamed to a temporary
directory on disk) sets ``uploaded`` and ``uploadedTime``. Multipart uploads get one URL per part and are
joined, without copying, on ``/files/completemultipartupload`` (every part but the last must hold at least
``min_part_size`` bytes). Download links (``/files/downloadlink``) expire after ``download_ttl_ms`` (one hour with
``extendedExpiration``); an expired link answers 403.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import weakref
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._families import (
    _TIME_FILTERS,
    _TIME_PARAMS,
    _xid_refs,
    boolean,
    eq,
    json_ids,
    json_list,
    labels,
    metadata,
    one_of,
    prefix,
    refs,
    subtree,
    time_range,
)
from cognite.client.testing._filters import Item
from cognite.client.testing._store import (
    VERBS,
    ContentResponse,
    Family,
    Hooks,
    Project,
    ResourceStore,
    _check_type,
    _identifier,
    _ref_dict,
)

__all__ = ["FILES", "FILES_FAMILIES", "FilesStore"]

_CHUNK = 1024 * 1024


@dataclass
class _Link:
    """What a download URL (or, with the fields of ``_Upload``, an upload URL) gives access to, and until when."""

    file_id: int
    expires: int


@dataclass
class _Upload(_Link):
    """Where the content sent to one upload URL goes (a part of a multipart upload, or the whole file)."""

    upload_id: str | None = None
    part: int | None = None


@dataclass
class _Multipart:
    """A multipart upload in progress: the stored parts by number."""

    file_id: int
    parts: int
    stored: dict[int, Path] = field(default_factory=dict)


class FilesStore(ResourceStore):
    """The files of one project: metadata items plus content on disk, upload URLs and expiring download links.

    Args:
        family: The family declaration.
        project: The owning project.
    """

    #: The smallest part of a multipart upload, except the last (CDF: 5 MiB).
    min_part_size = 5 * 1024 * 1024
    #: Lifetime of a download link (CDF: 30 seconds; one hour with ``extendedExpiration``).
    download_ttl_ms = 30_000
    extended_download_ttl_ms = 3_600_000
    #: Lifetime of an upload URL.
    upload_ttl_ms = 7 * 24 * 3_600_000

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.content: dict[int, list[Path]] = {}
        self.uploads: dict[str, _Upload] = {}
        self.multiparts: dict[str, _Multipart] = {}
        self.downloads: dict[str, _Link] = {}
        self.completed: dict[str, int] = {}
        self._dir: Path | None = None

    # ----------------------------------------------------------------- disk
    @property
    def directory(self) -> Path:
        """The temporary directory holding the content (created on first use, removed with the store)."""
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="cdf-emulator-files-"))
            weakref.finalize(self, shutil.rmtree, self._dir, True)
        return self._dir

    def content_bytes(self, ref: Mapping[str, Any]) -> bytes:
        """The uploaded content of a file (for tests).

        Args:
            ref: ``{"id"}``, ``{"externalId"}`` or ``{"instanceId"}``.

        Returns:
            The content (empty when nothing was uploaded).
        """
        item = self.resolve([ref], ignore_unknown=False)[0]
        return b"".join(p.read_bytes() for p in self.content.get(item["id"], []))

    def _drop_content(self, file_id: int) -> None:
        for path in self.content.pop(file_id, []):
            path.unlink(missing_ok=True)
        for upload_id, mp in list(self.multiparts.items()):
            if mp.file_id == file_id:
                for path in mp.stored.values():
                    path.unlink(missing_ok=True)
                del self.multiparts[upload_id]

    # ----------------------------------------------------------------- metadata routes
    def create_file(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /files[?overwrite=true]``: create one file's metadata and hand out its upload URL."""
        item = self._create_one(body, _flag(query, "overwrite"))
        return 201, {**item, "uploadUrl": self._upload_url(_Upload(item["id"], self._expiry(self.upload_ttl_ms)))}

    def init_multipart(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /files/initmultipartupload?parts=n``: create one file's metadata and hand out ``n`` part URLs."""
        parts = _parts(query)
        item = self._create_one(body, _flag(query, "overwrite"))
        return 201, self._multipart_answer(item, parts)

    def upload_link(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /files/uploadlink``: an upload URL for an existing file (by external id or instance id)."""
        item = self._one_target(body)
        return 201, {**item, "uploadUrl": self._upload_url(_Upload(item["id"], self._expiry(self.upload_ttl_ms)))}

    def multi_upload_link(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /files/multiuploadlink?parts=n``: part URLs for an existing file."""
        parts = _parts(query)
        return 201, self._multipart_answer(self._one_target(body), parts)

    def complete_multipart(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /files/completemultipartupload``: join the uploaded parts; the file is then uploaded."""
        upload_id = body.get("uploadId")
        ref = {k: v for k, v in body.items() if k != "uploadId"}
        item = self.resolve([ref], ignore_unknown=False)[0]
        if isinstance(upload_id, str) and self.completed.get(upload_id) == item["id"]:
            return 200, {}  # completing again is completing once
        mp = self.multiparts.get(upload_id) if isinstance(upload_id, str) else None
        if mp is None or mp.file_id != item["id"]:
            raise CDFError(400, f"Unknown uploadId {upload_id!r} for this file")
        missing = [n for n in range(mp.parts) if n not in mp.stored]
        if missing:
            raise CDFError(400, f"Parts {missing} of the multipart upload have not been uploaded")
        small = [n for n in range(mp.parts - 1) if mp.stored[n].stat().st_size < self.min_part_size]
        if small:
            raise CDFError(400, f"Parts {small} are smaller than {self.min_part_size} bytes (only the last may be)")
        del self.multiparts[upload_id]
        self.completed[upload_id] = item["id"]
        for path in self.content.pop(item["id"], []):
            path.unlink(missing_ok=True)
        self.content[item["id"]] = [mp.stored[n] for n in range(mp.parts)]
        self._mark_uploaded(item["id"])
        return 200, {}

    def download_link(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /files/downloadlink[?extendedExpiration=true]``: expiring download URLs of uploaded files."""
        refs_ = self._items_of(body, "downloadlink")
        items = self.resolve(refs_, ignore_unknown=False)
        not_uploaded = [ref for ref, it in zip(refs_, items, strict=True) if it["id"] not in self.content]
        if not_uploaded:
            raise CDFError(400, "Files not uploaded", missing=not_uploaded)
        ttl = self.extended_download_ttl_ms if _flag(query, "extendedExpiration") else self.download_ttl_ms
        out = []
        for ref, item in zip(refs_, items, strict=True):
            token = secrets.token_urlsafe(16)
            self.downloads[token] = _Link(item["id"], self._expiry(ttl))
            url = self._url(f"download/{token}")
            out.append({**_ref_dict(*_identifier(ref)), "downloadUrl": url})
        return 200, {"items": out}

    # ----------------------------------------------------------------- content routes
    async def put_content(
        self, rest: str, query: Mapping[str, str], headers: Mapping[str, str], body: AsyncIterator[bytes]
    ) -> ContentResponse:
        """``PUT`` to an upload URL: the content is streamed to disk, then stored under the file."""
        upload = self._live(rest, "upload", self.uploads)
        path = self.directory / f"{upload.file_id}-{secrets.token_hex(8)}"
        with path.open("wb", buffering=_CHUNK) as f:
            try:
                async for chunk in body:
                    f.write(chunk)
            except BaseException:
                f.close()
                path.unlink(missing_ok=True)
                raise
        declared, size = headers.get("content-length"), path.stat().st_size
        if declared is not None and int(declared) != size:
            path.unlink(missing_ok=True)
            raise CDFError(400, f"Got {size} bytes, the Content-Length said {declared}")
        if upload.upload_id is None:
            for old in self.content.pop(upload.file_id, []):
                old.unlink(missing_ok=True)
            self.content[upload.file_id] = [path]
            self._mark_uploaded(upload.file_id)
        else:
            mp = self.multiparts.get(upload.upload_id)
            if mp is None:
                path.unlink(missing_ok=True)
                raise CDFError(404, "The multipart upload is no longer in progress")
            assert upload.part is not None
            previous = mp.stored.pop(upload.part, None)
            if previous is not None:
                previous.unlink(missing_ok=True)
            mp.stored[upload.part] = path
        return ContentResponse(201, [("content-length", "0")], _nothing())

    async def get_content(
        self, rest: str, query: Mapping[str, str], headers: Mapping[str, str], body: AsyncIterator[bytes]
    ) -> ContentResponse:
        """``GET`` a download URL: the content streamed from disk."""
        file_id = self._live(rest, "download", self.downloads).file_id
        paths = self.content.get(file_id)
        if paths is None:
            raise CDFError(404, "The content of the file no longer exists")
        size = sum(p.stat().st_size for p in paths)
        mime = self.items[file_id].get("mimeType", "application/octet-stream")
        return ContentResponse(200, [("content-type", mime), ("content-length", str(size))], _read(list(paths)))

    # ----------------------------------------------------------------- helpers
    def _live(self, rest: str, kind: str, table: Mapping[str, Any]) -> Any:
        """The entry of a content URL (``{kind}/{token}``) that has not expired and whose file still exists."""
        got_kind, _, token = rest.partition("/")
        entry = table.get(token) if got_kind == kind else None
        if entry is None:
            raise CDFError(404, f"Unknown {kind} URL")
        if entry.expires < self.project.clock():
            raise CDFError(403, f"The {kind} URL has expired")
        if entry.file_id not in self.items:
            raise CDFError(404, "The file no longer exists")
        return entry

    def _create_one(self, body: Any, overwrite: bool) -> Item:
        xid = body.get("externalId") if isinstance(body, dict) else None
        existing = self.by_xid.get(xid) if isinstance(xid, str) else None
        if existing is None:
            _, created = self.create({"items": [body]})
            item: Item = created["items"][0]
            return item
        if not overwrite:
            raise CDFError(409, "ExternalIds duplicated", duplicated=[{"externalId": xid}])
        for key, value in body.items():  # overwrite: new metadata, same id, content gone
            expected = self.family.write_fields.get(key)
            if expected is None:
                raise CDFError(400, f"Unrecognized field '{key}' for files")
            _check_type(key, value, expected)
        old = self.items[existing]
        new = {k: v for k, v in body.items() if v is not None}
        new.update(id=existing, createdTime=old["createdTime"], lastUpdatedTime=self.project.clock(), uploaded=False)
        self._drop_content(existing)
        self.items[existing] = new
        return new

    def _one_target(self, body: Any) -> Item:
        refs_ = self._items_of(body, "uploadlink")
        if any("id" in r for r in refs_ if isinstance(r, dict)):
            raise CDFError(400, "Upload links are asked for by externalId or instanceId")
        return self.resolve(refs_, ignore_unknown=False)[0]

    def _multipart_answer(self, item: Item, parts: int) -> dict[str, Any]:
        upload_id = secrets.token_urlsafe(12)
        self.multiparts[upload_id] = _Multipart(item["id"], parts)
        expires = self._expiry(self.upload_ttl_ms)
        urls = [self._upload_url(_Upload(item["id"], expires, upload_id, n)) for n in range(parts)]
        return {**item, "uploadId": upload_id, "uploadUrls": urls}

    def _upload_url(self, upload: _Upload) -> str:
        token = secrets.token_urlsafe(16)
        self.uploads[token] = upload
        return self._url(f"upload/{token}")

    def _url(self, rest: str) -> str:
        from cognite.client.testing._app import CONTENT_PREFIX, request_base_url

        return f"{request_base_url()}{CONTENT_PREFIX}{self.project.name}/{self.family.name}/{rest}"

    def _expiry(self, ttl_ms: int) -> int:
        return self.project.clock() + ttl_ms

    def _mark_uploaded(self, file_id: int) -> None:
        now = self.project.clock()
        self.items[file_id] = {**self.items[file_id], "uploaded": True, "uploadedTime": now, "lastUpdatedTime": now}


class FilesHooks(Hooks):
    """Files drop their content (and links) when deleted; ``uploaded`` starts false."""

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Remove the content of deleted files from disk."""
        assert isinstance(store, FilesStore)
        gone = {it["id"] for it in removed}
        for file_id in gone:
            store._drop_content(file_id)
        store.uploads = {t: u for t, u in store.uploads.items() if u.file_id not in gone}
        store.downloads = {t: d for t, d in store.downloads.items() if d.file_id not in gone}


async def _nothing() -> AsyncIterator[bytes]:
    return
    yield  # pragma: no cover - makes this an async generator


async def _read(paths: list[Path]) -> AsyncIterator[bytes]:
    for path in paths:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                yield chunk


def _flag(query: Mapping[str, str], name: str) -> bool:
    value = query.get(name, "false")
    if value not in ("true", "false"):
        raise CDFError(400, f"Query parameter '{name}' must be true or false, got {value!r}")
    return value == "true"


def _parts(query: Mapping[str, str]) -> int:
    try:
        parts = int(query["parts"])
    except (KeyError, ValueError):
        raise CDFError(400, "Query parameter 'parts' (an integer from 1 to 250) is required") from None
    if not 1 <= parts <= 250:
        raise CDFError(400, f"parts must be between 1 and 250, got {parts}")
    return parts


def _int_list(raw: str) -> list[int]:
    return [int(v) for v in json_list(raw)]


_FILE_TIME_FIELDS = ("uploadedTime", "sourceCreatedTime", "sourceModifiedTime")
_FILTERS: dict[str, Callable[[Any, ResourceStore], Any]] = {
    "name": eq("name"),
    "mimeType": eq("mimeType"),
    "metadata": metadata(),
    "assetIds": one_of("assetIds"),
    "assetExternalIds": refs("assetIds", "assets", xids_only=True),
    "rootAssetIds": subtree("assetIds"),
    "assetSubtreeIds": subtree("assetIds"),
    "dataSetIds": refs("dataSetId", "datasets"),
    "source": eq("source"),
    "externalIdPrefix": prefix("externalId"),
    "directoryPrefix": prefix("directory"),
    "uploaded": eq("uploaded"),
    "labels": labels(),
    **_TIME_FILTERS,
    **{name: time_range(name) for name in _FILE_TIME_FIELDS},
}

FILES = Family(
    name="files",
    path="/files",
    write_fields={
        "externalId": str,
        "name": str,
        "directory": str,
        "source": str,
        "mimeType": str,
        "metadata": dict,
        "assetIds": list,
        "dataSetId": int,
        "sourceCreatedTime": int,
        "sourceModifiedTime": int,
        "securityCategories": list,
        "labels": list,
        "geoLocation": dict,
    },
    required=("name",),
    updates={
        "externalId": "nullable",
        "directory": "nullable",
        "source": "nullable",
        "mimeType": "nullable",
        "metadata": "object",
        "assetIds": "list",
        "sourceCreatedTime": "nullable",
        "sourceModifiedTime": "nullable",
        "dataSetId": "nullable",
        "securityCategories": "list",
        "labels": "labels",
        "geoLocation": "nullable",
    },
    filters=_FILTERS,
    query_params={
        "name": ("name", str),
        "mimeType": ("mimeType", str),
        "source": ("source", str),
        "assetIds": ("assetIds", _int_list),
        "assetExternalIds": ("assetExternalIds", json_list),
        "dataSetIds": ("dataSetIds", json_ids),
        "rootAssetIds": ("rootAssetIds", json_ids),
        "assetSubtreeIds": ("assetSubtreeIds", json_ids),
        "assetSubtreeExternalIds": ("assetSubtreeIds", _xid_refs),
        "minUploadedTime": ("uploadedTime.min", int),
        "maxUploadedTime": ("uploadedTime.max", int),
        "minSourceCreatedTime": ("sourceCreatedTime.min", int),
        "maxSourceCreatedTime": ("sourceCreatedTime.max", int),
        "minSourceModifiedTime": ("sourceModifiedTime.min", int),
        "maxSourceModifiedTime": ("sourceModifiedTime.max", int),
        "externalIdPrefix": ("externalIdPrefix", str),
        "uploaded": ("uploaded", boolean),
        **_TIME_PARAMS,
    },
    search_fields={"name": ("name",)},
    limits={"create": 1, "byids": 1000, "update": 1000, "delete": 1000, "downloadlink": 100, "uploadlink": 1},
    verbs=VERBS - {"create"},  # POST /files takes one object (see FilesStore.create_file)
    instance_ids=True,
    defaults={"uploaded": False},
    hooks=FilesHooks(),
    routes={
        ("POST", ""): "create_file",
        ("POST", "/initmultipartupload"): "init_multipart",
        ("POST", "/uploadlink"): "upload_link",
        ("POST", "/multiuploadlink"): "multi_upload_link",
        ("POST", "/completemultipartupload"): "complete_multipart",
        ("POST", "/downloadlink"): "download_link",
    },
    store_cls=FilesStore,
    content_routes={"PUT": "put_content", "GET": "get_content"},
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
FILES_FAMILIES: tuple[Family, ...] = (FILES,)
