"""Contract tests: every request the Sequences API and its rows API send validates against the CDF OpenAPI spec
(and the canned answers the SDK decodes validate too)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.sequences import (
    Sequence,
    SequenceColumnUpdate,
    SequenceColumnWrite,
    SequenceFilter,
    SequenceProperty,
    SequenceRow,
    SequenceRows,
    SequenceUpdate,
    SequenceWrite,
)
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec


def _sequence(i: int, xid: str = "s") -> dict[str, Any]:
    columns = [
        {"externalId": "v", "valueType": "DOUBLE", "createdTime": 0, "lastUpdatedTime": 0},
        {"externalId": "t", "valueType": "STRING", "createdTime": 0, "lastUpdatedTime": 0},
    ]
    return {"id": i, "externalId": xid, "columns": columns, "createdTime": 0, "lastUpdatedTime": 0}


def _rows(body: dict[str, Any], n: int = 3) -> dict[str, Any]:
    columns = body.get("columns") or ["v", "t"]
    types = {"v": "DOUBLE", "t": "STRING"}
    values = {"v": 1.5, "t": None}
    return {
        "id": body.get("id", 1),
        "externalId": body.get("externalId", "s"),
        "columns": [{"externalId": c, "valueType": types.get(c, "DOUBLE")} for c in columns],
        "rows": [{"rowNumber": i, "values": [values.get(c, 1.0) for c in columns]} for i in range(n)],
    }


class SequencesCDF(SpecCheckedCDF):
    """Answers Sequences and rows requests with bodies the spec allows."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        body = body or {}
        if path == "/sequences/aggregate":
            if body.get("aggregate") in ("uniqueValues", "uniqueProperties"):
                return 200, {"items": [{"count": 3, "values": ["x"]}]}
            return 200, {"items": [{"count": 7}]}
        if path.endswith("/delete") or path == "/sequences/data":
            return 200, {}
        if path == "/sequences/data/list":
            page = _rows(body)
            if "cursor" not in body:
                page["nextCursor"] = "next"
            return 200, page
        if path == "/sequences/data/latest":
            return 200, _rows(body, 1)
        if method == "POST" and path == "/sequences":
            items = [
                {**_sequence(i + 1), **{k: v for k, v in it.items() if k != "columns"}}
                for i, it in enumerate(body["items"])
            ]
            return 201, {"items": items}
        if path in ("/sequences/update", "/sequences/byids"):
            return 200, {"items": [_sequence(i + 1) for i in range(len(body["items"]))]}
        return 200, {"items": [_sequence(1), _sequence(2, "s2")]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> SequencesCDF:
    return SequencesCDF(spec)


async def test_every_sequences_request_matches_the_spec(client: AsyncCogniteClient, cdf: SequencesCDF) -> None:
    s = client.sequences
    await s.retrieve(id=1)
    await s.retrieve_multiple(ids=[1], external_ids=["x"], ignore_unknown_ids=True)
    await s.list(
        name="n", external_id_prefix="p", metadata={"k": "v"}, asset_ids=list(range(1, 150)), asset_subtree_ids=[1],
        asset_subtree_external_ids=["r"], data_set_ids=[1], data_set_external_ids=["d"],
        created_time={"min": 0, "max": 10}, last_updated_time={"min": 0}, limit=10,
        advanced_filter=flt.And(flt.Equals(SequenceProperty.asset_root_id, 1), flt.Prefix("external_id", "a")),
        sort=[("name", "desc"), ("created_time", "asc", "last")],
    )  # fmt: skip
    await s.list(limit=None, partitions=2)
    async for _ in s(chunk_size=2, limit=4, asset_ids=[1]):
        pass
    await s.search(name="n", description="d", query="q", filter=SequenceFilter(asset_ids=[1]), limit=5)
    columns = [
        SequenceColumnWrite("v", name="V", description="d", metadata={"u": "m"}),
        SequenceColumnWrite("t", value_type="STRING"),
    ]
    await s.create(
        [
            SequenceWrite(
                columns, name="n", description="d", asset_id=1, external_id="s", metadata={"a": "b"}, data_set_id=3
            )
        ]
    )
    await s.update(
        SequenceUpdate(id=1)
        .name.set("x").description.set(None).asset_id.set(2).data_set_id.set(None).external_id.set("y")
        .metadata.add({"k": "v"}).metadata.remove(["old"])
        .columns.add(SequenceColumnWrite("new", value_type="LONG"))
        .columns.remove("t")
        .columns.modify(
            SequenceColumnUpdate(external_id="v").external_id.set("w").name.set(None).description.set("d")
            .metadata.set({"a": "b"})
        )
    )  # fmt: skip
    await s.update(
        SequenceWrite([SequenceColumnWrite("v", name="renamed"), SequenceColumnWrite("n")], external_id="s"),
        mode="replace",
    )
    await s.update(Sequence(id=1, name="x", metadata={"a": "b"}), mode="patch")
    await s.upsert([SequenceWrite([SequenceColumnWrite("v")], external_id="s")], mode="replace")
    await s.delete(id=[1], external_id=["x"], ignore_unknown_ids=True)
    await s.aggregate_count(advanced_filter=flt.Exists("description"), filter=SequenceFilter(name="n"))
    await s.aggregate_unique_values(property="name")
    await s.aggregate_cardinality_values(property=SequenceProperty.metadata_key("k"))
    await s.aggregate_unique_properties(path=["metadata"])
    await s.aggregate_cardinality_properties(path=["metadata"])
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} >= {
        "/sequences",
        "/sequences/list",
        "/sequences/byids",
        "/sequences/search",
        "/sequences/update",
        "/sequences/delete",
        "/sequences/aggregate",
    }


