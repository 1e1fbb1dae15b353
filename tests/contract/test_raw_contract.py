"""Contract tests: every request the Raw API sends validates against the CDF OpenAPI spec."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from typing import Any

import httpx
import pandas as pd
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.raw import Row, RowWrite
from cognite.client.testing._openapi import OpenAPISpec

PREFIX = "/api/v1/projects/contract"


class Recorder:
    """A fake CDF that validates each request against the spec and answers with a canned valid body."""

    def __init__(self, spec: OpenAPISpec) -> None:
        self.spec = spec
        self.seen: list[tuple[str, str]] = []
        self.errors: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.split(b"?")[0].decode().removeprefix(PREFIX)
        raw = request.content
        if request.headers.get("content-encoding") == "gzip":
            raw = gzip.decompress(raw)
        body = json.loads(raw) if raw else None
        query = dict(request.url.params) or None
        self.errors += [
            f"{request.method} {path}: {e}" for e in self.spec.request_errors(request.method, path, body, query)
        ]
        op = self.spec.find_operation(request.method, path)
        assert op is not None, path
        self.seen.append((request.method, op.path))
        answer = self.answer(request.method, op.path, body)
        status = 201 if request.method == "POST" and op.path in ("/raw/dbs", "/raw/dbs/{dbName}/tables") else 200
        self.errors += [
            f"response of {op.path}: {e}" for e in self.spec.response_errors(request.method, path, status, answer)
        ]
        return httpx.Response(status, json=answer)

    @staticmethod
    def answer(method: str, template: str, body: Any) -> Any:
        row = {"key": "k", "columns": {"a": 1}, "lastUpdatedTime": 1}
        if template.endswith("/delete") or (template.endswith("/rows") and method == "POST"):
            return {}
        if method == "POST":
            return {"items": body["items"]}
        if template.endswith("/cursors"):
            return {"items": ["c1", "c2"]}
        if template.endswith("/{rowKey}"):
            return row
        if template.endswith("/rows"):
            return {"items": [row]}
        return {"items": [{"name": "x"}]}


@pytest.fixture
def recorder(spec: OpenAPISpec) -> Recorder:
    return Recorder(spec)


@pytest.fixture
def client(recorder: Recorder, contract_client: Callable[[Recorder], AsyncCogniteClient]) -> AsyncCogniteClient:
    return contract_client(recorder)


async def test_every_raw_request_matches_the_spec(client: AsyncCogniteClient, recorder: Recorder) -> None:
    raw = client.raw
    await raw.databases.create("db")
    await raw.databases.create(["a", "b/c"])
    await raw.databases.list(limit=None)
    _ = [db async for db in raw.databases(chunk_size=10)]
    await raw.databases.delete(["a", "b/c"], recursive=True)
    await raw.tables.create("db", "t")
    await raw.tables.create("db", ["t 2", "t/3"])
    await raw.tables.list("db", limit=5)
    _ = [t async for t in raw.tables("db")]
    await raw.tables.delete("db", ["t 2"])
    await raw.rows.insert("db", "t", [RowWrite(key="k", columns={"a": [1, {"b": None}]})], ensure_parent=True)
    await raw.rows.insert("db", "t", {"k/2": {"a": 1}})
    await raw.rows.insert("db", "t", Row(key="k3", columns={}))
    await raw.rows.insert_dataframe("db", "t", pd.DataFrame({"a": [1.0, None]}, index=["x", "y"]), ensure_parent=True)
    await raw.rows.retrieve("db", "t", "k/2")
    await raw.rows.list("db", "t", min_last_updated_time=1, max_last_updated_time=2, columns=["a", "b"], limit=5)
    await raw.rows.list("db", "t", columns=[], limit=None, partitions=2)
    await raw.rows.retrieve_dataframe("db", "t", limit=3, last_updated_time_in_index=True)
    _ = [r async for r in raw.rows("db", "t", chunk_size=5, partitions=2, min_last_updated_time=0)]
    await raw.rows.delete("db", "t", ["k", "k/2"])
    assert recorder.errors == []
    templates = {t for _, t in recorder.seen}
    assert {t for t in recorder.spec.raw["paths"] if t.startswith("/raw/")} == templates
