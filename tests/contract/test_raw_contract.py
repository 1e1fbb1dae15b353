"""Contract tests: every request the Raw API sends validates against the CDF OpenAPI spec."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.raw import Row, RowWrite
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec


class RawCDF(SpecCheckedCDF):
    """Answers Raw requests with canned valid bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        row = {"key": "k", "columns": {"a": 1}, "lastUpdatedTime": 1}
        if template.endswith("/delete") or (template.endswith("/rows") and method == "POST"):
            return 200, {}
        if method == "POST":
            return 201, {"items": body["items"]}  # creating databases or tables
        if template.endswith("/cursors"):
            return 200, {"items": ["c1", "c2"]}
        if template.endswith("/{rowKey}"):
            return 200, row
        if template.endswith("/rows"):
            return 200, {"items": [row]}
        return 200, {"items": [{"name": "x"}]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> RawCDF:
    return RawCDF(spec)


async def test_every_raw_request_matches_the_spec(client: AsyncCogniteClient, cdf: RawCDF) -> None:
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
    assert cdf.errors == []
    templates = {t for _, t in cdf.seen}
    assert {t for t in cdf.spec.raw["paths"] if t.startswith("/raw/")} == templates
