"""The Documents API: documents CDF derives from files with content; list, search (with highlights), aggregates,
extracted text content, and previews (PNG pages, PDF) through ``client.documents.previews``.

Filters are the document filter language (``cognite.client.data_classes.filters``: ``Equals``, ``In``,
``ContainsAny``, ``Range``, ``Prefix``, ``Exists``, ``Search``, ``InAssetSubtree``, ``And``/``Or``/``Not``) on
:class:`~cognite.client.data_classes.documents.DocumentProperty` and
:class:`~cognite.client.data_classes.documents.SourceFileProperty` paths, or dicts in wire form.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, overload

import msgspec

from cognite.client._api_client import (
    APIClient,
    IdentifierSequence,
    _dump_filter,
    check_limit,
    check_type,
    dump_sort,
    items_decoder,
)
from cognite.client._cognite_client import LazyAPI
from cognite.client.data_classes.aggregations import AggregationFilter, UniqueResultList
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.documents import (
    Document,
    DocumentHighlight,
    DocumentHighlightList,
    DocumentList,
    DocumentProperty,
    DocumentSort,
    Highlight,
    SortableDocumentProperty,
    SortableSourceFileProperty,
    SourceFileProperty,
    TemporaryLink,
)

if TYPE_CHECKING:
    from cognite.client.data_classes.filters import Filter

__all__ = ["DocumentPreviewAPI", "DocumentsAPI"]

SortSpec = (
    DocumentSort
    | SortableDocumentProperty
    | SortableSourceFileProperty
    | str
    | tuple[SortableDocumentProperty | SortableSourceFileProperty | str, Literal["asc", "desc"]]
)
AggregateProperty = DocumentProperty | SourceFileProperty | str | list[str]
MetadataPath = SourceFileProperty | list[str]


class _SearchItem(msgspec.Struct, rename="camel"):
    item: Document
    highlight: Highlight | None = None


def _dump_doc_filter(filter: Any) -> Any:
    if filter is None:
        return None
    from cognite.client.data_classes.filters import Filter

    check_type(filter, (Filter, dict), "filter")
    return _dump_filter(filter)


def _dump_doc_sort(sort: Any) -> list[dict[str, Any]] | None:
    if sort is None:
        return None
    if isinstance(sort, list) and sort and all(isinstance(p, str) for p in sort):
        sort = DocumentSort(sort)  # a property path
    elif isinstance(sort, list):
        if len(sort) != 1:
            raise ValueError(f"documents sort on one property only, got {len(sort)} sort specifications")
        sort = sort[0]
    return dump_sort(sort, DocumentSort)


def _check_aggregate_filter(aggregate_filter: Any) -> None:
    check_type(aggregate_filter, (AggregationFilter, dict), "aggregate_filter")


def _check_query(query: Any) -> None:
    check_type(query, str, "query")


class DocumentPreviewAPI(APIClient[Any, Any]):
    """Previews of documents: pages as PNG images, the whole document as PDF, and temporary links to the PDF.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     f = client.files.upload_bytes(b"hello", name="hello.txt")
        ...     client.documents.previews.download_page_as_png_bytes(f.id)[:4]
        b'\\x89PNG'
    """

    _RESOURCE_PATH = "/documents"

    def _preview_path(self, id: int, suffix: str) -> str:
        if isinstance(id, bool) or not isinstance(id, int):
            raise TypeError(f"id must be an int, not {type(id).__name__}")
        return f"{self._RESOURCE_PATH}/{id}/preview/{suffix}"

    async def _binary(self, path: str, accept: str) -> bytes:
        resp = await self._http.request("GET", path, headers={"accept": accept}, category=self._CATEGORY)
        return resp.content

    @staticmethod
    def _target(path: Path | str, default_name: str, overwrite: bool) -> Path:
        check_type(path, (str, Path), "path")
        check_type(overwrite, bool, "overwrite")
        target = Path(path).expanduser()
        if target.is_dir():
            target = target / default_name
        if target.exists() and not overwrite:
            raise FileExistsError(f"{target} exists; pass overwrite=True to replace it")
        return target

    async def download_page_as_png_bytes(self, id: int, page_number: int = 1) -> bytes:
        """Download one page of a document as a PNG image.

        Args:
            id: The document id.
            page_number: The page, from 1.

        Returns:
            The PNG image.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"hello", name="hello.txt")
            ...     client.documents.previews.download_page_as_png_bytes(f.id, page_number=1)[1:4]
            b'PNG'
        """
        if isinstance(page_number, bool) or not isinstance(page_number, int) or page_number < 1:
            raise ValueError(f"page_number must be a positive int, got {page_number!r}")
        return await self._binary(self._preview_path(id, f"image/pages/{page_number}"), "image/png")

    async def download_page_as_png(
        self, path: Path | str, id: int, page_number: int = 1, overwrite: bool = False
    ) -> None:
        """Download one page of a document as a PNG image to a file.

        Args:
            path: The file to write, or a directory (the file is then named ``{id}_page{page_number}.png``).
            id: The document id.
            page_number: The page, from 1.
            overwrite: Replace an existing file (otherwise FileExistsError).

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     f = client.files.upload_bytes(b"hello", name="hello.txt")
            ...     client.documents.previews.download_page_as_png(tmp, f.id)
            ...     pathlib.Path(tmp, f"{f.id}_page1.png").read_bytes()[1:4]
            b'PNG'
        """
        target = self._target(path, f"{id}_page{page_number}.png", overwrite)
        target.write_bytes(await self.download_page_as_png_bytes(id, page_number))

    async def download_document_as_pdf_bytes(self, id: int) -> bytes:
        """Download a document as PDF.

        Args:
            id: The document id.

        Returns:
            The PDF.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"hello", name="hello.txt")
            ...     client.documents.previews.download_document_as_pdf_bytes(f.id)[:5]
            b'%PDF-'
        """
        return await self._binary(self._preview_path(id, "pdf"), "application/pdf")

    async def download_document_as_pdf(self, path: Path | str, id: int, overwrite: bool = False) -> None:
        """Download a document as PDF to a file.

        Args:
            path: The file to write, or a directory (the file is then named ``{id}.pdf``).
            id: The document id.
            overwrite: Replace an existing file (otherwise FileExistsError).

        Example:
            >>> import tempfile, pathlib
            >>> from cognite.client.testing import emulated_client
            >>> with tempfile.TemporaryDirectory() as tmp, emulated_client() as client:
            ...     f = client.files.upload_bytes(b"hello", name="hello.txt")
            ...     client.documents.previews.download_document_as_pdf(pathlib.Path(tmp, "a.pdf"), f.id)
            ...     pathlib.Path(tmp, "a.pdf").read_bytes()[:5]
            b'%PDF-'
        """
        target = self._target(path, f"{id}.pdf", overwrite)
        target.write_bytes(await self.download_document_as_pdf_bytes(id))

    async def retrieve_pdf_link(self, id: int) -> TemporaryLink:
        """Get a temporary link to the PDF preview of a document.

        Args:
            id: The document id.

        Returns:
            The link and when it expires.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"hello", name="hello.txt")
            ...     link = client.documents.previews.retrieve_pdf_link(f.id)
            ...     link.url.startswith("http"), link.expires_at > 0
            (True, True)
        """
        resp = await self._get(self._preview_path(id, "pdf/temporarylink"))
        return TemporaryLink.load(msgspec.json.decode(resp.content))


class DocumentsAPI(APIClient[Document, DocumentList]):
    """Documents: files with content that CDF indexed; list, search, aggregate, content and previews.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> with emulated_client() as client:
        ...     _ = client.files.upload_bytes(b"pump manual", name="manual.txt", external_id="m")
        ...     client.documents.list()[0].external_id
        'm'
    """

    _RESOURCE_PATH = "/documents"
    _RESOURCE_CLS = Document
    _LIST_CLS = DocumentList
    _LIST_LIMIT = 1000
    _SEARCH_LIMIT = 1000

    previews: LazyAPI[DocumentPreviewAPI] = LazyAPI("cognite.client._api.documents:DocumentPreviewAPI")

    # ------------------------------------------------------------------------------------------ list

    async def list(
        self, filter: Filter | dict[str, Any] | None = None, sort: SortSpec | None = None, limit: int | None = 25
    ) -> DocumentList:
        """List documents matching a filter, optionally sorted.

        Args:
            filter: A filter in the document filter language (``filters.Filter`` or dict).
            sort: One sort: a property, ``(property, "asc" | "desc")`` or a DocumentSort.
            limit: Maximum number of documents (default 25; None, -1 or inf: all).

        Returns:
            The documents.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes import filters
            >>> from cognite.client.data_classes.documents import DocumentProperty, SourceFileProperty
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"a", name="a.txt", external_id="a")
            ...     _ = client.files.upload_bytes(b"b", name="b.txt", external_id="b")
            ...     is_text = filters.Equals(DocumentProperty.mime_type, "text/plain")
            ...     docs = client.documents.list(filter=is_text, sort=(SourceFileProperty.name, "desc"))
            ...     [d.source_file.name for d in docs]
            ['b.txt', 'a.txt']
        """
        other = self._list_body(filter, sort)
        flt = other.pop("filter", None)
        return await self._list(limit=limit, filter=flt, other_params=other)  # type: ignore[no-any-return]

    @staticmethod
    def _list_body(filter: Any, sort: Any) -> dict[str, Any]:
        body: dict[str, Any] = {}
        dumped_filter = _dump_doc_filter(filter)
        if dumped_filter is not None:
            body["filter"] = dumped_filter
        dumped_sort = _dump_doc_sort(sort)
        if dumped_sort is not None:
            body["sort"] = dumped_sort
        return body

    @overload
    def __call__(
        self, chunk_size: None = None, filter: Filter | dict[str, Any] | None = None,
        sort: SortSpec | None = None, limit: int | None = None,
    ) -> AsyncIterator[Document]: ...  # fmt: skip
    @overload
    def __call__(
        self, chunk_size: int, filter: Filter | dict[str, Any] | None = None,
        sort: SortSpec | None = None, limit: int | None = None,
    ) -> AsyncIterator[DocumentList]: ...  # fmt: skip
    def __call__(
        self,
        chunk_size: int | None = None,
        filter: Filter | dict[str, Any] | None = None,
        sort: SortSpec | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Document] | AsyncIterator[DocumentList]:
        """Iterate over documents lazily, one at a time or in lists of ``chunk_size``.

        Args:
            chunk_size: Yield lists of this many documents (None: one at a time).
            filter: A filter in the document filter language.
            sort: One sort specification.
            limit: Maximum number of documents (None: all).

        Returns:
            An async iterator of documents or lists of them.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"a", name="a.txt")
            ...     [d.source_file.name for d in client.documents(chunk_size=None)]
            ['a.txt']
        """
        other = self._list_body(filter, sort)
        flt = other.pop("filter", None)
        return self._list_generator(chunk_size=chunk_size, limit=limit, filter=flt, other_params=other)

    # ------------------------------------------------------------------------------------------ search

    async def search(
        self,
        query: str,
        highlight: bool = False,
        filter: Filter | dict[str, Any] | None = None,
        sort: SortSpec | None = None,
        limit: int = 25,
    ) -> DocumentList | DocumentHighlightList:
        """Search documents by free text in their name and content, best matches first.

        Args:
            query: The text to search for.
            highlight: Also return what matched, marked up (a DocumentHighlightList).
            filter: A filter in the document filter language, to narrow the search.
            sort: One sort specification (instead of relevance).
            limit: Maximum number of documents (default 25; None, -1 or inf: all).

        Returns:
            The documents, or the documents with highlights.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"the pump is red", name="pump.txt")
            ...     _ = client.files.upload_bytes(b"a valve", name="valve.txt")
            ...     hits = client.documents.search("pump", highlight=True)
            ...     [h.document.source_file.name for h in hits], hits[0].highlight.content
            (['pump.txt'], ['the <em>pump</em> is red'])
        """
        if not isinstance(query, str):
            raise TypeError(f"query must be a str, not {type(query).__name__}")
        check_type(highlight, bool, "highlight")
        max_items = check_limit(limit)
        body: dict[str, Any] = {"search": {"query": query}, **self._list_body(filter, sort)}
        if highlight:
            body["highlight"] = True
        decoder = items_decoder(_SearchItem)
        found: list[_SearchItem] = []
        cursor: str | None = None
        while max_items is None or len(found) < max_items:
            page_limit = self._SEARCH_LIMIT if max_items is None else min(self._SEARCH_LIMIT, max_items - len(found))
            request = {**body, "limit": page_limit}
            if cursor:
                request["cursor"] = cursor
            page = decoder.decode((await self._post(f"{self._RESOURCE_PATH}/search", json=request)).content)
            found.extend(page.items)
            cursor = page.next_cursor
            if not cursor or not page.items:
                break
        found = found if max_items is None else found[:max_items]
        client = self._cognite_client
        if highlight:
            hits = [DocumentHighlight(s.highlight or Highlight([], []), s.item) for s in found]
            return DocumentHighlightList._from_items(hits, client)
        return DocumentList._from_items([s.item for s in found], client)

    # ------------------------------------------------------------------------------------------ aggregates

    async def aggregate_count(self, query: str | None = None, filter: Filter | dict[str, Any] | None = None) -> int:
        """Count the documents matching a search and a filter.

        Args:
            query: Free-text search the documents must match.
            filter: A filter in the document filter language.

        Returns:
            The count.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"a pump", name="a.txt")
            ...     _ = client.files.upload_bytes(b"a valve", name="b.txt")
            ...     client.documents.aggregate_count(), client.documents.aggregate_count(query="pump")
            (2, 1)
        """
        _check_query(query)
        items = await self._advanced_aggregate("count", query=query, filter=_dump_doc_filter(filter))
        return int(items[0]["count"]) if items else 0

    async def aggregate_cardinality_values(
        self,
        property: AggregateProperty,
        query: str | None = None,
        filter: Filter | dict[str, Any] | None = None,
        aggregate_filter: AggregationFilter | dict[str, Any] | None = None,
    ) -> int:
        """Approximate number of distinct values of a property among the documents matching a search and a filter.

        Args:
            property: The property (``DocumentProperty``, ``SourceFileProperty`` member or a path).
            query: Free-text search the documents must match.
            filter: A filter in the document filter language.
            aggregate_filter: A filter on the values counted.

        Returns:
            The number of distinct values.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.documents import DocumentProperty
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"a", name="a.txt")
            ...     _ = client.files.upload_bytes(b"b", name="b.csv", mime_type="text/csv")
            ...     client.documents.aggregate_cardinality_values(DocumentProperty.mime_type)
            2
        """
        _check_query(query)
        _check_aggregate_filter(aggregate_filter)
        items = await self._advanced_aggregate(
            "cardinalityValues", properties=property, query=query, filter=_dump_doc_filter(filter),
            aggregate_filter=aggregate_filter,
        )  # fmt: skip
        return int(items[0]["count"]) if items else 0

    async def aggregate_cardinality_properties(
        self,
        path: MetadataPath,
        query: str | None = None,
        filter: Filter | dict[str, Any] | None = None,
        aggregate_filter: AggregationFilter | dict[str, Any] | None = None,
    ) -> int:
        """Approximate number of distinct metadata keys of the source files of the matching documents.

        Args:
            path: The scope: ``SourceFileProperty.metadata`` (``["sourceFile", "metadata"]``).
            query: Free-text search the documents must match.
            filter: A filter in the document filter language.
            aggregate_filter: A filter on the keys counted.

        Returns:
            The number of distinct keys.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.documents import SourceFileProperty
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"a", name="a.txt", metadata={"site": "x", "unit": "y"})
            ...     client.documents.aggregate_cardinality_properties(SourceFileProperty.metadata)
            2
        """
        _check_query(query)
        _check_aggregate_filter(aggregate_filter)
        items = await self._advanced_aggregate(
            "cardinalityProperties", path=path, query=query, filter=_dump_doc_filter(filter),
            aggregate_filter=aggregate_filter,
        )  # fmt: skip
        return int(items[0]["count"]) if items else 0

    async def aggregate_unique_values(
        self,
        property: AggregateProperty,
        query: str | None = None,
        filter: Filter | dict[str, Any] | None = None,
        aggregate_filter: AggregationFilter | dict[str, Any] | None = None,
        limit: int = 25,
    ) -> UniqueResultList:
        """The distinct values of a property among the matching documents, with their counts (most frequent first).

        Args:
            property: The property (``DocumentProperty``, ``SourceFileProperty`` member or a path, e.g.
                ``SourceFileProperty.metadata_key("site")``).
            query: Free-text search the documents must match.
            filter: A filter in the document filter language.
            aggregate_filter: A filter on the values (e.g. ``aggregations.Prefix("a")``).
            limit: Maximum number of values (1 to 10000).

        Returns:
            The values and their counts.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.documents import DocumentProperty
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"a", name="a.txt")
            ...     _ = client.files.upload_bytes(b"b", name="b.txt")
            ...     res = client.documents.aggregate_unique_values(DocumentProperty.extension)
            ...     res.unique, res[0].count
            (['txt'], 2)
        """
        _check_query(query)
        _check_aggregate_filter(aggregate_filter)
        self._check_aggregate_limit(limit)
        items = await self._advanced_aggregate(
            "uniqueValues", properties=property, query=query, filter=_dump_doc_filter(filter),
            aggregate_filter=aggregate_filter, limit=limit,
        )  # fmt: skip
        return UniqueResultList.load(items, self._cognite_client)  # type: ignore[no-any-return]

    async def aggregate_unique_properties(
        self,
        path: MetadataPath,
        query: str | None = None,
        filter: Filter | dict[str, Any] | None = None,
        aggregate_filter: AggregationFilter | dict[str, Any] | None = None,
        limit: int = 25,
    ) -> UniqueResultList:
        """The distinct metadata keys of the source files of the matching documents, with their counts.

        Args:
            path: The scope: ``SourceFileProperty.metadata`` (``["sourceFile", "metadata"]``).
            query: Free-text search the documents must match.
            filter: A filter in the document filter language.
            aggregate_filter: A filter on the keys (e.g. ``aggregations.Prefix("s")``).
            limit: Maximum number of keys (1 to 10000).

        Returns:
            The keys and their counts.

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> from cognite.client.data_classes.documents import SourceFileProperty
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"a", name="a.txt", metadata={"site": "x"})
            ...     client.documents.aggregate_unique_properties(SourceFileProperty.metadata).unique
            ['site']
        """
        _check_query(query)
        _check_aggregate_filter(aggregate_filter)
        self._check_aggregate_limit(limit)
        items = await self._advanced_aggregate(
            "uniqueProperties", properties=path, query=query, filter=_dump_doc_filter(filter),
            aggregate_filter=aggregate_filter, limit=limit,
        )  # fmt: skip
        return UniqueResultList.load(items, self._cognite_client)  # type: ignore[no-any-return]

    @staticmethod
    def _check_aggregate_limit(limit: Any) -> None:
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 10_000:
            raise ValueError(f"limit must be an int from 1 to 10000, got {limit!r}")

    # ------------------------------------------------------------------------------------------ content

    @staticmethod
    def _content(id: int | None, external_id: str | None, instance_id: NodeId | None) -> dict[str, Any]:
        return IdentifierSequence.load_one(id=id, external_id=external_id, instance_id=instance_id).as_dicts()[0]

    async def retrieve_content(
        self, id: int | None = None, external_id: str | None = None, instance_id: NodeId | None = None
    ) -> bytes:
        """Retrieve the text CDF extracted from a document.

        Args:
            id: The document id.
            external_id: The external id.
            instance_id: The instance id.

        Returns:
            The text (UTF-8).

        Example:
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     _ = client.files.upload_bytes(b"hello world", name="a.txt", external_id="a")
            ...     client.documents.retrieve_content(external_id="a")
            b'hello world'
        """
        identifier = self._content(id, external_id, instance_id)
        resp = await self._http.request(
            "POST", f"{self._RESOURCE_PATH}/content", json=identifier, headers={"accept": "text/plain"},
            category=self._CATEGORY, retryable=True,
        )  # fmt: skip
        return resp.content

    async def retrieve_content_buffer(
        self,
        buffer: BinaryIO,
        id: int | None = None,
        external_id: str | None = None,
        instance_id: NodeId | None = None,
    ) -> None:
        """Write the text CDF extracted from a document to a binary buffer (streamed).

        Args:
            buffer: Where to write (e.g. ``io.BytesIO()`` or a file opened with ``"wb"``).
            id: The document id.
            external_id: The external id.
            instance_id: The instance id.

        Example:
            >>> import io
            >>> from cognite.client.testing import emulated_client
            >>> with emulated_client() as client:
            ...     f = client.files.upload_bytes(b"hello", name="a.txt")
            ...     buffer = io.BytesIO()
            ...     client.documents.retrieve_content_buffer(buffer, id=f.id)
            ...     buffer.getvalue()
            b'hello'
        """
        if not hasattr(buffer, "write"):
            raise TypeError(f"buffer must be a writable binary buffer, not {type(buffer).__name__}")
        identifier = self._content(id, external_id, instance_id)
        start = buffer.tell() if buffer.seekable() else None

        async def sink(response: Any) -> None:
            if start is not None:  # a retry starts the content over
                buffer.seek(start)
                buffer.truncate()
            async for chunk in response.aiter_bytes():
                buffer.write(chunk)

        await self._http.request(
            "POST", f"{self._RESOURCE_PATH}/content", json=identifier, headers={"accept": "text/plain"},
            category=self._CATEGORY, retryable=start is not None, stream_response=sink,
        )  # fmt: skip
