"""The RAW API through ``httpx.MockTransport``: a small in-memory RAW server; the SDK's own layers run for real."""

from __future__ import annotations

import asyncio
import base64
import gzip
import json
import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.data_classes.raw import (
    Database,
    DatabaseList,
    Row,
    RowList,
    RowWrite,
    RowWriteList,
    Table,
    TableList,
)
from cognite.client.exceptions import CogniteAPIError, CogniteImportError, CogniteNotFoundError

API_ROOT = "/api/v1/projects/unit-test-project"


class FakeRaw:
    """RAW in memory: databases -> tables -> rows, answering like CDF (GET lists with cursors, /cursors)."""

    def __init__(self, page_size: int = 10000) -> None:
        self.page_size = page_size
        self.dbs: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self.requests: list[tuple[str, str, dict[str, str], Any]] = []
        self.fail: Callable[[str, str, Any], httpx.Response | None] | None = None
        self.in_flight = 0
        self.max_in_flight = 0
        self.delay = 0.0

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def calls(self, method: str, suffix: str) -> list[tuple[str, str, dict[str, str], Any]]:
        return [r for r in self.requests if r[0] == method and r[1].endswith(suffix)]

    async def handle(self, request: httpx.Request) -> httpx.Response:
        raw_path = request.url.raw_path.split(b"?")[0].decode()
        path = raw_path.removeprefix(API_ROOT)
        body = None
        if request.content:
            data = request.content
            if request.headers.get("content-encoding") == "gzip":
                data = gzip.decompress(data)
            body = json.loads(data)
        params = dict(request.url.params)
        self.requests.append((request.method, path, params, body))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            if self.fail is not None and (failed := self.fail(request.method, path, body)) is not None:
                return failed
            return self.route(request.method, [unquote(p) for p in path.split("/")[3:]], params, body)
        finally:
            self.in_flight -= 1

    def route(self, method: str, parts: list[str], params: dict[str, str], body: Any) -> httpx.Response:
        if not parts:
            if method == "POST":
                for it in body["items"]:
                    self.dbs[it["name"]] = {}
                return httpx.Response(201, json=body)
            return self.page([{"name": n} for n in self.dbs], params)
        if parts == ["delete"]:
            for it in body["items"]:
                del self.dbs[it["name"]]
            return httpx.Response(200, json={})
        if params.get("ensureParent") == "true":
            self.dbs.setdefault(parts[0], {}).setdefault(parts[2], {})
        db = self.dbs.get(parts[0])
        if db is None:
            return _error(404, "db not found", missing=[{"name": parts[0]}])
        if parts[1:] == ["tables"]:
            if method == "POST":
                for it in body["items"]:
                    db[it["name"]] = {}
                return httpx.Response(201, json=body)
            return self.page([{"name": n} for n in db], params)
        if parts[1:] == ["tables", "delete"]:
            for it in body["items"]:
                del db[it["name"]]
            return httpx.Response(200, json={})
        table = db[parts[2]]
        tail = parts[3:]
        if tail == ["rows"] and method == "POST":
            for it in body["items"]:
                table[it["key"]] = {"key": it["key"], "columns": it["columns"], "lastUpdatedTime": 1000}
            return httpx.Response(200, json={})
        if tail == ["rows", "delete"]:
            for it in body["items"]:
                table.pop(it["key"], None)
            return httpx.Response(200, json={})
        if tail == ["cursors"]:
            n = int(params["numberOfCursors"])
            size = len(table)
            return httpx.Response(200, json={"items": [_cursor(size * i // n, size * (i + 1) // n) for i in range(n)]})
        if tail == ["rows"]:
            return self.page(list(table.values()), params)
        if len(tail) == 2 and tail[0] == "rows":
            row = table.get(tail[1])
            return httpx.Response(200, json=row) if row else _error(404, "Row not found")
        return _error(404, "no route")

    def page(self, items: list[dict[str, Any]], params: dict[str, str]) -> httpx.Response:
        start, end = _decode(params["cursor"]) if "cursor" in params else (0, len(items))
        stop = min(end, start + min(int(params.get("limit", 25)), self.page_size))
        out: dict[str, Any] = {"items": items[start:stop]}
        if "columns" in params:
            wanted = [c for c in params["columns"].split(",") if c]
            out["items"] = [{**r, "columns": {c: r["columns"][c] for c in wanted}} for r in out["items"]]
        if stop < end:
            out["nextCursor"] = _cursor(stop, end)
        return httpx.Response(200, json=out)


def _cursor(start: int, end: int) -> str:
    return base64.b64encode(f"{start}:{end}".encode()).decode()


def _decode(cursor: str) -> tuple[int, int]:
    start, end = base64.b64decode(cursor).decode().split(":")
    return int(start), int(end)


def _error(status: int, message: str, **extra: Any) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": status, "message": message, **extra}})


@pytest.fixture
def fake() -> FakeRaw:
    return FakeRaw()


@pytest.fixture
def client(config: ClientConfig, fake: FakeRaw) -> AsyncCogniteClient:
    return AsyncCogniteClient(config, transport=fake.transport)


def _fill(fake: FakeRaw, n: int, db: str = "db", table: str = "t") -> None:
    fake.dbs.setdefault(db, {})[table] = {
        f"k{i}": {"key": f"k{i}", "columns": {"i": i, "s": str(i)}, "lastUpdatedTime": 1000 + i} for i in range(n)
    }


# ---------------------------------------------------------------------------------------------- databases, tables


class TestDatabasesAndTables:
    async def test_create_one_or_many(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        one = await client.raw.databases.create("db")
        many = await client.raw.databases.create(["a", "b"])
        assert isinstance(one, Database) and one.name == "db"
        assert isinstance(many, DatabaseList) and many.as_names() == ["a", "b"]
        assert [r[3] for r in fake.calls("POST", "/raw/dbs")] == [
            {"items": [{"name": "db"}]},
            {"items": [{"name": "a"}, {"name": "b"}]},
        ]

    async def test_create_is_chunked_by_1000(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        created = await client.raw.databases.create([f"db{i}" for i in range(2500)])
        assert len(created) == 2500
        assert [len(r[3]["items"]) for r in fake.calls("POST", "/raw/dbs")] == [1000, 1000, 500]

    async def test_list_is_a_get_following_cursors(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        fake.page_size = 10
        fake.dbs = {f"db{i}": {} for i in range(35)}
        assert len(await client.raw.databases.list()) == 25
        assert len(await client.raw.databases.list(limit=None)) == 35
        gets = fake.calls("GET", "/raw/dbs")
        assert gets[0][2] == {"limit": "25"}
        assert ["cursor" in g[2] for g in gets] == [False, True, True, False, True, True, True]
        names = [db.name async for db in client.raw.databases(limit=12)]
        assert names == [f"db{i}" for i in range(12)]
        chunks = [len(c) async for c in client.raw.databases(chunk_size=20)]
        assert chunks == [20, 15]

    async def test_delete_sends_recursive(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        fake.dbs = {"a": {}, "b": {}}
        await client.raw.databases.delete(["a", "b"], recursive=True)
        assert fake.calls("POST", "/raw/dbs/delete")[0][3] == {
            "items": [{"name": "a"}, {"name": "b"}],
            "recursive": True,
        }
        assert fake.dbs == {}

    async def test_tables_live_under_the_url_encoded_database(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        fake.dbs = {"my db/1": {}}
        table = await client.raw.tables.create("my db/1", "t?x")
        tables = await client.raw.tables.create("my db/1", ["u", "v"])
        assert isinstance(table, Table) and isinstance(tables, TableList)
        assert fake.calls("POST", "/tables")[0][1] == "/raw/dbs/my%20db%2F1/tables"
        listed = await client.raw.tables.list("my db/1", limit=None)
        assert listed.as_names() == ["t?x", "u", "v"]
        iterated = [t async for t in client.raw.tables("my db/1")]
        assert [t.__dict__["_db_name"] for t in [table, *tables, *listed, *iterated]] == ["my db/1"] * 9
        await client.raw.tables.delete("my db/1", ["u", "v"])
        assert fake.calls("POST", "/tables/delete")[0][3] == {"items": [{"name": "u"}, {"name": "v"}]}
        assert list(fake.dbs["my db/1"]) == ["t?x"]

    async def test_database_and_table_helpers(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        _fill(fake, 3)
        db = await client.raw.databases.create("other")
        fake.dbs["other"] = fake.dbs.pop("db")
        tables = await db.tables_async()
        assert tables.as_names() == ["t"]
        assert (await tables[0].rows_async(key="k1")).columns == {"i": 1, "s": "1"}  # type: ignore[union-attr]
        assert len(await tables[0].rows_async(limit=None)) == 3  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="does not know its database"):
            await Table(name="t").rows_async()

    @pytest.mark.parametrize(
        "call, error",
        [
            (lambda c: c.raw.databases.create(""), ValueError),
            (lambda c: c.raw.databases.create(1), TypeError),
            (lambda c: c.raw.databases.delete(["a", 2]), TypeError),
            (lambda c: c.raw.databases.delete("a", recursive="yes"), TypeError),
            (lambda c: c.raw.tables.create(None, "t"), TypeError),
            (lambda c: c.raw.tables.list("", limit=1), ValueError),
            (lambda c: c.raw.databases.list(limit=-5), ValueError),
        ],
    )
    async def test_bad_input_fails_before_any_request(
        self, client: AsyncCogniteClient, fake: FakeRaw, call: Any, error: type[Exception]
    ) -> None:
        with pytest.raises(error):
            await call(client)
        assert fake.requests == []


# ---------------------------------------------------------------------------------------------- rows


class TestRowsWrite:
    async def test_insert_is_chunked_by_10000_concurrently(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        fake.dbs = {"db": {"t": {}}}
        fake.delay = 0.01
        rows = [RowWrite(key=f"k{i}", columns={"i": i}) for i in range(25001)]
        assert await client.raw.rows.insert("db", "t", rows) is None
        posts = fake.calls("POST", "/rows")
        assert sorted(len(p[3]["items"]) for p in posts) == [5001, 10000, 10000]
        assert all(p[2] == {} for p in posts)
        assert fake.max_in_flight > 1
        assert len(fake.dbs["db"]["t"]) == 25001

    async def test_insert_uses_the_raw_concurrency_limit(self, config: ClientConfig, fake: FakeRaw) -> None:
        limits = global_config.concurrency_settings
        before = limits.raw.write
        limits._frozen = False  # the settings freeze at a client's first request (earlier tests sent some)
        limits.raw.write = 2
        try:
            fake.dbs = {"db": {"t": {}}}
            fake.delay = 0.01
            client = AsyncCogniteClient(config, transport=fake.transport)
            await client.raw.rows.insert("db", "t", {f"k{i}": {} for i in range(60000)})
            assert len(fake.calls("POST", "/rows")) == 6 and fake.max_in_flight == 2
        finally:
            limits._frozen = False
            limits.raw.write = before

    async def test_insert_accepts_dicts_rows_and_one_row(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        await client.raw.rows.insert("db", "t", {"a": {"x": 1}, "b": {"y": [1, {"z": None}]}}, ensure_parent=True)
        await client.raw.rows.insert("db", "t", Row(key="c", columns={"x": 2}, last_updated_time=5))
        await client.raw.rows.insert("db", "t", RowWriteList([RowWrite(key="d", columns={})]))
        posts = fake.calls("POST", "/rows")
        assert posts[0][2] == {"ensureParent": "true"}
        assert posts[0][3] == {
            "items": [{"key": "a", "columns": {"x": 1}}, {"key": "b", "columns": {"y": [1, {"z": None}]}}]
        }
        assert posts[1][3] == {"items": [{"key": "c", "columns": {"x": 2}}]}
        assert posts[2][3] == {"items": [{"key": "d", "columns": {}}]}

    async def test_empty_insert_sends_nothing(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        await client.raw.rows.insert("db", "t", [])
        await client.raw.rows.insert("db", "t", {})
        assert fake.requests == []

    @pytest.mark.parametrize(
        "row, error",
        [
            ("key", TypeError),
            ([{"key": "a", "columns": {}}], TypeError),
            ({"a": [1, 2]}, TypeError),
            ({"": {}}, ValueError),
            ({1: {}}, ValueError),
            ([RowWrite(key="a", columns=None)], TypeError),  # type: ignore[arg-type]
        ],
    )
    async def test_insert_bad_rows_fail_before_any_request(
        self, client: AsyncCogniteClient, fake: FakeRaw, row: Any, error: type[Exception]
    ) -> None:
        with pytest.raises(error):
            await client.raw.rows.insert("db", "t", row)
        with pytest.raises(TypeError, match="ensure_parent"):
            await client.raw.rows.insert("db", "t", {"a": {}}, ensure_parent=1)  # type: ignore[arg-type]
        assert fake.requests == []

    async def test_insert_is_retried_as_an_upsert(
        self, client: AsyncCogniteClient, fake: FakeRaw, no_backoff: None
    ) -> None:
        fake.dbs = {"db": {"t": {}}}
        failures = [httpx.Response(503, json={"error": {"code": 503, "message": "busy"}})]
        fake.fail = lambda method, path, body: failures.pop() if failures and method == "POST" else None
        await client.raw.rows.insert("db", "t", {"a": {"x": 1}})
        assert len(fake.calls("POST", "/rows")) == 2
        assert fake.dbs["db"]["t"]["a"]["columns"] == {"x": 1}

    async def test_failed_chunk_reports_what_was_inserted(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        fake.dbs = {"db": {"t": {}}}
        fake.fail = lambda m, p, body: _error(400, "bad") if body and body["items"][0]["key"] == "k10000" else None
        rows = [RowWrite(key=f"k{i}", columns={}) for i in range(20000)]
        with pytest.raises(CogniteAPIError) as info:
            await client.raw.rows.insert("db", "t", rows)
        assert len(info.value.successful) == 10000 and len(info.value.failed) == 10000
        assert info.value.failed[0].key == "k10000"

    async def test_delete_by_keys_in_chunks(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        _fill(fake, 2500)
        await client.raw.rows.delete("db", "t", [f"k{i}" for i in range(2400)])
        await client.raw.rows.delete("db", "t", "k2499")
        bodies = [r[3] for r in fake.calls("POST", "/rows/delete")]
        assert [len(b["items"]) for b in bodies] == [1000, 1000, 400, 1]
        assert bodies[-1] == {"items": [{"key": "k2499"}]}
        assert sorted(fake.dbs["db"]["t"]) == [f"k{i}" for i in range(2400, 2499)]

    async def test_insert_dataframe(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        import numpy as np
        import pandas as pd

        fake.dbs = {"db": {"t": {}}}
        df = pd.DataFrame(
            {
                "f": [1.5, np.nan],
                "o": pd.Series(["x", None], dtype=object, index=["r1", "r2"]),
                "i": np.array([1, 2], dtype="int64"),
                "b": [True, False],
            },
            index=["r1", "r2"],
        )
        await client.raw.rows.insert_dataframe("db", "t", df)
        await client.raw.rows.insert_dataframe("db", "t", df.iloc[1:], dropna=False)
        bodies = [r[3]["items"] for r in fake.calls("POST", "/rows")]
        assert bodies[0] == [
            {"key": "r1", "columns": {"f": 1.5, "o": "x", "i": 1, "b": True}},
            {"key": "r2", "columns": {"o": None, "i": 2, "b": False}},
        ]
        assert bodies[1] == [{"key": "r2", "columns": {"f": None, "o": None, "i": 2, "b": False}}]
        with pytest.raises(ValueError, match="unique index"):
            await client.raw.rows.insert_dataframe("db", "t", pd.DataFrame({"a": [1, 2]}, index=["x", "x"]))
        with pytest.raises(TypeError, match="DataFrame"):
            await client.raw.rows.insert_dataframe("db", "t", {"a": 1})  # type: ignore[arg-type]


class TestRowsRead:
    async def test_retrieve_one_row_or_none(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        _fill(fake, 2)
        fake.dbs["db"]["t"]["a/b c"] = {"key": "a/b c", "columns": {"x": 1}, "lastUpdatedTime": 7}
        row = await client.raw.rows.retrieve("db", "t", "a/b c")
        assert row == Row(key="a/b c", columns={"x": 1}, last_updated_time=7)
        assert fake.requests[-1][1] == "/raw/dbs/db/tables/t/rows/a%2Fb%20c"
        assert await client.raw.rows.retrieve("db", "t", "nope") is None
        assert await client.raw.rows.retrieve("db", "t", "k1") == Row(
            key="k1", columns={"i": 1, "s": "1"}, last_updated_time=1001
        )

    async def test_retrieve_raises_other_errors(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        fake.fail = lambda *a: _error(403, "forbidden")
        with pytest.raises(CogniteAPIError) as info:
            await client.raw.rows.retrieve("db", "t", "k")
        assert info.value.code == 403

    async def test_list_params(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        _fill(fake, 30)
        rows = await client.raw.rows.list("db", "t")
        assert isinstance(rows, RowList) and len(rows) == 25
        only_keys = await client.raw.rows.list("db", "t", columns=[], limit=3)
        assert [r.columns for r in only_keys] == [{}, {}, {}]
        some = await client.raw.rows.list(
            "db", "t", columns=["s"], limit=2, min_last_updated_time=5, max_last_updated_time=10_000
        )
        assert [r.columns for r in some] == [{"s": "0"}, {"s": "1"}]
        gets = [r[2] for r in fake.calls("GET", "/rows")]
        assert gets == [
            {"limit": "25"},
            {"limit": "3", "columns": ","},
            {"limit": "2", "columns": "s", "minLastUpdatedTime": "5", "maxLastUpdatedTime": "10000"},
        ]

    async def test_unlimited_list_reads_partitions_from_cursors(
        self, client: AsyncCogniteClient, fake: FakeRaw
    ) -> None:
        _fill(fake, 1000)
        fake.page_size = 100
        rows = await client.raw.rows.list("db", "t", limit=None, columns=["i"], min_last_updated_time=1)
        assert sorted(r.columns["i"] for r in rows) == list(range(1000))  # type: ignore[index]
        cursors = fake.calls("GET", "/cursors")
        assert cursors[0][1] == "/raw/dbs/db/tables/t/cursors"
        assert cursors[0][2] == {
            "minLastUpdatedTime": "1",
            "numberOfCursors": str(global_config.concurrency_settings.raw.read),
        }
        gets = fake.calls("GET", "/rows")
        assert all("cursor" in g[2] and g[2]["columns"] == "i" for g in gets)
        assert len(gets) == 10

    async def test_partitions_with_a_finite_limit_stop_early(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        _fill(fake, 4000)
        fake.page_size = 100
        rows = await client.raw.rows.list("db", "t", limit=250, partitions=4)
        assert len(rows) == 250 and len({r.key for r in rows}) == 250
        assert fake.calls("GET", "/cursors")[0][2] == {"numberOfCursors": "4"}
        assert len(fake.calls("GET", "/rows")) < 20

    async def test_partitions_are_capped_and_one_means_plain_paging(
        self, client: AsyncCogniteClient, fake: FakeRaw
    ) -> None:
        _fill(fake, 10)
        await client.raw.rows.list("db", "t", limit=None, partitions=1000)
        assert fake.calls("GET", "/cursors")[0][2]["numberOfCursors"] == str(
            global_config.concurrency_settings.raw.read
        )
        fake.requests.clear()
        assert len(await client.raw.rows.list("db", "t", limit=None, partitions=1)) == 10
        assert fake.calls("GET", "/cursors") == []
        with pytest.raises(ValueError, match="partitions"):
            await client.raw.rows.list("db", "t", partitions=0)

    async def test_iterate(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        _fill(fake, 50)
        fake.page_size = 20
        keys = [r.key async for r in client.raw.rows("db", "t")]
        assert keys == [f"k{i}" for i in range(50)]
        sizes = [len(c) async for c in client.raw.rows("db", "t", chunk_size=15, limit=40)]
        assert sizes == [15, 15, 10]
        parted = [r.key async for r in client.raw.rows("db", "t", partitions=3, columns=["i"])]
        assert sorted(parted) == sorted(keys)
        parted_chunks = [c async for c in client.raw.rows("db", "t", partitions=3, chunk_size=7, limit=30)]
        assert all(isinstance(c, RowList) for c in parted_chunks)
        assert sum(len(c) for c in parted_chunks) == 30

    async def test_stopping_a_partitioned_iteration_cancels_the_fetches(
        self, client: AsyncCogniteClient, fake: FakeRaw
    ) -> None:
        _fill(fake, 3000)
        fake.page_size = 10
        fake.delay = 0.001
        iterator = client.raw.rows("db", "t", partitions=3)
        async for _ in iterator:  # type: ignore[attr-defined]
            break
        await iterator.aclose()  # type: ignore[union-attr]
        seen = len(fake.requests)
        await asyncio.sleep(0.05)
        assert len(fake.requests) == seen and fake.in_flight == 0
        assert seen < 20

    async def test_a_failing_partition_fails_the_list(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        _fill(fake, 300)
        fake.page_size = 10
        calls = {"n": 0}

        def fail(method: str, path: str, body: Any) -> httpx.Response | None:
            calls["n"] += 1
            return _error(400, "boom") if calls["n"] == 5 else None

        fake.fail = fail
        with pytest.raises(CogniteAPIError, match="boom"):
            await client.raw.rows.list("db", "t", limit=None, partitions=3)

    async def test_missing_table_is_not_found(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        with pytest.raises(CogniteNotFoundError):
            await client.raw.rows.list("nodb", "t")

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"columns": "a"},
            {"columns": ["a,b"]},
            {"columns": [""]},
            {"min_last_updated_time": -1},
            {"max_last_updated_time": "now"},
            {"limit": 2.5},
        ],
    )
    async def test_bad_list_input_fails_before_any_request(
        self, client: AsyncCogniteClient, fake: FakeRaw, kwargs: dict[str, Any]
    ) -> None:
        with pytest.raises((TypeError, ValueError)):
            await client.raw.rows.list("db", "t", **kwargs)
        with pytest.raises((TypeError, ValueError)):
            await client.raw.rows.retrieve_dataframe("db", "t", **kwargs)
        assert fake.requests == []

    async def test_retrieve_dataframe(self, client: AsyncCogniteClient, fake: FakeRaw) -> None:
        _fill(fake, 3)
        df = await client.raw.rows.retrieve_dataframe("db", "t")
        assert list(df.index) == ["k0", "k1", "k2"] and df["i"].tolist() == [0, 1, 2]
        assert str(df["i"].dtype) == "int64"
        df = await client.raw.rows.retrieve_dataframe("db", "t", last_updated_time_in_index=True, infer_dtypes=False)
        assert df.index.names == ["key", "last_updated_time"]
        assert str(df.index[0][1]) == "1970-01-01 00:00:01"
        assert str(df["i"].dtype) == "object"

    async def test_pandas_is_optional(
        self, client: AsyncCogniteClient, fake: FakeRaw, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(CogniteImportError):
            await client.raw.rows.retrieve_dataframe("db", "t")
        with pytest.raises(CogniteImportError):
            await client.raw.rows.insert_dataframe("db", "t", object())  # type: ignore[arg-type]
        with pytest.raises(CogniteImportError):
            RowList([Row(key="a", columns={})]).to_pandas()
        assert fake.requests == []


def test_sync_client_has_every_raw_method(config: ClientConfig, fake: FakeRaw) -> None:
    with CogniteClient(config, transport=fake.transport) as client:
        fake.dbs["db"] = {"t": {}}
        client.raw.rows.insert("db", "t", {"a": {"x": 1}}, ensure_parent=True)
        assert client.raw.rows.retrieve("db", "t", "a") == Row(key="a", columns={"x": 1}, last_updated_time=1000)
        assert [r.key for r in client.raw.rows("db", "t")] == ["a"]
        assert client.raw.databases.list().as_names() == ["db"]
        assert [t.name for t in client.raw.tables("db")] == ["t"]
        tables = client.raw.tables.list("db")
        assert tables[0].rows(key="a") == Row(key="a", columns={"x": 1}, last_updated_time=1000)


# ---------------------------------------------------------------------------------------------- data classes


class TestDataClasses:
    def test_row_reads_like_a_dict_of_columns(self) -> None:
        row = Row.load({"key": "k", "columns": {"a": 1}, "lastUpdatedTime": 3})
        assert row["a"] == 1 and row.get("b", 9) == 9 and "a" in row and "b" not in row
        row["b"] = 2
        del row["a"]
        assert row.columns == {"b": 2}
        assert row.as_write() == RowWrite(key="k", columns={"b": 2})
        assert row.dump() == {"key": "k", "columns": {"b": 2}, "lastUpdatedTime": 3}
        assert row.dump(camel_case=False) == {"key": "k", "columns": {"b": 2}, "last_updated_time": 3}
        with pytest.raises(ValueError):
            Row(columns={}).as_write()

    def test_lists_and_write_forms(self) -> None:
        dbs = DatabaseList.load([{"name": "a"}, {"name": "b"}])
        assert dbs.as_names() == ["a", "b"] and dbs.as_write().as_names() == ["a", "b"]
        assert Database(name="a").as_write().dump() == {"name": "a"}
        tables = TableList.load([{"name": "t"}])
        assert tables.as_write().dump() == [{"name": "t"}]
        rows = RowList.load([{"key": "a", "columns": {"x": 1}, "lastUpdatedTime": 1}])
        assert rows.as_write().dump() == [{"key": "a", "columns": {"x": 1}}]
        assert isinstance(rows.as_write(), RowWriteList) and rows.as_write().as_write() is not None

    def test_to_pandas(self) -> None:
        rows = RowList([Row(key="a", columns={"x": 1}, last_updated_time=1), Row(key="b", columns={"y": "z"})])
        df = rows.to_pandas()
        assert list(df.index) == ["a", "b"] and list(df.columns) == ["x", "y"]
        one = rows[0].to_pandas()
        assert one.loc["a", "x"] == 1
        assert RowWriteList([RowWrite(key="k", columns={"c": 2})]).to_pandas().loc["k", "c"] == 2
        assert len(RowList([]).to_pandas()) == 0

    def test_helpers_need_a_client(self) -> None:
        from cognite.client.exceptions import CogniteMissingClientError

        with pytest.raises(CogniteMissingClientError):
            Database(name="db").tables()
