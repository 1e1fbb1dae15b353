"""The Sequences API and its rows (``client.sequences.data``) against a small fake CDF behind ``httpx.MockTransport``.

HTTP is the only seam: the SDK's own layers (HTTP client, executor, verbs, data classes) run for real.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import itertools
import sys
from dataclasses import dataclass, field
from typing import Any

import httpx
import numpy as np
import pandas as pd
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.sequences import (
    Sequence,
    SequenceColumn,
    SequenceColumnList,
    SequenceColumnUpdate,
    SequenceColumnWrite,
    SequenceColumnWriteList,
    SequenceDataList,
    SequenceFilter,
    SequenceList,
    SequenceProperty,
    SequenceRow,
    SequenceRows,
    SequenceRowsList,
    SequenceUpdate,
    SequenceWrite,
    SortableSequenceProperty,
)
from cognite.client.exceptions import CogniteAPIError, CogniteImportError, CogniteNotFoundError

from .conftest import Recorded, decode_body, error_response, relative_path

# ---------------------------------------------------------------------------------------------- the fake CDF


@dataclass
class FakeSequences:
    """Sequences and rows in memory, answering the sequences endpoints like CDF does.

    Attributes:
        page_rows: The server's own cap on rows per page (forces cursors).
        delay: Seconds each request takes (lets tests observe concurrency).
        fail_after: Fail the rows inserts after this many succeeded (None: never).
    """

    page_rows: int = 10_000
    delay: float = 0.0
    fail_after: int | None = None
    sequences: dict[int, dict[str, Any]] = field(default_factory=dict)
    rows: dict[int, dict[int, dict[str, Any]]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def add(self, xid: str, columns: list[tuple[str, str]]) -> dict[str, Any]:
        i = next(self._ids)
        cols = [{"externalId": c, "valueType": t, "createdTime": 1, "lastUpdatedTime": 1} for c, t in columns]
        seq = {"id": i, "externalId": xid, "columns": cols, "createdTime": 1, "lastUpdatedTime": 1}
        self.sequences[i] = seq
        self.rows[i] = {}
        return seq

    def bodies(self, endpoint: str) -> list[Any]:
        return [r.body for r in self.requests if r.endpoint == endpoint]

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def _find(self, ident: dict[str, Any]) -> dict[str, Any] | None:
        if "id" in ident:
            return self.sequences.get(ident["id"])
        return next((s for s in self.sequences.values() if s.get("externalId") == ident.get("externalId")), None)

    def _ident(self, body: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in body.items() if k in ("id", "externalId")}

    async def handler(self, request: httpx.Request) -> httpx.Response:
        raw, body = decode_body(request)
        rec = Recorded(request.method, relative_path(request), [], request.headers, raw, body)
        self.requests.append(rec)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            response = self._route(rec)
        finally:
            self.in_flight -= 1
        response.headers["x-request-id"] = "req"
        return response

    def _route(self, rec: Recorded) -> httpx.Response:
        body = rec.body or {}
        if rec.endpoint == "POST /sequences":
            out = []
            for item in body["items"]:
                seq = self.add(
                    item.get("externalId", ""),
                    [(c["externalId"], c.get("valueType", "DOUBLE")) for c in item["columns"]],
                )
                seq.update({k: v for k, v in item.items() if k != "columns"})
                out.append(seq)
            return httpx.Response(201, json={"items": out})
        if rec.endpoint == "POST /sequences/byids":
            found = [s for s in (self._find(i) for i in body["items"]) if s is not None]
            if len(found) < len(body["items"]) and not body.get("ignoreUnknownIds"):
                missing = [i for i in body["items"] if self._find(i) is None]
                return error_response(400, "not found", missing=missing)
            return httpx.Response(200, json={"items": found})
        if rec.endpoint in ("POST /sequences/list", "POST /sequences/search"):
            return httpx.Response(200, json={"items": list(self.sequences.values())[: body.get("limit", 100)]})
        if rec.endpoint == "POST /sequences/update":
            out = []
            for item in body["items"]:
                seq = self._find(self._ident(item))
                if seq is None:
                    return error_response(400, "not found", missing=[self._ident(item)])
                for name, op in item["update"].items():
                    if name != "columns" and "set" in op:
                        seq[name] = op["set"]
                out.append(seq)
            return httpx.Response(200, json={"items": out})
        if rec.endpoint == "POST /sequences/delete":
            return httpx.Response(200, json={})
        if rec.endpoint == "POST /sequences/data":
            if self.fail_after is not None and len(self.bodies("POST /sequences/data")) > self.fail_after:
                return error_response(400, "Invalid value")
            for item in body["items"]:
                seq = self._find(self._ident(item))
                assert seq is not None
                for row in item["rows"]:
                    target = self.rows[seq["id"]].setdefault(row["rowNumber"], {})
                    target.update(zip(item["columns"], row["values"], strict=True))
            return httpx.Response(200, json={})
        if rec.endpoint in ("POST /sequences/data/list", "POST /sequences/data/latest"):
            seq = self._find(self._ident(body))
            if seq is None:
                return error_response(400, "not found", missing=[self._ident(body)])
            columns = body.get("columns") or [c["externalId"] for c in seq["columns"]]
            numbers = sorted(self.rows[seq["id"]])
            if rec.endpoint.endswith("latest"):
                before = body.get("before")
                page = [n for n in numbers if before is None or n < before][-1:]
                next_cursor = None
            else:
                start = int(base64.b64decode(body["cursor"])) if "cursor" in body else body.get("start", 0)
                end = body.get("end")
                numbers = [n for n in numbers if n >= start and (end is None or n < end)]
                size = min(body.get("limit", 100), self.page_rows)
                page = numbers[:size]
                next_cursor = base64.b64encode(str(numbers[size]).encode()).decode() if len(numbers) > size else None
            out = {
                "id": seq["id"],
                "externalId": seq["externalId"],
                "columns": [c for c in seq["columns"] if c["externalId"] in columns],
                "rows": [{"rowNumber": n, "values": [self.rows[seq["id"]][n].get(c) for c in columns]} for n in page],
            }
            if next_cursor:
                out["nextCursor"] = next_cursor
            return httpx.Response(200, json=out)
        if rec.endpoint == "POST /sequences/data/delete":
            for item in body["items"]:
                seq = self._find(self._ident(item))
                assert seq is not None
                for n in item["rows"]:
                    self.rows[seq["id"]].pop(n, None)
            return httpx.Response(200, json={})
        return error_response(404, f"No route {rec.endpoint}")


@pytest.fixture
def fake() -> FakeSequences:
    return FakeSequences()


@pytest.fixture
def client(config: ClientConfig, fake: FakeSequences) -> AsyncCogniteClient:
    return AsyncCogniteClient(config, transport=fake.transport)


# ---------------------------------------------------------------------------------------------- data classes


class TestDataClasses:
    def test_write_and_read_forms(self) -> None:
        write = SequenceWrite(
            columns=[SequenceColumnWrite("a", value_type="string"), {"external_id": "b", "metadata": {"u": "m"}}],  # type: ignore[list-item]
            external_id="s",
            asset_id=3,
        )
        assert write.dump() == {
            "columns": [
                {"externalId": "a", "valueType": "STRING"},
                {"externalId": "b", "valueType": "DOUBLE", "metadata": {"u": "m"}},
            ],
            "assetId": 3,
            "externalId": "s",
        }
        read = Sequence.load({"id": 1, "externalId": "s", "columns": [{"externalId": "a", "valueType": "LONG"}]})
        assert read.column_external_ids == ["a"] and read.column_value_types == ["LONG"]
        assert read.as_write() == SequenceWrite([SequenceColumnWrite("a", value_type="LONG")], external_id="s")
        assert SequenceWrite.load(write.dump()) == write
        assert read.dump(camel_case=False)["columns"] == [{"external_id": "a", "value_type": "LONG"}]

    def test_bad_value_type(self) -> None:
        with pytest.raises(ValueError, match="value_type"):
            SequenceColumnWrite("a", value_type="BOOL")  # type: ignore[arg-type]

    def test_column_lists(self) -> None:
        cols = SequenceColumnList([SequenceColumn("a", "STRING"), SequenceColumn("b")])
        assert cols.value_types() == ["STRING", "DOUBLE"]
        assert isinstance(cols.as_write(), SequenceColumnWriteList)
        assert cols.as_write().value_types() == ["STRING", "DOUBLE"]
        assert cols.as_external_ids() == ["a", "b"]
        seqs = SequenceList([Sequence(id=1, external_id="x", columns=[SequenceColumn("a")])])
        assert seqs.as_write()[0].columns == [SequenceColumnWrite("a")]

    def test_update_columns(self) -> None:
        upd = (
            SequenceUpdate(external_id="s")
            .columns.add([SequenceColumnWrite("b"), SequenceColumn("c", "LONG")])
            .columns.remove(["a", SequenceColumn("z")])
            .columns.modify(SequenceColumnUpdate(external_id="d").name.set("D").metadata.remove(["k"]))
            .metadata.add({"k": "v"})
            .asset_id.set(None)
        )
        assert upd.dump() == {
            "externalId": "s",
            "update": {
                "columns": {
                    "add": [{"externalId": "b", "valueType": "DOUBLE"}, {"externalId": "c", "valueType": "LONG"}],
                    "remove": [{"externalId": "a"}, {"externalId": "z"}],
                    "modify": [{"externalId": "d", "update": {"name": {"set": "D"}, "metadata": {"remove": ["k"]}}}],
                },
                "metadata": {"add": {"k": "v"}},
                "assetId": {"setNull": True},
            },
        }
        with pytest.raises(TypeError):
            SequenceUpdate(id=1).columns.modify(["a"])  # type: ignore[list-item]
        with pytest.raises(ValueError, match="external_id"):
            SequenceColumnUpdate(id=1).name.set("x").dump()

    @pytest.mark.parametrize("mode", ["replace_ignore_null", "patch", "replace"])
    def test_update_from_a_whole_sequence_diffs_columns(self, mode: Any) -> None:
        current = Sequence.load(
            {
                "id": 1,
                "columns": [
                    {"externalId": "keep", "valueType": "DOUBLE", "name": "old", "metadata": {"a": "1"}},
                    {"externalId": "gone", "valueType": "DOUBLE"},
                    {"externalId": "retyped", "valueType": "DOUBLE"},
                ],
            }
        )
        wanted = SequenceWrite(
            [
                SequenceColumnWrite("keep", name="new", metadata={"b": "2"}),
                SequenceColumnWrite("retyped", value_type="STRING"),
                SequenceColumnWrite("added"),
            ],
            external_id="s",
        )
        columns = SequenceUpdate._from_sequence(wanted, current, mode).dump()["update"]["columns"]
        removed = (
            [{"externalId": "retyped"}] if mode == "patch" else [{"externalId": "gone"}, {"externalId": "retyped"}]
        )
        assert columns["remove"] == removed
        assert columns["add"] == [
            {"externalId": "retyped", "valueType": "STRING"},
            {"externalId": "added", "valueType": "DOUBLE"},
        ]
        metadata = {"add": {"b": "2"}} if mode == "patch" else {"set": {"b": "2"}}
        assert columns["modify"] == [{"externalId": "keep", "update": {"name": {"set": "new"}, "metadata": metadata}}]

    def test_filter_sort_and_properties(self) -> None:
        assert SequenceFilter(external_id_prefix="p", asset_subtree_ids=[{"id": 1}]).dump() == {
            "externalIdPrefix": "p",
            "assetSubtreeIds": [{"id": 1}],
        }
        assert SequenceProperty.metadata_key("k") == ["metadata", "k"]
        assert SequenceProperty.asset_root_id.as_reference() == ["assetRootId"]
        assert SortableSequenceProperty.name.as_reference() == ["name"]

    def test_rows(self) -> None:
        rows = SequenceRows(
            rows=[SequenceRow(1, [1.0, "a", 5]), {"rowNumber": 3, "values": [None, "b", None]}],  # type: ignore[list-item]
            columns=["x", {"externalId": "y", "valueType": "STRING"}, SequenceColumn("z", "LONG")],  # type: ignore[list-item]
            id=7,
            external_id="s",
        )
        assert len(rows) == 2 and [r.row_number for r in rows] == [1, 3] == rows.row_numbers
        assert rows[3] == [None, "b", None] and rows.values == [[1.0, "a", 5], [None, "b", None]]
        assert dict(rows.items()) == {1: [1.0, "a", 5], 3: [None, "b", None]}
        assert rows.get_column("y") == ["a", "b"] and rows.column_value_types == ["DOUBLE", "STRING", "LONG"]
        with pytest.raises(ValueError, match="No column"):
            rows.get_column("nope")
        with pytest.raises(KeyError):
            rows[2]
        dumped = rows.dump()
        assert dumped["rows"][0] == {"rowNumber": 1, "values": [1.0, "a", 5]} and dumped["externalId"] == "s"
        assert SequenceRows.load(dumped) == rows

    def test_rows_to_pandas(self) -> None:
        rows = SequenceRows(
            [SequenceRow(1, [1.5, "a"]), SequenceRow(4, [None, None])], ["x", "y"], id=7, external_id="s"
        )
        rows.columns[1].value_type = "STRING"
        df = rows.to_pandas()
        assert list(df.columns) == ["x", "y"] and list(df.index) == [1, 4]
        assert df["x"].dtype == "float64" and pd.isna(df.loc[4, "x"]) and df.loc[1, "y"] == "a"
        assert list(rows.to_pandas("id|columnExternalId").columns) == ["7|x", "7|y"]
        assert list(rows.to_pandas("externalId").columns) == ["s", "s"]
        with pytest.raises(ValueError, match="column_names"):
            rows.to_pandas("nope")  # type: ignore[arg-type]
        other = SequenceRows([SequenceRow(2, [9.0])], ["x"], id=8, external_id="t")
        both = SequenceRowsList([rows, other])
        assert SequenceDataList is SequenceRowsList
        frames = both.to_pandas(key="id")
        assert list(frames) == [7, 8]
        joined = both.to_pandas(concat=True)
        assert list(joined.columns) == ["s|x", "s|y", "t|x"] and list(joined.index) == [1, 2, 4]

    def test_rows_of_a_sequence_need_a_client(self) -> None:
        from cognite.client.exceptions import CogniteMissingClientError

        with pytest.raises(CogniteMissingClientError):
            Sequence(id=1).rows(0, None)


# ---------------------------------------------------------------------------------------------- sequences


class TestSequences:
    async def test_list_body_and_split_asset_ids(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        fake.add("a", [("x", "DOUBLE")])
        res = await client.sequences.list(
            name="n", external_id_prefix="p", metadata={"k": "v"}, asset_subtree_external_ids=["r"],
            data_set_ids=[1], created_time={"min": 0}, advanced_filter=flt.Equals(SequenceProperty.name, "n"),
            sort=("name", "desc"), limit=5,
        )  # fmt: skip
        assert isinstance(res, SequenceList) and res[0].columns == [SequenceColumn("x", "DOUBLE", 1, 1)]
        assert fake.bodies("POST /sequences/list") == [
            {
                "limit": 5,
                "filter": {
                    "name": "n",
                    "externalIdPrefix": "p",
                    "metadata": {"k": "v"},
                    "assetSubtreeIds": [{"externalId": "r"}],
                    "createdTime": {"min": 0},
                    "dataSetIds": [{"id": 1}],
                },
                "advancedFilter": {"equals": {"property": ["name"], "value": "n"}},
                "sort": [{"property": ["name"], "order": "desc"}],
            }
        ]
        fake.requests.clear()
        await client.sequences.list(asset_ids=list(range(1, 251)), limit=None)
        sent = [b["filter"]["assetIds"] for b in fake.bodies("POST /sequences/list")]
        assert [len(ids) for ids in sent] == [100, 100, 50]

    async def test_bad_input_fails_before_any_request(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        with pytest.raises(TypeError, match="name"):
            await client.sequences.list(name=1)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="partitions"):
            await client.sequences.list(partitions=2, limit=10)
        with pytest.raises(ValueError, match="sort"):
            await client.sequences.list(partitions=2, limit=None, sort="name")
        with pytest.raises(TypeError, match="description"):
            await client.sequences.search(description=3)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="mode"):
            await client.sequences.upsert([], mode="replace_ignore_null")  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            await client.sequences.retrieve()
        assert fake.requests == []

    async def test_search_body(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        await client.sequences.search(name="n", query="q", filter={"asset_ids": [1]}, limit=3)
        assert fake.bodies("POST /sequences/search") == [
            {"search": {"name": "n", "query": "q"}, "filter": {"assetIds": [1]}, "limit": 3}
        ]

    async def test_update_with_a_whole_sequence_fetches_and_diffs_columns(
        self, client: AsyncCogniteClient, fake: FakeSequences
    ) -> None:
        fake.add("s", [("a", "DOUBLE"), ("b", "STRING")])
        new = SequenceWrite([SequenceColumnWrite("a", name="A"), SequenceColumnWrite("c")], external_id="s", name="x")
        res = await client.sequences.update(new)
        assert isinstance(res, Sequence) and res.name == "x"
        assert fake.bodies("POST /sequences/byids") == [{"items": [{"externalId": "s"}], "ignoreUnknownIds": True}]
        (update,) = fake.bodies("POST /sequences/update")[0]["items"]
        assert update["update"]["name"] == {"set": "x"}
        assert update["update"]["columns"] == {
            "remove": [{"externalId": "b"}],
            "add": [{"externalId": "c", "valueType": "DOUBLE"}],
            "modify": [{"externalId": "a", "update": {"name": {"set": "A"}}}],
        }

    async def test_update_objects_are_sent_as_they_are(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        fake.add("s", [("a", "DOUBLE")])
        await client.sequences.update([SequenceUpdate(id=1).columns.remove("a"), Sequence(id=1, name="y")])
        assert fake.bodies("POST /sequences/byids") == []
        assert [it["update"] for it in fake.bodies("POST /sequences/update")[0]["items"]] == [
            {"columns": {"remove": [{"externalId": "a"}]}},
            {"name": {"set": "y"}},
        ]

    async def test_upsert_updates_existing_and_creates_others(
        self, client: AsyncCogniteClient, fake: FakeSequences
    ) -> None:
        fake.add("old", [("a", "DOUBLE")])
        res = await client.sequences.upsert(
            [
                SequenceWrite([SequenceColumnWrite("a")], external_id="new"),
                SequenceWrite([SequenceColumnWrite("b")], external_id="old"),
            ],
            mode="replace",
        )
        assert [s.external_id for s in res] == ["new", "old"]
        (update,) = fake.bodies("POST /sequences/update")[-1]["items"]  # the first attempt also named "new"
        assert update["externalId"] == "old"
        assert update["update"]["columns"]["remove"] == [{"externalId": "a"}]
        assert fake.bodies("POST /sequences")[0]["items"][0]["externalId"] == "new"

    async def test_create_and_delete(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        created = await client.sequences.create(Sequence(external_id="s", columns=[SequenceColumn("a", "LONG")]))
        assert isinstance(created, Sequence) and created.column_value_types == ["LONG"]
        assert fake.bodies("POST /sequences") == [
            {"items": [{"columns": [{"externalId": "a", "valueType": "LONG"}], "externalId": "s"}]}
        ]
        await client.sequences.delete(id=[1], external_id="x", ignore_unknown_ids=True)
        assert fake.bodies("POST /sequences/delete") == [
            {"items": [{"id": 1}, {"externalId": "x"}], "ignoreUnknownIds": True}
        ]


# ---------------------------------------------------------------------------------------------- rows


class TestInsert:
    @pytest.mark.parametrize(
        "rows",
        [
            {1: [1.0, "a"], 2: [2.0, "b"]},
            [(1, [1.0, "a"]), (2, [2.0, "b"])],
            [{"rowNumber": 1, "values": [1.0, "a"]}, {"row_number": 2, "values": [2.0, "b"]}],
            [SequenceRow(1, [1.0, "a"]), SequenceRow(2, [2.0, "b"])],
        ],
        ids=["dict", "tuples", "dicts", "rows"],
    )
    async def test_every_row_form(self, client: AsyncCogniteClient, fake: FakeSequences, rows: Any) -> None:
        fake.add("s", [("v", "DOUBLE"), ("t", "STRING")])
        await client.sequences.data.insert(rows, columns=["v", "t"], external_id="s")
        assert fake.bodies("POST /sequences/data") == [
            {
                "items": [
                    {
                        "externalId": "s",
                        "columns": ["v", "t"],
                        "rows": [{"rowNumber": 1, "values": [1.0, "a"]}, {"rowNumber": 2, "values": [2.0, "b"]}],
                    }
                ]
            }
        ]

    async def test_columns_default_to_the_sequence_or_the_rows_object(
        self, client: AsyncCogniteClient, fake: FakeSequences
    ) -> None:
        fake.add("s", [("v", "DOUBLE"), ("t", "STRING")])
        await client.sequences.data.insert({1: [1.0, "a"]}, id=1)
        assert fake.bodies("POST /sequences/byids") == [{"items": [{"id": 1}], "ignoreUnknownIds": False}]
        copied = SequenceRows([SequenceRow(5, ["z"])], ["t"])
        await client.sequences.data.insert(copied, id=1)
        assert [b["items"][0]["columns"] for b in fake.bodies("POST /sequences/data")] == [["v", "t"], ["t"]]
        assert len(fake.bodies("POST /sequences/byids")) == 1
        with pytest.raises(CogniteNotFoundError):
            await client.sequences.data.insert({1: [1.0]}, external_id="missing")

    async def test_chunked_by_rows_values_and_columns_and_sent_concurrently(
        self, config: ClientConfig, fake: FakeSequences
    ) -> None:
        fake.delay = 0.01
        client = AsyncCogniteClient(config, transport=fake.transport)
        fake.add("narrow", [("v", "DOUBLE")])
        await client.sequences.data.insert({n: [float(n)] for n in range(25_000)}, columns=["v"], id=1)
        sizes = [len(b["items"][0]["rows"]) for b in fake.bodies("POST /sequences/data")]
        assert sizes == [10_000, 10_000, 5_000]
        assert fake.max_in_flight > 1
        assert sorted(fake.rows[1]) == list(range(25_000))
        fake.requests.clear()
        wide = [f"c{i}" for i in range(250)]
        fake.add("wide", [(c, "LONG") for c in wide])
        await client.sequences.data.insert({n: list(range(250)) for n in range(1000)}, columns=wide, id=2)
        sent = fake.bodies("POST /sequences/data")
        groups = [(len(b["items"][0]["columns"]), len(b["items"][0]["rows"])) for b in sent]
        # 200 columns: 500 rows per request (100,000 values); the other 50 columns: 1000 rows at once
        assert groups == [(200, 500), (200, 500), (50, 1000)]
        assert all(len(r["values"]) == len(b["items"][0]["columns"]) for b in sent for r in b["items"][0]["rows"])
        assert fake.rows[2][999] == {c: i for i, c in enumerate(wide)}

    async def test_a_failed_chunk_reports_the_row_numbers(self, config: ClientConfig, fake: FakeSequences) -> None:
        fake.fail_after = 1
        client = AsyncCogniteClient(config, transport=fake.transport)
        fake.add("s", [("v", "DOUBLE")])
        with pytest.raises(CogniteAPIError) as err:
            await client.sequences.data.insert({n: [1.0] for n in range(20_000)}, columns=["v"], id=1)
        assert err.value.successful == list(range(10_000))
        assert err.value.failed == list(range(10_000, 20_000))

    async def test_bad_rows_fail_before_any_request(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        data = client.sequences.data
        with pytest.raises(ValueError, match="2 values for 1 columns"):
            await data.insert({1: [1.0, 2.0]}, columns=["v"], id=1)
        with pytest.raises(ValueError, match="row number"):
            await data.insert({-1: [1.0]}, columns=["v"], id=1)
        with pytest.raises(TypeError, match="row number"):
            await data.insert([("1", [1.0])], columns=["v"], id=1)
        with pytest.raises(ValueError, match="columns"):
            await data.insert({1: [1.0]}, columns=[], id=1)
        with pytest.raises(TypeError, match="rows"):
            await data.insert("rows", id=1)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="values"):
            await data.insert([(1, [1.0]), (2, [1.0, 2.0])], id=1)
        with pytest.raises(ValueError, match="Exactly one"):
            await data.insert({1: [1.0]}, columns=["v"], id=1, external_id="x")
        assert fake.requests == []

    async def test_insert_dataframe(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        fake.add("s", [("a", "LONG"), ("b", "DOUBLE"), ("c", "STRING")])
        df = pd.DataFrame(
            {"a": np.array([1, 2, 3], dtype="int64"), "b": [0.5, np.nan, np.nan], "c": ["x", None, None]},
            index=np.array([10, 11, 12]),
        )
        df.loc[12, "a"] = 3
        await client.sequences.data.insert_dataframe(df[["b", "c"]], external_id="s")
        (body,) = fake.bodies("POST /sequences/data")
        assert body["items"][0]["rows"] == [{"rowNumber": 10, "values": [0.5, "x"]}]
        fake.requests.clear()
        await client.sequences.data.insert_dataframe(df, external_id="s", dropna=False)
        (body,) = fake.bodies("POST /sequences/data")
        assert body["items"][0]["columns"] == ["a", "b", "c"]
        assert body["items"][0]["rows"][1] == {"rowNumber": 11, "values": [2, None, None]}
        with pytest.raises(TypeError, match="DataFrame"):
            await client.sequences.data.insert_dataframe({"a": [1]}, id=1)  # type: ignore[arg-type]


class TestRetrieve:
    async def test_follows_cursors_to_the_limit(self, config: ClientConfig, fake: FakeSequences) -> None:
        fake.page_rows = 30
        client = AsyncCogniteClient(config, transport=fake.transport)
        fake.add("s", [("v", "DOUBLE"), ("w", "DOUBLE")])
        fake.rows[1] = {n: {"v": float(n), "w": 0.0} for n in range(100)}
        res = await client.sequences.data.retrieve(external_id="s", start=5, end=90, columns=["v"], limit=70)
        assert isinstance(res, SequenceRows) and res.external_id == "s" and res.id == 1
        assert res.row_numbers == list(range(5, 75)) and res.column_external_ids == ["v"]
        sent = fake.bodies("POST /sequences/data/list")
        assert [b["limit"] for b in sent] == [70, 40, 10]
        assert sent[0] == {"externalId": "s", "start": 5, "end": 90, "columns": ["v"], "limit": 70}
        assert "cursor" not in sent[0] and all(b.get("cursor") for b in sent[1:])
        fake.requests.clear()
        everything = await client.sequences.data.retrieve(id=1, end=-1)
        assert len(everything) == 100 and everything.values[3] == [3.0, 0.0]
        assert [b["limit"] for b in fake.bodies("POST /sequences/data/list")] == [10_000] * 4
        assert "end" not in fake.bodies("POST /sequences/data/list")[0]

    async def test_several_sequences_concurrently_in_order(self, config: ClientConfig, fake: FakeSequences) -> None:
        fake.delay = 0.01
        client = AsyncCogniteClient(config, transport=fake.transport)
        for i in range(4):
            fake.add(f"s{i}", [("v", "DOUBLE")])
            fake.rows[i + 1] = {n: {"v": float(i)} for n in range(i + 1)}
        res = await client.sequences.data.retrieve(external_id=["s2", "s0"], id=[4, 2])
        assert isinstance(res, SequenceRowsList)
        assert [(r.id, len(r)) for r in res] == [(4, 4), (2, 2), (3, 3), (1, 1)]
        assert fake.max_in_flight > 1
        df = await client.sequences.data.retrieve_dataframe(0, None, external_id=["s0", "s1"])  # type: ignore[arg-type]
        assert list(df.columns) == ["s0|v", "s1|v"] and list(df.index) == [0, 1]

    async def test_limit_zero_and_bad_arguments(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        empty = await client.sequences.data.retrieve(id=1, limit=0)
        assert len(empty) == 0 and empty.id == 1
        data = client.sequences.data
        with pytest.raises(ValueError, match="id or external_id"):
            await data.retrieve()
        with pytest.raises(ValueError, match="start"):
            await data.retrieve(id=1, start=-1)
        with pytest.raises(TypeError, match="end"):
            await data.retrieve(id=1, end="10")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            await data.retrieve(id=1, limit=-5)
        with pytest.raises(TypeError, match="columns"):
            await data.retrieve(id=1, columns="v")
        with pytest.raises(ValueError, match="before"):
            await data.retrieve_last_row(id=1, before=0)
        with pytest.raises(ValueError, match="column_names"):
            await data.retrieve_dataframe(0, None, id=1, column_names="bad")  # type: ignore[arg-type]
        assert fake.requests == []

    async def test_missing_sequence_raises_not_found(self, client: AsyncCogniteClient) -> None:
        with pytest.raises(CogniteNotFoundError) as err:
            await client.sequences.data.retrieve(external_id="nope")
        assert err.value.not_found == [{"externalId": "nope"}]

    async def test_last_row(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        fake.add("s", [("v", "DOUBLE")])
        fake.rows[1] = {n: {"v": float(n)} for n in (1, 5, 9)}
        last = await client.sequences.data.retrieve_last_row(external_id="s", columns=["v"], before=9)
        assert last.row_numbers == [5] and last.values == [[5.0]]
        assert fake.bodies("POST /sequences/data/latest") == [{"externalId": "s", "columns": ["v"], "before": 9}]

    async def test_dataframe(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        fake.add("s", [("v", "DOUBLE"), ("n", "LONG")])
        fake.rows[1] = {n: {"v": n / 2, "n": n} for n in range(3)}
        df = await client.sequences.data.retrieve_dataframe(1, None, external_id="s")
        assert list(df.columns) == ["v", "n"] and list(df.index) == [1, 2] and df["n"].tolist() == [1, 2]
        named = await client.sequences.data.retrieve_dataframe(0, 2, id=1, column_names="externalId|columnExternalId")
        assert list(named.columns) == ["s|v", "s|n"] and len(named) == 2

    async def test_pandas_missing_raises_import_error(
        self, client: AsyncCogniteClient, fake: FakeSequences, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(CogniteImportError):
            await client.sequences.data.retrieve_dataframe(0, None, id=1)
        with pytest.raises(CogniteImportError):
            await client.sequences.data.insert_dataframe(object(), id=1)  # type: ignore[arg-type]
        with pytest.raises(CogniteImportError):
            SequenceRows([], []).to_pandas()
        assert fake.requests == []

    async def test_rows_helper_of_a_loaded_sequence(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        fake.add("s", [("v", "DOUBLE")])
        fake.rows[1] = {n: {"v": float(n)} for n in range(4)}
        seq = await client.sequences.retrieve(external_id="s")
        assert seq is not None
        assert (await seq.rows_async(1, 3)).row_numbers == [1, 2]


class TestDelete:
    async def test_delete_chunks_row_numbers(self, client: AsyncCogniteClient, fake: FakeSequences) -> None:
        fake.add("s", [("v", "DOUBLE")])
        await client.sequences.data.delete(list(range(25_000)), external_id="s")
        sent = fake.bodies("POST /sequences/data/delete")
        assert [len(b["items"][0]["rows"]) for b in sent] == [10_000, 10_000, 5_000]
        assert sent[0]["items"][0]["externalId"] == "s"
        fake.requests.clear()
        await client.sequences.data.delete(7, id=1)
        assert fake.bodies("POST /sequences/data/delete") == [{"items": [{"id": 1, "rows": [7]}]}]
        with pytest.raises(TypeError, match="rows"):
            await client.sequences.data.delete(["a"], id=1)  # type: ignore[list-item]

    async def test_delete_range_reads_one_column_then_deletes(
        self, client: AsyncCogniteClient, fake: FakeSequences
    ) -> None:
        fake.add("s", [("v", "DOUBLE"), ("w", "DOUBLE")])
        fake.rows[1] = {n: {"v": float(n), "w": 1.0} for n in range(10)}
        await client.sequences.data.delete_range(2, 8, external_id="s")
        assert sorted(fake.rows[1]) == [0, 1, 8, 9]
        (listed,) = fake.bodies("POST /sequences/data/list")
        assert listed["columns"] == ["v"] and listed["start"] == 2 and listed["end"] == 8
        fake.requests.clear()
        await client.sequences.data.delete_range(100, None, id=1)  # nothing there: no delete request
        assert fake.bodies("POST /sequences/data/delete") == []


def test_sync_client_runs_the_rows_methods(config: ClientConfig, fake: FakeSequences) -> None:
    client = CogniteClient(config, transport=fake.transport)
    fake.add("s", [("v", "DOUBLE")])
    client.sequences.data.insert({1: [1.0], 2: [2.0]}, columns=["v"], external_id="s")
    rows = client.sequences.data.retrieve(external_id="s")
    assert rows.values == [[1.0], [2.0]]
    seq = client.sequences.retrieve(external_id="s")
    assert seq is not None and seq.rows(0, 2).row_numbers == [1]
    client.sequences.data.delete_range(0, None, external_id="s")
    assert fake.rows[1] == {}
    assert copy.deepcopy(client.sequences.data.retrieve_last_row(id=1)).rows == []