async def test_every_rows_request_matches_the_spec(client: AsyncCogniteClient, cdf: SequencesCDF) -> None:
    d = client.sequences.data
    await d.insert({n: [n / 2, "x" if n % 2 else None] for n in range(12_000)}, columns=["v", "t"], id=1)
    await d.insert([(1, [1.0])], columns=["v"], external_id="s")
    await d.insert(SequenceRows([SequenceRow(3, [1.0, "a"])], ["v", "t"]), external_id="s")
    await d.insert({n: [1.0] * 250 for n in range(3)}, columns=[f"c{i}" for i in range(250)], id=1)
    await d.insert({1: [1.0, "a"]}, id=1)  # columns fetched from the sequence
    await d.insert_dataframe(pd.DataFrame({"v": [1.0, None], "t": ["a", None]}, index=[4, 5]), external_id="s")
    await d.retrieve(external_id="s", start=2, end=10, columns=["v"], limit=5)
    await d.retrieve(id=[1, 2], external_id=["s"])
    await d.retrieve_last_row(id=1, columns=["t"], before=9)
    await d.retrieve_last_row(external_id="s")
    await d.retrieve_dataframe(0, None, external_id="s", column_names="id|columnExternalId", limit=4)
    await d.delete(list(range(10_005)), id=1)
    await d.delete(3, external_id="s")
    await d.delete_range(0, 5, external_id="s")
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} >= {
        "/sequences/data",
        "/sequences/data/list",
        "/sequences/data/latest",
        "/sequences/data/delete",
    }


def test_the_validator_catches_a_bad_rows_body(spec: OpenAPISpec) -> None:
    too_wide = {
        "items": [{"id": 1, "columns": [f"c{i}" for i in range(201)], "rows": [{"rowNumber": 0, "values": [1]}]}]
    }
    assert spec.request_errors("POST", "/sequences/data", too_wide)
    assert spec.request_errors("POST", "/sequences/data/list", {"id": 1, "limit": 10_001})
    assert spec.request_errors("POST", "/sequences/data/latest", {"id": 1, "before": 0})
