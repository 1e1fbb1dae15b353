"""Emulator table entry for documents: derived from the files store, never written directly.

Every uploaded file (one with content) is a document with the file's id, external id and instance id. The document
is built when first read after the file or its content changed:

- ``sourceFile``: name, directory, source, mimeType, size, hash (SHA-256 of the content), assetIds, labels,
  geoLocation (the geometry of the file's geo location), datasetId, securityCategories, metadata.
- ``mimeType`` (the file's, else guessed from the extension), ``extension``, ``type`` ("Plain text", "PDF", "Image",
  "Spreadsheet", "Presentation", "Document", "Compressed" or "Other"), ``createdTime`` and ``modifiedTime`` (the
  file's created and source-modified/last-updated times), ``lastIndexedTime`` (upload time), ``pageCount``.
- Text: decoded as UTF-8 for text files (``text/*``, JSON, XML, CSV...), the ``(...) Tj`` strings of PDFs; other
  files have none. ``truncatedContent`` holds its first 1000 characters, ``language`` is ``"en"`` when there is text.

Filters (``filter`` of list, search and aggregate) are the document filter language: ``and``, ``or``, ``not``,
``equals``, ``in``, ``containsAny``, ``containsAll``, ``range``, ``prefix``, ``exists``, ``search`` (by token),
``inAssetSubtree`` (``values`` of asset ids or external ids) and ``geojsonIntersects``/``geojsonWithin``/
``geojsonDisjoint`` (compared by bounding box). Properties are those of the document, ``["content"]``,
``["assetExternalIds"]`` and ``["sourceFile", ...]``; labels compare by external id. Search scores name (twice) and
text by token; ``highlight`` marks the query's tokens with ``<em>``. Previews: one PNG per page (a small white image),
a PDF (a PDF file's own content, else a one-page PDF of the text) and temporary links to it that expire.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import secrets
import struct
import zlib
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import (
    Item,
    Predicate,
    _tokens,
    compile_advanced,
    get_property,
    search_score,
    sort_key,
)
from cognite.client.testing._geometry import bbox, intersects, within
from cognite.client.testing._media import RawContent
from cognite.client.testing._store import (
    ContentResponse,
    Family,
    Hooks,
    Project,
    ResourceStore,
    _count_values,
    _decode_cursor,
    _encode_cursor,
    _identifier,
)

__all__ = ["DOCUMENTS", "DOCUMENTS_FAMILIES", "DocumentsStore"]

_TRUNCATE = 1000
_TEXT_MEDIA = ("application/json", "application/xml", "application/csv", "application/x-yaml", "application/yaml")
_TYPES = (
    ("application/pdf", "PDF"),
    ("image/", "Image"),
    ("text/csv", "Spreadsheet"),
    ("text/", "Plain text"),
    ("application/json", "Plain text"),
    ("application/xml", "Plain text"),
    ("application/vnd.ms-excel", "Spreadsheet"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml", "Spreadsheet"),
    ("application/vnd.ms-powerpoint", "Presentation"),
    ("application/vnd.openxmlformats-officedocument.presentationml", "Presentation"),
    ("application/msword", "Document"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml", "Document"),
    ("application/zip", "Compressed"),
    ("application/gzip", "Compressed"),
)
_PDF_TEXT = re.compile(rb"\(((?:[^()\\]|\\.)*)\)\s*Tj")
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
_LINK_TTL_MS = 3_600_000


def _is_text(mime: str) -> bool:
    return mime.startswith("text/") or mime in _TEXT_MEDIA


def _doc_type(mime: str) -> str:
    return next((name for prefix, name in _TYPES if mime.startswith(prefix)), "Other")


def _extract(mime: str, content: bytes) -> tuple[str, int]:
    """The text of a file and its page count."""
    if _is_text(mime):
        return content.decode("utf-8", errors="replace"), 1
    if mime == "application/pdf":
        text = "\n".join(
            m.decode("latin-1").replace("\\(", "(").replace("\\)", ")") for m in _PDF_TEXT.findall(content)
        )
        return text, max(1, len(_PDF_PAGE.findall(content)))
    return "", 1


def make_pdf(text: str) -> bytes:
    """A one-page PDF showing the lines of a text (what the emulator previews text files as)."""
    lines = text.splitlines()[:60] or [""]
    ops = ["BT /F1 10 Tf 40 800 Td 12 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_png(width: int = 8, height: int = 8) -> bytes:
    """A white RGB PNG image (what the emulator previews pages as)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\xff" * (3 * width) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _highlight(text: str, tokens: Sequence[str]) -> str:
    if not tokens:
        return text
    pattern = re.compile("|".join(re.escape(t) for t in sorted(set(tokens), key=len, reverse=True)), re.IGNORECASE)
    return pattern.sub(lambda m: f"<em>{m.group(0)}</em>", text)


