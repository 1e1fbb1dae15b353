"""The Documents API against a fake CDF behind ``httpx.MockTransport``: wire bodies, pagination, highlights,
aggregates, content and previews; bad arguments fail before any request."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import filters
from cognite.client.data_classes.aggregations import Prefix
from cognite.client.data_classes.documents import (
    Document,
    DocumentHighlightList,
    DocumentList,
    DocumentProperty,
    DocumentSort,
    SortableDocumentProperty,
    SortableSourceFileProperty,
    SourceFileProperty,
    TemporaryLink,
)
from cognite.client.data_classes.labels import Label


def doc(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "createdTime": 0, "sourceFile": {"name": f"f{i}.txt"}, **fields}


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


async def test_list_pages_with_cursors_and_sends_filter_and_sort(
    routed_cdf: Any, async_client: AsyncCogniteClient
) -> None:
    pages = [{"items": [doc(1), doc(2)], "nextCursor": "c1"}, {"items": [doc(3)]}]
    fake = routed_cdf({"POST /documents/list": pages})
    flt = filters.And(
        filters.Equals(DocumentProperty.mime_type, "text/plain"), filters.Prefix(SourceFileProperty.name, "f")
    )
    docs = await async_client.documents.list(filter=flt, sort=(SortableSourceFileProperty.name, "desc"), limit=None)
    assert isinstance(docs, DocumentList) and docs.as_ids() == [1, 2, 3]
    first, second = bodies(fake, "POST /documents/list")
    assert first == {
        "limit": 1000,
        "filter": {"and": [
            {"equals": {"property": ["mimeType"], "value": "text/plain"}},
            {"prefix": {"property": ["sourceFile", "name"], "value": "f"}},
        ]},
        "sort": [{"property": ["sourceFile", "name"], "order": "desc"}],
    }  # fmt: skip
    assert second["cursor"] == "c1"


async def test_list_default_limit_and_sort_forms(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({"POST /documents/list": lambda body: {"items": []}})
    await async_client.documents.list()
    await async_client.documents.list(sort=SortableDocumentProperty.created_time)
    await async_client.documents.list(sort=DocumentSort("page_count", "desc"))
    await async_client.documents.list(sort=["sourceFile", "name"], filter={"exists": {"property": ["title"]}})
    sent = bodies(fake, "POST /documents/list")
    assert sent[0] == {"limit": 25}
    assert sent[1]["sort"] == [{"property": ["createdTime"], "order": "asc"}]
    assert sent[2]["sort"] == [{"property": ["pageCount"], "order": "desc"}]
    assert sent[3]["sort"] == [{"property": ["sourceFile", "name"], "order": "asc"}]
    assert sent[3]["filter"] == {"exists": {"property": ["title"]}}


async def test_iterate_in_chunks(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    routed_cdf({"POST /documents/list": [{"items": [doc(1), doc(2)], "nextCursor": "c"}, {"items": [doc(3)]}]})
    chunks = [c async for c in async_client.documents(chunk_size=2)]
    assert [c.as_ids() for c in chunks] == [[1, 2], [3]]


async def test_search_with_and_without_highlight(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    hit = {"item": doc(1), "highlight": {"name": ["<em>f1</em>"], "content": ["x <em>f1</em>"]}}
    fake = routed_cdf({"POST /documents/search": [{"items": [hit]}, {"items": [{"item": doc(2)}], "nextCursor": "n"}]})
    got = await async_client.documents.search("f1", highlight=True, filter=filters.Exists(DocumentProperty.title))
    assert isinstance(got, DocumentHighlightList)
    assert got[0].highlight.name == ["<em>f1</em>"] and got[0].document.id == 1
    plain = await async_client.documents.search("x", limit=1)
    assert isinstance(plain, DocumentList) and plain.as_ids() == [2]
    first, second = bodies(fake, "POST /documents/search")
    assert first == {
        "search": {"query": "f1"},
        "filter": {"exists": {"property": ["title"]}},
        "highlight": True,
        "limit": 25,
    }
    assert second == {"search": {"query": "x"}, "limit": 1}


async def test_aggregates_send_the_documented_bodies(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    answers = [
        {"items": [{"count": 7}]},
        {"items": [{"count": 3}]},
        {"items": [{"count": 2}]},
        {"items": [{"count": 2, "values": [{"externalId": "l1"}]}]},
        {"items": [{"count": 4, "values": ["site"]}]},
    ]
    fake = routed_cdf({"POST /documents/aggregate": answers})
    docs = async_client.documents
    assert await docs.aggregate_count(query="pump", filter={"equals": {"property": ["type"], "value": "PDF"}}) == 7
    assert await docs.aggregate_cardinality_values(DocumentProperty.mime_type, aggregate_filter=Prefix("text")) == 3
    assert await docs.aggregate_cardinality_properties(SourceFileProperty.metadata) == 2
    labels = await docs.aggregate_unique_values(DocumentProperty.labels, limit=5)
    assert labels[0].value == Label("l1") and labels[0].count == 2
    keys = await docs.aggregate_unique_properties(SourceFileProperty.metadata, query="q")
    assert keys.unique == ["site"]
    sent = bodies(fake, "POST /documents/aggregate")
    assert sent[0] == {
        "aggregate": "count",
        "search": {"query": "pump"},
        "filter": {"equals": {"property": ["type"], "value": "PDF"}},
    }
    assert sent[1] == {
        "aggregate": "cardinalityValues",
        "properties": [{"property": ["mimeType"]}],
        "aggregateFilter": {"prefix": {"value": "text"}},
    }
    assert sent[2] == {"aggregate": "cardinalityProperties", "path": ["sourceFile", "metadata"]}
    assert sent[3] == {"aggregate": "uniqueValues", "properties": [{"property": ["labels"]}], "limit": 5}
    assert sent[4] == {"aggregate": "uniqueProperties", "properties": [{"property": ["sourceFile", "metadata"]}], "search": {"query": "q"}, "limit": 25}  # fmt: skip


async def test_content_and_buffer(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    text = httpx.Response(200, content=b"hello", headers={"content-type": "text/plain"})
    fake = routed_cdf({"POST /documents/content": [text, text]})
    assert await async_client.documents.retrieve_content(external_id="a") == b"hello"
    buffer = io.BytesIO(b"keep:")
    buffer.seek(5)
    await async_client.documents.retrieve_content_buffer(buffer, id=3)
    assert buffer.getvalue() == b"keep:hello"
    calls = fake.calls("POST /documents/content")
    assert [c.body for c in calls] == [{"externalId": "a"}, {"id": 3}]
    assert all(c.headers["accept"] == "text/plain" for c in calls)


async def test_previews(routed_cdf: Any, async_client: AsyncCogniteClient, tmp_path: Path) -> None:
    png = httpx.Response(200, content=b"\x89PNGdata")
    pdf = httpx.Response(200, content=b"%PDF-1.4 x")
    fake = routed_cdf({
        "GET /documents/7/preview/image/pages/2": [png, png],
        "GET /documents/7/preview/pdf": [pdf, pdf],
        "GET /documents/7/preview/pdf/temporarylink": {"temporaryLink": "https://l", "expirationTime": 9},
    })  # fmt: skip
    previews = async_client.documents.previews
    assert await previews.download_page_as_png_bytes(7, page_number=2) == b"\x89PNGdata"
    await previews.download_page_as_png(tmp_path, 7, page_number=2)
    assert (tmp_path / "7_page2.png").read_bytes() == b"\x89PNGdata"
    assert await previews.download_document_as_pdf_bytes(7) == b"%PDF-1.4 x"
    await previews.download_document_as_pdf(tmp_path / "out.pdf", 7)
    assert (tmp_path / "out.pdf").read_bytes() == b"%PDF-1.4 x"
    with pytest.raises(FileExistsError):
        await previews.download_document_as_pdf(tmp_path / "out.pdf", 7)
    assert await previews.retrieve_pdf_link(7) == TemporaryLink("https://l", 9)
    accepts = [r.headers["accept"] for r in fake.requests if "temporarylink" not in r.path]
    assert accepts == ["image/png", "image/png", "application/pdf", "application/pdf"]


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda c: c.documents.list(filter="mimeType"), "filter"),
        (lambda c: c.documents.list(sort=[("a", "asc"), ("b", "asc")]), "one property"),
        (lambda c: c.documents.search(3), "query"),
        (lambda c: c.documents.search("q", highlight="yes"), "highlight"),
        (lambda c: c.documents.aggregate_count(query=1), "query"),
        (lambda c: c.documents.aggregate_unique_values("type", limit=0), "limit"),
        (lambda c: c.documents.aggregate_unique_values("type", aggregate_filter="x"), "aggregate_filter"),
        (lambda c: c.documents.retrieve_content(), "Exactly one"),
        (lambda c: c.documents.retrieve_content(id=1, external_id="a"), "Exactly one"),
        (lambda c: c.documents.previews.download_page_as_png_bytes(1, page_number=0), "page_number"),
        (lambda c: c.documents.previews.download_document_as_pdf_bytes("1"), "id"),
    ],
)
async def test_bad_arguments_fail_before_any_request(
    routed_cdf: Any, async_client: AsyncCogniteClient, call: Any, match: str
) -> None:
    fake = routed_cdf({})
    with pytest.raises((TypeError, ValueError), match=match):
        await call(async_client)
    assert fake.requests == []


def test_data_classes_load_and_dump() -> None:
    d = Document.load(doc(1, labels=[{"externalId": "l"}], instanceId={"space": "s", "externalId": "x"}))
    assert d.labels == [Label("l")] and d.instance_id is not None and d.instance_id.space == "s"
    assert d.dump()["sourceFile"] == {"name": "f1.txt"}
    assert SourceFileProperty.metadata_key("k") == ["sourceFile", "metadata", "k"]
    assert DocumentSort.load(("title", "desc")).dump() == {"property": ["title"], "order": "desc"}
    assert TemporaryLink.load({"temporaryLink": "u", "expirationTime": 1}).dump(camel_case=False) == {
        "url": "u",
        "expires_at": 1,
    }