def _snippets(text: str, tokens: Sequence[str], most: int = 3) -> list[str]:
    lowered = [t.lower() for t in tokens]
    lines = [ln.strip() for ln in text.splitlines() if any(t in ln.lower() for t in lowered)]
    return [_highlight(ln, tokens) for ln in lines[:most]]


def _label_values(values: Any) -> Any:
    """Filter values with labels given as ``{"externalId"}`` objects compared by external id."""
    if isinstance(values, list):
        return [v["externalId"] if isinstance(v, dict) and "externalId" in v else v for v in values]
    if isinstance(values, dict) and "externalId" in values:
        return values["externalId"]
    return values


class DocumentsStore(ResourceStore):
    """The documents of one project: a view of the files store, rebuilt per file when the file changes.

    Args:
        family: The family declaration.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self._built: dict[int, tuple[Any, Item, str]] = {}
        self.texts: dict[int, str] = {}
        self.links: dict[str, tuple[int, int]] = {}

    # ----------------------------------------------------------------- derivation
    def refresh(self) -> None:
        """Bring the documents up to date with the files (documents of deleted or emptied files disappear)."""
        files = self.project.store("files")
        content: Mapping[int, list[Any]] = getattr(files, "content", {})
        items: dict[int, Item] = {}
        built: dict[int, tuple[Any, Item, str]] = {}
        for file_id in files.order:
            file = files.items.get(file_id)
            paths = content.get(file_id)
            if file is None or not paths or file_id in items:
                continue
            key = (file.get("lastUpdatedTime"), file.get("uploadedTime"), tuple(str(p) for p in paths))
            cached = self._built.get(file_id)
            if cached is None or cached[0] != key:
                data = b"".join(p.read_bytes() for p in paths)
                doc, text = self._document(file, data)
                cached = (key, doc, text)
            built[file_id] = cached
            items[file_id] = cached[1]
        self._built = built
        self.items = items
        self.order = list(items)
        self.texts = {i: b[2] for i, b in built.items()}
        self.by_xid = {it["externalId"]: i for i, it in items.items() if "externalId" in it}
        self.by_iid = {
            _identifier({"instanceId": it["instanceId"]})[1]: i for i, it in items.items() if "instanceId" in it
        }

    @staticmethod
    def _document(file: Item, data: bytes) -> tuple[Item, str]:
        name = file["name"]
        extension = name.rsplit(".", 1)[1].lower() if "." in name.strip(".") else None
        mime = (
            file.get("mimeType") or (mimetypes.guess_type(name)[0] if extension else None) or "application/octet-stream"
        )
        text, pages = _extract(mime, data)
        geometry = (file.get("geoLocation") or {}).get("geometry")
        source: Item = {"name": name, "mimeType": mime, "size": len(data), "hash": hashlib.sha256(data).hexdigest()}
        for wire, key in (
            ("directory", "directory"), ("source", "source"), ("assetIds", "assetIds"), ("labels", "labels"),
            ("datasetId", "dataSetId"), ("securityCategories", "securityCategories"), ("metadata", "metadata"),
        ):  # fmt: skip
            if file.get(key) is not None:
                source[wire] = file[key]
        if geometry is not None:
            source["geoLocation"] = geometry
        doc: Item = {"id": file["id"], "createdTime": file["createdTime"], "sourceFile": source, "mimeType": mime}
        for key in ("externalId", "instanceId", "assetIds", "labels"):
            if file.get(key) is not None:
                doc[key] = file[key]
        doc["modifiedTime"] = file.get("sourceModifiedTime", file["lastUpdatedTime"])
        doc["lastIndexedTime"] = file.get("uploadedTime", file["lastUpdatedTime"])
        if extension:
            doc["extension"] = extension
        doc["type"] = _doc_type(mime)
        doc["pageCount"] = pages
        if text:
            doc["language"] = "en"
            doc["truncatedContent"] = text[:_TRUNCATE]
        if geometry is not None:
            doc["geoLocation"] = geometry
        return doc, text

    # ----------------------------------------------------------------- helpers
    def _filtered(self, body: Mapping[str, Any]) -> tuple[list[Item], list[str]]:
        """The documents matching the body's ``filter`` and ``search``, best first when searched; the query tokens."""
        self.refresh()
        flt = body.get("filter")
        pred = None if flt is None else compile_advanced(flt, self)
        items = self.matching(pred)
        search = body.get("search")
        if search is None:
            return items, []
        query = search.get("query", "") if isinstance(search, dict) else ""
        if not isinstance(query, str):
            raise CDFError(400, "search.query must be a string")
        tokens = _tokens(query)
        if not tokens:
            return items, []
        scored = []
        for n, item in enumerate(items):
            name_score = 2 * search_score(item["sourceFile"]["name"], query)  # the name weighs more than the text
            score = name_score + search_score(self.texts.get(item["id"], ""), query)
            if score:
                scored.append((-score, n, item))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [t[2] for t in scored], tokens

    def _page(self, items: list[Item], body: Mapping[str, Any], bounds: tuple[int, int]) -> tuple[list[Item], Any]:
        limit = body.get("limit")
        if limit is None:
            limit = 100
        if isinstance(limit, bool) or not isinstance(limit, int) or not bounds[0] <= limit <= bounds[1]:
            raise CDFError(400, f"limit must be an integer from {bounds[0]} to {bounds[1]}, got {limit!r}")
        sort = body.get("sort")
        if sort is not None:
            if not isinstance(sort, list) or len(sort) != 1:
                raise CDFError(400, "sort takes exactly one property")
            items = sorted(items, key=sort_key(sort, self))
        cursor = body.get("cursor")
        offset = 0 if cursor is None else _decode_cursor(cursor, "d")
        page = items[offset : offset + limit]
        following = _encode_cursor("d", offset + limit) if offset + limit < len(items) and limit else None
        return page, following

    def _one(self, ref: Any) -> Item:
        self.refresh()
        if not isinstance(ref, dict):
            raise CDFError(400, "Expected an identifier object")
        return self.resolve([ref], ignore_unknown=False)[0]

    def _by_path_id(self, params: Mapping[str, str]) -> Item:
        try:
            doc_id = int(params["documentId"])
        except ValueError:
            raise CDFError(400, f"Invalid document id {params['documentId']!r}") from None
        return self._one({"id": doc_id})

    # ----------------------------------------------------------------- routes
    def list_documents(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /documents/list``: filter, sort (one property), cursor."""
        items, _ = self._filtered({"filter": body.get("filter")})
        page, following = self._page(items, body, (1, 1000))
        out: dict[str, Any] = {"items": page}
        if following:
            out["nextCursor"] = following
        return 200, out

    def search_documents(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /documents/search``: free text on name and content (best first), filter, sort, highlight."""
        items, tokens = self._filtered(body)
        page, following = self._page(items, body, (0, 1000))
        highlight = body.get("highlight") or (body.get("search") or {}).get("highlight")
        out_items = []
        for doc in page:
            entry: dict[str, Any] = {"item": doc}
            if highlight:
                name = doc["sourceFile"]["name"]
                names = [_highlight(name, tokens)] if any(t in name.lower() for t in tokens) else []
                entry["highlight"] = {"name": names, "content": _snippets(self.texts.get(doc["id"], ""), tokens)}
            out_items.append(entry)
        out: dict[str, Any] = {"items": out_items}
        if following:
            out["nextCursor"] = following
        return 200, out

    def aggregate_documents(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /documents/aggregate``: count, cardinalityValues, cardinalityProperties, uniqueValues,
        uniqueProperties (the metadata keys of the source files), with search, filter and aggregateFilter."""
        from cognite.client.testing._filters import compile_bucket_filter

        kind = body.get("aggregate", "count")
        items, _ = self._filtered(body)
        if kind == "count":
            return 200, {"items": [{"count": len(items)}]}
        bucket = None if body.get("aggregateFilter") is None else compile_bucket_filter(body["aggregateFilter"])
        limit = body.get("limit", 100)
        if kind in ("uniqueValues", "cardinalityValues"):
            path = (body.get("properties") or [{}])[0].get("property")
            if not isinstance(path, list) or not path:
                raise CDFError(400, f"'{kind}' needs properties: [{{property: [...]}}]")
            getter = self._getter(path)
            buckets = _count_values(items, getter, bucket)
            if kind == "cardinalityValues":
                return 200, {"items": [{"count": len(buckets)}]}
            ranked = sorted(buckets.values(), key=lambda b: (-b[1], str(b[0])))[:limit]
            as_label = path[-1] == "labels"
            return 200, {"items": [{"count": c, "values": [{"externalId": v} if as_label else v]} for v, c in ranked]}
        if kind in ("uniqueProperties", "cardinalityProperties"):
            path = (
                body.get("path")
                if kind == "cardinalityProperties"
                else (body.get("properties") or [{}])[0].get("property")
            )
            if path not in (["sourceFile", "metadata"], ["metadata"]):
                raise CDFError(400, f"Unsupported path {path!r}: only ['sourceFile', 'metadata'] is supported")
            buckets = _count_values(items, lambda it: list(it["sourceFile"].get("metadata") or {}), bucket)
            if kind == "cardinalityProperties":
                return 200, {"items": [{"count": len(buckets)}]}
            ranked = sorted(buckets.values(), key=lambda b: (-b[1], str(b[0])))[:limit]
            return 200, {"items": [{"count": c, "values": [k]} for k, c in ranked]}
        raise CDFError(400, f"Unsupported aggregate '{kind}'")

    def content(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /documents/content``: the extracted text, as ``text/plain``."""
        doc = self._one(body)
        return 200, RawContent("text/plain; charset=utf-8", self.texts.get(doc["id"], "").encode())

    def preview_image(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /documents/{documentId}/preview/image/pages/{pageNumber}``: a PNG image of the page."""
        doc = self._by_path_id(params)
        try:
            page = int(params["pageNumber"])
        except ValueError:
            raise CDFError(400, f"Invalid page number {params['pageNumber']!r}") from None
        if not 1 <= page <= doc.get("pageCount", 1):
            raise CDFError(400, f"Page {page} does not exist; the document has {doc.get('pageCount', 1)} page(s)")
        return 200, RawContent("image/png", make_png())

    def _pdf(self, doc: Item) -> bytes:
        if doc.get("mimeType") == "application/pdf":
            files = self.project.store("files")
            return b"".join(p.read_bytes() for p in getattr(files, "content", {}).get(doc["id"], []))
        return make_pdf(self.texts.get(doc["id"], ""))

    def preview_pdf(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /documents/{documentId}/preview/pdf``: the document as PDF."""
        return 200, RawContent("application/pdf", self._pdf(self._by_path_id(params)))

    def preview_link(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /documents/{documentId}/preview/pdf/temporarylink``: a link to the PDF that expires in an hour."""
        doc = self._by_path_id(params)
        from cognite.client.testing._app import CONTENT_PREFIX, request_base_url

        token = secrets.token_urlsafe(16)
        expires = self.project.clock() + _LINK_TTL_MS
        self.links[token] = (doc["id"], expires)
        url = f"{request_base_url()}{CONTENT_PREFIX}{self.project.name}/{self.family.name}/pdf/{token}"
        return 200, {"temporaryLink": url, "expirationTime": expires}

    async def get_link(
        self, rest: str, query: Mapping[str, str], headers: Mapping[str, str], body: AsyncIterator[bytes]
    ) -> ContentResponse:
        """``GET`` a temporary link: the PDF, or 403 once it expired."""
        kind, _, token = rest.partition("/")
        entry = self.links.get(token) if kind == "pdf" else None
        if entry is None:
            raise CDFError(404, "Unknown link")
        if entry[1] < self.project.clock():
            raise CDFError(403, "The link has expired")
        self.refresh()
        doc = self.items.get(entry[0])
        if doc is None:
            raise CDFError(404, "The document no longer exists")
        pdf = self._pdf(doc)

        async def send() -> AsyncIterator[bytes]:
            yield pdf

        return ContentResponse(200, [("content-type", "application/pdf"), ("content-length", str(len(pdf)))], send())


class DocumentsHooks(Hooks):
    """Document properties the generic filters cannot read (content, asset external ids), label values, the
    document filters of their own (inAssetSubtree by ``values``, GeoJSON by bounding box)."""

    def store_property_getter(self, store: ResourceStore, path: Sequence[str]) -> Callable[[Item], Any] | None:
        """Readers of ``content`` and of asset external ids."""
        if list(path) == ["content"] and isinstance(store, DocumentsStore):
            texts = store.texts
            return lambda item: texts.get(item["id"])
        if path and path[-1] == "assetExternalIds":
            assets = store.project.store("assets")
            base = [*path[:-1], "assetIds"]

            def xids(item: Item) -> list[str]:
                ids = get_property(item, base) or []
                return [x for i in ids if (a := assets.items.get(i)) is not None and (x := a.get("externalId"))]

            return xids
        return None

    def compile_leaf(self, store: ResourceStore, kind: str, arg: Any) -> Predicate | None:
        """Labels by external id; inAssetSubtree with ``values``; GeoJSON filters by bounding box."""
        if not isinstance(arg, dict):
            return None
        if kind == "inAssetSubtree":
            values = arg.get("values")
            if not isinstance(values, list) or not values:
                raise CDFError(400, "inAssetSubtree needs a non-empty list of 'values'")
            refs = [{"externalId": v} if isinstance(v, str) else {"id": v} for v in values]
            subtree = store.project.subtree_ids(refs)
            path = list(arg.get("property") or ["assetIds"])
            if path[-1] == "assetExternalIds":
                path[-1] = "assetIds"
            return lambda item: not subtree.isdisjoint(get_property(item, path) or [])
        if kind in ("geojsonIntersects", "geojsonWithin", "geojsonDisjoint"):
            box = bbox(arg.get("geometry"))
            if box is None:
                raise CDFError(400, f"{kind} needs a geometry")
            geo_path = arg.get("property")
            if not isinstance(geo_path, list) or not geo_path:
                raise CDFError(400, f"{kind} needs a property")

            def geo(item: Item) -> Any:
                return bbox(get_property(item, geo_path))

            if kind == "geojsonIntersects":
                return lambda item: intersects(geo(item), box)
            if kind == "geojsonWithin":
                return lambda item: within(geo(item), box)
            return lambda item: (g := geo(item)) is not None and not intersects(g, box)
        if "values" in arg or "value" in arg:
            fixed = {k: _label_values(v) if k in ("value", "values") else v for k, v in arg.items()}
            if fixed != arg:
                return compile_advanced({kind: fixed}, store)
        return None


_DOCUMENT_PROPERTIES = frozenset(
    {
        "id", "externalId", "instanceId", "title", "author", "producer", "createdTime", "modifiedTime",
        "lastIndexedTime", "mimeType", "extension", "pageCount", "type", "language", "truncatedContent", "assetIds",
        "assetExternalIds", "labels", "geoLocation", "content", "sourceFile",
    }
)  # fmt: skip

DOCUMENTS = Family(
    name="documents",
    path="/documents",
    write_fields={},
    verbs=frozenset(),
    filter_properties=_DOCUMENT_PROPERTIES,
    sortable=True,
    instance_ids=True,
    hooks=DocumentsHooks(),
    routes={
        ("POST", "/list"): "list_documents",
        ("POST", "/search"): "search_documents",
        ("POST", "/aggregate"): "aggregate_documents",
        ("POST", "/content"): "content",
        ("GET", "/{documentId}/preview/image/pages/{pageNumber}"): "preview_image",
        ("GET", "/{documentId}/preview/pdf"): "preview_pdf",
        ("GET", "/{documentId}/preview/pdf/temporarylink"): "preview_link",
    },
    store_cls=DocumentsStore,
    content_routes={"GET": "get_link"},
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
DOCUMENTS_FAMILIES: tuple[Family, ...] = (DOCUMENTS,)
